/* roadmap-restore-command.h — all progress replaced by a backup's, as one
 * change and one undo step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-command.h"
#include "roadmap-progress-data.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_RESTORE_COMMAND (roadmap_restore_command_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapRestoreCommand, roadmap_restore_command, ROADMAP, RESTORE_COMMAND, RoadmapCommand)

RoadmapCommand *roadmap_restore_command_new (RoadmapProgressData *data,
                                             const char          *source_name,
                                             GFile               *roadmap_dir);
void            roadmap_restore_command_count_roadmaps (RoadmapProgressData *data,
                                                        GFile               *roadmap_dir,
                                                        guint               *n_added,
                                                        guint               *n_replaced);

G_END_DECLS

/* roadmap-sync-command.h — tasks from the server merged in, one change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-command.h"
#include "roadmap-sync-record.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SYNC_COMMAND (roadmap_sync_command_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSyncCommand, roadmap_sync_command, ROADMAP, SYNC_COMMAND, RoadmapCommand)

RoadmapSyncCommand *roadmap_sync_command_new           (void);
void                roadmap_sync_command_add           (RoadmapSyncCommand       *self,
                                                        const RoadmapSyncRecord  *remote,
                                                        gint64                    sequence);
guint               roadmap_sync_command_get_n_records (RoadmapSyncCommand       *self);
guint               roadmap_sync_command_get_n_conflicts (RoadmapSyncCommand     *self);

G_END_DECLS

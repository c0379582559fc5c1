/* roadmap-command-group.h — several commands as one change and one step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-command.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_COMMAND_GROUP (roadmap_command_group_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapCommandGroup, roadmap_command_group, ROADMAP, COMMAND_GROUP, RoadmapCommand)

RoadmapCommand *roadmap_command_group_new    (const char          *description);
void            roadmap_command_group_add    (RoadmapCommandGroup *self,
                                              RoadmapCommand      *command);
guint           roadmap_command_group_get_n_commands (RoadmapCommandGroup *self);
void            roadmap_command_group_set_undo_description (RoadmapCommandGroup *self,
                                                            const char          *undo_description);

G_END_DECLS

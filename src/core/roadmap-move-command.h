/* roadmap-move-command.h — a skill to another column or place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-command.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_MOVE_COMMAND (roadmap_move_command_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapMoveCommand, roadmap_move_command, ROADMAP, MOVE_COMMAND, RoadmapCommand)

RoadmapCommand *roadmap_move_command_new        (RoadmapSkill       *skill,
                                                 RoadmapStatus       status,
                                                 RoadmapSkill       *before);
RoadmapCommand *roadmap_move_command_new_status (RoadmapSkill       *skill,
                                                 RoadmapStatus       status);
RoadmapSkill   *roadmap_move_command_get_skill  (RoadmapMoveCommand *self);
RoadmapStatus   roadmap_move_command_get_status (RoadmapMoveCommand *self);
RoadmapStatus   roadmap_move_command_get_old_status (RoadmapMoveCommand *self);

G_END_DECLS

/* roadmap-loser-command.h — a value that lost a conflict, brought back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-command.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_LOSER_COMMAND (roadmap_loser_command_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapLoserCommand, roadmap_loser_command, ROADMAP, LOSER_COMMAND, RoadmapCommand)

RoadmapCommand *roadmap_loser_command_new (RoadmapSkill *skill,
                                           gint64        loser_id);

G_END_DECLS

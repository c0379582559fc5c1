/* roadmap-plan-command.h — sets or removes a track's plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-command.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_PLAN_COMMAND (roadmap_plan_command_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapPlanCommand, roadmap_plan_command, ROADMAP, PLAN_COMMAND, RoadmapCommand)

RoadmapCommand *roadmap_plan_command_new (RoadmapTrack      *track,
                                          const RoadmapPlan *plan);

G_END_DECLS

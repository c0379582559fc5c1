/* roadmap-phase-private.h — shared between the model types only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-phase.h"

G_BEGIN_DECLS

void _roadmap_phase_set_track (RoadmapPhase *self,
                               RoadmapTrack *track,
                               guint         number);
void _roadmap_phase_skill_status_changed (RoadmapPhase  *self,
                                          RoadmapSkill  *skill,
                                          RoadmapStatus  old_status);

G_END_DECLS

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
void  _roadmap_phase_skill_moved (RoadmapPhase  *self,
                                  RoadmapSkill  *skill,
                                  RoadmapStatus  old_status,
                                  gint64         old_sort_key);
guint _roadmap_phase_get_skill_position (RoadmapPhase *self,
                                         RoadmapSkill *skill);
void  _roadmap_phase_counting_changed (RoadmapPhase *self);
void  _roadmap_track_phase_changed (RoadmapTrack       *self,
                                    const RoadmapTally *old_tally,
                                    const RoadmapTally *new_tally);

G_END_DECLS

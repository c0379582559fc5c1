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

G_END_DECLS

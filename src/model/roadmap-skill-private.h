/* roadmap-skill-private.h — shared between the model types only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-skill.h"

G_BEGIN_DECLS

void _roadmap_skill_set_phase (RoadmapSkill *self,
                               RoadmapPhase *phase,
                               guint         index);

G_END_DECLS

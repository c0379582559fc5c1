/* roadmap-conflict-group.h — in a skill's details, the values that lost
 * a sync conflict, each with Restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-session.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_CONFLICT_GROUP (roadmap_conflict_group_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapConflictGroup, roadmap_conflict_group, ROADMAP, CONFLICT_GROUP, AdwPreferencesGroup)

void roadmap_conflict_group_set_skill (RoadmapConflictGroup *self,
                                       RoadmapSession       *session,
                                       RoadmapSkill         *skill);
void roadmap_conflict_group_refresh   (RoadmapConflictGroup *self);

G_END_DECLS

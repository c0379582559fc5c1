/* roadmap-skill-list.h — the skills of a phase, as a GListModel over an array
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-skill.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SKILL_LIST (roadmap_skill_list_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSkillList, roadmap_skill_list, ROADMAP, SKILL_LIST, GObject)

RoadmapSkillList *roadmap_skill_list_new    (void);
void              roadmap_skill_list_append (RoadmapSkillList *self,
                                             RoadmapSkill     *skill);
void              roadmap_skill_list_insert (RoadmapSkillList *self,
                                             guint             position,
                                             RoadmapSkill     *skill);
void              roadmap_skill_list_remove (RoadmapSkillList *self,
                                             guint             position);
void              roadmap_skill_list_replace_all (RoadmapSkillList *self,
                                                  GPtrArray        *skills);
guint             roadmap_skill_list_search (RoadmapSkillList *self,
                                             gint64            sort_key,
                                             guint             index,
                                             guint             skip);
RoadmapSkill     *roadmap_skill_list_peek   (RoadmapSkillList *self,
                                             guint             position);

G_END_DECLS

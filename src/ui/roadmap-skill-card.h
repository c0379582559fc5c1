/* roadmap-skill-card.h — a skill on the board: draggable, focusable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "roadmap-skill.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SKILL_CARD (roadmap_skill_card_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSkillCard, roadmap_skill_card, ROADMAP, SKILL_CARD, GtkListBoxRow)

GtkWidget    *roadmap_skill_card_new       (RoadmapSkill     *skill);
RoadmapSkill *roadmap_skill_card_get_skill (RoadmapSkillCard *self);

G_END_DECLS

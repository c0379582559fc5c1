/* roadmap-selection.h — the cards picked on the board, to move together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "roadmap-skill.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SELECTION (roadmap_selection_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSelection, roadmap_selection, ROADMAP, SELECTION, GObject)

/* Where the selection's skills are shown: the card of a skill, if any */
typedef GtkWidget *(*RoadmapSelectionFindCard) (RoadmapSkill *skill,
                                                gpointer      user_data);

RoadmapSelection *roadmap_selection_new          (RoadmapSelectionFindCard find_card,
                                                  gpointer                 user_data);
guint             roadmap_selection_get_n_skills (RoadmapSelection *self);
gboolean          roadmap_selection_contains     (RoadmapSelection *self,
                                                  RoadmapSkill     *skill);
GPtrArray        *roadmap_selection_dup_skills   (RoadmapSelection *self);
void              roadmap_selection_toggle       (RoadmapSelection *self,
                                                  RoadmapSkill     *skill);
void              roadmap_selection_extend_to    (RoadmapSelection *self,
                                                  RoadmapSkill     *skill);
void              roadmap_selection_add_column   (RoadmapSelection *self,
                                                  RoadmapPhase     *phase,
                                                  RoadmapStatus     status);
gboolean          roadmap_selection_clear        (RoadmapSelection *self);

G_END_DECLS

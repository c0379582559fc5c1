/* roadmap-column.h — one of a phase's To-do / Doing / Done columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "roadmap-phase.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_COLUMN (roadmap_column_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapColumn, roadmap_column, ROADMAP, COLUMN, GtkWidget)

GtkWidget     *roadmap_column_new         (RoadmapPhase  *phase,
                                           RoadmapStatus  status);
RoadmapStatus  roadmap_column_get_status  (RoadmapColumn *self);
GtkWidget     *roadmap_column_find_card   (RoadmapColumn *self,
                                           RoadmapSkill  *skill);
GtkWidget     *roadmap_column_get_card_at (RoadmapColumn *self,
                                           guint          index);
guint          roadmap_column_position_at (RoadmapColumn *self,
                                           double         y,
                                           RoadmapSkill  *moving);
RoadmapSkill  *roadmap_column_get_skill_at (RoadmapColumn *self,
                                            guint          index,
                                            RoadmapSkill  *moving);

void           roadmap_column_set_expanded (RoadmapColumn *self,
                                            gboolean       expanded);
gboolean       roadmap_column_get_expanded (RoadmapColumn *self);

G_END_DECLS

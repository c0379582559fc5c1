/* roadmap-phase-card.h — a phase of the board: its title, months,
 * progress and three columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "roadmap-phase.h"
#include "roadmap-schedule.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_PHASE_CARD (roadmap_phase_card_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapPhaseCard, roadmap_phase_card, ROADMAP, PHASE_CARD, GtkWidget)

GtkWidget    *roadmap_phase_card_new        (RoadmapPhase     *phase);
RoadmapPhase *roadmap_phase_card_get_phase  (RoadmapPhaseCard *self);
GtkWidget    *roadmap_phase_card_get_column (RoadmapPhaseCard *self,
                                             RoadmapStatus     status);
gboolean      roadmap_phase_card_get_collapsed (RoadmapPhaseCard *self);
void          roadmap_phase_card_set_collapsed (RoadmapPhaseCard *self,
                                                gboolean          collapsed);
void          roadmap_phase_card_set_schedule  (RoadmapPhaseCard           *self,
                                                const RoadmapPhaseSchedule *entry);

G_END_DECLS

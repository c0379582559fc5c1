/* roadmap-phase.h — a stage of a track's plan, e.g. "Fundamentals, months 1–2"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-skill.h"
#include "roadmap-tally.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_PHASE (roadmap_phase_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapPhase, roadmap_phase, ROADMAP, PHASE, GObject)

typedef struct _RoadmapTrack RoadmapTrack;

RoadmapPhase *roadmap_phase_new             (const char    *id,
                                             const char    *title,
                                             guint          first_month,
                                             guint          last_month);
const char   *roadmap_phase_get_id          (RoadmapPhase  *self);
const char   *roadmap_phase_get_title       (RoadmapPhase  *self);
guint         roadmap_phase_get_first_month (RoadmapPhase  *self);
guint         roadmap_phase_get_last_month  (RoadmapPhase  *self);
guint         roadmap_phase_get_number      (RoadmapPhase  *self);
RoadmapTrack *roadmap_phase_get_track       (RoadmapPhase  *self);
GListModel   *roadmap_phase_get_skills      (RoadmapPhase  *self);
void          roadmap_phase_add_skill       (RoadmapPhase  *self,
                                             RoadmapSkill  *skill);
RoadmapSkill *roadmap_phase_peek_skill      (RoadmapPhase  *self,
                                             guint          position);
guint         roadmap_phase_get_n_skills    (RoadmapPhase  *self);
guint         roadmap_phase_get_hours_planned (RoadmapPhase *self);
guint         roadmap_phase_get_hours_done    (RoadmapPhase *self);
guint         roadmap_phase_get_n_counted     (RoadmapPhase *self);
guint         roadmap_phase_get_n_counted_done (RoadmapPhase *self);
void          roadmap_phase_get_tally         (RoadmapPhase *self,
                                               RoadmapTally *tally);
guint         roadmap_phase_get_n_with_status (RoadmapPhase  *self,
                                               RoadmapStatus  status);
GListModel   *roadmap_phase_get_column      (RoadmapPhase  *self,
                                             RoadmapStatus  status);
void          roadmap_phase_hold_counts     (RoadmapPhase  *self);
void          roadmap_phase_release_counts  (RoadmapPhase  *self);

G_END_DECLS

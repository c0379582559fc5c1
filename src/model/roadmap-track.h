/* roadmap-track.h — a career track (one roadmap file): phases of skills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-phase.h"
#include "roadmap-plan.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_TRACK (roadmap_track_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapTrack, roadmap_track, ROADMAP, TRACK, GObject)

/**
 * RoadmapSkillRef:
 * @id: the skill's id, kept with the others of its track in one block
 * @skill: the skill (owned by its phase)
 * @phase_index: its phase's place in the track, from 0
 * @index: its place in its phase
 *
 * An entry of roadmap_track_get_skill_refs(): what reading stored
 * progress needs of a skill, without touching the skill itself.
 */
typedef struct
{
  const char *id;
  RoadmapSkill *skill;
  guint phase_index;
  guint index;
} RoadmapSkillRef;

RoadmapTrack *roadmap_track_new             (const char    *id,
                                             const char    *title);
const char   *roadmap_track_get_id          (RoadmapTrack  *self);
const char   *roadmap_track_get_title       (RoadmapTrack  *self);
const char   *roadmap_track_get_summary     (RoadmapTrack  *self);
void          roadmap_track_set_summary     (RoadmapTrack  *self,
                                             const char    *summary);
const char   *roadmap_track_get_source      (RoadmapTrack  *self);
void          roadmap_track_set_source      (RoadmapTrack  *self,
                                             const char    *source);
GListModel   *roadmap_track_get_phases      (RoadmapTrack  *self);
gboolean      roadmap_track_add_phase       (RoadmapTrack  *self,
                                             RoadmapPhase  *phase);
RoadmapPhase *roadmap_track_find_phase      (RoadmapTrack  *self,
                                             const char    *phase_id);
RoadmapSkill *roadmap_track_find_skill      (RoadmapTrack  *self,
                                             const char    *skill_id);
GPtrArray    *roadmap_track_list_practised_in (RoadmapTrack *self,
                                               RoadmapSkill *skill);
GPtrArray    *roadmap_track_list_practised  (RoadmapTrack  *self,
                                             RoadmapSkill  *practice);
guint         roadmap_track_get_n_skills    (RoadmapTrack  *self);
guint         roadmap_track_get_hours_planned (RoadmapTrack *self);
guint         roadmap_track_get_hours_done  (RoadmapTrack  *self);
guint         roadmap_track_get_n_counted   (RoadmapTrack  *self);
guint         roadmap_track_get_n_counted_done (RoadmapTrack *self);
guint         roadmap_track_get_percent_done (RoadmapTrack *self);
/* The highest limit on cards in Doing a learner can set */
#define ROADMAP_TRACK_MAX_WIP_LIMIT 99

gboolean      roadmap_track_get_count_skipped_as_done (RoadmapTrack *self);
void          roadmap_track_set_count_skipped_as_done (RoadmapTrack *self,
                                                       gboolean      count_skipped_as_done);
guint         roadmap_track_get_wip_limit   (RoadmapTrack *self);
void          roadmap_track_set_wip_limit   (RoadmapTrack *self,
                                             guint         wip_limit);
const RoadmapSkillRef *
              roadmap_track_get_skill_refs  (RoadmapTrack  *self,
                                             guint         *n_refs);
guint         roadmap_track_get_n_with_status (RoadmapTrack  *self,
                                               RoadmapStatus  status);
const RoadmapPlan *
              roadmap_track_get_plan        (RoadmapTrack      *self);
void          roadmap_track_set_plan        (RoadmapTrack      *self,
                                             const RoadmapPlan *plan);

G_END_DECLS

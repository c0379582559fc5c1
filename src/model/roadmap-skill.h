/* roadmap-skill.h — one thing to learn, and the learner's progress on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-resource.h"
#include "roadmap-status.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SKILL (roadmap_skill_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSkill, roadmap_skill, ROADMAP, SKILL, GObject)

typedef struct _RoadmapPhase RoadmapPhase;

RoadmapSkill        *roadmap_skill_new                (const char          *id,
                                                       const char          *title);
const char          *roadmap_skill_get_id             (RoadmapSkill        *self);
const char          *roadmap_skill_get_title          (RoadmapSkill        *self);
const char          *roadmap_skill_get_summary        (RoadmapSkill        *self);
void                 roadmap_skill_set_summary        (RoadmapSkill        *self,
                                                       const char          *summary);
const char * const  *roadmap_skill_get_topics         (RoadmapSkill        *self);
void                 roadmap_skill_set_topics         (RoadmapSkill        *self,
                                                       const char * const  *topics);
GListModel          *roadmap_skill_get_resources      (RoadmapSkill        *self);
void                 roadmap_skill_add_resource       (RoadmapSkill        *self,
                                                       RoadmapResource     *resource);
guint                roadmap_skill_get_estimate_hours (RoadmapSkill        *self);
void                 roadmap_skill_set_estimate_hours (RoadmapSkill        *self,
                                                       guint                hours);
RoadmapPhase        *roadmap_skill_get_phase          (RoadmapSkill        *self);
guint                roadmap_skill_get_index          (RoadmapSkill        *self);
const char          *roadmap_skill_get_track_id       (RoadmapSkill        *self);

RoadmapStatus        roadmap_skill_get_status         (RoadmapSkill        *self);
guint                roadmap_skill_get_position       (RoadmapSkill        *self);
GDateTime           *roadmap_skill_get_started_at     (RoadmapSkill        *self);
GDateTime           *roadmap_skill_get_finished_at    (RoadmapSkill        *self);
const char          *roadmap_skill_get_note           (RoadmapSkill        *self);

/* Progress setters: only the progress store calls these, after its
 * transaction committed (see DESIGN.md, "Progress store"). */
void                 roadmap_skill_apply_progress     (RoadmapSkill        *self,
                                                       RoadmapStatus        status,
                                                       guint                position,
                                                       GDateTime           *started_at,
                                                       GDateTime           *finished_at);
void                 roadmap_skill_apply_note         (RoadmapSkill        *self,
                                                       const char          *note);

G_END_DECLS

/* roadmap-skill.h — one thing to learn, and the learner's progress on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-resource.h"
#include "roadmap-skill-kind.h"
#include "roadmap-status.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SKILL (roadmap_skill_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSkill, roadmap_skill, ROADMAP, SKILL, GObject)

typedef struct _RoadmapPhase RoadmapPhase;

/* Sort keys are sparse, ROADMAP_SORT_KEY_STEP apart when first given, so
 * that a skill placed between two others takes a key between theirs and
 * a move writes one row. A skill without stored progress is in To-do
 * after the stored ones, in roadmap order. */
#define ROADMAP_SORT_KEY_STEP          (G_GINT64_CONSTANT (1) << 32)
#define ROADMAP_SORT_KEY_UNSTORED_BASE (G_GINT64_CONSTANT (1) << 61)

/* A time a skill does not have (not started, not finished) */
#define ROADMAP_SKILL_NO_TIME G_MININT64

/* The longest note, in characters: the window, the command line and a
 * progress file all keep to it */
#define ROADMAP_NOTE_MAX_LENGTH 100000

/* The longest topic, in characters: the loader, and a progress file's
 * ticked topics, keep to it */
#define ROADMAP_TOPIC_MAX_LENGTH 200

static inline gint64
roadmap_sort_key_for_unstored (guint index)
{
  return ROADMAP_SORT_KEY_UNSTORED_BASE + (gint64) index * ROADMAP_SORT_KEY_STEP;
}

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
guint                roadmap_skill_get_n_topics       (RoadmapSkill        *self);
int                  roadmap_skill_find_topic         (RoadmapSkill        *self,
                                                       const char          *topic);
gboolean             roadmap_skill_get_topic_done     (RoadmapSkill        *self,
                                                       guint                index);
guint                roadmap_skill_get_n_topics_done  (RoadmapSkill        *self);
GListModel          *roadmap_skill_get_resources      (RoadmapSkill        *self);
void                 roadmap_skill_add_resource       (RoadmapSkill        *self,
                                                       RoadmapResource     *resource);
RoadmapSkillKind     roadmap_skill_get_kind           (RoadmapSkill        *self);
void                 roadmap_skill_set_kind           (RoadmapSkill        *self,
                                                       RoadmapSkillKind     kind);
const char * const  *roadmap_skill_get_practises      (RoadmapSkill        *self);
void                 roadmap_skill_set_practises      (RoadmapSkill        *self,
                                                       const char * const  *skill_ids);
gboolean             roadmap_skill_practises          (RoadmapSkill        *self,
                                                       const char          *skill_id);
guint                roadmap_skill_get_estimate_hours (RoadmapSkill        *self);
void                 roadmap_skill_set_estimate_hours (RoadmapSkill        *self,
                                                       guint                hours);
RoadmapPhase        *roadmap_skill_get_phase          (RoadmapSkill        *self);
guint                roadmap_skill_get_index          (RoadmapSkill        *self);
const char          *roadmap_skill_get_track_id       (RoadmapSkill        *self);

RoadmapStatus        roadmap_skill_get_status         (RoadmapSkill        *self);
guint                roadmap_skill_get_position       (RoadmapSkill        *self);
gint64               roadmap_skill_get_sort_key       (RoadmapSkill        *self);
int                  roadmap_skill_compare_place      (RoadmapSkill        *a,
                                                       RoadmapSkill        *b);
GDateTime           *roadmap_skill_get_started_at     (RoadmapSkill        *self);
GDateTime           *roadmap_skill_get_finished_at    (RoadmapSkill        *self);
const char          *roadmap_skill_get_note           (RoadmapSkill        *self);

/* Progress setters: only the session calls these, after the transaction
 * that wrote the change committed (see src/README.md). */
void                 roadmap_skill_apply_progress     (RoadmapSkill        *self,
                                                       RoadmapStatus        status,
                                                       gint64               sort_key,
                                                       GDateTime           *started_at,
                                                       GDateTime           *finished_at);
void                 roadmap_skill_apply_progress_usec (RoadmapSkill       *self,
                                                       RoadmapStatus        status,
                                                       gint64               sort_key,
                                                       gint64               started_at,
                                                       gint64               finished_at);
void                 roadmap_skill_apply_note         (RoadmapSkill        *self,
                                                       const char          *note);
void                 roadmap_skill_apply_topic_done   (RoadmapSkill        *self,
                                                       const char          *topic,
                                                       gboolean             done);
void                 roadmap_skill_clear_topics_done  (RoadmapSkill        *self);

G_END_DECLS

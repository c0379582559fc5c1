/* roadmap-skill.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-notify-private.h"
#include "roadmap-phase-private.h"
#include "roadmap-skill-private.h"
#include "roadmap-track.h"

struct _RoadmapSkill
{
  GObject parent_instance;

  char *id;
  char *title;
  char *summary;
  char **topics;
  GListStore *resources;
  guint estimate_hours;
  RoadmapSkillKind kind;
  /* Ids of skills of the same track that a hands-on item exercises; NULL
   * for none. Ids, not objects: the loader checks them once the whole
   * track is read, and the track answers the reverse question. */
  char **practises;

  /* Not a reference: the phase owns its skills. */
  RoadmapPhase *phase;
  guint index;

  RoadmapStatus status;
  gint64 sort_key;
  /* Microseconds since the epoch (UTC), or ROADMAP_SKILL_NO_TIME; the
   * GDateTime made from each only when asked for (see get_date_time()):
   * loading progress then allocates nothing per skill. */
  gint64 started_at;
  gint64 finished_at;
  GDateTime *started_at_cache;
  GDateTime *finished_at_cache;
  char *note;
  /* One per topic, set when it is ticked; NULL while none is. The store
   * keys ticks by the topic's text (roadmap_skill_apply_topic_done()), so
   * that reordering a roadmap's topics keeps them. */
  guint8 *topics_done;
  guint n_topics;
  guint n_topics_done;
};

G_DEFINE_FINAL_TYPE (RoadmapSkill, roadmap_skill, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_TOPICS,
  PROP_RESOURCES,
  PROP_ESTIMATE_HOURS,
  PROP_KIND,
  PROP_PRACTISES,
  PROP_STATUS,
  PROP_SORT_KEY,
  PROP_STARTED_AT,
  PROP_FINISHED_AT,
  PROP_NOTE,
  PROP_N_TOPICS_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOPIC_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal (a, b);
}

static gint64
to_usec (GDateTime *date_time)
{
  if (date_time == NULL)
    return ROADMAP_SKILL_NO_TIME;
  return g_date_time_to_unix (date_time) * G_USEC_PER_SEC + g_date_time_get_microsecond (date_time);
}

/* The GDateTime of @usec, made once and kept in @cache */
static GDateTime *
get_date_time (gint64      usec,
               GDateTime **cache)
{
  if (usec == ROADMAP_SKILL_NO_TIME)
    return NULL;

  if (*cache == NULL)
    {
      g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

      /* Beyond GDateTime's years 1 to 9999, which an import before the
       * progress file checked its dates let into the database: no date
       * to show, rather than a critical warning */
      if (seconds == NULL)
        return NULL;
      *cache = g_date_time_add (seconds, usec % G_USEC_PER_SEC);
    }
  return *cache;
}

static gboolean
replace_time (gint64     *field,
              GDateTime **cache,
              gint64      usec)
{
  if (*field == usec)
    return FALSE;

  *field = usec;
  g_clear_pointer (cache, g_date_time_unref);
  return TRUE;
}

static void
roadmap_skill_finalize (GObject *object)
{
  RoadmapSkill *self = (RoadmapSkill *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->topics, g_strfreev);
  g_clear_pointer (&self->practises, g_strfreev);
  g_clear_object (&self->resources);
  g_clear_pointer (&self->started_at_cache, g_date_time_unref);
  g_clear_pointer (&self->finished_at_cache, g_date_time_unref);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->topics_done, g_free);

  G_OBJECT_CLASS (roadmap_skill_parent_class)->finalize (object);
}

static void
roadmap_skill_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RoadmapSkill *self = ROADMAP_SKILL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_TOPICS:
      g_value_set_boxed (value, self->topics);
      break;
    case PROP_RESOURCES:
      g_value_set_object (value, self->resources);
      break;
    case PROP_ESTIMATE_HOURS:
      g_value_set_uint (value, self->estimate_hours);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PRACTISES:
      g_value_set_boxed (value, self->practises);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_SORT_KEY:
      g_value_set_int64 (value, self->sort_key);
      break;
    case PROP_STARTED_AT:
      g_value_set_boxed (value, roadmap_skill_get_started_at (self));
      break;
    case PROP_FINISHED_AT:
      g_value_set_boxed (value, roadmap_skill_get_finished_at (self));
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_N_TOPICS_DONE:
      g_value_set_uint (value, self->n_topics_done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_skill_class_init (RoadmapSkillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = roadmap_skill_finalize;
  object_class->get_property = roadmap_skill_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_TOPICS] = g_param_spec_boxed ("topics", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_RESOURCES] = g_param_spec_object ("resources", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_ESTIMATE_HOURS] = g_param_spec_uint ("estimate-hours", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, ROADMAP_TYPE_SKILL_KIND,
                                             ROADMAP_SKILL_KIND_SKILL, flags);
  /**
   * RoadmapSkill:practises: (nullable)
   *
   * The ids of the skills of its track that a hands-on item exercises,
   * in the roadmap's order; %NULL for none (and always for a skill).
   */
  properties[PROP_PRACTISES] = g_param_spec_boxed ("practises", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, ROADMAP_TYPE_STATUS,
                                               ROADMAP_STATUS_TODO, flags);
  properties[PROP_SORT_KEY] = g_param_spec_int64 ("sort-key", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_STARTED_AT] = g_param_spec_boxed ("started-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_FINISHED_AT] = g_param_spec_boxed ("finished-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_N_TOPICS_DONE] = g_param_spec_uint ("n-topics-done", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RoadmapSkill::topic-changed:
   * @index: the topic ticked or unticked
   *
   * Emitted for each topic whose tick changes; ::notify::n-topics-done
   * follows when the count changed (a tick and an untick together leave
   * it as it was).
   */
  signals[TOPIC_CHANGED] =
    g_signal_new ("topic-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
roadmap_skill_init (RoadmapSkill *self)
{
  self->resources = g_list_store_new (ROADMAP_TYPE_RESOURCE);
  self->status = ROADMAP_STATUS_TODO;
  self->started_at = self->finished_at = ROADMAP_SKILL_NO_TIME;
}

RoadmapSkill *
roadmap_skill_new (const char *id,
                   const char *title)
{
  RoadmapSkill *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (ROADMAP_TYPE_SKILL, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);

  return self;
}

const char *
roadmap_skill_get_id (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), NULL);
  return self->id;
}

const char *
roadmap_skill_get_title (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), NULL);
  return self->title;
}

const char *
roadmap_skill_get_summary (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), NULL);
  return self->summary;
}

void
roadmap_skill_set_summary (RoadmapSkill *self,
                           const char   *summary)
{
  g_return_if_fail (ROADMAP_IS_SKILL (self));

  if (replace_string (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char * const *
roadmap_skill_get_topics (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), NULL);
  return (const char * const *) self->topics;
}

void
roadmap_skill_set_topics (RoadmapSkill       *self,
                          const char * const *topics)
{
  g_return_if_fail (ROADMAP_IS_SKILL (self));

  if (strv_equal0 ((const char * const *) self->topics, topics))
    return;

  g_strfreev (self->topics);
  self->topics = g_strdupv ((char **) topics);
  self->n_topics = topics != NULL ? g_strv_length (self->topics) : 0;
  /* Ticks belong to texts, and are loaded again with progress */
  g_clear_pointer (&self->topics_done, g_free);
  self->n_topics_done = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPICS]);
}

guint
roadmap_skill_get_n_topics (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), 0);
  return self->n_topics;
}

/**
 * roadmap_skill_find_topic:
 * @topic: a topic's text
 *
 * Returns: the index of the first topic with the text @topic, or -1
 */
int
roadmap_skill_find_topic (RoadmapSkill *self,
                          const char   *topic)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), -1);
  g_return_val_if_fail (topic != NULL, -1);

  for (guint i = 0; i < self->n_topics; i++)
    if (strcmp (self->topics[i], topic) == 0)
      return (int) i;
  return -1;
}

/**
 * roadmap_skill_get_topic_done:
 * @index: a topic, from 0
 *
 * Returns: whether the learner ticked it off
 */
gboolean
roadmap_skill_get_topic_done (RoadmapSkill *self,
                              guint         index)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), FALSE);
  g_return_val_if_fail (index < self->n_topics, FALSE);

  return self->topics_done != NULL && self->topics_done[index];
}

/**
 * roadmap_skill_get_n_topics_done:
 *
 * Returns: how many of the skill's topics are ticked off
 */
guint
roadmap_skill_get_n_topics_done (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), 0);
  return self->n_topics_done;
}

/**
 * roadmap_skill_get_resources:
 *
 * Returns: (transfer none): a #GListModel of #RoadmapResource
 */
GListModel *
roadmap_skill_get_resources (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), NULL);
  return G_LIST_MODEL (self->resources);
}

void
roadmap_skill_add_resource (RoadmapSkill    *self,
                            RoadmapResource *resource)
{
  g_return_if_fail (ROADMAP_IS_SKILL (self));
  g_return_if_fail (ROADMAP_IS_RESOURCE (resource));

  g_list_store_append (self->resources, resource);
}

/**
 * roadmap_skill_get_kind:
 *
 * Returns: whether this is a skill to learn or a hands-on item
 */
RoadmapSkillKind
roadmap_skill_get_kind (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), ROADMAP_SKILL_KIND_SKILL);
  return self->kind;
}

void
roadmap_skill_set_kind (RoadmapSkill     *self,
                        RoadmapSkillKind  kind)
{
  g_return_if_fail (ROADMAP_IS_SKILL (self));
  g_return_if_fail (kind == ROADMAP_SKILL_KIND_SKILL || kind == ROADMAP_SKILL_KIND_PRACTICE);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * roadmap_skill_get_practises:
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the ids
 *   of the skills this hands-on item practises, or %NULL for none
 */
const char * const *
roadmap_skill_get_practises (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), NULL);
  return (const char * const *) self->practises;
}

/**
 * roadmap_skill_set_practises:
 * @skill_ids: (nullable) (array zero-terminated=1): ids of skills of the
 *   same track; %NULL or an empty list for none
 *
 * The loader sets these and checks them against the track
 * (see README.md, “Roadmap files”).
 */
void
roadmap_skill_set_practises (RoadmapSkill       *self,
                             const char * const *skill_ids)
{
  g_return_if_fail (ROADMAP_IS_SKILL (self));

  if (skill_ids != NULL && skill_ids[0] == NULL)
    skill_ids = NULL;
  if (strv_equal0 ((const char * const *) self->practises, skill_ids))
    return;

  g_strfreev (self->practises);
  self->practises = g_strdupv ((char **) skill_ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRACTISES]);
}

/**
 * roadmap_skill_practises:
 * @skill_id: a skill's id
 *
 * Returns: whether this hands-on item practises the skill @skill_id
 */
gboolean
roadmap_skill_practises (RoadmapSkill *self,
                         const char   *skill_id)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), FALSE);
  g_return_val_if_fail (skill_id != NULL, FALSE);

  return self->practises != NULL && g_strv_contains ((const char * const *) self->practises, skill_id);
}

guint
roadmap_skill_get_estimate_hours (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), 0);
  return self->estimate_hours;
}

void
roadmap_skill_set_estimate_hours (RoadmapSkill *self,
                                  guint         hours)
{
  g_return_if_fail (ROADMAP_IS_SKILL (self));

  if (self->estimate_hours == hours)
    return;

  self->estimate_hours = hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ESTIMATE_HOURS]);
}

/**
 * roadmap_skill_get_phase:
 *
 * Returns: (transfer none) (nullable): the phase holding this skill
 */
RoadmapPhase *
roadmap_skill_get_phase (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), NULL);
  return self->phase;
}

/**
 * roadmap_skill_get_index:
 *
 * Returns: the skill's place in its phase, in roadmap order, from 0
 */
guint
roadmap_skill_get_index (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), 0);
  return self->index;
}

/**
 * roadmap_skill_get_track_id:
 *
 * Returns: (nullable): the id of the track holding this skill; progress is
 *   keyed by (track id, skill id)
 */
const char *
roadmap_skill_get_track_id (RoadmapSkill *self)
{
  RoadmapTrack *track;

  g_return_val_if_fail (ROADMAP_IS_SKILL (self), NULL);

  if (self->phase == NULL)
    return NULL;

  track = roadmap_phase_get_track (self->phase);
  return track != NULL ? roadmap_track_get_id (track) : NULL;
}

RoadmapStatus
roadmap_skill_get_status (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), ROADMAP_STATUS_TODO);
  return self->status;
}

guint
roadmap_skill_get_position (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), 0);

  if (self->phase == NULL)
    return 0;
  return _roadmap_phase_get_skill_position (self->phase, self);
}

/**
 * roadmap_skill_get_started_at:
 *
 * Returns: (transfer none) (nullable): when the skill was first started
 */
GDateTime *
roadmap_skill_get_started_at (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), NULL);
  return get_date_time (self->started_at, &self->started_at_cache);
}

/**
 * roadmap_skill_get_finished_at:
 *
 * Returns: (transfer none) (nullable): when the skill was moved to Done
 */
GDateTime *
roadmap_skill_get_finished_at (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), NULL);
  return get_date_time (self->finished_at, &self->finished_at_cache);
}

const char *
roadmap_skill_get_note (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), NULL);
  return self->note;
}

/**
 * roadmap_skill_apply_progress_usec:
 * @started_at: microseconds since the epoch (UTC), or
 *   %ROADMAP_SKILL_NO_TIME
 * @finished_at: the same
 *
 * roadmap_skill_apply_progress() with times as numbers, as the store has
 * them: no GDateTime is made until one is asked for.
 */
void
roadmap_skill_apply_progress_usec (RoadmapSkill  *self,
                                   RoadmapStatus  status,
                                   gint64         sort_key,
                                   gint64         started_at,
                                   gint64         finished_at)
{
  RoadmapStatus old_status;
  gint64 old_sort_key;
  gboolean started_changed, finished_changed;

  g_return_if_fail (ROADMAP_IS_SKILL (self));
  g_return_if_fail (status < ROADMAP_N_STATUSES);

  old_status = self->status;
  old_sort_key = self->sort_key;

  /* Every field first, so that each notification sees the whole change.
   * Not through g_object_freeze_notify(): its queue costs more than the
   * change itself when progress loads for thousands of skills. */
  started_changed = replace_time (&self->started_at, &self->started_at_cache, started_at);
  finished_changed = replace_time (&self->finished_at, &self->finished_at_cache, finished_at);
  self->sort_key = sort_key;
  self->status = status;

  /* The phase moves the skill between its columns first, so that views
   * notified below find it in its new place. A direct call rather than a
   * signal: it runs for every skill when progress loads. */
  if ((old_status != status || old_sort_key != sort_key) && self->phase != NULL)
    _roadmap_phase_skill_moved (self->phase, self, old_status, old_sort_key);

  if (!_roadmap_is_watched (self))
    return;

  if (started_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED_AT]);
  if (finished_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED_AT]);
  if (old_sort_key != sort_key)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_KEY]);
  if (old_status != status)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * roadmap_skill_apply_progress:
 * @started_at: (nullable): when it was started
 * @finished_at: (nullable): when it was finished
 */
void
roadmap_skill_apply_progress (RoadmapSkill  *self,
                              RoadmapStatus  status,
                              gint64         sort_key,
                              GDateTime     *started_at,
                              GDateTime     *finished_at)
{
  g_return_if_fail (ROADMAP_IS_SKILL (self));

  roadmap_skill_apply_progress_usec (self, status, sort_key, to_usec (started_at), to_usec (finished_at));

  /* The caller's own objects, rather than equal ones made later */
  if (self->started_at_cache == NULL && started_at != NULL)
    self->started_at_cache = g_date_time_ref (started_at);
  if (self->finished_at_cache == NULL && finished_at != NULL)
    self->finished_at_cache = g_date_time_ref (finished_at);
}

void
roadmap_skill_apply_note (RoadmapSkill *self,
                          const char   *note)
{
  g_return_if_fail (ROADMAP_IS_SKILL (self));

  if (note != NULL && note[0] == '\0')
    note = NULL;

  if (replace_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

static void
set_topic_done (RoadmapSkill *self,
                guint         index,
                gboolean      done)
{
  guint old_n = self->n_topics_done;

  if (roadmap_skill_get_topic_done (self, index) == done)
    return;

  if (self->topics_done == NULL)
    self->topics_done = g_new0 (guint8, self->n_topics);
  self->topics_done[index] = done;
  self->n_topics_done += done ? 1 : -1;

  g_signal_emit (self, signals[TOPIC_CHANGED], 0, index);
  if (old_n != self->n_topics_done && _roadmap_is_watched (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOPICS_DONE]);
}

/**
 * roadmap_skill_apply_topic_done:
 * @topic: a topic's text; one the skill does not have is let be (the
 *   store keeps ticks of topics a roadmap no longer lists)
 * @done: ticked or not
 *
 * A progress setter, as roadmap_skill_apply_progress(): every topic
 * with the text @topic takes @done.
 */
void
roadmap_skill_apply_topic_done (RoadmapSkill *self,
                                const char   *topic,
                                gboolean      done)
{
  g_return_if_fail (ROADMAP_IS_SKILL (self));
  g_return_if_fail (topic != NULL);

  for (guint i = 0; i < self->n_topics; i++)
    if (strcmp (self->topics[i], topic) == 0)
      set_topic_done (self, i, done);
}

/**
 * roadmap_skill_clear_topics_done:
 *
 * A progress setter: no topic ticked (before all progress is loaded again).
 */
void
roadmap_skill_clear_topics_done (RoadmapSkill *self)
{
  g_return_if_fail (ROADMAP_IS_SKILL (self));

  for (guint i = 0; self->n_topics_done > 0 && i < self->n_topics; i++)
    set_topic_done (self, i, FALSE);
}

void
_roadmap_skill_set_phase (RoadmapSkill *self,
                          RoadmapPhase *phase,
                          guint         index)
{
  g_assert (ROADMAP_IS_SKILL (self));

  self->phase = phase;
  self->index = index;
  /* Until progress is loaded: the place a skill without a row has. */
  self->sort_key = roadmap_sort_key_for_unstored (index);
}

/**
 * roadmap_skill_get_sort_key:
 *
 * Returns: the skill's place in its column: ascending sort keys, then
 *   roadmap order (see roadmap_skill_compare_place())
 */
gint64
roadmap_skill_get_sort_key (RoadmapSkill *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (self), 0);
  return self->sort_key;
}

/**
 * roadmap_skill_compare_place:
 *
 * The board order of two skills of one column: by sort key, then by
 * their order in the roadmap, so that equal keys (a database edited by
 * hand, an imported file) still give one order.
 *
 * Returns: negative, 0 or positive, as strcmp()
 */
int
roadmap_skill_compare_place (RoadmapSkill *a,
                             RoadmapSkill *b)
{
  if (a->sort_key != b->sort_key)
    return a->sort_key < b->sort_key ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

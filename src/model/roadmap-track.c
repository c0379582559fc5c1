/* roadmap-track.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-notify-private.h"
#include "roadmap-phase-private.h"
#include "roadmap-track.h"

struct _RoadmapTrack
{
  GObject parent_instance;

  char *id;
  char *title;
  char *summary;
  char *source;

  GListStore *phases;
  /* skill id → RoadmapSkill (owned by the phases) */
  GHashTable *skills_by_id;
  /* The phases' tallies summed */
  RoadmapTally tally;
  gboolean count_skipped_as_done;
  guint wip_limit;
  /* The learner's schedule, from the database; NULL without one */
  RoadmapPlan *plan;

  /* roadmap_track_get_skill_refs(), made on first use */
  GArray *skill_refs;
  GStringChunk *skill_ids;
};

G_DEFINE_FINAL_TYPE (RoadmapTrack, roadmap_track, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_SOURCE,
  PROP_PHASES,
  PROP_N_SKILLS,
  PROP_N_TODO,
  PROP_N_DOING,
  PROP_N_DONE,
  PROP_N_SKIPPED,
  PROP_N_COUNTED,
  PROP_N_COUNTED_DONE,
  PROP_FRACTION,
  PROP_HOURS_PLANNED,
  PROP_HOURS_DONE,
  PROP_COUNT_SKIPPED_AS_DONE,
  PROP_WIP_LIMIT,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const guint count_props[ROADMAP_N_STATUSES] = {
  PROP_N_TODO, PROP_N_DOING, PROP_N_DONE, PROP_N_SKIPPED,
};

static void
get_totals (RoadmapTrack       *self,
            RoadmapTallyTotals *totals)
{
  roadmap_tally_get_totals (&self->tally, self->count_skipped_as_done, totals);
}

static void
notify_totals (RoadmapTrack             *self,
               const RoadmapTallyTotals *old_totals)
{
  RoadmapTallyTotals totals;

  get_totals (self, &totals);
  if (totals.n_counted != old_totals->n_counted)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_COUNTED]);
  if (totals.n_counted_done != old_totals->n_counted_done)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_COUNTED_DONE]);
  if (roadmap_tally_totals_get_fraction (&totals) != roadmap_tally_totals_get_fraction (old_totals))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  if (totals.hours_planned != old_totals->hours_planned)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOURS_PLANNED]);
  if (totals.hours_done != old_totals->hours_done)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOURS_DONE]);
}

/* Follows a change of @tally by what changed since @old_tally: counts and
 * hours by the difference, with no walk over the phases. */
static void
apply_change (RoadmapTrack       *self,
              const RoadmapTally *old_tally,
              const RoadmapTally *new_tally)
{
  RoadmapTally before = self->tally;
  RoadmapTallyTotals old_totals;

  get_totals (self, &old_totals);
  roadmap_tally_apply_change (&self->tally, old_tally, new_tally);
  if (!_roadmap_is_watched (self))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->tally.n_skills != before.n_skills)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SKILLS]);
  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    {
      if (self->tally.counts[s] != before.counts[s])
        g_object_notify_by_pspec (G_OBJECT (self), properties[count_props[s]]);
    }
  notify_totals (self, &old_totals);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Called by a phase of this track when its counts or hours changed */
void
_roadmap_track_phase_changed (RoadmapTrack       *self,
                              const RoadmapTally *old_tally,
                              const RoadmapTally *new_tally)
{
  g_assert (ROADMAP_IS_TRACK (self));

  apply_change (self, old_tally, new_tally);
}

static void
roadmap_track_dispose (GObject *object)
{
  RoadmapTrack *self = (RoadmapTrack *) object;

  if (self->phases != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->phases));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RoadmapPhase) phase = g_list_model_get_item (G_LIST_MODEL (self->phases), i);

          _roadmap_phase_set_track (phase, NULL, 0);
        }
      g_clear_object (&self->phases);
    }
  g_clear_pointer (&self->skills_by_id, g_hash_table_unref);
  g_clear_pointer (&self->skill_refs, g_array_unref);
  g_clear_pointer (&self->skill_ids, g_string_chunk_free);

  G_OBJECT_CLASS (roadmap_track_parent_class)->dispose (object);
}

static void
roadmap_track_finalize (GObject *object)
{
  RoadmapTrack *self = (RoadmapTrack *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->plan, roadmap_plan_free);

  G_OBJECT_CLASS (roadmap_track_parent_class)->finalize (object);
}

static void
roadmap_track_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RoadmapTrack *self = ROADMAP_TRACK (object);

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
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_PHASES:
      g_value_set_object (value, self->phases);
      break;
    case PROP_N_SKILLS:
      g_value_set_uint (value, self->tally.n_skills);
      break;
    case PROP_N_TODO:
    case PROP_N_DOING:
    case PROP_N_DONE:
    case PROP_N_SKIPPED:
      g_value_set_uint (value, self->tally.counts[prop_id - PROP_N_TODO]);
      break;
    case PROP_N_COUNTED:
      g_value_set_uint (value, roadmap_track_get_n_counted (self));
      break;
    case PROP_N_COUNTED_DONE:
      g_value_set_uint (value, roadmap_track_get_n_counted_done (self));
      break;
    case PROP_FRACTION:
      {
        RoadmapTallyTotals totals;

        get_totals (self, &totals);
        g_value_set_double (value, roadmap_tally_totals_get_fraction (&totals));
      }
      break;
    case PROP_HOURS_PLANNED:
      g_value_set_uint (value, roadmap_track_get_hours_planned (self));
      break;
    case PROP_HOURS_DONE:
      g_value_set_uint (value, roadmap_track_get_hours_done (self));
      break;
    case PROP_COUNT_SKIPPED_AS_DONE:
      g_value_set_boolean (value, self->count_skipped_as_done);
      break;
    case PROP_WIP_LIMIT:
      g_value_set_uint (value, self->wip_limit);
      break;
    case PROP_PLAN:
      g_value_set_boxed (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_track_class_init (RoadmapTrackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = roadmap_track_dispose;
  object_class->finalize = roadmap_track_finalize;
  object_class->get_property = roadmap_track_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  /**
   * RoadmapTrack:source:
   *
   * Where the track was loaded from: a file path, or %NULL for a bundled one.
   */
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_PHASES] = g_param_spec_object ("phases", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_N_SKILLS] = g_param_spec_uint ("n-skills", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_TODO] = g_param_spec_uint ("n-todo", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_DOING] = g_param_spec_uint ("n-doing", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_SKIPPED] = g_param_spec_uint ("n-skipped", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* Progress as shown: see roadmap_track_get_n_counted() */
  properties[PROP_N_COUNTED] = g_param_spec_uint ("n-counted", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_COUNTED_DONE] = g_param_spec_uint ("n-counted-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* n-counted-done over n-counted */
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, flags);
  /* The estimated hours of the counted skills, and of the counted done ones */
  properties[PROP_HOURS_PLANNED] = g_param_spec_uint ("hours-planned", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_HOURS_DONE] = g_param_spec_uint ("hours-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /**
   * RoadmapTrack:count-skipped-as-done:
   *
   * Whether Skipped skills count as done; otherwise they are left out of
   * the counted skills. Set by the catalog, for every track alike.
   */
  properties[PROP_COUNT_SKIPPED_AS_DONE] =
    g_param_spec_boolean ("count-skipped-as-done", NULL, NULL, FALSE, flags);
  /**
   * RoadmapTrack:wip-limit:
   *
   * The most cards the learner wants in Doing at once, across the
   * track's phases, or 0 for no limit. A move beyond it is allowed; the
   * board says so.
   */
  properties[PROP_WIP_LIMIT] =
    g_param_spec_uint ("wip-limit", NULL, NULL, 0, ROADMAP_TRACK_MAX_WIP_LIMIT, 0, flags);
  /**
   * RoadmapTrack:plan: (nullable)
   *
   * The learner's plan for the track, as stored; %NULL without one. Set
   * by the store after each commit and load.
   */
  properties[PROP_PLAN] = g_param_spec_boxed ("plan", NULL, NULL, ROADMAP_TYPE_PLAN, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
roadmap_track_init (RoadmapTrack *self)
{
  self->phases = g_list_store_new (ROADMAP_TYPE_PHASE);
  self->skills_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

RoadmapTrack *
roadmap_track_new (const char *id,
                   const char *title)
{
  RoadmapTrack *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (ROADMAP_TYPE_TRACK, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);

  return self;
}

const char *
roadmap_track_get_id (RoadmapTrack *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK (self), NULL);
  return self->id;
}

const char *
roadmap_track_get_title (RoadmapTrack *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK (self), NULL);
  return self->title;
}

const char *
roadmap_track_get_summary (RoadmapTrack *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK (self), NULL);
  return self->summary;
}

void
roadmap_track_set_summary (RoadmapTrack *self,
                           const char   *summary)
{
  g_return_if_fail (ROADMAP_IS_TRACK (self));

  if (g_strcmp0 (self->summary, summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
roadmap_track_get_source (RoadmapTrack *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK (self), NULL);
  return self->source;
}

void
roadmap_track_set_source (RoadmapTrack *self,
                          const char   *source)
{
  g_return_if_fail (ROADMAP_IS_TRACK (self));

  if (g_strcmp0 (self->source, source) == 0)
    return;

  g_free (self->source);
  self->source = g_strdup (source);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/**
 * roadmap_track_get_phases:
 *
 * Returns: (transfer none): a #GListModel of #RoadmapPhase, in plan order
 */
GListModel *
roadmap_track_get_phases (RoadmapTrack *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK (self), NULL);
  return G_LIST_MODEL (self->phases);
}

/**
 * roadmap_track_add_phase:
 * @phase: a phase not yet in any track, with all its skills added
 *
 * Returns: %FALSE, adding nothing, if a skill id of @phase is already used
 *   in this track
 */
gboolean
roadmap_track_add_phase (RoadmapTrack *self,
                         RoadmapPhase *phase)
{
  GListModel *skills;
  guint n_skills;

  g_return_val_if_fail (ROADMAP_IS_TRACK (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_PHASE (phase), FALSE);
  g_return_val_if_fail (roadmap_phase_get_track (phase) == NULL, FALSE);

  skills = roadmap_phase_get_skills (phase);
  n_skills = g_list_model_get_n_items (skills);

  for (guint i = 0; i < n_skills; i++)
    {
      g_autoptr(RoadmapSkill) skill = g_list_model_get_item (skills, i);

      if (g_hash_table_contains (self->skills_by_id, roadmap_skill_get_id (skill)))
        return FALSE;
    }

  for (guint i = 0; i < n_skills; i++)
    {
      g_autoptr(RoadmapSkill) skill = g_list_model_get_item (skills, i);

      g_hash_table_insert (self->skills_by_id,
                           (gpointer) roadmap_skill_get_id (skill), skill);
    }

  _roadmap_phase_set_track (phase, self,
                            g_list_model_get_n_items (G_LIST_MODEL (self->phases)) + 1);
  g_list_store_append (self->phases, phase);
  g_clear_pointer (&self->skill_refs, g_array_unref);
  g_clear_pointer (&self->skill_ids, g_string_chunk_free);

  {
    RoadmapTally none = { 0 }, tally;

    roadmap_phase_get_tally (phase, &tally);
    apply_change (self, &none, &tally);
  }

  return TRUE;
}

/**
 * roadmap_track_find_phase:
 *
 * Returns: (transfer none) (nullable): the phase with that id
 */
RoadmapPhase *
roadmap_track_find_phase (RoadmapTrack *self,
                          const char   *phase_id)
{
  guint n;

  g_return_val_if_fail (ROADMAP_IS_TRACK (self), NULL);
  g_return_val_if_fail (phase_id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->phases));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (G_LIST_MODEL (self->phases), i);

      if (g_str_equal (roadmap_phase_get_id (phase), phase_id))
        return phase;
    }

  return NULL;
}

/**
 * roadmap_track_find_skill:
 *
 * Returns: (transfer none) (nullable): the skill with that id, in any phase
 */
RoadmapSkill *
roadmap_track_find_skill (RoadmapTrack *self,
                          const char   *skill_id)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK (self), NULL);
  g_return_val_if_fail (skill_id != NULL, NULL);

  return g_hash_table_lookup (self->skills_by_id, skill_id);
}

/**
 * roadmap_track_list_practised_in:
 * @skill: a skill of this track
 *
 * The reverse of #RoadmapSkill:practises: the hands-on items that
 * exercise @skill. A walk over the track's skills, for a details view;
 * nothing is kept that a new phase would make stale.
 *
 * Returns: (transfer container) (element-type RoadmapSkill): the
 *   hands-on items practising @skill, in roadmap order; empty for none
 */
GPtrArray *
roadmap_track_list_practised_in (RoadmapTrack *self,
                                 RoadmapSkill *skill)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  const char *skill_id;
  guint n_phases;

  g_return_val_if_fail (ROADMAP_IS_TRACK (self), NULL);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), NULL);

  skill_id = roadmap_skill_get_id (skill);
  n_phases = g_list_model_get_n_items (G_LIST_MODEL (self->phases));
  for (guint p = 0; p < n_phases; p++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (G_LIST_MODEL (self->phases), p);
      guint n = roadmap_phase_get_n_skills (phase);

      for (guint i = 0; i < n; i++)
        {
          RoadmapSkill *practice = roadmap_phase_peek_skill (phase, i);

          if (practice != skill && roadmap_skill_practises (practice, skill_id))
            g_ptr_array_add (found, g_object_ref (practice));
        }
    }

  return g_steal_pointer (&found);
}

/**
 * roadmap_track_list_practised:
 * @practice: a hands-on item of this track
 *
 * Returns: (transfer container) (element-type RoadmapSkill): the skills
 *   of this track that @practice practises, in the order it lists them;
 *   an id the track does not have is left out
 */
GPtrArray *
roadmap_track_list_practised (RoadmapTrack *self,
                              RoadmapSkill *practice)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const *ids;

  g_return_val_if_fail (ROADMAP_IS_TRACK (self), NULL);
  g_return_val_if_fail (ROADMAP_IS_SKILL (practice), NULL);

  ids = roadmap_skill_get_practises (practice);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      RoadmapSkill *skill = roadmap_track_find_skill (self, ids[i]);

      if (skill != NULL)
        g_ptr_array_add (found, g_object_ref (skill));
    }

  return g_steal_pointer (&found);
}

guint
roadmap_track_get_n_skills (RoadmapTrack *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK (self), 0);
  return self->tally.n_skills;
}

/**
 * roadmap_track_get_hours_planned:
 *
 * Returns: the estimated hours of the counted skills
 */
guint
roadmap_track_get_hours_planned (RoadmapTrack *self)
{
  RoadmapTallyTotals totals;

  g_return_val_if_fail (ROADMAP_IS_TRACK (self), 0);
  get_totals (self, &totals);
  return totals.hours_planned;
}

/**
 * roadmap_track_get_hours_done:
 *
 * Returns: the estimated hours of the counted done skills
 */
guint
roadmap_track_get_hours_done (RoadmapTrack *self)
{
  RoadmapTallyTotals totals;

  g_return_val_if_fail (ROADMAP_IS_TRACK (self), 0);
  get_totals (self, &totals);
  return totals.hours_done;
}

/**
 * roadmap_track_get_n_counted:
 *
 * Returns: the skills the track's progress counts: all but the Skipped
 *   ones, or all of them when Skipped counts as done
 */
guint
roadmap_track_get_n_counted (RoadmapTrack *self)
{
  RoadmapTallyTotals totals;

  g_return_val_if_fail (ROADMAP_IS_TRACK (self), 0);
  get_totals (self, &totals);
  return totals.n_counted;
}

/**
 * roadmap_track_get_n_counted_done:
 *
 * Returns: the skills in Done, and in Skipped when they count as done
 */
guint
roadmap_track_get_n_counted_done (RoadmapTrack *self)
{
  RoadmapTallyTotals totals;

  g_return_val_if_fail (ROADMAP_IS_TRACK (self), 0);
  get_totals (self, &totals);
  return totals.n_counted_done;
}

guint
roadmap_track_get_n_with_status (RoadmapTrack  *self,
                                 RoadmapStatus  status)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK (self), 0);
  g_return_val_if_fail (status < ROADMAP_N_STATUSES, 0);
  return self->tally.counts[status];
}

gboolean
roadmap_track_get_count_skipped_as_done (RoadmapTrack *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK (self), FALSE);
  return self->count_skipped_as_done;
}

/**
 * roadmap_track_set_count_skipped_as_done:
 *
 * Counts Skipped skills as done, or leaves them out of the counts: the
 * track's totals and its phases' change, and are notified.
 */
void
roadmap_track_set_count_skipped_as_done (RoadmapTrack *self,
                                         gboolean      count_skipped_as_done)
{
  RoadmapTallyTotals old_totals;
  guint n;

  g_return_if_fail (ROADMAP_IS_TRACK (self));

  count_skipped_as_done = !!count_skipped_as_done;
  if (self->count_skipped_as_done == count_skipped_as_done)
    return;

  get_totals (self, &old_totals);
  self->count_skipped_as_done = count_skipped_as_done;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->phases));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (G_LIST_MODEL (self->phases), i);

      _roadmap_phase_counting_changed (phase);
    }

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT_SKIPPED_AS_DONE]);
  notify_totals (self, &old_totals);
  g_object_thaw_notify (G_OBJECT (self));
}

static gint
compare_refs (gconstpointer a,
              gconstpointer b)
{
  return strcmp (((const RoadmapSkillRef *) a)->id, ((const RoadmapSkillRef *) b)->id);
}

/**
 * roadmap_track_get_skill_refs:
 * @n_refs: (out): how many
 *
 * Every skill of the track, sorted by id as SQLite's BINARY collation
 * sorts (byte by byte), with its place. Progress rows read in key order
 * are matched to their skills with one pass over this array, in memory of
 * its own: looking each up in a hash table reads each skill's id where
 * the skill lives, all over the heap.
 *
 * Returns: (transfer none) (array length=n_refs): the entries
 */
const RoadmapSkillRef *
roadmap_track_get_skill_refs (RoadmapTrack *self,
                              guint        *n_refs)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK (self), NULL);
  g_return_val_if_fail (n_refs != NULL, NULL);

  if (self->skill_refs == NULL)
    {
      guint n_phases = g_list_model_get_n_items (G_LIST_MODEL (self->phases));

      self->skill_refs = g_array_sized_new (FALSE, FALSE, sizeof (RoadmapSkillRef), self->tally.n_skills);
      self->skill_ids = g_string_chunk_new (MAX (self->tally.n_skills * 16, 64));
      for (guint p = 0; p < n_phases; p++)
        {
          g_autoptr(RoadmapPhase) phase = g_list_model_get_item (G_LIST_MODEL (self->phases), p);
          guint n = roadmap_phase_get_n_skills (phase);

          for (guint i = 0; i < n; i++)
            {
              RoadmapSkill *skill = roadmap_phase_peek_skill (phase, i);
              RoadmapSkillRef ref = {
                g_string_chunk_insert (self->skill_ids, roadmap_skill_get_id (skill)),
                skill, p, i,
              };

              g_array_append_val (self->skill_refs, ref);
            }
        }
      g_array_sort (self->skill_refs, compare_refs);
    }

  *n_refs = self->skill_refs->len;
  return (const RoadmapSkillRef *) (gpointer) self->skill_refs->data;
}

guint
roadmap_track_get_wip_limit (RoadmapTrack *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK (self), 0);
  return self->wip_limit;
}

/**
 * roadmap_track_set_wip_limit:
 * @wip_limit: at most %ROADMAP_TRACK_MAX_WIP_LIMIT, 0 for none
 *
 * Follows the database (roadmap_catalog_set_wip_limit()); use
 * roadmap_session_set_wip_limit() to change it.
 */
void
roadmap_track_set_wip_limit (RoadmapTrack *self,
                             guint         wip_limit)
{
  g_return_if_fail (ROADMAP_IS_TRACK (self));

  wip_limit = MIN (wip_limit, ROADMAP_TRACK_MAX_WIP_LIMIT);
  if (self->wip_limit == wip_limit)
    return;
  self->wip_limit = wip_limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIP_LIMIT]);
}

/**
 * roadmap_track_get_plan:
 *
 * Returns: (nullable) (transfer none): the learner's plan, or %NULL
 */
const RoadmapPlan *
roadmap_track_get_plan (RoadmapTrack *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK (self), NULL);
  return self->plan;
}

/**
 * roadmap_track_set_plan:
 * @plan: (nullable): the plan as stored, or %NULL for none
 *
 * For the store and the session: what the database holds, after COMMIT.
 */
void
roadmap_track_set_plan (RoadmapTrack      *self,
                        const RoadmapPlan *plan)
{
  g_return_if_fail (ROADMAP_IS_TRACK (self));

  if (roadmap_plan_equal (self->plan, plan))
    return;

  g_clear_pointer (&self->plan, roadmap_plan_free);
  if (plan != NULL)
    self->plan = roadmap_plan_copy (plan);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/**
 * roadmap_track_get_percent_done:
 *
 * Returns: the share of its counted skills done, in whole percent
 */
guint
roadmap_track_get_percent_done (RoadmapTrack *self)
{
  guint n, done;

  g_return_val_if_fail (ROADMAP_IS_TRACK (self), 0);

  n = roadmap_track_get_n_counted (self);
  done = roadmap_track_get_n_counted_done (self);
  return n > 0 ? (guint) (100.0 * done / n + 0.5) : 0;
}

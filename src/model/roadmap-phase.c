/* roadmap-phase.c
 *
 * A phase owns the order of its columns: one list model per status, in
 * board order (roadmap_skill_compare_place()). When a committed change
 * reaches a skill, the skill tells its phase, which moves it from one
 * column to the other with exact ::items-changed; a column view binds to
 * its list and needs nothing else. The counts are the columns' lengths.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-notify-private.h"
#include "roadmap-phase-private.h"
#include "roadmap-track.h"
#include "roadmap-skill-list.h"
#include "roadmap-skill-private.h"

struct _RoadmapPhase
{
  GObject parent_instance;

  char *id;
  char *title;
  guint first_month;
  guint last_month;
  guint number;

  /* Not a reference: the track owns its phases. */
  RoadmapTrack *track;

  RoadmapSkillList *skills;
  RoadmapSkillList *columns[ROADMAP_N_STATUSES];

  /* While held, skills change without the columns following; on release
   * each column is put in order once and the counts notified. */
  guint hold_count;
  RoadmapTally held_tally;

  /* The skills' estimated hours, all and per status */
  guint hours_all;
  guint hours[ROADMAP_N_STATUSES];
};

G_DEFINE_FINAL_TYPE (RoadmapPhase, roadmap_phase, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_FIRST_MONTH,
  PROP_LAST_MONTH,
  PROP_NUMBER,
  PROP_SKILLS,
  PROP_N_SKILLS,
  PROP_N_TODO,
  PROP_N_DOING,
  PROP_N_DONE,
  PROP_N_SKIPPED,
  PROP_N_COUNTED,
  PROP_N_COUNTED_DONE,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const guint count_props[ROADMAP_N_STATUSES] = {
  PROP_N_TODO, PROP_N_DOING, PROP_N_DONE, PROP_N_SKIPPED,
};

static guint
count (RoadmapPhase  *self,
       RoadmapStatus  status)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->columns[status]));
}

static void
get_tally (RoadmapPhase *self,
           RoadmapTally *tally)
{
  tally->n_skills = g_list_model_get_n_items (G_LIST_MODEL (self->skills));
  tally->hours_all = self->hours_all;
  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    {
      tally->counts[s] = count (self, s);
      tally->hours[s] = self->hours[s];
    }
}

static gboolean
counts_skipped_as_done (RoadmapPhase *self)
{
  return self->track != NULL && roadmap_track_get_count_skipped_as_done (self->track);
}

static void
get_totals (RoadmapPhase       *self,
            RoadmapTallyTotals *totals)
{
  RoadmapTally tally;

  get_tally (self, &tally);
  roadmap_tally_get_totals (&tally, counts_skipped_as_done (self), totals);
}

/* Only after a hold: skills may have swapped in and out of a column with
 * no count changing. A single move adds or takes its own hours. */
static void
sum_hours (RoadmapPhase *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->skills));

  memset (self->hours, 0, sizeof self->hours);
  for (guint i = 0; i < n; i++)
    {
      RoadmapSkill *skill = roadmap_skill_list_peek (self->skills, i);

      self->hours[roadmap_skill_get_status (skill)] += roadmap_skill_get_estimate_hours (skill);
    }
}

static void
notify_totals (RoadmapPhase             *self,
               const RoadmapTallyTotals *old_totals,
               const RoadmapTallyTotals *totals)
{
  if (totals->n_counted != old_totals->n_counted)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_COUNTED]);
  if (totals->n_counted_done != old_totals->n_counted_done)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_COUNTED_DONE]);
  if (roadmap_tally_totals_get_fraction (totals) != roadmap_tally_totals_get_fraction (old_totals))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

/* Tells the track, and whoever watches, what changed since @old_tally */
static void
notify_change (RoadmapPhase       *self,
               const RoadmapTally *old_tally)
{
  RoadmapTally tally;
  RoadmapTallyTotals old_totals, totals;

  get_tally (self, &tally);
  if (memcmp (&tally, old_tally, sizeof tally) == 0)
    return;

  if (self->track != NULL)
    _roadmap_track_phase_changed (self->track, old_tally, &tally);

  if (!_roadmap_is_watched (self))
    return;

  roadmap_tally_get_totals (old_tally, counts_skipped_as_done (self), &old_totals);
  roadmap_tally_get_totals (&tally, counts_skipped_as_done (self), &totals);

  g_object_freeze_notify (G_OBJECT (self));
  if (tally.n_skills != old_tally->n_skills)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SKILLS]);
  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    {
      if (tally.counts[s] != old_tally->counts[s])
        g_object_notify_by_pspec (G_OBJECT (self), properties[count_props[s]]);
    }
  notify_totals (self, &old_totals, &totals);
  g_object_thaw_notify (G_OBJECT (self));
}

static gint
compare_place (gconstpointer a,
               gconstpointer b)
{
  return roadmap_skill_compare_place (*(RoadmapSkill * const *) a, *(RoadmapSkill * const *) b);
}

static gboolean
is_in_order (GPtrArray *skills)
{
  for (guint i = 1; i < skills->len; i++)
    {
      if (roadmap_skill_compare_place (g_ptr_array_index (skills, i - 1), g_ptr_array_index (skills, i)) > 0)
        return FALSE;
    }
  return TRUE;
}

/* After a hold: every column in order again, each changing only where it
 * differs. */
static void
sort_columns (RoadmapPhase *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->skills));
  g_autoptr(GPtrArray) column = g_ptr_array_sized_new (n);

  /* One array for the three in turn: this runs for every phase when
   * progress loads. */
  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    {
      g_ptr_array_set_size (column, 0);
      for (guint i = 0; i < n; i++)
        {
          RoadmapSkill *skill = roadmap_skill_list_peek (self->skills, i);

          if (roadmap_skill_get_status (skill) == s)
            g_ptr_array_add (column, skill);
        }

      /* Mostly in order already: the roadmap's order is the usual one */
      if (!is_in_order (column))
        g_ptr_array_sort (column, compare_place);
      roadmap_skill_list_replace_all (self->columns[s], column);
    }
}

/* Where @skill is in @column, given the key it is sorted by there. */
static guint
find_in_column (RoadmapSkillList *column,
                RoadmapSkill     *skill,
                gint64            sort_key)
{
  guint position = roadmap_skill_list_search (column, sort_key, roadmap_skill_get_index (skill), G_MAXUINT);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (column));

  if (position < n && roadmap_skill_list_peek (column, position) == skill)
    return position;

  /* Not in order (only while held): look at each. */
  for (position = 0; position < n; position++)
    {
      if (roadmap_skill_list_peek (column, position) == skill)
        return position;
    }

  g_return_val_if_reached (0);
}

static void
roadmap_phase_dispose (GObject *object)
{
  RoadmapPhase *self = (RoadmapPhase *) object;

  if (self->skills != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->skills));

      for (guint i = 0; i < n; i++)
        _roadmap_skill_set_phase (roadmap_skill_list_peek (self->skills, i), NULL, 0);
      g_clear_object (&self->skills);
    }
  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    g_clear_object (&self->columns[s]);

  G_OBJECT_CLASS (roadmap_phase_parent_class)->dispose (object);
}

static void
roadmap_phase_finalize (GObject *object)
{
  RoadmapPhase *self = (RoadmapPhase *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (roadmap_phase_parent_class)->finalize (object);
}

static void
roadmap_phase_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RoadmapPhase *self = ROADMAP_PHASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FIRST_MONTH:
      g_value_set_uint (value, self->first_month);
      break;
    case PROP_LAST_MONTH:
      g_value_set_uint (value, self->last_month);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_SKILLS:
      g_value_set_object (value, self->skills);
      break;
    case PROP_N_SKILLS:
      g_value_set_uint (value, roadmap_phase_get_n_skills (self));
      break;
    case PROP_N_TODO:
      g_value_set_uint (value, count (self, ROADMAP_STATUS_TODO));
      break;
    case PROP_N_DOING:
      g_value_set_uint (value, count (self, ROADMAP_STATUS_DOING));
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, count (self, ROADMAP_STATUS_DONE));
      break;
    case PROP_N_SKIPPED:
      g_value_set_uint (value, count (self, ROADMAP_STATUS_SKIPPED));
      break;
    case PROP_N_COUNTED:
      g_value_set_uint (value, roadmap_phase_get_n_counted (self));
      break;
    case PROP_N_COUNTED_DONE:
      g_value_set_uint (value, roadmap_phase_get_n_counted_done (self));
      break;
    case PROP_FRACTION:
      {
        RoadmapTallyTotals totals;

        get_totals (self, &totals);
        g_value_set_double (value, roadmap_tally_totals_get_fraction (&totals));
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_phase_class_init (RoadmapPhaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = roadmap_phase_dispose;
  object_class->finalize = roadmap_phase_finalize;
  object_class->get_property = roadmap_phase_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_FIRST_MONTH] = g_param_spec_uint ("first-month", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LAST_MONTH] = g_param_spec_uint ("last-month", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_SKILLS] = g_param_spec_object ("skills", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_N_SKILLS] = g_param_spec_uint ("n-skills", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_TODO] = g_param_spec_uint ("n-todo", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_DOING] = g_param_spec_uint ("n-doing", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_SKIPPED] = g_param_spec_uint ("n-skipped", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* Progress as shown: see roadmap_phase_get_n_counted() */
  properties[PROP_N_COUNTED] = g_param_spec_uint ("n-counted", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_COUNTED_DONE] = g_param_spec_uint ("n-counted-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* n-counted-done over n-counted */
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
roadmap_phase_init (RoadmapPhase *self)
{
  self->skills = roadmap_skill_list_new ();
  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    self->columns[s] = roadmap_skill_list_new ();
}

RoadmapPhase *
roadmap_phase_new (const char *id,
                   const char *title,
                   guint       first_month,
                   guint       last_month)
{
  RoadmapPhase *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (first_month <= last_month, NULL);

  self = g_object_new (ROADMAP_TYPE_PHASE, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->first_month = first_month;
  self->last_month = last_month;

  return self;
}

const char *
roadmap_phase_get_id (RoadmapPhase *self)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE (self), NULL);
  return self->id;
}

const char *
roadmap_phase_get_title (RoadmapPhase *self)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE (self), NULL);
  return self->title;
}

guint
roadmap_phase_get_first_month (RoadmapPhase *self)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE (self), 0);
  return self->first_month;
}

guint
roadmap_phase_get_last_month (RoadmapPhase *self)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE (self), 0);
  return self->last_month;
}

/**
 * roadmap_phase_get_number:
 *
 * Returns: the 1-based place of the phase in its track ("Phase 2")
 */
guint
roadmap_phase_get_number (RoadmapPhase *self)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE (self), 0);
  return self->number;
}

/**
 * roadmap_phase_get_track:
 *
 * Returns: (transfer none) (nullable): the track holding this phase
 */
RoadmapTrack *
roadmap_phase_get_track (RoadmapPhase *self)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE (self), NULL);
  return self->track;
}

/**
 * roadmap_phase_get_skills:
 *
 * Returns: (transfer none): a #GListModel of #RoadmapSkill, in roadmap order
 */
GListModel *
roadmap_phase_get_skills (RoadmapPhase *self)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE (self), NULL);
  return G_LIST_MODEL (self->skills);
}

void
roadmap_phase_add_skill (RoadmapPhase *self,
                         RoadmapSkill *skill)
{
  RoadmapTally old_tally;
  RoadmapSkillList *column;
  guint hours;

  g_return_if_fail (ROADMAP_IS_PHASE (self));
  g_return_if_fail (ROADMAP_IS_SKILL (skill));
  g_return_if_fail (roadmap_skill_get_phase (skill) == NULL);

  get_tally (self, &old_tally);

  _roadmap_skill_set_phase (skill, self, g_list_model_get_n_items (G_LIST_MODEL (self->skills)));
  roadmap_skill_list_append (self->skills, skill);
  hours = roadmap_skill_get_estimate_hours (skill);
  self->hours_all += hours;
  column = self->columns[roadmap_skill_get_status (skill)];
  roadmap_skill_list_insert (column,
                             roadmap_skill_list_search (column, roadmap_skill_get_sort_key (skill),
                                                        roadmap_skill_get_index (skill), G_MAXUINT),
                             skill);

  /* While held, the release counts it */
  if (self->hold_count == 0)
    {
      self->hours[roadmap_skill_get_status (skill)] += hours;
      notify_change (self, &old_tally);
    }
}

/**
 * roadmap_phase_get_hours_planned:
 *
 * Returns: the estimated hours of the counted skills (see
 *   roadmap_phase_get_n_counted(); a skill without an estimate counts none)
 */
guint
roadmap_phase_get_hours_planned (RoadmapPhase *self)
{
  RoadmapTallyTotals totals;

  g_return_val_if_fail (ROADMAP_IS_PHASE (self), 0);
  get_totals (self, &totals);
  return totals.hours_planned;
}

/**
 * roadmap_phase_get_hours_done:
 *
 * Returns: the estimated hours of the counted done skills
 */
guint
roadmap_phase_get_hours_done (RoadmapPhase *self)
{
  RoadmapTallyTotals totals;

  g_return_val_if_fail (ROADMAP_IS_PHASE (self), 0);
  get_totals (self, &totals);
  return totals.hours_done;
}

/**
 * roadmap_phase_get_n_counted:
 *
 * Returns: the skills the phase's progress counts: all but the Skipped
 *   ones, or all of them when the track counts Skipped as done
 */
guint
roadmap_phase_get_n_counted (RoadmapPhase *self)
{
  RoadmapTallyTotals totals;

  g_return_val_if_fail (ROADMAP_IS_PHASE (self), 0);
  get_totals (self, &totals);
  return totals.n_counted;
}

/**
 * roadmap_phase_get_n_counted_done:
 *
 * Returns: the skills in Done, and in Skipped when the track counts them
 *   as done
 */
guint
roadmap_phase_get_n_counted_done (RoadmapPhase *self)
{
  RoadmapTallyTotals totals;

  g_return_val_if_fail (ROADMAP_IS_PHASE (self), 0);
  get_totals (self, &totals);
  return totals.n_counted_done;
}

/**
 * roadmap_phase_get_tally:
 * @tally: (out caller-allocates): the counts and hours, per status
 */
void
roadmap_phase_get_tally (RoadmapPhase *self,
                         RoadmapTally *tally)
{
  g_return_if_fail (ROADMAP_IS_PHASE (self));
  g_return_if_fail (tally != NULL);
  get_tally (self, tally);
}

/**
 * roadmap_phase_peek_skill:
 *
 * Like g_list_model_get_item() on the skills, without the reference, for
 * loops over every skill.
 *
 * Returns: (transfer none) (nullable): the skill at @position
 */
RoadmapSkill *
roadmap_phase_peek_skill (RoadmapPhase *self,
                          guint         position)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE (self), NULL);
  return roadmap_skill_list_peek (self->skills, position);
}

guint
roadmap_phase_get_n_skills (RoadmapPhase *self)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->skills));
}

guint
roadmap_phase_get_n_with_status (RoadmapPhase  *self,
                                 RoadmapStatus  status)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE (self), 0);
  g_return_val_if_fail (status < ROADMAP_N_STATUSES, 0);
  return count (self, status);
}

/**
 * roadmap_phase_get_column:
 *
 * Returns: (transfer none): a #GListModel of the #RoadmapSkill in column
 *   @status, in board order; it changes only with committed progress
 */
GListModel *
roadmap_phase_get_column (RoadmapPhase  *self,
                          RoadmapStatus  status)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE (self), NULL);
  g_return_val_if_fail (status < ROADMAP_N_STATUSES, NULL);
  return G_LIST_MODEL (self->columns[status]);
}

void
_roadmap_phase_set_track (RoadmapPhase *self,
                          RoadmapTrack *track,
                          guint         number)
{
  g_assert (ROADMAP_IS_PHASE (self));

  self->track = track;
  self->number = number;
}

/**
 * roadmap_phase_hold_counts:
 *
 * Until the matching roadmap_phase_release_counts(), the skills' changes
 * neither move them between columns nor notify the counts: when progress
 * loads, each column is put in order once and each count changes once,
 * not once per skill. Holds nest.
 */
void
roadmap_phase_hold_counts (RoadmapPhase *self)
{
  g_return_if_fail (ROADMAP_IS_PHASE (self));

  if (self->hold_count++ == 0)
    get_tally (self, &self->held_tally);
}

/**
 * roadmap_phase_release_counts:
 *
 * Ends a roadmap_phase_hold_counts(): the columns take their order, and
 * the counts that differ from when the hold began are notified.
 */
void
roadmap_phase_release_counts (RoadmapPhase *self)
{
  g_return_if_fail (ROADMAP_IS_PHASE (self));
  g_return_if_fail (self->hold_count > 0);

  if (--self->hold_count == 0)
    {
      sort_columns (self);
      sum_hours (self);
      notify_change (self, &self->held_tally);
    }
}

/* Called by @skill after its status or sort key changed. */
void
_roadmap_phase_skill_moved (RoadmapPhase  *self,
                            RoadmapSkill  *skill,
                            RoadmapStatus  old_status,
                            gint64         old_sort_key)
{
  RoadmapStatus status = roadmap_skill_get_status (skill);
  RoadmapSkillList *from = self->columns[old_status];
  RoadmapSkillList *to = self->columns[status];
  RoadmapTally old_tally;
  guint old_position, position;
  guint hours;

  g_assert (old_status < ROADMAP_N_STATUSES);

  if (self->hold_count > 0)
    return;

  get_tally (self, &old_tally);
  old_position = find_in_column (from, skill, old_sort_key);
  /* In its own column, the skill is left out of the search: its key
   * has changed already, so the list is not in order with it. */
  position = roadmap_skill_list_search (to, roadmap_skill_get_sort_key (skill),
                                        roadmap_skill_get_index (skill),
                                        from == to ? old_position : G_MAXUINT);
  if (from == to && position == old_position)
    return;

  g_object_ref (skill);
  roadmap_skill_list_remove (from, old_position);
  roadmap_skill_list_insert (to, position, skill);
  g_object_unref (skill);

  hours = roadmap_skill_get_estimate_hours (skill);
  self->hours[old_status] -= hours;
  self->hours[status] += hours;
  notify_change (self, &old_tally);
}

/* The skill's place in its column. */
guint
_roadmap_phase_get_skill_position (RoadmapPhase *self,
                                   RoadmapSkill *skill)
{
  return find_in_column (self->columns[roadmap_skill_get_status (skill)], skill,
                         roadmap_skill_get_sort_key (skill));
}

/* Called by the track when it starts or stops counting Skipped as done */
void
_roadmap_phase_counting_changed (RoadmapPhase *self)
{
  RoadmapTally tally;
  RoadmapTallyTotals old_totals, totals;
  gboolean skipped_as_done = counts_skipped_as_done (self);

  g_assert (ROADMAP_IS_PHASE (self));

  if (!_roadmap_is_watched (self))
    return;

  get_tally (self, &tally);
  roadmap_tally_get_totals (&tally, !skipped_as_done, &old_totals);
  roadmap_tally_get_totals (&tally, skipped_as_done, &totals);
  g_object_freeze_notify (G_OBJECT (self));
  notify_totals (self, &old_totals, &totals);
  g_object_thaw_notify (G_OBJECT (self));
}

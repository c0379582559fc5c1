/* test-model.c — the GObject model: statuses, counts and notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-catalog.h"
#include "roadmap-date.h"
#include "roadmap-loader.h"

static guint
count_notify (GObject    *object,
              const char *property)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  guint *counter = g_object_get_data (object, signal);

  return counter != NULL ? *counter : 0;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  g_autofree char *signal = g_strconcat ("notify::", pspec->name, NULL);
  guint *counter = g_object_get_data (object, signal);

  if (counter == NULL)
    {
      counter = g_new0 (guint, 1);
      g_object_set_data_full (object, signal, counter, g_free);
    }
  (*counter)++;
}

static RoadmapTrack *
make_track (void)
{
  RoadmapTrack *track = roadmap_track_new ("track", "Track");
  const char *phase_ids[] = { "one", "two" };

  for (guint p = 0; p < G_N_ELEMENTS (phase_ids); p++)
    {
      g_autoptr(RoadmapPhase) phase = roadmap_phase_new (phase_ids[p], phase_ids[p], p * 2 + 1, p * 2 + 2);

      for (guint s = 0; s < 3; s++)
        {
          g_autofree char *id = g_strdup_printf ("%s-skill-%u", phase_ids[p], s);
          g_autoptr(RoadmapSkill) skill = roadmap_skill_new (id, id);

          roadmap_phase_add_skill (phase, skill);
        }

      g_assert_true (roadmap_track_add_phase (track, phase));
    }

  return track;
}

static void
test_status_strings (void)
{
  RoadmapStatus status;

  for (RoadmapStatus s = ROADMAP_STATUS_TODO; s <= ROADMAP_STATUS_DONE; s++)
    {
      g_assert_true (roadmap_status_from_string (roadmap_status_to_string (s), &status));
      g_assert_cmpint (status, ==, s);
      g_assert_nonnull (roadmap_status_get_label (s));
    }

  g_assert_cmpstr (roadmap_status_to_string (ROADMAP_STATUS_DOING), ==, "doing");
  g_assert_false (roadmap_status_from_string ("Done", &status));
  g_assert_false (roadmap_status_from_string ("", &status));
}

static void
test_counts_follow_status (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  RoadmapPhase *phase = roadmap_track_find_phase (track, "one");
  RoadmapSkill *skill = roadmap_track_find_skill (track, "one-skill-1");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_cmpuint (roadmap_track_get_n_skills (track), ==, 6);
  g_assert_cmpuint (roadmap_track_get_n_with_status (track, ROADMAP_STATUS_TODO), ==, 6);
  g_assert_cmpuint (roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_TODO), ==, 3);

  g_signal_connect (phase, "notify", G_CALLBACK (on_notify), NULL);
  g_signal_connect (track, "notify", G_CALLBACK (on_notify), NULL);
  g_signal_connect (skill, "notify", G_CALLBACK (on_notify), NULL);

  roadmap_skill_apply_progress (skill, ROADMAP_STATUS_DONE, 0, now, now);

  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DONE);
  g_assert_true (roadmap_skill_get_finished_at (skill) == now);
  g_assert_cmpuint (roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_TODO), ==, 2);
  g_assert_cmpuint (roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_DONE), ==, 1);
  g_assert_cmpuint (roadmap_track_get_n_with_status (track, ROADMAP_STATUS_DONE), ==, 1);
  g_assert_cmpuint (roadmap_track_get_n_with_status (track, ROADMAP_STATUS_TODO), ==, 5);

  g_assert_cmpuint (count_notify (G_OBJECT (skill), "status"), ==, 1);
  g_assert_cmpuint (count_notify (G_OBJECT (skill), "started-at"), ==, 1);
  g_assert_cmpuint (count_notify (G_OBJECT (phase), "n-done"), ==, 1);
  g_assert_cmpuint (count_notify (G_OBJECT (phase), "n-todo"), ==, 1);
  g_assert_cmpuint (count_notify (G_OBJECT (phase), "n-doing"), ==, 0);
  g_assert_cmpuint (count_notify (G_OBJECT (phase), "fraction"), ==, 1);
  g_assert_cmpuint (count_notify (G_OBJECT (track), "n-done"), ==, 1);

  /* Same values again: no notification at all. */
  roadmap_skill_apply_progress (skill, ROADMAP_STATUS_DONE, 0, now, now);
  g_assert_cmpuint (count_notify (G_OBJECT (skill), "status"), ==, 1);
  g_assert_cmpuint (count_notify (G_OBJECT (phase), "n-done"), ==, 1);

  roadmap_skill_apply_progress (skill, ROADMAP_STATUS_DOING, 0, now, NULL);
  g_assert_null (roadmap_skill_get_finished_at (skill));
  g_assert_cmpuint (roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_DOING), ==, 1);
  g_assert_cmpuint (roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_DONE), ==, 0);
  g_assert_cmpuint (roadmap_track_get_n_with_status (track, ROADMAP_STATUS_DOING), ==, 1);
  g_assert_cmpuint (roadmap_track_get_n_with_status (track, ROADMAP_STATUS_DONE), ==, 0);
}

/* While a phase holds its counts, its skills' moves are counted but not
 * notified; the release notifies each count that differs, once. */
static void
test_counts_held (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  RoadmapPhase *phase = roadmap_track_find_phase (track, "one");

  g_signal_connect (phase, "notify", G_CALLBACK (on_notify), NULL);

  roadmap_phase_hold_counts (phase);
  roadmap_phase_hold_counts (phase);
  for (guint s = 0; s < 3; s++)
    roadmap_skill_apply_progress (roadmap_phase_peek_skill (phase, s),
                                  s == 0 ? ROADMAP_STATUS_DOING : ROADMAP_STATUS_DONE, s, NULL, NULL);
  /* Moved twice: each count still notifies once, at the release */
  roadmap_skill_apply_progress (roadmap_phase_peek_skill (phase, 2), ROADMAP_STATUS_TODO, 0, NULL, NULL);

  /* The columns, and so the counts, follow at the last release; the
   * inner one does not notify */
  roadmap_phase_release_counts (phase);
  g_assert_cmpuint (count_notify (G_OBJECT (phase), "n-done"), ==, 0);

  roadmap_phase_release_counts (phase);
  g_assert_cmpuint (count_notify (G_OBJECT (phase), "n-todo"), ==, 1);
  g_assert_cmpuint (count_notify (G_OBJECT (phase), "n-doing"), ==, 1);
  g_assert_cmpuint (count_notify (G_OBJECT (phase), "n-done"), ==, 1);
  g_assert_cmpuint (count_notify (G_OBJECT (phase), "fraction"), ==, 1);
  g_assert_cmpuint (roadmap_track_get_n_with_status (track, ROADMAP_STATUS_TODO), ==, 4);
  g_assert_cmpuint (roadmap_track_get_n_with_status (track, ROADMAP_STATUS_DOING), ==, 1);
  g_assert_cmpuint (roadmap_track_get_n_with_status (track, ROADMAP_STATUS_DONE), ==, 1);

  /* Released: each move notifies again */
  roadmap_skill_apply_progress (roadmap_phase_peek_skill (phase, 2), ROADMAP_STATUS_DONE, 1, NULL, NULL);
  g_assert_cmpuint (count_notify (G_OBJECT (phase), "n-done"), ==, 2);
}

static void
test_fraction (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  RoadmapPhase *phase = roadmap_track_find_phase (track, "two");
  double fraction;

  for (guint s = 0; s < 3; s++)
    {
      g_autofree char *id = g_strdup_printf ("two-skill-%u", s);

      roadmap_skill_apply_progress (roadmap_track_find_skill (track, id),
                                    ROADMAP_STATUS_DONE, s, NULL, NULL);
    }

  g_object_get (phase, "fraction", &fraction, NULL);
  g_assert_cmpfloat_with_epsilon (fraction, 1.0, 1e-9);
  g_object_get (track, "fraction", &fraction, NULL);
  g_assert_cmpfloat_with_epsilon (fraction, 0.5, 1e-9);
}

static void
test_structure (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  RoadmapSkill *skill = roadmap_track_find_skill (track, "two-skill-2");
  RoadmapPhase *phase = roadmap_skill_get_phase (skill);
  g_autoptr(RoadmapPhase) clash = roadmap_phase_new ("three", "Three", 7, 8);
  g_autoptr(RoadmapSkill) duplicate = roadmap_skill_new ("one-skill-0", "Again");

  g_assert_cmpstr (roadmap_phase_get_id (phase), ==, "two");
  g_assert_cmpuint (roadmap_phase_get_number (phase), ==, 2);
  g_assert_true (roadmap_phase_get_track (phase) == track);
  g_assert_cmpstr (roadmap_skill_get_track_id (skill), ==, "track");
  g_assert_true (g_list_model_get_item_type (roadmap_track_get_phases (track)) == ROADMAP_TYPE_PHASE);
  g_assert_true (g_list_model_get_item_type (roadmap_phase_get_skills (phase)) == ROADMAP_TYPE_SKILL);
  g_assert_null (roadmap_track_find_skill (track, "nope"));
  g_assert_null (roadmap_track_find_phase (track, "nope"));

  /* A skill's index is its place in its phase's list */
  g_assert_cmpuint (roadmap_skill_get_index (skill), ==, 2);
  g_assert_true (roadmap_phase_peek_skill (phase, 2) == skill);
  g_assert_null (roadmap_phase_peek_skill (phase, 3));
  for (guint i = 0; i < roadmap_phase_get_n_skills (phase); i++)
    {
      g_autoptr(RoadmapSkill) item = g_list_model_get_item (roadmap_phase_get_skills (phase), i);

      g_assert_true (roadmap_phase_peek_skill (phase, i) == item);
      g_assert_cmpuint (roadmap_skill_get_index (item), ==, i);
    }
  g_assert_null (g_list_model_get_item (roadmap_phase_get_skills (phase), 3));

  /* A skill id already used in another phase is refused, nothing added. */
  roadmap_phase_add_skill (clash, duplicate);
  g_assert_false (roadmap_track_add_phase (track, clash));
  g_assert_cmpuint (g_list_model_get_n_items (roadmap_track_get_phases (track)), ==, 2);
  g_assert_null (roadmap_phase_get_track (clash));
  g_assert_cmpuint (roadmap_track_get_n_skills (track), ==, 6);
}

typedef struct
{
  guint position, removed, added;
} Change;

static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static char *
describe_column (GListModel *column)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (column); i++)
    {
      g_autoptr(RoadmapSkill) skill = g_list_model_get_item (column, i);

      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", roadmap_skill_get_id (skill));
    }
  return g_string_free (out, FALSE);
}

/* A phase's columns are in board order after every change, and say what
 * changed exactly: one removal and one insertion per move. */
static void
test_columns (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  RoadmapPhase *phase = roadmap_track_find_phase (track, "one");
  GListModel *todo = roadmap_phase_get_column (phase, ROADMAP_STATUS_TODO);
  GListModel *done = roadmap_phase_get_column (phase, ROADMAP_STATUS_DONE);
  RoadmapSkill *first = roadmap_phase_peek_skill (phase, 0);
  RoadmapSkill *second = roadmap_phase_peek_skill (phase, 1);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autofree char *column = NULL;

  for (guint s = 0; s < 3; s++)
    roadmap_skill_apply_progress (roadmap_phase_peek_skill (phase, s), ROADMAP_STATUS_TODO, s, NULL, NULL);
  column = describe_column (todo);
  g_assert_cmpstr (column, ==, "one-skill-0 one-skill-1 one-skill-2");
  g_signal_connect (todo, "items-changed", G_CALLBACK (record_change), changes);
  g_signal_connect (done, "items-changed", G_CALLBACK (record_change), changes);

  /* Down, past a card: its new key is larger than the next one's */
  roadmap_skill_apply_progress (second, ROADMAP_STATUS_TODO, 5, NULL, NULL);
  g_clear_pointer (&column, g_free);
  column = describe_column (todo);
  g_assert_cmpstr (column, ==, "one-skill-0 one-skill-2 one-skill-1");
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 1).position, ==, 2);
  g_assert_cmpuint (g_array_index (changes, Change, 1).added, ==, 1);
  g_assert_cmpuint (roadmap_skill_get_position (second), ==, 2);

  /* A new key that keeps its place: no change at all */
  g_array_set_size (changes, 0);
  roadmap_skill_apply_progress (second, ROADMAP_STATUS_TODO, 9, NULL, NULL);
  g_assert_cmpuint (changes->len, ==, 0);

  /* To the top, and into another column */
  roadmap_skill_apply_progress (second, ROADMAP_STATUS_TODO, -1, NULL, NULL);
  g_clear_pointer (&column, g_free);
  column = describe_column (todo);
  g_assert_cmpstr (column, ==, "one-skill-1 one-skill-0 one-skill-2");
  roadmap_skill_apply_progress (first, ROADMAP_STATUS_DONE, 0, NULL, NULL);
  g_clear_pointer (&column, g_free);
  column = describe_column (todo);
  g_assert_cmpstr (column, ==, "one-skill-1 one-skill-2");
  g_clear_pointer (&column, g_free);
  column = describe_column (done);
  g_assert_cmpstr (column, ==, "one-skill-0");
  g_assert_cmpuint (roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_DONE), ==, 1);
  g_assert_cmpuint (roadmap_track_get_n_with_status (track, ROADMAP_STATUS_DONE), ==, 1);
  g_assert_cmpuint (roadmap_track_get_n_with_status (track, ROADMAP_STATUS_TODO), ==, 5);

  g_signal_handlers_disconnect_by_data (todo, changes);
  g_signal_handlers_disconnect_by_data (done, changes);
}

static void
count_call (GObject    *object,
            GParamSpec *pspec,
            guint      *n_calls)
{
  (*n_calls)++;
}

/* Objects nobody watches are not notified (a cost when progress loads),
 * but a handler for one property only is watching too. */
static void
test_detailed_notify (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  RoadmapPhase *phase = roadmap_track_find_phase (track, "one");
  RoadmapSkill *skill = roadmap_phase_peek_skill (phase, 0);
  guint n_status = 0, n_done = 0, n_track_done = 0;

  g_signal_connect (skill, "notify::status", G_CALLBACK (count_call), &n_status);
  g_signal_connect (phase, "notify::n-done", G_CALLBACK (count_call), &n_done);
  g_signal_connect (track, "notify::n-done", G_CALLBACK (count_call), &n_track_done);

  roadmap_skill_apply_progress (skill, ROADMAP_STATUS_DONE, 0, NULL, NULL);
  g_assert_cmpuint (n_status, ==, 1);
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_cmpuint (n_track_done, ==, 1);

  /* Held: the phase and the track notify once, on release */
  roadmap_phase_hold_counts (phase);
  roadmap_skill_apply_progress (skill, ROADMAP_STATUS_TODO, 0, NULL, NULL);
  g_assert_cmpuint (n_status, ==, 2);
  g_assert_cmpuint (n_done, ==, 1);
  roadmap_phase_release_counts (phase);
  g_assert_cmpuint (n_done, ==, 2);
  g_assert_cmpuint (n_track_done, ==, 2);
  g_assert_cmpuint (roadmap_track_get_n_with_status (track, ROADMAP_STATUS_DONE), ==, 0);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *counter)
{
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (position, ==, g_list_model_get_n_items (model) - 1);
  (*counter)++;
}

static void
test_catalog (void)
{
  g_autoptr(RoadmapCatalog) catalog = roadmap_catalog_new ();
  g_autoptr(RoadmapTrack) track = make_track ();
  g_autoptr(RoadmapTrack) same_id = roadmap_track_new ("track", "Another");
  g_autoptr(RoadmapTrack) item = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (catalog, "items-changed", G_CALLBACK (on_items_changed), &changes);

  g_assert_true (roadmap_catalog_add_track (catalog, track, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  g_assert_true (item == track);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (catalog), 1));

  g_assert_false (roadmap_catalog_add_track (catalog, same_id, &error));
  g_assert_error (error, ROADMAP_LOADER_ERROR, ROADMAP_LOADER_ERROR_DUPLICATE_ID);
  g_assert_cmpuint (changes, ==, 1);

  g_assert_true (roadmap_catalog_find_skill (catalog, "track", "one-skill-2") ==
                 roadmap_track_find_skill (track, "one-skill-2"));
  g_assert_null (roadmap_catalog_find_skill (catalog, "other", "one-skill-2"));
  g_assert_cmpuint (roadmap_catalog_get_n_skills (catalog), ==, 6);

  roadmap_catalog_add_load_error (catalog, error);
  g_assert_cmpuint (roadmap_catalog_get_load_errors (catalog)->len, ==, 1);
}

static void
test_disposal (void)
{
  RoadmapTrack *track = make_track ();
  g_autoptr(RoadmapSkill) skill = g_object_ref (roadmap_track_find_skill (track, "one-skill-0"));

  g_object_add_weak_pointer (G_OBJECT (track), (gpointer *) &track);
  g_object_unref (track);
  g_assert_null (track);

  /* A skill that outlives its track forgets it instead of dangling. */
  g_assert_null (roadmap_skill_get_phase (skill));
  g_assert_null (roadmap_skill_get_track_id (skill));
}

/* Hours planned and done, kept by the phases and the track as skills
 * move, also when two swap in and out of Done while counts are held */
static void
test_hours (void)
{
  g_autoptr(RoadmapTrack) track = roadmap_track_new ("track", "Track");
  g_autoptr(RoadmapPhase) phase = roadmap_phase_new ("one", "One", 1, 2);
  const guint hours[] = { 10, 25, 0 };
  RoadmapSkill *skills[G_N_ELEMENTS (hours)];

  for (guint s = 0; s < G_N_ELEMENTS (hours); s++)
    {
      g_autofree char *id = g_strdup_printf ("skill-%u", s);
      g_autoptr(RoadmapSkill) skill = roadmap_skill_new (id, id);

      roadmap_skill_set_estimate_hours (skill, hours[s]);
      roadmap_phase_add_skill (phase, skill);
      skills[s] = skill;
    }
  g_assert_true (roadmap_track_add_phase (track, phase));
  g_signal_connect (track, "notify", G_CALLBACK (on_notify), NULL);

  g_assert_cmpuint (roadmap_track_get_hours_planned (track), ==, 35);
  g_assert_cmpuint (roadmap_phase_get_hours_planned (phase), ==, 35);
  g_assert_cmpuint (roadmap_track_get_hours_done (track), ==, 0);

  roadmap_skill_apply_progress (skills[1], ROADMAP_STATUS_DONE, 0, NULL, NULL);
  g_assert_cmpuint (roadmap_phase_get_hours_done (phase), ==, 25);
  g_assert_cmpuint (roadmap_track_get_hours_done (track), ==, 25);
  g_assert_cmpuint (count_notify (G_OBJECT (track), "hours-done"), ==, 1);

  /* Doing does not count; a skill with no estimate adds nothing */
  roadmap_skill_apply_progress (skills[0], ROADMAP_STATUS_DOING, 0, NULL, NULL);
  roadmap_skill_apply_progress (skills[2], ROADMAP_STATUS_DONE, 0, NULL, NULL);
  g_assert_cmpuint (roadmap_track_get_hours_done (track), ==, 25);

  /* Held: one out of Done, another in; the count stays, the hours not */
  roadmap_phase_hold_counts (phase);
  roadmap_skill_apply_progress (skills[1], ROADMAP_STATUS_TODO, 0, NULL, NULL);
  roadmap_skill_apply_progress (skills[0], ROADMAP_STATUS_DONE, 0, NULL, NULL);
  roadmap_phase_release_counts (phase);
  g_assert_cmpuint (roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_DONE), ==, 2);
  g_assert_cmpuint (roadmap_track_get_hours_done (track), ==, 10);
}

/* The kinds' words, and the reverse of "practises": which hands-on items
 * exercise a skill, across phases, in roadmap order */
static void
test_practice_links (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  RoadmapSkill *skill = roadmap_track_find_skill (track, "one-skill-0");
  RoadmapSkill *early = roadmap_track_find_skill (track, "one-skill-2");
  RoadmapSkill *late = roadmap_track_find_skill (track, "two-skill-1");
  const char * const early_ids[] = { "one-skill-0", "two-skill-0", NULL };
  const char * const late_ids[] = { "two-skill-0", "one-skill-0", "gone", NULL };
  g_autoptr(GPtrArray) practised_in = NULL;
  g_autoptr(GPtrArray) practised = NULL;
  g_autoptr(GPtrArray) none = NULL;
  RoadmapSkillKind kind;

  g_assert_cmpstr (roadmap_skill_kind_to_string (ROADMAP_SKILL_KIND_SKILL), ==, "skill");
  g_assert_cmpstr (roadmap_skill_kind_to_string (ROADMAP_SKILL_KIND_PRACTICE), ==, "practice");
  g_assert_true (roadmap_skill_kind_from_string ("practice", &kind));
  g_assert_cmpint (kind, ==, ROADMAP_SKILL_KIND_PRACTICE);
  g_assert_false (roadmap_skill_kind_from_string ("Practice", &kind));
  g_assert_cmpstr (roadmap_skill_kind_get_label (ROADMAP_SKILL_KIND_PRACTICE), ==, "Hands-on");

  g_assert_cmpint (roadmap_skill_get_kind (skill), ==, ROADMAP_SKILL_KIND_SKILL);
  roadmap_skill_set_kind (early, ROADMAP_SKILL_KIND_PRACTICE);
  roadmap_skill_set_practises (early, early_ids);
  roadmap_skill_set_kind (late, ROADMAP_SKILL_KIND_PRACTICE);
  roadmap_skill_set_practises (late, late_ids);
  g_assert_true (roadmap_skill_practises (late, "one-skill-0"));
  g_assert_false (roadmap_skill_practises (late, "one-skill-1"));
  g_assert_false (roadmap_skill_practises (skill, "one-skill-0"));

  practised_in = roadmap_track_list_practised_in (track, skill);
  g_assert_cmpuint (practised_in->len, ==, 2);
  g_assert_true (g_ptr_array_index (practised_in, 0) == early);
  g_assert_true (g_ptr_array_index (practised_in, 1) == late);

  none = roadmap_track_list_practised_in (track, roadmap_track_find_skill (track, "one-skill-1"));
  g_assert_cmpuint (none->len, ==, 0);

  /* In the order the item lists them; an id the track lacks left out */
  practised = roadmap_track_list_practised (track, late);
  g_assert_cmpuint (practised->len, ==, 2);
  g_assert_cmpstr (roadmap_skill_get_id (g_ptr_array_index (practised, 0)), ==, "two-skill-0");
  g_assert_cmpstr (roadmap_skill_get_id (g_ptr_array_index (practised, 1)), ==, "one-skill-0");

  /* An empty list is none */
  roadmap_skill_set_practises (early, (const char * const []) { NULL });
  g_assert_null (roadmap_skill_get_practises (early));
}

/* One date style, with no padding before a one-digit day */
static void
test_dates (void)
{
  g_autoptr(GDateTime) early = g_date_time_new_local (2026, 11, 5, 19, 40, 12);
  g_autoptr(GDateTime) late = g_date_time_new_local (2026, 12, 24, 8, 5, 0);
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 1, 5, 10, 0, 0);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *expected = g_date_time_format (local, "%-d %b %Y");
  g_autofree char *text = NULL;

  text = roadmap_date_format (early);
  g_assert_cmpstr (text, ==, "5 Nov 2026");
  g_free (text);
  text = roadmap_date_format_with_time (early);
  g_assert_cmpstr (text, ==, "5 Nov 2026, 19:40");
  g_free (text);
  text = roadmap_date_format (late);
  g_assert_cmpstr (text, ==, "24 Dec 2026");
  g_free (text);
  text = roadmap_date_format_with_time (late);
  g_assert_cmpstr (text, ==, "24 Dec 2026, 08:05");
  g_free (text);

  /* Written in local time, whatever the zone of the value */
  text = roadmap_date_format (utc);
  g_assert_cmpstr (text, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/status/strings", test_status_strings);
  g_test_add_func ("/model/counts/follow-status", test_counts_follow_status);
  g_test_add_func ("/model/counts/held", test_counts_held);
  g_test_add_func ("/model/counts/fraction", test_fraction);
  g_test_add_func ("/model/columns/order", test_columns);
  g_test_add_func ("/model/notify/detailed", test_detailed_notify);
  g_test_add_func ("/model/structure", test_structure);
  g_test_add_func ("/model/catalog", test_catalog);
  g_test_add_func ("/model/disposal", test_disposal);
  g_test_add_func ("/model/dates", test_dates);
  g_test_add_func ("/model/hours", test_hours);
  g_test_add_func ("/model/practice-links", test_practice_links);

  return g_test_run ();
}

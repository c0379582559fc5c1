/* test-plans.c — a track's plan through the store and the session: set,
 * removed, undone and redone, refused over another process's change,
 * seen by a reload, and the migration from schema 5
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-plan-command.h"
#include "roadmap-session.h"
#include "store-test-util.h"

static RoadmapTrack *
alpha (StoreFixture *fixture)
{
  RoadmapTrack *track = roadmap_catalog_find_track (fixture->catalog, "alpha");

  g_assert_nonnull (track);
  return track;
}

static char *
query_plan (const char *db_path,
            const char *track_id)
{
  g_autoptr(sqlite3) db = store_test_sqlite_open (db_path);
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (start, '-') || ' ' || coalesce (months, '-')"
                                          " || ' ' || coalesce (hours_per_week, '-')"
                                          " FROM plans WHERE track_id = '%s'", track_id);

  return store_test_query_text (db, sql);
}

static void
set_plan (RoadmapSession    *session,
          RoadmapTrack      *track,
          const RoadmapPlan *plan)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_plan (session, track, plan, &error));
  g_assert_no_error (error);
}

/* Written inside a change, read back inside another, reloaded by a
 * fresh catalog; a removed plan keeps its row, emptied */
static void
test_store_roundtrip (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(RoadmapPlan) plan = store_test_plan ("2026-03-29", 0, 6);
  g_autoptr(RoadmapPlan) read = NULL;
  g_autoptr(RoadmapCatalog) catalog = store_test_small_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *row = NULL;
  gint64 change, row_change;

  g_assert_true (roadmap_store_begin_change (fixture->store, &change, NULL, &error));
  g_assert_true (roadmap_store_read_plan (fixture->store, alpha (fixture), &read, &row_change, &error));
  g_assert_null (read);
  g_assert_cmpint (row_change, ==, 0);
  g_assert_true (roadmap_store_write_plan (fixture->store, alpha (fixture), plan, change, 1000, &error));
  g_assert_true (roadmap_store_read_plan (fixture->store, alpha (fixture), &read, &row_change, &error));
  g_assert_true (roadmap_plan_equal (read, plan));
  g_assert_cmpint (row_change, ==, change);
  g_assert_true (roadmap_store_commit_change (fixture->store, NULL, &error));
  g_assert_no_error (error);

  row = query_plan (fixture->db_path, "alpha");
  g_assert_cmpstr (row, ==, "2026-03-29 - 6");

  g_assert_true (roadmap_store_load_progress (fixture->store, catalog, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_plan_equal (roadmap_track_get_plan (roadmap_catalog_find_track (catalog, "alpha")), plan));
  g_assert_null (roadmap_track_get_plan (roadmap_catalog_find_track (catalog, "beta")));

  g_assert_true (roadmap_store_begin_change (fixture->store, &change, NULL, &error));
  g_assert_true (roadmap_store_write_plan (fixture->store, alpha (fixture), NULL, change, 1001, &error));
  g_assert_true (roadmap_store_commit_change (fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&row, g_free);
  row = query_plan (fixture->db_path, "alpha");
  g_assert_cmpstr (row, ==, "- - -");
}

/* A row this release cannot use (a newer release's 12 months, a start
 * that is no day) reads as no plan, and stays as it is */
static void
test_store_unusable (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(RoadmapPlan) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *row = NULL;

  store_fixture_exec (fixture, "INSERT INTO plans VALUES ('alpha', '2026-01-01', 12, NULL, 0, 1);"
                               "INSERT INTO plans VALUES ('beta', '2026-02-30', 3, NULL, 0, 1);");
  g_assert_true (roadmap_store_read_plan (fixture->store, alpha (fixture), &read, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (read);
  g_assert_true (roadmap_store_load_progress (fixture->store, fixture->catalog, &error));
  g_assert_no_error (error);
  g_assert_null (roadmap_track_get_plan (alpha (fixture)));
  g_assert_null (roadmap_track_get_plan (roadmap_catalog_find_track (fixture->catalog, "beta")));
  row = query_plan (fixture->db_path, "alpha");
  g_assert_cmpstr (row, ==, "2026-01-01 12 -");

  /* Two paces, or none with a start, are refused by the table itself */
  {
    g_autoptr(sqlite3) db = store_test_sqlite_open (fixture->db_path);

    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO plans VALUES ('gamma', '2026-01-01', 3, 5, 0, 1)",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO plans VALUES ('gamma', '2026-01-01', NULL, NULL, 0, 1)",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO plans VALUES ('gamma', 'soon', 3, NULL, 0, 1)",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  }
}

/* Set, undone, redone, removed: the model follows each commit, with
 * one notify each */
static void
test_command (StoreFixture  *fixture,
              gconstpointer  data)
{
  RoadmapSession *session = store_test_session (fixture->store, fixture->catalog);
  RoadmapTrack *track = alpha (fixture);
  g_autoptr(RoadmapPlan) plan = store_test_plan ("2026-01-05", 4, 0);
  g_autoptr(RoadmapPlan) faster = store_test_plan ("2026-01-05", 0, 12);
  g_autoptr(GError) error = NULL;
  g_autofree char *row = NULL;
  RoadmapCommand *undone = NULL;
  guint n_notify = 0;

  g_signal_connect_swapped (track, "notify::plan", G_CALLBACK (g_atomic_int_inc), &n_notify);

  set_plan (session, track, plan);
  g_assert_true (roadmap_plan_equal (roadmap_track_get_plan (track), plan));
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_true (roadmap_session_can_undo (session));

  set_plan (session, track, faster);
  row = query_plan (fixture->db_path, "alpha");
  g_assert_cmpstr (row, ==, "2026-01-05 - 12");

  /* The same plan again changes nothing and is no step of undo */
  {
    g_autofree char *before = store_test_describe_db (fixture->db_path);
    g_autofree char *after = NULL;

    set_plan (session, track, faster);
    after = store_test_describe_db (fixture->db_path);
    g_assert_cmpstr (after, ==, before);
  }

  g_assert_true (roadmap_session_undo (session, &undone, &error));
  g_assert_no_error (error);
  g_assert_true (ROADMAP_IS_PLAN_COMMAND (undone));
  g_assert_true (roadmap_plan_equal (roadmap_track_get_plan (track), plan));
  g_clear_pointer (&row, g_free);
  row = query_plan (fixture->db_path, "alpha");
  g_assert_cmpstr (row, ==, "2026-01-05 4 -");

  g_assert_true (roadmap_session_undo (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (roadmap_track_get_plan (track));
  g_clear_pointer (&row, g_free);
  row = query_plan (fixture->db_path, "alpha");
  g_assert_cmpstr (row, ==, "- - -");

  g_assert_true (roadmap_session_redo (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_plan_equal (roadmap_track_get_plan (track), plan));

  set_plan (session, track, NULL);
  g_assert_null (roadmap_track_get_plan (track));
  g_assert_true (roadmap_session_undo (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_plan_equal (roadmap_track_get_plan (track), plan));
  g_assert_cmpuint (n_notify, ==, 7);
}

/* Another process changes the plan: a reload shows it, and this
 * session's undo refuses to overwrite it and changes nothing */
static void
test_changed_elsewhere (StoreFixture  *fixture,
                        gconstpointer  data)
{
  RoadmapSession *session = store_test_session (fixture->store, fixture->catalog);
  g_autoptr(RoadmapStore) other = NULL;
  g_autoptr(RoadmapCatalog) other_catalog = store_test_small_catalog ();
  g_autoptr(RoadmapSession) other_session = NULL;
  g_autoptr(RoadmapPlan) plan = store_test_plan ("2026-01-05", 3, 0);
  g_autoptr(RoadmapPlan) theirs = store_test_plan ("2026-02-01", 0, 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *db_before = NULL;
  g_autofree char *db_after = NULL;

  set_plan (session, alpha (fixture), plan);

  other = roadmap_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (roadmap_store_load_progress (other, other_catalog, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_plan_equal (roadmap_track_get_plan (roadmap_catalog_find_track (other_catalog, "alpha")),
                                     plan));
  other_session = roadmap_session_new_for_store (other, other_catalog);
  set_plan (other_session, roadmap_catalog_find_track (other_catalog, "alpha"), theirs);

  g_assert_true (roadmap_session_reload (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_plan_equal (roadmap_track_get_plan (alpha (fixture)), theirs));

  db_before = store_test_describe_db (fixture->db_path);
  g_assert_false (roadmap_session_undo (session, NULL, &error));
  g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE);
  g_clear_error (&error);
  db_after = store_test_describe_db (fixture->db_path);
  g_assert_cmpstr (db_after, ==, db_before);
  g_assert_true (roadmap_plan_equal (roadmap_track_get_plan (alpha (fixture)), theirs));
  g_assert_false (roadmap_session_can_undo (session));

  /* Removed elsewhere: the reload sees it go */
  set_plan (other_session, roadmap_catalog_find_track (other_catalog, "alpha"), NULL);
  g_assert_true (roadmap_session_reload (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (roadmap_track_get_plan (alpha (fixture)));
}

/* The release before schema 6 wrote schema-5.db: the bundled roadmaps,
 * two skills moved (--set-status) and count-skipped-as-done set. It
 * opens as schema 6, all of it kept, and takes a plan. */
static void
test_migration (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_copy_fixture ("schema-5.db", 5, dir);
  g_autoptr(RoadmapCatalog) catalog = store_test_bundled_catalog ();
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(RoadmapPlan) plan = store_test_plan ("2026-03-01", 6, 0);
  g_autoptr(GError) error = NULL;
  RoadmapTrack *track;

  store = roadmap_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (roadmap_store_load_progress (store, catalog, &error));
  g_assert_no_error (error);

  g_assert_cmpint (roadmap_skill_get_status (store_test_skill (catalog, "data-engineer", "python-sql")),
                   ==, ROADMAP_STATUS_DONE);
  g_assert_cmpint (roadmap_skill_get_status (store_test_skill (catalog, "backend-developer", "python-sql")),
                   ==, ROADMAP_STATUS_DOING);
  g_assert_true (roadmap_catalog_get_count_skipped_as_done (catalog));
  track = roadmap_catalog_find_track (catalog, "data-engineer");
  g_assert_null (roadmap_track_get_plan (track));

  set_plan (store_test_session (store, catalog), track, plan);
  store_test_forget_sessions ();
  g_clear_object (&store);

  {
    g_autoptr(sqlite3) db = store_test_sqlite_open (path);
    g_autofree char *start = store_test_query_text (db, "SELECT start FROM plans WHERE months = 6");

    g_assert_cmpint (store_test_query_int (db, "PRAGMA user_version"), ==, 7);
    g_assert_cmpstr (start, ==, "2026-03-01");
    g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM progress"), ==, 2);
  }
  store_test_assert_integrity (path);
  store_test_remove_dir (dir);
}

static gint64
fixed_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

/* The window's day is the local day by the session's clock: with
 * TZ=Europe/Berlin (main()), 23:30 UTC on 28 March is already the 29th,
 * and 22:30 UTC on the 29th (after the change to summer time) the 30th */
static void
test_today (StoreFixture  *fixture,
            gconstpointer  data)
{
  RoadmapSession *session = store_test_session (fixture->store, fixture->catalog);
  g_autoptr(GDateTime) before = g_date_time_new_utc (2026, 3, 28, 23, 30, 0);
  g_autoptr(GDateTime) after = g_date_time_new_utc (2026, 3, 29, 22, 30, 0);
  gint64 now = g_date_time_to_unix (before) * G_USEC_PER_SEC;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GDate today;

  roadmap_session_set_clock (session, fixed_clock, &now);
  roadmap_session_get_today (session, &today);
  first = roadmap_plan_format_date (&today);
  now = g_date_time_to_unix (after) * G_USEC_PER_SEC;
  roadmap_session_get_today (session, &today);
  second = roadmap_plan_format_date (&today);
  roadmap_session_set_clock (session, NULL, NULL);

  g_assert_cmpstr (first, ==, "2026-03-29");
  g_assert_cmpstr (second, ==, "2026-03-30");
}

static void
set_up (StoreFixture  *fixture,
        gconstpointer  data)
{
  store_fixture_set_up (fixture, data);
  store_fixture_open (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/plans/store/roundtrip", StoreFixture, NULL,
              set_up, test_store_roundtrip, store_fixture_tear_down);
  g_test_add ("/plans/store/unusable", StoreFixture, NULL,
              set_up, test_store_unusable, store_fixture_tear_down);
  g_test_add ("/plans/command", StoreFixture, NULL,
              set_up, test_command, store_fixture_tear_down);
  g_test_add ("/plans/changed-elsewhere", StoreFixture, NULL,
              set_up, test_changed_elsewhere, store_fixture_tear_down);
  g_test_add ("/plans/today", StoreFixture, NULL,
              set_up, test_today, store_fixture_tear_down);
  g_test_add_func ("/plans/migration/schema-5", test_migration);

  return g_test_run ();
}

/* test-stats-store.c — the statistics read from a real progress
 * database through a session with a fixed clock, in Berlin's time zone;
 * the weekly goal kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-session.h"
#include "stats-test-util.h"
#include "store-test-util.h"

typedef SessionFixture Fixture;

static gint64
fixed_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static RoadmapStats *
stats_of (RoadmapSession *session,
          const char     *track_id)
{
  g_autoptr(GError) error = NULL;
  RoadmapStats *stats = roadmap_session_compute_stats (session, track_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

/* The week of Monday 23 March 2026; clocks go forward on its Sunday */
static void
make_history (RoadmapSession *session,
              gint64         *clock)
{
  g_autoptr(GError) error = NULL;

  *clock = stats_test_at ("2026-03-16T10:00:00+01:00");
  store_test_session_set_status (session, "backend-developer", "database-design", ROADMAP_STATUS_DONE);

  *clock = stats_test_at ("2026-03-23T10:00:00+01:00");
  store_test_session_set_status (session, "backend-developer", "python-sql", ROADMAP_STATUS_DOING);
  *clock = stats_test_at ("2026-03-24T21:00:00+01:00");
  g_assert_true (roadmap_session_set_note (session, store_test_session_skill (session, "backend-developer", "python-sql"),
                                           "Window functions", &error));
  g_assert_no_error (error);
  /* 23:30 local, 22:30 UTC: still Wednesday */
  *clock = stats_test_at ("2026-03-25T23:30:00+01:00");
  store_test_session_set_status (session, "backend-developer", "python-sql", ROADMAP_STATUS_DONE);
  *clock = stats_test_at ("2026-03-26T09:00:00+01:00");
  g_assert_true (roadmap_session_set_topic_done (session, store_test_session_skill (session, "data-engineer", "python-sql"),
                                                 0, TRUE, &error));
  g_assert_no_error (error);
  /* Sunday of summer time, 23:30 local */
  *clock = stats_test_at ("2026-03-29T23:30:00+02:00");
  store_test_session_set_status (session, "data-engineer", "python-sql", ROADMAP_STATUS_DONE);
  /* Moved out of Done again */
  store_test_session_set_status (session, "backend-developer", "database-design", ROADMAP_STATUS_DOING);
  *clock = stats_test_at ("2026-03-29T23:50:00+02:00");
}

static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 clock = 0;
  g_autoptr(RoadmapStats) all = NULL;
  g_autoptr(RoadmapStats) backend = NULL;
  g_autoptr(RoadmapStats) reopened_stats = NULL;
  g_autoptr(RoadmapSession) reopened = NULL;
  g_autofree char *median = NULL;
  guint monday = ROADMAP_STATS_N_DAYS - 7;

  roadmap_session_set_clock (fixture->session, fixed_clock, &clock);
  make_history (fixture->session, &clock);

  all = stats_of (fixture->session, NULL);
  g_assert_cmpuint (roadmap_stats_get_done_total (all), ==, 2);
  g_assert_cmpuint (roadmap_stats_get_done_this_week (all), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_done_by_week (all, ROADMAP_STATS_N_WEEKS - 2), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_today (all), ==, ROADMAP_STATS_N_DAYS - 1);
  g_assert_cmpuint (roadmap_stats_get_activity (all, monday), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_activity (all, monday + 1), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_activity (all, monday + 2), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_activity (all, monday + 3), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_activity (all, monday + 6), ==, 2);
  /* 23 March 10:00 to 25 March 23:30: 2 days 13.5 hours */
  median = roadmap_stats_format_median (all);
  g_assert_cmpstr (median, ==, "2.6");

  backend = stats_of (fixture->session, "backend-developer");
  g_assert_cmpuint (roadmap_stats_get_done_total (backend), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_done_this_week (backend), ==, 0);
  g_assert_cmpuint (roadmap_stats_get_activity (backend, monday + 3), ==, 0);
  g_assert_cmpuint (roadmap_stats_get_activity (backend, monday + 6), ==, 1);

  /* The same from the file, in another session */
  reopened = store_test_open_session (fixture->db_path);
  roadmap_session_set_clock (reopened, fixed_clock, &clock);
  reopened_stats = stats_of (reopened, NULL);
  g_assert_cmpuint (roadmap_stats_get_done_total (reopened_stats), ==, 2);
  g_assert_cmpuint (roadmap_stats_get_done_this_week (reopened_stats), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_activity (reopened_stats, monday + 6), ==, 2);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 clock = stats_test_at ("2026-10-25T12:00:00+01:00");
  g_autoptr(RoadmapStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *median = NULL;

  roadmap_session_set_clock (fixture->session, fixed_clock, &clock);
  stats = stats_of (fixture->session, NULL);
  g_assert_cmpuint (roadmap_stats_get_done_total (stats), ==, 0);
  g_assert_cmpuint (roadmap_stats_get_max_activity (stats), ==, 0);
  median = roadmap_stats_format_median (stats);
  g_assert_cmpstr (median, ==, "-");

  /* A track the database has never heard of has no history either */
  g_clear_pointer (&stats, roadmap_stats_unref);
  stats = stats_of (fixture->session, "no-such-track");
  g_assert_cmpuint (roadmap_stats_get_done_total (stats), ==, 0);
}

static void
test_weekly_goal (Fixture       *fixture,
                  gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  g_autoptr(RoadmapSession) other = NULL;
  g_autoptr(RoadmapStats) stats = NULL;
  RoadmapCommand *undone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 clock = 0;

  roadmap_session_set_clock (fixture->session, fixed_clock, &clock);
  make_history (fixture->session, &clock);

  /* Off by default */
  g_assert_cmpuint (roadmap_catalog_get_weekly_goal (catalog), ==, 0);
  stats = stats_of (fixture->session, NULL);
  g_assert_cmpuint (roadmap_stats_get_weekly_goal (stats), ==, 0);
  g_assert_cmpuint (roadmap_stats_get_streak_weeks (stats), ==, 0);
  g_clear_pointer (&stats, roadmap_stats_unref);

  g_assert_true (roadmap_session_set_weekly_goal (fixture->session, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (roadmap_catalog_get_weekly_goal (catalog), ==, 1);
  stats = stats_of (fixture->session, NULL);
  g_assert_cmpuint (roadmap_stats_get_weekly_goal (stats), ==, 1);
  /* The week of 16 March and this one, met already */
  g_assert_cmpuint (roadmap_stats_get_streak_weeks (stats), ==, 2);
  g_clear_pointer (&stats, roadmap_stats_unref);

  /* In the database: another process sees it, and follows a change */
  other = store_test_open_session (fixture->db_path);
  g_assert_cmpuint (roadmap_catalog_get_weekly_goal (roadmap_session_get_catalog (other)), ==, 1);
  g_assert_true (roadmap_session_set_weekly_goal (fixture->session, 2, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_session_reload (other, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (roadmap_catalog_get_weekly_goal (roadmap_session_get_catalog (other)), ==, 2);

  stats = stats_of (fixture->session, NULL);
  g_assert_cmpuint (roadmap_stats_get_streak_weeks (stats), ==, 0);
  g_clear_pointer (&stats, roadmap_stats_unref);

  /* A preference is set back by setting it, as Count Skipped as Done:
   * undo takes back the last move, and leaves the goal */
  g_assert_true (roadmap_session_undo (fixture->session, &undone, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (roadmap_catalog_get_weekly_goal (catalog), ==, 2);
  g_assert_cmpstr (roadmap_status_to_string (roadmap_skill_get_status (store_test_session_skill (fixture->session, "backend-developer", "database-design"))),
                   ==, "done");

  /* Off again: no row needed, 0 as without one */
  g_assert_true (roadmap_session_set_weekly_goal (fixture->session, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (roadmap_catalog_get_weekly_goal (catalog), ==, 0);
  g_clear_object (&other);
  other = store_test_open_session (fixture->db_path);
  g_assert_cmpuint (roadmap_catalog_get_weekly_goal (roadmap_session_get_catalog (other)), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  /* The learner's days are Berlin's, clock changes and all */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/stats-store/figures", Fixture, NULL, session_fixture_set_up, test_figures, session_fixture_tear_down);
  g_test_add ("/stats-store/empty", Fixture, NULL, session_fixture_set_up, test_empty, session_fixture_tear_down);
  g_test_add ("/stats-store/weekly-goal", Fixture, NULL, session_fixture_set_up, test_weekly_goal, session_fixture_tear_down);

  return g_test_run ();
}

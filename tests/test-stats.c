/* test-stats.c — the figures of the history, with a fixed clock, in
 * Berlin's time zone across its clock changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "stats-test-util.h"

static RoadmapStatsEvent
move (const char    *when,
      const char    *skill,
      RoadmapStatus  old_status,
      RoadmapStatus  new_status)
{
  return (RoadmapStatsEvent) { stats_test_at (when), ROADMAP_STATS_EVENT_STATUS, skill, old_status, new_status, TRUE };
}

static RoadmapStatsEvent
note (const char *when,
      const char *skill)
{
  return (RoadmapStatsEvent) { stats_test_at (when), ROADMAP_STATS_EVENT_ACTIVITY, skill, 0, 0, TRUE };
}

static RoadmapStats *
compute (const RoadmapStatsEvent *events,
         gsize                    n_events,
         const char              *now,
         guint                    goal)
{
  g_autoptr(GDateTime) now_time = stats_test_berlin (now);

  return roadmap_stats_new (events, n_events, now_time, goal, FALSE);
}

static void
assert_median (RoadmapStats *stats,
               const char   *expected)
{
  g_autofree char *median = roadmap_stats_format_median (stats);

  g_assert_cmpstr (median, ==, expected);
}

static void
test_empty (void)
{
  g_autoptr(RoadmapStats) stats = compute (NULL, 0, "2026-03-29T12:00:00+02:00", 0);
  g_autoptr(RoadmapStats) with_goal = compute (NULL, 0, "2026-03-29T12:00:00+02:00", 3);
  GDate first;

  roadmap_stats_get_first_day (stats, &first);
  /* The current week, 23–29 March, is the last of 52 */
  g_assert_cmpint (g_date_get_year (&first), ==, 2025);
  g_assert_cmpint (g_date_get_month (&first), ==, 3);
  g_assert_cmpint (g_date_get_day (&first), ==, 31);
  g_assert_cmpint (g_date_get_weekday (&first), ==, G_DATE_MONDAY);
  g_assert_cmpuint (roadmap_stats_get_today (stats), ==, ROADMAP_STATS_N_DAYS - 1);

  g_assert_cmpuint (roadmap_stats_get_done_total (stats), ==, 0);
  g_assert_cmpuint (roadmap_stats_get_done_this_week (stats), ==, 0);
  g_assert_cmpuint (roadmap_stats_get_max_activity (stats), ==, 0);
  g_assert_cmpuint (roadmap_stats_get_done_by_week (stats, ROADMAP_STATS_N_WEEKS - 1), ==, 0);
  assert_median (stats, "-");
  g_assert_cmpuint (roadmap_stats_get_weekly_goal (stats), ==, 0);
  g_assert_cmpuint (roadmap_stats_get_streak_weeks (stats), ==, 0);
  g_assert_cmpuint (roadmap_stats_get_weekly_goal (with_goal), ==, 3);
  g_assert_cmpuint (roadmap_stats_get_streak_weeks (with_goal), ==, 0);
}

static void
test_one_skill (void)
{
  /* Started on Tuesday, done on Friday evening: three and a half days */
  const RoadmapStatsEvent events[] = {
    move ("2026-03-24T10:00:00+01:00", "t/a", ROADMAP_STATUS_TODO, ROADMAP_STATUS_DOING),
    note ("2026-03-25T09:00:00+01:00", "t/a"),
    move ("2026-03-27T22:00:00+01:00", "t/a", ROADMAP_STATUS_DOING, ROADMAP_STATUS_DONE),
  };
  g_autoptr(RoadmapStats) stats = compute (events, G_N_ELEMENTS (events), "2026-03-28T12:00:00+01:00", 1);
  guint last = ROADMAP_STATS_N_DAYS - 7;

  g_assert_cmpuint (roadmap_stats_get_done_total (stats), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_done_this_week (stats), ==, 1);
  assert_median (stats, "3.5");
  g_assert_cmpuint (roadmap_stats_get_today (stats), ==, last + 5);
  g_assert_cmpuint (roadmap_stats_get_activity (stats, last + 0), ==, 0);
  g_assert_cmpuint (roadmap_stats_get_activity (stats, last + 1), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_activity (stats, last + 2), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_activity (stats, last + 4), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_max_activity (stats), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_done_by_week (stats, ROADMAP_STATS_N_WEEKS - 2), ==, 0);
  g_assert_cmpuint (roadmap_stats_get_done_by_week (stats, ROADMAP_STATS_N_WEEKS - 1), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_streak_weeks (stats), ==, 1);
}

static void
test_moved_back (void)
{
  const RoadmapStatsEvent events[] = {
    move ("2026-03-10T10:00:00+01:00", "t/a", ROADMAP_STATUS_TODO, ROADMAP_STATUS_DOING),
    move ("2026-03-12T10:00:00+01:00", "t/a", ROADMAP_STATUS_DOING, ROADMAP_STATUS_DONE),
    move ("2026-03-12T10:00:00+01:00", "t/b", ROADMAP_STATUS_TODO, ROADMAP_STATUS_DONE),
    /* This week: a back out of Done, b's move was a mistake undone */
    move ("2026-03-24T10:00:00+01:00", "t/a", ROADMAP_STATUS_DONE, ROADMAP_STATUS_DOING),
    move ("2026-03-25T10:00:00+01:00", "t/c", ROADMAP_STATUS_TODO, ROADMAP_STATUS_DONE),
    move ("2026-03-25T10:01:00+01:00", "t/c", ROADMAP_STATUS_DONE, ROADMAP_STATUS_TODO),
  };
  g_autoptr(RoadmapStats) stats = compute (events, G_N_ELEMENTS (events), "2026-03-26T12:00:00+01:00", 0);

  g_assert_cmpuint (roadmap_stats_get_done_total (stats), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_done_this_week (stats), ==, 0);
  /* b went to Done without Doing; a is no longer done */
  assert_median (stats, "-");
  g_assert_cmpuint (roadmap_stats_get_done_by_week (stats, ROADMAP_STATS_N_WEEKS - 3), ==, 2);
  g_assert_cmpuint (roadmap_stats_get_done_by_week (stats, ROADMAP_STATS_N_WEEKS - 2), ==, 2);
  g_assert_cmpuint (roadmap_stats_get_done_by_week (stats, ROADMAP_STATS_N_WEEKS - 1), ==, 1);
  /* c done and back: two moves on the Wednesday */
  g_assert_cmpuint (roadmap_stats_get_activity (stats, ROADMAP_STATS_N_DAYS - 7 + 2), ==, 2);
}

static void
test_median (void)
{
  /* 1, 2 and 10 days; the restart of c does not move its first start */
  const RoadmapStatsEvent events[] = {
    move ("2026-02-01T10:00:00+01:00", "t/c", ROADMAP_STATUS_TODO, ROADMAP_STATUS_DOING),
    move ("2026-02-05T10:00:00+01:00", "t/c", ROADMAP_STATUS_DOING, ROADMAP_STATUS_TODO),
    move ("2026-02-08T10:00:00+01:00", "t/c", ROADMAP_STATUS_TODO, ROADMAP_STATUS_DOING),
    move ("2026-02-11T10:00:00+01:00", "t/c", ROADMAP_STATUS_DOING, ROADMAP_STATUS_DONE),
    move ("2026-03-01T10:00:00+01:00", "t/a", ROADMAP_STATUS_TODO, ROADMAP_STATUS_DOING),
    move ("2026-03-02T10:00:00+01:00", "t/a", ROADMAP_STATUS_DOING, ROADMAP_STATUS_DONE),
    move ("2026-03-03T10:00:00+01:00", "u/a", ROADMAP_STATUS_TODO, ROADMAP_STATUS_DOING),
    move ("2026-03-05T10:00:00+01:00", "u/a", ROADMAP_STATUS_DOING, ROADMAP_STATUS_DONE),
  };
  g_autoptr(RoadmapStats) stats = compute (events, G_N_ELEMENTS (events), "2026-03-26T12:00:00+01:00", 0);
  g_autoptr(RoadmapStats) even = compute (events + 4, 4, "2026-03-26T12:00:00+01:00", 0);
  g_autofree char *median = NULL;

  assert_median (stats, "2.0");
  assert_median (even, "1.5");

  /* A point, whatever the locale */
  median = roadmap_stats_format_median (even);
  g_assert_null (strchr (median, ','));
}

static void
test_dst_spring (void)
{
  /* 29 March 2026: 23 hours long in Berlin */
  const RoadmapStatsEvent events[] = {
    note ("2026-03-28T23:30:00+01:00", "t/a"),
    note ("2026-03-29T00:30:00+01:00", "t/a"),
    note ("2026-03-29T01:59:00+01:00", "t/b"),
    note ("2026-03-29T03:01:00+02:00", "t/c"),
    /* 21:30 UTC */
    move ("2026-03-29T23:30:00+02:00", "t/a", ROADMAP_STATUS_TODO, ROADMAP_STATUS_DONE),
    /* Monday */
    move ("2026-03-30T00:10:00+02:00", "t/b", ROADMAP_STATUS_TODO, ROADMAP_STATUS_DONE),
  };
  g_autoptr(RoadmapStats) stats = compute (events, G_N_ELEMENTS (events), "2026-03-29T23:45:00+02:00", 0);
  g_autoptr(RoadmapStats) monday = compute (events, G_N_ELEMENTS (events), "2026-03-30T08:00:00+02:00", 0);
  guint sunday = ROADMAP_STATS_N_DAYS - 1;

  g_assert_cmpuint (roadmap_stats_get_today (stats), ==, sunday);
  g_assert_cmpuint (roadmap_stats_get_activity (stats, sunday - 1), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_activity (stats, sunday), ==, 4);
  g_assert_cmpuint (roadmap_stats_get_max_activity (stats), ==, 4);
  /* The Monday move is still to come */
  g_assert_cmpuint (roadmap_stats_get_done_this_week (stats), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_done_total (stats), ==, 1);

  /* A week later the Sunday is the last of the previous week */
  g_assert_cmpuint (roadmap_stats_get_today (monday), ==, ROADMAP_STATS_N_DAYS - 7);
  g_assert_cmpuint (roadmap_stats_get_activity (monday, ROADMAP_STATS_N_DAYS - 8), ==, 4);
  g_assert_cmpuint (roadmap_stats_get_activity (monday, ROADMAP_STATS_N_DAYS - 7), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_done_this_week (monday), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_done_total (monday), ==, 2);
}

static void
test_dst_autumn (void)
{
  /* 25 October 2026: 25 hours long, 02:00–03:00 twice */
  const RoadmapStatsEvent events[] = {
    note ("2026-10-25T00:30:00+02:00", "t/a"),
    note ("2026-10-25T02:30:00+02:00", "t/b"),
    note ("2026-10-25T02:30:00+01:00", "t/c"),
    /* 22:30 UTC */
    note ("2026-10-25T23:30:00+01:00", "t/d"),
    note ("2026-10-26T00:00:00+01:00", "t/d"),
  };
  g_autoptr(RoadmapStats) stats = compute (events, G_N_ELEMENTS (events), "2026-10-26T12:00:00+01:00", 0);
  guint monday = ROADMAP_STATS_N_DAYS - 7;

  g_assert_cmpuint (roadmap_stats_get_activity (stats, monday - 1), ==, 4);
  g_assert_cmpuint (roadmap_stats_get_activity (stats, monday), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_activity (stats, monday - 2), ==, 0);
}

/* Two done a week in the weeks of 2, 9 and 16 March, one in the week of
 * 23 February */
static const char * const weeks[][2] = {
  { "2026-02-24T10:00:00+01:00", NULL },
  { "2026-03-02T10:00:00+01:00", "2026-03-08T23:30:00+01:00" },
  { "2026-03-10T10:00:00+01:00", "2026-03-11T10:00:00+01:00" },
  { "2026-03-16T00:10:00+01:00", "2026-03-20T10:00:00+01:00" },
};

static GArray *
weeks_events (void)
{
  static const char * const skills[] = { "t/1", "t/2", "t/3", "t/4", "t/5", "t/6", "t/7", "t/8" };
  GArray *events = g_array_new (FALSE, FALSE, sizeof (RoadmapStatsEvent));
  guint n = 0;

  for (guint w = 0; w < G_N_ELEMENTS (weeks); w++)
    for (guint i = 0; i < 2; i++)
      if (weeks[w][i] != NULL)
        {
          RoadmapStatsEvent event = move (weeks[w][i], skills[n++], ROADMAP_STATUS_DOING, ROADMAP_STATUS_DONE);

          g_array_append_val (events, event);
        }
  return events;
}

static void
test_streak (void)
{
  g_autoptr(GArray) events = weeks_events ();
  RoadmapStatsEvent *e = (RoadmapStatsEvent *) events->data;
  g_autoptr(RoadmapStats) two = compute (e, events->len, "2026-03-25T12:00:00+01:00", 2);
  g_autoptr(RoadmapStats) one = compute (e, events->len, "2026-03-25T12:00:00+01:00", 1);
  g_autoptr(RoadmapStats) three = compute (e, events->len, "2026-03-25T12:00:00+01:00", 3);
  g_autoptr(RoadmapStats) none = compute (e, events->len, "2026-03-25T12:00:00+01:00", 0);
  g_autoptr(RoadmapStats) later = compute (e, events->len, "2026-03-30T12:00:00+02:00", 2);
  RoadmapStatsEvent extra[2];
  g_autoptr(GArray) met = weeks_events ();
  g_autoptr(RoadmapStats) met_two = NULL;

  /* The current week, not over, does not break the streak */
  g_assert_cmpuint (roadmap_stats_get_streak_weeks (two), ==, 3);
  g_assert_cmpuint (roadmap_stats_get_streak_weeks (one), ==, 4);
  g_assert_cmpuint (roadmap_stats_get_streak_weeks (three), ==, 0);
  g_assert_cmpuint (roadmap_stats_get_streak_weeks (none), ==, 0);
  /* A week that missed it does */
  g_assert_cmpuint (roadmap_stats_get_streak_weeks (later), ==, 0);

  g_assert_cmpuint (roadmap_stats_get_done_total (two), ==, 7);
  g_assert_cmpuint (roadmap_stats_get_done_this_week (two), ==, 0);
  g_assert_cmpuint (roadmap_stats_get_done_by_week (two, ROADMAP_STATS_N_WEEKS - 5), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_done_by_week (two, ROADMAP_STATS_N_WEEKS - 4), ==, 3);
  g_assert_cmpuint (roadmap_stats_get_done_by_week (two, ROADMAP_STATS_N_WEEKS - 3), ==, 5);
  g_assert_cmpuint (roadmap_stats_get_done_by_week (two, ROADMAP_STATS_N_WEEKS - 2), ==, 7);
  g_assert_cmpuint (roadmap_stats_get_done_by_week (two, ROADMAP_STATS_N_WEEKS - 1), ==, 7);

  /* Met this week already: it counts */
  extra[0] = move ("2026-03-23T00:30:00+01:00", "u/1", ROADMAP_STATUS_DOING, ROADMAP_STATUS_DONE);
  extra[1] = move ("2026-03-25T11:00:00+01:00", "u/2", ROADMAP_STATUS_DOING, ROADMAP_STATUS_DONE);
  g_array_append_vals (met, extra, 2);
  met_two = compute ((RoadmapStatsEvent *) met->data, met->len, "2026-03-25T12:00:00+01:00", 2);
  g_assert_cmpuint (roadmap_stats_get_streak_weeks (met_two), ==, 4);
  g_assert_cmpuint (roadmap_stats_get_done_this_week (met_two), ==, 2);
}

static void
test_old_history (void)
{
  /* Done two years ago: in the total and at the start of the chart, not
   * on the heatmap */
  const RoadmapStatsEvent events[] = {
    move ("2024-03-01T10:00:00+01:00", "t/a", ROADMAP_STATUS_DOING, ROADMAP_STATUS_DONE),
    move ("2026-03-27T10:00:00+01:00", "t/b", ROADMAP_STATUS_TODO, ROADMAP_STATUS_SKIPPED),
    /* After "now": left out */
    move ("2026-03-29T10:00:00+02:00", "t/c", ROADMAP_STATUS_TODO, ROADMAP_STATUS_DONE),
  };
  g_autoptr(GDateTime) now = stats_test_berlin ("2026-03-28T12:00:00+01:00");
  g_autoptr(RoadmapStats) stats = roadmap_stats_new (events, G_N_ELEMENTS (events), now, 0, FALSE);
  g_autoptr(RoadmapStats) skipped = roadmap_stats_new (events, G_N_ELEMENTS (events), now, 0, TRUE);
  guint sum = 0;

  g_assert_cmpuint (roadmap_stats_get_done_total (stats), ==, 1);
  g_assert_cmpuint (roadmap_stats_get_done_by_week (stats, 0), ==, 1);
  for (guint i = 0; i < ROADMAP_STATS_N_DAYS; i++)
    sum += roadmap_stats_get_activity (stats, i);
  g_assert_cmpuint (sum, ==, 1);

  g_assert_cmpuint (roadmap_stats_get_done_total (skipped), ==, 2);
  g_assert_cmpuint (roadmap_stats_get_done_this_week (skipped), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/stats/empty", test_empty);
  g_test_add_func ("/stats/one-skill", test_one_skill);
  g_test_add_func ("/stats/moved-back", test_moved_back);
  g_test_add_func ("/stats/median", test_median);
  g_test_add_func ("/stats/dst-spring", test_dst_spring);
  g_test_add_func ("/stats/dst-autumn", test_dst_autumn);
  g_test_add_func ("/stats/streak", test_streak);
  g_test_add_func ("/stats/old-history", test_old_history);

  return g_test_run ();
}

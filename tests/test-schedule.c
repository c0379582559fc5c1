/* test-schedule.c — the schedule figured from a plan, with fixed days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include "roadmap-date.h"
#include "roadmap-schedule.h"

/* Three phases in the bundled roadmaps' months: 1–2, 3–4, 5–6.
 * Hours: fundamentals 40 + 10 (no estimate), intermediate 60,
 * advanced 60 + 10: 180 in all. */
static RoadmapTrack *
make_track (void)
{
  static const struct { const char *phase; guint first, last; const char *skill; guint hours; } skills[] = {
    { "fundamentals", 1, 2, "a", 40 },
    { "fundamentals", 1, 2, "b", 0 },
    { "intermediate", 3, 4, "c", 60 },
    { "advanced", 5, 6, "d", 60 },
    { "advanced", 5, 6, "e", 10 },
  };
  RoadmapTrack *track = roadmap_track_new ("t", "T");

  /* A phase's skills go in before the phase joins the track */
  for (guint i = 0; i < G_N_ELEMENTS (skills);)
    {
      g_autoptr(RoadmapPhase) phase = roadmap_phase_new (skills[i].phase, skills[i].phase,
                                                         skills[i].first, skills[i].last);

      for (; i < G_N_ELEMENTS (skills) && g_str_equal (skills[i].phase, roadmap_phase_get_id (phase)); i++)
        {
          g_autoptr(RoadmapSkill) skill = roadmap_skill_new (skills[i].skill, skills[i].skill);

          roadmap_skill_set_estimate_hours (skill, skills[i].hours);
          roadmap_phase_add_skill (phase, skill);
        }
      g_assert_true (roadmap_track_add_phase (track, phase));
    }
  return track;
}

static void
set_day (GDate      *date,
         const char *text)
{
  g_assert_true (roadmap_plan_parse_date (text, date));
}

static RoadmapPlan *
make_plan (const char *start,
           guint       months,
           guint       hours_per_week)
{
  GDate day;

  set_day (&day, start);
  return roadmap_plan_new (&day, months, hours_per_week);
}

static void
assert_day (const GDate *date,
            const char  *expected)
{
  g_autofree char *text = roadmap_plan_format_date (date);

  g_assert_cmpstr (text, ==, expected);
}

static RoadmapSchedule *
schedule_on (RoadmapTrack      *track,
             const RoadmapPlan *plan,
             const char        *today)
{
  GDate day;

  set_day (&day, today);
  return roadmap_schedule_new (track, plan, &day);
}

static void
set_status (RoadmapTrack  *track,
            const char    *skill_id,
            RoadmapStatus  status,
            GDateTime     *finished_at)
{
  roadmap_skill_apply_progress (roadmap_track_find_skill (track, skill_id), status, 0, NULL, finished_at);
}

static void
test_dates (void)
{
  GDate date;

  g_assert_true (roadmap_plan_parse_date ("2028-02-29", &date));
  assert_day (&date, "2028-02-29");
  g_assert_false (roadmap_plan_parse_date ("2026-02-29", &date));
  g_assert_false (roadmap_plan_parse_date ("2026-02-30", &date));
  g_assert_false (roadmap_plan_parse_date ("2026-13-01", &date));
  g_assert_false (roadmap_plan_parse_date ("2026-00-10", &date));
  g_assert_false (roadmap_plan_parse_date ("2026-1-01", &date));
  g_assert_false (roadmap_plan_parse_date ("2026-01-01x", &date));
  g_assert_false (roadmap_plan_parse_date ("+026-01-01", &date));
  g_assert_false (roadmap_plan_parse_date ("0000-01-01", &date));
  g_assert_false (roadmap_plan_parse_date ("", &date));
  g_assert_false (g_date_valid (&date));

  set_day (&date, "2026-01-01");
  g_assert_true (roadmap_plan_is_valid (&date, 3, 0));
  g_assert_true (roadmap_plan_is_valid (&date, 6, 0));
  g_assert_true (roadmap_plan_is_valid (&date, 0, 1));
  g_assert_true (roadmap_plan_is_valid (&date, 0, 168));
  g_assert_false (roadmap_plan_is_valid (&date, 2, 0));
  g_assert_false (roadmap_plan_is_valid (&date, 7, 0));
  g_assert_false (roadmap_plan_is_valid (&date, 0, 169));
  g_assert_false (roadmap_plan_is_valid (&date, 0, 0));
  g_assert_false (roadmap_plan_is_valid (&date, 3, 5));
}

static void
test_default_hours (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  g_autoptr(RoadmapSchedule) schedule = schedule_on (track, NULL, "2026-01-01");

  g_assert_cmpuint (roadmap_schedule_skill_hours (roadmap_track_find_skill (track, "a")), ==, 40);
  g_assert_cmpuint (roadmap_schedule_skill_hours (roadmap_track_find_skill (track, "b")), ==, 10);
  g_assert_cmpuint (schedule->n_phases, ==, 3);
  g_assert_cmpuint (schedule->phases[0].hours_planned, ==, 50);
  g_assert_cmpuint (schedule->hours_planned, ==, 180);
  g_assert_cmpuint (schedule->hours_done, ==, 0);
}

static void
test_unplanned (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  g_autoptr(RoadmapSchedule) schedule = schedule_on (track, NULL, "2026-01-01");

  g_assert_cmpint (schedule->state, ==, ROADMAP_SCHEDULE_STATE_UNPLANNED);
  for (guint i = 0; i < schedule->n_phases; i++)
    {
      g_assert_cmpint (schedule->phases[i].state, ==, ROADMAP_SCHEDULE_STATE_UNPLANNED);
      g_assert_false (g_date_valid (&schedule->phases[i].planned_end));
      g_assert_false (g_date_valid (&schedule->phases[i].projected_end));
    }
  g_assert_cmpstr (roadmap_schedule_state_to_string (ROADMAP_SCHEDULE_STATE_UNPLANNED), ==, "unplanned");
  g_assert_cmpstr (roadmap_schedule_state_to_string (ROADMAP_SCHEDULE_STATE_ON_TRACK), ==, "on-track");
}

/* 3 months for a 6-month roadmap: every month is half a month, and a
 * learner keeping the derived pace is on track to the day */
static void
test_months_scaled (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  g_autoptr(RoadmapPlan) plan = make_plan ("2026-01-01", 3, 0);
  g_autoptr(RoadmapSchedule) schedule = schedule_on (track, plan, "2026-01-01");

  assert_day (&schedule->phases[0].planned_end, "2026-02-01");
  assert_day (&schedule->phases[1].planned_end, "2026-03-01");
  assert_day (&schedule->phases[2].planned_end, "2026-04-01");
  /* 180 h in the 90 days of January to March: 14 h a week */
  g_assert_cmpfloat_with_epsilon (schedule->hours_per_week, 14.0, 1e-9);
  g_assert_cmpfloat (schedule->months, ==, 3.0);
  /* 50 h of 180 in 90 days: 25 days; 110 h: 55 days */
  assert_day (&schedule->phases[0].projected_end, "2026-01-26");
  assert_day (&schedule->phases[1].projected_end, "2026-02-25");
  assert_day (&schedule->phases[2].projected_end, "2026-04-01");
  for (guint i = 0; i < schedule->n_phases; i++)
    g_assert_cmpint (schedule->phases[i].state, ==, ROADMAP_SCHEDULE_STATE_ON_TRACK);
  g_assert_cmpint (schedule->phases[2].days_late, ==, 0);
  g_assert_cmpint (schedule->state, ==, ROADMAP_SCHEDULE_STATE_ON_TRACK);
  assert_day (&schedule->projected_end, "2026-04-01");
  assert_day (&schedule->planned_end, "2026-04-01");
}

static void
test_months_fraction (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  g_autoptr(RoadmapPlan) four = make_plan ("2026-01-01", 4, 0);
  g_autoptr(RoadmapPlan) six = make_plan ("2026-01-01", 6, 0);
  g_autoptr(RoadmapSchedule) in_four = schedule_on (track, four, "2026-01-01");
  g_autoptr(RoadmapSchedule) in_six = schedule_on (track, six, "2026-01-01");

  /* 2 × 4/6 = 1⅓ months: February 1st, then a third of February's 28 days */
  assert_day (&in_four->phases[0].planned_end, "2026-02-10");
  /* 4 × 4/6 = 2⅔: March 1st + ⅔ of 31 days (20.67 → 21) */
  assert_day (&in_four->phases[1].planned_end, "2026-03-22");
  assert_day (&in_four->phases[2].planned_end, "2026-05-01");
  /* The roadmap's own months, unscaled */
  assert_day (&in_six->phases[0].planned_end, "2026-03-01");
  assert_day (&in_six->phases[1].planned_end, "2026-05-01");
  assert_day (&in_six->phases[2].planned_end, "2026-07-01");
}

static void
test_hours_per_week (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  g_autoptr(RoadmapPlan) fast = make_plan ("2026-01-01", 0, 10);
  g_autoptr(RoadmapPlan) slow = make_plan ("2026-01-01", 0, 3);
  g_autoptr(RoadmapSchedule) ahead = schedule_on (track, fast, "2026-01-01");
  g_autoptr(RoadmapSchedule) behind = schedule_on (track, slow, "2026-01-01");

  /* The roadmap's months, unscaled: the pace is the learner's */
  assert_day (&ahead->phases[0].planned_end, "2026-03-01");
  /* 50 h at 10 h a week: 35 days */
  assert_day (&ahead->phases[0].projected_end, "2026-02-05");
  g_assert_cmpint (ahead->phases[0].days_late, ==, -24);
  g_assert_cmpint (ahead->phases[0].state, ==, ROADMAP_SCHEDULE_STATE_AHEAD);
  /* 180 h: 126 days */
  assert_day (&ahead->projected_end, "2026-05-07");
  g_assert_cmpint (ahead->state, ==, ROADMAP_SCHEDULE_STATE_AHEAD);
  g_assert_cmpfloat (ahead->hours_per_week, ==, 10.0);
  /* 18 weeks, in months of 365.25 / 12 days */
  g_assert_cmpfloat_with_epsilon (ahead->months, 18.0 * 7.0 * 12.0 / 365.25, 1e-9);

  /* 50 h at 3 h a week: 116.7 days, so the 117th */
  assert_day (&behind->phases[0].projected_end, "2026-04-28");
  g_assert_cmpint (behind->phases[0].state, ==, ROADMAP_SCHEDULE_STATE_BEHIND);
  g_assert_cmpint (behind->state, ==, ROADMAP_SCHEDULE_STATE_BEHIND);
}

/* At 7 h a week a day is an hour: phase 1 (50 h) ends 50 days after
 * today; its planned end is 2026-03-01 */
static RoadmapScheduleState
state_when_late_by (RoadmapTrack      *track,
                    const RoadmapPlan *plan,
                    int                days_late)
{
  g_autoptr(RoadmapSchedule) schedule = NULL;
  GDate today;

  set_day (&today, "2026-03-01");
  g_date_subtract_days (&today, 50);
  if (days_late > 0)
    g_date_add_days (&today, days_late);
  else
    g_date_subtract_days (&today, -days_late);

  schedule = roadmap_schedule_new (track, plan, &today);
  g_assert_cmpint (schedule->phases[0].days_late, ==, days_late);
  return schedule->phases[0].state;
}

static void
test_on_track_boundaries (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  g_autoptr(RoadmapPlan) plan = make_plan ("2026-01-01", 0, 7);

  g_assert_cmpint (state_when_late_by (track, plan, 0), ==, ROADMAP_SCHEDULE_STATE_ON_TRACK);
  g_assert_cmpint (state_when_late_by (track, plan, 7), ==, ROADMAP_SCHEDULE_STATE_ON_TRACK);
  g_assert_cmpint (state_when_late_by (track, plan, 8), ==, ROADMAP_SCHEDULE_STATE_BEHIND);
  g_assert_cmpint (state_when_late_by (track, plan, -7), ==, ROADMAP_SCHEDULE_STATE_ON_TRACK);
  g_assert_cmpint (state_when_late_by (track, plan, -8), ==, ROADMAP_SCHEDULE_STATE_AHEAD);
}

/* Before the start, learning begins on the start day, not today */
static void
test_future_start (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  g_autoptr(RoadmapPlan) plan = make_plan ("2026-06-01", 0, 7);
  g_autoptr(RoadmapSchedule) schedule = schedule_on (track, plan, "2026-01-01");

  assert_day (&schedule->phases[0].projected_end, "2026-07-21");
  assert_day (&schedule->phases[0].planned_end, "2026-08-01");
}

static void
test_done (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  g_autoptr(RoadmapPlan) plan = make_plan ("2026-01-01", 0, 7);
  g_autoptr(GDateTime) finished = g_date_time_new_utc (2026, 2, 10, 12, 0, 0);
  g_autoptr(RoadmapSchedule) schedule = NULL;

  set_status (track, "a", ROADMAP_STATUS_DONE, finished);
  set_status (track, "b", ROADMAP_STATUS_DONE, NULL);
  set_status (track, "c", ROADMAP_STATUS_DOING, NULL);
  schedule = schedule_on (track, plan, "2026-03-01");

  g_assert_cmpint (schedule->phases[0].state, ==, ROADMAP_SCHEDULE_STATE_DONE);
  /* the day its last skill was finished */
  assert_day (&schedule->phases[0].projected_end, "2026-02-10");
  g_assert_cmpuint (schedule->phases[0].hours_done, ==, 50);
  /* Only the hours left count from today: 60 h, 60 days, a day before
   * its planned end */
  assert_day (&schedule->phases[1].projected_end, "2026-04-30");
  g_assert_cmpint (schedule->phases[1].state, ==, ROADMAP_SCHEDULE_STATE_ON_TRACK);
  g_assert_cmpuint (schedule->hours_done, ==, 50);
  g_assert_cmpuint (schedule->hours_planned, ==, 180);

  set_status (track, "c", ROADMAP_STATUS_DONE, finished);
  set_status (track, "d", ROADMAP_STATUS_DONE, finished);
  set_status (track, "e", ROADMAP_STATUS_DONE, finished);
  g_clear_pointer (&schedule, roadmap_schedule_free);
  schedule = schedule_on (track, plan, "2026-03-01");
  g_assert_cmpint (schedule->state, ==, ROADMAP_SCHEDULE_STATE_DONE);
  assert_day (&schedule->projected_end, "2026-02-10");
}

/* The measured pace: the hours of the skills finished in the last four
 * weeks (today included), a week; the finish at that pace beside the
 * plan's; none without any, nor once all is done */
static void
test_measured_pace (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  g_autoptr(RoadmapPlan) plan = make_plan ("2026-01-01", 0, 7);
  /* 40 h finished the first day of the four weeks to 2026-03-01, at noon
   * UTC: 2026-02-02 is the first of the 28 days */
  g_autoptr(GDateTime) in_window = g_date_time_new_utc (2026, 2, 2, 12, 0, 0);
  g_autoptr(GDateTime) too_old = g_date_time_new_utc (2026, 2, 1, 12, 0, 0);
  g_autoptr(RoadmapSchedule) schedule = NULL;
  g_autofree char *said = NULL;

  schedule = schedule_on (track, plan, "2026-03-01");
  g_assert_cmpfloat (schedule->measured_hours_per_week, ==, 0.0);
  g_assert_false (g_date_valid (&schedule->measured_end));
  g_assert_null (roadmap_schedule_describe_measured (schedule));

  /* b (10 h) finished a day too early for the window: not counted */
  set_status (track, "a", ROADMAP_STATUS_DONE, in_window);
  set_status (track, "b", ROADMAP_STATUS_DONE, too_old);
  g_clear_pointer (&schedule, roadmap_schedule_free);
  schedule = schedule_on (track, plan, "2026-03-01");
  g_assert_cmpfloat_with_epsilon (schedule->measured_hours_per_week, 10.0, 1e-9);
  /* 130 h left at 40 h in 28 days: 91 days from today */
  assert_day (&schedule->measured_end, "2026-05-31");
  said = roadmap_schedule_describe_measured (schedule);
  g_assert_nonnull (strstr (said, "last 4 weeks, 10 h a week"));

  /* Everything done: no finish to project */
  set_status (track, "c", ROADMAP_STATUS_DONE, in_window);
  set_status (track, "d", ROADMAP_STATUS_DONE, in_window);
  set_status (track, "e", ROADMAP_STATUS_DONE, in_window);
  g_clear_pointer (&schedule, roadmap_schedule_free);
  schedule = schedule_on (track, plan, "2026-03-01");
  g_assert_false (g_date_valid (&schedule->measured_end));
}

/* Skipped skills are done when they count as done, else left out: a
 * phase of Skipped skills is done either way, and the hours follow */
static void
test_skipped (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  g_autoptr(RoadmapPlan) plan = make_plan ("2026-01-01", 0, 7);
  g_autoptr(RoadmapSchedule) left_out = NULL;
  g_autoptr(RoadmapSchedule) as_done = NULL;

  set_status (track, "c", ROADMAP_STATUS_SKIPPED, NULL);
  set_status (track, "d", ROADMAP_STATUS_SKIPPED, NULL);
  left_out = schedule_on (track, plan, "2026-01-01");
  roadmap_track_set_count_skipped_as_done (track, TRUE);
  as_done = schedule_on (track, plan, "2026-01-01");

  g_assert_cmpint (left_out->phases[1].state, ==, ROADMAP_SCHEDULE_STATE_DONE);
  g_assert_cmpuint (left_out->phases[1].hours_planned, ==, 0);
  g_assert_cmpint (as_done->phases[1].state, ==, ROADMAP_SCHEDULE_STATE_DONE);
  g_assert_cmpuint (as_done->phases[1].hours_planned, ==, 60);

  g_assert_cmpuint (left_out->phases[2].hours_planned, ==, 10);
  g_assert_cmpuint (as_done->phases[2].hours_planned, ==, 70);
  g_assert_cmpuint (as_done->phases[2].hours_done, ==, 60);
  g_assert_cmpuint (left_out->hours_planned, ==, 60);
  g_assert_cmpuint (as_done->hours_planned, ==, 180);
  /* 50 + 10 h left either way: 60 days */
  assert_day (&left_out->projected_end, "2026-03-02");
  assert_day (&as_done->projected_end, "2026-03-02");
}

/* TZ is Europe/Berlin (main()): clocks go forward on 29 March 2026 */
static void
test_dst (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  g_autoptr(RoadmapPlan) plan = make_plan ("2026-03-23", 0, 7);
  g_autoptr(RoadmapPlan) months = make_plan ("2026-03-28", 3, 0);
  g_autoptr(RoadmapSchedule) schedule = NULL;
  g_autoptr(RoadmapSchedule) scaled = NULL;
  /* 00:30 local on either side of the change */
  g_autoptr(GDateTime) before = g_date_time_new_utc (2026, 3, 28, 23, 30, 0);
  g_autoptr(GDateTime) after = g_date_time_new_utc (2026, 3, 29, 22, 30, 0);
  GDate day;

  roadmap_date_get_local_day (before, &day);
  assert_day (&day, "2026-03-29");
  roadmap_date_get_local_day (after, &day);
  assert_day (&day, "2026-03-30");

  /* A week over the change is seven days, the 23-hour day one of them */
  schedule = schedule_on (track, plan, "2026-03-23");
  assert_day (&schedule->phases[0].projected_end, "2026-05-12");
  assert_day (&schedule->phases[0].planned_end, "2026-05-23");

  set_status (track, "a", ROADMAP_STATUS_DONE, before);
  set_status (track, "b", ROADMAP_STATUS_DONE, after);
  g_clear_pointer (&schedule, roadmap_schedule_free);
  schedule = schedule_on (track, plan, "2026-03-30");
  assert_day (&schedule->phases[0].projected_end, "2026-03-30");
  /* 60 h from the 30th */
  assert_day (&schedule->phases[1].projected_end, "2026-05-29");

  /* 92 days from 28 March to 28 June, 130 h left */
  scaled = schedule_on (track, months, "2026-03-28");
  assert_day (&scaled->planned_end, "2026-06-28");
}

static void
assert_phase_text (const RoadmapPhaseSchedule *entry,
                   const char                 *expected)
{
  g_autofree char *text = roadmap_schedule_describe_phase (entry);

  g_assert_cmpstr (text, ==, expected);
}

/* The words of the phase cards and the track header (untranslated) */
static void
test_describe (void)
{
  g_autoptr(RoadmapTrack) track = make_track ();
  g_autoptr(RoadmapPlan) plan = make_plan ("2026-01-01", 0, 7);
  g_autoptr(RoadmapPlan) three = make_plan ("2026-01-01", 3, 0);
  g_autoptr(RoadmapSchedule) schedule = schedule_on (track, plan, "2026-01-01");
  g_autoptr(RoadmapSchedule) on_track = schedule_on (track, three, "2026-01-01");
  g_autoptr(RoadmapSchedule) unplanned = schedule_on (track, NULL, "2026-01-01");
  g_autofree char *finish = NULL;
  g_autofree char *derived = NULL;
  RoadmapPhaseSchedule entry = { .state = ROADMAP_SCHEDULE_STATE_BEHIND, .days_late = 8 };

  /* 50 h at 1 h a day: 9 days ahead of 1 March, a week rounded */
  assert_phase_text (&schedule->phases[0], "1 week ahead");
  assert_phase_text (&on_track->phases[0], "On track");
  assert_phase_text (&unplanned->phases[0], NULL);
  assert_phase_text (&entry, "1 week behind");
  entry.days_late = 17;
  assert_phase_text (&entry, "2 weeks behind");
  entry.days_late = 18;
  assert_phase_text (&entry, "3 weeks behind");
  entry.state = ROADMAP_SCHEDULE_STATE_DONE;
  assert_phase_text (&entry, "Done");

  finish = roadmap_schedule_describe_finish (schedule);
  g_assert_cmpstr (finish, ==, "Finishing around 30 Jun 2026 at 7 h a week");
  derived = roadmap_schedule_describe_finish (on_track);
  g_assert_cmpstr (derived, ==, "Finishing around 1 Apr 2026 at 14 h a week");
  g_assert_null (roadmap_schedule_describe_finish (unplanned));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/schedule/dates", test_dates);
  g_test_add_func ("/schedule/default-hours", test_default_hours);
  g_test_add_func ("/schedule/unplanned", test_unplanned);
  g_test_add_func ("/schedule/months/scaled", test_months_scaled);
  g_test_add_func ("/schedule/months/fraction", test_months_fraction);
  g_test_add_func ("/schedule/hours-per-week", test_hours_per_week);
  g_test_add_func ("/schedule/on-track/boundaries", test_on_track_boundaries);
  g_test_add_func ("/schedule/future-start", test_future_start);
  g_test_add_func ("/schedule/measured-pace", test_measured_pace);
  g_test_add_func ("/schedule/done", test_done);
  g_test_add_func ("/schedule/skipped", test_skipped);
  g_test_add_func ("/schedule/dst", test_dst);
  g_test_add_func ("/schedule/describe", test_describe);

  return g_test_run ();
}

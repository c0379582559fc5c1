/* roadmap-stats.c — the figures of the history, computed once
 *
 * Everything is counted in the learner's local days, in the time zone of
 * the "now" given (a move at 23:30 belongs to that evening's day, also on
 * the days clocks change), and weeks start on Monday (ISO 8601; GLib has
 * no locale's first weekday).
 *
 * Done is counted from the status changes: each move into Done (or
 * Skipped, when it counts as done) adds one, each move out takes one, so
 * a move undone within the week leaves no trace and a skill moved back
 * out of Done is no longer counted. A week "met the goal" when that net
 * count reached it.
 *
 * The time from Doing to Done is a skill's: from the first time it went
 * to Doing to the last time it went to Done, for the skills that are done
 * now and have been in Doing.
 *
 * The result is immutable and reference counted atomically: it is made
 * on the main thread and read by the report's thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-stats.h"

struct _RoadmapStats
{
  guint32 first_day;                          /* Julian day of the heatmap's first Monday */
  guint today;                                /* from first_day */
  guint activity[ROADMAP_STATS_N_DAYS];
  guint max_activity;
  guint done_by_week[ROADMAP_STATS_N_WEEKS];  /* at each week's end, or now */
  guint done_this_week;
  guint done_total;
  double median_days;                         /* < 0: no skill went Doing → Done */
  guint weekly_goal;
  guint streak_weeks;
};

typedef struct
{
  gint64 first_doing;                         /* 0: never in Doing */
  gint64 finished;
  gboolean done;
} SkillSpan;

/* The Julian day that @at (µs, UTC) falls on in @tz */
static guint32
local_day (gint64     at,
           GTimeZone *tz)
{
  gint64 seconds = at / G_USEC_PER_SEC - (at % G_USEC_PER_SEC < 0 ? 1 : 0);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);
  g_autoptr(GDateTime) local = NULL;
  GDate date;
  int year, month, day;

  if (utc == NULL)
    return 0;
  local = g_date_time_to_timezone (utc, tz);
  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* The Monday of @julian's week */
static guint32
week_start (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return julian - (g_date_get_weekday (&date) - G_DATE_MONDAY);
}

static gboolean
is_done (RoadmapStatus status,
         gboolean      count_skipped_as_done)
{
  return status == ROADMAP_STATUS_DONE ||
         (count_skipped_as_done && status == ROADMAP_STATUS_SKIPPED);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_days (GHashTable *spans)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));
  GHashTableIter iter;
  SkillSpan *span;
  guint n;

  g_hash_table_iter_init (&iter, spans);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &span))
    if (span->done && span->first_doing != 0 && span->finished >= span->first_doing)
      {
        double d = (double) (span->finished - span->first_doing) / (G_USEC_PER_SEC * 86400.0);

        g_array_append_val (days, d);
      }

  n = days->len;
  if (n == 0)
    return -1.0;
  g_array_sort (days, compare_double);
  if (n % 2 == 1)
    return g_array_index (days, double, n / 2);
  return (g_array_index (days, double, n / 2 - 1) + g_array_index (days, double, n / 2)) / 2.0;
}

static void
note_span (GHashTable              *spans,
           const RoadmapStatsEvent *event)
{
  SkillSpan *span = g_hash_table_lookup (spans, event->skill);

  if (span == NULL)
    {
      span = g_new0 (SkillSpan, 1);
      g_hash_table_insert (spans, (gpointer) event->skill, span);
    }

  if (event->new_status == ROADMAP_STATUS_DOING && span->first_doing == 0)
    span->first_doing = event->at;
  if (event->new_status == ROADMAP_STATUS_DONE)
    {
      span->finished = event->at;
      span->done = TRUE;
    }
  else
    span->done = FALSE;
}

static guint
streak (GHashTable *done_in_week,
        guint32     this_week,
        guint32     earliest_week,
        guint       goal)
{
  guint n = 0;
  gint64 week = this_week;

  if (goal == 0)
    return 0;

  /* The current week counts once met, and does not break the streak
   * while it is not over */
  if (GPOINTER_TO_INT (g_hash_table_lookup (done_in_week, GUINT_TO_POINTER (this_week))) >= (int) goal)
    n++;
  for (week = (gint64) this_week - 7; week >= earliest_week; week -= 7, n++)
    if (GPOINTER_TO_INT (g_hash_table_lookup (done_in_week, GUINT_TO_POINTER ((guint32) week))) < (int) goal)
      break;

  return n;
}

/**
 * roadmap_stats_new:
 * @events: (array length=n_events): the history, in commit order
 * @now: the time the figures are for; its time zone is the learner's
 * @weekly_goal: skills a week, 0 for none
 *
 * Events after @now are left out.
 */
RoadmapStats *
roadmap_stats_new (const RoadmapStatsEvent *events,
                   gsize                    n_events,
                   GDateTime               *now,
                   guint                    weekly_goal,
                   gboolean                 count_skipped_as_done)
{
  RoadmapStats *self;
  g_autoptr(GHashTable) spans = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) done_in_week = g_hash_table_new (NULL, NULL);
  GTimeZone *tz;
  gint64 now_us;
  guint32 today, this_week, earliest_week;
  int week_delta[ROADMAP_STATS_N_WEEKS] = { 0 };
  int before = 0, total = 0;

  g_return_val_if_fail (events != NULL || n_events == 0, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_atomic_rc_box_new0 (RoadmapStats);
  tz = g_date_time_get_timezone (now);
  now_us = g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now);
  today = local_day (now_us, tz);
  this_week = week_start (today);
  earliest_week = this_week;
  self->first_day = this_week - (ROADMAP_STATS_N_WEEKS - 1) * 7;
  self->today = today - self->first_day;
  self->weekly_goal = MIN (weekly_goal, ROADMAP_STATS_MAX_WEEKLY_GOAL);

  for (gsize i = 0; i < n_events; i++)
    {
      const RoadmapStatsEvent *event = &events[i];
      guint32 day, week;
      int delta;

      if (event->at > now_us)
        continue;
      if (event->kind == ROADMAP_STATS_EVENT_STATUS && event->old_status == event->new_status)
        continue;

      day = local_day (event->at, tz);
      if (event->counts_as_activity && day >= self->first_day)
        self->activity[day - self->first_day]++;
      if (event->kind != ROADMAP_STATS_EVENT_STATUS)
        continue;

      note_span (spans, event);
      delta = is_done (event->new_status, count_skipped_as_done) -
              is_done (event->old_status, count_skipped_as_done);
      if (delta == 0)
        continue;

      week = week_start (day);
      earliest_week = MIN (earliest_week, week);
      g_hash_table_insert (done_in_week, GUINT_TO_POINTER (week),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (done_in_week,
                                                                                  GUINT_TO_POINTER (week))) + delta));
      total += delta;
      if (day < self->first_day)
        before += delta;
      else
        week_delta[(day - self->first_day) / 7] += delta;
    }

  for (guint i = 0; i <= self->today; i++)
    self->max_activity = MAX (self->max_activity, self->activity[i]);

  for (guint w = 0; w < ROADMAP_STATS_N_WEEKS; w++)
    {
      before += week_delta[w];
      self->done_by_week[w] = MAX (before, 0);
    }

  self->done_total = MAX (total, 0);
  self->done_this_week = MAX (week_delta[ROADMAP_STATS_N_WEEKS - 1], 0);
  self->median_days = median_days (spans);
  self->streak_weeks = streak (done_in_week, this_week, earliest_week, self->weekly_goal);

  return self;
}

RoadmapStats *
roadmap_stats_ref (RoadmapStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
roadmap_stats_unref (RoadmapStats *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release (self);
}

/**
 * roadmap_stats_get_first_day:
 * @date: (out caller-allocates): the Monday of the first of the
 *   %ROADMAP_STATS_N_WEEKS weeks, in local time
 */
void
roadmap_stats_get_first_day (const RoadmapStats *self,
                             GDate              *date)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_julian (date, self->first_day);
}

/* The day of "now", counted from the first day: the days after it are
 * still to come */
guint
roadmap_stats_get_today (const RoadmapStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->today;
}

/**
 * roadmap_stats_get_activity:
 * @day: from the first day, below %ROADMAP_STATS_N_DAYS
 *
 * Returns: how many moves, notes and ticked topics (one a day a skill)
 *   fell on that day
 */
guint
roadmap_stats_get_activity (const RoadmapStats *self,
                            guint               day)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (day < ROADMAP_STATS_N_DAYS, 0);
  return self->activity[day];
}

guint
roadmap_stats_get_max_activity (const RoadmapStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->max_activity;
}

/**
 * roadmap_stats_get_done_by_week:
 * @week: from the first week, below %ROADMAP_STATS_N_WEEKS
 *
 * Returns: the skills done at the end of that week (for the current
 *   week: now), counting those done before the first week
 */
guint
roadmap_stats_get_done_by_week (const RoadmapStats *self,
                                guint               week)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (week < ROADMAP_STATS_N_WEEKS, 0);
  return self->done_by_week[week];
}

guint
roadmap_stats_get_done_this_week (const RoadmapStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->done_this_week;
}

guint
roadmap_stats_get_done_total (const RoadmapStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->done_total;
}

/**
 * roadmap_stats_get_median_days:
 * @days: (out): the median time from Doing to Done, in days
 *
 * Returns: %FALSE when no skill went from Doing to Done
 */
gboolean
roadmap_stats_get_median_days (const RoadmapStats *self,
                               double             *days)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (days != NULL, FALSE);

  *days = MAX (self->median_days, 0.0);
  return self->median_days >= 0.0;
}

guint
roadmap_stats_get_weekly_goal (const RoadmapStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->weekly_goal;
}

/* Consecutive weeks that met the goal; 0 without a goal */
guint
roadmap_stats_get_streak_weeks (const RoadmapStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->streak_weeks;
}

/**
 * roadmap_stats_format_median:
 *
 * Returns: (transfer full): the median days with one decimal and a
 *   point whatever the locale ("3.5"), or "-" without one: for the
 *   command line
 */
char *
roadmap_stats_format_median (const RoadmapStats *self)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double days;

  g_return_val_if_fail (self != NULL, NULL);

  if (!roadmap_stats_get_median_days (self, &days))
    return g_strdup ("-");
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", days));
}

/**
 * roadmap_stats_figure_get_label:
 *
 * Returns: what @figure is, translated: "Done this week", …
 */
const char *
roadmap_stats_figure_get_label (RoadmapStatsFigure figure)
{
  switch (figure)
    {
    case ROADMAP_STATS_FIGURE_DONE_THIS_WEEK:
      return _("Done this week");
    case ROADMAP_STATS_FIGURE_DONE_TOTAL:
      return _("Done in total");
    case ROADMAP_STATS_FIGURE_MEDIAN_DAYS:
      return _("Median time from Doing to Done");
    case ROADMAP_STATS_FIGURE_WEEKLY_GOAL:
      return _("Weekly goal");
    case ROADMAP_STATS_FIGURE_STREAK:
      return _("Streak");
    case ROADMAP_STATS_N_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
skills_text (guint n)
{
  /* Translators: a figure of the statistics, e.g. "Done this week: 3 skills" */
  return g_strdup_printf (ngettext ("%u skill", "%u skills", n), n);
}

/**
 * roadmap_stats_dup_figure_text:
 *
 * Returns: (transfer full): @figure's value for a reader, translated:
 *   "3 skills", "2.5 days", "Off", …
 */
char *
roadmap_stats_dup_figure_text (const RoadmapStats *self,
                               RoadmapStatsFigure  figure)
{
  double days;

  g_return_val_if_fail (self != NULL, NULL);

  switch (figure)
    {
    case ROADMAP_STATS_FIGURE_DONE_THIS_WEEK:
      return skills_text (self->done_this_week);
    case ROADMAP_STATS_FIGURE_DONE_TOTAL:
      return skills_text (self->done_total);
    case ROADMAP_STATS_FIGURE_MEDIAN_DAYS:
      if (!roadmap_stats_get_median_days (self, &days))
        /* Translators: the median time from Doing to Done, before any skill went that way */
        return g_strdup (_("No skill went from Doing to Done yet"));
      /* Translators: the median time from Doing to Done, e.g. "2.5 days" */
      return g_strdup_printf (_("%.1f days"), days);
    case ROADMAP_STATS_FIGURE_WEEKLY_GOAL:
      if (self->weekly_goal == 0)
        /* Translators: the weekly goal, when there is none */
        return g_strdup (_("Off"));
      /* Translators: the weekly goal */
      return g_strdup_printf (ngettext ("%u skill a week", "%u skills a week", self->weekly_goal),
                              self->weekly_goal);
    case ROADMAP_STATS_FIGURE_STREAK:
      if (self->weekly_goal == 0)
        return g_strdup (_("Set a weekly goal to count weeks that meet it"));
      /* Translators: the streak: consecutive weeks that met the weekly goal */
      return g_strdup_printf (ngettext ("%u week in a row", "%u weeks in a row", self->streak_weeks),
                              self->streak_weeks);
    case ROADMAP_STATS_N_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* roadmap-cli-plan.c — the plan and the schedule on the command line
 *
 *   roadmap --set-plan TRACK-ID --start YYYY-MM-DD (--hours-per-week N | --months N)
 *   roadmap --clear-plan TRACK-ID
 *   roadmap --schedule [--track TRACK-ID]
 *
 * A plan is checked whole before the database is opened: a bad date, a
 * length or pace out of bounds changes nothing. --schedule prints a line
 * a phase, TRACK-ID PHASE-ID PLANNED-END PROJECTED-END STATE, tab
 * separated, dates as YYYY-MM-DD and "-" for a track without a plan
 * (whose state is "unplanned"). It counts from the local day, or from
 * $ROADMAP_TODAY when set (YYYY-MM-DD), so that a script or a test gets
 * the same figures every day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-cli-plan.h"
#include "roadmap-date.h"
#include "roadmap-schedule.h"

static gboolean
bad_value (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return FALSE;
}

static RoadmapTrack *
find_track (RoadmapSession  *session,
            const char      *track_id,
            GError         **error)
{
  RoadmapTrack *track = roadmap_catalog_find_track (roadmap_session_get_catalog (session), track_id);

  if (track == NULL)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("there is no track “%s” (see --list)"), track_id);
  return track;
}

static gboolean
parse_day (const char  *text,
           const char  *what,
           GDate       *day,
           GError     **error)
{
  if (roadmap_plan_parse_date (text, day))
    return TRUE;

  /* Translators: "“2026-02-30” is not a day (--start): give a date as YYYY-MM-DD" */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("“%s” is not a day (%s): give a date as YYYY-MM-DD"), text, what);
  return FALSE;
}

static void
print_day (GString     *line,
           const GDate *day)
{
  if (g_date_valid (day))
    {
      g_autofree char *text = roadmap_plan_format_date (day);

      g_string_append_printf (line, "\t%s", text);
    }
  else
    g_string_append (line, "\t-");
}

static void
print_track_schedule (RoadmapTrack *track,
                      const GDate  *today)
{
  g_autoptr(RoadmapSchedule) schedule = roadmap_schedule_new (track, roadmap_track_get_plan (track), today);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < schedule->n_phases; i++)
    {
      const RoadmapPhaseSchedule *entry = &schedule->phases[i];

      g_string_printf (line, "%s\t%s", roadmap_track_get_id (track), roadmap_phase_get_id (entry->phase));
      print_day (line, &entry->planned_end);
      print_day (line, &entry->projected_end);
      g_print ("%s\t%s\n", line->str, roadmap_schedule_state_to_string (entry->state));
    }
}

/* @text as a whole number from @min to @max, or FALSE after saying
 * why not */
static gboolean
parse_number (const char  *text,
              const char  *option,
              gint64       min,
              gint64       max,
              guint       *number,
              GError     **error)
{
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    {
      /* Translators: "“six” is not a whole number (--months)" */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a whole number (%s)"), text, option);
      return FALSE;
    }
  if (value < min || value > max)
    {
      /* Translators: "--months must be from 3 to 6" */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s must be from %d to %d"), option, (int) min, (int) max);
      return FALSE;
    }

  *number = (guint) value;
  return TRUE;
}

/**
 * roadmap_cli_plan_parse:
 * @start: (nullable): the --start value
 * @months: (nullable): the --months value
 * @hours_per_week: (nullable): the --hours-per-week value
 *
 * Returns: (transfer full): the plan --set-plan's options give, or %NULL
 *   with @error saying what is wrong with them
 */
RoadmapPlan *
roadmap_cli_plan_parse (const char  *start,
                        const char  *months,
                        const char  *hours_per_week,
                        GError     **error)
{
  guint n_months = 0, n_hours = 0;
  GDate day;

  if (start == NULL)
    {
      bad_value (error, _("--set-plan needs --start YYYY-MM-DD"));
      return NULL;
    }
  if ((months == NULL) == (hours_per_week == NULL))
    {
      bad_value (error, _("--set-plan needs one of --hours-per-week and --months, not both"));
      return NULL;
    }
  if (!parse_day (start, "--start", &day, error))
    return NULL;

  if (months != NULL &&
      !parse_number (months, "--months", ROADMAP_PLAN_MIN_MONTHS, ROADMAP_PLAN_MAX_MONTHS, &n_months, error))
    return NULL;
  if (hours_per_week != NULL &&
      !parse_number (hours_per_week, "--hours-per-week", 1, ROADMAP_PLAN_MAX_HOURS_PER_WEEK, &n_hours, error))
    return NULL;

  return roadmap_plan_new (&day, n_months, n_hours);
}

/**
 * roadmap_cli_plan_set:
 * @plan: (nullable): the plan, or %NULL for --clear-plan
 */
gboolean
roadmap_cli_plan_set (RoadmapSession     *session,
                      const char         *track_id,
                      const RoadmapPlan  *plan,
                      GError            **error)
{
  RoadmapTrack *track;

  g_return_val_if_fail (ROADMAP_IS_SESSION (session), FALSE);
  g_return_val_if_fail (track_id != NULL, FALSE);

  track = find_track (session, track_id, error);
  return track != NULL && roadmap_session_set_plan (session, track, plan, error);
}

/**
 * roadmap_cli_plan_get_today:
 * @today: (out caller-allocates): the learner's local day, or the day
 *   in $ROADMAP_TODAY
 */
gboolean
roadmap_cli_plan_get_today (GDate   *today,
                            GError **error)
{
  const char *override = g_getenv (ROADMAP_CLI_TODAY_VARIABLE);
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (today != NULL, FALSE);

  if (override != NULL)
    return parse_day (override, ROADMAP_CLI_TODAY_VARIABLE, today, error);

  now = g_date_time_new_now_local ();
  roadmap_date_get_local_day (now, today);
  return TRUE;
}

/**
 * roadmap_cli_plan_print_schedule:
 * @track_id: (nullable): this track only, or every track
 */
gboolean
roadmap_cli_plan_print_schedule (RoadmapSession  *session,
                                 const char      *track_id,
                                 const GDate     *today,
                                 GError         **error)
{
  GListModel *tracks;

  g_return_val_if_fail (ROADMAP_IS_SESSION (session), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (track_id != NULL)
    {
      RoadmapTrack *track = find_track (session, track_id, error);

      if (track == NULL)
        return FALSE;
      print_track_schedule (track, today);
      return TRUE;
    }

  tracks = G_LIST_MODEL (roadmap_session_get_catalog (session));
  for (guint i = 0; i < g_list_model_get_n_items (tracks); i++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (tracks, i);

      print_track_schedule (track, today);
    }
  return TRUE;
}

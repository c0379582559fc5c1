/* roadmap-schedule.c
 *
 * The schedule is figured from the track as loaded, its plan and a
 * "today" the caller gives (the window and the command line take the
 * learner's local day; tests a fixed one): no clock is read here.
 *
 * Everything is in calendar days (GDate), never in seconds, so that a
 * DST change cannot move a day. The pace is kept as a ratio — so many
 * hours in so many days — and days are rounded up in integers, so that
 * a plan of 3 months at the derived pace ends on the planned day and
 * not one off by a floating-point hair.
 *
 *  - A phase's planned end is the start plus its last month (months 1–2:
 *    start + 2 months). When the plan gives a length, the roadmap's
 *    months are scaled to it: a 6-month roadmap in 3 months ends its
 *    phase 1 at start + 1 month; a fraction of a month is that fraction
 *    of the month's days.
 *  - The pace is the plan's hours per week, or the track's hours over the
 *    length's days.
 *  - The phases are learnt in order: a phase's projected end is the day
 *    from which learning goes on (today, or the start when it is still
 *    ahead) plus the hours left in it and in the phases before it, at
 *    the pace. A done phase "ends" on the day its last skill was
 *    finished (today when no skill has a date).
 *  - The hours are the counted skills' (see roadmap_tally_get_totals()):
 *    Skipped skills are done when they count as done, or left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-date.h"
#include "roadmap-enum-private.h"
#include "roadmap-model-enums.h"
#include "roadmap-schedule.h"

/* The pace: @hours in @days */
typedef struct
{
  guint64 hours;
  guint64 days;
} Pace;

/* @start + @numerator / @denominator months */
static void
add_months (GDate  *date,
            guint64 numerator,
            guint64 denominator)
{
  guint whole = (guint) (numerator / denominator);
  guint64 rest = numerator % denominator;

  g_date_add_months (date, whole);
  if (rest != 0)
    {
      GDate next = *date;
      guint64 span;

      g_date_add_months (&next, 1);
      span = (guint64) g_date_days_between (date, &next);
      /* rounded to the nearest day */
      g_date_add_days (date, (guint) ((2 * rest * span + denominator) / (2 * denominator)));
    }
}

static RoadmapScheduleState
state_for (int days_late)
{
  if (days_late > ROADMAP_SCHEDULE_ON_TRACK_DAYS)
    return ROADMAP_SCHEDULE_STATE_BEHIND;
  if (days_late < -ROADMAP_SCHEDULE_ON_TRACK_DAYS)
    return ROADMAP_SCHEDULE_STATE_AHEAD;
  return ROADMAP_SCHEDULE_STATE_ON_TRACK;
}

/* The hours of @phase's counted skills, and the day its last done skill
 * was finished (left invalid when none has a date); @recent_hours gets
 * the hours of those finished from @recent_from on */
static void
count_phase (RoadmapPhaseSchedule *entry,
             gboolean              skipped_as_done,
             const GDate          *recent_from,
             GDate                *finished,
             guint                *recent_hours)
{
  GListModel *skills = roadmap_phase_get_skills (entry->phase);
  guint n = g_list_model_get_n_items (skills);

  g_date_clear (finished, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RoadmapSkill) skill = g_list_model_get_item (skills, i);
      RoadmapStatus status = roadmap_skill_get_status (skill);
      guint hours = roadmap_schedule_skill_hours (skill);
      GDateTime *finished_at = roadmap_skill_get_finished_at (skill);

      if (status == ROADMAP_STATUS_SKIPPED && !skipped_as_done)
        continue;
      entry->hours_planned += hours;
      if (status != ROADMAP_STATUS_DONE && status != ROADMAP_STATUS_SKIPPED)
        continue;
      entry->hours_done += hours;

      if (finished_at != NULL)
        {
          GDate day;

          roadmap_date_get_local_day (finished_at, &day);
          if (!g_date_valid (finished) || g_date_compare (&day, finished) > 0)
            *finished = day;
          if (status == ROADMAP_STATUS_DONE && g_date_compare (&day, recent_from) >= 0)
            *recent_hours += hours;
        }
    }
}

static guint
get_last_month (RoadmapTrack *track)
{
  GListModel *phases = roadmap_track_get_phases (track);
  guint last = 0;

  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, i);

      last = MAX (last, roadmap_phase_get_last_month (phase));
    }
  return last;
}

static void
plan_phases (RoadmapSchedule   *self,
             const RoadmapPlan *plan,
             const GDate       *today,
             const GDate       *finished)
{
  guint last_month = get_last_month (self->track);
  GDate from = g_date_compare (today, &plan->start) > 0 ? *today : plan->start;
  guint64 hours_left = 0;
  Pace pace;

  if (plan->hours_per_week != 0)
    pace = (Pace) { plan->hours_per_week, 7 };
  else
    {
      GDate end = plan->start;

      g_date_add_months (&end, plan->months);
      pace = (Pace) { self->hours_planned, (guint64) g_date_days_between (&plan->start, &end) };
    }
  self->hours_per_week = pace.days != 0 ? 7.0 * (double) pace.hours / (double) pace.days : 0.0;
  self->months = plan->months != 0 ? plan->months
                 /* 365.25 / 12 days a month */
                 : (double) self->hours_planned / plan->hours_per_week * 7.0 * 12.0 / 365.25;

  for (guint i = 0; i < self->n_phases; i++)
    {
      RoadmapPhaseSchedule *entry = &self->phases[i];
      guint month = roadmap_phase_get_last_month (entry->phase);

      entry->planned_end = plan->start;
      if (plan->months != 0 && last_month != 0)
        add_months (&entry->planned_end, (guint64) month * plan->months, last_month);
      else
        g_date_add_months (&entry->planned_end, month);

      hours_left += entry->hours_planned - entry->hours_done;
      if (entry->hours_done == entry->hours_planned)
        {
          entry->projected_end = g_date_valid (&finished[i]) ? finished[i] : *today;
          entry->state = ROADMAP_SCHEDULE_STATE_DONE;
        }
      else
        {
          entry->projected_end = from;
          /* pace.hours > 0: there are hours left */
          g_date_add_days (&entry->projected_end,
                           (guint) ((hours_left * pace.days + pace.hours - 1) / pace.hours));
        }
      entry->days_late = g_date_days_between (&entry->planned_end, &entry->projected_end);
      if (entry->state != ROADMAP_SCHEDULE_STATE_DONE)
        entry->state = state_for (entry->days_late);

      if (!g_date_valid (&self->planned_end) || g_date_compare (&entry->planned_end, &self->planned_end) > 0)
        self->planned_end = entry->planned_end;
      if (!g_date_valid (&self->projected_end) || g_date_compare (&entry->projected_end, &self->projected_end) > 0)
        self->projected_end = entry->projected_end;
    }

  if (self->n_phases == 0)
    return;
  self->days_late = g_date_days_between (&self->planned_end, &self->projected_end);
  self->state = self->hours_done == self->hours_planned ? ROADMAP_SCHEDULE_STATE_DONE
                                                       : state_for (self->days_late);
}

/* The finish at the measured pace, beside the plan's (none without a
 * skill done in the last weeks, or once all is done) */
static void
project_measured (RoadmapSchedule   *self,
                  const RoadmapPlan *plan,
                  const GDate       *today)
{
  guint64 hours_left = self->hours_planned - self->hours_done;
  guint64 recent_hours = (guint64) (self->measured_hours_per_week * ROADMAP_SCHEDULE_MEASURED_WEEKS + 0.5);
  guint64 days;

  if (recent_hours == 0 || hours_left == 0 || self->state == ROADMAP_SCHEDULE_STATE_DONE)
    return;

  self->measured_end = g_date_compare (today, &plan->start) > 0 ? *today : plan->start;
  /* hours_left at recent_hours per MEASURED_WEEKS * 7 days, rounded up */
  days = (hours_left * ROADMAP_SCHEDULE_MEASURED_WEEKS * 7 + recent_hours - 1) / recent_hours;
  g_date_add_days (&self->measured_end, (guint) MIN (days, G_MAXUINT16 * 10u));
}

/**
 * roadmap_schedule_skill_hours:
 *
 * Returns: @skill's estimated hours, or %ROADMAP_SCHEDULE_DEFAULT_HOURS
 *   when the roadmap gives none
 */
guint
roadmap_schedule_skill_hours (RoadmapSkill *skill)
{
  guint hours;

  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), 0);

  hours = roadmap_skill_get_estimate_hours (skill);
  return hours != 0 ? hours : ROADMAP_SCHEDULE_DEFAULT_HOURS;
}

/**
 * roadmap_schedule_new:
 * @plan: (nullable): the plan, usually roadmap_track_get_plan(); %NULL
 *   makes every phase unplanned
 * @today: the learner's local day
 *
 * Returns: (transfer full): @track's schedule as it stands on @today
 */
RoadmapSchedule *
roadmap_schedule_new (RoadmapTrack      *track,
                      const RoadmapPlan *plan,
                      const GDate       *today)
{
  GListModel *phases;
  RoadmapSchedule *self;
  g_autofree GDate *finished = NULL;
  gboolean skipped_as_done;
  GDate recent_from = *today;
  guint recent_hours = 0;

  g_return_val_if_fail (ROADMAP_IS_TRACK (track), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  phases = roadmap_track_get_phases (track);
  skipped_as_done = roadmap_track_get_count_skipped_as_done (track);
  /* The measured pace: the last ROADMAP_SCHEDULE_MEASURED_WEEKS weeks, today included */
  g_date_subtract_days (&recent_from, ROADMAP_SCHEDULE_MEASURED_WEEKS * 7 - 1);

  self = g_new0 (RoadmapSchedule, 1);
  self->track = g_object_ref (track);
  self->n_phases = g_list_model_get_n_items (phases);
  self->phases = g_new0 (RoadmapPhaseSchedule, self->n_phases);
  finished = g_new0 (GDate, self->n_phases);
  g_date_clear (&self->planned_end, 1);
  g_date_clear (&self->projected_end, 1);

  for (guint i = 0; i < self->n_phases; i++)
    {
      RoadmapPhaseSchedule *entry = &self->phases[i];

      entry->phase = g_list_model_get_item (phases, i);
      /* the track holds its phases; the schedule holds the track */
      g_object_unref (entry->phase);
      g_date_clear (&entry->planned_end, 1);
      g_date_clear (&entry->projected_end, 1);
      count_phase (entry, skipped_as_done, &recent_from, &finished[i], &recent_hours);
      self->hours_planned += entry->hours_planned;
      self->hours_done += entry->hours_done;
    }

  g_date_clear (&self->measured_end, 1);
  self->measured_hours_per_week = (double) recent_hours / ROADMAP_SCHEDULE_MEASURED_WEEKS;

  if (plan != NULL)
    {
      plan_phases (self, plan, today, finished);
      project_measured (self, plan, today);
    }

  return self;
}

void
roadmap_schedule_free (RoadmapSchedule *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->track);
  g_free (self->phases);
  g_free (self);
}

/**
 * roadmap_schedule_state_to_string:
 *
 * Returns: the word for @state on the command line: stable, never
 *   translated ("on-track", …)
 */
const char *
roadmap_schedule_state_to_string (RoadmapScheduleState state)
{
  const char *nick = _roadmap_enum_to_nick (ROADMAP_TYPE_SCHEDULE_STATE, (int) state);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

/**
 * roadmap_schedule_describe_phase:
 *
 * Returns: (transfer full) (nullable): where @entry stands, for its
 *   card: "On track", "2 weeks behind", "3 weeks ahead", "Done"; %NULL
 *   when unplanned
 */
char *
roadmap_schedule_describe_phase (const RoadmapPhaseSchedule *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return roadmap_schedule_describe_state (entry->state, entry->days_late);
}

/**
 * roadmap_schedule_describe_state:
 * @days_late: the projected end less the planned one, in days
 *
 * Returns: (transfer full) (nullable): "On track", "2 weeks behind", "3
 *   weeks ahead" or "Done"; %NULL when unplanned
 */
char *
roadmap_schedule_describe_state (RoadmapScheduleState state,
                                 int                  days_late)
{
  guint weeks;

  /* Rounded to the nearest week, and never "0 weeks" */
  weeks = MAX (1, ((guint) ABS (days_late) + 3) / 7);
  switch (state)
    {
    case ROADMAP_SCHEDULE_STATE_UNPLANNED:
      return NULL;
    case ROADMAP_SCHEDULE_STATE_DONE:
      /* Translators: a phase's state against the plan */
      return g_strdup (C_("schedule", "Done"));
    case ROADMAP_SCHEDULE_STATE_ON_TRACK:
      return g_strdup (_("On track"));
    case ROADMAP_SCHEDULE_STATE_AHEAD:
      return g_strdup_printf (ngettext ("%u week ahead", "%u weeks ahead", weeks), weeks);
    case ROADMAP_SCHEDULE_STATE_BEHIND:
      return g_strdup_printf (ngettext ("%u week behind", "%u weeks behind", weeks), weeks);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "6", or "7.5": hours a week as said */
static char *
format_hours (double hours_per_week)
{
  double whole = (double) (gint64) (hours_per_week + 0.5);

  if (ABS (hours_per_week - whole) < 0.05)
    return g_strdup_printf ("%.0f", whole);
  return g_strdup_printf ("%.1f", hours_per_week);
}

/**
 * roadmap_schedule_describe_finish:
 *
 * Returns: (transfer full) (nullable): the projected finish and the
 *   pace, "Finishing around 14 May 2026 at 6 h a week"; %NULL when
 *   unplanned
 */
char *
roadmap_schedule_describe_finish (const RoadmapSchedule *self)
{
  g_autofree char *day = NULL;
  g_autofree char *hours = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->state == ROADMAP_SCHEDULE_STATE_UNPLANNED || !g_date_valid (&self->projected_end))
    return NULL;
  if (self->state == ROADMAP_SCHEDULE_STATE_DONE)
    return g_strdup (_("Every phase is done"));

  day = roadmap_date_format_day (&self->projected_end);
  hours = format_hours (self->hours_per_week);
  /* Translators: "Finishing around 14 May 2026 at 6 h a week"; the second
   * %s is the hours a week, "6" or "7.5" */
  return g_strdup_printf (_("Finishing around %s at %s h a week"), day, hours);
}

/**
 * roadmap_schedule_describe_measured:
 *
 * Returns: (transfer full) (nullable): the finish at the pace of the last
 *   weeks, "At your pace of the last 4 weeks, 3 h a week: around 2 Jun
 *   2026"; %NULL without one
 */
char *
roadmap_schedule_describe_measured (const RoadmapSchedule *self)
{
  g_autofree char *day = NULL;
  g_autofree char *hours = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (!g_date_valid (&self->measured_end))
    return NULL;

  day = roadmap_date_format_day (&self->measured_end);
  hours = format_hours (self->measured_hours_per_week);
  /* Translators: beside the plan's finish: "At your pace of the last 4
   * weeks, 3 h a week: around 2 Jun 2026"; %u is the weeks, the first
   * %s the hours a week ("3" or "2.5"), the second the day */
  return g_strdup_printf (ngettext ("At your pace of the last %u week, %s h a week: around %s",
                                    "At your pace of the last %u weeks, %s h a week: around %s",
                                    ROADMAP_SCHEDULE_MEASURED_WEEKS),
                          ROADMAP_SCHEDULE_MEASURED_WEEKS, hours, day);
}

/**
 * roadmap_schedule_describe_progress:
 *
 * Returns: (transfer full): the track's figures in a line: "40 % done ·
 *   2 in progress · 35 of 450 h done, 415 h left"
 */
char *
roadmap_schedule_describe_progress (const RoadmapSchedule *self)
{
  guint n_doing;

  g_return_val_if_fail (self != NULL, NULL);

  n_doing = roadmap_track_get_n_with_status (self->track, ROADMAP_STATUS_DOING);
  /* Translators: a track's figures: "40 % done · 2 in progress · 35 of
   * 450 h done, 415 h left" */
  return g_strdup_printf (ngettext ("%u %% done · %u in progress · %u of %u h done, %u h left",
                                    "%u %% done · %u in progress · %u of %u h done, %u h left",
                                    self->hours_planned - self->hours_done),
                          roadmap_track_get_percent_done (self->track), n_doing,
                          self->hours_done, self->hours_planned, self->hours_planned - self->hours_done);
}

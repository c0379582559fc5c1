/* roadmap-plan.c
 *
 * A plan's start is a calendar date (GDate), not a time: the learner's
 * day is the same day whatever the clocks do in between, and a DST
 * change never moves it. Dates are written as YYYY-MM-DD, in the
 * database and on the command line alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "roadmap-plan.h"

G_DEFINE_BOXED_TYPE (RoadmapPlan, roadmap_plan, roadmap_plan_copy, roadmap_plan_free)

/**
 * roadmap_plan_is_valid:
 *
 * Returns: whether @start is a real date and exactly one of @months and
 *   @hours_per_week is given, within its bounds
 */
gboolean
roadmap_plan_is_valid (const GDate *start,
                       guint        months,
                       guint        hours_per_week)
{
  if (start == NULL || !g_date_valid (start))
    return FALSE;
  if ((months == 0) == (hours_per_week == 0))
    return FALSE;
  if (months != 0)
    return months >= ROADMAP_PLAN_MIN_MONTHS && months <= ROADMAP_PLAN_MAX_MONTHS;
  return hours_per_week <= ROADMAP_PLAN_MAX_HOURS_PER_WEEK;
}

/**
 * roadmap_plan_new:
 *
 * See roadmap_plan_is_valid() for what the values must be.
 */
RoadmapPlan *
roadmap_plan_new (const GDate *start,
                  guint        months,
                  guint        hours_per_week)
{
  RoadmapPlan *self;

  g_return_val_if_fail (roadmap_plan_is_valid (start, months, hours_per_week), NULL);

  self = g_new0 (RoadmapPlan, 1);
  self->start = *start;
  self->months = months;
  self->hours_per_week = hours_per_week;
  return self;
}

RoadmapPlan *
roadmap_plan_copy (const RoadmapPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

void
roadmap_plan_free (RoadmapPlan *self)
{
  g_free (self);
}

/**
 * roadmap_plan_equal:
 * @a: (nullable): a plan, or %NULL for none
 * @b: (nullable): a plan, or %NULL for none
 */
gboolean
roadmap_plan_equal (const RoadmapPlan *a,
                    const RoadmapPlan *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_compare (&a->start, &b->start) == 0 &&
         a->months == b->months &&
         a->hours_per_week == b->hours_per_week;
}

/**
 * roadmap_plan_parse_date:
 * @text: e.g. "2026-03-29"
 * @date: (out caller-allocates): the date
 *
 * Strict: four digits, two, two, and a day the month has (no
 * 2026-02-30, no locale's guess).
 */
gboolean
roadmap_plan_parse_date (const char *text,
                         GDate      *date)
{
  guint year, month, day;
  int length = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &length) != 3 || length != 10)
    return FALSE;
  if (year < 1 || month < 1 || month > 12 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/**
 * roadmap_plan_format_date:
 *
 * Returns: (transfer full): @date as YYYY-MM-DD
 */
char *
roadmap_plan_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

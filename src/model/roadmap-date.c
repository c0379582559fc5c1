/* roadmap-date.c
 *
 * One style for dates: on the cards, in the details and in the report.
 * GLib has no "medium date" of the locale, so the format is a translation
 * of its own; the default pads nothing ("5 Nov 2026", not " 5 Nov 2026").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-date.h"

/* A translation GLib cannot use falls back to the untranslated format. */
static char *
format_local (GDateTime  *date_time,
              const char *translated,
              const char *untranslated)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date_time);
  char *text = g_date_time_format (local, translated);

  return text != NULL ? text : g_date_time_format (local, untranslated);
}

/**
 * roadmap_date_format:
 *
 * Returns: (transfer full): @date_time's day in local time, such as
 *   "5 Nov 2026"
 */
char *
roadmap_date_format (GDateTime *date_time)
{
  g_return_val_if_fail (date_time != NULL, NULL);

  /* Translators: how every date is written (on the cards, in the details,
   * in the report), in g_date_time_format () terms; "%-d" is the day
   * without padding, "%b" the month's short name: "5 Nov 2026" */
  return format_local (date_time, _("%-d %b %Y"), "%-d %b %Y");
}

/**
 * roadmap_date_format_with_time:
 *
 * Returns: (transfer full): @date_time in local time with the hour and
 *   minute, such as "5 Nov 2026, 19:40"
 */
char *
roadmap_date_format_with_time (GDateTime *date_time)
{
  g_return_val_if_fail (date_time != NULL, NULL);

  /* Translators: a date as in "%-d %b %Y" above, then the time:
   * "5 Nov 2026, 19:40" */
  return format_local (date_time, _("%-d %b %Y, %H:%M"), "%-d %b %Y, %H:%M");
}

/**
 * roadmap_date_get_local_day:
 * @date: (out caller-allocates): the calendar day
 *
 * The learner's day @date_time falls on, in local time: a DST change
 * moves the hour, never the day.
 */
void
roadmap_date_get_local_day (GDateTime *date_time,
                            GDate     *date)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (date_time != NULL);
  g_return_if_fail (date != NULL);

  local = g_date_time_to_local (date_time);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
}

/**
 * roadmap_date_format_day:
 *
 * Returns: (transfer full): the calendar day @date as
 *   roadmap_date_format() writes a date, "14 May 2026"
 */
char *
roadmap_date_format_day (const GDate *date)
{
  g_autoptr(GDateTime) noon = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Noon: a time every day has, whatever a DST change does */
  noon = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
  return roadmap_date_format (noon);
}

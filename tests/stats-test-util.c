/* stats-test-util.c — times for the statistics tests
 *
 * 2026 in Berlin: summer time from Sunday 29 March 02:00 until Sunday
 * 25 October 03:00.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "stats-test-util.h"

/* @iso8601 (with its offset) in microseconds since the epoch, UTC */
gint64
stats_test_at (const char *iso8601)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

/* @iso8601 in Berlin's time zone, for a "now" whose days are Berlin's */
GDateTime *
stats_test_berlin (const char *iso8601)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (tz);
  g_assert_nonnull (parsed);
  return g_date_time_to_timezone (parsed, tz);
}

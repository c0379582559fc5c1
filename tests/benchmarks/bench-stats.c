/* bench-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-stats.h"

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_median (GArray *samples)
{
  g_return_val_if_fail (samples != NULL && samples->len > 0, 0);

  g_array_sort (samples, bench_compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

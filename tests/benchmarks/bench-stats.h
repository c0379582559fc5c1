/* bench-stats.h — the clock and the medians the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The monotonic clock, in milliseconds */
double   bench_now_ms           (void);

/* For g_array_sort() and qsort() of doubles */
int      bench_compare_doubles  (gconstpointer  a,
                                 gconstpointer  b);

/* The median of @samples (doubles), which it sorts */
double   bench_median           (GArray        *samples);

G_END_DECLS

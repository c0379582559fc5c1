/* roadmap-first-frame.c
 *
 * For benchmarks/bench-startup.c, which also builds this file into the
 * bare window it compares against: when ROADMAP_BENCH_FIRST_FRAME is
 * set, the monotonic time (µs) at which the window's first frame was
 * painted goes to stdout, for the benchmark to take from the time it
 * started the process. Otherwise it costs one getenv().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "roadmap-first-frame.h"

static void
print_first_frame (GdkFrameClock *clock,
                   gpointer       user_data)
{
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, print_first_frame, user_data);
}

/**
 * roadmap_first_frame_report:
 * @window: a window just presented (realized, so it has a frame clock)
 */
void
roadmap_first_frame_report (GtkWidget *window)
{
  g_return_if_fail (gtk_widget_get_realized (window));

  if (g_getenv ("ROADMAP_BENCH_FIRST_FRAME") == NULL)
    return;

  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (print_first_frame), NULL);
}

/* roadmap-drag-scroll.c
 *
 * A card dragged near the top or bottom edge of the board scrolls it,
 * faster the nearer the edge, so that a column out of view (Doing and Done
 * below a long To-do at 360 px) or the far end of a long column can be
 * reached. GTK 4.8 does not scroll a GtkScrolledWindow during a drag.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-drag-scroll.h"

/* How near the edge a drag starts scrolling, and the fastest speed */
#define EDGE_PX            56.0
#define MAX_PX_PER_SECOND  1200.0

typedef struct
{
  GtkScrolledWindow *scroller;  /* not a reference: it owns the controller */
  double y;
  guint tick_id;
  gint64 last_frame_us;
} DragScroll;

/* Pixels per second, negative upwards, for a drag at @y */
static double
speed_at (DragScroll *self)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  double edge = MIN (EDGE_PX, height / 4);

  if (edge <= 0)
    return 0;
  if (self->y < edge)
    return -MAX_PX_PER_SECOND * (edge - MAX (self->y, 0)) / edge;
  if (self->y > height - edge)
    return MAX_PX_PER_SECOND * (MIN (self->y, height) - (height - edge)) / edge;
  return 0;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  DragScroll *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double seconds = self->last_frame_us > 0 ? (now - self->last_frame_us) / (double) G_USEC_PER_SEC : 0;

  /* A long pause (a busy frame) does not become a jump */
  self->last_frame_us = now;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                        speed_at (self) * MIN (seconds, 0.05));
  return G_SOURCE_CONTINUE;
}

static void
stop (DragScroll *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->scroller), self->tick_id);
  self->tick_id = 0;
  self->last_frame_us = 0;
}

static void
on_motion (GtkDropControllerMotion *motion,
           double                   x,
           double                   y,
           DragScroll              *self)
{
  self->y = y;

  if (speed_at (self) == 0)
    stop (self);
  else if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->scroller), on_tick, self, NULL);
}

static void
on_leave (GtkDropControllerMotion *motion,
          DragScroll              *self)
{
  stop (self);
}

static void
drag_scroll_free (DragScroll *self)
{
  stop (self);
  g_free (self);
}

/**
 * roadmap_drag_scroll_attach:
 *
 * Scrolls @scroller vertically while a drag nears its top or bottom edge.
 */
void
roadmap_drag_scroll_attach (GtkScrolledWindow *scroller)
{
  GtkEventController *motion;
  DragScroll *self;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));

  self = g_new0 (DragScroll, 1);
  self->scroller = scroller;

  motion = gtk_drop_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  /* Freed with the controller, which the scrolled window owns */
  g_object_set_data_full (G_OBJECT (motion), "roadmap-drag-scroll", self, (GDestroyNotify) drag_scroll_free);
  gtk_widget_add_controller (GTK_WIDGET (scroller), motion);
}

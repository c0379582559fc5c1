/* roadmap-window-fit.c
 *
 * libadwaita 1.2 has no sheets: a dialog is a window of its own, and over
 * a narrow main window (a phone, half of a small screen) one of its
 * default size would stick out. Called from the dialog's realize, when
 * the parent has its size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-window-fit.h"

/**
 * roadmap_window_fit_to_parent:
 *
 * Shrinks @window's default size, the most it takes, to the size of the
 * window it is transient for.
 */
void
roadmap_window_fit_to_parent (GtkWindow *window)
{
  GtkWindow *parent;
  int width, height, parent_width, parent_height;

  g_return_if_fail (GTK_IS_WINDOW (window));

  parent = gtk_window_get_transient_for (window);
  if (parent == NULL)
    return;

  parent_width = gtk_widget_get_width (GTK_WIDGET (parent));
  parent_height = gtk_widget_get_height (GTK_WIDGET (parent));
  if (parent_width <= 0 || parent_height <= 0)
    gtk_window_get_default_size (parent, &parent_width, &parent_height);

  gtk_window_get_default_size (window, &width, &height);
  if (parent_width > 0)
    width = MIN (width, parent_width);
  if (parent_height > 0)
    height = MIN (height, parent_height);
  gtk_window_set_default_size (window, width, height);
}

/* roadmap-window-fit.h — a dialog no larger than the window it belongs to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void roadmap_window_fit_to_parent (GtkWindow *window);

G_END_DECLS

/* roadmap-drag-scroll.h — scrolling while a drag nears an edge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void roadmap_drag_scroll_attach (GtkScrolledWindow *scroller);

G_END_DECLS

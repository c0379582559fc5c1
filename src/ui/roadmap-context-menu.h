/* roadmap-context-menu.h — a widget's menu by a right click, a long press,
 * Menu or Shift+F10
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void roadmap_context_menu_popup (GtkWidget          *owner,
                                 GtkWidget         **popover,
                                 GMenuModel         *menu,
                                 const GdkRectangle *at);

G_END_DECLS

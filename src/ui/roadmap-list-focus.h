/* roadmap-list-focus.h — the keyboard kept on a list whose rows are
 * built again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

int  roadmap_list_focus_get_index (GtkListBox *list);
void roadmap_list_focus_restore   (GtkListBox *list,
                                   int         index);

G_END_DECLS

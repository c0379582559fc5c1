/* roadmap-list-focus.c
 *
 * A list rebuilt while the learner is on it (the search's results, Up
 * Next) would drop the keyboard's focus with its rows. Its index is
 * taken before (roadmap_list_focus_get_index()) and given back after
 * (roadmap_list_focus_restore()): to the row now at that place, or the
 * last one when the list got shorter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-list-focus.h"

/**
 * roadmap_list_focus_get_index:
 *
 * Returns: the index of @list's row that has the focus (or holds it), or
 *   -1 when the focus is elsewhere
 */
int
roadmap_list_focus_get_index (GtkListBox *list)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (list));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL)
    return -1;
  row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (list))
    return -1;
  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

/**
 * roadmap_list_focus_restore:
 * @index: from roadmap_list_focus_get_index(); -1 does nothing
 */
void
roadmap_list_focus_restore (GtkListBox *list,
                            int         index)
{
  for (; index >= 0; index--)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

      if (row != NULL)
        {
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return;
        }
    }
}

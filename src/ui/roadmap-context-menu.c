/* roadmap-context-menu.c
 *
 * One popover per owner (a card, a track's row), made on first use: most
 * are never asked for their menu. The owner unparents it in its dispose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-context-menu.h"

/* A right click claimed by the menu cancels the list box's press, which
 * in GTK 4.8 leaves the row :active (grey) until the next click. */
static void
on_closed (GtkWidget *owner)
{
  gtk_widget_unset_state_flags (owner, GTK_STATE_FLAG_ACTIVE);
}

/**
 * roadmap_context_menu_popup:
 * @popover: (inout): where @owner keeps its popover, %NULL the first time
 * @at: (nullable): where the pointer was, in @owner; %NULL for all of it
 *
 * Shows @menu in a popover on @owner.
 */
void
roadmap_context_menu_popup (GtkWidget          *owner,
                            GtkWidget         **popover,
                            GMenuModel         *menu,
                            const GdkRectangle *at)
{
  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (popover != NULL);
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  if (*popover == NULL)
    {
      *popover = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (*popover), FALSE);
      gtk_widget_set_halign (*popover, GTK_ALIGN_START);
      gtk_widget_set_parent (*popover, owner);
      g_signal_connect_object (*popover, "closed", G_CALLBACK (on_closed), owner, G_CONNECT_SWAPPED);
    }

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (*popover), menu);
  gtk_popover_set_pointing_to (GTK_POPOVER (*popover), at);
  gtk_popover_popup (GTK_POPOVER (*popover));
}

/* roadmap-track-menu.c
 *
 * The items name the track by id, as the window's actions take it: the
 * sidebar's menu may be for a track other than the one on the board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-track-menu.h"

/**
 * roadmap_track_menu_new:
 *
 * Returns: (transfer full): the menu for @track
 */
GMenuModel *
roadmap_track_menu_new (RoadmapTrack *track)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) reset = NULL;
  g_autoptr(GMenuItem) plan = NULL;
  g_autoptr(GMenuItem) wip_limit = NULL;
  g_autoptr(GMenuItem) statistics = NULL;

  g_return_val_if_fail (ROADMAP_IS_TRACK (track), NULL);


  reset = g_menu_item_new (_("_Reset Track…"), NULL);
  g_menu_item_set_action_and_target (reset, "win.reset-track", "s", roadmap_track_get_id (track));
  g_menu_append_item (menu, reset);

  /* After Reset, which keeps its place for the keys (Shift+F10, Enter) */
  plan = g_menu_item_new (_("_Plan…"), NULL);
  g_menu_item_set_action_and_target (plan, "win.plan-track", "s", roadmap_track_get_id (track));
  g_menu_append_item (menu, plan);
  wip_limit = g_menu_item_new (_("_Limit Cards in Doing…"), NULL);
  g_menu_item_set_action_and_target (wip_limit, "win.set-wip-limit", "s", roadmap_track_get_id (track));
  g_menu_append_item (menu, wip_limit);
  statistics = g_menu_item_new (_("_Statistics"), NULL);
  g_menu_item_set_action_and_target (statistics, "win.show-track-statistics", "s", roadmap_track_get_id (track));
  g_menu_append_item (menu, statistics);

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

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

static void
append_item (GMenu        *menu,
             const char   *label,
             const char   *action,
             RoadmapTrack *track)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, action, "s", roadmap_track_get_id (track));
  g_menu_append_item (menu, item);
}

/**
 * roadmap_track_menu_new:
 * @catalog: (nullable): the catalog of @track, which tells whether it is a
 *   copy of a bundled track that can be reverted
 *
 * Returns: (transfer full): the menu for @track
 */
GMenuModel *
roadmap_track_menu_new (RoadmapTrack   *track,
                        RoadmapCatalog *catalog)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) progress = g_menu_new ();
  g_autoptr(GMenu) roadmap = g_menu_new ();

  g_return_val_if_fail (ROADMAP_IS_TRACK (track), NULL);
  g_return_val_if_fail (catalog == NULL || ROADMAP_IS_CATALOG (catalog), NULL);

  append_item (progress, _("_Reset Track…"), "win.reset-track", track);
  /* After Reset, which keeps its place for the keys (Shift+F10, Enter) */
  append_item (progress, _("_Plan…"), "win.plan-track", track);
  append_item (progress, _("_Limit Cards in Doing…"), "win.set-wip-limit", track);
  append_item (progress, _("_Statistics"), "win.show-track-statistics", track);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (progress));

  /* The track itself: a bundled one (no file of its own) is made the
   * learner's own; a copy of one can go back to the original */
  if (roadmap_track_get_source (track) == NULL)
    append_item (roadmap, _("_Customize…"), "win.customize-track", track);
  else
    append_item (roadmap, _("_Edit…"), "win.edit-track", track);
  if (catalog != NULL && roadmap_catalog_get_original (catalog, roadmap_track_get_id (track)) != NULL)
    append_item (roadmap, _("Re_vert to Original…"), "win.revert-track", track);
  append_item (roadmap, _("E_xport Roadmap…"), "win.export-roadmap", track);
  append_item (roadmap, _("Re_move Track…"), "win.remove-track", track);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (roadmap));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* roadmap-track-menu.h — what can be done with a track, for its row's
 * context menu in the sidebar and the board's header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-catalog.h"
#include "roadmap-track.h"

G_BEGIN_DECLS

GMenuModel *roadmap_track_menu_new (RoadmapTrack   *track,
                                    RoadmapCatalog *catalog);

G_END_DECLS

/* roadmap-up-next-view.h — "Up next" at the top of the sidebar: the
 * skills in Doing, then the next in To-do, each opening its card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "roadmap-catalog.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_UP_NEXT_VIEW (roadmap_up_next_view_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapUpNextView, roadmap_up_next_view, ROADMAP, UP_NEXT_VIEW, GtkBox)

void roadmap_up_next_view_set_catalog (RoadmapUpNextView *self,
                                       RoadmapCatalog    *catalog);
void roadmap_up_next_view_refresh     (RoadmapUpNextView *self);

G_END_DECLS

/* roadmap-columns-layout.h — side by side when there is room, stacked when not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ROADMAP_TYPE_COLUMNS_LAYOUT (roadmap_columns_layout_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapColumnsLayout, roadmap_columns_layout, ROADMAP, COLUMNS_LAYOUT, GtkLayoutManager)

G_END_DECLS

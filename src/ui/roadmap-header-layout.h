/* roadmap-header-layout.h — a title with something at its end, or under it
 * when the title would have to wrap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ROADMAP_TYPE_HEADER_LAYOUT (roadmap_header_layout_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapHeaderLayout, roadmap_header_layout, ROADMAP, HEADER_LAYOUT, GtkLayoutManager)

G_END_DECLS

/* roadmap-search-panel.h — the search bar over the board, and the skills
 * of every track it finds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "roadmap-search.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SEARCH_PANEL (roadmap_search_panel_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSearchPanel, roadmap_search_panel, ROADMAP, SEARCH_PANEL, GtkBox)

/* The most results shown: past it, a line asks for more words */
#define ROADMAP_SEARCH_PANEL_MAX_ROWS 100

void      roadmap_search_panel_set_search      (RoadmapSearchPanel *self,
                                                RoadmapSearch      *search);
gboolean  roadmap_search_panel_get_search_mode (RoadmapSearchPanel *self);
void      roadmap_search_panel_set_search_mode (RoadmapSearchPanel *self,
                                                gboolean            search_mode);
gboolean  roadmap_search_panel_get_active      (RoadmapSearchPanel *self);
void      roadmap_search_panel_refresh         (RoadmapSearchPanel *self);
void      roadmap_search_panel_set_key_capture_widget (RoadmapSearchPanel *self,
                                                       GtkWidget          *widget);

G_END_DECLS

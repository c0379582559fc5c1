/* roadmap-welcome-page.h — the first start: what the app does, the
 * bundled tracks to choose from, importing a roadmap or starting an empty
 * track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-catalog.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_WELCOME_PAGE (roadmap_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapWelcomePage, roadmap_welcome_page, ROADMAP, WELCOME_PAGE, AdwBin)

GtkWidget *roadmap_welcome_page_new (RoadmapCatalog *catalog);

G_END_DECLS

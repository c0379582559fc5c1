/* roadmap-overview-window.h — every track at a glance: how far, how many
 * hours left, when it ends and how that stands against its plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-session.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_OVERVIEW_WINDOW (roadmap_overview_window_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapOverviewWindow, roadmap_overview_window, ROADMAP, OVERVIEW_WINDOW, AdwPreferencesWindow)

GtkWidget *roadmap_overview_window_new (GtkWindow      *parent,
                                        RoadmapSession *session);

G_END_DECLS

/* roadmap-stats-window.h — the Statistics page: figures and charts of one
 * track or all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-session.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_STATS_WINDOW (roadmap_stats_window_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapStatsWindow, roadmap_stats_window, ROADMAP, STATS_WINDOW, AdwWindow)

GtkWidget          *roadmap_stats_window_new       (GtkWindow          *parent,
                                                    RoadmapSession     *session,
                                                    const char         *track_id);
const RoadmapStats *roadmap_stats_window_get_stats (RoadmapStatsWindow *self);
const char         *roadmap_stats_window_get_figure_text (RoadmapStatsWindow *self,
                                                          RoadmapStatsFigure  figure);

G_END_DECLS

/* roadmap-chart.h — the statistics' charts, each drawn on any cairo_t:
 * the window's drawing areas and the PDF report share them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "roadmap-stats.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} RoadmapChartColor;

/**
 * RoadmapChartStyle:
 * @text: labels
 * @grid: axes and rules
 * @empty: a day without activity
 * @accent: the most active day, the done line
 * @font_family: (nullable): for the labels, "Sans" when %NULL
 * @font_size: of the labels, in the units of the cairo_t
 *
 * The colours come from the caller, so that a chart is legible on a
 * light page and in a dark window alike.
 */
typedef struct
{
  RoadmapChartColor text;
  RoadmapChartColor grid;
  RoadmapChartColor empty;
  RoadmapChartColor accent;
  const char *font_family;
  double font_size;
} RoadmapChartStyle;

void roadmap_chart_style_init           (RoadmapChartStyle  *style,
                                         gboolean            dark);

void roadmap_chart_draw_heatmap         (cairo_t                 *cr,
                                         const RoadmapStats      *stats,
                                         double                   width,
                                         double                   height,
                                         const RoadmapChartStyle *style);
void roadmap_chart_draw_done_over_time  (cairo_t                 *cr,
                                         const RoadmapStats      *stats,
                                         double                   width,
                                         double                   height,
                                         const RoadmapChartStyle *style);

G_END_DECLS

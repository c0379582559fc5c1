/* roadmap-report-stats.c — the report's "Statistics" section: the
 * figures, the activity heatmap and the done-over-time chart
 *
 * One block, measured and drawn by the same function as the others (see
 * roadmap-report-private.h), from the statistics the snapshot carries:
 * they were computed on the main thread, the store is never read here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-chart.h"
#include "roadmap-report-private.h"

#define FIGURE_GAP        4.0
#define SECTION_GAP      16.0
#define CHART_GAP         6.0
#define HEATMAP_HEIGHT   92.0
#define DONE_HEIGHT     140.0
#define CHART_FONT_SIZE   7.5

static void
set_text_color (cairo_t *cr,
                double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

/* A text at @y, returns its height */
static double
text_at (ReportStyle *style,
         cairo_t     *cr,
         ReportFont   font,
         const char  *text,
         double       grey,
         double       x,
         double       width,
         double       y)
{
  PangoLayout *layout = report_style_text (style, font, text, width);
  double height = report_layout_height (layout);

  if (cr != NULL)
    {
      set_text_color (cr, grey);
      report_show_layout (cr, layout, x, y);
    }
  return height;
}

typedef void (*ChartFunc) (cairo_t *, const RoadmapStats *, double, double, const RoadmapChartStyle *);

static double
chart_at (ReportStyle        *style,
          cairo_t            *cr,
          const char         *title,
          ChartFunc           draw,
          const RoadmapStats *stats,
          double              height,
          double              y)
{
  double top = y;

  y += text_at (style, cr, REPORT_FONT_SECTION, title, 0.10, style->left, style->content_width, y) + CHART_GAP;
  if (cr != NULL)
    {
      RoadmapChartStyle chart;

      roadmap_chart_style_init (&chart, FALSE);
      chart.font_size = CHART_FONT_SIZE;
      cairo_save (cr);
      cairo_translate (cr, style->left, y);
      cairo_rectangle (cr, 0, 0, style->content_width, height);
      cairo_clip (cr);
      draw (cr, stats, style->content_width, height, &chart);
      cairo_restore (cr);
    }

  return y + height - top;
}

/**
 * report_block_stats:
 * @part: the figures (with the section's heading) or one of the charts;
 *   each is a block of its own, so that a short page (A5 landscape)
 *   takes them one by one
 *
 * Nothing without statistics in the snapshot.
 */
double
report_block_stats (ReportStyle                 *style,
                    cairo_t                     *cr,
                    const RoadmapReportSnapshot *snapshot,
                    ReportStatsPart              part,
                    double                       y)
{
  const RoadmapStats *stats = snapshot->stats;
  double top = y, label_width = style->content_width * 0.45;
  const char *scope;

  if (stats == NULL)
    return 0;

  switch (part)
    {
    case REPORT_STATS_HEATMAP:
      /* Translators: a chart of the PDF report and the Statistics page */
      return chart_at (style, cr, _("Activity in the last 52 weeks"), roadmap_chart_draw_heatmap, stats,
                       HEATMAP_HEIGHT, y) + SECTION_GAP;
    case REPORT_STATS_DONE:
      /* Translators: a chart of the PDF report and the Statistics page */
      return chart_at (style, cr, _("Skills done over time"), roadmap_chart_draw_done_over_time, stats,
                       DONE_HEIGHT, y) + SECTION_GAP;
    case REPORT_STATS_FIGURES:
    default:
      break;
    }

  /* Translators: the heading of the PDF report's statistics */
  y += text_at (style, cr, REPORT_FONT_TRACK, _("Statistics"), 0.10, style->left, style->content_width, y) + 2;
  /* Translators: which tracks the statistics are of */
  scope = snapshot->n_tracks == 1 ? snapshot->tracks[0].title : _("All tracks");
  y += text_at (style, cr, REPORT_FONT_BODY, scope, 0.38, style->left, style->content_width, y) + SECTION_GAP / 2;

  for (RoadmapStatsFigure figure = 0; figure < ROADMAP_STATS_N_FIGURES; figure++)
    {
      g_autofree char *value = roadmap_stats_dup_figure_text (stats, figure);
      double label_height, value_height;

      label_height = text_at (style, cr, REPORT_FONT_BODY, roadmap_stats_figure_get_label (figure), 0.38,
                              style->left, label_width - 8, y);
      value_height = text_at (style, cr, REPORT_FONT_BODY_BOLD, value, 0.10,
                              style->left + label_width, style->content_width - label_width, y);
      y += MAX (label_height, value_height) + FIGURE_GAP;
    }

  return y - top + SECTION_GAP;
}

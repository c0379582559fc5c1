/* roadmap-chart.c — the activity heatmap and the done-over-time chart
 *
 * Each chart fills the rectangle (0, 0, width, height) of the cairo_t
 * it is given, with its labels inside: the caller translates and clips.
 * Month names and weekdays are the C library's, in the locale's
 * language; the days and weeks are those of the figures (see
 * roadmap-stats.c: local days, weeks from Monday).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pangocairo.h>

#include "roadmap-chart.h"

#define HEATMAP_GAP_RATIO 0.18
#define N_LEVELS 4

/* Helpers */

static void
set_color (cairo_t                 *cr,
           const RoadmapChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* @a to @b by @t, for the levels between no activity and the most */
static void
set_mixed_color (cairo_t                 *cr,
                 const RoadmapChartColor *a,
                 const RoadmapChartColor *b,
                 double                   t)
{
  cairo_set_source_rgba (cr,
                         a->red + (b->red - a->red) * t,
                         a->green + (b->green - a->green) * t,
                         a->blue + (b->blue - a->blue) * t,
                         a->alpha + (b->alpha - a->alpha) * t);
}

static PangoLayout *
make_layout (cairo_t                 *cr,
             const RoadmapChartStyle *style)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, style->font_family != NULL ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (font, style->font_size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  return layout;
}

/* Plain text, never markup: a locale's month name is no markup */
static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       align)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * align, y);
  pango_cairo_show_layout (cr, layout);
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
day_of (const RoadmapStats *stats,
        guint               day,
        GDate              *date)
{
  roadmap_stats_get_first_day (stats, date);
  g_date_add_days (date, day);
}

/* The month names along the top of a chart: one at each week in which
 * a month begins, left out where it would overlap the one before */
static void
draw_month_labels (cairo_t                 *cr,
                   PangoLayout             *layout,
                   const RoadmapStats      *stats,
                   const RoadmapChartStyle *style,
                   double                   x0,
                   double                   column_width,
                   double                   y)
{
  double last_end = -G_MAXDOUBLE;

  set_color (cr, &style->text);
  for (guint week = 0; week < ROADMAP_STATS_N_WEEKS; week++)
    {
      GDate monday, sunday;
      char name[64];
      double x;

      day_of (stats, week * 7, &monday);
      day_of (stats, week * 7 + 6, &sunday);
      /* The week holding the 1st */
      if (g_date_get_month (&monday) == g_date_get_month (&sunday) && g_date_get_day (&monday) != 1)
        continue;

      if (g_date_strftime (name, sizeof name, "%b", &sunday) == 0)
        continue;
      x = x0 + week * column_width;
      if (x < last_end + style->font_size * 0.5)
        continue;
      show_text (cr, layout, name, x, y, 0.0);
      last_end = x + text_width (layout, name);
    }
}

/* Public API */

/**
 * roadmap_chart_style_init:
 * @dark: for a dark background
 *
 * The app's colours (Done's green on a neutral ground), in a size for
 * the screen; a caller may change any of them.
 */
void
roadmap_chart_style_init (RoadmapChartStyle *style,
                          gboolean           dark)
{
  g_return_if_fail (style != NULL);

  if (dark)
    *style = (RoadmapChartStyle) {
      .text = { 1.0, 1.0, 1.0, 0.80 },
      .grid = { 1.0, 1.0, 1.0, 0.25 },
      .empty = { 1.0, 1.0, 1.0, 0.08 },
      .accent = { 0.34, 0.89, 0.54, 1.0 },   /* libadwaita's green 2, #57e389 */
    };
  else
    *style = (RoadmapChartStyle) {
      .text = { 0.0, 0.0, 0.0, 0.80 },
      .grid = { 0.0, 0.0, 0.0, 0.25 },
      .empty = { 0.0, 0.0, 0.0, 0.07 },
      .accent = { 0.15, 0.50, 0.24, 1.0 },   /* the report's Done */
    };
  style->font_family = NULL;
  style->font_size = 11.0;
}

/**
 * roadmap_chart_draw_heatmap:
 *
 * The last %ROADMAP_STATS_N_WEEKS weeks as columns of seven days, Monday
 * on top, the current week at the right (its days to come left out);
 * each day's square darker the more happened on it, in four steps of the
 * busiest day.
 */
void
roadmap_chart_draw_heatmap (cairo_t                 *cr,
                            const RoadmapStats      *stats,
                            double                   width,
                            double                   height,
                            const RoadmapChartStyle *style)
{
  g_autoptr(PangoLayout) layout = NULL;
  double label_width = 0, top, cell, gap, x0;
  guint max_activity, today;
  gboolean show_days;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (stats != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  layout = make_layout (cr, style);

  /* Mon, Wed, Fri along the left, as wide as the widest */
  for (guint row = 0; row < 7; row += 2)
    {
      GDate date;
      char name[64];

      day_of (stats, row, &date);
      if (row < 6 && g_date_strftime (name, sizeof name, "%a", &date) > 0)
        label_width = MAX (label_width, text_width (layout, name));
    }
  label_width += style->font_size * 0.5;
  top = style->font_size * 1.6;

  cell = MIN ((width - label_width) / ROADMAP_STATS_N_WEEKS, (height - top) / 7.0);
  /* Too narrow for the weekdays (a phone): the squares take it all */
  show_days = cell * 2 >= style->font_size * 1.2;
  if (!show_days)
    {
      label_width = 0;
      cell = MIN (width / ROADMAP_STATS_N_WEEKS, (height - top) / 7.0);
    }
  if (cell <= 0)
    goto out;
  gap = MAX (cell * HEATMAP_GAP_RATIO, 0.5);
  x0 = label_width;

  draw_month_labels (cr, layout, stats, style, x0, cell, 0.0);

  /* Every other row's weekday, where two rows hold a line of text */
  for (guint row = 0; row < 6 && show_days; row += 2)
    {
      GDate date;
      char name[64];

      day_of (stats, row, &date);
      if (g_date_strftime (name, sizeof name, "%a", &date) == 0)
        continue;
      pango_layout_set_text (layout, name, -1);
      {
        int text_height;

        pango_layout_get_pixel_size (layout, NULL, &text_height);
        set_color (cr, &style->text);
        show_text (cr, layout, name, 0.0, top + row * cell + (cell - gap - text_height) / 2.0, 0.0);
      }
    }

  max_activity = roadmap_stats_get_max_activity (stats);
  today = roadmap_stats_get_today (stats);
  for (guint day = 0; day <= today && day < ROADMAP_STATS_N_DAYS; day++)
    {
      guint n = roadmap_stats_get_activity (stats, day);
      double x = x0 + (day / 7) * cell, y = top + (day % 7) * cell;

      if (n == 0 || max_activity == 0)
        set_color (cr, &style->empty);
      else
        {
          guint level = MIN ((n * N_LEVELS + max_activity - 1) / max_activity, N_LEVELS);

          set_mixed_color (cr, &style->empty, &style->accent, (double) level / N_LEVELS);
        }
      cairo_rectangle (cr, x, y, cell - gap, cell - gap);
      cairo_fill (cr);
    }

out:
  cairo_restore (cr);
}

/* A round number at or above @n for the top of the axis */
static guint
axis_top (guint n)
{
  guint step = 1;

  if (n < 5)
    return MAX (n, 1);
  while (step * 10 <= n)
    step *= 10;
  return (n + step - 1) / step * step;
}

/**
 * roadmap_chart_draw_done_over_time:
 *
 * The skills done at the end of each of the last %ROADMAP_STATS_N_WEEKS
 * weeks (counting those done before), as a filled line over a baseline,
 * with the months below and the scale at the left.
 */
void
roadmap_chart_draw_done_over_time (cairo_t                 *cr,
                                   const RoadmapStats      *stats,
                                   double                   width,
                                   double                   height,
                                   const RoadmapChartStyle *style)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *top_label = NULL;
  double left, bottom, plot_width, plot_height, step;
  guint top;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (stats != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  layout = make_layout (cr, style);

  top = axis_top (roadmap_stats_get_done_by_week (stats, ROADMAP_STATS_N_WEEKS - 1));
  top_label = g_strdup_printf ("%u", top);
  left = text_width (layout, top_label) + style->font_size * 0.6;
  bottom = height - style->font_size * 1.8;
  plot_width = width - left - style->font_size * 0.5;
  plot_height = bottom - style->font_size * 0.7;
  if (plot_width <= 0 || plot_height <= 0)
    goto out;
  step = plot_width / (ROADMAP_STATS_N_WEEKS - 1);

  /* The scale: 0 and the top, with a rule at each */
  set_color (cr, &style->text);
  show_text (cr, layout, "0", left - style->font_size * 0.4, bottom - style->font_size * 0.65, 1.0);
  show_text (cr, layout, top_label, left - style->font_size * 0.4, bottom - plot_height - style->font_size * 0.65, 1.0);
  set_color (cr, &style->grid);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, left, bottom - plot_height);
  cairo_line_to (cr, left + plot_width, bottom - plot_height);
  cairo_move_to (cr, left, bottom);
  cairo_line_to (cr, left + plot_width, bottom);
  cairo_stroke (cr);

  draw_month_labels (cr, layout, stats, style, left, step, bottom + style->font_size * 0.3);

  /* The line, and the area under it in a lighter tint */
  for (guint week = 0; week < ROADMAP_STATS_N_WEEKS; week++)
    {
      double y = bottom - plot_height * roadmap_stats_get_done_by_week (stats, week) / top;

      if (week == 0)
        cairo_move_to (cr, left, y);
      else
        cairo_line_to (cr, left + week * step, y);
    }
  {
    cairo_path_t *line = cairo_copy_path (cr);

    cairo_line_to (cr, left + plot_width, bottom);
    cairo_line_to (cr, left, bottom);
    cairo_close_path (cr);
    cairo_set_source_rgba (cr, style->accent.red, style->accent.green, style->accent.blue,
                           style->accent.alpha * 0.3);
    cairo_fill (cr);

    cairo_append_path (cr, line);
    cairo_path_destroy (line);
    set_color (cr, &style->accent);
    cairo_set_line_width (cr, MAX (style->font_size * 0.18, 1.5));
    cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke (cr);
  }

out:
  cairo_restore (cr);
}

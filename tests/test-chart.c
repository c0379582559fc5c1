/* test-chart.c — the statistics' charts drawn on an image surface, light
 * and dark: the busiest day in the accent colour, days without activity
 * in the empty one, the days to come not drawn; the line of the done
 * chart rising. The PNGs are kept in the build folder to be looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "roadmap-chart.h"
#include "stats-test-util.h"

#define WIDTH 720
#define HEIGHT 130

static RoadmapStats *
make_stats (void)
{
  g_autoptr(GDateTime) now = stats_test_berlin ("2026-03-25T12:00:00+01:00");
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (RoadmapStatsEvent));
  static const char * const skills[] = { "t/a", "t/b", "t/c", "t/d", "t/e", "t/f" };

  /* Monday 23 March: three notes; one skill done every few weeks */
  for (guint i = 0; i < 3; i++)
    {
      RoadmapStatsEvent note = { stats_test_at ("2026-03-23T10:00:00+01:00"), ROADMAP_STATS_EVENT_ACTIVITY, skills[i], 0, 0, TRUE };

      g_array_append_val (events, note);
    }
  for (guint i = 0; i < G_N_ELEMENTS (skills); i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_weeks (now, -(int) (i * 7 + 2));
      RoadmapStatsEvent done = { g_date_time_to_unix (day) * G_USEC_PER_SEC, ROADMAP_STATS_EVENT_STATUS,
                                 skills[i], ROADMAP_STATUS_DOING, ROADMAP_STATUS_DONE, TRUE };

      g_array_append_val (events, done);
    }

  return roadmap_stats_new ((RoadmapStatsEvent *) events->data, events->len, now, 0, FALSE);
}

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          double           rgb[3])
{
  guint32 pixel;

  cairo_surface_flush (surface);
  pixel = *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);
  rgb[0] = ((pixel >> 16) & 0xff) / 255.0;
  rgb[1] = ((pixel >> 8) & 0xff) / 255.0;
  rgb[2] = (pixel & 0xff) / 255.0;
}

static gboolean
near (const double rgb[3], double r, double g, double b)
{
  return fabs (rgb[0] - r) < 0.03 && fabs (rgb[1] - g) < 0.03 && fabs (rgb[2] - b) < 0.03;
}

static cairo_surface_t *
draw (gboolean dark,
      gboolean heatmap,
      const RoadmapStats *stats,
      RoadmapChartStyle  *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  roadmap_chart_style_init (style, dark);
  if (dark)
    cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (heatmap)
    roadmap_chart_draw_heatmap (cr, stats, WIDTH, HEIGHT, style);
  else
    roadmap_chart_draw_done_over_time (cr, stats, WIDTH, HEIGHT, style);
  cairo_destroy (cr);
  return surface;
}

static void
save (cairo_surface_t *surface,
      const char      *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                            name, NULL);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

static void
test_heatmap (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr(RoadmapStats) stats = make_stats ();
  RoadmapChartStyle style;
  cairo_surface_t *surface = draw (dark, TRUE, stats, &style);
  double rgb[3];
  int last = 0, found_accent = 0, found_empty = 0;

  save (surface, dark ? "chart-heatmap-dark.png" : "chart-heatmap-light.png");

  /* Scan the last column (the current week) from the right: its Monday
   * is the busiest day, its Thursday to Sunday are to come */
  for (int x = WIDTH - 1; x > WIDTH / 2 && last == 0; x--)
    for (int y = 0; y < HEIGHT; y++)
      {
        pixel_at (surface, x, y, rgb);
        if (near (rgb, style.accent.red, style.accent.green, style.accent.blue))
          {
            last = x;
            found_accent = y;
            break;
          }
      }
  g_assert_cmpint (last, >, WIDTH - 30);
  /* The accent square is in the top row, Monday */
  g_assert_cmpint (found_accent, <, HEIGHT / 3);

  /* Lower in that column: Tuesday and Wednesday empty, then nothing */
  for (int y = found_accent; y < HEIGHT; y++)
    {
      pixel_at (surface, last - 2, y, rgb);
      if (!near (rgb, style.accent.red, style.accent.green, style.accent.blue) &&
          !(dark ? near (rgb, 0.14, 0.14, 0.14) : near (rgb, 1, 1, 1)))
        found_empty++;
    }
  g_assert_cmpint (found_empty, >, 0);
  g_assert_cmpint (found_empty, <, HEIGHT / 3);

  cairo_surface_destroy (surface);
}

static void
test_done_over_time (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr(RoadmapStats) stats = make_stats ();
  RoadmapChartStyle style;
  cairo_surface_t *surface = draw (dark, FALSE, stats, &style);
  double rgb[3];
  int first_y = -1, last_y = -1;

  save (surface, dark ? "chart-done-dark.png" : "chart-done-light.png");
  g_assert_cmpuint (roadmap_stats_get_done_by_week (stats, ROADMAP_STATS_N_WEEKS - 1), ==, 6);

  /* The line: high at the right, low at the left */
  for (int y = 0; y < HEIGHT && (first_y < 0 || last_y < 0); y++)
    {
      pixel_at (surface, WIDTH - 12, y, rgb);
      if (last_y < 0 && near (rgb, style.accent.red, style.accent.green, style.accent.blue))
        last_y = y;
      pixel_at (surface, WIDTH / 3, y, rgb);
      if (first_y < 0 && near (rgb, style.accent.red, style.accent.green, style.accent.blue))
        first_y = y;
    }
  g_assert_cmpint (last_y, >=, 0);
  g_assert_cmpint (first_y, >, last_y + 20);

  cairo_surface_destroy (surface);
}

static void
test_tiny (void)
{
  g_autoptr(RoadmapStats) stats = make_stats ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  cairo_t *cr = cairo_create (surface);
  RoadmapChartStyle style;

  /* Too small to draw: nothing, and no harm */
  roadmap_chart_style_init (&style, FALSE);
  roadmap_chart_draw_heatmap (cr, stats, 4, 4, &style);
  roadmap_chart_draw_done_over_time (cr, stats, 4, 4, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/chart/heatmap/light", GINT_TO_POINTER (FALSE), test_heatmap);
  g_test_add_data_func ("/chart/heatmap/dark", GINT_TO_POINTER (TRUE), test_heatmap);
  g_test_add_data_func ("/chart/done-over-time/light", GINT_TO_POINTER (FALSE), test_done_over_time);
  g_test_add_data_func ("/chart/done-over-time/dark", GINT_TO_POINTER (TRUE), test_done_over_time);
  g_test_add_func ("/chart/tiny", test_tiny);

  return g_test_run ();
}

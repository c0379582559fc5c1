/* test-report-stats.c — the PDF report's "Statistics" section, read back
 * with poppler: the figures in the text, the charts on the rendered page;
 * none without statistics in the snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>

#include "roadmap-report-export.h"
#include "roadmap-report.h"
#include "stats-test-util.h"
#include "store-test-util.h"

/* Two done, one of them in three and a half days; this week one; a goal
 * of one a week met this week and the week before */
static RoadmapStats *
make_stats (void)
{
  g_autoptr(GDateTime) now = stats_test_berlin ("2026-03-28T12:00:00+01:00");
  const RoadmapStatsEvent events[] = {
    { stats_test_at ("2026-03-17T10:00:00+01:00"), ROADMAP_STATS_EVENT_STATUS, "alpha/b", ROADMAP_STATUS_TODO, ROADMAP_STATUS_DONE, TRUE },
    { stats_test_at ("2026-03-24T10:00:00+01:00"), ROADMAP_STATS_EVENT_STATUS, "alpha/a", ROADMAP_STATUS_TODO, ROADMAP_STATUS_DOING, TRUE },
    { stats_test_at ("2026-03-25T10:00:00+01:00"), ROADMAP_STATS_EVENT_ACTIVITY, "alpha/a", 0, 0, TRUE },
    { stats_test_at ("2026-03-27T22:00:00+01:00"), ROADMAP_STATS_EVENT_STATUS, "alpha/a", ROADMAP_STATUS_DOING, ROADMAP_STATUS_DONE, TRUE },
  };

  return roadmap_stats_new (events, G_N_ELEMENTS (events), now, 1, FALSE);
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static gboolean
skip_without_poppler (void)
{
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *render = g_find_program_in_path ("pdftoppm");

  if (text != NULL && render != NULL)
    return FALSE;
  g_test_skip ("poppler-utils (pdftotext, pdftoppm) is not installed");
  return TRUE;
}

static guint
export (RoadmapStats *stats,
        const char   *path)
{
  g_autoptr(RoadmapCatalog) catalog = store_test_small_catalog ();
  g_autoptr(RoadmapReportSnapshot) snapshot = NULL;
  g_autoptr(RoadmapReport) report = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 28, 11, 0, 0);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  snapshot = roadmap_report_snapshot_new (catalog, NULL, &error);
  g_assert_no_error (error);
  roadmap_report_snapshot_set_stats (snapshot, stats);
  report = roadmap_report_new (snapshot);
  roadmap_report_set_paper (report, ROADMAP_REPORT_PAPER_A4);
  roadmap_report_set_date (report, date);
  g_assert_true (roadmap_report_export_pdf (report, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return roadmap_report_get_n_pages (report);
}

static gboolean
near_green (const guint8 *pixel)
{
  /* The report's Done, #26803d, and the tints of it */
  return pixel[1] > pixel[0] + 40 && pixel[1] > pixel[2] + 40;
}

static void
test_section (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "bare.pdf", NULL);
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *page_arg = NULL;
  g_autofree char *png = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bare_text = NULL;
  g_autoptr(RoadmapStats) stats = make_stats ();
  cairo_surface_t *surface;
  guint n_pages, n_bare_pages, n_green = 0;

  if (skip_without_poppler ())
    {
      store_test_remove_dir (dir);
      return;
    }

  n_pages = export (stats, path);
  n_bare_pages = export (NULL, bare_path);
  g_assert_cmpuint (n_pages, ==, n_bare_pages + 1);

  {
    const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
    const char *bare_argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", bare_path, "-", NULL };

    text = run_tool (argv);
    bare_text = run_tool (bare_argv);
  }
  g_assert_nonnull (strstr (text, "Statistics"));
  g_assert_nonnull (strstr (text, "All tracks"));
  g_assert_true (g_regex_match_simple ("Done this week +1 skill\\n", text, 0, 0));
  g_assert_true (g_regex_match_simple ("Done in total +2 skills\\n", text, 0, 0));
  g_assert_true (g_regex_match_simple ("Median time from Doing to Done +3\\.5 days\\n", text, 0, 0));
  g_assert_true (g_regex_match_simple ("Weekly goal +1 skill a week\\n", text, 0, 0));
  g_assert_true (g_regex_match_simple ("Streak +2 weeks in a row\\n", text, 0, 0));
  g_assert_nonnull (strstr (text, "Activity in the last 52 weeks"));
  g_assert_nonnull (strstr (text, "Skills done over time"));
  /* Month labels */
  g_assert_nonnull (strstr (text, "Mar"));
  g_assert_null (strstr (bare_text, "Statistics"));

  /* The charts are drawn: the last page has Done's green on it */
  page_arg = g_strdup_printf ("%u", n_pages);
  {
    const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", page_arg, "-l", page_arg, "-singlefile",
                           path, prefix, NULL };

    g_free (run_tool (argv));
  }
  png = g_strconcat (prefix, ".png", NULL);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  {
    int width = cairo_image_surface_get_width (surface);
    int height = cairo_image_surface_get_height (surface);
    int stride = cairo_image_surface_get_stride (surface);
    const guint8 *data = cairo_image_surface_get_data (surface);

    for (int y = 0; y < height; y++)
      for (int x = 0; x < width; x++)
        {
          const guint8 *p = data + y * stride + x * 4;
          /* ARGB32 / RGB24, little endian: B G R A */
          guint8 rgb[3] = { p[2], p[1], p[0] };

          n_green += near_green (rgb);
        }
  }
  cairo_surface_destroy (surface);
  /* A heatmap square or two and the line under the area */
  g_assert_cmpuint (n_green, >, 50);

  store_test_remove_dir (dir);
}

/* On the smallest page the report is laid out for, the figures and each
 * chart go on as blocks of their own, each within the content area,
 * over two pages */
static void
test_short_page (void)
{
  g_autoptr(RoadmapCatalog) catalog = store_test_small_catalog ();
  g_autoptr(RoadmapReportSnapshot) snapshot = NULL;
  g_autoptr(RoadmapReport) report = NULL;
  g_autoptr(RoadmapStats) stats = make_stats ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, ROADMAP_REPORT_MIN_PAGE_WIDTH, ROADMAP_REPORT_MIN_PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double top, bottom;
  guint n_parts = 0, n_pages;

  snapshot = roadmap_report_snapshot_new (catalog, NULL, &error);
  g_assert_no_error (error);
  roadmap_report_snapshot_set_stats (snapshot, stats);
  report = roadmap_report_new (snapshot);
  roadmap_report_set_page_size (report, ROADMAP_REPORT_MIN_PAGE_WIDTH, ROADMAP_REPORT_MIN_PAGE_HEIGHT);
  g_assert_true (roadmap_report_paginate (report, cr, NULL, &error));
  g_assert_no_error (error);
  roadmap_report_get_content_area (report, &top, &bottom);

  n_pages = roadmap_report_get_n_pages (report);
  for (guint page = 0; page < n_pages; page++)
    {
      guint n_boxes;
      const RoadmapReportBox *boxes = roadmap_report_get_boxes (report, page, &n_boxes);

      for (guint i = 0; i < n_boxes; i++)
        {
          g_assert_cmpfloat (boxes[i].y, >=, top);
          g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=, bottom + 0.01);
          if (boxes[i].kind >= ROADMAP_REPORT_BOX_STATS_FIGURES && boxes[i].kind <= ROADMAP_REPORT_BOX_STATS_DONE)
            {
              g_assert_cmpint (boxes[i].kind, ==, ROADMAP_REPORT_BOX_STATS_FIGURES + n_parts);
              n_parts++;
            }
        }
    }
  g_assert_cmpuint (n_parts, ==, 3);
  g_assert_cmpuint (n_pages, >=, 2);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/report/stats/section", test_section);
  g_test_add_func ("/report/stats/short-page", test_short_page);

  return g_test_run ();
}

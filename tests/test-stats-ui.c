/* test-stats-ui.c — the Statistics page: opened from the primary menu and
 * from a track's menu, its figures and the scope switch, the weekly goal
 * set in Preferences reaching it at once; screenshots wide and at 360 px,
 * light and dark (stats-*.png in the build folder)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-pdf-export.h"
#include "roadmap-preferences-window.h"
#include "roadmap-stats-window.h"
#include "roadmap-track-menu.h"
#include "stats-test-util.h"
#include "ui-test-util.h"

static gint64 clock_now;

static gint64
fixed_clock (gpointer user_data)
{
  return clock_now;
}

static void
set_status (UiFixture     *fixture,
            const char    *when,
            const char    *track_id,
            const char    *skill_id,
            RoadmapStatus  status)
{
  g_autoptr(GError) error = NULL;

  clock_now = stats_test_at (when);
  g_assert_true (roadmap_session_set_status (fixture->session, ui_fixture_find_skill (fixture, track_id, skill_id),
                                             status, &error));
  g_assert_no_error (error);
}

/* The week of 23 March 2026, in Berlin; its Sunday's clock change */
static void
make_history (UiFixture *fixture)
{
  roadmap_session_set_clock (fixture->session, fixed_clock, NULL);
  set_status (fixture, "2026-03-16T10:00:00+01:00", "backend-developer", "database-design", ROADMAP_STATUS_DONE);
  set_status (fixture, "2026-03-23T10:00:00+01:00", "backend-developer", "python-sql", ROADMAP_STATUS_DOING);
  set_status (fixture, "2026-03-25T23:30:00+01:00", "backend-developer", "python-sql", ROADMAP_STATUS_DONE);
  set_status (fixture, "2026-03-29T23:30:00+02:00", "data-engineer", "python-sql", ROADMAP_STATUS_DONE);
  set_status (fixture, "2026-03-29T23:40:00+02:00", "backend-developer", "database-design", ROADMAP_STATUS_DOING);
  clock_now = stats_test_at ("2026-03-29T23:50:00+02:00");
}

static gboolean
stats_open (gpointer data)
{
  return ui_find_toplevel (ROADMAP_TYPE_STATS_WINDOW) != NULL;
}

static gboolean
preferences_open (gpointer data)
{
  return ui_find_toplevel (ROADMAP_TYPE_PREFERENCES_WINDOW) != NULL;
}

static void
assert_figure (GtkWindow          *window,
               RoadmapStatsFigure  figure,
               const char         *expected)
{
  g_assert_cmpstr (roadmap_stats_window_get_figure_text (ROADMAP_STATS_WINDOW (window), figure), ==, expected);
}

static void
shoot (GtkWindow  *window,
       int         width,
       const char *name)
{
  gtk_window_set_default_size (window, width, 820);
  ui_spin (200);
  ui_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, MAX (width, 360) + 1);
  ui_save_png (GTK_WIDGET (window), name);
}

static void
test_page (UiFixture     *fixture,
           gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *stats, *preferences;
  GtkWidget *spin, *scope;
  guint backend = 0;

  make_history (fixture);
  ui_fixture_present_window (fixture, 1200, 800);

  /* From the primary menu: every track */
  g_assert_true (ui_menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (ui_find_main_menu_button (GTK_WIDGET (fixture->window)))),
                                     "win.show-statistics"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-statistics", NULL));
  g_assert_true (ui_spin_until (stats_open, NULL, 5000));
  stats = ui_find_toplevel (ROADMAP_TYPE_STATS_WINDOW);
  ui_wait_for_frame (GTK_WIDGET (stats));

  assert_figure (stats, ROADMAP_STATS_FIGURE_DONE_THIS_WEEK, "1 skill");
  assert_figure (stats, ROADMAP_STATS_FIGURE_DONE_TOTAL, "2 skills");
  assert_figure (stats, ROADMAP_STATS_FIGURE_MEDIAN_DAYS, "2.6 days");
  assert_figure (stats, ROADMAP_STATS_FIGURE_WEEKLY_GOAL, "Off");
  g_assert_nonnull (ui_find_label (GTK_WIDGET (stats), "Median time from Doing to Done"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (stats), "Activity in the last 52 weeks"));
  /* The charts, told to a screen reader: Monday, Wednesday and Sunday
   * of this week, and the Monday before */
  {
    GtkWidget *heatmap = ui_find_child (GTK_WIDGET (stats), GTK_TYPE_DRAWING_AREA);

    gtk_test_accessible_assert_property (heatmap, GTK_ACCESSIBLE_PROPERTY_LABEL, "Activity in the last 52 weeks");
    gtk_test_accessible_assert_property (heatmap, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "4 days with activity");
  }

  /* The goal set in Preferences reaches the open page at once */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-preferences", NULL));
  g_assert_true (ui_spin_until (preferences_open, NULL, 5000));
  preferences = ui_find_toplevel (ROADMAP_TYPE_PREFERENCES_WINDOW);
  ui_wait_for_frame (GTK_WIDGET (preferences));
  spin = ui_find_child (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  gtk_test_accessible_assert_property (spin, GTK_ACCESSIBLE_PROPERTY_LABEL, "Weekly goal, in skills");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1);
  ui_spin (50);
  g_assert_cmpuint (roadmap_catalog_get_weekly_goal (catalog), ==, 1);
  ui_save_png (GTK_WIDGET (preferences), "stats-preferences.png");
  gtk_window_destroy (preferences);
  ui_spin (50);
  assert_figure (stats, ROADMAP_STATS_FIGURE_WEEKLY_GOAL, "1 skill a week");
  assert_figure (stats, ROADMAP_STATS_FIGURE_STREAK, "2 weeks in a row");

  shoot (stats, 760, "stats-wide.png");
  shoot (stats, 360, "stats-narrow.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ui_spin (100);
  shoot (stats, 360, "stats-narrow-dark.png");
  shoot (stats, 760, "stats-wide-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* One track */
  scope = ui_find_child (GTK_WIDGET (stats), ADW_TYPE_COMBO_ROW);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      if (g_str_equal (roadmap_track_get_id (track), "backend-developer"))
        backend = i + 1;
    }
  g_assert_cmpuint (backend, >, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (scope), backend);
  ui_spin (50);
  assert_figure (stats, ROADMAP_STATS_FIGURE_DONE_TOTAL, "1 skill");
  assert_figure (stats, ROADMAP_STATS_FIGURE_DONE_THIS_WEEK, "0 skills");

  /* A move made in the window shows at once */
  set_status (fixture, "2026-03-29T23:55:00+02:00", "backend-developer", "database-design", ROADMAP_STATUS_DONE);
  ui_spin (50);
  assert_figure (stats, ROADMAP_STATS_FIGURE_DONE_TOTAL, "2 skills");
  gtk_window_destroy (stats);
  ui_spin (50);

  /* From a track's menu: that track */
  {
    g_autoptr(GMenuModel) menu = roadmap_track_menu_new (roadmap_catalog_find_track (catalog, "data-engineer"),
                                                         catalog);
    g_autoptr(GMenuModel) progress = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_autofree char *action = NULL;
    g_autoptr(GVariant) target = NULL;
    int last = g_menu_model_get_n_items (progress) - 1;

    /* The last item of the progress's section, after Reset Track… */
    g_assert_true (g_menu_model_get_item_attribute (progress, last, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "win.show-track-statistics");
    target = g_menu_model_get_item_attribute_value (progress, last, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "data-engineer");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-track-statistics", "s",
                                             "data-engineer"));
  g_assert_true (ui_spin_until (stats_open, NULL, 5000));
  stats = ui_find_toplevel (ROADMAP_TYPE_STATS_WINDOW);
  scope = ui_find_child (GTK_WIDGET (stats), ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (scope)), !=, 0);
  assert_figure (stats, ROADMAP_STATS_FIGURE_DONE_TOTAL, "1 skill");
  assert_figure (stats, ROADMAP_STATS_FIGURE_MEDIAN_DAYS, "No skill went from Doing to Done yet");
  gtk_window_destroy (stats);
  ui_spin (50);
}

/* The window's PDF export computes the statistics on the main thread,
 * into the snapshot the worker draws */
static void
test_export_snapshot (UiFixture     *fixture,
                      gconstpointer  data)
{
  g_autoptr(RoadmapPdfExport) pdf_export = NULL;
  g_autoptr(RoadmapReportSnapshot) snapshot = NULL;
  g_autoptr(RoadmapReportSnapshot) bare = NULL;
  g_autoptr(GError) error = NULL;

  make_history (fixture);
  ui_fixture_present_window (fixture, 1200, 800);
  pdf_export = roadmap_pdf_export_new (GTK_WINDOW (fixture->window), ui_fixture_get_toasts (fixture),
                                       roadmap_session_get_catalog (fixture->session), NULL);
  bare = roadmap_report_job_snapshot (ROADMAP_REPORT_JOB (pdf_export), TRUE, &error);
  g_assert_no_error (error);
  g_assert_null (bare->stats);

  roadmap_report_job_set_session (ROADMAP_REPORT_JOB (pdf_export), fixture->session);
  snapshot = roadmap_report_job_snapshot (ROADMAP_REPORT_JOB (pdf_export), TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot->stats);
  g_assert_cmpuint (roadmap_stats_get_done_total (snapshot->stats), ==, 2);
  g_assert_cmpuint (roadmap_stats_get_done_this_week (snapshot->stats), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  const char *skip;

  /* The learner's days are Berlin's */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  skip = ui_test_init_x11 (&argc, &argv);

  UI_TEST_ADD (skip, "/ui/stats/page", test_page);
  UI_TEST_ADD (skip, "/ui/stats/export-snapshot", test_export_snapshot);

  return g_test_run ();
}

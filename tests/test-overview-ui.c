/* test-overview-ui.c — the Overview as a learner meets it: every track
 * with its share done, cards in progress, hours done and left, the
 * projected finish and its state against the plan; opened from the main
 * menu by the keys (F10, O), a row by Enter opening its track; following
 * a change made while it is open; wide, dark and at 360 px (run under
 * Xvfb, with xdotool)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-overview-window.h"
#include "ui-test-util.h"

/* 2026-01-05 12:00 UTC */
static gint64
fixed_clock (gpointer user_data)
{
  return G_GINT64_CONSTANT (1767614400) * G_USEC_PER_SEC;
}

static GtkListBox *
tracks_list (GtkWidget *overview)
{
  GtkWidget *list = ui_find_with_class (overview, "overview-list");

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

static const char *
row_subtitle (GtkWidget *overview,
              int        index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (tracks_list (overview), index);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

typedef struct
{
  GtkWidget *overview;
  int index;
  const char *text;
} Expected;

static gboolean
subtitle_has (gpointer data)
{
  Expected *expected = data;
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (tracks_list (expected->overview), expected->index);

  return row != NULL && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), expected->text) != NULL;
}

static gboolean
board_shows (gpointer data)
{
  gpointer *args = data;
  UiFixture *fixture = args[0];
  RoadmapTrack *track = roadmap_board_get_track (roadmap_window_get_board (fixture->window));

  return track != NULL && g_str_equal (roadmap_track_get_id (track), args[1]) &&
         ui_find_toplevel (ROADMAP_TYPE_OVERVIEW_WINDOW) == NULL;
}

static void
test_overview (UiFixture     *fixture,
               gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  RoadmapTrack *backend = roadmap_catalog_find_track (catalog, "backend-developer");
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GError) error = NULL;
  gpointer data_engineer[] = { fixture, (gpointer) "data-engineer" };
  GtkWidget *overview;
  GDate start;

  roadmap_session_set_clock (fixture->session, fixed_clock, NULL);
  g_assert_true (roadmap_plan_parse_date ("2026-01-05", &start));
  {
    g_autoptr(RoadmapPlan) plan = roadmap_plan_new (&start, 3, 0);

    g_assert_true (roadmap_session_set_plan (fixture->session, backend, plan, &error));
    g_assert_no_error (error);
  }
  g_assert_true (roadmap_session_set_status (fixture->session, roadmap_track_find_skill (backend, "python-sql"),
                                             ROADMAP_STATUS_DONE, &error));
  g_assert_true (roadmap_session_set_status (fixture->session, roadmap_track_find_skill (backend, "database-design"),
                                             ROADMAP_STATUS_DOING, &error));
  g_assert_no_error (error);

  ui_fixture_present_window (fixture, 1400, 900);
  ui_assert_menu_action (fixture, "win.show-overview", NULL);
  ui_press_keys (GTK_WIDGET (fixture->window), "F10");
  ui_spin (300);
  ui_press_keys (GTK_WIDGET (fixture->window), "o");
  overview = ui_wait_for_toplevel (ROADMAP_TYPE_OVERVIEW_WINDOW);

  /* Both tracks, in the sidebar's order, with their figures */
  g_assert_nonnull (gtk_list_box_get_row_at_index (tracks_list (overview), 1));
  g_assert_null (gtk_list_box_get_row_at_index (tracks_list (overview), 2));
  g_assert_nonnull (strstr (row_subtitle (overview, 0), "8 % done · 1 in progress · 35 of 450 h done, 415 h left"));
  g_assert_nonnull (strstr (row_subtitle (overview, 0), "Finishing around"));
  g_assert_nonnull (strstr (row_subtitle (overview, 1), "0 % done · 0 in progress"));
  g_assert_nonnull (strstr (row_subtitle (overview, 1), "No plan yet"));
  g_assert_nonnull (ui_find_label (overview, "On track"));
  ui_save_png (overview, "overview-wide.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ui_spin (100);
  ui_save_png (overview, "overview-wide-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* A change made elsewhere while it is open */
  {
    g_autoptr(RoadmapSession) terminal = ui_fixture_reopen (fixture);
    RoadmapTrack *other = roadmap_catalog_find_track (roadmap_session_get_catalog (terminal), "data-engineer");
    Expected expected = { overview, 1, "1 in progress" };

    g_assert_true (roadmap_session_set_status (terminal, roadmap_track_find_skill (other, "python-sql"),
                                               ROADMAP_STATUS_DOING, &error));
    g_assert_no_error (error);
    g_assert_true (roadmap_session_reload (fixture->session, NULL, &error));
    g_assert_true (ui_spin_until (subtitle_has, &expected, 3000));
  }

  /* Enter on the second row: its board */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (tracks_list (overview), 1))));
  ui_press_keys (overview, "Return");
  g_assert_true (ui_spin_until (board_shows, data_engineer, 3000));
}

/* At 360 px it fits the window, the figures wrapped, not cut */
static void
test_narrow (UiFixture     *fixture,
             gconstpointer  data)
{
  GtkWidget *overview;

  ui_fixture_present_window (fixture, 360, 700);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-overview", NULL));
  overview = ui_wait_for_toplevel (ROADMAP_TYPE_OVERVIEW_WINDOW);
  g_assert_cmpint (gtk_widget_get_width (overview), <=, 360);
  ui_save_png (overview, "overview-360.png");
  ui_press_keys (overview, "Escape");
  ui_spin (300);
  g_assert_null (ui_find_toplevel (ROADMAP_TYPE_OVERVIEW_WINDOW));
}

int
main (int   argc,
      char *argv[])
{
  const char *skip = ui_test_init_xdotool (&argc, &argv);

#define ADD(path, func) UI_TEST_ADD (skip, path, func)

  ADD ("/ui/overview/keyboard", test_overview);
  ADD ("/ui/overview/narrow", test_narrow);

#undef ADD

  return g_test_run ();
}

/* test-window.c — the window opens on real data, and on errors (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-loader.h"
#include "roadmap-skill-card.h"
#include "roadmap-track-row.h"
#include "ui-test-util.h"

static void
test_shows_tracks_and_progress (UiFixture     *fixture,
                                gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  RoadmapSkill *skill = roadmap_catalog_find_skill (catalog, "backend-developer", "api-development");
  g_autoptr(GError) error = NULL;
  GtkListBox *sidebar;

  g_assert_true (roadmap_session_set_status (fixture->session, skill, ROADMAP_STATUS_DONE, &error));
  g_assert_no_error (error);

  ui_fixture_open_window (fixture);

  sidebar = GTK_LIST_BOX (ui_find_with_class (GTK_WIDGET (fixture->window), "track-list"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (sidebar, 1));
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, 2));

  g_assert_nonnull (ui_find_label (GTK_WIDGET (sidebar), "Backend Developer"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (sidebar), "Data Engineer"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (sidebar), "1 of 13 done"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "API Development"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "Phase 1 · Fundamentals"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Backend Developer");

  /* A change made through the store reaches the sidebar at once. */
  skill = roadmap_catalog_find_skill (catalog, "backend-developer", "database-design");
  g_assert_true (roadmap_session_set_status (fixture->session, skill, ROADMAP_STATUS_DONE, &error));
  g_assert_no_error (error);
  ui_spin (50);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (sidebar), "2 of 13 done"));
}

static void
test_store_error_page (UiFixture     *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) store_error = g_error_new_literal (ROADMAP_STORE_ERROR,
                                                       ROADMAP_STORE_ERROR_NEWER_VERSION,
                                                       "written by a newer version & kept");

  fixture->window = roadmap_window_new (fixture->app, fixture->session, store_error);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ui_spin (200);

  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "Progress Cannot Be Opened"));
  /* Text, not markup: the "&" shows as written. */
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "written by a newer version & kept"));
}

/* No roadmap at all: a status page, and the reasons one click away. */
static void
test_empty_state (UiFixture     *fixture,
                  gconstpointer  data)
{
  g_autoptr(RoadmapSession) empty = roadmap_session_new (fixture->db_path, NULL);
  g_autoptr(GError) error = g_error_new_literal (ROADMAP_JSON_ERROR, ROADMAP_JSON_ERROR_SYNTAX,
                                                 "mine.json: line 1, column 1: the document is empty");

  roadmap_catalog_add_load_error (roadmap_session_get_catalog (empty), error);
  g_clear_error (&error);
  g_assert_true (roadmap_session_open_store (empty, &error));
  g_assert_no_error (error);

  fixture->window = roadmap_window_new (fixture->app, empty, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ui_spin (200);

  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "No Roadmaps"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "1 roadmap could not be loaded"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-load-errors", NULL));
  ui_spin (200);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel))
          {
            found = g_str_has_suffix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (toplevel)),
                                      "the document is empty");
            gtk_window_destroy (GTK_WINDOW (toplevel));
          }
      }
    g_assert_true (found);
  }
}

static GtkWidget *
present_window (UiFixture *fixture,
                int        width,
                int        height)
{
  ui_fixture_present_window (fixture, width, height);
  return GTK_WIDGET (fixture->window);
}

static const char *
shown_track_id (UiFixture *fixture)
{
  return roadmap_track_get_id (roadmap_board_get_track (roadmap_window_get_board (fixture->window)));
}

static const char *
selected_track_title (GtkListBox *sidebar)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (sidebar);

  g_assert_nonnull (row);
  return roadmap_track_get_title (roadmap_track_row_get_track (ROADMAP_TRACK_ROW (row)));
}

/* Tab leaves the sidebar for the board of the track it shows, changing
 * nothing; Up and Down are what change the track. Real keys, through the
 * X server and all of GTK's key handling. */
static void
test_tab_out_of_sidebar (UiFixture     *fixture,
                         gconstpointer  data)
{
  GtkWidget *window;
  GtkListBox *sidebar;
  GtkWidget *focus;
  GtkListBoxRow *first;

  window = present_window (fixture, 1400, 860);
  sidebar = GTK_LIST_BOX (ui_find_with_class (window, "track-list"));
  first = gtk_list_box_get_row_at_index (sidebar, 0);
  g_assert_cmpstr (selected_track_title (sidebar), ==, "Backend Developer");
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == first);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (first)));
  ui_press_keys (window, "Tab");

  g_assert_cmpstr (selected_track_title (sidebar), ==, "Backend Developer");
  g_assert_cmpstr (shown_track_id (fixture), ==, "backend-developer");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (ui_widget_is_inside (focus, GTK_WIDGET (roadmap_window_get_board (fixture->window))));
  g_assert_true (ROADMAP_IS_SKILL_CARD (focus));
  ui_save_png (window, "window-tab-to-board.png");

  /* Shift+Tab goes back to the first phase's fold button, Plan…, the
   * track's menu, then over the sidebar in one step too, to the row of the track
   * shown, and changes nothing either. */
  ui_press_keys (window, "shift+Tab");
  g_assert_true (GTK_IS_BUTTON (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_true (ui_widget_is_inside (gtk_root_get_focus (GTK_ROOT (window)),
                                      GTK_WIDGET (roadmap_window_get_board (fixture->window))));
  /* … the track's Plan… button under the totals */
  ui_press_keys (window, "shift+Tab");
  g_assert_true (GTK_IS_BUTTON (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_root_get_focus (GTK_ROOT (window)))), ==, "_Plan…");
  /* … and the track's menu button beside the totals */
  ui_press_keys (window, "shift+Tab");
  g_assert_true (ui_widget_is_inside (gtk_root_get_focus (GTK_ROOT (window)),
                                      ui_find_child (GTK_WIDGET (roadmap_window_get_board (fixture->window)),
                                                     GTK_TYPE_MENU_BUTTON)));
  ui_press_keys (window, "shift+Tab");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (first));
  g_assert_cmpstr (shown_track_id (fixture), ==, "backend-developer");
  ui_press_keys (window, "shift+Tab");
  g_assert_cmpstr (selected_track_title (sidebar), ==, "Backend Developer");
  g_assert_cmpstr (shown_track_id (fixture), ==, "backend-developer");
  g_assert_false (ui_widget_is_inside (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (sidebar)));

  /* Down and Up in the sidebar still go from track to track. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (first)));
  ui_press_keys (window, "Down");
  g_assert_cmpstr (selected_track_title (sidebar), ==, "Data Engineer");
  g_assert_cmpstr (shown_track_id (fixture), ==, "data-engineer");
  ui_press_keys (window, "Up");
  g_assert_cmpstr (shown_track_id (fixture), ==, "backend-developer");

  /* Enter on a track takes the keyboard into its board */
  ui_press_keys (window, "Return");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (ROADMAP_IS_SKILL_CARD (focus));
  g_assert_cmpstr (shown_track_id (fixture), ==, "backend-developer");
}

static gboolean
popover_is_shown (gpointer button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

static void
close_menu (GtkMenuButton *button)
{
  gtk_menu_button_popdown (button);
  ui_spin (100);
  g_assert_false (popover_is_shown (button));
}

static gboolean
is_hidden (gpointer widget)
{
  return !gtk_widget_is_drawable (widget);
}

/* The menu button of the sidebar's header bar, or of the board's */
static GtkMenuButton *
find_menu_button (UiFixture *fixture,
                  gboolean   sidebar)
{
  /* The sidebar's page holds the scrolled list of tracks (and Up Next) */
  GtkWidget *inside = sidebar ? gtk_widget_get_ancestor (ui_find_with_class (GTK_WIDGET (fixture->window), "track-list"),
                                                         GTK_TYPE_SCROLLED_WINDOW)
                              : GTK_WIDGET (roadmap_window_get_board (fixture->window));
  GtkWidget *page = gtk_widget_get_ancestor (inside, GTK_TYPE_BOX);
  GtkWidget *button = ui_find_child (page, GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  return GTK_MENU_BUTTON (button);
}

/* Folded (360 px wide, the board shown), the primary menu is there too:
 * a button in the board's header bar, and F10. */
static void
test_menu_when_folded (UiFixture     *fixture,
                       gconstpointer  data)
{
  GtkMenuButton *sidebar_button;
  GtkMenuButton *button;
  GtkWidget *window;
  GtkPopover *popover;

  window = present_window (fixture, 360, 640);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (ui_find_child (window, ADW_TYPE_LEAFLET))));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (roadmap_window_get_board (fixture->window))));

  sidebar_button = find_menu_button (fixture, TRUE);
  button = find_menu_button (fixture, FALSE);
  /* The window opens wide and folds, sliding the sidebar out. */
  g_assert_true (ui_spin_until (is_hidden, sidebar_button, 2000));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (button)));
  g_assert_true (gtk_menu_button_get_primary (button));
  g_assert_true (gtk_menu_button_get_menu_model (button) == gtk_menu_button_get_menu_model (sidebar_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Main Menu");
  ui_save_png (window, "window-narrow.png");

  /* A click opens the menu. */
  gtk_widget_activate (ui_find_child (GTK_WIDGET (button), GTK_TYPE_TOGGLE_BUTTON));
  g_assert_true (ui_spin_until (popover_is_shown, button, 2000));
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (popover), "About Roadmap"));
  ui_wait_for_frame (GTK_WIDGET (popover));
  ui_save_png (GTK_WIDGET (popover), "window-narrow-menu.png");
  close_menu (button);

  /* F10 too, as a user types it. */
  ui_press_keys (window, "F10");
  g_assert_true (ui_spin_until (popover_is_shown, button, 2000));
  close_menu (button);

  /* Back on the sidebar, F10 opens the sidebar's. */
  adw_leaflet_navigate (ADW_LEAFLET (ui_find_child (window, ADW_TYPE_LEAFLET)), ADW_NAVIGATION_DIRECTION_BACK);
  g_assert_true (ui_spin_until (is_hidden, button, 2000));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (sidebar_button)));
  ui_press_keys (window, "F10");
  g_assert_true (ui_spin_until (popover_is_shown, sidebar_button, 2000));
  close_menu (sidebar_button);
}

/* Wide, the board's header bar has no second menu button; F10 opens the
 * sidebar's. */
static void
test_menu_when_wide (UiFixture     *fixture,
                     gconstpointer  data)
{
  GtkWidget *window;
  GtkMenuButton *sidebar_button;

  window = present_window (fixture, 1400, 860);
  sidebar_button = find_menu_button (fixture, TRUE);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (sidebar_button)));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (find_menu_button (fixture, FALSE))));
  ui_save_png (window, "window-wide.png");
  ui_press_keys (window, "F10");
  g_assert_true (ui_spin_until (popover_is_shown, sidebar_button, 2000));
  close_menu (sidebar_button);
}

#define ADD(path, func) UI_TEST_ADD (skip, path, func)

int
main (int   argc,
      char *argv[])
{
  /* Keys are typed with xdotool: GTK must be on that X server. */
  const char *skip = ui_test_init_xdotool (&argc, &argv);

  ADD ("/ui/window/tracks-and-progress", test_shows_tracks_and_progress);
  ADD ("/ui/window/store-error", test_store_error_page);
  ADD ("/ui/window/empty", test_empty_state);
  ADD ("/ui/window/tab-out-of-sidebar", test_tab_out_of_sidebar);
  ADD ("/ui/window/menu-when-folded", test_menu_when_folded);
  ADD ("/ui/window/menu-when-wide", test_menu_when_wide);

  return g_test_run ();
}

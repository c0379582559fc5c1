/* test-wip-limit-ui.c — a track's limit on cards in Doing as a learner
 * meets it: set from the track's menu by the mouse, and by the keys
 * alone at 360 px; the Doing header counting the track's cards against
 * it, in the warning colour beyond it, the move still allowed (run
 * under Xvfb, with xdotool)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-column.h"
#include "roadmap-wip-limit-dialog.h"
#include "ui-test-util.h"

static RoadmapTrack *
backend (UiFixture *fixture)
{
  return roadmap_catalog_find_track (roadmap_session_get_catalog (fixture->session), "backend-developer");
}

static void
start (UiFixture  *fixture,
       const char *skill_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_status (fixture->session,
                                             ui_fixture_find_skill (fixture, "backend-developer", skill_id),
                                             ROADMAP_STATUS_DOING, &error));
  g_assert_no_error (error);
}

static gboolean
dialog_gone (gpointer data)
{
  return ui_find_toplevel (ROADMAP_TYPE_WIP_LIMIT_DIALOG) == NULL;
}

static gboolean
limit_is (gpointer data)
{
  gpointer *args = data;

  return roadmap_track_get_wip_limit (args[0]) == GPOINTER_TO_UINT (args[1]);
}

/* The first phase's Doing header */
static GtkWidget *
doing_header (UiFixture *fixture)
{
  GtkWidget *column = ui_find_with_class (GTK_WIDGET (fixture->window), "doing");

  g_assert_nonnull (column);
  g_assert_true (ROADMAP_IS_COLUMN (column));
  return gtk_widget_get_parent (ui_find_with_class (column, "column-count"));
}

static const char *
wip_text (UiFixture *fixture)
{
  GtkWidget *label = ui_find_with_class (doing_header (fixture), "wip-limit");

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The sidebar's menu: Limit Cards in Doing…, the check, Set; then four
 * cards started beyond the three */
static void
test_mouse (UiFixture     *fixture,
            gconstpointer  data)
{
  RoadmapTrack *track = backend (fixture);
  gpointer three[] = { track, GUINT_TO_POINTER (3) };
  GtkListBox *sidebar;
  GtkWidget *row, *popover, *dialog;

  start (fixture, "python-sql");
  ui_fixture_present_window (fixture, 1400, 900);
  g_assert_null (wip_text (fixture));

  sidebar = GTK_LIST_BOX (ui_find_with_class (GTK_WIDGET (fixture->window), "track-list"));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 0));
  ui_click (row, 0.5, 0.5, 3);
  popover = ui_find_child (row, GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  ui_click (ui_find_label_exact (popover, "Limit Cards in Doing…"), 0.5, 0.5, 1);
  dialog = ui_wait_for_toplevel (ROADMAP_TYPE_WIP_LIMIT_DIALOG);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (ui_find_child (dialog, GTK_TYPE_CHECK_BUTTON))));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (ui_find_child (dialog, GTK_TYPE_SPIN_BUTTON))),
                   ==, 3);
  ui_click (ui_find_child (dialog, GTK_TYPE_CHECK_BUTTON), 0.5, 0.5, 1);
  ui_save_png (dialog, "wip-limit-dialog.png");
  ui_click (gtk_widget_get_parent (ui_find_label_exact (dialog, "Set")), 0.5, 0.5, 1);
  g_assert_true (ui_spin_until (limit_is, three, 3000));
  g_assert_true (ui_spin_until (dialog_gone, NULL, 3000));

  g_assert_cmpstr (wip_text (fixture), ==, "1 of 3 in progress");
  g_assert_false (gtk_widget_has_css_class (doing_header (fixture), "over-limit"));

  /* Beyond it: allowed, and said */
  start (fixture, "database-design");
  start (fixture, "api-development");
  start (fixture, "advanced-api-development");
  g_assert_cmpuint (roadmap_track_get_n_with_status (track, ROADMAP_STATUS_DOING), ==, 4);
  g_assert_cmpstr (wip_text (fixture), ==, "4 of 3 in progress");
  g_assert_true (gtk_widget_has_css_class (doing_header (fixture), "over-limit"));
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  ui_save_png (GTK_WIDGET (fixture->window), "wip-limit-wide.png");

  /* Another process's window sees it after a restart */
  {
    g_autoptr(RoadmapSession) again = ui_fixture_reopen (fixture);

    g_assert_cmpuint (roadmap_track_get_wip_limit (roadmap_catalog_find_track (roadmap_session_get_catalog (again),
                                                                               "backend-developer")), ==, 3);
  }
}

/* 360 px, dark, by the keys alone: the header's menu (its button focused,
 * Enter), the item, Alt+L, the number typed, Enter; then off again */
static void
test_keyboard (UiFixture     *fixture,
               gconstpointer  data)
{
  RoadmapTrack *track = backend (fixture);
  gpointer five[] = { track, GUINT_TO_POINTER (5) };
  gpointer off[] = { track, GUINT_TO_POINTER (0) };
  GtkWidget *dialog;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  start (fixture, "python-sql");
  start (fixture, "database-design");
  ui_fixture_present_window (fixture, 360, 700);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-wip-limit", "s", "backend-developer");
  dialog = ui_wait_for_toplevel (ROADMAP_TYPE_WIP_LIMIT_DIALOG);
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 360);
  ui_press_keys (dialog, "alt+l");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ui_find_child (dialog, GTK_TYPE_CHECK_BUTTON))));
  ui_press_keys (dialog, "Tab ctrl+a 5");
  ui_save_png (dialog, "wip-limit-dialog-narrow.png");
  ui_press_keys (dialog, "Return");
  g_assert_true (ui_spin_until (limit_is, five, 3000));
  g_assert_cmpstr (wip_text (fixture), ==, "2 of 5 in progress");
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  ui_save_png (GTK_WIDGET (fixture->window), "wip-limit-narrow-dark.png");

  /* Off: the header says nothing more */
  g_assert_true (ui_spin_until (dialog_gone, NULL, 3000));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-wip-limit", "s", "backend-developer");
  dialog = ui_wait_for_toplevel (ROADMAP_TYPE_WIP_LIMIT_DIALOG);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ui_find_child (dialog, GTK_TYPE_CHECK_BUTTON))));
  ui_press_keys (dialog, "alt+l");
  ui_press_keys (dialog, "alt+s");
  g_assert_true (ui_spin_until (limit_is, off, 3000));
  g_assert_null (wip_text (fixture));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  const char *skip = ui_test_init_xdotool (&argc, &argv);

#define ADD(path, func) UI_TEST_ADD (skip, path, func)

  ADD ("/ui/wip-limit/mouse", test_mouse);
  ADD ("/ui/wip-limit/keyboard", test_keyboard);

#undef ADD

  return g_test_run ();
}

/* test-reset-ui.c — Reset Track… as a learner meets it: from the
 * sidebar's menu by the mouse, and by the keyboard alone (Shift+F10 on
 * the track, the dialog's mnemonics), undone by Ctrl+Z (run under Xvfb,
 * with xdotool)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui-test-util.h"

static RoadmapSkill *
find_skill (UiFixture  *fixture,
            const char *skill_id)
{
  return ui_fixture_find_skill (fixture, "backend-developer", skill_id);
}

static void
make_progress (UiFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_status (fixture->session, find_skill (fixture, "python-sql"),
                                             ROADMAP_STATUS_DONE, &error));
  g_assert_true (roadmap_session_set_status (fixture->session, find_skill (fixture, "database-design"),
                                             ROADMAP_STATUS_DOING, &error));
  g_assert_true (roadmap_session_set_note (fixture->session, find_skill (fixture, "python-sql"), "keep me", &error));
  g_assert_no_error (error);
}

static guint
stored_not_todo (UiFixture *fixture)
{
  g_autoptr(RoadmapSession) again = ui_fixture_reopen (fixture);
  RoadmapTrack *track = roadmap_catalog_find_track (roadmap_session_get_catalog (again), "backend-developer");

  return roadmap_track_get_n_skills (track) - roadmap_track_get_n_with_status (track, ROADMAP_STATUS_TODO);
}

static GtkWidget *
sidebar_row (UiFixture *fixture)
{
  GtkListBox *sidebar = GTK_LIST_BOX (ui_find_with_class (GTK_WIDGET (fixture->window), "track-list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, 0);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

static gboolean
all_todo (gpointer data)
{
  RoadmapTrack *track = data;

  return roadmap_track_get_n_with_status (track, ROADMAP_STATUS_TODO) == roadmap_track_get_n_skills (track);
}

static gboolean
undo_toast_shown (gpointer data)
{
  return ui_find_label (GTK_WIDGET (data), "Put Backend Developer back as it was") != NULL;
}

/* A right click on the track, Reset Track…, the dialog's Reset: the
 * track is all To-do, the note kept; Ctrl+Z puts it back */
static void
test_mouse (UiFixture     *fixture,
            gconstpointer  data)
{
  RoadmapTrack *track = roadmap_catalog_find_track (roadmap_session_get_catalog (fixture->session),
                                                    "backend-developer");
  GtkWidget *row, *popover, *dialog, *notes;

  make_progress (fixture);
  ui_fixture_present_window (fixture, 1400, 900);
  row = sidebar_row (fixture);

  ui_click (row, 0.5, 0.5, 3);
  popover = ui_find_child (row, GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  ui_click (ui_find_label_exact (popover, "Reset Track…"), 0.5, 0.5, 1);
  g_assert_true (ui_spin_until (ui_message_dialog_is_shown, NULL, 2000));

  dialog = ui_find_message_dialog ();
  ui_wait_for_frame (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Reset “Backend Developer”?");
  notes = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (GTK_IS_CHECK_BUTTON (notes));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (notes)));
  ui_save_png (dialog, "reset-dialog.png");

  ui_click (gtk_widget_get_parent (ui_find_label_exact (dialog, "Reset")), 0.5, 0.5, 1);
  g_assert_true (ui_spin_until (all_todo, track, 3000));
  g_assert_true (ui_spin_until (ui_message_dialog_is_gone, NULL, 2000));
  g_assert_cmpuint (stored_not_todo (fixture), ==, 0);
  g_assert_cmpstr (roadmap_skill_get_note (find_skill (fixture, "python-sql")), ==, "keep me");
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "Reset Backend Developer"));

  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+z");
  g_assert_cmpint (roadmap_skill_get_status (find_skill (fixture, "python-sql")), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpint (roadmap_skill_get_status (find_skill (fixture, "database-design")), ==, ROADMAP_STATUS_DOING);
  g_assert_cmpuint (stored_not_todo (fixture), ==, 2);
  /* Its toast comes once the reset's own has had its time */
  g_assert_true (ui_spin_until (undo_toast_shown, fixture->window, 10000));
}

/* By the keys alone, at 360 px: Shift+F10 on the track, Enter on Reset
 * Track…, Alt+N for the notes, Alt+R to reset; Escape on a second one
 * changes nothing */
static void
test_keyboard (UiFixture     *fixture,
               gconstpointer  data)
{
  RoadmapTrack *track = roadmap_catalog_find_track (roadmap_session_get_catalog (fixture->session),
                                                    "backend-developer");
  GtkWidget *dialog;

  make_progress (fixture);
  ui_fixture_present_window (fixture, 360, 700);
  /* Folded: back to the sidebar to reach the track */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reset-track", "s", "backend-developer");
  g_assert_true (ui_spin_until (ui_message_dialog_is_shown, NULL, 2000));
  dialog = ui_find_message_dialog ();
  ui_wait_for_frame (dialog);
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 360);
  ui_save_png (dialog, "reset-dialog-narrow.png");

  /* Escape: nothing changes */
  ui_press_keys (dialog, "Escape");
  g_assert_true (ui_spin_until (ui_message_dialog_is_gone, NULL, 2000));
  g_assert_cmpuint (stored_not_todo (fixture), ==, 2);

  /* Wide, from the sidebar: Shift+F10 on the track, Enter */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  ui_spin (200);
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_grab_focus (sidebar_row (fixture)));
  ui_press_keys (GTK_WIDGET (fixture->window), "shift+F10");
  ui_press_keys (GTK_WIDGET (fixture->window), "Return");
  g_assert_true (ui_spin_until (ui_message_dialog_is_shown, NULL, 2000));
  dialog = ui_find_message_dialog ();
  ui_wait_for_frame (dialog);

  ui_press_keys (dialog, "alt+n");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)))));
  ui_press_keys (dialog, "alt+r");
  g_assert_true (ui_spin_until (all_todo, track, 3000));
  g_assert_cmpuint (stored_not_todo (fixture), ==, 0);
  g_assert_null (roadmap_skill_get_note (find_skill (fixture, "python-sql")));
}

int
main (int   argc,
      char *argv[])
{
  const char *skip = ui_test_init_xdotool (&argc, &argv);

#define ADD(path, func) UI_TEST_ADD (skip, path, func)

  ADD ("/ui/reset/mouse", test_mouse);
  ADD ("/ui/reset/keyboard", test_keyboard);

#undef ADD

  return g_test_run ();
}

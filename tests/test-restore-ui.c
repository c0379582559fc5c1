/* test-restore-ui.c — Back Up… and Restore… as a learner meets them: a
 * backup written from the primary menu and restored from the file
 * chooser by the mouse; a daily backup restored by the keys alone at
 * 360 px; the preview's counts; one undo step (run under Xvfb, with
 * xdotool)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-restore-window.h"
#include "ui-test-util.h"

static RoadmapSkill *
find_skill (UiFixture  *fixture,
            const char *skill_id)
{
  return ui_fixture_find_skill (fixture, "backend-developer", skill_id);
}

static void
set_status (UiFixture     *fixture,
            const char    *skill_id,
            RoadmapStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_status (fixture->session, find_skill (fixture, skill_id), status, &error));
  g_assert_no_error (error);
}

static void
make_progress (UiFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  set_status (fixture, "python-sql", ROADMAP_STATUS_DONE);
  set_status (fixture, "database-design", ROADMAP_STATUS_DOING);
  g_assert_true (roadmap_session_set_note (fixture->session, find_skill (fixture, "python-sql"), "keep me", &error));
  g_assert_no_error (error);
}

static gboolean
chooser_shown (gpointer data)
{
  return ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
restore_window_gone (gpointer data)
{
  return ui_find_toplevel (ROADMAP_TYPE_RESTORE_WINDOW) == NULL;
}

static gboolean
label_shown (gpointer data)
{
  const char * const *args = data;

  return ui_find_label (GTK_WIDGET (ui_find_toplevel (ROADMAP_TYPE_WINDOW)), args[0]) != NULL;
}

static gboolean
status_is (gpointer data)
{
  gpointer *args = data;

  return (int) roadmap_skill_get_status (args[0]) == GPOINTER_TO_INT (args[1]);
}

static void
wait_for_status (RoadmapSkill  *skill,
                 RoadmapStatus  status)
{
  gpointer args[] = { skill, GINT_TO_POINTER (status) };

  g_assert_true (ui_spin_until (status_is, args, 3000));
}

/* Answers the file chooser with @path; FALSE where it is a portal's */
static gboolean
choose_file (const char *path,
             const char *expected_name)
{
  GtkWindow *chooser;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (!ui_spin_until (chooser_shown, NULL, 3000))
    {
      g_test_message ("the file chooser is a portal's here: not driven");
      return FALSE;
    }

  chooser = ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  if (expected_name != NULL)
    {
      g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

      g_assert_cmpstr (name, ==, expected_name);
    }
  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      /* As typed into its name entry: a full path */
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), path);
    }
  else
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error);
    }
  g_assert_no_error (error);
  /* As a click on its button does: the chooser checks the name first */
  ui_spin (200);
  gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT));
  return TRUE;
}

/* The backup list's rows, and "Choose a File…" */
static GtkListBox *
backups_list (GtkWidget *restore_window)
{
  GtkWidget *list = ui_find_with_class (restore_window, "backup-list");

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

/* Back Up… from the primary menu writes the file; after more moves,
 * Restore… → Choose a File… brings it back, after a preview that counts
 * the changes; Ctrl+Z takes it back in one step */
static void
test_mouse (UiFixture     *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "backup.json", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *default_name = g_date_time_format (now, "roadmap-progress-%F.json");
  const char *backed_up[] = { "Progress backed up to backup.json", NULL };
  const char *restored[] = { "Restored progress from backup.json", NULL };
  RoadmapSkill *python = find_skill (fixture, "python-sql");
  GtkWidget *restore_window, *dialog;
  GtkWidget *menu_button, *popover;
  const char *body;

  make_progress (fixture);
  ui_fixture_present_window (fixture, 1400, 900);
  ui_assert_menu_action (fixture, "win.back-up", NULL);
  ui_assert_menu_action (fixture, "win.restore", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back-up", NULL));
  if (!choose_file (path, default_name))
    return;
  g_assert_true (ui_spin_until (label_shown, backed_up, 3000));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Later, the mistake, made from a terminal: both back to To-do, the
   * note replaced */
  {
    g_autoptr(RoadmapSession) terminal = ui_fixture_reopen (fixture);
    RoadmapCatalog *catalog = roadmap_session_get_catalog (terminal);
    g_autoptr(GError) error = NULL;

    g_assert_true (roadmap_session_set_status (terminal,
                                               roadmap_catalog_find_skill (catalog, "backend-developer", "python-sql"),
                                               ROADMAP_STATUS_TODO, &error));
    g_assert_true (roadmap_session_set_status (terminal,
                                               roadmap_catalog_find_skill (catalog, "backend-developer",
                                                                           "database-design"),
                                               ROADMAP_STATUS_TODO, &error));
    g_assert_true (roadmap_session_set_note (terminal,
                                             roadmap_catalog_find_skill (catalog, "backend-developer", "python-sql"),
                                             "oops", &error));
    g_assert_no_error (error);
  }
  wait_for_status (python, ROADMAP_STATUS_TODO);

  /* Restore… from the primary menu, by the mouse */
  menu_button = ui_find_main_menu_button (GTK_WIDGET (fixture->window));
  g_assert_nonnull (menu_button);
  ui_click (menu_button, 0.5, 0.5, 1);
  popover = ui_find_child (menu_button, GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_assert_true (ui_spin_until ((UiCondition) gtk_widget_get_mapped, popover, 2000));
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  ui_click (ui_find_label_exact (popover, "Restore…"), 0.5, 0.5, 1);
  restore_window = ui_wait_for_toplevel (ROADMAP_TYPE_RESTORE_WINDOW);
  /* Today's copy, taken when the store opened */
  g_assert_nonnull (gtk_list_box_get_row_at_index (backups_list (restore_window), 0));
  g_assert_nonnull (ui_find_label_exact (restore_window, "Today"));
  ui_save_png (restore_window, "restore-window.png");

  ui_click (ui_find_label_exact (restore_window, "Choose a File…"), 0.5, 0.5, 1);
  if (!choose_file (path, NULL))
    return;
  dialog = ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Restore From backup.json?");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "2 skills change status"));
  g_assert_nonnull (strstr (body, "1 note changes"));
  g_assert_null (strstr (body, "preference"));
  ui_save_png (dialog, "restore-preview.png");

  ui_click (gtk_widget_get_parent (ui_find_label_exact (dialog, "Restore")), 0.5, 0.5, 1);
  wait_for_status (python, ROADMAP_STATUS_DONE);
  g_assert_cmpint (roadmap_skill_get_status (find_skill (fixture, "database-design")), ==, ROADMAP_STATUS_DOING);
  g_assert_cmpstr (roadmap_skill_get_note (python), ==, "keep me");
  g_assert_true (ui_spin_until (restore_window_gone, NULL, 3000));
  g_assert_true (ui_spin_until (label_shown, restored, 10000));

  /* One step back */
  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+z");
  wait_for_status (python, ROADMAP_STATUS_TODO);
  g_assert_cmpstr (roadmap_skill_get_note (python), ==, "oops");
}

/* At 360 px, by the keys alone: F10 and R open Restore…, the first daily
 * backup (taken before any progress) by Enter, the preview's Restore by
 * Alt+R; Escape on a second preview changes nothing */
static void
test_keyboard (UiFixture     *fixture,
               gconstpointer  data)
{
  RoadmapSkill *python = find_skill (fixture, "python-sql");
  GtkWidget *restore_window, *dialog, *row;

  make_progress (fixture);
  ui_fixture_present_window (fixture, 360, 700);

  ui_press_keys (GTK_WIDGET (fixture->window), "F10");
  ui_spin (300);
  ui_press_keys (GTK_WIDGET (fixture->window), "r");
  restore_window = ui_wait_for_toplevel (ROADMAP_TYPE_RESTORE_WINDOW);
  g_assert_cmpint (gtk_widget_get_width (restore_window), <=, 360);
  ui_save_png (restore_window, "restore-window-narrow.png");

  /* The newest backup has the focus from the start; Escape on its
   * preview changes nothing */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (backups_list (restore_window), 0));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (restore_window)) == row);
  ui_press_keys (restore_window, "Return");
  dialog = ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "2 skills change status"));
  ui_save_png (dialog, "restore-preview-narrow.png");
  ui_press_keys (dialog, "Escape");
  ui_spin (300);
  g_assert_cmpint (roadmap_skill_get_status (python), ==, ROADMAP_STATUS_DONE);

  /* Again, and Alt+R; the focus came back to the row */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (restore_window)) == row);
  ui_press_keys (restore_window, "Return");
  dialog = ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ui_press_keys (dialog, "alt+r");
  wait_for_status (python, ROADMAP_STATUS_TODO);
  g_assert_null (roadmap_skill_get_note (python));
  g_assert_true (ui_spin_until (restore_window_gone, NULL, 3000));

  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+z");
  wait_for_status (python, ROADMAP_STATUS_DONE);
  g_assert_cmpstr (roadmap_skill_get_note (python), ==, "keep me");
}

/* A file that is not a backup says why and changes nothing */
static void
test_bad_file (UiFixture     *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notes.json", NULL);
  RoadmapSkill *python = find_skill (fixture, "python-sql");
  GtkWidget *restore_window, *dialog;

  make_progress (fixture);
  g_assert_true (g_file_set_contents (path, "{ \"format\": 3, \"kind\": \"shopping-list\" }", -1, NULL));
  ui_fixture_present_window (fixture, 1400, 900);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore", NULL));
  restore_window = ui_wait_for_toplevel (ROADMAP_TYPE_RESTORE_WINDOW);
  ui_click (ui_find_label_exact (restore_window, "Choose a File…"), 0.5, 0.5, 1);
  if (!choose_file (path, NULL))
    return;
  dialog = ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Cannot Restore From notes.json");
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  ui_save_png (dialog, "restore-bad-file.png");
  g_assert_cmpint (roadmap_skill_get_status (python), ==, ROADMAP_STATUS_DONE);
}

static gboolean
n_tracks_is (gpointer data)
{
  gpointer *args = data;
  UiFixture *fixture = args[0];
  GtkListBox *tracks = GTK_LIST_BOX (ui_find_with_class (GTK_WIDGET (fixture->window), "track-list"));
  int n = 0;

  while (gtk_list_box_get_row_at_index (tracks, n) != NULL)
    n++;
  return n == GPOINTER_TO_INT (args[1]);
}

/* A backup carrying an own roadmap the folder lost: the preview says
 * "1 roadmap added", and the track is in the sidebar once restored */
static void
test_own_roadmap (UiFixture     *fixture,
                  gconstpointer  data)
{
  GFile *dir = roadmap_session_get_user_roadmap_dir (fixture->session);
  g_autoptr(GFile) own = g_file_get_child (dir, "rust.json");
  g_autofree char *backup_path = g_build_filename (fixture->dir, "with-roadmap.json", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(GError) error = NULL;
  gpointer three[] = { fixture, GINT_TO_POINTER (3) };
  GtkWidget *restore_window, *dialog;

  g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (dir), 0700), ==, 0);
  g_assert_true (g_file_set_contents (g_file_peek_path (own),
                                      "{ \"format\": 1, \"id\": \"rust-dev\", \"title\": \"Rust Developer\","
                                      " \"phases\": [ { \"id\": \"basics\", \"title\": \"Basics\","
                                      " \"months\": [1, 2], \"skills\": [ { \"id\": \"ownership\","
                                      " \"title\": \"Ownership\" } ] } ] }", -1, NULL));
  g_assert_true (roadmap_session_export_progress (fixture->session, backup, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_delete (own, NULL, NULL));

  ui_fixture_present_window (fixture, 1400, 900);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore", NULL));
  restore_window = ui_wait_for_toplevel (ROADMAP_TYPE_RESTORE_WINDOW);
  ui_click (ui_find_label_exact (restore_window, "Choose a File…"), 0.5, 0.5, 1);
  if (!choose_file (backup_path, NULL))
    return;
  dialog = ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "1 roadmap added"));
  ui_save_png (dialog, "restore-preview-roadmap.png");
  ui_press_keys (dialog, "alt+r");
  g_assert_true (ui_spin_until (n_tracks_is, three, 3000));
  g_assert_true (g_file_query_exists (own, NULL));
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  ui_save_png (GTK_WIDGET (fixture->window), "restore-roadmap-added.png");
  g_assert_true (g_file_delete (own, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  const char *skip = ui_test_init_xdotool (&argc, &argv);

#define ADD(path, func) UI_TEST_ADD (skip, path, func)

  ADD ("/ui/restore/mouse", test_mouse);
  ADD ("/ui/restore/keyboard", test_keyboard);
  ADD ("/ui/restore/bad-file", test_bad_file);
  ADD ("/ui/restore/own-roadmap", test_own_roadmap);

#undef ADD

  return g_test_run ();
}

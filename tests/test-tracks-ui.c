/* test-tracks-ui.c — the learner's own roadmaps in the window: import by
 * the file chooser and by a drop, the hostile corpus through the import
 * (a dialog of problems, never a crash, nothing changed), a replace that
 * keeps the progress, customize and revert, remove and undo, the hidden
 * tracks shown again, another process's import seen by the folder's
 * monitor (run under Xvfb, with xdotool)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "roadmap-track-editor.h"
#include "roadmap-track-menu.h"
#include "roadmap-welcome-page.h"
#include "ui-test-util.h"

#define MY_TRACK \
  "{\"format\": 1, \"id\": \"my-track\", \"title\": \"%s\", \"phases\": [" \
  " {\"id\": \"basics\", \"title\": \"Basics\", \"months\": [1, 2], \"skills\": [" \
  "  {\"id\": \"shell\", \"title\": \"Shell\"}%s]}]}"

static void       collect (GtkWidget  *root,
                           GType       type,
                           GPtrArray  *found);
static GtkWidget *nth_row (GtkWidget  *root,
                           const char *title,
                           guint       n);

static GFile *
user_dir (UiFixture *fixture)
{
  return roadmap_session_get_user_roadmap_dir (fixture->session);
}

static char *
own_path (UiFixture  *fixture,
          const char *name)
{
  return g_build_filename (g_file_peek_path (user_dir (fixture)), name, NULL);
}

/* Each test starts from an empty roadmap folder: the process's private
 * home is shared by its tests */
static void
empty_roadmap_folder (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), APP_ID, "roadmaps", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

static void
set_up (UiFixture     *fixture,
        gconstpointer  data)
{
  empty_roadmap_folder ();
  ui_fixture_set_up (fixture, data);
}

static char *
write_roadmap (UiFixture  *fixture,
               const char *name,
               const char *title,
               const char *more_skills)
{
  g_autofree char *json = g_strdup_printf (MY_TRACK, title, more_skills);
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* The dialog shown, after its first frame */
static GtkWidget *
wait_for_dialog (void)
{
  GtkWidget *dialog;

  g_assert_true (ui_spin_until (ui_message_dialog_is_shown, NULL, 5000));
  dialog = ui_find_message_dialog ();
  ui_wait_for_frame (dialog);
  return dialog;
}

static void
respond (GtkWidget  *dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (ui_spin_until (ui_message_dialog_is_gone, NULL, 5000));
}

static gboolean
has_track (gpointer data)
{
  UiFixture *fixture = ((gpointer *) data)[0];

  return roadmap_catalog_find_track (roadmap_session_get_catalog (fixture->session), ((gpointer *) data)[1]) != NULL &&
         !roadmap_catalog_is_hidden (roadmap_session_get_catalog (fixture->session), ((gpointer *) data)[1]);
}

static gboolean
wait_for_track (UiFixture  *fixture,
                const char *track_id,
                gboolean    present)
{
  gpointer data[] = { fixture, (gpointer) track_id };
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  if (present)
    return ui_spin_until (has_track, data, 5000);
  while (has_track (data) && g_get_monotonic_time () < until)
    ui_spin (20);
  return !has_track (data);
}

static const char *
board_track_id (UiFixture *fixture)
{
  RoadmapTrack *track = roadmap_board_get_track (roadmap_window_get_board (fixture->window));

  return track != NULL ? roadmap_track_get_id (track) : NULL;
}

static gboolean
shows_my_track (gpointer data)
{
  return g_strcmp0 (board_track_id (data), "my-track") == 0;
}

static gboolean
toast_shown (gpointer data)
{
  return ui_find_label (GTK_WIDGET (((gpointer *) data)[0]), ((gpointer *) data)[1]) != NULL;
}

static void
assert_toast (UiFixture  *fixture,
              const char *text)
{
  gpointer data[] = { fixture->window, (gpointer) text };

  g_assert_true (ui_spin_until (toast_shown, data, 15000));
}

/* A file dropped on the window, as a file manager drops it */
static void
drop_file (UiFixture  *fixture,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  GdkFileList *list;
  GValue value = G_VALUE_INIT;
  gboolean taken = FALSE;
  GtkDropTarget *target = NULL;

  for (guint i = 0; target == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                             GDK_TYPE_FILE_LIST))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  list = gdk_file_list_new_from_list (&(GSList) { file, NULL });
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &taken);
  g_value_unset (&value);
  g_assert_true (taken);
}

static GtkWidget *
find_file_chooser (void)
{
  return GTK_WIDGET (ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

static gboolean
chooser_is_shown (gpointer data)
{
  GtkWidget *chooser = find_file_chooser ();

  return chooser != NULL && gtk_widget_get_mapped (chooser);
}

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (data));

  return file != NULL;
}

/* Ctrl+O, the chooser given @path, Import */
static void
import_by_chooser (UiFixture  *fixture,
                   const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *chooser;

  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+o");
  g_assert_true (ui_spin_until (chooser_is_shown, NULL, 5000));
  chooser = find_file_chooser ();
  ui_wait_for_frame (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Import Roadmap");
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error));
  g_assert_no_error (error);
  /* The chooser selects the file once it has listed its folder */
  g_assert_true (ui_spin_until (chooser_has_file, chooser, 5000));
  ui_save_png (chooser, "tracks-import-chooser.png");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

/* Ctrl+O, a good file: a track of its own, on the board, a toast with
 * Undo; Ctrl+Z takes it away again */
static void
test_import_chooser (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_roadmap (fixture, "mine.json", "My Track", "");
  g_autofree char *own = own_path (fixture, "my-track.json");

  ui_fixture_present_window (fixture, 1280, 760);
  import_by_chooser (fixture, path);
  g_assert_true (wait_for_track (fixture, "my-track", TRUE));
  g_assert_true (g_file_test (own, G_FILE_TEST_IS_REGULAR));
  g_assert_true (ui_spin_until (shows_my_track, fixture, 2000));
  assert_toast (fixture, "Imported “My Track”");
  ui_save_png (GTK_WIDGET (fixture->window), "tracks-imported.png");

  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+z");
  g_assert_true (wait_for_track (fixture, "my-track", FALSE));
  g_assert_false (g_file_test (own, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (board_track_id (fixture), !=, "my-track");
  g_assert_nonnull (board_track_id (fixture));
}

static gboolean
problems_listed (gpointer data)
{
  GtkWidget *dialog = ui_find_message_dialog ();

  return dialog != NULL && ui_find_with_class (dialog, "import-problems") != NULL;
}

/* Every hostile file, dropped: a dialog of its problems, each with its
 * JSON path; nothing changes, nothing crashes */
static void
test_import_hostile (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n_tracks, n_files = 0;
  const char *name;

  ui_fixture_present_window (fixture, 1280, 760);
  n_tracks = g_list_model_get_n_items (G_LIST_MODEL (roadmap_session_get_catalog (fixture->session)));
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *heading = NULL;
      GtkWidget *dialog;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir, name, NULL);
      drop_file (fixture, path);
      g_assert_true (ui_spin_until (problems_listed, NULL, 5000));
      dialog = ui_find_message_dialog ();
      heading = g_strdup_printf ("Could Not Import “%s”", name);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, heading);
      g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                       "Nothing was changed."));
      if (g_str_equal (name, "months-reversed.json"))
        {
          GtkLabel *problems = GTK_LABEL (ui_find_with_class (dialog, "import-problems"));

          g_assert_cmpstr (gtk_label_get_text (problems), ==,
                           "phases[1].months: the first month (4) comes after the last (2)");
          ui_wait_for_frame (dialog);
          ui_save_png (dialog, "tracks-import-problems.png");
        }
      respond (dialog, "close");
      n_files++;
    }
  g_assert_cmpuint (n_files, >, 40);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (roadmap_session_get_catalog (fixture->session))), ==,
                    n_tracks);
  {
    g_autoptr(GDir) own = g_dir_open (g_file_peek_path (user_dir (fixture)), 0, NULL);

    g_assert_true (own == NULL || g_dir_read_name (own) == NULL);
  }
  g_assert_false (roadmap_session_can_undo (fixture->session));

  /* Several problems, all listed; at 360 px */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "many.json", NULL);
    GtkWidget *dialog;
    const char *text;

    g_assert_true (g_file_set_contents (path,
                                        "{\"format\": 1, \"id\": \"Bad\", \"title\": \"\", \"phases\": ["
                                        "{\"id\": \"p\", \"title\": \"P\", \"months\": [2, 1], \"skills\": ["
                                        "{\"id\": \"a\", \"title\": \"A\", \"resources\": "
                                        "[{\"title\": \"t\", \"url\": \"javascript:alert(1)\"}]}]}]}",
                                        -1, NULL));
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
    ui_spin (200);
    drop_file (fixture, path);
    g_assert_true (ui_spin_until (problems_listed, NULL, 5000));
    dialog = wait_for_dialog ();
    g_assert_cmpint (gtk_widget_get_width (dialog), <=, 360);
    g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                     "Nothing was changed. Mend these 4 problems and import the file again.");
    text = gtk_label_get_text (GTK_LABEL (ui_find_with_class (dialog, "import-problems")));
    g_assert_nonnull (strstr (text, "id: "));
    g_assert_nonnull (strstr (text, "\ntitle: "));
    g_assert_nonnull (strstr (text, "\nphases[0].months: "));
    g_assert_nonnull (strstr (text, "\nphases[0].skills[0].resources[0].url: "));
    ui_save_png (dialog, "tracks-import-problems-narrow.png");
    respond (dialog, "close");
  }
}

/* A drop of a file whose id is there: asked first; Replace keeps the
 * progress of the skills whose id remains; Cancel changes nothing */
static void
test_replace (UiFixture     *fixture,
              gconstpointer  data)
{
  g_autofree char *first = write_roadmap (fixture, "first.json", "My Track", "");
  g_autofree char *second = write_roadmap (fixture, "second.json", "My Track, Revised",
                                           ", {\"id\": \"git\", \"title\": \"Git\"}");
  g_autofree char *own = own_path (fixture, "my-track.json");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  RoadmapTrack *track;
  GtkWidget *dialog;

  ui_fixture_present_window (fixture, 1280, 760);
  drop_file (fixture, first);
  g_assert_true (wait_for_track (fixture, "my-track", TRUE));
  g_assert_true (roadmap_session_set_status (fixture->session, ui_fixture_find_skill (fixture, "my-track", "shell"),
                                             ROADMAP_STATUS_DONE, &error));
  g_assert_no_error (error);

  /* Cancel: as it was */
  drop_file (fixture, second);
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Replace “My Track”?");
  ui_save_png (dialog, "tracks-replace.png");
  ui_press_keys (dialog, "Escape");
  g_assert_true (ui_spin_until (ui_message_dialog_is_gone, NULL, 5000));
  g_assert_true (g_file_get_contents (own, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "Revised"));
  g_clear_pointer (&contents, g_free);

  /* Replace, by its mnemonic */
  drop_file (fixture, second);
  dialog = wait_for_dialog ();
  ui_press_keys (dialog, "alt+r");
  g_assert_true (ui_spin_until (ui_message_dialog_is_gone, NULL, 5000));
  assert_toast (fixture, "Replaced “My Track, Revised”");
  track = roadmap_catalog_find_track (roadmap_session_get_catalog (fixture->session), "my-track");
  g_assert_cmpstr (roadmap_track_get_title (track), ==, "My Track, Revised");
  g_assert_cmpint (roadmap_skill_get_status (roadmap_track_find_skill (track, "shell")), ==, ROADMAP_STATUS_DONE);
  g_assert_nonnull (roadmap_track_find_skill (track, "git"));
  g_assert_cmpstr (board_track_id (fixture), ==, "my-track");
  g_assert_true (g_file_get_contents (own, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Revised"));
}

static gboolean
row_shown (gpointer data)
{
  UiFixture *fixture = ((gpointer *) data)[0];
  GtkWidget *sidebar = ui_find_with_class (GTK_WIDGET (fixture->window), "track-list");

  return ui_find_label_exact (sidebar, ((gpointer *) data)[1]) != NULL;
}

/* Remove Track… from the sidebar's menu: asked first; an own track's file
 * goes, a bundled one is hidden; Undo brings each back; Show Hidden
 * Tracks… too */
static void
test_remove (UiFixture     *fixture,
             gconstpointer  data)
{
  g_autofree char *path = write_roadmap (fixture, "mine.json", "My Track", "");
  g_autofree char *own = own_path (fixture, "my-track.json");
  g_autoptr(GError) error = NULL;
  GtkWidget *sidebar, *row, *popover, *dialog;
  gpointer shown[] = { fixture, "Data Engineer" };

  ui_fixture_present_window (fixture, 1280, 760);
  drop_file (fixture, path);
  g_assert_true (wait_for_track (fixture, "my-track", TRUE));
  g_assert_true (roadmap_session_set_status (fixture->session, ui_fixture_find_skill (fixture, "my-track", "shell"),
                                             ROADMAP_STATUS_DOING, &error));
  g_assert_false (ui_menu_item_is_sensitive (GTK_WIDGET (fixture->window), "Show Hidden Tracks…"));

  /* The own track, by a right click on its row */
  sidebar = ui_find_with_class (GTK_WIDGET (fixture->window), "track-list");
  row = gtk_widget_get_ancestor (ui_find_label_exact (sidebar, "My Track"), GTK_TYPE_LIST_BOX_ROW);
  ui_click (row, 0.5, 0.5, 3);
  popover = ui_find_child (row, GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_assert_null (ui_find_label_exact (popover, "Customize…"));
  g_assert_null (ui_find_label_exact (popover, "Revert to Original…"));
  ui_click (ui_find_label_exact (popover, "Remove Track…"), 0.5, 0.5, 1);
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Remove “My Track”?");
  ui_save_png (dialog, "tracks-remove.png");
  ui_press_keys (dialog, "alt+r");
  g_assert_true (wait_for_track (fixture, "my-track", FALSE));
  g_assert_false (g_file_test (own, G_FILE_TEST_EXISTS));
  assert_toast (fixture, "Removed “My Track”");
  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+z");
  g_assert_true (wait_for_track (fixture, "my-track", TRUE));
  g_assert_true (g_file_test (own, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (roadmap_skill_get_status (ui_fixture_find_skill (fixture, "my-track", "shell")), ==,
                   ROADMAP_STATUS_DOING);

  /* A bundled track, by the keyboard: hidden, then shown again from the
   * main menu's dialog */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.remove-track", "s", "data-engineer");
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Remove “Data Engineer”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Show Hidden Tracks"));
  ui_press_keys (dialog, "Return");  /* the default: Cancel */
  g_assert_true (ui_spin_until (ui_message_dialog_is_gone, NULL, 5000));
  g_assert_true (wait_for_track (fixture, "data-engineer", TRUE));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.remove-track", "s", "data-engineer");
  dialog = wait_for_dialog ();
  ui_press_keys (dialog, "alt+r");
  g_assert_true (wait_for_track (fixture, "data-engineer", FALSE));
  g_assert_true (roadmap_catalog_is_hidden (roadmap_session_get_catalog (fixture->session), "data-engineer"));
  g_assert_false (ui_spin_until (row_shown, shown, 300));
  {
    g_autoptr(RoadmapSession) again = ui_fixture_reopen (fixture);

    g_assert_true (roadmap_catalog_is_hidden (roadmap_session_get_catalog (again), "data-engineer"));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-hidden-tracks", NULL));
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Hidden Tracks");
  g_assert_nonnull (ui_find_label_exact (dialog, "Data Engineer"));
  ui_save_png (dialog, "tracks-hidden.png");
  ui_click (gtk_widget_get_parent (ui_find_label_exact (dialog, "Show")), 0.5, 0.5, 1);
  g_assert_true (wait_for_track (fixture, "data-engineer", TRUE));
  g_assert_true (ui_spin_until (ui_message_dialog_is_gone, NULL, 5000));
  g_assert_true (ui_spin_until (row_shown, shown, 5000));
}

/* Customize… a bundled track: the learner's own copy, with the progress;
 * Revert to Original… asks, and the bundled one is back */
static void
test_customize_revert (UiFixture     *fixture,
                       gconstpointer  data)
{
  g_autofree char *own = own_path (fixture, "backend-developer.json");
  g_autoptr(GError) error = NULL;
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  RoadmapTrack *track;
  GtkWidget *dialog, *editor;
  GMenuModel *menu;

  g_assert_true (roadmap_session_set_status (fixture->session,
                                             ui_fixture_find_skill (fixture, "backend-developer", "python-sql"),
                                             ROADMAP_STATUS_DONE, &error));
  g_assert_true (roadmap_session_set_status (fixture->session,
                                             ui_fixture_find_skill (fixture, "backend-developer", "database-design"),
                                             ROADMAP_STATUS_DOING, &error));
  ui_fixture_present_window (fixture, 1280, 760);
  track = roadmap_catalog_find_track (catalog, "backend-developer");
  menu = roadmap_track_menu_new (track, catalog);
  g_assert_true (ui_menu_has_action (menu, "win.customize-track"));
  g_assert_false (ui_menu_has_action (menu, "win.revert-track"));
  g_object_unref (menu);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.customize-track", "s",
                                             "backend-developer"));
  editor = ui_wait_for_toplevel (ROADMAP_TYPE_TRACK_EDITOR);
  ui_wait_for_frame (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit “Backend Developer”");
  ui_save_png (editor, "tracks-customize-editor.png");

  /* Edited: a title of its own, a skill deleted */
  gtk_editable_set_text (GTK_EDITABLE (nth_row (editor, "_Title", 0)), "My Backend");
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    collect (nth_row (editor, "Database Design", 0), GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Delete “Database Design”") == 0)
        gtk_widget_activate (g_ptr_array_index (buttons, i));
    ui_spin (400);
  }
  ui_press_keys (editor, "ctrl+s");
  assert_toast (fixture, "“My Backend” is yours to edit");
  g_assert_null (roadmap_track_find_skill (roadmap_catalog_find_track (catalog, "backend-developer"),
                                           "database-design"));
  g_assert_true (g_file_test (own, G_FILE_TEST_IS_REGULAR));
  track = roadmap_catalog_find_track (catalog, "backend-developer");
  g_assert_nonnull (roadmap_track_get_source (track));
  g_assert_cmpint (roadmap_skill_get_status (roadmap_track_find_skill (track, "python-sql")), ==,
                   ROADMAP_STATUS_DONE);
  g_assert_cmpstr (board_track_id (fixture), ==, "backend-developer");
  g_assert_true (roadmap_board_get_track (roadmap_window_get_board (fixture->window)) == track);
  menu = roadmap_track_menu_new (track, catalog);
  g_assert_false (ui_menu_has_action (menu, "win.customize-track"));
  g_assert_true (ui_menu_has_action (menu, "win.revert-track"));
  g_object_unref (menu);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.revert-track", "s",
                                             "backend-developer"));
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Revert “My Backend” to the Original?");
  ui_save_png (dialog, "tracks-revert.png");
  ui_press_keys (dialog, "alt+r");
  g_assert_true (ui_spin_until (ui_message_dialog_is_gone, NULL, 5000));
  assert_toast (fixture, "Reverted “My Backend” to the original");
  g_assert_false (g_file_test (own, G_FILE_TEST_EXISTS));
  track = roadmap_catalog_find_track (catalog, "backend-developer");
  g_assert_null (roadmap_track_get_source (track));
  g_assert_cmpstr (roadmap_track_get_title (track), ==, "Backend Developer");
  g_assert_cmpint (roadmap_skill_get_status (roadmap_track_find_skill (track, "python-sql")), ==,
                   ROADMAP_STATUS_DONE);
  /* The skill the copy dropped, back as it was */
  g_assert_cmpint (roadmap_skill_get_status (roadmap_track_find_skill (track, "database-design")), ==,
                   ROADMAP_STATUS_DOING);
  g_assert_true (roadmap_board_get_track (roadmap_window_get_board (fixture->window)) == track);
}

/* Another process imports a roadmap: the sidebar shows it within a
 * second; it removes it: gone as soon */
static void
test_outside_import (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_roadmap (fixture, "mine.json", "From The Terminal", "");
  const char *argv[] = { g_getenv ("ROADMAP_TEST_EXE"),
                         "--db", fixture->db_path, "--import-roadmap", path, NULL };
  const char *remove_argv[] = { argv[0], "--db", fixture->db_path, "--remove-track", "my-track", NULL };
  gpointer shown[] = { fixture, "From The Terminal" };
  g_autoptr(GError) error = NULL;
  int status;

  ui_fixture_present_window (fixture, 1280, 760);
  ui_spin (500);  /* the folder watched after the first frame */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (ui_spin_until (row_shown, shown, 1000));
  ui_save_png (GTK_WIDGET (fixture->window), "tracks-outside-import.png");

  g_assert_true (g_spawn_sync (NULL, (char **) remove_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (wait_for_track (fixture, "my-track", FALSE));
  g_assert_false (row_shown (shown));
}

/* The widgets of @type in @root, in the order of the page */
static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

/* The @n-th row titled @title */
static GtkWidget *
nth_row (GtkWidget  *root,
         const char *title,
         guint       n)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (root, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0 && n-- == 0)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
}

static gboolean
has_focus_in (GtkWidget *window,
              GtkWidget *target)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target));
}

/* Tab, as a learner presses it, until the keyboard is on @target */
static void
tab_to (GtkWidget *window,
        GtkWidget *target)
{
  for (guint i = 0; i < 30 && !has_focus_in (window, target); i++)
    ui_press_keys (window, "Tab");
  g_assert_true (has_focus_in (window, target));
}

static void
type_text (GtkWidget  *window,
           const char *text)
{
  g_autofree char *quoted = g_shell_quote (text);

  g_free (ui_xdotool ("type --delay 15 %s", quoted));
  ui_spin (200);
}

/* Ctrl+N, and by the keys alone a track of two phases and three skills:
 * Tab from field to field, Enter on Add Skill and Add Phase, Ctrl+S */
static void
test_new_track_keyboard (UiFixture     *fixture,
                         gconstpointer  data)
{
  g_autofree char *own = own_path (fixture, "my-plan.json");
  GtkWidget *window, *editor;
  RoadmapTrack *track;
  GListModel *phases;

  ui_fixture_present_window (fixture, 1280, 760);
  window = GTK_WIDGET (fixture->window);
  ui_press_keys (window, "ctrl+n");
  editor = ui_wait_for_toplevel (ROADMAP_TYPE_TRACK_EDITOR);
  ui_wait_for_frame (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Track");

  /* The title first; the id follows it */
  g_assert_true (has_focus_in (editor, nth_row (editor, "_Title", 0)));
  type_text (editor, "My Plan");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nth_row (editor, "_Id", 0))), ==, "my-plan");

  tab_to (editor, nth_row (editor, "_Title", 1));
  type_text (editor, "Foundations");
  tab_to (editor, nth_row (editor, "_Add Skill", 0));
  ui_press_keys (editor, "Return");
  g_assert_true (has_focus_in (editor, nth_row (editor, "_Title", 2)));
  type_text (editor, "Shell");
  tab_to (editor, nth_row (editor, "_Add Skill", 0));
  ui_press_keys (editor, "Return");
  type_text (editor, "Git");
  ui_save_png (editor, "tracks-new-editor.png");

  tab_to (editor, gtk_widget_get_ancestor (ui_find_label_exact (editor, "Add Phase"), GTK_TYPE_BUTTON));
  ui_press_keys (editor, "Return");
  type_text (editor, "Projects");
  tab_to (editor, nth_row (editor, "_Add Skill", 1));
  ui_press_keys (editor, "Return");
  type_text (editor, "Portfolio Site");
  ui_press_keys (editor, "ctrl+s");
  g_assert_true (wait_for_track (fixture, "my-plan", TRUE));
  assert_toast (fixture, "Created “My Plan”");
  g_assert_true (g_file_test (own, G_FILE_TEST_IS_REGULAR));
  track = roadmap_catalog_find_track (roadmap_session_get_catalog (fixture->session), "my-plan");
  phases = roadmap_track_get_phases (track);
  g_assert_cmpuint (g_list_model_get_n_items (phases), ==, 2);
  g_assert_cmpuint (roadmap_track_get_n_skills (track), ==, 3);
  g_assert_nonnull (roadmap_track_find_skill (track, "shell"));
  g_assert_nonnull (roadmap_track_find_skill (track, "git"));
  g_assert_nonnull (roadmap_track_find_skill (track, "portfolio-site"));
  g_assert_cmpstr (board_track_id (fixture), ==, "my-plan");
  ui_save_png (window, "tracks-new-board.png");
}

static gboolean
focus_on_title (gpointer data)
{
  return has_focus_in (data, nth_row (nth_row (data, "New Skill", 0), "_Title", 0));
}

/* The skills' rows of the editor, by their titles */
static const char *
skill_titles (GtkWidget *editor)
{
  static char *titles;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GString) joined = g_string_new (NULL);

  collect (editor, ADW_TYPE_EXPANDER_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? " " : "",
                            adw_preferences_row_get_title (g_ptr_array_index (rows, i)));
  g_free (titles);
  titles = g_string_free (g_steal_pointer (&joined), FALSE);
  return titles;
}

static GtkWidget *
open_editor_on (UiFixture  *fixture,
                const char *action,
                const char *track_id)
{
  GtkWidget *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, "s", track_id));
  editor = ui_wait_for_toplevel (ROADMAP_TYPE_TRACK_EDITOR);
  ui_wait_for_frame (editor);
  return editor;
}

static gboolean
editor_is_gone (gpointer data)
{
  GtkWindow *editor = ui_find_toplevel (ROADMAP_TYPE_TRACK_EDITOR);

  return editor == NULL || !gtk_widget_get_visible (GTK_WIDGET (editor));
}

/* Edit… an own track at 360 px: a skill moved up, one deleted, a bad
 * link and an empty title each shown on its field and nothing saved;
 * mended, saved; the progress kept, the deleted skill's too (it comes
 * back with an undo); a file changed elsewhere meanwhile is never
 * overwritten */
static void
test_edit (UiFixture     *fixture,
           gconstpointer  data)
{
  g_autofree char *path = write_roadmap (fixture, "mine.json", "My Track",
                                         ", {\"id\": \"git\", \"title\": \"Git\"}, {\"id\": \"vim\", \"title\": \"Vim\"}");
  g_autofree char *own = own_path (fixture, "my-track.json");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor, *links = NULL, *title, *problems;
  RoadmapTrack *track;
  RoadmapPhase *phase;

  ui_fixture_present_window (fixture, 360, 700);
  drop_file (fixture, path);
  g_assert_true (wait_for_track (fixture, "my-track", TRUE));
  g_assert_true (roadmap_session_set_status (fixture->session, ui_fixture_find_skill (fixture, "my-track", "vim"),
                                             ROADMAP_STATUS_DONE, &error));
  g_assert_true (roadmap_session_set_status (fixture->session, ui_fixture_find_skill (fixture, "my-track", "git"),
                                             ROADMAP_STATUS_DOING, &error));
  g_assert_no_error (error);

  editor = open_editor_on (fixture, "win.edit-track", "my-track");
  g_assert_cmpint (gtk_widget_get_width (editor), <=, 360);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (nth_row (editor, "_Id", 0))));
  ui_save_png (editor, "tracks-edit-narrow.png");

  /* Vim up, by its button; then Shell deleted */
  problems = ui_find_with_class (editor, "editor-problems");
  g_assert_false (gtk_widget_get_visible (problems));
  {
    GtkWidget *vim = nth_row (editor, "Vim", 0);
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    collect (vim, GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Move “Vim” Up") == 0)
        gtk_widget_activate (g_ptr_array_index (buttons, i));
    ui_spin (400);  /* a button activated is clicked once it has shown it */
    g_assert_cmpstr (skill_titles (editor), ==, "Shell Vim Git");

    g_ptr_array_set_size (buttons, 0);
    collect (nth_row (editor, "Shell", 0), GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Delete “Shell”") == 0)
        gtk_widget_activate (g_ptr_array_index (buttons, i));
    ui_spin (400);  /* a button activated is clicked once it has shown it */
    g_assert_cmpstr (skill_titles (editor), ==, "Vim Git");
  }

  /* Git: its title emptied, a link that is not http(s) */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (nth_row (editor, "Git", 0)), TRUE);
  ui_spin (100);
  title = nth_row (nth_row (editor, "Git", 0), "_Title", 0);
  {
    g_autoptr(GPtrArray) views = g_ptr_array_new ();

    collect (nth_row (editor, "Git", 0), GTK_TYPE_TEXT_VIEW, views);
    g_assert_cmpuint (views->len, ==, 2);
    links = g_ptr_array_index (views, 1);
  }
  gtk_editable_set_text (GTK_EDITABLE (title), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (links)), "file:///etc/passwd Passwords", -1);
  ui_press_keys (editor, "ctrl+s");
  g_assert_true (gtk_widget_get_visible (problems));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problems)), ==,
                   "Phase 1 › Skill 2 › Title: the text must not be empty\n"
                   "Phase 1 › Skill 2 › Links: “file:///etc/passwd” is not allowed: "
                   "links must be http:// or https:// addresses");
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  g_assert_true (gtk_widget_has_css_class (links, "error"));
  g_assert_true (ui_spin_until (focus_on_title, editor, 2000));
  ui_save_png (editor, "tracks-edit-problems-narrow.png");
  g_assert_true (g_file_get_contents (own, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"shell\""));
  g_clear_pointer (&contents, g_free);

  /* Mended: saved, in the order shown */
  gtk_editable_set_text (GTK_EDITABLE (title), "Git & GitHub");
  g_assert_false (gtk_widget_has_css_class (title, "error"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (links)), "https://git-scm.com/book Pro Git", -1);
  ui_press_keys (editor, "ctrl+s");
  g_assert_true (ui_spin_until (editor_is_gone, NULL, 5000));
  assert_toast (fixture, "Saved “My Track”");
  track = roadmap_catalog_find_track (roadmap_session_get_catalog (fixture->session), "my-track");
  phase = g_list_model_get_item (roadmap_track_get_phases (track), 0);
  g_assert_cmpuint (roadmap_phase_get_n_skills (phase), ==, 2);
  g_assert_cmpstr (roadmap_skill_get_id (roadmap_phase_peek_skill (phase, 0)), ==, "vim");
  g_assert_cmpstr (roadmap_skill_get_title (roadmap_phase_peek_skill (phase, 1)), ==, "Git & GitHub");
  g_object_unref (phase);
  g_assert_cmpint (roadmap_skill_get_status (roadmap_track_find_skill (track, "vim")), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpint (roadmap_skill_get_status (roadmap_track_find_skill (track, "git")), ==, ROADMAP_STATUS_DOING);
  g_assert_null (roadmap_track_find_skill (track, "shell"));

  /* A file changed elsewhere while the editor is open: refused */
  editor = open_editor_on (fixture, "win.edit-track", "my-track");
  gtk_editable_set_text (GTK_EDITABLE (nth_row (editor, "_Title", 0)), "Mine Now");
  g_assert_true (g_file_get_contents (own, &contents, NULL, NULL));
  {
    g_autoptr(GString) other = g_string_new (contents);

    g_string_replace (other, "My Track", "Changed Elsewhere", 1);
    g_assert_true (g_file_set_contents (own, other->str, -1, NULL));
  }
  ui_press_keys (editor, "ctrl+s");
  problems = ui_find_with_class (editor, "editor-problems");
  g_assert_true (gtk_widget_get_visible (problems));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problems)), "changed elsewhere"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (own, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Changed Elsewhere"));
  g_assert_null (strstr (contents, "Mine Now"));

  /* Closing asks before the changes are lost */
  ui_press_keys (editor, "Escape");
  g_assert_true (ui_spin_until (ui_message_dialog_is_shown, NULL, 5000));
  ui_press_keys (ui_find_message_dialog (), "alt+d");
  g_assert_true (ui_spin_until (editor_is_gone, NULL, 5000));
}

/* Export Roadmap… from the track's menu: the file chooser; the file
 * written, edits included, is one --validate accepts and an import takes
 * back */
static void
test_export (UiFixture     *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autofree char *path = g_build_filename (fixture->dir, "shared.json", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("ROADMAP_TEST_EXE"), "--validate", path, NULL };
  g_autofree char *out = NULL;
  GtkWidget *chooser, *dialog;
  int status;

  ui_fixture_present_window (fixture, 1280, 760);
  {
    RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
    g_autoptr(GMenuModel) menu = roadmap_track_menu_new (roadmap_catalog_find_track (catalog, "data-engineer"),
                                                         catalog);

    g_assert_true (ui_menu_has_action (menu, "win.export-roadmap"));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-roadmap", "s",
                                             "data-engineer"));
  g_assert_true (ui_spin_until (chooser_is_shown, NULL, 5000));
  chooser = find_file_chooser ();
  ui_wait_for_frame (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Export Roadmap");
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (name, ==, "data-engineer.json");
  }
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "shared.json");
  ui_spin (300);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  assert_toast (fixture, "Exported “Data Engineer” to shared.json");

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "");

  /* Taken back: the same id, so asked first */
  drop_file (fixture, path);
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Replace “Data Engineer”?");
  respond (dialog, "cancel");
}

static void
set_up_first_start (UiFixture     *fixture,
                    gconstpointer  data)
{
  empty_roadmap_folder ();
  ui_fixture_set_up_full (fixture, TRUE);
}

static GtkWidget *
welcome_page (UiFixture *fixture)
{
  return ui_find_child (GTK_WIDGET (fixture->window), ROADMAP_TYPE_WELCOME_PAGE);
}

static gboolean
welcome_is_gone (gpointer data)
{
  return welcome_page (data) == NULL;
}

/* The first start: the welcome page, its tracks; one chosen by the keys
 * (Tab, Enter) hides the others, in one undo step; the page is not shown
 * again */
static void
test_welcome_choose (UiFixture     *fixture,
                     gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  GtkWidget *welcome, *row;

  ui_fixture_present_window (fixture, 1280, 760);
  welcome = welcome_page (fixture);
  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_get_mapped (welcome));
  g_assert_nonnull (ui_find_label_exact (welcome, "I’m learning…"));
  row = nth_row (welcome, "Data Engineer", 0);
  g_assert_nonnull (nth_row (welcome, "Backend Developer", 0));
  ui_save_png (GTK_WIDGET (fixture->window), "welcome.png");

  tab_to (GTK_WIDGET (fixture->window), row);
  ui_press_keys (GTK_WIDGET (fixture->window), "Return");
  g_assert_true (ui_spin_until (welcome_is_gone, fixture, 5000));
  g_assert_cmpstr (board_track_id (fixture), ==, "data-engineer");
  g_assert_true (roadmap_catalog_is_hidden (catalog, "backend-developer"));
  g_assert_false (roadmap_catalog_is_hidden (catalog, "data-engineer"));
  assert_toast (fixture, "Following “Data Engineer”");
  ui_save_png (GTK_WIDGET (fixture->window), "welcome-chosen.png");

  /* Undone: every track again, the board stays */
  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+z");
  g_assert_true (wait_for_track (fixture, "backend-developer", TRUE));
  g_assert_cmpstr (board_track_id (fixture), ==, "data-engineer");

  /* The next window opens on the board */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  ui_spin (50);
  ui_fixture_present_window (fixture, 1280, 760);
  g_assert_null (welcome_page (fixture));
  g_assert_nonnull (board_track_id (fixture));
}

/* At 360 px; Start an Empty Track: the editor; saved, the new track is
 * the one followed */
static void
test_welcome_empty (UiFixture     *fixture,
                    gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  GtkWidget *welcome, *editor;

  ui_fixture_present_window (fixture, 360, 700);
  welcome = welcome_page (fixture);
  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_get_mapped (welcome));
  ui_save_png (GTK_WIDGET (fixture->window), "welcome-narrow.png");
  gtk_widget_activate (gtk_widget_get_ancestor (ui_find_label_exact (welcome, "Start an Empty Track"),
                                                GTK_TYPE_BUTTON));
  editor = ui_wait_for_toplevel (ROADMAP_TYPE_TRACK_EDITOR);
  ui_wait_for_frame (editor);
  type_text (editor, "Rust");
  tab_to (editor, nth_row (editor, "_Title", 1));
  type_text (editor, "Basics");
  ui_save_png (editor, "welcome-editor-narrow.png");
  ui_press_keys (editor, "ctrl+s");
  g_assert_true (wait_for_track (fixture, "rust", TRUE));
  g_assert_true (ui_spin_until (welcome_is_gone, fixture, 5000));
  g_assert_cmpstr (board_track_id (fixture), ==, "rust");
  g_assert_true (roadmap_catalog_is_hidden (catalog, "backend-developer"));
  g_assert_true (roadmap_catalog_is_hidden (catalog, "data-engineer"));
}

int
main (int   argc,
      char *argv[])
{
  const char *skip = ui_test_init_xdotool (&argc, &argv);

#define ADD(path, func) \
  ui_test_add (skip, path, sizeof (UiFixture), (GTestFixtureFunc) set_up, \
               (GTestFixtureFunc) func, (GTestFixtureFunc) ui_fixture_tear_down)

  ADD ("/ui/tracks/new/keyboard", test_new_track_keyboard);
  ADD ("/ui/tracks/edit", test_edit);
  ADD ("/ui/tracks/import/chooser", test_import_chooser);
  ADD ("/ui/tracks/export", test_export);
  ui_test_add (skip, "/ui/tracks/welcome/choose", sizeof (UiFixture), (GTestFixtureFunc) set_up_first_start,
               (GTestFixtureFunc) test_welcome_choose, (GTestFixtureFunc) ui_fixture_tear_down);
  ui_test_add (skip, "/ui/tracks/welcome/empty", sizeof (UiFixture), (GTestFixtureFunc) set_up_first_start,
               (GTestFixtureFunc) test_welcome_empty, (GTestFixtureFunc) ui_fixture_tear_down);
  ADD ("/ui/tracks/import/hostile", test_import_hostile);
  ADD ("/ui/tracks/import/replace", test_replace);
  ADD ("/ui/tracks/remove", test_remove);
  ADD ("/ui/tracks/customize-revert", test_customize_revert);
  ADD ("/ui/tracks/outside-import", test_outside_import);

#undef ADD

  return g_test_run ();
}

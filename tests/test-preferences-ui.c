/* test-preferences-ui.c — the Preferences window (Ctrl+,): its switch
 * writes "Count skipped as done" to the database, and a write that fails
 * puts the switch back and says why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "roadmap-preferences-window.h"
#include "ui-test-util.h"

static gint64
stored_preference (const char *db_path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value FROM preferences WHERE key = 'count-skipped-as-done'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gboolean
preferences_open (gpointer data)
{
  return ui_find_toplevel (ROADMAP_TYPE_PREFERENCES_WINDOW) != NULL;
}

/* The database in a folder whose name is not Pango markup: the failure's
 * message names the file, and the toast shows it as it is. */
static void
test_switch (UiFixture     *fixture,
             gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "R&D <notes>", NULL);
  g_autoptr(GError) error = NULL;
  RoadmapCatalog *catalog;
  GtkWindow *preferences;
  GtkWidget *toggle;
  sqlite3 *other;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_free (fixture->db_path);
  fixture->db_path = g_build_filename (folder, "progress.db", NULL);
  g_clear_object (&fixture->session);
  fixture->session = roadmap_session_new (fixture->db_path, NULL);
  g_assert_true (roadmap_session_load_roadmaps (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_session_open_store (fixture->session, &error));
  g_assert_no_error (error);
  catalog = roadmap_session_get_catalog (fixture->session);

  ui_fixture_present_window (fixture, 1200, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-preferences", NULL));
  g_assert_true (ui_spin_until (preferences_open, NULL, 5000));
  preferences = ui_find_toplevel (ROADMAP_TYPE_PREFERENCES_WINDOW);
  ui_wait_for_frame (GTK_WIDGET (preferences));
  toggle = ui_find_child (GTK_WIDGET (preferences), GTK_TYPE_SWITCH);
  g_assert_nonnull (toggle);
  /* What a screen reader says for it */
  gtk_test_accessible_assert_property (toggle, GTK_ACCESSIBLE_PROPERTY_LABEL, "Count Skipped as Done");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));

  /* On: in the database, and every track counts that way */
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  ui_spin (50);
  g_assert_true (roadmap_catalog_get_count_skipped_as_done (catalog));
  g_assert_cmpint (stored_preference (fixture->db_path), ==, 1);

  /* Another program holds the write lock: the switch goes back, and a
   * toast says why, naming the file as it is */
  g_assert_cmpint (sqlite3_open (fixture->db_path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  ui_spin (300);

  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_true (roadmap_catalog_get_count_skipped_as_done (catalog));
  g_assert_cmpint (stored_preference (fixture->db_path), ==, 1);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (preferences), "Could not change the preference"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (preferences), "R&D <notes>"));

  gtk_window_destroy (preferences);
  ui_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  const char *skip = ui_test_init_x11 (&argc, &argv);

  UI_TEST_ADD (skip, "/ui/preferences/switch", test_switch);

  return g_test_run ();
}

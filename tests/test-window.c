/* test-window.c — the window opens on real data (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "roadmap-application.h"
#include "roadmap-track-row.h"
#include "roadmap-window.h"

typedef struct
{
  char *dir;
  char *db_path;
  RoadmapApplication *app;
  RoadmapSession *session;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("roadmap-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "progress.db", NULL);

  fixture->app = roadmap_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  fixture->session = roadmap_session_new (fixture->db_path, NULL);
  g_assert_true (roadmap_session_load_roadmaps (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_session_open_store (fixture->session, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->app);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_child (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0 &&
          gtk_widget_is_drawable (child))
        return TRUE;
      if (has_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static void
test_shows_tracks_and_progress (Fixture       *fixture,
                                gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  RoadmapStore *store = roadmap_session_get_store (fixture->session);
  RoadmapSkill *skill = roadmap_catalog_find_skill (catalog, "backend-developer", "api-development");
  g_autoptr(GError) error = NULL;
  RoadmapWindow *window;
  GtkWidget *list;

  g_assert_true (roadmap_store_set_status (store, skill, ROADMAP_STATUS_DONE, &error));
  g_assert_no_error (error);

  window = roadmap_window_new (fixture->app, fixture->session, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin (300);

  list = find_child (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));

  g_assert_true (has_label (GTK_WIDGET (window), "Backend Developer"));
  g_assert_true (has_label (GTK_WIDGET (window), "Data Engineer"));
  g_assert_true (has_label (GTK_WIDGET (window), "1 of 13 done"));
  /* The first track's board shows its skills. */
  g_assert_true (has_label (GTK_WIDGET (window), "API Development"));
  g_assert_true (has_label (GTK_WIDGET (window), "Phase 1 · Fundamentals"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Backend Developer");

  /* A change made through the store reaches the sidebar at once. */
  skill = roadmap_catalog_find_skill (catalog, "backend-developer", "database-design");
  g_assert_true (roadmap_store_set_status (store, skill, ROADMAP_STATUS_DONE, &error));
  g_assert_no_error (error);
  spin (50);
  g_assert_true (has_label (GTK_WIDGET (window), "2 of 13 done"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_store_error_page (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) store_error = g_error_new_literal (ROADMAP_STORE_ERROR,
                                                       ROADMAP_STORE_ERROR_NEWER_VERSION,
                                                       "written by a newer version");
  RoadmapWindow *window = roadmap_window_new (fixture->app, fixture->session, store_error);

  gtk_window_present (GTK_WINDOW (window));
  spin (200);

  g_assert_true (has_label (GTK_WIDGET (window), "Progress Cannot Be Opened"));
  g_assert_true (has_label (GTK_WIDGET (window), "written by a newer version"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("roadmap-ui-home-XXXXXX", NULL);

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the system icon theme and
   * schemas from GTK. A private home keeps the user's data out of reach. */
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/window/tracks-and-progress", Fixture, NULL,
              fixture_set_up, test_shows_tracks_and_progress, fixture_tear_down);
  g_test_add ("/ui/window/store-error", Fixture, NULL,
              fixture_set_up, test_store_error_page, fixture_tear_down);

  return g_test_run ();
}

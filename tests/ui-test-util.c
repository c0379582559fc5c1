/* ui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui-test-util.h"

/* One per test program: once registered, a GtkApplication keeps itself
 * alive (only g_application_run() lets go), and a second one could not
 * export itself on the session bus. */
static RoadmapApplication *shared_application;

/* Not G_TEST_OPTION_ISOLATE_DIRS: it also hides the system icon theme and
 * schemas from GTK. A private home keeps the user's own data out of reach. */
void
ui_test_init (int    *argc,
              char ***argv)
{
  g_autofree char *home = g_dir_make_tmp ("roadmap-ui-home-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;

  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();

  shared_application = roadmap_application_new ();
  g_application_set_flags (G_APPLICATION (shared_application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (shared_application), NULL, &error))
    g_error ("Cannot register the application: %s", error->message);
}

void
ui_fixture_set_up (UiFixture     *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("roadmap-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "progress.db", NULL);

  /* GSETTINGS_BACKEND=memory lives as long as the process: start each
   * test from the defaults. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_reset (settings, "last-track");
    g_settings_reset (settings, "window-width");
    g_settings_reset (settings, "window-height");
    g_settings_reset (settings, "window-maximized");
  }

  fixture->app = g_object_ref (shared_application);

  fixture->session = roadmap_session_new (fixture->db_path, NULL);
  g_assert_true (roadmap_session_load_roadmaps (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_session_open_store (fixture->session, &error));
  g_assert_no_error (error);
}

void
ui_fixture_tear_down (UiFixture     *fixture,
                      gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  ui_spin (20);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->app);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

void
ui_fixture_open_window (UiFixture *fixture)
{
  fixture->window = roadmap_window_new (fixture->app, fixture->session, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ui_spin (300);
}

/**
 * ui_fixture_reopen:
 *
 * Returns: (transfer full): a new session on the same database, as after
 *   a restart
 */
RoadmapSession *
ui_fixture_reopen (UiFixture *fixture)
{
  g_autoptr(RoadmapSession) session = roadmap_session_new (fixture->db_path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_load_roadmaps (session, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_session_open_store (session, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&session);
}

void
ui_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

gboolean
ui_spin_until (gboolean (*done) (gpointer),
               gpointer   data,
               guint      timeout_ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > until)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

GtkWidget *
ui_find_child (GtkWidget *root,
               GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = ui_find_child (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/**
 * ui_find_label:
 *
 * Returns: (nullable): a drawable label under @root whose text contains
 *   @substring
 */
GtkWidget *
ui_find_label (GtkWidget  *root,
               const char *substring)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_is_drawable (child) &&
          strstr (gtk_label_get_text (GTK_LABEL (child)), substring) != NULL)
        return child;
      if ((found = ui_find_label (child, substring)) != NULL)
        return found;
    }

  return NULL;
}

gboolean
ui_widget_is_inside (GtkWidget *widget,
                     GtkWidget *ancestor)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (widget == ancestor)
        return TRUE;
    }

  return FALSE;
}

/**
 * ui_find_with_class:
 *
 * Returns: (nullable): the first widget under @root with the CSS class
 */
GtkWidget *
ui_find_with_class (GtkWidget  *root,
                    const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = ui_find_with_class (child, css_class)) != NULL)
        return found;
    }

  return NULL;
}

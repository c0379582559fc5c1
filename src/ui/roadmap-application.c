/* roadmap-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-application.h"
#include "roadmap-cli.h"
#include "roadmap-first-frame.h"
#include "roadmap-session.h"
#include "roadmap-window.h"

struct _RoadmapApplication
{
  AdwApplication parent_instance;

  char *db_path;
  char **roadmap_dirs;
};

G_DEFINE_FINAL_TYPE (RoadmapApplication, roadmap_application, ADW_TYPE_APPLICATION)

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static char *
debug_info (void)
{
  return g_strdup_printf ("%s %s\n"
                          "GLib %u.%u.%u\n"
                          "GTK %u.%u.%u\n"
                          "libadwaita %u.%u.%u\n",
                          APP_ID, PACKAGE_VERSION,
                          glib_major_version, glib_minor_version, glib_micro_version,
                          gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                          adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version ());
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  const char *developers[] = { _("The Roadmap developers"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autofree char *info = debug_info ();
  GtkWidget *about;

  /* TODO(maintainer): the project has no public address yet. Once it has
   * one, set "website" and "issue-url" (the page where users report
   * problems) here, and the same addresses in the metainfo. */
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Roadmap"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Roadmap developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Track your progress along a learning roadmap."),
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "copyright", _("© 2026 The Roadmap developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "debug-info", info,
                        "debug-info-filename", "roadmap-debug-info.txt",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static int
roadmap_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  RoadmapApplication *self = ROADMAP_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  int status;

  status = roadmap_cli_handle (options, &self->db_path, &self->roadmap_dirs);
  if (status >= 0 || (self->db_path == NULL && self->roadmap_dirs == NULL))
    return status;

  /* Roadmap runs once per session: a second start only shows the window
   * that is already open, which keeps its own database and roadmaps. Say
   * so rather than ignore --db or --roadmap-dir without a word. */
  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("roadmap: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (g_application_get_is_remote (application))
    g_printerr ("roadmap: %s\n",
                _("Roadmap is already running; --db and --roadmap-dir apply only when it starts, so its open window is shown unchanged"));

  return status;
}

static void
roadmap_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", NULL };
  static const char *export_pdf_accels[] = { "<Control>e", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *import_accels[] = { "<Control>o", NULL };
  static const char *new_track_accels[] = { "<Control>n", NULL };

  G_APPLICATION_CLASS (roadmap_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.redo", redo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.export-pdf", export_pdf_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.import-roadmap", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.new-track", new_track_accels);
}

/* The track the window will show first (RoadmapWindow restores it), or
 * NULL when the settings schema is not installed. */
static char *
get_last_track (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "last-track");
}

static void
roadmap_application_activate (GApplication *application)
{
  RoadmapApplication *self = ROADMAP_APPLICATION (application);
  g_autoptr(RoadmapSession) session = NULL;
  g_autoptr(GError) roadmaps_error = NULL;
  g_autoptr(GError) store_error = NULL;
  g_autofree char *last_track = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  /* Only what the first screen shows is loaded before the window: the
   * track it opens on. The window loads the other files after its first
   * frame. */
  last_track = get_last_track ();
  session = roadmap_session_new (self->db_path, NULL);
  for (guint i = 0; self->roadmap_dirs != NULL && self->roadmap_dirs[i] != NULL; i++)
    roadmap_session_add_roadmap_dir (session, self->roadmap_dirs[i]);
  if (!roadmap_session_load_first_roadmaps (session, last_track, &roadmaps_error))
    roadmap_catalog_add_load_error (roadmap_session_get_catalog (session), roadmaps_error);
  roadmap_session_open_store (session, &store_error);

  window = GTK_WINDOW (roadmap_window_new (self, session, store_error));
  gtk_window_present (window);
  roadmap_first_frame_report (GTK_WIDGET (window));
}

static void
roadmap_application_finalize (GObject *object)
{
  RoadmapApplication *self = (RoadmapApplication *) object;

  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->roadmap_dirs, g_strfreev);

  G_OBJECT_CLASS (roadmap_application_parent_class)->finalize (object);
}

static void
roadmap_application_class_init (RoadmapApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = roadmap_application_finalize;

  app_class->handle_local_options = roadmap_application_handle_local_options;
  app_class->startup = roadmap_application_startup;
  app_class->activate = roadmap_application_activate;
}

static void
roadmap_application_init (RoadmapApplication *self)
{
  roadmap_cli_add_options (G_APPLICATION (self));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Track your progress along a learning roadmap."));
}

RoadmapApplication *
roadmap_application_new (void)
{
  return g_object_new (ROADMAP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/roadmaptracker/Roadmap",
                       NULL);
}

/* roadmap-preferences-window.c
 *
 * The preferences that change what is counted live in the progress
 * database (see roadmap-store-preferences.c): the switch writes through
 * the session and follows the catalog, so a change made by another
 * process shows here too. A write that fails puts the switch back and
 * says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-preferences-window.h"
#include "roadmap-sync-group.h"
#include "roadmap-window-fit.h"

struct _RoadmapPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  RoadmapSession *session;

  GtkSwitch *skipped_switch;
  GtkSpinButton *goal_spin;
  AdwPreferencesPage *sync_page;
  /* While the switch follows the catalog, not the learner */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (RoadmapPreferencesWindow, roadmap_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_switch (RoadmapPreferencesWindow *self)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (self->session);

  self->updating = TRUE;
  gtk_switch_set_active (self->skipped_switch, roadmap_catalog_get_count_skipped_as_done (catalog));
  gtk_spin_button_set_value (self->goal_spin, roadmap_catalog_get_weekly_goal (catalog));
  self->updating = FALSE;
}

static void
show_failure (RoadmapPreferencesWindow *self,
              const GError             *error)
{
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;

  /* Translators: a toast in the preferences; %s says why */
  title = g_strdup_printf (_("Could not change the preference. %s"), error->message);
  /* Toast titles are Pango markup in libadwaita 1.2; the reason is
   * text, with the database's file name in it */
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static void
on_sync_failed (RoadmapPreferencesWindow *self,
                const char               *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static void
on_skipped_switch_active (RoadmapPreferencesWindow *self,
                          GParamSpec               *pspec,
                          GtkSwitch                *toggle)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->session == NULL)
    return;

  if (!roadmap_session_set_count_skipped_as_done (self->session, gtk_switch_get_active (toggle), &error))
    show_failure (self, error);

  update_switch (self);
}

static void
on_goal_spin_value_changed (RoadmapPreferencesWindow *self,
                            GtkSpinButton            *spin)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->session == NULL)
    return;

  if (!roadmap_session_set_weekly_goal (self->session, (guint) gtk_spin_button_get_value_as_int (spin), &error))
    show_failure (self, error);

  update_switch (self);
}

static void
roadmap_preferences_window_realize (GtkWidget *widget)
{
  roadmap_window_fit_to_parent (GTK_WINDOW (widget));

  GTK_WIDGET_CLASS (roadmap_preferences_window_parent_class)->realize (widget);
}

static void
roadmap_preferences_window_dispose (GObject *object)
{
  RoadmapPreferencesWindow *self = ROADMAP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (roadmap_preferences_window_parent_class)->dispose (object);
}

static void
roadmap_preferences_window_class_init (RoadmapPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_preferences_window_dispose;
  widget_class->realize = roadmap_preferences_window_realize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapPreferencesWindow, skipped_switch);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPreferencesWindow, goal_spin);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPreferencesWindow, sync_page);
  gtk_widget_class_bind_template_callback (widget_class, on_skipped_switch_active);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_spin_value_changed);
}

static void
roadmap_preferences_window_init (RoadmapPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * roadmap_preferences_window_new:
 * @sync_runner: (nullable): the window's sync, for the Sync page
 */
GtkWidget *
roadmap_preferences_window_new (GtkWindow         *parent,
                                RoadmapSession    *session,
                                RoadmapSyncRunner *sync_runner)
{
  RoadmapPreferencesWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ROADMAP_IS_SESSION (session), NULL);

  self = g_object_new (ROADMAP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (roadmap_session_get_catalog (session), "notify::count-skipped-as-done",
                           G_CALLBACK (update_switch), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (roadmap_session_get_catalog (session), "notify::weekly-goal",
                           G_CALLBACK (update_switch), self, G_CONNECT_SWAPPED);
  update_switch (self);

  if (sync_runner != NULL)
    {
      GtkWidget *group = roadmap_sync_group_new (sync_runner);

      g_signal_connect_object (group, "failed", G_CALLBACK (on_sync_failed), self, G_CONNECT_SWAPPED);
      adw_preferences_page_add (self->sync_page, ADW_PREFERENCES_GROUP (group));
      gtk_widget_set_visible (GTK_WIDGET (self->sync_page), TRUE);
    }

  return GTK_WIDGET (self);
}

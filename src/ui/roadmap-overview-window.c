/* roadmap-overview-window.c
 *
 * One row per track, in the sidebar's order: its figures (share done, in
 * progress, hours done and left), the projected finish and where it
 * stands against its plan (roadmap-schedule.c: the same figures as the
 * board, the command line and the report). Activating a row shows that
 * track's board. The rows are built again after every change, here or
 * in another process, once the main loop is idle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-overview-window.h"
#include "roadmap-schedule.h"
#include "roadmap-window-fit.h"

struct _RoadmapOverviewWindow
{
  AdwPreferencesWindow parent_instance;

  RoadmapSession *session;
  guint refresh_id;

  GtkListBox *tracks_list;
};

G_DEFINE_FINAL_TYPE (RoadmapOverviewWindow, roadmap_overview_window, ADW_TYPE_PREFERENCES_WINDOW)

static GtkWidget *
create_row (RoadmapTrack *track,
            const GDate  *today)
{
  g_autoptr(RoadmapSchedule) schedule = roadmap_schedule_new (track, roadmap_track_get_plan (track), today);
  g_autofree char *progress = roadmap_schedule_describe_progress (schedule);
  g_autofree char *finish = roadmap_schedule_describe_finish (schedule);
  g_autofree char *state = roadmap_schedule_describe_state (schedule->state, schedule->days_late);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state_label;

  /* Translators: under a track in the Overview, when it has no plan */
  subtitle = g_strconcat (progress, "\n", finish != NULL ? finish : _("No plan yet"), NULL);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), roadmap_track_get_title (track));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (state != NULL)
    {
      state_label = gtk_label_new (state);
      gtk_widget_add_css_class (state_label, "caption-heading");
      if (schedule->state == ROADMAP_SCHEDULE_STATE_BEHIND)
        gtk_widget_add_css_class (state_label, "warning");
      else if (schedule->state != ROADMAP_SCHEDULE_STATE_UNPLANNED)
        gtk_widget_add_css_class (state_label, "success");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state_label);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "roadmap-track-id", g_strdup (roadmap_track_get_id (track)), g_free);
  return row;
}

static gboolean
refresh_now (gpointer user_data)
{
  RoadmapOverviewWindow *self = user_data;
  GListModel *tracks = G_LIST_MODEL (roadmap_session_get_catalog (self->session));
  GtkWidget *child;
  GDate today;

  self->refresh_id = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tracks_list))) != NULL)
    gtk_list_box_remove (self->tracks_list, child);

  roadmap_session_get_today (self->session, &today);
  for (guint i = 0; i < g_list_model_get_n_items (tracks); i++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (tracks, i);

      gtk_list_box_append (self->tracks_list, create_row (track, &today));
    }

  return G_SOURCE_REMOVE;
}

static void
refresh (RoadmapOverviewWindow *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_now, self);
}

static void
on_row_activated (RoadmapOverviewWindow *self,
                  GtkListBoxRow         *row,
                  GtkListBox            *list)
{
  const char *track_id = g_object_get_data (G_OBJECT (row), "roadmap-track-id");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-track", "s", track_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
roadmap_overview_window_realize (GtkWidget *widget)
{
  roadmap_window_fit_to_parent (GTK_WINDOW (widget));

  GTK_WIDGET_CLASS (roadmap_overview_window_parent_class)->realize (widget);
}

static void
roadmap_overview_window_dispose (GObject *object)
{
  RoadmapOverviewWindow *self = ROADMAP_OVERVIEW_WINDOW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (roadmap_overview_window_parent_class)->dispose (object);
}

static void
roadmap_overview_window_class_init (RoadmapOverviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_overview_window_dispose;
  widget_class->realize = roadmap_overview_window_realize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-overview-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapOverviewWindow, tracks_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
roadmap_overview_window_init (RoadmapOverviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * roadmap_overview_window_new:
 * @session: the tracks and their progress
 */
GtkWidget *
roadmap_overview_window_new (GtkWindow      *parent,
                             RoadmapSession *session)
{
  RoadmapOverviewWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ROADMAP_IS_SESSION (session), NULL);

  self = g_object_new (ROADMAP_TYPE_OVERVIEW_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "command-done", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "outside-changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (roadmap_session_get_catalog (session), "items-changed", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  refresh_now (self);

  return GTK_WIDGET (self);
}

/* roadmap-stats-window.c — the Statistics page
 *
 * The figures and both charts of one track or of all, computed by the
 * session from the store's history (never by the view) and drawn with
 * the report's own chart functions. They follow every change: this
 * window's, another window's and another process's (the session tells
 * of each), and the weekly goal set in Preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-chart.h"
#include "roadmap-stats-window.h"
#include "roadmap-window-fit.h"

struct _RoadmapStatsWindow
{
  AdwWindow parent_instance;

  RoadmapSession *session;
  RoadmapStats *stats;
  /* The tracks of the scope row after "All tracks", by id */
  GPtrArray *track_ids;

  AdwComboRow *scope_row;
  AdwPreferencesGroup *figures_group;
  GtkDrawingArea *heatmap_area;
  GtkDrawingArea *done_area;
  GtkLabel *values[ROADMAP_STATS_N_FIGURES];
};

G_DEFINE_FINAL_TYPE (RoadmapStatsWindow, roadmap_stats_window, ADW_TYPE_WINDOW)

/* Helpers */

static const char *
selected_track_id (RoadmapStatsWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->scope_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->track_ids->len)
    return NULL;
  return g_ptr_array_index (self->track_ids, selected - 1);
}

/* What a screen reader says of the charts, which show no text of their
 * own to read */
static void
describe_charts (RoadmapStatsWindow *self)
{
  g_autofree char *activity = NULL;
  g_autofree char *done = NULL;
  guint n_days = 0;

  for (guint day = 0; day <= roadmap_stats_get_today (self->stats) && day < ROADMAP_STATS_N_DAYS; day++)
    n_days += roadmap_stats_get_activity (self->stats, day) > 0;

  /* Translators: what a screen reader says of the activity heatmap */
  activity = g_strdup_printf (ngettext ("%u day with activity", "%u days with activity", n_days), n_days);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->heatmap_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, activity, -1);
  done = roadmap_stats_dup_figure_text (self->stats, ROADMAP_STATS_FIGURE_DONE_TOTAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->done_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, done, -1);
}

static void
refresh (RoadmapStatsWindow *self)
{
  g_autoptr(GError) error = NULL;
  RoadmapStats *stats;

  if (self->session == NULL || roadmap_session_get_store (self->session) == NULL)
    return;

  stats = roadmap_session_compute_stats (self->session, selected_track_id (self), &error);
  if (stats == NULL)
    {
      g_warning ("Could not compute the statistics: %s", error->message);
      return;
    }
  g_clear_pointer (&self->stats, roadmap_stats_unref);
  self->stats = stats;

  for (RoadmapStatsFigure figure = 0; figure < ROADMAP_STATS_N_FIGURES; figure++)
    {
      g_autofree char *text = roadmap_stats_dup_figure_text (stats, figure);

      gtk_label_set_text (self->values[figure], text);
    }
  describe_charts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->heatmap_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->done_area));
}

/* The app's colours for the current style, with the labels in the
 * widget's own text colour */
static void
chart_style_for (GtkWidget         *widget,
                 RoadmapChartStyle *style)
{
  GdkRGBA color;

  roadmap_chart_style_init (style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  style->text = (RoadmapChartColor) { color.red, color.green, color.blue, color.alpha * 0.8 };
}

/* Both drawing areas: the heatmap's or the done chart's function */
static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  RoadmapStatsWindow *self = user_data;
  RoadmapChartStyle style;

  if (self->stats == NULL)
    return;
  chart_style_for (GTK_WIDGET (area), &style);
  if (area == self->heatmap_area)
    roadmap_chart_draw_heatmap (cr, self->stats, width, height, &style);
  else
    roadmap_chart_draw_done_over_time (cr, self->stats, width, height, &style);
}

static void
add_figure_rows (RoadmapStatsWindow *self)
{
  for (RoadmapStatsFigure figure = 0; figure < ROADMAP_STATS_N_FIGURES; figure++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *value = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), roadmap_stats_figure_get_label (figure));
      /* One line while it fits, wrapped at 360 px */
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (value), GTK_NATURAL_WRAP_NONE);
      gtk_label_set_xalign (GTK_LABEL (value), 1.0);
      gtk_label_set_justify (GTK_LABEL (value), GTK_JUSTIFY_RIGHT);
      gtk_label_set_max_width_chars (GTK_LABEL (value), 24);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_preferences_group_add (self->figures_group, row);
      self->values[figure] = GTK_LABEL (value);
    }
}

static void
fill_scope_row (RoadmapStatsWindow *self,
                const char         *track_id)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (self->session);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (names, _("All tracks"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      gtk_string_list_append (names, roadmap_track_get_title (track));
      g_ptr_array_add (self->track_ids, g_strdup (roadmap_track_get_id (track)));
      if (g_strcmp0 (track_id, roadmap_track_get_id (track)) == 0)
        selected = i + 1;
    }

  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->scope_row, selected);
}

/* Callbacks */

static void
on_scope_selected (RoadmapStatsWindow *self)
{
  refresh (self);
}

/* GObject overrides */

static void
roadmap_stats_window_realize (GtkWidget *widget)
{
  roadmap_window_fit_to_parent (GTK_WINDOW (widget));

  GTK_WIDGET_CLASS (roadmap_stats_window_parent_class)->realize (widget);
}

static void
roadmap_stats_window_dispose (GObject *object)
{
  RoadmapStatsWindow *self = ROADMAP_STATS_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->stats, roadmap_stats_unref);
  g_clear_pointer (&self->track_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (roadmap_stats_window_parent_class)->dispose (object);
}

static void
roadmap_stats_window_class_init (RoadmapStatsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_stats_window_dispose;
  widget_class->realize = roadmap_stats_window_realize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-stats-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapStatsWindow, scope_row);
  gtk_widget_class_bind_template_child (widget_class, RoadmapStatsWindow, figures_group);
  gtk_widget_class_bind_template_child (widget_class, RoadmapStatsWindow, heatmap_area);
  gtk_widget_class_bind_template_child (widget_class, RoadmapStatsWindow, done_area);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_selected);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
roadmap_stats_window_init (RoadmapStatsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->track_ids = g_ptr_array_new_with_free_func (g_free);
  add_figure_rows (self);
  gtk_drawing_area_set_draw_func (self->heatmap_area, draw_chart, self, NULL);
  gtk_drawing_area_set_draw_func (self->done_area, draw_chart, self, NULL);
}

/* Public API */

/**
 * roadmap_stats_window_new:
 * @track_id: (nullable): the track to show first, %NULL for all
 */
GtkWidget *
roadmap_stats_window_new (GtkWindow      *parent,
                          RoadmapSession *session,
                          const char     *track_id)
{
  RoadmapStatsWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ROADMAP_IS_SESSION (session), NULL);

  self = g_object_new (ROADMAP_TYPE_STATS_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->session = g_object_ref (session);
  fill_scope_row (self, track_id);

  g_signal_connect_object (session, "command-done", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "outside-changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (roadmap_session_get_catalog (session), "notify::weekly-goal",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (roadmap_session_get_catalog (session), "notify::count-skipped-as-done",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->heatmap_area, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->done_area, G_CONNECT_SWAPPED);
  refresh (self);

  return GTK_WIDGET (self);
}

/* For tests: what the page shows */
const RoadmapStats *
roadmap_stats_window_get_stats (RoadmapStatsWindow *self)
{
  g_return_val_if_fail (ROADMAP_IS_STATS_WINDOW (self), NULL);
  return self->stats;
}

const char *
roadmap_stats_window_get_figure_text (RoadmapStatsWindow *self,
                                      RoadmapStatsFigure  figure)
{
  g_return_val_if_fail (ROADMAP_IS_STATS_WINDOW (self), NULL);
  g_return_val_if_fail (figure < ROADMAP_STATS_N_FIGURES, NULL);
  return gtk_label_get_text (self->values[figure]);
}

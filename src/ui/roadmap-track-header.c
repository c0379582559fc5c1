/* roadmap-track-header.c
 *
 * The track's own summary (the roadmap file's "summary", shown in the
 * report only until now) and its totals: done, in progress, and the Done
 * skills' estimated hours of all the hours planned. The totals follow the
 * track's counts; nothing is walked here. Under them, the projected
 * finish of the track's plan (from the board's schedule) and "Plan…"
 * (or "Adjust Plan…", which moves the start of a plan that slipped:
 * never a scolding); beside them, the track's menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-progress.h"
#include "roadmap-track-header.h"
#include "roadmap-track-menu.h"

struct _RoadmapTrackHeader
{
  GtkWidget parent_instance;

  RoadmapTrack *track;

  GtkLabel *summary_label;
  GtkLabel *totals_label;
  GtkLabel *plan_label;
  GtkButton *plan_button;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (RoadmapTrackHeader, roadmap_track_header, GTK_TYPE_WIDGET)

static void
update_totals (RoadmapTrackHeader *self)
{
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;
  guint planned;

  if (self->track == NULL)
    return;

  counts = roadmap_progress_describe (G_OBJECT (self->track));
  planned = roadmap_track_get_hours_planned (self->track);
  if (planned > 0)
    /* Translators: the track's totals, "3 of 13 done · 1 in progress ·
     * 40 of 385 hours"; the plural follows the hours planned */
    text = g_strdup_printf (ngettext ("%s · %u of %u hour", "%s · %u of %u hours", planned),
                            counts, roadmap_track_get_hours_done (self->track), planned);

  gtk_label_set_text (self->totals_label, text != NULL ? text : counts);
}

static void
roadmap_track_header_dispose (GObject *object)
{
  RoadmapTrackHeader *self = ROADMAP_TRACK_HEADER (object);

  if (self->track != NULL)
    g_signal_handlers_disconnect_by_data (self->track, self);
  g_clear_object (&self->track);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (roadmap_track_header_parent_class)->dispose (object);
}

static void
roadmap_track_header_class_init (RoadmapTrackHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_track_header_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "trackheader");
}

static void
roadmap_track_header_init (RoadmapTrackHeader *self)
{
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label;
  GtkWidget *button;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_parent (texts, GTK_WIDGET (self));

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (texts), label);
  self->summary_label = GTK_LABEL (label);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (texts), label);
  self->totals_label = GTK_LABEL (label);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (texts), label);
  self->plan_label = GTK_LABEL (label);

  /* Under the texts, so that a narrow window keeps its width for them.
   * Its action is set with its target, the track. */
  button = gtk_button_new_with_mnemonic (_("_Plan…"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_box_append (GTK_BOX (texts), button);
  self->plan_button = GTK_BUTTON (button);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, _("Track Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Track Menu"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_parent (button, GTK_WIDGET (self));
  self->menu_button = GTK_MENU_BUTTON (button);
}

GtkWidget *
roadmap_track_header_new (void)
{
  return g_object_new (ROADMAP_TYPE_TRACK_HEADER, NULL);
}

/**
 * roadmap_track_header_set_track:
 * @track: (nullable): the track to show
 * @catalog: (nullable): its catalog, for its menu
 */
void
roadmap_track_header_set_track (RoadmapTrackHeader *self,
                                RoadmapTrack       *track,
                                RoadmapCatalog     *catalog)
{
  const char *summary;

  g_return_if_fail (ROADMAP_IS_TRACK_HEADER (self));
  g_return_if_fail (track == NULL || ROADMAP_IS_TRACK (track));

  if (self->track == track)
    return;

  if (self->track != NULL)
    g_signal_handlers_disconnect_by_data (self->track, self);
  g_set_object (&self->track, track);
  gtk_widget_set_visible (GTK_WIDGET (self), track != NULL);
  if (track == NULL)
    return;

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->plan_button), "s", roadmap_track_get_id (track));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->plan_button), "win.plan-track");
  {
    g_autoptr(GMenuModel) menu = roadmap_track_menu_new (track, catalog);

    gtk_menu_button_set_menu_model (self->menu_button, menu);
  }

  summary = roadmap_track_get_summary (track);
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && summary[0] != '\0');

  g_signal_connect_object (track, "notify::n-counted", G_CALLBACK (update_totals), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (track, "notify::n-counted-done", G_CALLBACK (update_totals), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (track, "notify::n-doing", G_CALLBACK (update_totals), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (track, "notify::n-skipped", G_CALLBACK (update_totals), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (track, "notify::hours-done", G_CALLBACK (update_totals), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (track, "notify::hours-planned", G_CALLBACK (update_totals), self, G_CONNECT_SWAPPED);
  update_totals (self);
}

/**
 * roadmap_track_header_set_schedule:
 * @schedule: (nullable): the shown track's schedule
 */
void
roadmap_track_header_set_schedule (RoadmapTrackHeader    *self,
                                   const RoadmapSchedule *schedule)
{
  g_autofree char *finish = NULL;
  g_autofree char *measured = NULL;
  gboolean planned;

  g_return_if_fail (ROADMAP_IS_TRACK_HEADER (self));

  planned = schedule != NULL && schedule->state != ROADMAP_SCHEDULE_STATE_UNPLANNED;
  finish = planned ? roadmap_schedule_describe_finish (schedule) : NULL;
  /* Once there is history, the finish at the learner's own pace beside it */
  measured = planned ? roadmap_schedule_describe_measured (schedule) : NULL;
  if (finish != NULL && measured != NULL)
    {
      char *both = g_strconcat (finish, "\n", measured, NULL);

      g_free (finish);
      finish = both;
    }
  gtk_label_set_text (self->plan_label, finish != NULL ? finish : "");
  gtk_widget_set_visible (GTK_WIDGET (self->plan_label), finish != NULL);
  gtk_button_set_label (self->plan_button, planned ? _("_Adjust Plan…") : _("_Plan…"));
}

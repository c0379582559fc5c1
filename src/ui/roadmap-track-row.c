/* roadmap-track-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-track-row.h"

struct _RoadmapTrackRow
{
  GtkListBoxRow parent_instance;

  RoadmapTrack *track;

  GtkLabel *title_label;
  GtkLabel *progress_label;
  GtkLevelBar *level_bar;
};

G_DEFINE_FINAL_TYPE (RoadmapTrackRow, roadmap_track_row, GTK_TYPE_LIST_BOX_ROW)

static void
update_progress (RoadmapTrackRow *self)
{
  guint done = roadmap_track_get_n_with_status (self->track, ROADMAP_STATUS_DONE);
  guint total = roadmap_track_get_n_skills (self->track);
  g_autofree char *text = NULL;

  /* Translators: "9 of 24 done"; the plural follows the total */
  text = g_strdup_printf (ngettext ("%u of %u done", "%u of %u done", total), done, total);
  gtk_label_set_text (self->progress_label, text);
  gtk_level_bar_set_value (self->level_bar, total > 0 ? (double) done / total : 0.0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  roadmap_track_get_title (self->track),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
roadmap_track_row_dispose (GObject *object)
{
  RoadmapTrackRow *self = (RoadmapTrackRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ROADMAP_TYPE_TRACK_ROW);
  g_clear_object (&self->track);

  G_OBJECT_CLASS (roadmap_track_row_parent_class)->dispose (object);
}

static void
roadmap_track_row_class_init (RoadmapTrackRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_track_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-track-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapTrackRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapTrackRow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapTrackRow, level_bar);
}

static void
roadmap_track_row_init (RoadmapTrackRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
roadmap_track_row_new (RoadmapTrack *track)
{
  RoadmapTrackRow *self;

  g_return_val_if_fail (ROADMAP_IS_TRACK (track), NULL);

  self = g_object_new (ROADMAP_TYPE_TRACK_ROW, NULL);
  self->track = g_object_ref (track);

  gtk_label_set_text (self->title_label, roadmap_track_get_title (track));
  g_signal_connect_object (track, "notify::n-done", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  update_progress (self);

  return GTK_WIDGET (self);
}

RoadmapTrack *
roadmap_track_row_get_track (RoadmapTrackRow *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK_ROW (self), NULL);
  return self->track;
}

/* roadmap-track-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-progress.h"
#include "roadmap-track-row.h"

struct _RoadmapTrackRow
{
  GtkListBoxRow parent_instance;

  RoadmapTrack *track;

  GtkLabel *title_label;
  GtkLabel *percent_label;
  RoadmapProgress *progress;
};

G_DEFINE_FINAL_TYPE (RoadmapTrackRow, roadmap_track_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_TRACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
roadmap_track_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RoadmapTrackRow *self = ROADMAP_TRACK_ROW (object);

  switch (prop_id)
    {
    case PROP_TRACK:
      g_value_set_object (value, self->track);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_track_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RoadmapTrackRow *self = ROADMAP_TRACK_ROW (object);

  switch (prop_id)
    {
    case PROP_TRACK:
      self->track = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The share of the track done, for the sidebar's overall picture */
static void
update_percent (RoadmapTrackRow *self)
{
  guint n = roadmap_track_get_n_counted (self->track);
  guint done = roadmap_track_get_n_counted_done (self->track);
  g_autofree char *text = NULL;

  /* Translators: a share of a track done, "38 %" */
  text = g_strdup_printf (C_("percentage", "%u %%"), n > 0 ? (guint) (100.0 * done / n + 0.5) : 0);
  gtk_label_set_text (self->percent_label, text);
}

static void
roadmap_track_row_constructed (GObject *object)
{
  RoadmapTrackRow *self = ROADMAP_TRACK_ROW (object);
  RoadmapTrack *track = self->track;

  G_OBJECT_CLASS (roadmap_track_row_parent_class)->constructed (object);

  gtk_label_set_text (self->title_label, roadmap_track_get_title (track));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, roadmap_track_get_title (track),
                                  -1);
  roadmap_progress_bind (self->progress, track);
  g_signal_connect_object (track, "notify::fraction", G_CALLBACK (update_percent), self, G_CONNECT_SWAPPED);
  update_percent (self);
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
  object_class->constructed = roadmap_track_row_constructed;
  object_class->get_property = roadmap_track_row_get_property;
  object_class->set_property = roadmap_track_row_set_property;

  properties[PROP_TRACK] =
    g_param_spec_object ("track", NULL, NULL, ROADMAP_TYPE_TRACK, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROADMAP_TYPE_PROGRESS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-track-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapTrackRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapTrackRow, percent_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapTrackRow, progress);
}

static void
roadmap_track_row_init (RoadmapTrackRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
roadmap_track_row_new (RoadmapTrack *track)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), NULL);

  return g_object_new (ROADMAP_TYPE_TRACK_ROW,
                       "track", track,
                       NULL);
}

RoadmapTrack *
roadmap_track_row_get_track (RoadmapTrackRow *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK_ROW (self), NULL);
  return self->track;
}

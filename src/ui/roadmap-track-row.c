/* roadmap-track-row.c
 *
 * A track in the sidebar: its title, share done and progress; its menu
 * (Reset Track…) by a right click, a long press, Menu or Shift+F10.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-context-menu.h"
#include "roadmap-progress.h"
#include "roadmap-track-menu.h"
#include "roadmap-track-row.h"

struct _RoadmapTrackRow
{
  GtkListBoxRow parent_instance;

  RoadmapTrack *track;
  RoadmapCatalog *catalog;  /* (nullable) (weak): what its menu asks */

  GtkLabel *title_label;
  GtkLabel *percent_label;
  RoadmapProgress *progress;
  /* See roadmap_context_menu_popup() */
  GtkWidget *context_menu;
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
  g_autofree char *text = NULL;

  /* Translators: a share of a track done, "38 %" */
  text = g_strdup_printf (C_("percentage", "%u %%"), roadmap_track_get_percent_done (self->track));
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
popup_menu (RoadmapTrackRow    *self,
            const GdkRectangle *at)
{
  g_autoptr(GMenuModel) menu = roadmap_track_menu_new (self->track, self->catalog);

  roadmap_context_menu_popup (GTK_WIDGET (self), &self->context_menu, menu, at);
}

static void
show_menu (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  popup_menu (ROADMAP_TRACK_ROW (widget), NULL);
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      RoadmapTrackRow *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
}

static void
on_long_pressed (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 RoadmapTrackRow     *self)
{
  popup_menu (self, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
}

static void
roadmap_track_row_dispose (GObject *object)
{
  RoadmapTrackRow *self = (RoadmapTrackRow *) object;

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
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

  gtk_widget_class_install_action (widget_class, "track.show-menu", NULL, show_menu);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "track.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "track.show-menu", NULL);
}

static void
roadmap_track_row_init (RoadmapTrackRow *self)
{
  GtkGesture *click;
  GtkGesture *long_press;

  gtk_widget_init_template (GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
}

GtkWidget *
roadmap_track_row_new (RoadmapTrack   *track,
                       RoadmapCatalog *catalog)
{
  RoadmapTrackRow *self;

  g_return_val_if_fail (ROADMAP_IS_TRACK (track), NULL);
  g_return_val_if_fail (catalog == NULL || ROADMAP_IS_CATALOG (catalog), NULL);

  self = g_object_new (ROADMAP_TYPE_TRACK_ROW,
                       "track", track,
                       NULL);
  /* The catalog holds the row's track, the row not the catalog: it
   * outlives the rows it binds */
  self->catalog = catalog;
  return GTK_WIDGET (self);
}

RoadmapTrack *
roadmap_track_row_get_track (RoadmapTrackRow *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK_ROW (self), NULL);
  return self->track;
}

/* roadmap-progress.c
 *
 * Shows the progress of anything with "n-counted-done", "n-counted",
 * "n-doing" and "n-skipped" properties (a RoadmapTrack or a RoadmapPhase) and follows it: a line of
 * text, and a bar with two levels, the skills done over those done or in
 * progress (a fainter stretch beyond).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-progress.h"

struct _RoadmapProgress
{
  GtkWidget parent_instance;

  GObject *counted;

  GtkLabel *label;
  GtkLevelBar *done_bar;
  GtkLevelBar *doing_bar;
};

G_DEFINE_FINAL_TYPE (RoadmapProgress, roadmap_progress, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_XALIGN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * roadmap_progress_describe:
 * @counted: a #RoadmapTrack or a #RoadmapPhase
 *
 * Returns: (transfer full): "9 of 24 done", then " · 2 in progress" if any
 */
char *
roadmap_progress_describe (GObject *counted)
{
  guint done = 0, doing = 0, total = 0, skipped = 0;
  g_autofree char *text = NULL;

  g_return_val_if_fail (G_IS_OBJECT (counted), NULL);

  g_object_get (counted, "n-counted-done", &done, "n-doing", &doing, "n-counted", &total,
                "n-skipped", &skipped, NULL);

  /* Translators: "9 of 24 done"; the plural follows the total */
  text = g_strdup_printf (ngettext ("%u of %u done", "%u of %u done", total), done, total);
  if (doing > 0)
    {
      g_autofree char *shorter = g_steal_pointer (&text);

      /* Translators: "9 of 24 done · 2 in progress", as the report says */
      text = g_strdup_printf (ngettext ("%s · %u in progress", "%s · %u in progress", doing), shorter, doing);
    }
  if (skipped > 0)
    {
      g_autofree char *shorter = g_steal_pointer (&text);

      /* Translators: "9 of 24 done · 2 skipped", as the report says */
      text = g_strdup_printf (ngettext ("%s · %u skipped", "%s · %u skipped", skipped), shorter, skipped);
    }

  return g_steal_pointer (&text);
}

static void
update (RoadmapProgress *self)
{
  guint done = 0, doing = 0, total = 0;
  g_autofree char *text = roadmap_progress_describe (self->counted);

  g_object_get (self->counted, "n-counted-done", &done, "n-doing", &doing, "n-counted", &total, NULL);
  gtk_label_set_text (self->label, text);
  gtk_level_bar_set_value (self->done_bar, total > 0 ? (double) done / total : 0.0);
  gtk_level_bar_set_value (self->doing_bar, total > 0 ? MIN (1.0, (double) (done + doing) / total) : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->done_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
roadmap_progress_dispose (GObject *object)
{
  RoadmapProgress *self = (RoadmapProgress *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ROADMAP_TYPE_PROGRESS);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->counted);

  G_OBJECT_CLASS (roadmap_progress_parent_class)->dispose (object);
}

static void
roadmap_progress_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RoadmapProgress *self = ROADMAP_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_XALIGN:
      g_value_set_float (value, gtk_label_get_xalign (self->label));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_progress_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RoadmapProgress *self = ROADMAP_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_XALIGN:
      if (gtk_label_get_xalign (self->label) != g_value_get_float (value))
        {
          gtk_label_set_xalign (self->label, g_value_get_float (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_progress_class_init (RoadmapProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_progress_dispose;
  object_class->get_property = roadmap_progress_get_property;
  object_class->set_property = roadmap_progress_set_property;

  /**
   * RoadmapProgress:xalign:
   *
   * Where the "N of M done" text sits: 0 at the start, 1 at the end.
   */
  properties[PROP_XALIGN] =
    g_param_spec_float ("xalign", NULL, NULL, 0.0, 1.0, 0.0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-progress.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapProgress, label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapProgress, done_bar);
  gtk_widget_class_bind_template_child (widget_class, RoadmapProgress, doing_bar);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
roadmap_progress_init (RoadmapProgress *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* No warning colour for a start: a little done is not a problem */
  gtk_level_bar_remove_offset_value (self->done_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->doing_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 4);
}

/**
 * roadmap_progress_bind:
 * @counted: a #RoadmapTrack or #RoadmapPhase
 *
 * Shows the progress of @counted from now on.
 */
void
roadmap_progress_bind (RoadmapProgress *self,
                       gpointer         counted)
{
  g_return_if_fail (ROADMAP_IS_PROGRESS (self));
  g_return_if_fail (G_IS_OBJECT (counted));
  g_return_if_fail (self->counted == NULL);

  self->counted = g_object_ref (counted);
  g_signal_connect_object (counted, "notify::n-counted-done", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (counted, "notify::n-counted", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (counted, "notify::n-doing", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (counted, "notify::n-skipped", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

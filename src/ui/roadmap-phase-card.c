/* roadmap-phase-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-column.h"
#include "roadmap-columns-layout.h"
#include "roadmap-header-layout.h"
#include "roadmap-phase-card.h"
#include "roadmap-progress.h"

struct _RoadmapPhaseCard
{
  GtkWidget parent_instance;

  RoadmapPhase *phase;
  GtkWidget *columns[ROADMAP_N_STATUSES];

  GtkLabel *title_label;
  GtkLabel *months_label;
  RoadmapProgress *progress;
  /* A GtkBox whose layout manager is a RoadmapColumnsLayout */
  GtkWidget *column_box;
};

G_DEFINE_FINAL_TYPE (RoadmapPhaseCard, roadmap_phase_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PHASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
roadmap_phase_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RoadmapPhaseCard *self = ROADMAP_PHASE_CARD (object);

  switch (prop_id)
    {
    case PROP_PHASE:
      g_value_set_object (value, self->phase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_phase_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RoadmapPhaseCard *self = ROADMAP_PHASE_CARD (object);

  switch (prop_id)
    {
    case PROP_PHASE:
      self->phase = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_phase_card_constructed (GObject *object)
{
  RoadmapPhaseCard *self = ROADMAP_PHASE_CARD (object);
  RoadmapPhase *phase = self->phase;
  g_autofree char *title = NULL;
  guint first, last;

  G_OBJECT_CLASS (roadmap_phase_card_parent_class)->constructed (object);

  /* Translators: "Phase 1 · Fundamentals" */
  title = g_strdup_printf (_("Phase %u · %s"), roadmap_phase_get_number (phase),
                           roadmap_phase_get_title (phase));
  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  first = roadmap_phase_get_first_month (phase);
  last = roadmap_phase_get_last_month (phase);
  if (first > 0)
    {
      g_autofree char *months = NULL;

      if (first == last)
        months = g_strdup_printf (_("Month %u"), first);
      else
        /* Translators: "Months 1–2" */
        months = g_strdup_printf (_("Months %u–%u"), first, last);
      gtk_label_set_text (self->months_label, months);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->months_label), first > 0);

  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    {
      self->columns[s] = roadmap_column_new (phase, s);
      gtk_box_append (GTK_BOX (self->column_box), self->columns[s]);
    }

  roadmap_progress_bind (self->progress, phase);
}

static void
roadmap_phase_card_dispose (GObject *object)
{
  RoadmapPhaseCard *self = (RoadmapPhaseCard *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ROADMAP_TYPE_PHASE_CARD);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->phase);

  G_OBJECT_CLASS (roadmap_phase_card_parent_class)->dispose (object);
}

static void
roadmap_phase_card_class_init (RoadmapPhaseCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_phase_card_dispose;
  object_class->constructed = roadmap_phase_card_constructed;
  object_class->get_property = roadmap_phase_card_get_property;
  object_class->set_property = roadmap_phase_card_set_property;

  properties[PROP_PHASE] =
    g_param_spec_object ("phase", NULL, NULL, ROADMAP_TYPE_PHASE, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROADMAP_TYPE_COLUMNS_LAYOUT);
  g_type_ensure (ROADMAP_TYPE_HEADER_LAYOUT);
  g_type_ensure (ROADMAP_TYPE_PROGRESS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-phase-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapPhaseCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPhaseCard, months_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPhaseCard, progress);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPhaseCard, column_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "phase");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
roadmap_phase_card_init (RoadmapPhaseCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
roadmap_phase_card_new (RoadmapPhase *phase)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE (phase), NULL);

  return g_object_new (ROADMAP_TYPE_PHASE_CARD,
                       "phase", phase,
                       NULL);
}

RoadmapPhase *
roadmap_phase_card_get_phase (RoadmapPhaseCard *self)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE_CARD (self), NULL);
  return self->phase;
}

/**
 * roadmap_phase_card_get_column:
 *
 * Returns: (transfer none): the #RoadmapColumn for @status
 */
GtkWidget *
roadmap_phase_card_get_column (RoadmapPhaseCard *self,
                               RoadmapStatus     status)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE_CARD (self), NULL);
  g_return_val_if_fail (status < ROADMAP_N_STATUSES, NULL);
  return self->columns[status];
}

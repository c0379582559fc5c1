/* roadmap-phase-card.c
 *
 * A phase folds up to its header (title, months and counts) with the
 * button before its title; the board remembers which phases are folded.
 *
 * Columns are only as tall as their cards; the space under a short one
 * still takes a drop, for that column (at its end), so a card dragged
 * straight across lands where the learner let it go.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-board.h"
#include "roadmap-column.h"
#include "roadmap-columns-layout.h"
#include "roadmap-date.h"
#include "roadmap-header-layout.h"
#include "roadmap-phase-card.h"
#include "roadmap-progress.h"

struct _RoadmapPhaseCard
{
  GtkWidget parent_instance;

  RoadmapPhase *phase;
  GtkWidget *columns[ROADMAP_N_STATUSES];

  GtkWidget *header_box;
  GtkButton *collapse_button;
  GtkLabel *title_label;
  GtkLabel *months_label;
  /* Where the phase stands against the track's plan */
  GtkLabel *schedule_label;
  RoadmapProgress *progress;
  /* A GtkBox whose layout manager is a RoadmapColumnsLayout */
  GtkWidget *column_box;
  /* The column under a drag in the space below the columns */
  GtkWidget *drop_column;

  gboolean collapsed;
};

G_DEFINE_FINAL_TYPE (RoadmapPhaseCard, roadmap_phase_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PHASE,
  PROP_COLLAPSED,
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
    case PROP_COLLAPSED:
      g_value_set_boolean (value, self->collapsed);
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
    case PROP_COLLAPSED:
      roadmap_phase_card_set_collapsed (self, g_value_get_boolean (value));
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
  GtkWidget *done_box;
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
    self->columns[s] = roadmap_column_new (phase, s);
  gtk_box_append (GTK_BOX (self->column_box), self->columns[ROADMAP_STATUS_TODO]);
  gtk_box_append (GTK_BOX (self->column_box), self->columns[ROADMAP_STATUS_DOING]);
  /* Skipped under Done, in the same place of the layout */
  done_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (done_box, TRUE);
  gtk_box_append (GTK_BOX (done_box), self->columns[ROADMAP_STATUS_DONE]);
  gtk_box_append (GTK_BOX (done_box), self->columns[ROADMAP_STATUS_SKIPPED]);
  gtk_box_append (GTK_BOX (self->column_box), done_box);

  roadmap_progress_bind (self->progress, phase);
}

static void
update_collapse_button (RoadmapPhaseCard *self)
{
  const char *label = self->collapsed ? _("Expand Phase") : _("Collapse Phase");

  gtk_button_set_icon_name (self->collapse_button,
                            self->collapsed ? "pan-end-symbolic" : "pan-down-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->collapse_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->collapse_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->collapse_button),
                               GTK_ACCESSIBLE_STATE_EXPANDED, !self->collapsed,
                               -1);
}

static void
on_collapse_clicked (RoadmapPhaseCard *self,
                     GtkButton        *button)
{
  roadmap_phase_card_set_collapsed (self, !self->collapsed);
}

/* The column above @x, @y of the column box, when below its cards */
static GtkWidget *
column_below (RoadmapPhaseCard *self,
              double            x,
              double            y)
{
  /* The three columns; under Done, Skipped takes its own drops */
  for (guint s = ROADMAP_STATUS_TODO; s <= ROADMAP_STATUS_DONE; s++)
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (self->columns[s], self->column_box, &bounds) &&
          x >= bounds.origin.x && x < bounds.origin.x + bounds.size.width &&
          y >= bounds.origin.y + bounds.size.height)
        return self->columns[s];
    }

  return NULL;
}

static void
set_drop_column (RoadmapPhaseCard *self,
                 GtkWidget        *column)
{
  if (self->drop_column == column)
    return;
  if (self->drop_column != NULL)
    gtk_widget_remove_css_class (self->drop_column, "drop-below");
  self->drop_column = column;
  if (column != NULL)
    gtk_widget_add_css_class (column, "drop-below");
}

static gboolean
takes_skill (RoadmapPhaseCard *self,
             const GValue     *value)
{
  return value != NULL && G_VALUE_HOLDS (value, ROADMAP_TYPE_SKILL) &&
         roadmap_skill_get_phase (g_value_get_object (value)) == self->phase;
}

static GdkDragAction
on_drop_motion (GtkDropTarget    *target,
                double            x,
                double            y,
                RoadmapPhaseCard *self)
{
  const GValue *value = gtk_drop_target_get_value (target);

  /* Until the value is there, the column decides once it is */
  set_drop_column (self, value == NULL || takes_skill (self, value) ? column_below (self, x, y) : NULL);
  return self->drop_column != NULL ? GDK_ACTION_MOVE : 0;
}

static void
on_drop_leave (GtkDropTarget    *target,
               RoadmapPhaseCard *self)
{
  set_drop_column (self, NULL);
}

static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         RoadmapPhaseCard *self)
{
  GtkWidget *column = column_below (self, x, y);
  GtkWidget *board = gtk_widget_get_ancestor (GTK_WIDGET (self), ROADMAP_TYPE_BOARD);

  set_drop_column (self, NULL);
  if (column == NULL || board == NULL || !takes_skill (self, value))
    return FALSE;

  return roadmap_board_move_skill (ROADMAP_BOARD (board), g_value_get_object (value),
                                   roadmap_column_get_status (ROADMAP_COLUMN (column)), NULL);
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
  /**
   * RoadmapPhaseCard:collapsed:
   *
   * Whether only the header shows, without the columns.
   */
  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROADMAP_TYPE_COLUMNS_LAYOUT);
  g_type_ensure (ROADMAP_TYPE_HEADER_LAYOUT);
  g_type_ensure (ROADMAP_TYPE_PROGRESS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-phase-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapPhaseCard, header_box);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPhaseCard, collapse_button);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPhaseCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPhaseCard, months_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPhaseCard, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPhaseCard, progress);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPhaseCard, column_box);
  gtk_widget_class_bind_template_callback (widget_class, on_collapse_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "phase");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
roadmap_phase_card_init (RoadmapPhaseCard *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  update_collapse_button (self);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  target = gtk_drop_target_new (ROADMAP_TYPE_SKILL, GDK_ACTION_MOVE);
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (self->column_box, GTK_EVENT_CONTROLLER (target));
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

gboolean
roadmap_phase_card_get_collapsed (RoadmapPhaseCard *self)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE_CARD (self), FALSE);
  return self->collapsed;
}

/**
 * roadmap_phase_card_set_collapsed:
 * @collapsed: whether to show only the header
 *
 * Folds the phase up to its header, or shows its columns again. The
 * keyboard focus, when on a card of the phase, goes to the button that
 * brings them back.
 */
void
roadmap_phase_card_set_collapsed (RoadmapPhaseCard *self,
                                  gboolean          collapsed)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (ROADMAP_IS_PHASE_CARD (self));

  collapsed = !!collapsed;
  if (self->collapsed == collapsed)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (collapsed && focus != NULL && gtk_widget_is_ancestor (focus, self->column_box))
    gtk_widget_grab_focus (GTK_WIDGET (self->collapse_button));

  self->collapsed = collapsed;
  gtk_widget_set_visible (self->column_box, !collapsed);
  gtk_widget_set_margin_bottom (self->header_box, collapsed ? 12 : 0);
  update_collapse_button (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSED]);
}

/**
 * roadmap_phase_card_set_schedule:
 * @entry: (nullable): the phase's place in its track's schedule; %NULL
 *   or unplanned shows none
 *
 * "On track", "2 weeks behind"…, with the planned and projected ends in
 * the tooltip. Behind is a warning, never an error: a plan is there to
 * be adjusted.
 */
void
roadmap_phase_card_set_schedule (RoadmapPhaseCard           *self,
                                 const RoadmapPhaseSchedule *entry)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *label;

  g_return_if_fail (ROADMAP_IS_PHASE_CARD (self));

  label = GTK_WIDGET (self->schedule_label);
  text = entry != NULL ? roadmap_schedule_describe_phase (entry) : NULL;
  gtk_widget_set_visible (label, text != NULL);
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "warning");
  if (text == NULL)
    return;

  gtk_label_set_text (self->schedule_label, text);
  gtk_widget_add_css_class (label, entry->state == ROADMAP_SCHEDULE_STATE_BEHIND ? "warning" : "success");
  if (entry->state != ROADMAP_SCHEDULE_STATE_DONE)
    {
      g_autofree char *planned = roadmap_date_format_day (&entry->planned_end);
      g_autofree char *projected = roadmap_date_format_day (&entry->projected_end);

      /* Translators: a phase's tooltip, "Planned to end on 5 Mar 2026, now
       * expected on 19 Mar 2026" */
      tooltip = g_strdup_printf (_("Planned to end on %s, now expected on %s"), planned, projected);
    }
  gtk_widget_set_tooltip_text (label, tooltip);
}

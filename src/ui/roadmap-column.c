/* roadmap-column.c
 *
 * The list box is bound to the phase's column model (roadmap_phase_get_column()),
 * which owns the order and changes, with exact ::items-changed, only
 * after a change is committed: the cards follow by themselves.
 *
 * The Skipped column sits under Done, folded to a button "Skipped (N)"
 * that shows its cards; with none, it is not shown at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-board.h"
#include "roadmap-column.h"
#include "roadmap-phase-card.h"
#include "roadmap-skill-card.h"

struct _RoadmapColumn
{
  GtkWidget parent_instance;

  RoadmapPhase *phase;
  RoadmapStatus status;
  /* The phase's column: not a reference, the phase holds it */
  GListModel *model;

  GtkWidget *header;
  GtkLabel *title_label;
  GtkLabel *count_label;
  GtkLabel *wip_label;
  GtkListBox *list;
  /* Skipped only */
  GtkToggleButton *expander;
  GtkImage *expander_icon;
  GtkLabel *expander_label;

  /* The card of the skill that last left this column, kept until the
   * next change, so the column it moves to can show that card instead
   * of building a new one (see take_spare_card()) */
  GtkWidget *spare_card;
  /* The card marked where a dragged card would land, with a reference */
  GtkWidget *marked_card;
};

G_DEFINE_FINAL_TYPE (RoadmapColumn, roadmap_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PHASE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A skill moves within its phase: first out of one column, then into
 * another. The card it leaves is kept by the column it leaves, and the
 * column of the phase it arrives in shows it again: no template to build, no
 * text to lay out again (see bench-board). */
static GtkWidget *
take_spare_card (RoadmapColumn *self,
                 RoadmapSkill  *skill)
{
  GtkWidget *phase_card = gtk_widget_get_ancestor (GTK_WIDGET (self), ROADMAP_TYPE_PHASE_CARD);

  if (phase_card == NULL)
    return NULL;

  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    {
      RoadmapColumn *column = ROADMAP_COLUMN (roadmap_phase_card_get_column (ROADMAP_PHASE_CARD (phase_card), s));

      if (column->spare_card != NULL &&
          gtk_widget_get_parent (column->spare_card) == NULL &&
          roadmap_skill_card_get_skill (ROADMAP_SKILL_CARD (column->spare_card)) == skill)
        return g_steal_pointer (&column->spare_card);
    }

  return NULL;
}

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  GtkWidget *card = take_spare_card (ROADMAP_COLUMN (user_data), ROADMAP_SKILL (item));

  /* The list box takes the reference returned */
  return card != NULL ? card : roadmap_skill_card_new (ROADMAP_SKILL (item));
}

/* Runs before the list box's own handler, while the card of a removed
 * skill is still in the list. */
static void
keep_spare_card (RoadmapColumn *self,
                 guint          position,
                 guint          removed,
                 guint          added)
{
  GtkListBoxRow *row;

  /* An insertion keeps the spare: in a reorder within this column, it is
   * the one being inserted. */
  if (removed == 0)
    return;

  g_clear_object (&self->spare_card);
  if (removed != 1)
    return;

  row = gtk_list_box_get_row_at_index (self->list, (int) position);
  if (row != NULL)
    self->spare_card = g_object_ref (GTK_WIDGET (row));
}

static void
update_count (RoadmapColumn *self)
{
  guint n = g_list_model_get_n_items (self->model);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (self->count_label, count);

  if (self->status == ROADMAP_STATUS_SKIPPED)
    {
      g_autofree char *title = NULL;

      /* Translators: the folded column of skipped skills, "Skipped (2)" */
      title = g_strdup_printf (ngettext ("Skipped (%u)", "Skipped (%u)", n), n);
      gtk_label_set_text (self->expander_label, title);
      gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
    }

  /* Translators: a column's accessible name, "Doing, Phase 1, 3 skills" */
  accessible = g_strdup_printf (ngettext ("%s, Phase %u, %u skill", "%s, Phase %u, %u skills", n),
                                roadmap_status_get_label (self->status),
                                roadmap_phase_get_number (self->phase), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* Doing: the track's cards in Doing against its limit, when it has one;
 * beyond it, a warning (the move was allowed) */
static void
update_wip_limit (RoadmapColumn *self)
{
  RoadmapTrack *track = roadmap_phase_get_track (self->phase);
  guint limit = track != NULL ? roadmap_track_get_wip_limit (track) : 0;
  guint n_doing;
  gboolean over;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->wip_label), limit > 0);
  if (limit == 0)
    {
      gtk_widget_remove_css_class (self->header, "over-limit");
      return;
    }

  n_doing = roadmap_track_get_n_with_status (track, ROADMAP_STATUS_DOING);
  over = n_doing > limit;
  /* Translators: in the Doing column's header, the cards in Doing across
   * the track and the learner's limit: "4 of 3 in progress" */
  text = g_strdup_printf (ngettext ("%u of %u in progress", "%u of %u in progress", limit), n_doing, limit);
  gtk_label_set_text (self->wip_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->wip_label),
                               over ? _("More cards are in Doing than the limit you set for this track")
                                    : _("The limit you set for this track on cards in Doing"));
  if (over)
    gtk_widget_add_css_class (self->header, "over-limit");
  else
    gtk_widget_remove_css_class (self->header, "over-limit");
}

static void
on_expander_toggled (RoadmapColumn   *self,
                     GtkToggleButton *expander)
{
  gboolean expanded = gtk_toggle_button_get_active (expander);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Folding up with the keyboard on a card leaves it on the button */
  if (!expanded && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    gtk_widget_grab_focus (GTK_WIDGET (expander));

  gtk_widget_set_visible (GTK_WIDGET (self->list), expanded);
  gtk_image_set_from_icon_name (self->expander_icon, expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (expander),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded,
                               -1);
}

static void
on_row_activated (RoadmapColumn *self,
                  GtkListBoxRow *row)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "card.open", NULL);
}

static void
clear_drop_place (RoadmapColumn *self)
{
  if (self->marked_card == NULL)
    return;

  gtk_widget_remove_css_class (self->marked_card, "drop-before");
  gtk_widget_remove_css_class (self->marked_card, "drop-after");
  g_clear_object (&self->marked_card);
}

/* A line where a card dropped at @y would land: above the card it would
 * go before, or under the last one. */
static void
mark_drop_place (RoadmapColumn *self,
                 RoadmapSkill  *moving,
                 double         y)
{
  guint position = roadmap_column_position_at (self, y, moving);
  RoadmapSkill *next = roadmap_column_get_skill_at (self, position, moving);
  RoadmapSkill *marked = next != NULL ? next :
                         position > 0 ? roadmap_column_get_skill_at (self, position - 1, moving) : NULL;
  GtkWidget *card = marked != NULL ? roadmap_column_find_card (self, marked) : NULL;
  const char *mark = next != NULL ? "drop-before" : "drop-after";

  if (card == self->marked_card && card != NULL && gtk_widget_has_css_class (card, mark))
    return;

  clear_drop_place (self);
  if (card == NULL)
    return;
  gtk_widget_add_css_class (card, mark);
  self->marked_card = g_object_ref (card);
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                RoadmapColumn *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  RoadmapSkill *skill = value != NULL && G_VALUE_HOLDS (value, ROADMAP_TYPE_SKILL) ? g_value_get_object (value) : NULL;

  /* Skills belong to their phase: only its own columns take them. */
  if (skill != NULL && roadmap_skill_get_phase (skill) != self->phase)
    {
      GtkWidget *board = gtk_widget_get_ancestor (GTK_WIDGET (self), ROADMAP_TYPE_BOARD);

      clear_drop_place (self);
      if (board != NULL)
        roadmap_board_refuse_drop (ROADMAP_BOARD (board), skill);
      return 0;
    }

  mark_drop_place (self, skill, y);
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget *target,
               RoadmapColumn *self)
{
  clear_drop_place (self);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         RoadmapColumn *self)
{
  RoadmapSkill *skill;
  GtkWidget *board;
  guint position;

  clear_drop_place (self);
  if (!G_VALUE_HOLDS (value, ROADMAP_TYPE_SKILL))
    return FALSE;

  skill = g_value_get_object (value);
  board = gtk_widget_get_ancestor (GTK_WIDGET (self), ROADMAP_TYPE_BOARD);
  if (roadmap_skill_get_phase (skill) != self->phase || board == NULL)
    return FALSE;

  /* The card the learner dropped it above, as they saw the column */
  position = roadmap_column_position_at (self, y, skill);
  roadmap_board_move_skill (ROADMAP_BOARD (board), skill, self->status,
                            roadmap_column_get_skill_at (self, position, skill));
  return TRUE;
}

static void
roadmap_column_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RoadmapColumn *self = ROADMAP_COLUMN (object);

  switch (prop_id)
    {
    case PROP_PHASE:
      g_value_set_object (value, self->phase);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_column_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RoadmapColumn *self = ROADMAP_COLUMN (object);

  switch (prop_id)
    {
    case PROP_PHASE:
      self->phase = g_value_dup_object (value);
      break;
    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_column_constructed (GObject *object)
{
  RoadmapColumn *self = ROADMAP_COLUMN (object);
  RoadmapPhase *phase = self->phase;
  RoadmapStatus status = self->status;

  G_OBJECT_CLASS (roadmap_column_parent_class)->constructed (object);

  self->model = roadmap_phase_get_column (phase, status);

  gtk_widget_add_css_class (GTK_WIDGET (self), roadmap_status_to_string (status));
  gtk_label_set_text (self->title_label, roadmap_status_get_label (status));
  if (status == ROADMAP_STATUS_SKIPPED)
    {
      gtk_widget_set_visible (self->header, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->expander), TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->expander), _("Skills you skip are left out of the counts"));
      on_expander_toggled (self, self->expander);
    }

  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (keep_spare_card), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list, self->model, create_card, self, NULL);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  update_count (self);

  if (status == ROADMAP_STATUS_DOING && roadmap_phase_get_track (phase) != NULL)
    {
      RoadmapTrack *track = roadmap_phase_get_track (phase);

      g_signal_connect_object (track, "notify::wip-limit", G_CALLBACK (update_wip_limit), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (track, "notify::n-doing", G_CALLBACK (update_wip_limit), self, G_CONNECT_SWAPPED);
      update_wip_limit (self);
    }
}

static void
roadmap_column_dispose (GObject *object)
{
  RoadmapColumn *self = (RoadmapColumn *) object;

  g_clear_object (&self->spare_card);
  clear_drop_place (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROADMAP_TYPE_COLUMN);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  self->model = NULL;
  g_clear_object (&self->phase);

  G_OBJECT_CLASS (roadmap_column_parent_class)->dispose (object);
}

static void
roadmap_column_class_init (RoadmapColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_column_dispose;
  object_class->constructed = roadmap_column_constructed;
  object_class->get_property = roadmap_column_get_property;
  object_class->set_property = roadmap_column_set_property;

  properties[PROP_PHASE] =
    g_param_spec_object ("phase", NULL, NULL, ROADMAP_TYPE_PHASE, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, ROADMAP_TYPE_STATUS, ROADMAP_STATUS_TODO, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-column.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapColumn, header);
  gtk_widget_class_bind_template_child (widget_class, RoadmapColumn, expander);
  gtk_widget_class_bind_template_child (widget_class, RoadmapColumn, expander_icon);
  gtk_widget_class_bind_template_child (widget_class, RoadmapColumn, expander_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapColumn, wip_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapColumn, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_expander_toggled);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "column");
}

static void
roadmap_column_init (RoadmapColumn *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  target = gtk_drop_target_new (ROADMAP_TYPE_SKILL, GDK_ACTION_MOVE);
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
roadmap_column_new (RoadmapPhase  *phase,
                    RoadmapStatus  status)
{
  g_return_val_if_fail (ROADMAP_IS_PHASE (phase), NULL);
  g_return_val_if_fail (status < ROADMAP_N_STATUSES, NULL);

  return g_object_new (ROADMAP_TYPE_COLUMN,
                       "phase", phase,
                       "status", status,
                       NULL);
}

RoadmapStatus
roadmap_column_get_status (RoadmapColumn *self)
{
  g_return_val_if_fail (ROADMAP_IS_COLUMN (self), ROADMAP_STATUS_TODO);
  return self->status;
}

/**
 * roadmap_column_find_card:
 *
 * Returns: (transfer none) (nullable): the card showing @skill
 */
GtkWidget *
roadmap_column_find_card (RoadmapColumn *self,
                          RoadmapSkill  *skill)
{
  g_return_val_if_fail (ROADMAP_IS_COLUMN (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ROADMAP_IS_SKILL_CARD (child) &&
          roadmap_skill_card_get_skill (ROADMAP_SKILL_CARD (child)) == skill)
        return child;
    }

  return NULL;
}

/**
 * roadmap_column_get_card_at:
 * @index: a place in the column; past the end means the last card
 *
 * Returns: (transfer none) (nullable): the card there, %NULL if the column
 *   is empty
 */
GtkWidget *
roadmap_column_get_card_at (RoadmapColumn *self,
                            guint          index)
{
  GtkListBoxRow *row;
  guint n;

  g_return_val_if_fail (ROADMAP_IS_COLUMN (self), NULL);

  n = g_list_model_get_n_items (self->model);
  if (n == 0)
    return NULL;

  row = gtk_list_box_get_row_at_index (self->list, (int) MIN (index, n - 1));
  return row != NULL ? GTK_WIDGET (row) : NULL;
}

/**
 * roadmap_column_position_at:
 * @y: a height in the column's coordinates
 * @moving: (nullable): the skill being moved, which does not count
 *
 * Returns: where a card dropped at @y lands: the number of other cards
 *   whose middle is above @y
 */
guint
roadmap_column_position_at (RoadmapColumn *self,
                            double         y,
                            RoadmapSkill  *moving)
{
  guint position = 0;

  g_return_val_if_fail (ROADMAP_IS_COLUMN (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!ROADMAP_IS_SKILL_CARD (child) ||
          roadmap_skill_card_get_skill (ROADMAP_SKILL_CARD (child)) == moving ||
          !gtk_widget_compute_bounds (child, GTK_WIDGET (self), &bounds))
        continue;

      if (y > bounds.origin.y + bounds.size.height / 2)
        position++;
    }

  return position;
}

/**
 * roadmap_column_get_skill_at:
 * @index: a place among the column's cards, @moving not counted
 * @moving: (nullable): the skill being moved
 *
 * Returns: (transfer none) (nullable): the skill shown at @index once
 *   @moving is taken out, %NULL past the end
 */
RoadmapSkill *
roadmap_column_get_skill_at (RoadmapColumn *self,
                             guint          index,
                             RoadmapSkill  *moving)
{
  guint n;

  g_return_val_if_fail (ROADMAP_IS_COLUMN (self), NULL);

  n = g_list_model_get_n_items (self->model);
  for (guint i = 0, seen = 0; i < n; i++)
    {
      g_autoptr(RoadmapSkill) skill = g_list_model_get_item (self->model, i);

      if (skill == moving)
        continue;
      if (seen++ == index)
        return skill;
    }

  return NULL;
}

/**
 * roadmap_column_set_expanded:
 *
 * For the Skipped column: shows its cards, or folds them under its button.
 */
void
roadmap_column_set_expanded (RoadmapColumn *self,
                             gboolean       expanded)
{
  g_return_if_fail (ROADMAP_IS_COLUMN (self));

  if (self->status == ROADMAP_STATUS_SKIPPED)
    gtk_toggle_button_set_active (self->expander, expanded);
}

gboolean
roadmap_column_get_expanded (RoadmapColumn *self)
{
  g_return_val_if_fail (ROADMAP_IS_COLUMN (self), TRUE);

  return self->status != ROADMAP_STATUS_SKIPPED || gtk_toggle_button_get_active (self->expander);
}

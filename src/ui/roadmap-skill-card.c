/* roadmap-skill-card.c
 *
 * The card carries its RoadmapSkill, not itself, in a drag; a keyboard
 * move hands the skill to its board (roadmap_board_move_skill_by()), and
 * opening it goes through the action "board.show-skill".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-board.h"
#include "roadmap-context-menu.h"
#include "roadmap-date.h"
#include "roadmap-phase.h"
#include "roadmap-skill-card.h"

struct _RoadmapSkillCard
{
  GtkListBoxRow parent_instance;

  RoadmapSkill *skill;

  GtkLabel *title_label;
  GtkLabel *kind_badge;
  GtkLabel *details_label;
  GtkLabel *date_label;
  GtkImage *status_icon;
  /* Built on first use: most cards never show their menu. */
  GtkWidget *context_menu;
  /* Where a drag took hold of the card */
  double grab_x;
  double grab_y;
};

G_DEFINE_FINAL_TYPE (RoadmapSkillCard, roadmap_skill_card, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_SKILL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_details (RoadmapSkillCard *self)
{
  const char * const *topics = roadmap_skill_get_topics (self->skill);
  guint n_topics = topics != NULL ? g_strv_length ((char **) topics) : 0;
  guint n_resources = g_list_model_get_n_items (roadmap_skill_get_resources (self->skill));
  guint hours = roadmap_skill_get_estimate_hours (self->skill);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *details = NULL;

  guint n_done = roadmap_skill_get_n_topics_done (self->skill);

  if (n_done > 0)
    /* Translators: topics ticked off on a card, "3 of 7 topics" */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u of %u topic", "%u of %u topics", n_topics),
                                             n_done, n_topics));
  else if (n_topics > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u topic", "%u topics", n_topics), n_topics));
  if (n_resources > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u link", "%u links", n_resources), n_resources));
  if (hours > 0)
    /* Translators: an estimate of study time, "about 40 h" */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("about %u h", "about %u h", hours), hours));
  g_ptr_array_add (parts, NULL);

  details = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details[0] != '\0');
}

static void
update_status (RoadmapSkillCard *self)
{
  RoadmapStatus status = roadmap_skill_get_status (self->skill);
  RoadmapPhase *phase = roadmap_skill_get_phase (self->skill);
  g_autofree char *date_text = NULL;
  g_autofree char *accessible = NULL;

  if (status == ROADMAP_STATUS_DONE && roadmap_skill_get_finished_at (self->skill) != NULL)
    {
      g_autofree char *date = roadmap_date_format (roadmap_skill_get_finished_at (self->skill));

      /* Translators: %s is a date */
      date_text = g_strdup_printf (_("Finished %s"), date);
    }
  else if (status == ROADMAP_STATUS_DOING && roadmap_skill_get_started_at (self->skill) != NULL)
    {
      g_autofree char *date = roadmap_date_format (roadmap_skill_get_started_at (self->skill));

      /* Translators: %s is a date */
      date_text = g_strdup_printf (_("Started %s"), date);
    }

  gtk_label_set_text (self->date_label, date_text != NULL ? date_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), date_text != NULL);

  /* The status also reads without colour: a check mark for Done, a
   * half-filled circle for Doing, nothing for To-do; its tooltip names
   * it. The icon stays shown (empty for To-do): showing it again would
   * restyle the overlay's child and lay the window out a second time in
   * the frame. */
  gtk_image_set_from_icon_name (self->status_icon,
                                status == ROADMAP_STATUS_DONE ? "object-select-symbolic" :
                                status == ROADMAP_STATUS_DOING ? "roadmap-in-progress-symbolic" : NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_icon),
                               status != ROADMAP_STATUS_TODO ? roadmap_status_get_label (status) : NULL);

  gtk_widget_remove_css_class (GTK_WIDGET (self), "todo");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "doing");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "done");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "skipped");
  gtk_widget_add_css_class (GTK_WIDGET (self), roadmap_status_to_string (status));

  if (roadmap_skill_get_kind (self->skill) == ROADMAP_SKILL_KIND_PRACTICE)
    /* Translators: what a screen reader says for a card of hands-on work
     * (one with the "Hands-on" badge):
     * "Build a Redis cache for an API, hands-on, in Doing, Phase 2" */
    accessible = g_strdup_printf (_("%s, hands-on, in %s, Phase %u"),
                                  roadmap_skill_get_title (self->skill),
                                  roadmap_status_get_label (status),
                                  phase != NULL ? roadmap_phase_get_number (phase) : 0);
  else
    /* Translators: what a screen reader says for a card:
     * "SQL & NoSQL Databases, in Doing, Phase 1" */
    accessible = g_strdup_printf (_("%s, in %s, Phase %u"),
                                  roadmap_skill_get_title (self->skill),
                                  roadmap_status_get_label (status),
                                  phase != NULL ? roadmap_phase_get_number (phase) : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, date_text,
                                  -1);
}

static void
move_by (RoadmapSkillCard *self,
         int               column_delta,
         int               position_delta)
{
  GtkWidget *board = gtk_widget_get_ancestor (GTK_WIDGET (self), ROADMAP_TYPE_BOARD);

  if (board != NULL)
    roadmap_board_move_skill_by (ROADMAP_BOARD (board), self->skill, column_delta, position_delta);
}

static void
move_left (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  move_by (ROADMAP_SKILL_CARD (widget), -1, 0);
}

static void
move_right (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  move_by (ROADMAP_SKILL_CARD (widget), 1, 0);
}

static void
move_up (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  move_by (ROADMAP_SKILL_CARD (widget), 0, -1);
}

static void
move_down (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  move_by (ROADMAP_SKILL_CARD (widget), 0, 1);
}

static void
focus_beside (RoadmapSkillCard *self,
              int               delta)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "board.focus-beside", "(si)",
                              roadmap_skill_get_id (self->skill), delta);
}

static void
focus_left (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  focus_beside (ROADMAP_SKILL_CARD (widget), -1);
}

static void
focus_right (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  focus_beside (ROADMAP_SKILL_CARD (widget), 1);
}

static void
move_to (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  RoadmapSkillCard *self = ROADMAP_SKILL_CARD (widget);
  const char *status_name = g_variant_get_string (parameter, NULL);
  GtkWidget *board = gtk_widget_get_ancestor (widget, ROADMAP_TYPE_BOARD);
  RoadmapStatus status;

  if (!roadmap_status_from_string (status_name, &status) ||
      status == roadmap_skill_get_status (self->skill) || board == NULL)
    return;

  roadmap_board_move_card (ROADMAP_BOARD (board), self->skill, status);
}

static RoadmapSelection *
get_selection (RoadmapSkillCard *self)
{
  GtkWidget *board = gtk_widget_get_ancestor (GTK_WIDGET (self), ROADMAP_TYPE_BOARD);

  return board != NULL ? roadmap_board_get_selection (ROADMAP_BOARD (board)) : NULL;
}

/* Ctrl+Space: picked or let go, to move with others */
static void
toggle_picked (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RoadmapSkillCard *self = ROADMAP_SKILL_CARD (widget);
  RoadmapSelection *selection = get_selection (self);

  if (selection != NULL)
    roadmap_selection_toggle (selection, self->skill);
}

/* Ctrl+A: every card of its column picked */
static void
pick_column (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RoadmapSkillCard *self = ROADMAP_SKILL_CARD (widget);
  RoadmapSelection *selection = get_selection (self);

  if (selection != NULL)
    roadmap_selection_add_column (selection, roadmap_skill_get_phase (self->skill),
                                  roadmap_skill_get_status (self->skill));
}

/* Escape: the picked cards let go; otherwise Escape is someone else's */
static gboolean
clear_picked (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  RoadmapSelection *selection = get_selection (ROADMAP_SKILL_CARD (widget));

  return selection != NULL && roadmap_selection_clear (selection);
}

/* Ctrl+click picks or lets go, Shift+click picks up to here; neither
 * opens the details */
static void
on_primary_pressed (GtkGestureClick  *gesture,
                    int               n_press,
                    double            x,
                    double            y,
                    RoadmapSkillCard *self)
{
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  RoadmapSelection *selection = get_selection (self);

  if (selection == NULL || (modifiers & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (modifiers & GDK_SHIFT_MASK)
    roadmap_selection_extend_to (selection, self->skill);
  else
    roadmap_selection_toggle (selection, self->skill);
}

static void
open_details (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RoadmapSkillCard *self = ROADMAP_SKILL_CARD (widget);

  gtk_widget_activate_action (widget, "board.show-skill", "s", roadmap_skill_get_id (self->skill));
}

/* The moves to the other columns (a move to its own would do nothing),
 * then the details */
static GMenuModel *
build_menu (RoadmapStatus status)
{
  static const char * const move_labels[ROADMAP_N_STATUSES] = {
    N_("Move to _To-do"), N_("Move to _Doing"), N_("Move to D_one"), N_("_Skip"),
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) skip = g_menu_new ();

  for (RoadmapStatus s = 0; s < ROADMAP_N_STATUSES; s++)
    {
      g_autofree char *action = NULL;

      if (s == status)
        continue;
      action = g_strdup_printf ("card.move-to::%s", roadmap_status_to_string (s));
      /* Skipping apart from the moves: it takes the card out of the counts */
      g_menu_append (s == ROADMAP_STATUS_SKIPPED ? skip : moves, _(move_labels[s]), action);
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  if (g_menu_model_get_n_items (G_MENU_MODEL (skip)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (skip));
  g_menu_append (menu, _("_Open Details"), "card.open");
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
popup_menu (RoadmapSkillCard   *self,
            const GdkRectangle *at)
{
  g_autoptr(GMenuModel) menu = build_menu (roadmap_skill_get_status (self->skill));

  roadmap_context_menu_popup (GTK_WIDGET (self), &self->context_menu, menu, at);
}

static void
show_menu (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  popup_menu (ROADMAP_SKILL_CARD (widget), NULL);
}

static void
on_secondary_pressed (GtkGestureClick  *gesture,
                      int               n_press,
                      double            x,
                      double            y,
                      RoadmapSkillCard *self)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, &rect);
}

static void
on_long_pressed (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 RoadmapSkillCard    *self)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  popup_menu (self, &rect);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource    *source,
                 double            x,
                 double            y,
                 RoadmapSkillCard *self)
{
  self->grab_x = x;
  self->grab_y = y;
  return gdk_content_provider_new_typed (ROADMAP_TYPE_SKILL, self->skill);
}

static void
on_drag_begin (GtkDragSource    *source,
               GdkDrag          *drag,
               RoadmapSkillCard *self)
{
  GtkWidget *copy = roadmap_skill_card_new (self->skill);
  GtkWidget *icon = gtk_drag_icon_get_for_drag (drag);
  GtkWidget *box = gtk_list_box_new ();

  /* A transient copy: the card itself stays in its column until the move
   * is committed. */
  gtk_widget_add_css_class (box, "drag-icon");
  gtk_widget_set_size_request (box, gtk_widget_get_width (GTK_WIDGET (self)), -1);
  gtk_list_box_append (GTK_LIST_BOX (box), copy);
  gtk_drag_icon_set_child (GTK_DRAG_ICON (icon), box);
  /* The copy follows the pointer by the point where the card was taken,
   * not by its corner */
  gdk_drag_set_hotspot (drag, (int) self->grab_x, (int) self->grab_y);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

static void
on_drag_end (GtkDragSource    *source,
             GdkDrag          *drag,
             gboolean          delete_data,
             RoadmapSkillCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragged");
}

static void
roadmap_skill_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RoadmapSkillCard *self = ROADMAP_SKILL_CARD (object);

  switch (prop_id)
    {
    case PROP_SKILL:
      g_value_set_object (value, self->skill);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_skill_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RoadmapSkillCard *self = ROADMAP_SKILL_CARD (object);

  switch (prop_id)
    {
    case PROP_SKILL:
      self->skill = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_skill_card_constructed (GObject *object)
{
  RoadmapSkillCard *self = ROADMAP_SKILL_CARD (object);
  RoadmapSkill *skill = self->skill;

  G_OBJECT_CLASS (roadmap_skill_card_parent_class)->constructed (object);

  gtk_label_set_text (self->title_label, roadmap_skill_get_title (skill));
  /* A roadmap file gives the kind; it does not change while shown */
  if (roadmap_skill_get_kind (skill) == ROADMAP_SKILL_KIND_PRACTICE)
    {
      gtk_label_set_text (self->kind_badge, roadmap_skill_kind_get_label (ROADMAP_SKILL_KIND_PRACTICE));
      gtk_widget_set_visible (GTK_WIDGET (self->kind_badge), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "practice");
    }
  update_details (self);
  update_status (self);

  g_signal_connect_object (skill, "notify::status", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (skill, "notify::n-topics-done", G_CALLBACK (update_details), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (skill, "notify::started-at", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (skill, "notify::finished-at", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
}

static void
roadmap_skill_card_dispose (GObject *object)
{
  RoadmapSkillCard *self = (RoadmapSkillCard *) object;

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROADMAP_TYPE_SKILL_CARD);
  g_clear_object (&self->skill);

  G_OBJECT_CLASS (roadmap_skill_card_parent_class)->dispose (object);
}

/* The row itself draws only the focus ring; the card's face, its child
 * with the .card style (background, shadow, texts), is left out while the
 * board says the card is out of view. */
static void
roadmap_skill_card_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  GtkWidget *board = gtk_widget_get_ancestor (widget, ROADMAP_TYPE_BOARD);

  if (board != NULL && !roadmap_board_should_draw (ROADMAP_BOARD (board), widget))
    return;

  GTK_WIDGET_CLASS (roadmap_skill_card_parent_class)->snapshot (widget, snapshot);
}

static void
roadmap_skill_card_class_init (RoadmapSkillCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_skill_card_dispose;
  object_class->constructed = roadmap_skill_card_constructed;
  object_class->get_property = roadmap_skill_card_get_property;
  object_class->set_property = roadmap_skill_card_set_property;
  widget_class->snapshot = roadmap_skill_card_snapshot;

  properties[PROP_SKILL] =
    g_param_spec_object ("skill", NULL, NULL, ROADMAP_TYPE_SKILL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-skill-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillCard, kind_badge);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillCard, details_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillCard, date_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillCard, status_icon);
  gtk_widget_class_bind_template_callback (widget_class, on_secondary_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_long_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_prepare);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_begin);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_end);

  gtk_widget_class_install_action (widget_class, "card.move-left", NULL, move_left);
  gtk_widget_class_install_action (widget_class, "card.move-right", NULL, move_right);
  gtk_widget_class_install_action (widget_class, "card.move-up", NULL, move_up);
  gtk_widget_class_install_action (widget_class, "card.move-down", NULL, move_down);
  gtk_widget_class_install_action (widget_class, "card.move-to", "s", move_to);
  gtk_widget_class_install_action (widget_class, "card.focus-left", NULL, focus_left);
  gtk_widget_class_install_action (widget_class, "card.focus-right", NULL, focus_right);
  gtk_widget_class_install_action (widget_class, "card.open", NULL, open_details);
  gtk_widget_class_install_action (widget_class, "card.show-menu", NULL, show_menu);
  gtk_widget_class_install_action (widget_class, "card.toggle-picked", NULL, toggle_picked);
  gtk_widget_class_install_action (widget_class, "card.pick-column", NULL, pick_column);

  /* Picking: Space and Enter stay the card's own (they open it) */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, "card.toggle-picked", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "card.pick-column", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, clear_picked, NULL);

  /* Far from anything that deletes: Skipped is a move like the others */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "card.move-to", "s", "skipped");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "card.move-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_CONTROL_MASK, "card.move-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "card.move-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, GDK_CONTROL_MASK, "card.move-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_CONTROL_MASK, "card.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_CONTROL_MASK, "card.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_CONTROL_MASK, "card.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_CONTROL_MASK, "card.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "card.focus-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "card.focus-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "card.focus-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "card.focus-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.show-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "card.show-menu", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
roadmap_skill_card_init (RoadmapSkillCard *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Before the list box's own press, which would open the details */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_primary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
roadmap_skill_card_new (RoadmapSkill *skill)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), NULL);

  return g_object_new (ROADMAP_TYPE_SKILL_CARD,
                       "skill", skill,
                       NULL);
}

RoadmapSkill *
roadmap_skill_card_get_skill (RoadmapSkillCard *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL_CARD (self), NULL);
  return self->skill;
}

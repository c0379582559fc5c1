/* roadmap-selection.c
 *
 * Skills, not cards: a card may be rebuilt while its skill stays picked.
 * A picked card has the .picked style and is "selected" for assistive
 * technologies. A move of the picked cards lets them go (the board clears
 * the selection), so a card built anew for a picked skill is rare. The
 * anchor is where Shift+click extends from, within its column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-phase.h"
#include "roadmap-selection.h"

struct _RoadmapSelection
{
  GObject parent_instance;

  RoadmapSelectionFindCard find_card;
  gpointer user_data;

  /* RoadmapSkill (a reference each), in the order they were picked */
  GPtrArray *skills;
  RoadmapSkill *anchor;
};

G_DEFINE_FINAL_TYPE (RoadmapSelection, roadmap_selection, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
mark (GtkWidget *card,
      gboolean   picked)
{
  if (card == NULL)
    return;

  if (picked)
    gtk_widget_add_css_class (card, "picked");
  else
    gtk_widget_remove_css_class (card, "picked");
  gtk_accessible_update_state (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_STATE_SELECTED, picked, -1);
}

static void
set_picked (RoadmapSelection *self,
            RoadmapSkill     *skill,
            gboolean          picked)
{
  guint index;
  gboolean found = g_ptr_array_find (self->skills, skill, &index);

  if (found == picked)
    return;

  if (picked)
    g_ptr_array_add (self->skills, g_object_ref (skill));
  else
    g_ptr_array_remove_index (self->skills, index);
  mark (self->find_card (skill, self->user_data), picked);
}

static void
roadmap_selection_finalize (GObject *object)
{
  RoadmapSelection *self = (RoadmapSelection *) object;

  g_clear_pointer (&self->skills, g_ptr_array_unref);
  g_clear_object (&self->anchor);

  G_OBJECT_CLASS (roadmap_selection_parent_class)->finalize (object);
}

static void
roadmap_selection_class_init (RoadmapSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = roadmap_selection_finalize;

  /**
   * RoadmapSelection::changed:
   *
   * Skills were picked or let go.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
roadmap_selection_init (RoadmapSelection *self)
{
  self->skills = g_ptr_array_new_with_free_func (g_object_unref);
}

RoadmapSelection *
roadmap_selection_new (RoadmapSelectionFindCard find_card,
                       gpointer                 user_data)
{
  RoadmapSelection *self;

  g_return_val_if_fail (find_card != NULL, NULL);

  self = g_object_new (ROADMAP_TYPE_SELECTION, NULL);
  self->find_card = find_card;
  self->user_data = user_data;
  return self;
}

guint
roadmap_selection_get_n_skills (RoadmapSelection *self)
{
  g_return_val_if_fail (ROADMAP_IS_SELECTION (self), 0);
  return self->skills->len;
}

gboolean
roadmap_selection_contains (RoadmapSelection *self,
                            RoadmapSkill     *skill)
{
  g_return_val_if_fail (ROADMAP_IS_SELECTION (self), FALSE);
  return g_ptr_array_find (self->skills, skill, NULL);
}

/* By phase, column and place */
static gint
compare_board_order (gconstpointer a,
                     gconstpointer b)
{
  RoadmapSkill *x = *(RoadmapSkill * const *) a;
  RoadmapSkill *y = *(RoadmapSkill * const *) b;
  guint phase_x = roadmap_phase_get_number (roadmap_skill_get_phase (x));
  guint phase_y = roadmap_phase_get_number (roadmap_skill_get_phase (y));

  if (phase_x != phase_y)
    return phase_x < phase_y ? -1 : 1;
  if (roadmap_skill_get_status (x) != roadmap_skill_get_status (y))
    return roadmap_skill_get_status (x) < roadmap_skill_get_status (y) ? -1 : 1;
  return roadmap_skill_compare_place (x, y);
}

/**
 * roadmap_selection_dup_skills:
 *
 * Returns: (transfer container) (element-type RoadmapSkill): the picked
 *   skills in board order: by phase, column and place
 */
GPtrArray *
roadmap_selection_dup_skills (RoadmapSelection *self)
{
  GPtrArray *skills;

  g_return_val_if_fail (ROADMAP_IS_SELECTION (self), NULL);

  skills = g_ptr_array_new_full (self->skills->len, g_object_unref);
  for (guint i = 0; i < self->skills->len; i++)
    g_ptr_array_add (skills, g_object_ref (g_ptr_array_index (self->skills, i)));
  g_ptr_array_sort (skills, compare_board_order);
  return skills;
}

/* Ctrl+click, Ctrl+Space: picked or let go; the anchor of a Shift+click */
void
roadmap_selection_toggle (RoadmapSelection *self,
                          RoadmapSkill     *skill)
{
  g_return_if_fail (ROADMAP_IS_SELECTION (self));
  g_return_if_fail (ROADMAP_IS_SKILL (skill));

  set_picked (self, skill, !roadmap_selection_contains (self, skill));
  g_set_object (&self->anchor, skill);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Shift+click: every card from the anchor to @skill in their column; with
 * no anchor there, @skill alone */
void
roadmap_selection_extend_to (RoadmapSelection *self,
                             RoadmapSkill     *skill)
{
  RoadmapSkill *anchor;
  guint from, to;
  GListModel *column;

  g_return_if_fail (ROADMAP_IS_SELECTION (self));
  g_return_if_fail (ROADMAP_IS_SKILL (skill));

  anchor = self->anchor;
  if (anchor == NULL || roadmap_skill_get_phase (anchor) != roadmap_skill_get_phase (skill) ||
      roadmap_skill_get_status (anchor) != roadmap_skill_get_status (skill))
    {
      roadmap_selection_toggle (self, skill);
      return;
    }

  column = roadmap_phase_get_column (roadmap_skill_get_phase (skill), roadmap_skill_get_status (skill));
  from = MIN (roadmap_skill_get_position (anchor), roadmap_skill_get_position (skill));
  to = MAX (roadmap_skill_get_position (anchor), roadmap_skill_get_position (skill));
  for (guint i = from; i <= to; i++)
    {
      g_autoptr(RoadmapSkill) item = g_list_model_get_item (column, i);

      if (item != NULL)
        set_picked (self, item, TRUE);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Ctrl+A: every card of the column */
void
roadmap_selection_add_column (RoadmapSelection *self,
                              RoadmapPhase     *phase,
                              RoadmapStatus     status)
{
  GListModel *column;
  guint n;

  g_return_if_fail (ROADMAP_IS_SELECTION (self));
  g_return_if_fail (ROADMAP_IS_PHASE (phase));

  column = roadmap_phase_get_column (phase, status);
  n = g_list_model_get_n_items (column);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RoadmapSkill) item = g_list_model_get_item (column, i);

      set_picked (self, item, TRUE);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * roadmap_selection_clear:
 *
 * Returns: whether anything was picked
 */
gboolean
roadmap_selection_clear (RoadmapSelection *self)
{
  g_return_val_if_fail (ROADMAP_IS_SELECTION (self), FALSE);

  if (self->skills->len == 0)
    return FALSE;

  while (self->skills->len > 0)
    set_picked (self, g_ptr_array_index (self->skills, self->skills->len - 1), FALSE);
  g_clear_object (&self->anchor);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* roadmap-skill-list.c
 *
 * A phase's skills, in roadmap order, and each of its columns, in board
 * order. An array gives each item in one step, where a GListStore walks
 * its tree from node to node; a column's order is found by binary search
 * (see roadmap_skill_compare_place()), so a move touches one item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-skill-list.h"

struct _RoadmapSkillList
{
  GObject parent_instance;

  GPtrArray *skills;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RoadmapSkillList, roadmap_skill_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
roadmap_skill_list_get_item_type (GListModel *model)
{
  return ROADMAP_TYPE_SKILL;
}

static guint
roadmap_skill_list_get_n_items (GListModel *model)
{
  return ROADMAP_SKILL_LIST (model)->skills->len;
}

static gpointer
roadmap_skill_list_get_item (GListModel *model,
                             guint       position)
{
  RoadmapSkillList *self = ROADMAP_SKILL_LIST (model);

  if (position >= self->skills->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->skills, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = roadmap_skill_list_get_item_type;
  iface->get_n_items = roadmap_skill_list_get_n_items;
  iface->get_item = roadmap_skill_list_get_item;
}

static void
roadmap_skill_list_finalize (GObject *object)
{
  RoadmapSkillList *self = (RoadmapSkillList *) object;

  g_clear_pointer (&self->skills, g_ptr_array_unref);

  G_OBJECT_CLASS (roadmap_skill_list_parent_class)->finalize (object);
}

static void
roadmap_skill_list_class_init (RoadmapSkillListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = roadmap_skill_list_finalize;
}

static void
roadmap_skill_list_init (RoadmapSkillList *self)
{
  self->skills = g_ptr_array_new_with_free_func (g_object_unref);
}

RoadmapSkillList *
roadmap_skill_list_new (void)
{
  return g_object_new (ROADMAP_TYPE_SKILL_LIST, NULL);
}

void
roadmap_skill_list_append (RoadmapSkillList *self,
                           RoadmapSkill     *skill)
{
  g_return_if_fail (ROADMAP_IS_SKILL_LIST (self));
  g_return_if_fail (ROADMAP_IS_SKILL (skill));

  g_ptr_array_add (self->skills, g_object_ref (skill));
  g_list_model_items_changed (G_LIST_MODEL (self), self->skills->len - 1, 0, 1);
}

/**
 * roadmap_skill_list_insert:
 *
 * Inserts @skill at @position, emitting ::items-changed.
 */
void
roadmap_skill_list_insert (RoadmapSkillList *self,
                           guint             position,
                           RoadmapSkill     *skill)
{
  g_return_if_fail (ROADMAP_IS_SKILL_LIST (self));
  g_return_if_fail (ROADMAP_IS_SKILL (skill));
  g_return_if_fail (position <= self->skills->len);

  g_ptr_array_insert (self->skills, (int) position, g_object_ref (skill));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/**
 * roadmap_skill_list_remove:
 *
 * Removes the skill at @position, emitting ::items-changed.
 */
void
roadmap_skill_list_remove (RoadmapSkillList *self,
                           guint             position)
{
  g_return_if_fail (ROADMAP_IS_SKILL_LIST (self));
  g_return_if_fail (position < self->skills->len);

  g_ptr_array_remove_index (self->skills, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/**
 * roadmap_skill_list_replace_all:
 * @skills: (transfer none) (element-type RoadmapSkill): the new items
 *
 * Replaces the items with @skills; ::items-changed covers the range that
 * differs only, so that views keep the widgets of the items around it.
 */
void
roadmap_skill_list_replace_all (RoadmapSkillList *self,
                                GPtrArray        *skills)
{
  guint old_n, new_n, head = 0, tail = 0;

  g_return_if_fail (ROADMAP_IS_SKILL_LIST (self));
  g_return_if_fail (skills != NULL);

  old_n = self->skills->len;
  new_n = skills->len;
  while (head < old_n && head < new_n &&
         g_ptr_array_index (self->skills, head) == g_ptr_array_index (skills, head))
    head++;
  while (tail < old_n - head && tail < new_n - head &&
         g_ptr_array_index (self->skills, old_n - 1 - tail) == g_ptr_array_index (skills, new_n - 1 - tail))
    tail++;

  if (head == old_n && head == new_n)
    return;

  for (guint i = head; i < new_n - tail; i++)
    g_object_ref (g_ptr_array_index (skills, i));
  g_ptr_array_remove_range (self->skills, head, old_n - head - tail);
  for (guint i = head; i < new_n - tail; i++)
    g_ptr_array_insert (self->skills, (int) i, g_ptr_array_index (skills, i));

  g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - head - tail, new_n - head - tail);
}

/**
 * roadmap_skill_list_search:
 * @sort_key: a sort key
 * @index: a skill's index in its phase
 * @skip: a place to leave out (the skill being moved, whose key has
 *   changed already), or %G_MAXUINT
 *
 * For a list in board order (roadmap_skill_compare_place()), once @skip
 * is left out: the first place whose skill does not come before
 * (@sort_key, @index), found by binary search; where a skill with that
 * key and index is, or belongs, counted without @skip.
 */
guint
roadmap_skill_list_search (RoadmapSkillList *self,
                           gint64            sort_key,
                           guint             index,
                           guint             skip)
{
  guint low = 0, high;

  g_return_val_if_fail (ROADMAP_IS_SKILL_LIST (self), 0);

  high = self->skills->len - (skip < self->skills->len ? 1 : 0);
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      RoadmapSkill *skill = g_ptr_array_index (self->skills, middle < skip ? middle : middle + 1);
      gint64 key = roadmap_skill_get_sort_key (skill);

      if (key < sort_key || (key == sort_key && roadmap_skill_get_index (skill) < index))
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/**
 * roadmap_skill_list_peek:
 *
 * Like g_list_model_get_item() without the reference, for loops over
 * every skill.
 *
 * Returns: (transfer none) (nullable): the skill at @position
 */
RoadmapSkill *
roadmap_skill_list_peek (RoadmapSkillList *self,
                         guint             position)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL_LIST (self), NULL);

  if (position >= self->skills->len)
    return NULL;

  return g_ptr_array_index (self->skills, position);
}

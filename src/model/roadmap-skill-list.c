/* roadmap-skill-list.c
 *
 * A phase's skills are set once, when its roadmap file loads, and read
 * many times: by the board's filter and sort models, and for every skill
 * when progress loads. An array gives each item in one step, where a
 * GListStore walks its tree from node to node.
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

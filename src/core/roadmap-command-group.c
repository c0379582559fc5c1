/* roadmap-command-group.c
 *
 * Bulk moves, a reset, a restore: each a group of commands run in one
 * transaction, undone as one step, in reverse order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-command-group.h"

struct _RoadmapCommandGroup
{
  RoadmapCommand parent_instance;

  char *description;
  char *undo_description;   /* nullable: @description for every step */
  GPtrArray *commands;
  /* Which commands the last committed step changed something with: an
   * undo or a redo steps only through those (a command that found
   * nothing to change has nothing to undo); and which the step being
   * run does, until it is committed and applied */
  GArray *changed;
  GArray *pending;
};

G_DEFINE_FINAL_TYPE (RoadmapCommandGroup, roadmap_command_group, ROADMAP_TYPE_COMMAND)

static gboolean
roadmap_command_group_execute (RoadmapCommand         *command,
                               RoadmapCommandContext  *context,
                               RoadmapCommandStep      step,
                               gboolean               *changed,
                               GError                **error)
{
  RoadmapCommandGroup *self = ROADMAP_COMMAND_GROUP (command);
  guint n = self->commands->len;

  g_array_set_size (self->changed, n);
  g_array_set_size (self->pending, n);
  for (guint i = 0; i < n; i++)
    {
      /* Undo in reverse order */
      guint k = step == ROADMAP_COMMAND_UNDO ? n - 1 - i : i;
      gboolean one_changed = FALSE;

      if (step != ROADMAP_COMMAND_RUN && !g_array_index (self->changed, gboolean, k))
        {
          g_array_index (self->pending, gboolean, k) = FALSE;
          continue;
        }
      if (!roadmap_command_execute (g_ptr_array_index (self->commands, k), context, step,
                                    &one_changed, error))
        return FALSE;
      g_array_index (self->pending, gboolean, k) = one_changed;
      *changed |= one_changed;
    }

  return TRUE;
}

static void
roadmap_command_group_apply (RoadmapCommand     *command,
                             RoadmapCommandStep  step)
{
  RoadmapCommandGroup *self = ROADMAP_COMMAND_GROUP (command);
  guint n = self->commands->len;

  /* Committed: what this step changed is what the next one steps through */
  g_array_set_size (self->changed, n);
  memcpy (self->changed->data, self->pending->data, n * sizeof (gboolean));
  for (guint i = 0; i < n; i++)
    {
      guint k = step == ROADMAP_COMMAND_UNDO ? n - 1 - i : i;

      if (g_array_index (self->changed, gboolean, k))
        roadmap_command_apply (g_ptr_array_index (self->commands, k), step);
    }
}

static char *
roadmap_command_group_describe (RoadmapCommand     *command,
                                RoadmapCommandStep  step)
{
  RoadmapCommandGroup *self = ROADMAP_COMMAND_GROUP (command);

  if (step == ROADMAP_COMMAND_UNDO && self->undo_description != NULL)
    return g_strdup (self->undo_description);
  return g_strdup (self->description);
}

static void
roadmap_command_group_finalize (GObject *object)
{
  RoadmapCommandGroup *self = (RoadmapCommandGroup *) object;

  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->undo_description, g_free);
  g_clear_pointer (&self->commands, g_ptr_array_unref);
  g_clear_pointer (&self->changed, g_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);

  G_OBJECT_CLASS (roadmap_command_group_parent_class)->finalize (object);
}

static void
roadmap_command_group_class_init (RoadmapCommandGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RoadmapCommandClass *command_class = ROADMAP_COMMAND_CLASS (klass);

  object_class->finalize = roadmap_command_group_finalize;
  command_class->execute = roadmap_command_group_execute;
  command_class->apply = roadmap_command_group_apply;
  command_class->describe = roadmap_command_group_describe;
}

static void
roadmap_command_group_init (RoadmapCommandGroup *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
  self->changed = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->pending = g_array_new (FALSE, TRUE, sizeof (gboolean));
}

/**
 * roadmap_command_group_new:
 * @description: what the whole group does, for the user
 */
RoadmapCommand *
roadmap_command_group_new (const char *description)
{
  RoadmapCommandGroup *self;

  g_return_val_if_fail (description != NULL, NULL);

  self = g_object_new (ROADMAP_TYPE_COMMAND_GROUP, NULL);
  self->description = g_strdup (description);
  return ROADMAP_COMMAND (self);
}

/**
 * roadmap_command_group_set_undo_description:
 * @undo_description: what the toast says once the group is undone ("Put
 *   Backend Developer back as it was"); otherwise the description again
 */
void
roadmap_command_group_set_undo_description (RoadmapCommandGroup *self,
                                            const char          *undo_description)
{
  g_return_if_fail (ROADMAP_IS_COMMAND_GROUP (self));

  g_free (self->undo_description);
  self->undo_description = g_strdup (undo_description);
}

void
roadmap_command_group_add (RoadmapCommandGroup *self,
                           RoadmapCommand      *command)
{
  g_return_if_fail (ROADMAP_IS_COMMAND_GROUP (self));
  g_return_if_fail (ROADMAP_IS_COMMAND (command));

  g_ptr_array_add (self->commands, g_object_ref (command));
}

guint
roadmap_command_group_get_n_commands (RoadmapCommandGroup *self)
{
  g_return_val_if_fail (ROADMAP_IS_COMMAND_GROUP (self), 0);
  return self->commands->len;
}

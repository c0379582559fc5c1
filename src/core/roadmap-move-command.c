/* roadmap-move-command.c
 *
 * The target is what the learner meant — "in Doing, just before that
 * card" — and the database decides what it means now: if that card has
 * left the column meanwhile, the skill goes to the end of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-move-command.h"

struct _RoadmapMoveCommand
{
  RoadmapCommand parent_instance;

  RoadmapSkill *skill;
  RoadmapStatus status;
  RoadmapSkill *before;
  /* A status change only: a skill already in the column stays put */
  gboolean keep_place;

  /* Read and written by the last step */
  RoadmapProgressRow old_row;
  RoadmapProgressRow new_row;
  /* RoadmapPlacement: other rows the first run rewrote (renumbering) */
  GArray *written;
};

G_DEFINE_FINAL_TYPE (RoadmapMoveCommand, roadmap_move_command, ROADMAP_TYPE_COMMAND)

static gboolean
write_history (RoadmapMoveCommand     *self,
               RoadmapCommandContext  *context,
               RoadmapHistoryKind      kind,
               const RoadmapProgressRow *from,
               const RoadmapProgressRow *to,
               GError                **error)
{
  RoadmapHistoryEntry entry = {
    .change = context->change,
    .kind = kind,
    .origin = context->origin,
    .track_id = (char *) roadmap_skill_get_track_id (self->skill),
    .skill_id = (char *) roadmap_skill_get_id (self->skill),
    .old_status = from->status,
    .new_status = to->status,
    .changed_at = context->now,
  };

  return roadmap_store_write_history (context->store, &entry, from, to, error);
}

static gboolean
run (RoadmapMoveCommand     *self,
     RoadmapCommandContext  *context,
     gboolean               *changed,
     GError                **error)
{
  g_array_set_size (self->written, 0);

  if (!roadmap_store_place_skill (context->store, self->skill, self->status, self->before,
                                  self->keep_place, context->change,
                                  context->now / G_USEC_PER_SEC,
                                  &self->old_row, &self->new_row, self->written, error))
    return FALSE;

  if (self->new_row.change != context->change)
    return TRUE;

  *changed = TRUE;
  roadmap_command_context_mark_own (context, self->skill);
  for (guint i = 0; i < self->written->len; i++)
    roadmap_command_context_mark_own (context, g_array_index (self->written, RoadmapPlacement, i).skill);

  return write_history (self, context, ROADMAP_HISTORY_MOVE, &self->old_row, &self->new_row, error);
}

/* Undo writes back the row the run found, redo the one it wrote; each
 * only if the row on disk is still the one this session left. */
static gboolean
restore (RoadmapMoveCommand     *self,
         RoadmapCommandContext  *context,
         RoadmapCommandStep      step,
         gboolean               *changed,
         GError                **error)
{
  RoadmapProgressRow current;
  RoadmapProgressRow target = step == ROADMAP_COMMAND_UNDO ? self->old_row : self->new_row;

  if (!roadmap_store_read_row (context->store, self->skill, &current, error) ||
      !roadmap_command_context_check_own (context, self->skill, current.change, error))
    return FALSE;

  target.stored = TRUE;
  target.change = context->change;
  if (!roadmap_store_write_row (context->store, self->skill, &target, context->change,
                                context->now / G_USEC_PER_SEC, error) ||
      !write_history (self, context,
                      step == ROADMAP_COMMAND_UNDO ? ROADMAP_HISTORY_UNDO : ROADMAP_HISTORY_REDO,
                      &current, &target, error))
    return FALSE;

  if (step == ROADMAP_COMMAND_UNDO)
    self->old_row = target;
  else
    self->new_row = target;
  *changed = TRUE;
  roadmap_command_context_mark_own (context, self->skill);
  return TRUE;
}

static gboolean
roadmap_move_command_execute (RoadmapCommand         *command,
                              RoadmapCommandContext  *context,
                              RoadmapCommandStep      step,
                              gboolean               *changed,
                              GError                **error)
{
  RoadmapMoveCommand *self = ROADMAP_MOVE_COMMAND (command);

  if (step == ROADMAP_COMMAND_RUN)
    return run (self, context, changed, error);
  return restore (self, context, step, changed, error);
}

static void
roadmap_move_command_apply (RoadmapCommand     *command,
                            RoadmapCommandStep  step)
{
  RoadmapMoveCommand *self = ROADMAP_MOVE_COMMAND (command);

  if (step == ROADMAP_COMMAND_RUN)
    {
      for (guint i = 0; i < self->written->len; i++)
        {
          RoadmapPlacement *placement = &g_array_index (self->written, RoadmapPlacement, i);

          roadmap_progress_row_apply (&placement->row, placement->skill);
        }
      g_array_set_size (self->written, 0);
    }

  roadmap_progress_row_apply (step == ROADMAP_COMMAND_UNDO ? &self->old_row : &self->new_row,
                              self->skill);
}

static char *
roadmap_move_command_describe (RoadmapCommand     *command,
                               RoadmapCommandStep  step)
{
  RoadmapMoveCommand *self = ROADMAP_MOVE_COMMAND (command);

  /* A card moved up or down its own column */
  if (self->old_row.status == self->new_row.status)
    {
      if (step == ROADMAP_COMMAND_UNDO)
        /* Translators: a toast, "Put SQL & NoSQL Databases back in its place in Doing" */
        return g_strdup_printf (_("Put %s back in its place in %s"), roadmap_skill_get_title (self->skill),
                                roadmap_status_get_label (self->old_row.status));

      /* Translators: a toast, "Reordered SQL & NoSQL Databases in Doing" */
      return g_strdup_printf (_("Reordered %s in %s"), roadmap_skill_get_title (self->skill),
                              roadmap_status_get_label (self->new_row.status));
    }

  if (step == ROADMAP_COMMAND_UNDO)
    /* Translators: a toast, "Moved SQL & NoSQL Databases back to Doing" */
    return g_strdup_printf (_("Moved %s back to %s"), roadmap_skill_get_title (self->skill),
                            roadmap_status_get_label (self->old_row.status));

  if (self->new_row.status == ROADMAP_STATUS_SKIPPED)
    /* Translators: a toast, "Skipped SQL & NoSQL Databases" */
    return g_strdup_printf (_("Skipped %s"), roadmap_skill_get_title (self->skill));

  /* Translators: a toast, "Moved SQL & NoSQL Databases to Done" */
  return g_strdup_printf (_("Moved %s to %s"), roadmap_skill_get_title (self->skill),
                          roadmap_status_get_label (self->new_row.status));
}

static void
roadmap_move_command_finalize (GObject *object)
{
  RoadmapMoveCommand *self = (RoadmapMoveCommand *) object;

  g_clear_object (&self->skill);
  g_clear_object (&self->before);
  g_clear_pointer (&self->written, g_array_unref);

  G_OBJECT_CLASS (roadmap_move_command_parent_class)->finalize (object);
}

static void
roadmap_move_command_class_init (RoadmapMoveCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RoadmapCommandClass *command_class = ROADMAP_COMMAND_CLASS (klass);

  object_class->finalize = roadmap_move_command_finalize;
  command_class->execute = roadmap_move_command_execute;
  command_class->apply = roadmap_move_command_apply;
  command_class->describe = roadmap_move_command_describe;
}

static void
roadmap_move_command_init (RoadmapMoveCommand *self)
{
  self->written = g_array_new (FALSE, FALSE, sizeof (RoadmapPlacement));
}

/**
 * roadmap_move_command_new:
 * @status: the column
 * @before: (nullable): the card of that column to land just before, as
 *   the learner saw it; %NULL for the end of the column
 */
RoadmapCommand *
roadmap_move_command_new (RoadmapSkill  *skill,
                          RoadmapStatus  status,
                          RoadmapSkill  *before)
{
  RoadmapMoveCommand *self;

  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), NULL);
  g_return_val_if_fail (roadmap_skill_get_phase (skill) != NULL, NULL);
  g_return_val_if_fail (status < ROADMAP_N_STATUSES, NULL);
  g_return_val_if_fail (before == NULL || ROADMAP_IS_SKILL (before), NULL);

  self = g_object_new (ROADMAP_TYPE_MOVE_COMMAND, NULL);
  self->skill = g_object_ref (skill);
  self->status = status;
  if (before != NULL && before != skill &&
      roadmap_skill_get_phase (before) == roadmap_skill_get_phase (skill))
    self->before = g_object_ref (before);
  roadmap_progress_row_init_unstored (&self->old_row, skill);
  self->new_row = self->old_row;

  return ROADMAP_COMMAND (self);
}

/**
 * roadmap_move_command_new_status:
 *
 * To the end of column @status, unless the database has @skill in it
 * already: then nothing changes.
 */
RoadmapCommand *
roadmap_move_command_new_status (RoadmapSkill  *skill,
                                 RoadmapStatus  status)
{
  RoadmapCommand *command = roadmap_move_command_new (skill, status, NULL);

  if (command != NULL)
    ROADMAP_MOVE_COMMAND (command)->keep_place = TRUE;
  return command;
}

RoadmapSkill *
roadmap_move_command_get_skill (RoadmapMoveCommand *self)
{
  g_return_val_if_fail (ROADMAP_IS_MOVE_COMMAND (self), NULL);
  return self->skill;
}

/**
 * roadmap_move_command_get_status:
 *
 * Returns: the column the skill is in after the command, as written
 */
RoadmapStatus
roadmap_move_command_get_status (RoadmapMoveCommand *self)
{
  g_return_val_if_fail (ROADMAP_IS_MOVE_COMMAND (self), ROADMAP_STATUS_TODO);
  return self->new_row.status;
}

/**
 * roadmap_move_command_get_old_status:
 *
 * Returns: the column the database had the skill in before
 */
RoadmapStatus
roadmap_move_command_get_old_status (RoadmapMoveCommand *self)
{
  g_return_val_if_fail (ROADMAP_IS_MOVE_COMMAND (self), ROADMAP_STATUS_TODO);
  return self->old_row.status;
}

/* roadmap-loser-command.c — a value of a skill that lost a sync conflict
 * (roadmap_store_sync_restore_loser()), given back to it. The value it
 * replaces becomes the loser in its place, so Restore on that one goes
 * back: the command is not a step of the undo history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-loser-command.h"
#include "roadmap-store-sync.h"

struct _RoadmapLoserCommand
{
  RoadmapCommand parent_instance;

  RoadmapSkill *skill;
  gint64 loser_id;
  /* For apply(): the model reloads the rows of the change */
  RoadmapStore *store;
  RoadmapCatalog *catalog;
  gint64 change;
};

G_DEFINE_FINAL_TYPE (RoadmapLoserCommand, roadmap_loser_command, ROADMAP_TYPE_COMMAND)

static gboolean
roadmap_loser_command_execute (RoadmapCommand         *command,
                               RoadmapCommandContext  *context,
                               RoadmapCommandStep      step,
                               gboolean               *changed,
                               GError                **error)
{
  RoadmapLoserCommand *self = ROADMAP_LOSER_COMMAND (command);
  gboolean written = FALSE;

  if (step != ROADMAP_COMMAND_RUN)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "A restored value is not undone");
      return FALSE;
    }

  if (!roadmap_store_sync_restore_loser (context->store, self->loser_id, context->change,
                                         context->now, context->origin, &written, error))
    return FALSE;
  /* The loser row went, at least */
  *changed = TRUE;
  if (written)
    roadmap_command_context_mark_own (context, self->skill);

  g_set_object (&self->store, context->store);
  g_set_object (&self->catalog, context->catalog);
  self->change = context->change;
  return TRUE;
}

static void
roadmap_loser_command_apply (RoadmapCommand     *command,
                             RoadmapCommandStep  step)
{
  RoadmapLoserCommand *self = ROADMAP_LOSER_COMMAND (command);
  g_autoptr(GError) error = NULL;
  gint64 loaded;

  if (self->catalog == NULL)
    return;
  /* Should it fail, the session's next reload reads the rows again */
  if (!roadmap_store_load_progress_since (self->store, self->catalog, self->change - 1,
                                          &loaded, NULL, &error))
    g_warning ("Could not load the restored value: %s", error->message);
}

static char *
roadmap_loser_command_describe (RoadmapCommand     *command,
                                RoadmapCommandStep  step)
{
  RoadmapLoserCommand *self = ROADMAP_LOSER_COMMAND (command);

  /* Translators: a toast; %s is a skill's title */
  return g_strdup_printf (_("Restored the other value of %s"), roadmap_skill_get_title (self->skill));
}

static void
roadmap_loser_command_finalize (GObject *object)
{
  RoadmapLoserCommand *self = (RoadmapLoserCommand *) object;

  g_clear_object (&self->skill);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (roadmap_loser_command_parent_class)->finalize (object);
}

static void
roadmap_loser_command_class_init (RoadmapLoserCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RoadmapCommandClass *command_class = ROADMAP_COMMAND_CLASS (klass);

  object_class->finalize = roadmap_loser_command_finalize;
  command_class->execute = roadmap_loser_command_execute;
  command_class->apply = roadmap_loser_command_apply;
  command_class->describe = roadmap_loser_command_describe;
  command_class->undoable = FALSE;
}

static void
roadmap_loser_command_init (RoadmapLoserCommand *self)
{
}

/**
 * roadmap_loser_command_new:
 * @loser_id: the loser's id (RoadmapSyncLoser), a value of @skill's
 */
RoadmapCommand *
roadmap_loser_command_new (RoadmapSkill *skill,
                           gint64        loser_id)
{
  RoadmapLoserCommand *self;

  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), NULL);

  self = g_object_new (ROADMAP_TYPE_LOSER_COMMAND, NULL);
  self->skill = g_object_ref (skill);
  self->loser_id = loser_id;
  return ROADMAP_COMMAND (self);
}

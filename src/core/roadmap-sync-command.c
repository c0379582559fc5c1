/* roadmap-sync-command.c — tasks pulled from the server merged into the
 * database in one change (roadmap_store_sync_merge()), field by field.
 * It is another machine's change: not undoable here, and what it writes
 * is not queued back to the server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-store-sync.h"
#include "roadmap-sync-command.h"

typedef struct
{
  RoadmapSyncRecord *record;
  gint64 sequence;
} Remote;

struct _RoadmapSyncCommand
{
  RoadmapCommand parent_instance;

  GArray *remotes;  /* Remote */
  guint n_conflicts;
  /* For apply(): the model reloads the rows of the change */
  RoadmapStore *store;
  RoadmapCatalog *catalog;
  gint64 change;
};

G_DEFINE_FINAL_TYPE (RoadmapSyncCommand, roadmap_sync_command, ROADMAP_TYPE_COMMAND)

static void
clear_remote (Remote *remote)
{
  roadmap_sync_record_free (remote->record);
}

static gboolean
roadmap_sync_command_execute (RoadmapCommand         *command,
                              RoadmapCommandContext  *context,
                              RoadmapCommandStep      step,
                              gboolean               *changed,
                              GError                **error)
{
  RoadmapSyncCommand *self = ROADMAP_SYNC_COMMAND (command);

  /* Not undoable: only ever run */
  if (step != ROADMAP_COMMAND_RUN)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "A merge from another device is not undone");
      return FALSE;
    }

  self->n_conflicts = 0;
  for (guint i = 0; i < self->remotes->len; i++)
    {
      Remote *remote = &g_array_index (self->remotes, Remote, i);
      gboolean written;

      if (!roadmap_store_sync_merge (context->store, remote->record, remote->sequence,
                                     context->change, context->now, ROADMAP_ORIGIN_SYNC,
                                     &self->n_conflicts, &written, error))
        return FALSE;
      *changed |= written;
    }

  g_set_object (&self->store, context->store);
  g_set_object (&self->catalog, context->catalog);
  self->change = context->change;
  return TRUE;
}

static void
roadmap_sync_command_apply (RoadmapCommand     *command,
                            RoadmapCommandStep  step)
{
  RoadmapSyncCommand *self = ROADMAP_SYNC_COMMAND (command);
  g_autoptr(GError) error = NULL;
  gint64 loaded;

  if (self->catalog == NULL)
    return;
  /* Should it fail, the session's next reload reads the rows again */
  if (!roadmap_store_load_progress_since (self->store, self->catalog, self->change - 1,
                                          &loaded, NULL, &error))
    g_warning ("Could not load the progress from another device: %s", error->message);
}

static char *
roadmap_sync_command_describe (RoadmapCommand     *command,
                               RoadmapCommandStep  step)
{
  RoadmapSyncCommand *self = ROADMAP_SYNC_COMMAND (command);

  /* Translators: a toast */
  return g_strdup_printf (ngettext ("%u skill changed on another device",
                                    "%u skills changed on another device",
                                    self->remotes->len),
                          self->remotes->len);
}

static void
roadmap_sync_command_finalize (GObject *object)
{
  RoadmapSyncCommand *self = (RoadmapSyncCommand *) object;

  g_clear_pointer (&self->remotes, g_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (roadmap_sync_command_parent_class)->finalize (object);
}

static void
roadmap_sync_command_class_init (RoadmapSyncCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RoadmapCommandClass *command_class = ROADMAP_COMMAND_CLASS (klass);

  object_class->finalize = roadmap_sync_command_finalize;
  command_class->execute = roadmap_sync_command_execute;
  command_class->apply = roadmap_sync_command_apply;
  command_class->describe = roadmap_sync_command_describe;
  command_class->undoable = FALSE;
}

static void
roadmap_sync_command_init (RoadmapSyncCommand *self)
{
  self->remotes = g_array_new (FALSE, FALSE, sizeof (Remote));
  g_array_set_clear_func (self->remotes, (GDestroyNotify) clear_remote);
}

RoadmapSyncCommand *
roadmap_sync_command_new (void)
{
  return g_object_new (ROADMAP_TYPE_SYNC_COMMAND, NULL);
}

/**
 * roadmap_sync_command_add:
 * @remote: a task of the server, checked (roadmap_sync_record_check())
 * @sequence: its SEQUENCE
 */
void
roadmap_sync_command_add (RoadmapSyncCommand      *self,
                          const RoadmapSyncRecord *remote,
                          gint64                   sequence)
{
  Remote entry;

  g_return_if_fail (ROADMAP_IS_SYNC_COMMAND (self));
  g_return_if_fail (remote != NULL);

  entry = (Remote) { roadmap_sync_record_copy (remote), sequence };
  g_array_append_val (self->remotes, entry);
}

guint
roadmap_sync_command_get_n_records (RoadmapSyncCommand *self)
{
  g_return_val_if_fail (ROADMAP_IS_SYNC_COMMAND (self), 0);
  return self->remotes->len;
}

/* Fields both sides changed, once run */
guint
roadmap_sync_command_get_n_conflicts (RoadmapSyncCommand *self)
{
  g_return_val_if_fail (ROADMAP_IS_SYNC_COMMAND (self), 0);
  return self->n_conflicts;
}

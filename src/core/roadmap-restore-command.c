/* roadmap-restore-command.c
 *
 * A restore replaces all progress, notes, ticked topics, plans and the
 * preferences of a backup (a progress file or a daily copy of the
 * database) in one change, and adds or replaces the learner's own
 * roadmap files it carries (see roadmap-folder-change.c). The run reads what it replaces inside its
 * transaction, so that undo can put it back; undo and redo go ahead
 * only when the database still holds exactly what the step before left
 * (compared as boards: places, dates, notes, ticks), so that nothing
 * another process wrote since is overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-restore-command.h"
#include "roadmap-folder-change.h"

struct _RoadmapRestoreCommand
{
  RoadmapCommand parent_instance;

  RoadmapProgressData *data;
  char *source_name;
  /* The user's roadmap folder, and what the backup changes in it */
  GFile *roadmap_dir;
  RoadmapFolderChange *files;
  /* What the run replaced */
  RoadmapProgressData *before;
  /* For apply(): the model reloads from the database */
  RoadmapStore *store;
  RoadmapCatalog *catalog;
};

G_DEFINE_FINAL_TYPE (RoadmapRestoreCommand, roadmap_restore_command, ROADMAP_TYPE_COMMAND)

/* The skills and topic rows of @data are this session's now: an older
 * step of the history that touches them stays undoable once this one is
 * undone. */
static void
mark_own (RoadmapCommandContext *context,
          RoadmapProgressData   *data)
{
  for (guint i = 0; context->catalog != NULL && i < roadmap_progress_data_get_n_entries (data); i++)
    {
      const RoadmapProgressEntry *entry = roadmap_progress_data_get_entry (data, i);
      RoadmapSkill *skill = roadmap_catalog_find_skill (context->catalog, entry->track_id,
                                                        entry->skill_id);

      if (skill == NULL)
        continue;
      roadmap_command_context_mark_own (context, skill);
      for (guint t = 0; entry->topics_done != NULL && entry->topics_done[t] != NULL; t++)
        {
          g_autofree char *key = g_strjoin ("/", entry->track_id, entry->skill_id,
                                            entry->topics_done[t], NULL);

          roadmap_command_context_mark_own_row (context, key);
        }
    }

  /* And the plans' rows (see roadmap-plan-command.c) */
  for (const char * const *track_id = roadmap_progress_data_list_plans (data); *track_id != NULL; track_id++)
    {
      g_autofree char *key = g_strconcat ("plan/", *track_id, NULL);

      roadmap_command_context_mark_own_row (context, key);
    }
}

static gboolean
has_file_changes (RoadmapRestoreCommand *self)
{
  guint n_added, n_replaced;

  roadmap_folder_change_count (self->files, &n_added, &n_replaced);
  return n_added + n_replaced > 0;
}

static gboolean
roadmap_restore_command_execute (RoadmapCommand         *command,
                                 RoadmapCommandContext  *context,
                                 RoadmapCommandStep      step,
                                 gboolean               *changed,
                                 GError                **error)
{
  RoadmapRestoreCommand *self = ROADMAP_RESTORE_COMMAND (command);
  g_autoptr(RoadmapProgressData) current = NULL;
  RoadmapProgressData *expected, *target;

  current = roadmap_progress_data_read (context->store, error);
  if (current == NULL)
    return FALSE;

  if (step == ROADMAP_COMMAND_RUN)
    {
      g_set_object (&self->before, current);
      g_clear_pointer (&self->files, roadmap_folder_change_free);
      self->files = roadmap_folder_change_new_for_backup (self->roadmap_dir, self->data, error);
      if (self->files == NULL)
        return FALSE;
      /* The backup holds what the database and the folder hold: nothing
       * to do */
      if (roadmap_progress_data_equal (current, self->data) && !has_file_changes (self))
        return TRUE;
    }
  else
    {
      expected = step == ROADMAP_COMMAND_UNDO ? self->data : self->before;
      if (!roadmap_progress_data_equal (current, expected))
        {
          g_set_error_literal (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE,
                               step == ROADMAP_COMMAND_UNDO
                               ? _("Progress was changed elsewhere since the restore; nothing was changed")
                               : _("Progress was changed elsewhere since the restore was undone; nothing was changed"));
          return FALSE;
        }
    }

  /* The roadmap files first: staged beside their places, put there once
   * the change is committed (apply()) */
  if (!roadmap_folder_change_stage (self->files, step == ROADMAP_COMMAND_UNDO, error))
    return FALSE;

  target = step == ROADMAP_COMMAND_UNDO ? self->before : self->data;
  if (!roadmap_progress_data_write (target, context->store, context->change, context->origin,
                                    context->now, error))
    {
      roadmap_folder_change_unstage (self->files);
      return FALSE;
    }

  mark_own (context, current);
  mark_own (context, target);
  g_set_object (&self->store, context->store);
  g_set_object (&self->catalog, context->catalog);
  *changed = TRUE;
  return TRUE;
}

static void
roadmap_restore_command_apply (RoadmapCommand     *command,
                               RoadmapCommandStep  step)
{
  RoadmapRestoreCommand *self = ROADMAP_RESTORE_COMMAND (command);
  g_autoptr(GError) error = NULL;
  gint64 loaded;

  roadmap_folder_change_put (self->files, step == ROADMAP_COMMAND_UNDO, self->catalog);
  if (self->catalog == NULL)
    return;

  /* Everything was replaced: a full load. Should it fail, the session's
   * next reload reads it all, as after any other process's restore. */
  if (!roadmap_store_load_progress_since (self->store, self->catalog, 0, &loaded, NULL, &error))
    g_warning ("Could not reload the restored progress: %s", error->message);
}

static char *
roadmap_restore_command_describe (RoadmapCommand     *command,
                                  RoadmapCommandStep  step)
{
  RoadmapRestoreCommand *self = ROADMAP_RESTORE_COMMAND (command);

  if (step == ROADMAP_COMMAND_UNDO)
    /* Translators: a toast; %s is a file name or a backup's date */
    return g_strdup_printf (_("Undid the restore from %s"), self->source_name);
  /* Translators: a toast; %s is a file name or a backup's date */
  return g_strdup_printf (_("Restored progress from %s"), self->source_name);
}

static void
roadmap_restore_command_finalize (GObject *object)
{
  RoadmapRestoreCommand *self = (RoadmapRestoreCommand *) object;

  g_clear_object (&self->data);
  g_clear_object (&self->before);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->source_name, g_free);
  /* Files staged for a change that did not commit go with it */
  g_clear_pointer (&self->files, roadmap_folder_change_free);
  g_clear_object (&self->roadmap_dir);

  G_OBJECT_CLASS (roadmap_restore_command_parent_class)->finalize (object);
}

static void
roadmap_restore_command_class_init (RoadmapRestoreCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RoadmapCommandClass *command_class = ROADMAP_COMMAND_CLASS (klass);

  object_class->finalize = roadmap_restore_command_finalize;
  command_class->execute = roadmap_restore_command_execute;
  command_class->apply = roadmap_restore_command_apply;
  command_class->describe = roadmap_restore_command_describe;
}

static void
roadmap_restore_command_init (RoadmapRestoreCommand *self)
{
}

/**
 * roadmap_restore_command_new:
 * @data: what to restore, checked already (roadmap_progress_file_read(),
 *   roadmap_progress_data_read_backup())
 * @source_name: names the backup for the user, in the toasts
 * @roadmap_dir: the user's roadmap folder, where @data's own roadmap
 *   files go
 */
RoadmapCommand *
roadmap_restore_command_new (RoadmapProgressData *data,
                             const char          *source_name,
                             GFile               *roadmap_dir)
{
  RoadmapRestoreCommand *self;

  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (data), NULL);
  g_return_val_if_fail (source_name != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (roadmap_dir), NULL);

  self = g_object_new (ROADMAP_TYPE_RESTORE_COMMAND, NULL);
  self->data = g_object_ref (data);
  self->source_name = g_strdup (source_name);
  self->roadmap_dir = g_object_ref (roadmap_dir);
  return ROADMAP_COMMAND (self);
}

/**
 * roadmap_restore_command_count_roadmaps:
 * @n_added: (out): own roadmap files of @data that @roadmap_dir lacks
 * @n_replaced: (out): those it has with other contents
 *
 * For the preview; a folder that cannot be read counts none.
 */
void
roadmap_restore_command_count_roadmaps (RoadmapProgressData *data,
                                        GFile               *roadmap_dir,
                                        guint               *n_added,
                                        guint               *n_replaced)
{
  g_autoptr(RoadmapFolderChange) files = roadmap_folder_change_new_for_backup (roadmap_dir, data, NULL);

  *n_added = *n_replaced = 0;
  if (files != NULL)
    roadmap_folder_change_count (files, n_added, n_replaced);
}

/* roadmap-track-command.c
 *
 * Every change of the tracks themselves, as opposed to their progress:
 * a roadmap file imported, replaced, edited, copied from a bundled track
 * or removed from the user's roadmap folder (see roadmap-folder-change.c:
 * the file is staged inside the change's transaction and put in place
 * once it commits, so that one process at a time changes the folder),
 * or a track hidden or shown again (a preference row, so that the
 * window, the command line and the report agree).
 *
 * The command is planned from what the file held when it was read (the
 * import's check, the editor's opening): should it hold something else
 * by the time the change runs, another process or an editor wrote it
 * since, and the command refuses (%ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE)
 * rather than overwrite it. Undo and redo check the same way.
 *
 * Progress is keyed by track and skill id, and none of these changes
 * touches it: a skill dropped from a track keeps its progress, which is
 * back when the skill is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-folder-change.h"
#include "roadmap-track-command.h"

struct _RoadmapTrackCommand
{
  RoadmapCommand parent_instance;

  RoadmapTrackChange change;
  char *track_id;
  char *title;
  /* The file change, for all but hiding and showing */
  RoadmapFolderChange *files;
  /* For apply(): the model reloads from the database */
  RoadmapStore *store;
  RoadmapCatalog *catalog;
};

G_DEFINE_FINAL_TYPE (RoadmapTrackCommand, roadmap_track_command, ROADMAP_TYPE_COMMAND)

static gboolean
is_hiding (RoadmapTrackCommand *self)
{
  return self->change == ROADMAP_TRACK_CHANGE_HIDE || self->change == ROADMAP_TRACK_CHANGE_SHOW;
}

/* What the hidden row holds after @step */
static gint64
hidden_after (RoadmapTrackCommand *self,
              RoadmapCommandStep   step)
{
  gboolean hide = self->change == ROADMAP_TRACK_CHANGE_HIDE;

  return (step == ROADMAP_COMMAND_UNDO ? !hide : hide) ? 1 : 0;
}

static gboolean
execute_hidden (RoadmapTrackCommand    *self,
                RoadmapCommandContext  *context,
                RoadmapCommandStep      step,
                gboolean               *changed,
                GError                **error)
{
  g_autofree char *key = roadmap_store_hidden_key (self->track_id);
  gint64 target = hidden_after (self, step);
  gint64 current;

  if (!roadmap_store_read_preference (context->store, key, 0, &current, error))
    return FALSE;
  if (current == target)
    {
      /* Hidden or shown meanwhile, by another process: nothing to do,
       * but an undo or redo that finds it so was overtaken */
      if (step == ROADMAP_COMMAND_RUN)
        return TRUE;
      g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE,
                   _("“%s” was hidden or shown elsewhere; nothing was changed"), self->title);
      return FALSE;
    }

  if (!roadmap_store_write_preference (context->store, key, target, context->change,
                                       context->now / G_USEC_PER_SEC, error))
    return FALSE;

  *changed = TRUE;
  return TRUE;
}

static gboolean
roadmap_track_command_execute (RoadmapCommand         *command,
                               RoadmapCommandContext  *context,
                               RoadmapCommandStep      step,
                               gboolean               *changed,
                               GError                **error)
{
  RoadmapTrackCommand *self = ROADMAP_TRACK_COMMAND (command);

  g_set_object (&self->store, context->store);
  g_set_object (&self->catalog, context->catalog);

  if (is_hiding (self))
    return execute_hidden (self, context, step, changed, error);

  /* Staged beside its place, put there once the change is committed
   * (apply()) */
  if (!roadmap_folder_change_stage (self->files, step == ROADMAP_COMMAND_UNDO, error))
    return FALSE;

  *changed = TRUE;
  return TRUE;
}

static void
roadmap_track_command_apply (RoadmapCommand     *command,
                             RoadmapCommandStep  step)
{
  RoadmapTrackCommand *self = ROADMAP_TRACK_COMMAND (command);
  g_autoptr(GError) error = NULL;
  gint64 loaded;

  if (is_hiding (self))
    {
      if (self->catalog != NULL)
        roadmap_catalog_set_hidden (self->catalog, self->track_id, hidden_after (self, step) != 0);
      return;
    }

  roadmap_folder_change_put (self->files, step == ROADMAP_COMMAND_UNDO, self->catalog);
  if (self->catalog == NULL)
    return;

  /* The tracks read again hold no progress yet, and a bundled track back
   * in place holds what it had when its copy stood in for it: a full
   * load. Should it fail, the session's next reload reads it all. */
  if (!roadmap_store_load_progress_since (self->store, self->catalog, 0, &loaded, NULL, &error))
    g_warning ("Could not reload the progress of “%s”: %s", self->track_id, error->message);
}

static char *
roadmap_track_command_describe (RoadmapCommand     *command,
                                RoadmapCommandStep  step)
{
  RoadmapTrackCommand *self = ROADMAP_TRACK_COMMAND (command);
  gboolean undo = step == ROADMAP_COMMAND_UNDO;

  /* Translators: toasts; each %s is a track's title */
  switch (self->change)
    {
    case ROADMAP_TRACK_CHANGE_IMPORT:
      return g_strdup_printf (undo ? _("Undid the import of “%s”") : _("Imported “%s”"), self->title);
    case ROADMAP_TRACK_CHANGE_CREATE:
      return g_strdup_printf (undo ? _("Undid the creation of “%s”") : _("Created “%s”"), self->title);
    case ROADMAP_TRACK_CHANGE_REPLACE:
      return g_strdup_printf (undo ? _("Put back the previous “%s”") : _("Replaced “%s”"), self->title);
    case ROADMAP_TRACK_CHANGE_EDIT:
      return g_strdup_printf (undo ? _("Undid the changes to “%s”") : _("Saved “%s”"), self->title);
    case ROADMAP_TRACK_CHANGE_CUSTOMIZE:
      return g_strdup_printf (undo ? _("“%s” is the original again") : _("“%s” is yours to edit"), self->title);
    case ROADMAP_TRACK_CHANGE_REVERT:
      return g_strdup_printf (undo ? _("Put back your changes to “%s”") : _("Reverted “%s” to the original"),
                              self->title);
    case ROADMAP_TRACK_CHANGE_REMOVE:
    case ROADMAP_TRACK_CHANGE_HIDE:
      return g_strdup_printf (undo ? _("Brought “%s” back") : _("Removed “%s”"), self->title);
    case ROADMAP_TRACK_CHANGE_SHOW:
      return g_strdup_printf (undo ? _("Hid “%s” again") : _("Showed “%s” again"), self->title);
    default:
      g_assert_not_reached ();
    }
}

static void
roadmap_track_command_finalize (GObject *object)
{
  RoadmapTrackCommand *self = (RoadmapTrackCommand *) object;

  g_clear_pointer (&self->track_id, g_free);
  g_clear_pointer (&self->title, g_free);
  /* A file staged for a change that did not commit goes with it */
  g_clear_pointer (&self->files, roadmap_folder_change_free);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (roadmap_track_command_parent_class)->finalize (object);
}

static void
roadmap_track_command_class_init (RoadmapTrackCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RoadmapCommandClass *command_class = ROADMAP_COMMAND_CLASS (klass);

  object_class->finalize = roadmap_track_command_finalize;
  command_class->execute = roadmap_track_command_execute;
  command_class->apply = roadmap_track_command_apply;
  command_class->describe = roadmap_track_command_describe;
  command_class->undoable = TRUE;
}

static void
roadmap_track_command_init (RoadmapTrackCommand *self)
{
}

/**
 * roadmap_track_command_new_file:
 * @change: any but %ROADMAP_TRACK_CHANGE_HIDE and _SHOW
 * @roadmap_dir: the user's roadmap folder
 * @file_name: the file of @roadmap_dir that holds the track
 * @title: the track's title, for the toasts
 * @before: (nullable): what the file held when the command was planned,
 *   %NULL for no file
 * @after: (nullable): what it is to hold, %NULL to remove it
 */
RoadmapCommand *
roadmap_track_command_new_file (RoadmapTrackChange  change,
                                GFile              *roadmap_dir,
                                const char         *file_name,
                                const char         *track_id,
                                const char         *title,
                                GBytes             *before,
                                GBytes             *after)
{
  RoadmapTrackCommand *self;

  g_return_val_if_fail (change != ROADMAP_TRACK_CHANGE_HIDE && change != ROADMAP_TRACK_CHANGE_SHOW, NULL);
  g_return_val_if_fail (G_IS_FILE (roadmap_dir), NULL);
  g_return_val_if_fail (file_name != NULL && track_id != NULL && title != NULL, NULL);
  g_return_val_if_fail (before != NULL || after != NULL, NULL);

  self = g_object_new (ROADMAP_TYPE_TRACK_COMMAND, NULL);
  self->change = change;
  self->track_id = g_strdup (track_id);
  self->title = g_strdup (title);
  self->files = roadmap_folder_change_new (roadmap_dir);
  roadmap_folder_change_add (self->files, file_name, track_id, before, after);

  return ROADMAP_COMMAND (self);
}

/**
 * roadmap_track_command_new_hidden:
 * @hidden: hide the track, or show it again
 */
RoadmapCommand *
roadmap_track_command_new_hidden (const char *track_id,
                                  const char *title,
                                  gboolean    hidden)
{
  RoadmapTrackCommand *self;

  g_return_val_if_fail (track_id != NULL && title != NULL, NULL);

  self = g_object_new (ROADMAP_TYPE_TRACK_COMMAND, NULL);
  self->change = hidden ? ROADMAP_TRACK_CHANGE_HIDE : ROADMAP_TRACK_CHANGE_SHOW;
  self->track_id = g_strdup (track_id);
  self->title = g_strdup (title);

  return ROADMAP_COMMAND (self);
}

RoadmapTrackChange
roadmap_track_command_get_change (RoadmapTrackCommand *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK_COMMAND (self), ROADMAP_TRACK_CHANGE_IMPORT);
  return self->change;
}

/**
 * roadmap_track_command_get_track_id:
 *
 * Returns: the id of the track it changes
 */
const char *
roadmap_track_command_get_track_id (RoadmapTrackCommand *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK_COMMAND (self), NULL);
  return self->track_id;
}

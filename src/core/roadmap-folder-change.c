/* roadmap-folder-change.c
 *
 * The learner's own roadmap files a command adds, replaces or removes:
 * an import, an edit, an own copy of a bundled track, a revert, a
 * removal (roadmap-track-command.c), or a restore of a backup
 * (roadmap-restore-command.c). A restore adds the files the roadmap
 * folder lacks and replaces those it holds with other contents; a file
 * the backup does not carry is never removed: it is the learner's, and
 * the backup may simply be older than it.
 *
 * The files change with the database, all or nothing: inside the
 * command's transaction each new file is written beside its place, as
 * ".NAME.restoring" (completely, synced: roadmap_file_write_contents());
 * a file that cannot be written fails the whole change, and the staged
 * ones are removed. Only once the change is committed are they renamed
 * into place (a rename does not fail for want of space), the files to
 * remove removed, and the catalog given the tracks. A change that fails
 * to commit leaves only staged files, removed with the command.
 *
 * Every step first checks that each file still holds what the step
 * before left (or what the command was planned from, for its first
 * run): a file changed since by another process or an editor is never
 * overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "roadmap-command.h"
#include "roadmap-file-reader.h"
#include "roadmap-file-writer.h"
#include "roadmap-json-reader.h"
#include "roadmap-loader.h"
#include "roadmap-folder-change.h"

typedef struct
{
  GFile *file;
  GFile *staged;
  char *track_id;
  GBytes *before;  /* NULL: the folder had no such file */
  GBytes *after;   /* NULL: the file is removed */
  gboolean is_staged;
} Change;

struct _RoadmapFolderChange
{
  GFile *directory;
  GArray *changes;  /* Change */
};

static void
change_clear (Change *change)
{
  if (change->is_staged)
    g_file_delete (change->staged, NULL, NULL);
  g_clear_object (&change->file);
  g_clear_object (&change->staged);
  g_clear_pointer (&change->track_id, g_free);
  g_clear_pointer (&change->before, g_bytes_unref);
  g_clear_pointer (&change->after, g_bytes_unref);
}

/**
 * roadmap_folder_change_read:
 *
 * Returns: (transfer full) (nullable): the contents of a roadmap file,
 *   %NULL when there is none or, with @error set, when it cannot be read
 */
GBytes *
roadmap_folder_change_read (GFile   *file,
                            GError **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *contents = roadmap_file_read (file, ROADMAP_JSON_MAX_SIZE, &local_error);

  if (contents == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return contents;
}

/**
 * roadmap_folder_change_new:
 * @directory: the user's roadmap folder
 *
 * Returns: (transfer full): a change of no file yet: see
 *   roadmap_folder_change_add()
 */
RoadmapFolderChange *
roadmap_folder_change_new (GFile *directory)
{
  RoadmapFolderChange *self = g_new0 (RoadmapFolderChange, 1);

  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  self->directory = g_object_ref (directory);
  self->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (self->changes, (GDestroyNotify) change_clear);
  return self;
}

/**
 * roadmap_folder_change_add:
 * @file_name: a file of the folder
 * @track_id: the track it holds (or held, for a removal)
 * @before: (nullable): what the file holds as the command is planned,
 *   %NULL for no file
 * @after: (nullable): what it is to hold, %NULL to remove it
 */
void
roadmap_folder_change_add (RoadmapFolderChange *self,
                           const char          *file_name,
                           const char          *track_id,
                           GBytes              *before,
                           GBytes              *after)
{
  g_autofree char *staged_name = NULL;
  Change change = { NULL, };

  g_return_if_fail (self != NULL);
  g_return_if_fail (file_name != NULL && strchr (file_name, '/') == NULL);
  g_return_if_fail (track_id != NULL);
  g_return_if_fail (before != NULL || after != NULL);

  staged_name = g_strconcat (".", file_name, ".restoring", NULL);
  change.file = g_file_get_child (self->directory, file_name);
  change.staged = g_file_get_child (self->directory, staged_name);
  change.track_id = g_strdup (track_id);
  change.before = before != NULL ? g_bytes_ref (before) : NULL;
  change.after = after != NULL ? g_bytes_ref (after) : NULL;
  g_array_append_val (self->changes, change);
}

/**
 * roadmap_folder_change_new_for_backup:
 * @directory: the user's roadmap folder
 *
 * Compares @data's roadmap files with the folder's.
 *
 * Returns: (transfer full) (nullable): what restoring @data changes in
 *   @directory, or %NULL with @error set when a file there cannot be read
 */
RoadmapFolderChange *
roadmap_folder_change_new_for_backup (GFile                *directory,
                                      RoadmapProgressData  *data,
                                      GError              **error)
{
  g_autoptr(RoadmapFolderChange) self = NULL;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);
  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (data), NULL);

  self = roadmap_folder_change_new (directory);
  for (guint i = 0; i < roadmap_progress_data_get_n_roadmaps (data); i++)
    {
      const RoadmapProgressRoadmap *roadmap = roadmap_progress_data_get_roadmap (data, i);
      g_autoptr(GFile) file = g_file_get_child (directory, roadmap->file_name);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) before = roadmap_folder_change_read (file, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (before == NULL || !g_bytes_equal (before, roadmap->contents))
        roadmap_folder_change_add (self, roadmap->file_name, roadmap->track_id, before, roadmap->contents);
    }

  return g_steal_pointer (&self);
}

void
roadmap_folder_change_free (RoadmapFolderChange *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_object (&self->directory);
  g_free (self);
}

/**
 * roadmap_folder_change_count:
 * @n_added: (out): files the folder does not have
 * @n_replaced: (out): files it has, with other contents or removed
 */
void
roadmap_folder_change_count (RoadmapFolderChange *self,
                             guint               *n_added,
                             guint               *n_replaced)
{
  *n_added = *n_replaced = 0;
  for (guint i = 0; i < self->changes->len; i++)
    {
      if (g_array_index (self->changes, Change, i).before == NULL)
        (*n_added)++;
      else
        (*n_replaced)++;
    }
}

/**
 * roadmap_folder_change_unstage:
 *
 * Removes the files staged by roadmap_folder_change_stage(): the change
 * they were for did not happen.
 */
void
roadmap_folder_change_unstage (RoadmapFolderChange *self)
{
  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = &g_array_index (self->changes, Change, i);

      if (change->is_staged)
        g_file_delete (change->staged, NULL, NULL);
      change->is_staged = FALSE;
    }
}

/**
 * roadmap_folder_change_stage:
 * @undo: stage what was there before (undo), or the files to put
 *
 * Inside the change: checks that the folder holds what the other side
 * left, and writes the files to put in place beside their places.
 */
gboolean
roadmap_folder_change_stage (RoadmapFolderChange  *self,
                             gboolean              undo,
                             GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  roadmap_folder_change_unstage (self);
  if (self->changes->len > 0 &&
      g_mkdir_with_parents (g_file_peek_path (self->directory), 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make the folder %s: %s"), g_file_peek_path (self->directory),
                   g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = &g_array_index (self->changes, Change, i);
      GBytes *expected = undo ? change->after : change->before;
      GBytes *target = undo ? change->before : change->after;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) now = roadmap_folder_change_read (change->file, &local_error);
      gsize length;
      const char *contents;

      if (local_error != NULL ||
          !((now == NULL && expected == NULL) || (now != NULL && expected != NULL && g_bytes_equal (now, expected))))
        {
          g_autofree char *name = g_file_get_basename (change->file);

          roadmap_folder_change_unstage (self);
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE,
                         _("The roadmap file %s was changed elsewhere; nothing was changed"), name);
          return FALSE;
        }

      if (target == NULL)
        continue;
      contents = g_bytes_get_data (target, &length);
      if (!roadmap_file_write_contents (change->staged, contents, length, ROADMAP_FILE_WRITER_PRIVATE, error))
        {
          roadmap_folder_change_unstage (self);
          return FALSE;
        }
      change->is_staged = TRUE;
    }

  return TRUE;
}

/* The track of @file replaces the catalog's track of that file, or joins
 * it */
static void
load_track (RoadmapCatalog *catalog,
            const char     *track_id,
            GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapTrack) track = roadmap_loader_load_file (file, &error);
  RoadmapTrack *old = roadmap_catalog_find_track (catalog, track_id);

  if (old != NULL && track != NULL && g_strcmp0 (roadmap_track_get_id (track), track_id) != 0 &&
      g_strcmp0 (roadmap_track_get_source (old), g_file_peek_path (file)) == 0)
    roadmap_catalog_remove_track (catalog, old);
  if (track == NULL || !roadmap_catalog_add_track (catalog, track, &error))
    roadmap_catalog_add_load_error (catalog, error);
}

/**
 * roadmap_folder_change_put:
 * @catalog: (nullable): the model to give the tracks, before its progress
 *   is loaded again
 *
 * Once the change is committed: the staged files into place, the files
 * to remove removed.
 */
void
roadmap_folder_change_put (RoadmapFolderChange *self,
                           gboolean             undo,
                           RoadmapCatalog      *catalog)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = &g_array_index (self->changes, Change, i);
      GBytes *target = undo ? change->before : change->after;
      g_autoptr(GError) error = NULL;

      if (change->is_staged)
        {
          if (!g_file_move (change->staged, change->file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
            g_warning ("Could not put the roadmap file in place: %s", error->message);
          change->is_staged = FALSE;
        }
      else if (target == NULL)
        {
          if (!g_file_delete (change->file, NULL, &error))
            g_warning ("Could not remove the roadmap file: %s", error->message);
        }

      if (catalog == NULL)
        continue;
      if (target == NULL)
        {
          RoadmapTrack *track = roadmap_catalog_find_track (catalog, change->track_id);

          if (track != NULL && g_strcmp0 (roadmap_track_get_source (track), g_file_peek_path (change->file)) == 0)
            roadmap_catalog_remove_track (catalog, track);
        }
      else
        {
          load_track (catalog, change->track_id, change->file);
        }
    }
}

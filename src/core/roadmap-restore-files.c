/* roadmap-restore-files.c
 *
 * A backup carries the learner's own roadmap files (see
 * roadmap-progress-file.c); restoring it adds those the roadmap folder
 * lacks and replaces those it holds with other contents. A file the
 * backup does not carry is never removed: it is the learner's, and the
 * backup may simply be older than it.
 *
 * The files change with the database, all or nothing: inside the
 * restore's transaction each new file is written beside its place, as
 * ".NAME.restoring" (completely, synced: roadmap_file_write_contents());
 * a file that cannot be written fails the whole change, and the staged
 * ones are removed. Only once the change is committed are they renamed
 * into place (a rename does not fail for want of space), and the catalog
 * given the tracks. A change that fails to commit leaves only staged
 * files, removed with the command.
 *
 * Undo puts back what was there: a replaced file's old contents, staged
 * and renamed the same way; an added file removed. Undo and redo go ahead
 * only while the folder still holds what the step before left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "roadmap-command.h"
#include "roadmap-file-reader.h"
#include "roadmap-file-writer.h"
#include "roadmap-json-reader.h"
#include "roadmap-loader.h"
#include "roadmap-restore-files.h"

typedef struct
{
  GFile *file;
  GFile *staged;
  char *track_id;
  GBytes *before;  /* NULL: the folder had no such file */
  GBytes *after;
  gboolean is_staged;
} Change;

struct _RoadmapRestoreFiles
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

/* The file's contents, NULL when there is none */
static GBytes *
read_existing (GFile   *file,
               GError **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *contents = roadmap_file_read (file, ROADMAP_JSON_MAX_SIZE, &local_error);

  if (contents == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return contents;
}

/**
 * roadmap_restore_files_new:
 * @directory: the user's roadmap folder
 *
 * Compares @data's roadmap files with the folder's.
 *
 * Returns: (transfer full) (nullable): what restoring @data changes in
 *   @directory, or %NULL with @error set when a file there cannot be read
 */
RoadmapRestoreFiles *
roadmap_restore_files_new (GFile                *directory,
                           RoadmapProgressData  *data,
                           GError              **error)
{
  g_autoptr(RoadmapRestoreFiles) self = g_new0 (RoadmapRestoreFiles, 1);

  g_return_val_if_fail (G_IS_FILE (directory), NULL);
  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (data), NULL);

  self->directory = g_object_ref (directory);
  self->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (self->changes, (GDestroyNotify) change_clear);

  for (guint i = 0; i < roadmap_progress_data_get_n_roadmaps (data); i++)
    {
      const RoadmapProgressRoadmap *roadmap = roadmap_progress_data_get_roadmap (data, i);
      g_autoptr(GFile) file = g_file_get_child (directory, roadmap->file_name);
      g_autoptr(GError) local_error = NULL;
      GBytes *before = read_existing (file, &local_error);
      g_autofree char *staged_name = NULL;
      Change change = { NULL, };

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (before != NULL && g_bytes_equal (before, roadmap->contents))
        {
          g_bytes_unref (before);
          continue;
        }

      staged_name = g_strconcat (".", roadmap->file_name, ".restoring", NULL);
      change.file = g_steal_pointer (&file);
      change.staged = g_file_get_child (directory, staged_name);
      change.track_id = g_strdup (roadmap->track_id);
      change.before = before;
      change.after = g_bytes_ref (roadmap->contents);
      g_array_append_val (self->changes, change);
    }

  return g_steal_pointer (&self);
}

void
roadmap_restore_files_free (RoadmapRestoreFiles *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_object (&self->directory);
  g_free (self);
}

/**
 * roadmap_restore_files_count:
 * @n_added: (out): files the folder does not have
 * @n_replaced: (out): files it has with other contents
 */
void
roadmap_restore_files_count (RoadmapRestoreFiles *self,
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
 * roadmap_restore_files_unstage:
 *
 * Removes the files staged by roadmap_restore_files_stage(): the change
 * they were for did not happen.
 */
void
roadmap_restore_files_unstage (RoadmapRestoreFiles *self)
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
 * roadmap_restore_files_stage:
 * @undo: stage what was there before (undo), or the backup's files
 *
 * Inside the change: checks that the folder holds what the other side
 * left, and writes the files to put in place beside their places.
 */
gboolean
roadmap_restore_files_stage (RoadmapRestoreFiles  *self,
                             gboolean              undo,
                             GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  roadmap_restore_files_unstage (self);
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
      g_autoptr(GBytes) now = read_existing (change->file, &local_error);
      gsize length;
      const char *contents;

      if (local_error != NULL ||
          !((now == NULL && expected == NULL) || (now != NULL && expected != NULL && g_bytes_equal (now, expected))))
        {
          g_autofree char *name = g_file_get_basename (change->file);

          roadmap_restore_files_unstage (self);
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
          roadmap_restore_files_unstage (self);
          return FALSE;
        }
      change->is_staged = TRUE;
    }

  return TRUE;
}

/* The track of @file replaces the catalog's track of that id, or joins it */
static void
load_track (RoadmapCatalog *catalog,
            const char     *track_id,
            GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapTrack) track = roadmap_loader_load_file (file, &error);
  RoadmapTrack *old = roadmap_catalog_find_track (catalog, track_id);

  if (old != NULL && g_strcmp0 (roadmap_track_get_source (old), g_file_peek_path (file)) == 0)
    roadmap_catalog_remove_track (catalog, old);
  if (track == NULL || !roadmap_catalog_add_track (catalog, track, &error))
    roadmap_catalog_add_load_error (catalog, error);
}

/**
 * roadmap_restore_files_put:
 * @catalog: (nullable): the model to give the tracks, before its progress
 *   is loaded again
 *
 * Once the change is committed: the staged files into place, an added
 * file removed by @undo.
 */
void
roadmap_restore_files_put (RoadmapRestoreFiles *self,
                           gboolean             undo,
                           RoadmapCatalog      *catalog)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *change = &g_array_index (self->changes, Change, i);
      g_autoptr(GError) error = NULL;

      if (change->is_staged)
        {
          if (!g_file_move (change->staged, change->file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
            g_warning ("Could not put the restored roadmap in place: %s", error->message);
          change->is_staged = FALSE;
        }
      else if (undo && change->before == NULL)
        {
          if (!g_file_delete (change->file, NULL, &error))
            g_warning ("Could not remove the restored roadmap: %s", error->message);
        }

      if (catalog == NULL)
        continue;
      if (undo && change->before == NULL)
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

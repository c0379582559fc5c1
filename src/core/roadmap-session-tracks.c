/* roadmap-session-tracks.c — the session's commands on tracks themselves
 *
 * The learner's own tracks are the roadmap files of the user's folder
 * (roadmap_session_get_user_roadmap_dir()); the others (bundled, or from
 * a folder named on the command line) are read-only. So:
 *
 * - an import copies a checked roadmap file into the folder, as
 *   TRACK-ID.json, or over the own file of a track of its id; over a
 *   bundled track, its copy stands in for it (see
 *   roadmap_catalog_add_track());
 * - customizing a bundled track writes it, as loaded, as such a copy;
 *   reverting removes the copy;
 * - removing an own track removes its file; any other track (a bundled
 *   one, or a customized one, whose original would come back) is hidden,
 *   a row of the database.
 *
 * Each is one #RoadmapTrackCommand: one change, one undo step. Nothing
 * of the progress changes: it is keyed by track and skill id, and comes
 * back with the ids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "roadmap-command-group.h"
#include "roadmap-folder-change.h"
#include "roadmap-loader.h"
#include "roadmap-session.h"
#include "roadmap-track-command.h"
#include "roadmap-writer.h"

/**
 * roadmap_session_get_own_file:
 *
 * Returns: (transfer full) (nullable): the file of the user's roadmap
 *   folder that @track was loaded from, %NULL when it is not one of the
 *   learner's own
 */
GFile *
roadmap_session_get_own_file (RoadmapSession *self,
                              RoadmapTrack   *track)
{
  const char *source;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), NULL);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), NULL);

  source = roadmap_track_get_source (track);
  if (source == NULL)
    return NULL;
  file = g_file_parse_name (source);
  parent = g_file_get_parent (file);
  if (parent == NULL || !g_file_equal (parent, roadmap_session_get_user_roadmap_dir (self)))
    return NULL;
  return g_steal_pointer (&file);
}

/* Whether @a and @b hold the same roadmap, as the model reads it */
static gboolean
same_roadmap (RoadmapTrack *a,
              RoadmapTrack *b)
{
  g_autofree char *data_a = NULL;
  g_autofree char *data_b = NULL;
  gsize length_a, length_b;

  data_a = roadmap_writer_to_data (a, &length_a);
  data_b = roadmap_writer_to_data (b, &length_b);
  return length_a == length_b && memcmp (data_a, data_b, length_a) == 0 &&
         g_strcmp0 (roadmap_track_get_source (a), roadmap_track_get_source (b)) == 0;
}

/* Runs @command, showing the track again first when it is hidden: an
 * imported or customized track is one the learner wants to see */
static gboolean
run_shown (RoadmapSession  *self,
           RoadmapCommand  *command,
           const char      *track_id,
           const char      *title,
           GError         **error)
{
  g_autoptr(RoadmapCommand) group = NULL;
  g_autoptr(RoadmapCommand) show = NULL;
  g_autofree char *description = NULL;

  if (!roadmap_catalog_is_hidden (roadmap_session_get_catalog (self), track_id))
    return roadmap_session_run (self, command, error);

  description = roadmap_command_describe (command, ROADMAP_COMMAND_RUN);
  group = roadmap_command_group_new (description);
  g_free (description);
  description = roadmap_command_describe (command, ROADMAP_COMMAND_UNDO);
  roadmap_command_group_set_undo_description (ROADMAP_COMMAND_GROUP (group), description);
  show = roadmap_track_command_new_hidden (track_id, title, FALSE);
  roadmap_command_group_add (ROADMAP_COMMAND_GROUP (group), show);
  roadmap_command_group_add (ROADMAP_COMMAND_GROUP (group), command);
  return roadmap_session_run (self, group, error);
}

/* What @file holds now, NULL for no file */
static gboolean
read_own_file (GFile   *file,
               GBytes **contents,
               GError **error)
{
  g_autoptr(GError) local_error = NULL;

  *contents = roadmap_folder_change_read (file, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * roadmap_session_add_roadmap:
 * @contents: a roadmap file's contents
 * @display_name: its name, for the messages
 * @replace: whether a track of its id is replaced
 * @track_id: (out) (optional) (transfer full): the id of the track added
 *
 * Checks @contents as the loader does and adds it to the user's roadmap
 * folder, as a track of its own or over the track of its id (with
 * @replace; otherwise that fails with %ROADMAP_COMMAND_ERROR_EXISTS):
 * the progress of every skill whose id remains stays. A track read from
 * a folder named on the command line is never replaced.
 */
static gboolean add_roadmap (RoadmapSession      *self,
                             GBytes              *contents,
                             const char          *display_name,
                             gboolean             replace,
                             RoadmapTrackChange   change,
                             char               **track_id,
                             GError             **error);

gboolean
roadmap_session_add_roadmap (RoadmapSession  *self,
                             GBytes          *contents,
                             const char      *display_name,
                             gboolean         replace,
                             char           **track_id,
                             GError         **error)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  return add_roadmap (self, contents, display_name, replace, ROADMAP_TRACK_CHANGE_IMPORT, track_id, error);
}

/* @change: what a track of an id not there yet is (an import, a track
 * created) */
static gboolean
add_roadmap (RoadmapSession      *self,
             GBytes              *contents,
             const char          *display_name,
             gboolean             replace,
             RoadmapTrackChange   change,
             char               **track_id,
             GError             **error)
{
  RoadmapCatalog *catalog;
  g_autoptr(RoadmapTrack) track = NULL;
  g_autoptr(RoadmapCommand) command = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *file_name = NULL;
  RoadmapTrack *existing;
  gboolean is_own;
  const char *id;

  track = roadmap_loader_load_bytes (contents, display_name, error);
  if (track == NULL)
    return FALSE;

  catalog = roadmap_session_get_catalog (self);
  id = roadmap_track_get_id (track);
  existing = roadmap_catalog_find_track (catalog, id);
  if (existing != NULL && !replace)
    {
      g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_EXISTS,
                   _("There is a track “%s” already: “%s”"), id, roadmap_track_get_title (existing));
      return FALSE;
    }

  if (existing != NULL)
    target = roadmap_session_get_own_file (self, existing);
  is_own = target != NULL;
  if (existing != NULL && !is_own && roadmap_track_get_source (existing) != NULL)
    {
      g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_NOT_OWN,
                   _("The track “%s” is loaded from %s, not from your roadmap folder: it was left as it is"),
                   id, roadmap_track_get_source (existing));
      return FALSE;
    }
  if (target == NULL)
    {
      file_name = g_strconcat (id, ".json", NULL);
      target = g_file_get_child (roadmap_session_get_user_roadmap_dir (self), file_name);
    }
  else
    {
      file_name = g_file_get_basename (target);
    }

  if (!read_own_file (target, &before, error))
    return FALSE;
  if (before != NULL && !is_own)
    {
      g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE,
                   _("%s holds another track already: it was left as it is"), g_file_peek_path (target));
      return FALSE;
    }

  command = roadmap_track_command_new_file (existing != NULL ? ROADMAP_TRACK_CHANGE_REPLACE : change,
                                            roadmap_session_get_user_roadmap_dir (self), file_name, id,
                                            roadmap_track_get_title (track), before, contents);
  if (!run_shown (self, command, id, roadmap_track_get_title (track), error))
    return FALSE;

  if (track_id != NULL)
    *track_id = g_strdup (id);
  return TRUE;
}

/**
 * roadmap_session_customize_track:
 * @track: a bundled track, not customized yet
 *
 * Writes @track, as loaded, as the learner's own copy, which stands in
 * for it from then on and can be edited.
 */
gboolean
roadmap_session_customize_track (RoadmapSession  *self,
                                 RoadmapTrack    *track,
                                 GError         **error)
{
  g_autoptr(RoadmapCommand) command = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *file_name = NULL;
  char *data;
  gsize length;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), FALSE);

  if (roadmap_track_get_source (track) != NULL)
    {
      g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_NOT_OWN,
                   _("“%s” is not a bundled track: it is edited where it is"), roadmap_track_get_title (track));
      return FALSE;
    }

  file_name = g_strconcat (roadmap_track_get_id (track), ".json", NULL);
  target = g_file_get_child (roadmap_session_get_user_roadmap_dir (self), file_name);
  if (!read_own_file (target, &before, error))
    return FALSE;
  if (before != NULL)
    {
      g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE,
                   _("%s holds another track already: it was left as it is"), g_file_peek_path (target));
      return FALSE;
    }

  data = roadmap_writer_to_data (track, &length);
  after = g_bytes_new_take (data, length);
  command = roadmap_track_command_new_file (ROADMAP_TRACK_CHANGE_CUSTOMIZE,
                                            roadmap_session_get_user_roadmap_dir (self), file_name,
                                            roadmap_track_get_id (track), roadmap_track_get_title (track),
                                            NULL, after);
  return roadmap_session_run (self, command, error);
}

/**
 * roadmap_session_save_track:
 * @original: (nullable): the track edited, as the editor was opened on it;
 *   %NULL for a new track
 * @contents: the roadmap file the editor made
 * @track_id: (out) (optional) (transfer full): the id of the track saved
 *
 * Saves the editor's track: a new one as a file of the user's roadmap
 * folder (its id must be free); the learner's own track over its file,
 * unless the file was changed elsewhere since the editor was opened on
 * it (%ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE: nothing is overwritten);
 * a bundled track as the learner's own copy (as Customize does), edits
 * included. The id of an existing track stays: the progress is keyed by
 * it. @contents is checked as the loader checks any roadmap file.
 */
gboolean
roadmap_session_save_track (RoadmapSession  *self,
                            RoadmapTrack    *original,
                            GBytes          *contents,
                            char           **track_id,
                            GError         **error)
{
  g_autoptr(RoadmapTrack) track = NULL;
  g_autoptr(RoadmapCommand) command = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *file_name = NULL;
  RoadmapTrackChange change;
  g_autofree char *id = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (original == NULL || ROADMAP_IS_TRACK (original), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  if (original == NULL)
    return add_roadmap (self, contents, _("the new track"), FALSE, ROADMAP_TRACK_CHANGE_CREATE, track_id, error);

  /* The catalog lets go of @original once the change is applied */
  id = g_strdup (roadmap_track_get_id (original));
  track = roadmap_loader_load_bytes (contents, roadmap_track_get_title (original), error);
  if (track == NULL)
    return FALSE;
  if (!g_str_equal (roadmap_track_get_id (track), id))
    {
      g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_NOT_OWN,
                   _("The id of “%s” cannot change: its progress is kept under “%s”"),
                   roadmap_track_get_title (original), id);
      return FALSE;
    }

  file = roadmap_session_get_own_file (self, original);
  if (file == NULL && roadmap_track_get_source (original) != NULL)
    {
      g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_NOT_OWN,
                   _("The track “%s” is loaded from %s, not from your roadmap folder: it was left as it is"),
                   id, roadmap_track_get_source (original));
      return FALSE;
    }
  if (file == NULL)
    {
      /* A bundled track: the copy takes its place */
      file_name = g_strconcat (id, ".json", NULL);
      file = g_file_get_child (roadmap_session_get_user_roadmap_dir (self), file_name);
      change = ROADMAP_TRACK_CHANGE_CUSTOMIZE;
    }
  else
    {
      file_name = g_file_get_basename (file);
      change = ROADMAP_TRACK_CHANGE_EDIT;
    }

  /* What the file holds now must be what the editor was opened on */
  if (!read_own_file (file, &before, error))
    return FALSE;
  if (change == ROADMAP_TRACK_CHANGE_CUSTOMIZE ? before != NULL : before == NULL)
    {
      g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE,
                   _("%s was changed elsewhere since you opened “%s”: nothing was saved"),
                   g_file_peek_path (file), roadmap_track_get_title (original));
      return FALSE;
    }
  if (before != NULL)
    {
      g_autoptr(RoadmapTrack) now = roadmap_loader_load_bytes (before, file_name, NULL);

      if (now != NULL)
        roadmap_track_set_source (now, roadmap_track_get_source (original));
      if (now == NULL || !same_roadmap (now, original))
        {
          g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE,
                       _("%s was changed elsewhere since you opened “%s”: nothing was saved"),
                       g_file_peek_path (file), roadmap_track_get_title (original));
          return FALSE;
        }
    }

  command = roadmap_track_command_new_file (change, roadmap_session_get_user_roadmap_dir (self), file_name, id,
                                            roadmap_track_get_title (track), before, contents);
  if (!run_shown (self, command, id, roadmap_track_get_title (track), error))
    return FALSE;

  if (track_id != NULL)
    *track_id = g_steal_pointer (&id);
  return TRUE;
}

/* One command removing @track's own @file, as it is now */
static gboolean
remove_own_file (RoadmapSession      *self,
                 RoadmapTrack        *track,
                 GFile               *file,
                 RoadmapTrackChange   change,
                 GError             **error)
{
  g_autoptr(RoadmapCommand) command = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *file_name = g_file_get_basename (file);

  if (!read_own_file (file, &before, error))
    return FALSE;
  if (before == NULL)
    {
      g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE,
                   _("%s was removed elsewhere already"), g_file_peek_path (file));
      return FALSE;
    }

  command = roadmap_track_command_new_file (change, roadmap_session_get_user_roadmap_dir (self), file_name,
                                            roadmap_track_get_id (track), roadmap_track_get_title (track),
                                            before, NULL);
  return roadmap_session_run (self, command, error);
}

/**
 * roadmap_session_revert_track:
 * @track: the learner's own copy of a bundled track
 *
 * Removes the copy: the bundled track is back, with the progress of every
 * skill, those the copy had dropped included.
 */
gboolean
roadmap_session_revert_track (RoadmapSession  *self,
                              RoadmapTrack    *track,
                              GError         **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), FALSE);

  file = roadmap_session_get_own_file (self, track);
  if (file == NULL ||
      roadmap_catalog_get_original (roadmap_session_get_catalog (self), roadmap_track_get_id (track)) == NULL)
    {
      g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_NOT_OWN,
                   _("“%s” is not a customized bundled track: there is no original to revert to"),
                   roadmap_track_get_title (track));
      return FALSE;
    }

  return remove_own_file (self, track, file, ROADMAP_TRACK_CHANGE_REVERT, error);
}

/**
 * roadmap_session_remove_track:
 *
 * Removes the learner's own track's file, or hides any other track (a
 * bundled one, customized or not): see roadmap_session_show_track().
 * Either way its progress stays, and is back with the track.
 */
gboolean
roadmap_session_remove_track (RoadmapSession  *self,
                              RoadmapTrack    *track,
                              GError         **error)
{
  g_autoptr(RoadmapCommand) command = NULL;
  g_autoptr(GFile) file = NULL;
  const char *id;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), FALSE);

  id = roadmap_track_get_id (track);
  file = roadmap_session_get_own_file (self, track);
  if (file != NULL && roadmap_catalog_get_original (roadmap_session_get_catalog (self), id) == NULL)
    return remove_own_file (self, track, file, ROADMAP_TRACK_CHANGE_REMOVE, error);

  command = roadmap_track_command_new_hidden (id, roadmap_track_get_title (track), TRUE);
  return roadmap_session_run (self, command, error);
}

/**
 * roadmap_session_show_track:
 * @track: a hidden track (roadmap_catalog_get_hidden_tracks())
 *
 * Shows a track that roadmap_session_remove_track() hid.
 */
gboolean
roadmap_session_show_track (RoadmapSession  *self,
                            RoadmapTrack    *track,
                            GError         **error)
{
  g_autoptr(RoadmapCommand) command = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), FALSE);

  command = roadmap_track_command_new_hidden (roadmap_track_get_id (track), roadmap_track_get_title (track),
                                              FALSE);
  return roadmap_session_run (self, command, error);
}


/**
 * roadmap_session_rescan_roadmaps:
 * @n_changed: (out) (optional): how many tracks were added, changed or
 *   removed
 *
 * Reads the user's roadmap folder again, after another process (the
 * command line, a second window) or an editor changed it: a new file's
 * track joins the catalog, a changed one replaces its track, a removed
 * one's track leaves (a bundled track it stood in for is back). A file
 * that fails is recorded as a load error of the catalog, and its track,
 * if loaded, is left as it was. Progress is loaded again when anything
 * changed.
 *
 * Returns: %FALSE if the folder exists but cannot be listed
 */
gboolean
roadmap_session_rescan_roadmaps (RoadmapSession  *self,
                                 guint           *n_changed,
                                 GError         **error)
{
  RoadmapCatalog *catalog;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  /* File name → the id of the track it holds, NULL when it fails */
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint changed = 0;
  gint64 loaded;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);

  if (n_changed != NULL)
    *n_changed = 0;
  catalog = roadmap_session_get_catalog (self);
  files = roadmap_loader_list_directory (roadmap_session_get_user_roadmap_dir (self), error);
  if (files == NULL)
    return FALSE;

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(RoadmapTrack) track = roadmap_loader_load_file (file, &local_error);
      RoadmapTrack *current;

      g_hash_table_insert (present, g_file_get_parse_name (file),
                           track != NULL ? g_strdup (roadmap_track_get_id (track)) : NULL);
      if (track == NULL)
        {
          roadmap_catalog_add_load_error (catalog, local_error);
          continue;
        }

      current = roadmap_catalog_find_track (catalog, roadmap_track_get_id (track));
      if (current != NULL && same_roadmap (current, track))
        continue;
      if (!roadmap_catalog_add_track (catalog, track, &local_error))
        {
          roadmap_catalog_add_load_error (catalog, local_error);
          continue;
        }
      changed++;
    }

  /* The own tracks whose file is gone, or holds another id now */
  for (guint i = 0; i < 2; i++)
    {
      GListModel *tracks = G_LIST_MODEL (catalog);
      g_autoptr(GPtrArray) hidden = roadmap_catalog_get_hidden_tracks (catalog);
      guint n = i == 0 ? g_list_model_get_n_items (tracks) : hidden->len;

      for (guint t = 0; t < n; t++)
        {
          g_autoptr(RoadmapTrack) track = i == 0 ? g_list_model_get_item (tracks, t)
                                                 : g_object_ref (g_ptr_array_index (hidden, t));
          g_autoptr(GFile) file = roadmap_session_get_own_file (self, track);
          const char *id;

          if (file == NULL)
            continue;
          if (!g_hash_table_lookup_extended (present, roadmap_track_get_source (track), NULL, (gpointer *) &id) ||
              (id != NULL && g_strcmp0 (id, roadmap_track_get_id (track)) != 0))
            g_ptr_array_add (gone, g_steal_pointer (&track));
        }
    }
  for (guint i = 0; i < gone->len; i++)
    {
      roadmap_catalog_remove_track (catalog, g_ptr_array_index (gone, i));
      changed++;
    }

  /* The tracks read again hold no progress yet: a full load */
  if (changed > 0 && roadmap_session_get_store (self) != NULL &&
      !roadmap_store_load_progress_since (roadmap_session_get_store (self), catalog, 0, &loaded, NULL, error))
    return FALSE;

  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;
}

/* roadmap-session.c — what the window and the command line both start from:
 * the bundled roadmaps, the user's roadmaps, an optional extra folder, and
 * the progress database loaded into them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include "roadmap-loader.h"
#include "roadmap-session.h"

struct _RoadmapSession
{
  GObject parent_instance;

  char *db_path;
  GFile *user_roadmap_dir;
  GFile *extra_roadmap_dir;
  RoadmapCatalog *catalog;
  RoadmapStore *store;
  /* GFile: roadmap files not loaded yet, in loading order */
  GPtrArray *pending;
};

G_DEFINE_FINAL_TYPE (RoadmapSession, roadmap_session, G_TYPE_OBJECT)

static void
roadmap_session_finalize (GObject *object)
{
  RoadmapSession *self = (RoadmapSession *) object;

  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->user_roadmap_dir);
  g_clear_object (&self->extra_roadmap_dir);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (roadmap_session_parent_class)->finalize (object);
}

static void
roadmap_session_class_init (RoadmapSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = roadmap_session_finalize;
}

static void
roadmap_session_init (RoadmapSession *self)
{
  self->catalog = roadmap_catalog_new ();
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * roadmap_session_new:
 * @db_path: (nullable): the progress database, %NULL for the default one
 * @extra_roadmap_dir: (nullable): a folder of roadmaps to load as well
 */
RoadmapSession *
roadmap_session_new (const char *db_path,
                     const char *extra_roadmap_dir)
{
  RoadmapSession *self = g_object_new (ROADMAP_TYPE_SESSION, NULL);

  self->db_path = db_path != NULL ? g_strdup (db_path) : roadmap_store_get_default_path ();
  self->user_roadmap_dir = g_file_new_build_filename (g_get_user_data_dir (), APP_ID,
                                                      "roadmaps", NULL);
  if (extra_roadmap_dir != NULL)
    self->extra_roadmap_dir = g_file_new_for_commandline_arg (extra_roadmap_dir);

  return self;
}

/**
 * roadmap_session_load_roadmaps:
 *
 * Loads the bundled roadmaps, then the user's, then those of the extra
 * folder. A file that fails is recorded in the catalog's load errors;
 * @error is set only when a folder cannot be listed at all.
 */
gboolean
roadmap_session_load_roadmaps (RoadmapSession  *self,
                               GError         **error)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);

  if (!roadmap_session_load_first_roadmaps (self, NULL, error))
    return FALSE;

  while (roadmap_session_load_next_roadmap (self))
    ;

  return TRUE;
}

static gboolean
is_loaded (RoadmapSession *self,
           const char     *track_id)
{
  if (track_id == NULL || track_id[0] == '\0')
    return g_list_model_get_n_items (G_LIST_MODEL (self->catalog)) > 0;
  return roadmap_catalog_find_track (self->catalog, track_id) != NULL;
}

/**
 * roadmap_session_load_first_roadmaps:
 * @first_track_id: (nullable): the track shown first, if any
 *
 * Like roadmap_session_load_roadmaps(), but stops as soon as the catalog
 * holds @first_track_id (or any track, for %NULL): a large folder of
 * roadmaps does not keep the window from showing. The other files are
 * loaded by roadmap_session_load_next_roadmap().
 */
gboolean
roadmap_session_load_first_roadmaps (RoadmapSession  *self,
                                     const char      *first_track_id,
                                     GError         **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);

  roadmap_loader_load_bundled (self->catalog);

  files = roadmap_loader_list_directory (self->user_roadmap_dir, &local_error);
  if (files != NULL)
    g_ptr_array_extend_and_steal (self->pending, g_steal_pointer (&files));
  else
    /* The user's folder is best effort: report it like a bad file. */
    roadmap_catalog_add_load_error (self->catalog, local_error);

  if (self->extra_roadmap_dir != NULL)
    {
      g_autoptr(GFileInfo) info = NULL;

      /* A folder named on the command line must exist. */
      info = g_file_query_info (self->extra_roadmap_dir, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                G_FILE_QUERY_INFO_NONE, NULL, error);
      if (info == NULL)
        return FALSE;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
        {
          g_autofree char *name = g_file_get_parse_name (self->extra_roadmap_dir);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                       "%s: %s", name, g_strerror (ENOTDIR));
          return FALSE;
        }

      files = roadmap_loader_list_directory (self->extra_roadmap_dir, error);
      if (files == NULL)
        return FALSE;
      g_ptr_array_extend_and_steal (self->pending, g_steal_pointer (&files));
    }

  while (!is_loaded (self, first_track_id) && roadmap_session_load_next_roadmap (self))
    ;

  return TRUE;
}

/**
 * roadmap_session_load_next_roadmap:
 *
 * Loads the next file that roadmap_session_load_first_roadmaps() left,
 * with its progress once the store is open, and adds it to the catalog (a
 * file that fails is recorded in the catalog's load errors).
 *
 * Returns: whether files are left to load
 */
gboolean
roadmap_session_load_next_roadmap (RoadmapSession *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(RoadmapTrack) track = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);

  if (self->pending->len == 0)
    return FALSE;

  file = g_ptr_array_steal_index (self->pending, 0);
  track = roadmap_loader_load_file (file, &error);

  /* Its progress before it joins the catalog, so that it is shown with it:
   * loaded through a catalog of its own, as the store reads per catalog. */
  if (track != NULL && self->store != NULL &&
      roadmap_catalog_find_track (self->catalog, roadmap_track_get_id (track)) == NULL)
    {
      g_autoptr(RoadmapCatalog) alone = roadmap_catalog_new ();

      if (!roadmap_catalog_add_track (alone, track, &error) ||
          !roadmap_store_load_progress (self->store, alone, &error))
        g_clear_object (&track);
    }

  if (track == NULL || !roadmap_catalog_add_track (self->catalog, track, &error))
    roadmap_catalog_add_load_error (self->catalog, error);

  return self->pending->len > 0;
}

/**
 * roadmap_session_get_n_pending:
 *
 * Returns: how many roadmap files are left to load
 */
guint
roadmap_session_get_n_pending (RoadmapSession *self)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), 0);
  return self->pending->len;
}

/**
 * roadmap_session_open_store:
 *
 * Opens the progress database and loads it into the catalog.
 */
gboolean
roadmap_session_open_store (RoadmapSession  *self,
                            GError         **error)
{
  g_autoptr(RoadmapStore) store = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store == NULL, FALSE);

  store = roadmap_store_open (self->db_path, error);
  if (store == NULL || !roadmap_store_load_progress (store, self->catalog, error))
    return FALSE;

  self->store = g_steal_pointer (&store);
  return TRUE;
}

const char *
roadmap_session_get_db_path (RoadmapSession *self)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), NULL);
  return self->db_path;
}

/**
 * roadmap_session_get_user_roadmap_dir:
 *
 * Returns: (transfer none): `$XDG_DATA_HOME/<app-id>/roadmaps`
 */
GFile *
roadmap_session_get_user_roadmap_dir (RoadmapSession *self)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), NULL);
  return self->user_roadmap_dir;
}

/**
 * roadmap_session_get_catalog:
 *
 * Returns: (transfer none): the loaded tracks
 */
RoadmapCatalog *
roadmap_session_get_catalog (RoadmapSession *self)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), NULL);
  return self->catalog;
}

/**
 * roadmap_session_get_store:
 *
 * Returns: (transfer none) (nullable): the store, once opened
 */
RoadmapStore *
roadmap_session_get_store (RoadmapSession *self)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), NULL);
  return self->store;
}

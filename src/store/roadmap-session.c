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
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);

  roadmap_loader_load_bundled (self->catalog);

  if (!roadmap_loader_load_directory (self->catalog, self->user_roadmap_dir, &local_error))
    {
      /* The user's folder is best effort: report it like a bad file. */
      roadmap_catalog_add_load_error (self->catalog, local_error);
      g_clear_error (&local_error);
    }

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

      return roadmap_loader_load_directory (self->catalog, self->extra_roadmap_dir, error);
    }

  return TRUE;
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

/* roadmap-store-backups.c — the last seven daily backups beside the
 * database
 *
 * Once a day the store copies the database to DB.backup (see
 * refresh_backup()). The copy it replaces is not lost: it is renamed
 * DB.backup-YYYY-MM-DD, after the local day it was taken, and the six
 * newest of those are kept. A learner who notices a mistake late can
 * still go back to the day before it; a damaged database is restored
 * from the newest copy that passes its check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "roadmap-store-private.h"

#define DATED_SUFFIX "-YYYY-MM-DD"

/* "progress.sqlite.backup-2026-11-30" → whether it is one of ours */
static gboolean
is_dated_backup (const char *name,
                 const char *prefix)
{
  const char *date;

  if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + strlen (DATED_SUFFIX))
    return FALSE;

  date = name + strlen (prefix) + 1;
  for (guint i = 0; date[i] != '\0'; i++)
    if (i == 4 || i == 7 ? date[i] != '-' : !g_ascii_isdigit (date[i]))
      return FALSE;
  return name[strlen (prefix)] == '-';
}

/* The date in the name sorts as text */
static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) b, *(const char * const *) a);
}

/* The dated backups of @backup_path, newest first */
static GPtrArray *
list_dated (const char *backup_path)
{
  g_autofree char *dir_path = g_path_get_dirname (backup_path);
  g_autofree char *prefix = g_path_get_basename (backup_path);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_dated_backup (name, prefix))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));

  g_ptr_array_sort (paths, newest_first);
  return g_steal_pointer (&paths);
}

/**
 * _roadmap_store_keep_backup:
 * @backup_path: DB.backup, about to be replaced by a newer copy
 *
 * Renames it after the day it was taken and removes the dated copies
 * beyond %ROADMAP_STORE_N_BACKUPS in all. Best effort: a failure only
 * means fewer days to go back to.
 */
void
_roadmap_store_keep_backup (const char *backup_path)
{
  g_autoptr(GPtrArray) dated = NULL;
  g_autoptr(GDateTime) taken = NULL;
  g_autofree char *date = NULL;
  g_autofree char *target = NULL;
  GStatBuf st;

  if (g_stat (backup_path, &st) != 0 || !S_ISREG (st.st_mode))
    return;

  taken = g_date_time_new_from_unix_local (st.st_mtime);
  if (taken == NULL)
    return;
  date = g_date_time_format (taken, "%Y-%m-%d");
  target = g_strconcat (backup_path, "-", date, NULL);
  if (g_rename (backup_path, target) != 0)
    return;

  dated = list_dated (backup_path);
  for (guint i = ROADMAP_STORE_N_BACKUPS - 1; i < dated->len; i++)
    g_unlink (g_ptr_array_index (dated, i));
}

/**
 * _roadmap_store_list_backup_paths:
 *
 * Returns: (transfer full) (element-type filename): @backup_path if it
 *   is there, then the dated copies, newest first
 */
GPtrArray *
_roadmap_store_list_backup_paths (const char *backup_path)
{
  g_autoptr(GPtrArray) paths = list_dated (backup_path);

  if (g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    g_ptr_array_insert (paths, 0, g_strdup (backup_path));
  if (paths->len > ROADMAP_STORE_N_BACKUPS)
    g_ptr_array_set_size (paths, ROADMAP_STORE_N_BACKUPS);
  return g_steal_pointer (&paths);
}

/**
 * roadmap_store_list_backups:
 *
 * The daily backups beside the database, to restore from with
 * roadmap_progress_data_read_backup(): at most %ROADMAP_STORE_N_BACKUPS,
 * each taken on another day, newest first. A file's modification time
 * is when it was taken.
 *
 * Returns: (transfer full) (element-type filename): their paths
 */
GPtrArray *
roadmap_store_list_backups (RoadmapStore *self)
{
  g_autofree char *backup_path = NULL;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), NULL);

  backup_path = _roadmap_store_backup_path (self->path);
  return _roadmap_store_list_backup_paths (backup_path);
}

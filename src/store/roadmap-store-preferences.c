/* roadmap-store-preferences.c — the learner's preferences kept with their
 * progress
 *
 * A preference that changes what the window, the command line and the
 * report count (Skipped as done, or not) lives in the database, not in
 * GSettings: every process reading the database counts the same way, a
 * change reaches an open window like any other (by its change counter),
 * and a copy of the database carries it.
 *
 *   preferences (key, value, updated_at, change)
 *
 * A key without a row has its default: 0, off, for each. Keys the model
 * does not know are kept as they are (written by a newer release). A
 * track's limit on cards in Doing is kept under "wip-limit/TRACK-ID",
 * for tracks loaded or not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-store-private.h"

/**
 * roadmap_store_read_preference:
 * @key: e.g. %ROADMAP_PREFERENCE_COUNT_SKIPPED_AS_DONE
 * @value: (out): the stored value, or @default_value without a row
 */
gboolean
roadmap_store_read_preference (RoadmapStore  *self,
                               const char    *key,
                               gint64         default_value,
                               gint64        *value,
                               GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!_roadmap_store_prepare_cached (self, "SELECT value FROM preferences WHERE key = ?1",
                                      &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);

  *value = default_value;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

/**
 * roadmap_store_write_preference:
 * @change: from roadmap_store_begin_change()
 * @now: Unix seconds, for updated_at
 *
 * Inside a change.
 */
gboolean
roadmap_store_write_preference (RoadmapStore  *self,
                                const char    *key,
                                gint64         value,
                                gint64         change,
                                gint64         now,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!_roadmap_store_prepare_cached (self,
                                      "INSERT INTO preferences (key, value, updated_at, change)"
                                      " VALUES (?1, ?2, ?3, ?4)"
                                      " ON CONFLICT (key) DO UPDATE SET"
                                      "   value = excluded.value, updated_at = excluded.updated_at,"
                                      "   change = excluded.change",
                                      &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, value);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, change);

  return _roadmap_store_step_done (self, stmt, error);
}

/**
 * roadmap_store_apply_preference:
 *
 * Gives @catalog a preference read from the database; a key it does not
 * know is left alone.
 */
void
roadmap_store_apply_preference (RoadmapCatalog *catalog,
                                const char     *key,
                                gint64          value)
{
  g_return_if_fail (ROADMAP_IS_CATALOG (catalog));
  g_return_if_fail (key != NULL);

  if (g_str_equal (key, ROADMAP_PREFERENCE_COUNT_SKIPPED_AS_DONE))
    roadmap_catalog_set_count_skipped_as_done (catalog, value != 0);
  else if (g_str_has_prefix (key, ROADMAP_PREFERENCE_WIP_LIMIT_PREFIX))
    roadmap_catalog_set_wip_limit (catalog, key + strlen (ROADMAP_PREFERENCE_WIP_LIMIT_PREFIX),
                                   (guint) CLAMP (value, 0, ROADMAP_TRACK_MAX_WIP_LIMIT));
  else if (g_str_equal (key, ROADMAP_PREFERENCE_WEEKLY_GOAL))
    roadmap_catalog_set_weekly_goal (catalog, (guint) CLAMP (value, 0, ROADMAP_STATS_MAX_WEEKLY_GOAL));
  else if (g_str_has_prefix (key, ROADMAP_PREFERENCE_HIDDEN_PREFIX))
    roadmap_catalog_set_hidden (catalog, key + strlen (ROADMAP_PREFERENCE_HIDDEN_PREFIX), value != 0);
}

/**
 * roadmap_store_wip_limit_key:
 *
 * Returns: (transfer full): the key of @track_id's limit on cards in Doing
 */
char *
roadmap_store_wip_limit_key (const char *track_id)
{
  g_return_val_if_fail (track_id != NULL, NULL);

  return g_strconcat (ROADMAP_PREFERENCE_WIP_LIMIT_PREFIX, track_id, NULL);
}

/**
 * roadmap_store_hidden_key:
 *
 * Returns: (transfer full): the preference that hides @track_id
 */
char *
roadmap_store_hidden_key (const char *track_id)
{
  g_return_val_if_fail (track_id != NULL, NULL);

  return g_strconcat (ROADMAP_PREFERENCE_HIDDEN_PREFIX, track_id, NULL);
}

/* roadmap-store-load.c: the preferences written after change @since, or
 * all of them (each key without a row at its default) for 0 */
gboolean
_roadmap_store_load_preferences (RoadmapStore    *self,
                                 RoadmapCatalog  *catalog,
                                 gint64           since,
                                 GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (since <= 0)
    {
      roadmap_store_apply_preference (catalog, ROADMAP_PREFERENCE_COUNT_SKIPPED_AS_DONE, 0);
      roadmap_catalog_clear_wip_limits (catalog);
      roadmap_catalog_clear_hidden (catalog);
      roadmap_store_apply_preference (catalog, ROADMAP_PREFERENCE_WEEKLY_GOAL, 0);
    }

  /* A full load reads every row, whatever its change */
  if (!_roadmap_store_prepare (self, "SELECT key, value FROM preferences WHERE ?1 <= 0 OR change > ?1",
                               &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, since);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    roadmap_store_apply_preference (catalog, (const char *) sqlite3_column_text (stmt, 0),
                                    sqlite3_column_int64 (stmt, 1));

  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

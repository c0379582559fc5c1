/* roadmap-progress-data-read.c — a snapshot of everything a learner
 * made, read from the live database (inside the caller's change, or a
 * read transaction of its own) or from a daily copy opened read-only
 *
 * Databases of older schemas lack the tables added since: a copy taken
 * before ticked topics, preferences or plans were kept reads as having
 * none (see roadmap-progress-data.c for what each means).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "roadmap-progress-data.h"
#include "roadmap-store-private.h"

static gboolean
read_fail (sqlite3     *db,
           const char  *path,
           GError     **error)
{
  int rc = sqlite3_extended_errcode (db);

  g_set_error (error, ROADMAP_STORE_ERROR,
               rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? ROADMAP_STORE_ERROR_BUSY
                                                        : ROADMAP_STORE_ERROR_IO,
               /* Translators: "/home/me/.local/share/…/progress.sqlite: disk I/O error" */
               _("%s: %s"), path, sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
has_table (sqlite3    *db,
           const char *table)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  return found;
}

/* The ticked topics of (@track_id, @skill_id), from @topics: the rows of
 * all skills in the order of the entries, stepped along with them (a
 * merge, rather than a query per skill). @rc is the last step's result. */
static GStrv
merge_topics (sqlite3_stmt *topics,
              int          *rc,
              const char   *track_id,
              const char   *skill_id)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  while (*rc == SQLITE_ROW)
    {
      int cmp = strcmp ((const char *) sqlite3_column_text (topics, 0), track_id);

      if (cmp == 0)
        cmp = strcmp ((const char *) sqlite3_column_text (topics, 1), skill_id);
      if (cmp > 0)
        break;
      if (cmp == 0)
        {
          if (builder == NULL)
            builder = g_strv_builder_new ();
          g_strv_builder_add (builder, (const char *) sqlite3_column_text (topics, 2));
        }
      *rc = sqlite3_step (topics);
    }

  return builder != NULL ? g_strv_builder_end (builder) : NULL;
}

static gboolean
read_preferences (RoadmapProgressData  *self,
                  sqlite3              *db,
                  const char           *path,
                  GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* A key without a row holds its default, as for the board
   * (_roadmap_store_load_preferences()): so a restore of this snapshot,
   * or an undo back to it, puts the default back */
  roadmap_progress_data_set_holds_all_preferences (self, TRUE);

  if (!has_table (db, "preferences"))
    return TRUE;

  if (sqlite3_prepare_v2 (db, "SELECT key, value FROM preferences ORDER BY key",
                          -1, &stmt, NULL) != SQLITE_OK)
    return read_fail (db, path, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    roadmap_progress_data_set_preference (self, (const char *) sqlite3_column_text (stmt, 0),
                                          sqlite3_column_int64 (stmt, 1));

  return rc == SQLITE_DONE || read_fail (db, path, error);
}

/* The plans (schema 6 on): every row this release can use; a removed
 * plan's emptied row, or one it cannot use, is no plan */
static gboolean
read_plans (RoadmapProgressData  *self,
            sqlite3              *db,
            const char           *path,
            GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  roadmap_progress_data_set_holds_plans (self, TRUE);
  if (!has_table (db, "plans"))
    return TRUE;

  if (sqlite3_prepare_v2 (db, "SELECT track_id, " ROADMAP_STORE_PLAN_COLUMNS " FROM plans ORDER BY track_id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return read_fail (db, path, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RoadmapPlan) plan = _roadmap_store_plan_from_columns (stmt, 1);

      if (plan != NULL)
        roadmap_progress_data_set_plan (self, (const char *) sqlite3_column_text (stmt, 0), plan);
    }

  return rc == SQLITE_DONE || read_fail (db, path, error);
}

/* Every skill with a progress row, a note or (from schema 3 on, where
 * @extra names them) ticked topics, with its rank in its column */
#define SKILLS_QUERY(extra) \
  "WITH ranked AS (" \
  "  SELECT track_id, skill_id, status," \
  "         row_number () OVER (PARTITION BY track_id, status" \
  "                             ORDER BY sort_key, skill_id) - 1 AS position," \
  "         started_at, finished_at" \
  "  FROM progress)," \
  " skills AS (" \
  "  SELECT track_id, skill_id FROM progress" \
  "  UNION SELECT track_id, skill_id FROM notes WHERE body != ''" \
  extra ")" \
  " SELECT s.track_id, s.skill_id, r.status, r.position," \
  "        r.started_at, r.finished_at, nullif (n.body, '')" \
  " FROM skills AS s" \
  " LEFT JOIN ranked AS r USING (track_id, skill_id)" \
  " LEFT JOIN notes AS n USING (track_id, skill_id)" \
  " ORDER BY 1, 2"
#define TOPIC_SKILLS "  UNION SELECT track_id, skill_id FROM topics WHERE done"

/* Inside a transaction of the caller's: one snapshot of all tables. A
 * database of an older schema lacks the tables added since. */
static RoadmapProgressData *
read_database (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  g_autoptr(RoadmapProgressData) self = roadmap_progress_data_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) topics = NULL;
  gboolean with_topics = has_table (db, "topics");
  int rc, topics_rc = SQLITE_DONE;

  if (sqlite3_prepare_v2 (db,
                          with_topics ? SKILLS_QUERY (TOPIC_SKILLS) : SKILLS_QUERY (""),
                          -1, &stmt, NULL) != SQLITE_OK ||
      (with_topics &&
       sqlite3_prepare_v2 (db,
                           "SELECT track_id, skill_id, topic FROM topics WHERE done"
                           " ORDER BY track_id, skill_id, topic",
                           -1, &topics, NULL) != SQLITE_OK))
    {
      read_fail (db, path, error);
      return NULL;
    }

  if (topics != NULL)
    topics_rc = sqlite3_step (topics);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RoadmapProgressEntry entry = {
        .track_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        .skill_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        .has_progress = sqlite3_column_type (stmt, 2) != SQLITE_NULL,
        .status = CLAMP (sqlite3_column_int (stmt, 2), ROADMAP_STATUS_TODO, ROADMAP_N_STATUSES - 1),
        .position = sqlite3_column_int64 (stmt, 3),
        .started_at = _roadmap_store_column_time (stmt, 4),
        .finished_at = _roadmap_store_column_time (stmt, 5),
        .note = g_strdup ((const char *) sqlite3_column_text (stmt, 6)),
      };

      if (topics != NULL)
        entry.topics_done = merge_topics (topics, &topics_rc, entry.track_id, entry.skill_id);
      roadmap_progress_data_take_entry (self, &entry);
      if (topics_rc != SQLITE_ROW && topics_rc != SQLITE_DONE)
        break;
    }

  if ((rc != SQLITE_DONE && rc != SQLITE_ROW) ||
      (topics_rc != SQLITE_ROW && topics_rc != SQLITE_DONE) ||
      !read_preferences (self, db, path, error) ||
      !read_plans (self, db, path, error))
    {
      if (error == NULL || *error == NULL)
        read_fail (db, path, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * roadmap_progress_data_read:
 *
 * All that @store holds, in one snapshot: inside the caller's change, or
 * in a read transaction of its own.
 */
RoadmapProgressData *
roadmap_progress_data_read (RoadmapStore  *store,
                            GError       **error)
{
  RoadmapProgressData *data;
  gboolean own_transaction;

  g_return_val_if_fail (ROADMAP_IS_STORE (store), NULL);

  own_transaction = sqlite3_get_autocommit (store->db);
  if (own_transaction && !_roadmap_store_exec (store, "BEGIN", error))
    return NULL;

  data = read_database (store->db, store->path, error);

  if (own_transaction)
    _roadmap_store_rollback (store);
  return data;
}

/**
 * roadmap_progress_data_read_backup:
 * @path: a daily backup (roadmap_store_list_backups()), or any Roadmap
 *   database, opened read-only
 */
RoadmapProgressData *
roadmap_progress_data_read_backup (const char  *path,
                                   GError     **error)
{
  sqlite3 *db = NULL;
  RoadmapProgressData *data = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      read_fail (db, path, error);
      g_clear_pointer (&stmt, sqlite3_finalize);
      sqlite3_close_v2 (db);
      return NULL;
    }

  if (sqlite3_column_int64 (stmt, 0) != ROADMAP_STORE_APPLICATION_ID || !has_table (db, "progress"))
    g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_NOT_ROADMAP,
                 _("%s is not a Roadmap progress database"), path);
  else if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    read_fail (db, path, error);
  else
    {
      data = read_database (db, path, error);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close_v2 (db);
  return data;
}


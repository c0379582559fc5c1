/* roadmap-progress-data-write.c — a snapshot written back as one change:
 * all progress, notes, ticked topics, plans and preferences replaced,
 * the history told of every status it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-progress-data.h"
#include "roadmap-store-private.h"

typedef struct
{
  RoadmapStore *store;
  gint64 change;
  RoadmapOrigin origin;
  /* Microseconds */
  gint64 now;
  sqlite3_stmt *history;
} WriteContext;

static gboolean
write_history (WriteContext   *context,
               const char     *track_id,
               const char     *skill_id,
               RoadmapStatus   old_status,
               RoadmapStatus   new_status,
               GError        **error)
{
  sqlite3_bind_int64 (context->history, 1, context->change);
  sqlite3_bind_int (context->history, 2, ROADMAP_HISTORY_IMPORT);
  sqlite3_bind_int (context->history, 3, context->origin);
  sqlite3_bind_text (context->history, 4, track_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (context->history, 5, skill_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (context->history, 6, old_status);
  sqlite3_bind_int (context->history, 7, new_status);
  sqlite3_bind_int64 (context->history, 8, context->now);
  if (!_roadmap_store_step_done (context->store, context->history, error))
    return FALSE;

  context->store->history_written = TRUE;
  context->store->last_history_id = sqlite3_last_insert_rowid (context->store->db);
  return TRUE;
}

/* What every row holds now, for the history: "track/skill" → status */
static GHashTable *
read_statuses (RoadmapStore  *store,
               GError       **error)
{
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_roadmap_store_prepare (store, "SELECT track_id, skill_id, status FROM progress",
                               &stmt, error))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (statuses,
                         g_strconcat ((const char *) sqlite3_column_text (stmt, 0), "/",
                                      (const char *) sqlite3_column_text (stmt, 1), NULL),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 2)));

  if (rc != SQLITE_DONE)
    {
      _roadmap_store_fail (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&statuses);
}

static gboolean
write_entry (WriteContext                *context,
             const RoadmapProgressEntry  *entry,
             sqlite3_stmt                *progress,
             sqlite3_stmt                *notes,
             sqlite3_stmt                *topics,
             GHashTable                  *old_statuses,
             GError                     **error)
{
  RoadmapStore *store = context->store;
  gint64 now = context->now / G_USEC_PER_SEC;

  if (entry->has_progress)
    {
      g_autofree char *id = g_strconcat (entry->track_id, "/", entry->skill_id, NULL);
      g_autofree char *stolen = NULL;
      gpointer old_status = GINT_TO_POINTER (ROADMAP_STATUS_TODO);

      g_hash_table_steal_extended (old_statuses, id, (gpointer *) &stolen, &old_status);

      sqlite3_bind_text (progress, 1, entry->track_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (progress, 2, entry->skill_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (progress, 3, entry->status);
      sqlite3_bind_int64 (progress, 4, (entry->position + 1) * ROADMAP_SORT_KEY_STEP);
      _roadmap_store_bind_time (progress, 5, entry->started_at);
      _roadmap_store_bind_time (progress, 6, entry->finished_at);
      sqlite3_bind_int64 (progress, 7, now);
      sqlite3_bind_int64 (progress, 8, context->change);
      if (!_roadmap_store_step_done (store, progress, error))
        return FALSE;

      /* Status changes only: a file imported again writes one row */
      if ((RoadmapStatus) GPOINTER_TO_INT (old_status) != entry->status &&
          !write_history (context, entry->track_id, entry->skill_id,
                          GPOINTER_TO_INT (old_status), entry->status, error))
        return FALSE;
    }

  for (guint t = 0; entry->topics_done != NULL && entry->topics_done[t] != NULL; t++)
    {
      sqlite3_bind_text (topics, 1, entry->track_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (topics, 2, entry->skill_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (topics, 3, entry->topics_done[t], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (topics, 4, now);
      sqlite3_bind_int64 (topics, 5, context->change);
      if (!_roadmap_store_step_done (store, topics, error))
        return FALSE;
    }

  if (entry->note == NULL)
    return TRUE;

  sqlite3_bind_text (notes, 1, entry->track_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (notes, 2, entry->skill_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (notes, 3, entry->note, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (notes, 4, now);
  sqlite3_bind_int64 (notes, 5, context->change);
  return _roadmap_store_step_done (store, notes, error);
}

/* The plans of @self; when it holds them all, every other track's plan
 * removed (its row emptied, as a removed plan's is) */
static gboolean
write_plans (RoadmapProgressData  *self,
             RoadmapStore         *store,
             gint64                change,
             gint64                now,
             GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) roadmap_plan_free);
  const char * const *track_ids = roadmap_progress_data_list_plans (self);
  GHashTableIter iter;
  gpointer track_id;
  int rc;

  if (!_roadmap_store_prepare (store, "SELECT track_id, " ROADMAP_STORE_PLAN_COLUMNS " FROM plans",
                               &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RoadmapPlan *plan = _roadmap_store_plan_from_columns (stmt, 1);

      if (plan != NULL)
        g_hash_table_insert (current, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), plan);
    }
  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (store, rc, error);

  g_hash_table_iter_init (&iter, current);
  while (roadmap_progress_data_get_holds_plans (self) && g_hash_table_iter_next (&iter, &track_id, NULL))
    if (roadmap_progress_data_get_plan (self, track_id) == NULL &&
        !_roadmap_store_write_plan_for_id (store, track_id, NULL, change, now / G_USEC_PER_SEC, error))
      return FALSE;

  for (guint i = 0; track_ids[i] != NULL; i++)
    {
      const RoadmapPlan *plan = roadmap_progress_data_get_plan (self, track_ids[i]);

      if (!roadmap_plan_equal (g_hash_table_lookup (current, track_ids[i]), plan) &&
          !_roadmap_store_write_plan_for_id (store, track_ids[i], plan, change, now / G_USEC_PER_SEC, error))
        return FALSE;
    }

  return TRUE;
}

/* Every preference of @store that @self does not hold, set to 0 */
static gboolean
reset_other_preferences (RoadmapProgressData  *self,
                         RoadmapStore         *store,
                         gint64                change,
                         gint64                now,
                         GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (!_roadmap_store_prepare (store, "SELECT key FROM preferences WHERE value != 0", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      if (roadmap_progress_data_get_preference (self, key) == G_MININT64)
        g_ptr_array_add (keys, g_strdup (key));
    }
  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (store, rc, error);

  for (guint i = 0; i < keys->len; i++)
    if (!roadmap_store_write_preference (store, g_ptr_array_index (keys, i), 0, change,
                                         now / G_USEC_PER_SEC, error))
      return FALSE;
  return TRUE;
}

/**
 * roadmap_progress_data_write:
 * @change: from roadmap_store_begin_change(), the caller's
 * @origin: who asks, for the history
 * @now: microseconds since the Unix epoch (UTC), for the history
 *
 * Replaces all progress, notes, ticked topics and preferences of @store
 * with those of @self, inside @change. Every skill whose status this
 * changes (sets, or takes back to To-do) is recorded in the history, so
 * that it holds every status change; a skill left in its status is not,
 * so that writing the same data again adds one row, not one per entry.
 * The first row, of no skill, marks the change that replaced everything,
 * for other processes' reloads.
 */
gboolean
roadmap_progress_data_write (RoadmapProgressData  *self,
                             RoadmapStore         *store,
                             gint64                change,
                             RoadmapOrigin         origin,
                             gint64                now,
                             GError              **error)
{
  g_autoptr(sqlite3_stmt) progress = NULL;
  g_autoptr(sqlite3_stmt) notes = NULL;
  g_autoptr(sqlite3_stmt) topics = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  g_autoptr(GHashTable) old_statuses = NULL;
  WriteContext context = { store, change, origin, now, NULL };
  const char * const *keys;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_STORE (store), FALSE);

  if (!_roadmap_store_prepare (store,
                               "INSERT INTO progress (track_id, skill_id, status, sort_key,"
                               "  started_at, finished_at, updated_at, change)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                               &progress, error) ||
      !_roadmap_store_prepare (store,
                               "INSERT INTO notes (track_id, skill_id, body, updated_at, change)"
                               " VALUES (?1, ?2, ?3, ?4, ?5)",
                               &notes, error) ||
      !_roadmap_store_prepare (store,
                               "INSERT INTO topics (track_id, skill_id, topic, done, updated_at, change)"
                               " VALUES (?1, ?2, ?3, 1, ?4, ?5)",
                               &topics, error) ||
      !_roadmap_store_prepare (store,
                               "INSERT INTO history (change, kind, origin, track_id, skill_id,"
                               "  old_status, new_status, changed_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                               &history, error))
    return FALSE;
  context.history = history;

  old_statuses = read_statuses (store, error);
  if (old_statuses == NULL ||
      !write_history (&context, "", "", ROADMAP_STATUS_TODO, ROADMAP_STATUS_TODO, error) ||
      !_roadmap_store_exec (store, "DELETE FROM progress; DELETE FROM notes; DELETE FROM topics;", error))
    return FALSE;

  for (guint i = 0; i < roadmap_progress_data_get_n_entries (self); i++)
    if (!write_entry (&context, roadmap_progress_data_get_entry (self, i),
                      progress, notes, topics, old_statuses, error))
      return FALSE;

  /* The rows the data does not have: back to To-do */
  g_hash_table_iter_init (&iter, old_statuses);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) ids = g_strsplit (key, "/", 2);

      if (GPOINTER_TO_INT (value) != ROADMAP_STATUS_TODO &&
          !write_history (&context, ids[0], ids[1], GPOINTER_TO_INT (value), ROADMAP_STATUS_TODO, error))
        return FALSE;
    }

  /* Preferences the data does not hold go back to their default when it
   * holds them all; otherwise (a file written before they were kept in
   * it) they keep their value */
  if (roadmap_progress_data_get_holds_all_preferences (self) && !reset_other_preferences (self, store, change, now, error))
    return FALSE;

  if (!write_plans (self, store, change, now, error))
    return FALSE;

  keys = roadmap_progress_data_list_preferences (self);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      gint64 current;

      /* Without a row, a preference is at its default, 0 for each */
      if (!roadmap_store_read_preference (store, keys[i], 0, &current, error))
        return FALSE;
      if (current != roadmap_progress_data_get_preference (self, keys[i]) &&
          !roadmap_store_write_preference (store, keys[i], roadmap_progress_data_get_preference (self, keys[i]),
                                           change, now / G_USEC_PER_SEC, error))
        return FALSE;
    }

  return TRUE;
}


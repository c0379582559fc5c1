/* roadmap-store-sync.c — sync's part of the progress database
 *
 * sync_items holds each skill as this machine last merged it, every
 * field with its own stamp (when and on which device it last changed),
 * and the outbox: a skill whose outbox is not 0 has to go to the server.
 * A change queues its skills in its own transaction
 * (roadmap_store_sync_queue_change(), from the session's hook), so that
 * a crash between a change and its push loses nothing. A merge of a
 * task from the server (roadmap_store_sync_merge()) is a change too; it
 * writes the merged values and the merged item at once, so that the hook
 * finds nothing new in it: a pulled change goes back to the server only
 * where the merge kept or made something of this machine's (or took a
 * value another app wrote, which goes back with Roadmap's digest).
 *
 * A conflict is two machines changing one field of a skill since they
 * last agreed (sync_items.agreed_at): the newer stamp wins, the other
 * value is kept in sync_losers with a history row of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-store-private.h"
#include "roadmap-store-sync.h"

#define ITEM_COLUMNS \
  "track_id, skill_id, status, started_at, finished_at, sort_key, note, topics," \
  " status_modified, status_device, position_modified, position_device," \
  " note_modified, note_device, topics_modified, topics_device," \
  " agreed_at, outbox, remote, sequence, remote_digest"

void
roadmap_sync_state_free (RoadmapSyncState *state)
{
  if (state == NULL)
    return;
  g_free (state->source_uid);
  g_free (state->device);
  g_free (state->last_result);
  g_free (state);
}

void
roadmap_sync_item_free (RoadmapSyncItem *item)
{
  if (item == NULL)
    return;
  roadmap_sync_record_free (item->record);
  g_free (item->remote_digest);
  g_free (item);
}

void
roadmap_sync_loser_free (RoadmapSyncLoser *loser)
{
  if (loser == NULL)
    return;
  g_free (loser->track_id);
  g_free (loser->skill_id);
  g_free (loser->value);
  g_free (loser->stamp.device);
  g_free (loser);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
finish_query (RoadmapStore  *self,
              sqlite3_stmt  *stmt,
              int            rc,
              GError       **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return _roadmap_store_fail (self, rc, error);
}

/**
 * roadmap_store_sync_read_state:
 * @state: (out) (transfer full) (nullable): the state, %NULL when sync was
 *   never turned on
 */
gboolean
roadmap_store_sync_read_state (RoadmapStore       *self,
                               RoadmapSyncState  **state,
                               GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);

  *state = NULL;
  if (!_roadmap_store_prepare_cached (self,
                                      "SELECT source_uid, device, failures, retry_at, last_round_at,"
                                      "       last_ok, last_result FROM sync_config WHERE id = 1",
                                      &stmt, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      RoadmapSyncState *read = g_new0 (RoadmapSyncState, 1);

      read->source_uid = g_strdup (column_text (stmt, 0));
      read->device = g_strdup (column_text (stmt, 1));
      read->n_failures = sqlite3_column_int (stmt, 2);
      read->retry_at = sqlite3_column_int64 (stmt, 3);
      read->last_round_at = sqlite3_column_int64 (stmt, 4);
      read->last_ok = sqlite3_column_int (stmt, 5);
      read->last_result = g_strdup (column_text (stmt, 6));
      *state = read;
    }
  return finish_query (self, stmt, rc, error);
}

/* This database's device id; with @only_when_on, none while sync is off */
static gboolean
read_device (RoadmapStore  *self,
             gboolean       only_when_on,
             char         **device,
             GError       **error)
{
  g_autoptr(RoadmapSyncState) state = NULL;

  *device = NULL;
  if (!roadmap_store_sync_read_state (self, &state, error))
    return FALSE;
  if (state != NULL && (state->source_uid != NULL || !only_when_on))
    *device = g_strdup (state->device);
  return TRUE;
}

/* What the progress tables hold for a skill now, without stamps;
 * @updated, when given, each field's time in the tables (Unix seconds) */
static gboolean
read_current (RoadmapStore        *self,
              const char          *track_id,
              const char          *skill_id,
              RoadmapSyncRecord  **current,
              gint64              *updated,
              GError             **error)
{
  g_autoptr(RoadmapSyncRecord) record = roadmap_sync_record_new (track_id, skill_id);
  g_autoptr(GStrvBuilder) topics = g_strv_builder_new ();
  g_auto(GStrv) topic_list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; updated != NULL && i < ROADMAP_SYNC_N_FIELDS; i++)
    updated[i] = 0;

  if (!_roadmap_store_prepare_cached (self,
                                      "SELECT status, sort_key, started_at, finished_at, updated_at"
                                      " FROM progress WHERE track_id = ?1 AND skill_id = ?2",
                                      &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, track_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, skill_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      record->status = CLAMP (sqlite3_column_int (stmt, 0), 0, ROADMAP_N_STATUSES - 1);
      record->placed = TRUE;
      record->sort_key = sqlite3_column_int64 (stmt, 1);
      record->started_at = _roadmap_store_column_time (stmt, 2);
      record->finished_at = _roadmap_store_column_time (stmt, 3);
      if (updated != NULL)
        updated[ROADMAP_SYNC_FIELD_STATUS] = updated[ROADMAP_SYNC_FIELD_POSITION] =
          sqlite3_column_int64 (stmt, 4);
    }
  if (!finish_query (self, stmt, rc, error))
    return FALSE;

  if (!_roadmap_store_prepare_cached (self,
                                      "SELECT body, updated_at FROM notes"
                                      " WHERE track_id = ?1 AND skill_id = ?2",
                                      &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, track_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, skill_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_free (record->note);
      record->note = g_strdup (column_text (stmt, 0));
      if (updated != NULL)
        updated[ROADMAP_SYNC_FIELD_NOTE] = sqlite3_column_int64 (stmt, 1);
    }
  if (!finish_query (self, stmt, rc, error))
    return FALSE;

  if (!_roadmap_store_prepare_cached (self,
                                      "SELECT topic, updated_at FROM topics"
                                      " WHERE track_id = ?1 AND skill_id = ?2 AND done = 1",
                                      &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, track_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, skill_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_strv_builder_add (topics, column_text (stmt, 0));
      if (updated != NULL)
        updated[ROADMAP_SYNC_FIELD_TOPICS] = MAX (updated[ROADMAP_SYNC_FIELD_TOPICS],
                                                  sqlite3_column_int64 (stmt, 1));
    }
  if (!finish_query (self, stmt, rc, error))
    return FALSE;
  topic_list = g_strv_builder_end (topics);
  roadmap_sync_record_set_topics (record, (const char * const *) topic_list);

  *current = g_steal_pointer (&record);
  return TRUE;
}

static RoadmapSyncItem *
read_item_columns (sqlite3_stmt *stmt)
{
  RoadmapSyncItem *item = g_new0 (RoadmapSyncItem, 1);
  RoadmapSyncRecord *record = roadmap_sync_record_new (column_text (stmt, 0), column_text (stmt, 1));
  g_autoptr(GError) error = NULL;

  record->status = CLAMP (sqlite3_column_int (stmt, 2), 0, ROADMAP_N_STATUSES - 1);
  record->started_at = _roadmap_store_column_time (stmt, 3);
  record->finished_at = _roadmap_store_column_time (stmt, 4);
  record->placed = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  record->sort_key = sqlite3_column_int64 (stmt, 5);
  g_free (record->note);
  record->note = g_strdup (column_text (stmt, 6));
  /* Written by roadmap_sync_record_dup_value(): read back the same */
  if (!roadmap_sync_record_set_value (record, ROADMAP_SYNC_FIELD_TOPICS, column_text (stmt, 7), &error))
    g_warning ("The ticked topics kept for sync of %s/%s cannot be read: %s",
               record->track_id, record->skill_id, error->message);
  for (guint i = 0; i < ROADMAP_SYNC_N_FIELDS; i++)
    roadmap_sync_record_set_stamp (record, i, sqlite3_column_int64 (stmt, 8 + 2 * i),
                                   column_text (stmt, 9 + 2 * i));
  item->record = record;
  item->outbox = sqlite3_column_int64 (stmt, 17);
  item->remote = sqlite3_column_int (stmt, 18);
  item->sequence = sqlite3_column_int64 (stmt, 19);
  item->remote_digest = g_strdup (column_text (stmt, 20));
  return item;
}

/* The agreement time is kept beside the item, not in it */
static gboolean
read_item (RoadmapStore      *self,
           const char        *track_id,
           const char        *skill_id,
           RoadmapSyncItem  **item,
           gint64            *agreed_at,
           GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *item = NULL;
  if (!_roadmap_store_prepare_cached (self,
                                      "SELECT " ITEM_COLUMNS " FROM sync_items"
                                      " WHERE track_id = ?1 AND skill_id = ?2",
                                      &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, track_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, skill_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *item = read_item_columns (stmt);
      if (agreed_at != NULL)
        *agreed_at = sqlite3_column_int64 (stmt, 16);
    }
  else if (agreed_at != NULL)
    *agreed_at = 0;
  return finish_query (self, stmt, rc, error);
}

gboolean
roadmap_store_sync_read_item (RoadmapStore      *self,
                              const char        *track_id,
                              const char        *skill_id,
                              RoadmapSyncItem  **item,
                              GError           **error)
{
  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  return read_item (self, track_id, skill_id, item, NULL, error);
}

static gboolean
write_item (RoadmapStore             *self,
            const RoadmapSyncRecord  *record,
            gint64                    agreed_at,
            gint64                    outbox,
            gboolean                  remote,
            gint64                    sequence,
            const char               *remote_digest,
            GError                  **error)
{
  g_autofree char *topics = roadmap_sync_record_dup_value (record, ROADMAP_SYNC_FIELD_TOPICS);
  sqlite3_stmt *stmt;

  if (!_roadmap_store_prepare_cached (self,
                                      "INSERT OR REPLACE INTO sync_items (" ITEM_COLUMNS ")"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                                      "         ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
                                      &stmt, error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, record->track_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record->skill_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, record->status);
  _roadmap_store_bind_time (stmt, 4, record->started_at);
  _roadmap_store_bind_time (stmt, 5, record->finished_at);
  if (record->placed)
    sqlite3_bind_int64 (stmt, 6, record->sort_key);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, record->note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, topics, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < ROADMAP_SYNC_N_FIELDS; i++)
    {
      sqlite3_bind_int64 (stmt, 9 + 2 * i, record->stamps[i].modified);
      sqlite3_bind_text (stmt, 10 + 2 * i, record->stamps[i].device, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_int64 (stmt, 17, agreed_at);
  sqlite3_bind_int64 (stmt, 18, outbox);
  sqlite3_bind_int (stmt, 19, remote);
  sqlite3_bind_int64 (stmt, 20, sequence);
  sqlite3_bind_text (stmt, 21, remote_digest, -1, SQLITE_TRANSIENT);
  return _roadmap_store_step_done (self, stmt, error);
}

static gint64
latest_stamp (const RoadmapSyncRecord *record)
{
  gint64 latest = 0;

  for (guint i = 0; i < ROADMAP_SYNC_N_FIELDS; i++)
    latest = MAX (latest, record->stamps[i].modified);
  return latest;
}

/* The (track, skill) pairs of a query's first two columns */
static GPtrArray *
list_pairs (RoadmapStore  *self,
            const char    *sql,
            gint64         change,
            GError       **error)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt;
  int rc;

  if (!_roadmap_store_prepare_cached (self, sql, &stmt, error))
    return NULL;
  if (change != 0)
    sqlite3_bind_int64 (stmt, 1, change);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **pair = g_new0 (char *, 3);

      pair[0] = g_strdup (column_text (stmt, 0));
      pair[1] = g_strdup (column_text (stmt, 1));
      g_ptr_array_add (pairs, pair);
    }
  if (!finish_query (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&pairs);
}

/**
 * roadmap_store_sync_queue_change:
 * @change: the change being written
 * @now: its time, microseconds
 *
 * Inside a change, once its rows are written: when sync is on, every
 * skill whose progress, note or ticks now differ from what sync last
 * merged gets the new values, stamped with @now and this device, and
 * goes to the outbox. Rows the change removed (a restore) count too.
 */
gboolean
roadmap_store_sync_queue_change (RoadmapStore  *self,
                                 gint64         change,
                                 gint64         now,
                                 GError       **error)
{
  g_autofree char *device = NULL;
  g_autoptr(GPtrArray) pairs = NULL;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);

  if (!read_device (self, TRUE, &device, error))
    return FALSE;
  if (device == NULL)
    return TRUE;

  /* Only an import (a restore) removes rows: the skills it emptied are
   * looked for only then (the import's own history row, kind 2, has an
   * index of its own) */
  pairs = list_pairs (self,
                      "SELECT track_id, skill_id FROM progress WHERE change = ?1"
                      " UNION SELECT track_id, skill_id FROM notes WHERE change = ?1"
                      " UNION SELECT track_id, skill_id FROM topics WHERE change = ?1"
                      " UNION SELECT track_id, skill_id FROM sync_items AS s WHERE"
                      "   EXISTS (SELECT 1 FROM history WHERE change = ?1 AND kind = 2) AND ("
                      "   (s.sort_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM progress AS p"
                      "      WHERE p.track_id = s.track_id AND p.skill_id = s.skill_id))"
                      "   OR (s.note <> '' AND NOT EXISTS (SELECT 1 FROM notes AS n"
                      "      WHERE n.track_id = s.track_id AND n.skill_id = s.skill_id))"
                      "   OR (s.topics <> '[]' AND NOT EXISTS (SELECT 1 FROM topics AS t"
                      "      WHERE t.track_id = s.track_id AND t.skill_id = s.skill_id AND t.done = 1)))",
                      change, error);
  if (pairs == NULL)
    return FALSE;

  for (guint i = 0; i < pairs->len; i++)
    {
      char **pair = g_ptr_array_index (pairs, i);
      g_autoptr(RoadmapSyncItem) item = NULL;
      g_autoptr(RoadmapSyncRecord) current = NULL;
      RoadmapSyncRecord *record;
      gboolean differs = FALSE;
      gint64 agreed_at, latest;

      if (!read_item (self, pair[0], pair[1], &item, &agreed_at, error) ||
          !read_current (self, pair[0], pair[1], &current, NULL, error))
        return FALSE;

      if (item == NULL)
        {
          item = g_new0 (RoadmapSyncItem, 1);
          item->record = roadmap_sync_record_new (pair[0], pair[1]);
        }
      record = item->record;
      latest = latest_stamp (record);

      for (guint f = 0; f < ROADMAP_SYNC_N_FIELDS; f++)
        {
          if (roadmap_sync_record_field_equal (record, current, f))
            continue;
          roadmap_sync_record_copy_field (record, current, f);
          /* Later than every stamp this machine holds for the skill: a
           * clock behind another machine's still makes a newer change */
          roadmap_sync_record_set_stamp (record, f, MAX (now, MAX (latest, agreed_at) + 1), device);
          differs = TRUE;
        }

      if (differs && !write_item (self, record, agreed_at, change, item->remote, item->sequence,
                                  item->remote_digest, error))
        return FALSE;
    }

  return TRUE;
}

/* Unlike a change: no history, the counter does not move */
static gboolean
run_statement (RoadmapStore  *self,
               const char    *sql,
               const char    *text,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_roadmap_store_prepare (self, sql, &stmt, error))
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

/* Every skill with progress into the outbox, each field stamped with
 * the time its row was written */
static gboolean
seed_items (RoadmapStore  *self,
            const char    *device,
            GError       **error)
{
  g_autoptr(GPtrArray) pairs = NULL;

  pairs = list_pairs (self,
                      "SELECT track_id, skill_id FROM progress"
                      " UNION SELECT track_id, skill_id FROM notes WHERE body <> ''"
                      " UNION SELECT track_id, skill_id FROM topics WHERE done = 1",
                      0, error);
  if (pairs == NULL)
    return FALSE;

  for (guint i = 0; i < pairs->len; i++)
    {
      char **pair = g_ptr_array_index (pairs, i);
      g_autoptr(RoadmapSyncRecord) current = NULL;
      gint64 updated[ROADMAP_SYNC_N_FIELDS];

      if (!read_current (self, pair[0], pair[1], &current, updated, error))
        return FALSE;
      for (guint f = 0; f < ROADMAP_SYNC_N_FIELDS; f++)
        roadmap_sync_record_set_stamp (current, f, updated[f] * G_USEC_PER_SEC, device);
      if (!write_item (self, current, 0, -1, FALSE, 0, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * roadmap_store_sync_enable:
 * @source_uid: the task list: an Evolution Data Server source's UID
 *
 * Turns sync on with @source_uid. Every skill with progress goes to the
 * outbox: the list may be new, or hold another machine's progress to
 * merge with.
 */
gboolean
roadmap_store_sync_enable (RoadmapStore  *self,
                           const char    *source_uid,
                           GError       **error)
{
  g_autoptr(RoadmapSyncState) state = NULL;
  g_autofree char *device = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (source_uid != NULL, FALSE);

  if (!_roadmap_store_begin (self, error))
    return FALSE;
  if (!roadmap_store_sync_read_state (self, &state, error))
    goto fail;

  /* The list in use already: nothing to do, the items keep their times */
  if (state != NULL && g_strcmp0 (state->source_uid, source_uid) == 0)
    {
      _roadmap_store_rollback (self);
      return TRUE;
    }

  device = state != NULL ? g_strdup (state->device) : g_uuid_string_random ();
  if (!_roadmap_store_prepare (self,
                               "INSERT OR REPLACE INTO sync_config"
                               " (id, source_uid, device, failures, retry_at, last_round_at, last_ok, last_result)"
                               " VALUES (1, ?1, ?2, 0, 0, 0, 0, NULL)",
                               &stmt, error))
    goto fail;
  sqlite3_bind_text (stmt, 1, source_uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, device, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _roadmap_store_fail (self, rc, error);
      goto fail;
    }

  if (!run_statement (self, "DELETE FROM sync_items", NULL, error) ||
      !seed_items (self, device, error) ||
      !_roadmap_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _roadmap_store_rollback (self);
  return FALSE;
}

/* Turns sync off; the device id stays, the outbox empties */
gboolean
roadmap_store_sync_disable (RoadmapStore  *self,
                            GError       **error)
{
  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);

  if (!_roadmap_store_begin (self, error))
    return FALSE;
  if (!run_statement (self, "UPDATE sync_config SET source_uid = NULL, failures = 0, retry_at = 0",
                      NULL, error) ||
      !run_statement (self, "DELETE FROM sync_items", NULL, error) ||
      !_roadmap_store_commit (self, error))
    {
      _roadmap_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * roadmap_store_sync_end_round:
 * @ok: whether both sides ended the same
 * @result: what the round found, in words
 *
 * Records the round; a failed one makes the next wait, doubling from 30
 * seconds up to an hour.
 */
gboolean
roadmap_store_sync_end_round (RoadmapStore  *self,
                              gboolean       ok,
                              const char    *result,
                              gint64         now,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);

  if (!_roadmap_store_prepare (self,
                               "UPDATE sync_config SET"
                               "  failures = CASE WHEN ?1 THEN 0 ELSE failures + 1 END,"
                               "  retry_at = CASE WHEN ?1 THEN 0"
                               "    ELSE ?2 + min (30000000 << min (failures, 7), 3600000000) END,"
                               "  last_round_at = ?2, last_ok = ?1, last_result = ?3"
                               " WHERE id = 1",
                               &stmt, error))
    return FALSE;
  sqlite3_bind_int (stmt, 1, ok);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, result, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

/* Writes @merged's status, position, note and ticks where the tables
 * hold something else; a row written for a skill without a place of
 * its own gives @merged the place it took, and sets @placed */
static gboolean
apply_record (RoadmapStore             *self,
              const RoadmapSyncRecord  *current,
              RoadmapSyncRecord        *merged,
              gint64                    change,
              gint64                    now,
              RoadmapOrigin             origin,
              gboolean                 *placed,
              gboolean                 *changed,
              GError                  **error)
{
  sqlite3_stmt *stmt;

  if ((!roadmap_sync_record_field_equal (current, merged, ROADMAP_SYNC_FIELD_STATUS) ||
       !roadmap_sync_record_field_equal (current, merged, ROADMAP_SYNC_FIELD_POSITION)) &&
      (current->placed || merged->placed || merged->status != ROADMAP_STATUS_TODO))
    {
      RoadmapProgressRow old_row = {
        .stored = current->placed, .status = current->status, .sort_key = current->sort_key,
        .started_at = current->started_at, .finished_at = current->finished_at,
      };
      RoadmapProgressRow new_row = {
        .stored = TRUE, .status = merged->status,
        /* No place of its own: the one it has, or after the placed ones */
        .sort_key = merged->placed ? merged->sort_key :
                    current->placed ? current->sort_key : ROADMAP_SORT_KEY_UNSTORED_BASE,
        .started_at = merged->started_at, .finished_at = merged->finished_at,
        .change = change,
      };

      if (!_roadmap_store_prepare_cached (self,
                                          "INSERT OR REPLACE INTO progress (track_id, skill_id, status,"
                                          "  sort_key, started_at, finished_at, updated_at, change)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                          &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, merged->track_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, merged->skill_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, new_row.status);
      sqlite3_bind_int64 (stmt, 4, new_row.sort_key);
      _roadmap_store_bind_time (stmt, 5, new_row.started_at);
      _roadmap_store_bind_time (stmt, 6, new_row.finished_at);
      sqlite3_bind_int64 (stmt, 7, now / G_USEC_PER_SEC);
      sqlite3_bind_int64 (stmt, 8, change);
      if (!_roadmap_store_step_done (self, stmt, error))
        return FALSE;
      /* A skill with a row has a place: the record says which, as a
       * change of this machine's (see roadmap_store_sync_merge()) */
      if (!merged->placed)
        {
          merged->placed = TRUE;
          merged->sort_key = new_row.sort_key;
          *placed = TRUE;
        }

      if (old_row.status != new_row.status || !old_row.stored)
        {
          RoadmapHistoryEntry entry = {
            .change = change, .kind = ROADMAP_HISTORY_MOVE, .origin = origin,
            .track_id = merged->track_id, .skill_id = merged->skill_id,
            .old_status = old_row.status, .new_status = new_row.status,
            .changed_at = now,
          };

          if (!roadmap_store_write_history (self, &entry, &old_row, &new_row, error))
            return FALSE;
        }
      *changed = TRUE;
    }

  if (!roadmap_sync_record_field_equal (current, merged, ROADMAP_SYNC_FIELD_NOTE))
    {
      if (!_roadmap_store_prepare_cached (self,
                                          "INSERT INTO notes (track_id, skill_id, body, updated_at, change)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5)"
                                          " ON CONFLICT (track_id, skill_id) DO UPDATE SET"
                                          "   body = excluded.body, updated_at = excluded.updated_at,"
                                          "   change = excluded.change",
                                          &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, merged->track_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, merged->skill_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, merged->note, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, now / G_USEC_PER_SEC);
      sqlite3_bind_int64 (stmt, 5, change);
      if (!_roadmap_store_step_done (self, stmt, error))
        return FALSE;
      *changed = TRUE;
    }

  if (!roadmap_sync_record_field_equal (current, merged, ROADMAP_SYNC_FIELD_TOPICS))
    {
      const char * const *ticked = (const char * const *) merged->topics;
      const char * const *was = (const char * const *) current->topics;

      if (!_roadmap_store_prepare_cached (self,
                                          "INSERT INTO topics (track_id, skill_id, topic, done, updated_at, change)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                          " ON CONFLICT (track_id, skill_id, topic) DO UPDATE SET"
                                          "   done = excluded.done, updated_at = excluded.updated_at,"
                                          "   change = excluded.change",
                                          &stmt, error))
        return FALSE;
      for (guint pass = 0; pass < 2; pass++)
        {
          /* Ticks it lacks, then ticks it no longer has */
          const char * const *list = pass == 0 ? ticked : was;
          const char * const *other = pass == 0 ? was : ticked;

          for (guint i = 0; list[i] != NULL; i++)
            {
              if (g_strv_contains (other, list[i]))
                continue;
              sqlite3_bind_text (stmt, 1, merged->track_id, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (stmt, 2, merged->skill_id, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (stmt, 3, list[i], -1, SQLITE_TRANSIENT);
              sqlite3_bind_int (stmt, 4, pass == 0);
              sqlite3_bind_int64 (stmt, 5, now / G_USEC_PER_SEC);
              sqlite3_bind_int64 (stmt, 6, change);
              if (!_roadmap_store_step_done (self, stmt, error))
                return FALSE;
            }
        }
      *changed = TRUE;
    }

  return TRUE;
}

static gboolean
write_loser (RoadmapStore             *self,
             const RoadmapSyncRecord  *loser,
             const RoadmapSyncRecord  *current,
             RoadmapSyncField          field,
             gint64                    change,
             gint64                    now,
             GError                  **error)
{
  g_autofree char *value = roadmap_sync_record_dup_value (loser, field);
  RoadmapHistoryEntry entry = {
    .change = change, .kind = ROADMAP_HISTORY_CONFLICT, .origin = ROADMAP_ORIGIN_SYNC,
    .track_id = loser->track_id, .skill_id = loser->skill_id,
    .old_status = current->status, .new_status = current->status,
    .changed_at = now,
  };
  sqlite3_stmt *stmt;

  if (!roadmap_store_write_history (self, &entry, NULL, NULL, error) ||
      !_roadmap_store_prepare_cached (self,
                                      "INSERT INTO sync_losers (history_id, track_id, skill_id, field,"
                                      "  value, modified, device, decided_at)"
                                      " VALUES (last_insert_rowid (), ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                      &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, loser->track_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, loser->skill_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, roadmap_sync_field_to_string (field), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, loser->stamps[field].modified);
  sqlite3_bind_text (stmt, 6, loser->stamps[field].device, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, now);
  return _roadmap_store_step_done (self, stmt, error);
}

/**
 * roadmap_store_sync_merge:
 * @remote: the skill as the server's task has it, checked
 *   (roadmap_sync_record_check())
 * @sequence: the task's SEQUENCE
 * @change: the change being written
 * @now: its time, microseconds
 * @origin: who runs it, for the history
 * @n_conflicts: (inout): counts the fields both sides changed
 * @changed: (out): whether anything was written
 *
 * Inside a change: merges @remote with what this machine has, field by
 * field, the newer stamp winning, and writes the result. The skill goes
 * to the outbox when the result is not what the server has.
 */
gboolean
roadmap_store_sync_merge (RoadmapStore             *self,
                          const RoadmapSyncRecord  *remote,
                          gint64                    sequence,
                          gint64                    change,
                          gint64                    now,
                          RoadmapOrigin             origin,
                          guint                    *n_conflicts,
                          gboolean                 *changed,
                          GError                  **error)
{
  g_autoptr(RoadmapSyncItem) item = NULL;
  g_autoptr(RoadmapSyncRecord) current = NULL;
  g_autoptr(RoadmapSyncRecord) merged = NULL;
  g_autofree char *remote_digest = NULL;
  g_autofree char *device = NULL;
  const RoadmapSyncRecord *local;
  gboolean agree, placed = FALSE;
  gint64 agreed_at;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);

  *changed = FALSE;
  if (!read_item (self, remote->track_id, remote->skill_id, &item, &agreed_at, error) ||
      !read_current (self, remote->track_id, remote->skill_id, &current, NULL, error))
    return FALSE;

  /* Without an item, what the tables hold, never stamped */
  local = item != NULL ? item->record : current;
  merged = roadmap_sync_record_copy (local);

  for (guint f = 0; f < ROADMAP_SYNC_N_FIELDS; f++)
    {
      const RoadmapSyncStamp *local_stamp = &local->stamps[f];
      const RoadmapSyncStamp *remote_stamp = &remote->stamps[f];

      if (roadmap_sync_record_field_equal (local, remote, f))
        {
          if (roadmap_sync_stamp_is_newer (remote_stamp, local_stamp))
            roadmap_sync_record_set_stamp (merged, f, remote_stamp->modified, remote_stamp->device);
          continue;
        }

      if (roadmap_sync_stamp_is_newer (remote_stamp, local_stamp))
        {
          if (local_stamp->modified > agreed_at &&
              !write_loser (self, local, current, f, change, now, error))
            return FALSE;
          roadmap_sync_record_copy_field (merged, remote, f);
          roadmap_sync_record_set_stamp (merged, f, remote_stamp->modified, remote_stamp->device);
        }
      else if (remote_stamp->modified > agreed_at)
        {
          if (!write_loser (self, remote, current, f, change, now, error))
            return FALSE;
        }
      else
        continue;

      if (local_stamp->modified > agreed_at && remote_stamp->modified > agreed_at && n_conflicts != NULL)
        (*n_conflicts)++;
    }

  if (!apply_record (self, current, merged, change, now, origin, &placed, changed, error))
    return FALSE;
  if (!read_device (self, FALSE, &device, error))
    return FALSE;
  /* The place a row had to take is this machine's change, stamped later
   * than all the skill has seen, so that the other side takes it */
  if (placed)
    roadmap_sync_record_set_stamp (merged, ROADMAP_SYNC_FIELD_POSITION,
                                   MAX (now, MAX (latest_stamp (merged), agreed_at) + 1), device);
  /* A value another app wrote is taken on as this machine's, at that
   * app's time: it goes back with Roadmap's digest, or each later touch
   * of the task by that app would stamp it anew */
  for (guint f = 0; f < ROADMAP_SYNC_N_FIELDS; f++)
    if (g_strcmp0 (merged->stamps[f].device, ROADMAP_SYNC_DEVICE_OTHER_APP) == 0)
      roadmap_sync_record_set_stamp (merged, f, merged->stamps[f].modified, device);

  agree = roadmap_sync_record_equal (merged, remote);
  remote_digest = roadmap_sync_record_dup_full_digest (remote);
  if (!write_item (self, merged, agree ? latest_stamp (merged) : agreed_at,
                   agree ? 0 : change, TRUE, sequence, remote_digest, error))
    return FALSE;
  *changed = TRUE;
  return TRUE;
}

#define LOSER_COLUMNS "id, track_id, skill_id, field, value, modified, device, decided_at"

/* NULL for a field this release does not know */
static RoadmapSyncLoser *
read_loser_columns (sqlite3_stmt *stmt)
{
  g_autoptr(RoadmapSyncLoser) loser = g_new0 (RoadmapSyncLoser, 1);

  if (!roadmap_sync_field_from_string (column_text (stmt, 3), &loser->field))
    return NULL;
  loser->id = sqlite3_column_int64 (stmt, 0);
  loser->track_id = g_strdup (column_text (stmt, 1));
  loser->skill_id = g_strdup (column_text (stmt, 2));
  loser->value = g_strdup (column_text (stmt, 4));
  loser->stamp.modified = sqlite3_column_int64 (stmt, 5);
  loser->stamp.device = g_strdup (column_text (stmt, 6));
  loser->decided_at = sqlite3_column_int64 (stmt, 7);
  return g_steal_pointer (&loser);
}

/**
 * roadmap_store_sync_list_items:
 * @outbox_only: only those still to push
 *
 * Returns: (transfer full) (element-type RoadmapSyncItem): the items
 */
GPtrArray *
roadmap_store_sync_list_items (RoadmapStore  *self,
                               gboolean       outbox_only,
                               GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) roadmap_sync_item_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), NULL);

  if (!_roadmap_store_prepare (self,
                               outbox_only ?
                               "SELECT " ITEM_COLUMNS " FROM sync_items WHERE outbox <> 0"
                               " ORDER BY track_id, skill_id" :
                               "SELECT " ITEM_COLUMNS " FROM sync_items ORDER BY track_id, skill_id",
                               &stmt, error))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, read_item_columns (stmt));
  if (rc != SQLITE_DONE)
    {
      _roadmap_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

guint
roadmap_store_sync_count_outbox (RoadmapStore  *self,
                                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), 0);

  if (!_roadmap_store_prepare (self, "SELECT count(*) FROM sync_items WHERE outbox <> 0", &stmt, error))
    return 0;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _roadmap_store_fail (self, rc, error);
      return 0;
    }
  return sqlite3_column_int (stmt, 0);
}

/**
 * roadmap_store_sync_mark_pushed:
 * @item: the item as it was read, then pushed
 * @sequence: the SEQUENCE the server has now
 *
 * The server holds @item: it leaves the outbox, unless a change queued
 * it again meanwhile.
 */
gboolean
roadmap_store_sync_mark_pushed (RoadmapStore           *self,
                                const RoadmapSyncItem  *item,
                                gint64                  sequence,
                                GError                **error)
{
  g_autofree char *digest = roadmap_sync_record_dup_full_digest (item->record);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);

  if (!_roadmap_store_prepare (self,
                               "UPDATE sync_items SET"
                               "  outbox = CASE WHEN outbox = ?3 THEN 0 ELSE outbox END,"
                               "  agreed_at = CASE WHEN outbox = ?3 THEN ?4 ELSE agreed_at END,"
                               "  remote = 1, sequence = ?5, remote_digest = ?6"
                               " WHERE track_id = ?1 AND skill_id = ?2",
                               &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, item->record->track_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, item->record->skill_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, item->outbox);
  sqlite3_bind_int64 (stmt, 4, latest_stamp (item->record));
  sqlite3_bind_int64 (stmt, 5, sequence);
  sqlite3_bind_text (stmt, 6, digest, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

/**
 * roadmap_store_sync_mark_missing:
 * @present: (element-type utf8 utf8): "track/skill" of every task the
 *   server has
 * @n_missing: (out): how many items the server lost
 *
 * A task deleted on the server is not progress lost: its skill goes to
 * the outbox, to be created again.
 */
gboolean
roadmap_store_sync_mark_missing (RoadmapStore  *self,
                                 GHashTable    *present,
                                 guint         *n_missing,
                                 GError       **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);

  *n_missing = 0;
  if (!_roadmap_store_begin (self, error))
    return FALSE;
  items = roadmap_store_sync_list_items (self, FALSE, error);
  if (items == NULL ||
      !_roadmap_store_prepare (self,
                               "UPDATE sync_items SET remote = 0, outbox = -1, agreed_at = 0"
                               " WHERE track_id = ?1 AND skill_id = ?2",
                               &stmt, error))
    goto fail;

  for (guint i = 0; i < items->len; i++)
    {
      RoadmapSyncItem *item = g_ptr_array_index (items, i);
      g_autofree char *key = NULL;
      int rc;

      if (!item->remote)
        continue;
      key = g_strconcat (item->record->track_id, "/", item->record->skill_id, NULL);
      if (g_hash_table_contains (present, key))
        continue;
      sqlite3_bind_text (stmt, 1, item->record->track_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, item->record->skill_id, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _roadmap_store_fail (self, rc, error);
          goto fail;
        }
      (*n_missing)++;
    }

  if (!_roadmap_store_commit (self, error))
    goto fail;
  return TRUE;

fail:
  _roadmap_store_rollback (self);
  return FALSE;
}

/**
 * roadmap_store_sync_list_losers:
 * @track_id: (nullable): only this skill's, with @skill_id
 * @skill_id: (nullable): the skill
 *
 * Returns: (transfer full) (element-type RoadmapSyncLoser): the values
 *   that lost a conflict, the latest first
 */
GPtrArray *
roadmap_store_sync_list_losers (RoadmapStore  *self,
                                const char    *track_id,
                                const char    *skill_id,
                                GError       **error)
{
  g_autoptr(GPtrArray) losers = g_ptr_array_new_with_free_func ((GDestroyNotify) roadmap_sync_loser_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), NULL);
  g_return_val_if_fail ((track_id == NULL) == (skill_id == NULL), NULL);

  if (!_roadmap_store_prepare (self,
                               "SELECT " LOSER_COLUMNS " FROM sync_losers"
                               " WHERE ?1 IS NULL OR (track_id = ?1 AND skill_id = ?2)"
                               " ORDER BY id DESC",
                               &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, track_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, skill_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RoadmapSyncLoser *loser = read_loser_columns (stmt);

      /* NULL: a field of a newer release */
      if (loser != NULL)
        g_ptr_array_add (losers, loser);
    }
  if (rc != SQLITE_DONE)
    {
      _roadmap_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&losers);
}

static gboolean
read_loser (RoadmapStore       *self,
            gint64              id,
            RoadmapSyncLoser  **loser,
            GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *loser = NULL;
  if (!_roadmap_store_prepare_cached (self, "SELECT " LOSER_COLUMNS " FROM sync_losers WHERE id = ?1",
                                      &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *loser = read_loser_columns (stmt);
  if (!finish_query (self, stmt, rc, error))
    return FALSE;
  if (*loser == NULL)
    {
      g_set_error_literal (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_NOT_FOUND,
                           _("That value was restored or forgotten already, perhaps in another window"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
delete_loser (RoadmapStore  *self,
              gint64         id,
              GError       **error)
{
  sqlite3_stmt *stmt;

  if (!_roadmap_store_prepare_cached (self, "DELETE FROM sync_losers WHERE id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _roadmap_store_step_done (self, stmt, error);
}

/**
 * roadmap_store_sync_restore_loser:
 * @id: a loser's id (RoadmapSyncLoser)
 * @change: the change being written
 * @now: its time, microseconds
 * @origin: who runs it, for the history
 * @changed: (out): whether the skill's rows changed
 *
 * Inside a change: gives the skill the value that lost a conflict back,
 * as a change of this machine's (the session's hook queues it for the
 * server, where it is then the newest). The value it replaces is kept
 * as a loser in its place, so that nothing is lost either way.
 */
gboolean
roadmap_store_sync_restore_loser (RoadmapStore  *self,
                                  gint64         id,
                                  gint64         change,
                                  gint64         now,
                                  RoadmapOrigin  origin,
                                  gboolean      *changed,
                                  GError       **error)
{
  g_autoptr(RoadmapSyncLoser) loser = NULL;
  g_autoptr(RoadmapSyncRecord) current = NULL;
  g_autoptr(RoadmapSyncRecord) restored = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *device = NULL;
  gboolean placed = FALSE;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);

  *changed = FALSE;
  if (!read_device (self, FALSE, &device, error) ||
      !read_loser (self, id, &loser, error) ||
      !read_current (self, loser->track_id, loser->skill_id, &current, NULL, error))
    return FALSE;

  restored = roadmap_sync_record_copy (current);
  if (!roadmap_sync_record_set_value (restored, loser->field, loser->value, &local_error) ||
      !roadmap_sync_record_check (restored, now, &local_error))
    {
      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_INVALID,
                   _("The value cannot be restored: %s"), local_error->message);
      return FALSE;
    }
  if (!delete_loser (self, id, error))
    return FALSE;
  if (roadmap_sync_record_field_equal (current, restored, loser->field))
    return TRUE;
  /* What it replaces, this machine's own now */
  roadmap_sync_record_set_stamp (current, loser->field, now, device);
  return write_loser (self, current, current, loser->field, change, now, error) &&
         apply_record (self, current, restored, change, now, origin, &placed, changed, error);
}

/**
 * roadmap_store_sync_forget_loser:
 * @id: a loser's id (RoadmapSyncLoser)
 *
 * Drops a value that lost a conflict, for good.
 */
gboolean
roadmap_store_sync_forget_loser (RoadmapStore  *self,
                                 gint64         id,
                                 GError       **error)
{
  g_autoptr(RoadmapSyncLoser) loser = NULL;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);

  if (!_roadmap_store_begin (self, error))
    return FALSE;
  if (!read_loser (self, id, &loser, error) || !delete_loser (self, id, error))
    {
      _roadmap_store_rollback (self);
      return FALSE;
    }
  return _roadmap_store_commit (self, error);
}

/* roadmap-store-compact.c — keeping the history from growing without
 * limit
 *
 * What is kept, always: every status change (a row whose old and new
 * status differ: moves, undos, redos, imports) with its time; each
 * import's own row (skill ''), which tells other processes' reloads that
 * everything was replaced (read_counter() in roadmap-store-load.c);
 * conflicts; every kind this version does not know (a hook's, a newer
 * version's); and the history's last row, whatever it is.
 *
 * What goes:
 *   - the rows an import wrote for skills whose status it left as it was
 *     (imports no longer write them; older versions did);
 *   - activity marks (notes, topics) but the last of each skill's local
 *     day and kind (roadmap_store_write_history() keeps to that as it
 *     writes; this is for the rows of older versions);
 *   - once older than KEEP_AGE: moves within a column (the same status
 *     before and after) and change markers.
 *
 * The change counter is the history's last id (roadmap_store_begin_change())
 * and history.id is an INTEGER PRIMARY KEY without AUTOINCREMENT: a new
 * row takes max(id) + 1. So the last row is never removed — the counter
 * would go back, a number would be given twice, and a reload or an undo's
 * check of progress.change would take another change for its own. Rows
 * below it may go: nothing reads them back but the history itself (undo
 * is the session's, in memory; reloads compare progress.change and
 * notes.change with the counter).
 *
 * The work is done in batches of ids, each its own BEGIN IMMEDIATE …
 * COMMIT, so another process waits for one batch at most; how far it got
 * is kept in history_compaction.scanned, in the same transaction. Only
 * rows older than KEEP_AGE are looked at, so that each is settled when it
 * is looked at: the scan stops at the first younger row, and goes on
 * from there next time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-store-private.h"

/* Moves within a column and change markers are kept this long */
#define KEEP_AGE           (7 * G_TIME_SPAN_DAY)
/* A row dated further ahead than this is from a wrong clock: it does not
 * hold the scan back until that day */
#define FUTURE_SLACK       (G_TIME_SPAN_DAY)
#define BATCH_SIZE         5000
/* On open: at most this many batches, then the rest on a later open */
#define OPEN_MAX_BATCHES   4

static const char delete_sql[] =
  "DELETE FROM history WHERE id > ?1 AND id <= ?2 AND ("
  /* An import's row for a skill whose status it did not change */
  "  (kind = 2 AND skill_id != '' AND old_status = new_status)"
  /* Moves, undos and redos within a column; change markers */
  "  OR (kind IN (0, 1, 3) AND old_status = new_status)"
  "  OR kind = 5"
  /* Activity marks but the last of their day */
  "  OR (" ROADMAP_STORE_ACTIVITY_KINDS " AND EXISTS ("
  "    SELECT 1 FROM history AS later"
  "    WHERE later." ROADMAP_STORE_ACTIVITY_KINDS
  "      AND later.track_id = history.track_id AND later.skill_id = history.skill_id"
  "      AND later.kind = history.kind"
  "      AND later.changed_at >= " ROADMAP_STORE_DAY_START ("history.changed_at")
  "      AND later.changed_at < " ROADMAP_STORE_DAY_END ("history.changed_at")
  "      AND later.id > history.id)))";

static gboolean
query_int (RoadmapStore  *self,
           const char    *sql,
           gint64        *value,
           gboolean      *found,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_roadmap_store_prepare (self, sql, &stmt, error))
    return FALSE;
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL;
  if (*found)
    *value = sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

typedef struct
{
  gint64 scanned;
  gint64 done_at;
  /* The last id this pass may look at: below the history's last row, and
   * the first row too young to settle (within the next batch) */
  gint64 end;
  /* The last id of the next batch */
  gint64 batch_end;
} Window;

/* Where the next batch of @batch_size ids starts and ends, read in the
 * current transaction */
static gboolean
read_window (RoadmapStore  *self,
             gint64         now,
             guint          batch_size,
             Window        *window,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) state = NULL;
  g_autoptr(sqlite3_stmt) young = NULL;
  gboolean found;
  gint64 last = 0;
  int rc;

  *window = (Window) { 0, };
  if (!_roadmap_store_prepare (self, "SELECT scanned, done_at FROM history_compaction WHERE id = 1",
                               &state, error))
    return FALSE;
  rc = sqlite3_step (state);
  if (rc == SQLITE_ROW)
    {
      window->scanned = sqlite3_column_int64 (state, 0);
      window->done_at = sqlite3_column_int64 (state, 1);
    }
  else if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);

  if (!query_int (self, "SELECT max (id) FROM history", &last, &found, error))
    return FALSE;
  window->end = (found ? last : 0) - 1;
  window->batch_end = MIN (window->end, window->scanned + (gint64) batch_size);
  if (window->batch_end <= window->scanned)
    return TRUE;

  /* Within the batch only: the scan reads each row once */
  if (!_roadmap_store_prepare (self,
                               "SELECT id FROM history WHERE id > ?1 AND id <= ?2"
                               "  AND changed_at > ?3 AND changed_at <= ?4"
                               " ORDER BY id LIMIT 1",
                               &young, error))
    return FALSE;
  sqlite3_bind_int64 (young, 1, window->scanned);
  sqlite3_bind_int64 (young, 2, window->batch_end);
  sqlite3_bind_int64 (young, 3, now - KEEP_AGE);
  sqlite3_bind_int64 (young, 4, now + FUTURE_SLACK);
  rc = sqlite3_step (young);
  if (rc == SQLITE_ROW)
    window->end = window->batch_end = sqlite3_column_int64 (young, 0) - 1;
  else if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);

  return TRUE;
}

/* One batch in one transaction; @finished once the scan reached the
 * rows it must leave for later */
static gboolean
compact_batch (RoadmapStore  *self,
               gint64         now,
               guint          batch_size,
               gboolean      *finished,
               guint         *n_removed,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  Window window;
  int rc;

  if (!_roadmap_store_begin (self, error))
    return FALSE;

  if (!read_window (self, now, batch_size, &window, error))
    goto fail;

  if (window.batch_end > window.scanned)
    {
      if (!_roadmap_store_prepare (self, delete_sql, &delete, error))
        goto fail;
      sqlite3_bind_int64 (delete, 1, window.scanned);
      sqlite3_bind_int64 (delete, 2, window.batch_end);
      rc = sqlite3_step (delete);
      if (rc != SQLITE_DONE)
        {
          _roadmap_store_fail (self, rc, error);
          goto fail;
        }
      *n_removed += (guint) sqlite3_changes (self->db);
    }

  *finished = window.batch_end >= window.end;
  if (!_roadmap_store_prepare (self,
                               "INSERT INTO history_compaction (id, scanned, done_at) VALUES (1, ?1, ?2)"
                               " ON CONFLICT (id) DO UPDATE SET"
                               "   scanned = max (scanned, excluded.scanned), done_at = excluded.done_at",
                               &update, error))
    goto fail;
  sqlite3_bind_int64 (update, 1, MAX (window.scanned, window.batch_end));
  sqlite3_bind_int64 (update, 2, *finished ? now : window.done_at);
  rc = sqlite3_step (update);
  if (rc != SQLITE_DONE)
    {
      _roadmap_store_fail (self, rc, error);
      goto fail;
    }
  g_clear_pointer (&delete, sqlite3_finalize);
  g_clear_pointer (&update, sqlite3_finalize);

  return _roadmap_store_commit (self, error);

fail:
  _roadmap_store_rollback (self);
  return FALSE;
}

/* Whether a pass is due and would find anything, from one read: no
 * write, no lock to wait for, when there is nothing to do */
static gboolean
is_due (RoadmapStore *self,
        gint64        now)
{
  g_autoptr(GError) error = NULL;
  Window window;
  gboolean due;

  if (!_roadmap_store_exec (self, "BEGIN", &error))
    return FALSE;
  /* A pass that stopped at its budget left done_at as it was: due */
  due = read_window (self, now, BATCH_SIZE, &window, &error) &&
        (now - window.done_at >= G_TIME_SPAN_DAY || window.done_at > now) &&
        window.batch_end > window.scanned;
  _roadmap_store_rollback (self);
  return due;
}

/**
 * _roadmap_store_compact_history_full:
 * @now: microseconds since the epoch, UTC: what "older than" counts from
 * @batch_size: ids per transaction
 * @max_batches: at most this many transactions, 0 for no limit
 * @finished: (out): whether it went as far as it can now
 * @n_removed: (inout): add the number of rows removed
 */
gboolean
_roadmap_store_compact_history_full (RoadmapStore  *self,
                                     gint64         now,
                                     guint          batch_size,
                                     guint          max_batches,
                                     gboolean      *finished,
                                     guint         *n_removed,
                                     GError       **error)
{
  g_assert (batch_size > 0);

  *finished = FALSE;
  for (guint i = 0; !*finished && (max_batches == 0 || i < max_batches); i++)
    {
      if (!compact_batch (self, now, batch_size, finished, n_removed, error))
        return FALSE;
    }
  return TRUE;
}

/* On open: not fatal, and no waiting for another process's lock (it is
 * tried again on the next open) */
void
_roadmap_store_compact_history_if_due (RoadmapStore *self,
                                       gint64        now)
{
  g_autoptr(GError) error = NULL;
  gboolean finished;
  guint n_removed = 0;

  if (!is_due (self, now))
    return;

  sqlite3_busy_timeout (self->db, 0);
  if (!_roadmap_store_compact_history_full (self, now, BATCH_SIZE, OPEN_MAX_BATCHES,
                                            &finished, &n_removed, &error))
    g_debug ("The history was not compacted: %s", error->message);
  else
    g_debug ("Compacted the history: %u rows removed%s", n_removed, finished ? "" : ", more to do");
  sqlite3_busy_timeout (self->db, (int) self->busy_timeout_ms);
}

/**
 * roadmap_store_compact_history:
 * @now: microseconds since the epoch, UTC: what "old" counts from
 * @n_removed: (out) (optional): how many rows were removed
 *
 * Removes what the history need not keep (see the top of
 * roadmap-store-compact.c), in batches of one transaction each; another
 * process may write in between. Opening the store does this on its own,
 * at most once a day and a bounded amount at a time: this goes as far
 * as it can now.
 */
gboolean
roadmap_store_compact_history (RoadmapStore  *self,
                               gint64         now,
                               guint         *n_removed,
                               GError       **error)
{
  gboolean finished;
  guint removed = 0;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);

  if (!_roadmap_store_compact_history_full (self, now, BATCH_SIZE, 0, &finished, &removed, error))
    return FALSE;
  if (n_removed != NULL)
    *n_removed = removed;
  return TRUE;
}

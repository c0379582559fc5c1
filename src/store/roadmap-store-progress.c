/* roadmap-store-progress.c — changes to progress, decided inside their
 * transaction from the rows on disk
 *
 * A change is roadmap_store_begin_change(), then the calls below, then
 * roadmap_store_commit_change(). Everything a change decides — where a
 * card lands, its dates, whether anything changes at all — is read from
 * the database inside that BEGIN IMMEDIATE transaction, never from the
 * model: another process may have written since the model was loaded.
 * The caller applies the rows written to the model only after COMMIT.
 *
 * The order of a column: rows by ascending sort_key, then roadmap order;
 * skills without a row after them (see roadmap_sort_key_for_unstored()).
 * A placed skill takes a key between its neighbours', so a move writes
 * one row; only when two neighbours' keys leave no room is the phase's
 * column given fresh keys. The phases of a track share the key space of
 * its rows: the neighbours are looked for among the rows of the skill's
 * own phase, stepping over the others'.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-phase.h"
#include "roadmap-store-private.h"


/* A row read from ROADMAP_STORE_ROW_COLUMNS, starting at column @first */
void
_roadmap_store_read_row_columns (sqlite3_stmt       *stmt,
                                 int                 first,
                                 RoadmapProgressRow *row)
{
  *row = (RoadmapProgressRow) {
    .stored = TRUE,
    .status = CLAMP (sqlite3_column_int (stmt, first), 0, ROADMAP_N_STATUSES - 1),
    .sort_key = sqlite3_column_int64 (stmt, first + 1),
    .started_at = _roadmap_store_column_time (stmt, first + 2),
    .finished_at = _roadmap_store_column_time (stmt, first + 3),
    .change = sqlite3_column_int64 (stmt, first + 4),
  };
}

void
_roadmap_store_bind_time (sqlite3_stmt *stmt,
                          int           column,
                          gint64        time)
{
  if (time != ROADMAP_NO_TIME)
    sqlite3_bind_int64 (stmt, column, time);
  else
    sqlite3_bind_null (stmt, column);
}

gint64
_roadmap_store_column_time (sqlite3_stmt *stmt,
                            int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return ROADMAP_NO_TIME;
  return sqlite3_column_int64 (stmt, column);
}

gboolean
_roadmap_store_step_done (RoadmapStore  *self,
                          sqlite3_stmt  *stmt,
                          GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

void
_roadmap_store_bind_skill (sqlite3_stmt *stmt,
                           RoadmapSkill *skill)
{
  sqlite3_bind_text (stmt, 1, roadmap_skill_get_track_id (skill), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, roadmap_skill_get_id (skill), -1, SQLITE_STATIC);
}

/* One integer from a cached statement: @found is FALSE for no row or NULL */
static gboolean
step_int (RoadmapStore  *self,
          sqlite3_stmt  *stmt,
          gint64        *value,
          gboolean      *found,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  *found = rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL;
  if (*found)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

/**
 * roadmap_store_begin_change:
 * @change: (out): the number of this change
 * @previous: (out) (optional): the number of the change committed before,
 *   by any process
 *
 * Starts a change: BEGIN IMMEDIATE (waiting for another process's up to
 * the busy timeout). Rows written in it carry @change. Every change
 * writes a history row (one is added at commit if the change wrote
 * none), so the counter is the history's last id plus one: reading it
 * writes nothing.
 */
gboolean
roadmap_store_begin_change (RoadmapStore  *self,
                            gint64        *change,
                            gint64        *previous,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean found;
  gint64 last = 0;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (!_roadmap_store_begin (self, error))
    return FALSE;

  if (!_roadmap_store_prepare_cached (self, "SELECT max(id) FROM history", &stmt, error) ||
      !step_int (self, stmt, &last, &found, error))
    {
      _roadmap_store_rollback (self);
      return FALSE;
    }

  if (!found)
    last = 0;
  self->change = *change = last + 1;
  self->history_written = FALSE;
  if (previous != NULL)
    *previous = last;
  return TRUE;
}

/**
 * roadmap_store_commit_change:
 * @last: (out) (optional): the change counter once committed: the same
 *   as the change's number, or more when it wrote several history rows
 *
 * Commits the change; on failure it is rolled back and nothing of it
 * was written.
 */
gboolean
roadmap_store_commit_change (RoadmapStore  *self,
                             gint64        *last,
                             GError       **error)
{
  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);

  /* The counter moves on only with a history row */
  if (!self->history_written)
    {
      RoadmapHistoryEntry entry = {
        .change = self->change, .kind = ROADMAP_HISTORY_CHANGE,
        .track_id = (char *) "", .skill_id = (char *) "",
        .changed_at = g_get_real_time (),
      };

      if (!roadmap_store_write_history (self, &entry, NULL, NULL, error))
        {
          _roadmap_store_rollback (self);
          return FALSE;
        }
    }

  /* Our own commit does not move data_version: only other connections'
   * do, which is what roadmap_store_has_outside_changes() asks. */
  if (!_roadmap_store_commit (self, error))
    return FALSE;
  if (last != NULL)
    *last = self->last_history_id;
  return TRUE;
}

void
roadmap_store_rollback_change (RoadmapStore *self)
{
  g_return_if_fail (ROADMAP_IS_STORE (self));
  _roadmap_store_rollback (self);
}

/**
 * roadmap_store_read_row:
 *
 * Reads the progress of @skill from the database (inside a change, what
 * is on disk now).
 */
gboolean
roadmap_store_read_row (RoadmapStore        *self,
                        RoadmapSkill        *skill,
                        RoadmapProgressRow  *row,
                        GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  if (!_roadmap_store_prepare_cached (self,
                                      "SELECT " ROADMAP_STORE_ROW_COLUMNS
                                      " FROM progress WHERE track_id = ?1 AND skill_id = ?2",
                                      &stmt, error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, roadmap_skill_get_track_id (skill), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, roadmap_skill_get_id (skill), -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    _roadmap_store_read_row_columns (stmt, 0, row);
  else
    roadmap_progress_row_init_unstored (row, skill);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

/**
 * roadmap_store_write_row:
 * @now: Unix seconds, for updated_at
 *
 * Inside a change: writes @row as the progress of @skill.
 */
gboolean
roadmap_store_write_row (RoadmapStore             *self,
                         RoadmapSkill             *skill,
                         const RoadmapProgressRow *row,
                         gint64                    change,
                         gint64                    now,
                         GError                  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  if (!_roadmap_store_prepare_cached (self,
                                      "INSERT INTO progress (track_id, skill_id, status, sort_key,"
                                      "  started_at, finished_at, updated_at, change)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                      " ON CONFLICT (track_id, skill_id) DO UPDATE SET"
                                      "   status = excluded.status, sort_key = excluded.sort_key,"
                                      "   started_at = excluded.started_at,"
                                      "   finished_at = excluded.finished_at,"
                                      "   updated_at = excluded.updated_at,"
                                      "   change = excluded.change",
                                      &stmt, error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, roadmap_skill_get_track_id (skill), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, roadmap_skill_get_id (skill), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, row->status);
  sqlite3_bind_int64 (stmt, 4, row->sort_key);
  _roadmap_store_bind_time (stmt, 5, row->started_at);
  _roadmap_store_bind_time (stmt, 6, row->finished_at);
  sqlite3_bind_int64 (stmt, 7, now);
  sqlite3_bind_int64 (stmt, 8, change);

  return _roadmap_store_step_done (self, stmt, error);
}

/* Whether the skill of @skill_id (a row of @skill's track) is in
 * @skill's phase: the phases of a track share its rows' key space. */
static gboolean
in_same_phase (RoadmapSkill *skill,
               const char   *skill_id)
{
  RoadmapPhase *phase = roadmap_skill_get_phase (skill);
  RoadmapTrack *track = roadmap_phase_get_track (phase);
  RoadmapSkill *other = track != NULL && skill_id != NULL ? roadmap_track_find_skill (track, skill_id) : NULL;

  return other != NULL && roadmap_skill_get_phase (other) == phase;
}

/* The first row of @stmt (skill_id, sort_key) that is of @skill's phase;
 * the rows of the track's other phases in between are stepped over. */
static gboolean
first_of_phase (RoadmapStore   *self,
                sqlite3_stmt   *stmt,
                RoadmapSkill   *skill,
                gint64         *key,
                gboolean       *found,
                GError        **error)
{
  int rc;

  *found = FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (in_same_phase (skill, (const char *) sqlite3_column_text (stmt, 0)))
        {
          *key = sqlite3_column_int64 (stmt, 1);
          *found = TRUE;
          break;
        }
    }
  sqlite3_reset (stmt);

  if (!*found && rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

/* The largest key below @below of a row in column @status of @skill's
 * phase, @skill's own excepted. */
static gboolean
largest_key_below (RoadmapStore   *self,
                   RoadmapSkill   *skill,
                   RoadmapStatus   status,
                   gint64          below,
                   gint64         *key,
                   gboolean       *found,
                   GError        **error)
{
  sqlite3_stmt *stmt;

  if (!_roadmap_store_prepare_cached (self,
                                      "SELECT skill_id, sort_key FROM progress"
                                      " WHERE track_id = ?1 AND status = ?2 AND sort_key < ?3"
                                      "   AND skill_id != ?4"
                                      " ORDER BY sort_key DESC",
                                      &stmt, error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, roadmap_skill_get_track_id (skill), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, status);
  sqlite3_bind_int64 (stmt, 3, below);
  sqlite3_bind_text (stmt, 4, roadmap_skill_get_id (skill), -1, SQLITE_STATIC);
  return first_of_phase (self, stmt, skill, key, found, error);
}

/* Whether a row of @skill's phase other than @skill's and @before's has
 * @before's key: ties are ordered by the roadmap, which a key between
 * cannot express. */
static gboolean
has_tie (RoadmapStore   *self,
         RoadmapSkill   *skill,
         RoadmapSkill   *before,
         RoadmapStatus   status,
         gint64          key,
         gboolean       *tie,
         GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 found_key;

  if (!_roadmap_store_prepare_cached (self,
                                      "SELECT skill_id, sort_key FROM progress"
                                      " WHERE track_id = ?1 AND status = ?2 AND sort_key = ?3"
                                      "   AND skill_id != ?4 AND skill_id != ?5",
                                      &stmt, error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, roadmap_skill_get_track_id (skill), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, status);
  sqlite3_bind_int64 (stmt, 3, key);
  sqlite3_bind_text (stmt, 4, roadmap_skill_get_id (skill), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, roadmap_skill_get_id (before), -1, SQLITE_STATIC);
  return first_of_phase (self, stmt, skill, &found_key, tie, error);
}

/* The unstored key of slot @slot or below that is not @skill's own (the
 * slot of index i belongs to the skill of index i), G_MININT64 if none. */
static gint64
unstored_key_below (RoadmapSkill *skill,
                    gint64        slot)
{
  if (slot == roadmap_skill_get_index (skill))
    slot--;
  return slot >= 0 ? ROADMAP_SORT_KEY_UNSTORED_BASE + slot * ROADMAP_SORT_KEY_STEP : G_MININT64;
}

/* The lowest key a skill placed before one with key @upper can take:
 * everything in its column with a smaller key comes before it. */
static gboolean
lower_bound (RoadmapStore   *self,
             RoadmapSkill   *skill,
             RoadmapStatus   status,
             gint64          upper,
             gint64         *lower,
             GError        **error)
{
  gboolean found;
  gint64 key;

  *lower = G_MININT64;
  if (!largest_key_below (self, skill, status, upper, &key, &found, error))
    return FALSE;
  if (found)
    *lower = key;

  /* Skills without a row sit on the unstored keys, in To-do only: the
   * one of the largest slot below @upper may be there. */
  if (status == ROADMAP_STATUS_TODO && upper > ROADMAP_SORT_KEY_UNSTORED_BASE)
    *lower = MAX (*lower, unstored_key_below (skill, (upper - 1 - ROADMAP_SORT_KEY_UNSTORED_BASE) /
                                                     ROADMAP_SORT_KEY_STEP));

  return TRUE;
}

/* Whether a skill of @skill's phase other than @skill is in column
 * @status with a key strictly between @low and @high, on disk. */
static gboolean
phase_has_skill_between (RoadmapStore   *self,
                         RoadmapSkill   *skill,
                         RoadmapStatus   status,
                         gint64          low,
                         gint64          high,
                         gboolean       *found,
                         GError        **error)
{
  RoadmapPhase *phase = roadmap_skill_get_phase (skill);
  RoadmapTrack *track = roadmap_phase_get_track (phase);
  sqlite3_stmt *stmt;
  int rc;

  *found = FALSE;
  if (!_roadmap_store_prepare_cached (self,
                                      "SELECT skill_id FROM progress"
                                      " WHERE track_id = ?1 AND status = ?2"
                                      "   AND sort_key > ?3 AND sort_key < ?4 AND skill_id != ?5",
                                      &stmt, error))
    return FALSE;

  sqlite3_bind_text (stmt, 1, roadmap_skill_get_track_id (skill), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, status);
  sqlite3_bind_int64 (stmt, 3, low);
  sqlite3_bind_int64 (stmt, 4, high);
  sqlite3_bind_text (stmt, 5, roadmap_skill_get_id (skill), -1, SQLITE_STATIC);

  while (!*found && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RoadmapSkill *other = track != NULL ? roadmap_track_find_skill (track, (const char *) sqlite3_column_text (stmt, 0)) : NULL;

      *found = other != NULL && roadmap_skill_get_phase (other) == phase;
    }
  sqlite3_reset (stmt);
  if (!*found && rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);

  /* The skills without a row, on their slots in To-do */
  if (status == ROADMAP_STATUS_TODO && high > ROADMAP_SORT_KEY_UNSTORED_BASE)
    {
      guint n = roadmap_phase_get_n_skills (phase);

      for (guint i = 0; i < n && !*found; i++)
        {
          gint64 key = roadmap_sort_key_for_unstored (i);
          RoadmapSkill *other = roadmap_phase_peek_skill (phase, i);
          RoadmapProgressRow row;

          if (key <= low || key >= high || other == skill)
            continue;
          if (!roadmap_store_read_row (self, other, &row, error))
            return FALSE;
          *found = !row.stored;
        }
    }

  return TRUE;
}

static gint
compare_placements (gconstpointer a,
                    gconstpointer b)
{
  const RoadmapPlacement *pa = a;
  const RoadmapPlacement *pb = b;

  if (pa->row.sort_key != pb->row.sort_key)
    return pa->row.sort_key < pb->row.sort_key ? -1 : 1;
  return roadmap_skill_get_index (pa->skill) < roadmap_skill_get_index (pb->skill) ? -1 :
         roadmap_skill_get_index (pa->skill) > roadmap_skill_get_index (pb->skill);
}

/* No room between two keys: the column of @skill's phase, as on disk,
 * gets fresh keys STEP apart, with @skill before @before (or last), and
 * every row is written. Rare: keys halve their gap with each placement
 * between the same two cards, from 2^32. */
static gboolean
renumber_column (RoadmapStore       *self,
                 RoadmapSkill       *skill,
                 RoadmapProgressRow *row,
                 RoadmapSkill       *before,
                 gint64              change,
                 gint64              now,
                 GArray             *written,
                 GError            **error)
{
  RoadmapPhase *phase = roadmap_skill_get_phase (skill);
  guint n = roadmap_phase_get_n_skills (phase);
  g_autoptr(GArray) column = g_array_sized_new (FALSE, FALSE, sizeof (RoadmapPlacement), n);
  guint insert_at;

  for (guint i = 0; i < n; i++)
    {
      RoadmapPlacement placement = { roadmap_phase_peek_skill (phase, i), };

      if (placement.skill == skill)
        continue;
      if (!roadmap_store_read_row (self, placement.skill, &placement.row, error))
        return FALSE;
      if (placement.row.status == row->status)
        g_array_append_val (column, placement);
    }
  g_array_sort (column, compare_placements);

  for (insert_at = 0; insert_at < column->len; insert_at++)
    {
      if (g_array_index (column, RoadmapPlacement, insert_at).skill == before)
        break;
    }
  g_array_insert_val (column, insert_at, ((RoadmapPlacement) { skill, *row }));

  for (guint i = 0; i < column->len; i++)
    {
      RoadmapPlacement *placement = &g_array_index (column, RoadmapPlacement, i);

      placement->row.sort_key = (gint64) (i + 1) * ROADMAP_SORT_KEY_STEP;
      placement->row.stored = TRUE;
      placement->row.change = change;
      if (placement->skill == skill)
        {
          *row = placement->row;
          continue;
        }
      if (!roadmap_store_write_row (self, placement->skill, &placement->row, change, now, error))
        return FALSE;
      g_array_append_val (written, *placement);
    }

  return TRUE;
}

/**
 * roadmap_store_place_skill:
 * @status: the column to put @skill in
 * @before: (nullable): the skill to put it just before, %NULL for the end
 *   of the column; when the database has @before elsewhere, the end too
 * @keep_place: when @skill is already in @status, leave it where it is
 * @change: from roadmap_store_begin_change()
 * @now: Unix seconds: started or finished now
 * @old_row: (out): the progress @skill had on disk
 * @new_row: (out): the progress it has now; equal to @old_row when
 *   nothing had to change
 * @written: (element-type RoadmapPlacement): gets the other rows the move
 *   rewrote, if any
 *
 * Inside a change: moves @skill, as the database has it now, writing its
 * row (and only in rare cases others: see renumber_column()).
 */
gboolean
roadmap_store_place_skill (RoadmapStore        *self,
                           RoadmapSkill        *skill,
                           RoadmapStatus        status,
                           RoadmapSkill        *before,
                           gboolean             keep_place,
                           gint64               change,
                           gint64               now,
                           RoadmapProgressRow  *old_row,
                           RoadmapProgressRow  *new_row,
                           GArray              *written,
                           GError             **error)
{
  RoadmapProgressRow anchor;
  gboolean has_anchor = FALSE;
  gboolean tie = FALSE;
  gint64 lower, upper = G_MAXINT64;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);
  g_return_val_if_fail (roadmap_skill_get_phase (skill) != NULL, FALSE);
  g_return_val_if_fail (status < ROADMAP_N_STATUSES, FALSE);
  g_return_val_if_fail (before == NULL || roadmap_skill_get_phase (before) == roadmap_skill_get_phase (skill), FALSE);

  if (!roadmap_store_read_row (self, skill, old_row, error))
    return FALSE;
  *new_row = *old_row;

  if (old_row->status == status && keep_place)
    return TRUE;

  if (before != NULL && before != skill)
    {
      if (!roadmap_store_read_row (self, before, &anchor, error))
        return FALSE;
      has_anchor = anchor.status == status;
    }

  if (has_anchor)
    {
      upper = anchor.sort_key;
      if (!lower_bound (self, skill, status, upper, &lower, error) ||
          !has_tie (self, skill, before, status, upper, &tie, error))
        return FALSE;
    }
  else
    {
      gboolean found;
      gint64 last = G_MININT64;

      if (!largest_key_below (self, skill, status, G_MAXINT64, &last, &found, error))
        return FALSE;
      if (!found)
        last = G_MININT64;
      if (status == ROADMAP_STATUS_TODO)
        last = MAX (last, unstored_key_below (skill, roadmap_phase_get_n_skills (roadmap_skill_get_phase (skill)) - 1));
      lower = last;
      before = NULL;
    }

  /* Already there: nothing of its phase between it and @before (or the
   * end). Above @lower, surely; below it, the skills without a row that
   * @lower counts may be elsewhere, so ask. */
  if (!tie && old_row->status == status && old_row->sort_key > lower && old_row->sort_key < upper)
    return TRUE;
  if (!tie && old_row->status == status && old_row->sort_key < upper)
    {
      gboolean between;

      if (!phase_has_skill_between (self, skill, status, old_row->sort_key, upper, &between, error))
        return FALSE;
      if (!between)
        return TRUE;
    }

  new_row->status = status;
  new_row->stored = TRUE;
  new_row->change = change;

  if (status == ROADMAP_STATUS_TODO)
    new_row->started_at = new_row->finished_at = ROADMAP_NO_TIME;
  else if (status == ROADMAP_STATUS_SKIPPED)
    /* Not started by being skipped; a start made before stays */
    new_row->finished_at = ROADMAP_NO_TIME;
  else
    {
      if (old_row->started_at == ROADMAP_NO_TIME || old_row->status == ROADMAP_STATUS_TODO)
        new_row->started_at = now;
      if (status != ROADMAP_STATUS_DONE)
        new_row->finished_at = ROADMAP_NO_TIME;
      else if (old_row->status != ROADMAP_STATUS_DONE || old_row->finished_at == ROADMAP_NO_TIME)
        new_row->finished_at = now;
    }

  /* Keys may be negative (cards placed above the first): the arithmetic
   * below is done so that it cannot overflow. */
  if (upper == G_MAXINT64)
    {
      /* Last: one step after the largest key, or the first key at all. */
      if (lower == G_MININT64)
        new_row->sort_key = ROADMAP_SORT_KEY_STEP;
      else if (lower < G_MAXINT64 - 2 * ROADMAP_SORT_KEY_STEP)
        new_row->sort_key = lower + ROADMAP_SORT_KEY_STEP;
      else
        new_row->sort_key = lower;
      if (new_row->sort_key > lower)
        return roadmap_store_write_row (self, skill, new_row, change, now, error);
    }
  else if (!tie && (lower != G_MININT64 || upper > G_MININT64 + 2 * ROADMAP_SORT_KEY_STEP))
    {
      /* First: one step before the smallest key */
      if (lower == G_MININT64)
        lower = upper - 2 * ROADMAP_SORT_KEY_STEP;
      /* Halfway: upper > lower, so the difference fits unsigned */
      new_row->sort_key = lower + (gint64) (((guint64) upper - (guint64) lower) / 2);
      if (new_row->sort_key > lower && new_row->sort_key < upper)
        return roadmap_store_write_row (self, skill, new_row, change, now, error);
    }

  if (!renumber_column (self, skill, new_row, before, change, now, written, error))
    return FALSE;
  return roadmap_store_write_row (self, skill, new_row, change, now, error);
}

/**
 * roadmap_store_write_history:
 *
 * Inside a change: appends @entry (its id is given by the database) to
 * the history, with the sort keys and the dates the skill had before.
 * A note or topic row (an activity mark) takes the place of the skill's
 * row of the same kind and local day, if any.
 */
gboolean
roadmap_store_write_history (RoadmapStore              *self,
                             const RoadmapHistoryEntry *entry,
                             const RoadmapProgressRow  *old_row,
                             const RoadmapProgressRow  *new_row,
                             GError                   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!_roadmap_store_prepare_cached (self,
                                      "INSERT INTO history (change, kind, origin, track_id, skill_id,"
                                      "  old_status, new_status, old_sort_key, new_sort_key,"
                                      "  old_started, old_finished, changed_at)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                      &stmt, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, entry->change);
  sqlite3_bind_int (stmt, 2, entry->kind);
  sqlite3_bind_int (stmt, 3, entry->origin);
  sqlite3_bind_text (stmt, 4, entry->track_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entry->skill_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, entry->old_status);
  sqlite3_bind_int (stmt, 7, entry->new_status);
  if (old_row != NULL && old_row->stored)
    sqlite3_bind_int64 (stmt, 8, old_row->sort_key);
  if (new_row != NULL && new_row->stored)
    sqlite3_bind_int64 (stmt, 9, new_row->sort_key);
  _roadmap_store_bind_time (stmt, 10, old_row != NULL ? old_row->started_at : ROADMAP_NO_TIME);
  _roadmap_store_bind_time (stmt, 11, old_row != NULL ? old_row->finished_at : ROADMAP_NO_TIME);
  sqlite3_bind_int64 (stmt, 12, entry->changed_at);

  if (!_roadmap_store_step_done (self, stmt, error))
    return FALSE;
  self->history_written = TRUE;
  self->last_history_id = sqlite3_last_insert_rowid (self->db);

  /* An activity mark replaces the one of the same day: one row a day for
   * a note saved as the learner types. Removed after the new row is in,
   * never before: the last id is the change counter, and must not go
   * back even for a moment (a new row takes max(id) + 1). */
  if (entry->kind == ROADMAP_HISTORY_NOTE || entry->kind == ROADMAP_HISTORY_TOPIC)
    {
      if (!_roadmap_store_prepare_cached (self,
                                          "DELETE FROM history"
                                          " WHERE " ROADMAP_STORE_ACTIVITY_KINDS
                                          "   AND track_id = ?1 AND skill_id = ?2 AND kind = ?3"
                                          "   AND changed_at >= " ROADMAP_STORE_DAY_START ("?4")
                                          "   AND changed_at < " ROADMAP_STORE_DAY_END ("?4")
                                          "   AND id < ?5",
                                          &stmt, error))
        return FALSE;
      sqlite3_bind_text (stmt, 1, entry->track_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, entry->skill_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, entry->kind);
      sqlite3_bind_int64 (stmt, 4, entry->changed_at);
      sqlite3_bind_int64 (stmt, 5, self->last_history_id);
      if (!_roadmap_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * roadmap_store_read_note:
 * @note: (out) (transfer full) (nullable): the note on disk, %NULL for none
 * @change: (out) (optional): the change that wrote it, 0 if none
 */
gboolean
roadmap_store_read_note (RoadmapStore  *self,
                         RoadmapSkill  *skill,
                         char         **note,
                         gint64        *change,
                         GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);
  g_return_val_if_fail (note != NULL, FALSE);

  if (!_roadmap_store_prepare_cached (self,
                                      "SELECT body, change FROM notes WHERE track_id = ?1 AND skill_id = ?2",
                                      &stmt, error))
    return FALSE;

  _roadmap_store_bind_skill (stmt, skill);
  rc = sqlite3_step (stmt);
  *note = NULL;
  if (change != NULL)
    *change = 0;
  if (rc == SQLITE_ROW)
    {
      const char *body = (const char *) sqlite3_column_text (stmt, 0);

      if (body != NULL && body[0] != '\0')
        *note = g_strdup (body);
      if (change != NULL)
        *change = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

/**
 * roadmap_store_write_note:
 * @note: (nullable): the learner's note; empty or %NULL removes it
 * @now: Unix seconds, for updated_at
 *
 * Inside a change. A removed note keeps its row, with an empty body, so
 * that other processes reading the newer rows see it go.
 */
gboolean
roadmap_store_write_note (RoadmapStore  *self,
                          RoadmapSkill  *skill,
                          const char    *note,
                          gint64         change,
                          gint64         now,
                          GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);
  g_return_val_if_fail (note == NULL || g_utf8_validate (note, -1, NULL), FALSE);

  if (!_roadmap_store_prepare_cached (self,
                                      "INSERT INTO notes (track_id, skill_id, body, updated_at, change)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5)"
                                      " ON CONFLICT (track_id, skill_id) DO UPDATE SET"
                                      "   body = excluded.body, updated_at = excluded.updated_at,"
                                      "   change = excluded.change",
                                      &stmt, error))
    return FALSE;

  _roadmap_store_bind_skill (stmt, skill);
  sqlite3_bind_text (stmt, 3, note != NULL ? note : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, change);

  return _roadmap_store_step_done (self, stmt, error);
}

/**
 * roadmap_store_has_outside_changes:
 *
 * Cheap enough for a timer: whether another connection (another
 * process, or another store on the same file) committed since the last
 * call. A failure to ask counts as a change, so that the caller reloads.
 */
gboolean
roadmap_store_has_outside_changes (RoadmapStore *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean found;
  gint64 version;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);

  if (!_roadmap_store_prepare_cached (self, "PRAGMA data_version", &stmt, &error) ||
      !step_int (self, stmt, &version, &found, &error) || !found)
    return TRUE;

  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  return TRUE;
}

/**
 * roadmap_store_is_untouched:
 *
 * Returns: whether the learner has made nothing here yet — no progress,
 *   note, tick, plan or preference, nothing in the history: a first start.
 *   A failure to ask counts as touched: the welcome of a first start is
 *   better missed than shown over someone's progress.
 */
gboolean
roadmap_store_is_untouched (RoadmapStore *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean found;
  gint64 touched;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);

  if (!_roadmap_store_prepare_cached (self,
                                      "SELECT EXISTS (SELECT 1 FROM history) OR EXISTS (SELECT 1 FROM progress)"
                                      " OR EXISTS (SELECT 1 FROM notes) OR EXISTS (SELECT 1 FROM topics)"
                                      " OR EXISTS (SELECT 1 FROM plans) OR EXISTS (SELECT 1 FROM preferences)",
                                      &stmt, &error) ||
      !step_int (self, stmt, &touched, &found, &error) || !found)
    return FALSE;
  return touched == 0;
}

/**
 * roadmap_store_list_history:
 *
 * Returns: (transfer full) (element-type RoadmapHistoryEntry): every
 *   recorded change, oldest first
 */
GPtrArray *
roadmap_store_list_history (RoadmapStore  *self,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), NULL);

  if (!_roadmap_store_prepare (self,
                               "SELECT id, kind, track_id, skill_id, old_status, new_status, changed_at,"
                               "       change, origin"
                               " FROM history ORDER BY id",
                               &stmt, error))
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) roadmap_history_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RoadmapHistoryEntry *entry = g_new0 (RoadmapHistoryEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->kind = sqlite3_column_int (stmt, 1);
      entry->track_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->skill_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->old_status = sqlite3_column_int (stmt, 4);
      entry->new_status = sqlite3_column_int (stmt, 5);
      entry->changed_at = sqlite3_column_int64 (stmt, 6);
      entry->change = sqlite3_column_int64 (stmt, 7);
      entry->origin = sqlite3_column_int (stmt, 8);
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      _roadmap_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/* roadmap-store-progress.c — reading progress into the model and changing
 * it, one transaction per change
 *
 * The model is only touched after COMMIT succeeded: on any error the
 * transaction is rolled back and the skills keep the status and position
 * they had, so the board shows what is on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-store-private.h"

typedef struct
{
  RoadmapSkill *skill;
  RoadmapStatus status;
  guint position;
  GDateTime *started_at;
  GDateTime *finished_at;
} Placement;

static void
placement_clear (Placement *placement)
{
  g_clear_pointer (&placement->started_at, g_date_time_unref);
  g_clear_pointer (&placement->finished_at, g_date_time_unref);
}

static GDateTime *
date_time_from_column (sqlite3_stmt *stmt,
                       int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
}

static void
bind_date_time (sqlite3_stmt *stmt,
                int           column,
                GDateTime    *value)
{
  if (value != NULL)
    sqlite3_bind_int64 (stmt, column, g_date_time_to_unix (value));
  else
    sqlite3_bind_null (stmt, column);
}

static gint
compare_by_position (gconstpointer a,
                     gconstpointer b)
{
  RoadmapSkill *skill_a = *(RoadmapSkill * const *) a;
  RoadmapSkill *skill_b = *(RoadmapSkill * const *) b;
  guint pa = roadmap_skill_get_position (skill_a);
  guint pb = roadmap_skill_get_position (skill_b);

  return pa < pb ? -1 : pa > pb;
}

/* The skills of @phase in column @status, in board order, without @except. */
static GPtrArray *
get_column (RoadmapPhase  *phase,
            RoadmapStatus  status,
            RoadmapSkill  *except)
{
  guint n = roadmap_phase_get_n_skills (phase);
  GPtrArray *column = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      RoadmapSkill *skill = roadmap_phase_peek_skill (phase, i);

      if (skill != except && roadmap_skill_get_status (skill) == status)
        g_ptr_array_add (column, g_object_ref (skill));
    }

  /* Stable: equal positions keep roadmap order. */
  g_ptr_array_sort (column, compare_by_position);
  return column;
}

static void
add_column_placements (GArray    *placements,
                       GPtrArray *column,
                       RoadmapStatus status)
{
  for (guint i = 0; i < column->len; i++)
    {
      RoadmapSkill *skill = g_ptr_array_index (column, i);
      GDateTime *started = roadmap_skill_get_started_at (skill);
      GDateTime *finished = roadmap_skill_get_finished_at (skill);
      Placement placement = {
        skill, status, i,
        started != NULL ? g_date_time_ref (started) : NULL,
        finished != NULL ? g_date_time_ref (finished) : NULL,
      };

      g_array_append_val (placements, placement);
    }
}

/* Where every skill of the affected column(s) ends up when @skill moves to
 * @position in column @status. */
static GArray *
plan_move (RoadmapSkill  *skill,
           RoadmapStatus  status,
           guint          position,
           GDateTime     *started_at,
           GDateTime     *finished_at)
{
  RoadmapPhase *phase = roadmap_skill_get_phase (skill);
  RoadmapStatus old_status = roadmap_skill_get_status (skill);
  g_autoptr(GPtrArray) target = get_column (phase, status, skill);
  GArray *placements = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_array_set_clear_func (placements, (GDestroyNotify) placement_clear);

  position = MIN (position, target->len);
  g_ptr_array_insert (target, (int) position, g_object_ref (skill));
  add_column_placements (placements, target, status);

  /* The moved skill takes its new dates. */
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *placement = &g_array_index (placements, Placement, i);

      if (placement->skill == skill)
        {
          placement_clear (placement);
          placement->started_at = started_at != NULL ? g_date_time_ref (started_at) : NULL;
          placement->finished_at = finished_at != NULL ? g_date_time_ref (finished_at) : NULL;
        }
    }

  if (old_status != status)
    {
      g_autoptr(GPtrArray) source = get_column (phase, old_status, skill);

      add_column_placements (placements, source, old_status);
    }

  return placements;
}

/* Writes every skill of the affected column(s), also those that keep
 * their place: a skill without a row sorts after the stored ones on the
 * next load, so a column is either fully stored or not at all. */
static gboolean
write_placements (RoadmapStore  *self,
                  GArray        *placements,
                  GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!_roadmap_store_prepare_cached (self,
                                      "INSERT INTO progress (track_id, skill_id, status, position,"
                                      "                      started_at, finished_at, updated_at)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                                      " ON CONFLICT (track_id, skill_id) DO UPDATE SET"
                                      "   status = excluded.status, position = excluded.position,"
                                      "   started_at = excluded.started_at,"
                                      "   finished_at = excluded.finished_at,"
                                      "   updated_at = excluded.updated_at"
                                      /* Rows that stay as they are are not rewritten */
                                      " WHERE status IS NOT excluded.status"
                                      "    OR position IS NOT excluded.position"
                                      "    OR started_at IS NOT excluded.started_at"
                                      "    OR finished_at IS NOT excluded.finished_at",
                                      &stmt, error))
    return FALSE;

  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *placement = &g_array_index (placements, Placement, i);
      int rc;

      sqlite3_bind_text (stmt, 1, roadmap_skill_get_track_id (placement->skill), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, roadmap_skill_get_id (placement->skill), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, placement->status);
      sqlite3_bind_int64 (stmt, 4, placement->position);
      bind_date_time (stmt, 5, placement->started_at);
      bind_date_time (stmt, 6, placement->finished_at);
      sqlite3_bind_int64 (stmt, 7, now);

      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return _roadmap_store_fail (self, rc, error);
    }

  return TRUE;
}

static gboolean
write_history (RoadmapStore        *self,
               RoadmapHistoryKind   kind,
               RoadmapSkill        *skill,
               RoadmapStatus        new_status,
               gint64               undoes,
               GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!_roadmap_store_prepare_cached (self,
                                      "INSERT INTO history (kind, track_id, skill_id, old_status,"
                                      "  new_status, old_position, old_started, old_finished,"
                                      "  undoes, changed_at)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                      &stmt, error))
    return FALSE;

  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_text (stmt, 2, roadmap_skill_get_track_id (skill), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, roadmap_skill_get_id (skill), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, roadmap_skill_get_status (skill));
  sqlite3_bind_int (stmt, 5, new_status);
  sqlite3_bind_int64 (stmt, 6, roadmap_skill_get_position (skill));
  bind_date_time (stmt, 7, roadmap_skill_get_started_at (skill));
  bind_date_time (stmt, 8, roadmap_skill_get_finished_at (skill));
  if (undoes > 0)
    sqlite3_bind_int64 (stmt, 9, undoes);
  else
    sqlite3_bind_null (stmt, 9);
  sqlite3_bind_int64 (stmt, 10, g_get_real_time ());

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);

  return TRUE;
}

static void
apply_placements (GArray *placements)
{
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *placement = &g_array_index (placements, Placement, i);

      roadmap_skill_apply_progress (placement->skill, placement->status, placement->position,
                                    placement->started_at, placement->finished_at);
    }
}

/* Inside an open transaction: writes the move and its history row. */
static gboolean
write_move (RoadmapStore        *self,
            RoadmapSkill        *skill,
            RoadmapStatus        status,
            guint                position,
            GDateTime           *started_at,
            GDateTime           *finished_at,
            RoadmapHistoryKind   kind,
            gint64               undoes,
            GArray             **placements_out,
            GError             **error)
{
  g_autoptr(GArray) placements = plan_move (skill, status, position, started_at, finished_at);

  if (!write_placements (self, placements, error) ||
      !write_history (self, kind, skill, status, undoes, error))
    return FALSE;

  *placements_out = g_steal_pointer (&placements);
  return TRUE;
}

/**
 * roadmap_store_move_skill:
 * @status: the column to move to
 * @position: the place in that column; past the end means last
 *
 * Moves @skill, shifting the other cards of the columns it leaves and
 * enters, in one transaction that also appends a history row. The model
 * changes only once the transaction is committed.
 */
gboolean
roadmap_store_move_skill (RoadmapStore   *self,
                          RoadmapSkill   *skill,
                          RoadmapStatus   status,
                          guint           position,
                          GError        **error)
{
  g_autoptr(GArray) placements = NULL;
  g_autoptr(GDateTime) now = NULL;
  RoadmapStatus old_status;
  GDateTime *started_at = NULL;
  GDateTime *finished_at = NULL;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);
  g_return_val_if_fail (roadmap_skill_get_track_id (skill) != NULL, FALSE);
  g_return_val_if_fail (status < ROADMAP_N_STATUSES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old_status = roadmap_skill_get_status (skill);
  if (old_status == status)
    {
      g_autoptr(GPtrArray) column = get_column (roadmap_skill_get_phase (skill), status, skill);

      if (MIN (position, column->len) == roadmap_skill_get_position (skill))
        return TRUE;
    }

  /* Whole seconds: what the database keeps. */
  now = g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);

  if (status != ROADMAP_STATUS_TODO)
    {
      started_at = roadmap_skill_get_started_at (skill);
      if (started_at == NULL)
        started_at = now;
    }
  if (status == ROADMAP_STATUS_DONE)
    {
      finished_at = old_status == ROADMAP_STATUS_DONE ? roadmap_skill_get_finished_at (skill) : NULL;
      if (finished_at == NULL)
        finished_at = now;
    }

  if (!_roadmap_store_begin (self, error))
    return FALSE;

  if (!write_move (self, skill, status, position, started_at, finished_at,
                   ROADMAP_HISTORY_MOVE, 0, &placements, error) ||
      !_roadmap_store_commit (self, error))
    {
      _roadmap_store_rollback (self);
      return FALSE;
    }

  apply_placements (placements);
  return TRUE;
}

/**
 * roadmap_store_set_status:
 *
 * Moves @skill to the end of column @status (no change if it is already
 * in that column).
 */
gboolean
roadmap_store_set_status (RoadmapStore   *self,
                          RoadmapSkill   *skill,
                          RoadmapStatus   status,
                          GError        **error)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);

  if (roadmap_skill_get_status (skill) == status)
    return TRUE;

  return roadmap_store_move_skill (self, skill, status, G_MAXUINT, error);
}

/**
 * roadmap_store_undo:
 * @undone: (out) (optional) (transfer none): the skill that moved back, or
 *   %NULL when there was nothing to undo
 *
 * Undoes the latest move that has not been undone yet, restoring the
 * skill's column, position and dates; repeated calls walk further back,
 * but never past an import. The undo is itself recorded in the history.
 */
gboolean
roadmap_store_undo (RoadmapStore    *self,
                    RoadmapCatalog  *catalog,
                    RoadmapSkill   **undone,
                    GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) placements = NULL;
  g_autoptr(GDateTime) old_started = NULL;
  g_autoptr(GDateTime) old_finished = NULL;
  RoadmapSkill *skill;
  gint64 history_id;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (undone != NULL)
    *undone = NULL;

  if (!_roadmap_store_begin (self, error))
    return FALSE;

  if (!_roadmap_store_prepare (self,
                               "SELECT id, kind, track_id, skill_id, old_status, old_position,"
                               "       old_started, old_finished"
                               " FROM history AS h"
                               " WHERE kind != 1"
                               "   AND NOT EXISTS (SELECT 1 FROM history AS u WHERE u.undoes = h.id)"
                               " ORDER BY id DESC LIMIT 1",
                               &stmt, error))
    goto fail;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE || (rc == SQLITE_ROW && sqlite3_column_int (stmt, 1) != ROADMAP_HISTORY_MOVE))
    {
      /* Nothing to undo. */
      _roadmap_store_rollback (self);
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      _roadmap_store_fail (self, rc, error);
      goto fail;
    }

  history_id = sqlite3_column_int64 (stmt, 0);
  skill = roadmap_catalog_find_skill (catalog,
                                      (const char *) sqlite3_column_text (stmt, 2),
                                      (const char *) sqlite3_column_text (stmt, 3));
  if (skill == NULL)
    {
      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_NOT_FOUND,
                   _("Cannot undo: the skill “%s” of the track “%s” is no longer loaded"),
                   sqlite3_column_text (stmt, 3), sqlite3_column_text (stmt, 2));
      goto fail;
    }

  old_started = date_time_from_column (stmt, 6);
  old_finished = date_time_from_column (stmt, 7);

  if (!write_move (self, skill,
                   CLAMP (sqlite3_column_int (stmt, 4), ROADMAP_STATUS_TODO, ROADMAP_STATUS_DONE),
                   (guint) MAX (sqlite3_column_int64 (stmt, 5), 0),
                   old_started, old_finished,
                   ROADMAP_HISTORY_UNDO, history_id, &placements, error))
    goto fail;

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!_roadmap_store_commit (self, error))
    return FALSE;

  apply_placements (placements);
  if (undone != NULL)
    *undone = skill;
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  _roadmap_store_rollback (self);
  return FALSE;
}

/**
 * roadmap_store_set_note:
 * @note: (nullable): the learner's note; empty or %NULL removes it
 */
gboolean
roadmap_store_set_note (RoadmapStore  *self,
                        RoadmapSkill  *skill,
                        const char    *note,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean remove;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);
  g_return_val_if_fail (roadmap_skill_get_track_id (skill) != NULL, FALSE);
  g_return_val_if_fail (note == NULL || g_utf8_validate (note, -1, NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (roadmap_skill_get_note (skill), note) == 0)
    return TRUE;

  remove = note == NULL || note[0] == '\0';

  if (!_roadmap_store_begin (self, error))
    return FALSE;

  if (!_roadmap_store_prepare (self,
                               remove
                                 ? "DELETE FROM notes WHERE track_id = ?1 AND skill_id = ?2"
                                 : "INSERT INTO notes (track_id, skill_id, body, updated_at)"
                                   " VALUES (?1, ?2, ?3, ?4)"
                                   " ON CONFLICT (track_id, skill_id) DO UPDATE SET"
                                   "   body = excluded.body, updated_at = excluded.updated_at",
                               &stmt, error))
    {
      _roadmap_store_rollback (self);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, roadmap_skill_get_track_id (skill), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, roadmap_skill_get_id (skill), -1, SQLITE_STATIC);
  if (!remove)
    {
      sqlite3_bind_text (stmt, 3, note, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
    }

  rc = sqlite3_step (stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_DONE)
    {
      _roadmap_store_fail (self, rc, error);
      _roadmap_store_rollback (self);
      return FALSE;
    }

  if (!_roadmap_store_commit (self, error))
    return FALSE;

  roadmap_skill_apply_note (skill, note);
  return TRUE;
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
                               "SELECT id, kind, track_id, skill_id, old_status, new_status, changed_at"
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
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      _roadmap_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

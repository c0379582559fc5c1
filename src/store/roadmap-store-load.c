/* roadmap-store-load.c — reading all progress into the model
 *
 * Every skill gets a status and a position: from its row, or To-do at the
 * end of the column when it has none. Positions are made dense per
 * column, in stored order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "roadmap-store-private.h"

#define NO_TIME G_MININT64

typedef struct
{
  RoadmapSkill *skill;
  RoadmapStatus status;
  gboolean stored;
  gint64 stored_position;
  gint64 started_at;
  gint64 finished_at;
  /* The skill's place in its phase: the order of skills without a row */
  guint index;
} LoadedRow;

/* The rows of one track, in a slot per skill: phase by phase (the
 * phase's number - 1), then the skill's index in its phase. A slot with
 * no row is not `stored`. */
typedef struct
{
  guint n_phases;
  LoadedRow **phases;
} TrackRows;

static void
track_rows_free (TrackRows *rows)
{
  for (guint p = 0; p < rows->n_phases; p++)
    g_free (rows->phases[p]);
  g_free (rows->phases);
  g_free (rows);
}

static TrackRows *
track_rows_new (RoadmapTrack *track)
{
  GListModel *phases = roadmap_track_get_phases (track);
  TrackRows *rows = g_new0 (TrackRows, 1);

  rows->n_phases = g_list_model_get_n_items (phases);
  rows->phases = g_new0 (LoadedRow *, rows->n_phases);
  for (guint p = 0; p < rows->n_phases; p++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);

      rows->phases[p] = g_new0 (LoadedRow, roadmap_phase_get_n_skills (phase));
    }

  return rows;
}

static gint
compare_loaded_rows (gconstpointer a,
                     gconstpointer b)
{
  const LoadedRow *ra = a;
  const LoadedRow *rb = b;

  if (ra->status != rb->status)
    return ra->status < rb->status ? -1 : 1;
  if (ra->stored != rb->stored)
    return ra->stored ? -1 : 1;
  if (ra->stored_position != rb->stored_position)
    return ra->stored_position < rb->stored_position ? -1 : 1;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

/* The store keeps positions dense: the rows of each column hold 0…k-1,
 * each once. Then a row's place is its stored position and the skills
 * without a row follow in roadmap order, which takes one pass. Returns
 * FALSE for anything else (a database edited by hand), which is sorted. */
static gboolean
place_dense (const LoadedRow *loaded,
             guint            n,
             guint           *positions)
{
  guint n_stored[ROADMAP_N_STATUSES] = { 0, };
  guint base[ROADMAP_N_STATUSES];
  guint next[ROADMAP_N_STATUSES];
  g_autofree guint8 *taken = g_new0 (guint8, n);

  for (guint i = 0; i < n; i++)
    {
      const LoadedRow *row = &loaded[i];

      if (row->stored)
        n_stored[row->status]++;
    }

  for (guint s = 0, offset = 0; s < ROADMAP_N_STATUSES; s++)
    {
      base[s] = offset;
      next[s] = n_stored[s];
      offset += n_stored[s];
    }

  for (guint i = 0; i < n; i++)
    {
      const LoadedRow *row = &loaded[i];

      if (!row->stored)
        {
          positions[i] = next[row->status]++;
          continue;
        }
      if (row->stored_position < 0 || row->stored_position >= n_stored[row->status] ||
          taken[base[row->status] + row->stored_position])
        return FALSE;
      taken[base[row->status] + row->stored_position] = TRUE;
      positions[i] = (guint) row->stored_position;
    }

  return TRUE;
}

static void
place_sorted (const LoadedRow *loaded,
              guint            n,
              guint           *positions)
{
  g_autofree LoadedRow *sorted = g_memdup2 (loaded, n * sizeof (LoadedRow));
  guint next[ROADMAP_N_STATUSES] = { 0, };

  qsort (sorted, n, sizeof (LoadedRow), compare_loaded_rows);
  for (guint i = 0; i < n; i++)
    positions[sorted[i].index] = next[sorted[i].status]++;
}

/* The date a loaded row holds; the skill's own when it is the same
 * second, which a reload mostly finds. */
static GDateTime *
loaded_date_time (GDateTime *current,
                  gint64     unix_time)
{
  if (unix_time == NO_TIME)
    return NULL;
  if (current != NULL && g_date_time_to_unix (current) == unix_time &&
      g_date_time_get_microsecond (current) == 0)
    return g_date_time_ref (current);
  return g_date_time_new_from_unix_utc (unix_time);
}

/* @loaded: a slot per skill of @phase, a row read into those that have one */
static void
apply_loaded_phase (RoadmapPhase *phase,
                    LoadedRow    *loaded)
{
  guint n = roadmap_phase_get_n_skills (phase);
  g_autofree guint *positions = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    {
      RoadmapSkill *skill = roadmap_phase_peek_skill (phase, i);

      if (!loaded[i].stored)
        loaded[i] = (LoadedRow) { skill, ROADMAP_STATUS_TODO, FALSE, 0, NO_TIME, NO_TIME, i };
      loaded[i].index = i;

      /* Notes are set again by load_notes() */
      roadmap_skill_apply_note (skill, NULL);
    }

  if (!place_dense (loaded, n, positions))
    place_sorted (loaded, n, positions);

  for (guint i = 0; i < n; i++)
    {
      const LoadedRow *row = &loaded[i];
      g_autoptr(GDateTime) started = NULL;
      g_autoptr(GDateTime) finished = NULL;

      started = loaded_date_time (roadmap_skill_get_started_at (row->skill), row->started_at);
      finished = loaded_date_time (roadmap_skill_get_finished_at (row->skill), row->finished_at);
      roadmap_skill_apply_progress (row->skill, row->status, positions[i], started, finished);
    }
}

/* Each phase holds its counts, and the track its notifications, until all
 * of its skills are set: a count then changes once per phase, not once
 * per skill (the track recounts its phases on each). @rows: the track's
 * rows, or NULL if it has none. */
static void
apply_loaded_track (RoadmapTrack *track,
                    TrackRows    *rows)
{
  GListModel *phases = roadmap_track_get_phases (track);
  guint n_phases = g_list_model_get_n_items (phases);

  g_object_freeze_notify (G_OBJECT (track));
  for (guint p = 0; p < n_phases; p++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);
      g_autofree LoadedRow *none = NULL;

      if (rows == NULL)
        none = g_new0 (LoadedRow, roadmap_phase_get_n_skills (phase));

      roadmap_phase_hold_counts (phase);
      apply_loaded_phase (phase, rows != NULL ? rows->phases[p] : none);
      roadmap_phase_release_counts (phase);
    }
  g_object_thaw_notify (G_OBJECT (track));
}

/* Reads the progress rows of the loaded skills into @tracks, a
 * TrackRows for each track that has any. */
static gboolean
read_rows (RoadmapStore    *self,
           RoadmapCatalog  *catalog,
           GHashTable      *tracks,
           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *track_id = NULL;
  RoadmapTrack *track = NULL;
  TrackRows *rows = NULL;
  int rc;

  /* The primary key's order: a track's rows come together, with no sort. */
  if (!_roadmap_store_prepare (self,
                               "SELECT track_id, skill_id, status, position, started_at, finished_at"
                               " FROM progress ORDER BY track_id",
                               &stmt, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row_track_id = (const char *) sqlite3_column_text (stmt, 0);
      RoadmapSkill *skill;
      LoadedRow *row;

      if (track_id == NULL || strcmp (track_id, row_track_id) != 0)
        {
          g_free (track_id);
          track_id = g_strdup (row_track_id);
          track = roadmap_catalog_find_track (catalog, track_id);
          rows = NULL;
          if (track != NULL)
            {
              rows = track_rows_new (track);
              g_hash_table_insert (tracks, track, rows);
            }
        }

      if (track == NULL)
        continue;
      skill = roadmap_track_find_skill (track, (const char *) sqlite3_column_text (stmt, 1));
      if (skill == NULL)
        continue;

      row = &rows->phases[roadmap_phase_get_number (roadmap_skill_get_phase (skill)) - 1]
                         [roadmap_skill_get_index (skill)];
      row->skill = skill;
      row->status = CLAMP (sqlite3_column_int (stmt, 2), ROADMAP_STATUS_TODO, ROADMAP_STATUS_DONE);
      row->stored = TRUE;
      row->stored_position = sqlite3_column_int64 (stmt, 3);
      row->started_at = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? NO_TIME : sqlite3_column_int64 (stmt, 4);
      row->finished_at = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? NO_TIME : sqlite3_column_int64 (stmt, 5);
    }

  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);

  return TRUE;
}

static gboolean
load_notes (RoadmapStore    *self,
            RoadmapCatalog  *catalog,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_roadmap_store_prepare (self, "SELECT track_id, skill_id, body FROM notes", &stmt, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RoadmapSkill *skill = roadmap_catalog_find_skill (catalog,
                                                        (const char *) sqlite3_column_text (stmt, 0),
                                                        (const char *) sqlite3_column_text (stmt, 1));
      if (skill != NULL)
        roadmap_skill_apply_note (skill, (const char *) sqlite3_column_text (stmt, 2));
    }

  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);

  return TRUE;
}

/**
 * roadmap_store_load_progress:
 *
 * Sets status, position, dates and note of every skill in @catalog from the
 * database. Rows of skills that are not loaded (a roadmap file was removed)
 * are kept in the database, untouched.
 */
gboolean
roadmap_store_load_progress (RoadmapStore    *self,
                             RoadmapCatalog  *catalog,
                             GError         **error)
{
  g_autoptr(GHashTable) tracks = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) track_rows_free);
  guint n_tracks;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_CATALOG (catalog), FALSE);

  if (!read_rows (self, catalog, tracks, error))
    return FALSE;

  /* Every skill gets a value, so that a reload after an import also resets
   * the skills the database no longer has a row for. */
  n_tracks = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  for (guint t = 0; t < n_tracks; t++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), t);

      apply_loaded_track (track, g_hash_table_lookup (tracks, track));
    }

  return load_notes (self, catalog, error);
}

/* roadmap-store-load.c — reading progress into the model: all of it, or
 * only what other processes changed since
 *
 * Every skill gets a status, a sort key and its dates: from its row, or
 * To-do on its unstored key when it has none. Each read is one read
 * transaction, so it sees one commit's state of every table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-store-private.h"

/* The rows of one track, a slot per skill: phase by phase (the phase's
 * number - 1), then the skill's index in its phase. */
typedef struct
{
  guint n_phases;
  RoadmapProgressRow **phases;
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
  rows->phases = g_new0 (RoadmapProgressRow *, rows->n_phases);
  for (guint p = 0; p < rows->n_phases; p++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);

      /* stored = FALSE (0) in every slot until a row is read into it */
      rows->phases[p] = g_new0 (RoadmapProgressRow, roadmap_phase_get_n_skills (phase));
    }

  return rows;
}

/* Each phase holds its columns and counts until all of its skills are
 * set: a column is then put in order once, and a count changes once.
 * @rows: the track's rows, or NULL if it has none. */
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
      guint n = roadmap_phase_get_n_skills (phase);

      roadmap_phase_hold_counts (phase);
      for (guint i = 0; i < n; i++)
        {
          RoadmapSkill *skill = roadmap_phase_peek_skill (phase, i);
          RoadmapProgressRow row;

          if (rows != NULL && rows->phases[p][i].stored)
            row = rows->phases[p][i];
          else
            roadmap_progress_row_init_unstored (&row, skill);

          roadmap_progress_row_apply (&row, skill);
          /* Notes and ticked topics are set again by load_notes() and
           * load_topics() */
          roadmap_skill_apply_note (skill, NULL);
          roadmap_skill_clear_topics_done (skill);
        }
      roadmap_phase_release_counts (phase);
    }
  g_object_thaw_notify (G_OBJECT (track));
}

/* Rows in key order meet their skills in one pass over the track's
 * roadmap_track_get_skill_refs(): a cursor over them, for one track. */
typedef struct
{
  RoadmapTrack *track;
  char *track_id;
  const RoadmapSkillRef *refs;
  guint n_refs;
  guint next;
} RefCursor;

static void
ref_cursor_clear (RefCursor *cursor)
{
  g_clear_pointer (&cursor->track_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RefCursor, ref_cursor_clear)

/* The skill of the row (@track_id, @skill_id), if it is loaded; rows must
 * come in key order (track_id, skill_id). */
static const RoadmapSkillRef *
ref_cursor_find (RefCursor      *cursor,
                 RoadmapCatalog *catalog,
                 const char     *track_id,
                 const char     *skill_id)
{
  int cmp = 1;

  if (cursor->track_id == NULL || strcmp (cursor->track_id, track_id) != 0)
    {
      g_free (cursor->track_id);
      cursor->track_id = g_strdup (track_id);
      cursor->track = roadmap_catalog_find_track (catalog, track_id);
      cursor->refs = cursor->track != NULL ? roadmap_track_get_skill_refs (cursor->track, &cursor->n_refs) : NULL;
      cursor->next = 0;
    }

  if (cursor->refs == NULL || skill_id == NULL)
    return NULL;

  while (cursor->next < cursor->n_refs && (cmp = strcmp (cursor->refs[cursor->next].id, skill_id)) < 0)
    cursor->next++;
  if (cursor->next == cursor->n_refs || cmp != 0)
    return NULL;

  return &cursor->refs[cursor->next++];
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
  g_auto(RefCursor) cursor = { NULL, };
  TrackRows *rows = NULL;
  int rc;

  /* The primary key's order: no sort, and a track's rows together */
  if (!_roadmap_store_prepare (self,
                               "SELECT track_id, skill_id, " ROADMAP_STORE_ROW_COLUMNS
                               " FROM progress ORDER BY track_id, skill_id",
                               &stmt, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RoadmapTrack *track = cursor.track;
      const RoadmapSkillRef *ref = ref_cursor_find (&cursor, catalog,
                                                    (const char *) sqlite3_column_text (stmt, 0),
                                                    (const char *) sqlite3_column_text (stmt, 1));

      if (cursor.track != NULL && (cursor.track != track || rows == NULL))
        {
          rows = g_hash_table_lookup (tracks, cursor.track);
          if (rows == NULL)
            {
              rows = track_rows_new (cursor.track);
              g_hash_table_insert (tracks, cursor.track, rows);
            }
        }

      if (ref != NULL)
        _roadmap_store_read_row_columns (stmt, 2, &rows->phases[ref->phase_index][ref->index]);
    }

  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);

  return TRUE;
}

/* The notes written after change @since (all for 0) */
static gboolean
load_notes (RoadmapStore    *self,
            RoadmapCatalog  *catalog,
            gint64           since,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(RefCursor) cursor = { NULL, };
  int rc;

  if (!_roadmap_store_prepare (self,
                               "SELECT track_id, skill_id, body FROM notes WHERE change > ?1"
                               " ORDER BY track_id, skill_id",
                               &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, since);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const RoadmapSkillRef *ref = ref_cursor_find (&cursor, catalog,
                                                    (const char *) sqlite3_column_text (stmt, 0),
                                                    (const char *) sqlite3_column_text (stmt, 1));

      if (ref != NULL)
        roadmap_skill_apply_note (ref->skill, (const char *) sqlite3_column_text (stmt, 2));
    }

  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);

  return TRUE;
}

/* The ticked and unticked topics written after change @since (all for
 * 0). A skill has several rows, one after the other in key order: the
 * cursor meets each skill once. */
static gboolean
load_topics (RoadmapStore    *self,
             RoadmapCatalog  *catalog,
             gint64           since,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(RefCursor) cursor = { NULL, };
  g_autofree char *last_track_id = NULL;
  g_autofree char *last_skill_id = NULL;
  RoadmapSkill *skill = NULL;
  int rc;

  if (!_roadmap_store_prepare (self,
                               "SELECT track_id, skill_id, topic, done FROM topics WHERE change > ?1"
                               " ORDER BY track_id, skill_id",
                               &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, since);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *track_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *skill_id = (const char *) sqlite3_column_text (stmt, 1);
      const char *topic = (const char *) sqlite3_column_text (stmt, 2);

      if (g_strcmp0 (track_id, last_track_id) != 0 || g_strcmp0 (skill_id, last_skill_id) != 0)
        {
          const RoadmapSkillRef *ref = ref_cursor_find (&cursor, catalog, track_id, skill_id);

          skill = ref != NULL ? ref->skill : NULL;
          g_free (last_track_id);
          g_free (last_skill_id);
          last_track_id = g_strdup (track_id);
          last_skill_id = g_strdup (skill_id);
        }

      if (skill != NULL && topic != NULL)
        roadmap_skill_apply_topic_done (skill, topic, sqlite3_column_int (stmt, 3) != 0);
    }

  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);

  return TRUE;
}

/* The last change (the history's last id) and the last that replaced all
 * progress (an import) */
static gboolean
read_counter (RoadmapStore  *self,
              gint64        *last,
              gint64        *reset,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_roadmap_store_prepare (self,
                               "SELECT (SELECT coalesce (max (id), 0) FROM history),"
                               "       (SELECT coalesce (max (change), 0) FROM history WHERE kind = 2)",
                               &stmt, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _roadmap_store_fail (self, rc, error);

  *last = sqlite3_column_int64 (stmt, 0);
  *reset = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
load_all (RoadmapStore    *self,
          RoadmapCatalog  *catalog,
          GError         **error)
{
  g_autoptr(GHashTable) tracks = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) track_rows_free);
  guint n_tracks;

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

  return load_notes (self, catalog, 0, error) &&
         load_topics (self, catalog, 0, error) &&
         _roadmap_store_load_preferences (self, catalog, 0, error) &&
         _roadmap_store_load_plans (self, catalog, 0, error);
}

/* The rows written after change @since, each applied as it comes: a
 * skill moves between its columns with exact ::items-changed, and the
 * cards that did not change keep their widgets. */
static gboolean
load_newer (RoadmapStore    *self,
            RoadmapCatalog  *catalog,
            gint64           since,
            guint           *n_changed,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_roadmap_store_prepare (self,
                               "SELECT track_id, skill_id, " ROADMAP_STORE_ROW_COLUMNS
                               " FROM progress WHERE change > ?1",
                               &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, since);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RoadmapSkill *skill = roadmap_catalog_find_skill (catalog,
                                                        (const char *) sqlite3_column_text (stmt, 0),
                                                        (const char *) sqlite3_column_text (stmt, 1));
      RoadmapProgressRow row;

      if (skill == NULL)
        continue;
      _roadmap_store_read_row_columns (stmt, 2, &row);
      if (row.status != roadmap_skill_get_status (skill) ||
          row.sort_key != roadmap_skill_get_sort_key (skill))
        (*n_changed)++;
      roadmap_progress_row_apply (&row, skill);
    }

  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);

  return load_notes (self, catalog, since, error) &&
         load_topics (self, catalog, since, error) &&
         _roadmap_store_load_preferences (self, catalog, since, error) &&
         _roadmap_store_load_plans (self, catalog, since, error);
}

/**
 * roadmap_store_load_progress_since:
 * @since: the change the model already holds (from an earlier load), or
 *   0 for a full load
 * @loaded: (out): the change the model holds now
 * @n_changed: (out) (optional): how many skills moved
 *
 * Brings @catalog up to date with the database. Only rows newer than
 * @since are read, unless all progress was replaced since (an import),
 * which reloads everything.
 */
gboolean
roadmap_store_load_progress_since (RoadmapStore    *self,
                                   RoadmapCatalog  *catalog,
                                   gint64           since,
                                   gint64          *loaded,
                                   guint           *n_changed,
                                   GError         **error)
{
  gint64 last = 0, reset = 0;
  guint changed = 0;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (loaded != NULL, FALSE);

  if (!_roadmap_store_exec (self, "BEGIN", error))
    return FALSE;

  if (!read_counter (self, &last, &reset, error))
    goto fail;

  if (since > 0 && last == since)
    {
      _roadmap_store_rollback (self);
      *loaded = since;
      if (n_changed != NULL)
        *n_changed = 0;
      return TRUE;
    }

  if (since <= 0 || reset > since || last < since)
    {
      if (!load_all (self, catalog, error))
        goto fail;
      changed = G_MAXUINT;
    }
  else if (!load_newer (self, catalog, since, &changed, error))
    goto fail;

  _roadmap_store_rollback (self);
  *loaded = last;
  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;

fail:
  _roadmap_store_rollback (self);
  return FALSE;
}

/**
 * roadmap_store_load_progress:
 *
 * Sets status, place, dates, note and ticked topics of every skill in @catalog from the
 * database. Rows of skills that are not loaded (a roadmap file was removed)
 * are kept in the database, untouched.
 */
gboolean
roadmap_store_load_progress (RoadmapStore    *self,
                             RoadmapCatalog  *catalog,
                             GError         **error)
{
  gint64 loaded;

  return roadmap_store_load_progress_since (self, catalog, 0, &loaded, NULL, error);
}

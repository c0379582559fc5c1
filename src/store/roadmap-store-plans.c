/* roadmap-store-plans.c — the learner's plan per track
 *
 *   plans (track_id, start, months, hours_per_week, updated_at, change)
 *
 * start is the plan's first day as YYYY-MM-DD: a calendar date, not a
 * time, so that no time zone or DST change moves it. Exactly one of
 * months and hours_per_week is set. A removed plan keeps its row with
 * all three NULL, as a removed note keeps its own, so that another
 * process reading the newer rows sees it go.
 *
 * The CHECKs are wider than this release's bounds (SQLite cannot alter a
 * CHECK): a row this release cannot use (a newer one's longer plan, a
 * start that is no date) reads as no plan and is left as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-store-private.h"

#define PLAN_COLUMNS ROADMAP_STORE_PLAN_COLUMNS

/* The plan in the columns of PLAN_COLUMNS from @first, or NULL */
RoadmapPlan *
_roadmap_store_plan_from_columns (sqlite3_stmt *stmt,
                                  int           first)
{
  const char *start = (const char *) sqlite3_column_text (stmt, first);
  gint64 months = sqlite3_column_int64 (stmt, first + 1);
  gint64 hours_per_week = sqlite3_column_int64 (stmt, first + 2);
  GDate day;

  if (start == NULL || !roadmap_plan_parse_date (start, &day) ||
      months < 0 || months > G_MAXUINT || hours_per_week < 0 || hours_per_week > G_MAXUINT ||
      !roadmap_plan_is_valid (&day, (guint) months, (guint) hours_per_week))
    return NULL;

  return roadmap_plan_new (&day, (guint) months, (guint) hours_per_week);
}

/**
 * roadmap_store_read_plan:
 * @plan: (out) (transfer full) (nullable): the stored plan, or %NULL
 *   for none
 * @change: (out) (optional): the change that last wrote the row, or 0
 *   without one
 *
 * Inside a change, this is what the change is planned from.
 */
gboolean
roadmap_store_read_plan (RoadmapStore  *self,
                         RoadmapTrack  *track,
                         RoadmapPlan  **plan,
                         gint64        *change,
                         GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!_roadmap_store_prepare_cached (self,
                                      "SELECT " PLAN_COLUMNS ", change FROM plans WHERE track_id = ?1",
                                      &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, roadmap_track_get_id (track), -1, SQLITE_STATIC);

  *plan = NULL;
  if (change != NULL)
    *change = 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *plan = _roadmap_store_plan_from_columns (stmt, 0);
      if (change != NULL)
        *change = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_clear_pointer (plan, roadmap_plan_free);
      return _roadmap_store_fail (self, rc, error);
    }
  return TRUE;
}

/**
 * roadmap_store_write_plan:
 * @plan: (nullable): the plan, or %NULL to remove it
 * @change: from roadmap_store_begin_change()
 * @now: Unix seconds, for updated_at
 *
 * Inside a change.
 */
gboolean
roadmap_store_write_plan (RoadmapStore       *self,
                          RoadmapTrack       *track,
                          const RoadmapPlan  *plan,
                          gint64              change,
                          gint64              now,
                          GError            **error)
{
  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), FALSE);

  return _roadmap_store_write_plan_for_id (self, roadmap_track_get_id (track), plan, change, now, error);
}

/* roadmap_store_write_plan() for a track by its id, loaded or not (a
 * restore) */
gboolean
_roadmap_store_write_plan_for_id (RoadmapStore       *self,
                                  const char         *track_id,
                                  const RoadmapPlan  *plan,
                                  gint64              change,
                                  gint64              now,
                                  GError            **error)
{
  g_autofree char *start = NULL;
  sqlite3_stmt *stmt;

  if (!_roadmap_store_prepare_cached (self,
                                      "INSERT INTO plans (track_id, " PLAN_COLUMNS ", updated_at, change)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                      " ON CONFLICT (track_id) DO UPDATE SET"
                                      "   start = excluded.start, months = excluded.months,"
                                      "   hours_per_week = excluded.hours_per_week,"
                                      "   updated_at = excluded.updated_at, change = excluded.change",
                                      &stmt, error))
    return FALSE;

  /* A cached statement: a removed plan's columns stay NULL */
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_text (stmt, 1, track_id, -1, SQLITE_STATIC);
  if (plan != NULL)
    {
      start = roadmap_plan_format_date (&plan->start);
      sqlite3_bind_text (stmt, 2, start, -1, SQLITE_STATIC);
      if (plan->months != 0)
        sqlite3_bind_int64 (stmt, 3, plan->months);
      else
        sqlite3_bind_int64 (stmt, 4, plan->hours_per_week);
    }
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, change);

  return _roadmap_store_step_done (self, stmt, error);
}

/* roadmap-store-load.c: the plans written after change @since, or all of
 * them (each track without a row unplanned) for 0 */
gboolean
_roadmap_store_load_plans (RoadmapStore    *self,
                           RoadmapCatalog  *catalog,
                           gint64           since,
                           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (since <= 0)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), i);

          roadmap_track_set_plan (track, NULL);
        }
    }

  if (!_roadmap_store_prepare (self,
                               "SELECT track_id, " PLAN_COLUMNS " FROM plans WHERE ?1 <= 0 OR change > ?1",
                               &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, since);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RoadmapTrack *track = roadmap_catalog_find_track (catalog, (const char *) sqlite3_column_text (stmt, 0));
      g_autoptr(RoadmapPlan) plan = NULL;

      if (track == NULL)
        continue;
      plan = _roadmap_store_plan_from_columns (stmt, 1);
      roadmap_track_set_plan (track, plan);
    }

  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

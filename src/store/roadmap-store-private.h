/* roadmap-store-private.h — shared by the files that make up RoadmapStore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "roadmap-store.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every Roadmap database: "RdMp" */
#define ROADMAP_STORE_APPLICATION_ID 0x52644d70

struct _RoadmapStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  char *recovery_message;
  char *backup_warning;
  gboolean read_only;
  /* SQL text (a string literal) → sqlite3_stmt, see _roadmap_store_prepare_cached() */
  GHashTable *statements;
  /* PRAGMA data_version when last asked (roadmap_store_has_outside_changes()) */
  gint64 data_version;
  /* Inside a change: its number, whether it wrote a history row, and
   * the id of the last it wrote (the counter once it is committed) */
  gint64 change;
  gboolean history_written;
  gint64 last_history_id;
  guint busy_timeout_ms;
};

/* DB.backup, the newest daily copy; see roadmap-store-backups.c */
char      *_roadmap_store_backup_path        (const char *db_path);
void       _roadmap_store_keep_backup        (const char *backup_path);
GPtrArray *_roadmap_store_list_backup_paths  (const char *backup_path);

gboolean _roadmap_store_fail        (RoadmapStore  *self,
                                     int            rc,
                                     GError       **error);
gboolean _roadmap_store_exec        (RoadmapStore  *self,
                                     const char    *sql,
                                     GError       **error);
gboolean _roadmap_store_prepare     (RoadmapStore  *self,
                                     const char    *sql,
                                     sqlite3_stmt **stmt,
                                     GError       **error);
gboolean _roadmap_store_prepare_cached (RoadmapStore  *self,
                                        const char    *sql,
                                        sqlite3_stmt **stmt,
                                        GError       **error);
/* Binds a time (Unix seconds) to @column, NULL for %ROADMAP_NO_TIME */
void     _roadmap_store_bind_time   (sqlite3_stmt  *stmt,
                                     int            column,
                                     gint64         time);
/* A time column: Unix seconds, or %ROADMAP_NO_TIME for NULL */
gint64   _roadmap_store_column_time (sqlite3_stmt  *stmt,
                                     int            column);
/* Steps a cached statement that returns no row, and resets it */
gboolean _roadmap_store_step_done   (RoadmapStore  *self,
                                     sqlite3_stmt  *stmt,
                                     GError       **error);
/* Binds ?1 and ?2 of @stmt to the track and skill ids of @skill */
void     _roadmap_store_bind_skill  (sqlite3_stmt  *stmt,
                                     RoadmapSkill  *skill);
gboolean _roadmap_store_begin       (RoadmapStore  *self,
                                     GError       **error);
gboolean _roadmap_store_commit      (RoadmapStore  *self,
                                     GError       **error);
void     _roadmap_store_rollback    (RoadmapStore  *self);

/* The columns of a progress row that _roadmap_store_read_row_columns() reads */
#define ROADMAP_STORE_ROW_COLUMNS "status, sort_key, started_at, finished_at, change"

void     _roadmap_store_read_row_columns (sqlite3_stmt       *stmt,
                                          int                 first,
                                          RoadmapProgressRow *row);

/* The kinds of history rows that are activity marks, at most one per
 * (track, skill, day, kind): notes and topics. The index history_activity
 * has this WHERE clause; a query uses the index only when it has this
 * very term too (SQLite matches a partial index's terms literally). */
#define ROADMAP_STORE_ACTIVITY_KINDS "kind IN (4, 6)"

/* The local day of history.changed_at @t (an SQL expression in
 * microseconds), as the bounds [start, end) in microseconds: local
 * midnight to the next, in the time zone of the process */
#define ROADMAP_STORE_DAY_START(t) \
  "(CAST (strftime ('%s', date ((" t ") / 1000000, 'unixepoch', 'localtime'), 'utc') AS INTEGER) * 1000000)"
#define ROADMAP_STORE_DAY_END(t) \
  "(CAST (strftime ('%s', date ((" t ") / 1000000, 'unixepoch', 'localtime'), '+1 day', 'utc') AS INTEGER) * 1000000)"

/* roadmap-store-preferences.c */
gboolean _roadmap_store_load_preferences (RoadmapStore    *self,
                                          RoadmapCatalog  *catalog,
                                          gint64           since,
                                          GError         **error);

/* roadmap-store-plans.c */
#define ROADMAP_STORE_PLAN_COLUMNS "start, months, hours_per_week"
RoadmapPlan *_roadmap_store_plan_from_columns (sqlite3_stmt       *stmt,
                                              int                 first);
gboolean _roadmap_store_write_plan_for_id (RoadmapStore       *self,
                                           const char         *track_id,
                                           const RoadmapPlan  *plan,
                                           gint64              change,
                                           gint64              now,
                                           GError            **error);
gboolean _roadmap_store_load_plans       (RoadmapStore    *self,
                                          RoadmapCatalog  *catalog,
                                          gint64           since,
                                          GError         **error);

/* roadmap-store-compact.c: on open, at most once a day, bounded; never
 * fails the open */
void     _roadmap_store_compact_history_if_due (RoadmapStore *self,
                                                gint64        now);
gboolean _roadmap_store_compact_history_full   (RoadmapStore  *self,
                                                gint64         now,
                                                guint          batch_size,
                                                guint          max_batches,
                                                gboolean      *finished,
                                                guint         *n_removed,
                                                GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS

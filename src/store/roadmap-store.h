/* roadmap-store.h — the learner's progress, kept durably in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-catalog.h"
#include "roadmap-history-entry.h"
#include "roadmap-progress-row.h"
#include "roadmap-stats.h"

G_BEGIN_DECLS

#define ROADMAP_STORE_ERROR (roadmap_store_error_quark ())

/**
 * RoadmapStoreError:
 * @ROADMAP_STORE_ERROR_FAILED: any other failure
 * @ROADMAP_STORE_ERROR_DISK_FULL: the disk (or quota) is full
 * @ROADMAP_STORE_ERROR_READ_ONLY: the database or its folder cannot be written
 * @ROADMAP_STORE_ERROR_BUSY: another process holds the write lock
 * @ROADMAP_STORE_ERROR_CORRUPT: the database file is damaged
 * @ROADMAP_STORE_ERROR_NEWER_VERSION: written by a newer Roadmap; left untouched
 * @ROADMAP_STORE_ERROR_NOT_ROADMAP: a database of some other program; left untouched
 * @ROADMAP_STORE_ERROR_IO: reading or writing the file failed
 * @ROADMAP_STORE_ERROR_NOT_FOUND: the skill is not in the loaded roadmaps
 * @ROADMAP_STORE_ERROR_INVALID: a progress file to import is not valid
 */
typedef enum
{
  ROADMAP_STORE_ERROR_FAILED,
  ROADMAP_STORE_ERROR_DISK_FULL,
  ROADMAP_STORE_ERROR_READ_ONLY,
  ROADMAP_STORE_ERROR_BUSY,
  ROADMAP_STORE_ERROR_CORRUPT,
  ROADMAP_STORE_ERROR_NEWER_VERSION,
  ROADMAP_STORE_ERROR_NOT_ROADMAP,
  ROADMAP_STORE_ERROR_IO,
  ROADMAP_STORE_ERROR_NOT_FOUND,
  ROADMAP_STORE_ERROR_INVALID,
} RoadmapStoreError;

#define ROADMAP_STORE_DEFAULT_BUSY_TIMEOUT_MS 1000

/* How many daily backups are kept beside the database */
#define ROADMAP_STORE_N_BACKUPS 7

/* The preferences kept in the database (see roadmap-store-preferences.c) */
#define ROADMAP_PREFERENCE_COUNT_SKIPPED_AS_DONE "count-skipped-as-done"
/* Followed by a track id: that track's limit on cards in Doing, 0 for none */
#define ROADMAP_PREFERENCE_WIP_LIMIT_PREFIX "wip-limit/"
/* Skills a week, 0 (no row) for no goal: see RoadmapCatalog:weekly-goal */
#define ROADMAP_PREFERENCE_WEEKLY_GOAL "weekly-goal"
/* Followed by a track id: 1 when the learner hid that track, 0 (no row)
 * when it is shown (see roadmap_catalog_set_hidden()) */
#define ROADMAP_PREFERENCE_HIDDEN_PREFIX "hidden/"
/* 1 once the learner left the window's welcome page: it shows on a first
 * start only (see roadmap_store_is_untouched()) */
#define ROADMAP_PREFERENCE_WELCOMED "welcomed"

#define ROADMAP_TYPE_STORE (roadmap_store_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapStore, roadmap_store, ROADMAP, STORE, GObject)

GQuark        roadmap_store_error_quark          (void);
char         *roadmap_store_get_default_path     (void);

RoadmapStore *roadmap_store_open                 (const char      *path,
                                                  GError         **error);
RoadmapStore *roadmap_store_open_full            (const char      *path,
                                                  const char      *vfs_name,
                                                  guint            busy_timeout_ms,
                                                  GError         **error);
const char   *roadmap_store_get_path             (RoadmapStore    *self);
const char   *roadmap_store_get_recovery_message (RoadmapStore    *self);
const char   *roadmap_store_get_backup_warning  (RoadmapStore    *self);
gboolean      roadmap_store_is_read_only        (RoadmapStore    *self);

gboolean      roadmap_store_load_progress        (RoadmapStore    *self,
                                                  RoadmapCatalog  *catalog,
                                                  GError         **error);
gboolean      roadmap_store_load_progress_since  (RoadmapStore    *self,
                                                  RoadmapCatalog  *catalog,
                                                  gint64           since,
                                                  gint64          *loaded,
                                                  guint           *n_changed,
                                                  GError         **error);
gboolean      roadmap_store_has_outside_changes  (RoadmapStore    *self);
gboolean      roadmap_store_is_untouched         (RoadmapStore    *self);

/* A change: begin, read and write rows, commit (roadmap-store-progress.c) */
gboolean      roadmap_store_begin_change         (RoadmapStore    *self,
                                                  gint64          *change,
                                                  gint64          *previous,
                                                  GError         **error);
gboolean      roadmap_store_commit_change        (RoadmapStore    *self,
                                                  gint64          *last,
                                                  GError         **error);
void          roadmap_store_rollback_change      (RoadmapStore    *self);
gboolean      roadmap_store_read_row             (RoadmapStore        *self,
                                                  RoadmapSkill        *skill,
                                                  RoadmapProgressRow  *row,
                                                  GError             **error);
gboolean      roadmap_store_write_row            (RoadmapStore             *self,
                                                  RoadmapSkill             *skill,
                                                  const RoadmapProgressRow *row,
                                                  gint64                    change,
                                                  gint64                    now,
                                                  GError                  **error);
gboolean      roadmap_store_place_skill          (RoadmapStore        *self,
                                                  RoadmapSkill        *skill,
                                                  RoadmapStatus        status,
                                                  RoadmapSkill        *before,
                                                  gboolean             keep_place,
                                                  gint64               change,
                                                  gint64               now,
                                                  RoadmapProgressRow  *old_row,
                                                  RoadmapProgressRow  *new_row,
                                                  GArray              *written,
                                                  GError             **error);
gboolean      roadmap_store_write_history        (RoadmapStore              *self,
                                                  const RoadmapHistoryEntry *entry,
                                                  const RoadmapProgressRow  *old_row,
                                                  const RoadmapProgressRow  *new_row,
                                                  GError                   **error);
gboolean      roadmap_store_read_note            (RoadmapStore    *self,
                                                  RoadmapSkill    *skill,
                                                  char           **note,
                                                  gint64          *change,
                                                  GError         **error);
gboolean      roadmap_store_write_note           (RoadmapStore    *self,
                                                  RoadmapSkill    *skill,
                                                  const char      *note,
                                                  gint64           change,
                                                  gint64           now,
                                                  GError         **error);
gboolean      roadmap_store_read_topic           (RoadmapStore    *self,
                                                  RoadmapSkill    *skill,
                                                  const char      *topic,
                                                  gboolean        *done,
                                                  gint64          *change,
                                                  GError         **error);
gboolean      roadmap_store_write_topic          (RoadmapStore    *self,
                                                  RoadmapSkill    *skill,
                                                  const char      *topic,
                                                  gboolean         done,
                                                  gint64           change,
                                                  gint64           now,
                                                  GError         **error);

gboolean      roadmap_store_read_preference      (RoadmapStore    *self,
                                                  const char      *key,
                                                  gint64           default_value,
                                                  gint64          *value,
                                                  GError         **error);
gboolean      roadmap_store_write_preference     (RoadmapStore    *self,
                                                  const char      *key,
                                                  gint64           value,
                                                  gint64           change,
                                                  gint64           now,
                                                  GError         **error);
char         *roadmap_store_wip_limit_key        (const char      *track_id);
char         *roadmap_store_hidden_key           (const char      *track_id);
void          roadmap_store_apply_preference     (RoadmapCatalog  *catalog,
                                                  const char      *key,
                                                  gint64           value);

gboolean      roadmap_store_read_plan            (RoadmapStore       *self,
                                                  RoadmapTrack       *track,
                                                  RoadmapPlan       **plan,
                                                  gint64             *change,
                                                  GError            **error);
gboolean      roadmap_store_write_plan           (RoadmapStore       *self,
                                                  RoadmapTrack       *track,
                                                  const RoadmapPlan  *plan,
                                                  gint64              change,
                                                  gint64              now,
                                                  GError            **error);
/* roadmap-store-stats.c */
RoadmapStats *roadmap_store_compute_stats        (RoadmapStore    *self,
                                                  const char      *track_id,
                                                  GDateTime       *now,
                                                  guint            weekly_goal,
                                                  gboolean         count_skipped_as_done,
                                                  GError         **error);

GPtrArray    *roadmap_store_list_history         (RoadmapStore    *self,
                                                  GError         **error);
gboolean      roadmap_store_compact_history      (RoadmapStore    *self,
                                                  gint64           now,
                                                  guint           *n_removed,
                                                  GError         **error);
GPtrArray    *roadmap_store_list_backups         (RoadmapStore    *self);
gboolean      roadmap_store_backup               (RoadmapStore    *self,
                                                  const char      *destination,
                                                  GError         **error);

G_END_DECLS

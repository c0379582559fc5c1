/* roadmap-store-sync.h — what sync keeps in the progress database: the
 * task list in use, each skill as last merged, the outbox, the values
 * that lost a conflict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-store.h"
#include "roadmap-sync-record.h"

G_BEGIN_DECLS

/**
 * RoadmapSyncState:
 * @source_uid: (nullable): the task list in use, %NULL when sync is off
 * @device: this database's own id, made once
 * @n_failures: rounds failed in a row, for the back-off
 * @retry_at: no round before this time after a failure (microseconds), 0
 * @last_round_at: when the last round ended (microseconds), 0 for never
 * @last_ok: whether it ended with both sides the same
 * @last_result: (nullable): what it found, in words
 */
typedef struct
{
  char *source_uid;
  char *device;
  guint n_failures;
  gint64 retry_at;
  gint64 last_round_at;
  gboolean last_ok;
  char *last_result;
} RoadmapSyncState;

void     roadmap_sync_state_free (RoadmapSyncState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoadmapSyncState, roadmap_sync_state_free)

/**
 * RoadmapSyncItem:
 * @record: the skill as this machine last merged it
 * @outbox: 0 when the server holds @record, otherwise the change that
 *   queued it (an id to clear it by once pushed, unless changed since)
 *   (-1: queued when sync was turned on, or when the server lost it)
 * @remote: whether the server is known to have a task for it
 * @sequence: the task's SEQUENCE the server last had
 * @remote_digest: (nullable): roadmap_sync_record_dup_full_digest() of
 *   the task as last merged or written: a pulled task with the same is
 *   nothing new
 */
typedef struct
{
  RoadmapSyncRecord *record;
  gint64 outbox;
  gboolean remote;
  gint64 sequence;
  char *remote_digest;
} RoadmapSyncItem;

void     roadmap_sync_item_free (RoadmapSyncItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoadmapSyncItem, roadmap_sync_item_free)

/**
 * RoadmapSyncLoser:
 * @id: the row's id
 * @track_id: the skill's track
 * @skill_id: the skill
 * @field: what the two machines disagreed on
 * @value: the losing value's text form (roadmap_sync_record_dup_value())
 * @stamp: when and where it was made
 * @decided_at: when the merge chose the other one (microseconds)
 */
typedef struct
{
  gint64 id;
  char *track_id;
  char *skill_id;
  RoadmapSyncField field;
  char *value;
  RoadmapSyncStamp stamp;
  gint64 decided_at;
} RoadmapSyncLoser;

void     roadmap_sync_loser_free (RoadmapSyncLoser *loser);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoadmapSyncLoser, roadmap_sync_loser_free)

gboolean roadmap_store_sync_read_state   (RoadmapStore       *self,
                                          RoadmapSyncState  **state,
                                          GError            **error);
gboolean roadmap_store_sync_enable       (RoadmapStore       *self,
                                          const char         *source_uid,
                                          GError            **error);
gboolean roadmap_store_sync_disable      (RoadmapStore       *self,
                                          GError            **error);
gboolean roadmap_store_sync_end_round    (RoadmapStore       *self,
                                          gboolean            ok,
                                          const char         *result,
                                          gint64              now,
                                          GError            **error);

/* Inside a change (see roadmap_store_begin_change()) */
gboolean roadmap_store_sync_queue_change (RoadmapStore       *self,
                                          gint64              change,
                                          gint64              now,
                                          GError            **error);
gboolean roadmap_store_sync_merge        (RoadmapStore             *self,
                                          const RoadmapSyncRecord  *remote,
                                          gint64                    sequence,
                                          gint64                    change,
                                          gint64                    now,
                                          RoadmapOrigin             origin,
                                          guint                    *n_conflicts,
                                          gboolean                 *changed,
                                          GError                  **error);

gboolean roadmap_store_sync_read_item    (RoadmapStore       *self,
                                          const char         *track_id,
                                          const char         *skill_id,
                                          RoadmapSyncItem   **item,
                                          GError            **error);
GPtrArray *roadmap_store_sync_list_items (RoadmapStore       *self,
                                          gboolean            outbox_only,
                                          GError            **error);
guint    roadmap_store_sync_count_outbox (RoadmapStore       *self,
                                          GError            **error);
gboolean roadmap_store_sync_mark_pushed  (RoadmapStore             *self,
                                          const RoadmapSyncItem    *item,
                                          gint64                    sequence,
                                          GError                  **error);
gboolean roadmap_store_sync_mark_missing (RoadmapStore       *self,
                                          GHashTable         *present,
                                          guint              *n_missing,
                                          GError            **error);
GPtrArray *roadmap_store_sync_list_losers (RoadmapStore      *self,
                                           const char        *track_id,
                                           const char        *skill_id,
                                           GError           **error);
gboolean roadmap_store_sync_forget_loser (RoadmapStore       *self,
                                          gint64              id,
                                          GError            **error);

/* Inside a change (see roadmap_store_begin_change()) */
gboolean roadmap_store_sync_restore_loser (RoadmapStore      *self,
                                           gint64             id,
                                           gint64             change,
                                           gint64             now,
                                           RoadmapOrigin      origin,
                                           gboolean          *changed,
                                           GError           **error);

G_END_DECLS

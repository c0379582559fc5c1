/* roadmap-sync-runner.h — sync for the window: rounds in a thread of
 * their own, when they are due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-session.h"
#include "roadmap-store-sync.h"
#include "roadmap-sync-report.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SYNC_RUNNER (roadmap_sync_runner_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSyncRunner, roadmap_sync_runner, ROADMAP, SYNC_RUNNER, GObject)

RoadmapSyncRunner      *roadmap_sync_runner_new         (GApplication        *application,
                                                         RoadmapSession      *session);
void                    roadmap_sync_runner_start       (RoadmapSyncRunner   *self);
void                    roadmap_sync_runner_stop        (RoadmapSyncRunner   *self);
void                    roadmap_sync_runner_sync_now    (RoadmapSyncRunner   *self);
gboolean                roadmap_sync_runner_get_running (RoadmapSyncRunner   *self);
const RoadmapSyncState *roadmap_sync_runner_get_state   (RoadmapSyncRunner   *self);
const GError           *roadmap_sync_runner_get_error   (RoadmapSyncRunner   *self);

void       roadmap_sync_runner_list_lists         (RoadmapSyncRunner    *self,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GPtrArray *roadmap_sync_runner_list_lists_finish  (RoadmapSyncRunner    *self,
                                                   GAsyncResult         *result,
                                                   GPtrArray           **accounts,
                                                   GError              **error);
void       roadmap_sync_runner_turn_on            (RoadmapSyncRunner    *self,
                                                   const char           *source_uid,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
void       roadmap_sync_runner_turn_off           (RoadmapSyncRunner    *self,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
void       roadmap_sync_runner_create_list        (RoadmapSyncRunner    *self,
                                                   const char           *account_uid,
                                                   const char           *name,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
void       roadmap_sync_runner_trust_certificate  (RoadmapSyncRunner    *self,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean   roadmap_sync_runner_finish             (RoadmapSyncRunner    *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS

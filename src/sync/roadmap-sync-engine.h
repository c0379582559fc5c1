/* roadmap-sync-engine.h — one sync round: the outbox pushed to a task
 * list of Evolution Data Server, the list's changes merged in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include <libedataserver/libedataserver.h>

#include "roadmap-session.h"
#include "roadmap-sync-report.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SYNC_ENGINE (roadmap_sync_engine_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSyncEngine, roadmap_sync_engine, ROADMAP, SYNC_ENGINE, GObject)

RoadmapSyncEngine *roadmap_sync_engine_new      (RoadmapSession     *session);
gboolean           roadmap_sync_engine_check_list (RoadmapSyncEngine *self,
                                                 const char         *source_uid,
                                                 char              **display_name,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
gboolean           roadmap_sync_engine_run_round (RoadmapSyncEngine *self,
                                                  RoadmapSyncReport  *report,
                                                  GCancellable       *cancellable,
                                                  GError            **error);
gboolean           roadmap_sync_engine_trust_certificate (RoadmapSyncEngine *self,
                                                          const char        *source_uid,
                                                          GCancellable      *cancellable,
                                                          GError           **error);
ESourceRegistry   *roadmap_sync_engine_get_registry (RoadmapSyncEngine *self,
                                                     GCancellable      *cancellable,
                                                     GError           **error);

G_END_DECLS

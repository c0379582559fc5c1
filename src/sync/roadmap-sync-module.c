/* roadmap-sync-module.c — the sync module's entry point (see
 * roadmap-sync-report.c in core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gmodule.h>

#include "roadmap-sync-engine.h"

static gboolean
check_list (RoadmapSession  *session,
            const char      *source_uid,
            char           **display_name,
            GError         **error)
{
  g_autoptr(RoadmapSyncEngine) engine = roadmap_sync_engine_new (session);

  return roadmap_sync_engine_check_list (engine, source_uid, display_name, NULL, error);
}

static gboolean
run_round (RoadmapSession     *session,
           RoadmapSyncReport  *report,
           GError            **error)
{
  g_autoptr(RoadmapSyncEngine) engine = roadmap_sync_engine_new (session);

  return roadmap_sync_engine_run_round (engine, report, NULL, error);
}

static const RoadmapSyncModule module = {
  .check_list = check_list,
  .run_round = run_round,
};

G_MODULE_EXPORT const RoadmapSyncModule *roadmap_sync_module_get (void);

const RoadmapSyncModule *
roadmap_sync_module_get (void)
{
  return &module;
}

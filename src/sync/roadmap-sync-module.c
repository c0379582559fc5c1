/* roadmap-sync-module.c — the sync module's entry point (see
 * roadmap-sync-report.c in core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gmodule.h>

#include "roadmap-sync-engine.h"
#include "roadmap-sync-lists.h"

static GObject *
new_engine (RoadmapSession *session)
{
  return G_OBJECT (roadmap_sync_engine_new (session));
}

static gboolean
check_list (GObject       *engine,
            const char    *source_uid,
            char         **display_name,
            GCancellable  *cancellable,
            GError       **error)
{
  return roadmap_sync_engine_check_list (ROADMAP_SYNC_ENGINE (engine), source_uid, display_name,
                                         cancellable, error);
}

static gboolean
run_round (GObject            *engine,
           RoadmapSyncReport  *report,
           GCancellable       *cancellable,
           GError            **error)
{
  return roadmap_sync_engine_run_round (ROADMAP_SYNC_ENGINE (engine), report, cancellable, error);
}

static GPtrArray *
list_lists (GObject       *engine,
            GPtrArray    **accounts,
            GCancellable  *cancellable,
            GError       **error)
{
  ESourceRegistry *registry = roadmap_sync_engine_get_registry (ROADMAP_SYNC_ENGINE (engine),
                                                                cancellable, error);

  return registry != NULL ? roadmap_sync_lists_list (registry, accounts) : NULL;
}

static char *
create_list (GObject       *engine,
             const char    *account_uid,
             const char    *name,
             GCancellable  *cancellable,
             GError       **error)
{
  ESourceRegistry *registry = roadmap_sync_engine_get_registry (ROADMAP_SYNC_ENGINE (engine),
                                                                cancellable, error);

  return registry != NULL ? roadmap_sync_lists_create (registry, account_uid, name, cancellable, error) : NULL;
}

static gboolean
trust_certificate (GObject       *engine,
                   const char    *source_uid,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return roadmap_sync_engine_trust_certificate (ROADMAP_SYNC_ENGINE (engine), source_uid,
                                                cancellable, error);
}

static const RoadmapSyncModule module = {
  .new_engine = new_engine,
  .check_list = check_list,
  .run_round = run_round,
  .list_lists = list_lists,
  .create_list = create_list,
  .trust_certificate = trust_certificate,
};

G_MODULE_EXPORT const RoadmapSyncModule *roadmap_sync_module_get (void);

const RoadmapSyncModule *
roadmap_sync_module_get (void)
{
  return &module;
}

/* roadmap-sync-report.h — what a sync round did, and the sync module
 * that runs rounds, loaded only when one is asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-session.h"

G_BEGIN_DECLS

#define ROADMAP_SYNC_ERROR (roadmap_sync_error_quark ())

/**
 * RoadmapSyncError:
 * @ROADMAP_SYNC_ERROR_OFF: sync is not turned on
 * @ROADMAP_SYNC_ERROR_NO_LIST: no task list has that id
 * @ROADMAP_SYNC_ERROR_OFFLINE: the task list cannot be reached
 * @ROADMAP_SYNC_ERROR_BUSY: another round on this database did not end
 * @ROADMAP_SYNC_ERROR_FAILED: the server or the service refused
 * @ROADMAP_SYNC_ERROR_UNAVAILABLE: this build has no sync
 */
typedef enum
{
  ROADMAP_SYNC_ERROR_OFF,
  ROADMAP_SYNC_ERROR_NO_LIST,
  ROADMAP_SYNC_ERROR_OFFLINE,
  ROADMAP_SYNC_ERROR_BUSY,
  ROADMAP_SYNC_ERROR_FAILED,
  ROADMAP_SYNC_ERROR_UNAVAILABLE,
} RoadmapSyncError;

/**
 * RoadmapSyncReport:
 * @n_pulled: tasks of the server merged in
 * @n_pushed: skills written to the server
 * @n_conflicts: fields both sides had changed (the loser is kept)
 * @n_missing: tasks deleted on the server, to be written again
 * @n_pending: skills still to push when the round ended
 * @problems: (element-type utf8): tasks that could not be used, and why
 */
typedef struct
{
  guint n_pulled;
  guint n_pushed;
  guint n_conflicts;
  guint n_missing;
  guint n_pending;
  GPtrArray *problems;
} RoadmapSyncReport;

/**
 * RoadmapSyncModule:
 * @check_list: whether a task list of that id exists; its name
 * @run_round: one round (see roadmap_sync_engine_run_round())
 *
 * What the sync module (built on Evolution Data Server) offers.
 */
typedef struct
{
  gboolean (*check_list) (RoadmapSession     *session,
                          const char         *source_uid,
                          char              **display_name,
                          GError            **error);
  gboolean (*run_round)  (RoadmapSession     *session,
                          RoadmapSyncReport  *report,
                          GError            **error);
} RoadmapSyncModule;

/* The module's one exported symbol */
typedef const RoadmapSyncModule *(*RoadmapSyncModuleGet) (void);
#define ROADMAP_SYNC_MODULE_SYMBOL "roadmap_sync_module_get"

GQuark                   roadmap_sync_error_quark     (void);
void                     roadmap_sync_report_clear    (RoadmapSyncReport       *report);
char                    *roadmap_sync_report_describe (const RoadmapSyncReport *report);
const RoadmapSyncModule *roadmap_sync_module_load     (GError                 **error);

G_END_DECLS

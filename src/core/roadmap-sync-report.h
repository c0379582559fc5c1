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
 * @ROADMAP_SYNC_ERROR_SIGN_IN: the account needs the user to sign in
 * @ROADMAP_SYNC_ERROR_CERTIFICATE: the server's certificate is not
 *   trusted (see RoadmapSyncModule.trust_certificate)
 */
typedef enum
{
  ROADMAP_SYNC_ERROR_OFF,
  ROADMAP_SYNC_ERROR_NO_LIST,
  ROADMAP_SYNC_ERROR_OFFLINE,
  ROADMAP_SYNC_ERROR_BUSY,
  ROADMAP_SYNC_ERROR_FAILED,
  ROADMAP_SYNC_ERROR_UNAVAILABLE,
  ROADMAP_SYNC_ERROR_SIGN_IN,
  ROADMAP_SYNC_ERROR_CERTIFICATE,
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
 * RoadmapSyncList:
 * @uid: the task list's id (its source's UID)
 * @name: its name
 * @account: the account it is in, or where it is kept
 * @settings_app: (nullable): the desktop file id of the app its account
 *   is set up in (Online Accounts, Evolution)
 *
 * A task list of this computer's, or (in RoadmapSyncModule.list_lists's
 * @accounts) an account a new list can be made in, @name its own.
 */
typedef struct
{
  char *uid;
  char *name;
  char *account;
  char *settings_app;
} RoadmapSyncList;

void roadmap_sync_list_free (RoadmapSyncList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoadmapSyncList, roadmap_sync_list_free)

/**
 * RoadmapSyncModule:
 * @new_engine: what the other functions work with; it keeps Evolution
 *   Data Server's registry of sources from one call to the next, and is
 *   used in one thread at a time, with the thread-default main context
 *   it was made in
 * @check_list: whether a task list of that id exists; its name
 * @run_round: one round (see roadmap_sync_engine_run_round())
 * @list_lists: the task lists, and the accounts a list can be made in
 * @create_list: a new task list in an account; its id
 * @trust_certificate: trusts the certificate the list's server showed
 *   last (after %ROADMAP_SYNC_ERROR_CERTIFICATE)
 *
 * What the sync module (built on Evolution Data Server) offers. All
 * block: the window calls them in a thread of their own.
 */
typedef struct
{
  GObject   *(*new_engine)        (RoadmapSession     *session);
  gboolean   (*check_list)        (GObject            *engine,
                                   const char         *source_uid,
                                   char              **display_name,
                                   GCancellable       *cancellable,
                                   GError            **error);
  gboolean   (*run_round)         (GObject            *engine,
                                   RoadmapSyncReport  *report,
                                   GCancellable       *cancellable,
                                   GError            **error);
  GPtrArray *(*list_lists)        (GObject            *engine,
                                   GPtrArray         **accounts,
                                   GCancellable       *cancellable,
                                   GError            **error);
  char      *(*create_list)       (GObject            *engine,
                                   const char         *account_uid,
                                   const char         *name,
                                   GCancellable       *cancellable,
                                   GError            **error);
  gboolean   (*trust_certificate) (GObject            *engine,
                                   const char         *source_uid,
                                   GCancellable       *cancellable,
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

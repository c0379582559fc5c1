/* sync-test-util.h — the parts a sync test needs, real and on loopback:
 * a Radicale CalDAV server, and machines, each with its own HOME, its
 * own Evolution Data Server on a private D-Bus and its own database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _SyncServer SyncServer;
typedef struct _SyncMachine SyncMachine;

/* Why the sync tests cannot run here (no Radicale, no EDS, no module), or NULL */
char        *sync_test_missing        (void);

SyncServer  *sync_server_start        (const char   *dir);
void         sync_server_stop         (SyncServer   *server);
void         sync_server_restart      (SyncServer   *server);
void         sync_server_free         (SyncServer   *server);
char        *sync_server_make_list    (SyncServer   *server);
void         sync_server_put_all      (SyncServer         *server,
                                       const char * const *paths,
                                       const char * const *bodies);
guint        sync_server_http         (SyncServer   *server,
                                       const char   *method,
                                       const char   *path,
                                       const char   *body,
                                       char        **response);

SyncMachine *sync_machine_new         (const char   *dir,
                                       const char   *name,
                                       SyncServer   *server,
                                       const char   *list_path);
void         sync_machine_free        (SyncMachine  *machine);
const char  *sync_machine_get_db_path (SyncMachine  *machine);
char       **sync_machine_get_envp    (SyncMachine  *machine);
int          sync_machine_run         (SyncMachine  *machine,
                                       char        **out,
                                       char        **err,
                                       ...) G_GNUC_NULL_TERMINATED;
int          sync_machine_runv        (SyncMachine         *machine,
                                       const char * const  *args,
                                       char               **out,
                                       char               **err);
GSubprocess *sync_machine_spawn       (SyncMachine  *machine,
                                       ...) G_GNUC_NULL_TERMINATED;
void         sync_machine_sync_ok     (SyncMachine  *machine);

/* The name of the task list source each machine has */
#define SYNC_TEST_SOURCE_UID "roadmap-test"

G_END_DECLS

/* roadmap-sync-lists.h — the task lists of Evolution Data Server, and a
 * new one made in an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libedataserver/libedataserver.h>

G_BEGIN_DECLS

GPtrArray *roadmap_sync_lists_list   (ESourceRegistry  *registry,
                                      GPtrArray       **accounts);
char      *roadmap_sync_lists_create (ESourceRegistry  *registry,
                                      const char       *account_uid,
                                      const char       *name,
                                      GCancellable     *cancellable,
                                      GError          **error);

G_END_DECLS

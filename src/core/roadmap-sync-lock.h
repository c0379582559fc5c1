/* roadmap-sync-lock.h — one sync of a database at a time, whichever
 * process runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int  roadmap_sync_lock_take    (const char    *db_path,
                                GCancellable  *cancellable,
                                GError       **error);
void roadmap_sync_lock_release (int            lock);

G_END_DECLS

/* faulty-vfs.h — an SQLite VFS that fails chosen writes and syncs
 *
 * Wraps the default VFS under the name "faulty". Once armed, the Nth
 * xWrite or xSync (counted from the arming, over every file the VFS
 * opened: database, write-ahead log, journals) fails instead of being
 * done; with @persistent every later one fails too, like a disk that
 * stays full.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FAULTY_VFS_NAME "faulty"

typedef enum
{
  FAULTY_VFS_FAULT_NONE,
  FAULTY_VFS_FAULT_WRITE_IOERR,   /* xWrite returns SQLITE_IOERR_WRITE (EIO) */
  FAULTY_VFS_FAULT_WRITE_FULL,    /* xWrite returns SQLITE_FULL (ENOSPC) */
  FAULTY_VFS_FAULT_SYNC,          /* xSync returns SQLITE_IOERR_FSYNC (EIO) */
} FaultyVfsFault;

void  faulty_vfs_register     (void);
void  faulty_vfs_arm          (FaultyVfsFault  fault,
                               guint           nth,
                               gboolean        persistent);
void  faulty_vfs_disarm       (void);
guint faulty_vfs_get_n_hits   (void);
guint faulty_vfs_get_n_writes (void);
guint faulty_vfs_get_n_syncs  (void);

G_END_DECLS

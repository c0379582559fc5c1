/* faulty-vfs.c — an SQLite VFS that fails chosen writes and syncs
 *
 * Every file it opens is a FaultyFile: a sqlite3_file whose methods count
 * the calls and either fail them or pass them on to the file of the
 * default VFS that follows it in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <sqlite3.h>

#include "faulty-vfs.h"

typedef struct
{
  sqlite3_file base;
  sqlite3_file *real;
} FaultyFile;

static sqlite3_vfs *real_vfs;

static struct
{
  FaultyVfsFault fault;
  guint nth;
  gboolean persistent;
  guint n_writes;
  guint n_syncs;
  guint n_hits;
  int last_errno;
} state;

/* Counts an xWrite (or, with @is_sync, an xSync) and says whether it
 * must fail. */
static gboolean
should_fail (gboolean is_sync)
{
  guint n = is_sync ? ++state.n_syncs : ++state.n_writes;

  if (state.fault == FAULTY_VFS_FAULT_NONE || state.nth == 0)
    return FALSE;
  if (is_sync != (state.fault == FAULTY_VFS_FAULT_SYNC))
    return FALSE;
  if (n != state.nth && !(state.persistent && n > state.nth))
    return FALSE;

  state.n_hits++;
  state.last_errno = state.fault == FAULTY_VFS_FAULT_WRITE_FULL ? ENOSPC : EIO;
  errno = state.last_errno;
  return TRUE;
}

/* File methods */

static int
faulty_close (sqlite3_file *file)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xClose (self->real);
}

static int
faulty_read (sqlite3_file *file,
             void         *buffer,
             int           amount,
             sqlite3_int64 offset)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xRead (self->real, buffer, amount, offset);
}

static int
faulty_write (sqlite3_file *file,
              const void   *buffer,
              int           amount,
              sqlite3_int64 offset)
{
  FaultyFile *self = (FaultyFile *) file;

  if (should_fail (FALSE))
    return state.fault == FAULTY_VFS_FAULT_WRITE_FULL ? SQLITE_FULL : SQLITE_IOERR_WRITE;

  return self->real->pMethods->xWrite (self->real, buffer, amount, offset);
}

static int
faulty_truncate (sqlite3_file *file,
                 sqlite3_int64 size)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xTruncate (self->real, size);
}

static int
faulty_sync (sqlite3_file *file,
             int           flags)
{
  FaultyFile *self = (FaultyFile *) file;

  if (should_fail (TRUE))
    return SQLITE_IOERR_FSYNC;

  return self->real->pMethods->xSync (self->real, flags);
}

static int
faulty_file_size (sqlite3_file  *file,
                  sqlite3_int64 *size)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xFileSize (self->real, size);
}

static int
faulty_lock (sqlite3_file *file,
             int           lock)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xLock (self->real, lock);
}

static int
faulty_unlock (sqlite3_file *file,
               int           lock)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xUnlock (self->real, lock);
}

static int
faulty_check_reserved_lock (sqlite3_file *file,
                            int          *result)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xCheckReservedLock (self->real, result);
}

static int
faulty_file_control (sqlite3_file *file,
                     int           op,
                     void         *arg)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xFileControl (self->real, op, arg);
}

static int
faulty_sector_size (sqlite3_file *file)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
faulty_device_characteristics (sqlite3_file *file)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

/* The shared memory of the write-ahead log index is mapped, not written
 * with xWrite: passed on unchanged. */
static int
faulty_shm_map (sqlite3_file  *file,
                int            page,
                int            page_size,
                int            extend,
                void volatile **pointer)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xShmMap (self->real, page, page_size, extend, pointer);
}

static int
faulty_shm_lock (sqlite3_file *file,
                 int           offset,
                 int           n,
                 int           flags)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xShmLock (self->real, offset, n, flags);
}

static void
faulty_shm_barrier (sqlite3_file *file)
{
  FaultyFile *self = (FaultyFile *) file;

  self->real->pMethods->xShmBarrier (self->real);
}

static int
faulty_shm_unmap (sqlite3_file *file,
                  int           delete_flag)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xShmUnmap (self->real, delete_flag);
}

static int
faulty_fetch (sqlite3_file   *file,
              sqlite3_int64   offset,
              int             amount,
              void          **pointer)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xFetch (self->real, offset, amount, pointer);
}

static int
faulty_unfetch (sqlite3_file  *file,
                sqlite3_int64  offset,
                void          *pointer)
{
  FaultyFile *self = (FaultyFile *) file;

  return self->real->pMethods->xUnfetch (self->real, offset, pointer);
}

static const sqlite3_io_methods faulty_io_methods = {
  3,
  faulty_close,
  faulty_read,
  faulty_write,
  faulty_truncate,
  faulty_sync,
  faulty_file_size,
  faulty_lock,
  faulty_unlock,
  faulty_check_reserved_lock,
  faulty_file_control,
  faulty_sector_size,
  faulty_device_characteristics,
  faulty_shm_map,
  faulty_shm_lock,
  faulty_shm_barrier,
  faulty_shm_unmap,
  faulty_fetch,
  faulty_unfetch,
};

/* VFS methods */

static int
faulty_open (sqlite3_vfs  *vfs,
             const char   *name,
             sqlite3_file *file,
             int           flags,
             int          *out_flags)
{
  FaultyFile *self = (FaultyFile *) file;
  int rc;

  self->real = (sqlite3_file *) &self[1];
  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);

  /* SQLite calls xClose only when pMethods is set. */
  if (self->real->pMethods == NULL)
    self->base.pMethods = NULL;
  else
    self->base.pMethods = &faulty_io_methods;

  /* The wrappers above pass on the shared memory calls unconditionally. */
  g_assert (self->real->pMethods == NULL || self->real->pMethods->iVersion >= 3);

  return rc;
}

static int
faulty_delete (sqlite3_vfs *vfs,
               const char  *name,
               int          sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
faulty_access (sqlite3_vfs *vfs,
               const char  *name,
               int          flags,
               int         *result)
{
  return real_vfs->xAccess (real_vfs, name, flags, result);
}

static int
faulty_full_pathname (sqlite3_vfs *vfs,
                      const char  *name,
                      int          size,
                      char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, size, out);
}

static void *
faulty_dl_open (sqlite3_vfs *vfs,
                const char  *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
faulty_dl_error (sqlite3_vfs *vfs,
                 int          size,
                 char        *message)
{
  real_vfs->xDlError (real_vfs, size, message);
}

static void (*
faulty_dl_sym (sqlite3_vfs *vfs,
               void        *handle,
               const char  *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
faulty_dl_close (sqlite3_vfs *vfs,
                 void        *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
faulty_randomness (sqlite3_vfs *vfs,
                   int          size,
                   char        *out)
{
  return real_vfs->xRandomness (real_vfs, size, out);
}

static int
faulty_sleep (sqlite3_vfs *vfs,
              int          microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
faulty_current_time (sqlite3_vfs *vfs,
                     double      *now)
{
  return real_vfs->xCurrentTime (real_vfs, now);
}

/* SQLite asks this for sqlite3_system_errno() after an I/O error: the
 * errno of the fault, not whatever the last system call left behind. */
static int
faulty_get_last_error (sqlite3_vfs *vfs,
                       int          size,
                       char        *out)
{
  if (state.last_errno != 0)
    return state.last_errno;

  return real_vfs->xGetLastError (real_vfs, size, out);
}

static int
faulty_current_time_int64 (sqlite3_vfs   *vfs,
                           sqlite3_int64 *now)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, now);
}

static sqlite3_vfs faulty_vfs = {
  2,                       /* iVersion */
  0,                       /* szOsFile, set on registration */
  0,                       /* mxPathname, set on registration */
  NULL,                    /* pNext */
  FAULTY_VFS_NAME,         /* zName */
  NULL,                    /* pAppData */
  faulty_open,
  faulty_delete,
  faulty_access,
  faulty_full_pathname,
  faulty_dl_open,
  faulty_dl_error,
  faulty_dl_sym,
  faulty_dl_close,
  faulty_randomness,
  faulty_sleep,
  faulty_current_time,
  faulty_get_last_error,
  faulty_current_time_int64,
  NULL,                    /* xSetSystemCall */
  NULL,                    /* xGetSystemCall */
  NULL,                    /* xNextSystemCall */
};

/* Public API */

/**
 * faulty_vfs_register:
 *
 * Registers the VFS as "faulty" (not as the default); idempotent.
 */
void
faulty_vfs_register (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert (real_vfs != NULL);

  faulty_vfs.szOsFile = (int) sizeof (FaultyFile) + real_vfs->szOsFile;
  faulty_vfs.mxPathname = real_vfs->mxPathname;

  g_assert_cmpint (sqlite3_vfs_register (&faulty_vfs, 0), ==, SQLITE_OK);
  faulty_vfs_disarm ();
}

/**
 * faulty_vfs_arm:
 * @fault: what to break
 * @nth: the call (from 1, counted from now) that fails
 * @persistent: whether every later call fails too
 *
 * Resets the counters and arms the fault.
 */
void
faulty_vfs_arm (FaultyVfsFault fault,
                guint          nth,
                gboolean       persistent)
{
  g_assert (real_vfs != NULL);

  state.fault = fault;
  state.nth = nth;
  state.persistent = persistent;
  state.n_writes = 0;
  state.n_syncs = 0;
  state.n_hits = 0;
  state.last_errno = 0;
}

/**
 * faulty_vfs_disarm:
 *
 * Lets every call through again; the counters keep their values.
 */
void
faulty_vfs_disarm (void)
{
  state.fault = FAULTY_VFS_FAULT_NONE;
  state.nth = 0;
  state.persistent = FALSE;
  state.last_errno = 0;
}

/* How many calls failed since faulty_vfs_arm() */
guint
faulty_vfs_get_n_hits (void)
{
  return state.n_hits;
}

/* How many xWrite calls were made since faulty_vfs_arm() */
guint
faulty_vfs_get_n_writes (void)
{
  return state.n_writes;
}

/* How many xSync calls were made since faulty_vfs_arm() */
guint
faulty_vfs_get_n_syncs (void)
{
  return state.n_syncs;
}

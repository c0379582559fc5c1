/* roadmap-sync-lock.c — the lock a sync round, and turning sync on or
 * off, hold: flock() on a file beside the database (the kernel lets go of
 * it when a process dies, killed or not), named after the database's
 * real path, so that two spellings of one path take one lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "roadmap-sync-lock.h"
#include "roadmap-sync-report.h"

/* How long it waits for another process's round to end */
#define LOCK_TIMEOUT_US (60 * G_USEC_PER_SEC)

/**
 * roadmap_sync_lock_take:
 * @db_path: the progress database
 * @cancellable: (nullable): ends the wait
 *
 * Waits for another process's round on @db_path to end, up to a minute.
 *
 * Returns: the lock, for roadmap_sync_lock_release(); -1 with @error set
 *   (%ROADMAP_SYNC_ERROR_BUSY when the wait was too long)
 */
int
roadmap_sync_lock_take (const char    *db_path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  char *real = realpath (db_path, NULL);
  g_autofree char *path = g_strconcat (real != NULL ? real : db_path, ".sync-lock", NULL);
  gint64 deadline = g_get_monotonic_time () + LOCK_TIMEOUT_US;
  int fd;

  free (real);
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_FAILED,
                   _("Cannot open %s: %s"), path, g_strerror (saved_errno));
      return -1;
    }

  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (errno != EWOULDBLOCK && errno != EINTR)
        {
          int saved_errno = errno;

          g_set_error (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_FAILED,
                       _("Cannot lock %s: %s"), path, g_strerror (saved_errno));
          close (fd);
          return -1;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return -1;
        }
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error_literal (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_BUSY,
                               _("Another sync of this progress database is still running; try again later"));
          close (fd);
          return -1;
        }
      g_usleep (50 * 1000);
    }
  return fd;
}

void
roadmap_sync_lock_release (int lock)
{
  if (lock >= 0)
    close (lock);
}

/* roadmap-file-reader.c
 *
 * Files the user names (roadmaps, progress files) may be anything: a
 * FIFO that never delivers, /dev/zero that never ends, a file that grows
 * while it is read. They are opened without blocking, only regular files
 * are read, and the reading stops at the size limit whatever stat() says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "roadmap-file-reader.h"

#define CHUNK_SIZE (64 * 1024)

static GBytes *
fail (GError     **error,
      GIOErrorEnum code,
      const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, code, message);
  return NULL;
}

static GBytes *
too_large (GError **error,
           gsize    max_size)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("the file is larger than %u MiB"), (guint) (max_size / (1024 * 1024)));
  return NULL;
}

/* A file in a GResource (the bundled roadmaps): ours, and small */
static GBytes *
read_resource (GFile   *file,
               gsize    max_size,
               GError **error)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);

  if (bytes != NULL && g_bytes_get_size (bytes) > max_size)
    return too_large (error, max_size);

  return g_steal_pointer (&bytes);
}

/**
 * roadmap_file_read:
 * @max_size: the most bytes the file may hold
 *
 * Reads all of @file, a regular file of at most @max_size bytes. Never
 * blocks on a pipe and never reads more than @max_size + 1 bytes.
 *
 * Returns: (transfer full): the contents, or %NULL with a G_IO_ERROR
 *   whose message says why in the user's words (%G_IO_ERROR_IS_DIRECTORY,
 *   %G_IO_ERROR_NOT_REGULAR_FILE, %G_IO_ERROR_MESSAGE_TOO_LARGE, or what
 *   the system said)
 */
GBytes *
roadmap_file_read (GFile    *file,
                   gsize     max_size,
                   GError  **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GByteArray) contents = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    return read_resource (file, max_size, error);

  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      int saved_errno = errno;

      return fail (error, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return fail (error, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
    }

  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      return fail (error, G_IO_ERROR_IS_DIRECTORY, _("it is a folder, not a file"));
    }

  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return fail (error, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("it is not a regular file (a device, a pipe or a socket)"));
    }

  if ((guint64) st.st_size > max_size)
    {
      close (fd);
      return too_large (error, max_size);
    }

  contents = g_byte_array_sized_new ((guint) MIN ((gsize) st.st_size, max_size) + 1);
  for (;;)
    {
      guint8 chunk[CHUNK_SIZE];
      ssize_t n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          return fail (error, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
        }
      if (n == 0)
        break;

      g_byte_array_append (contents, chunk, (guint) n);
      if (contents->len > max_size)
        {
          close (fd);
          return too_large (error, max_size);
        }
    }

  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}

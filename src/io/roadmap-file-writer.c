/* roadmap-file-writer.c
 *
 * A file is written to a new hidden file beside it (".NAME.XXXXXX.part"),
 * synced, and renamed over it only once every write succeeded: a failed
 * write (a full disk, a cancelled export, a killed process) leaves the old
 * file byte for byte and no part file behind.
 *
 *  - A symbolic link is followed to the file it leads to, which is the one
 *    replaced (the link stays); a loop of links is refused.
 *  - Devices and pipes (/dev/full, /dev/stdout on a pipe) cannot be renamed
 *    over: they are written in place, with the same checks; a pipe that
 *    nobody reads is refused rather than waited for. Disks are refused.
 *  - An existing file keeps its mode.
 *  - The part file is locked while it is written. A part file of the same
 *    name pattern that nobody holds is left from a process that died: the
 *    next writer of that file removes it. SIGTERM, SIGINT and SIGHUP
 *    remove the part files being written before the process ends.
 *
 * Errors are in G_IO_ERROR, with a message that says why in the user's
 * words ("the disk is full"); callers add which file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "roadmap-file-writer.h"

#define BUFFER_SIZE        (64 * 1024)
#define MAX_TEMP_ATTEMPTS  100
#define MAX_LINKS          40     /* as many as the kernel follows */
#define TEMP_SUFFIX        ".part"
#define TEMP_STEM_MAX      200    /* NAME_MAX is 255 bytes */
#define MAX_WRITERS        32     /* part files removed on a signal */

struct _RoadmapFileWriter
{
  GObject parent_instance;

  GOutputStream *stream;
  int fd;
  char *path;          /* the file replaced, links resolved */
  char *temp_path;     /* NULL when writing in place */
  guint slot;          /* in temp_paths[], while temp_path exists */
  gboolean done;
};

G_DEFINE_FINAL_TYPE (RoadmapFileWriter, roadmap_file_writer, G_TYPE_OBJECT)

/* Signals: the part files being written, removed before the process ends */

static char *temp_paths[MAX_WRITERS];
static struct sigaction previous_actions[3];
static const int cleanup_signals[3] = { SIGTERM, SIGINT, SIGHUP };

static void
on_fatal_signal (int signum)
{
  int saved_errno = errno;

  for (guint i = 0; i < MAX_WRITERS; i++)
    {
      const char *path = g_atomic_pointer_get (&temp_paths[i]);

      if (path != NULL)
        unlink (path);
    }

  /* Then whatever was to happen: the default (the process ends), or the
   * handler that was there before */
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    if (cleanup_signals[i] == signum)
      sigaction (signum, &previous_actions[i], NULL);
  raise (signum);
  errno = saved_errno;
}

static void
install_signal_handlers (void)
{
  static gsize installed = 0;

  if (!g_once_init_enter (&installed))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    {
      struct sigaction action = { .sa_handler = on_fatal_signal };

      sigemptyset (&action.sa_mask);
      if (sigaction (cleanup_signals[i], NULL, &previous_actions[i]) != 0)
        continue;
      /* An ignored signal (nohup) must not end an export */
      if (previous_actions[i].sa_handler == SIG_IGN)
        continue;
      sigaction (cleanup_signals[i], &action, NULL);
    }

  g_once_init_leave (&installed, 1);
}

static guint
register_temp_path (const char *path)
{
  char *copy = g_strdup (path);

  for (guint i = 0; i < MAX_WRITERS; i++)
    if (g_atomic_pointer_compare_and_exchange (&temp_paths[i], NULL, copy))
      return i;

  /* More writers at once than slots: this one is not removed on a signal,
   * but the next writer of its file sweeps it. */
  g_free (copy);
  return G_MAXUINT;
}

static void
unregister_temp_path (guint slot)
{
  if (slot < MAX_WRITERS)
    g_free (g_atomic_pointer_exchange (&temp_paths[slot], NULL));
}

/* Errors */

/* A G_IO_ERROR for @saved_errno, in the user's words; @name is the file or
 * the folder the error is about. */
static void
set_error (GError     **error,
           int          saved_errno,
           const char  *name)
{
  g_autofree char *display = g_filename_display_name (name);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, _("the disk is full"));
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      /* Translators: why a file could not be written; %s is a folder or a file */
      g_set_error (error, G_IO_ERROR, code, _("you have no permission to write to “%s”"), display);
      break;
    case ENOENT:
      g_set_error (error, G_IO_ERROR, code, _("the folder “%s” does not exist"), display);
      break;
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, code, _("“%s” is not a folder"), display);
      break;
    case EISDIR:
      g_set_error_literal (error, G_IO_ERROR, code, _("it is a folder; give the name of a file"));
      break;
    case ELOOP:
      g_set_error_literal (error, G_IO_ERROR, code, _("its symbolic links go round in a loop"));
      break;
    case ENXIO:
      g_set_error_literal (error, G_IO_ERROR, code, _("it is a pipe that nothing reads from"));
      break;
    default:
      g_set_error_literal (error, G_IO_ERROR, code, g_strerror (saved_errno));
      break;
    }
}

/* Helpers */

/* The file @path's symbolic links lead to (even one that does not exist
 * yet), or NULL with ELOOP in @error. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *resolved = g_canonicalize_filename (path, NULL);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = g_file_read_link (resolved, NULL);
      g_autofree char *folder = NULL;

      if (target == NULL)
        return g_steal_pointer (&resolved);

      folder = g_path_get_dirname (resolved);
      g_free (resolved);
      resolved = g_canonicalize_filename (target, folder);
    }

  set_error (error, ELOOP, path);
  return NULL;
}

/* Whether @name is a part file of ours for the file named @stem */
static gboolean
is_part_file_of (const char *name,
                 const char *stem)
{
  gsize stem_length = strlen (stem);
  const char *rest;

  if (name[0] != '.' || strncmp (name + 1, stem, stem_length) != 0 || name[1 + stem_length] != '.')
    return FALSE;

  rest = name + 2 + stem_length;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isxdigit (rest[i]))
      return FALSE;

  return strcmp (rest + 6, TEMP_SUFFIX) == 0;
}

/* Removes the part files beside the file named @stem in @folder that no
 * writer holds: left by a process that was killed. */
static void
sweep_part_files (const char *folder,
                  const char *stem)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_part_file_of (name, stem))
        continue;

      path = g_build_filename (folder, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
          flock (fd, LOCK_EX | LOCK_NB) == 0)
        unlink (path);
      close (fd);
    }
}

/* A new, locked part file beside @path, with @mode */
static int
create_part_file (const char  *path,
                  mode_t       mode,
                  gboolean     keep_mode,
                  char       **temp_path_out,
                  GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *stem = g_utf8_make_valid (basename, MIN (strlen (basename), TEMP_STEM_MAX));

  sweep_part_files (folder, stem);

  for (guint attempt = 0; attempt < MAX_TEMP_ATTEMPTS; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%06x" TEMP_SUFFIX, stem,
                                               (guint) g_random_int_range (0, 0xffffff));
      g_autofree char *temp_path = g_build_filename (folder, name, NULL);
      int fd = open (temp_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, mode);
      int saved_errno = errno;

      if (fd < 0 && saved_errno == EEXIST)
        continue;
      if (fd < 0)
        {
          set_error (error, saved_errno, saved_errno == EISDIR ? path : folder);
          return -1;
        }

      /* The umask does not apply to a mode kept from the old file */
      if (keep_mode)
        fchmod (fd, mode);
      flock (fd, LOCK_EX);
      *temp_path_out = g_steal_pointer (&temp_path);
      return fd;
    }

  set_error (error, EEXIST, folder);
  return -1;
}

/* @path is a device or a pipe, written in place */
static int
open_in_place (const char  *path,
               const struct stat *st,
               GError     **error)
{
  int fd;

  if (S_ISBLK (st->st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("it is a disk device"));
      return -1;
    }

  /* Non-blocking: a pipe nobody reads fails now (ENXIO) instead of
   * waiting for ever; then writes block as usual. */
  fd = open (path, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    {
      set_error (error, errno, path);
      return -1;
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

static void
close_stream (RoadmapFileWriter *self)
{
  if (self->stream != NULL && !g_output_stream_is_closed (self->stream))
    g_output_stream_close (self->stream, NULL, NULL);
}

static void
remove_part_file (RoadmapFileWriter *self)
{
  if (self->temp_path != NULL)
    {
      unlink (self->temp_path);
      unregister_temp_path (self->slot);
      g_clear_pointer (&self->temp_path, g_free);
    }
}

/* A write failed: the part file goes, and @cause reaches the caller in
 * the user's words (GIO says "Error writing to file descriptor: No space
 * left on device") */
static void
fail_writing (RoadmapFileWriter  *self,
              GError             *cause,
              GError            **error)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    {
      set_error (error, ENOSPC, self->path);
      g_error_free (cause);
    }
  else
    g_propagate_error (error, cause);
  roadmap_file_writer_abandon (self);
}

static void
roadmap_file_writer_finalize (GObject *object)
{
  RoadmapFileWriter *self = (RoadmapFileWriter *) object;

  roadmap_file_writer_abandon (self);
  g_clear_object (&self->stream);
  g_free (self->path);

  G_OBJECT_CLASS (roadmap_file_writer_parent_class)->finalize (object);
}

static void
roadmap_file_writer_class_init (RoadmapFileWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = roadmap_file_writer_finalize;
}

static void
roadmap_file_writer_init (RoadmapFileWriter *self)
{
  self->fd = -1;
  self->slot = G_MAXUINT;
}

/* Public API */

/**
 * roadmap_file_writer_new:
 * @file: the file to write (a local file)
 *
 * Starts writing @file: write to roadmap_file_writer_get_stream(), then
 * call roadmap_file_writer_finish(). Dropping the writer before that
 * leaves @file as it was.
 *
 * Returns: (transfer full): the writer, or %NULL with a G_IO_ERROR whose
 *   message says why (a folder of that name, a missing folder, no
 *   permission, a loop of links, a disk device, a pipe nobody reads)
 */
RoadmapFileWriter *
roadmap_file_writer_new (GFile                   *file,
                         RoadmapFileWriterFlags   flags,
                         GError                 **error)
{
  g_autoptr(RoadmapFileWriter) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *resolved = NULL;
  struct stat st;
  gboolean exists;
  mode_t mode;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("only files on this computer can be written"));
      return NULL;
    }

  install_signal_handlers ();
  self = g_object_new (ROADMAP_TYPE_FILE_WRITER, NULL);

  /* What is there now, through its links */
  exists = stat (path, &st) == 0;
  if (!exists && errno != ENOENT)
    {
      set_error (error, errno, path);
      return NULL;
    }

  if (exists && S_ISDIR (st.st_mode))
    {
      set_error (error, EISDIR, path);
      return NULL;
    }

  if (exists && !S_ISREG (st.st_mode))
    {
      self->fd = open_in_place (path, &st, error);
      if (self->fd < 0)
        return NULL;
      self->path = g_steal_pointer (&path);
    }
  else
    {
      resolved = resolve_links (path, error);
      if (resolved == NULL)
        return NULL;

      if (!exists)
        {
          g_autofree char *folder = g_path_get_dirname (resolved);
          struct stat folder_st;

          if (stat (folder, &folder_st) != 0)
            {
              set_error (error, errno == ENOTDIR ? ENOTDIR : errno, folder);
              return NULL;
            }
          if (!S_ISDIR (folder_st.st_mode))
            {
              set_error (error, ENOTDIR, folder);
              return NULL;
            }
        }

      mode = exists ? (st.st_mode & 07777)
                    : (flags & ROADMAP_FILE_WRITER_PRIVATE) ? 0600 : 0666;
      self->fd = create_part_file (resolved, mode, exists, &self->temp_path, error);
      if (self->fd < 0)
        return NULL;
      self->slot = register_temp_path (self->temp_path);
      self->path = g_steal_pointer (&resolved);
    }

  {
    g_autoptr(GOutputStream) base = g_unix_output_stream_new (self->fd, FALSE);

    self->stream = g_buffered_output_stream_new_sized (base, BUFFER_SIZE);
  }

  return g_steal_pointer (&self);
}

/**
 * roadmap_file_writer_get_stream:
 *
 * Returns: (transfer none): where the contents go (buffered); do not
 *   close it, roadmap_file_writer_finish() does
 */
GOutputStream *
roadmap_file_writer_get_stream (RoadmapFileWriter *self)
{
  g_return_val_if_fail (ROADMAP_IS_FILE_WRITER (self), NULL);
  return self->stream;
}

/**
 * roadmap_file_writer_finish:
 *
 * Flushes, syncs and closes what was written, then puts it in place of
 * the file. On failure the file is as it was and the part file is gone.
 *
 * Returns: whether the file now holds what was written
 */
gboolean
roadmap_file_writer_finish (RoadmapFileWriter  *self,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ROADMAP_IS_FILE_WRITER (self), FALSE);
  g_return_val_if_fail (!self->done, FALSE);

  if (!g_output_stream_close (self->stream, cancellable, &local_error))
    {
      fail_writing (self, g_steal_pointer (&local_error), error);
      return FALSE;
    }

  if (self->temp_path != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (self->path);
      int folder_fd;

      if (fsync (self->fd) != 0 || rename (self->temp_path, self->path) != 0)
        {
          set_error (error, errno, errno == EISDIR ? self->path : folder);
          roadmap_file_writer_abandon (self);
          return FALSE;
        }
      unregister_temp_path (self->slot);
      g_clear_pointer (&self->temp_path, g_free);

      /* The rename itself on disk */
      folder_fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (folder_fd >= 0)
        {
          fsync (folder_fd);
          close (folder_fd);
        }
    }

  self->done = TRUE;
  if (close (self->fd) != 0 && errno != EINTR)
    {
      self->fd = -1;
      set_error (error, errno, self->path);
      return FALSE;
    }
  self->fd = -1;
  return TRUE;
}

/**
 * roadmap_file_writer_abandon:
 *
 * Stops writing: the file is left as it was. Safe to call more than once
 * and after roadmap_file_writer_finish().
 */
void
roadmap_file_writer_abandon (RoadmapFileWriter *self)
{
  g_return_if_fail (ROADMAP_IS_FILE_WRITER (self));

  if (self->done)
    return;

  self->done = TRUE;
  close_stream (self);
  remove_part_file (self);
  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
}

/**
 * roadmap_file_write_contents:
 *
 * Writes @contents to @file with a #RoadmapFileWriter.
 *
 * Returns: whether @file now holds @contents; on failure it is as it was
 */
gboolean
roadmap_file_write_contents (GFile                   *file,
                             const char              *contents,
                             gsize                    length,
                             RoadmapFileWriterFlags   flags,
                             GError                 **error)
{
  g_autoptr(RoadmapFileWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  writer = roadmap_file_writer_new (file, flags, error);
  if (writer == NULL)
    return FALSE;

  if (!g_output_stream_write_all (writer->stream, contents, length, NULL, NULL, &local_error))
    {
      fail_writing (writer, g_steal_pointer (&local_error), error);
      return FALSE;
    }

  return roadmap_file_writer_finish (writer, NULL, error);
}

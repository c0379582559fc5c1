/* test-file-io.c — the file writer and the bounded reader against real
 * files, links, devices, pipes, a full disk and a killed process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "roadmap-file-reader.h"
#include "roadmap-file-writer.h"
#include "store-test-util.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("roadmap-io-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in the fixture's folder, sorted, joined by spaces */
static char *
list_folder (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static gboolean
write_text (const char              *path,
            const char              *text,
            RoadmapFileWriterFlags   flags,
            GError                 **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return roadmap_file_write_contents (file, text, strlen (text), flags, error);
}

static void
assert_text (const char *path,
             const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static mode_t
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* A new file has the usual mode, or the owner's only when private; an
 * existing file keeps its own. */
static void
test_modes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *plain = path_in (fixture, "plain.pdf");
  g_autofree char *private = path_in (fixture, "private.json");
  g_autoptr(GError) error = NULL;
  mode_t umask_now = umask (022);

  g_assert_true (write_text (plain, "one", ROADMAP_FILE_WRITER_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (plain), ==, 0644);
  g_assert_true (write_text (private, "one", ROADMAP_FILE_WRITER_PRIVATE, &error));
  g_assert_cmpint (mode_of (private), ==, 0600);

  g_assert_cmpint (g_chmod (plain, 0600), ==, 0);
  g_assert_cmpint (g_chmod (private, 0640), ==, 0);
  g_assert_true (write_text (plain, "two", ROADMAP_FILE_WRITER_NONE, &error));
  g_assert_true (write_text (private, "two", ROADMAP_FILE_WRITER_PRIVATE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (plain), ==, 0600);
  g_assert_cmpint (mode_of (private), ==, 0640);
  assert_text (plain, "two");

  umask (umask_now);
}

/* A link is followed: the file it leads to is replaced, the link stays;
 * a loop of links is refused and nothing is written. */
static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *target = path_in (fixture, "target.pdf");
  g_autofree char *link = path_in (fixture, "link.pdf");
  g_autofree char *dangling = path_in (fixture, "dangling.pdf");
  g_autofree char *loop_a = path_in (fixture, "loop-a.pdf");
  g_autofree char *loop_b = path_in (fixture, "loop-b.pdf");
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("target.pdf", link), ==, 0);
  g_assert_true (write_text (link, "new", ROADMAP_FILE_WRITER_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_text (target, "new");

  /* To a file that does not exist yet: created where the link leads */
  g_assert_cmpint (symlink ("created.pdf", dangling), ==, 0);
  g_assert_true (write_text (dangling, "made", ROADMAP_FILE_WRITER_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  {
    g_autofree char *created = path_in (fixture, "created.pdf");

    assert_text (created, "made");
  }

  g_assert_cmpint (symlink ("loop-b.pdf", loop_a), ==, 0);
  g_assert_cmpint (symlink ("loop-a.pdf", loop_b), ==, 0);
  g_assert_false (write_text (loop_a, "x", ROADMAP_FILE_WRITER_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_assert_true (g_file_test (loop_a, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (loop_b, G_FILE_TEST_IS_SYMLINK));

  folder = list_folder (fixture);
  g_assert_cmpstr (folder, ==, "created.pdf dangling.pdf link.pdf loop-a.pdf loop-b.pdf target.pdf");
}

/* What is not a place for a file is refused with the reason. */
static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *missing = path_in (fixture, "no/such/folder/file.pdf");
  g_autofree char *not_folder = path_in (fixture, "file/inside.pdf");
  g_autofree char *file = path_in (fixture, "file");
  g_autoptr(GError) error = NULL;

  g_assert_false (write_text (fixture->dir, "x", ROADMAP_FILE_WRITER_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_false (write_text (missing, "x", ROADMAP_FILE_WRITER_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (file, "", -1, NULL));
  g_assert_false (write_text (not_folder, "x", ROADMAP_FILE_WRITER_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);

  /* A full device: written in place, and the error says so */
  g_assert_false (write_text ("/dev/full", "x", ROADMAP_FILE_WRITER_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (error->message, ==, "the disk is full");
}

/* A pipe is written in place; a pipe nobody reads is refused at once. */
static void
test_pipe (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *fifo = path_in (fixture, "fifo.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  int reader;
  char buffer[16] = "";

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (write_text (fifo, "x", ROADMAP_FILE_WRITER_NONE, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, "it is a pipe that nothing reads from");
  g_clear_error (&error);

  reader = open (fifo, O_RDONLY | O_NONBLOCK);
  g_assert_cmpint (reader, >=, 0);
  g_assert_true (write_text (fifo, "through", ROADMAP_FILE_WRITER_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (reader, buffer, sizeof buffer - 1), ==, 7);
  g_assert_cmpstr (buffer, ==, "through");
  close (reader);

  /* Still a pipe, and nothing else beside it */
  folder = list_folder (fixture);
  g_assert_cmpstr (folder, ==, "fifo.pdf");
}

/* A part file that nobody holds is swept by the next writer of that file;
 * one being written (locked) and other names are left alone. */
static void
test_sweep (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *target = path_in (fixture, "report.pdf");
  g_autofree char *stale = path_in (fixture, ".report.pdf.0a1b2c.part");
  g_autofree char *held = path_in (fixture, ".report.pdf.ffffff.part");
  g_autofree char *other = path_in (fixture, ".other.pdf.0a1b2c.part");
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  g_assert_true (g_file_set_contents (stale, "stale", -1, NULL));
  g_assert_true (g_file_set_contents (held, "held", -1, NULL));
  g_assert_true (g_file_set_contents (other, "other", -1, NULL));
  fd = open (held, O_RDONLY);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  g_assert_true (write_text (target, "new", ROADMAP_FILE_WRITER_NONE, &error));
  g_assert_no_error (error);
  close (fd);

  folder = list_folder (fixture);
  g_assert_cmpstr (folder, ==, ".other.pdf.0a1b2c.part .report.pdf.ffffff.part report.pdf");
}

/* A writer dropped before it finished, or killed by a signal, leaves the
 * old file and no part file. */
static void
test_abandon_and_signals (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *target = path_in (fixture, "report.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (target);
  int signals[] = { SIGTERM, SIGINT, SIGHUP };

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));

  {
    g_autoptr(RoadmapFileWriter) writer = roadmap_file_writer_new (file, ROADMAP_FILE_WRITER_NONE, NULL);

    g_assert_nonnull (writer);
    g_assert_true (g_output_stream_write_all (roadmap_file_writer_get_stream (writer), "half", 4,
                                              NULL, NULL, NULL));
  }
  assert_text (target, "old");

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_autofree char *folder = NULL;
      int ready[2];
      int status;
      pid_t child;
      char byte;

      g_assert_cmpint (pipe (ready), ==, 0);
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          RoadmapFileWriter *writer = roadmap_file_writer_new (file, ROADMAP_FILE_WRITER_NONE, NULL);
          char chunk[4096] = { 0 };

          for (guint n = 0; writer != NULL && n < 64; n++)
            g_output_stream_write_all (roadmap_file_writer_get_stream (writer), chunk, sizeof chunk,
                                       NULL, NULL, NULL);
          g_output_stream_flush (roadmap_file_writer_get_stream (writer), NULL, NULL);
          write (ready[1], "r", 1);
          pause ();
          _exit (0);
        }

      close (ready[1]);
      g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
      close (ready[0]);
      kill (child, signals[i]);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, signals[i]);

      folder = list_folder (fixture);
      g_assert_cmpstr (folder, ==, "report.pdf");
      assert_text (target, "old");
    }
}

/* A full disk: the old file stays byte for byte, a new one is not made,
 * and no part file is left. Needs a small tmpfs: root in a mount
 * namespace of its own, skipped otherwise. */
static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *target = path_in (fixture, "backup.json");
  g_autofree char *fresh = path_in (fixture, "fresh.json");
  g_autofree char *filler = path_in (fixture, "filler");
  g_autofree char *big = g_strnfill (256 * 1024, 'x');
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  if (unshare (CLONE_NEWNS) != 0 ||
      mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tmpfs", fixture->dir, "tmpfs", 0, "size=128k") != 0)
    {
      g_test_skip ("no tmpfs can be mounted here (needs root)");
      return;
    }

  g_assert_true (write_text (target, "good backup", ROADMAP_FILE_WRITER_PRIVATE, &error));
  g_assert_no_error (error);

  /* Fill what is left */
  fd = open (filler, O_WRONLY | O_CREAT, 0600);
  while (write (fd, big, 4096) > 0)
    ;
  close (fd);

  g_assert_false (write_text (target, big, ROADMAP_FILE_WRITER_PRIVATE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (error->message, ==, "the disk is full");
  g_clear_error (&error);
  assert_text (target, "good backup");

  g_assert_false (write_text (fresh, big, ROADMAP_FILE_WRITER_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);

  folder = list_folder (fixture);
  g_assert_cmpstr (folder, ==, "backup.json filler");
  g_assert_cmpint (umount (fixture->dir), ==, 0);
}

/* The reader takes regular files only, and stops at the limit whatever
 * the file says its size is. */
static void
test_reader (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *fifo = path_in (fixture, "fifo.json");
  g_autofree char *zero_link = path_in (fixture, "zero.json");
  g_autofree char *small = path_in (fixture, "small.json");
  g_autofree char *large = path_in (fixture, "large.json");
  g_autofree char *large_text = g_strnfill (2048, ' ');
  struct {
    const char *path;
    int code;
  } refused[] = {
    { "/dev/zero", G_IO_ERROR_NOT_REGULAR_FILE },
    { zero_link, G_IO_ERROR_NOT_REGULAR_FILE },
    { fifo, G_IO_ERROR_NOT_REGULAR_FILE },
    { fixture->dir, G_IO_ERROR_IS_DIRECTORY },
    { large, G_IO_ERROR_MESSAGE_TOO_LARGE },
    { "/no/such/file.json", G_IO_ERROR_NOT_FOUND },
  };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) small_file = g_file_new_for_path (small);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero_link), ==, 0);
  g_assert_true (g_file_set_contents (small, "{}", -1, NULL));
  g_assert_true (g_file_set_contents (large, large_text, -1, NULL));

  bytes = roadmap_file_read (small_file, 1024, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "{}", 2);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (refused[i].path);
      g_autoptr(GBytes) none = NULL;

      none = roadmap_file_read (file, 1024, &error);
      g_assert_null (none);
      g_assert_error (error, G_IO_ERROR, refused[i].code);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/io/writer/modes", test_modes);
  ADD ("/io/writer/links", test_links);
  ADD ("/io/writer/refusals", test_refusals);
  ADD ("/io/writer/pipe", test_pipe);
  ADD ("/io/writer/sweep", test_sweep);
  ADD ("/io/writer/abandon-and-signals", test_abandon_and_signals);
  ADD ("/io/writer/full-disk", test_full_disk);
  ADD ("/io/reader", test_reader);

#undef ADD

  return g_test_run ();
}

/* test-tracks-crash.c — killing a process that imports, replaces and
 * removes the learner's own roadmaps leaves the roadmap folder valid
 *
 * A child process (this binary, run as `test-tracks-crash --crash-child
 * DB FROM`) changes the user's roadmap folder through a session, forever,
 * from change FROM on: change N adds or replaces one of three tracks
 * (titled "Round N"), or removes it, picked deterministically from N.
 * After each change is acknowledged (the session returned TRUE) the child
 * reports N on a pipe.
 *
 * The parent kills the child with SIGKILL after a random few
 * milliseconds, then checks the folder: every roadmap file in it loads,
 * and the folder holds what the changes up to the last acknowledged one
 * leave, or one more (whose acknowledgement the kill cut off); the
 * database passes integrity_check. The next child goes on from there,
 * through a session that loads the folder as it was left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "roadmap-loader.h"
#include "roadmap-session.h"
#include "store-test-util.h"

#define N_ROUNDS          30
#define N_ROUNDS_THOROUGH 300
#define N_TRACKS          3

/* Change @seq: which track, and whether it is removed (each track is
 * written three times, then removed, then written again…) */
static void
choose_change (guint64   seq,
               guint    *track,
               gboolean *remove)
{
  *track = seq % N_TRACKS;
  *remove = (seq / N_TRACKS) % 4 == 3;
}

static char *
track_id (guint track)
{
  return g_strdup_printf ("crash-%u", track);
}

static char *
roadmap_text (guint   track,
              guint64 seq)
{
  return g_strdup_printf ("{ \"format\": 1, \"id\": \"crash-%u\", \"title\": \"Round %" G_GUINT64_FORMAT "\","
                          " \"phases\": [ { \"id\": \"p\", \"title\": \"P\", \"skills\":"
                          " [ { \"id\": \"s\", \"title\": \"S\" } ] } ] }\n",
                          track, seq);
}

/* The title each track has after changes [0, @n), NULL when it is not
 * there */
static void
expected_titles (guint64 n,
                 char   *titles[N_TRACKS])
{
  for (guint t = 0; t < N_TRACKS; t++)
    g_clear_pointer (&titles[t], g_free);
  for (guint64 seq = 0; seq < n; seq++)
    {
      guint track;
      gboolean remove;

      choose_change (seq, &track, &remove);
      g_clear_pointer (&titles[track], g_free);
      if (!remove)
        titles[track] = g_strdup_printf ("Round %" G_GUINT64_FORMAT, seq);
    }
}

/* Every roadmap file of @dir loads; the title of each track found */
static void
stored_titles (const char *dir,
               char       *titles[N_TRACKS])
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) files = roadmap_loader_list_directory (folder, NULL);

  for (guint t = 0; t < N_TRACKS; t++)
    g_clear_pointer (&titles[t], g_free);
  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RoadmapTrack) track = roadmap_loader_load_file (g_ptr_array_index (files, i), &error);
      guint t;

      if (track == NULL)
        g_error ("a roadmap file of the folder does not load after a kill: %s", error->message);
      g_assert_true (sscanf (roadmap_track_get_id (track), "crash-%u", &t) == 1 && t < N_TRACKS);
      g_assert_null (titles[t]);
      titles[t] = g_strdup (roadmap_track_get_title (track));
    }
}

static gboolean
same_titles (char *a[N_TRACKS],
             char *b[N_TRACKS])
{
  for (guint t = 0; t < N_TRACKS; t++)
    if (g_strcmp0 (a[t], b[t]) != 0)
      return FALSE;
  return TRUE;
}

/* The child */

static int
crash_child (const char *db_path,
             guint64     from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapSession) session = roadmap_session_new (db_path, NULL);
  int report_fd;

  /* Reports go to the pipe alone; anything else printed goes to stderr */
  report_fd = dup (STDOUT_FILENO);
  dup2 (STDERR_FILENO, STDOUT_FILENO);

  if (!roadmap_session_load_roadmaps (session, &error) || !roadmap_session_open_store (session, &error))
    {
      fprintf (stderr, "crash-child: %s\n", error->message);
      return 1;
    }
  if (roadmap_catalog_get_load_errors (roadmap_session_get_catalog (session))->len > 0)
    {
      const GError *load_error = g_ptr_array_index (roadmap_catalog_get_load_errors (roadmap_session_get_catalog (session)), 0);

      fprintf (stderr, "crash-child: the folder left by the last kill: %s\n", load_error->message);
      return 1;
    }
  store_test_report (report_fd, "ready\n");

  for (guint64 seq = from;; seq++)
    {
      g_autofree char *ack = NULL;
      g_autofree char *id = NULL;
      gboolean remove, ok;
      guint track;

      choose_change (seq, &track, &remove);
      id = track_id (track);
      if (remove)
        {
          ok = roadmap_session_remove_track (session,
                                             roadmap_catalog_find_track (roadmap_session_get_catalog (session), id),
                                             &error);
        }
      else
        {
          g_autofree char *text = roadmap_text (track, seq);
          g_autoptr(GBytes) contents = g_bytes_new (text, strlen (text));

          ok = roadmap_session_add_roadmap (session, contents, "crash.json", TRUE, NULL, &error);
        }
      if (!ok)
        {
          fprintf (stderr, "crash-child: change %" G_GUINT64_FORMAT ": %s\n", seq, error->message);
          return 1;
        }

      ack = g_strdup_printf ("ack %" G_GUINT64_FORMAT "\n", seq);
      store_test_report (report_fd, ack);
    }
}

/* The parent */

static void
test_crash_loop (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "progress.db", NULL);
  g_autofree char *self = store_test_self_path ();
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), APP_ID, "roadmaps", NULL);
  guint n_rounds = g_test_thorough () ? N_ROUNDS_THOROUGH : N_ROUNDS;
  char *stored[N_TRACKS] = { NULL }, *acknowledged[N_TRACKS] = { NULL }, *one_more[N_TRACKS] = { NULL };
  guint64 durable = 0;
  guint n_unacknowledged = 0;

  /* GLib isolates this process's folders, not its children's */
  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);

  for (guint round = 0; round < n_rounds; round++)
    {
      g_autofree char *from = g_strdup_printf ("%" G_GUINT64_FORMAT, durable);
      const char *argv[] = { self, "--crash-child", db_path, from, NULL };
      guint64 last = durable;
      char *line;
      GPid pid;
      int fd, status;

      pid = store_test_spawn (argv, &fd);
      line = store_test_read_line (fd, 30000);
      g_assert_cmpstr (line, ==, "ready");
      g_free (line);
      g_usleep (g_test_rand_int_range (1, 41) * 1000 * store_test_time_factor ());

      status = store_test_kill_and_wait (pid);
      if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        g_error ("round %u: the child ended on its own (wait status %d); see its messages above", round, status);

      /* Acknowledged in sequence, from where the last round left off */
      while ((line = store_test_read_line (fd, 5000)) != NULL)
        {
          guint64 value;

          g_assert_true (g_str_has_prefix (line, "ack "));
          g_assert_true (g_ascii_string_to_unsigned (line + 4, 10, 0, G_MAXUINT64, &value, NULL));
          g_assert_cmpuint (value, ==, last);
          last++;
          g_free (line);
        }
      close (fd);

      store_test_assert_integrity (db_path);
      stored_titles (folder, stored);
      expected_titles (last, acknowledged);
      expected_titles (last + 1, one_more);

      if (same_titles (stored, acknowledged))
        durable = last;
      else if (same_titles (stored, one_more))
        {
          durable = last + 1;
          n_unacknowledged++;
        }
      else
        g_error ("round %u: the folder holds neither what the %" G_GUINT64_FORMAT
                 " acknowledged changes leave nor one more", round, last);
    }

  g_test_message ("%u rounds: %" G_GUINT64_FORMAT " changes durable, %u rounds with an unacknowledged change",
                  n_rounds, durable, n_unacknowledged);
  g_assert_cmpuint (durable, >, 0);

  for (guint t = 0; t < N_TRACKS; t++)
    {
      g_free (stored[t]);
      g_free (acknowledged[t]);
      g_free (one_more[t]);
    }
  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && strcmp (argv[1], "--crash-child") == 0)
    return crash_child (argv[2], g_ascii_strtoull (argv[3], NULL, 10));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tracks/crash/kill-loop", test_crash_loop);

  return g_test_run ();
}

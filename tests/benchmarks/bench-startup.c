/* bench-startup.c — how long until the window's first frame, and how
 * much memory at the peak, for Roadmap against a bare libadwaita window
 *
 * Three cases, run side by side in interleaved rounds (the order rotates
 * each round, after one round that is not counted):
 *  - the bare window (bench-bare-window.c), the floor;
 *  - Roadmap with its bundled roadmaps and a progress database;
 *  - Roadmap with a 10,000-skill catalog (20 files of 500 skills) in
 *    --roadmap-dir, every skill with a row in the database;
 *  - where the sync module is built, Roadmap with the bundled roadmaps
 *    with sync off and with sync on, both on a session bus with its own
 *    Evolution Data Server, whose task list is on a Radicale on
 *    loopback (sync-test-util.c): the first frame must not wait for sync,
 *    which starts after it.
 *
 * The time is from just before the process is started to the end of its
 * window's first paint, which each program prints on stdout when
 * ROADMAP_BENCH_FIRST_FRAME is set (both clocks are CLOCK_MONOTONIC). The
 * peak RSS is the process's VmHWM one second after that frame. Each run
 * gets empty XDG folders and in-memory settings, so no run sees what an
 * earlier one left, and the cairo renderer without accessibility bus, as
 * a display with no GPU has.
 *
 *   bench-startup ROADMAP BARE-WINDOW     needs a display: build-aux/dev
 *                                         bench runs it in Xvfb
 *   BENCH_REPEATS=N                       rounds counted (default 11)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bench-catalog.h"
#if BENCH_SYNC
#include "sync-test-util.h"
#endif

#define DEFAULT_REPEATS  11
#define N_TRACKS         20
#define N_PHASES         5
#define N_SKILLS         10000   /* a multiple of N_TRACKS */
#define SETTLE_MS        1000
#define FIRST_FRAME_WAIT (60 * G_USEC_PER_SEC)

typedef struct
{
  const char *label;
  GStrv argv;
  const char *bus_address;  /* (nullable): the session bus it runs on */
  GArray *frame_ms;
  GArray *peak_mb;
} Case;

/* Setting up */

static void
run_or_die (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status,
                     &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s %s", argv[0], error->message, err != NULL ? err : "");
}

/* A progress file (the format --import-progress reads) with a row for
 * every skill of the synthetic catalog. */
static char *
catalog_progress_json (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  static const char * const statuses[] = { "todo", "doing", "done" };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "roadmap-progress");
  json_builder_set_member_name (builder, "skills");
  json_builder_begin_array (builder);

  for (guint t = 0; t < N_TRACKS; t++)
    {
      g_autofree char *track_id = bench_catalog_track_id (t);
      guint in_track = N_SKILLS / N_TRACKS;

      for (guint s = 0; s < in_track; s++)
        {
          g_autofree char *skill_id = bench_catalog_skill_id (s);
          guint status, position;

          bench_catalog_skill_progress (s, in_track, N_PHASES, &status, &position);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "track");
          json_builder_add_string_value (builder, track_id);
          json_builder_set_member_name (builder, "skill");
          json_builder_add_string_value (builder, skill_id);
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, statuses[status]);
          json_builder_set_member_name (builder, "position");
          json_builder_add_int_value (builder, position);
          json_builder_end_object (builder);
        }
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) listing = g_dir_open (path, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* One run */

typedef struct
{
  GMainLoop *loop;
  char *line;
  gboolean timed_out;
} Wait;

static void
on_line_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result,
                                                          NULL, NULL);
  g_main_loop_quit (wait->loop);
}

static gboolean
on_wait_over (gpointer user_data)
{
  Wait *wait = user_data;

  wait->timed_out = TRUE;
  g_main_loop_quit (wait->loop);
  return G_SOURCE_REMOVE;
}

/* The next line the process prints; NULL at its end, or after @timeout_us */
static char *
read_line (GDataInputStream *stream,
           gint64            timeout_us)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Wait wait = { loop, NULL, FALSE };
  guint timeout = g_timeout_add (timeout_us / 1000, on_wait_over, &wait);

  g_data_input_stream_read_line_async (stream, G_PRIORITY_DEFAULT, cancellable, on_line_read, &wait);
  g_main_loop_run (loop);

  if (wait.timed_out)
    {
      /* Let the cancelled read finish before @wait goes away */
      g_cancellable_cancel (cancellable);
      g_main_loop_run (loop);
      g_clear_pointer (&wait.line, g_free);
    }
  else
    g_source_remove (timeout);

  return wait.line;
}

static double
peak_rss_mb (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    g_error ("%s: no VmHWM", path);

  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

static void
settle (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add_once (SETTLE_MS, (GSourceOnceFunc) g_main_loop_quit, loop);
  g_main_loop_run (loop);
}

static void
run_case (Case     *run,
          gboolean  record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *home = g_dir_make_tmp ("roadmap-bench-home-XXXXXX", &error);
  g_autofree char *line = NULL;
  static const char * const folders[][2] = {
    { "XDG_CONFIG_HOME", "config" }, { "XDG_DATA_HOME", "data" },
    { "XDG_CACHE_HOME", "cache" }, { "XDG_STATE_HOME", "state" },
  };
  gint64 start, frame;

  if (home == NULL)
    g_error ("%s", error->message);

  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (home, folders[i][1], NULL);

      g_mkdir (folder, 0700);
      g_subprocess_launcher_setenv (launcher, folders[i][0], folder, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  /* What a software-rendered Xvfb run can compare: the cairo renderer,
   * no accessibility bus */
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  g_subprocess_launcher_setenv (launcher, "NO_AT_BRIDGE", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "ROADMAP_BENCH_FIRST_FRAME", "1", TRUE);
  if (run->bus_address != NULL)
    g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", run->bus_address, TRUE);

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) run->argv, &error);
  if (process == NULL)
    g_error ("%s: %s", run->argv[0], error->message);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = read_line (output, FIRST_FRAME_WAIT)) != NULL &&
         !g_str_has_prefix (line, "first-frame "))
    g_clear_pointer (&line, g_free);
  if (line == NULL)
    g_error ("%s: no first frame within %d s", run->label, (int) (FIRST_FRAME_WAIT / G_USEC_PER_SEC));
  frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);

  settle ();

  if (record)
    {
      double frame_ms = (frame - start) / 1000.0;
      double peak_mb = peak_rss_mb (g_subprocess_get_identifier (process));

      g_array_append_val (run->frame_ms, frame_ms);
      g_array_append_val (run->peak_mb, peak_mb);
    }

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);

  remove_tree (home);
}

/* Figures */

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *small_db = NULL;
  g_autofree char *large_db = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *progress_json = NULL;
  const char *env = g_getenv ("BENCH_REPEATS");
  guint repeats = env != NULL && atoi (env) > 0 ? (guint) atoi (env) : DEFAULT_REPEATS;
  Case cases[5] = { { 0 } };
  guint n_cases = 3;
#if BENCH_SYNC
  g_autofree char *missing = sync_test_missing ();
  SyncServer *server = NULL;
  SyncMachine *off = NULL, *on = NULL;
#endif

  if (argc != 3)
    {
      g_printerr ("usage: %s ROADMAP BARE-WINDOW\n", argv[0]);
      return 1;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("%s: needs a display; build-aux/dev bench runs it in Xvfb\n", argv[0]);
      return 1;
    }

  dir = g_dir_make_tmp ("roadmap-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  catalog = g_build_filename (dir, "roadmaps", NULL);
  small_db = g_build_filename (dir, "bundled.db", NULL);
  large_db = g_build_filename (dir, "large.db", NULL);
  progress = g_build_filename (dir, "progress.json", NULL);
  g_mkdir (catalog, 0700);

  /* The bundled roadmaps with a few cards moved; the large catalog with
   * a row for every skill, imported in one transaction. */
  run_or_die ((const char *[]) { argv[1], "--db", small_db,
                                 "--set-status", "backend-developer/python-sql=done",
                                 "--set-status", "backend-developer/database-design=doing",
                                 "--set-status", "data-engineer/python-sql=doing", NULL });
  if (!bench_catalog_write_dir (catalog, N_TRACKS, N_PHASES, N_SKILLS, &error))
    g_error ("%s", error->message);
  progress_json = catalog_progress_json ();
  if (!g_file_set_contents (progress, progress_json, -1, &error))
    g_error ("%s", error->message);
  run_or_die ((const char *[]) { argv[1], "--db", large_db, "--roadmap-dir", catalog,
                                 "--import-progress", progress, NULL });

  cases[0] = (Case) { "bare libadwaita window", g_strdupv ((char *[]) { argv[2], NULL }) };
  cases[1] = (Case) { "Roadmap, bundled roadmaps",
                      g_strdupv ((char *[]) { argv[1], "--db", small_db, NULL }) };
  cases[2] = (Case) { "Roadmap, 10,000 skills",
                      g_strdupv ((char *[]) { argv[1], "--db", large_db, "--roadmap-dir", catalog, NULL }) };
#if BENCH_SYNC
  /* The same database on two machines with their own EDS: one with sync
   * off, one with sync on and in step with the server */
  if (missing == NULL)
    {
      g_autofree char *list = NULL;
      const char * const moves[] = {
        "--set-status", "backend-developer/python-sql=done",
        "--set-status", "backend-developer/database-design=doing",
        "--set-status", "data-engineer/python-sql=doing", NULL,
      };

      server = sync_server_start (dir);
      list = sync_server_make_list (server);
      off = sync_machine_new (dir, "off", server, list);
      on = sync_machine_new (dir, "on", server, list);
      if (sync_machine_runv (off, moves, NULL, NULL) != 0 || sync_machine_runv (on, moves, NULL, NULL) != 0 ||
          sync_machine_run (on, NULL, NULL, "--sync-to", SYNC_TEST_SOURCE_UID, NULL) != 0)
        g_error ("The two databases cannot be made");
      sync_machine_sync_ok (on);
      cases[3] = (Case) { "Roadmap, sync off",
                          g_strdupv ((char *[]) { argv[1], "--db", (char *) sync_machine_get_db_path (off), NULL }),
                          g_environ_getenv (sync_machine_get_envp (off), "DBUS_SESSION_BUS_ADDRESS") };
      cases[4] = (Case) { "Roadmap, sync on",
                          g_strdupv ((char *[]) { argv[1], "--db", (char *) sync_machine_get_db_path (on), NULL }),
                          g_environ_getenv (sync_machine_get_envp (on), "DBUS_SESSION_BUS_ADDRESS") };
      n_cases = 5;
    }
  else
    g_print ("bench-startup: no sync cases (%s)\n", missing);
#endif
  for (guint c = 0; c < n_cases; c++)
    {
      cases[c].frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
      cases[c].peak_mb = g_array_new (FALSE, FALSE, sizeof (double));
    }

  g_print ("bench-startup: %u rounds (one more not counted), the order rotating each round\n", repeats);
  for (guint r = 0; r <= repeats; r++)
    for (guint c = 0; c < n_cases; c++)
      run_case (&cases[(r + c) % n_cases], r > 0);

  g_print ("\n%-28s %-26s %-26s\n", "", "first frame, median (ms)", "peak RSS, median (MB)");
  for (guint c = 0; c < n_cases; c++)
    {
      double frame = median (cases[c].frame_ms);
      double peak = median (cases[c].peak_mb);
      g_autofree char *frame_text = g_strdup_printf ("%.0f (%.2fx)", frame, frame / median (cases[0].frame_ms));
      g_autofree char *peak_text = g_strdup_printf ("%.1f (%.2fx)", peak, peak / median (cases[0].peak_mb));

      g_print ("%-28s %-26s %-26s\n", cases[c].label, frame_text, peak_text);
    }
  if (n_cases == 5)
    g_print ("\nsync on against sync off: first frame %.2fx, peak RSS %.2fx\n",
             median (cases[4].frame_ms) / median (cases[3].frame_ms),
             median (cases[4].peak_mb) / median (cases[3].peak_mb));

  for (guint c = 0; c < n_cases; c++)
    {
      g_strfreev (cases[c].argv);
      g_array_unref (cases[c].frame_ms);
      g_array_unref (cases[c].peak_mb);
    }
#if BENCH_SYNC
  if (on != NULL)
    {
      sync_machine_free (on);
      sync_machine_free (off);
      sync_server_free (server);
    }
#endif
  remove_tree (dir);
  return 0;
}

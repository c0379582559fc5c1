/* test-store-busy.c — another process holds the write lock
 *
 * The test binary, run as `test-store-busy --hold-lock DB`, is that other
 * process: it opens the database with plain SQLite, starts a write
 * transaction, says "locked" and waits to be killed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "store-test-util.h"

#define BUSY_TIMEOUT_MS 200
#define CHILD_MAX_SECONDS 60

/* The child */

static int
hold_lock (const char *db_path)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "hold-lock: cannot open %s: %s\n", db_path, sqlite3_errmsg (db));
      return 1;
    }

  /* On a Roadmap database, write a row; on an empty file, create a table:
   * either way, a write transaction that is never committed. */
  if (sqlite3_exec (db,
                    "BEGIN IMMEDIATE;"
                    "CREATE TABLE IF NOT EXISTS notes (track_id TEXT, skill_id TEXT, body TEXT,"
                    "                                  updated_at INTEGER, change INTEGER);"
                    "INSERT INTO notes (track_id, skill_id, body, updated_at, change)"
                    " VALUES ('beta', 'y', 'from the other process', 0, 0);",
                    NULL, NULL, &message) != SQLITE_OK)
    {
      fprintf (stderr, "hold-lock: %s\n", message);
      sqlite3_free (message);
      return 1;
    }

  printf ("locked\n");
  fflush (stdout);

  /* Until killed; never forever, should the parent be gone */
  for (guint i = 0; i < CHILD_MAX_SECONDS; i++)
    g_usleep (G_USEC_PER_SEC);

  return 2;
}

/* The test */

typedef struct
{
  GPid pid;
  int stdout_fd;
} Locker;

static void
locker_start (Locker     *locker,
              const char *db_path)
{
  g_autofree char *self = store_test_self_path ();
  const char *argv[] = { self, "--hold-lock", db_path, NULL };
  g_autofree char *line = NULL;

  locker->pid = store_test_spawn (argv, &locker->stdout_fd);
  line = store_test_read_line (locker->stdout_fd, 10000);
  g_assert_cmpstr (line, ==, "locked");
}

static void
locker_stop (Locker *locker)
{
  int status = store_test_kill_and_wait (locker->pid);

  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  close (locker->stdout_fd);
}

static void
move (RoadmapStore   *store,
      RoadmapCatalog *catalog,
      const char     *skill_id,
      RoadmapStatus   status)
{
  g_autoptr(GError) error = NULL;

  store_test_move_skill (store, store_test_skill (catalog, "alpha", skill_id), status, 0, &error);
  g_assert_no_error (error);
}

static void
assert_busy (GError *error,
             gint64  started)
{
  gint64 elapsed = g_get_monotonic_time () - started;

  g_assert_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_BUSY);
  g_test_message ("busy after %" G_GINT64_FORMAT " ms: %s", elapsed / 1000, error->message);
  /* It waited for the timeout, then gave up instead of hanging */
  g_assert_cmpint (elapsed, <, 5 * G_USEC_PER_SEC);
}

static void
test_busy_change (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "progress.db", NULL);
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(RoadmapCatalog) catalog = store_test_small_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *model_before = NULL;
  g_autofree char *model_after = NULL;
  g_autofree char *reopened = NULL;
  RoadmapSkill *undone = (RoadmapSkill *) 0x1;
  Locker locker;
  gint64 started;

  store = roadmap_store_open_full (db_path, NULL, BUSY_TIMEOUT_MS, &error);
  g_assert_no_error (error);
  roadmap_store_load_progress (store, catalog, &error);
  g_assert_no_error (error);
  /* One session for the changes, so that the undo below has one to undo */
  store_test_session (store, catalog);
  move (store, catalog, "a", ROADMAP_STATUS_DOING);
  store_test_set_note (store, store_test_skill (catalog, "alpha", "a"), "before", &error);
  g_assert_no_error (error);
  model_before = store_test_describe_catalog (catalog);

  locker_start (&locker, db_path);

  /* A move waits about the busy timeout, then fails with BUSY */
  started = g_get_monotonic_time ();
  g_assert_false (store_test_move_skill (store, store_test_skill (catalog, "alpha", "b"),
                                            ROADMAP_STATUS_DONE, 0, &error));
  assert_busy (error, started);
  g_clear_error (&error);

  /* So do a note and an undo */
  started = g_get_monotonic_time ();
  g_assert_false (store_test_set_note (store, store_test_skill (catalog, "alpha", "a"), "after", &error));
  assert_busy (error, started);
  g_clear_error (&error);

  started = g_get_monotonic_time ();
  g_assert_false (store_test_undo (store, catalog, &undone, &error));
  assert_busy (error, started);
  g_assert_null (undone);
  g_clear_error (&error);

  /* Reading still works while the other process writes */
  {
    g_autoptr(GPtrArray) history = roadmap_store_list_history (store, &error);

    g_assert_no_error (error);
    /* The move and the note before the lock */
    g_assert_cmpuint (history->len, ==, 2);
  }

  /* Nothing changed in the model */
  model_after = store_test_describe_catalog (catalog);
  g_assert_cmpstr (model_after, ==, model_before);

  /* Once the other process is gone, the same store succeeds */
  locker_stop (&locker);

  g_assert_true (store_test_move_skill (store, store_test_skill (catalog, "alpha", "b"),
                                           ROADMAP_STATUS_DONE, 0, &error));
  g_assert_no_error (error);
  g_assert_true (store_test_set_note (store, store_test_skill (catalog, "alpha", "a"), "after", &error));
  g_assert_no_error (error);
  g_clear_pointer (&model_after, g_free);
  model_after = store_test_describe_catalog (catalog);
  g_assert_cmpstr (model_after, !=, model_before);
  g_clear_object (&store);

  /* The other process's uncommitted row never made it */
  store_test_assert_integrity (db_path);
  reopened = store_test_describe_reopened (db_path, FALSE);
  g_assert_cmpstr (reopened, ==, model_after);
  {
    g_autoptr(sqlite3) db = store_test_sqlite_open (db_path);

    g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM notes WHERE track_id = 'beta'"), ==, 0);
  }

  store_test_remove_dir (dir);
}

/* A database that is locked while it still needs to be set up (created or
 * migrated) cannot be opened now: BUSY, and it is not mistaken for a
 * damaged one. */
static void
test_busy_open (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "progress.db", NULL);
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(RoadmapCatalog) catalog = store_test_small_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *corrupt = NULL;
  Locker locker;
  gint64 started;

  locker_start (&locker, db_path);

  started = g_get_monotonic_time ();
  store = roadmap_store_open_full (db_path, NULL, BUSY_TIMEOUT_MS, &error);
  g_assert_null (store);
  assert_busy (error, started);
  g_clear_error (&error);

  corrupt = store_test_find_corrupt_copy (db_path);
  g_assert_null (corrupt);
  g_assert_true (g_file_test (db_path, G_FILE_TEST_IS_REGULAR));

  locker_stop (&locker);

  store = roadmap_store_open_full (db_path, NULL, BUSY_TIMEOUT_MS, &error);
  g_assert_no_error (error);
  g_assert_null (roadmap_store_get_recovery_message (store));
  roadmap_store_load_progress (store, catalog, &error);
  g_assert_no_error (error);
  move (store, catalog, "c", ROADMAP_STATUS_DONE);
  g_clear_object (&store);
  store_test_assert_integrity (db_path);

  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--hold-lock") == 0)
    return hold_lock (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/busy/change", test_busy_change);
  g_test_add_func ("/store/busy/open", test_busy_open);

  return g_test_run ();
}

/* test-store-concurrency.c — several processes on one database at once
 *
 * Children are this binary, run as
 *   test-store-concurrency --open DB
 *   test-store-concurrency --mover DB SKILL-ID N SEED
 * The first opens the store (creating or migrating it) and loads it; the
 * second moves one skill of the bundled Backend Developer track N times,
 * each move to another column and a random place in it, and prints
 * "ack STATUS" once each move is acknowledged. The parent starts them
 * together and checks what every acknowledgement promised: no process
 * reverts another's change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "roadmap-session.h"
#include "roadmap-store-private.h"
#include "store-test-util.h"

#define N_MOVES 200

/* Skills of one phase: the moves of each process shift the others' cards */
static const char * const phase_skills[] = {
  "python-sql", "database-design", "api-development",
};

/* The children */

static int
open_child (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapStore) store = roadmap_store_open_full (db_path, NULL, 10000, &error);
  g_autoptr(RoadmapCatalog) catalog = store_test_bundled_catalog ();

  if (store == NULL || !roadmap_store_load_progress (store, catalog, &error))
    {
      fprintf (stderr, "open-child: %s\n", error->message);
      return 1;
    }
  if (roadmap_store_get_recovery_message (store) != NULL)
    {
      fprintf (stderr, "open-child: %s\n", roadmap_store_get_recovery_message (store));
      return 2;
    }
  return 0;
}

static int
mover_child (const char *db_path,
             const char *skill_id,
             guint       n_moves,
             guint       seed)
{
  g_autoptr(GError) error = NULL;
  /* The command line's patience: the test is about what is kept, not
   * about how long the lock may be waited for on a loaded machine */
  g_autoptr(RoadmapStore) store = roadmap_store_open_full (db_path, NULL, 10000, &error);
  g_autoptr(RoadmapCatalog) catalog = store_test_bundled_catalog ();
  g_autoptr(RoadmapSession) session = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  RoadmapSkill *skill;

  if (store == NULL || !roadmap_store_load_progress (store, catalog, &error))
    {
      fprintf (stderr, "mover: %s\n", error->message);
      return 1;
    }
  session = roadmap_session_new_for_store (store, catalog);
  roadmap_session_set_origin (session, ROADMAP_ORIGIN_COMMAND_LINE);
  skill = store_test_skill (catalog, "backend-developer", skill_id);

  for (guint i = 0; i < n_moves; i++)
    {
      /* What this process last saw may be stale: that is the point */
      RoadmapStatus status = (roadmap_skill_get_status (skill) + 1 + g_rand_int_range (rand, 0, 2)) %
                             ROADMAP_N_STATUSES;
      GListModel *column = roadmap_phase_get_column (roadmap_skill_get_phase (skill), status);
      guint n = g_list_model_get_n_items (column);
      g_autoptr(RoadmapSkill) before = n > 0 ? g_list_model_get_item (column, g_rand_int_range (rand, 0, (int) n + 1))
                                             : NULL;

      if (!roadmap_session_move_skill (session, skill, status, before, &error))
        {
          fprintf (stderr, "mover %s: move %u: %s\n", skill_id, i, error->message);
          return 1;
        }
      printf ("ack %s\n", roadmap_status_to_string (status));
      fflush (stdout);
    }

  return 0;
}

/* The parent */

typedef struct
{
  GPid pid;
  int stdout_fd;
  const char *skill_id;
} Child;

static GPid
spawn_child (const char * const *argv,
             int                *stdout_fd)
{
  return store_test_spawn (argv, stdout_fd);
}

static int
wait_child (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return status;
}

/* N processes open one database at the same moment: all of them succeed,
 * quietly (no recovery, no message), and it ends up current and sound. */
static void
open_at_once (const char *db_path,
              guint       n)
{
  g_autofree char *self = store_test_self_path ();
  const char *argv[] = { self, "--open", db_path, NULL };
  g_autofree GPid *pids = g_new (GPid, n);
  g_autofree int *fds = g_new (int, n);

  for (guint i = 0; i < n; i++)
    pids[i] = spawn_child (argv, &fds[i]);

  for (guint i = 0; i < n; i++)
    {
      int status = wait_child (pids[i]);

      close (fds[i]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  store_test_assert_integrity (db_path);
  g_assert_null (store_test_find_corrupt_copy (db_path));
  {
    g_autoptr(sqlite3) db = store_test_sqlite_open (db_path);

    g_assert_cmpint (store_test_query_int (db, "PRAGMA user_version"), ==, 7);
  }
}

static void
test_open_fresh (void)
{
  for (guint round = 0; round < 10; round++)
    {
      g_autofree char *dir = store_test_make_dir ();
      g_autofree char *db_path = g_build_filename (dir, "progress.db", NULL);
      g_autofree char *backup = g_build_filename (dir, "progress.db.backup", NULL);
      g_autoptr(GDir) listing = NULL;
      const char *name;

      open_at_once (db_path, 4);

      /* One backup, and no temporary file left of the others' */
      listing = g_dir_open (dir, 0, NULL);
      while ((name = g_dir_read_name (listing)) != NULL)
        g_assert_null (strstr (name, ".tmp"));
      g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

      store_test_remove_dir (dir);
    }
}

/* A database written by the release before sort keys: migrated once, by
 * whichever process comes first, with its progress and notes */
static void
test_open_old (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "store", "schema-1.db", NULL);

  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *dir = store_test_make_dir ();
      g_autofree char *db_path = g_build_filename (dir, "progress.db", NULL);
      g_autoptr(GFile) source = g_file_new_for_path (fixture);
      g_autoptr(GFile) destination = g_file_new_for_path (db_path);
      g_autoptr(GError) error = NULL;
      g_autofree char *column = NULL;
      g_autoptr(RoadmapStore) store = NULL;
      g_autoptr(RoadmapCatalog) catalog = store_test_bundled_catalog ();

      g_file_copy (source, destination, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);

      open_at_once (db_path, 4);

      store = roadmap_store_open (db_path, &error);
      g_assert_no_error (error);
      g_assert_true (roadmap_store_load_progress (store, catalog, &error));
      g_assert_no_error (error);

      /* What `roadmap --list` showed before the migration */
      column = store_test_describe_column (catalog, "backend-developer", "fundamentals", ROADMAP_STATUS_DONE);
      g_assert_cmpstr (column, ==, "python-sql api-development");
      g_clear_pointer (&column, g_free);
      column = store_test_describe_column (catalog, "backend-developer", "fundamentals", ROADMAP_STATUS_DOING);
      g_assert_cmpstr (column, ==, "database-design");
      g_clear_pointer (&column, g_free);
      column = store_test_describe_column (catalog, "data-engineer", "fundamentals", ROADMAP_STATUS_TODO);
      g_assert_true (g_str_has_prefix (column, "database-design sql-nosql-databases etl-basics"));
      g_assert_cmpstr (roadmap_skill_get_note (store_test_skill (catalog, "backend-developer", "python-sql")),
                       ==, "A note with “quotes” and\nnewline");
      g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_finished_at (store_test_skill (catalog, "backend-developer", "api-development"))),
                       ==, 1796160108);
      {
        g_autoptr(GPtrArray) history = roadmap_store_list_history (store, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (history->len, ==, 4);
      }

      g_clear_object (&store);
      store_test_remove_dir (dir);
    }
}

static void
test_open_current (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "progress.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  open_at_once (db_path, 1);
  before = store_test_describe_db (db_path);
  open_at_once (db_path, 6);
  after = store_test_describe_db (db_path);
  g_assert_cmpstr (after, ==, before);

  store_test_remove_dir (dir);
}

/* The last status each child acknowledged, and how many */
static void
read_acks (Child       *child,
           char       **last,
           guint       *n_acks)
{
  char *line;

  while ((line = store_test_read_line (child->stdout_fd, 60000)) != NULL)
    {
      g_assert_true (g_str_has_prefix (line, "ack "));
      g_free (*last);
      *last = g_strdup (line + 4);
      (*n_acks)++;
      g_free (line);
    }
}

static void
run_movers (guint n_children)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "progress.db", NULL);
  g_autofree char *self = store_test_self_path ();
  g_autofree char *n_text = g_strdup_printf ("%u", N_MOVES);
  Child children[G_N_ELEMENTS (phase_skills)];
  char *last[G_N_ELEMENTS (phase_skills)] = { NULL, };
  guint n_acks[G_N_ELEMENTS (phase_skills)] = { 0, };
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(RoadmapCatalog) catalog = store_test_bundled_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = NULL;

  g_assert_cmpuint (n_children, <=, G_N_ELEMENTS (phase_skills));

  /* Created first, so that the movers start moving at once */
  open_at_once (db_path, 1);

  for (guint i = 0; i < n_children; i++)
    {
      g_autofree char *seed = g_strdup_printf ("%u", g_test_rand_int ());
      const char *argv[] = { self, "--mover", db_path, phase_skills[i], n_text, seed, NULL };

      children[i].skill_id = phase_skills[i];
      children[i].pid = spawn_child (argv, &children[i].stdout_fd);
    }

  for (guint i = 0; i < n_children; i++)
    {
      int status;

      read_acks (&children[i], &last[i], &n_acks[i]);
      status = wait_child (children[i].pid);
      close (children[i].stdout_fd);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_assert_cmpuint (n_acks[i], ==, N_MOVES);
    }

  /* Every acknowledged final state holds */
  store_test_assert_integrity (db_path);
  store = roadmap_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (roadmap_store_load_progress (store, catalog, &error));
  g_assert_no_error (error);
  db = store_test_sqlite_open (db_path);

  for (guint i = 0; i < n_children; i++)
    {
      RoadmapSkill *skill = store_test_skill (catalog, "backend-developer", phase_skills[i]);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM history WHERE skill_id = '%s'"
                                              " AND track_id = 'backend-developer' AND kind = 0"
                                              " AND origin = 2", phase_skills[i]);

      g_assert_cmpstr (roadmap_status_to_string (roadmap_skill_get_status (skill)), ==, last[i]);
      /* Each acknowledged move is recorded once */
      g_assert_cmpint (store_test_query_int (db, sql), ==, N_MOVES);
    }

  /* The phase's columns hold each skill once, in an order of their own */
  {
    RoadmapPhase *phase = roadmap_skill_get_phase (store_test_skill (catalog, "backend-developer", "python-sql"));
    guint total = 0;

    for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
      total += g_list_model_get_n_items (roadmap_phase_get_column (phase, s));
    g_assert_cmpuint (total, ==, roadmap_phase_get_n_skills (phase));
  }

  for (guint i = 0; i < n_children; i++)
    g_free (last[i]);
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

static void
test_two_movers (void)
{
  run_movers (2);
}

static void
test_three_movers (void)
{
  run_movers (3);
}

/* The history compacted in small batches while another process moves a
 * skill: nothing it wrote is lost, the counter never goes back */
static void
test_compaction_with_mover (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "progress.db", NULL);
  g_autofree char *self = store_test_self_path ();
  g_autofree char *n_text = g_strdup_printf ("%u", N_MOVES);
  g_autofree char *seed = g_strdup_printf ("%u", g_test_rand_int ());
  const char *argv[] = { self, "--mover", db_path, "python-sql", n_text, seed, NULL };
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(RoadmapCatalog) catalog = store_test_bundled_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *last = NULL;
  g_autofree char *sql = NULL;
  gint64 old = g_get_real_time () - 60 * G_TIME_SPAN_DAY;
  gint64 last_id = 0;
  gboolean finished = FALSE;
  guint n_removed = 0, n_batches = 0, n_acks = 0;
  Child child;
  int status;

  open_at_once (db_path, 1);

  /* 20,000 old rows: reorders of another skill, and every tenth a
   * status change; compacted today already, so that the mover's open
   * leaves them to this process */
  db = store_test_sqlite_open (db_path);
  sql = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)"
                         " INSERT INTO history (id, change, kind, origin, track_id, skill_id,"
                         "   old_status, new_status, changed_at)"
                         " SELECT i, i, 0, 1, 'backend-developer', 'api-development',"
                         "   CASE WHEN i %% 10 = 0 THEN 0 ELSE 1 END, 1, %lld + i FROM n;"
                         "UPDATE history_compaction SET done_at = %lld;",
                         (long long) old, (long long) g_get_real_time ());
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);

  store = roadmap_store_open_full (db_path, NULL, 10000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM history"), ==, 20000);

  child.pid = spawn_child (argv, &child.stdout_fd);
  while (!finished)
    {
      gint64 id;

      g_assert_true (_roadmap_store_compact_history_full (store, g_get_real_time (), 50, 1,
                                                          &finished, &n_removed, &error));
      g_assert_no_error (error);
      id = store_test_query_int (db, "SELECT max(id) FROM history");
      g_assert_cmpint (id, >=, last_id);
      last_id = id;
      n_batches++;
    }
  g_test_message ("%u batches, %u rows removed, %lld rows when done", n_batches, n_removed,
                  (long long) store_test_query_int (db, "SELECT count(*) FROM history"));

  read_acks (&child, &last, &n_acks);
  status = wait_child (child.pid);
  close (child.stdout_fd);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpuint (n_acks, ==, N_MOVES);

  /* Everything the mover wrote, and every status change */
  store_test_assert_integrity (db_path);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM history WHERE skill_id = 'python-sql'"
                                             " AND kind = 0 AND origin = 2"), ==, N_MOVES);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM history WHERE skill_id = 'api-development'"
                                             " AND old_status != new_status"), ==, 2000);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM history WHERE skill_id = 'api-development'"
                                             " AND old_status = new_status"), ==, 0);
  g_assert_cmpuint (n_removed, ==, 18000);
  g_assert_cmpint (store_test_query_int (db, "SELECT max(id) FROM history"), >=, last_id);
  g_assert_true (roadmap_store_load_progress (store, catalog, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (roadmap_status_to_string (roadmap_skill_get_status (store_test_skill (catalog, "backend-developer", "python-sql"))),
                   ==, last);

  g_clear_pointer (&db, sqlite3_close);
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* Two stores of one process on one file: opening and closing the second
 * leaves the first's locks in place, so another process's close does not
 * take the log from under it. */
static void
test_second_store_in_process (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "progress.db", NULL);
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(RoadmapCatalog) catalog = store_test_bundled_catalog ();
  g_autoptr(RoadmapSession) session = NULL;
  g_autoptr(GError) error = NULL;

  store = roadmap_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (roadmap_store_load_progress (store, catalog, &error));
  session = roadmap_session_new_for_store (store, catalog);
  g_assert_true (roadmap_session_set_status (session, store_test_skill (catalog, "backend-developer", "python-sql"),
                                             ROADMAP_STATUS_DONE, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RoadmapStore) second = roadmap_store_open (db_path, &error);

      g_assert_no_error (error);
      g_assert_null (roadmap_store_get_recovery_message (second));
      open_at_once (db_path, 1);
    }

  g_assert_true (roadmap_session_set_status (session, store_test_skill (catalog, "backend-developer", "database-design"),
                                             ROADMAP_STATUS_DOING, &error));
  g_assert_no_error (error);
  g_clear_object (&session);
  g_clear_object (&store);

  {
    g_autofree char *reopened = store_test_describe_reopened (db_path, TRUE);

    g_assert_nonnull (strstr (reopened, "python-sql done"));
    g_assert_nonnull (strstr (reopened, "database-design doing"));
  }
  g_assert_null (store_test_find_corrupt_copy (db_path));
  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--open") == 0)
    return open_child (argv[2]);
  if (argc == 6 && strcmp (argv[1], "--mover") == 0)
    return mover_child (argv[2], argv[3], (guint) g_ascii_strtoull (argv[4], NULL, 10),
                        (guint) g_ascii_strtoull (argv[5], NULL, 10));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/concurrency/open-fresh", test_open_fresh);
  g_test_add_func ("/store/concurrency/open-old", test_open_old);
  g_test_add_func ("/store/concurrency/open-current", test_open_current);
  g_test_add_func ("/store/concurrency/two-movers", test_two_movers);
  g_test_add_func ("/store/concurrency/three-movers", test_three_movers);
  g_test_add_func ("/store/concurrency/second-store-in-process", test_second_store_in_process);
  g_test_add_func ("/store/concurrency/compaction-with-mover", test_compaction_with_mover);

  return g_test_run ();
}

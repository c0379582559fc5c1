/* test-store-crash.c — killing the writer at random moments loses nothing
 *
 * A child process (this binary, run as `test-store-crash --crash-child
 * DB`) opens the store on DB with the bundled roadmaps and changes
 * statuses forever. Change number N is picked deterministically from N,
 * and N is the length of the history, so a restarted child carries on
 * from whatever is durable. After each change is acknowledged (the store
 * call returned TRUE) the child reports N on a pipe.
 *
 * The parent kills the child with SIGKILL after a random few milliseconds,
 * then checks the database with plain SQLite: it passes integrity_check,
 * every acknowledged change is in the history (at most one more, whose
 * acknowledgement was cut off), each history row is the change the
 * sequence predicts, and the progress table, loaded, is the state those
 * changes produce, computed independently here (an oracle replaying the
 * moves on its own copy of the model).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-test-util.h"

#define N_ROUNDS          100
#define N_ROUNDS_THOROUGH 1000

typedef struct
{
  RoadmapSkill *skill;
  RoadmapStatus status;
  guint position;
  gboolean set_status;
} Change;

/* The change sequence, shared by the child and the oracle */

static void
add_skill (RoadmapSkill *skill,
           gpointer      skills)
{
  g_ptr_array_add (skills, g_object_ref (skill));
}

/* Every skill of @catalog, in roadmap order. */
static GPtrArray *
list_skills (RoadmapCatalog *catalog)
{
  GPtrArray *skills = g_ptr_array_new_with_free_func (g_object_unref);

  roadmap_catalog_foreach_skill (catalog, add_skill, skills);
  return skills;
}

/* Whether the store would do nothing (and so record nothing) */
static gboolean
is_no_op (const Change *change)
{
  RoadmapStatus current = roadmap_skill_get_status (change->skill);
  guint others;

  if (current != change->status)
    return FALSE;
  if (change->set_status)
    return TRUE;

  others = roadmap_phase_get_n_with_status (roadmap_skill_get_phase (change->skill), current) - 1;
  return MIN (change->position, others) == roadmap_skill_get_position (change->skill);
}

/* Change number @seq, given the current state of @skills */
static void
choose_change (GPtrArray *skills,
               guint64    seq,
               Change    *change)
{
  for (guint64 attempt = 0; ; attempt++)
    {
      guint64 h = store_test_mix (seq * 1024 + attempt);

      change->skill = g_ptr_array_index (skills, h % skills->len);
      change->status = (h >> 16) % ROADMAP_N_STATUSES;
      change->set_status = (h >> 24) % 4 == 0;
      change->position = (h >> 32) % 8 == 0 ? G_MAXUINT : (h >> 40) % 5;

      if (!is_no_op (change))
        return;
    }
}

/* The child */

static void
write_all (int         fd,
           const char *text)
{
  gsize length = strlen (text);

  while (length > 0)
    {
      ssize_t n = write (fd, text, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        _exit (4);
      text += n;
      length -= (gsize) n;
    }
}

static int
crash_child (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(RoadmapCatalog) catalog = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GPtrArray) history = NULL;
  guint64 seq;
  int report_fd;

  /* Reports go to the pipe alone; anything else printed goes to stderr */
  report_fd = dup (STDOUT_FILENO);
  dup2 (STDERR_FILENO, STDOUT_FILENO);

  store = roadmap_store_open (db_path, &error);
  if (store == NULL)
    {
      fprintf (stderr, "crash-child: %s\n", error->message);
      return 1;
    }
  if (roadmap_store_get_recovery_message (store) != NULL)
    {
      fprintf (stderr, "crash-child: %s\n", roadmap_store_get_recovery_message (store));
      return 2;
    }

  catalog = store_test_bundled_catalog ();
  if (!roadmap_store_load_progress (store, catalog, &error) ||
      (history = roadmap_store_list_history (store, &error)) == NULL)
    {
      fprintf (stderr, "crash-child: %s\n", error->message);
      return 1;
    }

  skills = list_skills (catalog);
  seq = history->len;

  {
    g_autofree char *ready = g_strdup_printf ("ready %" G_GUINT64_FORMAT "\n", seq);

    write_all (report_fd, ready);
  }

  for (;; seq++)
    {
      g_autofree char *ack = NULL;
      Change change;
      gboolean ok;

      choose_change (skills, seq, &change);
      if (change.set_status)
        ok = store_test_set_status (store, change.skill, change.status, &error);
      else
        ok = store_test_move_skill (store, change.skill, change.status, change.position, &error);

      if (!ok)
        {
          fprintf (stderr, "crash-child: change %" G_GUINT64_FORMAT ": %s\n", seq, error->message);
          return 1;
        }

      ack = g_strdup_printf ("ack %" G_GUINT64_FORMAT "\n", seq);
      write_all (report_fd, ack);
    }
}

/* The oracle: the same moves, done here on a model of its own */

typedef struct
{
  RoadmapCatalog *catalog;
  GPtrArray *skills;
  guint64 n_applied;
  GDateTime *some_time;
} Oracle;

static gint
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = roadmap_skill_get_position (*(RoadmapSkill * const *) a);
  guint pb = roadmap_skill_get_position (*(RoadmapSkill * const *) b);

  return pa < pb ? -1 : pa > pb;
}

static GPtrArray *
oracle_column (RoadmapPhase  *phase,
               RoadmapStatus  status,
               RoadmapSkill  *except)
{
  GListModel *skills = roadmap_phase_get_skills (phase);
  GPtrArray *column = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (skills); i++)
    {
      RoadmapSkill *skill = g_list_model_get_item (skills, i);

      if (skill != except && roadmap_skill_get_status (skill) == status)
        g_ptr_array_add (column, skill);
      else
        g_object_unref (skill);
    }

  g_ptr_array_sort (column, compare_positions);
  return column;
}

static void
oracle_place (GPtrArray     *column,
              RoadmapStatus  status,
              RoadmapSkill  *moved,
              GDateTime     *started,
              GDateTime     *finished)
{
  for (guint i = 0; i < column->len; i++)
    {
      RoadmapSkill *skill = g_ptr_array_index (column, i);

      if (skill == moved)
        roadmap_skill_apply_progress (skill, status, i, started, finished);
      else
        roadmap_skill_apply_progress (skill, status, i, roadmap_skill_get_started_at (skill),
                                      roadmap_skill_get_finished_at (skill));
    }
}

static void
oracle_apply (Oracle       *oracle,
              const Change *change)
{
  RoadmapSkill *skill = change->skill;
  RoadmapPhase *phase = roadmap_skill_get_phase (skill);
  RoadmapStatus old_status = roadmap_skill_get_status (skill);
  guint position = change->set_status ? G_MAXUINT : change->position;
  g_autoptr(GPtrArray) source = oracle_column (phase, old_status, skill);
  g_autoptr(GPtrArray) target = oracle_column (phase, change->status, skill);
  g_autoptr(GDateTime) started = NULL;
  g_autoptr(GDateTime) finished = NULL;

  /* Started when it leaves To-do (but not for Skipped, which keeps the
   * start it had), finished when it reaches Done; only whether they are
   * set is compared, not the times */
  if (change->status == ROADMAP_STATUS_SKIPPED)
    started = roadmap_skill_get_started_at (skill) != NULL ? g_date_time_ref (roadmap_skill_get_started_at (skill)) : NULL;
  else if (change->status != ROADMAP_STATUS_TODO)
    started = g_date_time_ref (roadmap_skill_get_started_at (skill) != NULL
                               ? roadmap_skill_get_started_at (skill) : oracle->some_time);
  if (change->status == ROADMAP_STATUS_DONE)
    finished = g_date_time_ref (old_status == ROADMAP_STATUS_DONE && roadmap_skill_get_finished_at (skill) != NULL
                                ? roadmap_skill_get_finished_at (skill) : oracle->some_time);

  g_ptr_array_insert (target, (int) MIN (position, target->len), g_object_ref (skill));
  if (old_status != change->status)
    oracle_place (source, old_status, NULL, NULL, NULL);
  oracle_place (target, change->status, skill, started, finished);
}

/* Replays the changes up to @n_changes, checking each against the
 * history row that recorded it. */
static void
oracle_advance (Oracle    *oracle,
                sqlite3   *db,
                guint64    n_changes)
{
  g_autofree char *sql = g_strdup_printf ("SELECT kind, track_id, skill_id, old_status, new_status"
                                          " FROM history ORDER BY id LIMIT -1 OFFSET %" G_GUINT64_FORMAT,
                                          oracle->n_applied);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);

  for (; oracle->n_applied < n_changes; oracle->n_applied++)
    {
      Change change;

      choose_change (oracle->skills, oracle->n_applied, &change);

      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, ROADMAP_HISTORY_MOVE);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, roadmap_skill_get_track_id (change.skill));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, roadmap_skill_get_id (change.skill));
      g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, roadmap_skill_get_status (change.skill));
      g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, change.status);

      oracle_apply (oracle, &change);
    }

  sqlite3_finalize (stmt);
}

static gboolean
has_table (sqlite3    *db,
           const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'", name);

  return store_test_query_int (db, sql) > 0;
}

/* The progress table has the statuses and dates the oracle has; the
 * order of the columns is checked by loading it
 * (assert_store_loads_oracle()). */
static void
assert_progress_matches (Oracle  *oracle,
                         sqlite3 *db)
{
  g_autoptr(GHashTable) stored = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT track_id, skill_id, status,"
                                       "       started_at IS NOT NULL, finished_at IS NOT NULL"
                                       " FROM progress",
                                       -1, &stmt, NULL), ==, SQLITE_OK);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RoadmapSkill *skill = roadmap_catalog_find_skill (oracle->catalog,
                                                        (const char *) sqlite3_column_text (stmt, 0),
                                                        (const char *) sqlite3_column_text (stmt, 1));
      RoadmapStatus status = sqlite3_column_int (stmt, 2);

      g_assert_nonnull (skill);
      g_assert_true (g_hash_table_add (stored, skill));
      g_assert_cmpint (status, ==, roadmap_skill_get_status (skill));
      /* A skipped skill keeps the start it had, if any */
      if (status != ROADMAP_STATUS_SKIPPED)
        g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, status != ROADMAP_STATUS_TODO);
      g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, status == ROADMAP_STATUS_DONE);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  /* A skill without a row never moved: it is in To-do */
  for (guint i = 0; i < oracle->skills->len; i++)
    {
      RoadmapSkill *skill = g_ptr_array_index (oracle->skills, i);

      if (!g_hash_table_contains (stored, skill))
        g_assert_cmpint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_TODO);
    }
}

/* What the store loads is what the oracle has. */
static void
assert_store_loads_oracle (Oracle     *oracle,
                           const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapStore) store = roadmap_store_open (db_path, &error);
  g_autoptr(RoadmapCatalog) catalog = store_test_bundled_catalog ();
  g_autoptr(GPtrArray) skills = NULL;

  g_assert_no_error (error);
  g_assert_null (roadmap_store_get_recovery_message (store));
  roadmap_store_load_progress (store, catalog, &error);
  g_assert_no_error (error);

  skills = list_skills (catalog);
  g_assert_cmpuint (skills->len, ==, oracle->skills->len);
  for (guint i = 0; i < skills->len; i++)
    {
      RoadmapSkill *loaded = g_ptr_array_index (skills, i);
      RoadmapSkill *expected = g_ptr_array_index (oracle->skills, i);

      g_assert_cmpint (roadmap_skill_get_status (loaded), ==, roadmap_skill_get_status (expected));
      g_assert_cmpuint (roadmap_skill_get_position (loaded), ==, roadmap_skill_get_position (expected));
      g_assert_true ((roadmap_skill_get_started_at (loaded) != NULL) ==
                     (roadmap_skill_get_started_at (expected) != NULL));
      g_assert_true ((roadmap_skill_get_finished_at (loaded) != NULL) ==
                     (roadmap_skill_get_finished_at (expected) != NULL));
    }
}

/* The parent */

typedef struct
{
  gboolean ready;
  guint64 ready_seq;
  guint64 n_acks;
} Reports;

static void
parse_report (const char *line,
              Reports    *reports)
{
  guint64 value;

  if (g_str_has_prefix (line, "ready "))
    {
      g_assert_false (reports->ready);
      g_assert_true (g_ascii_string_to_unsigned (line + 6, 10, 0, G_MAXUINT64, &value, NULL));
      reports->ready = TRUE;
      reports->ready_seq = value;
    }
  else if (g_str_has_prefix (line, "ack "))
    {
      g_assert_true (reports->ready);
      g_assert_true (g_ascii_string_to_unsigned (line + 4, 10, 0, G_MAXUINT64, &value, NULL));
      /* Acknowledged in sequence, without gaps */
      g_assert_cmpuint (value, ==, reports->ready_seq + reports->n_acks);
      reports->n_acks++;
    }
  else
    {
      g_error ("unexpected report from the child: %s", line);
    }
}

static void
test_crash_loop (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "progress.db", NULL);
  g_autofree char *self = store_test_self_path ();
  const char *argv[] = { self, "--crash-child", db_path, NULL };
  guint n_rounds = g_test_thorough () ? N_ROUNDS_THOROUGH : N_ROUNDS;
  guint64 durable = 0;
  guint64 total_acks = 0;
  guint n_unacknowledged = 0;
  guint n_startup_kills = 0;
  Oracle oracle = { 0, };

  oracle.catalog = store_test_bundled_catalog ();
  oracle.skills = list_skills (oracle.catalog);
  oracle.some_time = g_date_time_new_from_unix_utc (1);
  {
    /* The oracle starts from the positions a new database gives */
    g_autofree char *empty_dir = store_test_make_dir ();
    g_autofree char *empty_path = g_build_filename (empty_dir, "empty.db", NULL);
    g_autoptr(RoadmapStore) store = roadmap_store_open (empty_path, NULL);

    g_assert_nonnull (store);
    g_assert_true (roadmap_store_load_progress (store, oracle.catalog, NULL));
    g_clear_object (&store);
    store_test_remove_dir (empty_dir);
  }

  for (guint round = 0; round < n_rounds; round++)
    {
      /* Now and then the child is killed while it starts, opens or sets
       * up the database, not only while it changes statuses */
      gboolean at_startup = round % 5 == 4;
      Reports reports = { 0, };
      g_autoptr(sqlite3) db = NULL;
      char *line;
      guint64 n_history = 0;
      GPid pid;
      int fd;
      int status;

      pid = store_test_spawn (argv, &fd);

      if (!at_startup)
        {
          line = store_test_read_line (fd, 30000);
          g_assert_nonnull (line);
          parse_report (line, &reports);
          g_free (line);
          g_usleep (g_test_rand_int_range (1, 41) * 1000 * store_test_time_factor ());
        }
      else
        {
          n_startup_kills++;
          g_usleep (g_test_rand_int_range (0, 30) * 1000 * store_test_time_factor ());
        }

      status = store_test_kill_and_wait (pid);
      if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        g_error ("round %u: the child ended on its own (wait status %d); see its messages above", round, status);

      while ((line = store_test_read_line (fd, 5000)) != NULL)
        {
          parse_report (line, &reports);
          g_free (line);
        }
      close (fd);

      /* What the child saw on disk is what was durable after the last round */
      if (reports.ready)
        g_assert_cmpuint (reports.ready_seq, ==, durable);

      store_test_assert_integrity (db_path);
      db = store_test_sqlite_open (db_path);
      if (has_table (db, "history"))
        n_history = (guint64) store_test_query_int (db, "SELECT count(*) FROM history");

      /* Every acknowledged change is there; at most one more, whose
       * acknowledgement the kill cut off */
      g_assert_cmpuint (n_history, >=, durable + reports.n_acks);
      if (reports.ready)
        g_assert_cmpuint (n_history, <=, durable + reports.n_acks + 1);
      else
        g_assert_cmpuint (n_history, ==, durable);
      if (n_history > durable + reports.n_acks)
        n_unacknowledged++;

      total_acks += reports.n_acks;
      durable = n_history;

      /* Each recorded change is the one the sequence predicts, and the
       * table holds the state they lead to */
      oracle_advance (&oracle, db, n_history);
      if (has_table (db, "progress"))
        assert_progress_matches (&oracle, db);
      g_clear_pointer (&db, sqlite3_close);

      assert_store_loads_oracle (&oracle, db_path);
    }

  g_test_message ("%u rounds (%u killed while starting): %" G_GUINT64_FORMAT " changes acknowledged,"
                  " %" G_GUINT64_FORMAT " in the history, %u rounds with an unacknowledged commit",
                  n_rounds, n_startup_kills, total_acks, durable, n_unacknowledged);

  /* The test did kill a writer that was writing */
  g_assert_cmpuint (total_acks, >, 0);

  assert_store_loads_oracle (&oracle, db_path);
  g_assert_null (store_test_find_corrupt_copy (db_path));

  g_clear_pointer (&oracle.some_time, g_date_time_unref);
  g_clear_pointer (&oracle.skills, g_ptr_array_unref);
  g_clear_object (&oracle.catalog);
  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--crash-child") == 0)
    return crash_child (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/crash/kill-loop", test_crash_loop);

  return g_test_run ();
}

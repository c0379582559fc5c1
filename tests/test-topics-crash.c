/* test-topics-crash.c — killing a process that ticks topics loses no
 * acknowledged tick
 *
 * A child process (this binary, run as `test-topics-crash --crash-child
 * DB FROM`) ticks and unticks topics of the bundled roadmaps through a
 * session, forever, from change FROM on; change N (which topic, ticked or
 * not) is picked deterministically from N. After each change is
 * acknowledged (the session returned TRUE) the child reports N on a pipe.
 *
 * The parent kills the child with SIGKILL after a random few
 * milliseconds, then checks the database with plain SQLite: it passes
 * integrity_check, and its ticked topics are those the changes up to the
 * last acknowledged one leave, or one more (whose acknowledgement the kill
 * cut off), computed here on their own. The next child goes on from
 * there. (Ticks are activity marks: the history keeps the day's last one
 * per skill, so unlike the status crash loop, the history's length does
 * not count the changes.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "roadmap-session.h"
#include "store-test-util.h"

#define N_ROUNDS          40
#define N_ROUNDS_THOROUGH 400

typedef struct
{
  RoadmapSkill *skill;
  guint topic;
  gboolean done;
} Tick;

static void
add_skill_with_topics (RoadmapSkill *skill,
                       gpointer      skills)
{
  if (roadmap_skill_get_n_topics (skill) > 0)
    g_ptr_array_add (skills, g_object_ref (skill));
}

/* A few skills, so that topics are ticked and unticked again and again */
static GPtrArray *
list_skills (RoadmapCatalog *catalog)
{
  GPtrArray *skills = g_ptr_array_new_with_free_func (g_object_unref);

  roadmap_catalog_foreach_skill (catalog, add_skill_with_topics, skills);
  g_ptr_array_set_size (skills, MIN (skills->len, 6));
  return skills;
}

static void
choose_tick (GPtrArray *skills,
             guint64    seq,
             Tick      *tick)
{
  guint64 h = store_test_mix (seq);

  tick->skill = g_ptr_array_index (skills, h % skills->len);
  tick->topic = (h >> 16) % roadmap_skill_get_n_topics (tick->skill);
  tick->done = (h >> 32) % 3 != 0;
}

/* "track/skill/topic text" of each ticked topic after changes [0, @n) */
static GHashTable *
expected_ticks (GPtrArray *skills,
                guint64    n)
{
  GHashTable *ticked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint64 seq = 0; seq < n; seq++)
    {
      Tick tick;
      char *key;

      choose_tick (skills, seq, &tick);
      key = g_strdup_printf ("%s/%s/%s", roadmap_skill_get_track_id (tick.skill),
                             roadmap_skill_get_id (tick.skill),
                             roadmap_skill_get_topics (tick.skill)[tick.topic]);
      if (tick.done)
        g_hash_table_add (ticked, key);
      else
        {
          g_hash_table_remove (ticked, key);
          g_free (key);
        }
    }

  return ticked;
}

static GHashTable *
stored_ticks (const char *db_path)
{
  GHashTable *ticked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3) db = store_test_sqlite_open (db_path);
  sqlite3_stmt *stmt = NULL;

  if (store_test_query_int (db, "SELECT count (*) FROM sqlite_master WHERE name = 'topics'") == 0)
    return ticked;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT track_id, skill_id, topic FROM topics WHERE done = 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (ticked, g_strdup_printf ("%s/%s/%s", sqlite3_column_text (stmt, 0),
                                               sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2)));
  sqlite3_finalize (stmt);

  return ticked;
}

static gboolean
same_ticks (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (b, key))
        return FALSE;
    }
  return TRUE;
}

/* The child */

static int
crash_child (const char *db_path,
             guint64     from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(RoadmapCatalog) catalog = NULL;
  g_autoptr(RoadmapSession) session = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  int report_fd;

  /* Reports go to the pipe alone; anything else printed goes to stderr */
  report_fd = dup (STDOUT_FILENO);
  dup2 (STDERR_FILENO, STDOUT_FILENO);

  store = roadmap_store_open (db_path, &error);
  catalog = store_test_bundled_catalog ();
  if (store == NULL || !roadmap_store_load_progress (store, catalog, &error))
    {
      fprintf (stderr, "crash-child: %s\n", error->message);
      return 1;
    }
  session = roadmap_session_new_for_store (store, catalog);
  skills = list_skills (catalog);
  store_test_report (report_fd, "ready\n");

  for (guint64 seq = from;; seq++)
    {
      g_autofree char *ack = NULL;
      Tick tick;

      choose_tick (skills, seq, &tick);
      if (!roadmap_session_set_topic_done (session, tick.skill, tick.topic, tick.done, &error))
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
  g_autoptr(RoadmapCatalog) catalog = store_test_bundled_catalog ();
  g_autoptr(GPtrArray) skills = list_skills (catalog);
  guint n_rounds = g_test_thorough () ? N_ROUNDS_THOROUGH : N_ROUNDS;
  guint64 durable = 0;
  guint n_unacknowledged = 0;

  for (guint round = 0; round < n_rounds; round++)
    {
      g_autofree char *from = g_strdup_printf ("%" G_GUINT64_FORMAT, durable);
      const char *argv[] = { self, "--crash-child", db_path, from, NULL };
      g_autoptr(GHashTable) stored = NULL;
      g_autoptr(GHashTable) acknowledged = NULL;
      g_autoptr(GHashTable) one_more = NULL;
      guint64 last = durable;
      gboolean ready = FALSE;
      char *line;
      GPid pid;
      int fd, status;

      pid = store_test_spawn (argv, &fd);
      line = store_test_read_line (fd, 30000);
      g_assert_cmpstr (line, ==, "ready");
      g_free (line);
      ready = TRUE;
      g_usleep (g_test_rand_int_range (1, 31) * 1000 * store_test_time_factor ());

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
      g_assert_true (ready);

      store_test_assert_integrity (db_path);
      stored = stored_ticks (db_path);
      acknowledged = expected_ticks (skills, last);
      one_more = expected_ticks (skills, last + 1);

      if (same_ticks (stored, acknowledged))
        durable = last;
      else if (same_ticks (stored, one_more))
        {
          durable = last + 1;
          n_unacknowledged++;
        }
      else
        g_error ("round %u: the ticks on disk are neither those of the %" G_GUINT64_FORMAT
                 " acknowledged changes nor one more", round, last);
    }

  g_test_message ("%u rounds: %" G_GUINT64_FORMAT " ticks durable, %u rounds with an unacknowledged commit",
                  n_rounds, durable, n_unacknowledged);
  g_assert_cmpuint (durable, >, 0);

  /* And a store loads them */
  {
    g_autoptr(RoadmapCatalog) loaded = store_test_bundled_catalog ();
    g_autoptr(RoadmapStore) store = roadmap_store_open (db_path, NULL);
    g_autoptr(GHashTable) expected = expected_ticks (skills, durable);
    guint n_ticked = 0;

    g_assert_nonnull (store);
    g_assert_true (roadmap_store_load_progress (store, loaded, NULL));
    for (guint i = 0; i < skills->len; i++)
      {
        RoadmapSkill *skill = roadmap_catalog_find_skill (loaded,
                                                          roadmap_skill_get_track_id (g_ptr_array_index (skills, i)),
                                                          roadmap_skill_get_id (g_ptr_array_index (skills, i)));

        n_ticked += roadmap_skill_get_n_topics_done (skill);
      }
    g_assert_cmpuint (n_ticked, ==, g_hash_table_size (expected));
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

  g_test_add_func ("/topics/crash/kill-loop", test_crash_loop);

  return g_test_run ();
}

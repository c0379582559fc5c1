/* test-store.c — the progress store: statuses, positions, dates, history,
 * undo, notes, pragmas, file modes and backups, on real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "roadmap-store-private.h"
#include "store-test-util.h"

/* The store reopened, with nothing to recover */
static void
fixture_open (StoreFixture *fixture)
{
  store_fixture_open (fixture);
  g_assert_nonnull (fixture->store);
  g_assert_null (roadmap_store_get_recovery_message (fixture->store));
}

static void
fixture_setup (StoreFixture  *fixture,
               gconstpointer  data)
{
  store_fixture_set_up (fixture, data);
  fixture_open (fixture);
}

static void
assert_column (StoreFixture  *fixture,
               const char    *phase_id,
               RoadmapStatus  status,
               const char    *expected)
{
  g_autofree char *column = store_test_describe_column (fixture->catalog, "alpha", phase_id, status);

  g_assert_cmpstr (column, ==, expected);
}

static GPtrArray *
list_history (StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *history = roadmap_store_list_history (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (history);
  return history;
}

/* Reopens the store (closing the database) and loads the progress into a
 * fresh catalog; the description of the model must not change. */
static void
assert_survives_reopen (StoreFixture *fixture)
{
  g_autofree char *before = store_test_describe_catalog (fixture->catalog);
  g_autofree char *after = NULL;

  fixture_open (fixture);
  after = store_test_describe_catalog (fixture->catalog);
  g_assert_cmpstr (after, ==, before);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Tests */

static void
test_pragmas (StoreFixture  *fixture,
              gconstpointer  data)
{
  sqlite3 *db = fixture->store->db;
  g_autoptr(sqlite3) plain = NULL;
  g_autofree char *journal_mode = store_test_query_text (db, "PRAGMA journal_mode");

  /* On the store's own connection */
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (store_test_query_int (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (store_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);

  /* In the file */
  plain = store_test_sqlite_open (fixture->db_path);
  g_assert_cmpint (store_test_query_int (plain, "PRAGMA application_id"), ==, 0x52644d70);
  g_assert_cmpint (store_test_query_int (plain, "PRAGMA user_version"), ==, 7);
  g_clear_pointer (&plain, sqlite3_close);

  /* Reopening an existing database keeps them */
  fixture_open (fixture);
  db = fixture->store->db;
  g_clear_pointer (&journal_mode, g_free);
  journal_mode = store_test_query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (store_test_query_int (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (store_test_query_int (db, "PRAGMA user_version"), ==, 7);
}

static void
test_file_mode (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *folder = g_build_filename (dir, "new", "folder", NULL);
  g_autofree char *db_path = g_build_filename (folder, "progress.db", NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
  g_autofree char *backup = g_strconcat (db_path, ".backup", NULL);
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(RoadmapCatalog) catalog = store_test_small_catalog ();
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);

  store = roadmap_store_open (db_path, &error);
  g_assert_no_error (error);
  roadmap_store_load_progress (store, catalog, &error);
  g_assert_no_error (error);
  store_test_move_skill (store, store_test_skill (catalog, "alpha", "a"),
                            ROADMAP_STATUS_DOING, 0, &error);
  g_assert_no_error (error);

  /* The store created the missing folders, private */
  g_assert_cmpuint (store_test_file_mode (folder), ==, 0700);

  g_assert_cmpuint (store_test_file_mode (db_path), ==, 0600);
  g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (store_test_file_mode (wal), ==, 0600);
  g_assert_cmpuint (store_test_file_mode (shm), ==, 0600);
  g_assert_cmpuint (store_test_file_mode (backup), ==, 0600);

  umask (old_umask);
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

static void
test_status_roundtrip (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  store_test_set_status (fixture->store, store_fixture_skill (fixture, "alpha", "b"), ROADMAP_STATUS_DOING, &error);
  g_assert_no_error (error);
  store_test_set_status (fixture->store, store_fixture_skill (fixture, "alpha", "d"), ROADMAP_STATUS_DONE, &error);
  g_assert_no_error (error);
  store_fixture_move (fixture, "alpha", "e", ROADMAP_STATUS_DOING, 0);
  store_fixture_move (fixture, "alpha", "g", ROADMAP_STATUS_DONE, 0);
  store_fixture_move (fixture, "beta", "y", ROADMAP_STATUS_DOING, 0);
  store_fixture_move (fixture, "beta", "a", ROADMAP_STATUS_DONE, 0);

  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "a c");
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "e b");
  assert_column (fixture, "one", ROADMAP_STATUS_DONE, "d");
  assert_column (fixture, "two", ROADMAP_STATUS_TODO, "f h");
  assert_column (fixture, "two", ROADMAP_STATUS_DONE, "g");

  /* The same skill id in another track is another skill */
  g_assert_cmpint (roadmap_skill_get_status (store_fixture_skill (fixture, "alpha", "a")), ==, ROADMAP_STATUS_TODO);
  g_assert_cmpint (roadmap_skill_get_status (store_fixture_skill (fixture, "beta", "a")), ==, ROADMAP_STATUS_DONE);

  /* Statuses, positions, dates and counts survive closing the database */
  assert_survives_reopen (fixture);
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "a c");
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "e b");
  assert_column (fixture, "two", ROADMAP_STATUS_TODO, "f h");

  /* … and so does a second round of changes */
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_DOING, 1);
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_TODO, 0);
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "b a");
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "e c");
  assert_survives_reopen (fixture);
}

static void
test_positions_shift (StoreFixture  *fixture,
                      gconstpointer  data)
{
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "a b c d e");

  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DOING, 0);
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_DOING, 1);
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_DOING, 2);
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "d e");
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "a b c");

  /* Into the middle of a column: the cards after it shift down */
  store_fixture_move (fixture, "alpha", "e", ROADMAP_STATUS_DOING, 1);
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "a e b c");
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "d");

  /* Out of the middle: the cards after it shift up */
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_DONE, 0);
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "a e c");
  assert_column (fixture, "one", ROADMAP_STATUS_DONE, "b");

  /* To the top */
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_DONE, 0);
  assert_column (fixture, "one", ROADMAP_STATUS_DONE, "c b");

  /* Past the end means last */
  store_fixture_move (fixture, "alpha", "d", ROADMAP_STATUS_DONE, 100);
  assert_column (fixture, "one", ROADMAP_STATUS_DONE, "c b d");
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "");

  /* Other phases and tracks are not affected */
  assert_column (fixture, "two", ROADMAP_STATUS_TODO, "f g h");

  assert_survives_reopen (fixture);
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "a e");
  assert_column (fixture, "one", ROADMAP_STATUS_DONE, "c b d");
}

static void
test_positions_reorder (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  /* Within To-do, where no card has been moved yet */
  store_fixture_move (fixture, "alpha", "d", ROADMAP_STATUS_TODO, 0);
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "d a b c e");
  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_TODO, 3);
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "d b c a e");
  store_fixture_move (fixture, "alpha", "d", ROADMAP_STATUS_TODO, G_MAXUINT);
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "b c a e d");
  assert_survives_reopen (fixture);
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "b c a e d");

  /* Within Doing */
  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DOING, 0);
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_DOING, 1);
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_DOING, 2);
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_DOING, 0);
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "c a b");
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_DOING, 1);
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "a c b");
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "e d");

  /* A move to where the card already is changes nothing, not even the
   * history */
  before = list_history (fixture);
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_DOING, 1);
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_DOING, 7);
  store_test_set_status (fixture->store, store_fixture_skill (fixture, "alpha", "a"), ROADMAP_STATUS_DOING, NULL);
  after = list_history (fixture);
  g_assert_cmpuint (after->len, ==, before->len);
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "a c b");

  assert_survives_reopen (fixture);
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "a c b");
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "e d");
}

/* Positions as another version or a hand edit may have left them: with
 * gaps and ties. The store shows them dense, in stored order, ties in
 * roadmap order. */
static void
test_positions_dense_after_reload (StoreFixture  *fixture,
                                   gconstpointer  data)
{
  g_autoptr(sqlite3) db = NULL;

  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DOING, 0);
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_DOING, 1);
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_DOING, 2);
  store_fixture_close (fixture);

  db = store_test_sqlite_open (fixture->db_path);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE progress SET sort_key = 40 WHERE skill_id = 'a';"
                                 "UPDATE progress SET sort_key = 7 WHERE skill_id = 'b';"
                                 "UPDATE progress SET sort_key = 7 WHERE skill_id = 'c';"
                                 "UPDATE progress SET sort_key = 1000 WHERE skill_id = 'd';"
                                 "UPDATE progress SET sort_key = 3 WHERE skill_id = 'e';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&db, sqlite3_close);

  fixture_open (fixture);
  /* Equal keys keep roadmap order; d and e never moved and have no row */
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "b c a");
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "d e");

  /* Between two equal keys: the column gets fresh keys, once */
  store_fixture_move (fixture, "alpha", "e", ROADMAP_STATUS_DOING, 1);
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "b e c a");
  db = store_test_sqlite_open (fixture->db_path);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM progress"
                                             " WHERE change = (SELECT max (change) FROM history)"), ==, 4);

  /* Then a move writes one row, between its neighbours' keys */
  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DOING, 1);
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "b a e c");
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM progress"
                                             " WHERE change = (SELECT max (change) FROM history)"), ==, 1);
  assert_survives_reopen (fixture);
}

/* A skill the roadmap gained after progress was saved has no row: it
 * comes after the stored cards of To-do, and the next move gives it one. */
static void
test_positions_skill_without_row (StoreFixture  *fixture,
                                  gconstpointer  data)
{
  g_autoptr(sqlite3) db = NULL;

  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DOING, 0);
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_TODO, G_MAXUINT);
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_TODO, G_MAXUINT);
  store_fixture_close (fixture);

  /* c's row gone: it sits after the stored rows again, in roadmap order */
  db = store_test_sqlite_open (fixture->db_path);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM progress WHERE skill_id = 'c';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&db, sqlite3_close);

  fixture_open (fixture);
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "a");
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "c d e b");

  /* Placed between skills without a row, and before the first */
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_TODO, 1);
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "c b d e");
  store_fixture_move (fixture, "alpha", "e", ROADMAP_STATUS_TODO, 0);
  assert_survives_reopen (fixture);
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "e c b d");
}

static void
test_dates (StoreFixture  *fixture,
            gconstpointer  data)
{
  RoadmapSkill *a = store_fixture_skill (fixture, "alpha", "a");
  RoadmapSkill *b = store_fixture_skill (fixture, "alpha", "b");
  g_autoptr(sqlite3) db = NULL;
  gint64 before, after;

  g_assert_null (roadmap_skill_get_started_at (a));
  g_assert_null (roadmap_skill_get_finished_at (a));

  /* Doing sets the start */
  before = now_seconds ();
  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DOING, 0);
  after = now_seconds ();
  g_assert_nonnull (roadmap_skill_get_started_at (a));
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_started_at (a)), >=, before);
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_started_at (a)), <=, after);
  g_assert_null (roadmap_skill_get_finished_at (a));

  /* Make the start clearly older than now, as if it was weeks ago */
  store_fixture_close (fixture);
  db = store_test_sqlite_open (fixture->db_path);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE progress SET started_at = 1700000000"
                                     " WHERE track_id = 'alpha' AND skill_id = 'a'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&db, sqlite3_close);
  fixture_open (fixture);
  a = store_fixture_skill (fixture, "alpha", "a");
  b = store_fixture_skill (fixture, "alpha", "b");
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_started_at (a)), ==, 1700000000);

  /* Moving within Doing keeps it */
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_DOING, 0);
  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DOING, 0);
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_started_at (a)), ==, 1700000000);

  /* Done keeps the start and sets the finish */
  before = now_seconds ();
  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DONE, 0);
  after = now_seconds ();
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_started_at (a)), ==, 1700000000);
  g_assert_nonnull (roadmap_skill_get_finished_at (a));
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_finished_at (a)), >=, before);
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_finished_at (a)), <=, after);
  assert_survives_reopen (fixture);
  a = store_fixture_skill (fixture, "alpha", "a");
  b = store_fixture_skill (fixture, "alpha", "b");

  /* Back to Doing: started, but not finished */
  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DOING, 0);
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_started_at (a)), ==, 1700000000);
  g_assert_null (roadmap_skill_get_finished_at (a));

  /* To-do clears both */
  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_TODO, 0);
  g_assert_null (roadmap_skill_get_started_at (a));
  g_assert_null (roadmap_skill_get_finished_at (a));

  /* Straight from To-do to Done sets both */
  before = now_seconds ();
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_DONE, 0);
  after = now_seconds ();
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_started_at (store_fixture_skill (fixture, "alpha", "c"))),
                   >=, before);
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_finished_at (store_fixture_skill (fixture, "alpha", "c"))),
                   <=, after);

  /* A card that is pushed down by another keeps its dates */
  g_assert_nonnull (roadmap_skill_get_started_at (b));
  {
    g_autoptr(GDateTime) b_started = g_date_time_ref (roadmap_skill_get_started_at (b));

    store_fixture_move (fixture, "alpha", "d", ROADMAP_STATUS_DOING, 0);
    g_assert_true (g_date_time_equal (roadmap_skill_get_started_at (b), b_started));
  }

  assert_survives_reopen (fixture);
}

static void
assert_entry (RoadmapHistoryEntry *entry,
              RoadmapHistoryKind   kind,
              const char          *track_id,
              const char          *skill_id,
              RoadmapStatus        old_status,
              RoadmapStatus        new_status)
{
  g_assert_cmpint (entry->kind, ==, kind);
  g_assert_cmpstr (entry->track_id, ==, track_id);
  g_assert_cmpstr (entry->skill_id, ==, skill_id);
  g_assert_cmpint (entry->old_status, ==, old_status);
  g_assert_cmpint (entry->new_status, ==, new_status);
}

/* @before must be an unchanged prefix of @after, with @n_new entries more */
static void
assert_appended (GPtrArray *before,
                 GPtrArray *after,
                 guint      n_new)
{
  g_assert_cmpuint (after->len, ==, before->len + n_new);

  for (guint i = 0; i < before->len; i++)
    {
      RoadmapHistoryEntry *old = g_ptr_array_index (before, i);
      RoadmapHistoryEntry *now = g_ptr_array_index (after, i);

      g_assert_cmpint (now->id, ==, old->id);
      assert_entry (now, old->kind, old->track_id, old->skill_id, old->old_status, old->new_status);
      g_assert_cmpint (now->changed_at, ==, old->changed_at);
    }

  for (guint i = before->len; i < after->len; i++)
    {
      RoadmapHistoryEntry *now = g_ptr_array_index (after, i);

      if (i > 0)
        {
          RoadmapHistoryEntry *previous = g_ptr_array_index (after, i - 1);

          g_assert_cmpint (now->id, >, previous->id);
          g_assert_cmpint (now->changed_at, >=, previous->changed_at);
        }
    }
}

static void
test_history (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) h0 = list_history (fixture);
  g_autoptr(GPtrArray) h1 = NULL;
  g_autoptr(GPtrArray) h2 = NULL;
  g_autoptr(GPtrArray) h3 = NULL;
  g_autoptr(GPtrArray) h4 = NULL;
  g_autoptr(GPtrArray) h5 = NULL;
  g_autoptr(GError) error = NULL;
  RoadmapSkill *undone = NULL;
  gint64 before = g_get_real_time ();

  g_assert_cmpuint (h0->len, ==, 0);

  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DOING, 0);
  h1 = list_history (fixture);
  assert_appended (h0, h1, 1);
  assert_entry (g_ptr_array_index (h1, 0), ROADMAP_HISTORY_MOVE, "alpha", "a",
                ROADMAP_STATUS_TODO, ROADMAP_STATUS_DOING);
  g_assert_cmpint (((RoadmapHistoryEntry *) g_ptr_array_index (h1, 0))->changed_at, >=, before);
  g_assert_cmpint (((RoadmapHistoryEntry *) g_ptr_array_index (h1, 0))->changed_at, <=, g_get_real_time ());

  /* A move within a column is recorded too */
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_TODO, 3);
  h2 = list_history (fixture);
  assert_appended (h1, h2, 1);
  assert_entry (g_ptr_array_index (h2, 1), ROADMAP_HISTORY_MOVE, "alpha", "b",
                ROADMAP_STATUS_TODO, ROADMAP_STATUS_TODO);

  store_fixture_move (fixture, "beta", "a", ROADMAP_STATUS_DONE, 0);
  h3 = list_history (fixture);
  assert_appended (h2, h3, 1);
  assert_entry (g_ptr_array_index (h3, 2), ROADMAP_HISTORY_MOVE, "beta", "a",
                ROADMAP_STATUS_TODO, ROADMAP_STATUS_DONE);

  /* An undo is appended, it does not remove the move */
  store_test_undo (fixture->store, fixture->catalog, &undone, &error);
  g_assert_no_error (error);
  g_assert_true (undone == store_fixture_skill (fixture, "beta", "a"));
  h4 = list_history (fixture);
  assert_appended (h3, h4, 1);
  assert_entry (g_ptr_array_index (h4, 3), ROADMAP_HISTORY_UNDO, "beta", "a",
                ROADMAP_STATUS_DONE, ROADMAP_STATUS_TODO);

  /* And it is all still there after closing the database */
  fixture_open (fixture);
  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DONE, 0);
  h5 = list_history (fixture);
  assert_appended (h4, h5, 1);
  assert_entry (g_ptr_array_index (h5, 4), ROADMAP_HISTORY_MOVE, "alpha", "a",
                ROADMAP_STATUS_DOING, ROADMAP_STATUS_DONE);
}

static void
undo (StoreFixture *fixture,
      RoadmapSkill *expected)
{
  g_autoptr(GError) error = NULL;
  RoadmapSkill *undone = (RoadmapSkill *) 0x1;

  g_assert_true (store_test_undo (fixture->store, fixture->catalog, &undone, &error));
  g_assert_no_error (error);
  g_assert_true (undone == expected);
}

static gint64
test_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static RoadmapSession *
fixture_session (StoreFixture *fixture)
{
  return store_test_session (fixture->store, fixture->catalog);
}

static void
test_undo (StoreFixture  *fixture,
           gconstpointer  data)
{
  g_autofree char *d0 = NULL;
  g_autofree char *d1 = NULL;
  g_autofree char *d2 = NULL;
  g_autofree char *d3 = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GPtrArray) history = NULL;
  RoadmapSkill *c = store_fixture_skill (fixture, "alpha", "c");
  gint64 clock = G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC;

  /* Every time the commands record comes from the session's clock */
  roadmap_session_set_clock (fixture_session (fixture), test_clock, &clock);

  /* Nothing to undo on a new database */
  undo (fixture, NULL);

  d0 = store_test_describe_catalog (fixture->catalog);
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_DOING, 0);
  d1 = store_test_describe_catalog (fixture->catalog);
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_started_at (c)), ==, 1700000000);

  clock += G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC;
  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DOING, 0);
  d2 = store_test_describe_catalog (fixture->catalog);
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_DONE, 0);
  d3 = store_test_describe_catalog (fixture->catalog);
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "a");
  assert_column (fixture, "one", ROADMAP_STATUS_DONE, "c");
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_finished_at (c)), ==, 1700003600);

  /* Each undo restores status, place and dates of the step before */
  undo (fixture, c);
  now = store_test_describe_catalog (fixture->catalog);
  g_assert_cmpstr (now, ==, d2);
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "a c");
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_started_at (c)), ==, 1700000000);
  g_assert_null (roadmap_skill_get_finished_at (c));

  undo (fixture, store_fixture_skill (fixture, "alpha", "a"));
  g_clear_pointer (&now, g_free);
  now = store_test_describe_catalog (fixture->catalog);
  g_assert_cmpstr (now, ==, d1);
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "a b d e");

  /* Undo is durable: on disk, it survives a reopen */
  {
    g_autofree char *reopened = store_test_describe_reopened (fixture->db_path, FALSE);

    g_assert_cmpstr (reopened, ==, d1);
  }

  undo (fixture, c);
  g_clear_pointer (&now, g_free);
  now = store_test_describe_catalog (fixture->catalog);
  g_assert_cmpstr (now, ==, d0);
  assert_column (fixture, "one", ROADMAP_STATUS_TODO, "a b c d e");

  /* Nothing left: TRUE, no skill, no change, nothing recorded */
  undo (fixture, NULL);
  g_clear_pointer (&now, g_free);
  now = store_test_describe_catalog (fixture->catalog);
  g_assert_cmpstr (now, ==, d0);

  history = list_history (fixture);
  g_assert_cmpuint (history->len, ==, 6);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (((RoadmapHistoryEntry *) g_ptr_array_index (history, i))->kind, ==, ROADMAP_HISTORY_MOVE);
  for (guint i = 3; i < 6; i++)
    g_assert_cmpint (((RoadmapHistoryEntry *) g_ptr_array_index (history, i))->kind, ==, ROADMAP_HISTORY_UNDO);

  /* Redo walks forward again, to the same dates */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      RoadmapCommand *redone = NULL;

      g_assert_true (roadmap_session_redo (fixture_session (fixture), &redone, &error));
      g_assert_no_error (error);
      g_assert_nonnull (redone);
    }
  g_clear_pointer (&now, g_free);
  now = store_test_describe_catalog (fixture->catalog);
  g_assert_cmpstr (now, ==, d3);
  g_assert_false (roadmap_session_can_redo (fixture_session (fixture)));

  /* The history is this session's: a new one has nothing to undo */
  fixture_open (fixture);
  undo (fixture, NULL);
  assert_survives_reopen (fixture);
}

/* Another process changed the skill since: the undo refuses and changes
 * nothing, and the steps before it still undo. */
static void
test_undo_changed_elsewhere (StoreFixture  *fixture,
                             gconstpointer  data)
{
  g_autoptr(RoadmapStore) other_store = NULL;
  g_autoptr(RoadmapCatalog) other_catalog = store_test_small_catalog ();
  g_autoptr(RoadmapSession) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RoadmapCommand *undone = NULL;
  guint n_changed = 0;

  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DOING, 0);
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_DONE, 0);

  /* The command line, say: b to Doing */
  other_store = roadmap_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (roadmap_store_load_progress (other_store, other_catalog, &error));
  other = roadmap_session_new_for_store (other_store, other_catalog);
  g_assert_true (roadmap_session_set_status (other, store_test_skill (other_catalog, "alpha", "b"),
                                             ROADMAP_STATUS_DOING, &error));
  g_assert_no_error (error);

  /* The change reaches this session's model without a restart */
  g_assert_true (roadmap_session_reload (fixture_session (fixture), &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, >=, 1);
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "a b");

  before = store_test_describe_db (fixture->db_path);
  g_assert_false (roadmap_session_undo (fixture_session (fixture), &undone, &error));
  g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE);
  g_clear_error (&error);
  after = store_test_describe_db (fixture->db_path);
  g_assert_cmpstr (after, ==, before);
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "a b");

  /* The step before is still this session's own */
  undo (fixture, store_fixture_skill (fixture, "alpha", "a"));
  assert_column (fixture, "one", ROADMAP_STATUS_DOING, "b");
  undo (fixture, NULL);
}

static void
test_undo_after_new_move (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autofree char *d0 = store_test_describe_catalog (fixture->catalog);
  g_autofree char *d1 = NULL;
  g_autofree char *now = NULL;

  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DOING, 0);
  d1 = store_test_describe_catalog (fixture->catalog);
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_DONE, 0);
  undo (fixture, store_fixture_skill (fixture, "alpha", "b"));
  store_fixture_move (fixture, "alpha", "h", ROADMAP_STATUS_DOING, 0);

  undo (fixture, store_fixture_skill (fixture, "alpha", "h"));
  now = store_test_describe_catalog (fixture->catalog);
  g_assert_cmpstr (now, ==, d1);

  undo (fixture, store_fixture_skill (fixture, "alpha", "a"));
  g_clear_pointer (&now, g_free);
  now = store_test_describe_catalog (fixture->catalog);
  g_assert_cmpstr (now, ==, d0);

  undo (fixture, NULL);
}

static gint64
count_notes (StoreFixture *fixture)
{
  g_autoptr(sqlite3) db = store_test_sqlite_open (fixture->db_path);

  /* A removed note keeps an empty row, for other processes to see */
  return store_test_query_int (db, "SELECT count(*) FROM notes WHERE body != ''");
}

static void
test_notes (StoreFixture  *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) history = NULL;

  g_assert_null (roadmap_skill_get_note (store_fixture_skill (fixture, "alpha", "c")));

  store_fixture_set_note (fixture, "alpha", "c", "Read chapter 3");
  g_assert_cmpstr (roadmap_skill_get_note (store_fixture_skill (fixture, "alpha", "c")), ==, "Read chapter 3");
  g_assert_null (roadmap_skill_get_note (store_fixture_skill (fixture, "beta", "a")));
  store_fixture_set_note (fixture, "beta", "a", "Ünïcödé ✓ and \"quotes\" and 'apostrophes'; DROP TABLE notes;");
  assert_survives_reopen (fixture);
  g_assert_cmpstr (roadmap_skill_get_note (store_fixture_skill (fixture, "alpha", "c")), ==, "Read chapter 3");
  g_assert_cmpint (count_notes (fixture), ==, 2);

  /* Replace */
  store_fixture_set_note (fixture, "alpha", "c", "Chapter 4 next\nthen the exercises");
  assert_survives_reopen (fixture);
  g_assert_cmpstr (roadmap_skill_get_note (store_fixture_skill (fixture, "alpha", "c")), ==,
                   "Chapter 4 next\nthen the exercises");
  g_assert_cmpint (count_notes (fixture), ==, 2);

  /* A note does not touch the status, and a move does not touch the note */
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_DONE, 0);
  g_assert_cmpstr (roadmap_skill_get_note (store_fixture_skill (fixture, "alpha", "c")), ==,
                   "Chapter 4 next\nthen the exercises");
  g_assert_cmpint (roadmap_skill_get_status (store_fixture_skill (fixture, "beta", "a")), ==, ROADMAP_STATUS_TODO);

  /* Remove, with NULL and with "" */
  store_fixture_set_note (fixture, "alpha", "c", NULL);
  g_assert_null (roadmap_skill_get_note (store_fixture_skill (fixture, "alpha", "c")));
  store_fixture_set_note (fixture, "beta", "a", "");
  g_assert_null (roadmap_skill_get_note (store_fixture_skill (fixture, "beta", "a")));
  assert_survives_reopen (fixture);
  g_assert_null (roadmap_skill_get_note (store_fixture_skill (fixture, "alpha", "c")));
  g_assert_null (roadmap_skill_get_note (store_fixture_skill (fixture, "beta", "a")));
  g_assert_cmpint (count_notes (fixture), ==, 0);

  /* Notes are in the history as notes, not as status changes: one move,
   * and five notes (two written, one replaced, two removed) as one
   * activity mark a skill: they were all written today */
  history = list_history (fixture);
  g_assert_cmpuint (history->len, ==, 3);
  for (guint i = 0, n_moves = 0; i < history->len; i++)
    {
      RoadmapHistoryEntry *entry = g_ptr_array_index (history, i);

      if (entry->kind == ROADMAP_HISTORY_MOVE)
        g_assert_cmpuint (++n_moves, ==, 1);
      else
        {
          g_assert_cmpint (entry->kind, ==, ROADMAP_HISTORY_NOTE);
          g_assert_cmpint (entry->old_status, ==, entry->new_status);
        }
    }
}

static void
test_backup (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autofree char *destination = g_build_filename (fixture->dir, "copy.db", NULL);
  /* Below a regular file: no folder can be made there */
  g_autofree char *missing = g_build_filename (fixture->db_path, "copy.db", NULL);
  g_autofree char *live = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *journal_mode = NULL;
  g_autofree char *tmp = g_strconcat (destination, ".tmp", NULL);
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(GError) error = NULL;

  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DOING, 0);
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_DONE, 0);
  store_fixture_move (fixture, "beta", "x", ROADMAP_STATUS_DOING, 0);
  store_fixture_set_note (fixture, "alpha", "e", "a note");
  undo (fixture, store_fixture_skill (fixture, "beta", "x"));

  g_assert_true (roadmap_store_backup (fixture->store, destination, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (store_test_file_mode (destination), ==, 0600);

  /* A plain SQLite database with the same rows */
  store_test_assert_integrity (destination);
  live = store_test_describe_db (fixture->db_path);
  copy = store_test_describe_db (destination);
  g_assert_cmpstr (copy, ==, live);

  db = store_test_sqlite_open (destination);
  journal_mode = store_test_query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "delete");
  g_assert_cmpint (store_test_query_int (db, "PRAGMA application_id"), ==, 0x52644d70);
  g_assert_cmpint (store_test_query_int (db, "PRAGMA user_version"), ==, 7);
  g_clear_pointer (&db, sqlite3_close);

  /* A second backup replaces the first */
  store_fixture_move (fixture, "alpha", "h", ROADMAP_STATUS_DONE, 0);
  g_assert_true (roadmap_store_backup (fixture->store, destination, &error));
  g_assert_no_error (error);
  g_clear_pointer (&live, g_free);
  g_clear_pointer (&copy, g_free);
  live = store_test_describe_db (fixture->db_path);
  copy = store_test_describe_db (destination);
  g_assert_cmpstr (copy, ==, live);

  /* A backup that cannot be written fails and leaves nothing behind */
  g_assert_false (roadmap_store_backup (fixture->store, missing, &error));
  g_assert_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_IO);
  g_clear_error (&error);
  /* The store is still usable */
  store_fixture_move (fixture, "alpha", "h", ROADMAP_STATUS_TODO, 0);
  assert_survives_reopen (fixture);
}

static void
test_backup_auto (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (fixture->db_path, ".backup", NULL);
  g_autofree char *live = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *old = NULL;
  g_autoptr(sqlite3) db = NULL;
  struct utimbuf two_days_ago;
  GStatBuf st;

  /* Made when the database was opened */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  store_test_assert_integrity (backup);
  db = store_test_sqlite_open (backup);
  g_assert_cmpint (store_test_query_int (db, "PRAGMA application_id"), ==, 0x52644d70);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM progress"), ==, 0);
  g_clear_pointer (&db, sqlite3_close);

  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DOING, 0);

  /* Not more than once a day … */
  old = store_test_describe_db (backup);
  fixture_open (fixture);
  copy = store_test_describe_db (backup);
  g_assert_cmpstr (copy, ==, old);

  /* … but when it is older, the next open refreshes it */
  two_days_ago.actime = two_days_ago.modtime = now_seconds () - 2 * 24 * 3600;
  g_assert_cmpint (g_utime (backup, &two_days_ago), ==, 0);
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_DONE, 0);
  fixture_open (fixture);

  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mtime, >, now_seconds () - 3600);
  store_test_assert_integrity (backup);
  g_clear_pointer (&copy, g_free);
  live = store_test_describe_db (fixture->db_path);
  copy = store_test_describe_db (backup);
  g_assert_cmpstr (copy, ==, live);
}

/* The daily backup is a convenience: when it cannot be written, the store
 * still opens and works. */
static void
test_backup_auto_fails (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autofree char *backup = g_strconcat (fixture->db_path, ".backup", NULL);
  struct utimbuf old = { 1000000000, 1000000000 };
  g_autoptr(GDir) dir = NULL;
  const char *name;

  store_fixture_close (fixture);
  g_assert_cmpint (g_unlink (backup), ==, 0);
  /* An old folder in the way of the backup: the copy cannot replace it */
  g_assert_cmpint (g_mkdir (backup, 0700), ==, 0);
  g_assert_cmpint (utime (backup, &old), ==, 0);

  fixture_open (fixture);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_DIR));
  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DONE, 0);
  assert_survives_reopen (fixture);

  /* No temporary copy left behind */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, ".tmp"));
}

/* History compaction */

#define DAY G_TIME_SPAN_DAY

/* The status changes, one line each: id, time, skill, from, to */
static char *
describe_status_changes (const char *db_path)
{
  g_autoptr(sqlite3) db = store_test_sqlite_open (db_path);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT id, changed_at, kind, track_id, skill_id, old_status, new_status"
                                       " FROM history WHERE old_status != new_status ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%lld %lld %d %s/%s %d>%d\n",
                            (long long) sqlite3_column_int64 (stmt, 0),
                            (long long) sqlite3_column_int64 (stmt, 1),
                            sqlite3_column_int (stmt, 2),
                            sqlite3_column_text (stmt, 3), sqlite3_column_text (stmt, 4),
                            sqlite3_column_int (stmt, 5), sqlite3_column_int (stmt, 6));
  return g_string_free (out, FALSE);
}

static gint64
query_fixture_int (StoreFixture *fixture,
                   const char   *sql)
{
  g_autoptr(sqlite3) db = store_test_sqlite_open (fixture->db_path);

  return store_test_query_int (db, sql);
}

/* The most activity marks of one (track, skill, local day, kind) */
#define MAX_MARKS_A_DAY \
  "SELECT coalesce (max (n), 0) FROM (SELECT count(*) AS n FROM history WHERE kind IN (4, 6)" \
  " GROUP BY track_id, skill_id, kind, date (changed_at / 1000000, 'unixepoch', 'localtime'))"

static void
compact (StoreFixture *fixture,
         gint64        now)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_store_compact_history (fixture->store, now, NULL, &error));
  g_assert_no_error (error);
}

static void
test_compaction (StoreFixture  *fixture,
                 gconstpointer  data)
{
  RoadmapSession *session = fixture_session (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *changes_before = NULL;
  g_autofree char *changes_after = NULL;
  g_autofree char *board = NULL;
  gint64 now = g_get_real_time ();
  /* A month ago, at noon UTC: the day's marks are in one local day */
  gint64 clock = (now - 30 * DAY) / DAY * DAY + DAY / 2;
  gint64 last_id, change;

  roadmap_session_set_clock (session, test_clock, &clock);

  /* Three days of work: status changes, moves within a column, notes
   * saved as they were typed, and changes that wrote no row of their own */
  for (guint day = 0; day < 3; day++)
    {
      store_fixture_move (fixture, "alpha", "a", day % 2 == 0 ? ROADMAP_STATUS_DOING : ROADMAP_STATUS_DONE, 0);
      clock += G_USEC_PER_SEC;
      store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_TODO, 4);
      clock += G_USEC_PER_SEC;
      store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_TODO, 0);
      for (guint i = 0; i < 20; i++)
        {
          g_autofree char *note = g_strdup_printf ("day %u, word %u", day, i);

          clock += G_USEC_PER_SEC;
          store_fixture_set_note (fixture, "alpha", "c", note);
          store_fixture_set_note (fixture, "beta", "x", note);
        }
      g_assert_true (roadmap_store_begin_change (fixture->store, &change, NULL, &error));
      g_assert_true (roadmap_store_commit_change (fixture->store, NULL, &error));
      g_assert_no_error (error);
      clock += DAY;
    }

  /* Notes: one mark a skill a day, as they are written */
  g_assert_cmpint (query_fixture_int (fixture, MAX_MARKS_A_DAY), ==, 1);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT count(*) FROM history WHERE kind = 4"), ==, 6);

  /* The last step: a status change (alpha/e) this session can undo */
  store_fixture_move (fixture, "alpha", "e", ROADMAP_STATUS_DONE, 0);
  changes_before = describe_status_changes (fixture->db_path);
  last_id = query_fixture_int (fixture, "SELECT max(id) FROM history");
  g_assert_cmpint (query_fixture_int (fixture, "SELECT count(*) FROM history WHERE kind = 5"), ==, 3);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT count(*) FROM history WHERE kind = 0 AND old_status = new_status"), ==, 6);
  board = store_test_describe_catalog (fixture->catalog);

  /* Not old enough yet: a week is kept */
  compact (fixture, clock + 2 * DAY);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT count(*) FROM history WHERE kind = 5"), ==, 3);

  /* The change markers have the time of the commit, not the session's
   * clock: they are from today */
  compact (fixture, now + 8 * DAY);
  changes_after = describe_status_changes (fixture->db_path);
  g_assert_cmpstr (changes_after, ==, changes_before);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT max(id) FROM history"), ==, last_id);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT count(*) FROM history WHERE kind = 5"), ==, 0);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT count(*) FROM history WHERE old_status = new_status AND kind != 4"), ==, 0);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT count(*) FROM history WHERE kind = 4"), ==, 6);
  /* Three status changes of alpha/a and one of alpha/e, six marks */
  g_assert_cmpint (query_fixture_int (fixture, "SELECT count(*) FROM history"), ==, 10);

  /* Nothing else changed, and undo still works: the row it checks is
   * the one this session wrote, and the counter goes on from where it was */
  g_assert_true (roadmap_session_reload (session, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *board_after = store_test_describe_catalog (fixture->catalog);

    g_assert_cmpstr (board_after, ==, board);
  }
  undo (fixture, store_fixture_skill (fixture, "alpha", "e"));
  g_assert_cmpint (roadmap_skill_get_status (store_fixture_skill (fixture, "alpha", "e")), ==, ROADMAP_STATUS_TODO);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT max(id) FROM history"), ==, last_id + 1);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT kind FROM history WHERE id = (SELECT max(id) FROM history)"),
                   ==, ROADMAP_HISTORY_UNDO);
  g_assert_true (roadmap_session_redo (session, NULL, &error));
  g_assert_no_error (error);
  assert_survives_reopen (fixture);

  /* Once more changes nothing */
  g_clear_pointer (&changes_before, g_free);
  changes_before = describe_status_changes (fixture->db_path);
  compact (fixture, now + 60 * DAY);
  g_clear_pointer (&changes_after, g_free);
  changes_after = describe_status_changes (fixture->db_path);
  g_assert_cmpstr (changes_after, ==, changes_before);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT count(*) FROM history"), ==, 12);
}

/* Conflicts, import rows and kinds it does not know are never removed;
 * nor the last row, which is the change counter, whatever its kind. */
static void
test_compaction_keeps (StoreFixture  *fixture,
                       gconstpointer  data)
{
  gint64 old = g_get_real_time () - 60 * DAY;
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO history (id, change, kind, origin, track_id, skill_id, old_status, new_status, changed_at) VALUES"
    "  (1, 1, 7, 3, 'alpha', 'a', 1, 1, %1$lld),"   /* a conflict */
    "  (2, 2, 63, 1, 'alpha', 'a', 0, 0, %1$lld),"  /* a hook's kind */
    "  (3, 3, 2, 1, '', '', 0, 0, %1$lld),"         /* an import */
    "  (4, 4, 8, 1, '', '', 0, 0, %1$lld),"         /* a newer version's kind */
    "  (5, 5, 0, 1, 'alpha', 'b', 0, 0, %1$lld),"   /* a reorder */
    "  (6, 6, 5, 1, '', '', 0, 0, %1$lld);",        /* a change marker, the last */
    (long long) old);

  /* Opening compacted it, as it was due */
  store_fixture_exec (fixture, sql);
  {
    g_autoptr(sqlite3) db = store_test_sqlite_open (fixture->db_path);
    g_autofree char *ids = store_test_query_text (db, "SELECT group_concat (id, ' ') FROM (SELECT id FROM history ORDER BY id)");

    g_assert_cmpstr (ids, ==, "1 2 3 4 6");
  }
  compact (fixture, g_get_real_time () + 365 * DAY);
  {
    g_autoptr(sqlite3) db = store_test_sqlite_open (fixture->db_path);
    g_autofree char *ids = store_test_query_text (db, "SELECT group_concat (id, ' ') FROM (SELECT id FROM history ORDER BY id)");

    g_assert_cmpstr (ids, ==, "1 2 3 4 6");
  }

  /* The next change numbers on */
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_DOING, 0);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT max(id) FROM history"), ==, 7);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT change FROM progress WHERE skill_id = 'c'"), ==, 7);
}

/* In batches, each its own transaction, taken up again where the last
 * stopped: the same result as in one go */
static void
test_compaction_batches (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 old = g_get_real_time () - 60 * DAY;
  GString *sql = g_string_new ("BEGIN;");
  g_autofree char *changes_before = NULL;
  g_autofree char *changes_after = NULL;
  gboolean finished = FALSE;
  guint n_removed = 0, n_calls = 0;

  /* 300 old rows, every third a status change, the others reorders; a
   * compaction done today, so that opening does not do it again */
  for (guint i = 1; i <= 300; i++)
    g_string_append_printf (sql,
                            "INSERT INTO history (id, change, kind, origin, track_id, skill_id,"
                            "  old_status, new_status, changed_at)"
                            " VALUES (%u, %u, 0, 1, 'alpha', 'a', %u, 1, %lld);",
                            i, i, i % 3 == 0 ? 0 : 1, (long long) (old + i));
  g_string_append_printf (sql, "UPDATE history_compaction SET scanned = 0, done_at = %lld; COMMIT;",
                          (long long) g_get_real_time ());
  store_fixture_exec (fixture, sql->str);
  g_string_free (sql, TRUE);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT count(*) FROM history"), ==, 300);
  changes_before = describe_status_changes (fixture->db_path);

  while (!finished)
    {
      g_assert_true (_roadmap_store_compact_history_full (fixture->store, g_get_real_time (), 7, 1,
                                                          &finished, &n_removed, &error));
      g_assert_no_error (error);
      g_assert_cmpint (query_fixture_int (fixture, "SELECT max(id) FROM history"), ==, 300);
      n_calls++;
    }
  g_assert_cmpuint (n_calls, >=, 300 / 7);
  g_assert_cmpuint (n_removed, ==, 200);
  changes_after = describe_status_changes (fixture->db_path);
  g_assert_cmpstr (changes_after, ==, changes_before);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT count(*) FROM history"), ==, 100);

  /* A day later it is due again, on open, and goes on from where it was */
  store_fixture_exec (fixture,
                      "UPDATE history_compaction SET done_at = done_at - 86400000000;"
                      "INSERT INTO history (id, change, kind, origin, track_id, skill_id,"
                      "  old_status, new_status, changed_at)"
                      "  SELECT id + 300, id + 300, 0, 1, 'alpha', 'b', 1, 1, changed_at FROM history;");
  g_assert_cmpint (query_fixture_int (fixture, "SELECT count(*) FROM history"), ==, 101);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT max(id) FROM history"), ==, 600);
  g_assert_cmpint (query_fixture_int (fixture, "SELECT scanned FROM history_compaction"), ==, 599);
}

/* A database of schema 2, from the release before: migrated, and its
 * history compacted on open (its rows are old) */
static void
test_compaction_schema_2 (void)
{
  g_autofree char *fixture_file = g_test_build_filename (G_TEST_DIST, "fixtures", "store", "schema-2.db", NULL);
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "progress.db", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (fixture_file);
  g_autoptr(GFile) destination = g_file_new_for_path (db_path);
  g_autoptr(RoadmapCatalog) catalog = store_test_bundled_catalog ();
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *changes_before = describe_status_changes (fixture_file);
  g_autofree char *changes_after = NULL;
  g_autofree char *ids = NULL;

  g_file_copy (source, destination, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  store = roadmap_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (roadmap_store_load_progress (store, catalog, &error));
  g_assert_no_error (error);
  g_assert_cmpint (roadmap_skill_get_status (store_test_skill (catalog, "backend-developer", "python-sql")), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpint (roadmap_skill_get_status (store_test_skill (catalog, "backend-developer", "database-design")), ==, ROADMAP_STATUS_DOING);
  g_assert_cmpint (roadmap_skill_get_status (store_test_skill (catalog, "data-engineer", "etl-basics")), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpstr (roadmap_skill_get_note (store_test_skill (catalog, "data-engineer", "etl-basics")), ==, "Airflow next");

  db = store_test_sqlite_open (db_path);
  g_assert_cmpint (store_test_query_int (db, "PRAGMA user_version"), ==, 7);
  /* Kept: the status changes (1-4, 13), the imports' own rows (5, 9),
   * the last note of each day (16, 17), the last row (20). Gone: the
   * imports' rows of unchanged skills, two notes of one day, a change
   * marker and a reorder. */
  ids = store_test_query_text (db, "SELECT group_concat (id, ' ') FROM (SELECT id FROM history ORDER BY id)");
  g_assert_cmpstr (ids, ==, "1 2 3 4 5 9 13 16 17 20");
  changes_after = describe_status_changes (db_path);
  g_assert_cmpstr (changes_after, ==, changes_before);
  g_clear_pointer (&db, sqlite3_close);

  /* The counter goes on from 20 */
  g_assert_true (store_test_set_status (store, store_test_skill (catalog, "backend-developer", "api-development"),
                                        ROADMAP_STATUS_DOING, &error));
  g_assert_no_error (error);
  db = store_test_sqlite_open (db_path);
  g_assert_cmpint (store_test_query_int (db, "SELECT max(id) FROM history"), ==, 21);
  g_clear_pointer (&db, sqlite3_close);

  g_clear_object (&store);
  store_test_forget_sessions ();
  store_test_remove_dir (dir);
}

/* Rows of a roadmap that is not loaded now are kept, for when it is. */
static void
test_rows_of_unloaded_tracks_kept (StoreFixture  *fixture,
                                   gconstpointer  data)
{
  g_autoptr(RoadmapCatalog) small = store_test_small_catalog ();
  g_autoptr(RoadmapCatalog) alpha_only = roadmap_catalog_new ();
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  store_fixture_move (fixture, "beta", "y", ROADMAP_STATUS_DONE, 0);
  store_fixture_set_note (fixture, "beta", "x", "keep me");
  before = store_test_describe_catalog (fixture->catalog);
  store_fixture_close (fixture);

  /* A session with only the alpha roadmap */
  g_assert_true (roadmap_catalog_add_track (alpha_only, roadmap_catalog_find_track (small, "alpha"),
                                            &error));
  g_assert_no_error (error);
  store = roadmap_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  roadmap_store_load_progress (store, alpha_only, &error);
  g_assert_no_error (error);
  g_assert_true (store_test_move_skill (store, store_test_skill (alpha_only, "alpha", "a"),
                                           ROADMAP_STATUS_DOING, 0, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Both roadmaps again: beta's progress and note are still there */
  fixture_open (fixture);
  g_assert_cmpint (roadmap_skill_get_status (store_fixture_skill (fixture, "alpha", "a")), ==, ROADMAP_STATUS_DOING);
  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_TODO, 0);
  after = store_test_describe_catalog (fixture->catalog);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, fixture_setup, func, store_fixture_tear_down)

  ADD ("/store/open/pragmas", test_pragmas);
  g_test_add_func ("/store/open/file-mode", test_file_mode);
  ADD ("/store/status/roundtrip", test_status_roundtrip);
  ADD ("/store/positions/shift", test_positions_shift);
  ADD ("/store/positions/reorder", test_positions_reorder);
  ADD ("/store/positions/dense-after-reload", test_positions_dense_after_reload);
  ADD ("/store/positions/skill-without-row", test_positions_skill_without_row);
  ADD ("/store/dates", test_dates);
  ADD ("/store/history/append-only", test_history);
  ADD ("/store/undo/walk-back", test_undo);
  ADD ("/store/undo/changed-elsewhere", test_undo_changed_elsewhere);
  ADD ("/store/undo/after-new-move", test_undo_after_new_move);
  ADD ("/store/notes", test_notes);
  ADD ("/store/backup/api", test_backup);
  ADD ("/store/backup/auto", test_backup_auto);
  ADD ("/store/backup/auto-fails", test_backup_auto_fails);
  ADD ("/store/load/unloaded-tracks-kept", test_rows_of_unloaded_tracks_kept);
  ADD ("/store/history/compaction", test_compaction);
  ADD ("/store/history/compaction/keeps", test_compaction_keeps);
  ADD ("/store/history/compaction/batches", test_compaction_batches);
  g_test_add_func ("/store/history/compaction/schema-2", test_compaction_schema_2);

#undef ADD

  return g_test_run ();
}

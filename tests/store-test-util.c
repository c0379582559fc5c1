/* store-test-util.c — helpers shared by the progress store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <glib/gstdio.h>

#include "roadmap-store-private.h"
#include "roadmap-move-command.h"
#include "store-test-util.h"

/* Temporary folders */

char *
store_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("roadmap-store-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

/* Removes @path and everything in it; makes folders writable first, since
 * some tests make them read-only. */
void
store_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        store_test_remove_dir (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/* The file the store kept a damaged database as (`<db>.corrupt-*`, not
 * its -wal/-shm companions), or NULL. Asserts there is at most one. */
char *
store_test_find_corrupt_copy (const char *db_path)
{
  g_autofree char *folder = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *prefix = g_strconcat (base, ".corrupt-", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  char *found = NULL;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_prefix (name, prefix) ||
          g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm"))
        continue;

      g_assert_null (found);
      found = g_build_filename (folder, name, NULL);
    }

  return found;
}

/* Catalogs */

static RoadmapPhase *
make_phase (const char          *id,
            guint                first_month,
            guint                last_month,
            const char * const  *skill_ids)
{
  RoadmapPhase *phase = roadmap_phase_new (id, id, first_month, last_month);

  for (guint i = 0; skill_ids[i] != NULL; i++)
    {
      g_autoptr(RoadmapSkill) skill = roadmap_skill_new (skill_ids[i], skill_ids[i]);

      roadmap_phase_add_skill (phase, skill);
    }

  return phase;
}

RoadmapCatalog *
store_test_small_catalog (void)
{
  static const char * const one[] = { "a", "b", "c", "d", "e", NULL };
  static const char * const two[] = { "f", "g", "h", NULL };
  static const char * const only[] = { "a", "x", "y", NULL };
  g_autoptr(RoadmapCatalog) catalog = roadmap_catalog_new ();
  g_autoptr(RoadmapTrack) alpha = roadmap_track_new ("alpha", "Alpha");
  g_autoptr(RoadmapTrack) beta = roadmap_track_new ("beta", "Beta");
  g_autoptr(RoadmapPhase) phase_one = make_phase ("one", 1, 2, one);
  g_autoptr(RoadmapPhase) phase_two = make_phase ("two", 3, 4, two);
  g_autoptr(RoadmapPhase) phase_only = make_phase ("only", 1, 1, only);
  g_autoptr(GError) error = NULL;

  static const char * const topics[] = { "one", "two", "three", NULL };

  /* A skill with topics to tick off */
  roadmap_skill_set_topics (roadmap_phase_peek_skill (phase_one, 2), topics);
  g_assert_true (roadmap_track_add_phase (alpha, phase_one));
  g_assert_true (roadmap_track_add_phase (alpha, phase_two));
  g_assert_true (roadmap_track_add_phase (beta, phase_only));

  roadmap_catalog_add_track (catalog, alpha, &error);
  g_assert_no_error (error);
  roadmap_catalog_add_track (catalog, beta, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&catalog);
}

RoadmapCatalog *
store_test_bundled_catalog (void)
{
  RoadmapCatalog *catalog = roadmap_catalog_new ();
  GPtrArray *errors;

  roadmap_loader_load_bundled (catalog);

  errors = roadmap_catalog_get_load_errors (catalog);
  g_assert_true (errors == NULL || errors->len == 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), >=, 2);

  return catalog;
}

RoadmapSkill *
store_test_skill (RoadmapCatalog *catalog,
                  const char     *track_id,
                  const char     *skill_id)
{
  RoadmapSkill *skill = roadmap_catalog_find_skill (catalog, track_id, skill_id);

  g_assert_nonnull (skill);
  return skill;
}

static void
append_time (GString    *out,
             const char *label,
             GDateTime  *time)
{
  if (time != NULL)
    g_string_append_printf (out, " %s=%" G_GINT64_FORMAT, label, g_date_time_to_unix (time));
  else
    g_string_append_printf (out, " %s=-", label);
}

/* Everything the store sets on the model, one line per skill, plus the
 * counts of every phase: two equal descriptions mean equal progress. */
char *
store_test_describe_catalog (RoadmapCatalog *catalog)
{
  GString *out = g_string_new (NULL);
  guint n_tracks = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  g_string_append_printf (out, "count-skipped-as-done=%d\n",
                          roadmap_catalog_get_count_skipped_as_done (catalog));

  for (guint t = 0; t < n_tracks; t++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), t);
      GListModel *phases = roadmap_track_get_phases (track);
      guint n_phases = g_list_model_get_n_items (phases);

      for (guint p = 0; p < n_phases; p++)
        {
          g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);
          GListModel *skills = roadmap_phase_get_skills (phase);
          guint n_skills = g_list_model_get_n_items (skills);

          g_string_append_printf (out, "%s/%s todo=%u doing=%u done=%u skipped=%u counted=%u/%u\n",
                                  roadmap_track_get_id (track), roadmap_phase_get_id (phase),
                                  roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_TODO),
                                  roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_DOING),
                                  roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_DONE),
                                  roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_SKIPPED),
                                  roadmap_phase_get_n_counted_done (phase),
                                  roadmap_phase_get_n_counted (phase));

          for (guint s = 0; s < n_skills; s++)
            {
              g_autoptr(RoadmapSkill) skill = g_list_model_get_item (skills, s);
              const char *note = roadmap_skill_get_note (skill);

              g_string_append_printf (out, "  %s %s %u",
                                      roadmap_skill_get_id (skill),
                                      roadmap_status_to_string (roadmap_skill_get_status (skill)),
                                      roadmap_skill_get_position (skill));
              append_time (out, "started", roadmap_skill_get_started_at (skill));
              append_time (out, "finished", roadmap_skill_get_finished_at (skill));
              if (note != NULL)
                g_string_append_printf (out, " note=“%s”", note);
              if (roadmap_skill_get_n_topics_done (skill) > 0)
                {
                  g_string_append (out, " topics=");
                  for (guint i = 0; i < roadmap_skill_get_n_topics (skill); i++)
                    if (roadmap_skill_get_topic_done (skill, i))
                      g_string_append_printf (out, "%u,", i + 1);
                }
              g_string_append_c (out, '\n');
            }
        }
    }

  return g_string_free (out, FALSE);
}

/* The skill ids of one column in board order, e.g. "c a b"; also asserts
 * that each card's position is its place */
char *
store_test_describe_column (RoadmapCatalog *catalog,
                            const char     *track_id,
                            const char     *phase_id,
                            RoadmapStatus   status)
{
  RoadmapTrack *track = roadmap_catalog_find_track (catalog, track_id);
  g_autoptr(GString) out = g_string_new (NULL);
  RoadmapPhase *phase;
  GListModel *column;

  g_assert_nonnull (track);
  phase = roadmap_track_find_phase (track, phase_id);
  g_assert_nonnull (phase);
  column = roadmap_phase_get_column (phase, status);

  for (guint i = 0; i < g_list_model_get_n_items (column); i++)
    {
      g_autoptr(RoadmapSkill) skill = g_list_model_get_item (column, i);

      g_assert_cmpint (roadmap_skill_get_status (skill), ==, status);
      g_assert_cmpuint (roadmap_skill_get_position (skill), ==, i);
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, roadmap_skill_get_id (skill));
    }

  return g_strdup (out->str);
}

/* The database, read with plain SQLite */

sqlite3 *
store_test_sqlite_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    g_error ("Could not open %s: %s", path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_busy_timeout (db, 5000);

  return db;
}

/* @sql run up to its first row, which it must have */
static sqlite3_stmt *
query_first_row (sqlite3    *db,
                 const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  return stmt;
}

gint64
store_test_query_int (sqlite3    *db,
                      const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = query_first_row (db, sql);

  return sqlite3_column_int64 (stmt, 0);
}

char *
store_test_query_text (sqlite3    *db,
                       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = query_first_row (db, sql);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
append_rows (GString    *out,
             sqlite3    *db,
             const char *title,
             const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_string_append_printf (out, "%s:\n", title);

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (out, " ");
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (out, " %s", text != NULL ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }

  if (rc != SQLITE_DONE)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

/* Every row of the three tables (without the times of writing, which a
 * replay cannot reproduce). */
char *
store_test_describe_db (const char *path)
{
  g_autoptr(sqlite3) db = store_test_sqlite_open (path);
  GString *out = g_string_new (NULL);

  append_rows (out, db, "progress",
               /* The place in the column, not the sparse key */
               "SELECT track_id, skill_id, status,"
               "       row_number () OVER (PARTITION BY track_id, status ORDER BY sort_key, skill_id) - 1,"
               "       started_at, finished_at"
               " FROM progress ORDER BY track_id, skill_id");
  append_rows (out, db, "notes",
               "SELECT track_id, skill_id, body FROM notes WHERE body != '' ORDER BY track_id, skill_id");
  append_rows (out, db, "preferences", "SELECT key, value FROM preferences ORDER BY key");
  append_rows (out, db, "topics",
               "SELECT track_id, skill_id, topic, done FROM topics ORDER BY track_id, skill_id, topic");
  append_rows (out, db, "plans",
               "SELECT track_id, start, months, hours_per_week FROM plans ORDER BY track_id");
  append_rows (out, db, "history",
               "SELECT id, kind, track_id, skill_id, old_status, new_status,"
               "       old_started, old_finished, undoes"
               " FROM history ORDER BY id");

  return g_string_free (out, FALSE);
}

/**
 * store_test_copy_fixture:
 * @name: a database in tests/fixtures/store/, e.g. "schema-5.db"
 * @version: the schema version it must have
 *
 * Returns: (transfer full): the path of a copy of it, `progress.db` in
 *   @dir, checked to be still of @version
 */
char *
store_test_copy_fixture (const char *name,
                         gint64      version,
                         const char *dir)
{
  g_autofree char *fixture_file = g_test_build_filename (G_TEST_DIST, "fixtures", "store", name, NULL);
  char *path = g_build_filename (dir, "progress.db", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (fixture_file);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = NULL;

  g_file_copy (source, destination, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  db = store_test_sqlite_open (path);
  g_assert_cmpint (store_test_query_int (db, "PRAGMA user_version"), ==, version);
  return path;
}

void
store_test_assert_integrity (const char *path)
{
  g_autoptr(sqlite3) db = store_test_sqlite_open (path);
  g_autofree char *result = store_test_query_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (result, ==, "ok");
}

/* The store */

char *
store_test_describe_reopened (const char *path,
                              gboolean    bundled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapStore) store = roadmap_store_open (path, &error);
  g_autoptr(RoadmapCatalog) catalog = NULL;

  g_assert_no_error (error);
  g_assert_null (roadmap_store_get_recovery_message (store));

  catalog = bundled ? store_test_bundled_catalog () : store_test_small_catalog ();
  roadmap_store_load_progress (store, catalog, &error);
  g_assert_no_error (error);

  return store_test_describe_catalog (catalog);
}

/* The fixture */

/* The folder and the database path; store_fixture_open() opens the store */
void
store_fixture_set_up (StoreFixture  *fixture,
                      gconstpointer  data)
{
  fixture->dir = store_test_make_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "progress.db", NULL);
}

void
store_fixture_tear_down (StoreFixture  *fixture,
                         gconstpointer  data)
{
  store_test_forget_sessions ();
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->catalog);
  store_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db_path, g_free);
}

/* Closes the database, as when the app quits: the fixture's session
 * lets the store go too. */
void
store_fixture_close (StoreFixture *fixture)
{
  store_test_forget_sessions ();
  g_clear_object (&fixture->store);
}

/* (Re)opens the store on @fixture->db_path and loads it into a fresh small
 * catalog, as after a restart. */
void
store_fixture_open (StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  store_test_forget_sessions ();
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->catalog);

  fixture->store = roadmap_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  fixture->catalog = store_test_small_catalog ();
  roadmap_store_load_progress (fixture->store, fixture->catalog, &error);
  g_assert_no_error (error);
  /* The fixture's changes go through one session, as a window's do */
  store_test_session (fixture->store, fixture->catalog);
}

/* Changes the database behind the store's back, as an older release or
 * another program would have, with @sql; then opens the store on it
 * again. */
void
store_fixture_exec (StoreFixture *fixture,
                    const char   *sql)
{
  g_autoptr(sqlite3) db = NULL;

  store_fixture_close (fixture);
  db = store_test_sqlite_open (fixture->db_path);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&db, sqlite3_close);
  store_fixture_open (fixture);
}

RoadmapSkill *
store_fixture_skill (StoreFixture *fixture,
                     const char   *track_id,
                     const char   *skill_id)
{
  return store_test_skill (fixture->catalog, track_id, skill_id);
}

void
store_fixture_move (StoreFixture  *fixture,
                    const char    *track_id,
                    const char    *skill_id,
                    RoadmapStatus  status,
                    guint          position)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (store_test_move_skill (fixture->store, store_fixture_skill (fixture, track_id, skill_id),
                                        status, position, &error));
  g_assert_no_error (error);
}

/* An empty or %NULL @note removes it */
void
store_fixture_set_note (StoreFixture *fixture,
                        const char   *track_id,
                        const char   *skill_id,
                        const char   *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (store_test_set_note (fixture->store, store_fixture_skill (fixture, track_id, skill_id),
                                      note, &error));
  g_assert_no_error (error);
}

/* Changes through a session */

/* store → RoadmapSession */
static GHashTable *sessions;

void
store_test_forget_sessions (void)
{
  g_clear_pointer (&sessions, g_hash_table_unref);
}

/* The session a test that undoes asked for: the changes of the helpers
 * below go through it, so that it has them in its history; it holds the
 * store until store_test_forget_sessions(). */
RoadmapSession *
store_test_session (RoadmapStore   *store,
                    RoadmapCatalog *catalog)
{
  RoadmapSession *session;

  if (sessions == NULL)
    sessions = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  session = g_hash_table_lookup (sessions, store);
  if (session == NULL || (catalog != NULL && roadmap_session_get_catalog (session) != catalog))
    {
      g_autoptr(RoadmapCatalog) empty = catalog == NULL ? roadmap_catalog_new () : NULL;

      session = roadmap_session_new_for_store (store, catalog != NULL ? catalog : empty);
      g_hash_table_replace (sessions, store, session);
    }

  return session;
}

/* The session of store_test_session(), or one for this change only:
 * otherwise the store would stay open after the test let it go. */
static RoadmapSession *
session_for (RoadmapStore *store)
{
  RoadmapSession *session = sessions != NULL ? g_hash_table_lookup (sessions, store) : NULL;
  g_autoptr(RoadmapCatalog) empty = NULL;

  if (session != NULL)
    return g_object_ref (session);

  empty = roadmap_catalog_new ();
  return roadmap_session_new_for_store (store, empty);
}

gboolean
store_test_move_skill (RoadmapStore   *store,
                       RoadmapSkill   *skill,
                       RoadmapStatus   status,
                       guint           position,
                       GError        **error)
{
  GListModel *column = roadmap_phase_get_column (roadmap_skill_get_phase (skill), status);
  g_autoptr(RoadmapSession) session = session_for (store);
  g_autoptr(RoadmapSkill) before = NULL;
  guint n = g_list_model_get_n_items (column);

  /* The card now at @position once @skill is taken out */
  for (guint i = 0, seen = 0; i < n && before == NULL; i++)
    {
      g_autoptr(RoadmapSkill) item = g_list_model_get_item (column, i);

      if (item != skill && seen++ == position)
        before = g_steal_pointer (&item);
    }

  return roadmap_session_move_skill (session, skill, status, before, error);
}

gboolean
store_test_set_status (RoadmapStore   *store,
                       RoadmapSkill   *skill,
                       RoadmapStatus   status,
                       GError        **error)
{
  g_autoptr(RoadmapSession) session = session_for (store);

  return roadmap_session_set_status (session, skill, status, error);
}

gboolean
store_test_set_count_skipped_as_done (RoadmapStore    *store,
                                      RoadmapCatalog  *catalog,
                                      gboolean         count_skipped_as_done,
                                      GError         **error)
{
  g_autoptr(RoadmapSession) session = roadmap_session_new_for_store (store, catalog);

  return roadmap_session_set_count_skipped_as_done (session, count_skipped_as_done, error);
}

gboolean
store_test_set_note (RoadmapStore  *store,
                     RoadmapSkill  *skill,
                     const char    *note,
                     GError       **error)
{
  g_autoptr(RoadmapSession) session = session_for (store);

  return roadmap_session_set_note (session, skill, note, error);
}

gboolean
store_test_set_topic_done (RoadmapStore  *store,
                           RoadmapSkill  *skill,
                           guint          index,
                           gboolean       done,
                           GError       **error)
{
  g_autoptr(RoadmapSession) session = session_for (store);

  return roadmap_session_set_topic_done (session, skill, index, done, error);
}

gboolean
store_test_undo (RoadmapStore    *store,
                 RoadmapCatalog  *catalog,
                 RoadmapSkill   **undone,
                 GError         **error)
{
  RoadmapCommand *command = NULL;

  if (undone != NULL)
    *undone = NULL;
  if (!roadmap_session_undo (store_test_session (store, NULL), &command, error))
    return FALSE;

  if (undone != NULL)
    *undone = command != NULL && ROADMAP_IS_MOVE_COMMAND (command)
                ? roadmap_move_command_get_skill (ROADMAP_MOVE_COMMAND (command)) : NULL;
  return TRUE;
}

gboolean
store_test_import (RoadmapStore    *store,
                   RoadmapCatalog  *catalog,
                   GFile           *file,
                   GError         **error)
{
  /* One undoable step of the store's own session */
  return roadmap_session_import_progress (store_test_session (store, catalog), file, error);
}

/* Files */

GBytes *
store_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

void
store_test_assert_file_equals (const char *path,
                               GBytes     *expected)
{
  g_autoptr(GBytes) actual = store_test_read_file (path);

  g_assert_cmpmem (g_bytes_get_data (actual, NULL), g_bytes_get_size (actual),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

guint
store_test_file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* Child processes */

char *
store_test_self_path (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_file_read_link ("/proc/self/exe", &error);

  g_assert_no_error (error);
  return path;
}

static void
child_setup (gpointer user_data)
{
#ifdef __linux__
  /* A child must not outlive a test that failed halfway. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif
}

/* Starts @argv with its standard output on a pipe; the child is not
 * reaped automatically: see store_test_kill_and_wait(). */
GPid
store_test_spawn (const char * const *argv,
                  int                *stdout_fd)
{
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                            G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_CLOEXEC_PIPES,
                            child_setup, NULL, &pid, NULL, stdout_fd, NULL, &error);
  g_assert_no_error (error);

  return pid;
}

/* One line from @fd without its newline, or NULL at the end of the file
 * or after @timeout_ms. Reads byte by byte so that nothing after the line
 * is consumed. */
char *
store_test_read_line (int   fd,
                      guint timeout_ms)
{
  g_autoptr(GString) line = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  for (;;)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
      char c;
      ssize_t n;

      if (left <= 0 || poll (&pfd, 1, (int) left) <= 0)
        return NULL;

      n = read (fd, &c, 1);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return NULL;
      if (c == '\n')
        return g_strdup (line->str);
      g_string_append_c (line, c);
    }
}

/* SIGKILL, then the wait status. */
int
store_test_kill_and_wait (GPid pid)
{
  int status = 0;

  kill (pid, SIGKILL);
  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (pid);

  return status;
}

/* Under valgrind (or the sanitizers) programs run many times slower:
 * ROADMAP_TEST_TIME_FACTOR, set by the valgrind test setup and
 * build-aux/dev asan, is how much longer to let a child run. */
guint
store_test_time_factor (void)
{
  const char *value = g_getenv ("ROADMAP_TEST_TIME_FACTOR");

  return value != NULL ? (guint) CLAMP (g_ascii_strtoll (value, NULL, 10), 1, 100) : 1;
}

/* Sessions as the command line opens them */

RoadmapSession *
store_test_open_session (const char *db_path)
{
  g_autoptr(RoadmapSession) session = roadmap_session_new (db_path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_load_roadmaps (session, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_session_open_store (session, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&session);
}

void
session_fixture_set_up (SessionFixture *fixture,
                        gconstpointer   data)
{
  fixture->dir = store_test_make_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "progress.db", NULL);
  fixture->session = store_test_open_session (fixture->db_path);
}

void
session_fixture_tear_down (SessionFixture *fixture,
                           gconstpointer   data)
{
  g_clear_object (&fixture->session);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/**
 * store_test_mix:
 *
 * splitmix64: a deterministic, well-spread number from @x, for change
 * sequences a killed child and the parent both compute
 */
guint64
store_test_mix (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

/**
 * store_test_plan:
 * @start: "2026-01-05"
 *
 * Returns: (transfer full): a plan of @months or @hours_per_week from @start
 */
RoadmapPlan *
store_test_plan (const char *start,
                 guint       months,
                 guint       hours_per_week)
{
  GDate day;

  g_assert_true (roadmap_plan_parse_date (start, &day));
  return roadmap_plan_new (&day, months, hours_per_week);
}

/**
 * store_test_session_skill:
 *
 * Returns: (transfer none): the skill of @session's catalog; fails the
 *   test without one
 */
RoadmapSkill *
store_test_session_skill (RoadmapSession *session,
                          const char     *track_id,
                          const char     *skill_id)
{
  RoadmapSkill *skill = roadmap_catalog_find_skill (roadmap_session_get_catalog (session), track_id, skill_id);

  g_assert_nonnull (skill);
  return skill;
}

/* Sets the skill's status through @session; fails the test otherwise */
void
store_test_session_set_status (RoadmapSession *session,
                               const char     *track_id,
                               const char     *skill_id,
                               RoadmapStatus   status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_status (session, store_test_session_skill (session, track_id, skill_id),
                                             status, &error));
  g_assert_no_error (error);
}

/**
 * store_test_report:
 *
 * A crash child's report to its parent, written whole to @fd; a child
 * that cannot report exits (status 4).
 */
void
store_test_report (int         fd,
                   const char *text)
{
  gsize length = strlen (text);

  while (length > 0)
    {
      ssize_t n = write (fd, text, length);

      if (n <= 0)
        _exit (4);
      text += n;
      length -= (gsize) n;
    }
}

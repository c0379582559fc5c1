/* test-topics.c — ticked topics: kept by their text across roadmap edits
 * and restarts, ticked in one change each (or several in one), undone
 * and redone without overwriting another process's tick, migrated from
 * schema 3 and carried by progress files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "roadmap-progress-file.h"
#include "roadmap-session.h"
#include "roadmap-topic-command.h"
#include "store-test-util.h"

/* Skill "c" of track "alpha" has the topics one, two, three */
#define SKILL_C(fixture) store_fixture_skill ((fixture), "alpha", "c")

static void
set_up (StoreFixture  *fixture,
        gconstpointer  data)
{
  store_fixture_set_up (fixture, data);
  store_fixture_open (fixture);
}

static void
tick (StoreFixture *fixture,
      guint         index,
      gboolean      done)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (store_test_set_topic_done (fixture->store, SKILL_C (fixture), index, done, &error));
  g_assert_no_error (error);
}

/* "1,3," for the first and third ticked */
static char *
describe_ticks (RoadmapSkill *skill)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < roadmap_skill_get_n_topics (skill); i++)
    if (roadmap_skill_get_topic_done (skill, i))
      g_string_append_printf (out, "%u,", i + 1);
  return g_string_free (out, FALSE);
}

/* The ticks a new catalog whose skill "c" has @topics loads */
static char *
load_with_topics (StoreFixture       *fixture,
                  const char * const *topics)
{
  g_autoptr(RoadmapCatalog) catalog = store_test_small_catalog ();
  RoadmapSkill *skill = store_test_skill (catalog, "alpha", "c");
  g_autoptr(GError) error = NULL;

  roadmap_skill_set_topics (skill, topics);
  g_assert_true (roadmap_store_load_progress (fixture->store, catalog, &error));
  g_assert_no_error (error);
  return describe_ticks (skill);
}

static void
on_topic_changed (RoadmapSkill *skill,
                  guint         index,
                  GString      *log)
{
  g_string_append_printf (log, "%u=%d ", index + 1, roadmap_skill_get_topic_done (skill, index));
}

static void
on_n_done (RoadmapSkill *skill,
           GParamSpec   *pspec,
           GString      *log)
{
  g_string_append_printf (log, "n=%u ", roadmap_skill_get_n_topics_done (skill));
}

/* Tests */

static void
test_tick_and_reopen (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *ticks = NULL;
  g_autofree char *reopened = NULL;

  g_signal_connect (SKILL_C (fixture), "topic-changed", G_CALLBACK (on_topic_changed), log);
  g_signal_connect (SKILL_C (fixture), "notify::n-topics-done", G_CALLBACK (on_n_done), log);

  tick (fixture, 0, TRUE);
  tick (fixture, 2, TRUE);
  tick (fixture, 0, FALSE);
  g_assert_cmpstr (log->str, ==, "1=1 n=1 3=1 n=2 1=0 n=1 ");
  ticks = describe_ticks (SKILL_C (fixture));
  g_assert_cmpstr (ticks, ==, "3,");
  g_signal_handlers_disconnect_by_data (SKILL_C (fixture), log);

  /* Ticking what is ticked changes nothing, and writes nothing */
  {
    g_autofree char *before = store_test_describe_db (fixture->db_path);
    g_autofree char *after = NULL;

    tick (fixture, 2, TRUE);
    after = store_test_describe_db (fixture->db_path);
    g_assert_cmpstr (after, ==, before);
  }

  /* A restart: the same ticks; the untick kept its row, done = 0 */
  store_fixture_close (fixture);
  reopened = store_test_describe_reopened (fixture->db_path, FALSE);
  g_test_message ("%s", reopened);
  g_assert_nonnull (strstr (reopened, " topics=3,\n"));
  {
    g_autoptr(sqlite3) db = store_test_sqlite_open (fixture->db_path);

    g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM topics WHERE done = 0 AND topic = 'one'"), ==, 1);
    /* Activity marks: one history row a day for the skill's topics */
    g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM history WHERE kind = 6"), ==, 1);
  }
}

/* Keyed by text: a reorder keeps the ticks, a rename starts unticked,
 * and the row of a text no longer listed waits for it to come back */
static void
test_edit_reorder_rename (StoreFixture  *fixture,
                          gconstpointer  data)
{
  static const char * const reordered[] = { "three", "one", "two", NULL };
  static const char * const renamed[] = { "three", "one", "Two, renamed", NULL };
  static const char * const original[] = { "one", "two", "three", NULL };
  static const char * const twice[] = { "two", "extra", "two", NULL };
  g_autofree char *after_reorder = NULL;
  g_autofree char *after_rename = NULL;
  g_autofree char *after_revert = NULL;
  g_autofree char *with_twice = NULL;

  tick (fixture, 1, TRUE);  /* two */
  tick (fixture, 2, TRUE);  /* three */

  after_reorder = load_with_topics (fixture, reordered);
  g_assert_cmpstr (after_reorder, ==, "1,3,");
  after_rename = load_with_topics (fixture, renamed);
  g_assert_cmpstr (after_rename, ==, "1,");
  after_revert = load_with_topics (fixture, original);
  g_assert_cmpstr (after_revert, ==, "2,3,");
  /* A text listed twice is ticked twice */
  with_twice = load_with_topics (fixture, twice);
  g_assert_cmpstr (with_twice, ==, "1,3,");

  /* The rows of the texts a roadmap does not list are kept */
  {
    g_autoptr(sqlite3) db = store_test_sqlite_open (fixture->db_path);

    g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM topics WHERE done"), ==, 2);
  }
}

/* Several topics in one change and one step of undo; undo of one topic
 * after a move of its skill and a tick of another topic */
static void
test_undo_redo (StoreFixture  *fixture,
                gconstpointer  data)
{
  RoadmapSession *session = store_test_session (fixture->store, fixture->catalog);
  g_autoptr(RoadmapCommand) command = roadmap_topic_command_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ticks = NULL;
  RoadmapCommand *undone = NULL;
  gint64 before, after;

  {
    g_autoptr(sqlite3) db = store_test_sqlite_open (fixture->db_path);

    before = store_test_query_int (db, "SELECT coalesce (max (id), 0) FROM history");
  }
  roadmap_topic_command_add (ROADMAP_TOPIC_COMMAND (command), SKILL_C (fixture), 0, TRUE);
  roadmap_topic_command_add (ROADMAP_TOPIC_COMMAND (command), SKILL_C (fixture), 1, TRUE);
  /* Given again: the last word counts */
  roadmap_topic_command_add (ROADMAP_TOPIC_COMMAND (command), SKILL_C (fixture), 1, FALSE);
  roadmap_topic_command_add (ROADMAP_TOPIC_COMMAND (command), SKILL_C (fixture), 2, TRUE);
  g_assert_cmpuint (roadmap_topic_command_get_n_topics (ROADMAP_TOPIC_COMMAND (command)), ==, 3);
  g_assert_true (roadmap_session_run (session, command, &error));
  g_assert_no_error (error);
  {
    g_autoptr(sqlite3) db = store_test_sqlite_open (fixture->db_path);

    after = store_test_query_int (db, "SELECT max (id) FROM history");
  }
  /* One change: every row it wrote carries it, and nothing before */
  {
    g_autoptr(sqlite3) db = store_test_sqlite_open (fixture->db_path);

    g_assert_cmpint (store_test_query_int (db, "SELECT count (DISTINCT change) FROM topics"), ==, 1);
    g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM topics"), ==, 2);
    g_assert_cmpint (store_test_query_int (db, "SELECT min (change) FROM topics"), >, before);
    g_assert_cmpint (store_test_query_int (db, "SELECT min (change) FROM topics"), <=, after);
  }
  ticks = describe_ticks (SKILL_C (fixture));
  g_assert_cmpstr (ticks, ==, "1,3,");

  /* A move of the skill, then a tick of the second topic */
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_DOING, 0);
  tick (fixture, 1, TRUE);

  /* Undo: the tick, the move, the two topics at once */
  g_assert_true (roadmap_session_undo (session, &undone, &error));
  g_assert_no_error (error);
  g_clear_pointer (&ticks, g_free);
  ticks = describe_ticks (SKILL_C (fixture));
  g_assert_cmpstr (ticks, ==, "1,3,");
  g_assert_true (roadmap_session_undo (session, &undone, &error));
  g_assert_no_error (error);
  g_assert_cmpint (roadmap_skill_get_status (SKILL_C (fixture)), ==, ROADMAP_STATUS_TODO);
  g_assert_true (roadmap_session_undo (session, &undone, &error));
  g_assert_no_error (error);
  g_assert_true (undone == command);
  g_assert_cmpuint (roadmap_skill_get_n_topics_done (SKILL_C (fixture)), ==, 0);

  /* Redo, and the database agrees with the model */
  g_assert_true (roadmap_session_redo (session, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&ticks, g_free);
  ticks = describe_ticks (SKILL_C (fixture));
  g_assert_cmpstr (ticks, ==, "1,3,");
  {
    g_autofree char *model = store_test_describe_catalog (fixture->catalog);
    g_autofree char *reopened = NULL;

    store_test_forget_sessions ();
    store_fixture_close (fixture);
    reopened = store_test_describe_reopened (fixture->db_path, FALSE);
    g_assert_cmpstr (reopened, ==, model);
  }
}

/* Several steps of this session on one topic undo one after another */
static void
test_undo_chain (StoreFixture  *fixture,
                 gconstpointer  data)
{
  RoadmapSession *session = store_test_session (fixture->store, fixture->catalog);
  g_autoptr(GError) error = NULL;

  tick (fixture, 0, TRUE);
  tick (fixture, 0, FALSE);
  tick (fixture, 0, TRUE);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (roadmap_session_undo (session, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (roadmap_skill_get_topic_done (SKILL_C (fixture), 0), ==, i % 2 == 0 ? FALSE : TRUE);
    }
  g_assert_false (roadmap_session_can_undo (session));
  g_assert_true (roadmap_session_redo (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_skill_get_topic_done (SKILL_C (fixture), 0));
}

/* Another process unticks what this session ticked: the window's model
 * sees it on reload, and this session's undo refuses to overwrite it */
static void
test_changed_elsewhere (StoreFixture  *fixture,
                        gconstpointer  data)
{
  RoadmapSession *session = store_test_session (fixture->store, fixture->catalog);
  g_autoptr(RoadmapStore) other = NULL;
  g_autoptr(RoadmapCatalog) other_catalog = store_test_small_catalog ();
  g_autoptr(RoadmapSession) other_session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_before = NULL;
  g_autofree char *db_after = NULL;
  guint n_changed = 0;

  tick (fixture, 0, TRUE);
  tick (fixture, 1, TRUE);

  other = roadmap_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (roadmap_store_load_progress (other, other_catalog, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_skill_get_topic_done (store_test_skill (other_catalog, "alpha", "c"), 1));
  other_session = roadmap_session_new_for_store (other, other_catalog);
  g_assert_true (roadmap_session_set_topic_done (other_session, store_test_skill (other_catalog, "alpha", "c"),
                                                 1, FALSE, &error));
  g_assert_no_error (error);

  /* The reload reads the newer row */
  g_assert_true (roadmap_session_reload (session, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_false (roadmap_skill_get_topic_done (SKILL_C (fixture), 1));
  g_assert_true (roadmap_skill_get_topic_done (SKILL_C (fixture), 0));

  /* Undoing this session's tick of "two" would overwrite it: refused */
  db_before = store_test_describe_db (fixture->db_path);
  g_assert_false (roadmap_session_undo (session, NULL, &error));
  g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE);
  g_clear_error (&error);
  db_after = store_test_describe_db (fixture->db_path);
  g_assert_cmpstr (db_after, ==, db_before);

  /* The older step, on a row nobody else wrote, still undoes */
  g_assert_true (roadmap_session_undo (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (roadmap_skill_get_n_topics_done (SKILL_C (fixture)), ==, 0);
}

/* The release before schema 4 wrote schema-3.db: the bundled roadmaps,
 * two skills moved and a note. It opens as schema 4, all of it kept, and
 * takes ticks. */
static void
test_migration (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_copy_fixture ("schema-3.db", 3, dir);
  g_autoptr(RoadmapCatalog) catalog = store_test_bundled_catalog ();
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RoadmapSkill *skill;

  store = roadmap_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (roadmap_store_load_progress (store, catalog, &error));
  g_assert_no_error (error);

  skill = store_test_skill (catalog, "data-engineer", "python-sql");
  g_assert_cmpint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpstr (roadmap_skill_get_note (skill), ==, "Practised window functions.");
  g_assert_cmpint (roadmap_skill_get_status (store_test_skill (catalog, "backend-developer", "python-sql")),
                   ==, ROADMAP_STATUS_DOING);
  g_assert_cmpuint (roadmap_skill_get_n_topics_done (skill), ==, 0);

  g_assert_true (store_test_set_topic_done (store, skill, 4, TRUE, &error));
  g_assert_no_error (error);
  store_test_forget_sessions ();
  g_clear_object (&store);

  {
    g_autoptr(sqlite3) db = store_test_sqlite_open (path);
    g_autofree char *topic = store_test_query_text (db, "SELECT topic FROM topics WHERE done");

    g_assert_cmpint (store_test_query_int (db, "PRAGMA user_version"), ==, 7);
    g_assert_cmpstr (topic, ==, roadmap_skill_get_topics (skill)[4]);
    g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM progress"), ==, 2);
  }
  store_test_assert_integrity (path);
  store_test_remove_dir (dir);
}

/* Format 2 carries the ticks; an import gives them back, all of them
 * or (a bad topic) none */
static void
test_progress_file (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "progress.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *model = NULL;
  g_autofree char *imported = NULL;

  tick (fixture, 0, TRUE);
  tick (fixture, 2, TRUE);
  tick (fixture, 2, FALSE);
  tick (fixture, 1, TRUE);
  /* Only ticks: the skill has no progress row */
  g_assert_true (roadmap_progress_file_export (fixture->store, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"format\" : 3"));
  g_assert_nonnull (strstr (contents, "\"topics_done\" : [\n        \"one\",\n        \"two\"\n      ]"));
  g_assert_null (strstr (contents, "\"status\""));
  model = store_test_describe_catalog (fixture->catalog);

  /* Into a database that ticked otherwise */
  tick (fixture, 0, FALSE);
  tick (fixture, 2, TRUE);
  g_assert_true (store_test_import (fixture->store, fixture->catalog, file, &error));
  g_assert_no_error (error);
  imported = store_test_describe_catalog (fixture->catalog);
  g_assert_cmpstr (imported, ==, model);

  /* Refused, whole: a topic that is not text, one given twice, one not a string */
  {
    static const char * const bad[] = {
      "[\"one\", \"t\\u0007wo\"]", "skills[1].topics_done[1]: ",
      "[\"one\", \"one\"]", "skills[1].topics_done[1]: ",
      "[\"one\", 2]", "skills[1].topics_done[1]: ",
      "\"one\"", "skills[1].topics_done: ",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i += 2)
      {
        g_autofree char *json = g_strdup_printf ("{ \"format\": 2, \"kind\": \"roadmap-progress\", \"skills\": ["
                                                 " { \"track\": \"alpha\", \"skill\": \"a\", \"status\": \"todo\" },"
                                                 " { \"track\": \"alpha\", \"skill\": \"c\", \"topics_done\": %s } ] }",
                                                 bad[i]);
        g_autofree char *db_before = store_test_describe_db (fixture->db_path);
        g_autofree char *db_after = NULL;

        g_assert_true (g_file_set_contents (path, json, -1, NULL));
        g_assert_false (store_test_import (fixture->store, fixture->catalog, file, &error));
        g_assert_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_INVALID);
        g_test_message ("%s", error->message);
        g_assert_nonnull (strstr (error->message, bad[i + 1]));
        g_clear_error (&error);
        db_after = store_test_describe_db (fixture->db_path);
        g_assert_cmpstr (db_after, ==, db_before);
      }
  }
}

/* A file of the release before topics (format 1): its progress and
 * notes, and no topic ticked */
static void
test_progress_file_format_1 (StoreFixture  *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "store", "progress-format-1.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RoadmapSkill *skill = SKILL_C (fixture);

  tick (fixture, 0, TRUE);
  g_assert_true (store_test_import (fixture->store, fixture->catalog, file, &error));
  g_assert_no_error (error);

  g_assert_cmpint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpstr (roadmap_skill_get_note (skill), ==, "Written before topics could be ticked.");
  g_assert_cmpint (roadmap_skill_get_status (store_fixture_skill (fixture, "alpha", "a")), ==, ROADMAP_STATUS_DOING);
  g_assert_cmpuint (roadmap_skill_get_n_topics_done (skill), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, set_up, func, store_fixture_tear_down)

  ADD ("/topics/tick-and-reopen", test_tick_and_reopen);
  ADD ("/topics/edit-reorder-rename", test_edit_reorder_rename);
  ADD ("/topics/undo-redo", test_undo_redo);
  ADD ("/topics/undo-chain", test_undo_chain);
  ADD ("/topics/changed-elsewhere", test_changed_elsewhere);
  ADD ("/topics/progress-file", test_progress_file);
  ADD ("/topics/progress-file/format-1", test_progress_file_format_1);
  g_test_add_func ("/topics/migration/schema-3", test_migration);

  return g_test_run ();
}

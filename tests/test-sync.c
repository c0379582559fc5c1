/* test-sync.c — progress on two machines through a CalDAV task list:
 * a real Radicale on loopback, a real Evolution Data Server per machine
 * on a private bus, the real `roadmap` command on real databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "roadmap-sync-lock.h"
#include "store-test-util.h"
#include "sync-test-util.h"

#define SKILL "backend-developer/python-sql"
#define OTHER "backend-developer/database-design"
#define TASK_NAME "roadmap-backend-developer.python-sql.ics"

typedef struct
{
  char *dir;
  SyncServer *server;
  char *list;
  SyncMachine *a;
  SyncMachine *b;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *missing = sync_test_missing ();

  if (missing != NULL)
    {
      g_test_skip (missing);
      return;
    }
  fixture->dir = store_test_make_dir ();
  fixture->server = sync_server_start (fixture->dir);
  fixture->list = sync_server_make_list (fixture->server);
  fixture->a = sync_machine_new (fixture->dir, "a", fixture->server, fixture->list);
  fixture->b = sync_machine_new (fixture->dir, "b", fixture->server, fixture->list);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dir == NULL)
    return;
  sync_machine_free (fixture->a);
  sync_machine_free (fixture->b);
  sync_server_free (fixture->server);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->list);
  g_free (fixture->dir);
}

static void
run_ok (SyncMachine *machine,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  /* The same as sync_machine_run(), for up to six arguments */
  va_start (args, machine);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_assert_cmpuint (argv->len, <=, 6);
  g_ptr_array_set_size (argv, 6);

  if (sync_machine_run (machine, &out, &err, argv->pdata[0], argv->pdata[1], argv->pdata[2],
                        argv->pdata[3], argv->pdata[4], argv->pdata[5], NULL) != 0)
    g_error ("roadmap %s failed: %s%s", (char *) argv->pdata[0], out, err);
}

static void
turn_on (SyncMachine *machine)
{
  run_ok (machine, "--sync-to", SYNC_TEST_SOURCE_UID, NULL);
}

/* The status of TRACK/SKILL as --list prints it */
static char *
status_of (SyncMachine *machine,
           const char  *track_skill)
{
  g_auto(GStrv) ids = g_strsplit (track_skill, "/", 2);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (sync_machine_run (machine, &out, NULL, "--list", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", 5);

      if (g_strv_length (columns) == 5 && g_str_equal (columns[0], ids[0]) &&
          g_str_equal (columns[2], ids[1]))
        return g_strdup (columns[3]);
    }
  g_assert_not_reached ();
}

static void
assert_status (SyncMachine *machine,
               const char  *track_skill,
               const char  *expected)
{
  g_autofree char *status = status_of (machine, track_skill);

  g_assert_cmpstr (status, ==, expected);
}

/* What a learner sees of a database: every row of progress, note and
 * tick, without the change counters that differ between machines */
static char *
describe_progress (SyncMachine *machine)
{
  sqlite3 *db = store_test_sqlite_open (sync_machine_get_db_path (machine));
  g_autoptr(GString) text = g_string_new (NULL);
  static const char * const queries[] = {
    "SELECT track_id, skill_id, status, sort_key, started_at, finished_at FROM progress"
    " ORDER BY track_id, skill_id",
    "SELECT track_id, skill_id, body FROM notes WHERE body <> '' ORDER BY track_id, skill_id",
    "SELECT track_id, skill_id, topic FROM topics WHERE done = 1 ORDER BY track_id, skill_id, topic",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (text, "%s%s", c > 0 ? " " : "",
                                    sqlite3_column_type (stmt, c) == SQLITE_NULL
                                    ? "-" : (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
      g_string_append (text, "--\n");
    }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_same_progress (Fixture *fixture)
{
  g_autofree char *a = describe_progress (fixture->a);
  g_autofree char *b = describe_progress (fixture->b);

  g_assert_cmpstr (a, ==, b);
}

/* A few rounds more, then rounds that find nothing to do on either side */
static void
assert_settles (Fixture *fixture)
{
  for (guint i = 0; i < 3; i++)
    {
      sync_machine_sync_ok (fixture->a);
      sync_machine_sync_ok (fixture->b);
    }
  assert_same_progress (fixture);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *out = NULL;

      g_assert_cmpint (sync_machine_run (i == 0 ? fixture->a : fixture->b, &out, NULL, "--sync", NULL), ==, 0);
      g_assert_cmpstr (out, ==, "Everything is in step\n");
    }
}

static gint64
query_int (SyncMachine *machine,
           const char  *sql)
{
  sqlite3 *db = store_test_sqlite_open (sync_machine_get_db_path (machine));
  gint64 value = store_test_query_int (db, sql);

  sqlite3_close (db);
  return value;
}

/* The task's text on the server */
static char *
get_task (Fixture    *fixture,
          const char *name)
{
  g_autofree char *path = g_strconcat (fixture->list, name, NULL);
  char *body = NULL;

  g_assert_cmpuint (sync_server_http (fixture->server, "GET", path, NULL, &body), ==, 200);
  return body;
}

static void
put_task (Fixture    *fixture,
          const char *name,
          const char *body)
{
  g_autofree char *path = g_strconcat (fixture->list, name, NULL);
  guint status = sync_server_http (fixture->server, "PUT", path, body, NULL);

  g_assert_true (status == 201 || status == 204);
}

static void
test_off (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (fixture->dir == NULL)
    return;

  g_assert_cmpint (sync_machine_run (fixture->a, &out, &err, "--sync-status", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Sync: off"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sync_machine_run (fixture->a, NULL, &err, "--sync", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Sync is off"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sync_machine_run (fixture->a, NULL, &err, "--sync-to", "no-such-list", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "No task list has the id “no-such-list”"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sync_machine_run (fixture->a, &out, NULL, "--sync-status", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Sync: off"));
}

/* A's progress reaches B, and back; --sync-status tells */
static void
test_two_machines (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *task = NULL;

  if (fixture->dir == NULL)
    return;

  run_ok (fixture->a, "--set-status", SKILL "=doing", "--set-status", OTHER "=skipped", NULL);
  run_ok (fixture->a, "--set-topic", SKILL "/2=done", NULL);
  turn_on (fixture->a);
  g_assert_cmpint (sync_machine_run (fixture->a, &out, NULL, "--sync-status", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Pending: 2 skills to send"));
  sync_machine_sync_ok (fixture->a);

  /* The task as other apps see it */
  task = get_task (fixture, TASK_NAME);
  g_assert_nonnull (strstr (task, "STATUS:IN-PROCESS"));
  g_assert_nonnull (strstr (task, "SUMMARY:Python & SQL Mastery"));
  g_assert_nonnull (strstr (task, "CATEGORIES:Backend Developer"));
  g_assert_nonnull (strstr (task, "X-ROADMAP-TRACK:backend-developer"));

  turn_on (fixture->b);
  sync_machine_sync_ok (fixture->b);
  assert_status (fixture->b, SKILL, "doing");
  assert_status (fixture->b, OTHER, "skipped");
  assert_same_progress (fixture);

  run_ok (fixture->b, "--set-status", SKILL "=done", NULL);
  sync_machine_sync_ok (fixture->b);
  sync_machine_sync_ok (fixture->a);
  assert_status (fixture->a, SKILL, "done");
  assert_same_progress (fixture);

  /* Nothing left: a round that changes nothing */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sync_machine_run (fixture->a, &out, NULL, "--sync", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Everything is in step\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sync_machine_run (fixture->a, &out, NULL, "--sync-status", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Sync: on, with the task list " SYNC_TEST_SOURCE_UID));
  g_assert_nonnull (strstr (out, "Pending: 0 skills to send"));
  g_assert_nonnull (strstr (out, "in step"));
}

/* A status on one machine, a tick on the other: both stay */
static void
test_different_fields (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *topics = NULL;

  if (fixture->dir == NULL)
    return;

  run_ok (fixture->a, "--set-status", SKILL "=doing", NULL);
  turn_on (fixture->a);
  sync_machine_sync_ok (fixture->a);
  turn_on (fixture->b);
  sync_machine_sync_ok (fixture->b);

  run_ok (fixture->a, "--set-status", SKILL "=done", NULL);
  run_ok (fixture->b, "--set-topic", SKILL "/3=done", NULL);
  sync_machine_sync_ok (fixture->a);
  sync_machine_sync_ok (fixture->b);
  sync_machine_sync_ok (fixture->a);

  assert_status (fixture->a, SKILL, "done");
  assert_status (fixture->b, SKILL, "done");
  g_assert_cmpint (sync_machine_run (fixture->a, &topics, NULL, "--list-topics", SKILL, NULL), ==, 0);
  g_assert_nonnull (strstr (topics, "3\tdone\tLeetCode SQL challenges"));
  assert_same_progress (fixture);
  g_assert_cmpint (query_int (fixture->a, "SELECT count(*) FROM sync_losers"), ==, 0);
  g_assert_cmpint (query_int (fixture->b, "SELECT count(*) FROM sync_losers"), ==, 0);
}

/* One field changed on both: the newer wins on both machines, the
 * other is kept in the history of the machine that decided */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *out = NULL;
  if (fixture->dir == NULL)
    return;

  run_ok (fixture->a, "--set-status", SKILL "=doing", NULL);
  turn_on (fixture->a);
  sync_machine_sync_ok (fixture->a);
  turn_on (fixture->b);
  sync_machine_sync_ok (fixture->b);

  /* B's change is the later one, but A's is sent first */
  run_ok (fixture->a, "--set-status", SKILL "=skipped", NULL);
  g_usleep (20 * 1000);
  run_ok (fixture->b, "--set-status", SKILL "=done", NULL);
  sync_machine_sync_ok (fixture->a);
  g_assert_cmpint (sync_machine_run (fixture->b, &out, NULL, "--sync", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 conflict resolved"));
  sync_machine_sync_ok (fixture->a);

  assert_status (fixture->a, SKILL, "done");
  assert_status (fixture->b, SKILL, "done");
  assert_settles (fixture);

  /* The loser, A's Skipped, is in B's history */
  g_assert_cmpint (query_int (fixture->b, "SELECT count(*) FROM sync_losers"), ==, 1);
  g_assert_cmpint (query_int (fixture->b, "SELECT count(*) FROM history WHERE kind = 7"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sync_machine_run (fixture->b, &out, NULL, "--sync-status", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Conflicts: 1 value lost to a newer one"));
  g_assert_nonnull (strstr (out, "backend-developer/python-sql status: \"skipped "));
}

/* With the server down the change waits in the outbox, then goes */
static void
test_server_down (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  if (fixture->dir == NULL)
    return;

  turn_on (fixture->a);
  turn_on (fixture->b);
  sync_machine_sync_ok (fixture->a);
  sync_machine_sync_ok (fixture->b);

  /* Nothing to send, but no server to say so: not in step */
  sync_server_stop (fixture->server);
  g_assert_cmpint (sync_machine_run (fixture->a, NULL, &err, "--sync", NULL), ==, 1);
  g_test_message ("server down: %s", err);
  g_assert_nonnull (strstr (err, "cannot be reached"));
  g_clear_pointer (&err, g_free);
  run_ok (fixture->a, "--set-status", SKILL "=doing", NULL);
  g_assert_cmpint (sync_machine_run (fixture->a, NULL, &err, "--sync", NULL), ==, 1);
  g_assert_cmpstr (err, !=, "");
  g_assert_cmpint (sync_machine_run (fixture->a, &out, NULL, "--sync-status", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Pending: 1 skill to send"));
  g_assert_nonnull (strstr (out, "not in step"));

  /* Again, still down: EDS's copy of the write it kept is not taken for
   * the server's */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (sync_machine_run (fixture->a, NULL, NULL, "--sync", NULL), ==, 1);
  g_assert_cmpint (sync_machine_run (fixture->a, &out, NULL, "--sync-status", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Pending: 1 skill to send"));

  sync_server_restart (fixture->server);
  sync_machine_sync_ok (fixture->a);
  sync_machine_sync_ok (fixture->b);
  assert_status (fixture->b, SKILL, "doing");
  assert_same_progress (fixture);
}

/* A round killed halfway: what was not sent is sent by the next */
static void
test_killed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GSubprocess) round = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;

  if (fixture->dir == NULL)
    return;

  turn_on (fixture->a);
  turn_on (fixture->b);
  /* Every skill of a track moved, in one change */
  g_assert_cmpint (sync_machine_run (fixture->a, &list, NULL, "--list", NULL), ==, 0);
  lines = g_strsplit (list, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", 5);

      if (g_strv_length (columns) == 5 && g_str_equal (columns[0], "backend-developer"))
        {
          g_ptr_array_add (args, g_strdup ("--set-status"));
          g_ptr_array_add (args, g_strdup_printf ("%s/%s=%s", columns[0], columns[2],
                                                  i % 2 ? "doing" : "done"));
        }
    }
  g_ptr_array_add (args, NULL);
  g_assert_cmpint (sync_machine_runv (fixture->a, (const char * const *) args->pdata, NULL, NULL), ==, 0);
  g_assert_cmpint (query_int (fixture->a, "SELECT count(*) FROM sync_items WHERE outbox <> 0"), >, 10);

  /* Killed as soon as the first tasks are on the server */
  round = sync_machine_spawn (fixture->a, "--sync", NULL);
  for (guint i = 0; i < 2000; i++)
    {
      if (query_int (fixture->a, "SELECT count(*) FROM sync_items WHERE outbox = 0") > 0)
        break;
      g_usleep (2 * 1000);
    }
  g_subprocess_send_signal (round, SIGKILL);
  g_subprocess_wait (round, NULL, NULL);

  sync_machine_sync_ok (fixture->a);
  g_assert_cmpint (query_int (fixture->a, "SELECT count(*) FROM sync_items WHERE outbox <> 0"), ==, 0);
  sync_machine_sync_ok (fixture->b);
  assert_same_progress (fixture);
}

/* A note of every kind of text, written by an import (which replaces
 * all progress), reaches the other machine as it was written */
static void
test_note (Fixture       *fixture,
           gconstpointer  data)
{
  const char *note = "Line one, with commas; and semicolons: \\ backslash\n"
                     "Line two\t“quoted” ü 中文 مرحبا\nBEGIN:VTODO\nEND:VCALENDAR";
  g_autofree char *path = g_build_filename (fixture->dir != NULL ? fixture->dir : ".", "progress.json", NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  sqlite3 *db;

  if (fixture->dir == NULL)
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 3);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "roadmap-progress");
  json_builder_set_member_name (builder, "skills");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "track");
  json_builder_add_string_value (builder, "backend-developer");
  json_builder_set_member_name (builder, "skill");
  json_builder_add_string_value (builder, "python-sql");
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "doing");
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, note);
  json_builder_set_member_name (builder, "topics_done");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "SQL");
  json_builder_add_string_value (builder, "Pandas");
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);

  turn_on (fixture->a);
  turn_on (fixture->b);
  run_ok (fixture->a, "--import-progress", path, NULL);
  sync_machine_sync_ok (fixture->a);
  sync_machine_sync_ok (fixture->b);
  assert_status (fixture->b, SKILL, "doing");
  assert_same_progress (fixture);

  db = store_test_sqlite_open (sync_machine_get_db_path (fixture->b));
  body = store_test_query_text (db, "SELECT body FROM notes WHERE skill_id = 'python-sql'");
  sqlite3_close (db);
  g_assert_cmpstr (body, ==, note);

  /* The note removed by another import (nothing in it): gone on B too */
  json_generator_set_root (generator, NULL);
  g_file_set_contents (path, "{ \"format\": 3, \"kind\": \"roadmap-progress\", \"skills\": [] }",
                       -1, &error);
  g_assert_no_error (error);
  run_ok (fixture->a, "--import-progress", path, NULL);
  sync_machine_sync_ok (fixture->a);
  sync_machine_sync_ok (fixture->b);
  assert_status (fixture->b, SKILL, "todo");
  g_assert_cmpint (query_int (fixture->b, "SELECT count(*) FROM notes WHERE body <> ''"), ==, 0);
  g_assert_cmpint (query_int (fixture->b, "SELECT count(*) FROM topics WHERE done = 1"), ==, 0);

  /* And it settles: a round or two more, then nothing goes either way */
  assert_settles (fixture);
}

/* A change pulled by the command line reaches a window's session on the
 * same database as another process's change does */
static void
test_window_sees (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RoadmapSession) window = NULL;
  g_autoptr(GError) error = NULL;
  RoadmapSkill *skill;
  guint n_changed = 0;

  if (fixture->dir == NULL)
    return;

  turn_on (fixture->a);
  turn_on (fixture->b);
  window = roadmap_session_new (sync_machine_get_db_path (fixture->b), NULL);
  g_assert_true (roadmap_session_load_roadmaps (window, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_session_open_store (window, &error));
  g_assert_no_error (error);
  skill = roadmap_catalog_find_skill (roadmap_session_get_catalog (window), "backend-developer", "python-sql");
  g_assert_nonnull (skill);

  run_ok (fixture->a, "--set-status", SKILL "=done", NULL);
  sync_machine_sync_ok (fixture->a);
  sync_machine_sync_ok (fixture->b);

  g_assert_true (roadmap_session_reload (window, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, >=, 1);
  g_assert_cmpint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DONE);

  /* The window's own change goes to the outbox with it, and out */
  g_assert_true (roadmap_session_set_status (window, skill, ROADMAP_STATUS_SKIPPED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->b, "SELECT count(*) FROM sync_items WHERE outbox <> 0"), ==, 1);
  sync_machine_sync_ok (fixture->b);
  sync_machine_sync_ok (fixture->a);
  assert_status (fixture->a, SKILL, "skipped");
}

/* Two rounds of one database at once: one waits for the other, both
 * end with the server holding each skill once */
static void
test_two_rounds (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  const char *found;
  guint n_tasks = 0;

  if (fixture->dir == NULL)
    return;

  turn_on (fixture->a);
  run_ok (fixture->a, "--set-status", SKILL "=doing", "--set-status", OTHER "=done", NULL);
  first = sync_machine_spawn (fixture->a, "--sync", NULL);
  second = sync_machine_spawn (fixture->a, "--sync", NULL);
  g_subprocess_wait_check (first, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (second, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fixture->a, "SELECT count(*) FROM sync_items WHERE outbox <> 0"), ==, 0);
  g_assert_cmpuint (sync_server_http (fixture->server, "PROPFIND", fixture->list,
                                      "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><prop><getetag/></prop></propfind>",
                                      &listing), ==, 207);
  for (found = strstr (listing, ".ics<"); found != NULL; found = strstr (found + 1, ".ics<"))
    n_tasks++;
  g_assert_cmpuint (n_tasks, ==, 2);
}

/* Another app marks the task completed: the skill is done on both */
static void
test_other_client (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *task = NULL;
  g_autoptr(GString) changed = NULL;

  if (fixture->dir == NULL)
    return;

  run_ok (fixture->a, "--set-status", SKILL "=doing", NULL);
  turn_on (fixture->a);
  turn_on (fixture->b);
  sync_machine_sync_ok (fixture->a);
  sync_machine_sync_ok (fixture->b);

  task = get_task (fixture, TASK_NAME);
  changed = g_string_new (task);
  g_assert_cmpuint (g_string_replace (changed, "STATUS:IN-PROCESS", "STATUS:COMPLETED", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (changed, "END:VTODO",
                                      "COMPLETED:20261203T120000Z\r\nEND:VTODO", 1), ==, 1);
  put_task (fixture, TASK_NAME, changed->str);

  sync_machine_sync_ok (fixture->b);
  assert_status (fixture->b, SKILL, "done");
  sync_machine_sync_ok (fixture->a);
  assert_status (fixture->a, SKILL, "done");
  assert_same_progress (fixture);

  /* It settles: the task goes back once with Roadmap's digest, then
   * nothing goes either way */
  assert_settles (fixture);
}

/* A task deleted on the server is written again */
static void
test_deleted_task (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *task = NULL;

  if (fixture->dir == NULL)
    return;

  run_ok (fixture->a, "--set-status", SKILL "=doing", NULL);
  turn_on (fixture->a);
  sync_machine_sync_ok (fixture->a);

  path = g_strconcat (fixture->list, TASK_NAME, NULL);
  g_assert_cmpuint (sync_server_http (fixture->server, "DELETE", path, NULL, NULL), ==, 200);
  sync_machine_sync_ok (fixture->a);
  assert_status (fixture->a, SKILL, "doing");
  task = get_task (fixture, TASK_NAME);
  g_assert_nonnull (strstr (task, "STATUS:IN-PROCESS"));
}

/* A task that fails the checks is reported and not applied; the others
 * are; progress of a track this machine lacks is kept */
static void
test_bad_task (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *task = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GString) bad = NULL;
  g_autoptr(GString) unknown = NULL;

  if (fixture->dir == NULL)
    return;

  run_ok (fixture->a, "--set-status", SKILL "=doing", NULL);
  turn_on (fixture->a);
  sync_machine_sync_ok (fixture->a);
  task = get_task (fixture, TASK_NAME);

  /* A place that is not a number */
  bad = g_string_new (task);
  g_string_replace (bad, "roadmap-backend-developer.python-sql", "roadmap-backend-developer.api-development", 0);
  g_string_replace (bad, "X-ROADMAP-SKILL:python-sql", "X-ROADMAP-SKILL:api-development", 0);
  g_assert_cmpuint (g_string_replace (bad, "X-ROADMAP-POSITION:", "X-ROADMAP-POSITION:x", 1), ==, 1);
  put_task (fixture, "roadmap-backend-developer.api-development.ics", bad->str);

  unknown = g_string_new (task);
  g_string_replace (unknown, "roadmap-backend-developer.python-sql", "roadmap-future-track.python-sql", 0);
  g_string_replace (unknown, "X-ROADMAP-TRACK:backend-developer", "X-ROADMAP-TRACK:future-track", 0);
  put_task (fixture, "roadmap-future-track.python-sql.ics", unknown->str);

  turn_on (fixture->b);
  g_assert_cmpint (sync_machine_run (fixture->b, NULL, &err, "--sync", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "roadmap-backend-developer.api-development cannot be used"));
  assert_status (fixture->b, SKILL, "doing");
  assert_status (fixture->b, "backend-developer/api-development", "todo");
  g_assert_cmpint (query_int (fixture->b, "SELECT count(*) FROM progress WHERE track_id = 'future-track'"
                              " AND status = 1"), ==, 1);

  /* A's own task broken on the server: reported, neither taken for
   * deleted nor written over while A has nothing new for it */
  g_string_free (g_steal_pointer (&bad), TRUE);
  bad = g_string_new (task);
  g_assert_cmpuint (g_string_replace (bad, "X-ROADMAP-POSITION:", "X-ROADMAP-POSITION:x", 1), ==, 1);
  put_task (fixture, TASK_NAME, bad->str);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sync_machine_run (fixture->a, NULL, &err, "--sync", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "roadmap-backend-developer.python-sql cannot be used"));
  g_clear_pointer (&task, g_free);
  task = get_task (fixture, TASK_NAME);
  g_assert_nonnull (strstr (task, "X-ROADMAP-POSITION:x"));
  assert_status (fixture->a, SKILL, "doing");
}

/* A reset on one machine (every skill of a track back to To-do, ticks
 * gone) reaches the other as it is */
static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  if (fixture->dir == NULL)
    return;

  run_ok (fixture->a, "--set-status", SKILL "=done", "--set-status", OTHER "=doing", NULL);
  run_ok (fixture->a, "--set-topic", SKILL "/1=done", NULL);
  turn_on (fixture->a);
  turn_on (fixture->b);
  sync_machine_sync_ok (fixture->a);
  sync_machine_sync_ok (fixture->b);
  assert_same_progress (fixture);

  run_ok (fixture->b, "--reset-track", "backend-developer", NULL);
  sync_machine_sync_ok (fixture->b);
  sync_machine_sync_ok (fixture->a);
  sync_machine_sync_ok (fixture->b);
  assert_status (fixture->a, SKILL, "todo");
  assert_status (fixture->a, OTHER, "todo");
  g_assert_cmpint (query_int (fixture->a, "SELECT count(*) FROM topics WHERE done = 1"), ==, 0);
  assert_same_progress (fixture);
  g_assert_cmpint (query_int (fixture->a, "SELECT count(*) FROM sync_items WHERE outbox <> 0"), ==, 0);
  g_assert_cmpint (query_int (fixture->b, "SELECT count(*) FROM sync_items WHERE outbox <> 0"), ==, 0);
}

/* Random changes on both sides, rounds in between: both end the same,
 * and the same as a model where the later change of a field wins */
static void
test_random (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const statuses[] = { "todo", "doing", "done", "skipped" };
  static const char * const skills[] = {
    "backend-developer/python-sql", "backend-developer/database-design",
    "backend-developer/api-development", "data-engineer/python-sql",
    "data-engineer/etl-basics", "data-engineer/streaming-data",
  };
  GHashTable *model = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint n_changes = 0;

  if (fixture->dir == NULL)
    {
      g_hash_table_unref (model);
      return;
    }

  turn_on (fixture->a);
  turn_on (fixture->b);
  for (guint round = 0; n_changes < 200; round++)
    {
      for (guint side = 0; side < 2; side++)
        {
          SyncMachine *machine = side == 0 ? fixture->a : fixture->b;
          g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
          guint n = 1 + g_rand_int_range (rand, 0, G_N_ELEMENTS (skills));
          guint first = g_rand_int_range (rand, 0, G_N_ELEMENTS (skills));

          /* Each a change: n skills, each to a status it does not have
           * on that machine (a status set again changes nothing) */
          for (guint i = 0; i < n; i++)
            {
              const char *skill = skills[(first + i) % G_N_ELEMENTS (skills)];
              g_autofree char *current = status_of (machine, skill);
              const char *status;

              do
                status = statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))];
              while (g_str_equal (status, current));
              g_ptr_array_add (argv, g_strdup ("--set-status"));
              g_ptr_array_add (argv, g_strdup_printf ("%s=%s", skill, status));
              g_hash_table_insert (model, (gpointer) skill, g_strdup (status));
            }
          n_changes += n;
          g_ptr_array_add (argv, NULL);
          g_assert_cmpint (sync_machine_runv (machine, (const char * const *) argv->pdata, NULL, NULL), ==, 0);
          /* The later change must be later by the clock too */
          g_usleep (2 * 1000);
          if (g_rand_boolean (rand))
            sync_machine_sync_ok (machine);
        }
    }

  sync_machine_sync_ok (fixture->a);
  sync_machine_sync_ok (fixture->b);
  sync_machine_sync_ok (fixture->a);
  assert_settles (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (skills); i++)
    {
      const char *expected = g_hash_table_lookup (model, skills[i]);

      if (expected != NULL)
        {
          assert_status (fixture->a, skills[i], expected);
          assert_status (fixture->b, skills[i], expected);
        }
    }
  g_hash_table_unref (model);
}

static gpointer
cancel_later (gpointer cancellable)
{
  g_usleep (200 * 1000);
  g_cancellable_cancel (cancellable);
  return NULL;
}

/* A wait for another round's lock ends when it is cancelled (the window
 * closing), not a minute later; the lock is free again once let go */
static void
test_lock_cancelled (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "progress.db", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  int held = roadmap_sync_lock_take (db_path, NULL, &error);
  GThread *canceller;
  gint64 start;
  int lock;

  g_assert_no_error (error);
  g_assert_cmpint (held, >=, 0);

  canceller = g_thread_new ("cancel", cancel_later, cancellable);
  start = g_get_monotonic_time ();
  lock = roadmap_sync_lock_take (db_path, cancellable, &error);
  g_thread_join (canceller);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (lock, ==, -1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_clear_error (&error);

  roadmap_sync_lock_release (held);
  lock = roadmap_sync_lock_take (db_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lock, >=, 0);
  roadmap_sync_lock_release (lock);
  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sync/off", test_off);
  ADD ("/sync/two-machines", test_two_machines);
  ADD ("/sync/different-fields", test_different_fields);
  ADD ("/sync/conflict", test_conflict);
  ADD ("/sync/server-down", test_server_down);
  ADD ("/sync/killed", test_killed);
  ADD ("/sync/two-rounds", test_two_rounds);
  ADD ("/sync/note", test_note);
  ADD ("/sync/window-sees", test_window_sees);
  ADD ("/sync/other-client", test_other_client);
  ADD ("/sync/deleted-task", test_deleted_task);
  ADD ("/sync/bad-task", test_bad_task);
  ADD ("/sync/reset", test_reset);
  ADD ("/sync/random", test_random);
#undef ADD
  g_test_add_func ("/sync/lock-cancelled", test_lock_cancelled);

  return g_test_run ();
}

/* test-progress-file.c — progress exported to and imported from JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "roadmap-progress-file.h"
#include "roadmap-text.h"
#include "store-test-util.h"

/* The store on @db_name, a file in the fixture's folder */
static void
fixture_open (StoreFixture *fixture,
              const char   *db_name)
{
  g_free (fixture->db_path);
  fixture->db_path = g_build_filename (fixture->dir, db_name, NULL);
  store_fixture_open (fixture);
}

static void
fixture_setup (StoreFixture  *fixture,
               gconstpointer  data)
{
  store_fixture_set_up (fixture, data);
  store_fixture_open (fixture);
}

/* Some of everything: columns, positions, dates of the past, notes (also
 * on skills that never moved). */
static void
make_progress (StoreFixture *fixture)
{
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_DOING, 0);
  store_fixture_move (fixture, "alpha", "d", ROADMAP_STATUS_DOING, 0);
  store_fixture_move (fixture, "alpha", "e", ROADMAP_STATUS_DONE, 0);
  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DONE, 0);
  store_fixture_move (fixture, "alpha", "c", ROADMAP_STATUS_TODO, 2);
  store_fixture_move (fixture, "beta", "y", ROADMAP_STATUS_DOING, 0);
  store_fixture_set_note (fixture, "alpha", "d", "Chapter 4, then\nthe exercises ✓");
  store_fixture_set_note (fixture, "alpha", "g", "never moved, but noted");
  store_fixture_set_note (fixture, "beta", "x", "\"quoted\" \\ and a tab\there");

  /* Dates from the past, distinct from each other */
  store_fixture_exec (fixture,
                      "UPDATE progress SET started_at = 1700000000 + 86400 * rowid_like"
                      " FROM (SELECT track_id AS t, skill_id AS s,"
                      "              row_number () OVER (ORDER BY track_id, skill_id) AS rowid_like"
                      "       FROM progress)"
                      " WHERE track_id = t AND skill_id = s AND started_at IS NOT NULL;"
                      "UPDATE progress SET finished_at = started_at + 3600 * 7"
                      " WHERE finished_at IS NOT NULL;");
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "store", name, NULL);
}

/* The progress and notes tables (not the history) */
static char *
describe_rows (const char *db_path)
{
  g_autofree char *all = store_test_describe_db (db_path);
  char *history = strstr (all, "history:\n");

  g_assert_nonnull (history);
  return g_strndup (all, history - all);
}

static JsonNode *
parse_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static char *
skills_of (const char *path)
{
  g_autoptr(JsonNode) root = parse_file (path);
  JsonNode *skills = json_object_get_member (json_node_get_object (root), "skills");

  g_assert_nonnull (skills);
  return json_to_string (skills, TRUE);
}

static JsonObject *
find_entry (JsonArray  *skills,
            const char *track_id,
            const char *skill_id)
{
  for (guint i = 0; i < json_array_get_length (skills); i++)
    {
      JsonObject *entry = json_array_get_object_element (skills, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "track"), track_id) == 0 &&
          g_strcmp0 (json_object_get_string_member (entry, "skill"), skill_id) == 0)
        return entry;
    }

  return NULL;
}

/* Imports the fixture @name, exports it again to "exported.json" in the
 * fixture's folder, and returns that file's "skills" (which @root holds) */
static JsonArray *
import_and_export (StoreFixture  *fixture,
                   const char    *name,
                   JsonNode     **root)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *export_path = g_build_filename (fixture->dir, "exported.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) exported = g_file_new_for_path (export_path);
  g_autoptr(GError) error = NULL;

  g_assert_true (store_test_import (fixture->store, fixture->catalog, file, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_progress_file_export (fixture->store, exported, &error));
  g_assert_no_error (error);

  *root = parse_file (export_path);
  return json_object_get_array_member (json_node_get_object (*root), "skills");
}

/* Tests */

static void
test_roundtrip (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "progress.json", NULL);
  g_autofree char *again_path = g_build_filename (fixture->dir, "again.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) again = g_file_new_for_path (again_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *model = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *imported_rows = NULL;
  g_autofree char *skills = NULL;
  g_autofree char *skills_again = NULL;
  JsonObject *object;
  JsonObject *entry;
  RoadmapSkill *undone = (RoadmapSkill *) 0x1;

  make_progress (fixture);
  model = store_test_describe_catalog (fixture->catalog);
  rows = describe_rows (fixture->db_path);

  g_assert_true (roadmap_progress_file_export (fixture->store, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (store_test_file_mode (path), ==, 0600);

  /* What the file says */
  root = parse_file (path);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "format"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "roadmap-progress");
  g_assert_true (json_object_has_member (object, "exported_at"));
  entry = find_entry (json_object_get_array_member (object, "skills"), "alpha", "d");
  g_assert_nonnull (entry);
  g_assert_cmpstr (json_object_get_string_member (entry, "status"), ==, "doing");
  g_assert_cmpint (json_object_get_int_member (entry, "position"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "note"), ==, "Chapter 4, then\nthe exercises ✓");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (entry, "started_at"), "Z"));
  entry = find_entry (json_object_get_array_member (object, "skills"), "alpha", "e");
  g_assert_nonnull (entry);
  g_assert_cmpstr (json_object_get_string_member (entry, "status"), ==, "done");
  g_assert_true (json_object_has_member (entry, "finished_at"));
  /* A note on a skill that never moved: no status or position made up */
  entry = find_entry (json_object_get_array_member (object, "skills"), "alpha", "g");
  g_assert_nonnull (entry);
  g_assert_cmpstr (json_object_get_string_member (entry, "note"), ==, "never moved, but noted");
  g_assert_false (json_object_has_member (entry, "status"));
  g_assert_false (json_object_has_member (entry, "position"));

  /* Into a new database, with a fresh model */
  fixture_open (fixture, "other.db");
  g_assert_true (store_test_import (fixture->store, fixture->catalog, file, &error));
  g_assert_no_error (error);

  imported = store_test_describe_catalog (fixture->catalog);
  g_assert_cmpstr (imported, ==, model);
  imported_rows = describe_rows (fixture->db_path);
  g_assert_cmpstr (imported_rows, ==, rows);

  /* It lasts */
  store_fixture_close (fixture);
  g_clear_pointer (&imported, g_free);
  imported = store_test_describe_reopened (fixture->db_path, FALSE);
  g_assert_cmpstr (imported, ==, model);

  /* Exporting again gives the same entries */
  fixture_open (fixture, "other.db");
  g_assert_true (roadmap_progress_file_export (fixture->store, again, &error));
  g_assert_no_error (error);
  skills = skills_of (path);
  skills_again = skills_of (again_path);
  g_assert_cmpstr (skills_again, ==, skills);

  /* An import is not undone move by move */
  g_assert_true (store_test_undo (fixture->store, fixture->catalog, &undone, &error));
  g_assert_no_error (error);
  g_assert_null (undone);
}

/* An import replaces all progress: skills it does not mention go back to
 * To-do without notes. */
static void
test_import_replaces (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path ("progress-unknown-track.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  RoadmapSkill *a;

  make_progress (fixture);
  g_assert_true (store_test_import (fixture->store, fixture->catalog, file, &error));
  g_assert_no_error (error);

  a = store_fixture_skill (fixture, "alpha", "a");
  g_assert_cmpint (roadmap_skill_get_status (a), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_started_at (a)), ==, 1767348000);
  g_assert_cmpint (g_date_time_to_unix (roadmap_skill_get_finished_at (a)), ==, 1768927500);
  g_assert_cmpint (roadmap_skill_get_status (store_fixture_skill (fixture, "alpha", "c")), ==, ROADMAP_STATUS_DOING);
  g_assert_cmpstr (roadmap_skill_get_note (store_fixture_skill (fixture, "alpha", "c")), ==, "halfway through");

  for (guint i = 0; i < 3; i++)
    {
      const char *id = (const char *[]) { "b", "d", "e" }[i];
      RoadmapSkill *other = store_fixture_skill (fixture, "alpha", id);

      g_assert_cmpint (roadmap_skill_get_status (other), ==, ROADMAP_STATUS_TODO);
      g_assert_null (roadmap_skill_get_started_at (other));
      g_assert_null (roadmap_skill_get_note (other));
    }
  g_assert_cmpint (roadmap_skill_get_status (store_fixture_skill (fixture, "beta", "y")), ==, ROADMAP_STATUS_TODO);
  g_assert_null (roadmap_skill_get_note (store_fixture_skill (fixture, "beta", "x")));
  g_assert_null (roadmap_skill_get_note (store_fixture_skill (fixture, "alpha", "g")));

  {
    g_autofree char *column = store_test_describe_column (fixture->catalog, "alpha", "one",
                                                          ROADMAP_STATUS_TODO);

    g_assert_cmpstr (column, ==, "b d e");
  }

  /* Recorded in the history as an import */
  history = roadmap_store_list_history (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((RoadmapHistoryEntry *) g_ptr_array_index (history, history->len - 1))->kind,
                   ==, ROADMAP_HISTORY_IMPORT);
}

/* An import is one undo step, even one that only cleared the progress
 * (a file with no skills): the undo brings everything back */
static void
test_import_undo (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "empty.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(sqlite3) db = NULL;
  gint64 n_rows;
  RoadmapSkill *undone = (RoadmapSkill *) 0x1;

  make_progress (fixture);
  before = store_test_describe_catalog (fixture->catalog);
  g_file_set_contents (path, "{ \"format\": 1, \"kind\": \"roadmap-progress\", \"skills\": [] }", -1, &error);
  g_assert_no_error (error);
  db = store_test_sqlite_open (fixture->db_path);
  n_rows = store_test_query_int (db, "SELECT count(*) FROM progress");
  g_assert_cmpint (n_rows, >, 0);
  g_clear_pointer (&db, sqlite3_close);

  g_assert_true (store_test_import (fixture->store, fixture->catalog, file, &error));
  g_assert_no_error (error);

  /* Every skill it reset is in the history */
  db = store_test_sqlite_open (fixture->db_path);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM progress"), ==, 0);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM history WHERE kind = 2 AND new_status = 0 AND skill_id != ''"),
                   ==, n_rows);
  g_clear_pointer (&db, sqlite3_close);
  g_assert_cmpint (roadmap_skill_get_status (store_fixture_skill (fixture, "alpha", "a")), ==, ROADMAP_STATUS_TODO);
  g_assert_null (roadmap_skill_get_note (store_fixture_skill (fixture, "alpha", "d")));

  g_assert_true (store_test_undo (fixture->store, fixture->catalog, &undone, &error));
  g_assert_no_error (error);
  g_assert_null (undone);
  after = store_test_describe_catalog (fixture->catalog);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_unknown_track (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = fixture_path ("progress-unknown-track.json");
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(JsonNode) original = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *original_skills;
  JsonArray *skills;

  /* Exported again at once; what the file holds is compared below */
  skills = import_and_export (fixture, "progress-unknown-track.json", &root);

  /* The model only has what it knows */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->catalog)), ==, 2);
  g_assert_null (roadmap_catalog_find_track (fixture->catalog, "zeta"));
  g_assert_cmpint (roadmap_skill_get_status (store_fixture_skill (fixture, "alpha", "a")), ==, ROADMAP_STATUS_DONE);

  /* The database keeps the rest */
  db = store_test_sqlite_open (fixture->db_path);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM progress WHERE track_id = 'zeta'"), ==, 2);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM notes WHERE track_id = 'zeta'"), ==, 1);
  g_clear_pointer (&db, sqlite3_close);

  /* … and exports it again, unchanged */
  original = parse_file (path);
  original_skills = json_object_get_array_member (json_node_get_object (original), "skills");

  for (guint i = 0; i < json_array_get_length (original_skills); i++)
    {
      JsonObject *expected = json_array_get_object_element (original_skills, i);
      JsonObject *entry = find_entry (skills, json_object_get_string_member (expected, "track"),
                                      json_object_get_string_member (expected, "skill"));
      g_autoptr(JsonNode) expected_node = json_node_init_object (json_node_alloc (), expected);
      g_autoptr(JsonNode) entry_node = NULL;

      g_assert_nonnull (entry);
      entry_node = json_node_init_object (json_node_alloc (), entry);
      g_assert_true (json_node_equal (entry_node, expected_node));
    }

  /* When that roadmap is loaded, its progress is there */
  {
    g_autoptr(RoadmapTrack) zeta = roadmap_track_new ("zeta", "Zeta");
    g_autoptr(RoadmapPhase) phase = roadmap_phase_new ("only", "Only", 1, 1);
    g_autoptr(RoadmapSkill) z1 = roadmap_skill_new ("z1", "Z1");
    g_autoptr(RoadmapSkill) z2 = roadmap_skill_new ("z2", "Z2");

    roadmap_phase_add_skill (phase, z1);
    roadmap_phase_add_skill (phase, z2);
    g_assert_true (roadmap_track_add_phase (zeta, phase));
    g_assert_true (roadmap_catalog_add_track (fixture->catalog, zeta, &error));
    g_assert_no_error (error);
    roadmap_store_load_progress (fixture->store, fixture->catalog, &error);
    g_assert_no_error (error);

    g_assert_cmpint (roadmap_skill_get_status (z1), ==, ROADMAP_STATUS_DONE);
    g_assert_cmpstr (roadmap_skill_get_note (z1), ==, "from a roadmap that is not installed here");
    g_assert_cmpint (roadmap_skill_get_status (z2), ==, ROADMAP_STATUS_DOING);
  }
}

typedef struct
{
  const char *file;
  const char *where;
} InvalidFile;

static const InvalidFile invalid_files[] = {
  { "progress-bad-status.json", "skills[1]: “finished” is not a status" },
  { "progress-bad-id.json", "skills[2]: “Not An Id” is not a valid skill id" },
  { "progress-duplicate-entry.json", "skills[2]: the skill alpha/a is listed twice" },
  { "progress-duplicate-key.json", "skills[0].status" },
  { "progress-wrong-kind.json", ": kind: " },
  { "progress-wrong-format.json", ": format: " },
  { "progress-not-json.json", "line 5" },
  { "progress-bad-date.json", "skills[1].started_at: " },
  { "progress-bad-position.json", "skills[1]: the position" },
  { "progress-wrong-type.json", "skills[1].status: expected a string" },
  { "progress-not-object.json", ": document: " },
  { "progress-missing-status.json", "skills[1].status: this required member is missing" },
  { "progress-note-only-with-position.json", "skills[1]: a skill without a status can only have a note" },
  /* Text that is not text, quoted escaped */
  { "progress-noncharacter-note.json", "skills[1].note: the text contains U+FFFF (character 11)" },
  { "progress-control-note.json", "skills[1].note: the text contains the control character U+001B" },
  { "progress-esc-id.json", "skills[1]: “b\\u001B[2J” is not a valid skill id" },
  { "progress-esc-status.json", "skills[1]: “done\\u001B]0;pwned\\u0007” is not a status" },
  /* Dates out of range, or at odds with the status */
  { "progress-finished-before-started.json", "skills[1].finished_at: the skill is finished before it was started" },
  { "progress-todo-with-date.json", "skills[1].started_at: a skill in To-do has neither a start nor a finish date" },
  { "progress-doing-finished.json", "skills[1].finished_at: a skill in Doing has no finish date yet" },
  { "progress-far-future.json", "skills[1].started_at: “9999-12-31T23:59:59-14:00” is out of range" },
  { "progress-year-one.json", "skills[1].started_at: “0001-01-01T00:00:00Z” is out of range" },
  { "progress-after-2200.json", "skills[1].finished_at: “2201-01-01T00:00:00Z” is out of range" },
  { "progress-before-1970.json", "skills[1].started_at: “1970-01-01T00:00:00+01:00” is out of range" },
};

/* The import fails with INVALID, naming the file and the place in it, and
 * changes neither the database nor the model. */
static void
assert_import_refused (StoreFixture *fixture,
                       const char   *path,
                       int           code,
                       const char   *where)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autofree char *model_before = store_test_describe_catalog (fixture->catalog);
  g_autofree char *db_before = store_test_describe_db (fixture->db_path);
  g_autofree char *model_after = NULL;
  g_autofree char *db_after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (store_test_import (fixture->store, fixture->catalog, file, &error));
  g_assert_error (error, ROADMAP_STORE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, parse_name));
  if (where != NULL)
    g_assert_nonnull (strstr (error->message, where));
  /* What it quotes of the file is escaped: escaping again changes nothing */
  {
    g_autofree char *escaped = roadmap_text_escape_for_message (error->message, 0);

    g_assert_cmpstr (escaped, ==, error->message);
  }

  model_after = store_test_describe_catalog (fixture->catalog);
  g_assert_cmpstr (model_after, ==, model_before);
  db_after = store_test_describe_db (fixture->db_path);
  g_assert_cmpstr (db_after, ==, db_before);
}

static void
test_import_invalid (StoreFixture  *fixture,
                     gconstpointer  data)
{
  const InvalidFile *invalid = data;
  g_autofree char *path = fixture_path (invalid->file);

  make_progress (fixture);
  assert_import_refused (fixture, path, ROADMAP_STORE_ERROR_INVALID, invalid->where);

  /* The store is still fine */
  store_fixture_move (fixture, "alpha", "h", ROADMAP_STATUS_DONE, 0);
}

/* The first and last second allowed come back as they were; so do a
 * note's CR LF line ends and tabs. */
static void
test_import_date_bounds (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *skills = import_and_export (fixture, "progress-date-bounds.json", &root);
  JsonObject *entry;

  entry = find_entry (skills, "alpha", "a");
  g_assert_cmpstr (json_object_get_string_member (entry, "started_at"), ==, "1970-01-01T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (entry, "finished_at"), ==, "2200-12-31T23:59:59Z");
  entry = find_entry (skills, "alpha", "b");
  g_assert_cmpstr (json_object_get_string_member (entry, "note"), ==, "Windows line ends\r\nand\ttabs are fine");
}

/* A database may hold dates no file may bring in now (an older Roadmap
 * imported them): the export writes them all, none dropped, with four
 * digits or more to the year, and importing that file names the entry
 * and changes nothing. */
static void
test_export_out_of_range_dates (StoreFixture  *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "exported.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *skills;
  JsonObject *entry;

  store_fixture_move (fixture, "alpha", "a", ROADMAP_STATUS_DONE, 0);
  store_fixture_move (fixture, "alpha", "b", ROADMAP_STATUS_DOING, 0);
  /* 0001-01-01T00:00:00Z; "9999-12-31T23:59:59-14:00"; a second before 1970 */
  store_fixture_exec (fixture,
                      "UPDATE progress SET started_at = -62135596800, finished_at = 253402351199"
                      " WHERE skill_id = 'a';"
                      "UPDATE progress SET started_at = -1 WHERE skill_id = 'b';");

  g_assert_true (roadmap_progress_file_export (fixture->store, file, &error));
  g_assert_no_error (error);

  root = parse_file (path);
  skills = json_object_get_array_member (json_node_get_object (root), "skills");
  entry = find_entry (skills, "alpha", "a");
  g_assert_cmpstr (json_object_get_string_member (entry, "started_at"), ==, "0001-01-01T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (entry, "finished_at"), ==, "+10000-01-01T13:59:59Z");
  entry = find_entry (skills, "alpha", "b");
  g_assert_cmpstr (json_object_get_string_member (entry, "started_at"), ==, "1969-12-31T23:59:59Z");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "exported_at"), !=, NULL);

  assert_import_refused (fixture, path, ROADMAP_STORE_ERROR_INVALID, "skills[0].started_at: ");
}

/* Arrays nested far deeper than json-glib survives: refused before it
 * parses anything. */
static void
test_import_deep_nesting (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "bomb.json", NULL);
  g_autoptr(GString) bomb = g_string_new ("{\"format\": 1, \"kind\": \"roadmap-progress\", \"skills\": ["
                                          "{\"track\": \"alpha\", \"skill\": \"a\", \"status\": \"done\","
                                          " \"note\": ");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (bomb, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (bomb, ']');
  g_string_append (bomb, "}]}");
  g_file_set_contents (path, bomb->str, bomb->len, &error);
  g_assert_no_error (error);

  make_progress (fixture);
  assert_import_refused (fixture, path, ROADMAP_STORE_ERROR_INVALID, "skills[0].note");
}

static void
test_import_too_large (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "large.json", NULL);
  g_autoptr(GString) large = g_string_new ("{\"format\": 1, \"kind\": \"roadmap-progress\", \"skills\": [], \"padding\": \"");
  g_autoptr(GError) error = NULL;

  while (large->len <= ROADMAP_PROGRESS_FILE_MAX_SIZE)
    g_string_append (large, "0123456789abcdef");
  g_string_append (large, "\"}");
  g_file_set_contents (path, large->str, large->len, &error);
  g_assert_no_error (error);

  make_progress (fixture);
  assert_import_refused (fixture, path, ROADMAP_STORE_ERROR_INVALID, NULL);
}

/* One limit for each thing: what a legal import holds, its export holds
 * too and imports again, however much larger pretty-printing makes it:
 * here 90 notes of the longest length, more than a roadmap file's 8 MiB,
 * and 2,000 entries with a status. */
static void
test_export_reimports (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "many.json", NULL);
  g_autofree char *exported = g_build_filename (fixture->dir, "exported.json", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "again.json", NULL);
  g_autofree char *note = g_strnfill (ROADMAP_NOTE_MAX_LENGTH, 'n');
  g_autoptr(GString) json = g_string_new ("{\"format\":1,\"kind\":\"roadmap-progress\",\"skills\":[");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) export_file = g_file_new_for_path (exported);
  g_autoptr(GFile) again_file = g_file_new_for_path (again);
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  GStatBuf st;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (json, "%s{\"track\":\"t%u\",\"skill\":\"s%u\",\"status\":\"done\"%s%s%s}",
                            i > 0 ? "," : "", i % 7, i, i < 90 ? ",\"note\":\"" : "",
                            i < 90 ? note : "", i < 90 ? "\"" : "");
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (path, json->str, (gssize) json->len, &error));
  g_assert_cmpuint (json->len, >, ROADMAP_JSON_MAX_SIZE);

  g_assert_true (store_test_import (fixture->store, fixture->catalog, file, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_progress_file_export (fixture->store, export_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (exported, &st), ==, 0);
  g_test_message ("import %zu bytes, export %lld bytes", json->len, (long long) st.st_size);

  g_assert_true (store_test_import (fixture->store, fixture->catalog, export_file, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_progress_file_export (fixture->store, again_file, &error));
  g_assert_no_error (error);

  rows = describe_rows (fixture->db_path);
  g_assert_nonnull (strstr (rows, "s1999"));
}

/* A note longer than the limit is refused, however it comes */
static void
test_note_limit (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "long-note.json", NULL);
  g_autofree char *too_long = g_strnfill (ROADMAP_NOTE_MAX_LENGTH + 1, 'n');
  g_autofree char *json = g_strdup_printf ("{\"format\":1,\"kind\":\"roadmap-progress\",\"skills\":"
                                           "[{\"track\":\"t\",\"skill\":\"s\",\"note\":\"%s\"}]}",
                                           too_long);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, json, -1, &error));
  make_progress (fixture);
  assert_import_refused (fixture, path, ROADMAP_STORE_ERROR_INVALID, "skills[0]");
}

static void
test_import_missing (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-file.json", NULL);

  make_progress (fixture);
  assert_import_refused (fixture, path, ROADMAP_STORE_ERROR_IO, NULL);
}

/* A failed export leaves no file, and no half file, behind; a file in the
 * way is not touched. */
static void
test_export_unwritable (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "folder", "progress.json", NULL);
  g_autofree char *below_file = g_build_filename (fixture->db_path, "progress.json", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "a-folder.json", NULL);
  g_autofree char *inside = g_build_filename (folder, "keep.txt", NULL);
  const char *destinations[] = { missing, below_file, folder };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  make_progress (fixture);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_file_set_contents (inside, "keep me", -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (destinations); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (destinations[i]);

      g_assert_false (roadmap_progress_file_export (fixture->store, file, &error));
      g_assert_nonnull (error);
      g_test_message ("refused: %s", error->message);
      g_clear_error (&error);
    }

  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  {
    g_autoptr(GBytes) kept = g_bytes_new_static ("keep me", 7);

    store_test_assert_file_equals (inside, kept);
  }

  /* Only what was there before: no temporary files */
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_test_message ("left: %s", name);
      g_assert_true (g_str_has_prefix (name, "progress.db") || g_str_equal (name, "a-folder.json"));
    }

  /* The store still works, and exports where it can */
  store_fixture_move (fixture, "alpha", "h", ROADMAP_STATUS_DONE, 0);
  {
    g_autofree char *path = g_build_filename (fixture->dir, "ok.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (roadmap_progress_file_export (fixture->store, file, &error));
    g_assert_no_error (error);
  }
}

/* A progress file of @n skills of one track; @variant 1 has every
 * seventh skill in another column. Fills @statuses. */
static char *
write_generated_file (StoreFixture  *fixture,
                      guint          n,
                      guint          variant,
                      RoadmapStatus *statuses)
{
  g_autofree char *path = g_strdup_printf ("%s/generated-%u.json", fixture->dir, variant);
  GString *json = g_string_new ("{ \"format\": 1, \"kind\": \"roadmap-progress\", \"skills\": [\n");
  guint positions[ROADMAP_N_STATUSES] = { 0, };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      RoadmapStatus status = (i + (variant == 1 && i % 7 == 0 ? 1 : 0)) % 3;

      statuses[i] = status;
      g_string_append_printf (json, "%s{ \"track\": \"generated\", \"skill\": \"s%u\", \"status\": \"%s\","
                                    " \"position\": %u%s%s%s }\n",
                              i > 0 ? "," : "", i, roadmap_status_to_string (status), positions[status]++,
                              status != ROADMAP_STATUS_TODO ? ", \"started_at\": \"2026-01-05T10:00:00Z\"" : "",
                              status == ROADMAP_STATUS_DONE ? ", \"finished_at\": \"2026-02-01T18:30:00Z\"" : "",
                              i % 5 == 0 ? ", \"note\": \"a note\"" : "");
    }
  g_string_append (json, "] }\n");
  g_file_set_contents (path, json->str, -1, &error);
  g_assert_no_error (error);
  g_string_free (json, TRUE);
  return g_steal_pointer (&path);
}

/* Importing a file again and again: the history grows by the import's
 * own row and the status changes, not by a row an entry; a file that
 * holds just what the database does changes nothing at all */
static void
test_import_repeated (StoreFixture  *fixture,
                      gconstpointer  data)
{
  enum { N = 3000 };
  static const guint order[] = { 0, 0, 0, 0, 1, 0, 0, 0 };
  RoadmapStatus stored[N];
  RoadmapStatus files[2][N];
  g_auto(GStrv) paths = g_new0 (char *, 3);
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rows, last_id = 0;

  for (guint i = 0; i < N; i++)
    stored[i] = ROADMAP_STATUS_TODO;
  for (guint v = 0; v < 2; v++)
    paths[v] = write_generated_file (fixture, N, v, files[v]);

  db = store_test_sqlite_open (fixture->db_path);
  rows = store_test_query_int (db, "SELECT count(*) FROM history");

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[order[k]]);
      guint n_changes = 0;
      gint64 now_rows;

      for (guint i = 0; i < N; i++)
        {
          n_changes += stored[i] != files[order[k]][i];
          stored[i] = files[order[k]][i];
        }

      g_assert_true (store_test_import (fixture->store, fixture->catalog, file, &error));
      g_assert_no_error (error);

      now_rows = store_test_query_int (db, "SELECT count(*) FROM history");
      g_test_message ("import %u: %lld rows, %u status changes", k, (long long) now_rows, n_changes);
      g_assert_cmpint (now_rows - rows, ==, n_changes > 0 || k == 0 ? 1 + n_changes : 0);
      g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM history WHERE old_status = new_status AND skill_id != ''"), ==, 0);
      if (now_rows > rows)
        g_assert_cmpint (store_test_query_int (db, "SELECT max(id) FROM history"), >, last_id);
      last_id = store_test_query_int (db, "SELECT max(id) FROM history");
      rows = now_rows;
    }

  /* 2000 skills out of To-do at first, 2 × 429 back and forth, in 3 imports
   * that changed something (of 8) */
  g_assert_cmpint (rows, ==, 2000 + 2 * 429 + 3);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM progress WHERE track_id = 'generated'"), ==, N);

  /* Compacting keeps every one of them: status changes and imports */
  g_assert_true (roadmap_store_compact_history (fixture->store, g_get_real_time () + 30 * G_TIME_SPAN_DAY,
                                                NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM history"), ==, rows);
  g_assert_cmpint (store_test_query_int (db, "SELECT max(id) FROM history"), ==, last_id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add (path, StoreFixture, data, fixture_setup, func, store_fixture_tear_down)

  ADD ("/progress-file/roundtrip", test_roundtrip, NULL);
  ADD ("/progress-file/import/replaces", test_import_replaces, NULL);
  ADD ("/progress-file/import/unknown-track", test_import_unknown_track, NULL);
  ADD ("/progress-file/import/undo", test_import_undo, NULL);
  ADD ("/progress-file/import/repeated", test_import_repeated, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_files); i++)
    {
      /* progress-bad-status.json → bad-status */
      g_autofree char *name = g_strndup (invalid_files[i].file + strlen ("progress-"),
                                         strlen (invalid_files[i].file) - strlen ("progress-.json"));
      g_autofree char *path = g_strdup_printf ("/progress-file/import/invalid/%s", name);

      ADD (path, test_import_invalid, &invalid_files[i]);
    }
  ADD ("/progress-file/import/invalid/deep-nesting", test_import_deep_nesting, NULL);
  ADD ("/progress-file/import/date-bounds", test_import_date_bounds, NULL);
  ADD ("/progress-file/export/out-of-range-dates", test_export_out_of_range_dates, NULL);
  ADD ("/progress-file/import/invalid/too-large", test_import_too_large, NULL);
  ADD ("/progress-file/import/missing", test_import_missing, NULL);
  ADD ("/progress-file/export/reimports", test_export_reimports, NULL);
  ADD ("/progress-file/import/note-limit", test_note_limit, NULL);
  ADD ("/progress-file/export/unwritable", test_export_unwritable, NULL);

#undef ADD

  return g_test_run ();
}

/* test-tracks.c — the learner's own tracks: import, replace, customize,
 * revert, remove and hide, each one undoable step over real files and a
 * real database, and the folder read again after another process's
 * changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "roadmap-loader.h"
#include "roadmap-session.h"
#include "roadmap-track-draft.h"
#include "roadmap-writer.h"
#include "store-test-util.h"

typedef SessionFixture Fixture;

#define RUST_ROADMAP(title, extra_skill) \
  "{ \"format\": 1, \"id\": \"rust-dev\", \"title\": \"" title "\",\n" \
  "  \"phases\": [ { \"id\": \"basics\", \"title\": \"Basics\", \"months\": [1, 2],\n" \
  "    \"skills\": [ { \"id\": \"ownership\", \"title\": \"Ownership\" }" extra_skill " ] } ] }\n"

static GBytes *
bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
assert_file_holds (const char *path,
                   const char *text)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);
}

static char *
own_path (RoadmapSession *session,
          const char     *name)
{
  return g_build_filename (g_file_peek_path (roadmap_session_get_user_roadmap_dir (session)), name, NULL);
}

static RoadmapTrack *
find (RoadmapSession *session,
      const char     *track_id)
{
  return roadmap_catalog_find_track (roadmap_session_get_catalog (session), track_id);
}

/* Whether the catalog's list (what every view shows) holds @track_id */
static gboolean
is_listed (RoadmapSession *session,
           const char     *track_id)
{
  GListModel *tracks = G_LIST_MODEL (roadmap_session_get_catalog (session));

  for (guint i = 0; i < g_list_model_get_n_items (tracks); i++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (tracks, i);

      if (g_str_equal (roadmap_track_get_id (track), track_id))
        return TRUE;
    }
  return FALSE;
}

static void
add (RoadmapSession *session,
     const char     *text,
     gboolean        replace)
{
  g_autoptr(GBytes) contents = bytes (text);
  g_autoptr(GError) error = NULL;
  g_autofree char *track_id = NULL;

  g_assert_true (roadmap_session_add_roadmap (session, contents, "rust.json", replace, &track_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (track_id, ==, "rust-dev");
}

static RoadmapStatus
status_of (RoadmapSession *session,
           const char     *track_id,
           const char     *skill_id)
{
  return roadmap_skill_get_status (store_test_session_skill (session, track_id, skill_id));
}

static void
undo (RoadmapSession *session)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_undo (session, NULL, &error));
  g_assert_no_error (error);
}

static void
redo (RoadmapSession *session)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_redo (session, NULL, &error));
  g_assert_no_error (error);
}

/* A file imported joins the folder as TRACK-ID.json and the sidebar at
 * once; undo takes it out, redo brings it back; removed and imported
 * again, its progress is back */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = own_path (fixture->session, "rust-dev.json");
  g_autoptr(GError) error = NULL;

  add (fixture->session, RUST_ROADMAP ("Rust", ""), FALSE);
  g_assert_true (is_listed (fixture->session, "rust-dev"));
  assert_file_holds (path, RUST_ROADMAP ("Rust", ""));
  g_assert_cmpuint (store_test_file_mode (path), ==, 0600);
  store_test_session_set_status (fixture->session, "rust-dev", "ownership", ROADMAP_STATUS_DOING);

  /* Undo the status, then the import */
  undo (fixture->session);
  store_test_session_set_status (fixture->session, "rust-dev", "ownership", ROADMAP_STATUS_DONE);
  g_assert_true (roadmap_session_remove_track (fixture->session, find (fixture->session, "rust-dev"), &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (find (fixture->session, "rust-dev"));

  undo (fixture->session);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (status_of (fixture->session, "rust-dev", "ownership"), ==, ROADMAP_STATUS_DONE);
  redo (fixture->session);
  g_assert_null (find (fixture->session, "rust-dev"));

  /* Imported again: the progress was kept */
  add (fixture->session, RUST_ROADMAP ("Rust", ""), FALSE);
  g_assert_cmpint (status_of (fixture->session, "rust-dev", "ownership"), ==, ROADMAP_STATUS_DONE);

  /* And a new session, as the next start, reads it from the folder */
  g_clear_object (&fixture->session);
  fixture->session = store_test_open_session (fixture->db_path);
  g_assert_cmpint (status_of (fixture->session, "rust-dev", "ownership"), ==, ROADMAP_STATUS_DONE);
}

/* A bad file, or an id that is taken without --replace, changes nothing */
static void
test_import_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = own_path (fixture->session, "rust-dev.json");
  g_autoptr(GBytes) bad = bytes ("{ \"format\": 1, \"id\": \"Not An Id\", \"title\": \"x\", \"phases\": [] }");
  g_autoptr(GBytes) again = bytes (RUST_ROADMAP ("Other", ""));
  g_autoptr(GError) error = NULL;

  g_assert_false (roadmap_session_add_roadmap (fixture->session, bad, "bad.json", FALSE, NULL, &error));
  g_assert_error (error, ROADMAP_LOADER_ERROR, ROADMAP_LOADER_ERROR_INVALID_ID);
  g_assert_nonnull (strstr (error->message, "bad.json"));
  g_clear_error (&error);
  g_assert_false (roadmap_session_can_undo (fixture->session));

  add (fixture->session, RUST_ROADMAP ("Rust", ""), FALSE);
  g_assert_false (roadmap_session_add_roadmap (fixture->session, again, "again.json", FALSE, NULL, &error));
  g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_EXISTS);
  g_clear_error (&error);
  assert_file_holds (path, RUST_ROADMAP ("Rust", ""));
  g_assert_cmpstr (roadmap_track_get_title (find (fixture->session, "rust-dev")), ==, "Rust");
}

/* Replacing keeps the progress of every skill whose id remains; one the
 * new file drops keeps its progress in the database, back with undo */
static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  add (fixture->session, RUST_ROADMAP ("Rust", ", { \"id\": \"traits\", \"title\": \"Traits\" }"), FALSE);
  store_test_session_set_status (fixture->session, "rust-dev", "ownership", ROADMAP_STATUS_DONE);
  store_test_session_set_status (fixture->session, "rust-dev", "traits", ROADMAP_STATUS_DOING);

  add (fixture->session, RUST_ROADMAP ("Rust 2", ""), TRUE);
  g_assert_cmpstr (roadmap_track_get_title (find (fixture->session, "rust-dev")), ==, "Rust 2");
  g_assert_null (roadmap_track_find_skill (find (fixture->session, "rust-dev"), "traits"));
  g_assert_cmpint (status_of (fixture->session, "rust-dev", "ownership"), ==, ROADMAP_STATUS_DONE);

  undo (fixture->session);
  g_assert_cmpstr (roadmap_track_get_title (find (fixture->session, "rust-dev")), ==, "Rust");
  g_assert_cmpint (status_of (fixture->session, "rust-dev", "traits"), ==, ROADMAP_STATUS_DOING);
}

/* A bundled track made the learner's own: the copy stands in for it in
 * the same place, edits (a replace) apply to it, and Revert brings the
 * original back with the progress of every skill, even one the copy
 * dropped */
static void
test_customize_revert (Fixture       *fixture,
                       gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  g_autofree char *path = own_path (fixture->session, "data-engineer.json");
  RoadmapTrack *bundled = find (fixture->session, "data-engineer");
  g_autoptr(GBytes) edited_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint position;
  gsize length;

  g_object_ref (bundled);
  for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (catalog)); position++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), position);

      if (track == bundled)
        break;
    }
  store_test_session_set_status (fixture->session, "data-engineer", "python-sql", ROADMAP_STATUS_DONE);

  g_assert_true (roadmap_session_customize_track (fixture->session, bundled, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (roadmap_catalog_get_original (catalog, "data-engineer") == bundled);
  g_assert_true (find (fixture->session, "data-engineer") != bundled);
  {
    g_autoptr(RoadmapTrack) at = g_list_model_get_item (G_LIST_MODEL (catalog), position);

    g_assert_true (at == find (fixture->session, "data-engineer"));
  }
  g_assert_cmpint (status_of (fixture->session, "data-engineer", "python-sql"), ==, ROADMAP_STATUS_DONE);

  /* Customized once only */
  g_assert_false (roadmap_session_customize_track (fixture->session, find (fixture->session, "data-engineer"), &error));
  g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_NOT_OWN);
  g_clear_error (&error);

  /* An edit that drops python-sql, saved over the copy */
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  {
    g_autofree char *dropped = NULL;
    g_auto(GStrv) parts = g_strsplit (text, "\"Python & SQL Mastery\"", 2);

    g_assert_nonnull (parts[1]);
    dropped = g_strjoin ("\"Python and SQL\"", parts[0], parts[1], NULL);
    edited_bytes = bytes (dropped);
  }
  g_assert_true (roadmap_session_add_roadmap (fixture->session, edited_bytes, "edit.json", TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (roadmap_skill_get_title (store_test_session_skill (fixture->session, "data-engineer", "python-sql")),
                   ==, "Python and SQL");

  /* A new session shows the copy, not a load error */
  {
    g_autoptr(RoadmapSession) other = store_test_open_session (fixture->db_path);

    g_assert_cmpuint (roadmap_catalog_get_load_errors (roadmap_session_get_catalog (other))->len, ==, 0);
    g_assert_cmpstr (roadmap_skill_get_title (store_test_session_skill (other, "data-engineer", "python-sql")),
                     ==, "Python and SQL");
    g_assert_cmpint (status_of (other, "data-engineer", "python-sql"), ==, ROADMAP_STATUS_DONE);
  }

  g_assert_true (roadmap_session_revert_track (fixture->session, find (fixture->session, "data-engineer"), &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (find (fixture->session, "data-engineer") == bundled);
  g_assert_null (roadmap_catalog_get_original (catalog, "data-engineer"));
  g_assert_cmpint (status_of (fixture->session, "data-engineer", "python-sql"), ==, ROADMAP_STATUS_DONE);

  /* A bundled track has nothing to revert to */
  g_assert_false (roadmap_session_revert_track (fixture->session, bundled, &error));
  g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_NOT_OWN);
  g_clear_error (&error);

  undo (fixture->session);
  g_assert_cmpstr (roadmap_skill_get_title (store_test_session_skill (fixture->session, "data-engineer", "python-sql")),
                   ==, "Python and SQL");
  g_object_unref (bundled);
}

/* A bundled track is hidden, not deleted: every view and every process
 * agree (it is a row of the database), a new session still hides it,
 * and showing it brings it back with its progress */
static void
test_hide_bundled (Fixture       *fixture,
                   gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  g_autoptr(RoadmapSession) other = store_test_open_session (fixture->db_path);
  g_autoptr(GPtrArray) hidden = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed;

  store_test_session_set_status (fixture->session, "backend-developer", "api-development", ROADMAP_STATUS_DOING);
  g_assert_true (roadmap_session_remove_track (fixture->session, find (fixture->session, "backend-developer"), &error));
  g_assert_no_error (error);
  g_assert_false (is_listed (fixture->session, "backend-developer"));
  g_assert_true (roadmap_catalog_is_hidden (catalog, "backend-developer"));
  hidden = roadmap_catalog_get_hidden_tracks (catalog);
  g_assert_cmpuint (hidden->len, ==, 1);
  g_assert_cmpstr (roadmap_track_get_id (g_ptr_array_index (hidden, 0)), ==, "backend-developer");

  /* Another process sees it hidden */
  g_assert_true (roadmap_session_reload (other, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_false (is_listed (other, "backend-developer"));
  g_clear_object (&other);
  other = store_test_open_session (fixture->db_path);
  g_assert_false (is_listed (other, "backend-developer"));
  g_assert_true (is_listed (other, "data-engineer"));

  undo (fixture->session);
  g_assert_true (is_listed (fixture->session, "backend-developer"));
  redo (fixture->session);
  g_assert_false (is_listed (fixture->session, "backend-developer"));

  g_assert_true (roadmap_session_show_track (fixture->session, find (fixture->session, "backend-developer"), &error));
  g_assert_no_error (error);
  g_assert_true (is_listed (fixture->session, "backend-developer"));
  g_assert_cmpint (status_of (fixture->session, "backend-developer", "api-development"), ==, ROADMAP_STATUS_DOING);

  /* Undo hides it again */
  undo (fixture->session);
  g_assert_false (is_listed (fixture->session, "backend-developer"));
}

/* What a step would put back was changed by another process or an
 * editor: refused, the file left as that one wrote it */
static void
test_changed_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = own_path (fixture->session, "rust-dev.json");
  g_autoptr(GError) error = NULL;

  add (fixture->session, RUST_ROADMAP ("Rust", ""), FALSE);
  g_assert_true (g_file_set_contents (path, RUST_ROADMAP ("Edited elsewhere", ""), -1, NULL));

  g_assert_false (roadmap_session_undo (fixture->session, NULL, &error));
  g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE);
  g_clear_error (&error);
  assert_file_holds (path, RUST_ROADMAP ("Edited elsewhere", ""));

  /* A replace planned from what the folder held before: refused too */
  {
    g_autoptr(GBytes) contents = bytes (RUST_ROADMAP ("Mine", ""));

    g_assert_true (g_unlink (path) == 0);
    g_assert_true (roadmap_session_rescan_roadmaps (fixture->session, NULL, &error));
    g_assert_no_error (error);
    g_assert_null (find (fixture->session, "rust-dev"));
    g_assert_true (g_file_set_contents (path, RUST_ROADMAP ("Late", ""), -1, NULL));
    g_assert_false (roadmap_session_add_roadmap (fixture->session, contents, "mine.json", FALSE, NULL, &error));
    g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE);
    assert_file_holds (path, RUST_ROADMAP ("Late", ""));
  }
}

/* The folder read again after another process changed it: a new file
 * joins, a changed one replaces its track in place, a bad one is a load
 * error and leaves the loaded track, a removed one leaves */
static void
test_rescan (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = own_path (fixture->session, "rust.json");
  g_autofree char *dir = g_path_get_dirname (path);
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  g_autoptr(GError) error = NULL;
  guint n_changed, n_errors;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (roadmap_session_rescan_roadmaps (fixture->session, &n_changed, &error));
  g_assert_cmpuint (n_changed, ==, 0);

  g_assert_true (g_file_set_contents (path, RUST_ROADMAP ("Rust", ""), -1, NULL));
  g_assert_true (roadmap_session_rescan_roadmaps (fixture->session, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (is_listed (fixture->session, "rust-dev"));
  store_test_session_set_status (fixture->session, "rust-dev", "ownership", ROADMAP_STATUS_DOING);

  g_assert_true (roadmap_session_rescan_roadmaps (fixture->session, &n_changed, &error));
  g_assert_cmpuint (n_changed, ==, 0);

  g_assert_true (g_file_set_contents (path, RUST_ROADMAP ("Rust, edited", ""), -1, NULL));
  g_assert_true (roadmap_session_rescan_roadmaps (fixture->session, &n_changed, &error));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpstr (roadmap_track_get_title (find (fixture->session, "rust-dev")), ==, "Rust, edited");
  g_assert_cmpint (status_of (fixture->session, "rust-dev", "ownership"), ==, ROADMAP_STATUS_DOING);

  n_errors = roadmap_catalog_get_load_errors (catalog)->len;
  g_assert_true (g_file_set_contents (path, "{ \"format\": 1, \"id\": ", -1, NULL));
  g_assert_true (roadmap_session_rescan_roadmaps (fixture->session, &n_changed, &error));
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpuint (roadmap_catalog_get_load_errors (catalog)->len, ==, n_errors + 1);
  g_assert_cmpstr (roadmap_track_get_title (find (fixture->session, "rust-dev")), ==, "Rust, edited");

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (roadmap_session_rescan_roadmaps (fixture->session, &n_changed, &error));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_null (find (fixture->session, "rust-dev"));
}

/* A draft of a bundled track writes it back as it was; new phases and
 * skills get ids from their titles, unique; lines become lists */
static void
test_draft (Fixture       *fixture,
            gconstpointer  data)
{
  RoadmapTrack *bundled = find (fixture->session, "backend-developer");
  g_autoptr(RoadmapTrackDraft) draft = roadmap_track_draft_new (bundled);
  g_autoptr(GBytes) contents = roadmap_track_draft_to_bytes (draft);
  g_autoptr(RoadmapTrack) again = NULL;
  g_autoptr(RoadmapTrackDraft) fresh = roadmap_track_draft_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;
  g_autofree char *lines = NULL;
  JsonObject *skill;
  gsize length;
  guint p, k;

  again = roadmap_loader_load_bytes (contents, "draft.json", &error);
  g_assert_no_error (error);
  original = roadmap_writer_to_data (bundled, &length);
  written = roadmap_writer_to_data (again, &length);
  g_assert_cmpstr (written, ==, original);
  g_assert_false (roadmap_track_draft_is_new (draft));

  /* A new track: one empty phase; its ids made when written */
  g_assert_true (roadmap_track_draft_is_new (fresh));
  g_assert_cmpuint (roadmap_track_draft_get_n_phases (fresh), ==, 1);
  roadmap_track_draft_set_text (roadmap_track_draft_get_track (fresh), "title", "Ünïcode & Co");
  roadmap_track_draft_set_text (roadmap_track_draft_get_track (fresh), "id", "unicode-co");
  roadmap_track_draft_set_text (roadmap_track_draft_get_phase (fresh, 0), "title", "Start");
  for (guint i = 0; i < 2; i++)
    {
      k = roadmap_track_draft_add_skill (fresh, 0);
      roadmap_track_draft_set_text (roadmap_track_draft_get_skill (fresh, 0, k), "title", "Git Basics");
    }
  k = roadmap_track_draft_add_skill (fresh, 0);
  roadmap_track_draft_set_text (roadmap_track_draft_get_skill (fresh, 0, k), "title", "!!!");
  skill = roadmap_track_draft_get_skill (fresh, 0, 0);
  roadmap_track_draft_set_lines (skill, "topics", "  branches \n\nmerges\n");
  roadmap_track_draft_set_lines (skill, "resources", "https://git-scm.com/book Pro Git\nhttps://example.org");
  roadmap_track_draft_set_number (skill, "estimate_hours", 12);
  p = roadmap_track_draft_add_phase (fresh);
  roadmap_track_draft_set_text (roadmap_track_draft_get_phase (fresh, p), "title", "Start");
  roadmap_track_draft_set_months (roadmap_track_draft_get_phase (fresh, p), 2, 3);
  roadmap_track_draft_move_phase (fresh, p, 0);
  g_clear_pointer (&contents, g_bytes_unref);
  g_clear_object (&again);
  contents = roadmap_track_draft_to_bytes (fresh);
  again = roadmap_loader_load_bytes (contents, "draft.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (roadmap_track_find_skill (again, "git-basics"));
  g_assert_nonnull (roadmap_track_find_skill (again, "git-basics-2"));
  g_assert_nonnull (roadmap_track_find_skill (again, "skill"));
  skill = roadmap_track_draft_get_skill (fresh, 1, 0);
  g_assert_cmpstr (roadmap_track_draft_get_text (skill, "id"), ==, "git-basics");
  lines = roadmap_track_draft_get_lines (skill, "topics");
  g_assert_cmpstr (lines, ==, "branches\nmerges");
  g_free (lines);
  lines = roadmap_track_draft_get_lines (skill, "resources");
  g_assert_cmpstr (lines, ==, "https://git-scm.com/book Pro Git\nhttps://example.org");
  g_assert_cmpuint (roadmap_track_draft_get_number (skill, "estimate_hours"), ==, 12);
  {
    g_autoptr(RoadmapPhase) first = g_list_model_get_item (roadmap_track_get_phases (again), 0);

    g_assert_cmpstr (roadmap_phase_get_id (first), ==, "start");
    g_assert_cmpuint (roadmap_phase_get_first_month (first), ==, 2);
  }

  /* Removed: the lists as they were */
  roadmap_track_draft_remove_skill (fresh, 1, 0);
  g_assert_cmpuint (roadmap_track_draft_get_n_skills (fresh, 1), ==, 2);
  roadmap_track_draft_remove_phase (fresh, 0);
  g_assert_cmpuint (roadmap_track_draft_get_n_phases (fresh), ==, 1);

  /* A deleted skill's id is not given to a new one: it would take its
   * progress */
  {
    g_autoptr(RoadmapTrackDraft) edited = roadmap_track_draft_new (bundled);
    JsonObject *first = roadmap_track_draft_get_skill (edited, 0, 0);
    g_autofree char *id = g_strdup (roadmap_track_draft_get_text (first, "id"));
    g_autofree char *title = g_strdup (roadmap_track_draft_get_text (first, "title"));
    g_autoptr(GBytes) written_back = NULL;

    roadmap_track_draft_remove_skill (edited, 0, 0);
    k = roadmap_track_draft_add_skill (edited, 0);
    roadmap_track_draft_set_text (roadmap_track_draft_get_skill (edited, 0, k), "title", title);
    written_back = roadmap_track_draft_to_bytes (edited);
    g_assert_cmpstr (roadmap_track_draft_get_text (roadmap_track_draft_get_skill (edited, 0, k), "id"), !=, id);
  }

  g_free (lines);
  lines = roadmap_track_draft_make_id ("  Data & AI: 2 — Go! ");
  g_assert_cmpstr (lines, ==, "data-ai-2-go");
}

static gboolean
save (RoadmapSession *session,
      RoadmapTrack   *original,
      const char     *text,
      GError        **error)
{
  g_autoptr(GBytes) contents = bytes (text);
  g_autofree char *track_id = NULL;

  return roadmap_session_save_track (session, original, contents, &track_id, error);
}

/* The editor's saves: a new track (its id free), an own track over its
 * file (its id kept, never over a change made elsewhere), a bundled one
 * as the learner's copy; each one undo step */
static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = own_path (fixture->session, "rust-dev.json");
  g_autofree char *copy = own_path (fixture->session, "backend-developer.json");
  g_autoptr(GError) error = NULL;
  RoadmapTrack *track;

  g_assert_true (save (fixture->session, NULL, RUST_ROADMAP ("Rust", ""), &error));
  g_assert_no_error (error);
  assert_file_holds (path, RUST_ROADMAP ("Rust", ""));
  store_test_session_set_status (fixture->session, "rust-dev", "ownership", ROADMAP_STATUS_DONE);

  /* A new track of an id that is there: refused */
  g_assert_false (save (fixture->session, NULL, RUST_ROADMAP ("Rust Again", ""), &error));
  g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_EXISTS);
  g_clear_error (&error);

  /* Edited: saved over its file, the progress kept */
  track = find (fixture->session, "rust-dev");
  g_assert_true (save (fixture->session, track,
                       RUST_ROADMAP ("Rust, Edited", ", { \"id\": \"traits\", \"title\": \"Traits\" }"), &error));
  g_assert_no_error (error);
  assert_file_holds (path, RUST_ROADMAP ("Rust, Edited", ", { \"id\": \"traits\", \"title\": \"Traits\" }"));
  g_assert_cmpint (status_of (fixture->session, "rust-dev", "ownership"), ==, ROADMAP_STATUS_DONE);

  /* The id stays */
  track = find (fixture->session, "rust-dev");
  g_assert_false (save (fixture->session, track,
                        "{ \"format\": 1, \"id\": \"other\", \"title\": \"T\", \"phases\": "
                        "[ { \"id\": \"p\", \"title\": \"P\", \"skills\": [] } ] }", &error));
  g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_NOT_OWN);
  g_clear_error (&error);

  /* Changed elsewhere since the editor was opened on it: refused, the
   * other change kept */
  g_assert_true (g_file_set_contents (path, RUST_ROADMAP ("Changed Elsewhere", ""), -1, NULL));
  g_assert_false (save (fixture->session, track, RUST_ROADMAP ("Mine", ""), &error));
  g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE);
  g_clear_error (&error);
  assert_file_holds (path, RUST_ROADMAP ("Changed Elsewhere", ""));
  g_assert_true (g_file_set_contents (path,
                                      RUST_ROADMAP ("Rust, Edited", ", { \"id\": \"traits\", \"title\": \"Traits\" }"),
                                      -1, NULL));

  /* A bundled track, edited: the learner's copy; undo, the original */
  track = find (fixture->session, "backend-developer");
  {
    g_autoptr(RoadmapTrackDraft) draft = roadmap_track_draft_new (track);
    g_autoptr(GBytes) contents = NULL;
    g_autofree char *text = NULL;

    roadmap_track_draft_set_text (roadmap_track_draft_get_track (draft), "title", "My Backend");
    roadmap_track_draft_remove_skill (draft, 0, 0);
    contents = roadmap_track_draft_to_bytes (draft);
    text = g_strndup (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents));
    g_assert_true (save (fixture->session, track, text, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (roadmap_track_get_title (find (fixture->session, "backend-developer")), ==, "My Backend");
  g_assert_nonnull (roadmap_catalog_get_original (roadmap_session_get_catalog (fixture->session),
                                                  "backend-developer"));
  undo (fixture->session);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (roadmap_track_get_title (find (fixture->session, "backend-developer")), ==,
                   "Backend Developer");

  /* The edit of the own track: undone, the file as before */
  undo (fixture->session);
  assert_file_holds (path, RUST_ROADMAP ("Rust", ""));
}

int
main (int   argc,
      char *argv[])
{
  /* The user's roadmap folder, a fresh one for each test */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, session_fixture_set_up, (func), session_fixture_tear_down)
  ADD ("/tracks/import", test_import);
  ADD ("/tracks/import-refused", test_import_refused);
  ADD ("/tracks/replace", test_replace);
  ADD ("/tracks/customize-revert", test_customize_revert);
  ADD ("/tracks/hide-bundled", test_hide_bundled);
  ADD ("/tracks/changed-elsewhere", test_changed_elsewhere);
  ADD ("/tracks/rescan", test_rescan);
  ADD ("/tracks/draft", test_draft);
  ADD ("/tracks/save", test_save);
#undef ADD

  return g_test_run ();
}

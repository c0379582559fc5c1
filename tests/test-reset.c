/* test-reset.c — Reset Track: every skill back to To-do and its topics
 * unticked, notes kept unless chosen, decided on disk (a skill another
 * process moved a moment ago is reset too), one undo step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-reset-track.h"
#include "roadmap-session.h"
#include "store-test-util.h"

typedef SessionFixture Fixture;

/* Some progress on both tracks, a tick and a note on the one reset */
static void
make_progress (RoadmapSession *session)
{
  g_autoptr(GError) error = NULL;

  store_test_session_set_status (session, "backend-developer", "python-sql", ROADMAP_STATUS_DONE);
  store_test_session_set_status (session, "backend-developer", "database-design", ROADMAP_STATUS_DOING);
  store_test_session_set_status (session, "backend-developer", "api-development", ROADMAP_STATUS_SKIPPED);
  store_test_session_set_status (session, "data-engineer", "python-sql", ROADMAP_STATUS_DONE);
  g_assert_true (roadmap_session_set_topic_done (session, store_test_session_skill (session, "backend-developer", "python-sql"),
                                                 0, TRUE, &error));
  g_assert_true (roadmap_session_set_note (session, store_test_session_skill (session, "backend-developer", "python-sql"),
                                           "keep me", &error));
  g_assert_no_error (error);
}

static gboolean
reset (RoadmapSession *session,
       gboolean        clear_notes,
       GError        **error)
{
  RoadmapTrack *track = roadmap_catalog_find_track (roadmap_session_get_catalog (session), "backend-developer");
  g_autoptr(RoadmapCommand) command = roadmap_reset_track_command_new (track, clear_notes);

  return roadmap_session_run (session, command, error);
}

static void
assert_all_todo (RoadmapSession *session)
{
  RoadmapTrack *track = roadmap_catalog_find_track (roadmap_session_get_catalog (session), "backend-developer");

  g_assert_cmpuint (roadmap_track_get_n_with_status (track, ROADMAP_STATUS_TODO), ==,
                    roadmap_track_get_n_skills (track));
  g_assert_cmpuint (roadmap_skill_get_n_topics_done (store_test_session_skill (session, "backend-developer", "python-sql")), ==, 0);
  g_assert_null (roadmap_skill_get_started_at (store_test_session_skill (session, "backend-developer", "python-sql")));
}

/* Everything of the track, nothing of the other; the note kept; seen by
 * another session; undone in one step */
static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RoadmapSession) other = NULL;
  g_autoptr(GError) error = NULL;
  RoadmapSkill *python = store_test_session_skill (fixture->session, "backend-developer", "python-sql");

  make_progress (fixture->session);
  g_assert_true (reset (fixture->session, FALSE, &error));
  g_assert_no_error (error);

  assert_all_todo (fixture->session);
  g_assert_cmpstr (roadmap_skill_get_note (python), ==, "keep me");
  g_assert_cmpint (roadmap_skill_get_status (store_test_session_skill (fixture->session, "data-engineer", "python-sql")), ==,
                   ROADMAP_STATUS_DONE);

  other = store_test_open_session (fixture->db_path);
  assert_all_todo (other);
  g_assert_cmpstr (roadmap_skill_get_note (store_test_session_skill (other, "backend-developer", "python-sql")), ==, "keep me");

  /* One step back: statuses, their order and dates, the tick */
  g_assert_true (roadmap_session_can_undo (fixture->session));
  if (!roadmap_session_undo (fixture->session, NULL, &error))
    g_error ("undo: %s", error->message);
  g_assert_no_error (error);
  g_assert_cmpint (roadmap_skill_get_status (python), ==, ROADMAP_STATUS_DONE);
  g_assert_nonnull (roadmap_skill_get_finished_at (python));
  g_assert_true (roadmap_skill_get_topic_done (python, 0));
  g_assert_cmpint (roadmap_skill_get_status (store_test_session_skill (fixture->session, "backend-developer", "database-design")), ==,
                   ROADMAP_STATUS_DOING);
  g_assert_cmpint (roadmap_skill_get_status (store_test_session_skill (fixture->session, "backend-developer", "api-development")), ==,
                   ROADMAP_STATUS_SKIPPED);

  g_assert_true (roadmap_session_redo (fixture->session, NULL, &error));
  g_assert_no_error (error);
  assert_all_todo (fixture->session);
}

/* Chosen: the notes go too, and come back with the undo */
static void
test_clear_notes (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RoadmapSkill *python = store_test_session_skill (fixture->session, "backend-developer", "python-sql");

  make_progress (fixture->session);
  g_assert_true (reset (fixture->session, TRUE, &error));
  g_assert_no_error (error);
  assert_all_todo (fixture->session);
  g_assert_null (roadmap_skill_get_note (python));

  g_assert_true (roadmap_session_undo (fixture->session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (roadmap_skill_get_note (python), ==, "keep me");
}

/* Decided on disk: a skill another process moved after this session
 * loaded is reset too; nothing already in To-do is written */
static void
test_second_writer (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RoadmapSession) other = store_test_open_session (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = NULL;
  gint64 before;

  store_test_session_set_status (other, "backend-developer", "full-scale-project", ROADMAP_STATUS_DOING);
  /* This session has not seen it yet */
  g_assert_cmpint (roadmap_skill_get_status (store_test_session_skill (fixture->session, "backend-developer", "full-scale-project")),
                   ==, ROADMAP_STATUS_TODO);

  g_assert_true (reset (fixture->session, FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&other);
  other = store_test_open_session (fixture->db_path);
  assert_all_todo (other);

  /* Again: nothing to change, nothing written */
  db = store_test_sqlite_open (fixture->db_path);
  before = store_test_query_int (db, "SELECT max (id) FROM history");
  g_assert_true (reset (fixture->session, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (db, "SELECT max (id) FROM history"), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, session_fixture_set_up, func, session_fixture_tear_down)

  ADD ("/reset/track", test_reset);
  ADD ("/reset/clear-notes", test_clear_notes);
  ADD ("/reset/second-writer", test_second_writer);

#undef ADD

  return g_test_run ();
}

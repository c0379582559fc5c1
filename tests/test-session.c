/* test-session.c — a session that loads the track shown first, then the
 * other roadmap files one by one, each with its progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "roadmap-session.h"
#include "store-test-util.h"

typedef struct
{
  char *dir;
  char *roadmaps;
  char *db_path;
} Fixture;

static void
write_track (const char *dir,
             const char *file_name,
             const char *track_id)
{
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autofree char *json = g_strdup_printf ("{ \"format\": 1, \"id\": \"%s\", \"title\": \"T\", \"phases\": ["
                                           " { \"id\": \"p\", \"title\": \"P\", \"skills\": ["
                                           "   { \"id\": \"s1\", \"title\": \"S1\" },"
                                           "   { \"id\": \"s2\", \"title\": \"S2\" } ] } ] }",
                                           track_id);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = store_test_make_dir ();
  fixture->roadmaps = g_build_filename (fixture->dir, "roadmaps", NULL);
  fixture->db_path = g_build_filename (fixture->dir, "progress.db", NULL);
  g_mkdir (fixture->roadmaps, 0700);

  write_track (fixture->roadmaps, "1.json", "one");
  write_track (fixture->roadmaps, "2.json", "two");
  {
    g_autofree char *broken = g_build_filename (fixture->roadmaps, "3.json", NULL);

    g_file_set_contents (broken, "{ not json", -1, &error);
    g_assert_no_error (error);
  }
  write_track (fixture->roadmaps, "4.json", "four");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->roadmaps);
  g_free (fixture->db_path);
}

static guint
n_tracks (RoadmapSession *session)
{
  return g_list_model_get_n_items (G_LIST_MODEL (roadmap_session_get_catalog (session)));
}

/* The track asked for is loaded before the call returns; the others come
 * one call to roadmap_session_load_next_roadmap() at a time, with their
 * progress, and a bad file becomes a load error. */
static void
test_first_then_rest (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_bundled;

  /* The progress to find later: done in track four */
  {
    g_autoptr(RoadmapSession) session = roadmap_session_new (fixture->db_path, fixture->roadmaps);
    RoadmapSkill *skill;

    g_assert_true (roadmap_session_load_roadmaps (session, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (roadmap_session_get_n_pending (session), ==, 0);
    g_assert_true (roadmap_session_open_store (session, &error));
    skill = roadmap_catalog_find_skill (roadmap_session_get_catalog (session), "four", "s2");
    g_assert_nonnull (skill);
    g_assert_true (store_test_set_status (roadmap_session_get_store (session), skill,
                                             ROADMAP_STATUS_DONE, &error));
    g_assert_no_error (error);
    n_bundled = n_tracks (session) - 3;
  }

  {
    g_autoptr(RoadmapSession) session = roadmap_session_new (fixture->db_path, fixture->roadmaps);
    RoadmapCatalog *catalog = roadmap_session_get_catalog (session);
    RoadmapTrack *four;

    g_assert_true (roadmap_session_load_first_roadmaps (session, "two", &error));
    g_assert_no_error (error);
    g_assert_nonnull (roadmap_catalog_find_track (catalog, "one"));
    g_assert_nonnull (roadmap_catalog_find_track (catalog, "two"));
    g_assert_null (roadmap_catalog_find_track (catalog, "four"));
    g_assert_cmpuint (roadmap_session_get_n_pending (session), ==, 2);
    g_assert_true (roadmap_session_open_store (session, &error));

    /* 3.json: not a roadmap */
    g_assert_true (roadmap_session_load_next_roadmap (session));
    g_assert_cmpuint (roadmap_catalog_get_load_errors (catalog)->len, ==, 1);
    g_assert_cmpuint (n_tracks (session), ==, n_bundled + 2);

    /* 4.json, with its progress as it joins the catalog */
    g_assert_false (roadmap_session_load_next_roadmap (session));
    g_assert_false (roadmap_session_load_next_roadmap (session));
    four = roadmap_catalog_find_track (catalog, "four");
    g_assert_nonnull (four);
    g_assert_cmpuint (roadmap_track_get_n_with_status (four, ROADMAP_STATUS_DONE), ==, 1);
    g_assert_cmpuint (roadmap_skill_get_status (roadmap_catalog_find_skill (catalog, "four", "s2")),
                      ==, ROADMAP_STATUS_DONE);
    g_assert_cmpuint (n_tracks (session), ==, n_bundled + 3);
  }

  /* No track asked for: what is loaded first is enough */
  {
    g_autoptr(RoadmapSession) session = roadmap_session_new (fixture->db_path, fixture->roadmaps);

    g_assert_true (roadmap_session_load_first_roadmaps (session, NULL, &error));
    g_assert_cmpuint (n_tracks (session), >, 0);
    g_assert_cmpuint (n_tracks (session) + roadmap_session_get_n_pending (session), ==, n_bundled + 4);
  }

  /* A track that is nowhere: everything is loaded looking for it */
  {
    g_autoptr(RoadmapSession) session = roadmap_session_new (fixture->db_path, fixture->roadmaps);

    g_assert_true (roadmap_session_load_first_roadmaps (session, "gone", &error));
    g_assert_cmpuint (roadmap_session_get_n_pending (session), ==, 0);
    g_assert_cmpuint (n_tracks (session), ==, n_bundled + 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/store/session/first-then-rest", Fixture, NULL,
              fixture_set_up, test_first_then_rest, fixture_tear_down);

  return g_test_run ();
}

/* test-up-next.c — Up Next: the skills in Doing first, then the next
 * To-do skills in plan order, one from each track in turn; Done and
 * Skipped never; following progress made by another process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-session.h"
#include "roadmap-up-next.h"
#include "store-test-util.h"

typedef SessionFixture Fixture;

/* "backend-developer/python-sql data-engineer/python-sql …" */
static char *
describe_up_next (RoadmapSession *session,
                  guint           max)
{
  g_autoptr(GPtrArray) skills = roadmap_up_next_list (roadmap_session_get_catalog (session), max);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < skills->len; i++)
    {
      RoadmapSkill *skill = g_ptr_array_index (skills, i);

      g_string_append_printf (text, "%s%s/%s", i > 0 ? " " : "",
                              roadmap_track_get_id (roadmap_phase_get_track (roadmap_skill_get_phase (skill))),
                              roadmap_skill_get_id (skill));
    }
  return g_string_free (text, FALSE);
}

static void
set_status (RoadmapSession *session,
            const char     *track_id,
            const char     *skill_id,
            RoadmapStatus   status)
{
  RoadmapSkill *skill = roadmap_catalog_find_skill (roadmap_session_get_catalog (session), track_id, skill_id);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (skill);
  g_assert_true (roadmap_session_set_status (session, skill, status, &error));
  g_assert_no_error (error);
}

static void
assert_up_next (RoadmapSession *session,
                guint           max,
                const char     *expected)
{
  g_autofree char *described = describe_up_next (session, max);

  g_assert_cmpstr (described, ==, expected);
}

/* Nothing started: the first skills of each track, in turn */
static void
test_fresh (Fixture       *fixture,
            gconstpointer  data)
{
  assert_up_next (fixture->session, ROADMAP_UP_NEXT_MAX,
                  "backend-developer/python-sql data-engineer/python-sql "
                  "backend-developer/database-design data-engineer/database-design "
                  "backend-developer/api-development");
  assert_up_next (fixture->session, 1, "backend-developer/python-sql");
  assert_up_next (fixture->session, 0, "");
}

/* Doing first, whatever the track; Done and Skipped left out; a phase
 * finished leads to the next one's first skill */
static void
test_doing_first (Fixture       *fixture,
                  gconstpointer  data)
{
  set_status (fixture->session, "data-engineer", "etl-basics", ROADMAP_STATUS_DOING);
  set_status (fixture->session, "backend-developer", "python-sql", ROADMAP_STATUS_DONE);
  set_status (fixture->session, "backend-developer", "database-design", ROADMAP_STATUS_SKIPPED);
  set_status (fixture->session, "backend-developer", "api-development", ROADMAP_STATUS_DONE);

  assert_up_next (fixture->session, ROADMAP_UP_NEXT_MAX,
                  "data-engineer/etl-basics "
                  "backend-developer/advanced-api-development data-engineer/python-sql "
                  "backend-developer/testing-ci-cd data-engineer/database-design");
}

/* Everything in Doing or done: only the skills in Doing, at most @max */
static void
test_all_started (Fixture       *fixture,
                  gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  g_autoptr(GPtrArray) skills = NULL;
  guint n_doing = 0;

  for (guint t = 0; t < g_list_model_get_n_items (G_LIST_MODEL (catalog)); t++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), t);
      GListModel *phases = roadmap_track_get_phases (track);

      for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
        {
          g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);

          for (guint i = 0; i < roadmap_phase_get_n_skills (phase); i++)
            {
              RoadmapSkill *skill = roadmap_phase_peek_skill (phase, i);
              g_autoptr(GError) error = NULL;

              g_assert_true (roadmap_session_set_status (fixture->session, skill,
                                                         n_doing < 3 && t == 1 ? ROADMAP_STATUS_DOING
                                                                               : ROADMAP_STATUS_DONE,
                                                         &error));
              n_doing += t == 1;
            }
        }
    }

  skills = roadmap_up_next_list (catalog, ROADMAP_UP_NEXT_MAX);
  g_assert_cmpuint (skills->len, ==, 3);
  for (guint i = 0; i < skills->len; i++)
    g_assert_cmpint (roadmap_skill_get_status (g_ptr_array_index (skills, i)), ==, ROADMAP_STATUS_DOING);
}

/* Another process's move: seen after the session's reload */
static void
test_other_process (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RoadmapSession) other = store_test_open_session (fixture->db_path);
  g_autoptr(GError) error = NULL;

  set_status (other, "data-engineer", "database-design", ROADMAP_STATUS_DOING);
  g_assert_true (roadmap_session_reload (fixture->session, NULL, &error));
  g_assert_no_error (error);
  assert_up_next (fixture->session, 3,
                  "data-engineer/database-design backend-developer/python-sql data-engineer/python-sql");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, session_fixture_set_up, (func), session_fixture_tear_down)
  ADD ("/up-next/fresh", test_fresh);
  ADD ("/up-next/doing-first", test_doing_first);
  ADD ("/up-next/all-started", test_all_started);
  ADD ("/up-next/other-process", test_other_process);
#undef ADD

  return g_test_run ();
}

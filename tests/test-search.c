/* test-search.c — finding skills across tracks: accents, case, every
 * field, notes that change, several words, a 10,000-skill catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-search.h"

static RoadmapSkill *
add_skill (RoadmapPhase *phase,
           const char   *id,
           const char   *title,
           const char   *summary,
           const char   *topic)
{
  g_autoptr(RoadmapSkill) skill = roadmap_skill_new (id, title);
  const char *topics[] = { topic, NULL };

  if (summary != NULL)
    roadmap_skill_set_summary (skill, summary);
  if (topic != NULL)
    roadmap_skill_set_topics (skill, topics);
  roadmap_phase_add_skill (phase, skill);
  return skill;
}

/* Two tracks: "data" (Café Pipelines, SQL Basics) and "web" (HTTP APIs,
 * Naïve Caching) */
static RoadmapCatalog *
make_catalog (void)
{
  RoadmapCatalog *catalog = roadmap_catalog_new ();
  g_autoptr(RoadmapTrack) data = roadmap_track_new ("data", "Data");
  g_autoptr(RoadmapTrack) web = roadmap_track_new ("web", "Web");
  g_autoptr(RoadmapPhase) data_one = roadmap_phase_new ("one", "One", 1, 2);
  g_autoptr(RoadmapPhase) data_two = roadmap_phase_new ("two", "Two", 3, 4);
  g_autoptr(RoadmapPhase) web_one = roadmap_phase_new ("one", "One", 1, 2);

  add_skill (data_one, "cafe", "Café Pipelines", "Move data between ÉTAGES.", "Airflow");
  add_skill (data_two, "sql", "SQL Basics", "Joins and windows.", "PostgreSQL");
  add_skill (web_one, "http", "HTTP APIs", "REST and caching headers.", "Straße routing");
  add_skill (web_one, "naive", "Naïve Caching", NULL, NULL);
  g_assert_true (roadmap_track_add_phase (data, data_one));
  g_assert_true (roadmap_track_add_phase (data, data_two));
  g_assert_true (roadmap_track_add_phase (web, web_one));
  g_assert_true (roadmap_catalog_add_track (catalog, data, NULL));
  g_assert_true (roadmap_catalog_add_track (catalog, web, NULL));
  return catalog;
}

/* The ids of what @query finds, "track/skill" joined with spaces */
static char *
found (RoadmapSearch *search,
       const char    *query)
{
  g_autoptr(GPtrArray) skills = roadmap_search_run (search, query);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < skills->len; i++)
    {
      RoadmapSkill *skill = g_ptr_array_index (skills, i);

      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append_printf (ids, "%s/%s", roadmap_skill_get_track_id (skill),
                              roadmap_skill_get_id (skill));
    }
  return g_string_free (ids, FALSE);
}

#define assert_found(search, query, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = found ((search), (query)); \
    g_assert_cmpstr (ids_, ==, (expected)); \
  } G_STMT_END

static void
test_fold (void)
{
  const char *pairs[][2] = {
    { "Café", "cafe" },
    { "CAFÉ", "cafe" },
    { "cafe\xcc\x81", "cafe" },   /* e + combining acute */
    { "Naïve Ñandú", "naive nandu" },
    { "Straße", "strasse" },
    { "İstanbul", "istanbul" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *folded = roadmap_search_fold (pairs[i][0]);

      g_assert_cmpstr (folded, ==, pairs[i][1]);
    }
  g_assert_null (roadmap_search_fold ("caf\xe9"));

  g_assert_true (roadmap_search_has_words (" sql "));
  g_assert_false (roadmap_search_has_words (""));
  g_assert_false (roadmap_search_has_words (" \t\n "));
  g_assert_false (roadmap_search_has_words ("\xcc\x81"));   /* a mark alone */
  g_assert_false (roadmap_search_has_words ("caf\xe9"));
}

typedef struct
{
  const char *query;
  const char *expected;
} Case;

static void
assert_cases (const Case *cases,
              guint       n_cases)
{
  g_autoptr(RoadmapCatalog) catalog = make_catalog ();
  g_autoptr(RoadmapSearch) search = roadmap_search_new (catalog);

  for (guint i = 0; i < n_cases; i++)
    assert_found (search, cases[i].query, cases[i].expected);
}

static void
test_accents_and_case (void)
{
  static const Case cases[] = {
    { "cafe", "data/cafe" },
    { "CAFÉ", "data/cafe" },
    { "Càfé", "data/cafe" },
    { "naive", "web/naive" },
    { "NAÏVE", "web/naive" },
    { "sql basics", "data/sql" },
    { "étages", "data/cafe" },
    { "strasse", "web/http" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_fields (void)
{
  static const Case cases[] = {
    /* Title, topic, summary; results in catalog order across tracks */
    { "pipelines", "data/cafe" },
    { "airflow", "data/cafe" },
    { "postgres", "data/sql" },
    { "joins", "data/sql" },
    { "caching", "web/http web/naive" },
    { "a", "data/cafe data/sql web/http web/naive" },
    /* Several words: each somewhere, in any field */
    { "caching rest", "web/http" },
    { "  routing   apis ", "web/http" },
    { "caching kafka", "" },
    /* No match, no words */
    { "kubernetes", "" },
    { "", "" },
    { "   ", "" },
    /* A word does not run from one field into the next */
    { "pipelinesairflow", "" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_notes (void)
{
  g_autoptr(RoadmapCatalog) catalog = make_catalog ();
  g_autoptr(RoadmapSearch) search = roadmap_search_new (catalog);
  RoadmapSkill *sql = roadmap_catalog_find_skill (catalog, "data", "sql");

  assert_found (search, "résumé", "");
  roadmap_skill_apply_note (sql, "Put it on my RESUME");
  assert_found (search, "résumé", "data/sql");
  assert_found (search, "resume joins", "data/sql");
  roadmap_skill_apply_note (sql, "Done with it");
  assert_found (search, "résumé", "");
  assert_found (search, "done", "data/sql");
  roadmap_skill_apply_note (sql, NULL);
  assert_found (search, "done", "");
}

static void
test_tracks_change (void)
{
  g_autoptr(RoadmapCatalog) catalog = make_catalog ();
  g_autoptr(RoadmapSearch) search = roadmap_search_new (catalog);
  RoadmapTrack *web = roadmap_catalog_find_track (catalog, "web");

  assert_found (search, "caching", "web/http web/naive");
  g_assert_true (roadmap_catalog_remove_track (catalog, web));
  assert_found (search, "caching", "");
  assert_found (search, "cafe", "data/cafe");
}

/* 10,000 skills in 10 tracks: every match found, in order (not timed:
 * tests/benchmarks/bench-search.c measures the time) */
static void
test_large (void)
{
  g_autoptr(RoadmapCatalog) catalog = roadmap_catalog_new ();
  g_autoptr(RoadmapSearch) search = roadmap_search_new (catalog);
  g_autoptr(GPtrArray) skills = NULL;
  guint expected = 0;

  for (guint t = 0; t < 10; t++)
    {
      g_autofree char *track_id = g_strdup_printf ("track-%u", t);
      g_autoptr(RoadmapTrack) track = roadmap_track_new (track_id, track_id);

      for (guint p = 0; p < 10; p++)
        {
          g_autofree char *phase_id = g_strdup_printf ("phase-%u", p);
          g_autoptr(RoadmapPhase) phase = roadmap_phase_new (phase_id, phase_id, p + 1, p + 1);

          for (guint s = 0; s < 100; s++)
            {
              guint n = (t * 10 + p) * 100 + s;
              g_autofree char *id = g_strdup_printf ("skill-%u", n);
              g_autofree char *title = g_strdup_printf ("Skill %u %s", n,
                                                        n % 7 == 0 ? "Déploiement" : "Build");

              add_skill (phase, id, title, "A summary of some length, as roadmaps have.", "Topic");
              expected += n % 7 == 0;
            }
          g_assert_true (roadmap_track_add_phase (track, phase));
        }
      g_assert_true (roadmap_catalog_add_track (catalog, track, NULL));
    }
  g_assert_cmpuint (roadmap_catalog_get_n_skills (catalog), ==, 10000);

  skills = roadmap_search_run (search, "DEPLOIEMENT");
  g_assert_cmpuint (skills->len, ==, expected);
  for (guint i = 0; i < skills->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("skill-%u", i * 7);

      g_assert_cmpstr (roadmap_skill_get_id (g_ptr_array_index (skills, i)), ==, id);
    }
  g_clear_pointer (&skills, g_ptr_array_unref);

  skills = roadmap_search_run (search, "skill 9999 build");
  g_assert_cmpuint (skills->len, ==, 1);
  g_clear_pointer (&skills, g_ptr_array_unref);
  skills = roadmap_search_run (search, "summary");
  g_assert_cmpuint (skills->len, ==, 10000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/search/fold", test_fold);
  g_test_add_func ("/model/search/accents-and-case", test_accents_and_case);
  g_test_add_func ("/model/search/fields", test_fields);
  g_test_add_func ("/model/search/notes", test_notes);
  g_test_add_func ("/model/search/tracks-change", test_tracks_change);
  g_test_add_func ("/model/search/large", test_large);

  return g_test_run ();
}

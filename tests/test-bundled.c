/* test-bundled.c — the roadmaps the app ships carry the whole seed roadmap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-loader.h"

typedef struct
{
  const char *track;
  /* NULL for a focus skill; the plan's phase for an item of the plan */
  const char *phase;
  /* A focus skill's title; an item of the plan's line in the seed, which
   * its summary carries (its title says what is built) */
  const char *text;
  /* Topics the card must name, ';'-separated */
  const char *topics;
} Expected;

/* The seed: seven data-engineering areas and six backend areas, each a
 * skill; every item of the three-phase plan, each a hands-on item in the
 * phase the plan gives. */
static const Expected expected[] = {
  { "data-engineer", NULL, "SQL & NoSQL Databases", "PostgreSQL;MySQL;MongoDB;Redis" },
  { "data-engineer", NULL, "Big Data Technologies", "Apache Spark;Hadoop;Kafka" },
  { "data-engineer", NULL, "Cloud Platforms", "Redshift;S3;Lambda;BigQuery;Dataflow;Azure" },
  { "data-engineer", NULL, "ETL & Data Pipelines", "Airflow;dbt;Luigi" },
  { "data-engineer", NULL, "Data Warehousing", NULL },
  { "data-engineer", NULL, "Streaming Data Processing", "Flink;Kafka Streams" },
  { "data-engineer", NULL, "Data Governance & Security", "GDPR" },
  { "backend-developer", NULL, "Advanced API Development", "REST;GraphQL" },
  { "backend-developer", NULL, "Microservices & Distributed Systems", "gRPC" },
  { "backend-developer", NULL, "Caching & Performance Optimization", "Redis;Memcached;CDN" },
  { "backend-developer", NULL, "Containerization & Orchestration", "Docker;Kubernetes" },
  { "backend-developer", NULL, "Testing & CI/CD", "pytest;JUnit;Jenkins;GitHub Actions" },
  { "backend-developer", NULL, "Authentication & Security", "JWT;OAuth" },
  { "data-engineer", "fundamentals",
    "Python & SQL Mastery – Solve Leetcode SQL challenges, practice Pandas, NumPy, and SQLAlchemy.", "Pandas;NumPy;SQLAlchemy" },
  { "data-engineer", "fundamentals", "Database Design – Learn normalization, indexing, and ACID properties.", NULL },
  { "data-engineer", "fundamentals", "ETL Basics – Implement small-scale ETL pipelines with Pandas and Airflow.", "Pandas;Airflow" },
  { "backend-developer", "fundamentals", "API Development – Build and deploy RESTful APIs with FastAPI/Django.", "FastAPI;Django" },
  { "data-engineer", "intermediate",
    "Big Data & Cloud Computing – Hands-on with Spark, Kafka, AWS Lambda, and S3.", "Spark;Kafka;Lambda;S3" },
  { "data-engineer", "intermediate",
    "Data Warehousing & Pipelines – Design data lakes and automate ingestion with Airflow.", "Airflow" },
  { "backend-developer", "intermediate",
    "Docker & Kubernetes – Deploy APIs and data pipelines using containers.", "Docker;Kubernetes" },
  { "backend-developer", "intermediate", "Caching & Optimization – Implement Redis caching and optimize queries.", "Redis" },
  { "data-engineer", "advanced", "Streaming Data – Build real-time processing with Kafka & Apache Flink.", "Kafka;Flink" },
  { "backend-developer", "advanced",
    "Microservices & Security – Implement JWT authentication, OAuth2, and service orchestration.", "JWT;OAuth" },
  { "data-engineer", "advanced",
    "Full-Scale Project – Develop a Data Engineering Pipeline or Scalable Backend Service integrating all skills.", NULL },
  { "backend-developer", "advanced",
    "Full-Scale Project – Develop a Data Engineering Pipeline or Scalable Backend Service integrating all skills.", NULL },
};

/* Hands-on items and a skill each practises, by id */
static const struct { const char *track, *practice, *skill; } links[] = {
  { "backend-developer", "caching-optimization", "caching-performance" },
  { "backend-developer", "docker-kubernetes", "containerization-orchestration" },
  { "backend-developer", "microservices-security", "microservices-distributed-systems" },
  { "backend-developer", "microservices-security", "authentication-security" },
  { "backend-developer", "api-development", "advanced-api-development" },
  { "data-engineer", "big-data-cloud", "big-data-technologies" },
  { "data-engineer", "big-data-cloud", "cloud-platforms" },
  { "data-engineer", "data-warehousing-pipelines", "data-warehousing" },
  { "data-engineer", "streaming-data", "streaming-data-processing" },
  { "data-engineer", "etl-basics", "etl-data-pipelines" },
};

static RoadmapCatalog *
load_bundled (void)
{
  RoadmapCatalog *catalog = roadmap_catalog_new ();

  roadmap_loader_load_bundled (catalog);
  return catalog;
}

/* The focus skill titled @item's text, or the item of the plan whose
 * summary carries it */
static RoadmapSkill *
find_expected (RoadmapTrack   *track,
               const Expected *item)
{
  GListModel *phases = roadmap_track_get_phases (track);

  for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);
      GListModel *skills = roadmap_phase_get_skills (phase);

      for (guint s = 0; s < g_list_model_get_n_items (skills); s++)
        {
          g_autoptr(RoadmapSkill) skill = g_list_model_get_item (skills, s);
          const char *summary = roadmap_skill_get_summary (skill);

          if (item->phase == NULL ? g_str_equal (roadmap_skill_get_title (skill), item->text)
                                  : summary != NULL && strstr (summary, item->text) != NULL)
            return skill;
        }
    }

  return NULL;
}

static gboolean
topics_mention (RoadmapSkill *skill,
                const char   *word)
{
  const char * const *topics = roadmap_skill_get_topics (skill);
  g_autofree char *needle = g_utf8_casefold (word, -1);

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      g_autofree char *topic = g_utf8_casefold (topics[i], -1);

      if (strstr (topic, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_loads_without_errors (void)
{
  g_autoptr(RoadmapCatalog) catalog = load_bundled ();

  g_assert_cmpuint (roadmap_catalog_get_load_errors (catalog)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 2);
  g_assert_cmpstr (roadmap_track_get_title (roadmap_catalog_find_track (catalog, "data-engineer")), ==, "Data Engineer");
  g_assert_cmpstr (roadmap_track_get_title (roadmap_catalog_find_track (catalog, "backend-developer")), ==, "Backend Developer");
}

static void
test_plan_phases (void)
{
  g_autoptr(RoadmapCatalog) catalog = load_bundled ();
  static const struct { const char *id; const char *title; guint first, last; } phases[] = {
    { "fundamentals", "Fundamentals", 1, 2 },
    { "intermediate", "Intermediate", 3, 4 },
    { "advanced", "Advanced & Projects", 5, 6 },
  };

  for (guint t = 0; t < g_list_model_get_n_items (G_LIST_MODEL (catalog)); t++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), t);

      g_assert_cmpuint (g_list_model_get_n_items (roadmap_track_get_phases (track)), ==, G_N_ELEMENTS (phases));
      for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
        {
          g_autoptr(RoadmapPhase) phase = g_list_model_get_item (roadmap_track_get_phases (track), p);

          g_assert_cmpstr (roadmap_phase_get_id (phase), ==, phases[p].id);
          g_assert_cmpstr (roadmap_phase_get_title (phase), ==, phases[p].title);
          g_assert_cmpuint (roadmap_phase_get_first_month (phase), ==, phases[p].first);
          g_assert_cmpuint (roadmap_phase_get_last_month (phase), ==, phases[p].last);
          g_assert_cmpuint (roadmap_phase_get_n_skills (phase), >, 0);
        }
    }
}

static void
test_seed_coverage (void)
{
  g_autoptr(RoadmapCatalog) catalog = load_bundled ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      RoadmapTrack *track = roadmap_catalog_find_track (catalog, expected[i].track);
      RoadmapSkill *skill = find_expected (track, &expected[i]);
      g_auto(GStrv) topics = NULL;

      if (skill == NULL)
        g_error ("%s has no item “%s”", expected[i].track, expected[i].text);

      /* The focus list's items are skills, the plan's hands-on work */
      if (expected[i].phase != NULL)
        {
          g_assert_cmpstr (roadmap_phase_get_id (roadmap_skill_get_phase (skill)), ==, expected[i].phase);
          g_assert_cmpint (roadmap_skill_get_kind (skill), ==, ROADMAP_SKILL_KIND_PRACTICE);
        }
      else
        g_assert_cmpint (roadmap_skill_get_kind (skill), ==, ROADMAP_SKILL_KIND_SKILL);

      if (expected[i].topics == NULL)
        continue;

      topics = g_strsplit (expected[i].topics, ";", -1);
      for (guint k = 0; topics[k] != NULL; k++)
        {
          if (!topics_mention (skill, topics[k]))
            g_error ("“%s” does not list the topic “%s”", expected[i].text, topics[k]);
        }
    }
}

/* The hands-on items point at the skills they exercise, and every skill
 * of the focus list is practised by at least one of them; no item's title
 * is another's */
static void
test_practice_links (void)
{
  g_autoptr(RoadmapCatalog) catalog = load_bundled ();

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      RoadmapTrack *track = roadmap_catalog_find_track (catalog, links[i].track);
      RoadmapSkill *practice = roadmap_track_find_skill (track, links[i].practice);
      RoadmapSkill *skill = roadmap_track_find_skill (track, links[i].skill);
      g_autoptr(GPtrArray) practised_in = roadmap_track_list_practised_in (track, skill);

      g_assert_true (roadmap_skill_practises (practice, links[i].skill));
      g_assert_true (g_ptr_array_find (practised_in, practice, NULL));
    }

  for (guint t = 0; t < g_list_model_get_n_items (G_LIST_MODEL (catalog)); t++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), t);
      g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
      GListModel *phases = roadmap_track_get_phases (track);

      for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
        {
          g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);

          for (guint s = 0; s < roadmap_phase_get_n_skills (phase); s++)
            {
              RoadmapSkill *skill = roadmap_phase_peek_skill (phase, s);
              g_autoptr(GPtrArray) practised_in = roadmap_track_list_practised_in (track, skill);

              g_assert_true (g_hash_table_add (titles, (gpointer) roadmap_skill_get_title (skill)));
              if (roadmap_skill_get_kind (skill) == ROADMAP_SKILL_KIND_SKILL && practised_in->len == 0)
                g_error ("%s: no hands-on item practises “%s”", roadmap_track_get_id (track),
                         roadmap_skill_get_title (skill));
            }
        }
    }
}

/* A learner reading any card learns what to study and where. */
static void
test_every_card_teaches (void)
{
  g_autoptr(RoadmapCatalog) catalog = load_bundled ();

  for (guint t = 0; t < g_list_model_get_n_items (G_LIST_MODEL (catalog)); t++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), t);
      GListModel *phases = roadmap_track_get_phases (track);

      g_assert_nonnull (roadmap_track_get_summary (track));

      for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
        {
          g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);
          GListModel *skills = roadmap_phase_get_skills (phase);

          for (guint s = 0; s < g_list_model_get_n_items (skills); s++)
            {
              g_autoptr(RoadmapSkill) skill = g_list_model_get_item (skills, s);
              GListModel *resources = roadmap_skill_get_resources (skill);
              guint n_resources = g_list_model_get_n_items (resources);

              g_assert_cmpuint (strlen (roadmap_skill_get_summary (skill)), >=, 40);
              g_assert_cmpuint (g_strv_length ((char **) roadmap_skill_get_topics (skill)), >=, 2);
              g_assert_cmpuint (roadmap_skill_get_estimate_hours (skill), >, 0);
              g_assert_cmpuint (n_resources, >=, 1);
              g_assert_cmpuint (n_resources, <=, 3);

              for (guint r = 0; r < n_resources; r++)
                {
                  g_autoptr(RoadmapResource) resource = g_list_model_get_item (resources, r);

                  g_assert_true (g_str_has_prefix (roadmap_resource_get_url (resource), "https://"));
                  g_assert_cmpstr (roadmap_resource_get_title (resource), !=, "");
                }
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/data/bundled/loads", test_loads_without_errors);
  g_test_add_func ("/data/bundled/plan-phases", test_plan_phases);
  g_test_add_func ("/data/bundled/seed-coverage", test_seed_coverage);
  g_test_add_func ("/data/bundled/practice-links", test_practice_links);
  g_test_add_func ("/data/bundled/every-card-teaches", test_every_card_teaches);

  return g_test_run ();
}

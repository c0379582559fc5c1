/* test-writer.c — a track written as a roadmap file loads back as the
 * same track: every bundled roadmap, and one with the members a roadmap
 * may leave out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-loader.h"
#include "roadmap-resource.h"
#include "roadmap-writer.h"

/* Everything the file carries, as text */
static char *
describe (RoadmapTrack *track)
{
  GString *text = g_string_new (NULL);
  GListModel *phases = roadmap_track_get_phases (track);

  g_string_append_printf (text, "%s|%s|%s\n", roadmap_track_get_id (track), roadmap_track_get_title (track),
                          roadmap_track_get_summary (track) != NULL ? roadmap_track_get_summary (track) : "");
  for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);
      GListModel *skills = roadmap_phase_get_skills (phase);

      g_string_append_printf (text, " %s|%s|%u-%u\n", roadmap_phase_get_id (phase), roadmap_phase_get_title (phase),
                              roadmap_phase_get_first_month (phase), roadmap_phase_get_last_month (phase));
      for (guint s = 0; s < g_list_model_get_n_items (skills); s++)
        {
          g_autoptr(RoadmapSkill) skill = g_list_model_get_item (skills, s);
          const char * const *topics = roadmap_skill_get_topics (skill);
          GListModel *resources = roadmap_skill_get_resources (skill);

          const char * const *practises = roadmap_skill_get_practises (skill);

          g_string_append_printf (text, "  %s|%s|%s|%s|%u\n", roadmap_skill_get_id (skill), roadmap_skill_get_title (skill),
                                  roadmap_skill_kind_to_string (roadmap_skill_get_kind (skill)),
                                  roadmap_skill_get_summary (skill) != NULL ? roadmap_skill_get_summary (skill) : "",
                                  roadmap_skill_get_estimate_hours (skill));
          for (guint t = 0; topics != NULL && topics[t] != NULL; t++)
            g_string_append_printf (text, "   topic %s\n", topics[t]);
          for (guint t = 0; practises != NULL && practises[t] != NULL; t++)
            g_string_append_printf (text, "   practises %s\n", practises[t]);
          for (guint r = 0; resources != NULL && r < g_list_model_get_n_items (resources); r++)
            {
              g_autoptr(RoadmapResource) resource = g_list_model_get_item (resources, r);

              g_string_append_printf (text, "   link %s|%s|%s\n", roadmap_resource_get_title (resource),
                                      roadmap_resource_get_url (resource),
                                      roadmap_resource_get_kind (resource) != NULL ? roadmap_resource_get_kind (resource) : "");
            }
        }
    }
  return g_string_free (text, FALSE);
}

static void
assert_round_trip (RoadmapTrack *track)
{
  gsize length;
  g_autofree char *data = roadmap_writer_to_data (track, &length);
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapTrack) again = roadmap_loader_load_bytes (bytes, "written.json", &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (again);
  before = describe (track);
  after = describe (again);
  g_assert_cmpstr (after, ==, before);
}

static void
test_bundled (void)
{
  g_autoptr(RoadmapCatalog) catalog = roadmap_catalog_new ();

  roadmap_loader_load_bundled (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      assert_round_trip (track);
    }
}

static RoadmapTrack *
load_inline (const char *json,
             const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  RoadmapTrack *track = roadmap_loader_load_bytes (bytes, name, &error);

  g_assert_no_error (error);
  return track;
}

/* No summary, no months, a skill with nothing but its id and title;
 * text that needs escaping */
static void
test_sparse (void)
{
  static const char json[] =
    "{ \"format\": 1, \"id\": \"sparse\", \"title\": \"Quotes \\\" and \\\\ back\\u00e9\","
    "  \"phases\": [ { \"id\": \"one\", \"title\": \"One\","
    "    \"skills\": [ { \"id\": \"a\", \"title\": \"A\" },"
    "                  { \"id\": \"b\", \"title\": \"B\", \"summary\": \"Line one.\\n\\nLine two.\","
    "                    \"topics\": [\"Caf\\u00e9\", \"\\u65e5\\u672c\"], \"estimate_hours\": 7,"
    "                    \"resources\": [ { \"title\": \"Docs\", \"url\": \"https://example.org/a?b=c&d\" } ] } ] } ] }";
  g_autoptr(RoadmapTrack) track = load_inline (json, "sparse.json");

  assert_round_trip (track);
}

/* Hands-on items with the skills they practise (in another phase too,
 * in their own order), one practising nothing; "kind" written only where
 * it is not the default */
static void
test_practice (void)
{
  static const char json[] =
    "{ \"format\": 1, \"id\": \"hands-on\", \"title\": \"Hands-on\","
    "  \"phases\": [ { \"id\": \"one\", \"title\": \"One\","
    "    \"skills\": [ { \"id\": \"a\", \"title\": \"A\" },"
    "                  { \"id\": \"b\", \"title\": \"B\", \"kind\": \"skill\" },"
    "                  { \"id\": \"build-a\", \"title\": \"Build A\", \"kind\": \"practice\","
    "                    \"practises\": [\"c\", \"a\"] } ] },"
    "    { \"id\": \"two\", \"title\": \"Two\","
    "    \"skills\": [ { \"id\": \"c\", \"title\": \"C\" },"
    "                  { \"id\": \"project\", \"title\": \"Project\", \"kind\": \"practice\" } ] } ] }";
  g_autoptr(RoadmapTrack) track = load_inline (json, "practice.json");
  g_autofree char *data = NULL;

  assert_round_trip (track);

  data = roadmap_writer_to_data (track, NULL);
  g_assert_nonnull (strstr (data, "\"kind\" : \"practice\""));
  g_assert_null (strstr (data, "\"kind\" : \"skill\""));
  g_assert_nonnull (strstr (data, "\"practises\" : [\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/writer/bundled", test_bundled);
  g_test_add_func ("/writer/sparse", test_sparse);
  g_test_add_func ("/writer/practice", test_practice);

  return g_test_run ();
}

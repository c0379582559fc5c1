/* test-loader.c — every rule of the roadmap format, each refused with the
 * file and the JSON path named; hostile inputs never crash or half-load
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "roadmap-loader.h"
#include "roadmap-text.h"

typedef struct
{
  const char *file;
  int code;
  /* Must appear in the message after the file name. */
  const char *path;
  /* The error's domain; NULL for ROADMAP_LOADER_ERROR */
  GQuark (*domain) (void);
} Rejection;

static const Rejection rejections[] = {
  /* Refused before json-glib parses. */
  { "deep-nesting.json", ROADMAP_JSON_ERROR_TOO_DEEP, "future_field", roadmap_json_error_quark },
  { "invalid-utf8.json", ROADMAP_JSON_ERROR_ENCODING, ": summary: ", roadmap_json_error_quark },
  { "lone-surrogate.json", ROADMAP_JSON_ERROR_ENCODING, ".title", roadmap_json_error_quark },
  { "huge-integer.json", ROADMAP_JSON_ERROR_NUMBER, ".estimate_hours", roadmap_json_error_quark },
  { "inf.json", ROADMAP_JSON_ERROR_SYNTAX, "line ", roadmap_json_error_quark },
  { "nan.json", ROADMAP_JSON_ERROR_SYNTAX, "line ", roadmap_json_error_quark },
  { "duplicate-key.json", ROADMAP_JSON_ERROR_DUPLICATE_KEY, ".title", roadmap_json_error_quark },
  { "trailing-garbage.json", ROADMAP_JSON_ERROR_SYNTAX, "line ", roadmap_json_error_quark },
  { "bom.json", ROADMAP_JSON_ERROR_ENCODING, "", roadmap_json_error_quark },
  { "nul-byte.json", ROADMAP_JSON_ERROR_ENCODING, "", roadmap_json_error_quark },
  { "empty.json", ROADMAP_JSON_ERROR_SYNTAX, "", roadmap_json_error_quark },
  { "truncated.json", ROADMAP_JSON_ERROR_SYNTAX, "line ", roadmap_json_error_quark },
  { "not-json.json", ROADMAP_JSON_ERROR_SYNTAX, "line 1", roadmap_json_error_quark },
  /* Well-formed JSON, wrong roadmap. */
  { "wrong-type-title.json", ROADMAP_LOADER_ERROR_TYPE, ": title: expected a string, found a number" },
  { "wrong-type-phases.json", ROADMAP_LOADER_ERROR_TYPE, ": phases: expected a list" },
  { "missing-id.json", ROADMAP_LOADER_ERROR_MISSING, ": id: " },
  { "missing-title-skill.json", ROADMAP_LOADER_ERROR_MISSING, ": phases[1].skills[0].title: " },
  { "unknown-format.json", ROADMAP_LOADER_ERROR_FORMAT, ": format: this file uses roadmap format 2" },
  { "missing-format.json", ROADMAP_LOADER_ERROR_FORMAT, ": format: " },
  { "bad-id-uppercase.json", ROADMAP_LOADER_ERROR_INVALID_ID, ": id: “Data-Engineer”" },
  { "bad-id-path.json", ROADMAP_LOADER_ERROR_INVALID_ID, ": id: “../../etc/passwd”" },
  { "bad-id-empty.json", ROADMAP_LOADER_ERROR_INVALID_ID, ": id: " },
  { "duplicate-phase-id.json", ROADMAP_LOADER_ERROR_DUPLICATE_ID, ": phases[1].id: " },
  { "duplicate-skill-id.json", ROADMAP_LOADER_ERROR_DUPLICATE_ID, ": phases[1].skills[" },
  { "months-reversed.json", ROADMAP_LOADER_ERROR_VALUE, ": phases[1].months: " },
  { "months-zero.json", ROADMAP_LOADER_ERROR_VALUE, ": phases[0].months[0]: " },
  { "months-too-large.json", ROADMAP_LOADER_ERROR_VALUE, ": phases[1].months[1]: " },
  { "months-wrong-length.json", ROADMAP_LOADER_ERROR_VALUE, ": phases[0].months: " },
  { "url-javascript.json", ROADMAP_LOADER_ERROR_UNSAFE_URL, ".resources[0].url: " },
  { "url-file.json", ROADMAP_LOADER_ERROR_UNSAFE_URL, ".resources[0].url: " },
  { "url-data.json", ROADMAP_LOADER_ERROR_UNSAFE_URL, ".resources[0].url: " },
  { "url-no-scheme.json", ROADMAP_LOADER_ERROR_UNSAFE_URL, ".resources[0].url: " },
  { "title-too-long.json", ROADMAP_LOADER_ERROR_VALUE, ": title: the text is 10000 characters long" },
  { "top-level-array.json", ROADMAP_LOADER_ERROR_TYPE, ": document: " },
  /* Text that is not text */
  { "noncharacter-title.json", ROADMAP_LOADER_ERROR_TEXT, ": title: the text contains U+FFFE (character 14)" },
  { "noncharacter-summary.json", ROADMAP_LOADER_ERROR_TEXT, ": phases[0].skills[0].summary: the text contains U+FDD0" },
  { "noncharacter-topic.json", ROADMAP_LOADER_ERROR_TEXT, ": phases[0].skills[0].topics[1]: the text contains U+10FFFF" },
  { "noncharacter-raw-resource-title.json", ROADMAP_LOADER_ERROR_TEXT, ": phases[0].skills[0].resources[0].title: the text contains U+1FFFE" },
  { "noncharacter-raw-phase-title.json", ROADMAP_LOADER_ERROR_TEXT, ": phases[1].title: the text contains U+FFFF" },
  { "noncharacter-id.json", ROADMAP_LOADER_ERROR_INVALID_ID, ": phases[1].skills[0].id: “airflow\\uFFFF” is not a valid id" },
  { "control-esc-id.json", ROADMAP_LOADER_ERROR_INVALID_ID, ": id: “data-engineer\\u001B[2J\\u001B[31m” is not a valid id" },
  { "control-tab-title.json", ROADMAP_LOADER_ERROR_TEXT, ": phases[1].skills[0].title: the text contains the control character U+0009" },
  { "control-newline-phase-title.json", ROADMAP_LOADER_ERROR_TEXT, ": phases[0].title: the text contains the control character U+000A" },
  { "control-cr-topic.json", ROADMAP_LOADER_ERROR_TEXT, ": phases[0].skills[0].topics[0]: the text contains the control character U+000D" },
  { "control-bel-resource-title.json", ROADMAP_LOADER_ERROR_TEXT, ".resources[0].title: the text contains the control character U+0007" },
  { "control-c1-title.json", ROADMAP_LOADER_ERROR_TEXT, ": title: the text contains the control character U+009B" },
  { "control-del-kind.json", ROADMAP_LOADER_ERROR_TEXT, ".resources[0].kind: the text contains the control character U+007F" },
  { "control-esc-summary.json", ROADMAP_LOADER_ERROR_TEXT, ": phases[0].skills[0].summary: the text contains the control character U+001B (character 1)" },
  { "control-lone-cr-summary.json", ROADMAP_LOADER_ERROR_TEXT, ": phases[0].skills[0].summary: the text contains the control character U+000D" },
  { "title-spaces.json", ROADMAP_LOADER_ERROR_TEXT, ": title: the text has nothing visible" },
  { "title-zero-width.json", ROADMAP_LOADER_ERROR_TEXT, ": phases[1].skills[0].title: the text has nothing visible" },
  { "title-zero-width-joiners.json", ROADMAP_LOADER_ERROR_TEXT, ": phases[1].title: the text has nothing visible" },
  { "title-bom-only.json", ROADMAP_LOADER_ERROR_TEXT, ".resources[0].title: the text has nothing visible" },
  { "topic-blank.json", ROADMAP_LOADER_ERROR_TEXT, ": phases[0].skills[0].topics[2]: the text has nothing visible" },
  { "duplicate-topic.json", ROADMAP_LOADER_ERROR_DUPLICATE_ID, ": phases[0].skills[0].topics[2]: the topic “Pandas” is listed twice" },
  { "url-space-host.json", ROADMAP_LOADER_ERROR_UNSAFE_URL, ".resources[0].url: “https://www.postgre sql.org/" },
  { "url-space-path.json", ROADMAP_LOADER_ERROR_UNSAFE_URL, "is not a valid link: U+0020 must be percent-encoded" },
  { "url-newline.json", ROADMAP_LOADER_ERROR_UNSAFE_URL, ".resources[0].url: the text contains the control character U+000A" },
  { "url-quote.json", ROADMAP_LOADER_ERROR_UNSAFE_URL, "is not a valid link: U+0022 must be percent-encoded" },
  { "url-credentials.json", ROADMAP_LOADER_ERROR_UNSAFE_URL, ".resources[0].url: a link must not contain a user name or password" },
  { "url-backslash-host.json", ROADMAP_LOADER_ERROR_UNSAFE_URL, "is not a valid link: U+005C must be percent-encoded" },
};

static void
test_rejection (gconstpointer data)
{
  const Rejection *rejection = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", rejection->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapTrack) track = NULL;

  track = roadmap_loader_load_file (file, &error);

  g_assert_null (track);
  g_assert_error (error, (rejection->domain != NULL ? rejection->domain () : ROADMAP_LOADER_ERROR),
                  rejection->code);
  g_test_message ("%s", error->message);
  /* "FILE: PATH: message", in words, on one line */
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message + strlen (path), rejection->path));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  /* User text is quoted escaped: escaping again changes nothing */
  {
    g_autofree char *escaped = roadmap_text_escape_for_message (error->message, 0);

    g_assert_cmpstr (escaped, ==, error->message);
  }
  /* A password is not repeated */
  g_assert_null (strstr (error->message, "secret"));
}

static void
test_minimal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "minimal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapTrack) track = roadmap_loader_load_file (file, &error);
  RoadmapSkill *skill;

  g_assert_no_error (error);
  g_assert_nonnull (track);
  g_assert_cmpstr (roadmap_track_get_source (track), ==, path);
  g_assert_cmpuint (g_list_model_get_n_items (roadmap_track_get_phases (track)), ==, 1);
  g_assert_cmpuint (roadmap_track_get_n_skills (track), ==, 1);
  g_assert_null (roadmap_track_get_summary (track));

  skill = roadmap_track_find_skill (track, "only-skill");
  g_assert_nonnull (skill);
  g_assert_null (roadmap_skill_get_summary (skill));
  g_assert_null (roadmap_skill_get_topics (skill));
  g_assert_cmpuint (g_list_model_get_n_items (roadmap_skill_get_resources (skill)), ==, 0);
  g_assert_cmpuint (roadmap_skill_get_estimate_hours (skill), ==, 0);
  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_TODO);
}

static void
test_full_ignores_unknown_members (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapTrack) track = roadmap_loader_load_file (file, &error);
  g_autoptr(RoadmapResource) resource = NULL;
  RoadmapPhase *phase;
  RoadmapSkill *skill;

  g_assert_no_error (error);
  g_assert_cmpstr (roadmap_track_get_id (track), ==, "backend-developer");
  g_assert_nonnull (roadmap_track_get_summary (track));

  phase = roadmap_track_find_phase (track, "fundamentals");
  g_assert_cmpuint (roadmap_phase_get_first_month (phase), ==, 1);
  g_assert_cmpuint (roadmap_phase_get_last_month (phase), ==, 2);
  g_assert_cmpuint (roadmap_phase_get_number (phase), ==, 1);

  skill = roadmap_track_find_skill (track, "advanced-api");
  g_assert_cmpstr (roadmap_skill_get_title (skill), ==, "Advanced API Development");
  g_assert_cmpuint (g_strv_length ((char **) roadmap_skill_get_topics (skill)), ==, 3);
  g_assert_cmpstr (roadmap_skill_get_topics (skill)[1], ==, "GraphQL");
  g_assert_cmpuint (roadmap_skill_get_estimate_hours (skill), ==, 40);
  g_assert_cmpuint (g_list_model_get_n_items (roadmap_skill_get_resources (skill)), ==, 2);
  resource = g_list_model_get_item (roadmap_skill_get_resources (skill), 1);
  g_assert_cmpstr (roadmap_resource_get_url (resource), ==, "http://www.rfc-editor.org/rfc/rfc9110");
  g_assert_cmpstr (roadmap_resource_get_kind (resource), ==, "official");
}

static RoadmapTrack *
load_string (const char  *json,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return roadmap_loader_load_bytes (bytes, "inline.json", error);
}

static void
test_rules_inline (void)
{
  static const struct {
    const char *json;
    RoadmapLoaderError code;
    const char *message;
  } cases[] = {
    { "{\"format\":1,\"id\":\"t\",\"title\":\"T\",\"phases\":[]}",
      ROADMAP_LOADER_ERROR_VALUE, "inline.json: phases: a roadmap needs at least one phase" },
    { "{\"format\":1,\"id\":\"t\",\"title\":\"\",\"phases\":[]}",
      ROADMAP_LOADER_ERROR_VALUE, "inline.json: title: the text must not be empty" },
    { "{\"format\":\"1\",\"id\":\"t\",\"title\":\"T\",\"phases\":[]}",
      ROADMAP_LOADER_ERROR_FORMAT, "inline.json: format: this file uses roadmap format \"1\"" },
    { "{\"format\":1,\"id\":\"t\",\"title\":\"T\",\"phases\":[{\"id\":\"p\",\"title\":\"P\",\"months\":[1.5,2],\"skills\":[]}]}",
      ROADMAP_LOADER_ERROR_TYPE, "inline.json: phases[0].months[0]: expected a whole number, found a number" },
    { "{\"format\":1,\"id\":\"t\",\"title\":\"T\",\"phases\":[{\"id\":\"p\",\"title\":\"P\",\"months\":[1,2]}]}",
      ROADMAP_LOADER_ERROR_MISSING, "inline.json: phases[0].skills: this required member is missing" },
    { "{\"format\":1,\"id\":\"t\",\"title\":\"T\",\"phases\":[{\"id\":\"p\",\"title\":\"P\",\"months\":[1,2],\"skills\":[7]}]}",
      ROADMAP_LOADER_ERROR_TYPE, "inline.json: phases[0].skills[0]: expected an object, found a number" },
    { "{\"format\":1,\"id\":\"t\",\"title\":\"T\",\"phases\":[{\"id\":\"p\",\"title\":\"P\",\"months\":[1,2],\"skills\":[{\"id\":\"s\",\"title\":\"S\",\"topics\":[\"a\",3]}]}]}",
      ROADMAP_LOADER_ERROR_TYPE, "inline.json: phases[0].skills[0].topics[1]: expected a string, found a number" },
    { "{\"format\":1,\"id\":\"t\",\"title\":\"T\",\"phases\":[{\"id\":\"p\",\"title\":\"P\",\"months\":[1,2],\"skills\":[{\"id\":\"s\",\"title\":\"S\",\"estimate_hours\":-1}]}]}",
      ROADMAP_LOADER_ERROR_VALUE, "inline.json: phases[0].skills[0].estimate_hours: -1 is out of range" },
    { "{\"format\":1,\"id\":\"t\",\"title\":\"T\",\"phases\":[{\"id\":\"p\",\"title\":\"P\",\"months\":[1,2],\"skills\":[{\"id\":\"s\",\"title\":\"S\",\"resources\":[{\"title\":\"x\",\"url\":\"https://\"}]}]}]}",
      ROADMAP_LOADER_ERROR_UNSAFE_URL, "inline.json: phases[0].skills[0].resources[0].url: " },
    { "{\"format\":1,\"id\":\"-t\",\"title\":\"T\",\"phases\":[]}",
      ROADMAP_LOADER_ERROR_INVALID_ID, "inline.json: id: “-t” is not a valid id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RoadmapTrack) track = load_string (cases[i].json, &error);

      g_assert_null (track);
      g_assert_error (error, ROADMAP_LOADER_ERROR, (gint) cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].message);
    }
}

/* A track of three skills and two hands-on items, in two phases; %s is
 * put in as the last item of the second phase */
#define PRACTICE_TRACK \
  "{\"format\":1,\"id\":\"t\",\"title\":\"T\",\"phases\":[" \
  "{\"id\":\"p\",\"title\":\"P\",\"skills\":[" \
  "{\"id\":\"caching\",\"title\":\"Caching\"}," \
  "{\"id\":\"queries\",\"title\":\"Queries\",\"kind\":\"skill\"}," \
  "{\"id\":\"redis-cache\",\"title\":\"Build a Redis cache\",\"kind\":\"practice\",\"practises\":[\"caching\",\"queries\"]}]}," \
  "{\"id\":\"q\",\"title\":\"Q\",\"skills\":[" \
  "{\"id\":\"security\",\"title\":\"Security\"}," \
  "%s]}]}"

#define KIND_TYPO \
  "{\"format\": 1, \"id\": \"t\", \"title\": \"T\", \"phases\": [{\"id\": \"p\", \"title\": \"P\", \"skills\": [" \
  "{\"id\": \"a\", \"title\": \"A\"}, {\"id\": \"b\", \"title\": \"B\", \"kind\": \"Practice\", \"practises\": [\"a\"]}]}]}"

/* Every problem is told, each with its JSON path; the first is the error */
static void
test_problems (void)
{
  static const char json[] =
    "{\"format\": 1, \"id\": \"Bad\", \"title\": \"\", \"phases\": ["
    " {\"id\": \"p\", \"title\": \"P\", \"months\": [3, 1], \"skills\": ["
    "  {\"id\": \"a\", \"title\": \"A\", \"resources\": [{\"title\": \"t\", \"url\": \"file:///etc\"}]},"
    "  {\"id\": \"a\", \"title\": \"A again\"}]},"
    " {\"id\": \"q\", \"title\": \"Q\", \"skills\": [{\"id\": \"b\", \"title\": 7}]}]}";
  static const char *expected[] = {
    "id: ", "title: ", "phases[0].months: ", "phases[0].skills[0].resources[0].url: ",
    "phases[0].skills[1].id: ", "phases[1].skills[0].title: ",
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RoadmapTrack) track = NULL;
  g_autoptr(GError) error = NULL;

  track = roadmap_loader_check_bytes (bytes, "inline.json", problems, &error);
  g_assert_null (track);
  g_assert_error (error, ROADMAP_LOADER_ERROR, ROADMAP_LOADER_ERROR_INVALID_ID);
  g_assert_true (g_str_has_prefix (error->message, "inline.json: id: "));
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, i), expected[i]));

  /* Not JSON: one problem, without the file's name */
  g_clear_error (&error);
  g_ptr_array_set_size (problems, 0);
  g_bytes_unref (bytes);
  bytes = g_bytes_new_static ("{\"format\": 1,", 13);
  g_assert_null (roadmap_loader_check_bytes (bytes, "inline.json", problems, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_false (g_str_has_prefix (g_ptr_array_index (problems, 0), "inline.json"));

  /* A kind that is wrong is one problem, not two (what it practises
   * waits for it) */
  g_clear_error (&error);
  g_ptr_array_set_size (problems, 0);
  g_bytes_unref (bytes);
  bytes = g_bytes_new_static (KIND_TYPO, sizeof KIND_TYPO - 1);
  g_assert_null (roadmap_loader_check_bytes (bytes, "inline.json", problems, &error));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "phases[0].skills[1].kind: "));

  /* A good file: no problem */
  g_clear_error (&error);
  g_ptr_array_set_size (problems, 0);
  g_bytes_unref (bytes);
  bytes = g_bytes_new_static ("{\"format\": 1, \"id\": \"t\", \"title\": \"T\", \"phases\": "
                              "[{\"id\": \"p\", \"title\": \"P\", \"skills\": []}]}", 91);
  g_clear_object (&track);
  track = roadmap_loader_check_bytes (bytes, "inline.json", problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (track);
  g_assert_cmpuint (problems->len, ==, 0);
}

static RoadmapTrack *
load_practice_track (const char  *last_item,
                     GError     **error)
{
  g_autofree char *json = g_strdup_printf (PRACTICE_TRACK, last_item);

  return load_string (json, error);
}

static void
test_practice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapTrack) track = NULL;
  RoadmapSkill *skill;
  const char * const *ids;

  /* Any phase: the second phase's item practises the first phase's skill */
  track = load_practice_track ("{\"id\":\"project\",\"title\":\"Project\",\"kind\":\"practice\","
                               "\"practises\":[\"security\",\"caching\"],\"future\":{\"x\":1}}", &error);
  g_assert_no_error (error);

  skill = roadmap_track_find_skill (track, "caching");
  g_assert_cmpint (roadmap_skill_get_kind (skill), ==, ROADMAP_SKILL_KIND_SKILL);
  g_assert_null (roadmap_skill_get_practises (skill));
  skill = roadmap_track_find_skill (track, "queries");
  g_assert_cmpint (roadmap_skill_get_kind (skill), ==, ROADMAP_SKILL_KIND_SKILL);

  skill = roadmap_track_find_skill (track, "redis-cache");
  g_assert_cmpint (roadmap_skill_get_kind (skill), ==, ROADMAP_SKILL_KIND_PRACTICE);
  ids = roadmap_skill_get_practises (skill);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, "caching");
  g_assert_cmpstr (ids[1], ==, "queries");

  skill = roadmap_track_find_skill (track, "project");
  ids = roadmap_skill_get_practises (skill);
  g_assert_cmpstr (ids[0], ==, "security");
  g_assert_cmpstr (ids[1], ==, "caching");
  g_clear_object (&track);

  /* A hands-on item may practise nothing in particular */
  track = load_practice_track ("{\"id\":\"project\",\"title\":\"Project\",\"kind\":\"practice\"}", &error);
  g_assert_no_error (error);
  skill = roadmap_track_find_skill (track, "project");
  g_assert_cmpint (roadmap_skill_get_kind (skill), ==, ROADMAP_SKILL_KIND_PRACTICE);
  g_assert_null (roadmap_skill_get_practises (skill));
  g_clear_object (&track);

  /* An empty list is none */
  track = load_practice_track ("{\"id\":\"project\",\"title\":\"Project\",\"kind\":\"practice\",\"practises\":[]}", &error);
  g_assert_no_error (error);
  g_assert_null (roadmap_skill_get_practises (roadmap_track_find_skill (track, "project")));
}

static void
test_practice_rules (void)
{
  static const struct {
    const char *item;
    RoadmapLoaderError code;
    const char *message;
  } cases[] = {
    { "{\"id\":\"x\",\"title\":\"X\",\"kind\":\"project\"}",
      ROADMAP_LOADER_ERROR_VALUE, "inline.json: phases[1].skills[1].kind: “project” is not a kind of item" },
    { "{\"id\":\"x\",\"title\":\"X\",\"kind\":\"Practice\"}",
      ROADMAP_LOADER_ERROR_VALUE, "inline.json: phases[1].skills[1].kind: “Practice” is not a kind of item" },
    { "{\"id\":\"x\",\"title\":\"X\",\"kind\":1}",
      ROADMAP_LOADER_ERROR_TYPE, "inline.json: phases[1].skills[1].kind: expected a string, found a number" },
    { "{\"id\":\"x\",\"title\":\"X\",\"kind\":\"\"}",
      ROADMAP_LOADER_ERROR_VALUE, "inline.json: phases[1].skills[1].kind: “” is not a kind of item" },
    /* Only hands-on items practise: a skill, by default or said so */
    { "{\"id\":\"x\",\"title\":\"X\",\"practises\":[\"caching\"]}",
      ROADMAP_LOADER_ERROR_VALUE, "inline.json: phases[1].skills[1].practises: only a hands-on item" },
    { "{\"id\":\"x\",\"title\":\"X\",\"kind\":\"skill\",\"practises\":[]}",
      ROADMAP_LOADER_ERROR_VALUE, "inline.json: phases[1].skills[1].practises: only a hands-on item" },
    { "{\"id\":\"x\",\"title\":\"X\",\"kind\":\"practice\",\"practises\":\"caching\"}",
      ROADMAP_LOADER_ERROR_TYPE, "inline.json: phases[1].skills[1].practises: expected a list, found a string" },
    { "{\"id\":\"x\",\"title\":\"X\",\"kind\":\"practice\",\"practises\":[\"caching\",3]}",
      ROADMAP_LOADER_ERROR_TYPE, "inline.json: phases[1].skills[1].practises[1]: expected a string, found a number" },
    { "{\"id\":\"x\",\"title\":\"X\",\"kind\":\"practice\",\"practises\":[\"Caching\"]}",
      ROADMAP_LOADER_ERROR_INVALID_ID, "inline.json: phases[1].skills[1].practises[0]: “Caching” is not a valid id" },
    { "{\"id\":\"x\",\"title\":\"X\",\"kind\":\"practice\",\"practises\":[\"\"]}",
      ROADMAP_LOADER_ERROR_INVALID_ID, "inline.json: phases[1].skills[1].practises[0]: “” is not a valid id" },
    { "{\"id\":\"x\",\"title\":\"X\",\"kind\":\"practice\",\"practises\":[\"security\",\"x\"]}",
      ROADMAP_LOADER_ERROR_VALUE, "inline.json: phases[1].skills[1].practises[1]: a hands-on item cannot practise itself" },
    { "{\"id\":\"x\",\"title\":\"X\",\"kind\":\"practice\",\"practises\":[\"caching\",\"security\",\"caching\"]}",
      ROADMAP_LOADER_ERROR_DUPLICATE_ID, "inline.json: phases[1].skills[1].practises[2]: the skill “caching” is listed twice" },
    { "{\"id\":\"x\",\"title\":\"X\",\"kind\":\"practice\",\"practises\":[\"caching\",\"no-such-skill\"]}",
      ROADMAP_LOADER_ERROR_UNKNOWN_ID, "inline.json: phases[1].skills[1].practises[1]: the track has no skill “no-such-skill”" },
    { "{\"id\":\"x\",\"title\":\"X\",\"kind\":\"practice\",\"practises\":[\"redis-cache\"]}",
      ROADMAP_LOADER_ERROR_VALUE, "inline.json: phases[1].skills[1].practises[0]: “redis-cache” is a hands-on item too" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RoadmapTrack) track = load_practice_track (cases[i].item, &error);

      /* Nothing half-loaded */
      g_assert_null (track);
      g_assert_error (error, ROADMAP_LOADER_ERROR, (gint) cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].message);
    }
}

static void
test_valid_ids (void)
{
  g_assert_true (roadmap_loader_is_valid_id ("data-engineer"));
  g_assert_true (roadmap_loader_is_valid_id ("9lives"));
  g_assert_true (roadmap_loader_is_valid_id ("a"));
  g_assert_false (roadmap_loader_is_valid_id (""));
  g_assert_false (roadmap_loader_is_valid_id ("-a"));
  g_assert_false (roadmap_loader_is_valid_id ("A"));
  g_assert_false (roadmap_loader_is_valid_id ("a_b"));
  g_assert_false (roadmap_loader_is_valid_id ("a/b"));
  g_assert_false (roadmap_loader_is_valid_id ("a b"));
  g_assert_false (roadmap_loader_is_valid_id ("é"));
  g_assert_true (roadmap_loader_is_valid_id ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
  g_assert_false (roadmap_loader_is_valid_id ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

static void
test_size_cap_before_reading (void)
{
  g_autofree char *dir = g_dir_make_tmp ("roadmap-loader-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapTrack) track = NULL;
  FILE *f = fopen (path, "w");

  /* Sparse: 64 MiB on paper, nothing on disk. */
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 64 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('}', f);
  fclose (f);

  track = roadmap_loader_load_file (file, &error);
  g_assert_null (track);
  g_assert_error (error, ROADMAP_JSON_ERROR, ROADMAP_JSON_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_and_directory (void)
{
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/roadmap.json");
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapTrack) track = NULL;

  track = roadmap_loader_load_file (missing, &error);
  g_assert_null (track);
  g_assert_error (error, ROADMAP_JSON_ERROR, ROADMAP_JSON_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/roadmap.json: "));
  g_clear_error (&error);

  track = roadmap_loader_load_file (folder, &error);
  g_assert_null (track);
  g_assert_error (error, ROADMAP_JSON_ERROR, ROADMAP_JSON_ERROR_IO);
}

/* A folder with good and bad files: the good ones load, each bad one is
 * recorded with its reason, a duplicate track id is refused. */
static void
test_directory_partial (void)
{
  g_autofree char *dir = g_dir_make_tmp ("roadmap-dir-XXXXXX", NULL);
  g_autofree char *minimal_src = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "minimal.json", NULL);
  g_autofree char *bad_src = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", "url-javascript.json", NULL);
  g_autofree char *minimal = NULL, *bad = NULL;
  g_autofree char *a = g_build_filename (dir, "a.json", NULL);
  g_autofree char *b = g_build_filename (dir, "b.json", NULL);
  g_autofree char *c = g_build_filename (dir, "c.json", NULL);
  g_autofree char *ignored = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(RoadmapCatalog) catalog = roadmap_catalog_new ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  GPtrArray *errors;
  const GError *first, *second;

  g_assert_true (g_file_get_contents (minimal_src, &minimal, NULL, NULL));
  g_assert_true (g_file_get_contents (bad_src, &bad, NULL, NULL));
  g_assert_true (g_file_set_contents (a, minimal, -1, NULL));
  g_assert_true (g_file_set_contents (b, bad, -1, NULL));
  g_assert_true (g_file_set_contents (c, minimal, -1, NULL));
  g_assert_true (g_file_set_contents (ignored, "not a roadmap", -1, NULL));

  g_assert_true (roadmap_loader_load_directory (catalog, folder, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 1);
  errors = roadmap_catalog_get_load_errors (catalog);
  g_assert_cmpuint (errors->len, ==, 2);
  first = g_ptr_array_index (errors, 0);
  second = g_ptr_array_index (errors, 1);
  g_assert_error (first, ROADMAP_LOADER_ERROR, ROADMAP_LOADER_ERROR_UNSAFE_URL);
  g_assert_true (g_str_has_prefix (first->message, b));
  g_assert_error (second, ROADMAP_LOADER_ERROR, ROADMAP_LOADER_ERROR_DUPLICATE_ID);
  g_assert_true (g_str_has_prefix (second->message, c));

  g_unlink (a);
  g_unlink (b);
  g_unlink (c);
  g_unlink (ignored);
  g_rmdir (dir);
}

static void
test_missing_directory_is_fine (void)
{
  g_autoptr(RoadmapCatalog) catalog = roadmap_catalog_new ();
  g_autoptr(GFile) folder = g_file_new_for_path ("/nonexistent/roadmaps");
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_loader_load_directory (catalog, folder, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 0);
  g_assert_cmpuint (roadmap_catalog_get_load_errors (catalog)->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rejections); i++)
    {
      g_autofree char *name = g_strndup (rejections[i].file, strlen (rejections[i].file) - strlen (".json"));
      g_autofree char *test_path = g_strconcat ("/model/loader/refuses/", name, NULL);

      g_test_add_data_func (test_path, &rejections[i], test_rejection);
    }

  g_test_add_func ("/model/loader/minimal", test_minimal);
  g_test_add_func ("/model/loader/full-ignores-unknown", test_full_ignores_unknown_members);
  g_test_add_func ("/model/loader/rules", test_rules_inline);
  g_test_add_func ("/model/loader/ids", test_valid_ids);
  g_test_add_func ("/model/loader/practice", test_practice);
  g_test_add_func ("/model/loader/practice/rules", test_practice_rules);
  g_test_add_func ("/model/loader/problems", test_problems);
  g_test_add_func ("/model/loader/size-cap", test_size_cap_before_reading);
  g_test_add_func ("/model/loader/missing-and-folder", test_missing_and_directory);
  g_test_add_func ("/model/loader/directory/partial", test_directory_partial);
  g_test_add_func ("/model/loader/directory/missing", test_missing_directory_is_fine);

  return g_test_run ();
}

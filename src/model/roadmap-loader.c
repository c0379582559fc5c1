/* roadmap-loader.c — roadmap JSON (format 1) → RoadmapTrack
 *
 * The raw bytes go through roadmap_json_guard_check() first, which refuses
 * what json-glib 1.6 would crash on or silently misread (deep nesting,
 * invalid UTF-8, lone surrogates, huge integers, duplicate keys, trailing
 * text). json-glib then parses a well-formed document, and the walk below
 * checks the roadmap rules, naming the JSON path of the first problem.
 * Nothing is handed out until the whole file has been checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "roadmap-json-reader.h"
#include "roadmap-loader.h"
#include "roadmap-text.h"

#define FORMAT_VERSION      1
#define MAX_ID_LENGTH       64
#define MAX_TITLE_LENGTH    200
#define MAX_TEXT_LENGTH     4000
#define MAX_URL_LENGTH      2048
#define MAX_LIST_LENGTH     1000
#define MAX_MONTH           120
#define MAX_ESTIMATE_HOURS  10000

G_DEFINE_QUARK (roadmap-loader-error-quark, roadmap_loader_error)

typedef struct
{
  const char *name;
  GError **error;       /* the first problem */
  GPtrArray *problems;  /* (nullable): each problem, to go on after one */
} Loader;

typedef enum
{
  OPTIONAL,
  REQUIRED,
} Presence;

/* What a string member holds, for roadmap-text's checks */
typedef enum
{
  TEXT_OWN_RULES,   /* an id or a link: checked by its own, stricter rules next */
  TEXT_LINE,        /* one line: a kind of resource */
  TEXT_TITLE,       /* one line with something visible */
  TEXT_PARAGRAPHS,  /* a summary: line breaks and tabs allowed */
} TextKind;

/* A place in the document, such as phases[0].skills[3].title: a chain
 * of members and indexes on the stack, written out only for a message.
 * NULL is the document itself. */
typedef struct _Where Where;
struct _Where
{
  const Where *parent;
  const char *member;  /* NULL for an element of a list */
  guint index;
};

#define MEMBER(parent, name) (&(Where) { (parent), (name), 0 })
#define ELEMENT(parent, i)   (&(Where) { (parent), NULL, (i) })

static void
append_where (GString     *out,
              const Where *where)
{
  if (where->parent != NULL)
    append_where (out, where->parent);

  if (where->member == NULL)
    g_string_append_printf (out, "[%u]", where->index);
  else if (out->len > 0)
    g_string_append_printf (out, ".%s", where->member);
  else
    g_string_append (out, where->member);
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (Loader      *loader,
      int          code,
      const Where *where,
      const char  *format,
      ...)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (where != NULL)
    append_where (path, where);
  else
    g_string_append (path, _("document"));

  if (loader->problems != NULL)
    g_ptr_array_add (loader->problems, g_strdup_printf ("%s: %s", path->str, message));
  if (loader->error == NULL || *loader->error == NULL)
    g_set_error (loader->error, ROADMAP_LOADER_ERROR, code, "%s: %s: %s",
                 loader->name, path->str, message);
  return FALSE;
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

/* Returns the member node, or NULL with @found FALSE when it is absent and
 * optional (null counts as absent). */
static gboolean
get_member (Loader       *loader,
            JsonObject   *object,
            const Where  *path,
            const char   *member,
            Presence      presence,
            JsonNode    **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (presence == OPTIONAL)
        return TRUE;

      return fail (loader, ROADMAP_LOADER_ERROR_MISSING, MEMBER (path, member),
                   _("this required member is missing"));
    }

  *out = node;
  return TRUE;
}

static gboolean
check_text (Loader      *loader,
            const Where *where,
            const char  *value,
            TextKind     kind)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  switch (kind)
    {
    case TEXT_OWN_RULES:
      break;
    case TEXT_LINE:
      ok = roadmap_text_check_single_line (value, &error);
      break;
    case TEXT_TITLE:
      ok = roadmap_text_check_title (value, &error);
      break;
    case TEXT_PARAGRAPHS:
      ok = roadmap_text_check_multi_line (value, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (ok)
    return TRUE;

  return fail (loader,
               g_error_matches (error, ROADMAP_TEXT_ERROR, ROADMAP_TEXT_ERROR_ENCODING)
                 ? ROADMAP_LOADER_ERROR_ENCODING : ROADMAP_LOADER_ERROR_TEXT,
               where, "%s", error->message);
}

static gboolean
check_string (Loader      *loader,
              const Where *where,
              const char  *value,
              TextKind     kind,
              gsize        max_length,
              gboolean     allow_empty)
{
  /* The guard validated the raw bytes; the decoded value is checked
   * again (by check_text(), or here for ids and links) so that nothing
   * reaching the model can be invalid. */
  if (!g_utf8_validate (value, -1, NULL))
    return fail (loader, ROADMAP_LOADER_ERROR_ENCODING, where,
                 _("the text is not valid UTF-8"));

  if (!allow_empty && value[0] == '\0')
    return fail (loader, ROADMAP_LOADER_ERROR_VALUE, where,
                 _("the text must not be empty"));

  /* No more characters than bytes: counted only when it may matter */
  if (strlen (value) > max_length)
    {
      glong length = g_utf8_strlen (value, -1);

      if ((gsize) length > max_length)
        return fail (loader, ROADMAP_LOADER_ERROR_VALUE, where,
                     _("the text is %ld characters long; at most %zu are allowed"),
                     length, max_length);
    }

  return check_text (loader, where, value, kind);
}

static gboolean
get_string (Loader       *loader,
            JsonObject   *object,
            const Where  *path,
            const char   *member,
            Presence      presence,
            TextKind      kind,
            gsize         max_length,
            const char  **out)
{
  const Where *where = MEMBER (path, member);
  JsonNode *node;

  *out = NULL;

  if (!get_member (loader, object, path, member, presence, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (loader, ROADMAP_LOADER_ERROR_TYPE, where,
                 _("expected a string, found %s"), describe_node (node));

  if (!check_string (loader, where, json_node_get_string (node), kind, max_length, presence == OPTIONAL))
    return FALSE;

  *out = json_node_get_string (node);
  return TRUE;
}

/* An id that was checked as a string already: is it a slug? */
static gboolean
check_id (Loader      *loader,
          const Where *where,
          const char  *id)
{
  g_autofree char *quoted = NULL;

  if (roadmap_loader_is_valid_id (id))
    return TRUE;

  quoted = roadmap_text_escape_for_message (id, ROADMAP_TEXT_QUOTE_MAX_CHARS);
  return fail (loader, ROADMAP_LOADER_ERROR_INVALID_ID, where,
               _("“%s” is not a valid id: use lower-case letters, digits and “-”, starting with a letter or digit"),
               quoted);
}

static gboolean
get_id (Loader       *loader,
        JsonObject   *object,
        const Where  *path,
        GHashTable   *scope,
        const char  **out)
{
  const Where *where = MEMBER (path, "id");
  JsonNode *node = json_object_get_member (object, "id");

  /* An empty id is a bad id, not an empty text. */
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING &&
      json_node_get_string (node)[0] == '\0')
    return fail (loader, ROADMAP_LOADER_ERROR_INVALID_ID, where,
                 _("the id must not be empty: use lower-case letters, digits and “-”"));

  if (!get_string (loader, object, path, "id", REQUIRED, TEXT_OWN_RULES, MAX_ID_LENGTH, out) ||
      !check_id (loader, where, *out))
    return FALSE;

  if (scope != NULL)
    {
      if (g_hash_table_contains (scope, *out))
        return fail (loader, ROADMAP_LOADER_ERROR_DUPLICATE_ID, where,
                     _("the id “%s” is used more than once"), *out);
      g_hash_table_add (scope, (gpointer) *out);
    }

  return TRUE;
}

static gboolean
get_integer (Loader      *loader,
             JsonNode    *node,
             const Where *where,
             gint64       min,
             gint64       max,
             gint64      *out)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (loader, ROADMAP_LOADER_ERROR_TYPE, where,
                 _("expected a whole number, found %s"), describe_node (node));

  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return fail (loader, ROADMAP_LOADER_ERROR_VALUE, where,
                 _("%lld is out of range: expected %lld to %lld"),
                 (long long) *out, (long long) min, (long long) max);

  return TRUE;
}

static gboolean
get_array (Loader       *loader,
           JsonObject   *object,
           const Where  *path,
           const char   *member,
           Presence      presence,
           JsonArray   **out)
{
  const Where *where = MEMBER (path, member);
  JsonNode *node;

  *out = NULL;

  if (!get_member (loader, object, path, member, presence, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (loader, ROADMAP_LOADER_ERROR_TYPE, where,
                 _("expected a list, found %s"), describe_node (node));

  *out = json_node_get_array (node);
  if (json_array_get_length (*out) > MAX_LIST_LENGTH)
    return fail (loader, ROADMAP_LOADER_ERROR_VALUE, where,
                 _("the list has %u entries; at most %u are allowed"),
                 json_array_get_length (*out), MAX_LIST_LENGTH);

  return TRUE;
}

static gboolean
get_object_element (Loader       *loader,
                    JsonArray    *array,
                    guint         index,
                    const Where  *where,
                    JsonObject  **out)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (loader, ROADMAP_LOADER_ERROR_TYPE, where,
                 _("expected an object, found %s"), describe_node (node));

  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
load_resources (Loader       *loader,
                JsonObject   *object,
                const Where  *path,
                RoadmapSkill *skill)
{
  JsonArray *array;
  guint n;

  if (!get_array (loader, object, path, "resources", OPTIONAL, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      const Where *where = ELEMENT (MEMBER (path, "resources"), i);
      g_autoptr(GError) url_error = NULL;
      g_autoptr(RoadmapResource) resource = NULL;
      JsonObject *item;
      const char *title, *url, *kind;

      if (!get_object_element (loader, array, i, where, &item) ||
          !get_string (loader, item, where, "title", REQUIRED, TEXT_TITLE, MAX_TITLE_LENGTH, &title) ||
          !get_string (loader, item, where, "url", REQUIRED, TEXT_OWN_RULES, MAX_URL_LENGTH, &url) ||
          !get_string (loader, item, where, "kind", OPTIONAL, TEXT_LINE, MAX_ID_LENGTH, &kind))
        return FALSE;

      /* Checked as a link, which is one line of text too */
      if (!roadmap_text_check_url (url, &url_error))
        return fail (loader, ROADMAP_LOADER_ERROR_UNSAFE_URL, MEMBER (where, "url"), "%s", url_error->message);

      resource = roadmap_resource_new (title, url, kind);
      roadmap_skill_add_resource (skill, resource);
    }

  return TRUE;
}

/* Checks one element of a list of strings (get_string_list()) */
typedef gboolean (*CheckElement) (Loader      *loader,
                                  const Where *where,
                                  const char  *value,
                                  gpointer     user_data);

/* A list of strings, each checked by @check, none listed twice: a topic's
 * ticks are kept by its text (two of one text would be ticked and
 * unticked together), and a skill is practised once. @out is NULL when
 * the member is absent. */
static gboolean
get_string_list (Loader        *loader,
                 JsonObject    *object,
                 const Where   *path,
                 const char    *member,
                 CheckElement   check,
                 gpointer       user_data,
                 GStrv         *out)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GHashTable) seen = NULL;
  JsonArray *array;
  guint n;

  *out = NULL;

  if (!get_array (loader, object, path, member, OPTIONAL, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  builder = g_strv_builder_new ();
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      const Where *where = ELEMENT (MEMBER (path, member), i);
      JsonNode *node = json_array_get_element (array, i);
      const char *value;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (loader, ROADMAP_LOADER_ERROR_TYPE, where,
                     _("expected a string, found %s"), describe_node (node));

      value = json_node_get_string (node);
      if (!check (loader, where, value, user_data))
        return FALSE;
      if (!g_hash_table_add (seen, (gpointer) value))
        {
          g_autofree char *quoted = roadmap_text_escape_for_message (value, ROADMAP_TEXT_QUOTE_MAX_CHARS);

          return fail (loader, ROADMAP_LOADER_ERROR_DUPLICATE_ID, where,
                       g_str_equal (member, "topics") ? _("the topic “%s” is listed twice")
                                                      : _("the skill “%s” is listed twice"),
                       quoted);
        }

      g_strv_builder_add (builder, value);
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
check_topic (Loader      *loader,
             const Where *where,
             const char  *topic,
             gpointer     user_data)
{
  return check_string (loader, where, topic, TEXT_TITLE, ROADMAP_TOPIC_MAX_LENGTH, FALSE);
}

static gboolean
load_topics (Loader       *loader,
             JsonObject   *object,
             const Where  *path,
             RoadmapSkill *skill)
{
  g_auto(GStrv) topics = NULL;

  if (!get_string_list (loader, object, path, "topics", check_topic, NULL, &topics))
    return FALSE;

  if (topics != NULL)
    roadmap_skill_set_topics (skill, (const char * const *) topics);
  return TRUE;
}

static gboolean
get_kind (Loader           *loader,
          JsonObject       *object,
          const Where      *path,
          RoadmapSkillKind *out)
{
  const char *kind;

  *out = ROADMAP_SKILL_KIND_SKILL;

  if (!get_string (loader, object, path, "kind", OPTIONAL, TEXT_LINE, MAX_ID_LENGTH, &kind))
    return FALSE;
  if (kind == NULL)
    return TRUE;

  if (!roadmap_skill_kind_from_string (kind, out))
    {
      g_autofree char *quoted = roadmap_text_escape_for_message (kind, ROADMAP_TEXT_QUOTE_MAX_CHARS);

      return fail (loader, ROADMAP_LOADER_ERROR_VALUE, MEMBER (path, "kind"),
                   _("“%s” is not a kind of item: use “skill” or “practice”"), quoted);
    }

  return TRUE;
}

/* An id a hands-on item practises: well-formed, and not its own */
static gboolean
check_practised_id (Loader      *loader,
                    const Where *where,
                    const char  *id,
                    gpointer     user_data)
{
  RoadmapSkill *skill = user_data;

  if (!check_string (loader, where, id, TEXT_OWN_RULES, MAX_ID_LENGTH, TRUE) ||
      !check_id (loader, where, id))
    return FALSE;

  if (g_str_equal (id, roadmap_skill_get_id (skill)))
    return fail (loader, ROADMAP_LOADER_ERROR_VALUE, where,
                 _("a hands-on item cannot practise itself"));

  return TRUE;
}

/* What can be checked of "practises" within the item itself: on a
 * hands-on item only, a list of well-formed ids, none twice and not its
 * own. Whether each names a skill of the track waits for the whole track
 * (check_practises()). */
static gboolean
load_practises (Loader       *loader,
                JsonObject   *object,
                const Where  *path,
                RoadmapSkill *skill)
{
  g_auto(GStrv) ids = NULL;
  JsonNode *node;

  if (!get_member (loader, object, path, "practises", OPTIONAL, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (roadmap_skill_get_kind (skill) != ROADMAP_SKILL_KIND_PRACTICE)
    return fail (loader, ROADMAP_LOADER_ERROR_VALUE, MEMBER (path, "practises"),
                 _("only a hands-on item (“kind”: “practice”) lists the skills it practises"));

  if (!get_string_list (loader, object, path, "practises", check_practised_id, skill, &ids))
    return FALSE;

  roadmap_skill_set_practises (skill, (const char * const *) ids);
  return TRUE;
}

static RoadmapSkill *
load_skill (Loader      *loader,
            JsonObject  *object,
            const Where *path,
            GHashTable  *skill_ids)
{
  g_autoptr(RoadmapSkill) skill = NULL;
  const char *id = NULL, *title = NULL, *summary = NULL;
  RoadmapSkillKind kind = ROADMAP_SKILL_KIND_SKILL;
  JsonNode *estimate = NULL;

  gint64 hours = 0;
  gboolean ok, kind_ok;

  /* Collecting the problems, each member is looked at: the skill is
   * made with what is good, for its lists to be checked too */
  ok = get_id (loader, object, path, skill_ids, &id);
  ok = (ok || loader->problems != NULL) &&
       get_string (loader, object, path, "title", REQUIRED, TEXT_TITLE, MAX_TITLE_LENGTH, &title) && ok;
  kind_ok = (ok || loader->problems != NULL) && get_kind (loader, object, path, &kind);
  ok = kind_ok && ok;
  ok = (ok || loader->problems != NULL) &&
       get_string (loader, object, path, "summary", OPTIONAL, TEXT_PARAGRAPHS, MAX_TEXT_LENGTH, &summary) && ok;
  ok = (ok || loader->problems != NULL) &&
       get_member (loader, object, path, "estimate_hours", OPTIONAL, &estimate) && ok;
  if (estimate != NULL)
    ok = (ok || loader->problems != NULL) &&
         get_integer (loader, estimate, MEMBER (path, "estimate_hours"), 0, MAX_ESTIMATE_HOURS, &hours) && ok;
  if (!ok && loader->problems == NULL)
    return NULL;

  skill = roadmap_skill_new (id != NULL ? id : "", title != NULL ? title : "");
  roadmap_skill_set_kind (skill, kind);
  roadmap_skill_set_summary (skill, summary);
  roadmap_skill_set_estimate_hours (skill, (guint) hours);

  ok = load_topics (loader, object, path, skill) && ok;
  ok = (ok || loader->problems != NULL) && load_resources (loader, object, path, skill) && ok;
  /* A kind that is wrong says so once: what it practises waits for it */
  if (kind_ok)
    ok = (ok || loader->problems != NULL) && load_practises (loader, object, path, skill) && ok;

  return ok ? g_steal_pointer (&skill) : NULL;
}

static gboolean
get_months (Loader      *loader,
            JsonObject  *object,
            const Where *path,
            guint       *first,
            guint       *last)
{
  const Where *where = MEMBER (path, "months");
  JsonArray *array;
  gint64 a, b;

  *first = *last = 0;

  /* Optional: a roadmap without a schedule is still a roadmap. */
  if (!get_array (loader, object, path, "months", OPTIONAL, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  if (json_array_get_length (array) != 2)
    return fail (loader, ROADMAP_LOADER_ERROR_VALUE, where,
                 _("expected two month numbers, first and last, such as [1, 2]"));

  if (!get_integer (loader, json_array_get_element (array, 0), ELEMENT (where, 0), 1, MAX_MONTH, &a) ||
      !get_integer (loader, json_array_get_element (array, 1), ELEMENT (where, 1), 1, MAX_MONTH, &b))
    return FALSE;

  if (a > b)
    return fail (loader, ROADMAP_LOADER_ERROR_VALUE, where,
                 _("the first month (%lld) comes after the last (%lld)"),
                 (long long) a, (long long) b);

  *first = (guint) a;
  *last = (guint) b;
  return TRUE;
}

static RoadmapPhase *
load_phase (Loader      *loader,
            JsonObject  *object,
            const Where *path,
            GHashTable  *phase_ids,
            GHashTable  *skill_ids)
{
  g_autoptr(RoadmapPhase) phase = NULL;
  JsonArray *skills = NULL;
  const char *id = NULL, *title = NULL;
  guint first = 0, last = 0;
  gboolean failed;
  guint n;

  /* Collecting the problems, every member and skill is looked at */
  failed = !get_id (loader, object, path, phase_ids, &id);
  failed = ((failed && loader->problems == NULL) ||
            !get_string (loader, object, path, "title", REQUIRED, TEXT_TITLE, MAX_TITLE_LENGTH, &title)) || failed;
  failed = ((failed && loader->problems == NULL) || !get_months (loader, object, path, &first, &last)) || failed;
  if ((failed && loader->problems == NULL) || !get_array (loader, object, path, "skills", REQUIRED, &skills))
    return NULL;

  if (!failed)
    phase = roadmap_phase_new (id, title, first, last);

  n = json_array_get_length (skills);
  for (guint i = 0; i < n; i++)
    {
      const Where *where = ELEMENT (MEMBER (path, "skills"), i);
      g_autoptr(RoadmapSkill) skill = NULL;
      JsonObject *item;

      if (get_object_element (loader, skills, i, where, &item))
        skill = load_skill (loader, item, where, skill_ids);
      if (skill == NULL && loader->problems == NULL)
        return NULL;
      if (skill == NULL)
        failed = TRUE;
      else if (!failed)
        roadmap_phase_add_skill (phase, skill);
    }

  return failed ? NULL : g_steal_pointer (&phase);
}

/* Every id a hands-on item practises names a skill of the track, in any
 * phase, that is not itself a hands-on item: the links go from the plan's
 * work to the skills it exercises, one level deep. The model's skills are
 * in the file's order, so their places give the JSON paths. */
static gboolean
check_practises (Loader       *loader,
                 RoadmapTrack *track)
{
  GListModel *phases = roadmap_track_get_phases (track);
  guint n_phases = g_list_model_get_n_items (phases);
  gboolean ok = TRUE;

  for (guint p = 0; p < n_phases; p++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);
      const Where *phase_where = ELEMENT (MEMBER (NULL, "phases"), p);
      guint n = roadmap_phase_get_n_skills (phase);

      for (guint i = 0; i < n; i++)
        {
          RoadmapSkill *skill = roadmap_phase_peek_skill (phase, i);
          const char * const *ids = roadmap_skill_get_practises (skill);
          const Where *list_where = MEMBER (ELEMENT (MEMBER (phase_where, "skills"), i), "practises");

          for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
            {
              RoadmapSkill *target = roadmap_track_find_skill (track, ids[k]);

              if (target == NULL)
                ok = fail (loader, ROADMAP_LOADER_ERROR_UNKNOWN_ID, ELEMENT (list_where, k),
                           _("the track has no skill “%s”"), ids[k]);
              else if (roadmap_skill_get_kind (target) == ROADMAP_SKILL_KIND_PRACTICE)
                ok = fail (loader, ROADMAP_LOADER_ERROR_VALUE, ELEMENT (list_where, k),
                           _("“%s” is a hands-on item too: list the skills it practises instead"), ids[k]);
              if (!ok && loader->problems == NULL)
                return FALSE;
            }
        }
    }

  return ok;
}

static RoadmapTrack *
load_track (Loader   *loader,
            JsonNode *root)
{
  g_autoptr(GHashTable) phase_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) skill_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(RoadmapTrack) track = NULL;
  JsonObject *object;
  JsonNode *format;
  JsonArray *phases = NULL;
  const char *id = NULL, *title = NULL, *summary = NULL;
  gboolean ok;
  guint n, n_refs;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (loader, ROADMAP_LOADER_ERROR_TYPE, NULL,
            _("expected a roadmap object, found %s"), describe_node (root));
      return NULL;
    }

  object = json_node_get_object (root);

  format = json_object_get_member (object, "format");
  if (format == NULL)
    {
      fail (loader, ROADMAP_LOADER_ERROR_FORMAT, MEMBER (NULL, "format"),
            _("the member “format” is missing: is this a roadmap file?"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_INT64 ||
      json_node_get_int (format) != FORMAT_VERSION)
    {
      g_autofree char *shown = json_to_string (format, FALSE);

      fail (loader, ROADMAP_LOADER_ERROR_FORMAT, MEMBER (NULL, "format"),
            _("this file uses roadmap format %s; this version of Roadmap reads format %d"),
            shown, FORMAT_VERSION);
      return NULL;
    }

  /* Each member on its own: collecting the problems, all are looked at */
  ok = get_id (loader, object, NULL, NULL, &id);
  ok = (ok || loader->problems != NULL) &&
       get_string (loader, object, NULL, "title", REQUIRED, TEXT_TITLE, MAX_TITLE_LENGTH, &title) && ok;
  ok = (ok || loader->problems != NULL) &&
       get_string (loader, object, NULL, "summary", OPTIONAL, TEXT_PARAGRAPHS, MAX_TEXT_LENGTH, &summary) && ok;
  ok = (ok || loader->problems != NULL) &&
       get_array (loader, object, NULL, "phases", REQUIRED, &phases) && ok;
  if (phases == NULL)
    return NULL;

  n = json_array_get_length (phases);
  if (n == 0)
    {
      fail (loader, ROADMAP_LOADER_ERROR_VALUE, MEMBER (NULL, "phases"),
            _("a roadmap needs at least one phase"));
      return NULL;
    }
  if (!ok && loader->problems == NULL)
    return NULL;

  if (ok)
    {
      track = roadmap_track_new (id, title);
      roadmap_track_set_summary (track, summary);
    }

  for (guint i = 0; i < n; i++)
    {
      const Where *where = ELEMENT (MEMBER (NULL, "phases"), i);
      g_autoptr(RoadmapPhase) phase = NULL;
      JsonObject *item;

      if (get_object_element (loader, phases, i, where, &item))
        phase = load_phase (loader, item, where, phase_ids, skill_ids);
      if (phase == NULL && loader->problems == NULL)
        return NULL;
      if (phase == NULL)
        ok = FALSE;
      /* Skill ids were checked unique across the track above. */
      else if (ok && !roadmap_track_add_phase (track, phase))
        g_assert_not_reached ();
    }

  /* Links to skills are checked once every skill is there */
  if (!ok)
    return NULL;
  if (!check_practises (loader, track))
    return NULL;

  /* Made now, while its skills were just made: loading their progress
   * then needs not visit them all again first. */
  roadmap_track_get_skill_refs (track, &n_refs);

  return g_steal_pointer (&track);
}

/**
 * roadmap_loader_is_valid_id:
 *
 * Returns: whether @id is a slug: `[a-z0-9][a-z0-9-]*`, at most 64 bytes
 */
gboolean
roadmap_loader_is_valid_id (const char *id)
{
  gsize i;

  g_return_val_if_fail (id != NULL, FALSE);

  if (!g_ascii_islower (id[0]) && !g_ascii_isdigit (id[0]))
    return FALSE;

  for (i = 1; id[i] != '\0'; i++)
    {
      if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '-')
        return FALSE;
    }

  return i <= MAX_ID_LENGTH;
}

/**
 * roadmap_loader_load_bytes:
 * @bytes: the file's contents
 * @display_name: how to name the file in error messages
 *
 * Returns: (transfer full): the track, or %NULL with @error set to a
 *   message of the form "FILE: JSON-PATH: what is wrong"
 */
RoadmapTrack *
roadmap_loader_load_bytes (GBytes      *bytes,
                           const char  *display_name,
                           GError     **error)
{
  return roadmap_loader_check_bytes (bytes, display_name, NULL, error);
}

/**
 * roadmap_loader_check_bytes:
 * @problems: (nullable) (element-type utf8): where to add each problem,
 *   as "JSON-PATH: what is wrong", the checks going on after one
 *
 * roadmap_loader_load_bytes(), telling every problem of the file, for a
 * learner to mend them all at once: @error is the first.
 *
 * Returns: (transfer full): the track, or %NULL
 */
RoadmapTrack *
roadmap_loader_check_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GPtrArray   *problems,
                            GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  Loader loader = { display_name, error, problems };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = roadmap_json_read_bytes (bytes, display_name, ROADMAP_JSON_MAX_SIZE, &local_error);
  if (root == NULL)
    {
      /* "FILE: where: why", the file's name said once already */
      if (problems != NULL)
        g_ptr_array_add (problems, g_str_has_prefix (local_error->message, display_name) &&
                                   g_str_has_prefix (local_error->message + strlen (display_name), ": ")
                                     ? g_strdup (local_error->message + strlen (display_name) + 2)
                                     : g_strdup (local_error->message));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return load_track (&loader, root);
}

/**
 * roadmap_loader_load_file:
 *
 * Reads (roadmap_json_read_file()) and checks one roadmap file.
 *
 * Returns: (transfer full): the track, or %NULL with @error set: in
 *   ROADMAP_JSON_ERROR when the file is not a JSON document we read,
 *   in ROADMAP_LOADER_ERROR when it is not a roadmap
 */
RoadmapTrack *
roadmap_loader_load_file (GFile   *file,
                          GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *name = NULL;
  RoadmapTrack *track;
  Loader loader;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = roadmap_json_read_file (file, ROADMAP_JSON_MAX_SIZE, error);
  if (root == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  loader = (Loader) { name, error };
  track = load_track (&loader, root);
  if (track != NULL && !g_file_has_uri_scheme (file, "resource"))
    roadmap_track_set_source (track, name);

  return track;
}

static gint
compare_file_names (gconstpointer a,
                    gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * roadmap_loader_add_file:
 *
 * Loads @file and adds its track to @catalog, or records why it could not
 * as a load error of @catalog.
 */
void
roadmap_loader_add_file (RoadmapCatalog *catalog,
                         GFile          *file)
{
  g_autoptr(RoadmapTrack) track = NULL;
  g_autoptr(GError) error = NULL;

  track = roadmap_loader_load_file (file, &error);
  if (track == NULL || !roadmap_catalog_add_track (catalog, track, &error))
    roadmap_catalog_add_load_error (catalog, error);
}

/**
 * roadmap_loader_load_bundled:
 *
 * Adds the roadmaps compiled into the application's GResource, in name
 * order. Any failure is recorded as a load error of @catalog.
 */
void
roadmap_loader_load_bundled (RoadmapCatalog *catalog)
{
  g_auto(GStrv) names = NULL;

  g_return_if_fail (ROADMAP_IS_CATALOG (catalog));

  names = g_resources_enumerate_children (ROADMAP_BUNDLED_ROADMAPS_PATH,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (names == NULL)
    return;

  qsort (names, g_strv_length (names), sizeof (char *), compare_file_names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *uri = NULL;
      g_autoptr(GFile) file = NULL;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;

      uri = g_strconcat ("resource://" ROADMAP_BUNDLED_ROADMAPS_PATH, names[i], NULL);
      file = g_file_new_for_uri (uri);
      roadmap_loader_add_file (catalog, file);
    }
}

/**
 * roadmap_loader_list_directory:
 * @directory: a folder of `*.json` roadmap files; a missing folder is fine
 *
 * Returns: (transfer full) (element-type GFile): the roadmap files of
 *   @directory in file name order (none for a missing folder), or %NULL
 *   with @error set if the folder exists but cannot be listed
 */
GPtrArray *
roadmap_loader_list_directory (GFile   *directory,
                               GError **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  enumerator = g_file_enumerate_children (directory,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (enumerator == NULL)
    {
      g_autofree char *name = NULL;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&files);

      name = g_file_get_parse_name (directory);
      g_set_error (error, ROADMAP_LOADER_ERROR, ROADMAP_LOADER_ERROR_IO,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  for (;;)
    {
      GFileInfo *info;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &local_error))
        {
          g_autofree char *name = g_file_get_parse_name (directory);

          g_set_error (error, ROADMAP_LOADER_ERROR, ROADMAP_LOADER_ERROR_IO,
                       "%s: %s", name, local_error->message);
          return NULL;
        }
      if (info == NULL)
        break;

      /* Only regular files (through their links): a FIFO or a device of
       * that name is not a roadmap, and reading it could block */
      if (g_str_has_suffix (g_file_info_get_name (info), ".json") &&
          g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }

  g_ptr_array_sort (names, compare_file_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_file_get_child (directory, g_ptr_array_index (names, i)));

  return g_steal_pointer (&files);
}

/**
 * roadmap_loader_load_directory:
 * @directory: a folder of `*.json` roadmap files; a missing folder is fine
 *
 * Adds every roadmap in @directory, in file name order. A file that fails
 * is recorded as a load error of @catalog and the others still load.
 *
 * Returns: %FALSE if the folder exists but cannot be listed
 */
gboolean
roadmap_loader_load_directory (RoadmapCatalog  *catalog,
                               GFile           *directory,
                               GError         **error)
{
  g_autoptr(GPtrArray) files = NULL;

  g_return_val_if_fail (ROADMAP_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);

  files = roadmap_loader_list_directory (directory, error);
  if (files == NULL)
    return FALSE;

  for (guint i = 0; i < files->len; i++)
    roadmap_loader_add_file (catalog, g_ptr_array_index (files, i));

  return TRUE;
}

/* roadmap-track-draft.c
 *
 * A draft is the roadmap file's tree (roadmap-writer.c writes it for an
 * existing track): the editor changes its members in place, so whatever
 * the editor does not show (a hands-on item's kind and the skills it
 * practises, a link's kind) stays as it was. Nothing is checked here:
 * roadmap_track_draft_to_bytes() gives the file, and the loader tells
 * every problem of it, with its JSON path, before anything is saved.
 *
 * New phases and skills get their ids when the draft is written, made
 * from their titles (roadmap_track_draft_make_id()) and unique in the
 * track; the ids of those that had one never change, for the progress is
 * keyed by them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-track-draft.h"
#include "roadmap-writer.h"

#define FORMAT_VERSION 1
#define MAX_ID_LENGTH  64

struct _RoadmapTrackDraft
{
  GObject parent_instance;

  JsonNode *root;
  gboolean is_new;
  /* The ids the track had when the draft was made: a deleted skill's id
   * is never given to a new one, which would take its progress */
  GHashTable *first_phase_ids;
  GHashTable *first_skill_ids;
};

G_DEFINE_FINAL_TYPE (RoadmapTrackDraft, roadmap_track_draft, G_TYPE_OBJECT)

static void
roadmap_track_draft_finalize (GObject *object)
{
  RoadmapTrackDraft *self = ROADMAP_TRACK_DRAFT (object);

  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->first_phase_ids, g_hash_table_unref);
  g_clear_pointer (&self->first_skill_ids, g_hash_table_unref);

  G_OBJECT_CLASS (roadmap_track_draft_parent_class)->finalize (object);
}

static void
roadmap_track_draft_class_init (RoadmapTrackDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = roadmap_track_draft_finalize;
}

static void
roadmap_track_draft_init (RoadmapTrackDraft *self)
{
  self->first_phase_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->first_skill_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void        collect_ids (JsonArray         *array,
                                GHashTable        *taken);
static JsonArray  *phases      (RoadmapTrackDraft *self);
static JsonArray  *skills      (RoadmapTrackDraft *self,
                                guint              phase);

/**
 * roadmap_track_draft_new:
 * @track: (nullable): the track to edit; %NULL for a new one, with one
 *   empty phase
 */
RoadmapTrackDraft *
roadmap_track_draft_new (RoadmapTrack *track)
{
  RoadmapTrackDraft *self;

  g_return_val_if_fail (track == NULL || ROADMAP_IS_TRACK (track), NULL);

  self = g_object_new (ROADMAP_TYPE_TRACK_DRAFT, NULL);
  if (track != NULL)
    {
      gsize length;
      g_autofree char *data = roadmap_writer_to_data (track, &length);

      /* The writer's output is a roadmap file: it parses */
      self->root = json_from_string (data, NULL);
      g_assert (self->root != NULL && JSON_NODE_HOLDS_OBJECT (self->root));
      collect_ids (phases (self), self->first_phase_ids);
      for (guint p = 0; p < roadmap_track_draft_get_n_phases (self); p++)
        collect_ids (skills (self, p), self->first_skill_ids);
    }
  else
    {
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "format", FORMAT_VERSION);
      json_object_set_string_member (object, "id", "");
      json_object_set_string_member (object, "title", "");
      json_object_set_array_member (object, "phases", json_array_new ());
      self->root = json_node_init_object (json_node_alloc (), object);
      json_object_unref (object);
      self->is_new = TRUE;
      roadmap_track_draft_add_phase (self);
    }

  return self;
}

/**
 * roadmap_track_draft_is_new:
 *
 * Returns: whether the draft is of a track not saved yet, whose id can
 *   still be chosen
 */
gboolean
roadmap_track_draft_is_new (RoadmapTrackDraft *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK_DRAFT (self), FALSE);
  return self->is_new;
}

/**
 * roadmap_track_draft_get_track:
 *
 * Returns: (transfer none): the track's object: its id, title, summary
 */
JsonObject *
roadmap_track_draft_get_track (RoadmapTrackDraft *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK_DRAFT (self), NULL);
  return json_node_get_object (self->root);
}

/* The array @member of @object, made when it is missing */
static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    json_object_set_array_member (object, member, json_array_new ());
  return json_object_get_array_member (object, member);
}

static JsonArray *
phases (RoadmapTrackDraft *self)
{
  return get_array (roadmap_track_draft_get_track (self), "phases");
}

static JsonArray *
skills (RoadmapTrackDraft *self,
        guint              phase)
{
  return get_array (roadmap_track_draft_get_phase (self, phase), "skills");
}

guint
roadmap_track_draft_get_n_phases (RoadmapTrackDraft *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK_DRAFT (self), 0);
  return json_array_get_length (phases (self));
}

/**
 * roadmap_track_draft_get_phase:
 *
 * Returns: (transfer none): the object of phase @phase
 */
JsonObject *
roadmap_track_draft_get_phase (RoadmapTrackDraft *self,
                               guint              phase)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK_DRAFT (self), NULL);
  g_return_val_if_fail (phase < roadmap_track_draft_get_n_phases (self), NULL);
  return json_array_get_object_element (phases (self), phase);
}

guint
roadmap_track_draft_get_n_skills (RoadmapTrackDraft *self,
                                  guint              phase)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK_DRAFT (self), 0);
  g_return_val_if_fail (phase < roadmap_track_draft_get_n_phases (self), 0);
  return json_array_get_length (skills (self, phase));
}

/**
 * roadmap_track_draft_get_skill:
 *
 * Returns: (transfer none): the object of skill @skill of phase @phase
 */
JsonObject *
roadmap_track_draft_get_skill (RoadmapTrackDraft *self,
                               guint              phase,
                               guint              skill)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK_DRAFT (self), NULL);
  g_return_val_if_fail (skill < roadmap_track_draft_get_n_skills (self, phase), NULL);
  return json_array_get_object_element (skills (self, phase), skill);
}

/* A new element: an empty id (made at writing), an empty title */
static guint
append_new (JsonArray *array,
            gboolean   with_skills)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", "");
  json_object_set_string_member (object, "title", "");
  if (with_skills)
    json_object_set_array_member (object, "skills", json_array_new ());
  json_array_add_object_element (array, object);
  return json_array_get_length (array) - 1;
}

/**
 * roadmap_track_draft_add_phase:
 *
 * Returns: the new phase's index, at the end
 */
guint
roadmap_track_draft_add_phase (RoadmapTrackDraft *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK_DRAFT (self), 0);
  return append_new (phases (self), TRUE);
}

/**
 * roadmap_track_draft_add_skill:
 *
 * Returns: the new skill's index, at the end of @phase
 */
guint
roadmap_track_draft_add_skill (RoadmapTrackDraft *self,
                               guint              phase)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK_DRAFT (self), 0);
  g_return_val_if_fail (phase < roadmap_track_draft_get_n_phases (self), 0);
  return append_new (skills (self, phase), FALSE);
}

/* @array with its element @from moved to @to (or removed, @to < 0):
 * json-glib has no insertion, so the array is made again */
static void
rearrange (JsonObject *owner,
           const char *member,
           guint       from,
           int         to)
{
  JsonArray *array = json_object_get_array_member (owner, member);
  guint n = json_array_get_length (array);
  JsonArray *again = json_array_sized_new (n);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  g_return_if_fail (from < n);

  for (guint i = 0; i < n; i++)
    if (i != from)
      g_ptr_array_add (order, json_array_get_element (array, i));
  if (to >= 0)
    g_ptr_array_insert (order, MIN ((guint) to, order->len), json_array_get_element (array, from));
  for (guint i = 0; i < order->len; i++)
    json_array_add_element (again, json_node_copy (g_ptr_array_index (order, i)));
  json_object_set_array_member (owner, member, again);
}

void
roadmap_track_draft_remove_phase (RoadmapTrackDraft *self,
                                  guint              phase)
{
  g_return_if_fail (ROADMAP_IS_TRACK_DRAFT (self));
  rearrange (roadmap_track_draft_get_track (self), "phases", phase, -1);
}

void
roadmap_track_draft_remove_skill (RoadmapTrackDraft *self,
                                  guint              phase,
                                  guint              skill)
{
  g_return_if_fail (ROADMAP_IS_TRACK_DRAFT (self));
  rearrange (roadmap_track_draft_get_phase (self, phase), "skills", skill, -1);
}

/**
 * roadmap_track_draft_move_phase:
 * @to: its new index
 */
void
roadmap_track_draft_move_phase (RoadmapTrackDraft *self,
                                guint              phase,
                                guint              to)
{
  g_return_if_fail (ROADMAP_IS_TRACK_DRAFT (self));
  rearrange (roadmap_track_draft_get_track (self), "phases", phase, (int) to);
}

/**
 * roadmap_track_draft_move_skill:
 * @to: its new index in @phase
 */
void
roadmap_track_draft_move_skill (RoadmapTrackDraft *self,
                                guint              phase,
                                guint              skill,
                                guint              to)
{
  g_return_if_fail (ROADMAP_IS_TRACK_DRAFT (self));
  rearrange (roadmap_track_draft_get_phase (self, phase), "skills", skill, (int) to);
}

/**
 * roadmap_track_draft_set_text:
 *
 * Sets a text member, as typed (the loader checks it); an empty optional
 * text leaves the member out. Ids and titles stay, empty, for the loader
 * to say they are needed.
 */
void
roadmap_track_draft_set_text (JsonObject *object,
                              const char *member,
                              const char *text)
{
  g_return_if_fail (object != NULL);
  g_return_if_fail (member != NULL);

  if ((text == NULL || text[0] == '\0') && !g_str_equal (member, "title") && !g_str_equal (member, "id"))
    json_object_remove_member (object, member);
  else
    json_object_set_string_member (object, member, text != NULL ? text : "");
}

/**
 * roadmap_track_draft_get_text:
 *
 * Returns: the text member, "" when missing or not a text
 */
const char *
roadmap_track_draft_get_text (JsonObject *object,
                              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

/**
 * roadmap_track_draft_set_number:
 *
 * Sets a whole number member; 0 leaves it out.
 */
void
roadmap_track_draft_set_number (JsonObject *object,
                                const char *member,
                                guint       number)
{
  if (number == 0)
    json_object_remove_member (object, member);
  else
    json_object_set_int_member (object, member, number);
}

guint
roadmap_track_draft_get_number (JsonObject *object,
                                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return (guint) CLAMP (json_node_get_int (node), 0, G_MAXUINT);
}

/**
 * roadmap_track_draft_set_months:
 *
 * The months of a phase, first and last; 0 for both leaves them out.
 */
void
roadmap_track_draft_set_months (JsonObject *phase,
                                guint       first,
                                guint       last)
{
  JsonArray *months;

  if (first == 0 && last == 0)
    {
      json_object_remove_member (phase, "months");
      return;
    }
  months = json_array_new ();
  json_array_add_int_element (months, first);
  json_array_add_int_element (months, last);
  json_object_set_array_member (phase, "months", months);
}

void
roadmap_track_draft_get_months (JsonObject *phase,
                                guint      *first,
                                guint      *last)
{
  JsonNode *node = json_object_get_member (phase, "months");
  JsonArray *months;

  *first = *last = 0;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  months = json_node_get_array (node);
  if (json_array_get_length (months) != 2)
    return;
  *first = (guint) CLAMP (json_array_get_int_element (months, 0), 0, G_MAXUINT);
  *last = (guint) CLAMP (json_array_get_int_element (months, 1), 0, G_MAXUINT);
}

/* The kind @skill's link to @url had, to keep it across an edit */
static const char *
link_kind (JsonArray  *resources,
           const char *url)
{
  for (guint i = 0; resources != NULL && i < json_array_get_length (resources); i++)
    {
      JsonObject *resource = json_array_get_object_element (resources, i);

      if (resource != NULL && g_str_equal (roadmap_track_draft_get_text (resource, "url"), url))
        return json_object_get_string_member_with_default (resource, "kind", NULL);
    }
  return NULL;
}

/**
 * roadmap_track_draft_set_lines:
 * @member: "topics" or "resources"
 * @lines: one topic a line; or one link a line, its address first, then
 *   its title ("https://… The title")
 *
 * Sets a list member from the lines typed; blank lines are left out, and
 * no line leaves the member out.
 */
void
roadmap_track_draft_set_lines (JsonObject *skill,
                               const char *member,
                               const char *lines)
{
  g_auto(GStrv) split = g_strsplit (lines != NULL ? lines : "", "\n", -1);
  JsonNode *old = json_object_get_member (skill, member);
  JsonArray *before = old != NULL && JSON_NODE_HOLDS_ARRAY (old) ? json_node_get_array (old) : NULL;
  JsonArray *array = json_array_new ();

  if (before != NULL)
    json_array_ref (before);
  for (guint i = 0; split[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup (split[i]);

      g_strstrip (line);
      if (line[0] == '\0')
        continue;
      if (g_str_equal (member, "topics"))
        {
          json_array_add_string_element (array, line);
        }
      else
        {
          JsonObject *resource = json_object_new ();
          char *space = strpbrk (line, " \t");
          const char *title;
          const char *kind;

          if (space != NULL)
            *space = '\0';
          title = space != NULL ? g_strstrip (space + 1) : "";
          /* No title of its own: the address says what it is */
          json_object_set_string_member (resource, "title", title[0] != '\0' ? title : line);
          json_object_set_string_member (resource, "url", line);
          kind = link_kind (before, line);
          if (kind != NULL)
            json_object_set_string_member (resource, "kind", kind);
          json_array_add_object_element (array, resource);
        }
    }
  if (before != NULL)
    json_array_unref (before);

  if (json_array_get_length (array) == 0)
    {
      json_array_unref (array);
      json_object_remove_member (skill, member);
      return;
    }
  json_object_set_array_member (skill, member, array);
}

/**
 * roadmap_track_draft_get_lines:
 *
 * Returns: (transfer full): the list @member as roadmap_track_draft_set_lines()
 *   takes it
 */
char *
roadmap_track_draft_get_lines (JsonObject *skill,
                               const char *member)
{
  JsonNode *node = json_object_get_member (skill, member);
  g_autoptr(GString) lines = g_string_new (NULL);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup ("");
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        {
          g_string_append (lines, json_node_get_string (element));
        }
      else if (JSON_NODE_HOLDS_OBJECT (element))
        {
          JsonObject *resource = json_node_get_object (element);
          const char *url = roadmap_track_draft_get_text (resource, "url");
          const char *title = roadmap_track_draft_get_text (resource, "title");

          g_string_append (lines, url);
          if (title[0] != '\0' && !g_str_equal (title, url))
            g_string_append_printf (lines, " %s", title);
        }
    }
  return g_string_free (g_steal_pointer (&lines), FALSE);
}

/**
 * roadmap_track_draft_make_id:
 *
 * Returns: (transfer full): an id made from @title: lower-case letters
 *   and digits, "-" between words, at most 64 bytes ("Data & AI 2" gives
 *   "data-ai-2"); "" when @title has no letter or digit
 */
char *
roadmap_track_draft_make_id (const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title != NULL ? title : "", "C");
  GString *id = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && id->len < MAX_ID_LENGTH; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  return g_string_free (id, FALSE);
}

/* The ids @array's elements have, and for those without one an id made
 * from its title, unique among @taken */
static void
collect_ids (JsonArray  *array,
             GHashTable *taken)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *id = object != NULL ? roadmap_track_draft_get_text (object, "id") : "";

      if (id[0] != '\0')
        g_hash_table_add (taken, g_strdup (id));
    }
}

static void
make_ids (JsonArray  *array,
          GHashTable *taken,
          const char *fallback)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *base = NULL;
      g_autofree char *id = NULL;

      if (object == NULL || roadmap_track_draft_get_text (object, "id")[0] != '\0')
        continue;
      base = roadmap_track_draft_make_id (roadmap_track_draft_get_text (object, "title"));
      if (base[0] == '\0')
        {
          g_free (base);
          base = g_strdup (fallback);
        }
      id = g_strdup (base);
      for (guint n = 2; g_hash_table_contains (taken, id); n++)
        {
          g_autofree char *suffix = g_strdup_printf ("-%u", n);

          g_free (id);
          id = g_strdup_printf ("%.*s%s", (int) (MAX_ID_LENGTH - strlen (suffix)), base, suffix);
        }
      json_object_set_string_member (object, "id", id);
      g_hash_table_add (taken, g_steal_pointer (&id));
    }
}

/**
 * roadmap_track_draft_to_bytes:
 *
 * Gives new phases and skills their ids, then writes the draft as a
 * roadmap file, for the loader to check.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
roadmap_track_draft_to_bytes (RoadmapTrackDraft *self)
{
  g_autoptr(GHashTable) phase_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) skill_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GHashTableIter iter;
  gpointer id;
  char *data;
  gsize length;

  g_return_val_if_fail (ROADMAP_IS_TRACK_DRAFT (self), NULL);

  /* Every id that is there or was, then the new ones */
  g_hash_table_iter_init (&iter, self->first_phase_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_add (phase_ids, g_strdup (id));
  g_hash_table_iter_init (&iter, self->first_skill_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_add (skill_ids, g_strdup (id));
  collect_ids (phases (self), phase_ids);
  for (guint p = 0; p < roadmap_track_draft_get_n_phases (self); p++)
    collect_ids (skills (self, p), skill_ids);
  make_ids (phases (self), phase_ids, "phase");
  for (guint p = 0; p < roadmap_track_draft_get_n_phases (self); p++)
    make_ids (skills (self, p), skill_ids, "skill");

  json_generator_set_root (generator, self->root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

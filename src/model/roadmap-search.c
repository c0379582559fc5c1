/* roadmap-search.c
 *
 * A query matches a skill when each of its words is found in the title,
 * a topic, the summary or the note, whatever the case and accents: both
 * sides are folded (case folded, decomposed, combining marks dropped), so
 * "cafe" finds "Café" and "CAFÉ" finds "cafe".
 *
 * The folded texts are kept, one entry per skill, so a keystroke is only
 * a few strstr() per skill: 10,000 skills in well under a frame. The
 * roadmap's texts do not change while it is loaded; the note does, and
 * its notify drops the folded note, folded again by the next query.
 * Tracks coming and going (an import) rebuild the entries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-search.h"

typedef struct
{
  RoadmapSkill *skill;
  gulong note_handler;
  char *folded;       /* title, topics and summary, one a line */
  char *folded_note;  /* NULL: not folded since the note changed */
} Entry;

struct _RoadmapSearch
{
  GObject parent_instance;

  RoadmapCatalog *catalog;
  GPtrArray *entries;  /* NULL until the next query builds them */
};

G_DEFINE_FINAL_TYPE (RoadmapSearch, roadmap_search, G_TYPE_OBJECT)

/* Helpers */

static void
entry_free (Entry *entry)
{
  g_clear_signal_handler (&entry->note_handler, entry->skill);
  g_clear_object (&entry->skill);
  g_free (entry->folded);
  g_free (entry->folded_note);
  g_free (entry);
}

static void
append_folded (GString    *out,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || text[0] == '\0')
    return;
  folded = roadmap_search_fold (text);
  if (folded == NULL)
    return;
  g_string_append (out, folded);
  g_string_append_c (out, '\n');
}

static void
on_note_changed (RoadmapSkill *skill,
                 GParamSpec   *pspec,
                 Entry        *entry)
{
  g_clear_pointer (&entry->folded_note, g_free);
}

static void
add_entry (RoadmapSkill *skill,
           gpointer      user_data)
{
  GPtrArray *entries = user_data;
  Entry *entry = g_new0 (Entry, 1);
  const char * const *topics = roadmap_skill_get_topics (skill);
  GString *folded = g_string_new (NULL);

  append_folded (folded, roadmap_skill_get_title (skill));
  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    append_folded (folded, topics[i]);
  append_folded (folded, roadmap_skill_get_summary (skill));

  entry->skill = g_object_ref (skill);
  entry->folded = g_string_free (folded, FALSE);
  entry->note_handler = g_signal_connect (skill, "notify::note",
                                          G_CALLBACK (on_note_changed), entry);
  g_ptr_array_add (entries, entry);
}

static const char *
entry_get_folded_note (Entry *entry)
{
  if (entry->folded_note == NULL)
    {
      const char *note = roadmap_skill_get_note (entry->skill);
      char *folded = note != NULL ? roadmap_search_fold (note) : NULL;

      entry->folded_note = folded != NULL ? folded : g_strdup ("");
    }
  return entry->folded_note;
}

static gboolean
entry_matches (Entry       *entry,
               const char **words)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (strstr (entry->folded, words[i]) == NULL &&
          strstr (entry_get_folded_note (entry), words[i]) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The folded words of @query, without empty ones */
static GStrv
split_words (const char *query)
{
  g_autofree char *folded = roadmap_search_fold (query);
  GPtrArray *words = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  const char *p = folded != NULL ? folded : "";

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, (gsize) (p - start)));
    }
  return (GStrv) g_ptr_array_free (words, FALSE);
}

/* Callbacks */

static void
on_catalog_changed (RoadmapSearch *self)
{
  g_clear_pointer (&self->entries, g_ptr_array_unref);
}

/* GObject overrides */

static void
roadmap_search_dispose (GObject *object)
{
  RoadmapSearch *self = ROADMAP_SEARCH (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (roadmap_search_parent_class)->dispose (object);
}

static void
roadmap_search_class_init (RoadmapSearchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = roadmap_search_dispose;
}

static void
roadmap_search_init (RoadmapSearch *self)
{
}

/* Public API */

/**
 * roadmap_search_fold:
 * @text: UTF-8 text
 *
 * Folds @text for matching: case folded, then decomposed (NFD) with the
 * combining marks dropped, so that "Crème" and "CREME" fold alike.
 *
 * Returns: (transfer full) (nullable): the folded text, or %NULL when
 *   @text is not valid UTF-8
 */
char *
roadmap_search_fold (const char *text)
{
  g_autofree char *casefolded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  /* Most of a roadmap is ASCII, which folds to its lower case: ten times
   * faster than normalizing, for the first query that folds everything */
  {
    const char *p = text;

    while (*p != '\0' && (guchar) *p < 0x80)
      p++;
    if (*p == '\0')
      return g_ascii_strdown (text, -1);
  }

  /* Case folding first: it may itself give combining marks (İ → i̇) */
  casefolded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (casefolded, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return NULL;

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * roadmap_search_has_words:
 *
 * Returns: whether @query is valid UTF-8 with at least one word to look
 *   for (not only white space or marks)
 */
gboolean
roadmap_search_has_words (const char *query)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (query != NULL, FALSE);

  words = split_words (query);
  return words[0] != NULL;
}

RoadmapSearch *
roadmap_search_new (RoadmapCatalog *catalog)
{
  RoadmapSearch *self;

  g_return_val_if_fail (ROADMAP_IS_CATALOG (catalog), NULL);

  self = g_object_new (ROADMAP_TYPE_SEARCH, NULL);
  self->catalog = g_object_ref (catalog);
  g_signal_connect_object (catalog, "items-changed",
                           G_CALLBACK (on_catalog_changed), self, G_CONNECT_SWAPPED);
  return self;
}

RoadmapCatalog *
roadmap_search_get_catalog (RoadmapSearch *self)
{
  g_return_val_if_fail (ROADMAP_IS_SEARCH (self), NULL);
  return self->catalog;
}

/**
 * roadmap_search_prepare:
 *
 * Folds every skill's texts now, if they are not yet (the first query
 * does it otherwise: about 40 ms for 10,000 skills), so that the first
 * keystroke is as fast as the others.
 */
void
roadmap_search_prepare (RoadmapSearch *self)
{
  g_return_if_fail (ROADMAP_IS_SEARCH (self));

  if (self->entries != NULL)
    return;
  self->entries = g_ptr_array_new_full (roadmap_catalog_get_n_skills (self->catalog),
                                        (GDestroyNotify) entry_free);
  roadmap_catalog_foreach_skill (self->catalog, add_entry, self->entries);
}

/**
 * roadmap_search_run:
 * @query: the words to look for, separated by white space
 *
 * Returns: (transfer container) (element-type RoadmapSkill): the skills
 *   in which every word of @query is found, in catalog order (track,
 *   phase, skill); empty when @query has no word
 */
GPtrArray *
roadmap_search_run (RoadmapSearch *self,
                    const char    *query)
{
  g_auto(GStrv) words = NULL;
  GPtrArray *found;

  g_return_val_if_fail (ROADMAP_IS_SEARCH (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  found = g_ptr_array_new_with_free_func (g_object_unref);
  words = split_words (query);
  if (words[0] == NULL)
    return found;

  roadmap_search_prepare (self);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry_matches (entry, (const char **) words))
        g_ptr_array_add (found, g_object_ref (entry->skill));
    }
  return found;
}

/* roadmap-report-text.c — long words, made breakable before Pango wraps them
 *
 * Pango 1.50 wraps a word longer than a line (PANGO_WRAP_WORD_CHAR) by
 * shaping and measuring the rest of it again for every line it breaks
 * off: a word of n characters costs n² / line length, and one unbroken
 * note of 100,000 characters took minutes to print. A run with no break
 * opportunity that is longer than any line can be is therefore given
 * zero width spaces (U+200B: invisible, and a break opportunity), one
 * every few grapheme clusters, never inside one: Pango then breaks it
 * like a line of short words, in one pass.
 *
 * Only such runs change. Ordinary text, and any word that may fit on a
 * line, goes to Pango exactly as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-report-private.h"

#define ZERO_WIDTH_SPACE "\xe2\x80\x8b"

/* Clusters between two inserted breaks: a line of a long word ends at
 * most this many clusters short of the line's width. */
#define CLUSTERS_PER_PIECE 4

/* A virama (combining class 9) joins the consonants around it into a
 * conjunct, which a break between them would undo. */
#define COMBINING_CLASS_VIRAMA 9

typedef struct
{
  int start;   /* in characters */
  int end;
} Run;

/* Runs of more than @max_clusters grapheme clusters with no break
 * opportunity inside; NULL when there are none. */
static GArray *
find_long_runs (const PangoLogAttr *attrs,
                int                 n_chars,
                guint               max_clusters)
{
  GArray *runs = NULL;
  guint clusters = 0;
  int start = 0;

  for (int i = 0; i <= n_chars; i++)
    {
      gboolean end = i == n_chars || attrs[i].is_line_break || attrs[i].is_mandatory_break;

      if (end && clusters > max_clusters)
        {
          Run run = { start, i };

          if (runs == NULL)
            runs = g_array_new (FALSE, FALSE, sizeof (Run));
          g_array_append_val (runs, run);
        }

      if (end)
        {
          start = i;
          clusters = 0;
        }

      if (i < n_chars && attrs[i].is_cursor_position)
        clusters++;
    }

  return runs;
}

/**
 * report_text_break_long_runs:
 * @text: valid UTF-8
 * @max_clusters: a run of more grapheme clusters than this, with no
 *   break opportunity, is longer than a line
 * @copy: (out) (transfer full): set to the copy with breaks, if one was made
 *
 * Returns: @text when no run is that long, or *@copy
 */
const char *
report_text_break_long_runs (const char  *text,
                             guint        max_clusters,
                             char       **copy)
{
  g_autofree PangoLogAttr *attrs = NULL;
  g_autoptr(GArray) runs = NULL;
  GString *out;
  const char *p = text;
  int n_chars;
  int i = 0;

  g_assert (text != NULL);
  g_assert (copy != NULL);

  *copy = NULL;

  /* Most texts: too short to hold such a run (a cluster is one character
   * at least, and a byte at least) */
  if (strlen (text) <= max_clusters)
    return text;

  n_chars = (int) g_utf8_strlen (text, -1);
  attrs = g_new (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, (int) strlen (text), -1, pango_language_get_default (),
                       attrs, n_chars + 1);

  runs = find_long_runs (attrs, n_chars, max_clusters);
  if (runs == NULL)
    return text;

  out = g_string_sized_new (strlen (text) + strlen (text) / 2);
  for (guint r = 0; r < runs->len; r++)
    {
      const Run *run = &g_array_index (runs, Run, r);
      const char *start = g_utf8_offset_to_pointer (p, run->start - i);
      guint clusters = 0;

      g_string_append_len (out, p, start - p);
      p = start;
      i = run->start;

      for (; i < run->end; i++, p = g_utf8_next_char (p))
        {
          if (attrs[i].is_cursor_position && i > run->start)
            {
              gunichar previous = g_utf8_get_char (g_utf8_prev_char (p));

              if (++clusters >= CLUSTERS_PER_PIECE &&
                  g_unichar_combining_class (previous) != COMBINING_CLASS_VIRAMA)
                {
                  g_string_append (out, ZERO_WIDTH_SPACE);
                  clusters = 0;
                }
            }
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
  g_string_append (out, p);

  *copy = g_string_free (out, FALSE);
  return *copy;
}

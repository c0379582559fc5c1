/* bench-catalog.c — synthetic roadmap catalogs for the benchmarks
 *
 * The text is made up but shaped like the bundled roadmaps: titles of a
 * few words, a one-sentence summary, three topics, two official links.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bench-catalog.h"

static const char * const words[] = {
  "data", "pipeline", "stream", "batch", "schema", "query", "index", "cache",
  "service", "cluster", "deploy", "observe", "secure", "model", "test", "build",
};

char *
bench_catalog_track_id (guint index)
{
  return g_strdup_printf ("track-%03u", index);
}

char *
bench_catalog_skill_id (guint index)
{
  return g_strdup_printf ("skill-%04u", index);
}

static const char *
word (guint n)
{
  return words[n % G_N_ELEMENTS (words)];
}

char *
bench_catalog_track_json (guint track_index,
                          guint n_phases,
                          guint n_skills)
{
  g_autofree char *track_id = bench_catalog_track_id (track_index);
  GString *json = g_string_sized_new (n_skills * 520 + 256);
  guint skill = 0;

  g_return_val_if_fail (n_phases > 0, NULL);

  g_string_append_printf (json,
                          "{\n  \"format\": 1,\n  \"id\": \"%s\",\n"
                          "  \"title\": \"Track %u\",\n"
                          "  \"summary\": \"A synthetic track of %u skills for the benchmarks.\",\n"
                          "  \"phases\": [\n",
                          track_id, track_index, n_skills);

  for (guint p = 0; p < n_phases; p++)
    {
      /* Skills split as evenly as they go: the first phases take the rest. */
      guint in_phase = n_skills / n_phases + (p < n_skills % n_phases ? 1 : 0);

      g_string_append_printf (json,
                              "    {\n      \"id\": \"phase-%u\",\n"
                              "      \"title\": \"Phase %u: %s and %s\",\n"
                              "      \"months\": [%u, %u],\n      \"skills\": [\n",
                              p, p + 1, word (p), word (p + 3), p + 1, p + 2);

      for (guint i = 0; i < in_phase; i++, skill++)
        {
          g_autofree char *skill_id = bench_catalog_skill_id (skill);

          g_string_append_printf (json,
                                  "        {\n"
                                  "          \"id\": \"%s\",\n"
                                  "          \"title\": \"%c%s %s %u\",\n"
                                  "          \"summary\": \"Learn to %s the %s of a %s, with exercises on %s and %s.\",\n"
                                  "          \"topics\": [\"%s\", \"%s\", \"%s\"],\n"
                                  "          \"resources\": [\n"
                                  "            { \"title\": \"The %s guide\", \"url\": \"https://docs.example.org/%s/%s.html\", \"kind\": \"official\" },\n"
                                  "            { \"title\": \"%s reference\", \"url\": \"https://www.example.com/ref/%s-%u\", \"kind\": \"official\" }\n"
                                  "          ],\n"
                                  "          \"estimate_hours\": %u\n"
                                  "        }%s\n",
                                  skill_id,
                                  g_ascii_toupper (word (skill)[0]), word (skill) + 1,
                                  word (skill / 3), skill,
                                  word (skill + 1), word (skill + 2), word (skill + 5),
                                  word (skill + 7), word (skill + 11),
                                  word (skill), word (skill + 4), word (skill + 9),
                                  word (skill + 2), word (skill), skill_id,
                                  word (skill + 6), word (skill + 6), skill,
                                  4 + skill % 60,
                                  i + 1 < in_phase ? "," : "");
        }

      g_string_append_printf (json, "      ]\n    }%s\n", p + 1 < n_phases ? "," : "");
    }

  g_string_append (json, "  ]\n}\n");
  return g_string_free (json, FALSE);
}

gboolean
bench_catalog_write_dir (const char  *dir,
                         guint        n_tracks,
                         guint        n_phases,
                         guint        n_skills,
                         GError     **error)
{
  g_return_val_if_fail (n_tracks > 0, FALSE);

  for (guint t = 0; t < n_tracks; t++)
    {
      guint in_track = n_skills / n_tracks + (t < n_skills % n_tracks ? 1 : 0);
      g_autofree char *track_id = bench_catalog_track_id (t);
      g_autofree char *name = g_strconcat (track_id, ".json", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *json = bench_catalog_track_json (t, n_phases, in_track);

      if (!g_file_set_contents (path, json, -1, error))
        return FALSE;
    }

  return TRUE;
}

void
bench_catalog_skill_progress (guint  index,
                              guint  n_skills,
                              guint  n_phases,
                              guint *status,
                              guint *position)
{
  guint first = 0;

  g_return_if_fail (index < n_skills);

  /* The phases split the skills as bench_catalog_track_json() does */
  for (guint p = 0; p < n_phases; p++)
    {
      guint in_phase = n_skills / n_phases + (p < n_skills % n_phases ? 1 : 0);

      if (index < first + in_phase)
        break;
      first += in_phase;
    }

  *status = (index - first) % 3;
  *position = (index - first) / 3;
}

void
bench_catalog_remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = NULL;
  const char *name;

  if (dir == NULL || (listing = g_dir_open (dir, 0, NULL)) == NULL)
    return;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* bench-search.c — a search keystroke over a 10,000-skill catalog
 *
 * The catalog: 20 generated roadmaps of 500 skills (bench-catalog.c), a
 * note on every tenth skill. A learner types queries letter by letter;
 * each keystroke runs roadmap_search_run() on the whole text so far.
 * The floor, in the same run: strstr() of the same text over the same
 * titles, unfolded, one field, no words split: the least a search that
 * looks at every skill can do. Medians over the keystrokes of every
 * query, repeated; the folding of every skill's texts, done once when
 * the search opens, on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bench-catalog.h"
#include "bench-stats.h"
#include "roadmap-loader.h"
#include "roadmap-search.h"

#define N_TRACKS 20
#define N_PHASES 5
#define N_SKILLS 10000
#define DEFAULT_REPEATS 11

/* As typed: a word, two words, a word with an accent, nothing found */
static const char * const queries[] = {
  "pipeline", "stream cache", "Déploy", "no such skill",
};

static void
add_note (RoadmapSkill *skill,
          gpointer      user_data)
{
  guint *n = user_data;

  if ((*n)++ % 10 == 0)
    roadmap_skill_apply_note (skill, "Revisit this with the team’s notes from last week.");
}

static void
add_title (RoadmapSkill *skill,
           gpointer      user_data)
{
  g_ptr_array_add (user_data, (gpointer) roadmap_skill_get_title (skill));
}

static guint
floor_run (GPtrArray  *titles,
           const char *text)
{
  guint n = 0;

  for (guint i = 0; i < titles->len; i++)
    n += strstr (g_ptr_array_index (titles, i), text) != NULL;
  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-search-XXXXXX", NULL);
  g_autoptr(RoadmapCatalog) catalog = roadmap_catalog_new ();
  g_autoptr(RoadmapSearch) search = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GArray) search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  const char *repeats_env = g_getenv ("BENCH_REPEATS");
  guint repeats = repeats_env != NULL ? (guint) atoi (repeats_env) : DEFAULT_REPEATS;
  guint n_notes = 0;
  guint found = 0;
  double first_ms;

  if (!bench_catalog_write_dir (dir, N_TRACKS, N_PHASES, N_SKILLS, &error))
    g_error ("%s", error->message);
  folder = g_file_new_for_path (dir);
  if (!roadmap_loader_load_directory (catalog, folder, &error))
    g_error ("%s", error->message);
  bench_catalog_remove_dir (dir);
  g_assert_cmpuint (roadmap_catalog_get_n_skills (catalog), ==, N_SKILLS);
  roadmap_catalog_foreach_skill (catalog, add_note, &n_notes);
  roadmap_catalog_foreach_skill (catalog, add_title, titles);

  search = roadmap_search_new (catalog);
  {
    double start = bench_now_ms ();
    roadmap_search_prepare (search);
    first_ms = bench_now_ms () - start;
  }

  for (guint r = 0; r < MAX (repeats, 1); r++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      for (gsize len = 1; len <= strlen (queries[q]); len++)
        {
          g_autofree char *typed = g_strndup (queries[q], len);
          double start, search_time, floor_time;

          if (!g_utf8_validate (typed, -1, NULL))
            continue;   /* half a character: not a keystroke */

          start = bench_now_ms ();
          {
            g_autoptr(GPtrArray) skills = roadmap_search_run (search, typed);

            found += skills->len;
          }
          search_time = bench_now_ms () - start;
          start = bench_now_ms ();
          found += floor_run (titles, typed);
          floor_time = bench_now_ms () - start;

          g_array_append_val (search_ms, search_time);
          g_array_append_val (floor_ms, floor_time);
        }

  g_print ("bench-search: %u skills in %u tracks, %u notes; %u keystrokes (%u repeats of %u queries)\n",
           N_SKILLS, N_TRACKS, (n_notes + 9) / 10, search_ms->len, repeats, (guint) G_N_ELEMENTS (queries));
  g_print ("folding every skill (once):       %8.3f ms\n", first_ms);
  {
    double s = bench_median (search_ms), f = bench_median (floor_ms);

    g_print ("keystroke, median:                 %8.3f ms\n", s);
    g_print ("floor: strstr over titles, median: %8.3f ms\n", f);
    g_print ("ratio:                             %8.2fx\n", s / f);
  }
  g_print ("(%u found in all)\n", found);
  return EXIT_SUCCESS;
}

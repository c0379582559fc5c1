/* bench-data.c — the data layer against its floors, on synthetic catalogs
 * of 100, 1,000 and 10,000 skills (2, 4 and 20 tracks of 5 phases), and
 * of 10,000 skills in columns of about 10 and 1,100 cards.
 *
 * For each size, as medians over repeated runs, each next to a floor
 * measured in the same run on the same data:
 *  - loading the roadmap files into the model (roadmap_loader_load_directory)
 *    against json-glib parsing the same files, with no model built;
 *  - loading all progress into a fresh model (roadmap_store_load_progress)
 *    against a bare SELECT of the same rows (progress and notes), and
 *    next to the time it takes only to visit every skill of the model;
 *  - a durable move into the middle of another column
 *    (roadmap_session_move_skill, commit included), median and 99th
 *    percentile, against a bare INSERT OR REPLACE of one row with the
 *    same pragmas (WAL, synchronous=FULL): the fsync floor;
 * then how each grows from 1,000 to 10,000 skills.
 *
 *   bench-data                       run it (BENCH_REPEATS=N, default 11)
 *   bench-data --write-catalog DIR [TRACKS SKILLS]
 *                                    only write a synthetic catalog to DIR
 *                                    (default 20 tracks, 10,000 skills)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "bench-catalog.h"
#include "bench-stats.h"
#include "roadmap-loader.h"
#include "roadmap-session.h"
#include "roadmap-store.h"

#define N_PHASES        5
#define N_CHANGES       200
#define SORT_KEY_STEP   (G_GINT64_CONSTANT (1) << 32)
#define DEFAULT_REPEATS 11

typedef struct
{
  guint n_skills;
  guint n_tracks;
  guint n_phases;
  /* All of a phase in To-do, and the moves reorder it */
  gboolean one_column;
} Size;

/* The first three grow the catalog; the last two keep 10,000 skills and
 * change the length of a column: about 10 cards (a third of a phase of
 * 29), and 1,000 (a phase of 1,000, the most a roadmap may have, all in
 * To-do), where the third has 33. */
static const Size sizes[] = {
  { 100, 2, N_PHASES, FALSE },
  { 1000, 4, N_PHASES, FALSE },
  { 10000, 20, N_PHASES, FALSE },
  { 10000, 20, 17, FALSE },
  { 10000, 10, 1, TRUE },
};

static guint
cards_per_column (const Size *size)
{
  guint per_phase = size->n_skills / size->n_tracks / size->n_phases;

  return size->one_column ? per_phase : per_phase / ROADMAP_N_STATUSES;
}

typedef struct
{
  double load_model, load_floor;
  double progress, progress_floor, progress_walk;
  double change_p50, change_p99, change_floor_p50, change_floor_p99;
} Result;

static guint repeats = DEFAULT_REPEATS;

/* Helpers */

static double
percentile (GArray *samples,
            guint   percent)
{
  guint index;

  g_array_sort (samples, bench_compare_doubles);
  index = MIN (samples->len - 1, (samples->len * percent + 50) / 100);
  if (percent == 50)
    index = samples->len / 2;
  return g_array_index (samples, double, index);
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A plain connection with the store's pragmas and threading mode. */
static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  exec_or_die (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                   "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;");
  return db;
}

static RoadmapCatalog *
load_catalog (const char *dir)
{
  g_autoptr(RoadmapCatalog) catalog = roadmap_catalog_new ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  if (!roadmap_loader_load_directory (catalog, folder, &error))
    g_error ("%s", error->message);
  if (roadmap_catalog_get_load_errors (catalog)->len > 0)
    g_error ("%s", ((GError *) g_ptr_array_index (roadmap_catalog_get_load_errors (catalog), 0))->message);
  return g_steal_pointer (&catalog);
}

/* Every skill gets a row (bench_catalog_skill_progress(), dates where
 * the status has them) and every tenth a note, written in one
 * transaction straight into the store's tables. */
static void
fill_progress (const char *db_path,
               const Size *size)
{
  sqlite3 *db = open_raw (db_path);
  sqlite3_stmt *progress = NULL, *notes = NULL;
  guint per_track = size->n_skills / size->n_tracks;

  exec_or_die (db, "BEGIN");
  sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO progress (track_id, skill_id, status, sort_key,"
                          "  started_at, finished_at, updated_at, change)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
                      -1, &progress, NULL);
  sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO notes (track_id, skill_id, body, updated_at, change)"
                          " VALUES (?1, ?2, ?3, ?4, 1)", -1, &notes, NULL);

  for (guint t = 0; t < size->n_tracks; t++)
    {
      g_autofree char *track_id = bench_catalog_track_id (t);
      guint in_track = per_track + (t < size->n_skills % size->n_tracks ? 1 : 0);

      for (guint s = 0; s < in_track; s++)
        {
          g_autofree char *skill_id = bench_catalog_skill_id (s);
          guint status, position;

          bench_catalog_skill_progress (s, in_track, size->n_phases, &status, &position);
          if (size->one_column)
            status = 0, position = s;
          sqlite3_bind_text (progress, 1, track_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (progress, 2, skill_id, -1, SQLITE_STATIC);
          sqlite3_bind_int (progress, 3, (int) status);
          sqlite3_bind_int64 (progress, 4, (position + 1) * SORT_KEY_STEP);
          if (status > 0)
            sqlite3_bind_int64 (progress, 5, 1767225600 + s * 3600);
          else
            sqlite3_bind_null (progress, 5);
          if (status > 1)
            sqlite3_bind_int64 (progress, 6, 1767225600 + s * 3600 + 86400);
          else
            sqlite3_bind_null (progress, 6);
          sqlite3_bind_int64 (progress, 7, 1767225600);
          if (sqlite3_step (progress) != SQLITE_DONE)
            g_error ("%s", sqlite3_errmsg (db));
          sqlite3_reset (progress);

          if (s % 10 != 0)
            continue;
          sqlite3_bind_text (notes, 1, track_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (notes, 2, skill_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (notes, 3, "Reread the chapter on indexes; try the exercises again.", -1, SQLITE_STATIC);
          sqlite3_bind_int64 (notes, 4, 1767225600);
          if (sqlite3_step (notes) != SQLITE_DONE)
            g_error ("%s", sqlite3_errmsg (db));
          sqlite3_reset (notes);
        }
    }

  sqlite3_finalize (progress);
  sqlite3_finalize (notes);
  exec_or_die (db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE);");
  sqlite3_close (db);
}

/* Floors */

/* json-glib on the same files, in the same order, building nothing. */
static void
parse_only (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_build_filename (dir, name, NULL));
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (g_ptr_array_index (names, i), &contents, &length, &error) ||
          !json_parser_load_from_data (parser, contents, (gssize) length, &error))
        g_error ("%s", error->message);
    }
}

/* The rows roadmap_store_load_progress reads, read and dropped. */
static void
select_only (sqlite3 *db)
{
  static const char * const queries[] = {
    "SELECT track_id, skill_id, status, sort_key, started_at, finished_at, change FROM progress",
    "SELECT track_id, skill_id, body FROM notes WHERE change > 0",
  };
  volatile gint64 sink = 0;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;
      int n_columns;

      sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL);
      n_columns = sqlite3_column_count (stmt);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < n_columns; c++)
            {
              if (sqlite3_column_type (stmt, c) == SQLITE_TEXT)
                sink += sqlite3_column_text (stmt, c)[0];
              else
                sink += sqlite3_column_int64 (stmt, c);
            }
        }
      sqlite3_finalize (stmt);
    }
}

/* What any loader of progress must at least do besides reading the rows:
 * visit every skill of the model, here only to read its id. */
static void
read_id (RoadmapSkill *skill,
         gpointer      user_data)
{
  volatile gsize *sink = user_data;

  *sink += roadmap_skill_get_id (skill)[0];
}

static void
walk_only (RoadmapCatalog *catalog)
{
  volatile gsize sink = 0;

  roadmap_catalog_foreach_skill (catalog, read_id, (gpointer) &sink);
}

/* The measurements */

static void
bench_model_load (const char *dir,
                  Result     *result)
{
  g_autoptr(GArray) model = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));

  /* Warm the page cache and the type system. */
  g_object_unref (load_catalog (dir));
  parse_only (dir);

  for (guint r = 0; r < repeats; r++)
    {
      g_autoptr(RoadmapCatalog) catalog = NULL;
      double start;

      start = bench_now_ms ();
      parse_only (dir);
      g_array_append_vals (floor, (double[]) { bench_now_ms () - start }, 1);

      start = bench_now_ms ();
      catalog = load_catalog (dir);
      g_array_append_vals (model, (double[]) { bench_now_ms () - start }, 1);
    }

  result->load_model = percentile (model, 50);
  result->load_floor = percentile (floor, 50);
}

static void
bench_progress_load (const char   *dir,
                     RoadmapStore *store,
                     sqlite3      *raw,
                     Result       *result)
{
  g_autoptr(GArray) model = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) walk = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r <= repeats; r++)
    {
      /* A fresh model each time, as at start-up: every skill changes. The
       * walk gets its own, so that neither finds the other's objects in
       * the processor's caches. */
      g_autoptr(RoadmapCatalog) walked = load_catalog (dir);
      g_autoptr(RoadmapCatalog) catalog = load_catalog (dir);
      g_autoptr(GError) error = NULL;
      double start, floor_ms, walk_ms, model_ms;

      start = bench_now_ms ();
      select_only (raw);
      floor_ms = bench_now_ms () - start;

      start = bench_now_ms ();
      walk_only (walked);
      walk_ms = bench_now_ms () - start;

      start = bench_now_ms ();
      if (!roadmap_store_load_progress (store, catalog, &error))
        g_error ("%s", error->message);
      model_ms = bench_now_ms () - start;

      /* The first round only warms the caches. */
      if (r == 0)
        continue;
      g_array_append_val (floor, floor_ms);
      g_array_append_val (walk, walk_ms);
      g_array_append_val (model, model_ms);
    }

  result->progress = percentile (model, 50);
  result->progress_floor = percentile (floor, 50);
  result->progress_walk = percentile (walk, 50);
}

/* A move into the middle of another column (or of its own, for
 * one_column), through the session as the window's and the command line's, against a bare INSERT OR REPLACE of
 * one row with the same pragmas. */
static void
bench_move (RoadmapStore   *store,
            RoadmapCatalog *catalog,
            const char     *floor_db_path,
            const Size     *size,
            Result         *result)
{
  g_autoptr(GArray) model = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *raw = open_raw (floor_db_path);
  sqlite3_stmt *insert = NULL;
  guint per_track = size->n_skills / size->n_tracks;
  g_autoptr(RoadmapSession) session = roadmap_session_new_for_store (store, catalog);

  sqlite3_prepare_v2 (raw,
                      "INSERT OR REPLACE INTO progress (track_id, skill_id, status, sort_key,"
                      "  started_at, finished_at, updated_at, change)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                      -1, &insert, NULL);

  for (guint i = 0; i < N_CHANGES + 5; i++)
    {
      /* Skills spread over every track and phase. */
      g_autofree char *track_id = bench_catalog_track_id (i % size->n_tracks);
      g_autofree char *skill_id = bench_catalog_skill_id ((i * 7919) % per_track);
      RoadmapSkill *skill = roadmap_catalog_find_skill (catalog, track_id, skill_id);
      RoadmapStatus status = size->one_column ? ROADMAP_STATUS_TODO
                                              : (roadmap_skill_get_status (skill) + 1) % ROADMAP_N_STATUSES;
      GListModel *column = roadmap_phase_get_column (roadmap_skill_get_phase (skill), status);
      g_autoptr(RoadmapSkill) before = g_list_model_get_item (column, g_list_model_get_n_items (column) / 2);
      g_autoptr(GError) error = NULL;
      double start, floor_ms, model_ms;

      start = bench_now_ms ();
      sqlite3_bind_text (insert, 1, track_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, skill_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 3, (int) status);
      sqlite3_bind_int64 (insert, 4, (gint64) i * SORT_KEY_STEP);
      sqlite3_bind_int64 (insert, 5, 1767225600);
      sqlite3_bind_null (insert, 6);
      sqlite3_bind_int64 (insert, 7, 1767225600);
      sqlite3_bind_int64 (insert, 8, i);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (raw));
      sqlite3_reset (insert);
      floor_ms = bench_now_ms () - start;

      start = bench_now_ms ();
      if (!roadmap_session_move_skill (session, skill, status, before, &error))
        g_error ("%s", error->message);
      model_ms = bench_now_ms () - start;

      if (i < 5)
        continue;
      g_array_append_val (floor, floor_ms);
      g_array_append_val (model, model_ms);
    }

  sqlite3_finalize (insert);
  sqlite3_close (raw);

  result->change_p50 = percentile (model, 50);
  result->change_p99 = percentile (model, 99);
  result->change_floor_p50 = percentile (floor, 50);
  result->change_floor_p99 = percentile (floor, 99);
}

static void
run_size (const Size *size,
          Result     *result)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("roadmap-bench-XXXXXX", &error);
  g_autofree char *roadmaps = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *floor_db_path = NULL;
  g_autoptr(RoadmapCatalog) catalog = NULL;
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(RoadmapStore) floor_store = NULL;
  sqlite3 *raw;

  if (dir == NULL)
    g_error ("%s", error->message);
  roadmaps = g_build_filename (dir, "roadmaps", NULL);
  db_path = g_build_filename (dir, "progress.db", NULL);
  floor_db_path = g_build_filename (dir, "floor.db", NULL);
  g_mkdir (roadmaps, 0700);

  if (!bench_catalog_write_dir (roadmaps, size->n_tracks, size->n_phases, size->n_skills, &error))
    g_error ("%s", error->message);

  bench_model_load (roadmaps, result);

  /* Two databases of the same schema and contents: the store's, and the
   * one the bare INSERT writes to. */
  store = roadmap_store_open (db_path, &error);
  floor_store = roadmap_store_open (floor_db_path, &error);
  if (store == NULL || floor_store == NULL)
    g_error ("%s", error->message);
  g_clear_object (&floor_store);
  fill_progress (db_path, size);
  fill_progress (floor_db_path, size);

  raw = open_raw (db_path);
  bench_progress_load (roadmaps, store, raw, result);
  sqlite3_close (raw);

  catalog = load_catalog (roadmaps);
  if (!roadmap_store_load_progress (store, catalog, &error))
    g_error ("%s", error->message);
  bench_move (store, catalog, floor_db_path, size, result);

  g_clear_object (&store);
  bench_catalog_remove_dir (roadmaps);
  bench_catalog_remove_dir (dir);
}

static void
print_results (const Result *results)
{
  g_print ("\n%-8s %-7s  %-24s %-24s %-10s %-32s\n", "skills", "column", "model load (ms)", "progress load (ms)",
           "walk (ms)", "move (ms)");
  g_print ("%-8s %-7s  %-24s %-24s %-10s %-32s\n", "", "(cards)", "ours / parse = ratio", "ours / SELECT = ratio",
           "", "ours p50 (p99) / INSERT p50 (p99)");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      const Result *r = &results[i];
      g_autofree char *model = g_strdup_printf ("%.2f / %.2f = %.2fx", r->load_model, r->load_floor,
                                                r->load_model / r->load_floor);
      g_autofree char *progress = g_strdup_printf ("%.2f / %.2f = %.2fx", r->progress, r->progress_floor,
                                                   r->progress / r->progress_floor);
      g_autofree char *change = g_strdup_printf ("%.2f (%.2f) / %.2f (%.2f) = %.2fx",
                                                 r->change_p50, r->change_p99,
                                                 r->change_floor_p50, r->change_floor_p99,
                                                 r->change_p50 / r->change_floor_p50);

      if (r->load_floor > 0)
        g_print ("%-8u %-7u  %-24s %-24s %-10.2f %-32s\n", sizes[i].n_skills, cards_per_column (&sizes[i]),
               model, progress, r->progress_walk, change);
    }

  if (results[1].load_floor > 0 && results[2].load_floor > 0)
    g_print ("\ngrowth from 1,000 to 10,000 skills (10x is linear):\n"
           "  model load %.1fx (parse %.1fx), progress load %.1fx (SELECT %.1fx), "
           "move %.1fx (INSERT %.1fx)\n",
           results[2].load_model / results[1].load_model, results[2].load_floor / results[1].load_floor,
           results[2].progress / results[1].progress, results[2].progress_floor / results[1].progress_floor,
           results[2].change_p50 / results[1].change_p50,
           results[2].change_floor_p50 / results[1].change_floor_p50);
  g_print ("\nwalk: visiting every skill of a fresh model, reading only its id\n"
           "targets: model load <= 2x the parse, progress load <= 1.5x the SELECT, "
           "move <= 1.3x the INSERT at every column length\n");
}

static int
write_catalog (int   argc,
               char *argv[])
{
  g_autoptr(GError) error = NULL;
  guint n_tracks = argc > 3 ? (guint) atoi (argv[3]) : 20;
  guint n_skills = argc > 4 ? (guint) atoi (argv[4]) : 10000;

  if (argc < 3 || n_tracks == 0)
    {
      g_printerr ("usage: %s --write-catalog DIR [TRACKS SKILLS]\n", argv[0]);
      return 1;
    }
  if (g_mkdir_with_parents (argv[2], 0700) != 0 ||
      !bench_catalog_write_dir (argv[2], n_tracks, N_PHASES, n_skills, &error))
    {
      g_printerr ("%s: %s\n", argv[2], error != NULL ? error->message : g_strerror (errno));
      return 1;
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  Result results[G_N_ELEMENTS (sizes)] = { { 0, }, };
  const char *env = g_getenv ("BENCH_REPEATS");
  const char *only = g_getenv ("BENCH_ONLY");

  if (argc > 1 && g_str_equal (argv[1], "--write-catalog"))
    return write_catalog (argc, argv);

  if (env != NULL && atoi (env) > 0)
    repeats = (guint) atoi (env);

  g_print ("bench-data: medians of %u runs (moves: %u each); SQLite %s, json-glib %d.%d.%d\n",
           repeats, N_CHANGES, sqlite3_libversion (),
           JSON_MAJOR_VERSION, JSON_MINOR_VERSION, JSON_MICRO_VERSION);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      /* BENCH_ONLY=N: only the Nth size (from 1), to profile it */
      if (only != NULL && atoi (only) != (int) i + 1)
        continue;
      run_size (&sizes[i], &results[i]);
      g_print ("  %u skills in %u tracks of %u phases: done\n", sizes[i].n_skills, sizes[i].n_tracks,
               sizes[i].n_phases);
    }

  print_results (results);
  return 0;
}

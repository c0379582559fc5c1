/* bench-restore.c — Restore… of a 10,000-skill backup, against its floor
 *
 * The catalog: 20 generated roadmaps of 500 skills (bench-catalog.c).
 * Two backups of it, every skill with progress and every tenth with a
 * note, differing in every other skill's status, are restored in turn
 * into one database through the session, as the window does: a snapshot
 * of what is there (roadmap_progress_data_read), the preview's counts
 * (roadmap_session_preview_restore) and the restore itself
 * (roadmap_session_restore: one change, history rows, the model
 * reloaded). The floor, in the same run: the same rows written by bare
 * SQLite into a database with the same pragmas (WAL, synchronous=FULL),
 * all deleted and inserted again in one transaction. Medians over the
 * repeats.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-catalog.h"
#include "bench-stats.h"
#include "roadmap-loader.h"
#include "roadmap-session.h"

#define N_TRACKS 20
#define N_PHASES 5
#define N_SKILLS 10000
#define DEFAULT_REPEATS 11

typedef struct
{
  RoadmapProgressData *data;
  guint index;
  guint variant;
} Builder;

static void
add_entry (RoadmapSkill *skill,
           gpointer      user_data)
{
  Builder *builder = user_data;
  RoadmapProgressEntry entry = { 0, };
  guint i = builder->index++;

  entry.track_id = g_strdup (roadmap_track_get_id (roadmap_phase_get_track (roadmap_skill_get_phase (skill))));
  entry.skill_id = g_strdup (roadmap_skill_get_id (skill));
  entry.has_progress = TRUE;
  /* Every other skill changes column between the two backups */
  entry.status = (RoadmapStatus) ((i + (i % 2 == 0 ? builder->variant : 0)) % 3);
  entry.position = i;
  entry.started_at = entry.status != ROADMAP_STATUS_TODO ? 1767225600 + (gint64) i * 60 : ROADMAP_NO_TIME;
  entry.finished_at = entry.status == ROADMAP_STATUS_DONE ? entry.started_at + 3600 : ROADMAP_NO_TIME;
  entry.note = i % 10 == 0 ? g_strdup_printf ("Note %u: revisit with the study group.", i) : NULL;
  roadmap_progress_data_take_entry (builder->data, &entry);
}

static RoadmapProgressData *
make_backup (RoadmapCatalog *catalog,
             guint           variant)
{
  Builder builder = { roadmap_progress_data_new (), 0, variant };

  roadmap_catalog_foreach_skill (catalog, add_entry, &builder);
  return builder.data;
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The floor: the same rows replaced in one durable transaction */
static double
floor_write (sqlite3             *db,
             RoadmapProgressData *data)
{
  sqlite3_stmt *progress = NULL, *notes = NULL;
  double start = bench_now_ms ();

  exec_or_die (db, "BEGIN IMMEDIATE; DELETE FROM progress; DELETE FROM notes;");
  if (sqlite3_prepare_v2 (db, "INSERT INTO progress VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &progress, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO notes VALUES (?1, ?2, ?3)", -1, &notes, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  for (guint i = 0; i < roadmap_progress_data_get_n_entries (data); i++)
    {
      const RoadmapProgressEntry *entry = roadmap_progress_data_get_entry (data, i);

      sqlite3_bind_text (progress, 1, entry->track_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (progress, 2, entry->skill_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (progress, 3, entry->status);
      sqlite3_bind_int64 (progress, 4, entry->position);
      sqlite3_bind_int64 (progress, 5, entry->started_at);
      sqlite3_bind_int64 (progress, 6, entry->finished_at);
      if (sqlite3_step (progress) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_reset (progress);
      if (entry->note != NULL)
        {
          sqlite3_bind_text (notes, 1, entry->track_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (notes, 2, entry->skill_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (notes, 3, entry->note, -1, SQLITE_STATIC);
          if (sqlite3_step (notes) != SQLITE_DONE)
            g_error ("%s", sqlite3_errmsg (db));
          sqlite3_reset (notes);
        }
    }
  sqlite3_finalize (progress);
  sqlite3_finalize (notes);
  exec_or_die (db, "COMMIT;");
  return bench_now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-restore-XXXXXX", NULL);
  g_autofree char *roadmaps = g_build_filename (dir, "roadmaps", NULL);
  g_autofree char *db_path = g_build_filename (dir, "progress.db", NULL);
  g_autofree char *floor_path = g_build_filename (dir, "floor.db", NULL);
  g_autoptr(RoadmapCatalog) catalog = roadmap_catalog_new ();
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(RoadmapSession) session = NULL;
  RoadmapProgressData *backups[2];
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) read_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) preview_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) restore_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  const char *repeats_env = g_getenv ("BENCH_REPEATS");
  guint repeats = repeats_env != NULL ? (guint) atoi (repeats_env) : DEFAULT_REPEATS;
  sqlite3 *floor_db = NULL;
  guint n_statuses = 0;

  g_mkdir (roadmaps, 0700);
  if (!bench_catalog_write_dir (roadmaps, N_TRACKS, N_PHASES, N_SKILLS, &error))
    g_error ("%s", error->message);
  folder = g_file_new_for_path (roadmaps);
  if (!roadmap_loader_load_directory (catalog, folder, &error))
    g_error ("%s", error->message);
  g_assert_cmpuint (roadmap_catalog_get_n_skills (catalog), ==, N_SKILLS);

  store = roadmap_store_open (db_path, &error);
  if (store == NULL || !roadmap_store_load_progress (store, catalog, &error))
    g_error ("%s", error->message);
  session = roadmap_session_new_for_store (store, catalog);
  backups[0] = make_backup (catalog, 0);
  backups[1] = make_backup (catalog, 1);

  if (sqlite3_open (floor_path, &floor_db) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (floor_db));
  exec_or_die (floor_db,
               "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
               "CREATE TABLE progress (track_id TEXT, skill_id TEXT, status INTEGER, position INTEGER,"
               "  started_at INTEGER, finished_at INTEGER, PRIMARY KEY (track_id, skill_id));"
               "CREATE TABLE notes (track_id TEXT, skill_id TEXT, body TEXT, PRIMARY KEY (track_id, skill_id));");

  /* The first restore fills the empty database: not timed */
  if (!roadmap_session_restore (session, backups[1], "warm-up", &error))
    g_error ("%s", error->message);
  floor_write (floor_db, backups[1]);

  for (guint r = 0; r < MAX (repeats, 1) * 2; r++)
    {
      RoadmapProgressData *backup = backups[r % 2];
      g_autoptr(RoadmapProgressData) current = NULL;
      RoadmapProgressDiff diff;
      double start, elapsed;

      start = bench_now_ms ();
      current = roadmap_progress_data_read (store, &error);
      if (current == NULL)
        g_error ("%s", error->message);
      elapsed = bench_now_ms () - start;
      g_array_append_val (read_ms, elapsed);

      start = bench_now_ms ();
      if (!roadmap_session_preview_restore (session, backup, &diff, &error))
        g_error ("%s", error->message);
      elapsed = bench_now_ms () - start;
      g_array_append_val (preview_ms, elapsed);
      n_statuses = diff.n_statuses;

      start = bench_now_ms ();
      if (!roadmap_session_restore (session, backup, "bench", &error))
        g_error ("%s", error->message);
      elapsed = bench_now_ms () - start;
      g_array_append_val (restore_ms, elapsed);

      elapsed = floor_write (floor_db, backup);
      g_array_append_val (floor_ms, elapsed);
    }
  sqlite3_close (floor_db);

  g_print ("bench-restore: %u skills in %u tracks, each with progress, a note on every tenth;"
           " %u statuses change per restore; %u restores\n",
           N_SKILLS, N_TRACKS, n_statuses, restore_ms->len);
  {
    double restore = bench_median (restore_ms), floor = bench_median (floor_ms);

    g_print ("snapshot of the database, median:  %8.1f ms\n", bench_median (read_ms));
    g_print ("preview (snapshot + diff), median: %8.1f ms\n", bench_median (preview_ms));
    g_print ("restore (one change + reload):     %8.1f ms\n", restore);
    g_print ("floor: bare SQLite, same rows:     %8.1f ms\n", floor);
    g_print ("ratio:                             %8.2fx\n", restore / floor);
  }

  g_object_unref (backups[0]);
  g_object_unref (backups[1]);
  g_clear_object (&session);
  g_clear_object (&store);
  bench_catalog_remove_dir (roadmaps);
  {
    const char * const suffixes[] = { "", "-wal", "-shm", ".backup" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *a = g_strconcat (db_path, suffixes[i], NULL);
        g_autofree char *b = g_strconcat (floor_path, suffixes[i], NULL);

        g_unlink (a);
        g_unlink (b);
      }
  }
  g_rmdir (dir);
  return EXIT_SUCCESS;
}

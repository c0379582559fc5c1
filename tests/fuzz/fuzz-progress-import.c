/* fuzz-progress-import.c — libFuzzer target: any bytes as a progress file
 *
 * The input is written to a file and imported into a store in a private
 * temporary folder, with a small catalog loaded. One store serves every
 * input: the import is all-or-nothing, so a refused file leaves it as it
 * was, and an accepted one replaces everything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "roadmap-loader.h"
#include "roadmap-progress-file.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Two tracks, so that entries can name known and unknown skills. */
static const char * const roadmaps[] = {
  "{ \"format\": 1, \"id\": \"alpha\", \"title\": \"Alpha\", \"phases\": ["
  "  { \"id\": \"one\", \"title\": \"One\", \"skills\": ["
  "    { \"id\": \"a\", \"title\": \"A\" }, { \"id\": \"b\", \"title\": \"B\" },"
  "    { \"id\": \"c\", \"title\": \"C\" } ] },"
  "  { \"id\": \"two\", \"title\": \"Two\", \"skills\": ["
  "    { \"id\": \"d\", \"title\": \"D\" } ] } ] }",
  "{ \"format\": 1, \"id\": \"beta\", \"title\": \"Beta\", \"phases\": ["
  "  { \"id\": \"one\", \"title\": \"One\", \"skills\": ["
  "    { \"id\": \"a\", \"title\": \"A\" }, { \"id\": \"x\", \"title\": \"X\" } ] } ] }",
};

static char *dir;
static char *input_path;
static RoadmapStore *store;
static RoadmapCatalog *catalog;

static void
remove_dir (void)
{
  static const char * const names[] = {
    "input.json", "progress.db", "progress.db-wal", "progress.db-shm",
    "progress.db.backup", "progress.db.backup.tmp",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);

  g_clear_object (&store);
  g_clear_object (&catalog);
  g_clear_pointer (&input_path, g_free);
  g_clear_pointer (&dir, g_free);
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  const char *tmp;

  /* Every accepted import commits with synchronous=FULL: on tmpfs the
   * fsync costs nothing. */
  tmp = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0
          ? "/dev/shm" : g_get_tmp_dir ();
  dir = g_build_filename (tmp, "roadmap-fuzz-XXXXXX", NULL);
  if (g_mkdtemp (dir) == NULL)
    g_error ("Could not create a temporary folder in %s", tmp);
  input_path = g_build_filename (dir, "input.json", NULL);
  db_path = g_build_filename (dir, "progress.db", NULL);

  catalog = roadmap_catalog_new ();
  for (guint i = 0; i < G_N_ELEMENTS (roadmaps); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (roadmaps[i], strlen (roadmaps[i]));
      g_autoptr(RoadmapTrack) track = roadmap_loader_load_bytes (bytes, "fuzz", &error);

      g_assert_no_error (error);
      g_assert_true (roadmap_catalog_add_track (catalog, track, &error));
    }

  store = roadmap_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (roadmap_store_load_progress (store, catalog, &error));

  atexit (remove_dir);
}

/* The model agrees with itself after every import: each phase's columns
 * hold dense positions 0…n-1. */
static void
check_catalog (void)
{
  guint n_tracks = g_list_model_get_n_items (G_LIST_MODEL (catalog));

  for (guint t = 0; t < n_tracks; t++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), t);
      GListModel *phases = roadmap_track_get_phases (track);

      for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
        {
          g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);
          GListModel *skills = roadmap_phase_get_skills (phase);
          guint n = g_list_model_get_n_items (skills);
          guint seen[ROADMAP_N_STATUSES] = { 0, };
          guint64 position_sum[ROADMAP_N_STATUSES] = { 0, };

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(RoadmapSkill) skill = g_list_model_get_item (skills, i);
              RoadmapStatus status = roadmap_skill_get_status (skill);

              g_assert_cmpuint (status, <, ROADMAP_N_STATUSES);
              g_assert_cmpuint (roadmap_skill_get_position (skill), <, n);
              seen[status]++;
              position_sum[status] += roadmap_skill_get_position (skill);
            }
          for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
            {
              g_assert_cmpuint (seen[s], ==, roadmap_phase_get_n_with_status (phase, s));
              g_assert_cmpuint (position_sum[s], ==, (guint64) seen[s] * (seen[s] - (seen[s] > 0)) / 2);
            }
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (store == NULL)
    set_up ();

  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, &error))
    g_error ("Could not write %s: %s", input_path, error->message);

  file = g_file_new_for_path (input_path);
  if (!roadmap_progress_file_import (store, file, ROADMAP_ORIGIN_COMMAND_LINE, 0, &error) ||
      !roadmap_store_load_progress (store, catalog, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == ROADMAP_STORE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  check_catalog ();
  return 0;
}

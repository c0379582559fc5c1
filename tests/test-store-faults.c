/* test-store-faults.c — I/O errors at every write and sync of a change
 *
 * Through the "faulty" VFS (faulty-vfs.c), the Nth write or sync of a
 * change fails, for N = 1, 2, 3, … until the change goes through without
 * meeting the fault. Every attempt must be all or nothing: a failed change
 * leaves the model and, after reopening with the default VFS, the database
 * as they were, with the error saying why; a change that succeeded is on
 * disk. The changes: a move, a note, ticked topics, an undo of one and
 * an import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "faulty-vfs.h"
#include "roadmap-command-group.h"
#include "roadmap-move-command.h"
#include "roadmap-progress-file.h"
#include "roadmap-reset-track.h"
#include "roadmap-restore-command.h"
#include "roadmap-topic-command.h"
#include "store-test-util.h"

#define MAX_ATTEMPTS 500

typedef gboolean (*Operation) (RoadmapStore    *store,
                               RoadmapCatalog  *catalog,
                               GError         **error);

typedef struct
{
  const char *name;
  FaultyVfsFault fault;
  gboolean persistent;
  RoadmapStoreError code;
} Fault;

typedef struct
{
  const char *name;
  Operation operation;
  /* Run before the fault is armed (may be NULL) */
  Operation prepare;
} Change;

typedef struct
{
  const Fault *fault;
  const Change *change;
} Case;

static const Fault faults[] = {
  { "write-ioerr", FAULTY_VFS_FAULT_WRITE_IOERR, FALSE, ROADMAP_STORE_ERROR_IO },
  { "write-ioerr-persistent", FAULTY_VFS_FAULT_WRITE_IOERR, TRUE, ROADMAP_STORE_ERROR_IO },
  { "write-full", FAULTY_VFS_FAULT_WRITE_FULL, FALSE, ROADMAP_STORE_ERROR_DISK_FULL },
  { "write-full-persistent", FAULTY_VFS_FAULT_WRITE_FULL, TRUE, ROADMAP_STORE_ERROR_DISK_FULL },
  { "sync", FAULTY_VFS_FAULT_SYNC, FALSE, ROADMAP_STORE_ERROR_IO },
  { "sync-persistent", FAULTY_VFS_FAULT_SYNC, TRUE, ROADMAP_STORE_ERROR_IO },
};

/* Changes */

static gboolean
move_skill (RoadmapStore    *store,
            RoadmapCatalog  *catalog,
            GError         **error)
{
  /* Into the middle of Doing: several rows change */
  return store_test_move_skill (store, store_test_skill (catalog, "alpha", "c"),
                                   ROADMAP_STATUS_DOING, 1, error);
}

static gboolean
skip_skill (RoadmapStore    *store,
            RoadmapCatalog  *catalog,
            GError         **error)
{
  /* Doing → Skipped: the start stays, the counts change */
  return store_test_move_skill (store, store_test_skill (catalog, "alpha", "e"),
                                ROADMAP_STATUS_SKIPPED, 0, error);
}

static gboolean
count_skipped (RoadmapStore    *store,
               RoadmapCatalog  *catalog,
               GError         **error)
{
  return store_test_set_count_skipped_as_done (store, catalog, TRUE, error);
}

/* Reset Track: every skill of alpha back to To-do, the note removed: many
 * rows in one change, all or nothing */
static gboolean
reset_track (RoadmapStore    *store,
             RoadmapCatalog  *catalog,
             GError         **error)
{
  g_autoptr(RoadmapCommand) reset = roadmap_reset_track_command_new (roadmap_catalog_find_track (catalog, "alpha"),
                                                                     TRUE);

  return roadmap_session_run (store_test_session (store, catalog), reset, error);
}

/* Several cards picked and moved together (the board's selection): one
 * group of moves, all or nothing */
static gboolean
move_several (RoadmapStore    *store,
              RoadmapCatalog  *catalog,
              GError         **error)
{
  g_autoptr(RoadmapCommand) group = roadmap_command_group_new ("Moved 3 skills to Done");
  const char * const ids[] = { "a", "c", "d" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(RoadmapCommand) move = roadmap_move_command_new_status (store_test_skill (catalog, "alpha", ids[i]),
                                                                        ROADMAP_STATUS_DONE);

      roadmap_command_group_add (ROADMAP_COMMAND_GROUP (group), move);
    }
  return roadmap_session_run (store_test_session (store, catalog), group, error);
}

static gboolean
set_note (RoadmapStore    *store,
          RoadmapCatalog  *catalog,
          GError         **error)
{
  g_autoptr(GString) note = g_string_new ("Replaced: ");

  /* Longer than a page, so that it takes several writes */
  for (guint i = 0; i < 600; i++)
    g_string_append_printf (note, "line %u; ", i);

  return store_test_set_note (store, store_test_skill (catalog, "alpha", "d"), note->str, error);
}

/* Two topics ticked off in one change, and one unticked */
static gboolean
tick_topics (RoadmapStore    *store,
             RoadmapCatalog  *catalog,
             GError         **error)
{
  RoadmapSkill *skill = store_test_skill (catalog, "alpha", "c");
  g_autoptr(RoadmapCommand) command = roadmap_topic_command_new ();

  roadmap_topic_command_add (ROADMAP_TOPIC_COMMAND (command), skill, 0, TRUE);
  roadmap_topic_command_add (ROADMAP_TOPIC_COMMAND (command), skill, 1, FALSE);
  roadmap_topic_command_add (ROADMAP_TOPIC_COMMAND (command), skill, 2, TRUE);
  return roadmap_session_run (store_test_session (store, catalog), command, error);
}

/* Something for the undo to undo: a topic of the session's own */
static gboolean
tick_third (RoadmapStore    *store,
          RoadmapCatalog  *catalog,
          GError         **error)
{
  return store_test_set_topic_done (store, store_test_skill (catalog, "alpha", "c"), 2, TRUE, error);
}

static gboolean
undo_topic (RoadmapStore    *store,
            RoadmapCatalog  *catalog,
            GError         **error)
{
  RoadmapCommand *command = NULL;

  if (!roadmap_session_undo (store_test_session (store, catalog), &command, error))
    {
      g_assert_null (command);
      return FALSE;
    }

  g_assert_true (ROADMAP_IS_TOPIC_COMMAND (command));
  return TRUE;
}

static gboolean
undo (RoadmapStore    *store,
      RoadmapCatalog  *catalog,
      GError         **error)
{
  RoadmapSkill *undone = NULL;

  if (!store_test_undo (store, catalog, &undone, error))
    {
      g_assert_null (undone);
      return FALSE;
    }

  g_assert_true (undone == store_test_skill (catalog, "alpha", "h"));
  return TRUE;
}

/* Something for the undo to undo: a move of the session's own */
static gboolean
move_h (RoadmapStore    *store,
        RoadmapCatalog  *catalog,
        GError         **error)
{
  return store_test_move_skill (store, store_test_skill (catalog, "alpha", "h"),
                                ROADMAP_STATUS_DONE, 0, error);
}

static gboolean
import (RoadmapStore    *store,
        RoadmapCatalog  *catalog,
        GError         **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "store",
                                                 "progress-unknown-track.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return store_test_import (store, catalog, file, error);
}

/* The restore of import(), undone: all rows back in one change */
static gboolean
undo_import (RoadmapStore    *store,
             RoadmapCatalog  *catalog,
             GError         **error)
{
  RoadmapCommand *command = NULL;

  if (!roadmap_session_undo (store_test_session (store, catalog), &command, error))
    {
      g_assert_null (command);
      return FALSE;
    }

  g_assert_true (ROADMAP_IS_RESTORE_COMMAND (command));
  return TRUE;
}

static const Change changes[] = {
  { "move", move_skill, NULL },
  { "skip", skip_skill, NULL },
  { "count-skipped", count_skipped, NULL },
  { "reset-track", reset_track, NULL },
  { "move-several", move_several, NULL },
  { "note", set_note, NULL },
  { "undo", undo, move_h },
  { "topics", tick_topics, NULL },
  { "undo-topic", undo_topic, tick_third },
  { "import", import, NULL },
  { "undo-import", undo_import, import },
};

/* Helpers */

static void
move (RoadmapStore   *store,
      RoadmapCatalog *catalog,
      const char     *skill_id,
      RoadmapStatus   status,
      guint           position)
{
  g_autoptr(GError) error = NULL;

  store_test_move_skill (store, store_test_skill (catalog, "alpha", skill_id), status, position, &error);
  g_assert_no_error (error);
}

/* Where make_base() keeps its copy of the database */
static char *
base_path (StoreFixture *fixture)
{
  return g_build_filename (fixture->dir, "base.db", NULL);
}

/* Some progress, a note and moves to undo, in a closed database, and a
 * copy of it to start every attempt from. */
static void
make_base (StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapStore) store = roadmap_store_open (fixture->db_path, &error);
  g_autoptr(RoadmapCatalog) catalog = store_test_small_catalog ();
  g_autofree char *base = base_path (fixture);
  g_autoptr(GFile) source = g_file_new_for_path (fixture->db_path);
  g_autoptr(GFile) destination = g_file_new_for_path (base);
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);

  g_assert_no_error (error);
  roadmap_store_load_progress (store, catalog, &error);
  g_assert_no_error (error);

  move (store, catalog, "a", ROADMAP_STATUS_DOING, 0);
  move (store, catalog, "e", ROADMAP_STATUS_DOING, 1);
  move (store, catalog, "b", ROADMAP_STATUS_DONE, 0);
  move (store, catalog, "h", ROADMAP_STATUS_DOING, 0);
  store_test_set_note (store, store_test_skill (catalog, "alpha", "d"), "old note", &error);
  g_assert_no_error (error);
  store_test_set_topic_done (store, store_test_skill (catalog, "alpha", "c"), 1, TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Closed cleanly: everything is in the main file */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
restore_base (StoreFixture *fixture)
{
  g_autofree char *base = base_path (fixture);
  g_autoptr(GFile) source = g_file_new_for_path (base);
  g_autoptr(GFile) destination = g_file_new_for_path (fixture->db_path);
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->db_path, "-shm", NULL);
  g_autoptr(GError) error = NULL;

  g_unlink (wal);
  g_unlink (shm);
  g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static RoadmapStore *
open_faulty (const char      *db_path,
             RoadmapCatalog **catalog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapStore) store = roadmap_store_open_full (db_path, FAULTY_VFS_NAME, 1000, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  *catalog = store_test_small_catalog ();
  roadmap_store_load_progress (store, *catalog, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

/* The base database, made and closed; the store is not open */
static void
fixture_setup (StoreFixture  *fixture,
               gconstpointer  data)
{
  store_fixture_set_up (fixture, data);
  make_base (fixture);
}

/* The base database, open with the faulty VFS (not armed yet) */
static void
fixture_setup_faulty (StoreFixture  *fixture,
                      gconstpointer  data)
{
  fixture_setup (fixture, data);
  fixture->store = open_faulty (fixture->db_path, &fixture->catalog);
  store_test_session (fixture->store, fixture->catalog);
}

/* The move and the note, on a disk that is fine */
static void
move_and_set_note (StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (move_skill (fixture->store, fixture->catalog, &error));
  g_assert_no_error (error);
  g_assert_true (set_note (fixture->store, fixture->catalog, &error));
  g_assert_no_error (error);
}

/* Once the store is closed: the default VFS sees a sound database, with
 * the progress of @model */
static void
assert_reopens_as (StoreFixture *fixture,
                   const char   *model)
{
  g_autofree char *reopened = NULL;

  store_test_assert_integrity (fixture->db_path);
  reopened = store_test_describe_reopened (fixture->db_path, FALSE);
  g_assert_cmpstr (reopened, ==, model);
}

/* Tests */

static void
test_fault (StoreFixture  *fixture,
            gconstpointer  data)
{
  const Case *test_case = data;
  const Fault *fault = test_case->fault;
  const char *db_path = fixture->db_path;
  guint n_failed = 0;
  guint n;

  for (n = 1; n < MAX_ATTEMPTS; n++)
    {
      g_autoptr(RoadmapStore) store = NULL;
      g_autoptr(RoadmapCatalog) catalog = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *model_before = NULL;
      g_autofree char *model_after = NULL;
      g_autofree char *db_before = NULL;
      g_autofree char *db_after = NULL;
      g_autofree char *reopened = NULL;
      gboolean succeeded;
      guint n_hits;

      restore_base (fixture);
      store = open_faulty (db_path, &catalog);
      /* The changes go through one session, which has the history */
      store_test_session (store, catalog);
      if (test_case->change->prepare != NULL)
        {
          g_assert_true (test_case->change->prepare (store, catalog, &error));
          g_assert_no_error (error);
        }
      model_before = store_test_describe_catalog (catalog);
      db_before = store_test_describe_db (db_path);

      faulty_vfs_arm (fault->fault, n, fault->persistent);
      succeeded = test_case->change->operation (store, catalog, &error);
      n_hits = faulty_vfs_get_n_hits ();
      g_test_message ("attempt %u: %s after %u writes, %u syncs, %u faults%s%s", n,
                      succeeded ? "succeeded" : "failed",
                      faulty_vfs_get_n_writes (), faulty_vfs_get_n_syncs (), n_hits,
                      error != NULL ? ": " : "", error != NULL ? error->message : "");
      faulty_vfs_disarm ();

      model_after = store_test_describe_catalog (catalog);
      if (succeeded)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (model_after, !=, model_before);
        }
      else
        {
          /* Only the fault can make it fail; the error says why and where */
          g_assert_cmpuint (n_hits, >, 0);
          g_assert_error (error, ROADMAP_STORE_ERROR, (int) fault->code);
          g_assert_nonnull (strstr (error->message, db_path));
          /* … and the model did not change */
          g_assert_cmpstr (model_after, ==, model_before);
          n_failed++;
        }

      /* Closing with the fault gone; then the default VFS sees a sound
       * database with either all of the change or none of it */
      store_test_forget_sessions ();
      g_clear_object (&store);
      store_test_assert_integrity (db_path);
      db_after = store_test_describe_db (db_path);
      reopened = store_test_describe_reopened (db_path, FALSE);

      if (succeeded)
        {
          g_assert_cmpstr (db_after, !=, db_before);
          g_assert_cmpstr (reopened, ==, model_after);
        }
      else
        {
          g_assert_cmpstr (db_after, ==, db_before);
          g_assert_cmpstr (reopened, ==, model_before);
        }

      if (succeeded && n_hits == 0)
        break;
    }

  g_assert_cmpuint (n, <, MAX_ATTEMPTS);
  /* The first write or sync of a change is essential: the fault was met */
  g_assert_cmpuint (n_failed, >, 0);
  g_test_message ("%s with %s: %u of %u attempts failed", test_case->change->name, fault->name,
                  n_failed, n);
}

/* After an I/O error the same store keeps working: the change can be
 * retried, and further changes are durable. */
static void
test_retry (StoreFixture  *fixture,
            gconstpointer  data)
{
  const Fault *fault = data;
  RoadmapStore *store = fixture->store;
  RoadmapCatalog *catalog = fixture->catalog;
  g_autoptr(GError) error = NULL;
  g_autofree char *model_before = store_test_describe_catalog (catalog);
  g_autofree char *model_after = NULL;

  faulty_vfs_arm (fault->fault, 1, fault->persistent);
  g_assert_false (move_skill (store, catalog, &error));
  g_assert_error (error, ROADMAP_STORE_ERROR, (int) fault->code);
  g_clear_error (&error);
  if (!fault->persistent)
    faulty_vfs_arm (fault->fault, 1, FALSE);
  g_assert_false (set_note (store, catalog, &error));
  g_assert_error (error, ROADMAP_STORE_ERROR, (int) fault->code);
  g_clear_error (&error);
  faulty_vfs_disarm ();

  model_after = store_test_describe_catalog (catalog);
  g_assert_cmpstr (model_after, ==, model_before);

  /* The disk is fine again */
  move_and_set_note (fixture);
  move (store, catalog, "f", ROADMAP_STATUS_DONE, 0);
  move (store, catalog, "g", ROADMAP_STATUS_DOING, 0);
  {
    RoadmapSkill *undone = NULL;

    g_assert_true (store_test_undo (store, catalog, &undone, &error));
    g_assert_no_error (error);
    g_assert_true (undone == store_test_skill (catalog, "alpha", "g"));
  }

  g_clear_pointer (&model_after, g_free);
  model_after = store_test_describe_catalog (catalog);
  store_fixture_close (fixture);

  assert_reopens_as (fixture, model_after);
}

/* A fault while closing (the final checkpoint) loses nothing that was
 * committed: it is still in the write-ahead log. */
static void
test_close (StoreFixture  *fixture,
            gconstpointer  data)
{
  const Fault *fault = data;
  g_autofree char *model = NULL;

  move_and_set_note (fixture);
  model = store_test_describe_catalog (fixture->catalog);

  faulty_vfs_arm (fault->fault, 1, fault->persistent);
  store_fixture_close (fixture);
  g_test_message ("closing: %u writes, %u syncs, %u faults",
                  faulty_vfs_get_n_writes (), faulty_vfs_get_n_syncs (), faulty_vfs_get_n_hits ());
  faulty_vfs_disarm ();

  assert_reopens_as (fixture, model);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  faulty_vfs_register ();

  for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
    {
      for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
        {
          g_autofree char *path = g_strdup_printf ("/store/faults/%s/%s", changes[c].name, faults[f].name);
          Case *test_case = g_new0 (Case, 1);

          test_case->change = &changes[c];
          test_case->fault = &faults[f];
          g_ptr_array_add (cases, test_case);
          g_test_add (path, StoreFixture, test_case, fixture_setup, test_fault, store_fixture_tear_down);
        }
    }

  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    {
      g_autofree char *retry = g_strdup_printf ("/store/faults/retry/%s", faults[f].name);
      g_autofree char *close = g_strdup_printf ("/store/faults/close/%s", faults[f].name);

      g_test_add (retry, StoreFixture, &faults[f], fixture_setup_faulty, test_retry, store_fixture_tear_down);
      g_test_add (close, StoreFixture, &faults[f], fixture_setup_faulty, test_close, store_fixture_tear_down);
    }

  return g_test_run ();
}

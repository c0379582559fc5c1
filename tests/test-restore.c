/* test-restore.c — Back up and Restore: what a restore would change,
 * counted before it is applied; applied as one change and one undo step;
 * a backup carries everything into a fresh database; the daily backups
 * beside the database are kept for seven days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "roadmap-progress-file.h"
#include "roadmap-session.h"
#include "store-test-util.h"

typedef SessionFixture Fixture;

static void
set_status (RoadmapSession *session,
            const char     *skill_id,
            RoadmapStatus   status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_status (session, store_test_session_skill (session, "backend-developer", skill_id), status,
                                             &error));
  g_assert_no_error (error);
}

static void
set_note (RoadmapSession *session,
          const char     *skill_id,
          const char     *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_note (session, store_test_session_skill (session, "backend-developer", skill_id), note, &error));
  g_assert_no_error (error);
}

static void
tick (RoadmapSession *session,
      const char     *skill_id,
      guint           index)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_topic_done (session, store_test_session_skill (session, "backend-developer", skill_id), index,
                                                 TRUE, &error));
  g_assert_no_error (error);
}

/* Progress of every kind: statuses, a note, a ticked topic, a preference */
static void
make_progress (RoadmapSession *session)
{
  g_autoptr(GError) error = NULL;

  set_status (session, "python-sql", ROADMAP_STATUS_DONE);
  set_status (session, "database-design", ROADMAP_STATUS_DOING);
  set_status (session, "api-development", ROADMAP_STATUS_SKIPPED);
  set_note (session, "python-sql", "Finished the course");
  set_note (session, "database-design", "Normal forms next");
  tick (session, "database-design", 0);
  g_assert_true (roadmap_session_set_count_skipped_as_done (session, TRUE, &error));
  g_assert_no_error (error);
}

static RoadmapProgressData *
read_session (RoadmapSession *session)
{
  g_autoptr(GError) error = NULL;
  RoadmapProgressData *data = roadmap_progress_data_read (roadmap_session_get_store (session), &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

/* What the session holds, as the file Back up… writes */
static RoadmapProgressData *
back_up (RoadmapSession *session,
         const char     *dir)
{
  g_autofree char *path = g_build_filename (dir, "backup.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RoadmapProgressData *data;

  g_assert_true (roadmap_session_export_progress (session, file, &error));
  g_assert_no_error (error);
  data = roadmap_progress_file_read (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static RoadmapSession *
open_fresh (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return store_test_open_session (path);
}

/* Tests */

/* The counts the preview dialog shows, before anything is written */
static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RoadmapSession) other = open_fresh (fixture->dir, "other.db");
  g_autoptr(RoadmapProgressData) backup = NULL;
  g_autoptr(RoadmapProgressData) before = NULL;
  g_autoptr(RoadmapProgressData) after = NULL;
  g_autoptr(GError) error = NULL;
  RoadmapProgressDiff diff = { 0, };

  make_progress (fixture->session);
  backup = back_up (fixture->session, fixture->dir);

  /* The other database: one status the same, one different, one only
   * here (back to To-do); one note the same, one replaced, one removed */
  set_status (other, "python-sql", ROADMAP_STATUS_DONE);
  set_status (other, "database-design", ROADMAP_STATUS_DONE);
  set_status (other, "full-scale-project", ROADMAP_STATUS_DOING);
  set_note (other, "python-sql", "Finished the course");
  set_note (other, "database-design", "Something else");
  set_note (other, "full-scale-project", "Only here");
  before = read_session (other);

  g_assert_true (roadmap_session_preview_restore (other, backup, &diff, &error));
  g_assert_no_error (error);
  /* database-design Done → Doing, api-development → Skipped,
   * full-scale-project → To-do */
  g_assert_cmpuint (diff.n_statuses, ==, 3);
  g_assert_cmpuint (diff.n_notes, ==, 2);
  g_assert_cmpuint (diff.n_topics, ==, 1);
  g_assert_cmpuint (diff.n_preferences, ==, 1);

  /* A preview writes nothing */
  after = read_session (other);
  g_assert_true (roadmap_progress_data_equal (before, after));

  /* Restoring what is there already changes nothing */
  g_clear_object (&after);
  after = read_session (fixture->session);
  g_assert_true (roadmap_session_preview_restore (fixture->session, after, &diff, &error));
  g_assert_cmpuint (diff.n_statuses + diff.n_notes + diff.n_topics + diff.n_preferences + diff.n_other, ==, 0);
}

/* Applied in one step, seen by the board and by another process; undone
 * and redone in one step each */
static void
test_restore_undo (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RoadmapSession) other = open_fresh (fixture->dir, "other.db");
  g_autoptr(RoadmapSession) reader = NULL;
  g_autoptr(RoadmapProgressData) backup = NULL;
  g_autoptr(RoadmapProgressData) before = NULL;
  g_autoptr(RoadmapProgressData) now = NULL;
  RoadmapCommand *undone = NULL;
  g_autoptr(GError) error = NULL;
  RoadmapSkill *python = store_test_session_skill (other, "backend-developer", "python-sql");

  make_progress (fixture->session);
  backup = back_up (fixture->session, fixture->dir);
  set_status (other, "full-scale-project", ROADMAP_STATUS_DOING);
  set_note (other, "python-sql", "Mine");
  before = read_session (other);

  g_assert_true (roadmap_session_restore (other, backup, "backup.json", &error));
  g_assert_no_error (error);

  /* The board, at once */
  g_assert_cmpint (roadmap_skill_get_status (python), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpstr (roadmap_skill_get_note (python), ==, "Finished the course");
  g_assert_true (roadmap_skill_get_topic_done (store_test_session_skill (other, "backend-developer", "database-design"), 0));
  g_assert_cmpint (roadmap_skill_get_status (store_test_session_skill (other, "backend-developer", "full-scale-project")), ==,
                   ROADMAP_STATUS_TODO);
  g_assert_true (roadmap_catalog_get_count_skipped_as_done (roadmap_session_get_catalog (other)));

  /* The database, as another process reads it */
  reader = store_test_open_session (roadmap_session_get_db_path (other));
  now = read_session (reader);
  g_assert_true (roadmap_progress_data_equal (now, backup));

  /* One step back */
  g_assert_true (roadmap_session_undo (other, &undone, &error));
  g_assert_no_error (error);
  g_assert_nonnull (undone);
  g_clear_object (&now);
  now = read_session (other);
  g_assert_true (roadmap_progress_data_equal (now, before));
  g_assert_cmpstr (roadmap_skill_get_note (python), ==, "Mine");
  g_assert_cmpint (roadmap_skill_get_status (python), ==, ROADMAP_STATUS_TODO);
  g_assert_false (roadmap_catalog_get_count_skipped_as_done (roadmap_session_get_catalog (other)));

  g_assert_true (roadmap_session_redo (other, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&now);
  now = read_session (other);
  g_assert_true (roadmap_progress_data_equal (now, backup));
}

/* Another process changed progress after the restore: undoing it would
 * throw that change away, so the undo is refused and nothing changes */
static void
test_undo_after_outside_change (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(RoadmapSession) other = open_fresh (fixture->dir, "other.db");
  g_autoptr(RoadmapSession) terminal = NULL;
  g_autoptr(RoadmapProgressData) backup = NULL;
  g_autoptr(RoadmapProgressData) before = NULL;
  g_autoptr(RoadmapProgressData) after = NULL;
  g_autoptr(GError) error = NULL;

  make_progress (fixture->session);
  backup = back_up (fixture->session, fixture->dir);
  g_assert_true (roadmap_session_restore (other, backup, "backup.json", &error));
  g_assert_no_error (error);

  terminal = store_test_open_session (roadmap_session_get_db_path (other));
  set_status (terminal, "full-scale-project", ROADMAP_STATUS_DONE);
  before = read_session (terminal);

  g_assert_false (roadmap_session_undo (other, NULL, &error));
  g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE);
  after = read_session (terminal);
  g_assert_true (roadmap_progress_data_equal (before, after));
}

/* Everything a learner made reaches a fresh database: through the file
 * Back up… writes, and through a daily backup beside the database */
static void
test_fresh_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RoadmapProgressData) original = NULL;
  g_autoptr(RoadmapProgressData) from_file = NULL;
  g_autoptr(RoadmapProgressData) from_daily = NULL;
  g_autoptr(RoadmapProgressData) restored = NULL;
  g_autoptr(RoadmapSession) fresh = open_fresh (fixture->dir, "fresh.db");
  g_autoptr(RoadmapSession) second = open_fresh (fixture->dir, "second.db");
  g_autoptr(RoadmapSession) reopened = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  RoadmapSkill *python;

  make_progress (fixture->session);
  original = read_session (fixture->session);
  g_assert_cmpuint (roadmap_progress_data_get_n_entries (original), ==, 3);
  g_assert_cmpint (roadmap_progress_data_get_preference (original, ROADMAP_PREFERENCE_COUNT_SKIPPED_AS_DONE), ==, 1);

  from_file = back_up (fixture->session, fixture->dir);
  g_assert_true (roadmap_progress_data_equal (from_file, original));
  g_assert_true (roadmap_session_restore (fresh, from_file, "backup.json", &error));
  g_assert_no_error (error);

  /* Reopened, as the next start of the app sees it */
  reopened = store_test_open_session (roadmap_session_get_db_path (fresh));
  restored = read_session (reopened);
  g_assert_true (roadmap_progress_data_equal (restored, original));
  python = store_test_session_skill (reopened, "backend-developer", "python-sql");
  g_assert_cmpstr (roadmap_skill_get_note (python), ==, "Finished the course");
  g_assert_nonnull (roadmap_skill_get_finished_at (python));
  g_assert_true (roadmap_catalog_get_count_skipped_as_done (roadmap_session_get_catalog (reopened)));

  /* The daily copy is taken when a store opens; this one is the start's */
  g_clear_object (&reopened);
  g_clear_object (&fresh);
  backups = roadmap_store_list_backups (roadmap_session_get_store (fixture->session));
  g_assert_cmpuint (backups->len, >=, 1);
  from_daily = roadmap_progress_data_read_backup (g_ptr_array_index (backups, 0), &error);
  g_assert_no_error (error);
  g_assert_nonnull (from_daily);
  /* Taken before the progress was made */
  g_assert_cmpuint (roadmap_progress_data_get_n_entries (from_daily), ==, 0);
  g_assert_true (roadmap_session_restore (second, from_daily, "daily", &error));
  g_assert_no_error (error);
}

/* A track's limit on cards in Doing: kept in the database, seen by
 * another process and by a track loaded later, carried by a backup and
 * turned off by restoring one from before it was set */
static void
test_wip_limit (Fixture       *fixture,
                gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  RoadmapTrack *track = roadmap_catalog_find_track (catalog, "backend-developer");
  g_autoptr(RoadmapProgressData) before = read_session (fixture->session);
  g_autoptr(RoadmapProgressData) with_limit = NULL;
  g_autoptr(RoadmapSession) other = NULL;
  g_autoptr(RoadmapTrack) later = roadmap_track_new ("later", "Later");
  g_autoptr(GError) error = NULL;
  RoadmapProgressDiff diff;

  g_assert_cmpuint (roadmap_track_get_wip_limit (track), ==, 0);
  g_assert_true (roadmap_session_set_wip_limit (fixture->session, track, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (roadmap_track_get_wip_limit (track), ==, 3);

  other = store_test_open_session (fixture->db_path);
  g_assert_cmpuint (roadmap_track_get_wip_limit (roadmap_catalog_find_track (roadmap_session_get_catalog (other),
                                                                             "backend-developer")), ==, 3);
  g_assert_cmpuint (roadmap_track_get_wip_limit (roadmap_catalog_find_track (roadmap_session_get_catalog (other),
                                                                             "data-engineer")), ==, 0);

  /* A limit for a track not loaded yet reaches it when it is */
  g_assert_true (roadmap_session_set_wip_limit (fixture->session, later, 5, &error));
  g_assert_no_error (error);
  g_clear_object (&other);
  other = store_test_open_session (fixture->db_path);
  g_assert_true (roadmap_catalog_add_track (roadmap_session_get_catalog (other), later, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (roadmap_track_get_wip_limit (later), ==, 5);

  /* The snapshot from before: both limits go, in one step */
  with_limit = read_session (fixture->session);
  g_assert_cmpint (roadmap_progress_data_get_preference (with_limit, "wip-limit/backend-developer"), ==, 3);
  g_assert_true (roadmap_session_preview_restore (fixture->session, before, &diff, &error));
  g_assert_cmpuint (diff.n_preferences, ==, 2);
  g_assert_true (roadmap_session_restore (fixture->session, before, "the backup of yesterday", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (roadmap_track_get_wip_limit (track), ==, 0);

  g_assert_true (roadmap_session_undo (fixture->session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (roadmap_track_get_wip_limit (track), ==, 3);
}

/* A track's plan travels with a backup: through the file into a fresh
 * database; restoring a backup from before it removes it, Undo brings it
 * back; a backup file without plans (written before they were kept)
 * leaves them as they are */
static void
test_plans (Fixture       *fixture,
            gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  RoadmapTrack *track = roadmap_catalog_find_track (catalog, "backend-developer");
  g_autoptr(RoadmapProgressData) before = read_session (fixture->session);
  g_autoptr(RoadmapProgressData) from_file = NULL;
  g_autoptr(RoadmapPlan) plan = store_test_plan ("2026-01-05", 4, 0);
  g_autoptr(RoadmapSession) fresh = open_fresh (fixture->dir, "fresh.db");
  g_autoptr(RoadmapSession) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_path = g_build_filename (fixture->dir, "old.json", NULL);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  RoadmapProgressDiff diff;

  g_assert_true (roadmap_session_set_plan (fixture->session, track, plan, &error));
  g_assert_no_error (error);
  from_file = back_up (fixture->session, fixture->dir);
  g_assert_true (roadmap_plan_equal (roadmap_progress_data_get_plan (from_file, "backend-developer"), plan));

  /* Into a fresh database, seen after a restart */
  g_assert_true (roadmap_session_preview_restore (fresh, from_file, &diff, &error));
  g_assert_cmpuint (diff.n_plans, ==, 1);
  g_assert_true (roadmap_session_restore (fresh, from_file, "backup.json", &error));
  g_assert_no_error (error);
  reopened = store_test_open_session (roadmap_session_get_db_path (fresh));
  g_assert_true (roadmap_plan_equal (roadmap_track_get_plan (roadmap_catalog_find_track (
                                       roadmap_session_get_catalog (reopened), "backend-developer")), plan));

  /* The snapshot from before the plan: removed, and back by Undo */
  g_assert_true (roadmap_session_restore (fixture->session, before, "the backup of yesterday", &error));
  g_assert_no_error (error);
  g_assert_null (roadmap_track_get_plan (track));
  g_assert_true (roadmap_session_undo (fixture->session, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_plan_equal (roadmap_track_get_plan (track), plan));

  /* A format 2 file says nothing of plans: the plan stays */
  g_assert_true (g_file_set_contents (old_path,
                                      "{ \"format\": 2, \"kind\": \"roadmap-progress\", \"skills\": [] }",
                                      -1, NULL));
  g_assert_true (roadmap_session_import_progress (fixture->session, old_file, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_plan_equal (roadmap_track_get_plan (track), plan));
}

#define OWN_ROADMAP \
  "{ \"format\": 1, \"id\": \"rust-dev\", \"title\": \"Rust Developer\",\n" \
  "  \"phases\": [ { \"id\": \"basics\", \"title\": \"Basics\", \"months\": [1, 2],\n" \
  "    \"skills\": [ { \"id\": \"ownership\", \"title\": \"Ownership\" },\n" \
  "                { \"id\": \"traits\", \"title\": \"Traits\" } ] } ] }\n"

static char *
own_roadmap_path (RoadmapSession *session,
                  const char     *name)
{
  return g_build_filename (g_file_peek_path (roadmap_session_get_user_roadmap_dir (session)), name, NULL);
}

/* The learner's own roadmap files travel with a backup: the file holds
 * them, a restore into a folder without them adds them (the track is on
 * the board at once, its progress with it), one with other contents is
 * replaced, Undo puts the folder back; a folder that lacks nothing
 * counts nothing */
static void
test_own_roadmaps (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = own_roadmap_path (fixture->session, "rust.json");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(RoadmapSession) session = NULL;
  g_autoptr(RoadmapProgressData) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  RoadmapProgressDiff diff;
  RoadmapSkill *ownership;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, OWN_ROADMAP, -1, NULL));
  session = store_test_open_session (fixture->db_path);
  ownership = roadmap_catalog_find_skill (roadmap_session_get_catalog (session), "rust-dev", "ownership");
  g_assert_nonnull (ownership);
  g_assert_true (roadmap_session_set_status (session, ownership, ROADMAP_STATUS_DOING, &error));
  g_assert_no_error (error);

  backup = back_up (session, fixture->dir);
  g_assert_cmpuint (roadmap_progress_data_get_n_roadmaps (backup), ==, 1);
  g_assert_cmpstr (roadmap_progress_data_get_roadmap (backup, 0)->file_name, ==, "rust.json");
  g_assert_cmpstr (roadmap_progress_data_get_roadmap (backup, 0)->track_id, ==, "rust-dev");
  g_assert_true (roadmap_session_preview_restore (session, backup, &diff, &error));
  g_assert_cmpuint (diff.n_roadmaps_added + diff.n_roadmaps_replaced, ==, 0);

  /* Lost: the file, and the progress */
  g_clear_object (&session);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_unlink (fixture->db_path);
  {
    g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);

    g_unlink (wal);
  }
  session = store_test_open_session (fixture->db_path);
  g_assert_null (roadmap_catalog_find_track (roadmap_session_get_catalog (session), "rust-dev"));

  g_assert_true (roadmap_session_preview_restore (session, backup, &diff, &error));
  g_assert_cmpuint (diff.n_roadmaps_added, ==, 1);
  g_assert_cmpuint (diff.n_roadmaps_replaced, ==, 0);
  g_assert_true (roadmap_session_restore (session, backup, "backup.json", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, OWN_ROADMAP);
  ownership = roadmap_catalog_find_skill (roadmap_session_get_catalog (session), "rust-dev", "ownership");
  g_assert_nonnull (ownership);
  g_assert_cmpint (roadmap_skill_get_status (ownership), ==, ROADMAP_STATUS_DOING);

  /* Undo: the added file goes again, the track with it */
  g_assert_true (roadmap_session_undo (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (roadmap_catalog_find_track (roadmap_session_get_catalog (session), "rust-dev"));

  /* Edited since: the restore replaces it, Undo puts the edit back */
  g_assert_true (g_file_set_contents (path, "{ \"format\": 1 }", -1, NULL));
  g_assert_true (roadmap_session_preview_restore (session, backup, &diff, &error));
  g_assert_cmpuint (diff.n_roadmaps_replaced, ==, 1);
  g_assert_true (roadmap_session_restore (session, backup, "backup.json", &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, OWN_ROADMAP);
  g_assert_true (roadmap_session_undo (session, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{ \"format\": 1 }");

  /* Changed elsewhere after the restore: Undo refuses */
  g_assert_true (roadmap_session_redo (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "{ \"format\": 1, \"edited\": true }", -1, NULL));
  g_assert_false (roadmap_session_undo (session, NULL, &error));
  g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE);
}

/* A roadmap folder that cannot be written (a file in its place): the
 * restore fails whole, the database untouched */
static void
test_own_roadmaps_unwritable (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = own_roadmap_path (fixture->session, "rust.json");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(RoadmapProgressData) backup = NULL;
  g_autoptr(RoadmapProgressData) before = NULL;
  g_autoptr(RoadmapProgressData) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, OWN_ROADMAP, -1, NULL));
  backup = back_up (fixture->session, fixture->dir);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));
  set_status (fixture->session, "python-sql", ROADMAP_STATUS_DONE);
  before = read_session (fixture->session);

  g_assert_false (roadmap_session_restore (fixture->session, backup, "backup.json", &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  after = read_session (fixture->session);
  g_assert_true (roadmap_progress_data_equal (before, after));
  g_assert_cmpint (roadmap_skill_get_status (store_test_session_skill (fixture->session, "backend-developer", "python-sql")), ==,
                   ROADMAP_STATUS_DONE);
}

/* A progress file whose @member is @value is refused, saying @message */
static void
assert_refused (const char *dir,
                const char *member,
                const char *value,
                const char *message)
{
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *json = g_strdup_printf ("{ \"format\": 3, \"kind\": \"roadmap-progress\","
                                           " \"%s\": %s, \"skills\": [] }", member, value);
  g_autoptr(RoadmapProgressData) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  read = roadmap_progress_file_read (file, &error);
  g_assert_null (read);
  g_assert_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_INVALID);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);
}

/* Plans a file cannot hold are refused, each saying where */
static void
test_bad_plans (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct
  {
    const char *plans;
    const char *message;
  } cases[] = {
    { "[ { \"track\": \"backend-developer\", \"start\": \"2026-02-30\", \"months\": 4 } ]",
      "plans[0]: “2026-02-30” is not a day (YYYY-MM-DD)" },
    { "[ { \"track\": \"backend-developer\", \"start\": \"2026-01-05\", \"months\": 7 } ]",
      "plans[0]: a plan takes either months (3 to 6) or hours a week (1 to 168)" },
    { "[ { \"track\": \"backend-developer\", \"start\": \"2026-01-05\", \"months\": 4, \"hours_per_week\": 6 } ]",
      "plans[0]: a plan takes either" },
    { "[ { \"track\": \"backend-developer\", \"start\": \"2026-01-05\", \"hours_per_week\": 0 } ]",
      "plans[0].hours_per_week: expected a whole number above 0" },
    { "[ { \"track\": \"Backend\", \"start\": \"2026-01-05\", \"months\": 4 } ]",
      "plans[0]: “Backend” is not a valid track id" },
    { "[ { \"track\": \"a\", \"start\": \"2026-01-05\", \"months\": 4 },"
      "  { \"track\": \"a\", \"start\": \"2026-02-05\", \"months\": 5 } ]",
      "plans[1]: the track “a” has a plan already" },
    { "{ }", "plans: expected a list of plans" },
    { "[ 3 ]", "plans[0]: expected an object" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (fixture->dir, "plans", cases[i].plans, cases[i].message);
}

/* Roadmap files a backup cannot carry are refused, each saying where */
static void
test_bad_roadmaps (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct
  {
    const char *roadmaps;
    const char *message;
  } cases[] = {
    { "[ { \"file\": \"../escape.json\", \"text\": \"{}\" } ]",
      "roadmaps[0]: “../escape.json” is not a roadmap file’s name (NAME.json)" },
    { "[ { \"file\": \".hidden.json\", \"text\": \"{}\" } ]", "is not a roadmap file’s name" },
    { "[ { \"file\": \"notes.txt\", \"text\": \"{}\" } ]", "is not a roadmap file’s name" },
    { "[ { \"file\": \"a.json\", \"text\": \"{ \\\"format\\\": 1 }\" } ]", "roadmaps[0]: " },
    { "[ { \"file\": \"a.json\" } ]", "roadmaps[0].text: this required member is missing" },
    { "[ { \"file\": \"a.json\", \"text\": 3 } ]", "roadmaps[0].text: expected a string" },
    { "3", "roadmaps: expected a list of roadmaps" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (fixture->dir, "roadmaps", cases[i].roadmaps, cases[i].message);
}

/* A file that is not a Roadmap database is refused, and says which */
static void
test_not_a_backup (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "other.sqlite", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(RoadmapProgressData) data_read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x);", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&db, sqlite3_close);
  data_read = roadmap_progress_data_read_backup (path, &error);
  g_assert_null (data_read);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "other.sqlite"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "not a database", -1, NULL));
  data_read = roadmap_progress_data_read_backup (text, &error);
  g_assert_null (data_read);
  g_assert_nonnull (error);
}

/* Sets the time a file was taken to @days_ago days before now */
static void
age_file (const char *path,
          guint       days_ago)
{
  struct utimbuf times;

  times.actime = times.modtime = time (NULL) - (time_t) days_ago * 24 * 60 * 60;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* A week of starts, a day apart: seven copies kept, one per day, newest
 * first; a damaged database and a damaged newest copy are recovered from
 * the day before */
static void
test_daily_rotation (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (fixture->dir, "week.db", NULL);
  g_autofree char *backup_path = g_strconcat (db_path, ".backup", NULL);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  const guint n_days = ROADMAP_STORE_N_BACKUPS + 3;

  /* Each start copies the database as it was before the day's note; the
   * copy is then made to look a day older than the next start, and at
   * that start it is renamed after its day */
  for (guint day = 0; day < n_days; day++)
    {
      g_autoptr(RoadmapSession) session = store_test_open_session (db_path);
      g_autofree char *note = g_strdup_printf ("day %u", day);

      set_note (session, "python-sql", note);
      g_clear_object (&session);
      age_file (backup_path, n_days - day);
    }

  {
    g_autoptr(RoadmapStore) store = roadmap_store_open (db_path, &error);

    g_assert_no_error (error);
    backups = roadmap_store_list_backups (store);
  }
  g_assert_cmpuint (backups->len, ==, ROADMAP_STORE_N_BACKUPS);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, backup_path);
  for (guint i = 2; i < backups->len; i++)
    g_assert_cmpint (g_strcmp0 (g_ptr_array_index (backups, i - 1), g_ptr_array_index (backups, i)), >, 0);

  /* The database and its newest copy both damaged */
  {
    g_autoptr(RoadmapSession) session = NULL;
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autoptr(RoadmapProgressData) older = roadmap_progress_data_read_backup (g_ptr_array_index (backups, 1),
                                                                              &error);
    const char *recovered_note;

    g_assert_no_error (error);
    g_assert_cmpstr (roadmap_progress_data_get_entry (older, 0)->note, ==, "day 8");
    g_unlink (wal);
    g_assert_true (g_file_set_contents (db_path, "garbage, not a database at all; garbage", -1, NULL));
    g_assert_true (g_file_set_contents (backup_path, "garbage too, not a database either", -1, NULL));

    session = store_test_open_session (db_path);
    recovered_note = roadmap_skill_get_note (store_test_session_skill (session, "backend-developer", "python-sql"));
    g_assert_nonnull (recovered_note);
    g_assert_cmpstr (recovered_note, ==, roadmap_progress_data_get_entry (older, 0)->note);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The user's roadmap folder, a fresh one for each test */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, session_fixture_set_up, (func), session_fixture_tear_down)
  ADD ("/restore/preview", test_preview);
  ADD ("/restore/undo", test_restore_undo);
  ADD ("/restore/undo-after-outside-change", test_undo_after_outside_change);
  ADD ("/restore/fresh-database", test_fresh_database);
  ADD ("/restore/wip-limit", test_wip_limit);
  ADD ("/restore/plans", test_plans);
  ADD ("/restore/bad-plans", test_bad_plans);
  ADD ("/restore/own-roadmaps", test_own_roadmaps);
  ADD ("/restore/bad-roadmaps", test_bad_roadmaps);
  ADD ("/restore/own-roadmaps-unwritable", test_own_roadmaps_unwritable);
  ADD ("/restore/not-a-backup", test_not_a_backup);
  ADD ("/restore/daily-rotation", test_daily_rotation);
#undef ADD

  return g_test_run ();
}

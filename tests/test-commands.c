/* test-commands.c — the session's commands: one change each, decided on
 * disk, reported, undone and redone as one step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-command-group.h"
#include "roadmap-move-command.h"
#include "roadmap-session.h"
#include "store-test-util.h"

typedef struct
{
  StoreFixture store;
  RoadmapSession *session;
  gint64 clock;
  /* What the session reported: "done STEP" / "failed STEP" lines */
  GString *outcomes;
} Fixture;

static gint64
test_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static void
on_command_done (RoadmapSession     *session,
                 RoadmapCommand     *command,
                 RoadmapCommandStep  step,
                 Fixture            *fixture)
{
  g_autofree char *description = roadmap_command_describe (command, step);

  g_string_append_printf (fixture->outcomes, "done %u: %s\n", step, description);
}

static void
on_command_failed (RoadmapSession     *session,
                   RoadmapCommand     *command,
                   RoadmapCommandStep  step,
                   const GError       *error,
                   Fixture            *fixture)
{
  g_string_append_printf (fixture->outcomes, "failed %u\n", step);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  store_fixture_set_up (&fixture->store, data);
  store_fixture_open (&fixture->store);
  fixture->session = g_object_ref (store_test_session (fixture->store.store, fixture->store.catalog));
  fixture->clock = G_GINT64_CONSTANT (1767225600) * G_USEC_PER_SEC;
  roadmap_session_set_clock (fixture->session, test_clock, &fixture->clock);
  roadmap_session_set_origin (fixture->session, ROADMAP_ORIGIN_COMMAND_LINE);
  fixture->outcomes = g_string_new (NULL);
  g_signal_connect (fixture->session, "command-done", G_CALLBACK (on_command_done), fixture);
  g_signal_connect (fixture->session, "command-failed", G_CALLBACK (on_command_failed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->session, fixture);
  g_clear_object (&fixture->session);
  g_string_free (fixture->outcomes, TRUE);
  store_fixture_tear_down (&fixture->store, data);
}

static RoadmapSkill *
skill (Fixture    *fixture,
       const char *skill_id)
{
  return store_fixture_skill (&fixture->store, "alpha", skill_id);
}

static char *
column (Fixture       *fixture,
        RoadmapStatus  status)
{
  return store_test_describe_column (fixture->store.catalog, "alpha", "one", status);
}

#define assert_column(fixture, status, expected) \
  G_STMT_START { \
    g_autofree char *_column = column (fixture, status); \
    g_assert_cmpstr (_column, ==, expected); \
  } G_STMT_END

/* Several moves in one group: one transaction (one change number), one
 * report, one undo step, undone in reverse order */
static void
test_group (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RoadmapCommand) group = roadmap_command_group_new ("Moved three skills to Done");
  g_autoptr(RoadmapCommand) a = roadmap_move_command_new (skill (fixture, "a"), ROADMAP_STATUS_DONE, NULL);
  g_autoptr(RoadmapCommand) b = roadmap_move_command_new (skill (fixture, "b"), ROADMAP_STATUS_DONE, NULL);
  /* c lands before a, which the group put there first */
  g_autoptr(RoadmapCommand) c = roadmap_move_command_new (skill (fixture, "c"), ROADMAP_STATUS_DONE, skill (fixture, "a"));
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = NULL;
  RoadmapCommand *undone = NULL;

  roadmap_command_group_add (ROADMAP_COMMAND_GROUP (group), a);
  roadmap_command_group_add (ROADMAP_COMMAND_GROUP (group), b);
  roadmap_command_group_add (ROADMAP_COMMAND_GROUP (group), c);

  g_assert_true (roadmap_session_run (fixture->session, group, &error));
  g_assert_no_error (error);
  assert_column (fixture, ROADMAP_STATUS_DONE, "c a b");
  assert_column (fixture, ROADMAP_STATUS_TODO, "d e");
  g_assert_cmpstr (fixture->outcomes->str, ==, "done 0: Moved three skills to Done\n");

  db = store_test_sqlite_open (fixture->store.db_path);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(DISTINCT change) FROM history"), ==, 1);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM history WHERE origin = 2"), ==, 3);
  /* The session's clock, not the wall clock */
  g_assert_cmpint (store_test_query_int (db, "SELECT min(changed_at) FROM history"), ==, fixture->clock);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM progress WHERE finished_at = 1767225600"), ==, 3);

  g_assert_true (roadmap_session_undo (fixture->session, &undone, &error));
  g_assert_no_error (error);
  g_assert_true (undone == group);
  assert_column (fixture, ROADMAP_STATUS_DONE, "");
  assert_column (fixture, ROADMAP_STATUS_TODO, "a b c d e");
  g_assert_false (roadmap_session_can_undo (fixture->session));
  g_assert_cmpint (store_test_query_int (db, "SELECT count(DISTINCT change) FROM history"), ==, 2);

  g_assert_true (roadmap_session_redo (fixture->session, NULL, &error));
  g_assert_no_error (error);
  assert_column (fixture, ROADMAP_STATUS_DONE, "c a b");
  g_assert_cmpstr (fixture->outcomes->str, ==,
                   "done 0: Moved three skills to Done\n"
                   "done 1: Moved three skills to Done\n"
                   "done 2: Moved three skills to Done\n");

  /* The session knows its own rows: after another process's change, a
   * reload reads that one only */
  {
    g_autoptr(RoadmapStore) other_store = roadmap_store_open (fixture->store.db_path, &error);
    g_autoptr(RoadmapCatalog) other_catalog = store_test_small_catalog ();
    g_autoptr(RoadmapSession) other = NULL;
    guint n_changed = 0;

    g_assert_no_error (error);
    g_assert_true (roadmap_store_load_progress (other_store, other_catalog, &error));
    other = roadmap_session_new_for_store (other_store, other_catalog);
    g_assert_true (roadmap_session_set_status (other, store_test_skill (other_catalog, "alpha", "d"),
                                               ROADMAP_STATUS_DOING, &error));
    g_assert_true (roadmap_session_reload (fixture->session, &n_changed, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_changed, ==, 1);
    assert_column (fixture, ROADMAP_STATUS_DOING, "d");
  }
}

static gboolean
refusing_hook (RoadmapSession         *session,
               RoadmapCommand         *command,
               RoadmapCommandStep      step,
               RoadmapCommandContext  *context,
               GError                **error,
               gpointer                user_data)
{
  guint *n_calls = user_data;

  (*n_calls)++;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the outbox is full");
  return FALSE;
}

static gboolean
marking_hook (RoadmapSession         *session,
              RoadmapCommand         *command,
              RoadmapCommandStep      step,
              RoadmapCommandContext  *context,
              GError                **error,
              gpointer                user_data)
{
  RoadmapHistoryEntry entry = {
    .change = context->change, .kind = 63, .origin = context->origin,
    .track_id = (char *) "hook", .skill_id = (char *) "mark", .changed_at = context->now,
  };

  /* Inside the change's own transaction: its rows go or stay with it */
  return roadmap_store_write_history (context->store, &entry, NULL, NULL, error);
}

/* A hook runs inside each change; when it fails the whole change is
 * rolled back, the model is as before and the failure is reported. */
static void
test_hooks (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RoadmapSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = store_test_sqlite_open (fixture->store.db_path);
  g_autofree char *before = store_test_describe_db (fixture->store.db_path);
  g_autofree char *after = NULL;
  guint n_calls = 0;

  roadmap_session_add_hook (fixture->session, marking_hook, NULL);
  g_assert_true (roadmap_session_set_status (fixture->session, skill (fixture, "a"), ROADMAP_STATUS_DOING, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM history WHERE kind = 63"), ==, 1);
  g_assert_cmpint (store_test_query_int (db, "SELECT count(DISTINCT change) FROM history"), ==, 1);

  /* A second session, whose hook refuses */
  session = roadmap_session_new_for_store (fixture->store.store, fixture->store.catalog);
  roadmap_session_add_hook (session, refusing_hook, &n_calls);
  g_clear_pointer (&before, g_free);
  before = store_test_describe_db (fixture->store.db_path);
  g_assert_false (roadmap_session_set_status (session, skill (fixture, "b"), ROADMAP_STATUS_DONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (n_calls, ==, 1);
  after = store_test_describe_db (fixture->store.db_path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (roadmap_skill_get_status (skill (fixture, "b")), ==, ROADMAP_STATUS_TODO);
  g_assert_false (roadmap_session_can_undo (session));

  /* Nothing to change: no transaction written, no hook called */
  g_clear_error (&error);
  g_assert_true (roadmap_session_set_status (session, skill (fixture, "a"), ROADMAP_STATUS_DOING, &error));
  g_assert_cmpuint (n_calls, ==, 1);
}

/* A move whose target card left the column meanwhile: the database
 * decides, the card goes to the end of the column */
static void
test_target_moved_elsewhere (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(RoadmapStore) other_store = NULL;
  g_autoptr(RoadmapCatalog) other_catalog = store_test_small_catalog ();
  g_autoptr(RoadmapSession) other = NULL;
  g_autoptr(GError) error = NULL;

  store_fixture_move (&fixture->store, "alpha", "a", ROADMAP_STATUS_DOING, 0);
  store_fixture_move (&fixture->store, "alpha", "b", ROADMAP_STATUS_DOING, 1);
  assert_column (fixture, ROADMAP_STATUS_DOING, "a b");

  /* Another process takes b out of Doing; this model does not know yet */
  other_store = roadmap_store_open (fixture->store.db_path, &error);
  g_assert_no_error (error);
  g_assert_true (roadmap_store_load_progress (other_store, other_catalog, &error));
  other = roadmap_session_new_for_store (other_store, other_catalog);
  g_assert_true (roadmap_session_set_status (other, store_test_skill (other_catalog, "alpha", "b"),
                                             ROADMAP_STATUS_DONE, &error));

  /* "c just before b" in Doing: b is not there on disk, so c goes last */
  g_assert_true (roadmap_session_move_skill (fixture->session, skill (fixture, "c"), ROADMAP_STATUS_DOING,
                                             skill (fixture, "b"), &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_session_reload (fixture->session, NULL, &error));
  assert_column (fixture, ROADMAP_STATUS_DOING, "a c");
  assert_column (fixture, ROADMAP_STATUS_DONE, "b");
  g_assert_true (roadmap_session_can_undo (fixture->session));
}

/* A note that is not text (a noncharacter cairo cannot draw, an ESC a
 * terminal would obey) is refused with the reason; the database, the
 * model and the note before stay as they were. Line breaks, tabs and
 * CR LF are a note's own. */
static void
test_note_not_text (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct { const char *note; const char *says; } refused[] = {
    { "chapter 3 \xef\xbf\xbf done", "U+FFFF (character 11), which is not a character" },
    { "\xef\xb7\x90", "U+FDD0" },
    { "plane 16 \xf4\x8f\xbf\xbe", "U+10FFFE" },
    { "red \x1b[31m text", "control character U+001B" },
    { "bell\x07", "control character U+0007" },
    { "lone\rcarriage return", "control character U+000D" },
    { "c1 \xc2\x9b", "control character U+009B" },
  };
  const char *fine = "line one\r\nline two\n\tindented";
  g_autofree char *db_before = NULL;
  g_autofree char *model_before = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_note (fixture->session, skill (fixture, "a"), "before", &error));
  g_assert_no_error (error);
  db_before = store_test_describe_db (fixture->store.db_path);
  model_before = store_test_describe_catalog (fixture->store.catalog);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *db_after = NULL;
      g_autofree char *model_after = NULL;

      g_assert_false (roadmap_session_set_note (fixture->session, skill (fixture, "a"), refused[i].note, &error));
      g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_INVALID_TEXT);
      g_test_message ("refused: %s", error->message);
      if (strstr (error->message, refused[i].says) == NULL)
        g_error ("note %u: “%s” does not say “%s”", i, error->message, refused[i].says);
      g_clear_error (&error);

      g_assert_cmpstr (roadmap_skill_get_note (skill (fixture, "a")), ==, "before");
      db_after = store_test_describe_db (fixture->store.db_path);
      g_assert_cmpstr (db_after, ==, db_before);
      model_after = store_test_describe_catalog (fixture->store.catalog);
      g_assert_cmpstr (model_after, ==, model_before);
    }

  g_assert_true (roadmap_session_set_note (fixture->session, skill (fixture, "a"), fine, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (roadmap_skill_get_note (skill (fixture, "a")), ==, fine);
}

/* An undo whose skill is no longer loaded cannot succeed: it says so once
 * and leaves the list, and the older steps stay reachable. */
static void
test_undo_not_loaded (Fixture       *fixture,
                      gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  RoadmapSkill *beta = store_fixture_skill (&fixture->store, "beta", "y");
  g_autoptr(RoadmapTrack) beta_track = g_object_ref (roadmap_catalog_find_track (catalog, "beta"));
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_status (fixture->session, skill (fixture, "a"), ROADMAP_STATUS_DOING, &error));
  g_assert_true (roadmap_session_set_status (fixture->session, beta, ROADMAP_STATUS_DONE, &error));
  g_assert_no_error (error);

  g_assert_true (roadmap_catalog_remove_track (catalog, beta_track));
  g_assert_false (roadmap_session_undo (fixture->session, NULL, &error));
  g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_NOT_LOADED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* The older step is next, and works */
  g_assert_true (roadmap_session_can_undo (fixture->session));
  g_assert_true (roadmap_session_undo (fixture->session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (roadmap_skill_get_status (skill (fixture, "a")), ==, ROADMAP_STATUS_TODO);
  g_assert_false (roadmap_session_can_undo (fixture->session));
}

/* The window and the command line keep to the note length a progress
 * file allows: the longest is saved, one character more is refused. */
static void
test_note_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *longest = g_strnfill (ROADMAP_NOTE_MAX_LENGTH, 'n');
  g_autofree char *too_long = g_strnfill (ROADMAP_NOTE_MAX_LENGTH + 1, 'n');
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_note (fixture->session, skill (fixture, "a"), longest, &error));
  g_assert_no_error (error);
  g_assert_false (roadmap_session_set_note (fixture->session, skill (fixture, "a"), too_long, &error));
  g_assert_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_INVALID_TEXT);
  g_assert_nonnull (strstr (error->message, "100000"));
  g_assert_cmpstr (roadmap_skill_get_note (skill (fixture, "a")), ==, longest);
}

/* A card moved within its column says so, and so does its undo (it
 * never left the column). */
static void
test_reorder_described (Fixture       *fixture,
                        gconstpointer  data)
{
  RoadmapSkill *b = skill (fixture, "b");
  const char *title = roadmap_skill_get_title (b);
  g_autofree char *expected = g_strdup_printf ("done 0: Reordered %s in To-do\n"
                                               "done 1: Put %s back in its place in To-do\n"
                                               "done 2: Reordered %s in To-do\n",
                                               title, title, title);
  g_autoptr(GError) error = NULL;

  assert_column (fixture, ROADMAP_STATUS_TODO, "a b c d e");
  g_assert_true (roadmap_session_move_skill (fixture->session, b, ROADMAP_STATUS_TODO, skill (fixture, "a"), &error));
  g_assert_no_error (error);
  assert_column (fixture, ROADMAP_STATUS_TODO, "b a c d e");
  g_assert_true (roadmap_session_undo (fixture->session, NULL, &error));
  assert_column (fixture, ROADMAP_STATUS_TODO, "a b c d e");
  g_assert_true (roadmap_session_redo (fixture->session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->outcomes->str, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/commands/group", test_group);
  ADD ("/core/commands/hooks", test_hooks);
  ADD ("/core/commands/target-moved-elsewhere", test_target_moved_elsewhere);
  ADD ("/core/commands/note-not-text", test_note_not_text);
  ADD ("/core/commands/note-limit", test_note_limit);
  ADD ("/core/commands/undo-not-loaded", test_undo_not_loaded);
  ADD ("/core/commands/reorder-described", test_reorder_described);

  return g_test_run ();
}

/* test-outside-change.c — the window and the command line on one database
 * (run under Xvfb)
 *
 * The window stays open while `roadmap --set-status` runs in another
 * process, as a learner in a terminal would: the board shows the change
 * within a second, the window's next move does not revert it, and Undo
 * in the window undoes the window's own moves only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-board.h"
#include "roadmap-column.h"
#include "roadmap-store.h"
#include "ui-test-util.h"

static RoadmapSkill *
find_skill (UiFixture  *fixture,
            const char *skill_id)
{
  return ui_fixture_find_skill (fixture, "backend-developer", skill_id);
}

static RoadmapBoard *
get_board (UiFixture *fixture)
{
  return roadmap_window_get_board (fixture->window);
}

/* `roadmap --db DB --set-status backend-developer/SKILL=STATUS`, in a
 * process of its own */
static void
run_set_status (UiFixture  *fixture,
                const char *skill_id,
                const char *status)
{
  g_autofree char *argument = g_strdup_printf ("backend-developer/%s=%s", skill_id, status);
  const char *argv[] = { g_getenv ("ROADMAP_TEST_EXE"), "--db", fixture->db_path,
                         "--set-status", argument, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
}

typedef struct
{
  UiFixture *fixture;
  RoadmapSkill *skill;
  RoadmapStatus status;
} CardIn;

/* The card is on the board, in the column of @status */
static gboolean
card_is_in (gpointer data)
{
  CardIn *wanted = data;
  GtkWidget *column = roadmap_board_find_column (get_board (wanted->fixture),
                                                 roadmap_skill_get_phase (wanted->skill),
                                                 wanted->status);

  return column != NULL && roadmap_column_find_card (ROADMAP_COLUMN (column), wanted->skill) != NULL;
}

static void
assert_card_arrives (UiFixture     *fixture,
                     RoadmapSkill  *skill,
                     RoadmapStatus  status)
{
  CardIn wanted = { fixture, skill, status };

  /* The window looks twice a second; a second is what it promises */
  g_assert_true (ui_spin_until (card_is_in, &wanted, 1000));
}

/* The status on disk, read by a store of its own */
static RoadmapStatus
status_on_disk (UiFixture  *fixture,
                const char *skill_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapStore) store = roadmap_store_open (fixture->db_path, &error);
  g_autoptr(RoadmapSession) session = roadmap_session_new (fixture->db_path, NULL);
  RoadmapSkill *skill;
  RoadmapProgressRow row;

  g_assert_no_error (error);
  g_assert_true (roadmap_session_load_roadmaps (session, &error));
  skill = roadmap_catalog_find_skill (roadmap_session_get_catalog (session), "backend-developer", skill_id);
  g_assert_nonnull (skill);
  g_assert_true (roadmap_store_read_row (store, skill, &row, &error));
  g_assert_no_error (error);
  return row.status;
}

static void
activate (UiFixture  *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  ui_spin (50);
}

static void
on_command_failed (RoadmapSession     *session,
                   RoadmapCommand     *command,
                   RoadmapCommandStep  step,
                   const GError       *error,
                   GError            **failure)
{
  g_clear_error (failure);
  *failure = g_error_copy (error);
}

static void
test_command_line_change_shows (UiFixture     *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) failure = NULL;
  RoadmapSkill *python = find_skill (fixture, "python-sql");
  RoadmapSkill *design = find_skill (fixture, "database-design");
  RoadmapSkill *api = find_skill (fixture, "api-development");

  ui_fixture_open_window (fixture);
  g_assert_cmpstr (roadmap_track_get_id (roadmap_board_get_track (get_board (fixture))), ==,
                   "backend-developer");

  /* A terminal moves a card: the open board shows it */
  run_set_status (fixture, "python-sql", "done");
  assert_card_arrives (fixture, python, ROADMAP_STATUS_DONE);
  g_assert_cmpuint (roadmap_phase_get_n_with_status (roadmap_skill_get_phase (python), ROADMAP_STATUS_DONE), ==, 1);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "1 of 13 done"));

  /* The window's next move in that phase leaves it where the terminal put it */
  g_assert_true (roadmap_board_move_skill (get_board (fixture), design, ROADMAP_STATUS_DOING, NULL));
  g_assert_cmpint (status_on_disk (fixture, "python-sql"), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpint (status_on_disk (fixture, "database-design"), ==, ROADMAP_STATUS_DOING);

  /* The window moves api-development, then the terminal moves it again */
  g_assert_true (roadmap_board_move_skill (get_board (fixture), api, ROADMAP_STATUS_DOING, NULL));
  run_set_status (fixture, "api-development", "done");
  assert_card_arrives (fixture, api, ROADMAP_STATUS_DONE);

  /* Undo would overwrite the terminal's change: it says so (the toasts
   * listen to ::command-failed), and changes nothing */
  g_signal_connect (fixture->session, "command-failed", G_CALLBACK (on_command_failed), &failure);
  activate (fixture, "win.undo");
  g_assert_error (failure, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE);
  g_assert_nonnull (strstr (failure->message, "API Development"));
  g_signal_handlers_disconnect_by_data (fixture->session, &failure);
  /* … in a toast shown at once, before those of the earlier moves */
  ui_spin (300);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "was changed elsewhere meanwhile"));
  ui_save_png (GTK_WIDGET (fixture->window), "outside-change-wide.png");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  ui_spin (300);
  ui_save_png (GTK_WIDGET (fixture->window), "outside-change-narrow.png");
  g_assert_cmpint (status_on_disk (fixture, "api-development"), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpint (roadmap_skill_get_status (api), ==, ROADMAP_STATUS_DONE);

  /* The next undo is the window's own move before it */
  activate (fixture, "win.undo");
  g_assert_cmpint (roadmap_skill_get_status (design), ==, ROADMAP_STATUS_TODO);
  g_assert_cmpint (status_on_disk (fixture, "database-design"), ==, ROADMAP_STATUS_TODO);

  /* And none undoes the terminal's */
  g_assert_false (roadmap_session_can_undo (fixture->session));
  activate (fixture, "win.undo");
  g_assert_cmpint (status_on_disk (fixture, "python-sql"), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpint (roadmap_skill_get_status (python), ==, ROADMAP_STATUS_DONE);
}

/* A change elsewhere keeps the keyboard where it was */
static void
test_focus_kept (UiFixture     *fixture,
                 gconstpointer  data)
{
  RoadmapSkill *design = find_skill (fixture, "database-design");
  RoadmapSkill *api = find_skill (fixture, "api-development");
  GtkWidget *card;

  ui_fixture_present_window (fixture, 1280, 800);
  card = roadmap_board_find_card (get_board (fixture), design);
  gtk_widget_grab_focus (card);
  ui_spin (50);
  g_assert_true (gtk_widget_has_focus (card));

  run_set_status (fixture, "api-development", "doing");
  assert_card_arrives (fixture, api, ROADMAP_STATUS_DOING);
  g_assert_true (gtk_widget_has_focus (card));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)

  ADD ("/ui/outside-change/shows-and-stays", test_command_line_change_shows);
  ADD ("/ui/outside-change/focus-kept", test_focus_kept);

  return g_test_run ();
}

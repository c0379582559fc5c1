/* test-sync-ui.c — sync in the window (run under Xvfb): this process is
 * machine A, with the window, on a private D-Bus where its own Evolution
 * Data Server runs; machine B is the `roadmap` command on a database and
 * an EDS of its own; both sync with a real Radicale on loopback.
 *
 * Sync is turned on in Preferences → Sync; what B changes arrives on A's
 * board with one toast; what A changes, in the window or in a terminal,
 * goes by itself a few seconds later; the server down is said, with Try
 * Again; a window opened with sync on syncs once it is up; a conflict
 * shows its losing value in the skill's details, and Restore makes it
 * the value on both machines. Screenshots of Preferences → Sync, the
 * window and the details, wide and at 360 px, in the build folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "roadmap-board.h"
#include "roadmap-column.h"
#include "roadmap-conflict-group.h"
#include "roadmap-preferences-window.h"
#include "roadmap-skill-dialog.h"
#include "roadmap-store-sync.h"
#include "roadmap-sync-group.h"
#include "roadmap-sync-indicator.h"
#include "store-test-util.h"
#include "sync-test-util.h"
#include "ui-test-util.h"

#define TRACK "backend-developer"
#define SKILL "python-sql"
#define OTHER "database-design"
#define THIRD "api-development"
#define FOURTH "testing-ci-cd"
#define FIFTH "advanced-api-development"

static guint
count_rows (GtkWidget *widget)
{
  guint n = ADW_IS_ACTION_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

/* What a round may take, EDS's start included */
#define ROUND_TIMEOUT_MS 60000

/* One list on the server for the whole run: this process's session bus
 * is machine A's, from the start; the tests use skills of their own */
static char *test_dir;
static SyncServer *server;
static SyncMachine *machine_a;
static SyncMachine *machine_b;

/* `roadmap --db DB ARGS…` beside the window, on its database: 0 or fails */
static void
run_on_window_db (UiFixture  *fixture,
                  const char *first,
                  ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("ROADMAP_TEST_EXE"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, fixture->db_path);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, sync_machine_get_envp (machine_a),
                G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("roadmap %s failed: %s", first, err);
}

static void
run_on_b (const char *first,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list list;

  va_start (list, first);
  for (arg = first; arg != NULL; arg = va_arg (list, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (list);
  g_ptr_array_add (args, NULL);
  if (sync_machine_runv (machine_b, (const char * const *) args->pdata, &out, &err) != 0)
    g_error ("roadmap %s failed on B: %s%s", first, out, err);
}

/* The status on B, as --list prints it */
static char *
status_on_b (const char *skill_id)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (sync_machine_run (machine_b, &out, NULL, "--list", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", 5);

      if (g_strv_length (columns) == 5 && g_str_equal (columns[0], TRACK) &&
          g_str_equal (columns[2], skill_id))
        return g_strdup (columns[3]);
    }
  g_assert_not_reached ();
}

typedef struct
{
  UiFixture *fixture;
  RoadmapSkill *skill;
  RoadmapStatus status;
} CardIn;

/* On the board, in the column of @status */
static gboolean
card_is_in (gpointer data)
{
  CardIn *wanted = data;
  RoadmapBoard *board = roadmap_window_get_board (wanted->fixture->window);
  GtkWidget *column = roadmap_board_find_column (board, roadmap_skill_get_phase (wanted->skill),
                                                 wanted->status);

  return column != NULL && roadmap_column_find_card (ROADMAP_COLUMN (column), wanted->skill) != NULL;
}

static void
assert_card_arrives (UiFixture     *fixture,
                     const char    *skill_id,
                     RoadmapStatus  status)
{
  CardIn wanted = { fixture, ui_fixture_find_skill (fixture, TRACK, skill_id), status };

  if (!ui_spin_until (card_is_in, &wanted, ROUND_TIMEOUT_MS))
    g_error ("%s did not arrive in %s", skill_id, roadmap_status_to_string (status));
}

/* B syncs until it has @status for @skill_id: A's round goes by itself */
static void
assert_b_gets (const char *skill_id,
               const char *status)
{
  gint64 end = g_get_monotonic_time () + ROUND_TIMEOUT_MS * 1000;

  for (;;)
    {
      g_autofree char *now = NULL;

      ui_spin (500);
      sync_machine_sync_ok (machine_b);
      now = status_on_b (skill_id);
      if (g_str_equal (now, status))
        return;
      if (g_get_monotonic_time () > end)
        g_error ("B still has %s in %s, not %s", skill_id, now, status);
    }
}

static gboolean
has_label (gpointer data)
{
  gpointer *args = data;

  return ui_find_label (args[0], args[1]) != NULL;
}

static GtkWidget *
wait_for_label (GtkWidget  *root,
                const char *text)
{
  gpointer args[] = { root, (gpointer) text };

  if (!ui_spin_until (has_label, args, ROUND_TIMEOUT_MS))
    g_error ("No “%s” was shown", text);
  return ui_find_label (root, text);
}

static void
click_label (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = ui_find_label_exact (root, text);
  GtkWidget *button;

  g_assert_nonnull (label);
  button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
widget_is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
widget_is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
lists_arrived (gpointer data)
{
  GtkWidget *combo = ui_find_child (data, ADW_TYPE_COMBO_ROW);

  return combo != NULL && g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (combo))) > 0;
}

/* Waits for the lists, then picks the one whose name has @name */
static void
choose_list (GtkWidget  *group,
             const char *name)
{
  GtkWidget *combo = ui_find_child (group, ADW_TYPE_COMBO_ROW);
  GListModel *names;

  if (!ui_spin_until (lists_arrived, group, ROUND_TIMEOUT_MS))
    g_error ("No task lists: %s", adw_action_row_get_subtitle (ADW_ACTION_ROW (combo)));
  names = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) != NULL)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
        return;
      }
  g_error ("No task list “%s”", name);
}

static GtkWindow *
open_sync_preferences (UiFixture *fixture)
{
  GtkWindow *preferences;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-sync-preferences", NULL));
  ui_spin (100);
  preferences = ui_find_toplevel (ROADMAP_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences)), ==, "sync");
  return preferences;
}

/* Before GTK: the bus the window's worker finds EDS on, A's */
static void
start_machines (void)
{
  g_autofree char *list = NULL;
  char **envp;

  test_dir = store_test_make_dir ();
  server = sync_server_start (test_dir);
  list = sync_server_make_list (server);
  machine_a = sync_machine_new (test_dir, "a", server, list);
  machine_b = sync_machine_new (test_dir, "b", server, list);
  envp = sync_machine_get_envp (machine_a);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", g_environ_getenv (envp, "DBUS_SESSION_BUS_ADDRESS"), TRUE);
}

static void
stop_machines (void)
{
  sync_machine_free (machine_a);
  sync_machine_free (machine_b);
  sync_server_free (server);
  store_test_remove_dir (test_dir);
  g_free (test_dir);
}

/* Preferences → Sync turns sync on; B's changes arrive, A's go */
static void
test_turn_on (UiFixture     *fixture,
              gconstpointer  data)
{
  GtkWindow *preferences;
  GtkWidget *group, *toggle, *problem, *indicator;
  AdwToastOverlay *toasts;
  g_autoptr(GError) error = NULL;

  run_on_b ("--sync-to", SYNC_TEST_SOURCE_UID, NULL);
  run_on_b ("--set-status", TRACK "/" SKILL "=doing", NULL);
  sync_machine_sync_ok (machine_b);

  ui_fixture_present_window (fixture, 1200, 800);
  toasts = ui_fixture_get_toasts (fixture);
  preferences = open_sync_preferences (fixture);
  group = ui_find_child (GTK_WIDGET (preferences), ROADMAP_TYPE_SYNC_GROUP);
  g_assert_nonnull (group);

  /* Off by default; the lists come from EDS without holding the window */
  toggle = ui_find_child (group, GTK_TYPE_SWITCH);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  choose_list (group, "Roadmap test");
  ui_save_png (GTK_WIDGET (preferences), "sync-preferences-off.png");

  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);

  /* B's change, on A's board, with one toast */
  assert_card_arrives (fixture, SKILL, ROADMAP_STATUS_DOING);
  wait_for_label (GTK_WIDGET (toasts), "1 skill changed on another device");
  wait_for_label (group, "1 skill changed on another device");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  ui_save_png (GTK_WIDGET (preferences), "sync-preferences-on.png");
  gtk_window_set_default_size (preferences, 360, 640);
  /* The page switcher moves to the bottom, animated */
  ui_spin (800);
  ui_save_png (GTK_WIDGET (preferences), "sync-preferences-narrow.png");

  /* Sync Now brings the next one */
  run_on_b ("--set-status", TRACK "/" SKILL "=done", NULL);
  sync_machine_sync_ok (machine_b);
  click_label (group, "Sync Now");
  /* A quiet spinner in the header bar while it runs */
  indicator = ui_find_child (GTK_WIDGET (fixture->window), ROADMAP_TYPE_SYNC_INDICATOR);
  g_assert_nonnull (indicator);
  g_assert_true (gtk_widget_get_visible (indicator));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (indicator), ==, "Syncing…");
  ui_save_png (GTK_WIDGET (fixture->window), "sync-window-running.png");
  assert_card_arrives (fixture, SKILL, ROADMAP_STATUS_DONE);
  g_assert_true (ui_spin_until (widget_is_hidden, indicator, ROUND_TIMEOUT_MS));

  /* The server down: why, in words, with Try Again; then back */
  sync_server_stop (server);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  ui_spin (500);
  click_label (group, "Sync Now");
  ui_save_png (GTK_WIDGET (fixture->window), "sync-window-narrow.png");
  problem = ui_find_with_class (group, "sync-problem");
  g_assert_nonnull (problem);
  if (!ui_spin_until (widget_is_visible, problem, ROUND_TIMEOUT_MS))
    g_error ("The failed round was not shown: %s",
             adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_find_label (group, "Last Sync") != NULL
                                                          ? gtk_widget_get_ancestor (ui_find_label (group, "Last Sync"), ADW_TYPE_ACTION_ROW)
                                                          : problem)));
  g_test_message ("Server down: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (problem)));
  ui_save_png (GTK_WIDGET (preferences), "sync-preferences-problem.png");
  sync_server_restart (server);
  click_label (problem, "Try Again");
  if (!ui_spin_until (widget_is_hidden, problem, ROUND_TIMEOUT_MS))
    g_error ("The round after the server came back failed: %s",
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (problem)));

  /* A's own change goes a few seconds after it, by itself */
  gtk_window_destroy (preferences);
  g_assert_true (roadmap_session_set_status (fixture->session, ui_fixture_find_skill (fixture, TRACK, OTHER),
                                             ROADMAP_STATUS_DOING, &error));
  g_assert_no_error (error);
  assert_b_gets (OTHER, "doing");

  /* And so does a change from a terminal beside the window */
  run_on_window_db (fixture, "--set-status", TRACK "/" FIFTH "=skipped", NULL);
  assert_b_gets (FIFTH, "skipped");

}

/* Sync turned on beforehand: a round at the start. Both machines change
 * one skill; the details show the loser; Restore */
static void
test_conflict (UiFixture     *fixture,
               gconstpointer  data)
{
  RoadmapSkill *skill;
  RoadmapSkillDialog *dialog;
  GtkWidget *group;
  g_autoptr(GPtrArray) losers = NULL;
  g_autoptr(GError) error = NULL;

  run_on_b ("--sync-to", SYNC_TEST_SOURCE_UID, NULL);
  run_on_b ("--set-status", TRACK "/" FOURTH "=doing", NULL);
  run_on_window_db (fixture, "--sync-to", SYNC_TEST_SOURCE_UID, NULL);
  /* A first, B later, while A's window is closed: B's is newer */
  run_on_window_db (fixture, "--set-status", TRACK "/" THIRD "=done", NULL);
  g_usleep (20 * 1000);
  run_on_b ("--set-status", TRACK "/" THIRD "=skipped", NULL);
  sync_machine_sync_ok (machine_b);

  /* With sync on, a round by itself once the window is up: what B had
   * arrives without a click, B's Skipped winning on A too */
  ui_fixture_present_window (fixture, 1200, 800);
  skill = ui_fixture_find_skill (fixture, TRACK, THIRD);
  assert_card_arrives (fixture, FOURTH, ROADMAP_STATUS_DOING);
  assert_card_arrives (fixture, THIRD, ROADMAP_STATUS_SKIPPED);

  /* The status lost, and maybe the place in the column with it */
  losers = roadmap_store_sync_list_losers (roadmap_session_get_store (fixture->session), TRACK, THIRD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (losers->len, >=, 1);

  /* A's Done, in the details, with Restore */
  dialog = roadmap_skill_dialog_new (GTK_WINDOW (fixture->window), skill, fixture->session);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_wait_for_frame (GTK_WIDGET (dialog));
  group = ui_find_child (GTK_WIDGET (dialog), ROADMAP_TYPE_CONFLICT_GROUP);
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_nonnull (ui_find_label_exact (group, "Status: Done"));
  g_assert_cmpuint (count_rows (group), ==, 1);
  ui_save_png (GTK_WIDGET (dialog), "sync-conflict.png");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 700);
  ui_spin (200);
  ui_save_png (GTK_WIDGET (dialog), "sync-conflict-narrow.png");

  click_label (group, "Restore");
  g_assert_cmpint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DONE);
  assert_card_arrives (fixture, THIRD, ROADMAP_STATUS_DONE);
  /* What it replaced is the loser now: Restore again goes back */
  g_assert_nonnull (ui_find_label_exact (group, "Status: Skipped"));

  /* And it goes to B by itself */
  assert_b_gets (THIRD, "done");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *missing = sync_test_missing ();
  const char *skip;
  int status;

  if (missing == NULL)
    start_machines ();
  skip = ui_test_init_x11 (&argc, &argv);
  if (skip == NULL)
    skip = missing;

  UI_TEST_ADD (skip, "/ui/sync/turn-on", test_turn_on);
  UI_TEST_ADD (skip, "/ui/sync/conflict", test_conflict);

  status = g_test_run ();
  if (missing == NULL)
    stop_machines ();
  return status;
}

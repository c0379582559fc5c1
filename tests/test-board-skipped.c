/* test-board-skipped.c — Skipped as a learner meets it on the board: by
 * the keyboard, by the mouse (the card's menu, the folded column, the
 * details), undone, counted or not as the preference says, with the
 * preference changed by another process (run under Xvfb, with xdotool)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-column.h"
#include "roadmap-phase-card.h"
#include "roadmap-preferences-window.h"
#include "roadmap-skill-dialog.h"
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

static RoadmapColumn *
skipped_column (UiFixture *fixture)
{
  GtkWidget *column = roadmap_board_find_column (get_board (fixture),
                                                 roadmap_skill_get_phase (find_skill (fixture, "python-sql")),
                                                 ROADMAP_STATUS_SKIPPED);

  g_assert_nonnull (column);
  return ROADMAP_COLUMN (column);
}

static GtkWidget *
phase_card (UiFixture *fixture)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (skipped_column (fixture)), ROADMAP_TYPE_PHASE_CARD);
}

/* The button "Skipped (N)" that folds the column */
static GtkWidget *
expander (UiFixture *fixture)
{
  GtkWidget *button = ui_find_with_class (GTK_WIDGET (skipped_column (fixture)), "column-expander");

  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  return button;
}

static RoadmapStatus
stored_status (UiFixture  *fixture,
               const char *skill_id)
{
  g_autoptr(RoadmapSession) again = ui_fixture_reopen (fixture);

  return roadmap_skill_get_status (roadmap_catalog_find_skill (roadmap_session_get_catalog (again),
                                                               "backend-developer", skill_id));
}

typedef struct
{
  RoadmapSkill *skill;
  RoadmapStatus status;
} Expected;

static gboolean
skill_has_status (gpointer data)
{
  Expected *expected = data;

  return roadmap_skill_get_status (expected->skill) == expected->status;
}

static void
wait_for_status (RoadmapSkill  *skill,
                 RoadmapStatus  status)
{
  Expected expected = { skill, status };

  if (!ui_spin_until (skill_has_status, &expected, 5000))
    g_error ("“%s” is %s, not %s", roadmap_skill_get_id (skill),
             roadmap_status_to_string (roadmap_skill_get_status (skill)), roadmap_status_to_string (status));
}

/* By the keyboard alone: Ctrl+Shift+S skips the focused card, which
 * keeps the focus under "Skipped (1)"; the phase counts it out; Ctrl+Z
 * brings it back. */
static void
test_keyboard (UiFixture     *fixture,
               gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "python-sql");
  GtkWidget *card;

  ui_fixture_present_window (fixture, 1400, 900);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (skipped_column (fixture))));
  g_assert_nonnull (ui_find_label_exact (phase_card (fixture), "0 of 3 done"));

  card = roadmap_board_find_card (get_board (fixture), skill);
  gtk_widget_grab_focus (card);
  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+shift+s");
  wait_for_status (skill, ROADMAP_STATUS_SKIPPED);
  g_assert_cmpint (stored_status (fixture, "python-sql"), ==, ROADMAP_STATUS_SKIPPED);

  /* Under Done, "Skipped (1)", opened for the card that kept the focus */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (skipped_column (fixture))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui_find_label (expander (fixture), "Skipped"))), ==,
                   "Skipped (1)");
  card = roadmap_board_find_card (get_board (fixture), skill);
  g_assert_true (gtk_widget_has_focus (card));
  g_assert_true (ui_widget_is_inside (card, GTK_WIDGET (skipped_column (fixture))));
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Python & SQL Mastery, hands-on, in Skipped, Phase 1");

  /* Out of the counts, and said so */
  g_assert_nonnull (ui_find_label_exact (phase_card (fixture), "0 of 2 done · 1 skipped"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "Skipped Python & SQL Mastery"));

  /* Ctrl+Left: back to Done, like any card of the column beside */
  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+Left");
  wait_for_status (skill, ROADMAP_STATUS_DONE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (skipped_column (fixture))));

  /* Undo twice: Skipped again, then To-do */
  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+z");
  wait_for_status (skill, ROADMAP_STATUS_SKIPPED);
  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+z");
  wait_for_status (skill, ROADMAP_STATUS_TODO);
  g_assert_cmpint (stored_status (fixture, "python-sql"), ==, ROADMAP_STATUS_TODO);
  g_assert_nonnull (ui_find_label_exact (phase_card (fixture), "0 of 3 done"));
}

/* The menu item under the pointer whose label is @text */
static GtkWidget *
find_menu_item (GtkWidget  *popover,
                const char *text)
{
  GtkWidget *label = ui_find_label_exact (popover, text);

  g_assert_nonnull (label);
  return label;
}

/* By the mouse: Skip in the card's menu (a right click), the folded
 * column opened with a click, the card back to To-do from its details */
static void
test_mouse (UiFixture     *fixture,
            gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "database-design");
  GtkWidget *card, *popover, *dialog, *todo;
  GListModel *toplevels;

  ui_fixture_present_window (fixture, 1400, 900);
  card = roadmap_board_find_card (get_board (fixture), skill);

  ui_click (card, 0.5, 0.5, 3);
  popover = ui_find_child (card, GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  ui_click (find_menu_item (popover, "Skip"), 0.5, 0.5, 1);
  wait_for_status (skill, ROADMAP_STATUS_SKIPPED);
  g_assert_cmpint (stored_status (fixture, "database-design"), ==, ROADMAP_STATUS_SKIPPED);

  /* The card the menu was for keeps the focus, under "Skipped (1)",
   * opened for it; the board stays where it was */
  card = roadmap_board_find_card (get_board (fixture), skill);
  g_assert_true (gtk_widget_has_focus (card));
  g_assert_true (gtk_widget_get_mapped (card));
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (
                       GTK_SCROLLED_WINDOW (ui_find_child (GTK_WIDGET (get_board (fixture)), GTK_TYPE_SCROLLED_WINDOW)))),
                     ==, 0);
  gtk_test_accessible_assert_state (expander (fixture), GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  ui_save_png (GTK_WIDGET (fixture->window), "board-skipped.png");

  /* A click folds it: the card is not shown, the focus is on the button */
  ui_click (expander (fixture), 0.5, 0.5, 1);
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_false (gtk_widget_get_mapped (card));
  g_assert_false (roadmap_column_get_expanded (skipped_column (fixture)));
  g_assert_true (gtk_widget_has_focus (expander (fixture)));
  gtk_test_accessible_assert_state (expander (fixture), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);
  ui_save_png (GTK_WIDGET (fixture->window), "board-skipped-folded.png");

  /* Another opens it */
  ui_click (expander (fixture), 0.5, 0.5, 1);
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (card));

  /* A click opens the details; their To-do takes it back */
  ui_click (card, 0.5, 0.3, 1);
  toplevels = gtk_window_get_toplevels ();
  dialog = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ROADMAP_IS_SKILL_DIALOG (window) && gtk_widget_get_visible (window))
        dialog = window;
    }
  g_assert_nonnull (dialog);
  ui_wait_for_frame (dialog);
  todo = ui_find_label_exact (dialog, "To-do");
  g_assert_nonnull (todo);
  ui_click (gtk_widget_get_parent (todo), 0.5, 0.5, 1);
  wait_for_status (skill, ROADMAP_STATUS_TODO);
  gtk_window_close (GTK_WINDOW (dialog));
  ui_spin (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (skipped_column (fixture))));

  /* Narrow: the folded column sits under Done, in the stack */
  roadmap_session_set_status (fixture->session, skill, ROADMAP_STATUS_SKIPPED, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  ui_spin (200);
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  ui_save_png (GTK_WIDGET (fixture->window), "board-skipped-narrow.png");
}

static GtkWidget *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ROADMAP_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static gboolean
switch_is_on (gpointer data)
{
  return gtk_switch_get_active (GTK_SWITCH (data));
}

static gboolean
switch_is_off (gpointer data)
{
  return !gtk_switch_get_active (GTK_SWITCH (data));
}

/* Preferences (Ctrl+,): Count Skipped as Done, by a click; written to the
 * database; the board counts it in; another process turning it off is
 * followed by the switch and the board */
static void
test_preference (UiFixture     *fixture,
                 gconstpointer  data)
{
  g_autoptr(RoadmapSession) other = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *preferences, *toggle;

  roadmap_session_set_status (fixture->session, find_skill (fixture, "python-sql"), ROADMAP_STATUS_SKIPPED, NULL);
  roadmap_session_set_status (fixture->session, find_skill (fixture, "api-development"), ROADMAP_STATUS_DONE, NULL);
  ui_fixture_present_window (fixture, 1400, 900);
  g_assert_nonnull (ui_find_label_exact (phase_card (fixture), "1 of 2 done · 1 skipped"));

  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+comma");
  preferences = find_preferences ();
  g_assert_nonnull (preferences);
  ui_wait_for_frame (preferences);
  toggle = ui_find_child (preferences, GTK_TYPE_SWITCH);
  g_assert_nonnull (toggle);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  ui_save_png (preferences, "preferences.png");

  ui_click (toggle, 0.5, 0.5, 1);
  g_assert_true (ui_spin_until (switch_is_on, toggle, 2000));
  g_assert_true (roadmap_catalog_get_count_skipped_as_done (roadmap_session_get_catalog (fixture->session)));
  g_assert_nonnull (ui_find_label_exact (phase_card (fixture), "2 of 3 done · 1 skipped"));
  {
    g_autoptr(RoadmapSession) again = ui_fixture_reopen (fixture);

    g_assert_true (roadmap_catalog_get_count_skipped_as_done (roadmap_session_get_catalog (again)));
  }

  /* Another process turns it off: the window follows within a second or two */
  other = ui_fixture_reopen (fixture);
  g_assert_true (roadmap_session_set_count_skipped_as_done (other, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (ui_spin_until (switch_is_off, toggle, 3000));
  g_assert_nonnull (ui_find_label_exact (phase_card (fixture), "1 of 2 done · 1 skipped"));

  gtk_window_close (GTK_WINDOW (preferences));
  ui_spin (50);

  /* Narrow: the preferences fit the window */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  ui_spin (200);
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-preferences", NULL);
  preferences = find_preferences ();
  g_assert_nonnull (preferences);
  ui_wait_for_frame (preferences);
  g_assert_cmpint (gtk_widget_get_width (preferences), <=, 360);
  ui_save_png (preferences, "preferences-narrow.png");
  gtk_window_close (GTK_WINDOW (preferences));
  ui_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  const char *skip = ui_test_init_xdotool (&argc, &argv);

#define ADD(path, func) UI_TEST_ADD (skip, path, func)

  ADD ("/ui/skipped/keyboard", test_keyboard);
  ADD ("/ui/skipped/mouse", test_mouse);
  ADD ("/ui/skipped/preference", test_preference);

#undef ADD

  return g_test_run ();
}

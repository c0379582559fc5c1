/* test-board-phase.c — a phase card as a learner meets it: folded up and
 * back, remembered across windows, and its two-level progress (run under
 * Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-phase-card.h"
#include "roadmap-progress.h"
#include "ui-test-util.h"

static RoadmapSkill *
find_skill (UiFixture  *fixture,
            const char *skill_id)
{
  return ui_fixture_find_skill (fixture, "backend-developer", skill_id);
}

static void
set_status (UiFixture     *fixture,
            const char    *skill_id,
            RoadmapStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_status (fixture->session, find_skill (fixture, skill_id), status, &error));
  g_assert_no_error (error);
}

static RoadmapPhaseCard *
get_phase_card (UiFixture  *fixture,
                const char *skill_id)
{
  RoadmapSkill *skill = find_skill (fixture, skill_id);
  GtkWidget *column = roadmap_board_find_column (roadmap_window_get_board (fixture->window),
                                                 roadmap_skill_get_phase (skill), ROADMAP_STATUS_TODO);

  g_assert_nonnull (column);
  return ROADMAP_PHASE_CARD (gtk_widget_get_ancestor (column, ROADMAP_TYPE_PHASE_CARD));
}

/* The button before the phase's title */
static GtkWidget *
get_collapse_button (RoadmapPhaseCard *card)
{
  GtkWidget *button = ui_find_child (GTK_WIDGET (card), GTK_TYPE_BUTTON);

  g_assert_nonnull (button);
  g_assert_false (ui_widget_is_inside (button, roadmap_phase_card_get_column (card, ROADMAP_STATUS_TODO)));
  return button;
}

static gboolean
settings_hold (const char *key)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) keys = g_settings_get_strv (settings, "collapsed-phases");

  return g_strv_contains ((const char * const *) keys, key);
}

static int
height_of (GtkWidget *widget)
{
  return gtk_widget_get_height (widget);
}

/* A finished phase folds up to its header and counts, by the keyboard;
 * a new window shows it folded; a card of it given the focus (an undo)
 * unfolds it. */
static void
test_collapse (UiFixture     *fixture,
               gconstpointer  data)
{
  const char *fundamentals[] = { "python-sql", "database-design", "api-development" };
  RoadmapPhaseCard *card;
  GtkWidget *button;
  GtkWidget *first_card;
  int open_height;

  for (guint i = 0; i < G_N_ELEMENTS (fundamentals); i++)
    set_status (fixture, fundamentals[i], ROADMAP_STATUS_DONE);
  ui_fixture_present_window (fixture, 1400, 900);

  card = get_phase_card (fixture, "python-sql");
  button = get_collapse_button (card);
  g_assert_false (roadmap_phase_card_get_collapsed (card));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Collapse Phase");
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Collapse Phase");
  gtk_test_accessible_assert_state (button, GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);
  open_height = height_of (GTK_WIDGET (card));

  /* From a card of the phase, Shift+Tab to the button, Space */
  first_card = roadmap_board_find_card (roadmap_window_get_board (fixture->window), find_skill (fixture, "python-sql"));
  gtk_widget_grab_focus (first_card);
  ui_press_keys (GTK_WIDGET (fixture->window), "shift+Tab");
  g_assert_true (gtk_widget_has_focus (button));
  ui_press_keys (GTK_WIDGET (fixture->window), "space");
  ui_wait_for_frame (GTK_WIDGET (fixture->window));

  g_assert_true (roadmap_phase_card_get_collapsed (card));
  g_assert_true (gtk_widget_has_focus (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Expand Phase");
  gtk_test_accessible_assert_state (button, GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);
  g_assert_false (gtk_widget_get_mapped (roadmap_phase_card_get_column (card, ROADMAP_STATUS_DONE)));
  g_assert_true (gtk_widget_get_mapped (ui_find_label (GTK_WIDGET (card), "3 of 3 done")));
  g_assert_cmpint (height_of (GTK_WIDGET (card)), <, open_height / 2);
  g_assert_cmpint (height_of (GTK_WIDGET (card)), <, 120);
  g_assert_true (settings_hold ("backend-developer/fundamentals"));
  g_assert_false (settings_hold ("backend-developer/intermediate"));
  ui_save_png (GTK_WIDGET (fixture->window), "board-collapsed.png");

  /* Remembered: a new window opens with the phase folded */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  ui_fixture_present_window (fixture, 360, 700);
  card = get_phase_card (fixture, "python-sql");
  g_assert_true (roadmap_phase_card_get_collapsed (card));
  g_assert_false (roadmap_phase_card_get_collapsed (get_phase_card (fixture, "docker-kubernetes")));
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  ui_save_png (GTK_WIDGET (fixture->window), "board-collapsed-narrow.png");

  /* The window opens with the keyboard on the first card of an unfolded
   * phase, and Tab into the board goes there too */
  first_card = roadmap_board_find_card (roadmap_window_get_board (fixture->window),
                                        find_skill (fixture, "advanced-api-development"));
  g_assert_true (gtk_widget_has_focus (first_card));
  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (roadmap_window_get_board (fixture->window)),
                                         GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (first_card));

  /* A card of the phase given the focus shows its phase again */
  roadmap_board_focus_skill (roadmap_window_get_board (fixture->window), find_skill (fixture, "database-design"));
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_false (roadmap_phase_card_get_collapsed (card));
  g_assert_true (gtk_widget_has_focus (roadmap_board_find_card (roadmap_window_get_board (fixture->window),
                                                                find_skill (fixture, "database-design"))));
  g_assert_false (settings_hold ("backend-developer/fundamentals"));

  /* By the pointer, folding a phase with the focus on one of its cards
   * leaves the focus on the button, not lost */
  gtk_widget_activate (get_collapse_button (card));
  g_assert_true (ui_spin_until ((UiCondition) roadmap_phase_card_get_collapsed, card, 2000));
  g_assert_true (gtk_widget_has_focus (get_collapse_button (card)));
}

/* Another window (or anything else writing the setting) folds a phase:
 * this board follows. */
static void
test_collapse_follows_settings (UiFixture     *fixture,
                                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *keys[] = { "backend-developer/advanced", NULL };

  ui_fixture_present_window (fixture, 1400, 900);
  g_assert_false (roadmap_phase_card_get_collapsed (get_phase_card (fixture, "full-scale-project")));

  g_settings_set_strv (settings, "collapsed-phases", keys);
  ui_spin (50);
  g_assert_true (roadmap_phase_card_get_collapsed (get_phase_card (fixture, "full-scale-project")));
  g_assert_false (roadmap_phase_card_get_collapsed (get_phase_card (fixture, "python-sql")));

  g_settings_reset (settings, "collapsed-phases");
  ui_spin (50);
  g_assert_false (roadmap_phase_card_get_collapsed (get_phase_card (fixture, "full-scale-project")));
}

/* The bar's two levels: done, and done with in progress */
static void
test_progress_levels (UiFixture     *fixture,
                      gconstpointer  data)
{
  RoadmapPhaseCard *card;
  RoadmapProgress *progress;
  GtkWidget *bars[2];
  guint n = 0;

  set_status (fixture, "python-sql", ROADMAP_STATUS_DONE);
  set_status (fixture, "database-design", ROADMAP_STATUS_DOING);
  ui_fixture_present_window (fixture, 1400, 900);

  card = get_phase_card (fixture, "python-sql");
  progress = ROADMAP_PROGRESS (ui_find_child (GTK_WIDGET (card), ROADMAP_TYPE_PROGRESS));
  g_assert_nonnull (ui_find_label_exact (GTK_WIDGET (progress), "1 of 3 done · 1 in progress"));

  for (GtkWidget *bar = ui_find_child (GTK_WIDGET (progress), GTK_TYPE_LEVEL_BAR);
       bar != NULL && n < 2;
       bar = gtk_widget_get_next_sibling (bar))
    if (GTK_IS_LEVEL_BAR (bar))
      bars[n++] = bar;
  g_assert_cmpuint (n, ==, 2);

  /* Under: done and in progress; over: done, the one a screen reader reads */
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (bars[0])), 2.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (bars[1])), 1.0 / 3.0, 1e-9);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (bars[0])), ==,
                   GTK_ACCESSIBLE_ROLE_PRESENTATION);
  gtk_test_accessible_assert_property (bars[1], GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "1 of 3 done · 1 in progress");

  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  ui_save_png (GTK_WIDGET (fixture->window), "board-progress-levels.png");

  /* It follows a move */
  set_status (fixture, "database-design", ROADMAP_STATUS_DONE);
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (bars[0])), 2.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (bars[1])), 2.0 / 3.0, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  const char *skip = ui_test_init_xdotool (&argc, &argv);

#define ADD(path, func) UI_TEST_ADD (skip, path, func)

  ADD ("/ui/phase/collapse", test_collapse);
  ADD ("/ui/phase/collapse-follows-settings", test_collapse_follows_settings);
  ADD ("/ui/phase/progress-levels", test_progress_levels);

#undef ADD

  return g_test_run ();
}

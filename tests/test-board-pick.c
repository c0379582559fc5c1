/* test-board-pick.c — several cards picked and moved together: by the
 * keyboard (Ctrl+Space, Ctrl+A, Escape), by the mouse (Ctrl+click,
 * Shift+click, the card's menu); one change, one toast, one undo step
 * (run under Xvfb, with xdotool)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-selection.h"
#include "ui-test-util.h"

static RoadmapSkill *
find_skill (UiFixture  *fixture,
            const char *skill_id)
{
  return ui_fixture_find_skill (fixture, "backend-developer", skill_id);
}

static GtkWidget *
card_of (UiFixture  *fixture,
         const char *skill_id)
{
  GtkWidget *card = roadmap_board_find_card (roadmap_window_get_board (fixture->window), find_skill (fixture, skill_id));

  g_assert_nonnull (card);
  return card;
}

static RoadmapSelection *
selection (UiFixture *fixture)
{
  return roadmap_board_get_selection (roadmap_window_get_board (fixture->window));
}

static RoadmapStatus
stored_status (UiFixture  *fixture,
               const char *skill_id)
{
  g_autoptr(RoadmapSession) again = ui_fixture_reopen (fixture);

  return roadmap_skill_get_status (roadmap_catalog_find_skill (roadmap_session_get_catalog (again),
                                                               "backend-developer", skill_id));
}

static gboolean
no_dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      n += gtk_widget_get_visible (window);
    }
  return n == 1;
}

static void
close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i - 1);

      if (!ROADMAP_IS_WINDOW (window) && gtk_widget_get_visible (window))
        gtk_window_close (GTK_WINDOW (window));
    }
  ui_spin (100);
}

/* Ctrl+Space on two cards, Ctrl+→: both to Doing in one change, one
 * undo step; Ctrl+A picks a column, Escape lets go */
static void
test_keyboard (UiFixture     *fixture,
               gconstpointer  data)
{
  GtkWidget *window;

  ui_fixture_present_window (fixture, 1400, 900);
  window = GTK_WIDGET (fixture->window);

  gtk_widget_grab_focus (card_of (fixture, "python-sql"));
  ui_press_keys (window, "ctrl+space");
  ui_press_keys (window, "Down");
  g_assert_true (gtk_widget_has_focus (card_of (fixture, "database-design")));
  ui_press_keys (window, "ctrl+space");
  g_assert_cmpuint (roadmap_selection_get_n_skills (selection (fixture)), ==, 2);
  g_assert_true (gtk_widget_has_css_class (card_of (fixture, "python-sql"), "picked"));
  gtk_test_accessible_assert_state (card_of (fixture, "python-sql"), GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
  g_assert_true (no_dialog_shown ());
  ui_save_png (window, "board-picked.png");

  ui_press_keys (window, "ctrl+Right");
  g_assert_cmpint (roadmap_skill_get_status (find_skill (fixture, "python-sql")), ==, ROADMAP_STATUS_DOING);
  g_assert_cmpint (roadmap_skill_get_status (find_skill (fixture, "database-design")), ==, ROADMAP_STATUS_DOING);
  g_assert_cmpint (roadmap_skill_get_status (find_skill (fixture, "api-development")), ==, ROADMAP_STATUS_TODO);
  g_assert_cmpint (stored_status (fixture, "python-sql"), ==, ROADMAP_STATUS_DOING);
  g_assert_nonnull (ui_find_label (window, "Moved 2 skills to Doing"));
  g_assert_cmpuint (roadmap_selection_get_n_skills (selection (fixture)), ==, 0);
  g_assert_false (gtk_widget_has_css_class (card_of (fixture, "python-sql"), "picked"));
  /* The focused card kept the keyboard */
  g_assert_true (gtk_widget_has_focus (card_of (fixture, "database-design")));

  /* One undo step takes both back */
  ui_press_keys (window, "ctrl+z");
  g_assert_cmpint (roadmap_skill_get_status (find_skill (fixture, "python-sql")), ==, ROADMAP_STATUS_TODO);
  g_assert_cmpint (roadmap_skill_get_status (find_skill (fixture, "database-design")), ==, ROADMAP_STATUS_TODO);
  g_assert_cmpint (stored_status (fixture, "database-design"), ==, ROADMAP_STATUS_TODO);

  /* Ctrl+A: the whole column; Escape: none */
  gtk_widget_grab_focus (card_of (fixture, "testing-ci-cd"));
  ui_press_keys (window, "ctrl+a");
  g_assert_cmpuint (roadmap_selection_get_n_skills (selection (fixture)), ==, 6);
  ui_press_keys (window, "Escape");
  g_assert_cmpuint (roadmap_selection_get_n_skills (selection (fixture)), ==, 0);
  g_assert_false (gtk_widget_has_css_class (card_of (fixture, "testing-ci-cd"), "picked"));

  /* Enter still opens a card, alone; Escape closes it */
  ui_press_keys (window, "ctrl+space");
  ui_press_keys (window, "Return");
  g_assert_false (no_dialog_shown ());
  close_dialogs ();
}

static void
ctrl_click (GtkWidget  *widget,
            const char *modifier)
{
  int x, y;

  ui_widget_point_to_screen (widget, 0.5, 0.5, &x, &y);
  g_free (ui_xdotool ("mousemove %d %d", x, y));
  ui_spin (50);
  g_free (ui_xdotool ("keydown %s click 1 keyup %s", modifier, modifier));
  ui_spin (200);
}

/* Ctrl+click and Shift+click pick without opening; the card's menu moves
 * them all */
static void
test_mouse (UiFixture     *fixture,
            gconstpointer  data)
{
  GtkWidget *popover;

  ui_fixture_present_window (fixture, 1400, 900);

  /* Cards that stay inside the window at its smallest (a 1280×800
   * screen): the column's first three */
  ctrl_click (card_of (fixture, "advanced-api-development"), "ctrl");
  ctrl_click (card_of (fixture, "containerization-orchestration"), "shift");
  g_assert_true (no_dialog_shown ());
  /* From the first to the third of the column */
  g_assert_cmpuint (roadmap_selection_get_n_skills (selection (fixture)), ==, 3);
  ctrl_click (card_of (fixture, "testing-ci-cd"), "ctrl");
  g_assert_cmpuint (roadmap_selection_get_n_skills (selection (fixture)), ==, 2);
  g_assert_false (gtk_widget_has_css_class (card_of (fixture, "testing-ci-cd"), "picked"));

  ui_click (card_of (fixture, "containerization-orchestration"), 0.5, 0.5, 3);
  popover = ui_find_child (card_of (fixture, "containerization-orchestration"), GTK_TYPE_POPOVER_MENU);
  g_assert_true (gtk_widget_get_mapped (popover));
  ui_click (ui_find_label_exact (popover, "Move to Done"), 0.5, 0.5, 1);

  g_assert_cmpint (roadmap_skill_get_status (find_skill (fixture, "advanced-api-development")), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpint (roadmap_skill_get_status (find_skill (fixture, "containerization-orchestration")), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpint (roadmap_skill_get_status (find_skill (fixture, "docker-kubernetes")), ==, ROADMAP_STATUS_TODO);
  g_assert_cmpint (roadmap_skill_get_status (find_skill (fixture, "testing-ci-cd")), ==, ROADMAP_STATUS_TODO);
  g_assert_cmpint (stored_status (fixture, "containerization-orchestration"), ==, ROADMAP_STATUS_DONE);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "Moved 2 skills to Done"));
  /* In the order they had */
  g_assert_cmpuint (roadmap_skill_get_position (find_skill (fixture, "advanced-api-development")), <,
                    roadmap_skill_get_position (find_skill (fixture, "containerization-orchestration")));
}

int
main (int   argc,
      char *argv[])
{
  const char *skip = ui_test_init_xdotool (&argc, &argv);

#define ADD(path, func) UI_TEST_ADD (skip, path, func)

  ADD ("/ui/pick/keyboard", test_keyboard);
  ADD ("/ui/pick/mouse", test_mouse);

#undef ADD

  return g_test_run ();
}

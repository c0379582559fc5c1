/* test-up-next-ui.c — Up Next at the top of the sidebar as a learner
 * meets it: what is in Doing, then what comes next in each track; a
 * click, or Enter on a row reached by the keys, opens the skill's track
 * with its card focused; it follows moves made on the board and by
 * another process (run under Xvfb, with xdotool)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-up-next-view.h"
#include "ui-test-util.h"

static GtkListBox *
up_next_list (UiFixture *fixture)
{
  GtkWidget *list = ui_find_with_class (GTK_WIDGET (fixture->window), "up-next");

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

static const char *
row_name (UiFixture *fixture,
          int        index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (up_next_list (fixture), index);
  GtkWidget *title;

  if (row == NULL)
    return NULL;
  title = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));
  return gtk_label_get_text (GTK_LABEL (title));
}

typedef struct
{
  UiFixture *fixture;
  int index;
  const char *title;
} Expected;

static gboolean
row_is (gpointer data)
{
  Expected *expected = data;

  return g_strcmp0 (row_name (expected->fixture, expected->index), expected->title) == 0;
}

static void
wait_for_row (UiFixture  *fixture,
              int         index,
              const char *title)
{
  Expected expected = { fixture, index, title };

  if (!ui_spin_until (row_is, &expected, 3000))
    g_error ("Up Next row %d is “%s”, not “%s”", index, row_name (fixture, index), title);
}

static gboolean
card_focused (gpointer data)
{
  gpointer *args = data;
  UiFixture *fixture = args[0];
  GtkWidget *card = roadmap_board_find_card (roadmap_window_get_board (fixture->window), args[1]);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return card != NULL && focus != NULL && (focus == card || ui_widget_is_inside (focus, card));
}

static void
set_status (RoadmapSession *session,
            const char     *track_id,
            const char     *skill_id,
            RoadmapStatus   status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_status (session,
                                             roadmap_catalog_find_skill (roadmap_session_get_catalog (session),
                                                                         track_id, skill_id),
                                             status, &error));
  g_assert_no_error (error);
}

/* Wide: the list, a click on the other track's skill opens it there */
static void
test_mouse (UiFixture     *fixture,
            gconstpointer  data)
{
  RoadmapSkill *etl = ui_fixture_find_skill (fixture, "data-engineer", "etl-basics");
  gpointer opened[] = { fixture, etl };

  set_status (fixture->session, "data-engineer", "etl-basics", ROADMAP_STATUS_DOING);
  ui_fixture_present_window (fixture, 1400, 900);
  wait_for_row (fixture, 0, "ETL Basics");
  wait_for_row (fixture, 1, "Python & SQL Mastery");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (up_next_list (fixture)))));
  ui_save_png (GTK_WIDGET (fixture->window), "up-next-wide.png");

  ui_click (GTK_WIDGET (gtk_list_box_get_row_at_index (up_next_list (fixture), 0)), 0.5, 0.5, 1);
  g_assert_true (ui_spin_until (card_focused, opened, 5000));
  g_assert_cmpstr (roadmap_track_get_id (roadmap_board_get_track (roadmap_window_get_board (fixture->window))), ==,
                   "data-engineer");

  /* A move on the board: Done leaves the list */
  set_status (fixture->session, "data-engineer", "etl-basics", ROADMAP_STATUS_DONE);
  wait_for_row (fixture, 0, "Python & SQL Mastery");

  /* Another process starts a skill: it comes first */
  {
    g_autoptr(RoadmapSession) terminal = ui_fixture_reopen (fixture);

    set_status (terminal, "backend-developer", "database-design", ROADMAP_STATUS_DOING);
  }
  wait_for_row (fixture, 0, "Database Design");
}

/* 360 px, by the keys: back to the sidebar, Tab into Up Next, ↓, Enter */
static void
test_keyboard (UiFixture     *fixture,
               gconstpointer  data)
{
  RoadmapSkill *second = ui_fixture_find_skill (fixture, "data-engineer", "python-sql");
  gpointer opened[] = { fixture, second };
  GtkWidget *window;
  GtkListBoxRow *first;

  ui_fixture_present_window (fixture, 360, 700);
  window = GTK_WIDGET (fixture->window);
  wait_for_row (fixture, 1, "Python & SQL Mastery");
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (ui_find_child (window, ADW_TYPE_LEAFLET)), "sidebar");
  ui_spin (400);
  ui_wait_for_frame (window);
  ui_save_png (window, "up-next-narrow.png");

  first = gtk_list_box_get_row_at_index (up_next_list (fixture), 0);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (first)));
  ui_press_keys (window, "Down Return");
  g_assert_true (ui_spin_until (card_focused, opened, 5000));
  g_assert_cmpstr (roadmap_track_get_id (roadmap_board_get_track (roadmap_window_get_board (fixture->window))), ==,
                   "data-engineer");
}

/* Every skill done: the section and its heading are gone */
static void
test_all_done (UiFixture     *fixture,
               gconstpointer  data)
{
  g_autoptr(RoadmapSession) terminal = ui_fixture_reopen (fixture);
  RoadmapCatalog *catalog = roadmap_session_get_catalog (terminal);
  GtkWidget *view;

  for (guint t = 0; t < g_list_model_get_n_items (G_LIST_MODEL (catalog)); t++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), t);
      GListModel *phases = roadmap_track_get_phases (track);

      for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
        {
          g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);

          for (guint i = 0; i < roadmap_phase_get_n_skills (phase); i++)
            {
              g_autoptr(GError) error = NULL;

              g_assert_true (roadmap_session_set_status (terminal, roadmap_phase_peek_skill (phase, i),
                                                         ROADMAP_STATUS_DONE, &error));
            }
        }
    }

  ui_fixture_present_window (fixture, 1400, 900);
  ui_spin (300);
  view = ui_find_child (GTK_WIDGET (fixture->window), ROADMAP_TYPE_UP_NEXT_VIEW);
  g_assert_nonnull (view);
  g_assert_false (gtk_widget_get_visible (view));
}

int
main (int   argc,
      char *argv[])
{
  const char *skip = ui_test_init_xdotool (&argc, &argv);

#define ADD(path, func) UI_TEST_ADD (skip, path, func)

  ADD ("/ui/up-next/mouse", test_mouse);
  ADD ("/ui/up-next/keyboard", test_keyboard);
  ADD ("/ui/up-next/all-done", test_all_done);

#undef ADD

  return g_test_run ();
}

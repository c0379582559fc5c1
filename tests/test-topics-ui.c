/* test-topics-ui.c — the topics checklist in a skill's details, by mouse
 * and by keyboard alone, its offers to move the skill, Ctrl+Z in the
 * window, the card's count, and another process's tick arriving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>

#include "roadmap-board.h"
#include "roadmap-skill-card.h"
#include "roadmap-skill-dialog.h"
#include "ui-test-util.h"

static RoadmapSkill *wanted_skill;

static RoadmapSkillDialog *
find_open_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ROADMAP_IS_SKILL_DIALOG (toplevel) && gtk_widget_get_visible (toplevel) &&
          roadmap_skill_dialog_get_skill (ROADMAP_SKILL_DIALOG (toplevel)) == wanted_skill)
        return ROADMAP_SKILL_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
dialog_is_open (gpointer data)
{
  return find_open_dialog () != NULL;
}

/* The details of @skill, opened from its card as a click would */
static RoadmapSkillDialog *
open_details (UiFixture    *fixture,
              RoadmapSkill *skill)
{
  GtkWidget *card = roadmap_board_find_card (roadmap_window_get_board (fixture->window), skill);

  g_assert_nonnull (card);
  wanted_skill = skill;
  g_assert_true (gtk_widget_activate_action (card, "card.open", NULL));
  g_assert_true (ui_spin_until (dialog_is_open, NULL, 5000));
  ui_wait_for_frame (GTK_WIDGET (find_open_dialog ()));
  return find_open_dialog ();
}

/* The check of topic @index, found by its accessible name's row */
static GtkWidget *
find_check (RoadmapSkillDialog *dialog,
            const char         *topic)
{
  GtkWidget *label = ui_find_label_exact (GTK_WIDGET (dialog), topic);
  GtkWidget *row;

  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  return ui_find_child (row, GTK_TYPE_CHECK_BUTTON);
}

static const char *
card_details (UiFixture    *fixture,
              RoadmapSkill *skill)
{
  GtkWidget *card = roadmap_board_find_card (roadmap_window_get_board (fixture->window), skill);
  GtkWidget *label = ui_find_label (card, "topic");

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

/* A real click, through the X server, in the middle of @widget */
static void
click (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t point;
  double dx, dy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  g_free (ui_xdotool ("mousemove --window %lu %d %d click 1",
                      (unsigned long) gdk_x11_surface_get_xid (surface),
                      (int) (point.x + dx), (int) (point.y + dy)));
  ui_spin (300);
}

static void
test_mouse (UiFixture     *fixture,
            gconstpointer  data)
{
  RoadmapSkill *skill = ui_fixture_find_skill (fixture, "backend-developer", "python-sql");
  RoadmapSkillDialog *dialog;
  GtkWidget *check;

  ui_fixture_present_window (fixture, 1280, 800);
  g_assert_cmpstr (card_details (fixture, skill), ==, "7 topics · 3 links · about 35 h");
  dialog = open_details (fixture, skill);

  /* Each topic is a check, named for a screen reader by its text */
  check = find_check (dialog, "Pandas");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, "Pandas");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_ROLE_CHECKBOX);

  click (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (roadmap_skill_get_topic_done (skill, 3));
  g_assert_cmpstr (card_details (fixture, skill), ==, "1 of 7 topics · 3 links · about 35 h");

  /* The first tick of a To-do skill offers Doing, and only offers */
  g_assert_nonnull (ui_find_label (GTK_WIDGET (dialog), "Started on it?"));
  g_assert_cmpint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_TODO);
  ui_save_png (GTK_WIDGET (dialog), "topics-details-wide.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "details.move", "u", ROADMAP_STATUS_DOING));
  ui_spin (100);
  g_assert_cmpint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DOING);

  /* Untick by mouse, tick again */
  click (check);
  g_assert_false (roadmap_skill_get_topic_done (skill, 3));
  click (check);
  g_assert_true (roadmap_skill_get_topic_done (skill, 3));

  /* Ctrl+Z in the window: the tick, the untick, and the move, one at a time */
  gtk_window_close (GTK_WINDOW (dialog));
  ui_spin (200);
  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+z");
  g_assert_false (roadmap_skill_get_topic_done (skill, 3));
  g_assert_true (roadmap_session_can_redo (fixture->session));
  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+z");
  g_assert_true (roadmap_skill_get_topic_done (skill, 3));
  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+z");
  g_assert_cmpint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_TODO);
  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+z");
  g_assert_false (roadmap_skill_get_topic_done (skill, 3));
  g_assert_cmpstr (card_details (fixture, skill), ==, "7 topics · 3 links · about 35 h");

  /* Kept across a restart */
  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+shift+z");
  {
    g_autoptr(RoadmapSession) again = ui_fixture_reopen (fixture);

    g_assert_true (roadmap_skill_get_topic_done (roadmap_catalog_find_skill (roadmap_session_get_catalog (again),
                                                                             "backend-developer", "python-sql"), 3));
  }
}

static gboolean
focus_is_row_of (gpointer data)
{
  GtkWidget *check = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (check));

  return focus != NULL && focus == gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);
}

static void
test_keyboard (UiFixture     *fixture,
               gconstpointer  data)
{
  RoadmapSkill *skill = ui_fixture_find_skill (fixture, "backend-developer", "database-design");
  const char * const *topics = roadmap_skill_get_topics (skill);
  RoadmapSkillDialog *dialog;
  guint n = roadmap_skill_get_n_topics (skill);

  ui_fixture_present_window (fixture, 360, 700);
  dialog = open_details (fixture, skill);

  /* By the keys alone: on the first row, Space ticks it; Down goes to the
   * next row; Enter ticks that one, and so on */
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_ancestor (find_check (dialog, topics[0]), ADW_TYPE_ACTION_ROW)));
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *check = find_check (dialog, topics[i]);

      g_assert_true (focus_is_row_of (check));
      ui_press_keys (GTK_WIDGET (dialog), i % 2 == 0 ? "space" : "Return");
      g_assert_true (roadmap_skill_get_topic_done (skill, i));
      if (i + 1 < n)
        ui_press_keys (GTK_WIDGET (dialog), "Down");
    }

  /* The last offers Done; nothing moved */
  g_assert_nonnull (ui_find_label (GTK_WIDGET (dialog), "Every topic ticked off"));
  g_assert_cmpint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_TODO);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 360);
  ui_save_png (GTK_WIDGET (dialog), "topics-details-narrow.png");

  /* Again unticks */
  g_signal_emit_by_name (gtk_widget_get_ancestor (find_check (dialog, topics[n - 1]), ADW_TYPE_ACTION_ROW), "activate");
  ui_spin (50);
  g_assert_false (roadmap_skill_get_topic_done (skill, n - 1));
  ui_save_png (GTK_WIDGET (fixture->window), "topics-board-narrow.png");
}

typedef struct
{
  GtkWidget *check;
  UiFixture *fixture;
  RoadmapSkill *skill;
} Outside;

static gboolean
outside_arrived (gpointer data)
{
  Outside *outside = data;

  return gtk_check_button_get_active (GTK_CHECK_BUTTON (outside->check)) &&
         g_str_has_prefix (card_details (outside->fixture, outside->skill), "1 of 7 topics");
}

/* Another process ticks a topic: the open details and the card show it
 * within a second */
static void
test_outside (UiFixture     *fixture,
              gconstpointer  data)
{
  RoadmapSkill *skill = ui_fixture_find_skill (fixture, "backend-developer", "python-sql");
  RoadmapSkillDialog *dialog;
  g_autoptr(RoadmapSession) other = NULL;
  g_autoptr(GError) error = NULL;
  Outside outside;
  gint64 start;

  ui_fixture_present_window (fixture, 1280, 800);
  dialog = open_details (fixture, skill);
  outside = (Outside) { find_check (dialog, "NumPy"), fixture, skill };

  other = ui_fixture_reopen (fixture);
  g_assert_true (roadmap_session_set_topic_done (other,
                                                 roadmap_catalog_find_skill (roadmap_session_get_catalog (other),
                                                                             "backend-developer", "python-sql"),
                                                 4, TRUE, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  g_assert_true (ui_spin_until (outside_arrived, &outside, 3000));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  const char *skip = ui_test_init_xdotool (&argc, &argv);

#define ADD(path, func) UI_TEST_ADD (skip, path, func)

  ADD ("/ui/topics/mouse", test_mouse);
  ADD ("/ui/topics/keyboard", test_keyboard);
  ADD ("/ui/topics/outside-change", test_outside);

  return g_test_run ();
}

/* test-board-drag.c — real pointer drags on the board, and screenshots
 *
 * Runs under a real X server (Xvfb): xdotool presses, moves and releases
 * the pointer the way a user does, so the whole path is exercised: the
 * card's GtkDragSource, XDND between the window and itself, the column's
 * GtkDropTarget, the "board.move-skill" action and the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "roadmap-column.h"
#include "roadmap-skill-card.h"
#include "ui-test-util.h"

#define DRAG_STEPS 10
#define COMMIT_TIMEOUT_MS 5000

/* The visible windows: the main one, and a details dialog if one opened.
 * (Each window also has its Keyboard Shortcuts window, hidden.) */
static guint
n_visible_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      n += gtk_widget_get_visible (toplevel);
    }

  return n;
}

typedef struct
{
  UiFixture ui;

  /* What the card's drag source and the columns' drop targets saw. */
  GtkEventController *drop_target;
  gulong drop_hook;
  guint n_drag_begins;
  guint n_drops;
} Fixture;

/* Helpers */

/* Press, move in steps (with the main loop running between them, as when
 * a hand moves the mouse), pause over the target, release. */
static void
pointer_drag (int from_x,
              int from_y,
              int to_x,
              int to_y)
{
  g_free (ui_xdotool ("mousemove %d %d", from_x, from_y));
  ui_spin (50);
  g_free (ui_xdotool ("mousedown 1"));
  ui_spin (50);

  for (int i = 1; i <= DRAG_STEPS; i++)
    {
      g_free (ui_xdotool ("mousemove %d %d",
                       from_x + (to_x - from_x) * i / DRAG_STEPS,
                       from_y + (to_y - from_y) * i / DRAG_STEPS));
      ui_spin (15);
    }

  /* Over the target, XDND position and status messages go back and
   * forth: let them settle, as a user's hand does, before releasing. */
  ui_spin (150);
  g_free (ui_xdotool ("mouseup 1"));
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               Fixture       *fixture)
{
  fixture->n_drag_begins++;
}

/* An emission hook runs before the handlers, so it sees the drop even
 * though the column's handler takes it and stops the emission. */
static gboolean
on_drop_emitted (GSignalInvocationHint *hint,
                 guint                  n_params,
                 const GValue          *params,
                 gpointer               user_data)
{
  Fixture *fixture = user_data;

  if (g_value_get_object (&params[0]) == fixture->drop_target)
    fixture->n_drops++;

  return TRUE;
}

/* Counts the drags that start on @card and the drops on @column, so that a
 * test knows the move went through drag and drop and nothing else. */
static void
watch_drag (Fixture   *fixture,
            GtkWidget *card,
            GtkWidget *column)
{
  GtkEventController *source = ui_find_controller (card, GTK_TYPE_DRAG_SOURCE);

  g_assert_nonnull (source);
  fixture->drop_target = ui_find_controller (column, GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (fixture->drop_target);
  fixture->n_drag_begins = 0;
  fixture->n_drops = 0;
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), fixture);
  fixture->drop_hook = g_signal_add_emission_hook (g_signal_lookup ("drop", GTK_TYPE_DROP_TARGET), 0,
                                                   on_drop_emitted, fixture, NULL);
}

typedef struct
{
  RoadmapSkill *skill;
  RoadmapStatus status;
  guint position;
} Expected;

static gboolean
skill_is_at (gpointer data)
{
  Expected *expected = data;

  return roadmap_skill_get_status (expected->skill) == expected->status &&
         roadmap_skill_get_position (expected->skill) == expected->position;
}

/* Drags @card by its middle and drops it on @target, at @target_y (a
 * fraction of its height), which is over @column; then waits until the
 * model shows the move (@expected) and the columns follow it (they do
 * before the next frame), and checks that it went through one drag and
 * one drop. */
static void
drag_card (Fixture   *fixture,
           GtkWidget *card,
           GtkWidget *column,
           GtkWidget *target,
           double     target_y,
           Expected  *expected)
{
  int from_x, from_y, to_x, to_y;

  ui_widget_point_to_screen (card, 0.5, 0.5, &from_x, &from_y);
  ui_widget_point_to_screen (target, 0.5, target_y, &to_x, &to_y);
  g_test_message ("Dragging “%s” from (%d, %d) to (%d, %d)",
                  roadmap_skill_get_title (expected->skill), from_x, from_y, to_x, to_y);

  watch_drag (fixture, card, column);
  pointer_drag (from_x, from_y, to_x, to_y);

  if (!ui_spin_until (skill_is_at, expected, COMMIT_TIMEOUT_MS))
    g_error ("After the drag, “%s” is at position %u of column %d, not at position %u of column %d",
             roadmap_skill_get_id (expected->skill), roadmap_skill_get_position (expected->skill),
             roadmap_skill_get_status (expected->skill), expected->position, expected->status);
  ui_wait_for_frame (GTK_WIDGET (fixture->ui.window));

  g_assert_cmpuint (fixture->n_drag_begins, ==, 1);
  g_assert_cmpuint (fixture->n_drops, ==, 1);
}

static gboolean
no_dragged_card (gpointer data)
{
  GtkWidget *card = data;

  return !gtk_widget_has_css_class (card, "dragged");
}

/* The number shown in a column's header. */
static const char *
column_count (GtkWidget *column)
{
  GtkWidget *label = ui_find_with_class (column, "column-count");

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The cards of a column, top to bottom. */
static GPtrArray *
column_cards (GtkWidget *column)
{
  GPtrArray *cards = g_ptr_array_new ();
  GtkWidget *list = gtk_widget_get_first_child (column);

  while (list != NULL && !GTK_IS_LIST_BOX (list))
    list = gtk_widget_get_next_sibling (list);
  g_assert_nonnull (list);

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ROADMAP_IS_SKILL_CARD (child))
        g_ptr_array_add (cards, child);
    }

  return cards;
}

static RoadmapPhase *
first_phase (RoadmapBoard *board)
{
  RoadmapTrack *track = roadmap_board_get_track (board);
  g_autoptr(RoadmapPhase) phase = NULL;

  g_assert_nonnull (track);
  /* The first track of the sidebar, which the window selects. */
  g_assert_cmpstr (roadmap_track_get_id (track), ==, "backend-developer");
  phase = g_list_model_get_item (roadmap_track_get_phases (track), 0);
  g_assert_nonnull (phase);

  /* Owned by the track. */
  return phase;
}

static void
present_window (Fixture *fixture,
                int      width,
                int      height)
{
  GdkSurface *surface;

  ui_fixture_present_window (&fixture->ui, width, height);
  /* The default size is the surface's; the window widget is inset by the
   * client-side decoration's resize border (see widget_to_screen()). */
  surface = gtk_native_get_surface (GTK_NATIVE (fixture->ui.window));
  g_assert_cmpint (gdk_surface_get_width (surface), ==, width);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, height);
}

/* Fixture: the UI tests' one, and what watch_drag() saw */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ui_fixture_set_up (&fixture->ui, data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_strdup (fixture->ui.dir);
  g_autoptr(GDir) files = NULL;
  const char *name;

  if (fixture->drop_hook != 0)
    g_signal_remove_emission_hook (g_signal_lookup ("drop", GTK_TYPE_DROP_TARGET), fixture->drop_hook);
  ui_fixture_tear_down (&fixture->ui, data);

  files = g_dir_open (dir, 0, NULL);
  while (files != NULL && (name = g_dir_read_name (files)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Tests */

static void
test_drag_to_done (Fixture       *fixture,
                   gconstpointer  data)
{
  RoadmapBoard *board;
  RoadmapPhase *phase;
  RoadmapSkill *skill;
  GtkWidget *card, *todo, *done;
  g_autoptr(GPtrArray) todo_cards = NULL;
  g_autoptr(RoadmapSession) reopened = NULL;
  RoadmapSkill *reread;
  Expected expected;

  present_window (fixture, 1200, 800);
  board = roadmap_window_get_board (fixture->ui.window);
  phase = first_phase (board);

  todo = roadmap_board_find_column (board, phase, ROADMAP_STATUS_TODO);
  done = roadmap_board_find_column (board, phase, ROADMAP_STATUS_DONE);
  g_assert_nonnull (todo);
  g_assert_nonnull (done);

  todo_cards = column_cards (todo);
  g_assert_cmpuint (todo_cards->len, ==, 3);
  skill = roadmap_skill_card_get_skill (g_ptr_array_index (todo_cards, 0));
  g_assert_cmpint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_TODO);
  card = roadmap_board_find_card (board, skill);
  g_assert_true (card == g_ptr_array_index (todo_cards, 0));

  g_assert_cmpuint (roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_TODO), ==, 3);
  g_assert_cmpuint (roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_DONE), ==, 0);
  g_assert_cmpstr (column_count (todo), ==, "3");
  g_assert_cmpstr (column_count (done), ==, "0");
  g_assert_nonnull (ui_find_label_exact (GTK_WIDGET (fixture->ui.window), "0 of 3 done"));

  /* Onto the middle of the Done column */
  expected = (Expected) { skill, ROADMAP_STATUS_DONE, 0 };
  drag_card (fixture, card, done, done, 0.5, &expected);

  /* The card is rebuilt in the Done column… */
  card = roadmap_board_find_card (board, skill);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_is_ancestor (card, done));
  g_assert_false (gtk_widget_is_ancestor (card, todo));
  g_assert_true (gtk_widget_get_mapped (card));
  g_assert_false (gtk_widget_has_css_class (card, "dragged"));

  /* …and the counts follow. */
  g_assert_cmpuint (roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_TODO), ==, 2);
  g_assert_cmpuint (roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_DONE), ==, 1);
  g_assert_cmpstr (column_count (todo), ==, "2");
  g_assert_cmpstr (column_count (done), ==, "1");
  g_assert_nonnull (ui_find_label_exact (GTK_WIDGET (fixture->ui.window), "1 of 3 done"));
  g_assert_nonnull (roadmap_skill_get_finished_at (skill));

  /* A drag is not a click: no details dialog opened. */
  g_assert_cmpuint (n_visible_windows (), ==, 1);

  /* Persisted: another session reads it back from the file. */
  reopened = ui_fixture_reopen (&fixture->ui);
  reread = roadmap_catalog_find_skill (roadmap_session_get_catalog (reopened),
                                       "backend-developer", roadmap_skill_get_id (skill));
  g_assert_nonnull (reread);
  g_assert_cmpint (roadmap_skill_get_status (reread), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpuint (roadmap_skill_get_position (reread), ==, 0);
}

static void
test_drag_reorder (Fixture       *fixture,
                   gconstpointer  data)
{
  RoadmapBoard *board;
  RoadmapPhase *phase;
  RoadmapSkill *first, *second, *third;
  GtkWidget *todo, *first_card, *second_card;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(RoadmapSession) reopened = NULL;
  RoadmapCatalog *catalog;
  Expected expected;

  present_window (fixture, 1200, 800);
  board = roadmap_window_get_board (fixture->ui.window);
  phase = first_phase (board);
  todo = roadmap_board_find_column (board, phase, ROADMAP_STATUS_TODO);

  before = column_cards (todo);
  g_assert_cmpuint (before->len, ==, 3);
  first_card = g_ptr_array_index (before, 0);
  second_card = g_ptr_array_index (before, 1);
  first = roadmap_skill_card_get_skill (ROADMAP_SKILL_CARD (first_card));
  second = roadmap_skill_card_get_skill (ROADMAP_SKILL_CARD (second_card));
  third = roadmap_skill_card_get_skill (g_ptr_array_index (before, 2));
  g_assert_cmpuint (roadmap_skill_get_position (first), ==, 0);
  g_assert_cmpuint (roadmap_skill_get_position (second), ==, 1);
  g_assert_cmpuint (roadmap_skill_get_position (third), ==, 2);

  /* From the middle of the second card to the top quarter of the first:
   * above the first card's middle, so the second card lands first. */
  expected = (Expected) { second, ROADMAP_STATUS_TODO, 0 };
  drag_card (fixture, second_card, todo, first_card, 0.25, &expected);

  g_assert_cmpint (roadmap_skill_get_status (first), ==, ROADMAP_STATUS_TODO);
  g_assert_cmpint (roadmap_skill_get_status (third), ==, ROADMAP_STATUS_TODO);
  g_assert_cmpuint (roadmap_skill_get_position (second), ==, 0);
  g_assert_cmpuint (roadmap_skill_get_position (first), ==, 1);
  g_assert_cmpuint (roadmap_skill_get_position (third), ==, 2);

  /* The column shows the new order. */
  after = column_cards (todo);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_true (roadmap_skill_card_get_skill (g_ptr_array_index (after, 0)) == second);
  g_assert_true (roadmap_skill_card_get_skill (g_ptr_array_index (after, 1)) == first);
  g_assert_true (roadmap_skill_card_get_skill (g_ptr_array_index (after, 2)) == third);
  g_assert_true (ui_spin_until (no_dragged_card, g_ptr_array_index (after, 0), 1000));
  g_assert_cmpstr (column_count (todo), ==, "3");
  g_assert_cmpuint (n_visible_windows (), ==, 1);

  /* Persisted. */
  reopened = ui_fixture_reopen (&fixture->ui);
  catalog = roadmap_session_get_catalog (reopened);
  g_assert_cmpuint (roadmap_skill_get_position (roadmap_catalog_find_skill (catalog, "backend-developer",
                                                                           roadmap_skill_get_id (second))), ==, 0);
  g_assert_cmpuint (roadmap_skill_get_position (roadmap_catalog_find_skill (catalog, "backend-developer",
                                                                           roadmap_skill_get_id (first))), ==, 1);
  g_assert_cmpuint (roadmap_skill_get_position (roadmap_catalog_find_skill (catalog, "backend-developer",
                                                                           roadmap_skill_get_id (third))), ==, 2);
}

/* A card dragged over another phase's column is not taken, and the
 * window says why, while the card is still held. */
static void
test_drag_other_phase (Fixture       *fixture,
                       gconstpointer  data)
{
  RoadmapBoard *board;
  RoadmapSkill *skill;
  RoadmapPhase *second;
  GtkWidget *card, *target;
  int from_x, from_y, to_x, to_y;

  present_window (fixture, 1200, 800);
  board = roadmap_window_get_board (fixture->ui.window);
  skill = roadmap_track_find_skill (roadmap_board_get_track (board), "python-sql");
  second = g_list_model_get_item (roadmap_track_get_phases (roadmap_board_get_track (board)), 1);
  g_object_unref (second);  /* the track holds it */
  card = roadmap_board_find_card (board, skill);
  target = roadmap_board_find_column (board, second, ROADMAP_STATUS_DONE);
  g_assert_nonnull (target);

  ui_widget_point_to_screen (card, 0.5, 0.5, &from_x, &from_y);
  ui_widget_point_to_screen (target, 0.5, 0.3, &to_x, &to_y);
  pointer_drag (from_x, from_y, to_x, to_y);
  ui_spin (300);

  g_assert_cmpint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_TODO);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->ui.window),
                                   "Python & SQL Mastery belongs to Phase 1; it moves within that phase"));
}

static void
keep_drag (GtkDragSource *source,
           GdkDrag       *drag,
           GdkDrag      **kept)
{
  g_set_object (kept, drag);
}

/* The card's copy under the pointer keeps the point where it was taken:
 * its corner does not jump to the pointer. */
static void
test_drag_icon_grab_point (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GdkDrag) drag = NULL;
  RoadmapBoard *board;
  GtkWidget *card;
  GtkEventController *source;
  int from_x, from_y, icon_x, icon_y;
  const int dx = 260, dy = 140;
  int grab_x, grab_y;

  present_window (fixture, 1200, 800);
  board = roadmap_window_get_board (fixture->ui.window);
  card = roadmap_board_find_card (board, roadmap_track_find_skill (roadmap_board_get_track (board), "python-sql"));
  source = ui_find_controller (card, GTK_TYPE_DRAG_SOURCE);
  g_signal_connect (source, "drag-begin", G_CALLBACK (keep_drag), &drag);

  /* Taken at 80 % across and 70 % down, well away from the corner */
  grab_x = (int) (gtk_widget_get_width (card) * 0.8);
  grab_y = (int) (gtk_widget_get_height (card) * 0.7);
  ui_widget_to_screen (card, grab_x, grab_y, &from_x, &from_y);
  g_free (ui_xdotool ("mousemove %d %d", from_x, from_y));
  ui_spin (50);
  g_free (ui_xdotool ("mousedown 1"));
  ui_spin (50);
  for (int i = 1; i <= DRAG_STEPS; i++)
    {
      g_free (ui_xdotool ("mousemove %d %d", from_x + dx * i / DRAG_STEPS, from_y + dy * i / DRAG_STEPS));
      ui_spin (15);
    }
  ui_spin (150);

  g_assert_nonnull (drag);
  ui_surface_origin (gdk_drag_get_drag_surface (drag), &icon_x, &icon_y);
  g_test_message ("Pointer at (%d, %d), the card's copy at (%d, %d), taken at (%d, %d)",
                  from_x + dx, from_y + dy, icon_x, icon_y, grab_x, grab_y);
  g_assert_cmpint (ABS (from_x + dx - icon_x - grab_x), <=, 2);
  g_assert_cmpint (ABS (from_y + dy - icon_y - grab_y), <=, 2);

  /* Back where it came from: nothing moves */
  g_free (ui_xdotool ("mousemove %d %d", from_x, from_y));
  ui_spin (150);
  g_free (ui_xdotool ("mouseup 1"));
  g_assert_true (ui_spin_until (no_dragged_card, card, COMMIT_TIMEOUT_MS));
  g_assert_cmpint (roadmap_skill_get_status (roadmap_skill_card_get_skill (ROADMAP_SKILL_CARD (card))), ==,
                   ROADMAP_STATUS_TODO);
  g_signal_handlers_disconnect_by_func (source, keep_drag, &drag);
}

/* A card's context menu, opened by a right click or by Shift+F10 and
 * closed, leaves the card as it was: not :active (grey). */
static void
test_menu_leaves_card (Fixture       *fixture,
                       gconstpointer  data)
{
  RoadmapBoard *board;
  GtkWidget *card;
  int x, y;

  present_window (fixture, 1200, 800);
  board = roadmap_window_get_board (fixture->ui.window);
  card = roadmap_board_find_card (board, roadmap_track_find_skill (roadmap_board_get_track (board), "python-sql"));
  ui_widget_point_to_screen (card, 0.5, 0.5, &x, &y);

  g_free (ui_xdotool ("mousemove %d %d", x, y));
  ui_spin (100);
  g_free (ui_xdotool ("click 3"));
  ui_spin (300);
  g_assert_true (gtk_widget_get_visible (ui_find_child (card, GTK_TYPE_POPOVER_MENU)));
  g_free (ui_xdotool ("key Escape"));
  ui_spin (300);
  g_assert_false (gtk_widget_get_visible (ui_find_child (card, GTK_TYPE_POPOVER_MENU)));
  g_assert_false (gtk_widget_get_state_flags (card) & GTK_STATE_FLAG_ACTIVE);

  g_free (ui_xdotool ("mousemove 5 5"));
  gtk_widget_grab_focus (card);
  ui_spin (100);
  g_free (ui_xdotool ("key shift+F10"));
  ui_spin (300);
  g_assert_true (gtk_widget_get_visible (ui_find_child (card, GTK_TYPE_POPOVER_MENU)));
  g_free (ui_xdotool ("key Escape"));
  ui_spin (300);
  g_assert_false (gtk_widget_get_state_flags (card) & GTK_STATE_FLAG_ACTIVE);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->ui.session);
  g_autoptr(GError) error = NULL;
  RoadmapBoard *board;
  RoadmapSkill *doing, *done;
  GtkWidget *leaflet, *card;

  /* Cards in every column of the first phase. */
  doing = roadmap_catalog_find_skill (catalog, "backend-developer", "database-design");
  done = roadmap_catalog_find_skill (catalog, "backend-developer", "api-development");
  g_assert_true (roadmap_session_set_status (fixture->ui.session, doing, ROADMAP_STATUS_DOING, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_session_set_status (fixture->ui.session, done, ROADMAP_STATUS_DONE, &error));
  g_assert_no_error (error);

  /* The pointer in the bottom-right corner of the screen: outside the
   * window's content at both sizes, so that nothing shows a hover state. */
  g_free (ui_xdotool ("mousemove 1279 799"));

  present_window (fixture, 1280, 800);
  board = roadmap_window_get_board (fixture->ui.window);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (board)));
  ui_save_png (GTK_WIDGET (fixture->ui.window), "board-wide.png");

  /* Narrow: the leaflet folds and the window stays on the board. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->ui.window), 360, 720);
  leaflet = ui_find_child (GTK_WIDGET (fixture->ui.window), ADW_TYPE_LEAFLET);
  g_assert_nonnull (leaflet);
  g_assert_true (ui_spin_until ((UiCondition) adw_leaflet_get_folded, leaflet, 5000));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "content");
  ui_wait_for_frame (GTK_WIDGET (fixture->ui.window));
  /* 360 is also the window's width-request: the surface then adds the
   * resize border around it. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->ui.window)), ==, 360);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (board)));
  card = roadmap_board_find_card (board, doing);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_is_drawable (card));
  ui_save_png (GTK_WIDGET (fixture->ui.window), "board-narrow.png");
}

#define ADD(path, func) \
  ui_test_add (skip, path, sizeof (Fixture), (GTestFixtureFunc) fixture_set_up, \
               (GTestFixtureFunc) func, (GTestFixtureFunc) fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  /* xdotool moves the X pointer: GTK must be on that X server. */
  const char *skip = ui_test_init_xdotool (&argc, &argv);

  ADD ("/ui/board/drag/to-done", test_drag_to_done);
  ADD ("/ui/board/drag/reorder", test_drag_reorder);
  ADD ("/ui/board/drag/other-phase", test_drag_other_phase);
  ADD ("/ui/board/drag/icon-grab-point", test_drag_icon_grab_point);
  ADD ("/ui/board/screenshots", test_screenshots);
  ADD ("/ui/board/drag/menu-leaves-card", test_menu_leaves_card);

  return g_test_run ();
}

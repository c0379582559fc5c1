/* test-search-ui.c — searching every track from the window: Ctrl+F and
 * real keys, the header bar's button and clicks, the page for nothing
 * found, typing on the board, and a phone's width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-board.h"
#include "roadmap-search-panel.h"
#include "ui-test-util.h"

/* "kubectl" is a topic of the hands-on item docker-kubernetes ("Deploy an
 * API and a pipeline in containers") in both bundled tracks */
#define QUERY_KEYS "k u b e c t l"

static RoadmapSearchPanel *
get_panel (UiFixture *fixture)
{
  GtkWidget *panel = ui_find_child (GTK_WIDGET (fixture->window), ROADMAP_TYPE_SEARCH_PANEL);

  g_assert_nonnull (panel);
  return ROADMAP_SEARCH_PANEL (panel);
}

static GtkWidget *
get_results (UiFixture *fixture)
{
  GtkWidget *list = ui_find_child (GTK_WIDGET (get_panel (fixture)), GTK_TYPE_LIST_BOX);

  g_assert_nonnull (list);
  return list;
}

static GtkEditable *
get_entry (UiFixture *fixture)
{
  return GTK_EDITABLE (ui_find_child (GTK_WIDGET (get_panel (fixture)), GTK_TYPE_SEARCH_ENTRY));
}

static GtkWidget *
find_search_button (GtkWidget *root)
{
  if (GTK_IS_TOGGLE_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), "system-search-symbolic") == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n) != NULL)
    n++;
  return n;
}

/* The row of the result on the track the board does not show */
static int
other_track_row (UiFixture *fixture)
{
  RoadmapTrack *shown = roadmap_board_get_track (roadmap_window_get_board (fixture->window));
  GtkWidget *list = get_results (fixture);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      if (!g_str_has_prefix (subtitle, roadmap_track_get_title (shown)))
        return i;
    }
  g_assert_not_reached ();
}

static gboolean
results_shown (gpointer data)
{
  UiFixture *fixture = data;

  return roadmap_search_panel_get_active (get_panel (fixture)) &&
         count_rows (get_results (fixture)) == 2;
}

/* Both docker-kubernetes skills, one per track, each saying where it is */
static void
assert_kubectl_results (UiFixture *fixture)
{
  GtkWidget *list = get_results (fixture);
  GtkWidget *first, *second;

  g_assert_true (ui_spin_until (results_shown, fixture, 5000));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (roadmap_window_get_board (fixture->window)))));
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  second = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Deploy an API and a pipeline in containers");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (second)), ==, "Deploy an API and a pipeline in containers");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), ==,
                   "Backend Developer · Phase 2 · To-do");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (second)), ==,
                   "Data Engineer · Phase 2 · To-do");
}

typedef struct
{
  UiFixture *fixture;
  RoadmapSkill *skill;
} Opened;

static gboolean
card_is_focused (gpointer data)
{
  Opened *opened = data;
  RoadmapBoard *board = roadmap_window_get_board (opened->fixture->window);
  GtkWidget *card = roadmap_board_find_card (board, opened->skill);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (opened->fixture->window));

  return card != NULL && focus != NULL && (focus == card || ui_widget_is_inside (focus, card));
}

/* The card is wholly in the board's view (scrolled to, when below it) */
static gboolean
card_in_view (gpointer data)
{
  Opened *opened = data;
  RoadmapBoard *board = roadmap_window_get_board (opened->fixture->window);
  GtkWidget *card = roadmap_board_find_card (board, opened->skill);
  GtkWidget *scroller = ui_find_child (GTK_WIDGET (board), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return card_is_focused (data) && gtk_widget_compute_bounds (card, scroller, &bounds) &&
         bounds.size.height > 0 && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

static gboolean
highlight_ended (gpointer data)
{
  Opened *opened = data;
  GtkWidget *card = roadmap_board_find_card (roadmap_window_get_board (opened->fixture->window),
                                             opened->skill);

  return !gtk_widget_has_css_class (card, "search-hit");
}

/* The board of @skill's track, its card focused and standing out, the
 * search closed; @png taken while it stands out */
static void
assert_opened (UiFixture    *fixture,
               RoadmapSkill *skill,
               const char   *png)
{
  RoadmapBoard *board = roadmap_window_get_board (fixture->window);
  Opened opened = { fixture, skill };
  GtkWidget *card;

  g_assert_true (ui_spin_until (card_is_focused, &opened, 5000));
  g_assert_true (ui_spin_until (card_in_view, &opened, 5000));
  g_assert_true (roadmap_board_get_track (board) ==
                 roadmap_phase_get_track (roadmap_skill_get_phase (skill)));
  g_assert_false (roadmap_search_panel_get_search_mode (get_panel (fixture)));
  g_assert_false (roadmap_search_panel_get_active (get_panel (fixture)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (board))));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   roadmap_track_get_title (roadmap_board_get_track (board)));
  card = roadmap_board_find_card (board, skill);
  g_assert_true (gtk_widget_has_css_class (card, "search-hit"));
  ui_save_png (GTK_WIDGET (fixture->window), png);
  g_assert_true (ui_spin_until (highlight_ended, &opened, ROADMAP_BOARD_HIGHLIGHT_MS + 3000));
}

/* docker-kubernetes of the track the board does not show */
static RoadmapSkill *
other_track_skill (UiFixture *fixture)
{
  RoadmapTrack *shown = roadmap_board_get_track (roadmap_window_get_board (fixture->window));

  return ui_fixture_find_skill (fixture,
                                g_str_equal (roadmap_track_get_id (shown), "data-engineer") ?
                                  "backend-developer" : "data-engineer",
                                "docker-kubernetes");
}

static void
test_keyboard (UiFixture     *fixture,
               gconstpointer  data)
{
  GtkWidget *window;
  RoadmapSkill *skill;
  int row;

  ui_fixture_present_window (fixture, 1280, 800);
  window = GTK_WIDGET (fixture->window);
  skill = other_track_skill (fixture);

  /* Ctrl+F, then the query typed */
  ui_press_keys (window, "ctrl+f");
  g_assert_true (roadmap_search_panel_get_search_mode (get_panel (fixture)));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (get_entry (fixture))) ||
                 ui_widget_is_inside (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (get_entry (fixture))));
  ui_press_keys (window, QUERY_KEYS);
  g_assert_cmpstr (gtk_editable_get_text (get_entry (fixture)), ==, "kubectl");
  assert_kubectl_results (fixture);
  ui_save_png (window, "search-results.png");

  /* Down into the results, to the other track's, and Enter */
  row = other_track_row (fixture);
  for (int i = 0; i <= row; i++)
    ui_press_keys (window, "Down");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (get_results (fixture)), row)));
  ui_press_keys (window, "Return");
  assert_opened (fixture, skill, "search-opened.png");

  /* Escape closes the search, the board as it was */
  ui_press_keys (window, "ctrl+f");
  ui_press_keys (window, "k a f k a");
  g_assert_true (roadmap_search_panel_get_active (get_panel (fixture)));
  ui_press_keys (window, "Escape");
  g_assert_false (roadmap_search_panel_get_search_mode (get_panel (fixture)));
  g_assert_false (roadmap_search_panel_get_active (get_panel (fixture)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (roadmap_window_get_board (fixture->window)))));

  /* Typing on the board starts a search with what was typed */
  roadmap_board_focus_skill (roadmap_window_get_board (fixture->window), skill);
  ui_press_keys (window, "k u b");
  g_assert_true (roadmap_search_panel_get_search_mode (get_panel (fixture)));
  g_assert_cmpstr (gtk_editable_get_text (get_entry (fixture)), ==, "kub");
  ui_press_keys (window, "Escape");
}

static void
test_mouse (UiFixture     *fixture,
            gconstpointer  data)
{
  GtkWidget *window, *button, *row;
  RoadmapSkill *skill;

  ui_fixture_present_window (fixture, 1280, 800);
  window = GTK_WIDGET (fixture->window);
  skill = other_track_skill (fixture);
  button = find_search_button (window);
  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (get_entry (fixture)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Search skills");

  ui_click (button, 0.5, 0.5, 1);
  g_assert_true (roadmap_search_panel_get_search_mode (get_panel (fixture)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  ui_press_keys (window, QUERY_KEYS);
  assert_kubectl_results (fixture);

  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (get_results (fixture)),
                                                   other_track_row (fixture)));
  ui_click (row, 0.5, 0.5, 1);
  assert_opened (fixture, skill, "search-opened-by-mouse.png");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));

  /* The button closes it too */
  ui_click (button, 0.5, 0.5, 1);
  g_assert_true (roadmap_search_panel_get_search_mode (get_panel (fixture)));
  ui_click (button, 0.5, 0.5, 1);
  g_assert_false (roadmap_search_panel_get_search_mode (get_panel (fixture)));
}

static void
test_nothing_found (UiFixture     *fixture,
                    gconstpointer  data)
{
  GtkWidget *window;
  GtkWidget *title;

  ui_fixture_present_window (fixture, 1280, 800);
  window = GTK_WIDGET (fixture->window);
  ui_press_keys (window, "ctrl+f");
  ui_press_keys (window, "z z q");
  g_assert_true (roadmap_search_panel_get_active (get_panel (fixture)));
  g_assert_cmpuint (count_rows (get_results (fixture)), ==, 0);
  title = ui_find_label_exact (GTK_WIDGET (get_panel (fixture)), "No Skills Found");
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_is_visible (title));
  g_assert_true (gtk_widget_is_visible (ui_find_label_exact (GTK_WIDGET (get_panel (fixture)), "Try other words")));
  ui_save_png (window, "search-nothing-found.png");

  /* Enter with nothing found does nothing; clearing the words shows the board */
  ui_press_keys (window, "Return");
  g_assert_true (roadmap_search_panel_get_search_mode (get_panel (fixture)));
  ui_press_keys (window, "BackSpace BackSpace BackSpace");
  g_assert_false (roadmap_search_panel_get_active (get_panel (fixture)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (roadmap_window_get_board (fixture->window)))));
}

static gboolean
first_subtitle_is (gpointer data)
{
  gpointer *args = data;
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (get_results (args[0])), 0);

  return row != NULL && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), args[1]) == 0;
}

static gboolean
n_results_is (gpointer data)
{
  gpointer *args = data;

  return count_rows (get_results (args[0])) == GPOINTER_TO_UINT (args[1]);
}

/* The results follow progress changed while they are shown: by another
 * process (a note that now matches, a status), within a second */
static void
test_outside_change (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_autoptr(RoadmapSession) terminal = ui_fixture_reopen (fixture);
  RoadmapCatalog *catalog = roadmap_session_get_catalog (terminal);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  gpointer one[] = { fixture, GUINT_TO_POINTER (1) };
  gpointer two[] = { fixture, GUINT_TO_POINTER (2) };
  gpointer doing[] = { fixture, (gpointer) "Backend Developer · Phase 1 · Doing" };

  ui_fixture_present_window (fixture, 1280, 800);
  window = GTK_WIDGET (fixture->window);
  g_assert_true (roadmap_session_set_note (terminal,
                                           roadmap_catalog_find_skill (catalog, "backend-developer", "python-sql"),
                                           "zebrafish notes", &error));
  g_assert_no_error (error);
  ui_press_keys (window, "ctrl+f");
  ui_press_keys (window, "z e b r a f i s h");
  g_assert_true (ui_spin_until (n_results_is, one, 3000));

  g_assert_true (roadmap_session_set_status (terminal,
                                             roadmap_catalog_find_skill (catalog, "backend-developer", "python-sql"),
                                             ROADMAP_STATUS_DOING, &error));
  g_assert_no_error (error);
  g_assert_true (ui_spin_until (first_subtitle_is, doing, 3000));

  g_assert_true (roadmap_session_set_note (terminal,
                                           roadmap_catalog_find_skill (catalog, "data-engineer", "python-sql"),
                                           "Zebrafish too", &error));
  g_assert_no_error (error);
  g_assert_true (ui_spin_until (n_results_is, two, 3000));
}

/* 360 px: the leaflet folded; from the list of tracks too */
static void
test_narrow (UiFixture     *fixture,
             gconstpointer  data)
{
  GtkWidget *window;
  AdwLeaflet *leaflet;
  RoadmapSkill *skill;
  int row;

  ui_fixture_present_window (fixture, 360, 700);
  window = GTK_WIDGET (fixture->window);
  leaflet = ADW_LEAFLET (ui_find_child (window, ADW_TYPE_LEAFLET));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  skill = other_track_skill (fixture);

  /* On the list of tracks, Ctrl+F goes to the board's page */
  adw_leaflet_set_visible_child_name (leaflet, "sidebar");
  ui_spin (300);
  ui_press_keys (window, "ctrl+f");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  ui_press_keys (window, QUERY_KEYS);
  assert_kubectl_results (fixture);
  ui_save_png (window, "search-results-narrow.png");

  row = other_track_row (fixture);
  for (int i = 0; i <= row; i++)
    ui_press_keys (window, "Down");
  ui_press_keys (window, "Return");
  assert_opened (fixture, skill, "search-opened-narrow.png");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
}

int
main (int   argc,
      char *argv[])
{
  const char *skip = ui_test_init_xdotool (&argc, &argv);

#define ADD(path, func) UI_TEST_ADD (skip, path, func)

  ADD ("/ui/search/keyboard", test_keyboard);
  ADD ("/ui/search/mouse", test_mouse);
  ADD ("/ui/search/nothing-found", test_nothing_found);
  ADD ("/ui/search/narrow", test_narrow);
  ADD ("/ui/search/outside-change", test_outside_change);

  return g_test_run ();
}

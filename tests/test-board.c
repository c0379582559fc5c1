/* test-board.c — the board as a learner meets it: columns, drops, keyboard
 * moves, undo, notes, and a store that refuses (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "roadmap-column.h"
#include "roadmap-date.h"
#include "roadmap-phase-card.h"
#include "roadmap-skill-card.h"
#include "roadmap-skill-dialog.h"
#include "ui-test-util.h"

static RoadmapSkill *
find_skill (UiFixture  *fixture,
            const char *track_id,
            const char *skill_id)
{
  return ui_fixture_find_skill (fixture, track_id, skill_id);
}

static void
set_status (UiFixture     *fixture,
            RoadmapSkill  *skill,
            RoadmapStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_status (fixture->session, skill, status, &error));
  g_assert_no_error (error);
}

static RoadmapBoard *
get_board (UiFixture *fixture)
{
  return roadmap_window_get_board (fixture->window);
}

static GtkWidget *
get_column (UiFixture     *fixture,
            RoadmapSkill  *skill,
            RoadmapStatus  status)
{
  GtkWidget *column = roadmap_board_find_column (get_board (fixture), roadmap_skill_get_phase (skill), status);

  g_assert_nonnull (column);
  return column;
}

static RoadmapStatus
stored_status (UiFixture  *fixture,
               const char *track_id,
               const char *skill_id)
{
  g_autoptr(RoadmapSession) again = ui_fixture_reopen (fixture);
  RoadmapSkill *skill = roadmap_catalog_find_skill (roadmap_session_get_catalog (again), track_id, skill_id);

  return roadmap_skill_get_status (skill);
}

/* Every skill of the selected track is on the board, in its column. */
static void
test_columns (UiFixture     *fixture,
              gconstpointer  data)
{
  RoadmapSkill *doing = find_skill (fixture, "backend-developer", "api-development");
  RoadmapSkill *done = find_skill (fixture, "backend-developer", "testing-ci-cd");
  RoadmapTrack *track;
  GListModel *phases;
  GtkListBox *sidebar;

  set_status (fixture, doing, ROADMAP_STATUS_DOING);
  set_status (fixture, done, ROADMAP_STATUS_DONE);
  ui_fixture_open_window (fixture);

  sidebar = GTK_LIST_BOX (ui_find_with_class (GTK_WIDGET (fixture->window), "track-list"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (sidebar, 1));
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, 2));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (sidebar), "Data Engineer"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (sidebar), "1 of 13 done"));
  /* The track's summary over the board, and its totals */
  g_assert_nonnull (ui_find_label_exact (GTK_WIDGET (get_board (fixture)),
                                         roadmap_track_get_summary (roadmap_board_get_track (get_board (fixture)))));
  g_assert_nonnull (ui_find_label_exact (GTK_WIDGET (get_board (fixture)),
                                         "1 of 13 done · 1 in progress · 35 of 450 hours"));
  /* Each track's share done: 1 of 13 */
  g_assert_nonnull (ui_find_label_exact (GTK_WIDGET (sidebar), "8 %"));
  g_assert_nonnull (ui_find_label_exact (GTK_WIDGET (sidebar), "0 %"));
  /* In progress counts too, as in the report */
  g_assert_nonnull (ui_find_label_exact (GTK_WIDGET (sidebar), "1 of 13 done · 1 in progress"));

  track = roadmap_board_get_track (get_board (fixture));
  g_assert_cmpstr (roadmap_track_get_id (track), ==, "backend-developer");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Backend Developer");

  phases = roadmap_track_get_phases (track);
  for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);
      GListModel *skills = roadmap_phase_get_skills (phase);

      for (guint s = 0; s < g_list_model_get_n_items (skills); s++)
        {
          g_autoptr(RoadmapSkill) skill = g_list_model_get_item (skills, s);
          GtkWidget *card = roadmap_board_find_card (get_board (fixture), skill);
          GtkWidget *column = get_column (fixture, skill, roadmap_skill_get_status (skill));

          g_assert_nonnull (card);
          g_assert_true (ui_widget_is_inside (card, column));
          g_assert_true (gtk_widget_get_mapped (card));
        }
    }

  g_assert_true (ui_widget_is_inside (roadmap_board_find_card (get_board (fixture), doing),
                                      get_column (fixture, doing, ROADMAP_STATUS_DOING)));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "Phase 1 · Fundamentals"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "Months 1–2"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "Started "));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "Finished "));
  /* Dates as everywhere else: "Started 2 Dec 2026", one space */
  {
    GtkWidget *label = ui_find_label (GTK_WIDGET (fixture->window), "Started ");
    g_autofree char *date = roadmap_date_format (roadmap_skill_get_started_at (doing));
    g_autofree char *expected = g_strdup_printf ("Started %s", date);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
    g_assert_null (strstr (expected, "  "));
  }

  /* The status icon reads as a status, named by its tooltip: none for
   * To-do, a half-filled circle for Doing (not a "play" button), a check
   * mark for Done. */
  {
    RoadmapSkill *todo = find_skill (fixture, "backend-developer", "python-sql");
    RoadmapSkill *skills[] = { todo, doing, done };
    const char *icons[] = { NULL, "roadmap-in-progress-symbolic", "object-select-symbolic" };
    const char *tooltips[] = { NULL, "Doing", "Done" };
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (fixture->window)));

    for (guint i = 0; i < G_N_ELEMENTS (skills); i++)
      {
        GtkWidget *icon = ui_find_child (roadmap_board_find_card (get_board (fixture), skills[i]), GTK_TYPE_IMAGE);

        g_assert_nonnull (icon);
        g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, icons[i]);
        g_assert_cmpstr (gtk_widget_get_tooltip_text (icon), ==, tooltips[i]);
        if (icons[i] != NULL)
          g_assert_true (gtk_icon_theme_has_icon (theme, icons[i]));
      }
  }

  /* The icons are PNGs GTK recolours, as Adwaita's are: drawing an SVG
   * icon would have pulled librsvg (7 MB) into the first frame. This is
   * the first test of the process, so nothing else has loaded it. */
  {
    g_autofree char *maps = NULL;

    ui_wait_for_frame (GTK_WIDGET (fixture->window));
    g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
    g_assert_null (strstr (maps, "librsvg"));
  }

  /* Choosing the other track in the sidebar shows it. */
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 1)));
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 1));
  ui_spin (100);
  g_assert_cmpstr (roadmap_track_get_id (roadmap_board_get_track (get_board (fixture))), ==, "data-engineer");
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "SQL & NoSQL Databases"));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  return NULL;
}

/* Emits a drop of @skill at @x, @y on @widget's drop target */
static gboolean
emit_drop_at (GtkWidget    *widget,
              RoadmapSkill *skill,
              double        x,
              double        y)
{
  GtkEventController *target = find_controller (widget, GTK_TYPE_DROP_TARGET);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, ROADMAP_TYPE_SKILL);
  g_value_set_object (&value, skill);
  g_signal_emit_by_name (target, "drop", &value, x, y, &accepted);

  return accepted;
}

static gboolean
emit_drop (GtkWidget    *column,
           RoadmapSkill *skill,
           double        y)
{
  return emit_drop_at (column, skill, 10.0, y);
}

/* A drop on a column moves the skill there, persists it and updates the
 * counts of the phase, the sidebar and the column. */
static void
test_drop (UiFixture     *fixture,
           gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "backend-developer", "database-design");
  RoadmapPhase *phase = roadmap_skill_get_phase (skill);
  GtkWidget *done_column;
  GtkWidget *moved_card;
  GtkWidget *card;

  ui_fixture_open_window (fixture);
  done_column = get_column (fixture, skill, ROADMAP_STATUS_DONE);
  moved_card = roadmap_board_find_card (get_board (fixture), skill);

  g_assert_true (emit_drop (done_column, skill, 40.0));
  ui_spin (50);

  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpuint (roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_DONE), ==, 1);
  card = roadmap_board_find_card (get_board (fixture), skill);
  g_assert_nonnull (card);
  g_assert_true (ui_widget_is_inside (card, done_column));
  /* The card itself moved (none was built), and shows its new status */
  g_assert_true (card == moved_card);
  g_assert_true (gtk_widget_has_css_class (card, "done"));
  g_assert_false (gtk_widget_has_css_class (card, "todo"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "1 of 13 done"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "1 of 3 done"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "Moved Database Design to Done"));
  /* The track's totals over the board follow, hours of Done included */
  g_assert_nonnull (ui_find_label_exact (GTK_WIDGET (get_board (fixture)), "1 of 13 done · 25 of 450 hours"));
  g_assert_cmpuint (stored_status (fixture, "backend-developer", "database-design"), ==, ROADMAP_STATUS_DONE);

  /* A skill of another phase is refused by this column. */
  skill = find_skill (fixture, "backend-developer", "full-scale-project");
  g_assert_false (emit_drop (done_column, skill, 10.0));
  ui_spin (50);
  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_TODO);
}

/* Dropping between two cards puts the skill there. */
static void
test_drop_position (UiFixture     *fixture,
                    gconstpointer  data)
{
  RoadmapSkill *first = find_skill (fixture, "backend-developer", "python-sql");
  RoadmapSkill *second = find_skill (fixture, "backend-developer", "database-design");
  RoadmapSkill *third = find_skill (fixture, "backend-developer", "api-development");
  GtkWidget *done_column;
  graphene_rect_t bounds;

  set_status (fixture, first, ROADMAP_STATUS_DONE);
  set_status (fixture, second, ROADMAP_STATUS_DONE);
  ui_fixture_open_window (fixture);
  done_column = get_column (fixture, third, ROADMAP_STATUS_DONE);

  /* Just below the middle of the first card: between the two. */
  g_assert_true (gtk_widget_compute_bounds (roadmap_board_find_card (get_board (fixture), first),
                                            done_column, &bounds));
  g_assert_true (emit_drop (done_column, third, bounds.origin.y + bounds.size.height * 0.75));
  ui_spin (50);

  g_assert_cmpuint (roadmap_skill_get_position (first), ==, 0);
  g_assert_cmpuint (roadmap_skill_get_position (third), ==, 1);
  g_assert_cmpuint (roadmap_skill_get_position (second), ==, 2);
}

static void
activate_card_action (UiFixture    *fixture,
                      RoadmapSkill *skill,
                      const char   *action)
{
  GtkWidget *card = roadmap_board_find_card (get_board (fixture), skill);

  g_assert_nonnull (card);
  gtk_widget_grab_focus (card);
  g_assert_true (gtk_widget_activate_action (card, action, NULL));
  ui_spin (50);
}

/* The keyboard path: Ctrl+Right / Ctrl+Left between columns, Ctrl+Up /
 * Ctrl+Down within one, the menu's Move to…; the focus follows the card. */
/* @card's menu moves to the columns @targets, in order, then opens the
 * details */
static void
assert_card_menu (GtkWidget          *card,
                  const char * const *targets)
{
  GMenuModel *menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (ui_find_child (card, GTK_TYPE_POPOVER_MENU)));
  GMenuModel *moves = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  guint n = g_strv_length ((char **) targets);
  g_autofree char *last_action = NULL;

  g_assert_nonnull (moves);
  g_assert_cmpint (g_menu_model_get_n_items (moves), ==, (int) n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (moves, (int) i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);

      g_assert_nonnull (target);
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, targets[i]);
    }
  g_object_unref (moves);

  /* Then Skip, in a section of its own, then the details */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
  moves = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
  g_assert_nonnull (moves);
  g_assert_cmpint (g_menu_model_get_n_items (moves), ==, 1);
  {
    g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (moves, 0, G_MENU_ATTRIBUTE_TARGET,
                                                                        G_VARIANT_TYPE_STRING);

    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "skipped");
  }
  g_object_unref (moves);
  g_assert_true (g_menu_model_get_item_attribute (menu, 2, G_MENU_ATTRIBUTE_ACTION, "s", &last_action));
  g_assert_cmpstr (last_action, ==, "card.open");
}

static void
test_keyboard (UiFixture     *fixture,
               gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "backend-developer", "python-sql");
  RoadmapSkill *other = find_skill (fixture, "backend-developer", "database-design");
  GtkWidget *card;

  ui_fixture_open_window (fixture);

  activate_card_action (fixture, skill, "card.move-right");
  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DOING);
  card = roadmap_board_find_card (get_board (fixture), skill);
  g_assert_true (gtk_widget_has_focus (card));

  activate_card_action (fixture, skill, "card.move-right");
  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DONE);

  /* Past the last column: nothing happens. */
  activate_card_action (fixture, skill, "card.move-right");
  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DONE);

  activate_card_action (fixture, skill, "card.move-left");
  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DOING);

  /* Reorder: the other card joins Doing at the end, then moves up. */
  card = roadmap_board_find_card (get_board (fixture), other);
  gtk_widget_activate_action (card, "card.move-to", "s", "doing");
  ui_spin (50);
  g_assert_cmpuint (roadmap_skill_get_position (other), ==, 1);
  card = roadmap_board_find_card (get_board (fixture), other);
  activate_card_action (fixture, other, "card.move-up");
  g_assert_cmpuint (roadmap_skill_get_position (other), ==, 0);
  /* Reordered, the card is the same widget, not one built anew */
  g_assert_true (roadmap_board_find_card (get_board (fixture), other) == card);
  g_assert_cmpuint (roadmap_skill_get_position (skill), ==, 1);
  activate_card_action (fixture, other, "card.move-down");
  g_assert_cmpuint (roadmap_skill_get_position (other), ==, 1);

  g_assert_cmpuint (stored_status (fixture, "backend-developer", "database-design"), ==, ROADMAP_STATUS_DOING);

  /* Left / Right move the focus to the nearest column that has a card;
   * To-do still has api-development, Done has none. */
  card = roadmap_board_find_card (get_board (fixture), other);
  gtk_widget_grab_focus (card);
  g_assert_true (gtk_widget_activate_action (card, "card.focus-left", NULL));
  g_assert_true (gtk_widget_has_focus (roadmap_board_find_card (get_board (fixture),
                                                                find_skill (fixture, "backend-developer", "api-development"))));
  card = roadmap_board_find_card (get_board (fixture), skill);
  gtk_widget_grab_focus (card);
  g_assert_true (gtk_widget_activate_action (card, "card.focus-right", NULL));
  g_assert_true (gtk_widget_has_focus (card));

  /* The context menu opens from the keyboard too; it offers the other
   * columns only (the card is in Doing), then the details. */
  g_assert_true (gtk_widget_activate_action (card, "card.show-menu", NULL));
  ui_spin (50);
  g_assert_true (gtk_widget_get_visible (ui_find_child (card, GTK_TYPE_POPOVER_MENU)));
  assert_card_menu (card, (const char *[]) { "todo", "done", NULL });
  gtk_popover_popdown (GTK_POPOVER (ui_find_child (card, GTK_TYPE_POPOVER_MENU)));
  ui_spin (50);

  /* Moved to Done, its menu follows. */
  gtk_widget_activate_action (card, "card.move-to", "s", "done");
  ui_spin (50);
  card = roadmap_board_find_card (get_board (fixture), skill);
  g_assert_true (gtk_widget_activate_action (card, "card.show-menu", NULL));
  ui_spin (50);
  assert_card_menu (card, (const char *[]) { "todo", "doing", NULL });
}

/* The accessible name says what, where and in which phase. */
static void
test_accessible_names (UiFixture     *fixture,
                       gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "data-engineer", "sql-nosql-databases");
  GtkListBox *sidebar;
  GtkWidget *card;

  set_status (fixture, skill, ROADMAP_STATUS_DOING);
  ui_fixture_open_window (fixture);
  sidebar = GTK_LIST_BOX (ui_find_with_class (GTK_WIDGET (fixture->window), "track-list"));
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 1));
  ui_spin (100);

  card = roadmap_board_find_card (get_board (fixture), skill);
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "SQL & NoSQL Databases, in Doing, Phase 1");
  g_assert_true (gtk_widget_get_focusable (card));
}

/* Whether the primary menu's Undo item can be chosen */
static gboolean
undo_item_is_sensitive (GtkWidget *window)
{
  return ui_menu_item_is_sensitive (window, "Undo Last Move");
}

/* Undo from the toast's button (win.undo) and from Ctrl+Z. */
static void
test_undo (UiFixture     *fixture,
           gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "backend-developer", "api-development");
  RoadmapSkill *first = find_skill (fixture, "backend-developer", "python-sql");
  GtkWidget *window;

  ui_fixture_open_window (fixture);
  window = GTK_WIDGET (fixture->window);

  /* Nothing to undo or redo yet: the menu item is off */
  g_assert_false (undo_item_is_sensitive (window));

  activate_card_action (fixture, skill, "card.move-right");
  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DOING);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "Moved API Development to Doing"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ui_spin (50);
  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_TODO);
  g_assert_true (ui_widget_is_inside (roadmap_board_find_card (get_board (fixture), skill),
                                      get_column (fixture, skill, ROADMAP_STATUS_TODO)));
  g_assert_cmpuint (stored_status (fixture, "backend-developer", "api-development"), ==, ROADMAP_STATUS_TODO);

  /* Ctrl+Z is the window's accelerator for the same action. */
  activate_card_action (fixture, skill, "card.move-right");
  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DOING);
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "win.undo");

    g_assert_cmpstr (accels[0], ==, "<Control>z");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ui_spin (50);
  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_TODO);

  /* A reorder can be undone and redone too; with all undone, Undo is off */
  activate_card_action (fixture, first, "card.move-down");
  g_assert_cmpuint (roadmap_skill_get_position (first), ==, 1);
  g_assert_true (undo_item_is_sensitive (window));
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  ui_spin (50);
  g_assert_cmpuint (roadmap_skill_get_position (first), ==, 0);
  g_assert_false (undo_item_is_sensitive (window));
  g_assert_true (gtk_widget_activate_action (window, "win.redo", NULL));
  ui_spin (50);
  g_assert_cmpuint (roadmap_skill_get_position (first), ==, 1);
  g_assert_true (gtk_widget_activate_action (window, "win.undo", NULL));
  ui_spin (50);
  g_assert_cmpuint (roadmap_skill_get_position (first), ==, 0);
}

/* The window, and the details of @skill over it */
static RoadmapSkillDialog *
open_details (UiFixture    *fixture,
              RoadmapSkill *skill)
{
  RoadmapSkillDialog *dialog;

  ui_fixture_open_window (fixture);
  dialog = roadmap_skill_dialog_new (GTK_WINDOW (fixture->window), skill, fixture->session);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_spin (100);

  return dialog;
}

/* Notes typed in the details are saved and come back after a restart. */
static void
test_notes (UiFixture     *fixture,
            gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "data-engineer", "etl-basics");
  g_autoptr(RoadmapSession) again = NULL;
  RoadmapSkillDialog *dialog = open_details (fixture, skill);
  GtkTextView *view;

  g_assert_nonnull (ui_find_label (GTK_WIDGET (dialog), "Airflow"));
  view = GTK_TEXT_VIEW (ui_find_child (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Built a CSV → Postgres job.\nNext: retries.", -1);

  /* Saved on its own, shortly after typing stops… */
  ui_spin (800);
  g_assert_cmpstr (roadmap_skill_get_note (skill), ==, "Built a CSV → Postgres job.\nNext: retries.");

  /* …and always on close. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Final words", -1);
  gtk_window_close (GTK_WINDOW (dialog));
  ui_spin (50);

  again = ui_fixture_reopen (fixture);
  g_assert_cmpstr (roadmap_skill_get_note (roadmap_catalog_find_skill (roadmap_session_get_catalog (again),
                                                                       "data-engineer", "etl-basics")),
                   ==, "Final words");
}

static RoadmapSkillDialog *
find_open_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ROADMAP_IS_SKILL_DIALOG (toplevel) && gtk_widget_get_visible (toplevel))
        return ROADMAP_SKILL_DIALOG (toplevel);
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

/* A note that is not text (an ESC a terminal would obey) is not saved:
 * the dialog says why under the notes and keeps the text on the first
 * close; once the learner takes the ESC out, it saves. */
static void
test_notes_not_text (UiFixture     *fixture,
                     gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "data-engineer", "etl-basics");
  RoadmapSkillDialog *dialog = open_details (fixture, skill);
  GtkTextBuffer *buffer;
  GtkWidget *message;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ui_find_child (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_set_text (buffer, "Pasted from a terminal: \x1b[31mred\x1b[0m", -1);
  ui_spin (800);

  message = ui_find_label (GTK_WIDGET (dialog), "Notes not saved: the text contains the control character U+001B");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_has_css_class (message, "error"));
  g_assert_null (roadmap_skill_get_note (skill));

  gtk_window_close (GTK_WINDOW (dialog));
  ui_spin (50);
  g_assert_true (find_open_dialog () == dialog);

  gtk_text_buffer_set_text (buffer, "Pasted from a terminal: red", -1);
  ui_spin (800);
  g_assert_nonnull (ui_find_label_exact (GTK_WIDGET (dialog), "Saved"));
  g_assert_cmpstr (roadmap_skill_get_note (skill), ==, "Pasted from a terminal: red");

  gtk_window_close (GTK_WINDOW (dialog));
  ui_spin (50);
}

/* Opens the details of @skill from its card, with the keyboard */
static RoadmapSkillDialog *
open_details_from_card (UiFixture    *fixture,
                        RoadmapSkill *skill)
{
  RoadmapSkillDialog *dialog;

  activate_card_action (fixture, skill, "card.open");
  ui_spin (200);
  dialog = find_open_dialog ();
  g_assert_nonnull (dialog);

  return dialog;
}

/* Enter on a card opens its details; their status toggles move it like any
 * other move (committed, with its toast). */
static void
test_details_move (UiFixture     *fixture,
                   gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "backend-developer", "database-design");
  RoadmapSkillDialog *dialog;
  GtkWidget *done_button;

  ui_fixture_open_window (fixture);
  dialog = open_details_from_card (fixture, skill);
  g_assert_true (roadmap_skill_dialog_get_skill (dialog) == skill);
  g_assert_nonnull (ui_find_label (GTK_WIDGET (dialog), roadmap_skill_get_summary (skill)));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (dialog), "Not yet"));

  done_button = find_button (GTK_WIDGET (dialog), "Done");
  g_assert_nonnull (done_button);
  g_signal_emit_by_name (done_button, "clicked");
  ui_spin (100);

  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DONE);
  g_assert_true (gtk_widget_get_sensitive (done_button));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (done_button)));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "Moved Database Design to Done"));
  g_assert_cmpuint (stored_status (fixture, "backend-developer", "database-design"), ==, ROADMAP_STATUS_DONE);

  gtk_window_close (GTK_WINDOW (dialog));
  ui_spin (50);
  g_assert_null (find_open_dialog ());
}

static guint
count_moves_requested (RoadmapSkillDialog *dialog)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "test-moves"));
}

static void
on_move_requested (RoadmapSkillDialog *dialog,
                   guint               status)
{
  g_object_set_data (G_OBJECT (dialog), "test-moves", GUINT_TO_POINTER (count_moves_requested (dialog) + 1));
}

/* The details' status toggles, To-do, Doing, Done and Skipped in that order */
static void
find_status_toggles (RoadmapSkillDialog *dialog,
                     GtkWidget          *toggles[ROADMAP_N_STATUSES])
{
  static const char * const labels[ROADMAP_N_STATUSES] = { "To-do", "Doing", "Done", "Skipped" };

  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    {
      toggles[s] = find_button (GTK_WIDGET (dialog), labels[s]);
      g_assert_nonnull (toggles[s]);
    }
}

/* Every toggle can be pressed (and read: none is made pale); only the
 * one of @status is checked, for the eye and for a screen reader. */
static void
assert_status_shown (GtkWidget     *toggles[ROADMAP_N_STATUSES],
                     RoadmapStatus  status)
{
  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    {
      g_assert_true (gtk_widget_get_sensitive (toggles[s]));
      g_assert_true (GTK_IS_TOGGLE_BUTTON (toggles[s]));
      g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggles[s])), ==, s == status);
      /* GTK 4.8 leaves "pressed" unset on a toggle that was never checked */
      if (s == status)
        gtk_test_accessible_assert_state (toggles[s], GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_TRUE);
      else if (gtk_test_accessible_has_state (GTK_ACCESSIBLE (toggles[s]), GTK_ACCESSIBLE_STATE_PRESSED))
        gtk_test_accessible_assert_state (toggles[s], GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE);
    }
}

/* The status in the details is a linked group of toggles, the current one
 * checked. Another one moves the skill; the checked one does nothing; a
 * move made elsewhere is followed, without a move back; a refused one is
 * not shown. */
static void
test_details_status (UiFixture     *fixture,
                     gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "backend-developer", "database-design");
  RoadmapSkillDialog *dialog;
  GtkWidget *toggles[ROADMAP_N_STATUSES];
  GtkWidget *group;
  sqlite3 *other = NULL;
  g_autoptr(GError) error = NULL;

  ui_fixture_open_window (fixture);
  dialog = open_details_from_card (fixture, skill);
  g_signal_connect_swapped (dialog, "move-requested", G_CALLBACK (on_move_requested), dialog);
  find_status_toggles (dialog, toggles);
  assert_status_shown (toggles, ROADMAP_STATUS_TODO);
  group = gtk_widget_get_parent (toggles[ROADMAP_STATUS_TODO]);
  g_assert_true (gtk_widget_has_css_class (group, "linked"));
  g_assert_true (gtk_widget_get_parent (toggles[ROADMAP_STATUS_DONE]) == group);
  gtk_test_accessible_assert_property (group, GTK_ACCESSIBLE_PROPERTY_LABEL, "Status");

  /* The checked one stays checked, and nothing moves. */
  g_signal_emit_by_name (toggles[ROADMAP_STATUS_TODO], "clicked");
  ui_spin (100);
  assert_status_shown (toggles, ROADMAP_STATUS_TODO);
  g_assert_cmpuint (count_moves_requested (dialog), ==, 0);

  g_signal_emit_by_name (toggles[ROADMAP_STATUS_DONE], "clicked");
  ui_spin (100);
  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DONE);
  g_assert_cmpuint (stored_status (fixture, "backend-developer", "database-design"), ==, ROADMAP_STATUS_DONE);
  assert_status_shown (toggles, ROADMAP_STATUS_DONE);
  g_assert_cmpuint (count_moves_requested (dialog), ==, 1);

  /* Moved by the board (the session), then undone: the toggles follow. */
  g_assert_true (roadmap_session_move_skill (fixture->session, skill, ROADMAP_STATUS_DOING, NULL, &error));
  g_assert_no_error (error);
  ui_spin (100);
  assert_status_shown (toggles, ROADMAP_STATUS_DOING);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ui_spin (100);
  assert_status_shown (toggles, ROADMAP_STATUS_DONE);
  g_assert_cmpuint (count_moves_requested (dialog), ==, 1);
  g_assert_cmpuint (stored_status (fixture, "backend-developer", "database-design"), ==, ROADMAP_STATUS_DONE);

  /* A move the store refuses (another program holds the write lock)
   * leaves the old status checked. */
  g_assert_cmpint (sqlite3_open (fixture->db_path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_signal_emit_by_name (toggles[ROADMAP_STATUS_TODO], "clicked");
  ui_spin (100);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_cmpuint (count_moves_requested (dialog), ==, 2);
  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DONE);
  assert_status_shown (toggles, ROADMAP_STATUS_DONE);

  gtk_window_close (GTK_WINDOW (dialog));
  ui_spin (50);
}

static gboolean
no_dialog_open (gpointer data)
{
  return find_open_dialog () == NULL;
}

/* Escape, what the dialog binds it to */
static void
close_details (RoadmapSkillDialog *dialog)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_true (ui_spin_until (no_dialog_open, NULL, 2000));
  ui_spin (200);
}

/* Closing the details gives the keyboard back to the skill's card, where
 * it is now: in the column the details moved it to, or where it was. */
static void
test_details_focus_returns (UiFixture     *fixture,
                            gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "backend-developer", "database-design");
  GtkWindow *window;
  RoadmapSkillDialog *dialog;
  GtkWidget *toggles[ROADMAP_N_STATUSES];
  GtkWidget *card;

  ui_fixture_open_window (fixture);
  window = GTK_WINDOW (fixture->window);

  dialog = open_details_from_card (fixture, skill);
  find_status_toggles (dialog, toggles);
  g_signal_emit_by_name (toggles[ROADMAP_STATUS_DONE], "clicked");
  ui_spin (100);
  close_details (dialog);

  card = roadmap_board_find_card (get_board (fixture), skill);
  g_assert_true (ui_widget_is_inside (card, get_column (fixture, skill, ROADMAP_STATUS_DONE)));
  g_assert_true (gtk_window_get_focus (window) == card);
  g_assert_true (gtk_widget_has_focus (card));

  /* Nothing changed: the card is where it was, and has the focus again. */
  dialog = open_details_from_card (fixture, skill);
  close_details (dialog);
  g_assert_true (gtk_window_get_focus (window) == roadmap_board_find_card (get_board (fixture), skill));
  g_assert_true (gtk_widget_has_focus (roadmap_board_find_card (get_board (fixture), skill)));
}

/* Whether @widget lies within @dialog's width */
static gboolean
fits_across (GtkWidget *widget,
             GtkWidget *dialog)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, dialog, &bounds));
  return bounds.origin.x >= 0 && bounds.size.width > 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (dialog);
}

/* Over a 360 px wide window the details fit in it, and everything in them
 * is there to read and use; over a wide one, they keep their own size. */
static void
test_details_narrow (UiFixture     *fixture,
                     gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "backend-developer", "database-design");
  RoadmapSkillDialog *dialog;
  GtkWidget *toggles[ROADMAP_N_STATUSES];
  GtkAdjustment *adjustment;
  GtkWidget *widget;
  int width, height;

  ui_fixture_present_window (fixture, 360, 700);
  dialog = roadmap_skill_dialog_new (GTK_WINDOW (fixture->window), skill, fixture->session);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_wait_for_frame (GTK_WIDGET (dialog));

  gtk_window_get_default_size (GTK_WINDOW (dialog), &width, &height);
  g_assert_cmpint (width, <=, 360);
  g_assert_cmpint (height, <=, 700);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 360);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (dialog)), <=, 700);

  find_status_toggles (dialog, toggles);
  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    g_assert_true (gtk_widget_get_mapped (toggles[s]) && fits_across (toggles[s], GTK_WIDGET (dialog)));
  g_assert_true (fits_across (ui_find_label (GTK_WIDGET (dialog), roadmap_skill_get_summary (skill)),
                              GTK_WIDGET (dialog)));
  g_assert_true (fits_across (ui_find_child (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW), GTK_WIDGET (dialog)));
  ui_save_png (GTK_WIDGET (dialog), "skill-dialog-narrow.png");

  /* The rest is below, a scroll away */
  widget = ui_find_child (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_true (fits_across (widget, GTK_WIDGET (dialog)));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ui_wait_for_frame (GTK_WIDGET (dialog));
  widget = ui_find_label_exact (GTK_WIDGET (dialog), "Finished");
  g_assert_nonnull (widget);
  g_assert_true (fits_across (widget, GTK_WIDGET (dialog)));
  ui_save_png (GTK_WIDGET (dialog), "skill-dialog-narrow-end.png");
  gtk_window_close (GTK_WINDOW (dialog));
  ui_spin (50);

  /* A wide window: the dialog's own size */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 850);
  ui_spin (300);
  dialog = roadmap_skill_dialog_new (GTK_WINDOW (fixture->window), skill, fixture->session);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_wait_for_frame (GTK_WIDGET (dialog));
  gtk_window_get_default_size (GTK_WINDOW (dialog), &width, &height);
  g_assert_cmpint (width, ==, 560);
  g_assert_cmpint (height, ==, 640);
  ui_save_png (GTK_WIDGET (dialog), "skill-dialog-wide.png");
  gtk_window_close (GTK_WINDOW (dialog));
  ui_spin (50);
}

/* Another program holds the write lock: the drop is refused, the card
 * stays where it was, and a toast says why. */
static void
test_store_refuses (UiFixture     *fixture,
                    gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "backend-developer", "python-sql");
  GtkWidget *todo_column;
  GtkWidget *card;
  sqlite3 *other = NULL;

  ui_fixture_open_window (fixture);
  todo_column = get_column (fixture, skill, ROADMAP_STATUS_TODO);

  g_assert_cmpint (sqlite3_open (fixture->db_path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; INSERT INTO notes VALUES ('x', 'y', 'z', 0, 0);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (emit_drop (get_column (fixture, skill, ROADMAP_STATUS_DONE), skill, 10.0));
  ui_spin (100);

  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_TODO);
  card = roadmap_board_find_card (get_board (fixture), skill);
  g_assert_true (ui_widget_is_inside (card, todo_column));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "locked by another program"));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "0 of 13 done"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_cmpuint (stored_status (fixture, "backend-developer", "python-sql"), ==, ROADMAP_STATUS_TODO);
}

/* The colour of the window's pixel at (@x, @y), as the window draws it now */
static guint32
window_pixel (GtkWidget *window,
              int        x,
              int        y)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);

  g_assert_true (x >= 0 && x < width && y >= 0 && y < height);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  return *(guint32 *) (pixels + ((gsize) y * width + x) * 4);
}

/* Whether @card's face (its padding, left of the text) is drawn over the
 * column: the two differ in colour wherever the card is drawn. */
static gboolean
card_is_drawn (UiFixture *fixture,
               GtkWidget *card)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  graphene_rect_t bounds;
  int x, y;

  g_assert_true (gtk_widget_compute_bounds (card, window, &bounds));
  x = (int) bounds.origin.x;
  y = (int) (bounds.origin.y + bounds.size.height / 2);

  return window_pixel (window, x + 4, y) != window_pixel (window, x - 3, y);
}

/* Whether @card's last drawing holds anything (what the frame reuses) */
static gboolean
card_has_drawing (GtkWidget *card)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (card);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (card), gtk_widget_get_height (card));
  node = gtk_snapshot_to_node (snapshot);
  return node != NULL;
}

/* A session on one track, "long", of one phase with @n_skills skills */
static void
use_long_track (UiFixture *fixture,
                guint      n_skills)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": 1, \"id\": \"long\", \"title\": \"Long Track\","
                                          " \"phases\": [{\"id\": \"all\", \"title\": \"All\", \"months\": [1, 2], \"skills\": [");
  g_autofree char *dir = g_build_filename (fixture->dir, "roadmaps", NULL);
  g_autofree char *path = g_build_filename (dir, "long.json", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_skills; i++)
    g_string_append_printf (json, "%s{\"id\": \"skill-%u\", \"title\": \"Skill %u\", \"estimate_hours\": 5}",
                            i > 0 ? "," : "", i, i);
  g_string_append (json, "]}]}");
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, json->str, -1, &error));

  g_clear_object (&fixture->session);
  fixture->session = roadmap_session_new (fixture->db_path, dir);
  g_assert_true (roadmap_session_load_roadmaps (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_session_open_store (fixture->session, &error));
  g_assert_no_error (error);
}

static GtkWidget *
card_of (UiFixture  *fixture,
         const char *skill_id)
{
  GtkWidget *card = roadmap_board_find_card (get_board (fixture), find_skill (fixture, "long", skill_id));

  g_assert_nonnull (card);
  return card;
}

/* The board draws only the cards in view; a card that comes into view,
 * scrolled or pushed by a move, is drawn in that same frame. */
static void
test_cards_in_view (UiFixture     *fixture,
                    gconstpointer  data)
{
  GtkWidget *window;
  GtkAdjustment *adjustment;

  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  use_long_track (fixture, 30);
  g_settings_set_string (settings, "last-track", "long");
  ui_fixture_present_window (fixture, 1200, 500);
  window = GTK_WIDGET (fixture->window);
  g_assert_cmpstr (roadmap_track_get_id (roadmap_board_get_track (get_board (fixture))), ==, "long");
  g_assert_true (card_is_drawn (fixture, card_of (fixture, "skill-0")));
  gtk_widget_grab_focus (card_of (fixture, "skill-1"));
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  ui_wait_for_frame (window);
  ui_save_png (window, "board-focus.png");

  /* Scrolled to the end, and back */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (get_board (fixture)))));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment) * 2);
  g_assert_true (card_has_drawing (card_of (fixture, "skill-0")));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ui_wait_for_frame (window);
  g_assert_true (card_is_drawn (fixture, card_of (fixture, "skill-29")));
  /* The cards that left the view are kept as nothing: a frame renders
   * only what shows. */
  g_assert_false (card_has_drawing (card_of (fixture, "skill-0")));
  gtk_adjustment_set_value (adjustment, 0);
  ui_wait_for_frame (window);
  g_assert_true (card_is_drawn (fixture, card_of (fixture, "skill-0")));

  /* Ten cards leave the top of To-do for the top of Done, as with the
   * pointer (the keyboard focus elsewhere): those below them move up into
   * view. */
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("skill-%u", i);
      RoadmapSkill *skill = find_skill (fixture, "long", id);
      g_autoptr(RoadmapSkill) top = g_list_model_get_item (roadmap_phase_get_column (roadmap_skill_get_phase (skill),
                                                                                     ROADMAP_STATUS_DONE), 0);

      g_assert_true (roadmap_board_move_skill (get_board (fixture), skill, ROADMAP_STATUS_DONE, top));

    }
  ui_wait_for_frame (window);
  g_assert_true (card_is_drawn (fixture, card_of (fixture, "skill-10")));
  g_assert_true (card_is_drawn (fixture, card_of (fixture, "skill-11")));
  g_assert_true (card_is_drawn (fixture, card_of (fixture, "skill-9")));
}

/* The grey of a pixel of the window, 0–255, at @x, @y of @widget */
static int
grey_at (GtkWidget *window,
         GtkWidget *widget,
         double     x,
         double     y)
{
  graphene_point_t point;
  guint32 pixel;

  g_assert_true (gtk_widget_compute_point (widget, window, &GRAPHENE_POINT_INIT (x, y), &point));
  pixel = window_pixel (window, (int) point.x, (int) point.y);
  /* BGRA in memory: the three channels are equal for these greys */
  return (int) ((pixel & 0xff) + ((pixel >> 8) & 0xff) + ((pixel >> 16) & 0xff)) / 3;
}

/* A column stands out from its phase card, light and dark (dark columns
 * were #3D3D3D on #353535). */
static void
test_column_contrast (UiFixture     *fixture,
                      gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  RoadmapSkill *skill = find_skill (fixture, "backend-developer", "python-sql");
  GtkWidget *window;
  GtkWidget *column;
  GtkWidget *phase_card;

  ui_fixture_present_window (fixture, 1200, 800);
  window = GTK_WIDGET (fixture->window);
  column = get_column (fixture, skill, ROADMAP_STATUS_DONE);
  phase_card = gtk_widget_get_ancestor (column, ROADMAP_TYPE_PHASE_CARD);
  g_assert_nonnull (phase_card);

  for (guint dark = 0; dark < 2; dark++)
    {
      int card_grey, column_grey;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      ui_wait_for_frame (window);
      ui_spin (100);

      /* The card's left margin, and the column's bottom padding */
      card_grey = grey_at (window, phase_card, 4, gtk_widget_get_height (phase_card) / 2.0);
      column_grey = grey_at (window, column, gtk_widget_get_width (column) / 2.0,
                             gtk_widget_get_height (column) - 2);
      g_test_message ("%s: phase card %d, column %d", dark ? "dark" : "light", card_grey, column_grey);
      /* Light keeps libadwaita's faint tint; dark needs more */
      g_assert_cmpint (ABS (card_grey - column_grey), >=, dark ? 14 : 8);
      if (dark)
        ui_save_png (window, "board-dark.png");
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* A phase's progress sits beside its title when the title fits on one
 * line there, under it otherwise: at 360 px the long title of phase 3
 * takes two lines at most, not three. */
static void
test_phase_header (UiFixture     *fixture,
                   gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "backend-developer", "full-scale-project");
  const int widths[] = { 360, 1400 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      GtkWidget *phase_card;
      GtkWidget *title;
      GtkWidget *progress;
      graphene_rect_t title_bounds, progress_bounds;
      PangoLayout *layout;

      if (fixture->window != NULL)
        gtk_window_set_default_size (GTK_WINDOW (fixture->window), widths[w], 700);
      else
        ui_fixture_present_window (fixture, widths[w], 700);
      ui_spin (200);
      ui_wait_for_frame (GTK_WIDGET (fixture->window));

      phase_card = gtk_widget_get_ancestor (get_column (fixture, skill, ROADMAP_STATUS_TODO), ROADMAP_TYPE_PHASE_CARD);
      title = ui_find_label (phase_card, "Phase 3 · Advanced & Projects");
      progress = ui_find_label (phase_card, "0 of 4 done");
      g_assert_nonnull (title);
      g_assert_nonnull (progress);
      g_assert_true (gtk_widget_compute_bounds (title, phase_card, &title_bounds));
      g_assert_true (gtk_widget_compute_bounds (progress, phase_card, &progress_bounds));
      layout = gtk_label_get_layout (GTK_LABEL (title));

      if (widths[w] == 360)
        {
          g_assert_cmpint (pango_layout_get_line_count (layout), <=, 2);
          g_assert_cmpfloat (progress_bounds.origin.y, >=, title_bounds.origin.y + title_bounds.size.height);
        }
      else
        {
          g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
          g_assert_cmpfloat (progress_bounds.origin.x, >=, title_bounds.origin.x + title_bounds.size.width);
        }
    }
}

/* An empty column is short, and the space under it still takes a drop
 * for it: a card dragged straight across lands there. */
static void
test_drop_below (UiFixture     *fixture,
                 gconstpointer  data)
{
  RoadmapSkill *skill = find_skill (fixture, "backend-developer", "docker-kubernetes");
  RoadmapSkill *other_phase = find_skill (fixture, "backend-developer", "python-sql");
  GtkWidget *todo, *doing, *box;
  graphene_rect_t todo_bounds, doing_bounds;

  ui_fixture_present_window (fixture, 1400, 900);
  todo = get_column (fixture, skill, ROADMAP_STATUS_TODO);
  doing = get_column (fixture, skill, ROADMAP_STATUS_DOING);
  box = gtk_widget_get_parent (doing);
  g_assert_true (gtk_widget_compute_bounds (todo, box, &todo_bounds));
  g_assert_true (gtk_widget_compute_bounds (doing, box, &doing_bounds));

  /* Six cards in To-do; Doing, empty, about one card tall */
  g_assert_cmpfloat (doing_bounds.size.height, <, todo_bounds.size.height / 2);
  g_assert_cmpfloat (doing_bounds.size.height, >=, 58);

  /* Another phase's skill is refused there; this phase's lands in Doing */
  g_assert_false (emit_drop_at (box, other_phase, doing_bounds.origin.x + 20,
                                doing_bounds.origin.y + doing_bounds.size.height + 40));
  g_assert_cmpuint (roadmap_skill_get_status (other_phase), ==, ROADMAP_STATUS_TODO);
  g_assert_true (emit_drop_at (box, skill, doing_bounds.origin.x + 20,
                               doing_bounds.origin.y + doing_bounds.size.height + 40));
  ui_spin (50);
  g_assert_cmpuint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DOING);
  g_assert_cmpuint (stored_status (fixture, "backend-developer", "docker-kubernetes"), ==, ROADMAP_STATUS_DOING);
}

/* A drag near the board's bottom edge scrolls it down, near the top up,
 * and stops in between or when the drag leaves: at 360 px Doing and Done
 * sit below a long To-do. */
static void
test_drag_scroll (UiFixture     *fixture,
                  gconstpointer  data)
{
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  GtkEventController *motion;
  double height, value;

  ui_fixture_present_window (fixture, 360, 700);
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (get_board (fixture))));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  motion = find_controller (GTK_WIDGET (scroller), GTK_TYPE_DROP_CONTROLLER_MOTION);
  g_assert_nonnull (motion);
  height = gtk_widget_get_height (GTK_WIDGET (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  g_signal_emit_by_name (motion, "enter", 180.0, height - 4);
  ui_spin (400);
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, 50);

  /* In the middle: it stays */
  g_signal_emit_by_name (motion, "motion", 180.0, height / 2);
  ui_spin (100);
  value = gtk_adjustment_get_value (adjustment);
  ui_spin (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);

  /* Near the top: back up; the drag leaves: it stops */
  g_signal_emit_by_name (motion, "motion", 180.0, 4.0);
  ui_spin (200);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, value);
  g_signal_emit_by_name (motion, "leave");
  value = gtk_adjustment_get_value (adjustment);
  ui_spin (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);
}

/* While a drag hovers a column, a line shows where the card would land:
 * above the card it would go before, or under the last one. */
static void
test_drop_place (UiFixture     *fixture,
                 gconstpointer  data)
{
  RoadmapSkill *third = find_skill (fixture, "backend-developer", "containerization-orchestration");
  RoadmapSkill *fourth = find_skill (fixture, "backend-developer", "docker-kubernetes");
  RoadmapSkill *last = find_skill (fixture, "backend-developer", "caching-optimization");
  GtkWidget *todo, *third_card, *fourth_card, *last_card;
  GtkEventController *target;
  GdkDragAction action = 0;
  graphene_rect_t bounds;

  ui_fixture_present_window (fixture, 1400, 900);
  todo = get_column (fixture, third, ROADMAP_STATUS_TODO);
  target = find_controller (todo, GTK_TYPE_DROP_TARGET);
  third_card = roadmap_board_find_card (get_board (fixture), third);
  fourth_card = roadmap_board_find_card (get_board (fixture), fourth);
  last_card = roadmap_board_find_card (get_board (fixture), last);

  /* The lower half of the third card: between it and the fourth */
  g_assert_true (gtk_widget_compute_bounds (third_card, todo, &bounds));
  g_signal_emit_by_name (target, "motion", 20.0, bounds.origin.y + bounds.size.height * 0.75, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
  g_assert_true (gtk_widget_has_css_class (fourth_card, "drop-before"));
  g_assert_false (gtk_widget_has_css_class (third_card, "drop-before"));
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  ui_save_png (GTK_WIDGET (fixture->window), "board-drop-place.png");

  /* Under the last card: a line below it, the other one gone */
  g_assert_true (gtk_widget_compute_bounds (last_card, todo, &bounds));
  g_signal_emit_by_name (target, "motion", 20.0, bounds.origin.y + bounds.size.height + 2, &action);
  g_assert_true (gtk_widget_has_css_class (last_card, "drop-after"));
  g_assert_false (gtk_widget_has_css_class (fourth_card, "drop-before"));

  g_signal_emit_by_name (target, "leave");
  g_assert_false (gtk_widget_has_css_class (last_card, "drop-after"));
}

/* Window size, maximized state and the last track come back. */
static void
test_state (UiFixture     *fixture,
            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last_track = NULL;
  GtkListBox *sidebar;
  int width, height;

  g_settings_set_string (settings, "last-track", "data-engineer");
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 650);

  fixture->window = roadmap_window_new (fixture->app, fixture->session, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ui_spin (200);

  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
  g_assert_cmpstr (roadmap_track_get_id (roadmap_board_get_track (get_board (fixture))), ==, "data-engineer");

  sidebar = GTK_LIST_BOX (ui_find_with_class (GTK_WIDGET (fixture->window), "track-list"));
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 0));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  ui_spin (100);
  gtk_window_close (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  ui_spin (50);

  last_track = g_settings_get_string (settings, "last-track");
  g_assert_cmpstr (last_track, ==, "backend-developer");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)

  ADD ("/ui/board/columns", test_columns);
  ADD ("/ui/board/drop", test_drop);
  ADD ("/ui/board/drop-position", test_drop_position);
  ADD ("/ui/board/keyboard", test_keyboard);
  ADD ("/ui/board/accessible-names", test_accessible_names);
  ADD ("/ui/board/undo", test_undo);
  ADD ("/ui/board/notes", test_notes);
  ADD ("/ui/board/notes-not-text", test_notes_not_text);
  ADD ("/ui/board/details-move", test_details_move);
  ADD ("/ui/board/details-status", test_details_status);
  ADD ("/ui/board/details-focus-returns", test_details_focus_returns);
  ADD ("/ui/board/details-narrow", test_details_narrow);
  ADD ("/ui/board/store-refuses", test_store_refuses);
  ADD ("/ui/board/state", test_state);
  ADD ("/ui/board/cards-in-view", test_cards_in_view);
  ADD ("/ui/board/column-contrast", test_column_contrast);
  ADD ("/ui/board/phase-header", test_phase_header);
  ADD ("/ui/board/drop-below", test_drop_below);
  ADD ("/ui/board/drag-scroll", test_drag_scroll);
  ADD ("/ui/board/drop-place", test_drop_place);

#undef ADD

  return g_test_run ();
}

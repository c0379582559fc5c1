/* test-i18n.c — with LANGUAGE=de the window speaks German (run under Xvfb)
 *
 * The translations are the .mo files of this build (po/<lang>/LC_MESSAGES
 * in the build folder, ROADMAP_TEST_LOCALEDIR), bound as src/main.c binds
 * the installed ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-column.h"
#include "roadmap-search-panel.h"
#include "ui-test-util.h"

static void
set_status (UiFixture     *fixture,
            const char    *track_id,
            const char    *skill_id,
            RoadmapStatus  status)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  RoadmapSkill *skill = roadmap_catalog_find_skill (catalog, track_id, skill_id);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (skill);
  g_assert_true (roadmap_session_set_status (fixture->session, skill, status, &error));
  g_assert_no_error (error);
}

static void
assert_label (GtkWidget  *root,
              const char *text)
{
  if (ui_find_label (root, text) == NULL)
    g_error ("no label shows “%s”", text);
}

static void
assert_accessible_label (GtkWidget  *widget,
                         const char *expected)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                  expected);

  if (mismatch != NULL)
    g_error ("accessible label: %s", mismatch);
}

static gboolean
menu_has_label (GMenuModel *menu,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &text) &&
          g_str_equal (text, label))
        return TRUE;
      if (section != NULL && menu_has_label (section, label))
        return TRUE;
    }

  return FALSE;
}

static void
test_window_in_german (UiFixture     *fixture,
                       gconstpointer  data)
{
  RoadmapBoard *board;
  RoadmapPhase *phase;
  GtkMenuButton *menu_button;
  GtkWidget *todo, *done;

  set_status (fixture, "backend-developer", "api-development", ROADMAP_STATUS_DONE);
  ui_fixture_open_window (fixture);

  /* The columns, the progress (ngettext), the sidebar */
  assert_label (GTK_WIDGET (fixture->window), "Offen");
  assert_label (GTK_WIDGET (fixture->window), "In Arbeit");
  assert_label (GTK_WIDGET (fixture->window), "Erledigt");
  assert_label (GTK_WIDGET (fixture->window), "1 von 13 erledigt");
  assert_label (GTK_WIDGET (fixture->window), "0 von 15 erledigt");
  g_assert_null (ui_find_label (GTK_WIDGET (fixture->window), "To-do"));
  g_assert_null (ui_find_label (GTK_WIDGET (fixture->window), " done"));

  /* Plural forms: one skill, several skills */
  board = roadmap_window_get_board (fixture->window);
  phase = roadmap_skill_get_phase (roadmap_catalog_find_skill (roadmap_session_get_catalog (fixture->session),
                                                               "backend-developer", "api-development"));
  done = roadmap_board_find_column (board, phase, ROADMAP_STATUS_DONE);
  todo = roadmap_board_find_column (board, phase, ROADMAP_STATUS_TODO);
  assert_accessible_label (ui_find_child (done, GTK_TYPE_LIST_BOX), "Erledigt, Phase 1, 1 Fähigkeit");
  {
    g_autofree char *expected = NULL;
    guint n = 0;

    GListModel *skills = roadmap_phase_get_skills (phase);

    for (guint i = 0; i < g_list_model_get_n_items (skills); i++)
      {
        g_autoptr(RoadmapSkill) skill = g_list_model_get_item (skills, i);

        n += roadmap_skill_get_status (skill) == ROADMAP_STATUS_TODO;
      }
    g_assert_cmpuint (n, >, 1);
    expected = g_strdup_printf ("Offen, Phase 1, %u Fähigkeiten", n);
    assert_accessible_label (ui_find_child (todo, GTK_TYPE_LIST_BOX), expected);
  }

  /* The header bar and the primary menu */
  menu_button = GTK_MENU_BUTTON (ui_find_child (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (menu_button)), ==, "Hauptmenü");
  g_assert_true (menu_has_label (gtk_menu_button_get_menu_model (menu_button),
                                 "Letzte Verschiebung _rückgängig machen"));
  g_assert_true (menu_has_label (gtk_menu_button_get_menu_model (menu_button), "_Tastenkürzel"));
  g_assert_true (menu_has_label (gtk_menu_button_get_menu_model (menu_button), "_Info zu Roadmap"));

  /* The Keyboard Shortcuts window */
  {
    GtkShortcutsWindow *overlay;
    gboolean found = FALSE;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
    ui_spin (200);
    overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window));
    g_assert_nonnull (overlay);
    for (GtkWidget *shortcut = ui_find_child (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SHORTCUT);
         shortcut != NULL && !found;
         shortcut = gtk_widget_get_next_sibling (shortcut))
      {
        g_autofree char *title = NULL;

        if (!GTK_IS_SHORTCUTS_SHORTCUT (shortcut))
          continue;
        g_object_get (shortcut, "title", &title, NULL);
        found = g_str_equal (title, "Tastenkürzel anzeigen");
      }
    g_assert_true (found);
    gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  }

  /* The About window */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  ui_spin (200);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_ABOUT_WINDOW (toplevel))
          {
            g_assert_cmpstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (toplevel)), ==,
                             "Verfolgen Sie Ihren Fortschritt entlang einer Lern-Roadmap.");
            found = TRUE;
            gtk_window_destroy (toplevel);
          }
      }
    g_assert_true (found);
  }
}

/* The search: its entry, a result's subtitle, the page for nothing found */
static void
test_search_in_german (UiFixture     *fixture,
                       gconstpointer  data)
{
  GtkWidget *panel, *entry, *list;
  AdwActionRow *row;

  ui_fixture_open_window (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  panel = ui_find_child (GTK_WIDGET (fixture->window), ROADMAP_TYPE_SEARCH_PANEL);
  entry = ui_find_child (panel, GTK_TYPE_SEARCH_ENTRY);
  {
    g_autofree char *placeholder = NULL;

    g_object_get (entry, "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, "Fähigkeiten aller Lernpfade durchsuchen");
  }
  assert_accessible_label (entry, "Fähigkeiten durchsuchen");

  gtk_editable_set_text (GTK_EDITABLE (entry), "memcached");
  list = ui_find_child (panel, GTK_TYPE_LIST_BOX);
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Backend Developer · Phase 2 · Offen");

  gtk_editable_set_text (GTK_EDITABLE (entry), "zzq");
  assert_label (panel, "Keine Fähigkeiten gefunden");
  assert_label (panel, "Versuchen Sie andere Wörter");
}

/* The data layer's messages are translated too (gi18n-lib, g_dgettext). */
static void
test_messages_in_german (void)
{
  g_assert_cmpstr (roadmap_status_get_label (ROADMAP_STATUS_DONE), ==, "Erledigt");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", 1), ==, "%u Link");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", 5), ==, "%u Links");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "--search needs a word to look for"), ==,
                   "--search braucht ein Wort, nach dem gesucht wird");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ROADMAP_TEST_LOCALEDIR");

  g_assert_nonnull (localedir);
  /* LC_ALL=C.UTF-8 comes from the test environment; gettext ignores
   * LANGUAGE only in the "C" locale itself. gtk_init() sets the locale. */
  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  ui_test_init (&argc, &argv);

  g_test_add ("/ui/i18n/window-de", UiFixture, NULL,
              ui_fixture_set_up, test_window_in_german, ui_fixture_tear_down);
  g_test_add ("/ui/i18n/search-de", UiFixture, NULL,
              ui_fixture_set_up, test_search_in_german, ui_fixture_tear_down);
  g_test_add_func ("/ui/i18n/messages-de", test_messages_in_german);

  return g_test_run ();
}

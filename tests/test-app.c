/* test-app.c — Roadmap behaves like a GNOME app: the About window, the
 * Keyboard Shortcuts window listing every shortcut, the icons it shows
 * (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-skill-card.h"
#include "ui-test-util.h"

/* Every label under @root, shown or on a page not shown yet, whose text
 * contains @text */
static guint
count_labels_containing (GtkWidget  *root,
                         const char *text)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        {
          g_test_message ("“%s” shows “%s”", text, gtk_label_get_text (GTK_LABEL (child)));
          n++;
        }
      n += count_labels_containing (child, text);
    }

  return n;
}

static void
test_about (UiFixture     *fixture,
            gconstpointer  data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  AdwAboutWindow *about;

  ui_fixture_open_window (fixture);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  ui_spin (200);

  about = (AdwAboutWindow *) ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Roadmap");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "The Roadmap developers");
  g_assert_nonnull (adw_about_window_get_developers (about));
  g_assert_nonnull (adw_about_window_get_copyright (about));
  g_assert_true (strstr (adw_about_window_get_debug_info (about), "GTK 4.") != NULL);

  /* The icon it shows is found, installed or not (it is in the resources). */
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));

  /* No placeholder where an address or a name would be: the project has
   * no public address yet, so the window shows none rather than one made up. */
  g_assert_cmpuint (count_labels_containing (GTK_WIDGET (about), "TODO"), ==, 0);
  g_assert_cmpuint (count_labels_containing (GTK_WIDGET (about), "translator-credits"), ==, 0);
  g_assert_cmpuint (count_labels_containing (GTK_WIDGET (about), "example."), ==, 0);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, "");
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==, "");

  gtk_window_destroy (GTK_WINDOW (about));
}

/* "<ctrl>Left", "Up Down", "Menu <shift>F10" → normalised accelerators.
 * Each is listed once: a key shown twice (under two titles, or the same
 * row repeated) tells the reader of two things it does, or of nothing. */
static void
add_accelerators (GHashTable *set,
                  const char *title,
                  const char *accelerators)
{
  g_auto(GStrv) parts = g_strsplit (accelerators != NULL ? accelerators : "", " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      guint keyval;
      GdkModifierType mods;

      if (*parts[i] == '\0' || g_str_equal (parts[i], "..."))
        continue;
      g_assert_true (gtk_accelerator_parse (parts[i], &keyval, &mods));
      name = gtk_accelerator_name (keyval, mods);
      if (g_hash_table_contains (set, name))
        g_error ("%s is listed twice in the Keyboard Shortcuts window (again for “%s”)", name, title);
      g_hash_table_add (set, g_steal_pointer (&name));
    }
}

/* The shortcuts of the sections only: the window's search page holds a
 * copy of each, which would count every key twice. */
static void
collect_shortcuts (GtkWidget  *root,
                   gboolean    in_section,
                   GHashTable *shown,
                   GHashTable *actions)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (in_section && GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          g_autofree char *action_name = NULL;
          g_autofree char *title = NULL;
          GtkWidget *label = ui_find_child (child, GTK_TYPE_SHORTCUT_LABEL);

          g_object_get (child, "action-name", &action_name, "title", &title, NULL);
          g_assert_nonnull (title);
          g_assert_nonnull (label);
          /* What the window shows, whether set as keys or found from the action */
          g_assert_nonnull (gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (label)));
          g_assert_cmpstr (gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (label)), !=, "");
          add_accelerators (shown, title, gtk_shortcut_label_get_accelerator (GTK_SHORTCUT_LABEL (label)));
          if (action_name != NULL)
            g_hash_table_add (actions, g_steal_pointer (&action_name));
        }
      collect_shortcuts (child, in_section || GTK_IS_SHORTCUTS_SECTION (child), shown, actions);
    }
}

static char *
binding_accelerator (GtkShortcut *shortcut)
{
  GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
  guint keyval;
  const char *name;

  g_assert_true (GTK_IS_KEYVAL_TRIGGER (trigger));
  keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
  /* The keypad's arrows do what the arrows do; one entry covers both. */
  name = gdk_keyval_name (keyval);
  if (g_str_has_prefix (name, "KP_"))
    keyval = gdk_keyval_from_name (name + 3);

  return gtk_accelerator_name (keyval, gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
}

static void
test_shortcuts_window (UiFixture     *fixture,
                       gconstpointer  data)
{
  GtkApplication *app = GTK_APPLICATION (fixture->app);
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) help_accels = NULL;
  g_auto(GStrv) app_actions = NULL;
  g_autoptr(GListModel) controllers = NULL;
  GtkShortcutsWindow *overlay;
  GtkMenuButton *menu_button;
  GtkWidget *card;
  guint n_bindings = 0;

  ui_fixture_open_window (fixture);

  /* Ctrl+? shows it; it is built then, not with the window. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
  help_accels = gtk_application_get_accels_for_action (app, "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *) help_accels, "<Control>question"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  ui_spin (200);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (fixture->window));

  /* Closed and asked for again: the same window comes back. */
  gtk_window_close (GTK_WINDOW (overlay));
  ui_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  ui_spin (100);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  collect_shortcuts (GTK_WIDGET (overlay), FALSE, shown, actions);

  /* Every accelerator the application sets is listed. */
  app_actions = gtk_application_list_action_descriptions (app);
  g_assert_cmpuint (g_strv_length (app_actions), >=, 4);
  for (guint i = 0; app_actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, app_actions[i]);

      if (accels[0] == NULL)
        continue;
      if (!g_hash_table_contains (actions, app_actions[i]))
        g_error ("%s (%s) is missing from the Keyboard Shortcuts window", app_actions[i], accels[0]);
      for (guint j = 0; accels[j] != NULL; j++)
        {
          g_autofree char *normal = NULL;
          GdkModifierType mods;
          guint keyval;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &mods));
          normal = gtk_accelerator_name (keyval, mods);
          if (!g_hash_table_contains (shown, normal))
            g_error ("%s shows no %s", app_actions[i], normal);
        }
    }

  /* F10 opens the primary menu: the button of it that is shown, the
   * sidebar's when wide (the board's when folded: test-restore-ui) */
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  menu_button = GTK_MENU_BUTTON (ui_find_main_menu_button (GTK_WIDGET (fixture->window)));
  g_assert_nonnull (menu_button);
  g_assert_true (gtk_menu_button_get_primary (menu_button));
  g_assert_true (g_hash_table_contains (shown, "F10"));

  /* Every key binding of a skill card is listed. */
  card = ui_find_child (GTK_WIDGET (fixture->window), ROADMAP_TYPE_SKILL_CARD);
  g_assert_nonnull (card);
  controllers = gtk_widget_observe_controllers (card);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *accelerator = NULL;

          if (!GTK_IS_NAMED_ACTION (action) ||
              !g_str_has_prefix (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "card."))
            continue;
          accelerator = binding_accelerator (shortcut);
          if (!g_hash_table_contains (shown, accelerator))
            g_error ("%s (%s) is missing from the Keyboard Shortcuts window", accelerator,
                     gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
          n_bindings++;
        }
    }
  g_assert_cmpuint (n_bindings, >=, 8);

  /* Opening the details (Enter) and closing them (Escape) */
  g_assert_true (g_hash_table_contains (shown, "Return"));
  g_assert_true (g_hash_table_contains (shown, "Escape"));

  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
}

/* Every symbolic icon the UI names is in the icon theme the app sees
 * (Adwaita, libadwaita's own, or the app's resources). */
static void
test_icons (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "src", "ui", NULL);
  g_autoptr(GRegex) regex = g_regex_new ("[a-z0-9-]+-symbolic", 0, 0, NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n_icons = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".ui"))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      for (g_regex_match (regex, contents, 0, &match);
           g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          g_autofree char *icon = g_match_info_fetch (match, 0);

          if (!gtk_icon_theme_has_icon (theme, icon))
            g_error ("%s (named in %s) is not in the icon theme", icon, name);
          n_icons++;
        }
    }

  g_assert_cmpuint (n_icons, >=, 5);
}

/* libadwaita loads these from the resource base path by name; the second
 * when the high-contrast setting is on. */
static void
test_styles (void)
{
  g_assert_true (g_resources_get_info ("/io/github/roadmaptracker/Roadmap/style.css",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
  g_assert_true (g_resources_get_info ("/io/github/roadmaptracker/Roadmap/style-hc.css",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/app/about", UiFixture, NULL,
              ui_fixture_set_up, test_about, ui_fixture_tear_down);
  g_test_add ("/ui/app/shortcuts-window", UiFixture, NULL,
              ui_fixture_set_up, test_shortcuts_window, ui_fixture_tear_down);
  g_test_add_func ("/ui/app/icons", test_icons);
  g_test_add_func ("/ui/app/styles", test_styles);

  return g_test_run ();
}

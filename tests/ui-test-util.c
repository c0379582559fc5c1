/* ui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>

#include "roadmap-preference-command.h"
#include "ui-test-util.h"

/* One per test program: once registered, a GtkApplication keeps itself
 * alive (only g_application_run() lets go), and a second one could not
 * export itself on the session bus. */
static RoadmapApplication *shared_application;

/* Not G_TEST_OPTION_ISOLATE_DIRS: it also hides the system icon theme and
 * schemas from GTK. A private home keeps the user's own data out of reach. */
static void
use_private_home (void)
{
  g_autofree char *home = g_dir_make_tmp ("roadmap-ui-home-XXXXXX", NULL);

  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
}

static void
register_application (void)
{
  g_autoptr(GError) error = NULL;

  shared_application = roadmap_application_new ();
  g_application_set_flags (G_APPLICATION (shared_application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (shared_application), NULL, &error))
    g_error ("Cannot register the application: %s", error->message);
}

void
ui_test_init (int    *argc,
              char ***argv)
{
  use_private_home ();
  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
  register_application ();
}

/**
 * ui_test_init_x11:
 *
 * Like ui_test_init(), but with GTK on the X server of $DISPLAY
 * (GDK_BACKEND=x11), for tests that drive that server's pointer or read
 * its windows; without an X display, GTK is not initialized.
 *
 * Returns: (nullable): why the tests cannot run here, or %NULL
 */
const char *
ui_test_init_x11 (int    *argc,
                  char ***argv)
{
  const char *display = g_getenv ("DISPLAY");

  use_private_home ();
  g_test_init (argc, argv, NULL);

  if (display == NULL || display[0] == '\0')
    return "DISPLAY is not set: this test needs an X server (run under xvfb-run)";

  g_setenv ("GDK_BACKEND", "x11", TRUE);
  if (!gtk_init_check ())
    return "the X display cannot be opened";
  adw_init ();
  register_application ();

  return NULL;
}

/**
 * ui_test_init_xdotool:
 *
 * Like ui_test_init_x11(), for tests that drive the X server with
 * xdotool (the pointer, or keys as a user types them).
 *
 * Returns: (nullable): why the tests cannot run here, or %NULL
 */
const char *
ui_test_init_xdotool (int    *argc,
                      char ***argv)
{
  const char *skip = ui_test_init_x11 (argc, argv);
  g_autofree char *path = NULL;

  if (skip == NULL && (path = g_find_program_in_path ("xdotool")) == NULL)
    skip = "xdotool is not installed";

  return skip;
}

static void
skip_test (gconstpointer reason)
{
  g_test_skip (reason);
}

/**
 * ui_test_add:
 * @skip: (nullable): why the test cannot run (from ui_test_init_x11() or
 *   ui_test_init_xdotool()), or %NULL to run it
 * @fixture_size: the size of the fixture, a #UiFixture or a struct that
 *   begins with one
 *
 * g_test_add(), or a test that says why it is skipped.
 */
void
ui_test_add (const char       *skip,
             const char       *path,
             gsize             fixture_size,
             GTestFixtureFunc  set_up,
             GTestFixtureFunc  test,
             GTestFixtureFunc  tear_down)
{
  if (skip != NULL)
    g_test_add_data_func (path, skip, skip_test);
  else
    g_test_add_vtable (path, fixture_size, NULL, set_up, test, tear_down);
}

typedef struct
{
  gboolean done;
  char *out;
  GError *error;
} Run;

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result,
                                        &run->out, NULL, &run->error);
  run->done = TRUE;
}

/**
 * ui_xdotool:
 *
 * Runs `xdotool ARGS` without blocking GTK: the main loop keeps running
 * (and answering the X server) until xdotool exits.
 *
 * Returns: (transfer full): its output
 */
char *
ui_xdotool (const char *format,
            ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autofree char *args = NULL;
  g_autofree char *command = NULL;
  g_auto(GStrv) argv = NULL;
  Run run = { FALSE, NULL, NULL };
  va_list ap;

  va_start (ap, format);
  args = g_strdup_vprintf (format, ap);
  va_end (ap);

  command = g_strconcat ("xdotool ", args, NULL);
  g_shell_parse_argv (command, NULL, &argv, &error);
  g_assert_no_error (error);

  subprocess = g_subprocess_newv ((const char * const *) argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (subprocess, NULL, NULL, on_communicated, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (run.error);
  if (!g_subprocess_get_successful (subprocess))
    g_error ("“%s” failed", command);

  return run.out;
}

/**
 * ui_press_keys:
 * @keys: keys as xdotool names them, e.g. "Tab" or "shift+Tab F10"
 *
 * Gives @window the X server's keyboard focus and types @keys there, as
 * a user does: the events go through GDK and GTK's whole key handling
 * (shortcuts, bindings, focus moves). Then lets GTK handle them.
 */
void
ui_press_keys (GtkWidget  *window,
               const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  g_free (ui_xdotool ("windowfocus --sync %lu", (unsigned long) gdk_x11_surface_get_xid (surface)));
  g_assert_true (ui_spin_until ((UiCondition) gtk_window_is_active, window, 5000));
  g_free (ui_xdotool ("key --clearmodifiers %s", keys));
  ui_spin (200);
}

void
ui_fixture_set_up (UiFixture     *fixture,
                   gconstpointer  data)
{
  ui_fixture_set_up_full (fixture, FALSE);
}

/**
 * ui_fixture_set_up_full:
 * @first_start: whether the window opens as on a first start, on its
 *   welcome page; otherwise on the board, as the learner left the welcome
 */
void
ui_fixture_set_up_full (UiFixture *fixture,
                        gboolean   first_start)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("roadmap-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "progress.db", NULL);

  /* GSETTINGS_BACKEND=memory lives as long as the process: start each
   * test from the defaults. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_reset (settings, "last-track");
    g_settings_reset (settings, "window-width");
    g_settings_reset (settings, "window-height");
    g_settings_reset (settings, "window-maximized");
    g_settings_reset (settings, "collapsed-phases");
  }

  fixture->app = g_object_ref (shared_application);

  fixture->session = roadmap_session_new (fixture->db_path, NULL);
  g_assert_true (roadmap_session_load_roadmaps (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_session_open_store (fixture->session, &error));
  g_assert_no_error (error);

  if (!first_start)
    {
      g_autoptr(RoadmapCommand) welcomed = roadmap_preference_command_new (roadmap_session_get_catalog (fixture->session),
                                                                           ROADMAP_PREFERENCE_WELCOMED, 1);

      g_assert_true (roadmap_session_run (fixture->session, welcomed, &error));
      g_assert_no_error (error);
    }
}

void
ui_fixture_tear_down (UiFixture     *fixture,
                      gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      /* Hidden first: the pointer leaves it, and GTK cancels a tooltip it
       * was about to show. GTK 4.8 keeps that timer across the window's
       * destruction and then asks a surface that is gone where the pointer
       * is (a critical, seen under AddressSanitizer's slower timing). */
      gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
      ui_spin (20);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
    }
  ui_spin (20);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->app);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static void
present_new_window (UiFixture *fixture,
                    int        width,
                    int        height)
{
  fixture->window = roadmap_window_new (fixture->app, fixture->session, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

void
ui_fixture_open_window (UiFixture *fixture)
{
  present_new_window (fixture, 1200, 800);
  ui_spin (300);
}

/**
 * ui_fixture_present_window:
 *
 * Opens the window at @width × @height and waits until it has painted a
 * frame (see ui_wait_for_frame()).
 */
void
ui_fixture_present_window (UiFixture *fixture,
                           int        width,
                           int        height)
{
  present_new_window (fixture, width, height);
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
}

/**
 * ui_fixture_get_toasts:
 *
 * Returns: (transfer none): the window's toast overlay
 */
AdwToastOverlay *
ui_fixture_get_toasts (UiFixture *fixture)
{
  GtkWidget *overlay = ui_find_child (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY);

  g_assert_nonnull (overlay);
  return ADW_TOAST_OVERLAY (overlay);
}

static void
on_job_finished (GObject   *job,
                 gboolean   success,
                 UiOutcome *outcome)
{
  outcome->finished = TRUE;
  outcome->success = success;
}

/**
 * ui_outcome_watch:
 * @job: a RoadmapReportJob
 *
 * Records in @outcome how @job finished (its ::finished).
 */
void
ui_outcome_watch (gpointer   job,
                  UiOutcome *outcome)
{
  g_signal_connect (job, "finished", G_CALLBACK (on_job_finished), outcome);
}

/**
 * ui_outcome_is_finished: (type UiCondition)
 */
gboolean
ui_outcome_is_finished (gpointer outcome)
{
  return ((UiOutcome *) outcome)->finished;
}

/**
 * ui_fixture_reopen:
 *
 * Returns: (transfer full): a new session on the same database, as after
 *   a restart
 */
RoadmapSession *
ui_fixture_reopen (UiFixture *fixture)
{
  g_autoptr(RoadmapSession) session = roadmap_session_new (fixture->db_path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_load_roadmaps (session, &error));
  g_assert_no_error (error);
  g_assert_true (roadmap_session_open_store (session, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&session);
}

/* Under AddressSanitizer or valgrind everything runs several times
 * slower: ROADMAP_TEST_TIME_FACTOR (set by build-aux/dev asan and the
 * valgrind test setup) stretches every wait by that factor. */
static gint64
time_factor (void)
{
  static gint64 factor = 0;

  if (factor == 0)
    {
      const char *value = g_getenv ("ROADMAP_TEST_TIME_FACTOR");

      factor = value != NULL ? CLAMP (g_ascii_strtoll (value, NULL, 10), 1, 100) : 1;
    }
  return factor;
}

void
ui_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000 * time_factor ();

  while (g_get_monotonic_time () < until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

gboolean
ui_spin_until (UiCondition done,
               gpointer    data,
               guint       timeout_ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) timeout_ms * 1000 * time_factor ();

  while (!done (data))
    {
      if (g_get_monotonic_time () > until)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

static gboolean
window_is_drawn (gpointer data)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (data), "test-painted")) > 0;
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *widget)
{
  int n = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "test-painted"));

  g_object_set_data (G_OBJECT (widget), "test-painted", GINT_TO_POINTER (n + 1));
}

/**
 * ui_wait_for_frame:
 *
 * Waits until @window has been mapped and has painted a frame at its
 * current size; then a little longer, for the idles queued by that frame.
 */
void
ui_wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock;
  gulong handler;

  g_assert_true (ui_spin_until ((UiCondition) gtk_widget_get_mapped, window, 5000));

  clock = gtk_widget_get_frame_clock (window);
  g_object_set_data (G_OBJECT (window), "test-painted", GINT_TO_POINTER (0));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), window);
  gtk_widget_queue_draw (window);
  g_assert_true (ui_spin_until (window_is_drawn, window, 5000));
  g_signal_handler_disconnect (clock, handler);
  ui_spin (100);
}

/* The widgets under @root, depth first, until @matches says yes */
typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    matches,
             gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (matches (child, data))
        return child;
      if ((found = find_widget (child, matches, data)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) type);
}

GtkWidget *
ui_find_child (GtkWidget *root,
               GType      type)
{
  return find_widget (root, is_of_type, &type);
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  substring)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), substring) != NULL;
}

/**
 * ui_find_label:
 *
 * Returns: (nullable): a drawable label under @root whose text contains
 *   @substring
 */
GtkWidget *
ui_find_label (GtkWidget  *root,
               const char *substring)
{
  return find_widget (root, is_label_containing, substring);
}

static gboolean
is_label_reading (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/**
 * ui_find_label_exact:
 *
 * Returns: (nullable): a drawable label under @root whose text is @text
 */
GtkWidget *
ui_find_label_exact (GtkWidget  *root,
                     const char *text)
{
  return find_widget (root, is_label_reading, text);
}

gboolean
ui_widget_is_inside (GtkWidget *widget,
                     GtkWidget *ancestor)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (widget == ancestor)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

/**
 * ui_find_with_class:
 *
 * Returns: (nullable): the first widget under @root with the CSS class
 */
GtkWidget *
ui_find_with_class (GtkWidget  *root,
                    const char *css_class)
{
  return find_widget (root, has_css_class, css_class);
}

/**
 * ui_find_toplevel:
 *
 * Returns: (nullable) (transfer none): a visible toplevel of @type (a
 *   dialog: give a type the main window is not)
 */
GtkWindow *
ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
toplevel_is_mapped (gpointer data)
{
  GtkWindow *window = ui_find_toplevel (GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/**
 * ui_wait_for_toplevel:
 * @type: a #GtkWindow type: a dialog's, say
 *
 * Fails unless a window of @type is shown within 3 s.
 *
 * Returns: (transfer none): the window, once it has painted a frame
 */
GtkWidget *
ui_wait_for_toplevel (GType type)
{
  GtkWidget *window;

  g_assert_true (ui_spin_until (toplevel_is_mapped, GSIZE_TO_POINTER (type), 3000));
  window = GTK_WIDGET (ui_find_toplevel (type));
  ui_wait_for_frame (window);
  return window;
}

/**
 * ui_find_main_menu_button:
 *
 * Returns: the button of the primary menu that is shown: the sidebar's
 *   when wide, the board's when folded
 */
GtkWidget *
ui_find_main_menu_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_MENU_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), "Main Menu") == 0)
        return child;
      if ((found = ui_find_main_menu_button (child)) != NULL)
        return found;
    }

  return NULL;
}

/**
 * ui_menu_has_action:
 *
 * Returns: whether a section of @menu holds an item for @action
 */
gboolean
ui_menu_has_action (GMenuModel *menu,
                    const char *action)
{
  g_assert_cmpint (g_menu_model_get_n_items (menu), >, 0);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *name = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
              g_str_equal (name, action))
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * ui_assert_menu_action:
 * @action: "win.print"
 * @accel: its only accelerator, "<Control>p"
 *
 * Fails unless the window's primary menu has an item for @action, and the
 * application binds @action to @accel and nothing else.
 */
void
ui_assert_menu_action (UiFixture  *fixture,
                       const char *action,
                       const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), action);
  GtkWidget *button = ui_find_child (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, accel);
  g_assert_null (accels[1]);
  g_assert_nonnull (button);
  g_assert_true (ui_menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), action));
}

/**
 * ui_menu_item_is_sensitive:
 * @label: the item's label, as shown ("Undo Last Move")
 *
 * Opens the window's primary menu and says whether its item @label can be
 * chosen, as the menu shows it (its action enabled or not).
 */
gboolean
ui_menu_item_is_sensitive (GtkWidget  *window,
                           const char *label)
{
  GtkMenuButton *menu_button = GTK_MENU_BUTTON (ui_find_child (window, GTK_TYPE_MENU_BUTTON));
  GtkWidget *item;
  gboolean sensitive;

  gtk_menu_button_popup (menu_button);
  ui_spin (50);
  item = ui_find_label_exact (GTK_WIDGET (gtk_menu_button_get_popover (menu_button)), label);
  g_assert_nonnull (item);
  item = gtk_widget_get_parent (item);
  while (item != NULL && !GTK_IS_ACTIONABLE (item) && g_strcmp0 (G_OBJECT_TYPE_NAME (item), "GtkModelButton") != 0)
    item = gtk_widget_get_parent (item);
  g_assert_nonnull (item);
  sensitive = gtk_widget_is_sensitive (item);
  gtk_menu_button_popdown (menu_button);
  ui_spin (20);

  return sensitive;
}

/**
 * ui_find_controller:
 *
 * Returns: (nullable) (transfer none): the first event controller of
 *   @widget of type @type
 */
GtkEventController *
ui_find_controller (GtkWidget *widget,
                    GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  return NULL;
}

/**
 * ui_save_png:
 *
 * Renders @widget as it is now into `NAME` in the build folder of the
 * tests (a screenshot).
 */
void
ui_save_png (GtkWidget  *widget,
             const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = 0, height = 0;

  /* A widget whose layout is pending (a toast sliding in, a check just
   * toggled) paints nothing until its next frame: wait for one that does */
  for (guint tries = 0; node == NULL && tries < 100; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (tries > 0)
        ui_spin (20);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s (%d×%d)", path, width, height);
}

/**
 * ui_fixture_find_skill:
 *
 * Returns: (transfer none): the skill, which the test expects to exist
 */
RoadmapSkill *
ui_fixture_find_skill (UiFixture  *fixture,
                       const char *track_id,
                       const char *skill_id)
{
  RoadmapSkill *skill = roadmap_catalog_find_skill (roadmap_session_get_catalog (fixture->session),
                                                    track_id, skill_id);

  g_assert_nonnull (skill);
  return skill;
}

/* The coordinate chain, from a point in @widget to the X root window
 * (the screen), which is what xdotool moves the pointer in:
 *
 * 1. gtk_widget_compute_point(): @widget's coordinates → the coordinates
 *    of its native (the RoadmapWindow), whose origin is the top-left
 *    corner of the window's CSS box.
 * 2. gtk_native_get_surface_transform(): the native's origin inside its
 *    GdkSurface, i.e. the client-side decoration's shadow or resize
 *    border: (5, 5) under a bare Xvfb, where nothing composites and
 *    GTK draws no shadow but keeps a 5 px border to resize by.
 * 3. × the surface scale: GDK surface coordinates → X11 pixels.
 * 4. The X window's position in the root window, read with
 *    `xdotool getwindowgeometry` on the surface's XID. With no window
 *    manager there is no reparenting frame: this is where GTK put it.
 */
/* Where X put @surface's window, in the root window */
void
ui_surface_origin (GdkSurface *surface,
                   int        *x,
                   int        *y)
{
  g_autofree char *geometry = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  *x = *y = G_MININT;
  geometry = ui_xdotool ("getwindowgeometry --shell %lu",
                         (unsigned long) gdk_x11_surface_get_xid (surface));
  lines = g_strsplit (geometry, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "X="))
        *x = atoi (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "Y="))
        *y = atoi (lines[i] + 2);
    }
  g_assert_cmpint (*x, !=, G_MININT);
  g_assert_cmpint (*y, !=, G_MININT);
}

void
ui_widget_to_screen (GtkWidget *widget,
                     double     x,
                     double     y,
                     int       *screen_x,
                     int       *screen_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t point;
  double surface_x, surface_y;
  int origin_x, origin_y;
  int scale = gdk_surface_get_scale_factor (surface);

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  ui_surface_origin (surface, &origin_x, &origin_y);

  *screen_x = origin_x + (int) ((point.x + surface_x) * scale + 0.5);
  *screen_y = origin_y + (int) ((point.y + surface_y) * scale + 0.5);
}

/* A point of @widget given as fractions of its size. */
void
ui_widget_point_to_screen (GtkWidget *widget,
                           double     fx,
                           double     fy,
                           int       *screen_x,
                           int       *screen_y)
{
  ui_widget_to_screen (widget,
                       gtk_widget_get_width (widget) * fx,
                       gtk_widget_get_height (widget) * fy,
                       screen_x, screen_y);
}

/* A click of @button (1 left, 3 right) at a point of @widget given as
 * fractions of its size, as a hand makes it */
void
ui_click (GtkWidget *widget,
          double     fx,
          double     fy,
          int        button)
{
  int x, y;

  ui_widget_point_to_screen (widget, fx, fy, &x, &y);
  g_free (ui_xdotool ("mousemove %d %d", x, y));
  ui_spin (50);
  g_free (ui_xdotool ("click %d", button));
  ui_spin (200);
}

/**
 * ui_find_message_dialog:
 *
 * Returns: (nullable) (transfer none): the message dialog shown, if any
 */
GtkWidget *
ui_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

/* UiConditions: a message dialog is shown, or none is */
gboolean
ui_message_dialog_is_shown (gpointer data)
{
  return ui_find_message_dialog () != NULL;
}

gboolean
ui_message_dialog_is_gone (gpointer data)
{
  return ui_find_message_dialog () == NULL;
}

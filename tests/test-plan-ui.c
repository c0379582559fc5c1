/* test-plan-ui.c — Plan… from the track's header: the dialog shows what
 * a length asks (hours a week) and the projected finish, Save stores the
 * plan, the phase cards say where each phase stands and the header when
 * the track finishes; Undo takes it back (run under Xvfb; screenshots
 * wide and at 360 px, light and dark, in the build folder)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-plan-dialog.h"
#include "ui-test-util.h"

/* Monday 5 January 2026, noon UTC: the session's day */
static gint64
fixed_clock (gpointer user_data)
{
  return G_GINT64_CONSTANT (1767614400) * G_USEC_PER_SEC;
}

static gboolean
dialog_is_shown (gpointer data)
{
  return ui_find_toplevel (ROADMAP_TYPE_PLAN_DIALOG) != NULL;
}

static gboolean
dialog_is_gone (gpointer data)
{
  return ui_find_toplevel (ROADMAP_TYPE_PLAN_DIALOG) == NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0 &&
          gtk_widget_get_mapped (child))
        return child;
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
open_dialog (UiFixture  *fixture,
             const char *button_label)
{
  GtkWidget *plan_button = find_button (GTK_WIDGET (fixture->window), button_label);
  GtkWidget *dialog;

  /* From the header's button, as the learner does it */
  g_assert_nonnull (plan_button);
  gtk_widget_activate (plan_button);
  g_assert_true (ui_spin_until (dialog_is_shown, NULL, 5000));
  dialog = GTK_WIDGET (ui_find_toplevel (ROADMAP_TYPE_PLAN_DIALOG));
  ui_wait_for_frame (dialog);
  return dialog;
}

static void
set_spin (GtkWidget  *dialog,
          const char *accessible_label,
          double      value)
{
  GtkWidget *spin = ui_find_child (dialog, GTK_TYPE_SPIN_BUTTON);

  /* The months come first, then the hours */
  if (g_str_equal (accessible_label, "Hours a week"))
    spin = ui_find_child (gtk_widget_get_parent (gtk_widget_get_parent (
                          ui_find_label_exact (dialog, "_Hours a Week"))), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
}

static gboolean
has_label (gpointer data)
{
  gpointer *args = data;

  return ui_find_label (args[0], args[1]) != NULL;
}

static void
assert_label_soon (GtkWidget  *root,
                   const char *text)
{
  gpointer args[] = { root, (gpointer) text };

  g_assert_true (ui_spin_until (has_label, args, 5000));
}

static void
save_screens (UiFixture  *fixture,
              const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *wide = g_strdup_printf ("%s-wide.png", name);
  g_autofree char *dark = g_strdup_printf ("%s-wide-dark.png", name);
  g_autofree char *narrow = g_strdup_printf ("%s-360.png", name);

  ui_save_png (GTK_WIDGET (fixture->window), wide);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ui_spin (100);
  ui_save_png (GTK_WIDGET (fixture->window), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 800);
  ui_spin (300);
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  ui_save_png (GTK_WIDGET (fixture->window), narrow);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  ui_spin (300);
}

static void
test_plan (UiFixture     *fixture,
           gconstpointer  data)
{
  RoadmapTrack *track = roadmap_catalog_find_track (roadmap_session_get_catalog (fixture->session),
                                                    "backend-developer");
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  roadmap_session_set_clock (fixture->session, fixed_clock, NULL);
  ui_fixture_present_window (fixture, 1400, 900);
  g_assert_true (roadmap_board_get_track (roadmap_window_get_board (fixture->window)) == track);
  /* No plan: no state on the cards, no finish in the header */
  g_assert_null (ui_find_label (GTK_WIDGET (fixture->window), "On track"));
  g_assert_null (ui_find_label (GTK_WIDGET (fixture->window), "Finishing around"));

  dialog = open_dialog (fixture, "_Plan…");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Plan “Backend Developer”");
  /* The roadmap's own 6 months from today, and what they ask */
  g_assert_nonnull (ui_find_label (dialog, "h a week"));
  g_assert_nonnull (ui_find_label (dialog, "Finishing around 5 Jul 2026"));
  set_spin (dialog, "Months", 3);
  assert_label_soon (dialog, "Finishing around 5 Apr 2026");
  ui_save_png (dialog, "plan-dialog.png");

  gtk_widget_activate (find_button (dialog, "_Save"));
  g_assert_true (ui_spin_until (dialog_is_gone, NULL, 5000));

  g_assert_nonnull (roadmap_track_get_plan (track));
  g_assert_cmpuint (roadmap_track_get_plan (track)->months, ==, 3);
  /* Stored: another session sees it */
  {
    g_autoptr(RoadmapSession) again = ui_fixture_reopen (fixture);
    RoadmapTrack *stored = roadmap_catalog_find_track (roadmap_session_get_catalog (again), "backend-developer");

    g_assert_nonnull (roadmap_track_get_plan (stored));
    g_assert_cmpuint (roadmap_track_get_plan (stored)->months, ==, 3);
  }
  /* On the first day of a 3-month plan, the last phase is on track */
  assert_label_soon (GTK_WIDGET (fixture->window), "On track");
  assert_label_soon (GTK_WIDGET (fixture->window), "Finishing around 5 Apr 2026");
  g_assert_nonnull (find_button (GTK_WIDGET (fixture->window), "_Adjust Plan…"));
  save_screens (fixture, "plan-months");

  /* 3 hours a week from elsewhere (the command line): weeks behind */
  {
    g_autoptr(RoadmapSession) other = ui_fixture_reopen (fixture);
    RoadmapTrack *other_track = roadmap_catalog_find_track (roadmap_session_get_catalog (other),
                                                            "backend-developer");
    GDate start;

    g_assert_true (roadmap_plan_parse_date ("2026-01-05", &start));
    {
      g_autoptr(RoadmapPlan) slow = roadmap_plan_new (&start, 0, 3);

      g_assert_true (roadmap_session_set_plan (other, other_track, slow, &error));
      g_assert_no_error (error);
    }
  }
  g_assert_true (roadmap_session_reload (fixture->session, NULL, &error));
  g_assert_no_error (error);
  assert_label_soon (GTK_WIDGET (fixture->window), "weeks behind");
  assert_label_soon (GTK_WIDGET (fixture->window), "at 3 h a week");
  save_screens (fixture, "plan-behind");

  /* A skill finished today: the finish at the learner's own pace of the
   * last weeks shows beside the plan's */
  g_assert_true (roadmap_session_set_status (fixture->session, roadmap_track_find_skill (track, "python-sql"),
                                             ROADMAP_STATUS_DONE, &error));
  g_assert_no_error (error);
  assert_label_soon (GTK_WIDGET (fixture->window), "At your pace of the last 4 weeks");
  ui_save_png (GTK_WIDGET (fixture->window), "plan-measured-wide.png");

  /* The dialog opens on the stored plan; at 360 px it fits the window */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 800);
  ui_spin (300);
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  dialog = open_dialog (fixture, "_Adjust Plan…");
  g_assert_nonnull (ui_find_label (dialog, "months"));
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 360);
  ui_save_png (dialog, "plan-dialog-360.png");
  gtk_widget_activate (find_button (dialog, "_Remove Plan"));
  g_assert_true (ui_spin_until (dialog_is_gone, NULL, 5000));
  g_assert_null (roadmap_track_get_plan (track));
  g_assert_nonnull (find_button (GTK_WIDGET (fixture->window), "_Plan…"));

  /* Undo brings the removed plan back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ui_spin (100);
  g_assert_nonnull (roadmap_track_get_plan (track));
  g_assert_cmpuint (roadmap_track_get_plan (track)->hours_per_week, ==, 3);
  roadmap_session_set_clock (fixture->session, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *skip = ui_test_init_x11 (&argc, &argv);

  UI_TEST_ADD (skip, "/ui/plan/dialog", test_plan);

  return g_test_run ();
}

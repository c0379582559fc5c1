/* test-pdf-export.c — "Export as PDF…" in the window (run under Xvfb):
 * the menu item and Ctrl+E, the questions, the export on a worker thread
 * with the window responsive meanwhile, the toast and the error dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "roadmap-pdf-export.h"
#include "ui-test-util.h"

static gboolean
message_dialog_shown (gpointer data)
{
  return ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static GtkWidget *toast_window;

static gboolean
exported_toast_shown (gpointer data)
{
  return ui_find_label (toast_window, "Exported “report.pdf”") != NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static void
test_menu_and_shortcut (UiFixture     *fixture,
                        gconstpointer  data)
{
  ui_fixture_open_window (fixture);
  ui_assert_menu_action (fixture, "win.export-pdf", "<Control>e");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-pdf", NULL));

  /* Two tracks, one on the board: which to report on comes first */
  g_assert_true (ui_spin_until (message_dialog_shown, NULL, 2000));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))),
                   ==, "Export Progress as PDF");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "all");
  gtk_window_destroy (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Then where, under a dated default name */
  if (ui_spin_until (chooser_shown, NULL, 3000))
    {
      GtkWindow *chooser = ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
      g_autofree char *expected = g_strdup_printf ("roadmap-progress-%s.pdf", date);
      g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

      g_assert_cmpstr (name, ==, expected);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    }
  else
    {
      g_test_message ("the file chooser is a portal's here: not checked");
    }
  ui_spin (100);
}

static void
test_writes_pdf (UiFixture     *fixture,
                 gconstpointer  data)
{
  g_autoptr(RoadmapPdfExport) export = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  UiOutcome outcome = { 0, };

  ui_fixture_open_window (fixture);

  export = roadmap_pdf_export_new (GTK_WINDOW (fixture->window), ui_fixture_get_toasts (fixture),
                                   roadmap_session_get_catalog (fixture->session), NULL);
  ui_outcome_watch (export, &outcome);
  roadmap_pdf_export_start (export, file, TRUE);

  g_assert_true (ui_spin_until (ui_outcome_is_finished, &outcome, 20000));
  g_assert_true (outcome.success);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* Waiting for it rather than a fixed time: under valgrind a fixed wait
   * is stretched past the toast's own timeout. */
  toast_window = GTK_WIDGET (fixture->window);
  g_assert_true (ui_spin_until (exported_toast_shown, NULL, 2000));
  g_assert_nonnull (ui_find_label (GTK_WIDGET (fixture->window), "Open"));
}

/* Text that is not text in the model (a sync brings it; the doors refuse
 * it) is drawn with U+FFFD: the window's export, on its worker thread in
 * the application's process, succeeds rather than failing or aborting. */
static void
test_noncharacters (UiFixture     *fixture,
                    gconstpointer  data)
{
  g_autoptr(RoadmapPdfExport) export = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  RoadmapSkill *skill = roadmap_catalog_find_skill (catalog, "backend-developer", "python-sql");
  UiOutcome outcome = { 0, };

  g_assert_nonnull (skill);
  roadmap_skill_apply_note (skill, "from elsewhere \xef\xbf\xbe \xef\xb7\x90 \xf4\x8f\xbf\xbf end");
  ui_fixture_open_window (fixture);

  export = roadmap_pdf_export_new (GTK_WINDOW (fixture->window), ui_fixture_get_toasts (fixture), catalog, NULL);
  ui_outcome_watch (export, &outcome);
  roadmap_pdf_export_start (export, file, TRUE);

  g_assert_true (ui_spin_until (ui_outcome_is_finished, &outcome, 20000));
  g_assert_true (outcome.success);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_null (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_failure_dialog (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_autoptr(RoadmapPdfExport) export = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  UiOutcome outcome = { 0, };
  GtkWindow *dialog;

  ui_fixture_open_window (fixture);

  export = roadmap_pdf_export_new (GTK_WINDOW (fixture->window), ui_fixture_get_toasts (fixture),
                                   roadmap_session_get_catalog (fixture->session), NULL);
  ui_outcome_watch (export, &outcome);
  roadmap_pdf_export_start (export, file, TRUE);

  g_assert_true (ui_spin_until (ui_outcome_is_finished, &outcome, 20000));
  g_assert_false (outcome.success);
  g_assert_true (ui_spin_until (message_dialog_shown, NULL, 2000));
  dialog = ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Export Failed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "does not exist"));
  gtk_window_destroy (dialog);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* 3,000 skills with notes: the main loop keeps turning while they are
 * written, and the toast's bar tells how far it got. */
static RoadmapCatalog *
large_catalog (void)
{
  RoadmapCatalog *catalog = roadmap_catalog_new ();

  for (guint t = 0; t < 3; t++)
    {
      g_autofree char *track_id = g_strdup_printf ("track-%u", t);
      g_autoptr(RoadmapTrack) track = roadmap_track_new (track_id, track_id);
      g_autoptr(GError) error = NULL;

      for (guint p = 0; p < 10; p++)
        {
          g_autofree char *phase_id = g_strdup_printf ("phase-%u", p);
          g_autoptr(RoadmapPhase) phase = roadmap_phase_new (phase_id, phase_id, p + 1, p + 1);

          for (guint s = 0; s < 100; s++)
            {
              g_autofree char *id = g_strdup_printf ("skill-%u-%u", p, s);
              g_autofree char *title = g_strdup_printf ("Skill %u of phase %u, with a title long enough to wrap onto a second line of its cell", s, p);
              g_autoptr(RoadmapSkill) skill = roadmap_skill_new (id, title);

              roadmap_phase_add_skill (phase, skill);
              roadmap_skill_apply_progress (skill, s % 3, s, NULL, NULL);
              if (s % 4 == 0)
                roadmap_skill_apply_note (skill, "A note that runs over two lines of the report, to give the layout some work to do on every fourth skill of the catalog.");
            }
          g_assert_true (roadmap_track_add_phase (track, phase));
        }

      roadmap_catalog_add_track (catalog, track, &error);
      g_assert_no_error (error);
    }

  return catalog;
}

typedef struct
{
  gint64 last;
  gint64 longest;
  double max_fraction;
  guint n;
  GtkWidget *window;
} Ticks;

static gboolean
tick (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  /* Looking through the window's widgets takes a while: not at every tick */
  if (++ticks->n % 20 == 0)
    {
      GtkWidget *bar = ui_find_child (ticks->window, GTK_TYPE_PROGRESS_BAR);

      if (bar != NULL && ui_find_label (ticks->window, "Exporting…") != NULL)
        ticks->max_fraction = MAX (ticks->max_fraction,
                                   gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)));
      ticks->last = g_get_monotonic_time ();
    }

  return G_SOURCE_CONTINUE;
}

static void
test_responsive (UiFixture     *fixture,
                 gconstpointer  data)
{
  g_autoptr(RoadmapCatalog) catalog = large_catalog ();
  g_autoptr(RoadmapPdfExport) export = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "large.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  UiOutcome outcome = { 0, };
  Ticks ticks = { 0, };
  gint64 floor;
  gint64 started;
  guint source;

  /* Timings against each other mean nothing under valgrind, which slows
   * the worker and the main loop unevenly. */
  if (g_getenv ("ROADMAP_TEST_VALGRIND") != NULL)
    {
      g_test_skip ("timing comparison: not under valgrind");
      return;
    }

  ui_fixture_open_window (fixture);

  export = roadmap_pdf_export_new (GTK_WINDOW (fixture->window), ui_fixture_get_toasts (fixture),
                                   catalog, NULL);
  ui_outcome_watch (export, &outcome);

  /* The floor, in the same run: the main loop's longest wait while a
   * toast appears and goes (GTK draws the whole window again; the first
   * toast of a process costs more still, so that one is not measured). */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AdwToast) toast = adw_toast_new ("A toast");

      ticks.window = GTK_WIDGET (fixture->window);
      ticks.last = g_get_monotonic_time ();
      ticks.longest = 0;
      source = g_timeout_add (10, tick, &ticks);
      adw_toast_overlay_add_toast (ui_fixture_get_toasts (fixture), g_object_ref (toast));
      ui_spin (500);
      adw_toast_dismiss (toast);
      ui_spin (300);
      g_source_remove (source);
      floor = ticks.longest;
    }

  ticks.max_fraction = 0;
  ticks.longest = 0;
  ticks.window = GTK_WIDGET (fixture->window);
  ticks.last = started = g_get_monotonic_time ();
  source = g_timeout_add (10, tick, &ticks);
  roadmap_pdf_export_start (export, file, TRUE);
  /* The model may change meanwhile: the worker reads a snapshot */
  roadmap_skill_apply_note (roadmap_catalog_find_skill (catalog, "track-0", "skill-0-1"), "changed");

  g_assert_true (ui_spin_until (ui_outcome_is_finished, &outcome, 60000));
  g_source_remove (source);
  g_assert_true (outcome.success);

  g_test_message ("3,000 skills exported in %.2f s; the main loop's longest wait was %.1f ms "
                  "(%.1f ms while a toast comes and goes)",
                  (g_get_monotonic_time () - started) / 1e6, ticks.longest / 1e3, floor / 1e3);
  /* No stall beyond what showing a toast costs on this machine now */
  g_assert_cmpint (ticks.longest, <, MAX (250 * 1000, 3 * floor));
  /* The toast showed how far it got */
  g_assert_cmpfloat (ticks.max_fraction, >, 0.0);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/pdf-export/menu-and-shortcut", UiFixture, NULL,
              ui_fixture_set_up, test_menu_and_shortcut, ui_fixture_tear_down);
  g_test_add ("/ui/pdf-export/writes-pdf", UiFixture, NULL,
              ui_fixture_set_up, test_writes_pdf, ui_fixture_tear_down);
  g_test_add ("/ui/pdf-export/noncharacters", UiFixture, NULL,
              ui_fixture_set_up, test_noncharacters, ui_fixture_tear_down);
  g_test_add ("/ui/pdf-export/failure-dialog", UiFixture, NULL,
              ui_fixture_set_up, test_failure_dialog, ui_fixture_tear_down);
  g_test_add ("/ui/pdf-export/responsive", UiFixture, NULL,
              ui_fixture_set_up, test_responsive, ui_fixture_tear_down);

  return g_test_run ();
}

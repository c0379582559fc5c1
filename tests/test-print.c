/* test-print.c — "Print…" in the window (run under Xvfb): the menu item
 * and Ctrl+P, the question, GTK's print dialog (asynchronous, cancelled,
 * and printing to a file through GTK's own file printer), the report read
 * back from the PDFs it printed, and the dialog when printing fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <gtk/gtkunixprint.h>

#include "roadmap-print.h"
#include "roadmap-report.h"
#include "ui-test-util.h"

/* GTK's printer that writes a file */
#define FILE_PRINTER "Print to File"

static gboolean
toplevel_shown (gpointer data)
{
  return ui_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
print_dialog_shown (gpointer data)
{
  return toplevel_shown (GSIZE_TO_POINTER (GTK_TYPE_PRINT_UNIX_DIALOG));
}

static gboolean
message_dialog_shown (gpointer data)
{
  return toplevel_shown (GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
}

static gboolean
message_dialog_gone (gpointer data)
{
  return !message_dialog_shown (NULL);
}

static gboolean
label_shown (gpointer data)
{
  const char * const *what = data;

  return ui_find_label (GTK_WIDGET (what[0]), what[1]) != NULL;
}

static RoadmapTrack *
board_track (UiFixture *fixture)
{
  return roadmap_board_get_track (roadmap_window_get_board (fixture->window));
}

/* Answers the "All tracks / Current track" question with its button
 * labelled @button, as a click does */
static void
answer_scope (const char *heading,
              const char *button)
{
  AdwMessageDialog *dialog;
  GtkWidget *widget;

  g_assert_true (ui_spin_until (message_dialog_shown, NULL, 2000));
  dialog = ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  widget = ui_find_label_exact (GTK_WIDGET (dialog), button);
  g_assert_nonnull (widget);
  while (widget != NULL && !GTK_IS_BUTTON (widget))
    widget = gtk_widget_get_parent (widget);
  g_assert_nonnull (widget);
  gtk_widget_activate (widget);
  g_assert_true (ui_spin_until (message_dialog_gone, NULL, 2000));
}

/* Whether the primary menu's "Print…" can be chosen, as the menu shows it */
static gboolean
menu_print_sensitive (UiFixture *fixture)
{
  return ui_menu_item_is_sensitive (GTK_WIDGET (fixture->window), "Print…");
}

/* Helpers: the PDFs, read back with poppler */

static gboolean
skip_without_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext != NULL && pdfinfo != NULL)
    return FALSE;

  g_test_skip ("poppler-utils (pdftotext, pdfinfo) is not installed");
  return TRUE;
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, "-enc", "UTF-8", path, tool[3] == 't' ? "-" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* pdfinfo's pages and page size, in points */
static guint
pdf_pages (const char *path,
           double     *width,
           double     *height)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *pages = strstr (info, "\nPages:");
  const char *size = strstr (info, "\nPage size:");
  char *end;

  g_assert_nonnull (pages);
  g_assert_nonnull (size);
  *width = g_ascii_strtod (size + strlen ("\nPage size:"), &end);
  g_assert_true (g_str_has_prefix (end, " x "));
  *height = g_ascii_strtod (end + 3, NULL);

  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* The pages a report on @track_id (or all tracks) takes on a page of
 * @width × @height, laid out as the export lays it out */
static guint
expected_pages (UiFixture  *fixture,
                const char *track_id,
                double      width,
                double      height)
{
  g_autoptr(RoadmapReportSnapshot) snapshot = NULL;
  g_autoptr(RoadmapReport) report = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double fit_width, fit_height;

  snapshot = roadmap_report_snapshot_new (roadmap_session_get_catalog (fixture->session),
                                          track_id, &error);
  g_assert_no_error (error);
  report = roadmap_report_new (snapshot);
  roadmap_report_fit_page_size (width, height, &fit_width, &fit_height);
  roadmap_report_set_page_size (report, fit_width, fit_height);
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, width, height);
  cr = cairo_create (surface);
  g_assert_true (roadmap_report_paginate (report, cr, NULL, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return roadmap_report_get_n_pages (report);
}

static const char * const backend_skills[] = { "API Development", "Testing & CI/CD", NULL };
static const char * const data_skills[] = { "ETL Basics", "Big Data Technologies", NULL };

static void
assert_text (const char         *text,
             const char         *title,
             const char * const *skills,
             gboolean            present)
{
  g_assert_true ((strstr (text, title) != NULL) == present);
  for (guint i = 0; skills[i] != NULL; i++)
    if ((strstr (text, skills[i]) != NULL) != present)
      g_error ("“%s” is %s the printed report", skills[i], present ? "missing from" : "in");
}

/* Prints to @path through GTK_PRINT_OPERATION_ACTION_EXPORT, answering
 * the question with @scope ("all" or "current") */
static void
print_to_file (UiFixture    *fixture,
               const char   *scope,
               GtkPageSetup *page_setup,
               const char   *path)
{
  g_autoptr(RoadmapPrint) print = NULL;
  UiOutcome outcome = { 0, };
  const char *toast[] = { (const char *) fixture->window, "Sent to the printer" };

  print = roadmap_print_new (GTK_WINDOW (fixture->window), ui_fixture_get_toasts (fixture),
                             roadmap_session_get_catalog (fixture->session), board_track (fixture));
  ui_outcome_watch (print, &outcome);
  roadmap_print_set_page_setup (print, page_setup);
  roadmap_print_set_export_filename (print, path);
  roadmap_print_run (print);
  answer_scope ("Print Progress", scope);

  g_assert_true (ui_spin_until (ui_outcome_is_finished, &outcome, 20000));
  g_assert_true (outcome.success);
  g_assert_null (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (ui_spin_until (label_shown, toast, 2000));
  /* Kept for the next print */
  g_assert_nonnull (roadmap_print_get_print_settings (print));
  if (page_setup != NULL)
    g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (roadmap_print_get_page_setup (print))),
                     ==, gtk_paper_size_get_name (gtk_page_setup_get_paper_size (page_setup)));
}

/* Tests */

static void
test_menu_and_shortcut (UiFixture     *fixture,
                        gconstpointer  data)
{
  ui_fixture_open_window (fixture);
  ui_assert_menu_action (fixture, "win.print", "<Control>p");
  g_assert_true (menu_print_sensitive (fixture));

  /* Two tracks, one on the board: the question first, then while it is
   * asked, Print… cannot be chosen again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));
  g_assert_true (ui_spin_until (message_dialog_shown, NULL, 2000));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))),
                            "Backend Developer"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));
  ui_spin (100);
  g_assert_false (menu_print_sensitive (fixture));

  /* Cancelled: no print dialog, nothing said, and Print… is back */
  answer_scope ("Print Progress", "Cancel");
  ui_spin (200);
  g_assert_null (ui_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG));
  g_assert_null (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (ui_find_label (GTK_WIDGET (fixture->window), "printer"));
  g_assert_true (menu_print_sensitive (fixture));
}

/* Nothing to report on: no tracks */
static void
test_disabled (UiFixture     *fixture,
               gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autoptr(RoadmapSession) empty = roadmap_session_new (db_path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_open_store (empty, &error));
  g_assert_no_error (error);
  fixture->window = roadmap_window_new (fixture->app, empty, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ui_spin (300);

  g_assert_false (menu_print_sensitive (fixture));
  /* Ctrl+P does nothing either */
  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+p");
  g_assert_false (ui_spin_until (message_dialog_shown, NULL, 300));
  g_assert_null (ui_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG));
}

/* What was printed to @path: pages of @paper (in @orientation), as many
 * as the report on @track_id (NULL: all tracks) takes there, with the
 * titles of the tracks reported on and not of the others, and no word
 * off the sheet */
static void
assert_printed (UiFixture          *fixture,
                const char         *path,
                const char         *track_id,
                GtkPaperSize       *paper,
                GtkPageOrientation  orientation)
{
  const char *bbox_argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autoptr(GRegex) regex = g_regex_new ("xMax=\"([0-9.]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bbox = NULL;
  gboolean landscape = orientation == GTK_PAGE_ORIENTATION_LANDSCAPE;
  double width, height;
  guint n_pages, n_words = 0;

  n_pages = pdf_pages (path, &width, &height);
  g_assert_cmpfloat_with_epsilon (landscape ? height : width,
                                  gtk_paper_size_get_width (paper, GTK_UNIT_POINTS), 0.5);
  g_assert_cmpfloat_with_epsilon (landscape ? width : height,
                                  gtk_paper_size_get_height (paper, GTK_UNIT_POINTS), 0.5);
  g_assert_cmpuint (n_pages, ==, expected_pages (fixture, track_id, width, height));
  g_assert_cmpuint (n_pages, >=, 2);

  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, "Roadmap Progress Report"));
  assert_text (text, "Backend Developer", backend_skills,
               track_id == NULL || g_str_equal (track_id, "backend-developer"));
  assert_text (text, "Data Engineer", data_skills,
               track_id == NULL || g_str_equal (track_id, "data-engineer"));

  g_assert_true (g_spawn_sync (NULL, (char **) bbox_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &bbox, NULL, NULL, &error));
  g_assert_no_error (error);
  for (g_regex_match (regex, bbox, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *x = g_match_info_fetch (match, 1);

      g_assert_cmpfloat (g_ascii_strtod (x, NULL), <=, width);
      n_words++;
    }
  g_assert_cmpuint (n_words, >, 100);
}

/* All tracks, on the page setup given: US Letter in landscape, and A6,
 * smaller than the report's minimum, which the report is scaled down to */
static void
test_all_tracks (UiFixture     *fixture,
                 gconstpointer  data)
{
  static const struct { const char *paper; GtkPageOrientation orientation; } setups[] = {
    { GTK_PAPER_NAME_LETTER, GTK_PAGE_ORIENTATION_LANDSCAPE },
    { "iso_a6", GTK_PAGE_ORIENTATION_PORTRAIT },
  };

  ui_fixture_open_window (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (setups); i++)
    {
      g_autofree char *name = g_strdup_printf ("all-%u.pdf", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
      g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (setups[i].paper);

      gtk_page_setup_set_paper_size (page_setup, paper);
      gtk_page_setup_set_orientation (page_setup, setups[i].orientation);
      print_to_file (fixture, "All Tracks", page_setup, path);

      if (!skip_without_poppler ())
        assert_printed (fixture, path, NULL, paper, setups[i].orientation);
    }
}

/* The current track only, on GTK's default paper */
static void
test_current_track (UiFixture     *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "current.pdf", NULL);
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);

  ui_fixture_open_window (fixture);
  g_assert_cmpstr (roadmap_track_get_id (board_track (fixture)), ==, "backend-developer");
  print_to_file (fixture, "Current Track", NULL, path);

  if (skip_without_poppler ())
    return;

  assert_printed (fixture, path, "backend-developer", paper, GTK_PAGE_ORIENTATION_PORTRAIT);
  g_assert_cmpuint (expected_pages (fixture, "backend-developer", 595.28, 841.89), <,
                    expected_pages (fixture, NULL, 595.28, 841.89));
}

static gboolean
file_printer_selected (gpointer data)
{
  GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (data);

  return printer != NULL && g_strcmp0 (gtk_printer_get_name (printer), FILE_PRINTER) == 0;
}

/* The print dialog's list of printers */
static GtkSelectionModel *
printers_of (GtkPrintUnixDialog *dialog)
{
  GtkWidget *list = ui_find_child (GTK_WIDGET (dialog), GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (list);
  return gtk_column_view_get_model (GTK_COLUMN_VIEW (list));
}

static gboolean
printer_listed (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (printers_of (data))) > 0;
}

/* GTK's print dialog, asynchronous: the window goes on while it is open;
 * cancelled, it prints nothing and says nothing. */
static void
test_cancelled (UiFixture     *fixture,
                gconstpointer  data)
{
  g_autoptr(RoadmapPrint) print = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* "roadmap-progress-2026-11-25.pdf" */
  g_autofree char *name_end = g_strdup_printf ("progress-%s.pdf", date);
  const char *offered[2];
  UiOutcome outcome = { 0, };
  GtkWindow *dialog;

  ui_fixture_open_window (fixture);

  print = roadmap_print_new (GTK_WINDOW (fixture->window), ui_fixture_get_toasts (fixture),
                             roadmap_session_get_catalog (fixture->session), board_track (fixture));
  ui_outcome_watch (print, &outcome);
  /* Returns with the dialog open: nothing waits for it */
  roadmap_print_start (print, TRUE);
  g_assert_true (ui_spin_until (print_dialog_shown, NULL, 5000));
  dialog = ui_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  g_assert_false (outcome.finished);
  ui_wait_for_frame (GTK_WIDGET (fixture->window));

  /* Chosen in the list (the only printer here), the file printer offers
   * the export's name; the dialog shows the end of a long path only */
  g_assert_true (ui_spin_until (printer_listed, dialog, 10000));
  gtk_selection_model_select_item (printers_of (GTK_PRINT_UNIX_DIALOG (dialog)), 0, TRUE);
  g_assert_true (ui_spin_until (file_printer_selected, dialog, 5000));
  offered[0] = (const char *) dialog;
  offered[1] = name_end;
  g_assert_true (ui_spin_until (label_shown, offered, 2000));

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_true (ui_spin_until (ui_outcome_is_finished, &outcome, 5000));
  g_assert_false (outcome.success);
  ui_spin (200);
  g_assert_null (ui_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG));
  g_assert_null (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (ui_find_label (GTK_WIDGET (fixture->window), "printer"));
  /* Not written where the file printer would have put it */
  {
    g_autofree char *cwd = g_get_current_dir ();
    g_autofree char *name = g_strdup_printf ("roadmap-%s", name_end);
    g_autofree char *path = g_build_filename (cwd, name, NULL);

    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}


static gboolean
pdf_complete (gpointer data)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (data, &contents, &length, NULL) &&
         length > 5 && g_str_has_prefix (contents, "%PDF-") &&
         g_strstr_len (contents + length - MIN (length, 32), MIN (length, 32), "%%EOF") != NULL;
}

/* Has GTK's print @dialog print to @path, through its file printer */
static void
choose_file_printer (GtkPrintUnixDialog *dialog,
                     const char         *path)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_unix_dialog_get_settings (dialog);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  gtk_print_settings_set_printer (settings, FILE_PRINTER);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_unix_dialog_set_settings (dialog, settings);
  g_assert_true (ui_spin_until (file_printer_selected, dialog, 10000));
  ui_spin (200);
}

/* The whole way, as a user goes: Ctrl+P, the question, GTK's print dialog
 * and its file printer; the next print starts from the same printer and
 * file. */
static void
test_print_dialog (UiFixture     *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GtkPrintSettings) again = NULL;
  const char *toast[2];
  GtkPrintUnixDialog *dialog;
  g_autofree char *text = NULL;

  ui_fixture_open_window (fixture);
  toast[0] = (const char *) fixture->window;
  toast[1] = "Sent to the printer";

  ui_press_keys (GTK_WIDGET (fixture->window), "ctrl+p");
  answer_scope ("Print Progress", "Current Track");
  g_assert_true (ui_spin_until (print_dialog_shown, NULL, 5000));
  dialog = GTK_PRINT_UNIX_DIALOG (ui_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG));

  choose_file_printer (dialog, path);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);

  g_assert_true (ui_spin_until (pdf_complete, path, 20000));
  g_assert_true (ui_spin_until (label_shown, toast, 5000));
  g_assert_null (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  if (!skip_without_poppler ())
    {
      text = run_tool ("pdftotext", path);
      assert_text (text, "Backend Developer", backend_skills, TRUE);
      assert_text (text, "Data Engineer", data_skills, FALSE);
    }

  /* Again: the dialog opens on the same printer and file */
  ui_spin (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));
  answer_scope ("Print Progress", "All Tracks");
  g_assert_true (ui_spin_until (print_dialog_shown, NULL, 5000));
  dialog = GTK_PRINT_UNIX_DIALOG (ui_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG));
  g_assert_true (ui_spin_until (file_printer_selected, dialog, 10000));
  again = gtk_print_unix_dialog_get_settings (dialog);
  g_assert_cmpstr (gtk_print_settings_get (again, GTK_PRINT_SETTINGS_OUTPUT_URI), ==, uri);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  ui_spin (200);
}

/* The window closes while the print dialog is open: the print is given
 * up, whatever the dialog is then told, and nothing fails */
static void
test_window_closed (UiFixture     *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "never.pdf", NULL);
  g_autoptr(GtkWindow) dialog = NULL;

  ui_fixture_open_window (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));
  answer_scope ("Print Progress", "All Tracks");
  g_assert_true (ui_spin_until (print_dialog_shown, NULL, 5000));
  dialog = g_object_ref (ui_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG));
  choose_file_printer (GTK_PRINT_UNIX_DIALOG (dialog), path);

  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  ui_spin (200);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  ui_spin (1000);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_failure_dialog (UiFixture     *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "report.pdf", NULL);
  g_autoptr(RoadmapPrint) print = NULL;
  UiOutcome outcome = { 0, };
  GtkWindow *dialog;

  ui_fixture_open_window (fixture);

  print = roadmap_print_new (GTK_WINDOW (fixture->window), ui_fixture_get_toasts (fixture),
                             roadmap_session_get_catalog (fixture->session), NULL);
  ui_outcome_watch (print, &outcome);
  roadmap_print_set_export_filename (print, path);
  roadmap_print_start (print, TRUE);

  g_assert_true (ui_spin_until (ui_outcome_is_finished, &outcome, 20000));
  g_assert_false (outcome.success);
  g_assert_true (ui_spin_until (message_dialog_shown, NULL, 2000));
  dialog = ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Printing Failed");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), !=, "");
  g_test_message ("“%s”", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  gtk_window_destroy (dialog);
  g_assert_null (ui_find_label (GTK_WIDGET (fixture->window), "Sent to the printer"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

#define ADD(path, func) UI_TEST_ADD (skip, path, func)

int
main (int   argc,
      char *argv[])
{
  const char *skip;

  skip = ui_test_init_xdotool (&argc, &argv);
  /* GTK's file printer only: no print server is asked, none is needed */
  if (skip == NULL)
    g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);

  ADD ("/ui/print/menu-and-shortcut", test_menu_and_shortcut);
  ADD ("/ui/print/disabled", test_disabled);
  ADD ("/ui/print/all-tracks", test_all_tracks);
  ADD ("/ui/print/current-track", test_current_track);
  ADD ("/ui/print/cancelled", test_cancelled);
  ADD ("/ui/print/print-dialog", test_print_dialog);
  ADD ("/ui/print/window-closed", test_window_closed);
  ADD ("/ui/print/failure-dialog", test_failure_dialog);

  return g_test_run ();
}

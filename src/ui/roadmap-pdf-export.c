/* roadmap-pdf-export.c — one export, from the questions to the toast
 *
 *   roadmap_pdf_export_run ()
 *     → "All tracks / Current track" (roadmap_report_job_ask (): skipped
 *       when there is only one track to report on)
 *     → where (GtkFileChooserNative, "roadmap-progress-2026-11-25.pdf")
 *     → roadmap_pdf_export_start (): the report is written on a worker
 *       thread; a toast shows a bar of the pages done; then a toast "Exported …"
 *       with an "Open" button, or a dialog saying what failed.
 *
 * Threads: the worker never sees the model. The catalog's GObjects are
 * not thread-safe and the learner may move cards while a large report is
 * written, so roadmap_report_snapshot_new () copies what the report shows
 * into plain, immutable structs here on the main thread (a few
 * milliseconds for 10,000 skills), and the worker gets only that snapshot
 * (inside a RoadmapReport the main thread no longer touches) and the
 * GFile. Progress comes back through two atomic integers the main thread
 * polls; the result through the GTask callback, on the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <glib/gi18n.h>

#include "roadmap-pdf-export.h"
#include "roadmap-report-export.h"

#define PROGRESS_INTERVAL_MS 150

struct _RoadmapPdfExport
{
  RoadmapReportJob parent_instance;

  GtkFileChooserNative *chooser;
  AdwToast *progress_toast;
  GtkProgressBar *progress_bar;
  guint progress_source;
  gboolean all_tracks;

  /* Written by the worker thread, read by the main thread */
  int pages_done;
  int n_pages;
};

G_DEFINE_FINAL_TYPE (RoadmapPdfExport, roadmap_pdf_export, ROADMAP_TYPE_REPORT_JOB)

typedef struct
{
  RoadmapReport *report;
  GFile *file;
} ExportData;

/* Helpers */

static void
export_data_free (gpointer data)
{
  ExportData *job = data;

  g_clear_object (&job->report);
  g_clear_object (&job->file);
  g_free (job);
}

static void
add_toast (RoadmapPdfExport *self,
           AdwToast         *toast)
{
  roadmap_report_job_add_toast (ROADMAP_REPORT_JOB (self), toast);
}

static void
finish (RoadmapPdfExport *self,
        gboolean          success)
{
  roadmap_report_job_finish (ROADMAP_REPORT_JOB (self), success);
}

static void
show_error (RoadmapPdfExport *self,
            const GError     *error)
{
  roadmap_report_job_show_error (ROADMAP_REPORT_JOB (self), _("Export Failed"), error);
}

/* Callbacks */

/* On the worker thread */
static void
on_page_written (guint    page,
                 guint    n_pages,
                 gpointer user_data)
{
  RoadmapPdfExport *self = user_data;

  g_atomic_int_set (&self->n_pages, (int) n_pages);
  g_atomic_int_set (&self->pages_done, (int) page);
}

/* Only the bar's fraction changes: a new toast title would resize the
 * toast, and with it lay the whole window out again (up to 300 ms per
 * update under load, measured in test-pdf-export). */
static gboolean
update_progress (gpointer user_data)
{
  RoadmapPdfExport *self = user_data;
  int n_pages = g_atomic_int_get (&self->n_pages);
  int done = g_atomic_int_get (&self->pages_done);

  if (n_pages > 0 && self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) done / n_pages);
  else if (self->progress_bar != NULL)
    gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

/* "Exporting…" and a bar of fixed width */
static GtkWidget *
progress_title (RoadmapPdfExport *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_("Exporting…"));
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_widget_set_size_request (bar, 120, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pages written"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);
  g_set_weak_pointer (&self->progress_bar, GTK_PROGRESS_BAR (bar));

  return box;
}

static void
on_open_clicked (AdwToast  *toast,
                 GtkWindow *parent)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "roadmap-uri");

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

/* A thread of its own rather than GTask's pool: it lowers its priority
 * (nice 10, Linux only), which cannot be undone on a pool thread that
 * goes on to serve others. The window's frames then keep the CPU they
 * need while a large report is written (measured in test-pdf-export). */
static gpointer
export_thread (gpointer data)
{
  g_autoptr(GTask) task = data;
  ExportData *job = g_task_get_task_data (task);
  GError *error = NULL;

#ifdef __linux__
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 10);
#endif

  if (roadmap_report_export_pdf (job->report, job->file, on_page_written,
                                 g_task_get_source_object (task),
                                 g_task_get_cancellable (task), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  return NULL;
}

static void
on_export_done (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RoadmapPdfExport *self = ROADMAP_PDF_EXPORT (source_object);
  GtkWindow *parent = roadmap_report_job_get_parent (ROADMAP_REPORT_JOB (self));
  ExportData *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->progress_toast != NULL)
    adw_toast_dismiss (self->progress_toast);
  g_clear_object (&self->progress_toast);
  g_clear_weak_pointer (&self->progress_bar);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      finish (self, FALSE);
      return;
    }

  basename = g_file_get_basename (job->file);
  /* Toast titles are Pango markup in libadwaita 1.2; a file name is text */
  escaped = g_markup_escape_text (basename, -1);
  /* Translators: a toast, "Exported “roadmap-progress-2026-11-25.pdf”" */
  title = g_strdup_printf (_("Exported “%s”"), escaped);
  toast = adw_toast_new (title);
  if (parent != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "roadmap-uri", g_file_get_uri (job->file), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked),
                               parent, 0);
    }
  add_toast (self, toast);

  finish (self, TRUE);
}

static void
on_file_chosen (RoadmapPdfExport     *self,
                int                   response,
                GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    {
      finish (self, FALSE);
      return;
    }

  roadmap_pdf_export_start (self, file, self->all_tracks);
}

static void
choose_file (RoadmapPdfExport *self)
{
  g_autofree char *name = roadmap_pdf_export_dup_default_name (self, self->all_tracks);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  self->chooser = gtk_file_chooser_native_new (_("Export Progress as PDF"),
                                               roadmap_report_job_get_parent (ROADMAP_REPORT_JOB (self)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_file_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
roadmap_pdf_export_scope_chosen (RoadmapReportJob *job,
                                 gboolean          all_tracks)
{
  RoadmapPdfExport *self = ROADMAP_PDF_EXPORT (job);

  self->all_tracks = all_tracks;
  choose_file (self);
}

static void
roadmap_pdf_export_cancel (RoadmapReportJob *job)
{
  RoadmapPdfExport *self = ROADMAP_PDF_EXPORT (job);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
}

/* GObject overrides */

static void
roadmap_pdf_export_dispose (GObject *object)
{
  RoadmapPdfExport *self = (RoadmapPdfExport *) object;

  roadmap_pdf_export_cancel (ROADMAP_REPORT_JOB (self));
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->progress_toast);
  g_clear_weak_pointer (&self->progress_bar);

  G_OBJECT_CLASS (roadmap_pdf_export_parent_class)->dispose (object);
}

static void
roadmap_pdf_export_class_init (RoadmapPdfExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RoadmapReportJobClass *job_class = ROADMAP_REPORT_JOB_CLASS (klass);

  object_class->dispose = roadmap_pdf_export_dispose;
  job_class->scope_chosen = roadmap_pdf_export_scope_chosen;
  job_class->cancel = roadmap_pdf_export_cancel;
}

static void
roadmap_pdf_export_init (RoadmapPdfExport *self)
{
  self->all_tracks = TRUE;
}

/* Public API */

/**
 * roadmap_pdf_export_new:
 * @toasts: where the progress and the result are shown
 * @current_track: (nullable): the track on the board, offered as a choice
 */
RoadmapPdfExport *
roadmap_pdf_export_new (GtkWindow       *parent,
                        AdwToastOverlay *toasts,
                        RoadmapCatalog  *catalog,
                        RoadmapTrack    *current_track)
{
  return g_object_new (ROADMAP_TYPE_PDF_EXPORT,
                       "parent", parent,
                       "toasts", toasts,
                       "catalog", catalog,
                       "current-track", current_track,
                       NULL);
}

/**
 * roadmap_pdf_export_dup_default_name:
 *
 * Returns: (transfer full): "roadmap-progress-2026-11-25.pdf", or
 *   "roadmap-progress-data-engineer-2026-11-25.pdf" for one track
 */
char *
roadmap_pdf_export_dup_default_name (RoadmapPdfExport *self,
                                     gboolean          all_tracks)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (ROADMAP_IS_PDF_EXPORT (self), NULL);

  stem = roadmap_report_job_dup_file_stem (ROADMAP_REPORT_JOB (self), all_tracks);
  return g_strconcat (stem, ".pdf", NULL);
}

/**
 * roadmap_pdf_export_run:
 *
 * Asks which tracks (when there is a choice) and where, then exports.
 * RoadmapReportJob::finished is emitted in every case.
 */
void
roadmap_pdf_export_run (RoadmapPdfExport *self)
{
  g_return_if_fail (ROADMAP_IS_PDF_EXPORT (self));

  roadmap_report_job_ask (ROADMAP_REPORT_JOB (self), _("Export Progress as PDF"));
}

/**
 * roadmap_pdf_export_start:
 * @file: the PDF to write (replaced only once the new one is complete)
 *
 * Exports right away, without asking.
 */
void
roadmap_pdf_export_start (RoadmapPdfExport *self,
                          GFile            *file,
                          gboolean          all_tracks)
{
  g_autoptr(RoadmapReportSnapshot) snapshot = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  ExportData *job;

  g_return_if_fail (ROADMAP_IS_PDF_EXPORT (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Here, on the main thread: see the top of this file */
  snapshot = roadmap_report_job_snapshot (ROADMAP_REPORT_JOB (self), all_tracks, &error);
  if (snapshot == NULL)
    {
      show_error (self, error);
      finish (self, FALSE);
      return;
    }

  job = g_new0 (ExportData, 1);
  job->report = roadmap_report_new (snapshot);
  job->file = g_object_ref (file);

  g_atomic_int_set (&self->pages_done, 0);
  g_atomic_int_set (&self->n_pages, 0);
  toast = adw_toast_new (_("Exporting…"));
  adw_toast_set_custom_title (toast, progress_title (self));
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_object (&self->progress_toast, toast);
  add_toast (self, toast);
  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, update_progress, self);

  task = g_task_new (self, roadmap_report_job_get_cancellable (ROADMAP_REPORT_JOB (self)),
                     on_export_done, NULL);
  g_task_set_source_tag (task, roadmap_pdf_export_start);
  g_task_set_task_data (task, job, export_data_free);
  /* The result comes back through the GTask, on this (main) thread */
  g_thread_unref (g_thread_new ("roadmap-pdf-export", export_thread, g_steal_pointer (&task)));
}

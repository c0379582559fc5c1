/* roadmap-print.c — one print, from the questions to the toast
 *
 *   roadmap_print_run ()
 *     → "All tracks / Current track" (roadmap_report_job_ask (), as the
 *       PDF export asks it)
 *     → roadmap_print_start (): a snapshot of the catalog, then GTK's print
 *       dialog (asynchronous: the window goes on meanwhile)
 *     → ::begin-print lays the report out for the paper chosen there,
 *       ::draw-page draws each page, ::done says how it went: a toast, a
 *       dialog saying what failed, or nothing when the print was cancelled.
 *
 * The report is laid out for the whole sheet (use-full-page), in points,
 * with its own margins, so a printed page is the exported PDF's page on
 * that paper. A sheet smaller than the report's minimum (A6, an index
 * card) gets the report laid out larger and scaled down to fit.
 *
 * The snapshot is taken when the print starts, on the main thread, which
 * also paginates and draws (GtkPrintOperation calls back there): what is
 * printed is the progress as it was when the learner asked to print it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-print.h"
#include "roadmap-report.h"

struct _RoadmapPrint
{
  RoadmapReportJob parent_instance;

  GtkPrintSettings *settings; /* nullable: the last print's */
  GtkPageSetup *page_setup;   /* nullable */
  char *export_filename;      /* nullable: a PDF instead of the dialog */

  GtkPrintOperation *operation;  /* while one runs */
  RoadmapReport *report;
  double scale;                  /* the report is drawn at, to fit the sheet */
  GError *error;                 /* ours, while laying out or drawing */
};

G_DEFINE_FINAL_TYPE (RoadmapPrint, roadmap_print, ROADMAP_TYPE_REPORT_JOB)

/* Helpers */

static void
finish (RoadmapPrint *self,
        gboolean      success)
{
  g_clear_object (&self->operation);
  g_clear_object (&self->report);
  g_clear_error (&self->error);
  roadmap_report_job_finish (ROADMAP_REPORT_JOB (self), success);
}

static void
show_error (RoadmapPrint *self,
            const GError *error)
{
  roadmap_report_job_show_error (ROADMAP_REPORT_JOB (self), _("Printing Failed"), error);
}

/* Stops the print with @error, shown once GTK says it is over */
static void
fail (RoadmapPrint      *self,
      GtkPrintOperation *operation,
      GError            *error)
{
  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);
  gtk_print_operation_cancel (operation);
}

/* Callbacks */

static void
on_begin_print (RoadmapPrint      *self,
                GtkPrintContext   *context,
                GtkPrintOperation *operation)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height;
  GError *error = NULL;
  gboolean laid_out;

  /* The whole sheet in points (use-full-page, GTK_UNIT_POINTS), turned
   * for landscape */
  self->scale = roadmap_report_fit_page_size (gtk_print_context_get_width (context),
                                              gtk_print_context_get_height (context),
                                              &width, &height);
  roadmap_report_set_page_size (self->report, width, height);

  /* Laid out on this context, as it is drawn: its font options decide
   * the text's metrics */
  cairo_save (cr);
  cairo_scale (cr, self->scale, self->scale);
  laid_out = roadmap_report_paginate (self->report, cr,
                                      roadmap_report_job_get_cancellable (ROADMAP_REPORT_JOB (self)),
                                      &error);
  cairo_restore (cr);

  if (!laid_out)
    {
      fail (self, operation, error);
      return;
    }

  gtk_print_operation_set_n_pages (operation, (int) roadmap_report_get_n_pages (self->report));
}

static void
on_draw_page (RoadmapPrint      *self,
              GtkPrintContext   *context,
              int                page,
              GtkPrintOperation *operation)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  cairo_status_t status;

  if (self->error != NULL || page < 0 || (guint) page >= roadmap_report_get_n_pages (self->report))
    return;

  cairo_save (cr);
  cairo_scale (cr, self->scale, self->scale);
  roadmap_report_draw_page (self->report, cr, (guint) page);
  cairo_restore (cr);

  status = cairo_status (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    fail (self, operation,
          g_error_new (ROADMAP_REPORT_ERROR, ROADMAP_REPORT_ERROR_RENDER,
                       /* Translators: %s is cairo's reason */
                       _("The report could not be drawn: %s"), cairo_status_to_string (status)));
}

/* GTK emits it in every case, a synchronous end included */
static void
on_done (RoadmapPrint            *self,
         GtkPrintOperationResult  result,
         GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
      /* The printer, the paper and the rest, for the next print */
      g_set_object (&self->settings, gtk_print_operation_get_print_settings (operation));
      if (gtk_print_operation_get_default_page_setup (operation) != NULL)
        g_set_object (&self->page_setup, gtk_print_operation_get_default_page_setup (operation));
      roadmap_report_job_add_toast (ROADMAP_REPORT_JOB (self), adw_toast_new (_("Sent to the printer")));
      finish (self, TRUE);
      break;

    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      show_error (self, error);
      finish (self, FALSE);
      break;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      /* Cancelled by the learner, or given up: nothing to say; stopped
       * by a failure of ours: why */
      if (self->error != NULL && !g_error_matches (self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, self->error);
      finish (self, FALSE);
      break;
    }
}

static void
roadmap_print_scope_chosen (RoadmapReportJob *job,
                            gboolean          all_tracks)
{
  roadmap_print_start (ROADMAP_PRINT (job), all_tracks);
}

static void
roadmap_print_cancel (RoadmapReportJob *job)
{
  RoadmapPrint *self = ROADMAP_PRINT (job);

  if (self->operation != NULL)
    gtk_print_operation_cancel (self->operation);
}

/* GObject overrides */

static void
roadmap_print_finalize (GObject *object)
{
  RoadmapPrint *self = (RoadmapPrint *) object;

  g_clear_object (&self->settings);
  g_clear_object (&self->page_setup);
  g_clear_pointer (&self->export_filename, g_free);
  g_clear_object (&self->operation);
  g_clear_object (&self->report);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (roadmap_print_parent_class)->finalize (object);
}

static void
roadmap_print_class_init (RoadmapPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RoadmapReportJobClass *job_class = ROADMAP_REPORT_JOB_CLASS (klass);

  object_class->finalize = roadmap_print_finalize;
  job_class->scope_chosen = roadmap_print_scope_chosen;
  job_class->cancel = roadmap_print_cancel;
}

static void
roadmap_print_init (RoadmapPrint *self)
{
  self->scale = 1.0;
}

/* Public API */

/**
 * roadmap_print_new:
 * @toasts: where the result is shown
 * @current_track: (nullable): the track on the board, offered as a choice
 */
RoadmapPrint *
roadmap_print_new (GtkWindow       *parent,
                   AdwToastOverlay *toasts,
                   RoadmapCatalog  *catalog,
                   RoadmapTrack    *current_track)
{
  return g_object_new (ROADMAP_TYPE_PRINT,
                       "parent", parent,
                       "toasts", toasts,
                       "catalog", catalog,
                       "current-track", current_track,
                       NULL);
}

/**
 * roadmap_print_set_print_settings:
 * @settings: (nullable): a previous print's, to start the dialog from
 */
void
roadmap_print_set_print_settings (RoadmapPrint     *self,
                                  GtkPrintSettings *settings)
{
  g_return_if_fail (ROADMAP_IS_PRINT (self));
  g_return_if_fail (settings == NULL || GTK_IS_PRINT_SETTINGS (settings));

  g_set_object (&self->settings, settings);
}

/**
 * roadmap_print_get_print_settings:
 *
 * Returns: (transfer none) (nullable): the settings set, or once the
 *   report was sent, those it was printed with
 */
GtkPrintSettings *
roadmap_print_get_print_settings (RoadmapPrint *self)
{
  g_return_val_if_fail (ROADMAP_IS_PRINT (self), NULL);
  return self->settings;
}

/**
 * roadmap_print_set_page_setup:
 * @page_setup: (nullable): a previous print's paper and orientation
 */
void
roadmap_print_set_page_setup (RoadmapPrint *self,
                              GtkPageSetup *page_setup)
{
  g_return_if_fail (ROADMAP_IS_PRINT (self));
  g_return_if_fail (page_setup == NULL || GTK_IS_PAGE_SETUP (page_setup));

  g_set_object (&self->page_setup, page_setup);
}

/**
 * roadmap_print_get_page_setup:
 *
 * Returns: (transfer none) (nullable): the page setup set, or once the
 *   report was sent, the one it was printed on
 */
GtkPageSetup *
roadmap_print_get_page_setup (RoadmapPrint *self)
{
  g_return_val_if_fail (ROADMAP_IS_PRINT (self), NULL);
  return self->page_setup;
}

/**
 * roadmap_print_set_export_filename:
 * @filename: (nullable): a PDF to write
 *
 * Prints to @filename (GTK_PRINT_OPERATION_ACTION_EXPORT) instead of
 * showing the print dialog: the same operation, pages and outcome, for
 * tests to read back.
 */
void
roadmap_print_set_export_filename (RoadmapPrint *self,
                                   const char   *filename)
{
  g_return_if_fail (ROADMAP_IS_PRINT (self));

  g_free (self->export_filename);
  self->export_filename = g_strdup (filename);
}

/**
 * roadmap_print_run:
 *
 * Asks which tracks (when there is a choice), then shows the print dialog.
 * RoadmapPrint::finished is emitted in every case.
 */
void
roadmap_print_run (RoadmapPrint *self)
{
  g_return_if_fail (ROADMAP_IS_PRINT (self));

  roadmap_report_job_ask (ROADMAP_REPORT_JOB (self), _("Print Progress"));
}

/**
 * roadmap_print_start:
 *
 * Shows the print dialog right away, without asking which tracks.
 */
void
roadmap_print_start (RoadmapPrint *self,
                     gboolean      all_tracks)
{
  g_autoptr(RoadmapReportSnapshot) snapshot = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *stem = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (ROADMAP_IS_PRINT (self));
  g_return_if_fail (self->operation == NULL);

  snapshot = roadmap_report_job_snapshot (ROADMAP_REPORT_JOB (self), all_tracks, &error);
  if (snapshot == NULL)
    {
      show_error (self, error);
      finish (self, FALSE);
      return;
    }
  self->report = roadmap_report_new (snapshot);
  title = roadmap_report_dup_title (self->report);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* Printed to a file (GTK's file printer), the export's name is offered,
   * unless a file was chosen last time */
  settings = self->settings != NULL ? gtk_print_settings_copy (self->settings)
                                    : gtk_print_settings_new ();
  stem = roadmap_report_job_dup_file_stem (ROADMAP_REPORT_JOB (self), all_tracks);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, stem);
  gtk_print_operation_set_print_settings (operation, settings);
  if (self->page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, self->page_setup);
  if (self->export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, self->export_filename);

  /* The operation holds the print alive until it is over (its ::done
   * handler's reference), so plain handlers: with g_signal_connect_object
   * the print, let go of as the operation is finalized, would take its
   * handlers off an operation that has none left. */
  g_signal_connect_swapped (operation, "begin-print", G_CALLBACK (on_begin_print), self);
  g_signal_connect_swapped (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  g_signal_connect_data (operation, "done", G_CALLBACK (on_done), g_object_ref (self),
                         (GClosureNotify) G_CALLBACK (g_object_unref), G_CONNECT_SWAPPED);
  g_set_object (&self->operation, operation);

  result = gtk_print_operation_run (operation,
                                    self->export_filename != NULL
                                      ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                      : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    roadmap_report_job_get_parent (ROADMAP_REPORT_JOB (self)),
                                    &error);

  /* ::done has told how it went, or will; an error GTK returned without
   * saying so there (none is known) is shown all the same. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->operation == operation)
    {
      show_error (self, error);
      finish (self, FALSE);
    }
}

/* roadmap-report-export.c — the report as a PDF, written safely
 *
 * cairo_pdf_surface_create () on a path reports no write errors (it
 * "succeeds" on /dev/full), so the PDF goes through
 * cairo_pdf_surface_create_for_stream () into a GOutputStream: every write
 * is checked, the first error is kept and stops the export, and so does a
 * failed flush, fsync or close.
 *
 * The stream is a RoadmapFileWriter's (io/): only a complete file takes
 * the place of the target, links are followed, devices and pipes are
 * written in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "roadmap-file-writer.h"
#include "roadmap-report-export.h"
#include "roadmap-text.h"

typedef struct
{
  RoadmapReport *report;
  GOutputStream *stream;
  GCancellable *cancellable;
  GError *error;           /* the first write error */
  gboolean abandoned;      /* failed: write nothing more */
  RoadmapReportProgressFunc progress;
  gpointer progress_data;
} PdfWriter;

/* Helpers */

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  PdfWriter *writer = closure;

  if (writer->error != NULL || writer->abandoned)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (writer->stream, data, length, NULL,
                                  writer->cancellable, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
end_page (RoadmapReport  *report,
          cairo_t        *cr,
          guint           page,
          gpointer        user_data,
          GError        **error)
{
  PdfWriter *writer = user_data;

  cairo_show_page (cr);

  /* Stop at once when the disk is full, not 1,000 pages later. */
  if (writer->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&writer->error));
      return FALSE;
    }

  if (writer->progress != NULL)
    writer->progress (page + 1, roadmap_report_get_n_pages (report), writer->progress_data);

  return TRUE;
}

static void
add_outline (cairo_surface_t *surface,
             RoadmapReport   *report)
{
  const RoadmapReportOutlineEntry *entries;
  int parent = CAIRO_PDF_OUTLINE_ROOT;
  guint n_entries;

  entries = roadmap_report_get_outline (report, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      /* Integers: no locale's decimal comma can get in */
      g_autofree char *link = g_strdup_printf ("page=%u pos=[0 %d]", entries[i].page + 1,
                                               MAX ((int) entries[i].y - 12, 0));
      g_autofree char *repaired = NULL;
      int id;

      id = cairo_pdf_surface_add_outline (surface,
                                          entries[i].level == 0 ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                          roadmap_text_sanitize_for_drawing (entries[i].title, &repaired),
                                          link,
                                          entries[i].level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      if (entries[i].level == 0)
        parent = id;
    }
}

static void
set_metadata (cairo_surface_t *surface,
              RoadmapReport   *report)
{
  g_autofree char *title = roadmap_report_dup_title (report);
  g_autofree char *repaired = NULL;
  g_autofree char *date = g_date_time_format (roadmap_report_get_date (report),
                                              "%Y-%m-%dT%H:%M:%S%:z");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  roadmap_text_sanitize_for_drawing (title, &repaired));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  PACKAGE_NAME " " PACKAGE_VERSION);
  if (date != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/* A user-facing error for @cause (a GIO error in the user's words, from
 * the file writer or the stream), naming @file. */
static gboolean
fail (GError       **error,
      GFile         *file,
      const GError  *cause)
{
  g_autofree char *name = g_file_get_parse_name (file);
  const char *reason = cause->message;
  RoadmapReportError code;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      cause->domain == ROADMAP_REPORT_ERROR)
    {
      g_propagate_error (error, g_error_copy (cause));
      return FALSE;
    }

  switch (cause->domain == G_IO_ERROR ? cause->code : G_IO_ERROR_FAILED)
    {
    case G_IO_ERROR_NO_SPACE:
      code = ROADMAP_REPORT_ERROR_DISK_FULL;
      reason = _("the disk is full");
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
    case G_IO_ERROR_READ_ONLY:
      code = ROADMAP_REPORT_ERROR_PERMISSION;
      break;
    case G_IO_ERROR_NOT_FOUND:
    case G_IO_ERROR_NOT_DIRECTORY:
      code = ROADMAP_REPORT_ERROR_NO_FOLDER;
      break;
    case G_IO_ERROR_IS_DIRECTORY:
      code = ROADMAP_REPORT_ERROR_IS_FOLDER;
      break;
    default:
      code = ROADMAP_REPORT_ERROR_IO;
      break;
    }

  /* Translators: "Could not export to “/home/me/report.pdf”: the disk is full" */
  g_set_error (error, ROADMAP_REPORT_ERROR, code, _("Could not export to “%s”: %s"), name, reason);
  return FALSE;
}

/* Public API */

/**
 * roadmap_report_write_pdf:
 * @stream: where the PDF goes; flushed by cairo as it goes, not closed
 * @progress: (nullable): told after each page
 *
 * Paginates and draws @report as a PDF with an outline (a bookmark per
 * track and per phase) and metadata (title, creator, creation date).
 *
 * Returns: %FALSE with the stream's first write error, cancellation, or
 *   %ROADMAP_REPORT_ERROR_RENDER
 */
gboolean
roadmap_report_write_pdf (RoadmapReport              *report,
                          GOutputStream              *stream,
                          RoadmapReportProgressFunc   progress,
                          gpointer                    user_data,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  static const RoadmapReportPageFuncs funcs = { .end_page = end_page };
  PdfWriter writer = {
    .report = report,
    .stream = stream,
    .cancellable = cancellable,
    .progress = progress,
    .progress_data = user_data,
  };
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  gboolean ok;
  cairo_t *cr;

  g_return_val_if_fail (ROADMAP_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  roadmap_report_get_page_size (report, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &writer, width, height);
  set_metadata (surface, report);
  cr = cairo_create (surface);

  ok = roadmap_report_paginate (report, cr, cancellable, &local_error);
  if (ok)
    {
      add_outline (surface, report);
      ok = roadmap_report_render (report, cr, &funcs, &writer, cancellable, &local_error);
    }

  /* A failed export writes nothing more: the file is thrown away. */
  writer.abandoned = !ok;
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!ok)
    {
      g_clear_error (&writer.error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (writer.error != NULL)
    {
      g_propagate_error (error, writer.error);
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ROADMAP_REPORT_ERROR, ROADMAP_REPORT_ERROR_RENDER,
                   _("The report could not be drawn: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * roadmap_report_export_pdf:
 * @file: the PDF to write; replaced only once the new one is complete
 * @progress: (nullable): told after each page, on the calling thread
 *
 * Writes @report as a PDF to @file with a #RoadmapFileWriter: on failure
 * nothing is left behind and an existing @file is untouched; the error
 * names the file and the reason (a missing folder, no permission, a
 * folder of that name, a full disk, …).
 *
 * Blocks: call it from a thread (GTask) in an application.
 */
gboolean
roadmap_report_export_pdf (RoadmapReport              *report,
                           GFile                      *file,
                           RoadmapReportProgressFunc   progress,
                           gpointer                    user_data,
                           GCancellable               *cancellable,
                           GError                    **error)
{
  g_autoptr(RoadmapFileWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ROADMAP_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* What is there now, before spending any time on the report */
  writer = roadmap_file_writer_new (file, ROADMAP_FILE_WRITER_NONE, &local_error);
  if (writer == NULL)
    return fail (error, file, local_error);

  if (!roadmap_report_write_pdf (report, roadmap_file_writer_get_stream (writer), progress, user_data,
                                 cancellable, &local_error) ||
      !roadmap_file_writer_finish (writer, cancellable, &local_error))
    {
      roadmap_file_writer_abandon (writer);
      return fail (error, file, local_error);
    }

  return TRUE;
}

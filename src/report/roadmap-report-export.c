/* roadmap-report-export.c — the report as a PDF, written safely
 *
 * cairo_pdf_surface_create () on a path reports no write errors (it
 * "succeeds" on /dev/full), so the PDF goes through
 * cairo_pdf_surface_create_for_stream () into a GOutputStream: every write
 * is checked, the first error is kept and stops the export, and so does a
 * failed flush, fsync or close.
 *
 * The stream is a new, hidden file beside the target; only a complete
 * file is renamed over the target, so a failed export leaves no half file
 * behind and does not destroy an existing file of that name. A symbolic
 * link is followed to the file it leads to, which is the one replaced (the
 * link stays). Devices and pipes (/dev/full, /dev/stdout on a pipe) cannot
 * be renamed over: those are written in place, with the same checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <gio/gfiledescriptorbased.h>
#include <glib/gi18n-lib.h>

#include "roadmap-report-export.h"
#include "roadmap-text.h"

#define BUFFER_SIZE        (64 * 1024)
#define MAX_TEMP_ATTEMPTS  100

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

/* A user-facing error for @cause, naming @file (and @folder where the
 * folder is the problem). */
static gboolean
fail (GError       **error,
      GFile         *file,
      GFile         *folder,
      const GError  *cause)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *folder_name = folder != NULL ? g_file_get_parse_name (folder) : NULL;
  g_autofree char *reason = NULL;
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
      reason = g_strdup (_("the disk is full"));
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
    case G_IO_ERROR_READ_ONLY:
      code = ROADMAP_REPORT_ERROR_PERMISSION;
      /* Translators: why an export failed; %s is a folder or a file */
      reason = g_strdup_printf (_("you have no permission to write to “%s”"),
                                folder_name != NULL ? folder_name : name);
      break;
    case G_IO_ERROR_NOT_FOUND:
      code = ROADMAP_REPORT_ERROR_NO_FOLDER;
      reason = g_strdup_printf (_("the folder “%s” does not exist"),
                                folder_name != NULL ? folder_name : name);
      break;
    case G_IO_ERROR_NOT_DIRECTORY:
      code = ROADMAP_REPORT_ERROR_NO_FOLDER;
      reason = g_strdup_printf (_("“%s” is not a folder"), folder_name != NULL ? folder_name : name);
      break;
    case G_IO_ERROR_IS_DIRECTORY:
      code = ROADMAP_REPORT_ERROR_IS_FOLDER;
      reason = g_strdup (_("it is a folder; give the name of a file"));
      break;
    default:
      code = ROADMAP_REPORT_ERROR_IO;
      reason = g_strdup (cause->message);
      break;
    }

  /* Translators: "Could not export to “/home/me/report.pdf”: the disk is full" */
  g_set_error (error, ROADMAP_REPORT_ERROR, code, _("Could not export to “%s”: %s"), name, reason);
  return FALSE;
}

static gboolean
fail_with_errno (GError **error,
                 GFile   *file,
                 GFile   *folder,
                 int      saved_errno)
{
  g_autoptr(GError) cause = g_error_new_literal (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                                 g_strerror (saved_errno));

  return fail (error, file, folder, cause);
}

/* A new hidden file beside @file: ".NAME.XXXXXX.part"; GIO's errors */
static GFileOutputStream *
create_temp_file (GFile   *file,
                  GFile   *folder,
                  GFile  **temp_out,
                  GError **error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *stem = g_strndup (basename, 200);  /* NAME_MAX is 255 bytes */

  for (guint attempt = 0; attempt < MAX_TEMP_ATTEMPTS; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%06x.part", stem,
                                               g_random_int_range (0, 0xffffff));
      g_autoptr(GFile) temp = g_file_get_child (folder, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      stream = g_file_create (temp, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream != NULL)
        {
          *temp_out = g_steal_pointer (&temp);
          return stream;
        }

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, g_strerror (EEXIST));
  return NULL;
}

/* Writes the PDF, then flushes, syncs and closes: all checked. */
static gboolean
write_and_close (RoadmapReport              *report,
                 GOutputStream              *base,
                 gboolean                    sync,
                 RoadmapReportProgressFunc   progress,
                 gpointer                    user_data,
                 GCancellable               *cancellable,
                 GError                    **error)
{
  g_autoptr(GOutputStream) stream = g_buffered_output_stream_new_sized (base, BUFFER_SIZE);

  if (!roadmap_report_write_pdf (report, stream, progress, user_data, cancellable, error) ||
      !g_output_stream_flush (stream, cancellable, error))
    {
      g_output_stream_close (stream, NULL, NULL);
      return FALSE;
    }

  if (sync && G_IS_FILE_DESCRIPTOR_BASED (base) &&
      fsync (g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (base))) != 0)
    {
      int saved_errno = errno;

      g_output_stream_close (stream, NULL, NULL);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }

  return g_output_stream_close (stream, cancellable, error);
}

/* A device or a pipe: written in place (renaming over it would replace
 * the device node itself). */
static gboolean
export_in_place (RoadmapReport              *report,
                 GFile                      *file,
                 GFileInfo                  *info,
                 RoadmapReportProgressFunc   progress,
                 gpointer                    user_data,
                 GCancellable               *cancellable,
                 GError                    **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  if (S_ISBLK (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE)))
    {
      g_autoptr(GError) cause = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                                                     _("it is a disk device"));
      return fail (error, file, NULL, cause);
    }

  stream = g_file_append_to (file, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (stream == NULL ||
      !write_and_close (report, G_OUTPUT_STREAM (stream), FALSE, progress, user_data,
                        cancellable, &local_error))
    return fail (error, file, NULL, local_error);

  return TRUE;
}

/* The file @file's symbolic links lead to (even to one that does not
 * exist yet), so that the rename replaces that file, not the link. */
static GFile *
resolve_links (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return g_object_ref (file);

  /* As many as the kernel follows (MAXSYMLINKS) */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *target = g_file_read_link (path, NULL);
      g_autofree char *folder = NULL;

      if (target == NULL)
        break;

      folder = g_path_get_dirname (path);
      g_free (path);
      path = g_canonicalize_filename (target, folder);
    }

  return g_file_new_for_path (path);
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
 * Writes @report as a PDF to a new file beside @file, then renames it over
 * @file. On failure nothing is left behind and an existing @file is
 * untouched; the error names the file and the reason (a missing folder,
 * no permission, a folder of that name, a full disk, …).
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
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ROADMAP_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* What is there now, before spending any time on the report */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL)
    {
      switch (g_file_info_get_file_type (info))
        {
        case G_FILE_TYPE_DIRECTORY:
          return fail_with_errno (error, file, NULL, EISDIR);
        case G_FILE_TYPE_SPECIAL:
          return export_in_place (report, file, info, progress, user_data, cancellable, error);
        default:
          break;
        }
    }

  /* A link (~/latest.pdf → reports/2026-11.pdf, /dev/stdout → a file the
   * shell opened): replace the file it leads to, and keep the link */
  target = resolve_links (file);
  folder = g_file_get_parent (target);
  if (folder == NULL)
    return fail_with_errno (error, file, NULL, EISDIR);

  if (info == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_autoptr(GFileInfo) folder_info = NULL;

      g_clear_error (&local_error);
      folder_info = g_file_query_info (folder, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                       G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
      if (folder_info == NULL)
        return fail (error, file, folder, local_error);
      if (g_file_info_get_file_type (folder_info) != G_FILE_TYPE_DIRECTORY)
        return fail_with_errno (error, file, folder, ENOTDIR);
    }
  else if (info == NULL)
    {
      return fail (error, file, folder, local_error);
    }

  stream = create_temp_file (target, folder, &temp, &local_error);
  if (stream == NULL)
    return fail (error, file, folder, local_error);

  if (!write_and_close (report, G_OUTPUT_STREAM (stream), TRUE, progress, user_data,
                        cancellable, &local_error) ||
      !g_file_move (temp, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    NULL, NULL, NULL, &local_error))
    {
      g_file_delete (temp, NULL, NULL);
      return fail (error, file, folder, local_error);
    }

  return TRUE;
}

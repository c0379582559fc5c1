/* roadmap-pdf-export.h — "Export as PDF…": which tracks, where, then the
 * report written on a worker thread, with its progress in a toast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-report-job.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_PDF_EXPORT (roadmap_pdf_export_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapPdfExport, roadmap_pdf_export, ROADMAP, PDF_EXPORT, RoadmapReportJob)

RoadmapPdfExport *roadmap_pdf_export_new              (GtkWindow        *parent,
                                                       AdwToastOverlay  *toasts,
                                                       RoadmapCatalog   *catalog,
                                                       RoadmapTrack     *current_track);
char             *roadmap_pdf_export_dup_default_name (RoadmapPdfExport *self,
                                                       gboolean          all_tracks);
void              roadmap_pdf_export_run              (RoadmapPdfExport *self);
void              roadmap_pdf_export_start            (RoadmapPdfExport *self,
                                                       GFile            *file,
                                                       gboolean          all_tracks);

G_END_DECLS

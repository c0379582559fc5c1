/* roadmap-print.h — "Print…": which tracks, then the report through
 * GtkPrintOperation, for the paper the print dialog was given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-report-job.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_PRINT (roadmap_print_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapPrint, roadmap_print, ROADMAP, PRINT, RoadmapReportJob)

RoadmapPrint     *roadmap_print_new                 (GtkWindow        *parent,
                                                     AdwToastOverlay  *toasts,
                                                     RoadmapCatalog   *catalog,
                                                     RoadmapTrack     *current_track);
void              roadmap_print_set_print_settings  (RoadmapPrint     *self,
                                                     GtkPrintSettings *settings);
GtkPrintSettings *roadmap_print_get_print_settings  (RoadmapPrint     *self);
void              roadmap_print_set_page_setup      (RoadmapPrint     *self,
                                                     GtkPageSetup     *page_setup);
GtkPageSetup     *roadmap_print_get_page_setup      (RoadmapPrint     *self);
void              roadmap_print_set_export_filename (RoadmapPrint     *self,
                                                     const char       *filename);
void              roadmap_print_run                 (RoadmapPrint     *self);
void              roadmap_print_start               (RoadmapPrint     *self,
                                                     gboolean          all_tracks);

G_END_DECLS

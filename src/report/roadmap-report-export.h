/* roadmap-report-export.h — the report as a PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-report.h"

G_BEGIN_DECLS

/**
 * RoadmapReportProgressFunc:
 * @page: pages written so far
 * @n_pages: pages in all
 *
 * Called on the thread that writes, after each page.
 */
typedef void (*RoadmapReportProgressFunc) (guint    page,
                                           guint    n_pages,
                                           gpointer user_data);

gboolean roadmap_report_write_pdf  (RoadmapReport              *report,
                                    GOutputStream              *stream,
                                    RoadmapReportProgressFunc   progress,
                                    gpointer                    user_data,
                                    GCancellable               *cancellable,
                                    GError                    **error);
gboolean roadmap_report_export_pdf (RoadmapReport              *report,
                                    GFile                      *file,
                                    RoadmapReportProgressFunc   progress,
                                    gpointer                    user_data,
                                    GCancellable               *cancellable,
                                    GError                    **error);

G_END_DECLS

/* roadmap-report-paper.h — the paper sizes a report is laid out for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RoadmapReportPaper:
 * @ROADMAP_REPORT_PAPER_A4: ISO A4, 210 × 297 mm
 * @ROADMAP_REPORT_PAPER_LETTER: US Letter, 8.5 × 11 in
 */
typedef enum
{
  ROADMAP_REPORT_PAPER_A4,
  ROADMAP_REPORT_PAPER_LETTER,
} RoadmapReportPaper;

RoadmapReportPaper roadmap_report_paper_get_default (void);
gboolean           roadmap_report_paper_from_string (const char         *string,
                                                     RoadmapReportPaper *paper);
void               roadmap_report_paper_get_size    (RoadmapReportPaper  paper,
                                                     double             *width,
                                                     double             *height);

G_END_DECLS

/* roadmap-report.h — the progress report, laid out in pages and drawn on
 * any cairo_t (a PDF surface, a print context)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "roadmap-report-error.h"
#include "roadmap-report-paper.h"
#include "roadmap-report-snapshot.h"

G_BEGIN_DECLS

/**
 * RoadmapReportBoxKind:
 *
 * What a rectangle on a page holds; see roadmap_report_get_boxes ().
 */
typedef enum
{
  ROADMAP_REPORT_BOX_COVER,
  ROADMAP_REPORT_BOX_COVER_TRACK,
  ROADMAP_REPORT_BOX_MESSAGE,
  ROADMAP_REPORT_BOX_TRACK_HEADING,
  ROADMAP_REPORT_BOX_PHASE_HEADING,
  ROADMAP_REPORT_BOX_CONTINUED,
  ROADMAP_REPORT_BOX_TABLE_HEADER,
  ROADMAP_REPORT_BOX_SKILL_ROW,
  ROADMAP_REPORT_BOX_NOTE,
  ROADMAP_REPORT_BOX_SKIPPED_HEADING,
  ROADMAP_REPORT_BOX_STATS_FIGURES,
  ROADMAP_REPORT_BOX_STATS_HEATMAP,
  ROADMAP_REPORT_BOX_STATS_DONE,
} RoadmapReportBoxKind;

/**
 * RoadmapReportBox:
 * @track: index into the snapshot's tracks, or G_MAXUINT
 * @phase: index into the track's phases, or G_MAXUINT
 * @skill: index into the phase's skills, or G_MAXUINT
 * @first_line: for a note, the first of its lines on this page
 * @n_lines: for a note, how many of its lines are on this page
 * @x, @y, @width, @height: where, in points from the page's top left
 *
 * A block placed on a page by the pagination. Boxes never overlap and
 * always lie within the page's content area (between the running header
 * and the footer); a skill row is always one box.
 */
typedef struct
{
  RoadmapReportBoxKind kind;
  guint track;
  guint phase;
  guint skill;
  guint first_line;
  guint n_lines;
  double x;
  double y;
  double width;
  double height;
} RoadmapReportBox;

/**
 * RoadmapReportOutlineEntry:
 * @level: 0 for a track, 1 for a phase of the track before it
 * @title: what the bookmark says
 * @page: the page (0-based) it points to
 * @y: where on that page, in points from the top
 */
typedef struct
{
  guint level;
  char *title;
  guint page;
  double y;
} RoadmapReportOutlineEntry;

typedef struct _RoadmapReport RoadmapReport;

/* The smallest page the report is laid out for, in points: A5 (419.5 ×
 * 595.3) and a little less; the cover needs the height */
#define ROADMAP_REPORT_MIN_PAGE_WIDTH  410.0
#define ROADMAP_REPORT_MIN_PAGE_HEIGHT 540.0

/**
 * RoadmapReportPageFuncs:
 * @begin_page: (nullable): before page @page is drawn
 * @end_page: (nullable): after it is drawn (a PDF surface shows the page here)
 *
 * Either may fail, which stops roadmap_report_render () with that error.
 */
typedef struct
{
  gboolean (*begin_page) (RoadmapReport  *report,
                          cairo_t        *cr,
                          guint           page,
                          gpointer        user_data,
                          GError        **error);
  gboolean (*end_page)   (RoadmapReport  *report,
                          cairo_t        *cr,
                          guint           page,
                          gpointer        user_data,
                          GError        **error);
} RoadmapReportPageFuncs;

#define ROADMAP_TYPE_REPORT (roadmap_report_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapReport, roadmap_report, ROADMAP, REPORT, GObject)

RoadmapReport                   *roadmap_report_new            (RoadmapReportSnapshot        *snapshot);
RoadmapReportSnapshot           *roadmap_report_get_snapshot   (RoadmapReport                *self);
void                             roadmap_report_set_paper      (RoadmapReport                *self,
                                                                RoadmapReportPaper            paper);
RoadmapReportPaper               roadmap_report_get_paper      (RoadmapReport                *self);
void                             roadmap_report_set_page_size  (RoadmapReport                *self,
                                                                double                        width,
                                                                double                        height);
double                           roadmap_report_fit_page_size  (double                        width,
                                                                double                        height,
                                                                double                       *fit_width,
                                                                double                       *fit_height);
void                             roadmap_report_set_date       (RoadmapReport                *self,
                                                                GDateTime                    *date);
GDateTime                       *roadmap_report_get_date       (RoadmapReport                *self);
char                            *roadmap_report_dup_title      (RoadmapReport                *self);
void                             roadmap_report_get_page_size  (RoadmapReport                *self,
                                                                double                       *width,
                                                                double                       *height);
void                             roadmap_report_get_content_area (RoadmapReport              *self,
                                                                double                       *top,
                                                                double                       *bottom);

gboolean                         roadmap_report_paginate       (RoadmapReport                *self,
                                                                cairo_t                      *cr,
                                                                GCancellable                 *cancellable,
                                                                GError                      **error);
guint                            roadmap_report_get_n_pages    (RoadmapReport                *self);
const RoadmapReportBox          *roadmap_report_get_boxes      (RoadmapReport                *self,
                                                                guint                         page,
                                                                guint                        *n_boxes);
const RoadmapReportOutlineEntry *roadmap_report_get_outline    (RoadmapReport                *self,
                                                                guint                        *n_entries);
void                             roadmap_report_draw_page      (RoadmapReport                *self,
                                                                cairo_t                      *cr,
                                                                guint                         page);
gboolean                         roadmap_report_render         (RoadmapReport                *self,
                                                                cairo_t                      *cr,
                                                                const RoadmapReportPageFuncs *funcs,
                                                                gpointer                      user_data,
                                                                GCancellable                 *cancellable,
                                                                GError                      **error);

G_END_DECLS

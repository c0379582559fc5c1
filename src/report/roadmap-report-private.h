/* roadmap-report-private.h — what the report's layout and drawing share
 *
 * Every block of the report (cover, track heading, phase heading, skill
 * row, note lines, …) is one function that both measures and draws it:
 * called with cr == NULL it only returns the height it needs, called with
 * a cairo_t it draws too, with the same layouts. Pagination and drawing
 * therefore can never disagree about a height.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "roadmap-report.h"

G_BEGIN_DECLS

typedef enum
{
  REPORT_FONT_BODY,
  REPORT_FONT_BODY_BOLD,
  REPORT_FONT_SMALL,
  REPORT_FONT_SMALL_BOLD,
  REPORT_FONT_NOTE,
  REPORT_FONT_COVER_TITLE,
  REPORT_FONT_COVER_SUBTITLE,
  REPORT_FONT_SECTION,
  REPORT_FONT_TRACK,
  REPORT_FONT_PHASE,
  REPORT_N_FONTS
} ReportFont;

typedef enum
{
  REPORT_COLUMN_SKILL,
  REPORT_COLUMN_STATUS,
  REPORT_COLUMN_STARTED,
  REPORT_COLUMN_FINISHED,
  REPORT_N_COLUMNS
} ReportColumn;

/* Geometry (points) and text machinery of one laid-out report. */
typedef struct
{
  double page_width;
  double page_height;
  double left;
  double content_width;
  double content_top;
  double content_bottom;
  double column_x[REPORT_N_COLUMNS];
  double column_width[REPORT_N_COLUMNS];

  PangoContext *context;
  PangoLayout *layouts[REPORT_N_FONTS];  /* one per font, reused for every text */
  PangoLayout *note_layout;              /* kept while a split note is laid out */
  GHashTable *short_texts;               /* "font width text" → its PangoLayout */

  /* What the context last followed, see report_style_update () */
  cairo_font_options_t *font_options;
  double scale[4];                       /* xx, yx, xy, yy of the matrix */
} ReportStyle;

/* Vertical space between blocks */
#define REPORT_GAP_PHASE   18.0
#define REPORT_GAP_TRACK   10.0

/* roadmap-report-style.c */
ReportStyle *report_style_new       (cairo_t            *cr,
                                     double              page_width,
                                     double              page_height);
void         report_style_free      (ReportStyle        *style);
void         report_style_get_content_area (double     page_height,
                                            double    *top,
                                            double    *bottom);
void         report_style_update    (ReportStyle        *style,
                                     cairo_t            *cr);
const char  *report_style_prepare_text (ReportFont       font,
                                       const char      *text,
                                       double           width,
                                       char           **copy);
PangoLayout *report_style_text      (ReportStyle        *style,
                                     ReportFont          font,
                                     const char         *text,
                                     double              width);
PangoLayout *report_style_short_text (ReportStyle       *style,
                                     ReportFont          font,
                                     const char         *text,
                                     double              width);
double       report_layout_height   (PangoLayout        *layout);
double       report_layout_width    (PangoLayout        *layout);
void         report_show_layout     (cairo_t            *cr,
                                     PangoLayout        *layout,
                                     double              x,
                                     double              y);
char        *report_format_date     (GDateTime          *date);

/* roadmap-report-text.c */
const char  *report_text_break_long_runs (const char  *text,
                                          guint        max_clusters,
                                          char       **copy);

/* roadmap-report-blocks.c: measure (cr == NULL) or draw a block at @y */
double report_block_cover          (ReportStyle                 *style,
                                    cairo_t                     *cr,
                                    const RoadmapReportSnapshot *snapshot,
                                    GDateTime                   *date,
                                    double                       y);
double report_block_cover_track    (ReportStyle                 *style,
                                    cairo_t                     *cr,
                                    const RoadmapReportTrack    *track,
                                    double                       y);
double report_block_message        (ReportStyle                 *style,
                                    cairo_t                     *cr,
                                    const char                  *message,
                                    double                       y);
double report_block_skipped_heading (ReportStyle                 *style,
                                    cairo_t                     *cr,
                                    const RoadmapReportPhase    *phase,
                                    double                       y);
double report_block_track_heading  (ReportStyle                 *style,
                                    cairo_t                     *cr,
                                    const RoadmapReportTrack    *track,
                                    double                       y);
double report_block_phase_heading  (ReportStyle                 *style,
                                    cairo_t                     *cr,
                                    const RoadmapReportPhase    *phase,
                                    double                       y);
double report_block_continued      (ReportStyle                 *style,
                                    cairo_t                     *cr,
                                    const char                  *title,
                                    gboolean                     note,
                                    double                       y);
double report_block_table_header   (ReportStyle                 *style,
                                    cairo_t                     *cr,
                                    double                       y);
double report_block_skill_row      (ReportStyle                 *style,
                                    cairo_t                     *cr,
                                    const RoadmapReportSkill    *skill,
                                    gboolean                     shaded,
                                    double                       y,
                                    double                       height);
void   report_block_page_frame     (ReportStyle                 *style,
                                    cairo_t                     *cr,
                                    const char                  *track_title,
                                    guint                        page,
                                    guint                        n_pages);

/* Notes are laid out once into style->note_layout, then placed line by
 * line: a note longer than a page goes on over the next. */
guint  report_note_prepare         (ReportStyle                 *style,
                                    const char                  *note);
double report_note_height          (ReportStyle                 *style,
                                    guint                        first_line,
                                    guint                        n_lines);
double report_block_note           (ReportStyle                 *style,
                                    cairo_t                     *cr,
                                    guint                        first_line,
                                    guint                        n_lines,
                                    guint                        n_lines_total,
                                    gboolean                     shaded,
                                    double                       y);

/* roadmap-report-stats.c: the "Statistics" section in three blocks, 0
 * high without statistics in the snapshot */
typedef enum
{
  REPORT_STATS_FIGURES,
  REPORT_STATS_HEATMAP,
  REPORT_STATS_DONE,
  REPORT_N_STATS_PARTS
} ReportStatsPart;

double report_block_stats          (ReportStyle                 *style,
                                    cairo_t                     *cr,
                                    const RoadmapReportSnapshot *snapshot,
                                    ReportStatsPart              part,
                                    double                       y);

char  *report_phase_title          (const RoadmapReportPhase    *phase);

G_END_DECLS

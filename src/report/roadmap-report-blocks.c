/* roadmap-report-blocks.c — the blocks a report page is made of
 *
 * Each block function measures (cr == NULL) or draws (cr != NULL) one
 * block whose top is at @y and returns its height; see
 * roadmap-report-private.h. All roadmap text goes through
 * pango_layout_set_text (): it is never parsed as markup.
 *
 * Status reads in black and white too: To-do is an empty circle, Doing a
 * half-filled one, Done a filled one with a tick, each beside its word;
 * progress bars are solid for done and striped for in progress.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "roadmap-date.h"
#include "roadmap-report-private.h"

typedef struct { double r, g, b; } Color;

static const Color text_color = { 0.10, 0.10, 0.10 };
static const Color secondary_color = { 0.38, 0.38, 0.38 };
static const Color rule_color = { 0.78, 0.78, 0.78 };
static const Color shade_color = { 0.955, 0.955, 0.955 };
static const Color outline_color = { 0.35, 0.35, 0.35 };
static const Color doing_tint = { 0.84, 0.90, 0.98 };
static const Color status_colors[ROADMAP_N_STATUSES] = {
  [ROADMAP_STATUS_TODO] = { 0.45, 0.45, 0.45 },
  [ROADMAP_STATUS_DOING] = { 0.11, 0.42, 0.80 },
  [ROADMAP_STATUS_DONE] = { 0.15, 0.50, 0.24 },
  [ROADMAP_STATUS_SKIPPED] = { 0.45, 0.45, 0.45 },
};

#define CELL_PAD_X     4.0
#define CELL_PAD_Y     4.0
#define GLYPH_RADIUS   3.6
#define NOTE_INDENT   14.0
#define NOTE_PAD_TOP   3.0
#define NOTE_PAD_BOTTOM 5.0

/* Helpers */

static void
set_color (cairo_t     *cr,
           const Color *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const Color *color,
           double       x,
           double       y)
{
  set_color (cr, color);
  report_show_layout (cr, layout, x, y);
}

static void
draw_rule (cairo_t     *cr,
           const Color *color,
           double       width,
           double       x,
           double       y,
           double       length)
{
  set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + length, y);
  cairo_stroke (cr);
}

static void
draw_status_glyph (cairo_t       *cr,
                   RoadmapStatus  status,
                   double         cx,
                   double         cy)
{
  const Color *color = &status_colors[status];

  cairo_save (cr);
  cairo_new_path (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, 0.9);

  switch (status)
    {
    case ROADMAP_STATUS_TODO:
      cairo_arc (cr, cx, cy, GLYPH_RADIUS, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;

    case ROADMAP_STATUS_DOING:
      cairo_arc (cr, cx, cy, GLYPH_RADIUS, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_move_to (cr, cx, cy - GLYPH_RADIUS);
      cairo_arc_negative (cr, cx, cy, GLYPH_RADIUS, -G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case ROADMAP_STATUS_SKIPPED:
      /* A circle struck through: passed over */
      cairo_arc (cr, cx, cy, GLYPH_RADIUS, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_move_to (cr, cx - GLYPH_RADIUS * 0.7, cy + GLYPH_RADIUS * 0.7);
      cairo_line_to (cr, cx + GLYPH_RADIUS * 0.7, cy - GLYPH_RADIUS * 0.7);
      cairo_stroke (cr);
      break;

    case ROADMAP_STATUS_DONE:
    default:
      cairo_arc (cr, cx, cy, GLYPH_RADIUS + 0.45, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_move_to (cr, cx - 1.9, cy + 0.1);
      cairo_line_to (cr, cx - 0.5, cy + 1.5);
      cairo_line_to (cr, cx + 2.0, cy - 1.4);
      cairo_stroke (cr);
      break;
    }

  cairo_restore (cr);
}

static void
draw_stripes (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  set_color (cr, &doing_tint);
  cairo_paint (cr);
  set_color (cr, &status_colors[ROADMAP_STATUS_DOING]);
  cairo_set_line_width (cr, 0.9);
  for (double sx = x - height; sx < x + width; sx += 3.2)
    {
      cairo_move_to (cr, sx, y + height);
      cairo_line_to (cr, sx + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Solid for done, striped for in progress, empty for to do; over the
 * counted skills (Skipped ones count as done, or not at all). */
static void
draw_bar (cairo_t                   *cr,
          const RoadmapReportCounts *counts,
          double                     x,
          double                     y,
          double                     width,
          double                     height)
{
  double done = 0, doing = 0;

  if (counts->n_counted > 0)
    {
      done = width * counts->n_counted_done / counts->n_counted;
      doing = width * counts->n_with_status[ROADMAP_STATUS_DOING] / counts->n_counted;
    }

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  if (done > 0)
    {
      cairo_rectangle (cr, x, y, done, height);
      set_color (cr, &status_colors[ROADMAP_STATUS_DONE]);
      cairo_fill (cr);
    }
  if (doing > 0)
    draw_stripes (cr, x + done, y, doing, height);
  cairo_rectangle (cr, x, y, width, height);
  set_color (cr, &outline_color);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* "9 of 24 skills done (38 %) · 3 in progress · 12 to do · 2 skipped" */
static char *
counts_text (const RoadmapReportCounts *counts)
{
  guint done = counts->n_counted_done;
  guint total = counts->n_counted;
  guint doing = counts->n_with_status[ROADMAP_STATUS_DOING];
  guint todo = counts->n_with_status[ROADMAP_STATUS_TODO];
  guint skipped = counts->n_with_status[ROADMAP_STATUS_SKIPPED];
  guint percent = total > 0 ? (guint) floor (100.0 * done / total + 0.5) : 0;
  GString *text = g_string_new (NULL);

  /* Translators: progress in the PDF report, "9 of 24 skills done (38 %)" */
  g_string_append_printf (text, ngettext ("%u of %u skill done (%u %%)",
                                          "%u of %u skills done (%u %%)", total),
                          done, total, percent);
  if (doing > 0)
    {
      g_string_append (text, " · ");
      /* Translators: progress in the PDF report, after "9 of 24 skills done" */
      g_string_append_printf (text, ngettext ("%u in progress", "%u in progress", doing), doing);
    }
  if (todo > 0)
    {
      g_string_append (text, " · ");
      /* Translators: progress in the PDF report, after "9 of 24 skills done" */
      g_string_append_printf (text, ngettext ("%u to do", "%u to do", todo), todo);
    }
  if (skipped > 0)
    {
      g_string_append (text, " · ");
      /* Translators: progress in the PDF report, after "9 of 24 skills done" */
      g_string_append_printf (text, ngettext ("%u skipped", "%u skipped", skipped), skipped);
    }

  return g_string_free (text, FALSE);
}

/* The y of the first baseline of @layout drawn at @y. */
static double
first_baseline (PangoLayout *layout,
                double       y)
{
  return y + (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

/* A bar with the counts to its right; returns the height. */
static double
bar_with_counts (ReportStyle               *style,
                 cairo_t                   *cr,
                 const RoadmapReportCounts *counts,
                 ReportFont                 font,
                 double                     bar_width,
                 double                     bar_height,
                 double                     y)
{
  g_autofree char *text = counts_text (counts);
  double text_x = style->left + bar_width + 8;
  PangoLayout *layout = report_style_text (style, font, text,
                                           style->content_width - bar_width - 8);
  double text_height = report_layout_height (layout);
  double height = MAX (bar_height, text_height);

  if (cr != NULL)
    {
      /* The bar centred on the first line of text */
      double bar_y = first_baseline (layout, y) - bar_height / 2 - 2.6;

      bar_y = MAX (bar_y, y);
      show_text (cr, layout, &text_color, text_x, y);
      draw_bar (cr, counts, style->left, bar_y, bar_width, bar_height);
    }

  return height;
}

/* Blocks */

char *
report_phase_title (const RoadmapReportPhase *phase)
{
  /* Translators: "Phase 1 · Fundamentals" */
  return g_strdup_printf (_("Phase %u · %s"), phase->number, phase->title);
}

static double
legend (ReportStyle *style,
        cairo_t     *cr,
        double       y)
{
  double x = style->left;
  double height = 0;

  for (RoadmapStatus status = ROADMAP_STATUS_TODO; status <= ROADMAP_STATUS_DONE; status++)
    {
      RoadmapReportCounts counts = {
        .n_counted = 1,
        .n_counted_done = status == ROADMAP_STATUS_DONE,
      };
      PangoLayout *layout = report_style_text (style, REPORT_FONT_BODY,
                                               roadmap_status_get_label (status), -1);

      counts.n_with_status[status] = 1;
      height = MAX (height, report_layout_height (layout));
      if (cr != NULL)
        {
          double mid = first_baseline (layout, y) - 3.0;

          draw_bar (cr, &counts, x, mid - 4, 18, 8);
          draw_status_glyph (cr, status, x + 18 + 8, mid);
          show_text (cr, layout, &text_color, x + 18 + 14, y);
        }
      x += 18 + 14 + report_layout_width (layout) + 22;
    }

  return height;
}

double
report_block_cover (ReportStyle                 *style,
                    cairo_t                     *cr,
                    const RoadmapReportSnapshot *snapshot,
                    GDateTime                   *date,
                    double                       y)
{
  g_autofree char *date_text = NULL;
  g_autofree char *counts = NULL;
  double top = y;
  PangoLayout *layout;

  y += 36;
  layout = report_style_text (style, REPORT_FONT_COVER_TITLE, _("Roadmap"), style->content_width);
  if (cr != NULL)
    show_text (cr, layout, &text_color, style->left, y);
  y += report_layout_height (layout) + 2;

  layout = report_style_text (style, REPORT_FONT_COVER_SUBTITLE, _("Progress Report"),
                              style->content_width);
  if (cr != NULL)
    show_text (cr, layout, &secondary_color, style->left, y);
  y += report_layout_height (layout) + 6;

  date_text = roadmap_date_format (date);
  layout = report_style_text (style, REPORT_FONT_BODY, date_text != NULL ? date_text : "",
                              style->content_width);
  if (cr != NULL)
    show_text (cr, layout, &secondary_color, style->left, y);
  y += report_layout_height (layout) + 40;

  layout = report_style_text (style, REPORT_FONT_SECTION, _("Overall Progress"),
                              style->content_width);
  if (cr != NULL)
    show_text (cr, layout, &text_color, style->left, y);
  y += report_layout_height (layout) + 8;

  if (cr != NULL)
    draw_bar (cr, &snapshot->counts, style->left, y, style->content_width, 14);
  y += 14 + 6;

  counts = counts_text (&snapshot->counts);
  layout = report_style_text (style, REPORT_FONT_BODY, counts, style->content_width);
  if (cr != NULL)
    show_text (cr, layout, &text_color, style->left, y);
  y += report_layout_height (layout) + 14;

  y += legend (style, cr, y) + 32;

  if (snapshot->n_tracks > 0)
    {
      layout = report_style_text (style, REPORT_FONT_SECTION, _("Tracks"), style->content_width);
      if (cr != NULL)
        show_text (cr, layout, &text_color, style->left, y);
      y += report_layout_height (layout) + 10;
    }

  return y - top;
}

double
report_block_cover_track (ReportStyle              *style,
                          cairo_t                  *cr,
                          const RoadmapReportTrack *track,
                          double                    y)
{
  double top = y;
  PangoLayout *layout;

  layout = report_style_text (style, REPORT_FONT_BODY_BOLD, track->title, style->content_width);
  if (cr != NULL)
    show_text (cr, layout, &text_color, style->left, y);
  y += report_layout_height (layout) + 4;

  y += bar_with_counts (style, cr, &track->counts, REPORT_FONT_SMALL,
                        style->content_width * 0.4, 8, y);

  /* The Overview's figures and where the plan stands */
  y += 4;
  for (guint i = 0; i < 2; i++)
    {
      const char *line = i == 0 ? track->progress : track->schedule;

      if (line == NULL)
        continue;
      layout = report_style_text (style, REPORT_FONT_SMALL, line, style->content_width);
      if (cr != NULL)
        show_text (cr, layout, &secondary_color, style->left, y);
      y += report_layout_height (layout) + 2;
    }

  return y - top + 12;
}

double
report_block_message (ReportStyle *style,
                      cairo_t     *cr,
                      const char  *message,
                      double       y)
{
  PangoLayout *layout = report_style_text (style, REPORT_FONT_BODY, message,
                                           style->content_width);

  if (cr != NULL)
    show_text (cr, layout, &secondary_color, style->left, y + 4);

  return report_layout_height (layout) + 10;
}

/* Above a phase's Skipped skills, listed apart after the others */
double
report_block_skipped_heading (ReportStyle              *style,
                              cairo_t                  *cr,
                              const RoadmapReportPhase *phase,
                              double                    y)
{
  guint n = phase->counts.n_with_status[ROADMAP_STATUS_SKIPPED];
  g_autofree char *text = NULL;
  PangoLayout *layout;

  /* Translators: in the PDF report, above a phase's skipped skills */
  text = g_strdup_printf (ngettext ("Skipped (%u)", "Skipped (%u)", n), n);
  layout = report_style_text (style, REPORT_FONT_BODY_BOLD, text, style->content_width);
  if (cr != NULL)
    show_text (cr, layout, &secondary_color, style->left + CELL_PAD_X, y + 8);

  return report_layout_height (layout) + 12;
}

double
report_block_track_heading (ReportStyle              *style,
                            cairo_t                  *cr,
                            const RoadmapReportTrack *track,
                            double                    y)
{
  g_autofree char *counts = NULL;
  double top = y;
  PangoLayout *layout;

  layout = report_style_text (style, REPORT_FONT_TRACK, track->title, style->content_width);
  if (cr != NULL)
    show_text (cr, layout, &text_color, style->left, y);
  y += report_layout_height (layout) + 4;

  if (track->summary != NULL && track->summary[0] != '\0')
    {
      layout = report_style_text (style, REPORT_FONT_BODY, track->summary, style->content_width);
      if (cr != NULL)
        show_text (cr, layout, &secondary_color, style->left, y);
      y += report_layout_height (layout) + 8;
    }

  if (cr != NULL)
    draw_bar (cr, &track->counts, style->left, y, style->content_width, 10);
  y += 10 + 5;

  counts = counts_text (&track->counts);
  layout = report_style_text (style, REPORT_FONT_BODY, counts, style->content_width);
  if (cr != NULL)
    show_text (cr, layout, &text_color, style->left, y);
  y += report_layout_height (layout);

  return y - top + REPORT_GAP_TRACK;
}

double
report_block_phase_heading (ReportStyle              *style,
                            cairo_t                  *cr,
                            const RoadmapReportPhase *phase,
                            double                    y)
{
  g_autofree char *title = report_phase_title (phase);
  g_autofree char *months = NULL;
  double months_width = 0, height;
  double top = y;
  PangoLayout *layout;

  if (phase->first_month > 0)
    {
      if (phase->first_month == phase->last_month)
        months = g_strdup_printf (_("Month %u"), phase->first_month);
      else
        /* Translators: "Months 1–2" */
        months = g_strdup_printf (_("Months %u–%u"), phase->first_month, phase->last_month);

      layout = report_style_text (style, REPORT_FONT_BODY, months, style->content_width / 3);
      months_width = report_layout_width (layout);
      height = report_layout_height (layout);
      if (cr != NULL)
        {
          pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          show_text (cr, layout, &secondary_color,
                     style->left + style->content_width * 2 / 3, y + 3);
        }
      months_width += 12;
    }
  else
    height = 0;

  layout = report_style_text (style, REPORT_FONT_PHASE, title,
                              style->content_width - months_width);
  if (cr != NULL)
    show_text (cr, layout, &text_color, style->left, y);
  y += MAX (height + 3, report_layout_height (layout)) + 4;

  y += bar_with_counts (style, cr, &phase->counts, REPORT_FONT_SMALL, 140, 7, y);

  return y - top + 8;
}

/**
 * report_block_continued:
 * @title: the phase's title, or the skill's whose note goes on
 *
 * One line at the top of a page a table (or a note) goes on over.
 */
double
report_block_continued (ReportStyle *style,
                        cairo_t     *cr,
                        const char  *title,
                        gboolean     note,
                        double       y)
{
  g_autofree char *text = NULL;
  PangoLayout *layout;

  if (note)
    /* Translators: at the top of a page a long note goes on over,
     * "Notes on “Docker & Kubernetes” (continued)" */
    text = g_strdup_printf (_("Notes on “%s” (continued)"), title);
  else
    /* Translators: at the top of a page a table goes on over,
     * "Phase 1 · Fundamentals (continued)" */
    text = g_strdup_printf (_("%s (continued)"), title);

  layout = report_style_text (style, REPORT_FONT_SMALL_BOLD, text, style->content_width);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_height (layout, 0);  /* one line */
  if (cr != NULL)
    show_text (cr, layout, &secondary_color, style->left, y);

  return report_layout_height (layout) + 4;
}

double
report_block_table_header (ReportStyle *style,
                           cairo_t     *cr,
                           double       y)
{
  const char *titles[REPORT_N_COLUMNS] = {
    C_("report column", "Skill"),
    C_("report column", "Status"),
    C_("report column", "Started"),
    C_("report column", "Finished"),
  };
  double height = 0;

  for (guint c = 0; c < REPORT_N_COLUMNS; c++)
    {
      PangoLayout *layout = report_style_short_text (style, REPORT_FONT_SMALL_BOLD, titles[c],
                                                     style->column_width[c] - 2 * CELL_PAD_X);

      height = MAX (height, report_layout_height (layout));
      if (cr != NULL)
        show_text (cr, layout, &secondary_color, style->column_x[c] + CELL_PAD_X, y + 3);
    }

  if (cr != NULL)
    draw_rule (cr, &outline_color, 0.8, style->left, y + height + 6 - 0.4, style->content_width);

  return height + 6;
}

/**
 * report_block_skill_row:
 * @height: when drawing, the height the pagination gave the row
 *
 * Title, status (glyph and word), started and finished dates; a row is
 * never split across pages. Its note, if any, is a separate block below.
 */
double
report_block_skill_row (ReportStyle              *style,
                        cairo_t                  *cr,
                        const RoadmapReportSkill *skill,
                        gboolean                  shaded,
                        double                    y,
                        double                    height)
{
  GDateTime *dates[2] = { skill->started_at, skill->finished_at };
  g_autofree char *title = NULL;
  double text_y = y + CELL_PAD_Y;
  double cells = 0;
  PangoLayout *layout;

  if (skill->kind == ROADMAP_SKILL_KIND_PRACTICE)
    /* Translators: a hands-on item's title in the PDF report, with the
     * board's badge: "Build a Redis cache for an API · Hands-on" */
    title = g_strdup_printf (_("%s · %s"), skill->title, roadmap_skill_kind_get_label (skill->kind));

  if (cr != NULL && shaded)
    {
      cairo_rectangle (cr, style->left, y, style->content_width, height);
      set_color (cr, &shade_color);
      cairo_fill (cr);
    }

  layout = report_style_text (style, REPORT_FONT_BODY, title != NULL ? title : skill->title,
                              style->column_width[REPORT_COLUMN_SKILL] - 2 * CELL_PAD_X);
  cells = MAX (cells, report_layout_height (layout));
  if (cr != NULL)
    show_text (cr, layout, &text_color, style->column_x[REPORT_COLUMN_SKILL] + CELL_PAD_X, text_y);

  layout = report_style_short_text (style, REPORT_FONT_BODY, roadmap_status_get_label (skill->status),
                                    style->column_width[REPORT_COLUMN_STATUS] - 2 * CELL_PAD_X - 11);
  cells = MAX (cells, report_layout_height (layout));
  if (cr != NULL)
    {
      double x = style->column_x[REPORT_COLUMN_STATUS] + CELL_PAD_X;

      draw_status_glyph (cr, skill->status, x + GLYPH_RADIUS + 0.5,
                         first_baseline (layout, text_y) - 3.3);
      show_text (cr, layout, &status_colors[skill->status], x + 11, text_y);
    }

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      ReportColumn column = REPORT_COLUMN_STARTED + d;
      g_autofree char *text = report_format_date (dates[d]);

      layout = report_style_short_text (style, REPORT_FONT_BODY, text,
                                        style->column_width[column] - 2 * CELL_PAD_X);
      cells = MAX (cells, report_layout_height (layout));
      if (cr != NULL)
        show_text (cr, layout, dates[d] != NULL ? &text_color : &secondary_color,
                   style->column_x[column] + CELL_PAD_X, text_y);
    }

  if (cr != NULL && skill->note == NULL)
    draw_rule (cr, &rule_color, 0.4, style->left, y + height - 0.2, style->content_width);

  return cells + 2 * CELL_PAD_Y;
}

/* Notes */

static GArray *
note_lines (ReportStyle *style)
{
  return g_object_get_data (G_OBJECT (style->note_layout), "report-line-ranges");
}

/**
 * report_note_prepare:
 *
 * Lays @note out, wrapped to the note's width, in style->note_layout.
 *
 * Returns: its number of lines
 */
guint
report_note_prepare (ReportStyle *style,
                     const char  *note)
{
  double width = style->content_width - NOTE_INDENT - CELL_PAD_X;
  g_autofree char *copy = NULL;
  GArray *ranges;
  PangoLayoutIter *iter;

  if (style->note_layout == NULL)
    {
      style->note_layout = pango_layout_new (style->context);
      pango_layout_set_font_description (style->note_layout,
                                         pango_layout_get_font_description (style->layouts[REPORT_FONT_NOTE]));
      pango_layout_set_wrap (style->note_layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (style->note_layout, (int) (width * PANGO_SCALE));
      g_object_set_data_full (G_OBJECT (style->note_layout), "report-line-ranges",
                              g_array_new (FALSE, FALSE, sizeof (double) * 2),
                              (GDestroyNotify) g_array_unref);
    }

  /* The same note again (drawn right after being measured): done already */
  if (g_strcmp0 (g_object_get_data (G_OBJECT (style->note_layout), "report-note"), note) == 0 &&
      note_lines (style)->len > 0)
    return note_lines (style)->len;

  pango_layout_set_text (style->note_layout,
                         report_style_prepare_text (REPORT_FONT_NOTE, note, width, &copy), -1);
  g_object_set_data_full (G_OBJECT (style->note_layout), "report-note", g_strdup (note), g_free);
  ranges = note_lines (style);
  g_array_set_size (ranges, 0);

  iter = pango_layout_get_iter (style->note_layout);
  do
    {
      int y0, y1;
      double range[2];

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      range[0] = (double) y0 / PANGO_SCALE;
      range[1] = (double) y1 / PANGO_SCALE;
      g_array_append_val (ranges, range);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return ranges->len;
}

/* The height of the note block holding these lines of the prepared note. */
double
report_note_height (ReportStyle *style,
                    guint        first_line,
                    guint        n_lines)
{
  GArray *ranges = note_lines (style);
  double height;

  g_assert (n_lines > 0 && first_line + n_lines <= ranges->len);

  /* Each element is a line's [top, bottom) */
  height = g_array_index (ranges, double, (first_line + n_lines - 1) * 2 + 1)
           - g_array_index (ranges, double, first_line * 2);

  if (first_line > 0)
    height += NOTE_PAD_TOP;
  if (first_line + n_lines == ranges->len)
    height += NOTE_PAD_BOTTOM;

  return height;
}

/**
 * report_block_note:
 *
 * Draws lines [@first_line, @first_line + @n_lines) of the prepared note,
 * one by one (lines not on this page are not drawn at all, not merely
 * clipped, so they are not in this page's text either).
 */
double
report_block_note (ReportStyle *style,
                   cairo_t     *cr,
                   guint        first_line,
                   guint        n_lines,
                   guint        n_lines_total,
                   gboolean     shaded,
                   double       y)
{
  double height = report_note_height (style, first_line, n_lines);
  double x = style->column_x[REPORT_COLUMN_SKILL] + NOTE_INDENT;
  const double *first;
  PangoLayoutIter *iter;
  double origin;
  guint line = 0;

  if (cr == NULL)
    return height;

  first = &g_array_index (note_lines (style), double, first_line * 2);
  origin = y + (first_line > 0 ? NOTE_PAD_TOP : 0) - first[0];

  if (shaded)
    {
      cairo_rectangle (cr, style->left, y, style->content_width, height);
      set_color (cr, &shade_color);
      cairo_fill (cr);
    }

  /* A bar in the margin marks the learner's own words. */
  set_color (cr, &rule_color);
  cairo_set_line_width (cr, 1.6);
  cairo_move_to (cr, x - 6, y + (first_line > 0 ? NOTE_PAD_TOP : 0));
  cairo_line_to (cr, x - 6, y + height - (first_line + n_lines == n_lines_total ? NOTE_PAD_BOTTOM : 0));
  cairo_stroke (cr);

  set_color (cr, &text_color);
  iter = pango_layout_get_iter (style->note_layout);
  do
    {
      if (line >= first_line && line < first_line + n_lines)
        {
          PangoRectangle logical;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                         origin + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < first_line + n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (first_line + n_lines == n_lines_total)
    draw_rule (cr, &rule_color, 0.4, style->left, y + height - 0.2, style->content_width);

  return height;
}

/* Page frame */

void
report_block_page_frame (ReportStyle *style,
                         cairo_t     *cr,
                         const char  *track_title,
                         guint        page,
                         guint        n_pages)
{
  g_autofree char *footer = NULL;
  PangoLayout *layout;

  if (track_title != NULL)
    {
      double half = style->content_width / 2;

      layout = report_style_text (style, REPORT_FONT_SMALL, _("Roadmap Progress Report"), half - 6);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      show_text (cr, layout, &secondary_color, style->left, 32);

      layout = report_style_text (style, REPORT_FONT_SMALL_BOLD, track_title, half - 6);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_height (layout, 0);  /* one line, ellipsized */
      show_text (cr, layout, &text_color, style->left + half + 6, 32);

      draw_rule (cr, &rule_color, 0.5, style->left, 48, style->content_width);
    }

  /* Translators: the footer of each page of the PDF report */
  footer = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  layout = report_style_text (style, REPORT_FONT_SMALL, footer, style->content_width);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  show_text (cr, layout, &secondary_color, style->left, style->page_height - 40);
}

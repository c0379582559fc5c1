/* roadmap-report-style.c — page geometry, fonts and text of the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "roadmap-date.h"
#include "roadmap-report-private.h"
#include "roadmap-text.h"

/* A generic family: fontconfig picks the best installed sans, and Pango
 * falls back per character for scripts it lacks (CJK, Arabic, …). */
#define FONT_FAMILY "Sans"

#define MARGIN_X        50.0
#define CONTENT_TOP     66.0
#define CONTENT_BOTTOM  56.0   /* from the bottom edge */

/* Short texts repeated on every row (statuses, dates) are laid out once */
#define SHORT_TEXT_MAX_BYTES   48
#define SHORT_TEXT_MAX_CACHED  1024

#define STATUS_WIDTH    66.0
#define DATE_WIDTH      62.0

/* The narrowest glyphs of ordinary text ('i', 'l', '.') are about a
 * quarter of an em wide; a fifth leaves room for a narrower font. A run
 * of more clusters than fit a line at that width is longer than a line. */
#define MIN_CLUSTER_WIDTH_EM 0.2

/* Helpers */

/* The font options and the linear part of the matrix of @cr: what
 * pango_cairo_update_context () follows. */
static cairo_font_options_t *
target_of (cairo_t *cr,
           double   scale[4])
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_font_options_t *set = cairo_font_options_create ();
  cairo_matrix_t matrix;

  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_get_font_options (cr, set);
  cairo_font_options_merge (options, set);
  cairo_font_options_destroy (set);

  cairo_get_matrix (cr, &matrix);
  scale[0] = matrix.xx;
  scale[1] = matrix.yx;
  scale[2] = matrix.xy;
  scale[3] = matrix.yy;

  return options;
}

static const struct
{
  double size;
  PangoWeight weight;
  PangoStyle style;
} fonts[REPORT_N_FONTS] = {
  [REPORT_FONT_BODY] = { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [REPORT_FONT_BODY_BOLD] = { 9.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [REPORT_FONT_SMALL] = { 8.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [REPORT_FONT_SMALL_BOLD] = { 8.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [REPORT_FONT_NOTE] = { 9.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
  [REPORT_FONT_COVER_TITLE] = { 34.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [REPORT_FONT_COVER_SUBTITLE] = { 18.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [REPORT_FONT_SECTION] = { 13.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [REPORT_FONT_TRACK] = { 21.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [REPORT_FONT_PHASE] = { 14.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
};

/**
 * report_style_new:
 * @cr: the target: its font options (hinting) decide the text metrics
 */
ReportStyle *
report_style_new (cairo_t *cr,
                  double   page_width,
                  double   page_height)
{
  ReportStyle *style = g_new0 (ReportStyle, 1);
  double x;

  style->page_width = page_width;
  style->page_height = page_height;
  style->left = MARGIN_X;
  style->content_width = page_width - 2 * MARGIN_X;
  report_style_get_content_area (page_height, &style->content_top, &style->content_bottom);

  style->column_width[REPORT_COLUMN_STATUS] = STATUS_WIDTH;
  style->column_width[REPORT_COLUMN_STARTED] = DATE_WIDTH;
  style->column_width[REPORT_COLUMN_FINISHED] = DATE_WIDTH;
  style->column_width[REPORT_COLUMN_SKILL] = style->content_width - STATUS_WIDTH - 2 * DATE_WIDTH;
  x = style->left;
  for (guint c = 0; c < REPORT_N_COLUMNS; c++)
    {
      style->column_x[c] = x;
      x += style->column_width[c];
    }

  style->context = pango_cairo_create_context (cr);
  style->font_options = target_of (cr, style->scale);
  /* Font sizes in points are cairo units (points) on the page */
  pango_cairo_context_set_resolution (style->context, 72.0);
  for (guint f = 0; f < REPORT_N_FONTS; f++)
    {
      g_autoptr(PangoFontDescription) description = pango_font_description_new ();

      pango_font_description_set_family_static (description, FONT_FAMILY);
      pango_font_description_set_size (description, (int) (fonts[f].size * PANGO_SCALE));
      pango_font_description_set_weight (description, fonts[f].weight);
      pango_font_description_set_style (description, fonts[f].style);

      style->layouts[f] = pango_layout_new (style->context);
      pango_layout_set_font_description (style->layouts[f], description);
      pango_layout_set_wrap (style->layouts[f], PANGO_WRAP_WORD_CHAR);
    }

  style->short_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  return style;
}

void
report_style_get_content_area (double  page_height,
                               double *top,
                               double *bottom)
{
  *top = CONTENT_TOP;
  *bottom = page_height - CONTENT_BOTTOM;
}

void
report_style_free (ReportStyle *style)
{
  if (style == NULL)
    return;

  for (guint f = 0; f < REPORT_N_FONTS; f++)
    g_clear_object (&style->layouts[f]);
  g_clear_object (&style->note_layout);
  g_clear_pointer (&style->short_texts, g_hash_table_unref);
  g_clear_object (&style->context);
  g_clear_pointer (&style->font_options, cairo_font_options_destroy);
  g_free (style);
}

/* Follows @cr's transformation and font options before drawing on it.
 * Layouts notice a change themselves (the context's serial), and lay
 * their text out again. Pango 1.50 marks the context changed on every
 * pango_cairo_update_context () (it always sets the matrix, and setting
 * it always counts as a change): called on each page, that laid every
 * layout out again on each, a note of 20 pages 20 times. So the context
 * is updated only when what it follows did change. */
void
report_style_update (ReportStyle *style,
                     cairo_t     *cr)
{
  double scale[4];
  cairo_font_options_t *options = target_of (cr, scale);

  if (cairo_font_options_equal (options, style->font_options) &&
      memcmp (scale, style->scale, sizeof scale) == 0)
    {
      cairo_font_options_destroy (options);
      return;
    }

  pango_cairo_update_context (cr, style->context);
  cairo_font_options_destroy (style->font_options);
  style->font_options = options;
  memcpy (style->scale, scale, sizeof scale);
}

/**
 * report_style_prepare_text:
 * @text: (nullable): plain text
 * @width: the width it is wrapped at, in points, or -1 for none
 * @copy: (out) (transfer full): set to the changed copy, if one was made
 *
 * What Pango is given for @text in @font: the text made safe to draw
 * (roadmap_text_sanitize_for_drawing ()), its words longer than a line
 * made breakable (report_text_break_long_runs ()).
 *
 * Returns: @text when it is fine as it is, or *@copy
 */
const char *
report_style_prepare_text (ReportFont   font,
                           const char  *text,
                           double       width,
                           char       **copy)
{
  g_autofree char *repaired = NULL;
  const char *drawn = roadmap_text_sanitize_for_drawing (text, &repaired);
  const char *broken;
  guint max_clusters;

  if (drawn == NULL || width <= 0)
    {
      *copy = g_steal_pointer (&repaired);
      return drawn;
    }

  max_clusters = (guint) ceil (width / (fonts[font].size * MIN_CLUSTER_WIDTH_EM));
  broken = report_text_break_long_runs (drawn, max_clusters, copy);
  if (broken == drawn)
    *copy = g_steal_pointer (&repaired);

  return broken;
}

/**
 * report_style_text:
 * @text: plain text: never parsed as markup
 * @width: the width to wrap at, in points, or -1 for one line per paragraph
 *
 * Returns: (transfer none): the font's layout holding @text, valid until
 *   the next call for the same font
 */
PangoLayout *
report_style_text (ReportStyle *style,
                   ReportFont   font,
                   const char  *text,
                   double       width)
{
  PangoLayout *layout = style->layouts[font];
  g_autofree char *copy = NULL;

  pango_layout_set_text (layout, report_style_prepare_text (font, text, width, &copy), -1);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_height (layout, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);

  return layout;
}

/**
 * report_style_short_text:
 *
 * Like report_style_text (), for a short text that comes back often (a
 * status, a date): laid out once, then reused.
 *
 * Returns: (transfer none): a layout holding @text; do not change it
 */
PangoLayout *
report_style_short_text (ReportStyle *style,
                         ReportFont   font,
                         const char  *text,
                         double       width)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (strlen (text) > SHORT_TEXT_MAX_BYTES)
    return report_style_text (style, font, text, width);

  key = g_strdup_printf ("%d %d %s", font, (int) (width * PANGO_SCALE), text);
  layout = g_hash_table_lookup (style->short_texts, key);
  if (layout != NULL)
    return layout;

  if (g_hash_table_size (style->short_texts) >= SHORT_TEXT_MAX_CACHED)
    g_hash_table_remove_all (style->short_texts);

  layout = pango_layout_copy (report_style_text (style, font, text, width));
  g_hash_table_insert (style->short_texts, g_steal_pointer (&key), layout);

  return layout;
}

double
report_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

double
report_layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

void
report_show_layout (cairo_t     *cr,
                    PangoLayout *layout,
                    double       x,
                    double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A start or finish date, as the window writes it, or an em dash when
 * not set. */
char *
report_format_date (GDateTime *date)
{
  if (date == NULL)
    return g_strdup ("—");

  return roadmap_date_format (date);
}

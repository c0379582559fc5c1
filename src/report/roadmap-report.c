/* roadmap-report.c — the progress report: options, pagination, drawing
 *
 * Pagination is done by hand, block by block (see roadmap-report-blocks.c):
 *  - the cover, then each track from a new page, then the statistics
 *    (when the snapshot has them) on a page of their own;
 *  - a phase heading is only placed where its table header and its first
 *    row fit under it, so it is never left alone at the bottom of a page;
 *  - a skill row is never cut: it moves to the next page whole, with its
 *    note when the two fit on a page; only a note longer than a page is
 *    split, between two of its lines;
 *  - a table that goes on over a page repeats its header there, under
 *    "Phase 1 · Fundamentals (continued)".
 * Each page also gets a running header (the track) and "Page N of M".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-report-private.h"
#include "roadmap-report.h"

#define NO_INDEX G_MAXUINT

typedef struct
{
  GArray *boxes;   /* of RoadmapReportBox */
  guint track;     /* for the running header: NO_INDEX on the cover */
} Page;

struct _RoadmapReport
{
  GObject parent_instance;

  RoadmapReportSnapshot *snapshot;
  RoadmapReportPaper paper;
  double page_width;     /* points: the paper's, or a size of its own */
  double page_height;
  GDateTime *date;

  /* Set by roadmap_report_paginate () */
  ReportStyle *style;
  GPtrArray *pages;    /* of Page */
  GArray *outline;     /* of RoadmapReportOutlineEntry */
};

G_DEFINE_FINAL_TYPE (RoadmapReport, roadmap_report, G_TYPE_OBJECT)

/* The state of the pagination */
typedef struct
{
  RoadmapReport *self;
  ReportStyle *style;
  Page *page;
  double y;
  guint track;
  guint phase;
  const char *continued;   /* the phase title, while inside its table */
} Flow;

/* Helpers */

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->boxes);
  g_free (page);
}

static void
outline_entry_clear (gpointer data)
{
  RoadmapReportOutlineEntry *entry = data;

  g_free (entry->title);
}

static void
reset_layout (RoadmapReport *self)
{
  g_clear_pointer (&self->style, report_style_free);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->outline, g_array_unref);
}

static void
flow_new_page (Flow  *flow,
               guint  track)
{
  Page *page = g_new0 (Page, 1);

  page->boxes = g_array_new (FALSE, FALSE, sizeof (RoadmapReportBox));
  page->track = track;
  g_ptr_array_add (flow->self->pages, page);

  flow->page = page;
  flow->y = flow->style->content_top;
}

static gboolean
flow_at_top (Flow *flow)
{
  return flow->page->boxes->len == 0;
}

static double
flow_space_left (Flow *flow)
{
  return flow->style->content_bottom - flow->y;
}

static RoadmapReportBox *
flow_place (Flow                 *flow,
            RoadmapReportBoxKind  kind,
            guint                 skill,
            double                height)
{
  RoadmapReportBox box = {
    .kind = kind,
    .track = flow->track,
    .phase = flow->phase,
    .skill = skill,
    .x = flow->style->left,
    .y = flow->y,
    .width = flow->style->content_width,
    .height = height,
  };

  g_array_append_val (flow->page->boxes, box);
  flow->y += height;

  return &g_array_index (flow->page->boxes, RoadmapReportBox, flow->page->boxes->len - 1);
}

static void
flow_add_outline (Flow       *flow,
                  guint       level,
                  const char *title)
{
  RoadmapReportOutlineEntry entry = {
    .level = level,
    .title = g_strdup (title),
    .page = flow->self->pages->len - 1,
    .y = flow->y,
  };

  g_array_append_val (flow->self->outline, entry);
}

/* A new page inside a phase's table: "… (continued)" and the header again. */
static void
flow_continue_table (Flow *flow)
{
  flow_new_page (flow, flow->track);
  flow_place (flow, ROADMAP_REPORT_BOX_CONTINUED, NO_INDEX,
              report_block_continued (flow->style, NULL, flow->continued, FALSE, flow->y));
  flow_place (flow, ROADMAP_REPORT_BOX_TABLE_HEADER, NO_INDEX,
              report_block_table_header (flow->style, NULL, flow->y));
}

/* How much of a continued page is left for rows. */
static double
continued_capacity (Flow *flow)
{
  ReportStyle *style = flow->style;

  return style->content_bottom - style->content_top
         - report_block_continued (style, NULL, flow->continued, FALSE, 0)
         - report_block_table_header (style, NULL, 0);
}

/* What the first row of a phase needs under the phase heading: the row and
 * the first line of its note, if any (the rest of the note may go on over
 * the next page, but the heading keeps company). */
static double
first_skill_height (Flow                     *flow,
                    const RoadmapReportSkill *skill)
{
  double row = report_block_skill_row (flow->style, NULL, skill, FALSE, 0, 0);

  if (skill->note == NULL)
    return row;

  report_note_prepare (flow->style, skill->note);
  return row + report_note_height (flow->style, 0, 1);
}

/**
 * place_skill:
 * @first: the first row under its phase heading, which must start here
 */
static void
place_skill (Flow     *flow,
             guint     index,
             gboolean  first)
{
  const RoadmapReportPhase *phase = &flow->self->snapshot->tracks[flow->track].phases[flow->phase];
  const RoadmapReportSkill *skill = &phase->skills[index];
  double row = report_block_skill_row (flow->style, NULL, skill, FALSE, 0, 0);
  gboolean fresh = FALSE;
  guint n_lines = 0, line = 0;
  double note = 0;

  if (skill->note != NULL)
    {
      n_lines = report_note_prepare (flow->style, skill->note);
      note = report_note_height (flow->style, 0, n_lines);
    }

  if (row + note > flow_space_left (flow) && !first)
    {
      /* Move it whole to the next page; only a note longer than a page
       * starts here, if the row and a first line of it fit. */
      gboolean start_here = n_lines > 0 && row + note > continued_capacity (flow) &&
                            row + report_note_height (flow->style, 0, 1) <= flow_space_left (flow);

      if (!start_here)
        flow_continue_table (flow);
    }

  flow_place (flow, ROADMAP_REPORT_BOX_SKILL_ROW, index, row);

  while (line < n_lines)
    {
      RoadmapReportBox *box;
      guint n = 0;

      while (line + n < n_lines &&
             report_note_height (flow->style, line, n + 1) <= flow_space_left (flow))
        n++;

      if (n == 0 && !fresh)
        {
          flow_continue_table (flow);
          /* Whose note goes on here */
          flow_place (flow, ROADMAP_REPORT_BOX_CONTINUED, index,
                      report_block_continued (flow->style, NULL, skill->title, TRUE, flow->y));
          fresh = TRUE;
          continue;
        }
      /* A single line taller than a page: nothing better to do */
      n = MAX (n, 1);

      box = flow_place (flow, ROADMAP_REPORT_BOX_NOTE, index,
                        report_note_height (flow->style, line, n));
      box->first_line = line;
      box->n_lines = n;
      line += n;
      fresh = FALSE;
    }
}

static void
place_phase (Flow *flow)
{
  const RoadmapReportPhase *phase = &flow->self->snapshot->tracks[flow->track].phases[flow->phase];
  g_autofree char *title = report_phase_title (phase);
  double gap = flow_at_top (flow) ? 0 : REPORT_GAP_PHASE;
  double heading = report_block_phase_heading (flow->style, NULL, phase, 0);
  double first;

  flow->continued = title;
  if (phase->n_skills > 0)
    first = report_block_table_header (flow->style, NULL, 0)
            + (phase->skills[0].status == ROADMAP_STATUS_SKIPPED
               ? report_block_skipped_heading (flow->style, NULL, phase, 0) : 0)
            + first_skill_height (flow, &phase->skills[0]);
  else
    first = report_block_message (flow->style, NULL, _("No skills in this phase."), 0);

  /* Never a heading alone at the bottom of a page */
  if (gap + heading + first > flow_space_left (flow) && !flow_at_top (flow))
    {
      flow_new_page (flow, flow->track);
      gap = 0;
    }

  flow->y += gap;
  flow_add_outline (flow, 1, title);
  flow_place (flow, ROADMAP_REPORT_BOX_PHASE_HEADING, NO_INDEX, heading);

  if (phase->n_skills == 0)
    {
      flow_place (flow, ROADMAP_REPORT_BOX_MESSAGE, NO_INDEX, first);
    }
  else
    {
      flow_place (flow, ROADMAP_REPORT_BOX_TABLE_HEADER, NO_INDEX,
                  report_block_table_header (flow->style, NULL, flow->y));
      for (guint s = 0; s < phase->n_skills; s++)
        {
          gboolean first_skipped = phase->skills[s].status == ROADMAP_STATUS_SKIPPED &&
                                   (s == 0 || phase->skills[s - 1].status != ROADMAP_STATUS_SKIPPED);

          /* "Skipped (N)" above them, never alone at the bottom of a page */
          if (first_skipped)
            {
              double skipped = report_block_skipped_heading (flow->style, NULL, phase, 0);

              if (s > 0 && skipped + first_skill_height (flow, &phase->skills[s]) > flow_space_left (flow))
                flow_continue_table (flow);
              flow_place (flow, ROADMAP_REPORT_BOX_SKIPPED_HEADING, NO_INDEX, skipped);
            }
          place_skill (flow, s, s == 0 || first_skipped);
        }
    }

  flow->continued = NULL;
}

static void
place_cover (Flow *flow)
{
  RoadmapReportSnapshot *snapshot = flow->self->snapshot;

  flow_new_page (flow, NO_INDEX);
  flow_place (flow, ROADMAP_REPORT_BOX_COVER, NO_INDEX,
              report_block_cover (flow->style, NULL, snapshot, flow->self->date, flow->y));

  if (snapshot->n_tracks == 0)
    flow_place (flow, ROADMAP_REPORT_BOX_MESSAGE, NO_INDEX,
                report_block_message (flow->style, NULL, _("There are no tracks to report on."), 0));

  for (flow->track = 0; flow->track < snapshot->n_tracks; flow->track++)
    {
      double height = report_block_cover_track (flow->style, NULL,
                                                &snapshot->tracks[flow->track], 0);

      if (height > flow_space_left (flow))
        flow_new_page (flow, NO_INDEX);
      flow_place (flow, ROADMAP_REPORT_BOX_COVER_TRACK, NO_INDEX, height);
    }
}

/* GObject overrides */

static void
roadmap_report_finalize (GObject *object)
{
  RoadmapReport *self = (RoadmapReport *) object;

  reset_layout (self);
  g_clear_pointer (&self->snapshot, roadmap_report_snapshot_unref);
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (roadmap_report_parent_class)->finalize (object);
}

static void
roadmap_report_class_init (RoadmapReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = roadmap_report_finalize;
}

static void
roadmap_report_init (RoadmapReport *self)
{
  self->paper = roadmap_report_paper_get_default ();
  roadmap_report_paper_get_size (self->paper, &self->page_width, &self->page_height);
  self->date = g_date_time_new_now_local ();
}

/* Public API */

/**
 * roadmap_report_new:
 *
 * A report on @snapshot, for the locale's paper, dated now.
 */
RoadmapReport *
roadmap_report_new (RoadmapReportSnapshot *snapshot)
{
  RoadmapReport *self;

  g_return_val_if_fail (snapshot != NULL, NULL);

  self = g_object_new (ROADMAP_TYPE_REPORT, NULL);
  self->snapshot = roadmap_report_snapshot_ref (snapshot);

  return self;
}

/**
 * roadmap_report_get_snapshot:
 *
 * Returns: (transfer none): what the report shows
 */
RoadmapReportSnapshot *
roadmap_report_get_snapshot (RoadmapReport *self)
{
  g_return_val_if_fail (ROADMAP_IS_REPORT (self), NULL);
  return self->snapshot;
}

/**
 * roadmap_report_set_paper:
 *
 * Lays the report out for @paper, in portrait.
 */
void
roadmap_report_set_paper (RoadmapReport      *self,
                          RoadmapReportPaper  paper)
{
  double width, height;

  g_return_if_fail (ROADMAP_IS_REPORT (self));

  self->paper = paper;
  roadmap_report_paper_get_size (paper, &width, &height);
  roadmap_report_set_page_size (self, width, height);
}

/**
 * roadmap_report_get_paper:
 *
 * Returns: the paper last set with roadmap_report_set_paper (), or the
 *   locale's; a size set with roadmap_report_set_page_size () is no paper
 */
RoadmapReportPaper
roadmap_report_get_paper (RoadmapReport *self)
{
  g_return_val_if_fail (ROADMAP_IS_REPORT (self), ROADMAP_REPORT_PAPER_A4);
  return self->paper;
}

/**
 * roadmap_report_set_page_size:
 * @width: in points, at least %ROADMAP_REPORT_MIN_PAGE_WIDTH
 * @height: in points, at least %ROADMAP_REPORT_MIN_PAGE_HEIGHT
 *
 * Lays the report out for a page of any size, such as the paper a printer
 * was given (landscape included). The margins stay as they are on A4: a
 * smaller page has less room for the skills' titles, and below the
 * minimum the cover or a row would not fit. Scale a smaller page down
 * (see roadmap_report_fit_page_size ()).
 */
void
roadmap_report_set_page_size (RoadmapReport *self,
                              double         width,
                              double         height)
{
  g_return_if_fail (ROADMAP_IS_REPORT (self));
  g_return_if_fail (width >= ROADMAP_REPORT_MIN_PAGE_WIDTH);
  g_return_if_fail (height >= ROADMAP_REPORT_MIN_PAGE_HEIGHT);

  if (self->page_width == width && self->page_height == height)
    return;

  self->page_width = width;
  self->page_height = height;
  reset_layout (self);
}

/**
 * roadmap_report_fit_page_size:
 * @width: a page's width in points
 * @height: its height
 * @fit_width: (out): a width to lay the report out for
 * @fit_height: (out): and a height
 *
 * For a page smaller than the report's minimum, the same shape scaled up
 * until it is not: draw the report scaled by the value returned.
 *
 * Returns: how much to scale the report by to fill the page: 1 or less
 */
double
roadmap_report_fit_page_size (double  width,
                              double  height,
                              double *fit_width,
                              double *fit_height)
{
  double factor;

  g_return_val_if_fail (fit_width != NULL && fit_height != NULL, 1.0);

  /* No page at all: the smallest the report is laid out for */
  *fit_width = ROADMAP_REPORT_MIN_PAGE_WIDTH;
  *fit_height = ROADMAP_REPORT_MIN_PAGE_HEIGHT;
  g_return_val_if_fail (width > 0 && height > 0, 1.0);

  factor = MAX (1.0, MAX (ROADMAP_REPORT_MIN_PAGE_WIDTH / width,
                          ROADMAP_REPORT_MIN_PAGE_HEIGHT / height));
  *fit_width = MAX (width * factor, ROADMAP_REPORT_MIN_PAGE_WIDTH);
  *fit_height = MAX (height * factor, ROADMAP_REPORT_MIN_PAGE_HEIGHT);

  return 1.0 / factor;
}

/**
 * roadmap_report_set_date:
 *
 * The date the report is printed with (on the cover and in the PDF's
 * metadata); now unless set.
 */
void
roadmap_report_set_date (RoadmapReport *self,
                         GDateTime     *date)
{
  g_return_if_fail (ROADMAP_IS_REPORT (self));
  g_return_if_fail (date != NULL);

  g_date_time_unref (self->date);
  self->date = g_date_time_ref (date);
  reset_layout (self);
}

/**
 * roadmap_report_get_date:
 *
 * Returns: (transfer none): the report's date
 */
GDateTime *
roadmap_report_get_date (RoadmapReport *self)
{
  g_return_val_if_fail (ROADMAP_IS_REPORT (self), NULL);
  return self->date;
}

/**
 * roadmap_report_dup_title:
 *
 * Returns: (transfer full): the document's title, translated
 */
char *
roadmap_report_dup_title (RoadmapReport *self)
{
  g_return_val_if_fail (ROADMAP_IS_REPORT (self), NULL);

  if (self->snapshot->n_tracks == 1)
    /* Translators: the PDF's title, "Roadmap Progress Report: Data Engineer" */
    return g_strdup_printf (_("Roadmap Progress Report: %s"), self->snapshot->tracks[0].title);

  return g_strdup (_("Roadmap Progress Report"));
}

/**
 * roadmap_report_get_page_size:
 * @width: (out): in points
 * @height: (out): in points
 */
void
roadmap_report_get_page_size (RoadmapReport *self,
                              double        *width,
                              double        *height)
{
  g_return_if_fail (ROADMAP_IS_REPORT (self));

  *width = self->page_width;
  *height = self->page_height;
}

/**
 * roadmap_report_get_content_area:
 * @top: (out): where the blocks of a page may start, in points from the top
 * @bottom: (out): where they must end
 *
 * Between the running header and the footer, for the page size set.
 */
void
roadmap_report_get_content_area (RoadmapReport *self,
                                 double        *top,
                                 double        *bottom)
{
  double width, height;

  g_return_if_fail (ROADMAP_IS_REPORT (self));

  roadmap_report_get_page_size (self, &width, &height);
  report_style_get_content_area (height, top, bottom);
}

/**
 * roadmap_report_paginate:
 * @cr: a context on the target (its font options decide text metrics),
 *   in points; draw the pages on it, or on one like it
 *
 * Lays the whole report out in pages. Safe to call on any thread, as long
 * as one report is used by one thread at a time.
 */
gboolean
roadmap_report_paginate (RoadmapReport  *self,
                         cairo_t        *cr,
                         GCancellable   *cancellable,
                         GError        **error)
{
  RoadmapReportSnapshot *snapshot;
  double width, height;
  Flow flow = { 0, };

  g_return_val_if_fail (ROADMAP_IS_REPORT (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reset_layout (self);
  snapshot = self->snapshot;
  roadmap_report_get_page_size (self, &width, &height);
  self->style = report_style_new (cr, width, height);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->outline = g_array_new (FALSE, FALSE, sizeof (RoadmapReportOutlineEntry));
  g_array_set_clear_func (self->outline, outline_entry_clear);

  flow.self = self;
  flow.style = self->style;
  place_cover (&flow);

  for (flow.track = 0; flow.track < snapshot->n_tracks; flow.track++)
    {
      const RoadmapReportTrack *track = &snapshot->tracks[flow.track];

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          reset_layout (self);
          return FALSE;
        }

      flow.phase = NO_INDEX;
      flow_new_page (&flow, flow.track);
      flow_add_outline (&flow, 0, track->title);
      flow_place (&flow, ROADMAP_REPORT_BOX_TRACK_HEADING, NO_INDEX,
                  report_block_track_heading (self->style, NULL, track, flow.y));

      if (track->n_phases == 0)
        flow_place (&flow, ROADMAP_REPORT_BOX_MESSAGE, NO_INDEX,
                    report_block_message (self->style, NULL, _("This track has no phases."), 0));

      for (flow.phase = 0; flow.phase < track->n_phases; flow.phase++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              reset_layout (self);
              return FALSE;
            }
          place_phase (&flow);
        }
    }

  if (snapshot->stats != NULL)
    {
      flow.track = NO_INDEX;
      flow.phase = NO_INDEX;
      flow_new_page (&flow, NO_INDEX);
      flow_add_outline (&flow, 0, _("Statistics"));
      for (ReportStatsPart part = 0; part < REPORT_N_STATS_PARTS; part++)
        {
          double part_height = report_block_stats (self->style, NULL, snapshot, part, flow.y);

          if (part_height > flow_space_left (&flow) && !flow_at_top (&flow))
            flow_new_page (&flow, NO_INDEX);
          flow_place (&flow, ROADMAP_REPORT_BOX_STATS_FIGURES + part, NO_INDEX, part_height);
        }
    }

  return TRUE;
}

/**
 * roadmap_report_get_n_pages:
 *
 * Returns: the number of pages, 0 before roadmap_report_paginate ()
 */
guint
roadmap_report_get_n_pages (RoadmapReport *self)
{
  g_return_val_if_fail (ROADMAP_IS_REPORT (self), 0);
  return self->pages != NULL ? self->pages->len : 0;
}

/**
 * roadmap_report_get_boxes:
 * @n_boxes: (out): how many
 *
 * What the pagination put on @page, top to bottom (not counting the
 * running header and the footer).
 *
 * Returns: (array length=n_boxes) (transfer none): the boxes
 */
const RoadmapReportBox *
roadmap_report_get_boxes (RoadmapReport *self,
                          guint          page,
                          guint         *n_boxes)
{
  Page *p;

  g_return_val_if_fail (ROADMAP_IS_REPORT (self), NULL);
  g_return_val_if_fail (n_boxes != NULL, NULL);
  g_return_val_if_fail (page < roadmap_report_get_n_pages (self), NULL);

  p = g_ptr_array_index (self->pages, page);
  *n_boxes = p->boxes->len;
  return (const RoadmapReportBox *) p->boxes->data;
}

/**
 * roadmap_report_get_outline:
 * @n_entries: (out): how many
 *
 * One entry per track and per phase, in order, for PDF bookmarks.
 *
 * Returns: (array length=n_entries) (transfer none): the entries
 */
const RoadmapReportOutlineEntry *
roadmap_report_get_outline (RoadmapReport *self,
                            guint         *n_entries)
{
  g_return_val_if_fail (ROADMAP_IS_REPORT (self), NULL);
  g_return_val_if_fail (n_entries != NULL, NULL);

  *n_entries = self->outline != NULL ? self->outline->len : 0;
  return self->outline != NULL ? (const RoadmapReportOutlineEntry *) self->outline->data : NULL;
}

/**
 * roadmap_report_draw_page:
 * @cr: the context paginated with, or one on the same kind of target
 * @page: 0-based
 *
 * Draws one page, in points from the top left corner.
 */
void
roadmap_report_draw_page (RoadmapReport *self,
                          cairo_t       *cr,
                          guint          page)
{
  const RoadmapReportTrack *header_track = NULL;
  ReportStyle *style;
  Page *p;

  g_return_if_fail (ROADMAP_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < roadmap_report_get_n_pages (self));

  style = self->style;
  p = g_ptr_array_index (self->pages, page);
  if (p->track != NO_INDEX)
    header_track = &self->snapshot->tracks[p->track];

  cairo_save (cr);
  report_style_update (style, cr);
  report_block_page_frame (style, cr, header_track != NULL ? header_track->title : NULL,
                           page, self->pages->len);

  for (guint i = 0; i < p->boxes->len; i++)
    {
      const RoadmapReportBox *box = &g_array_index (p->boxes, RoadmapReportBox, i);
      const RoadmapReportTrack *track = box->track != NO_INDEX && box->track < self->snapshot->n_tracks
                                        ? &self->snapshot->tracks[box->track] : NULL;
      const RoadmapReportPhase *phase = track != NULL && box->phase != NO_INDEX
                                        ? &track->phases[box->phase] : NULL;
      const RoadmapReportSkill *skill = phase != NULL && box->skill != NO_INDEX
                                        ? &phase->skills[box->skill] : NULL;

      switch (box->kind)
        {
        case ROADMAP_REPORT_BOX_COVER:
          report_block_cover (style, cr, self->snapshot, self->date, box->y);
          break;
        case ROADMAP_REPORT_BOX_COVER_TRACK:
          report_block_cover_track (style, cr, track, box->y);
          break;
        case ROADMAP_REPORT_BOX_MESSAGE:
          if (track == NULL)
            report_block_message (style, cr, _("There are no tracks to report on."), box->y);
          else if (phase == NULL)
            report_block_message (style, cr, _("This track has no phases."), box->y);
          else
            report_block_message (style, cr, _("No skills in this phase."), box->y);
          break;
        case ROADMAP_REPORT_BOX_TRACK_HEADING:
          report_block_track_heading (style, cr, track, box->y);
          break;
        case ROADMAP_REPORT_BOX_PHASE_HEADING:
          report_block_phase_heading (style, cr, phase, box->y);
          break;
        case ROADMAP_REPORT_BOX_CONTINUED:
          if (skill != NULL)
            report_block_continued (style, cr, skill->title, TRUE, box->y);
          else
            {
              g_autofree char *title = report_phase_title (phase);

              report_block_continued (style, cr, title, FALSE, box->y);
            }
          break;
        case ROADMAP_REPORT_BOX_SKIPPED_HEADING:
          report_block_skipped_heading (style, cr, phase, box->y);
          break;
        case ROADMAP_REPORT_BOX_TABLE_HEADER:
          report_block_table_header (style, cr, box->y);
          break;
        case ROADMAP_REPORT_BOX_SKILL_ROW:
          report_block_skill_row (style, cr, skill, box->skill % 2 == 1, box->y, box->height);
          break;
        case ROADMAP_REPORT_BOX_STATS_FIGURES:
        case ROADMAP_REPORT_BOX_STATS_HEATMAP:
        case ROADMAP_REPORT_BOX_STATS_DONE:
          report_block_stats (style, cr, self->snapshot,
                              REPORT_STATS_FIGURES + (box->kind - ROADMAP_REPORT_BOX_STATS_FIGURES), box->y);
          break;
        case ROADMAP_REPORT_BOX_NOTE:
          report_block_note (style, cr, box->first_line, box->n_lines,
                             report_note_prepare (style, skill->note),
                             box->skill % 2 == 1, box->y);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  cairo_restore (cr);
}

/**
 * roadmap_report_render:
 * @funcs: (nullable): called around each page
 *
 * Paginates (unless done already) and draws every page on @cr, in order,
 * stopping at the first error: a callback's, cairo's, or cancellation.
 */
gboolean
roadmap_report_render (RoadmapReport                *self,
                       cairo_t                      *cr,
                       const RoadmapReportPageFuncs *funcs,
                       gpointer                      user_data,
                       GCancellable                 *cancellable,
                       GError                      **error)
{
  g_return_val_if_fail (ROADMAP_IS_REPORT (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->pages == NULL && !roadmap_report_paginate (self, cr, cancellable, error))
    return FALSE;

  for (guint page = 0; page < self->pages->len; page++)
    {
      cairo_status_t status;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (funcs != NULL && funcs->begin_page != NULL &&
          !funcs->begin_page (self, cr, page, user_data, error))
        return FALSE;

      roadmap_report_draw_page (self, cr, page);

      status = cairo_status (cr);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, ROADMAP_REPORT_ERROR, ROADMAP_REPORT_ERROR_RENDER,
                       /* Translators: %s is cairo's reason */
                       _("The report could not be drawn: %s"), cairo_status_to_string (status));
          return FALSE;
        }

      if (funcs != NULL && funcs->end_page != NULL &&
          !funcs->end_page (self, cr, page, user_data, error))
        return FALSE;
    }

  return TRUE;
}

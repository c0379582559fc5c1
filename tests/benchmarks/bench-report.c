/* bench-report.c — how fast is the PDF report of a 10,000-skill catalog?
 * Run with `meson test -C _build --benchmark bench-report` (or
 * `build-aux/dev bench`); no display needed.
 *
 * Prints, as medians over several runs (and the fastest run):
 *  - the snapshot of the catalog (what the main thread pays);
 *  - the whole export to a PDF file: pages, total time, pages per second;
 *  - of which the pagination alone (laying out every block, no drawing);
 * and, as the floor measured in the same run, cairo writing the same
 * texts (every title, status, date and note, one line each, no wrapping)
 * with cairo_show_text () into a PDF file: cairo's PDF output with no
 * Pango layout at all.
 *
 * Then one note of 100,000 characters (the longest a note may be) on a
 * skill of its own: ordinary words, one unbroken word, a run of combining
 * marks, and accented letters (each a letter and a combining mark) in
 * words and in one word; each export's median and its ratio to the
 * ordinary note's, the floor here (the accented word's to the accented
 * words' too: drawing marks costs more, whatever the wrapping). `--long-notes-only` skips the catalog,
 * `--note-length N` and `--runs N` change the note and the runs (to time
 * a slow case in less than minutes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <time.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "roadmap-report-export.h"
#include "roadmap-report.h"

#define N_TRACKS            4
#define N_PHASES            5
#define SKILLS_PER_PHASE  500
#define N_RUNS              5
#define FLOOR_LINE_HEIGHT  12.0
#define LONG_NOTE_LENGTH 100000

typedef enum
{
  LONG_ORDINARY,
  LONG_UNBROKEN,
  LONG_MARKS,
  LONG_ACCENTED_WORDS,
  LONG_ACCENTED,
  N_LONG_KINDS
} LongKind;

static const char * const long_kind_names[N_LONG_KINDS] = {
  [LONG_ORDINARY] = "ordinary words",
  [LONG_UNBROKEN] = "one unbroken word",
  [LONG_MARKS] = "combining marks, no base",
  [LONG_ACCENTED_WORDS] = "words, a mark on each letter",
  [LONG_ACCENTED] = "one unbroken word, a mark on each letter",
};

static const char * const vocabulary[] = {
  "data", "pipeline", "schema", "query", "index", "stream", "batch", "cache",
  "latency", "replica", "shard", "queue", "broker", "lineage", "contract",
  "warehouse", "lakehouse", "partition", "window", "watermark", "Kubernetes",
  "observability", "migration", "throughput", "idempotency", "backpressure",
};

static char *
words (guint n_words,
       guint seed)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, vocabulary[(seed * 7 + i * 13) % G_N_ELEMENTS (vocabulary)]);
    }

  return g_string_free (text, FALSE);
}

/* @n_chars characters of @kind: words and spaces, letters and digits with
 * no break at all, combining marks (U+0300 to U+036F) alone (one grapheme
 * cluster), or letters each followed by one (a cluster every two), in
 * words of three letters or in one word */
static char *
long_note (LongKind kind,
           guint    n_chars)
{
  GString *text = g_string_sized_new (n_chars * 2);
  guint length = 0;

  for (guint i = 0; length < n_chars; i++)
    {
      switch (kind)
        {
        case LONG_ORDINARY:
          if (length > 0)
            {
              g_string_append_c (text, ' ');
              length++;
            }
          for (const char *w = vocabulary[(i * 13) % G_N_ELEMENTS (vocabulary)];
               *w != '\0' && length < n_chars; w++, length++)
            g_string_append_c (text, *w);
          break;
        case LONG_UNBROKEN:
          g_string_append_c (text, "abcdefghijklmnopqrstuvwxyz0123456789"[i % 36]);
          length++;
          break;
        case LONG_MARKS:
          g_string_append_unichar (text, 0x0300 + i % 0x70);
          length++;
          break;
        case LONG_ACCENTED_WORDS:
          if (i % 8 == 7)
            g_string_append_c (text, ' ');
          else
            g_string_append_unichar (text, i % 2 ? 0x0300 + i % 0x70 : 'a' + i % 26);
          length++;
          break;
        case LONG_ACCENTED:
        default:
          g_string_append_unichar (text, i % 2 ? 0x0300 + i % 0x70 : 'a' + i % 26);
          length++;
          break;
        }
    }

  return g_string_free (text, FALSE);
}

/* One track, one phase, one skill with @note */
static RoadmapCatalog *
long_note_catalog (const char *note)
{
  RoadmapCatalog *catalog = roadmap_catalog_new ();
  g_autoptr(RoadmapTrack) track = roadmap_track_new ("long", "Long note");
  g_autoptr(RoadmapPhase) phase = roadmap_phase_new ("phase", "Phase", 1, 1);
  g_autoptr(RoadmapSkill) skill = roadmap_skill_new ("skill", "A skill with a long note");
  g_autoptr(GError) error = NULL;

  roadmap_phase_add_skill (phase, skill);
  roadmap_skill_apply_progress (skill, ROADMAP_STATUS_DOING, 0, NULL, NULL);
  roadmap_skill_apply_note (skill, note);
  roadmap_track_add_phase (track, phase);
  roadmap_catalog_add_track (catalog, track, &error);
  g_assert_no_error (error);

  return catalog;
}

/* 10,000 skills: titles of 3 to 12 words, a third done, a third in
 * progress, and a note of one to four sentences on every fourth skill. */
static RoadmapCatalog *
make_catalog (void)
{
  RoadmapCatalog *catalog = roadmap_catalog_new ();
  g_autoptr(GDateTime) started = g_date_time_new_utc (2026, 1, 5, 10, 0, 0);
  g_autoptr(GDateTime) finished = g_date_time_new_utc (2026, 2, 1, 18, 30, 0);

  for (guint t = 0; t < N_TRACKS; t++)
    {
      g_autofree char *track_id = g_strdup_printf ("track-%u", t);
      g_autofree char *track_title = g_strdup_printf ("Track %u", t);
      g_autoptr(RoadmapTrack) track = roadmap_track_new (track_id, track_title);
      g_autoptr(GError) error = NULL;

      roadmap_track_set_summary (track, "A synthetic track for the benchmark.");

      for (guint p = 0; p < N_PHASES; p++)
        {
          g_autofree char *phase_id = g_strdup_printf ("phase-%u", p);
          g_autofree char *phase_title = g_strdup_printf ("Phase title %u", p);
          g_autoptr(RoadmapPhase) phase = roadmap_phase_new (phase_id, phase_title, p + 1, p + 2);

          for (guint s = 0; s < SKILLS_PER_PHASE; s++)
            {
              guint n = (t * N_PHASES + p) * SKILLS_PER_PHASE + s;
              g_autofree char *id = g_strdup_printf ("skill-%05u", n);
              g_autofree char *body = words (3 + n % 10, n);
              g_autofree char *title = g_strdup_printf ("%05u %s", n, body);
              g_autoptr(RoadmapSkill) skill = roadmap_skill_new (id, title);
              RoadmapStatus status = (RoadmapStatus) (n % ROADMAP_N_STATUSES);

              roadmap_phase_add_skill (phase, skill);
              roadmap_skill_apply_progress (skill, status, s,
                                            status != ROADMAP_STATUS_TODO ? started : NULL,
                                            status == ROADMAP_STATUS_DONE ? finished : NULL);
              if (n % 4 == 0)
                {
                  g_autofree char *note = words (12 + (n % 4) * 15, n + 1);

                  roadmap_skill_apply_note (skill, note);
                }
            }

          roadmap_track_add_phase (track, phase);
        }

      roadmap_catalog_add_track (catalog, track, &error);
      g_assert_no_error (error);
    }

  return catalog;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
minimum (const double *values,
         guint         n)
{
  double m = values[0];

  for (guint i = 1; i < n; i++)
    m = MIN (m, values[i]);
  return m;
}

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Processor time of this (single-threaded) process: steadier than the
 * wall clock on a shared machine */
static double
cpu_now (void)
{
  return (double) clock () / CLOCKS_PER_SEC;
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

static gint64
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (gint64) buf.st_size : -1;
}

/* Every text of the report's rows, one line each */
static GPtrArray *
floor_lines (RoadmapReportSnapshot *snapshot)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint t = 0; t < snapshot->n_tracks; t++)
    for (guint p = 0; p < snapshot->tracks[t].n_phases; p++)
      for (guint s = 0; s < snapshot->tracks[t].phases[p].n_skills; s++)
        {
          const RoadmapReportSkill *skill = &snapshot->tracks[t].phases[p].skills[s];

          g_ptr_array_add (lines, g_strdup (skill->title));
          g_ptr_array_add (lines, g_strdup (roadmap_status_get_label (skill->status)));
          g_ptr_array_add (lines, skill->started_at != NULL ? g_date_time_format (skill->started_at, "%Y-%m-%d") : g_strdup ("—"));
          g_ptr_array_add (lines, skill->finished_at != NULL ? g_date_time_format (skill->finished_at, "%Y-%m-%d") : g_strdup ("—"));
          if (skill->note != NULL)
            g_ptr_array_add (lines, g_strdup (skill->note));
        }

  return lines;
}

/* The floor: the same texts, cairo_show_text (), a line every 12 pt */
static guint
write_floor (GPtrArray  *lines,
             const char *path)
{
  double width, height, y;
  cairo_surface_t *surface;
  guint pages = 1;
  cairo_t *cr;

  roadmap_report_paper_get_size (ROADMAP_REPORT_PAPER_A4, &width, &height);
  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 9.5);

  y = 60;
  for (guint i = 0; i < lines->len; i++)
    {
      if (y > height - 60)
        {
          cairo_show_page (cr);
          pages++;
          y = 60;
        }
      cairo_move_to (cr, 50, y);
      cairo_show_text (cr, g_ptr_array_index (lines, i));
      y += FLOOR_LINE_HEIGHT;
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return pages;
}

/* The 10,000-skill catalog against the floor */
static void
bench_catalog (void)
{
  g_autoptr(RoadmapCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("roadmap-bench-report-XXXXXX", &error);
  g_autofree char *report_path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *floor_path = g_build_filename (dir, "floor.pdf", NULL);
  g_autoptr(GFile) report_file = g_file_new_for_path (report_path);
  g_autoptr(GPtrArray) lines = NULL;
  double snapshot_s[N_RUNS], paginate_s[N_RUNS], export_s[N_RUNS], floor_s[N_RUNS];
  double export_cpu[N_RUNS], floor_cpu[N_RUNS];
  guint report_pages = 0, floor_pages = 0;
  gint64 report_size, floor_size;
  double t;

  g_assert_no_error (error);

  t = now ();
  catalog = make_catalog ();
  g_print ("Catalog: %u skills (%u tracks × %u phases × %u), built in %.2f s\n",
           roadmap_catalog_get_n_skills (catalog), N_TRACKS, N_PHASES, SKILLS_PER_PHASE, now () - t);

  /* One untimed run first: fontconfig, font files, page cache */
  {
    g_autoptr(RoadmapReportSnapshot) snapshot = roadmap_report_snapshot_new (catalog, NULL, &error);
    g_autoptr(RoadmapReport) report = roadmap_report_new (snapshot);

    roadmap_report_set_paper (report, ROADMAP_REPORT_PAPER_A4);
    g_assert_true (roadmap_report_export_pdf (report, report_file, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    lines = floor_lines (snapshot);
    write_floor (lines, floor_path);
  }

  /* Interleaved, so that both see the same machine */
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(RoadmapReportSnapshot) snapshot = NULL;
      g_autoptr(RoadmapReport) paginated = NULL;
      g_autoptr(RoadmapReport) report = NULL;
      cairo_surface_t *surface;
      double width, height, c;
      cairo_t *cr;

      t = now ();
      snapshot = roadmap_report_snapshot_new (catalog, NULL, &error);
      snapshot_s[run] = now () - t;
      g_assert_no_error (error);

      /* The pagination alone, on a PDF surface whose output is dropped */
      paginated = roadmap_report_new (snapshot);
      roadmap_report_set_paper (paginated, ROADMAP_REPORT_PAPER_A4);
      roadmap_report_get_page_size (paginated, &width, &height);
      surface = cairo_pdf_surface_create_for_stream (discard, NULL, width, height);
      cr = cairo_create (surface);
      t = now ();
      g_assert_true (roadmap_report_paginate (paginated, cr, NULL, &error));
      paginate_s[run] = now () - t;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      /* The whole export, as the command line and the window do it */
      report = roadmap_report_new (snapshot);
      roadmap_report_set_paper (report, ROADMAP_REPORT_PAPER_A4);
      t = now ();
      c = cpu_now ();
      g_assert_true (roadmap_report_export_pdf (report, report_file, NULL, NULL, NULL, &error));
      export_s[run] = now () - t;
      export_cpu[run] = cpu_now () - c;
      g_assert_no_error (error);
      report_pages = roadmap_report_get_n_pages (report);

      t = now ();
      c = cpu_now ();
      floor_pages = write_floor (lines, floor_path);
      floor_s[run] = now () - t;
      floor_cpu[run] = cpu_now () - c;
    }

  report_size = file_size (report_path);
  floor_size = file_size (floor_path);

  g_print ("\nPDF report of %u skills, A4, %d runs (medians; fastest in brackets)\n\n",
           roadmap_catalog_get_n_skills (catalog), N_RUNS);
  g_print ("| | time | CPU time | pages | pages/s | file |\n");
  g_print ("|---|---|---|---|---|---|\n");
  g_print ("| snapshot of the catalog (main thread) | %.1f ms (%.1f) | | | | |\n",
           median (snapshot_s, N_RUNS) * 1e3, minimum (snapshot_s, N_RUNS) * 1e3);
  g_print ("| pagination alone | %.2f s (%.2f) | | %u | | |\n",
           median (paginate_s, N_RUNS), minimum (paginate_s, N_RUNS), report_pages);
  g_print ("| **report → PDF file, total** | **%.2f s** (%.2f) | %.2f s | %u | **%.0f** | %.1f MB |\n",
           median (export_s, N_RUNS), minimum (export_s, N_RUNS), median (export_cpu, N_RUNS),
           report_pages, report_pages / median (export_s, N_RUNS), report_size / 1e6);
  g_print ("| floor: the same %u texts, cairo_show_text, one line each | %.2f s (%.2f) | %.2f s | %u | %.0f | %.1f MB |\n",
           lines->len, median (floor_s, N_RUNS), minimum (floor_s, N_RUNS), median (floor_cpu, N_RUNS),
           floor_pages, floor_pages / median (floor_s, N_RUNS), floor_size / 1e6);
  g_print ("\nreport / floor: %.1f× the time (%.1f× the CPU time) for the same texts\n",
           median (export_s, N_RUNS) / median (floor_s, N_RUNS),
           median (export_cpu, N_RUNS) / median (floor_cpu, N_RUNS));

  g_unlink (report_path);
  g_unlink (floor_path);
  g_rmdir (dir);
}

/* One note of @n_chars characters of each kind, against the ordinary one */
static void
bench_long_notes (guint n_chars,
                  guint n_runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("roadmap-bench-report-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "long-note.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree double *export_s = g_new0 (double, N_LONG_KINDS * n_runs);
  RoadmapReport *reports[N_LONG_KINDS];
  guint pages[N_LONG_KINDS];
  double medians[N_LONG_KINDS];

  g_assert_no_error (error);

  for (guint k = 0; k < N_LONG_KINDS; k++)
    {
      g_autofree char *note = long_note (k, n_chars);
      g_autoptr(RoadmapCatalog) catalog = long_note_catalog (note);
      g_autoptr(RoadmapReportSnapshot) snapshot = roadmap_report_snapshot_new (catalog, NULL, &error);

      g_assert_no_error (error);
      reports[k] = roadmap_report_new (snapshot);
      roadmap_report_set_paper (reports[k], ROADMAP_REPORT_PAPER_A4);
    }

  /* One untimed run first: fontconfig, font files */
  g_assert_true (roadmap_report_export_pdf (reports[LONG_ORDINARY], file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Interleaved, so that all kinds see the same machine; each export
   * paginates anew. */
  for (guint run = 0; run < n_runs; run++)
    for (guint k = 0; k < N_LONG_KINDS; k++)
      {
        double t = now ();

        g_assert_true (roadmap_report_export_pdf (reports[k], file, NULL, NULL, NULL, &error));
        export_s[k * n_runs + run] = now () - t;
        g_assert_no_error (error);
        pages[k] = roadmap_report_get_n_pages (reports[k]);
      }

  g_print ("\nOne note of %u characters, A4, %u runs (medians; fastest in brackets)\n\n",
           n_chars, n_runs);
  g_print ("| note | report → PDF file | pages | / ordinary words |\n");
  g_print ("|---|---|---|---|\n");
  for (guint k = 0; k < N_LONG_KINDS; k++)
    {
      double fastest = minimum (&export_s[k * n_runs], n_runs);

      medians[k] = median (&export_s[k * n_runs], n_runs);
      g_print ("| %s | %.2f s (%.2f) | %u | %.1f× |\n", long_kind_names[k], medians[k], fastest,
               pages[k], medians[k] / medians[LONG_ORDINARY]);
      g_object_unref (reports[k]);
    }
  g_print ("\none unbroken word / words, a mark on each letter: %.1f×\n",
           medians[LONG_ACCENTED] / medians[LONG_ACCENTED_WORDS]);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gboolean long_notes_only = FALSE;
  int note_length = LONG_NOTE_LENGTH;
  int runs = N_RUNS;
  const GOptionEntry entries[] = {
    { "long-notes-only", 0, 0, G_OPTION_ARG_NONE, &long_notes_only,
      "Only the long notes, not the 10,000-skill catalog", NULL },
    { "note-length", 0, 0, G_OPTION_ARG_INT, &note_length,
      "Characters in each long note (100,000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each long note (5)", "N" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the PDF report's benchmark");
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_setenv ("TZ", "UTC", TRUE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || note_length < 1 || runs < 1)
    {
      g_printerr ("bench-report: %s\n", error != NULL ? error->message : "N must be 1 or more");
      return 2;
    }

  if (!long_notes_only)
    bench_catalog ();
  bench_long_notes (note_length, runs);

  return 0;
}

/* test-report.c — the PDF progress report: its content (read back with
 * poppler's pdftotext and pdfinfo), its outline and metadata, its
 * pagination (a 1,000-skill catalog, pages rendered with pdftoppm), and
 * every way writing it can fail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "roadmap-report-export.h"
#include "roadmap-report-private.h"
#include "roadmap-report.h"
#include "store-test-util.h"

#define N_BIG_TRACKS          2
#define N_BIG_PHASES          5
#define N_BIG_SKILLS_PER_PHASE 100
#define LONG_NOTE_LINES       150
#define MAX_NOTE_CHARS        100000   /* the longest note a progress file takes */
#define ZERO_WIDTH_SPACE      0x200B

/* Helpers: catalogs */

static void
add_skill (RoadmapPhase  *phase,
           const char    *id,
           const char    *title,
           RoadmapStatus  status,
           const char    *note)
{
  g_autoptr(RoadmapSkill) skill = roadmap_skill_new (id, title);
  g_autoptr(GDateTime) started = g_date_time_new_utc (2026, 1, 5, 10, 0, 0);
  g_autoptr(GDateTime) finished = g_date_time_new_utc (2026, 2, 1, 18, 30, 0);

  roadmap_phase_add_skill (phase, skill);
  roadmap_skill_apply_progress (skill, status, roadmap_phase_get_n_skills (phase),
                                status != ROADMAP_STATUS_TODO ? started : NULL,
                                status == ROADMAP_STATUS_DONE ? finished : NULL);
  if (note != NULL)
    roadmap_skill_apply_note (skill, note);
}

/* Adds the phase to its track, once its skills are in (the track indexes
 * them then). */
static void
add_phase (RoadmapTrack *track,
           RoadmapPhase *phase)
{
  g_assert_true (roadmap_track_add_phase (track, phase));
  g_object_unref (phase);
}

static void
add_track (RoadmapCatalog *catalog,
           RoadmapTrack   *track)
{
  g_autoptr(GError) error = NULL;

  roadmap_catalog_add_track (catalog, track, &error);
  g_assert_no_error (error);
}

/*
 * Two tracks with known progress; titles with markup characters, accents,
 * CJK and Arabic; notes; an empty phase; a hands-on item.
 */
static RoadmapCatalog *
fixture_catalog (void)
{
  RoadmapCatalog *catalog = roadmap_catalog_new ();
  g_autoptr(RoadmapTrack) alpha = roadmap_track_new ("alpha", "Alpha <Track> & Co");
  g_autoptr(RoadmapTrack) beta = roadmap_track_new ("beta", "Beta Track");
  RoadmapPhase *phase;

  roadmap_track_set_summary (alpha, "The first track, with <i>markup</i> that must print as written.");

  phase = roadmap_phase_new ("basics", "Basics & <Co>", 1, 2);
  add_skill (phase, "bold", "<b>Bold & Co</b>", ROADMAP_STATUS_DONE,
             "Finished the <i>markup</i> chapter &amp; all exercises.");
  add_skill (phase, "second", "Second Skill", ROADMAP_STATUS_DOING,
             "Line one of the note.\nLine two is still going.");
  add_skill (phase, "third", "Third Skill", ROADMAP_STATUS_TODO, NULL);
  add_phase (alpha, phase);

  phase = roadmap_phase_new ("advanced", "Advanced", 3, 4);
  add_skill (phase, "fourth", "Fourth Skill", ROADMAP_STATUS_DONE, NULL);
  /* A hands-on item: marked so after its title */
  roadmap_skill_set_kind (roadmap_phase_peek_skill (phase, 0), ROADMAP_SKILL_KIND_PRACTICE);
  add_skill (phase, "fifth", "Fifth Skill", ROADMAP_STATUS_TODO, "   \n  ");
  add_phase (alpha, phase);

  add_phase (alpha, roadmap_phase_new ("empty", "Empty Phase", 0, 0));

  phase = roadmap_phase_new ("only", "Only", 5, 5);
  add_skill (phase, "accents", "Élan vital: Größe, niño", ROADMAP_STATUS_DONE,
             "Notes with accents: déjà vu.");
  add_skill (phase, "cjk", "中文技能", ROADMAP_STATUS_DOING, "笔记：学习中文。");
  add_skill (phase, "arabic", "مهارة عربية", ROADMAP_STATUS_TODO, "ملاحظة قصيرة");
  add_phase (beta, phase);

  add_track (catalog, alpha);
  add_track (catalog, beta);

  return catalog;
}

/* "Lorem ipsum …" of @n_words words, varied by @seed. */
static char *
words (guint n_words,
       guint seed)
{
  static const char * const vocabulary[] = {
    "data", "pipeline", "schema", "query", "index", "stream", "batch", "cache",
    "latency", "replica", "shard", "queue", "broker", "lineage", "contract",
    "warehouse", "lakehouse", "partition", "window", "watermark",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, vocabulary[(seed * 7 + i * 13) % G_N_ELEMENTS (vocabulary)]);
    }

  return g_string_free (text, FALSE);
}

/*
 * 1,000 skills: 2 tracks × 5 phases × 100, titles of one to three lines,
 * a note on every fifth skill (one to eight lines), and one note longer
 * than a page (skill 50 of the first phase).
 */
static RoadmapCatalog *
big_catalog (void)
{
  RoadmapCatalog *catalog = roadmap_catalog_new ();

  for (guint t = 0; t < N_BIG_TRACKS; t++)
    {
      g_autofree char *track_id = g_strdup_printf ("track-%u", t);
      g_autofree char *track_title = g_strdup_printf ("Big Track %u", t);
      g_autoptr(RoadmapTrack) track = roadmap_track_new (track_id, track_title);

      for (guint p = 0; p < N_BIG_PHASES; p++)
        {
          g_autofree char *phase_id = g_strdup_printf ("phase-%u", p);
          g_autofree char *phase_title = g_strdup_printf ("Stage %u of track %u", p, t);
          RoadmapPhase *phase = roadmap_phase_new (phase_id, phase_title, p + 1, p + 2);

          for (guint s = 0; s < N_BIG_SKILLS_PER_PHASE; s++)
            {
              guint n = (t * N_BIG_PHASES + p) * N_BIG_SKILLS_PER_PHASE + s;
              g_autofree char *id = g_strdup_printf ("skill-%04u", n);
              g_autofree char *body = words (2 + (n * 11) % 30, n);
              g_autofree char *title = g_strdup_printf ("Skill %04u %s", n, body);
              g_autofree char *note = NULL;

              if (t == 0 && p == 0 && s == 50)
                {
                  GString *long_note = g_string_new (NULL);

                  for (guint line = 0; line < LONG_NOTE_LINES; line++)
                    g_string_append_printf (long_note, "%sLong note line %03u", line > 0 ? "\n" : "", line);
                  note = g_string_free (long_note, FALSE);
                }
              else if (n % 5 == 0)
                {
                  g_autofree char *note_words = words (6 + (n % 8) * 14, n + 3);

                  note = g_strdup_printf ("Note %04u: %s.", n, note_words);
                }

              add_skill (phase, id, title, (RoadmapStatus) (n % ROADMAP_N_STATUSES), note);
            }
          add_phase (track, phase);
        }

      add_track (catalog, track);
    }

  return catalog;
}

static RoadmapReport *
report_for (RoadmapCatalog *catalog,
            const char     *track_id)
{
  g_autoptr(RoadmapReportSnapshot) snapshot = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 25, 9, 30, 0);
  g_autoptr(GError) error = NULL;
  RoadmapReport *report;

  snapshot = roadmap_report_snapshot_new (catalog, track_id, &error);
  g_assert_no_error (error);
  report = roadmap_report_new (snapshot);
  roadmap_report_set_paper (report, ROADMAP_REPORT_PAPER_A4);
  roadmap_report_set_date (report, date);

  return report;
}

/* Helpers: files and tools */

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return out;
}

static gboolean
have_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static gboolean
skip_without_poppler (void)
{
  if (have_tool ("pdftotext") && have_tool ("pdfinfo") && have_tool ("pdftoppm"))
    return FALSE;

  g_test_skip ("poppler-utils (pdftotext, pdfinfo, pdftoppm) is not installed");
  return TRUE;
}

/* Whether an installed font has @c (Pango prints a box otherwise, which
 * pdftotext cannot read back): "fonts permitting". */
static gboolean
have_font_for (gunichar c)
{
  /* No autoptr for these in Pango 1.50 */
  PangoFontMap *map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (map);
  PangoFontDescription *description = pango_font_description_from_string ("Sans 10");
  PangoFontset *fontset = pango_font_map_load_fontset (map, context, description,
                                                       pango_language_get_default ());
  PangoFont *font = pango_fontset_get_font (fontset, c);
  gboolean found = font != NULL && pango_font_has_char (font, c);

  g_clear_object (&font);
  g_object_unref (fontset);
  pango_font_description_free (description);
  g_object_unref (context);
  g_object_unref (map);

  return found;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };

  return run_tool (argv);
}

/* The value of one "Key: value" line of pdfinfo */
static char *
pdf_info (const char *path,
          const char *key)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
  g_autofree char *out = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], prefix))
        return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
    }

  return NULL;
}

static guint
pdf_n_pages (const char *path)
{
  g_autofree char *pages = pdf_info (path, "Pages");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined with spaces */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static gboolean
export (RoadmapReport  *report,
        const char     *path,
        GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return roadmap_report_export_pdf (report, file, NULL, NULL, NULL, error);
}

/* The line of @text holding @needle, or NULL */
static char *
line_with (const char *text,
           const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], needle) != NULL)
        return g_strdup (lines[i]);
    }

  return NULL;
}

/* Helpers: the PDF's outline, read from the file's own objects */

/* A PDF string: (literal) or <hex>, UTF-16BE with a BOM or PDFDocEncoding
 * (only its ASCII part here). */
static char *
decode_pdf_string (const char *start)
{
  if (*start == '<')
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      const char *p = start + 1;

      while (*p != '>' && *p != '\0')
        {
          guint8 byte;

          g_assert_true (g_ascii_isxdigit (p[0]) && g_ascii_isxdigit (p[1]));
          byte = (guint8) (g_ascii_xdigit_value (p[0]) * 16 + g_ascii_xdigit_value (p[1]));
          g_byte_array_append (bytes, &byte, 1);
          p += 2;
        }

      if (bytes->len >= 2 && bytes->data[0] == 0xfe && bytes->data[1] == 0xff)
        {
          g_autofree gunichar2 *utf16 = g_new0 (gunichar2, bytes->len / 2);

          for (guint i = 1; i < bytes->len / 2; i++)
            utf16[i - 1] = (gunichar2) (bytes->data[2 * i] << 8 | bytes->data[2 * i + 1]);
          return g_utf16_to_utf8 (utf16, bytes->len / 2 - 1, NULL, NULL, NULL);
        }

      return g_strndup ((const char *) bytes->data, bytes->len);
    }
  else
    {
      GString *text = g_string_new (NULL);
      int depth = 0;

      g_assert_true (*start == '(');
      for (const char *p = start + 1; *p != '\0'; p++)
        {
          if (*p == '\\' && p[1] != '\0')
            g_string_append_c (text, *++p);
          else if (*p == '(')
            depth++, g_string_append_c (text, *p);
          else if (*p == ')' && depth-- == 0)
            break;
          else
            g_string_append_c (text, *p);
        }

      return g_string_free (text, FALSE);
    }
}

/* Object number → its dictionary text, for every "N 0 obj … endobj" */
static GHashTable *
pdf_objects (const char *pdf,
             gsize       length)
{
  GHashTable *objects = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GRegex) regex = g_regex_new ("(?s)(\\d+) 0 obj(.*?)endobj", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match_full (regex, pdf, length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);

      g_hash_table_insert (objects, GUINT_TO_POINTER (atoi (number)),
                           g_match_info_fetch (match, 2));
      g_match_info_next (match, NULL);
    }

  return objects;
}

/* The object a "/KEY N 0 R" of @dict refers to, or 0 */
static guint
pdf_ref (const char *dict,
         const char *key)
{
  g_autofree char *pattern = g_strdup_printf ("/%s (\\d+) 0 R", key);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  if (!g_regex_match (regex, dict, 0, &match))
    return 0;

  number = g_match_info_fetch (match, 1);
  return (guint) atoi (number);
}

/* Walks the outline tree: "Title" per top-level item, "  Title" per child */
static void
walk_outline (GHashTable *objects,
              guint       first,
              guint       depth,
              GString    *out)
{
  for (guint item = first; item != 0;)
    {
      const char *dict = g_hash_table_lookup (objects, GUINT_TO_POINTER (item));
      const char *title;
      g_autofree char *text = NULL;

      g_assert_nonnull (dict);
      title = strstr (dict, "/Title ");
      g_assert_nonnull (title);
      text = decode_pdf_string (title + strlen ("/Title "));

      for (guint i = 0; i < depth; i++)
        g_string_append (out, "  ");
      g_string_append_printf (out, "%s\n", text);

      g_assert_true (strstr (dict, "/Dest") != NULL || strstr (dict, "/A ") != NULL ||
                     strstr (dict, "/A<<") != NULL);
      walk_outline (objects, pdf_ref (dict, "First"), depth + 1, out);
      item = pdf_ref (dict, "Next");
    }
}

static char *
pdf_outline (const char *path)
{
  g_autofree char *pdf = NULL;
  g_autoptr(GHashTable) objects = NULL;
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  GHashTableIter iter;
  gpointer value;
  gsize length;

  g_file_get_contents (path, &pdf, &length, &error);
  g_assert_no_error (error);
  objects = pdf_objects (pdf, length);

  g_hash_table_iter_init (&iter, objects);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (strstr (value, "/Type /Outlines") != NULL)
        walk_outline (objects, pdf_ref (value, "First"), 0, out);
    }

  return g_string_free (out, FALSE);
}

/* Tests: content */

typedef struct
{
  char *dir;
  char *path;
  RoadmapCatalog *catalog;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = store_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "report.pdf", NULL);
  fixture->catalog = fixture_catalog ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->catalog);
  store_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  static const struct { const char *title; const char *status; } rows[] = {
    { "<b>Bold & Co</b>", "Done" },
    { "Second Skill", "Doing" },
    { "Third Skill", "To-do" },
    { "Fourth Skill · Hands-on", "Done" },
    { "Fifth Skill", "To-do" },
    { "Élan vital: Größe, niño", "Done" },
    { "中文技能", "Doing" },
  };
  static const char * const expected[] = {
    /* The cover */
    "Roadmap", "Progress Report", "25 Nov 2026", "Overall Progress",
    "3 of 8 skills done (38 %) · 2 in progress · 3 to do",
    /* Headings, as written */
    "Alpha <Track> & Co", "Beta Track",
    "The first track, with <i>markup</i> that must print as written.",
    "Phase 1 · Basics & <Co>", "Phase 2 · Advanced", "Phase 3 · Empty Phase",
    "Months 1–2", "Months 3–4", "Month 5", "No skills in this phase.",
    /* Dates */
    "5 Jan 2026", "1 Feb 2026",
    /* Notes */
    "Finished the <i>markup</i> chapter &amp; all exercises.",
    "Line one of the note.", "Line two is still going.",
    "Notes with accents: déjà vu.", "笔记：学习中文。",
    /* Running header, footer */
    "Roadmap Progress Report", "Page 1 of ",
  };
  g_autoptr(RoadmapReport) report = report_for (fixture->catalog, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *second = NULL;
  g_autofree char *n_pages = NULL;

  if (skip_without_poppler ())
    return;

  g_assert_true (export (report, fixture->path, &error));
  g_assert_no_error (error);
  text = pdf_text (fixture->path);

  /* Every skill title, on its row with its status */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *line = NULL;

      if (!have_font_for (g_utf8_get_char (rows[i].title)))
        {
          g_test_message ("no font for “%s”: not read back", rows[i].title);
          continue;
        }

      line = line_with (text, rows[i].title);

      if (line == NULL)
        g_error ("“%s” is not in the report:\n%s", rows[i].title, text);
      if (strstr (line, rows[i].status) == NULL)
        g_error ("“%s” is not shown as %s: “%s”", rows[i].title, rows[i].status, line);
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      if (!have_font_for (g_utf8_get_char (expected[i])))
        continue;
      if (strstr (text, expected[i]) == NULL)
        g_error ("“%s” is not in the report:\n%s", expected[i], text);
    }

  /* Started and finished dates on the rows that have them */
  second = line_with (text, "Second Skill");
  g_assert_nonnull (strstr (second, "5 Jan 2026"));
  /* Only the hands-on item is marked */
  g_assert_null (strstr (second, "Hands-on"));
  g_assert_null (strstr (second, "1 Feb 2026"));

  /* A note of white space is no note; markup was not interpreted anywhere */
  g_assert_null (strstr (text, "Bold & Co\n"));
  g_assert_null (strstr (text, "&amp;amp;"));

  n_pages = g_strdup_printf ("Page %u of %u", roadmap_report_get_n_pages (report),
                             roadmap_report_get_n_pages (report));
  g_assert_nonnull (strstr (text, n_pages));
}

/* Scripts Pango shapes: the fonts used are embedded and the CJK and Arabic
 * text is there (pdftotext gives Arabic back in its own order, so only the
 * CJK is compared letter for letter, above). */
static void
test_scripts (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RoadmapReport) report = report_for (fixture->catalog, "beta");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *arabic_row = NULL;
  const char *fonts_argv[] = { "pdffonts", fixture->path, NULL };
  g_autofree char *fonts = NULL;

  if (skip_without_poppler ())
    return;

  g_assert_true (export (report, fixture->path, &error));
  g_assert_no_error (error);
  text = pdf_text (fixture->path);

  g_assert_nonnull (strstr (text, "Élan vital: Größe, niño"));
  if (have_font_for (0x4E2D))
    g_assert_nonnull (strstr (text, "中文技能"));
  else
    g_test_message ("no CJK font installed (fonts-droid-fallback, fonts-noto-cjk): not read back");

  if (!have_font_for (0x0645))
    {
      g_test_message ("no Arabic font installed: not read back");
      return;
    }

  /* The Arabic row is there, with its status, in Arabic letters */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && arabic_row == NULL; i++)
    {
      for (const char *p = lines[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_ARABIC)
            {
              arabic_row = lines[i];
              break;
            }
        }
    }
  g_assert_nonnull (arabic_row);
  g_assert_nonnull (strstr (arabic_row, "To-do"));

  /* Every font embedded (a subset), none missing */
  if (have_tool ("pdffonts"))
    {
      g_auto(GStrv) font_lines = NULL;

      fonts = run_tool (fonts_argv);
      font_lines = g_strsplit (fonts, "\n", -1);
      for (guint i = 2; font_lines[i] != NULL && font_lines[i][0] != '\0'; i++)
        g_assert_nonnull (strstr (font_lines[i], " yes "));
    }
}

/* Text from elsewhere (a database an older Roadmap imported into, later
 * a sync) may hold noncharacters, which the loader and the note command
 * refuse and cairo cannot draw: the report draws U+FFFD in their place,
 * in the pages, the outline and the document's title. The model here is
 * made directly, past those checks. */
static void
test_noncharacters (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const expected[] = {
    "Odd \xef\xbf\xbd Track", "Phase 1 \xc2\xb7 Phase \xef\xbf\xbd one", "Summary \xef\xbf\xbd end",
    "Skill \xef\xbf\xbd title", "Note \xef\xbf\xbd with a noncharacter",
  };
  g_autoptr(RoadmapCatalog) catalog = roadmap_catalog_new ();
  g_autoptr(RoadmapTrack) track = roadmap_track_new ("odd", "Odd \xef\xbf\xbe Track");
  RoadmapPhase *phase = roadmap_phase_new ("p", "Phase \xef\xb7\x90 one", 1, 1);
  g_autoptr(RoadmapReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  if (skip_without_poppler ())
    return;

  roadmap_track_set_summary (track, "Summary \xf4\x8f\xbf\xbf end");
  add_skill (phase, "s", "Skill \xf0\x9f\xbf\xbe title", ROADMAP_STATUS_DONE,
             "Note \xef\xbf\xbf with a noncharacter");
  add_phase (track, phase);
  add_track (catalog, track);
  report = report_for (catalog, "odd");

  g_assert_true (export (report, fixture->path, &error));
  g_assert_no_error (error);

  text = pdf_text (fixture->path);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      /* Fonts permitting: without a glyph for U+FFFD, Pango draws a box */
      if (strstr (text, expected[i]) == NULL && have_font_for (0xFFFD))
        g_error ("“%s” is not in the PDF's text:\n%s", expected[i], text);
    }
  g_assert_nonnull (strstr (text, "Skill"));
  g_assert_nonnull (strstr (text, "with a noncharacter"));

  title = pdf_info (fixture->path, "Title");
  g_assert_cmpstr (title, ==, "Roadmap Progress Report: Odd \xef\xbf\xbd Track");
}

/* Tests: long words */

/* One track, one phase, one skill with @note */
static RoadmapCatalog *
note_catalog (const char *note)
{
  RoadmapCatalog *catalog = roadmap_catalog_new ();
  g_autoptr(RoadmapTrack) track = roadmap_track_new ("notes", "Notes");
  RoadmapPhase *phase = roadmap_phase_new ("p", "Phase", 1, 1);

  add_skill (phase, "s", "Noted Skill", ROADMAP_STATUS_DOING, note);
  add_phase (track, phase);
  add_track (catalog, track);

  return catalog;
}

/* "00000a00001a00002a…", @n_chars long: numbered, so that a lost, doubled
 * or misplaced piece shows; with no break opportunity anywhere (digits
 * and letters hold together). */
static char *
unbroken_word (guint n_chars)
{
  GString *text = g_string_sized_new (n_chars + 8);

  for (guint i = 0; text->len < n_chars; i++)
    g_string_append_printf (text, "%05ua", i);
  g_string_truncate (text, n_chars);

  return g_string_free (text, FALSE);
}

/* The lines of pdftotext's @text made of small letters, digits and
 * combining marks only (a note's lines: every other text of the page has
 * a space, a capital or a sign), stripped and joined. */
static char *
join_word_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      gboolean word = line[0] != '\0';

      for (const char *p = line; *p != '\0' && word; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          word = (c < 0x80 && (g_ascii_isdigit (c) || g_ascii_islower (c))) || g_unichar_ismark (c);
        }
      if (word)
        g_string_append (joined, line);
    }

  return g_string_free (joined, FALSE);
}

/* Exports @report to @path and reads its text back: laid out as on the
 * page, or @raw, in the order it was drawn (pdftotext -raw) */
static char *
export_text (RoadmapReport *report,
             const char    *path,
             gboolean       raw)
{
  const char *argv[] = { "pdftotext", raw ? "-raw" : "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (export (report, path, &error));
  g_assert_no_error (error);

  return run_tool (argv);
}

/* Fails at the first difference, quoting a little of both sides (the
 * texts are too long to be printed whole). */
static void
assert_same_text (const char *text,
                  const char *expected)
{
  size_t i = 0;

  while (text[i] != '\0' && text[i] == expected[i])
    i++;
  if (text[i] != expected[i])
    g_error ("the text differs at byte %zu of %zu: “%.40s” for “%.40s”",
             i, strlen (expected), text + i, expected + i);
}

static gboolean
has_char (const char *text,
          gunichar    c)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_utf8_get_char (p) == c)
        return TRUE;
    }
  return FALSE;
}

/* A note of 100,000 characters with no space is printed whole: every
 * character, in order, over its pages; only line breaks are added. */
static void
test_long_word (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *note = unbroken_word (MAX_NOTE_CHARS);
  g_autoptr(RoadmapCatalog) catalog = note_catalog (note);
  g_autoptr(RoadmapReport) report = report_for (catalog, NULL);
  g_autofree char *text = NULL;
  g_autofree char *joined = NULL;

  if (skip_without_poppler ())
    return;

  text = export_text (report, fixture->path, FALSE);
  g_assert_cmpuint (roadmap_report_get_n_pages (report), >, 10);
  g_assert_false (has_char (text, ZERO_WIDTH_SPACE));
  joined = join_word_lines (text);
  g_assert_true (g_str_has_prefix (joined, "00000a00001a"));
  g_assert_true (g_str_has_suffix (joined, "16665a1666"));
  assert_same_text (joined, note);
}

static guint
count_char (const char *text,
            gunichar    c)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) == c;
  return n;
}

/* Letters under a pile of combining marks, 100,000 characters with no
 * space: printed whole, no mark lost (pdftotext gives marks back out of
 * order, as it does in any PDF, so they are counted). A run of 100,000
 * marks on one letter is one grapheme cluster, never cut: printed with
 * what follows it (pdftotext drops the glyphs that pile up past the
 * page's edge, so the marks cannot be counted there). */
static void
test_combining_marks (Fixture       *fixture,
                      gconstpointer  data)
{
  static const gunichar piled_marks[] = { 0x0316, 0x0301, 0x0302 };
  g_autoptr(RoadmapCatalog) catalog = NULL;
  g_autoptr(RoadmapReport) report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  GString *piled = g_string_new (NULL);
  GString *marks = g_string_new ("x");

  if (skip_without_poppler ())
    return;

  for (guint i = 0; i < MAX_NOTE_CHARS / 4; i++)
    {
      g_string_append_c (piled, 'a' + i % 26);
      for (guint m = 0; m < G_N_ELEMENTS (piled_marks); m++)
        g_string_append_unichar (piled, piled_marks[m]);
    }
  note = g_string_free (piled, FALSE);
  catalog = note_catalog (note);
  report = report_for (catalog, NULL);

  text = export_text (report, fixture->path, TRUE);
  g_assert_false (has_char (text, ZERO_WIDTH_SPACE));
  for (guint m = 0; m < G_N_ELEMENTS (piled_marks); m++)
    g_assert_cmpuint (count_char (text, piled_marks[m]), ==, MAX_NOTE_CHARS / 4);

  g_clear_object (&report);
  g_clear_object (&catalog);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&note, g_free);
  for (guint i = 1; i < MAX_NOTE_CHARS - 6; i++)
    g_string_append_unichar (marks, 0x0300 + i % 0x70);
  g_string_append (marks, " after");
  note = g_string_free (marks, FALSE);
  catalog = note_catalog (note);
  report = report_for (catalog, NULL);

  text = export_text (report, fixture->path, TRUE);
  g_assert_false (has_char (text, ZERO_WIDTH_SPACE));
  g_assert_cmpuint (count_char (text, 0x0301), >, 0);
  g_assert_nonnull (strstr (text, "after\n"));
}

/* What Pango is given: ordinary text as it is, the same pointer; a word
 * longer than a line with breaks between its grapheme clusters. */
static void
test_break_ordinary (void)
{
  g_autofree char *paragraph = words (20000, 3);
  g_autofree char *cjk = NULL;
  g_autofree char *max_word = g_strnfill (265, 'm');
  const char *texts[] = {
    "", "Short note.", "Notes with accents: déjà vu.", "笔记：学习中文。",
    "https://example.com/a/rather/long/path/to/some/resource?with=query&and=more#fragment",
    NULL, NULL, NULL,
  };
  GString *ideographs = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    g_string_append_unichar (ideographs, 0x4E00 + i);
  cjk = g_string_free (ideographs, FALSE);
  texts[5] = paragraph;
  texts[6] = cjk;
  texts[7] = max_word;
  g_assert_cmpuint (strlen (paragraph), >=, MAX_NOTE_CHARS);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *copy = NULL;

      /* 265 clusters: the most a note's line could hold, at a fifth of
       * an em each */
      g_assert_true (report_style_prepare_text (REPORT_FONT_NOTE, texts[i], 477, &copy) == texts[i]);
      g_assert_null (copy);
    }
}

/* Removes the zero width spaces @broken has and @text had not, checking
 * that each stands at a grapheme boundary of @text; returns how many
 * clusters the longest piece before one has (since the last break). */
static guint
check_breaks (const char *text,
              const char *broken)
{
  int n_chars = (int) g_utf8_strlen (text, -1);
  g_autofree PangoLogAttr *attrs = g_new (PangoLogAttr, n_chars + 1);
  GString *removed = g_string_new (NULL);
  guint piece = 0, longest = 0;
  int i = 0;

  pango_get_log_attrs (text, (int) strlen (text), -1, pango_language_get_default (),
                       attrs, n_chars + 1);
  for (const char *p = broken; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_utf8_get_char (p) == ZERO_WIDTH_SPACE)
        {
          g_assert_true (attrs[i].is_cursor_position);
          longest = MAX (longest, piece);
          piece = 0;
          continue;
        }
      if (attrs[i].is_line_break)
        piece = 0;
      if (attrs[i].is_cursor_position)
        piece++;
      g_string_append_len (removed, p, g_utf8_next_char (p) - p);
      i++;
    }

  g_assert_cmpstr (removed->str, ==, text);
  g_string_free (removed, TRUE);

  return longest;
}

static void
test_break_long_words (void)
{
  GString *accented = g_string_new ("Before ");
  GString *devanagari = g_string_new (NULL);
  GString *marks = g_string_new ("x");
  g_autofree char *word = unbroken_word (2000);
  g_autofree char *text = NULL;
  g_autofree char *copy = NULL;
  const char *broken;

  /* Letters and digits: pieces of four, all of it there */
  broken = report_text_break_long_runs (word, 265, &copy);
  g_assert_true (broken == copy);
  g_assert_cmpuint (check_breaks (word, broken), ==, 4);
  g_clear_pointer (&copy, g_free);

  /* A letter and a mark: never between the two; words around unchanged */
  for (guint i = 0; i < 1000; i++)
    {
      g_string_append_c (accented, 'a' + i % 26);
      g_string_append_unichar (accented, 0x0301);
    }
  g_string_append (accented, " after");
  text = g_string_free (accented, FALSE);
  broken = report_text_break_long_runs (text, 265, &copy);
  g_assert_cmpuint (check_breaks (text, broken), ==, 4);
  g_assert_true (g_str_has_prefix (broken, "Before a\xcc\x81" "b"));
  g_assert_true (g_str_has_suffix (broken, " after"));
  g_clear_pointer (&copy, g_free);
  g_clear_pointer (&text, g_free);

  /* क्ष (ka, virama, ssa) repeated: never right after the virama, which
   * would undo the conjunct */
  for (guint i = 0; i < 500; i++)
    g_string_append (devanagari, "\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7");
  text = g_string_free (devanagari, FALSE);
  broken = report_text_break_long_runs (text, 265, &copy);
  g_assert_true (broken == copy);
  check_breaks (text, broken);
  g_assert_null (strstr (broken, "\xe0\xa5\x8d\xe2\x80\x8b"));
  g_clear_pointer (&copy, g_free);
  g_clear_pointer (&text, g_free);

  /* A run of marks is one cluster: nothing to break */
  for (guint i = 1; i < 5000; i++)
    g_string_append_unichar (marks, 0x0300 + i % 0x70);
  text = g_string_free (marks, FALSE);
  g_assert_true (report_text_break_long_runs (text, 265, &copy) == text);
  g_assert_null (copy);

  /* One cluster more than a line can hold */
  g_clear_pointer (&text, g_free);
  text = g_strnfill (266, 'm');
  g_assert_true (report_style_prepare_text (REPORT_FONT_NOTE, text, 477, &copy) == copy);
  g_assert_nonnull (copy);
}

static void
test_info (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(RoadmapReport) report = report_for (fixture->catalog, NULL);
  g_autoptr(RoadmapReport) one = report_for (fixture->catalog, "alpha");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *created = NULL;
  g_autofree char *size = NULL;

  if (skip_without_poppler ())
    return;

  g_assert_true (export (report, fixture->path, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (roadmap_report_get_n_pages (report), >=, 3);
  g_assert_cmpuint (pdf_n_pages (fixture->path), ==, roadmap_report_get_n_pages (report));
  title = pdf_info (fixture->path, "Title");
  g_assert_cmpstr (title, ==, "Roadmap Progress Report");
  creator = pdf_info (fixture->path, "Creator");
  g_assert_cmpstr (creator, ==, PACKAGE_NAME " " PACKAGE_VERSION);
  created = pdf_info (fixture->path, "CreationDate");
  g_assert_nonnull (created);
  g_assert_nonnull (strstr (created, "2026"));
  size = pdf_info (fixture->path, "Page size");
  g_assert_nonnull (strstr (size, "(A4)"));

  /* One track: its name in the title, and only its pages */
  g_assert_true (export (one, fixture->path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&title, g_free);
  title = pdf_info (fixture->path, "Title");
  g_assert_cmpstr (title, ==, "Roadmap Progress Report: Alpha <Track> & Co");
  g_assert_cmpuint (pdf_n_pages (fixture->path), ==, roadmap_report_get_n_pages (one));
  g_assert_cmpuint (roadmap_report_get_n_pages (one), <, roadmap_report_get_n_pages (report));
}

static void
test_outline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RoadmapReport) report = report_for (fixture->catalog, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *outline = NULL;
  const RoadmapReportOutlineEntry *entries;
  guint n_entries;

  g_assert_true (export (report, fixture->path, &error));
  g_assert_no_error (error);

  outline = pdf_outline (fixture->path);
  g_assert_cmpstr (outline, ==,
                   "Alpha <Track> & Co\n"
                   "  Phase 1 · Basics & <Co>\n"
                   "  Phase 2 · Advanced\n"
                   "  Phase 3 · Empty Phase\n"
                   "Beta Track\n"
                   "  Phase 1 · Only\n");

  /* Each bookmark points at the page its heading is on */
  entries = roadmap_report_get_outline (report, &n_entries);
  g_assert_cmpuint (n_entries, ==, 6);
  for (guint i = 0; i < n_entries; i++)
    {
      RoadmapReportBoxKind kind = entries[i].level == 0 ? ROADMAP_REPORT_BOX_TRACK_HEADING
                                                        : ROADMAP_REPORT_BOX_PHASE_HEADING;
      const RoadmapReportBox *boxes;
      gboolean found = FALSE;
      guint n_boxes;

      boxes = roadmap_report_get_boxes (report, entries[i].page, &n_boxes);
      for (guint b = 0; b < n_boxes; b++)
        found |= boxes[b].kind == kind && G_APPROX_VALUE (boxes[b].y, entries[i].y, 0.01);
      g_assert_true (found);
    }
}

static void
test_letter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RoadmapReport) report = report_for (fixture->catalog, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  RoadmapReportPaper paper;

  g_assert_true (roadmap_report_paper_from_string ("letter", &paper));
  g_assert_cmpint (paper, ==, ROADMAP_REPORT_PAPER_LETTER);
  g_assert_true (roadmap_report_paper_from_string ("A4", &paper));
  g_assert_cmpint (paper, ==, ROADMAP_REPORT_PAPER_A4);
  g_assert_false (roadmap_report_paper_from_string ("legal", &paper));

  if (skip_without_poppler ())
    return;

  roadmap_report_set_paper (report, ROADMAP_REPORT_PAPER_LETTER);
  g_assert_true (export (report, fixture->path, &error));
  g_assert_no_error (error);
  size = pdf_info (fixture->path, "Page size");
  g_assert_cmpstr (size, ==, "612 x 792 pts (letter)");
}

/* The paper follows LC_PAPER, where the system has such locales. */
static void
test_paper_locale (void)
{
  static const char * const letter_locales[] = { "en_US.UTF-8", "en_US.utf8", "en_CA.UTF-8", NULL };
  static const char * const a4_locales[] = { "de_DE.UTF-8", "en_GB.UTF-8", "fr_FR.UTF-8", NULL };
  const char *letter = NULL, *a4 = NULL;

  for (guint i = 0; letter == NULL && letter_locales[i] != NULL; i++)
    {
      locale_t locale = newlocale (LC_PAPER_MASK, letter_locales[i], (locale_t) 0);

      if (locale != (locale_t) 0)
        {
          letter = letter_locales[i];
          freelocale (locale);
        }
    }
  for (guint i = 0; a4 == NULL && a4_locales[i] != NULL; i++)
    {
      locale_t locale = newlocale (LC_PAPER_MASK, a4_locales[i], (locale_t) 0);

      if (locale != (locale_t) 0)
        {
          a4 = a4_locales[i];
          freelocale (locale);
        }
    }

  /* The C locale (of the tests) is A4 */
  g_assert_cmpint (roadmap_report_paper_get_default (), ==, ROADMAP_REPORT_PAPER_A4);

  if (letter == NULL)
    {
      g_test_skip ("no US locale is installed to check that its paper is US Letter");
      return;
    }

  g_setenv ("LC_PAPER", letter, TRUE);
  g_unsetenv ("LC_ALL");
  g_assert_cmpint (roadmap_report_paper_get_default (), ==, ROADMAP_REPORT_PAPER_LETTER);
  if (a4 != NULL)
    {
      g_setenv ("LC_PAPER", a4, TRUE);
      g_assert_cmpint (roadmap_report_paper_get_default (), ==, ROADMAP_REPORT_PAPER_A4);
    }
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LC_PAPER");
}

/* The snapshot does not follow later changes to the model. */
static void
test_snapshot (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RoadmapReportSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  RoadmapSkill *skill = roadmap_catalog_find_skill (fixture->catalog, "alpha", "third");

  snapshot = roadmap_report_snapshot_new (fixture->catalog, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshot->n_tracks, ==, 2);
  g_assert_cmpuint (snapshot->n_skills, ==, 8);
  g_assert_cmpuint (snapshot->counts.n_with_status[ROADMAP_STATUS_DONE], ==, 3);
  g_assert_cmpuint (snapshot->counts.n_with_status[ROADMAP_STATUS_DOING], ==, 2);
  g_assert_cmpuint (snapshot->tracks[0].phases[0].counts.n_with_status[ROADMAP_STATUS_DONE], ==, 1);
  g_assert_cmpstr (snapshot->tracks[0].phases[0].skills[2].title, ==, "Third Skill");
  g_assert_null (snapshot->tracks[0].phases[1].skills[1].note);  /* white space only */

  roadmap_skill_apply_progress (skill, ROADMAP_STATUS_DONE, 0, NULL, NULL);
  roadmap_skill_apply_note (skill, "Changed afterwards");
  g_assert_cmpint (snapshot->tracks[0].phases[0].skills[2].status, ==, ROADMAP_STATUS_TODO);
  g_assert_null (snapshot->tracks[0].phases[0].skills[2].note);
  g_assert_cmpuint (snapshot->counts.n_with_status[ROADMAP_STATUS_DONE], ==, 3);

  g_clear_pointer (&snapshot, roadmap_report_snapshot_unref);
  snapshot = roadmap_report_snapshot_new (fixture->catalog, "nope", &error);
  g_assert_error (error, ROADMAP_REPORT_ERROR, ROADMAP_REPORT_ERROR_UNKNOWN_TRACK);
  g_assert_null (snapshot);
}

/* The same renderer draws on any cairo_t: here a recording surface. */
static gboolean
count_page (RoadmapReport  *report,
            cairo_t        *cr,
            guint           page,
            gpointer        user_data,
            GError        **error)
{
  guint *pages = user_data;

  g_assert_cmpuint (page, ==, *pages);
  (*pages)++;
  return TRUE;
}

static void
test_any_cairo (Fixture       *fixture,
                gconstpointer  data)
{
  static const RoadmapReportPageFuncs funcs = { .end_page = count_page };
  g_autoptr(RoadmapReport) report = report_for (fixture->catalog, NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_rectangle_t extents;
  guint pages = 0;
  cairo_t *cr;

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  g_assert_true (roadmap_report_render (report, cr, &funcs, &pages, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, roadmap_report_get_n_pages (report));

  /* Something was drawn, within the page */
  cairo_recording_surface_ink_extents (surface, &extents.x, &extents.y,
                                       &extents.width, &extents.height);
  g_assert_cmpfloat (extents.width, >, 100);
  g_assert_cmpfloat (extents.y + extents.height, <=, 842);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Tests: pagination */

typedef struct
{
  double x0, y0, x1, y1;
  char *text;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

static double
attribute (const char *element,
           const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *at = strstr (element, key);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

/*
 * Reads `pdftotext -bbox` and fails if two words of a page overlap or a
 * word runs off its page: text drawn over text, or cut at the page edge.
 */
static void
assert_no_overlapping_text (const char *path,
                            double      page_width,
                            double      page_height)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *html = run_tool (argv);
  g_auto(GStrv) pages = g_strsplit (html, "<page ", -1);
  guint n_words = 0;

  for (guint p = 1; pages[p] != NULL; p++)
    {
      g_autoptr(GArray) words_on_page = g_array_new (FALSE, FALSE, sizeof (Word));
      const char *at = pages[p];

      g_array_set_clear_func (words_on_page, word_clear);
      while ((at = strstr (at, "<word ")) != NULL)
        {
          const char *end = strchr (at, '>');
          const char *close = strstr (at, "</word>");
          Word word = {
            .x0 = attribute (at, "xMin"),
            .y0 = attribute (at, "yMin"),
            .x1 = attribute (at, "xMax"),
            .y1 = attribute (at, "yMax"),
            .text = g_strndup (end + 1, close - end - 1),
          };

          g_array_append_val (words_on_page, word);
          at = close;
        }

      for (guint i = 0; i < words_on_page->len; i++)
        {
          Word *a = &g_array_index (words_on_page, Word, i);

          if (a->x0 < 0 || a->y0 < 0 || a->x1 > page_width || a->y1 > page_height)
            g_error ("page %u: “%s” runs off the page", p, a->text);

          for (guint j = i + 1; j < words_on_page->len; j++)
            {
              Word *b = &g_array_index (words_on_page, Word, j);
              /* poppler's word boxes span the font's whole ascent and
               * descent: lines set solid touch; more than 2 pt is text
               * drawn over text */
              double overlap_x = MIN (a->x1, b->x1) - MAX (a->x0, b->x0);
              double overlap_y = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);

              if (overlap_x > 0.5 && overlap_y > 2.0)
                g_error ("page %u: “%s” (%.1f,%.1f–%.1f,%.1f) overlaps “%s” (%.1f,%.1f–%.1f,%.1f)",
                         p, a->text, a->x0, a->y0, a->x1, a->y1,
                         b->text, b->x0, b->y0, b->x1, b->y1);
            }
        }
      n_words += words_on_page->len;
    }

  g_assert_cmpuint (n_words, >, 10000);
}

/*
 * The renderer's own record of the pages: every box inside the content
 * area, none overlapping, every skill's row placed once and whole, every
 * note line placed once and in order, no phase heading left without its
 * first row, a table going on over a page repeating its header.
 */
static void
assert_pagination (RoadmapReport *report)
{
  RoadmapReportSnapshot *snapshot = roadmap_report_get_snapshot (report);
  g_autoptr(GHashTable) rows = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) note_lines = g_hash_table_new (g_direct_hash, g_direct_equal);
  double top, bottom;
  guint n_pages = roadmap_report_get_n_pages (report);
  guint split_notes = 0, continued_tables = 0;

  roadmap_report_get_content_area (report, &top, &bottom);

  for (guint page = 0; page < n_pages; page++)
    {
      const RoadmapReportBox *boxes;
      guint n_boxes;

      boxes = roadmap_report_get_boxes (report, page, &n_boxes);
      g_assert_cmpuint (n_boxes, >, 0);

      for (guint i = 0; i < n_boxes; i++)
        {
          const RoadmapReportBox *box = &boxes[i];
          /* A key for (track, phase, skill) */
          gpointer key = GUINT_TO_POINTER ((box->track * 1000 + box->phase) * 10000 + box->skill + 1);

          g_assert_cmpfloat (box->height, >, 0);
          g_assert_cmpfloat (box->y, >=, top - 0.001);
          if (box->y + box->height > bottom + 0.001)
            g_error ("page %u: box %u (kind %d) ends at %.2f, below the content area (%.2f)",
                     page, i, box->kind, box->y + box->height, bottom);
          if (i > 0)
            g_assert_cmpfloat (boxes[i - 1].y + boxes[i - 1].height, <=, box->y + 0.001);

          switch (box->kind)
            {
            case ROADMAP_REPORT_BOX_SKILL_ROW:
              g_assert_false (g_hash_table_contains (rows, key));
              g_hash_table_add (rows, key);
              break;

            case ROADMAP_REPORT_BOX_NOTE:
              {
                const RoadmapReportSkill *skill =
                  &snapshot->tracks[box->track].phases[box->phase].skills[box->skill];
                guint done = GPOINTER_TO_UINT (g_hash_table_lookup (note_lines, key));

                g_assert_nonnull (skill->note);
                /* Its row is placed already; its lines follow on, in order */
                g_assert_true (g_hash_table_contains (rows, key));
                g_assert_cmpuint (box->first_line, ==, done);
                g_assert_cmpuint (box->n_lines, >, 0);
                g_hash_table_insert (note_lines, key, GUINT_TO_POINTER (done + box->n_lines));
                if (box->first_line > 0)
                  {
                    split_notes++;
                    /* At the top of its page, under "… (continued)" */
                    g_assert_cmpuint (i, ==, 3);
                    g_assert_cmpint (boxes[i - 1].kind, ==, ROADMAP_REPORT_BOX_CONTINUED);
                    g_assert_cmpuint (boxes[i - 1].skill, ==, box->skill);
                  }
                else
                  {
                    /* Right under its row */
                    g_assert_cmpint (boxes[i - 1].kind, ==, ROADMAP_REPORT_BOX_SKILL_ROW);
                    g_assert_cmpuint (boxes[i - 1].skill, ==, box->skill);
                  }
              }
              break;

            case ROADMAP_REPORT_BOX_PHASE_HEADING:
              /* Never alone: its table header and first row follow */
              g_assert_cmpuint (i + 2, <, n_boxes);
              g_assert_cmpint (boxes[i + 1].kind, ==, ROADMAP_REPORT_BOX_TABLE_HEADER);
              g_assert_cmpint (boxes[i + 2].kind, ==, ROADMAP_REPORT_BOX_SKILL_ROW);
              break;

            case ROADMAP_REPORT_BOX_TABLE_HEADER:
              g_assert_cmpuint (i + 1, <, n_boxes);
              break;

            case ROADMAP_REPORT_BOX_CONTINUED:
              /* A table going on: at the top, then its header again */
              if (box->skill == G_MAXUINT)
                {
                  continued_tables++;
                  g_assert_cmpuint (i, ==, 0);
                  g_assert_cmpint (boxes[i + 1].kind, ==, ROADMAP_REPORT_BOX_TABLE_HEADER);
                }
              break;

            default:
              break;
            }
        }
    }

  /* Every row once; every note whole */
  g_assert_cmpuint (g_hash_table_size (rows), ==, snapshot->n_skills);
  for (guint t = 0; t < snapshot->n_tracks; t++)
    for (guint p = 0; p < snapshot->tracks[t].n_phases; p++)
      for (guint s = 0; s < snapshot->tracks[t].phases[p].n_skills; s++)
        {
          gpointer key = GUINT_TO_POINTER ((t * 1000 + p) * 10000 + s + 1);
          guint placed = GPOINTER_TO_UINT (g_hash_table_lookup (note_lines, key));

          if (snapshot->tracks[t].phases[p].skills[s].note != NULL)
            g_assert_cmpuint (placed, >, 0);
          else
            g_assert_cmpuint (placed, ==, 0);
        }

  g_assert_cmpuint (split_notes, >, 0);
  g_assert_cmpuint (continued_tables, >, 10);
}

static void
save_page_png (const char *pdf,
               guint       page,
               const char *dir,
               const char *name)
{
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  g_autofree char *prefix = g_build_filename (dir, name, NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-singlefile",
                         "-f", number, "-l", number, pdf, prefix, NULL };
  g_autofree char *out = run_tool (argv);
}

static void
test_pagination (void)
{
  g_autoptr(RoadmapCatalog) catalog = big_catalog ();
  g_autoptr(RoadmapReport) report = report_for (catalog, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "big.pdf", NULL);
  g_autofree char *png_prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *text = NULL;
  const char *render_argv[] = { "pdftoppm", "-png", "-r", "40", path, png_prefix, NULL };
  g_autofree char *out = NULL;
  g_autofree char *listing = NULL;
  g_auto(GStrv) pngs = NULL;
  const char *builddir = g_test_get_dir (G_TEST_BUILT);
  guint n_pages, long_note_page = 0;

  g_assert_true (export (report, path, &error));
  g_assert_no_error (error);
  n_pages = roadmap_report_get_n_pages (report);
  g_test_message ("1,000 skills: %u pages", n_pages);

  assert_pagination (report);

  if (skip_without_poppler ())
    {
      store_test_remove_dir (dir);
      return;
    }

  g_assert_cmpuint (pdf_n_pages (path), ==, n_pages);

  /* Every page renders */
  out = run_tool (render_argv);
  listing = list_dir (dir);
  pngs = g_strsplit (listing, " ", -1);
  g_assert_cmpuint (g_strv_length (pngs), ==, n_pages + 1);  /* and big.pdf */

  assert_no_overlapping_text (path, 595.28, 841.89);

  /* Every title and every line of the long note, in order */
  text = pdf_text (path);
  for (guint n = 0; n < N_BIG_TRACKS * N_BIG_PHASES * N_BIG_SKILLS_PER_PHASE; n++)
    {
      g_autofree char *title = g_strdup_printf ("Skill %04u ", n);

      g_assert_nonnull (strstr (text, title));
    }
  for (guint line = 0, at = 0; line < LONG_NOTE_LINES; line++)
    {
      g_autofree char *needle = g_strdup_printf ("Long note line %03u", line);
      const char *found = strstr (text + at, needle);

      g_assert_nonnull (found);
      at = found - text;
    }

  /* Pages to look at, kept in the build folder */
  for (guint page = 0; page < n_pages && long_note_page == 0; page++)
    {
      const RoadmapReportBox *boxes;
      guint n_boxes;

      boxes = roadmap_report_get_boxes (report, page, &n_boxes);
      for (guint i = 0; i < n_boxes; i++)
        if (boxes[i].kind == ROADMAP_REPORT_BOX_NOTE && boxes[i].first_line > 0)
          long_note_page = page;
    }
  save_page_png (path, 0, builddir, "report-cover");
  save_page_png (path, 1, builddir, "report-track");
  save_page_png (path, long_note_page - 1, builddir, "report-long-note-1");
  save_page_png (path, long_note_page, builddir, "report-long-note-2");

  store_test_remove_dir (dir);
}

/* A page of any size (a printer's paper, landscape) is laid out for that
 * size: every block within its content area, nothing off the page, and
 * the PDF's pages that size. A page smaller than the minimum is fitted. */
static void
test_page_size (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct { double width, height; } sizes[] = {
    { 841.89, 595.28 },                                              /* A4 landscape */
    { ROADMAP_REPORT_MIN_PAGE_WIDTH, ROADMAP_REPORT_MIN_PAGE_HEIGHT },
    { 1008.0, 612.0 },                                               /* Legal landscape */
  };
  g_autoptr(RoadmapCatalog) big = big_catalog ();
  double fit_width, fit_height, scale;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(RoadmapReport) report = report_for (big, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *size = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *text = NULL;
      double width, height;

      roadmap_report_set_page_size (report, sizes[i].width, sizes[i].height);
      roadmap_report_get_page_size (report, &width, &height);
      g_assert_cmpfloat (width, ==, sizes[i].width);
      g_assert_cmpfloat (height, ==, sizes[i].height);
      g_assert_true (export (report, fixture->path, &error));
      g_assert_no_error (error);

      /* The pagination's rules hold at this size, for 1,000 skills */
      assert_pagination (report);
      for (guint page = 0; page < roadmap_report_get_n_pages (report); page++)
        {
          const RoadmapReportBox *boxes;
          guint n_boxes;

          boxes = roadmap_report_get_boxes (report, page, &n_boxes);
          for (guint b = 0; b < n_boxes; b++)
            {
              g_assert_cmpfloat (boxes[b].x, >, 0);
              g_assert_cmpfloat (boxes[b].x + boxes[b].width, <, width);
            }
        }

      if (skip_without_poppler ())
        continue;

      /* The PDF's pages are that size, with nothing off them */
      size = pdf_info (fixture->path, "Page size");
      expected = g_strdup_printf ("%g x %g pts", sizes[i].width, sizes[i].height);
      g_assert_true (g_str_has_prefix (size, expected));
      g_assert_cmpuint (pdf_n_pages (fixture->path), ==, roadmap_report_get_n_pages (report));
      assert_no_overlapping_text (fixture->path, width, height);
      text = pdf_text (fixture->path);
      g_assert_nonnull (strstr (text, "Skill 0999 "));
      g_test_message ("%g × %g pt: %u pages", width, height, roadmap_report_get_n_pages (report));
    }

  /* A5 fits as it is; A6 and a narrow strip are laid out larger, same shape */
  scale = roadmap_report_fit_page_size (419.53, 595.28, &fit_width, &fit_height);
  g_assert_cmpfloat (scale, ==, 1.0);
  g_assert_cmpfloat (fit_width, ==, 419.53);
  g_assert_cmpfloat (fit_height, ==, 595.28);
  scale = roadmap_report_fit_page_size (297.64, 419.53, &fit_width, &fit_height);
  g_assert_cmpfloat (scale, <, 1.0);
  g_assert_cmpfloat (fit_width, >=, ROADMAP_REPORT_MIN_PAGE_WIDTH);
  g_assert_cmpfloat (fit_height, >=, ROADMAP_REPORT_MIN_PAGE_HEIGHT);
  g_assert_cmpfloat (fabs (fit_width * scale - 297.64), <, 0.01);
  g_assert_cmpfloat (fabs (fit_height * scale - 419.53), <, 0.01);
  scale = roadmap_report_fit_page_size (800, 200, &fit_width, &fit_height);
  g_assert_cmpfloat (fabs (fit_width * scale - 800), <, 0.01);
  g_assert_cmpfloat (fit_height, >=, ROADMAP_REPORT_MIN_PAGE_HEIGHT);
}

/* Tests: writing */

static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RoadmapReport) report = report_for (fixture->catalog, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  write_file (fixture->path, "an older report");
  g_assert_true (export (report, fixture->path, &error));
  g_assert_no_error (error);

  contents = read_file (fixture->path);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "report.pdf");
}

/* A link is followed: the file it leads to is replaced, the link stays
 * (replacing /dev/stdout's link with a file would be a disaster). */
static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RoadmapReport) report = report_for (fixture->catalog, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *real = g_build_filename (sub, "real.pdf", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.pdf", NULL);
  g_autofree char *chain = g_build_filename (fixture->dir, "chain.pdf", NULL);
  g_autofree char *dangling = g_build_filename (fixture->dir, "dangling.pdf", NULL);
  g_autofree char *created = g_build_filename (sub, "new.pdf", NULL);
  g_autofree char *folder_link = g_build_filename (fixture->dir, "folder-link", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *sub_listing = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  write_file (real, "an older report");
  g_assert_cmpint (symlink ("sub/real.pdf", link), ==, 0);     /* relative */
  g_assert_cmpint (symlink (link, chain), ==, 0);              /* a link to a link */
  g_assert_cmpint (symlink ("sub/new.pdf", dangling), ==, 0);  /* to nothing yet */
  g_assert_cmpint (symlink (sub, folder_link), ==, 0);

  g_assert_true (export (report, chain, &error));
  g_assert_no_error (error);
  contents = read_file (real);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (chain, G_FILE_TEST_IS_SYMLINK));

  g_assert_true (export (report, dangling, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  g_clear_pointer (&contents, g_free);
  contents = read_file (created);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_false (export (report, folder_link, &error));
  g_assert_error (error, ROADMAP_REPORT_ERROR, ROADMAP_REPORT_ERROR_IS_FOLDER);
  g_assert_true (g_file_test (folder_link, G_FILE_TEST_IS_SYMLINK));

  /* No temporary file anywhere */
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "chain.pdf dangling.pdf folder-link link.pdf sub");
  sub_listing = list_dir (sub);
  g_assert_cmpstr (sub_listing, ==, "new.pdf real.pdf");
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RoadmapReport) report = report_for (fixture->catalog, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }

  g_assert_false (export (report, "/dev/full", &error));
  g_assert_error (error, ROADMAP_REPORT_ERROR, ROADMAP_REPORT_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "/dev/full"));
  g_assert_nonnull (strstr (error->message, "disk is full"));
  /* /dev/full is still the device, not a file put in its place */
  g_assert_false (g_file_test ("/dev/full", G_FILE_TEST_IS_REGULAR));
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RoadmapReport) report = report_for (fixture->catalog, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (folder, "report.pdf", NULL);
  g_autofree char *listing = NULL;

  g_assert_false (export (report, path, &error));
  g_assert_error (error, ROADMAP_REPORT_ERROR, ROADMAP_REPORT_ERROR_NO_FOLDER);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "");

  /* A file where a folder should be */
  g_clear_error (&error);
  write_file (folder, "not a folder");
  g_assert_false (export (report, path, &error));
  g_assert_error (error, ROADMAP_REPORT_ERROR, ROADMAP_REPORT_ERROR_NO_FOLDER);
  g_assert_nonnull (strstr (error->message, "is not a folder"));
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RoadmapReport) report = report_for (fixture->catalog, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *inside = g_build_filename (folder, "keep.txt", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  write_file (inside, "kept");

  g_assert_false (export (report, folder, &error));
  g_assert_error (error, ROADMAP_REPORT_ERROR, ROADMAP_REPORT_ERROR_IS_FOLDER);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_nonnull (strstr (error->message, "folder"));

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "report.pdf");
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  contents = read_file (inside);
  g_assert_cmpstr (contents, ==, "kept");
}

/*
 * A folder the user may not write to. Root may write anywhere, so as root
 * the export runs with the effective ids of nobody (65534), as `setpriv
 * --reuid=65534 --regid=65534` would, and gets root back after.
 */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RoadmapReport) report = report_for (fixture->catalog, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "read-only", NULL);
  g_autofree char *path = g_build_filename (folder, "report.pdf", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  gboolean as_root = geteuid () == 0;
  gboolean ok;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  write_file (path, "an older report");
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);

  if (as_root && (setegid (65534) != 0 || seteuid (65534) != 0))
    {
      g_autofree char *reason = g_strdup_printf ("running as root, and the user ids cannot be dropped to check permissions: %s",
                                                 g_strerror (errno));
      setegid (0);
      g_test_skip (reason);
      return;
    }

  ok = export (report, path, &error);

  if (as_root)
    g_assert_true (seteuid (0) == 0 && setegid (0) == 0);

  g_assert_false (ok);
  g_assert_error (error, ROADMAP_REPORT_ERROR, ROADMAP_REPORT_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "permission"));

  listing = list_dir (folder);
  g_assert_cmpstr (listing, ==, "report.pdf");
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "an older report");
}

/* Writing the temporary file fails half-way (a file size limit: EFBIG,
 * as real as a full disk to the writer): nothing is left, the old file is
 * intact. */
static void
test_write_fails_midway (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RoadmapCatalog) catalog = big_catalog ();
  g_autoptr(RoadmapReport) report = report_for (catalog, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  struct rlimit saved, limit;
  void (*saved_handler) (int);
  gboolean ok;

  write_file (fixture->path, "an older report");

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 64 * 1024;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  ok = export (report, fixture->path, &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_true (error->domain == ROADMAP_REPORT_ERROR);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_test_message ("%s", error->message);

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "report.pdf");
  contents = read_file (fixture->path);
  g_assert_cmpstr (contents, ==, "an older report");
}

static void
count_pages (guint    page,
             guint    n_pages,
             gpointer user_data)
{
  *(guint *) user_data = page;
}

/* A stream that refuses after some bytes: the first error is the one
 * reported, and writing stops there instead of going on for every page. */
static void
test_stream_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RoadmapCatalog) catalog = big_catalog ();
  g_autoptr(RoadmapReport) report = report_for (catalog, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *buffer = g_malloc (20000);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new (buffer, 20000, NULL, NULL);
  guint pages_written = 0;

  g_assert_false (roadmap_report_write_pdf (report, stream, count_pages, &pages_written,
                                            NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (roadmap_report_get_n_pages (report), >, 20);
  g_assert_cmpuint (pages_written, <, 10);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RoadmapReport) report = report_for (fixture->catalog, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;

  write_file (fixture->path, "an older report");
  g_cancellable_cancel (cancellable);
  g_assert_false (roadmap_report_export_pdf (report, file, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "report.pdf");
  contents = read_file (fixture->path);
  g_assert_cmpstr (contents, ==, "an older report");
}

static void
count_progress (guint    page,
                guint    n_pages,
                gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
  g_assert_cmpuint (page, ==, *calls);
  g_assert_cmpuint (page, <=, n_pages);
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RoadmapReport) report = report_for (fixture->catalog, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  guint calls = 0;

  g_assert_true (roadmap_report_export_pdf (report, file, count_progress, &calls, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, roadmap_report_get_n_pages (report));
}

int
main (int   argc,
      char *argv[])
{
  /* Dates in the report are local: make them the same everywhere */
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/report/pdf/text", Fixture, NULL, fixture_setup, test_text, fixture_teardown);
  g_test_add ("/report/pdf/scripts", Fixture, NULL, fixture_setup, test_scripts, fixture_teardown);
  g_test_add ("/report/pdf/info", Fixture, NULL, fixture_setup, test_info, fixture_teardown);
  g_test_add ("/report/pdf/noncharacters", Fixture, NULL, fixture_setup, test_noncharacters, fixture_teardown);
  g_test_add ("/report/pdf/long-word", Fixture, NULL, fixture_setup, test_long_word, fixture_teardown);
  g_test_add ("/report/pdf/combining-marks", Fixture, NULL, fixture_setup, test_combining_marks, fixture_teardown);
  g_test_add_func ("/report/text/ordinary", test_break_ordinary);
  g_test_add_func ("/report/text/long-words", test_break_long_words);
  g_test_add ("/report/pdf/outline", Fixture, NULL, fixture_setup, test_outline, fixture_teardown);
  g_test_add ("/report/pdf/letter", Fixture, NULL, fixture_setup, test_letter, fixture_teardown);
  g_test_add_func ("/report/paper/locale", test_paper_locale);
  g_test_add ("/report/snapshot", Fixture, NULL, fixture_setup, test_snapshot, fixture_teardown);
  g_test_add ("/report/render/any-cairo", Fixture, NULL, fixture_setup, test_any_cairo, fixture_teardown);
  g_test_add_func ("/report/pagination/1000-skills", test_pagination);
  g_test_add ("/report/pagination/page-size", Fixture, NULL, fixture_setup, test_page_size, fixture_teardown);
  g_test_add ("/report/export/replace", Fixture, NULL, fixture_setup, test_replace, fixture_teardown);
  g_test_add ("/report/export/progress", Fixture, NULL, fixture_setup, test_progress, fixture_teardown);
  g_test_add ("/report/export/symlink", Fixture, NULL, fixture_setup, test_symlink, fixture_teardown);
  g_test_add ("/report/export/disk-full", Fixture, NULL, fixture_setup, test_disk_full, fixture_teardown);
  g_test_add ("/report/export/missing-folder", Fixture, NULL, fixture_setup, test_missing_folder, fixture_teardown);
  g_test_add ("/report/export/directory", Fixture, NULL, fixture_setup, test_directory, fixture_teardown);
  g_test_add ("/report/export/unwritable", Fixture, NULL, fixture_setup, test_unwritable, fixture_teardown);
  g_test_add ("/report/export/write-fails-midway", Fixture, NULL, fixture_setup, test_write_fails_midway, fixture_teardown);
  g_test_add ("/report/export/stream-error", Fixture, NULL, fixture_setup, test_stream_error, fixture_teardown);
  g_test_add ("/report/export/cancelled", Fixture, NULL, fixture_setup, test_cancelled, fixture_teardown);

  return g_test_run ();
}

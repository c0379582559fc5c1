/* roadmap-report-paper.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE 1 /* _NL_PAPER_WIDTH, newlocale () */

#include "config.h"

#include <langinfo.h>
#include <locale.h>

#include "roadmap-report-paper.h"

/* In PostScript points (1/72 in), the unit of cairo's PDF surface. */
#define A4_WIDTH      (210.0 / 25.4 * 72.0)
#define A4_HEIGHT     (297.0 / 25.4 * 72.0)
#define LETTER_WIDTH  (8.5 * 72.0)
#define LETTER_HEIGHT (11.0 * 72.0)

/**
 * roadmap_report_paper_get_default:
 *
 * US Letter where the locale's LC_PAPER says so (as GTK decides its
 * default paper), A4 everywhere else. Reads the environment through
 * newlocale (), so it does not depend on setlocale () having been called
 * (the command line never initialises GTK) and is thread-safe.
 */
RoadmapReportPaper
roadmap_report_paper_get_default (void)
{
#if defined (__GLIBC__) && defined (_NL_PAPER_WIDTH) && defined (LC_PAPER_MASK)
  locale_t locale = newlocale (LC_PAPER_MASK, "", (locale_t) 0);

  if (locale != (locale_t) 0)
    {
      /* glibc returns these two numbers (millimetres) in the pointer. */
      union { unsigned int word; char *string; } width, height;

      width.string = nl_langinfo_l (_NL_PAPER_WIDTH, locale);
      height.string = nl_langinfo_l (_NL_PAPER_HEIGHT, locale);
      freelocale (locale);

      if (width.word == 216 && height.word == 279)
        return ROADMAP_REPORT_PAPER_LETTER;
    }
#endif

  return ROADMAP_REPORT_PAPER_A4;
}

/**
 * roadmap_report_paper_from_string:
 * @string: "a4" or "letter"
 */
gboolean
roadmap_report_paper_from_string (const char         *string,
                                  RoadmapReportPaper *paper)
{
  g_return_val_if_fail (string != NULL, FALSE);

  if (g_ascii_strcasecmp (string, "a4") == 0)
    *paper = ROADMAP_REPORT_PAPER_A4;
  else if (g_ascii_strcasecmp (string, "letter") == 0)
    *paper = ROADMAP_REPORT_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/**
 * roadmap_report_paper_get_size:
 * @width: (out): in points
 * @height: (out): in points
 */
void
roadmap_report_paper_get_size (RoadmapReportPaper  paper,
                               double             *width,
                               double             *height)
{
  switch (paper)
    {
    case ROADMAP_REPORT_PAPER_LETTER:
      *width = LETTER_WIDTH;
      *height = LETTER_HEIGHT;
      break;
    case ROADMAP_REPORT_PAPER_A4:
    default:
      *width = A4_WIDTH;
      *height = A4_HEIGHT;
      break;
    }
}

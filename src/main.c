/* main.c — entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "roadmap-application.h"
#include "roadmap-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RoadmapApplication) app = NULL;
  int status;

  /* Before any option is parsed: the command line speaks the user's
   * language too, and it runs before GTK would set the locale. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Mistakes on the command line, in our words (GApplication's lack the
   * program's name and drop repeated options) */
  status = roadmap_cli_check_arguments (argc, argv);
  if (status >= 0)
    return status;

  app = roadmap_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

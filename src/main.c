/* main.c — entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "roadmap-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RoadmapApplication) app = NULL;

  /* Before any option is parsed: the command line speaks the user's
   * language too, and it runs before GTK would set the locale. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = roadmap_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

/* roadmap-cli.c — `roadmap --validate`, `--list`, `--set-status`, `--export-pdf`, …
 *
 * These run from GApplication::handle-local-options, before the
 * application registers or initialises GTK, so they work with no display.
 * Every failure is one line on stderr and exit status 1; changes go
 * through the same session commands as the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-cli.h"
#include "roadmap-loader.h"
#include "roadmap-report-export.h"
#include "roadmap-session.h"
#include "roadmap-text.h"

#define CONTINUE_TO_WINDOW (-1)
/* A command waits longer than the window for another process's lock: a
 * script looping over --set-status beside the window should not fail */
#define BUSY_TIMEOUT_MS 10000

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use this progress database instead of the default one"), N_("PATH") },
  { "roadmap-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Also load the roadmaps in this folder"), N_("DIR") },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check roadmap files and print each problem"), NULL },
  { "list", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List every skill with its status, one per line"), NULL },
  { "set-status", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Set the status of a skill (todo, doing or done)"), N_("TRACK-ID/SKILL-ID=STATUS") },
  { "export-progress", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write all progress and notes to a JSON file"), N_("FILE") },
  { "import-progress", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace all progress and notes with those of a JSON file"), N_("FILE") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a progress report as a PDF file"), N_("FILE") },
  { "track", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: report on this track only"), N_("TRACK-ID") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: the paper size, a4 or letter (default: the locale’s)"), N_("SIZE") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

/* One line, whatever the message holds, and nothing a terminal would
 * obey: the messages escape the user's text they quote, and this is the
 * last door for the rest (a file name, a message from GIO). */
static char *
one_line (const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  return roadmap_text_escape_for_message (line, 0);
}

static void
print_error (const char *message)
{
  g_autofree char *line = one_line (message);

  g_printerr ("roadmap: %s\n", line);
}

static int
fail_with (const GError *error)
{
  print_error (error->message);
  return EXIT_FAILURE;
}

static int
validate_files (const char * const *files)
{
  int status = EXIT_SUCCESS;

  if (files == NULL || files[0] == NULL)
    {
      print_error (_("--validate needs at least one roadmap file"));
      return EXIT_FAILURE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(RoadmapTrack) track = NULL;
      g_autoptr(GError) error = NULL;

      track = roadmap_loader_load_file (file, &error);
      if (track == NULL)
        {
          g_autofree char *line = one_line (error->message);

          g_print ("%s\n", line);
          status = EXIT_FAILURE;
        }
    }

  return status;
}

static RoadmapSession *
open_session (const char  *db_path,
              const char  *roadmap_dir,
              GError     **error)
{
  g_autoptr(RoadmapSession) session = roadmap_session_new (db_path, roadmap_dir);
  GPtrArray *load_errors;

  roadmap_session_set_origin (session, ROADMAP_ORIGIN_COMMAND_LINE);
  roadmap_session_set_busy_timeout (session, BUSY_TIMEOUT_MS);

  if (!roadmap_session_load_roadmaps (session, error))
    return NULL;

  /* A roadmap that failed to load is worth a warning, not a refusal: the
   * other tracks are still there. */
  load_errors = roadmap_catalog_get_load_errors (roadmap_session_get_catalog (session));
  for (guint i = 0; i < load_errors->len; i++)
    {
      const GError *load_error = g_ptr_array_index (load_errors, i);
      g_autofree char *message = g_strdup_printf (_("warning: %s"), load_error->message);

      print_error (message);
    }

  if (!roadmap_session_open_store (session, error))
    return NULL;

  if (roadmap_store_get_recovery_message (roadmap_session_get_store (session)) != NULL)
    print_error (roadmap_store_get_recovery_message (roadmap_session_get_store (session)));

  return g_steal_pointer (&session);
}

static void
print_skill (RoadmapSkill *skill,
             gpointer      user_data)
{
  RoadmapPhase *phase = roadmap_skill_get_phase (skill);

  g_print ("%s\t%s\t%s\t%s\t%s\n",
           roadmap_skill_get_track_id (skill),
           roadmap_phase_get_id (phase),
           roadmap_skill_get_id (skill),
           roadmap_status_to_string (roadmap_skill_get_status (skill)),
           roadmap_skill_get_title (skill));
}

static int
set_status (RoadmapSession *session,
            const char     *argument)
{
  g_autofree char *copy = g_strdup (argument);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  RoadmapSkill *skill;
  RoadmapStatus status;
  char *slash, *equals;

  slash = strchr (copy, '/');
  equals = strchr (copy, '=');
  if (slash == NULL || equals == NULL || equals < slash)
    {
      message = g_strdup_printf (_("“%s” is not of the form TRACK-ID/SKILL-ID=STATUS"), argument);
      print_error (message);
      return EXIT_FAILURE;
    }
  *slash = '\0';
  *equals = '\0';

  if (!roadmap_status_from_string (equals + 1, &status))
    {
      message = g_strdup_printf (_("“%s” is not a status: use todo, doing or done"), equals + 1);
      print_error (message);
      return EXIT_FAILURE;
    }

  skill = roadmap_catalog_find_skill (roadmap_session_get_catalog (session), copy, slash + 1);
  if (skill == NULL)
    {
      message = g_strdup_printf (_("there is no skill “%s” in a track “%s” (see --list)"),
                                 slash + 1, copy);
      print_error (message);
      return EXIT_FAILURE;
    }

  if (!roadmap_session_set_status (session, skill, status, &error))
    return fail_with (error);

  return EXIT_SUCCESS;
}

static int
export_pdf (RoadmapSession *session,
            const char     *path,
            const char     *track_id,
            const char     *paper_name)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (session);
  g_autoptr(RoadmapReportSnapshot) snapshot = NULL;
  g_autoptr(RoadmapReport) report = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  RoadmapReportPaper paper = roadmap_report_paper_get_default ();

  if (paper_name != NULL && !roadmap_report_paper_from_string (paper_name, &paper))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a paper size: use a4 or letter"),
                                                  paper_name);
      print_error (message);
      return EXIT_FAILURE;
    }

  if (track_id != NULL && roadmap_catalog_find_track (catalog, track_id) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("there is no track “%s” (see --list)"),
                                                  track_id);
      print_error (message);
      return EXIT_FAILURE;
    }

  snapshot = roadmap_report_snapshot_new (catalog, track_id, &error);
  if (snapshot == NULL)
    return fail_with (error);

  report = roadmap_report_new (snapshot);
  roadmap_report_set_paper (report, paper);
  if (!roadmap_report_export_pdf (report, file, NULL, NULL, NULL, &error))
    return fail_with (error);

  return EXIT_SUCCESS;
}

static int
count_actions (GVariantDict *options)
{
  static const char * const actions[] = {
    "validate", "list", "set-status", "export-progress", "import-progress", "export-pdf",
  };
  int n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    n += g_variant_dict_contains (options, actions[i]);

  return n;
}

void
roadmap_cli_add_options (GApplication *application)
{
  g_return_if_fail (G_IS_APPLICATION (application));

  g_application_add_main_option_entries (application, option_entries);
}

/**
 * roadmap_cli_handle:
 * @db_path: (out) (optional): the --db value, for the window
 * @roadmap_dir: (out) (optional): the --roadmap-dir value, for the window
 *
 * Returns: an exit status, or -1 when no command-line action was asked
 *   for and the window should open
 */
int
roadmap_cli_handle (GVariantDict  *options,
                    char         **db_path,
                    char         **roadmap_dir)
{
  g_autoptr(RoadmapSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **remaining = NULL;
  const char *db = NULL;
  const char *dir = NULL;
  const char *value = NULL;
  const char *track_id = NULL;
  const char *paper = NULL;

  g_return_val_if_fail (options != NULL, EXIT_FAILURE);

  g_variant_dict_lookup (options, "db", "^&ay", &db);
  g_variant_dict_lookup (options, "roadmap-dir", "^&ay", &dir);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);

  if (count_actions (options) > 1)
    {
      print_error (_("give only one of --validate, --list, --set-status, --export-progress, --import-progress and --export-pdf"));
      return EXIT_FAILURE;
    }

  g_variant_dict_lookup (options, "track", "&s", &track_id);
  g_variant_dict_lookup (options, "paper", "&s", &paper);
  if ((track_id != NULL || paper != NULL) && !g_variant_dict_contains (options, "export-pdf"))
    {
      print_error (_("--track and --paper go with --export-pdf only"));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "validate"))
    return validate_files (remaining);

  if (remaining != NULL && remaining[0] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s” (see --help)"),
                                                  remaining[0]);
      print_error (message);
      return EXIT_FAILURE;
    }

  if (count_actions (options) == 0)
    {
      if (db_path != NULL)
        *db_path = g_strdup (db);
      if (roadmap_dir != NULL)
        *roadmap_dir = g_strdup (dir);
      return CONTINUE_TO_WINDOW;
    }

  session = open_session (db, dir, &error);
  if (session == NULL)
    return fail_with (error);

  if (g_variant_dict_contains (options, "list"))
    {
      roadmap_catalog_foreach_skill (roadmap_session_get_catalog (session), print_skill, NULL);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "set-status", "&s", &value))
    return set_status (session, value);

  if (g_variant_dict_lookup (options, "export-progress", "^&ay", &value))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (value);

      if (!roadmap_session_export_progress (session, file, &error))
        return fail_with (error);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "import-progress", "^&ay", &value))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (value);

      if (!roadmap_session_import_progress (session, file, &error))
        return fail_with (error);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "export-pdf", "^&ay", &value))
    return export_pdf (session, value, track_id, paper);

  g_assert_not_reached ();
}

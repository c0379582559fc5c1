/* roadmap-cli.c — `roadmap --validate`, `--list`, `--search`, `--set-status`, `--set-topic`, `--export-pdf`, `--stats`, …
 * (the plan and the schedule: roadmap-cli-plan.c)
 *
 * ROADMAP_NOW (an ISO 8601 time such as 2026-03-29T12:00:00+02:00), for
 * tests only, is the session's clock: the time every change is written
 * with and the "now" of --stats. The days --stats counts are those of
 * the time zone (TZ), whatever offset ROADMAP_NOW gives.
 *
 * These run from GApplication::handle-local-options, before the
 * application registers or initialises GTK, so they work with no display.
 * Every failure is one line on stderr and exit status 1; changes go
 * through the same session commands as the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "roadmap-cli.h"
#include "roadmap-cli-plan.h"
#include "roadmap-cli-roadmaps.h"
#include "roadmap-cli-sync.h"
#include "roadmap-command-group.h"
#include "roadmap-file-reader.h"
#include "roadmap-loader.h"
#include "roadmap-move-command.h"
#include "roadmap-reset-track.h"
#include "roadmap-report-export.h"
#include "roadmap-search.h"
#include "roadmap-session.h"
#include "roadmap-text.h"
#include "roadmap-topic-command.h"

#define CONTINUE_TO_WINDOW (-1)
/* A command waits longer than the window for another process's lock: a
 * script looping over --set-status beside the window should not fail */
#define BUSY_TIMEOUT_MS 10000

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use this progress database instead of the default one"), N_("PATH") },
  { "roadmap-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Also load the roadmaps in this folder (may be repeated)"), N_("DIR") },
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the roadmap files named after the options and print each problem"), NULL },
  { "list", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List every skill with its status, one per line"), NULL },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("List the skills whose title, topics, summary or note hold every word of TEXT, as --list does"),
    N_("TEXT") },
  { "set-status", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Set the status of a skill (todo, doing, done or skipped); repeated, all in one change"),
    N_("TRACK-ID/SKILL-ID=STATUS") },
  { "list-topics", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("List the topics of a skill, numbered, each todo or done"), N_("TRACK-ID/SKILL-ID") },
  { "set-topic", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Tick off a topic (done) or untick it (todo); repeated, all in one change"),
    N_("TRACK-ID/SKILL-ID/N=done|todo") },
  { "reset-track", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Set every skill of a track back to To-do and untick its topics, in one change"), N_("TRACK-ID") },
  { "clear-notes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --reset-track: remove the track’s notes too"), NULL },
  { "count-skipped-as-done", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Count skipped skills as done (yes), or leave them out of the counts (no), everywhere"),
    N_("yes|no") },
  { "set-wip-limit", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Limit the cards in Doing across a track to N (1 to 99), or 0 for no limit"), N_("TRACK-ID=N") },
  { "export-progress", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write all progress, notes, ticked topics and preferences to a JSON file"), N_("FILE") },
  { "import-progress", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace all progress, notes and ticked topics with those of a JSON file"), N_("FILE") },
  { "export-roadmap", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write a track, your edits included, as a roadmap file: the file follows the options"), N_("TRACK-ID") },
  { "import-roadmap", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a roadmap file and copy it into your roadmap folder"), N_("FILE") },
  { "replace", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-roadmap: replace the track of the same id, keeping its progress"), NULL },
  { "remove-track", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Remove your own track’s file, or hide a bundled track; its progress is kept"), N_("TRACK-ID") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a progress report as a PDF file"), N_("FILE") },
  { "stats", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the statistics: done this week, done in total, median days from Doing to Done, weekly goal and streak"),
    NULL },
  { "set-weekly-goal", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Aim for N skills done a week (1 to 50) and count the streak of weeks that met it; 0 turns it off"),
    N_("N") },
  { "set-plan", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Plan a track: with --start, and --hours-per-week or --months"), N_("TRACK-ID") },
  { "start", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --set-plan: the plan’s first day"), N_("YYYY-MM-DD") },
  /* Strings, not G_OPTION_ARG_INT: GApplication drops an integer option
   * given as 0, which must be refused, not taken for missing */
  { "hours-per-week", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --set-plan: the hours a week to learn, 1 to 168 (the length follows)"), N_("N") },
  { "months", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --set-plan: the months to take, 3 to 6 (the hours a week follow)"), N_("N") },
  { "clear-plan", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Remove a track’s plan"), N_("TRACK-ID") },
  { "schedule", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print each phase’s planned and projected end and whether it is on track, one per line"), NULL },
  { "track", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf, --schedule or --stats: this track only"), N_("TRACK-ID") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: the paper size, a4 or letter (default: the locale’s)"), N_("SIZE") },
  { "sync-to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Sync progress through this task list of Evolution Data Server: the name of its .source file"),
    N_("SOURCE-UID") },
  { "sync-off", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Stop syncing progress"), NULL },
  { "sync", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Send the changes still to send, take in the other devices’ changes, and say whether both sides are the same"),
    NULL },
  { "sync-status", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the task list in use, the changes still to send and the last sync’s result"), NULL },
  /* The files of --validate. No argument description: the usage line
   * would offer "[FILE…]" to every command, and only --validate takes them. */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

/* The options that may be given more than once */
static const char * const repeatable_options[] = {
  "roadmap-dir", "set-status", "set-topic",
  /* GApplication's own */
  "help", "help-all", "help-gapplication",
};

/* GApplication's own options, which roadmap_cli_check_arguments() lets
 * through for GApplication to handle */
static const char * const application_options[] = {
  "help", "help-all", "help-gapplication", "gapplication-service",
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
      g_autofree char *name = g_file_get_parse_name (file);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(RoadmapTrack) track = NULL;
      g_autoptr(GBytes) contents = NULL;
      g_autoptr(GError) error = NULL;

      /* Every problem of the file, one line each */
      contents = roadmap_file_read (file, ROADMAP_JSON_MAX_SIZE, &error);
      if (contents == NULL)
        g_ptr_array_add (problems, g_strdup (error->message));
      else
        track = roadmap_loader_check_bytes (contents, name, problems, &error);
      for (guint k = 0; track == NULL && k < problems->len; k++)
        {
          g_autofree char *line = g_strdup_printf ("%s: %s", name, (char *) g_ptr_array_index (problems, k));
          g_autofree char *shown = one_line (line);

          g_print ("%s\n", shown);
        }
      if (track == NULL)
        status = EXIT_FAILURE;
    }

  return status;
}

static RoadmapSession *
open_session (const char          *db_path,
              const char * const  *roadmap_dirs,
              GError             **error)
{
  g_autoptr(RoadmapSession) session = roadmap_session_new (db_path, NULL);
  GPtrArray *load_errors;

  for (guint i = 0; roadmap_dirs != NULL && roadmap_dirs[i] != NULL; i++)
    roadmap_session_add_roadmap_dir (session, roadmap_dirs[i]);

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
  if (roadmap_store_get_backup_warning (roadmap_session_get_store (session)) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("warning: %s"),
                                                  roadmap_store_get_backup_warning (roadmap_session_get_store (session)));

      print_error (message);
    }

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

/* `--search TEXT`: the skills found, as --list prints them; none found
 * is no failure (a script gets no line) */
static int
search_skills (RoadmapSession *session,
               const char     *text)
{
  g_autoptr(RoadmapSearch) search = roadmap_search_new (roadmap_session_get_catalog (session));
  g_autoptr(GPtrArray) skills = roadmap_search_run (search, text);

  for (guint i = 0; i < skills->len; i++)
    print_skill (g_ptr_array_index (skills, i), NULL);

  return EXIT_SUCCESS;
}

/* The skill that `TRACK-ID/SKILL-ID` names, or NULL after saying why
 * not. @argument is the whole argument, for the message. */
static RoadmapSkill *
find_skill (RoadmapSession *session,
            const char     *ids,
            const char     *argument,
            const char     *form)
{
  g_autofree char *copy = g_strdup (ids);
  g_autofree char *message = NULL;
  RoadmapSkill *skill;
  char *slash = strchr (copy, '/');

  if (slash == NULL)
    {
      /* Translators: "“data-engineer” is not of the form TRACK-ID/SKILL-ID" */
      message = g_strdup_printf (_("“%s” is not of the form %s"), argument, form);
      print_error (message);
      return NULL;
    }
  *slash = '\0';

  skill = roadmap_catalog_find_skill (roadmap_session_get_catalog (session), copy, slash + 1);
  if (skill == NULL)
    {
      message = g_strdup_printf (_("there is no skill “%s” in a track “%s” (see --list)"),
                                 slash + 1, copy);
      print_error (message);
      return NULL;
    }

  return skill;
}

/* The move that `--set-status TRACK-ID/SKILL-ID=STATUS` asks for, or NULL
 * after saying why not */
static RoadmapCommand *
parse_set_status (RoadmapSession *session,
                  const char     *argument)
{
  static const char form[] = "TRACK-ID/SKILL-ID=STATUS";
  g_autofree char *copy = g_strdup (argument);
  g_autofree char *message = NULL;
  RoadmapSkill *skill;
  RoadmapStatus status;
  char *equals;

  equals = strchr (copy, '=');
  if (equals == NULL || strchr (copy, '/') == NULL || equals < strchr (copy, '/'))
    {
      message = g_strdup_printf (_("“%s” is not of the form %s"), argument, form);
      print_error (message);
      return NULL;
    }
  *equals = '\0';

  if (!roadmap_status_from_string (equals + 1, &status))
    {
      message = g_strdup_printf (_("“%s” is not a status: use todo, doing, done or skipped"), equals + 1);
      print_error (message);
      return NULL;
    }

  skill = find_skill (session, copy, argument, form);
  if (skill == NULL)
    return NULL;

  return roadmap_move_command_new_status (skill, status);
}

/* `--list-topics TRACK-ID/SKILL-ID`: "N<TAB>STATUS<TAB>TOPIC", N from 1 */
static int
list_topics (RoadmapSession *session,
             const char     *argument)
{
  RoadmapSkill *skill = find_skill (session, argument, argument, "TRACK-ID/SKILL-ID");
  const char * const *topics;

  if (skill == NULL)
    return EXIT_FAILURE;

  topics = roadmap_skill_get_topics (skill);
  for (guint i = 0; i < roadmap_skill_get_n_topics (skill); i++)
    g_print ("%u\t%s\t%s\n", i + 1, roadmap_skill_get_topic_done (skill, i) ? "done" : "todo", topics[i]);

  return EXIT_SUCCESS;
}

/* Adds what `--set-topic TRACK-ID/SKILL-ID/N=done|todo` asks for to
 * @command, or says why not */
static gboolean
parse_set_topic (RoadmapSession      *session,
                 RoadmapTopicCommand *command,
                 const char          *argument)
{
  static const char form[] = "TRACK-ID/SKILL-ID/N=done|todo";
  g_autofree char *copy = g_strdup (argument);
  g_autofree char *message = NULL;
  RoadmapSkill *skill;
  char *last_slash, *equals, *end = NULL;
  guint64 number = 0;
  gboolean done;

  equals = strrchr (copy, '=');
  if (equals != NULL)
    *equals = '\0';
  last_slash = strrchr (copy, '/');
  if (equals == NULL || last_slash == NULL || last_slash == strchr (copy, '/'))
    {
      message = g_strdup_printf (_("“%s” is not of the form %s"), argument, form);
      print_error (message);
      return FALSE;
    }
  *last_slash = '\0';

  if (g_str_equal (equals + 1, "done"))
    done = TRUE;
  else if (g_str_equal (equals + 1, "todo"))
    done = FALSE;
  else
    {
      message = g_strdup_printf (_("“%s” is not a topic’s state: use done or todo"), equals + 1);
      print_error (message);
      return FALSE;
    }

  skill = find_skill (session, copy, argument, form);
  if (skill == NULL)
    return FALSE;

  if (g_ascii_isdigit (last_slash[1]))
    number = g_ascii_strtoull (last_slash + 1, &end, 10);
  if (end == NULL || *end != '\0' || number < 1 || number > roadmap_skill_get_n_topics (skill))
    {
      if (roadmap_skill_get_n_topics (skill) == 0)
        message = g_strdup_printf (_("“%s” has no topics"), roadmap_skill_get_title (skill));
      else
        /* Translators: "“x” is not a topic of Python & SQL Mastery: give a number from 1 to 7 (see --list-topics)" */
        message = g_strdup_printf (_("“%s” is not a topic of %s: give a number from 1 to %u (see --list-topics)"),
                                   last_slash + 1, roadmap_skill_get_title (skill),
                                   roadmap_skill_get_n_topics (skill));
      print_error (message);
      return FALSE;
    }

  roadmap_topic_command_add (command, skill, (guint) number - 1, done);
  return TRUE;
}

/* Every --set-topic, all in one change: all of them or none */
static int
set_topics (RoadmapSession      *session,
            const char * const  *arguments)
{
  g_autoptr(RoadmapCommand) command = roadmap_topic_command_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; arguments[i] != NULL; i++)
    if (!parse_set_topic (session, ROADMAP_TOPIC_COMMAND (command), arguments[i]))
      return EXIT_FAILURE;

  if (!roadmap_session_run (session, command, &error))
    return fail_with (error);

  return EXIT_SUCCESS;
}

/* Every --set-status, all in one change: all of them or none */
static int
set_status (RoadmapSession      *session,
            const char * const  *arguments)
{
  g_autoptr(RoadmapCommand) group = roadmap_command_group_new (_("Set the statuses given on the command line"));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; arguments[i] != NULL; i++)
    {
      g_autoptr(RoadmapCommand) move = parse_set_status (session, arguments[i]);

      if (move == NULL)
        return EXIT_FAILURE;
      roadmap_command_group_add (ROADMAP_COMMAND_GROUP (group), move);
    }

  if (!roadmap_session_run (session, group, &error))
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
  g_autoptr(RoadmapStats) stats = NULL;
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

  {
    GDate today;

    /* The schedule's day, as --schedule counts it (ROADMAP_TODAY) */
    if (!roadmap_cli_plan_get_today (&today, &error))
      return fail_with (error);
    snapshot = roadmap_report_snapshot_new_for_day (catalog, track_id, &today, &error);
  }
  if (snapshot == NULL)
    return fail_with (error);
  stats = roadmap_session_compute_stats (session, track_id, &error);
  if (stats == NULL)
    return fail_with (error);
  roadmap_report_snapshot_set_stats (snapshot, stats);

  report = roadmap_report_new (snapshot);
  roadmap_report_set_paper (report, paper);
  if (!roadmap_report_export_pdf (report, file, NULL, NULL, NULL, &error))
    return fail_with (error);

  return EXIT_SUCCESS;
}

/* `--reset-track TRACK-ID [--clear-notes]` */
static int
reset_track (RoadmapSession *session,
             const char     *track_id,
             gboolean        clear_notes)
{
  RoadmapTrack *track = roadmap_catalog_find_track (roadmap_session_get_catalog (session), track_id);
  g_autoptr(RoadmapCommand) reset = NULL;
  g_autoptr(GError) error = NULL;

  if (track == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("there is no track “%s” (see --list)"), track_id);

      print_error (message);
      return EXIT_FAILURE;
    }

  reset = roadmap_reset_track_command_new (track, clear_notes);
  if (!roadmap_session_run (session, reset, &error))
    return fail_with (error);

  return EXIT_SUCCESS;
}

/* `--count-skipped-as-done yes|no`: the preference, in the database */
static int
set_count_skipped_as_done (RoadmapSession *session,
                           const char     *value)
{
  g_autoptr(GError) error = NULL;
  gboolean count;

  if (g_str_equal (value, "yes"))
    count = TRUE;
  else if (g_str_equal (value, "no"))
    count = FALSE;
  else
    {
      /* Translators: the value of --count-skipped-as-done */
      g_autofree char *message = g_strdup_printf (_("“%s” is neither yes nor no"), value);

      print_error (message);
      return EXIT_FAILURE;
    }

  if (!roadmap_session_set_count_skipped_as_done (session, count, &error))
    return fail_with (error);

  return EXIT_SUCCESS;
}

/* `--set-wip-limit TRACK-ID=N`: the preference, in the database */
static int
set_wip_limit (RoadmapSession *session,
               const char     *value)
{
  const char *equals = strrchr (value, '=');
  g_autofree char *track_id = equals != NULL ? g_strndup (value, (gsize) (equals - value)) : NULL;
  g_autoptr(GError) error = NULL;
  RoadmapTrack *track;
  guint64 limit;

  if (equals == NULL ||
      !g_ascii_string_to_unsigned (equals + 1, 10, 0, ROADMAP_TRACK_MAX_WIP_LIMIT, &limit, NULL))
    {
      /* Translators: %s is what was given to --set-wip-limit */
      g_autofree char *message = g_strdup_printf (_("“%s” is not TRACK-ID=N with N from 0 to %d"), value,
                                                  ROADMAP_TRACK_MAX_WIP_LIMIT);

      print_error (message);
      return EXIT_FAILURE;
    }

  track = roadmap_catalog_find_track (roadmap_session_get_catalog (session), track_id);
  if (track == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("there is no track “%s” (see --list)"), track_id);

      print_error (message);
      return EXIT_FAILURE;
    }

  if (!roadmap_session_set_wip_limit (session, track, (guint) limit, &error))
    return fail_with (error);

  return EXIT_SUCCESS;
}


/* `--stats [--track TRACK-ID]`: NAME<TAB>VALUE lines, the same words in
 * every locale */
static int
print_stats (RoadmapSession *session,
             const char     *track_id)
{
  g_autoptr(RoadmapStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *median = NULL;

  if (track_id != NULL && roadmap_catalog_find_track (roadmap_session_get_catalog (session), track_id) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("there is no track “%s” (see --list)"), track_id);

      print_error (message);
      return EXIT_FAILURE;
    }

  stats = roadmap_session_compute_stats (session, track_id, &error);
  if (stats == NULL)
    return fail_with (error);

  median = roadmap_stats_format_median (stats);
  g_print ("done-this-week\t%u\n", roadmap_stats_get_done_this_week (stats));
  g_print ("done-total\t%u\n", roadmap_stats_get_done_total (stats));
  g_print ("median-days-doing-to-done\t%s\n", median);
  g_print ("streak-weeks\t%u\n", roadmap_stats_get_streak_weeks (stats));
  g_print ("weekly-goal\t%u\n", roadmap_stats_get_weekly_goal (stats));

  return EXIT_SUCCESS;
}

/* `--set-weekly-goal N`: the preference, in the database. Checked before
 * the database is opened. */
static gboolean
parse_weekly_goal (const char *value,
                   guint      *goal)
{
  guint64 number = 0;
  char *end = NULL;

  if (g_ascii_isdigit (value[0]))
    number = g_ascii_strtoull (value, &end, 10);
  if (end == NULL || *end != '\0' || number > ROADMAP_STATS_MAX_WEEKLY_GOAL)
    {
      /* Translators: the value of --set-weekly-goal */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a weekly goal: give a number of skills from 1 to %d, or 0 for none"),
                                                  value, ROADMAP_STATS_MAX_WEEKLY_GOAL);

      print_error (message);
      return FALSE;
    }

  *goal = (guint) number;
  return TRUE;
}

/* ROADMAP_NOW, for tests: the session's clock, fixed */
static gint64
fixed_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static gboolean
read_fixed_now (gint64 *now)
{
  const char *value = g_getenv ("ROADMAP_NOW");
  g_autoptr(GDateTime) time = NULL;

  if (value == NULL)
    return TRUE;

  time = g_date_time_new_from_iso8601 (value, NULL);
  if (time == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("ROADMAP_NOW=“%s” is not a time such as 2026-03-29T12:00:00+02:00"),
                                                  value);
      print_error (message);
      return FALSE;
    }

  *now = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  return TRUE;
}

static int
count_actions (GVariantDict *options)
{
  static const char * const actions[] = {
    "validate", "list", "search", "set-status", "list-topics", "set-topic", "reset-track", "count-skipped-as-done",
    "set-wip-limit", "export-progress", "import-progress", "export-pdf", "set-plan", "clear-plan", "schedule",
    "stats", "set-weekly-goal", "export-roadmap", "import-roadmap", "remove-track",
    "sync-to", "sync-off", "sync", "sync-status",
  };
  int n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    n += g_variant_dict_contains (options, actions[i]);

  return n;
}

/* Argument checking: each option counted as GOption meets it */

static GHashTable *option_counts;  /* long name → times given */

static gboolean
count_option (const char  *option_name,
              const char  *value,
              gpointer     data,
              GError     **error)
{
  const char *name = option_name + strspn (option_name, "-");
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (option_counts, name)) + 1;

  if (n > 1 && !g_strv_contains (repeatable_options, name))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--%s was given more than once; give it once"), name);
      return FALSE;
    }

  g_hash_table_insert (option_counts, g_strdup (name), GUINT_TO_POINTER (n));
  return TRUE;
}

static void
add_checking_entry (GArray            *entries,
                    const GOptionEntry *entry)
{
  GOptionEntry checking = *entry;

  checking.arg = G_OPTION_ARG_CALLBACK;
  checking.arg_data = (gpointer) count_option;
  if (entry->arg == G_OPTION_ARG_NONE)
    checking.flags |= G_OPTION_FLAG_NO_ARG;
  if (entry->arg == G_OPTION_ARG_FILENAME || entry->arg == G_OPTION_ARG_FILENAME_ARRAY)
    checking.flags |= G_OPTION_FLAG_FILENAME;
  g_array_append_val (entries, checking);
}

/**
 * roadmap_cli_check_arguments:
 *
 * Checks the command line before GApplication parses it, so that every
 * mistake is one line of ours, starting "roadmap:": an unknown option, a
 * missing value, a value that is not text in this locale, or an option
 * given twice that may be given only once (GApplication would keep the
 * last and drop the others without a word).
 *
 * Returns: -1 when the arguments are fine, else the exit status
 */
int
roadmap_cli_check_arguments (int    argc,
                             char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_auto(GStrv) remaining = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  int n_args = argc;

  for (guint i = 0; option_entries[i].long_name != NULL; i++)
    {
      if (g_str_equal (option_entries[i].long_name, G_OPTION_REMAINING))
        continue;
      add_checking_entry (entries, &option_entries[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (application_options); i++)
    {
      GOptionEntry entry = { application_options[i], 0, 0, G_OPTION_ARG_NONE, NULL, NULL, NULL };

      add_checking_entry (entries, &entry);
    }
  {
    GOptionEntry rest = { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &remaining, NULL, NULL };

    g_array_append_val (entries, rest);
  }

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, (GOptionEntry *) entries->data, GETTEXT_PACKAGE);

  option_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  args = g_new0 (char *, (gsize) argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  {
    char **parsed = g_memdup2 (args, sizeof (char *) * ((gsize) argc + 1));
    gboolean ok = g_option_context_parse (context, &n_args, &parsed, &error);

    g_free (parsed);
    g_clear_pointer (&option_counts, g_hash_table_unref);
    if (ok)
      return -1;
  }

  /* GLib's words for a value in the wrong encoding */
  if (error->domain == G_CONVERT_ERROR)
    print_error (_("an argument is not valid text in this locale’s character set"));
  else
    {
      g_autofree char *message = g_strdup_printf (_("%s (see --help)"), error->message);

      print_error (message);
    }
  return EXIT_FAILURE;
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
 * @roadmap_dirs: (out) (optional): the --roadmap-dir values, for the window
 *
 * Returns: an exit status, or -1 when no command-line action was asked
 *   for and the window should open
 */
int
roadmap_cli_handle (GVariantDict   *options,
                    char          **db_path,
                    char         ***roadmap_dirs)
{
  g_autoptr(RoadmapSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **remaining = NULL;
  g_autofree const char **dirs = NULL;
  g_autofree const char **statuses = NULL;
  g_autofree const char **topics = NULL;
  const char *db = NULL;
  const char *value = NULL;
  const char *track_id = NULL;
  const char *paper = NULL;
  const char *export_path = NULL;
  guint first_unexpected = 0;
  g_autoptr(RoadmapPlan) plan = NULL;
  GDate today;
  static gint64 fixed_now = -1;
  guint weekly_goal = 0;

  g_return_val_if_fail (options != NULL, EXIT_FAILURE);

  g_variant_dict_lookup (options, "db", "^&ay", &db);
  g_variant_dict_lookup (options, "roadmap-dir", "^a&ay", &dirs);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);

  if (count_actions (options) > 1)
    {
      print_error (_("give only one of --validate, --list, --search, --set-status, --list-topics, --set-topic, --reset-track, --count-skipped-as-done, --set-wip-limit, --export-progress, --import-progress, --export-pdf, --set-plan, --clear-plan, --schedule, --stats, --set-weekly-goal, --export-roadmap, --import-roadmap, --remove-track, --sync-to, --sync-off, --sync and --sync-status"));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "clear-notes") && !g_variant_dict_contains (options, "reset-track"))
    {
      print_error (_("--clear-notes goes with --reset-track only"));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "replace") && !g_variant_dict_contains (options, "import-roadmap"))
    {
      print_error (_("--replace goes with --import-roadmap only"));
      return EXIT_FAILURE;
    }

  g_variant_dict_lookup (options, "track", "&s", &track_id);
  g_variant_dict_lookup (options, "paper", "&s", &paper);
  if (track_id != NULL && !g_variant_dict_contains (options, "export-pdf") &&
      !g_variant_dict_contains (options, "schedule") && !g_variant_dict_contains (options, "stats"))
    {
      print_error (_("--track goes with --export-pdf, --schedule or --stats only"));
      return EXIT_FAILURE;
    }
  if (paper != NULL && !g_variant_dict_contains (options, "export-pdf"))
    {
      print_error (_("--paper goes with --export-pdf only"));
      return EXIT_FAILURE;
    }

  if ((g_variant_dict_contains (options, "start") || g_variant_dict_contains (options, "hours-per-week") ||
       g_variant_dict_contains (options, "months")) &&
      !g_variant_dict_contains (options, "set-plan"))
    {
      print_error (_("--start, --hours-per-week and --months go with --set-plan only"));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "validate"))
    return validate_files (remaining);

  /* --export-roadmap's one file, as --validate's files, after the options */
  if (g_variant_dict_contains (options, "export-roadmap") && remaining != NULL && remaining[0] != NULL)
    {
      export_path = remaining[0];
      first_unexpected = 1;
    }

  if (remaining != NULL && remaining[first_unexpected] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s” (see --help)"),
                                                  remaining[first_unexpected]);
      print_error (message);
      return EXIT_FAILURE;
    }

  if (count_actions (options) == 0)
    {
      if (db_path != NULL)
        *db_path = g_strdup (db);
      if (roadmap_dirs != NULL)
        *roadmap_dirs = dirs != NULL ? g_strdupv ((char **) dirs) : NULL;
      return CONTINUE_TO_WINDOW;
    }

  /* A plan that cannot be, or no day to count from, is refused before
   * the database is opened */
  if (g_variant_dict_contains (options, "set-plan"))
    {
      const char *start = NULL, *months = NULL, *hours_per_week = NULL;

      g_variant_dict_lookup (options, "start", "&s", &start);
      g_variant_dict_lookup (options, "months", "&s", &months);
      g_variant_dict_lookup (options, "hours-per-week", "&s", &hours_per_week);
      plan = roadmap_cli_plan_parse (start, months, hours_per_week, &error);
      if (plan == NULL)
        return fail_with (error);
    }
  if (g_variant_dict_contains (options, "schedule") && !roadmap_cli_plan_get_today (&today, &error))
    return fail_with (error);

  /* Refused before the database is opened: there is nothing to look for */
  if (g_variant_dict_lookup (options, "search", "&s", &value) &&
      !roadmap_search_has_words (value))
    {
      print_error (_("--search needs a word to look for"));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_lookup (options, "set-weekly-goal", "&s", &value) &&
      !parse_weekly_goal (value, &weekly_goal))
    return EXIT_FAILURE;

  if (!read_fixed_now (&fixed_now))
    return EXIT_FAILURE;

  session = open_session (db, dirs, &error);
  if (session == NULL)
    return fail_with (error);
  if (fixed_now >= 0)
    roadmap_session_set_clock (session, fixed_clock, &fixed_now);

  if (g_variant_dict_lookup (options, "export-roadmap", "&s", &value))
    {
      if (!roadmap_cli_roadmaps_export (session, value, export_path, &error))
        return fail_with (error);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "import-roadmap", "^&ay", &value))
    {
      if (!roadmap_cli_roadmaps_import (session, value, g_variant_dict_contains (options, "replace"), &error))
        return fail_with (error);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "remove-track", "&s", &value))
    {
      if (!roadmap_cli_roadmaps_remove (session, value, &error))
        return fail_with (error);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "sync-to", "&s", &value))
    return roadmap_cli_sync_enable (session, value, &error) ? EXIT_SUCCESS : fail_with (error);
  if (g_variant_dict_contains (options, "sync-off"))
    return roadmap_cli_sync_disable (session, &error) ? EXIT_SUCCESS : fail_with (error);
  if (g_variant_dict_contains (options, "sync"))
    return roadmap_cli_sync_run (session, &error) ? EXIT_SUCCESS : fail_with (error);
  if (g_variant_dict_contains (options, "sync-status"))
    return roadmap_cli_sync_status (session, &error) ? EXIT_SUCCESS : fail_with (error);

  if (g_variant_dict_contains (options, "list"))
    {
      roadmap_catalog_foreach_skill (roadmap_session_get_catalog (session), print_skill, NULL);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "search", "&s", &value))
    return search_skills (session, value);

  if (g_variant_dict_lookup (options, "set-status", "^a&s", &statuses))
    return set_status (session, statuses);

  if (g_variant_dict_lookup (options, "list-topics", "&s", &value))
    return list_topics (session, value);

  if (g_variant_dict_lookup (options, "set-topic", "^a&s", &topics))
    return set_topics (session, topics);

  if (g_variant_dict_lookup (options, "reset-track", "&s", &value))
    return reset_track (session, value, g_variant_dict_contains (options, "clear-notes"));

  if (g_variant_dict_lookup (options, "count-skipped-as-done", "&s", &value))
    return set_count_skipped_as_done (session, value);

  if (g_variant_dict_lookup (options, "set-wip-limit", "&s", &value))
    return set_wip_limit (session, value);

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

  if (g_variant_dict_lookup (options, "set-plan", "&s", &value) ||
      g_variant_dict_lookup (options, "clear-plan", "&s", &value))
    {
      if (!roadmap_cli_plan_set (session, value, plan, &error))
        return fail_with (error);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "schedule"))
    {
      if (!roadmap_cli_plan_print_schedule (session, track_id, &today, &error))
        return fail_with (error);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "stats"))
    return print_stats (session, track_id);

  if (g_variant_dict_contains (options, "set-weekly-goal"))
    {
      if (!roadmap_session_set_weekly_goal (session, weekly_goal, &error))
        return fail_with (error);
      return EXIT_SUCCESS;
    }

  g_assert_not_reached ();
}

/* roadmap-cli-sync.c — sync from the command line
 *
 * --sync-to names an Evolution Data Server task list by its source UID
 * (the name of its .source file); --sync runs one round and fails, with
 * the reason, unless both sides end the same; --sync-status prints the
 * list, the outbox and the last round. The sync module is loaded for
 * these only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-cli-sync.h"
#include "roadmap-store-sync.h"
#include "roadmap-sync-lock.h"
#include "roadmap-sync-report.h"

gboolean
roadmap_cli_sync_enable (RoadmapSession  *session,
                         const char      *source_uid,
                         GError         **error)
{
  const RoadmapSyncModule *module = roadmap_sync_module_load (error);
  g_autoptr(GObject) engine = NULL;
  g_autofree char *name = NULL;
  gboolean enabled;
  guint n;
  int lock;

  if (module == NULL)
    return FALSE;
  engine = module->new_engine (session);
  if (!module->check_list (engine, source_uid, &name, NULL, error))
    return FALSE;
  /* Not in the middle of a round */
  lock = roadmap_sync_lock_take (roadmap_session_get_db_path (session), NULL, error);
  if (lock < 0)
    return FALSE;
  enabled = roadmap_store_sync_enable (roadmap_session_get_store (session), source_uid, error);
  roadmap_sync_lock_release (lock);
  if (!enabled)
    return FALSE;

  n = roadmap_store_sync_count_outbox (roadmap_session_get_store (session), NULL);
  /* Translators: %s is a task list's name; then how many skills */
  g_print (ngettext ("Sync is on with “%s”: %u skill to send; run roadmap --sync\n",
                     "Sync is on with “%s”: %u skills to send; run roadmap --sync\n", n),
           name, n);
  return TRUE;
}

gboolean
roadmap_cli_sync_disable (RoadmapSession  *session,
                          GError         **error)
{
  int lock = roadmap_sync_lock_take (roadmap_session_get_db_path (session), NULL, error);
  gboolean disabled;

  if (lock < 0)
    return FALSE;
  disabled = roadmap_store_sync_disable (roadmap_session_get_store (session), error);
  roadmap_sync_lock_release (lock);
  if (!disabled)
    return FALSE;
  g_print ("%s\n", _("Sync is off; the tasks already on the server stay there"));
  return TRUE;
}

gboolean
roadmap_cli_sync_run (RoadmapSession  *session,
                      GError         **error)
{
  const RoadmapSyncModule *module = roadmap_sync_module_load (error);
  RoadmapSyncReport report = { 0 };
  g_autoptr(GObject) engine = NULL;
  g_autofree char *result = NULL;
  gboolean ok;

  if (module == NULL)
    return FALSE;
  engine = module->new_engine (session);
  if (!module->run_round (engine, &report, NULL, error))
    {
      roadmap_sync_report_clear (&report);
      return FALSE;
    }

  for (guint i = 0; i < report.problems->len; i++)
    g_printerr ("roadmap: %s\n", (char *) g_ptr_array_index (report.problems, i));
  result = roadmap_sync_report_describe (&report);
  ok = report.n_pending == 0 && report.problems->len == 0;
  if (ok)
    g_print ("%s\n", result);
  else
    g_set_error (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_FAILED,
                 /* Translators: %s is what the round did */
                 _("The two sides are not the same yet: %s"), result);
  roadmap_sync_report_clear (&report);
  return ok;
}

static char *
format_time (gint64 microseconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (microseconds / G_USEC_PER_SEC);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
}

gboolean
roadmap_cli_sync_status (RoadmapSession  *session,
                         GError         **error)
{
  RoadmapStore *store = roadmap_session_get_store (session);
  g_autoptr(RoadmapSyncState) state = NULL;
  g_autoptr(GPtrArray) losers = NULL;
  g_autoptr(GError) count_error = NULL;
  guint n_pending;

  if (!roadmap_store_sync_read_state (store, &state, error))
    return FALSE;
  if (state == NULL || state->source_uid == NULL)
    {
      g_print ("%s\n", _("Sync: off"));
      return TRUE;
    }

  n_pending = roadmap_store_sync_count_outbox (store, &count_error);
  if (count_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&count_error));
      return FALSE;
    }
  losers = roadmap_store_sync_list_losers (store, NULL, NULL, error);
  if (losers == NULL)
    return FALSE;

  /* Translators: the task list's id */
  g_print (_("Sync: on, with the task list %s\n"), state->source_uid);
  g_print (_("This device: %s\n"), state->device);
  g_print (ngettext ("Pending: %u skill to send\n", "Pending: %u skills to send\n", n_pending), n_pending);
  if (state->last_round_at == 0)
    g_print ("%s\n", _("Last sync: never"));
  else
    {
      g_autofree char *when = format_time (state->last_round_at);

      /* Translators: a time, whether it ended well, then what it found */
      g_print (_("Last sync: %s, %s: %s\n"), when,
               state->last_ok ? _("in step") : _("not in step"),
               state->last_result != NULL ? state->last_result : "");
    }
  if (!state->last_ok && state->retry_at > 0)
    {
      g_autofree char *when = format_time (state->retry_at);

      g_print (_("Next try: after %s\n"), when);
    }
  g_print (ngettext ("Conflicts: %u value lost to a newer one\n",
                     "Conflicts: %u values lost to newer ones\n", losers->len), losers->len);
  for (guint i = 0; i < losers->len; i++)
    {
      RoadmapSyncLoser *loser = g_ptr_array_index (losers, i);
      g_autofree char *when = format_time (loser->decided_at);
      g_autofree char *value = g_strescape (loser->value, NULL);

      g_print ("  %s %s/%s %s: \"%s\"\n", when, loser->track_id, loser->skill_id,
               roadmap_sync_field_to_string (loser->field), value);
    }
  return TRUE;
}

/* roadmap-sync-report.c — a sync round's outcome in words, and the
 * sync module loaded on demand
 *
 * The module links Evolution Data Server; the application does not, so
 * that nothing of it is loaded before the window's first frame, and a
 * build without it (the meson feature `sync` off) has everything else.
 * The module finds the session's code in the executable, which exports
 * it. ROADMAP_SYNC_MODULE names another module file, for the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gmodule.h>
#include <glib/gi18n-lib.h>

#include "roadmap-sync-report.h"

#define MODULE_NAME "libroadmap-sync.so"

G_DEFINE_QUARK (roadmap-sync-error-quark, roadmap_sync_error)

void
roadmap_sync_list_free (RoadmapSyncList *list)
{
  if (list == NULL)
    return;
  g_free (list->uid);
  g_free (list->name);
  g_free (list->account);
  g_free (list->settings_app);
  g_free (list);
}

void
roadmap_sync_report_clear (RoadmapSyncReport *report)
{
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  *report = (RoadmapSyncReport) { 0 };
}

/* The round's outcome, one line for the user */
char *
roadmap_sync_report_describe (const RoadmapSyncReport *report)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n_problems = report->problems != NULL ? report->problems->len : 0;

  if (report->n_pulled > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u skill changed on another device",
                                                       "%u skills changed on another device",
                                                       report->n_pulled), report->n_pulled));
  if (report->n_pushed > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u skill sent", "%u skills sent",
                                                       report->n_pushed), report->n_pushed));
  if (report->n_conflicts > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u conflict resolved, the other value kept in the history",
                                                       "%u conflicts resolved, the other values kept in the history",
                                                       report->n_conflicts), report->n_conflicts));
  if (report->n_pending > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u skill still to send",
                                                       "%u skills still to send",
                                                       report->n_pending), report->n_pending));
  if (n_problems > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u task on the server could not be used",
                                                       "%u tasks on the server could not be used",
                                                       n_problems), n_problems));
  if (parts->len == 0)
    return g_strdup (_("Everything is in step"));

  g_ptr_array_add (parts, NULL);
  /* Translators: the separator of the parts of a sync's outcome */
  return g_strjoinv (_("; "), (char **) parts->pdata);
}

/* ROADMAP_SYNC_MODULE; or the module beside the executable, where a
 * build leaves both (`_build/src/roadmap` run from a checkout); or the
 * installed one */
static char *
find_module (void)
{
  g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *beside = NULL;

  if (g_getenv ("ROADMAP_SYNC_MODULE") != NULL)
    return g_strdup (g_getenv ("ROADMAP_SYNC_MODULE"));
  if (executable != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (executable);

      beside = g_build_filename (dir, MODULE_NAME, NULL);
      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (ROADMAP_MODULE_DIR, MODULE_NAME, NULL);
}

/**
 * roadmap_sync_module_load:
 *
 * Loads the sync module once, from any thread; it stays loaded.
 *
 * Returns: (nullable): its functions, or %NULL with
 *   %ROADMAP_SYNC_ERROR_UNAVAILABLE
 */
const RoadmapSyncModule *
roadmap_sync_module_load (GError **error)
{
  static const RoadmapSyncModule *loaded;
  static GMutex mutex;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&mutex);
  g_autofree char *path = NULL;
  RoadmapSyncModuleGet get;
  GModule *module;

  if (loaded != NULL)
    return loaded;

#if !ROADMAP_HAVE_SYNC
  if (g_getenv ("ROADMAP_SYNC_MODULE") == NULL)
    {
      g_set_error_literal (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_UNAVAILABLE,
                           _("Sync is not available: this Roadmap was built without it"));
      return NULL;
    }
#endif

  path = find_module ();

  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_UNAVAILABLE,
                   _("Sync is not available: its part %s is missing (%s)"),
                   path, g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (module, ROADMAP_SYNC_MODULE_SYMBOL, (gpointer *) &get) || get == NULL)
    {
      g_set_error (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_UNAVAILABLE,
                   _("Sync is not available: %s is not Roadmap’s sync part"), path);
      g_module_close (module);
      return NULL;
    }
  g_module_make_resident (module);
  loaded = get ();
  return loaded;
}

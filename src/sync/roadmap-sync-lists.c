/* roadmap-sync-lists.c — the task lists Preferences offers for sync, and
 * the accounts a list of Roadmap's own can be made in: those whose
 * collection says it can make one on its server (remote-creatable; in
 * EDS 3.46 the Exchange and Microsoft 365 ones, not CalDAV's, where the
 * learner makes the list on the server's own pages).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-sync-lists.h"
#include "roadmap-sync-report.h"

/* The app the account of @source is set up in */
static const char *
settings_app_for (ESourceRegistry *registry,
                  ESource         *source)
{
  g_autoptr(ESource) collection = e_source_registry_find_extension (registry, source,
                                                                    E_SOURCE_EXTENSION_COLLECTION);

  if (collection != NULL && e_source_has_extension (collection, E_SOURCE_EXTENSION_GOA))
    return "gnome-online-accounts-panel.desktop";
  return "org.gnome.Evolution.desktop";
}

static char *
dup_account_name (ESourceRegistry *registry,
                  ESource         *source)
{
  const char *parent_uid = e_source_get_parent (source);
  g_autoptr(ESource) parent = parent_uid != NULL ? e_source_registry_ref_source (registry, parent_uid) : NULL;

  return parent != NULL ? e_source_dup_display_name (parent) : g_strdup ("");
}

static RoadmapSyncList *
list_new (ESourceRegistry *registry,
          ESource         *source,
          char            *account)
{
  RoadmapSyncList *list = g_new0 (RoadmapSyncList, 1);

  list->uid = e_source_dup_uid (source);
  list->name = e_source_dup_display_name (source);
  list->account = account;
  list->settings_app = g_strdup (settings_app_for (registry, source));
  return list;
}

static int
compare_lists (gconstpointer a,
               gconstpointer b)
{
  const RoadmapSyncList *list_a = *(RoadmapSyncList * const *) a;
  const RoadmapSyncList *list_b = *(RoadmapSyncList * const *) b;
  int by_account = g_utf8_collate (list_a->account, list_b->account);

  return by_account != 0 ? by_account : g_utf8_collate (list_a->name, list_b->name);
}

/**
 * roadmap_sync_lists_list:
 * @accounts: (out) (optional) (element-type RoadmapSyncList): the
 *   accounts a new list can be made in (roadmap_sync_lists_create())
 *
 * Returns: (transfer full) (element-type RoadmapSyncList): the enabled
 *   task lists, by account and name
 */
GPtrArray *
roadmap_sync_lists_list (ESourceRegistry  *registry,
                         GPtrArray       **accounts)
{
  GPtrArray *lists = g_ptr_array_new_with_free_func ((GDestroyNotify) roadmap_sync_list_free);
  GList *sources = e_source_registry_list_enabled (registry, E_SOURCE_EXTENSION_TASK_LIST);

  for (GList *l = sources; l != NULL; l = l->next)
    g_ptr_array_add (lists, list_new (registry, l->data, dup_account_name (registry, l->data)));
  g_list_free_full (sources, g_object_unref);
  g_ptr_array_sort (lists, compare_lists);

  if (accounts != NULL)
    {
      *accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) roadmap_sync_list_free);
      sources = e_source_registry_list_enabled (registry, E_SOURCE_EXTENSION_COLLECTION);
      for (GList *l = sources; l != NULL; l = l->next)
        {
          ESourceCollection *collection = e_source_get_extension (l->data, E_SOURCE_EXTENSION_COLLECTION);

          if (e_source_get_remote_creatable (l->data) &&
              e_source_collection_get_calendar_enabled (collection))
            g_ptr_array_add (*accounts, list_new (registry, l->data, NULL));
        }
      g_list_free_full (sources, g_object_unref);
    }
  return lists;
}

static char *
find_new_list (ESourceRegistry *registry,
               ESource         *scratch)
{
  g_autoptr(ESource) same = e_source_registry_ref_source (registry, e_source_get_uid (scratch));
  GList *sources;
  char *uid = NULL;

  if (same != NULL)
    return e_source_dup_uid (same);
  /* A collection may give the list it made an id of its own */
  sources = e_source_registry_list_sources (registry, E_SOURCE_EXTENSION_TASK_LIST);
  for (GList *l = sources; l != NULL && uid == NULL; l = l->next)
    if (g_strcmp0 (e_source_get_parent (l->data), e_source_get_parent (scratch)) == 0 &&
        g_strcmp0 (e_source_get_display_name (l->data), e_source_get_display_name (scratch)) == 0)
      uid = e_source_dup_uid (l->data);
  g_list_free_full (sources, g_object_unref);
  return uid;
}

/* The registry learns of the new list over D-Bus, in this thread's main
 * context: a few seconds at most */
static char *
await_list (ESourceRegistry  *registry,
            ESource          *scratch,
            GCancellable     *cancellable,
            GError          **error)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GMainContext *context = g_main_context_get_thread_default ();
  char *uid;

  while ((uid = find_new_list (registry, scratch)) == NULL &&
         g_get_monotonic_time () < end && !g_cancellable_is_cancelled (cancellable))
    {
      while (g_main_context_iteration (context, FALSE))
        ;
      g_usleep (50 * 1000);
    }
  if (uid == NULL)
    g_set_error_literal (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_FAILED,
                         _("The new task list was made, but it did not show up; choose it in the list once it does"));
  return uid;
}

/**
 * roadmap_sync_lists_create:
 * @account_uid: one of roadmap_sync_lists_list()'s accounts
 * @name: the new list's name
 *
 * Returns: (transfer full) (nullable): the new list's id
 */
char *
roadmap_sync_lists_create (ESourceRegistry  *registry,
                           const char       *account_uid,
                           const char       *name,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(ESource) account = e_source_registry_ref_source (registry, account_uid);
  g_autoptr(ESource) scratch = NULL;
  ESourceCollection *collection;
  ESourceTaskList *extension;

  if (account == NULL)
    {
      g_set_error (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_NO_LIST,
                   /* Translators: %s is an id */
                   _("No account has the id “%s” any more"), account_uid);
      return NULL;
    }

  scratch = e_source_new (NULL, NULL, error);
  if (scratch == NULL)
    return NULL;
  e_source_set_display_name (scratch, name);
  e_source_set_parent (scratch, account_uid);
  extension = e_source_get_extension (scratch, E_SOURCE_EXTENSION_TASK_LIST);
  collection = e_source_get_extension (account, E_SOURCE_EXTENSION_COLLECTION);
  e_source_backend_set_backend_name (E_SOURCE_BACKEND (extension),
                                     e_source_backend_get_backend_name (E_SOURCE_BACKEND (collection)));
  if (!e_source_remote_create_sync (account, scratch, cancellable, error))
    return NULL;
  return await_list (registry, scratch, cancellable, error);
}

/* roadmap-sync-engine.c — a sync round through Evolution Data Server
 *
 * A round, whichever process runs it, holds a lock on the database's
 * sync lock file, so that two rounds never interleave. It pulls first:
 * the list's tasks, after a refresh from the server, merged into the
 * database through the session (RoadmapSyncCommand), so that open
 * windows see them as any other process's change. Then it pushes the
 * outbox, each write with E_CAL_OPERATION_FLAG_CONFLICT_FAIL: a task
 * someone changed since the refresh fails (EDS sends If-Match) instead
 * of being overwritten, and is fetched, merged and written again. A
 * skill leaves the outbox only once the server has taken it: EDS takes a
 * write it cannot send into an offline queue of its own and reports
 * success, so each write is checked for the server's new ETag, and one
 * that did not reach the server stays in the outbox (EDS's queued copy
 * is not taken for the server's either).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libecal/libecal.h>

#include "roadmap-store-sync.h"
#include "roadmap-sync-command.h"
#include "roadmap-sync-engine.h"
#include "roadmap-sync-lock.h"
#include "roadmap-sync-vtodo.h"

/* How many times a skill is merged and written again when the server's
 * task keeps changing under it */
#define MAX_ATTEMPTS 4
/* How long a write EDS kept offline waits for EDS to send it */
#define AWAIT_SERVER_TRIES 6
#define AWAIT_SERVER_INTERVAL_US (250 * 1000)

struct _RoadmapSyncEngine
{
  GObject parent_instance;

  RoadmapSession *session;
  ESourceRegistry *registry;
  ECalClient *client;
  ESource *source;
  char *client_uid;
  /* Whether the list is on a WebDAV server: its tasks carry ETags */
  gboolean webdav;
};

G_DEFINE_FINAL_TYPE (RoadmapSyncEngine, roadmap_sync_engine, G_TYPE_OBJECT)

static void
roadmap_sync_engine_finalize (GObject *object)
{
  RoadmapSyncEngine *self = (RoadmapSyncEngine *) object;

  g_clear_object (&self->client);
  g_clear_object (&self->source);
  g_clear_object (&self->registry);
  g_clear_object (&self->session);
  g_clear_pointer (&self->client_uid, g_free);

  G_OBJECT_CLASS (roadmap_sync_engine_parent_class)->finalize (object);
}

static void
roadmap_sync_engine_class_init (RoadmapSyncEngineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = roadmap_sync_engine_finalize;
}

static void
roadmap_sync_engine_init (RoadmapSyncEngine *self)
{
}

/**
 * roadmap_sync_engine_new:
 * @session: with its store open
 */
RoadmapSyncEngine *
roadmap_sync_engine_new (RoadmapSession *session)
{
  RoadmapSyncEngine *self = g_object_new (ROADMAP_TYPE_SYNC_ENGINE, NULL);

  self->session = g_object_ref (session);
  return self;
}

static RoadmapStore *
get_store (RoadmapSyncEngine *self)
{
  return roadmap_session_get_store (self->session);
}

/**
 * roadmap_sync_engine_get_registry:
 *
 * Returns: (transfer none) (nullable): Evolution Data Server's sources,
 *   connected to on first use
 */
ESourceRegistry *
roadmap_sync_engine_get_registry (RoadmapSyncEngine  *self,
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ROADMAP_IS_SYNC_ENGINE (self), NULL);

  if (self->registry == NULL)
    {
      self->registry = e_source_registry_new_sync (cancellable, &local_error);
      if (self->registry == NULL)
        {
          g_set_error (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_OFFLINE,
                       _("The task lists of this computer cannot be read (is Evolution Data Server installed?): %s"),
                       local_error->message);
          return NULL;
        }
    }
  return self->registry;
}

static ESource *
find_list (RoadmapSyncEngine  *self,
           const char         *source_uid,
           GCancellable       *cancellable,
           GError            **error)
{
  g_autoptr(ESource) source = NULL;

  if (roadmap_sync_engine_get_registry (self, cancellable, error) == NULL)
    return NULL;

  source = e_source_registry_ref_source (self->registry, source_uid);
  if (source == NULL || !e_source_has_extension (source, E_SOURCE_EXTENSION_TASK_LIST))
    {
      g_set_error (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_NO_LIST,
                   source == NULL
                   /* Translators: %s is the id the user gave */
                   ? _("No task list has the id “%s” (the id is the name of its .source file)")
                   : _("“%s” is not a task list"),
                   source_uid);
      return NULL;
    }
  return g_steal_pointer (&source);
}

/**
 * roadmap_sync_engine_check_list:
 * @display_name: (out) (optional): the list's name
 *
 * Whether @source_uid names a task list this computer has.
 */
gboolean
roadmap_sync_engine_check_list (RoadmapSyncEngine  *self,
                                const char         *source_uid,
                                char              **display_name,
                                GCancellable       *cancellable,
                                GError            **error)
{
  g_autoptr(ESource) source = find_list (self, source_uid, cancellable, error);

  if (source == NULL)
    return FALSE;
  if (display_name != NULL)
    *display_name = e_source_dup_display_name (source);
  return TRUE;
}

static gboolean
connect_list (RoadmapSyncEngine  *self,
              const char         *source_uid,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(ESource) source = NULL;
  g_autoptr(GError) local_error = NULL;
  EClient *client;

  if (self->client != NULL && g_strcmp0 (self->client_uid, source_uid) == 0)
    return TRUE;
  g_clear_object (&self->client);

  source = find_list (self, source_uid, cancellable, error);
  if (source == NULL)
    return FALSE;

  /* Not waiting for "connected": a list whose server needs no sign-in
   * would keep it waiting to the end. A write fails if it is not. */
  client = e_cal_client_connect_sync (source, E_CAL_CLIENT_SOURCE_TYPE_TASKS, (guint32) -1,
                                      cancellable, &local_error);
  if (client == NULL)
    {
      g_set_error (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_OFFLINE,
                   _("The task list “%s” cannot be opened: %s"),
                   e_source_get_display_name (source), local_error->message);
      return FALSE;
    }
  self->client = E_CAL_CLIENT (client);
  g_set_object (&self->source, source);
  self->webdav = e_source_has_extension (source, E_SOURCE_EXTENSION_WEBDAV_BACKEND);
  g_free (self->client_uid);
  self->client_uid = g_strdup (source_uid);
  return TRUE;
}

/* The network did not take the request to the server */
static gboolean
is_network_error (const GError *error)
{
  static const GIOErrorEnum io_codes[] = {
    G_IO_ERROR_NETWORK_UNREACHABLE, G_IO_ERROR_HOST_UNREACHABLE, G_IO_ERROR_CONNECTION_REFUSED,
    G_IO_ERROR_TIMED_OUT, G_IO_ERROR_NOT_CONNECTED, G_IO_ERROR_CONNECTION_CLOSED,
    G_IO_ERROR_BROKEN_PIPE, G_IO_ERROR_CANCELLED, G_IO_ERROR_HOST_NOT_FOUND,
  };

  for (guint i = 0; i < G_N_ELEMENTS (io_codes); i++)
    if (g_error_matches (error, G_IO_ERROR, io_codes[i]))
      return TRUE;
  return error->domain == G_RESOLVER_ERROR;
}

/* The server or the service cannot be reached, rather than refusing one
 * write */
static gboolean
is_unreachable (const GError *error)
{
  return is_network_error (error) ||
         g_error_matches (error, E_CLIENT_ERROR, E_CLIENT_ERROR_REPOSITORY_OFFLINE) ||
         g_error_matches (error, E_CLIENT_ERROR, E_CLIENT_ERROR_AUTHENTICATION_REQUIRED) ||
         g_error_matches (error, E_CLIENT_ERROR, E_CLIENT_ERROR_AUTHENTICATION_FAILED) ||
         g_error_matches (error, E_CLIENT_ERROR, E_CLIENT_ERROR_TLS_NOT_AVAILABLE) ||
         error->domain == G_TLS_ERROR;
}

static gboolean
fail_with (GError       **error,
           const GError  *cause,
           const char    *what)
{
  RoadmapSyncError code = ROADMAP_SYNC_ERROR_FAILED;

  if (is_unreachable (cause))
    code = ROADMAP_SYNC_ERROR_OFFLINE;
  /* Translators: the first %s says what failed, the second why */
  g_set_error (error, ROADMAP_SYNC_ERROR, code, _("%s: %s"), what, cause->message);
  return FALSE;
}

/* The backend's state, with the signals it sent before its last reply
 * taken in */
static gboolean
is_online (RoadmapSyncEngine *self)
{
  /* The engine's thread's (the window's round runs in a thread) */
  while (g_main_context_iteration (g_main_context_get_thread_default (), FALSE))
    ;
  return e_client_is_online (E_CLIENT (self->client));
}

/* e_client_refresh_sync() only schedules the backend's refresh; it runs
 * as one of the backend's blocking operations, so a read asked for after
 * it waits for it to end */
static gboolean
refresh (RoadmapSyncEngine  *self,
         GCancellable       *cancellable,
         GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!e_client_check_refresh_supported (E_CLIENT (self->client)))
    return TRUE;
  if (!e_client_refresh_sync (E_CLIENT (self->client), cancellable, &local_error))
    return fail_with (error, local_error, _("The task list cannot be refreshed"));
  return TRUE;
}

/* After this round's writes: EDS remembers the collection's tag (CTag)
 * as of its last refresh, and a server whose tag is a digest of the
 * contents (Radicale) gives the old tag back when another client
 * deletes what this round wrote; refreshed now, EDS holds the tag with
 * the writes, and notices. The read after it waits for the refresh. */
static gboolean
settle (RoadmapSyncEngine  *self,
        GCancellable       *cancellable,
        GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  GSList *none = NULL;

  if (!refresh (self, cancellable, error))
    return FALSE;
  if (!e_cal_client_get_object_list_sync (self->client, "(uid? \"\")", &none, cancellable, &local_error))
    return fail_with (error, local_error, _("The tasks cannot be read"));
  g_slist_free_full (none, g_object_unref);
  return TRUE;
}

/* Why the backend asked for credentials: EDS asks also when a server is
 * down (with the reason "rejected" and the connection's error), and when
 * its certificate is not trusted */
static gboolean
check_credentials (RoadmapSyncEngine  *self,
                   GError            **error)
{
  ESourceCredentialsReason reason = E_SOURCE_CREDENTIALS_REASON_UNKNOWN;
  g_autofree char *certificate = NULL;
  g_autoptr(GError) op_error = NULL;
  GTlsCertificateFlags flags = 0;

  if (!e_source_get_last_credentials_required_arguments_sync (self->source, &reason, &certificate,
                                                              &flags, &op_error, NULL, NULL))
    reason = E_SOURCE_CREDENTIALS_REASON_UNKNOWN;
  g_debug ("Credentials asked for, reason %d: %s", reason, op_error != NULL ? op_error->message : "no error");
  /* A refused sign-in that never reached the server is no sign-in */
  if (op_error != NULL && is_network_error (op_error))
    reason = E_SOURCE_CREDENTIALS_REASON_ERROR;

  switch (reason)
    {
    case E_SOURCE_CREDENTIALS_REASON_REQUIRED:
    case E_SOURCE_CREDENTIALS_REASON_REJECTED:
      g_set_error_literal (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_SIGN_IN,
                           _("The task list’s account needs you to sign in again"));
      return FALSE;
    case E_SOURCE_CREDENTIALS_REASON_SSL_FAILED:
      g_set_error_literal (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_CERTIFICATE,
                           _("The server’s certificate is not trusted"));
      return FALSE;
    case E_SOURCE_CREDENTIALS_REASON_ERROR:
    case E_SOURCE_CREDENTIALS_REASON_UNKNOWN:
    default:
      g_set_error_literal (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_OFFLINE,
                           _("The server cannot be reached; the changes wait until it can"));
      return FALSE;
    }
}

/* After a refresh: whether EDS reached the server, or why not, in words
 * a user can act on (a round that read only EDS's copy proves nothing) */
static gboolean
check_connection (RoadmapSyncEngine  *self,
                  GError            **error)
{
  if (!self->webdav)
    return TRUE;
  /* The status the backend set, taken in */
  is_online (self);
  g_debug ("The list's connection: %d", e_source_get_connection_status (self->source));
  switch (e_source_get_connection_status (self->source))
    {
    case E_SOURCE_CONNECTION_STATUS_DISCONNECTED:
      g_set_error_literal (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_OFFLINE,
                           _("The server cannot be reached; the changes wait until it can"));
      return FALSE;
    case E_SOURCE_CONNECTION_STATUS_AWAITING_CREDENTIALS:
      return check_credentials (self, error);
    case E_SOURCE_CONNECTION_STATUS_SSL_FAILED:
      g_set_error_literal (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_CERTIFICATE,
                           _("The server’s certificate is not trusted"));
      return FALSE;
    case E_SOURCE_CONNECTION_STATUS_CONNECTING:
    case E_SOURCE_CONNECTION_STATUS_CONNECTED:
    default:
      return TRUE;
    }
}

static gboolean
merge (RoadmapSyncEngine   *self,
       RoadmapSyncCommand  *command,
       RoadmapSyncReport   *report,
       GError             **error)
{
  if (roadmap_sync_command_get_n_records (command) == 0)
    return TRUE;
  if (!roadmap_session_run (self->session, ROADMAP_COMMAND (command), error))
    return FALSE;
  report->n_pulled += roadmap_sync_command_get_n_records (command);
  report->n_conflicts += roadmap_sync_command_get_n_conflicts (command);
  return TRUE;
}

/* Adds @vtodo to @command when it holds anything this machine has not
 * merged yet; a task that fails the checks is a problem, not applied,
 * and is not taken for deleted either. FALSE only when the database
 * cannot be read. */
static gboolean
add_remote (RoadmapSyncEngine   *self,
            RoadmapSyncCommand  *command,
            ICalComponent       *vtodo,
            GHashTable          *present,
            RoadmapSyncReport   *report,
            GError             **error)
{
  g_autoptr(RoadmapSyncRecord) remote = NULL;
  g_autoptr(RoadmapSyncItem) item = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *key = roadmap_sync_vtodo_dup_key (vtodo);
  g_autofree char *digest = NULL;
  gint64 sequence = 0;

  if (present != NULL && key != NULL)
    g_hash_table_add (present, g_steal_pointer (&key));

  remote = roadmap_sync_vtodo_parse (vtodo, g_get_real_time (), &sequence, &parse_error);
  if (remote == NULL)
    {
      g_ptr_array_add (report->problems, g_strdup (parse_error->message));
      return TRUE;
    }

  if (!roadmap_store_sync_read_item (get_store (self), remote->track_id, remote->skill_id,
                                     &item, error))
    return FALSE;
  /* Nothing new: what this machine holds (EDS's copy of a write that did
   * not reach the server among it), or the task as merged or written
   * last */
  digest = roadmap_sync_record_dup_full_digest (remote);
  if (item != NULL &&
      (roadmap_sync_record_equal (item->record, remote) ||
       g_strcmp0 (item->remote_digest, digest) == 0))
    return TRUE;
  roadmap_sync_command_add (command, remote, sequence);
  return TRUE;
}

static gboolean
pull (RoadmapSyncEngine  *self,
      RoadmapSyncReport  *report,
      GCancellable       *cancellable,
      GError            **error)
{
  g_autoptr(RoadmapSyncCommand) command = roadmap_sync_command_new ();
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  GSList *vtodos = NULL;
  guint n_missing;

  if (!refresh (self, cancellable, error))
    return FALSE;
  if (!e_cal_client_get_object_list_sync (self->client, "#t", &vtodos, cancellable, &local_error))
    return fail_with (error, local_error, _("The tasks cannot be read"));
  if (!check_connection (self, error))
    return FALSE;

  for (GSList *link = vtodos; link != NULL; link = link->next)
    if (roadmap_sync_vtodo_is_ours (link->data) &&
        !add_remote (self, command, link->data, present, report, error))
      {
        g_slist_free_full (vtodos, g_object_unref);
        return FALSE;
      }
  g_slist_free_full (vtodos, g_object_unref);

  if (!merge (self, command, report, error) ||
      !roadmap_store_sync_mark_missing (get_store (self), present, &n_missing, error))
    return FALSE;
  report->n_missing += n_missing;
  return TRUE;
}

/* The titles a task shows in other apps; a track this machine does not
 * have shows its ids */
static void
describe_skill (RoadmapSyncEngine        *self,
                const RoadmapSyncRecord  *record,
                char                    **summary,
                GStrv                    *categories)
{
  RoadmapSkill *skill = roadmap_catalog_find_skill (roadmap_session_get_catalog (self->session),
                                                    record->track_id, record->skill_id);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (skill != NULL)
    {
      RoadmapPhase *phase = roadmap_skill_get_phase (skill);

      *summary = g_strdup (roadmap_skill_get_title (skill));
      if (phase != NULL)
        {
          g_strv_builder_add (builder, roadmap_track_get_title (roadmap_phase_get_track (phase)));
          g_strv_builder_add (builder, roadmap_phase_get_title (phase));
        }
    }
  else
    *summary = g_strdup (record->skill_id);
  *categories = g_strv_builder_end (builder);
}

/* After a conflict: the server's task, merged; FALSE with @error only
 * when it cannot be read */
static gboolean
merge_server_copy (RoadmapSyncEngine  *self,
                   const char         *uid,
                   RoadmapSyncReport  *report,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autoptr(RoadmapSyncCommand) command = roadmap_sync_command_new ();
  g_autoptr(ICalComponent) vtodo = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!refresh (self, cancellable, error))
    return FALSE;
  if (!e_cal_client_get_object_sync (self->client, uid, NULL, &vtodo, cancellable, &local_error))
    {
      if (g_error_matches (local_error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_NOT_FOUND))
        return TRUE;
      return fail_with (error, local_error, _("A task cannot be read"));
    }
  if (roadmap_sync_vtodo_is_ours (vtodo) && !add_remote (self, command, vtodo, NULL, report, error))
    return FALSE;
  return merge (self, command, report, error);
}


/* The ETag EDS's cached copy of a task has (X-EVOLUTION-CALDAV-ETAG and
 * the like), NULL without one */
static char *
dup_etag (ICalComponent *vtodo)
{
  ICalProperty *prop = i_cal_component_get_first_property (vtodo, I_CAL_X_PROPERTY);
  char *etag = NULL;

  while (prop != NULL)
    {
      const char *name = i_cal_property_get_x_name (prop);

      if (etag == NULL && name != NULL &&
          g_ascii_strncasecmp (name, "X-EVOLUTION-", strlen ("X-EVOLUTION-")) == 0 &&
          g_str_has_suffix (name, "-ETAG"))
        etag = g_strdup (i_cal_property_get_x (prop));
      g_object_unref (prop);
      prop = i_cal_component_get_next_property (vtodo, I_CAL_X_PROPERTY);
    }
  return etag;
}

/* Whether a write of @record reached the server. With the server gone,
 * EDS takes a write into its own offline queue and reports success; its
 * copy then has no new ETag from the server. A new ETag on another
 * value is not this write's either (EDS sent its queue and the server's
 * copy won). */
static gboolean
reached_server (RoadmapSyncEngine       *self,
                const char              *uid,
                const char              *etag_before,
                const RoadmapSyncRecord *record)
{
  g_autoptr(ICalComponent) cached = NULL;
  g_autoptr(RoadmapSyncRecord) held = NULL;
  g_autofree char *etag = NULL;
  gint64 sequence;

  if (!is_online (self))
    return FALSE;
  if (!self->webdav)
    return TRUE;
  if (!e_cal_client_get_object_sync (self->client, uid, NULL, &cached, NULL, NULL))
    return FALSE;
  etag = dup_etag (cached);
  if (etag == NULL || etag[0] == '\0' || g_strcmp0 (etag, etag_before) == 0)
    return FALSE;
  held = roadmap_sync_vtodo_parse (cached, g_get_real_time (), &sequence, NULL);
  return held != NULL && roadmap_sync_record_equal (held, record);
}

/* A write EDS kept in its offline queue: EDS goes back online a moment
 * after a server returns, and then sends its queue (a refresh starts
 * that). Waits a little for it; FALSE when the server is still not there. */
static gboolean
await_server (RoadmapSyncEngine       *self,
              const char              *uid,
              const char              *etag_before,
              const RoadmapSyncRecord *record,
              GCancellable            *cancellable)
{
  for (guint i = 0; i < AWAIT_SERVER_TRIES && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_usleep (AWAIT_SERVER_INTERVAL_US);
      if (!settle (self, cancellable, NULL))
        return FALSE;
      if (reached_server (self, uid, etag_before, record))
        return TRUE;
    }
  return FALSE;
}

/* What Roadmap writes of a task itself (roadmap_sync_vtodo_new()) */
static gboolean
is_own_property (ICalProperty *prop)
{
  static const ICalPropertyKind own[] = {
    I_CAL_UID_PROPERTY, I_CAL_SUMMARY_PROPERTY, I_CAL_STATUS_PROPERTY, I_CAL_DTSTART_PROPERTY,
    I_CAL_COMPLETED_PROPERTY, I_CAL_PERCENTCOMPLETE_PROPERTY, I_CAL_DESCRIPTION_PROPERTY,
    I_CAL_CATEGORIES_PROPERTY, I_CAL_LASTMODIFIED_PROPERTY, I_CAL_DTSTAMP_PROPERTY,
    I_CAL_SEQUENCE_PROPERTY,
  };
  ICalPropertyKind kind = i_cal_property_isa (prop);
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    if (kind == own[i])
      return TRUE;
  name = kind == I_CAL_X_PROPERTY ? i_cal_property_get_x_name (prop) : NULL;
  return name != NULL && g_ascii_strncasecmp (name, "X-ROADMAP-", strlen ("X-ROADMAP-")) == 0;
}

/* EDS's copy of a task, NULL when it has none */
static gboolean
read_cached (RoadmapSyncEngine  *self,
             const char         *uid,
             ICalComponent     **cached,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  *cached = NULL;
  if (e_cal_client_get_object_sync (self->client, uid, NULL, cached, cancellable, &local_error))
    return TRUE;
  if (g_error_matches (local_error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_NOT_FOUND))
    return TRUE;
  return fail_with (error, local_error, _("A task cannot be read"));
}

/* A task written again keeps what others put in it (a due date, an
 * alarm, another app's own properties; not categories or a percentage,
 * which Roadmap writes) and what EDS needs to write it back
 * (its own properties, the ETag among them, sent as If-Match: without
 * them the write would count as new), from the copy in EDS's cache */
static void
keep_other_properties (ICalComponent *cached,
                       ICalComponent *vtodo)
{
  ICalProperty *prop;
  ICalComponent *inner;

  for (prop = i_cal_component_get_first_property (cached, I_CAL_ANY_PROPERTY); prop != NULL; )
    {
      if (!is_own_property (prop))
        i_cal_component_take_property (vtodo, i_cal_property_clone (prop));
      g_object_unref (prop);
      prop = i_cal_component_get_next_property (cached, I_CAL_ANY_PROPERTY);
    }
  for (inner = i_cal_component_get_first_component (cached, I_CAL_ANY_COMPONENT); inner != NULL; )
    {
      i_cal_component_take_component (vtodo, i_cal_component_clone (inner));
      g_object_unref (inner);
      inner = i_cal_component_get_next_component (cached, I_CAL_ANY_COMPONENT);
    }
}

/* Writes one skill of the outbox; a conflict is merged and written again */
static gboolean
push_item (RoadmapSyncEngine  *self,
           RoadmapSyncItem    *first,
           RoadmapSyncReport  *report,
           GCancellable       *cancellable,
           GError            **error)
{
  g_autoptr(RoadmapSyncItem) item = NULL;
  const RoadmapSyncRecord *record = first->record;
  g_autofree char *uid = roadmap_sync_vtodo_uid (record->track_id, record->skill_id);

  for (guint attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
    {
      const RoadmapSyncItem *current = item != NULL ? item : first;
      g_autoptr(ICalComponent) vtodo = NULL;
      g_autoptr(ICalComponent) cached = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *summary = NULL;
      g_auto(GStrv) categories = NULL;
      g_autofree char *etag = NULL;
      gint64 sequence = current->sequence + 1;
      gboolean written;

      /* EDS's copy: what it needs to write the task back, and its
       * SEQUENCE, which the write goes beyond (a write equal to EDS's
       * copy, left by a round killed after its write, would not be sent) */
      if (current->remote && !read_cached (self, uid, &cached, cancellable, error))
        return FALSE;
      if (cached != NULL)
        {
          etag = dup_etag (cached);
          sequence = MAX (sequence, (gint64) i_cal_component_get_sequence (cached) + 1);
        }

      describe_skill (self, current->record, &summary, &categories);
      vtodo = roadmap_sync_vtodo_new (current->record, summary, (const char * const *) categories,
                                      sequence, g_get_real_time ());
      if (current->remote && cached != NULL)
        keep_other_properties (cached, vtodo);
      if (current->remote)
        written = e_cal_client_modify_object_sync (self->client, vtodo, E_CAL_OBJ_MOD_ALL,
                                                   E_CAL_OPERATION_FLAG_CONFLICT_FAIL,
                                                   cancellable, &local_error);
      else
        written = e_cal_client_create_object_sync (self->client, vtodo,
                                                   E_CAL_OPERATION_FLAG_CONFLICT_FAIL,
                                                   NULL, cancellable, &local_error);
      if (written && !reached_server (self, uid, etag, current->record) &&
          !await_server (self, uid, etag, current->record, cancellable))
        {
          /* EDS lost the server during the write and kept it in its
           * own queue: not sent, for the outbox */
          g_set_error_literal (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_OFFLINE,
                               _("The server cannot be reached; the changes wait until it can"));
          return FALSE;
        }
      if (written)
        {
          if (!roadmap_store_sync_mark_pushed (get_store (self), current, sequence, error))
            return FALSE;
          report->n_pushed++;
          return TRUE;
        }

      if (g_error_matches (local_error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_NOT_FOUND) ||
          g_error_matches (local_error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_ID_ALREADY_EXISTS) ||
          g_error_matches (local_error, E_CLIENT_ERROR, E_CLIENT_ERROR_OUT_OF_SYNC))
        {
          /* Someone else wrote it, or deleted it: what the server has
           * now, merged, then this machine's result written again */
          g_autoptr(RoadmapSyncItem) after = NULL;

          if (!merge_server_copy (self, uid, report, cancellable, error) ||
              !roadmap_store_sync_read_item (get_store (self), record->track_id, record->skill_id,
                                             &after, error))
            return FALSE;
          if (after == NULL || after->outbox == 0)
            return TRUE;
          if (g_error_matches (local_error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_NOT_FOUND))
            after->remote = FALSE;
          else if (g_error_matches (local_error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_ID_ALREADY_EXISTS))
            after->remote = TRUE;
          g_clear_pointer (&item, roadmap_sync_item_free);
          item = g_steal_pointer (&after);
          continue;
        }

      if (is_unreachable (local_error))
        return fail_with (error, local_error, _("A change cannot be sent"));
      /* The server refused this one (too large, not allowed): the
       * others go on, this one stays in the outbox */
      g_ptr_array_add (report->problems,
                       /* Translators: %s is a task's id, then the server's answer */
                       g_strdup_printf (_("The task %s was refused: %s"), uid, local_error->message));
      return TRUE;
    }

  /* Changed under it every time: the next round tries again */
  return TRUE;
}

static gboolean
push (RoadmapSyncEngine  *self,
      RoadmapSyncReport  *report,
      GCancellable       *cancellable,
      GError            **error)
{
  g_autoptr(GPtrArray) items = roadmap_store_sync_list_items (get_store (self), TRUE, error);

  if (items == NULL)
    return FALSE;
  if (items->len > 0 && !is_online (self))
    {
      /* EDS would take the writes into its own queue and replay them
       * later, dropping any that conflict: the outbox waits instead */
      g_set_error_literal (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_OFFLINE,
                           _("The task list is offline; the changes wait until it can be reached"));
      return FALSE;
    }

  for (guint i = 0; i < items->len; i++)
    if (!push_item (self, g_ptr_array_index (items, i), report, cancellable, error))
      return FALSE;

  return report->n_pushed == 0 || settle (self, cancellable, error);
}

/**
 * roadmap_sync_engine_run_round:
 * @report: (out caller-allocates): what the round did
 *
 * One round: pull and merge, then push the outbox. Blocks; at most one
 * round per database runs at a time, in any process.
 *
 * Returns: whether the round ran to its end; both sides are then the
 *   same when @report has nothing pending and no problem
 */
gboolean
roadmap_sync_engine_run_round (RoadmapSyncEngine  *self,
                               RoadmapSyncReport  *report,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(RoadmapSyncState) state = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) end_error = NULL;
  g_autofree char *result = NULL;
  gboolean ran;
  int lock;

  g_return_val_if_fail (ROADMAP_IS_SYNC_ENGINE (self), FALSE);

  *report = (RoadmapSyncReport) { .problems = g_ptr_array_new_with_free_func (g_free) };

  lock = roadmap_sync_lock_take (roadmap_session_get_db_path (self->session), cancellable, error);
  if (lock < 0)
    return FALSE;

  if (!roadmap_store_sync_read_state (get_store (self), &state, error))
    {
      roadmap_sync_lock_release (lock);
      return FALSE;
    }
  if (state == NULL || state->source_uid == NULL)
    {
      roadmap_sync_lock_release (lock);
      g_set_error_literal (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_OFF,
                           _("Sync is off: turn it on with --sync-to and a task list’s id"));
      return FALSE;
    }

  ran = connect_list (self, state->source_uid, cancellable, &local_error) &&
        pull (self, report, cancellable, &local_error) &&
        push (self, report, cancellable, &local_error);
  if (ran)
    {
      g_autoptr(GError) count_error = NULL;

      report->n_pending = roadmap_store_sync_count_outbox (get_store (self), &count_error);
      if (count_error != NULL)
        {
          g_propagate_error (&local_error, g_steal_pointer (&count_error));
          ran = FALSE;
        }
    }

  result = ran ? roadmap_sync_report_describe (report) : g_strdup (local_error->message);
  if (!roadmap_store_sync_end_round (get_store (self),
                                     ran && report->n_pending == 0 && report->problems->len == 0,
                                     result, g_get_real_time (), &end_error))
    g_warning ("The sync round could not be recorded: %s", end_error->message);
  roadmap_sync_lock_release (lock);
  /* Closed at the end of each round: a list kept open from one round to
   * the next keeps its backend's state, and does not see its server go */
  g_clear_object (&self->client);

  if (!ran)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * roadmap_sync_engine_trust_certificate:
 *
 * Trusts, for @source_uid's server, the certificate it showed last, as
 * the user asked after %ROADMAP_SYNC_ERROR_CERTIFICATE.
 */
gboolean
roadmap_sync_engine_trust_certificate (RoadmapSyncEngine  *self,
                                       const char         *source_uid,
                                       GCancellable       *cancellable,
                                       GError            **error)
{
  g_autoptr(ESource) source = find_list (self, source_uid, cancellable, error);
  ESourceCredentialsReason reason = E_SOURCE_CREDENTIALS_REASON_UNKNOWN;
  g_autofree char *pem = NULL;
  g_autoptr(GError) op_error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GUri) uri = NULL;
  GTlsCertificateFlags flags = 0;
  ESourceWebdav *webdav;

  g_return_val_if_fail (ROADMAP_IS_SYNC_ENGINE (self), FALSE);

  if (source == NULL)
    return FALSE;
  if (!e_source_get_last_credentials_required_arguments_sync (source, &reason, &pem, &flags,
                                                              &op_error, cancellable, error))
    return FALSE;
  if (reason != E_SOURCE_CREDENTIALS_REASON_SSL_FAILED || pem == NULL ||
      !e_source_has_extension (source, E_SOURCE_EXTENSION_WEBDAV_BACKEND))
    {
      g_set_error_literal (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_FAILED,
                           _("The server showed no certificate to trust; sync again first"));
      return FALSE;
    }

  certificate = g_tls_certificate_new_from_pem (pem, -1, error);
  if (certificate == NULL)
    return FALSE;
  webdav = e_source_get_extension (source, E_SOURCE_EXTENSION_WEBDAV_BACKEND);
  uri = e_source_webdav_dup_uri (webdav);
  e_source_webdav_update_ssl_trust (webdav, uri != NULL ? g_uri_get_host (uri) : NULL,
                                    certificate, E_TRUST_PROMPT_RESPONSE_ACCEPT);
  if (!e_source_write_sync (source, cancellable, error))
    return FALSE;
  /* Connected anew, with the trust */
  g_clear_object (&self->client);
  return TRUE;
}

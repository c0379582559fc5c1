/* roadmap-session.c — what the window and the command line both start
 * from and go through: the bundled roadmaps, the user's roadmaps, an
 * optional extra folder, the progress database loaded into them, and
 * every command that changes it.
 *
 * A command runs in one change of the store (BEGIN IMMEDIATE … COMMIT);
 * it plans itself there from the rows on disk, the hooks add their rows
 * to the same transaction, and only after COMMIT does the model change
 * and ::command-done tell the views. Undo and redo are this session's
 * own history: they never touch another process's change. Other
 * processes' commits are found with roadmap_session_reload(), which the
 * window calls on a timer (roadmap_session_watch()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>

#include "roadmap-file-reader.h"
#include "roadmap-json-reader.h"
#include "roadmap-loader.h"
#include "roadmap-move-command.h"
#include "roadmap-note-command.h"
#include "roadmap-date.h"
#include "roadmap-plan-command.h"
#include "roadmap-preference-command.h"
#include "roadmap-restore-command.h"
#include "roadmap-progress-file.h"
#include "roadmap-session.h"
#include "roadmap-store-sync.h"
#include "roadmap-topic-command.h"

/* How many steps undo goes back */
#define MAX_UNDO 100

typedef struct
{
  RoadmapSessionHook func;
  gpointer user_data;
} Hook;

struct _RoadmapSession
{
  GObject parent_instance;

  char *db_path;
  GFile *user_roadmap_dir;
  GPtrArray *extra_roadmap_dirs;  /* GFile */
  RoadmapCatalog *catalog;
  RoadmapStore *store;
  /* GFile: roadmap files not loaded yet, in loading order */
  GPtrArray *pending;

  RoadmapOrigin origin;
  guint busy_timeout_ms;
  RoadmapSessionClock clock;
  gpointer clock_data;
  GArray *hooks;

  /* RoadmapCommand, the latest last */
  GPtrArray *undo_stack;
  GPtrArray *redo_stack;
  /* RoadmapSkill → gint64: the change this session last wrote it in */
  GHashTable *own_changes;
  /* The same for other rows of a skill (its topics), by their key */
  GHashTable *own_rows;
  /* The change the model holds all of (roadmap_session_reload()) */
  gint64 loaded_change;
  guint watch_id;
};

G_DEFINE_FINAL_TYPE (RoadmapSession, roadmap_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  COMMAND_DONE,
  COMMAND_FAILED,
  OUTSIDE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gint64
wall_clock (gpointer user_data)
{
  return g_get_real_time ();
}

static void
set_stacks (RoadmapSession *self,
            gboolean        could_undo,
            gboolean        could_redo)
{
  if (could_undo != (self->undo_stack->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != (self->redo_stack->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static gboolean
has_store (RoadmapSession  *self,
           GError         **error)
{
  if (self->store != NULL)
    return TRUE;

  g_set_error_literal (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_FAILED,
                       _("The progress database is not open"));
  return FALSE;
}

/* One step of @command in one change; see the comment at the top. */
static gboolean
run_step (RoadmapSession      *self,
          RoadmapCommand      *command,
          RoadmapCommandStep   step,
          gboolean            *changed,
          GError             **error)
{
  g_autoptr(GHashTable) marked = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) marked_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  RoadmapCommandContext context = {
    .store = self->store,
    .now = self->clock (self->clock_data),
    .origin = self->origin,
    .own_changes = self->own_changes,
    .marked = marked,
    .catalog = self->catalog,
    .own_rows = self->own_rows,
    .marked_rows = marked_rows,
  };
  GHashTableIter iter;
  gpointer skill;
  gint64 previous, last;

  *changed = FALSE;
  if (!has_store (self, error) ||
      !roadmap_store_begin_change (self->store, &context.change, &previous, error))
    return FALSE;

  if (!roadmap_command_execute (command, &context, step, changed, error))
    goto fail;

  if (!*changed)
    {
      /* Nothing to write: the counter does not move either. */
      roadmap_store_rollback_change (self->store);
      return TRUE;
    }

  for (guint i = 0; i < self->hooks->len; i++)
    {
      Hook *hook = &g_array_index (self->hooks, Hook, i);

      if (!hook->func (self, command, step, &context, error, hook->user_data))
        goto fail;
    }

  if (!roadmap_store_commit_change (self->store, &last, error))
    {
      *changed = FALSE;
      return FALSE;
    }

  g_hash_table_iter_init (&iter, marked);
  while (g_hash_table_iter_next (&iter, &skill, NULL))
    {
      gint64 *own = g_new (gint64, 1);

      *own = context.change;
      g_hash_table_insert (self->own_changes, skill, own);
    }
  g_hash_table_iter_init (&iter, marked_rows);
  while (g_hash_table_iter_next (&iter, &skill, NULL))
    {
      gint64 *own = g_new (gint64, 1);

      *own = context.change;
      g_hash_table_insert (self->own_rows, g_strdup (skill), own);
    }

  /* Nothing else was committed in between: the model holds all. */
  if (previous == self->loaded_change)
    self->loaded_change = last;

  roadmap_command_apply (command, step);
  return TRUE;

fail:
  *changed = FALSE;
  roadmap_store_rollback_change (self->store);
  return FALSE;
}

static gboolean
fail_step (RoadmapSession      *self,
           RoadmapCommand      *command,
           RoadmapCommandStep   step,
           GError              *local_error,
           GError             **error)
{
  /* What the command met on disk may be news to the model. */
  roadmap_session_reload (self, NULL, NULL);
  g_signal_emit (self, signals[COMMAND_FAILED], 0, command, (guint) step, local_error);
  g_propagate_error (error, local_error);
  return FALSE;
}

static void
roadmap_session_dispose (GObject *object)
{
  RoadmapSession *self = (RoadmapSession *) object;

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->own_changes, g_hash_table_unref);
  g_clear_pointer (&self->own_rows, g_hash_table_unref);

  G_OBJECT_CLASS (roadmap_session_parent_class)->dispose (object);
}

static void
roadmap_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RoadmapSession *self = ROADMAP_SESSION (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, roadmap_session_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, roadmap_session_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_session_finalize (GObject *object)
{
  RoadmapSession *self = (RoadmapSession *) object;

  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->user_roadmap_dir);
  g_clear_pointer (&self->extra_roadmap_dirs, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->hooks, g_array_unref);

  G_OBJECT_CLASS (roadmap_session_parent_class)->finalize (object);
}

static void
roadmap_session_class_init (RoadmapSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = roadmap_session_dispose;
  object_class->finalize = roadmap_session_finalize;
  object_class->get_property = roadmap_session_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RoadmapSession::command-done:
   * @command: the command, committed and applied to the model
   * @step: a #RoadmapCommandStep
   *
   * Emitted only when the step changed something.
   */
  signals[COMMAND_DONE] =
    g_signal_new ("command-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ROADMAP_TYPE_COMMAND, G_TYPE_UINT);

  /**
   * RoadmapSession::command-failed:
   * @command: the command; nothing of it was written
   * @step: a #RoadmapCommandStep
   * @error: why, for the user
   */
  signals[COMMAND_FAILED] =
    g_signal_new ("command-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, ROADMAP_TYPE_COMMAND, G_TYPE_UINT, G_TYPE_ERROR);

  /**
   * RoadmapSession::outside-changed:
   * @n_skills: how many skills another process moved (%G_MAXUINT: all
   *   progress was reloaded)
   *
   * Another process committed changes, now in the model.
   */
  signals[OUTSIDE_CHANGED] =
    g_signal_new ("outside-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

/* Every change: what it wrote goes to sync's outbox in the same
 * transaction, when sync is on (see roadmap-store-sync.c) */
static gboolean
queue_for_sync (RoadmapSession         *session,
                RoadmapCommand         *command,
                RoadmapCommandStep      step,
                RoadmapCommandContext  *context,
                GError                **error,
                gpointer                user_data)
{
  return roadmap_store_sync_queue_change (context->store, context->change, context->now, error);
}

static void
roadmap_session_init (RoadmapSession *self)
{
  self->catalog = roadmap_catalog_new ();
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->origin = ROADMAP_ORIGIN_WINDOW;
  self->busy_timeout_ms = ROADMAP_STORE_DEFAULT_BUSY_TIMEOUT_MS;
  self->clock = wall_clock;
  self->hooks = g_array_new (FALSE, FALSE, sizeof (Hook));
  roadmap_session_add_hook (self, queue_for_sync, NULL);
  self->undo_stack = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo_stack = g_ptr_array_new_with_free_func (g_object_unref);
  self->own_changes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->own_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->extra_roadmap_dirs = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * roadmap_session_new:
 * @db_path: (nullable): the progress database, %NULL for the default one
 * @extra_roadmap_dir: (nullable): a folder of roadmaps to load as well
 */
RoadmapSession *
roadmap_session_new (const char *db_path,
                     const char *extra_roadmap_dir)
{
  RoadmapSession *self = g_object_new (ROADMAP_TYPE_SESSION, NULL);

  self->db_path = db_path != NULL ? g_strdup (db_path) : roadmap_store_get_default_path ();
  self->user_roadmap_dir = g_file_new_build_filename (g_get_user_data_dir (), APP_ID,
                                                      "roadmaps", NULL);
  if (extra_roadmap_dir != NULL)
    roadmap_session_add_roadmap_dir (self, extra_roadmap_dir);

  return self;
}

/**
 * roadmap_session_add_roadmap_dir:
 * @path: a folder of roadmaps to load as well, as given on the command line
 *
 * Before the roadmaps are loaded: each folder added is loaded, in order.
 */
void
roadmap_session_add_roadmap_dir (RoadmapSession *self,
                                 const char     *path)
{
  g_return_if_fail (ROADMAP_IS_SESSION (self));
  g_return_if_fail (path != NULL);

  g_ptr_array_add (self->extra_roadmap_dirs, g_file_new_for_commandline_arg (path));
}

/**
 * roadmap_session_load_roadmaps:
 *
 * Loads the bundled roadmaps, then the user's, then those of the extra
 * folder. A file that fails is recorded in the catalog's load errors;
 * @error is set only when a folder cannot be listed at all.
 */
gboolean
roadmap_session_load_roadmaps (RoadmapSession  *self,
                               GError         **error)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);

  if (!roadmap_session_load_first_roadmaps (self, NULL, error))
    return FALSE;

  while (roadmap_session_load_next_roadmap (self))
    ;

  return TRUE;
}

static gboolean
is_loaded (RoadmapSession *self,
           const char     *track_id)
{
  if (track_id == NULL || track_id[0] == '\0')
    return g_list_model_get_n_items (G_LIST_MODEL (self->catalog)) > 0;
  return roadmap_catalog_find_track (self->catalog, track_id) != NULL;
}

/**
 * roadmap_session_load_first_roadmaps:
 * @first_track_id: (nullable): the track shown first, if any
 *
 * Like roadmap_session_load_roadmaps(), but stops as soon as the catalog
 * holds @first_track_id (or any track, for %NULL): a large folder of
 * roadmaps does not keep the window from showing. The other files are
 * loaded by roadmap_session_load_next_roadmap().
 */
gboolean
roadmap_session_load_first_roadmaps (RoadmapSession  *self,
                                     const char      *first_track_id,
                                     GError         **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);

  roadmap_loader_load_bundled (self->catalog);

  files = roadmap_loader_list_directory (self->user_roadmap_dir, &local_error);
  if (files != NULL)
    g_ptr_array_extend_and_steal (self->pending, g_steal_pointer (&files));
  else
    /* The user's folder is best effort: report it like a bad file. */
    roadmap_catalog_add_load_error (self->catalog, local_error);

  for (guint i = 0; i < self->extra_roadmap_dirs->len; i++)
    {
      GFile *dir = g_ptr_array_index (self->extra_roadmap_dirs, i);
      g_autoptr(GFileInfo) info = NULL;

      /* A folder named on the command line must exist. */
      info = g_file_query_info (dir, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                G_FILE_QUERY_INFO_NONE, NULL, error);
      if (info == NULL)
        return FALSE;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
        {
          g_autofree char *name = g_file_get_parse_name (dir);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                       "%s: %s", name, g_strerror (ENOTDIR));
          return FALSE;
        }

      files = roadmap_loader_list_directory (dir, error);
      if (files == NULL)
        return FALSE;
      g_ptr_array_extend_and_steal (self->pending, g_steal_pointer (&files));
    }

  while (!is_loaded (self, first_track_id) && roadmap_session_load_next_roadmap (self))
    ;

  return TRUE;
}

/**
 * roadmap_session_load_next_roadmap:
 *
 * Loads the next file that roadmap_session_load_first_roadmaps() left,
 * with its progress once the store is open, and adds it to the catalog (a
 * file that fails is recorded in the catalog's load errors).
 *
 * Returns: whether files are left to load
 */
gboolean
roadmap_session_load_next_roadmap (RoadmapSession *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(RoadmapTrack) track = NULL;
  g_autoptr(GError) error = NULL;
  RoadmapTrack *existing;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);

  if (self->pending->len == 0)
    return FALSE;

  file = g_ptr_array_steal_index (self->pending, 0);
  track = roadmap_loader_load_file (file, &error);

  /* Its progress before it joins the catalog, so that it is shown with it:
   * loaded through a catalog of its own, as the store reads per catalog.
   * So for an own copy that stands in for a bundled track. */
  existing = track != NULL ? roadmap_catalog_find_track (self->catalog, roadmap_track_get_id (track)) : NULL;
  if (track != NULL && self->store != NULL &&
      (existing == NULL || roadmap_track_get_source (existing) == NULL))
    {
      g_autoptr(RoadmapCatalog) alone = roadmap_catalog_new ();

      if (!roadmap_catalog_add_track (alone, track, &error) ||
          !roadmap_store_load_progress (self->store, alone, &error))
        g_clear_object (&track);
    }

  if (track == NULL || !roadmap_catalog_add_track (self->catalog, track, &error))
    roadmap_catalog_add_load_error (self->catalog, error);

  return self->pending->len > 0;
}

/**
 * roadmap_session_get_n_pending:
 *
 * Returns: how many roadmap files are left to load
 */
guint
roadmap_session_get_n_pending (RoadmapSession *self)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), 0);
  return self->pending->len;
}

/**
 * roadmap_session_open_store:
 *
 * Opens the progress database and loads it into the catalog.
 */
gboolean
roadmap_session_open_store (RoadmapSession  *self,
                            GError         **error)
{
  g_autoptr(RoadmapStore) store = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->store == NULL, FALSE);

  store = roadmap_store_open_full (self->db_path, NULL, self->busy_timeout_ms, error);
  if (store == NULL ||
      !roadmap_store_load_progress_since (store, self->catalog, 0, &self->loaded_change, NULL, error))
    return FALSE;

  /* From here on, data_version tells of other processes' commits. */
  roadmap_store_has_outside_changes (store);
  self->store = g_steal_pointer (&store);
  return TRUE;
}

const char *
roadmap_session_get_db_path (RoadmapSession *self)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), NULL);
  return self->db_path;
}

/**
 * roadmap_session_get_user_roadmap_dir:
 *
 * Returns: (transfer none): `$XDG_DATA_HOME/<app-id>/roadmaps`
 */
GFile *
roadmap_session_get_user_roadmap_dir (RoadmapSession *self)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), NULL);
  return self->user_roadmap_dir;
}

/**
 * roadmap_session_get_catalog:
 *
 * Returns: (transfer none): the loaded tracks
 */
RoadmapCatalog *
roadmap_session_get_catalog (RoadmapSession *self)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), NULL);
  return self->catalog;
}

/**
 * roadmap_session_get_store:
 *
 * Returns: (transfer none) (nullable): the store, once opened
 */
RoadmapStore *
roadmap_session_get_store (RoadmapSession *self)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), NULL);
  return self->store;
}

/**
 * roadmap_session_new_for_store:
 *
 * A session over a store already open and loaded into @catalog (tests,
 * benchmarks): no roadmap folders of its own.
 */
RoadmapSession *
roadmap_session_new_for_store (RoadmapStore   *store,
                               RoadmapCatalog *catalog)
{
  RoadmapSession *self;

  g_return_val_if_fail (ROADMAP_IS_STORE (store), NULL);
  g_return_val_if_fail (ROADMAP_IS_CATALOG (catalog), NULL);

  self = g_object_new (ROADMAP_TYPE_SESSION, NULL);
  self->db_path = g_strdup (roadmap_store_get_path (store));
  self->user_roadmap_dir = g_file_new_build_filename (g_get_user_data_dir (), APP_ID,
                                                      "roadmaps", NULL);
  g_set_object (&self->catalog, catalog);
  self->store = g_object_ref (store);
  roadmap_store_has_outside_changes (store);
  /* The model may be older than the database: the first reload reads all. */
  self->loaded_change = 0;

  return self;
}

/**
 * roadmap_session_set_origin:
 *
 * Who this session's changes come from, recorded in the history:
 * %ROADMAP_ORIGIN_WINDOW unless set.
 */
void
roadmap_session_set_origin (RoadmapSession *self,
                            RoadmapOrigin   origin)
{
  g_return_if_fail (ROADMAP_IS_SESSION (self));
  self->origin = origin;
}

/**
 * roadmap_session_set_busy_timeout:
 * @busy_timeout_ms: how long a change waits for another process's
 *   write lock before it fails with %ROADMAP_STORE_ERROR_BUSY
 *
 * For the store roadmap_session_open_store() opens. The window keeps the
 * default, so that it never freezes for long; a command in a terminal may
 * wait longer.
 */
void
roadmap_session_set_busy_timeout (RoadmapSession *self,
                                  guint           busy_timeout_ms)
{
  g_return_if_fail (ROADMAP_IS_SESSION (self));
  self->busy_timeout_ms = busy_timeout_ms;
}

/**
 * roadmap_session_set_clock:
 * @clock: (nullable): gives microseconds since the Unix epoch (UTC);
 *   %NULL for the wall clock
 *
 * Every time a command records (started, finished, the history) comes
 * from @clock: tests set their own.
 */
void
roadmap_session_set_clock (RoadmapSession      *self,
                           RoadmapSessionClock  clock,
                           gpointer             user_data)
{
  g_return_if_fail (ROADMAP_IS_SESSION (self));

  self->clock = clock != NULL ? clock : wall_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

/**
 * roadmap_session_get_today:
 * @today: (out caller-allocates): the learner's local day by the
 *   session's clock (see roadmap_session_set_clock())
 *
 * The day the window's schedule counts from.
 */
void
roadmap_session_get_today (RoadmapSession *self,
                           GDate          *today)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (ROADMAP_IS_SESSION (self));
  g_return_if_fail (today != NULL);

  now = g_date_time_new_from_unix_utc (self->clock (self->clock_data) / G_USEC_PER_SEC);
  roadmap_date_get_local_day (now, today);
}

/**
 * roadmap_session_add_hook:
 * @hook: called inside each change, after the command wrote its rows and
 *   before COMMIT; returning %FALSE rolls the whole change back
 *
 * For the rows that go with every change (a sync outbox, activity marks).
 */
void
roadmap_session_add_hook (RoadmapSession     *self,
                          RoadmapSessionHook  hook,
                          gpointer            user_data)
{
  Hook entry = { hook, user_data };

  g_return_if_fail (ROADMAP_IS_SESSION (self));
  g_return_if_fail (hook != NULL);

  g_array_append_val (self->hooks, entry);
}

/**
 * roadmap_session_run:
 *
 * Runs @command in one change. When it changed something it joins the
 * undo history (if it is undoable) and ::command-done is emitted; on
 * failure nothing was written, the model is as before and
 * ::command-failed is emitted.
 */
gboolean
roadmap_session_run (RoadmapSession  *self,
                     RoadmapCommand  *command,
                     GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean could_undo, could_redo;
  gboolean changed;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_COMMAND (command), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!run_step (self, command, ROADMAP_COMMAND_RUN, &changed, &local_error))
    return fail_step (self, command, ROADMAP_COMMAND_RUN, g_steal_pointer (&local_error), error);

  if (!changed)
    return TRUE;

  if (roadmap_command_is_undoable (command))
    {
      could_undo = self->undo_stack->len > 0;
      could_redo = self->redo_stack->len > 0;
      g_ptr_array_add (self->undo_stack, g_object_ref (command));
      if (self->undo_stack->len > MAX_UNDO)
        g_ptr_array_remove_index (self->undo_stack, 0);
      g_ptr_array_set_size (self->redo_stack, 0);
      set_stacks (self, could_undo, could_redo);
    }

  g_signal_emit (self, signals[COMMAND_DONE], 0, command, (guint) ROADMAP_COMMAND_RUN);
  return TRUE;
}

/* Undo or redo: the top of @from, onto @to once done. A step refused
 * because another process changed its skill leaves the history. */
static gboolean
walk_history (RoadmapSession       *self,
              RoadmapCommandStep    step,
              RoadmapCommand      **done,
              GError              **error)
{
  GPtrArray *from = step == ROADMAP_COMMAND_UNDO ? self->undo_stack : self->redo_stack;
  GPtrArray *to = step == ROADMAP_COMMAND_UNDO ? self->redo_stack : self->undo_stack;
  g_autoptr(RoadmapCommand) command = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean could_undo = self->undo_stack->len > 0;
  gboolean could_redo = self->redo_stack->len > 0;
  gboolean changed;

  if (done != NULL)
    *done = NULL;
  if (from->len == 0)
    return TRUE;

  command = g_ptr_array_steal_index (from, from->len - 1);
  if (!run_step (self, command, step, &changed, &local_error))
    {
      /* A step that can never succeed leaves the list, so that the older
       * ones stay reachable; one that may (a busy or full disk) stays */
      if (!g_error_matches (local_error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE) &&
          !g_error_matches (local_error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_NOT_LOADED))
        g_ptr_array_add (from, g_object_ref (command));
      set_stacks (self, could_undo, could_redo);
      return fail_step (self, command, step, g_steal_pointer (&local_error), error);
    }

  g_ptr_array_add (to, g_object_ref (command));
  set_stacks (self, could_undo, could_redo);
  if (changed)
    g_signal_emit (self, signals[COMMAND_DONE], 0, command, (guint) step);
  if (done != NULL)
    *done = command;
  return TRUE;
}

/**
 * roadmap_session_undo:
 * @undone: (out) (optional) (transfer none): the command undone, %NULL
 *   when there was nothing to undo
 *
 * Undoes this session's latest command that is not undone yet. When
 * another process changed what it would restore, nothing changes and
 * @error says so (%ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE).
 */
gboolean
roadmap_session_undo (RoadmapSession   *self,
                      RoadmapCommand  **undone,
                      GError          **error)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  return walk_history (self, ROADMAP_COMMAND_UNDO, undone, error);
}

/**
 * roadmap_session_redo:
 * @redone: (out) (optional) (transfer none): the command redone, if any
 */
gboolean
roadmap_session_redo (RoadmapSession   *self,
                      RoadmapCommand  **redone,
                      GError          **error)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  return walk_history (self, ROADMAP_COMMAND_REDO, redone, error);
}

gboolean
roadmap_session_can_undo (RoadmapSession *self)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
roadmap_session_can_redo (RoadmapSession *self)
{
  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  return self->redo_stack->len > 0;
}

/**
 * roadmap_session_move_skill:
 * @before: (nullable): the card to land just before, %NULL for the end
 *
 * Moves @skill to column @status, just before @before as the database
 * has it (see #RoadmapMoveCommand).
 */
gboolean
roadmap_session_move_skill (RoadmapSession  *self,
                            RoadmapSkill    *skill,
                            RoadmapStatus    status,
                            RoadmapSkill    *before,
                            GError         **error)
{
  g_autoptr(RoadmapCommand) command = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);

  command = roadmap_move_command_new (skill, status, before);
  return roadmap_session_run (self, command, error);
}

/**
 * roadmap_session_set_status:
 *
 * Moves @skill to the end of column @status, unless the database has it
 * there already.
 */
gboolean
roadmap_session_set_status (RoadmapSession  *self,
                            RoadmapSkill    *skill,
                            RoadmapStatus    status,
                            GError         **error)
{
  g_autoptr(RoadmapCommand) command = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);

  command = roadmap_move_command_new_status (skill, status);
  return roadmap_session_run (self, command, error);
}

/**
 * roadmap_session_set_note:
 * @note: (nullable): empty or %NULL removes the note
 */
gboolean
roadmap_session_set_note (RoadmapSession  *self,
                          RoadmapSkill    *skill,
                          const char      *note,
                          GError         **error)
{
  g_autoptr(RoadmapCommand) command = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);

  command = roadmap_note_command_new (skill, note);
  return roadmap_session_run (self, command, error);
}

/**
 * roadmap_session_set_count_skipped_as_done:
 *
 * Counts Skipped skills as done, or leaves them out of the counts, in
 * every process that opens the database (the preference is kept there).
 */
gboolean
roadmap_session_set_count_skipped_as_done (RoadmapSession  *self,
                                           gboolean         count_skipped_as_done,
                                           GError         **error)
{
  g_autoptr(RoadmapCommand) command = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);

  command = roadmap_preference_command_new (self->catalog, ROADMAP_PREFERENCE_COUNT_SKIPPED_AS_DONE,
                                            count_skipped_as_done ? 1 : 0);
  return roadmap_session_run (self, command, error);
}

/**
 * roadmap_session_set_wip_limit:
 * @wip_limit: the most cards in Doing across @track, 1 to
 *   %ROADMAP_TRACK_MAX_WIP_LIMIT, or 0 for no limit
 *
 * Kept in the database with the progress, like the other preferences.
 */
gboolean
roadmap_session_set_wip_limit (RoadmapSession  *self,
                               RoadmapTrack    *track,
                               guint            wip_limit,
                               GError         **error)
{
  g_autoptr(RoadmapCommand) command = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), FALSE);
  g_return_val_if_fail (wip_limit <= ROADMAP_TRACK_MAX_WIP_LIMIT, FALSE);

  key = roadmap_store_wip_limit_key (roadmap_track_get_id (track));
  command = roadmap_preference_command_new (self->catalog, key, wip_limit);
  return roadmap_session_run (self, command, error);
}

/**
 * roadmap_session_set_plan:
 * @plan: (nullable): the plan, or %NULL to remove @track's plan
 *
 * One step of undo (see #RoadmapPlanCommand).
 */
gboolean
roadmap_session_set_plan (RoadmapSession     *self,
                          RoadmapTrack       *track,
                          const RoadmapPlan  *plan,
                          GError            **error)
{
  g_autoptr(RoadmapCommand) command = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), FALSE);

  command = roadmap_plan_command_new (track, plan);
  g_return_val_if_fail (command != NULL, FALSE);
  return roadmap_session_run (self, command, error);
}

/**
 * roadmap_session_set_weekly_goal:
 * @weekly_goal: skills a week, 1 to %ROADMAP_STATS_MAX_WEEKLY_GOAL, or 0
 *   for no goal
 *
 * Like roadmap_session_set_count_skipped_as_done(): kept in the
 * database for every process, set back by setting it again.
 */
gboolean
roadmap_session_set_weekly_goal (RoadmapSession  *self,
                                 guint            weekly_goal,
                                 GError         **error)
{
  g_autoptr(RoadmapCommand) command = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (weekly_goal <= ROADMAP_STATS_MAX_WEEKLY_GOAL, FALSE);

  command = roadmap_preference_command_new (self->catalog, ROADMAP_PREFERENCE_WEEKLY_GOAL, weekly_goal);
  return roadmap_session_run (self, command, error);
}

/**
 * roadmap_session_compute_stats:
 * @track_id: (nullable): one track, or %NULL for all
 *
 * The statistics as of the session's clock, in local time, with the
 * learner's weekly goal and way of counting Skipped.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
RoadmapStats *
roadmap_session_compute_stats (RoadmapSession  *self,
                               const char      *track_id,
                               GError         **error)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 now_us;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  now_us = self->clock (self->clock_data);
  utc = g_date_time_new_from_unix_utc (now_us / G_USEC_PER_SEC);
  now = g_date_time_to_local (utc);

  return roadmap_store_compute_stats (self->store, track_id, now,
                                      roadmap_catalog_get_weekly_goal (self->catalog),
                                      roadmap_catalog_get_count_skipped_as_done (self->catalog),
                                      error);
}

/**
 * roadmap_session_set_topic_done:
 * @index: one of @skill's topics, from 0
 * @done: tick it off, or untick it
 *
 * One step of undo (see #RoadmapTopicCommand); several topics in one
 * change are a #RoadmapTopicCommand given to roadmap_session_run().
 */
gboolean
roadmap_session_set_topic_done (RoadmapSession  *self,
                                RoadmapSkill    *skill,
                                guint            index,
                                gboolean         done,
                                GError         **error)
{
  g_autoptr(RoadmapCommand) command = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);
  g_return_val_if_fail (index < roadmap_skill_get_n_topics (skill), FALSE);

  command = roadmap_topic_command_new ();
  roadmap_topic_command_add (ROADMAP_TOPIC_COMMAND (command), skill, index, done);
  return roadmap_session_run (self, command, error);
}

/**
 * roadmap_session_import_progress:
 *
 * Replaces all progress, notes, ticked topics and the preferences @file
 * holds with those of @file (all or nothing, see
 * roadmap_session_restore()).
 */
gboolean
roadmap_session_import_progress (RoadmapSession  *self,
                                 GFile           *file,
                                 GError         **error)
{
  g_autoptr(RoadmapProgressData) data = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = roadmap_progress_file_read (file, error);
  if (data == NULL)
    return FALSE;

  name = g_file_get_basename (file);
  return roadmap_session_restore (self, data, name, error);
}

/**
 * roadmap_session_restore:
 * @data: read and checked (roadmap_progress_file_read(),
 *   roadmap_progress_data_read_backup())
 * @source_name: names it for the user ("progress.json", "1 December")
 *
 * Replaces all progress, notes, ticked topics and the preferences @data
 * holds with those of @data in one change, and one step of undo; the
 * model follows.
 */
gboolean
roadmap_session_restore (RoadmapSession       *self,
                         RoadmapProgressData  *data,
                         const char           *source_name,
                         GError              **error)
{
  g_autoptr(RoadmapCommand) command = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (data), FALSE);
  g_return_val_if_fail (source_name != NULL, FALSE);

  command = roadmap_restore_command_new (data, source_name, self->user_roadmap_dir);
  return roadmap_session_run (self, command, error);
}

/**
 * roadmap_session_preview_restore:
 * @diff: (out caller-allocates): what roadmap_session_restore() would
 *   change, as the database is now
 */
gboolean
roadmap_session_preview_restore (RoadmapSession       *self,
                                 RoadmapProgressData  *data,
                                 RoadmapProgressDiff  *diff,
                                 GError              **error)
{
  g_autoptr(RoadmapProgressData) current = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (data), FALSE);
  g_return_val_if_fail (diff != NULL, FALSE);

  if (!has_store (self, error))
    return FALSE;
  current = roadmap_progress_data_read (self->store, error);
  if (current == NULL)
    return FALSE;

  roadmap_progress_data_diff (current, data, diff);
  roadmap_restore_command_count_roadmaps (data, self->user_roadmap_dir, &diff->n_roadmaps_added,
                                          &diff->n_roadmaps_replaced);
  return TRUE;
}

/* The user's own roadmap files that load, as a backup carries them; a
 * file that does not load is left out (it is no roadmap to restore) */
static void
add_own_roadmaps (RoadmapSession      *self,
                  RoadmapProgressData *data)
{
  g_autoptr(GPtrArray) files = roadmap_loader_list_directory (self->user_roadmap_dir, NULL);

  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GBytes) contents = roadmap_file_read (file, ROADMAP_JSON_MAX_SIZE, NULL);
      g_autoptr(RoadmapTrack) track = contents != NULL ? roadmap_loader_load_bytes (contents, name, NULL) : NULL;

      if (track != NULL)
        roadmap_progress_data_add_roadmap (data, name, roadmap_track_get_id (track), contents);
    }
}

/**
 * roadmap_session_export_progress:
 *
 * Writes everything the learner made to @file: all progress, notes,
 * ticked topics, plans and preferences, and their own roadmap files (see
 * roadmap-progress-file.c).
 */
gboolean
roadmap_session_export_progress (RoadmapSession  *self,
                                 GFile           *file,
                                 GError         **error)
{
  g_autoptr(RoadmapProgressData) data = NULL;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!has_store (self, error))
    return FALSE;
  data = roadmap_progress_data_read (self->store, error);
  if (data == NULL)
    return FALSE;
  add_own_roadmaps (self, data);
  return roadmap_progress_file_write (data, file, error);
}

/**
 * roadmap_session_reload:
 * @n_changed: (out) (optional): how many skills moved
 *
 * Brings the model up to date with other processes' commits, reading
 * only the rows written since the model was loaded; cheap when nothing
 * changed. Emits ::outside-changed when something did.
 */
gboolean
roadmap_session_reload (RoadmapSession  *self,
                        guint           *n_changed,
                        GError         **error)
{
  gint64 before;
  guint changed = 0;

  g_return_val_if_fail (ROADMAP_IS_SESSION (self), FALSE);

  if (n_changed != NULL)
    *n_changed = 0;
  if (self->store == NULL || !roadmap_store_has_outside_changes (self->store))
    return TRUE;

  before = self->loaded_change;
  if (!roadmap_store_load_progress_since (self->store, self->catalog, before,
                                          &self->loaded_change, &changed, error))
    return FALSE;

  if (n_changed != NULL)
    *n_changed = changed;
  if (self->loaded_change != before)
    g_signal_emit (self, signals[OUTSIDE_CHANGED], 0, changed);
  return TRUE;
}

static gboolean
watch_tick (gpointer user_data)
{
  RoadmapSession *self = user_data;
  g_autoptr(GError) error = NULL;

  /* Not fatal: the next tick tries again (a locked or busy database). */
  if (!roadmap_session_reload (self, NULL, &error))
    g_debug ("Could not read other processes' changes: %s", error->message);

  return G_SOURCE_CONTINUE;
}

/**
 * roadmap_session_watch:
 * @interval_ms: how often to look, 0 to stop
 *
 * Looks for other processes' commits on a timer in the thread-default
 * main context (see roadmap_session_reload()).
 */
void
roadmap_session_watch (RoadmapSession *self,
                       guint           interval_ms)
{
  g_return_if_fail (ROADMAP_IS_SESSION (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (interval_ms > 0)
    self->watch_id = g_timeout_add (interval_ms, watch_tick, self);
}

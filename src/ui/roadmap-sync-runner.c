/* roadmap-sync-runner.c — sync for the window
 *
 * Everything that talks to Evolution Data Server (the sync module) runs
 * in one worker thread, one job at a time, with a main context of its
 * own: the window never waits for a server. The worker has a session of
 * its own on the same database; what a round merges reaches the window's
 * board as any other process's change does (roadmap_session_reload()).
 *
 * A round runs once after the first frame, a few seconds after the
 * learner's last change (or another process's, the command line's),
 * every few minutes, and at once on "Sync Now".
 * The rounds that run by themselves wait out the back-off a failed one
 * set (RoadmapSyncState.retry_at); "Sync Now" does not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-sync-lock.h"
#include "roadmap-sync-runner.h"

/* A round after the learner's last change, when nothing followed */
#define AFTER_CHANGE_SECONDS 4
/* A round every so often while the window is open */
#define PERIOD_SECONDS (5 * 60)
/* How long the worker's session waits for another writer */
#define BUSY_TIMEOUT_MS 10000

typedef enum
{
  JOB_ROUND,
  JOB_LIST,
  JOB_TURN_ON,
  JOB_TURN_OFF,
  JOB_CREATE,
  JOB_TRUST,
} JobKind;

typedef struct
{
  JobKind kind;
  char *source_uid;   /* TURN_ON, TRUST */
  char *account_uid;  /* CREATE */
  char *name;         /* CREATE */
  GAsyncReadyCallback callback;
  gpointer user_data;
} Job;

/* What only the worker thread touches */
typedef struct
{
  char *db_path;
  GMainContext *context;
  const RoadmapSyncModule *module;
  RoadmapSession *session;
  GObject *engine;
} Worker;

typedef struct
{
  GPtrArray *lists;
  GPtrArray *accounts;
} Lists;

struct _RoadmapSyncRunner
{
  GObject parent_instance;

  GApplication *application;
  RoadmapSession *session;
  GThreadPool *pool;
  Worker *worker;
  GCancellable *cancellable;

  RoadmapSyncState *state;
  GError *error;           /* the last round's, if it failed */
  guint n_jobs;            /* queued or running */
  gboolean round_running;
  gboolean round_again;    /* asked for while one ran */
  gboolean again_manual;
  guint after_change_id;
  guint period_id;
  gboolean started;
};

G_DEFINE_FINAL_TYPE (RoadmapSyncRunner, roadmap_sync_runner, G_TYPE_OBJECT)

enum {
  CHANGED,
  ROUND_ENDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
job_free (Job *job)
{
  g_free (job->source_uid);
  g_free (job->account_uid);
  g_free (job->name);
  g_free (job);
}

static void
lists_free (Lists *lists)
{
  g_clear_pointer (&lists->lists, g_ptr_array_unref);
  g_clear_pointer (&lists->accounts, g_ptr_array_unref);
  g_free (lists);
}

static void
report_free (RoadmapSyncReport *report)
{
  roadmap_sync_report_clear (report);
  g_free (report);
}

static void
worker_free (Worker *worker)
{
  g_clear_object (&worker->engine);
  g_clear_object (&worker->session);
  g_clear_pointer (&worker->context, g_main_context_unref);
  g_free (worker->db_path);
  g_free (worker);
}

/* In the worker: the module, a session and an engine, once */
static gboolean
worker_prepare (Worker  *worker,
                GError **error)
{
  g_autoptr(RoadmapSession) session = NULL;

  if (worker->engine != NULL)
    return TRUE;
  if (worker->module == NULL)
    {
      worker->module = roadmap_sync_module_load (error);
      if (worker->module == NULL)
        return FALSE;
    }

  session = roadmap_session_new (worker->db_path, NULL);
  roadmap_session_set_busy_timeout (session, BUSY_TIMEOUT_MS);
  if (!roadmap_session_open_store (session, error))
    return FALSE;
  worker->session = g_steal_pointer (&session);
  worker->engine = worker->module->new_engine (worker->session);
  return TRUE;
}

/* In the worker: the change to the sync settings, under the lock no
 * round of any process holds meanwhile */
static gboolean
worker_turn (Worker        *worker,
             const char    *source_uid,
             GCancellable  *cancellable,
             GError       **error)
{
  RoadmapStore *store = roadmap_session_get_store (worker->session);
  gboolean done;
  int lock;

  if (source_uid != NULL &&
      !worker->module->check_list (worker->engine, source_uid, NULL, cancellable, error))
    return FALSE;
  lock = roadmap_sync_lock_take (worker->db_path, cancellable, error);
  if (lock < 0)
    return FALSE;
  done = source_uid != NULL ? roadmap_store_sync_enable (store, source_uid, error)
                            : roadmap_store_sync_disable (store, error);
  roadmap_sync_lock_release (lock);
  return done;
}

static void
worker_run_job (GTask  *task,
                Worker *worker)
{
  Job *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;

  if (!worker_prepare (worker, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  switch (job->kind)
    {
    case JOB_ROUND:
      {
        RoadmapSyncReport *report = g_new0 (RoadmapSyncReport, 1);

        if (worker->module->run_round (worker->engine, report, cancellable, &error))
          g_task_return_pointer (task, report, (GDestroyNotify) report_free);
        else
          {
            report_free (report);
            g_task_return_error (task, g_steal_pointer (&error));
          }
        break;
      }
    case JOB_LIST:
      {
        Lists *lists = g_new0 (Lists, 1);

        lists->lists = worker->module->list_lists (worker->engine, &lists->accounts, cancellable, &error);
        if (lists->lists != NULL)
          g_task_return_pointer (task, lists, (GDestroyNotify) lists_free);
        else
          {
            lists_free (lists);
            g_task_return_error (task, g_steal_pointer (&error));
          }
        break;
      }
    case JOB_TURN_ON:
    case JOB_TURN_OFF:
      if (worker_turn (worker, job->source_uid, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      break;
    case JOB_CREATE:
      {
        g_autofree char *uid = worker->module->create_list (worker->engine, job->account_uid, job->name,
                                                            cancellable, &error);

        if (uid != NULL && worker_turn (worker, uid, cancellable, &error))
          g_task_return_boolean (task, TRUE);
        else
          g_task_return_error (task, g_steal_pointer (&error));
        break;
      }
    case JOB_TRUST:
      if (worker->module->trust_certificate (worker->engine, job->source_uid, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
unref_task (gpointer task)
{
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static void
worker_run (gpointer data,
            gpointer user_data)
{
  GTask *task = data;
  Worker *worker = user_data;

  if (!g_task_return_error_if_cancelled (task))
    {
      g_main_context_push_thread_default (worker->context);
      worker_run_job (task, worker);
      g_main_context_pop_thread_default (worker->context);
    }
  /* The task holds the runner: its last reference goes in the main
   * thread, where the runner's finalize may wait for this thread */
  g_main_context_invoke (NULL, unref_task, task);
}

/* What the database says now: on or off, the last round */
static void
read_state (RoadmapSyncRunner *self)
{
  RoadmapStore *store = roadmap_session_get_store (self->session);
  g_autoptr(RoadmapSyncState) state = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;
  if (!roadmap_store_sync_read_state (store, &state, &error))
    {
      /* Kept as it was: a busy database, read again next time */
      g_debug ("Could not read the sync settings: %s", error->message);
      return;
    }
  g_clear_pointer (&self->state, roadmap_sync_state_free);
  self->state = g_steal_pointer (&state);
}

static gboolean
is_on (RoadmapSyncRunner *self)
{
  return self->state != NULL && self->state->source_uid != NULL;
}

static void
job_ended (RoadmapSyncRunner *self)
{
  g_assert (self->n_jobs > 0);
  if (--self->n_jobs == 0)
    g_application_release (self->application);
}

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RoadmapSyncRunner *self = ROADMAP_SYNC_RUNNER (object);
  Job *job = g_task_get_task_data (G_TASK (result));

  job_ended (self);
  job->callback (object, result, job->user_data);
}

static void
push_job (RoadmapSyncRunner   *self,
          Job                 *job,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_job_done, NULL);

  job->callback = callback;
  job->user_data = user_data;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* The process ends only once the worker is done with the database */
  if (self->n_jobs++ == 0)
    g_application_hold (self->application);
  g_thread_pool_push (self->pool, g_steal_pointer (&task), NULL);
}

static void request_round (RoadmapSyncRunner *self,
                           gboolean           manual);

static void
on_round_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  RoadmapSyncRunner *self = ROADMAP_SYNC_RUNNER (object);
  g_autoptr(GError) error = NULL;
  RoadmapSyncReport *report = g_task_propagate_pointer (G_TASK (result), &error);
  guint n_pulled = report != NULL ? report->n_pulled : 0;

  self->round_running = FALSE;
  g_clear_error (&self->error);
  if (report == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("The sync round failed: %s", error->message);
      self->error = g_steal_pointer (&error);
    }
  else if (report != NULL && report->problems->len > 0)
    g_debug ("The sync round found %u tasks it could not use", report->problems->len);
  g_clear_pointer (&report, report_free);

  read_state (self);
  /* The board shows what the round merged at once */
  if (n_pulled > 0)
    roadmap_session_reload (self->session, NULL, NULL);
  g_signal_emit (self, signals[ROUND_ENDED], 0, n_pulled);
  g_signal_emit (self, signals[CHANGED], 0);

  if (self->round_again && !g_cancellable_is_cancelled (self->cancellable))
    {
      self->round_again = FALSE;
      request_round (self, self->again_manual);
    }
}

/* @manual: asked for by the learner, back-off or not */
static void
request_round (RoadmapSyncRunner *self,
               gboolean           manual)
{
  Job *job;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (self->round_running)
    {
      self->round_again = TRUE;
      self->again_manual |= manual;
      return;
    }
  read_state (self);
  if (!is_on (self))
    return;
  if (!manual && self->state->retry_at > g_get_real_time ())
    return;

  self->again_manual = FALSE;
  self->round_running = TRUE;
  job = g_new0 (Job, 1);
  job->kind = JOB_ROUND;
  push_job (self, job, on_round_done, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
after_change_due (gpointer user_data)
{
  RoadmapSyncRunner *self = user_data;

  self->after_change_id = 0;
  request_round (self, FALSE);
  return G_SOURCE_REMOVE;
}

static gboolean
period_due (gpointer user_data)
{
  request_round (user_data, FALSE);
  return G_SOURCE_CONTINUE;
}

static void
schedule_after_change (RoadmapSyncRunner *self)
{
  g_clear_handle_id (&self->after_change_id, g_source_remove);
  self->after_change_id = g_timeout_add_seconds (AFTER_CHANGE_SECONDS, after_change_due, self);
}

/* The learner's change is in the outbox: it goes soon, once the
 * learner pauses */
static void
on_command_done (RoadmapSyncRunner *self)
{
  if (self->started && is_on (self))
    schedule_after_change (self);
}

/* The command line may have turned sync on or off, run a round, or
 * changed progress: that goes too (not what a round merged, which
 * leaves nothing to send) */
static void
on_outside_changed (RoadmapSyncRunner *self)
{
  read_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
  if (self->started && is_on (self) && !self->round_running &&
      roadmap_store_sync_count_outbox (roadmap_session_get_store (self->session), NULL) > 0)
    schedule_after_change (self);
}

static void
roadmap_sync_runner_dispose (GObject *object)
{
  RoadmapSyncRunner *self = (RoadmapSyncRunner *) object;

  roadmap_sync_runner_stop (self);

  G_OBJECT_CLASS (roadmap_sync_runner_parent_class)->dispose (object);
}

static void
roadmap_sync_runner_finalize (GObject *object)
{
  RoadmapSyncRunner *self = (RoadmapSyncRunner *) object;

  /* Every job returned (each holds the runner): the worker is idle */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  worker_free (self->worker);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->application);
  g_clear_pointer (&self->state, roadmap_sync_state_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (roadmap_sync_runner_parent_class)->finalize (object);
}

static void
roadmap_sync_runner_class_init (RoadmapSyncRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = roadmap_sync_runner_dispose;
  object_class->finalize = roadmap_sync_runner_finalize;

  /**
   * RoadmapSyncRunner::changed:
   *
   * Sync was turned on or off, or a round began or ended.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RoadmapSyncRunner::round-ended:
   * @n_pulled: the skills another device had changed, now on the board
   */
  signals[ROUND_ENDED] = g_signal_new ("round-ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
roadmap_sync_runner_init (RoadmapSyncRunner *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * roadmap_sync_runner_new:
 * @application: held while a job runs
 * @session: the window's, with its store open
 */
RoadmapSyncRunner *
roadmap_sync_runner_new (GApplication   *application,
                         RoadmapSession *session)
{
  RoadmapSyncRunner *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ROADMAP_IS_SESSION (session), NULL);

  self = g_object_new (ROADMAP_TYPE_SYNC_RUNNER, NULL);
  self->application = g_object_ref (application);
  self->session = g_object_ref (session);
  self->worker = g_new0 (Worker, 1);
  self->worker->db_path = g_strdup (roadmap_session_get_db_path (session));
  self->worker->context = g_main_context_new ();
  /* One thread: the jobs run in turn */
  self->pool = g_thread_pool_new (worker_run, self->worker, 1, FALSE, NULL);

  g_signal_connect_object (session, "command-done", G_CALLBACK (on_command_done), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "outside-changed", G_CALLBACK (on_outside_changed), self,
                           G_CONNECT_SWAPPED);
  read_state (self);
  return self;
}

/**
 * roadmap_sync_runner_start:
 *
 * After the window's first frame: a round now, when sync is on, and the
 * rounds that come by themselves from now on.
 */
void
roadmap_sync_runner_start (RoadmapSyncRunner *self)
{
  g_return_if_fail (ROADMAP_IS_SYNC_RUNNER (self));

  if (self->started || g_cancellable_is_cancelled (self->cancellable))
    return;
  self->started = TRUE;
  self->period_id = g_timeout_add_seconds (PERIOD_SECONDS, period_due, self);
  request_round (self, FALSE);
}

/**
 * roadmap_sync_runner_stop:
 *
 * No more rounds; the one running is cancelled.
 */
void
roadmap_sync_runner_stop (RoadmapSyncRunner *self)
{
  g_return_if_fail (ROADMAP_IS_SYNC_RUNNER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->after_change_id, g_source_remove);
  g_clear_handle_id (&self->period_id, g_source_remove);
}

/* "Sync Now" */
void
roadmap_sync_runner_sync_now (RoadmapSyncRunner *self)
{
  g_return_if_fail (ROADMAP_IS_SYNC_RUNNER (self));

  g_clear_handle_id (&self->after_change_id, g_source_remove);
  request_round (self, TRUE);
}

gboolean
roadmap_sync_runner_get_running (RoadmapSyncRunner *self)
{
  g_return_val_if_fail (ROADMAP_IS_SYNC_RUNNER (self), FALSE);
  return self->round_running;
}

/**
 * roadmap_sync_runner_get_state:
 *
 * Returns: (transfer none) (nullable): the sync settings and the last
 *   round, as the database had them last
 */
const RoadmapSyncState *
roadmap_sync_runner_get_state (RoadmapSyncRunner *self)
{
  g_return_val_if_fail (ROADMAP_IS_SYNC_RUNNER (self), NULL);
  return self->state;
}

/**
 * roadmap_sync_runner_get_error:
 *
 * Returns: (transfer none) (nullable): why this window's last round
 *   failed, when it did (%ROADMAP_SYNC_ERROR, mostly)
 */
const GError *
roadmap_sync_runner_get_error (RoadmapSyncRunner *self)
{
  g_return_val_if_fail (ROADMAP_IS_SYNC_RUNNER (self), NULL);
  return self->error;
}

void
roadmap_sync_runner_list_lists (RoadmapSyncRunner   *self,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (ROADMAP_IS_SYNC_RUNNER (self));

  job->kind = JOB_LIST;
  push_job (self, job, callback, user_data);
}

/**
 * roadmap_sync_runner_list_lists_finish:
 * @accounts: (out) (transfer full) (element-type RoadmapSyncList): the
 *   accounts a list can be made in
 *
 * Returns: (transfer full) (element-type RoadmapSyncList): the task lists
 */
GPtrArray *
roadmap_sync_runner_list_lists_finish (RoadmapSyncRunner  *self,
                                       GAsyncResult       *result,
                                       GPtrArray         **accounts,
                                       GError            **error)
{
  Lists *lists;
  GPtrArray *found;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  lists = g_task_propagate_pointer (G_TASK (result), error);
  if (lists == NULL)
    return NULL;
  found = g_steal_pointer (&lists->lists);
  *accounts = g_steal_pointer (&lists->accounts);
  lists_free (lists);
  return found;
}

static void
push_turn (RoadmapSyncRunner   *self,
           JobKind              kind,
           Job                 *job,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  job->kind = kind;
  push_job (self, job, callback, user_data);
}

/**
 * roadmap_sync_runner_turn_on:
 * @source_uid: the task list to sync with
 *
 * Finish with roadmap_sync_runner_finish(); a round follows.
 */
void
roadmap_sync_runner_turn_on (RoadmapSyncRunner   *self,
                             const char          *source_uid,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (ROADMAP_IS_SYNC_RUNNER (self));
  g_return_if_fail (source_uid != NULL);

  job->source_uid = g_strdup (source_uid);
  push_turn (self, JOB_TURN_ON, job, callback, user_data);
}

void
roadmap_sync_runner_turn_off (RoadmapSyncRunner   *self,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (ROADMAP_IS_SYNC_RUNNER (self));

  push_turn (self, JOB_TURN_OFF, g_new0 (Job, 1), callback, user_data);
}

/**
 * roadmap_sync_runner_create_list:
 * @account_uid: an account of roadmap_sync_runner_list_lists_finish()
 *
 * Makes a task list and turns sync on with it; finish with
 * roadmap_sync_runner_finish().
 */
void
roadmap_sync_runner_create_list (RoadmapSyncRunner   *self,
                                 const char          *account_uid,
                                 const char          *name,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (ROADMAP_IS_SYNC_RUNNER (self));
  g_return_if_fail (account_uid != NULL && name != NULL);

  job->account_uid = g_strdup (account_uid);
  job->name = g_strdup (name);
  push_turn (self, JOB_CREATE, job, callback, user_data);
}

/**
 * roadmap_sync_runner_trust_certificate:
 *
 * Trusts the certificate the list's server showed; finish with
 * roadmap_sync_runner_finish(). A round follows.
 */
void
roadmap_sync_runner_trust_certificate (RoadmapSyncRunner   *self,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Job *job;

  g_return_if_fail (ROADMAP_IS_SYNC_RUNNER (self));

  job = g_new0 (Job, 1);
  job->source_uid = g_strdup (is_on (self) ? self->state->source_uid : "");
  push_turn (self, JOB_TRUST, job, callback, user_data);
}

/* Ends roadmap_sync_runner_turn_on(), _turn_off(), _create_list() and
 * _trust_certificate() */
gboolean
roadmap_sync_runner_finish (RoadmapSyncRunner  *self,
                            GAsyncResult       *result,
                            GError            **error)
{
  Job *job;
  gboolean done;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  done = g_task_propagate_boolean (G_TASK (result), error);
  read_state (self);
  if (done)
    {
      g_clear_error (&self->error);
      if (job->kind != JOB_TURN_OFF)
        request_round (self, TRUE);
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return done;
}

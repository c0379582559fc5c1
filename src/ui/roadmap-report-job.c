/* roadmap-report-job.c — the part of an export or a print that is the
 * same for both
 *
 * A job is made for one run: it knows the window it reports from (weak:
 * a job may outlive its window by a moment), where its toasts go, the
 * catalog and the track on the board. roadmap_report_job_ask () asks
 * "All tracks / Current track" (roadmap_report_scope_ask ()) and hands the
 * answer to the subclass's scope_chosen (); whatever follows ends in
 * roadmap_report_job_finish (), which emits ::finished, once per run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-report-job.h"
#include "roadmap-report-scope.h"

typedef struct
{
  GtkWindow *parent;          /* weak */
  AdwToastOverlay *toasts;    /* weak */
  RoadmapCatalog *catalog;
  RoadmapTrack *track;        /* nullable: the track on the board */
  RoadmapSession *session;    /* nullable: for the statistics */
  GCancellable *cancellable;
  gboolean asking;
} RoadmapReportJobPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RoadmapReportJob, roadmap_report_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PARENT,
  PROP_TOASTS,
  PROP_CATALOG,
  PROP_CURRENT_TRACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Callbacks */

/* The job holds itself alive until the question is answered */
static void
on_scope_chosen (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RoadmapReportJob) self = user_data;
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  gboolean all_tracks;

  priv->asking = FALSE;
  if (!roadmap_report_scope_ask_finish (result, &all_tracks, &error))
    {
      roadmap_report_job_finish (self, FALSE);
      return;
    }

  ROADMAP_REPORT_JOB_GET_CLASS (self)->scope_chosen (self, all_tracks);
}

/* GObject overrides */

static void
roadmap_report_job_dispose (GObject *object)
{
  RoadmapReportJob *self = ROADMAP_REPORT_JOB (object);
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_weak_pointer (&priv->parent);
  g_clear_weak_pointer (&priv->toasts);

  G_OBJECT_CLASS (roadmap_report_job_parent_class)->dispose (object);
}

static void
roadmap_report_job_finalize (GObject *object)
{
  RoadmapReportJob *self = ROADMAP_REPORT_JOB (object);
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);

  g_clear_object (&priv->catalog);
  g_clear_object (&priv->track);
  g_clear_object (&priv->session);
  g_clear_object (&priv->cancellable);

  G_OBJECT_CLASS (roadmap_report_job_parent_class)->finalize (object);
}

static void
roadmap_report_job_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RoadmapReportJob *self = ROADMAP_REPORT_JOB (object);
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PARENT:
      g_value_set_object (value, priv->parent);
      break;
    case PROP_TOASTS:
      g_value_set_object (value, priv->toasts);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, priv->catalog);
      break;
    case PROP_CURRENT_TRACK:
      g_value_set_object (value, priv->track);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_report_job_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RoadmapReportJob *self = ROADMAP_REPORT_JOB (object);
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PARENT:
      g_set_weak_pointer (&priv->parent, g_value_get_object (value));
      break;
    case PROP_TOASTS:
      g_set_weak_pointer (&priv->toasts, g_value_get_object (value));
      break;
    case PROP_CATALOG:
      priv->catalog = g_value_dup_object (value);
      break;
    case PROP_CURRENT_TRACK:
      priv->track = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_report_job_class_init (RoadmapReportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = roadmap_report_job_dispose;
  object_class->finalize = roadmap_report_job_finalize;
  object_class->get_property = roadmap_report_job_get_property;
  object_class->set_property = roadmap_report_job_set_property;

  properties[PROP_PARENT] =
    g_param_spec_object ("parent", NULL, NULL, GTK_TYPE_WINDOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOASTS] =
    g_param_spec_object ("toasts", NULL, NULL, ADW_TYPE_TOAST_OVERLAY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, ROADMAP_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_TRACK] =
    g_param_spec_object ("current-track", NULL, NULL, ROADMAP_TYPE_TRACK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RoadmapReportJob::finished:
   * @success: whether the report was written or sent
   *
   * The job is over: done, failed (a dialog says why), or given up.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
roadmap_report_job_init (RoadmapReportJob *self)
{
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
}

/* API for subclasses */

/**
 * roadmap_report_job_get_parent:
 *
 * Returns: (transfer none) (nullable): the window, while it is there
 */
GtkWindow *
roadmap_report_job_get_parent (RoadmapReportJob *self)
{
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);

  g_return_val_if_fail (ROADMAP_IS_REPORT_JOB (self), NULL);
  return priv->parent;
}

/**
 * roadmap_report_job_get_catalog:
 *
 * Returns: (transfer none): what is reported on
 */
RoadmapCatalog *
roadmap_report_job_get_catalog (RoadmapReportJob *self)
{
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);

  g_return_val_if_fail (ROADMAP_IS_REPORT_JOB (self), NULL);
  return priv->catalog;
}

/**
 * roadmap_report_job_get_current_track:
 *
 * Returns: (transfer none) (nullable): the track on the board
 */
RoadmapTrack *
roadmap_report_job_get_current_track (RoadmapReportJob *self)
{
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);

  g_return_val_if_fail (ROADMAP_IS_REPORT_JOB (self), NULL);
  return priv->track;
}

/**
 * roadmap_report_job_get_cancellable:
 *
 * Returns: (transfer none): cancelled by roadmap_report_job_cancel ()
 */
GCancellable *
roadmap_report_job_get_cancellable (RoadmapReportJob *self)
{
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);

  g_return_val_if_fail (ROADMAP_IS_REPORT_JOB (self), NULL);
  return priv->cancellable;
}

/**
 * roadmap_report_job_ask:
 * @heading: the question's heading, "Print Progress"
 *
 * Asks which tracks (when there is a choice), then goes on in the
 * subclass's scope_chosen (); finishes unsuccessfully when cancelled.
 */
void
roadmap_report_job_ask (RoadmapReportJob *self,
                        const char       *heading)
{
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);

  g_return_if_fail (ROADMAP_IS_REPORT_JOB (self));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (!priv->asking);

  priv->asking = TRUE;
  roadmap_report_scope_ask (priv->parent, heading, priv->catalog, priv->track,
                            priv->cancellable, on_scope_chosen, g_object_ref (self));
}

/**
 * roadmap_report_job_set_session:
 * @session: (nullable): where the report's statistics are computed from;
 *   without one, the report has no Statistics section
 */
void
roadmap_report_job_set_session (RoadmapReportJob *self,
                                RoadmapSession   *session)
{
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);

  g_return_if_fail (ROADMAP_IS_REPORT_JOB (self));
  g_return_if_fail (session == NULL || ROADMAP_IS_SESSION (session));

  g_set_object (&priv->session, session);
}

/**
 * roadmap_report_job_snapshot:
 * @all_tracks: every track, or only the one on the board
 *
 * Copies what the report shows; on the main thread, where the catalog is.
 *
 * Returns: (transfer full): the snapshot, or %NULL with @error set
 */
RoadmapReportSnapshot *
roadmap_report_job_snapshot (RoadmapReportJob  *self,
                             gboolean           all_tracks,
                             GError           **error)
{
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);
  g_autoptr(RoadmapReportSnapshot) snapshot = NULL;
  g_autoptr(RoadmapStats) stats = NULL;
  const char *track_id;

  g_return_val_if_fail (ROADMAP_IS_REPORT_JOB (self), NULL);

  track_id = all_tracks || priv->track == NULL ? NULL : roadmap_track_get_id (priv->track);
  snapshot = roadmap_report_snapshot_new (priv->catalog, track_id, error);
  if (snapshot == NULL)
    return NULL;

  /* Here, on the main thread: the worker never reads the store */
  if (priv->session != NULL && roadmap_session_get_store (priv->session) != NULL)
    {
      stats = roadmap_session_compute_stats (priv->session, track_id, error);
      if (stats == NULL)
        return NULL;
      roadmap_report_snapshot_set_stats (snapshot, stats);
    }

  return g_steal_pointer (&snapshot);
}

/**
 * roadmap_report_job_dup_file_stem:
 *
 * Returns: (transfer full): the name a file of the report is offered
 *   under, without its extension: "roadmap-progress-2026-11-25", or
 *   "roadmap-progress-data-engineer-2026-11-25" for one track
 */
char *
roadmap_report_job_dup_file_stem (RoadmapReportJob *self,
                                  gboolean          all_tracks)
{
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (ROADMAP_IS_REPORT_JOB (self), NULL);

  if (!all_tracks && priv->track != NULL)
    return g_strdup_printf ("roadmap-progress-%s-%s", roadmap_track_get_id (priv->track), date);

  return g_strdup_printf ("roadmap-progress-%s", date);
}

/**
 * roadmap_report_job_add_toast:
 * @toast: (transfer full): shown in the window, while it is there
 */
void
roadmap_report_job_add_toast (RoadmapReportJob *self,
                              AdwToast         *toast)
{
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);

  g_return_if_fail (ROADMAP_IS_REPORT_JOB (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (priv->toasts != NULL)
    adw_toast_overlay_add_toast (priv->toasts, toast);
  else
    g_object_unref (toast);
}

/**
 * roadmap_report_job_show_error:
 * @heading: "Export Failed"
 * @error: (nullable): what failed; %NULL when no reason was given
 */
void
roadmap_report_job_show_error (RoadmapReportJob *self,
                               const char       *heading,
                               const GError     *error)
{
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);
  GtkWidget *dialog;

  g_return_if_fail (ROADMAP_IS_REPORT_JOB (self));
  g_return_if_fail (heading != NULL);

  if (priv->parent == NULL)
    return;

  /* The body is plain text: a path in the message prints as written */
  dialog = adw_message_dialog_new (priv->parent, heading,
                                   error != NULL ? error->message : _("No reason was given."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * roadmap_report_job_finish:
 *
 * Emits RoadmapReportJob::finished.
 */
void
roadmap_report_job_finish (RoadmapReportJob *self,
                           gboolean          success)
{
  g_return_if_fail (ROADMAP_IS_REPORT_JOB (self));

  g_signal_emit (self, signals[FINISHED], 0, success);
}

/* Public API */

/**
 * roadmap_report_job_cancel:
 *
 * Gives up: closes the question, and stops whatever the subclass runs.
 */
void
roadmap_report_job_cancel (RoadmapReportJob *self)
{
  RoadmapReportJobPrivate *priv = roadmap_report_job_get_instance_private (self);
  /* ::finished may come at once, and its handler let go of the job */
  g_autoptr(RoadmapReportJob) hold = NULL;

  g_return_if_fail (ROADMAP_IS_REPORT_JOB (self));

  hold = g_object_ref (self);
  g_cancellable_cancel (priv->cancellable);
  if (ROADMAP_REPORT_JOB_GET_CLASS (self)->cancel != NULL)
    ROADMAP_REPORT_JOB_GET_CLASS (self)->cancel (self);
}

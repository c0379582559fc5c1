/* roadmap-report-scope.c — "All tracks / Current track", asked once for
 * the PDF export and the print alike
 *
 * The question is an AdwMessageDialog, asked only when there is a choice:
 * a track on the board and at least one other. Otherwise the answer is
 * "all tracks", without a dialog (still through the callback, so the
 * caller has one path).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-report-scope.h"

#define SCOPE_ALL     1
#define SCOPE_CURRENT 2

/* Callbacks */

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             GTask            *task)
{
  g_autoptr(GTask) hold = g_object_ref (task);

  /* One answer: the dialog closing after it would give its close
   * response too */
  g_signal_handlers_disconnect_by_func (dialog, on_response, task);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (g_strcmp0 (response, "all") == 0)
    g_task_return_int (task, SCOPE_ALL);
  else if (g_strcmp0 (response, "current") == 0)
    g_task_return_int (task, SCOPE_CURRENT);
  else
    /* GLib's own words, translated in its domain: the caller shows none */
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             g_dgettext ("glib20", "Operation was cancelled"));
}

/* The caller gave up (its window closes): so does the question. A plain
 * handler rather than g_cancellable_connect (), whose disconnection from
 * within the emission would wait for itself. */
static void
on_cancelled (GtkWindow    *dialog,
              GCancellable *cancellable)
{
  gtk_window_close (dialog);
}

/* Public API */

/**
 * roadmap_report_scope_ask:
 * @parent: (nullable): the window to ask over; without one, all tracks
 * @heading: the dialog's heading, "Export Progress as PDF"
 * @current_track: (nullable): the track on the board
 * @cancellable: (nullable): closes the dialog, the answer then being
 *   %G_IO_ERROR_CANCELLED
 *
 * Asks which tracks the report covers, when there is a choice.
 */
void
roadmap_report_scope_ask (GtkWindow           *parent,
                          const char          *heading,
                          RoadmapCatalog      *catalog,
                          RoadmapTrack        *current_track,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (ROADMAP_IS_CATALOG (catalog));
  g_return_if_fail (current_track == NULL || ROADMAP_IS_TRACK (current_track));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, roadmap_report_scope_ask);

  if (current_track == NULL || parent == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (catalog)) < 2)
    {
      g_task_return_int (task, SCOPE_ALL);
      return;
    }

  /* Translators: %s is a track, "Data Engineer" */
  body = g_strdup_printf (_("The report can cover every track, or only “%s”."),
                          roadmap_track_get_title (current_track));
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "current", _("_Current Track"),
                                    "all", _("_All Tracks"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "all",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "all");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response),
                         g_object_ref (task), (GClosureNotify) G_CALLBACK (g_object_unref), 0);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (on_cancelled), dialog,
                             G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * roadmap_report_scope_ask_finish:
 * @all_tracks: (out): every track, or only the current one
 *
 * Returns: %FALSE when the question was cancelled (%G_IO_ERROR_CANCELLED)
 */
gboolean
roadmap_report_scope_ask_finish (GAsyncResult  *result,
                                 gboolean      *all_tracks,
                                 GError       **error)
{
  gssize scope;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == roadmap_report_scope_ask, FALSE);
  g_return_val_if_fail (all_tracks != NULL, FALSE);

  scope = g_task_propagate_int (G_TASK (result), error);
  if (scope <= 0)
    return FALSE;

  *all_tracks = scope == SCOPE_ALL;
  return TRUE;
}

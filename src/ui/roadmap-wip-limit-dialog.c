/* roadmap-wip-limit-dialog.c
 *
 * Kanban's limit on work in progress, as the learner's own choice: off
 * by default; turned on, 3 cards in Doing across the track, any number
 * up to 99. A move beyond it is never refused: the Doing header says "4
 * of 3 in progress" in the warning colour (see roadmap-column.c). The
 * limit is kept in the progress database, so the command line and a
 * second window see it too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-wip-limit-dialog.h"

struct _RoadmapWipLimitDialog
{
  AdwMessageDialog parent_instance;

  RoadmapSession *session;
  RoadmapTrack *track;

  GtkCheckButton *check;
  GtkSpinButton *spin;
};

G_DEFINE_FINAL_TYPE (RoadmapWipLimitDialog, roadmap_wip_limit_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
roadmap_wip_limit_dialog_response (AdwMessageDialog *dialog,
                                   const char       *response)
{
  RoadmapWipLimitDialog *self = ROADMAP_WIP_LIMIT_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  guint limit = 0;

  if (g_str_equal (response, "set"))
    {
      /* A number typed and not yet taken */
      gtk_spin_button_update (self->spin);
      if (gtk_check_button_get_active (self->check))
        limit = (guint) gtk_spin_button_get_value_as_int (self->spin);

      if (!roadmap_session_set_wip_limit (self->session, self->track, limit, &error))
        {
          GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
          GtkWidget *failed = adw_message_dialog_new (parent, _("Could Not Set the Limit"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (failed));
        }
    }

  if (ADW_MESSAGE_DIALOG_CLASS (roadmap_wip_limit_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (roadmap_wip_limit_dialog_parent_class)->response (dialog, response);
}

static void
roadmap_wip_limit_dialog_dispose (GObject *object)
{
  RoadmapWipLimitDialog *self = ROADMAP_WIP_LIMIT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->track);

  G_OBJECT_CLASS (roadmap_wip_limit_dialog_parent_class)->dispose (object);
}

static void
roadmap_wip_limit_dialog_class_init (RoadmapWipLimitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = roadmap_wip_limit_dialog_dispose;
  dialog_class->response = roadmap_wip_limit_dialog_response;
}

static void
roadmap_wip_limit_dialog_init (RoadmapWipLimitDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Limit cards in Doing to")));
  self->spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, ROADMAP_TRACK_MAX_WIP_LIMIT, 1));
  gtk_spin_button_set_numeric (self->spin, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Most cards in Doing"), -1);
  g_object_bind_property (self->check, "active", self->spin, "sensitive", G_BINDING_SYNC_CREATE);
  /* Enter in the number sets it, as in any entry of a dialog */
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->spin))), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->check));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->spin));
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "set", _("_Set"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "set", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "set");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

/**
 * roadmap_wip_limit_dialog_new:
 *
 * Returns: (transfer none): the dialog for @track's limit, showing the
 *   one it has
 */
GtkWidget *
roadmap_wip_limit_dialog_new (GtkWindow      *parent,
                              RoadmapSession *session,
                              RoadmapTrack   *track)
{
  RoadmapWipLimitDialog *self;
  guint limit;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ROADMAP_IS_SESSION (session), NULL);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), NULL);

  self = g_object_new (ROADMAP_TYPE_WIP_LIMIT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       /* Translators: the dialog's heading */
                       "heading", _("Limit Cards in Doing"),
                       NULL);
  self->session = g_object_ref (session);
  self->track = g_object_ref (track);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  /* Translators: %s is a track, "Backend Developer" */
                                  _("Fewer skills at once, finished sooner. Across the phases of “%s”: a move beyond the limit is still allowed, and the Doing column then says so."),
                                  roadmap_track_get_title (track));
  limit = roadmap_track_get_wip_limit (track);
  gtk_check_button_set_active (self->check, limit > 0);
  gtk_spin_button_set_value (self->spin, limit > 0 ? limit : ROADMAP_WIP_LIMIT_DEFAULT);

  return GTK_WIDGET (self);
}

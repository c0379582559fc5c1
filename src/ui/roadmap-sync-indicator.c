/* roadmap-sync-indicator.c — a small spinner in the header bar while a
 * round runs, a warning sign while sync needs the learner (a sign-in, a
 * certificate), nothing otherwise. It opens Preferences → Sync.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-sync-indicator.h"

struct _RoadmapSyncIndicator
{
  GtkButton parent_instance;

  RoadmapSyncRunner *runner;
  GtkStack *stack;
  GtkSpinner *spinner;
};

G_DEFINE_FINAL_TYPE (RoadmapSyncIndicator, roadmap_sync_indicator, GTK_TYPE_BUTTON)

/* What a round that failed needs the learner for */
static gboolean
needs_learner (const GError *error)
{
  return g_error_matches (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_SIGN_IN) ||
         g_error_matches (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_CERTIFICATE) ||
         g_error_matches (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_NO_LIST);
}

static void
update (RoadmapSyncIndicator *self)
{
  gboolean running = roadmap_sync_runner_get_running (self->runner);
  const GError *error = roadmap_sync_runner_get_error (self->runner);
  const RoadmapSyncState *state = roadmap_sync_runner_get_state (self->runner);
  gboolean on = state != NULL && state->source_uid != NULL;
  const char *tooltip;

  gtk_spinner_set_spinning (self->spinner, running);
  if (running)
    {
      gtk_stack_set_visible_child_name (self->stack, "running");
      tooltip = _("Syncing…");
    }
  else if (on && needs_learner (error))
    {
      gtk_stack_set_visible_child_name (self->stack, "problem");
      tooltip = error->message;
    }
  else
    tooltip = NULL;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip != NULL ? tooltip : _("Sync"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), tooltip != NULL);
}

static void
roadmap_sync_indicator_dispose (GObject *object)
{
  RoadmapSyncIndicator *self = ROADMAP_SYNC_INDICATOR (object);

  g_clear_object (&self->runner);

  G_OBJECT_CLASS (roadmap_sync_indicator_parent_class)->dispose (object);
}

static void
roadmap_sync_indicator_class_init (RoadmapSyncIndicatorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = roadmap_sync_indicator_dispose;
}

static void
roadmap_sync_indicator_init (RoadmapSyncIndicator *self)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  self->stack = GTK_STACK (gtk_stack_new ());
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->spinner), "running");
  gtk_stack_add_named (self->stack, image, "problem");
  gtk_button_set_child (GTK_BUTTON (self), GTK_WIDGET (self->stack));
  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "win.show-sync-preferences");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
roadmap_sync_indicator_set_runner (RoadmapSyncIndicator *self,
                                   RoadmapSyncRunner    *runner)
{
  g_return_if_fail (ROADMAP_IS_SYNC_INDICATOR (self));
  g_return_if_fail (ROADMAP_IS_SYNC_RUNNER (runner));

  g_set_object (&self->runner, runner);
  g_signal_connect_object (runner, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

/* roadmap-plan-dialog.c
 *
 * Sets or adjusts a track's plan: a first day on a calendar, and either
 * a length in months or a pace in hours a week, the other shown as it
 * follows (from the same schedule the board shows), with the projected
 * finish. Adjusting a plan that slipped is moving its first day: no
 * reproach. Saving is one undoable change through the session; a
 * failure reaches the window as the session's ::command-failed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-date.h"
#include "roadmap-plan-dialog.h"
#include "roadmap-schedule.h"
#include "roadmap-window-fit.h"

struct _RoadmapPlanDialog
{
  AdwWindow parent_instance;

  RoadmapSession *session;
  RoadmapTrack *track;

  GtkCalendar *calendar;
  GtkCheckButton *months_check;
  GtkCheckButton *hours_check;
  GtkSpinButton *months_spin;
  GtkSpinButton *hours_spin;
  AdwActionRow *summary_row;
  GtkWidget *remove_group;
};

G_DEFINE_FINAL_TYPE (RoadmapPlanDialog, roadmap_plan_dialog, ADW_TYPE_WINDOW)

/* The plan the dialog shows */
static RoadmapPlan *
dup_plan (RoadmapPlanDialog *self)
{
  g_autoptr(GDateTime) selected = gtk_calendar_get_date (self->calendar);
  gboolean by_months = gtk_check_button_get_active (self->months_check);
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, (GDateDay) g_date_time_get_day_of_month (selected),
                  (GDateMonth) g_date_time_get_month (selected), (GDateYear) g_date_time_get_year (selected));
  return roadmap_plan_new (&start,
                           by_months ? (guint) gtk_spin_button_get_value_as_int (self->months_spin) : 0,
                           by_months ? 0 : (guint) gtk_spin_button_get_value_as_int (self->hours_spin));
}

static void
on_changed (RoadmapPlanDialog *self)
{
  g_autoptr(RoadmapPlan) plan = NULL;
  g_autoptr(RoadmapSchedule) schedule = NULL;
  g_autofree char *derived = NULL;
  g_autofree char *finish = NULL;
  GDate today;

  if (self->session == NULL)
    return;

  plan = dup_plan (self);
  roadmap_session_get_today (self->session, &today);
  schedule = roadmap_schedule_new (self->track, plan, &today);

  if (plan->months != 0)
    /* Translators: what a length in months asks, "About 14 h a week" */
    derived = g_strdup_printf (_("About %.0f h a week"), schedule->hours_per_week);
  else
    /* Translators: what a pace takes, "About 4.5 months" */
    derived = g_strdup_printf (_("About %.1f months"), schedule->months);
  finish = roadmap_schedule_describe_finish (schedule);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), derived);
  adw_action_row_set_subtitle (self->summary_row, finish != NULL ? finish : "");
}

static void
on_save_clicked (RoadmapPlanDialog *self)
{
  g_autoptr(RoadmapPlan) plan = dup_plan (self);

  /* A failure reaches the user through the session's ::command-failed */
  roadmap_session_set_plan (self->session, self->track, plan, NULL);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_remove_clicked (RoadmapPlanDialog *self)
{
  roadmap_session_set_plan (self->session, self->track, NULL, NULL);
  gtk_window_close (GTK_WINDOW (self));
}

static void
roadmap_plan_dialog_realize (GtkWidget *widget)
{
  roadmap_window_fit_to_parent (GTK_WINDOW (widget));

  GTK_WIDGET_CLASS (roadmap_plan_dialog_parent_class)->realize (widget);
}

static void
roadmap_plan_dialog_dispose (GObject *object)
{
  RoadmapPlanDialog *self = ROADMAP_PLAN_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->track);

  G_OBJECT_CLASS (roadmap_plan_dialog_parent_class)->dispose (object);
}

static void
roadmap_plan_dialog_class_init (RoadmapPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_plan_dialog_dispose;
  widget_class->realize = roadmap_plan_dialog_realize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapPlanDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPlanDialog, months_check);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPlanDialog, hours_check);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPlanDialog, months_spin);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPlanDialog, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPlanDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, RoadmapPlanDialog, remove_group);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
roadmap_plan_dialog_init (RoadmapPlanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * roadmap_plan_dialog_new:
 *
 * Opens on @track's plan, or on a plan of the roadmap's own length from
 * today when it has none.
 */
GtkWidget *
roadmap_plan_dialog_new (GtkWindow      *parent,
                         RoadmapSession *session,
                         RoadmapTrack   *track)
{
  RoadmapPlanDialog *self;
  const RoadmapPlan *plan;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *title = NULL;
  GDate today;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ROADMAP_IS_SESSION (session), NULL);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), NULL);

  /* Translators: the plan dialog's title, "Plan “Data Engineer”" */
  title = g_strdup_printf (_("Plan “%s”"), roadmap_track_get_title (track));
  self = g_object_new (ROADMAP_TYPE_PLAN_DIALOG,
                       "transient-for", parent,
                       "title", title,
                       NULL);
  self->track = g_object_ref (track);

  plan = roadmap_track_get_plan (track);
  roadmap_session_get_today (session, &today);
  if (plan != NULL)
    today = plan->start;
  start = g_date_time_new_local (g_date_get_year (&today), g_date_get_month (&today), g_date_get_day (&today),
                                 12, 0, 0);
  gtk_calendar_select_day (self->calendar, start);
  if (plan != NULL && plan->months != 0)
    gtk_spin_button_set_value (self->months_spin, plan->months);
  if (plan != NULL && plan->hours_per_week != 0)
    {
      gtk_spin_button_set_value (self->hours_spin, plan->hours_per_week);
      gtk_check_button_set_active (self->hours_check, TRUE);
    }
  gtk_widget_set_visible (self->remove_group, plan != NULL);

  /* Set last: the summary follows every change from here on */
  self->session = g_object_ref (session);
  on_changed (self);

  return GTK_WIDGET (self);
}

/* roadmap-plan-command.c
 *
 * Sets a track's plan, or removes it; a step of undo. The run reads the
 * plan on disk inside the transaction and keeps it for the undo: a plan
 * set meanwhile by the command line is what an undo puts back, and the
 * same plan again changes nothing. An undo or redo refuses when another
 * process wrote the plan since this session did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-plan-command.h"

struct _RoadmapPlanCommand
{
  RoadmapCommand parent_instance;

  RoadmapTrack *track;
  RoadmapPlan *plan;      /* NULL: remove it */
  RoadmapPlan *old_plan;  /* what the run found on disk */
  /* The row's key for the session's own rows: "plan/TRACK-ID" */
  char *key;
};

G_DEFINE_FINAL_TYPE (RoadmapPlanCommand, roadmap_plan_command, ROADMAP_TYPE_COMMAND)

static gboolean
roadmap_plan_command_execute (RoadmapCommand         *command,
                              RoadmapCommandContext  *context,
                              RoadmapCommandStep      step,
                              gboolean               *changed,
                              GError                **error)
{
  RoadmapPlanCommand *self = ROADMAP_PLAN_COMMAND (command);
  g_autoptr(RoadmapPlan) current = NULL;
  const RoadmapPlan *target;
  gint64 current_change;

  if (!roadmap_store_read_plan (context->store, self->track, &current, &current_change, error))
    return FALSE;

  if (step == ROADMAP_COMMAND_RUN)
    {
      g_clear_pointer (&self->old_plan, roadmap_plan_free);
      self->old_plan = current != NULL ? roadmap_plan_copy (current) : NULL;
    }
  else if (!roadmap_command_context_check_own_track_row (context, self->track, self->key,
                                                         current_change, error))
    return FALSE;

  target = step == ROADMAP_COMMAND_UNDO ? self->old_plan : self->plan;
  if (roadmap_plan_equal (current, target))
    return TRUE;

  if (!roadmap_store_write_plan (context->store, self->track, target, context->change,
                                 context->now / G_USEC_PER_SEC, error))
    return FALSE;

  roadmap_command_context_mark_own_row (context, self->key);
  *changed = TRUE;
  return TRUE;
}

static void
roadmap_plan_command_apply (RoadmapCommand     *command,
                            RoadmapCommandStep  step)
{
  RoadmapPlanCommand *self = ROADMAP_PLAN_COMMAND (command);

  roadmap_track_set_plan (self->track, step == ROADMAP_COMMAND_UNDO ? self->old_plan : self->plan);
}

static char *
roadmap_plan_command_describe (RoadmapCommand     *command,
                               RoadmapCommandStep  step)
{
  RoadmapPlanCommand *self = ROADMAP_PLAN_COMMAND (command);
  const char *title = roadmap_track_get_title (self->track);

  if (step == ROADMAP_COMMAND_UNDO)
    /* Translators: a toast, "Put back the plan of Data Engineer" */
    return g_strdup_printf (_("Put back the plan of %s"), title);
  if (self->plan == NULL)
    /* Translators: a toast, "Removed the plan of Data Engineer" */
    return g_strdup_printf (_("Removed the plan of %s"), title);
  /* Translators: a toast, "Planned Data Engineer" */
  return g_strdup_printf (_("Planned %s"), title);
}

static void
roadmap_plan_command_finalize (GObject *object)
{
  RoadmapPlanCommand *self = (RoadmapPlanCommand *) object;

  g_clear_object (&self->track);
  g_clear_pointer (&self->plan, roadmap_plan_free);
  g_clear_pointer (&self->old_plan, roadmap_plan_free);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (roadmap_plan_command_parent_class)->finalize (object);
}

static void
roadmap_plan_command_class_init (RoadmapPlanCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RoadmapCommandClass *command_class = ROADMAP_COMMAND_CLASS (klass);

  object_class->finalize = roadmap_plan_command_finalize;
  command_class->execute = roadmap_plan_command_execute;
  command_class->apply = roadmap_plan_command_apply;
  command_class->describe = roadmap_plan_command_describe;
}

static void
roadmap_plan_command_init (RoadmapPlanCommand *self)
{
}

/**
 * roadmap_plan_command_new:
 * @plan: (nullable): the plan, or %NULL to remove the track's plan
 */
RoadmapCommand *
roadmap_plan_command_new (RoadmapTrack      *track,
                          const RoadmapPlan *plan)
{
  RoadmapPlanCommand *self;

  g_return_val_if_fail (ROADMAP_IS_TRACK (track), NULL);
  g_return_val_if_fail (plan == NULL ||
                        roadmap_plan_is_valid (&plan->start, plan->months, plan->hours_per_week), NULL);

  self = g_object_new (ROADMAP_TYPE_PLAN_COMMAND, NULL);
  self->track = g_object_ref (track);
  self->plan = plan != NULL ? roadmap_plan_copy (plan) : NULL;
  self->key = g_strconcat ("plan/", roadmap_track_get_id (track), NULL);

  return ROADMAP_COMMAND (self);
}

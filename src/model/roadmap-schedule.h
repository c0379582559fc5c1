/* roadmap-schedule.h — where a learner stands against their plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "roadmap-plan.h"
#include "roadmap-track.h"

G_BEGIN_DECLS

/* The hours a skill without an estimate is given */
#define ROADMAP_SCHEDULE_DEFAULT_HOURS     10
/* The measured pace is that of the skills finished in the last weeks */
#define ROADMAP_SCHEDULE_MEASURED_WEEKS    4
/* Projected within this many days of planned, either way, is on track */
#define ROADMAP_SCHEDULE_ON_TRACK_DAYS     7

/**
 * RoadmapScheduleState:
 * @ROADMAP_SCHEDULE_STATE_UNPLANNED: the track has no plan
 * @ROADMAP_SCHEDULE_STATE_DONE: every counted skill is done
 * @ROADMAP_SCHEDULE_STATE_ON_TRACK: projected within
 *   %ROADMAP_SCHEDULE_ON_TRACK_DAYS of planned, either way
 * @ROADMAP_SCHEDULE_STATE_AHEAD: projected earlier than that
 * @ROADMAP_SCHEDULE_STATE_BEHIND: projected later than that
 *
 * The nicks ("on-track", …) are the words of `roadmap --schedule`.
 */
typedef enum
{
  ROADMAP_SCHEDULE_STATE_UNPLANNED,
  ROADMAP_SCHEDULE_STATE_DONE,
  ROADMAP_SCHEDULE_STATE_ON_TRACK,
  ROADMAP_SCHEDULE_STATE_AHEAD,
  ROADMAP_SCHEDULE_STATE_BEHIND,
} RoadmapScheduleState;

/**
 * RoadmapPhaseSchedule:
 * @phase: (transfer none): the phase
 * @state: where it stands
 * @planned_end: the day the plan ends it (invalid when unplanned)
 * @projected_end: the day it ends at the learner's pace, or the day it
 *   was finished when done (invalid when unplanned)
 * @days_late: @projected_end − @planned_end, in days; negative when ahead
 * @hours_planned: the estimated hours of its counted skills
 * @hours_done: of those, the hours of the done ones
 */
typedef struct
{
  RoadmapPhase *phase;
  RoadmapScheduleState state;
  GDate planned_end;
  GDate projected_end;
  int days_late;
  guint hours_planned;
  guint hours_done;
} RoadmapPhaseSchedule;

/**
 * RoadmapSchedule:
 * @track: the track
 * @state: the track's: done, or how its projected finish stands against
 *   the end of its last phase
 * @planned_end: the end of the last phase
 * @projected_end: the projected finish
 * @days_late: @projected_end − @planned_end, in days
 * @hours_per_week: the pace: the plan's, or derived from its months
 * @months: the length: the plan's, or derived from its pace
 * @hours_planned: the track's estimated hours
 * @hours_done: of those, the hours done
 * @measured_hours_per_week: the hours of the skills finished in the last
 *   %ROADMAP_SCHEDULE_MEASURED_WEEKS weeks, a week; 0 without any
 * @measured_end: the finish at that pace, when planned and there is one
 *   (invalid otherwise)
 * @n_phases: the length of @phases
 * @phases: (array length=n_phases): each phase, in order
 */
typedef struct
{
  RoadmapTrack *track;
  RoadmapScheduleState state;
  GDate planned_end;
  GDate projected_end;
  int days_late;
  double hours_per_week;
  double months;
  guint hours_planned;
  guint hours_done;
  double measured_hours_per_week;
  GDate measured_end;
  guint n_phases;
  RoadmapPhaseSchedule *phases;
} RoadmapSchedule;

RoadmapSchedule *roadmap_schedule_new          (RoadmapTrack       *track,
                                                const RoadmapPlan  *plan,
                                                const GDate        *today);
void             roadmap_schedule_free         (RoadmapSchedule    *self);
const char      *roadmap_schedule_state_to_string (RoadmapScheduleState state);
guint            roadmap_schedule_skill_hours  (RoadmapSkill       *skill);
char            *roadmap_schedule_describe_phase  (const RoadmapPhaseSchedule *entry);
char            *roadmap_schedule_describe_state  (RoadmapScheduleState        state,
                                                   int                         days_late);
char            *roadmap_schedule_describe_finish (const RoadmapSchedule      *self);
char            *roadmap_schedule_describe_measured (const RoadmapSchedule    *self);
char            *roadmap_schedule_describe_progress (const RoadmapSchedule    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoadmapSchedule, roadmap_schedule_free)

G_END_DECLS

/* roadmap-plan.h — when a learner means to go through a track, and how fast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ROADMAP_PLAN_MIN_MONTHS          3
#define ROADMAP_PLAN_MAX_MONTHS          6
#define ROADMAP_PLAN_MAX_HOURS_PER_WEEK  168

#define ROADMAP_TYPE_PLAN (roadmap_plan_get_type ())

/**
 * RoadmapPlan:
 * @start: the first day, a local calendar date
 * @months: the target length, %ROADMAP_PLAN_MIN_MONTHS to
 *   %ROADMAP_PLAN_MAX_MONTHS, or 0 when @hours_per_week is given
 * @hours_per_week: the learner's pace, 1 to
 *   %ROADMAP_PLAN_MAX_HOURS_PER_WEEK, or 0 when @months is given
 *
 * Exactly one of @months and @hours_per_week is given; the schedule
 * derives the other (see roadmap-schedule.h).
 */
typedef struct
{
  GDate start;
  guint months;
  guint hours_per_week;
} RoadmapPlan;

GType        roadmap_plan_get_type     (void) G_GNUC_CONST;
gboolean     roadmap_plan_is_valid     (const GDate       *start,
                                        guint              months,
                                        guint              hours_per_week);
RoadmapPlan *roadmap_plan_new          (const GDate       *start,
                                        guint              months,
                                        guint              hours_per_week);
RoadmapPlan *roadmap_plan_copy         (const RoadmapPlan *self);
void         roadmap_plan_free         (RoadmapPlan       *self);
gboolean     roadmap_plan_equal        (const RoadmapPlan *a,
                                        const RoadmapPlan *b);

gboolean     roadmap_plan_parse_date   (const char        *text,
                                        GDate             *date);
char        *roadmap_plan_format_date  (const GDate       *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoadmapPlan, roadmap_plan_free)

G_END_DECLS

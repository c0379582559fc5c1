/* roadmap-stats.h — the figures of the Statistics page and report, from
 * the history of changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "roadmap-status.h"

G_BEGIN_DECLS

/* The heatmap's weeks, the current one last */
#define ROADMAP_STATS_N_WEEKS 52
#define ROADMAP_STATS_N_DAYS (ROADMAP_STATS_N_WEEKS * 7)

/* The weekly goal's range; 0 is no goal */
#define ROADMAP_STATS_MAX_WEEKLY_GOAL 50

/**
 * RoadmapStatsEventKind:
 * @ROADMAP_STATS_EVENT_STATUS: a skill went from one status to another
 * @ROADMAP_STATS_EVENT_ACTIVITY: a note written or a topic ticked (one
 *   a day per skill and kind, as the history keeps them)
 */
typedef enum
{
  ROADMAP_STATS_EVENT_STATUS,
  ROADMAP_STATS_EVENT_ACTIVITY,
} RoadmapStatsEventKind;

/**
 * RoadmapStatsEvent:
 * @at: microseconds since the Unix epoch, UTC
 * @skill: what tells one skill from another among the events (e.g.
 *   "track/skill")
 * @counts_as_activity: whether the day it falls on counts as a day of
 *   work (an import replaces progress: it is no work)
 *
 * One row of the history, in the order the changes were committed.
 */
typedef struct
{
  gint64 at;
  RoadmapStatsEventKind kind;
  const char *skill;
  RoadmapStatus old_status;
  RoadmapStatus new_status;
  gboolean counts_as_activity;
} RoadmapStatsEvent;

/**
 * RoadmapStatsFigure:
 *
 * The figures the Statistics page and the report list, in that order.
 */
typedef enum
{
  ROADMAP_STATS_FIGURE_DONE_THIS_WEEK,
  ROADMAP_STATS_FIGURE_DONE_TOTAL,
  ROADMAP_STATS_FIGURE_MEDIAN_DAYS,
  ROADMAP_STATS_FIGURE_WEEKLY_GOAL,
  ROADMAP_STATS_FIGURE_STREAK,
  ROADMAP_STATS_N_FIGURES
} RoadmapStatsFigure;

typedef struct _RoadmapStats RoadmapStats;

RoadmapStats *roadmap_stats_new                (const RoadmapStatsEvent *events,
                                                gsize                    n_events,
                                                GDateTime               *now,
                                                guint                    weekly_goal,
                                                gboolean                 count_skipped_as_done);
RoadmapStats *roadmap_stats_ref                (RoadmapStats            *self);
void          roadmap_stats_unref              (RoadmapStats            *self);

void          roadmap_stats_get_first_day      (const RoadmapStats      *self,
                                                GDate                   *date);
guint         roadmap_stats_get_today          (const RoadmapStats      *self);
guint         roadmap_stats_get_activity       (const RoadmapStats      *self,
                                                guint                    day);
guint         roadmap_stats_get_max_activity   (const RoadmapStats      *self);
guint         roadmap_stats_get_done_by_week   (const RoadmapStats      *self,
                                                guint                    week);
guint         roadmap_stats_get_done_this_week (const RoadmapStats      *self);
guint         roadmap_stats_get_done_total     (const RoadmapStats      *self);
gboolean      roadmap_stats_get_median_days    (const RoadmapStats      *self,
                                                double                  *days);
guint         roadmap_stats_get_weekly_goal    (const RoadmapStats      *self);
guint         roadmap_stats_get_streak_weeks   (const RoadmapStats      *self);
char         *roadmap_stats_format_median      (const RoadmapStats      *self);

const char   *roadmap_stats_figure_get_label   (RoadmapStatsFigure       figure);
char         *roadmap_stats_dup_figure_text    (const RoadmapStats      *self,
                                                RoadmapStatsFigure       figure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoadmapStats, roadmap_stats_unref)

G_END_DECLS

/* roadmap-tally.h — what a phase or a track counts, and the progress it
 * shows, with or without its Skipped skills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "roadmap-status.h"

G_BEGIN_DECLS

/**
 * RoadmapTally:
 * @n_skills: every skill
 * @counts: the skills in each status
 * @hours_all: every skill's estimated hours
 * @hours: the estimated hours of the skills in each status
 */
typedef struct
{
  guint n_skills;
  guint counts[ROADMAP_N_STATUSES];
  guint hours_all;
  guint hours[ROADMAP_N_STATUSES];
} RoadmapTally;

/**
 * RoadmapTallyTotals:
 * @n_counted: the skills progress is counted over: all but the Skipped
 *   ones, or all when Skipped counts as done
 * @n_counted_done: of those, the done ones (Done, and Skipped when it
 *   counts as done)
 * @hours_planned: the estimated hours of the counted skills
 * @hours_done: the estimated hours of the counted done skills
 *
 * "@n_counted_done of @n_counted done", as the window, the command line
 * and the report all say it.
 */
typedef struct
{
  guint n_counted;
  guint n_counted_done;
  guint hours_planned;
  guint hours_done;
} RoadmapTallyTotals;

void     roadmap_tally_get_totals    (const RoadmapTally *tally,
                                      gboolean            skipped_as_done,
                                      RoadmapTallyTotals *totals);
double   roadmap_tally_totals_get_fraction (const RoadmapTallyTotals *totals);
void     roadmap_tally_apply_change  (RoadmapTally       *tally,
                                      const RoadmapTally *old_part,
                                      const RoadmapTally *new_part);

G_END_DECLS

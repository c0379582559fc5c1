/* roadmap-progress-row.h — a skill's progress as the database holds it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "roadmap-skill.h"

G_BEGIN_DECLS

/* A time the row does not have (started_at of a skill never started) */
#define ROADMAP_NO_TIME G_MININT64

/**
 * RoadmapProgressRow:
 * @stored: whether the database has a row; a skill without one is To-do,
 *   with roadmap_sort_key_for_unstored() as its key
 * @status: the column
 * @sort_key: the place in the column (see roadmap_skill_compare_place())
 * @started_at: Unix seconds (UTC), or %ROADMAP_NO_TIME
 * @finished_at: Unix seconds (UTC), or %ROADMAP_NO_TIME
 * @change: the change counter of the commit that wrote it, 0 if none
 */
typedef struct
{
  gboolean stored;
  RoadmapStatus status;
  gint64 sort_key;
  gint64 started_at;
  gint64 finished_at;
  gint64 change;
} RoadmapProgressRow;

/**
 * RoadmapPlacement:
 *
 * A row written for @skill (not a reference: the catalog owns its skills).
 */
typedef struct
{
  RoadmapSkill *skill;
  RoadmapProgressRow row;
} RoadmapPlacement;

void roadmap_progress_row_init_unstored (RoadmapProgressRow *row,
                                         RoadmapSkill       *skill);
void roadmap_progress_row_apply         (const RoadmapProgressRow *row,
                                         RoadmapSkill             *skill);
gboolean roadmap_progress_row_equal     (const RoadmapProgressRow *a,
                                         const RoadmapProgressRow *b);

G_END_DECLS

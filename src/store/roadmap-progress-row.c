/* roadmap-progress-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-progress-row.h"

void
roadmap_progress_row_init_unstored (RoadmapProgressRow *row,
                                    RoadmapSkill       *skill)
{
  g_return_if_fail (row != NULL);
  g_return_if_fail (ROADMAP_IS_SKILL (skill));

  *row = (RoadmapProgressRow) {
    .stored = FALSE,
    .status = ROADMAP_STATUS_TODO,
    .sort_key = roadmap_sort_key_for_unstored (roadmap_skill_get_index (skill)),
    .started_at = ROADMAP_NO_TIME,
    .finished_at = ROADMAP_NO_TIME,
    .change = 0,
  };
}

static gint64
usec_for (gint64 unix_time)
{
  return unix_time == ROADMAP_NO_TIME ? ROADMAP_SKILL_NO_TIME : unix_time * G_USEC_PER_SEC;
}

/**
 * roadmap_progress_row_apply:
 *
 * Gives @skill the progress of @row. Only once the row is committed.
 */
void
roadmap_progress_row_apply (const RoadmapProgressRow *row,
                            RoadmapSkill             *skill)
{
  g_return_if_fail (row != NULL);
  g_return_if_fail (ROADMAP_IS_SKILL (skill));

  roadmap_skill_apply_progress_usec (skill, MIN (row->status, ROADMAP_N_STATUSES - 1), row->sort_key,
                                     usec_for (row->started_at), usec_for (row->finished_at));
}

/* The same progress, whoever wrote it */
gboolean
roadmap_progress_row_equal (const RoadmapProgressRow *a,
                            const RoadmapProgressRow *b)
{
  return a->status == b->status && a->sort_key == b->sort_key &&
         a->started_at == b->started_at && a->finished_at == b->finished_at;
}

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

static GDateTime *
date_time_for (GDateTime *current,
               gint64     unix_time)
{
  if (unix_time == ROADMAP_NO_TIME)
    return NULL;
  /* The skill's own when it is the same second, which a reload mostly
   * finds: no allocation. */
  if (current != NULL && g_date_time_to_unix (current) == unix_time &&
      g_date_time_get_microsecond (current) == 0)
    return g_date_time_ref (current);
  return g_date_time_new_from_unix_utc (unix_time);
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
  g_autoptr(GDateTime) started = NULL;
  g_autoptr(GDateTime) finished = NULL;

  g_return_if_fail (row != NULL);
  g_return_if_fail (ROADMAP_IS_SKILL (skill));

  started = date_time_for (roadmap_skill_get_started_at (skill), row->started_at);
  finished = date_time_for (roadmap_skill_get_finished_at (skill), row->finished_at);
  roadmap_skill_apply_progress (skill, MIN (row->status, ROADMAP_N_STATUSES - 1),
                                row->sort_key, started, finished);
}

/* The same progress, whoever wrote it */
gboolean
roadmap_progress_row_equal (const RoadmapProgressRow *a,
                            const RoadmapProgressRow *b)
{
  return a->status == b->status && a->sort_key == b->sort_key &&
         a->started_at == b->started_at && a->finished_at == b->finished_at;
}

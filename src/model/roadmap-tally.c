/* roadmap-tally.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-tally.h"

/**
 * roadmap_tally_get_totals:
 * @skipped_as_done: whether Skipped skills count as done; otherwise they
 *   are left out of the counts altogether
 */
void
roadmap_tally_get_totals (const RoadmapTally *tally,
                          gboolean            skipped_as_done,
                          RoadmapTallyTotals *totals)
{
  guint skipped, skipped_hours;

  g_return_if_fail (tally != NULL);
  g_return_if_fail (totals != NULL);

  skipped = tally->counts[ROADMAP_STATUS_SKIPPED];
  skipped_hours = tally->hours[ROADMAP_STATUS_SKIPPED];

  totals->n_counted = tally->n_skills - (skipped_as_done ? 0 : skipped);
  totals->n_counted_done = tally->counts[ROADMAP_STATUS_DONE] + (skipped_as_done ? skipped : 0);
  totals->hours_planned = tally->hours_all - (skipped_as_done ? 0 : skipped_hours);
  totals->hours_done = tally->hours[ROADMAP_STATUS_DONE] + (skipped_as_done ? skipped_hours : 0);
}

/**
 * roadmap_tally_totals_get_fraction:
 *
 * Returns: the share done, from 0 to 1; 0 when nothing counts
 */
double
roadmap_tally_totals_get_fraction (const RoadmapTallyTotals *totals)
{
  g_return_val_if_fail (totals != NULL, 0.0);

  return totals->n_counted > 0 ? (double) totals->n_counted_done / totals->n_counted : 0.0;
}

/**
 * roadmap_tally_apply_change:
 * @old_part: what a part of @tally (a phase of a track) counted
 * @new_part: what it counts now
 *
 * Follows a part's change by the difference, with no walk over the parts.
 */
void
roadmap_tally_apply_change (RoadmapTally       *tally,
                            const RoadmapTally *old_part,
                            const RoadmapTally *new_part)
{
  g_return_if_fail (tally != NULL);

  tally->n_skills = tally->n_skills - old_part->n_skills + new_part->n_skills;
  tally->hours_all = tally->hours_all - old_part->hours_all + new_part->hours_all;
  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    {
      tally->counts[s] = tally->counts[s] - old_part->counts[s] + new_part->counts[s];
      tally->hours[s] = tally->hours[s] - old_part->hours[s] + new_part->hours[s];
    }
}

/* roadmap-store-stats.c — the statistics, from the history table
 *
 * The figures come from the history the store keeps for them (see
 * roadmap-store-compact.c): every status change, with its time, and the
 * notes' and topics' activity marks, one a day a skill. Imports change
 * statuses too (they count in what is done) but are no day of work.
 * One statement reads them all, so they are one consistent snapshot
 * even while another process writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-store-private.h"

/**
 * roadmap_store_compute_stats:
 * @track_id: (nullable): the track, or %NULL for every track in the
 *   database
 * @now: the time the figures are for; its time zone is the learner's
 * @weekly_goal: skills a week, 0 for none
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
RoadmapStats *
roadmap_store_compute_stats (RoadmapStore  *self,
                             const char    *track_id,
                             GDateTime     *now,
                             guint          weekly_goal,
                             gboolean       count_skipped_as_done,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (RoadmapStatsEvent));
  GStringChunk *skills = g_string_chunk_new (4096);
  RoadmapStats *stats = NULL;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!_roadmap_store_prepare (self,
                               "SELECT kind, track_id || '/' || skill_id, old_status, new_status, changed_at"
                               " FROM history"
                               " WHERE (?1 IS NULL OR track_id = ?1) AND skill_id <> ''"
                               "   AND kind IN (0, 1, 2, 3, 4, 6)"
                               " ORDER BY id",
                               &stmt, error))
    goto out;
  if (track_id != NULL)
    sqlite3_bind_text (stmt, 1, track_id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RoadmapHistoryKind kind = sqlite3_column_int (stmt, 0);
      RoadmapStatsEvent event = {
        .at = sqlite3_column_int64 (stmt, 4),
        .kind = (kind == ROADMAP_HISTORY_NOTE || kind == ROADMAP_HISTORY_TOPIC)
                  ? ROADMAP_STATS_EVENT_ACTIVITY : ROADMAP_STATS_EVENT_STATUS,
        .skill = g_string_chunk_insert_const (skills, (const char *) sqlite3_column_text (stmt, 1)),
        .old_status = CLAMP (sqlite3_column_int (stmt, 2), 0, ROADMAP_N_STATUSES - 1),
        .new_status = CLAMP (sqlite3_column_int (stmt, 3), 0, ROADMAP_N_STATUSES - 1),
        .counts_as_activity = kind != ROADMAP_HISTORY_IMPORT,
      };

      g_array_append_val (events, event);
    }

  if (rc != SQLITE_DONE)
    {
      _roadmap_store_fail (self, rc, error);
      goto out;
    }

  stats = roadmap_stats_new ((const RoadmapStatsEvent *) events->data, events->len, now,
                             weekly_goal, count_skipped_as_done);

out:
  g_string_chunk_free (skills);
  return stats;
}

/* roadmap-up-next.c
 *
 * "Up next" answers "what do I study today?" across every track: first
 * the skills in Doing (what was started is finished first), in the
 * catalog's order of tracks, each track's phases in order and each
 * column in its own order; then the next skills in To-do in the order of
 * the plan — the earliest phase first, the order of its column — taking
 * one from each track in turn, so that a learner following two tracks
 * sees what comes next in both. Skipped and Done skills never appear.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-up-next.h"

/* Every skill of @track in @status, in plan order */
static GPtrArray *
list_in_status (RoadmapTrack  *track,
                RoadmapStatus  status,
                guint          max)
{
  GListModel *phases = roadmap_track_get_phases (track);
  GPtrArray *skills = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint p = 0; p < g_list_model_get_n_items (phases) && skills->len < max; p++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);
      GListModel *column = roadmap_phase_get_column (phase, status);

      for (guint i = 0; i < g_list_model_get_n_items (column) && skills->len < max; i++)
        g_ptr_array_add (skills, g_list_model_get_item (column, i));
    }

  return skills;
}

/**
 * roadmap_up_next_list:
 * @max: the most skills to list (%ROADMAP_UP_NEXT_MAX)
 *
 * Returns: (transfer full) (element-type RoadmapSkill): the skills in
 *   Doing, then the next ones in To-do, across @catalog's tracks
 */
GPtrArray *
roadmap_up_next_list (RoadmapCatalog *catalog,
                      guint           max)
{
  GPtrArray *next = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) todo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint n_tracks;

  g_return_val_if_fail (ROADMAP_IS_CATALOG (catalog), next);

  n_tracks = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  for (guint t = 0; t < n_tracks && next->len < max; t++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), t);
      g_autoptr(GPtrArray) doing = list_in_status (track, ROADMAP_STATUS_DOING, max - next->len);

      for (guint i = 0; i < doing->len; i++)
        g_ptr_array_add (next, g_object_ref (g_ptr_array_index (doing, i)));
    }

  /* To-do: one from each track in turn */
  for (guint t = 0; t < n_tracks && next->len < max; t++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), t);

      g_ptr_array_add (todo, list_in_status (track, ROADMAP_STATUS_TODO, max - next->len));
    }
  for (guint round = 0; next->len < max; round++)
    {
      gboolean any = FALSE;

      for (guint t = 0; t < todo->len && next->len < max; t++)
        {
          GPtrArray *skills = g_ptr_array_index (todo, t);

          if (round < skills->len)
            {
              g_ptr_array_add (next, g_object_ref (g_ptr_array_index (skills, round)));
              any = TRUE;
            }
        }
      if (!any)
        break;
    }

  return next;
}

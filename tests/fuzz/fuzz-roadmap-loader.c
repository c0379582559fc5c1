/* fuzz-roadmap-loader.c — libFuzzer target: any bytes as a roadmap file
 *
 * Runs the guard, json-glib and the loader's checks. A track that loads is
 * put in a catalog, its counts read and its progress changed, so that what
 * the loader hands out is exercised as well.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "roadmap-loader.h"
#include "roadmap-text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
exercise_track (RoadmapTrack *track)
{
  g_autoptr(RoadmapCatalog) catalog = roadmap_catalog_new ();
  GListModel *phases = roadmap_track_get_phases (track);
  guint n_phases = g_list_model_get_n_items (phases);
  guint n_skills = 0;

  g_assert_true (roadmap_catalog_add_track (catalog, track, NULL));
  g_assert_true (roadmap_loader_is_valid_id (roadmap_track_get_id (track)));
  g_assert_true (roadmap_text_check_title (roadmap_track_get_title (track), NULL));

  for (guint p = 0; p < n_phases; p++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);
      GListModel *skills = roadmap_phase_get_skills (phase);
      guint n = g_list_model_get_n_items (skills);

      g_assert_true (roadmap_loader_is_valid_id (roadmap_phase_get_id (phase)));
      g_assert_true (roadmap_text_check_title (roadmap_phase_get_title (phase), NULL));
      g_assert_cmpuint (roadmap_phase_get_first_month (phase), <=, roadmap_phase_get_last_month (phase));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RoadmapSkill) skill = g_list_model_get_item (skills, i);

          /* Text that cairo can draw, on one line */
          g_assert_true (roadmap_text_check_title (roadmap_skill_get_title (skill), NULL));
          g_assert_true (roadmap_catalog_find_skill (catalog, roadmap_track_get_id (track),
                                                     roadmap_skill_get_id (skill)) == skill);
          roadmap_skill_apply_progress (skill, ROADMAP_STATUS_DONE, 0, NULL, NULL);
        }
      n_skills += n;
    }

  g_assert_cmpuint (roadmap_track_get_n_skills (track), ==, n_skills);
  g_assert_cmpuint (roadmap_track_get_n_with_status (track, ROADMAP_STATUS_DONE), ==, n_skills);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapTrack) track = NULL;

  track = roadmap_loader_load_bytes (bytes, "fuzz.json", &error);

  /* Telling every problem agrees with stopping at the first */
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GError) first = NULL;
    g_autoptr(RoadmapTrack) checked = roadmap_loader_check_bytes (bytes, "fuzz.json", problems, &first);

    g_assert_true ((checked == NULL) == (track == NULL));
    g_assert_true ((problems->len == 0) == (track != NULL));
    if (track == NULL)
      {
        g_assert_cmpstr (first->message, ==, error->message);
        for (guint i = 0; i < problems->len; i++)
          g_assert_true (g_utf8_validate (g_ptr_array_index (problems, i), -1, NULL));
      }
  }

  if (track == NULL)
    {
      /* Every refusal says why, in a domain a caller can branch on. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == ROADMAP_LOADER_ERROR || error->domain == ROADMAP_JSON_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      /* … and quotes the input escaped: nothing a terminal would obey */
      {
        g_autofree char *escaped = roadmap_text_escape_for_message (error->message, 0);

        g_assert_cmpstr (escaped, ==, error->message);
      }
      return 0;
    }

  g_assert_no_error (error);
  exercise_track (track);
  return 0;
}

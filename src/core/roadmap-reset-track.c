/* roadmap-reset-track.c
 *
 * A reset is a group of the commands there are already, one per skill:
 * a move to To-do (which also takes the dates), every topic unticked, and
 * the note removed when the learner chose so. Each decides inside the
 * transaction, from the database, whether it has anything to change, so
 * a skill another process moved a moment ago is reset too, and one
 * already in To-do is left alone. Undone in one step, each skill back as
 * it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-command-group.h"
#include "roadmap-move-command.h"
#include "roadmap-note-command.h"
#include "roadmap-reset-track.h"
#include "roadmap-topic-command.h"

/**
 * roadmap_reset_track_command_new:
 * @clear_notes: whether the notes go too; otherwise they are kept
 *
 * Returns: (transfer full): a #RoadmapCommandGroup to give to
 *   roadmap_session_run()
 */
RoadmapCommand *
roadmap_reset_track_command_new (RoadmapTrack *track,
                                 gboolean      clear_notes)
{
  g_autofree char *description = NULL;
  g_autofree char *undo_description = NULL;
  g_autoptr(RoadmapCommand) topics = roadmap_topic_command_new ();
  RoadmapCommand *group;
  GListModel *phases;
  guint n_phases;

  g_return_val_if_fail (ROADMAP_IS_TRACK (track), NULL);

  /* Translators: a toast, "Reset Backend Developer" */
  description = g_strdup_printf (_("Reset %s"), roadmap_track_get_title (track));
  /* Translators: a toast after an undo, "Put Backend Developer back as it was" */
  undo_description = g_strdup_printf (_("Put %s back as it was"), roadmap_track_get_title (track));
  group = roadmap_command_group_new (description);
  roadmap_command_group_set_undo_description (ROADMAP_COMMAND_GROUP (group), undo_description);

  phases = roadmap_track_get_phases (track);
  n_phases = g_list_model_get_n_items (phases);
  for (guint p = 0; p < n_phases; p++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);
      guint n = roadmap_phase_get_n_skills (phase);

      for (guint i = 0; i < n; i++)
        {
          RoadmapSkill *skill = roadmap_phase_peek_skill (phase, i);
          g_autoptr(RoadmapCommand) move = roadmap_move_command_new_status (skill, ROADMAP_STATUS_TODO);
          guint n_topics = roadmap_skill_get_n_topics (skill);

          roadmap_command_group_add (ROADMAP_COMMAND_GROUP (group), move);
          for (guint t = 0; t < n_topics; t++)
            roadmap_topic_command_add (ROADMAP_TOPIC_COMMAND (topics), skill, t, FALSE);
          if (clear_notes)
            {
              g_autoptr(RoadmapCommand) note = roadmap_note_command_new (skill, NULL);

              roadmap_command_group_add (ROADMAP_COMMAND_GROUP (group), note);
            }
        }
    }

  if (roadmap_topic_command_get_n_topics (ROADMAP_TOPIC_COMMAND (topics)) > 0)
    roadmap_command_group_add (ROADMAP_COMMAND_GROUP (group), topics);

  return group;
}

/* roadmap-note-command.h — the learner's note on a skill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-command.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_NOTE_COMMAND (roadmap_note_command_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapNoteCommand, roadmap_note_command, ROADMAP, NOTE_COMMAND, RoadmapCommand)

RoadmapCommand *roadmap_note_command_new (RoadmapSkill *skill,
                                          const char   *note);

G_END_DECLS

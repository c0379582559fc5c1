/* roadmap-skill-dialog.h — a skill's details and the learner's notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-session.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SKILL_DIALOG (roadmap_skill_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSkillDialog, roadmap_skill_dialog, ROADMAP, SKILL_DIALOG, AdwWindow)

RoadmapSkillDialog *roadmap_skill_dialog_new        (GtkWindow          *parent,
                                                     RoadmapSkill       *skill,
                                                     RoadmapSession     *session);
RoadmapSkill       *roadmap_skill_dialog_get_skill  (RoadmapSkillDialog *self);
gboolean            roadmap_skill_dialog_save_notes (RoadmapSkillDialog *self);

G_END_DECLS

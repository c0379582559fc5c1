/* roadmap-skill-kind.h — what an item of a roadmap is: a skill to learn,
 * or hands-on work that exercises skills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "roadmap-model-enums.h"

G_BEGIN_DECLS

/**
 * RoadmapSkillKind:
 * @ROADMAP_SKILL_KIND_SKILL: a skill to focus on (the default)
 * @ROADMAP_SKILL_KIND_PRACTICE: a hands-on item of the plan: something to
 *   build, which practises skills of its track
 *
 * The nicks (of %ROADMAP_TYPE_SKILL_KIND, generated) are the values of a
 * roadmap file's "kind" member: never change them.
 */
typedef enum
{
  ROADMAP_SKILL_KIND_SKILL = 0,
  ROADMAP_SKILL_KIND_PRACTICE = 1,
} RoadmapSkillKind;

const char *roadmap_skill_kind_to_string   (RoadmapSkillKind  kind);
gboolean    roadmap_skill_kind_from_string (const char       *string,
                                            RoadmapSkillKind *kind);
const char *roadmap_skill_kind_get_label   (RoadmapSkillKind  kind);

G_END_DECLS

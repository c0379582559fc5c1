/* roadmap-skill-kind.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-enum-private.h"
#include "roadmap-skill-kind.h"

/**
 * roadmap_skill_kind_to_string:
 *
 * Returns: the value of a roadmap file's "kind" member for @kind (the
 *   enum's nick): "skill" or "practice", never translated
 */
const char *
roadmap_skill_kind_to_string (RoadmapSkillKind kind)
{
  const char *nick = _roadmap_enum_to_nick (ROADMAP_TYPE_SKILL_KIND, (int) kind);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

/**
 * roadmap_skill_kind_from_string:
 * @kind: (out) (optional): the kind
 *
 * Returns: whether @string is a kind's word ("skill", "practice")
 */
gboolean
roadmap_skill_kind_from_string (const char       *string,
                                RoadmapSkillKind *kind)
{
  int value;

  g_return_val_if_fail (string != NULL, FALSE);

  if (!_roadmap_enum_from_nick (ROADMAP_TYPE_SKILL_KIND, string, &value))
    return FALSE;
  if (kind != NULL)
    *kind = (RoadmapSkillKind) value;
  return TRUE;
}

/**
 * roadmap_skill_kind_get_label:
 *
 * Returns: the translated name of @kind as a badge shows it: "Skill",
 *   "Hands-on"
 */
const char *
roadmap_skill_kind_get_label (RoadmapSkillKind kind)
{
  switch (kind)
    {
    case ROADMAP_SKILL_KIND_SKILL:
      /* Translators: the kind of a roadmap item that is a skill to learn */
      return _("Skill");
    case ROADMAP_SKILL_KIND_PRACTICE:
      /* Translators: a badge on a roadmap item that is something to build,
       * a project that practises skills */
      return _("Hands-on");
    default:
      g_return_val_if_reached (NULL);
    }
}

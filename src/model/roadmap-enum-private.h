/* roadmap-enum-private.h — the nicks of the model's generated enum types,
 * shared between the model types only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The class of a registered enum type, referenced on first use and kept:
 * static types are never unloaded, so a peek finds it from then on. */
static inline GEnumClass *
_roadmap_enum_get_class (GType type)
{
  GEnumClass *enum_class = g_type_class_peek (type);

  return enum_class != NULL ? enum_class : g_type_class_ref (type);
}

/* The nick of @value (a word of files and the command line), or NULL for
 * a value the type does not have */
static inline const char *
_roadmap_enum_to_nick (GType type,
                       int   value)
{
  GEnumValue *found = g_enum_get_value (_roadmap_enum_get_class (type), value);

  return found != NULL ? found->value_nick : NULL;
}

/* Whether @nick is one of the type's nicks; its value in @value */
static inline gboolean
_roadmap_enum_from_nick (GType       type,
                         const char *nick,
                         int        *value)
{
  GEnumValue *found = g_enum_get_value_by_nick (_roadmap_enum_get_class (type), nick);

  if (found == NULL)
    return FALSE;
  *value = found->value;
  return TRUE;
}

G_END_DECLS

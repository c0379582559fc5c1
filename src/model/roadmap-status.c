/* roadmap-status.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-status.h"

static GEnumClass *
get_class (void)
{
  static GEnumClass *enum_class;

  if (g_once_init_enter (&enum_class))
    g_once_init_leave (&enum_class, g_type_class_ref (ROADMAP_TYPE_STATUS));
  return enum_class;
}

/**
 * roadmap_status_to_string:
 *
 * Returns: the word for @status on the command line and in progress
 *   files: stable, never translated
 */
const char *
roadmap_status_to_string (RoadmapStatus status)
{
  GEnumValue *value = g_enum_get_value (get_class (), (int) status);

  g_return_val_if_fail (value != NULL, NULL);
  return value->value_nick;
}

gboolean
roadmap_status_from_string (const char    *string,
                            RoadmapStatus *status)
{
  GEnumValue *value;

  g_return_val_if_fail (string != NULL, FALSE);

  value = g_enum_get_value_by_nick (get_class (), string);
  if (value == NULL)
    return FALSE;

  if (status != NULL)
    *status = (RoadmapStatus) value->value;
  return TRUE;
}

/**
 * roadmap_status_get_label:
 *
 * Returns: the translated column title, e.g. "To-do"
 */
const char *
roadmap_status_get_label (RoadmapStatus status)
{
  switch (status)
    {
    case ROADMAP_STATUS_TODO:
      return _("To-do");
    case ROADMAP_STATUS_DOING:
      return _("Doing");
    case ROADMAP_STATUS_DONE:
      return _("Done");
    case ROADMAP_STATUS_SKIPPED:
      return _("Skipped");
    default:
      g_return_val_if_reached (NULL);
    }
}

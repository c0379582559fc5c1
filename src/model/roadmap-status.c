/* roadmap-status.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-enum-private.h"
#include "roadmap-status.h"

/**
 * roadmap_status_to_string:
 *
 * Returns: the word for @status on the command line and in progress
 *   files: stable, never translated
 */
const char *
roadmap_status_to_string (RoadmapStatus status)
{
  const char *nick = _roadmap_enum_to_nick (ROADMAP_TYPE_STATUS, (int) status);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

gboolean
roadmap_status_from_string (const char    *string,
                            RoadmapStatus *status)
{
  int value;

  g_return_val_if_fail (string != NULL, FALSE);

  if (!_roadmap_enum_from_nick (ROADMAP_TYPE_STATUS, string, &value))
    return FALSE;
  if (status != NULL)
    *status = (RoadmapStatus) value;
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

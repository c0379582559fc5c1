/* roadmap-status.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-status.h"

/* The words used on the command line and in exported progress files:
 * stable, never translated. */
static const char * const status_names[ROADMAP_N_STATUSES] = {
  "todo", "doing", "done",
};

const char *
roadmap_status_to_string (RoadmapStatus status)
{
  g_return_val_if_fail (status < ROADMAP_N_STATUSES, NULL);

  return status_names[status];
}

gboolean
roadmap_status_from_string (const char    *string,
                            RoadmapStatus *status)
{
  g_return_val_if_fail (string != NULL, FALSE);

  for (guint i = 0; i < ROADMAP_N_STATUSES; i++)
    {
      if (g_str_equal (string, status_names[i]))
        {
          if (status != NULL)
            *status = (RoadmapStatus) i;
          return TRUE;
        }
    }

  return FALSE;
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
    default:
      g_return_val_if_reached (NULL);
    }
}

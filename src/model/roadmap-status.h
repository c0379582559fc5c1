/* roadmap-status.h — where a skill stands: the board's three columns, and
 * Skipped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "roadmap-model-enums.h"

G_BEGIN_DECLS

/**
 * RoadmapStatus:
 * @ROADMAP_STATUS_TODO: not started
 * @ROADMAP_STATUS_DOING: being learned
 * @ROADMAP_STATUS_DONE: finished
 * @ROADMAP_STATUS_SKIPPED: known already, or not to be learned: shown
 *   apart, under Done, and left out of the counts unless it counts as
 *   done
 *
 * The values are stored in the progress database, the nicks (of
 * %ROADMAP_TYPE_STATUS, generated) are the words of the command line and
 * of progress files: never change either.
 */
typedef enum
{
  ROADMAP_STATUS_TODO = 0,
  ROADMAP_STATUS_DOING = 1,
  ROADMAP_STATUS_DONE = 2,
  ROADMAP_STATUS_SKIPPED = 3,
} RoadmapStatus;

#define ROADMAP_N_STATUSES 4

const char *roadmap_status_to_string   (RoadmapStatus  status);
gboolean    roadmap_status_from_string (const char    *string,
                                        RoadmapStatus *status);
const char *roadmap_status_get_label   (RoadmapStatus  status);

G_END_DECLS

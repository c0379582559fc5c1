/* roadmap-history-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-history-entry.h"

void
roadmap_history_entry_free (RoadmapHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->track_id);
  g_free (entry->skill_id);
  g_free (entry);
}

/* roadmap-history-entry.h — one row of the append-only change history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "roadmap-status.h"

G_BEGIN_DECLS

/**
 * RoadmapHistoryKind:
 * @ROADMAP_HISTORY_MOVE: the learner moved a skill
 * @ROADMAP_HISTORY_UNDO: a move was undone
 * @ROADMAP_HISTORY_IMPORT: progress was imported from a file
 */
typedef enum
{
  ROADMAP_HISTORY_MOVE = 0,
  ROADMAP_HISTORY_UNDO = 1,
  ROADMAP_HISTORY_IMPORT = 2,
} RoadmapHistoryKind;

typedef struct
{
  gint64 id;
  RoadmapHistoryKind kind;
  char *track_id;
  char *skill_id;
  RoadmapStatus old_status;
  RoadmapStatus new_status;
  /* Microseconds since the Unix epoch, UTC */
  gint64 changed_at;
} RoadmapHistoryEntry;

void roadmap_history_entry_free (RoadmapHistoryEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoadmapHistoryEntry, roadmap_history_entry_free)

G_END_DECLS

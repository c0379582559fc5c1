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
 * @ROADMAP_HISTORY_REDO: an undone move was made again
 * @ROADMAP_HISTORY_NOTE: a note was written or removed
 * @ROADMAP_HISTORY_CHANGE: any other change (a row of its own, with no
 *   skill, for a change that wrote no other history row)
 * @ROADMAP_HISTORY_TOPIC: a topic of a skill was changed (reserved: not
 *   written yet); an activity mark like a note
 * @ROADMAP_HISTORY_CONFLICT: a value lost to a sync conflict, kept in
 *   sync_losers for the learner to get back; never compacted
 *
 * Every change writes at least one history row: the history's last id
 * is the change counter (see roadmap_store_begin_change()).
 *
 * What the history keeps (see roadmap_store_compact_history()): every
 * status change (a row whose old and new status differ) with its time,
 * every import's own row, every conflict and every kind it does not
 * know. Notes and topics are activity marks: at most one row per
 * (track, skill, local day, kind), the day's last, with the status the
 * skill had; a skill's own row of that day replaces the older one as it
 * is written. Moves within a column and change markers are removed once
 * they are old.
 *
 * Stored in the database: never renumber them.
 */
typedef enum
{
  ROADMAP_HISTORY_MOVE = 0,
  ROADMAP_HISTORY_UNDO = 1,
  ROADMAP_HISTORY_IMPORT = 2,
  ROADMAP_HISTORY_REDO = 3,
  ROADMAP_HISTORY_NOTE = 4,
  ROADMAP_HISTORY_CHANGE = 5,
  ROADMAP_HISTORY_TOPIC = 6,
  ROADMAP_HISTORY_CONFLICT = 7,
} RoadmapHistoryKind;

/**
 * RoadmapOrigin:
 * @ROADMAP_ORIGIN_UNKNOWN: written before origins were recorded
 * @ROADMAP_ORIGIN_WINDOW: the application's window
 * @ROADMAP_ORIGIN_COMMAND_LINE: a `roadmap` command in a terminal
 * @ROADMAP_ORIGIN_SYNC: another machine, through sync
 *
 * Who made a change. Stored in the database: never renumber them.
 */
typedef enum
{
  ROADMAP_ORIGIN_UNKNOWN = 0,
  ROADMAP_ORIGIN_WINDOW = 1,
  ROADMAP_ORIGIN_COMMAND_LINE = 2,
  ROADMAP_ORIGIN_SYNC = 3,
} RoadmapOrigin;

typedef struct
{
  gint64 id;
  /* The change counter of the commit that wrote it */
  gint64 change;
  RoadmapHistoryKind kind;
  RoadmapOrigin origin;
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

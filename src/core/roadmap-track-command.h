/* roadmap-track-command.h — a track added, changed, removed, hidden or
 * shown again, as one change and one undo step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-command.h"

G_BEGIN_DECLS

/**
 * RoadmapTrackChange:
 * @ROADMAP_TRACK_CHANGE_IMPORT: a roadmap file joins the user's folder
 * @ROADMAP_TRACK_CHANGE_CREATE: a new track, made in the editor, joins it
 * @ROADMAP_TRACK_CHANGE_REPLACE: an imported file replaces a track of its id
 * @ROADMAP_TRACK_CHANGE_EDIT: the learner's edits of their own track
 * @ROADMAP_TRACK_CHANGE_CUSTOMIZE: an own copy of a bundled track, which
 *   stands in for it
 * @ROADMAP_TRACK_CHANGE_REVERT: the own copy of a bundled track removed
 * @ROADMAP_TRACK_CHANGE_REMOVE: an own track's file removed (its progress
 *   stays in the database)
 * @ROADMAP_TRACK_CHANGE_HIDE: a track that is not the learner's own
 *   hidden, in the database
 * @ROADMAP_TRACK_CHANGE_SHOW: a hidden track shown again
 */
typedef enum
{
  ROADMAP_TRACK_CHANGE_IMPORT,
  ROADMAP_TRACK_CHANGE_CREATE,
  ROADMAP_TRACK_CHANGE_REPLACE,
  ROADMAP_TRACK_CHANGE_EDIT,
  ROADMAP_TRACK_CHANGE_CUSTOMIZE,
  ROADMAP_TRACK_CHANGE_REVERT,
  ROADMAP_TRACK_CHANGE_REMOVE,
  ROADMAP_TRACK_CHANGE_HIDE,
  ROADMAP_TRACK_CHANGE_SHOW,
} RoadmapTrackChange;

#define ROADMAP_TYPE_TRACK_COMMAND (roadmap_track_command_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapTrackCommand, roadmap_track_command, ROADMAP, TRACK_COMMAND, RoadmapCommand)

RoadmapCommand     *roadmap_track_command_new_file     (RoadmapTrackChange  change,
                                                        GFile              *roadmap_dir,
                                                        const char         *file_name,
                                                        const char         *track_id,
                                                        const char         *title,
                                                        GBytes             *before,
                                                        GBytes             *after);
RoadmapCommand     *roadmap_track_command_new_hidden   (const char         *track_id,
                                                        const char         *title,
                                                        gboolean            hidden);
RoadmapTrackChange  roadmap_track_command_get_change   (RoadmapTrackCommand *self);
const char         *roadmap_track_command_get_track_id (RoadmapTrackCommand *self);

G_END_DECLS

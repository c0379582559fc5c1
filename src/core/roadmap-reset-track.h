/* roadmap-reset-track.h — every skill of a track back to To-do, as one
 * change and one undo step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-command.h"

G_BEGIN_DECLS

RoadmapCommand *roadmap_reset_track_command_new (RoadmapTrack *track,
                                                 gboolean      clear_notes);

G_END_DECLS

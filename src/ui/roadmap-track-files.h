/* roadmap-track-files.h — the window's side of the learner's own roadmaps:
 * import, export, revert, remove and show again, and the
 * roadmap folder watched for other processes' changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-session.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_TRACK_FILES (roadmap_track_files_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapTrackFiles, roadmap_track_files, ROADMAP, TRACK_FILES, GObject)

RoadmapTrackFiles *roadmap_track_files_new         (GtkWindow         *window,
                                                    RoadmapSession    *session,
                                                    AdwToastOverlay   *toasts);
void               roadmap_track_files_import      (RoadmapTrackFiles *self);
void               roadmap_track_files_import_file (RoadmapTrackFiles *self,
                                                    GFile             *file);
void               roadmap_track_files_export      (RoadmapTrackFiles *self,
                                                    RoadmapTrack      *track);
void               roadmap_track_files_revert      (RoadmapTrackFiles *self,
                                                    RoadmapTrack      *track);
void               roadmap_track_files_remove      (RoadmapTrackFiles *self,
                                                    RoadmapTrack      *track);
void               roadmap_track_files_show_hidden (RoadmapTrackFiles *self);
void               roadmap_track_files_watch       (RoadmapTrackFiles *self);
gboolean           roadmap_track_files_is_busy     (RoadmapTrackFiles *self);

G_END_DECLS

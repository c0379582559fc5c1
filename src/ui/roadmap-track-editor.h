/* roadmap-track-editor.h — New Track… and Edit…/Customize…: a track's
 * title, id and summary, its phases and their skills, added, edited,
 * reordered and deleted, checked by the loader's rules when saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-session.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_TRACK_EDITOR (roadmap_track_editor_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapTrackEditor, roadmap_track_editor, ROADMAP, TRACK_EDITOR, AdwWindow)

GtkWidget *roadmap_track_editor_new (GtkWindow      *parent,
                                     RoadmapSession *session,
                                     RoadmapTrack   *track);

G_END_DECLS

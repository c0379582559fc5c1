/* roadmap-track-row.h — a sidebar row: track title and progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "roadmap-catalog.h"
#include "roadmap-track.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_TRACK_ROW (roadmap_track_row_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapTrackRow, roadmap_track_row, ROADMAP, TRACK_ROW, GtkListBoxRow)

GtkWidget    *roadmap_track_row_new       (RoadmapTrack    *track,
                                          RoadmapCatalog  *catalog);
RoadmapTrack *roadmap_track_row_get_track (RoadmapTrackRow *self);

G_END_DECLS

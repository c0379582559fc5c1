/* roadmap-track-header.h — a track's summary and totals, over its board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "roadmap-catalog.h"
#include "roadmap-schedule.h"
#include "roadmap-track.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_TRACK_HEADER (roadmap_track_header_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapTrackHeader, roadmap_track_header, ROADMAP, TRACK_HEADER, GtkWidget)

GtkWidget *roadmap_track_header_new       (void);
void       roadmap_track_header_set_track (RoadmapTrackHeader *self,
                                           RoadmapTrack       *track,
                                           RoadmapCatalog     *catalog);
void       roadmap_track_header_set_schedule (RoadmapTrackHeader    *self,
                                              const RoadmapSchedule *schedule);

G_END_DECLS

/* roadmap-writer.h — a track as a roadmap file, the loader's format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-track.h"

G_BEGIN_DECLS

char *roadmap_writer_to_data (RoadmapTrack *track,
                              gsize        *length);

G_END_DECLS

/* roadmap-progress-file.h — progress as a JSON file, for backup and restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-progress-data.h"
#include "roadmap-store.h"

G_BEGIN_DECLS

/* The most a progress file may hold: import refuses more, and export
 * refuses to write more, so that every export imports again */
#define ROADMAP_PROGRESS_FILE_MAX_SIZE (64 * 1024 * 1024)

RoadmapProgressData *roadmap_progress_file_read (GFile                *file,
                                                 GError              **error);
gboolean roadmap_progress_file_write  (RoadmapProgressData  *data,
                                       GFile                *file,
                                       GError              **error);
gboolean roadmap_progress_file_export (RoadmapStore    *store,
                                       GFile           *file,
                                       GError         **error);
gboolean roadmap_progress_file_import (RoadmapStore    *store,
                                       GFile           *file,
                                       RoadmapOrigin    origin,
                                       gint64           now,
                                       GError         **error);

G_END_DECLS

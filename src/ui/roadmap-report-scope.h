/* roadmap-report-scope.h — "All tracks / Current track": what a report,
 * exported or printed, covers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-catalog.h"

G_BEGIN_DECLS

void     roadmap_report_scope_ask        (GtkWindow            *parent,
                                          const char           *heading,
                                          RoadmapCatalog       *catalog,
                                          RoadmapTrack         *current_track,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean roadmap_report_scope_ask_finish (GAsyncResult         *result,
                                          gboolean             *all_tracks,
                                          GError              **error);

G_END_DECLS

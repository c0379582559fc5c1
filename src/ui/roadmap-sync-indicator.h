/* roadmap-sync-indicator.h — the header bar's quiet sign of sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "roadmap-sync-runner.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SYNC_INDICATOR (roadmap_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSyncIndicator, roadmap_sync_indicator, ROADMAP, SYNC_INDICATOR, GtkButton)

void roadmap_sync_indicator_set_runner (RoadmapSyncIndicator *self,
                                        RoadmapSyncRunner    *runner);

G_END_DECLS

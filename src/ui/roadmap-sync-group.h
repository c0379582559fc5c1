/* roadmap-sync-group.h — Preferences → Sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-sync-runner.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SYNC_GROUP (roadmap_sync_group_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSyncGroup, roadmap_sync_group, ROADMAP, SYNC_GROUP, AdwPreferencesGroup)

GtkWidget *roadmap_sync_group_new (RoadmapSyncRunner *runner);

G_END_DECLS

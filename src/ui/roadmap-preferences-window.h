/* roadmap-preferences-window.h — the learner's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-session.h"
#include "roadmap-sync-runner.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_PREFERENCES_WINDOW (roadmap_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapPreferencesWindow, roadmap_preferences_window, ROADMAP, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *roadmap_preferences_window_new (GtkWindow         *parent,
                                           RoadmapSession    *session,
                                           RoadmapSyncRunner *sync_runner);

G_END_DECLS

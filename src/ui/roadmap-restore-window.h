/* roadmap-restore-window.h — "Restore…": the daily backups and a file to
 * choose, what restoring one changes, then one undoable change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-session.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_RESTORE_WINDOW (roadmap_restore_window_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapRestoreWindow, roadmap_restore_window, ROADMAP, RESTORE_WINDOW, AdwPreferencesWindow)

GtkWidget *roadmap_restore_window_new (GtkWindow      *parent,
                                       RoadmapSession *session);

G_END_DECLS

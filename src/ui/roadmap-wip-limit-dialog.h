/* roadmap-wip-limit-dialog.h — "Limit Cards in Doing…": a track's limit
 * on work in progress, on or off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-session.h"

G_BEGIN_DECLS

/* The limit offered when it is first turned on */
#define ROADMAP_WIP_LIMIT_DEFAULT 3

#define ROADMAP_TYPE_WIP_LIMIT_DIALOG (roadmap_wip_limit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapWipLimitDialog, roadmap_wip_limit_dialog, ROADMAP, WIP_LIMIT_DIALOG, AdwMessageDialog)

GtkWidget *roadmap_wip_limit_dialog_new (GtkWindow      *parent,
                                         RoadmapSession *session,
                                         RoadmapTrack   *track);

G_END_DECLS

/* roadmap-plan-dialog.h — a track's plan: its first day, and months or
 * hours a week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-session.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_PLAN_DIALOG (roadmap_plan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapPlanDialog, roadmap_plan_dialog, ROADMAP, PLAN_DIALOG, AdwWindow)

GtkWidget *roadmap_plan_dialog_new (GtkWindow      *parent,
                                    RoadmapSession *session,
                                    RoadmapTrack   *track);

G_END_DECLS

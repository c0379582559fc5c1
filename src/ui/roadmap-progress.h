/* roadmap-progress.h — "9 of 24 done" and a level bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ROADMAP_TYPE_PROGRESS (roadmap_progress_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapProgress, roadmap_progress, ROADMAP, PROGRESS, GtkWidget)

char *roadmap_progress_describe (GObject         *counted);
void  roadmap_progress_bind     (RoadmapProgress *self,
                                 gpointer         counted);

G_END_DECLS

/* roadmap-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-application.h"
#include "roadmap-board.h"
#include "roadmap-session.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_WINDOW (roadmap_window_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapWindow, roadmap_window, ROADMAP, WINDOW, AdwApplicationWindow)

RoadmapWindow *roadmap_window_new (RoadmapApplication *application,
                                   RoadmapSession     *session,
                                   const GError       *store_error);
RoadmapBoard  *roadmap_window_get_board (RoadmapWindow      *self);

G_END_DECLS

/* roadmap-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ROADMAP_TYPE_APPLICATION (roadmap_application_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapApplication, roadmap_application, ROADMAP, APPLICATION, AdwApplication)

RoadmapApplication *roadmap_application_new (void);

G_END_DECLS

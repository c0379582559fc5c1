/* roadmap-cli-roadmaps.h — `--export-roadmap` and `--import-roadmap`: a
 * track as a roadmap file, and a roadmap file into the user's folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-session.h"

G_BEGIN_DECLS

gboolean roadmap_cli_roadmaps_export (RoadmapSession  *session,
                                      const char      *track_id,
                                      const char      *path,
                                      GError         **error);
gboolean roadmap_cli_roadmaps_import (RoadmapSession  *session,
                                      const char      *path,
                                      gboolean         replace,
                                      GError         **error);

gboolean roadmap_cli_roadmaps_remove (RoadmapSession  *session,
                                     const char      *track_id,
                                     GError         **error);

G_END_DECLS

/* roadmap-cli-sync.h — `roadmap --sync-to`, `--sync-off`, `--sync`,
 * `--sync-status`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-session.h"

G_BEGIN_DECLS

gboolean roadmap_cli_sync_enable  (RoadmapSession  *session,
                                   const char      *source_uid,
                                   GError         **error);
gboolean roadmap_cli_sync_disable (RoadmapSession  *session,
                                   GError         **error);
gboolean roadmap_cli_sync_run     (RoadmapSession  *session,
                                   GError         **error);
gboolean roadmap_cli_sync_status  (RoadmapSession  *session,
                                   GError         **error);

G_END_DECLS

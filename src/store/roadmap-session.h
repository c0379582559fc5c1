/* roadmap-session.h — the loaded roadmaps and the progress store, together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-catalog.h"
#include "roadmap-store.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SESSION (roadmap_session_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSession, roadmap_session, ROADMAP, SESSION, GObject)

RoadmapSession *roadmap_session_new              (const char      *db_path,
                                                  const char      *extra_roadmap_dir);
gboolean        roadmap_session_load_roadmaps    (RoadmapSession  *self,
                                                  GError         **error);
gboolean        roadmap_session_load_first_roadmaps (RoadmapSession *self,
                                                     const char     *first_track_id,
                                                     GError        **error);
gboolean        roadmap_session_load_next_roadmap (RoadmapSession *self);
guint           roadmap_session_get_n_pending    (RoadmapSession  *self);
gboolean        roadmap_session_open_store       (RoadmapSession  *self,
                                                  GError         **error);
const char     *roadmap_session_get_db_path      (RoadmapSession  *self);
GFile          *roadmap_session_get_user_roadmap_dir (RoadmapSession *self);
RoadmapCatalog *roadmap_session_get_catalog      (RoadmapSession  *self);
RoadmapStore   *roadmap_session_get_store        (RoadmapSession  *self);

G_END_DECLS

/* roadmap-catalog.h — every loaded track, as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-track.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_CATALOG (roadmap_catalog_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapCatalog, roadmap_catalog, ROADMAP, CATALOG, GObject)

typedef void (*RoadmapSkillFunc) (RoadmapSkill *skill,
                                  gpointer      user_data);

RoadmapCatalog *roadmap_catalog_new             (void);
gboolean        roadmap_catalog_add_track       (RoadmapCatalog  *self,
                                                 RoadmapTrack    *track,
                                                 GError         **error);
gboolean        roadmap_catalog_remove_track    (RoadmapCatalog  *self,
                                                 RoadmapTrack    *track);
RoadmapTrack   *roadmap_catalog_get_original    (RoadmapCatalog  *self,
                                                 const char      *track_id);
void            roadmap_catalog_set_hidden      (RoadmapCatalog  *self,
                                                 const char      *track_id,
                                                 gboolean         hidden);
gboolean        roadmap_catalog_is_hidden       (RoadmapCatalog  *self,
                                                 const char      *track_id);
void            roadmap_catalog_clear_hidden    (RoadmapCatalog  *self);
GPtrArray      *roadmap_catalog_get_hidden_tracks (RoadmapCatalog *self);
gboolean        roadmap_catalog_has_skill       (RoadmapCatalog  *self,
                                                 RoadmapSkill    *skill);
RoadmapTrack   *roadmap_catalog_find_track      (RoadmapCatalog  *self,
                                                 const char      *track_id);
RoadmapSkill   *roadmap_catalog_find_skill      (RoadmapCatalog  *self,
                                                 const char      *track_id,
                                                 const char      *skill_id);
guint           roadmap_catalog_get_n_skills    (RoadmapCatalog  *self);
gboolean        roadmap_catalog_get_count_skipped_as_done (RoadmapCatalog *self);
void            roadmap_catalog_set_count_skipped_as_done (RoadmapCatalog *self,
                                                           gboolean        count_skipped_as_done);
void            roadmap_catalog_set_wip_limit   (RoadmapCatalog  *self,
                                                 const char      *track_id,
                                                 guint            wip_limit);
void            roadmap_catalog_clear_wip_limits (RoadmapCatalog *self);
guint           roadmap_catalog_get_weekly_goal           (RoadmapCatalog *self);
void            roadmap_catalog_set_weekly_goal           (RoadmapCatalog *self,
                                                           guint           weekly_goal);
void            roadmap_catalog_add_load_error  (RoadmapCatalog  *self,
                                                 const GError    *error);
GPtrArray      *roadmap_catalog_get_load_errors (RoadmapCatalog  *self);
void            roadmap_catalog_foreach_skill   (RoadmapCatalog  *self,
                                                 RoadmapSkillFunc func,
                                                 gpointer         user_data);

G_END_DECLS

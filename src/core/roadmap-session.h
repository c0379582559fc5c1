/* roadmap-session.h — the loaded roadmaps, the progress store, and every
 * command that changes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-catalog.h"
#include "roadmap-command.h"
#include "roadmap-progress-data.h"
#include "roadmap-store.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SESSION (roadmap_session_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSession, roadmap_session, ROADMAP, SESSION, GObject)

/* Microseconds since the Unix epoch, UTC */
typedef gint64 (*RoadmapSessionClock) (gpointer user_data);

typedef gboolean (*RoadmapSessionHook) (RoadmapSession         *session,
                                        RoadmapCommand         *command,
                                        RoadmapCommandStep      step,
                                        RoadmapCommandContext  *context,
                                        GError                **error,
                                        gpointer                user_data);

RoadmapSession *roadmap_session_new              (const char      *db_path,
                                                  const char      *extra_roadmap_dir);
void             roadmap_session_add_roadmap_dir (RoadmapSession *self,
                                                  const char     *path);
RoadmapSession *roadmap_session_new_for_store    (RoadmapStore    *store,
                                                  RoadmapCatalog  *catalog);
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

void            roadmap_session_set_origin       (RoadmapSession      *self,
                                                  RoadmapOrigin        origin);
void            roadmap_session_set_busy_timeout (RoadmapSession      *self,
                                                  guint                busy_timeout_ms);
void            roadmap_session_set_clock        (RoadmapSession      *self,
                                                  RoadmapSessionClock  clock,
                                                  gpointer             user_data);
void            roadmap_session_get_today        (RoadmapSession      *self,
                                                  GDate               *today);
void            roadmap_session_add_hook         (RoadmapSession      *self,
                                                  RoadmapSessionHook   hook,
                                                  gpointer             user_data);

gboolean        roadmap_session_run              (RoadmapSession  *self,
                                                  RoadmapCommand  *command,
                                                  GError         **error);
gboolean        roadmap_session_undo             (RoadmapSession   *self,
                                                  RoadmapCommand  **undone,
                                                  GError          **error);
gboolean        roadmap_session_redo             (RoadmapSession   *self,
                                                  RoadmapCommand  **redone,
                                                  GError          **error);
gboolean        roadmap_session_can_undo         (RoadmapSession  *self);
gboolean        roadmap_session_can_redo         (RoadmapSession  *self);
gboolean        roadmap_session_move_skill       (RoadmapSession  *self,
                                                  RoadmapSkill    *skill,
                                                  RoadmapStatus    status,
                                                  RoadmapSkill    *before,
                                                  GError         **error);
gboolean        roadmap_session_set_status       (RoadmapSession  *self,
                                                  RoadmapSkill    *skill,
                                                  RoadmapStatus    status,
                                                  GError         **error);
gboolean        roadmap_session_set_note         (RoadmapSession  *self,
                                                  RoadmapSkill    *skill,
                                                  const char      *note,
                                                  GError         **error);
gboolean        roadmap_session_set_count_skipped_as_done (RoadmapSession  *self,
                                                           gboolean         count_skipped_as_done,
                                                           GError         **error);
gboolean        roadmap_session_set_wip_limit    (RoadmapSession  *self,
                                                  RoadmapTrack    *track,
                                                  guint            wip_limit,
                                                  GError         **error);
gboolean        roadmap_session_set_plan         (RoadmapSession     *self,
                                                  RoadmapTrack       *track,
                                                  const RoadmapPlan  *plan,
                                                  GError            **error);
gboolean        roadmap_session_set_weekly_goal  (RoadmapSession  *self,
                                                  guint            weekly_goal,
                                                  GError         **error);
RoadmapStats   *roadmap_session_compute_stats    (RoadmapSession  *self,
                                                  const char      *track_id,
                                                  GError         **error);
gboolean        roadmap_session_set_topic_done   (RoadmapSession  *self,
                                                  RoadmapSkill    *skill,
                                                  guint            index,
                                                  gboolean         done,
                                                  GError         **error);
gboolean        roadmap_session_import_progress  (RoadmapSession  *self,
                                                  GFile           *file,
                                                  GError         **error);
gboolean        roadmap_session_restore          (RoadmapSession       *self,
                                                  RoadmapProgressData  *data,
                                                  const char           *source_name,
                                                  GError              **error);
gboolean        roadmap_session_preview_restore  (RoadmapSession       *self,
                                                  RoadmapProgressData  *data,
                                                  RoadmapProgressDiff  *diff,
                                                  GError              **error);
gboolean        roadmap_session_export_progress  (RoadmapSession  *self,
                                                  GFile           *file,
                                                  GError         **error);
gboolean        roadmap_session_reload           (RoadmapSession  *self,
                                                  guint           *n_changed,
                                                  GError         **error);
void            roadmap_session_watch            (RoadmapSession  *self,
                                                  guint            interval_ms);

/* roadmap-session-tracks.c */
GFile          *roadmap_session_get_own_file     (RoadmapSession  *self,
                                                  RoadmapTrack    *track);
gboolean        roadmap_session_add_roadmap      (RoadmapSession  *self,
                                                  GBytes          *contents,
                                                  const char      *display_name,
                                                  gboolean         replace,
                                                  char           **track_id,
                                                  GError         **error);
gboolean        roadmap_session_save_track       (RoadmapSession  *self,
                                                  RoadmapTrack    *original,
                                                  GBytes          *contents,
                                                  char           **track_id,
                                                  GError         **error);
gboolean        roadmap_session_customize_track  (RoadmapSession  *self,
                                                  RoadmapTrack    *track,
                                                  GError         **error);
gboolean        roadmap_session_revert_track     (RoadmapSession  *self,
                                                  RoadmapTrack    *track,
                                                  GError         **error);
gboolean        roadmap_session_remove_track     (RoadmapSession  *self,
                                                  RoadmapTrack    *track,
                                                  GError         **error);
gboolean        roadmap_session_show_track       (RoadmapSession  *self,
                                                  RoadmapTrack    *track,
                                                  GError         **error);
gboolean        roadmap_session_rescan_roadmaps  (RoadmapSession  *self,
                                                  guint           *n_changed,
                                                  GError         **error);

G_END_DECLS

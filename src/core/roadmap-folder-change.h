/* roadmap-folder-change.h — the learner's own roadmap files a command
 * adds, replaces or removes, staged inside its change and put in place
 * after it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-catalog.h"
#include "roadmap-progress-data.h"

G_BEGIN_DECLS

typedef struct _RoadmapFolderChange RoadmapFolderChange;

RoadmapFolderChange *roadmap_folder_change_new     (GFile                *directory);
RoadmapFolderChange *roadmap_folder_change_new_for_backup (GFile           *directory,
                                                    RoadmapProgressData  *data,
                                                    GError              **error);
void                 roadmap_folder_change_add     (RoadmapFolderChange  *self,
                                                    const char           *file_name,
                                                    const char           *track_id,
                                                    GBytes               *before,
                                                    GBytes               *after);
GBytes              *roadmap_folder_change_read    (GFile                *file,
                                                    GError              **error);
void                 roadmap_folder_change_free    (RoadmapFolderChange  *self);
void                 roadmap_folder_change_count   (RoadmapFolderChange  *self,
                                                    guint                *n_added,
                                                    guint                *n_replaced);
gboolean             roadmap_folder_change_stage   (RoadmapFolderChange  *self,
                                                    gboolean              undo,
                                                    GError              **error);
void                 roadmap_folder_change_unstage (RoadmapFolderChange  *self);
void                 roadmap_folder_change_put     (RoadmapFolderChange  *self,
                                                    gboolean              undo,
                                                    RoadmapCatalog       *catalog);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoadmapFolderChange, roadmap_folder_change_free)

G_END_DECLS

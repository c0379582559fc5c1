/* roadmap-restore-files.h — the learner's own roadmap files a restore
 * adds or replaces, staged inside its change and put in place after it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-catalog.h"
#include "roadmap-progress-data.h"

G_BEGIN_DECLS

typedef struct _RoadmapRestoreFiles RoadmapRestoreFiles;

RoadmapRestoreFiles *roadmap_restore_files_new     (GFile                *directory,
                                                    RoadmapProgressData  *data,
                                                    GError              **error);
void                 roadmap_restore_files_free    (RoadmapRestoreFiles  *self);
void                 roadmap_restore_files_count   (RoadmapRestoreFiles  *self,
                                                    guint                *n_added,
                                                    guint                *n_replaced);
gboolean             roadmap_restore_files_stage   (RoadmapRestoreFiles  *self,
                                                    gboolean              undo,
                                                    GError              **error);
void                 roadmap_restore_files_unstage (RoadmapRestoreFiles  *self);
void                 roadmap_restore_files_put     (RoadmapRestoreFiles  *self,
                                                    gboolean              undo,
                                                    RoadmapCatalog       *catalog);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoadmapRestoreFiles, roadmap_restore_files_free)

G_END_DECLS

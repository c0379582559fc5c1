/* roadmap-sync-vtodo.h — a skill's progress as a task (VTODO) of a
 * CalDAV task list, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libical-glib/libical-glib.h>

#include "roadmap-sync-record.h"

G_BEGIN_DECLS

/* libical-glib 3.0 declares no cleanup of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalComponent, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalProperty, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTime, g_object_unref)

char              *roadmap_sync_vtodo_uid   (const char               *track_id,
                                             const char               *skill_id);
ICalComponent     *roadmap_sync_vtodo_new   (const RoadmapSyncRecord  *record,
                                             const char               *summary,
                                             const char * const       *categories,
                                             gint64                    sequence,
                                             gint64                    now);
gboolean           roadmap_sync_vtodo_is_ours (ICalComponent          *vtodo);
char              *roadmap_sync_vtodo_dup_key (ICalComponent          *vtodo);
RoadmapSyncRecord *roadmap_sync_vtodo_parse (ICalComponent            *vtodo,
                                             gint64                    now,
                                             gint64                   *sequence,
                                             GError                  **error);

G_END_DECLS

/* roadmap-search.h — finding skills of every track by words of their
 * title, topics, summary or the learner's note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-catalog.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_SEARCH (roadmap_search_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapSearch, roadmap_search, ROADMAP, SEARCH, GObject)

char           *roadmap_search_fold         (const char     *text);
gboolean        roadmap_search_has_words    (const char     *query);

RoadmapSearch  *roadmap_search_new          (RoadmapCatalog *catalog);
RoadmapCatalog *roadmap_search_get_catalog  (RoadmapSearch  *self);
void            roadmap_search_prepare      (RoadmapSearch  *self);
GPtrArray      *roadmap_search_run          (RoadmapSearch  *self,
                                             const char     *query);

G_END_DECLS

/* roadmap-up-next.h — what to study today, across tracks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-catalog.h"

G_BEGIN_DECLS

/* The most skills "Up next" lists */
#define ROADMAP_UP_NEXT_MAX 5

GPtrArray *roadmap_up_next_list (RoadmapCatalog *catalog,
                                 guint           max);

G_END_DECLS

/* roadmap-resource.h — a link to learning material
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ROADMAP_TYPE_RESOURCE (roadmap_resource_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapResource, roadmap_resource, ROADMAP, RESOURCE, GObject)

RoadmapResource *roadmap_resource_new       (const char      *title,
                                             const char      *url,
                                             const char      *kind);
const char      *roadmap_resource_get_title (RoadmapResource *self);
const char      *roadmap_resource_get_url   (RoadmapResource *self);
const char      *roadmap_resource_get_kind  (RoadmapResource *self);

G_END_DECLS

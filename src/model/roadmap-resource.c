/* roadmap-resource.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-resource.h"

struct _RoadmapResource
{
  GObject parent_instance;

  char *title;
  char *url;
  char *kind;
};

G_DEFINE_FINAL_TYPE (RoadmapResource, roadmap_resource, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_URL,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
roadmap_resource_finalize (GObject *object)
{
  RoadmapResource *self = (RoadmapResource *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (roadmap_resource_parent_class)->finalize (object);
}

static void
roadmap_resource_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RoadmapResource *self = ROADMAP_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_resource_class_init (RoadmapResourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = roadmap_resource_finalize;
  object_class->get_property = roadmap_resource_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
roadmap_resource_init (RoadmapResource *self)
{
}

RoadmapResource *
roadmap_resource_new (const char *title,
                      const char *url,
                      const char *kind)
{
  RoadmapResource *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (ROADMAP_TYPE_RESOURCE, NULL);
  self->title = g_strdup (title);
  self->url = g_strdup (url);
  self->kind = g_strdup (kind);

  return self;
}

const char *
roadmap_resource_get_title (RoadmapResource *self)
{
  g_return_val_if_fail (ROADMAP_IS_RESOURCE (self), NULL);
  return self->title;
}

const char *
roadmap_resource_get_url (RoadmapResource *self)
{
  g_return_val_if_fail (ROADMAP_IS_RESOURCE (self), NULL);
  return self->url;
}

const char *
roadmap_resource_get_kind (RoadmapResource *self)
{
  g_return_val_if_fail (ROADMAP_IS_RESOURCE (self), NULL);
  return self->kind;
}

/* roadmap-preference-command.c
 *
 * A preference is set, not a step of the undo history: the switch that
 * set it sets it back. It is written like any change, inside the
 * transaction, so another process and an open window see it by the
 * change counter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-preference-command.h"

struct _RoadmapPreferenceCommand
{
  RoadmapCommand parent_instance;

  RoadmapCatalog *catalog;
  char *key;
  gint64 value;
};

G_DEFINE_FINAL_TYPE (RoadmapPreferenceCommand, roadmap_preference_command, ROADMAP_TYPE_COMMAND)

static gboolean
roadmap_preference_command_execute (RoadmapCommand         *command,
                                    RoadmapCommandContext  *context,
                                    RoadmapCommandStep      step,
                                    gboolean               *changed,
                                    GError                **error)
{
  RoadmapPreferenceCommand *self = ROADMAP_PREFERENCE_COMMAND (command);
  gint64 current;

  if (!roadmap_store_read_preference (context->store, self->key, G_MININT64, &current, error))
    return FALSE;
  if (current == self->value)
    return TRUE;

  if (!roadmap_store_write_preference (context->store, self->key, self->value, context->change,
                                       context->now / G_USEC_PER_SEC, error))
    return FALSE;

  *changed = TRUE;
  return TRUE;
}

static void
roadmap_preference_command_apply (RoadmapCommand     *command,
                                  RoadmapCommandStep  step)
{
  RoadmapPreferenceCommand *self = ROADMAP_PREFERENCE_COMMAND (command);

  roadmap_store_apply_preference (self->catalog, self->key, self->value);
}

static char *
roadmap_preference_command_describe (RoadmapCommand     *command,
                                     RoadmapCommandStep  step)
{
  return g_strdup (_("Changed a preference"));
}

static void
roadmap_preference_command_finalize (GObject *object)
{
  RoadmapPreferenceCommand *self = (RoadmapPreferenceCommand *) object;

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (roadmap_preference_command_parent_class)->finalize (object);
}

static void
roadmap_preference_command_class_init (RoadmapPreferenceCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RoadmapCommandClass *command_class = ROADMAP_COMMAND_CLASS (klass);

  object_class->finalize = roadmap_preference_command_finalize;
  command_class->execute = roadmap_preference_command_execute;
  command_class->apply = roadmap_preference_command_apply;
  command_class->describe = roadmap_preference_command_describe;
  command_class->undoable = FALSE;
}

static void
roadmap_preference_command_init (RoadmapPreferenceCommand *self)
{
}

/**
 * roadmap_preference_command_new:
 * @catalog: what follows the preference once it is written
 * @key: e.g. %ROADMAP_PREFERENCE_COUNT_SKIPPED_AS_DONE
 */
RoadmapCommand *
roadmap_preference_command_new (RoadmapCatalog *catalog,
                                const char     *key,
                                gint64          value)
{
  RoadmapPreferenceCommand *self;

  g_return_val_if_fail (ROADMAP_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  self = g_object_new (ROADMAP_TYPE_PREFERENCE_COMMAND, NULL);
  self->catalog = g_object_ref (catalog);
  self->key = g_strdup (key);
  self->value = value;

  return ROADMAP_COMMAND (self);
}

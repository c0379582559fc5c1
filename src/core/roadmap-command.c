/* roadmap-command.c
 *
 * A command is planned from the database, never from the model: its
 * execute() runs inside the change's BEGIN IMMEDIATE transaction and
 * reads there what it depends on; its apply() runs only after COMMIT.
 * Undo and redo are steps of the same command, checked the same way:
 * a step that would overwrite another process's change refuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-command.h"

G_DEFINE_QUARK (roadmap-command-error-quark, roadmap_command_error)

G_DEFINE_ABSTRACT_TYPE (RoadmapCommand, roadmap_command, G_TYPE_OBJECT)

static void
roadmap_command_class_init (RoadmapCommandClass *klass)
{
  klass->undoable = TRUE;
}

static void
roadmap_command_init (RoadmapCommand *self)
{
}

gboolean
roadmap_command_execute (RoadmapCommand         *self,
                         RoadmapCommandContext  *context,
                         RoadmapCommandStep      step,
                         gboolean               *changed,
                         GError                **error)
{
  g_return_val_if_fail (ROADMAP_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (context != NULL, FALSE);
  g_return_val_if_fail (changed != NULL, FALSE);

  *changed = FALSE;
  return ROADMAP_COMMAND_GET_CLASS (self)->execute (self, context, step, changed, error);
}

void
roadmap_command_apply (RoadmapCommand     *self,
                       RoadmapCommandStep  step)
{
  g_return_if_fail (ROADMAP_IS_COMMAND (self));

  ROADMAP_COMMAND_GET_CLASS (self)->apply (self, step);
}

/**
 * roadmap_command_describe:
 *
 * Returns: (transfer full): e.g. "Moved SQL & NoSQL Databases to Done"
 */
char *
roadmap_command_describe (RoadmapCommand     *self,
                          RoadmapCommandStep  step)
{
  g_return_val_if_fail (ROADMAP_IS_COMMAND (self), NULL);

  return ROADMAP_COMMAND_GET_CLASS (self)->describe (self, step);
}

gboolean
roadmap_command_is_undoable (RoadmapCommand *self)
{
  g_return_val_if_fail (ROADMAP_IS_COMMAND (self), FALSE);

  return ROADMAP_COMMAND_GET_CLASS (self)->undoable;
}

static gboolean
not_loaded (const char  *title,
            GError     **error)
{
  g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_NOT_LOADED,
               _("“%s” is no longer loaded, so that step cannot be undone or redone; it was left out"),
               title);
  return FALSE;
}

static gboolean
check_loaded (RoadmapCommandContext  *context,
              RoadmapSkill           *skill,
              GError                **error)
{
  if (context->catalog != NULL && !roadmap_catalog_has_skill (context->catalog, skill))
    return not_loaded (roadmap_skill_get_title (skill), error);
  return TRUE;
}

static gboolean
changed_elsewhere (const char  *title,
                   GError     **error)
{
  g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE,
               _("“%s” was changed elsewhere meanwhile; nothing was changed"),
               title);
  return FALSE;
}

/**
 * roadmap_command_context_check_own:
 * @row_change: the change that wrote the row an undo or redo would
 *   overwrite
 *
 * Undo and redo restore what this session wrote, on condition that
 * nobody wrote it since: the row must still carry the change this
 * session last wrote to it.
 */
gboolean
roadmap_command_context_check_own (RoadmapCommandContext  *context,
                                   RoadmapSkill           *skill,
                                   gint64                  row_change,
                                   GError                **error)
{
  gpointer own;

  g_return_val_if_fail (context != NULL, FALSE);

  if (!check_loaded (context, skill, error))
    return FALSE;

  /* Written earlier in this same change (a group of commands) */
  if (row_change == context->change && g_hash_table_contains (context->marked, skill))
    return TRUE;

  if (g_hash_table_lookup_extended (context->own_changes, skill, NULL, &own) &&
      *(gint64 *) own == row_change)
    return TRUE;

  return changed_elsewhere (roadmap_skill_get_title (skill), error);
}

/* Whether this session wrote the row @row_key last, in this change or
 * in the committed change @row_change */
static gboolean
is_own_row (RoadmapCommandContext *context,
            const char            *row_key,
            gint64                 row_change)
{
  gpointer own;

  if (row_change == context->change && context->marked_rows != NULL &&
      g_hash_table_contains (context->marked_rows, row_key))
    return TRUE;

  return context->own_rows != NULL &&
         g_hash_table_lookup_extended (context->own_rows, row_key, NULL, &own) &&
         *(gint64 *) own == row_change;
}

/**
 * roadmap_command_context_check_own_row:
 * @row_key: names the row (see #RoadmapCommandContext.own_rows)
 * @row_change: the change that wrote the row an undo or redo would
 *   overwrite
 *
 * roadmap_command_context_check_own() for a row of its own beside the
 * skill's progress (one of its topics): ticking one topic, or moving the
 * skill, does not make undoing another topic refuse.
 */
gboolean
roadmap_command_context_check_own_row (RoadmapCommandContext  *context,
                                       RoadmapSkill           *skill,
                                       const char             *row_key,
                                       gint64                  row_change,
                                       GError                **error)
{
  g_return_val_if_fail (context != NULL, FALSE);
  g_return_val_if_fail (row_key != NULL, FALSE);

  if (!check_loaded (context, skill, error))
    return FALSE;

  if (is_own_row (context, row_key, row_change))
    return TRUE;

  return changed_elsewhere (roadmap_skill_get_title (skill), error);
}

/**
 * roadmap_command_context_check_own_track_row:
 * @row_key: names the row (see #RoadmapCommandContext.own_rows)
 * @row_change: the change that wrote the row an undo or redo would
 *   overwrite
 *
 * roadmap_command_context_check_own_row() for a row of a track's own
 * (its plan).
 */
gboolean
roadmap_command_context_check_own_track_row (RoadmapCommandContext  *context,
                                             RoadmapTrack           *track,
                                             const char             *row_key,
                                             gint64                  row_change,
                                             GError                **error)
{
  g_return_val_if_fail (context != NULL, FALSE);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), FALSE);
  g_return_val_if_fail (row_key != NULL, FALSE);

  if (context->catalog != NULL &&
      roadmap_catalog_find_track (context->catalog, roadmap_track_get_id (track)) != track)
    return not_loaded (roadmap_track_get_title (track), error);

  if (is_own_row (context, row_key, row_change))
    return TRUE;

  return changed_elsewhere (roadmap_track_get_title (track), error);
}

/* The row @row_key was written in this change. */
void
roadmap_command_context_mark_own_row (RoadmapCommandContext *context,
                                      const char            *row_key)
{
  g_return_if_fail (context != NULL);

  if (context->marked_rows != NULL)
    g_hash_table_add (context->marked_rows, g_strdup (row_key));
}

/**
 * roadmap_command_context_write_mark:
 * @kind: %ROADMAP_HISTORY_NOTE or %ROADMAP_HISTORY_TOPIC
 *
 * Inside the change: the history row of an activity mark on @skill —
 * when and from where, with the status the skill has on disk (not what
 * changed).
 */
gboolean
roadmap_command_context_write_mark (RoadmapCommandContext  *context,
                                    RoadmapSkill           *skill,
                                    RoadmapHistoryKind      kind,
                                    GError                **error)
{
  RoadmapProgressRow row;
  RoadmapHistoryEntry entry = {
    .change = context->change,
    .kind = kind,
    .origin = context->origin,
    .track_id = (char *) roadmap_skill_get_track_id (skill),
    .skill_id = (char *) roadmap_skill_get_id (skill),
    .changed_at = context->now,
  };

  g_return_val_if_fail (context != NULL, FALSE);

  if (!roadmap_store_read_row (context->store, skill, &row, error))
    return FALSE;
  entry.old_status = entry.new_status = row.status;
  return roadmap_store_write_history (context->store, &entry, NULL, NULL, error);
}

/* @skill was written in this change. */
void
roadmap_command_context_mark_own (RoadmapCommandContext *context,
                                  RoadmapSkill          *skill)
{
  g_return_if_fail (context != NULL);

  g_hash_table_add (context->marked, skill);
}

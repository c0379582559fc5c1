/* roadmap-note-command.c
 *
 * Notes are saved as the learner types; the text box has its own undo,
 * so a note is not a step of the window's undo history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-note-command.h"
#include "roadmap-text.h"

struct _RoadmapNoteCommand
{
  RoadmapCommand parent_instance;

  RoadmapSkill *skill;
  char *note;
  char *old_note;
};

G_DEFINE_FINAL_TYPE (RoadmapNoteCommand, roadmap_note_command, ROADMAP_TYPE_COMMAND)

static gboolean
roadmap_note_command_execute (RoadmapCommand         *command,
                              RoadmapCommandContext  *context,
                              RoadmapCommandStep      step,
                              gboolean               *changed,
                              GError                **error)
{
  RoadmapNoteCommand *self = ROADMAP_NOTE_COMMAND (command);
  g_autofree char *current = NULL;
  g_autoptr(GError) text_error = NULL;
  gint64 current_change;
  const char *target;

  /* What the window or a script would store must be text a report can
   * draw and a terminal can show: refused before anything is written */
  if (step == ROADMAP_COMMAND_RUN && self->note != NULL &&
      g_utf8_strlen (self->note, -1) > ROADMAP_NOTE_MAX_LENGTH)
    {
      g_set_error (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_INVALID_TEXT,
                   _("The note is longer than %d characters; shorten it to save it"),
                   ROADMAP_NOTE_MAX_LENGTH);
      return FALSE;
    }
  if (step == ROADMAP_COMMAND_RUN && self->note != NULL &&
      !roadmap_text_check_multi_line (self->note, &text_error))
    {
      g_set_error_literal (error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_INVALID_TEXT,
                           text_error->message);
      return FALSE;
    }

  if (!roadmap_store_read_note (context->store, self->skill, &current, &current_change, error))
    return FALSE;

  if (step == ROADMAP_COMMAND_RUN)
    {
      g_free (self->old_note);
      self->old_note = g_strdup (current);
    }
  else if (!roadmap_command_context_check_own (context, self->skill, current_change, error))
    return FALSE;

  target = step == ROADMAP_COMMAND_UNDO ? self->old_note : self->note;
  if (g_strcmp0 (current, target) == 0)
    return TRUE;

  if (!roadmap_store_write_note (context->store, self->skill, target, context->change,
                                 context->now / G_USEC_PER_SEC, error) ||
      /* Notes are in the history too: when, from where (not what) */
      !roadmap_command_context_write_mark (context, self->skill, ROADMAP_HISTORY_NOTE, error))
    return FALSE;

  *changed = TRUE;
  roadmap_command_context_mark_own (context, self->skill);
  return TRUE;
}

static void
roadmap_note_command_apply (RoadmapCommand     *command,
                            RoadmapCommandStep  step)
{
  RoadmapNoteCommand *self = ROADMAP_NOTE_COMMAND (command);

  roadmap_skill_apply_note (self->skill, step == ROADMAP_COMMAND_UNDO ? self->old_note : self->note);
}

static char *
roadmap_note_command_describe (RoadmapCommand     *command,
                               RoadmapCommandStep  step)
{
  RoadmapNoteCommand *self = ROADMAP_NOTE_COMMAND (command);

  /* Translators: %s is a skill's title */
  return g_strdup_printf (_("Saved the note on %s"), roadmap_skill_get_title (self->skill));
}

static void
roadmap_note_command_finalize (GObject *object)
{
  RoadmapNoteCommand *self = (RoadmapNoteCommand *) object;

  g_clear_object (&self->skill);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->old_note, g_free);

  G_OBJECT_CLASS (roadmap_note_command_parent_class)->finalize (object);
}

static void
roadmap_note_command_class_init (RoadmapNoteCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RoadmapCommandClass *command_class = ROADMAP_COMMAND_CLASS (klass);

  object_class->finalize = roadmap_note_command_finalize;
  command_class->execute = roadmap_note_command_execute;
  command_class->apply = roadmap_note_command_apply;
  command_class->describe = roadmap_note_command_describe;
  command_class->undoable = FALSE;
}

static void
roadmap_note_command_init (RoadmapNoteCommand *self)
{
}

/**
 * roadmap_note_command_new:
 * @note: (nullable): the note; empty or %NULL removes it
 */
RoadmapCommand *
roadmap_note_command_new (RoadmapSkill *skill,
                          const char   *note)
{
  RoadmapNoteCommand *self;

  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), NULL);
  g_return_val_if_fail (note == NULL || g_utf8_validate (note, -1, NULL), NULL);

  self = g_object_new (ROADMAP_TYPE_NOTE_COMMAND, NULL);
  self->skill = g_object_ref (skill);
  self->note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;

  return ROADMAP_COMMAND (self);
}

/* roadmap-topic-command.c
 *
 * Ticks and unticks topics, one or several (the command line's
 * --set-topic, repeated) in one change and one step of undo. A topic is
 * its text, taken from the roadmap when the command is made: reordering
 * a roadmap's topics keeps what was ticked.
 *
 * Each topic has a row of its own, so undo and redo check each row
 * rather than the skill (as a move does): ticking a skill's second
 * topic does not make undoing its first refuse, and a move of the skill
 * in between neither. A row that another process wrote since this
 * session last did makes the step refuse, and change nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-topic-command.h"

typedef struct
{
  RoadmapSkill *skill;
  char *topic;
  /* What the command sets, and what the run found on disk */
  gboolean done;
  gboolean old_done;
  /* Whether the run wrote the row (it had another value) */
  gboolean written;
  /* The row's key for the session's own rows: "track/skill/topic" */
  char *key;
} TopicChange;

struct _RoadmapTopicCommand
{
  RoadmapCommand parent_instance;

  GArray *changes;  /* TopicChange */
};

G_DEFINE_FINAL_TYPE (RoadmapTopicCommand, roadmap_topic_command, ROADMAP_TYPE_COMMAND)

static void
topic_change_clear (TopicChange *change)
{
  g_clear_object (&change->skill);
  g_clear_pointer (&change->topic, g_free);
  g_clear_pointer (&change->key, g_free);
}

static gboolean
write_topic (TopicChange            *change,
             RoadmapCommandContext  *context,
             gboolean                done,
             GError                **error)
{
  if (!roadmap_store_write_topic (context->store, change->skill, change->topic, done,
                                  context->change, context->now / G_USEC_PER_SEC, error) ||
      /* An activity mark in the history: when, from where */
      !roadmap_command_context_write_mark (context, change->skill, ROADMAP_HISTORY_TOPIC, error))
    return FALSE;

  roadmap_command_context_mark_own_row (context, change->key);
  return TRUE;
}

static gboolean
roadmap_topic_command_execute (RoadmapCommand         *command,
                               RoadmapCommandContext  *context,
                               RoadmapCommandStep      step,
                               gboolean               *changed,
                               GError                **error)
{
  RoadmapTopicCommand *self = ROADMAP_TOPIC_COMMAND (command);

  for (guint i = 0; i < self->changes->len; i++)
    {
      TopicChange *change = &g_array_index (self->changes, TopicChange, i);
      gboolean current;
      gint64 current_change;

      if (step != ROADMAP_COMMAND_RUN && !change->written)
        continue;

      if (!roadmap_store_read_topic (context->store, change->skill, change->topic,
                                     &current, &current_change, error))
        return FALSE;

      if (step == ROADMAP_COMMAND_RUN)
        {
          /* The database decides: ticked meanwhile elsewhere, nothing to do */
          change->old_done = current;
          change->written = current != change->done;
          if (!change->written)
            continue;
        }
      else if (!roadmap_command_context_check_own_row (context, change->skill, change->key,
                                                       current_change, error))
        return FALSE;

      if (!write_topic (change, context,
                        step == ROADMAP_COMMAND_UNDO ? change->old_done : change->done, error))
        return FALSE;
      *changed = TRUE;
    }

  return TRUE;
}

static void
roadmap_topic_command_apply (RoadmapCommand     *command,
                             RoadmapCommandStep  step)
{
  RoadmapTopicCommand *self = ROADMAP_TOPIC_COMMAND (command);

  for (guint i = 0; i < self->changes->len; i++)
    {
      TopicChange *change = &g_array_index (self->changes, TopicChange, i);
      gboolean done = step == ROADMAP_COMMAND_UNDO && change->written ? change->old_done : change->done;

      roadmap_skill_apply_topic_done (change->skill, change->topic, done);
    }
}

static char *
roadmap_topic_command_describe (RoadmapCommand     *command,
                                RoadmapCommandStep  step)
{
  RoadmapTopicCommand *self = ROADMAP_TOPIC_COMMAND (command);
  TopicChange *change;
  gboolean done;

  if (self->changes->len != 1)
    /* Translators: a toast, for several topics ticked or unticked at once */
    return g_strdup_printf (ngettext ("Changed %u topic", "Changed %u topics", self->changes->len),
                            self->changes->len);

  change = &g_array_index (self->changes, TopicChange, 0);
  done = step == ROADMAP_COMMAND_UNDO ? !change->done : change->done;
  if (done)
    /* Translators: a toast, "Ticked off “Pandas” in Python & SQL Mastery" */
    return g_strdup_printf (_("Ticked off “%s” in %s"), change->topic,
                            roadmap_skill_get_title (change->skill));

  /* Translators: a toast, "Unticked “Pandas” in Python & SQL Mastery" */
  return g_strdup_printf (_("Unticked “%s” in %s"), change->topic,
                          roadmap_skill_get_title (change->skill));
}

static void
roadmap_topic_command_finalize (GObject *object)
{
  RoadmapTopicCommand *self = (RoadmapTopicCommand *) object;

  g_clear_pointer (&self->changes, g_array_unref);

  G_OBJECT_CLASS (roadmap_topic_command_parent_class)->finalize (object);
}

static void
roadmap_topic_command_class_init (RoadmapTopicCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RoadmapCommandClass *command_class = ROADMAP_COMMAND_CLASS (klass);

  object_class->finalize = roadmap_topic_command_finalize;
  command_class->execute = roadmap_topic_command_execute;
  command_class->apply = roadmap_topic_command_apply;
  command_class->describe = roadmap_topic_command_describe;
}

static void
roadmap_topic_command_init (RoadmapTopicCommand *self)
{
  self->changes = g_array_new (FALSE, TRUE, sizeof (TopicChange));
  g_array_set_clear_func (self->changes, (GDestroyNotify) topic_change_clear);
}

/**
 * roadmap_topic_command_new:
 *
 * An empty command; roadmap_topic_command_add() gives it its topics.
 */
RoadmapCommand *
roadmap_topic_command_new (void)
{
  return g_object_new (ROADMAP_TYPE_TOPIC_COMMAND, NULL);
}

/**
 * roadmap_topic_command_add:
 * @index: one of @skill's topics, from 0
 * @done: tick it off, or untick it
 *
 * A topic added again (the same text of the same skill) takes the
 * latest @done: one row is written once.
 */
void
roadmap_topic_command_add (RoadmapTopicCommand *self,
                           RoadmapSkill        *skill,
                           guint                index,
                           gboolean             done)
{
  const char *topic;
  TopicChange change = { NULL, };

  g_return_if_fail (ROADMAP_IS_TOPIC_COMMAND (self));
  g_return_if_fail (ROADMAP_IS_SKILL (skill));
  g_return_if_fail (roadmap_skill_get_phase (skill) != NULL);
  g_return_if_fail (index < roadmap_skill_get_n_topics (skill));

  topic = roadmap_skill_get_topics (skill)[index];
  for (guint i = 0; i < self->changes->len; i++)
    {
      TopicChange *other = &g_array_index (self->changes, TopicChange, i);

      if (other->skill == skill && g_str_equal (other->topic, topic))
        {
          other->done = done;
          return;
        }
    }

  change.skill = g_object_ref (skill);
  change.topic = g_strdup (topic);
  change.key = g_strconcat (roadmap_skill_get_track_id (skill), "/", roadmap_skill_get_id (skill), "/",
                            topic, NULL);
  change.done = done;
  g_array_append_val (self->changes, change);
}

/**
 * roadmap_topic_command_get_n_topics:
 *
 * Returns: how many topics the command ticks or unticks
 */
guint
roadmap_topic_command_get_n_topics (RoadmapTopicCommand *self)
{
  g_return_val_if_fail (ROADMAP_IS_TOPIC_COMMAND (self), 0);
  return self->changes->len;
}

/**
 * roadmap_topic_command_get_skill:
 * @i: from 0 to roadmap_topic_command_get_n_topics()
 *
 * Returns: (transfer none): the skill of the @i-th topic
 */
RoadmapSkill *
roadmap_topic_command_get_skill (RoadmapTopicCommand *self,
                                 guint                i)
{
  g_return_val_if_fail (ROADMAP_IS_TOPIC_COMMAND (self), NULL);
  g_return_val_if_fail (i < self->changes->len, NULL);
  return g_array_index (self->changes, TopicChange, i).skill;
}

/**
 * roadmap_topic_command_get_done:
 *
 * Returns: whether the run ticks the @i-th topic off (or unticks it)
 */
gboolean
roadmap_topic_command_get_done (RoadmapTopicCommand *self,
                                guint                i)
{
  g_return_val_if_fail (ROADMAP_IS_TOPIC_COMMAND (self), FALSE);
  g_return_val_if_fail (i < self->changes->len, FALSE);
  return g_array_index (self->changes, TopicChange, i).done;
}

/* roadmap-topic-command.h — ticking off topics of skills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-command.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_TOPIC_COMMAND (roadmap_topic_command_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapTopicCommand, roadmap_topic_command, ROADMAP, TOPIC_COMMAND, RoadmapCommand)

RoadmapCommand *roadmap_topic_command_new        (void);
void            roadmap_topic_command_add        (RoadmapTopicCommand *self,
                                                  RoadmapSkill        *skill,
                                                  guint                index,
                                                  gboolean             done);
guint           roadmap_topic_command_get_n_topics (RoadmapTopicCommand *self);
RoadmapSkill   *roadmap_topic_command_get_skill  (RoadmapTopicCommand *self,
                                                  guint                i);
gboolean        roadmap_topic_command_get_done   (RoadmapTopicCommand *self,
                                                  guint                i);

G_END_DECLS

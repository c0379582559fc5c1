/* roadmap-progress-data.h — all a learner made, in memory: what a
 * progress file, a daily backup and a restore carry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "roadmap-plan.h"
#include "roadmap-progress-row.h"
#include "roadmap-store.h"

G_BEGIN_DECLS

/**
 * RoadmapProgressEntry:
 * @track_id: the track
 * @skill_id: the skill
 * @has_progress: whether it has a progress row; without one it has only
 *   a note or ticked topics, and @status, @position and the dates mean
 *   nothing
 * @status: the column
 * @position: the place in its column of its track, from 0
 * @started_at: Unix seconds (UTC), or %ROADMAP_NO_TIME
 * @finished_at: Unix seconds (UTC), or %ROADMAP_NO_TIME
 * @note: (nullable): the note, never empty
 * @topics_done: (nullable): the texts of the ticked topics, sorted
 */
typedef struct
{
  char *track_id;
  char *skill_id;
  gboolean has_progress;
  RoadmapStatus status;
  gint64 position;
  gint64 started_at;
  gint64 finished_at;
  char *note;
  GStrv topics_done;
} RoadmapProgressEntry;

void roadmap_progress_entry_clear (RoadmapProgressEntry *entry);

/**
 * RoadmapProgressRoadmap:
 * @file_name: its name in the user's roadmap folder, "my-track.json"
 * @track_id: the track it holds
 * @contents: the file as written
 *
 * One of the learner's own roadmaps, as a backup carries it.
 */
typedef struct
{
  char *file_name;
  char *track_id;
  GBytes *contents;
} RoadmapProgressRoadmap;

void roadmap_progress_roadmap_clear (RoadmapProgressRoadmap *roadmap);

/**
 * RoadmapProgressDiff:
 * @n_statuses: skills whose column changes (a skill the new side does
 *   not list goes back to To-do)
 * @n_notes: notes written, replaced or removed
 * @n_topics: skills whose ticked topics change
 * @n_preferences: preferences that change
 * @n_plans: tracks whose plan is set, changed or removed
 * @n_roadmaps_added: own roadmap files the user's folder does not have
 * @n_roadmaps_replaced: own roadmap files there with other contents
 * @n_other: skills that change only their place or dates
 *
 * What going from one #RoadmapProgressData to another changes.
 */
typedef struct
{
  guint n_statuses;
  guint n_notes;
  guint n_topics;
  guint n_preferences;
  guint n_plans;
  guint n_roadmaps_added;
  guint n_roadmaps_replaced;
  guint n_other;
} RoadmapProgressDiff;

#define ROADMAP_TYPE_PROGRESS_DATA (roadmap_progress_data_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapProgressData, roadmap_progress_data, ROADMAP, PROGRESS_DATA, GObject)

RoadmapProgressData        *roadmap_progress_data_new            (void);
void                        roadmap_progress_data_take_entry     (RoadmapProgressData  *self,
                                                                  RoadmapProgressEntry *entry);
guint                       roadmap_progress_data_get_n_entries  (RoadmapProgressData  *self);
const RoadmapProgressEntry *roadmap_progress_data_get_entry      (RoadmapProgressData  *self,
                                                                  guint                 index);
void                        roadmap_progress_data_set_preference (RoadmapProgressData  *self,
                                                                  const char           *key,
                                                                  gint64                value);
const char * const         *roadmap_progress_data_list_preferences (RoadmapProgressData *self);
void                        roadmap_progress_data_set_holds_all_preferences (RoadmapProgressData *self,
                                                                             gboolean             holds_all);
gboolean                    roadmap_progress_data_get_holds_all_preferences (RoadmapProgressData *self);
void                        roadmap_progress_data_set_plan       (RoadmapProgressData  *self,
                                                                  const char           *track_id,
                                                                  const RoadmapPlan    *plan);
const RoadmapPlan          *roadmap_progress_data_get_plan       (RoadmapProgressData  *self,
                                                                  const char           *track_id);
const char * const         *roadmap_progress_data_list_plans     (RoadmapProgressData  *self);
void                        roadmap_progress_data_set_holds_plans (RoadmapProgressData *self,
                                                                   gboolean             holds_plans);
gboolean                    roadmap_progress_data_get_holds_plans (RoadmapProgressData *self);
void                        roadmap_progress_data_add_roadmap    (RoadmapProgressData  *self,
                                                                  const char           *file_name,
                                                                  const char           *track_id,
                                                                  GBytes               *contents);
guint                       roadmap_progress_data_get_n_roadmaps (RoadmapProgressData  *self);
const RoadmapProgressRoadmap *roadmap_progress_data_get_roadmap  (RoadmapProgressData  *self,
                                                                  guint                 index);
gint64                      roadmap_progress_data_get_preference (RoadmapProgressData  *self,
                                                                  const char           *key);

RoadmapProgressData        *roadmap_progress_data_read           (RoadmapStore         *store,
                                                                  GError              **error);
RoadmapProgressData        *roadmap_progress_data_read_backup    (const char           *path,
                                                                  GError              **error);
gboolean                    roadmap_progress_data_write          (RoadmapProgressData  *self,
                                                                  RoadmapStore         *store,
                                                                  gint64                change,
                                                                  RoadmapOrigin         origin,
                                                                  gint64                now,
                                                                  GError              **error);
void                        roadmap_progress_data_diff           (RoadmapProgressData  *from,
                                                                  RoadmapProgressData  *to,
                                                                  RoadmapProgressDiff  *diff);
gboolean                    roadmap_progress_data_equal          (RoadmapProgressData  *a,
                                                                  RoadmapProgressData  *b);

G_END_DECLS

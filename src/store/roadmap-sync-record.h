/* roadmap-sync-record.h — a skill's progress as sync exchanges it, each
 * field with its own modification time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "roadmap-skill.h"
#include "roadmap-status.h"

G_BEGIN_DECLS

/**
 * RoadmapSyncField:
 * @ROADMAP_SYNC_FIELD_STATUS: the column with its started and finished dates
 * @ROADMAP_SYNC_FIELD_POSITION: the place in the column
 * @ROADMAP_SYNC_FIELD_NOTE: the learner's note
 * @ROADMAP_SYNC_FIELD_TOPICS: the topics ticked off
 *
 * What merges on its own: two machines that changed different fields of
 * one skill both keep their change.
 */
typedef enum
{
  ROADMAP_SYNC_FIELD_STATUS,
  ROADMAP_SYNC_FIELD_POSITION,
  ROADMAP_SYNC_FIELD_NOTE,
  ROADMAP_SYNC_FIELD_TOPICS,
  ROADMAP_SYNC_N_FIELDS,
} RoadmapSyncField;

/* How many topics a skill may have ticked off, and the longest text of
 * such a list (roadmap_sync_record_dup_value()) */
#define ROADMAP_SYNC_MAX_TOPICS 1000
#define ROADMAP_SYNC_TOPICS_MAX_TEXT ((gsize) ROADMAP_SYNC_MAX_TOPICS * (ROADMAP_TOPIC_MAX_LENGTH * 4 + 8))

/* The device of a change another app made to a task (its value no
 * longer matches the digest Roadmap wrote) */
#define ROADMAP_SYNC_DEVICE_OTHER_APP "other-app"

/* The longest device id a record may carry */
#define ROADMAP_SYNC_DEVICE_MAX_LENGTH 64

/**
 * RoadmapSyncStamp:
 * @modified: when the field last changed, microseconds since the Unix
 *   epoch (UTC); 0 for never
 * @device: (nullable): the device that changed it; of two changes made
 *   at the same microsecond the greater device id wins
 */
typedef struct
{
  gint64 modified;
  char *device;
} RoadmapSyncStamp;

/**
 * RoadmapSyncRecord:
 * @track_id: the track
 * @skill_id: the skill
 * @status: the column
 * @started_at: Unix seconds (UTC), or %ROADMAP_NO_TIME
 * @finished_at: Unix seconds (UTC), or %ROADMAP_NO_TIME
 * @placed: whether the skill has a place of its own: a skill never moved
 *   has none and sits where its roadmap puts it
 * @sort_key: the place, when @placed
 * @note: the note, "" for none
 * @topics: the ticked topics, sorted, no duplicates
 * @stamps: each field's modification
 */
typedef struct
{
  char *track_id;
  char *skill_id;
  RoadmapStatus status;
  gint64 started_at;
  gint64 finished_at;
  gboolean placed;
  gint64 sort_key;
  char *note;
  GStrv topics;
  RoadmapSyncStamp stamps[ROADMAP_SYNC_N_FIELDS];
} RoadmapSyncRecord;

RoadmapSyncRecord *roadmap_sync_record_new         (const char              *track_id,
                                                    const char              *skill_id);
RoadmapSyncRecord *roadmap_sync_record_copy        (const RoadmapSyncRecord *self);
void               roadmap_sync_record_free        (RoadmapSyncRecord       *self);
const char        *roadmap_sync_field_to_string    (RoadmapSyncField         field);
gboolean           roadmap_sync_field_from_string  (const char              *string,
                                                    RoadmapSyncField        *field);

void               roadmap_sync_record_set_topics  (RoadmapSyncRecord       *self,
                                                    const char * const      *topics);
void               roadmap_sync_record_set_stamp   (RoadmapSyncRecord       *self,
                                                    RoadmapSyncField         field,
                                                    gint64                   modified,
                                                    const char              *device);
void               roadmap_sync_record_copy_field  (RoadmapSyncRecord       *self,
                                                    const RoadmapSyncRecord *from,
                                                    RoadmapSyncField         field);
char              *roadmap_sync_record_dup_value   (const RoadmapSyncRecord *self,
                                                    RoadmapSyncField         field);
gboolean           roadmap_sync_record_set_value   (RoadmapSyncRecord       *self,
                                                    RoadmapSyncField         field,
                                                    const char              *value,
                                                    GError                 **error);
char              *roadmap_sync_record_dup_digest  (const RoadmapSyncRecord *self,
                                                    RoadmapSyncField         field);
char              *roadmap_sync_record_dup_full_digest (const RoadmapSyncRecord *self);
gboolean           roadmap_sync_record_field_equal (const RoadmapSyncRecord *a,
                                                    const RoadmapSyncRecord *b,
                                                    RoadmapSyncField         field);
gboolean           roadmap_sync_record_equal       (const RoadmapSyncRecord *a,
                                                    const RoadmapSyncRecord *b);
gboolean           roadmap_sync_stamp_is_newer     (const RoadmapSyncStamp  *a,
                                                    const RoadmapSyncStamp  *b);
gboolean           roadmap_sync_record_check       (const RoadmapSyncRecord *self,
                                                    gint64                   now,
                                                    GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoadmapSyncRecord, roadmap_sync_record_free)

G_END_DECLS

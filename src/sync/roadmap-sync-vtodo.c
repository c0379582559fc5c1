/* roadmap-sync-vtodo.c — a skill's progress as a task of a task list
 *
 * What other task apps show and may change is in the standard
 * properties: SUMMARY the skill's title, STATUS the column (NEEDS-ACTION,
 * IN-PROCESS, COMPLETED, CANCELLED for To-do, Doing, Done, Skipped),
 * DTSTART and COMPLETED the dates, DESCRIPTION the note, CATEGORIES the
 * track's and the phase's titles. The rest is Roadmap's own:
 * X-ROADMAP-TRACK and X-ROADMAP-SKILL (the UID is made from them, but a
 * UID is not to be parsed), X-ROADMAP-POSITION, X-ROADMAP-TOPICS (base64
 * of a JSON list: no server or library escapes it differently), and for
 * each field X-ROADMAP-<FIELD>-MODIFIED: "<microseconds> <device>
 * <digest>". A field whose value no longer matches its digest was
 * changed by another app: it counts as changed at the task's
 * LAST-MODIFIED, after Roadmap's own stamp.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "roadmap-progress-row.h"
#include "roadmap-store.h"
#include "roadmap-sync-vtodo.h"

#define PROP_TRACK    "X-ROADMAP-TRACK"
#define PROP_SKILL    "X-ROADMAP-SKILL"
#define PROP_POSITION "X-ROADMAP-POSITION"
#define PROP_TOPICS   "X-ROADMAP-TOPICS"


static const char * const stamp_props[ROADMAP_SYNC_N_FIELDS] = {
  "X-ROADMAP-STATUS-MODIFIED",
  "X-ROADMAP-POSITION-MODIFIED",
  "X-ROADMAP-NOTE-MODIFIED",
  "X-ROADMAP-TOPICS-MODIFIED",
};

static const ICalPropertyStatus statuses[ROADMAP_N_STATUSES] = {
  [ROADMAP_STATUS_TODO] = I_CAL_STATUS_NEEDSACTION,
  [ROADMAP_STATUS_DOING] = I_CAL_STATUS_INPROCESS,
  [ROADMAP_STATUS_DONE] = I_CAL_STATUS_COMPLETED,
  [ROADMAP_STATUS_SKIPPED] = I_CAL_STATUS_CANCELLED,
};

/* Track and skill ids are [a-z0-9-]: a dot between them cannot be in
 * either */
char *
roadmap_sync_vtodo_uid (const char *track_id,
                        const char *skill_id)
{
  return g_strconcat ("roadmap-", track_id, ".", skill_id, NULL);
}

static ICalTime *
time_from_seconds (gint64 seconds)
{
  return i_cal_time_new_from_timet_with_zone ((time_t) seconds, FALSE,
                                              i_cal_timezone_get_utc_timezone ());
}

static gint64
seconds_from_time (ICalTime *time)
{
  if (time == NULL || i_cal_time_is_null_time (time) || !i_cal_time_is_valid_time (time))
    return ROADMAP_NO_TIME;
  return i_cal_time_as_timet_with_zone (time, i_cal_timezone_get_utc_timezone ());
}

static void
add_x (ICalComponent *vtodo,
       const char    *name,
       const char    *value)
{
  ICalProperty *prop = i_cal_property_new_x (value);

  i_cal_property_set_x_name (prop, name);
  i_cal_component_take_property (vtodo, prop);
}

/**
 * roadmap_sync_vtodo_new:
 * @summary: the skill's title
 * @categories: the track's and the phase's titles
 * @sequence: the task's SEQUENCE
 * @now: microseconds, for LAST-MODIFIED and DTSTAMP
 *
 * Returns: (transfer full): the task for @record
 */
ICalComponent *
roadmap_sync_vtodo_new (const RoadmapSyncRecord  *record,
                        const char               *summary,
                        const char * const       *categories,
                        gint64                    sequence,
                        gint64                    now)
{
  ICalComponent *vtodo = i_cal_component_new_vtodo ();
  g_autofree char *uid = roadmap_sync_vtodo_uid (record->track_id, record->skill_id);
  g_autofree char *position = roadmap_sync_record_dup_value (record, ROADMAP_SYNC_FIELD_POSITION);
  g_autofree char *topics = roadmap_sync_record_dup_value (record, ROADMAP_SYNC_FIELD_TOPICS);
  g_autofree char *topics_base64 = g_base64_encode ((const guchar *) topics, strlen (topics));
  g_autoptr(ICalTime) modified = time_from_seconds (now / G_USEC_PER_SEC);

  i_cal_component_set_uid (vtodo, uid);
  i_cal_component_set_summary (vtodo, summary);
  i_cal_component_set_status (vtodo, statuses[record->status]);
  i_cal_component_set_dtstamp (vtodo, modified);
  i_cal_component_take_property (vtodo, i_cal_property_new_lastmodified (modified));
  i_cal_component_set_sequence (vtodo, (int) CLAMP (sequence, 0, G_MAXINT));
  if (record->started_at != ROADMAP_NO_TIME)
    {
      g_autoptr(ICalTime) started = time_from_seconds (record->started_at);

      i_cal_component_set_dtstart (vtodo, started);
    }
  if (record->finished_at != ROADMAP_NO_TIME)
    {
      g_autoptr(ICalTime) finished = time_from_seconds (record->finished_at);

      i_cal_component_take_property (vtodo, i_cal_property_new_completed (finished));
    }
  if (record->status == ROADMAP_STATUS_DONE)
    i_cal_component_take_property (vtodo, i_cal_property_new_percentcomplete (100));
  if (record->note[0] != '\0')
    i_cal_component_set_description (vtodo, record->note);
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    i_cal_component_take_property (vtodo, i_cal_property_new_categories (categories[i]));

  add_x (vtodo, PROP_TRACK, record->track_id);
  add_x (vtodo, PROP_SKILL, record->skill_id);
  add_x (vtodo, PROP_POSITION, position);
  add_x (vtodo, PROP_TOPICS, topics_base64);
  for (guint f = 0; f < ROADMAP_SYNC_N_FIELDS; f++)
    {
      g_autofree char *digest = roadmap_sync_record_dup_digest (record, f);
      g_autofree char *stamp = g_strdup_printf ("%" G_GINT64_FORMAT " %s %s",
                                                record->stamps[f].modified,
                                                record->stamps[f].device != NULL ? record->stamps[f].device : "-",
                                                digest);

      add_x (vtodo, stamp_props[f], stamp);
    }
  return vtodo;
}

/* The value of the first X- property @name, or NULL; the component
 * owns it */
static const char *
get_x (ICalComponent *vtodo,
       const char    *name)
{
  ICalProperty *prop = i_cal_component_get_first_property (vtodo, I_CAL_X_PROPERTY);
  const char *value = NULL;

  while (prop != NULL && value == NULL)
    {
      const char *x_name = i_cal_property_get_x_name (prop);

      if (x_name != NULL && g_ascii_strcasecmp (x_name, name) == 0)
        value = i_cal_property_get_x (prop);
      g_object_unref (prop);
      prop = value == NULL ? i_cal_component_get_next_property (vtodo, I_CAL_X_PROPERTY) : NULL;
    }
  return value;
}

/* "TRACK-ID/SKILL-ID" of one of Roadmap's tasks, as it says, checked or
 * not; NULL for another task */
char *
roadmap_sync_vtodo_dup_key (ICalComponent *vtodo)
{
  const char *track_id = get_x (vtodo, PROP_TRACK);
  const char *skill_id = get_x (vtodo, PROP_SKILL);

  if (track_id == NULL || skill_id == NULL)
    return NULL;
  return g_strconcat (track_id, "/", skill_id, NULL);
}

/* Whether the task is one Roadmap wrote: other tasks of the list are
 * the user's own and are left alone */
gboolean
roadmap_sync_vtodo_is_ours (ICalComponent *vtodo)
{
  return i_cal_component_isa (vtodo) == I_CAL_VTODO_COMPONENT &&
         get_x (vtodo, PROP_TRACK) != NULL && get_x (vtodo, PROP_SKILL) != NULL;
}

/* When another app last wrote the task: LAST-MODIFIED, else DTSTAMP, else
 * 0 (never the clock: the same task must give the same stamps each time
 * it is read) */
static gint64
get_last_modified (ICalComponent *vtodo)
{
  g_autoptr(ICalProperty) prop = i_cal_component_get_first_property (vtodo, I_CAL_LASTMODIFIED_PROPERTY);
  g_autoptr(ICalTime) time = NULL;
  gint64 seconds = ROADMAP_NO_TIME;

  if (prop != NULL)
    {
      time = i_cal_property_get_lastmodified (prop);
      seconds = seconds_from_time (time);
    }
  if (seconds == ROADMAP_NO_TIME)
    {
      g_clear_object (&time);
      time = i_cal_component_get_dtstamp (vtodo);
      seconds = seconds_from_time (time);
    }
  return seconds == ROADMAP_NO_TIME || seconds < 0 ? 0 : seconds * G_USEC_PER_SEC;
}

static gboolean
invalid (GError     **error,
         const char  *uid,
         const char  *why)
{
  g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_INVALID,
               /* Translators: %s is a task's id, then why it cannot be used */
               _("The task %s cannot be used: %s"), uid != NULL ? uid : "?", why);
  return FALSE;
}

/* The standard properties another app may have changed, read the way
 * that app meant them: dates a status cannot have are dropped */
static void
read_status (ICalComponent     *vtodo,
             RoadmapSyncRecord *record)
{
  g_autoptr(ICalProperty) completed = i_cal_component_get_first_property (vtodo, I_CAL_COMPLETED_PROPERTY);
  g_autoptr(ICalTime) started = i_cal_component_get_dtstart (vtodo);

  switch (i_cal_component_get_status (vtodo))
    {
    case I_CAL_STATUS_INPROCESS:
      record->status = ROADMAP_STATUS_DOING;
      break;
    case I_CAL_STATUS_COMPLETED:
      record->status = ROADMAP_STATUS_DONE;
      break;
    case I_CAL_STATUS_CANCELLED:
      record->status = ROADMAP_STATUS_SKIPPED;
      break;
    default:
      record->status = ROADMAP_STATUS_TODO;
      break;
    }

  record->started_at = seconds_from_time (started);
  if (completed != NULL)
    {
      g_autoptr(ICalTime) finished = i_cal_property_get_completed (completed);

      record->finished_at = seconds_from_time (finished);
    }
  if (record->status == ROADMAP_STATUS_TODO)
    record->started_at = ROADMAP_NO_TIME;
  if (record->status != ROADMAP_STATUS_DONE)
    record->finished_at = ROADMAP_NO_TIME;
  if (record->started_at != ROADMAP_NO_TIME && record->finished_at != ROADMAP_NO_TIME &&
      record->finished_at < record->started_at)
    record->started_at = record->finished_at;
}

/**
 * roadmap_sync_vtodo_parse:
 * @vtodo: one of Roadmap's tasks (roadmap_sync_vtodo_is_ours())
 * @now: this machine's clock, microseconds
 * @sequence: (out): its SEQUENCE
 *
 * Returns: (transfer full) (nullable): the record, checked as an import
 *   is (roadmap_sync_record_check()), or %NULL with @error set
 */
RoadmapSyncRecord *
roadmap_sync_vtodo_parse (ICalComponent  *vtodo,
                          gint64          now,
                          gint64         *sequence,
                          GError        **error)
{
  const char *uid = i_cal_component_get_uid (vtodo);
  const char *track_id = get_x (vtodo, PROP_TRACK);
  const char *skill_id = get_x (vtodo, PROP_SKILL);
  const char *position = get_x (vtodo, PROP_POSITION);
  const char *topics = get_x (vtodo, PROP_TOPICS);
  const char *note = i_cal_component_get_description (vtodo);
  g_autoptr(RoadmapSyncRecord) record = NULL;
  g_autofree char *expected_uid = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 last_modified;

  if (track_id == NULL || skill_id == NULL)
    {
      invalid (error, uid, _("it has no track or skill"));
      return NULL;
    }
  record = roadmap_sync_record_new (track_id, skill_id);
  expected_uid = roadmap_sync_vtodo_uid (track_id, skill_id);
  if (g_strcmp0 (uid, expected_uid) != 0)
    {
      invalid (error, uid, _("its id does not match its skill"));
      return NULL;
    }

  read_status (vtodo, record);
  if (position != NULL &&
      !roadmap_sync_record_set_value (record, ROADMAP_SYNC_FIELD_POSITION, position, &local_error))
    {
      invalid (error, uid, local_error->message);
      return NULL;
    }
  if (note != NULL)
    {
      if (!g_utf8_validate (note, -1, NULL))
        {
          invalid (error, uid, _("the note is not valid text"));
          return NULL;
        }
      g_free (record->note);
      record->note = g_strdup (note);
    }
  if (topics != NULL && strlen (topics) > ROADMAP_SYNC_TOPICS_MAX_TEXT / 3 * 4 + 4)
    {
      invalid (error, uid, _("too many ticked topics"));
      return NULL;
    }
  if (topics != NULL)
    {
      gsize length;
      g_autofree char *json = (char *) g_base64_decode (topics, &length);
      g_autofree char *text = g_strndup (json, length);

      if (!roadmap_sync_record_set_value (record, ROADMAP_SYNC_FIELD_TOPICS, text, &local_error))
        {
          invalid (error, uid, local_error->message);
          return NULL;
        }
    }

  last_modified = get_last_modified (vtodo);
  for (guint f = 0; f < ROADMAP_SYNC_N_FIELDS; f++)
    {
      const char *stamp = get_x (vtodo, stamp_props[f]);
      g_auto(GStrv) parts = stamp != NULL ? g_strsplit (stamp, " ", 4) : NULL;
      g_autofree char *digest = roadmap_sync_record_dup_digest (record, f);
      guint64 modified = 0;

      /* Bounded well below overflow; roadmap_sync_record_check() tells a
       * time too far ahead */
      if (parts != NULL && g_strv_length (parts) == 3 &&
          !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXINT64 / 2, &modified, NULL))
        {
          invalid (error, uid, _("a change time is not a number"));
          return NULL;
        }

      if (parts != NULL && g_strv_length (parts) == 3 && g_strcmp0 (parts[2], digest) == 0)
        roadmap_sync_record_set_stamp (record, f, (gint64) modified,
                                       strcmp (parts[1], "-") != 0 ? parts[1] : NULL);
      else
        /* Another app changed it, or wrote the task */
        roadmap_sync_record_set_stamp (record, f, MAX (last_modified, (gint64) modified + 1), ROADMAP_SYNC_DEVICE_OTHER_APP);
    }

  if (!roadmap_sync_record_check (record, now, &local_error))
    {
      invalid (error, uid, local_error->message);
      return NULL;
    }

  *sequence = MAX (i_cal_component_get_sequence (vtodo), 0);
  return g_steal_pointer (&record);
}

/* roadmap-sync-record.c — a skill's progress as sync exchanges it
 *
 * Each field has a text form (roadmap_sync_record_dup_value()): what a
 * conflict's losing value is kept as, what its digest is taken of, and
 * what the task carries where no standard property fits. Status:
 * "doing 1767225600 -" (the status, then the start and finish in Unix
 * seconds or "-"); position: the sort key or "-" for none; note: the
 * text; topics: a JSON array of strings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "roadmap-json-guard.h"
#include "roadmap-loader.h"
#include "roadmap-progress-row.h"
#include "roadmap-skill.h"
#include "roadmap-store.h"
#include "roadmap-sync-record.h"
#include "roadmap-text.h"

/* The times a date may have: 1970 to 2200, as a progress file's */
#define MAX_TIME G_GINT64_CONSTANT (7289654399)
#define MAX_TOPICS ROADMAP_SYNC_MAX_TOPICS
/* Twice the key of the first skill without a row */
#define MAX_SORT_KEY (ROADMAP_SORT_KEY_UNSTORED_BASE * 2)
/* How far ahead of this machine's clock another's may be */
#define MAX_CLOCK_AHEAD (G_USEC_PER_SEC * G_GINT64_CONSTANT (86400) * 366)

static const char * const field_names[ROADMAP_SYNC_N_FIELDS] = {
  "status", "position", "note", "topics",
};

RoadmapSyncRecord *
roadmap_sync_record_new (const char *track_id,
                         const char *skill_id)
{
  RoadmapSyncRecord *self = g_new0 (RoadmapSyncRecord, 1);

  self->track_id = g_strdup (track_id);
  self->skill_id = g_strdup (skill_id);
  self->status = ROADMAP_STATUS_TODO;
  self->started_at = ROADMAP_NO_TIME;
  self->finished_at = ROADMAP_NO_TIME;
  self->note = g_strdup ("");
  self->topics = g_new0 (char *, 1);
  return self;
}

RoadmapSyncRecord *
roadmap_sync_record_copy (const RoadmapSyncRecord *self)
{
  RoadmapSyncRecord *copy = g_memdup2 (self, sizeof *self);

  copy->track_id = g_strdup (self->track_id);
  copy->skill_id = g_strdup (self->skill_id);
  copy->note = g_strdup (self->note);
  copy->topics = g_strdupv (self->topics);
  for (guint i = 0; i < ROADMAP_SYNC_N_FIELDS; i++)
    copy->stamps[i].device = g_strdup (self->stamps[i].device);
  return copy;
}

void
roadmap_sync_record_free (RoadmapSyncRecord *self)
{
  if (self == NULL)
    return;
  g_free (self->track_id);
  g_free (self->skill_id);
  g_free (self->note);
  g_strfreev (self->topics);
  for (guint i = 0; i < ROADMAP_SYNC_N_FIELDS; i++)
    g_free (self->stamps[i].device);
  g_free (self);
}

const char *
roadmap_sync_field_to_string (RoadmapSyncField field)
{
  g_return_val_if_fail (field < ROADMAP_SYNC_N_FIELDS, NULL);
  return field_names[field];
}

gboolean
roadmap_sync_field_from_string (const char       *string,
                                RoadmapSyncField *field)
{
  for (guint i = 0; i < ROADMAP_SYNC_N_FIELDS; i++)
    if (g_strcmp0 (string, field_names[i]) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Sorted, without duplicates: two machines with the same ticks hold the
 * same list */
void
roadmap_sync_record_set_topics (RoadmapSyncRecord  *self,
                                const char * const *topics)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    g_ptr_array_add (sorted, g_strdup (topics[i]));
  g_ptr_array_sort (sorted, compare_strings);
  for (guint i = 1; i < sorted->len; )
    {
      if (strcmp (sorted->pdata[i - 1], sorted->pdata[i]) == 0)
        {
          g_free (sorted->pdata[i]);
          g_ptr_array_remove_index (sorted, i);
        }
      else
        i++;
    }
  g_ptr_array_add (sorted, NULL);
  g_strfreev (self->topics);
  self->topics = (GStrv) g_ptr_array_free (g_steal_pointer (&sorted), FALSE);
}

void
roadmap_sync_record_set_stamp (RoadmapSyncRecord *self,
                               RoadmapSyncField   field,
                               gint64             modified,
                               const char        *device)
{
  self->stamps[field].modified = modified;
  g_free (self->stamps[field].device);
  self->stamps[field].device = g_strdup (device);
}

/* @field's value of @from, its stamp left as it is */
void
roadmap_sync_record_copy_field (RoadmapSyncRecord       *self,
                                const RoadmapSyncRecord *from,
                                RoadmapSyncField         field)
{
  switch (field)
    {
    case ROADMAP_SYNC_FIELD_STATUS:
      self->status = from->status;
      self->started_at = from->started_at;
      self->finished_at = from->finished_at;
      break;
    case ROADMAP_SYNC_FIELD_POSITION:
      self->placed = from->placed;
      self->sort_key = from->sort_key;
      break;
    case ROADMAP_SYNC_FIELD_NOTE:
      g_free (self->note);
      self->note = g_strdup (from->note);
      break;
    case ROADMAP_SYNC_FIELD_TOPICS:
      g_strfreev (self->topics);
      self->topics = g_strdupv (from->topics);
      break;
    case ROADMAP_SYNC_N_FIELDS:
    default:
      g_return_if_reached ();
    }
}

static void
append_time (GString *string,
             gint64   time)
{
  if (time == ROADMAP_NO_TIME)
    g_string_append (string, " -");
  else
    g_string_append_printf (string, " %" G_GINT64_FORMAT, time);
}

char *
roadmap_sync_record_dup_value (const RoadmapSyncRecord *self,
                               RoadmapSyncField         field)
{
  switch (field)
    {
    case ROADMAP_SYNC_FIELD_STATUS:
      {
        GString *value = g_string_new (roadmap_status_to_string (self->status));

        append_time (value, self->started_at);
        append_time (value, self->finished_at);
        return g_string_free (value, FALSE);
      }
    case ROADMAP_SYNC_FIELD_POSITION:
      return self->placed ? g_strdup_printf ("%" G_GINT64_FORMAT, self->sort_key) : g_strdup ("-");
    case ROADMAP_SYNC_FIELD_NOTE:
      return g_strdup (self->note);
    case ROADMAP_SYNC_FIELD_TOPICS:
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();
        g_autoptr(JsonNode) root = NULL;

        json_builder_begin_array (builder);
        for (guint i = 0; self->topics[i] != NULL; i++)
          json_builder_add_string_value (builder, self->topics[i]);
        json_builder_end_array (builder);
        root = json_builder_get_root (builder);
        return json_to_string (root, FALSE);
      }
    case ROADMAP_SYNC_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
invalid (GError     **error,
         const char  *what)
{
  g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_INVALID, "%s", what);
  return FALSE;
}

static gboolean
parse_int (const char *text,
           gint64     *value)
{
  char *end = NULL;

  if (text == NULL || text[0] == '\0' || g_ascii_isspace (text[0]))
    return FALSE;
  errno = 0;
  *value = g_ascii_strtoll (text, &end, 10);
  return errno == 0 && end != text && *end == '\0';
}

static gboolean
parse_time (const char *text,
            gint64     *time)
{
  if (g_strcmp0 (text, "-") == 0)
    {
      *time = ROADMAP_NO_TIME;
      return TRUE;
    }
  return parse_int (text, time);
}

static gboolean
parse_topics (const char   *value,
              GStrv        *topics,
              GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  /* A flat list: size and depth checked before json-glib parses (it
   * recurses into nesting) */
  if (!roadmap_json_guard_check (value, strlen (value), ROADMAP_SYNC_TOPICS_MAX_TEXT, 2, NULL) ||
      !json_parser_load_from_data (parser, value, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return invalid (error, _("the ticked topics are not a list"));

  array = json_node_get_array (json_parser_get_root (parser));
  if (json_array_get_length (array) > MAX_TOPICS)
    return invalid (error, _("too many ticked topics"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return invalid (error, _("a ticked topic is not text"));
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  *topics = g_strv_builder_end (builder);
  return TRUE;
}

/**
 * roadmap_sync_record_set_value:
 * @value: a field's text form, as roadmap_sync_record_dup_value() gives
 *
 * Sets the field from its text form; roadmap_sync_record_check() tells
 * whether the record is sound afterwards.
 */
gboolean
roadmap_sync_record_set_value (RoadmapSyncRecord  *self,
                               RoadmapSyncField    field,
                               const char         *value,
                               GError            **error)
{
  switch (field)
    {
    case ROADMAP_SYNC_FIELD_STATUS:
      {
        g_auto(GStrv) parts = g_strsplit (value, " ", 4);
        RoadmapStatus status;
        gint64 started, finished;

        if (g_strv_length (parts) != 3 || !roadmap_status_from_string (parts[0], &status) ||
            !parse_time (parts[1], &started) || !parse_time (parts[2], &finished))
          return invalid (error, _("the status is not one Roadmap knows"));
        self->status = status;
        self->started_at = started;
        self->finished_at = finished;
        return TRUE;
      }
    case ROADMAP_SYNC_FIELD_POSITION:
      if (g_strcmp0 (value, "-") == 0)
        {
          self->placed = FALSE;
          self->sort_key = 0;
          return TRUE;
        }
      if (!parse_int (value, &self->sort_key))
        return invalid (error, _("the position is not a whole number"));
      self->placed = TRUE;
      return TRUE;
    case ROADMAP_SYNC_FIELD_NOTE:
      g_free (self->note);
      self->note = g_strdup (value);
      return TRUE;
    case ROADMAP_SYNC_FIELD_TOPICS:
      {
        g_auto(GStrv) topics = NULL;

        if (!parse_topics (value, &topics, error))
          return FALSE;
        roadmap_sync_record_set_topics (self, (const char * const *) topics);
        return TRUE;
      }
    case ROADMAP_SYNC_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* A short digest of a field's value: a task whose standard properties
 * another app changed no longer matches the digest Roadmap wrote */
char *
roadmap_sync_record_dup_digest (const RoadmapSyncRecord *self,
                                RoadmapSyncField         field)
{
  g_autofree char *value = roadmap_sync_record_dup_value (self, field);
  g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, value, -1);

  return g_strndup (checksum, 16);
}

/* A digest of every field and stamp: two records with the same are equal
 * (roadmap_sync_record_equal()) */
char *
roadmap_sync_record_dup_full_digest (const RoadmapSyncRecord *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) self->track_id, -1);
  g_checksum_update (checksum, (const guchar *) "/", 1);
  g_checksum_update (checksum, (const guchar *) self->skill_id, -1);
  for (guint i = 0; i < ROADMAP_SYNC_N_FIELDS; i++)
    {
      g_autofree char *value = roadmap_sync_record_dup_value (self, i);
      g_autofree char *stamp = g_strdup_printf ("%" G_GINT64_FORMAT " %s", self->stamps[i].modified,
                                                self->stamps[i].device != NULL ? self->stamps[i].device : "-");

      /* Each part ended: no device holds a line break, no value a NUL */
      g_checksum_update (checksum, (const guchar *) "\n", 1);
      g_checksum_update (checksum, (const guchar *) stamp, -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
      g_checksum_update (checksum, (const guchar *) value, -1);
      g_checksum_update (checksum, (const guchar *) "\0", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
roadmap_sync_record_field_equal (const RoadmapSyncRecord *a,
                                 const RoadmapSyncRecord *b,
                                 RoadmapSyncField         field)
{
  switch (field)
    {
    case ROADMAP_SYNC_FIELD_STATUS:
      return a->status == b->status && a->started_at == b->started_at &&
             a->finished_at == b->finished_at;
    case ROADMAP_SYNC_FIELD_POSITION:
      return a->placed == b->placed && (!a->placed || a->sort_key == b->sort_key);
    case ROADMAP_SYNC_FIELD_NOTE:
      return g_strcmp0 (a->note, b->note) == 0;
    case ROADMAP_SYNC_FIELD_TOPICS:
      return g_strv_equal ((const char * const *) a->topics, (const char * const *) b->topics);
    case ROADMAP_SYNC_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The same values with the same stamps */
gboolean
roadmap_sync_record_equal (const RoadmapSyncRecord *a,
                           const RoadmapSyncRecord *b)
{
  for (guint i = 0; i < ROADMAP_SYNC_N_FIELDS; i++)
    if (!roadmap_sync_record_field_equal (a, b, i) ||
        a->stamps[i].modified != b->stamps[i].modified ||
        g_strcmp0 (a->stamps[i].device, b->stamps[i].device) != 0)
      return FALSE;
  return TRUE;
}

/* Whether @a is the later change: by time, then by device id */
gboolean
roadmap_sync_stamp_is_newer (const RoadmapSyncStamp *a,
                             const RoadmapSyncStamp *b)
{
  if (a->modified != b->modified)
    return a->modified > b->modified;
  return g_strcmp0 (a->device, b->device) > 0;
}

static gboolean
check_time (gint64 time)
{
  return time == ROADMAP_NO_TIME || (time >= 0 && time <= MAX_TIME);
}

/**
 * roadmap_sync_record_check:
 * @now: this machine's clock, microseconds
 *
 * The checks a progress file's entry passes, for a record that came from
 * the server: a record that fails is not applied at all.
 */
gboolean
roadmap_sync_record_check (const RoadmapSyncRecord  *self,
                           gint64                    now,
                           GError                  **error)
{
  g_autoptr(GError) text_error = NULL;

  if (!roadmap_loader_is_valid_id (self->track_id))
    return invalid (error, _("the track id is not valid"));
  if (!roadmap_loader_is_valid_id (self->skill_id))
    return invalid (error, _("the skill id is not valid"));
  if ((guint) self->status >= ROADMAP_N_STATUSES)
    return invalid (error, _("the status is not one Roadmap knows"));
  if (!check_time (self->started_at) || !check_time (self->finished_at))
    return invalid (error, _("a date is out of range"));
  /* The keys the store gives (the ones after the skills without a row
   * among them), far from the ends of the range it keeps for itself */
  if (self->placed && (self->sort_key <= -MAX_SORT_KEY || self->sort_key >= MAX_SORT_KEY))
    return invalid (error, _("the position is out of range"));
  if (self->status == ROADMAP_STATUS_TODO &&
      (self->started_at != ROADMAP_NO_TIME || self->finished_at != ROADMAP_NO_TIME))
    return invalid (error, _("a skill in To-do has neither a start nor a finish date"));
  if (self->status != ROADMAP_STATUS_DONE && self->finished_at != ROADMAP_NO_TIME)
    return invalid (error, _("only a finished skill has a finish date"));
  if (self->started_at != ROADMAP_NO_TIME && self->finished_at != ROADMAP_NO_TIME &&
      self->finished_at < self->started_at)
    return invalid (error, _("the skill is finished before it was started"));
  if (!roadmap_text_check_multi_line (self->note, &text_error))
    return invalid (error, text_error->message);
  if (g_utf8_strlen (self->note, -1) > ROADMAP_NOTE_MAX_LENGTH)
    return invalid (error, _("the note is too long"));
  if (g_strv_length (self->topics) > MAX_TOPICS)
    return invalid (error, _("too many ticked topics"));
  for (guint i = 0; self->topics[i] != NULL; i++)
    {
      if (!roadmap_text_check_title (self->topics[i], &text_error))
        return invalid (error, text_error->message);
      if (g_utf8_strlen (self->topics[i], -1) > ROADMAP_TOPIC_MAX_LENGTH)
        return invalid (error, _("a ticked topic is too long"));
    }
  for (guint i = 0; i < ROADMAP_SYNC_N_FIELDS; i++)
    {
      const RoadmapSyncStamp *stamp = &self->stamps[i];

      if (stamp->modified < 0 || stamp->modified > now + MAX_CLOCK_AHEAD)
        return invalid (error, _("a change is dated too far in the future"));
      if (stamp->device != NULL &&
          (strlen (stamp->device) > ROADMAP_SYNC_DEVICE_MAX_LENGTH ||
           !roadmap_text_check_title (stamp->device, NULL)))
        return invalid (error, _("the device id is not valid"));
    }
  return TRUE;
}

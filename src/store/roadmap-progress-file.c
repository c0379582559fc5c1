/* roadmap-progress-file.c — export and import of progress as JSON
 *
 *   { "format": 3, "kind": "roadmap-progress", "exported_at": "…Z",
 *     "preferences": { "count-skipped-as-done": 1 },
 *     "skills": [ { "track": "data-engineer", "skill": "python-sql",
 *                   "status": "done", "position": 0,
 *                   "started_at": "2026-01-05T10:00:00Z",
 *                   "finished_at": "2026-02-01T18:30:00Z",
 *                   "note": "…",
 *                   "topics_done": ["Pandas", "NumPy"] } ] }
 *
 * A skill that has a note or ticked topics but never moved has no
 * progress row: it is written with those only, without a status or
 * position to claim. "topics_done" holds the texts of the ticked topics
 * (format 2); format 1, written before topics could be ticked, is read
 * as a file with none ticked. "preferences" (format 3) holds the
 * preferences kept with the progress, each a whole number; a key this
 * release does not know is kept as it is, for the release that wrote it.
 * A file without one leaves that preference as it is. "plans" (format
 * 3 too; a file without the member leaves the plans as they are) holds
 * each track's plan: { "track": "data-engineer", "start": "2026-01-05",
 *   "months": 4 } or, for a pace, "hours_per_week": 6. "roadmaps" (format 3
 * too) holds the learner's own roadmap files, each { "file": "x.json",
 * "text": "…" } as written, checked as the loader checks the folder's.
 *
 * "position" is the place in the skill's column of its track (sort keys
 * stay inside the database). Dates are UTC, from 1970 to 2200, and agree
 * with the status as the store writes them: none in To-do, no finish in
 * Doing or Skipped, never a finish before the start. An export writes every date the
 * database holds as it is, even one an older import let in out of that
 * range: a backup loses nothing, and importing it again names the entry. An import is checked completely before
 * anything is written, then replaces all progress and notes in one
 * change: all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "roadmap-file-writer.h"
#include "roadmap-json-reader.h"
#include "roadmap-loader.h"
#include "roadmap-progress-data.h"
#include "roadmap-progress-file.h"
#include "roadmap-store-private.h"
#include "roadmap-text.h"

#define PROGRESS_FORMAT    3
/* The oldest format still read: 1 has no "topics_done" */
#define PROGRESS_FORMAT_MIN 1
#define MAX_TOPICS         1000
#define PROGRESS_KIND      "roadmap-progress"
#define MAX_POSITION       1000000
#define MAX_ENTRIES        1000000
/* 1970-01-01T00:00:00Z to 2200-12-31T23:59:59Z, in Unix seconds */
#define MIN_TIME           G_GINT64_CONSTANT (0)
#define MAX_TIME           G_GINT64_CONSTANT (7289654399)
#define SECONDS_PER_DAY    86400

#define MAX_PREFERENCES    1000
#define MAX_PLANS          1000
#define MAX_ROADMAPS       1000
#define MAX_ROADMAP_FILE_NAME 255
/* A kind, "/" and a track id: "wip-limit/data-engineer" */
#define MAX_PREFERENCE_KEY 129

static gboolean G_GNUC_PRINTF (4, 5)
invalid (GError     **error,
         const char  *file_name,
         const char  *path,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_INVALID,
               "%s: %s: %s", file_name, path, message);
  return FALSE;
}

/* A value of the file, to quote in a message: escaped and cut short, so
 * that no control character reaches a terminal */
static char *
quote (const char *value)
{
  return roadmap_text_escape_for_message (value, ROADMAP_TEXT_QUOTE_MAX_CHARS);
}

/* "2026-01-05T10:00:00Z" for any Unix time at all, also those GDateTime
 * cannot hold (beyond year 9999): the proleptic Gregorian calendar of
 * ISO 8601, years beyond 0…9999 with a sign ("+10000-01-01T13:59:59Z").
 * The days to a date are Howard Hinnant's civil_from_days(). */
static char *
format_time (gint64 unix_time)
{
  gint64 days = unix_time / SECONDS_PER_DAY;
  gint64 seconds = unix_time % SECONDS_PER_DAY;
  gint64 era, day_of_era, year_of_era, day_of_year, month_index, year;
  int month, day;

  if (seconds < 0)
    {
      seconds += SECONDS_PER_DAY;
      days--;
    }

  days += 719468;  /* from 1970-01-01 to 0000-03-01 */
  era = (days >= 0 ? days : days - 146096) / 146097;
  day_of_era = days - era * 146097;
  year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  month_index = (5 * day_of_year + 2) / 153;  /* from March */
  day = (int) (day_of_year - (153 * month_index + 2) / 5 + 1);
  month = (int) (month_index < 10 ? month_index + 3 : month_index - 9);
  year = year_of_era + era * 400 + (month <= 2);

  return g_strdup_printf ("%s%04" G_GINT64_FORMAT "-%02d-%02dT%02d:%02d:%02dZ",
                          year < 0 ? "-" : year > 9999 ? "+" : "", ABS (year), month, day,
                          (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       unix_time)
{
  g_autofree char *text = NULL;

  if (unix_time == ROADMAP_NO_TIME)
    return;

  text = format_time (unix_time);
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

/* { "file": "my-track.json", "text": "…the file, as written…" } */
static void
add_roadmap (JsonBuilder                  *builder,
             const RoadmapProgressRoadmap *roadmap)
{
  gsize length;
  const char *text = g_bytes_get_data (roadmap->contents, &length);
  g_autofree char *copy = g_strndup (text, length);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, roadmap->file_name);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, copy);
  json_builder_end_object (builder);
}

/* { "track": "data-engineer", "start": "2026-01-05", "months": 4 } */
static void
add_plan (JsonBuilder       *builder,
          const char        *track_id,
          const RoadmapPlan *plan)
{
  g_autofree char *start = roadmap_plan_format_date (&plan->start);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "track");
  json_builder_add_string_value (builder, track_id);
  json_builder_set_member_name (builder, "start");
  json_builder_add_string_value (builder, start);
  json_builder_set_member_name (builder, plan->months != 0 ? "months" : "hours_per_week");
  json_builder_add_int_value (builder, plan->months != 0 ? plan->months : plan->hours_per_week);
  json_builder_end_object (builder);
}

static void
add_entry (JsonBuilder                *builder,
           const RoadmapProgressEntry *entry)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "track");
  json_builder_add_string_value (builder, entry->track_id);
  json_builder_set_member_name (builder, "skill");
  json_builder_add_string_value (builder, entry->skill_id);
  /* Only a note: a made-up position would reorder its column */
  if (entry->has_progress)
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, roadmap_status_to_string (entry->status));
      json_builder_set_member_name (builder, "position");
      json_builder_add_int_value (builder, entry->position);
      add_time (builder, "started_at", entry->started_at);
      add_time (builder, "finished_at", entry->finished_at);
    }
  if (entry->note != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, entry->note);
    }
  if (entry->topics_done != NULL && entry->topics_done[0] != NULL)
    {
      json_builder_set_member_name (builder, "topics_done");
      json_builder_begin_array (builder);
      for (guint t = 0; entry->topics_done[t] != NULL; t++)
        json_builder_add_string_value (builder, entry->topics_done[t]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

/**
 * roadmap_progress_file_write:
 *
 * Writes @data to @file, replacing it only once complete; a new file is
 * readable by its owner only (notes are private).
 */
gboolean
roadmap_progress_file_write (RoadmapProgressData  *data,
                             GFile                *file,
                             GError              **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now_text = format_time (g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *json = NULL;
  g_autoptr(GError) local_error = NULL;
  const char * const *keys;
  gsize length;

  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (data), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, PROGRESS_FORMAT);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, PROGRESS_KIND);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, now_text);

  json_builder_set_member_name (builder, "preferences");
  json_builder_begin_object (builder);
  keys = roadmap_progress_data_list_preferences (data);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, keys[i]);
      json_builder_add_int_value (builder, roadmap_progress_data_get_preference (data, keys[i]));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "plans");
  json_builder_begin_array (builder);
  keys = roadmap_progress_data_list_plans (data);
  for (guint i = 0; keys[i] != NULL; i++)
    add_plan (builder, keys[i], roadmap_progress_data_get_plan (data, keys[i]));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "roadmaps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < roadmap_progress_data_get_n_roadmaps (data); i++)
    add_roadmap (builder, roadmap_progress_data_get_roadmap (data, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "skills");
  json_builder_begin_array (builder);
  for (guint i = 0; i < roadmap_progress_data_get_n_entries (data); i++)
    add_entry (builder, roadmap_progress_data_get_entry (data, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &length);

  /* What is exported must import again */
  if (length > ROADMAP_PROGRESS_FILE_MAX_SIZE)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *size = g_format_size (length);

      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_IO,
                   _("Could not export to “%s”: the progress and notes take %s, more than a progress file may hold (%d MiB)"),
                   name, size, ROADMAP_PROGRESS_FILE_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (!roadmap_file_write_contents (file, json, length, ROADMAP_FILE_WRITER_PRIVATE, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: "Could not export to “/home/me/p.json”: the disk is full" */
      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_IO,
                   _("Could not export to “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * roadmap_progress_file_export:
 *
 * Writes every progress row, note, ticked topic and preference of the
 * database (also those of roadmaps not loaded now) to @file, replacing
 * it only once complete. An export writes every date the database holds
 * as it is, even one an older import let in out of range: a backup loses
 * nothing, and importing it again names the entry.
 */
gboolean
roadmap_progress_file_export (RoadmapStore  *store,
                              GFile         *file,
                              GError       **error)
{
  g_autoptr(RoadmapProgressData) data = NULL;

  g_return_val_if_fail (ROADMAP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = roadmap_progress_data_read (store, error);
  return data != NULL && roadmap_progress_file_write (data, file, error);
}

static gboolean
parse_time (JsonObject  *object,
            const char  *member,
            const char  *file_name,
            const char  *path,
            gint64      *out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = g_strconcat (path, ".", member, NULL);
  g_autoptr(GDateTime) time = NULL;

  *out = ROADMAP_NO_TIME;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    time = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL);

  if (time == NULL)
    return invalid (error, file_name, where,
                    _("expected a date and time such as “2026-01-31T18:00:00Z”"));

  /* "9999-12-31T23:59:59-14:00" is year 10000 in UTC, which GDateTime
   * cannot give back on export */
  *out = g_date_time_to_unix (time);
  if (*out < MIN_TIME || *out > MAX_TIME)
    {
      g_autofree char *quoted = quote (json_node_get_string (node));

      *out = ROADMAP_NO_TIME;
      return invalid (error, file_name, where,
                      _("“%s” is out of range: dates must be from 1970-01-01 to 2200-12-31 (UTC)"),
                      quoted);
    }

  return TRUE;
}

/* The dates as the store writes them: none in To-do, no finish in Doing
 * or Skipped, no finish before the start */
static gboolean
check_dates (const RoadmapProgressEntry  *entry,
             const char   *file_name,
             const char   *path,
             GError      **error)
{
  g_autofree char *where = NULL;

  if (entry->status == ROADMAP_STATUS_TODO && (entry->started_at != ROADMAP_NO_TIME || entry->finished_at != ROADMAP_NO_TIME))
    {
      where = g_strconcat (path, entry->started_at != ROADMAP_NO_TIME ? ".started_at" : ".finished_at", NULL);
      return invalid (error, file_name, where,
                      _("a skill in To-do has neither a start nor a finish date"));
    }

  if (entry->status == ROADMAP_STATUS_DOING && entry->finished_at != ROADMAP_NO_TIME)
    {
      where = g_strconcat (path, ".finished_at", NULL);
      return invalid (error, file_name, where, _("a skill in Doing has no finish date yet"));
    }

  if (entry->status == ROADMAP_STATUS_SKIPPED && entry->finished_at != ROADMAP_NO_TIME)
    {
      where = g_strconcat (path, ".finished_at", NULL);
      return invalid (error, file_name, where, _("a skipped skill has no finish date"));
    }

  if (entry->started_at != ROADMAP_NO_TIME && entry->finished_at != ROADMAP_NO_TIME &&
      entry->finished_at < entry->started_at)
    {
      where = g_strconcat (path, ".finished_at", NULL);
      return invalid (error, file_name, where, _("the skill is finished before it was started"));
    }

  return TRUE;
}

static gboolean
parse_string (JsonObject  *object,
              const char  *member,
              gboolean     required,
              const char  *file_name,
              const char  *path,
              const char **out,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = g_strconcat (path, ".", member, NULL);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return invalid (error, file_name, where, _("this required member is missing"));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, file_name, where, _("expected a string"));

  *out = json_node_get_string (node);
  return TRUE;
}

/* "topics_done": the texts of the ticked topics, each as the loader
 * checks a roadmap's topics, none twice */
static gboolean
parse_topics (JsonObject  *object,
              const char  *file_name,
              const char  *path,
              GStrv       *out,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, "topics_done");
  g_autofree char *where = g_strconcat (path, ".topics_done", NULL);
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  guint n;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, file_name, where, _("expected a list of topics"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > MAX_TOPICS)
    return invalid (error, file_name, where, _("more than %d topics"), MAX_TOPICS);

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", where, i);
      g_autoptr(GError) text_error = NULL;
      g_autofree char *quoted = NULL;
      const char *topic;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return invalid (error, file_name, element_path, _("expected a string"));
      topic = json_node_get_string (element);
      if (!roadmap_text_check_title (topic, &text_error))
        return invalid (error, file_name, element_path, "%s", text_error->message);
      if (g_utf8_strlen (topic, -1) > ROADMAP_TOPIC_MAX_LENGTH)
        return invalid (error, file_name, element_path, _("the topic is longer than %d characters"),
                        ROADMAP_TOPIC_MAX_LENGTH);
      if (!g_hash_table_add (seen, (gpointer) topic))
        {
          quoted = quote (topic);
          return invalid (error, file_name, element_path, _("the topic “%s” is listed twice"), quoted);
        }
      g_strv_builder_add (builder, topic);
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
parse_entry (JsonNode    *node,
             const char  *file_name,
             const char  *path,
             gint64       format,
             GHashTable  *seen,
             RoadmapProgressEntry       *entry,
             GError     **error)
{
  JsonObject *object;
  JsonNode *position;
  const char *track_id, *skill_id, *status, *note;
  g_autofree char *key = NULL;
  g_autofree char *quoted = NULL;
  g_autoptr(GError) text_error = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, file_name, path, _("expected an object"));
  object = json_node_get_object (node);

  /* Format 1 has no ticked topics: a member of that name means nothing */
  if (format >= 2 && !parse_topics (object, file_name, path, &entry->topics_done, error))
    return FALSE;

  /* The status may only be missing on an entry with just a note or
   * ticked topics */
  if (!parse_string (object, "track", TRUE, file_name, path, &track_id, error) ||
      !parse_string (object, "skill", TRUE, file_name, path, &skill_id, error) ||
      !parse_string (object, "note", FALSE, file_name, path, &note, error) ||
      !parse_string (object, "status",
                     (note == NULL || note[0] == '\0') &&
                     (entry->topics_done == NULL || entry->topics_done[0] == NULL),
                     file_name, path, &status, error))
    return FALSE;

  if (!roadmap_loader_is_valid_id (track_id))
    {
      quoted = quote (track_id);
      return invalid (error, file_name, path, _("“%s” is not a valid track id"), quoted);
    }
  if (!roadmap_loader_is_valid_id (skill_id))
    {
      quoted = quote (skill_id);
      return invalid (error, file_name, path, _("“%s” is not a valid skill id"), quoted);
    }
  entry->has_progress = status != NULL;
  if (entry->has_progress && !roadmap_status_from_string (status, &entry->status))
    {
      quoted = quote (status);
      return invalid (error, file_name, path,
                      _("“%s” is not a status: use todo, doing, done or skipped"), quoted);
    }
  if (!entry->has_progress &&
      (json_object_has_member (object, "position") ||
       json_object_has_member (object, "started_at") ||
       json_object_has_member (object, "finished_at")))
    return invalid (error, file_name, path,
                    _("a skill without a status can only have a note and ticked topics"));
  if (note != NULL && g_utf8_strlen (note, -1) > ROADMAP_NOTE_MAX_LENGTH)
    return invalid (error, file_name, path, _("the note is longer than %d characters"),
                    ROADMAP_NOTE_MAX_LENGTH);
  if (note != NULL && !roadmap_text_check_multi_line (note, &text_error))
    {
      g_autofree char *where = g_strconcat (path, ".note", NULL);

      return invalid (error, file_name, where, "%s", text_error->message);
    }

  position = json_object_get_member (object, "position");
  entry->position = 0;
  if (position != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (position) ||
          json_node_get_value_type (position) != G_TYPE_INT64 ||
          json_node_get_int (position) < 0 ||
          json_node_get_int (position) > MAX_POSITION)
        return invalid (error, file_name, path,
                        _("the position must be a whole number from 0 to %d"), MAX_POSITION);
      entry->position = json_node_get_int (position);
    }

  key = g_strconcat (track_id, "/", skill_id, NULL);
  if (!g_hash_table_add (seen, g_steal_pointer (&key)))
    return invalid (error, file_name, path, _("the skill %s/%s is listed twice"),
                    track_id, skill_id);

  entry->track_id = g_strdup (track_id);
  entry->skill_id = g_strdup (skill_id);
  entry->note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;

  return parse_time (object, "started_at", file_name, path, &entry->started_at, error) &&
         parse_time (object, "finished_at", file_name, path, &entry->finished_at, error) &&
         check_dates (entry, file_name, path, error);
}

/* An optional member that lists at most @max entries: @list is NULL
 * without it */
static gboolean
get_list (JsonObject  *root,
          const char  *member,
          guint        max,
          const char  *not_a_list,
          const char  *file_name,
          JsonArray  **list,
          GError     **error)
{
  JsonNode *node = json_object_get_member (root, member);

  *list = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, file_name, member, "%s", not_a_list);
  if (json_array_get_length (json_node_get_array (node)) > max)
    return invalid (error, file_name, member, _("too many entries"));

  *list = json_node_get_array (node);
  return TRUE;
}

/* A name for a file of the user's roadmap folder: "my-track.json", no
 * folder, not hidden */
static gboolean
is_valid_roadmap_file_name (const char *name)
{
  return g_utf8_validate (name, -1, NULL) && strlen (name) <= MAX_ROADMAP_FILE_NAME &&
         g_str_has_suffix (name, ".json") && strlen (name) > strlen (".json") && name[0] != '.' &&
         strchr (name, '/') == NULL && strchr (name, '\\') == NULL &&
         roadmap_text_check_single_line (name, NULL);
}

/* "roadmaps": the learner's own roadmap files, each checked by the
 * loader as if it were in the folder; no file name or track twice */
static gboolean
parse_roadmaps (JsonObject           *root,
                const char           *file_name,
                RoadmapProgressData  *data,
                GError              **error)
{
  g_autoptr(GHashTable) files = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) tracks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *roadmaps;

  if (!get_list (root, "roadmaps", MAX_ROADMAPS, _("expected a list of roadmaps"), file_name, &roadmaps, error))
    return FALSE;

  for (guint i = 0; roadmaps != NULL && i < json_array_get_length (roadmaps); i++)
    {
      JsonNode *element = json_array_get_element (roadmaps, i);
      g_autofree char *path = g_strdup_printf ("roadmaps[%u]", i);
      g_autofree char *quoted = NULL;
      g_autoptr(GBytes) contents = NULL;
      g_autoptr(RoadmapTrack) track = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *name, *text;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, file_name, path, _("expected an object"));
      object = json_node_get_object (element);
      if (!parse_string (object, "file", TRUE, file_name, path, &name, error) ||
          !parse_string (object, "text", TRUE, file_name, path, &text, error))
        return FALSE;

      if (!is_valid_roadmap_file_name (name))
        {
          quoted = quote (name);
          return invalid (error, file_name, path, _("“%s” is not a roadmap file’s name (NAME.json)"), quoted);
        }
      if (g_hash_table_contains (files, name))
        {
          quoted = quote (name);
          return invalid (error, file_name, path, _("the file “%s” is listed twice"), quoted);
        }

      contents = g_bytes_new (text, strlen (text));
      track = roadmap_loader_load_bytes (contents, name, &local_error);
      if (track == NULL)
        return invalid (error, file_name, path, "%s", local_error->message);
      if (g_hash_table_contains (tracks, roadmap_track_get_id (track)))
        {
          quoted = quote (roadmap_track_get_id (track));
          return invalid (error, file_name, path, _("the track “%s” is in two roadmaps"), quoted);
        }

      g_hash_table_add (files, (gpointer) name);
      g_hash_table_add (tracks, g_strdup (roadmap_track_get_id (track)));
      roadmap_progress_data_add_roadmap (data, name, roadmap_track_get_id (track), contents);
    }

  return TRUE;
}

/* A whole number member, or 0 without one */
static gboolean
parse_count (JsonObject  *object,
             const char  *member,
             const char  *file_name,
             const char  *path,
             guint       *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = g_strconcat (path, ".", member, NULL);
  gint64 value;

  *out = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (error, file_name, where, _("expected a whole number"));
  value = json_node_get_int (node);
  if (value < 1 || value > G_MAXINT)
    return invalid (error, file_name, where, _("expected a whole number above 0"));
  *out = (guint) value;
  return TRUE;
}

/* "plans": for each track at most one, a start day and either months or
 * hours a week, within this release's bounds */
static gboolean
parse_plans (JsonObject           *root,
             const char           *file_name,
             RoadmapProgressData  *data,
             GError              **error)
{
  JsonArray *plans;

  if (!get_list (root, "plans", MAX_PLANS, _("expected a list of plans"), file_name, &plans, error))
    return FALSE;
  /* A file written before plans were kept in it leaves them as they are */
  if (plans == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (plans); i++)
    {
      JsonNode *element = json_array_get_element (plans, i);
      g_autofree char *path = g_strdup_printf ("plans[%u]", i);
      g_autofree char *quoted = NULL;
      g_autoptr(RoadmapPlan) plan = NULL;
      const char *track_id, *start;
      guint months, hours_per_week;
      JsonObject *object;
      GDate day;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, file_name, path, _("expected an object"));
      object = json_node_get_object (element);
      if (!parse_string (object, "track", TRUE, file_name, path, &track_id, error) ||
          !parse_string (object, "start", TRUE, file_name, path, &start, error) ||
          !parse_count (object, "months", file_name, path, &months, error) ||
          !parse_count (object, "hours_per_week", file_name, path, &hours_per_week, error))
        return FALSE;

      if (!roadmap_loader_is_valid_id (track_id))
        {
          quoted = quote (track_id);
          return invalid (error, file_name, path, _("“%s” is not a valid track id"), quoted);
        }
      if (roadmap_progress_data_get_plan (data, track_id) != NULL)
        {
          quoted = quote (track_id);
          return invalid (error, file_name, path, _("the track “%s” has a plan already"), quoted);
        }
      if (!roadmap_plan_parse_date (start, &day))
        {
          quoted = quote (start);
          return invalid (error, file_name, path, _("“%s” is not a day (YYYY-MM-DD)"), quoted);
        }
      if (!roadmap_plan_is_valid (&day, months, hours_per_week))
        return invalid (error, file_name, path,
                        _("a plan takes either months (%d to %d) or hours a week (1 to %d)"),
                        ROADMAP_PLAN_MIN_MONTHS, ROADMAP_PLAN_MAX_MONTHS, ROADMAP_PLAN_MAX_HOURS_PER_WEEK);

      plan = roadmap_plan_new (&day, months, hours_per_week);
      roadmap_progress_data_set_plan (data, track_id, plan);
    }

  roadmap_progress_data_set_holds_plans (data, TRUE);
  return TRUE;
}

/* "count-skipped-as-done", or a kind and a track id: "wip-limit/data-engineer" */
static gboolean
is_valid_preference_key (const char *key)
{
  g_auto(GStrv) parts = g_strsplit (key, "/", 3);

  return parts[0] != NULL && roadmap_loader_is_valid_id (parts[0]) &&
         (parts[1] == NULL || (roadmap_loader_is_valid_id (parts[1]) && parts[2] == NULL));
}

/* "preferences": whole numbers under keys such as a track id */
static gboolean
parse_preferences (JsonObject           *root,
                   const char           *file_name,
                   RoadmapProgressData  *data,
                   GError              **error)
{
  JsonNode *node = json_object_get_member (root, "preferences");
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, file_name, "preferences", _("expected an object"));

  object = json_node_get_object (node);
  if (json_object_get_size (object) > MAX_PREFERENCES)
    return invalid (error, file_name, "preferences", _("more than %d preferences"), MAX_PREFERENCES);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *value = json_object_get_member (object, key);
      g_autofree char *where = NULL;

      if (strlen (key) > MAX_PREFERENCE_KEY || !is_valid_preference_key (key))
        {
          g_autofree char *quoted = quote (key);

          return invalid (error, file_name, "preferences",
                          _("“%s” is not a valid preference name"), quoted);
        }

      where = g_strconcat ("preferences.", key, NULL);
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64)
        return invalid (error, file_name, where, _("expected a whole number"));
      roadmap_progress_data_set_preference (data, key, json_node_get_int (value));
    }

  return TRUE;
}

static RoadmapProgressData *
parse_progress (JsonNode    *document,
                const char  *file_name,
                GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(RoadmapProgressData) data = roadmap_progress_data_new ();
  JsonObject *root;
  JsonNode *node = document;
  JsonArray *skills;
  gint64 format;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, file_name, _("document"), _("expected a progress object"));
      return NULL;
    }
  root = json_node_get_object (node);

  node = json_object_get_member (root, "kind");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (node), PROGRESS_KIND) != 0)
    {
      invalid (error, file_name, "kind", _("this is not a Roadmap progress file"));
      return NULL;
    }

  node = json_object_get_member (root, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < PROGRESS_FORMAT_MIN ||
      json_node_get_int (node) > PROGRESS_FORMAT)
    {
      invalid (error, file_name, "format",
               _("unknown progress file format; this version of Roadmap reads formats %d to %d"),
               PROGRESS_FORMAT_MIN, PROGRESS_FORMAT);
      return NULL;
    }
  format = json_node_get_int (node);

  node = json_object_get_member (root, "skills");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, file_name, "skills", _("expected a list of skills"));
      return NULL;
    }
  skills = json_node_get_array (node);
  if (json_array_get_length (skills) > MAX_ENTRIES)
    {
      invalid (error, file_name, "skills", _("too many entries"));
      return NULL;
    }

  if (format >= 3 && (!parse_preferences (root, file_name, data, error) ||
                      !parse_plans (root, file_name, data, error) ||
                      !parse_roadmaps (root, file_name, data, error)))
    return NULL;
  /* An export lists every preference, so one it does not list is off */
  roadmap_progress_data_set_holds_all_preferences (data, format >= 3);

  for (guint i = 0; i < json_array_get_length (skills); i++)
    {
      g_autofree char *path = g_strdup_printf ("skills[%u]", i);
      RoadmapProgressEntry entry = { NULL };

      if (!parse_entry (json_array_get_element (skills, i), file_name, path, format, seen,
                        &entry, error))
        {
          roadmap_progress_entry_clear (&entry);
          return NULL;
        }
      roadmap_progress_data_take_entry (data, &entry);
    }

  return g_steal_pointer (&data);
}

/**
 * roadmap_progress_file_read:
 *
 * Reads and checks all of @file (format 1 to the current one).
 */
RoadmapProgressData *
roadmap_progress_file_read (GFile   *file,
                            GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  file_name = g_file_get_parse_name (file);

  root = roadmap_json_read_file (file, ROADMAP_PROGRESS_FILE_MAX_SIZE, &local_error);
  if (root == NULL)
    {
      /* The message names the file already */
      g_set_error_literal (error, ROADMAP_STORE_ERROR,
                           g_error_matches (local_error, ROADMAP_JSON_ERROR, ROADMAP_JSON_ERROR_IO)
                             ? ROADMAP_STORE_ERROR_IO : ROADMAP_STORE_ERROR_INVALID,
                           local_error->message);
      return NULL;
    }

  return parse_progress (root, file_name, error);
}

/**
 * roadmap_progress_file_import:
 * @origin: who asks, for the history
 * @now: microseconds since the Unix epoch (UTC), for the history
 *
 * Replaces all progress, notes, ticked topics and the preferences the
 * file holds with those of @file in one change (a format-1 file has none
 * ticked). The file is checked completely first; on any error nothing
 * is changed. Entries of roadmaps not loaded now are kept in the
 * database for when they are. The model is not touched: the caller
 * reloads it.
 */
gboolean
roadmap_progress_file_import (RoadmapStore    *store,
                              GFile           *file,
                              RoadmapOrigin    origin,
                              gint64           now,
                              GError         **error)
{
  g_autoptr(RoadmapProgressData) data = NULL;
  gint64 change;

  g_return_val_if_fail (ROADMAP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = roadmap_progress_file_read (file, error);
  if (data == NULL || !roadmap_store_begin_change (store, &change, NULL, error))
    return FALSE;

  if (!roadmap_progress_data_write (data, store, change, origin, now, error) ||
      !roadmap_store_commit_change (store, NULL, error))
    {
      roadmap_store_rollback_change (store);
      return FALSE;
    }

  return TRUE;
}

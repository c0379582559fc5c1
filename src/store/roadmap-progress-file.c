/* roadmap-progress-file.c — export and import of progress as JSON
 *
 *   { "format": 2, "kind": "roadmap-progress", "exported_at": "…Z",
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
 * as a file with none ticked.
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
#include "roadmap-progress-file.h"
#include "roadmap-store-private.h"
#include "roadmap-text.h"

#define PROGRESS_FORMAT    2
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

typedef struct
{
  char *track_id;
  char *skill_id;
  gboolean has_progress;
  RoadmapStatus status;
  gint64 position;
  GDateTime *started_at;
  GDateTime *finished_at;
  char *note;
  GStrv topics_done;
} Entry;

static void
entry_clear (Entry *entry)
{
  g_clear_pointer (&entry->track_id, g_free);
  g_clear_pointer (&entry->skill_id, g_free);
  g_clear_pointer (&entry->started_at, g_date_time_unref);
  g_clear_pointer (&entry->finished_at, g_date_time_unref);
  g_clear_pointer (&entry->note, g_free);
  g_clear_pointer (&entry->topics_done, g_strfreev);
}

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
add_time (JsonBuilder  *builder,
          const char   *member,
          sqlite3_stmt *stmt,
          int           column)
{
  g_autofree char *text = NULL;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return;

  text = format_time (sqlite3_column_int64 (stmt, column));
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

/* The ticked topics of the skill (@track_id, @skill_id), from @topics:
 * the rows of all skills in the order of the entries, stepped along
 * with them (a merge, rather than a query per skill). @rc is the last
 * step's result; %FALSE when a step failed. */
static gboolean
add_topics (JsonBuilder   *builder,
            sqlite3_stmt  *topics,
            int           *rc,
            const char    *track_id,
            const char    *skill_id)
{
  gboolean any = FALSE;

  while (*rc == SQLITE_ROW)
    {
      int cmp = strcmp ((const char *) sqlite3_column_text (topics, 0), track_id);

      if (cmp == 0)
        cmp = strcmp ((const char *) sqlite3_column_text (topics, 1), skill_id);
      if (cmp > 0)
        break;
      if (cmp == 0)
        {
          if (!any)
            {
              json_builder_set_member_name (builder, "topics_done");
              json_builder_begin_array (builder);
              any = TRUE;
            }
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (topics, 2));
        }
      *rc = sqlite3_step (topics);
    }

  if (any)
    json_builder_end_array (builder);
  return *rc == SQLITE_ROW || *rc == SQLITE_DONE;
}

/**
 * roadmap_progress_file_export:
 *
 * Writes every progress row, note and ticked topic of the database
 * (also those of roadmaps not loaded now) to @file, replacing it only
 * once complete.
 */
gboolean
roadmap_progress_file_export (RoadmapStore  *store,
                              GFile         *file,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) topics = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now_text = format_time (g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *json = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  int rc, topics_rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* A read transaction: one consistent snapshot of all tables. */
  if (!_roadmap_store_exec (store, "BEGIN", error))
    return FALSE;

  /* Every skill with a row of progress, a note or a ticked topic */
  if (!_roadmap_store_prepare (store,
                               "WITH ranked AS ("
                               "  SELECT track_id, skill_id, status,"
                               "         row_number () OVER (PARTITION BY track_id, status"
                               "                             ORDER BY sort_key, skill_id) - 1 AS position,"
                               "         started_at, finished_at"
                               "  FROM progress),"
                               " skills AS ("
                               "  SELECT track_id, skill_id FROM progress"
                               "  UNION SELECT track_id, skill_id FROM notes WHERE body != ''"
                               "  UNION SELECT track_id, skill_id FROM topics WHERE done)"
                               " SELECT s.track_id, s.skill_id, r.status, r.position,"
                               "        r.started_at, r.finished_at, nullif (n.body, '')"
                               " FROM skills AS s"
                               " LEFT JOIN ranked AS r USING (track_id, skill_id)"
                               " LEFT JOIN notes AS n USING (track_id, skill_id)"
                               " ORDER BY 1, 2",
                               &stmt, error) ||
      !_roadmap_store_prepare (store,
                               "SELECT track_id, skill_id, topic FROM topics WHERE done"
                               " ORDER BY track_id, skill_id, topic",
                               &topics, error))
    {
      _roadmap_store_rollback (store);
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, PROGRESS_FORMAT);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, PROGRESS_KIND);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, now_text);
  json_builder_set_member_name (builder, "skills");
  json_builder_begin_array (builder);

  topics_rc = sqlite3_step (topics);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "track");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
      json_builder_set_member_name (builder, "skill");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
      /* Only a note: a made-up position would reorder its column */
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          int status = CLAMP (sqlite3_column_int (stmt, 2), ROADMAP_STATUS_TODO, ROADMAP_N_STATUSES - 1);

          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, roadmap_status_to_string (status));
          json_builder_set_member_name (builder, "position");
          json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 3));
        }
      add_time (builder, "started_at", stmt, 4);
      add_time (builder, "finished_at", stmt, 5);
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        {
          json_builder_set_member_name (builder, "note");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 6));
        }
      if (!add_topics (builder, topics, &topics_rc,
                       (const char *) sqlite3_column_text (stmt, 0),
                       (const char *) sqlite3_column_text (stmt, 1)))
        {
          rc = topics_rc;
          break;
        }
      json_builder_end_object (builder);
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&topics, sqlite3_finalize);
  _roadmap_store_rollback (store);

  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (store, rc, error);
  if (topics_rc != SQLITE_DONE && topics_rc != SQLITE_ROW)
    return _roadmap_store_fail (store, topics_rc, error);

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

  /* Notes are private: a new file is the owner's only */
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

static gboolean
parse_time (JsonObject  *object,
            const char  *member,
            const char  *file_name,
            const char  *path,
            GDateTime  **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = g_strconcat (path, ".", member, NULL);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    *out = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL);

  if (*out == NULL)
    return invalid (error, file_name, where,
                    _("expected a date and time such as “2026-01-31T18:00:00Z”"));

  /* "9999-12-31T23:59:59-14:00" is year 10000 in UTC, which GDateTime
   * cannot give back on export */
  if (g_date_time_to_unix (*out) < MIN_TIME || g_date_time_to_unix (*out) > MAX_TIME)
    {
      g_autofree char *quoted = quote (json_node_get_string (node));

      g_clear_pointer (out, g_date_time_unref);
      return invalid (error, file_name, where,
                      _("“%s” is out of range: dates must be from 1970-01-01 to 2200-12-31 (UTC)"),
                      quoted);
    }

  return TRUE;
}

/* The dates as the store writes them: none in To-do, no finish in Doing
 * or Skipped, no finish before the start */
static gboolean
check_dates (const Entry  *entry,
             const char   *file_name,
             const char   *path,
             GError      **error)
{
  g_autofree char *where = NULL;

  if (entry->status == ROADMAP_STATUS_TODO && (entry->started_at != NULL || entry->finished_at != NULL))
    {
      where = g_strconcat (path, entry->started_at != NULL ? ".started_at" : ".finished_at", NULL);
      return invalid (error, file_name, where,
                      _("a skill in To-do has neither a start nor a finish date"));
    }

  if (entry->status == ROADMAP_STATUS_DOING && entry->finished_at != NULL)
    {
      where = g_strconcat (path, ".finished_at", NULL);
      return invalid (error, file_name, where, _("a skill in Doing has no finish date yet"));
    }

  if (entry->status == ROADMAP_STATUS_SKIPPED && entry->finished_at != NULL)
    {
      where = g_strconcat (path, ".finished_at", NULL);
      return invalid (error, file_name, where, _("a skipped skill has no finish date"));
    }

  if (entry->started_at != NULL && entry->finished_at != NULL &&
      g_date_time_compare (entry->finished_at, entry->started_at) < 0)
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
             Entry       *entry,
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

static GArray *
parse_progress (JsonNode    *document,
                const char  *file_name,
                GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  JsonObject *root;
  JsonNode *node = document;
  JsonArray *skills;
  gint64 format;

  g_array_set_clear_func (entries, (GDestroyNotify) entry_clear);

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

  g_array_set_size (entries, json_array_get_length (skills));
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("skills[%u]", i);

      if (!parse_entry (json_array_get_element (skills, i), file_name, path, format, seen,
                        &g_array_index (entries, Entry, i), error))
        return NULL;
    }

  return g_steal_pointer (&entries);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           column,
           GDateTime    *time)
{
  if (time != NULL)
    sqlite3_bind_int64 (stmt, column, g_date_time_to_unix (time));
  else
    sqlite3_bind_null (stmt, column);
}

typedef struct
{
  RoadmapStore *store;
  gint64 change;
  RoadmapOrigin origin;
  /* Microseconds */
  gint64 now;
  sqlite3_stmt *history;
} ImportContext;

static gboolean
write_history (ImportContext  *context,
               const char     *track_id,
               const char     *skill_id,
               RoadmapStatus   old_status,
               RoadmapStatus   new_status,
               GError        **error)
{
  int rc;

  sqlite3_bind_int64 (context->history, 1, context->change);
  sqlite3_bind_int (context->history, 2, ROADMAP_HISTORY_IMPORT);
  sqlite3_bind_int (context->history, 3, context->origin);
  sqlite3_bind_text (context->history, 4, track_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (context->history, 5, skill_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (context->history, 6, old_status);
  sqlite3_bind_int (context->history, 7, new_status);
  sqlite3_bind_int64 (context->history, 8, context->now);
  rc = sqlite3_step (context->history);
  sqlite3_reset (context->history);
  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (context->store, rc, error);
  context->store->history_written = TRUE;
  context->store->last_history_id = sqlite3_last_insert_rowid (context->store->db);
  return TRUE;
}

/* What every row holds now, for the history: (track/skill) → status */
static GHashTable *
read_statuses (ImportContext  *context,
               GError        **error)
{
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_roadmap_store_prepare (context->store, "SELECT track_id, skill_id, status FROM progress",
                               &stmt, error))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (statuses,
                         g_strconcat ((const char *) sqlite3_column_text (stmt, 0), "/",
                                      (const char *) sqlite3_column_text (stmt, 1), NULL),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 2)));

  if (rc != SQLITE_DONE)
    {
      _roadmap_store_fail (context->store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&statuses);
}

/* Every skill whose status the import changes (sets, or takes back to
 * To-do) is recorded in the history, so that it holds every status
 * change, even when the file lists no skill at all; a skill left in its
 * status is not, so that importing a file again adds one row, not one
 * per entry. */
static gboolean
write_entries (ImportContext  *context,
               GArray         *entries,
               GError        **error)
{
  RoadmapStore *store = context->store;
  g_autoptr(sqlite3_stmt) progress = NULL;
  g_autoptr(sqlite3_stmt) notes = NULL;
  g_autoptr(sqlite3_stmt) topics = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  g_autoptr(GHashTable) old_statuses = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (!_roadmap_store_prepare (store,
                               "INSERT INTO progress (track_id, skill_id, status, sort_key,"
                               "  started_at, finished_at, updated_at, change)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                               &progress, error) ||
      !_roadmap_store_prepare (store,
                               "INSERT INTO notes (track_id, skill_id, body, updated_at, change)"
                               " VALUES (?1, ?2, ?3, ?4, ?5)",
                               &notes, error) ||
      !_roadmap_store_prepare (store,
                               "INSERT INTO topics (track_id, skill_id, topic, done, updated_at, change)"
                               " VALUES (?1, ?2, ?3, 1, ?4, ?5)",
                               &topics, error) ||
      !_roadmap_store_prepare (store,
                               "INSERT INTO history (change, kind, origin, track_id, skill_id,"
                               "  old_status, new_status, changed_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                               &history, error))
    return FALSE;
  context->history = history;

  /* The import's own row comes first: it marks the change that replaced
   * everything, for other processes' reloads (see read_counter()). */
  old_statuses = read_statuses (context, error);
  if (old_statuses == NULL ||
      !write_history (context, "", "", ROADMAP_STATUS_TODO, ROADMAP_STATUS_TODO, error) ||
      !_roadmap_store_exec (store, "DELETE FROM progress; DELETE FROM notes; DELETE FROM topics;", error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      int rc;

      if (entry->has_progress)
        {
          g_autofree char *id = g_strconcat (entry->track_id, "/", entry->skill_id, NULL);
          g_autofree char *stolen = NULL;
          gpointer old_status = NULL;
          gboolean had_row = g_hash_table_steal_extended (old_statuses, id, (gpointer *) &stolen,
                                                          &old_status);

          sqlite3_bind_text (progress, 1, entry->track_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (progress, 2, entry->skill_id, -1, SQLITE_STATIC);
          sqlite3_bind_int (progress, 3, entry->status);
          sqlite3_bind_int64 (progress, 4, (entry->position + 1) * ROADMAP_SORT_KEY_STEP);
          bind_time (progress, 5, entry->started_at);
          bind_time (progress, 6, entry->finished_at);
          sqlite3_bind_int64 (progress, 7, context->now / G_USEC_PER_SEC);
          sqlite3_bind_int64 (progress, 8, context->change);
          rc = sqlite3_step (progress);
          sqlite3_reset (progress);
          if (rc != SQLITE_DONE)
            return _roadmap_store_fail (store, rc, error);

          /* Status changes only: a file imported again writes one row */
          if ((had_row ? (RoadmapStatus) GPOINTER_TO_INT (old_status) : ROADMAP_STATUS_TODO) != entry->status &&
              !write_history (context, entry->track_id, entry->skill_id,
                              had_row ? GPOINTER_TO_INT (old_status) : ROADMAP_STATUS_TODO,
                              entry->status, error))
            return FALSE;
        }

      for (guint t = 0; entry->topics_done != NULL && entry->topics_done[t] != NULL; t++)
        {
          sqlite3_bind_text (topics, 1, entry->track_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (topics, 2, entry->skill_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (topics, 3, entry->topics_done[t], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (topics, 4, context->now / G_USEC_PER_SEC);
          sqlite3_bind_int64 (topics, 5, context->change);
          rc = sqlite3_step (topics);
          sqlite3_reset (topics);
          if (rc != SQLITE_DONE)
            return _roadmap_store_fail (store, rc, error);
        }

      if (entry->note == NULL)
        continue;

      sqlite3_bind_text (notes, 1, entry->track_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (notes, 2, entry->skill_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (notes, 3, entry->note, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (notes, 4, context->now / G_USEC_PER_SEC);
      sqlite3_bind_int64 (notes, 5, context->change);
      rc = sqlite3_step (notes);
      sqlite3_reset (notes);
      if (rc != SQLITE_DONE)
        return _roadmap_store_fail (store, rc, error);
    }

  /* The rows the file does not have: back to To-do. */
  g_hash_table_iter_init (&iter, old_statuses);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) ids = g_strsplit (key, "/", 2);

      if (GPOINTER_TO_INT (value) != ROADMAP_STATUS_TODO &&
          !write_history (context, ids[0], ids[1], GPOINTER_TO_INT (value), ROADMAP_STATUS_TODO, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * roadmap_progress_file_import:
 * @origin: who asks, for the history
 * @now: microseconds since the Unix epoch (UTC), for the history
 *
 * Replaces all progress, notes and ticked topics with those of @file
 * in one change (a format-1 file has none ticked). The
 * file is checked completely first; on any error nothing is changed.
 * Entries of roadmaps not loaded now are kept in the database for when
 * they are. The model is not touched: the caller reloads it.
 */
gboolean
roadmap_progress_file_import (RoadmapStore    *store,
                              GFile           *file,
                              RoadmapOrigin    origin,
                              gint64           now,
                              GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file_name = NULL;
  ImportContext context = { store, 0, origin, now, NULL };

  g_return_val_if_fail (ROADMAP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  file_name = g_file_get_parse_name (file);

  root = roadmap_json_read_file (file, ROADMAP_PROGRESS_FILE_MAX_SIZE, &local_error);
  if (root == NULL)
    {
      /* The message names the file already */
      g_set_error_literal (error, ROADMAP_STORE_ERROR,
                           g_error_matches (local_error, ROADMAP_JSON_ERROR, ROADMAP_JSON_ERROR_IO)
                             ? ROADMAP_STORE_ERROR_IO : ROADMAP_STORE_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  entries = parse_progress (root, file_name, error);
  if (entries == NULL)
    return FALSE;

  if (!roadmap_store_begin_change (store, &context.change, NULL, error))
    return FALSE;

  if (!write_entries (&context, entries, error) ||
      !roadmap_store_commit_change (store, NULL, error))
    {
      roadmap_store_rollback_change (store);
      return FALSE;
    }

  return TRUE;
}

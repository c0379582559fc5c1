/* roadmap-progress-file.c — export and import of progress as JSON
 *
 *   { "format": 1, "kind": "roadmap-progress", "exported_at": "…Z",
 *     "skills": [ { "track": "data-engineer", "skill": "python-sql",
 *                   "status": "done", "position": 0,
 *                   "started_at": "2026-01-05T10:00:00Z",
 *                   "finished_at": "2026-02-01T18:30:00Z",
 *                   "note": "…" } ] }
 *
 * A skill that has a note but never moved has no progress row: it is
 * written with its note only, without a status or position to claim.
 *
 * An import is checked completely before anything is written, then
 * replaces all progress and notes in one transaction: all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "roadmap-json-guard.h"
#include "roadmap-loader.h"
#include "roadmap-progress-file.h"
#include "roadmap-store-private.h"

#define PROGRESS_FORMAT    1
#define PROGRESS_KIND      "roadmap-progress"
#define MAX_NOTE_LENGTH    100000
#define MAX_POSITION       1000000
#define MAX_ENTRIES        1000000

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
} Entry;

static void
entry_clear (Entry *entry)
{
  g_clear_pointer (&entry->track_id, g_free);
  g_clear_pointer (&entry->skill_id, g_free);
  g_clear_pointer (&entry->started_at, g_date_time_unref);
  g_clear_pointer (&entry->finished_at, g_date_time_unref);
  g_clear_pointer (&entry->note, g_free);
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

static void
add_time (JsonBuilder  *builder,
          const char   *member,
          sqlite3_stmt *stmt,
          int           column)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return;

  time = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
  if (time == NULL)
    return;

  text = g_date_time_format_iso8601 (time);
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

/**
 * roadmap_progress_file_export:
 *
 * Writes every progress row and note of the database (also those of
 * roadmaps not loaded now) to @file, replacing it only once complete.
 */
gboolean
roadmap_progress_file_export (RoadmapStore  *store,
                              GFile         *file,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  g_autofree char *json = NULL;
  gsize length;
  int rc;

  g_return_val_if_fail (ROADMAP_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* A read transaction: one consistent snapshot of both tables. */
  if (!_roadmap_store_exec (store, "BEGIN", error))
    return FALSE;

  if (!_roadmap_store_prepare (store,
                               "SELECT p.track_id, p.skill_id, p.status, p.position,"
                               "       p.started_at, p.finished_at, n.body"
                               " FROM progress AS p LEFT JOIN notes AS n USING (track_id, skill_id)"
                               " UNION ALL"
                               " SELECT n.track_id, n.skill_id, NULL, NULL, NULL, NULL, n.body"
                               " FROM notes AS n LEFT JOIN progress AS p USING (track_id, skill_id)"
                               " WHERE p.track_id IS NULL"
                               " ORDER BY 1, 2",
                               &stmt, error))
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
          int status = CLAMP (sqlite3_column_int (stmt, 2), ROADMAP_STATUS_TODO, ROADMAP_STATUS_DONE);

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
      json_builder_end_object (builder);
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  _roadmap_store_rollback (store);

  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (store, rc, error);

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &length);

  return g_file_replace_contents (file, json, length, NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE, NULL, NULL, error);
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

static gboolean
parse_entry (JsonNode    *node,
             const char  *file_name,
             const char  *path,
             GHashTable  *seen,
             Entry       *entry,
             GError     **error)
{
  JsonObject *object;
  JsonNode *position;
  const char *track_id, *skill_id, *status, *note;
  g_autofree char *key = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, file_name, path, _("expected an object"));
  object = json_node_get_object (node);

  /* The status may only be missing on an entry with just a note */
  if (!parse_string (object, "track", TRUE, file_name, path, &track_id, error) ||
      !parse_string (object, "skill", TRUE, file_name, path, &skill_id, error) ||
      !parse_string (object, "note", FALSE, file_name, path, &note, error) ||
      !parse_string (object, "status", note == NULL || note[0] == '\0', file_name, path, &status, error))
    return FALSE;

  if (!roadmap_loader_is_valid_id (track_id))
    return invalid (error, file_name, path, _("“%s” is not a valid track id"), track_id);
  if (!roadmap_loader_is_valid_id (skill_id))
    return invalid (error, file_name, path, _("“%s” is not a valid skill id"), skill_id);
  entry->has_progress = status != NULL;
  if (entry->has_progress && !roadmap_status_from_string (status, &entry->status))
    return invalid (error, file_name, path,
                    _("“%s” is not a status: use todo, doing or done"), status);
  if (!entry->has_progress &&
      (json_object_has_member (object, "position") ||
       json_object_has_member (object, "started_at") ||
       json_object_has_member (object, "finished_at")))
    return invalid (error, file_name, path,
                    _("a skill without a status can only have a note"));
  if (note != NULL && g_utf8_strlen (note, -1) > MAX_NOTE_LENGTH)
    return invalid (error, file_name, path, _("the note is longer than %d characters"),
                    MAX_NOTE_LENGTH);

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
         parse_time (object, "finished_at", file_name, path, &entry->finished_at, error);
}

static GArray *
parse_progress (GBytes      *bytes,
                const char  *file_name,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;
  JsonArray *skills;
  const char *data;
  gsize length;

  g_array_set_clear_func (entries, (GDestroyNotify) entry_clear);
  data = g_bytes_get_data (bytes, &length);

  if (!roadmap_json_guard_check (data, length, ROADMAP_JSON_MAX_DEPTH, &local_error) ||
      !json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_INVALID,
                   "%s: %s", file_name, local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
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
      json_node_get_int (node) != PROGRESS_FORMAT)
    {
      invalid (error, file_name, "format",
               _("unknown progress file format; this version of Roadmap reads format %d"),
               PROGRESS_FORMAT);
      return NULL;
    }

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

      if (!parse_entry (json_array_get_element (skills, i), file_name, path, seen,
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

/* The progress row of @entry and the history row recording the import */
static gboolean
write_progress (RoadmapStore  *store,
                sqlite3_stmt  *progress,
                sqlite3_stmt  *history,
                const Entry   *entry,
                RoadmapSkill  *skill,
                gint64         now,
                GError       **error)
{
  int rc;

  sqlite3_bind_text (progress, 1, entry->track_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (progress, 2, entry->skill_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (progress, 3, entry->status);
  sqlite3_bind_int64 (progress, 4, entry->position);
  bind_time (progress, 5, entry->started_at);
  bind_time (progress, 6, entry->finished_at);
  sqlite3_bind_int64 (progress, 7, now / G_USEC_PER_SEC);
  rc = sqlite3_step (progress);
  sqlite3_reset (progress);
  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (store, rc, error);

  sqlite3_bind_int (history, 1, ROADMAP_HISTORY_IMPORT);
  sqlite3_bind_text (history, 2, entry->track_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (history, 3, entry->skill_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (history, 4, skill != NULL ? roadmap_skill_get_status (skill) : ROADMAP_STATUS_TODO);
  sqlite3_bind_int (history, 5, entry->status);
  sqlite3_bind_int64 (history, 6, skill != NULL ? roadmap_skill_get_position (skill) : 0);
  sqlite3_bind_int64 (history, 7, now);
  rc = sqlite3_step (history);
  sqlite3_reset (history);
  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (store, rc, error);

  return TRUE;
}

/* Skills whose row the import removes (they are not in the file) go back
 * to To-do: recorded as well, so that the history holds every change and
 * undo never walks back past the import, even when the file lists no
 * skill at all. */
static gboolean
write_removals (RoadmapStore  *store,
                sqlite3_stmt  *history,
                GArray        *entries,
                gint64         now,
                GError       **error)
{
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);

      if (entry->has_progress)
        g_hash_table_add (kept, g_strconcat (entry->track_id, "/", entry->skill_id, NULL));
    }

  if (!_roadmap_store_prepare (store, "SELECT track_id, skill_id, status, position FROM progress",
                               &stmt, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *track_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *skill_id = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *key = g_strconcat (track_id, "/", skill_id, NULL);
      int history_rc;

      if (g_hash_table_contains (kept, key))
        continue;

      sqlite3_bind_int (history, 1, ROADMAP_HISTORY_IMPORT);
      sqlite3_bind_text (history, 2, track_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (history, 3, skill_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (history, 4, sqlite3_column_int (stmt, 2));
      sqlite3_bind_int (history, 5, ROADMAP_STATUS_TODO);
      sqlite3_bind_int64 (history, 6, sqlite3_column_int64 (stmt, 3));
      sqlite3_bind_int64 (history, 7, now);
      history_rc = sqlite3_step (history);
      sqlite3_reset (history);
      if (history_rc != SQLITE_DONE)
        return _roadmap_store_fail (store, history_rc, error);
    }

  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (store, rc, error);

  return TRUE;
}

static gboolean
write_entries (RoadmapStore    *store,
               RoadmapCatalog  *catalog,
               GArray          *entries,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) progress = NULL;
  g_autoptr(sqlite3_stmt) notes = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  gint64 now = g_get_real_time ();

  if (!_roadmap_store_prepare (store,
                               "INSERT INTO progress (track_id, skill_id, status, position,"
                               "  started_at, finished_at, updated_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               &progress, error) ||
      !_roadmap_store_prepare (store,
                               "INSERT INTO notes (track_id, skill_id, body, updated_at)"
                               " VALUES (?1, ?2, ?3, ?4)",
                               &notes, error) ||
      !_roadmap_store_prepare (store,
                               "INSERT INTO history (kind, track_id, skill_id, old_status,"
                               "  new_status, old_position, changed_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               &history, error) ||
      !write_removals (store, history, entries, now, error) ||
      !_roadmap_store_exec (store, "DELETE FROM progress; DELETE FROM notes;", error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      RoadmapSkill *skill = roadmap_catalog_find_skill (catalog, entry->track_id, entry->skill_id);
      int rc;

      if (entry->has_progress &&
          !write_progress (store, progress, history, entry, skill, now, error))
        return FALSE;

      if (entry->note == NULL)
        continue;

      sqlite3_bind_text (notes, 1, entry->track_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (notes, 2, entry->skill_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (notes, 3, entry->note, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (notes, 4, now / G_USEC_PER_SEC);
      rc = sqlite3_step (notes);
      sqlite3_reset (notes);
      if (rc != SQLITE_DONE)
        return _roadmap_store_fail (store, rc, error);
    }

  return TRUE;
}

/**
 * roadmap_progress_file_import:
 *
 * Replaces all progress and notes with those of @file, then reloads
 * @catalog from the database. The file is checked completely first; on
 * any error nothing is changed. Entries of roadmaps not loaded now are
 * kept in the database for when they are.
 */
gboolean
roadmap_progress_file_import (RoadmapStore    *store,
                              RoadmapCatalog  *catalog,
                              GFile           *file,
                              GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (ROADMAP_IS_STORE (store), FALSE);
  g_return_val_if_fail (ROADMAP_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  file_name = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info != NULL && g_file_info_get_size (info) > ROADMAP_JSON_MAX_SIZE)
    {
      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_INVALID,
                   _("%s: the file is larger than %d MiB"), file_name,
                   ROADMAP_JSON_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (info != NULL)
    bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_IO,
                   "%s: %s", file_name, local_error->message);
      return FALSE;
    }

  entries = parse_progress (bytes, file_name, error);
  if (entries == NULL)
    return FALSE;

  if (!_roadmap_store_begin (store, error))
    return FALSE;

  if (!write_entries (store, catalog, entries, error) ||
      !_roadmap_store_commit (store, error))
    {
      _roadmap_store_rollback (store);
      return FALSE;
    }

  return roadmap_store_load_progress (store, catalog, error);
}

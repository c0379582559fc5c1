/* roadmap-json-reader.c
 *
 * Every JSON document a user hands over (a roadmap, a progress file) is
 * read the same way: at most the caller's limit of bytes of a regular
 * file (roadmap_file_read()), checked by the strict guard
 * (roadmap_json_guard_check(): depth, duplicate keys, numbers, UTF-8),
 * then parsed by json-glib. Errors are in ROADMAP_JSON_ERROR and start
 * with the file's name: "NAME: line 3, column 7: …" or "NAME: PATH: …".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-file-reader.h"
#include "roadmap-json-guard.h"
#include "roadmap-json-reader.h"

G_DEFINE_QUARK (roadmap-json-error-quark, roadmap_json_error)

/**
 * roadmap_json_read_bytes:
 * @display_name: how messages name the document (its file's name)
 * @max_size: the most bytes the document may have
 *
 * Returns: (transfer full): the document's root, or %NULL with a
 *   ROADMAP_JSON_ERROR
 */
JsonNode *
roadmap_json_read_bytes (GBytes      *bytes,
                         const char  *display_name,
                         gsize        max_size,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (!roadmap_json_guard_check (data, length, max_size, ROADMAP_JSON_MAX_DEPTH, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                   display_name, local_error->message);
      return NULL;
    }

  /* Immutable: json-glib then hands out nodes without copying. */
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      /* Not expected after the guard, but json-glib has the last word. */
      g_set_error (error, ROADMAP_JSON_ERROR, ROADMAP_JSON_ERROR_SYNTAX, "%s: %s",
                   display_name, local_error->message);
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

/**
 * roadmap_json_read_file:
 * @max_size: the most bytes the file may have
 *
 * Reads @file with roadmap_file_read() (a regular file of at most
 * @max_size bytes; never blocks) and parses it as
 * roadmap_json_read_bytes() does.
 *
 * Returns: (transfer full): the document's root, or %NULL with a
 *   ROADMAP_JSON_ERROR
 */
JsonNode *
roadmap_json_read_file (GFile   *file,
                        gsize    max_size,
                        GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  bytes = roadmap_file_read (file, max_size, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, ROADMAP_JSON_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE)
                     ? ROADMAP_JSON_ERROR_TOO_LARGE : ROADMAP_JSON_ERROR_IO,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  return roadmap_json_read_bytes (bytes, name, max_size, error);
}

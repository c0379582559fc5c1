/* roadmap-json-reader.h — reading a JSON document a user gave: bounded,
 * guarded, with messages that name the file and the place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ROADMAP_JSON_ERROR (roadmap_json_error_quark ())

/**
 * RoadmapJsonError:
 * @ROADMAP_JSON_ERROR_IO: the file could not be read, or is not a regular file
 * @ROADMAP_JSON_ERROR_TOO_LARGE: the document is over the size cap
 * @ROADMAP_JSON_ERROR_TOO_DEEP: arrays/objects nest deeper than allowed
 * @ROADMAP_JSON_ERROR_ENCODING: not valid UTF-8, or a lone surrogate escape
 * @ROADMAP_JSON_ERROR_SYNTAX: not well-formed JSON (incl. trailing garbage)
 * @ROADMAP_JSON_ERROR_DUPLICATE_KEY: an object repeats a key
 * @ROADMAP_JSON_ERROR_NUMBER: a number is out of range or not finite
 *
 * Why a document could not be read as JSON; what it says is the caller's
 * to check.
 */
typedef enum
{
  ROADMAP_JSON_ERROR_IO,
  ROADMAP_JSON_ERROR_TOO_LARGE,
  ROADMAP_JSON_ERROR_TOO_DEEP,
  ROADMAP_JSON_ERROR_ENCODING,
  ROADMAP_JSON_ERROR_SYNTAX,
  ROADMAP_JSON_ERROR_DUPLICATE_KEY,
  ROADMAP_JSON_ERROR_NUMBER,
} RoadmapJsonError;

#define ROADMAP_JSON_MAX_DEPTH 32
/* The most a roadmap file may hold */
#define ROADMAP_JSON_MAX_SIZE  (8 * 1024 * 1024)

GQuark    roadmap_json_error_quark (void);

JsonNode *roadmap_json_read_file   (GFile       *file,
                                    gsize        max_size,
                                    GError     **error);
JsonNode *roadmap_json_read_bytes  (GBytes      *bytes,
                                    const char  *display_name,
                                    gsize        max_size,
                                    GError     **error);

G_END_DECLS

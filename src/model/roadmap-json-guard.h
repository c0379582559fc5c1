/* roadmap-json-guard.h — strict JSON pre-check run before json-glib parses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ROADMAP_JSON_MAX_DEPTH 32
#define ROADMAP_JSON_MAX_SIZE  (8 * 1024 * 1024)

gboolean roadmap_json_guard_check (const char  *data,
                                   gsize        length,
                                   guint        max_depth,
                                   GError     **error);

G_END_DECLS

/* roadmap-json-guard.h — strict JSON pre-check run before json-glib parses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-json-reader.h"

G_BEGIN_DECLS

gboolean roadmap_json_guard_check (const char  *data,
                                   gsize        length,
                                   gsize        max_size,
                                   guint        max_depth,
                                   GError     **error);

G_END_DECLS

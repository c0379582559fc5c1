/* roadmap-file-reader.h — reading a file the user named, whatever it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *roadmap_file_read (GFile    *file,
                           gsize     max_size,
                           GError  **error);

G_END_DECLS

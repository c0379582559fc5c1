/* roadmap-file-writer.h — every file the application writes: the whole
 * new file, or the old one untouched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * RoadmapFileWriterFlags:
 * @ROADMAP_FILE_WRITER_NONE: a new file gets the usual mode (0666 less
 *   the umask)
 * @ROADMAP_FILE_WRITER_PRIVATE: a new file is readable by its owner only
 *   (0600), for files with the learner's notes
 *
 * An existing file always keeps its mode.
 */
typedef enum
{
  ROADMAP_FILE_WRITER_NONE    = 0,
  ROADMAP_FILE_WRITER_PRIVATE = 1 << 0,
} RoadmapFileWriterFlags;

#define ROADMAP_TYPE_FILE_WRITER (roadmap_file_writer_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapFileWriter, roadmap_file_writer, ROADMAP, FILE_WRITER, GObject)

RoadmapFileWriter *roadmap_file_writer_new        (GFile                   *file,
                                                   RoadmapFileWriterFlags   flags,
                                                   GError                 **error);
GOutputStream     *roadmap_file_writer_get_stream (RoadmapFileWriter       *self);
gboolean           roadmap_file_writer_finish     (RoadmapFileWriter       *self,
                                                   GCancellable            *cancellable,
                                                   GError                 **error);
void               roadmap_file_writer_abandon    (RoadmapFileWriter       *self);

gboolean           roadmap_file_write_contents    (GFile                   *file,
                                                   const char              *contents,
                                                   gsize                    length,
                                                   RoadmapFileWriterFlags   flags,
                                                   GError                 **error);

G_END_DECLS

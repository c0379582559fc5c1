/* roadmap-cli-roadmaps.c
 *
 * `roadmap --export-roadmap TRACK-ID FILE` writes a track, as loaded, in
 * the roadmap format (roadmap-writer.c): `--validate` accepts the file
 * and `--import-roadmap` takes it back.
 *
 * `roadmap --import-roadmap FILE [--replace]` checks FILE as `--validate`
 * does and copies it, as it is, into the user's roadmap folder as
 * TRACK-ID.json; the next window or command shows the track, with the
 * progress its skill ids already have. A track id that is loaded already
 * is refused unless --replace is given, which replaces the user's own
 * file of that track; a bundled track is never replaced (its id is
 * refused). Every file is written whole or not at all
 * (roadmap_file_write_contents()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "roadmap-cli-roadmaps.h"
#include "roadmap-file-reader.h"
#include "roadmap-file-writer.h"
#include "roadmap-json-reader.h"
#include "roadmap-loader.h"
#include "roadmap-writer.h"

static gboolean G_GNUC_PRINTF (2, 3)
refuse (GError    **error,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, message);
  return FALSE;
}

gboolean
roadmap_cli_roadmaps_export (RoadmapSession  *session,
                             const char      *track_id,
                             const char      *path,
                             GError         **error)
{
  RoadmapTrack *track = roadmap_catalog_find_track (roadmap_session_get_catalog (session), track_id);
  g_autoptr(GFile) file = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (track == NULL)
    return refuse (error, _("there is no track “%s” (see --list)"), track_id);
  if (path == NULL)
    return refuse (error, _("--export-roadmap needs the file to write, after the track id"));

  file = g_file_new_for_commandline_arg (path);
  data = roadmap_writer_to_data (track, &length);
  return roadmap_file_write_contents (file, data, length, ROADMAP_FILE_WRITER_NONE, error);
}

/* Whether @track was loaded from a file of @directory */
static gboolean
is_in_directory (RoadmapTrack *track,
                 GFile        *directory)
{
  const char *source = roadmap_track_get_source (track);
  g_autoptr(GFile) file = source != NULL ? g_file_parse_name (source) : NULL;
  g_autoptr(GFile) parent = file != NULL ? g_file_get_parent (file) : NULL;

  return parent != NULL && g_file_equal (parent, directory);
}

gboolean
roadmap_cli_roadmaps_import (RoadmapSession  *session,
                             const char      *path,
                             gboolean         replace,
                             GError         **error)
{
  GFile *directory = roadmap_session_get_user_roadmap_dir (session);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *target_name = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(RoadmapTrack) track = NULL;
  RoadmapTrack *existing;
  gsize length;
  const char *data;

  contents = roadmap_file_read (file, ROADMAP_JSON_MAX_SIZE, error);
  if (contents == NULL)
    return FALSE;
  track = roadmap_loader_load_bytes (contents, name, error);
  if (track == NULL)
    return FALSE;

  existing = roadmap_catalog_find_track (roadmap_session_get_catalog (session), roadmap_track_get_id (track));
  if (existing != NULL && roadmap_track_get_source (existing) == NULL)
    return refuse (error, _("“%s” is the id of a bundled track: give the roadmap an id of its own"),
                   roadmap_track_get_id (track));
  if (existing != NULL && !replace)
    return refuse (error, _("there is a track “%s” already (--replace replaces it, keeping the progress of every skill whose id remains)"),
                   roadmap_track_get_id (track));
  if (existing != NULL && !is_in_directory (existing, directory))
    return refuse (error, _("the track “%s” is loaded from %s, not from your roadmap folder: it was left as it is"),
                   roadmap_track_get_id (track), roadmap_track_get_source (existing));

  /* The own file it replaces, or TRACK-ID.json */
  if (existing != NULL)
    target = g_file_parse_name (roadmap_track_get_source (existing));
  else
    {
      target_name = g_strconcat (roadmap_track_get_id (track), ".json", NULL);
      target = g_file_get_child (directory, target_name);
      if (g_file_query_exists (target, NULL))
        return refuse (error, _("%s holds another track already: it was left as it is"),
                       g_file_peek_path (target));
    }

  if (g_mkdir_with_parents (g_file_peek_path (directory), 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make the folder %s: %s"), g_file_peek_path (directory), g_strerror (saved_errno));
      return FALSE;
    }

  data = g_bytes_get_data (contents, &length);
  return roadmap_file_write_contents (target, data, length, ROADMAP_FILE_WRITER_PRIVATE, error);
}

/* roadmap-cli-roadmaps.c
 *
 * `roadmap --export-roadmap TRACK-ID FILE` writes a track, as loaded, in
 * the roadmap format (roadmap-writer.c): `--validate` accepts the file
 * and `--import-roadmap` takes it back.
 *
 * `roadmap --import-roadmap FILE [--replace]` checks FILE as `--validate`
 * does and copies it, as it is, into the user's roadmap folder as
 * TRACK-ID.json (roadmap_session_add_roadmap()): the next window or
 * command shows the track, with the progress its skill ids already have.
 * A track id that is loaded already is refused unless --replace is given,
 * which replaces the user's own file of that track, or stands in for a
 * bundled track of that id (the window's "Revert to Original" brings the
 * bundled one back).
 *
 * `roadmap --remove-track TRACK-ID` removes the user's own track's file,
 * or hides a bundled one (roadmap_session_remove_track()); the progress
 * stays either way.
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
#include "roadmap-text.h"
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

gboolean
roadmap_cli_roadmaps_import (RoadmapSession  *session,
                             const char      *path,
                             gboolean         replace,
                             GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;

  contents = roadmap_file_read (file, ROADMAP_JSON_MAX_SIZE, error);
  if (contents == NULL)
    return FALSE;

  /* A file with several problems: each on a line of its own, then what
   * it means */
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(RoadmapTrack) track = roadmap_loader_check_bytes (contents, name, problems, &local_error);

    if (track == NULL && problems->len > 1)
      {
        for (guint i = 0; i < problems->len; i++)
          {
            g_autofree char *line = g_strdup_printf ("%s: %s", name, (char *) g_ptr_array_index (problems, i));
            g_autofree char *shown = NULL;

            /* One line, nothing a terminal would obey */
            g_strdelimit (line, "\r\n", ' ');
            shown = roadmap_text_escape_for_message (line, 0);
            g_printerr ("roadmap: %s\n", shown);
          }
        return refuse (error, ngettext ("%s has %u problem: nothing was changed",
                                        "%s has %u problems: nothing was changed", problems->len),
                       name, problems->len);
      }
    if (track == NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
  }

  if (roadmap_session_add_roadmap (session, contents, name, replace, NULL, &local_error))
    return TRUE;

  if (g_error_matches (local_error, ROADMAP_COMMAND_ERROR, ROADMAP_COMMAND_ERROR_EXISTS))
    return refuse (error, _("%s (--replace replaces it, keeping the progress of every skill whose id remains)"),
                   local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
roadmap_cli_roadmaps_remove (RoadmapSession  *session,
                             const char      *track_id,
                             GError         **error)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (session);
  RoadmapTrack *track = roadmap_catalog_find_track (catalog, track_id);

  if (track == NULL)
    return refuse (error, _("there is no track “%s” (see --list)"), track_id);
  if (roadmap_catalog_is_hidden (catalog, track_id))
    return refuse (error, _("the track “%s” is hidden already"), track_id);
  return roadmap_session_remove_track (session, track, error);
}

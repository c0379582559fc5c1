/* roadmap-loader.h — reads roadmap JSON files into RoadmapTrack objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-catalog.h"
#include "roadmap-json-reader.h"
#include "roadmap-track.h"

/* Where the bundled roadmaps live in the application's GResource. */
#define ROADMAP_BUNDLED_ROADMAPS_PATH "/io/github/roadmaptracker/Roadmap/roadmaps/"

G_BEGIN_DECLS

#define ROADMAP_LOADER_ERROR (roadmap_loader_error_quark ())

/**
 * RoadmapLoaderError:
 * @ROADMAP_LOADER_ERROR_IO: a folder of roadmaps could not be listed
 * @ROADMAP_LOADER_ERROR_ENCODING: a text is not valid UTF-8
 * @ROADMAP_LOADER_ERROR_FORMAT: unknown or missing "format" version
 * @ROADMAP_LOADER_ERROR_MISSING: a required member is missing
 * @ROADMAP_LOADER_ERROR_TYPE: a member has the wrong JSON type
 * @ROADMAP_LOADER_ERROR_INVALID_ID: an id is not a well-formed slug
 * @ROADMAP_LOADER_ERROR_DUPLICATE_ID: an id is used twice in its scope, or a
 *   skill lists a topic twice (its text keys its ticks)
 * @ROADMAP_LOADER_ERROR_VALUE: a value is out of its allowed range, or not
 *   one its member allows: an unknown "kind", "practises" on an item that
 *   is not hands-on, or naming the item itself or another hands-on item
 * @ROADMAP_LOADER_ERROR_UNSAFE_URL: a resource URL is not a plain http(s) address
 * @ROADMAP_LOADER_ERROR_TEXT: a text holds a noncharacter or a control
 *   character (see roadmap_text_check_single_line()), or a title nothing
 *   visible
 * @ROADMAP_LOADER_ERROR_UNKNOWN_ID: a hands-on item's "practises" names a
 *   skill the track does not have
 */
typedef enum
{
  ROADMAP_LOADER_ERROR_IO,
  ROADMAP_LOADER_ERROR_ENCODING,
  ROADMAP_LOADER_ERROR_FORMAT,
  ROADMAP_LOADER_ERROR_MISSING,
  ROADMAP_LOADER_ERROR_TYPE,
  ROADMAP_LOADER_ERROR_INVALID_ID,
  ROADMAP_LOADER_ERROR_DUPLICATE_ID,
  ROADMAP_LOADER_ERROR_VALUE,
  ROADMAP_LOADER_ERROR_UNSAFE_URL,
  ROADMAP_LOADER_ERROR_TEXT,
  ROADMAP_LOADER_ERROR_UNKNOWN_ID,
} RoadmapLoaderError;

GQuark        roadmap_loader_error_quark   (void);

RoadmapTrack *roadmap_loader_load_bytes    (GBytes      *bytes,
                                            const char  *display_name,
                                            GError     **error);
RoadmapTrack *roadmap_loader_check_bytes   (GBytes      *bytes,
                                            const char  *display_name,
                                            GPtrArray   *problems,
                                            GError     **error);
RoadmapTrack *roadmap_loader_load_file     (GFile       *file,
                                            GError     **error);
gboolean      roadmap_loader_is_valid_id   (const char  *id);
void          roadmap_loader_load_bundled  (RoadmapCatalog  *catalog);
gboolean      roadmap_loader_load_directory (RoadmapCatalog  *catalog,
                                             GFile           *directory,
                                             GError         **error);
GPtrArray    *roadmap_loader_list_directory (GFile          *directory,
                                             GError        **error);
void          roadmap_loader_add_file      (RoadmapCatalog  *catalog,
                                            GFile           *file);

G_END_DECLS

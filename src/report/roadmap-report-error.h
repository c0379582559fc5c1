/* roadmap-report-error.h — why a report could not be made or written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ROADMAP_REPORT_ERROR (roadmap_report_error_quark ())

/**
 * RoadmapReportError:
 * @ROADMAP_REPORT_ERROR_FAILED: any other failure
 * @ROADMAP_REPORT_ERROR_UNKNOWN_TRACK: the track asked for is not loaded
 * @ROADMAP_REPORT_ERROR_NO_FOLDER: the folder to write into does not exist
 * @ROADMAP_REPORT_ERROR_PERMISSION: the file or its folder cannot be written
 * @ROADMAP_REPORT_ERROR_IS_FOLDER: the name given is that of a folder
 * @ROADMAP_REPORT_ERROR_DISK_FULL: the disk (or quota, or file size limit) is full
 * @ROADMAP_REPORT_ERROR_IO: writing failed for another reason
 * @ROADMAP_REPORT_ERROR_RENDER: cairo could not draw the report
 *
 * A cancelled export fails with %G_IO_ERROR_CANCELLED instead.
 */
typedef enum
{
  ROADMAP_REPORT_ERROR_FAILED,
  ROADMAP_REPORT_ERROR_UNKNOWN_TRACK,
  ROADMAP_REPORT_ERROR_NO_FOLDER,
  ROADMAP_REPORT_ERROR_PERMISSION,
  ROADMAP_REPORT_ERROR_IS_FOLDER,
  ROADMAP_REPORT_ERROR_DISK_FULL,
  ROADMAP_REPORT_ERROR_IO,
  ROADMAP_REPORT_ERROR_RENDER,
} RoadmapReportError;

GQuark roadmap_report_error_quark (void);

G_END_DECLS

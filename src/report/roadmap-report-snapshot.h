/* roadmap-report-snapshot.h — the catalog's tracks and progress, copied
 * into plain structs for the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "roadmap-catalog.h"

G_BEGIN_DECLS

typedef struct
{
  char *title;
  RoadmapStatus status;
  GDateTime *started_at;    /* nullable */
  GDateTime *finished_at;   /* nullable */
  char *note;               /* nullable; never empty */
} RoadmapReportSkill;

typedef struct
{
  char *title;
  guint number;             /* 1-based, as on the board */
  guint first_month;        /* 0 when the roadmap gives no months */
  guint last_month;
  RoadmapReportSkill *skills;
  guint n_skills;
  guint n_with_status[ROADMAP_N_STATUSES];
} RoadmapReportPhase;

typedef struct
{
  char *id;
  char *title;
  char *summary;            /* nullable */
  RoadmapReportPhase *phases;
  guint n_phases;
  guint n_skills;
  guint n_with_status[ROADMAP_N_STATUSES];
} RoadmapReportTrack;

/**
 * RoadmapReportSnapshot:
 * @tracks: (array length=n_tracks): the tracks, in catalog order
 *
 * Immutable once made and reference counted atomically: it can be made on
 * the main thread and read by a rendering thread while the catalog goes on
 * changing.
 */
typedef struct
{
  RoadmapReportTrack *tracks;
  guint n_tracks;
  guint n_skills;
  guint n_with_status[ROADMAP_N_STATUSES];
} RoadmapReportSnapshot;

RoadmapReportSnapshot *roadmap_report_snapshot_new   (RoadmapCatalog        *catalog,
                                                      const char            *track_id,
                                                      GError               **error);
RoadmapReportSnapshot *roadmap_report_snapshot_ref   (RoadmapReportSnapshot *self);
void                   roadmap_report_snapshot_unref (RoadmapReportSnapshot *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoadmapReportSnapshot, roadmap_report_snapshot_unref)

G_END_DECLS

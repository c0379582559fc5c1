/* roadmap-report-snapshot.h — the catalog's tracks and progress, copied
 * into plain structs for the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "roadmap-catalog.h"
#include "roadmap-stats.h"

G_BEGIN_DECLS

/**
 * RoadmapReportCounts:
 * @n_with_status: the skills in each status
 * @n_counted: the skills progress counts ("of M"): all but the Skipped
 *   ones, unless Skipped counts as done
 * @n_counted_done: of those, the done ones ("N of")
 */
typedef struct
{
  guint n_with_status[ROADMAP_N_STATUSES];
  guint n_counted;
  guint n_counted_done;
} RoadmapReportCounts;

typedef struct
{
  char *title;
  RoadmapSkillKind kind;    /* a hands-on item is marked so */
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
  RoadmapReportSkill *skills;  /* in roadmap order, the Skipped ones last */
  guint n_skills;
  RoadmapReportCounts counts;
} RoadmapReportPhase;

typedef struct
{
  char *id;
  char *title;
  char *summary;            /* nullable */
  RoadmapReportPhase *phases;
  guint n_phases;
  guint n_skills;
  RoadmapReportCounts counts;
  char *progress;           /* "40 % done · 2 in progress · …" */
  char *schedule;           /* "Finishing around … · On track", or no plan */
} RoadmapReportTrack;

/**
 * RoadmapReportSnapshot:
 * @tracks: (array length=n_tracks): the tracks, in catalog order
 * @count_skipped_as_done: the learner's preference (see
 *   roadmap_catalog_get_count_skipped_as_done()), which the counts follow
 * @stats: (nullable): the statistics of the same tracks, computed from
 *   the store on the thread that made the snapshot; the report's
 *   "Statistics" section, left out without them
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
  RoadmapReportCounts counts;
  gboolean count_skipped_as_done;
  RoadmapStats *stats;
} RoadmapReportSnapshot;

RoadmapReportSnapshot *roadmap_report_snapshot_new   (RoadmapCatalog        *catalog,
                                                      const char            *track_id,
                                                      GError               **error);
RoadmapReportSnapshot *roadmap_report_snapshot_new_for_day (RoadmapCatalog  *catalog,
                                                            const char      *track_id,
                                                            const GDate     *today,
                                                            GError         **error);
void                   roadmap_report_snapshot_set_stats (RoadmapReportSnapshot *self,
                                                          RoadmapStats          *stats);
RoadmapReportSnapshot *roadmap_report_snapshot_ref   (RoadmapReportSnapshot *self);
void                   roadmap_report_snapshot_unref (RoadmapReportSnapshot *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoadmapReportSnapshot, roadmap_report_snapshot_unref)

G_END_DECLS

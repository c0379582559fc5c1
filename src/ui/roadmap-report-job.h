/* roadmap-report-job.h — what the PDF export and the print share: the
 * window and the catalog they report on, the question of which tracks,
 * and how they end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "roadmap-catalog.h"
#include "roadmap-report-snapshot.h"
#include "roadmap-session.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_REPORT_JOB (roadmap_report_job_get_type ())

G_DECLARE_DERIVABLE_TYPE (RoadmapReportJob, roadmap_report_job, ROADMAP, REPORT_JOB, GObject)

/**
 * RoadmapReportJobClass:
 * @scope_chosen: which tracks the learner chose: go on from there
 * @cancel: (nullable): stop what runs, after the cancellable was cancelled
 */
struct _RoadmapReportJobClass
{
  GObjectClass parent_class;

  void (*scope_chosen) (RoadmapReportJob *self,
                        gboolean          all_tracks);
  void (*cancel)       (RoadmapReportJob *self);
};

GtkWindow             *roadmap_report_job_get_parent        (RoadmapReportJob  *self);
RoadmapCatalog        *roadmap_report_job_get_catalog       (RoadmapReportJob  *self);
RoadmapTrack          *roadmap_report_job_get_current_track (RoadmapReportJob  *self);
GCancellable          *roadmap_report_job_get_cancellable   (RoadmapReportJob  *self);
void                   roadmap_report_job_ask               (RoadmapReportJob  *self,
                                                             const char        *heading);
void                   roadmap_report_job_set_session       (RoadmapReportJob  *self,
                                                             RoadmapSession    *session);
RoadmapReportSnapshot *roadmap_report_job_snapshot          (RoadmapReportJob  *self,
                                                             gboolean           all_tracks,
                                                             GError           **error);
char                  *roadmap_report_job_dup_file_stem     (RoadmapReportJob  *self,
                                                             gboolean           all_tracks);
void                   roadmap_report_job_add_toast         (RoadmapReportJob  *self,
                                                             AdwToast          *toast);
void                   roadmap_report_job_show_error        (RoadmapReportJob  *self,
                                                             const char        *heading,
                                                             const GError      *error);
void                   roadmap_report_job_finish            (RoadmapReportJob  *self,
                                                             gboolean           success);
void                   roadmap_report_job_cancel            (RoadmapReportJob  *self);

G_END_DECLS

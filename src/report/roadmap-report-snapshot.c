/* roadmap-report-snapshot.c — a copy of what the report shows
 *
 * The report may be drawn on another thread while the learner goes on
 * moving cards: the model's GObjects are neither thread-safe nor frozen
 * meanwhile, so the renderer never sees them. This copy is taken on the
 * thread that owns the catalog (a few milliseconds for 10,000 skills) and
 * never changes afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "roadmap-date.h"
#include "roadmap-report-error.h"
#include "roadmap-report-snapshot.h"
#include "roadmap-schedule.h"

static GDateTime *
date_time_ref0 (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

/* Notes of only white space are no notes. */
static char *
copy_note (const char *note)
{
  g_autofree char *copy = NULL;

  if (note == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (note));
  return copy[0] != '\0' ? g_steal_pointer (&copy) : NULL;
}

static void
copy_skill (RoadmapReportSkill *out,
            RoadmapSkill       *skill)
{
  out->title = g_strdup (roadmap_skill_get_title (skill));
  out->kind = roadmap_skill_get_kind (skill);
  out->status = roadmap_skill_get_status (skill);
  out->started_at = date_time_ref0 (roadmap_skill_get_started_at (skill));
  out->finished_at = date_time_ref0 (roadmap_skill_get_finished_at (skill));
  out->note = copy_note (roadmap_skill_get_note (skill));
}

static void
copy_phase (RoadmapReportPhase *out,
            RoadmapPhase       *phase)
{
  guint n = 0;

  out->title = g_strdup (roadmap_phase_get_title (phase));
  out->number = roadmap_phase_get_number (phase);
  out->first_month = roadmap_phase_get_first_month (phase);
  out->last_month = roadmap_phase_get_last_month (phase);
  out->n_skills = roadmap_phase_get_n_skills (phase);
  out->skills = g_new0 (RoadmapReportSkill, out->n_skills);

  /* In roadmap order, the Skipped ones last: the report lists them apart */
  for (int skipped = 0; skipped <= 1; skipped++)
    for (guint i = 0; i < out->n_skills; i++)
      {
        RoadmapSkill *skill = roadmap_phase_peek_skill (phase, i);

        if ((roadmap_skill_get_status (skill) == ROADMAP_STATUS_SKIPPED) == skipped)
          copy_skill (&out->skills[n++], skill);
      }

  for (guint i = 0; i < out->n_skills; i++)
    out->counts.n_with_status[out->skills[i].status]++;
}

static void
count (RoadmapReportCounts *counts,
       guint                n_skills,
       gboolean             skipped_as_done)
{
  RoadmapTally tally = { .n_skills = n_skills };
  RoadmapTallyTotals totals;

  memcpy (tally.counts, counts->n_with_status, sizeof tally.counts);
  roadmap_tally_get_totals (&tally, skipped_as_done, &totals);
  counts->n_counted = totals.n_counted;
  counts->n_counted_done = totals.n_counted_done;
}

/* The Overview's figures (roadmap-schedule.c), for the cover */
static void
describe_schedule (RoadmapReportTrack *out,
                   RoadmapTrack       *track,
                   const GDate        *today)
{
  g_autoptr(RoadmapSchedule) schedule = roadmap_schedule_new (track, roadmap_track_get_plan (track), today);
  g_autofree char *finish = roadmap_schedule_describe_finish (schedule);
  g_autofree char *state = roadmap_schedule_describe_state (schedule->state, schedule->days_late);

  out->progress = roadmap_schedule_describe_progress (schedule);
  if (finish == NULL)
    /* Translators: on the report's cover, for a track without a plan */
    out->schedule = g_strdup (_("No plan yet"));
  else if (state != NULL && schedule->state != ROADMAP_SCHEDULE_STATE_DONE)
    /* Translators: on the report's cover: "Finishing around 5 Apr 2026 at
     * 6 h a week · On track" */
    out->schedule = g_strdup_printf (_("%s · %s"), finish, state);
  else
    out->schedule = g_steal_pointer (&finish);
}

static void
copy_track (RoadmapReportTrack *out,
            RoadmapTrack       *track,
            const GDate        *today)
{
  GListModel *phases = roadmap_track_get_phases (track);

  out->id = g_strdup (roadmap_track_get_id (track));
  out->title = g_strdup (roadmap_track_get_title (track));
  out->summary = g_strdup (roadmap_track_get_summary (track));
  out->n_phases = g_list_model_get_n_items (phases);
  out->phases = g_new0 (RoadmapReportPhase, out->n_phases);

  for (guint i = 0; i < out->n_phases; i++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, i);

      copy_phase (&out->phases[i], phase);
      out->n_skills += out->phases[i].n_skills;
      for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
        out->counts.n_with_status[s] += out->phases[i].counts.n_with_status[s];
    }
  describe_schedule (out, track, today);
}

static void
add_track (RoadmapReportSnapshot *self,
           RoadmapTrack          *track,
           const GDate           *today)
{
  RoadmapReportTrack *out = &self->tracks[self->n_tracks++];

  copy_track (out, track, today);
  self->n_skills += out->n_skills;
  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    self->counts.n_with_status[s] += out->counts.n_with_status[s];
}

/* Once every track is in: "N of M" as the learner counts */
static void
count_all (RoadmapReportSnapshot *self)
{
  for (guint t = 0; t < self->n_tracks; t++)
    {
      RoadmapReportTrack *track = &self->tracks[t];

      for (guint p = 0; p < track->n_phases; p++)
        count (&track->phases[p].counts, track->phases[p].n_skills, self->count_skipped_as_done);
      count (&track->counts, track->n_skills, self->count_skipped_as_done);
    }
  count (&self->counts, self->n_skills, self->count_skipped_as_done);
}

static void
clear_track (RoadmapReportTrack *track)
{
  for (guint p = 0; p < track->n_phases; p++)
    {
      RoadmapReportPhase *phase = &track->phases[p];

      for (guint i = 0; i < phase->n_skills; i++)
        {
          g_free (phase->skills[i].title);
          g_clear_pointer (&phase->skills[i].started_at, g_date_time_unref);
          g_clear_pointer (&phase->skills[i].finished_at, g_date_time_unref);
          g_free (phase->skills[i].note);
        }
      g_free (phase->skills);
      g_free (phase->title);
    }
  g_free (track->phases);
  g_free (track->id);
  g_free (track->title);
  g_free (track->summary);
  g_free (track->progress);
  g_free (track->schedule);
}

static void
snapshot_clear (gpointer data)
{
  RoadmapReportSnapshot *self = data;

  for (guint t = 0; t < self->n_tracks; t++)
    clear_track (&self->tracks[t]);
  g_free (self->tracks);
  g_clear_pointer (&self->stats, roadmap_stats_unref);
}

/**
 * roadmap_report_snapshot_new:
 * @track_id: (nullable): the one track to report on, or %NULL for all
 *
 * roadmap_report_snapshot_new_for_day() on the learner's local day.
 */
RoadmapReportSnapshot *
roadmap_report_snapshot_new (RoadmapCatalog  *catalog,
                             const char      *track_id,
                             GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  roadmap_date_get_local_day (now, &today);
  return roadmap_report_snapshot_new_for_day (catalog, track_id, &today, error);
}

/**
 * roadmap_report_snapshot_new_for_day:
 * @track_id: (nullable): the one track to report on, or %NULL for all
 * @today: the learner's local day, which the schedule counts from
 *
 * Copies the tracks of @catalog with their progress and notes, and the
 * figures of their plans. Call it where the catalog is used (the main
 * thread of the window).
 *
 * Returns: (transfer full): the snapshot, or %NULL with
 *   %ROADMAP_REPORT_ERROR_UNKNOWN_TRACK
 */
RoadmapReportSnapshot *
roadmap_report_snapshot_new_for_day (RoadmapCatalog  *catalog,
                                     const char      *track_id,
                                     const GDate     *today,
                                     GError         **error)
{
  RoadmapReportSnapshot *self;
  guint n_tracks;

  g_return_val_if_fail (ROADMAP_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (track_id != NULL)
    {
      RoadmapTrack *track = roadmap_catalog_find_track (catalog, track_id);

      if (track == NULL)
        {
          g_set_error (error, ROADMAP_REPORT_ERROR, ROADMAP_REPORT_ERROR_UNKNOWN_TRACK,
                       _("There is no track “%s”"), track_id);
          return NULL;
        }

      self = g_atomic_rc_box_new0 (RoadmapReportSnapshot);
      self->count_skipped_as_done = roadmap_catalog_get_count_skipped_as_done (catalog);
      self->tracks = g_new0 (RoadmapReportTrack, 1);
      add_track (self, track, today);
      count_all (self);
      return self;
    }

  n_tracks = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  self = g_atomic_rc_box_new0 (RoadmapReportSnapshot);
  self->count_skipped_as_done = roadmap_catalog_get_count_skipped_as_done (catalog);
  self->tracks = g_new0 (RoadmapReportTrack, n_tracks);
  for (guint t = 0; t < n_tracks; t++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (G_LIST_MODEL (catalog), t);

      add_track (self, track, today);
    }
  count_all (self);

  return self;
}

/**
 * roadmap_report_snapshot_set_stats:
 * @stats: (nullable): the statistics of the snapshot's tracks (see
 *   roadmap_session_compute_stats())
 *
 * Gives the report its "Statistics" section. Only right after
 * roadmap_report_snapshot_new(), before the snapshot is shared: it is
 * immutable afterwards.
 */
void
roadmap_report_snapshot_set_stats (RoadmapReportSnapshot *self,
                                   RoadmapStats          *stats)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->stats, roadmap_stats_unref);
  self->stats = stats != NULL ? roadmap_stats_ref (stats) : NULL;
}

RoadmapReportSnapshot *
roadmap_report_snapshot_ref (RoadmapReportSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
roadmap_report_snapshot_unref (RoadmapReportSnapshot *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, snapshot_clear);
}

/* bench-catalog.h — synthetic roadmap catalogs for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The id of the track at @index: "track-000", "track-001", … */
char    *bench_catalog_track_id     (guint        index);

/* The id of skill @index of its track: "skill-0000", … */
char    *bench_catalog_skill_id     (guint        index);

/* One roadmap file (format 1) with @n_skills skills spread evenly over
 * @n_phases phases, each skill with a summary, topics, two resources and
 * an estimate, like the bundled roadmaps. */
char    *bench_catalog_track_json   (guint        track_index,
                                     guint        n_phases,
                                     guint        n_skills);

/* Writes @n_tracks such files (track-NNN.json) into @dir, which must
 * exist; @n_skills is the total, split evenly across the tracks. */
gboolean bench_catalog_write_dir    (const char  *dir,
                                     guint        n_tracks,
                                     guint        n_phases,
                                     guint        n_skills,
                                     GError     **error);

/* The progress the benchmarks give skill @index of a track of @n_skills
 * in @n_phases phases: a third of each phase in each column, in roadmap
 * order, with positions dense in each column as the store keeps them. */
void     bench_catalog_skill_progress (guint       index,
                                       guint       n_skills,
                                       guint       n_phases,
                                       guint      *status,
                                       guint      *position);

/* Removes @dir and the files in it (not subfolders). */
void     bench_catalog_remove_dir   (const char  *dir);

G_END_DECLS

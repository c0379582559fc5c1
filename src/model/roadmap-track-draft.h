/* roadmap-track-draft.h — a track being made or edited: the roadmap
 * file's own tree, changed in place by the editor, then checked by the
 * loader when it is saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "roadmap-track.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_TRACK_DRAFT (roadmap_track_draft_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapTrackDraft, roadmap_track_draft, ROADMAP, TRACK_DRAFT, GObject)

RoadmapTrackDraft *roadmap_track_draft_new          (RoadmapTrack      *track);
gboolean           roadmap_track_draft_is_new       (RoadmapTrackDraft *self);
JsonObject        *roadmap_track_draft_get_track    (RoadmapTrackDraft *self);
guint              roadmap_track_draft_get_n_phases (RoadmapTrackDraft *self);
JsonObject        *roadmap_track_draft_get_phase    (RoadmapTrackDraft *self,
                                                     guint              phase);
guint              roadmap_track_draft_get_n_skills (RoadmapTrackDraft *self,
                                                     guint              phase);
JsonObject        *roadmap_track_draft_get_skill    (RoadmapTrackDraft *self,
                                                     guint              phase,
                                                     guint              skill);
guint              roadmap_track_draft_add_phase    (RoadmapTrackDraft *self);
guint              roadmap_track_draft_add_skill    (RoadmapTrackDraft *self,
                                                     guint              phase);
void               roadmap_track_draft_remove_phase (RoadmapTrackDraft *self,
                                                     guint              phase);
void               roadmap_track_draft_remove_skill (RoadmapTrackDraft *self,
                                                     guint              phase,
                                                     guint              skill);
void               roadmap_track_draft_move_phase   (RoadmapTrackDraft *self,
                                                     guint              phase,
                                                     guint              to);
void               roadmap_track_draft_move_skill   (RoadmapTrackDraft *self,
                                                     guint              phase,
                                                     guint              skill,
                                                     guint              to);

void               roadmap_track_draft_set_text     (JsonObject        *object,
                                                     const char        *member,
                                                     const char        *text);
const char        *roadmap_track_draft_get_text     (JsonObject        *object,
                                                     const char        *member);
void               roadmap_track_draft_set_number   (JsonObject        *object,
                                                     const char        *member,
                                                     guint              number);
guint              roadmap_track_draft_get_number   (JsonObject        *object,
                                                     const char        *member);
void               roadmap_track_draft_set_months   (JsonObject        *phase,
                                                     guint              first,
                                                     guint              last);
void               roadmap_track_draft_get_months   (JsonObject        *phase,
                                                     guint             *first,
                                                     guint             *last);
void               roadmap_track_draft_set_lines    (JsonObject        *skill,
                                                     const char        *member,
                                                     const char        *lines);
char              *roadmap_track_draft_get_lines    (JsonObject        *skill,
                                                     const char        *member);

char              *roadmap_track_draft_make_id      (const char        *title);
GBytes            *roadmap_track_draft_to_bytes     (RoadmapTrackDraft *self);

G_END_DECLS

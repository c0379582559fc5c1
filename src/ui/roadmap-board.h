/* roadmap-board.h — the selected track: its phase cards, and the moves
 * made on them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "roadmap-selection.h"
#include "roadmap-session.h"
#include "roadmap-track.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_BOARD (roadmap_board_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapBoard, roadmap_board, ROADMAP, BOARD, GtkWidget)

GtkWidget    *roadmap_board_new        (void);
RoadmapTrack *roadmap_board_get_track  (RoadmapBoard *self);
void          roadmap_board_set_track  (RoadmapBoard *self,
                                        RoadmapTrack *track);
void          roadmap_board_set_session (RoadmapBoard   *self,
                                         RoadmapSession *session);
void          roadmap_board_set_settings (RoadmapBoard *self,
                                          GSettings    *settings);
GtkWidget    *roadmap_board_find_card  (RoadmapBoard *self,
                                        RoadmapSkill *skill);
GtkWidget    *roadmap_board_find_column (RoadmapBoard  *self,
                                         RoadmapPhase  *phase,
                                         RoadmapStatus  status);
/* How long a card opened from a search stands out */
#define ROADMAP_BOARD_HIGHLIGHT_MS 2000

void          roadmap_board_highlight_skill (RoadmapBoard *self,
                                             RoadmapSkill *skill);
void          roadmap_board_focus_skill (RoadmapBoard *self,
                                         RoadmapSkill *skill);
gboolean      roadmap_board_move_skill  (RoadmapBoard  *self,
                                         RoadmapSkill  *skill,
                                         RoadmapStatus  status,
                                         RoadmapSkill  *before);
void          roadmap_board_move_skill_by (RoadmapBoard *self,
                                           RoadmapSkill *skill,
                                           int           column_delta,
                                           int           position_delta);
gboolean      roadmap_board_move_card   (RoadmapBoard  *self,
                                         RoadmapSkill  *skill,
                                         RoadmapStatus  status);
RoadmapSelection *roadmap_board_get_selection (RoadmapBoard *self);
void          roadmap_board_refuse_drop (RoadmapBoard *self,
                                         RoadmapSkill *skill);
gboolean      roadmap_board_should_draw (RoadmapBoard *self,
                                         GtkWidget    *widget);

G_END_DECLS

/* roadmap-command.h — one change the session runs, undoes and redoes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "roadmap-catalog.h"
#include "roadmap-store.h"

G_BEGIN_DECLS

#define ROADMAP_COMMAND_ERROR (roadmap_command_error_quark ())

/**
 * RoadmapCommandError:
 * @ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE: what an undo or redo would
 *   restore was changed by another process meanwhile; nothing was changed
 * @ROADMAP_COMMAND_ERROR_NOT_LOADED: the skill is not in the loaded roadmaps
 * @ROADMAP_COMMAND_ERROR_INVALID_TEXT: a note is not text (see
 *   roadmap_text_check_multi_line()); nothing was changed
 * @ROADMAP_COMMAND_ERROR_EXISTS: a track of that id is loaded already
 * @ROADMAP_COMMAND_ERROR_NOT_OWN: the track is not the learner's own, or
 *   not one the change applies to
 */
typedef enum
{
  ROADMAP_COMMAND_ERROR_CHANGED_ELSEWHERE,
  ROADMAP_COMMAND_ERROR_NOT_LOADED,
  ROADMAP_COMMAND_ERROR_INVALID_TEXT,
  ROADMAP_COMMAND_ERROR_EXISTS,
  ROADMAP_COMMAND_ERROR_NOT_OWN,
} RoadmapCommandError;

/**
 * RoadmapCommandStep:
 * @ROADMAP_COMMAND_RUN: the first time
 * @ROADMAP_COMMAND_UNDO: back to before it ran
 * @ROADMAP_COMMAND_REDO: again, after an undo
 */
typedef enum
{
  ROADMAP_COMMAND_RUN,
  ROADMAP_COMMAND_UNDO,
  ROADMAP_COMMAND_REDO,
} RoadmapCommandStep;

/**
 * RoadmapCommandContext:
 * @store: the store, inside the change's transaction
 * @change: the number of this change (roadmap_store_begin_change())
 * @now: microseconds since the Unix epoch (UTC), from the session's clock
 * @origin: who runs it, for the history
 * @own_changes: (element-type RoadmapSkill gint64): for each skill this
 *   session changed, the committed change that last wrote it (see
 *   roadmap_command_context_check_own())
 * @marked: (element-type RoadmapSkill RoadmapSkill): the skills this
 *   change writes; they join @own_changes once it is committed
 * @catalog: (nullable): the loaded roadmaps; an undo or redo of a skill
 *   no longer in them is refused (%ROADMAP_COMMAND_ERROR_NOT_LOADED)
 * @own_rows: (element-type utf8 gint64): @own_changes for rows of their
 *   own beside a skill's progress (its topics), by a key for the row
 * @marked_rows: (element-type utf8 utf8): the rows of @own_rows this
 *   change writes
 */
typedef struct
{
  RoadmapStore *store;
  gint64 change;
  gint64 now;
  RoadmapOrigin origin;
  GHashTable *own_changes;
  GHashTable *marked;
  RoadmapCatalog *catalog;
  GHashTable *own_rows;
  GHashTable *marked_rows;
} RoadmapCommandContext;

#define ROADMAP_TYPE_COMMAND (roadmap_command_get_type ())

G_DECLARE_DERIVABLE_TYPE (RoadmapCommand, roadmap_command, ROADMAP, COMMAND, GObject)

/**
 * RoadmapCommandClass:
 * @execute: inside the transaction, write the rows of @step, reading
 *   what they depend on from the database; set @changed when anything
 *   was written
 * @apply: after COMMIT, give the model what @execute wrote
 * @describe: a sentence for the user about @step having happened
 * @undoable: whether the session keeps it for undo
 */
struct _RoadmapCommandClass
{
  GObjectClass parent_class;

  gboolean  (*execute)  (RoadmapCommand         *self,
                         RoadmapCommandContext  *context,
                         RoadmapCommandStep      step,
                         gboolean               *changed,
                         GError                **error);
  void      (*apply)    (RoadmapCommand         *self,
                         RoadmapCommandStep      step);
  char     *(*describe) (RoadmapCommand         *self,
                         RoadmapCommandStep      step);

  gboolean undoable;
};

GQuark    roadmap_command_error_quark  (void);

gboolean  roadmap_command_execute      (RoadmapCommand         *self,
                                        RoadmapCommandContext  *context,
                                        RoadmapCommandStep      step,
                                        gboolean               *changed,
                                        GError                **error);
void      roadmap_command_apply        (RoadmapCommand         *self,
                                        RoadmapCommandStep      step);
char     *roadmap_command_describe     (RoadmapCommand         *self,
                                        RoadmapCommandStep      step);
gboolean  roadmap_command_is_undoable  (RoadmapCommand         *self);

gboolean  roadmap_command_context_check_own (RoadmapCommandContext  *context,
                                             RoadmapSkill           *skill,
                                             gint64                  row_change,
                                             GError                **error);
gboolean  roadmap_command_context_check_own_row (RoadmapCommandContext  *context,
                                                 RoadmapSkill           *skill,
                                                 const char             *row_key,
                                                 gint64                  row_change,
                                                 GError                **error);
gboolean  roadmap_command_context_check_own_track_row (RoadmapCommandContext  *context,
                                                       RoadmapTrack           *track,
                                                       const char             *row_key,
                                                       gint64                  row_change,
                                                       GError                **error);
void      roadmap_command_context_mark_own_row  (RoadmapCommandContext  *context,
                                                 const char             *row_key);
gboolean  roadmap_command_context_write_mark (RoadmapCommandContext  *context,
                                              RoadmapSkill           *skill,
                                              RoadmapHistoryKind      kind,
                                              GError                **error);
void      roadmap_command_context_mark_own  (RoadmapCommandContext  *context,
                                             RoadmapSkill           *skill);

G_END_DECLS

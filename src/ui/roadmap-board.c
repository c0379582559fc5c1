/* roadmap-board.c
 *
 * Cards and columns hand the skill itself to roadmap_board_move_skill(),
 * which runs the move through the session; the session reports the
 * outcome (::command-done, ::command-failed) to whoever shows toasts. The
 * cards move only when the model changes, that is after the commit, and
 * before the session returns: the keyboard focus follows at once.
 *
 * Which phases are folded up is remembered in the settings
 * ("collapsed-phases", as "TRACK-ID/PHASE-ID"), for every window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-board.h"
#include "roadmap-column.h"
#include "roadmap-command-group.h"
#include "roadmap-date.h"
#include "roadmap-move-command.h"
#include "roadmap-drag-scroll.h"
#include "roadmap-phase-card.h"
#include "roadmap-selection.h"
#include "roadmap-track-header.h"

/* About the board's height in the default window: phases below it wait
 * for the first frame. */
#define FIRST_SCREEN_HEIGHT 720

/* How many folded phases are remembered; the oldest are forgotten first */
#define MAX_COLLAPSED_PHASES 1000

struct _RoadmapBoard
{
  GtkWidget parent_instance;

  RoadmapTrack *track;
  RoadmapSession *session;
  GSettings *settings;
  /* The track's schedule by its plan, figured again on each change of
   * its plan or its counts; the header and the phase cards show it */
  RoadmapSchedule *schedule;
  RoadmapSelection *selection;
  /* The phases shown so far: those the first screen needs, then all. */
  GtkSliceListModel *shown_phases;
  guint show_all_id;
  GtkWidget *highlighted;         /* the card a search result opened */
  guint highlight_id;
  guint scroll_to_highlight_id;   /* a tick callback, until it is laid out */
  guint scroll_ticks;
  guint scroll_frames_in_view;

  GtkScrolledWindow *scroller;
  RoadmapTrackHeader *track_header;
  GtkListBox *phase_list;

  /* Cards left undrawn because they were outside the scrolled area (see
   * roadmap_board_should_draw()), and cards drawn, each with a reference;
   * and the frame clock's layout handler that draws the first once they
   * come in, and undraws the second once they leave. */
  GHashTable *undrawn;
  GHashTable *drawn;
  GdkFrameClock *frame_clock;
  gulong after_layout_id;

  /* The last skill whose drop was refused, and when (monotonic µs) */
  RoadmapSkill *refused_skill;
  gint64 refused_at;
};

G_DEFINE_FINAL_TYPE (RoadmapBoard, roadmap_board, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TRACK,
  N_PROPS
};

enum {
  SKILL_ACTIVATED,
  DROP_REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
dup_phase_key (RoadmapBoard *self,
               RoadmapPhase *phase)
{
  return g_strdup_printf ("%s/%s", roadmap_track_get_id (self->track), roadmap_phase_get_id (phase));
}

static gboolean
is_collapsed_in_settings (RoadmapBoard *self,
                          RoadmapPhase *phase)
{
  g_auto(GStrv) keys = NULL;
  g_autofree char *key = NULL;

  if (self->settings == NULL || self->track == NULL)
    return FALSE;

  keys = g_settings_get_strv (self->settings, "collapsed-phases");
  key = dup_phase_key (self, phase);
  return g_strv_contains ((const char * const *) keys, key);
}

static void
on_card_collapsed (RoadmapBoard     *self,
                   GParamSpec       *pspec,
                   RoadmapPhaseCard *card)
{
  RoadmapPhase *phase = roadmap_phase_card_get_phase (card);
  gboolean collapsed = roadmap_phase_card_get_collapsed (card);
  g_autofree char *key = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n, first = 0;

  if (self->settings == NULL || self->track == NULL ||
      is_collapsed_in_settings (self, phase) == collapsed)
    return;

  key = dup_phase_key (self, phase);
  keys = g_settings_get_strv (self->settings, "collapsed-phases");
  n = g_strv_length (keys);
  if (collapsed && n >= MAX_COLLAPSED_PHASES)
    first = n - MAX_COLLAPSED_PHASES + 1;

  builder = g_strv_builder_new ();
  for (guint i = first; i < n; i++)
    if (!g_str_equal (keys[i], key))
      g_strv_builder_add (builder, keys[i]);
  if (collapsed)
    g_strv_builder_add (builder, key);
  g_strfreev (keys);
  keys = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "collapsed-phases", (const char * const *) keys);
}

static const RoadmapPhaseSchedule *
find_phase_schedule (RoadmapBoard *self,
                     RoadmapPhase *phase)
{
  for (guint i = 0; self->schedule != NULL && i < self->schedule->n_phases; i++)
    if (self->schedule->phases[i].phase == phase)
      return &self->schedule->phases[i];
  return NULL;
}

static void
update_schedule (RoadmapBoard *self)
{
  GDate today;

  g_clear_pointer (&self->schedule, roadmap_schedule_free);
  if (self->track != NULL)
    {
      if (self->session != NULL)
        roadmap_session_get_today (self->session, &today);
      else
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();

          roadmap_date_get_local_day (now, &today);
        }
      self->schedule = roadmap_schedule_new (self->track, roadmap_track_get_plan (self->track), &today);
    }

  roadmap_track_header_set_schedule (self->track_header, self->schedule);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->phase_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = GTK_IS_LIST_BOX_ROW (row) ? gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)) : NULL;

      if (ROADMAP_IS_PHASE_CARD (card))
        roadmap_phase_card_set_schedule (ROADMAP_PHASE_CARD (card),
                                         find_phase_schedule (self, roadmap_phase_card_get_phase (ROADMAP_PHASE_CARD (card))));
    }
}

static GtkWidget *
create_phase_row (gpointer item,
                  gpointer user_data)
{
  RoadmapBoard *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *card = roadmap_phase_card_new (ROADMAP_PHASE (item));

  roadmap_phase_card_set_collapsed (ROADMAP_PHASE_CARD (card),
                                    is_collapsed_in_settings (self, ROADMAP_PHASE (item)));
  g_signal_connect_object (card, "notify::collapsed", G_CALLBACK (on_card_collapsed), self,
                           G_CONNECT_SWAPPED);
  roadmap_phase_card_set_schedule (ROADMAP_PHASE_CARD (card), find_phase_schedule (self, ROADMAP_PHASE (item)));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), card);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

/* A rough height of a phase card on a wide board, enough to tell which
 * phases the first screen shows. */
static guint
estimate_phase_height (RoadmapPhase *phase)
{
  guint tallest = 0;

  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    tallest = MAX (tallest, roadmap_phase_get_n_with_status (phase, s));

  return 120 + 64 * MAX (tallest, 1);
}

static guint
count_phases_on_first_screen (GListModel *phases)
{
  guint n = g_list_model_get_n_items (phases);
  guint height = 0;
  guint i;

  for (i = 0; i < n && height < FIRST_SCREEN_HEIGHT; i++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, i);

      height += estimate_phase_height (phase);
    }

  return i;
}

static gboolean
show_all_phases (gpointer user_data)
{
  RoadmapBoard *self = user_data;

  self->show_all_id = 0;
  if (self->shown_phases != NULL)
    gtk_slice_list_model_set_size (self->shown_phases, G_MAXUINT);

  return G_SOURCE_REMOVE;
}

static RoadmapPhaseCard *
find_phase_card (RoadmapBoard *self,
                 RoadmapPhase *phase)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->phase_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      card = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      if (ROADMAP_IS_PHASE_CARD (card) && roadmap_phase_card_get_phase (ROADMAP_PHASE_CARD (card)) == phase)
        return ROADMAP_PHASE_CARD (card);
    }

  return NULL;
}

/* Another window folded or unfolded a phase */
static void
on_collapsed_phases_changed (RoadmapBoard *self,
                             const char   *key,
                             GSettings    *settings)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->phase_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = GTK_IS_LIST_BOX_ROW (row) ? gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)) : NULL;

      if (ROADMAP_IS_PHASE_CARD (card))
        roadmap_phase_card_set_collapsed (ROADMAP_PHASE_CARD (card),
                                          is_collapsed_in_settings (self, roadmap_phase_card_get_phase (ROADMAP_PHASE_CARD (card))));
    }
}

/* Left / Right on a card: to the card at the same height in the nearest
 * column that has one. */
static void
focus_beside (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RoadmapBoard *self = ROADMAP_BOARD (widget);
  RoadmapSkill *skill;
  const char *skill_id;
  int delta;

  g_variant_get (parameter, "(&si)", &skill_id, &delta);

  if (self->track == NULL || (skill = roadmap_track_find_skill (self->track, skill_id)) == NULL)
    return;

  for (int status = (int) roadmap_skill_get_status (skill) + delta;
       status >= ROADMAP_STATUS_TODO && status <= ROADMAP_STATUS_DONE;
       status += delta)
    {
      GtkWidget *column = roadmap_board_find_column (self, roadmap_skill_get_phase (skill), status);
      GtkWidget *card = column != NULL ? roadmap_column_get_card_at (ROADMAP_COLUMN (column),
                                                                     roadmap_skill_get_position (skill))
                                       : NULL;

      if (card != NULL)
        {
          gtk_widget_grab_focus (card);
          return;
        }
    }

  gtk_widget_error_bell (widget);
}

static void
show_skill (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RoadmapBoard *self = ROADMAP_BOARD (widget);
  RoadmapSkill *skill;

  if (self->track == NULL)
    return;

  skill = roadmap_track_find_skill (self->track, g_variant_get_string (parameter, NULL));
  if (skill != NULL)
    g_signal_emit (self, signals[SKILL_ACTIVATED], 0, skill);
}

/* Whether @widget shows in the scrolled area, in its current allocation;
 * a widget not yet allocated counts as showing. */
static gboolean
is_in_view (RoadmapBoard *self,
            GtkWidget    *widget)
{
  GtkWidget *viewport = GTK_WIDGET (self->scroller);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, viewport, &bounds))
    return TRUE;

  return bounds.origin.y < gtk_widget_get_height (viewport) &&
         bounds.origin.y + bounds.size.height > 0 &&
         bounds.origin.x < gtk_widget_get_width (viewport) &&
         bounds.origin.x + bounds.size.width > 0;
}

/* After each layout (a scroll, a move, a resize), before the frame is
 * painted: the undrawn cards now in view are drawn in this same frame. */
static void
on_after_layout (GdkFrameClock *frame_clock,
                 RoadmapBoard  *self)
{
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_iter_init (&iter, self->undrawn);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    {
      gboolean on_board = gtk_widget_is_ancestor (widget, GTK_WIDGET (self));

      if (!on_board || is_in_view (self, widget))
        {
          if (on_board)
            gtk_widget_queue_draw (widget);
          g_hash_table_iter_remove (&iter);
        }
    }

  /* A card that left the view is drawn again, as nothing: however far
   * the learner scrolled, a frame renders only the cards in view. */
  g_hash_table_iter_init (&iter, self->drawn);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    {
      gboolean on_board = gtk_widget_is_ancestor (widget, GTK_WIDGET (self));

      if (!on_board || !is_in_view (self, widget))
        {
          if (on_board)
            gtk_widget_queue_draw (widget);
          g_hash_table_iter_remove (&iter);
        }
    }
}

/* Every undrawn card is drawn the next time it is snapshot. */
static void
forget_undrawn (RoadmapBoard *self)
{
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_iter_init (&iter, self->undrawn);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    {
      gtk_widget_queue_draw (widget);
      g_hash_table_iter_remove (&iter);
    }
  g_hash_table_remove_all (self->drawn);
}

static void
roadmap_board_realize (GtkWidget *widget)
{
  RoadmapBoard *self = ROADMAP_BOARD (widget);

  GTK_WIDGET_CLASS (roadmap_board_parent_class)->realize (widget);

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->after_layout_id = g_signal_connect_after (self->frame_clock, "layout",
                                                  G_CALLBACK (on_after_layout), self);
}

static void
roadmap_board_unrealize (GtkWidget *widget)
{
  RoadmapBoard *self = ROADMAP_BOARD (widget);

  g_clear_signal_handler (&self->after_layout_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  forget_undrawn (self);

  GTK_WIDGET_CLASS (roadmap_board_parent_class)->unrealize (widget);
}

/* The first card of the first unfolded phase, the first column that has one */
static GtkWidget *
find_first_card (RoadmapBoard *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->phase_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *card = GTK_IS_LIST_BOX_ROW (row) ? gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)) : NULL;

      if (!ROADMAP_IS_PHASE_CARD (card) || roadmap_phase_card_get_collapsed (ROADMAP_PHASE_CARD (card)))
        continue;

      for (guint s = ROADMAP_STATUS_TODO; s <= ROADMAP_STATUS_DONE; s++)
        {
          GtkWidget *column = roadmap_phase_card_get_column (ROADMAP_PHASE_CARD (card), s);
          GtkWidget *first = roadmap_column_get_card_at (ROADMAP_COLUMN (column), 0);

          if (first != NULL)
            return first;
        }
    }

  return NULL;
}

/* Tab into the board goes to its first card, past the first phase's
 * fold button, which Shift+Tab from there reaches. */
static gboolean
roadmap_board_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  RoadmapBoard *self = ROADMAP_BOARD (widget);

  if (direction == GTK_DIR_TAB_FORWARD && gtk_widget_get_focus_child (widget) == NULL)
    {
      GtkWidget *card = find_first_card (self);

      if (card != NULL && gtk_widget_grab_focus (card))
        return TRUE;
    }

  return GTK_WIDGET_CLASS (roadmap_board_parent_class)->focus (widget, direction);
}

static void
roadmap_board_dispose (GObject *object)
{
  RoadmapBoard *self = (RoadmapBoard *) object;

  g_clear_handle_id (&self->show_all_id, g_source_remove);
  g_clear_handle_id (&self->highlight_id, g_source_remove);
  if (self->scroll_to_highlight_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_to_highlight_id);
  self->scroll_to_highlight_id = 0;
  g_clear_object (&self->highlighted);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROADMAP_TYPE_BOARD);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  if (self->track != NULL)
    g_signal_handlers_disconnect_by_func (self->track, update_schedule, self);
  g_clear_object (&self->track);
  g_clear_pointer (&self->schedule, roadmap_schedule_free);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->selection);
  g_clear_object (&self->refused_skill);
  g_clear_object (&self->shown_phases);
  g_clear_pointer (&self->undrawn, g_hash_table_unref);
  g_clear_pointer (&self->drawn, g_hash_table_unref);

  G_OBJECT_CLASS (roadmap_board_parent_class)->dispose (object);
}

static void
roadmap_board_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RoadmapBoard *self = ROADMAP_BOARD (object);

  switch (prop_id)
    {
    case PROP_TRACK:
      g_value_set_object (value, self->track);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_board_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RoadmapBoard *self = ROADMAP_BOARD (object);

  switch (prop_id)
    {
    case PROP_TRACK:
      roadmap_board_set_track (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_board_class_init (RoadmapBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_board_dispose;
  object_class->get_property = roadmap_board_get_property;
  object_class->set_property = roadmap_board_set_property;
  widget_class->focus = roadmap_board_focus;
  widget_class->realize = roadmap_board_realize;
  widget_class->unrealize = roadmap_board_unrealize;

  properties[PROP_TRACK] =
    g_param_spec_object ("track", NULL, NULL, ROADMAP_TYPE_TRACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SKILL_ACTIVATED] =
    g_signal_new ("skill-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ROADMAP_TYPE_SKILL);

  /**
   * RoadmapBoard::drop-refused:
   * @skill: a skill dragged over another phase's column
   *
   * Emitted once per drag (at most every few seconds per skill), so that
   * the window can say why the drop is not taken.
   */
  signals[DROP_REFUSED] =
    g_signal_new ("drop-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ROADMAP_TYPE_SKILL);

  g_type_ensure (ROADMAP_TYPE_TRACK_HEADER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-board.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapBoard, scroller);
  gtk_widget_class_bind_template_child (widget_class, RoadmapBoard, track_header);
  gtk_widget_class_bind_template_child (widget_class, RoadmapBoard, phase_list);

  gtk_widget_class_install_action (widget_class, "board.show-skill", "s", show_skill);
  gtk_widget_class_install_action (widget_class, "board.focus-beside", "(si)", focus_beside);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "board");
}

static GtkWidget *
find_card_of (RoadmapSkill *skill,
              gpointer      user_data)
{
  return roadmap_board_find_card (ROADMAP_BOARD (user_data), skill);
}

static void
roadmap_board_init (RoadmapBoard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->selection = roadmap_selection_new (find_card_of, self);
  roadmap_drag_scroll_attach (self->scroller);
  self->undrawn = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->drawn = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

GtkWidget *
roadmap_board_new (void)
{
  return g_object_new (ROADMAP_TYPE_BOARD, NULL);
}

RoadmapTrack *
roadmap_board_get_track (RoadmapBoard *self)
{
  g_return_val_if_fail (ROADMAP_IS_BOARD (self), NULL);
  return self->track;
}

void
roadmap_board_set_track (RoadmapBoard *self,
                         RoadmapTrack *track)
{
  g_return_if_fail (ROADMAP_IS_BOARD (self));
  g_return_if_fail (track == NULL || ROADMAP_IS_TRACK (track));

  if (self->track == track)
    return;
  if (self->track != NULL)
    g_signal_handlers_disconnect_by_func (self->track, update_schedule, self);
  g_set_object (&self->track, track);

  roadmap_selection_clear (self->selection);
  g_clear_handle_id (&self->show_all_id, g_source_remove);
  g_clear_object (&self->shown_phases);

  if (track != NULL)
    {
      GListModel *phases = roadmap_track_get_phases (track);
      guint first_screen = count_phases_on_first_screen (phases);

      /* Build what the first frame shows now, the rest right after it. */
      self->shown_phases = gtk_slice_list_model_new (g_object_ref (phases), 0, first_screen);
      if (first_screen < g_list_model_get_n_items (phases))
        self->show_all_id = g_idle_add_full (G_PRIORITY_LOW, show_all_phases, self, NULL);
    }

  roadmap_track_header_set_track (self->track_header, track,
                                  self->session != NULL ? roadmap_session_get_catalog (self->session) : NULL);
  if (track != NULL)
    {
      /* What the schedule is figured from: the plan, and the hours done
       * and counted (which the counts follow) */
      static const char * const notifies[] = {
        "notify::plan", "notify::hours-done", "notify::hours-planned",
        "notify::n-counted", "notify::n-counted-done",
      };

      for (guint i = 0; i < G_N_ELEMENTS (notifies); i++)
        g_signal_connect_object (track, notifies[i], G_CALLBACK (update_schedule), self, G_CONNECT_SWAPPED);
    }
  update_schedule (self);
  gtk_list_box_bind_model (self->phase_list, G_LIST_MODEL (self->shown_phases),
                           create_phase_row, self, NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACK]);
}

/**
 * roadmap_board_set_session:
 * @session: (nullable): what moves go through; without one, none does
 */
void
roadmap_board_set_session (RoadmapBoard   *self,
                           RoadmapSession *session)
{
  g_return_if_fail (ROADMAP_IS_BOARD (self));

  g_set_object (&self->session, session);
  /* The day counted from is the session's */
  update_schedule (self);
}

/**
 * roadmap_board_set_settings:
 * @settings: (nullable): where folded phases are remembered; without
 *   settings, every phase starts unfolded
 */
void
roadmap_board_set_settings (RoadmapBoard *self,
                            GSettings    *settings)
{
  g_return_if_fail (ROADMAP_IS_BOARD (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, on_collapsed_phases_changed, self);
  if (!g_set_object (&self->settings, settings))
    return;

  if (settings != NULL)
    g_signal_connect_object (settings, "changed::collapsed-phases",
                             G_CALLBACK (on_collapsed_phases_changed), self, G_CONNECT_SWAPPED);
  on_collapsed_phases_changed (self, "collapsed-phases", settings);
}

/**
 * roadmap_board_find_column:
 *
 * Returns: (transfer none) (nullable): the column of @phase for @status
 */
GtkWidget *
roadmap_board_find_column (RoadmapBoard  *self,
                           RoadmapPhase  *phase,
                           RoadmapStatus  status)
{
  RoadmapPhaseCard *card;

  g_return_val_if_fail (ROADMAP_IS_BOARD (self), NULL);

  card = find_phase_card (self, phase);
  return card != NULL ? roadmap_phase_card_get_column (card, status) : NULL;
}

/**
 * roadmap_board_find_card:
 *
 * Returns: (transfer none) (nullable): the card showing @skill
 */
GtkWidget *
roadmap_board_find_card (RoadmapBoard *self,
                         RoadmapSkill *skill)
{
  GtkWidget *column;

  g_return_val_if_fail (ROADMAP_IS_BOARD (self), NULL);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), NULL);

  column = roadmap_board_find_column (self, roadmap_skill_get_phase (skill),
                                      roadmap_skill_get_status (skill));
  return column != NULL ? roadmap_column_find_card (ROADMAP_COLUMN (column), skill) : NULL;
}

/**
 * roadmap_board_focus_skill:
 *
 * Moves the keyboard focus to the card of @skill, unfolding its phase
 * (and the Skipped column) when folded up.
 */
void
roadmap_board_focus_skill (RoadmapBoard *self,
                           RoadmapSkill *skill)
{
  RoadmapPhaseCard *phase_card;
  GtkWidget *card;

  g_return_if_fail (ROADMAP_IS_BOARD (self));
  g_return_if_fail (ROADMAP_IS_SKILL (skill));

  phase_card = find_phase_card (self, roadmap_skill_get_phase (skill));
  if (phase_card == NULL && self->show_all_id != 0)
    {
      /* A phase below the first screen, not built yet: build them now */
      g_clear_handle_id (&self->show_all_id, g_source_remove);
      show_all_phases (self);
      phase_card = find_phase_card (self, roadmap_skill_get_phase (skill));
    }
  if (phase_card != NULL)
    {
      roadmap_phase_card_set_collapsed (phase_card, FALSE);
      roadmap_column_set_expanded (ROADMAP_COLUMN (roadmap_phase_card_get_column (phase_card,
                                                                                roadmap_skill_get_status (skill))),
                                   TRUE);
    }
  card = roadmap_board_find_card (self, skill);
  if (card != NULL)
    gtk_widget_grab_focus (card);
}

/* The picked cards, to the end of column @status of their phases, in
 * board order: one change, one toast, one undo step */
static gboolean
move_selection (RoadmapBoard  *self,
                RoadmapSkill  *focused,
                RoadmapStatus  status)
{
  g_autoptr(GPtrArray) skills = roadmap_selection_dup_skills (self->selection);
  g_autoptr(RoadmapCommand) group = NULL;
  g_autofree char *description = NULL;
  g_autofree char *undo_description = NULL;
  GtkWidget *card = roadmap_board_find_card (self, focused);
  gboolean had_focus = card != NULL && (gtk_widget_get_state_flags (card) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;

  /* Translators: a toast, "Moved 3 skills to Done" */
  description = g_strdup_printf (ngettext ("Moved %u skill to %s", "Moved %u skills to %s", skills->len),
                                 skills->len, roadmap_status_get_label (status));
  /* Translators: a toast after an undo, "Moved 3 skills back" */
  undo_description = g_strdup_printf (ngettext ("Moved %u skill back", "Moved %u skills back", skills->len),
                                      skills->len);
  group = roadmap_command_group_new (description);
  roadmap_command_group_set_undo_description (ROADMAP_COMMAND_GROUP (group), undo_description);
  for (guint i = 0; i < skills->len; i++)
    {
      g_autoptr(RoadmapCommand) move = roadmap_move_command_new_status (g_ptr_array_index (skills, i), status);

      roadmap_command_group_add (ROADMAP_COMMAND_GROUP (group), move);
    }

  /* Failures reach the user through the session's ::command-failed */
  if (!roadmap_session_run (self->session, group, NULL))
    return FALSE;

  roadmap_selection_clear (self->selection);
  if (had_focus)
    roadmap_board_focus_skill (self, focused);
  return TRUE;
}

/**
 * roadmap_board_move_card:
 *
 * The card's own moves to another column (its menu, Ctrl+← →): a picked
 * card takes the other picked ones along, to the end of that column of
 * their phases; any other card moves alone, to the end of the column.
 *
 * Returns: whether the move was committed (or nothing had to change)
 */
gboolean
roadmap_board_move_card (RoadmapBoard  *self,
                         RoadmapSkill  *skill,
                         RoadmapStatus  status)
{
  g_return_val_if_fail (ROADMAP_IS_BOARD (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);

  if (self->session != NULL && status < ROADMAP_N_STATUSES &&
      roadmap_selection_get_n_skills (self->selection) > 1 &&
      roadmap_selection_contains (self->selection, skill))
    return move_selection (self, skill, status);

  return roadmap_board_move_skill (self, skill, status, NULL);
}

/**
 * roadmap_board_get_selection:
 *
 * Returns: (transfer none): the cards picked to move together
 */
RoadmapSelection *
roadmap_board_get_selection (RoadmapBoard *self)
{
  g_return_val_if_fail (ROADMAP_IS_BOARD (self), NULL);
  return self->selection;
}

/* The highlighted card in the middle of the view, once it has a place:
 * a card of a track just shown is laid out in the next frames, and the
 * scroller's range may grow a frame after the card has its place (a value
 * set too early is clamped), so this goes on until the card stays in view
 * for two frames, or a second has passed. */
#define SCROLL_TICKS_MAX 60

static gboolean
scroll_to_highlight (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  RoadmapBoard *self = ROADMAP_BOARD (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;
  double page, value, target;

  if (self->highlighted == NULL || ++self->scroll_ticks > SCROLL_TICKS_MAX)
    {
      self->scroll_to_highlight_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (gtk_widget_get_height (self->highlighted) == 0 ||
      !gtk_widget_compute_bounds (self->highlighted, GTK_WIDGET (self->scroller), &bounds))
    return G_SOURCE_CONTINUE;

  page = gtk_adjustment_get_page_size (adjustment);
  value = gtk_adjustment_get_value (adjustment);
  target = value + bounds.origin.y - MAX (0, (page - bounds.size.height) / 2);
  if ((bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > page) &&
      ABS (target - value) >= 1)
    {
      self->scroll_frames_in_view = 0;
      gtk_adjustment_set_value (adjustment, target);
      return G_SOURCE_CONTINUE;
    }
  if (++self->scroll_frames_in_view < 2)
    return G_SOURCE_CONTINUE;

  self->scroll_to_highlight_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
end_highlight (gpointer user_data)
{
  RoadmapBoard *self = user_data;

  self->highlight_id = 0;
  gtk_widget_remove_css_class (self->highlighted, "search-hit");
  g_clear_object (&self->highlighted);
  return G_SOURCE_REMOVE;
}

/**
 * roadmap_board_highlight_skill:
 *
 * roadmap_board_focus_skill(), and the card stands out for a moment
 * (style class `.search-hit`), for the eye to find it.
 */
void
roadmap_board_highlight_skill (RoadmapBoard *self,
                               RoadmapSkill *skill)
{
  GtkWidget *card;

  g_return_if_fail (ROADMAP_IS_BOARD (self));
  g_return_if_fail (ROADMAP_IS_SKILL (skill));

  if (self->highlight_id != 0)
    {
      g_source_remove (self->highlight_id);
      end_highlight (self);
    }

  roadmap_board_focus_skill (self, skill);
  card = roadmap_board_find_card (self, skill);
  if (card == NULL)
    return;

  self->highlighted = g_object_ref (card);
  gtk_widget_add_css_class (card, "search-hit");
  self->scroll_ticks = 0;
  self->scroll_frames_in_view = 0;
  if (self->scroll_to_highlight_id == 0)
    self->scroll_to_highlight_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_highlight,
                                                                 NULL, NULL);
  self->highlight_id = g_timeout_add (ROADMAP_BOARD_HIGHLIGHT_MS, end_highlight, self);
}

/**
 * roadmap_board_move_skill:
 * @status: the column
 * @before: (nullable): the card to land just before, as shown; %NULL for
 *   the end of the column
 *
 * Moves @skill through the session. A card that had the keyboard focus
 * keeps it in its new place.
 *
 * Returns: whether the move was committed (or nothing had to change)
 */
gboolean
roadmap_board_move_skill (RoadmapBoard  *self,
                          RoadmapSkill  *skill,
                          RoadmapStatus  status,
                          RoadmapSkill  *before)
{
  GtkWidget *card;
  gboolean had_focus;

  g_return_val_if_fail (ROADMAP_IS_BOARD (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);

  if (self->session == NULL || status >= ROADMAP_N_STATUSES)
    return FALSE;

  /* The card's menu (its child) may have the focus: the card keeps it */
  card = roadmap_board_find_card (self, skill);
  had_focus = card != NULL && (gtk_widget_get_state_flags (card) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;

  /* Failures reach the user through the session's ::command-failed. */
  if (!roadmap_session_move_skill (self->session, skill, status, before, NULL))
    return FALSE;

  if (had_focus)
    roadmap_board_focus_skill (self, skill);
  return TRUE;
}

/**
 * roadmap_board_move_skill_by:
 * @column_delta: -1 or 1: to the end of the column beside; 0: same column
 * @position_delta: with @column_delta 0, -1 or 1: one card up or down
 *
 * The keyboard's moves (Ctrl+arrows). Rings the bell at an edge.
 */
void
roadmap_board_move_skill_by (RoadmapBoard *self,
                             RoadmapSkill *skill,
                             int           column_delta,
                             int           position_delta)
{
  g_autoptr(RoadmapSkill) before = NULL;
  GListModel *column;
  int status, position, n;

  g_return_if_fail (ROADMAP_IS_BOARD (self));
  g_return_if_fail (ROADMAP_IS_SKILL (skill));

  status = (int) roadmap_skill_get_status (skill) + column_delta;
  column = roadmap_phase_get_column (roadmap_skill_get_phase (skill), roadmap_skill_get_status (skill));
  position = (int) roadmap_skill_get_position (skill);
  n = (int) g_list_model_get_n_items (column);

  /* Between the three columns; Skipped, under Done, is not one of them */
  if (status < ROADMAP_STATUS_TODO || status > ROADMAP_STATUS_DONE ||
      (column_delta == 0 && (position + position_delta < 0 || position + position_delta >= n)))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* Up: before the card above. Down: before the card after the one
   * below, or last. */
  if (column_delta == 0)
    {
      before = g_list_model_get_item (column, (guint) (position_delta < 0 ? position - 1 : position + 2));
      roadmap_board_move_skill (self, skill, status, before);
    }
  else
    roadmap_board_move_card (self, skill, status);
}

/**
 * roadmap_board_should_draw:
 * @widget: a card on the board, being snapshot
 *
 * Cards are drawn only while they show in the scrolled area: with hundreds
 * of cards on the board, drawing only the few in view makes each frame of
 * a scroll or a move cheaper, most of all with software rendering (see
 * bench-board). When this returns %FALSE,
 * the board draws @widget again as soon as a layout brings it into view.
 *
 * Returns: whether @widget shows and should be drawn now
 */
gboolean
roadmap_board_should_draw (RoadmapBoard *self,
                           GtkWidget    *widget)
{
  g_return_val_if_fail (ROADMAP_IS_BOARD (self), TRUE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), TRUE);

  if (self->frame_clock == NULL)
    return TRUE;

  if (is_in_view (self, widget))
    {
      if (!g_hash_table_contains (self->drawn, widget))
        g_hash_table_add (self->drawn, g_object_ref (widget));
      return TRUE;
    }

  if (!g_hash_table_contains (self->undrawn, widget))
    g_hash_table_add (self->undrawn, g_object_ref (widget));
  return FALSE;
}

/**
 * roadmap_board_refuse_drop:
 * @skill: the skill a column of another phase does not take
 *
 * Called by a column while @skill is dragged over it: skills move within
 * their phase only. Emits #RoadmapBoard::drop-refused, once for a drag.
 */
void
roadmap_board_refuse_drop (RoadmapBoard *self,
                           RoadmapSkill *skill)
{
  gint64 now = g_get_monotonic_time ();

  g_return_if_fail (ROADMAP_IS_BOARD (self));
  g_return_if_fail (ROADMAP_IS_SKILL (skill));

  if (skill == self->refused_skill && now - self->refused_at < 5 * G_USEC_PER_SEC)
    return;

  g_set_object (&self->refused_skill, skill);
  self->refused_at = now;
  g_signal_emit (self, signals[DROP_REFUSED], 0, skill);
}

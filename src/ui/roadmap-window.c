/* roadmap-window.c — the sidebar of tracks and the board of the selected one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-board.h"
#include "roadmap-command-group.h"
#include "roadmap-preferences-window.h"
#include "roadmap-plan-dialog.h"
#include "roadmap-stats-window.h"
#include "roadmap-reset-track.h"
#include "roadmap-restore-command.h"
#include "roadmap-restore-window.h"
#include "roadmap-move-command.h"
#include "roadmap-preference-command.h"
#include "roadmap-overview-window.h"
#include "roadmap-pdf-export.h"
#include "roadmap-print.h"
#include "roadmap-search-panel.h"
#include "roadmap-skill-dialog.h"
#include "roadmap-sync-indicator.h"
#include "roadmap-sync-runner.h"
#include "roadmap-track-command.h"
#include "roadmap-track-editor.h"
#include "roadmap-track-files.h"
#include "roadmap-track-row.h"
#include "roadmap-up-next-view.h"
#include "roadmap-welcome-page.h"
#include "roadmap-wip-limit-dialog.h"
#include "roadmap-topic-command.h"
#include "roadmap-window.h"

struct _RoadmapWindow
{
  AdwApplicationWindow parent_instance;

  RoadmapSession *session;
  GSettings *settings;

  AdwLeaflet *leaflet;
  GtkListBox *track_list;
  AdwWindowTitle *content_title;
  GtkStack *content_stack;
  RoadmapBoard *board;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  AdwToastOverlay *toast_overlay;
  RoadmapSearchPanel *search_panel;
  RoadmapUpNextView *up_next;
  RoadmapSyncIndicator *sync_indicator;

  RoadmapTrackFiles *track_files;  /* import, export, remove… */
  RoadmapSyncRunner *sync_runner;  /* (nullable): without a writable store, none */
  GtkWidget *welcome;             /* (nullable): the first start's page, while shown */
  RoadmapPdfExport *pdf_export;   /* while one runs */
  RoadmapPrint *print;            /* while one runs */
  GtkFileChooserNative *backup_chooser;  /* while Back Up… asks where */
  GtkPrintSettings *print_settings;  /* the last print's, for the next */
  GtkPageSetup *page_setup;
  guint load_roadmaps_id;         /* loading the roadmaps left after the first frame */
  guint follow_tracks_id;         /* the catalog changed: what the board shows next */
  guint n_load_errors_shown;
};

G_DEFINE_FINAL_TYPE (RoadmapWindow, roadmap_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_report_actions (RoadmapWindow *self);
static void show_new_load_errors (RoadmapWindow *self);

/* How often to look for other processes' commits (a PRAGMA, no I/O) */
#define OUTSIDE_CHANGES_INTERVAL_MS 500

static GtkWidget *
create_track_row (gpointer item,
                  gpointer user_data)
{
  RoadmapWindow *self = user_data;

  return roadmap_track_row_new (ROADMAP_TRACK (item), roadmap_session_get_catalog (self->session));
}

static void leave_welcome (RoadmapWindow *self);

static void
show_track (RoadmapWindow *self,
            RoadmapTrack  *track)
{
  leave_welcome (self);
  roadmap_board_set_track (self->board, track);
  adw_window_title_set_title (self->content_title, roadmap_track_get_title (track));
  gtk_window_set_title (GTK_WINDOW (self), roadmap_track_get_title (track));
  gtk_stack_set_visible_child_name (self->content_stack, "board");

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-track", roadmap_track_get_id (track));
}

/* F10 opens the one primary menu: of the two buttons for it, the one
 * shown (the sidebar's, or the board's when folded) */
static void
on_menu_button_mapped (GtkMenuButton *button,
                       RoadmapWindow *self)
{
  gtk_menu_button_set_primary (button, TRUE);
}

static void
on_menu_button_unmapped (GtkMenuButton *button,
                         RoadmapWindow *self)
{
  gtk_menu_button_set_primary (button, FALSE);
}

static void
on_track_row_selected (RoadmapWindow *self,
                       GtkListBoxRow *row,
                       GtkListBox    *list)
{
  if (row != NULL)
    show_track (self, roadmap_track_row_get_track (ROADMAP_TRACK_ROW (row)));
}

static void
on_track_row_activated (RoadmapWindow *self,
                        GtkListBoxRow *row,
                        GtkListBox    *list)
{
  /* Enter on a track: to its board, the keyboard with it */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_child_focus (GTK_WIDGET (self->board), GTK_DIR_TAB_FORWARD);
}

/* GtkListBox takes Tab to its next row, and its selection follows the
 * focus: Tab would switch tracks. Here Tab passes over the list, as over
 * any one widget, to the board (Shift+Tab to what comes before); the
 * arrows still go from track to track. */
static gboolean
leave_track_list (GtkWidget *list,
                  GVariant  *args,
                  gpointer   user_data)
{
  GtkDirectionType direction = g_variant_get_int32 (args);

  /* Out of the focus chain for a moment, the list lets GTK's own
   * traversal go on to the widget after it. */
  gtk_widget_set_can_focus (list, FALSE);
  gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (list)), direction);
  gtk_widget_set_can_focus (list, TRUE);

  return TRUE;
}

/* The keys of GtkWindow's "move-focus" Tab bindings */
static void
add_track_list_tab_keys (RoadmapWindow *self)
{
  static const struct
  {
    GdkModifierType  modifiers;
    GtkDirectionType direction;
  } keys[] = {
    { 0, GTK_DIR_TAB_FORWARD },
    { GDK_CONTROL_MASK, GTK_DIR_TAB_FORWARD },
    { GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD },
    { GDK_CONTROL_MASK | GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutTrigger *trigger =
        gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Tab, keys[i].modifiers),
                                     gtk_keyval_trigger_new (GDK_KEY_KP_Tab, keys[i].modifiers));

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new_with_arguments (trigger,
                                                                             gtk_callback_action_new (leave_track_list, NULL, NULL),
                                                                             "i", keys[i].direction));
    }
  gtk_widget_add_controller (GTK_WIDGET (self->track_list), controller);
}

static void
on_back_clicked (RoadmapWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* @urgent: shown at once, before the toasts waiting (a failure, rather
 * than after the "Moved …" of earlier moves) */
static void
add_toast (RoadmapWindow *self,
           const char    *title,
           const char    *button_label,
           const char    *action_name,
           gboolean       urgent)
{
  /* Toast titles are Pango markup in libadwaita 1.2; ours are text. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
    }
  if (urgent)
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_command_done (RoadmapWindow      *self,
                 RoadmapCommand     *command,
                 RoadmapCommandStep  step,
                 RoadmapSession     *session)
{
  g_autofree char *title = NULL;
  RoadmapSkill *skill;

  /* What is found may have changed with it, and the statuses shown */
  roadmap_search_panel_refresh (self->search_panel);
  roadmap_up_next_view_refresh (self->up_next);

  /* Notes say "Saved" under themselves, and a tick shows in its check;
   * moves are worth a toast, and so is a tick undone or redone by
   * Ctrl+Z, away from its check, and a group of changes (a reset). */
  if ((ROADMAP_IS_TOPIC_COMMAND (command) && step != ROADMAP_COMMAND_RUN) ||
      ROADMAP_IS_COMMAND_GROUP (command) || ROADMAP_IS_RESTORE_COMMAND (command) ||
      ROADMAP_IS_TRACK_COMMAND (command))
    {
      title = roadmap_command_describe (command, step);
      add_toast (self, title,
                 step == ROADMAP_COMMAND_UNDO ? _("_Redo") : _("_Undo"),
                 step == ROADMAP_COMMAND_UNDO ? "win.redo" : "win.undo", FALSE);
      return;
    }
  if (!ROADMAP_IS_MOVE_COMMAND (command))
    return;

  title = roadmap_command_describe (command, step);
  add_toast (self, title,
             step == ROADMAP_COMMAND_UNDO ? _("_Redo") : _("_Undo"),
             step == ROADMAP_COMMAND_UNDO ? "win.redo" : "win.undo", FALSE);

  /* Undo and redo from the keyboard keep the keyboard on the card. */
  skill = roadmap_move_command_get_skill (ROADMAP_MOVE_COMMAND (command));
  if (step != ROADMAP_COMMAND_RUN && roadmap_board_get_track (self->board) != NULL &&
      roadmap_board_find_card (self->board, skill) != NULL)
    roadmap_board_focus_skill (self->board, skill);
}

static void
on_command_failed (RoadmapWindow      *self,
                   RoadmapCommand     *command,
                   RoadmapCommandStep  step,
                   const GError       *error,
                   RoadmapSession     *session)
{
  g_autofree char *title = NULL;

  /* A tick that fails says so in the details, where it was made, a
   * restore in its dialog and a track's change in its own; their undo
   * and redo fail here */
  if (!ROADMAP_IS_MOVE_COMMAND (command) && !ROADMAP_IS_COMMAND_GROUP (command) &&
      !((ROADMAP_IS_TOPIC_COMMAND (command) || ROADMAP_IS_RESTORE_COMMAND (command) ||
         ROADMAP_IS_TRACK_COMMAND (command)) &&
        step != ROADMAP_COMMAND_RUN))
    return;

  if (ROADMAP_IS_COMMAND_GROUP (command) && step == ROADMAP_COMMAND_RUN)
    /* Translators: a toast; %s is the reason. A group changes all or nothing */
    title = g_strdup_printf (_("Nothing was changed. %s"), error->message);
  else if (step == ROADMAP_COMMAND_UNDO)
    /* Translators: a toast; %s is the reason */
    title = g_strdup_printf (_("Could not undo. %s"), error->message);
  else if (step == ROADMAP_COMMAND_REDO)
    /* Translators: a toast; %s is the reason */
    title = g_strdup_printf (_("Could not redo. %s"), error->message);
  else
    /* Translators: a toast; %s is the reason, e.g. "The disk is full: …" */
    title = g_strdup_printf (_("Could not move %s. %s"),
                             roadmap_skill_get_title (roadmap_move_command_get_skill (ROADMAP_MOVE_COMMAND (command))),
                             error->message);
  add_toast (self, title, NULL, NULL, TRUE);
}

/* The board shows another process's changes by itself (the phases'
 * columns change); the search's results are run again. */
static void
on_outside_changed (RoadmapWindow  *self,
                    guint           n_skills,
                    RoadmapSession *session)
{
  g_debug ("Progress changed by another process (%u skills)", n_skills);
  roadmap_search_panel_refresh (self->search_panel);
  roadmap_up_next_view_refresh (self->up_next);
}

static void
on_active_changed (RoadmapWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    roadmap_session_reload (self->session, NULL, NULL);
}

static void
on_dialog_move_requested (RoadmapWindow      *self,
                          guint               status,
                          RoadmapSkillDialog *dialog)
{
  roadmap_board_move_skill (self->board, roadmap_skill_dialog_get_skill (dialog), status, NULL);
}

/* The details may have moved the card to another column, or the board may
 * have built it anew; the window would then give the keyboard to the first
 * widget it finds. Give it back to the card, wherever it is now. */
static void
on_dialog_unmap (RoadmapWindow      *self,
                 RoadmapSkillDialog *dialog)
{
  /* No board while the window is being taken apart */
  if (self->board != NULL && roadmap_board_get_track (self->board) != NULL)
    roadmap_board_focus_skill (self->board, roadmap_skill_dialog_get_skill (dialog));
}

/* A card dragged over another phase's column: say why it is not taken */
static void
on_drop_refused (RoadmapWindow *self,
                 RoadmapSkill  *skill,
                 RoadmapBoard  *board)
{
  RoadmapPhase *phase = roadmap_skill_get_phase (skill);
  g_autofree char *title = NULL;

  /* Translators: a toast while a card is dragged over another phase:
   * "Database Design belongs to Phase 1; it moves within that phase" */
  title = g_strdup_printf (_("%s belongs to Phase %u; it moves within that phase"),
                           roadmap_skill_get_title (skill),
                           phase != NULL ? roadmap_phase_get_number (phase) : 0);
  /* At once, while the card is still held */
  add_toast (self, title, NULL, NULL, TRUE);
}

static void
on_skill_activated (RoadmapWindow *self,
                    RoadmapSkill  *skill,
                    RoadmapBoard  *board)
{
  RoadmapSkillDialog *dialog;

  if (roadmap_session_get_store (self->session) == NULL)
    return;

  dialog = roadmap_skill_dialog_new (GTK_WINDOW (self), skill, self->session);
  g_signal_connect_object (dialog, "move-requested", G_CALLBACK (on_dialog_move_requested),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "unmap", G_CALLBACK (on_dialog_unmap), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkListBoxRow *find_track_row (RoadmapWindow *self,
                                      const char    *track_id);

/* While a search shows what it found, the board (or the page in its
 * place) is hidden */
static void
on_search_active_changed (RoadmapWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->content_stack),
                          !roadmap_search_panel_get_active (self->search_panel));
}

/* A search result: its track's board, the card focused and standing out */
/* A skill chosen in the search's results or in Up Next: its track, its
 * card focused and outlined */
static void
on_skill_chosen (RoadmapWindow *self,
                 RoadmapSkill  *skill)
{
  RoadmapTrack *track = roadmap_phase_get_track (roadmap_skill_get_phase (skill));
  GtkListBoxRow *row = find_track_row (self, roadmap_track_get_id (track));

  roadmap_search_panel_set_search_mode (self->search_panel, FALSE);
  if (row != NULL)
    gtk_list_box_select_row (self->track_list, row);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  roadmap_board_highlight_skill (self->board, skill);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);

  /* Folded, the search is over the board's page */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  roadmap_search_panel_set_search_mode (self->search_panel, TRUE);
}

/* Success and failure are shown by on_command_done() and
 * on_command_failed(); only "nothing to do" is left to say. */
static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);

  if (roadmap_session_get_store (self->session) == NULL)
    return;

  if (roadmap_session_can_undo (self->session))
    roadmap_session_undo (self->session, NULL, NULL);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);

  if (roadmap_session_get_store (self->session) == NULL)
    return;

  if (roadmap_session_can_redo (self->session))
    roadmap_session_redo (self->session, NULL, NULL);
}

/* Undo and Redo (the menu item, the keys, a toast's button) are there
 * only when there is something to undo or redo. */
static void
update_undo_actions (RoadmapWindow *self)
{
  gboolean has_store = roadmap_session_get_store (self->session) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_store && roadmap_session_can_undo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_store && roadmap_session_can_redo (self->session));
}

/* The Keyboard Shortcuts window, built the first time it is asked for */
static void
show_help_overlay (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/roadmaptracker/Roadmap/ui/roadmap-shortcuts.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
on_reset_chosen (RoadmapWindow    *self,
                 const char       *response,
                 AdwMessageDialog *dialog)
{
  RoadmapTrack *track = g_object_get_data (G_OBJECT (dialog), "roadmap-track");
  GtkCheckButton *notes = GTK_CHECK_BUTTON (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(RoadmapCommand) reset = NULL;

  if (g_strcmp0 (response, "reset") != 0 || track == NULL || self->session == NULL)
    return;

  /* A failure reaches the user through the session's ::command-failed */
  reset = roadmap_reset_track_command_new (track, gtk_check_button_get_active (notes));
  roadmap_session_run (self->session, reset, NULL);
}

/* The track a track action names by its id, or NULL (not loaded, or no
 * database to change) */
static RoadmapTrack *
find_action_track (RoadmapWindow *self,
                   GVariant      *parameter)
{
  if (roadmap_session_get_store (self->session) == NULL)
    return NULL;
  return roadmap_catalog_find_track (roadmap_session_get_catalog (self->session),
                                     g_variant_get_string (parameter, NULL));
}

/* Reset Track… (the track's menu): asks first, notes kept unless chosen */
static void
reset_track (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);
  RoadmapTrack *track;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *notes;

  track = find_action_track (self, parameter);
  if (track == NULL)
    return;

  /* Translators: "Reset “Backend Developer”?" */
  heading = g_strdup_printf (_("Reset “%s”?"), roadmap_track_get_title (track));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Every skill of the track goes back to To-do and its topics are unticked. Undo brings them back."));
  notes = gtk_check_button_new_with_mnemonic (_("Also remove my _notes"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), notes);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "roadmap-track", g_object_ref (track), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reset_chosen), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Plan… (the track's header and menu) */
static void
plan_track (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);
  RoadmapTrack *track;

  track = find_action_track (self, parameter);
  if (track == NULL)
    return;

  gtk_window_present (GTK_WINDOW (roadmap_plan_dialog_new (GTK_WINDOW (self), self->session, track)));
}

/* win.show-statistics: every track; win.show-track-statistics: the
 * track whose menu it is in */
static void
show_statistics (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);
  const char *track_id = parameter != NULL ? g_variant_get_string (parameter, NULL) : NULL;

  if (roadmap_session_get_store (self->session) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (roadmap_stats_window_new (GTK_WINDOW (self), self->session, track_id)));
}

static void
show_preferences (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);
  GtkWidget *preferences = roadmap_preferences_window_new (GTK_WINDOW (self), self->session,
                                                           self->sync_runner);

  if (g_strcmp0 (action_name, "win.show-sync-preferences") == 0)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "sync");
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
sync_now_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);

  if (self->sync_runner != NULL)
    roadmap_sync_runner_sync_now (self->sync_runner);
}

/* What a round merged is on the board already (the runner reloaded) */
static void
on_sync_round_ended (RoadmapWindow     *self,
                     guint              n_pulled,
                     RoadmapSyncRunner *runner)
{
  g_autofree char *title = NULL;

  if (n_pulled == 0)
    return;
  /* Translators: a toast */
  title = g_strdup_printf (ngettext ("%u skill changed on another device",
                                     "%u skills changed on another device", n_pulled), n_pulled);
  add_toast (self, title, NULL, NULL, FALSE);
}

/* Overview: every track at a glance */
static void
show_overview (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (roadmap_overview_window_new (GTK_WINDOW (self), self->session)));
}

/* A track's board, by its id (the Overview's rows) */
static void
show_track_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);
  GtkListBoxRow *row = find_track_row (self, g_variant_get_string (parameter, NULL));

  if (row == NULL)
    return;
  gtk_list_box_select_row (self->track_list, row);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* Limit Cards in Doing… (the track's menu) */
static void
set_wip_limit_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);
  RoadmapTrack *track = find_action_track (self, parameter);

  if (track != NULL)
    gtk_window_present (GTK_WINDOW (roadmap_wip_limit_dialog_new (GTK_WINDOW (self), self->session, track)));
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);

  if (roadmap_session_get_store (self->session) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (roadmap_restore_window_new (GTK_WINDOW (self), self->session)));
}

static void
on_back_up_response (RoadmapWindow   *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->backup_chooser);
  if (file == NULL)
    return;

  /* A file of a few hundred kilobytes at most, written atomically */
  if (!roadmap_session_export_progress (self->session, file, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Back Up Failed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: a toast; %s is the file name */
  title = g_strdup_printf (_("Progress backed up to %s"), name);
  add_toast (self, title, NULL, NULL, FALSE);
}

/* "Back Up…": everything the learner made, as the file that
 * roadmap --export-progress writes and Restore… reads */
static void
back_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_date_time_format (now, "roadmap-progress-%F.json");

  if (roadmap_session_get_store (self->session) == NULL || self->backup_chooser != NULL)
    return;

  self->backup_chooser = gtk_file_chooser_native_new (_("Back Up Progress"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Progress Files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->backup_chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->backup_chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->backup_chooser), TRUE);
  g_signal_connect_object (self->backup_chooser, "response", G_CALLBACK (on_back_up_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->backup_chooser));
}

static void
show_load_errors (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);
  GPtrArray *errors = roadmap_catalog_get_load_errors (roadmap_session_get_catalog (self->session));
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);

      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, error->message);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   ngettext ("A Roadmap Could Not Be Loaded",
                                             "Some Roadmaps Could Not Be Loaded", errors->len),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A report, exported or printed, needs the progress and something to
 * report on, all of it; and one of each kind runs at a time. */
static void
update_report_actions (RoadmapWindow *self)
{
  gboolean can_report = roadmap_session_get_store (self->session) != NULL &&
                        roadmap_session_get_n_pending (self->session) == 0 &&
                        g_list_model_get_n_items (G_LIST_MODEL (roadmap_session_get_catalog (self->session))) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf",
                                 can_report && self->pdf_export == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print",
                                 can_report && self->print == NULL);
}

/* The track on the board, if the board is shown */
static RoadmapTrack *
current_track (RoadmapWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "board") == 0)
    return roadmap_board_get_track (self->board);

  return NULL;
}

static void
on_pdf_export_finished (RoadmapWindow    *self,
                        gboolean          success,
                        RoadmapPdfExport *pdf_export)
{
  g_clear_object (&self->pdf_export);
  update_report_actions (self);
}

/* One export at a time; it runs on a worker thread (RoadmapPdfExport). */
static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);

  if (self->pdf_export != NULL)
    return;

  self->pdf_export = roadmap_pdf_export_new (GTK_WINDOW (self), self->toast_overlay,
                                             roadmap_session_get_catalog (self->session),
                                             current_track (self));
  roadmap_report_job_set_session (ROADMAP_REPORT_JOB (self->pdf_export), self->session);
  g_signal_connect_object (self->pdf_export, "finished", G_CALLBACK (on_pdf_export_finished),
                           self, G_CONNECT_SWAPPED);
  update_report_actions (self);
  roadmap_pdf_export_run (self->pdf_export);
}

static void
on_print_finished (RoadmapWindow *self,
                   gboolean       success,
                   RoadmapPrint  *print)
{
  if (success)
    {
      g_set_object (&self->print_settings, roadmap_print_get_print_settings (print));
      g_set_object (&self->page_setup, roadmap_print_get_page_setup (print));
    }
  g_clear_object (&self->print);
  update_report_actions (self);
}

/* One print at a time, through GTK's print dialog (RoadmapPrint) */
static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);

  if (self->print != NULL)
    return;

  self->print = roadmap_print_new (GTK_WINDOW (self), self->toast_overlay,
                                   roadmap_session_get_catalog (self->session),
                                   current_track (self));
  roadmap_report_job_set_session (ROADMAP_REPORT_JOB (self->print), self->session);
  roadmap_print_set_print_settings (self->print, self->print_settings);
  roadmap_print_set_page_setup (self->print, self->page_setup);
  g_signal_connect_object (self->print, "finished", G_CALLBACK (on_print_finished),
                           self, G_CONNECT_SWAPPED);
  update_report_actions (self);
  roadmap_print_run (self->print);
}

/* No track to show: none could be loaded, or every one is hidden */
static void
update_empty_page (RoadmapWindow *self)
{
  g_autoptr(GPtrArray) hidden = roadmap_catalog_get_hidden_tracks (roadmap_session_get_catalog (self->session));

  adw_status_page_set_icon_name (self->empty_page, "dialog-information-symbolic");
  if (hidden->len > 0)
    {
      adw_status_page_set_title (self->empty_page, _("Every Track Is Hidden"));
      adw_status_page_set_description (self->empty_page,
                                       _("“Show Hidden Tracks” in the main menu brings them back; or import a roadmap."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Roadmaps"));
      adw_status_page_set_description (self->empty_page, _("No roadmap could be loaded. Import one, or see why."));
    }
}

/* The learner's own roadmaps (roadmap-track-files.c) */

static void
import_roadmap_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);

  if (roadmap_session_get_store (self->session) != NULL)
    roadmap_track_files_import (self->track_files);
}

/* The track of @track_id selected in the sidebar and on the board */
static void
select_track (RoadmapWindow *self,
              const char    *track_id)
{
  GtkListBoxRow *row = find_track_row (self, track_id);

  if (row == NULL)
    return;
  gtk_list_box_select_row (self->track_list, row);
  show_track (self, roadmap_track_row_get_track (ROADMAP_TRACK_ROW (row)));
}

/* The first start */

/* The choice of the welcome page: @track_id alone in the sidebar, the
 * others hidden (one undo step; Show Hidden Tracks brings them back) */
static void
hide_all_but (RoadmapWindow *self,
              const char    *track_id)
{
  GListModel *tracks = G_LIST_MODEL (roadmap_session_get_catalog (self->session));
  RoadmapTrack *chosen;
  g_autoptr(RoadmapCommand) group = NULL;
  g_autofree char *description = NULL;
  guint n_hidden = 0;

  /* Every track, those still waiting to load included */
  while (roadmap_session_load_next_roadmap (self->session))
    ;
  chosen = roadmap_catalog_find_track (roadmap_session_get_catalog (self->session), track_id);
  if (chosen == NULL)
    return;
  /* Translators: a toast; %s is a track's title */
  description = g_strdup_printf (_("Following “%s”"), roadmap_track_get_title (chosen));
  group = roadmap_command_group_new (description);
  roadmap_command_group_set_undo_description (ROADMAP_COMMAND_GROUP (group), _("Showed every track again"));
  for (guint i = 0; i < g_list_model_get_n_items (tracks); i++)
    {
      g_autoptr(RoadmapTrack) track = g_list_model_get_item (tracks, i);
      g_autoptr(RoadmapCommand) hide = roadmap_track_command_new_hidden (roadmap_track_get_id (track),
                                                                         roadmap_track_get_title (track), TRUE);

      if (track == chosen)
        continue;
      roadmap_command_group_add (ROADMAP_COMMAND_GROUP (group), hide);
      n_hidden++;
    }
  /* A failure reaches the user through the session's ::command-failed */
  if (n_hidden > 0)
    roadmap_session_run (self->session, group, NULL);
}

static void
on_track_chosen (RoadmapWindow *self,
                 RoadmapTrack  *track,
                 GtkWidget     *welcome)
{
  g_autofree char *track_id = g_strdup (roadmap_track_get_id (track));

  hide_all_but (self, track_id);
  select_track (self, track_id);
}

/* Once the learner leaves the welcome page, by any way, it is not shown
 * again: a preference of the database, as every process sees it */
static void
leave_welcome (RoadmapWindow *self)
{
  g_autoptr(RoadmapCommand) welcomed = NULL;
  GtkWidget *welcome = self->welcome;

  if (welcome == NULL)
    return;
  self->welcome = NULL;
  welcomed = roadmap_preference_command_new (roadmap_session_get_catalog (self->session),
                                             ROADMAP_PREFERENCE_WELCOMED, 1);
  if (!roadmap_session_run (self->session, welcomed, NULL))
    g_debug ("Could not record that the welcome page was seen");
  gtk_stack_set_visible_child_name (self->content_stack, "board");
  gtk_stack_remove (self->content_stack, welcome);
}

static void
show_welcome (RoadmapWindow *self)
{
  self->welcome = roadmap_welcome_page_new (roadmap_session_get_catalog (self->session));
  g_signal_connect_object (self->welcome, "track-chosen", G_CALLBACK (on_track_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->content_stack, self->welcome, "welcome");
  gtk_stack_set_visible_child_name (self->content_stack, "welcome");
  adw_window_title_set_title (self->content_title, _("Welcome"));
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* An import, a track saved or customized: on the board */
static void
on_track_added (RoadmapWindow *self,
                const char    *track_id,
                GObject       *source)
{
  /* Imported or started from the welcome page: the learner's choice */
  if (self->welcome != NULL)
    hide_all_but (self, track_id);
  select_track (self, track_id);
}

/* The editor, on @track (a bundled one is saved as the learner's copy),
 * or on a new track */
static void
open_editor (RoadmapWindow *self,
             RoadmapTrack  *track)
{
  GtkWidget *editor = roadmap_track_editor_new (GTK_WINDOW (self), self->session, track);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_track_added), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_track_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);

  if (roadmap_session_get_store (self->session) != NULL)
    open_editor (self, NULL);
}

/* A track's menu: Customize… or Edit…, Revert to Original…, Export
 * Roadmap…, Remove Track… */
static void
track_file_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);
  RoadmapTrack *track;

  /* Exporting writes no progress: it needs no database */
  if (g_str_equal (action_name, "win.export-roadmap"))
    {
      track = roadmap_catalog_find_track (roadmap_session_get_catalog (self->session),
                                          g_variant_get_string (parameter, NULL));
      if (track != NULL)
        roadmap_track_files_export (self->track_files, track);
      return;
    }

  track = find_action_track (self, parameter);
  if (track == NULL)
    return;
  if (g_str_equal (action_name, "win.edit-track") && roadmap_track_get_source (track) != NULL)
    {
      g_autoptr(GFile) own = roadmap_session_get_own_file (self->session, track);

      /* A track of a folder named on the command line is left as it is */
      if (own == NULL)
        {
          g_autofree char *heading = g_strdup_printf (_("“%s” Cannot Be Edited Here"), roadmap_track_get_title (track));
          g_autofree char *body = g_strdup_printf (_("It is loaded from %s, not from your roadmap folder. Export it and import the copy to make it your own."),
                                                   roadmap_track_get_source (track));
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }
    }
  if (g_str_equal (action_name, "win.customize-track") || g_str_equal (action_name, "win.edit-track"))
    open_editor (self, track);
  else if (g_str_equal (action_name, "win.revert-track"))
    roadmap_track_files_revert (self->track_files, track);
  else
    roadmap_track_files_remove (self->track_files, track);
}

static void
show_hidden_tracks_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  RoadmapWindow *self = ROADMAP_WINDOW (widget);

  if (roadmap_session_get_store (self->session) != NULL)
    roadmap_track_files_show_hidden (self->track_files);
}

static void
update_hidden_action (RoadmapWindow *self)
{
  g_autoptr(GPtrArray) hidden = roadmap_catalog_get_hidden_tracks (roadmap_session_get_catalog (self->session));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-hidden-tracks",
                                 hidden->len > 0 && roadmap_session_get_store (self->session) != NULL);
}

static void
on_folder_changed (RoadmapWindow     *self,
                   guint              n_changed,
                   RoadmapTrackFiles *track_files)
{
  show_new_load_errors (self);
  if (n_changed == 0)
    return;
  roadmap_search_panel_refresh (self->search_panel);
  roadmap_up_next_view_refresh (self->up_next);
  update_report_actions (self);
}

/* Tracks came, went or were replaced (an import, a revert, a removal,
 * another process's change to the folder): the board goes on showing the
 * track of its id, as it is now; a track gone leaves the board to the
 * first one, and no track at all to the empty page. Decided once the
 * catalog's change is whole: a revert removes the copy, then puts the
 * original back. */
static gboolean
follow_tracks (gpointer user_data)
{
  RoadmapWindow *self = user_data;
  RoadmapTrack *shown = roadmap_board_get_track (self->board);
  GtkListBoxRow *row = NULL;

  self->follow_tracks_id = 0;
  update_report_actions (self);
  /* The welcome page lists the tracks as they load; the error page stays */
  if (self->welcome != NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "error") == 0)
    return G_SOURCE_REMOVE;

  if (shown != NULL)
    row = find_track_row (self, roadmap_track_get_id (shown));
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->track_list, 0);

  if (row == NULL)
    {
      roadmap_board_set_track (self->board, NULL);
      adw_window_title_set_title (self->content_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Roadmap"));
      update_empty_page (self);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  else if (gtk_list_box_get_selected_row (self->track_list) != row ||
           roadmap_track_row_get_track (ROADMAP_TRACK_ROW (row)) != shown)
    {
      gtk_list_box_select_row (self->track_list, row);
      show_track (self, roadmap_track_row_get_track (ROADMAP_TRACK_ROW (row)));
    }
  return G_SOURCE_REMOVE;
}

static void
on_tracks_changed (RoadmapWindow *self,
                   guint          position,
                   guint          removed,
                   guint          added,
                   GListModel    *tracks)
{
  if (self->follow_tracks_id != 0)
    return;
  self->follow_tracks_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, follow_tracks, self, NULL);
}

/* A roadmap file dropped on the window is imported */
static gboolean
on_file_dropped (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 RoadmapWindow *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean taken = files != NULL && roadmap_session_get_store (self->session) != NULL;

  /* One file a time: each may ask a question of its own */
  if (taken)
    roadmap_track_files_import_file (self->track_files, files->data);
  if (taken && files->next != NULL)
    add_toast (self, _("Drop one roadmap file at a time: only the first is imported"), NULL, NULL, TRUE);
  g_slist_free (files);
  return taken;
}

static gboolean
roadmap_window_close_request (GtkWindow *window)
{
  RoadmapWindow *self = ROADMAP_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (roadmap_window_parent_class)->close_request (window);
}

static void
roadmap_window_dispose (GObject *object)
{
  RoadmapWindow *self = (RoadmapWindow *) object;

  if (self->pdf_export != NULL)
    roadmap_report_job_cancel (ROADMAP_REPORT_JOB (self->pdf_export));
  g_clear_object (&self->pdf_export);
  if (self->print != NULL)
    roadmap_report_job_cancel (ROADMAP_REPORT_JOB (self->print));
  g_clear_object (&self->print);
  if (self->backup_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->backup_chooser));
  g_clear_object (&self->backup_chooser);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->page_setup);
  g_clear_handle_id (&self->load_roadmaps_id, g_source_remove);
  g_clear_handle_id (&self->follow_tracks_id, g_source_remove);
  /* An import being read ends with the window */
  if (self->track_files != NULL)
    g_object_run_dispose (G_OBJECT (self->track_files));
  g_clear_object (&self->track_files);
  /* A round running ends soon, in its thread (the application waits) */
  if (self->sync_runner != NULL)
    roadmap_sync_runner_stop (self->sync_runner);
  g_clear_object (&self->sync_runner);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROADMAP_TYPE_WINDOW);
  if (self->session != NULL)
    roadmap_session_watch (self->session, 0);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (roadmap_window_parent_class)->dispose (object);
}

static void
roadmap_window_class_init (RoadmapWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = roadmap_window_dispose;
  window_class->close_request = roadmap_window_close_request;

  g_type_ensure (ROADMAP_TYPE_BOARD);
  g_type_ensure (ROADMAP_TYPE_SEARCH_PANEL);
  g_type_ensure (ROADMAP_TYPE_UP_NEXT_VIEW);
  g_type_ensure (ROADMAP_TYPE_SYNC_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, track_list);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, board);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, search_panel);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, up_next);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, sync_indicator);
  gtk_widget_class_bind_template_callback (widget_class, on_menu_button_mapped);
  gtk_widget_class_bind_template_callback (widget_class, on_menu_button_unmapped);
  gtk_widget_class_bind_template_callback (widget_class, on_track_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_track_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_skill_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_drop_refused);
  gtk_widget_class_bind_template_callback (widget_class, on_skill_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_search_active_changed);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.show-load-errors", NULL, show_load_errors);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay);
  gtk_widget_class_install_action (widget_class, "win.show-preferences", NULL, show_preferences);
  gtk_widget_class_install_action (widget_class, "win.show-sync-preferences", NULL, show_preferences);
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, sync_now_activated);
  gtk_widget_class_install_action (widget_class, "win.show-statistics", NULL, show_statistics);
  gtk_widget_class_install_action (widget_class, "win.show-track-statistics", "s", show_statistics);
  gtk_widget_class_install_action (widget_class, "win.reset-track", "s", reset_track);
  gtk_widget_class_install_action (widget_class, "win.plan-track", "s", plan_track);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, back_up_activated);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_activated);
  gtk_widget_class_install_action (widget_class, "win.set-wip-limit", "s", set_wip_limit_activated);
  gtk_widget_class_install_action (widget_class, "win.show-overview", NULL, show_overview);
  gtk_widget_class_install_action (widget_class, "win.show-track", "s", show_track_activated);
  gtk_widget_class_install_action (widget_class, "win.import-roadmap", NULL, import_roadmap_activated);
  gtk_widget_class_install_action (widget_class, "win.export-roadmap", "s", track_file_activated);
  gtk_widget_class_install_action (widget_class, "win.new-track", NULL, new_track_activated);
  gtk_widget_class_install_action (widget_class, "win.customize-track", "s", track_file_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-track", "s", track_file_activated);
  gtk_widget_class_install_action (widget_class, "win.revert-track", "s", track_file_activated);
  gtk_widget_class_install_action (widget_class, "win.remove-track", "s", track_file_activated);
  gtk_widget_class_install_action (widget_class, "win.show-hidden-tracks", NULL, show_hidden_tracks_activated);
}

static void
roadmap_window_init (RoadmapWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_track_list_tab_keys (self);
  /* Typing on the board starts a search (keys the cards take aside) */
  roadmap_search_panel_set_key_capture_widget (self->search_panel, GTK_WIDGET (self->board));
}

/* A toast for the roadmaps that could not be loaded, unless it was shown. */
static void
show_new_load_errors (RoadmapWindow *self)
{
  GPtrArray *load_errors = roadmap_catalog_get_load_errors (roadmap_session_get_catalog (self->session));

  if (load_errors->len > self->n_load_errors_shown)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u roadmap could not be loaded",
                                                          "%u roadmaps could not be loaded",
                                                          load_errors->len),
                                                load_errors->len);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-load-errors");
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      self->n_load_errors_shown = load_errors->len;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-load-errors", load_errors->len > 0);
}

/* One file per call, at low priority: the window stays responsive while
 * the sidebar fills in. */
static gboolean
load_next_roadmap (gpointer user_data)
{
  RoadmapWindow *self = user_data;

  if (roadmap_session_load_next_roadmap (self->session))
    return G_SOURCE_CONTINUE;

  self->load_roadmaps_id = 0;
  show_new_load_errors (self);
  update_report_actions (self);
  update_hidden_action (self);
  if (roadmap_session_get_store (self->session) != NULL)
    roadmap_track_files_watch (self->track_files);
  return G_SOURCE_REMOVE;
}

static void
on_first_frame (GdkFrameClock *frame_clock,
                RoadmapWindow *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame, self);
  /* Not before: EDS is not loaded for the first frame */
  if (self->sync_runner != NULL)
    roadmap_sync_runner_start (self->sync_runner);
  if (roadmap_session_get_n_pending (self->session) == 0)
    {
      if (roadmap_session_get_store (self->session) != NULL)
        roadmap_track_files_watch (self->track_files);
      return;
    }
  if (self->load_roadmaps_id == 0)
    self->load_roadmaps_id = g_idle_add_full (G_PRIORITY_LOW, load_next_roadmap, self, NULL);
}

static void
on_realize (RoadmapWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_realize, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_frame), self, 0);
}

static void
restore_state (RoadmapWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running from the build tree without the schema compiled is allowed:
   * the window then simply does not remember. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return;

  self->settings = g_settings_new (APP_ID);
  roadmap_board_set_settings (self->board, self->settings);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static GtkListBoxRow *
find_track_row (RoadmapWindow *self,
                const char    *track_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->track_list, i)) != NULL; i++)
    {
      if (g_strcmp0 (roadmap_track_get_id (roadmap_track_row_get_track (ROADMAP_TRACK_ROW (row))), track_id) == 0)
        return row;
    }

  return NULL;
}

/**
 * roadmap_window_new:
 * @store_error: (nullable): why the progress database could not be opened
 */
RoadmapWindow *
roadmap_window_new (RoadmapApplication *application,
                    RoadmapSession     *session,
                    const GError       *store_error)
{
  RoadmapWindow *self;
  RoadmapCatalog *catalog;
  RoadmapStore *store;

  g_return_val_if_fail (ROADMAP_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ROADMAP_IS_SESSION (session), NULL);

  self = g_object_new (ROADMAP_TYPE_WINDOW, "application", application, NULL);
  self->session = g_object_ref (session);
  catalog = roadmap_session_get_catalog (session);
  store = roadmap_session_get_store (session);

  restore_state (self);
  g_signal_connect_object (session, "notify::can-undo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::can-redo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  update_undo_actions (self);
  {
    g_autoptr(RoadmapSearch) search = roadmap_search_new (roadmap_session_get_catalog (session));

    roadmap_search_panel_set_search (self->search_panel, search);
  }
  if (store != NULL)
    {
      roadmap_board_set_session (self->board, session);
      g_signal_connect_object (session, "command-done", G_CALLBACK (on_command_done),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "command-failed", G_CALLBACK (on_command_failed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "outside-changed", G_CALLBACK (on_outside_changed),
                               self, G_CONNECT_SWAPPED);
      /* Another process's commit shows within a second, and at once when
       * the window comes back to the front. */
      roadmap_session_watch (session, OUTSIDE_CHANGES_INTERVAL_MS);
      g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed), NULL);
      roadmap_up_next_view_set_catalog (self->up_next, catalog);
    }
  if (store != NULL && !roadmap_store_is_read_only (store))
    {
      self->sync_runner = roadmap_sync_runner_new (G_APPLICATION (application), session);
      g_signal_connect_object (self->sync_runner, "round-ended", G_CALLBACK (on_sync_round_ended),
                               self, G_CONNECT_SWAPPED);
      roadmap_sync_indicator_set_runner (self->sync_indicator, self->sync_runner);
    }
  gtk_list_box_bind_model (self->track_list, G_LIST_MODEL (catalog),
                           create_track_row, self, NULL);
  g_signal_connect_object (catalog, "items-changed", G_CALLBACK (on_tracks_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (catalog, "hidden-changed", G_CALLBACK (update_hidden_action), self,
                           G_CONNECT_SWAPPED);
  update_hidden_action (self);

  self->track_files = roadmap_track_files_new (GTK_WINDOW (self), session, self->toast_overlay);
  g_signal_connect_object (self->track_files, "track-added", G_CALLBACK (on_track_added), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->track_files, "folder-changed", G_CALLBACK (on_folder_changed), self,
                           G_CONNECT_SWAPPED);
  if (store != NULL)
    {
      GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

      g_signal_connect_object (drop, "drop", G_CALLBACK (on_file_dropped), self, 0);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
    }
  else
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-roadmap", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-track", FALSE);
    }

  if (store_error != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (store_error->message, -1);

      adw_status_page_set_description (self->error_page, escaped);
      /* Icons of pages not shown would still be loaded at start-up (a
       * large SVG, and librsvg with it): set them only when needed. */
      adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", FALSE);
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (catalog)) == 0)
    {
      update_empty_page (self);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  else if (store != NULL && !roadmap_store_is_read_only (store) && roadmap_store_is_untouched (store))
    {
      show_welcome (self);
    }
  else
    {
      g_autofree char *last = self->settings != NULL ? g_settings_get_string (self->settings, "last-track") : NULL;
      GtkListBoxRow *row = find_track_row (self, last);

      if (row == NULL)
        row = gtk_list_box_get_row_at_index (self->track_list, 0);
      gtk_list_box_select_row (self->track_list, row);
      /* Folded (narrow), open on the board rather than the list. */
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
    }

  show_new_load_errors (self);
  update_report_actions (self);

  /* Roadmaps the session left for later (RoadmapApplication loads only the
   * track shown first): after the first frame, one file per idle. */
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);

  /* Messages the user must see: they stay until dismissed */
  for (guint i = 0; store != NULL && i < 3; i++)
    {
      const char *message = i == 0 ? roadmap_store_get_recovery_message (store)
                            : i == 1 ? roadmap_store_get_backup_warning (store)
                            : roadmap_store_is_read_only (store)
                              ? _("This progress database is read-only: you can look, but no change can be saved")
                              : NULL;
      g_autofree char *escaped = NULL;
      AdwToast *toast;

      if (message == NULL)
        continue;
      escaped = g_markup_escape_text (message, -1);
      toast = adw_toast_new (escaped);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  return self;
}

/**
 * roadmap_window_get_board:
 *
 * Returns: (transfer none): the board
 */
RoadmapBoard *
roadmap_window_get_board (RoadmapWindow *self)
{
  g_return_val_if_fail (ROADMAP_IS_WINDOW (self), NULL);
  return self->board;
}

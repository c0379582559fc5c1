/* roadmap-track-files.c
 *
 * What the window does with tracks as roadmap files, through the
 * session's track commands (roadmap-session-tracks.c): each is one undo
 * step, told by the window's toast with Undo. Here are the questions
 * asked first and the failures told, in dialogs:
 *
 * - Import reads the file on a worker thread (roadmap_file_read(): a
 *   regular file of at most ROADMAP_JSON_MAX_SIZE bytes, never a pipe or
 *   a device) and checks it there, telling every problem at once;
 *   nothing changes until the file is good, and a track id that exists
 *   asks before it is replaced.
 * - Export writes the track as loaded, atomically.
 * - Remove and Revert to Original ask first.
 * - The user's roadmap folder is watched: a file another process (the
 *   command line, a second window) adds, changes or removes is read again
 *   within a second.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-file-reader.h"
#include "roadmap-file-writer.h"
#include "roadmap-json-reader.h"
#include "roadmap-loader.h"
#include "roadmap-track-files.h"
#include "roadmap-writer.h"

/* How long the folder stays quiet before it is read again: a burst of
 * events (a write, then its rename) is read once */
#define RESCAN_DELAY_MS 150

struct _RoadmapTrackFiles
{
  GObject parent_instance;

  GtkWindow *window;            /* (weak) */
  AdwToastOverlay *toasts;      /* (weak) */
  RoadmapSession *session;

  GtkFileChooserNative *chooser;  /* while one asks */
  GCancellable *cancellable;      /* the imports reading */
  guint n_reading;
  GFileMonitor *monitor;
  guint rescan_id;
};

G_DEFINE_FINAL_TYPE (RoadmapTrackFiles, roadmap_track_files, G_TYPE_OBJECT)

enum
{
  TRACK_ADDED,
  FOLDER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
roadmap_track_files_dispose (GObject *object)
{
  RoadmapTrackFiles *self = ROADMAP_TRACK_FILES (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->rescan_id, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->toasts);

  G_OBJECT_CLASS (roadmap_track_files_parent_class)->dispose (object);
}

static void
roadmap_track_files_finalize (GObject *object)
{
  RoadmapTrackFiles *self = ROADMAP_TRACK_FILES (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (roadmap_track_files_parent_class)->finalize (object);
}

static void
roadmap_track_files_class_init (RoadmapTrackFilesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = roadmap_track_files_dispose;
  object_class->finalize = roadmap_track_files_finalize;

  /**
   * RoadmapTrackFiles::track-added:
   * @track_id: the track imported
   *
   * An import added or replaced a track, for the window to show it.
   */
  signals[TRACK_ADDED] = g_signal_new ("track-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RoadmapTrackFiles::folder-changed:
   * @n_changed: how many tracks were added, changed or removed
   *
   * The roadmap folder was read again after another process changed it:
   * the catalog holds what it holds now, its load errors included.
   */
  signals[FOLDER_CHANGED] = g_signal_new ("folder-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
roadmap_track_files_init (RoadmapTrackFiles *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * roadmap_track_files_new:
 * @window: what the dialogs belong to
 * @toasts: where the confirmations show
 */
RoadmapTrackFiles *
roadmap_track_files_new (GtkWindow       *window,
                         RoadmapSession  *session,
                         AdwToastOverlay *toasts)
{
  RoadmapTrackFiles *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (ROADMAP_IS_SESSION (session), NULL);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toasts), NULL);

  self = g_object_new (ROADMAP_TYPE_TRACK_FILES, NULL);
  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->toasts, toasts);
  self->session = g_object_ref (session);
  return self;
}

static void
add_toast (RoadmapTrackFiles *self,
           const char        *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  if (self->toasts != NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
}

/* A dialog that tells what went wrong, with one response, Close */
static void
show_failure (RoadmapTrackFiles *self,
              const char        *heading,
              const char        *message)
{
  GtkWidget *dialog;

  if (self->window == NULL)
    return;
  dialog = adw_message_dialog_new (self->window, heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A question with Cancel (the default) and a destructive @verb; @done
 * runs on that answer, with the track's id */
static void
ask (RoadmapTrackFiles *self,
     const char        *heading,
     const char        *body,
     const char        *verb,
     const char        *track_id,
     GCallback          done)
{
  GtkWidget *dialog;

  if (self->window == NULL)
    return;
  dialog = adw_message_dialog_new (self->window, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", verb,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "roadmap-track-id", g_strdup (track_id), g_free);
  g_signal_connect_object (dialog, "response::confirm", done, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The track a dialog asked about, if it is still there */
static RoadmapTrack *
dialog_track (RoadmapTrackFiles *self,
              GtkWidget         *dialog)
{
  return roadmap_catalog_find_track (roadmap_session_get_catalog (self->session),
                                     g_object_get_data (G_OBJECT (dialog), "roadmap-track-id"));
}

/* Import: read and checked on a worker thread */

typedef struct
{
  GFile *file;
  char *name;           /* the file's name, for the messages */
  GBytes *contents;
  GPtrArray *problems;  /* "JSON path: message", or why it could not be read */
  RoadmapTrack *track;  /* what it holds, when it holds no problem */
} Import;

static void
import_free (gpointer data)
{
  Import *import = data;

  g_object_unref (import->file);
  g_free (import->name);
  g_clear_pointer (&import->contents, g_bytes_unref);
  g_ptr_array_unref (import->problems);
  g_clear_object (&import->track);
  g_free (import);
}

static void
read_import (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Import *import = task_data;
  g_autoptr(GError) error = NULL;

  import->contents = roadmap_file_read (import->file, ROADMAP_JSON_MAX_SIZE, &error);
  if (import->contents == NULL)
    g_ptr_array_add (import->problems, g_strdup (error->message));
  else
    import->track = roadmap_loader_check_bytes (import->contents, import->name, import->problems, NULL);
  g_task_return_boolean (task, TRUE);
}

/* The dialog listing each problem of a file that was not imported */
static void
show_problems (RoadmapTrackFiles *self,
               Import            *import)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *list = NULL;
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  if (self->window == NULL)
    return;

  g_ptr_array_add (import->problems, NULL);
  list = g_strjoinv ("\n", (char **) import->problems->pdata);
  g_ptr_array_remove_index (import->problems, import->problems->len - 1);

  /* Translators: a dialog's heading; %s is a file name */
  heading = g_strdup_printf (_("Could Not Import “%s”"), import->name);
  body = g_strdup_printf (ngettext ("Nothing was changed. Mend this problem and import the file again.",
                                    "Nothing was changed. Mend these %u problems and import the file again.",
                                    import->problems->len),
                          import->problems->len);
  dialog = adw_message_dialog_new (self->window, heading, body);

  /* Each problem on a line of its own, which can be selected and copied */
  label = gtk_label_new (list);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "import-problems");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_import (RoadmapTrackFiles *self,
            Import            *import,
            gboolean           replace)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *track_id = NULL;

  if (!roadmap_session_add_roadmap (self->session, import->contents, import->name, replace, &track_id, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), import->name);

      show_failure (self, heading, error->message);
      return;
    }
  g_signal_emit (self, signals[TRACK_ADDED], 0, track_id);
}

static void
on_replace_chosen (RoadmapTrackFiles *self,
                   const char        *response,
                   AdwMessageDialog  *dialog)
{
  Import *import = g_object_get_data (G_OBJECT (dialog), "roadmap-import");

  add_import (self, import, TRUE);
}

static void
on_import_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RoadmapTrackFiles *self = ROADMAP_TRACK_FILES (source);
  Import *import = g_task_get_task_data (G_TASK (result));
  RoadmapTrack *existing;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  self->n_reading--;
  if (g_task_had_error (G_TASK (result)) || g_cancellable_is_cancelled (self->cancellable))
    return;

  if (import->track == NULL)
    {
      show_problems (self, import);
      return;
    }

  existing = roadmap_catalog_find_track (roadmap_session_get_catalog (self->session),
                                         roadmap_track_get_id (import->track));
  if (existing == NULL)
    {
      add_import (self, import, FALSE);
      return;
    }
  if (self->window == NULL)
    return;

  /* Translators: a question; %s is a track's title */
  heading = g_strdup_printf (_("Replace “%s”?"), roadmap_track_get_title (existing));
  body = g_strdup_printf (roadmap_track_get_source (existing) == NULL
                            /* Translators: %s is a file name */
                            ? _("%s holds a track of the same id as this bundled one. It will stand in for it; “Revert to Original” in the track’s menu brings the bundled track back. The progress of every skill whose id remains is kept.")
                            : _("%s holds a track of the same id as this one, which it will replace. The progress of every skill whose id remains is kept; Undo puts the previous track back."),
                          import->name);
  dialog = adw_message_dialog_new (self->window, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The dialog keeps what was read: the answer imports it, as read */
  g_object_set_data_full (G_OBJECT (dialog), "roadmap-import", g_task_get_task_data (G_TASK (result)), NULL);
  g_object_set_data_full (G_OBJECT (dialog), "roadmap-task", g_object_ref (result), g_object_unref);
  g_signal_connect_object (dialog, "response::replace", G_CALLBACK (on_replace_chosen), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * roadmap_track_files_import_file:
 *
 * Imports @file (chosen, or dropped on the window): read and checked
 * without blocking, each problem told, an existing track replaced only
 * when the learner says so.
 */
void
roadmap_track_files_import_file (RoadmapTrackFiles *self,
                                 GFile             *file)
{
  g_autoptr(GTask) task = NULL;
  Import *import;

  g_return_if_fail (ROADMAP_IS_TRACK_FILES (self));
  g_return_if_fail (G_IS_FILE (file));

  import = g_new0 (Import, 1);
  import->file = g_object_ref (file);
  import->name = g_file_get_basename (file);
  import->problems = g_ptr_array_new_with_free_func (g_free);

  task = g_task_new (self, self->cancellable, on_import_read, NULL);
  g_task_set_source_tag (task, roadmap_track_files_import_file);
  g_task_set_task_data (task, import, import_free);
  self->n_reading++;
  g_task_run_in_thread (task, read_import);
}

static GtkFileFilter *
roadmap_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Roadmap Files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
on_import_response (RoadmapTrackFiles *self,
                    int                response,
                    GtkNativeDialog   *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    roadmap_track_files_import_file (self, file);
}

/**
 * roadmap_track_files_import:
 *
 * "Import Roadmap…": asks for the file (through the file chooser portal
 * where there is one), then roadmap_track_files_import_file().
 */
void
roadmap_track_files_import (RoadmapTrackFiles *self)
{
  g_autoptr(GtkFileFilter) filter = roadmap_filter ();

  g_return_if_fail (ROADMAP_IS_TRACK_FILES (self));

  if (self->chooser != NULL || self->window == NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import Roadmap"), self->window,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_import_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_export_response (RoadmapTrackFiles *self,
                    int                response,
                    GtkNativeDialog   *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *track_id = g_strdup (g_object_get_data (G_OBJECT (chooser), "roadmap-track-id"));
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  RoadmapTrack *track;
  gsize length;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  track = roadmap_catalog_find_track (roadmap_session_get_catalog (self->session), track_id);
  if (file == NULL || track == NULL)
    return;

  /* A few kilobytes, written atomically: the file is whole or as it was */
  data = roadmap_writer_to_data (track, &length);
  name = g_file_get_basename (file);
  if (!roadmap_file_write_contents (file, data, length, ROADMAP_FILE_WRITER_NONE, &error))
    {
      /* Translators: a dialog's heading; %s is a track's title */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), roadmap_track_get_title (track));

      show_failure (self, heading, error->message);
      return;
    }

  /* Translators: a toast; the first %s is a track's title, the second a file name */
  title = g_strdup_printf (_("Exported “%s” to %s"), roadmap_track_get_title (track), name);
  add_toast (self, title);
}

/**
 * roadmap_track_files_export:
 *
 * "Export Roadmap…": writes @track, the learner's edits included, as a
 * roadmap file that import (and `roadmap --validate`) takes.
 */
void
roadmap_track_files_export (RoadmapTrackFiles *self,
                            RoadmapTrack      *track)
{
  g_autoptr(GtkFileFilter) filter = roadmap_filter ();
  g_autofree char *name = NULL;

  g_return_if_fail (ROADMAP_IS_TRACK_FILES (self));
  g_return_if_fail (ROADMAP_IS_TRACK (track));

  if (self->chooser != NULL || self->window == NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Roadmap"), self->window,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = g_strconcat (roadmap_track_get_id (track), ".json", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data_full (G_OBJECT (self->chooser), "roadmap-track-id",
                          g_strdup (roadmap_track_get_id (track)), g_free);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_revert_chosen (RoadmapTrackFiles *self,
                  const char        *response,
                  GtkWidget         *dialog)
{
  RoadmapTrack *track = dialog_track (self, dialog);
  g_autoptr(GError) error = NULL;

  if (track == NULL || roadmap_session_revert_track (self->session, track, &error))
    return;

  show_failure (self, _("Could Not Revert"), error->message);
}

/**
 * roadmap_track_files_revert:
 *
 * "Revert to Original…": asks, then removes the learner's copy of a
 * bundled track.
 */
void
roadmap_track_files_revert (RoadmapTrackFiles *self,
                            RoadmapTrack      *track)
{
  g_autofree char *heading = NULL;

  g_return_if_fail (ROADMAP_IS_TRACK_FILES (self));
  g_return_if_fail (ROADMAP_IS_TRACK (track));

  /* Translators: a question; %s is a track's title */
  heading = g_strdup_printf (_("Revert “%s” to the Original?"), roadmap_track_get_title (track));
  ask (self, heading,
       _("Your copy of the track and its edits are removed and the bundled track is back. The progress of every skill stays, that of skills your copy dropped included."),
       _("_Revert"), roadmap_track_get_id (track), G_CALLBACK (on_revert_chosen));
}

static void
on_remove_chosen (RoadmapTrackFiles *self,
                  const char        *response,
                  GtkWidget         *dialog)
{
  RoadmapTrack *track = dialog_track (self, dialog);
  g_autoptr(GError) error = NULL;

  if (track == NULL || roadmap_session_remove_track (self->session, track, &error))
    return;

  show_failure (self, _("Could Not Remove the Track"), error->message);
}

/**
 * roadmap_track_files_remove:
 *
 * "Remove Track…": asks, then removes the learner's own track's file or
 * hides any other track. The progress stays either way.
 */
void
roadmap_track_files_remove (RoadmapTrackFiles *self,
                            RoadmapTrack      *track)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *heading = NULL;
  const char *body;

  g_return_if_fail (ROADMAP_IS_TRACK_FILES (self));
  g_return_if_fail (ROADMAP_IS_TRACK (track));

  file = roadmap_session_get_own_file (self->session, track);
  if (file != NULL && roadmap_catalog_get_original (roadmap_session_get_catalog (self->session),
                                                    roadmap_track_get_id (track)) == NULL)
    body = _("Its file is removed from your roadmap folder. Its progress stays: importing the file again brings it back.");
  else
    body = _("The track is hidden from the sidebar, the search and the reports. Its progress stays: “Show Hidden Tracks” in the main menu brings it back.");

  /* Translators: a question; %s is a track's title */
  heading = g_strdup_printf (_("Remove “%s”?"), roadmap_track_get_title (track));
  ask (self, heading, body, _("_Remove"), roadmap_track_get_id (track), G_CALLBACK (on_remove_chosen));
}

/* Show Hidden Tracks */

static void
on_show_clicked (RoadmapTrackFiles *self,
                 GtkButton         *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *dialog = gtk_widget_get_ancestor (list, GTK_TYPE_WINDOW);
  RoadmapTrack *track = dialog_track (self, GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (track == NULL)
    return;
  if (!roadmap_session_show_track (self->session, track, &error))
    {
      show_failure (self, _("Could Not Show the Track"), error->message);
      return;
    }

  gtk_list_box_remove (GTK_LIST_BOX (list), row);
  if (gtk_widget_get_first_child (list) == NULL)
    gtk_window_close (GTK_WINDOW (dialog));
  else
    gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD);
}

/**
 * roadmap_track_files_show_hidden:
 *
 * "Show Hidden Tracks…": the tracks removed from the sidebar, each with
 * a button that brings it back.
 */
void
roadmap_track_files_show_hidden (RoadmapTrackFiles *self)
{
  g_autoptr(GPtrArray) hidden = NULL;
  GtkWidget *dialog;
  GtkWidget *list;

  g_return_if_fail (ROADMAP_IS_TRACK_FILES (self));

  hidden = roadmap_catalog_get_hidden_tracks (roadmap_session_get_catalog (self->session));
  if (self->window == NULL || hidden->len == 0)
    return;

  dialog = adw_message_dialog_new (self->window, _("Hidden Tracks"),
                                   _("Tracks removed from the sidebar. Their progress was kept."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < hidden->len; i++)
    {
      RoadmapTrack *track = g_ptr_array_index (hidden, i);
      g_autofree char *escaped = g_markup_escape_text (roadmap_track_get_title (track), -1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Show"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* Translators: the accessible name of a hidden track's Show button */
      {
        g_autofree char *name = g_strdup_printf (_("Show “%s”"), roadmap_track_get_title (track));

        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      }
      g_object_set_data_full (G_OBJECT (button), "roadmap-track-id", g_strdup (roadmap_track_get_id (track)),
                              g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_show_clicked), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The folder, watched */

static gboolean
rescan (gpointer user_data)
{
  RoadmapTrackFiles *self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  self->rescan_id = 0;
  if (!roadmap_session_rescan_roadmaps (self->session, &n_changed, &error))
    g_warning ("Could not read the roadmap folder again: %s", error->message);
  g_signal_emit (self, signals[FOLDER_CHANGED], 0, n_changed);
  return G_SOURCE_REMOVE;
}

static void
on_folder_changed (RoadmapTrackFiles *self,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   GFileMonitor      *monitor)
{
  /* Attributes alone (a touch, a mode) change no roadmap */
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT)
    return;
  g_clear_handle_id (&self->rescan_id, g_source_remove);
  self->rescan_id = g_timeout_add (RESCAN_DELAY_MS, rescan, self);
}

/**
 * roadmap_track_files_watch:
 *
 * Watches the user's roadmap folder from now on, made first when it is
 * not there (a folder that does not exist would be looked for only every
 * few seconds): another process's import, edit or removal shows within a
 * second.
 */
void
roadmap_track_files_watch (RoadmapTrackFiles *self)
{
  GFile *dir;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ROADMAP_IS_TRACK_FILES (self));

  if (self->monitor != NULL)
    return;

  dir = roadmap_session_get_user_roadmap_dir (self->session);
  if (!g_file_make_directory_with_parents (dir, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_debug ("Not watching the roadmap folder %s: %s", g_file_peek_path (dir), error->message);
      return;
    }
  g_clear_error (&error);

  self->monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching the roadmap folder %s: %s", g_file_peek_path (dir), error->message);
      return;
    }
  g_file_monitor_set_rate_limit (self->monitor, RESCAN_DELAY_MS);
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_folder_changed), self, G_CONNECT_SWAPPED);
}

/**
 * roadmap_track_files_is_busy:
 *
 * Returns: whether a file chooser is open or an import is being read
 */
gboolean
roadmap_track_files_is_busy (RoadmapTrackFiles *self)
{
  g_return_val_if_fail (ROADMAP_IS_TRACK_FILES (self), FALSE);
  return self->chooser != NULL || self->n_reading > 0;
}

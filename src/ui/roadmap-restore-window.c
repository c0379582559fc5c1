/* roadmap-restore-window.c — "Restore…": a daily backup or a file, then
 * what it would change, then all of it or nothing
 *
 *   a row of the daily backups, or "Choose a File…" (the file chooser)
 *     → the backup is read and checked on a worker thread (a large file
 *       never freezes the window); a file that fails says why
 *     → the session counts what restoring it changes (a dialog: "12
 *       skills change status, 3 notes change"); nothing is written yet
 *     → Restore: one command of the session, one change, one undo step;
 *       the window's toast offers Undo
 *
 * The worker reads only its file (a progress file, or a daily copy of
 * the database opened read-only): the session and its model stay on the
 * main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-progress-file.h"
#include "roadmap-restore-window.h"
#include "roadmap-window-fit.h"

struct _RoadmapRestoreWindow
{
  AdwPreferencesWindow parent_instance;

  RoadmapSession *session;
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;

  GtkListBox *backups_list;
  AdwActionRow *file_row;
  /* While a backup is read: the row it was chosen from, to give the
   * focus back to */
  GtkWidget *busy_focus;
};

G_DEFINE_FINAL_TYPE (RoadmapRestoreWindow, roadmap_restore_window, ADW_TYPE_PREFERENCES_WINDOW)

/* What a worker reads: one of the two */
typedef struct
{
  char *backup_path;
  GFile *file;
  /* For the dialogs and the toast: "the backup of 30 November" */
  char *source_name;
} Source;

static void
source_free (gpointer data)
{
  Source *source = data;

  g_free (source->backup_path);
  g_clear_object (&source->file);
  g_free (source->source_name);
  g_free (source);
}

/* Helpers */

/* The rows wait while a backup is read; the focus goes back where it was */
static void
set_busy (RoadmapRestoreWindow *self,
          gboolean              busy)
{
  if (busy)
    g_set_weak_pointer (&self->busy_focus, gtk_root_get_focus (GTK_ROOT (self)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->backups_list), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->file_row), !busy);
  if (!busy && self->busy_focus != NULL)
    gtk_widget_grab_focus (self->busy_focus);
  if (!busy)
    g_clear_weak_pointer (&self->busy_focus);
}

static void
show_message (RoadmapRestoreWindow *self,
              const char           *heading,
              const char           *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "Today", "Yesterday", "Monday, 30 November": the learner's own days */
static char *
dup_day_label (GDateTime *taken)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *day = g_date_time_format (taken, "%F");
  g_autofree char *today_day = g_date_time_format (now, "%F");
  g_autofree char *yesterday_day = g_date_time_format (yesterday, "%F");

  if (g_str_equal (day, today_day))
    return g_strdup (_("Today"));
  if (g_str_equal (day, yesterday_day))
    return g_strdup (_("Yesterday"));
  /* Translators: a backup's day, a g_date_time_format() format:
   * "Monday, 30 November" */
  return g_date_time_format (taken, _("%A, %-d %B"));
}

static GDateTime *
taken_at (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                                                 NULL, NULL);

  if (info == NULL)
    return NULL;
  return g_date_time_new_from_unix_local ((gint64) g_file_info_get_attribute_uint64 (info,
                                                                                     G_FILE_ATTRIBUTE_TIME_MODIFIED));
}

static void
add_backup_row (RoadmapRestoreWindow *self,
                const char           *path)
{
  g_autoptr(GDateTime) taken = taken_at (path);
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *date = NULL;
  GtkWidget *row;
  GtkWidget *arrow;

  if (taken == NULL)
    return;

  day = dup_day_label (taken);
  /* Translators: the time of day a backup was taken, a g_date_time_format() format */
  time = g_date_time_format (taken, _("%H:%M"));
  /* Translators: under a backup's day; %s is the time, "14:05" */
  subtitle = g_strdup_printf (_("Taken at %s"), time);
  /* Translators: a g_date_time_format() format, in "Restored progress
   * from the backup of 30 November" */
  date = g_date_time_format (taken, _("%-d %B"));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Restore"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "roadmap-backup-path", g_strdup (path), g_free);
  /* Translators: names a daily backup in toasts; %s is "30 November" */
  g_object_set_data_full (G_OBJECT (row), "roadmap-source-name",
                          g_strdup_printf (_("the backup of %s"), date), g_free);
  gtk_list_box_append (self->backups_list, row);
}

static void
fill_backups (RoadmapRestoreWindow *self)
{
  RoadmapStore *store = roadmap_session_get_store (self->session);
  g_autoptr(GPtrArray) paths = store != NULL ? roadmap_store_list_backups (store) : NULL;

  for (guint i = 0; paths != NULL && i < paths->len; i++)
    add_backup_row (self, g_ptr_array_index (paths, i));

  if (gtk_widget_get_first_child (GTK_WIDGET (self->backups_list)) == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No daily backups yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("The first is taken the next time Roadmap opens your progress."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->backups_list, row);
    }
}

/* A line for @n changes, none for 0 */
static void G_GNUC_PRINTF (3, 4)
append_line (GString    *text,
             guint       n,
             const char *format,
             ...)
{
  va_list args;

  if (n == 0)
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
}

/* "3 skills change status\n1 note changes" */
static char *
describe_diff (const RoadmapProgressDiff *diff)
{
  GString *text = g_string_new (NULL);

  append_line (text, diff->n_statuses,
               /* Translators: a line of the restore preview */
               ngettext ("%u skill changes status", "%u skills change status", diff->n_statuses), diff->n_statuses);
  append_line (text, diff->n_notes,
               /* Translators: a line of the restore preview; a note is written, replaced or removed */
               ngettext ("%u note changes", "%u notes change", diff->n_notes), diff->n_notes);
  append_line (text, diff->n_topics,
               /* Translators: a line of the restore preview */
               ngettext ("%u skill changes its ticked topics", "%u skills change their ticked topics",
                         diff->n_topics), diff->n_topics);
  append_line (text, diff->n_preferences,
               /* Translators: a line of the restore preview */
               ngettext ("%u preference changes", "%u preferences change", diff->n_preferences), diff->n_preferences);
  append_line (text, diff->n_plans,
               /* Translators: a line of the restore preview; a track's plan set, changed or removed */
               ngettext ("%u plan changes", "%u plans change", diff->n_plans), diff->n_plans);
  append_line (text, diff->n_roadmaps_added,
               /* Translators: a line of the restore preview; one of the learner's own roadmap files */
               ngettext ("%u roadmap added", "%u roadmaps added", diff->n_roadmaps_added), diff->n_roadmaps_added);
  append_line (text, diff->n_roadmaps_replaced,
               /* Translators: a line of the restore preview; one of the learner's own roadmap files */
               ngettext ("%u roadmap replaced", "%u roadmaps replaced", diff->n_roadmaps_replaced),
               diff->n_roadmaps_replaced);
  append_line (text, diff->n_other,
               /* Translators: a line of the restore preview */
               ngettext ("%u skill changes only its place or dates", "%u skills change only their place or dates",
                         diff->n_other), diff->n_other);

  return g_string_free (text, FALSE);
}

/* Restoring */

static gboolean
destroy_window (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_preview_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  RoadmapRestoreWindow *self = ROADMAP_RESTORE_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  RoadmapProgressData *data = g_object_get_data (G_OBJECT (dialog), "roadmap-data");
  const char *source_name = g_object_get_data (G_OBJECT (dialog), "roadmap-source-name");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "restore"))
    return;

  if (!roadmap_session_restore (self->session, data, source_name, &error))
    {
      show_message (self, _("Restore Failed"), error->message);
      return;
    }

  /* The window's toast says it, with Undo. Closed once the dialog,
   * whose response this is, is gone. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window, g_object_ref (self), g_object_unref);
}

static void
preview (RoadmapRestoreWindow *self,
         RoadmapProgressData  *data,
         const char           *source_name)
{
  RoadmapProgressDiff diff;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!roadmap_session_preview_restore (self->session, data, &diff, &error))
    {
      show_message (self, _("Restore Failed"), error->message);
      return;
    }

  changes = describe_diff (&diff);
  if (changes[0] == '\0')
    {
      show_message (self, _("Nothing to Restore"), _("This backup holds just what you have now."));
      return;
    }

  /* Translators: %s names the backup: a file name, or "the backup of 30 November" */
  heading = g_strdup_printf (_("Restore From %s?"), source_name);
  /* Translators: %s is the list of changes, one per line */
  body = g_strdup_printf (_("%s\n\nUndo brings back what you have now."), changes);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "roadmap-data", g_object_ref (data), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "roadmap-source-name", g_strdup (source_name), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_preview_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reading, on a worker thread */

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Source *source = task_data;
  RoadmapProgressData *data;
  GError *error = NULL;

  if (source->backup_path != NULL)
    data = roadmap_progress_data_read_backup (source->backup_path, &error);
  else
    data = roadmap_progress_file_read (source->file, &error);

  if (data != NULL)
    g_task_return_pointer (task, data, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
on_read_done (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  RoadmapRestoreWindow *self = ROADMAP_RESTORE_WINDOW (source_object);
  Source *source = g_task_get_task_data (G_TASK (result));
  g_autoptr(RoadmapProgressData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;

  data = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (data == NULL)
    {
      /* Translators: %s names the backup: a file name, or "the backup of 30 November" */
      heading = g_strdup_printf (_("Cannot Restore From %s"), source->source_name);
      show_message (self, heading, error->message);
      return;
    }

  preview (self, data, source->source_name);
}

static void
start_read (RoadmapRestoreWindow *self,
            Source               *source)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_read_done, NULL);

  set_busy (self, TRUE);
  g_task_set_task_data (task, source, source_free);
  g_task_run_in_thread (task, read_thread);
}

/* Callbacks */

static void
on_backup_activated (RoadmapRestoreWindow *self,
                     GtkListBoxRow        *row,
                     GtkListBox           *list)
{
  const char *path = g_object_get_data (G_OBJECT (row), "roadmap-backup-path");
  Source *source;

  if (path == NULL)
    return;

  source = g_new0 (Source, 1);
  source->backup_path = g_strdup (path);
  source->source_name = g_strdup (g_object_get_data (G_OBJECT (row), "roadmap-source-name"));
  start_read (self, source);
}

static void
on_chooser_response (RoadmapRestoreWindow *self,
                     int                   response,
                     GtkNativeDialog      *chooser)
{
  g_autoptr(GFile) file = NULL;
  Source *source;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  source = g_new0 (Source, 1);
  source->file = g_object_ref (file);
  source->source_name = g_file_get_basename (file);
  start_read (self, source);
}

static void
on_file_row_activated (RoadmapRestoreWindow *self,
                       AdwActionRow         *row)
{
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Restore Progress"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (json, _("Progress Files"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), json);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

static void
roadmap_restore_window_realize (GtkWidget *widget)
{
  roadmap_window_fit_to_parent (GTK_WINDOW (widget));

  GTK_WIDGET_CLASS (roadmap_restore_window_parent_class)->realize (widget);
}

static void
roadmap_restore_window_dispose (GObject *object)
{
  RoadmapRestoreWindow *self = ROADMAP_RESTORE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->busy_focus);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (roadmap_restore_window_parent_class)->dispose (object);
}

static void
roadmap_restore_window_class_init (RoadmapRestoreWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_restore_window_dispose;
  widget_class->realize = roadmap_restore_window_realize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-restore-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapRestoreWindow, backups_list);
  gtk_widget_class_bind_template_child (widget_class, RoadmapRestoreWindow, file_row);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_file_row_activated);
}

static void
roadmap_restore_window_init (RoadmapRestoreWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * roadmap_restore_window_new:
 * @session: the session to restore into, with its store open
 */
GtkWidget *
roadmap_restore_window_new (GtkWindow      *parent,
                            RoadmapSession *session)
{
  RoadmapRestoreWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ROADMAP_IS_SESSION (session), NULL);

  self = g_object_new (ROADMAP_TYPE_RESTORE_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->session = g_object_ref (session);
  fill_backups (self);

  return GTK_WIDGET (self);
}

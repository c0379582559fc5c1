/* roadmap-sync-group.c — Preferences → Sync
 *
 * Sync is off until the learner turns it on with a task list. The lists
 * and the accounts a list of Roadmap's own can be made in are asked of
 * Evolution Data Server in the runner's thread; the rows follow the
 * runner (RoadmapSyncRunner::changed), so a round that starts by itself,
 * or a change made on the command line, shows here too. A failure says
 * what to do, with a button that does it where one can.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gdesktopappinfo.h>
#include <glib/gi18n.h>

#include "roadmap-sync-group.h"

struct _RoadmapSyncGroup
{
  AdwPreferencesGroup parent_instance;

  RoadmapSyncRunner *runner;
  GPtrArray *lists;          /* RoadmapSyncList, as list_row shows them */
  GPtrArray *accounts;       /* RoadmapSyncList */
  gboolean asked;            /* the lists were asked for */
  gboolean listed;           /* lists holds what EDS said */
  gboolean updating;         /* while the rows follow the runner */
  gboolean busy;             /* turning on or off, making a list */

  AdwActionRow *sync_row;
  GtkSwitch *sync_switch;
  AdwComboRow *list_row;
  GtkStringList *list_names;
  AdwActionRow *new_list_row;
  GtkMenuButton *new_list_button;
  GMenu *accounts_menu;
  AdwActionRow *status_row;
  GtkSpinner *spinner;
  GtkButton *sync_now_button;
  AdwActionRow *problem_row;
  GtkButton *fix_button;
};

G_DEFINE_FINAL_TYPE (RoadmapSyncGroup, roadmap_sync_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Takes @message */
static void
fail (RoadmapSyncGroup *self,
      char             *message)
{
  g_signal_emit (self, signals[FAILED], 0, message);
  g_free (message);
}

static const RoadmapSyncList *
selected_list (RoadmapSyncGroup *self)
{
  guint selected = adw_combo_row_get_selected (self->list_row);

  if (self->lists == NULL || selected >= self->lists->len)
    return NULL;
  return g_ptr_array_index (self->lists, selected);
}

static const char *
current_uid (RoadmapSyncGroup *self)
{
  const RoadmapSyncState *state = roadmap_sync_runner_get_state (self->runner);

  return state != NULL ? state->source_uid : NULL;
}

static char *
format_time (gint64 microseconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (microseconds / G_USEC_PER_SEC);

  /* Translators: when the last sync ended, a date and a time (see
   * g_date_time_format()) */
  return time != NULL ? g_date_time_format (time, _("%x, %H:%M")) : g_strdup ("");
}

static const RoadmapSyncList *
find_list (RoadmapSyncGroup *self,
           const char       *uid,
           guint            *position)
{
  for (guint i = 0; self->lists != NULL && uid != NULL && i < self->lists->len; i++)
    {
      const RoadmapSyncList *list = g_ptr_array_index (self->lists, i);

      if (g_strcmp0 (list->uid, uid) == 0)
        {
          if (position != NULL)
            *position = i;
          return list;
        }
    }
  return NULL;
}

/* The app that fixes a sign-in, when it is installed */
static GDesktopAppInfo *
settings_app (RoadmapSyncGroup *self)
{
  const RoadmapSyncList *list = find_list (self, current_uid (self), NULL);

  if (list == NULL || list->settings_app == NULL)
    return NULL;
  return g_desktop_app_info_new (list->settings_app);
}

static void
update_problem (RoadmapSyncGroup *self)
{
  const GError *error = roadmap_sync_runner_get_error (self->runner);
  const RoadmapSyncState *state = roadmap_sync_runner_get_state (self->runner);
  const char *fix = NULL;
  const char *hint = NULL;

  if (error == NULL || state == NULL || state->source_uid == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->problem_row), FALSE);
      return;
    }

  if (g_error_matches (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_SIGN_IN))
    {
      g_autoptr(GDesktopAppInfo) app = settings_app (self);

      hint = _("Sign in to the account again where it is set up, then sync");
      /* The button is the app's name: Online Accounts, Evolution */
      if (app != NULL)
        fix = g_app_info_get_name (G_APP_INFO (app));
    }
  else if (g_error_matches (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_CERTIFICATE))
    {
      hint = _("Trust it only if you know the server: one you set up yourself, or your organization’s");
      fix = _("_Trust Certificate");
    }
  else if (g_error_matches (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_OFFLINE))
    {
      hint = _("Check the network; the changes wait on this computer meanwhile");
      fix = _("_Try Again");
    }
  else if (g_error_matches (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_NO_LIST))
    hint = _("Choose another task list above");
  else
    {
      hint = _("Sync tries again by itself in a few minutes");
      fix = _("_Try Again");
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problem_row), error->message);
  adw_action_row_set_subtitle (self->problem_row, hint);
  gtk_widget_set_visible (GTK_WIDGET (self->fix_button), fix != NULL);
  if (fix != NULL)
    {
      /* An app's name carries no mnemonic */
      gtk_button_set_use_underline (self->fix_button, strchr (fix, '_') != NULL);
      gtk_button_set_label (self->fix_button, fix);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem_row), TRUE);
}

static void
update_status (RoadmapSyncGroup *self)
{
  const RoadmapSyncState *state = roadmap_sync_runner_get_state (self->runner);
  gboolean running = roadmap_sync_runner_get_running (self->runner);
  gboolean on = state != NULL && state->source_uid != NULL;
  g_autofree char *subtitle = NULL;

  if (running)
    subtitle = g_strdup (_("Syncing…"));
  else if (state == NULL || state->last_round_at == 0)
    subtitle = g_strdup (_("Never"));
  else if (roadmap_sync_runner_get_error (self->runner) != NULL)
    /* What went wrong is in the row below */
    subtitle = format_time (state->last_round_at);
  else
    {
      g_autofree char *when = format_time (state->last_round_at);

      /* Translators: when, then what the last sync found */
      subtitle = g_strdup_printf (_("%s — %s"), when,
                                  state->last_result != NULL ? state->last_result : "");
    }
  adw_action_row_set_subtitle (self->status_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_now_button), on && !running && !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), on);
}

/* The rows as the runner has it: the switch, the list in use */
static void
update (RoadmapSyncGroup *self)
{
  const char *uid = current_uid (self);
  guint position;

  self->updating = TRUE;
  gtk_switch_set_active (self->sync_switch, uid != NULL);
  if (find_list (self, uid, &position) != NULL)
    adw_combo_row_set_selected (self->list_row, position);
  self->updating = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_switch),
                            !self->busy && (uid != NULL || selected_list (self) != NULL));
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_row),
                            !self->busy && self->lists != NULL && self->lists->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_list_row), !self->busy);
  update_status (self);
  update_problem (self);
}

static void
fill_accounts (RoadmapSyncGroup *self)
{
  g_menu_remove_all (self->accounts_menu);
  for (guint i = 0; self->accounts != NULL && i < self->accounts->len; i++)
    {
      const RoadmapSyncList *account = g_ptr_array_index (self->accounts, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (account->name, NULL);

      g_menu_item_set_action_and_target (item, "sync.create-list", "s", account->uid);
      g_menu_append_item (self->accounts_menu, item);
    }
  /* Without such an account, the row says how to make one by hand */
  if (self->accounts != NULL && self->accounts->len > 0)
    {
      adw_action_row_set_subtitle (self->new_list_row,
                                   _("Makes a “Roadmap” list, so the skills do not mix with your own tasks"));
      gtk_widget_set_visible (GTK_WIDGET (self->new_list_button), TRUE);
    }
}

/* @problem: (nullable): why there are none */
static void
fill_lists (RoadmapSyncGroup *self,
            const char       *problem)
{
  const char *uid = current_uid (self);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  /* The list in use, even when EDS no longer shows it */
  if (self->listed && uid != NULL && find_list (self, uid, NULL) == NULL)
    {
      RoadmapSyncList *missing = g_new0 (RoadmapSyncList, 1);

      missing->uid = g_strdup (uid);
      /* Translators: a task list this computer no longer has; %s is its id */
      missing->name = g_strdup_printf (_("Missing list (%s)"), uid);
      missing->account = g_strdup ("");
      g_ptr_array_insert (self->lists, 0, missing);
    }

  for (guint i = 0; i < self->lists->len; i++)
    {
      const RoadmapSyncList *list = g_ptr_array_index (self->lists, i);

      g_ptr_array_add (names, list->account[0] != '\0'
                              /* Translators: a task list, then its account */
                              ? g_strdup_printf (_("%s (%s)"), list->name, list->account)
                              : g_strdup (list->name));
    }
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->list_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->list_names)),
                          (const char * const *) names->pdata);
  self->updating = FALSE;
  if (problem == NULL && self->lists->len == 0)
    problem = _("No task lists yet: add an account in Online Accounts or Evolution");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->list_row), problem != NULL ? problem : "");
  update (self);
}

static void
on_lists (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RoadmapSyncGroup) self = user_data;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *lists = roadmap_sync_runner_list_lists_finish (ROADMAP_SYNC_RUNNER (object), result,
                                                           &accounts, &error);

  if (lists == NULL)
    lists = g_ptr_array_new_with_free_func ((GDestroyNotify) roadmap_sync_list_free);
  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  self->lists = lists;
  self->accounts = g_steal_pointer (&accounts);
  self->listed = error == NULL;
  fill_accounts (self);
  fill_lists (self, error != NULL ? error->message : NULL);
}

static void
ask_lists (RoadmapSyncGroup *self)
{
  roadmap_sync_runner_list_lists (self->runner, on_lists, g_object_ref (self));
}

static void
on_turned (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RoadmapSyncGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (!roadmap_sync_runner_finish (ROADMAP_SYNC_RUNNER (object), result, &error))
    /* Translators: a toast; %s says why */
    fail (self, g_strdup_printf (_("Could not change sync. %s"), error->message));
  update (self);
}

static void
on_created (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RoadmapSyncGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (!roadmap_sync_runner_finish (ROADMAP_SYNC_RUNNER (object), result, &error))
    /* Translators: a toast; %s says why */
    fail (self, g_strdup_printf (_("Could not make the task list. %s"), error->message));
  /* The new list among the others, chosen */
  ask_lists (self);
  update (self);
}

static void
turn_on (RoadmapSyncGroup      *self,
         const RoadmapSyncList *list)
{
  self->busy = TRUE;
  roadmap_sync_runner_turn_on (self->runner, list->uid, on_turned, g_object_ref (self));
  update (self);
}

static void
on_sync_switch_active (RoadmapSyncGroup *self)
{
  const RoadmapSyncList *list = selected_list (self);

  if (self->updating || self->busy)
    return;

  if (!gtk_switch_get_active (self->sync_switch))
    {
      self->busy = TRUE;
      roadmap_sync_runner_turn_off (self->runner, on_turned, g_object_ref (self));
      update (self);
    }
  else if (list != NULL)
    turn_on (self, list);
  else
    update (self);
}

/* Another list while sync is on: sync goes on with that one */
static void
on_list_selected (RoadmapSyncGroup *self)
{
  const RoadmapSyncList *list = selected_list (self);

  if (self->updating || self->busy || list == NULL)
    return;
  if (current_uid (self) != NULL && g_strcmp0 (current_uid (self), list->uid) != 0)
    turn_on (self, list);
  else
    update (self);
}

static void
create_list_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RoadmapSyncGroup *self = ROADMAP_SYNC_GROUP (widget);

  if (self->busy)
    return;
  self->busy = TRUE;
  /* Translators: the name of the task list Roadmap makes for itself */
  roadmap_sync_runner_create_list (self->runner, g_variant_get_string (parameter, NULL), _("Roadmap"),
                                   on_created, g_object_ref (self));
  update (self);
}

static void
on_sync_now_clicked (RoadmapSyncGroup *self)
{
  roadmap_sync_runner_sync_now (self->runner);
}

static void
on_fix_clicked (RoadmapSyncGroup *self)
{
  const GError *error = roadmap_sync_runner_get_error (self->runner);

  if (g_error_matches (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_SIGN_IN))
    {
      g_autoptr(GDesktopAppInfo) app = settings_app (self);
      g_autoptr(GError) launch_error = NULL;
      g_autoptr(GdkAppLaunchContext) context =
        gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));

      if (app != NULL && !g_app_info_launch (G_APP_INFO (app), NULL, G_APP_LAUNCH_CONTEXT (context), &launch_error))
        /* Translators: a toast; %s says why */
        fail (self, g_strdup_printf (_("Could not open the account’s settings. %s"), launch_error->message));
    }
  else if (g_error_matches (error, ROADMAP_SYNC_ERROR, ROADMAP_SYNC_ERROR_CERTIFICATE))
    {
      self->busy = TRUE;
      roadmap_sync_runner_trust_certificate (self->runner, on_turned, g_object_ref (self));
      update (self);
    }
  else
    roadmap_sync_runner_sync_now (self->runner);
}

/* Asked for once the page is shown: Preferences opened for something
 * else loads neither the sync module nor EDS */
static void
roadmap_sync_group_map (GtkWidget *widget)
{
  RoadmapSyncGroup *self = ROADMAP_SYNC_GROUP (widget);

  GTK_WIDGET_CLASS (roadmap_sync_group_parent_class)->map (widget);
  if (!self->asked)
    {
      self->asked = TRUE;
      ask_lists (self);
    }
}

static void
roadmap_sync_group_dispose (GObject *object)
{
  RoadmapSyncGroup *self = ROADMAP_SYNC_GROUP (object);

  g_clear_object (&self->runner);
  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);

  G_OBJECT_CLASS (roadmap_sync_group_parent_class)->dispose (object);
}

static void
roadmap_sync_group_class_init (RoadmapSyncGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_sync_group_dispose;
  widget_class->map = roadmap_sync_group_map;

  /**
   * RoadmapSyncGroup::failed:
   * @message: what went wrong, for a toast
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-sync-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapSyncGroup, sync_row);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSyncGroup, sync_switch);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSyncGroup, list_row);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSyncGroup, list_names);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSyncGroup, new_list_row);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSyncGroup, new_list_button);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSyncGroup, accounts_menu);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSyncGroup, status_row);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSyncGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSyncGroup, sync_now_button);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSyncGroup, problem_row);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSyncGroup, fix_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_switch_active);
  gtk_widget_class_bind_template_callback (widget_class, on_list_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_now_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_fix_clicked);
  gtk_widget_class_install_action (widget_class, "sync.create-list", "s", create_list_activated);
}

static void
roadmap_sync_group_init (RoadmapSyncGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * roadmap_sync_group_new:
 * @runner: the window's
 */
GtkWidget *
roadmap_sync_group_new (RoadmapSyncRunner *runner)
{
  RoadmapSyncGroup *self;

  g_return_val_if_fail (ROADMAP_IS_SYNC_RUNNER (runner), NULL);

  self = g_object_new (ROADMAP_TYPE_SYNC_GROUP, NULL);
  self->runner = g_object_ref (runner);
  g_signal_connect_object (runner, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  self->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) roadmap_sync_list_free);
  update (self);
  return GTK_WIDGET (self);
}

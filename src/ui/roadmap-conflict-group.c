/* roadmap-conflict-group.c — the values of a skill that lost a sync
 * conflict (the other device's change was newer), read from the
 * database whenever it changes. Restore gives one back, as a change of
 * this computer's that then goes to the others; the value it replaces
 * takes its place here, so a second Restore goes back. Forget drops one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "roadmap-conflict-group.h"
#include "roadmap-loser-command.h"
#include "roadmap-store-sync.h"

/* How much of a note a row shows */
#define NOTE_PREVIEW_CHARS 80

struct _RoadmapConflictGroup
{
  AdwPreferencesGroup parent_instance;

  RoadmapSession *session;
  RoadmapSkill *skill;
  GPtrArray *rows;  /* AdwActionRow */
};

G_DEFINE_FINAL_TYPE (RoadmapConflictGroup, roadmap_conflict_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  RESTORED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
count_topics (const char *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, value, -1, NULL))
    return 0;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_ARRAY (root) ? json_array_get_length (json_node_get_array (root)) : 0;
}

/* The losing value, in words */
static char *
describe_value (const RoadmapSyncLoser *loser)
{
  switch (loser->field)
    {
    case ROADMAP_SYNC_FIELD_STATUS:
      {
        g_auto(GStrv) parts = g_strsplit (loser->value, " ", 2);
        RoadmapStatus status;

        if (!roadmap_status_from_string (parts[0], &status))
          return g_strdup (loser->value);
        /* Translators: %s is a status, such as Done */
        return g_strdup_printf (_("Status: %s"), roadmap_status_get_label (status));
      }
    case ROADMAP_SYNC_FIELD_NOTE:
      {
        g_autofree char *preview = NULL;

        if (loser->value[0] == '\0')
          return g_strdup (_("No note"));
        preview = g_utf8_substring (loser->value, 0, NOTE_PREVIEW_CHARS);
        g_strdelimit (preview, "\n\t\r", ' ');
        /* Translators: %s is the start of a note */
        return g_strdup_printf (g_utf8_strlen (loser->value, -1) > NOTE_PREVIEW_CHARS
                                ? _("Note: “%s…”") : _("Note: “%s”"), preview);
      }
    case ROADMAP_SYNC_FIELD_TOPICS:
      {
        guint n = count_topics (loser->value);

        return g_strdup_printf (ngettext ("%u topic ticked", "%u topics ticked", n), n);
      }
    case ROADMAP_SYNC_FIELD_POSITION:
    case ROADMAP_SYNC_N_FIELDS:
    default:
      return g_strdup (loser->value);
    }
}

static char *
describe_when (const RoadmapSyncLoser *loser)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (loser->stamp.modified / G_USEC_PER_SEC);
  g_autofree char *when = time != NULL ? g_date_time_format (time, _("%x, %H:%M")) : g_strdup ("");

  /* Translators: %s is a date and time */
  return g_strdup_printf (_("Set %s; a newer change won"), when);
}

static void
fail (RoadmapConflictGroup *self,
      const GError         *error)
{
  /* Translators: a toast; %s says why */
  g_autofree char *message = g_strdup_printf (_("Could not restore the value. %s"), error->message);

  g_signal_emit (self, signals[FAILED], 0, message);
}

static void
on_restore_clicked (GtkButton            *button,
                    RoadmapConflictGroup *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "loser-id");
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "field"));
  g_autoptr(RoadmapCommand) command = roadmap_loser_command_new (self->skill, id);
  g_autoptr(GError) error = NULL;

  if (!roadmap_session_run (self->session, command, &error))
    fail (self, error);
  else
    g_signal_emit (self, signals[RESTORED], 0, field);
  roadmap_conflict_group_refresh (self);
}

static void
on_forget_clicked (GtkButton            *button,
                   RoadmapConflictGroup *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "loser-id");
  g_autoptr(GError) error = NULL;

  if (!roadmap_store_sync_forget_loser (roadmap_session_get_store (self->session), id, &error))
    fail (self, error);
  roadmap_conflict_group_refresh (self);
}

static GtkWidget *
new_button (const RoadmapSyncLoser *loser,
            const char             *label,
            const char             *icon_name)
{
  GtkWidget *button = icon_name != NULL ? gtk_button_new_from_icon_name (icon_name)
                                        : gtk_button_new_with_mnemonic (label);
  gint64 *id = g_new (gint64, 1);

  *id = loser->id;
  g_object_set_data_full (G_OBJECT (button), "loser-id", id, g_free);
  g_object_set_data (G_OBJECT (button), "field", GUINT_TO_POINTER (loser->field));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (icon_name != NULL)
    {
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  return button;
}

static GtkWidget *
new_row (RoadmapConflictGroup   *self,
         const RoadmapSyncLoser *loser)
{
  g_autofree char *title = describe_value (loser);
  g_autofree char *subtitle = describe_when (loser);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *restore = new_button (loser, _("_Restore"), NULL);
  GtkWidget *forget = new_button (loser, _("Forget This Value"), "user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (restore, _("Make this the skill’s value again, on every device"));
  g_signal_connect_object (restore, "clicked", G_CALLBACK (on_restore_clicked), self, 0);
  g_signal_connect_object (forget, "clicked", G_CALLBACK (on_forget_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), forget);
  return row;
}

/**
 * roadmap_conflict_group_refresh:
 *
 * Reads the skill's losers again; hidden when there are none.
 */
void
roadmap_conflict_group_refresh (RoadmapConflictGroup *self)
{
  RoadmapStore *store;
  g_autoptr(GPtrArray) losers = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ROADMAP_IS_CONFLICT_GROUP (self));

  store = self->session != NULL ? roadmap_session_get_store (self->session) : NULL;
  if (store == NULL)
    return;
  losers = roadmap_store_sync_list_losers (store, roadmap_skill_get_track_id (self->skill),
                                           roadmap_skill_get_id (self->skill), &error);
  if (losers == NULL)
    {
      /* Shown as they were: read again on the next change */
      g_debug ("Could not read the conflicts of %s: %s", roadmap_skill_get_id (self->skill), error->message);
      return;
    }

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < losers->len; i++)
    {
      const RoadmapSyncLoser *loser = g_ptr_array_index (losers, i);
      GtkWidget *row;

      /* A place lost goes with the column: not one of its own to offer */
      if (loser->field == ROADMAP_SYNC_FIELD_POSITION)
        continue;
      row = new_row (self, loser);
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}

static void
roadmap_conflict_group_dispose (GObject *object)
{
  RoadmapConflictGroup *self = ROADMAP_CONFLICT_GROUP (object);

  g_clear_object (&self->session);
  g_clear_object (&self->skill);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (roadmap_conflict_group_parent_class)->dispose (object);
}

static void
roadmap_conflict_group_class_init (RoadmapConflictGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = roadmap_conflict_group_dispose;

  /**
   * RoadmapConflictGroup::restored:
   * @field: the RoadmapSyncField given back
   */
  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * RoadmapConflictGroup::failed:
   * @message: what went wrong, for a toast
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
roadmap_conflict_group_init (RoadmapConflictGroup *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Changed on Another Device Too"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("This skill was changed here and on another device; the newer change won. What it replaced is kept here."));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
roadmap_conflict_group_set_skill (RoadmapConflictGroup *self,
                                  RoadmapSession       *session,
                                  RoadmapSkill         *skill)
{
  g_return_if_fail (ROADMAP_IS_CONFLICT_GROUP (self));
  g_return_if_fail (ROADMAP_IS_SESSION (session));
  g_return_if_fail (ROADMAP_IS_SKILL (skill));

  g_set_object (&self->session, session);
  g_set_object (&self->skill, skill);
  g_signal_connect_object (session, "outside-changed", G_CALLBACK (roadmap_conflict_group_refresh),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "command-done", G_CALLBACK (roadmap_conflict_group_refresh),
                           self, G_CONNECT_SWAPPED);
  roadmap_conflict_group_refresh (self);
}

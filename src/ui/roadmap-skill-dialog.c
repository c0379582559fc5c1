/* roadmap-skill-dialog.c
 *
 * Notes are saved to the store half a second after the last keystroke and
 * again when the window closes. If the store refuses, the text stays in
 * the editor, the reason is shown, and closing is held back once so that
 * nothing typed is lost without the learner knowing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-conflict-group.h"
#include "roadmap-date.h"
#include "roadmap-phase.h"
#include "roadmap-skill-dialog.h"
#include "roadmap-store-sync.h"
#include "roadmap-track.h"
#include "roadmap-window-fit.h"

#define SAVE_DELAY_MS 500

struct _RoadmapSkillDialog
{
  AdwWindow parent_instance;

  RoadmapSkill *skill;
  RoadmapSession *session;
  guint save_id;
  gboolean close_despite_error;
  gboolean showing_status;        /* while the toggles are set to the skill's status */

  AdwWindowTitle *window_title;
  GtkLabel *kind_badge;
  GtkLabel *summary_label;
  GtkLabel *links_label;
  AdwToastOverlay *toast_overlay;
  RoadmapConflictGroup *conflict_group;
  AdwPreferencesGroup *topics_group;
  GPtrArray *topic_checks;        /* GtkCheckButton, one per topic */
  gboolean showing_topics;        /* while the checks are set to the skill's ticks */
  AdwToast *offer;                /* the latest offer to move the skill */
  AdwPreferencesGroup *resources_group;
  GtkTextView *notes_view;
  GtkLabel *notes_status;
  AdwActionRow *started_row;
  AdwActionRow *finished_row;
  GtkToggleButton *status_toggles[ROADMAP_N_STATUSES];
};

G_DEFINE_FINAL_TYPE (RoadmapSkillDialog, roadmap_skill_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SKILL,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
get_notes_text (RoadmapSkillDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
format_date_time (GDateTime *date_time)
{
  if (date_time == NULL)
    return g_strdup (_("Not yet"));

  return roadmap_date_format_with_time (date_time);
}

static void
update_progress (RoadmapSkillDialog *self)
{
  RoadmapStatus status = roadmap_skill_get_status (self->skill);
  g_autofree char *started = format_date_time (roadmap_skill_get_started_at (self->skill));
  g_autofree char *finished = format_date_time (roadmap_skill_get_finished_at (self->skill));

  adw_action_row_set_subtitle (self->started_row, g_strstrip (started));
  adw_action_row_set_subtitle (self->finished_row, g_strstrip (finished));

  /* Checked, not insensitive: an insensitive button is drawn too pale to
   * read, and a toggle says "current" to a screen reader as well. Setting
   * them here is not the learner's choice: no move goes out. */
  self->showing_status = TRUE;
  gtk_toggle_button_set_active (self->status_toggles[status], TRUE);
  self->showing_status = FALSE;
}

/* "Caching & Performance Optimization, Authentication & Security" */
static char *
join_titles (GPtrArray *skills)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < skills->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, roadmap_skill_get_title (g_ptr_array_index (skills, i)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A hands-on item's badge and the skills it practises; for a skill, the
 * hands-on items that practise it */
static void
fill_links (RoadmapSkillDialog *self)
{
  RoadmapPhase *phase = roadmap_skill_get_phase (self->skill);
  RoadmapTrack *track = phase != NULL ? roadmap_phase_get_track (phase) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) practised = NULL;
  g_autoptr(GPtrArray) practised_in = NULL;

  if (roadmap_skill_get_kind (self->skill) == ROADMAP_SKILL_KIND_PRACTICE)
    {
      gtk_label_set_text (self->kind_badge, roadmap_skill_kind_get_label (ROADMAP_SKILL_KIND_PRACTICE));
      gtk_widget_set_visible (GTK_WIDGET (self->kind_badge), TRUE);
    }

  if (track == NULL)
    return;

  practised = roadmap_track_list_practised (track, self->skill);
  if (practised->len > 0)
    {
      g_autofree char *titles = join_titles (practised);

      /* Translators: in a hands-on item's details, the skills it
       * exercises: "Practises: Caching & Performance Optimization" */
      g_string_append_printf (text, _("Practises: %s"), titles);
    }

  practised_in = roadmap_track_list_practised_in (track, self->skill);
  if (practised_in->len > 0)
    {
      g_autofree char *titles = join_titles (practised_in);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: in a skill's details, the hands-on items that
       * exercise it: "Practised in: Build a Redis cache for an API" */
      g_string_append_printf (text, _("Practised in: %s"), titles);
    }

  gtk_label_set_text (self->links_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->links_label), text->len > 0);
}

static void
on_resource_activated (AdwActionRow       *row,
                       RoadmapSkillDialog *self)
{
  const char *url = g_object_get_data (G_OBJECT (row), "url");

  /* The loader only lets http(s) through; check again at the door. */
  if (url == NULL || !(g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
    return;

  gtk_show_uri (GTK_WINDOW (self), url, GDK_CURRENT_TIME);
}

static void
fill_resources (RoadmapSkillDialog *self)
{
  GListModel *resources = roadmap_skill_get_resources (self->skill);
  guint n = g_list_model_get_n_items (resources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RoadmapResource) resource = g_list_model_get_item (resources, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("adw-external-link-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), roadmap_resource_get_title (resource));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), roadmap_resource_get_url (resource));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open in the web browser"));
      g_object_set_data_full (G_OBJECT (row), "url", g_strdup (roadmap_resource_get_url (resource)), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_resource_activated), self, 0);
      adw_preferences_group_add (self->resources_group, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->resources_group), n > 0);
}

/* The checks show the skill's ticks; setting them is not the learner's
 * choice: no command goes out */
static void
show_topic (RoadmapSkillDialog *self,
            guint               index)
{
  if (index >= self->topic_checks->len)
    return;

  self->showing_topics = TRUE;
  gtk_check_button_set_active (g_ptr_array_index (self->topic_checks, index),
                               roadmap_skill_get_topic_done (self->skill, index));
  self->showing_topics = FALSE;
}

static void
add_toast (RoadmapSkillDialog *self,
           const char         *title,
           const char         *button_label,
           RoadmapStatus       status)
{
  /* Toast titles are Pango markup in libadwaita 1.2; ours are text. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (button_label != NULL)
    {
      /* A newer offer replaces the one shown */
      if (self->offer != NULL)
        adw_toast_dismiss (self->offer);
      g_set_object (&self->offer, toast);
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, "details.move");
      adw_toast_set_action_target_value (toast, g_variant_new_uint32 (status));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* After a tick: the first of a skill in To-do offers Doing, the last of
 * one not Done offers Done. An offer, never a move of its own. */
static void
offer_move (RoadmapSkillDialog *self,
            guint               n_done_before)
{
  RoadmapStatus status = roadmap_skill_get_status (self->skill);
  guint n_done = roadmap_skill_get_n_topics_done (self->skill);

  if (n_done <= n_done_before)
    return;

  if (n_done == roadmap_skill_get_n_topics (self->skill) && status != ROADMAP_STATUS_DONE)
    {
      /* Translators: a notification in a skill's details, which name the
       * skill; short enough for a phone's width beside its button */
      add_toast (self, _("Every topic ticked off"), _("Move to D_one"), ROADMAP_STATUS_DONE);
    }
  else if (n_done_before == 0 && status == ROADMAP_STATUS_TODO)
    {
      /* Translators: a notification in a skill's details, which name the
       * skill; short enough for a phone's width beside its button */
      add_toast (self, _("Started on it?"), _("Move to _Doing"), ROADMAP_STATUS_DOING);
    }
}

static void
on_topic_toggled (GtkCheckButton     *check,
                  RoadmapSkillDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "index"));
  guint n_done_before = roadmap_skill_get_n_topics_done (self->skill);
  g_autoptr(GError) error = NULL;

  if (self->showing_topics)
    return;

  if (!roadmap_session_set_topic_done (self->session, self->skill, index,
                                       gtk_check_button_get_active (check), &error))
    {
      /* Translators: a notification; %s is the reason */
      g_autofree char *title = g_strdup_printf (_("Could not save the tick. %s"), error->message);

      add_toast (self, title, NULL, 0);
    }
  else
    offer_move (self, n_done_before);

  /* What the database has, also when it refused or had it already */
  show_topic (self, index);
}

static void
on_skill_topic_changed (RoadmapSkillDialog *self,
                        guint               index)
{
  show_topic (self, index);
}

static void
fill_topics (RoadmapSkillDialog *self)
{
  const char * const *topics = roadmap_skill_get_topics (self->skill);
  guint n = roadmap_skill_get_n_topics (self->skill);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* Text, not markup: "Primary & foreign keys" */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), topics[i]);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* One stop for Tab: the row; Space or Enter on it ticks */
      gtk_widget_set_focusable (check, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, topics[i], -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (check), "index", GUINT_TO_POINTER (i));
      g_ptr_array_add (self->topic_checks, check);
      adw_preferences_group_add (self->topics_group, row);

      show_topic (self, i);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_topic_toggled), self, 0);
    }

  g_signal_connect_object (self->skill, "topic-changed", G_CALLBACK (on_skill_topic_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->topics_group), n > 0);
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RoadmapSkillDialog *self = ROADMAP_SKILL_DIALOG (widget);
  guint status = g_variant_get_uint32 (parameter);

  if (status < ROADMAP_N_STATUSES)
    g_signal_emit (self, signals[MOVE_REQUESTED], 0, status);
}

static gboolean
save_now (gpointer user_data)
{
  RoadmapSkillDialog *self = user_data;

  self->save_id = 0;
  roadmap_skill_dialog_save_notes (self);
  return G_SOURCE_REMOVE;
}

static void
on_notes_changed (RoadmapSkillDialog *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_now, self);
  gtk_label_set_text (self->notes_status, "");
}

static void
on_status_toggled (GtkToggleButton    *toggle,
                   RoadmapSkillDialog *self)
{
  RoadmapStatus status = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "status"));

  /* The group unchecks the old one as well; only the new one asks. */
  if (self->showing_status || !gtk_toggle_button_get_active (toggle))
    return;

  g_signal_emit (self, signals[MOVE_REQUESTED], 0, (guint) status);

  /* A refused move leaves the skill where it was: show that again. */
  update_progress (self);
}

static void
roadmap_skill_dialog_realize (GtkWidget *widget)
{
  /* Here rather than in _new(): the parent's size when the details show.
   * The template's size is the most the details take. */
  roadmap_window_fit_to_parent (GTK_WINDOW (widget));

  GTK_WIDGET_CLASS (roadmap_skill_dialog_parent_class)->realize (widget);
}

static gboolean
roadmap_skill_dialog_close_request (GtkWindow *window)
{
  RoadmapSkillDialog *self = ROADMAP_SKILL_DIALOG (window);

  g_clear_handle_id (&self->save_id, g_source_remove);

  /* Keep the window (and the text) when saving fails, once: the message
   * says why; a second close lets go. */
  if (!roadmap_skill_dialog_save_notes (self) && !self->close_despite_error)
    {
      self->close_despite_error = TRUE;
      return TRUE;
    }

  return GTK_WINDOW_CLASS (roadmap_skill_dialog_parent_class)->close_request (window);
}

static void
roadmap_skill_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RoadmapSkillDialog *self = ROADMAP_SKILL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SKILL:
      g_value_set_object (value, self->skill);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_skill_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RoadmapSkillDialog *self = ROADMAP_SKILL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SKILL:
      self->skill = g_value_dup_object (value);
      break;
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A restored note replaces what the editor shows (it would be saved
 * over the restored one on closing otherwise) */
static void
on_conflict_restored (RoadmapSkillDialog *self,
                      guint               field)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char *note = roadmap_skill_get_note (self->skill);

  if (field != ROADMAP_SYNC_FIELD_NOTE)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_signal_handlers_block_by_func (buffer, on_notes_changed, self);
  gtk_text_buffer_set_text (buffer, note != NULL ? note : "", -1);
  g_signal_handlers_unblock_by_func (buffer, on_notes_changed, self);
}

static void
on_conflict_failed (RoadmapSkillDialog *self,
                    const char         *message)
{
  add_toast (self, message, NULL, 0);
}

static void
roadmap_skill_dialog_constructed (GObject *object)
{
  RoadmapSkillDialog *self = ROADMAP_SKILL_DIALOG (object);
  RoadmapSkill *skill = self->skill;
  RoadmapPhase *phase;
  GtkTextBuffer *buffer;
  const char *note;

  G_OBJECT_CLASS (roadmap_skill_dialog_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (self), roadmap_skill_get_title (skill));
  adw_window_title_set_title (self->window_title, roadmap_skill_get_title (skill));
  phase = roadmap_skill_get_phase (skill);
  if (phase != NULL)
    {
      /* Translators: "Phase 1 · Fundamentals" */
      g_autofree char *subtitle = g_strdup_printf (_("Phase %u · %s"), roadmap_phase_get_number (phase),
                                                   roadmap_phase_get_title (phase));
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }

  gtk_label_set_text (self->summary_label, roadmap_skill_get_summary (skill) != NULL
                                             ? roadmap_skill_get_summary (skill)
                                             : _("No description."));
  fill_links (self);
  fill_topics (self);
  fill_resources (self);

  note = roadmap_skill_get_note (skill);
  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_set_text (buffer, note != NULL ? note : "", -1);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
  if (self->session != NULL && roadmap_session_get_store (self->session) != NULL)
    {
      g_signal_connect_object (self->conflict_group, "restored", G_CALLBACK (on_conflict_restored),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->conflict_group, "failed", G_CALLBACK (on_conflict_failed),
                               self, G_CONNECT_SWAPPED);
      roadmap_conflict_group_set_skill (self->conflict_group, self->session, skill);
    }

  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    {
      g_object_set_data (G_OBJECT (self->status_toggles[s]), "status", GUINT_TO_POINTER (s));
      g_signal_connect_object (self->status_toggles[s], "toggled", G_CALLBACK (on_status_toggled), self, 0);
    }

  g_signal_connect_object (skill, "notify::status", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (skill, "notify::started-at", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (skill, "notify::finished-at", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  update_progress (self);
}

static void
roadmap_skill_dialog_dispose (GObject *object)
{
  RoadmapSkillDialog *self = (RoadmapSkillDialog *) object;

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_object (&self->skill);
  g_clear_object (&self->session);
  g_clear_pointer (&self->topic_checks, g_ptr_array_unref);
  g_clear_object (&self->offer);

  G_OBJECT_CLASS (roadmap_skill_dialog_parent_class)->dispose (object);
}

static void
roadmap_skill_dialog_class_init (RoadmapSkillDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = roadmap_skill_dialog_dispose;
  object_class->constructed = roadmap_skill_dialog_constructed;
  object_class->get_property = roadmap_skill_dialog_get_property;
  object_class->set_property = roadmap_skill_dialog_set_property;

  properties[PROP_SKILL] =
    g_param_spec_object ("skill", NULL, NULL, ROADMAP_TYPE_SKILL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, ROADMAP_TYPE_SESSION, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->realize = roadmap_skill_dialog_realize;
  window_class->close_request = roadmap_skill_dialog_close_request;

  /**
   * RoadmapSkillDialog::move-requested:
   * @status: the column the learner chose
   */
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-skill-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillDialog, kind_badge);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillDialog, links_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillDialog, conflict_group);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillDialog, topics_group);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillDialog, resources_group);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillDialog, notes_status);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillDialog, started_row);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSkillDialog, finished_row);
  gtk_widget_class_bind_template_child_full (widget_class, "todo_button", FALSE,
                                             G_STRUCT_OFFSET (RoadmapSkillDialog, status_toggles[ROADMAP_STATUS_TODO]));
  gtk_widget_class_bind_template_child_full (widget_class, "doing_button", FALSE,
                                             G_STRUCT_OFFSET (RoadmapSkillDialog, status_toggles[ROADMAP_STATUS_DOING]));
  gtk_widget_class_bind_template_child_full (widget_class, "done_button", FALSE,
                                             G_STRUCT_OFFSET (RoadmapSkillDialog, status_toggles[ROADMAP_STATUS_DONE]));
  gtk_widget_class_bind_template_child_full (widget_class, "skipped_button", FALSE,
                                             G_STRUCT_OFFSET (RoadmapSkillDialog, status_toggles[ROADMAP_STATUS_SKIPPED]));

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* A notification's offer to move the skill: its column */
  gtk_widget_class_install_action (widget_class, "details.move", "u", move_activated);
}

static void
roadmap_skill_dialog_init (RoadmapSkillDialog *self)
{
  g_type_ensure (ROADMAP_TYPE_CONFLICT_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->topic_checks = g_ptr_array_new ();
}

RoadmapSkillDialog *
roadmap_skill_dialog_new (GtkWindow      *parent,
                          RoadmapSkill   *skill,
                          RoadmapSession *session)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), NULL);
  g_return_val_if_fail (ROADMAP_IS_SESSION (session), NULL);

  return g_object_new (ROADMAP_TYPE_SKILL_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "skill", skill,
                       "session", session,
                       NULL);
}

RoadmapSkill *
roadmap_skill_dialog_get_skill (RoadmapSkillDialog *self)
{
  g_return_val_if_fail (ROADMAP_IS_SKILL_DIALOG (self), NULL);
  return self->skill;
}

/**
 * roadmap_skill_dialog_save_notes:
 *
 * Writes the notes to the store now, if they changed.
 *
 * Returns: %FALSE if the store refused; the reason is shown under the notes
 */
gboolean
roadmap_skill_dialog_save_notes (RoadmapSkillDialog *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ROADMAP_IS_SKILL_DIALOG (self), FALSE);

  text = get_notes_text (self);
  if (g_strcmp0 (text, roadmap_skill_get_note (self->skill) != NULL ? roadmap_skill_get_note (self->skill) : "") == 0)
    return TRUE;

  if (!roadmap_session_set_note (self->session, self->skill, text, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Notes not saved: %s"), error->message);

      gtk_label_set_text (self->notes_status, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->notes_status), "error");
      return FALSE;
    }

  self->close_despite_error = FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->notes_status), "error");
  gtk_label_set_text (self->notes_status, _("Saved"));
  return TRUE;
}

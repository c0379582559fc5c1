/* roadmap-track-editor.c
 *
 * The editor works on a #RoadmapTrackDraft, the roadmap file's own tree:
 * every field writes into it as it is typed, and adding, moving or
 * deleting a phase or a skill changes the draft and builds the page
 * again from it, the keyboard given back to where it was. Save writes
 * the draft as a file, which the loader checks: each problem is shown on
 * its field (found by its JSON path), and nothing is saved until there
 * is none. Saving is one command of the session (one undo step), refused
 * when the file was changed elsewhere since the editor opened it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "roadmap-loader.h"
#include "roadmap-track-draft.h"
#include "roadmap-track-editor.h"

#define MAX_MONTH 120
#define MAX_HOURS 10000

struct _RoadmapTrackEditor
{
  AdwWindow parent_instance;

  RoadmapSession *session;
  RoadmapTrack *original;       /* (nullable): the track edited */
  RoadmapTrackDraft *draft;

  AdwWindowTitle *title;
  GtkWidget *content;           /* the page, built again on each change of shape */
  GtkLabel *problems_label;
  GHashTable *fields;           /* JSON path → the widget of that field */
  GHashTable *expanded;         /* JsonObject of a skill → shown open */
  gboolean id_edited;           /* the id typed, no longer made from the title */
  gboolean filling;             /* fields set by the editor, not typed */
  gboolean changed;
};

G_DEFINE_FINAL_TYPE (RoadmapTrackEditor, roadmap_track_editor, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (RoadmapTrackEditor *self,
                     const char         *focus_path);

/* Where an edit goes: the field's object and member, on the widget */
static void
bind_field (GtkWidget  *widget,
            JsonObject *object,
            const char *member)
{
  g_object_set_data_full (G_OBJECT (widget), "roadmap-object", json_object_ref (object),
                          (GDestroyNotify) json_object_unref);
  g_object_set_data (G_OBJECT (widget), "roadmap-member", (gpointer) member);
}

static JsonObject *
field_object (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "roadmap-object");
}

static const char *
field_member (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "roadmap-member");
}

static void
clear_problem (GtkWidget *widget)
{
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, NULL);
}

static void
mark_changed (RoadmapTrackEditor *self,
              GtkWidget          *widget)
{
  self->changed = TRUE;
  clear_problem (widget);
}

static void
on_text_changed (GtkEditable        *editable,
                 RoadmapTrackEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (editable);
  const char *member = field_member (widget);
  JsonObject *object = field_object (widget);

  if (self->filling)
    return;
  roadmap_track_draft_set_text (object, member, gtk_editable_get_text (editable));
  mark_changed (self, widget);

  /* A new track's id follows its title until it is typed itself */
  if (object == roadmap_track_draft_get_track (self->draft) && g_str_equal (member, "id"))
    self->id_edited = TRUE;
  if (object == roadmap_track_draft_get_track (self->draft) && g_str_equal (member, "title") &&
      roadmap_track_draft_is_new (self->draft) && !self->id_edited)
    {
      GtkEditable *id = g_hash_table_lookup (self->fields, "id");
      g_autofree char *made = roadmap_track_draft_make_id (gtk_editable_get_text (editable));

      roadmap_track_draft_set_text (object, "id", made);
      self->filling = TRUE;
      gtk_editable_set_text (id, made);
      self->filling = FALSE;
    }

  /* A skill's row shows its title, closed */
  if (g_str_equal (member, "title"))
    {
      GtkWidget *expander = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);

      if (expander != NULL)
        {
          const char *title = gtk_editable_get_text (editable);
          g_autofree char *escaped = g_markup_escape_text (title[0] != '\0' ? title : _("New Skill"), -1);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), escaped);
        }
    }
}

static GtkWidget *
add_entry (RoadmapTrackEditor *self,
           GtkWidget          *group,
           const char         *label,
           JsonObject         *object,
           const char         *member,
           const char         *path)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), roadmap_track_draft_get_text (object, member));
  bind_field (row, object, member);
  g_signal_connect (row, "changed", G_CALLBACK (on_text_changed), self);
  g_hash_table_insert (self->fields, g_strdup (path), row);
  if (ADW_IS_EXPANDER_ROW (group))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (group), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* Months and hours: whole numbers, 0 for none */

static void
on_months_changed (GtkSpinButton      *spin,
                   RoadmapTrackEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_ACTION_ROW);
  GtkSpinButton *first = g_object_get_data (G_OBJECT (row), "roadmap-first");
  GtkSpinButton *last = g_object_get_data (G_OBJECT (row), "roadmap-last");

  if (self->filling)
    return;
  roadmap_track_draft_set_months (field_object (row), gtk_spin_button_get_value_as_int (first),
                                  gtk_spin_button_get_value_as_int (last));
  mark_changed (self, row);
}

static void
on_hours_changed (GtkSpinButton      *spin,
                  RoadmapTrackEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_ACTION_ROW);

  if (self->filling)
    return;
  roadmap_track_draft_set_number (field_object (row), "estimate_hours", gtk_spin_button_get_value_as_int (spin));
  mark_changed (self, row);
}

static GtkWidget *
new_spin (guint       value,
          guint       max,
          const char *accessible_name)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return spin;
}

/* Topics and links: one a line, in a text view */

static void
on_lines_changed (GtkTextBuffer      *buffer,
                  RoadmapTrackEditor *self)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (buffer), "roadmap-view");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->filling)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  roadmap_track_draft_set_lines (field_object (view), field_member (view), text);
  mark_changed (self, view);
}

static void
add_lines (RoadmapTrackEditor *self,
           GtkWidget          *expander,
           const char         *label,
           const char         *hint,
           JsonObject         *skill,
           const char         *member,
           const char         *path)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new_with_mnemonic (label);
  GtkWidget *caption = gtk_label_new (hint);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *lines = roadmap_track_draft_get_lines (skill, member);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (heading), view);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 64);
  gtk_widget_add_css_class (view, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (heading)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint,
                                  -1);
  gtk_text_buffer_set_text (buffer, lines, -1);
  bind_field (view, skill, member);
  g_object_set_data (G_OBJECT (buffer), "roadmap-view", view);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_lines_changed), self);
  g_hash_table_insert (self->fields, g_strdup (path), view);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), view);
  gtk_box_append (GTK_BOX (box), caption);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), box);
}

/* Moving and deleting: buttons of a phase's header and a skill's row */

typedef enum
{
  EDIT_MOVE_UP,
  EDIT_MOVE_DOWN,
  EDIT_DELETE,
} EditKind;

static void
on_edit_clicked (GtkButton          *button,
                 RoadmapTrackEditor *self)
{
  EditKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "roadmap-edit"));
  guint phase = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "roadmap-phase"));
  int skill = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "roadmap-skill")) - 1;
  g_autofree char *focus = NULL;
  guint to;

  self->changed = TRUE;
  if (skill < 0)
    {
      to = kind == EDIT_MOVE_UP ? phase - 1 : phase + 1;
      if (kind == EDIT_DELETE)
        {
          roadmap_track_draft_remove_phase (self->draft, phase);
          focus = g_strdup ("add-phase");
        }
      else
        {
          roadmap_track_draft_move_phase (self->draft, phase, to);
          focus = g_strdup_printf ("phases[%u]/%s", to, kind == EDIT_MOVE_UP ? "up" : "down");
        }
    }
  else
    {
      to = kind == EDIT_MOVE_UP ? (guint) skill - 1 : (guint) skill + 1;
      if (kind == EDIT_DELETE)
        {
          roadmap_track_draft_remove_skill (self->draft, phase, skill);
          focus = g_strdup_printf ("phases[%u]/add-skill", phase);
        }
      else
        {
          roadmap_track_draft_move_skill (self->draft, phase, skill, to);
          focus = g_strdup_printf ("phases[%u].skills[%u]/%s", phase, to, kind == EDIT_MOVE_UP ? "up" : "down");
        }
    }
  rebuild (self, focus);
}

static GtkWidget *
edit_button (RoadmapTrackEditor *self,
             EditKind            kind,
             guint               phase,
             int                 skill,
             gboolean            sensitive,
             const char         *item_name,
             const char         *path)
{
  static const char *icons[] = { "go-up-symbolic", "go-down-symbolic", "user-trash-symbolic" };
  GtkWidget *button = gtk_button_new_from_icon_name (icons[kind]);
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;

  /* Translators: accessible names and tooltips; %s is "Phase 2" or a skill's title */
  if (kind == EDIT_MOVE_UP)
    name = g_strdup_printf (_("Move “%s” Up"), item_name);
  else if (kind == EDIT_MOVE_DOWN)
    name = g_strdup_printf (_("Move “%s” Down"), item_name);
  else
    name = g_strdup_printf (_("Delete “%s”"), item_name);
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "roadmap-edit", GINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (button), "roadmap-phase", GUINT_TO_POINTER (phase));
  g_object_set_data (G_OBJECT (button), "roadmap-skill", GINT_TO_POINTER (skill + 1));
  g_signal_connect (button, "clicked", G_CALLBACK (on_edit_clicked), self);
  key = g_strdup_printf ("%s/%s", path, kind == EDIT_MOVE_UP ? "up" : kind == EDIT_MOVE_DOWN ? "down" : "delete");
  g_hash_table_insert (self->fields, g_steal_pointer (&key), button);
  return button;
}

static void
on_add_skill (AdwActionRow       *row,
              RoadmapTrackEditor *self)
{
  guint phase = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "roadmap-phase"));
  guint skill = roadmap_track_draft_add_skill (self->draft, phase);
  g_autofree char *focus = g_strdup_printf ("phases[%u].skills[%u].title", phase, skill);

  self->changed = TRUE;
  g_hash_table_add (self->expanded, json_object_ref (roadmap_track_draft_get_skill (self->draft, phase, skill)));
  rebuild (self, focus);
}

static void
on_add_phase (GtkButton          *button,
              RoadmapTrackEditor *self)
{
  guint phase = roadmap_track_draft_add_phase (self->draft);
  g_autofree char *focus = g_strdup_printf ("phases[%u].title", phase);

  self->changed = TRUE;
  rebuild (self, focus);
}

static void
on_expanded (AdwExpanderRow     *expander,
             GParamSpec         *pspec,
             RoadmapTrackEditor *self)
{
  JsonObject *skill = field_object (GTK_WIDGET (expander));

  if (adw_expander_row_get_expanded (expander))
    g_hash_table_add (self->expanded, json_object_ref (skill));
  else
    g_hash_table_remove (self->expanded, skill);
}

static void
add_skill_row (RoadmapTrackEditor *self,
               GtkWidget          *group,
               guint               phase,
               guint               index,
               guint               n_skills)
{
  JsonObject *skill = roadmap_track_draft_get_skill (self->draft, phase, index);
  const char *title = roadmap_track_draft_get_text (skill, "title");
  g_autofree char *path = g_strdup_printf ("phases[%u].skills[%u]", phase, index);
  g_autofree char *escaped = g_markup_escape_text (title[0] != '\0' ? title : _("New Skill"), -1);
  g_autofree char *field = NULL;
  const char *name = title[0] != '\0' ? title : _("New Skill");
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *hours;
  GtkWidget *row;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), escaped);
  bind_field (expander, skill, "title");
  g_hash_table_insert (self->fields, g_strdup (path), expander);
  /* Each action goes before the ones added already: Up, Down, Delete */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               edit_button (self, EDIT_DELETE, phase, index, TRUE, name, path));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               edit_button (self, EDIT_MOVE_DOWN, phase, index, index + 1 < n_skills, name, path));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               edit_button (self, EDIT_MOVE_UP, phase, index, index > 0, name, path));

  field = g_strconcat (path, ".title", NULL);
  add_entry (self, expander, _("_Title"), skill, "title", field);
  g_clear_pointer (&field, g_free);
  field = g_strconcat (path, ".summary", NULL);
  add_entry (self, expander, _("S_ummary"), skill, "summary", field);
  g_clear_pointer (&field, g_free);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Estimated _Hours"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  hours = new_spin (roadmap_track_draft_get_number (skill, "estimate_hours"), MAX_HOURS, _("Estimated Hours"));
  g_signal_connect (hours, "value-changed", G_CALLBACK (on_hours_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), hours);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), hours);
  bind_field (row, skill, "estimate_hours");
  field = g_strconcat (path, ".estimate_hours", NULL);
  g_hash_table_insert (self->fields, g_steal_pointer (&field), row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  field = g_strconcat (path, ".topics", NULL);
  add_lines (self, expander, _("T_opics"), _("One a line: what to learn, each ticked on its own"),
             skill, "topics", field);
  g_clear_pointer (&field, g_free);
  field = g_strconcat (path, ".resources", NULL);
  add_lines (self, expander, _("_Links"), _("One a line: the address, then its title, such as “https://sqlbolt.com SQLBolt”"),
             skill, "resources", field);
  g_clear_pointer (&field, g_free);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), g_hash_table_contains (self->expanded, skill));
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (on_expanded), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
}

static void
add_phase_group (RoadmapTrackEditor *self,
                 guint               phase,
                 guint               n_phases)
{
  JsonObject *object = roadmap_track_draft_get_phase (self->draft, phase);
  guint n_skills = roadmap_track_draft_get_n_skills (self->draft, phase);
  g_autofree char *heading = g_strdup_printf (_("Phase %u"), phase + 1);
  g_autofree char *path = g_strdup_printf ("phases[%u]", phase);
  g_autofree char *field = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *row, *first, *last, *dash, *add;
  guint first_month, last_month;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), heading);
  gtk_box_append (GTK_BOX (buttons), edit_button (self, EDIT_MOVE_UP, phase, -1, phase > 0, heading, path));
  gtk_box_append (GTK_BOX (buttons), edit_button (self, EDIT_MOVE_DOWN, phase, -1, phase + 1 < n_phases,
                                                  heading, path));
  gtk_box_append (GTK_BOX (buttons), edit_button (self, EDIT_DELETE, phase, -1, n_phases > 1, heading, path));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);
  g_hash_table_insert (self->fields, g_strdup (path), group);

  field = g_strconcat (path, ".title", NULL);
  add_entry (self, group, _("_Title"), object, "title", field);
  g_clear_pointer (&field, g_free);

  roadmap_track_draft_get_months (object, &first_month, &last_month);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Months"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Of the plan, first and last; 0 for none"));
  first = new_spin (first_month, MAX_MONTH, _("First Month"));
  last = new_spin (last_month, MAX_MONTH, _("Last Month"));
  dash = gtk_label_new ("–");
  g_object_set_data (G_OBJECT (row), "roadmap-first", first);
  g_object_set_data (G_OBJECT (row), "roadmap-last", last);
  g_signal_connect (first, "value-changed", G_CALLBACK (on_months_changed), self);
  g_signal_connect (last, "value-changed", G_CALLBACK (on_months_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), first);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dash);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), last);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), first);
  bind_field (row, object, "months");
  field = g_strconcat (path, ".months", NULL);
  g_hash_table_insert (self->fields, g_steal_pointer (&field), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  for (guint i = 0; i < n_skills; i++)
    add_skill_row (self, group, phase, i, n_skills);

  add = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("_Add Skill"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (add), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (add), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add), TRUE);
  g_object_set_data (G_OBJECT (add), "roadmap-phase", GUINT_TO_POINTER (phase));
  g_signal_connect (add, "activated", G_CALLBACK (on_add_skill), self);
  field = g_strconcat (path, "/add-skill", NULL);
  g_hash_table_insert (self->fields, g_steal_pointer (&field), add);
  /* The skills' list is where the loader's problems about it point */
  field = g_strconcat (path, ".skills", NULL);
  g_hash_table_insert (self->fields, g_steal_pointer (&field), add);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);

  gtk_box_append (GTK_BOX (self->content), group);
}

/* The page, built from the draft; @focus_path: the field to give the
 * keyboard, by the paths of self->fields */
static void
rebuild (RoadmapTrackEditor *self,
         const char         *focus_path)
{
  JsonObject *track = roadmap_track_draft_get_track (self->draft);
  guint n_phases = roadmap_track_draft_get_n_phases (self->draft);
  GtkWidget *child, *group, *id, *add_phase;
  GtkWidget *focus;

  while ((child = gtk_widget_get_first_child (self->content)) != GTK_WIDGET (self->problems_label))
    gtk_box_remove (GTK_BOX (self->content), child);
  while ((child = gtk_widget_get_next_sibling (GTK_WIDGET (self->problems_label))) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
  g_hash_table_remove_all (self->fields);

  self->filling = TRUE;
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Track"));
  add_entry (self, group, _("_Title"), track, "title", "title");
  id = add_entry (self, group, _("_Id"), track, "id", "id");
  if (!roadmap_track_draft_is_new (self->draft))
    {
      /* The progress is kept under it */
      gtk_editable_set_editable (GTK_EDITABLE (id), FALSE);
      gtk_widget_set_tooltip_text (id, _("The id of a saved track stays: its progress is kept under it"));
    }
  add_entry (self, group, _("S_ummary"), track, "summary", "summary");
  gtk_box_append (GTK_BOX (self->content), group);

  for (guint i = 0; i < n_phases; i++)
    add_phase_group (self, i, n_phases);

  add_phase = gtk_button_new_with_mnemonic (_("Add _Phase"));
  gtk_widget_set_halign (add_phase, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add_phase, "pill");
  g_signal_connect (add_phase, "clicked", G_CALLBACK (on_add_phase), self);
  g_hash_table_insert (self->fields, g_strdup ("add-phase"), add_phase);
  g_hash_table_insert (self->fields, g_strdup ("phases"), add_phase);
  gtk_box_append (GTK_BOX (self->content), add_phase);
  self->filling = FALSE;

  focus = focus_path != NULL ? g_hash_table_lookup (self->fields, focus_path) : NULL;
  /* A button that cannot be used any more (a phase moved to the top):
   * the one beside it */
  if (focus != NULL && !gtk_widget_get_sensitive (focus))
    focus = gtk_widget_get_prev_sibling (focus) != NULL ? gtk_widget_get_prev_sibling (focus)
                                                        : gtk_widget_get_next_sibling (focus);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

/* The field a problem's JSON path points into: the longest path known
 * that it starts with ("phases[0].skills[2].topics[1]" is the topics) */
static GtkWidget *
find_field (RoadmapTrackEditor *self,
            const char         *path)
{
  g_autofree char *prefix = g_strdup (path);

  while (prefix[0] != '\0')
    {
      GtkWidget *widget = g_hash_table_lookup (self->fields, prefix);
      char *cut;

      if (widget != NULL)
        return widget;
      cut = strrchr (prefix, '.');
      if (cut == NULL || strrchr (prefix, '[') > cut)
        cut = strrchr (prefix, '[');
      if (cut == NULL)
        break;
      *cut = '\0';
    }
  return NULL;
}

static gboolean
focus_when_laid_out (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  if (gtk_widget_get_height (widget) == 0)
    return G_SOURCE_CONTINUE;
  gtk_widget_grab_focus (widget);
  return G_SOURCE_REMOVE;
}

/* Where a problem is, in the editor's words: "phases[0].skills[1].title"
 * is "Phase 1 › Git › Title" */
static char *
describe_path (RoadmapTrackDraft *draft,
               const char        *path)
{
  static const struct { const char *member; const char *label; } members[] = {
    { "title", N_("Title") }, { "id", N_("Id") }, { "summary", N_("Summary") },
    { "months", N_("Months") }, { "estimate_hours", N_("Estimated Hours") },
    { "topics", N_("Topics") }, { "resources", N_("Links") }, { "phases", N_("Phases") },
    { "skills", N_("Skills") },
  };
  g_autoptr(GString) words = g_string_new (NULL);
  guint phase = 0, skill = 0;
  int used = 0;

  if (sscanf (path, "phases[%u]%n", &phase, &used) == 1 && phase < roadmap_track_draft_get_n_phases (draft))
    {
      g_string_append_printf (words, _("Phase %u"), phase + 1);
      path += used;
      if (sscanf (path, ".skills[%u]%n", &skill, &used) == 1 &&
          skill < roadmap_track_draft_get_n_skills (draft, phase))
        {
          const char *title = roadmap_track_draft_get_text (roadmap_track_draft_get_skill (draft, phase, skill),
                                                            "title");

          g_string_append (words, " › ");
          if (title[0] != '\0')
            g_string_append (words, title);
          else
            g_string_append_printf (words, _("Skill %u"), skill + 1);
          path += used;
        }
      if (path[0] == '.')
        path++;
    }
  for (guint i = 0; path[0] != '\0' && i < G_N_ELEMENTS (members); i++)
    {
      gsize length = strlen (members[i].member);

      if (strncmp (path, members[i].member, length) == 0 && (path[length] == '\0' || path[length] == '['))
        {
          if (words->len > 0)
            g_string_append (words, " › ");
          g_string_append (words, _(members[i].label));
          path = "";
        }
    }
  if (path[0] != '\0')
    g_string_append_printf (words, "%s%s", words->len > 0 ? " › " : "", path);
  return g_string_free (g_steal_pointer (&words), FALSE);
}

/* Each problem on its field: marked, its message as the tooltip; the
 * skills they are in opened; all listed above the page, and the first
 * given the keyboard */
static void
show_problems (RoadmapTrackEditor *self,
               GPtrArray          *problems)
{
  g_autoptr(GString) list = g_string_new (NULL);
  GtkWidget *first = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = g_ptr_array_index (problems, i);
      const char *colon = strstr (problem, ": ");
      g_autofree char *path = colon != NULL ? g_strndup (problem, colon - problem) : g_strdup ("");
      GtkWidget *field = find_field (self, path);
      GtkWidget *expander;

      if (list->len > 0)
        g_string_append_c (list, '\n');
      if (colon != NULL && path[0] != '\0')
        {
          g_autofree char *where = describe_path (self->draft, path);

          g_string_append_printf (list, "%s: %s", where, colon + 2);
        }
      else
        {
          g_string_append (list, colon != NULL ? colon + 2 : problem);
        }
      if (field == NULL)
        continue;
      gtk_widget_add_css_class (field, "error");
      gtk_widget_set_tooltip_text (field, colon != NULL ? colon + 2 : problem);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      colon != NULL ? colon + 2 : problem, -1);
      expander = gtk_widget_get_ancestor (gtk_widget_get_parent (field), ADW_TYPE_EXPANDER_ROW);
      if (expander != NULL)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
      if (first == NULL)
        first = field;
    }

  gtk_label_set_text (self->problems_label, list->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), list->len > 0);
  /* Once the skills opened have their place, for the view to scroll to it */
  if (first != NULL)
    gtk_widget_add_tick_callback (first, focus_when_laid_out, NULL, NULL);
}

/* A number typed in a spin button is taken in on Enter or when the
 * keyboard leaves it: Ctrl+S and Escape take it in first */
static void
take_typed_number (RoadmapTrackEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *spin = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON) : NULL;

  if (spin != NULL)
    gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
}

static void
save (RoadmapTrackEditor *self)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RoadmapTrack) checked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *track_id = NULL;

  take_typed_number (self);
  contents = roadmap_track_draft_to_bytes (self->draft);

  /* The problems of the last try are told again if they remain */
  {
    GHashTableIter iter;
    gpointer field;

    g_hash_table_iter_init (&iter, self->fields);
    while (g_hash_table_iter_next (&iter, NULL, &field))
      clear_problem (field);
  }

  checked = roadmap_loader_check_bytes (contents, _("the new track"), problems, NULL);
  if (checked == NULL)
    {
      show_problems (self, problems);
      return;
    }

  if (!roadmap_session_save_track (self->session, self->original, contents, &track_id, &error))
    {
      /* An id taken, or the file changed elsewhere: said on the page */
      g_ptr_array_add (problems, g_strdup_printf ("%s: %s",
                                                  g_error_matches (error, ROADMAP_COMMAND_ERROR,
                                                                   ROADMAP_COMMAND_ERROR_EXISTS) ? "id" : "",
                                                  error->message));
      show_problems (self, problems);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, track_id);
  self->changed = FALSE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_save_clicked (RoadmapTrackEditor *self)
{
  save (self);
}

static gboolean
close_discarded (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_chosen (RoadmapTrackEditor *self,
                   const char         *response,
                   AdwMessageDialog   *dialog)
{
  /* Once the question, which belongs to the editor, is gone */
  self->changed = FALSE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_discarded, g_object_ref (self), g_object_unref);
}

/* Closing with changes not saved asks first */
static gboolean
roadmap_track_editor_close_request (GtkWindow *window)
{
  RoadmapTrackEditor *self = ROADMAP_TRACK_EDITOR (window);
  GtkWidget *dialog;

  take_typed_number (self);
  if (!self->changed)
    return GTK_WINDOW_CLASS (roadmap_track_editor_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard the Changes?"),
                                   _("What you changed in this track is not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response::discard", G_CALLBACK (on_discard_chosen), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
roadmap_track_editor_dispose (GObject *object)
{
  RoadmapTrackEditor *self = ROADMAP_TRACK_EDITOR (object);

  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_object (&self->draft);
  g_clear_object (&self->original);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (roadmap_track_editor_parent_class)->dispose (object);
}

static gboolean
save_activated (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  save (ROADMAP_TRACK_EDITOR (widget));
  return TRUE;
}

static void
roadmap_track_editor_class_init (RoadmapTrackEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = roadmap_track_editor_dispose;
  window_class->close_request = roadmap_track_editor_close_request;

  /**
   * RoadmapTrackEditor::saved:
   * @track_id: the track saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_activated, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
roadmap_track_editor_init (RoadmapTrackEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save_button = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expanded = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) json_object_unref, NULL);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_widget_add_css_class (save_button, "suggested-action");
  gtk_widget_set_tooltip_text (save_button, _("Save (Ctrl+S)"));
  g_signal_connect_swapped (save_button, "clicked", G_CALLBACK (on_save_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save_button);
  gtk_box_append (GTK_BOX (box), header);

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);
  gtk_widget_set_margin_top (self->content, 24);
  gtk_widget_set_margin_bottom (self->content, 24);
  self->problems_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problems_label, TRUE);
  gtk_label_set_wrap_mode (self->problems_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->problems_label, 0);
  gtk_label_set_selectable (self->problems_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "editor-problems");
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), FALSE);
  gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (self->problems_label));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);

  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
}

/**
 * roadmap_track_editor_new:
 * @track: (nullable): the track to edit (a bundled one is saved as the
 *   learner's own copy); %NULL for a new track
 */
GtkWidget *
roadmap_track_editor_new (GtkWindow      *parent,
                          RoadmapSession *session,
                          RoadmapTrack   *track)
{
  RoadmapTrackEditor *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ROADMAP_IS_SESSION (session), NULL);
  g_return_val_if_fail (track == NULL || ROADMAP_IS_TRACK (track), NULL);

  self = g_object_new (ROADMAP_TYPE_TRACK_EDITOR, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->original = track != NULL ? g_object_ref (track) : NULL;
  self->draft = roadmap_track_draft_new (track);
  /* No larger than the window it edits for: on a phone, as wide as it */
  if (gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), MIN (640, gtk_widget_get_width (GTK_WIDGET (parent))),
                                 MIN (720, gtk_widget_get_height (GTK_WIDGET (parent))));

  if (track == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Track"));
      adw_window_title_set_title (self->title, _("New Track"));
    }
  else
    {
      /* Translators: the editor's title; %s is a track's title */
      g_autofree char *title = g_strdup_printf (_("Edit “%s”"), roadmap_track_get_title (track));

      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_window_title_set_title (self->title, title);
      if (roadmap_track_get_source (track) == NULL)
        adw_window_title_set_subtitle (self->title, _("Saved as your own copy of the bundled track"));
    }

  rebuild (self, "title");
  return GTK_WIDGET (self);
}

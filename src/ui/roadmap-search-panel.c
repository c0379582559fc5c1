/* roadmap-search-panel.c
 *
 * As GNOME Settings and Nautilus do: a search bar under the header bar,
 * and while the entry holds a word, the skills found in place of the
 * board (the window hides the board when :active). Each keystroke runs
 * the search at once (no search-changed delay): RoadmapSearch answers
 * for 10,000 skills in a millisecond or two (bench-search), and only the
 * first ROADMAP_SEARCH_PANEL_MAX_ROWS rows are built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "roadmap-list-focus.h"
#include "roadmap-search-panel.h"

struct _RoadmapSearchPanel
{
  GtkBox parent_instance;

  RoadmapSearch *search;
  GPtrArray *found;     /* (element-type RoadmapSkill) what the rows show */
  gboolean active;

  GtkSearchBar *search_bar;
  GtkSearchEntry *entry;
  GtkStack *results_stack;
  GtkListBox *results_list;
  GtkLabel *more_label;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (RoadmapSearchPanel, roadmap_search_panel, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_SEARCH_MODE_ENABLED,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SKILL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static GtkWidget *
create_row (RoadmapSkill *skill)
{
  RoadmapPhase *phase = roadmap_skill_get_phase (skill);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  /* Translators: a search result's subtitle: "Data Engineer · Phase 2 · Doing" */
  subtitle = g_strdup_printf (_("%s · Phase %u · %s"),
                              roadmap_track_get_title (roadmap_phase_get_track (phase)),
                              roadmap_phase_get_number (phase),
                              roadmap_status_get_label (roadmap_skill_get_status (skill)));
  /* Roadmap text is never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), roadmap_skill_get_title (skill));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
clear_rows (RoadmapSearchPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  g_clear_pointer (&self->found, g_ptr_array_unref);
}

static void
set_active (RoadmapSearchPanel *self,
            gboolean            active)
{
  if (self->active == active)
    return;
  self->active = active;
  gtk_widget_set_visible (GTK_WIDGET (self->results_stack), active);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
show_empty_page (RoadmapSearchPanel *self)
{
  /* Not in the .ui: an unshown status page's icon would be loaded with
   * the window (see README, Speed) */
  if (adw_status_page_get_icon_name (self->empty_page) == NULL)
    adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
  gtk_stack_set_visible_child_name (self->results_stack, "empty");
}

static void
update_results (RoadmapSearchPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  guint n_rows;

  clear_rows (self);
  if (self->search == NULL || !gtk_search_bar_get_search_mode (self->search_bar) ||
      !roadmap_search_has_words (text))
    {
      set_active (self, FALSE);
      return;
    }

  self->found = roadmap_search_run (self->search, text);
  n_rows = MIN (self->found->len, ROADMAP_SEARCH_PANEL_MAX_ROWS);
  for (guint i = 0; i < n_rows; i++)
    gtk_list_box_append (self->results_list, create_row (g_ptr_array_index (self->found, i)));

  if (self->found->len > n_rows)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("The first %u of %u skill found. Add words to find fewer.",
                                                         "The first %u of %u skills found. Add words to find fewer.",
                                                         self->found->len),
                                               n_rows, self->found->len);

      gtk_label_set_text (self->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), self->found->len > n_rows);

  if (self->found->len == 0)
    show_empty_page (self);
  else
    gtk_stack_set_visible_child_name (self->results_stack, "results");
  set_active (self, TRUE);
}

static void
activate_row_at (RoadmapSearchPanel *self,
                 int                 index)
{
  RoadmapSkill *skill;

  if (self->found == NULL || index < 0 || (guint) index >= self->found->len)
    return;

  skill = g_object_ref (g_ptr_array_index (self->found, index));
  g_signal_emit (self, signals[SKILL_ACTIVATED], 0, skill);
  g_object_unref (skill);
}

/* Callbacks */

static void
on_entry_changed (RoadmapSearchPanel *self)
{
  update_results (self);
}

static void
on_entry_activate (RoadmapSearchPanel *self)
{
  /* Enter in the entry: the first skill found */
  activate_row_at (self, 0);
}

static void
on_stop_search (RoadmapSearchPanel *self)
{
  roadmap_search_panel_set_search_mode (self, FALSE);
}

static gboolean
on_entry_key_pressed (RoadmapSearchPanel *self,
                      guint               keyval,
                      guint               keycode,
                      GdkModifierType     state)
{
  GtkListBoxRow *first;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  first = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (first == NULL || !self->active)
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

static void
on_row_activated (RoadmapSearchPanel *self,
                  GtkListBoxRow      *row)
{
  activate_row_at (self, gtk_list_box_row_get_index (row));
}

static void
on_search_mode_changed (RoadmapSearchPanel *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      /* The texts of every skill folded now, not at the first keystroke */
      if (self->search != NULL)
        roadmap_search_prepare (self->search);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");

  update_results (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE_ENABLED]);
}

/* GObject overrides */

static void
roadmap_search_panel_dispose (GObject *object)
{
  RoadmapSearchPanel *self = ROADMAP_SEARCH_PANEL (object);

  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_clear_object (&self->search);

  G_OBJECT_CLASS (roadmap_search_panel_parent_class)->dispose (object);
}

static void
roadmap_search_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RoadmapSearchPanel *self = ROADMAP_SEARCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE_ENABLED:
      g_value_set_boolean (value, roadmap_search_panel_get_search_mode (self));
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_search_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RoadmapSearchPanel *self = ROADMAP_SEARCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE_ENABLED:
      roadmap_search_panel_set_search_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_search_panel_class_init (RoadmapSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_search_panel_dispose;
  object_class->get_property = roadmap_search_panel_get_property;
  object_class->set_property = roadmap_search_panel_set_property;

  /**
   * RoadmapSearchPanel:search-mode-enabled:
   *
   * Whether the search bar is shown (the header bar's toggle binds to it).
   */
  properties[PROP_SEARCH_MODE_ENABLED] =
    g_param_spec_boolean ("search-mode-enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RoadmapSearchPanel:active:
   *
   * Whether the panel shows what it found (or that it found nothing), in
   * place of the board: the bar is shown and its entry holds a word.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RoadmapSearchPanel::skill-activated:
   * @skill: the skill of the result
   *
   * A result was activated (a click, Enter on its row or in the entry).
   */
  signals[SKILL_ACTIVATED] =
    g_signal_new ("skill-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ROADMAP_TYPE_SKILL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapSearchPanel, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSearchPanel, entry);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSearchPanel, results_stack);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSearchPanel, results_list);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSearchPanel, more_label);
  gtk_widget_class_bind_template_child (widget_class, RoadmapSearchPanel, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
}

static void
roadmap_search_panel_init (RoadmapSearchPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->entry));
}

/* Public API */

/**
 * roadmap_search_panel_refresh:
 *
 * Runs the query again: progress changed (a move, a note, another
 * process's change), and with it what is found and the statuses shown.
 * The keyboard stays on the row it was on, or the last one.
 */
void
roadmap_search_panel_refresh (RoadmapSearchPanel *self)
{
  int focused;

  g_return_if_fail (ROADMAP_IS_SEARCH_PANEL (self));

  if (!self->active)
    return;

  focused = roadmap_list_focus_get_index (self->results_list);
  update_results (self);
  roadmap_list_focus_restore (self->results_list, focused);
}

/**
 * roadmap_search_panel_set_search:
 * @search: (nullable): what finds the skills; without one, nothing is found
 */
void
roadmap_search_panel_set_search (RoadmapSearchPanel *self,
                                 RoadmapSearch      *search)
{
  g_return_if_fail (ROADMAP_IS_SEARCH_PANEL (self));
  g_return_if_fail (search == NULL || ROADMAP_IS_SEARCH (search));

  if (g_set_object (&self->search, search))
    update_results (self);
}

gboolean
roadmap_search_panel_get_search_mode (RoadmapSearchPanel *self)
{
  g_return_val_if_fail (ROADMAP_IS_SEARCH_PANEL (self), FALSE);
  return gtk_search_bar_get_search_mode (self->search_bar);
}

/**
 * roadmap_search_panel_set_search_mode:
 *
 * Shows the search bar, with the keyboard focus in its entry, or hides
 * it and forgets the text.
 */
void
roadmap_search_panel_set_search_mode (RoadmapSearchPanel *self,
                                      gboolean            search_mode)
{
  g_return_if_fail (ROADMAP_IS_SEARCH_PANEL (self));

  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
  if (search_mode)
    gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

gboolean
roadmap_search_panel_get_active (RoadmapSearchPanel *self)
{
  g_return_val_if_fail (ROADMAP_IS_SEARCH_PANEL (self), FALSE);
  return self->active;
}

/**
 * roadmap_search_panel_set_key_capture_widget:
 *
 * Typing text while @widget (or a widget in it) has the focus, and does
 * not take the key itself, starts a search with it.
 */
void
roadmap_search_panel_set_key_capture_widget (RoadmapSearchPanel *self,
                                             GtkWidget          *widget)
{
  g_return_if_fail (ROADMAP_IS_SEARCH_PANEL (self));

  gtk_search_bar_set_key_capture_widget (self->search_bar, widget);
}

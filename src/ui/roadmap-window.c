/* roadmap-window.c — sidebar of tracks and the selected track's phases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-track-row.h"
#include "roadmap-window.h"

struct _RoadmapWindow
{
  AdwApplicationWindow parent_instance;

  RoadmapSession *session;

  AdwLeaflet *leaflet;
  GtkListBox *track_list;
  AdwWindowTitle *content_title;
  GtkStack *content_stack;
  GtkBox *phase_box;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (RoadmapWindow, roadmap_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
create_track_row (gpointer item,
                  gpointer user_data)
{
  return roadmap_track_row_new (ROADMAP_TRACK (item));
}

static GtkWidget *
create_skill_label (RoadmapSkill *skill)
{
  GtkWidget *label = gtk_label_new (roadmap_skill_get_title (skill));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "card");
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

static GtkWidget *
create_phase_view (RoadmapPhase *phase)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GListModel *skills = roadmap_phase_get_skills (phase);
  GtkWidget *column_boxes[ROADMAP_N_STATUSES];
  g_autofree char *title = NULL;
  g_autofree char *months = NULL;
  GtkWidget *label;

  /* Translators: "Phase 1 · Fundamentals" */
  title = g_strdup_printf (_("Phase %u · %s"), roadmap_phase_get_number (phase),
                           roadmap_phase_get_title (phase));
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-3");
  gtk_box_append (GTK_BOX (box), label);

  if (roadmap_phase_get_first_month (phase) == 0)
    months = g_strdup ("");
  else if (roadmap_phase_get_first_month (phase) == roadmap_phase_get_last_month (phase))
    months = g_strdup_printf (_("Month %u"), roadmap_phase_get_first_month (phase));
  else
    /* Translators: "Months 1–2" */
    months = g_strdup_printf (_("Months %u–%u"), roadmap_phase_get_first_month (phase),
                              roadmap_phase_get_last_month (phase));
  label = gtk_label_new (months);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  for (guint s = 0; s < ROADMAP_N_STATUSES; s++)
    {
      GtkWidget *heading = gtk_label_new (roadmap_status_get_label (s));

      column_boxes[s] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_bottom (heading, 6);
      gtk_box_append (GTK_BOX (column_boxes[s]), heading);
      gtk_box_append (GTK_BOX (columns), column_boxes[s]);
    }

  for (guint i = 0; i < g_list_model_get_n_items (skills); i++)
    {
      g_autoptr(RoadmapSkill) skill = g_list_model_get_item (skills, i);

      gtk_box_append (GTK_BOX (column_boxes[roadmap_skill_get_status (skill)]),
                      create_skill_label (skill));
    }

  gtk_box_append (GTK_BOX (box), columns);
  return box;
}

static void
show_track (RoadmapWindow *self,
            RoadmapTrack  *track)
{
  GListModel *phases = roadmap_track_get_phases (track);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->phase_box))) != NULL)
    gtk_box_remove (self->phase_box, child);

  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, i);

      gtk_box_append (self->phase_box, create_phase_view (phase));
    }

  adw_window_title_set_title (self->content_title, roadmap_track_get_title (track));
  gtk_window_set_title (GTK_WINDOW (self), roadmap_track_get_title (track));
  gtk_stack_set_visible_child_name (self->content_stack, "board");
}

static void
on_track_row_activated (RoadmapWindow *self,
                        GtkListBoxRow *row,
                        GtkListBox    *list)
{
  show_track (self, roadmap_track_row_get_track (ROADMAP_TRACK_ROW (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked (RoadmapWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
roadmap_window_dispose (GObject *object)
{
  RoadmapWindow *self = (RoadmapWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ROADMAP_TYPE_WINDOW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (roadmap_window_parent_class)->dispose (object);
}

static void
roadmap_window_class_init (RoadmapWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, track_list);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, phase_box);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RoadmapWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_track_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
}

static void
roadmap_window_init (RoadmapWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static char *
describe_load_errors (GPtrArray *errors)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, error->message);
    }

  return g_string_free (text, FALSE);
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
  GPtrArray *load_errors;
  RoadmapStore *store;

  g_return_val_if_fail (ROADMAP_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ROADMAP_IS_SESSION (session), NULL);

  self = g_object_new (ROADMAP_TYPE_WINDOW, "application", application, NULL);
  self->session = g_object_ref (session);
  catalog = roadmap_session_get_catalog (session);
  load_errors = roadmap_catalog_get_load_errors (catalog);
  store = roadmap_session_get_store (session);

  gtk_list_box_bind_model (self->track_list, G_LIST_MODEL (catalog),
                           create_track_row, NULL, NULL);

  if (store_error != NULL)
    {
      adw_status_page_set_description (self->error_page, store_error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (catalog)) == 0)
    {
      g_autofree char *details = describe_load_errors (load_errors);

      if (details[0] != '\0')
        adw_status_page_set_description (self->empty_page, details);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  else
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->track_list, 0);

      gtk_list_box_select_row (self->track_list, first);
      show_track (self, roadmap_track_row_get_track (ROADMAP_TRACK_ROW (first)));

      if (load_errors->len > 0)
        {
          g_autofree char *title = g_strdup_printf (ngettext ("%u roadmap could not be loaded",
                                                              "%u roadmaps could not be loaded",
                                                              load_errors->len),
                                                    load_errors->len);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
        }
    }

  if (store != NULL && roadmap_store_get_recovery_message (store) != NULL)
    {
      AdwToast *toast = adw_toast_new (roadmap_store_get_recovery_message (store));

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  return self;
}

/* roadmap-up-next-view.c
 *
 * The list is short (roadmap_up_next_list(): at most five skills) and
 * built again whenever progress changes — a move here, a change made
 * elsewhere, roadmaps loaded after the first frame — rather than
 * following every column of every phase. The window asks for it
 * (roadmap_up_next_view_refresh()); a refresh asked for several times in
 * a row is done once, when the main loop is idle. With nothing to do
 * (every skill done or skipped) the section is hidden, its heading too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-list-focus.h"
#include "roadmap-status.h"
#include "roadmap-up-next.h"
#include "roadmap-up-next-view.h"

struct _RoadmapUpNextView
{
  GtkBox parent_instance;

  RoadmapCatalog *catalog;
  guint refresh_id;

  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (RoadmapUpNextView, roadmap_up_next_view, GTK_TYPE_BOX)

enum {
  SKILL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row (RoadmapSkill *skill)
{
  RoadmapPhase *phase = roadmap_skill_get_phase (skill);
  RoadmapTrack *track = roadmap_phase_get_track (phase);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (roadmap_skill_get_title (skill));
  GtkWidget *subtitle;
  g_autofree char *where = NULL;
  g_autofree char *accessible = NULL;

  if (roadmap_skill_get_status (skill) == ROADMAP_STATUS_DOING)
    /* Translators: under a skill in Up Next: "Backend Developer · Doing" */
    where = g_strdup_printf (_("%s · %s"), roadmap_track_get_title (track),
                             roadmap_status_get_label (ROADMAP_STATUS_DOING));
  else
    /* Translators: under a skill in Up Next: "Data Engineer · Phase 2" */
    where = g_strdup_printf (_("%s · Phase %u"), roadmap_track_get_title (track),
                             roadmap_phase_get_number (phase));
  subtitle = gtk_label_new (where);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: an Up Next row's accessible name: "Python & SQL Mastery, Backend Developer · Doing" */
  accessible = g_strdup_printf (_("%s, %s"), roadmap_skill_get_title (skill), where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "roadmap-skill", g_object_ref (skill), g_object_unref);
  return row;
}

static gboolean
refresh_now (gpointer user_data)
{
  RoadmapUpNextView *self = user_data;
  g_autoptr(GPtrArray) skills = NULL;
  GtkWidget *child;
  /* The keyboard stays on the row it was on, or the one before */
  int focused = roadmap_list_focus_get_index (self->list);

  self->refresh_id = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  skills = self->catalog != NULL ? roadmap_up_next_list (self->catalog, ROADMAP_UP_NEXT_MAX) : NULL;
  for (guint i = 0; skills != NULL && i < skills->len; i++)
    gtk_list_box_append (self->list, create_row (g_ptr_array_index (skills, i)));
  gtk_widget_set_visible (GTK_WIDGET (self), skills != NULL && skills->len > 0);

  roadmap_list_focus_restore (self->list, focused);

  return G_SOURCE_REMOVE;
}

static void
on_row_activated (RoadmapUpNextView *self,
                  GtkListBoxRow     *row,
                  GtkListBox        *list)
{
  g_autoptr(RoadmapSkill) skill = g_object_ref (g_object_get_data (G_OBJECT (row), "roadmap-skill"));

  g_signal_emit (self, signals[SKILL_ACTIVATED], 0, skill);
}

static void
roadmap_up_next_view_dispose (GObject *object)
{
  RoadmapUpNextView *self = ROADMAP_UP_NEXT_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (roadmap_up_next_view_parent_class)->dispose (object);
}

static void
roadmap_up_next_view_class_init (RoadmapUpNextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = roadmap_up_next_view_dispose;

  /**
   * RoadmapUpNextView::skill-activated:
   * @skill: the skill of the row
   *
   * A row was activated (a click, Enter on it).
   */
  signals[SKILL_ACTIVATED] =
    g_signal_new ("skill-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ROADMAP_TYPE_SKILL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/roadmaptracker/Roadmap/ui/roadmap-up-next-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RoadmapUpNextView, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
roadmap_up_next_view_init (RoadmapUpNextView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * roadmap_up_next_view_set_catalog:
 * @catalog: (nullable): the tracks to look in
 */
void
roadmap_up_next_view_set_catalog (RoadmapUpNextView *self,
                                  RoadmapCatalog    *catalog)
{
  g_return_if_fail (ROADMAP_IS_UP_NEXT_VIEW (self));

  if (!g_set_object (&self->catalog, catalog))
    return;
  if (catalog != NULL)
    g_signal_connect_object (catalog, "items-changed", G_CALLBACK (roadmap_up_next_view_refresh), self,
                             G_CONNECT_SWAPPED);
  roadmap_up_next_view_refresh (self);
}

/**
 * roadmap_up_next_view_refresh:
 *
 * Lists the skills again, once the main loop is idle: progress changed.
 */
void
roadmap_up_next_view_refresh (RoadmapUpNextView *self)
{
  g_return_if_fail (ROADMAP_IS_UP_NEXT_VIEW (self));

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_now, self);
}

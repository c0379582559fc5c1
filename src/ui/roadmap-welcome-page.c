/* roadmap-welcome-page.c
 *
 * Shown by the window on a first start (roadmap_store_is_untouched()):
 * two lines on what the app does, then "I'm learning…" and the bundled
 * tracks with their summaries (the catalog's tracks that have no file of
 * their own, as they load), then Import Roadmap… and Start an Empty Track
 * (the window's actions). Choosing a track emits ::track-chosen; the
 * window hides the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "roadmap-welcome-page.h"

struct _RoadmapWelcomePage
{
  AdwBin parent_instance;

  GtkListBox *tracks;
};

G_DEFINE_FINAL_TYPE (RoadmapWelcomePage, roadmap_welcome_page, ADW_TYPE_BIN)

enum
{
  TRACK_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_bundled (gpointer item,
            gpointer user_data)
{
  return roadmap_track_get_source (ROADMAP_TRACK (item)) == NULL;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RoadmapTrack *track = ROADMAP_TRACK (item);
  g_autofree char *title = g_markup_escape_text (roadmap_track_get_title (track), -1);
  const char *summary = roadmap_track_get_summary (track);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (summary != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (summary, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "roadmap-track", g_object_ref (track), g_object_unref);
  return row;
}

static void
on_row_activated (RoadmapWelcomePage *self,
                  GtkListBoxRow      *row,
                  GtkListBox         *list)
{
  g_signal_emit (self, signals[TRACK_CHOSEN], 0, g_object_get_data (G_OBJECT (row), "roadmap-track"));
}

static void
roadmap_welcome_page_class_init (RoadmapWelcomePageClass *klass)
{
  /**
   * RoadmapWelcomePage::track-chosen:
   * @track: the track the learner follows
   */
  signals[TRACK_CHOSEN] = g_signal_new ("track-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, ROADMAP_TYPE_TRACK);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "welcome");
}

static GtkWidget *
pill (const char *label,
      const char *action,
      gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static void
roadmap_welcome_page_init (RoadmapWelcomePage *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *heading = gtk_label_new (_("I’m learning…"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Welcome to Roadmap"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Follow a learning roadmap as a board: every skill from To-do to Doing to Done, phase by phase.\n"
                                     "Your progress is saved as you go, on this computer."));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  self->tracks = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->tracks, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->tracks), "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->tracks), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading,
                                  NULL, -1);
  g_signal_connect_swapped (self->tracks, "row-activated", G_CALLBACK (on_row_activated), self);

  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), pill (_("_Import a Roadmap…"), "win.import-roadmap", FALSE));
  gtk_box_append (GTK_BOX (buttons), pill (_("_Start an Empty Track"), "win.new-track", FALSE));

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->tracks));
  gtk_box_append (GTK_BOX (box), buttons);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), clamp);
  adw_bin_set_child (ADW_BIN (self), status);
}

/**
 * roadmap_welcome_page_new:
 * @catalog: whose bundled tracks are offered, as they load
 */
GtkWidget *
roadmap_welcome_page_new (RoadmapCatalog *catalog)
{
  RoadmapWelcomePage *self;
  GtkFilterListModel *bundled;

  g_return_val_if_fail (ROADMAP_IS_CATALOG (catalog), NULL);

  self = g_object_new (ROADMAP_TYPE_WELCOME_PAGE, NULL);
  bundled = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (catalog)),
                                       GTK_FILTER (gtk_custom_filter_new (is_bundled, NULL, NULL)));
  gtk_list_box_bind_model (self->tracks, G_LIST_MODEL (bundled), create_row, NULL, NULL);
  g_object_unref (bundled);
  return GTK_WIDGET (self);
}

/* bench-bare-window.c — the floor of bench-startup: a libadwaita window
 * with a header bar and one line of text, which no application on the
 * same toolkit can open faster. It reports its first frame with the same
 * code as Roadmap (src/ui/roadmap-first-frame.c, built in).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "roadmap-first-frame.h"

static void
on_activate (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *text = gtk_label_new ("A bare window");

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_widget_set_vexpand (text, TRUE);
  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (content), text);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), content);
  gtk_window_present (GTK_WINDOW (window));
  roadmap_first_frame_report (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application =
    adw_application_new ("io.github.roadmaptracker.BareWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (application, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}

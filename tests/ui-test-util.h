/* ui-test-util.h — helpers shared by the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-application.h"
#include "roadmap-window.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  char *db_path;
  RoadmapApplication *app;
  RoadmapSession *session;
  RoadmapWindow *window;
} UiFixture;

void       ui_test_init            (int         *argc,
                                    char      ***argv);
void       ui_fixture_set_up       (UiFixture     *fixture,
                                    gconstpointer  data);
void       ui_fixture_tear_down    (UiFixture     *fixture,
                                    gconstpointer  data);
void       ui_fixture_open_window  (UiFixture     *fixture);
RoadmapSession *ui_fixture_reopen  (UiFixture     *fixture);
void       ui_spin                 (guint          ms);
gboolean   ui_spin_until           (gboolean     (*done) (gpointer),
                                    gpointer       data,
                                    guint          timeout_ms);
GtkWidget *ui_find_child           (GtkWidget     *root,
                                    GType          type);
GtkWidget *ui_find_label           (GtkWidget     *root,
                                    const char    *substring);
GtkWidget *ui_find_with_class      (GtkWidget     *root,
                                    const char    *css_class);
gboolean   ui_widget_is_inside     (GtkWidget     *widget,
                                    GtkWidget     *ancestor);

G_END_DECLS

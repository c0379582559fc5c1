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

typedef gboolean (*UiCondition) (gpointer data);

/* How a RoadmapReportJob (an export, a print) finished */
typedef struct
{
  gboolean finished;
  gboolean success;
} UiOutcome;

void                ui_test_init              (int            *argc,
                                               char         ***argv);
const char *        ui_test_init_x11          (int            *argc,
                                               char         ***argv);
const char *        ui_test_init_xdotool      (int            *argc,
                                               char         ***argv);
void                ui_test_add               (const char     *skip,
                                               const char     *path,
                                               gsize           fixture_size,
                                               GTestFixtureFunc set_up,
                                               GTestFixtureFunc test,
                                               GTestFixtureFunc tear_down);

/* A test on a UiFixture, or its skip (see ui_test_add ()) */
#define UI_TEST_ADD(skip, path, func) \
  ui_test_add (skip, path, sizeof (UiFixture), (GTestFixtureFunc) ui_fixture_set_up, \
               (GTestFixtureFunc) func, (GTestFixtureFunc) ui_fixture_tear_down)

void                ui_fixture_set_up         (UiFixture      *fixture,
                                               gconstpointer   data);
void                ui_fixture_set_up_full    (UiFixture      *fixture,
                                               gboolean        first_start);
void                ui_fixture_tear_down      (UiFixture      *fixture,
                                               gconstpointer   data);
void                ui_fixture_open_window    (UiFixture      *fixture);
void                ui_fixture_present_window (UiFixture      *fixture,
                                               int             width,
                                               int             height);
RoadmapSession *    ui_fixture_reopen         (UiFixture      *fixture);
RoadmapSkill *      ui_fixture_find_skill     (UiFixture      *fixture,
                                               const char     *track_id,
                                               const char     *skill_id);
AdwToastOverlay *   ui_fixture_get_toasts     (UiFixture      *fixture);

void                ui_outcome_watch          (gpointer        job,
                                               UiOutcome      *outcome);
gboolean            ui_outcome_is_finished    (gpointer        outcome);

void                ui_spin                   (guint           ms);
gboolean            ui_spin_until             (UiCondition     done,
                                               gpointer        data,
                                               guint           timeout_ms);
void                ui_wait_for_frame         (GtkWidget      *window);

GtkWidget *         ui_find_child             (GtkWidget      *root,
                                               GType           type);
GtkWidget *         ui_find_label             (GtkWidget      *root,
                                               const char     *substring);
GtkWidget *         ui_find_label_exact       (GtkWidget      *root,
                                               const char     *text);
GtkWidget *         ui_find_with_class        (GtkWidget      *root,
                                               const char     *css_class);
GtkWindow *         ui_find_toplevel          (GType           type);
GtkWidget *         ui_find_main_menu_button  (GtkWidget      *root);
GtkWidget *         ui_wait_for_toplevel      (GType           type);
gboolean            ui_menu_has_action        (GMenuModel     *menu,
                                               const char     *action);
void                ui_assert_menu_action     (UiFixture      *fixture,
                                               const char     *action,
                                               const char     *accel);
gboolean            ui_menu_item_is_sensitive (GtkWidget      *window,
                                               const char     *label);
GtkEventController *ui_find_controller        (GtkWidget      *widget,
                                               GType           type);
gboolean            ui_widget_is_inside       (GtkWidget      *widget,
                                               GtkWidget      *ancestor);

char *              ui_xdotool                (const char     *format,
                                               ...) G_GNUC_PRINTF (1, 2);
void                ui_press_keys             (GtkWidget      *window,
                                               const char     *keys);
void                ui_surface_origin         (GdkSurface     *surface,
                                               int            *x,
                                               int            *y);
void                ui_widget_to_screen       (GtkWidget      *widget,
                                               double          x,
                                               double          y,
                                               int            *screen_x,
                                               int            *screen_y);
void                ui_widget_point_to_screen (GtkWidget      *widget,
                                               double          fx,
                                               double          fy,
                                               int            *screen_x,
                                               int            *screen_y);
void                ui_click                  (GtkWidget      *widget,
                                               double          fx,
                                               double          fy,
                                               int             button);

void                ui_save_png               (GtkWidget      *widget,
                                               const char     *name);

GtkWidget *         ui_find_message_dialog    (void);
gboolean            ui_message_dialog_is_shown (gpointer       data);
gboolean            ui_message_dialog_is_gone (gpointer        data);

G_END_DECLS

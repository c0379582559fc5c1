/* test-board-practice.c — the plan's hands-on items as a learner meets
 * them: a "Hands-on" badge on the card that a screen reader says too, and
 * details that link a hands-on item and the skills it practises, both
 * ways; at 1400 px and at 360 px (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-skill-dialog.h"
#include "ui-test-util.h"

#define find_skill(fixture, skill_id) ui_fixture_find_skill ((fixture), "backend-developer", (skill_id))

static GtkWidget *
find_card (UiFixture  *fixture,
           const char *skill_id)
{
  GtkWidget *card = roadmap_board_find_card (roadmap_window_get_board (fixture->window),
                                             find_skill (fixture, skill_id));

  g_assert_nonnull (card);
  return card;
}

/* The card's badge, when it shows one */
static GtkWidget *
shown_badge (GtkWidget *card)
{
  GtkWidget *badge = ui_find_with_class (card, "kind-badge");

  return badge != NULL && gtk_widget_get_visible (badge) ? badge : NULL;
}

static RoadmapSkillDialog *
open_details (UiFixture  *fixture,
              const char *skill_id)
{
  RoadmapSkillDialog *dialog = roadmap_skill_dialog_new (GTK_WINDOW (fixture->window),
                                                         find_skill (fixture, skill_id),
                                                         fixture->session);

  gtk_window_present (GTK_WINDOW (dialog));
  ui_wait_for_frame (GTK_WIDGET (dialog));
  return dialog;
}

static void
close_details (RoadmapSkillDialog *dialog)
{
  gtk_window_close (GTK_WINDOW (dialog));
  ui_spin (50);
}

/* A hands-on card wears the badge and says so; a skill's card neither */
static void
test_badge (UiFixture     *fixture,
            gconstpointer  data)
{
  GtkWidget *card, *badge;

  ui_fixture_present_window (fixture, 1400, 850);
  g_assert_cmpstr (roadmap_track_get_id (roadmap_board_get_track (roadmap_window_get_board (fixture->window))),
                   ==, "backend-developer");

  card = find_card (fixture, "caching-optimization");
  badge = shown_badge (card);
  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_get_mapped (badge));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Hands-on");
  g_assert_true (gtk_widget_has_css_class (card, "practice"));
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Build a Redis cache for an API, hands-on, in To-do, Phase 2");

  card = find_card (fixture, "caching-performance");
  g_assert_null (shown_badge (card));
  g_assert_false (gtk_widget_has_css_class (card, "practice"));
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Caching & Performance Optimization, in To-do, Phase 2");

  /* The status still follows, with the kind kept */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (roadmap_session_set_status (fixture->session, find_skill (fixture, "caching-optimization"),
                                               ROADMAP_STATUS_DOING, &error));
    g_assert_no_error (error);
    ui_spin (50);
    gtk_test_accessible_assert_property (find_card (fixture, "caching-optimization"),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Build a Redis cache for an API, hands-on, in Doing, Phase 2");
    g_assert_nonnull (shown_badge (find_card (fixture, "caching-optimization")));
  }
  ui_save_png (GTK_WIDGET (fixture->window), "board-practice-wide.png");
}

/* At 360 px the badge is still there to see, inside its card */
static void
test_badge_narrow (UiFixture     *fixture,
                   gconstpointer  data)
{
  GtkWidget *card, *badge;
  graphene_rect_t bounds;

  ui_fixture_present_window (fixture, 360, 700);
  card = find_card (fixture, "docker-kubernetes");
  gtk_widget_grab_focus (card);
  ui_wait_for_frame (GTK_WIDGET (fixture->window));
  badge = shown_badge (card);
  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_get_mapped (badge));
  g_assert_true (gtk_widget_compute_bounds (badge, card, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (card));
  ui_save_png (GTK_WIDGET (fixture->window), "board-practice-narrow.png");
}

/* A hands-on item's details name the skills it practises; a skill's, the
 * hands-on items that practise it */
static void
test_details_links (UiFixture     *fixture,
                    gconstpointer  data)
{
  RoadmapSkillDialog *dialog;
  GtkWidget *badge;

  ui_fixture_present_window (fixture, 1400, 850);
  dialog = open_details (fixture, "caching-optimization");
  g_assert_nonnull (ui_find_label_exact (GTK_WIDGET (dialog), "Practises: Caching & Performance Optimization"));
  badge = ui_find_with_class (GTK_WIDGET (dialog), "kind-badge");
  g_assert_true (gtk_widget_get_mapped (badge));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Hands-on");
  ui_save_png (GTK_WIDGET (dialog), "skill-dialog-practice-wide.png");
  close_details (dialog);

  /* In roadmap order: this phase's item, then the final project's */
  dialog = open_details (fixture, "caching-performance");
  g_assert_nonnull (ui_find_label_exact (GTK_WIDGET (dialog),
                                         "Practised in: Build a Redis cache for an API, Full-Scale Project"));
  g_assert_false (gtk_widget_get_visible (ui_find_with_class (GTK_WIDGET (dialog), "kind-badge")));
  ui_save_png (GTK_WIDGET (dialog), "skill-dialog-practised-in-wide.png");
  close_details (dialog);

  /* A hands-on item that practises nothing in particular says nothing */
  dialog = open_details (fixture, "python-sql");
  g_assert_null (ui_find_label (GTK_WIDGET (dialog), "Practises:"));
  g_assert_null (ui_find_label (GTK_WIDGET (dialog), "Practised in:"));
  close_details (dialog);
}

static void
test_details_links_narrow (UiFixture     *fixture,
                           gconstpointer  data)
{
  RoadmapSkillDialog *dialog;
  GtkWidget *label;
  graphene_rect_t bounds;

  ui_fixture_present_window (fixture, 360, 700);
  dialog = open_details (fixture, "microservices-security");
  label = ui_find_label (GTK_WIDGET (dialog), "Practises: Microservices & Distributed Systems, ");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (dialog), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (dialog)));
  ui_save_png (GTK_WIDGET (dialog), "skill-dialog-practice-narrow.png");
  close_details (dialog);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  UI_TEST_ADD (NULL, "/ui/board/practice/badge", test_badge);
  UI_TEST_ADD (NULL, "/ui/board/practice/badge-narrow", test_badge_narrow);
  UI_TEST_ADD (NULL, "/ui/board/practice/details", test_details_links);
  UI_TEST_ADD (NULL, "/ui/board/practice/details-narrow", test_details_links_narrow);

  return g_test_run ();
}

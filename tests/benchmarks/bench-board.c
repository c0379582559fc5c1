/* bench-board.c — is a 500-skill track smooth to scroll and to move cards
 * on? Run under an X server: `build-aux/dev bench` (or meson benchmark).
 *
 * Prints, as medians and 95th percentiles over many frames:
 *  - showing the track (set on the board → first frame painted);
 *  - scrolling the board by a quarter page (→ the frame that shows it);
 *  - a move committed through the session (→ the frame that shows it),
 *    to the end of the next column (the keyboard's and the menu's moves)
 *    and to the top of a column (a drop there), which shifts every card
 *    of both columns;
 * and, as floors measured in the same run: scrolling a plain GtkListBox of
 * 500 one-line rows, and moving a row, styled as a card, between two plain
 * GtkListBoxes of 100 rows. 16.7 ms is one frame at 60 Hz.
 *
 * A scroll frame follows the frame before it, as in a scroll; a move
 * comes after a rest, as a learner's does, so its frame is not held back
 * to the pace of the frames before it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "roadmap-application.h"
#include "roadmap-board.h"
#include "roadmap-window.h"

#define N_PHASES          5
#define SKILLS_PER_PHASE  100
#define N_MOVES           40
#define REST_MS           50

static guint paints;
static GtkWidget *bench_window;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  paints++;
}

/* Counts the frames @window paints from now on. */
static void
watch_frames (GtkWidget *window)
{
  bench_window = window;
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
}

static gboolean
wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the next frame has been painted (a frame is
 * only painted when something changed: callers change something first). */
static void
wait_for_frame (void)
{
  guint target = paints + 1;
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, wake_up, NULL);

  while (paints < target && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
}

/* Waits for the frame showing what changed since @start, and keeps how
 * long it took. */
static void
record_frame (GArray *samples_ms,
              gint64  start)
{
  double ms;

  wait_for_frame ();
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_array_append_val (samples_ms, ms);
}

/* Lets pending work (idles, deferred phases) finish, with a fresh frame. */
static void
settle (void)
{
  for (int i = 0; i < 3; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      gtk_widget_queue_draw (bench_window);
      wait_for_frame ();
    }
}

static gboolean
stop_resting (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop idle for a while, as between a learner's actions, so
 * the next frame is not held back to the pace of the frames before it. */
static void
rest (void)
{
  gboolean done = FALSE;

  g_timeout_add (REST_MS, stop_resting, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *samples_ms,
        double      baseline_median)
{
  double median, p95;

  g_array_sort (samples_ms, compare_doubles);
  median = g_array_index (samples_ms, double, samples_ms->len / 2);
  p95 = g_array_index (samples_ms, double, MIN (samples_ms->len - 1, samples_ms->len * 95 / 100));

  if (baseline_median > 0)
    g_print ("%-44s median %7.2f ms   p95 %7.2f ms   (%u samples, %.2fx the floor)\n",
             what, median, p95, samples_ms->len, median / baseline_median);
  else
    g_print ("%-44s median %7.2f ms   p95 %7.2f ms   (%u samples)\n",
             what, median, p95, samples_ms->len);
}

static double
median_of (GArray *samples_ms)
{
  g_array_sort (samples_ms, compare_doubles);
  return g_array_index (samples_ms, double, samples_ms->len / 2);
}

static char *
write_big_roadmap (const char *dir)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": 1, \"id\": \"big\", \"title\": \"Big Track\", \"phases\": [");
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GError) error = NULL;

  for (guint p = 0; p < N_PHASES; p++)
    {
      g_string_append_printf (json, "%s{\"id\": \"phase-%u\", \"title\": \"Phase %u\", \"months\": [%u, %u], \"skills\": [",
                              p > 0 ? "," : "", p, p + 1, p + 1, p + 1);
      for (guint s = 0; s < SKILLS_PER_PHASE; s++)
        g_string_append_printf (json,
                                "%s{\"id\": \"skill-%u-%u\", \"title\": \"Skill %u of phase %u, with a title long enough to wrap\","
                                " \"topics\": [\"one\", \"two\"], \"resources\": [{\"title\": \"Docs\", \"url\": \"https://example.org/%u\"}],"
                                " \"estimate_hours\": %u}",
                                s > 0 ? "," : "", p, s, s, p + 1, s, 5 + s % 20);
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}");

  g_file_set_contents (path, json->str, (gssize) json->len, &error);
  g_assert_no_error (error);
  return g_strdup (dir);
}

static GArray *
scroll_through (GtkAdjustment *adjustment)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));

  gtk_adjustment_set_value (adjustment, 0);
  settle ();

  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment))
    {
      gint64 start = g_get_monotonic_time ();

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment) / 4);
      record_frame (samples, start);
    }

  return samples;
}

/* A 1200×800 window scrolling @content, shown, its frames counted */
static GtkWidget *
floor_window_new (GtkWidget *content)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  watch_frames (window);
  settle ();
  return window;
}

/* Reports a floor, closes its window; returns its median */
static double
floor_window_close (GtkWidget  *window,
                    GtkWidget  *previous,
                    const char *what,
                    GArray     *samples_ms)
{
  double median = median_of (samples_ms);

  report (what, samples_ms, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  bench_window = previous;
  return median;
}

static double
scroll_floor (void)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *previous = bench_window;
  GtkWidget *window;
  g_autoptr(GArray) samples = NULL;

  for (guint i = 0; i < N_PHASES * SKILLS_PER_PHASE; i++)
    {
      g_autofree char *text = g_strdup_printf ("Skill %u, with a title long enough to wrap", i);

      gtk_list_box_append (GTK_LIST_BOX (list), gtk_label_new (text));
    }
  window = floor_window_new (list);
  samples = scroll_through (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_window_get_child (GTK_WINDOW (window)))));
  return floor_window_close (window, previous, "floor: scroll a plain list of 500 rows", samples);
}

static GtkWidget *
floor_card (guint i)
{
  g_autofree char *title = g_strdup_printf ("Skill %u of phase 1, with a title long enough to wrap", i);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *face = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (face), label);
  label = gtk_label_new ("2 topics · 1 link · about 15 h");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (face), label);
  gtk_widget_add_css_class (face, "card");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), face);
  gtk_widget_add_css_class (row, "skill-card");
  return row;
}

/* The toolkit's own cost of what a move shows: a row, styled like a card,
 * taken from the top of one list and put at the top of another. */
static double
move_floor (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *lists[2] = { gtk_list_box_new (), gtk_list_box_new () };
  GtkWidget *previous = bench_window;
  GtkWidget *window;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint l = 0; l < 2; l++)
    {
      gtk_widget_add_css_class (lists[l], "skill-list");
      gtk_widget_set_hexpand (lists[l], TRUE);
      gtk_widget_set_valign (lists[l], GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), lists[l]);
    }
  for (guint i = 0; i < SKILLS_PER_PHASE; i++)
    gtk_list_box_append (GTK_LIST_BOX (lists[0]), floor_card (i));
  window = floor_window_new (box);

  for (guint i = 0; i < N_MOVES; i++)
    {
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (lists[0]), 0));
      gint64 start;

      rest ();
      start = g_get_monotonic_time ();
      g_object_ref (row);
      gtk_list_box_remove (GTK_LIST_BOX (lists[0]), row);
      gtk_list_box_insert (GTK_LIST_BOX (lists[1]), row, 0);
      g_object_unref (row);
      record_frame (samples, start);
    }
  return floor_window_close (window, previous, "floor: move a row between two plain lists", samples);
}

/* Moves the first @N_MOVES skills of the first phase out of To-do, one
 * after the other, to Doing and Done in turn: to the top of the column
 * if @to_top, else to its end. */
static GArray *
move_cards (RoadmapBoard *board,
            RoadmapTrack *track,
            gboolean      to_top)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < N_MOVES; i++)
    {
      g_autofree char *id = g_strdup_printf ("skill-0-%u", to_top ? i : N_MOVES + i);
      RoadmapSkill *skill = roadmap_track_find_skill (track, id);
      RoadmapStatus status = i % 2 ? ROADMAP_STATUS_DONE : ROADMAP_STATUS_DOING;
      g_autoptr(RoadmapSkill) first = NULL;
      gint64 start;

      g_assert (skill != NULL);
      if (to_top)
        first = g_list_model_get_item (roadmap_phase_get_column (roadmap_skill_get_phase (skill), status), 0);
      rest ();
      start = g_get_monotonic_time ();
      if (!roadmap_board_move_skill (board, skill, status, first) ||
          roadmap_skill_get_status (skill) != status)
        g_error ("the move of %s was not committed", id);
      record_frame (samples, start);
    }

  return samples;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("roadmap-bench-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "progress.db", NULL);
  g_autofree char *roadmap_dir = NULL;
  g_autoptr(RoadmapApplication) app = NULL;
  g_autoptr(RoadmapSession) session = NULL;
  g_autoptr(GArray) show = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scroll = NULL;
  g_autoptr(GArray) moves_to_end = NULL;
  g_autoptr(GArray) moves_to_top = NULL;
  g_autoptr(GError) error = NULL;
  RoadmapWindow *window;
  RoadmapBoard *board;
  RoadmapTrack *track;
  GtkScrolledWindow *scroller;
  double floor_ms, move_floor_ms;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  roadmap_dir = write_big_roadmap (dir);
  app = roadmap_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  session = roadmap_session_new (db_path, roadmap_dir);
  if (!roadmap_session_load_roadmaps (session, &error) || !roadmap_session_open_store (session, &error))
    g_error ("%s", error->message);

  track = roadmap_catalog_find_track (roadmap_session_get_catalog (session), "big");
  g_assert_nonnull (track);

  g_print ("Board benchmark: one track of %u skills in %u phases, window 1200×800\n",
           N_PHASES * SKILLS_PER_PHASE, N_PHASES);

  floor_ms = scroll_floor ();
  move_floor_ms = move_floor ();

  window = roadmap_window_new (app, session, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  watch_frames (GTK_WIDGET (window));
  settle ();

  board = roadmap_window_get_board (window);
  for (int i = 0; i < 5; i++)
    {
      gint64 start = g_get_monotonic_time ();

      roadmap_board_set_track (board, track);
      record_frame (show, start);
      settle ();
      roadmap_board_set_track (board, NULL);
      settle ();
    }
  roadmap_board_set_track (board, track);
  settle ();
  report ("show the track (first frame)", show, 0);

  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (board)));
  scroll = scroll_through (gtk_scrolled_window_get_vadjustment (scroller));
  report ("scroll the board by a quarter page", scroll, floor_ms);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
  settle ();
  moves_to_end = move_cards (board, track, FALSE);
  settle ();
  moves_to_top = move_cards (board, track, TRUE);
  report ("move a card to the end of the next column", moves_to_end, move_floor_ms);
  report ("move a card to the top of a column", moves_to_top, move_floor_ms);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (db_path);
  return 0;
}

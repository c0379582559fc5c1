/* test-skipped.c — the Skipped status through every layer: the counts
 * with and without it, its dates, the preference in the database (seen
 * by a second session), the migration from schema 3, progress files and
 * the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "roadmap-report.h"
#include "roadmap-report-export.h"
#include "roadmap-session.h"
#include "store-test-util.h"

typedef SessionFixture Fixture;

static RoadmapSkill *
skill_of (RoadmapSession *session,
          const char     *skill_id)
{
  RoadmapSkill *skill = roadmap_catalog_find_skill (roadmap_session_get_catalog (session),
                                                    "backend-developer", skill_id);

  g_assert_nonnull (skill);
  return skill;
}

static void
set_status (RoadmapSession *session,
            const char     *skill_id,
            RoadmapStatus   status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_status (session, skill_of (session, skill_id), status, &error));
  g_assert_no_error (error);
}

static void
set_count_skipped (RoadmapSession *session,
                   gboolean        count)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (roadmap_session_set_count_skipped_as_done (session, count, &error));
  g_assert_no_error (error);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

/* Fundamentals: python-sql (35 h), database-design (25 h), api-development (40 h) */
static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  RoadmapTrack *track = roadmap_catalog_find_track (catalog, "backend-developer");
  RoadmapPhase *phase = roadmap_skill_get_phase (skill_of (fixture->session, "python-sql"));
  guint track_total = roadmap_track_get_n_skills (track);
  guint track_hours = roadmap_track_get_hours_planned (track);
  guint n_fraction = 0, n_counted = 0;

  g_signal_connect (phase, "notify::fraction", G_CALLBACK (count_notify), &n_fraction);
  g_signal_connect (track, "notify::n-counted", G_CALLBACK (count_notify), &n_counted);

  set_status (fixture->session, "python-sql", ROADMAP_STATUS_SKIPPED);
  set_status (fixture->session, "database-design", ROADMAP_STATUS_DONE);

  /* Left out by default: 1 of 2 done, 25 of 65 hours */
  g_assert_false (roadmap_catalog_get_count_skipped_as_done (catalog));
  g_assert_cmpuint (roadmap_phase_get_n_with_status (phase, ROADMAP_STATUS_SKIPPED), ==, 1);
  g_assert_cmpuint (roadmap_phase_get_n_counted (phase), ==, 2);
  g_assert_cmpuint (roadmap_phase_get_n_counted_done (phase), ==, 1);
  g_assert_cmpuint (roadmap_phase_get_hours_planned (phase), ==, 65);
  g_assert_cmpuint (roadmap_phase_get_hours_done (phase), ==, 25);
  g_assert_cmpuint (roadmap_track_get_n_counted (track), ==, track_total - 1);
  g_assert_cmpuint (roadmap_track_get_n_counted_done (track), ==, 1);
  g_assert_cmpuint (roadmap_track_get_hours_planned (track), ==, track_hours - 35);
  g_assert_cmpuint (roadmap_track_get_n_skills (track), ==, track_total);
  g_assert_cmpuint (n_counted, >, 0);

  /* Counted as done: 2 of 3, 60 of 100 hours; the views are told */
  n_fraction = 0;
  set_count_skipped (fixture->session, TRUE);
  g_assert_true (roadmap_catalog_get_count_skipped_as_done (catalog));
  g_assert_true (roadmap_track_get_count_skipped_as_done (track));
  g_assert_cmpuint (roadmap_phase_get_n_counted (phase), ==, 3);
  g_assert_cmpuint (roadmap_phase_get_n_counted_done (phase), ==, 2);
  g_assert_cmpuint (roadmap_phase_get_hours_planned (phase), ==, 100);
  g_assert_cmpuint (roadmap_phase_get_hours_done (phase), ==, 60);
  g_assert_cmpuint (roadmap_track_get_n_counted (track), ==, track_total);
  g_assert_cmpuint (roadmap_track_get_n_counted_done (track), ==, 2);
  g_assert_cmpuint (roadmap_track_get_hours_planned (track), ==, track_hours);
  g_assert_cmpuint (n_fraction, ==, 1);

  /* A skill moved back out of Skipped counts as it did */
  set_status (fixture->session, "python-sql", ROADMAP_STATUS_TODO);
  g_assert_cmpuint (roadmap_phase_get_n_counted (phase), ==, 3);
  g_assert_cmpuint (roadmap_phase_get_n_counted_done (phase), ==, 1);

  g_signal_handlers_disconnect_by_data (phase, &n_fraction);
  g_signal_handlers_disconnect_by_data (track, &n_counted);
}

/* The preference is in the database: another session (another process,
 * the command line) counts the same way, and follows a change. */
static void
test_preference_shared (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RoadmapSession) other = NULL;
  g_autoptr(GError) error = NULL;
  RoadmapCatalog *other_catalog;
  g_autoptr(sqlite3) db = NULL;

  set_status (fixture->session, "python-sql", ROADMAP_STATUS_SKIPPED);
  set_count_skipped (fixture->session, TRUE);

  other = store_test_open_session (fixture->db_path);
  other_catalog = roadmap_session_get_catalog (other);
  g_assert_true (roadmap_catalog_get_count_skipped_as_done (other_catalog));
  g_assert_cmpuint (roadmap_phase_get_n_counted_done (roadmap_skill_get_phase (skill_of (other, "python-sql"))), ==, 1);

  /* Changed here: the other session sees it on its next reload */
  set_count_skipped (fixture->session, FALSE);
  g_assert_true (roadmap_session_reload (other, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (roadmap_catalog_get_count_skipped_as_done (other_catalog));

  /* Setting it again to the same writes nothing */
  db = store_test_sqlite_open (fixture->db_path);
  {
    gint64 last = store_test_query_int (db, "SELECT max (id) FROM history");

    set_count_skipped (fixture->session, FALSE);
    g_assert_cmpint (store_test_query_int (db, "SELECT max (id) FROM history"), ==, last);
  }
  g_assert_cmpint (store_test_query_int (db, "SELECT value FROM preferences WHERE key = 'count-skipped-as-done'"),
                   ==, 0);
}

/* Skipped keeps the start it had and drops the finish; an undo brings
 * back what it dropped */
static void
test_dates (Fixture       *fixture,
            gconstpointer  data)
{
  RoadmapSkill *skill = skill_of (fixture->session, "python-sql");
  g_autoptr(GError) error = NULL;

  set_status (fixture->session, "python-sql", ROADMAP_STATUS_SKIPPED);
  g_assert_null (roadmap_skill_get_started_at (skill));
  g_assert_null (roadmap_skill_get_finished_at (skill));

  set_status (fixture->session, "python-sql", ROADMAP_STATUS_DOING);
  g_assert_nonnull (roadmap_skill_get_started_at (skill));
  set_status (fixture->session, "python-sql", ROADMAP_STATUS_SKIPPED);
  g_assert_nonnull (roadmap_skill_get_started_at (skill));
  g_assert_null (roadmap_skill_get_finished_at (skill));

  set_status (fixture->session, "python-sql", ROADMAP_STATUS_DONE);
  g_assert_nonnull (roadmap_skill_get_finished_at (skill));
  set_status (fixture->session, "python-sql", ROADMAP_STATUS_SKIPPED);
  g_assert_null (roadmap_skill_get_finished_at (skill));

  g_assert_true (roadmap_session_undo (fixture->session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (roadmap_skill_get_status (skill), ==, ROADMAP_STATUS_DONE);
  g_assert_nonnull (roadmap_skill_get_finished_at (skill));
}

/* A database written by the release before topics and preferences
 * (schema 3) opens with its progress, gains the preferences, and counts
 * Skipped out */
static void
test_migration (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db_path = store_test_copy_fixture ("schema-3.db", 3, dir);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RoadmapSession) session = store_test_open_session (db_path);
    g_autoptr(sqlite3) db = store_test_sqlite_open (db_path);

    g_assert_cmpint (store_test_query_int (db, "PRAGMA user_version"), ==, 7);
    g_assert_cmpint (roadmap_skill_get_status (skill_of (session, "python-sql")), ==, ROADMAP_STATUS_DOING);
    g_assert_cmpint (roadmap_skill_get_status (roadmap_catalog_find_skill (roadmap_session_get_catalog (session),
                                                                           "data-engineer", "python-sql")),
                     ==, ROADMAP_STATUS_DONE);
    g_assert_false (roadmap_catalog_get_count_skipped_as_done (roadmap_session_get_catalog (session)));
    g_assert_cmpint (store_test_query_int (db, "SELECT count (*) FROM preferences"), ==, 0);

    set_status (session, "api-development", ROADMAP_STATUS_SKIPPED);
    set_count_skipped (session, TRUE);
  }

  {
    g_autoptr(RoadmapSession) session = store_test_open_session (db_path);

    g_assert_cmpint (roadmap_skill_get_status (skill_of (session, "api-development")), ==, ROADMAP_STATUS_SKIPPED);
    g_assert_true (roadmap_catalog_get_count_skipped_as_done (roadmap_session_get_catalog (session)));
  }

  store_test_assert_integrity (db_path);
  store_test_remove_dir (dir);
}

static JsonObject *
find_entry (JsonNode   *root,
            const char *skill_id)
{
  JsonArray *skills = json_object_get_array_member (json_node_get_object (root), "skills");

  for (guint i = 0; i < json_array_get_length (skills); i++)
    {
      JsonObject *entry = json_array_get_object_element (skills, i);

      if (g_str_equal (json_object_get_string_member (entry, "skill"), skill_id))
        return entry;
    }

  return NULL;
}

/* Export writes "skipped"; import takes it back; a skipped skill with a
 * finish date is refused, naming the entry */
static void
test_progress_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "progress.json", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *other_db = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(RoadmapSession) other = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *entry;

  set_status (fixture->session, "python-sql", ROADMAP_STATUS_DOING);
  set_status (fixture->session, "python-sql", ROADMAP_STATUS_SKIPPED);
  set_status (fixture->session, "api-development", ROADMAP_STATUS_SKIPPED);
  g_assert_true (roadmap_session_export_progress (fixture->session, file, &error));
  g_assert_no_error (error);

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  entry = find_entry (json_parser_get_root (parser), "python-sql");
  g_assert_nonnull (entry);
  g_assert_cmpstr (json_object_get_string_member (entry, "status"), ==, "skipped");
  g_assert_true (json_object_has_member (entry, "started_at"));
  g_assert_false (json_object_has_member (entry, "finished_at"));

  other = store_test_open_session (other_db);
  g_assert_true (roadmap_session_import_progress (other, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (roadmap_skill_get_status (skill_of (other, "python-sql")), ==, ROADMAP_STATUS_SKIPPED);
  g_assert_nonnull (roadmap_skill_get_started_at (skill_of (other, "python-sql")));
  g_assert_cmpint (roadmap_skill_get_status (skill_of (other, "api-development")), ==, ROADMAP_STATUS_SKIPPED);
  g_assert_cmpuint (roadmap_skill_get_position (skill_of (other, "api-development")), ==, 1);

  /* A finish on a skipped skill: refused, nothing changed */
  g_assert_true (g_file_set_contents (bad_path,
                                      "{ \"format\": 1, \"kind\": \"roadmap-progress\","
                                      "  \"exported_at\": \"2026-12-01T10:00:00Z\","
                                      "  \"skills\": [ { \"track\": \"backend-developer\", \"skill\": \"python-sql\","
                                      "                  \"status\": \"skipped\", \"position\": 0,"
                                      "                  \"finished_at\": \"2026-11-01T10:00:00Z\" } ] }",
                                      -1, &error));
  g_assert_false (roadmap_session_import_progress (other, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "skills[0].finished_at"));
  g_assert_nonnull (strstr (error->message, "a skipped skill has no finish date"));
  g_clear_error (&error);
  g_assert_cmpint (roadmap_skill_get_status (skill_of (other, "api-development")), ==, ROADMAP_STATUS_SKIPPED);
}

/* The report counts as the learner does and lists skipped skills apart,
 * after the others */
static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  RoadmapCatalog *catalog = roadmap_session_get_catalog (fixture->session);
  g_autoptr(RoadmapReportSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const RoadmapReportPhase *phase;

  set_status (fixture->session, "python-sql", ROADMAP_STATUS_SKIPPED);
  set_status (fixture->session, "database-design", ROADMAP_STATUS_DONE);

  snapshot = roadmap_report_snapshot_new (catalog, "backend-developer", &error);
  g_assert_no_error (error);
  phase = &snapshot->tracks[0].phases[0];
  g_assert_cmpstr (phase->skills[0].title, ==, "Database Design");
  g_assert_cmpstr (phase->skills[1].title, ==, "API Development");
  g_assert_cmpint (phase->skills[2].status, ==, ROADMAP_STATUS_SKIPPED);
  g_assert_cmpuint (phase->counts.n_counted, ==, 2);
  g_assert_cmpuint (phase->counts.n_counted_done, ==, 1);
  g_assert_false (snapshot->count_skipped_as_done);
  g_clear_pointer (&snapshot, roadmap_report_snapshot_unref);

  set_count_skipped (fixture->session, TRUE);
  snapshot = roadmap_report_snapshot_new (catalog, "backend-developer", &error);
  g_assert_no_error (error);
  phase = &snapshot->tracks[0].phases[0];
  g_assert_cmpuint (phase->counts.n_counted, ==, 3);
  g_assert_cmpuint (phase->counts.n_counted_done, ==, 2);
  g_assert_true (snapshot->count_skipped_as_done);

  /* Read back from the PDF */
  if (pdftotext != NULL)
    {
      g_autofree char *pdf_path = g_build_filename (fixture->dir, "report.pdf", NULL);
      g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
      g_autoptr(RoadmapReport) report = roadmap_report_new (snapshot);
      const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf_path, "-", NULL };
      g_autofree char *text = NULL;
      g_autofree char *skipped_heading = NULL;
      const char *skipped_row;

      g_assert_true (roadmap_report_export_pdf (report, pdf, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &text, NULL, NULL, &error));
      g_assert_no_error (error);

      /* Counted as done: the phase says 2 of 3, and 1 skipped */
      g_assert_nonnull (strstr (text, "2 of 3 skills done (67 %)"));
      g_assert_nonnull (strstr (text, "1 skipped"));
      /* "Skipped (1)" above the skipped row, after the others */
      skipped_row = strstr (text, "Python & SQL Mastery");
      g_assert_nonnull (strstr (text, "Skipped (1)"));
      g_assert_true (strstr (text, "Skipped (1)") < skipped_row);
      g_assert_true (strstr (text, "API Development") < strstr (text, "Skipped (1)"));
    }
  else
    g_test_message ("pdftotext is not installed: the PDF is not read back");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, session_fixture_set_up, func, session_fixture_tear_down)

  ADD ("/skipped/counts", test_counts);
  ADD ("/skipped/preference-shared", test_preference_shared);
  ADD ("/skipped/dates", test_dates);
  ADD ("/skipped/progress-file", test_progress_file);
  ADD ("/skipped/report", test_report);
  g_test_add_func ("/skipped/migration", test_migration);

#undef ADD

  return g_test_run ();
}

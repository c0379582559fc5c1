/* test-store-corrupt.c — damaged, foreign, newer and read-only databases
 *
 * A damaged database (random bytes, or a real one cut in half) is kept
 * aside as `<db>.corrupt-*`, never deleted, and the last backup restored,
 * with a message saying so. A database of a newer Roadmap or of another
 * program is refused and left byte-for-byte as it was. A read-only one
 * fails with READ_ONLY; since root ignores permissions, that check runs
 * in a child process without privileges (`setpriv`), the test binary run
 * as `test-store-corrupt --read-only-child DB`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "store-test-util.h"

#define NOBODY 65534

typedef struct
{
  char *dir;
  char *db_path;
  char *backup_path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = store_test_make_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "progress.db", NULL);
  fixture->backup_path = g_strconcat (fixture->db_path, ".backup", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  store_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->backup_path, g_free);
}

static void
move (RoadmapStore   *store,
      RoadmapCatalog *catalog,
      const char     *track_id,
      const char     *skill_id,
      RoadmapStatus   status)
{
  g_autoptr(GError) error = NULL;

  store_test_move_skill (store, store_test_skill (catalog, track_id, skill_id), status, 0, &error);
  g_assert_no_error (error);
}

/* A real database with some progress, closed (so without a -wal file).
 * With @backup, `<db>.backup` holds the same progress. Returns the
 * description of the model. */
static char *
make_database (Fixture  *fixture,
               gboolean  backup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapStore) store = roadmap_store_open (fixture->db_path, &error);
  g_autoptr(RoadmapCatalog) catalog = store_test_small_catalog ();
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  char *description;

  g_assert_no_error (error);
  roadmap_store_load_progress (store, catalog, &error);
  g_assert_no_error (error);

  move (store, catalog, "alpha", "c", ROADMAP_STATUS_DOING);
  move (store, catalog, "alpha", "a", ROADMAP_STATUS_DONE);
  move (store, catalog, "alpha", "g", ROADMAP_STATUS_DOING);
  move (store, catalog, "beta", "y", ROADMAP_STATUS_DONE);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *note = g_strdup_printf ("note number %u, long enough to fill some pages: %0200u", i, i);

      store_test_set_note (store, store_test_skill (catalog, "alpha", "b"), note, &error);
      g_assert_no_error (error);
    }
  description = store_test_describe_catalog (catalog);

  /* The automatic backup was made on open, before these changes */
  if (backup)
    {
      roadmap_store_backup (store, fixture->backup_path, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_assert_cmpint (g_unlink (fixture->backup_path), ==, 0);
    }

  g_clear_object (&store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  return description;
}

/* The model with no progress at all, as a new database gives it */
static char *
describe_empty (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "empty.db", NULL);
  char *description = store_test_describe_reopened (db_path, FALSE);

  store_test_remove_dir (dir);
  return description;
}

/* quick_check through plain SQLite, on a copy so that nothing touches the
 * file under test. */
static gboolean
passes_quick_check (const char *path)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(GBytes) bytes = store_test_read_file (path);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  g_file_set_contents (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  if (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  store_test_remove_dir (dir);

  return ok;
}

/* Opens the damaged database at @fixture->db_path (its content @damaged)
 * and checks the recovery; returns the loaded model's description. */
static char *
open_damaged (Fixture  *fixture,
              GBytes   *damaged,
              gboolean  expect_backup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(RoadmapCatalog) catalog = store_test_small_catalog ();
  g_autofree char *kept = NULL;
  g_autofree char *model = NULL;
  g_autofree char *after = NULL;
  const char *message;

  store = roadmap_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  /* The user is told, and told where the damaged file is */
  message = roadmap_store_get_recovery_message (store);
  g_assert_nonnull (message);
  g_test_message ("recovery message: %s", message);

  kept = store_test_find_corrupt_copy (fixture->db_path);
  g_assert_nonnull (kept);
  g_assert_nonnull (strstr (message, kept));

  /* … which is exactly the damaged file */
  store_test_assert_file_equals (kept, damaged);

  if (expect_backup)
    g_assert_nonnull (strstr (message, "restored from the last backup"));
  else
    g_assert_nonnull (strstr (message, "no usable backup"));

  /* The new database is sound, private and usable */
  g_assert_cmpuint (store_test_file_mode (fixture->db_path), ==, 0600);
  roadmap_store_load_progress (store, catalog, &error);
  g_assert_no_error (error);
  model = store_test_describe_catalog (catalog);

  move (store, catalog, "alpha", "h", ROADMAP_STATUS_DONE);
  after = store_test_describe_catalog (catalog);
  g_clear_object (&store);
  store_test_assert_integrity (fixture->db_path);

  {
    /* Reopening: no recovery any more, the new change is there */
    g_autofree char *reopened = store_test_describe_reopened (fixture->db_path, FALSE);

    g_assert_cmpstr (reopened, ==, after);
  }

  /* The damaged file is still kept */
  store_test_assert_file_equals (kept, damaged);

  return g_steal_pointer (&model);
}

static void
write_garbage (Fixture *fixture,
               GBytes **garbage)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "store", "garbage.db", NULL);
  g_autoptr(GError) error = NULL;

  *garbage = store_test_read_file (fixture_path);
  g_assert_cmpuint (g_bytes_get_size (*garbage), >=, 4096);
  g_assert_false (passes_quick_check (fixture_path));

  g_file_set_contents (fixture->db_path, g_bytes_get_data (*garbage, NULL), g_bytes_get_size (*garbage),
                       &error);
  g_assert_no_error (error);
}

/* Cuts a real database in half.
 *
 * What SQLite notices depends on where the cut is: it reads past the end
 * of a file as zeros, so cutting only the unused tail of the last page
 * loses nothing and quick_check says "ok" (rightly); cutting at or before
 * the last page boundary loses pages the header still counts, and
 * quick_check reports them. Half of a database of several pages is always
 * the second kind; the assertion below makes sure of it. */
static void
truncate_database (Fixture *fixture,
                   GBytes **truncated)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >=, 4 * 4096);
  g_assert_cmpint (truncate (fixture->db_path, st.st_size / 2), ==, 0);

  g_assert_false (passes_quick_check (fixture->db_path));
  *truncated = store_test_read_file (fixture->db_path);
}

/* Tests */

typedef enum
{
  DAMAGE_GARBAGE,    /* a file of random bytes */
  DAMAGE_EMPTIED,    /* a real database, emptied */
  DAMAGE_TRUNCATED,  /* a real database, cut in half */
} Damage;

typedef enum
{
  BACKUP_NONE,
  BACKUP_GOOD,       /* a backup of the progress */
  BACKUP_DAMAGED,    /* a backup that is not a database either */
} Backup;

typedef struct
{
  const char *path;
  Damage damage;
  gboolean with_progress;  /* a real database with progress came first */
  Backup backup;
} DamageCase;

static const DamageCase damage_cases[] = {
  { "/store/corrupt/garbage/with-backup", DAMAGE_GARBAGE, TRUE, BACKUP_GOOD },
  /* Something emptied the file (a crashed editor, a bad copy): with a
   * backup there, that is damage to repair, not a fresh start. */
  { "/store/corrupt/emptied/with-backup", DAMAGE_EMPTIED, TRUE, BACKUP_GOOD },
  { "/store/corrupt/truncated/without-backup", DAMAGE_TRUNCATED, TRUE, BACKUP_NONE },
  { "/store/corrupt/truncated/with-backup", DAMAGE_TRUNCATED, TRUE, BACKUP_GOOD },
  /* Both the database and its backup are damaged: nothing to restore,
   * and neither file is deleted. */
  { "/store/corrupt/damaged-backup", DAMAGE_GARBAGE, FALSE, BACKUP_DAMAGED },
};

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  const DamageCase *test = data;
  g_autoptr(GBytes) damaged = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *model = NULL;

  if (test->with_progress)
    saved = make_database (fixture, test->backup == BACKUP_GOOD);
  if (test->backup != BACKUP_GOOD)
    empty = describe_empty ();

  switch (test->damage)
    {
    case DAMAGE_GARBAGE:
      write_garbage (fixture, &damaged);
      break;
    case DAMAGE_EMPTIED:
      g_assert_cmpint (truncate (fixture->db_path, 0), ==, 0);
      damaged = g_bytes_new (NULL, 0);
      break;
    case DAMAGE_TRUNCATED:
      truncate_database (fixture, &damaged);
      break;
    }

  if (test->backup == BACKUP_DAMAGED)
    {
      g_autoptr(GError) error = NULL;

      g_file_set_contents (fixture->backup_path, "not a database either", -1, &error);
      g_assert_no_error (error);
    }

  model = open_damaged (fixture, damaged, test->backup == BACKUP_GOOD);

  if (test->backup == BACKUP_GOOD)
    {
      /* The progress of the backup is back */
      g_assert_cmpstr (model, ==, saved);
    }
  else
    {
      /* Progress starts empty (and the message said so) */
      g_assert_cmpstr (model, ==, empty);
      if (saved != NULL)
        g_assert_cmpstr (model, !=, saved);
    }

  if (test->backup == BACKUP_DAMAGED)
    g_assert_true (g_file_test (fixture->backup_path, G_FILE_TEST_IS_REGULAR));
}

/* Opening must fail with @code and leave the file exactly as it was. */
static void
assert_refused (Fixture *fixture,
                int      code)
{
  g_autoptr(GBytes) before = store_test_read_file (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapStore) store = NULL;
  g_autofree char *kept = NULL;

  store = roadmap_store_open (fixture->db_path, &error);
  g_assert_null (store);
  g_assert_error (error, ROADMAP_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, fixture->db_path));
  g_test_message ("refused: %s", error->message);

  store_test_assert_file_equals (fixture->db_path, before);
  kept = store_test_find_corrupt_copy (fixture->db_path);
  g_assert_null (kept);

  /* And again: refusing is not a one-off */
  g_clear_error (&error);
  store = roadmap_store_open (fixture->db_path, &error);
  g_assert_null (store);
  g_assert_error (error, ROADMAP_STORE_ERROR, code);
  store_test_assert_file_equals (fixture->db_path, before);
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *saved = make_database (fixture, FALSE);
  g_autoptr(sqlite3) db = store_test_sqlite_open (fixture->db_path);

  g_assert_cmpint (store_test_query_int (db, "PRAGMA application_id"), ==, 0x52644d70);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&db, sqlite3_close);

  assert_refused (fixture, ROADMAP_STORE_ERROR_NEWER_VERSION);

  /* Still the newer version's database, with all its rows */
  db = store_test_sqlite_open (fixture->db_path);
  g_assert_cmpint (store_test_query_int (db, "PRAGMA user_version"), ==, 99);
  /* the four moves, and the forty notes of one skill on one day as one
   * activity mark */
  g_assert_cmpint (store_test_query_int (db, "SELECT count(*) FROM history"), ==, 5);
  (void) saved;
}

static void
make_foreign (Fixture    *fixture,
              const char *pragmas)
{
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *sql = g_strconcat (pragmas,
                                      "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);"
                                      "INSERT INTO contacts (name) VALUES ('Ada'), ('Grace');",
                                      NULL);

  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_foreign (Fixture       *fixture,
              gconstpointer  data)
{
  make_foreign (fixture, "PRAGMA application_id = 0x12345678;");
  assert_refused (fixture, ROADMAP_STORE_ERROR_NOT_ROADMAP);
}

/* Most programs set no application_id: a database with tables but none of
 * Roadmap's marks is not Roadmap's either, and must not get Roadmap's
 * tables added to it. */
static void
test_foreign_without_application_id (Fixture       *fixture,
                                     gconstpointer  data)
{
  make_foreign (fixture, "");
  assert_refused (fixture, ROADMAP_STORE_ERROR_NOT_ROADMAP);

  g_clear_pointer (&fixture->db_path, g_free);
  fixture->db_path = g_build_filename (fixture->dir, "other.db", NULL);
  make_foreign (fixture, "PRAGMA user_version = 7;");
  assert_refused (fixture, ROADMAP_STORE_ERROR_NOT_ROADMAP);
}

/* A file that is not a database at all, with no backup of ours beside it
 * (a JSON file, a text file given to --db) was never Roadmap's: refused
 * and left as it was, not moved aside. With our backup beside it, it was
 * ours and is damaged (see the garbage cases above). */
static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const contents[] = {
    "{\"format\": 1, \"id\": \"my-roadmap\"}\n",
    "a text file\n",
    "SQLite format 3",               /* the magic, cut short */
    "SQLite",
  };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autoptr(GError) error = NULL;

      g_file_set_contents (fixture->db_path, contents[i], -1, &error);
      g_assert_no_error (error);
      assert_refused (fixture, ROADMAP_STORE_ERROR_NOT_ROADMAP);
    }

  {
    g_autoptr(GBytes) garbage = NULL;

    write_garbage (fixture, &garbage);
    assert_refused (fixture, ROADMAP_STORE_ERROR_NOT_ROADMAP);
  }
}

/* Read-only: the child, running without privileges */

static int
read_only_child (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoadmapStore) store = NULL;
  g_autoptr(RoadmapCatalog) catalog = store_test_small_catalog ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (geteuid (), !=, 0);

  /* Opened to be read: the progress is all there */
  store = roadmap_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (roadmap_store_is_read_only (store));

  roadmap_store_load_progress (store, catalog, &error);
  g_assert_no_error (error);
  before = store_test_describe_catalog (catalog);
  /* As bytes: g_print() would convert to the child's locale */
  fputs ("opened: ", stdout);
  fputs (before, stdout);
  fputs ("end\n", stdout);

  g_assert_false (store_test_move_skill (store, store_test_skill (catalog, "alpha", "b"),
                                            ROADMAP_STATUS_DONE, 0, &error));
  g_assert_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_READ_ONLY);
  g_print ("move: %s\n", error->message);
  g_clear_error (&error);

  g_assert_false (store_test_set_note (store, store_test_skill (catalog, "alpha", "b"), "no", &error));
  g_assert_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_READ_ONLY);
  g_print ("note: %s\n", error->message);

  after = store_test_describe_catalog (catalog);
  g_assert_cmpstr (after, ==, before);

  return 0;
}

typedef enum
{
  READ_ONLY_FILE,
  READ_ONLY_FOLDER,
} ReadOnlyCase;

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  ReadOnlyCase what = GPOINTER_TO_INT (data);
  g_autofree char *self = store_test_self_path ();
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  g_autofree char *saved = NULL;
  g_autofree char *child_out = NULL;
  g_autofree char *child_err = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gboolean as_root = geteuid () == 0;
  int wait_status = 0;

  if (as_root && setpriv == NULL)
    {
      g_test_skip ("root ignores file permissions and setpriv (util-linux) is missing to drop them");
      return;
    }

  if (as_root)
    {
      /* setpriv may be refused (no CAP_SETUID in a container), or the
       * test binary may not be reachable for the unprivileged user */
      const char *probe[] = { setpriv, "--reuid=65534", "--regid=65534", "--clear-groups",
                              self, "--probe", NULL };
      g_autofree char *probe_err = NULL;

      if (!g_spawn_sync (NULL, (char **) probe, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                         NULL, &probe_err, &wait_status, NULL) ||
          !g_spawn_check_wait_status (wait_status, NULL))
        {
          g_autofree char *reason = g_strdup_printf ("root ignores file permissions and this test cannot "
                                                     "run itself as uid 65534 with setpriv: %s",
                                                     probe_err != NULL ? g_strstrip (probe_err) : "");

          g_test_skip (reason);
          return;
        }
    }

  saved = make_database (fixture, TRUE);
  before = store_test_read_file (fixture->db_path);

  if (as_root)
    {
      /* Everything belongs to the unprivileged user, as it would */
      g_assert_cmpint (chown (fixture->dir, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (chown (fixture->db_path, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (chown (fixture->backup_path, NOBODY, NOBODY), ==, 0);
    }

  if (what == READ_ONLY_FILE)
    g_assert_cmpint (g_chmod (fixture->db_path, 0400), ==, 0);
  else
    g_assert_cmpint (g_chmod (fixture->dir, 0500), ==, 0);

  if (as_root)
    {
      g_ptr_array_add (argv, setpriv);
      g_ptr_array_add (argv, (char *) "--reuid=65534");
      g_ptr_array_add (argv, (char *) "--regid=65534");
      g_ptr_array_add (argv, (char *) "--clear-groups");
    }
  g_ptr_array_add (argv, self);
  g_ptr_array_add (argv, (char *) "--read-only-child");
  g_ptr_array_add (argv, fixture->db_path);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &child_out, &child_err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("child output: %s", child_out);
  if (child_err != NULL && child_err[0] != '\0')
    g_test_message ("child errors: %s", child_err);
  g_spawn_check_wait_status (wait_status, &error);
  g_assert_no_error (error);
  {
    const char *start = strstr (child_out, "opened: ");
    const char *end = start != NULL ? strstr (start, "end\n") : NULL;
    g_autofree char *seen = NULL;

    g_assert_nonnull (end);
    start += strlen ("opened: ");
    seen = g_strndup (start, (gsize) (end - start));
    g_assert_cmpstr (seen, ==, saved);
  }

  /* Nothing was changed, moved aside or deleted */
  g_chmod (fixture->dir, 0700);
  store_test_assert_file_equals (fixture->db_path, before);
  kept = store_test_find_corrupt_copy (fixture->db_path);
  g_assert_null (kept);

  /* Writable again, it is the same progress */
  g_chmod (fixture->db_path, 0600);
  {
    g_autofree char *reopened = store_test_describe_reopened (fixture->db_path, FALSE);

    g_assert_cmpstr (reopened, ==, saved);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--read-only-child") == 0)
    return read_only_child (argv[2]);
  if (argc == 2 && strcmp (argv[1], "--probe") == 0)
    return 0;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)

  for (guint i = 0; i < G_N_ELEMENTS (damage_cases); i++)
    ADD (damage_cases[i].path, test_damaged, &damage_cases[i]);
  ADD ("/store/corrupt/newer-version", test_newer_version, NULL);
  ADD ("/store/corrupt/foreign", test_foreign, NULL);
  ADD ("/store/corrupt/not-a-database", test_not_a_database, NULL);
  ADD ("/store/corrupt/foreign-without-application-id", test_foreign_without_application_id, NULL);
  ADD ("/store/corrupt/read-only/file", test_read_only, GINT_TO_POINTER (READ_ONLY_FILE));
  ADD ("/store/corrupt/read-only/folder", test_read_only, GINT_TO_POINTER (READ_ONLY_FOLDER));

#undef ADD

  return g_test_run ();
}

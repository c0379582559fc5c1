/* roadmap-store.c — opening, checking, migrating and backing up the
 * progress database
 *
 * Durability rules (see src/README.md): WAL with synchronous=FULL,
 * one BEGIN IMMEDIATE … COMMIT per change, application_id + user_version
 * migrations in one transaction, a newer or foreign database refused and
 * left untouched, quick_check on open, a damaged file moved aside (never
 * silently replaced) and the newest good backup restored, daily backups
 * through the SQLite backup API (the last seven kept, see
 * roadmap-store-backups.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "roadmap-store-private.h"

#define SCHEMA_VERSION  7
#define BACKUP_SUFFIX   ".backup"
#define BACKUP_MAX_AGE  (G_TIME_SPAN_DAY)

G_DEFINE_QUARK (roadmap-store-error-quark, roadmap_store_error)

G_DEFINE_FINAL_TYPE (RoadmapStore, roadmap_store, G_TYPE_OBJECT)

static const char * const migrations[SCHEMA_VERSION] = {
  /* 0 → 1 */
  "CREATE TABLE progress ("
  "  track_id    TEXT    NOT NULL,"
  "  skill_id    TEXT    NOT NULL,"
  "  status      INTEGER NOT NULL CHECK (status BETWEEN 0 AND 2),"
  "  position    INTEGER NOT NULL CHECK (position >= 0),"
  "  started_at  INTEGER,"
  "  finished_at INTEGER,"
  "  updated_at  INTEGER NOT NULL,"
  "  PRIMARY KEY (track_id, skill_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE history ("
  "  id           INTEGER PRIMARY KEY,"
  "  kind         INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 2),"
  "  track_id     TEXT    NOT NULL,"
  "  skill_id     TEXT    NOT NULL,"
  "  old_status   INTEGER NOT NULL,"
  "  new_status   INTEGER NOT NULL,"
  "  old_position INTEGER NOT NULL,"
  "  old_started  INTEGER,"
  "  old_finished INTEGER,"
  "  undoes       INTEGER REFERENCES history (id),"
  "  changed_at   INTEGER NOT NULL"
  ");"
  "CREATE INDEX history_undoes ON history (undoes) WHERE undoes IS NOT NULL;"
  "CREATE TABLE notes ("
  "  track_id   TEXT    NOT NULL,"
  "  skill_id   TEXT    NOT NULL,"
  "  body       TEXT    NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  PRIMARY KEY (track_id, skill_id)"
  ") WITHOUT ROWID;",

  /* 1 → 2: sparse sort keys instead of dense positions (a move writes one
   * row), a change counter on every row (a reload reads only newer rows,
   * an undo sees that its row moved on), the origin of each history row,
   * and CHECKs wide enough for a fourth status and new kinds of history
   * rows (SQLite cannot alter a CHECK). Every change writes a history
   * row, so the counter is the history's last id: no row of its own to
   * write on each change. Times: *_at columns in Unix seconds,
   * history.changed_at in microseconds, all UTC. */
  "CREATE TABLE progress_2 ("
  "  track_id    TEXT    NOT NULL,"
  "  skill_id    TEXT    NOT NULL,"
  "  status      INTEGER NOT NULL CHECK (status BETWEEN 0 AND 3),"
  "  sort_key    INTEGER NOT NULL,"
  "  started_at  INTEGER,"
  "  finished_at INTEGER,"
  "  updated_at  INTEGER NOT NULL,"
  "  change      INTEGER NOT NULL,"
  "  PRIMARY KEY (track_id, skill_id)"
  ") WITHOUT ROWID;"
  "INSERT INTO progress_2"
  "  SELECT track_id, skill_id, status, position * 4294967296, started_at, finished_at,"
  "         updated_at, 1"
  "  FROM progress;"
  "DROP TABLE progress;"
  "ALTER TABLE progress_2 RENAME TO progress;"
  "CREATE INDEX progress_column ON progress (track_id, status, sort_key);"
  "CREATE TABLE history_2 ("
  "  id           INTEGER PRIMARY KEY,"
  "  change       INTEGER NOT NULL,"
  "  kind         INTEGER NOT NULL CHECK (kind >= 0),"
  "  origin       INTEGER NOT NULL CHECK (origin >= 0),"
  "  track_id     TEXT    NOT NULL,"
  "  skill_id     TEXT    NOT NULL,"
  "  old_status   INTEGER NOT NULL CHECK (old_status BETWEEN 0 AND 3),"
  "  new_status   INTEGER NOT NULL CHECK (new_status BETWEEN 0 AND 3),"
  "  old_sort_key INTEGER,"
  "  new_sort_key INTEGER,"
  "  old_started  INTEGER,"
  "  old_finished INTEGER,"
  "  undoes       INTEGER,"
  "  changed_at   INTEGER NOT NULL"
  ");"
  "INSERT INTO history_2 (id, change, kind, origin, track_id, skill_id, old_status,"
  "                       new_status, old_sort_key, old_started, old_finished, undoes,"
  "                       changed_at)"
  "  SELECT id, 1, kind, 0, track_id, skill_id, old_status, new_status,"
  "         old_position * 4294967296, old_started, old_finished, undoes, changed_at"
  "  FROM history;"
  "DROP TABLE history;"
  "ALTER TABLE history_2 RENAME TO history;"
  /* The last import, found at once; no cost to the other rows */
  "CREATE INDEX history_imports ON history (change) WHERE kind = 2;"
  "CREATE TABLE notes_2 ("
  "  track_id   TEXT    NOT NULL,"
  "  skill_id   TEXT    NOT NULL,"
  "  body       TEXT    NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  change     INTEGER NOT NULL,"
  "  PRIMARY KEY (track_id, skill_id)"
  ") WITHOUT ROWID;"
  "INSERT INTO notes_2 SELECT track_id, skill_id, body, updated_at, 1 FROM notes;"
  "DROP TABLE notes;"
  "ALTER TABLE notes_2 RENAME TO notes;",

  /* 2 → 3: a history that does not grow without limit (see
   * roadmap-store-compact.c). The activity marks of a skill (notes,
   * topics: one a day) found without reading the whole history, and
   * how far the compaction has come. The rows already written are
   * compacted afterwards, in batches, not here. */
  "CREATE INDEX history_activity ON history (track_id, skill_id, kind, changed_at)"
  "  WHERE " ROADMAP_STORE_ACTIVITY_KINDS ";"
  "CREATE TABLE history_compaction ("
  "  id      INTEGER PRIMARY KEY CHECK (id = 1),"
  "  scanned INTEGER NOT NULL,"
  "  done_at INTEGER NOT NULL"
  ");"
  "INSERT INTO history_compaction VALUES (1, 0, 0);",

  /* 3 → 4: the topics the learner ticked off, keyed by the topic's text
   * (reordering a roadmap's topics keeps them; a renamed topic starts
   * unticked). An untick keeps its row with done = 0, as a removed note
   * keeps its own, so that other processes reading the newer rows see
   * it go; rows of topics a roadmap no longer lists are kept for when
   * an edit brings the text back. */
  "CREATE TABLE topics ("
  "  track_id   TEXT    NOT NULL,"
  "  skill_id   TEXT    NOT NULL,"
  "  topic      TEXT    NOT NULL,"
  "  done       INTEGER NOT NULL CHECK (done IN (0, 1)),"
  "  updated_at INTEGER NOT NULL,"
  "  change     INTEGER NOT NULL,"
  "  PRIMARY KEY (track_id, skill_id, topic)"
  ") WITHOUT ROWID;",

  /* 4 → 5: the learner's preferences that the window, the command line
   * and the report must agree on (see roadmap-store-preferences.c) */
  "CREATE TABLE preferences ("
  "  key        TEXT    NOT NULL PRIMARY KEY,"
  "  value      INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  change     INTEGER NOT NULL"
  ") WITHOUT ROWID;",

  /* 5 → 6: the learner's plan per track, a start day and a length or a
   * pace (see roadmap-store-plans.c); CHECKs wider than the bounds of
   * this release, which reads a row it cannot use as no plan */
  "CREATE TABLE plans ("
  "  track_id       TEXT    NOT NULL PRIMARY KEY,"
  "  start          TEXT    CHECK (start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  months         INTEGER CHECK (months > 0),"
  "  hours_per_week INTEGER CHECK (hours_per_week > 0),"
  "  updated_at     INTEGER NOT NULL,"
  "  change         INTEGER NOT NULL,"
  "  CHECK (CASE WHEN start IS NULL THEN months IS NULL AND hours_per_week IS NULL"
  "              ELSE (months IS NULL) <> (hours_per_week IS NULL) END)"
  ") WITHOUT ROWID;",

  /* 6 → 7: sync (see roadmap-store-sync.c): the task list in use and
   * this database's device id; each skill as last merged, every field
   * with its own modification time (microseconds) and device, and the
   * outbox; the values that lost a conflict. Modification times in
   * microseconds, the dates of a status in seconds. */
  "CREATE TABLE sync_config ("
  "  id            INTEGER PRIMARY KEY CHECK (id = 1),"
  "  source_uid    TEXT,"
  "  device        TEXT    NOT NULL,"
  "  failures      INTEGER NOT NULL,"
  "  retry_at      INTEGER NOT NULL,"
  "  last_round_at INTEGER NOT NULL,"
  "  last_ok       INTEGER NOT NULL,"
  "  last_result   TEXT"
  ");"
  "CREATE TABLE sync_items ("
  "  track_id          TEXT    NOT NULL,"
  "  skill_id          TEXT    NOT NULL,"
  "  status            INTEGER NOT NULL,"
  "  started_at        INTEGER,"
  "  finished_at       INTEGER,"
  "  sort_key          INTEGER,"
  "  note              TEXT    NOT NULL,"
  "  topics            TEXT    NOT NULL,"
  "  status_modified   INTEGER NOT NULL,"
  "  status_device     TEXT,"
  "  position_modified INTEGER NOT NULL,"
  "  position_device   TEXT,"
  "  note_modified     INTEGER NOT NULL,"
  "  note_device       TEXT,"
  "  topics_modified   INTEGER NOT NULL,"
  "  topics_device     TEXT,"
  "  agreed_at         INTEGER NOT NULL,"
  "  outbox            INTEGER NOT NULL,"
  "  remote            INTEGER NOT NULL,"
  "  sequence          INTEGER NOT NULL,"
  "  remote_digest     TEXT,"
  "  PRIMARY KEY (track_id, skill_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX sync_outbox ON sync_items (outbox) WHERE outbox <> 0;"
  "CREATE TABLE sync_losers ("
  "  id         INTEGER PRIMARY KEY,"
  "  history_id INTEGER NOT NULL,"
  "  track_id   TEXT    NOT NULL,"
  "  skill_id   TEXT    NOT NULL,"
  "  field      TEXT    NOT NULL,"
  "  value      TEXT    NOT NULL,"
  "  modified   INTEGER NOT NULL,"
  "  device     TEXT,"
  "  decided_at INTEGER NOT NULL"
  ");",
};

static RoadmapStoreError
error_code_for (int rc,
                int system_errno)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      return ROADMAP_STORE_ERROR_DISK_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return ROADMAP_STORE_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ROADMAP_STORE_ERROR_BUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ROADMAP_STORE_ERROR_CORRUPT;
    case SQLITE_CANTOPEN:
      if (system_errno == EACCES || system_errno == EROFS || system_errno == EPERM)
        return ROADMAP_STORE_ERROR_READ_ONLY;
      return ROADMAP_STORE_ERROR_IO;
    case SQLITE_IOERR:
      if (system_errno == ENOSPC || system_errno == EDQUOT)
        return ROADMAP_STORE_ERROR_DISK_FULL;
      if (system_errno == EROFS || system_errno == EACCES)
        return ROADMAP_STORE_ERROR_READ_ONLY;
      return ROADMAP_STORE_ERROR_IO;
    default:
      return ROADMAP_STORE_ERROR_FAILED;
    }
}

static const char *
explain (RoadmapStoreError code)
{
  switch (code)
    {
    case ROADMAP_STORE_ERROR_DISK_FULL:
      return _("The disk is full");
    case ROADMAP_STORE_ERROR_READ_ONLY:
      return _("The progress database cannot be written (read-only file or folder)");
    case ROADMAP_STORE_ERROR_BUSY:
      return _("The progress database is locked by another program");
    case ROADMAP_STORE_ERROR_CORRUPT:
      return _("The progress database is damaged");
    case ROADMAP_STORE_ERROR_IO:
      return _("The progress database could not be read or written");
    case ROADMAP_STORE_ERROR_FAILED:
    case ROADMAP_STORE_ERROR_NEWER_VERSION:
    case ROADMAP_STORE_ERROR_NOT_ROADMAP:
    case ROADMAP_STORE_ERROR_NOT_FOUND:
    case ROADMAP_STORE_ERROR_INVALID:
    default:
      return _("The progress database reported an error");
    }
}

static gboolean
set_sqlite_error (sqlite3     *db,
                  const char  *path,
                  int          rc,
                  GError     **error)
{
  int system_errno = db != NULL ? sqlite3_system_errno (db) : 0;
  RoadmapStoreError code = error_code_for (rc, system_errno);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  /* Translators: "<explanation>: <file> (<technical detail>)" */
  g_set_error (error, ROADMAP_STORE_ERROR, code, _("%s: %s (%s)"),
               explain (code), path, detail);
  return FALSE;
}

gboolean
_roadmap_store_fail (RoadmapStore  *self,
                     int            rc,
                     GError       **error)
{
  return set_sqlite_error (self->db, self->path, rc, error);
}

gboolean
_roadmap_store_exec (RoadmapStore  *self,
                     const char    *sql,
                     GError       **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

gboolean
_roadmap_store_prepare (RoadmapStore  *self,
                        const char    *sql,
                        sqlite3_stmt **stmt,
                        GError       **error)
{
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, stmt, NULL);

  if (rc != SQLITE_OK)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* A statement kept as long as the connection, for those run on every
 * change: parsing the SQL again each time cost as much as running it.
 * Returned reset and unbound; the caller resets it once done, so that it
 * holds no lock between uses. */
gboolean
_roadmap_store_prepare_cached (RoadmapStore  *self,
                               const char    *sql,
                               sqlite3_stmt **stmt,
                               GError       **error)
{
  sqlite3_stmt *cached;

  if (self->statements == NULL)
    self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);

  cached = g_hash_table_lookup (self->statements, sql);
  if (cached == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &cached, NULL);

      if (rc != SQLITE_OK)
        return _roadmap_store_fail (self, rc, error);
      g_hash_table_insert (self->statements, (gpointer) sql, cached);
    }

  sqlite3_reset (cached);
  sqlite3_clear_bindings (cached);
  *stmt = cached;
  return TRUE;
}

gboolean
_roadmap_store_begin (RoadmapStore  *self,
                      GError       **error)
{
  return _roadmap_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_roadmap_store_commit (RoadmapStore  *self,
                       GError       **error)
{
  int rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _roadmap_store_fail (self, rc, error);
      _roadmap_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
_roadmap_store_rollback (RoadmapStore *self)
{
  /* After some I/O errors SQLite has already rolled back on its own. */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
query_int (sqlite3     *db,
           const char  *path,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (db, path, rc, error);

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* quick_check prints "ok" or a list of problems. */
static gboolean
check_integrity (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (db, path, rc, error);

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_CORRUPT,
                   _("%s: %s (%s)"), explain (ROADMAP_STORE_ERROR_CORRUPT), path,
                   result != NULL ? result : "?");
      return FALSE;
    }

  return TRUE;
}

/* Creates the file 0600 before SQLite opens it: SQLite would use 0644 and
 * gives the -wal and -shm files the mode of the database file.
 *
 * An existing file is not opened: closing a descriptor drops every POSIX
 * lock this process holds on the file, those of an SQLite connection
 * already open on it (another store of this process) included, and the
 * other processes would then no longer see that connection. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int saved_errno;
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, ROADMAP_STORE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS
                     ? ROADMAP_STORE_ERROR_READ_ONLY : ROADMAP_STORE_ERROR_IO,
                   _("Could not create the folder %s: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      close (fd);
      return TRUE;
    }

  saved_errno = errno;
  if (saved_errno == EEXIST)
    {
      if (g_access (path, W_OK) == 0)
        return TRUE;
      saved_errno = errno;
    }

  g_set_error (error, ROADMAP_STORE_ERROR,
               saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM
                 ? ROADMAP_STORE_ERROR_READ_ONLY : ROADMAP_STORE_ERROR_IO,
               g_file_test (path, G_FILE_TEST_EXISTS)
                 ? _("Could not open the progress database %s for writing: %s")
                 : _("Could not create the progress database %s: %s"),
               path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
check_version (RoadmapStore  *self,
               gint64         application_id,
               gint64         version,
               gint64         n_objects,
               GError       **error)
{
  /* Roadmap sets application_id and user_version in the transaction that
   * creates its tables, so a file without them is either new and empty or
   * a database of another program (most set no application_id). */
  if (application_id != ROADMAP_STORE_APPLICATION_ID &&
      (application_id != 0 || version != 0 || n_objects != 0))
    {
      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_NOT_ROADMAP,
                   _("%s is a database of another program, not a Roadmap progress database; it was left untouched"),
                   self->path);
      return FALSE;
    }

  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_NEWER_VERSION,
                   _("%s was written by a newer version of Roadmap (schema %lld, this version reads up to %d); it was left untouched"),
                   self->path, (long long) version, SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_version (RoadmapStore  *self,
              gint64        *version,
              GError       **error)
{
  gint64 application_id;
  gint64 n_objects = 0;

  if (!query_int (self->db, self->path, "PRAGMA application_id", &application_id, error) ||
      !query_int (self->db, self->path, "PRAGMA user_version", version, error))
    return FALSE;

  if (application_id == 0 &&
      !query_int (self->db, self->path, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return FALSE;

  return check_version (self, application_id, *version, n_objects, error);
}

/* The version is read again inside the write transaction: another
 * process opening the same database at the same moment may have created
 * or migrated it meanwhile. */
static gboolean
migrate (RoadmapStore  *self,
         GError       **error)
{
  g_autofree char *pragmas = NULL;
  gint64 version;

  if (!_roadmap_store_begin (self, error))
    return FALSE;

  if (!read_version (self, &version, error))
    {
      _roadmap_store_rollback (self);
      return FALSE;
    }

  if (version == SCHEMA_VERSION)
    {
      _roadmap_store_rollback (self);
      return TRUE;
    }

  for (gint64 v = version; v < SCHEMA_VERSION; v++)
    {
      if (!_roadmap_store_exec (self, migrations[v], error))
        {
          _roadmap_store_rollback (self);
          return FALSE;
        }
    }

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             ROADMAP_STORE_APPLICATION_ID, SCHEMA_VERSION);
  if (!_roadmap_store_exec (self, pragmas, error))
    {
      _roadmap_store_rollback (self);
      return FALSE;
    }

  if (!_roadmap_store_commit (self, error))
    return FALSE;

  /* The schema into the main file now, not at the first automatic
   * checkpoint: a new database's file is then not empty while it is in
   * use (see is_emptied()). Best effort: another reader may hold it. */
  sqlite3_exec (self->db, "PRAGMA wal_checkpoint(PASSIVE)", NULL, NULL, NULL);
  return TRUE;
}

/* The switch to write-ahead logging needs the database to itself for a
 * moment, and SQLite does not wait for that with its busy handler: wait
 * here, as long as the busy timeout, while another process opens it. */
static gboolean
switch_to_wal (RoadmapStore  *self,
               guint          busy_timeout_ms,
               GError       **error)
{
  gint64 until = g_get_monotonic_time () + (gint64) busy_timeout_ms * 1000;
  int rc;

  while (((rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) & 0xff) == SQLITE_BUSY &&
         g_get_monotonic_time () < until)
    sqlite3_sleep (5);

  if (rc != SQLITE_OK)
    return _roadmap_store_fail (self, rc, error);
  return TRUE;
}

char *
_roadmap_store_backup_path (const char *path)
{
  return g_strconcat (path, BACKUP_SUFFIX, NULL);
}

/* Whether the file at @path can be a Roadmap database, from its first
 * bytes alone: empty (new), or an SQLite database whose header names no
 * other program. Anything else (a JSON file, a text file given to --db)
 * was never ours and must be left exactly as it is, not moved aside;
 * unless our backup of it is beside it: then it was ours, and is damaged.
 * The header's application_id may still be 0 in a database whose
 * creation is only in the write-ahead log: the checks after opening
 * settle that case. */
static gboolean
check_header (sqlite3     *db,
              const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100] = { 0 };
  sqlite3_file *file = NULL;
  sqlite3_int64 size = 0;
  guint32 application_id;
  int rc;

  /* Through SQLite's own file descriptor: opening and closing the file
   * here would drop the locks of this process's other connections to it
   * (POSIX locks belong to the process, and go with any close). */
  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods == NULL ||
      file->pMethods->xFileSize (file, &size) != SQLITE_OK)
    return TRUE;  /* reading it will say what is wrong */

  if (size == 0)
    return TRUE;

  rc = file->pMethods->xRead (file, header, sizeof header, 0);
  if ((rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) ||
      size < (sqlite3_int64) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_autofree char *backup_path = _roadmap_store_backup_path (path);

      if (g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
        return TRUE;

      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_NOT_ROADMAP,
                   _("%s is not a Roadmap progress database (not a database at all); it was left untouched"),
                   path);
      return FALSE;
    }

  application_id = (guint32) header[68] << 24 | (guint32) header[69] << 16 |
                   (guint32) header[70] << 8 | header[71];
  if (application_id != 0 && application_id != ROADMAP_STORE_APPLICATION_ID)
    {
      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_NOT_ROADMAP,
                   _("%s is a database of another program, not a Roadmap progress database; it was left untouched"),
                   path);
      return FALSE;
    }

  return TRUE;
}

static void
close_database (RoadmapStore *self)
{
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

/* A database we may not write (a read-only file or folder): opened only to
 * be read. In a read-only folder SQLite cannot make the write-ahead log's
 * shared-memory file, so the database is opened as immutable then (no
 * process can write there either). */
static gboolean
open_read_only (RoadmapStore  *self,
                const char    *vfs_name,
                GError       **error)
{
  g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
  gint64 version = 0;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro%s", escaped,
                                              attempt == 0 ? "" : "&immutable=1");
      g_autoptr(GError) local_error = NULL;
      int rc;

      close_database (self);
      rc = sqlite3_open_v2 (uri, &self->db,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
                            SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
                            vfs_name);
      if (rc != SQLITE_OK)
        return _roadmap_store_fail (self, rc, error);
      sqlite3_extended_result_codes (self->db, 1);

      if (!check_header (self->db, self->path, error))
        return FALSE;

      if (_roadmap_store_exec (self, "BEGIN", &local_error) &&
          read_version (self, &version, &local_error))
        {
          _roadmap_store_rollback (self);
          break;
        }
      _roadmap_store_rollback (self);

      if (attempt == 1 ||
          !(g_error_matches (local_error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_READ_ONLY) ||
            g_error_matches (local_error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_IO)))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  /* An older schema would have to be migrated, which is a write */
  if (version != SCHEMA_VERSION)
    {
      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_READ_ONLY,
                   _("%s is read-only and was written by an older Roadmap: it must be upgraded, which needs it to be writable"),
                   self->path);
      return FALSE;
    }

  return _roadmap_store_exec (self, "PRAGMA trusted_schema = OFF;", error) &&
         check_integrity (self->db, self->path, error);
}

/* Everything from sqlite3_open_v2() to a ready, current schema. Errors in
 * the CORRUPT domain mean the file should be moved aside. */
static gboolean
open_database (RoadmapStore  *self,
               const char    *vfs_name,
               guint          busy_timeout_ms,
               GError       **error)
{
  g_autofree char *journal_mode = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 version;
  int rc;

  /* A store belongs to the thread that opened it (the PDF export's
   * thread gets a snapshot, never the store): no mutex on every call. */
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                        SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX,
                        vfs_name);
  if (rc != SQLITE_OK)
    return _roadmap_store_fail (self, rc, error);

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, (int) busy_timeout_ms);
  self->busy_timeout_ms = busy_timeout_ms;

  if (!check_header (self->db, self->path, error))
    return FALSE;

  /* Refused before anything is written: not ours, or newer. The three
   * values in one read transaction: another process may be creating the
   * tables meanwhile, and would otherwise be seen half done. */
  if (!_roadmap_store_exec (self, "BEGIN", error))
    return FALSE;
  if (!read_version (self, &version, error))
    {
      _roadmap_store_rollback (self);
      return FALSE;
    }
  _roadmap_store_rollback (self);

  if (!switch_to_wal (self, busy_timeout_ms, error))
    return FALSE;

  /* journal_mode answers with the mode it ended up in. */
  if (!_roadmap_store_prepare (self, "PRAGMA journal_mode", &stmt, error))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _roadmap_store_fail (self, rc, error);
  journal_mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (g_ascii_strcasecmp (journal_mode, "wal") != 0)
    {
      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_IO,
                   _("%s: the database could not be switched to write-ahead logging"),
                   self->path);
      return FALSE;
    }

  if (!_roadmap_store_exec (self,
                            "PRAGMA synchronous = FULL;"
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA trusted_schema = OFF;",
                            error))
    return FALSE;

  if (!check_integrity (self->db, self->path, error))
    return FALSE;

  /* Current already (versions only grow): no write lock to take, which
   * other processes writing at the same moment would make us wait for */
  if (version == SCHEMA_VERSION)
    return TRUE;

  return migrate (self, error);
}

/* Copies @source_db into a new file at @destination through the backup API,
 * writing a temporary file first so that a failure never leaves half a
 * backup in place of a good one. */
static gboolean
backup_database (sqlite3     *source_db,
                 const char  *source_path,
                 const char  *destination,
                 GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (destination, ".tmp-XXXXXX", NULL);
  sqlite3_backup *backup;
  sqlite3 *dest_db = NULL;
  int fd;
  int rc;

  /* A name of its own: several processes may back up at once. */
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, ROADMAP_STORE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS
                     ? ROADMAP_STORE_ERROR_READ_ONLY
                     : saved_errno == ENOSPC || saved_errno == EDQUOT
                         ? ROADMAP_STORE_ERROR_DISK_FULL : ROADMAP_STORE_ERROR_IO,
                   _("Could not write the backup %s: %s"), destination, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp_path, &dest_db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  sqlite3_extended_result_codes (dest_db, 1);
  backup = sqlite3_backup_init (dest_db, "main", source_db, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dest_db);
      goto fail;
    }

  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto fail;

  /* The backup is a plain rollback-journal file: nothing to checkpoint. */
  rc = sqlite3_exec (dest_db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  rc = sqlite3_close (dest_db);
  dest_db = NULL;
  if (rc != SQLITE_OK)
    goto fail;

  if (g_rename (tmp_path, destination) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_IO,
                   _("Could not write the backup %s: %s"), destination, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;

fail:
  set_sqlite_error (dest_db, tmp_path, rc, error);
  if (dest_db != NULL)
    sqlite3_close_v2 (dest_db);
  g_unlink (tmp_path);
  return FALSE;
}

/* Opens the backup read-only and returns it if it passes quick_check. */
static sqlite3 *
open_checked_backup (const char *backup_path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  if (sqlite3_open_v2 (backup_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      !check_integrity (db, backup_path, &error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

static gboolean
move_aside (const char  *path,
            char       **moved_to,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.corrupt-%s", path, stamp);
  static const char * const companions[] = { "-wal", "-shm" };

  for (guint n = 1; g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, n);
    }

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_CORRUPT,
                   _("The progress database %s is damaged and could not be moved aside: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  /* Keep the log with the damaged file: it may hold the latest changes. */
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (target, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  *moved_to = g_steal_pointer (&target);
  return TRUE;
}

/* The database failed its checks: keep it for inspection under another
 * name, put the last good backup in its place, and say what happened. */
static gboolean
recover (RoadmapStore  *self,
         const GError  *reason,
         GError       **error)
{
  g_autofree char *backup_path = _roadmap_store_backup_path (self->path);
  g_autoptr(GPtrArray) backups = _roadmap_store_list_backup_paths (backup_path);
  g_autofree char *moved_to = NULL;
  sqlite3 *backup_db = NULL;

  close_database (self);

  if (!move_aside (self->path, &moved_to, error))
    return FALSE;

  /* The newest copy that passes its check */
  for (guint i = 0; backup_db == NULL && i < backups->len; i++)
    {
      g_free (backup_path);
      backup_path = g_strdup (g_ptr_array_index (backups, i));
      backup_db = open_checked_backup (backup_path);
    }
  if (backup_db != NULL)
    {
      gboolean restored;

      restored = create_private_file (self->path, error) &&
                 backup_database (backup_db, backup_path, self->path, error);
      sqlite3_close_v2 (backup_db);
      if (!restored)
        return FALSE;

      self->recovery_message =
        g_strdup_printf (_("The progress database was damaged (%s). It was kept as %s and your progress was restored from the last backup."),
                         reason->message, moved_to);
    }
  else
    {
      /* The new, empty database must be private too: SQLite would create
       * it with mode 0644. */
      if (!create_private_file (self->path, error))
        return FALSE;

      self->recovery_message =
        g_strdup_printf (_("The progress database was damaged (%s). It was kept as %s; no usable backup was found, so progress starts empty."),
                         reason->message, moved_to);
    }

  g_debug ("%s", self->recovery_message);
  return TRUE;
}

/* A daily copy to restore from if the database is ever damaged. */
static void
refresh_backup (RoadmapStore *self)
{
  g_autofree char *backup_path = _roadmap_store_backup_path (self->path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (g_stat (backup_path, &st) == 0 &&
      g_get_real_time () - (gint64) st.st_mtime * G_USEC_PER_SEC < BACKUP_MAX_AGE)
    return;

  /* Yesterday's copy is kept, under its date */
  _roadmap_store_keep_backup (backup_path);

  /* Not fatal: the store works without it. The user is told once, in
   * words they can act on (roadmap_store_get_backup_warning()). */
  if (!backup_database (self->db, self->path, backup_path, &error))
    self->backup_warning =
      g_strdup_printf (_("Your progress is saved, but its daily backup could not be written (%s). Free some space or fix the folder’s permissions."),
                       error->message);
}

/* An empty file where a backup says there was a database. Not one whose
 * write-ahead log holds it all: another process may have it open, with
 * nothing checkpointed into the main file yet. */
static gboolean
is_emptied (const char *path)
{
  g_autofree char *backup_path = _roadmap_store_backup_path (path);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  if (g_stat (wal_path, &st) == 0 && st.st_size > 0)
    return FALSE;

  return g_stat (path, &st) == 0 && st.st_size == 0 &&
         g_file_test (backup_path, G_FILE_TEST_IS_REGULAR);
}

static void
roadmap_store_finalize (GObject *object)
{
  RoadmapStore *self = (RoadmapStore *) object;

  close_database (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->recovery_message, g_free);
  g_clear_pointer (&self->backup_warning, g_free);

  G_OBJECT_CLASS (roadmap_store_parent_class)->finalize (object);
}

static void
roadmap_store_class_init (RoadmapStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = roadmap_store_finalize;
}

static void
roadmap_store_init (RoadmapStore *self)
{
}

/**
 * roadmap_store_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/<app-id>/progress.db`
 */
char *
roadmap_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "progress.db", NULL);
}

/**
 * roadmap_store_open_full:
 * @path: the database file; created (mode 0600) if missing
 * @vfs_name: (nullable): the SQLite VFS to use, %NULL for the default
 * @busy_timeout_ms: how long to wait for another process's lock
 *
 * Opens, checks and migrates the progress database. A damaged database is
 * moved aside and the last backup restored; roadmap_store_get_recovery_message()
 * then says so. A database of a newer Roadmap or of another program is
 * refused and left untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
RoadmapStore *
roadmap_store_open_full (const char  *path,
                         const char  *vfs_name,
                         guint        busy_timeout_ms,
                         GError     **error)
{
  g_autoptr(RoadmapStore) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_IO,
                   _("%s is not a regular file"), path);
      return NULL;
    }

  self = g_object_new (ROADMAP_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  /* A database there that we may not write can still be read: --list,
   * an export, the window showing progress it cannot change */
  {
    g_autofree char *folder = g_path_get_dirname (path);

    if (g_file_test (path, G_FILE_TEST_EXISTS) &&
        (g_access (path, W_OK) != 0 || g_access (folder, W_OK) != 0))
      {
        if (!open_read_only (self, vfs_name, error))
          return NULL;
        self->read_only = TRUE;
        return g_steal_pointer (&self);
      }
  }

  if (!create_private_file (path, error))
    return NULL;

  if (is_emptied (path))
    {
      /* A database that existed long enough to be backed up does not
       * become empty on its own: restore rather than start over. */
      g_set_error (&local_error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_CORRUPT,
                   _("%s is empty"), path);
      if (!recover (self, local_error, error))
        return NULL;
      g_clear_error (&local_error);
    }

  if (!open_database (self, vfs_name, busy_timeout_ms, &local_error))
    {
      if (!g_error_matches (local_error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      if (!recover (self, local_error, error))
        return NULL;

      g_clear_error (&local_error);
      if (!open_database (self, vfs_name, busy_timeout_ms, error))
        return NULL;
    }

  /* Before the backup, which is then the smaller */
  _roadmap_store_compact_history_if_due (self, g_get_real_time ());
  refresh_backup (self);

  return g_steal_pointer (&self);
}

/**
 * roadmap_store_open:
 *
 * roadmap_store_open_full() with the default VFS and busy timeout.
 */
RoadmapStore *
roadmap_store_open (const char  *path,
                    GError     **error)
{
  return roadmap_store_open_full (path, NULL, ROADMAP_STORE_DEFAULT_BUSY_TIMEOUT_MS, error);
}

const char *
roadmap_store_get_path (RoadmapStore *self)
{
  g_return_val_if_fail (ROADMAP_IS_STORE (self), NULL);
  return self->path;
}

/**
 * roadmap_store_is_read_only:
 *
 * Returns: whether the database could only be opened for reading (a
 *   read-only file or folder): every change then fails with
 *   %ROADMAP_STORE_ERROR_READ_ONLY
 */
gboolean
roadmap_store_is_read_only (RoadmapStore *self)
{
  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  return self->read_only;
}

/**
 * roadmap_store_get_backup_warning:
 *
 * Returns: (nullable): when the daily backup could not be written on
 *   open, a message for the user saying so and what to do
 */
const char *
roadmap_store_get_backup_warning (RoadmapStore *self)
{
  g_return_val_if_fail (ROADMAP_IS_STORE (self), NULL);
  return self->backup_warning;
}

/**
 * roadmap_store_get_recovery_message:
 *
 * Returns: (nullable): when the database was found damaged on open, a
 *   message for the user saying where it was kept and what was restored
 */
const char *
roadmap_store_get_recovery_message (RoadmapStore *self)
{
  g_return_val_if_fail (ROADMAP_IS_STORE (self), NULL);
  return self->recovery_message;
}

/**
 * roadmap_store_backup:
 * @destination: the file to write; replaced only once the copy is complete
 *
 * Copies the database through the SQLite backup API (never by copying the
 * live file).
 */
gboolean
roadmap_store_backup (RoadmapStore  *self,
                      const char    *destination,
                      GError       **error)
{
  g_return_val_if_fail (ROADMAP_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  return backup_database (self->db, self->path, destination, error);
}

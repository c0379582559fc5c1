/* store-test-util.h — helpers shared by the progress store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "roadmap-catalog.h"
#include "roadmap-loader.h"
#include "roadmap-session.h"
#include "roadmap-store.h"

G_BEGIN_DECLS

/* Temporary folders */
char           *store_test_make_dir           (void);
void            store_test_remove_dir         (const char      *path);
char           *store_test_find_corrupt_copy  (const char      *db_path);

/* Catalogs: a small one built in memory, or the bundled roadmaps.
 *
 * The small catalog holds two tracks:
 *   alpha: phase "one" with skills a b c d e, phase "two" with f g h
 *   beta:  phase "only" with skills a x y (the same skill id as in alpha)
 */
RoadmapCatalog *store_test_small_catalog      (void);
RoadmapCatalog *store_test_bundled_catalog    (void);
RoadmapSkill   *store_test_skill              (RoadmapCatalog  *catalog,
                                               const char      *track_id,
                                               const char      *skill_id);
char           *store_test_describe_catalog   (RoadmapCatalog  *catalog);
char           *store_test_describe_column    (RoadmapCatalog  *catalog,
                                               const char      *track_id,
                                               const char      *phase_id,
                                               RoadmapStatus    status);

/* The database, read with plain SQLite (not through the store) */
sqlite3        *store_test_sqlite_open        (const char      *path);
gint64          store_test_query_int          (sqlite3         *db,
                                               const char      *sql);
char           *store_test_query_text         (sqlite3         *db,
                                               const char      *sql);
char           *store_test_describe_db        (const char      *path);
void            store_test_assert_integrity   (const char      *path);
char           *store_test_copy_fixture       (const char      *name,
                                               gint64           version,
                                               const char      *dir);

/* The store, opened and loaded into a fresh catalog, described */
char           *store_test_describe_reopened  (const char      *path,
                                               gboolean         bundled);

/* Files */
GBytes         *store_test_read_file          (const char      *path);
void            store_test_assert_file_equals (const char      *path,
                                               GBytes          *expected);
guint           store_test_file_mode          (const char      *path);

/* A fixture: a temporary folder with `progress.db` in it, and the store
 * on that file loaded into the small catalog, once opened */
typedef struct
{
  char *dir;
  char *db_path;
  RoadmapStore *store;
  RoadmapCatalog *catalog;
} StoreFixture;

void            store_fixture_set_up          (StoreFixture    *fixture,
                                               gconstpointer    data);
void            store_fixture_tear_down       (StoreFixture    *fixture,
                                               gconstpointer    data);
void            store_fixture_open            (StoreFixture    *fixture);
void            store_fixture_close           (StoreFixture    *fixture);
void            store_fixture_exec            (StoreFixture    *fixture,
                                               const char      *sql);
RoadmapSkill   *store_fixture_skill           (StoreFixture    *fixture,
                                               const char      *track_id,
                                               const char      *skill_id);
void            store_fixture_move            (StoreFixture    *fixture,
                                               const char      *track_id,
                                               const char      *skill_id,
                                               RoadmapStatus    status,
                                               guint            position);
void            store_fixture_set_note        (StoreFixture    *fixture,
                                               const char      *track_id,
                                               const char      *skill_id,
                                               const char      *note);

/* Changes, through a session over @store (one per store, kept while
 * anything else holds the store, so that undo has a history);
 * @position is a place in the column as shown, as the board has it */
RoadmapSession *store_test_session            (RoadmapStore    *store,
                                               RoadmapCatalog  *catalog);
void            store_test_forget_sessions    (void);
gboolean        store_test_move_skill         (RoadmapStore    *store,
                                               RoadmapSkill    *skill,
                                               RoadmapStatus    status,
                                               guint            position,
                                               GError         **error);
gboolean        store_test_set_status         (RoadmapStore    *store,
                                               RoadmapSkill    *skill,
                                               RoadmapStatus    status,
                                               GError         **error);
gboolean        store_test_set_count_skipped_as_done (RoadmapStore    *store,
                                                      RoadmapCatalog  *catalog,
                                                      gboolean         count_skipped_as_done,
                                                      GError         **error);
gboolean        store_test_set_note           (RoadmapStore    *store,
                                               RoadmapSkill    *skill,
                                               const char      *note,
                                               GError         **error);
gboolean        store_test_set_topic_done     (RoadmapStore    *store,
                                               RoadmapSkill    *skill,
                                               guint            index,
                                               gboolean         done,
                                               GError         **error);
gboolean        store_test_undo               (RoadmapStore    *store,
                                               RoadmapCatalog  *catalog,
                                               RoadmapSkill   **undone,
                                               GError         **error);
gboolean        store_test_import             (RoadmapStore    *store,
                                               RoadmapCatalog  *catalog,
                                               GFile           *file,
                                               GError         **error);

/* Child processes: the test binary itself, run with other arguments */
char           *store_test_self_path          (void);
GPid            store_test_spawn              (const char * const *argv,
                                               int             *stdout_fd);
guint           store_test_time_factor        (void);
char           *store_test_read_line          (int              fd,
                                               guint            timeout_ms);
int             store_test_kill_and_wait      (GPid             pid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)

/* A fixture for tests through a session, as the command line opens one:
 * the bundled roadmaps and a database in a folder of its own */
typedef struct
{
  char *dir;
  char *db_path;
  RoadmapSession *session;
} SessionFixture;

RoadmapSession *store_test_open_session       (const char      *db_path);
RoadmapSkill   *store_test_session_skill      (RoadmapSession  *session,
                                               const char      *track_id,
                                               const char      *skill_id);
void            store_test_session_set_status (RoadmapSession  *session,
                                               const char      *track_id,
                                               const char      *skill_id,
                                               RoadmapStatus    status);
void            session_fixture_set_up        (SessionFixture  *fixture,
                                               gconstpointer    data);
void            session_fixture_tear_down     (SessionFixture  *fixture,
                                               gconstpointer    data);

guint64         store_test_mix                (guint64          x);
void            store_test_report             (int              fd,
                                               const char      *text);
RoadmapPlan    *store_test_plan               (const char      *start,
                                               guint            months,
                                               guint            hours_per_week);

G_END_DECLS

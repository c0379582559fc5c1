/* roadmap-progress-data.c — all a learner made, read from a database
 * and written into one
 *
 * The one form that export, import, the daily backups and a restore
 * share: every skill with a progress row, a note or a ticked topic (also
 * those of roadmaps not loaded now), and the preferences kept with the
 * progress. Reading it takes one consistent snapshot; writing it
 * replaces all of that in the caller's change, all or nothing; two of
 * them compare, for a restore's preview and its undo.
 *
 * A position is the place in the skill's column of its track: sort keys
 * stay inside the database, so that two databases holding the same
 * board compare equal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "roadmap-progress-data.h"
#include "roadmap-store-private.h"

struct _RoadmapProgressData
{
  GObject parent_instance;

  /* RoadmapProgressEntry; when @sorted, by track, then skill, with
   * positions counted from 0 (see ensure_sorted()) */
  GArray *entries;
  gboolean sorted;
  /* key → gint64 */
  GHashTable *preferences;
  GStrv preference_keys;
  /* A preference not held is at its default, not left as it is */
  gboolean holds_all_preferences;
  /* track id → RoadmapPlan; when @holds_plans, a track not held has none */
  GHashTable *plans;
  GStrv plan_track_ids;
  gboolean holds_plans;
  /* RoadmapProgressRoadmap: the learner's own roadmap files */
  GArray *roadmaps;
};

G_DEFINE_FINAL_TYPE (RoadmapProgressData, roadmap_progress_data, G_TYPE_OBJECT)

void
roadmap_progress_entry_clear (RoadmapProgressEntry *entry)
{
  g_clear_pointer (&entry->track_id, g_free);
  g_clear_pointer (&entry->skill_id, g_free);
  g_clear_pointer (&entry->note, g_free);
  g_clear_pointer (&entry->topics_done, g_strfreev);
}

void
roadmap_progress_roadmap_clear (RoadmapProgressRoadmap *roadmap)
{
  g_clear_pointer (&roadmap->file_name, g_free);
  g_clear_pointer (&roadmap->track_id, g_free);
  g_clear_pointer (&roadmap->contents, g_bytes_unref);
}

static void
roadmap_progress_data_finalize (GObject *object)
{
  RoadmapProgressData *self = (RoadmapProgressData *) object;

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->preferences, g_hash_table_unref);
  g_clear_pointer (&self->preference_keys, g_strfreev);
  g_clear_pointer (&self->plans, g_hash_table_unref);
  g_clear_pointer (&self->plan_track_ids, g_strfreev);
  g_clear_pointer (&self->roadmaps, g_array_unref);

  G_OBJECT_CLASS (roadmap_progress_data_parent_class)->finalize (object);
}

static void
roadmap_progress_data_class_init (RoadmapProgressDataClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = roadmap_progress_data_finalize;
}

static void
roadmap_progress_data_init (RoadmapProgressData *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (RoadmapProgressEntry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) roadmap_progress_entry_clear);
  self->preferences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->plans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) roadmap_plan_free);
  self->roadmaps = g_array_new (FALSE, TRUE, sizeof (RoadmapProgressRoadmap));
  g_array_set_clear_func (self->roadmaps, (GDestroyNotify) roadmap_progress_roadmap_clear);
  self->sorted = TRUE;
}

RoadmapProgressData *
roadmap_progress_data_new (void)
{
  return g_object_new (ROADMAP_TYPE_PROGRESS_DATA, NULL);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_entries (const void *a,
                 const void *b)
{
  const RoadmapProgressEntry *x = a, *y = b;
  int cmp = strcmp (x->track_id, y->track_id);

  return cmp != 0 ? cmp : strcmp (x->skill_id, y->skill_id);
}

/**
 * roadmap_progress_data_take_entry:
 * @entry: (transfer full): its strings now belong to @self; cleared
 *
 * One entry per skill, in any order.
 */
void
roadmap_progress_data_take_entry (RoadmapProgressData  *self,
                                  RoadmapProgressEntry *entry)
{
  g_return_if_fail (ROADMAP_IS_PROGRESS_DATA (self));
  g_return_if_fail (entry != NULL && entry->track_id != NULL && entry->skill_id != NULL);

  if (entry->topics_done != NULL)
    qsort (entry->topics_done, g_strv_length (entry->topics_done), sizeof (char *), compare_strings);
  self->sorted = FALSE;
  g_array_append_vals (self->entries, entry, 1);
  memset (entry, 0, sizeof *entry);
}

static int
compare_places (const void *a,
                const void *b)
{
  const RoadmapProgressEntry *x = *(const RoadmapProgressEntry * const *) a;
  const RoadmapProgressEntry *y = *(const RoadmapProgressEntry * const *) b;
  int cmp = strcmp (x->track_id, y->track_id);

  if (cmp == 0)
    cmp = (int) x->status - (int) y->status;
  if (cmp == 0)
    cmp = x->position < y->position ? -1 : x->position > y->position;
  return cmp != 0 ? cmp : strcmp (x->skill_id, y->skill_id);
}

/* Sorted, with each position the place in its column counted from 0, as
 * a database gives them back (a file may leave gaps): two that show the
 * same board compare equal */
static void
ensure_sorted (RoadmapProgressData *self)
{
  g_autoptr(GPtrArray) placed = NULL;
  gint64 place = 0;

  if (self->sorted)
    return;

  g_array_sort (self->entries, compare_entries);
  placed = g_ptr_array_sized_new (self->entries->len);
  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, RoadmapProgressEntry, i).has_progress)
      g_ptr_array_add (placed, &g_array_index (self->entries, RoadmapProgressEntry, i));
  g_ptr_array_sort (placed, compare_places);

  for (guint i = 0; i < placed->len; i++)
    {
      RoadmapProgressEntry *entry = g_ptr_array_index (placed, i);
      RoadmapProgressEntry *previous = i > 0 ? g_ptr_array_index (placed, i - 1) : NULL;

      if (previous == NULL || previous->status != entry->status ||
          strcmp (previous->track_id, entry->track_id) != 0)
        place = 0;
      entry->position = place++;
    }

  self->sorted = TRUE;
}

guint
roadmap_progress_data_get_n_entries (RoadmapProgressData *self)
{
  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (self), 0);
  return self->entries->len;
}

const RoadmapProgressEntry *
roadmap_progress_data_get_entry (RoadmapProgressData *self,
                                 guint                index)
{
  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  ensure_sorted (self);
  return &g_array_index (self->entries, RoadmapProgressEntry, index);
}

void
roadmap_progress_data_set_preference (RoadmapProgressData *self,
                                      const char          *key,
                                      gint64               value)
{
  g_return_if_fail (ROADMAP_IS_PROGRESS_DATA (self));
  g_return_if_fail (key != NULL);

  g_hash_table_insert (self->preferences, g_strdup (key), g_memdup2 (&value, sizeof value));
  g_clear_pointer (&self->preference_keys, g_strfreev);
}

/**
 * roadmap_progress_data_set_holds_all_preferences:
 * @holds_all: whether a preference @self does not hold is at its default
 *   (0): a snapshot of a database, a file that lists every preference;
 *   otherwise it says nothing of it (a file written before preferences
 *   were kept in it)
 */
void
roadmap_progress_data_set_holds_all_preferences (RoadmapProgressData *self,
                                                 gboolean             holds_all)
{
  g_return_if_fail (ROADMAP_IS_PROGRESS_DATA (self));
  self->holds_all_preferences = !!holds_all;
}

gboolean
roadmap_progress_data_get_holds_all_preferences (RoadmapProgressData *self)
{
  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (self), FALSE);
  return self->holds_all_preferences;
}

/**
 * roadmap_progress_data_list_preferences:
 *
 * Returns: (transfer none): the keys of the preferences held, sorted
 */
const char * const *
roadmap_progress_data_list_preferences (RoadmapProgressData *self)
{
  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (self), NULL);

  if (self->preference_keys == NULL)
    {
      guint n;

      self->preference_keys = (GStrv) g_hash_table_get_keys_as_array (self->preferences, &n);
      for (guint i = 0; i < n; i++)
        self->preference_keys[i] = g_strdup (self->preference_keys[i]);
      qsort (self->preference_keys, n, sizeof (char *), compare_strings);
    }

  return (const char * const *) self->preference_keys;
}

/**
 * roadmap_progress_data_get_preference:
 *
 * Returns: the value of @key, %G_MININT64 when @self has none
 */
gint64
roadmap_progress_data_get_preference (RoadmapProgressData *self,
                                      const char          *key)
{
  gint64 *value;

  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (self), G_MININT64);

  value = g_hash_table_lookup (self->preferences, key);
  return value != NULL ? *value : G_MININT64;
}

/**
 * roadmap_progress_data_set_plan:
 * @plan: (nullable): @track_id's plan, or %NULL for none
 */
void
roadmap_progress_data_set_plan (RoadmapProgressData *self,
                                const char          *track_id,
                                const RoadmapPlan   *plan)
{
  g_return_if_fail (ROADMAP_IS_PROGRESS_DATA (self));
  g_return_if_fail (track_id != NULL);

  if (plan != NULL)
    g_hash_table_insert (self->plans, g_strdup (track_id), roadmap_plan_copy (plan));
  else
    g_hash_table_remove (self->plans, track_id);
  g_clear_pointer (&self->plan_track_ids, g_strfreev);
}

/**
 * roadmap_progress_data_get_plan:
 *
 * Returns: (nullable) (transfer none): @track_id's plan, or %NULL
 */
const RoadmapPlan *
roadmap_progress_data_get_plan (RoadmapProgressData *self,
                                const char          *track_id)
{
  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (self), NULL);
  return g_hash_table_lookup (self->plans, track_id);
}

/**
 * roadmap_progress_data_list_plans:
 *
 * Returns: (transfer none): the tracks with a plan, sorted
 */
const char * const *
roadmap_progress_data_list_plans (RoadmapProgressData *self)
{
  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (self), NULL);

  if (self->plan_track_ids == NULL)
    {
      guint n;

      self->plan_track_ids = (GStrv) g_hash_table_get_keys_as_array (self->plans, &n);
      for (guint i = 0; i < n; i++)
        self->plan_track_ids[i] = g_strdup (self->plan_track_ids[i]);
      qsort (self->plan_track_ids, n, sizeof (char *), compare_strings);
    }

  return (const char * const *) self->plan_track_ids;
}

/**
 * roadmap_progress_data_set_holds_plans:
 * @holds_plans: whether a track without a plan in @self has none (a
 *   snapshot of a database, a file that lists plans), rather than
 *   keeping the one it has (a file written before plans were kept in it)
 */
void
roadmap_progress_data_set_holds_plans (RoadmapProgressData *self,
                                       gboolean             holds_plans)
{
  g_return_if_fail (ROADMAP_IS_PROGRESS_DATA (self));
  self->holds_plans = !!holds_plans;
}

gboolean
roadmap_progress_data_get_holds_plans (RoadmapProgressData *self)
{
  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (self), FALSE);
  return self->holds_plans;
}

/**
 * roadmap_progress_data_add_roadmap:
 * @file_name: its name in the user's roadmap folder, "my-track.json"
 * @track_id: the track it holds
 * @contents: the file, checked by the loader
 *
 * One of the learner's own roadmaps, carried by a backup.
 */
void
roadmap_progress_data_add_roadmap (RoadmapProgressData *self,
                                   const char          *file_name,
                                   const char          *track_id,
                                   GBytes              *contents)
{
  RoadmapProgressRoadmap roadmap;

  g_return_if_fail (ROADMAP_IS_PROGRESS_DATA (self));
  g_return_if_fail (file_name != NULL && track_id != NULL && contents != NULL);

  roadmap.file_name = g_strdup (file_name);
  roadmap.track_id = g_strdup (track_id);
  roadmap.contents = g_bytes_ref (contents);
  g_array_append_val (self->roadmaps, roadmap);
}

guint
roadmap_progress_data_get_n_roadmaps (RoadmapProgressData *self)
{
  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (self), 0);
  return self->roadmaps->len;
}

const RoadmapProgressRoadmap *
roadmap_progress_data_get_roadmap (RoadmapProgressData *self,
                                   guint                index)
{
  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (self), NULL);
  g_return_val_if_fail (index < self->roadmaps->len, NULL);
  return &g_array_index (self->roadmaps, RoadmapProgressRoadmap, index);
}

/* Reading */

static gboolean
read_fail (sqlite3     *db,
           const char  *path,
           GError     **error)
{
  int rc = sqlite3_extended_errcode (db);

  g_set_error (error, ROADMAP_STORE_ERROR,
               rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? ROADMAP_STORE_ERROR_BUSY
                                                        : ROADMAP_STORE_ERROR_IO,
               /* Translators: "/home/me/.local/share/…/progress.sqlite: disk I/O error" */
               _("%s: %s"), path, sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
has_table (sqlite3    *db,
           const char *table)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  return found;
}

/* The ticked topics of (@track_id, @skill_id), from @topics: the rows of
 * all skills in the order of the entries, stepped along with them (a
 * merge, rather than a query per skill). @rc is the last step's result. */
static GStrv
merge_topics (sqlite3_stmt *topics,
              int          *rc,
              const char   *track_id,
              const char   *skill_id)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  while (*rc == SQLITE_ROW)
    {
      int cmp = strcmp ((const char *) sqlite3_column_text (topics, 0), track_id);

      if (cmp == 0)
        cmp = strcmp ((const char *) sqlite3_column_text (topics, 1), skill_id);
      if (cmp > 0)
        break;
      if (cmp == 0)
        {
          if (builder == NULL)
            builder = g_strv_builder_new ();
          g_strv_builder_add (builder, (const char *) sqlite3_column_text (topics, 2));
        }
      *rc = sqlite3_step (topics);
    }

  return builder != NULL ? g_strv_builder_end (builder) : NULL;
}

static gboolean
read_preferences (RoadmapProgressData  *self,
                  sqlite3              *db,
                  const char           *path,
                  GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* A key without a row holds its default, as for the board
   * (_roadmap_store_load_preferences()): so a restore of this snapshot,
   * or an undo back to it, puts the default back */
  roadmap_progress_data_set_preference (self, ROADMAP_PREFERENCE_COUNT_SKIPPED_AS_DONE, 0);
  self->holds_all_preferences = TRUE;
  roadmap_progress_data_set_preference (self, ROADMAP_PREFERENCE_WEEKLY_GOAL, 0);

  if (!has_table (db, "preferences"))
    return TRUE;

  if (sqlite3_prepare_v2 (db, "SELECT key, value FROM preferences ORDER BY key",
                          -1, &stmt, NULL) != SQLITE_OK)
    return read_fail (db, path, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    roadmap_progress_data_set_preference (self, (const char *) sqlite3_column_text (stmt, 0),
                                          sqlite3_column_int64 (stmt, 1));

  return rc == SQLITE_DONE || read_fail (db, path, error);
}

/* The plans (schema 6 on): every row this release can use; a removed
 * plan's emptied row, or one it cannot use, is no plan */
static gboolean
read_plans (RoadmapProgressData  *self,
            sqlite3              *db,
            const char           *path,
            GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  self->holds_plans = TRUE;
  if (!has_table (db, "plans"))
    return TRUE;

  if (sqlite3_prepare_v2 (db, "SELECT track_id, " ROADMAP_STORE_PLAN_COLUMNS " FROM plans ORDER BY track_id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return read_fail (db, path, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RoadmapPlan) plan = _roadmap_store_plan_from_columns (stmt, 1);

      if (plan != NULL)
        roadmap_progress_data_set_plan (self, (const char *) sqlite3_column_text (stmt, 0), plan);
    }

  return rc == SQLITE_DONE || read_fail (db, path, error);
}

/* Every skill with a progress row, a note or (from schema 3 on, where
 * @extra names them) ticked topics, with its rank in its column */
#define SKILLS_QUERY(extra) \
  "WITH ranked AS (" \
  "  SELECT track_id, skill_id, status," \
  "         row_number () OVER (PARTITION BY track_id, status" \
  "                             ORDER BY sort_key, skill_id) - 1 AS position," \
  "         started_at, finished_at" \
  "  FROM progress)," \
  " skills AS (" \
  "  SELECT track_id, skill_id FROM progress" \
  "  UNION SELECT track_id, skill_id FROM notes WHERE body != ''" \
  extra ")" \
  " SELECT s.track_id, s.skill_id, r.status, r.position," \
  "        r.started_at, r.finished_at, nullif (n.body, '')" \
  " FROM skills AS s" \
  " LEFT JOIN ranked AS r USING (track_id, skill_id)" \
  " LEFT JOIN notes AS n USING (track_id, skill_id)" \
  " ORDER BY 1, 2"
#define TOPIC_SKILLS "  UNION SELECT track_id, skill_id FROM topics WHERE done"

/* Inside a transaction of the caller's: one snapshot of all tables. A
 * database of an older schema lacks the tables added since. */
static RoadmapProgressData *
read_database (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  g_autoptr(RoadmapProgressData) self = roadmap_progress_data_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) topics = NULL;
  gboolean with_topics = has_table (db, "topics");
  int rc, topics_rc = SQLITE_DONE;

  if (sqlite3_prepare_v2 (db,
                          with_topics ? SKILLS_QUERY (TOPIC_SKILLS) : SKILLS_QUERY (""),
                          -1, &stmt, NULL) != SQLITE_OK ||
      (with_topics &&
       sqlite3_prepare_v2 (db,
                           "SELECT track_id, skill_id, topic FROM topics WHERE done"
                           " ORDER BY track_id, skill_id, topic",
                           -1, &topics, NULL) != SQLITE_OK))
    {
      read_fail (db, path, error);
      return NULL;
    }

  if (topics != NULL)
    topics_rc = sqlite3_step (topics);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RoadmapProgressEntry entry = {
        .track_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        .skill_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        .has_progress = sqlite3_column_type (stmt, 2) != SQLITE_NULL,
        .status = CLAMP (sqlite3_column_int (stmt, 2), ROADMAP_STATUS_TODO, ROADMAP_N_STATUSES - 1),
        .position = sqlite3_column_int64 (stmt, 3),
        .started_at = _roadmap_store_column_time (stmt, 4),
        .finished_at = _roadmap_store_column_time (stmt, 5),
        .note = g_strdup ((const char *) sqlite3_column_text (stmt, 6)),
      };

      if (topics != NULL)
        entry.topics_done = merge_topics (topics, &topics_rc, entry.track_id, entry.skill_id);
      roadmap_progress_data_take_entry (self, &entry);
      if (topics_rc != SQLITE_ROW && topics_rc != SQLITE_DONE)
        break;
    }

  if ((rc != SQLITE_DONE && rc != SQLITE_ROW) ||
      (topics_rc != SQLITE_ROW && topics_rc != SQLITE_DONE) ||
      !read_preferences (self, db, path, error) ||
      !read_plans (self, db, path, error))
    {
      if (error == NULL || *error == NULL)
        read_fail (db, path, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * roadmap_progress_data_read:
 *
 * All that @store holds, in one snapshot: inside the caller's change, or
 * in a read transaction of its own.
 */
RoadmapProgressData *
roadmap_progress_data_read (RoadmapStore  *store,
                            GError       **error)
{
  RoadmapProgressData *data;
  gboolean own_transaction;

  g_return_val_if_fail (ROADMAP_IS_STORE (store), NULL);

  own_transaction = sqlite3_get_autocommit (store->db);
  if (own_transaction && !_roadmap_store_exec (store, "BEGIN", error))
    return NULL;

  data = read_database (store->db, store->path, error);

  if (own_transaction)
    _roadmap_store_rollback (store);
  return data;
}

/**
 * roadmap_progress_data_read_backup:
 * @path: a daily backup (roadmap_store_list_backups()), or any Roadmap
 *   database, opened read-only
 */
RoadmapProgressData *
roadmap_progress_data_read_backup (const char  *path,
                                   GError     **error)
{
  sqlite3 *db = NULL;
  RoadmapProgressData *data = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      read_fail (db, path, error);
      g_clear_pointer (&stmt, sqlite3_finalize);
      sqlite3_close_v2 (db);
      return NULL;
    }

  if (sqlite3_column_int64 (stmt, 0) != ROADMAP_STORE_APPLICATION_ID || !has_table (db, "progress"))
    g_set_error (error, ROADMAP_STORE_ERROR, ROADMAP_STORE_ERROR_NOT_ROADMAP,
                 _("%s is not a Roadmap progress database"), path);
  else if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    read_fail (db, path, error);
  else
    {
      data = read_database (db, path, error);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close_v2 (db);
  return data;
}

/* Writing */

typedef struct
{
  RoadmapStore *store;
  gint64 change;
  RoadmapOrigin origin;
  /* Microseconds */
  gint64 now;
  sqlite3_stmt *history;
} WriteContext;

static gboolean
write_history (WriteContext   *context,
               const char     *track_id,
               const char     *skill_id,
               RoadmapStatus   old_status,
               RoadmapStatus   new_status,
               GError        **error)
{
  sqlite3_bind_int64 (context->history, 1, context->change);
  sqlite3_bind_int (context->history, 2, ROADMAP_HISTORY_IMPORT);
  sqlite3_bind_int (context->history, 3, context->origin);
  sqlite3_bind_text (context->history, 4, track_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (context->history, 5, skill_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (context->history, 6, old_status);
  sqlite3_bind_int (context->history, 7, new_status);
  sqlite3_bind_int64 (context->history, 8, context->now);
  if (!_roadmap_store_step_done (context->store, context->history, error))
    return FALSE;

  context->store->history_written = TRUE;
  context->store->last_history_id = sqlite3_last_insert_rowid (context->store->db);
  return TRUE;
}

/* What every row holds now, for the history: "track/skill" → status */
static GHashTable *
read_statuses (RoadmapStore  *store,
               GError       **error)
{
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!_roadmap_store_prepare (store, "SELECT track_id, skill_id, status FROM progress",
                               &stmt, error))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (statuses,
                         g_strconcat ((const char *) sqlite3_column_text (stmt, 0), "/",
                                      (const char *) sqlite3_column_text (stmt, 1), NULL),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 2)));

  if (rc != SQLITE_DONE)
    {
      _roadmap_store_fail (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&statuses);
}

static gboolean
write_entry (WriteContext                *context,
             const RoadmapProgressEntry  *entry,
             sqlite3_stmt                *progress,
             sqlite3_stmt                *notes,
             sqlite3_stmt                *topics,
             GHashTable                  *old_statuses,
             GError                     **error)
{
  RoadmapStore *store = context->store;
  gint64 now = context->now / G_USEC_PER_SEC;

  if (entry->has_progress)
    {
      g_autofree char *id = g_strconcat (entry->track_id, "/", entry->skill_id, NULL);
      g_autofree char *stolen = NULL;
      gpointer old_status = GINT_TO_POINTER (ROADMAP_STATUS_TODO);

      g_hash_table_steal_extended (old_statuses, id, (gpointer *) &stolen, &old_status);

      sqlite3_bind_text (progress, 1, entry->track_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (progress, 2, entry->skill_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (progress, 3, entry->status);
      sqlite3_bind_int64 (progress, 4, (entry->position + 1) * ROADMAP_SORT_KEY_STEP);
      _roadmap_store_bind_time (progress, 5, entry->started_at);
      _roadmap_store_bind_time (progress, 6, entry->finished_at);
      sqlite3_bind_int64 (progress, 7, now);
      sqlite3_bind_int64 (progress, 8, context->change);
      if (!_roadmap_store_step_done (store, progress, error))
        return FALSE;

      /* Status changes only: a file imported again writes one row */
      if ((RoadmapStatus) GPOINTER_TO_INT (old_status) != entry->status &&
          !write_history (context, entry->track_id, entry->skill_id,
                          GPOINTER_TO_INT (old_status), entry->status, error))
        return FALSE;
    }

  for (guint t = 0; entry->topics_done != NULL && entry->topics_done[t] != NULL; t++)
    {
      sqlite3_bind_text (topics, 1, entry->track_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (topics, 2, entry->skill_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (topics, 3, entry->topics_done[t], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (topics, 4, now);
      sqlite3_bind_int64 (topics, 5, context->change);
      if (!_roadmap_store_step_done (store, topics, error))
        return FALSE;
    }

  if (entry->note == NULL)
    return TRUE;

  sqlite3_bind_text (notes, 1, entry->track_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (notes, 2, entry->skill_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (notes, 3, entry->note, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (notes, 4, now);
  sqlite3_bind_int64 (notes, 5, context->change);
  return _roadmap_store_step_done (store, notes, error);
}

/* The plans of @self; when it holds them all, every other track's plan
 * removed (its row emptied, as a removed plan's is) */
static gboolean
write_plans (RoadmapProgressData  *self,
             RoadmapStore         *store,
             gint64                change,
             gint64                now,
             GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) roadmap_plan_free);
  const char * const *track_ids = roadmap_progress_data_list_plans (self);
  GHashTableIter iter;
  gpointer track_id;
  int rc;

  if (!_roadmap_store_prepare (store, "SELECT track_id, " ROADMAP_STORE_PLAN_COLUMNS " FROM plans",
                               &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RoadmapPlan *plan = _roadmap_store_plan_from_columns (stmt, 1);

      if (plan != NULL)
        g_hash_table_insert (current, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), plan);
    }
  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (store, rc, error);

  g_hash_table_iter_init (&iter, current);
  while (self->holds_plans && g_hash_table_iter_next (&iter, &track_id, NULL))
    if (!g_hash_table_contains (self->plans, track_id) &&
        !_roadmap_store_write_plan_for_id (store, track_id, NULL, change, now / G_USEC_PER_SEC, error))
      return FALSE;

  for (guint i = 0; track_ids[i] != NULL; i++)
    {
      const RoadmapPlan *plan = g_hash_table_lookup (self->plans, track_ids[i]);

      if (!roadmap_plan_equal (g_hash_table_lookup (current, track_ids[i]), plan) &&
          !_roadmap_store_write_plan_for_id (store, track_ids[i], plan, change, now / G_USEC_PER_SEC, error))
        return FALSE;
    }

  return TRUE;
}

/* Every preference of @store that @self does not hold, set to 0 */
static gboolean
reset_other_preferences (RoadmapProgressData  *self,
                         RoadmapStore         *store,
                         gint64                change,
                         gint64                now,
                         GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (!_roadmap_store_prepare (store, "SELECT key FROM preferences WHERE value != 0", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      if (!g_hash_table_contains (self->preferences, key))
        g_ptr_array_add (keys, g_strdup (key));
    }
  if (rc != SQLITE_DONE)
    return _roadmap_store_fail (store, rc, error);

  for (guint i = 0; i < keys->len; i++)
    if (!roadmap_store_write_preference (store, g_ptr_array_index (keys, i), 0, change,
                                         now / G_USEC_PER_SEC, error))
      return FALSE;
  return TRUE;
}

/**
 * roadmap_progress_data_write:
 * @change: from roadmap_store_begin_change(), the caller's
 * @origin: who asks, for the history
 * @now: microseconds since the Unix epoch (UTC), for the history
 *
 * Replaces all progress, notes, ticked topics and preferences of @store
 * with those of @self, inside @change. Every skill whose status this
 * changes (sets, or takes back to To-do) is recorded in the history, so
 * that it holds every status change; a skill left in its status is not,
 * so that writing the same data again adds one row, not one per entry.
 * The first row, of no skill, marks the change that replaced everything,
 * for other processes' reloads.
 */
gboolean
roadmap_progress_data_write (RoadmapProgressData  *self,
                             RoadmapStore         *store,
                             gint64                change,
                             RoadmapOrigin         origin,
                             gint64                now,
                             GError              **error)
{
  g_autoptr(sqlite3_stmt) progress = NULL;
  g_autoptr(sqlite3_stmt) notes = NULL;
  g_autoptr(sqlite3_stmt) topics = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  g_autoptr(GHashTable) old_statuses = NULL;
  WriteContext context = { store, change, origin, now, NULL };
  const char * const *keys;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ROADMAP_IS_PROGRESS_DATA (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_STORE (store), FALSE);

  if (!_roadmap_store_prepare (store,
                               "INSERT INTO progress (track_id, skill_id, status, sort_key,"
                               "  started_at, finished_at, updated_at, change)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                               &progress, error) ||
      !_roadmap_store_prepare (store,
                               "INSERT INTO notes (track_id, skill_id, body, updated_at, change)"
                               " VALUES (?1, ?2, ?3, ?4, ?5)",
                               &notes, error) ||
      !_roadmap_store_prepare (store,
                               "INSERT INTO topics (track_id, skill_id, topic, done, updated_at, change)"
                               " VALUES (?1, ?2, ?3, 1, ?4, ?5)",
                               &topics, error) ||
      !_roadmap_store_prepare (store,
                               "INSERT INTO history (change, kind, origin, track_id, skill_id,"
                               "  old_status, new_status, changed_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                               &history, error))
    return FALSE;
  context.history = history;

  old_statuses = read_statuses (store, error);
  if (old_statuses == NULL ||
      !write_history (&context, "", "", ROADMAP_STATUS_TODO, ROADMAP_STATUS_TODO, error) ||
      !_roadmap_store_exec (store, "DELETE FROM progress; DELETE FROM notes; DELETE FROM topics;", error))
    return FALSE;

  for (guint i = 0; i < self->entries->len; i++)
    if (!write_entry (&context, &g_array_index (self->entries, RoadmapProgressEntry, i),
                      progress, notes, topics, old_statuses, error))
      return FALSE;

  /* The rows the data does not have: back to To-do */
  g_hash_table_iter_init (&iter, old_statuses);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) ids = g_strsplit (key, "/", 2);

      if (GPOINTER_TO_INT (value) != ROADMAP_STATUS_TODO &&
          !write_history (&context, ids[0], ids[1], GPOINTER_TO_INT (value), ROADMAP_STATUS_TODO, error))
        return FALSE;
    }

  /* Preferences the data does not hold go back to their default when it
   * holds them all; otherwise (a file written before they were kept in
   * it) they keep their value */
  if (self->holds_all_preferences && !reset_other_preferences (self, store, change, now, error))
    return FALSE;

  if (!write_plans (self, store, change, now, error))
    return FALSE;

  keys = roadmap_progress_data_list_preferences (self);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      gint64 current;

      /* Without a row, a preference is at its default, 0 for each */
      if (!roadmap_store_read_preference (store, keys[i], 0, &current, error))
        return FALSE;
      if (current != roadmap_progress_data_get_preference (self, keys[i]) &&
          !roadmap_store_write_preference (store, keys[i], roadmap_progress_data_get_preference (self, keys[i]),
                                           change, now / G_USEC_PER_SEC, error))
        return FALSE;
    }

  return TRUE;
}

/* Comparing */

static gboolean
same_topics (const RoadmapProgressEntry *a,
             const RoadmapProgressEntry *b)
{
  const char * const none[] = { NULL };

  return g_strv_equal (a->topics_done != NULL ? (const char * const *) a->topics_done : none,
                       b->topics_done != NULL ? (const char * const *) b->topics_done : none);
}

/* One skill, from @a to @b; either may be %NULL (no entry: To-do, no
 * note, nothing ticked) */
static void
diff_entry (const RoadmapProgressEntry *a,
            const RoadmapProgressEntry *b,
            RoadmapProgressDiff        *diff)
{
  static const RoadmapProgressEntry none = { .status = ROADMAP_STATUS_TODO };
  RoadmapStatus from, to;

  if (a == NULL)
    a = &none;
  if (b == NULL)
    b = &none;

  from = a->has_progress ? a->status : ROADMAP_STATUS_TODO;
  to = b->has_progress ? b->status : ROADMAP_STATUS_TODO;

  if (from != to)
    diff->n_statuses++;
  else if (a->has_progress != b->has_progress ||
           (a->has_progress &&
            (a->position != b->position || a->started_at != b->started_at ||
             a->finished_at != b->finished_at)))
    diff->n_other++;

  if (g_strcmp0 (a->note, b->note) != 0)
    diff->n_notes++;
  if (!same_topics (a, b))
    diff->n_topics++;
}

/**
 * roadmap_progress_data_diff:
 * @diff: (out caller-allocates): what writing @to over @from changes
 *
 * A preference @to does not hold is left as it is (see
 * roadmap_progress_data_write()), so it is no change, unless @to holds
 * all preferences: then it goes back to its default.
 */
void
roadmap_progress_data_diff (RoadmapProgressData *from,
                            RoadmapProgressData *to,
                            RoadmapProgressDiff *diff)
{
  const char * const *keys;
  guint i = 0, j = 0;

  g_return_if_fail (ROADMAP_IS_PROGRESS_DATA (from));
  g_return_if_fail (ROADMAP_IS_PROGRESS_DATA (to));
  g_return_if_fail (diff != NULL);

  memset (diff, 0, sizeof *diff);
  ensure_sorted (from);
  ensure_sorted (to);

  /* Both sorted: a merge */
  while (i < from->entries->len || j < to->entries->len)
    {
      const RoadmapProgressEntry *a = i < from->entries->len
        ? &g_array_index (from->entries, RoadmapProgressEntry, i) : NULL;
      const RoadmapProgressEntry *b = j < to->entries->len
        ? &g_array_index (to->entries, RoadmapProgressEntry, j) : NULL;
      int cmp = a == NULL ? 1 : b == NULL ? -1 : compare_entries (a, b);

      diff_entry (cmp <= 0 ? a : NULL, cmp >= 0 ? b : NULL, diff);
      i += cmp <= 0;
      j += cmp >= 0;
    }

  keys = roadmap_progress_data_list_preferences (to);
  for (i = 0; keys[i] != NULL; i++)
    if (roadmap_progress_data_get_preference (from, keys[i]) !=
        roadmap_progress_data_get_preference (to, keys[i]))
      diff->n_preferences++;

  /* The plans that change: those @to holds, and, when it holds them
   * all, those it removes */
  keys = roadmap_progress_data_list_plans (to);
  for (i = 0; keys[i] != NULL; i++)
    if (!roadmap_plan_equal (g_hash_table_lookup (from->plans, keys[i]), g_hash_table_lookup (to->plans, keys[i])))
      diff->n_plans++;
  keys = roadmap_progress_data_list_plans (from);
  for (i = 0; to->holds_plans && keys[i] != NULL; i++)
    if (!g_hash_table_contains (to->plans, keys[i]))
      diff->n_plans++;

  /* And those @to sets back to their default */
  keys = roadmap_progress_data_list_preferences (from);
  for (i = 0; to->holds_all_preferences && keys[i] != NULL; i++)
    if (!g_hash_table_contains (to->preferences, keys[i]) &&
        roadmap_progress_data_get_preference (from, keys[i]) != 0)
      diff->n_preferences++;
}

/**
 * roadmap_progress_data_equal:
 *
 * Whether @b holds just what @a does (preferences @b does not hold
 * aside).
 */
gboolean
roadmap_progress_data_equal (RoadmapProgressData *a,
                             RoadmapProgressData *b)
{
  RoadmapProgressDiff diff;

  roadmap_progress_data_diff (a, b, &diff);
  return diff.n_statuses == 0 && diff.n_notes == 0 && diff.n_topics == 0 &&
         diff.n_preferences == 0 && diff.n_plans == 0 && diff.n_other == 0;
}

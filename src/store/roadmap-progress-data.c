/* roadmap-progress-data.c — all a learner made, read from a database
 * and written into one
 *
 * The one form that export, import, the daily backups and a restore
 * share: every skill with a progress row, a note or a ticked topic (also
 * those of roadmaps not loaded now), the preferences and the plans kept
 * with the progress, and (from a progress file, or added by the session)
 * the learner's own roadmap files. Reading it takes one consistent
 * snapshot (roadmap-progress-data-read.c); writing it replaces all of
 * that in the caller's change, all or nothing
 * (roadmap-progress-data-write.c); two of them compare, here, for a
 * restore's preview and its undo.
 *
 * A position is the place in the skill's column of its track: sort keys
 * stay inside the database, so that two databases holding the same
 * board compare equal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>


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

/* @key's value in @self; one it does not hold is at its default (0) when
 * it holds them all, else unknown */
static gint64
preference_as_written (RoadmapProgressData *self,
                       const char          *key)
{
  gint64 *value = g_hash_table_lookup (self->preferences, key);

  if (value != NULL)
    return *value;
  return self->holds_all_preferences ? 0 : G_MININT64;
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
    if (preference_as_written (from, keys[i]) != preference_as_written (to, keys[i]))
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
    if (!g_hash_table_contains (to->preferences, keys[i]) && preference_as_written (from, keys[i]) != 0)
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

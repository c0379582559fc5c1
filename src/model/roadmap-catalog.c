/* roadmap-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "roadmap-catalog.h"
#include "roadmap-loader.h"
#include "roadmap-stats.h"

struct _RoadmapCatalog
{
  GObject parent_instance;

  /* The tracks shown (the list model) and those the learner hid; every
   * one of both by its id */
  GPtrArray *tracks;
  GPtrArray *hidden;
  GHashTable *tracks_by_id;
  /* Ids of the tracks hidden, loaded or not, from the database */
  GHashTable *hidden_ids;
  /* Track id → the bundled track the learner's own copy stands in for */
  GHashTable *originals;
  GPtrArray *load_errors;
  gboolean count_skipped_as_done;
  /* Track id → limit on cards in Doing, for tracks loaded or not yet */
  GHashTable *wip_limits;
  guint weekly_goal;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RoadmapCatalog, roadmap_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_COUNT_SKIPPED_AS_DONE,
  PROP_WEEKLY_GOAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  HIDDEN_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
roadmap_catalog_get_item_type (GListModel *model)
{
  return ROADMAP_TYPE_TRACK;
}

static guint
roadmap_catalog_get_n_items (GListModel *model)
{
  return ROADMAP_CATALOG (model)->tracks->len;
}

static gpointer
roadmap_catalog_get_item (GListModel *model,
                          guint       position)
{
  RoadmapCatalog *self = ROADMAP_CATALOG (model);

  if (position >= self->tracks->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->tracks, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = roadmap_catalog_get_item_type;
  iface->get_n_items = roadmap_catalog_get_n_items;
  iface->get_item = roadmap_catalog_get_item;
}

static void
roadmap_catalog_dispose (GObject *object)
{
  RoadmapCatalog *self = (RoadmapCatalog *) object;

  g_clear_pointer (&self->tracks_by_id, g_hash_table_unref);
  g_clear_pointer (&self->wip_limits, g_hash_table_unref);
  g_clear_pointer (&self->hidden_ids, g_hash_table_unref);
  g_clear_pointer (&self->originals, g_hash_table_unref);
  g_clear_pointer (&self->tracks, g_ptr_array_unref);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);
  g_clear_pointer (&self->load_errors, g_ptr_array_unref);

  G_OBJECT_CLASS (roadmap_catalog_parent_class)->dispose (object);
}

static void
roadmap_catalog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RoadmapCatalog *self = ROADMAP_CATALOG (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->tracks->len);
      break;
    case PROP_COUNT_SKIPPED_AS_DONE:
      g_value_set_boolean (value, self->count_skipped_as_done);
      break;
    case PROP_WEEKLY_GOAL:
      g_value_set_uint (value, self->weekly_goal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
roadmap_catalog_class_init (RoadmapCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = roadmap_catalog_dispose;
  object_class->get_property = roadmap_catalog_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RoadmapCatalog:count-skipped-as-done:
   *
   * Whether every track counts its Skipped skills as done (the learner's
   * preference, kept in the progress database).
   */
  properties[PROP_COUNT_SKIPPED_AS_DONE] =
    g_param_spec_boolean ("count-skipped-as-done", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RoadmapCatalog:weekly-goal:
   *
   * The skills a week the learner aims for, 0 for no goal (the default):
   * the statistics count a streak of weeks that met it. Kept in the
   * progress database.
   */
  properties[PROP_WEEKLY_GOAL] =
    g_param_spec_uint ("weekly-goal", NULL, NULL, 0, ROADMAP_STATS_MAX_WEEKLY_GOAL, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RoadmapCatalog::hidden-changed:
   *
   * A track was hidden or shown again (roadmap_catalog_set_hidden()).
   */
  signals[HIDDEN_CHANGED] =
    g_signal_new ("hidden-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
roadmap_catalog_init (RoadmapCatalog *self)
{
  self->tracks = g_ptr_array_new_with_free_func (g_object_unref);
  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
  self->tracks_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->hidden_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->originals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->wip_limits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->load_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

RoadmapCatalog *
roadmap_catalog_new (void)
{
  return g_object_new (ROADMAP_TYPE_CATALOG, NULL);
}

/* Puts @track in the list of its kind (shown or hidden) at @position,
 * or at its end for -1 */
static void
insert_track (RoadmapCatalog *self,
              RoadmapTrack   *track,
              int             position)
{
  const char *id = roadmap_track_get_id (track);
  gboolean hidden = g_hash_table_contains (self->hidden_ids, id);
  GPtrArray *list = hidden ? self->hidden : self->tracks;

  if (position < 0 || (guint) position > list->len)
    position = list->len;

  roadmap_track_set_count_skipped_as_done (track, self->count_skipped_as_done);
  roadmap_track_set_wip_limit (track, GPOINTER_TO_UINT (g_hash_table_lookup (self->wip_limits, id)));
  g_ptr_array_insert (list, position, g_object_ref (track));
  g_hash_table_insert (self->tracks_by_id, (gpointer) id, track);

  if (!hidden)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

/* Takes @track out of its list; returns where it was, or -1 */
static int
take_track (RoadmapCatalog *self,
            RoadmapTrack   *track)
{
  guint position;

  if (g_ptr_array_find (self->hidden, track, &position))
    {
      g_hash_table_remove (self->tracks_by_id, roadmap_track_get_id (track));
      g_ptr_array_remove_index (self->hidden, position);
      return position;
    }
  if (!g_ptr_array_find (self->tracks, track, &position))
    return -1;

  g_hash_table_remove (self->tracks_by_id, roadmap_track_get_id (track));
  g_ptr_array_remove_index (self->tracks, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return position;
}

/**
 * roadmap_catalog_add_track:
 *
 * Appends @track. Fails with %ROADMAP_LOADER_ERROR_DUPLICATE_ID when a
 * track with the same id is already loaded: progress is keyed by track id,
 * so two tracks may never share one. The one exception is the learner's
 * own copy of a bundled track (a track with a source file, see
 * roadmap_track_get_source(), over one without): it takes the bundled
 * track's place, and roadmap_catalog_get_original() keeps the bundled
 * one until the copy is removed. A track read again from the file of a
 * loaded one (the same id and source) takes that one's place.
 */
gboolean
roadmap_catalog_add_track (RoadmapCatalog  *self,
                           RoadmapTrack    *track,
                           GError         **error)
{
  const char *id;
  RoadmapTrack *existing;
  int position = -1;

  g_return_val_if_fail (ROADMAP_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = roadmap_track_get_id (track);
  existing = g_hash_table_lookup (self->tracks_by_id, id);
  if (existing != NULL && roadmap_track_get_source (track) != NULL &&
      g_strcmp0 (roadmap_track_get_source (existing), roadmap_track_get_source (track)) == 0)
    {
      /* The same file read again */
      g_object_ref (existing);
      insert_track (self, track, take_track (self, existing));
      g_object_unref (existing);
      return TRUE;
    }
  if (existing != NULL &&
      (roadmap_track_get_source (existing) != NULL || roadmap_track_get_source (track) == NULL))
    {
      const char *source = roadmap_track_get_source (track);

      g_set_error (error, ROADMAP_LOADER_ERROR, ROADMAP_LOADER_ERROR_DUPLICATE_ID,
                   /* Translators: the first %s is a file name, the second a track id,
                    * the third a track title */
                   _("%s: id: the track id “%s” is already used by “%s”"),
                   source != NULL ? source : id, id, roadmap_track_get_title (existing));
      return FALSE;
    }

  if (existing != NULL)
    {
      g_hash_table_insert (self->originals, g_strdup (id), g_object_ref (existing));
      position = take_track (self, existing);
    }
  insert_track (self, track, position);

  return TRUE;
}

gboolean
roadmap_catalog_get_count_skipped_as_done (RoadmapCatalog *self)
{
  g_return_val_if_fail (ROADMAP_IS_CATALOG (self), FALSE);
  return self->count_skipped_as_done;
}

/**
 * roadmap_catalog_set_count_skipped_as_done:
 *
 * Counts Skipped skills as done in every track, or leaves them out of the
 * counts. The store sets it from the database: see
 * roadmap_session_set_count_skipped_as_done() to change it.
 */
void
roadmap_catalog_set_count_skipped_as_done (RoadmapCatalog *self,
                                           gboolean        count_skipped_as_done)
{
  g_return_if_fail (ROADMAP_IS_CATALOG (self));

  count_skipped_as_done = !!count_skipped_as_done;
  if (self->count_skipped_as_done == count_skipped_as_done)
    return;

  self->count_skipped_as_done = count_skipped_as_done;
  for (guint i = 0; i < self->tracks->len; i++)
    roadmap_track_set_count_skipped_as_done (g_ptr_array_index (self->tracks, i), count_skipped_as_done);
  for (guint i = 0; i < self->hidden->len; i++)
    roadmap_track_set_count_skipped_as_done (g_ptr_array_index (self->hidden, i), count_skipped_as_done);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT_SKIPPED_AS_DONE]);
}

guint
roadmap_catalog_get_weekly_goal (RoadmapCatalog *self)
{
  g_return_val_if_fail (ROADMAP_IS_CATALOG (self), 0);
  return self->weekly_goal;
}

/**
 * roadmap_catalog_set_weekly_goal:
 * @weekly_goal: skills a week, at most %ROADMAP_STATS_MAX_WEEKLY_GOAL; 0
 *   for none
 *
 * The store sets it from the database: see
 * roadmap_session_set_weekly_goal() to change it.
 */
void
roadmap_catalog_set_weekly_goal (RoadmapCatalog *self,
                                 guint           weekly_goal)
{
  g_return_if_fail (ROADMAP_IS_CATALOG (self));
  g_return_if_fail (weekly_goal <= ROADMAP_STATS_MAX_WEEKLY_GOAL);

  if (self->weekly_goal == weekly_goal)
    return;

  self->weekly_goal = weekly_goal;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEEKLY_GOAL]);
}

/**
 * roadmap_catalog_remove_track:
 *
 * Takes @track out of the catalog (its roadmap is no longer loaded); its
 * progress stays in the database. The bundled track that @track, the
 * learner's own copy, stood in for takes its place again.
 *
 * Returns: whether @track was in the catalog
 */
gboolean
roadmap_catalog_remove_track (RoadmapCatalog *self,
                              RoadmapTrack   *track)
{
  g_autoptr(RoadmapTrack) original = NULL;
  g_autofree char *original_id = NULL;
  int position;

  g_return_val_if_fail (ROADMAP_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), FALSE);

  g_object_ref (track);
  position = take_track (self, track);
  if (position >= 0 &&
      g_hash_table_steal_extended (self->originals, roadmap_track_get_id (track),
                                   (gpointer *) &original_id, (gpointer *) &original))
    insert_track (self, original, position);
  g_object_unref (track);

  return position >= 0;
}

/**
 * roadmap_catalog_get_original:
 *
 * Returns: (transfer none) (nullable): the bundled track that the
 *   learner's own copy of that id stands in for
 */
RoadmapTrack *
roadmap_catalog_get_original (RoadmapCatalog *self,
                              const char     *track_id)
{
  g_return_val_if_fail (ROADMAP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (track_id != NULL, NULL);

  return g_hash_table_lookup (self->originals, track_id);
}

/**
 * roadmap_catalog_set_hidden:
 * @track_id: a track, loaded now or not
 *
 * Follows the database (see roadmap_store_apply_preference()): a hidden
 * track stays loaded, and found by roadmap_catalog_find_track(), but is
 * not an item of the catalog's list, so no view shows it (see
 * roadmap_catalog_get_hidden_tracks()).
 */
void
roadmap_catalog_set_hidden (RoadmapCatalog *self,
                            const char     *track_id,
                            gboolean        hidden)
{
  RoadmapTrack *track;

  g_return_if_fail (ROADMAP_IS_CATALOG (self));
  g_return_if_fail (track_id != NULL);

  if (!!hidden == g_hash_table_contains (self->hidden_ids, track_id))
    return;

  track = g_hash_table_lookup (self->tracks_by_id, track_id);
  if (track != NULL)
    g_object_ref (track);
  if (track != NULL)
    take_track (self, track);

  if (hidden)
    g_hash_table_add (self->hidden_ids, g_strdup (track_id));
  else
    g_hash_table_remove (self->hidden_ids, track_id);

  if (track != NULL)
    {
      insert_track (self, track, -1);
      g_object_unref (track);
    }
  g_signal_emit (self, signals[HIDDEN_CHANGED], 0);
}

/**
 * roadmap_catalog_is_hidden:
 *
 * Returns: whether the learner hid the track of that id
 */
gboolean
roadmap_catalog_is_hidden (RoadmapCatalog *self,
                           const char     *track_id)
{
  g_return_val_if_fail (ROADMAP_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (track_id != NULL, FALSE);

  return g_hash_table_contains (self->hidden_ids, track_id);
}

/**
 * roadmap_catalog_clear_hidden:
 *
 * Every track is shown: the default, before the database's preferences
 * are applied again.
 */
void
roadmap_catalog_clear_hidden (RoadmapCatalog *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer id;

  g_return_if_fail (ROADMAP_IS_CATALOG (self));

  g_hash_table_iter_init (&iter, self->hidden_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_ptr_array_add (ids, g_strdup (id));
  for (guint i = 0; i < ids->len; i++)
    roadmap_catalog_set_hidden (self, g_ptr_array_index (ids, i), FALSE);
}

/**
 * roadmap_catalog_get_hidden_tracks:
 *
 * Returns: (transfer full) (element-type RoadmapTrack): the loaded
 *   tracks the learner hid, in the order they were hidden
 */
GPtrArray *
roadmap_catalog_get_hidden_tracks (RoadmapCatalog *self)
{
  GPtrArray *tracks;

  g_return_val_if_fail (ROADMAP_IS_CATALOG (self), NULL);

  tracks = g_ptr_array_new_full (self->hidden->len, g_object_unref);
  for (guint i = 0; i < self->hidden->len; i++)
    g_ptr_array_add (tracks, g_object_ref (g_ptr_array_index (self->hidden, i)));
  return tracks;
}

/**
 * roadmap_catalog_has_skill:
 *
 * Returns: whether @skill belongs to a track of the catalog
 */
gboolean
roadmap_catalog_has_skill (RoadmapCatalog *self,
                           RoadmapSkill   *skill)
{
  g_return_val_if_fail (ROADMAP_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_SKILL (skill), FALSE);

  return roadmap_catalog_find_skill (self, roadmap_skill_get_track_id (skill),
                                     roadmap_skill_get_id (skill)) == skill;
}

/**
 * roadmap_catalog_find_track:
 *
 * Returns: (transfer none) (nullable): the track with that id
 */
RoadmapTrack *
roadmap_catalog_find_track (RoadmapCatalog *self,
                            const char     *track_id)
{
  g_return_val_if_fail (ROADMAP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (track_id != NULL, NULL);

  return g_hash_table_lookup (self->tracks_by_id, track_id);
}

/**
 * roadmap_catalog_find_skill:
 *
 * Returns: (transfer none) (nullable): the skill, if both ids are known
 */
RoadmapSkill *
roadmap_catalog_find_skill (RoadmapCatalog *self,
                            const char     *track_id,
                            const char     *skill_id)
{
  RoadmapTrack *track;

  g_return_val_if_fail (ROADMAP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (skill_id != NULL, NULL);

  track = roadmap_catalog_find_track (self, track_id);
  return track != NULL ? roadmap_track_find_skill (track, skill_id) : NULL;
}

guint
roadmap_catalog_get_n_skills (RoadmapCatalog *self)
{
  guint n = 0;

  g_return_val_if_fail (ROADMAP_IS_CATALOG (self), 0);

  for (guint i = 0; i < self->tracks->len; i++)
    n += roadmap_track_get_n_skills (g_ptr_array_index (self->tracks, i));

  return n;
}

/**
 * roadmap_catalog_add_load_error:
 *
 * Records why a roadmap file could not be loaded, for the UI to list,
 * unless it is recorded already.
 */
void
roadmap_catalog_add_load_error (RoadmapCatalog *self,
                                const GError   *error)
{
  g_return_if_fail (ROADMAP_IS_CATALOG (self));
  g_return_if_fail (error != NULL);

  /* A folder read again finds a broken file again: told once */
  for (guint i = 0; i < self->load_errors->len; i++)
    {
      const GError *known = g_ptr_array_index (self->load_errors, i);

      if (known->domain == error->domain && known->code == error->code &&
          g_strcmp0 (known->message, error->message) == 0)
        return;
    }
  g_ptr_array_add (self->load_errors, g_error_copy (error));
}

/**
 * roadmap_catalog_get_load_errors:
 *
 * Returns: (transfer none) (element-type GError): the errors of the roadmap
 *   files that failed to load, in load order
 */
GPtrArray *
roadmap_catalog_get_load_errors (RoadmapCatalog *self)
{
  g_return_val_if_fail (ROADMAP_IS_CATALOG (self), NULL);
  return self->load_errors;
}

/**
 * roadmap_catalog_foreach_skill:
 * @func: (scope call): called for each skill
 *
 * Calls @func for every skill of every track, in catalog, phase and
 * roadmap order.
 */
void
roadmap_catalog_foreach_skill (RoadmapCatalog   *self,
                               RoadmapSkillFunc  func,
                               gpointer          user_data)
{
  g_return_if_fail (ROADMAP_IS_CATALOG (self));
  g_return_if_fail (func != NULL);

  for (guint t = 0; t < self->tracks->len; t++)
    {
      GListModel *phases = roadmap_track_get_phases (g_ptr_array_index (self->tracks, t));
      guint n_phases = g_list_model_get_n_items (phases);

      for (guint p = 0; p < n_phases; p++)
        {
          g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, p);
          guint n_skills = roadmap_phase_get_n_skills (phase);

          for (guint s = 0; s < n_skills; s++)
            func (roadmap_phase_peek_skill (phase, s), user_data);
        }
    }
}

/**
 * roadmap_catalog_set_wip_limit:
 * @track_id: a track, loaded now or not
 * @wip_limit: its limit on cards in Doing, 0 for none
 *
 * Follows the database (see roadmap_store_apply_preference()); the track
 * gets it now, or when it is added.
 */
void
roadmap_catalog_set_wip_limit (RoadmapCatalog *self,
                               const char     *track_id,
                               guint           wip_limit)
{
  RoadmapTrack *track;

  g_return_if_fail (ROADMAP_IS_CATALOG (self));
  g_return_if_fail (track_id != NULL);

  wip_limit = MIN (wip_limit, ROADMAP_TRACK_MAX_WIP_LIMIT);
  if (wip_limit > 0)
    g_hash_table_insert (self->wip_limits, g_strdup (track_id), GUINT_TO_POINTER (wip_limit));
  else
    g_hash_table_remove (self->wip_limits, track_id);

  track = g_hash_table_lookup (self->tracks_by_id, track_id);
  if (track != NULL)
    roadmap_track_set_wip_limit (track, wip_limit);
}

/**
 * roadmap_catalog_clear_wip_limits:
 *
 * No track has a limit on cards in Doing: the default, before the
 * database's preferences are applied again.
 */
void
roadmap_catalog_clear_wip_limits (RoadmapCatalog *self)
{
  g_return_if_fail (ROADMAP_IS_CATALOG (self));

  g_hash_table_remove_all (self->wip_limits);
  for (guint i = 0; i < self->tracks->len; i++)
    roadmap_track_set_wip_limit (g_ptr_array_index (self->tracks, i), 0);
  for (guint i = 0; i < self->hidden->len; i++)
    roadmap_track_set_wip_limit (g_ptr_array_index (self->hidden, i), 0);
}

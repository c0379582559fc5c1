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

  GPtrArray *tracks;
  GHashTable *tracks_by_id;
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
  g_clear_pointer (&self->tracks, g_ptr_array_unref);
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
}

static void
roadmap_catalog_init (RoadmapCatalog *self)
{
  self->tracks = g_ptr_array_new_with_free_func (g_object_unref);
  self->tracks_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->wip_limits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->load_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
}

RoadmapCatalog *
roadmap_catalog_new (void)
{
  return g_object_new (ROADMAP_TYPE_CATALOG, NULL);
}

/**
 * roadmap_catalog_add_track:
 *
 * Appends @track. Fails with %ROADMAP_LOADER_ERROR_DUPLICATE_ID when a
 * track with the same id is already loaded: progress is keyed by track id,
 * so two tracks may never share one.
 */
gboolean
roadmap_catalog_add_track (RoadmapCatalog  *self,
                           RoadmapTrack    *track,
                           GError         **error)
{
  const char *id;
  RoadmapTrack *existing;

  g_return_val_if_fail (ROADMAP_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = roadmap_track_get_id (track);
  existing = g_hash_table_lookup (self->tracks_by_id, id);
  if (existing != NULL)
    {
      const char *source = roadmap_track_get_source (track);

      g_set_error (error, ROADMAP_LOADER_ERROR, ROADMAP_LOADER_ERROR_DUPLICATE_ID,
                   /* Translators: the first %s is a file name, the second a track id,
                    * the third a track title */
                   _("%s: id: the track id “%s” is already used by “%s”"),
                   source != NULL ? source : id, id, roadmap_track_get_title (existing));
      return FALSE;
    }

  roadmap_track_set_count_skipped_as_done (track, self->count_skipped_as_done);
  roadmap_track_set_wip_limit (track, GPOINTER_TO_UINT (g_hash_table_lookup (self->wip_limits, id)));
  g_ptr_array_add (self->tracks, g_object_ref (track));
  g_hash_table_insert (self->tracks_by_id, (gpointer) id, track);

  g_list_model_items_changed (G_LIST_MODEL (self), self->tracks->len - 1, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

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
 * progress stays in the database.
 *
 * Returns: whether @track was in the catalog
 */
gboolean
roadmap_catalog_remove_track (RoadmapCatalog *self,
                              RoadmapTrack   *track)
{
  guint position;

  g_return_val_if_fail (ROADMAP_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (ROADMAP_IS_TRACK (track), FALSE);

  if (!g_ptr_array_find (self->tracks, track, &position))
    return FALSE;

  g_hash_table_remove (self->tracks_by_id, roadmap_track_get_id (track));
  g_ptr_array_remove_index (self->tracks, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
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
 * Records why a roadmap file could not be loaded, for the UI to list.
 */
void
roadmap_catalog_add_load_error (RoadmapCatalog *self,
                                const GError   *error)
{
  g_return_if_fail (ROADMAP_IS_CATALOG (self));
  g_return_if_fail (error != NULL);

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
}

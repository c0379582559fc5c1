/* roadmap-writer.c
 *
 * Writes a track back in the format the loader reads (format 1: id,
 * title, summary; phases with their months; skills with their kind,
 * summary, topics, links, estimated hours and the skills a hands-on item
 * practises), in the track's own order, so that an
 * exported roadmap passes `roadmap --validate` and imports back as the
 * same track. Members without a value are left out, as a hand-written
 * file would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "roadmap-resource.h"
#include "roadmap-writer.h"

#define ROADMAP_FORMAT 1

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_strings (JsonBuilder        *builder,
             const char         *member,
             const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_skill (JsonBuilder  *builder,
           RoadmapSkill *skill)
{
  GListModel *resources = roadmap_skill_get_resources (skill);
  RoadmapSkillKind kind = roadmap_skill_get_kind (skill);

  json_builder_begin_object (builder);
  add_string (builder, "id", roadmap_skill_get_id (skill));
  add_string (builder, "title", roadmap_skill_get_title (skill));
  /* A skill is the default: written only for a hands-on item */
  if (kind != ROADMAP_SKILL_KIND_SKILL)
    add_string (builder, "kind", roadmap_skill_kind_to_string (kind));
  add_string (builder, "summary", roadmap_skill_get_summary (skill));
  if (roadmap_skill_get_estimate_hours (skill) > 0)
    {
      json_builder_set_member_name (builder, "estimate_hours");
      json_builder_add_int_value (builder, roadmap_skill_get_estimate_hours (skill));
    }
  add_strings (builder, "topics", roadmap_skill_get_topics (skill));
  add_strings (builder, "practises", roadmap_skill_get_practises (skill));
  if (resources != NULL && g_list_model_get_n_items (resources) > 0)
    {
      json_builder_set_member_name (builder, "resources");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
        {
          g_autoptr(RoadmapResource) resource = g_list_model_get_item (resources, i);

          json_builder_begin_object (builder);
          add_string (builder, "title", roadmap_resource_get_title (resource));
          add_string (builder, "url", roadmap_resource_get_url (resource));
          add_string (builder, "kind", roadmap_resource_get_kind (resource));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
add_phase (JsonBuilder  *builder,
           RoadmapPhase *phase)
{
  GListModel *skills = roadmap_phase_get_skills (phase);

  json_builder_begin_object (builder);
  add_string (builder, "id", roadmap_phase_get_id (phase));
  add_string (builder, "title", roadmap_phase_get_title (phase));
  if (roadmap_phase_get_first_month (phase) > 0)
    {
      json_builder_set_member_name (builder, "months");
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, roadmap_phase_get_first_month (phase));
      json_builder_add_int_value (builder, roadmap_phase_get_last_month (phase));
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "skills");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (skills); i++)
    {
      g_autoptr(RoadmapSkill) skill = g_list_model_get_item (skills, i);

      add_skill (builder, skill);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * roadmap_writer_to_data:
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): @track as the text of a roadmap file,
 *   pretty-printed, with a final newline
 */
char *
roadmap_writer_to_data (RoadmapTrack *track,
                        gsize        *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *phases;
  g_autofree char *text = NULL;
  char *data;

  g_return_val_if_fail (ROADMAP_IS_TRACK (track), NULL);

  phases = roadmap_track_get_phases (track);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, ROADMAP_FORMAT);
  add_string (builder, "id", roadmap_track_get_id (track));
  add_string (builder, "title", roadmap_track_get_title (track));
  add_string (builder, "summary", roadmap_track_get_summary (track));
  json_builder_set_member_name (builder, "phases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(RoadmapPhase) phase = g_list_model_get_item (phases, i);

      add_phase (builder, phase);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  data = g_strconcat (text, "\n", NULL);
  if (length != NULL)
    *length = strlen (data);
  return data;
}

/* roadmap-preference-command.h — a preference kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-command.h"

G_BEGIN_DECLS

#define ROADMAP_TYPE_PREFERENCE_COMMAND (roadmap_preference_command_get_type ())

G_DECLARE_FINAL_TYPE (RoadmapPreferenceCommand, roadmap_preference_command, ROADMAP, PREFERENCE_COMMAND, RoadmapCommand)

RoadmapCommand *roadmap_preference_command_new (RoadmapCatalog *catalog,
                                                const char     *key,
                                                gint64          value);

G_END_DECLS

/* roadmap-cli-plan.h — `--set-plan`, `--clear-plan` and `--schedule`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-session.h"

G_BEGIN_DECLS

/* The day --schedule counts from, instead of today: for tests and
 * scripts, read by the command line only */
#define ROADMAP_CLI_TODAY_VARIABLE "ROADMAP_TODAY"

RoadmapPlan *roadmap_cli_plan_parse      (const char         *start,
                                          const char         *months,
                                          const char         *hours_per_week,
                                          GError            **error);
gboolean     roadmap_cli_plan_set        (RoadmapSession     *session,
                                          const char         *track_id,
                                          const RoadmapPlan  *plan,
                                          GError            **error);
gboolean     roadmap_cli_plan_get_today  (GDate              *today,
                                          GError            **error);
gboolean     roadmap_cli_plan_print_schedule (RoadmapSession *session,
                                              const char     *track_id,
                                              const GDate    *today,
                                              GError        **error);

G_END_DECLS

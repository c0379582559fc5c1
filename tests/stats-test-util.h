/* stats-test-util.h — times for the statistics tests: fixed, in Berlin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "roadmap-stats.h"

G_BEGIN_DECLS

gint64     stats_test_at     (const char *iso8601);
GDateTime *stats_test_berlin (const char *iso8601);

G_END_DECLS

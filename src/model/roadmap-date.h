/* roadmap-date.h — how a date is written, wherever one shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *roadmap_date_format           (GDateTime *date_time);
char *roadmap_date_format_with_time (GDateTime *date_time);
void  roadmap_date_get_local_day    (GDateTime *date_time,
                                     GDate     *date);
char *roadmap_date_format_day       (const GDate *date);

G_END_DECLS

/* roadmap-first-frame.h — tells a start-up benchmark when the first frame
 * was painted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void roadmap_first_frame_report (GtkWidget *window);

G_END_DECLS

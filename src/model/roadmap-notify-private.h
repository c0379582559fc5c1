/* roadmap-notify-private.h — shared between the model types only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Whether anything listens to @object's ::notify, for any property
 * (g_signal_has_handler_pending() with no detail sees only the handlers
 * connected without one). In GLib 2.74 each notification takes a queue
 * of its own, which is most of the cost of loading progress; an object
 * nobody watches (none is, before the views are built) need not be
 * notified at all. The model's types do not override GObject's notify. */
static inline gboolean
_roadmap_is_watched (gpointer object)
{
  static guint notify_signal;

  if (G_UNLIKELY (notify_signal == 0))
    notify_signal = g_signal_lookup ("notify", G_TYPE_OBJECT);
  return g_signal_handler_find (object, G_SIGNAL_MATCH_ID, notify_signal, 0, NULL, NULL, NULL) != 0;
}

G_END_DECLS

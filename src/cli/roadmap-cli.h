/* roadmap-cli.h — the command-line options, handled before any GTK start-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void roadmap_cli_add_options     (GApplication   *application);
int  roadmap_cli_check_arguments (int             argc,
                                  char          **argv);
int  roadmap_cli_handle          (GVariantDict   *options,
                                  char          **db_path,
                                  char         ***roadmap_dirs);

G_END_DECLS

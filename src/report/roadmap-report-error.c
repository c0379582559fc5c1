/* roadmap-report-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roadmap-report-error.h"

G_DEFINE_QUARK (roadmap-report-error-quark, roadmap_report_error)

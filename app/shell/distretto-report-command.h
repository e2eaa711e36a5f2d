/* distretto-report-command.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int distretto_report_command_run (int    argc,
                                  char **argv);

G_END_DECLS

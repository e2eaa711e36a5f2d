/* distretto-plugin-calls.h: which plugin code runs now, written down so a
 * crash can be traced to its plugin at the next start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DistrettoPluginCall DistrettoPluginCall;

DistrettoPluginCall *distretto_plugin_call_begin      (const char          *module_name,
                                                       const char          *what);
void                 distretto_plugin_call_end        (DistrettoPluginCall *call);

char                *distretto_plugin_calls_dup_dir   (void);
char                *distretto_plugin_calls_dup_marker_path (GPid         pid);
char                *distretto_plugin_calls_read_marker (const char      *path,
                                                         char           **what);
gboolean             distretto_plugin_calls_parse_name (const char         *name,
                                                        GPid               *pid);
gboolean             distretto_plugin_calls_is_gone   (GPid                 pid);

G_END_DECLS

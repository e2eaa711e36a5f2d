/* distretto-plugin-crashes.h: plugins that took Distretto down, remembered
 * until they are updated or switched on again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *distretto_plugin_crashes_collect (void);
char      *distretto_plugin_crashes_lookup  (const char *module_name,
                                             const char *module_dir);
void       distretto_plugin_crashes_forget  (const char *module_name);
gint64     distretto_plugin_files_get_newest_change (const char *module_dir);

G_END_DECLS

/* distretto-plugin-diagnostics.h: why a plugin did not load, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libpeas/peas.h>

G_BEGIN_DECLS

typedef struct _DistrettoLogCapture DistrettoLogCapture;

DistrettoLogCapture *distretto_log_capture_start               (void);
GPtrArray           *distretto_log_capture_stop                (DistrettoLogCapture *capture);

char                *distretto_plugin_describe_load_failure    (GPtrArray           *messages,
                                                                const char          *module_dir);
char                *distretto_plugin_check_file               (PeasEngine          *engine,
                                                                const char          *path,
                                                                char               **module_name,
                                                                char               **name);
void                 distretto_plugin_find_files               (const char          *directory,
                                                                GPtrArray           *paths);

G_END_DECLS

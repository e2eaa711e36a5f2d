/* distretto-cli.h: what the headless commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <distretto.h>

#include "distretto-plugin-engine.h"

G_BEGIN_DECLS

/* Exit codes of the headless commands. */
#define DISTRETTO_EXIT_OK       0
#define DISTRETTO_EXIT_INVALID  1
#define DISTRETTO_EXIT_USAGE    2

int               distretto_cli_fail      (const char  *command,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (2, 3);
DistrettoDataset *distretto_cli_load_data (const char * const *paths,
                                           GError            **error);
char             *distretto_cli_dup_module_ids (DistrettoPluginEngine *engine);
const char       *distretto_cli_find_input (GFile             *output,
                                            const char * const *inputs);
int               distretto_cli_check_output (const char         *command,
                                              const char         *output,
                                              const char * const *data_paths,
                                              const char         *boundaries_path);
int               distretto_cli_check_output_dir (const char     *command,
                                                  const char     *dir);
int               distretto_cli_parse_style (const char          *name);
GPtrArray        *distretto_cli_dup_strv   (char               **strv);


G_END_DECLS

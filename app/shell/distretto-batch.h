/* distretto-batch.h: one file per region, for `export` and `report`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The most failures an exit status counts: above are signals. */
#define DISTRETTO_BATCH_MAX_STATUS 125

typedef gboolean (*DistrettoBatchFunc) (const char  *code,
                                        GFile       *file,
                                        gpointer     user_data,
                                        GError     **error);

int distretto_batch_run (const char *command,
                         const char *dir,
                         const char *prefix,
                         const char *extension,
                         GPtrArray  *codes,
                         DistrettoBatchFunc func,
                         gpointer    user_data);

G_END_DECLS

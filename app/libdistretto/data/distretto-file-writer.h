/* distretto-file-writer.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  distretto_check_output_file     (GFile       *file,
                                           GError     **error);
gboolean  distretto_write_file            (GFile       *file,
                                           GBytes      *contents,
                                           GError     **error);
char     *distretto_make_staging_folder   (const char  *target,
                                           GError     **error);
void      distretto_remove_stale_temporaries (const char *folder);

G_END_DECLS

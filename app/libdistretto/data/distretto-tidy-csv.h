/* distretto-tidy-csv.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <gio/gio.h>

#include "distretto-dataset.h"

G_BEGIN_DECLS

DistrettoDataset *distretto_tidy_csv_load_bytes     (GBytes            *bytes,
                                                     const char        *display_name,
                                                     GError           **error);
DistrettoDataset *distretto_tidy_csv_load_file      (GFile             *file,
                                                     GError           **error);
gboolean          distretto_region_names_load_bytes (DistrettoDataset  *dataset,
                                                     GBytes            *bytes,
                                                     const char        *display_name,
                                                     GError           **error);

G_END_DECLS

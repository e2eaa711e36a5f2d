/* distretto-data-format.h
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

/**
 * DistrettoDataFormat:
 * @DISTRETTO_DATA_FORMAT_UNKNOWN: not a format Distretto reads
 * @DISTRETTO_DATA_FORMAT_TIDY_CSV: `region,indicator,year,value[,flag]`
 * @DISTRETTO_DATA_FORMAT_EUROSTAT_TSV: Eurostat's bulk download TSV
 * @DISTRETTO_DATA_FORMAT_SDMX_CSV: SDMX-CSV, Eurostat's current CSV download
 * @DISTRETTO_DATA_FORMAT_JSON_STAT: JSON-stat 2.0 or 1.x
 * @DISTRETTO_DATA_FORMAT_GEOJSON: GeoJSON boundaries
 *
 * The formats of data files, told from their content.
 */
typedef enum
{
  DISTRETTO_DATA_FORMAT_UNKNOWN,
  DISTRETTO_DATA_FORMAT_TIDY_CSV,
  DISTRETTO_DATA_FORMAT_EUROSTAT_TSV,
  DISTRETTO_DATA_FORMAT_SDMX_CSV,
  DISTRETTO_DATA_FORMAT_JSON_STAT,
  DISTRETTO_DATA_FORMAT_GEOJSON,
} DistrettoDataFormat;

/**
 * DistrettoProgressFunc:
 * @fraction: the share of the work done, 0 to 1
 * @user_data: the data given with the function
 *
 * Reports progress of a long load.
 */
typedef void (*DistrettoProgressFunc) (double   fraction,
                                       gpointer user_data);

DistrettoDataFormat  distretto_data_format_detect    (GBytes                *bytes);
const char          *distretto_data_format_get_name  (DistrettoDataFormat    format);
GBytes              *distretto_data_uncompress       (GBytes                *bytes,
                                                      GError               **error);
DistrettoDataset    *distretto_dataset_load_bytes    (GBytes                *bytes,
                                                      const char            *display_name,
                                                      GCancellable          *cancellable,
                                                      GError               **error);
DistrettoDataset    *distretto_dataset_load_file     (GFile                 *file,
                                                      GCancellable          *cancellable,
                                                      DistrettoProgressFunc  progress,
                                                      gpointer               progress_data,
                                                      GError               **error);

G_END_DECLS

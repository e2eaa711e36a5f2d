/* distretto-import-private.h: what every importer is handed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

#include "distretto-data-format.h"
#include "distretto-dataset-private.h"

G_BEGIN_DECLS

typedef struct _DistrettoImport DistrettoImport;

/* Called now and then with how many bytes of the input are consumed. */
typedef void (*DistrettoImportProgress) (DistrettoImport *import,
                                         gsize            done,
                                         gsize            total,
                                         gpointer         user_data);

struct _DistrettoImport
{
  DistrettoDataset        *dataset;     /* a fresh dataset for this one file */
  DistrettoSource         *source;
  guint                    source_index;
  const char              *filename;    /* as shown in messages */
  GCancellable            *cancellable;
  DistrettoImportProgress  progress;
  gpointer                 progress_data;
  guint                    ticks;
};

gboolean _distretto_import_tick (DistrettoImport  *import,
                                 gsize             done,
                                 gsize             total,
                                 GError          **error);

/* The importers: each fills import->dataset from data[0..len). */
gboolean _distretto_tidy_csv_import    (DistrettoImport  *import,
                                        const char       *data,
                                        gsize             len,
                                        GError          **error);
gboolean _distretto_eurostat_tsv_import (DistrettoImport  *import,
                                         const char       *data,
                                         gsize             len,
                                         GError          **error);
gboolean _distretto_sdmx_csv_import    (DistrettoImport  *import,
                                        const char       *data,
                                        gsize             len,
                                        GError          **error);
gboolean _distretto_json_stat_import   (DistrettoImport  *import,
                                        const char       *data,
                                        gsize             len,
                                        GError          **error);

char             *_distretto_table_code_from_file_name (const char *display_name,
                                                        const char *fallback);

/* Loads @bytes as @format, whatever their content looks like. */
DistrettoDataset *_distretto_dataset_load_bytes_as (GBytes               *bytes,
                                                    const char           *display_name,
                                                    DistrettoDataFormat   format,
                                                    GError              **error);

G_END_DECLS

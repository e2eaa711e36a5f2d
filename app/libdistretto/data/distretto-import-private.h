/* distretto-import-private.h: what every importer is handed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

#include "distretto-data-format.h"
#include "distretto-dataset-private.h"
#include "distretto-input-private.h"

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
  DistrettoInput          *input;       /* the file's content */
  DistrettoSource         *source;
  guint                    source_index;
  const char              *filename;    /* as shown in messages */
  GCancellable            *cancellable;
  DistrettoImportProgress  progress;
  gpointer                 progress_data;
  guint                    ticks;
  gsize                    last_done;      /* at the last report */
  guint                    last_n_regions;
};

gboolean _distretto_import_tick   (DistrettoImport  *import,
                                   gsize             done,
                                   gsize             total,
                                   GError          **error);
gboolean _distretto_import_tick_by (DistrettoImport  *import,
                                   guint             n,
                                   gsize             done,
                                   gsize             total,
                                   GError          **error);
gboolean _distretto_import_report (DistrettoImport  *import,
                                   gsize             done,
                                   gsize             total,
                                   GError          **error);

/* The importers: each fills import->dataset from import->input. */
gboolean _distretto_tidy_csv_import    (DistrettoImport  *import,
                                        GError          **error);
gboolean _distretto_eurostat_tsv_import (DistrettoImport  *import,
                                         GError          **error);
gboolean _distretto_sdmx_csv_import    (DistrettoImport  *import,
                                        GError          **error);
gboolean _distretto_json_stat_import   (DistrettoImport  *import,
                                        GError          **error);

const char       *_distretto_flags_known  (void);
void              _distretto_set_error_at (GError     **error,
                                           GQuark       domain,
                                           int          code,
                                           const char  *name,
                                           guint        line,
                                           guint        column,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (7, 8);

/* How many characters of a field messages quote. */
#define DISTRETTO_MESSAGE_QUOTE_LENGTH 80

char             *_distretto_shorten    (const char *text,
                                         gssize      len);
char             *_distretto_shorten_to (const char *text,
                                         gssize      len,
                                         guint       max_chars);

char             *_distretto_region_name_from_label (const char *label);

/* How much of the head of a file format detection and delimiter sniffing
 * look at. */
#define DISTRETTO_SNIFF_LENGTH (64 * 1024)

char             *_distretto_table_code_from_file_name (const char *display_name,
                                                        const char *fallback);

/* Loads @bytes as @format, whatever their content looks like. */
DistrettoDataset *_distretto_dataset_load_bytes_as (GBytes               *bytes,
                                                    const char           *display_name,
                                                    DistrettoDataFormat   format,
                                                    GError              **error);
DistrettoDataset *_distretto_dataset_load_file_as  (GFile                *file,
                                                    DistrettoDataFormat   format,
                                                    GError              **error);

G_END_DECLS

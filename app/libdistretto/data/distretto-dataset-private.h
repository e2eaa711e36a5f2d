/* distretto-dataset-private.h: how importers fill a dataset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "distretto-dataset.h"

G_BEGIN_DECLS

/* Cells given by one thread, to add to the dataset's counts. */
typedef struct
{
  gsize          n_observations;
  DistrettoFlags flags_seen;
} DistrettoCellCount;

/* Codes the dataset does not know yet get ids with this bit while a
 * chunk of a file is read (distretto-cell-batch.c), counted within the
 * chunk's batch until they are interned. */
#define DISTRETTO_CELL_BATCH_NEW (1u << 31)

/* A cell read from a chunk of a file, to be filled in later. */
typedef struct
{
  double value;
  guint32 series;      /* an index, or a new id */
  guint32 region;      /* an index, or a new id */
  guint32 line;        /* within the chunk, from 1 */
  guint32 flags;
  gint32 year;
  guint32 unused;
} DistrettoReadCell;

guint    _distretto_dataset_add_source    (DistrettoDataset *self,
                                           DistrettoSource  *source);
guint    _distretto_dataset_intern_region (DistrettoDataset *self,
                                           const char       *code);
guint    _distretto_dataset_intern_series (DistrettoDataset *self,
                                           const char       *code,
                                           guint             source);
void     _distretto_dataset_reserve_years (DistrettoDataset *self,
                                           int               first_year,
                                           int               last_year);
void     _distretto_dataset_expect_regions (DistrettoDataset *self,
                                            guint             n_regions);
gboolean _distretto_dataset_add_cell      (DistrettoDataset *self,
                                           guint             series,
                                           guint             region,
                                           int               year,
                                           double            value,
                                           DistrettoFlags    flags,
                                           guint             source,
                                           guint             line,
                                           GError          **error);
gboolean _distretto_dataset_fill_read_cells (DistrettoDataset        *self,
                                             const DistrettoReadCell *cells,
                                             gsize                    n_cells,
                                             const guint             *new_series,
                                             const guint             *new_regions,
                                             guint                    first_line,
                                             guint                    source,
                                             DistrettoCellCount      *count,
                                             guint64                 *position,
                                             GError                 **error);
void     _distretto_dataset_add_count     (DistrettoDataset         *self,
                                           const DistrettoCellCount *count);
gboolean _distretto_dataset_get_cell      (DistrettoDataset *self,
                                           guint             series,
                                           guint             region,
                                           int               year,
                                           double           *value,
                                           DistrettoFlags   *flags,
                                           guint            *source,
                                           guint            *line);
void     _distretto_dataset_set_original  (DistrettoDataset *self,
                                           DistrettoDataset *original,
                                           int               nuts_version);

gboolean _distretto_dataset_lookup_region (DistrettoDataset *self,
                                           const char       *code,
                                           guint            *index);
gboolean _distretto_dataset_lookup_series (DistrettoDataset *self,
                                           const char       *code,
                                           guint            *index);
void     _distretto_dataset_forget_selections (DistrettoDataset *self);

G_END_DECLS

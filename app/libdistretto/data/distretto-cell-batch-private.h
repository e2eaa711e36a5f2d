/* distretto-cell-batch-private.h: the cells one chunk of a file gives,
 * read on any thread, given to the dataset in the order of the file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "distretto-dataset-private.h"

G_BEGIN_DECLS

typedef struct _DistrettoCellBatch DistrettoCellBatch;

DistrettoCellBatch *_distretto_cell_batch_new       (DistrettoDataset   *dataset,
                                                     guint               n_partitions);
void                _distretto_cell_batch_free      (DistrettoCellBatch *batch);
void                _distretto_cell_batch_reset     (DistrettoCellBatch *batch);

guint               _distretto_cell_batch_partition_of (const char      *series_code,
                                                        guint            n_partitions);

/* While chunks are read, on any thread: the dataset is only read. */
guint               _distretto_cell_batch_region    (DistrettoCellBatch *batch,
                                                     const char         *code);
void                _distretto_cell_batch_set_version (DistrettoCellBatch *batch,
                                                       guint               region,
                                                       int                 version);
guint               _distretto_cell_batch_series    (DistrettoCellBatch *batch,
                                                     const char         *code,
                                                     guint              *partition);
void                _distretto_cell_batch_add       (DistrettoCellBatch *batch,
                                                     guint               partition,
                                                     guint               series,
                                                     guint               region,
                                                     int                 year,
                                                     double              value,
                                                     DistrettoFlags      flags,
                                                     guint               line);

/* Then on the calling thread, batch after batch in the order of the file. */
void                _distretto_cell_batch_commit_codes (DistrettoCellBatch *batch,
                                                        guint               source,
                                                        guint               first_line);

/* Then each partition on one thread, batch after batch. */
gboolean            _distretto_cell_batch_fill      (DistrettoCellBatch *batch,
                                                     guint               partition,
                                                     guint               source,
                                                     DistrettoCellCount *count,
                                                     guint64            *position,
                                                     GError            **error);

G_END_DECLS

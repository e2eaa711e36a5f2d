/* distretto-csv-blocks-private.h: the records of a CSV input read on every
 * core, a block of the input at a time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "distretto-cell-batch-private.h"
#include "distretto-csv-reader.h"
#include "distretto-import-private.h"

G_BEGIN_DECLS

/* How an importer reads chunks: a parser made for a chunk's reader, whose
 * cells go to @batch, reset for each new chunk the reader and the batch
 * take, and the function reading each record, the same that reads
 * records on the calling thread; take_plain, if not %NULL, takes the
 * plain records it can first (_distretto_csv_reader_take_plain()). */
typedef struct
{
  gpointer               (*parser_new)   (gpointer             user_data,
                                          DistrettoCsvReader  *reader,
                                          DistrettoCellBatch  *batch);
  void                   (*parser_reset) (gpointer             parser);
  void                   (*parser_free)  (gpointer             parser);
  DistrettoCsvRecordFunc   read_record;
  DistrettoCsvPlainFunc    take_plain;
} DistrettoCsvChunkParser;

gboolean _distretto_csv_reader_import_blocks (DistrettoCsvReader            *reader,
                                              DistrettoImport               *import,
                                              const DistrettoCsvChunkParser *chunk_parser,
                                              gpointer                       user_data,
                                              const char                    *example,
                                              GError                       **error);

G_END_DECLS

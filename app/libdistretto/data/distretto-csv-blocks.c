/* distretto-csv-blocks.c: the records of a CSV input read on every core, a
 * block of the input at a time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "distretto-csv-blocks-private.h"
#include "distretto-parallel-private.h"

/*
 * The input is read a block at a time into the reader's window, and the
 * complete lines of the block are cut into chunks at line ends. Each
 * chunk is read by its own reader, with the importer's own record
 * function, into a cell batch; while the threads read the chunks of one
 * block they also fill the dataset with the cells of the block before,
 * one partition of the series each, and read the next block from the
 * input into a second window.
 *
 * A chunk that starts inside a quoted field (a field holding a line end
 * was cut) is never used: the chunk before it then ends inside that field,
 * which its reader reports as an error. Any error in a chunk sends the
 * block, and the rest of the input, to the reader on the calling thread,
 * which finds the first error of the file, with its line, as it always
 * did. Cells given twice are found as the batches are filled in, and the
 * first of the file is reported. So the dataset, or the error, is the one
 * a reading on one thread gives.
 */

/* What each thread reads at a time; DISTRETTO_LOAD_CHUNK_SIZE, in bytes,
 * sets it for tests. A block holds a few chunks per thread; the first
 * blocks are smaller, so progress (and a file that changes) is seen early
 * on any number of cores. */
#define CHUNK_SIZE        (256 * 1024)
#define CHUNKS_PER_THREAD 4
#define FIRST_BLOCK       (1024 * 1024)
#define MAX_BLOCK         (8 * 1024 * 1024)

/* A chunk, and what reads it: kept from round to round. */
typedef struct
{
  const char *start;
  gsize len;
  DistrettoCsvReader reader;
  gpointer parser;
  DistrettoCellBatch *batch;
  guint n_lines;
  guint n_records;
  gboolean failed;
} Chunk;

typedef struct
{
  GPtrArray *chunks;          /* Chunk */
  gsize len;                  /* chunks in use */
  gsize end;                  /* where the block ends in the window */
} Block;

typedef struct
{
  DistrettoCsvReader *reader;
  DistrettoImport *import;
  const DistrettoCsvChunkParser *chunk_parser;
  gpointer user_data;
  guint n_threads;
  guint n_partitions;
  gsize chunk_size;

  Block blocks[2];
  Block *reading;             /* whose chunks are read this round, or NULL */
  Block *filling;             /* whose cells are filled in this round, or NULL */
  gsize read_ahead;           /* how much of the input to read this round, or 0 */

  /* Per partition, from filling. */
  DistrettoCellCount *counts;
  GError **errors;
  guint64 *positions;
} Blocks;

static gsize
get_chunk_size (void)
{
  const char *size = g_getenv ("DISTRETTO_LOAD_CHUNK_SIZE");
  guint64 n = size != NULL ? g_ascii_strtoull (size, NULL, 10) : 0;

  return n > 0 ? (gsize) MIN (n, MAX_BLOCK) : CHUNK_SIZE;
}

static void
block_clear (Blocks *blocks,
             Block  *block)
{
  for (guint i = 0; i < block->chunks->len; i++)
    {
      Chunk *chunk = g_ptr_array_index (block->chunks, i);

      if (chunk->parser != NULL)
        blocks->chunk_parser->parser_free (chunk->parser);
      _distretto_csv_reader_clear (&chunk->reader);
      _distretto_cell_batch_free (chunk->batch);
      g_free (chunk);
    }
  g_ptr_array_unref (block->chunks);
}

static Chunk *
get_chunk (Block  *block,
           guint   index)
{
  return g_ptr_array_index (block->chunks, index);
}

static void
add_chunk (Blocks     *blocks,
           Block      *block,
           const char *start,
           gsize       len)
{
  Chunk *chunk;

  if (block->len == block->chunks->len)
    {
      chunk = g_new0 (Chunk, 1);
      chunk->batch = _distretto_cell_batch_new (blocks->import->dataset, blocks->n_partitions);
      g_ptr_array_add (block->chunks, chunk);
    }

  chunk = get_chunk (block, block->len++);
  chunk->start = start;
  chunk->len = len;
}

/* The first line end at or after @p + @size, or @end. */
static const char *
line_end_after (const char *p,
                const char *end,
                gsize       size)
{
  const char *line_end;

  if ((gsize) (end - p) <= size)
    return end;

  line_end = memchr (p + size - 1, '\n', end - (p + size - 1));
  return line_end != NULL ? line_end + 1 : end;
}

/* Cuts a block of complete lines off the reader's window, in chunks. */
static void
split_window (Blocks *blocks,
              Block  *block,
              gsize   block_size)
{
  DistrettoCsvReader *reader = blocks->reader;
  const char *p = reader->data + reader->pos;
  const char *end = line_end_after (p, reader->data + reader->len, block_size);

  block->len = 0;
  block->end = end - reader->data;
  while (p < end)
    {
      const char *stop = (gsize) (end - p) < 2 * blocks->chunk_size
                         ? end : line_end_after (p, end, blocks->chunk_size);

      add_chunk (blocks, block, p, stop - p);
      p = stop;
    }
}

static void
read_chunk (Blocks *blocks,
            Chunk  *chunk)
{
  const DistrettoCsvChunkParser *chunk_parser = blocks->chunk_parser;
  g_autoptr(GError) error = NULL;

  _distretto_cell_batch_reset (chunk->batch);
  _distretto_csv_reader_init_chunk (&chunk->reader, chunk->start, chunk->len,
                                   blocks->reader->filename, blocks->reader->delimiter);
  if (chunk->parser == NULL)
    chunk->parser = chunk_parser->parser_new (blocks->user_data, &chunk->reader, chunk->batch);
  else
    chunk_parser->parser_reset (chunk->parser);

  chunk->n_records = 0;
  for (;;)
    {
      if (chunk_parser->take_plain != NULL)
        chunk->n_records += _distretto_csv_reader_take_plain (&chunk->reader, chunk_parser->take_plain,
                                                             chunk->parser);
      if (!_distretto_csv_reader_next (&chunk->reader, &error) ||
          !chunk_parser->read_record (chunk->parser, &error))
        break;
      chunk->n_records++;
    }

  chunk->failed = error != NULL;
  chunk->n_lines = chunk->reader.next_line - 1;
}

static void
fill_partition (Blocks *blocks,
                guint   partition)
{
  Block *block = blocks->filling;
  DistrettoCellCount count = { 0 };

  /* Counted here, not in blocks->counts, which threads share a cache
   * line of. */
  for (guint i = 0; i < block->len; i++)
    {
      Chunk *chunk = get_chunk (block, i);

      if (!_distretto_cell_batch_fill (chunk->batch, partition, blocks->import->source_index,
                                       &count, &blocks->positions[partition],
                                       &blocks->errors[partition]))
        break;
    }

  blocks->counts[partition] = count;
}

/* Task @index: reads the next block, reads a chunk, or fills a partition
 * of the block before; the smaller fills come last, so threads finish a
 * round together. */
static void
run_task (gpointer data,
          guint    index)
{
  Blocks *blocks = data;
  guint n_ahead = blocks->read_ahead > 0;
  guint n_reads = blocks->reading != NULL ? blocks->reading->len : 0;

  if (index < n_ahead)
    _distretto_csv_reader_read_ahead (blocks->reader, blocks->reading->end, blocks->read_ahead);
  else if (index < n_ahead + n_reads)
    read_chunk (blocks, get_chunk (blocks->reading, index - n_ahead));
  else
    fill_partition (blocks, index - n_ahead - n_reads);
}

static void
run_round (Blocks *blocks)
{
  guint n_ahead = blocks->read_ahead > 0;
  guint n_fills = blocks->filling != NULL ? blocks->n_partitions : 0;
  guint n_reads = blocks->reading != NULL ? blocks->reading->len : 0;
  gsize work = 0;

  for (guint p = 0; p < blocks->n_partitions; p++)
    blocks->counts[p] = (DistrettoCellCount) { 0 };

  /* Small files stay on the calling thread. */
  for (guint i = 0; i < n_reads; i++)
    work += get_chunk (blocks->reading, i)->len;
  for (guint i = 0; blocks->filling != NULL && i < blocks->filling->len; i++)
    work += get_chunk (blocks->filling, i)->len;

  _distretto_parallel_run (work < blocks->chunk_size ? 1 : blocks->n_threads,
                           n_ahead + n_fills + n_reads, run_task, blocks);
}

/* After a round: the first cell given twice in the block filled in. */
static gboolean
check_filled (Blocks  *blocks,
              GError **error)
{
  guint first = G_MAXUINT;

  if (blocks->filling == NULL)
    return TRUE;

  for (guint p = 0; p < blocks->n_partitions; p++)
    {
      _distretto_dataset_add_count (blocks->import->dataset, &blocks->counts[p]);
      if (blocks->errors[p] != NULL &&
          (first == G_MAXUINT || blocks->positions[p] < blocks->positions[first]))
        first = p;
    }

  if (first != G_MAXUINT)
    g_propagate_error (error, g_steal_pointer (&blocks->errors[first]));
  for (guint p = 0; p < blocks->n_partitions; p++)
    g_clear_error (&blocks->errors[p]);

  return first == G_MAXUINT;
}

/* After a round: interns the codes of the block read, in order, and
 * moves the reader past it. %FALSE if a chunk failed. */
static gboolean
commit_read (Blocks *blocks,
             guint  *n_records)
{
  Block *block = blocks->reading;
  guint line = blocks->reader->next_line;

  for (guint i = 0; i < block->len; i++)
    if (get_chunk (block, i)->failed)
      return FALSE;

  for (guint i = 0; i < block->len; i++)
    {
      Chunk *chunk = get_chunk (block, i);

      _distretto_cell_batch_commit_codes (chunk->batch, blocks->import->source_index, line);
      line += chunk->n_lines;
      *n_records += chunk->n_records;
    }

  _distretto_csv_reader_skip_lines (blocks->reader, block->end, line - blocks->reader->next_line);
  return TRUE;
}

static gboolean
report_progress (Blocks  *blocks,
                 GError **error)
{
  guint64 done, total;

  _distretto_input_get_progress (blocks->reader->input, &done, &total);
  return _distretto_import_report (blocks->import, done, total, error);
}

static gboolean
import_blocks (Blocks      *blocks,
               const char  *example,
               GError     **error)
{
  DistrettoCsvReader *reader = blocks->reader;
  gsize full_block = MIN (blocks->chunk_size * blocks->n_threads * CHUNKS_PER_THREAD, MAX_BLOCK);
  gsize block_size = MIN (full_block, FIRST_BLOCK);
  guint n_records = 0;
  guint round = 0;

  for (;;)
    {
      g_autoptr(GError) read_error = NULL;

      blocks->reading = NULL;
      if (reader->has_ahead)
        _distretto_csv_reader_take_ahead (reader);
      if ((reader->at_end || _distretto_csv_reader_fill (reader, block_size, &read_error)) &&
          reader->len > reader->pos)
        {
          blocks->reading = &blocks->blocks[round++ % 2];
          split_window (blocks, blocks->reading, block_size);
        }

      /* The next block, while this one is read. */
      block_size = MIN (2 * block_size, full_block);
      blocks->read_ahead = 0;
      if (blocks->reading != NULL && !reader->at_end && reader->read_error == NULL)
        blocks->read_ahead = block_size;

      if (blocks->reading == NULL && blocks->filling == NULL)
        {
          if (read_error == NULL)
            break;
          g_propagate_error (error, g_steal_pointer (&read_error));
          return FALSE;
        }

      run_round (blocks);

      if (!check_filled (blocks, error))
        return FALSE;
      blocks->filling = NULL;

      if (read_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&read_error));
          return FALSE;
        }
      if (blocks->reading == NULL)
        break;

      /* The rest is read on this thread, which finds the first error. */
      if (!commit_read (blocks, &n_records))
        break;
      blocks->filling = blocks->reading;

      if (!report_progress (blocks, error))
        return FALSE;
    }

  /* Cancelled while the last cells were filled in. */
  if (g_cancellable_set_error_if_cancelled (blocks->import->cancellable, error))
    return FALSE;

  /* A chunk failed: what was read ahead goes behind the block. */
  if (reader->has_ahead)
    _distretto_csv_reader_take_ahead (reader);

  return _distretto_csv_reader_import_rest (reader, blocks->import, blocks->chunk_parser->read_record,
                                           blocks->chunk_parser->take_plain, blocks->user_data,
                                           n_records, example, error);
}

/*
 * _distretto_csv_reader_import_blocks:
 *
 * Reads every record after the header, as _distretto_csv_reader_import_records()
 * does with @chunk_parser's read_record and @user_data, on every core.
 */
gboolean
_distretto_csv_reader_import_blocks (DistrettoCsvReader            *reader,
                                     DistrettoImport               *import,
                                     const DistrettoCsvChunkParser *chunk_parser,
                                     gpointer                       user_data,
                                     const char                    *example,
                                     GError                       **error)
{
  Blocks blocks = { 0 };
  gboolean ok;

  blocks.n_threads = _distretto_parallel_get_n_threads ();
  if (blocks.n_threads == 1)
    return _distretto_csv_reader_import_rest (reader, import, chunk_parser->read_record,
                                             chunk_parser->take_plain, user_data, 0, example, error);

  blocks.reader = reader;
  blocks.import = import;
  blocks.chunk_parser = chunk_parser;
  blocks.user_data = user_data;
  blocks.n_partitions = 4 * blocks.n_threads;
  blocks.chunk_size = get_chunk_size ();
  blocks.counts = g_new0 (DistrettoCellCount, blocks.n_partitions);
  blocks.errors = g_new0 (GError *, blocks.n_partitions);
  blocks.positions = g_new0 (guint64, blocks.n_partitions);
  for (guint i = 0; i < G_N_ELEMENTS (blocks.blocks); i++)
    blocks.blocks[i].chunks = g_ptr_array_new ();

  ok = import_blocks (&blocks, example, error);

  for (guint i = 0; i < G_N_ELEMENTS (blocks.blocks); i++)
    block_clear (&blocks, &blocks.blocks[i]);
  for (guint p = 0; p < blocks.n_partitions; p++)
    g_clear_error (&blocks.errors[p]);
  g_free (blocks.counts);
  g_free (blocks.errors);
  g_free (blocks.positions);

  return ok;
}

/* distretto-cell-batch.c: the cells one chunk of a file gives, read on any
 * thread, given to the dataset in the order of the file
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-cell-batch-private.h"

/*
 * A chunk of a file is read while the dataset stays as it is: codes the
 * dataset knows resolve to its indices, new ones to ids within the batch.
 * Batches are then committed in the order of the file, which interns the
 * new codes in the order they first appear, as a reading on one thread
 * would; and their cells are filled in, each partition of the series on
 * one thread, batch after batch, so the first cell given twice is the
 * first in the file.
 */

/* Cells are kept in blocks, which a batch reuses from chunk to chunk
 * whichever partition took them: a chunk whose cells all go to one
 * partition holds no more memory than one that spreads them. */
#define CELLS_PER_BLOCK 256

typedef struct _CellBlock CellBlock;

struct _CellBlock
{
  CellBlock *next;
  gsize len;
  DistrettoReadCell cells[CELLS_PER_BLOCK];
};

/* The cells of one partition, in the order they were read. */
typedef struct
{
  CellBlock *first;
  CellBlock *last;
} Cells;

/* Codes first met in this batch, in that order. */
typedef struct
{
  GPtrArray *codes;    /* char *, owned */
  GHashTable *index;   /* code → position + 1 */
  GArray *values;      /* guint: the version of a region, the partition of a series */
  GArray *map;         /* guint: position → index in the dataset, once committed */
} NewCodes;

/* A region the dataset knows, given a NUTS version it lacks. */
typedef struct
{
  guint region;
  int version;
} KnownVersion;

struct _DistrettoCellBatch
{
  DistrettoDataset *dataset;   /* not owned */
  guint n_partitions;
  Cells *partitions;
  CellBlock *spare;            /* blocks of the chunk before */
  NewCodes regions;
  NewCodes series;
  GArray *versions;            /* KnownVersion */
  GHashTable *versioned;       /* the regions of versions */
  int first_year;
  int last_year;
  guint first_line;
};

static void
new_codes_init (NewCodes *codes)
{
  codes->codes = g_ptr_array_new_with_free_func (g_free);
  codes->index = g_hash_table_new (g_str_hash, g_str_equal);
  codes->values = g_array_new (FALSE, FALSE, sizeof (guint));
  codes->map = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
new_codes_clear (NewCodes *codes)
{
  g_clear_pointer (&codes->index, g_hash_table_unref);
  g_clear_pointer (&codes->codes, g_ptr_array_unref);
  g_clear_pointer (&codes->values, g_array_unref);
  g_clear_pointer (&codes->map, g_array_unref);
}

static void
new_codes_reset (NewCodes *codes)
{
  g_hash_table_remove_all (codes->index);
  g_ptr_array_set_size (codes->codes, 0);
  g_array_set_size (codes->values, 0);
  g_array_set_size (codes->map, 0);
}

/* The position of @code among the new codes, added with @value if absent. */
static guint
new_codes_add (NewCodes   *codes,
               const char *code,
               guint       value,
               gboolean   *added)
{
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (codes->index, code));
  char *copy;

  *added = found == 0;
  if (found != 0)
    return found - 1;

  copy = g_strdup (code);
  g_ptr_array_add (codes->codes, copy);
  g_array_append_val (codes->values, value);
  g_hash_table_insert (codes->index, copy, GUINT_TO_POINTER (codes->codes->len));

  return codes->codes->len - 1;
}

DistrettoCellBatch *
_distretto_cell_batch_new (DistrettoDataset *dataset,
                           guint             n_partitions)
{
  DistrettoCellBatch *batch = g_new0 (DistrettoCellBatch, 1);

  batch->dataset = dataset;
  batch->n_partitions = MAX (n_partitions, 1);
  batch->partitions = g_new0 (Cells, batch->n_partitions);
  new_codes_init (&batch->regions);
  new_codes_init (&batch->series);
  batch->versions = g_array_new (FALSE, FALSE, sizeof (KnownVersion));
  batch->versioned = g_hash_table_new (NULL, NULL);
  _distretto_cell_batch_reset (batch);

  return batch;
}

void
_distretto_cell_batch_free (DistrettoCellBatch *batch)
{
  if (batch == NULL)
    return;

  _distretto_cell_batch_reset (batch);
  while (batch->spare != NULL)
    {
      CellBlock *next = batch->spare->next;

      g_free (batch->spare);
      batch->spare = next;
    }
  g_free (batch->partitions);
  new_codes_clear (&batch->regions);
  new_codes_clear (&batch->series);
  g_array_unref (batch->versions);
  g_hash_table_unref (batch->versioned);
  g_free (batch);
}

/* Empties @batch for another chunk, keeping its memory. */
void
_distretto_cell_batch_reset (DistrettoCellBatch *batch)
{
  for (guint p = 0; p < batch->n_partitions; p++)
    {
      Cells *cells = &batch->partitions[p];

      if (cells->last != NULL)
        {
          cells->last->next = batch->spare;
          batch->spare = cells->first;
        }
      cells->first = cells->last = NULL;
    }
  new_codes_reset (&batch->regions);
  new_codes_reset (&batch->series);
  g_array_set_size (batch->versions, 0);
  g_hash_table_remove_all (batch->versioned);
  batch->first_year = G_MAXINT;
  batch->last_year = G_MININT;
  batch->first_line = 1;
}

/* Which partition the cells of a series go to, the same in every batch. */
guint
_distretto_cell_batch_partition_of (const char *series_code,
                                    guint       n_partitions)
{
  return g_str_hash (series_code) % MAX (n_partitions, 1);
}

/* The id of a region code: its index in the dataset, or a new id. */
guint
_distretto_cell_batch_region (DistrettoCellBatch *batch,
                              const char         *code)
{
  guint index;
  gboolean added;

  if (_distretto_dataset_lookup_region (batch->dataset, code, &index))
    return index;

  return new_codes_add (&batch->regions, code, 0, &added) | DISTRETTO_CELL_BATCH_NEW;
}

/* Gives @region the NUTS @version, unless an earlier line gave one. */
void
_distretto_cell_batch_set_version (DistrettoCellBatch *batch,
                                   guint               region,
                                   int                 version)
{
  KnownVersion known = { region, version };

  if (region & DISTRETTO_CELL_BATCH_NEW)
    {
      guint *value = &g_array_index (batch->regions.values, guint, region & ~DISTRETTO_CELL_BATCH_NEW);

      if (*value == 0)
        *value = (guint) version;
      return;
    }

  if (distretto_region_get_nuts_version (distretto_dataset_get_region_at (batch->dataset, region)) != 0 ||
      !g_hash_table_add (batch->versioned, GUINT_TO_POINTER (region + 1)))
    return;

  g_array_append_val (batch->versions, known);
}

/* The id of a series code, and the partition its cells go to. */
guint
_distretto_cell_batch_series (DistrettoCellBatch *batch,
                              const char         *code,
                              guint              *partition)
{
  guint index;
  gboolean added;

  if (_distretto_dataset_lookup_series (batch->dataset, code, &index))
    {
      *partition = _distretto_cell_batch_partition_of (code, batch->n_partitions);
      return index;
    }

  index = new_codes_add (&batch->series, code,
                         _distretto_cell_batch_partition_of (code, batch->n_partitions), &added);
  *partition = g_array_index (batch->series.values, guint, index);

  return index | DISTRETTO_CELL_BATCH_NEW;
}

void
_distretto_cell_batch_add (DistrettoCellBatch *batch,
                           guint               partition,
                           guint               series,
                           guint               region,
                           int                 year,
                           double              value,
                           DistrettoFlags      flags,
                           guint               line)
{
  Cells *cells = &batch->partitions[partition];
  CellBlock *block = cells->last;

  if (block == NULL || block->len == CELLS_PER_BLOCK)
    {
      block = batch->spare;
      if (block != NULL)
        batch->spare = block->next;
      else
        block = g_new (CellBlock, 1);
      block->next = NULL;
      block->len = 0;

      if (cells->last != NULL)
        cells->last->next = block;
      else
        cells->first = block;
      cells->last = block;
    }

  block->cells[block->len++] = (DistrettoReadCell) { value, series, region, line, flags, year, 0 };

  batch->first_year = MIN (batch->first_year, year);
  batch->last_year = MAX (batch->last_year, year);
}

/*
 * _distretto_cell_batch_commit_codes:
 *
 * Interns the batch's new codes in the dataset, gives regions their NUTS
 * versions and makes room for the batch's years. Batches are committed
 * in the order of the file, the first line of each being @first_line.
 */
void
_distretto_cell_batch_commit_codes (DistrettoCellBatch *batch,
                                    guint               source,
                                    guint               first_line)
{
  DistrettoDataset *dataset = batch->dataset;

  for (guint i = 0; i < batch->regions.codes->len; i++)
    {
      guint index = _distretto_dataset_intern_region (dataset, g_ptr_array_index (batch->regions.codes, i));
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, index);
      int version = (int) g_array_index (batch->regions.values, guint, i);

      g_array_append_val (batch->regions.map, index);
      if (version != 0 && distretto_region_get_nuts_version (region) == 0)
        distretto_region_set_nuts_version (region, version);
    }

  for (guint i = 0; i < batch->versions->len; i++)
    {
      const KnownVersion *known = &g_array_index (batch->versions, KnownVersion, i);
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, known->region);

      if (distretto_region_get_nuts_version (region) == 0)
        distretto_region_set_nuts_version (region, known->version);
    }

  for (guint i = 0; i < batch->series.codes->len; i++)
    {
      guint index = _distretto_dataset_intern_series (dataset, g_ptr_array_index (batch->series.codes, i), source);

      g_array_append_val (batch->series.map, index);
    }

  if (batch->first_year <= batch->last_year)
    _distretto_dataset_reserve_years (dataset, batch->first_year, batch->last_year);

  batch->first_line = first_line;
}

/*
 * _distretto_cell_batch_fill:
 *
 * Gives the dataset the cells of @partition, in the order they were read.
 * Threads may fill different partitions at once. On a cell given twice,
 * sets @error and @position, which orders errors as the file does.
 */
gboolean
_distretto_cell_batch_fill (DistrettoCellBatch *batch,
                            guint               partition,
                            guint               source,
                            DistrettoCellCount *count,
                            guint64            *position,
                            GError            **error)
{
  for (const CellBlock *block = batch->partitions[partition].first; block != NULL; block = block->next)
    if (!_distretto_dataset_fill_read_cells (batch->dataset, block->cells, block->len,
                                             (const guint *) (gpointer) batch->series.map->data,
                                             (const guint *) (gpointer) batch->regions.map->data,
                                             batch->first_line, source, count, position, error))
      return FALSE;

  return TRUE;
}

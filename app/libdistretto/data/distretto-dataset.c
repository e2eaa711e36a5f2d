/* distretto-dataset.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "distretto-dataset-private.h"
#include "distretto-import-error.h"
#include "distretto-import-private.h"

/**
 * DistrettoDataset:
 *
 * Observations `value[series][region][year]` with a #DistrettoFlags per
 * cell. Storage is dense and columnar: one column per series, holding
 * every year of every region in a row, with hash indices from codes, so
 * every look-up is O(1). Importers fill a dataset; several datasets merge
 * into one with distretto_dataset_merge(), and two different values for
 * the same cell are an error naming both sources.
 */

/* The cells of one series, region after region, n_years cells each.
 * Regions past the end of a column have no cell yet. Which source gave
 * a cell is kept beside, once a column has a cell of a source other than
 * the first: a dataset loaded from one file needs 8 bytes a cell, not 12. */
typedef struct
{
  guint32 line;       /* the line that gave the cell */
  guint32 flags;      /* DistrettoFlags, and CELL_PRESENT once given */
} Cell;

typedef struct
{
  GArray *values;     /* double */
  GArray *cells;      /* Cell */
  GArray *sources;    /* guint16, index into the dataset's sources, or NULL: all 0 */
  gsize capacity;     /* cells the arrays hold before they move */
} Column;

/* Marks a cell as given, so a gap can be told from a duplicate. */
#define CELL_PRESENT (1u << 31)

struct _DistrettoDataset
{
  GObject parent_instance;

  GPtrArray *regions;          /* DistrettoRegion */
  GHashTable *region_index;    /* code → index + 1 */
  GPtrArray *series;           /* DistrettoSeries */
  GHashTable *series_index;    /* code → index + 1 */
  GPtrArray *columns;          /* Column, one per series */
  GPtrArray *sources;          /* DistrettoSource */
  int first_year;
  int n_years;
  guint expected_regions;      /* how many regions an import expects in all */

  gsize n_observations;
  DistrettoFlags flags_seen;

  DistrettoDataset *original;  /* what a recoded dataset was made from */
  int nuts_version;            /* the version it was brought to, or 0 */
};

G_DEFINE_FINAL_TYPE (DistrettoDataset, distretto_dataset, G_TYPE_OBJECT)

static Column *
column_new (void)
{
  Column *column = g_new0 (Column, 1);

  column->values = g_array_new (FALSE, FALSE, sizeof (double));
  column->cells = g_array_new (FALSE, FALSE, sizeof (Cell));   /* cleared as it grows */

  return column;
}

static void
column_free (gpointer data)
{
  Column *column = data;

  g_array_unref (column->values);
  g_array_unref (column->cells);
  g_clear_pointer (&column->sources, g_array_unref);
  g_free (column);
}

static inline guint
cell_source (const Column *column,
             gsize         i)
{
  return column->sources != NULL ? g_array_index (column->sources, guint16, i) : 0;
}

static void
set_cell_source (Column *column,
                 gsize   i,
                 guint   source)
{
  if (column->sources == NULL)
    {
      if (source == 0)
        return;
      column->sources = g_array_new (FALSE, TRUE, sizeof (guint16));
      g_array_set_size (column->sources, column->cells->len);
    }

  g_array_index (column->sources, guint16, i) = (guint16) source;
}

/* Grows @array to hold @capacity elements, its length unchanged: the
 * memory is only reserved (zeroed, for an array that clears what it
 * adds), and large arrays grow where they are. */
static void
reserve (GArray *array,
         gsize   capacity)
{
  guint len = array->len;

  g_array_set_size (array, (guint) capacity);
  g_array_set_size (array, len);
}

/* Grows @column to @n_cells, new cells missing. Room is made for every
 * region the import expects, so a column grows a few times at most. */
static void
column_grow (DistrettoDataset *self,
             Column           *column,
             gsize             n_cells)
{
  gsize old = column->values->len;

  if (n_cells > column->capacity)
    {
      column->capacity = MAX (MAX (n_cells, 2 * column->capacity),
                              (gsize) self->expected_regions * (gsize) MAX (self->n_years, 1));
      reserve (column->values, column->capacity);
      reserve (column->cells, column->capacity);
      if (column->sources != NULL)
        reserve (column->sources, column->capacity);
    }

  g_array_set_size (column->values, n_cells);
  g_array_set_size (column->cells, n_cells);
  if (column->sources != NULL)
    g_array_set_size (column->sources, n_cells);

  for (gsize i = old; i < n_cells; i++)
    {
      g_array_index (column->values, double, i) = NAN;
      g_array_index (column->cells, Cell, i) = (Cell) { 0, 0 };
    }
}

static inline void
column_ensure (DistrettoDataset *self,
               Column           *column,
               gsize             n_cells)
{
  if (n_cells > column->values->len)
    column_grow (self, column, n_cells);
}

static void
distretto_dataset_finalize (GObject *object)
{
  DistrettoDataset *self = (DistrettoDataset *)object;

  g_clear_pointer (&self->region_index, g_hash_table_unref);
  g_clear_pointer (&self->series_index, g_hash_table_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (distretto_dataset_parent_class)->finalize (object);
}

static void
distretto_dataset_class_init (DistrettoDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = distretto_dataset_finalize;
}

static void
distretto_dataset_init (DistrettoDataset *self)
{
  self->regions = g_ptr_array_new_with_free_func (g_object_unref);
  self->region_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->series = g_ptr_array_new_with_free_func (g_object_unref);
  self->series_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * distretto_dataset_new:
 *
 * Creates an empty dataset, to merge others into.
 *
 * Returns: (transfer full): a new #DistrettoDataset
 */
DistrettoDataset *
distretto_dataset_new (void)
{
  return g_object_new (DISTRETTO_TYPE_DATASET, NULL);
}

static gboolean
lookup (GHashTable *index,
        const char *code,
        guint      *position)
{
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (index, code));

  if (found == 0)
    return FALSE;

  *position = found - 1;
  return TRUE;
}

gboolean
_distretto_dataset_lookup_region (DistrettoDataset *self,
                                  const char       *code,
                                  guint            *index)
{
  return lookup (self->region_index, code, index);
}

gboolean
_distretto_dataset_lookup_series (DistrettoDataset *self,
                                  const char       *code,
                                  guint            *index)
{
  return lookup (self->series_index, code, index);
}

guint
_distretto_dataset_add_source (DistrettoDataset *self,
                               DistrettoSource  *source)
{
  guint position;

  if (g_ptr_array_find (self->sources, source, &position))
    return position;

  g_ptr_array_add (self->sources, g_object_ref (source));
  return self->sources->len - 1;
}

guint
_distretto_dataset_intern_region (DistrettoDataset *self,
                                  const char       *code)
{
  DistrettoRegion *region;
  guint position;

  if (lookup (self->region_index, code, &position))
    return position;

  region = distretto_region_new (code);
  g_ptr_array_add (self->regions, region);
  g_hash_table_insert (self->region_index, (gpointer) distretto_region_get_code (region),
                       GUINT_TO_POINTER (self->regions->len));

  return self->regions->len - 1;
}

guint
_distretto_dataset_intern_series (DistrettoDataset *self,
                                  const char       *code,
                                  guint             source)
{
  DistrettoSeries *series;
  guint position;

  if (!lookup (self->series_index, code, &position))
    {
      series = distretto_series_new (code);
      g_ptr_array_add (self->series, series);
      g_ptr_array_add (self->columns, column_new ());
      g_hash_table_insert (self->series_index, (gpointer) distretto_series_get_code (series),
                           GUINT_TO_POINTER (self->series->len));
      position = self->series->len - 1;
      _distretto_dataset_forget_selections (self);
    }

  if (source < self->sources->len)
    distretto_series_add_source (g_ptr_array_index (self->series, position),
                                 g_ptr_array_index (self->sources, source));

  return position;
}

/* Widens the year range of every column to [first_year, last_year]. */
void
_distretto_dataset_reserve_years (DistrettoDataset *self,
                                  int               first_year,
                                  int               last_year)
{
  int new_first, new_n;

  g_return_if_fail (last_year >= first_year);

  if (self->n_years > 0)
    {
      new_first = MIN (first_year, self->first_year);
      new_n = MAX (last_year, self->first_year + self->n_years - 1) - new_first + 1;
    }
  else
    {
      new_first = first_year;
      new_n = last_year - first_year + 1;
    }

  if (new_first == self->first_year && new_n == self->n_years)
    return;

  for (guint s = 0; s < self->columns->len && self->n_years > 0; s++)
    {
      Column *old = g_ptr_array_index (self->columns, s);
      Column *column = column_new ();
      gsize n_regions = old->values->len / self->n_years;
      int shift = self->first_year - new_first;

      column_ensure (self, column, n_regions * new_n);
      for (gsize r = 0; r < n_regions; r++)
        for (int y = 0; y < self->n_years; y++)
          {
            gsize from = r * self->n_years + y;
            gsize to = r * new_n + y + shift;

            g_array_index (column->values, double, to) = g_array_index (old->values, double, from);
            g_array_index (column->cells, Cell, to) = g_array_index (old->cells, Cell, from);
            set_cell_source (column, to, cell_source (old, from));
          }

      g_ptr_array_index (self->columns, s) = column;
      column_free (old);
    }

  self->first_year = new_first;
  self->n_years = new_n;
}

/* More regions than any NUTS version has, codes of all levels together. */
#define MAX_EXPECTED_REGIONS 8192

/*
 * _distretto_dataset_expect_regions:
 *
 * Tells the dataset how many regions an import expects to give it in
 * all, so its series make room for them at once.
 */
void
_distretto_dataset_expect_regions (DistrettoDataset *self,
                                   guint             n_regions)
{
  self->expected_regions = MAX (self->expected_regions, MIN (n_regions, MAX_EXPECTED_REGIONS));
}

static gboolean
same_value (double a,
            double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static char *
format_value (double value)
{
  if (isnan (value))
    return g_strdup (_("missing"));
  return g_strdup_printf ("%.17g", value);
}

/* A cell given again: an error if its source gave it, or gives another
 * value. */
static G_NO_INLINE gboolean
check_given_again (DistrettoDataset  *self,
                   Column            *column,
                   gsize              i,
                   guint              series,
                   guint              region,
                   int                year,
                   double             value,
                   guint              source,
                   guint              line,
                   GError           **error)
{
  const Cell *cell = &g_array_index (column->cells, Cell, i);
  double old_value = g_array_index (column->values, double, i);
  const char *name = distretto_source_get_name (g_ptr_array_index (self->sources, source));
  const char *region_code = distretto_region_get_code (g_ptr_array_index (self->regions, region));
  const char *series_code = distretto_series_get_code (g_ptr_array_index (self->series, series));

  if (cell_source (column, i) == source)
    {
      _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_DUPLICATE,
                               name, line, 1,
                               /* TRANSLATORS: a region code, a series code, a year, then the
                                * line that first gave the cell */
                               _("the cell %s / %s / %d is given twice: first on line %u"),
                               region_code, series_code, year, cell->line);
      return FALSE;
    }

  if (!same_value (old_value, value))
    {
      g_autofree char *here = format_value (value);
      g_autofree char *there = format_value (old_value);

      _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_CONFLICT,
                               name, line, 1,
                               /* TRANSLATORS: a region code, a series code and a year name the
                                * cell; then its value here, its value in the other file, and
                                * that file's name and line, e.g. "the cell ITH3 / emp / 2022
                                * is 4.5 here but 4.6 in b.csv:12" */
                               _("the cell %s / %s / %d is %s here but %s in %s:%u"),
                               region_code, series_code, year, here, there,
                               distretto_source_get_name (g_ptr_array_index (self->sources,
                                                                             cell_source (column, i))),
                               cell->line);
      return FALSE;
    }

  return TRUE;
}

/* Gives one cell, as _distretto_dataset_add_cell() does, counting it in
 * @count instead of the dataset: several threads may fill cells at once,
 * each of its own series, once the year is reserved. */
static inline gboolean
fill_cell (DistrettoDataset   *self,
           guint               series,
           guint               region,
           int                 year,
           double              value,
           DistrettoFlags      flags,
           guint               source,
           guint               line,
           DistrettoCellCount *count,
           GError            **error)
{
  Column *column;
  Cell *cell;
  gsize i;

  g_assert (year >= self->first_year && year < self->first_year + self->n_years);

  column = g_ptr_array_index (self->columns, series);
  i = (gsize) region * self->n_years + (gsize) (year - self->first_year);
  column_ensure (self, column, ((gsize) region + 1) * self->n_years);
  cell = &g_array_index (column->cells, Cell, i);

  if (G_UNLIKELY (cell->flags & CELL_PRESENT))
    return check_given_again (self, column, i, series, region, year, value, source, line, error);

  g_array_index (column->values, double, i) = value;
  cell->flags = (guint32) flags | CELL_PRESENT;
  cell->line = line;
  set_cell_source (column, i, source);
  count->flags_seen |= flags;
  count->n_observations++;

  return TRUE;
}

/*
 * _distretto_dataset_fill_read_cells:
 *
 * Gives the dataset @cells as _distretto_dataset_add_cell() gives one,
 * the cells read from a chunk of a file whose first line is @first_line:
 * new ids of series and regions are their positions in @new_series and
 * @new_regions, which hold their indices. On a cell given twice, sets
 * @error and @position, which orders errors as the file does.
 */
gboolean
_distretto_dataset_fill_read_cells (DistrettoDataset        *self,
                                    const DistrettoReadCell *cells,
                                    gsize                    n_cells,
                                    const guint             *new_series,
                                    const guint             *new_regions,
                                    guint                    first_line,
                                    guint                    source,
                                    DistrettoCellCount      *count,
                                    guint64                 *position,
                                    GError                 **error)
{
  for (gsize i = 0; i < n_cells; i++)
    {
      const DistrettoReadCell *cell = &cells[i];
      guint series = cell->series & DISTRETTO_CELL_BATCH_NEW
                     ? new_series[cell->series & ~DISTRETTO_CELL_BATCH_NEW] : cell->series;
      guint region = cell->region & DISTRETTO_CELL_BATCH_NEW
                     ? new_regions[cell->region & ~DISTRETTO_CELL_BATCH_NEW] : cell->region;
      guint line = first_line + cell->line - 1;

      if (!fill_cell (self, series, region, cell->year, cell->value, cell->flags, source, line,
                      count, error))
        {
          *position = ((guint64) line << 32) | series;
          return FALSE;
        }
    }

  return TRUE;
}

/* Adds the cells counted by _distretto_dataset_fill_read_cells(). */
void
_distretto_dataset_add_count (DistrettoDataset         *self,
                              const DistrettoCellCount *count)
{
  self->flags_seen |= count->flags_seen;
  self->n_observations += count->n_observations;
}

/*
 * _distretto_dataset_add_cell:
 *
 * Gives one cell. A cell given twice by the same source is an error; by
 * another source, only when the values differ.
 */
gboolean
_distretto_dataset_add_cell (DistrettoDataset *self,
                             guint             series,
                             guint             region,
                             int               year,
                             double            value,
                             DistrettoFlags    flags,
                             guint             source,
                             guint             line,
                             GError          **error)
{
  DistrettoCellCount count = { 0 };

  if (self->n_years == 0 || year < self->first_year || year >= self->first_year + self->n_years)
    _distretto_dataset_reserve_years (self, year, year);

  if (!fill_cell (self, series, region, year, value, flags, source, line, &count, error))
    return FALSE;

  _distretto_dataset_add_count (self, &count);
  return TRUE;
}

/*
 * _distretto_dataset_get_cell:
 *
 * Reads one cell as it was given: %FALSE if no source gave it.
 */
gboolean
_distretto_dataset_get_cell (DistrettoDataset *self,
                             guint             series,
                             guint             region,
                             int               year,
                             double           *value,
                             DistrettoFlags   *flags,
                             guint            *source,
                             guint            *line)
{
  Column *column;
  const Cell *cell;
  gsize i;

  if (self->n_years == 0 || year < self->first_year || year >= self->first_year + self->n_years)
    return FALSE;

  column = g_ptr_array_index (self->columns, series);
  i = (gsize) region * self->n_years + (gsize) (year - self->first_year);
  if (i >= column->cells->len)
    return FALSE;

  cell = &g_array_index (column->cells, Cell, i);
  if (!(cell->flags & CELL_PRESENT))
    return FALSE;

  *value = g_array_index (column->values, double, i);
  *flags = cell->flags & ~CELL_PRESENT;
  *source = cell_source (column, i);
  *line = cell->line;
  return TRUE;
}

void
_distretto_dataset_set_original (DistrettoDataset *self,
                                 DistrettoDataset *original,
                                 int               nuts_version)
{
  g_set_object (&self->original, original);
  self->nuts_version = nuts_version;
}

/**
 * distretto_dataset_get_original:
 * @self: a #DistrettoDataset
 *
 * Returns: (transfer none) (nullable): the dataset @self was recoded
 *   from with distretto_dataset_recode_nuts(), or %NULL
 */
DistrettoDataset *
distretto_dataset_get_original (DistrettoDataset *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), NULL);

  return self->original;
}

/**
 * distretto_dataset_get_nuts_version:
 * @self: a #DistrettoDataset
 *
 * Returns: the NUTS version the dataset was brought to by
 *   distretto_dataset_recode_nuts(), or 0 if it was not
 */
int
distretto_dataset_get_nuts_version (DistrettoDataset *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), 0);

  return self->nuts_version;
}

/**
 * distretto_dataset_merge:
 * @self: a #DistrettoDataset
 * @other: the dataset to merge into @self
 * @error: return location for a #DistrettoImportError
 *
 * Adds every region, series, source and cell of @other to @self. A cell
 * both hold with different values is a %DISTRETTO_IMPORT_ERROR_CONFLICT
 * naming both sources, and then @self is left unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
distretto_dataset_merge (DistrettoDataset  *self,
                         DistrettoDataset  *other,
                         GError           **error)
{
  g_autofree guint *source_map = NULL;
  g_autofree guint *region_map = NULL;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), FALSE);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (other), FALSE);
  g_return_val_if_fail (self != other, FALSE);

  /* Check every shared cell first, so a conflict changes nothing. */
  for (guint s = 0; s < other->series->len; s++)
    {
      Column *theirs = g_ptr_array_index (other->columns, s);
      const char *code = distretto_series_get_code (g_ptr_array_index (other->series, s));
      Column *ours;
      guint our_s;

      if (!lookup (self->series_index, code, &our_s) || self->n_years == 0)
        continue;
      ours = g_ptr_array_index (self->columns, our_s);

      for (gsize i = 0; i < theirs->values->len; i++)
        {
          guint r = i / other->n_years, our_r;
          int year = other->first_year + (int) (i % other->n_years);
          DistrettoRegion *region = g_ptr_array_index (other->regions, r);
          gsize j;

          const Cell *their_cell = &g_array_index (theirs->cells, Cell, i);

          if (!(their_cell->flags & CELL_PRESENT) ||
              !lookup (self->region_index, distretto_region_get_code (region), &our_r) ||
              year < self->first_year || year >= self->first_year + self->n_years)
            continue;

          j = (gsize) our_r * self->n_years + (year - self->first_year);
          if (j < ours->values->len && (g_array_index (ours->cells, Cell, j).flags & CELL_PRESENT) &&
              !same_value (g_array_index (ours->values, double, j), g_array_index (theirs->values, double, i)))
            {
              const Cell *our_cell = &g_array_index (ours->cells, Cell, j);
              DistrettoSource *their_source = g_ptr_array_index (other->sources, cell_source (theirs, i));
              DistrettoSource *our_source = g_ptr_array_index (self->sources, cell_source (ours, j));
              g_autofree char *here = format_value (g_array_index (theirs->values, double, i));
              g_autofree char *there = format_value (g_array_index (ours->values, double, j));

              _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_CONFLICT,
                                       distretto_source_get_name (their_source), their_cell->line, 1,
                                       /* TRANSLATORS: see “the cell %s / %s / %d is %s here…” above */
                                       _("the cell %s / %s / %d is %s here but %s in %s:%u"),
                                       distretto_region_get_code (region), code, year, here, there,
                                       distretto_source_get_name (our_source), our_cell->line);
              return FALSE;
            }
        }
    }

  source_map = g_new (guint, MAX (other->sources->len, 1));
  for (guint i = 0; i < other->sources->len; i++)
    source_map[i] = _distretto_dataset_add_source (self, g_ptr_array_index (other->sources, i));

  region_map = g_new (guint, MAX (other->regions->len, 1));
  for (guint i = 0; i < other->regions->len; i++)
    {
      DistrettoRegion *theirs = g_ptr_array_index (other->regions, i);
      DistrettoRegion *ours;

      region_map[i] = _distretto_dataset_intern_region (self, distretto_region_get_code (theirs));
      ours = g_ptr_array_index (self->regions, region_map[i]);
      if (distretto_region_get_name (ours) == NULL)
        distretto_region_set_name (ours, distretto_region_get_name (theirs));
      if (distretto_region_get_national_name (ours) == NULL)
        distretto_region_set_national_name (ours, distretto_region_get_national_name (theirs));
    }

  if (other->n_years > 0)
    _distretto_dataset_reserve_years (self, other->first_year, other->first_year + other->n_years - 1);

  for (guint s = 0; s < other->series->len; s++)
    {
      DistrettoSeries *theirs = g_ptr_array_index (other->series, s);
      Column *column = g_ptr_array_index (other->columns, s);
      DistrettoSeries *ours;
      guint our_s = _distretto_dataset_intern_series (self, distretto_series_get_code (theirs), G_MAXUINT);

      ours = g_ptr_array_index (self->series, our_s);
      for (guint i = 0; i < distretto_series_get_n_sources (theirs); i++)
        distretto_series_add_source (ours, distretto_series_get_source_at (theirs, i));
      if (distretto_series_get_label (ours) == NULL)
        {
          distretto_series_set_label (ours, distretto_series_get_label (theirs));
          distretto_series_set_unit (ours, distretto_series_get_unit (theirs));
          distretto_series_set_publisher (ours, distretto_series_get_publisher (theirs));
          distretto_series_set_licence (ours, distretto_series_get_licence (theirs));
          distretto_series_set_description (ours, distretto_series_get_description (theirs));
          distretto_series_set_direction (ours, distretto_series_get_direction (theirs));
        }
      distretto_series_copy_identity (ours, theirs);

      for (gsize i = 0; i < column->values->len; i++)
        {
          const Cell *cell = &g_array_index (column->cells, Cell, i);

          if (!(cell->flags & CELL_PRESENT))
            continue;

          /* Checked above: this cannot conflict. */
          _distretto_dataset_add_cell (self, our_s, region_map[i / other->n_years],
                                       other->first_year + (int) (i % other->n_years),
                                       g_array_index (column->values, double, i),
                                       cell->flags & ~CELL_PRESENT,
                                       source_map[cell_source (column, i)], cell->line, NULL);
        }
    }

  return TRUE;
}

/**
 * distretto_dataset_get_n_regions:
 * @self: a #DistrettoDataset
 *
 * Returns: the number of regions
 */
guint
distretto_dataset_get_n_regions (DistrettoDataset *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), 0);

  return self->regions->len;
}

/**
 * distretto_dataset_get_region_at:
 * @self: a #DistrettoDataset
 * @index: a position below distretto_dataset_get_n_regions()
 *
 * Returns: (transfer none): the region at @index, in order of first appearance
 */
DistrettoRegion *
distretto_dataset_get_region_at (DistrettoDataset *self,
                                 guint             index)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);

  return g_ptr_array_index (self->regions, index);
}

/**
 * distretto_dataset_get_region:
 * @self: a #DistrettoDataset
 * @code: a region code
 *
 * Returns: (transfer none) (nullable): the region with @code
 */
DistrettoRegion *
distretto_dataset_get_region (DistrettoDataset *self,
                              const char       *code)
{
  guint i;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (!lookup (self->region_index, code, &i))
    return NULL;

  return g_ptr_array_index (self->regions, i);
}

/**
 * distretto_dataset_get_n_series:
 * @self: a #DistrettoDataset
 *
 * Returns: the number of series
 */
guint
distretto_dataset_get_n_series (DistrettoDataset *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), 0);

  return self->series->len;
}

/**
 * distretto_dataset_get_series_code:
 * @self: a #DistrettoDataset
 * @index: a position below distretto_dataset_get_n_series()
 *
 * Returns: the code of the series at @index
 */
const char *
distretto_dataset_get_series_code (DistrettoDataset *self,
                                   guint             index)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->series->len, NULL);

  return distretto_series_get_code (g_ptr_array_index (self->series, index));
}

/**
 * distretto_dataset_get_series_at:
 * @self: a #DistrettoDataset
 * @index: a position below distretto_dataset_get_n_series()
 *
 * Returns: (transfer none): the series at @index
 */
DistrettoSeries *
distretto_dataset_get_series_at (DistrettoDataset *self,
                                 guint             index)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->series->len, NULL);

  return g_ptr_array_index (self->series, index);
}

/**
 * distretto_dataset_has_series:
 * @self: a #DistrettoDataset
 * @series_code: a series code
 *
 * Returns: %TRUE if the dataset has a series with @series_code
 */
gboolean
distretto_dataset_has_series (DistrettoDataset *self,
                              const char       *series_code)
{
  guint i;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), FALSE);
  g_return_val_if_fail (series_code != NULL, FALSE);

  return lookup (self->series_index, series_code, &i);
}

/**
 * distretto_dataset_get_series:
 * @self: a #DistrettoDataset
 * @series_code: a series code
 *
 * Returns: (transfer none) (nullable): what is known about the series
 */
DistrettoSeries *
distretto_dataset_get_series (DistrettoDataset *self,
                              const char       *series_code)
{
  guint i;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), NULL);
  g_return_val_if_fail (series_code != NULL, NULL);

  if (!lookup (self->series_index, series_code, &i))
    return NULL;

  return g_ptr_array_index (self->series, i);
}

/**
 * distretto_dataset_get_n_sources:
 * @self: a #DistrettoDataset
 *
 * Returns: how many files the dataset was imported from
 */
guint
distretto_dataset_get_n_sources (DistrettoDataset *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), 0);

  return self->sources->len;
}

/**
 * distretto_dataset_get_source_at:
 * @self: a #DistrettoDataset
 * @index: a position below distretto_dataset_get_n_sources()
 *
 * Returns: (transfer none): a file the dataset was imported from
 */
DistrettoSource *
distretto_dataset_get_source_at (DistrettoDataset *self,
                                 guint             index)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);

  return g_ptr_array_index (self->sources, index);
}

/**
 * distretto_dataset_get_first_year:
 * @self: a #DistrettoDataset
 *
 * Returns: the earliest year of any observation, 0 for an empty dataset
 */
int
distretto_dataset_get_first_year (DistrettoDataset *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), 0);

  return self->n_years > 0 ? self->first_year : 0;
}

/**
 * distretto_dataset_get_last_year:
 * @self: a #DistrettoDataset
 *
 * Returns: the latest year of any observation, 0 for an empty dataset
 */
int
distretto_dataset_get_last_year (DistrettoDataset *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), 0);

  return self->n_years > 0 ? self->first_year + self->n_years - 1 : 0;
}

/**
 * distretto_dataset_get_latest_year:
 * @self: a #DistrettoDataset
 * @series_code: a series code
 *
 * Returns: the latest year in which @series_code has a value for at
 *   least one region, or 0 if it has none
 */
int
distretto_dataset_get_latest_year (DistrettoDataset *self,
                                   const char       *series_code)
{
  Column *column;
  int latest = 0;
  guint s;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), 0);
  g_return_val_if_fail (series_code != NULL, 0);

  if (!lookup (self->series_index, series_code, &s))
    return 0;

  column = g_ptr_array_index (self->columns, s);
  for (gsize i = 0; i < column->values->len; i++)
    if (!isnan (g_array_index (column->values, double, i)))
      latest = MAX (latest, self->first_year + (int) (i % self->n_years));

  return latest;
}

/**
 * distretto_dataset_get_value:
 * @self: a #DistrettoDataset
 * @series_code: a series code
 * @region_code: a region code
 * @year: a year
 * @flags: (out) (optional): the cell's flags
 *
 * Looks up one observation in constant time.
 *
 * Returns: the value, or NaN when it is missing or unknown
 */
double
distretto_dataset_get_value (DistrettoDataset *self,
                             const char       *series_code,
                             const char       *region_code,
                             int               year,
                             DistrettoFlags   *flags)
{
  guint s, r;

  if (flags != NULL)
    *flags = DISTRETTO_FLAGS_NONE;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), NAN);
  g_return_val_if_fail (series_code != NULL, NAN);
  g_return_val_if_fail (region_code != NULL, NAN);

  if (!lookup (self->series_index, series_code, &s) ||
      !lookup (self->region_index, region_code, &r))
    return NAN;

  return distretto_dataset_get_value_at (self, s, r, year, flags);
}

/**
 * distretto_dataset_get_value_at:
 * @self: a #DistrettoDataset
 * @series_index: a position below distretto_dataset_get_n_series()
 * @region_index: a position below distretto_dataset_get_n_regions()
 * @year: a year
 * @flags: (out) (optional): the cell's flags
 *
 * Looks up one observation by position, without hashing codes: the fast
 * path for walking a whole dataset.
 *
 * Returns: the value, or NaN when it is missing
 */
double
distretto_dataset_get_value_at (DistrettoDataset *self,
                                guint             series_index,
                                guint             region_index,
                                int               year,
                                DistrettoFlags   *flags)
{
  Column *column;
  gsize i;

  if (flags != NULL)
    *flags = DISTRETTO_FLAGS_NONE;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), NAN);
  g_return_val_if_fail (series_index < self->series->len, NAN);
  g_return_val_if_fail (region_index < self->regions->len, NAN);

  if (year < self->first_year || year >= self->first_year + self->n_years)
    return NAN;

  column = g_ptr_array_index (self->columns, series_index);
  i = (gsize) region_index * self->n_years + (gsize) (year - self->first_year);
  if (i >= column->values->len)
    return NAN;

  if (flags != NULL)
    *flags = g_array_index (column->cells, Cell, i).flags & ~CELL_PRESENT;

  return g_array_index (column->values, double, i);
}

/**
 * distretto_dataset_get_flags_seen:
 * @self: a #DistrettoDataset
 *
 * Returns: every flag carried by at least one cell
 */
DistrettoFlags
distretto_dataset_get_flags_seen (DistrettoDataset *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), DISTRETTO_FLAGS_NONE);

  return self->flags_seen;
}

/**
 * distretto_dataset_get_n_observations:
 * @self: a #DistrettoDataset
 *
 * Returns: how many cells were given by the sources, missing values included
 */
gsize
distretto_dataset_get_n_observations (DistrettoDataset *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), 0);

  return self->n_observations;
}

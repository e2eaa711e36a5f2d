/* distretto-dataset.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "distretto-dataset-private.h"

/**
 * DistrettoDataset:
 *
 * Observations `value[series][region][year]` with a #DistrettoFlags per
 * cell. Storage is dense: one block of doubles indexed by series, region
 * and year, with hash indices from codes, so every look-up is O(1).
 * A dataset is immutable once an importer has built it.
 */
struct _DistrettoDataset
{
  GObject parent_instance;

  GPtrArray *regions;          /* DistrettoRegion */
  GHashTable *region_index;    /* code → index + 1 */
  GPtrArray *series_codes;     /* char * */
  GHashTable *series_index;    /* code → index + 1 */
  int first_year;
  int n_years;

  double *values;
  guint16 *flags;
  gsize n_observations;
  DistrettoFlags flags_seen;
};

/* Marks a cell as given, so an importer can tell a duplicate from a gap. */
#define CELL_PRESENT (1u << 15)

G_DEFINE_FINAL_TYPE (DistrettoDataset, distretto_dataset, G_TYPE_OBJECT)

static void
distretto_dataset_finalize (GObject *object)
{
  DistrettoDataset *self = (DistrettoDataset *)object;

  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->region_index, g_hash_table_unref);
  g_clear_pointer (&self->series_codes, g_ptr_array_unref);
  g_clear_pointer (&self->series_index, g_hash_table_unref);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->flags, g_free);

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
}

static GHashTable *
index_strings (GPtrArray   *items,
               const char *(*get_key) (gpointer))
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      const char *key = get_key ? get_key (item) : item;

      g_hash_table_insert (index, (gpointer) key, GUINT_TO_POINTER (i + 1));
    }

  return index;
}

/*
 * _distretto_dataset_new:
 * @regions: (transfer container): DistrettoRegion objects, codes unique
 * @series_codes: (transfer container): series codes, unique
 *
 * Creates a dataset with every cell missing.
 */
DistrettoDataset *
_distretto_dataset_new (GPtrArray *regions,
                        GPtrArray *series_codes,
                        int        first_year,
                        int        last_year)
{
  DistrettoDataset *self;
  gsize n_cells;

  g_return_val_if_fail (regions != NULL, NULL);
  g_return_val_if_fail (series_codes != NULL, NULL);
  g_return_val_if_fail (last_year >= first_year, NULL);

  self = g_object_new (DISTRETTO_TYPE_DATASET, NULL);
  self->regions = g_ptr_array_ref (regions);
  self->series_codes = g_ptr_array_ref (series_codes);
  self->region_index = index_strings (regions, (const char *(*) (gpointer)) distretto_region_get_code);
  self->series_index = index_strings (series_codes, NULL);
  self->first_year = first_year;
  self->n_years = last_year - first_year + 1;

  n_cells = (gsize) series_codes->len * regions->len * self->n_years;
  self->values = g_new (double, MAX (n_cells, 1));
  self->flags = g_new0 (guint16, MAX (n_cells, 1));
  for (gsize i = 0; i < n_cells; i++)
    self->values[i] = NAN;

  return self;
}

static inline gsize
cell_index (DistrettoDataset *self,
            guint             series_index,
            guint             region_index,
            int               year)
{
  return ((gsize) series_index * self->regions->len + region_index) * self->n_years
         + (gsize) (year - self->first_year);
}

/*
 * _distretto_dataset_set_cell:
 *
 * Returns: %FALSE if the cell was already given
 */
gboolean
_distretto_dataset_set_cell (DistrettoDataset *self,
                             guint             series_index,
                             guint             region_index,
                             int               year,
                             double            value,
                             DistrettoFlags    flags)
{
  gsize i;

  g_return_val_if_fail (series_index < self->series_codes->len, FALSE);
  g_return_val_if_fail (region_index < self->regions->len, FALSE);
  g_return_val_if_fail (year >= self->first_year && year < self->first_year + self->n_years, FALSE);

  i = cell_index (self, series_index, region_index, year);
  if (self->flags[i] & CELL_PRESENT)
    return FALSE;

  self->values[i] = value;
  self->flags[i] = (guint16) flags | CELL_PRESENT;
  self->flags_seen |= flags;
  self->n_observations++;

  return TRUE;
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

  return self->series_codes->len;
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
  g_return_val_if_fail (index < self->series_codes->len, NULL);

  return g_ptr_array_index (self->series_codes, index);
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
 * distretto_dataset_get_first_year:
 * @self: a #DistrettoDataset
 *
 * Returns: the earliest year of any observation
 */
int
distretto_dataset_get_first_year (DistrettoDataset *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), 0);

  return self->first_year;
}

/**
 * distretto_dataset_get_last_year:
 * @self: a #DistrettoDataset
 *
 * Returns: the latest year of any observation
 */
int
distretto_dataset_get_last_year (DistrettoDataset *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), 0);

  return self->first_year + self->n_years - 1;
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
  guint s;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), 0);
  g_return_val_if_fail (series_code != NULL, 0);

  if (!lookup (self->series_index, series_code, &s))
    return 0;

  for (int y = self->n_years - 1; y >= 0; y--)
    for (guint r = 0; r < self->regions->len; r++)
      if (!isnan (self->values[cell_index (self, s, r, self->first_year + y)]))
        return self->first_year + y;

  return 0;
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
  gsize i;

  if (flags != NULL)
    *flags = DISTRETTO_FLAGS_NONE;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), NAN);
  g_return_val_if_fail (series_code != NULL, NAN);
  g_return_val_if_fail (region_code != NULL, NAN);

  if (!lookup (self->series_index, series_code, &s) ||
      !lookup (self->region_index, region_code, &r) ||
      year < self->first_year ||
      year >= self->first_year + self->n_years)
    return NAN;

  i = cell_index (self, s, r, year);
  if (flags != NULL)
    *flags = self->flags[i] & ~CELL_PRESENT;

  return self->values[i];
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
 * Returns: how many cells were given by the source, missing values included
 */
gsize
distretto_dataset_get_n_observations (DistrettoDataset *self)
{
  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), 0);

  return self->n_observations;
}

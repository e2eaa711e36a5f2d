/* distretto-result-cache.c: a module's results kept for the next chart
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-result-cache.h"

/**
 * DistrettoResultCache:
 *
 * The years of modules on a dataset, found once for a run that draws many
 * charts of the same data (a batch of exports or reports, one per region);
 * results themselves are kept by each module
 * (distretto_indicator_compute_cached()). Set it on the requests
 * (distretto_view_request_set_cache()) and reports
 * (distretto_region_report_set_cache()) of the run; results are read,
 * never changed, by the views.
 */
struct _DistrettoResultCache
{
  GObject parent_instance;

  GHashTable *years;      /* "indicator:dataset" → Years */
};

G_DEFINE_FINAL_TYPE (DistrettoResultCache, distretto_result_cache, G_TYPE_OBJECT)

/* A module's years on a dataset. */
typedef struct
{
  DistrettoIndicator *indicator;
  DistrettoDataset *dataset;
  int chosen;             /* distretto_indicator_choose_year(), 0 if not asked */
  int *usable;            /* distretto_indicator_dup_years(), NULL if not asked */
  guint n_usable;
} Years;

static void
years_free (gpointer data)
{
  Years *years = data;

  g_object_unref (years->indicator);
  g_object_unref (years->dataset);
  g_free (years->usable);
  g_free (years);
}

static void
distretto_result_cache_finalize (GObject *object)
{
  DistrettoResultCache *self = (DistrettoResultCache *)object;

  g_clear_pointer (&self->years, g_hash_table_unref);

  G_OBJECT_CLASS (distretto_result_cache_parent_class)->finalize (object);
}

static void
distretto_result_cache_class_init (DistrettoResultCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = distretto_result_cache_finalize;
}

static void
distretto_result_cache_init (DistrettoResultCache *self)
{
  self->years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, years_free);
}

static Years *
get_years (DistrettoResultCache *self,
           DistrettoIndicator   *indicator,
           DistrettoDataset     *dataset)
{
  g_autofree char *key = g_strdup_printf ("%p:%p", (gpointer) indicator, (gpointer) dataset);
  Years *years = g_hash_table_lookup (self->years, key);

  if (years == NULL)
    {
      years = g_new0 (Years, 1);
      years->indicator = g_object_ref (indicator);
      years->dataset = g_object_ref (dataset);
      g_hash_table_insert (self->years, g_steal_pointer (&key), years);
    }

  return years;
}

/**
 * distretto_result_cache_choose_year:
 * @self: (nullable): a #DistrettoResultCache, or %NULL to ask the module
 * @indicator: a module's indicator
 * @dataset: the data
 * @error: return location for a #GError
 *
 * distretto_indicator_choose_year(), or the year it chose before.
 *
 * Returns: the year, or 0 with @error set
 */
int
distretto_result_cache_choose_year (DistrettoResultCache  *self,
                                    DistrettoIndicator    *indicator,
                                    DistrettoDataset      *dataset,
                                    GError               **error)
{
  Years *years;

  g_return_val_if_fail (self == NULL || DISTRETTO_IS_RESULT_CACHE (self), 0);

  if (self == NULL)
    return distretto_indicator_choose_year (indicator, dataset, error);

  years = get_years (self, indicator, dataset);
  if (years->chosen == 0)
    years->chosen = distretto_indicator_choose_year (indicator, dataset, error);

  return years->chosen;
}

/**
 * distretto_result_cache_dup_years:
 * @self: (nullable): a #DistrettoResultCache, or %NULL to ask the module
 * @indicator: a module's indicator
 * @dataset: the data
 * @n_years: (out): how many years
 *
 * distretto_indicator_dup_years(), or the years it gave before.
 *
 * Returns: (transfer full) (array length=n_years): the years
 */
int *
distretto_result_cache_dup_years (DistrettoResultCache *self,
                                  DistrettoIndicator   *indicator,
                                  DistrettoDataset     *dataset,
                                  guint                *n_years)
{
  Years *years;

  g_return_val_if_fail (self == NULL || DISTRETTO_IS_RESULT_CACHE (self), NULL);
  g_return_val_if_fail (n_years != NULL, NULL);

  if (self == NULL)
    return distretto_indicator_dup_years (indicator, dataset, n_years);

  years = get_years (self, indicator, dataset);
  if (years->usable == NULL)
    years->usable = distretto_indicator_dup_years (indicator, dataset, &years->n_usable);

  *n_years = years->n_usable;
  return g_memdup2 (years->usable, MAX (1, years->n_usable) * sizeof (int));
}

/**
 * distretto_result_cache_new:
 *
 * Returns: (transfer full): an empty cache
 */
DistrettoResultCache *
distretto_result_cache_new (void)
{
  return g_object_new (DISTRETTO_TYPE_RESULT_CACHE, NULL);
}

/**
 * distretto_result_cache_compute:
 * @self: (nullable): a #DistrettoResultCache, or %NULL to compute
 * @indicator: a module's indicator
 * @dataset: the data
 * @year: the year
 * @method: (nullable): other method parameters, or %NULL for the module's own
 * @error: return location for a #GError
 *
 * distretto_indicator_compute_cached(): the result the module gave before
 * for the same data, year and method, or computed now.
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
DistrettoIndicatorResult *
distretto_result_cache_compute (DistrettoResultCache   *self,
                                DistrettoIndicator     *indicator,
                                DistrettoDataset       *dataset,
                                int                     year,
                                const DistrettoMethod  *method,
                                GError                **error)
{
  g_return_val_if_fail (self == NULL || DISTRETTO_IS_RESULT_CACHE (self), NULL);

  /* Results themselves are kept by the module, per dataset, year and
   * method (distretto_indicator_compute_cached()). */
  return distretto_indicator_compute_cached (indicator, dataset, year, method, NULL, error);
}

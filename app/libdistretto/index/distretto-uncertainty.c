/* distretto-uncertainty.c: what an uncertainty analysis varies, and what
 * it finds
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-uncertainty-private.h"

/* The most alternatives an assumption can have. */
#define MAX_ALTERNATIVES 8

/**
 * distretto_assumption_get_title:
 * @assumption: an assumption
 *
 * Returns: its name, translated, such as “Normalisation”
 */
const char *
distretto_assumption_get_title (DistrettoAssumption assumption)
{
  switch (assumption)
    {
    case DISTRETTO_ASSUMPTION_WEIGHTS:
      return _("Weights");
    case DISTRETTO_ASSUMPTION_NORMALISATION:
      return _("Normalisation");
    case DISTRETTO_ASSUMPTION_AGGREGATION:
      return _("Aggregation");
    case DISTRETTO_ASSUMPTION_IMPUTATION:
      return _("Imputation");
    case DISTRETTO_ASSUMPTION_OUTLIERS:
      return _("Outlier treatment");
    default:
      g_return_val_if_reached (NULL);
    }
}

struct _DistrettoUncertaintySpec
{
  guint runs;
  guint32 seed;
  double weight_spread;
  int alternatives[DISTRETTO_N_ASSUMPTIONS][MAX_ALTERNATIVES];
  guint n_alternatives[DISTRETTO_N_ASSUMPTIONS];
};

G_DEFINE_BOXED_TYPE (DistrettoUncertaintySpec, distretto_uncertainty_spec,
                     distretto_uncertainty_spec_copy, distretto_uncertainty_spec_free)

/**
 * distretto_uncertainty_spec_new:
 *
 * The defaults: 1,000 runs, seed 1, weights ±25%, normalisation min–max,
 * z-score or percentile rank, aggregation across pillars arithmetic or
 * geometric, imputation by the country mean or none, outlier treatment
 * winsorising or none.
 *
 * Returns: (transfer full): a new #DistrettoUncertaintySpec
 */
DistrettoUncertaintySpec *
distretto_uncertainty_spec_new (void)
{
  static const int normalisations[] = { DISTRETTO_NORMALISATION_MIN_MAX, DISTRETTO_NORMALISATION_Z_SCORE,
                                        DISTRETTO_NORMALISATION_RANK };
  static const int aggregations[] = { DISTRETTO_AGGREGATION_ARITHMETIC, DISTRETTO_AGGREGATION_GEOMETRIC };
  static const int imputations[] = { DISTRETTO_IMPUTATION_COUNTRY_MEAN, DISTRETTO_IMPUTATION_NONE };
  static const int outliers[] = { DISTRETTO_OUTLIER_TREATMENT_WINSORISE, DISTRETTO_OUTLIER_TREATMENT_NONE };
  DistrettoUncertaintySpec *self = g_new0 (DistrettoUncertaintySpec, 1);

  self->runs = 1000;
  self->seed = 1;
  self->weight_spread = 0.25;
  distretto_uncertainty_spec_set_alternatives (self, DISTRETTO_ASSUMPTION_NORMALISATION, normalisations,
                                               G_N_ELEMENTS (normalisations));
  distretto_uncertainty_spec_set_alternatives (self, DISTRETTO_ASSUMPTION_AGGREGATION, aggregations,
                                               G_N_ELEMENTS (aggregations));
  distretto_uncertainty_spec_set_alternatives (self, DISTRETTO_ASSUMPTION_IMPUTATION, imputations,
                                               G_N_ELEMENTS (imputations));
  distretto_uncertainty_spec_set_alternatives (self, DISTRETTO_ASSUMPTION_OUTLIERS, outliers,
                                               G_N_ELEMENTS (outliers));
  return self;
}

/**
 * distretto_uncertainty_spec_copy:
 * @self: a #DistrettoUncertaintySpec
 *
 * Returns: (transfer full): a copy of @self
 */
DistrettoUncertaintySpec *
distretto_uncertainty_spec_copy (const DistrettoUncertaintySpec *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_memdup2 (self, sizeof *self);
}

/**
 * distretto_uncertainty_spec_free:
 * @self: a #DistrettoUncertaintySpec
 *
 * Frees @self.
 */
void
distretto_uncertainty_spec_free (DistrettoUncertaintySpec *self)
{
  g_free (self);
}

/**
 * distretto_uncertainty_spec_get_runs:
 * @self: a #DistrettoUncertaintySpec
 *
 * Returns: the number of Monte Carlo runs
 */
guint
distretto_uncertainty_spec_get_runs (const DistrettoUncertaintySpec *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->runs;
}

/**
 * distretto_uncertainty_spec_set_runs:
 * @self: a #DistrettoUncertaintySpec
 * @runs: the number of runs, 2 or more
 *
 * Sets N: N runs give the distribution of each region's rank; the Sobol
 * indices take N × (k + 1) more, for k uncertain assumptions (Saltelli's
 * design).
 */
void
distretto_uncertainty_spec_set_runs (DistrettoUncertaintySpec *self,
                                     guint                     runs)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (runs >= 2);
  self->runs = runs;
}

/**
 * distretto_uncertainty_spec_get_seed:
 * @self: a #DistrettoUncertaintySpec
 *
 * Returns: the seed of the random draws
 */
guint32
distretto_uncertainty_spec_get_seed (const DistrettoUncertaintySpec *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->seed;
}

/**
 * distretto_uncertainty_spec_set_seed:
 * @self: a #DistrettoUncertaintySpec
 * @seed: a seed
 *
 * The same seed gives the same results, whatever the number of threads.
 */
void
distretto_uncertainty_spec_set_seed (DistrettoUncertaintySpec *self,
                                     guint32                   seed)
{
  g_return_if_fail (self != NULL);
  self->seed = seed;
}

/**
 * distretto_uncertainty_spec_get_weight_spread:
 * @self: a #DistrettoUncertaintySpec
 *
 * Returns: how far weights vary, as a share of their value
 */
double
distretto_uncertainty_spec_get_weight_spread (const DistrettoUncertaintySpec *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->weight_spread;
}

/**
 * distretto_uncertainty_spec_set_weight_spread:
 * @self: a #DistrettoUncertaintySpec
 * @spread: 0 to 1; 0 keeps the weights as they are
 *
 * Each weight (of every sub-indicator and pillar) is multiplied by its
 * own factor drawn uniformly between 1 − @spread and 1 + @spread. The
 * default is 0.25.
 */
void
distretto_uncertainty_spec_set_weight_spread (DistrettoUncertaintySpec *self,
                                              double                    spread)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (spread >= 0.0 && spread <= 1.0);
  self->weight_spread = spread;
}

/**
 * distretto_uncertainty_spec_set_alternatives:
 * @self: a #DistrettoUncertaintySpec
 * @assumption: an assumption other than %DISTRETTO_ASSUMPTION_WEIGHTS
 * @values: (array length=n_values): its alternatives, as values of its
 *   enumeration (#DistrettoNormalisation, #DistrettoAggregation,
 *   #DistrettoImputation or #DistrettoOutlierTreatment)
 * @n_values: how many, up to 8; fewer than 2 keep the method's choice
 *
 * Sets the choices a run draws from, each as likely as the others.
 */
void
distretto_uncertainty_spec_set_alternatives (DistrettoUncertaintySpec *self,
                                             DistrettoAssumption       assumption,
                                             const int                *values,
                                             guint                     n_values)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (assumption != DISTRETTO_ASSUMPTION_WEIGHTS && assumption < DISTRETTO_N_ASSUMPTIONS);
  g_return_if_fail (values != NULL || n_values == 0);
  g_return_if_fail (n_values <= MAX_ALTERNATIVES);

  for (guint i = 0; i < n_values; i++)
    self->alternatives[assumption][i] = values[i];
  self->n_alternatives[assumption] = n_values;
}

const int *
_distretto_uncertainty_spec_get_alternatives (const DistrettoUncertaintySpec *self,
                                              DistrettoAssumption             assumption,
                                              guint                          *n_values)
{
  *n_values = self->n_alternatives[assumption];
  return self->alternatives[assumption];
}

/**
 * distretto_uncertainty_spec_dup_alternatives:
 * @self: a #DistrettoUncertaintySpec
 * @assumption: an assumption
 * @n_values: (out): how many
 *
 * Returns: (transfer full) (array length=n_values): the alternatives
 */
int *
distretto_uncertainty_spec_dup_alternatives (const DistrettoUncertaintySpec *self,
                                             DistrettoAssumption             assumption,
                                             guint                          *n_values)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (assumption < DISTRETTO_N_ASSUMPTIONS, NULL);
  g_return_val_if_fail (n_values != NULL, NULL);

  *n_values = self->n_alternatives[assumption];
  return g_memdup2 (self->alternatives[assumption], sizeof (int) * MAX (*n_values, 1));
}

/**
 * distretto_uncertainty_spec_is_uncertain:
 * @self: a #DistrettoUncertaintySpec
 * @assumption: an assumption
 *
 * Returns: whether the analysis varies it: weights with a spread, the
 *   others with two alternatives or more
 */
gboolean
distretto_uncertainty_spec_is_uncertain (const DistrettoUncertaintySpec *self,
                                         DistrettoAssumption             assumption)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (assumption < DISTRETTO_N_ASSUMPTIONS, FALSE);

  if (assumption == DISTRETTO_ASSUMPTION_WEIGHTS)
    return self->weight_spread > 0.0;
  return self->n_alternatives[assumption] >= 2;
}

char *
_distretto_uncertainty_spec_dup_key (const DistrettoUncertaintySpec *self)
{
  GString *key = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (key, "N%u s%u w%s", self->runs, self->seed,
                          g_ascii_dtostr (number, sizeof number, self->weight_spread));
  for (guint a = 0; a < DISTRETTO_N_ASSUMPTIONS; a++)
    {
      g_string_append_printf (key, " a%u:", a);
      for (guint i = 0; i < self->n_alternatives[a]; i++)
        g_string_append_printf (key, "%s%d", i > 0 ? "," : "", self->alternatives[a][i]);
    }

  return g_string_free (key, FALSE);
}

/**
 * DistrettoUncertainty:
 *
 * What a Monte Carlo uncertainty and sensitivity analysis of a composite
 * indicator found (COINr's `get_sensitivity` is the reference): for each
 * region of the level compared, in the order of its nominal rank (the
 * method's own), the median rank and the 5–95% interval of its rank over
 * the runs, and the probability of each performance group; for each
 * uncertain assumption, its first-order and total Sobol indices (the
 * share of the variance of the mean absolute rank change it explains
 * alone, and with its interactions; Saltelli 2010 and Jansen
 * estimators); for each sub-indicator, how far ranks move without it
 * (the remove-one test).
 *
 * Compute one with distretto_uncertainty_compute() or, off the main loop
 * and cached, distretto_indicator_compute_uncertainty_async().
 */

G_DEFINE_FINAL_TYPE (DistrettoUncertainty, distretto_uncertainty, G_TYPE_OBJECT)

static void
clear_region (gpointer data)
{
  g_free (((DistrettoUncertaintyRegion *) data)->code);
}

static void
clear_removed (gpointer data)
{
  g_free (((DistrettoUncertaintyRemoved *) data)->id);
}

static void
distretto_uncertainty_finalize (GObject *object)
{
  DistrettoUncertainty *self = (DistrettoUncertainty *)object;

  g_clear_pointer (&self->regions, g_array_unref);
  g_clear_pointer (&self->indices, g_array_unref);
  g_clear_pointer (&self->removed, g_array_unref);

  G_OBJECT_CLASS (distretto_uncertainty_parent_class)->finalize (object);
}

static void
distretto_uncertainty_class_init (DistrettoUncertaintyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = distretto_uncertainty_finalize;
}

static void
distretto_uncertainty_init (DistrettoUncertainty *self)
{
  self->regions = g_array_new (FALSE, TRUE, sizeof (DistrettoUncertaintyRegion));
  g_array_set_clear_func (self->regions, clear_region);
  self->indices = g_array_new (FALSE, TRUE, sizeof (DistrettoUncertaintyIndex));
  self->removed = g_array_new (FALSE, TRUE, sizeof (DistrettoUncertaintyRemoved));
  g_array_set_clear_func (self->removed, clear_removed);
}

DistrettoUncertainty *
_distretto_uncertainty_new (void)
{
  return g_object_new (DISTRETTO_TYPE_UNCERTAINTY, NULL);
}

/**
 * distretto_uncertainty_compute:
 * @pillars: (array length=n_pillars): the indicator's pillars
 * @n_pillars: how many there are
 * @method: the nominal method
 * @spec: what to vary
 * @dataset: the data
 * @year: the year
 * @progress: (nullable): told how far the runs are
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error: %G_IO_ERROR_CANCELLED, or
 *   %G_IO_ERROR_INVALID_DATA when no region of the level can be scored
 *   that year
 *
 * Runs the analysis on every processor: the pipeline of
 * distretto_index_compute() up to screening once, each combination of
 * imputation, outlier treatment and normalisation once, then
 * distretto_uncertainty_spec_get_runs() runs drawing the assumptions
 * (and Saltelli's N × (k + 1) more for the Sobol indices), and the
 * remove-one test. Regions screened out take no part. The same seed gives
 * the same result.
 *
 * Returns: (transfer full): the analysis, or %NULL with @error set
 */
DistrettoUncertainty *
distretto_uncertainty_compute (DistrettoPillar               **pillars,
                               guint                           n_pillars,
                               const DistrettoMethod          *method,
                               const DistrettoUncertaintySpec *spec,
                               DistrettoDataset               *dataset,
                               int                             year,
                               DistrettoProgress              *progress,
                               GCancellable                   *cancellable,
                               GError                        **error)
{
  g_autoptr(DistrettoUncertainty) self = NULL;

  g_return_val_if_fail (pillars != NULL || n_pillars == 0, NULL);
  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (progress == NULL || DISTRETTO_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = _distretto_uncertainty_new ();
  if (!_distretto_monte_carlo_run (self, pillars, n_pillars, method, spec, dataset, year, progress, cancellable,
                                   error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * distretto_uncertainty_get_year:
 * @self: a #DistrettoUncertainty
 *
 * Returns: the year analysed
 */
int
distretto_uncertainty_get_year (DistrettoUncertainty *self)
{
  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), 0);
  return self->year;
}

/**
 * distretto_uncertainty_get_level:
 * @self: a #DistrettoUncertainty
 *
 * Returns: the NUTS level whose regions are compared
 */
int
distretto_uncertainty_get_level (DistrettoUncertainty *self)
{
  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), 0);
  return self->level;
}

/**
 * distretto_uncertainty_get_runs:
 * @self: a #DistrettoUncertainty
 *
 * Returns: N, the runs the rank distributions come from
 */
guint
distretto_uncertainty_get_runs (DistrettoUncertainty *self)
{
  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), 0);
  return self->runs;
}

/**
 * distretto_uncertainty_get_n_evaluations:
 * @self: a #DistrettoUncertainty
 *
 * Returns: how many times the index was computed in all: the nominal
 *   method, N × (k + 2) for Saltelli's design, one per sub-indicator left
 *   out
 */
guint
distretto_uncertainty_get_n_evaluations (DistrettoUncertainty *self)
{
  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), 0);
  return self->n_evaluations;
}

/**
 * distretto_uncertainty_get_seed:
 * @self: a #DistrettoUncertainty
 *
 * Returns: the seed of the draws
 */
guint32
distretto_uncertainty_get_seed (DistrettoUncertainty *self)
{
  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), 0);
  return self->seed;
}

/**
 * distretto_uncertainty_get_n_threads:
 * @self: a #DistrettoUncertainty
 *
 * Returns: how many threads ran the runs
 */
guint
distretto_uncertainty_get_n_threads (DistrettoUncertainty *self)
{
  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), 0);
  return self->n_threads;
}

/**
 * distretto_uncertainty_get_n_regions:
 * @self: a #DistrettoUncertainty
 *
 * Returns: how many regions have a nominal rank
 */
guint
distretto_uncertainty_get_n_regions (DistrettoUncertainty *self)
{
  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), 0);
  return self->regions->len;
}

static const DistrettoUncertaintyRegion *
get_region (DistrettoUncertainty *self,
            guint                 index)
{
  g_return_val_if_fail (index < self->regions->len, NULL);
  return &g_array_index (self->regions, DistrettoUncertaintyRegion, index);
}

/**
 * distretto_uncertainty_get_region_code:
 * @self: a #DistrettoUncertainty
 * @index: a region, in the order of the nominal ranks
 *
 * Returns: its code
 */
const char *
distretto_uncertainty_get_region_code (DistrettoUncertainty *self,
                                       guint                 index)
{
  const DistrettoUncertaintyRegion *region;

  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), NULL);
  region = get_region (self, index);
  return region ? region->code : NULL;
}

/**
 * distretto_uncertainty_find_region:
 * @self: a #DistrettoUncertainty
 * @region_code: a region code
 *
 * Returns: its index, or −1 when it has no nominal rank
 */
int
distretto_uncertainty_find_region (DistrettoUncertainty *self,
                                   const char           *region_code)
{
  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), -1);
  g_return_val_if_fail (region_code != NULL, -1);

  for (guint i = 0; i < self->regions->len; i++)
    if (g_str_equal (g_array_index (self->regions, DistrettoUncertaintyRegion, i).code, region_code))
      return i;

  return -1;
}

/**
 * distretto_uncertainty_get_nominal_score:
 * @self: a #DistrettoUncertainty
 * @index: a region
 *
 * Returns: its score under the nominal method
 */
double
distretto_uncertainty_get_nominal_score (DistrettoUncertainty *self,
                                         guint                 index)
{
  const DistrettoUncertaintyRegion *region;

  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), NAN);
  region = get_region (self, index);
  return region ? region->nominal_score : NAN;
}

/**
 * distretto_uncertainty_get_nominal_rank:
 * @self: a #DistrettoUncertainty
 * @index: a region
 *
 * Returns: its rank under the nominal method, ties shared
 */
guint
distretto_uncertainty_get_nominal_rank (DistrettoUncertainty *self,
                                        guint                 index)
{
  const DistrettoUncertaintyRegion *region;

  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), 0);
  region = get_region (self, index);
  return region ? region->nominal_rank : 0;
}

/**
 * distretto_uncertainty_get_nominal_group:
 * @self: a #DistrettoUncertainty
 * @index: a region
 *
 * Returns: its performance group under the nominal method
 */
DistrettoPerformanceGroup
distretto_uncertainty_get_nominal_group (DistrettoUncertainty *self,
                                         guint                 index)
{
  const DistrettoUncertaintyRegion *region;

  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), DISTRETTO_PERFORMANCE_GROUP_NONE);
  region = get_region (self, index);
  return region ? region->nominal_group : DISTRETTO_PERFORMANCE_GROUP_NONE;
}

/**
 * distretto_uncertainty_get_median_rank:
 * @self: a #DistrettoUncertainty
 * @index: a region
 *
 * Returns: the median of its ranks over the runs that rank it
 */
double
distretto_uncertainty_get_median_rank (DistrettoUncertainty *self,
                                       guint                 index)
{
  const DistrettoUncertaintyRegion *region;

  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), NAN);
  region = get_region (self, index);
  return region ? region->median : NAN;
}

/**
 * distretto_uncertainty_get_rank_interval:
 * @self: a #DistrettoUncertainty
 * @index: a region
 * @lower: (out) (optional): the 5th percentile of its ranks
 * @upper: (out) (optional): the 95th percentile
 *
 * The 5–95% interval of the region's rank over the runs (percentiles
 * interpolated between ranks, as R's and numpy's default).
 */
void
distretto_uncertainty_get_rank_interval (DistrettoUncertainty *self,
                                         guint                 index,
                                         double               *lower,
                                         double               *upper)
{
  const DistrettoUncertaintyRegion *region;

  g_return_if_fail (DISTRETTO_IS_UNCERTAINTY (self));
  region = get_region (self, index);
  if (lower != NULL)
    *lower = region ? region->lower : NAN;
  if (upper != NULL)
    *upper = region ? region->upper : NAN;
}

/**
 * distretto_uncertainty_get_group_probability:
 * @self: a #DistrettoUncertainty
 * @index: a region
 * @group: a performance group; %DISTRETTO_PERFORMANCE_GROUP_NONE for
 *   the runs that leave it without a score
 *
 * Returns: the share of the runs placing the region in @group
 */
double
distretto_uncertainty_get_group_probability (DistrettoUncertainty      *self,
                                             guint                      index,
                                             DistrettoPerformanceGroup  group)
{
  const DistrettoUncertaintyRegion *region;

  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), NAN);
  g_return_val_if_fail (group < N_GROUPS, NAN);
  region = get_region (self, index);
  return region ? region->groups[group] : NAN;
}

/**
 * distretto_uncertainty_get_n_assumptions:
 * @self: a #DistrettoUncertainty
 *
 * Returns: how many assumptions were varied
 */
guint
distretto_uncertainty_get_n_assumptions (DistrettoUncertainty *self)
{
  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), 0);
  return self->indices->len;
}

static const DistrettoUncertaintyIndex *
get_index (DistrettoUncertainty *self,
           guint                 index)
{
  g_return_val_if_fail (index < self->indices->len, NULL);
  return &g_array_index (self->indices, DistrettoUncertaintyIndex, index);
}

/**
 * distretto_uncertainty_get_assumption:
 * @self: a #DistrettoUncertainty
 * @index: an assumption varied
 *
 * Returns: which it is
 */
DistrettoAssumption
distretto_uncertainty_get_assumption (DistrettoUncertainty *self,
                                      guint                 index)
{
  const DistrettoUncertaintyIndex *i;

  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), DISTRETTO_ASSUMPTION_WEIGHTS);
  i = get_index (self, index);
  return i ? i->assumption : DISTRETTO_ASSUMPTION_WEIGHTS;
}

/**
 * distretto_uncertainty_get_first_order:
 * @self: a #DistrettoUncertainty
 * @index: an assumption varied
 *
 * Returns: its first-order Sobol index: the share of the variance of the
 *   mean absolute rank change it explains alone (NaN when nothing
 *   varies)
 */
double
distretto_uncertainty_get_first_order (DistrettoUncertainty *self,
                                       guint                 index)
{
  const DistrettoUncertaintyIndex *i;

  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), NAN);
  i = get_index (self, index);
  return i ? i->first_order : NAN;
}

/**
 * distretto_uncertainty_get_total_order:
 * @self: a #DistrettoUncertainty
 * @index: an assumption varied
 *
 * Returns: its total Sobol index: the share it explains with all its
 *   interactions
 */
double
distretto_uncertainty_get_total_order (DistrettoUncertainty *self,
                                       guint                 index)
{
  const DistrettoUncertaintyIndex *i;

  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), NAN);
  i = get_index (self, index);
  return i ? i->total_order : NAN;
}

/**
 * distretto_uncertainty_get_n_removed:
 * @self: a #DistrettoUncertainty
 *
 * Returns: how many sub-indicators the remove-one test left out, one at
 *   a time
 */
guint
distretto_uncertainty_get_n_removed (DistrettoUncertainty *self)
{
  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), 0);
  return self->removed->len;
}

static const DistrettoUncertaintyRemoved *
get_removed (DistrettoUncertainty *self,
             guint                 index)
{
  g_return_val_if_fail (index < self->removed->len, NULL);
  return &g_array_index (self->removed, DistrettoUncertaintyRemoved, index);
}

/**
 * distretto_uncertainty_get_removed_id:
 * @self: a #DistrettoUncertainty
 * @index: a sub-indicator left out
 *
 * Returns: its id
 */
const char *
distretto_uncertainty_get_removed_id (DistrettoUncertainty *self,
                                      guint                 index)
{
  const DistrettoUncertaintyRemoved *r;

  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), NULL);
  r = get_removed (self, index);
  return r ? r->id : NULL;
}

/**
 * distretto_uncertainty_get_removed_mean_shift:
 * @self: a #DistrettoUncertainty
 * @index: a sub-indicator left out
 *
 * Returns: how many places ranks move on average without it (the
 *   nominal method otherwise)
 */
double
distretto_uncertainty_get_removed_mean_shift (DistrettoUncertainty *self,
                                              guint                 index)
{
  const DistrettoUncertaintyRemoved *r;

  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), NAN);
  r = get_removed (self, index);
  return r ? r->mean_shift : NAN;
}

/**
 * distretto_uncertainty_get_removed_max_shift:
 * @self: a #DistrettoUncertainty
 * @index: a sub-indicator left out
 *
 * Returns: the most places one region's rank moves without it
 */
guint
distretto_uncertainty_get_removed_max_shift (DistrettoUncertainty *self,
                                             guint                 index)
{
  const DistrettoUncertaintyRemoved *r;

  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), 0);
  r = get_removed (self, index);
  return r ? r->max_shift : 0;
}

/**
 * distretto_uncertainty_get_mean_shift:
 * @self: a #DistrettoUncertainty
 *
 * Returns: how many places a rank moves from its nominal one, on
 *   average over the regions and the runs: the output the Sobol indices
 *   apportion
 */
double
distretto_uncertainty_get_mean_shift (DistrettoUncertainty *self)
{
  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (self), NAN);
  return self->mean_shift;
}

/**
 * distretto_sobol_estimate: (skip)
 * @f_a: the output of the N rows of sample matrix A
 * @f_b: the output of the N rows of sample matrix B
 * @f_ab: the outputs of the k matrices A_B^(i) (A with factor i taken
 *   from B), factor after factor: n_factors × n_runs values
 * @n_runs: N
 * @n_factors: k
 * @first_order: (out caller-allocates): k first-order indices
 * @total_order: (out caller-allocates): k total indices
 *
 * Sobol indices from Saltelli's design, with the estimators Saltelli et
 * al. (2010) recommend: first order S_i = mean (f_B (f_AB − f_A)) / V,
 * total (Jansen 1999) S_Ti = mean ((f_A − f_AB)²) / 2V, where V is the
 * variance of f_A and f_B together. Without variance the indices are
 * NaN. The uncertainty analysis uses it; it is public so that the
 * estimators can be checked against functions with known indices.
 */
void
distretto_sobol_estimate (const double *f_a,
                          const double *f_b,
                          const double *f_ab,
                          guint         n_runs,
                          guint         n_factors,
                          double       *first_order,
                          double       *total_order)
{
  double mean = 0.0, variance = 0.0;

  g_return_if_fail (f_a != NULL && f_b != NULL && (f_ab != NULL || n_factors == 0));
  g_return_if_fail (n_runs >= 2);
  g_return_if_fail (first_order != NULL && total_order != NULL);

  for (guint j = 0; j < n_runs; j++)
    mean += f_a[j] + f_b[j];
  mean /= 2.0 * n_runs;
  for (guint j = 0; j < n_runs; j++)
    variance += (f_a[j] - mean) * (f_a[j] - mean) + (f_b[j] - mean) * (f_b[j] - mean);
  variance /= 2.0 * n_runs - 1.0;

  for (guint i = 0; i < n_factors; i++)
    {
      const double *f = f_ab + (gsize) i * n_runs;
      double first = 0.0, total = 0.0;

      for (guint j = 0; j < n_runs; j++)
        {
          first += f_b[j] * (f[j] - f_a[j]);
          total += (f_a[j] - f[j]) * (f_a[j] - f[j]);
        }

      first_order[i] = variance > 0.0 ? first / n_runs / variance : NAN;
      total_order[i] = variance > 0.0 ? total / (2.0 * n_runs) / variance : NAN;
    }
}

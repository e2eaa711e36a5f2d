/* distretto-index.c: the composite-indicator pipeline
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "distretto-index-private.h"

/* A pillar or an index needs at least this share of its weight present. */
#define SCREENING_SHARE (2.0 / 3.0)

static gsize
cell (DistrettoPanel *panel,
      guint           region,
      int             year_index)
{
  return (gsize) region * panel->n_years + year_index;
}

/* A missing value takes the mean of the regions of the same country and
 * level that year, and is flagged imputed. */
static void
impute_country_mean (DistrettoPanel  *panel,
                     DistrettoColumn *column)
{
  g_autofree double *filled = g_memdup2 (column->values, sizeof (double) * _distretto_panel_n_cells (panel));

  for (guint r = 0; r < panel->n_regions; r++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (panel->dataset, r);
      int level = distretto_region_get_level (region);

      if (!panel->usable[r] || level < 1)
        continue;

      for (int y = 0; y < panel->n_years; y++)
        {
          double sum = 0.0;
          guint n = 0;

          if (!isnan (column->values[cell (panel, r, y)]))
            continue;

          for (guint o = 0; o < panel->n_regions; o++)
            {
              DistrettoRegion *other = distretto_dataset_get_region_at (panel->dataset, o);
              double v = column->values[cell (panel, o, y)];

              if (o != r && !isnan (v) && distretto_region_get_level (other) == level &&
                  g_strcmp0 (distretto_region_get_country_code (other), distretto_region_get_country_code (region)) == 0)
                {
                  sum += v;
                  n++;
                }
            }

          if (n > 0)
            {
              filled[cell (panel, r, y)] = sum / n;
              column->flags[cell (panel, r, y)] |= DISTRETTO_FLAGS_IMPUTED;
            }
        }
    }

  memcpy (column->values, filled, sizeof (double) * _distretto_panel_n_cells (panel));
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* How many sorted values are below @v (or not above it, with @or_equal). */
static guint
count_below (GArray   *sorted,
             double    v,
             gboolean  or_equal)
{
  guint lo = 0, hi = sorted->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      double w = g_array_index (sorted, double, mid);

      if (w < v || (or_equal && w == v))
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The regions (not aggregates) of every year: the panel the scale is
 * set on. */
static GArray *
panel_values (DistrettoPanel  *panel,
              DistrettoColumn *column)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < panel->n_regions; r++)
    {
      if (!panel->usable[r] ||
          distretto_region_get_level (distretto_dataset_get_region_at (panel->dataset, r)) < 0)
        continue;

      for (int y = 0; y < panel->n_years; y++)
        if (!isnan (column->values[cell (panel, r, y)]))
          g_array_append_val (values, column->values[cell (panel, r, y)]);
    }

  return values;
}

static void
normalise (DistrettoPanel         *panel,
           DistrettoColumn        *column,
           DistrettoNormalisation  normalisation)
{
  g_autoptr(GArray) values = panel_values (panel, column);
  gboolean reversed = distretto_sub_indicator_get_direction (column->sub) == DISTRETTO_DIRECTION_NEGATIVE;
  gsize n_cells = _distretto_panel_n_cells (panel);
  double lo, hi, lower, upper;

  if (values->len == 0)
    return;

  qsort (values->data, values->len, sizeof (double), compare_doubles);
  lo = g_array_index (values, double, 0);
  hi = g_array_index (values, double, values->len - 1);

  if (normalisation == DISTRETTO_NORMALISATION_GOALPOSTS &&
      !distretto_sub_indicator_get_goalposts (column->sub, &lower, &upper))
    normalisation = DISTRETTO_NORMALISATION_MIN_MAX;

  for (gsize i = 0; i < n_cells; i++)
    {
      double v = column->values[i], score;

      if (isnan (v))
        continue;

      if (normalisation == DISTRETTO_NORMALISATION_RANK)
        {
          guint below = count_below (values, v, FALSE);
          guint equal = count_below (values, v, TRUE) - below;

          score = values->len > 1 ? 100.0 * (below + 0.5 * equal - 0.5) / (values->len - 1) : 50.0;
          score = CLAMP (score, 0.0, 100.0);
        }
      else if (normalisation == DISTRETTO_NORMALISATION_GOALPOSTS)
        score = CLAMP (100.0 * (v - lower) / (upper - lower), 0.0, 100.0);
      else
        score = hi > lo ? 100.0 * (v - lo) / (hi - lo) : 50.0;

      column->values[i] = reversed ? 100.0 - score : score;
    }
}

/* Weighted mean of the present scores if they carry enough weight. */
static double
aggregate (const double         *scores,
           const double         *weights,
           guint                 n,
           DistrettoAggregation  aggregation)
{
  double total = 0.0, present = 0.0, sum = 0.0;

  for (guint i = 0; i < n; i++)
    {
      total += weights[i];
      if (isnan (scores[i]) || weights[i] == 0.0)
        continue;

      present += weights[i];
      if (aggregation == DISTRETTO_AGGREGATION_GEOMETRIC)
        sum += weights[i] * log (MAX (scores[i], 0.0) + 1.0);
      else
        sum += weights[i] * scores[i];
    }

  if (total <= 0.0 || present < SCREENING_SHARE * total - 1e-12)
    return NAN;

  if (aggregation == DISTRETTO_AGGREGATION_GEOMETRIC)
    return exp (sum / present) - 1.0;
  return sum / present;
}

static DistrettoPerformanceGroup
group_for (double score,
           double reference)
{
  double ratio;

  if (isnan (score) || isnan (reference) || reference <= 0.0)
    return DISTRETTO_PERFORMANCE_GROUP_NONE;

  ratio = 100.0 * score / reference;
  if (ratio > 125.0)
    return DISTRETTO_PERFORMANCE_GROUP_LEADER;
  if (ratio >= 100.0)
    return DISTRETTO_PERFORMANCE_GROUP_STRONG;
  if (ratio >= 70.0)
    return DISTRETTO_PERFORMANCE_GROUP_MODERATE;
  return DISTRETTO_PERFORMANCE_GROUP_EMERGING;
}

/* Competition ranking (1, 2, 2, 4) among the regions of each level. */
static void
rank_by_level (DistrettoIndicatorResult *result,
               DistrettoDataset         *dataset)
{
  guint n = distretto_indicator_result_get_n_scores (result);

  for (guint i = 0; i < n; i++)
    {
      const char *code = distretto_indicator_result_get_region_code (result, i);
      int level = distretto_region_get_level (distretto_dataset_get_region (dataset, code));
      double score = distretto_indicator_result_get_score (result, i);
      guint better = 0;

      if (isnan (score) || level < 0)
        continue;

      for (guint j = 0; j < n; j++)
        {
          const char *other = distretto_indicator_result_get_region_code (result, j);

          if (distretto_region_get_level (distretto_dataset_get_region (dataset, other)) == level &&
              distretto_indicator_result_get_score (result, j) > score)
            better++;
        }

      distretto_indicator_result_set_rank (result, code, better + 1);
    }
}

/* The EU aggregate's score, or else the mean of the most common level. */
static double
reference_score (DistrettoIndicatorResult *result,
                 DistrettoDataset         *dataset)
{
  guint counts[4] = { 0 };
  double sums[4] = { 0 };
  int level = 0;

  const char * const *eu_codes = _distretto_index_get_eu_codes ();

  for (guint i = 0; eu_codes[i] != NULL; i++)
    {
      double score;

      if (distretto_indicator_result_lookup (result, eu_codes[i], &score, NULL) && !isnan (score))
        return score;
    }

  for (guint i = 0; i < distretto_indicator_result_get_n_scores (result); i++)
    {
      double score = distretto_indicator_result_get_score (result, i);
      int l = distretto_region_get_level (distretto_dataset_get_region (dataset,
                                          distretto_indicator_result_get_region_code (result, i)));

      if (l >= 0 && !isnan (score))
        {
          counts[l]++;
          sums[l] += score;
        }
    }

  for (int l = 1; l < 4; l++)
    if (counts[l] > counts[level])
      level = l;

  return counts[level] ? sums[level] / counts[level] : NAN;
}

/* The columns of the sub-indicators @dataset can give, through every
 * step before aggregation: raw values, carried forward, imputed,
 * normalised. Columns keep the pillars' order. */
static GArray *
prepare_columns (DistrettoPanel         *panel,
                 DistrettoPillar       **pillars,
                 guint                   n_pillars,
                 const DistrettoMethod  *method)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (DistrettoColumn));

  g_array_set_clear_func (columns, (GDestroyNotify) _distretto_column_clear);

  for (guint p = 0; p < n_pillars; p++)
    for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillars[p]); i++)
      {
        DistrettoColumn column = { distretto_pillar_get_sub_indicator (pillars[p], i), p, NULL, NULL };

        if (distretto_sub_indicator_find_source (column.sub, panel->dataset, NULL) == NULL)
          continue;

        _distretto_panel_fill (panel, &column);
        _distretto_panel_carry_forward (panel, &column, distretto_method_get_carry_forward (method));
        if (distretto_method_get_imputation (method) == DISTRETTO_IMPUTATION_COUNTRY_MEAN)
          impute_country_mean (panel, &column);
        normalise (panel, &column, distretto_method_get_normalisation (method));
        g_array_append_val (columns, column);
      }

  return columns;
}

/* The weight a column counts with: none for a national series when the
 * regions compared lie in one country. */
static double
column_weight (DistrettoColumn *column,
               gboolean         one_country)
{
  if (one_country && distretto_sub_indicator_get_national_frame (column->sub))
    return 0.0;

  return distretto_sub_indicator_get_weight (column->sub);
}

typedef struct
{
  GArray *columns;
  double *pillar_weights;   /* 0 for a pillar left out */
  double *column_weights;
} Aggregation;

static void
aggregation_init (Aggregation            *aggregation,
                  DistrettoPanel         *panel,
                  DistrettoPillar       **pillars,
                  guint                   n_pillars,
                  const DistrettoMethod  *method)
{
  gboolean one_country = distretto_method_get_within_country (method) ||
                         _distretto_index_in_one_country (panel->dataset);

  aggregation->columns = prepare_columns (panel, pillars, n_pillars, method);
  aggregation->pillar_weights = g_new0 (double, MAX (n_pillars, 1));
  aggregation->column_weights = g_new0 (double, MAX (aggregation->columns->len, 1));

  /* A pillar counts when one of its sub-indicators does. */
  for (guint c = 0; c < aggregation->columns->len; c++)
    {
      DistrettoColumn *column = &g_array_index (aggregation->columns, DistrettoColumn, c);

      aggregation->column_weights[c] = column_weight (column, one_country);
      if (aggregation->column_weights[c] > 0.0)
        aggregation->pillar_weights[column->pillar] = distretto_pillar_get_weight (pillars[column->pillar]);
    }
}

static void
aggregation_clear (Aggregation *aggregation)
{
  g_clear_pointer (&aggregation->columns, g_array_unref);
  g_clear_pointer (&aggregation->pillar_weights, g_free);
  g_clear_pointer (&aggregation->column_weights, g_free);
}

/* One region's score in one year; with @result, its pillar and
 * sub-indicator scores are recorded as components. */
static double
aggregate_cell (Aggregation               *aggregation,
                DistrettoPanel            *panel,
                DistrettoPillar          **pillars,
                guint                      n_pillars,
                const DistrettoMethod     *method,
                guint                      r,
                int                        y,
                DistrettoFlags            *flags,
                DistrettoIndicatorResult  *result)
{
  GArray *columns = aggregation->columns;
  const char *code = distretto_region_get_code (distretto_dataset_get_region_at (panel->dataset, r));
  g_autofree double *pillar_scores = g_new0 (double, MAX (n_pillars, 1));
  g_autofree double *scores = g_new0 (double, MAX (columns->len, 1));
  g_autofree double *weights = g_new0 (double, MAX (columns->len, 1));
  guint c = 0;

  *flags = DISTRETTO_FLAGS_NONE;
  for (guint p = 0; p < n_pillars; p++)
    {
      guint n_subs = 0;

      for (; c < columns->len && g_array_index (columns, DistrettoColumn, c).pillar == p; c++)
        {
          DistrettoColumn *column = &g_array_index (columns, DistrettoColumn, c);
          guint i = n_subs++;

          scores[i] = column->values[cell (panel, r, y)];
          weights[i] = aggregation->column_weights[c];
          if (weights[i] > 0.0)
            *flags |= column->flags[cell (panel, r, y)];
          if (result != NULL)
            distretto_indicator_result_set_component (result, code, distretto_sub_indicator_get_id (column->sub),
                                                      scores[i]);
        }

      pillar_scores[p] = aggregation->pillar_weights[p] > 0.0
        ? aggregate (scores, weights, n_subs, distretto_method_get_within_pillars (method))
        : NAN;
      if (result != NULL && n_subs > 0)
        distretto_indicator_result_set_component (result, code, distretto_pillar_get_id (pillars[p]), pillar_scores[p]);
    }

  return aggregate (pillar_scores, aggregation->pillar_weights, n_pillars, distretto_method_get_across_pillars (method));
}

/* Every region's score in every year, into @scores (allocated here):
 * what a nested composite gives the composite around it. */
void
_distretto_panel_scores (DistrettoPanel         *panel,
                         DistrettoPillar       **pillars,
                         guint                   n_pillars,
                         const DistrettoMethod  *method,
                         DistrettoColumn        *scores)
{
  Aggregation aggregation;
  gsize n = _distretto_panel_n_cells (panel);

  scores->values = g_new (double, MAX (n, 1));
  scores->flags = g_new0 (guint32, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    scores->values[i] = NAN;

  aggregation_init (&aggregation, panel, pillars, n_pillars, method);
  for (guint r = 0; r < panel->n_regions; r++)
    for (int y = 0; panel->usable[r] && y < panel->n_years; y++)
      {
        DistrettoFlags flags;

        scores->values[cell (panel, r, y)] = aggregate_cell (&aggregation, panel, pillars, n_pillars, method,
                                                             r, y, &flags, NULL);
        scores->flags[cell (panel, r, y)] = flags;
      }
  aggregation_clear (&aggregation);
}

/**
 * distretto_index_compute:
 * @pillars: (array length=n_pillars): the indicator's pillars
 * @n_pillars: how many pillars there are
 * @method: the method: normalisation, aggregation, imputation, how far
 *   values are carried forward… (distretto_method_new() gives the
 *   OECD/JRC defaults, distretto_indicator_definition_dup_method() a
 *   module's own)
 * @dataset: the data
 * @year: the year to score
 *
 * Runs the OECD/JRC pipeline on the panel of every region and year of
 * the dataset. Raw values (ratios where a sub-indicator has a denominator,
 * then transforms, factors and nested composites; sub-indicators the
 * dataset cannot give, and pillars left without any, are left out);
 * values carried forward up to distretto_method_get_carry_forward()
 * years, imputation, normalisation over every region and year (so
 * scores compare across years), weighted aggregation within and across
 * pillars (a pillar or the index needs 2/3 of its weight present; a
 * national-frame sub-indicator weighs 0 when the regions lie in one
 * country), ranks within each NUTS level and performance groups against
 * the EU aggregate, or the mean when the dataset has none. Pillar and
 * sub-indicator scores are recorded as components under their ids.
 *
 * Returns: (transfer full): the scores for @year
 */
DistrettoIndicatorResult *
distretto_index_compute (DistrettoPillar       **pillars,
                         guint                   n_pillars,
                         const DistrettoMethod  *method,
                         DistrettoDataset       *dataset,
                         int                     year)
{
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  DistrettoPanel panel;
  Aggregation aggregation;
  double reference;
  int y;

  g_return_val_if_fail (pillars != NULL || n_pillars == 0, NULL);
  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  result = distretto_indicator_result_new (year);
  _distretto_panel_init (&panel, dataset);
  if (panel.n_years == 0 || year < panel.first_year || year >= panel.first_year + panel.n_years)
    {
      _distretto_panel_clear (&panel);
      return g_steal_pointer (&result);
    }

  y = year - panel.first_year;
  aggregation_init (&aggregation, &panel, pillars, n_pillars, method);

  for (guint r = 0; r < panel.n_regions; r++)
    {
      const char *code = distretto_region_get_code (distretto_dataset_get_region_at (dataset, r));
      DistrettoFlags flags;
      double score;

      if (!panel.usable[r])
        continue;

      score = aggregate_cell (&aggregation, &panel, pillars, n_pillars, method, r, y, &flags, result);
      distretto_indicator_result_add_score (result, code, score, flags);
    }

  rank_by_level (result, dataset);
  reference = reference_score (result, dataset);
  distretto_indicator_result_set_reference (result, reference);
  for (guint i = 0; i < distretto_indicator_result_get_n_scores (result); i++)
    distretto_indicator_result_set_group (result, distretto_indicator_result_get_region_code (result, i),
                                          group_for (distretto_indicator_result_get_score (result, i), reference));

  aggregation_clear (&aggregation);
  _distretto_panel_clear (&panel);
  return g_steal_pointer (&result);
}

/* Whether most regions that ever have a value of @column have one in
 * year @y; with @fresh, one not carried forward. */
static gboolean
covers_year (DistrettoPanel  *panel,
             DistrettoColumn *column,
             int              y,
             gboolean         fresh)
{
  guint footprint = 0, present = 0;

  for (guint r = 0; r < panel->n_regions; r++)
    {
      gboolean any = FALSE;

      if (!panel->usable[r] || panel->levels[r] < 0)
        continue;

      for (int k = 0; k < panel->n_years && !any; k++)
        any = !isnan (column->values[cell (panel, r, k)]);
      if (!any)
        continue;

      footprint++;
      if (!isnan (column->values[cell (panel, r, y)]) &&
          (!fresh || !(column->flags[cell (panel, r, y)] & DISTRETTO_FLAGS_CARRIED_FORWARD)))
        present++;
    }

  return footprint > 0 && 2 * present > footprint;
}

/* The years in which at least @share of @subs have values (carried
 * forward as @method allows) for most of the regions they cover, one of
 * them not carried forward. */
GArray *
_distretto_index_list_years (DistrettoSubIndicator **subs,
                             guint                   n_subs,
                             const DistrettoMethod  *method,
                             DistrettoDataset       *dataset,
                             double                  share)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (DistrettoColumn));
  DistrettoPanel panel;

  g_array_set_clear_func (columns, (GDestroyNotify) _distretto_column_clear);
  _distretto_panel_init (&panel, dataset);

  for (guint i = 0; i < n_subs; i++)
    {
      DistrettoColumn column = { subs[i], 0, NULL, NULL };

      _distretto_panel_fill (&panel, &column);
      _distretto_panel_carry_forward (&panel, &column, distretto_method_get_carry_forward (method));
      g_array_append_val (columns, column);
    }

  for (int y = 0; n_subs > 0 && y < panel.n_years; y++)
    {
      guint covered = 0, fresh = 0;

      for (guint i = 0; i < columns->len; i++)
        {
          DistrettoColumn *column = &g_array_index (columns, DistrettoColumn, i);

          if (covers_year (&panel, column, y, FALSE))
            covered++;
          if (covers_year (&panel, column, y, TRUE))
            fresh++;
        }

      if (fresh > 0 && covered >= share * n_subs - 1e-9)
        {
          int year = panel.first_year + y;

          g_array_append_val (years, year);
        }
    }

  _distretto_panel_clear (&panel);
  return years;
}

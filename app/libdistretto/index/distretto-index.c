/* distretto-index.c: the composite-indicator pipeline
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "distretto-index.h"

/* A pillar or an index needs at least this share of its weight present. */
#define SCREENING_SHARE (2.0 / 3.0)

/* Aggregates the EU reference is read from, most recent first. */
static const char *eu_references[] = { "EU27_2020", "EU28", "EU27", "EU27_2007", NULL };

typedef struct
{
  DistrettoSubIndicator *sub;
  guint pillar;
  double *raw;          /* [region * n_years + year] */
  guint16 *flags;
} Column;

typedef struct
{
  DistrettoDataset *dataset;
  int first_year;
  int n_years;
  guint n_regions;
  gboolean *usable;     /* per region: not Extra-Regio */
  GArray *columns;      /* Column */
} Panel;

static void
panel_clear (Panel *panel)
{
  for (guint i = 0; i < panel->columns->len; i++)
    {
      Column *column = &g_array_index (panel->columns, Column, i);

      g_free (column->raw);
      g_free (column->flags);
    }
  g_array_unref (panel->columns);
  g_free (panel->usable);
}

static gsize
cell (Panel *panel,
      guint  region,
      int    year_index)
{
  return (gsize) region * panel->n_years + year_index;
}

static void
read_raw (Panel  *panel,
          Column *column)
{
  column->raw = g_new (double, (gsize) panel->n_regions * panel->n_years);
  column->flags = g_new0 (guint16, (gsize) panel->n_regions * panel->n_years);

  for (guint r = 0; r < panel->n_regions; r++)
    {
      const char *code = distretto_region_get_code (distretto_dataset_get_region_at (panel->dataset, r));

      for (int y = 0; y < panel->n_years; y++)
        {
          DistrettoFlags flags = DISTRETTO_FLAGS_NONE;

          column->raw[cell (panel, r, y)] = panel->usable[r]
            ? distretto_sub_indicator_get_raw_value (column->sub, panel->dataset, code,
                                                     panel->first_year + y, &flags)
            : NAN;
          column->flags[cell (panel, r, y)] = (guint16) flags;
        }
    }
}

/* A missing value takes the mean of the regions of the same country and
 * level that year, and is flagged imputed. */
static void
impute_country_mean (Panel  *panel,
                     Column *column)
{
  g_autofree double *filled = g_memdup2 (column->raw, sizeof (double) * panel->n_regions * panel->n_years);

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

          if (!isnan (column->raw[cell (panel, r, y)]))
            continue;

          for (guint o = 0; o < panel->n_regions; o++)
            {
              DistrettoRegion *other = distretto_dataset_get_region_at (panel->dataset, o);
              double v = column->raw[cell (panel, o, y)];

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

  memcpy (column->raw, filled, sizeof (double) * panel->n_regions * panel->n_years);
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
panel_values (Panel  *panel,
              Column *column)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < panel->n_regions; r++)
    {
      if (!panel->usable[r] ||
          distretto_region_get_level (distretto_dataset_get_region_at (panel->dataset, r)) < 0)
        continue;

      for (int y = 0; y < panel->n_years; y++)
        if (!isnan (column->raw[cell (panel, r, y)]))
          g_array_append_val (values, column->raw[cell (panel, r, y)]);
    }

  return values;
}

static void
normalise (Panel                  *panel,
           Column                 *column,
           DistrettoNormalisation  normalisation)
{
  g_autoptr(GArray) values = panel_values (panel, column);
  gboolean reversed = distretto_sub_indicator_get_direction (column->sub) == DISTRETTO_DIRECTION_NEGATIVE;
  gsize n_cells = (gsize) panel->n_regions * panel->n_years;
  double lo, hi;

  if (values->len == 0)
    return;

  qsort (values->data, values->len, sizeof (double), compare_doubles);
  lo = g_array_index (values, double, 0);
  hi = g_array_index (values, double, values->len - 1);

  for (gsize i = 0; i < n_cells; i++)
    {
      double v = column->raw[i], score;

      if (isnan (v))
        continue;

      if (normalisation == DISTRETTO_NORMALISATION_RANK)
        {
          guint below = count_below (values, v, FALSE);
          guint equal = count_below (values, v, TRUE) - below;

          score = values->len > 1 ? 100.0 * (below + 0.5 * equal - 0.5) / (values->len - 1) : 50.0;
          score = CLAMP (score, 0.0, 100.0);
        }
      else
        score = hi > lo ? 100.0 * (v - lo) / (hi - lo) : 50.0;

      column->raw[i] = reversed ? 100.0 - score : score;
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

  for (guint i = 0; eu_references[i] != NULL; i++)
    {
      double score;

      if (distretto_indicator_result_lookup (result, eu_references[i], &score, NULL) && !isnan (score))
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

/**
 * distretto_index_compute:
 * @pillars: (array length=n_pillars): the indicator's pillars
 * @n_pillars: how many pillars there are
 * @normalisation: how sub-indicators are normalised
 * @within_pillars: how sub-indicators combine into a pillar
 * @across_pillars: how pillars combine into the index
 * @imputation: how missing values are filled
 * @dataset: the data
 * @year: the year to score
 *
 * Runs the OECD/JRC pipeline: raw values (ratios where a sub-indicator
 * has a denominator; sub-indicators the dataset cannot give, and pillars
 * left without any, are left out), imputation, normalisation over every region and
 * year (so scores compare across years), weighted aggregation within and
 * across pillars (a pillar or the index needs 2/3 of its weight present),
 * ranks within each NUTS level and performance groups against the EU
 * aggregate, or the mean when the dataset has none. Pillar and
 * sub-indicator scores are recorded as components under their ids.
 *
 * Returns: (transfer full): the scores for @year
 */
DistrettoIndicatorResult *
distretto_index_compute (DistrettoPillar       **pillars,
                         guint                   n_pillars,
                         DistrettoNormalisation  normalisation,
                         DistrettoAggregation    within_pillars,
                         DistrettoAggregation    across_pillars,
                         DistrettoImputation     imputation,
                         DistrettoDataset       *dataset,
                         int                     year)
{
  g_autoptr(DistrettoIndicatorResult) result = distretto_indicator_result_new (year);
  g_autofree double *pillar_weights = g_new0 (double, MAX (n_pillars, 1));
  g_autofree double *pillar_scores = g_new0 (double, MAX (n_pillars, 1));
  Panel panel = { 0 };
  int y;
  double reference;

  g_return_val_if_fail (pillars != NULL || n_pillars == 0, NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  panel.dataset = dataset;
  panel.first_year = distretto_dataset_get_first_year (dataset);
  panel.n_years = distretto_dataset_get_last_year (dataset) - panel.first_year + 1;
  panel.n_regions = distretto_dataset_get_n_regions (dataset);
  panel.usable = g_new0 (gboolean, MAX (panel.n_regions, 1));
  panel.columns = g_array_new (FALSE, TRUE, sizeof (Column));

  if (distretto_dataset_get_n_observations (dataset) == 0 || year < panel.first_year ||
      year >= panel.first_year + panel.n_years)
    {
      panel_clear (&panel);
      return g_steal_pointer (&result);
    }

  y = year - panel.first_year;
  /* Extra-Regio and abolished codes (of another NUTS version) are no regions to score. */
  for (guint r = 0; r < panel.n_regions; r++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, r);

      panel.usable[r] = !distretto_region_is_extra_regio (region) && !distretto_region_is_abolished (region);
    }

  /* Sub-indicators the dataset cannot give are left out, and so are
   * pillars left with none: the index is computed from what there is. */
  for (guint p = 0; p < n_pillars; p++)
    {
      for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillars[p]); i++)
        {
          Column column = { distretto_pillar_get_sub_indicator (pillars[p], i), p, NULL, NULL };

          if (distretto_sub_indicator_find_source (column.sub, dataset, NULL) == NULL)
            continue;

          pillar_weights[p] = distretto_pillar_get_weight (pillars[p]);
          read_raw (&panel, &column);
          if (imputation == DISTRETTO_IMPUTATION_COUNTRY_MEAN)
            impute_country_mean (&panel, &column);
          normalise (&panel, &column, normalisation);
          g_array_append_val (panel.columns, column);
        }
    }

  for (guint r = 0; r < panel.n_regions; r++)
    {
      const char *code = distretto_region_get_code (distretto_dataset_get_region_at (dataset, r));
      DistrettoFlags flags = DISTRETTO_FLAGS_NONE;
      guint c = 0;
      double score;

      if (!panel.usable[r])
        continue;

      for (guint p = 0; p < n_pillars; p++)
        {
          guint n_subs = 0;
          g_autofree double *scores = g_new0 (double, MAX (panel.columns->len, 1));
          g_autofree double *weights = g_new0 (double, MAX (panel.columns->len, 1));

          for (; c < panel.columns->len && g_array_index (panel.columns, Column, c).pillar == p; c++)
            {
              Column *column = &g_array_index (panel.columns, Column, c);
              guint i = n_subs++;

              scores[i] = column->raw[cell (&panel, r, y)];
              weights[i] = distretto_sub_indicator_get_weight (column->sub);
              flags |= column->flags[cell (&panel, r, y)];
              distretto_indicator_result_set_component (result, code,
                                                        distretto_sub_indicator_get_id (column->sub), scores[i]);
            }

          pillar_scores[p] = n_subs > 0 ? aggregate (scores, weights, n_subs, within_pillars) : NAN;
          if (n_subs > 0)
            distretto_indicator_result_set_component (result, code, distretto_pillar_get_id (pillars[p]),
                                                      pillar_scores[p]);
        }

      score = aggregate (pillar_scores, pillar_weights, n_pillars, across_pillars);
      distretto_indicator_result_add_score (result, code, score, flags);
    }

  rank_by_level (result, dataset);
  reference = reference_score (result, dataset);
  distretto_indicator_result_set_reference (result, reference);
  for (guint i = 0; i < distretto_indicator_result_get_n_scores (result); i++)
    distretto_indicator_result_set_group (result, distretto_indicator_result_get_region_code (result, i),
                                          group_for (distretto_indicator_result_get_score (result, i), reference));

  panel_clear (&panel);
  return g_steal_pointer (&result);
}

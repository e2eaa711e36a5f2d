/* distretto-pipeline-scale.c: outlier treatment and normalisation of a
 * sub-indicator over the regions of one NUTS level
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "distretto-pipeline-private.h"

/* COINr's qTreat defaults (the OECD/JRC handbook's practice). */
#define SKEW_LIMIT     2.0
#define KURTOSIS_LIMIT 3.5
#define MAX_WINSORISED 5

/* The Innovation Scoreboards' square root: skewness above 1; values
 * beyond 3 standard deviations kept out of the scale. */
#define SQRT_SKEW_LIMIT 1.0
#define SQRT_SD_LIMIT   3.0

/* Skewness as Excel and e1071's type 2 (COINr's skew()): NaN with fewer
 * than 3 values or none apart. */
double
_distretto_skewness (const double *values,
                     gsize         n)
{
  double mean = 0.0, m2 = 0.0, m3 = 0.0, g1;

  if (n < 3)
    return NAN;

  for (gsize i = 0; i < n; i++)
    mean += values[i];
  mean /= n;
  for (gsize i = 0; i < n; i++)
    {
      double d = values[i] - mean;

      m2 += d * d;
      m3 += d * d * d;
    }
  if (m2 <= 0.0)
    return NAN;

  g1 = sqrt ((double) n) * m3 / pow (m2, 1.5);
  return g1 * sqrt ((double) n * (n - 1)) / (n - 2);
}

/* Excess kurtosis as Excel and e1071's type 2 (COINr's kurt()): NaN with
 * fewer than 4 values or none apart. */
double
_distretto_kurtosis (const double *values,
                     gsize         n)
{
  double mean = 0.0, m2 = 0.0, m4 = 0.0, r;

  if (n < 4)
    return NAN;

  for (gsize i = 0; i < n; i++)
    mean += values[i];
  mean /= n;
  for (gsize i = 0; i < n; i++)
    {
      double d = values[i] - mean;

      m2 += d * d;
      m4 += d * d * d * d;
    }
  if (m2 <= 0.0)
    return NAN;

  r = n * m4 / (m2 * m2);
  return ((n + 1) * (r - 3) + 6) * (n - 1) / ((double) (n - 2) * (n - 3));
}

/* COINr's check_SkewKurt: an indicator passes unless both its absolute
 * skewness and its kurtosis reach their limits. */
static gboolean
passes (const double *values,
        gsize         n)
{
  double skew = _distretto_skewness (values, n);
  double kurtosis = _distretto_kurtosis (values, n);

  return isnan (skew) || isnan (kurtosis) || fabs (skew) < SKEW_LIMIT || kurtosis < KURTOSIS_LIMIT;
}

static const char *
column_id (DistrettoColumn *column)
{
  return distretto_sub_indicator_get_id (column->sub);
}

static void
record_point (DistrettoPipeline *self,
              DistrettoColumn   *column,
              gsize              cell,
              int                level,
              double             before,
              double             after)
{
  guint r = cell / self->panel.n_years;
  int year = self->panel.first_year + cell % self->panel.n_years;
  g_autofree char *title = _distretto_pipeline_region_title (self, r);
  const char *code = distretto_region_get_code (distretto_dataset_get_region_at (self->panel.dataset, r));

  _distretto_pipeline_report_add (self->report, DISTRETTO_PIPELINE_STEP_OUTLIERS, code, column_id (column), level,
                                  year, before, after,
                                  /* TRANSLATORS: a report line: region, sub-indicator, year, value before and after */
                                  g_strdup_printf (_("%s, %s, %d: %.4g → %.4g"), title, column_id (column), year,
                                                   before, after),
                                  /* TRANSLATORS: a tooltip note: sub-indicator, value before and after */
                                  g_strdup_printf (_("%s winsorised: %.4g → %.4g"), column_id (column), before, after));
}

static void
record_transform (DistrettoPipeline *self,
                  DistrettoColumn   *column,
                  int                level,
                  double             skew,
                  double             kurtosis,
                  char              *text)
{
  _distretto_pipeline_report_add (self->report, DISTRETTO_PIPELINE_STEP_OUTLIERS, NULL, column_id (column), level, 0,
                                  skew, kurtosis, text, NULL);
}

/* Replaces the most extreme value, on the side of the skew, by the next
 * one until the values pass, at most MAX_WINSORISED values; returns
 * whether they pass then. @x and @cells go together. */
static gboolean
winsorise (double   *x,
           gsize     n,
           gboolean *changed)
{
  guint n_winsorised = 0;

  while (!passes (x, n) && n_winsorised < MAX_WINSORISED)
    {
      gboolean high = _distretto_skewness (x, n) >= 0.0;
      double extreme = x[0], next = NAN;

      for (gsize i = 1; i < n; i++)
        extreme = high ? MAX (extreme, x[i]) : MIN (extreme, x[i]);
      for (gsize i = 0; i < n; i++)
        if (x[i] != extreme && (isnan (next) || (high ? x[i] > next : x[i] < next)))
          next = x[i];
      if (isnan (next))
        break;

      for (gsize i = 0; i < n; i++)
        if (x[i] == extreme)
          {
            x[i] = next;
            changed[i] = TRUE;
            n_winsorised++;
          }
    }

  return passes (x, n);
}

/* COINr's qTreat: winsorise, or if that is not enough, log_CT the
 * original values. */
static void
treat_winsorise (DistrettoPipeline *self,
                 DistrettoColumn   *column,
                 GArray            *population,
                 GArray            *targets,
                 int                level,
                 gboolean           record)
{
  gsize n = population->len;
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree gboolean *changed = g_new0 (gboolean, MAX (n, 1));
  double skew, kurtosis, lo, hi;

  for (gsize i = 0; i < n; i++)
    x[i] = column->values[g_array_index (population, gsize, i)];

  if (passes (x, n))
    return;

  skew = _distretto_skewness (x, n);
  kurtosis = _distretto_kurtosis (x, n);
  if (winsorise (x, n, changed))
    {
      for (gsize i = 0; i < n; i++)
        {
          gsize cell = g_array_index (population, gsize, i);

          if (!changed[i])
            continue;
          if (record)
            record_point (self, column, cell, level, column->values[cell], x[i]);
          column->values[cell] = x[i];
          column->flags[cell] |= DISTRETTO_FLAGS_WINSORISED;
        }
      return;
    }

  /* Not enough: the original values, log-transformed (COINr's log_CT). */
  lo = hi = column->values[g_array_index (population, gsize, 0)];
  for (gsize i = 0; i < n; i++)
    {
      double v = column->values[g_array_index (population, gsize, i)];

      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }

  for (guint i = 0; i < targets->len; i++)
    {
      gsize cell = g_array_index (targets, gsize, i);

      /* Aggregates below the regions' minimum take it. */
      column->values[cell] = log (MAX (column->values[cell] - lo, 0.0) + 0.01 * (hi - lo));
    }

  if (record)
    record_transform (self, column, level, skew, kurtosis,
                      /* TRANSLATORS: a report line: sub-indicator, NUTS level, skewness, kurtosis */
                      g_strdup_printf (_("%s (NUTS %d): log-transformed, as winsorising %d values did not bring "
                                         "its skewness (%.2f) and kurtosis (%.2f) within the limits"),
                                       column_id (column), level, MAX_WINSORISED, skew, kurtosis));
}

/* The Innovation Scoreboards': a square root for a skewed sub-indicator,
 * values beyond 3 standard deviations pulled in to the others' range. */
static void
treat_square_root (DistrettoPipeline *self,
                   DistrettoColumn   *column,
                   GArray            *population,
                   GArray            *targets,
                   int                level,
                   gboolean           record)
{
  gsize n = population->len;
  g_autofree double *x = g_new (double, MAX (n, 1));
  double skew, lo = INFINITY, mean = 0.0, var = 0.0, sd, inner_lo = INFINITY, inner_hi = -INFINITY;

  if (n < 3)
    return;

  for (gsize i = 0; i < n; i++)
    {
      x[i] = column->values[g_array_index (population, gsize, i)];
      lo = MIN (lo, x[i]);
    }

  skew = _distretto_skewness (x, n);
  if (!isnan (skew) && fabs (skew) > SQRT_SKEW_LIMIT)
    {
      double shift = lo < 0.0 ? -lo : 0.0;

      for (guint i = 0; i < targets->len; i++)
        {
          gsize cell = g_array_index (targets, gsize, i);

          column->values[cell] = sqrt (MAX (column->values[cell] + shift, 0.0));
        }
      for (gsize i = 0; i < n; i++)
        x[i] = column->values[g_array_index (population, gsize, i)];
      if (record)
        record_transform (self, column, level, skew, NAN,
                          /* TRANSLATORS: a report line: sub-indicator, NUTS level, skewness */
                          g_strdup_printf (_("%s (NUTS %d): square root, for a skewness of %.2f"),
                                           column_id (column), level, skew));
    }

  for (gsize i = 0; i < n; i++)
    mean += x[i];
  mean /= n;
  for (gsize i = 0; i < n; i++)
    var += (x[i] - mean) * (x[i] - mean);
  sd = sqrt (var / (n - 1));
  if (!(sd > 0.0))
    return;

  for (gsize i = 0; i < n; i++)
    if (fabs (x[i] - mean) <= SQRT_SD_LIMIT * sd)
      {
        inner_lo = MIN (inner_lo, x[i]);
        inner_hi = MAX (inner_hi, x[i]);
      }

  for (gsize i = 0; i < n; i++)
    {
      gsize cell = g_array_index (population, gsize, i);
      double pulled = CLAMP (x[i], inner_lo, inner_hi);

      if (pulled == x[i])
        continue;
      if (record)
        record_point (self, column, cell, level, x[i], pulled);
      column->values[cell] = pulled;
      column->flags[cell] |= DISTRETTO_FLAGS_WINSORISED;
    }
}

void
_distretto_treat_column (DistrettoPipeline         *self,
                         DistrettoColumn           *column,
                         GArray                    *population,
                         GArray                    *targets,
                         int                        level,
                         DistrettoOutlierTreatment  outliers,
                         gboolean                   record)
{
  record = record && self->report != NULL;

  if (outliers == DISTRETTO_OUTLIER_TREATMENT_WINSORISE)
    treat_winsorise (self, column, population, targets, level, record);
  else if (outliers == DISTRETTO_OUTLIER_TREATMENT_SQUARE_ROOT)
    treat_square_root (self, column, population, targets, level, record);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* How many sorted values are below @v (or not above it, with @or_equal). */
static gsize
count_below (const double *sorted,
             gsize         n,
             double        v,
             gboolean      or_equal)
{
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      double w = sorted[mid];

      if (w < v || (or_equal && w == v))
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The reference of each year for the distance to the EU: the EU's
 * value, else the mean of the population that year. */
static double *
eu_references (DistrettoPipeline *self,
               DistrettoColumn   *column,
               GArray            *population)
{
  double *references = g_new (double, MAX (self->panel.n_years, 1));
  g_autofree double *sums = g_new0 (double, MAX (self->panel.n_years, 1));
  g_autofree guint *counts = g_new0 (guint, MAX (self->panel.n_years, 1));

  for (guint i = 0; i < population->len; i++)
    {
      gsize cell = g_array_index (population, gsize, i);

      sums[cell % self->panel.n_years] += column->values[cell];
      counts[cell % self->panel.n_years]++;
    }

  for (int y = 0; y < self->panel.n_years; y++)
    {
      double eu = self->panel.eu >= 0 ? column->values[_distretto_pipeline_cell (self, self->panel.eu, y)] : NAN;

      references[y] = !isnan (eu) ? eu : counts[y] > 0 ? sums[y] / counts[y] : NAN;
    }

  return references;
}

void
_distretto_normalise_column (DistrettoPipeline      *self,
                             DistrettoColumn        *column,
                             GArray                 *population,
                             GArray                 *targets,
                             int                     level,
                             DistrettoNormalisation  normalisation,
                             gboolean                record)
{
  gboolean reversed = distretto_sub_indicator_get_direction (column->sub) == DISTRETTO_DIRECTION_NEGATIVE;
  gsize n = population->len;
  g_autofree double *sorted = g_new (double, MAX (n, 1));
  g_autofree double *references = NULL;
  double lo, hi, lower = NAN, upper = NAN, mean = 0.0, var = 0.0, sd;
  g_autofree char *scale = NULL;

  if (n == 0)
    {
      for (guint i = 0; i < targets->len; i++)
        column->values[g_array_index (targets, gsize, i)] = NAN;
      return;
    }

  lo = hi = column->values[g_array_index (population, gsize, 0)];
  for (gsize i = 0; i < n; i++)
    {
      sorted[i] = column->values[g_array_index (population, gsize, i)];
      mean += sorted[i];
      lo = MIN (lo, sorted[i]);
      hi = MAX (hi, sorted[i]);
    }
  mean /= n;
  for (gsize i = 0; i < n; i++)
    var += (sorted[i] - mean) * (sorted[i] - mean);
  sd = n > 1 ? sqrt (var / (n - 1)) : 0.0;
  /* Only ranks need the values in order. */
  if (normalisation == DISTRETTO_NORMALISATION_RANK && n > 1)
    qsort (sorted, n, sizeof (double), compare_doubles);

  if (normalisation == DISTRETTO_NORMALISATION_GOALPOSTS &&
      !distretto_sub_indicator_get_goalposts (column->sub, &lower, &upper))
    normalisation = DISTRETTO_NORMALISATION_MIN_MAX;
  if (normalisation == DISTRETTO_NORMALISATION_DISTANCE_TO_EU)
    references = eu_references (self, column, population);

  for (guint i = 0; i < targets->len; i++)
    {
      gsize cell = g_array_index (targets, gsize, i);
      double v = column->values[cell], score;

      switch (normalisation)
        {
        case DISTRETTO_NORMALISATION_RANK:
          {
            gsize below = count_below (sorted, n, v, FALSE);
            gsize equal = count_below (sorted, n, v, TRUE) - below;

            score = n > 1 ? 100.0 * (below + 0.5 * equal - 0.5) / (n - 1) : 50.0;
            score = CLAMP (score, 0.0, 100.0);
          }
          break;

        case DISTRETTO_NORMALISATION_GOALPOSTS:
          score = CLAMP (100.0 * (v - lower) / (upper - lower), 0.0, 100.0);
          break;

        case DISTRETTO_NORMALISATION_Z_SCORE:
          score = sd > 0.0 ? 50.0 + 10.0 * (v - mean) / sd : 50.0;
          break;

        case DISTRETTO_NORMALISATION_DISTANCE_TO_EU:
          {
            double reference = references[cell % self->panel.n_years];

            score = reference > 0.0 ? 100.0 * v / reference : NAN;
          }
          break;

        case DISTRETTO_NORMALISATION_MIN_MAX:
        default:
          score = hi > lo ? 100.0 * (v - lo) / (hi - lo) : 50.0;
          break;
        }

      if (reversed)
        score = (normalisation == DISTRETTO_NORMALISATION_DISTANCE_TO_EU ? 200.0 : 100.0) - score;
      column->values[cell] = score;
    }

  if (!record || self->report == NULL)
    return;

  switch (normalisation)
    {
    case DISTRETTO_NORMALISATION_RANK:
      /* TRANSLATORS: a report line: sub-indicator, NUTS level, how many values */
      scale = g_strdup_printf (_("%s (NUTS %d): percentile ranks among %zu values"), column_id (column), level, n);
      break;
    case DISTRETTO_NORMALISATION_GOALPOSTS:
      /* TRANSLATORS: a report line: sub-indicator, NUTS level, the goalposts */
      scale = g_strdup_printf (_("%s (NUTS %d): goalposts %.4g and %.4g"), column_id (column), level, lower, upper);
      lo = lower;
      hi = upper;
      break;
    case DISTRETTO_NORMALISATION_Z_SCORE:
      /* TRANSLATORS: a report line: sub-indicator, NUTS level, mean, standard deviation, how many values */
      scale = g_strdup_printf (_("%s (NUTS %d): mean %.4g, standard deviation %.4g, over %zu values"),
                               column_id (column), level, mean, sd, n);
      lo = mean;
      hi = sd;
      break;
    case DISTRETTO_NORMALISATION_DISTANCE_TO_EU:
      lo = hi = references[CLAMP (self->year - self->panel.first_year, 0, self->panel.n_years - 1)];
      /* TRANSLATORS: a report line: sub-indicator, NUTS level, the reference value of the year */
      scale = g_strdup_printf (_("%s (NUTS %d): 100 is %.4g"), column_id (column), level, lo);
      break;
    case DISTRETTO_NORMALISATION_MIN_MAX:
    default:
      /* TRANSLATORS: a report line: sub-indicator, NUTS level, minimum, maximum, how many values */
      scale = g_strdup_printf (_("%s (NUTS %d): 0 is %.4g, 100 is %.4g, over %zu values"), column_id (column), level,
                               reversed ? hi : lo, reversed ? lo : hi, n);
      break;
    }

  _distretto_pipeline_report_add (self->report, DISTRETTO_PIPELINE_STEP_NORMALISATION, NULL, column_id (column),
                                  level, 0, lo, hi, g_steal_pointer (&scale), NULL);
}

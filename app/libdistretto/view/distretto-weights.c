/* distretto-weights.c: what each pillar really weighs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "distretto-weights.h"

/* Pearson's correlation of @x and @y over the pairs where both are
 * finite; NaN with fewer than 3 pairs or no spread. */
static double
correlation (const double *x,
             const double *y,
             guint         n)
{
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, cov, vx, vy;
  guint m = 0;

  for (guint i = 0; i < n; i++)
    if (isfinite (x[i]) && isfinite (y[i]))
      {
        sx += x[i];
        sy += y[i];
        m++;
      }
  if (m < 3)
    return NAN;

  sx /= m;
  sy /= m;
  for (guint i = 0; i < n; i++)
    if (isfinite (x[i]) && isfinite (y[i]))
      {
        sxx += (x[i] - sx) * (x[i] - sx);
        syy += (y[i] - sy) * (y[i] - sy);
        sxy += (x[i] - sx) * (y[i] - sy);
      }

  cov = sxy;
  vx = sxx;
  vy = syy;
  if (!(vx > 0.0) || !(vy > 0.0))
    return NAN;

  return cov / sqrt (vx * vy);
}

/**
 * distretto_weights_dup_effective:
 * @result: a module's result, with its pillars' scores as components
 * @component_ids: (array zero-terminated=1): the pillars (or components)
 * @region_codes: (array zero-terminated=1): the regions compared
 * @n_weights: (out) (optional): how many weights are returned, one per
 *   component
 *
 * The effective weights of the pillars: how much each really drives the
 * composite score across @region_codes, whatever its nominal weight. As
 * in Paruolo, Saisana and Saltelli (2013), a pillar's importance is the
 * share of the composite's variance it explains, here the square of its
 * Pearson correlation with the composite; the effective weights are
 * those importances scaled to sum to 1. A pillar without spread, or with
 * fewer than three regions scored, counts 0.
 *
 * Returns: (transfer full) (array length=n_weights): the effective
 *   weights, in the order of @component_ids; all NaN when no pillar
 *   correlates with the score
 */
double *
distretto_weights_dup_effective (DistrettoIndicatorResult *result,
                                 const char * const       *component_ids,
                                 const char * const       *region_codes,
                                 guint                    *n_weights)
{
  guint n_components, n_regions;
  g_autofree double *scores = NULL;
  g_autofree double *values = NULL;
  double *weights;
  double total = 0.0;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (result), NULL);
  g_return_val_if_fail (component_ids != NULL, NULL);
  g_return_val_if_fail (region_codes != NULL, NULL);

  n_components = g_strv_length ((char **) component_ids);
  n_regions = g_strv_length ((char **) region_codes);
  scores = g_new (double, MAX (n_regions, 1));
  values = g_new (double, MAX (n_regions, 1));
  weights = g_new (double, MAX (n_components, 1));

  for (guint r = 0; r < n_regions; r++)
    if (!distretto_indicator_result_lookup (result, region_codes[r], &scores[r], NULL))
      scores[r] = NAN;

  for (guint c = 0; c < n_components; c++)
    {
      double r;

      for (guint i = 0; i < n_regions; i++)
        values[i] = distretto_indicator_result_get_component (result, region_codes[i], component_ids[c]);
      r = correlation (values, scores, n_regions);
      weights[c] = isfinite (r) ? r * r : 0.0;
      total += weights[c];
    }

  for (guint c = 0; c < n_components; c++)
    weights[c] = total > 0.0 ? weights[c] / total : NAN;

  if (n_weights != NULL)
    *n_weights = n_components;

  return weights;
}

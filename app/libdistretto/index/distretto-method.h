/* distretto-method.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * DistrettoNormalisation:
 * @DISTRETTO_NORMALISATION_MIN_MAX: min–max to 0–100 over all regions and
 *   years (the Regional Innovation Scoreboard's panel approach)
 * @DISTRETTO_NORMALISATION_RANK: percentile rank, 0–100, over all regions
 *   and years
 *
 * How sub-indicators are brought to a common scale. Negative indicators
 * are reversed, so 100 is always best.
 */
typedef enum
{
  DISTRETTO_NORMALISATION_MIN_MAX,
  DISTRETTO_NORMALISATION_RANK,
} DistrettoNormalisation;

/**
 * DistrettoAggregation:
 * @DISTRETTO_AGGREGATION_ARITHMETIC: weighted arithmetic mean: full
 *   compensation
 * @DISTRETTO_AGGREGATION_GEOMETRIC: weighted geometric mean of (score + 1),
 *   minus 1: limited compensation, a zero does not wipe out the rest
 *
 * How scores are combined, within a pillar or across pillars.
 */
typedef enum
{
  DISTRETTO_AGGREGATION_ARITHMETIC,
  DISTRETTO_AGGREGATION_GEOMETRIC,
} DistrettoAggregation;

/**
 * DistrettoImputation:
 * @DISTRETTO_IMPUTATION_NONE: missing values stay missing
 * @DISTRETTO_IMPUTATION_COUNTRY_MEAN: a missing value is the mean of the
 *   other regions of the same country and level that year, flagged
 *   %DISTRETTO_FLAGS_IMPUTED
 *
 * How missing sub-indicator values are filled.
 */
typedef enum
{
  DISTRETTO_IMPUTATION_NONE,
  DISTRETTO_IMPUTATION_COUNTRY_MEAN,
} DistrettoImputation;

/**
 * DistrettoPerformanceGroup:
 * @DISTRETTO_PERFORMANCE_GROUP_NONE: no score, or no reference
 * @DISTRETTO_PERFORMANCE_GROUP_EMERGING: below 70% of the reference
 * @DISTRETTO_PERFORMANCE_GROUP_MODERATE: 70–100% of the reference
 * @DISTRETTO_PERFORMANCE_GROUP_STRONG: 100–125% of the reference
 * @DISTRETTO_PERFORMANCE_GROUP_LEADER: above 125% of the reference
 *
 * Performance groups as in the European and Regional Innovation
 * Scoreboards, relative to the EU aggregate when the dataset has one and
 * to the mean of the ranked regions otherwise.
 */
typedef enum
{
  DISTRETTO_PERFORMANCE_GROUP_NONE,
  DISTRETTO_PERFORMANCE_GROUP_EMERGING,
  DISTRETTO_PERFORMANCE_GROUP_MODERATE,
  DISTRETTO_PERFORMANCE_GROUP_STRONG,
  DISTRETTO_PERFORMANCE_GROUP_LEADER,
} DistrettoPerformanceGroup;

G_END_DECLS

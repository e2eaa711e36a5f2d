/* distretto-method.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DistrettoNormalisation:
 * @DISTRETTO_NORMALISATION_MIN_MAX: min–max to 0–100 over all regions and
 *   years (the Regional Innovation Scoreboard's panel approach)
 * @DISTRETTO_NORMALISATION_RANK: percentile rank, 0–100, over all regions
 *   and years
 * @DISTRETTO_NORMALISATION_GOALPOSTS: distance travelled between two fixed
 *   goalposts, such as 0% and a policy target
 *   (distretto_sub_indicator_set_goalposts()): 0 at the lower, 100 at the
 *   upper goalpost, clamped between them; a sub-indicator without
 *   goalposts is scaled min–max
 *
 * How sub-indicators are brought to a common scale. Negative indicators
 * are reversed, so 100 is always best.
 */
typedef enum
{
  DISTRETTO_NORMALISATION_MIN_MAX,
  DISTRETTO_NORMALISATION_RANK,
  DISTRETTO_NORMALISATION_GOALPOSTS,
} DistrettoNormalisation;

/**
 * DistrettoTransform:
 * @DISTRETTO_TRANSFORM_NONE: the value as it is
 * @DISTRETTO_TRANSFORM_LOCATION_QUOTIENT: the value divided by that of the
 *   reference region in the same year: the EU aggregate (`EU27_2020`,
 *   `EU28`…) when the dataset has it, else the mean of the regions of the
 *   same NUTS level. A share of employment becomes a location quotient,
 *   1 where the region matches the EU
 *
 * What is done to a sub-indicator's value before it is normalised.
 */
typedef enum
{
  DISTRETTO_TRANSFORM_NONE,
  DISTRETTO_TRANSFORM_LOCATION_QUOTIENT,
} DistrettoTransform;

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

#define DISTRETTO_TYPE_METHOD (distretto_method_get_type ())

/**
 * DistrettoMethod:
 *
 * The method of a composite indicator, as one value the host can vary:
 * normalisation, aggregation within and across pillars, imputation, how
 * many years a value may be carried forward, and whether the regions
 * compared lie in one country. A definition gives its declared method
 * (distretto_indicator_definition_dup_method()); the window or a
 * sensitivity analysis changes a copy and computes with it
 * (distretto_indicator_compute_with_method()).
 */
typedef struct _DistrettoMethod DistrettoMethod;

GType                   distretto_method_get_type           (void) G_GNUC_CONST;
DistrettoMethod        *distretto_method_new                (void);
DistrettoMethod        *distretto_method_copy               (const DistrettoMethod  *self);
void                    distretto_method_free               (DistrettoMethod        *self);
DistrettoNormalisation  distretto_method_get_normalisation  (const DistrettoMethod  *self);
void                    distretto_method_set_normalisation  (DistrettoMethod        *self,
                                                             DistrettoNormalisation  normalisation);
DistrettoAggregation    distretto_method_get_within_pillars (const DistrettoMethod  *self);
void                    distretto_method_set_within_pillars (DistrettoMethod        *self,
                                                             DistrettoAggregation    aggregation);
DistrettoAggregation    distretto_method_get_across_pillars (const DistrettoMethod  *self);
void                    distretto_method_set_across_pillars (DistrettoMethod        *self,
                                                             DistrettoAggregation    aggregation);
DistrettoImputation     distretto_method_get_imputation     (const DistrettoMethod  *self);
void                    distretto_method_set_imputation     (DistrettoMethod        *self,
                                                             DistrettoImputation     imputation);
guint                   distretto_method_get_carry_forward  (const DistrettoMethod  *self);
void                    distretto_method_set_carry_forward  (DistrettoMethod        *self,
                                                             guint                   years);
gboolean                distretto_method_get_within_country (const DistrettoMethod  *self);
void                    distretto_method_set_within_country (DistrettoMethod        *self,
                                                             gboolean                within_country);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DistrettoMethod, distretto_method_free)

G_END_DECLS

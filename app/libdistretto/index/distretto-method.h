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
 * @DISTRETTO_NORMALISATION_MIN_MAX: min–max to 0–100 over the regions of
 *   the level and every year (the Regional Innovation Scoreboard's panel
 *   approach)
 * @DISTRETTO_NORMALISATION_RANK: percentile rank, 0–100, over the regions
 *   of the level and every year
 * @DISTRETTO_NORMALISATION_GOALPOSTS: distance travelled between two fixed
 *   goalposts, such as 0% and a policy target
 *   (distretto_sub_indicator_set_goalposts()): 0 at the lower, 100 at the
 *   upper goalpost, clamped between them; a sub-indicator without
 *   goalposts is scaled min–max
 * @DISTRETTO_NORMALISATION_Z_SCORE: standard scores over the regions of the
 *   level and every year, as 50 + 10 z (mean 50, standard deviation 10,
 *   with the sample standard deviation), so they share the centre of the
 *   0–100 scales and aggregate geometrically
 * @DISTRETTO_NORMALISATION_DISTANCE_TO_EU: the value as a percentage of
 *   the EU aggregate's value in the same year (the mean of the level's
 *   regions when the dataset has no EU aggregate): 100 is the EU
 *
 * How sub-indicators are brought to a common scale. Scales are set per
 * NUTS level: the regions of one level, over every year, never those of
 * another level. Negative indicators are reversed, so more is always
 * better: 100 − score, and 200 − score for the distance to the EU.
 */
typedef enum
{
  DISTRETTO_NORMALISATION_MIN_MAX,
  DISTRETTO_NORMALISATION_RANK,
  DISTRETTO_NORMALISATION_GOALPOSTS,
  DISTRETTO_NORMALISATION_Z_SCORE,
  DISTRETTO_NORMALISATION_DISTANCE_TO_EU,
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
 *   minus 1: limited compensation. The zero rule: a score of 0 counts as
 *   1 in the product, so one zero lowers the result without wiping out
 *   the rest (a plain geometric mean would be 0); scores below 0 (a
 *   z-score under −5 standard deviations) count as 0
 *
 * How scores are combined, within a pillar or across pillars. Either
 * needs 2/3 of the weight present: a pillar with less is missing, an
 * index with less has no score.
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
 * @DISTRETTO_IMPUTATION_COUNTRY_MEDIAN: as the country mean, with the
 *   median of those regions
 *
 * How missing sub-indicator values are filled. Regions screened out
 * (distretto_method_set_screening()) are neither filled nor used to fill
 * others.
 */
typedef enum
{
  DISTRETTO_IMPUTATION_NONE,
  DISTRETTO_IMPUTATION_COUNTRY_MEAN,
  DISTRETTO_IMPUTATION_COUNTRY_MEDIAN,
} DistrettoImputation;

/**
 * DistrettoOutlierTreatment:
 * @DISTRETTO_OUTLIER_TREATMENT_NONE: values are used as they are
 * @DISTRETTO_OUTLIER_TREATMENT_WINSORISE: the OECD/JRC treatment (COINr's
 *   `qTreat` defaults): a sub-indicator whose skewness (Excel's, e1071
 *   type 2) is 2 or more in absolute value and whose excess kurtosis is
 *   3.5 or more has its most extreme value, on the side of the skew,
 *   replaced by the next one, up to 5 values (flagged
 *   %DISTRETTO_FLAGS_WINSORISED); if that is not enough, the original
 *   values are log-transformed instead: log (x − min + (max − min) / 100)
 * @DISTRETTO_OUTLIER_TREATMENT_SQUARE_ROOT: the European and Regional
 *   Innovation Scoreboards' treatment: a sub-indicator whose skewness is
 *   above 1 in absolute value is square-rooted, and values more than 3
 *   standard deviations from the mean are left out of the scale's minimum
 *   and maximum (pulled in to them, flagged %DISTRETTO_FLAGS_WINSORISED)
 *
 * How outliers are treated before normalisation, over the regions of one
 * level and every year (the population the scale is set on).
 */
typedef enum
{
  DISTRETTO_OUTLIER_TREATMENT_NONE,
  DISTRETTO_OUTLIER_TREATMENT_WINSORISE,
  DISTRETTO_OUTLIER_TREATMENT_SQUARE_ROOT,
} DistrettoOutlierTreatment;

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
 * to the mean of the ranked regions otherwise. A value on a boundary
 * belongs to the group above, except 125%, which is Strong (Leaders are
 * "above 125%").
 */
typedef enum
{
  DISTRETTO_PERFORMANCE_GROUP_NONE,
  DISTRETTO_PERFORMANCE_GROUP_EMERGING,
  DISTRETTO_PERFORMANCE_GROUP_MODERATE,
  DISTRETTO_PERFORMANCE_GROUP_STRONG,
  DISTRETTO_PERFORMANCE_GROUP_LEADER,
} DistrettoPerformanceGroup;

/**
 * DistrettoPerformanceSubgroup:
 * @DISTRETTO_PERFORMANCE_SUBGROUP_NONE: no group
 * @DISTRETTO_PERFORMANCE_SUBGROUP_MINUS: the lowest third of the group
 * @DISTRETTO_PERFORMANCE_SUBGROUP_MIDDLE: the middle third
 * @DISTRETTO_PERFORMANCE_SUBGROUP_PLUS: the highest third
 *
 * The Regional Innovation Scoreboard 2021's subgroups, by the index
 * relative to the EU (EU = 100): Leaders − from 125, middle from 134.9,
 * + above 144.8; Strong − from 100, middle from 108.3, + from 116.7;
 * Moderate − from 70, middle from 80, + from 90; Emerging − below 34.1,
 * middle from 34.1, + from 52.1.
 */
typedef enum
{
  DISTRETTO_PERFORMANCE_SUBGROUP_NONE,
  DISTRETTO_PERFORMANCE_SUBGROUP_MINUS,
  DISTRETTO_PERFORMANCE_SUBGROUP_MIDDLE,
  DISTRETTO_PERFORMANCE_SUBGROUP_PLUS,
} DistrettoPerformanceSubgroup;

#define DISTRETTO_TYPE_METHOD (distretto_method_get_type ())

/**
 * DistrettoMethod:
 *
 * The method of a composite indicator, as one value the host can vary:
 * the coverage a region needs, how many years a value may be carried
 * forward, imputation, outlier treatment, normalisation, weights,
 * aggregation within and across pillars, the NUTS level compared, and
 * whether the regions compared lie in one country. A definition gives its
 * declared method (distretto_indicator_definition_dup_method()); the
 * window or a sensitivity analysis changes a copy and computes with it
 * (distretto_indicator_compute_with_method(), distretto_index_compute()).
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
double                  distretto_method_get_screening      (const DistrettoMethod  *self);
void                    distretto_method_set_screening      (DistrettoMethod        *self,
                                                             double                  share);
DistrettoOutlierTreatment distretto_method_get_outlier_treatment (const DistrettoMethod *self);
void                    distretto_method_set_outlier_treatment (DistrettoMethod     *self,
                                                                DistrettoOutlierTreatment treatment);
int                     distretto_method_get_level          (const DistrettoMethod  *self);
void                    distretto_method_set_level          (DistrettoMethod        *self,
                                                             int                     level);
double                  distretto_method_get_weight         (const DistrettoMethod  *self,
                                                             const char             *component_id,
                                                             double                  declared);
void                    distretto_method_set_weight         (DistrettoMethod        *self,
                                                             const char             *component_id,
                                                             double                  weight);
char                  **distretto_method_dup_weighted_ids   (const DistrettoMethod  *self);
gboolean                distretto_method_equal              (const DistrettoMethod  *self,
                                                             const DistrettoMethod  *other);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DistrettoMethod, distretto_method_free)

G_END_DECLS

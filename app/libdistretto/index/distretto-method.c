/* distretto-method.c: the method of a composite indicator, as a value
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-method.h"

/* Values may be this many years old by default (docs/indicators.md:
 * "data may lag up to 2 years, carried forward and flagged"). */
#define DEFAULT_CARRY_FORWARD 2

struct _DistrettoMethod
{
  DistrettoNormalisation normalisation;
  DistrettoAggregation within_pillars;
  DistrettoAggregation across_pillars;
  DistrettoImputation imputation;
  guint carry_forward;
  gboolean within_country;
};

G_DEFINE_BOXED_TYPE (DistrettoMethod, distretto_method, distretto_method_copy, distretto_method_free)

/**
 * distretto_method_new:
 *
 * The defaults of the OECD/JRC Handbook as the Regional Innovation
 * Scoreboard applies them: min–max normalisation, arithmetic mean within
 * pillars, geometric mean across them, the country mean for missing
 * values, values carried forward up to 2 years, regions of several
 * countries.
 *
 * Returns: (transfer full): a new #DistrettoMethod
 */
DistrettoMethod *
distretto_method_new (void)
{
  DistrettoMethod *self = g_new0 (DistrettoMethod, 1);

  self->normalisation = DISTRETTO_NORMALISATION_MIN_MAX;
  self->within_pillars = DISTRETTO_AGGREGATION_ARITHMETIC;
  self->across_pillars = DISTRETTO_AGGREGATION_GEOMETRIC;
  self->imputation = DISTRETTO_IMPUTATION_COUNTRY_MEAN;
  self->carry_forward = DEFAULT_CARRY_FORWARD;

  return self;
}

/**
 * distretto_method_copy:
 * @self: a #DistrettoMethod
 *
 * Returns: (transfer full): a copy of @self
 */
DistrettoMethod *
distretto_method_copy (const DistrettoMethod *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

/**
 * distretto_method_free:
 * @self: a #DistrettoMethod
 *
 * Frees @self.
 */
void
distretto_method_free (DistrettoMethod *self)
{
  g_free (self);
}

/**
 * distretto_method_get_normalisation:
 * @self: a #DistrettoMethod
 *
 * Returns: how sub-indicators are normalised
 */
DistrettoNormalisation
distretto_method_get_normalisation (const DistrettoMethod *self)
{
  g_return_val_if_fail (self != NULL, DISTRETTO_NORMALISATION_MIN_MAX);
  return self->normalisation;
}

/**
 * distretto_method_set_normalisation:
 * @self: a #DistrettoMethod
 * @normalisation: how sub-indicators are normalised
 *
 * Sets the normalisation.
 */
void
distretto_method_set_normalisation (DistrettoMethod        *self,
                                    DistrettoNormalisation  normalisation)
{
  g_return_if_fail (self != NULL);
  self->normalisation = normalisation;
}

/**
 * distretto_method_get_within_pillars:
 * @self: a #DistrettoMethod
 *
 * Returns: how sub-indicators combine into a pillar
 */
DistrettoAggregation
distretto_method_get_within_pillars (const DistrettoMethod *self)
{
  g_return_val_if_fail (self != NULL, DISTRETTO_AGGREGATION_ARITHMETIC);
  return self->within_pillars;
}

/**
 * distretto_method_set_within_pillars:
 * @self: a #DistrettoMethod
 * @aggregation: how sub-indicators combine into a pillar
 *
 * Sets the aggregation within pillars.
 */
void
distretto_method_set_within_pillars (DistrettoMethod      *self,
                                     DistrettoAggregation  aggregation)
{
  g_return_if_fail (self != NULL);
  self->within_pillars = aggregation;
}

/**
 * distretto_method_get_across_pillars:
 * @self: a #DistrettoMethod
 *
 * Returns: how pillars combine into the index
 */
DistrettoAggregation
distretto_method_get_across_pillars (const DistrettoMethod *self)
{
  g_return_val_if_fail (self != NULL, DISTRETTO_AGGREGATION_GEOMETRIC);
  return self->across_pillars;
}

/**
 * distretto_method_set_across_pillars:
 * @self: a #DistrettoMethod
 * @aggregation: how pillars combine into the index
 *
 * Sets the aggregation across pillars.
 */
void
distretto_method_set_across_pillars (DistrettoMethod      *self,
                                     DistrettoAggregation  aggregation)
{
  g_return_if_fail (self != NULL);
  self->across_pillars = aggregation;
}

/**
 * distretto_method_get_imputation:
 * @self: a #DistrettoMethod
 *
 * Returns: how missing values are filled
 */
DistrettoImputation
distretto_method_get_imputation (const DistrettoMethod *self)
{
  g_return_val_if_fail (self != NULL, DISTRETTO_IMPUTATION_NONE);
  return self->imputation;
}

/**
 * distretto_method_set_imputation:
 * @self: a #DistrettoMethod
 * @imputation: how missing values are filled
 *
 * Sets the imputation.
 */
void
distretto_method_set_imputation (DistrettoMethod     *self,
                                 DistrettoImputation  imputation)
{
  g_return_if_fail (self != NULL);
  self->imputation = imputation;
}

/**
 * distretto_method_get_carry_forward:
 * @self: a #DistrettoMethod
 *
 * Returns: how many years a value may be carried forward to a year
 *   without one
 */
guint
distretto_method_get_carry_forward (const DistrettoMethod *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->carry_forward;
}

/**
 * distretto_method_set_carry_forward:
 * @self: a #DistrettoMethod
 * @years: how many years a value may be carried forward; 0 for none
 *
 * A region without a value in a year takes its latest value of the
 * @years before, flagged %DISTRETTO_FLAGS_CARRIED_FORWARD, so tables
 * that end in different years still combine.
 */
void
distretto_method_set_carry_forward (DistrettoMethod *self,
                                    guint            years)
{
  g_return_if_fail (self != NULL);
  self->carry_forward = years;
}

/**
 * distretto_method_get_within_country:
 * @self: a #DistrettoMethod
 *
 * Returns: whether the regions compared lie in one country
 */
gboolean
distretto_method_get_within_country (const DistrettoMethod *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->within_country;
}

/**
 * distretto_method_set_within_country:
 * @self: a #DistrettoMethod
 * @within_country: whether the regions compared lie in one country
 *
 * Within one country, sub-indicators published only for countries
 * (#DistrettoSubIndicator:national-frame) are the same for every region
 * and tell them apart by nothing: they get weight 0. The pipeline also
 * does so by itself when every region of the dataset lies in one
 * country.
 */
void
distretto_method_set_within_country (DistrettoMethod *self,
                                     gboolean         within_country)
{
  g_return_if_fail (self != NULL);
  self->within_country = !!within_country;
}

/* distretto-method.c: the method of a composite indicator, as a value
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "distretto-index-private.h"

/* Values may be this many years old by default (docs/indicators.md:
 * "data may lag up to 2 years, carried forward and flagged"). */
#define DEFAULT_CARRY_FORWARD 2

/* A region needs this share of its sub-indicators (COINr's Screen, the
 * OECD/JRC handbook's 2/3). */
#define DEFAULT_SCREENING (2.0 / 3.0)

struct _DistrettoMethod
{
  DistrettoNormalisation normalisation;
  DistrettoAggregation within_pillars;
  DistrettoAggregation across_pillars;
  DistrettoImputation imputation;
  DistrettoOutlierTreatment outliers;
  guint carry_forward;
  gboolean within_country;
  double screening;
  int level;
  GHashTable *weights;    /* component id → double *, or NULL */
};

G_DEFINE_BOXED_TYPE (DistrettoMethod, distretto_method, distretto_method_copy, distretto_method_free)

/**
 * distretto_method_new:
 *
 * The defaults of the OECD/JRC Handbook as the Regional Innovation
 * Scoreboard applies them: regions with at least 2/3 of their data,
 * values carried forward up to 2 years, the country mean for missing
 * values, outliers winsorised (or log-transformed), min–max normalisation
 * per NUTS level, the declared weights, arithmetic mean within pillars,
 * geometric mean across them, NUTS 2 regions compared, regions of several
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
  self->outliers = DISTRETTO_OUTLIER_TREATMENT_WINSORISE;
  self->carry_forward = DEFAULT_CARRY_FORWARD;
  self->screening = DEFAULT_SCREENING;
  self->level = 2;

  return self;
}

static GHashTable *
new_weights (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
  DistrettoMethod *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->weights = NULL;
  if (self->weights != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      copy->weights = new_weights ();
      g_hash_table_iter_init (&iter, self->weights);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (copy->weights, g_strdup (key), g_memdup2 (value, sizeof (double)));
    }

  return copy;
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
  if (self == NULL)
    return;

  g_clear_pointer (&self->weights, g_hash_table_unref);
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

/**
 * distretto_method_get_screening:
 * @self: a #DistrettoMethod
 *
 * Returns: the share of its sub-indicators a region needs in a year to
 *   be scored
 */
double
distretto_method_get_screening (const DistrettoMethod *self)
{
  g_return_val_if_fail (self != NULL, DEFAULT_SCREENING);
  return self->screening;
}

/**
 * distretto_method_set_screening:
 * @self: a #DistrettoMethod
 * @share: between 0 and 1; 0 scores every region with any data
 *
 * Screening, the first step: a region whose values (carried forward
 * included, as a lag is not a gap) cover less than @share of the
 * sub-indicators in a year is left out that year, listed as screened out:
 * no imputation, no score, no rank, no group. Sub-indicators the dataset
 * does not have at all, and those that weigh 0, do not count. The default
 * is 2/3.
 */
void
distretto_method_set_screening (DistrettoMethod *self,
                                double           share)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (share >= 0.0 && share <= 1.0);
  self->screening = share;
}

/**
 * distretto_method_get_outlier_treatment:
 * @self: a #DistrettoMethod
 *
 * Returns: how outliers are treated
 */
DistrettoOutlierTreatment
distretto_method_get_outlier_treatment (const DistrettoMethod *self)
{
  g_return_val_if_fail (self != NULL, DISTRETTO_OUTLIER_TREATMENT_NONE);
  return self->outliers;
}

/**
 * distretto_method_set_outlier_treatment:
 * @self: a #DistrettoMethod
 * @treatment: how outliers are treated
 *
 * Sets the outlier treatment; the default is
 * %DISTRETTO_OUTLIER_TREATMENT_WINSORISE.
 */
void
distretto_method_set_outlier_treatment (DistrettoMethod           *self,
                                        DistrettoOutlierTreatment  treatment)
{
  g_return_if_fail (self != NULL);
  self->outliers = treatment;
}

/**
 * distretto_method_get_level:
 * @self: a #DistrettoMethod
 *
 * Returns: the NUTS level compared, 0 to 3
 */
int
distretto_method_get_level (const DistrettoMethod *self)
{
  g_return_val_if_fail (self != NULL, 2);
  return self->level;
}

/**
 * distretto_method_set_level:
 * @self: a #DistrettoMethod
 * @level: a NUTS level, 0 to 3
 *
 * The level whose regions are compared (2 by default). Every level is
 * scored on a scale of its own, so adding a region of another level
 * changes nothing; the level compared decides on which scale aggregates
 * such as the EU are scored, and so the reference of
 * distretto_indicator_result_get_reference().
 */
void
distretto_method_set_level (DistrettoMethod *self,
                            int              level)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (level >= 0 && level <= 3);
  self->level = level;
}

/**
 * distretto_method_get_weight:
 * @self: a #DistrettoMethod
 * @component_id: a pillar's or a sub-indicator's id
 * @declared: the weight the definition declares
 *
 * Returns: the weight set with distretto_method_set_weight(), else
 *   @declared
 */
double
distretto_method_get_weight (const DistrettoMethod *self,
                             const char            *component_id,
                             double                 declared)
{
  const double *weight;

  g_return_val_if_fail (self != NULL, declared);
  g_return_val_if_fail (component_id != NULL, declared);

  if (self->weights == NULL)
    return declared;

  weight = g_hash_table_lookup (self->weights, component_id);
  return weight != NULL ? *weight : declared;
}

/**
 * distretto_method_set_weight:
 * @self: a #DistrettoMethod
 * @component_id: a pillar's or a sub-indicator's id
 * @weight: its weight, 0 or more; NaN goes back to the declared weight
 *
 * Overrides the declared weight of a pillar or sub-indicator: 0 leaves it
 * out (a remove-one test), other values change its share of the
 * aggregate.
 */
void
distretto_method_set_weight (DistrettoMethod *self,
                             const char      *component_id,
                             double           weight)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (component_id != NULL);
  g_return_if_fail (isnan (weight) || weight >= 0.0);

  if (isnan (weight))
    {
      if (self->weights != NULL)
        g_hash_table_remove (self->weights, component_id);
      return;
    }

  if (self->weights == NULL)
    self->weights = new_weights ();
  g_hash_table_replace (self->weights, g_strdup (component_id), g_memdup2 (&weight, sizeof weight));
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * distretto_method_dup_weighted_ids:
 * @self: a #DistrettoMethod
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids whose
 *   weight distretto_method_set_weight() overrides, sorted
 */
char **
distretto_method_dup_weighted_ids (const DistrettoMethod *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, NULL);

  if (self->weights != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->weights);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (ids, g_strdup (key));
    }
  if (ids->len > 1)
    qsort (ids->pdata, ids->len, sizeof (gpointer), compare_strings);
  g_ptr_array_add (ids, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/* Every parameter in one string: equal methods give equal keys. */
char *
_distretto_method_dup_key (const DistrettoMethod *self)
{
  g_auto(GStrv) ids = distretto_method_dup_weighted_ids (self);
  GString *key = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (key, "n%d w%d a%d i%d o%d c%u u%d l%d s%s", self->normalisation, self->within_pillars,
                          self->across_pillars, self->imputation, self->outliers, self->carry_forward,
                          self->within_country, self->level,
                          g_ascii_dtostr (number, sizeof number, self->screening));
  for (guint i = 0; ids[i] != NULL; i++)
    g_string_append_printf (key, " %s=%s", ids[i],
                            g_ascii_dtostr (number, sizeof number, distretto_method_get_weight (self, ids[i], 0.0)));

  return g_string_free (key, FALSE);
}

/**
 * distretto_method_equal:
 * @self: a #DistrettoMethod
 * @other: another #DistrettoMethod
 *
 * Returns: whether both give the same scores: every parameter and every
 *   weight set are equal
 */
gboolean
distretto_method_equal (const DistrettoMethod *self,
                        const DistrettoMethod *other)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  a = _distretto_method_dup_key (self);
  b = _distretto_method_dup_key (other);
  return g_str_equal (a, b);
}

/* distretto-indicator-definition.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "distretto-enums.h"
#include "distretto-indicator.h"
#include "distretto-indicator-definition.h"

/**
 * DistrettoIndicatorDefinition:
 *
 * What an indicator module declares about itself: a stable id, a title
 * and description for people, the unit of its scores and the dataset
 * series it needs. Python plugins build one with keyword arguments:
 * `Distretto.IndicatorDefinition(id="kibs", title=_("KIBS share"))`.
 */
struct _DistrettoIndicatorDefinition
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  char *unit;
  GStrv required_series;
  DistrettoDirection direction;
  char *category;
  DistrettoNormalisation normalisation;
  DistrettoAggregation within_pillars;
  DistrettoAggregation across_pillars;
  DistrettoImputation imputation;
  guint carry_forward;
  char *method_note;
  GStrv references;
  GPtrArray *pillars;
  GPtrArray *views;          /* id, title, id, title… */
  GPtrArray *components;     /* id, title, id, title… */
  DistrettoUncertaintySpec *uncertainty;  /* or NULL for the defaults */
  GPtrArray *structural_variables;   /* DistrettoSubIndicator, for peers */
};

G_DEFINE_FINAL_TYPE (DistrettoIndicatorDefinition, distretto_indicator_definition, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_UNIT,
  PROP_REQUIRED_SERIES,
  PROP_DIRECTION,
  PROP_CATEGORY,
  PROP_NORMALISATION,
  PROP_WITHIN_PILLARS,
  PROP_ACROSS_PILLARS,
  PROP_IMPUTATION,
  PROP_CARRY_FORWARD,
  PROP_METHOD_NOTE,
  PROP_REFERENCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
distretto_indicator_definition_finalize (GObject *object)
{
  DistrettoIndicatorDefinition *self = (DistrettoIndicatorDefinition *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->required_series, g_strfreev);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->method_note, g_free);
  g_clear_pointer (&self->references, g_strfreev);
  g_clear_pointer (&self->pillars, g_ptr_array_unref);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->components, g_ptr_array_unref);
  g_clear_pointer (&self->uncertainty, distretto_uncertainty_spec_free);
  g_clear_pointer (&self->structural_variables, g_ptr_array_unref);

  G_OBJECT_CLASS (distretto_indicator_definition_parent_class)->finalize (object);
}

static void
distretto_indicator_definition_get_property (GObject    *object,
                                             guint       prop_id,
                                             GValue     *value,
                                             GParamSpec *pspec)
{
  DistrettoIndicatorDefinition *self = DISTRETTO_INDICATOR_DEFINITION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_REQUIRED_SERIES:
      g_value_set_boxed (value, self->required_series);
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_NORMALISATION:
      g_value_set_enum (value, self->normalisation);
      break;

    case PROP_WITHIN_PILLARS:
      g_value_set_enum (value, self->within_pillars);
      break;

    case PROP_ACROSS_PILLARS:
      g_value_set_enum (value, self->across_pillars);
      break;

    case PROP_IMPUTATION:
      g_value_set_enum (value, self->imputation);
      break;

    case PROP_CARRY_FORWARD:
      g_value_set_uint (value, self->carry_forward);
      break;

    case PROP_METHOD_NOTE:
      g_value_set_string (value, self->method_note);
      break;

    case PROP_REFERENCES:
      g_value_set_boxed (value, self->references);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_indicator_definition_set_property (GObject      *object,
                                             guint         prop_id,
                                             const GValue *value,
                                             GParamSpec   *pspec)
{
  DistrettoIndicatorDefinition *self = DISTRETTO_INDICATOR_DEFINITION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_DESCRIPTION:
      distretto_indicator_definition_set_description (self, g_value_get_string (value));
      break;

    case PROP_UNIT:
      distretto_indicator_definition_set_unit (self, g_value_get_string (value));
      break;

    case PROP_REQUIRED_SERIES:
      distretto_indicator_definition_set_required_series (self, g_value_get_boxed (value));
      break;

    case PROP_DIRECTION:
      self->direction = g_value_get_enum (value);
      break;

    case PROP_CATEGORY:
      self->category = g_value_dup_string (value);
      break;

    case PROP_NORMALISATION:
      self->normalisation = g_value_get_enum (value);
      break;

    case PROP_WITHIN_PILLARS:
      self->within_pillars = g_value_get_enum (value);
      break;

    case PROP_ACROSS_PILLARS:
      self->across_pillars = g_value_get_enum (value);
      break;

    case PROP_IMPUTATION:
      self->imputation = g_value_get_enum (value);
      break;

    case PROP_CARRY_FORWARD:
      self->carry_forward = g_value_get_uint (value);
      break;

    case PROP_METHOD_NOTE:
      self->method_note = g_value_dup_string (value);
      break;

    case PROP_REFERENCES:
      self->references = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_indicator_definition_class_init (DistrettoIndicatorDefinitionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = distretto_indicator_definition_finalize;
  object_class->get_property = distretto_indicator_definition_get_property;
  object_class->set_property = distretto_indicator_definition_set_property;

  /**
   * DistrettoIndicatorDefinition:id:
   *
   * A stable identifier, used on the command line (`--module ID`).
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoIndicatorDefinition:title:
   *
   * The translated title shown to people.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoIndicatorDefinition:description:
   *
   * A translated sentence saying what the indicator measures.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoIndicatorDefinition:unit:
   *
   * The translated unit of the scores, such as "% of employment".
   */
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoIndicatorDefinition:required-series:
   *
   * The codes of the dataset series the indicator is computed from.
   */
  properties[PROP_REQUIRED_SERIES] =
    g_param_spec_boxed ("required-series", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoIndicatorDefinition:direction:
   *
   * Whether a higher score is better.
   */
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, DISTRETTO_TYPE_DIRECTION, DISTRETTO_DIRECTION_POSITIVE,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoIndicatorDefinition:category:
   *
   * A category for grouping modules, such as "industry" or "digital".
   */
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoIndicatorDefinition:normalisation:
   *
   * How sub-indicators are normalised; min–max by default.
   */
  properties[PROP_NORMALISATION] =
    g_param_spec_enum ("normalisation", NULL, NULL, DISTRETTO_TYPE_NORMALISATION, DISTRETTO_NORMALISATION_MIN_MAX,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoIndicatorDefinition:within-pillars:
   *
   * How sub-indicators combine into a pillar; arithmetic by default.
   */
  properties[PROP_WITHIN_PILLARS] =
    g_param_spec_enum ("within-pillars", NULL, NULL, DISTRETTO_TYPE_AGGREGATION, DISTRETTO_AGGREGATION_ARITHMETIC,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoIndicatorDefinition:across-pillars:
   *
   * How pillars combine into the index; geometric by default.
   */
  properties[PROP_ACROSS_PILLARS] =
    g_param_spec_enum ("across-pillars", NULL, NULL, DISTRETTO_TYPE_AGGREGATION, DISTRETTO_AGGREGATION_GEOMETRIC,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoIndicatorDefinition:imputation:
   *
   * How missing values are filled; the country mean by default.
   */
  properties[PROP_IMPUTATION] =
    g_param_spec_enum ("imputation", NULL, NULL, DISTRETTO_TYPE_IMPUTATION, DISTRETTO_IMPUTATION_COUNTRY_MEAN,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoIndicatorDefinition:carry-forward:
   *
   * How many years a sub-indicator's value may be carried forward to a
   * year without one, flagged %DISTRETTO_FLAGS_CARRIED_FORWARD; 2 by
   * default, 0 for none.
   */
  properties[PROP_CARRY_FORWARD] =
    g_param_spec_uint ("carry-forward", NULL, NULL, 0, 100, 2,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoIndicatorDefinition:method-note:
   *
   * The method in plain, translated language, for people reading the chart.
   */
  properties[PROP_METHOD_NOTE] =
    g_param_spec_string ("method-note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoIndicatorDefinition:references:
   *
   * The papers and handbooks behind the method.
   */
  properties[PROP_REFERENCES] =
    g_param_spec_boxed ("references", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
distretto_indicator_definition_init (DistrettoIndicatorDefinition *self)
{
  self->required_series = g_new0 (char *, 1);
  self->across_pillars = DISTRETTO_AGGREGATION_GEOMETRIC;
  self->imputation = DISTRETTO_IMPUTATION_COUNTRY_MEAN;
  self->carry_forward = 2;
  self->pillars = g_ptr_array_new_with_free_func (g_object_unref);
  self->views = g_ptr_array_new_with_free_func (g_free);
  self->components = g_ptr_array_new_with_free_func (g_free);
  self->structural_variables = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * distretto_indicator_definition_new:
 * @id: a stable identifier
 * @title: the translated title
 *
 * Returns: (transfer full): a new definition
 */
DistrettoIndicatorDefinition *
distretto_indicator_definition_new (const char *id,
                                    const char *title)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (DISTRETTO_TYPE_INDICATOR_DEFINITION, "id", id, "title", title, NULL);
}

/**
 * distretto_indicator_definition_get_id:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: (nullable): the identifier
 */
const char *
distretto_indicator_definition_get_id (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);

  return self->id;
}

/**
 * distretto_indicator_definition_get_title:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: (nullable): the translated title
 */
const char *
distretto_indicator_definition_get_title (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);

  return self->title;
}

/**
 * distretto_indicator_definition_get_description:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: (nullable): the translated description
 */
const char *
distretto_indicator_definition_get_description (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);

  return self->description;
}

/**
 * distretto_indicator_definition_set_description:
 * @self: a #DistrettoIndicatorDefinition
 * @description: (nullable): a translated description
 *
 * Sets what the indicator measures, in one sentence.
 */
void
distretto_indicator_definition_set_description (DistrettoIndicatorDefinition *self,
                                                const char                   *description)
{
  g_return_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * distretto_indicator_definition_get_unit:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: (nullable): the translated unit
 */
const char *
distretto_indicator_definition_get_unit (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);

  return self->unit;
}

/**
 * distretto_indicator_definition_set_unit:
 * @self: a #DistrettoIndicatorDefinition
 * @unit: (nullable): a translated unit
 *
 * Sets the unit of the scores.
 */
void
distretto_indicator_definition_set_unit (DistrettoIndicatorDefinition *self,
                                         const char                   *unit)
{
  g_return_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self));

  if (g_strcmp0 (self->unit, unit) == 0)
    return;

  g_free (self->unit);
  self->unit = g_strdup (unit);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

/**
 * distretto_indicator_definition_get_required_series:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: (transfer none) (array zero-terminated=1): the series codes
 */
const char * const *
distretto_indicator_definition_get_required_series (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);

  return (const char * const *) self->required_series;
}

/**
 * distretto_indicator_definition_set_required_series:
 * @self: a #DistrettoIndicatorDefinition
 * @series_codes: (array zero-terminated=1) (nullable): series codes
 *
 * Sets the series the indicator needs from the dataset.
 */
void
distretto_indicator_definition_set_required_series (DistrettoIndicatorDefinition *self,
                                                    const char * const           *series_codes)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self));

  if (series_codes == NULL)
    series_codes = none;

  if (g_strv_equal ((const char * const *) self->required_series, series_codes))
    return;

  g_strfreev (self->required_series);
  self->required_series = g_strdupv ((char **) series_codes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIRED_SERIES]);
}

/**
 * distretto_indicator_definition_get_direction:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: whether a higher score is better
 */
DistrettoDirection
distretto_indicator_definition_get_direction (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), DISTRETTO_DIRECTION_POSITIVE);
  return self->direction;
}

/**
 * distretto_indicator_definition_get_category:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: (nullable): the category
 */
const char *
distretto_indicator_definition_get_category (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);
  return self->category;
}

/**
 * distretto_indicator_definition_get_normalisation:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: how sub-indicators are normalised
 */
DistrettoNormalisation
distretto_indicator_definition_get_normalisation (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), DISTRETTO_NORMALISATION_MIN_MAX);
  return self->normalisation;
}

/**
 * distretto_indicator_definition_get_within_pillars:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: how sub-indicators combine into a pillar
 */
DistrettoAggregation
distretto_indicator_definition_get_within_pillars (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), DISTRETTO_AGGREGATION_ARITHMETIC);
  return self->within_pillars;
}

/**
 * distretto_indicator_definition_get_across_pillars:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: how pillars combine into the index
 */
DistrettoAggregation
distretto_indicator_definition_get_across_pillars (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), DISTRETTO_AGGREGATION_GEOMETRIC);
  return self->across_pillars;
}

/**
 * distretto_indicator_definition_get_imputation:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: how missing values are filled
 */
DistrettoImputation
distretto_indicator_definition_get_imputation (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), DISTRETTO_IMPUTATION_NONE);
  return self->imputation;
}

/**
 * distretto_indicator_definition_get_method_note:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: (nullable): the method in plain language
 */
const char *
distretto_indicator_definition_get_method_note (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);
  return self->method_note;
}

/**
 * distretto_indicator_definition_get_references:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the references
 */
const char * const *
distretto_indicator_definition_get_references (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);
  return (const char * const *) self->references;
}

/**
 * distretto_indicator_definition_add_pillar:
 * @self: a #DistrettoIndicatorDefinition
 * @pillar: a #DistrettoPillar
 *
 * Adds a pillar. An indicator with pillars is computed by the host: see
 * distretto_index_compute().
 */
void
distretto_indicator_definition_add_pillar (DistrettoIndicatorDefinition *self,
                                           DistrettoPillar              *pillar)
{
  g_return_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self));
  g_return_if_fail (DISTRETTO_IS_PILLAR (pillar));

  g_ptr_array_add (self->pillars, g_object_ref (pillar));
}

/**
 * distretto_indicator_definition_get_n_pillars:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: the number of pillars
 */
guint
distretto_indicator_definition_get_n_pillars (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), 0);
  return self->pillars->len;
}

/**
 * distretto_indicator_definition_get_pillar:
 * @self: a #DistrettoIndicatorDefinition
 * @index: a position below distretto_indicator_definition_get_n_pillars()
 *
 * Returns: (transfer none): the pillar at @index
 */
DistrettoPillar *
distretto_indicator_definition_get_pillar (DistrettoIndicatorDefinition *self,
                                           guint                         index)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);
  g_return_val_if_fail (index < self->pillars->len, NULL);

  return g_ptr_array_index (self->pillars, index);
}

static void
add_unique (GPtrArray  *codes,
            const char *code)
{
  if (code == NULL)
    return;

  for (guint i = 0; i < codes->len; i++)
    if (g_str_equal (g_ptr_array_index (codes, i), code))
      return;

  g_ptr_array_add (codes, g_strdup (code));
}

/* The series of @sub, its factors and nested sub-indicators. */
static void
add_sub_series (GPtrArray             *codes,
                DistrettoSubIndicator *sub)
{
  add_unique (codes, distretto_sub_indicator_get_series (sub));
  add_unique (codes, distretto_sub_indicator_get_denominator (sub));

  for (guint f = 0; f < distretto_sub_indicator_get_n_factors (sub); f++)
    add_sub_series (codes, distretto_sub_indicator_get_factor (sub, f));

  for (guint p = 0; p < distretto_sub_indicator_get_n_nested_pillars (sub); p++)
    {
      DistrettoPillar *pillar = distretto_sub_indicator_get_nested_pillar (sub, p);

      for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillar); i++)
        add_sub_series (codes, distretto_pillar_get_sub_indicator (pillar, i));
    }
}

/**
 * distretto_indicator_definition_dup_all_series:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Every series the indicator reads: the required series and those of
 * every sub-indicator, numerators and denominators, factors and nested
 * sub-indicators included (not the alternatives), each once.
 *
 * Returns: (transfer full) (array zero-terminated=1): series codes
 */
char **
distretto_indicator_definition_dup_all_series (DistrettoIndicatorDefinition *self)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);

  for (guint i = 0; self->required_series[i] != NULL; i++)
    add_unique (codes, self->required_series[i]);

  for (guint p = 0; p < self->pillars->len; p++)
    {
      DistrettoPillar *pillar = g_ptr_array_index (self->pillars, p);

      for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillar); i++)
        add_sub_series (codes, distretto_pillar_get_sub_indicator (pillar, i));
    }

  g_ptr_array_set_free_func (codes, NULL);
  g_ptr_array_add (codes, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

/**
 * distretto_indicator_definition_dup_tables:
 * @self: a #DistrettoIndicatorDefinition
 *
 * The Eurostat tables the indicator reads, in lower case, each once: the
 * tables named by its required series and by the selectors of its
 * sub-indicators and their alternatives. A selector
 * `lfst_r_lfe2en2?nace_r2=C&unit=THS` or a dotted name
 * `nama_10r_2hhinc.PPCS_HAB.B6N` names its table; a plain name such as
 * `emp_total` names none.
 *
 * Returns: (transfer full) (array zero-terminated=1): table codes, such
 *   as `lfst_r_lfe2en2`; empty when the indicator names none
 */
char **
distretto_indicator_definition_dup_tables (DistrettoIndicatorDefinition *self)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);

  for (guint i = 0; self->required_series[i] != NULL; i++)
    {
      g_auto(GStrv) named = distretto_selector_dup_tables (self->required_series[i]);

      for (guint t = 0; named[t] != NULL; t++)
        {
          g_autofree char *table = g_ascii_strdown (named[t], -1);
          add_unique (tables, table);
        }
    }

  for (guint p = 0; p < self->pillars->len; p++)
    {
      DistrettoPillar *pillar = g_ptr_array_index (self->pillars, p);

      for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillar); i++)
        {
          g_auto(GStrv) named = distretto_sub_indicator_dup_tables (distretto_pillar_get_sub_indicator (pillar, i));

          for (guint t = 0; named[t] != NULL; t++)
            {
              g_autofree char *table = g_ascii_strdown (named[t], -1);
              add_unique (tables, table);
            }
        }
    }

  g_ptr_array_set_free_func (tables, NULL);
  g_ptr_array_add (tables, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&tables), FALSE);
}

/* A problem with how a selector is written, or %NULL. */
static char *
check_selector (const char *what,
                const char *id,
                const char *selector)
{
  g_autoptr(GError) error = NULL;

  if (selector != NULL && distretto_selector_validate (selector, &error))
    return NULL;

  /* Translators: "the sub-indicator “ts1” names a series that …: why" */
  return g_strdup_printf (_("the %s “%s” names a series that cannot be read: %s"), what, id,
                          error != NULL ? error->message : _("none is given"));
}

static void
check_id (GPtrArray  *problems,
          GHashTable *ids,
          const char *kind,
          const char *id)
{
  if (id == NULL || *id == '\0')
    {
      g_ptr_array_add (problems, g_strdup_printf (_("a %s has no id"), kind));
      return;
    }

  if (!g_hash_table_add (ids, (gpointer) id))
    g_ptr_array_add (problems, g_strdup_printf (_("the id “%s” is used twice"), id));
}

static void
add_problem (GPtrArray *problems,
             char      *problem)
{
  if (problem != NULL)
    g_ptr_array_add (problems, problem);
}

static void check_pillars (GPtrArray  *problems,
                           GHashTable *ids,
                           GPtrArray  *pillars);

/* The selectors of @source, one of the series a sub-indicator reads. */
static void
check_source (GPtrArray             *problems,
              const char            *id,
              DistrettoSubIndicator *source)
{
  const char *denominator = distretto_sub_indicator_get_denominator (source);

  add_problem (problems, check_selector (_("sub-indicator"), id, distretto_sub_indicator_get_series (source)));
  if (denominator != NULL)
    add_problem (problems, check_selector (_("sub-indicator"), id, denominator));
}

static void
check_sub_indicator (GPtrArray             *problems,
                     GHashTable            *ids,
                     DistrettoSubIndicator *sub)
{
  const char *id = distretto_sub_indicator_get_id (sub);
  guint n_nested = distretto_sub_indicator_get_n_nested_pillars (sub);
  guint n_factors = distretto_sub_indicator_get_n_factors (sub);

  check_id (problems, ids, _("sub-indicator"), id);
  if (id == NULL)
    id = "?";

  if (n_nested > 0)
    {
      /* The nested composite's ids are its own. */
      g_autoptr(GHashTable) nested_ids = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) pillars = g_ptr_array_new ();

      for (guint p = 0; p < n_nested; p++)
        g_ptr_array_add (pillars, distretto_sub_indicator_get_nested_pillar (sub, p));
      check_pillars (problems, nested_ids, pillars);
    }
  else if (n_factors > 0)
    {
      for (guint f = 0; f < n_factors; f++)
        {
          DistrettoSubIndicator *factor = distretto_sub_indicator_get_factor (sub, f);

          if (distretto_sub_indicator_get_n_factors (factor) > 0 ||
              distretto_sub_indicator_get_n_nested_pillars (factor) > 0)
            g_ptr_array_add (problems, g_strdup_printf (_("a factor of the sub-indicator “%s” has factors or "
                                                          "nests a composite: factors read series"), id));
          else
            check_source (problems, id, factor);
        }
    }
  else
    for (guint i = 0; i <= distretto_sub_indicator_get_n_alternatives (sub); i++)
      check_source (problems, id, i == 0 ? sub : distretto_sub_indicator_get_alternative (sub, i - 1));

  if (distretto_sub_indicator_get_weight (sub) < 0 || !isfinite (distretto_sub_indicator_get_weight (sub)))
    g_ptr_array_add (problems, g_strdup_printf (_("the sub-indicator “%s” has a negative weight"), id));
}

static void
check_pillars (GPtrArray  *problems,
               GHashTable *ids,
               GPtrArray  *pillars)
{
  for (guint p = 0; p < pillars->len; p++)
    {
      DistrettoPillar *pillar = g_ptr_array_index (pillars, p);
      const char *id = distretto_pillar_get_id (pillar);

      check_id (problems, ids, _("pillar"), id);
      if (distretto_pillar_get_n_sub_indicators (pillar) == 0)
        g_ptr_array_add (problems, g_strdup_printf (_("the pillar “%s” has no sub-indicator"), id ? id : "?"));
      if (distretto_pillar_get_weight (pillar) < 0 || !isfinite (distretto_pillar_get_weight (pillar)))
        g_ptr_array_add (problems, g_strdup_printf (_("the pillar “%s” has a negative weight"), id ? id : "?"));

      for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillar); i++)
        check_sub_indicator (problems, ids, distretto_pillar_get_sub_indicator (pillar, i));
    }
}

/**
 * distretto_indicator_definition_validate:
 * @self: a #DistrettoIndicatorDefinition
 * @error: return location for a #DistrettoIndicatorError
 *
 * Checks the definition: ids present and unique, a title, every pillar
 * with at least one sub-indicator, weights not negative, selectors well
 * formed, factors that read series, nested composites valid in
 * themselves. The error lists every problem, one per line.
 *
 * Returns: %TRUE if the definition is valid
 */
gboolean
distretto_indicator_definition_validate (DistrettoIndicatorDefinition  *self,
                                         GError                       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) message = NULL;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), FALSE);

  if (self->id == NULL || *self->id == '\0')
    g_ptr_array_add (problems, g_strdup (_("the indicator has no id")));
  if (self->title == NULL || *self->title == '\0')
    g_ptr_array_add (problems, g_strdup (_("the indicator has no title")));

  for (guint i = 0; self->required_series[i] != NULL; i++)
    add_problem (problems, check_selector (_("required series"), self->required_series[i],
                                           self->required_series[i]));

  check_pillars (problems, ids, self->pillars);

  for (guint i = 0; i + 1 < self->views->len; i += 2)
    {
      /* Clashes with the built-in views are distretto_view_check_definition()'s. */
      check_id (problems, ids, _("view"), g_ptr_array_index (self->views, i));
    }

  for (guint i = 0; i + 1 < self->components->len; i += 2)
    check_id (problems, ids, _("component"), g_ptr_array_index (self->components, i));

  if (problems->len == 0)
    return TRUE;

  message = g_string_new (NULL);
  g_string_append_printf (message, _("The definition of “%s” is not valid:"), self->id ? self->id : "?");
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (message, "\n• %s", (const char *) g_ptr_array_index (problems, i));

  g_set_error_literal (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_INVALID_DEFINITION,
                       message->str);
  return FALSE;
}

/**
 * distretto_indicator_definition_add_view:
 * @self: a #DistrettoIndicatorDefinition
 * @view_id: an id unique among the module's views, such as "profile"
 * @title: the translated title shown to people
 *
 * Declares an extra chart view, drawn by the module's own
 * #DistrettoIndicatorInterface.render_view. The host offers it next to the
 * ranking, and `distretto export --chart VIEW_ID` writes it.
 */
void
distretto_indicator_definition_add_view (DistrettoIndicatorDefinition *self,
                                         const char                   *view_id,
                                         const char                   *title)
{
  g_return_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self));
  g_return_if_fail (view_id != NULL);
  g_return_if_fail (title != NULL);

  g_ptr_array_add (self->views, g_strdup (view_id));
  g_ptr_array_add (self->views, g_strdup (title));
}

/**
 * distretto_indicator_definition_dup_view_ids:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids of the extra views
 */
char **
distretto_indicator_definition_dup_view_ids (DistrettoIndicatorDefinition *self)
{
  GPtrArray *ids;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);

  ids = g_ptr_array_new ();
  for (guint i = 0; i + 1 < self->views->len; i += 2)
    g_ptr_array_add (ids, g_strdup (g_ptr_array_index (self->views, i)));
  g_ptr_array_add (ids, NULL);

  return (char **) g_ptr_array_free (ids, FALSE);
}

/**
 * distretto_indicator_definition_get_view_title:
 * @self: a #DistrettoIndicatorDefinition
 * @view_id: a view id
 *
 * Returns: (nullable): the view's title, or %NULL if there is no such view
 */
const char *
distretto_indicator_definition_get_view_title (DistrettoIndicatorDefinition *self,
                                               const char                   *view_id)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);
  g_return_val_if_fail (view_id != NULL, NULL);

  for (guint i = 0; i + 1 < self->views->len; i += 2)
    if (g_str_equal (g_ptr_array_index (self->views, i), view_id))
      return g_ptr_array_index (self->views, i + 1);

  return NULL;
}

/**
 * distretto_indicator_definition_get_carry_forward:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: how many years a value may be carried forward
 */
guint
distretto_indicator_definition_get_carry_forward (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), 0);
  return self->carry_forward;
}

/**
 * distretto_indicator_definition_dup_method:
 * @self: a #DistrettoIndicatorDefinition
 *
 * The method the definition declares, as a value the host can vary
 * (see distretto_indicator_compute_with_method()).
 *
 * Returns: (transfer full): a new #DistrettoMethod
 */
DistrettoMethod *
distretto_indicator_definition_dup_method (DistrettoIndicatorDefinition *self)
{
  DistrettoMethod *method;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);

  method = distretto_method_new ();
  distretto_method_set_normalisation (method, self->normalisation);
  distretto_method_set_within_pillars (method, self->within_pillars);
  distretto_method_set_across_pillars (method, self->across_pillars);
  distretto_method_set_imputation (method, self->imputation);
  distretto_method_set_carry_forward (method, self->carry_forward);

  return method;
}

/**
 * distretto_indicator_definition_set_uncertainty:
 * @self: a #DistrettoIndicatorDefinition
 * @spec: (nullable): what an uncertainty analysis of the module varies,
 *   or %NULL for the defaults (distretto_uncertainty_spec_new())
 *
 * Declares which assumptions of the module's method are uncertain and
 * how: a module whose weights come from a survey may want a wider
 * spread, one that must be read against fixed targets no normalisation
 * alternatives.
 */
void
distretto_indicator_definition_set_uncertainty (DistrettoIndicatorDefinition   *self,
                                                const DistrettoUncertaintySpec *spec)
{
  g_return_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self));

  g_clear_pointer (&self->uncertainty, distretto_uncertainty_spec_free);
  if (spec != NULL)
    self->uncertainty = distretto_uncertainty_spec_copy (spec);
}

/**
 * distretto_indicator_definition_dup_uncertainty:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: (transfer full): what an uncertainty analysis of the module
 *   varies: the declared specification, or the defaults
 */
DistrettoUncertaintySpec *
distretto_indicator_definition_dup_uncertainty (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);

  return self->uncertainty != NULL ? distretto_uncertainty_spec_copy (self->uncertainty)
                                   : distretto_uncertainty_spec_new ();
}

/**
 * distretto_indicator_definition_to_sub_indicator:
 * @self: a #DistrettoIndicatorDefinition with pillars
 * @id: the sub-indicator's id, unique within the definition it goes into
 * @label: the translated label
 *
 * Nests this indicator in another: a sub-indicator whose value, for
 * every region and year, is the score the host computes from this
 * definition's pillars and method. The Industry 4.0 readiness index
 * takes the territorial servitization index as one sub-indicator so.
 *
 * Returns: (transfer full): a new #DistrettoSubIndicator
 */
DistrettoSubIndicator *
distretto_indicator_definition_to_sub_indicator (DistrettoIndicatorDefinition *self,
                                                 const char                   *id,
                                                 const char                   *label)
{
  g_autoptr(DistrettoMethod) method = NULL;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);

  method = distretto_indicator_definition_dup_method (self);
  return distretto_sub_indicator_new_nested (id, label, (DistrettoPillar **) self->pillars->pdata,
                                             self->pillars->len, method);
}

/**
 * distretto_indicator_definition_add_component:
 * @self: a #DistrettoIndicatorDefinition
 * @component_id: the id the module's own compute records the
 *   component's score under (distretto_indicator_result_set_component())
 * @title: the translated title shown to people
 *
 * Declares a part of the score that a module computing its scores itself
 * records, such as a specialisation index: the profile, scatter and
 * heatmap views chart the components as they chart the pillars of a
 * declared indicator. Components are best recorded as scores from 0 to
 * 100, as pillars are.
 */
void
distretto_indicator_definition_add_component (DistrettoIndicatorDefinition *self,
                                              const char                   *component_id,
                                              const char                   *title)
{
  g_return_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self));
  g_return_if_fail (component_id != NULL);
  g_return_if_fail (title != NULL);

  g_ptr_array_add (self->components, g_strdup (component_id));
  g_ptr_array_add (self->components, g_strdup (title));
}

/**
 * distretto_indicator_definition_dup_component_ids:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids of the
 *   declared components
 */
char **
distretto_indicator_definition_dup_component_ids (DistrettoIndicatorDefinition *self)
{
  GPtrArray *ids;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);

  ids = g_ptr_array_new ();
  for (guint i = 0; i + 1 < self->components->len; i += 2)
    g_ptr_array_add (ids, g_strdup (g_ptr_array_index (self->components, i)));
  g_ptr_array_add (ids, NULL);

  return (char **) g_ptr_array_free (ids, FALSE);
}

/**
 * distretto_indicator_definition_get_component_title:
 * @self: a #DistrettoIndicatorDefinition
 * @component_id: a component id
 *
 * Returns: (nullable): the component's title, or %NULL if there is no
 *   such component
 */
const char *
distretto_indicator_definition_get_component_title (DistrettoIndicatorDefinition *self,
                                                    const char                   *component_id)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);
  g_return_val_if_fail (component_id != NULL, NULL);

  for (guint i = 0; i + 1 < self->components->len; i += 2)
    if (g_str_equal (g_ptr_array_index (self->components, i), component_id))
      return g_ptr_array_index (self->components, i + 1);

  return NULL;
}

/**
 * distretto_indicator_definition_add_structural_variable:
 * @self: a #DistrettoIndicatorDefinition
 * @variable: a structural variable: a series or a ratio the region cannot
 *   change in the short run
 *
 * Adds a variable a region's peers are found with
 * (#DistrettoPeerFinder), besides Distretto's own (GDP per head, density,
 * employment by sector): what makes two regions comparable on this
 * indicator.
 */
void
distretto_indicator_definition_add_structural_variable (DistrettoIndicatorDefinition *self,
                                                        DistrettoSubIndicator        *variable)
{
  g_return_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self));
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (variable));

  g_ptr_array_add (self->structural_variables, g_object_ref (variable));
}

/**
 * distretto_indicator_definition_get_n_structural_variables:
 * @self: a #DistrettoIndicatorDefinition
 *
 * Returns: how many structural variables the module declares
 */
guint
distretto_indicator_definition_get_n_structural_variables (DistrettoIndicatorDefinition *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), 0);

  return self->structural_variables->len;
}

/**
 * distretto_indicator_definition_get_structural_variable:
 * @self: a #DistrettoIndicatorDefinition
 * @index: a position below
 *   distretto_indicator_definition_get_n_structural_variables()
 *
 * Returns: (transfer none): the structural variable at @index
 */
DistrettoSubIndicator *
distretto_indicator_definition_get_structural_variable (DistrettoIndicatorDefinition *self,
                                                        guint                         index)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (self), NULL);
  g_return_val_if_fail (index < self->structural_variables->len, NULL);

  return g_ptr_array_index (self->structural_variables, index);
}

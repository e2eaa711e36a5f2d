/* distretto-sub-indicator.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "distretto-enums.h"
#include "distretto-index-private.h"
#include "distretto-pillar.h"
#include "distretto-sub-indicator.h"

/**
 * DistrettoSubIndicator:
 *
 * One measured component of an indicator: a dataset series, or the ratio
 * of two (`series / denominator × scale`, e.g. a share of employment in
 * per cent), with a direction and a weight inside its pillar. Series are
 * named by selectors (see distretto_dataset_check_selector()):
 * `lfst_r_lfe2en2?nace_r2=C&age=Y15-64&unit=THS`, a sum such as
 * `…?nace_r2=J&… + …?nace_r2=M_N&…`, or a plain name. From Python:
 * `Distretto.SubIndicator(id="ts1", label=_("KIBS share"),
 * series="emp_kibs", denominator="emp_total", scale=100)`.
 *
 * Alternatives (distretto_sub_indicator_add_alternative()) stand in,
 * in order, where the series asked for has no value: their values are
 * flagged %DISTRETTO_FLAGS_PROXY. With #DistrettoSubIndicator:parent-fallback
 * a region without a value takes that of its parent region (NUTS 1,
 * then the country), flagged %DISTRETTO_FLAGS_NATIONAL_PROXY for a
 * country's value and %DISTRETTO_FLAGS_PROXY otherwise: the way to use
 * series published only for countries.
 *
 * Three more sources make derived measures declarative, so the host's
 * pipeline (normalisation, ranks, groups, sensitivity) treats them like
 * any other:
 *
 * - a #DistrettoSubIndicator:transform, such as a location quotient
 *   against the EU aggregate;
 * - factors (distretto_sub_indicator_add_factor()): the value is the
 *   geometric mean of the factors' values, as in √(LQ_KIBS × LQ_C);
 * - a nested composite (distretto_sub_indicator_new_nested(), or
 *   distretto_indicator_definition_to_sub_indicator()): the value is the
 *   score another set of pillars gives, such as the servitization index
 *   inside the Industry 4.0 readiness index.
 */
struct _DistrettoSubIndicator
{
  GObject parent_instance;

  char *id;
  char *label;
  char *series;
  char *denominator;
  double scale;
  double weight;
  DistrettoDirection direction;
  gboolean parent_fallback;
  gboolean national_frame;
  DistrettoTransform transform;
  double goalpost_lower;
  double goalpost_upper;
  GPtrArray *alternatives;   /* DistrettoSubIndicator */
  GPtrArray *factors;        /* DistrettoSubIndicator */
  GPtrArray *nested;         /* DistrettoPillar, or NULL */
  DistrettoMethod *nested_method;
};

G_DEFINE_FINAL_TYPE (DistrettoSubIndicator, distretto_sub_indicator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_SERIES,
  PROP_DENOMINATOR,
  PROP_SCALE,
  PROP_DIRECTION,
  PROP_WEIGHT,
  PROP_PARENT_FALLBACK,
  PROP_NATIONAL_FRAME,
  PROP_TRANSFORM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
distretto_sub_indicator_finalize (GObject *object)
{
  DistrettoSubIndicator *self = (DistrettoSubIndicator *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->series, g_free);
  g_clear_pointer (&self->denominator, g_free);
  g_clear_pointer (&self->alternatives, g_ptr_array_unref);
  g_clear_pointer (&self->factors, g_ptr_array_unref);
  g_clear_pointer (&self->nested, g_ptr_array_unref);
  g_clear_pointer (&self->nested_method, distretto_method_free);

  G_OBJECT_CLASS (distretto_sub_indicator_parent_class)->finalize (object);
}

static void
distretto_sub_indicator_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DistrettoSubIndicator *self = DISTRETTO_SUB_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_SERIES:
      g_value_set_string (value, self->series);
      break;
    case PROP_DENOMINATOR:
      g_value_set_string (value, self->denominator);
      break;
    case PROP_SCALE:
      g_value_set_double (value, self->scale);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_WEIGHT:
      g_value_set_double (value, self->weight);
      break;
    case PROP_PARENT_FALLBACK:
      g_value_set_boolean (value, self->parent_fallback);
      break;
    case PROP_NATIONAL_FRAME:
      g_value_set_boolean (value, self->national_frame);
      break;
    case PROP_TRANSFORM:
      g_value_set_enum (value, self->transform);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_sub_indicator_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DistrettoSubIndicator *self = DISTRETTO_SUB_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    case PROP_SERIES:
      self->series = g_value_dup_string (value);
      break;
    case PROP_DENOMINATOR:
      distretto_sub_indicator_set_denominator (self, g_value_get_string (value));
      break;
    case PROP_SCALE:
      distretto_sub_indicator_set_scale (self, g_value_get_double (value));
      break;
    case PROP_DIRECTION:
      distretto_sub_indicator_set_direction (self, g_value_get_enum (value));
      break;
    case PROP_WEIGHT:
      distretto_sub_indicator_set_weight (self, g_value_get_double (value));
      break;
    case PROP_PARENT_FALLBACK:
      distretto_sub_indicator_set_parent_fallback (self, g_value_get_boolean (value));
      break;
    case PROP_NATIONAL_FRAME:
      distretto_sub_indicator_set_national_frame (self, g_value_get_boolean (value));
      break;
    case PROP_TRANSFORM:
      distretto_sub_indicator_set_transform (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_sub_indicator_class_init (DistrettoSubIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = distretto_sub_indicator_finalize;
  object_class->get_property = distretto_sub_indicator_get_property;
  object_class->set_property = distretto_sub_indicator_set_property;

  /**
   * DistrettoSubIndicator:id:
   *
   * An identifier unique within the indicator, such as "ts1".
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoSubIndicator:label:
   *
   * The translated label shown to people.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoSubIndicator:series:
   *
   * The selector of the series measured, or of the numerator of a
   * ratio.
   */
  properties[PROP_SERIES] =
    g_param_spec_string ("series", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoSubIndicator:denominator:
   *
   * The selector of the series :series is divided by, or %NULL for the
   * series as it is.
   */
  properties[PROP_DENOMINATOR] =
    g_param_spec_string ("denominator", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoSubIndicator:scale:
   *
   * What the value is multiplied by: 100 turns a ratio into per cent.
   */
  properties[PROP_SCALE] =
    g_param_spec_double ("scale", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoSubIndicator:direction:
   *
   * Whether a higher value is better.
   */
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, DISTRETTO_TYPE_DIRECTION, DISTRETTO_DIRECTION_POSITIVE,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoSubIndicator:weight:
   *
   * The weight inside its pillar; equal weights by default. A negative
   * weight makes the definition invalid.
   */
  properties[PROP_WEIGHT] =
    g_param_spec_double ("weight", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoSubIndicator:parent-fallback:
   *
   * Whether a region without a value takes that of its parent region
   * (NUTS 1, then the country), flagged as a proxy.
   */
  properties[PROP_PARENT_FALLBACK] =
    g_param_spec_boolean ("parent-fallback", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoSubIndicator:national-frame:
   *
   * Whether the series exists only for whole countries (repeated for
   * their regions with #DistrettoSubIndicator:parent-fallback): when the
   * regions compared all lie in one country it tells them apart by
   * nothing, and gets weight 0 (see distretto_method_set_within_country()).
   */
  properties[PROP_NATIONAL_FRAME] =
    g_param_spec_boolean ("national-frame", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoSubIndicator:transform:
   *
   * What is done to the value before it is normalised, such as a
   * location quotient against the EU aggregate.
   */
  properties[PROP_TRANSFORM] =
    g_param_spec_enum ("transform", NULL, NULL, DISTRETTO_TYPE_TRANSFORM, DISTRETTO_TRANSFORM_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
distretto_sub_indicator_init (DistrettoSubIndicator *self)
{
  self->scale = 1.0;
  self->weight = 1.0;
  self->goalpost_lower = NAN;
  self->goalpost_upper = NAN;
  self->alternatives = g_ptr_array_new_with_free_func (g_object_unref);
  self->factors = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * distretto_sub_indicator_new:
 * @id: an identifier unique within the indicator
 * @label: the translated label
 * @series: the dataset series measured
 *
 * Returns: (transfer full): a new #DistrettoSubIndicator
 */
DistrettoSubIndicator *
distretto_sub_indicator_new (const char *id,
                             const char *label,
                             const char *series)
{
  return g_object_new (DISTRETTO_TYPE_SUB_INDICATOR, "id", id, "label", label, "series", series, NULL);
}

/**
 * distretto_sub_indicator_get_id:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: (nullable): the identifier
 */
const char *
distretto_sub_indicator_get_id (DistrettoSubIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), NULL);
  return self->id;
}

/**
 * distretto_sub_indicator_get_label:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: (nullable): the label
 */
const char *
distretto_sub_indicator_get_label (DistrettoSubIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), NULL);
  return self->label;
}

/**
 * distretto_sub_indicator_get_series:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: (nullable): the series code
 */
const char *
distretto_sub_indicator_get_series (DistrettoSubIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), NULL);
  return self->series;
}

/**
 * distretto_sub_indicator_get_denominator:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: (nullable): the denominator's series code
 */
const char *
distretto_sub_indicator_get_denominator (DistrettoSubIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), NULL);
  return self->denominator;
}

/**
 * distretto_sub_indicator_set_denominator:
 * @self: a #DistrettoSubIndicator
 * @denominator: (nullable): a series code
 *
 * Makes the sub-indicator the ratio of its series to @denominator.
 */
void
distretto_sub_indicator_set_denominator (DistrettoSubIndicator *self,
                                         const char            *denominator)
{
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (self));

  if (g_strcmp0 (self->denominator, denominator) == 0)
    return;

  g_free (self->denominator);
  self->denominator = g_strdup (denominator);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DENOMINATOR]);
}

/**
 * distretto_sub_indicator_get_scale:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: the factor the value is multiplied by
 */
double
distretto_sub_indicator_get_scale (DistrettoSubIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), 1.0);
  return self->scale;
}

/**
 * distretto_sub_indicator_set_scale:
 * @self: a #DistrettoSubIndicator
 * @scale: a factor, 100 for per cent
 *
 * Sets the factor the value is multiplied by.
 */
void
distretto_sub_indicator_set_scale (DistrettoSubIndicator *self,
                                   double                 scale)
{
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (self));
  self->scale = scale;
}

/**
 * distretto_sub_indicator_get_direction:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: whether a higher value is better
 */
DistrettoDirection
distretto_sub_indicator_get_direction (DistrettoSubIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), DISTRETTO_DIRECTION_POSITIVE);
  return self->direction;
}

/**
 * distretto_sub_indicator_set_direction:
 * @self: a #DistrettoSubIndicator
 * @direction: whether a higher value is better
 *
 * Sets the direction.
 */
void
distretto_sub_indicator_set_direction (DistrettoSubIndicator *self,
                                       DistrettoDirection     direction)
{
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (self));
  self->direction = direction;
}

/**
 * distretto_sub_indicator_get_weight:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: the weight inside its pillar
 */
double
distretto_sub_indicator_get_weight (DistrettoSubIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), 1.0);
  return self->weight;
}

/**
 * distretto_sub_indicator_set_weight:
 * @self: a #DistrettoSubIndicator
 * @weight: the weight inside its pillar
 *
 * Sets the weight.
 */
void
distretto_sub_indicator_set_weight (DistrettoSubIndicator *self,
                                    double                 weight)
{
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (self));
  self->weight = weight;
}

/**
 * distretto_sub_indicator_get_parent_fallback:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: whether a region without a value takes its parent's
 */
gboolean
distretto_sub_indicator_get_parent_fallback (DistrettoSubIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), FALSE);
  return self->parent_fallback;
}

/**
 * distretto_sub_indicator_set_parent_fallback:
 * @self: a #DistrettoSubIndicator
 * @parent_fallback: whether a region without a value takes its parent's
 *
 * Lets regions without a value take that of their parent region (NUTS 1,
 * then the country), flagged %DISTRETTO_FLAGS_NATIONAL_PROXY for a
 * country's value and %DISTRETTO_FLAGS_PROXY otherwise.
 */
void
distretto_sub_indicator_set_parent_fallback (DistrettoSubIndicator *self,
                                             gboolean               parent_fallback)
{
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (self));

  parent_fallback = !!parent_fallback;
  if (self->parent_fallback == parent_fallback)
    return;

  self->parent_fallback = parent_fallback;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_FALLBACK]);
}

/**
 * distretto_sub_indicator_add_alternative:
 * @self: a #DistrettoSubIndicator
 * @alternative: a sub-indicator whose series, denominator and scale stand
 *   in for those of @self
 *
 * Adds a fallback, tried after @self and the alternatives added before
 * it, for every region and year without a value: say NACE `B-E` where
 * manufacturing (`C`) is not published. Its values are flagged
 * %DISTRETTO_FLAGS_PROXY; its label says what it is, for method notes.
 */
void
distretto_sub_indicator_add_alternative (DistrettoSubIndicator *self,
                                         DistrettoSubIndicator *alternative)
{
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (self));
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (alternative));
  g_return_if_fail (alternative != self);

  g_ptr_array_add (self->alternatives, g_object_ref (alternative));
}

/**
 * distretto_sub_indicator_get_n_alternatives:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: how many alternatives stand in for the series
 */
guint
distretto_sub_indicator_get_n_alternatives (DistrettoSubIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), 0);
  return self->alternatives->len;
}

/**
 * distretto_sub_indicator_get_alternative:
 * @self: a #DistrettoSubIndicator
 * @index: a position below distretto_sub_indicator_get_n_alternatives()
 *
 * Returns: (transfer none): an alternative, in the order they are tried
 */
DistrettoSubIndicator *
distretto_sub_indicator_get_alternative (DistrettoSubIndicator *self,
                                         guint                  index)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), NULL);
  g_return_val_if_fail (index < self->alternatives->len, NULL);

  return g_ptr_array_index (self->alternatives, index);
}

/**
 * distretto_sub_indicator_get_transform:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: what is done to the value before it is normalised
 */
DistrettoTransform
distretto_sub_indicator_get_transform (DistrettoSubIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), DISTRETTO_TRANSFORM_NONE);
  return self->transform;
}

/**
 * distretto_sub_indicator_set_transform:
 * @self: a #DistrettoSubIndicator
 * @transform: what is done to the value before it is normalised
 *
 * Sets the transform: %DISTRETTO_TRANSFORM_LOCATION_QUOTIENT turns a
 * share into a location quotient against the EU aggregate, or against
 * the mean of the regions when the dataset has no EU aggregate.
 */
void
distretto_sub_indicator_set_transform (DistrettoSubIndicator *self,
                                       DistrettoTransform     transform)
{
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (self));

  if (self->transform == transform)
    return;

  self->transform = transform;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSFORM]);
}

/**
 * distretto_sub_indicator_get_national_frame:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: whether the series exists only for whole countries
 */
gboolean
distretto_sub_indicator_get_national_frame (DistrettoSubIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), FALSE);
  return self->national_frame;
}

/**
 * distretto_sub_indicator_set_national_frame:
 * @self: a #DistrettoSubIndicator
 * @national_frame: whether the series exists only for whole countries
 *
 * Marks a series published only for countries: its weight is 0 when the
 * regions compared all lie in one country.
 */
void
distretto_sub_indicator_set_national_frame (DistrettoSubIndicator *self,
                                            gboolean               national_frame)
{
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (self));

  national_frame = !!national_frame;
  if (self->national_frame == national_frame)
    return;

  self->national_frame = national_frame;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NATIONAL_FRAME]);
}

/**
 * distretto_sub_indicator_set_goalposts:
 * @self: a #DistrettoSubIndicator
 * @lower: the value that scores 0, such as 0%
 * @upper: the value that scores 100, such as a 2030 target of 90%
 *
 * Sets the goalposts %DISTRETTO_NORMALISATION_GOALPOSTS scales the value
 * between (in the direction of the sub-indicator: for a negative one,
 * @lower scores 100). Values beyond them count as the goalpost.
 */
void
distretto_sub_indicator_set_goalposts (DistrettoSubIndicator *self,
                                       double                 lower,
                                       double                 upper)
{
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (self));

  self->goalpost_lower = lower;
  self->goalpost_upper = upper;
}

/**
 * distretto_sub_indicator_get_goalposts:
 * @self: a #DistrettoSubIndicator
 * @lower: (out) (optional): the value that scores 0
 * @upper: (out) (optional): the value that scores 100
 *
 * Returns: whether goalposts are set (two different finite values)
 */
gboolean
distretto_sub_indicator_get_goalposts (DistrettoSubIndicator *self,
                                       double                *lower,
                                       double                *upper)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), FALSE);

  if (lower != NULL)
    *lower = self->goalpost_lower;
  if (upper != NULL)
    *upper = self->goalpost_upper;

  return isfinite (self->goalpost_lower) && isfinite (self->goalpost_upper) &&
         self->goalpost_lower != self->goalpost_upper;
}

/**
 * distretto_sub_indicator_add_factor:
 * @self: a #DistrettoSubIndicator
 * @factor: a sub-indicator whose value is one factor of @self's
 *
 * Makes @self the geometric mean of its factors' values: with two
 * location quotients as factors, the co-specialisation √(LQ₁ × LQ₂). A
 * region misses the value when a factor misses it; the flags of every
 * factor carry over. A sub-indicator with factors names no series of
 * its own (%NULL as @series in distretto_sub_indicator_new()).
 */
void
distretto_sub_indicator_add_factor (DistrettoSubIndicator *self,
                                    DistrettoSubIndicator *factor)
{
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (self));
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (factor));
  g_return_if_fail (factor != self);

  g_ptr_array_add (self->factors, g_object_ref (factor));
}

/**
 * distretto_sub_indicator_get_n_factors:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: how many factors @self is the geometric mean of; 0 for a
 *   sub-indicator of one series
 */
guint
distretto_sub_indicator_get_n_factors (DistrettoSubIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), 0);
  return self->factors->len;
}

/**
 * distretto_sub_indicator_get_factor:
 * @self: a #DistrettoSubIndicator
 * @index: a position below distretto_sub_indicator_get_n_factors()
 *
 * Returns: (transfer none): a factor
 */
DistrettoSubIndicator *
distretto_sub_indicator_get_factor (DistrettoSubIndicator *self,
                                    guint                  index)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), NULL);
  g_return_val_if_fail (index < self->factors->len, NULL);

  return g_ptr_array_index (self->factors, index);
}

/**
 * distretto_sub_indicator_new_nested:
 * @id: an identifier unique within the indicator
 * @label: the translated label
 * @pillars: (array length=n_pillars): the pillars of the nested composite
 * @n_pillars: how many there are
 * @method: the nested composite's method
 *
 * A sub-indicator whose value, for every region and year, is the score
 * the host's pipeline computes from @pillars with @method: a composite
 * indicator inside another, such as the servitization index as one
 * driver of Industry 4.0 readiness. Plugins usually call
 * distretto_indicator_definition_to_sub_indicator() instead.
 *
 * Returns: (transfer full): a new #DistrettoSubIndicator
 */
DistrettoSubIndicator *
distretto_sub_indicator_new_nested (const char             *id,
                                    const char             *label,
                                    DistrettoPillar       **pillars,
                                    guint                   n_pillars,
                                    const DistrettoMethod  *method)
{
  DistrettoSubIndicator *self;

  g_return_val_if_fail (pillars != NULL || n_pillars == 0, NULL);
  g_return_val_if_fail (method != NULL, NULL);

  self = g_object_new (DISTRETTO_TYPE_SUB_INDICATOR, "id", id, "label", label, NULL);
  self->nested = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_pillars; i++)
    g_ptr_array_add (self->nested, g_object_ref (pillars[i]));
  self->nested_method = distretto_method_copy (method);

  return self;
}

/**
 * distretto_sub_indicator_get_n_nested_pillars:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: the number of pillars of the nested composite, 0 if @self
 *   is not one
 */
guint
distretto_sub_indicator_get_n_nested_pillars (DistrettoSubIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), 0);
  return self->nested != NULL ? self->nested->len : 0;
}

/**
 * distretto_sub_indicator_get_nested_pillar:
 * @self: a #DistrettoSubIndicator
 * @index: a position below distretto_sub_indicator_get_n_nested_pillars()
 *
 * Returns: (transfer none): a pillar of the nested composite
 */
DistrettoPillar *
distretto_sub_indicator_get_nested_pillar (DistrettoSubIndicator *self,
                                           guint                  index)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), NULL);
  g_return_val_if_fail (self->nested != NULL && index < self->nested->len, NULL);

  return g_ptr_array_index (self->nested, index);
}

/**
 * distretto_sub_indicator_get_nested_method:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: (transfer none) (nullable): the nested composite's method, or
 *   %NULL if @self is not one
 */
const DistrettoMethod *
distretto_sub_indicator_get_nested_method (DistrettoSubIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), NULL);
  return self->nested_method;
}

gboolean
_distretto_sub_indicator_is_plain (DistrettoSubIndicator *self)
{
  return self->nested == NULL && self->factors->len == 0 && self->transform == DISTRETTO_TRANSFORM_NONE;
}

/* @self's own series: the numerator, and the denominator if any. */
static gboolean
check_own_series (DistrettoSubIndicator  *self,
                  DistrettoDataset       *dataset,
                  GError                **error)
{
  if (self->series == NULL)
    {
      g_set_error (error, DISTRETTO_SELECTOR_ERROR, DISTRETTO_SELECTOR_ERROR_INVALID,
                   _("The sub-indicator “%s” names no series"), self->id ? self->id : "");
      return FALSE;
    }

  return distretto_dataset_check_selector (dataset, self->series, error) &&
         (self->denominator == NULL || distretto_dataset_check_selector (dataset, self->denominator, error));
}

/* A nested composite can be computed when one of its sub-indicators can. */
static gboolean
check_nested (DistrettoSubIndicator  *self,
              DistrettoDataset       *dataset,
              GError                **error)
{
  g_autoptr(GError) first_error = NULL;

  for (guint p = 0; p < self->nested->len; p++)
    {
      DistrettoPillar *pillar = g_ptr_array_index (self->nested, p);

      for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillar); i++)
        {
          g_autoptr(GError) local_error = NULL;

          if (distretto_sub_indicator_find_source (distretto_pillar_get_sub_indicator (pillar, i), dataset,
                                                   &local_error) != NULL)
            return TRUE;
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
        }
    }

  if (first_error != NULL)
    g_propagate_error (error, g_steal_pointer (&first_error));
  else
    g_set_error (error, DISTRETTO_SELECTOR_ERROR, DISTRETTO_SELECTOR_ERROR_INVALID,
                 _("The sub-indicator “%s” nests no sub-indicators"), self->id ? self->id : "");
  return FALSE;
}

/**
 * distretto_sub_indicator_find_source:
 * @self: a #DistrettoSubIndicator
 * @dataset: a #DistrettoDataset
 * @error: return location for a #DistrettoSelectorError
 *
 * Which of the sub-indicator's series @dataset can give: @self itself,
 * or the first of its alternatives whose selectors all name a series.
 * A sub-indicator with factors is @self when every factor can be given;
 * a nested composite is @self when one of its sub-indicators can. When
 * none can, @error is the one about @self's own series, with the
 * nearest series loaded.
 *
 * Returns: (transfer none) (nullable): @self or one of its alternatives,
 *   or %NULL with @error set
 */
DistrettoSubIndicator *
distretto_sub_indicator_find_source (DistrettoSubIndicator  *self,
                                     DistrettoDataset       *dataset,
                                     GError                **error)
{
  g_autoptr(GError) own_error = NULL;

  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  if (self->nested != NULL)
    return check_nested (self, dataset, error) ? self : NULL;

  if (self->factors->len > 0)
    {
      for (guint i = 0; i < self->factors->len; i++)
        if (distretto_sub_indicator_find_source (g_ptr_array_index (self->factors, i), dataset, error) == NULL)
          return NULL;
      return self;
    }

  if (check_own_series (self, dataset, &own_error))
    return self;

  for (guint i = 0; i < self->alternatives->len; i++)
    {
      DistrettoSubIndicator *alternative = g_ptr_array_index (self->alternatives, i);

      if (check_own_series (alternative, dataset, NULL))
        return alternative;
    }

  g_propagate_error (error, g_steal_pointer (&own_error));
  return NULL;
}

/* The tables of @self, its alternatives, factors and nested
 * sub-indicators, each once. */
static void
collect_tables (DistrettoSubIndicator *self,
                GStrvBuilder          *builder,
                GHashTable            *seen)
{
  for (guint i = 0; i <= self->alternatives->len; i++)
    {
      DistrettoSubIndicator *sub = i == 0 ? self : g_ptr_array_index (self->alternatives, i - 1);
      const char *selectors[] = { sub->series, sub->denominator };

      for (guint k = 0; k < G_N_ELEMENTS (selectors); k++)
        {
          g_auto(GStrv) tables = selectors[k] ? distretto_selector_dup_tables (selectors[k]) : NULL;

          for (guint t = 0; tables != NULL && tables[t] != NULL; t++)
            if (g_hash_table_add (seen, g_strdup (tables[t])))
              g_strv_builder_add (builder, tables[t]);
        }
    }

  for (guint i = 0; i < self->factors->len; i++)
    collect_tables (g_ptr_array_index (self->factors, i), builder, seen);

  for (guint p = 0; self->nested != NULL && p < self->nested->len; p++)
    {
      DistrettoPillar *pillar = g_ptr_array_index (self->nested, p);

      for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillar); i++)
        collect_tables (distretto_pillar_get_sub_indicator (pillar, i), builder, seen);
    }
}

/**
 * distretto_sub_indicator_dup_tables:
 * @self: a #DistrettoSubIndicator
 *
 * Returns: (transfer full) (array zero-terminated=1): the Eurostat tables
 *   its series and those of its alternatives, factors and nested
 *   sub-indicators name, each once
 */
char **
distretto_sub_indicator_dup_tables (DistrettoSubIndicator *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), NULL);

  collect_tables (self, builder, seen);
  return g_strv_builder_end (builder);
}

static double
own_value (DistrettoSubIndicator *self,
           DistrettoDataset      *dataset,
           const char            *region_code,
           int                    year,
           DistrettoFlags        *flags)
{
  DistrettoFlags numerator_flags = DISTRETTO_FLAGS_NONE, denominator_flags = DISTRETTO_FLAGS_NONE;
  double value, denominator = 1.0;

  *flags = DISTRETTO_FLAGS_NONE;
  if (self->series == NULL)
    return NAN;

  value = distretto_dataset_get_selected_value (dataset, self->series, region_code, year, &numerator_flags);
  if (self->denominator != NULL)
    denominator = distretto_dataset_get_selected_value (dataset, self->denominator, region_code, year,
                                                        &denominator_flags);

  *flags = numerator_flags | denominator_flags;
  if (isnan (value) || isnan (denominator) || denominator == 0.0)
    return NAN;

  return value / denominator * self->scale;
}

/* The value of @region_code itself, from @self or an alternative; the
 * source is 0 for @self, i + 1 for the alternative i, -1 for none. */
static double
region_value (DistrettoSubIndicator *self,
              DistrettoDataset      *dataset,
              const char            *region_code,
              int                    year,
              DistrettoFlags        *flags,
              int                   *source)
{
  double value = own_value (self, dataset, region_code, year, flags);

  *source = isnan (value) ? -1 : 0;
  for (guint i = 0; isnan (value) && i < self->alternatives->len; i++)
    {
      value = own_value (g_ptr_array_index (self->alternatives, i), dataset, region_code, year, flags);
      if (!isnan (value))
        {
          *flags |= DISTRETTO_FLAGS_PROXY;
          *source = i + 1;
        }
    }

  return value;
}

/* The value of the series, alternatives and parent fallback included,
 * before any transform; returns which source gave it (see
 * region_value()). */
int
_distretto_sub_indicator_get_series_source (DistrettoSubIndicator *self,
                                            DistrettoDataset      *dataset,
                                            const char            *region_code,
                                            int                    year,
                                            double                *value,
                                            DistrettoFlags        *flags)
{
  DistrettoFlags local_flags = DISTRETTO_FLAGS_NONE;
  g_autofree char *parent = NULL;
  int source;

  *value = region_value (self, dataset, region_code, year, &local_flags, &source);

  /* NUTS codes nest: the parent's code is the code less its last letter. */
  if (isnan (*value) && self->parent_fallback && distretto_nuts_code_get_level (region_code) > 0)
    parent = g_strndup (region_code, strlen (region_code) - 1);

  while (isnan (*value) && parent != NULL)
    {
      int level = distretto_nuts_code_get_level (parent);

      *value = region_value (self, dataset, parent, year, &local_flags, &source);
      if (!isnan (*value))
        local_flags |= level == 0 ? DISTRETTO_FLAGS_NATIONAL_PROXY : DISTRETTO_FLAGS_PROXY;
      else if (level > 0)
        parent[strlen (parent) - 1] = '\0';
      else
        g_clear_pointer (&parent, g_free);
    }

  *flags = local_flags;
  return source;
}

double
_distretto_sub_indicator_get_series_value (DistrettoSubIndicator *self,
                                           DistrettoDataset      *dataset,
                                           const char            *region_code,
                                           int                    year,
                                           DistrettoFlags        *flags)
{
  double value;

  _distretto_sub_indicator_get_series_source (self, dataset, region_code, year, &value, flags);
  return value;
}

/**
 * distretto_sub_indicator_get_raw_value:
 * @self: a #DistrettoSubIndicator
 * @dataset: a #DistrettoDataset
 * @region_code: a region code
 * @year: a year
 * @flags: (out) (optional): the flags of the cells used, with
 *   %DISTRETTO_FLAGS_PROXY or %DISTRETTO_FLAGS_NATIONAL_PROXY when a
 *   fallback gave the value
 *
 * The value before normalisation: the series, or the ratio of the series
 * to the denominator, times the scale; else the first alternative with a
 * value; else, with #DistrettoSubIndicator:parent-fallback, the parent
 * region's. Then the transform; for factors their geometric mean; for a
 * nested composite its score. Values are not carried forward here (the
 * pipeline does that, following its method). A location quotient or a
 * nested composite needs every region of @dataset: the pipeline
 * computes them for all regions at once, and so should a plugin that
 * needs many.
 *
 * Returns: the value, or NaN when a cell is missing or the denominator is 0
 */
double
distretto_sub_indicator_get_raw_value (DistrettoSubIndicator *self,
                                       DistrettoDataset      *dataset,
                                       const char            *region_code,
                                       int                    year,
                                       DistrettoFlags        *flags)
{
  DistrettoFlags local_flags = DISTRETTO_FLAGS_NONE;
  double value;

  if (flags != NULL)
    *flags = DISTRETTO_FLAGS_NONE;

  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), NAN);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NAN);
  g_return_val_if_fail (region_code != NULL, NAN);

  if (_distretto_sub_indicator_is_plain (self))
    value = _distretto_sub_indicator_get_series_value (self, dataset, region_code, year, &local_flags);
  else
    value = _distretto_sub_indicator_get_derived_value (self, dataset, region_code, year, &local_flags);

  if (flags != NULL)
    *flags = local_flags;

  return value;
}

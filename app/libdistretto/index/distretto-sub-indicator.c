/* distretto-sub-indicator.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "distretto-enums.h"
#include "distretto-sub-indicator.h"

/**
 * DistrettoSubIndicator:
 *
 * One measured component of an indicator: a dataset series, or the ratio
 * of two (`series / denominator × scale`, e.g. a share of employment in
 * per cent), with a direction and a weight inside its pillar. From
 * Python: `Distretto.SubIndicator(id="ts1", label=_("KIBS share"),
 * series="emp_kibs", denominator="emp_total", scale=100)`.
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
   * The dataset series measured, or the numerator of a ratio.
   */
  properties[PROP_SERIES] =
    g_param_spec_string ("series", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoSubIndicator:denominator:
   *
   * The series :series is divided by, or %NULL for the series as it is.
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
distretto_sub_indicator_init (DistrettoSubIndicator *self)
{
  self->scale = 1.0;
  self->weight = 1.0;
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
 * distretto_sub_indicator_get_raw_value:
 * @self: a #DistrettoSubIndicator
 * @dataset: a #DistrettoDataset
 * @region_code: a region code
 * @year: a year
 * @flags: (out) (optional): the flags of the cells used
 *
 * The value before normalisation: the series, or the ratio of the series
 * to the denominator, times the scale.
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
  DistrettoFlags numerator_flags = DISTRETTO_FLAGS_NONE, denominator_flags = DISTRETTO_FLAGS_NONE;
  double value, denominator = 1.0;

  g_return_val_if_fail (DISTRETTO_IS_SUB_INDICATOR (self), NAN);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NAN);

  value = distretto_dataset_get_value (dataset, self->series, region_code, year, &numerator_flags);
  if (self->denominator != NULL)
    denominator = distretto_dataset_get_value (dataset, self->denominator, region_code, year, &denominator_flags);

  if (flags != NULL)
    *flags = numerator_flags | denominator_flags;

  if (denominator == 0.0)
    return NAN;

  return value / denominator * self->scale;
}

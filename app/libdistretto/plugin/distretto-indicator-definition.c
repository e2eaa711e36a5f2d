/* distretto-indicator-definition.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

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
};

G_DEFINE_FINAL_TYPE (DistrettoIndicatorDefinition, distretto_indicator_definition, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_UNIT,
  PROP_REQUIRED_SERIES,
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
distretto_indicator_definition_init (DistrettoIndicatorDefinition *self)
{
  self->required_series = g_new0 (char *, 1);
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

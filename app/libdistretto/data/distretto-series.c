/* distretto-series.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "distretto-series.h"

/**
 * DistrettoSeries:
 *
 * What is known about one series (a column of data): its code, label,
 * unit, publisher, licence, direction and description, and the sources it
 * was imported from.
 */
struct _DistrettoSeries
{
  GObject parent_instance;

  char *code;
  char *label;
  char *unit;
  char *publisher;
  char *licence;
  char *description;
  DistrettoDirection direction;
  GPtrArray *sources;
};

G_DEFINE_FINAL_TYPE (DistrettoSeries, distretto_series, G_TYPE_OBJECT)

static void
distretto_series_finalize (GObject *object)
{
  DistrettoSeries *self = (DistrettoSeries *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->licence, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (distretto_series_parent_class)->finalize (object);
}

static void
distretto_series_class_init (DistrettoSeriesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = distretto_series_finalize;
}

static void
distretto_series_init (DistrettoSeries *self)
{
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * distretto_series_new:
 * @code: the series code
 *
 * Returns: (transfer full): a new #DistrettoSeries
 */
DistrettoSeries *
distretto_series_new (const char *code)
{
  DistrettoSeries *self;

  g_return_val_if_fail (code != NULL, NULL);

  self = g_object_new (DISTRETTO_TYPE_SERIES, NULL);
  self->code = g_strdup (code);

  return self;
}

/**
 * distretto_series_get_code:
 * @self: a #DistrettoSeries
 *
 * Returns: the series code
 */
const char *
distretto_series_get_code (DistrettoSeries *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SERIES (self), NULL);

  return self->code;
}

#define STRING_ACCESSORS(field)                                \
const char *                                                   \
distretto_series_get_##field (DistrettoSeries *self)           \
{                                                              \
  g_return_val_if_fail (DISTRETTO_IS_SERIES (self), NULL);     \
  return self->field;                                          \
}                                                              \
                                                               \
void                                                           \
distretto_series_set_##field (DistrettoSeries *self,           \
                              const char      *field)          \
{                                                              \
  g_return_if_fail (DISTRETTO_IS_SERIES (self));               \
  if (self->field != field)                                    \
    {                                                          \
      g_free (self->field);                                    \
      self->field = g_strdup (field);                          \
    }                                                          \
}

/**
 * distretto_series_get_label:
 * @self: a #DistrettoSeries
 *
 * Returns: (nullable): what the series measures, for people
 */
/**
 * distretto_series_set_label:
 * @self: a #DistrettoSeries
 * @label: (nullable): what the series measures, for people
 *
 * Sets the label.
 */
STRING_ACCESSORS (label)

/**
 * distretto_series_get_unit:
 * @self: a #DistrettoSeries
 *
 * Returns: (nullable): the unit, such as "thousand persons"
 */
/**
 * distretto_series_set_unit:
 * @self: a #DistrettoSeries
 * @unit: (nullable): the unit
 *
 * Sets the unit.
 */
STRING_ACCESSORS (unit)

/**
 * distretto_series_get_publisher:
 * @self: a #DistrettoSeries
 *
 * Returns: (nullable): who publishes the series, such as "Eurostat"
 */
/**
 * distretto_series_set_publisher:
 * @self: a #DistrettoSeries
 * @publisher: (nullable): who publishes the series
 *
 * Sets the publisher.
 */
STRING_ACCESSORS (publisher)

/**
 * distretto_series_get_licence:
 * @self: a #DistrettoSeries
 *
 * Returns: (nullable): the terms of reuse
 */
/**
 * distretto_series_set_licence:
 * @self: a #DistrettoSeries
 * @licence: (nullable): the terms of reuse
 *
 * Sets the licence.
 */
STRING_ACCESSORS (licence)

/**
 * distretto_series_get_description:
 * @self: a #DistrettoSeries
 *
 * Returns: (nullable): a longer description
 */
/**
 * distretto_series_set_description:
 * @self: a #DistrettoSeries
 * @description: (nullable): a longer description
 *
 * Sets the description.
 */
STRING_ACCESSORS (description)

/* Eurostat unit codes of counts and amounts (NR, THS_PER, MIO_EUR,
 * MIO_PPS_EU27_2020), not of shares, rates or amounts per head
 * (PC_GDP, EUR_HAB); or a unit label in those words. */
static gboolean
unit_is_additive (const char *unit)
{
  static const char *count_prefixes[] = { "NR", "THS", "MIO", "BN", "KM2", "HA" };
  static const char *count_words[] = { "number", "thousand", "million", "billion" };
  static const char *share_words[] = { "per ", "per-", "%", "percent", "rate", "index", "inhabitant", "average", "share" };
  g_autofree char *lower = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (count_prefixes); i++)
    {
      gsize len = strlen (count_prefixes[i]);

      if (strncmp (unit, count_prefixes[i], len) == 0 && (unit[len] == '\0' || unit[len] == '_'))
        return strstr (unit, "HAB") == NULL && strstr (unit, "_PC") == NULL && strstr (unit, "_RT") == NULL;
    }

  lower = g_utf8_strdown (unit, -1);
  for (guint i = 0; i < G_N_ELEMENTS (share_words); i++)
    if (strstr (lower, share_words[i]) != NULL)
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (count_words); i++)
    if (strstr (lower, count_words[i]) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * distretto_series_is_additive:
 * @self: a #DistrettoSeries
 *
 * Whether values of regions add up to the value of their union, as counts
 * and amounts do (employment in thousand persons `THS`, `NR`, `MIO_EUR`)
 * and shares, rates and amounts per head do not (`PC_GDP`, `EUR_HAB`). Told
 * from distretto_series_get_unit(); a series without a unit is not.
 *
 * Returns: %TRUE if the series can be summed over regions
 */
gboolean
distretto_series_is_additive (DistrettoSeries *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SERIES (self), FALSE);

  return self->unit != NULL && unit_is_additive (self->unit);
}

/**
 * distretto_series_get_direction:
 * @self: a #DistrettoSeries
 *
 * Returns: whether more is better
 */
DistrettoDirection
distretto_series_get_direction (DistrettoSeries *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SERIES (self), DISTRETTO_DIRECTION_POSITIVE);

  return self->direction;
}

/**
 * distretto_series_set_direction:
 * @self: a #DistrettoSeries
 * @direction: whether more is better
 *
 * Sets the direction.
 */
void
distretto_series_set_direction (DistrettoSeries    *self,
                                DistrettoDirection  direction)
{
  g_return_if_fail (DISTRETTO_IS_SERIES (self));

  self->direction = direction;
}

/**
 * distretto_series_get_n_sources:
 * @self: a #DistrettoSeries
 *
 * Returns: how many files the series was imported from
 */
guint
distretto_series_get_n_sources (DistrettoSeries *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SERIES (self), 0);

  return self->sources->len;
}

/**
 * distretto_series_get_source_at:
 * @self: a #DistrettoSeries
 * @index: a position below distretto_series_get_n_sources()
 *
 * Returns: (transfer none): a file the series was imported from
 */
DistrettoSource *
distretto_series_get_source_at (DistrettoSeries *self,
                                guint            index)
{
  g_return_val_if_fail (DISTRETTO_IS_SERIES (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);

  return g_ptr_array_index (self->sources, index);
}

/**
 * distretto_series_add_source:
 * @self: a #DistrettoSeries
 * @source: a #DistrettoSource
 *
 * Records that observations of the series came from @source; adding the
 * same source twice records it once.
 */
void
distretto_series_add_source (DistrettoSeries *self,
                             DistrettoSource *source)
{
  g_return_if_fail (DISTRETTO_IS_SERIES (self));
  g_return_if_fail (DISTRETTO_IS_SOURCE (source));

  if (!g_ptr_array_find (self->sources, source, NULL))
    g_ptr_array_add (self->sources, g_object_ref (source));
}

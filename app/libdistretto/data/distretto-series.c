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
 * was imported from. A series from a Eurostat file also knows its table
 * code and the dimension codes that pin it (`unit=THS`, `nace_r2=C`…),
 * whatever the file's format and dimension order, so selectors such as
 * `lfst_r_lfe2en2?nace_r2=C&unit=THS` can find it.
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
  char *table;
  GPtrArray *dimensions;    /* name, code, name, code… in the file's order */
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
  g_clear_pointer (&self->table, g_free);
  g_clear_pointer (&self->dimensions, g_ptr_array_unref);

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
  self->dimensions = g_ptr_array_new_with_free_func (g_free);
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

/**
 * distretto_series_get_table:
 * @self: a #DistrettoSeries
 *
 * Returns: (nullable): the code of the statistical table the series comes
 *   from, such as `lfst_r_lfe2en2`, or %NULL for a plain named series
 */
const char *
distretto_series_get_table (DistrettoSeries *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SERIES (self), NULL);

  return self->table;
}

/**
 * distretto_series_set_table:
 * @self: a #DistrettoSeries
 * @table: (nullable): a table code
 *
 * Sets the code of the table the series comes from.
 */
void
distretto_series_set_table (DistrettoSeries *self,
                            const char      *table)
{
  g_return_if_fail (DISTRETTO_IS_SERIES (self));

  if (self->table != table)
    {
      g_free (self->table);
      self->table = g_strdup (table);
    }
}

/**
 * distretto_series_set_dimension:
 * @self: a #DistrettoSeries
 * @dimension: a dimension of the table, such as `nace_r2`
 * @code: the code the series has in it, such as `C`
 *
 * Records the code that pins the series in one dimension of its table;
 * setting a dimension again replaces its code.
 */
void
distretto_series_set_dimension (DistrettoSeries *self,
                                const char      *dimension,
                                const char      *code)
{
  g_return_if_fail (DISTRETTO_IS_SERIES (self));
  g_return_if_fail (dimension != NULL);
  g_return_if_fail (code != NULL);

  for (guint i = 0; i < self->dimensions->len; i += 2)
    {
      if (g_ascii_strcasecmp (g_ptr_array_index (self->dimensions, i), dimension) == 0)
        {
          g_free (g_ptr_array_index (self->dimensions, i + 1));
          g_ptr_array_index (self->dimensions, i + 1) = g_strdup (code);
          return;
        }
    }

  g_ptr_array_add (self->dimensions, g_strdup (dimension));
  g_ptr_array_add (self->dimensions, g_strdup (code));
}

/**
 * distretto_series_get_n_dimensions:
 * @self: a #DistrettoSeries
 *
 * Returns: how many dimensions pin the series
 */
guint
distretto_series_get_n_dimensions (DistrettoSeries *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SERIES (self), 0);

  return self->dimensions->len / 2;
}

/**
 * distretto_series_get_dimension_name:
 * @self: a #DistrettoSeries
 * @index: a position below distretto_series_get_n_dimensions()
 *
 * Returns: the name of a dimension, in the order of the file
 */
const char *
distretto_series_get_dimension_name (DistrettoSeries *self,
                                     guint            index)
{
  g_return_val_if_fail (DISTRETTO_IS_SERIES (self), NULL);
  g_return_val_if_fail (index < self->dimensions->len / 2, NULL);

  return g_ptr_array_index (self->dimensions, 2 * index);
}

/**
 * distretto_series_get_dimension_code:
 * @self: a #DistrettoSeries
 * @index: a position below distretto_series_get_n_dimensions()
 *
 * Returns: the code of the series in that dimension
 */
const char *
distretto_series_get_dimension_code (DistrettoSeries *self,
                                     guint            index)
{
  g_return_val_if_fail (DISTRETTO_IS_SERIES (self), NULL);
  g_return_val_if_fail (index < self->dimensions->len / 2, NULL);

  return g_ptr_array_index (self->dimensions, 2 * index + 1);
}

/**
 * distretto_series_lookup_dimension:
 * @self: a #DistrettoSeries
 * @dimension: a dimension name, in any case
 *
 * Returns: (nullable): the series' code in @dimension, or %NULL when the
 *   series has no such dimension
 */
const char *
distretto_series_lookup_dimension (DistrettoSeries *self,
                                   const char      *dimension)
{
  g_return_val_if_fail (DISTRETTO_IS_SERIES (self), NULL);
  g_return_val_if_fail (dimension != NULL, NULL);

  for (guint i = 0; i < self->dimensions->len; i += 2)
    if (g_ascii_strcasecmp (g_ptr_array_index (self->dimensions, i), dimension) == 0)
      return g_ptr_array_index (self->dimensions, i + 1);

  return NULL;
}

/**
 * distretto_series_dup_selector:
 * @self: a #DistrettoSeries
 *
 * The selector that names the series whatever the file it came from:
 * `TABLE?dimension=code&…` in the order of the file's dimensions, or the
 * plain code of a series without a table.
 *
 * Returns: (transfer full): the selector
 */
char *
distretto_series_dup_selector (DistrettoSeries *self)
{
  GString *selector;

  g_return_val_if_fail (DISTRETTO_IS_SERIES (self), NULL);

  if (self->table == NULL)
    return g_strdup (self->code);

  selector = g_string_new (self->table);
  for (guint i = 0; i < self->dimensions->len; i += 2)
    g_string_append_printf (selector, "%c%s=%s", i == 0 ? '?' : '&',
                            (const char *) g_ptr_array_index (self->dimensions, i),
                            (const char *) g_ptr_array_index (self->dimensions, i + 1));

  return g_string_free (selector, FALSE);
}

/**
 * distretto_series_copy_identity:
 * @self: a #DistrettoSeries
 * @other: the series to copy from
 *
 * Copies the table code and the dimensions of @other into @self, when
 * @self has none yet.
 */
void
distretto_series_copy_identity (DistrettoSeries *self,
                                DistrettoSeries *other)
{
  g_return_if_fail (DISTRETTO_IS_SERIES (self));
  g_return_if_fail (DISTRETTO_IS_SERIES (other));

  if (self->table != NULL || other->table == NULL)
    return;

  distretto_series_set_table (self, other->table);
  for (guint i = 0; i < other->dimensions->len; i += 2)
    distretto_series_set_dimension (self, g_ptr_array_index (other->dimensions, i),
                                    g_ptr_array_index (other->dimensions, i + 1));
}

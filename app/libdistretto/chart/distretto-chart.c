/* distretto-chart.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "distretto-chart-private.h"

/**
 * DistrettoChart:
 *
 * The model of a chart: what it shows, independent of where it is drawn.
 * distretto_chart_render() draws it onto any cairo context, so the window
 * and the exported files show the same picture.
 *
 * This version knows the ranking bar chart: regions sorted by value,
 * largest first. Bars with a missing (NaN) value are left out.
 */

G_DEFINE_FINAL_TYPE (DistrettoChart, distretto_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SOURCE,
  PROP_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_bar (gpointer data)
{
  DistrettoChartBar *bar = data;

  g_free (bar->code);
  g_free (bar->label);
}

static void
distretto_chart_finalize (GObject *object)
{
  DistrettoChart *self = (DistrettoChart *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->reference_label, g_free);
  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (distretto_chart_parent_class)->finalize (object);
}

static void
distretto_chart_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DistrettoChart *self = DISTRETTO_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_chart_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DistrettoChart *self = DISTRETTO_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SUBTITLE:
      distretto_chart_set_subtitle (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      distretto_chart_set_source (self, g_value_get_string (value));
      break;

    case PROP_UNIT:
      distretto_chart_set_unit (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_chart_class_init (DistrettoChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = distretto_chart_finalize;
  object_class->get_property = distretto_chart_get_property;
  object_class->set_property = distretto_chart_set_property;

  /**
   * DistrettoChart:title:
   *
   * The title drawn at the top.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoChart:subtitle:
   *
   * A line under the title: what, where, when.
   */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoChart:source:
   *
   * The source line drawn at the bottom.
   */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoChart:unit:
   *
   * The label of the value axis.
   */
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
distretto_chart_init (DistrettoChart *self)
{
  self->bars = g_array_new (FALSE, FALSE, sizeof (DistrettoChartBar));
  g_array_set_clear_func (self->bars, clear_bar);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->reference = NAN;
}

/**
 * distretto_chart_new_ranking:
 * @title: the chart's title
 *
 * Creates an empty ranking bar chart.
 *
 * Returns: (transfer full): a new #DistrettoChart
 */
DistrettoChart *
distretto_chart_new_ranking (const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (DISTRETTO_TYPE_CHART, "title", title, NULL);
}

/**
 * distretto_chart_get_title:
 * @self: a #DistrettoChart
 *
 * Returns: the title
 */
const char *
distretto_chart_get_title (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  return self->title;
}

#define DEFINE_STRING_PROPERTY(name, NAME)                                  \
const char *                                                                \
distretto_chart_get_##name (DistrettoChart *self)                           \
{                                                                           \
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);                   \
  return self->name;                                                        \
}                                                                           \
                                                                            \
void                                                                        \
distretto_chart_set_##name (DistrettoChart *self,                           \
                            const char     *name)                           \
{                                                                           \
  g_return_if_fail (DISTRETTO_IS_CHART (self));                             \
  if (g_strcmp0 (self->name, name) == 0)                                    \
    return;                                                                 \
  g_free (self->name);                                                      \
  self->name = g_strdup (name);                                             \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_##NAME]);      \
}

/**
 * distretto_chart_get_subtitle:
 * @self: a #DistrettoChart
 *
 * Returns: (nullable): the subtitle
 */
/**
 * distretto_chart_set_subtitle:
 * @self: a #DistrettoChart
 * @subtitle: (nullable): a line under the title
 *
 * Sets the subtitle.
 */
DEFINE_STRING_PROPERTY (subtitle, SUBTITLE)

/**
 * distretto_chart_get_source:
 * @self: a #DistrettoChart
 *
 * Returns: (nullable): the source line
 */
/**
 * distretto_chart_set_source:
 * @self: a #DistrettoChart
 * @source: (nullable): where the data come from
 *
 * Sets the source line.
 */
DEFINE_STRING_PROPERTY (source, SOURCE)

/**
 * distretto_chart_get_unit:
 * @self: a #DistrettoChart
 *
 * Returns: (nullable): the label of the value axis
 */
/**
 * distretto_chart_set_unit:
 * @self: a #DistrettoChart
 * @unit: (nullable): the label of the value axis
 *
 * Sets the label of the value axis.
 */
DEFINE_STRING_PROPERTY (unit, UNIT)

/**
 * distretto_chart_add_bar:
 * @self: a #DistrettoChart
 * @code: the region's code
 * @label: the label drawn next to the bar
 * @value: the bar's value; NaN leaves the bar out
 *
 * Adds a bar, keeping the bars sorted by value, largest first; equal
 * values keep the order in which they were added.
 */
void
distretto_chart_add_bar (DistrettoChart *self,
                         const char     *code,
                         const char     *label,
                         double          value)
{
  distretto_chart_add_bar_in_category (self, code, label, value, -1);
}

/**
 * distretto_chart_add_bar_in_category:
 * @self: a #DistrettoChart
 * @code: the region's code
 * @label: the label drawn next to the bar
 * @value: the bar's value; NaN leaves the bar out
 * @category: an index into the categories set with
 *   distretto_chart_set_categories(), or -1 for none
 *
 * Adds a bar coloured by its category, such as a performance group.
 */
void
distretto_chart_add_bar_in_category (DistrettoChart *self,
                                     const char     *code,
                                     const char     *label,
                                     double          value,
                                     int             category)
{
  DistrettoChartBar bar;
  guint position;

  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (code != NULL);
  g_return_if_fail (label != NULL);
  g_return_if_fail (category >= -1 && category < DISTRETTO_CHART_N_CATEGORIES);

  if (!isfinite (value))
    return;

  position = self->bars->len;
  while (position > 0 && g_array_index (self->bars, DistrettoChartBar, position - 1).value < value)
    position--;

  bar.code = g_strdup (code);
  bar.label = g_strdup (label);
  bar.value = value;
  bar.category = category;
  g_array_insert_val (self->bars, position, bar);
}

/**
 * distretto_chart_get_bar_category:
 * @self: a #DistrettoChart
 * @index: a rank from 0, below distretto_chart_get_n_bars()
 *
 * Returns: the category of the bar ranked @index, or -1
 */
int
distretto_chart_get_bar_category (DistrettoChart *self,
                                  guint           index)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), -1);
  g_return_val_if_fail (index < self->bars->len, -1);

  return g_array_index (self->bars, DistrettoChartBar, index).category;
}

/**
 * distretto_chart_set_categories:
 * @self: a #DistrettoChart
 * @labels: (array zero-terminated=1): the legend's labels, at most
 *   %DISTRETTO_CHART_N_CATEGORIES
 *
 * Names the categories bars are coloured by; the legend shows them.
 */
void
distretto_chart_set_categories (DistrettoChart     *self,
                                const char * const *labels)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (labels != NULL);

  g_ptr_array_set_size (self->categories, 0);
  for (guint i = 0; labels[i] != NULL && i < DISTRETTO_CHART_N_CATEGORIES; i++)
    g_ptr_array_add (self->categories, g_strdup (labels[i]));
}

/**
 * distretto_chart_set_reference:
 * @self: a #DistrettoChart
 * @value: the reference value, or NaN for none
 * @label: (nullable): what the reference is, such as "EU = 52.3"
 *
 * Draws a reference line across the bars.
 */
void
distretto_chart_set_reference (DistrettoChart *self,
                               double          value,
                               const char     *label)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));

  self->reference = value;
  g_free (self->reference_label);
  self->reference_label = g_strdup (label);
}

/**
 * distretto_chart_get_reference:
 * @self: a #DistrettoChart
 *
 * Returns: the reference value, or NaN
 */
double
distretto_chart_get_reference (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NAN);

  return self->reference;
}

/**
 * distretto_chart_get_selected:
 * @self: a #DistrettoChart
 *
 * Returns: (nullable): the code of the highlighted region
 */
const char *
distretto_chart_get_selected (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  return self->selected;
}

/**
 * distretto_chart_set_selected:
 * @self: a #DistrettoChart
 * @code: (nullable): a region code
 *
 * Highlights the bar of @code.
 */
void
distretto_chart_set_selected (DistrettoChart *self,
                              const char     *code)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));

  g_free (self->selected);
  self->selected = g_strdup (code);
}

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * distretto_chart_dup_table:
 * @self: a #DistrettoChart
 *
 * The data behind the chart, exactly what it shows: a CSV table with the
 * header `rank,region,name,value,category`, in chart order, values with
 * full precision.
 *
 * Returns: (transfer full): the table
 */
char *
distretto_chart_dup_table (DistrettoChart *self)
{
  g_autoptr(GString) out = g_string_new ("rank,region,name,value,category\n");

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%u,", i + 1);
      append_csv_field (out, bar->code);
      g_string_append_c (out, ',');
      append_csv_field (out, bar->label);
      g_string_append_printf (out, ",%s,", g_ascii_dtostr (number, sizeof number, bar->value));
      if (bar->category >= 0 && (guint) bar->category < self->categories->len)
        append_csv_field (out, g_ptr_array_index (self->categories, bar->category));
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * distretto_chart_get_n_bars:
 * @self: a #DistrettoChart
 *
 * Returns: the number of bars
 */
guint
distretto_chart_get_n_bars (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), 0);

  return self->bars->len;
}

/**
 * distretto_chart_get_bar_code:
 * @self: a #DistrettoChart
 * @index: a rank from 0, below distretto_chart_get_n_bars()
 *
 * Returns: the region code of the bar ranked @index
 */
const char *
distretto_chart_get_bar_code (DistrettoChart *self,
                              guint           index)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->bars->len, NULL);

  return g_array_index (self->bars, DistrettoChartBar, index).code;
}

/**
 * distretto_chart_get_bar_label:
 * @self: a #DistrettoChart
 * @index: a rank from 0, below distretto_chart_get_n_bars()
 *
 * Returns: the label of the bar ranked @index
 */
const char *
distretto_chart_get_bar_label (DistrettoChart *self,
                               guint           index)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->bars->len, NULL);

  return g_array_index (self->bars, DistrettoChartBar, index).label;
}

/**
 * distretto_chart_get_bar_value:
 * @self: a #DistrettoChart
 * @index: a rank from 0, below distretto_chart_get_n_bars()
 *
 * Returns: the value of the bar ranked @index
 */
double
distretto_chart_get_bar_value (DistrettoChart *self,
                               guint           index)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NAN);
  g_return_val_if_fail (index < self->bars->len, NAN);

  return g_array_index (self->bars, DistrettoChartBar, index).value;
}

/**
 * distretto_chart_get_natural_height:
 * @self: a #DistrettoChart
 *
 * The height at which every bar gets a readable row.
 *
 * Returns: a height in pixels or points
 */
double
distretto_chart_get_natural_height (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), 0);

  return DISTRETTO_CHART_HEADER_HEIGHT + DISTRETTO_CHART_FOOTER_HEIGHT
         + MAX (self->bars->len, 4) * DISTRETTO_CHART_ROW_HEIGHT;
}

/* distretto-chart.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "distretto-chart-private.h"
#include "distretto-enums.h"

/**
 * DistrettoChart:
 *
 * The model of a chart: what it shows, independent of where it is drawn.
 * distretto_chart_render() draws it onto any cairo context, so the window
 * and the exported files show the same picture.
 *
 * A chart is of one #DistrettoChartKind. A ranking is a bar chart of
 * regions sorted by value, largest first; bars with a missing (NaN) value
 * are left out. A trend is a line chart of regions over the years: one
 * line per region, a gap where a year is missing (NaN), and optionally
 * one line, such as the EU aggregate, drawn dashed as the reference.
 *
 * A map is a choropleth of regions' values: the values are given with
 * distretto_chart_add_bar() (a region's code, its name and its value),
 * grouped into classes (see distretto_chart_set_classification()) and
 * coloured in the chart's colour scheme (viridis unless set).
 *
 * A radar and a heatmap show profiles: regions' values on the same axes
 * (distretto_chart_set_axes(), distretto_chart_add_profile()), such as a
 * module's pillars or sub-indicators. A scatter shows regions as points
 * by two values and optionally a third (distretto_chart_add_point()).
 */

G_DEFINE_FINAL_TYPE (DistrettoChart, distretto_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SOURCE,
  PROP_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const DistrettoChartKindClass * const kind_classes[] = {
  [DISTRETTO_CHART_KIND_RANKING] = &_distretto_chart_ranking_class,
  [DISTRETTO_CHART_KIND_TREND] = &_distretto_chart_trend_class,
  [DISTRETTO_CHART_KIND_MAP] = &_distretto_chart_map_class,
  [DISTRETTO_CHART_KIND_RADAR] = &_distretto_chart_radar_class,
  [DISTRETTO_CHART_KIND_SCATTER] = &_distretto_chart_scatter_class,
  [DISTRETTO_CHART_KIND_HEATMAP] = &_distretto_chart_heatmap_class,
  [DISTRETTO_CHART_KIND_CUSTOM] = &_distretto_chart_custom_class,
  [DISTRETTO_CHART_KIND_UNCERTAINTY] = &_distretto_chart_uncertainty_class,
  [DISTRETTO_CHART_KIND_SENSITIVITY] = &_distretto_chart_sensitivity_class,
};

static void
clear_bar (gpointer data)
{
  DistrettoChartBar *bar = data;

  g_free (bar->code);
  g_free (bar->label);
  g_free (bar->note);
}

void
_distretto_chart_clear_line (gpointer data)
{
  DistrettoChartLine *line = data;

  g_free (line->code);
  g_free (line->label);
  g_array_unref (line->points);
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
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_object (&self->boundaries);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->axes, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->x_title, g_free);
  g_clear_pointer (&self->y_title, g_free);
  g_clear_pointer (&self->third_title, g_free);
  g_clear_pointer (&self->x_reference_label, g_free);
  g_clear_pointer (&self->region_flags, g_hash_table_unref);
  g_clear_pointer (&self->labelled, g_hash_table_unref);
  g_clear_pointer (&self->highlighted_regions, g_hash_table_unref);
  g_clear_pointer (&self->indicator, g_free);
  g_clear_pointer (&self->series_ids, g_strfreev);
  g_clear_pointer (&self->indices, g_array_unref);
  _distretto_chart_clear_layout (self);
  g_clear_pointer (&self->scratch, cairo_destroy);
  g_clear_pointer (&self->kept_layouts, g_hash_table_unref);
  if (self->body_destroy != NULL)
    self->body_destroy (self->body_data);

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
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

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
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      self->kind_class = kind_classes[self->kind];
      break;

    case PROP_TITLE:
      distretto_chart_set_title (self, g_value_get_string (value));
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
   * DistrettoChart:kind:
   *
   * What the chart shows: a ranking or a trend.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       DISTRETTO_TYPE_CHART_KIND, DISTRETTO_CHART_KIND_RANKING,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoChart:title:
   *
   * The title drawn at the top.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

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
  self->group_certainty = NAN;
  self->lines = g_array_new (FALSE, FALSE, sizeof (DistrettoChartLine));
  g_array_set_clear_func (self->lines, _distretto_chart_clear_line);
  self->reference_line = -1;
  self->classification = DISTRETTO_CLASSIFICATION_QUANTILES;
  self->n_classes = 5;
  self->scheme = DISTRETTO_COLOR_SCHEME_VIRIDIS;
  self->kind_class = kind_classes[DISTRETTO_CHART_KIND_RANKING];
  _distretto_chart_init_profiles (self);
  _distretto_chart_init_points (self);
  _distretto_chart_init_indices (self);
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
 * distretto_chart_new_trend:
 * @title: the chart's title
 *
 * Creates an empty trend chart: add lines with distretto_chart_add_line()
 * and their points with distretto_chart_line_add_point().
 *
 * Returns: (transfer full): a new #DistrettoChart
 */
DistrettoChart *
distretto_chart_new_trend (const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (DISTRETTO_TYPE_CHART,
                       "kind", DISTRETTO_CHART_KIND_TREND,
                       "title", title,
                       NULL);
}

/**
 * distretto_chart_new_map:
 * @title: the chart's title
 * @boundaries: the regions' boundaries
 *
 * Creates an empty choropleth map: give regions their values with
 * distretto_chart_add_bar(). Only the regions of one NUTS level are drawn,
 * the level most of the valued regions are at; the regions of that level
 * without a value are hatched as "no data". The outermost regions (codes
 * starting with FRY, ES70, PT20 or PT30) are drawn in insets along the
 * bottom, so the mainland fills the frame.
 *
 * Returns: (transfer full): a new #DistrettoChart
 */
DistrettoChart *
distretto_chart_new_map (const char          *title,
                         DistrettoBoundaries *boundaries)
{
  DistrettoChart *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (boundaries), NULL);

  self = g_object_new (DISTRETTO_TYPE_CHART,
                       "kind", DISTRETTO_CHART_KIND_MAP,
                       "title", title,
                       NULL);
  self->boundaries = g_object_ref (boundaries);

  return self;
}

/**
 * distretto_chart_set_classification:
 * @self: a #DistrettoChart
 * @method: how values are grouped into classes
 * @n_classes: how many classes, from %DISTRETTO_CHART_MIN_CLASSES to
 *   %DISTRETTO_CHART_MAX_CLASSES
 *
 * Sets how a map classes its values; the default is 5 quantiles. Classes
 * are coloured in the chart's colour scheme (distretto_chart_set_color_scheme()),
 * from the lowest to the highest; viridis, the default, uses
 * viridisLite's `viridis(n)` colours, perceptually uniform, colour-blind
 * safe and readable in grey.
 */
void
distretto_chart_set_classification (DistrettoChart          *self,
                                    DistrettoClassification  method,
                                    guint                    n_classes)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (method <= DISTRETTO_CLASSIFICATION_NATURAL_BREAKS);
  g_return_if_fail (n_classes >= DISTRETTO_CHART_MIN_CLASSES && n_classes <= DISTRETTO_CHART_MAX_CLASSES);

  self->classification = method;
  self->n_classes = n_classes;
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_get_classification:
 * @self: a #DistrettoChart
 *
 * Returns: how a map groups its values into classes
 */
DistrettoClassification
distretto_chart_get_classification (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), DISTRETTO_CLASSIFICATION_QUANTILES);

  return self->classification;
}

/**
 * distretto_chart_get_n_classes:
 * @self: a #DistrettoChart
 *
 * Returns: how many classes a map groups its values into
 */
guint
distretto_chart_get_n_classes (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), 0);

  return self->n_classes;
}

/**
 * distretto_chart_get_region_class:
 * @self: a #DistrettoChart of kind %DISTRETTO_CHART_KIND_MAP
 * @code: a region code
 *
 * The class a map colours a region with, from 0 (the lowest values).
 *
 * Returns: the class, or -1 if the region is not drawn with a value
 */
int
distretto_chart_get_region_class (DistrettoChart *self,
                                  const char     *code)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), -1);
  g_return_val_if_fail (code != NULL, -1);

  if (self->kind != DISTRETTO_CHART_KIND_MAP)
    return -1;

  return _distretto_chart_map_class_of (self, code);
}

/**
 * distretto_chart_get_class_color:
 * @self: a #DistrettoChart of kind %DISTRETTO_CHART_KIND_MAP
 * @class_index: a class, from 0 (the lowest values)
 * @style: the style the map is drawn in
 * @color: (out caller-allocates): the class's colour
 *
 * The colour a map fills a class with in @style: the scheme's, except on
 * a dark background, where the classes are lightened so that even the
 * darkest keeps a 3:1 contrast with it (and all keep their order).
 *
 * Returns: %TRUE if the map has the class
 */
gboolean
distretto_chart_get_class_color (DistrettoChart      *self,
                                 guint                class_index,
                                 DistrettoChartStyle  style,
                                 DistrettoChartColor *color)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);
  g_return_val_if_fail (color != NULL, FALSE);

  if (self->kind != DISTRETTO_CHART_KIND_MAP)
    return FALSE;

  return _distretto_chart_map_class_color (self, class_index, style, color);
}

/**
 * distretto_chart_get_kind:
 * @self: a #DistrettoChart
 *
 * Returns: what the chart shows
 */
DistrettoChartKind
distretto_chart_get_kind (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), DISTRETTO_CHART_KIND_RANKING);

  return self->kind;
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

/**
 * distretto_chart_set_title:
 * @self: a #DistrettoChart
 * @title: the title drawn at the top
 *
 * Replaces the title, such as with one a user typed for a slide.
 */
void
distretto_chart_set_title (DistrettoChart *self,
                           const char     *title)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));

  if (title == NULL)
    title = "";
  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  _distretto_chart_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
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
  _distretto_chart_changed (self);                                          \
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
 * distretto_chart_get_notes:
 * @self: a #DistrettoChart
 *
 * Returns: (nullable): the notes
 */
const char *
distretto_chart_get_notes (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  return self->notes;
}

/**
 * distretto_chart_set_notes:
 * @self: a #DistrettoChart
 * @notes: (nullable): what a reader should know about the method or the
 *   data, printed above the source line
 *
 * Sets the chart's notes.
 */
void
distretto_chart_set_notes (DistrettoChart *self,
                           const char     *notes)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));

  g_free (self->notes);
  self->notes = g_strdup (notes);
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_get_color_scheme:
 * @self: a #DistrettoChart
 *
 * Returns: the scheme values are coloured in
 */
DistrettoColorScheme
distretto_chart_get_color_scheme (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), DISTRETTO_COLOR_SCHEME_VIRIDIS);

  return self->scheme;
}

/**
 * distretto_chart_set_color_scheme:
 * @self: a #DistrettoChart
 * @scheme: a #DistrettoColorScheme
 *
 * Sets how a map's classes, a heatmap's cells and a scatter's third value
 * are coloured; the default is viridis. With the diverging scheme the
 * middle colour is at the reference (distretto_chart_set_reference()).
 */
void
distretto_chart_set_color_scheme (DistrettoChart       *self,
                                  DistrettoColorScheme  scheme)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (scheme <= DISTRETTO_COLOR_SCHEME_DIVERGING);

  self->scheme = scheme;
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_set_bar_interval:
 * @self: a ranking #DistrettoChart
 * @code: a bar's region code
 * @lower: the interval's lower end
 * @upper: the interval's upper end, at least @lower
 *
 * Gives a bar an interval around its value, such as the range of its score
 * under other methods, drawn as an error bar.
 *
 * Returns: %TRUE if there is a bar of @code
 */
gboolean
distretto_chart_set_bar_interval (DistrettoChart *self,
                                  const char     *code,
                                  double          lower,
                                  double          upper)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (!(lower > upper), FALSE);

  for (guint i = 0; i < self->bars->len; i++)
    {
      DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);

      if (g_str_equal (bar->code, code))
        {
          bar->lower = isfinite (lower) && isfinite (upper) ? lower : NAN;
          bar->upper = isfinite (lower) && isfinite (upper) ? upper : NAN;
          _distretto_chart_changed (self);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * distretto_chart_get_bar_interval:
 * @self: a ranking #DistrettoChart
 * @index: a rank from 0, below distretto_chart_get_n_bars()
 * @lower: (out) (optional): the interval's lower end
 * @upper: (out) (optional): the interval's upper end
 *
 * Returns: %TRUE if the bar ranked @index has an interval
 */
gboolean
distretto_chart_get_bar_interval (DistrettoChart *self,
                                  guint           index,
                                  double         *lower,
                                  double         *upper)
{
  const DistrettoChartBar *bar;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);
  g_return_val_if_fail (index < self->bars->len, FALSE);

  bar = &g_array_index (self->bars, DistrettoChartBar, index);
  if (lower != NULL)
    *lower = bar->lower;
  if (upper != NULL)
    *upper = bar->upper;

  return !isnan (bar->lower);
}

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

  _distretto_chart_init_bar (&bar);
  bar.code = g_strdup (code);
  bar.label = g_strdup (label);
  bar.value = value;
  bar.category = category;
  g_array_insert_val (self->bars, position, bar);
  _distretto_chart_changed (self);
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
  _distretto_chart_changed (self);
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
  _distretto_chart_changed (self);
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
 * distretto_chart_add_line:
 * @self: a trend #DistrettoChart
 * @code: the region's code
 * @label: the region's name, shown in the legend
 *
 * Adds an empty line to a trend; lines are coloured in the order they are
 * added, the reference line aside.
 *
 * Returns: the index of the new line
 */
guint
distretto_chart_add_line (DistrettoChart *self,
                          const char     *code,
                          const char     *label)
{
  DistrettoChartLine line;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), 0);
  g_return_val_if_fail (self->kind == DISTRETTO_CHART_KIND_TREND, 0);
  g_return_val_if_fail (code != NULL, 0);
  g_return_val_if_fail (label != NULL, 0);

  line.code = g_strdup (code);
  line.label = g_strdup (label);
  line.points = g_array_new (FALSE, FALSE, sizeof (DistrettoChartPoint));
  g_array_append_val (self->lines, line);
  _distretto_chart_changed (self);

  return self->lines->len - 1;
}

/**
 * distretto_chart_line_add_point:
 * @self: a trend #DistrettoChart
 * @line: a line's index, from distretto_chart_add_line()
 * @year: the year of the value
 * @value: the value, or NaN for a missing year: a gap in the line
 * @flags: the value's flags; %DISTRETTO_FLAGS_BREAK and
 *   %DISTRETTO_FLAGS_ESTIMATED are marked on the point
 *
 * Adds a point to a line, keeping the points sorted by year; a second
 * point of the same year replaces the first.
 */
void
distretto_chart_line_add_point (DistrettoChart *self,
                                guint           line,
                                int             year,
                                double          value,
                                DistrettoFlags  flags)
{
  DistrettoChartPoint point = { year, isfinite (value) ? value : NAN, flags };
  GArray *points;
  guint position;

  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (line < self->lines->len);

  points = g_array_index (self->lines, DistrettoChartLine, line).points;
  position = points->len;
  while (position > 0 && g_array_index (points, DistrettoChartPoint, position - 1).year > year)
    position--;

  if (position > 0 && g_array_index (points, DistrettoChartPoint, position - 1).year == year)
    g_array_index (points, DistrettoChartPoint, position - 1) = point;
  else
    g_array_insert_val (points, position, point);
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_get_n_lines:
 * @self: a #DistrettoChart
 *
 * Returns: the number of lines of a trend, the reference line included
 */
guint
distretto_chart_get_n_lines (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), 0);

  return self->lines->len;
}

/**
 * distretto_chart_get_line_code:
 * @self: a #DistrettoChart
 * @line: a line's index, below distretto_chart_get_n_lines()
 *
 * Returns: the region code of the line
 */
const char *
distretto_chart_get_line_code (DistrettoChart *self,
                               guint           line)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);

  return g_array_index (self->lines, DistrettoChartLine, line).code;
}

/**
 * distretto_chart_get_line_label:
 * @self: a #DistrettoChart
 * @line: a line's index, below distretto_chart_get_n_lines()
 *
 * Returns: the name of the line's region, as the legend shows it
 */
const char *
distretto_chart_get_line_label (DistrettoChart *self,
                                guint           line)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);
  g_return_val_if_fail (line < self->lines->len, NULL);

  return g_array_index (self->lines, DistrettoChartLine, line).label;
}

/**
 * distretto_chart_set_reference_line:
 * @self: a trend #DistrettoChart
 * @line: a line's index, or -1 for none
 *
 * Marks one line, such as the EU aggregate, as the reference the others
 * are compared with: it is drawn dashed in the reference colour.
 */
void
distretto_chart_set_reference_line (DistrettoChart *self,
                                    int             line)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (line >= -1 && line < (int) self->lines->len);

  self->reference_line = line;
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_get_reference_line:
 * @self: a #DistrettoChart
 *
 * Returns: the index of the reference line, or -1
 */
int
distretto_chart_get_reference_line (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), -1);

  return self->reference_line;
}

/**
 * distretto_chart_get_selected:
 * @self: a #DistrettoChart
 *
 * Returns: (nullable): the code of the selected region
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
 * Selects the region of @code: distretto_chart_render() and the exports
 * draw it selected (see distretto_chart_render_options_set_selected()).
 * Drawings with their own options choose their own selection.
 */
void
distretto_chart_set_selected (DistrettoChart *self,
                              const char     *code)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));

  g_free (self->selected);
  self->selected = g_strdup (code);
}

void
_distretto_chart_append_csv_field (GString    *out,
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
 * The data behind the chart, exactly what it shows, as a CSV table with
 * values with full precision. A ranking's header is
 * `rank,region,name,value,category`, in chart order; a trend's is
 * `region,name,year,value,flags`, one row per point, line by line and
 * year by year, missing years left out. A map's is
 * `region,name,value,class`, one row per region drawn, classes numbered
 * from 1 (the lowest values), value and class empty for no data. A
 * ranking with intervals (distretto_chart_set_bar_interval()) adds
 * `lower,upper`. A radar's and a heatmap's is `region,name,axis,value`,
 * one row per region and axis, in the order drawn. A scatter's is
 * `region,name,x,y,third`, one row per point. A ranking whose bars have
 * flags or notes adds `flags,note` (flags as distretto_flags_to_string()
 * writes them), one with category shares a column per category. An
 * uncertainty chart's is `rank,region,name,median_rank,lower,upper,category`
 * (then the shares, flags and notes), in nominal rank order; a
 * sensitivity chart's is
 * `part,id,name,first_order,total_order,mean_rank_change,max_rank_change`,
 * the assumptions (part `sobol`) then the sub-indicators left out (part
 * `remove-one`). A custom chart has none.
 *
 * Returns: (transfer full) (nullable): the table, or %NULL for a custom chart
 */
char *
distretto_chart_dup_table (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  return self->kind_class->dup_table (self);
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
 * The height at which every bar gets a readable row; for a trend, a
 * height that leaves the lines room to rise and fall; for a map, a height
 * at which Europe is readable; for a heatmap, one row per region. Notes
 * add their lines.
 *
 * Returns: a height in pixels or points
 */
double
distretto_chart_get_natural_height (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), 0);

  /* Notes are measured as if 800 wide: wider charts have room to spare. */
  return _distretto_chart_notes_height (self, _distretto_chart_get_scratch (self), 800.0)
         + self->kind_class->natural_height (self);
}

/* Every change to what is drawn, the selection aside, ends here. */
void
_distretto_chart_changed (DistrettoChart *self)
{
  self->revision++;
  _distretto_chart_clear_layout (self);
  if (self->kept_layouts != NULL)
    g_hash_table_remove_all (self->kept_layouts);
}

/**
 * distretto_chart_get_revision:
 * @self: a #DistrettoChart
 *
 * A number that changes whenever the chart changes in a way that changes
 * its drawing, the selection aside: a view that keeps a drawing of the
 * chart (an image of a map, say) compares it with the one it drew to know
 * when to draw again.
 *
 * Returns: the chart's revision
 */
guint
distretto_chart_get_revision (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), 0);

  return self->revision;
}

/* A context on a 1×1 image, kept for measuring text: laid out there as
 * the renderer lays it out on an image. */
cairo_t *
_distretto_chart_get_scratch (DistrettoChart *self)
{
  if (self->scratch == NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);

      self->scratch = cairo_create (surface);
      cairo_surface_destroy (surface);
    }

  return self->scratch;
}

/**
 * distretto_chart_set_region_flags:
 * @self: a #DistrettoChart
 * @code: a region code
 * @flags: the flags of the region's values the chart shows
 *
 * Records why a region's value is what it is (estimated, imputed,
 * synthetic…), for the chart's data table and its readers.
 */
void
distretto_chart_set_region_flags (DistrettoChart *self,
                                  const char     *code,
                                  DistrettoFlags  flags)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (code != NULL);

  if (self->region_flags == NULL)
    self->region_flags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (self->region_flags, g_strdup (code), GUINT_TO_POINTER (flags));
}

/**
 * distretto_chart_get_region_flags:
 * @self: a #DistrettoChart
 * @code: a region code
 *
 * Returns: the flags recorded with distretto_chart_set_region_flags(),
 *   else those of the region's bar (distretto_chart_set_bar_flags()),
 *   none for a region without
 */
DistrettoFlags
distretto_chart_get_region_flags (DistrettoChart *self,
                                  const char     *code)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), DISTRETTO_FLAGS_NONE);
  g_return_val_if_fail (code != NULL, DISTRETTO_FLAGS_NONE);

  if (self->region_flags != NULL && g_hash_table_contains (self->region_flags, code))
    return GPOINTER_TO_UINT (g_hash_table_lookup (self->region_flags, code));

  for (guint i = 0; i < self->bars->len; i++)
    if (g_str_equal (g_array_index (self->bars, DistrettoChartBar, i).code, code))
      return g_array_index (self->bars, DistrettoChartBar, i).flags;

  return DISTRETTO_FLAGS_NONE;
}

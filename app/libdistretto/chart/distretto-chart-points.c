/* distretto-chart-points.c: the model of scatter charts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "distretto-chart-private.h"

static void
clear_mark (gpointer data)
{
  DistrettoChartMark *mark = data;

  g_free (mark->code);
  g_free (mark->label);
}

void
_distretto_chart_init_points (DistrettoChart *self)
{
  self->marks = g_array_new (FALSE, FALSE, sizeof (DistrettoChartMark));
  g_array_set_clear_func (self->marks, clear_mark);
  self->x_reference = NAN;
  self->labelled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * distretto_chart_new_scatter:
 * @title: the chart's title
 *
 * Creates an empty scatter chart: add regions with
 * distretto_chart_add_point(). The references
 * (distretto_chart_set_x_reference() and distretto_chart_set_reference()
 * for y) are drawn as lines dividing the plot into quadrants.
 *
 * Returns: (transfer full): a new #DistrettoChart
 */
DistrettoChart *
distretto_chart_new_scatter (const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (DISTRETTO_TYPE_CHART,
                       "kind", DISTRETTO_CHART_KIND_SCATTER,
                       "title", title,
                       NULL);
}

/**
 * distretto_chart_set_axis_titles:
 * @self: a scatter #DistrettoChart
 * @x_title: (nullable): what the horizontal axis shows
 * @y_title: (nullable): what the vertical axis shows
 *
 * Names a scatter's two axes.
 */
void
distretto_chart_set_axis_titles (DistrettoChart *self,
                                 const char     *x_title,
                                 const char     *y_title)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));

  g_free (self->x_title);
  self->x_title = g_strdup (x_title);
  g_free (self->y_title);
  self->y_title = g_strdup (y_title);
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_set_third:
 * @self: a scatter #DistrettoChart
 * @title: (nullable): what the third value is, for the legend
 * @encoding: how the third value is drawn
 *
 * Says what a scatter's third value is and how it is shown.
 */
void
distretto_chart_set_third (DistrettoChart         *self,
                           const char             *title,
                           DistrettoChartEncoding  encoding)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (encoding <= DISTRETTO_CHART_ENCODING_COLOR);

  g_free (self->third_title);
  self->third_title = g_strdup (title);
  self->third_encoding = encoding;
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_add_point:
 * @self: a scatter #DistrettoChart
 * @code: the region's code
 * @label: the region's name
 * @x: the value on the horizontal axis
 * @y: the value on the vertical axis
 * @third: a third value, or NaN
 *
 * Adds a region as a point; a point without both @x and @y is left out.
 *
 * Returns: the index of the point, or -1 (as unsigned) if left out
 */
guint
distretto_chart_add_point (DistrettoChart *self,
                           const char     *code,
                           const char     *label,
                           double          x,
                           double          y,
                           double          third)
{
  DistrettoChartMark mark;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), G_MAXUINT);
  g_return_val_if_fail (self->kind == DISTRETTO_CHART_KIND_SCATTER, G_MAXUINT);
  g_return_val_if_fail (code != NULL, G_MAXUINT);
  g_return_val_if_fail (label != NULL, G_MAXUINT);

  if (!isfinite (x) || !isfinite (y))
    return G_MAXUINT;

  mark.code = g_strdup (code);
  mark.label = g_strdup (label);
  mark.x = x;
  mark.y = y;
  mark.third = isfinite (third) ? third : NAN;
  g_array_append_val (self->marks, mark);
  _distretto_chart_changed (self);

  return self->marks->len - 1;
}

/**
 * distretto_chart_get_n_points:
 * @self: a #DistrettoChart
 *
 * Returns: the number of a scatter's points
 */
guint
distretto_chart_get_n_points (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), 0);

  return self->marks->len;
}

/**
 * distretto_chart_get_point_code:
 * @self: a scatter #DistrettoChart
 * @index: a point, below distretto_chart_get_n_points()
 *
 * Returns: the point's region code
 */
const char *
distretto_chart_get_point_code (DistrettoChart *self,
                                guint           index)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);

  return g_array_index (self->marks, DistrettoChartMark, index).code;
}

/**
 * distretto_chart_get_point:
 * @self: a scatter #DistrettoChart
 * @index: a point, below distretto_chart_get_n_points()
 * @x: (out) (optional): its horizontal value
 * @y: (out) (optional): its vertical value
 * @third: (out) (optional): its third value, or NaN
 *
 * Gets a point's values.
 */
void
distretto_chart_get_point (DistrettoChart *self,
                           guint           index,
                           double         *x,
                           double         *y,
                           double         *third)
{
  const DistrettoChartMark *mark;

  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (index < self->marks->len);

  mark = &g_array_index (self->marks, DistrettoChartMark, index);
  if (x != NULL)
    *x = mark->x;
  if (y != NULL)
    *y = mark->y;
  if (third != NULL)
    *third = mark->third;
}

/**
 * distretto_chart_set_x_reference:
 * @self: a scatter #DistrettoChart
 * @value: the reference on the horizontal axis, or NaN for none
 * @label: (nullable): its label
 *
 * Sets a scatter's vertical reference line; the horizontal one is
 * distretto_chart_set_reference().
 */
void
distretto_chart_set_x_reference (DistrettoChart *self,
                                 double          value,
                                 const char     *label)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));

  self->x_reference = isfinite (value) ? value : NAN;
  g_free (self->x_reference_label);
  self->x_reference_label = g_strdup (label);
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_get_x_reference:
 * @self: a #DistrettoChart
 *
 * Returns: the reference on a scatter's horizontal axis, or NaN
 */
double
distretto_chart_get_x_reference (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NAN);

  return self->x_reference;
}

/**
 * distretto_chart_set_labelled:
 * @self: a scatter #DistrettoChart
 * @codes: (array zero-terminated=1) (nullable): the regions whose points
 *   get their names written next to them
 *
 * Chooses the points a scatter labels, besides the selected one; labels
 * that would overlap one another are moved or, if there is no room, left
 * out.
 */
void
distretto_chart_set_labelled (DistrettoChart     *self,
                              const char * const *codes)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));

  g_hash_table_remove_all (self->labelled);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_hash_table_add (self->labelled, g_strdup (codes[i]));
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_is_labelled:
 * @self: a #DistrettoChart
 * @code: a region's code
 *
 * Returns: %TRUE if the point of @code is to be labelled: chosen with
 *   distretto_chart_set_labelled() or selected
 */
gboolean
distretto_chart_is_labelled (DistrettoChart *self,
                             const char     *code)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  return g_hash_table_contains (self->labelled, code) || g_strcmp0 (self->selected, code) == 0;
}

char *
_distretto_chart_dup_scatter_table (DistrettoChart *self)
{
  g_autoptr(GString) out = g_string_new ("region,name,x,y,third\n");

  for (guint i = 0; i < self->marks->len; i++)
    {
      const DistrettoChartMark *mark = &g_array_index (self->marks, DistrettoChartMark, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      _distretto_chart_append_csv_field (out, mark->code);
      g_string_append_c (out, ',');
      _distretto_chart_append_csv_field (out, mark->label);
      g_string_append_printf (out, ",%s", g_ascii_dtostr (number, sizeof number, mark->x));
      g_string_append_printf (out, ",%s,", g_ascii_dtostr (number, sizeof number, mark->y));
      if (!isnan (mark->third))
        g_string_append (out, g_ascii_dtostr (number, sizeof number, mark->third));
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

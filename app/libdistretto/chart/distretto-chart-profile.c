/* distretto-chart-profile.c: the model of radars and heatmaps
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-chart-private.h"

void
_distretto_chart_init_profiles (DistrettoChart *self)
{
  self->axes = g_ptr_array_new_with_free_func (g_free);
  self->sort_axis = -1;
}

/**
 * distretto_chart_new_radar:
 * @title: the chart's title
 *
 * Creates an empty radar (profile) chart: name its axes with
 * distretto_chart_set_axes() and add regions' profiles with
 * distretto_chart_add_profile(); distretto_chart_set_reference_line()
 * makes one profile, such as the EU's, the dashed reference.
 *
 * Returns: (transfer full): a new #DistrettoChart
 */
DistrettoChart *
distretto_chart_new_radar (const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (DISTRETTO_TYPE_CHART,
                       "kind", DISTRETTO_CHART_KIND_RADAR,
                       "title", title,
                       NULL);
}

/**
 * distretto_chart_new_heatmap:
 * @title: the chart's title
 *
 * Creates an empty heatmap: name its columns with
 * distretto_chart_set_axes() and add one row per region with
 * distretto_chart_add_profile(). Rows keep the order they were added in
 * unless distretto_chart_set_sort_axis() sorts them by a column.
 *
 * Returns: (transfer full): a new #DistrettoChart
 */
DistrettoChart *
distretto_chart_new_heatmap (const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (DISTRETTO_TYPE_CHART,
                       "kind", DISTRETTO_CHART_KIND_HEATMAP,
                       "title", title,
                       NULL);
}

/**
 * distretto_chart_set_axes:
 * @self: a radar or heatmap #DistrettoChart
 * @labels: (array zero-terminated=1): the axes' labels, such as pillar or
 *   sub-indicator names
 *
 * Names the axes of a radar (clockwise from the top) or the columns of a
 * heatmap (left to right). Set them before adding profiles.
 */
void
distretto_chart_set_axes (DistrettoChart     *self,
                          const char * const *labels)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (labels != NULL);
  g_return_if_fail (self->lines->len == 0);

  g_ptr_array_set_size (self->axes, 0);
  self->sort_axis = -1;
  for (guint i = 0; labels[i] != NULL; i++)
    g_ptr_array_add (self->axes, g_strdup (labels[i]));
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_get_n_axes:
 * @self: a #DistrettoChart
 *
 * Returns: the number of axes of a radar or columns of a heatmap
 */
guint
distretto_chart_get_n_axes (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), 0);

  return self->axes->len;
}

/**
 * distretto_chart_get_axis_label:
 * @self: a #DistrettoChart
 * @axis: an axis, below distretto_chart_get_n_axes()
 *
 * Returns: the axis' label
 */
const char *
distretto_chart_get_axis_label (DistrettoChart *self,
                                guint           axis)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);
  g_return_val_if_fail (axis < self->axes->len, NULL);

  return g_ptr_array_index (self->axes, axis);
}

/**
 * distretto_chart_add_profile:
 * @self: a radar or heatmap #DistrettoChart
 * @code: the region's code
 * @label: the region's name
 * @values: (array length=n_values): the region's value on each axis, NaN
 *   for a missing one
 * @n_values: the number of values: distretto_chart_get_n_axes()
 *
 * Adds a region's profile: a polygon of a radar or a row of a heatmap.
 *
 * Returns: the index of the profile, as for distretto_chart_add_line()
 */
guint
distretto_chart_add_profile (DistrettoChart *self,
                             const char     *code,
                             const char     *label,
                             const double   *values,
                             guint           n_values)
{
  DistrettoChartLine line;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), 0);
  g_return_val_if_fail (self->kind == DISTRETTO_CHART_KIND_RADAR ||
                        self->kind == DISTRETTO_CHART_KIND_HEATMAP, 0);
  g_return_val_if_fail (code != NULL, 0);
  g_return_val_if_fail (label != NULL, 0);
  g_return_val_if_fail (n_values == self->axes->len, 0);
  g_return_val_if_fail (values != NULL || n_values == 0, 0);

  line.code = g_strdup (code);
  line.label = g_strdup (label);
  line.points = g_array_sized_new (FALSE, FALSE, sizeof (DistrettoChartPoint), n_values);
  for (guint i = 0; i < n_values; i++)
    {
      DistrettoChartPoint point = { (int) i, isfinite (values[i]) ? values[i] : NAN, DISTRETTO_FLAGS_NONE };

      g_array_append_val (line.points, point);
    }
  g_array_append_val (self->lines, line);
  _distretto_chart_changed (self);

  return self->lines->len - 1;
}

/**
 * distretto_chart_get_profile_value:
 * @self: a radar or heatmap #DistrettoChart
 * @line: a profile's index, from distretto_chart_add_profile()
 * @axis: an axis, below distretto_chart_get_n_axes()
 *
 * Returns: the profile's value on @axis, or NaN
 */
double
distretto_chart_get_profile_value (DistrettoChart *self,
                                   guint           line,
                                   guint           axis)
{
  GArray *points;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NAN);
  g_return_val_if_fail (line < self->lines->len, NAN);

  points = g_array_index (self->lines, DistrettoChartLine, line).points;
  g_return_val_if_fail (axis < points->len, NAN);

  return g_array_index (points, DistrettoChartPoint, axis).value;
}

/**
 * distretto_chart_set_sort_axis:
 * @self: a heatmap #DistrettoChart
 * @axis: the column to sort the rows by, largest first, or -1 to keep the
 *   order the rows were added in
 *
 * Sorts a heatmap's rows; missing values go last.
 */
void
distretto_chart_set_sort_axis (DistrettoChart *self,
                               int             axis)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (axis >= -1 && axis < (int) self->axes->len);

  self->sort_axis = axis;
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_get_sort_axis:
 * @self: a #DistrettoChart
 *
 * Returns: the column a heatmap's rows are sorted by, or -1
 */
int
distretto_chart_get_sort_axis (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), -1);

  return self->sort_axis;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  DistrettoChart *self = user_data;
  guint row_a = *(const guint *) a, row_b = *(const guint *) b;
  double value_a = distretto_chart_get_profile_value (self, row_a, self->sort_axis);
  double value_b = distretto_chart_get_profile_value (self, row_b, self->sort_axis);

  if (isnan (value_a) != isnan (value_b))
    return isnan (value_a) ? 1 : -1;
  if (value_a != value_b && !isnan (value_a))
    return value_a > value_b ? -1 : 1;

  return row_a < row_b ? -1 : row_a > row_b;
}

/**
 * distretto_chart_dup_row_order:
 * @self: a radar or heatmap #DistrettoChart
 * @n_rows: (out): the number of rows
 *
 * The profiles in the order a heatmap draws them, top to bottom: sorted by
 * the sort axis (ties in the order added), or as added.
 *
 * Returns: (array length=n_rows) (transfer full): the profiles' indices
 */
guint *
distretto_chart_dup_row_order (DistrettoChart *self,
                               guint          *n_rows)
{
  guint *order;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);
  g_return_val_if_fail (n_rows != NULL, NULL);

  *n_rows = self->lines->len;
  order = g_new (guint, MAX (*n_rows, 1));
  for (guint i = 0; i < *n_rows; i++)
    order[i] = i;

  if (self->sort_axis >= 0)
    g_qsort_with_data (order, (int) *n_rows, sizeof (guint), compare_rows, self);

  return order;
}

char *
_distretto_chart_dup_profile_table (DistrettoChart *self)
{
  g_autoptr(GString) out = g_string_new ("region,name,axis,value\n");
  g_autofree guint *order = NULL;
  guint n_rows;

  order = distretto_chart_dup_row_order (self, &n_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      const DistrettoChartLine *line = &g_array_index (self->lines, DistrettoChartLine, order[r]);

      for (guint axis = 0; axis < self->axes->len; axis++)
        {
          double value = g_array_index (line->points, DistrettoChartPoint, axis).value;
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          _distretto_chart_append_csv_field (out, line->code);
          g_string_append_c (out, ',');
          _distretto_chart_append_csv_field (out, line->label);
          g_string_append_c (out, ',');
          _distretto_chart_append_csv_field (out, g_ptr_array_index (self->axes, axis));
          g_string_append_printf (out, ",%s\n", isnan (value) ? "" : g_ascii_dtostr (number, sizeof number, value));
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A radar's or a heatmap's tooltip: the region, and its value on @axis. */
char *
_distretto_chart_describe_profile (DistrettoChart  *self,
                                   guint            index,
                                   int              axis,
                                   const char     **code)
{
  const DistrettoChartLine *line = &g_array_index (self->lines, DistrettoChartLine, index);
  g_autofree char *value = NULL;
  g_autofree char *title = _distretto_chart_region_title (line->label, line->code);

  *code = line->code;
  if (axis < 0)
    return g_steal_pointer (&title);

  value = _distretto_chart_format_value (distretto_chart_get_profile_value (self, index, axis));
  /* TRANSLATORS: a tooltip: region (name and code), an axis such as a pillar, its value */
  return g_strdup_printf (_("%s\n%s: %s"), title,
                          (const char *) g_ptr_array_index (self->axes, axis), value);
}

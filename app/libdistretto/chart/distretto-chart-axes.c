/* distretto-chart-axes.c: value axes for the views modules draw themselves
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "distretto-chart-axes.h"
#include "distretto-chart-private.h"

/**
 * DistrettoChartAxes:
 *
 * Two value axes, drawn as Distretto's own charts draw them: a grid, ticks
 * at 1, 2 or 5 times a power of ten with their numbers, and a title under
 * the horizontal axis and over the vertical one, in the colours of the
 * style the view is drawn in. A module's own view (see
 * #DistrettoIndicatorInterface.render_view) creates one for the ranges it
 * shows, draws it, then places its marks with distretto_chart_axes_x()
 * and distretto_chart_axes_y():
 *
 * |[<!-- language="Python" -->
 * axes = Distretto.ChartAxes.new(low, high, 0, max(counts))
 * axes.set_titles(_('Share, %'), _('Regions'))
 * axes.draw(cr, width, height)
 * cr.rectangle(axes.x(a), axes.y(count), axes.x(b) - axes.x(a), axes.y(0) - axes.y(count))
 * ]|
 */
struct _DistrettoChartAxes
{
  DistrettoChartAxis x_axis;
  DistrettoChartAxis y_axis;
  char *x_title;
  char *y_title;
  double left;
  double top;
  double right;
  double bottom;
};

G_DEFINE_BOXED_TYPE (DistrettoChartAxes, distretto_chart_axes, distretto_chart_axes_copy, distretto_chart_axes_free)

#define TICK_SIZE  11.0
#define TITLE_SIZE 12.0
#define GAP        6.0

/**
 * distretto_chart_axes_new:
 * @x_min: the smallest value along the horizontal axis
 * @x_max: the largest value along the horizontal axis
 * @y_min: the smallest value up the vertical axis
 * @y_max: the largest value up the vertical axis
 *
 * Creates axes covering the ranges, widened to round ticks. Until drawn
 * they fill a 100 × 100 square.
 *
 * Returns: (transfer full): new axes
 */
DistrettoChartAxes *
distretto_chart_axes_new (double x_min,
                          double x_max,
                          double y_min,
                          double y_max)
{
  DistrettoChartAxes *self = g_new0 (DistrettoChartAxes, 1);

  self->x_axis = _distretto_chart_nice_axis (MIN (x_min, x_max), MAX (x_min, x_max));
  self->y_axis = _distretto_chart_nice_axis (MIN (y_min, y_max), MAX (y_min, y_max));
  self->right = 100;
  self->top = 0;
  self->bottom = 100;

  return self;
}

/**
 * distretto_chart_axes_copy:
 * @self: a #DistrettoChartAxes
 *
 * Returns: (transfer full): a copy of @self
 */
DistrettoChartAxes *
distretto_chart_axes_copy (const DistrettoChartAxes *self)
{
  DistrettoChartAxes *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->x_title = g_strdup (self->x_title);
  copy->y_title = g_strdup (self->y_title);
  return copy;
}

/**
 * distretto_chart_axes_free:
 * @self: (transfer full): a #DistrettoChartAxes
 *
 * Frees @self.
 */
void
distretto_chart_axes_free (DistrettoChartAxes *self)
{
  if (self == NULL)
    return;

  g_free (self->x_title);
  g_free (self->y_title);
  g_free (self);
}

/**
 * distretto_chart_axes_set_titles:
 * @self: a #DistrettoChartAxes
 * @x_title: (nullable): what the horizontal axis measures, with its unit
 * @y_title: (nullable): what the vertical axis measures, with its unit
 *
 * Sets the axes' titles.
 */
void
distretto_chart_axes_set_titles (DistrettoChartAxes *self,
                                 const char         *x_title,
                                 const char         *y_title)
{
  g_return_if_fail (self != NULL);

  g_free (self->x_title);
  g_free (self->y_title);
  self->x_title = g_strdup (x_title);
  self->y_title = g_strdup (y_title);
}

static double
n_ticks (const DistrettoChartAxis *axis)
{
  return round ((axis->last - axis->first) / axis->step);
}

static double
tick_value (const DistrettoChartAxis *axis,
            int                       i)
{
  return axis->first + i * axis->step;
}

/**
 * distretto_chart_axes_draw:
 * @self: a #DistrettoChartAxes
 * @cr: the context of the view's body
 * @width: the body's width
 * @height: the body's height
 *
 * Draws the grid, the ticks and their numbers, and the titles within
 * (0, 0, @width, @height), in the style of @cr
 * (distretto_chart_style_get_for_context()), and keeps where the plot
 * area is for distretto_chart_axes_x() and distretto_chart_axes_y().
 */
void
distretto_chart_axes_draw (DistrettoChartAxes *self,
                           cairo_t            *cr,
                           double              width,
                           double              height)
{
  const DistrettoChartPalette *palette;
  double tick_width = 0, tick_height, title_height = 0;
  int nx, ny;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  palette = distretto_chart_style_get_palette (distretto_chart_style_get_for_context (cr));
  nx = n_ticks (&self->x_axis);
  ny = n_ticks (&self->y_axis);

  for (int i = 0; i <= ny; i++)
    {
      g_autofree char *text = _distretto_chart_format_number (tick_value (&self->y_axis, i), self->y_axis.decimals);

      tick_width = MAX (tick_width, _distretto_chart_text_width (cr, text, TICK_SIZE, FALSE));
    }
  tick_height = _distretto_chart_text_height (cr, "0", TICK_SIZE);
  if (self->x_title != NULL || self->y_title != NULL)
    title_height = _distretto_chart_text_height (cr, "0", TITLE_SIZE) + GAP;

  self->left = tick_width + GAP;
  self->right = width - _distretto_chart_text_width (cr, "0", TICK_SIZE, FALSE);
  self->top = (self->y_title != NULL ? title_height : 0) + tick_height / 2;
  self->bottom = height - tick_height - GAP - (self->x_title != NULL ? title_height : 0);
  if (self->right - self->left < 10 || self->bottom - self->top < 10)
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);

  for (int i = 0; i <= ny; i++)
    {
      double v = tick_value (&self->y_axis, i);
      double y = round (distretto_chart_axes_y (self, v)) + 0.5;
      g_autofree char *text = _distretto_chart_format_number (v, self->y_axis.decimals);
      g_autoptr(PangoLayout) tick = _distretto_chart_create_layout (cr, text, TICK_SIZE, FALSE);

      _distretto_chart_set_color (cr, &palette->grid);
      cairo_move_to (cr, self->left, y);
      cairo_line_to (cr, self->right, y);
      cairo_stroke (cr);
      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, tick, self->left - GAP - _distretto_chart_layout_width (tick),
                                    y - _distretto_chart_layout_height (tick) / 2);
    }

  for (int i = 0; i <= nx; i++)
    {
      double v = tick_value (&self->x_axis, i);
      double x = round (distretto_chart_axes_x (self, v)) + 0.5;
      g_autofree char *text = _distretto_chart_format_number (v, self->x_axis.decimals);
      g_autoptr(PangoLayout) tick = _distretto_chart_create_layout (cr, text, TICK_SIZE, FALSE);

      _distretto_chart_set_color (cr, &palette->grid);
      cairo_move_to (cr, x, self->top);
      cairo_line_to (cr, x, self->bottom);
      cairo_stroke (cr);
      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, tick, x - _distretto_chart_layout_width (tick) / 2, self->bottom + GAP / 2);
    }

  /* The baseline and the left edge, over the grid. */
  _distretto_chart_set_color (cr, &palette->foreground);
  cairo_move_to (cr, self->left + 0.5, self->top);
  cairo_line_to (cr, self->left + 0.5, round (self->bottom) + 0.5);
  cairo_line_to (cr, self->right, round (self->bottom) + 0.5);
  cairo_stroke (cr);

  if (self->x_title != NULL)
    {
      g_autoptr(PangoLayout) title = _distretto_chart_create_layout (cr, self->x_title, TITLE_SIZE, FALSE);

      _distretto_chart_show_layout (cr, title, (self->left + self->right - _distretto_chart_layout_width (title)) / 2,
                                    height - _distretto_chart_layout_height (title));
    }
  if (self->y_title != NULL)
    {
      g_autoptr(PangoLayout) title = _distretto_chart_create_layout (cr, self->y_title, TITLE_SIZE, FALSE);

      _distretto_chart_show_layout (cr, title, 0, 0);
    }

  cairo_restore (cr);
}

/**
 * distretto_chart_axes_x:
 * @self: a #DistrettoChartAxes
 * @value: a value along the horizontal axis
 *
 * Returns: where @value is across the body, as last drawn
 */
double
distretto_chart_axes_x (const DistrettoChartAxes *self,
                        double                    value)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->left + (value - self->x_axis.first) / (self->x_axis.last - self->x_axis.first) * (self->right - self->left);
}

/**
 * distretto_chart_axes_y:
 * @self: a #DistrettoChartAxes
 * @value: a value up the vertical axis
 *
 * Returns: where @value is down the body, as last drawn
 */
double
distretto_chart_axes_y (const DistrettoChartAxes *self,
                        double                    value)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->bottom - (value - self->y_axis.first) / (self->y_axis.last - self->y_axis.first) * (self->bottom - self->top);
}

/**
 * distretto_chart_show_text:
 * @cr: a cairo context, with the colour to write in as its source
 * @text: the text
 * @x: where the text is anchored across
 * @y: where the text is anchored down
 * @size: the font size in user units (Distretto's charts use 11 and 12)
 * @bold: whether to write in bold
 * @xalign: where @x is along the text: 0 its left edge, 0.5 its middle,
 *   1 its right edge
 * @yalign: where @y is up the text: 0 its top, 1 its bottom
 *
 * Writes text in the charts' font, laid out by Pango so that every
 * script shows and exported text stays text.
 */
void
distretto_chart_show_text (cairo_t    *cr,
                           const char *text,
                           double      x,
                           double      y,
                           double      size,
                           gboolean    bold,
                           double      xalign,
                           double      yalign)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (text != NULL);

  layout = _distretto_chart_create_layout (cr, text, size, bold);
  _distretto_chart_show_layout (cr, layout, x - xalign * _distretto_chart_layout_width (layout),
                                y - yalign * _distretto_chart_layout_height (layout));
}

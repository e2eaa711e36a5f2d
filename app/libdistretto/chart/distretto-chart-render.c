/* distretto-chart-render.c: the one drawing path for screen and files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "distretto-chart-private.h"

/* The kind's layout of the body of a chart drawn at @width × @height,
 * measured on a scratch surface, as the renderer measures its text. */
typedef struct
{
  const char *problem;
  gpointer data;
} Layout;

static void
lay_out (DistrettoChart *self,
         double          width,
         double          height,
         Layout         *layout)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  /* The chart is drawn above its notes. */
  height -= _distretto_chart_notes_height (self, cr, width);
  layout->data = g_malloc0 (self->kind_class->layout_size);
  layout->problem = self->kind_class->layout (self, cr, width, height, layout->data);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
layout_clear (DistrettoChart *self,
              Layout         *layout)
{
  if (self->kind_class->clear_layout != NULL)
    self->kind_class->clear_layout (layout->data);
  g_clear_pointer (&layout->data, g_free);
}

static gboolean
hit_test (DistrettoChart *self,
          double          width,
          double          height,
          double          x,
          double          y,
          guint          *index,
          int            *axis)
{
  Layout layout;
  gboolean hit = FALSE;

  *axis = -1;
  lay_out (self, width, height, &layout);
  if (layout.problem == NULL)
    hit = self->kind_class->hit_test (self, layout.data, x, y, index, axis);
  layout_clear (self, &layout);

  return hit;
}

/**
 * distretto_chart_hit_test_region:
 * @self: a #DistrettoChart of kind %DISTRETTO_CHART_KIND_MAP
 * @width: the width the chart is drawn at
 * @height: the height the chart is drawn at
 * @x: a point's x
 * @y: a point's y
 *
 * Which region of a map is at a point, with or without a value: the
 * region one of whose polygons contains the point (even–odd rule, so a
 * hole is not the region), in the mainland or in an inset.
 *
 * Returns: (nullable): the region's code, or %NULL for none
 */
const char *
distretto_chart_hit_test_region (DistrettoChart *self,
                                 double          width,
                                 double          height,
                                 double          x,
                                 double          y)
{
  const char *code = NULL;
  Layout layout;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  if (self->kind_class->region_at == NULL)
    return NULL;

  lay_out (self, width, height, &layout);
  if (layout.problem == NULL)
    code = self->kind_class->region_at (self, layout.data, x, y);
  layout_clear (self, &layout);

  return code;
}

/**
 * distretto_chart_hit_test:
 * @self: a #DistrettoChart
 * @width: the width the chart is drawn at
 * @height: the height the chart is drawn at
 * @x: a point's x
 * @y: a point's y
 * @index: (out) (optional): the rank from 0 of the bar at (@x, @y); for a
 *   trend the index of the line, for a radar or a heatmap the index of the
 *   profile, for a scatter the index of the point
 *
 * Which bar or line is at a point: the widget uses it for hover, tooltips
 * and clicks. For a ranking the whole row of a bar counts, label
 * included. For a trend it is the line with the point nearest to (@x, @y),
 * if that point is within 8 pixels. For a map it is the bar (the value
 * given with distretto_chart_add_bar()) of the region under the point;
 * distretto_chart_hit_test_region() also finds regions without a value.
 * For a radar it is the profile with a vertex or an edge within 8 pixels,
 * for a heatmap the row of the cell under the point, for a scatter the
 * nearest point within its radius plus 4 pixels.
 *
 * Returns: %TRUE if there is a bar or a line at (@x, @y)
 */
gboolean
distretto_chart_hit_test (DistrettoChart *self,
                          double          width,
                          double          height,
                          double          x,
                          double          y,
                          guint          *index)
{
  guint found;
  int axis;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);

  if (!hit_test (self, width, height, x, y, &found, &axis))
    return FALSE;

  if (index != NULL)
    *index = found;
  return TRUE;
}

/**
 * distretto_chart_render:
 * @self: a #DistrettoChart
 * @cr: a cairo context; the chart fills (0, 0, @width, @height)
 * @width: the width in user units
 * @height: the height in user units
 * @style: the colours to use
 *
 * Draws the chart. The window, the tests and every export call this one
 * function, so what is exported is what was seen.
 */
void
distretto_chart_render (DistrettoChart      *self,
                        cairo_t             *cr,
                        double               width,
                        double               height,
                        DistrettoChartStyle  style)
{
  const DistrettoChartPalette *palette;
  double full_height = height;

  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  palette = distretto_chart_style_get_palette (style);

  cairo_save (cr);

  _distretto_chart_set_color (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  /* The notes take a strip at the bottom; the chart is drawn above it. */
  height -= _distretto_chart_notes_height (self, cr, width);
  _distretto_chart_draw_notes (self, cr, palette, width, full_height);

  _distretto_chart_draw_header (self, cr, palette, width);
  _distretto_chart_draw_source (self, cr, palette, width, height);

  self->kind_class->render (self, cr, palette, width, height);

  cairo_restore (cr);
}

/**
 * distretto_chart_hit_test_axis:
 * @self: a #DistrettoChart
 * @width: the width the chart is drawn at
 * @height: the height the chart is drawn at
 * @x: a point's x
 * @y: a point's y
 *
 * Which axis is at a point: for a heatmap, the column of the cell or of
 * the column header under the point (the widget sorts by a header's
 * column when it is clicked); for a radar, the axis of the vertex within
 * 8 pixels of the point.
 *
 * Returns: the axis, or -1 for none
 */
int
distretto_chart_hit_test_axis (DistrettoChart *self,
                               double          width,
                               double          height,
                               double          x,
                               double          y)
{
  guint index;
  int axis;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), -1);

  hit_test (self, width, height, x, y, &index, &axis);
  return axis;
}

/**
 * distretto_chart_describe_at:
 * @self: a #DistrettoChart
 * @width: the width the chart is drawn at
 * @height: the height the chart is drawn at
 * @x: a point's x
 * @y: a point's y
 * @code: (out) (optional) (transfer none): the code of the region at the
 *   point, or %NULL
 *
 * What a tooltip says of the point: the region there and its value (its
 * rank, its year, its axis or its two values, as the chart shows them).
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if no region is
 *   at the point
 */
char *
distretto_chart_describe_at (DistrettoChart  *self,
                             double           width,
                             double           height,
                             double           x,
                             double           y,
                             const char     **code)
{
  const char *found = NULL;
  char *text = NULL;
  guint index;
  int axis;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  if (hit_test (self, width, height, x, y, &index, &axis))
    text = self->kind_class->describe (self, index, axis, &found);

  if (code != NULL)
    *code = found;
  return text;
}

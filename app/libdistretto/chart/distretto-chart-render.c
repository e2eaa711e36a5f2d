/* distretto-chart-render.c: the one drawing path for screen and files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "distretto-chart-private.h"

void
_distretto_chart_clear_layout (DistrettoChart *self)
{
  if (self->layout != NULL && self->kind_class->clear_layout != NULL)
    self->kind_class->clear_layout (self->layout);
  g_clear_pointer (&self->layout, g_free);
}

/* Lays the chart's body out for the cache, on the scratch surface. */
static void
lay_out (DistrettoChart *self,
         double          width,
         double          height,
         double          body_height)
{
  _distretto_chart_clear_layout (self);
  self->layout = g_malloc0 (self->kind_class->layout_size);
  self->layout_width = width;
  self->layout_height = height;
  self->layout_body_height = body_height;
  self->layout_revision = self->revision;
  self->layout_problem = self->kind_class->layout (self, _distretto_chart_get_scratch (self),
                                                   width, body_height, self->layout);
}

/* The kind's layout of the chart drawn at @width × @height, for
 * hit-testing: the last one, unless the size or the chart changed. Laid
 * out on the scratch surface, as the renderer lays out on an image. */
static gconstpointer
get_layout (DistrettoChart  *self,
            double           width,
            double           height,
            const char     **problem)
{
  if (self->layout == NULL || self->layout_width != width || self->layout_height != height ||
      self->layout_revision != self->revision)
    /* The chart is drawn above its notes. */
    lay_out (self, width, height,
             height - _distretto_chart_notes_height (self, _distretto_chart_get_scratch (self), width));

  *problem = self->layout_problem;
  return self->layout;
}

/* The same for a renderer drawing the body, @width × @height above the
 * notes, where text measures as on the scratch surface. */
gconstpointer
_distretto_chart_get_body_layout (DistrettoChart  *self,
                                  double           width,
                                  double           height,
                                  const char     **problem)
{
  if (self->layout == NULL || self->layout_width != width || self->layout_body_height != height ||
      self->layout_revision != self->revision)
    lay_out (self, width, NAN, height);

  *problem = self->layout_problem;
  return self->layout;
}

/* Whether text on @cr is laid out as on the scratch surface: on an image,
 * moved at most, with cairo's default font options. A device scale makes
 * no difference: Pango measures in user space. */
gboolean
_distretto_chart_measures_as_scratch (cairo_t *cr)
{
  cairo_font_options_t *options, *plain;
  cairo_matrix_t matrix;
  gboolean same;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;

  cairo_get_matrix (cr, &matrix);
  if (matrix.xx != 1.0 || matrix.yy != 1.0 || matrix.xy != 0.0 || matrix.yx != 0.0)
    return FALSE;

  options = cairo_font_options_create ();
  plain = cairo_font_options_create ();
  cairo_get_font_options (cr, options);
  same = cairo_font_options_equal (options, plain);
  cairo_font_options_destroy (options);
  cairo_font_options_destroy (plain);

  return same;
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
  const char *problem;
  gconstpointer layout = get_layout (self, width, height, &problem);

  *axis = -1;
  return problem == NULL && self->kind_class->hit_test (self, layout, x, y, index, axis);
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
  gconstpointer layout;
  const char *problem;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  if (self->kind_class->region_at == NULL)
    return NULL;

  layout = get_layout (self, width, height, &problem);
  return problem == NULL ? self->kind_class->region_at (self, layout, x, y) : NULL;
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
 * Draws the chart with its selection (distretto_chart_set_selected()),
 * as every export does: nothing is under a pointer here. The window, the
 * tests and the exports all draw with this function or
 * distretto_chart_render_with_options(), so what is exported is what was
 * seen.
 */
void
distretto_chart_render (DistrettoChart      *self,
                        cairo_t             *cr,
                        double               width,
                        double               height,
                        DistrettoChartStyle  style)
{
  DistrettoChartRenderOptions options = { style, NULL, NULL };

  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  options.selected = self->selected;
  distretto_chart_render_with_options (self, cr, width, height, &options);
}

/**
 * distretto_chart_render_with_options:
 * @self: a #DistrettoChart
 * @cr: a cairo context; the chart fills (0, 0, @width, @height)
 * @width: the width in user units
 * @height: the height in user units
 * @options: the style, and what is selected and under the pointer
 *
 * Draws the chart as @options say: in their style, with their selection
 * (not the chart's own) and their region under the pointer.
 */
void
distretto_chart_render_with_options (DistrettoChart                    *self,
                                     cairo_t                           *cr,
                                     double                             width,
                                     double                             height,
                                     const DistrettoChartRenderOptions *options)
{
  const DistrettoChartPalette *palette;
  double full_height = height;

  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (options != NULL);

  palette = distretto_chart_style_get_palette (options->style);

  cairo_save (cr);

  _distretto_chart_set_color (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  /* The notes take a strip at the bottom; the chart is drawn above it. */
  height -= _distretto_chart_notes_height (self, cr, width);
  _distretto_chart_draw_notes (self, cr, palette, width, full_height);

  _distretto_chart_draw_header (self, cr, palette, width);
  _distretto_chart_draw_source (self, cr, palette, width, height);

  self->kind_class->render (self, cr, palette, options, width, height);

  cairo_restore (cr);
}

/**
 * distretto_chart_render_overlay:
 * @self: a #DistrettoChart
 * @cr: a cairo context on the chart drawn at @width × @height
 * @width: the width in user units
 * @height: the height in user units
 * @options: the style, and what is selected and under the pointer
 *
 * Draws what the selection and the pointer of @options add to the chart
 * drawn without them, where that is all they change: on a map, the
 * outlines of the regions. A map drawn with options that select nothing,
 * then this overlay, give the picture distretto_chart_render_with_options()
 * draws with @options; a view can keep the map as an image and draw only
 * the overlay as the pointer moves. Other kinds draw their selection and
 * hover into the chart (bold labels, lines on top): they draw nothing
 * here.
 *
 * The overlay is laid out as on an image surface with no transformation
 * but a device scale, as a view draws it.
 *
 * Returns: %TRUE if the kind of chart has an overlay, %FALSE if the
 *   chart must be drawn whole instead
 */
gboolean
distretto_chart_render_overlay (DistrettoChart                    *self,
                                cairo_t                           *cr,
                                double                             width,
                                double                             height,
                                const DistrettoChartRenderOptions *options)
{
  gconstpointer layout;
  const char *problem;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (self->kind_class->render_overlay == NULL)
    return FALSE;

  layout = get_layout (self, width, height, &problem);
  if (problem == NULL)
    {
      cairo_save (cr);
      self->kind_class->render_overlay (self, cr, distretto_chart_style_get_palette (options->style),
                                        options, layout);
      cairo_restore (cr);
    }

  return TRUE;
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

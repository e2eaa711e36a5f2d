/* distretto-chart-render-options.c: how one drawing of a chart looks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-chart-private.h"

/**
 * DistrettoChartRenderOptions:
 *
 * How one drawing of a chart looks: its style, the region drawn selected
 * and the region under the pointer. They belong to the drawing, not to
 * the chart, so one chart can be shown in several views, each with its
 * own pointer, and exported without any (see
 * distretto_chart_render_with_options()).
 */

G_DEFINE_BOXED_TYPE (DistrettoChartRenderOptions, distretto_chart_render_options,
                     distretto_chart_render_options_copy, distretto_chart_render_options_free)

/**
 * distretto_chart_render_options_new:
 * @style: the colours to use
 *
 * Creates options that draw a chart in @style, nothing selected and
 * nothing under the pointer.
 *
 * Returns: (transfer full): new options
 */
DistrettoChartRenderOptions *
distretto_chart_render_options_new (DistrettoChartStyle style)
{
  DistrettoChartRenderOptions *self = g_new0 (DistrettoChartRenderOptions, 1);

  self->style = style;
  return self;
}

/**
 * distretto_chart_render_options_copy:
 * @self: a #DistrettoChartRenderOptions
 *
 * Returns: (transfer full): a copy of @self
 */
DistrettoChartRenderOptions *
distretto_chart_render_options_copy (const DistrettoChartRenderOptions *self)
{
  DistrettoChartRenderOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = distretto_chart_render_options_new (self->style);
  copy->selected = g_strdup (self->selected);
  copy->highlighted = g_strdup (self->highlighted);
  return copy;
}

/**
 * distretto_chart_render_options_free:
 * @self: (transfer full): a #DistrettoChartRenderOptions
 *
 * Frees @self.
 */
void
distretto_chart_render_options_free (DistrettoChartRenderOptions *self)
{
  if (self == NULL)
    return;

  g_free (self->selected);
  g_free (self->highlighted);
  g_free (self);
}

/**
 * distretto_chart_render_options_get_style:
 * @self: a #DistrettoChartRenderOptions
 *
 * Returns: the colours the chart is drawn in
 */
DistrettoChartStyle
distretto_chart_render_options_get_style (const DistrettoChartRenderOptions *self)
{
  g_return_val_if_fail (self != NULL, DISTRETTO_CHART_STYLE_LIGHT);

  return self->style;
}

/**
 * distretto_chart_render_options_set_style:
 * @self: a #DistrettoChartRenderOptions
 * @style: the colours to use
 *
 * Sets the colours the chart is drawn in.
 */
void
distretto_chart_render_options_set_style (DistrettoChartRenderOptions *self,
                                          DistrettoChartStyle          style)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (style <= DISTRETTO_CHART_STYLE_PRINT);

  self->style = style;
}

/**
 * distretto_chart_render_options_get_selected:
 * @self: a #DistrettoChartRenderOptions
 *
 * Returns: (nullable): the code of the region drawn selected
 */
const char *
distretto_chart_render_options_get_selected (const DistrettoChartRenderOptions *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->selected;
}

/**
 * distretto_chart_render_options_set_selected:
 * @self: a #DistrettoChartRenderOptions
 * @code: (nullable): a region's code, or %NULL for none
 *
 * Draws the region of @code selected: its bar outlined, its line or
 * profile drawn thicker and on top, its point labelled, its row or its
 * region on a map outlined.
 */
void
distretto_chart_render_options_set_selected (DistrettoChartRenderOptions *self,
                                             const char                  *code)
{
  g_return_if_fail (self != NULL);

  if (self->selected != code)
    {
      g_free (self->selected);
      self->selected = g_strdup (code);
    }
}

/**
 * distretto_chart_render_options_get_highlighted:
 * @self: a #DistrettoChartRenderOptions
 *
 * Returns: (nullable): the code of the region under the pointer
 */
const char *
distretto_chart_render_options_get_highlighted (const DistrettoChartRenderOptions *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->highlighted;
}

/**
 * distretto_chart_render_options_set_highlighted:
 * @self: a #DistrettoChartRenderOptions
 * @code: (nullable): a region's code, or %NULL for none
 *
 * Highlights the region under the pointer, more lightly than the
 * selection: a band behind its bar or its heatmap row, its outline on a
 * map, its line, profile or point drawn thicker.
 */
void
distretto_chart_render_options_set_highlighted (DistrettoChartRenderOptions *self,
                                                const char                  *code)
{
  g_return_if_fail (self != NULL);

  if (self->highlighted != code)
    {
      g_free (self->highlighted);
      self->highlighted = g_strdup (code);
    }
}

/* distretto-chart-heatmap.c: regions by sub-indicators
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "distretto-chart-private.h"

/* PLACEHOLDER: being written; replaced before this is committed. */
void
_distretto_chart_render_heatmap (DistrettoChart              *self,
                               cairo_t                     *cr,
                               const DistrettoChartPalette *palette,
                               double                       width,
                               double                       height)
{
  _distretto_chart_draw_message (cr, palette, _("No data"), width, height);
}

gboolean
_distretto_chart_hit_test_heatmap (DistrettoChart *self,
                                 double          width,
                                 double          height,
                                 double          x,
                                 double          y,
                                 guint          *line,
                                 int            *axis)
{
  return FALSE;
}

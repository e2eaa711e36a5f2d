/* distretto-chart-radar.c: profiles of regions on several axes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "distretto-chart-private.h"

/* PLACEHOLDER: being written; replaced before this is committed. */
void
_distretto_chart_render_radar (DistrettoChart              *self,
                               cairo_t                     *cr,
                               const DistrettoChartPalette *palette,
                               double                       width,
                               double                       height)
{
  _distretto_chart_draw_message (cr, palette, _("No data"), width, height);
}

gboolean
_distretto_chart_hit_test_radar (DistrettoChart *self,
                                 double          width,
                                 double          height,
                                 double          x,
                                 double          y,
                                 guint          *line,
                                 int            *axis)
{
  return FALSE;
}

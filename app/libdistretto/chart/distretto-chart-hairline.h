/* distretto-chart-hairline.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "distretto-chart-style.h"

G_BEGIN_DECLS

/* Thin antialiased lines written straight into an image surface's pixels,
 * where cairo 1.16 would tessellate a stroke: for a map's many borders. */
typedef struct _DistrettoHairlines DistrettoHairlines;

DistrettoHairlines *_distretto_hairlines_begin (cairo_t                   *cr,
                                                const DistrettoChartColor *color,
                                                double                     width);
void                _distretto_hairlines_line  (DistrettoHairlines        *self,
                                                double                     x0,
                                                double                     y0,
                                                double                     x1,
                                                double                     y1);
void                _distretto_hairlines_end   (DistrettoHairlines        *self);

G_END_DECLS

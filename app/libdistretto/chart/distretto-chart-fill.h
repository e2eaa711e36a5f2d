/* distretto-chart-fill.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "distretto-chart-style.h"

G_BEGIN_DECLS

/* Polygons of a few colours filled straight into an image surface's
 * pixels in one pass, where cairo 1.16 would scan the whole extent once
 * per colour: for a map's thousands of regions. Paints are composed in
 * the order they were added, as fills one after the other would be. */
typedef struct _DistrettoFill DistrettoFill;

#define DISTRETTO_FILL_MAX_PAINTS 32

DistrettoFill *_distretto_fill_begin     (cairo_t                   *cr);
guint          _distretto_fill_add_paint (DistrettoFill             *self,
                                          const DistrettoChartColor *color);
guint          _distretto_fill_add_hatch (DistrettoFill             *self,
                                          const DistrettoChartColor *background,
                                          const DistrettoChartColor *lines,
                                          const guint8              *profile,
                                          guint                      period,
                                          int                        phase);
gboolean       _distretto_fill_get_grid  (DistrettoFill             *self,
                                          double                    *scale,
                                          int                       *offset,
                                          double                    *top);
double         _distretto_fill_top_pixel (DistrettoFill             *self,
                                          const double              *points,
                                          guint                      n_points);
void           _distretto_fill_ring      (DistrettoFill             *self,
                                          guint                      paint,
                                          const double              *points,
                                          guint                      n_points);
void           _distretto_fill_end       (DistrettoFill             *self);

G_END_DECLS

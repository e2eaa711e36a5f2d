/* distretto-chart-axes.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define DISTRETTO_TYPE_CHART_AXES (distretto_chart_axes_get_type ())

typedef struct _DistrettoChartAxes DistrettoChartAxes;

GType               distretto_chart_axes_get_type   (void) G_GNUC_CONST;
DistrettoChartAxes *distretto_chart_axes_new        (double                    x_min,
                                                     double                    x_max,
                                                     double                    y_min,
                                                     double                    y_max);
DistrettoChartAxes *distretto_chart_axes_copy       (const DistrettoChartAxes *self);
void                distretto_chart_axes_free       (DistrettoChartAxes       *self);
void                distretto_chart_axes_set_titles (DistrettoChartAxes       *self,
                                                     const char               *x_title,
                                                     const char               *y_title);
void                distretto_chart_axes_draw       (DistrettoChartAxes       *self,
                                                     cairo_t                  *cr,
                                                     double                    width,
                                                     double                    height);
double              distretto_chart_axes_x          (const DistrettoChartAxes *self,
                                                     double                    value);
double              distretto_chart_axes_y          (const DistrettoChartAxes *self,
                                                     double                    value);
void                distretto_chart_show_text       (cairo_t                  *cr,
                                                     const char               *text,
                                                     double                    x,
                                                     double                    y,
                                                     double                    size,
                                                     gboolean                  bold,
                                                     double                    xalign,
                                                     double                    yalign);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DistrettoChartAxes, distretto_chart_axes_free)

G_END_DECLS

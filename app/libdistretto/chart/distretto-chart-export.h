/* distretto-chart-export.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <gio/gio.h>

#include "distretto-chart.h"

G_BEGIN_DECLS

/**
 * DistrettoChartFormat:
 * @DISTRETTO_CHART_FORMAT_PNG: a PNG image
 * @DISTRETTO_CHART_FORMAT_SVG: an SVG drawing
 * @DISTRETTO_CHART_FORMAT_PDF: a one-page PDF document
 *
 * The file formats a chart can be exported to.
 */
typedef enum
{
  DISTRETTO_CHART_FORMAT_PNG,
  DISTRETTO_CHART_FORMAT_SVG,
  DISTRETTO_CHART_FORMAT_PDF,
} DistrettoChartFormat;

/**
 * DistrettoRenderFunc:
 * @cr: the cairo context to draw on; the drawing fills (0, 0, @width, @height)
 * @width: the width in user units
 * @height: the height in user units
 * @user_data: the data given with the function
 * @error: return location for a #GError
 *
 * Draws something to export.
 *
 * Returns: %TRUE if it was drawn
 */
typedef gboolean (*DistrettoRenderFunc) (cairo_t  *cr,
                                         double    width,
                                         double    height,
                                         gpointer  user_data,
                                         GError  **error);

gboolean distretto_chart_format_from_name (const char            *name,
                                           DistrettoChartFormat  *format);
GBytes  *distretto_chart_export_bytes     (DistrettoChart        *self,
                                           DistrettoChartFormat   format,
                                           double                 width,
                                           double                 height,
                                           GError               **error);
gboolean distretto_chart_export_file      (DistrettoChart        *self,
                                           GFile                 *file,
                                           DistrettoChartFormat   format,
                                           double                 width,
                                           double                 height,
                                           GError               **error);

GBytes  *distretto_export_render_bytes    (DistrettoRenderFunc    func,
                                           gpointer               user_data,
                                           const char            *title,
                                           DistrettoChartFormat   format,
                                           double                 width,
                                           double                 height,
                                           GError               **error);
gboolean distretto_export_render_file     (DistrettoRenderFunc    func,
                                           gpointer               user_data,
                                           const char            *title,
                                           GFile                 *file,
                                           DistrettoChartFormat   format,
                                           double                 width,
                                           double                 height,
                                           GError               **error);

G_END_DECLS

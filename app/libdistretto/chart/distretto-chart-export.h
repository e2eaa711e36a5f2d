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

G_END_DECLS

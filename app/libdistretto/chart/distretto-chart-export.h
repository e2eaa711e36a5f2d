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

#define DISTRETTO_TYPE_EXPORT_OPTIONS (distretto_export_options_get_type ())

typedef struct _DistrettoExportOptions DistrettoExportOptions;

/**
 * DISTRETTO_EXPORT_DESIGN_WIDTH:
 *
 * The widest, in user units, charts are laid out for: a wider export
 * draws the same layout larger (see distretto_export_get_zoom()).
 */
#define DISTRETTO_EXPORT_DESIGN_WIDTH 1280.0

/**
 * DISTRETTO_EXPORT_MAX_SCALE:
 *
 * The largest pixel density a PNG export takes.
 */
#define DISTRETTO_EXPORT_MAX_SCALE 4.0

GType                   distretto_export_options_get_type          (void) G_GNUC_CONST;
DistrettoExportOptions *distretto_export_options_new               (DistrettoChartFormat          format,
                                                                    double                        width,
                                                                    double                        height);
DistrettoExportOptions *distretto_export_options_copy              (const DistrettoExportOptions *self);
void                    distretto_export_options_free              (DistrettoExportOptions       *self);
DistrettoChartFormat    distretto_export_options_get_format        (const DistrettoExportOptions *self);
double                  distretto_export_options_get_width         (const DistrettoExportOptions *self);
double                  distretto_export_options_get_height        (const DistrettoExportOptions *self);
double                  distretto_export_options_get_scale         (const DistrettoExportOptions *self);
void                    distretto_export_options_set_scale         (DistrettoExportOptions       *self,
                                                                    double                        scale);
DistrettoChartStyle     distretto_export_options_get_style         (const DistrettoExportOptions *self);
void                    distretto_export_options_set_style         (DistrettoExportOptions       *self,
                                                                    DistrettoChartStyle           style);
GDateTime              *distretto_export_options_get_creation_date (const DistrettoExportOptions *self);
void                    distretto_export_options_set_creation_date (DistrettoExportOptions       *self,
                                                                    GDateTime                    *date);
gboolean                distretto_export_options_check             (const DistrettoExportOptions *self,
                                                                    GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DistrettoExportOptions, distretto_export_options_free)

gboolean distretto_chart_format_from_name (const char            *name,
                                           DistrettoChartFormat  *format);
const char *distretto_chart_format_get_name (DistrettoChartFormat format);
gboolean distretto_chart_style_from_name  (const char            *name,
                                           DistrettoChartStyle   *style);
const char *distretto_chart_style_get_name (DistrettoChartStyle  style);
gboolean distretto_export_size_from_name  (const char            *name,
                                           double                *width,
                                           double                *height);
double   distretto_export_get_zoom        (double                 width,
                                           double                 height);
void     distretto_chart_render_for_export (DistrettoChart       *self,
                                            cairo_t              *cr,
                                            double                width,
                                            double                height,
                                            DistrettoChartStyle   style);
GBytes  *distretto_chart_export_bytes_with_options (DistrettoChart               *self,
                                                    const DistrettoExportOptions *options,
                                                    GError                      **error);
gboolean distretto_chart_export_file_with_options  (DistrettoChart               *self,
                                                    GFile                        *file,
                                                    const DistrettoExportOptions *options,
                                                    GError                      **error);
GBytes  *distretto_export_render_bytes_with_options (DistrettoRenderFunc           func,
                                                     gpointer                      user_data,
                                                     const char                   *title,
                                                     const DistrettoExportOptions *options,
                                                     GError                      **error);
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

/* distretto-chart.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <cairo.h>
#include <glib-object.h>

#include "../data/distretto-boundaries.h"
#include "../data/distretto-flags.h"
#include "distretto-chart-style.h"

G_BEGIN_DECLS

/**
 * DistrettoChartKind:
 * @DISTRETTO_CHART_KIND_RANKING: bars of regions sorted by value, largest first
 * @DISTRETTO_CHART_KIND_TREND: lines of regions' values over the years
 * @DISTRETTO_CHART_KIND_MAP: a choropleth map of regions' values in classes
 * @DISTRETTO_CHART_KIND_RADAR: a profile of regions' values on several axes
 *   (such as a module's pillars), one polygon per region
 * @DISTRETTO_CHART_KIND_SCATTER: regions as points by two values, sized or
 *   coloured by a third
 * @DISTRETTO_CHART_KIND_HEATMAP: a grid of regions (rows) by axes
 *   (columns, such as sub-indicators), each cell coloured by its value
 * @DISTRETTO_CHART_KIND_CUSTOM: a body drawn by a function (a module's own
 *   view) in the chart's frame: title, unit, source and notes
 * @DISTRETTO_CHART_KIND_UNCERTAINTY: regions in the order of their nominal
 *   rank, each with its median rank (a dot) and the 5–95% interval of its
 *   rank (a bar) over an uncertainty analysis' runs
 * @DISTRETTO_CHART_KIND_SENSITIVITY: the first-order and total Sobol
 *   indices of each assumption of a method, as bars, and how far ranks
 *   move without each sub-indicator
 *
 * What a #DistrettoChart shows.
 */
typedef enum
{
  DISTRETTO_CHART_KIND_RANKING,
  DISTRETTO_CHART_KIND_TREND,
  DISTRETTO_CHART_KIND_MAP,
  DISTRETTO_CHART_KIND_RADAR,
  DISTRETTO_CHART_KIND_SCATTER,
  DISTRETTO_CHART_KIND_HEATMAP,
  DISTRETTO_CHART_KIND_CUSTOM,
  DISTRETTO_CHART_KIND_UNCERTAINTY,
  DISTRETTO_CHART_KIND_SENSITIVITY,
} DistrettoChartKind;

/**
 * DistrettoChartBodyFunc:
 * @cr: a cairo context; the body fills (0, 0, @width, @height)
 * @width: the body's width in user units
 * @height: the body's height in user units
 * @style: the style the chart is drawn in
 * @user_data: (closure): the data given with the function
 * @error: return location for a #GError
 *
 * Draws the body of a custom chart.
 *
 * Returns: %TRUE if the body was drawn, %FALSE with @error set
 */
typedef gboolean (*DistrettoChartBodyFunc) (cairo_t              *cr,
                                           double                width,
                                           double                height,
                                           DistrettoChartStyle   style,
                                           gpointer              user_data,
                                           GError              **error);

/**
 * DistrettoChartEncoding:
 * @DISTRETTO_CHART_ENCODING_NONE: the third value is not drawn
 * @DISTRETTO_CHART_ENCODING_SIZE: the third value is the area of the point
 * @DISTRETTO_CHART_ENCODING_COLOR: the third value is the colour of the
 *   point, on the chart's colour scheme
 *
 * How a scatter chart shows each point's third value.
 */
typedef enum
{
  DISTRETTO_CHART_ENCODING_NONE,
  DISTRETTO_CHART_ENCODING_SIZE,
  DISTRETTO_CHART_ENCODING_COLOR,
} DistrettoChartEncoding;

/**
 * DistrettoClassification:
 * @DISTRETTO_CLASSIFICATION_QUANTILES: classes with (about) as many regions each
 * @DISTRETTO_CLASSIFICATION_EQUAL_INTERVALS: classes of equal width between
 *   the smallest and the largest value
 * @DISTRETTO_CLASSIFICATION_NATURAL_BREAKS: Jenks–Fisher optimal breaks:
 *   the classes that minimise the sum of squared deviations from the
 *   class means
 *
 * How a map groups values into coloured classes.
 */
typedef enum
{
  DISTRETTO_CLASSIFICATION_QUANTILES,
  DISTRETTO_CLASSIFICATION_EQUAL_INTERVALS,
  DISTRETTO_CLASSIFICATION_NATURAL_BREAKS,
} DistrettoClassification;

/**
 * DISTRETTO_CHART_MIN_CLASSES:
 *
 * The fewest classes a map can have.
 */
#define DISTRETTO_CHART_MIN_CLASSES 3

/**
 * DISTRETTO_CHART_MAX_CLASSES:
 *
 * The most classes a map can have.
 */
#define DISTRETTO_CHART_MAX_CLASSES 7

#define DISTRETTO_TYPE_CHART_RENDER_OPTIONS (distretto_chart_render_options_get_type ())

typedef struct _DistrettoChartRenderOptions DistrettoChartRenderOptions;

GType                        distretto_chart_render_options_get_type        (void) G_GNUC_CONST;
DistrettoChartRenderOptions *distretto_chart_render_options_new             (DistrettoChartStyle                style);
DistrettoChartRenderOptions *distretto_chart_render_options_copy            (const DistrettoChartRenderOptions *self);
void                         distretto_chart_render_options_free            (DistrettoChartRenderOptions       *self);
DistrettoChartStyle          distretto_chart_render_options_get_style       (const DistrettoChartRenderOptions *self);
void                         distretto_chart_render_options_set_style       (DistrettoChartRenderOptions       *self,
                                                                             DistrettoChartStyle                style);
const char                  *distretto_chart_render_options_get_selected    (const DistrettoChartRenderOptions *self);
void                         distretto_chart_render_options_set_selected    (DistrettoChartRenderOptions       *self,
                                                                             const char                        *code);
const char                  *distretto_chart_render_options_get_highlighted (const DistrettoChartRenderOptions *self);
void                         distretto_chart_render_options_set_highlighted (DistrettoChartRenderOptions       *self,
                                                                             const char                        *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DistrettoChartRenderOptions, distretto_chart_render_options_free)

#define DISTRETTO_TYPE_CHART (distretto_chart_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoChart, distretto_chart, DISTRETTO, CHART, GObject)

DistrettoChart *distretto_chart_new_ranking        (const char          *title);
DistrettoChart *distretto_chart_new_trend          (const char          *title);
DistrettoChart *distretto_chart_new_map            (const char          *title,
                                                    DistrettoBoundaries *boundaries);
DistrettoChart *distretto_chart_new_radar          (const char          *title);
DistrettoChart *distretto_chart_new_scatter        (const char          *title);
DistrettoChart *distretto_chart_new_heatmap        (const char          *title);
DistrettoChart *distretto_chart_new_custom         (const char          *title,
                                                    DistrettoChartBodyFunc func,
                                                    gpointer             user_data,
                                                    GDestroyNotify       destroy);
DistrettoChartKind distretto_chart_get_kind        (DistrettoChart      *self);
const char     *distretto_chart_get_title          (DistrettoChart      *self);
void            distretto_chart_set_title          (DistrettoChart      *self,
                                                    const char          *title);
const char     *distretto_chart_get_subtitle       (DistrettoChart      *self);
void            distretto_chart_set_subtitle       (DistrettoChart      *self,
                                                    const char          *subtitle);
const char     *distretto_chart_get_source         (DistrettoChart      *self);
void            distretto_chart_set_source         (DistrettoChart      *self,
                                                    const char          *source);
const char     *distretto_chart_get_unit           (DistrettoChart      *self);
void            distretto_chart_set_unit           (DistrettoChart      *self,
                                                    const char          *unit);
const char     *distretto_chart_get_notes          (DistrettoChart      *self);
void            distretto_chart_set_notes          (DistrettoChart      *self,
                                                    const char          *notes);
DistrettoColorScheme distretto_chart_get_color_scheme (DistrettoChart   *self);
void            distretto_chart_set_color_scheme   (DistrettoChart      *self,
                                                    DistrettoColorScheme scheme);
void            distretto_chart_add_bar            (DistrettoChart      *self,
                                                    const char          *code,
                                                    const char          *label,
                                                    double               value);
guint           distretto_chart_get_n_bars         (DistrettoChart      *self);
const char     *distretto_chart_get_bar_code       (DistrettoChart      *self,
                                                    guint                index);
double          distretto_chart_get_bar_value      (DistrettoChart      *self,
                                                    guint                index);
const char     *distretto_chart_get_bar_label      (DistrettoChart      *self,
                                                    guint                index);
void            distretto_chart_add_bar_in_category (DistrettoChart    *self,
                                                     const char        *code,
                                                     const char        *label,
                                                     double             value,
                                                     int                category);
int             distretto_chart_get_bar_category   (DistrettoChart      *self,
                                                    guint                index);
gboolean        distretto_chart_set_bar_interval   (DistrettoChart      *self,
                                                    const char          *code,
                                                    double               lower,
                                                    double               upper);
gboolean        distretto_chart_get_bar_interval   (DistrettoChart      *self,
                                                    guint                index,
                                                    double              *lower,
                                                    double              *upper);
void            distretto_chart_set_categories     (DistrettoChart      *self,
                                                    const char * const  *labels);
void            distretto_chart_set_reference      (DistrettoChart      *self,
                                                    double               value,
                                                    const char          *label);
double          distretto_chart_get_reference      (DistrettoChart      *self);
guint           distretto_chart_add_line           (DistrettoChart      *self,
                                                    const char          *code,
                                                    const char          *label);
void            distretto_chart_line_add_point     (DistrettoChart      *self,
                                                    guint                line,
                                                    int                  year,
                                                    double               value,
                                                    DistrettoFlags       flags);
guint           distretto_chart_get_n_lines        (DistrettoChart      *self);
const char     *distretto_chart_get_line_code      (DistrettoChart      *self,
                                                    guint                line);
const char     *distretto_chart_get_line_label     (DistrettoChart      *self,
                                                    guint                line);
void            distretto_chart_set_reference_line (DistrettoChart      *self,
                                                    int                  line);
int             distretto_chart_get_reference_line (DistrettoChart      *self);
void            distretto_chart_set_axes           (DistrettoChart      *self,
                                                    const char * const  *labels);
guint           distretto_chart_get_n_axes         (DistrettoChart      *self);
const char     *distretto_chart_get_axis_label     (DistrettoChart      *self,
                                                    guint                axis);
guint           distretto_chart_add_profile        (DistrettoChart      *self,
                                                    const char          *code,
                                                    const char          *label,
                                                    const double        *values,
                                                    guint                n_values);
double          distretto_chart_get_profile_value  (DistrettoChart      *self,
                                                    guint                line,
                                                    guint                axis);
void            distretto_chart_set_sort_axis      (DistrettoChart      *self,
                                                    int                  axis);
int             distretto_chart_get_sort_axis      (DistrettoChart      *self);
guint          *distretto_chart_dup_row_order      (DistrettoChart      *self,
                                                    guint               *n_rows);
void            distretto_chart_set_axis_titles    (DistrettoChart      *self,
                                                    const char          *x_title,
                                                    const char          *y_title);
void            distretto_chart_set_third          (DistrettoChart      *self,
                                                    const char          *title,
                                                    DistrettoChartEncoding encoding);
guint           distretto_chart_add_point          (DistrettoChart      *self,
                                                    const char          *code,
                                                    const char          *label,
                                                    double               x,
                                                    double               y,
                                                    double               third);
guint           distretto_chart_get_n_points       (DistrettoChart      *self);
const char     *distretto_chart_get_point_code     (DistrettoChart      *self,
                                                    guint                index);
void            distretto_chart_get_point          (DistrettoChart      *self,
                                                    guint                index,
                                                    double              *x,
                                                    double              *y,
                                                    double              *third);
void            distretto_chart_set_x_reference    (DistrettoChart      *self,
                                                    double               value,
                                                    const char          *label);
double          distretto_chart_get_x_reference    (DistrettoChart      *self);
void            distretto_chart_set_labelled       (DistrettoChart      *self,
                                                    const char * const  *codes);
gboolean        distretto_chart_is_labelled        (DistrettoChart      *self,
                                                    const char          *code);
gboolean        distretto_chart_set_bar_rank       (DistrettoChart      *self,
                                                    const char          *code,
                                                    guint                rank);
guint           distretto_chart_get_bar_rank       (DistrettoChart      *self,
                                                    guint                index);
gboolean        distretto_chart_set_bar_flags      (DistrettoChart      *self,
                                                    const char          *code,
                                                    DistrettoFlags       flags);
DistrettoFlags  distretto_chart_get_bar_flags      (DistrettoChart      *self,
                                                    guint                index);
gboolean        distretto_chart_set_bar_note       (DistrettoChart      *self,
                                                    const char          *code,
                                                    const char          *note);
const char     *distretto_chart_get_bar_note       (DistrettoChart      *self,
                                                    guint                index);
gboolean        distretto_chart_set_bar_shares     (DistrettoChart      *self,
                                                    const char          *code,
                                                    const double        *shares,
                                                    guint                n_shares);
double          distretto_chart_get_bar_share      (DistrettoChart      *self,
                                                    guint                index,
                                                    guint                category);
gboolean        distretto_chart_set_bar_rank_interval (DistrettoChart   *self,
                                                       const char       *code,
                                                       double            median,
                                                       double            lower,
                                                       double            upper);
gboolean        distretto_chart_get_bar_rank_interval (DistrettoChart   *self,
                                                       guint             index,
                                                       double           *median,
                                                       double           *lower,
                                                       double           *upper);
void            distretto_chart_set_group_certainty (DistrettoChart     *self,
                                                     double              threshold);
double          distretto_chart_get_group_certainty (DistrettoChart     *self);
DistrettoChart *distretto_chart_new_uncertainty    (const char          *title);
void            distretto_chart_add_rank_interval  (DistrettoChart      *self,
                                                    const char          *code,
                                                    const char          *label,
                                                    guint                nominal_rank,
                                                    double               median,
                                                    double               lower,
                                                    double               upper,
                                                    int                  category);
DistrettoChart *distretto_chart_new_sensitivity    (const char          *title);
void            distretto_chart_add_sensitivity_index (DistrettoChart   *self,
                                                       const char       *code,
                                                       const char       *label,
                                                       double            first_order,
                                                       double            total_order);
guint           distretto_chart_get_n_sensitivity_indices (DistrettoChart *self);
void            distretto_chart_get_sensitivity_index (DistrettoChart   *self,
                                                       guint             index,
                                                       const char      **code,
                                                       double           *first_order,
                                                       double           *total_order);
const char     *distretto_chart_get_selected       (DistrettoChart      *self);
void            distretto_chart_set_selected       (DistrettoChart      *self,
                                                    const char          *code);
char           *distretto_chart_dup_table          (DistrettoChart      *self);
char           *distretto_chart_dup_tidy_table     (DistrettoChart      *self,
                                                    char                 separator);
void            distretto_chart_set_indicator      (DistrettoChart      *self,
                                                    const char          *indicator);
const char     *distretto_chart_get_indicator      (DistrettoChart      *self);
void            distretto_chart_set_year           (DistrettoChart      *self,
                                                    int                  year);
int             distretto_chart_get_year           (DistrettoChart      *self);
void            distretto_chart_set_series_ids     (DistrettoChart      *self,
                                                    const char * const  *ids);
void            distretto_chart_set_synthetic      (DistrettoChart      *self,
                                                    gboolean             synthetic);
gboolean        distretto_chart_get_synthetic      (DistrettoChart      *self);
void            distretto_chart_set_highlighted_regions (DistrettoChart     *self,
                                                         const char * const *codes);
gboolean        distretto_chart_is_highlighted_region   (DistrettoChart     *self,
                                                         const char         *code);
void            distretto_chart_set_region_flags   (DistrettoChart      *self,
                                                    const char          *code,
                                                    DistrettoFlags       flags);
DistrettoFlags  distretto_chart_get_region_flags   (DistrettoChart      *self,
                                                    const char          *code);
char          **distretto_chart_dup_region_codes   (DistrettoChart      *self);
char           *distretto_chart_dup_summary        (DistrettoChart      *self);
gboolean        distretto_chart_hit_test           (DistrettoChart      *self,
                                                    double               width,
                                                    double               height,
                                                    double               x,
                                                    double               y,
                                                    guint               *index);
void            distretto_chart_set_classification (DistrettoChart      *self,
                                                    DistrettoClassification method,
                                                    guint                n_classes);
DistrettoClassification distretto_chart_get_classification (DistrettoChart *self);
guint           distretto_chart_get_n_classes      (DistrettoChart      *self);
gboolean        distretto_chart_get_class_color    (DistrettoChart      *self,
                                                    guint                class_index,
                                                    DistrettoChartStyle  style,
                                                    DistrettoChartColor *color);
int             distretto_chart_get_region_class   (DistrettoChart      *self,
                                                    const char          *code);
double         *distretto_chart_compute_breaks     (DistrettoClassification method,
                                                    const double        *values,
                                                    guint                n_values,
                                                    guint                n_classes,
                                                    guint               *n_breaks);
int             distretto_chart_hit_test_axis      (DistrettoChart      *self,
                                                    double               width,
                                                    double               height,
                                                    double               x,
                                                    double               y);
char           *distretto_chart_describe_at        (DistrettoChart      *self,
                                                    double               width,
                                                    double               height,
                                                    double               x,
                                                    double               y,
                                                    const char         **code);
const char     *distretto_chart_hit_test_region    (DistrettoChart      *self,
                                                    double               width,
                                                    double               height,
                                                    double               x,
                                                    double               y);
double          distretto_chart_get_natural_height (DistrettoChart      *self);
guint           distretto_chart_get_revision       (DistrettoChart      *self);
void            distretto_chart_render             (DistrettoChart      *self,
                                                    cairo_t             *cr,
                                                    double               width,
                                                    double               height,
                                                    DistrettoChartStyle  style);
void            distretto_chart_render_with_options (DistrettoChart                    *self,
                                                     cairo_t                           *cr,
                                                     double                             width,
                                                     double                             height,
                                                     const DistrettoChartRenderOptions *options);
gboolean        distretto_chart_render_overlay     (DistrettoChart                    *self,
                                                    cairo_t                           *cr,
                                                    double                             width,
                                                    double                             height,
                                                    const DistrettoChartRenderOptions *options);

G_END_DECLS

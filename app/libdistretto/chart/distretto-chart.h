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
 *
 * What a #DistrettoChart shows.
 */
typedef enum
{
  DISTRETTO_CHART_KIND_RANKING,
  DISTRETTO_CHART_KIND_TREND,
  DISTRETTO_CHART_KIND_MAP,
} DistrettoChartKind;

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

#define DISTRETTO_TYPE_CHART (distretto_chart_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoChart, distretto_chart, DISTRETTO, CHART, GObject)

DistrettoChart *distretto_chart_new_ranking        (const char          *title);
DistrettoChart *distretto_chart_new_trend          (const char          *title);
DistrettoChart *distretto_chart_new_map            (const char          *title,
                                                    DistrettoBoundaries *boundaries);
DistrettoChartKind distretto_chart_get_kind        (DistrettoChart      *self);
const char     *distretto_chart_get_title          (DistrettoChart      *self);
const char     *distretto_chart_get_subtitle       (DistrettoChart      *self);
void            distretto_chart_set_subtitle       (DistrettoChart      *self,
                                                    const char          *subtitle);
const char     *distretto_chart_get_source         (DistrettoChart      *self);
void            distretto_chart_set_source         (DistrettoChart      *self,
                                                    const char          *source);
const char     *distretto_chart_get_unit           (DistrettoChart      *self);
void            distretto_chart_set_unit           (DistrettoChart      *self,
                                                    const char          *unit);
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
const char     *distretto_chart_get_selected       (DistrettoChart      *self);
void            distretto_chart_set_selected       (DistrettoChart      *self,
                                                    const char          *code);
char           *distretto_chart_dup_table          (DistrettoChart      *self);
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
int             distretto_chart_get_region_class   (DistrettoChart      *self,
                                                    const char          *code);
double         *distretto_chart_compute_breaks     (DistrettoClassification method,
                                                    const double        *values,
                                                    guint                n_values,
                                                    guint                n_classes,
                                                    guint               *n_breaks);
const char     *distretto_chart_hit_test_region    (DistrettoChart      *self,
                                                    double               width,
                                                    double               height,
                                                    double               x,
                                                    double               y);
double          distretto_chart_get_natural_height (DistrettoChart      *self);
void            distretto_chart_render             (DistrettoChart      *self,
                                                    cairo_t             *cr,
                                                    double               width,
                                                    double               height,
                                                    DistrettoChartStyle  style);

G_END_DECLS

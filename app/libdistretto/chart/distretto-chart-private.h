/* distretto-chart-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "distretto-chart.h"

G_BEGIN_DECLS

typedef struct
{
  char *code;
  char *label;
  double value;
  int category;       /* index into categories, or -1 */
} DistrettoChartBar;

typedef struct
{
  int year;
  double value;       /* NaN for a missing year: a gap in the line */
  DistrettoFlags flags;
} DistrettoChartPoint;

typedef struct
{
  char *code;
  char *label;
  GArray *points;     /* DistrettoChartPoint, by year */
} DistrettoChartLine;

struct _DistrettoChart
{
  GObject parent_instance;

  DistrettoChartKind kind;
  char *title;
  char *subtitle;
  char *source;
  char *unit;
  GArray *bars;       /* DistrettoChartBar, largest value first */
  GPtrArray *categories;  /* legend labels, coloured in palette order */
  double reference;   /* NaN for none */
  char *reference_label;
  char *selected;     /* a bar's or a line's code, or NULL */
  GArray *lines;      /* DistrettoChartLine, for a trend */
  int reference_line; /* an index into lines, or -1 */
  DistrettoBoundaries *boundaries;  /* for a map */
  DistrettoClassification classification;
  guint n_classes;
};

/* Layout of a ranking, shared by the renderer and the natural size. */
#define DISTRETTO_CHART_MARGIN        24.0
#define DISTRETTO_CHART_ROW_HEIGHT    18.0
#define DISTRETTO_CHART_HEADER_HEIGHT 64.0
#define DISTRETTO_CHART_FOOTER_HEIGHT 64.0
#define DISTRETTO_CHART_TREND_HEIGHT  520.0
#define DISTRETTO_CHART_MAP_HEIGHT    640.0

/* A value axis with ticks at 1, 2 or 5 times a power of ten. */
typedef struct
{
  double first;
  double last;
  double step;
  int decimals;
} DistrettoChartAxis;

/* Drawing helpers shared by the renderers, in distretto-chart-draw.c. */
void                _distretto_chart_set_color      (cairo_t                     *cr,
                                                     const DistrettoChartColor   *color);
PangoLayout        *_distretto_chart_create_layout  (cairo_t                     *cr,
                                                     const char                  *text,
                                                     double                       size,
                                                     gboolean                     bold);
double              _distretto_chart_layout_width   (PangoLayout                 *layout);
double              _distretto_chart_layout_height  (PangoLayout                 *layout);
void                _distretto_chart_show_layout    (cairo_t                     *cr,
                                                     PangoLayout                 *layout,
                                                     double                       x,
                                                     double                       y);
DistrettoChartAxis  _distretto_chart_nice_axis      (double                       lo,
                                                     double                       hi);
char               *_distretto_chart_format_number  (double                       value,
                                                     int                          decimals);
void                _distretto_chart_draw_message   (cairo_t                     *cr,
                                                     const DistrettoChartPalette *palette,
                                                     const char                  *message,
                                                     double                       width,
                                                     double                       height);
double              _distretto_chart_draw_header    (DistrettoChart              *self,
                                                     cairo_t                     *cr,
                                                     const DistrettoChartPalette *palette,
                                                     double                       width);
void                _distretto_chart_draw_source    (DistrettoChart              *self,
                                                     cairo_t                     *cr,
                                                     const DistrettoChartPalette *palette,
                                                     double                       width,
                                                     double                       height);
double              _distretto_chart_header_bottom  (DistrettoChart              *self,
                                                     cairo_t                     *cr);

/* The trend renderer, in distretto-chart-trend.c. */
void                _distretto_chart_render_trend   (DistrettoChart              *self,
                                                     cairo_t                     *cr,
                                                     const DistrettoChartPalette *palette,
                                                     double                       width,
                                                     double                       height);
gboolean            _distretto_chart_hit_test_trend (DistrettoChart              *self,
                                                     double                       width,
                                                     double                       height,
                                                     double                       x,
                                                     double                       y,
                                                     guint                       *index);

/* The map renderer, in distretto-chart-map.c. */
void                _distretto_chart_render_map     (DistrettoChart              *self,
                                                     cairo_t                     *cr,
                                                     const DistrettoChartPalette *palette,
                                                     double                       width,
                                                     double                       height);
const char         *_distretto_chart_hit_test_map   (DistrettoChart              *self,
                                                     double                       width,
                                                     double                       height,
                                                     double                       x,
                                                     double                       y);
char               *_distretto_chart_dup_map_table  (DistrettoChart              *self);
int                 _distretto_chart_map_class_of   (DistrettoChart              *self,
                                                     const char                  *code);
void                _distretto_chart_append_csv_field (GString                   *out,
                                                       const char                *text);

G_END_DECLS

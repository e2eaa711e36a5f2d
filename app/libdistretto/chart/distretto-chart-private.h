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
  double lower;       /* an interval around the value, or NaN for none */
  double upper;
} DistrettoChartBar;

typedef struct
{
  int year;
  double value;       /* NaN for a missing year: a gap in the line */
  DistrettoFlags flags;
} DistrettoChartPoint;

/* A trend's line; for a radar or a heatmap, a region's profile: then a
 * point's year is the index of its axis, one point per axis. */
typedef struct
{
  char *code;
  char *label;
  GArray *points;     /* DistrettoChartPoint, by year or by axis */
} DistrettoChartLine;

/* A scatter chart's point. */
typedef struct
{
  char *code;
  char *label;
  double x;
  double y;
  double third;       /* NaN for none */
} DistrettoChartMark;

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
  char *notes;
  DistrettoColorScheme scheme;
  GPtrArray *axes;    /* a radar's or a heatmap's axis labels */
  int sort_axis;      /* a heatmap's rows sorted by this axis, or -1 */
  GArray *marks;      /* DistrettoChartMark, for a scatter */
  char *x_title;
  char *y_title;
  char *third_title;
  DistrettoChartEncoding third_encoding;
  double x_reference; /* NaN for none */
  char *x_reference_label;
  GHashTable *labelled;   /* codes of a scatter's points given labels */
  char *highlighted;  /* the code under the pointer, or NULL */
};

/* Drawn thicker or outlined: the selected region, or the one hovered. */
static inline gboolean
_distretto_chart_is_emphasised (DistrettoChart *self,
                                const char     *code)
{
  return g_strcmp0 (code, self->selected) == 0 || g_strcmp0 (code, self->highlighted) == 0;
}

/* Layout of a ranking, shared by the renderer and the natural size. */
#define DISTRETTO_CHART_MARGIN        24.0
#define DISTRETTO_CHART_ROW_HEIGHT    18.0
#define DISTRETTO_CHART_HEADER_HEIGHT 64.0
#define DISTRETTO_CHART_FOOTER_HEIGHT 64.0
#define DISTRETTO_CHART_TREND_HEIGHT  520.0
#define DISTRETTO_CHART_MAP_HEIGHT    640.0
#define DISTRETTO_CHART_RADAR_HEIGHT  560.0
#define DISTRETTO_CHART_SCATTER_HEIGHT 600.0
#define DISTRETTO_CHART_HEATMAP_HEADER 140.0

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
double              _distretto_chart_text_width     (cairo_t                     *cr,
                                                     const char                  *text,
                                                     double                       size,
                                                     gboolean                     bold);
double              _distretto_chart_text_height    (cairo_t                     *cr,
                                                     const char                  *text,
                                                     double                       size);
const DistrettoChartColor *_distretto_chart_line_color (DistrettoChart           *self,
                                                        const DistrettoChartPalette *palette,
                                                        guint                     index);
void                _distretto_chart_set_line_style (DistrettoChart              *self,
                                                     cairo_t                     *cr,
                                                     guint                        index,
                                                     gboolean                     emphasised);
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
double              _distretto_chart_notes_height   (DistrettoChart              *self,
                                                     cairo_t                     *cr,
                                                     double                       width);
void                _distretto_chart_draw_notes     (DistrettoChart              *self,
                                                     cairo_t                     *cr,
                                                     const DistrettoChartPalette *palette,
                                                     double                       width,
                                                     double                       height);

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

/* The radar renderer, in distretto-chart-radar.c; hit-testing gives the
 * index of a line (a region's profile). */
void                _distretto_chart_render_radar   (DistrettoChart              *self,
                                                     cairo_t                     *cr,
                                                     const DistrettoChartPalette *palette,
                                                     double                       width,
                                                     double                       height);
gboolean            _distretto_chart_hit_test_radar (DistrettoChart              *self,
                                                     double                       width,
                                                     double                       height,
                                                     double                       x,
                                                     double                       y,
                                                     guint                       *line,
                                                     int                         *axis);

/* The heatmap renderer, in distretto-chart-heatmap.c; hit-testing gives
 * the line (row) and the axis (column) of a cell, the axis alone (line
 * not set, returns FALSE) for a column's header. */
void                _distretto_chart_render_heatmap (DistrettoChart              *self,
                                                     cairo_t                     *cr,
                                                     const DistrettoChartPalette *palette,
                                                     double                       width,
                                                     double                       height);
gboolean            _distretto_chart_hit_test_heatmap (DistrettoChart            *self,
                                                       double                     width,
                                                       double                     height,
                                                       double                     x,
                                                       double                     y,
                                                       guint                     *line,
                                                       int                       *axis);

/* The scatter renderer, in distretto-chart-scatter.c; hit-testing gives
 * the index of a mark. */
void                _distretto_chart_render_scatter (DistrettoChart              *self,
                                                     cairo_t                     *cr,
                                                     const DistrettoChartPalette *palette,
                                                     double                       width,
                                                     double                       height);
gboolean            _distretto_chart_hit_test_scatter (DistrettoChart            *self,
                                                       double                     width,
                                                       double                     height,
                                                       double                     x,
                                                       double                     y,
                                                       guint                     *mark);

/* Model helpers, in distretto-chart-profile.c and distretto-chart-points.c. */
char               *_distretto_chart_dup_profile_table (DistrettoChart           *self);
char               *_distretto_chart_dup_scatter_table (DistrettoChart           *self);
void                _distretto_chart_init_profiles  (DistrettoChart              *self);
void                _distretto_chart_init_points    (DistrettoChart              *self);
void                _distretto_chart_clear_line     (gpointer                     data);

G_END_DECLS

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
  guint rank;         /* the rank shown, or 0 for the bar's place (ties shared) */
  DistrettoFlags flags;
  char *note;         /* for the tooltip and the table, or NULL */
  double shares[DISTRETTO_CHART_N_CATEGORIES];  /* of each category, or NaN */
  double rank_median; /* the rank's median under the method's uncertainty, or NaN */
  double rank_lower;  /* its 5th and 95th percentiles */
  double rank_upper;
} DistrettoChartBar;

/* A sensitivity chart's assumption and its Sobol indices. */
typedef struct
{
  char *code;
  char *label;
  double first_order;
  double total_order;
} DistrettoChartIndex;

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

typedef struct _DistrettoChartKindClass DistrettoChartKindClass;

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
  GHashTable *highlighted_regions;  /* codes drawn highlighted, or NULL */
  gboolean synthetic;     /* the values are synthetic: the frame says so */
  char *indicator;        /* the code of the values, for the tidy table */
  int year;               /* the year of the values, or 0 */
  GStrv series_ids;       /* codes of a profile's axes, a scatter's x, y, third */
  GArray *indices;        /* DistrettoChartIndex, for a sensitivity chart */
  GHashTable *region_flags;  /* code → the flags of the values shown */
  double group_certainty;    /* a map hatches a region less likely in any category, or NaN */
  const DistrettoChartKindClass *kind_class;  /* what the kind does */
  DistrettoChartBodyFunc body_func;  /* a custom chart's body */
  gpointer body_data;
  GDestroyNotify body_destroy;

  guint revision;         /* changes with anything drawn but the selection */
  cairo_t *scratch;       /* text measured as on an image, not drawn */
  GHashTable *kept_layouts;  /* name → text laid out for the next drawing */
  /* The last layout, for hit-testing and maps drawn on images, and what
   * it was laid out for. */
  gpointer layout;        /* the kind's, or NULL */
  const char *layout_problem;
  double layout_width;
  double layout_height;   /* the chart's, or NaN if laid out for its body */
  double layout_body_height;
  guint layout_revision;
};

void                _distretto_chart_changed        (DistrettoChart              *self);
cairo_t            *_distretto_chart_get_scratch    (DistrettoChart              *self);
void                _distretto_chart_clear_layout   (DistrettoChart              *self);
gconstpointer       _distretto_chart_get_body_layout (DistrettoChart             *self,
                                                      double                      width,
                                                      double                      height,
                                                      const char                **problem);
gboolean            _distretto_chart_measures_as_scratch (cairo_t                *cr);
PangoLayout        *_distretto_chart_keep_layout    (DistrettoChart              *self,
                                                     cairo_t                     *cr,
                                                     const char                  *name,
                                                     const char                  *text,
                                                     double                       size,
                                                     gboolean                     bold);

/* How one drawing of a chart looks: the colours, the region selected and
 * the one under the pointer. */
struct _DistrettoChartRenderOptions
{
  DistrettoChartStyle style;
  char *selected;
  char *highlighted;
};

/* Drawn like the selection: a region the chart highlights. */
static inline gboolean
_distretto_chart_is_marked (DistrettoChart *self,
                            const char     *code)
{
  return self->highlighted_regions != NULL && code != NULL &&
         g_hash_table_contains (self->highlighted_regions, code);
}

/* Drawn thicker or outlined: the selected region, or the one hovered. */
static inline gboolean
_distretto_chart_is_emphasised (const DistrettoChartRenderOptions *options,
                                const char                        *code)
{
  return g_strcmp0 (code, options->selected) == 0 || g_strcmp0 (code, options->highlighted) == 0;
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
#define DISTRETTO_CHART_SENSITIVITY_GAP 48.0
#define DISTRETTO_CHART_CUSTOM_HEIGHT 560.0

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
void                _distretto_chart_draw_x_tick    (cairo_t                     *cr,
                                                     const DistrettoChartPalette *palette,
                                                     double                       x,
                                                     double                       top,
                                                     double                       bottom,
                                                     const char                  *text);
void                _distretto_chart_draw_x_title   (cairo_t                     *cr,
                                                     const DistrettoChartPalette *palette,
                                                     const char                  *unit,
                                                     double                       left,
                                                     double                       right,
                                                     double                       bottom);
DistrettoChartAxis  _distretto_chart_nice_axis      (double                       lo,
                                                     double                       hi);
char               *_distretto_chart_region_title   (const char                  *label,
                                                     const char                  *code);
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

/* What one kind of chart does, in the kind's own file: a table, not
 * subclasses, so that DistrettoChart stays the one final type the GIR,
 * Python and the shell know, its kind a construct property. The chart
 * calls render() and layout() with its body's size (above the notes);
 * hit_test() and region_at() get what layout() laid out, measured on a
 * scratch surface as the renderer measures. */
struct _DistrettoChartKindClass
{
  /* The body's height at which the chart reads well, notes aside. */
  double       (*natural_height) (DistrettoChart              *self);
  /* Draws the body: what is between the header and the notes. */
  void         (*render)         (DistrettoChart              *self,
                                  cairo_t                     *cr,
                                  const DistrettoChartPalette *palette,
                                  const DistrettoChartRenderOptions *options,
                                  double                       width,
                                  double                       height);
  /* Draws over a drawing without selection or hover what they add, if
   * that is all they change (a map's outlines); NULL for the others. */
  void         (*render_overlay) (DistrettoChart              *self,
                                  cairo_t                     *cr,
                                  const DistrettoChartPalette *palette,
                                  const DistrettoChartRenderOptions *options,
                                  gconstpointer                layout);
  /* layout_size bytes for layout() to fill: returns a message to show
   * instead of the chart when it cannot be laid out, else NULL. */
  gsize          layout_size;
  const char  *(*layout)         (DistrettoChart              *self,
                                  cairo_t                     *cr,
                                  double                       width,
                                  double                       height,
                                  gpointer                     layout);
  void         (*clear_layout)   (gpointer                     layout);
  /* The bar, line, profile or point at (x, y), and the axis if the kind
   * has axes (-1 if not); an axis alone (a heatmap's column header)
   * sets @axis and returns FALSE. */
  gboolean     (*hit_test)       (DistrettoChart              *self,
                                  gconstpointer                layout,
                                  double                       x,
                                  double                       y,
                                  guint                       *index,
                                  int                         *axis);
  /* A map's region at (x, y), with or without a value; NULL elsewhere. */
  const char  *(*region_at)      (DistrettoChart              *self,
                                  gconstpointer                layout,
                                  double                       x,
                                  double                       y);
  /* The tooltip of what hit_test() found. */
  char        *(*describe)       (DistrettoChart              *self,
                                  guint                        index,
                                  int                          axis,
                                  const char                 **code);
  char        *(*dup_table)      (DistrettoChart              *self);
};

extern const DistrettoChartKindClass _distretto_chart_ranking_class;
extern const DistrettoChartKindClass _distretto_chart_trend_class;
extern const DistrettoChartKindClass _distretto_chart_map_class;
extern const DistrettoChartKindClass _distretto_chart_radar_class;
extern const DistrettoChartKindClass _distretto_chart_scatter_class;
extern const DistrettoChartKindClass _distretto_chart_heatmap_class;
extern const DistrettoChartKindClass _distretto_chart_custom_class;
extern const DistrettoChartKindClass _distretto_chart_uncertainty_class;
extern const DistrettoChartKindClass _distretto_chart_sensitivity_class;

/* Shared by the kinds. */
gboolean            _distretto_chart_map_class_color (DistrettoChart             *self,
                                                      guint                       index,
                                                      DistrettoChartStyle         style,
                                                      DistrettoChartColor        *color);
int                 _distretto_chart_map_class_of   (DistrettoChart              *self,
                                                     const char                  *code);
void                _distretto_chart_append_csv_field (GString                   *out,
                                                       const char                *text);
char               *_distretto_chart_format_value   (double                       value);
char               *_distretto_chart_describe_profile (DistrettoChart            *self,
                                                       guint                      index,
                                                       int                        axis,
                                                       const char               **code);
double              _distretto_chart_subtitle_top   (DistrettoChart              *self,
                                                     cairo_t                     *cr);

/* Bars' ranks, flags, notes and shares, in distretto-chart-bars.c. */
guint               _distretto_chart_bar_rank       (DistrettoChart              *self,
                                                     guint                        index);
char               *_distretto_chart_describe_flags (DistrettoFlags               flags);
gboolean            _distretto_chart_is_estimated   (DistrettoFlags               flags);
void                _distretto_chart_init_bar       (DistrettoChartBar           *bar);
void                _distretto_chart_init_indices   (DistrettoChart              *self);
void                _distretto_chart_append_bar_extras (DistrettoChart           *self,
                                                        GString                  *header,
                                                        gboolean                  with_flags,
                                                        gboolean                  with_shares);
void                _distretto_chart_append_bar_extra_fields (DistrettoChart     *self,
                                                              GString            *out,
                                                              const DistrettoChartBar *bar,
                                                              gboolean            with_flags,
                                                              gboolean            with_shares);
gboolean            _distretto_chart_is_group_uncertain (DistrettoChart          *self,
                                                         const DistrettoChartBar *bar);
void                _distretto_chart_describe_bar_extras (DistrettoChart         *self,
                                                          const DistrettoChartBar *bar,
                                                          GString                *text);
void                _distretto_chart_draw_hatch     (cairo_t                     *cr,
                                                     const DistrettoChartPalette *palette,
                                                     double                       x,
                                                     double                       y,
                                                     double                       width,
                                                     double                       height);

/* Model helpers, in distretto-chart-profile.c and distretto-chart-points.c. */
char               *_distretto_chart_dup_profile_table (DistrettoChart           *self);
char               *_distretto_chart_dup_scatter_table (DistrettoChart           *self);
void                _distretto_chart_init_profiles  (DistrettoChart              *self);
void                _distretto_chart_init_points    (DistrettoChart              *self);
void                _distretto_chart_clear_line     (gpointer                     data);

G_END_DECLS

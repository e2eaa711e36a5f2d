/* distretto-chart-scatter.c: regions by two values
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-chart-private.h"

#define TICK_SIZE       11.0
#define TITLE_SIZE      12.0
#define LABEL_SIZE      11.0
#define TEXT_GAP        6.0
#define TICK_GAP        4.0
#define INSET           18.0  /* the largest point fits between frame and ticks */
#define RADIUS          4.0
#define COLOR_RADIUS    5.0
#define MIN_RADIUS      3.0
#define MAX_RADIUS      14.0
#define HIT_SLACK       4.0
#define POINT_ALPHA     0.75
#define SELECTED_WIDTH  2.0
#define LABEL_GAP       3.0
#define LEADER          16.0
#define LABEL_MAX_WIDTH 200.0
#define LEGEND_GAP      8.0
#define LEGEND_INSET    6.0
#define LEGEND_ITEM_GAP 12.0
#define GRADIENT_WIDTH  96.0
#define GRADIENT_HEIGHT 10.0
#define MAX_TICK_COUNT  200
#define MIN_PLOT        40.0

/* Where the parts of a scatter go, for drawing and for hit-testing. */
typedef struct
{
  DistrettoChartAxis x_axis;
  DistrettoChartAxis y_axis;
  double top;             /* the plot's frame */
  double left;
  double right;
  double bottom;
  double x_scale;
  double y_scale;
  int x_every;            /* a tick label every so many ticks */
  int y_every;
  gboolean has_third;     /* some point has a third value */
  double third_lo;
  double third_hi;
  gboolean proportional;  /* sizes: area proportional to the value from 0 */
  gboolean legend;
  gboolean legend_inside; /* in the plot's corner, not above it */
  double legend_x;
  double legend_y;
  double legend_width;
  double legend_height;
} ScatterLayout;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} Box;

static const DistrettoChartMark *
mark_at (DistrettoChart *self,
         guint           index)
{
  return &g_array_index (self->marks, DistrettoChartMark, index);
}

static double
x_of (const ScatterLayout *layout,
      double               value)
{
  return layout->left + INSET + (value - layout->x_axis.first) * layout->x_scale;
}

static double
y_of (const ScatterLayout *layout,
      double               value)
{
  return layout->bottom - INSET - (value - layout->y_axis.first) * layout->y_scale;
}

/* Where @value lies from @lo (0) to @hi (1), without overflowing. */
static double
fraction_of (double value,
             double lo,
             double hi)
{
  double fraction = (value / 2 - lo / 2) / (hi / 2 - lo / 2);

  if (!(hi > lo) || isnan (fraction))
    return 0.5;
  return CLAMP (fraction, 0.0, 1.0);
}

static double
radius_of (DistrettoChart      *self,
           const ScatterLayout *layout,
           double               third)
{
  if (self->third_encoding == DISTRETTO_CHART_ENCODING_COLOR)
    return COLOR_RADIUS;
  if (self->third_encoding != DISTRETTO_CHART_ENCODING_SIZE)
    return RADIUS;
  if (isnan (third) || !layout->has_third)
    return MIN_RADIUS;

  if (layout->proportional)
    return MAX (MIN_RADIUS, MAX_RADIUS * sqrt (MAX (third, 0.0) / layout->third_hi));

  /* Values below zero: the area grows over the range instead. */
  return sqrt (MIN_RADIUS * MIN_RADIUS + (MAX_RADIUS * MAX_RADIUS - MIN_RADIUS * MIN_RADIUS) *
               fraction_of (third, layout->third_lo, layout->third_hi));
}

static int
n_ticks (const DistrettoChartAxis *axis)
{
  return (int) MIN (MAX_TICK_COUNT, floor ((axis->last - axis->first) / axis->step + 1e-6) + 1);
}

static double
tick_value (const DistrettoChartAxis *axis,
            int                       t)
{
  return axis->first + t * axis->step;
}

static double
widest_tick (cairo_t                  *cr,
             const DistrettoChartAxis *axis)
{
  double widest = 0.0;

  for (int t = 0; t < n_ticks (axis); t++)
    {
      g_autofree char *text = _distretto_chart_format_number (tick_value (axis, t), axis->decimals);

      widest = MAX (widest, _distretto_chart_text_width (cr, text, TICK_SIZE, FALSE));
    }

  return widest;
}

/* Widens a range of equal (or nearly equal) values around them. */
static void
pad_range (double *lo,
           double *hi)
{
  double middle, pad;

  if (*hi - *lo > 1e-9 * MAX (1.0, MAX (fabs (*lo), fabs (*hi))))
    return;

  middle = *lo / 2 + *hi / 2;
  pad = fabs (middle) * 0.1;
  if (!(pad >= 1e-6))
    pad = 1.0;
  *lo = middle - pad;
  *hi = middle + pad;
}

static gboolean
axis_is_drawable (const DistrettoChartAxis *axis)
{
  return isfinite (axis->first) && isfinite (axis->last) && isfinite (axis->last - axis->first) &&
         axis->step > 0 && axis->last > axis->first;
}

/* The points' extent on both axes, the references included. */
static void
measure_points (DistrettoChart *self,
                double         *x_lo,
                double         *x_hi,
                double         *y_lo,
                double         *y_hi)
{
  *x_lo = *x_hi = mark_at (self, 0)->x;
  *y_lo = *y_hi = mark_at (self, 0)->y;

  for (guint i = 1; i < self->marks->len; i++)
    {
      const DistrettoChartMark *mark = mark_at (self, i);

      *x_lo = MIN (*x_lo, mark->x);
      *x_hi = MAX (*x_hi, mark->x);
      *y_lo = MIN (*y_lo, mark->y);
      *y_hi = MAX (*y_hi, mark->y);
    }

  if (isfinite (self->x_reference))
    {
      *x_lo = MIN (*x_lo, self->x_reference);
      *x_hi = MAX (*x_hi, self->x_reference);
    }
  if (isfinite (self->reference))
    {
      *y_lo = MIN (*y_lo, self->reference);
      *y_hi = MAX (*y_hi, self->reference);
    }
}

static void
measure_third (DistrettoChart *self,
               ScatterLayout  *layout)
{
  layout->has_third = FALSE;
  layout->third_lo = layout->third_hi = 0.0;

  for (guint i = 0; i < self->marks->len; i++)
    {
      double third = mark_at (self, i)->third;

      if (isnan (third))
        continue;
      layout->third_lo = layout->has_third ? MIN (layout->third_lo, third) : third;
      layout->third_hi = layout->has_third ? MAX (layout->third_hi, third) : third;
      layout->has_third = TRUE;
    }

  layout->proportional = layout->has_third && layout->third_lo >= 0 && layout->third_hi > 0;
}

/* @value (> 0) rounded down to one significant digit. */
static double
nice_below (double value)
{
  double magnitude = pow (10.0, floor (log10 (value)));

  return floor (value / magnitude + 1e-9) * magnitude;
}

static int
decimals_for (double step)
{
  if (!(step > 0) || !isfinite (step))
    return 0;
  return CLAMP ((int) -floor (log10 (step) + 1e-9), 0, 9);
}

/* The values of the size legend's circles, largest first; returns how many. */
static guint
size_legend_values (const ScatterLayout *layout,
                    double               values[3],
                    int                 *decimals)
{
  guint n = 0;

  if (layout->proportional)
    {
      const double fractions[] = { 1.0, 1.0 / 4, 1.0 / 16 };

      for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
        {
          double value = nice_below (layout->third_hi * fractions[i]);

          /* Circles too small to tell apart from the smallest are left out. */
          if (!(value > 0) || (n > 0 && value >= values[n - 1]) ||
              MAX_RADIUS * sqrt (value / layout->third_hi) < MIN_RADIUS + 1)
            continue;
          values[n++] = value;
        }
      *decimals = n > 0 ? decimals_for (values[n - 1]) : 0;
      return n;
    }

  values[n++] = layout->third_hi;
  if (layout->third_lo < layout->third_hi)
    values[n++] = layout->third_lo;
  *decimals = decimals_for ((layout->third_hi / 2 - layout->third_lo / 2) / 5);

  return n;
}

static void
color_of (DistrettoChart      *self,
          const ScatterLayout *layout,
          double               third,
          DistrettoChartColor *color)
{
  distretto_color_scheme_get_color (self->scheme, fraction_of (third, layout->third_lo, layout->third_hi), color);
}

static void
show_text (cairo_t                   *cr,
           const DistrettoChartColor *color,
           const char                *text,
           double                     x,
           double                     y)
{
  g_autoptr(PangoLayout) layout = _distretto_chart_create_layout (cr, text, LABEL_SIZE, FALSE);

  _distretto_chart_set_color (cr, color);
  _distretto_chart_show_layout (cr, layout, x, y);
}

/* Lays out (and draws, with a palette) the legend of the third value
 * from (x, y); returns its width and sets its height. */
static double
legend_extent (DistrettoChart              *self,
               cairo_t                     *cr,
               const DistrettoChartPalette *palette,
               const ScatterLayout         *layout,
               double                       x,
               double                       y,
               double                      *height)
{
  g_autoptr(PangoLayout) title = NULL;
  double start = x, middle, text_h = _distretto_chart_text_height (cr, "0", LABEL_SIZE);

  if (self->third_encoding == DISTRETTO_CHART_ENCODING_SIZE)
    {
      double values[3];
      int decimals;
      guint n = size_legend_values (layout, values, &decimals);

      *height = MAX (text_h, n > 0 ? 2 * radius_of (self, layout, values[0]) + 2 : 0);
    }
  else
    *height = MAX (text_h, GRADIENT_HEIGHT);
  middle = y + *height / 2.0;

  if (self->third_title != NULL)
    {
      title = _distretto_chart_create_layout (cr, self->third_title, LABEL_SIZE, TRUE);
      pango_layout_set_width (title, LABEL_MAX_WIDTH * PANGO_SCALE);
      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      if (palette != NULL)
        {
          _distretto_chart_set_color (cr, &palette->foreground);
          _distretto_chart_show_layout (cr, title, x, middle - _distretto_chart_layout_height (title) / 2.0);
        }
      x += _distretto_chart_layout_width (title) + LEGEND_ITEM_GAP;
    }

  if (self->third_encoding == DISTRETTO_CHART_ENCODING_SIZE)
    {
      double values[3];
      int decimals;
      guint n = size_legend_values (layout, values, &decimals);

      /* Smallest first, left to right. */
      for (int i = n - 1; i >= 0; i--)
        {
          double r = radius_of (self, layout, values[i]);
          g_autofree char *text = _distretto_chart_format_number (values[i], decimals);

          if (palette != NULL)
            {
              _distretto_chart_set_color (cr, &palette->muted);
              cairo_set_line_width (cr, 1.0);
              cairo_new_path (cr);
              cairo_arc (cr, x + r, middle, r - 0.5, 0, 2 * G_PI);
              cairo_stroke (cr);
              show_text (cr, &palette->muted, text, x + 2 * r + 3, middle - text_h / 2.0);
            }
          x += 2 * r + 3 + _distretto_chart_text_width (cr, text, LABEL_SIZE, FALSE) + (i > 0 ? LEGEND_ITEM_GAP : 0);
        }
    }
  else
    {
      int decimals = decimals_for ((layout->third_hi / 2 - layout->third_lo / 2) / 5);
      g_autofree char *lo = _distretto_chart_format_number (layout->third_lo, decimals);
      g_autofree char *hi = _distretto_chart_format_number (layout->third_hi, decimals);

      if (palette != NULL)
        show_text (cr, &palette->muted, lo, x, middle - text_h / 2.0);
      x += _distretto_chart_text_width (cr, lo, LABEL_SIZE, FALSE) + 4;

      if (palette != NULL)
        {
          cairo_pattern_t *gradient = cairo_pattern_create_linear (x, 0, x + GRADIENT_WIDTH, 0);

          for (int i = 0; i <= 16; i++)
            {
              DistrettoChartColor color;

              distretto_color_scheme_get_color (self->scheme, i / 16.0, &color);
              cairo_pattern_add_color_stop_rgb (gradient, i / 16.0, color.red, color.green, color.blue);
            }
          cairo_set_source (cr, gradient);
          cairo_rectangle (cr, x, middle - GRADIENT_HEIGHT / 2.0, GRADIENT_WIDTH, GRADIENT_HEIGHT);
          cairo_fill (cr);
          cairo_pattern_destroy (gradient);
        }
      x += GRADIENT_WIDTH + 4;

      if (palette != NULL)
        show_text (cr, &palette->muted, hi, x, middle - text_h / 2.0);
      x += _distretto_chart_text_width (cr, hi, LABEL_SIZE, FALSE);
    }

  return x - start;
}

static gboolean
circle_meets_box (double     cx,
                  double     cy,
                  double     r,
                  const Box *box)
{
  double nx = CLAMP (cx, box->x, box->x + box->width);
  double ny = CLAMP (cy, box->y, box->y + box->height);

  return (nx - cx) * (nx - cx) + (ny - cy) * (ny - cy) < r * r;
}

static gboolean
boxes_meet (const Box *a,
            const Box *b,
            double     gap)
{
  return a->x < b->x + b->width + gap && b->x < a->x + a->width + gap &&
         a->y < b->y + b->height + gap && b->y < a->y + a->height + gap;
}

/* Sets the scales from the frame; FALSE if the plot is too small. */
static gboolean
set_scales (ScatterLayout *layout)
{
  if (layout->right - layout->left < MIN_PLOT + 2 * INSET ||
      layout->bottom - layout->top < MIN_PLOT + 2 * INSET)
    return FALSE;

  layout->x_scale = (layout->right - layout->left - 2 * INSET) / (layout->x_axis.last - layout->x_axis.first);
  layout->y_scale = (layout->bottom - layout->top - 2 * INSET) / (layout->y_axis.last - layout->y_axis.first);
  return TRUE;
}

static gboolean
legend_covers_points (DistrettoChart      *self,
                      const ScatterLayout *layout)
{
  Box box = { layout->legend_x - 4, layout->legend_y - 4, layout->legend_width + 8, layout->legend_height + 8 };

  for (guint i = 0; i < self->marks->len; i++)
    {
      const DistrettoChartMark *mark = mark_at (self, i);

      if (circle_meets_box (x_of (layout, mark->x), y_of (layout, mark->y),
                            radius_of (self, layout, mark->third), &box))
        return TRUE;
    }

  return FALSE;
}

/* The legend goes in the plot's top-right corner if no point is there,
 * else in a band above the plot; FALSE if the plot is too small. */
static gboolean
place_legend (DistrettoChart *self,
              cairo_t        *cr,
              double          width,
              ScatterLayout  *layout)
{
  layout->legend = self->third_encoding != DISTRETTO_CHART_ENCODING_NONE && layout->has_third;
  if (layout->legend)
    {
      layout->legend_width = legend_extent (self, cr, NULL, layout, 0, 0, &layout->legend_height);
      layout->legend = layout->legend_width <= width - 2 * DISTRETTO_CHART_MARGIN;
    }

  if (!set_scales (layout))
    return FALSE;
  if (!layout->legend)
    return TRUE;

  layout->legend_x = layout->right - LEGEND_INSET - layout->legend_width;
  layout->legend_y = layout->top + LEGEND_INSET;
  layout->legend_inside = layout->legend_x >= layout->left + (layout->right - layout->left) / 3.0 &&
                          !legend_covers_points (self, layout);
  if (layout->legend_inside)
    return TRUE;

  layout->legend_x = width - DISTRETTO_CHART_MARGIN - layout->legend_width;
  layout->legend_y = layout->top;
  layout->top += layout->legend_height + LEGEND_GAP;

  return set_scales (layout);
}

/* Returns a message to show instead when the points cannot be laid out. */
static const char *
layout_scatter (DistrettoChart *self,
                cairo_t        *cr,
                double          width,
                double          height,
                gpointer        data)
{
  ScatterLayout *layout = data;
  double x_lo, x_hi, y_lo, y_hi, tick_height, x_tick_width, y_tick_width, spacing;

  if (self->marks->len == 0)
    return _("No data");

  measure_points (self, &x_lo, &x_hi, &y_lo, &y_hi);
  if (!isfinite (x_hi - x_lo) || !isfinite (y_hi - y_lo))
    return _("Values too large to draw");

  pad_range (&x_lo, &x_hi);
  pad_range (&y_lo, &y_hi);
  layout->x_axis = _distretto_chart_nice_axis (x_lo, x_hi);
  layout->y_axis = _distretto_chart_nice_axis (y_lo, y_hi);
  if (!axis_is_drawable (&layout->x_axis) || !axis_is_drawable (&layout->y_axis))
    return _("Values too large to draw");

  /* Numbers too long to write next to the plot. */
  x_tick_width = widest_tick (cr, &layout->x_axis);
  y_tick_width = widest_tick (cr, &layout->y_axis);
  if (x_tick_width > width / 3.0 || y_tick_width > width / 3.0)
    return _("Values too large to draw");

  measure_third (self, layout);
  tick_height = _distretto_chart_text_height (cr, "0", TICK_SIZE);

  layout->top = _distretto_chart_header_bottom (self, cr);
  layout->bottom = height - DISTRETTO_CHART_MARGIN - DISTRETTO_CHART_FOOTER_HEIGHT - tick_height - TICK_GAP;
  if (self->x_title != NULL)
    layout->bottom -= _distretto_chart_text_height (cr, self->x_title, TITLE_SIZE) + TICK_GAP;
  layout->left = DISTRETTO_CHART_MARGIN + y_tick_width + TEXT_GAP;
  if (self->y_title != NULL)
    layout->left += _distretto_chart_text_height (cr, self->y_title, TITLE_SIZE) + TEXT_GAP;
  layout->right = width - DISTRETTO_CHART_MARGIN;

  if (!place_legend (self, cr, width, layout))
    return _("Too small to draw");

  /* Tick labels far enough apart not to touch. */
  spacing = layout->x_axis.step * layout->x_scale;
  layout->x_every = (int) CLAMP (ceil ((x_tick_width + 12.0) / spacing), 1, MAX_TICK_COUNT);
  spacing = layout->y_axis.step * layout->y_scale;
  layout->y_every = (int) CLAMP (ceil ((tick_height + 4.0) / spacing), 1, MAX_TICK_COUNT);

  return NULL;
}

static void
draw_axes (DistrettoChart              *self,
           cairo_t                     *cr,
           const DistrettoChartPalette *palette,
           const ScatterLayout         *layout,
           double                       width)
{
  const DistrettoChartAxis *x_axis = &layout->x_axis;
  const DistrettoChartAxis *y_axis = &layout->y_axis;
  double label_bottom = layout->bottom + TICK_GAP;

  cairo_set_line_width (cr, 1.0);

  for (int t = 0; t < n_ticks (x_axis); t++)
    {
      double x = round (x_of (layout, tick_value (x_axis, t))) + 0.5;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) tick = NULL;
      double tick_x;

      _distretto_chart_set_color (cr, &palette->grid);
      cairo_move_to (cr, x, layout->top);
      cairo_line_to (cr, x, layout->bottom);
      cairo_stroke (cr);

      if (t % layout->x_every != 0)
        continue;

      text = _distretto_chart_format_number (tick_value (x_axis, t), x_axis->decimals);
      tick = _distretto_chart_create_layout (cr, text, TICK_SIZE, FALSE);
      tick_x = MIN (x - _distretto_chart_layout_width (tick) / 2.0,
                    width - DISTRETTO_CHART_MARGIN - _distretto_chart_layout_width (tick));
      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, tick, tick_x, layout->bottom + TICK_GAP);
      label_bottom = MAX (label_bottom, layout->bottom + TICK_GAP + _distretto_chart_layout_height (tick));
    }

  for (int t = 0; t < n_ticks (y_axis); t++)
    {
      double y = round (y_of (layout, tick_value (y_axis, t))) + 0.5;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) tick = NULL;

      _distretto_chart_set_color (cr, &palette->grid);
      cairo_move_to (cr, layout->left, y);
      cairo_line_to (cr, layout->right, y);
      cairo_stroke (cr);

      if (t % layout->y_every != 0)
        continue;

      text = _distretto_chart_format_number (tick_value (y_axis, t), y_axis->decimals);
      tick = _distretto_chart_create_layout (cr, text, TICK_SIZE, FALSE);
      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, tick, layout->left - TEXT_GAP - _distretto_chart_layout_width (tick),
                                    y - _distretto_chart_layout_height (tick) / 2.0);
    }

  _distretto_chart_set_color (cr, &palette->muted);
  cairo_rectangle (cr, round (layout->left) + 0.5, round (layout->top) + 0.5,
                   round (layout->right - layout->left) - 1, round (layout->bottom - layout->top) - 1);
  cairo_stroke (cr);

  if (self->x_title != NULL)
    {
      g_autoptr(PangoLayout) title = _distretto_chart_create_layout (cr, self->x_title, TITLE_SIZE, FALSE);

      pango_layout_set_width (title, (layout->right - layout->left) * PANGO_SCALE);
      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
      _distretto_chart_set_color (cr, &palette->foreground);
      _distretto_chart_show_layout (cr, title, layout->left, label_bottom + TICK_GAP);
    }

  if (self->y_title != NULL)
    {
      g_autoptr(PangoLayout) title = _distretto_chart_create_layout (cr, self->y_title, TITLE_SIZE, FALSE);

      /* Read bottom to top, centred on the plot's height. */
      cairo_save (cr);
      cairo_translate (cr, DISTRETTO_CHART_MARGIN, layout->bottom);
      cairo_rotate (cr, -G_PI / 2.0);
      pango_cairo_update_layout (cr, title);
      pango_layout_set_width (title, (layout->bottom - layout->top) * PANGO_SCALE);
      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
      _distretto_chart_set_color (cr, &palette->foreground);
      _distretto_chart_show_layout (cr, title, 0, 0);
      cairo_restore (cr);
    }
}

static void
draw_references (DistrettoChart              *self,
                 cairo_t                     *cr,
                 const DistrettoChartPalette *palette,
                 const ScatterLayout         *layout)
{
  const double dashes[] = { 4.0, 3.0 };

  cairo_save (cr);
  _distretto_chart_set_color (cr, &palette->reference);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);

  if (isfinite (self->x_reference))
    {
      double x = round (x_of (layout, self->x_reference)) + 0.5;

      cairo_move_to (cr, x, layout->top);
      cairo_line_to (cr, x, layout->bottom);
      cairo_stroke (cr);
    }

  if (isfinite (self->reference))
    {
      double y = round (y_of (layout, self->reference)) + 0.5;

      cairo_move_to (cr, layout->left, y);
      cairo_line_to (cr, layout->right, y);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

static gboolean
box_in_plot (const ScatterLayout *layout,
             const Box           *box)
{
  return box->x >= layout->left + 2 && box->x + box->width <= layout->right - 2 &&
         box->y >= layout->top + 2 && box->y + box->height <= layout->bottom - 2;
}

static gboolean
box_is_free (GArray    *taken,
             const Box *box)
{
  for (guint i = 0; i < taken->len; i++)
    if (boxes_meet (box, &g_array_index (taken, Box, i), 2.0))
      return FALSE;

  return TRUE;
}

/* The first free place of @candidates, or FALSE. */
static gboolean
first_free_box (const ScatterLayout *layout,
                GArray              *taken,
                const Box           *candidates,
                guint                n_candidates,
                Box                 *box)
{
  for (guint i = 0; i < n_candidates; i++)
    if (box_in_plot (layout, &candidates[i]) && box_is_free (taken, &candidates[i]))
      {
        *box = candidates[i];
        return TRUE;
      }

  return FALSE;
}

/* Text with a halo of the background, readable over lines. */
static void
draw_label_text (cairo_t                     *cr,
                 const DistrettoChartPalette *palette,
                 const DistrettoChartColor   *color,
                 PangoLayout                 *label,
                 double                       x,
                 double                       y)
{
  cairo_save (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, label);
  _distretto_chart_set_color (cr, &palette->background);
  cairo_set_line_width (cr, 3.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);

  _distretto_chart_set_color (cr, color);
  _distretto_chart_show_layout (cr, label, x, y);
}

/* The references' names at the plot's edges: the vertical line's at
 * the top, the horizontal line's at the right end, clear of the tick
 * labels outside the frame. */
static void
draw_reference_labels (DistrettoChart              *self,
                       cairo_t                     *cr,
                       const DistrettoChartPalette *palette,
                       const ScatterLayout         *layout,
                       GArray                      *taken)
{
  Box box;

  if (isfinite (self->x_reference) && self->x_reference_label != NULL)
    {
      g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, self->x_reference_label, LABEL_SIZE, TRUE);
      double x = x_of (layout, self->x_reference);
      double w = _distretto_chart_layout_width (label), h = _distretto_chart_layout_height (label);
      const Box candidates[] = {
        { x + 4, layout->top + 3, w, h },
        { x - 4 - w, layout->top + 3, w, h },
        { x + 4, layout->bottom - 3 - h, w, h },
        { x - 4 - w, layout->bottom - 3 - h, w, h },
      };

      if (first_free_box (layout, taken, candidates, G_N_ELEMENTS (candidates), &box))
        {
          g_array_append_val (taken, box);
          draw_label_text (cr, palette, &palette->reference, label, box.x, box.y);
        }
    }

  if (isfinite (self->reference) && self->reference_label != NULL)
    {
      g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, self->reference_label, LABEL_SIZE, TRUE);
      double y = y_of (layout, self->reference);
      double w = _distretto_chart_layout_width (label), h = _distretto_chart_layout_height (label);
      const Box candidates[] = {
        { layout->right - 4 - w, y - 2 - h, w, h },
        { layout->right - 4 - w, y + 2, w, h },
        { layout->left + 4, y - 2 - h, w, h },
        { layout->left + 4, y + 2, w, h },
      };

      if (first_free_box (layout, taken, candidates, G_N_ELEMENTS (candidates), &box))
        {
          g_array_append_val (taken, box);
          draw_label_text (cr, palette, &palette->reference, label, box.x, box.y);
        }
    }
}

static void
draw_point (DistrettoChart                    *self,
            cairo_t                           *cr,
            const DistrettoChartPalette       *palette,
            const DistrettoChartRenderOptions *options,
            const ScatterLayout               *layout,
            const DistrettoChartMark          *mark)
{
  gboolean selected = _distretto_chart_is_emphasised (options, mark->code);
  double r = radius_of (self, layout, mark->third);
  double x = x_of (layout, mark->x), y = y_of (layout, mark->y);

  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);

  /* Without its third value: hollow. */
  if (self->third_encoding != DISTRETTO_CHART_ENCODING_NONE && isnan (mark->third))
    {
      _distretto_chart_set_color (cr, selected ? &palette->foreground : &palette->muted);
      cairo_set_line_width (cr, selected ? SELECTED_WIDTH : 1.5);
      cairo_stroke (cr);
      return;
    }

  if (self->third_encoding == DISTRETTO_CHART_ENCODING_COLOR)
    {
      DistrettoChartColor color;

      color_of (self, layout, mark->third, &color);
      /* Opaque, so a point's colour is the legend's. */
      _distretto_chart_set_color (cr, &color);
    }
  else
    cairo_set_source_rgba (cr, palette->bar.red, palette->bar.green, palette->bar.blue,
                           selected ? 1.0 : POINT_ALPHA);
  cairo_fill_preserve (cr);

  _distretto_chart_set_color (cr, selected ? &palette->foreground : &palette->background);
  cairo_set_line_width (cr, selected ? SELECTED_WIDTH : 1.0);
  cairo_stroke (cr);
}

static int
compare_radius (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const double *radii = user_data;
  double ra = radii[*(const guint *) a], rb = radii[*(const guint *) b];

  return ra > rb ? -1 : ra < rb ? 1 : 0;
}

/* Larger points first, so smaller ones stay visible; the selected last. */
static void
draw_points (DistrettoChart                    *self,
             cairo_t                           *cr,
             const DistrettoChartPalette       *palette,
             const DistrettoChartRenderOptions *options,
             const ScatterLayout               *layout)
{
  g_autofree guint *order = g_new (guint, self->marks->len);
  g_autofree double *radii = g_new (double, self->marks->len);
  int selected = -1;

  for (guint i = 0; i < self->marks->len; i++)
    {
      order[i] = i;
      radii[i] = radius_of (self, layout, mark_at (self, i)->third);
    }
  g_qsort_with_data (order, self->marks->len, sizeof (guint), compare_radius, radii);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const DistrettoChartMark *mark = mark_at (self, order[i]);

      if (selected < 0 && g_strcmp0 (mark->code, options->selected) == 0)
        selected = order[i];
      else
        draw_point (self, cr, palette, options, layout, mark);
    }

  if (selected >= 0)
    draw_point (self, cr, palette, options, layout, mark_at (self, selected));
}

static gboolean
box_clear_of_points (DistrettoChart      *self,
                     const ScatterLayout *layout,
                     const Box           *box)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      const DistrettoChartMark *mark = mark_at (self, i);

      if (circle_meets_box (x_of (layout, mark->x), y_of (layout, mark->y),
                            radius_of (self, layout, mark->third) + 1, box))
        return FALSE;
    }

  return TRUE;
}

/* Finds a place for a point's label: next to it on the right, left,
 * above, below or diagonally, then further away (with a leader line);
 * clear of other points if it can be. FALSE if no place is free. */
static gboolean
place_label (DistrettoChart      *self,
             const ScatterLayout *layout,
             GArray              *taken,
             double               x,
             double               y,
             double               r,
             double               w,
             double               h,
             Box                 *box,
             gboolean            *leader)
{
  static const double directions[][2] = {
    { 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 },
    { G_SQRT2 / 2, -G_SQRT2 / 2 }, { -G_SQRT2 / 2, -G_SQRT2 / 2 },
    { G_SQRT2 / 2, G_SQRT2 / 2 }, { -G_SQRT2 / 2, G_SQRT2 / 2 },
  };

  for (int strict = 1; strict >= 0; strict--)
    for (int ring = 0; ring <= 2; ring++)
      for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
        {
          double dx = directions[i][0], dy = directions[i][1];
          double distance = r + LABEL_GAP + ring * LEADER;
          double ax = x + dx * distance, ay = y + dy * distance;
          Box candidate;

          candidate.width = w;
          candidate.height = h;
          candidate.x = dx > 0.1 ? ax : dx < -0.1 ? ax - w : ax - w / 2.0;
          candidate.y = dy > 0.1 ? ay : dy < -0.1 ? ay - h : ay - h / 2.0;

          if (!box_in_plot (layout, &candidate) || !box_is_free (taken, &candidate))
            continue;
          if (strict && !box_clear_of_points (self, layout, &candidate))
            continue;

          *box = candidate;
          *leader = ring > 0;
          return TRUE;
        }

  return FALSE;
}

static void
draw_label (DistrettoChart                    *self,
            cairo_t                           *cr,
            const DistrettoChartPalette       *palette,
            const DistrettoChartRenderOptions *options,
            const ScatterLayout               *layout,
            GArray                            *taken,
            guint                              index)
{
  const DistrettoChartMark *mark = mark_at (self, index);
  gboolean selected = g_strcmp0 (mark->code, options->selected) == 0;
  g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, mark->label, LABEL_SIZE, selected);
  double x = x_of (layout, mark->x), y = y_of (layout, mark->y);
  double r = radius_of (self, layout, mark->third);
  double w, h;
  gboolean leader = FALSE;
  Box box;

  pango_layout_set_width (label, LABEL_MAX_WIDTH * PANGO_SCALE);
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  w = _distretto_chart_layout_width (label);
  h = _distretto_chart_layout_height (label);

  if (!place_label (self, layout, taken, x, y, r, w, h, &box, &leader))
    {
      if (!selected)
        return;

      /* The selected point's label is shown wherever it can go. */
      box.width = w;
      box.height = h;
      box.x = CLAMP (x + r + LABEL_GAP, layout->left + 2, MAX (layout->left + 2, layout->right - 2 - w));
      box.y = CLAMP (y - h / 2.0, layout->top + 2, MAX (layout->top + 2, layout->bottom - 2 - h));
    }
  g_array_append_val (taken, box);

  if (leader)
    {
      double nx = CLAMP (x, box.x, box.x + box.width);
      double ny = CLAMP (y, box.y, box.y + box.height);
      double length = hypot (nx - x, ny - y);

      if (length > r + 4)
        {
          _distretto_chart_set_color (cr, &palette->muted);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, x + (nx - x) * (r + 1) / length, y + (ny - y) * (r + 1) / length);
          cairo_line_to (cr, x + (nx - x) * (length - 2) / length, y + (ny - y) * (length - 2) / length);
          cairo_stroke (cr);
        }
    }

  draw_label_text (cr, palette, &palette->foreground, label, box.x, box.y);
}

/* The labelled points' names, the selected one's first so it always
 * gets a place; the others only where they overlap no other label. */
static void
draw_labels (DistrettoChart                    *self,
             cairo_t                           *cr,
             const DistrettoChartPalette       *palette,
             const DistrettoChartRenderOptions *options,
             const ScatterLayout               *layout,
             GArray                            *taken)
{
  int selected = -1;

  for (guint i = 0; i < self->marks->len && options->selected != NULL; i++)
    if (g_str_equal (mark_at (self, i)->code, options->selected))
      {
        selected = i;
        draw_label (self, cr, palette, options, layout, taken, i);
        break;
      }

  for (guint i = 0; i < self->marks->len; i++)
    if ((int) i != selected && g_hash_table_contains (self->labelled, mark_at (self, i)->code))
      draw_label (self, cr, palette, options, layout, taken, i);
}

/* Draws a scatter's plot between the header and the footer. */
static void
render (DistrettoChart                    *self,
        cairo_t                           *cr,
        const DistrettoChartPalette       *palette,
        const DistrettoChartRenderOptions *options,
        double                             width,
        double                             height)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (Box));
  ScatterLayout layout;
  const char *problem = layout_scatter (self, cr, width, height, &layout);

  if (problem != NULL)
    {
      _distretto_chart_draw_message (cr, palette, problem, width, height);
      return;
    }

  cairo_save (cr);

  draw_axes (self, cr, palette, &layout, width);
  draw_references (self, cr, palette, &layout);
  draw_points (self, cr, palette, options, &layout);

  if (layout.legend)
    {
      double legend_height;

      if (layout.legend_inside)
        {
          Box box = { layout.legend_x - 4, layout.legend_y - 4, layout.legend_width + 8, layout.legend_height + 8 };

          _distretto_chart_set_color (cr, &palette->background);
          cairo_rectangle (cr, box.x, box.y, box.width, box.height);
          cairo_fill (cr);
          g_array_append_val (taken, box);
        }
      legend_extent (self, cr, palette, &layout, layout.legend_x, layout.legend_y, &legend_height);
    }

  draw_reference_labels (self, cr, palette, &layout, taken);
  draw_labels (self, cr, palette, options, &layout, taken);

  cairo_restore (cr);
}

/* The point nearest (x, y) within its radius plus HIT_SLACK. */
static gboolean
hit_test (DistrettoChart *self,
          gconstpointer   data,
          double          x,
          double          y,
          guint          *mark,
          int            *axis)
{
  const ScatterLayout *layout = data;
  double best = G_MAXDOUBLE;
  int found = -1;

  for (guint i = 0; i < self->marks->len; i++)
    {
      const DistrettoChartMark *point = mark_at (self, i);
      double reach = radius_of (self, layout, point->third) + HIT_SLACK;
      double dx = x - x_of (layout, point->x), dy = y - y_of (layout, point->y);
      double distance = dx * dx + dy * dy;

      if (distance <= reach * reach && distance < best)
        {
          best = distance;
          found = i;
        }
    }

  if (found < 0)
    return FALSE;

  *mark = found;
  return TRUE;
}

static char *
describe (DistrettoChart  *self,
          guint            index,
          int              axis,
          const char     **code)
{
  const DistrettoChartMark *mark = mark_at (self, index);
  g_autofree char *x_value = _distretto_chart_format_value (mark->x);
  g_autofree char *y_value = _distretto_chart_format_value (mark->y);
  g_autofree char *value = NULL;
  g_autofree char *title = _distretto_chart_region_title (mark->label, mark->code);

  *code = mark->code;
  if (isnan (mark->third) || self->third_title == NULL)
    /* TRANSLATORS: a scatter's tooltip: region (name and code), x title, x value, y title, y value */
    return g_strdup_printf (_("%s\n%s: %s\n%s: %s"), title,
                            self->x_title ? self->x_title : "x", x_value,
                            self->y_title ? self->y_title : "y", y_value);

  value = _distretto_chart_format_value (mark->third);
  /* TRANSLATORS: a scatter's tooltip: region (name and code), then three titles and values */
  return g_strdup_printf (_("%s\n%s: %s\n%s: %s\n%s: %s"), title,
                          self->x_title ? self->x_title : "x", x_value,
                          self->y_title ? self->y_title : "y", y_value,
                          self->third_title, value);
}

static double
natural_height (DistrettoChart *self)
{
  return DISTRETTO_CHART_SCATTER_HEIGHT;
}

const DistrettoChartKindClass _distretto_chart_scatter_class = {
  .natural_height = natural_height,
  .render = render,
  .layout_size = sizeof (ScatterLayout),
  .layout = layout_scatter,
  .hit_test = hit_test,
  .describe = describe,
  .dup_table = _distretto_chart_dup_scatter_table,
};

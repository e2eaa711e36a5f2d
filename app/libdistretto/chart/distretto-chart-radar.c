/* distretto-chart-radar.c: profiles of regions on several axes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-chart-private.h"

#define LABEL_GAP      8.0
#define LABEL_SIZE     11.0
#define TICK_SIZE      10.0
#define LEGEND_GAP     24.0
#define LEGEND_ROW     20.0
#define LEGEND_SWATCH  20.0
#define LEGEND_MIN     480.0
#define MIN_RADIUS     20.0
#define MAX_TICKS      50
#define POINT_RADIUS   3.0
#define HIT_DISTANCE   8.0
#define FILL_ALPHA     0.15

/* Where the parts of a radar go, for drawing and for hit-testing. */
typedef struct
{
  DistrettoChartAxis axis;
  int n_ticks;
  double top;
  double bottom;
  double area_left;
  double area_right;
  double area_bottom;
  double cx;
  double cy;
  double radius;
  int label_lines;
  gboolean legend_right;
  double legend_left;
  double legend_top;
  double legend_width;
} RadarLayout;

static const DistrettoChartLine *
line_at (DistrettoChart *self,
         guint           index)
{
  return &g_array_index (self->lines, DistrettoChartLine, index);
}

static double
value_at (const DistrettoChartLine *line,
          guint                     axis)
{
  if (axis >= line->points->len)
    return NAN;
  return g_array_index (line->points, DistrettoChartPoint, axis).value;
}

/* The direction of an axis: clockwise from 12 o'clock. */
static void
axis_direction (DistrettoChart *self,
                guint           axis,
                double         *dx,
                double         *dy)
{
  double angle = 2 * G_PI * axis / self->axes->len;

  *dx = sin (angle);
  *dy = -cos (angle);
}

/* The point of @value on @axis. */
static void
vertex_of (DistrettoChart    *self,
           const RadarLayout *layout,
           guint              axis,
           double             value,
           double            *x,
           double            *y)
{
  double r = (value - layout->axis.first) / (layout->axis.last - layout->axis.first) * layout->radius;
  double dx, dy;

  axis_direction (self, axis, &dx, &dy);
  *x = layout->cx + r * dx;
  *y = layout->cy + r * dy;
}

/* A profile's name in the legend, the reference's marked as such. */
static char *
legend_text (DistrettoChart *self,
             guint           index)
{
  if ((int) index == self->reference_line)
    /* TRANSLATORS: a radar's legend: the region (such as the EU) others are compared with */
    return g_strdup_printf (_("%s (reference)"), line_at (self, index)->label);
  return g_strdup (line_at (self, index)->label);
}

/* The extent of the values drawn; FALSE if there is none. */
static gboolean
measure_values (DistrettoChart *self,
                double         *lo,
                double         *hi)
{
  gboolean any = FALSE;

  *lo = 0.0;
  *hi = 0.0;
  for (guint i = 0; i < self->lines->len; i++)
    for (guint axis = 0; axis < self->axes->len; axis++)
      {
        double value = value_at (line_at (self, i), axis);

        if (isnan (value))
          continue;
        *lo = MIN (*lo, value);
        *hi = MAX (*hi, value);
        any = TRUE;
      }

  return any;
}

/* Lays the legend's entries out in rows of @width from (@left, @top),
 * drawing them if @palette is given; returns the height taken. */
static double
flow_legend (DistrettoChart                    *self,
             cairo_t                           *cr,
             const DistrettoChartPalette       *palette,
             const DistrettoChartRenderOptions *options,
             double                             left,
             double                             top,
             double                             width);

/* Returns a message to show instead when the radar cannot be laid out. */
static const char *
layout_radar (DistrettoChart *self,
              cairo_t        *cr,
              double          width,
              double          height,
              gpointer        data)
{
  RadarLayout *layout = data;
  double lo, hi, widest = 0.0, line_height, label_width, area_width, area_height;

  if (self->axes->len == 0 || self->lines->len == 0 || !measure_values (self, &lo, &hi))
    return _("No data");

  if (!isfinite (hi - lo))
    return _("Values too large to draw");

  layout->axis = _distretto_chart_nice_axis (lo, hi);
  if (!isfinite (layout->axis.first) || !isfinite (layout->axis.last) || !(layout->axis.step > 0.0) ||
      !isfinite (layout->axis.last - layout->axis.first) || !(layout->axis.last > layout->axis.first))
    return _("Values too large to draw");
  layout->n_ticks = (int) round ((layout->axis.last - layout->axis.first) / layout->axis.step);
  if (layout->n_ticks < 1 || layout->n_ticks > MAX_TICKS)
    return _("Values too large to draw");

  layout->top = _distretto_chart_header_bottom (self, cr);
  if (self->unit != NULL)
    layout->top += _distretto_chart_text_height (cr, self->unit, 12.0) + 6;
  layout->bottom = height - DISTRETTO_CHART_MARGIN - DISTRETTO_CHART_FOOTER_HEIGHT;

  /* The legend to the right, or below when the chart is narrow. */
  for (guint i = 0; i < self->lines->len; i++)
    {
      g_autofree char *text = legend_text (self, i);

      widest = MAX (widest, _distretto_chart_text_width (cr, text, 11.0, TRUE));
    }
  layout->legend_right = width >= LEGEND_MIN;
  layout->area_left = DISTRETTO_CHART_MARGIN;
  if (layout->legend_right)
    {
      layout->legend_width = MIN (widest + LEGEND_SWATCH + 6, 0.3 * width);
      layout->legend_left = width - DISTRETTO_CHART_MARGIN - layout->legend_width;
      layout->legend_top = layout->top;
      layout->area_right = layout->legend_left - LEGEND_GAP;
      layout->area_bottom = layout->bottom;
    }
  else
    {
      layout->legend_width = width - 2 * DISTRETTO_CHART_MARGIN;
      layout->legend_left = DISTRETTO_CHART_MARGIN;
      layout->area_right = width - DISTRETTO_CHART_MARGIN;
      layout->area_bottom = layout->bottom - flow_legend (self, cr, NULL, NULL, layout->legend_left, 0,
                                                          layout->legend_width) - LABEL_GAP;
      layout->legend_top = layout->area_bottom + LABEL_GAP;
    }

  /* Room for the axis labels around the circle: two lines each, one when
   * there are so many axes that the labels would collide. */
  widest = 0.0;
  for (guint axis = 0; axis < self->axes->len; axis++)
    widest = MAX (widest, _distretto_chart_text_width (cr, g_ptr_array_index (self->axes, axis), LABEL_SIZE, FALSE));
  area_width = layout->area_right - layout->area_left;
  area_height = layout->area_bottom - layout->top;
  layout->label_lines = self->axes->len > 12 ? 1 : 2;
  line_height = _distretto_chart_text_height (cr, "Ag", LABEL_SIZE);
  label_width = MIN (widest, MAX (80.0, 0.22 * area_width));

  layout->radius = MIN (area_width / 2.0 - label_width - LABEL_GAP,
                        area_height / 2.0 - layout->label_lines * line_height - LABEL_GAP);
  if (layout->radius < MIN_RADIUS)
    return _("Too small to draw");

  layout->cx = layout->area_left + area_width / 2.0;
  layout->cy = layout->top + area_height / 2.0;

  return NULL;
}

/* The number of edges: a closed polygon from three axes, one edge for
 * two, none for one. */
static guint
n_edges (DistrettoChart *self)
{
  if (self->axes->len >= 3)
    return self->axes->len;
  return self->axes->len > 0 ? self->axes->len - 1 : 0;
}

static void
draw_profile (DistrettoChart                    *self,
              cairo_t                           *cr,
              const DistrettoChartPalette       *palette,
              const DistrettoChartRenderOptions *options,
              const RadarLayout                 *layout,
              guint                              index)
{
  const DistrettoChartLine *line = line_at (self, index);
  const DistrettoChartColor *color = _distretto_chart_line_color (self, palette, index);
  gboolean selected = _distretto_chart_is_emphasised (options, line->code);
  gboolean reference = (int) index == self->reference_line;
  guint n = self->axes->len;

  /* The fill: the wedges between consecutive present values, so that a
   * missing value leaves its wedges out. */
  if (!reference)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < n_edges (self); i++)
        {
          double a = value_at (line, i), b = value_at (line, (i + 1) % n);
          double ax, ay, bx, by;

          if (isnan (a) || isnan (b))
            continue;
          vertex_of (self, layout, i, a, &ax, &ay);
          vertex_of (self, layout, (i + 1) % n, b, &bx, &by);
          cairo_move_to (cr, layout->cx, layout->cy);
          cairo_line_to (cr, ax, ay);
          cairo_line_to (cr, bx, by);
          cairo_close_path (cr);
        }
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, FILL_ALPHA);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      cairo_fill (cr);
    }

  /* The edges between consecutive present values. */
  _distretto_chart_set_color (cr, color);
  _distretto_chart_set_line_style (self, cr, index, selected);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, reference ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < n_edges (self); i++)
    {
      double a = value_at (line, i), b = value_at (line, (i + 1) % n);
      double ax, ay, bx, by;

      if (isnan (a) || isnan (b))
        continue;
      vertex_of (self, layout, i, a, &ax, &ay);
      vertex_of (self, layout, (i + 1) % n, b, &bx, &by);
      if (!cairo_has_current_point (cr))
        cairo_move_to (cr, ax, ay);
      else
        {
          double cx, cy;

          cairo_get_current_point (cr, &cx, &cy);
          if (cx != ax || cy != ay)
            cairo_move_to (cr, ax, ay);
        }
      cairo_line_to (cr, bx, by);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* A dot at each present value. */
  for (guint i = 0; i < n; i++)
    {
      double value = value_at (line, i);
      double x, y;

      if (isnan (value))
        continue;
      vertex_of (self, layout, i, value, &x, &y);
      cairo_arc (cr, x, y, selected ? POINT_RADIUS + 1.0 : POINT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* Rings at the ticks, spokes, and the ticks' values along the top axis. */
static void
draw_grid (DistrettoChart              *self,
           cairo_t                     *cr,
           const DistrettoChartPalette *palette,
           const RadarLayout           *layout)
{
  const DistrettoChartAxis *axis = &layout->axis;

  cairo_set_line_width (cr, 1.0);
  _distretto_chart_set_color (cr, &palette->grid);
  for (int t = 1; t <= layout->n_ticks; t++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, layout->cx, layout->cy, layout->radius * t / layout->n_ticks, 0, 2 * G_PI);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->axes->len; i++)
    {
      double dx, dy;

      axis_direction (self, i, &dx, &dy);
      cairo_move_to (cr, layout->cx, layout->cy);
      cairo_line_to (cr, layout->cx + layout->radius * dx, layout->cy + layout->radius * dy);
    }
  cairo_stroke (cr);

  _distretto_chart_set_color (cr, &palette->muted);
  for (int t = 0; t <= layout->n_ticks; t++)
    {
      g_autofree char *text = _distretto_chart_format_number (axis->first + t * axis->step, axis->decimals);
      g_autoptr(PangoLayout) tick = _distretto_chart_create_layout (cr, text, TICK_SIZE, FALSE);
      double y = layout->cy - layout->radius * t / layout->n_ticks;

      /* Zero at the centre says nothing; a negative minimum does. */
      if (t == 0 && axis->first == 0.0)
        continue;
      /* Inside the ring, clear of the top axis' label. */
      _distretto_chart_show_layout (cr, tick, layout->cx + 3, y + 1);
    }
}

/* Each axis' label outside the circle: left-aligned on the right, right-
 * aligned on the left, centred at the top and the bottom; wrapped to the
 * room there is, then ellipsized. */
static void
draw_axis_labels (DistrettoChart              *self,
                  cairo_t                     *cr,
                  const DistrettoChartPalette *palette,
                  const RadarLayout           *layout)
{
  _distretto_chart_set_color (cr, &palette->foreground);

  for (guint i = 0; i < self->axes->len; i++)
    {
      g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, g_ptr_array_index (self->axes, i),
                                                                     LABEL_SIZE, FALSE);
      double dx, dy, ax, ay, room, x, y, w, h;

      axis_direction (self, i, &dx, &dy);
      ax = layout->cx + (layout->radius + LABEL_GAP) * dx;
      ay = layout->cy + (layout->radius + LABEL_GAP) * dy;

      if (fabs (dx) < 0.15)
        {
          room = 2 * MIN (ax - layout->area_left, layout->area_right - ax);
          /* Clear of the labels of the axes either side. */
          if (self->axes->len > 4)
            room = MIN (room, 2 * (layout->radius + LABEL_GAP) * sin (2 * G_PI / self->axes->len) - LABEL_GAP);
          pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
        }
      else if (dx > 0)
        room = layout->area_right - ax;
      else
        {
          room = ax - layout->area_left;
          pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
        }

      pango_layout_set_width (label, MAX (room, 1.0) * PANGO_SCALE);
      pango_layout_set_wrap (label, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (label, -layout->label_lines);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);

      /* The layout is as wide as the room; its lines align within it. */
      w = MAX (room, 1.0);
      h = _distretto_chart_layout_height (label);
      if (fabs (dx) < 0.15)
        x = ax - w / 2.0;
      else if (dx > 0)
        x = ax;
      else
        x = ax - w;
      y = ay - h / 2.0 + dy * h / 2.0;
      y = CLAMP (y, layout->top, MAX (layout->top, layout->area_bottom - h));

      _distretto_chart_show_layout (cr, label, x, y);
    }
}

static void
draw_legend_entry (DistrettoChart                    *self,
                   cairo_t                           *cr,
                   const DistrettoChartPalette       *palette,
                   const DistrettoChartRenderOptions *options,
                   guint                              index,
                   double                             x,
                   double                             y,
                   double                             label_width)
{
  gboolean selected = g_strcmp0 (line_at (self, index)->code, options->selected) == 0;
  g_autofree char *text = legend_text (self, index);
  g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, text, 11.0, selected);

  _distretto_chart_set_color (cr, _distretto_chart_line_color (self, palette, index));
  _distretto_chart_set_line_style (self, cr, index, selected);
  cairo_move_to (cr, x, round (y) + 0.5);
  cairo_line_to (cr, x + LEGEND_SWATCH, round (y) + 0.5);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  pango_layout_set_width (label, MAX (label_width, 1.0) * PANGO_SCALE);
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  _distretto_chart_set_color (cr, &palette->foreground);
  _distretto_chart_show_layout (cr, label, x + LEGEND_SWATCH + 6, y - _distretto_chart_layout_height (label) / 2.0);
}

static double
flow_legend (DistrettoChart                    *self,
             cairo_t                           *cr,
             const DistrettoChartPalette       *palette,
             const DistrettoChartRenderOptions *options,
             double                             left,
             double                             top,
             double                             width)
{
  double x = left, y = top + LEGEND_ROW / 2.0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      g_autofree char *text = legend_text (self, i);
      double label_width = MIN (_distretto_chart_text_width (cr, text, 11.0, TRUE), width - LEGEND_SWATCH - 6);
      double entry = LEGEND_SWATCH + 6 + label_width;

      if (x > left && x + entry > left + width)
        {
          x = left;
          y += LEGEND_ROW;
        }
      if (palette != NULL)
        draw_legend_entry (self, cr, palette, options, i, x, y, label_width);
      x += entry + LEGEND_GAP;
    }

  return y + LEGEND_ROW / 2.0 - top;
}

/* The regions' names in a column right of the radar. */
static void
draw_legend_column (DistrettoChart                    *self,
                    cairo_t                           *cr,
                    const DistrettoChartPalette       *palette,
                    const DistrettoChartRenderOptions *options,
                    const RadarLayout                 *layout)
{
  double y = layout->legend_top + LEGEND_ROW / 2.0;

  for (guint i = 0; i < self->lines->len && y < layout->bottom; i++, y += LEGEND_ROW)
    draw_legend_entry (self, cr, palette, options, i, layout->legend_left, y,
                       layout->legend_width - LEGEND_SWATCH - 6);
}

static void
render (DistrettoChart                    *self,
        cairo_t                           *cr,
        const DistrettoChartPalette       *palette,
        const DistrettoChartRenderOptions *options,
        double                             width,
        double                             height)
{
  RadarLayout layout;
  const char *problem = layout_radar (self, cr, width, height, &layout);
  int selected = -1;

  if (problem != NULL)
    {
      _distretto_chart_draw_message (cr, palette, problem, width, height);
      return;
    }

  if (self->unit != NULL)
    {
      g_autoptr(PangoLayout) unit = _distretto_chart_create_layout (cr, self->unit, 12.0, FALSE);

      pango_layout_set_width (unit, (width - 2 * DISTRETTO_CHART_MARGIN) * PANGO_SCALE);
      pango_layout_set_ellipsize (unit, PANGO_ELLIPSIZE_END);
      _distretto_chart_set_color (cr, &palette->foreground);
      _distretto_chart_show_layout (cr, unit, DISTRETTO_CHART_MARGIN,
                                    layout.top - 6 - _distretto_chart_layout_height (unit));
    }

  draw_grid (self, cr, palette, &layout);
  draw_axis_labels (self, cr, palette, &layout);

  /* The reference under the regions, the selected region on top. */
  if (self->reference_line >= 0 && (guint) self->reference_line < self->lines->len)
    draw_profile (self, cr, palette, options, &layout, self->reference_line);
  for (guint i = 0; i < self->lines->len; i++)
    {
      if ((int) i == self->reference_line)
        continue;
      if (selected < 0 && g_strcmp0 (line_at (self, i)->code, options->selected) == 0)
        selected = i;
      else
        draw_profile (self, cr, palette, options, &layout, i);
    }
  if (selected >= 0)
    draw_profile (self, cr, palette, options, &layout, selected);

  if (layout.legend_right)
    draw_legend_column (self, cr, palette, options, &layout);
  else
    flow_legend (self, cr, palette, options, layout.legend_left, layout.legend_top, layout.legend_width);
}

/* The distance from (@x, @y) to the segment from (@ax, @ay) to (@bx, @by). */
static double
segment_distance (double x,
                  double y,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double length = dx * dx + dy * dy;
  double t = length > 0 ? ((x - ax) * dx + (y - ay) * dy) / length : 0.0;

  t = CLAMP (t, 0.0, 1.0);
  return hypot (x - (ax + t * dx), y - (ay + t * dy));
}

/* A vertex within HIT_DISTANCE, the nearest, and its axis; else an edge. */
static gboolean
hit_test (DistrettoChart *self,
          gconstpointer   data,
          double          x,
          double          y,
          guint          *line,
          int            *axis)
{
  const RadarLayout *layout = data;
  double best = HIT_DISTANCE;
  int found = -1, found_axis = -1;

  /* A vertex first, the nearest within reach. */
  for (guint i = 0; i < self->lines->len; i++)
    for (guint j = 0; j < self->axes->len; j++)
      {
        double value = value_at (line_at (self, i), j);
        double vx, vy, distance;

        if (isnan (value))
          continue;
        vertex_of (self, layout, j, value, &vx, &vy);
        distance = hypot (x - vx, y - vy);
        if (distance <= best)
          {
            best = distance;
            found = i;
            found_axis = j;
          }
      }

  /* Then an edge. */
  if (found < 0)
    for (guint i = 0; i < self->lines->len; i++)
      for (guint j = 0; j < n_edges (self); j++)
        {
          const DistrettoChartLine *profile = line_at (self, i);
          double a = value_at (profile, j), b = value_at (profile, (j + 1) % self->axes->len);
          double ax, ay, bx, by, distance;

          if (isnan (a) || isnan (b))
            continue;
          vertex_of (self, layout, j, a, &ax, &ay);
          vertex_of (self, layout, (j + 1) % self->axes->len, b, &bx, &by);
          distance = segment_distance (x, y, ax, ay, bx, by);
          if (distance <= best)
            {
              best = distance;
              found = i;
            }
        }

  if (found < 0)
    return FALSE;

  *line = found;
  *axis = found_axis;
  return TRUE;
}

static double
natural_height (DistrettoChart *self)
{
  return DISTRETTO_CHART_RADAR_HEIGHT;
}

const DistrettoChartKindClass _distretto_chart_radar_class = {
  .natural_height = natural_height,
  .render = render,
  .layout_size = sizeof (RadarLayout),
  .layout = layout_radar,
  .hit_test = hit_test,
  .describe = _distretto_chart_describe_profile,
  .dup_table = _distretto_chart_dup_profile_table,
};

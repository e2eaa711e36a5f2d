/* distretto-chart-trend.c: the trend renderer, lines of regions over years
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-chart-private.h"

#define LABEL_GAP      8.0
#define LEGEND_GAP     16.0
#define LEGEND_ROW     20.0
#define LEGEND_SWATCH  20.0
#define POINT_RADIUS   3.0
#define BREAK_HALF     8.0
#define HIT_DISTANCE   8.0
#define YEAR_INSET     16.0

/* Where the parts of a trend go, for drawing and for hit-testing. */
typedef struct
{
  DistrettoChartAxis axis;
  int first_year;
  int last_year;
  int year_step;
  double year_lo;
  double top;
  double plot_left;
  double plot_right;
  double plot_bottom;
  double legend_left;
  double legend_width;
  double x_scale;
  double y_scale;
} TrendLayout;

static const DistrettoChartPoint *
point_at (const DistrettoChartLine *line,
          guint                     index)
{
  return &g_array_index (line->points, DistrettoChartPoint, index);
}

static const DistrettoChartLine *
line_at (DistrettoChart *self,
         guint           index)
{
  return &g_array_index (self->lines, DistrettoChartLine, index);
}

static double
x_of (const TrendLayout *layout,
      int                year)
{
  return layout->plot_left + YEAR_INSET + (year - layout->year_lo) * layout->x_scale;
}

static double
y_of (const TrendLayout *layout,
      double             value)
{
  return layout->plot_bottom - (value - layout->axis.first) * layout->y_scale;
}

/* The extent of the points that are drawn; FALSE if there is none. */
static gboolean
measure_points (DistrettoChart *self,
                double         *lo,
                double         *hi,
                int            *first_year,
                int            *last_year)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->lines->len; i++)
    {
      const DistrettoChartLine *line = line_at (self, i);

      for (guint j = 0; j < line->points->len; j++)
        {
          const DistrettoChartPoint *point = point_at (line, j);

          if (isnan (point->value))
            continue;

          *lo = any ? MIN (*lo, point->value) : point->value;
          *hi = any ? MAX (*hi, point->value) : point->value;
          *first_year = any ? MIN (*first_year, point->year) : point->year;
          *last_year = any ? MAX (*last_year, point->year) : point->year;
          any = TRUE;
        }
    }

  return any;
}

static double
widest_tick (cairo_t                  *cr,
             const DistrettoChartAxis *axis)
{
  double widest = 0.0;

  for (int t = 0; axis->first + t * axis->step <= axis->last + axis->step * 1e-6; t++)
    {
      g_autofree char *text = _distretto_chart_format_number (axis->first + t * axis->step, axis->decimals);

      widest = MAX (widest, _distretto_chart_text_width (cr, text, 11.0, FALSE));
    }

  return widest;
}

static double
widest_legend_label (DistrettoChart *self,
                     cairo_t        *cr)
{
  double widest = 0.0;

  for (guint i = 0; i < self->lines->len; i++)
    widest = MAX (widest, _distretto_chart_text_width (cr, line_at (self, i)->label, 11.0, TRUE));

  return widest;
}

/* Years 1, 2, 5, 10, … apart, as many as fit without overlapping. */
static int
year_step (cairo_t *cr,
           int      span,
           double   plot_width)
{
  static const int steps[] = { 1, 2, 5, 10, 20, 50, 100 };
  double label = _distretto_chart_text_width (cr, "8888", 11.0, FALSE) + 16.0;
  int fit = MAX (1, (int) (plot_width / label));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (span / steps[i] + 1 <= fit)
      return steps[i];

  return 1000;
}

/* Returns a message to show instead when the lines cannot be laid out. */
static const char *
layout_trend (DistrettoChart *self,
              cairo_t        *cr,
              double          width,
              double          height,
              gpointer        data)
{
  TrendLayout *layout = data;
  double lo = 0.0, hi = 0.0, footer;
  int span;

  if (!measure_points (self, &lo, &hi, &layout->first_year, &layout->last_year))
    return _("No data");

  if (!isfinite (hi - lo))
    return _("Values too large to draw");

  layout->axis = _distretto_chart_nice_axis (lo, hi);
  layout->top = _distretto_chart_header_bottom (self, cr);
  if (self->unit != NULL)
    layout->top += _distretto_chart_text_height (cr, self->unit, 12.0) + 6;

  layout->legend_width = MIN (widest_legend_label (self, cr) + LEGEND_SWATCH + 6, 0.3 * width);
  layout->legend_left = width - DISTRETTO_CHART_MARGIN - layout->legend_width;
  layout->plot_left = DISTRETTO_CHART_MARGIN + widest_tick (cr, &layout->axis) + LABEL_GAP;
  layout->plot_right = layout->legend_left - LEGEND_GAP;

  footer = _distretto_chart_text_height (cr, "2000", 11.0) + 6;
  if (self->source != NULL)
    footer += _distretto_chart_text_height (cr, self->source, 11.0) + 8;
  layout->plot_bottom = height - DISTRETTO_CHART_MARGIN - footer;

  if (layout->plot_right - layout->plot_left < 40 + 2 * YEAR_INSET || layout->plot_bottom - layout->top < 40)
    return _("Too small to draw");

  /* A single year sits in the middle. */
  span = layout->last_year - layout->first_year;
  layout->year_lo = span > 0 ? layout->first_year : layout->first_year - 1;
  layout->x_scale = (layout->plot_right - layout->plot_left - 2 * YEAR_INSET) / (span > 0 ? span : 2);
  layout->y_scale = (layout->plot_bottom - layout->top) / (layout->axis.last - layout->axis.first);
  layout->year_step = year_step (cr, span, layout->plot_right - layout->plot_left);

  return NULL;
}

static void
draw_axes (DistrettoChart              *self,
           cairo_t                     *cr,
           const DistrettoChartPalette *palette,
           const TrendLayout           *layout)
{
  const DistrettoChartAxis *axis = &layout->axis;

  cairo_set_line_width (cr, 1.0);

  for (int t = 0; axis->first + t * axis->step <= axis->last + axis->step * 1e-6; t++)
    {
      double v = axis->first + t * axis->step;
      double y = round (y_of (layout, v)) + 0.5;
      g_autofree char *text = _distretto_chart_format_number (v, axis->decimals);
      g_autoptr(PangoLayout) tick = _distretto_chart_create_layout (cr, text, 11.0, FALSE);

      _distretto_chart_set_color (cr, &palette->grid);
      cairo_move_to (cr, layout->plot_left, y);
      cairo_line_to (cr, layout->plot_right, y);
      cairo_stroke (cr);

      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, tick,
                                    layout->plot_left - LABEL_GAP - _distretto_chart_layout_width (tick),
                                    y - _distretto_chart_layout_height (tick) / 2.0);
    }

  for (int year = layout->first_year; year <= layout->last_year; year++)
    {
      double x = round (x_of (layout, year)) + 0.5;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) tick = NULL;

      if (year % layout->year_step != 0)
        continue;

      text = g_strdup_printf ("%d", year);
      tick = _distretto_chart_create_layout (cr, text, 11.0, FALSE);
      _distretto_chart_set_color (cr, &palette->foreground);
      cairo_move_to (cr, x, layout->plot_bottom);
      cairo_line_to (cr, x, layout->plot_bottom + 4);
      cairo_stroke (cr);
      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, tick, x - _distretto_chart_layout_width (tick) / 2.0,
                                    layout->plot_bottom + 5);
    }

  _distretto_chart_set_color (cr, &palette->foreground);
  cairo_move_to (cr, layout->plot_left, round (layout->plot_bottom) + 0.5);
  cairo_line_to (cr, layout->plot_right, round (layout->plot_bottom) + 0.5);
  cairo_stroke (cr);

  if (self->unit != NULL)
    {
      g_autoptr(PangoLayout) unit = _distretto_chart_create_layout (cr, self->unit, 12.0, FALSE);

      _distretto_chart_set_color (cr, &palette->foreground);
      _distretto_chart_show_layout (cr, unit, DISTRETTO_CHART_MARGIN,
                                    layout->top - 6 - _distretto_chart_layout_height (unit));
    }
}

/* A hollow circle for an estimate, a vertical tick for a break. */
static void
draw_marker (cairo_t                     *cr,
             const DistrettoChartPalette *palette,
             DistrettoFlags               flags,
             double                       x,
             double                       y)
{
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);

  if (flags & DISTRETTO_FLAGS_BREAK)
    {
      cairo_set_line_width (cr, 2.0);
      cairo_move_to (cr, x, y - BREAK_HALF);
      cairo_line_to (cr, x, y + BREAK_HALF);
      cairo_stroke (cr);
    }

  cairo_arc (cr, x, y, POINT_RADIUS + 0.5, 0, 2 * G_PI);
  if (flags & DISTRETTO_FLAGS_ESTIMATED)
    {
      cairo_save (cr);
      _distretto_chart_set_color (cr, &palette->background);
      cairo_fill_preserve (cr);
      cairo_restore (cr);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

static void
draw_line (DistrettoChart                    *self,
           cairo_t                           *cr,
           const DistrettoChartPalette       *palette,
           const DistrettoChartRenderOptions *options,
           const TrendLayout                 *layout,
           guint                              index)
{
  const DistrettoChartLine *line = line_at (self, index);
  gboolean selected = _distretto_chart_is_emphasised (options, line->code);
  gboolean pen_down = FALSE;

  _distretto_chart_set_color (cr, _distretto_chart_line_color (self, palette, index));
  _distretto_chart_set_line_style (self, cr, index, selected);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* A missing year lifts the pen: a gap. */
  for (guint j = 0; j < line->points->len; j++)
    {
      const DistrettoChartPoint *point = point_at (line, j);

      if (isnan (point->value))
        pen_down = FALSE;
      else if (pen_down)
        cairo_line_to (cr, x_of (layout, point->year), y_of (layout, point->value));
      else
        {
          cairo_move_to (cr, x_of (layout, point->year), y_of (layout, point->value));
          pen_down = TRUE;
        }
    }
  cairo_stroke (cr);

  for (guint j = 0; j < line->points->len; j++)
    {
      const DistrettoChartPoint *point = point_at (line, j);

      if (!isnan (point->value))
        draw_marker (cr, palette, point->flags,
                     x_of (layout, point->year), y_of (layout, point->value));
    }
}

static DistrettoFlags
flags_shown (DistrettoChart *self)
{
  DistrettoFlags flags = DISTRETTO_FLAGS_NONE;

  for (guint i = 0; i < self->lines->len; i++)
    {
      const DistrettoChartLine *line = line_at (self, i);

      for (guint j = 0; j < line->points->len; j++)
        if (!isnan (point_at (line, j)->value))
          flags |= point_at (line, j)->flags;
    }

  return flags & (DISTRETTO_FLAGS_BREAK | DISTRETTO_FLAGS_ESTIMATED);
}

static void
draw_legend_label (cairo_t                     *cr,
                   const DistrettoChartPalette *palette,
                   const TrendLayout           *layout,
                   const char                  *text,
                   gboolean                     bold,
                   double                       y)
{
  g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, text, 11.0, bold);

  pango_layout_set_width (label, (layout->legend_width - LEGEND_SWATCH - 6) * PANGO_SCALE);
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  _distretto_chart_set_color (cr, &palette->foreground);
  _distretto_chart_show_layout (cr, label, layout->legend_left + LEGEND_SWATCH + 6,
                                y - _distretto_chart_layout_height (label) / 2.0);
}

/* The regions' names in a column right of the plot, then the markers. */
static void
draw_legend (DistrettoChart                    *self,
             cairo_t                           *cr,
             const DistrettoChartPalette       *palette,
             const DistrettoChartRenderOptions *options,
             const TrendLayout                 *layout)
{
  DistrettoFlags flags = flags_shown (self);
  double y = layout->top + LEGEND_ROW / 2.0;
  double x = layout->legend_left;

  for (guint i = 0; i < self->lines->len && y < layout->plot_bottom; i++, y += LEGEND_ROW)
    {
      const DistrettoChartLine *line = line_at (self, i);
      gboolean selected = g_strcmp0 (line->code, options->selected) == 0;

      _distretto_chart_set_color (cr, _distretto_chart_line_color (self, palette, i));
      _distretto_chart_set_line_style (self, cr, i, selected);
      cairo_move_to (cr, x, round (y) + 0.5);
      cairo_line_to (cr, x + LEGEND_SWATCH, round (y) + 0.5);
      cairo_stroke (cr);
      draw_legend_label (cr, palette, layout, line->label, selected, y);
    }

  y += LEGEND_ROW / 2.0;
  if ((flags & DISTRETTO_FLAGS_ESTIMATED) && y < layout->plot_bottom)
    {
      _distretto_chart_set_color (cr, &palette->muted);
      draw_marker (cr, palette, DISTRETTO_FLAGS_ESTIMATED, x + LEGEND_SWATCH / 2.0, y);
      draw_legend_label (cr, palette, layout, _("Estimated"), FALSE, y);
      y += LEGEND_ROW;
    }
  if ((flags & DISTRETTO_FLAGS_BREAK) && y < layout->plot_bottom)
    {
      _distretto_chart_set_color (cr, &palette->muted);
      draw_marker (cr, palette, DISTRETTO_FLAGS_BREAK, x + LEGEND_SWATCH / 2.0, y);
      draw_legend_label (cr, palette, layout, _("Break in series"), FALSE, y);
    }
}

static void
render (DistrettoChart                    *self,
        cairo_t                           *cr,
        const DistrettoChartPalette       *palette,
        const DistrettoChartRenderOptions *options,
        double                             width,
        double                             height)
{
  TrendLayout layout;
  const char *problem = layout_trend (self, cr, width, height, &layout);
  int selected = -1;

  if (problem != NULL)
    {
      _distretto_chart_draw_message (cr, palette, problem, width, height);
      return;
    }

  draw_axes (self, cr, palette, &layout);

  /* The reference under the regions, the selected region on top. */
  if (self->reference_line >= 0)
    draw_line (self, cr, palette, options, &layout, self->reference_line);
  for (guint i = 0; i < self->lines->len; i++)
    {
      if ((int) i == self->reference_line)
        continue;
      if (g_strcmp0 (line_at (self, i)->code, options->selected) == 0)
        selected = i;
      else
        draw_line (self, cr, palette, options, &layout, i);
    }
  if (selected >= 0)
    draw_line (self, cr, palette, options, &layout, selected);

  draw_legend (self, cr, palette, options, &layout);
}

/* The line with the point nearest (x, y), within HIT_DISTANCE. */
static gboolean
hit_test (DistrettoChart *self,
          gconstpointer   data,
          double          x,
          double          y,
          guint          *index,
          int            *axis)
{
  const TrendLayout *layout = data;
  double best = HIT_DISTANCE * HIT_DISTANCE;
  int found = -1;

  for (guint i = 0; i < self->lines->len; i++)
    {
      const DistrettoChartLine *line = line_at (self, i);

      for (guint j = 0; j < line->points->len; j++)
        {
          const DistrettoChartPoint *point = point_at (line, j);
          double dx, dy;

          if (isnan (point->value))
            continue;

          dx = x - x_of (layout, point->year);
          dy = y - y_of (layout, point->value);
          if (dx * dx + dy * dy <= best)
            {
              best = dx * dx + dy * dy;
              found = i;
            }
        }
    }

  if (found < 0)
    return FALSE;

  *index = found;
  return TRUE;
}

static char *
describe (DistrettoChart  *self,
          guint            index,
          int              axis,
          const char     **code)
{
  const DistrettoChartLine *line = line_at (self, index);

  *code = line->code;
  return _distretto_chart_region_title (line->label, line->code);
}

/* One row per point drawn: missing years are left out. */
static char *
dup_trend_table (DistrettoChart *self)
{
  g_autoptr(GString) out = g_string_new ("region,name,year,value,flags\n");

  for (guint i = 0; i < self->lines->len; i++)
    {
      const DistrettoChartLine *line = &g_array_index (self->lines, DistrettoChartLine, i);

      for (guint j = 0; j < line->points->len; j++)
        {
          const DistrettoChartPoint *point = &g_array_index (line->points, DistrettoChartPoint, j);
          g_autofree char *flags = NULL;
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          if (isnan (point->value))
            continue;

          flags = distretto_flags_to_string (point->flags);
          _distretto_chart_append_csv_field (out, line->code);
          g_string_append_c (out, ',');
          _distretto_chart_append_csv_field (out, line->label);
          g_string_append_printf (out, ",%d,%s,", point->year,
                                  g_ascii_dtostr (number, sizeof number, point->value));
          _distretto_chart_append_csv_field (out, flags);
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static double
natural_height (DistrettoChart *self)
{
  return DISTRETTO_CHART_TREND_HEIGHT;
}

const DistrettoChartKindClass _distretto_chart_trend_class = {
  .natural_height = natural_height,
  .render = render,
  .layout_size = sizeof (TrendLayout),
  .layout = layout_trend,
  .hit_test = hit_test,
  .describe = describe,
  .dup_table = dup_trend_table,
};

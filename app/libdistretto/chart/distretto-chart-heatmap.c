/* distretto-chart-heatmap.c: regions by sub-indicators
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "distretto-chart-private.h"

#define LABEL_GAP       8.0
#define LEGEND_GAP      16.0
#define LEGEND_BAR      12.0
#define LEGEND_BAR_MAX  160.0
#define LEGEND_BAR_MIN  20.0
#define LEGEND_TEXT_MAX 90.0
#define LEGEND_UNIT_MAX 120.0
#define LEGEND_KEY      24.0
#define SORT_MARK       12.0
#define MAX_ROW         28.0
#define MAX_COLUMN      120.0
#define MIN_TEXT_ROW    9.0
#define MIN_VALUE_ROW   13.0
#define MIN_HEADER      8.0
#define HATCH_STEP      5.0
#define VALUE_SIZE      10.0

/* Where the parts of a heatmap go, for drawing and for hit-testing. */
typedef struct
{
  double lo;            /* the finite values' extent */
  double hi;
  double reference;     /* the diverging scale's middle, or NaN */
  double spread;        /* half the diverging scale's width, halved */
  int decimals;
  gboolean any_missing;
  double top;
  double bottom;
  double label_width;
  double grid_left;
  double grid_top;
  double column;
  double row;
  guint n_rows;
  guint n_columns;
  gboolean show_labels;
  gboolean show_headers;
  double legend_left;
  double legend_width;
  double legend_text;
  guint *order;         /* the profiles' indices, top row first */
} HeatmapLayout;

static void
clear_layout (gpointer data)
{
  HeatmapLayout *layout = data;

  g_clear_pointer (&layout->order, g_free);
}

static double
value_at (DistrettoChart *self,
          guint           line,
          guint           axis)
{
  GArray *points = g_array_index (self->lines, DistrettoChartLine, line).points;

  if (axis >= points->len)
    return NAN;
  return g_array_index (points, DistrettoChartPoint, axis).value;
}

/* Where @value is on the colour scale, from 0 to 1. Values are halved
 * first so that the extremes of a double do not overflow. */
static double
position_of (const HeatmapLayout *layout,
             double               value)
{
  if (!isnan (layout->reference))
    {
      if (layout->spread <= 0.0)
        return 0.5;
      return 0.5 + (value / 2 - layout->reference / 2) / (2 * layout->spread);
    }

  if (layout->hi / 2 - layout->lo / 2 <= 0.0)
    return 0.5;
  return (value / 2 - layout->lo / 2) / (layout->hi / 2 - layout->lo / 2);
}

/* The values at the ends of the colour scale. */
static void
scale_ends (const HeatmapLayout *layout,
            double              *bottom,
            double              *top)
{
  *bottom = layout->lo;
  *top = layout->hi;
  if (!isnan (layout->reference) && isfinite (layout->reference - 2 * layout->spread) &&
      isfinite (layout->reference + 2 * layout->spread))
    {
      *bottom = layout->reference - 2 * layout->spread;
      *top = layout->reference + 2 * layout->spread;
    }
}

/* The extent of the finite values; FALSE if there is none. */
static gboolean
measure_values (DistrettoChart *self,
                HeatmapLayout  *layout)
{
  gboolean any = FALSE;

  layout->any_missing = FALSE;
  for (guint i = 0; i < self->lines->len; i++)
    for (guint axis = 0; axis < self->axes->len; axis++)
      {
        double value = value_at (self, i, axis);

        if (isnan (value))
          {
            layout->any_missing = TRUE;
            continue;
          }
        layout->lo = any ? MIN (layout->lo, value) : value;
        layout->hi = any ? MAX (layout->hi, value) : value;
        any = TRUE;
      }

  return any;
}

/* Returns a message to show instead when the heatmap cannot be laid out. */
static const char *
layout_heatmap (DistrettoChart *self,
                cairo_t        *cr,
                double          width,
                double          height,
                gpointer        data)
{
  HeatmapLayout *layout = data;
  double widest = 0.0, bottom_value, top_value, grid_right;

  if (self->axes->len == 0 || self->lines->len == 0 || !measure_values (self, layout))
    return _("No data");

  /* The diverging scale is centred on the reference, symmetric. */
  layout->reference = NAN;
  layout->spread = 0.0;
  if (self->scheme == DISTRETTO_COLOR_SCHEME_DIVERGING && isfinite (self->reference))
    {
      layout->reference = self->reference;
      layout->spread = MAX (fabs (layout->hi / 2 - self->reference / 2),
                            fabs (layout->lo / 2 - self->reference / 2));
    }

  if (isfinite (layout->hi - layout->lo) && layout->hi > layout->lo)
    layout->decimals = MIN (_distretto_chart_nice_axis (layout->lo, layout->hi).decimals + 1, 6);
  else
    layout->decimals = 2;

  layout->n_rows = self->lines->len;
  layout->n_columns = self->axes->len;
  layout->top = _distretto_chart_header_bottom (self, cr);
  layout->bottom = height - DISTRETTO_CHART_MARGIN - DISTRETTO_CHART_FOOTER_HEIGHT;
  layout->grid_top = layout->top + DISTRETTO_CHART_HEATMAP_HEADER;
  layout->row = MIN (MAX_ROW, (layout->bottom - layout->grid_top) / layout->n_rows);
  if (layout->row < 1.0)
    return _("Too small to draw");
  layout->show_labels = layout->row >= MIN_TEXT_ROW;

  /* The colour scale's legend on the right: the bar, its ends' values. */
  scale_ends (layout, &bottom_value, &top_value);
  {
    g_autofree char *low = _distretto_chart_format_number (bottom_value, layout->decimals);
    g_autofree char *high = _distretto_chart_format_number (top_value, layout->decimals);

    layout->legend_text = MIN (LEGEND_TEXT_MAX, MAX (_distretto_chart_text_width (cr, low, 11.0, FALSE),
                                                     _distretto_chart_text_width (cr, high, 11.0, FALSE)));
    if (layout->any_missing)
      layout->legend_text = MAX (layout->legend_text, MIN (LEGEND_TEXT_MAX, _distretto_chart_text_width (cr, _("No data"), 11.0, FALSE)));
  }
  layout->legend_width = LEGEND_BAR + 4 + layout->legend_text;
  if (self->unit != NULL)
    layout->legend_width = MAX (layout->legend_width, MIN (LEGEND_UNIT_MAX, _distretto_chart_text_width (cr, self->unit, 11.0, FALSE)));
  layout->legend_left = width - DISTRETTO_CHART_MARGIN - layout->legend_width;

  /* Row labels on the left, when rows are tall enough for text. */
  for (guint i = 0; layout->show_labels && i < self->lines->len; i++)
    widest = MAX (widest, _distretto_chart_text_width (cr, g_array_index (self->lines, DistrettoChartLine, i).label, 12.0, FALSE));
  layout->label_width = layout->show_labels ? MIN (widest, 0.3 * width) : 0.0;
  layout->grid_left = DISTRETTO_CHART_MARGIN + layout->label_width + (layout->show_labels ? LABEL_GAP : 0.0);
  grid_right = layout->legend_left - LEGEND_GAP;

  layout->column = MIN (MAX_COLUMN, (grid_right - layout->grid_left) / layout->n_columns);
  if (layout->column < 1.0)
    return _("Too small to draw");
  layout->show_headers = layout->column >= MIN_HEADER;
  layout->order = distretto_chart_dup_row_order (self, &layout->n_rows);

  return NULL;
}

/* The relative luminance of a colour, as WCAG defines it. */
static double
luminance (const DistrettoChartColor *color)
{
  const double channels[] = { color->red, color->green, color->blue };
  const double weights[] = { 0.2126, 0.7152, 0.0722 };
  double sum = 0.0;

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      double c = channels[i];

      sum += weights[i] * (c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4));
    }

  return sum;
}

/* Hatching for a missing value, unlike any colour of the scale. */
static void
draw_missing (cairo_t                     *cr,
              const DistrettoChartPalette *palette,
              double                       x,
              double                       y,
              double                       w,
              double                       h)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  _distretto_chart_set_color (cr, &palette->background);
  cairo_paint (cr);

  _distretto_chart_set_color (cr, &palette->muted);
  cairo_set_line_width (cr, 1.0);
  for (double d = -h; d < w; d += HATCH_STEP)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_cell (DistrettoChart              *self,
           cairo_t                     *cr,
           const DistrettoChartPalette *palette,
           const HeatmapLayout         *layout,
           double                       value,
           double                       x,
           double                       y)
{
  /* A hairline of background between cells big enough to spare it. */
  double inset = layout->column >= 6 && layout->row >= 6 ? 0.5 : 0.0;
  double w = layout->column - 2 * inset, h = layout->row - 2 * inset;
  DistrettoChartColor color;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) label = NULL;
  double l;

  if (isnan (value))
    {
      draw_missing (cr, palette, x + inset, y + inset, w, h);
      return;
    }

  distretto_color_scheme_get_color (self->scheme, position_of (layout, value), &color);
  _distretto_chart_set_color (cr, &color);
  cairo_rectangle (cr, x + inset, y + inset, w, h);
  cairo_fill (cr);

  if (layout->row < MIN_VALUE_ROW)
    return;

  /* The value, black or white, whichever stands out more. */
  text = _distretto_chart_format_number (value, layout->decimals);
  if (strlen (text) > 16)
    return;
  label = _distretto_chart_create_layout (cr, text, VALUE_SIZE, FALSE);
  if (_distretto_chart_layout_width (label) + 4 > w)
    return;

  l = luminance (&color);
  if ((l + 0.05) / 0.05 >= 1.05 / (l + 0.05))
    cairo_set_source_rgb (cr, 0, 0, 0);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  _distretto_chart_show_layout (cr, label, x + (layout->column - _distretto_chart_layout_width (label)) / 2.0,
                                y + (layout->row - _distretto_chart_layout_height (label)) / 2.0);
}

/* The column headers, turned to read upwards; the sorted one in bold,
 * with a triangle pointing down at its column. */
static void
draw_headers (DistrettoChart              *self,
              cairo_t                     *cr,
              const DistrettoChartPalette *palette,
              const HeatmapLayout         *layout)
{
  double size = MIN (11.0, layout->column - 2);

  for (guint j = 0; j < layout->n_columns; j++)
    {
      gboolean sorted = (int) j == self->sort_axis;
      double centre = layout->grid_left + (j + 0.5) * layout->column;

      if (sorted)
        {
          double half = MIN (4.0, layout->column / 2.0);

          _distretto_chart_set_color (cr, &palette->foreground);
          cairo_move_to (cr, centre - half, layout->grid_top - SORT_MARK + 3);
          cairo_line_to (cr, centre + half, layout->grid_top - SORT_MARK + 3);
          cairo_line_to (cr, centre, layout->grid_top - 3);
          cairo_close_path (cr);
          cairo_fill (cr);
        }

      if (layout->show_headers)
        {
          g_autoptr(PangoLayout) header = _distretto_chart_create_layout (cr, g_ptr_array_index (self->axes, j),
                                                                          size, sorted);

          pango_layout_set_width (header, (DISTRETTO_CHART_HEATMAP_HEADER - SORT_MARK - 4) * PANGO_SCALE);
          pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_END);
          _distretto_chart_set_color (cr, sorted ? &palette->foreground : &palette->muted);
          cairo_save (cr);
          cairo_translate (cr, centre - _distretto_chart_layout_height (header) / 2.0,
                           layout->grid_top - SORT_MARK);
          cairo_rotate (cr, -G_PI / 2.0);
          _distretto_chart_show_layout (cr, header, 0, 0);
          cairo_restore (cr);
        }
    }
}

/* The colour scale: the unit, a gradient bar with its ends' values, and
 * the key of a missing value. */
static void
draw_legend (DistrettoChart              *self,
             cairo_t                     *cr,
             const DistrettoChartPalette *palette,
             const HeatmapLayout         *layout)
{
  cairo_pattern_t *gradient;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  double y = layout->top, bar_height, bottom_value, top_value;
  double x = layout->legend_left, text_x = x + LEGEND_BAR + 4;

  if (self->unit != NULL)
    {
      g_autoptr(PangoLayout) unit = _distretto_chart_create_layout (cr, self->unit, 11.0, FALSE);

      pango_layout_set_width (unit, layout->legend_width * PANGO_SCALE);
      pango_layout_set_wrap (unit, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (unit, -2);
      pango_layout_set_ellipsize (unit, PANGO_ELLIPSIZE_END);
      _distretto_chart_set_color (cr, &palette->foreground);
      _distretto_chart_show_layout (cr, unit, x, y);
      y += _distretto_chart_layout_height (unit) + 6;
    }

  bar_height = layout->bottom - y - (layout->any_missing ? LEGEND_KEY : 0.0);
  bar_height = CLAMP (bar_height, LEGEND_BAR_MIN, LEGEND_BAR_MAX);

  /* The scheme sampled finely enough to look continuous; top is high. */
  gradient = cairo_pattern_create_linear (0, y + bar_height, 0, y);
  for (int i = 0; i <= 32; i++)
    {
      DistrettoChartColor color;

      distretto_color_scheme_get_color (self->scheme, i / 32.0, &color);
      cairo_pattern_add_color_stop_rgb (gradient, i / 32.0, color.red, color.green, color.blue);
    }
  cairo_set_source (cr, gradient);
  cairo_rectangle (cr, x, y, LEGEND_BAR, bar_height);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);

  scale_ends (layout, &bottom_value, &top_value);
  low = _distretto_chart_format_number (bottom_value, layout->decimals);
  high = _distretto_chart_format_number (top_value, layout->decimals);
  _distretto_chart_set_color (cr, &palette->muted);
  {
    g_autoptr(PangoLayout) top_label = _distretto_chart_create_layout (cr, high, 11.0, FALSE);
    g_autoptr(PangoLayout) bottom_label = _distretto_chart_create_layout (cr, low, 11.0, FALSE);

    pango_layout_set_width (top_label, layout->legend_text * PANGO_SCALE);
    pango_layout_set_ellipsize (top_label, PANGO_ELLIPSIZE_END);
    pango_layout_set_width (bottom_label, layout->legend_text * PANGO_SCALE);
    pango_layout_set_ellipsize (bottom_label, PANGO_ELLIPSIZE_END);
    _distretto_chart_show_layout (cr, top_label, text_x, y);
    _distretto_chart_show_layout (cr, bottom_label, text_x,
                                  y + bar_height - _distretto_chart_layout_height (bottom_label));
  }

  if (!isnan (layout->reference) && bar_height >= 60)
    {
      g_autofree char *middle = _distretto_chart_format_number (layout->reference, layout->decimals);
      g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, middle, 11.0, FALSE);

      pango_layout_set_width (label, layout->legend_text * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      _distretto_chart_show_layout (cr, label, text_x,
                                    y + (bar_height - _distretto_chart_layout_height (label)) / 2.0);
    }

  if (layout->any_missing)
    {
      g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, _("No data"), 11.0, FALSE);
      double key_y = y + bar_height + 8;

      draw_missing (cr, palette, x, key_y, LEGEND_BAR, LEGEND_BAR);
      pango_layout_set_width (label, layout->legend_text * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, label, text_x,
                                    key_y + (LEGEND_BAR - _distretto_chart_layout_height (label)) / 2.0);
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
  HeatmapLayout layout = { 0, };
  const char *problem = layout_heatmap (self, cr, width, height, &layout);
  const guint *order = layout.order;
  int selected = -1, highlighted = -1;

  if (problem != NULL)
    {
      _distretto_chart_draw_message (cr, palette, problem, width, height);
      clear_layout (&layout);
      return;
    }

  draw_headers (self, cr, palette, &layout);

  for (guint r = 0; r < layout.n_rows; r++)
    {
      const DistrettoChartLine *line = &g_array_index (self->lines, DistrettoChartLine, order[r]);
      gboolean is_selected = selected < 0 && g_strcmp0 (line->code, options->selected) == 0;
      double y = layout.grid_top + r * layout.row;

      if (is_selected)
        selected = r;
      else if (highlighted < 0 && g_strcmp0 (line->code, options->highlighted) == 0)
        highlighted = r;

      for (guint j = 0; j < layout.n_columns; j++)
        draw_cell (self, cr, palette, &layout, value_at (self, order[r], j),
                   layout.grid_left + j * layout.column, y);

      if (layout.show_labels)
        {
          g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, line->label, MIN (12.0, layout.row * 0.8),
                                                                         is_selected);

          pango_layout_set_width (label, layout.label_width * PANGO_SCALE);
          pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
          pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
          _distretto_chart_set_color (cr, &palette->foreground);
          _distretto_chart_show_layout (cr, label, DISTRETTO_CHART_MARGIN,
                                        y + (layout.row - _distretto_chart_layout_height (label)) / 2.0);
        }
    }

  /* The hovered row outlined lightly, the selected one over all. */
  if (highlighted >= 0)
    {
      _distretto_chart_set_color (cr, &palette->muted);
      cairo_set_line_width (cr, 1.0);
      cairo_rectangle (cr, layout.grid_left + 0.5, layout.grid_top + highlighted * layout.row + 0.5,
                       layout.n_columns * layout.column - 1, layout.row - 1);
      cairo_stroke (cr);
    }
  if (selected >= 0)
    {
      _distretto_chart_set_color (cr, &palette->foreground);
      cairo_set_line_width (cr, 2.0);
      cairo_rectangle (cr, layout.grid_left, layout.grid_top + selected * layout.row,
                       layout.n_columns * layout.column, layout.row);
      cairo_stroke (cr);
    }

  draw_legend (self, cr, palette, &layout);
  clear_layout (&layout);
}

/* The row and column of the cell under (x, y); over a column's header,
 * its column alone. */
static gboolean
hit_test (DistrettoChart *self,
          gconstpointer   data,
          double          x,
          double          y,
          guint          *line,
          int            *axis)
{
  const HeatmapLayout *layout = data;
  guint row, column;

  if (x < layout->grid_left || x >= layout->grid_left + layout->n_columns * layout->column ||
      y < layout->top || y >= layout->grid_top + layout->n_rows * layout->row)
    return FALSE;

  column = MIN ((guint) ((x - layout->grid_left) / layout->column), layout->n_columns - 1);
  *axis = column;

  if (y < layout->grid_top)
    return FALSE;

  row = MIN ((guint) ((y - layout->grid_top) / layout->row), layout->n_rows - 1);
  *line = layout->order[row];
  return TRUE;
}

/* One row per region, under the column headers. */
static double
natural_height (DistrettoChart *self)
{
  return DISTRETTO_CHART_HEADER_HEIGHT + DISTRETTO_CHART_FOOTER_HEIGHT + DISTRETTO_CHART_HEATMAP_HEADER
         + MAX (self->lines->len, 4) * DISTRETTO_CHART_ROW_HEIGHT;
}

const DistrettoChartKindClass _distretto_chart_heatmap_class = {
  .natural_height = natural_height,
  .render = render,
  .layout_size = sizeof (HeatmapLayout),
  .layout = layout_heatmap,
  .clear_layout = clear_layout,
  .hit_test = hit_test,
  .describe = _distretto_chart_describe_profile,
  .dup_table = _distretto_chart_dup_profile_table,
};

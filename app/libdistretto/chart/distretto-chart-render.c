/* distretto-chart-render.c: the one drawing path for screen and files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "distretto-chart-private.h"

#define LABEL_GAP    8.0
#define MIN_TEXT_ROW 9.0

/* Where the parts of a ranking go, for drawing and for hit-testing. */
typedef struct
{
  DistrettoChartAxis axis;
  double top;
  double plot_left;
  double plot_right;
  double plot_bottom;
  double row;
  double bar_height;
  double zero_x;
  double scale;
  double label_width;
  gboolean show_text;
} RankingLayout;

/* Returns a message to show instead when the bars cannot be laid out. */
static const char *
layout_ranking (DistrettoChart *self,
                cairo_t        *cr,
                double          width,
                double          height,
                RankingLayout  *layout)
{
  double lo = 0.0, hi = 0.0;
  double label_width = 0.0, value_width = 0.0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);
      g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, bar->label, 12.0, FALSE);
      g_autofree char *text = _distretto_chart_format_number (bar->value, 1);
      g_autoptr(PangoLayout) value = _distretto_chart_create_layout (cr, text, 11.0, FALSE);

      lo = MIN (lo, bar->value);
      hi = MAX (hi, bar->value);
      if (!isnan (bar->lower))
        {
          lo = MIN (lo, bar->lower);
          hi = MAX (hi, bar->upper);
        }
      label_width = MAX (label_width, _distretto_chart_layout_width (label));
      value_width = MAX (value_width, _distretto_chart_layout_width (value));
    }

  if (isfinite (self->reference))
    {
      lo = MIN (lo, self->reference);
      hi = MAX (hi, self->reference);
    }

  if (!isfinite (hi - lo))
    return _("Values too large to draw");

  layout->axis = _distretto_chart_nice_axis (lo, hi);
  layout->top = _distretto_chart_header_bottom (self, cr);
  layout->plot_bottom = height - DISTRETTO_CHART_MARGIN - DISTRETTO_CHART_FOOTER_HEIGHT + 12;
  layout->row = (layout->plot_bottom - layout->top) / self->bars->len;
  layout->show_text = layout->row >= MIN_TEXT_ROW;

  /* Rows too thin for text get no label column either. */
  layout->label_width = layout->show_text ? MIN (label_width, 0.35 * width) : 0.0;
  value_width = layout->show_text ? value_width : 0.0;
  layout->plot_left = DISTRETTO_CHART_MARGIN + layout->label_width + LABEL_GAP;
  layout->plot_right = width - DISTRETTO_CHART_MARGIN - value_width - LABEL_GAP;

  if (layout->plot_right - layout->plot_left < 20 || layout->plot_bottom - layout->top < self->bars->len)
    return _("Too small to draw");

  layout->scale = (layout->plot_right - layout->plot_left) / (layout->axis.last - layout->axis.first);
  layout->zero_x = layout->plot_left + (0.0 - layout->axis.first) * layout->scale;
  layout->bar_height = MAX (1.0, layout->row * 0.72);

  return NULL;
}

static const DistrettoChartColor *
bar_color (DistrettoChart              *self,
           const DistrettoChartPalette *palette,
           const DistrettoChartBar     *bar)
{
  if (bar->category >= 0 && (guint) bar->category < self->categories->len)
    return &palette->categories[bar->category];
  return &palette->bar;
}

/* The categories' colours and names, right-aligned on the subtitle's line. */
static void
draw_legend (DistrettoChart              *self,
             cairo_t                     *cr,
             const DistrettoChartPalette *palette,
             double                       width,
             double                       y)
{
  double x = width - DISTRETTO_CHART_MARGIN;

  for (int i = self->categories->len - 1; i >= 0; i--)
    {
      g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, g_ptr_array_index (self->categories, i), 11.0, FALSE);

      x -= _distretto_chart_layout_width (label);
      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, label, x, y);
      x -= 14;
      _distretto_chart_set_color (cr, &palette->categories[i]);
      cairo_rectangle (cr, x, y + 3, 10, 10);
      cairo_fill (cr);
      x -= 12;
    }
}

static void
draw_reference (DistrettoChart              *self,
                cairo_t                     *cr,
                const DistrettoChartPalette *palette,
                const RankingLayout         *layout)
{
  double x = round (layout->zero_x + self->reference * layout->scale) + 0.5;
  const double dashes[] = { 4.0, 3.0 };

  _distretto_chart_set_color (cr, &palette->reference);
  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x, layout->top - 4);
  cairo_line_to (cr, x, layout->plot_bottom);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (self->reference_label != NULL)
    {
      g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, self->reference_label, 11.0, TRUE);

      _distretto_chart_show_layout (cr, label, MIN (x + 4, layout->plot_right - _distretto_chart_layout_width (label)),
                                    layout->top - 4 - _distretto_chart_layout_height (label));
    }
}

/* An error bar: a line from the lower to the upper end, with caps. */
static void
draw_interval (cairo_t                     *cr,
               const DistrettoChartPalette *palette,
               const RankingLayout         *layout,
               const DistrettoChartBar     *bar,
               double                       y)
{
  double x0 = layout->zero_x + bar->lower * layout->scale;
  double x1 = layout->zero_x + bar->upper * layout->scale;
  double cap = MIN (layout->bar_height / 2.0, 5.0);

  /* On a pixel row, so the line is crisp. */
  y = round (y) + 0.5;
  cairo_save (cr);
  _distretto_chart_set_color (cr, &palette->foreground);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  if (cap >= 1.5)
    {
      cairo_move_to (cr, x0, y - cap);
      cairo_line_to (cr, x0, y + cap);
      cairo_move_to (cr, x1, y - cap);
      cairo_line_to (cr, x1, y + cap);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_ranking (DistrettoChart              *self,
              cairo_t                     *cr,
              const DistrettoChartPalette *palette,
              double                       width,
              double                       height)
{
  RankingLayout layout;
  const char *problem = layout_ranking (self, cr, width, height, &layout);
  const DistrettoChartAxis *axis = &layout.axis;

  if (problem != NULL)
    {
      _distretto_chart_draw_message (cr, palette, problem, width, height);
      return;
    }

  /* Grid and tick labels. */
  cairo_set_line_width (cr, 1.0);
  for (int t = 0; axis->first + t * axis->step <= axis->last + axis->step * 1e-6; t++)
    {
      double v = axis->first + t * axis->step;
      double x = round (layout.plot_left + (v - axis->first) * layout.scale) + 0.5;
      g_autofree char *text = _distretto_chart_format_number (v, axis->decimals);
      g_autoptr(PangoLayout) tick = _distretto_chart_create_layout (cr, text, 11.0, FALSE);

      _distretto_chart_set_color (cr, &palette->grid);
      cairo_move_to (cr, x, layout.top);
      cairo_line_to (cr, x, layout.plot_bottom);
      cairo_stroke (cr);

      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, tick, x - _distretto_chart_layout_width (tick) / 2.0, layout.plot_bottom + 4);
    }

  if (self->unit != NULL)
    {
      g_autoptr(PangoLayout) unit = _distretto_chart_create_layout (cr, self->unit, 12.0, FALSE);

      _distretto_chart_set_color (cr, &palette->foreground);
      _distretto_chart_show_layout (cr, unit, (layout.plot_left + layout.plot_right - _distretto_chart_layout_width (unit)) / 2.0,
                                    layout.plot_bottom + 20);
    }

  /* Bars, labels and values. */
  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);
      gboolean selected = g_strcmp0 (bar->code, self->selected) == 0;
      double y = layout.top + i * layout.row;
      double x_end = layout.zero_x + bar->value * layout.scale;

      /* The hovered row: a band behind its label and bar. */
      if (g_strcmp0 (bar->code, self->highlighted) == 0)
        {
          _distretto_chart_set_color (cr, &palette->grid);
          cairo_rectangle (cr, DISTRETTO_CHART_MARGIN, y, width - 2 * DISTRETTO_CHART_MARGIN, layout.row);
          cairo_fill (cr);
        }

      _distretto_chart_set_color (cr, bar_color (self, palette, bar));
      cairo_rectangle (cr, MIN (layout.zero_x, x_end), y + (layout.row - layout.bar_height) / 2.0,
                       fabs (x_end - layout.zero_x), layout.bar_height);
      cairo_fill_preserve (cr);
      if (selected)
        {
          _distretto_chart_set_color (cr, &palette->foreground);
          cairo_set_line_width (cr, 2.0);
          cairo_stroke (cr);
          cairo_set_line_width (cr, 1.0);
        }
      cairo_new_path (cr);

      if (!isnan (bar->lower))
        draw_interval (cr, palette, &layout, bar, y + layout.row / 2.0);

      if (layout.show_text)
        {
          double size = MIN (12.0, layout.row * 0.8);
          g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, bar->label, size, selected);
          g_autofree char *text = _distretto_chart_format_number (bar->value, 1);
          g_autoptr(PangoLayout) value = _distretto_chart_create_layout (cr, text, MIN (11.0, size), FALSE);

          pango_layout_set_width (label, layout.label_width * PANGO_SCALE);
          pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
          pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
          _distretto_chart_set_color (cr, &palette->foreground);
          _distretto_chart_show_layout (cr, label, DISTRETTO_CHART_MARGIN, y + (layout.row - _distretto_chart_layout_height (label)) / 2.0);

          /* The value goes right of the bar and of its interval. */
          if (!isnan (bar->upper))
            x_end = MAX (x_end, layout.zero_x + bar->upper * layout.scale);
          _distretto_chart_set_color (cr, &palette->muted);
          _distretto_chart_show_layout (cr, value, MAX (x_end, layout.zero_x) + 4, y + (layout.row - _distretto_chart_layout_height (value)) / 2.0);
        }
    }

  /* The zero line over the bars. */
  _distretto_chart_set_color (cr, &palette->foreground);
  cairo_move_to (cr, round (layout.zero_x) + 0.5, layout.top);
  cairo_line_to (cr, round (layout.zero_x) + 0.5, layout.plot_bottom);
  cairo_stroke (cr);

  if (isfinite (self->reference))
    draw_reference (self, cr, palette, &layout);
}

/* The height left to the chart above its notes. */
static double
body_height (DistrettoChart *self,
             double          width,
             double          height)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double notes;

  if (self->notes == NULL)
    return height;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  notes = _distretto_chart_notes_height (self, cr, width);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return height - notes;
}

static gboolean
hit_test_map_bar (DistrettoChart *self,
                  double          width,
                  double          height,
                  double          x,
                  double          y,
                  guint          *index)
{
  const char *code = _distretto_chart_hit_test_map (self, width, height, x, y);

  for (guint i = 0; code != NULL && i < self->bars->len; i++)
    if (g_str_equal (g_array_index (self->bars, DistrettoChartBar, i).code, code))
      {
        if (index != NULL)
          *index = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * distretto_chart_hit_test_region:
 * @self: a #DistrettoChart of kind %DISTRETTO_CHART_KIND_MAP
 * @width: the width the chart is drawn at
 * @height: the height the chart is drawn at
 * @x: a point's x
 * @y: a point's y
 *
 * Which region of a map is at a point, with or without a value: the
 * region one of whose polygons contains the point (even–odd rule, so a
 * hole is not the region), in the mainland or in an inset.
 *
 * Returns: (nullable): the region's code, or %NULL for none
 */
const char *
distretto_chart_hit_test_region (DistrettoChart *self,
                                 double          width,
                                 double          height,
                                 double          x,
                                 double          y)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  if (self->kind != DISTRETTO_CHART_KIND_MAP)
    return NULL;

  return _distretto_chart_hit_test_map (self, width, body_height (self, width, height), x, y);
}

/**
 * distretto_chart_hit_test:
 * @self: a #DistrettoChart
 * @width: the width the chart is drawn at
 * @height: the height the chart is drawn at
 * @x: a point's x
 * @y: a point's y
 * @index: (out) (optional): the rank from 0 of the bar at (@x, @y); for a
 *   trend the index of the line, for a radar or a heatmap the index of the
 *   profile, for a scatter the index of the point
 *
 * Which bar or line is at a point: the widget uses it for hover, tooltips
 * and clicks. For a ranking the whole row of a bar counts, label
 * included. For a trend it is the line with the point nearest to (@x, @y),
 * if that point is within 8 pixels. For a map it is the bar (the value
 * given with distretto_chart_add_bar()) of the region under the point;
 * distretto_chart_hit_test_region() also finds regions without a value.
 * For a radar it is the profile with a vertex or an edge within 8 pixels,
 * for a heatmap the row of the cell under the point, for a scatter the
 * nearest point within its radius plus 4 pixels.
 *
 * Returns: %TRUE if there is a bar or a line at (@x, @y)
 */
gboolean
distretto_chart_hit_test (DistrettoChart *self,
                          double          width,
                          double          height,
                          double          x,
                          double          y,
                          guint          *index)
{
  cairo_surface_t *surface;
  RankingLayout layout;
  const char *problem;
  cairo_t *cr;
  guint row;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);

  height = body_height (self, width, height);

  if (self->kind == DISTRETTO_CHART_KIND_TREND)
    return _distretto_chart_hit_test_trend (self, width, height, x, y, index);
  if (self->kind == DISTRETTO_CHART_KIND_MAP)
    return hit_test_map_bar (self, width, height, x, y, index);
  if (self->kind == DISTRETTO_CHART_KIND_RADAR)
    return _distretto_chart_hit_test_radar (self, width, height, x, y, index, NULL);
  if (self->kind == DISTRETTO_CHART_KIND_HEATMAP)
    return _distretto_chart_hit_test_heatmap (self, width, height, x, y, index, NULL);
  if (self->kind == DISTRETTO_CHART_KIND_SCATTER)
    return _distretto_chart_hit_test_scatter (self, width, height, x, y, index);

  if (self->bars->len == 0)
    return FALSE;

  /* Text is measured on a scratch surface, as the renderer measures it. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  problem = layout_ranking (self, cr, width, height, &layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (problem != NULL || y < layout.top || y >= layout.plot_bottom ||
      x < DISTRETTO_CHART_MARGIN || x > width - DISTRETTO_CHART_MARGIN)
    return FALSE;

  row = (guint) ((y - layout.top) / layout.row);
  if (row >= self->bars->len)
    return FALSE;

  if (index != NULL)
    *index = row;
  return TRUE;
}

/**
 * distretto_chart_render:
 * @self: a #DistrettoChart
 * @cr: a cairo context; the chart fills (0, 0, @width, @height)
 * @width: the width in user units
 * @height: the height in user units
 * @style: the colours to use
 *
 * Draws the chart. The window, the tests and every export call this one
 * function, so what is exported is what was seen.
 */
void
distretto_chart_render (DistrettoChart      *self,
                        cairo_t             *cr,
                        double               width,
                        double               height,
                        DistrettoChartStyle  style)
{
  const DistrettoChartPalette *palette;
  double full_height = height;
  double legend_y;

  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  palette = distretto_chart_style_get_palette (style);

  cairo_save (cr);

  _distretto_chart_set_color (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  /* The notes take a strip at the bottom; the chart is drawn above it. */
  height -= _distretto_chart_notes_height (self, cr, width);
  _distretto_chart_draw_notes (self, cr, palette, width, full_height);

  legend_y = _distretto_chart_draw_header (self, cr, palette, width);
  _distretto_chart_draw_source (self, cr, palette, width, height);

  if (self->kind == DISTRETTO_CHART_KIND_TREND)
    _distretto_chart_render_trend (self, cr, palette, width, height);
  else if (self->kind == DISTRETTO_CHART_KIND_MAP)
    _distretto_chart_render_map (self, cr, palette, width, height);
  else if (self->kind == DISTRETTO_CHART_KIND_RADAR)
    _distretto_chart_render_radar (self, cr, palette, width, height);
  else if (self->kind == DISTRETTO_CHART_KIND_HEATMAP)
    _distretto_chart_render_heatmap (self, cr, palette, width, height);
  else if (self->kind == DISTRETTO_CHART_KIND_SCATTER)
    _distretto_chart_render_scatter (self, cr, palette, width, height);
  else if (self->bars->len == 0)
    _distretto_chart_draw_message (cr, palette, _("No data"), width, height);
  else
    {
      draw_ranking (self, cr, palette, width, height);
      draw_legend (self, cr, palette, width, legend_y);
    }

  cairo_restore (cr);
}

/**
 * distretto_chart_hit_test_axis:
 * @self: a #DistrettoChart
 * @width: the width the chart is drawn at
 * @height: the height the chart is drawn at
 * @x: a point's x
 * @y: a point's y
 *
 * Which axis is at a point: for a heatmap, the column of the cell or of
 * the column header under the point (the widget sorts by a header's
 * column when it is clicked); for a radar, the axis of the vertex within
 * 8 pixels of the point.
 *
 * Returns: the axis, or -1 for none
 */
int
distretto_chart_hit_test_axis (DistrettoChart *self,
                               double          width,
                               double          height,
                               double          x,
                               double          y)
{
  int axis = -1;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), -1);

  height = body_height (self, width, height);
  if (self->kind == DISTRETTO_CHART_KIND_HEATMAP)
    _distretto_chart_hit_test_heatmap (self, width, height, x, y, NULL, &axis);
  else if (self->kind == DISTRETTO_CHART_KIND_RADAR)
    _distretto_chart_hit_test_radar (self, width, height, x, y, NULL, &axis);

  return axis;
}

static char *
format_value (double value)
{
  return isnan (value) ? g_strdup (_("no data")) : _distretto_chart_format_number (value, 2);
}

/* "Name (CODE)", or the code alone when the chart knows no other name. */
static char *
region_title (const char *label,
              const char *code)
{
  if (label == NULL || label[0] == '\0' || g_strcmp0 (label, code) == 0)
    return g_strdup (code);

  /* TRANSLATORS: a region in a tooltip: its name and its code */
  return g_strdup_printf (_("%s (%s)"), label, code);
}

/**
 * distretto_chart_describe_at:
 * @self: a #DistrettoChart
 * @width: the width the chart is drawn at
 * @height: the height the chart is drawn at
 * @x: a point's x
 * @y: a point's y
 * @code: (out) (optional) (transfer none): the code of the region at the
 *   point, or %NULL
 *
 * What a tooltip says of the point: the region there and its value (its
 * rank, its year, its axis or its two values, as the chart shows them).
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if no region is
 *   at the point
 */
char *
distretto_chart_describe_at (DistrettoChart  *self,
                             double           width,
                             double           height,
                             double           x,
                             double           y,
                             const char     **code)
{
  g_autofree char *value = NULL;
  g_autofree char *title = NULL;
  guint index;
  int axis = -1;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  if (code != NULL)
    *code = NULL;

  if (self->kind == DISTRETTO_CHART_KIND_HEATMAP || self->kind == DISTRETTO_CHART_KIND_RADAR)
    {
      double body = body_height (self, width, height);
      const DistrettoChartLine *line;
      gboolean hit = self->kind == DISTRETTO_CHART_KIND_HEATMAP
                     ? _distretto_chart_hit_test_heatmap (self, width, body, x, y, &index, &axis)
                     : _distretto_chart_hit_test_radar (self, width, body, x, y, &index, &axis);

      if (!hit)
        return NULL;

      line = &g_array_index (self->lines, DistrettoChartLine, index);
      if (code != NULL)
        *code = line->code;
      title = region_title (line->label, line->code);
      if (axis < 0)
        return g_steal_pointer (&title);

      value = format_value (distretto_chart_get_profile_value (self, index, axis));
      /* TRANSLATORS: a tooltip: region (name and code), an axis such as a pillar, its value */
      return g_strdup_printf (_("%s\n%s: %s"), title,
                              (const char *) g_ptr_array_index (self->axes, axis), value);
    }

  if (!distretto_chart_hit_test (self, width, height, x, y, &index))
    return NULL;

  if (self->kind == DISTRETTO_CHART_KIND_SCATTER)
    {
      const DistrettoChartMark *mark = &g_array_index (self->marks, DistrettoChartMark, index);
      g_autofree char *x_value = format_value (mark->x);
      g_autofree char *y_value = format_value (mark->y);

      if (code != NULL)
        *code = mark->code;
      title = region_title (mark->label, mark->code);
      if (isnan (mark->third) || self->third_title == NULL)
        /* TRANSLATORS: a scatter's tooltip: region (name and code), x title, x value, y title, y value */
        return g_strdup_printf (_("%s\n%s: %s\n%s: %s"), title,
                                self->x_title ? self->x_title : "x", x_value,
                                self->y_title ? self->y_title : "y", y_value);

      value = format_value (mark->third);
      /* TRANSLATORS: a scatter's tooltip: region (name and code), then three titles and values */
      return g_strdup_printf (_("%s\n%s: %s\n%s: %s\n%s: %s"), title,
                              self->x_title ? self->x_title : "x", x_value,
                              self->y_title ? self->y_title : "y", y_value,
                              self->third_title, value);
    }

  if (self->kind == DISTRETTO_CHART_KIND_TREND)
    {
      const DistrettoChartLine *line = &g_array_index (self->lines, DistrettoChartLine, index);

      if (code != NULL)
        *code = line->code;
      return region_title (line->label, line->code);
    }

  {
    const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, index);

    if (code != NULL)
      *code = bar->code;
    value = format_value (bar->value);
    title = region_title (bar->label, bar->code);
    if (self->kind == DISTRETTO_CHART_KIND_MAP)
      /* TRANSLATORS: a map's tooltip: region (name and code), value */
      return g_strdup_printf (_("%s: %s"), title, value);
    if (!isnan (bar->lower))
      {
        g_autofree char *lower = format_value (bar->lower);
        g_autofree char *upper = format_value (bar->upper);

        /* TRANSLATORS: a ranking's tooltip: rank, region (name and code), value, its interval */
        return g_strdup_printf (_("%u. %s: %s (%s to %s)"), index + 1, title, value, lower, upper);
      }
    /* TRANSLATORS: a ranking's tooltip: rank, region (name and code), value */
    return g_strdup_printf (_("%u. %s: %s"), index + 1, title, value);
  }
}

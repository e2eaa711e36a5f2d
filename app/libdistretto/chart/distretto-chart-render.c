/* distretto-chart-render.c: the one drawing path for screen and files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "distretto-chart-private.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"
#define LABEL_GAP    8.0
#define MAX_TICKS    6
#define MIN_TEXT_ROW 9.0

typedef struct
{
  double first;
  double last;
  double step;
  int decimals;
} Axis;

static void
set_color (cairo_t                   *cr,
           const DistrettoChartColor *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

static PangoLayout *
create_layout (cairo_t    *cr,
               const char *text,
               double      size,
               gboolean    bold)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Ticks at 1, 2 or 5 times a power of ten, covering [lo, hi]. */
static Axis
nice_axis (double lo,
           double hi)
{
  Axis axis;
  double raw, magnitude, normalised;

  if (hi - lo < 1e-12)
    hi = lo + 1.0;

  raw = (hi - lo) / MAX_TICKS;
  magnitude = pow (10.0, floor (log10 (raw)));
  normalised = raw / magnitude;

  if (normalised <= 1.0)
    axis.step = magnitude;
  else if (normalised <= 2.0)
    axis.step = 2.0 * magnitude;
  else if (normalised <= 5.0)
    axis.step = 5.0 * magnitude;
  else
    axis.step = 10.0 * magnitude;

  axis.first = floor (lo / axis.step) * axis.step;
  axis.last = ceil (hi / axis.step) * axis.step;
  axis.decimals = MAX (0, (int) -floor (log10 (axis.step) + 1e-9));

  return axis;
}

static char *
format_number (double value,
               int    decimals)
{
  /* Printed in the user's locale (decimal comma in it, es, fi, de). */
  if (fabs (value) < 0.5 * pow (10.0, -decimals))
    value = 0.0;
  return g_strdup_printf ("%.*f", decimals, value);
}

static void
draw_centered_message (cairo_t                     *cr,
                       const DistrettoChartPalette *palette,
                       const char                  *message,
                       double                       width,
                       double                       height)
{
  g_autoptr(PangoLayout) layout = create_layout (cr, message, 16.0, FALSE);

  set_color (cr, &palette->muted);
  show_layout (cr, layout,
               (width - layout_width (layout)) / 2.0,
               (height - layout_height (layout)) / 2.0);
}

/* Draws title and subtitle; returns the subtitle line's top. */
static double
draw_header (DistrettoChart              *self,
             cairo_t                     *cr,
             const DistrettoChartPalette *palette,
             double                       width)
{
  g_autoptr(PangoLayout) title = create_layout (cr, self->title, 18.0, TRUE);
  double y = DISTRETTO_CHART_MARGIN;

  pango_layout_set_width (title, (width - 2 * DISTRETTO_CHART_MARGIN) * PANGO_SCALE);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  set_color (cr, &palette->foreground);
  show_layout (cr, title, DISTRETTO_CHART_MARGIN, y);
  y += layout_height (title) + 2;

  if (self->subtitle != NULL)
    {
      g_autoptr(PangoLayout) subtitle = create_layout (cr, self->subtitle, 12.0, FALSE);

      pango_layout_set_width (subtitle, (width - 2 * DISTRETTO_CHART_MARGIN) * PANGO_SCALE);
      pango_layout_set_ellipsize (subtitle, PANGO_ELLIPSIZE_END);
      set_color (cr, &palette->muted);
      show_layout (cr, subtitle, DISTRETTO_CHART_MARGIN, y);
    }

  return y;
}

static void
draw_source (DistrettoChart              *self,
             cairo_t                     *cr,
             const DistrettoChartPalette *palette,
             double                       width,
             double                       height)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (self->source == NULL)
    return;

  layout = create_layout (cr, self->source, 11.0, FALSE);
  pango_layout_set_width (layout, (width - 2 * DISTRETTO_CHART_MARGIN) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  set_color (cr, &palette->muted);
  show_layout (cr, layout, DISTRETTO_CHART_MARGIN, height - DISTRETTO_CHART_MARGIN - layout_height (layout));
}

/* Where the parts of a ranking go, for drawing and for hit-testing. */
typedef struct
{
  Axis axis;
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

/* The header's bottom edge: title and subtitle, measured, not drawn. */
static double
header_bottom (DistrettoChart *self,
               cairo_t        *cr)
{
  g_autoptr(PangoLayout) title = create_layout (cr, self->title, 18.0, TRUE);
  double y = DISTRETTO_CHART_MARGIN + layout_height (title) + 2;

  if (self->subtitle != NULL)
    {
      g_autoptr(PangoLayout) subtitle = create_layout (cr, self->subtitle, 12.0, FALSE);
      y += layout_height (subtitle);
    }

  return MAX (y + 12, DISTRETTO_CHART_MARGIN + DISTRETTO_CHART_HEADER_HEIGHT - 12);
}

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
      g_autoptr(PangoLayout) label = create_layout (cr, bar->label, 12.0, FALSE);
      g_autofree char *text = format_number (bar->value, 1);
      g_autoptr(PangoLayout) value = create_layout (cr, text, 11.0, FALSE);

      lo = MIN (lo, bar->value);
      hi = MAX (hi, bar->value);
      label_width = MAX (label_width, layout_width (label));
      value_width = MAX (value_width, layout_width (value));
    }

  if (isfinite (self->reference))
    {
      lo = MIN (lo, self->reference);
      hi = MAX (hi, self->reference);
    }

  if (!isfinite (hi - lo))
    return _("Values too large to draw");

  layout->axis = nice_axis (lo, hi);
  layout->top = header_bottom (self, cr);
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
      g_autoptr(PangoLayout) label = create_layout (cr, g_ptr_array_index (self->categories, i), 11.0, FALSE);

      x -= layout_width (label);
      set_color (cr, &palette->muted);
      show_layout (cr, label, x, y);
      x -= 14;
      set_color (cr, &palette->categories[i]);
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

  set_color (cr, &palette->reference);
  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x, layout->top - 4);
  cairo_line_to (cr, x, layout->plot_bottom);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (self->reference_label != NULL)
    {
      g_autoptr(PangoLayout) label = create_layout (cr, self->reference_label, 11.0, TRUE);

      show_layout (cr, label, MIN (x + 4, layout->plot_right - layout_width (label)),
                   layout->top - 4 - layout_height (label));
    }
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
  const Axis *axis = &layout.axis;

  if (problem != NULL)
    {
      draw_centered_message (cr, palette, problem, width, height);
      return;
    }

  /* Grid and tick labels. */
  cairo_set_line_width (cr, 1.0);
  for (int t = 0; axis->first + t * axis->step <= axis->last + axis->step * 1e-6; t++)
    {
      double v = axis->first + t * axis->step;
      double x = round (layout.plot_left + (v - axis->first) * layout.scale) + 0.5;
      g_autofree char *text = format_number (v, axis->decimals);
      g_autoptr(PangoLayout) tick = create_layout (cr, text, 11.0, FALSE);

      set_color (cr, &palette->grid);
      cairo_move_to (cr, x, layout.top);
      cairo_line_to (cr, x, layout.plot_bottom);
      cairo_stroke (cr);

      set_color (cr, &palette->muted);
      show_layout (cr, tick, x - layout_width (tick) / 2.0, layout.plot_bottom + 4);
    }

  if (self->unit != NULL)
    {
      g_autoptr(PangoLayout) unit = create_layout (cr, self->unit, 12.0, FALSE);

      set_color (cr, &palette->foreground);
      show_layout (cr, unit, (layout.plot_left + layout.plot_right - layout_width (unit)) / 2.0,
                   layout.plot_bottom + 20);
    }

  /* Bars, labels and values. */
  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);
      gboolean selected = g_strcmp0 (bar->code, self->selected) == 0;
      double y = layout.top + i * layout.row;
      double x_end = layout.zero_x + bar->value * layout.scale;

      set_color (cr, bar_color (self, palette, bar));
      cairo_rectangle (cr, MIN (layout.zero_x, x_end), y + (layout.row - layout.bar_height) / 2.0,
                       fabs (x_end - layout.zero_x), layout.bar_height);
      cairo_fill_preserve (cr);
      if (selected)
        {
          set_color (cr, &palette->foreground);
          cairo_set_line_width (cr, 2.0);
          cairo_stroke (cr);
          cairo_set_line_width (cr, 1.0);
        }
      cairo_new_path (cr);

      if (layout.show_text)
        {
          double size = MIN (12.0, layout.row * 0.8);
          g_autoptr(PangoLayout) label = create_layout (cr, bar->label, size, selected);
          g_autofree char *text = format_number (bar->value, 1);
          g_autoptr(PangoLayout) value = create_layout (cr, text, MIN (11.0, size), FALSE);

          pango_layout_set_width (label, layout.label_width * PANGO_SCALE);
          pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
          pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
          set_color (cr, &palette->foreground);
          show_layout (cr, label, DISTRETTO_CHART_MARGIN, y + (layout.row - layout_height (label)) / 2.0);

          set_color (cr, &palette->muted);
          show_layout (cr, value, MAX (x_end, layout.zero_x) + 4, y + (layout.row - layout_height (value)) / 2.0);
        }
    }

  /* The zero line over the bars. */
  set_color (cr, &palette->foreground);
  cairo_move_to (cr, round (layout.zero_x) + 0.5, layout.top);
  cairo_line_to (cr, round (layout.zero_x) + 0.5, layout.plot_bottom);
  cairo_stroke (cr);

  if (isfinite (self->reference))
    draw_reference (self, cr, palette, &layout);
}

/**
 * distretto_chart_hit_test:
 * @self: a #DistrettoChart
 * @width: the width the chart is drawn at
 * @height: the height the chart is drawn at
 * @x: a point's x
 * @y: a point's y
 * @index: (out) (optional): the rank from 0 of the bar at (@x, @y)
 *
 * Which bar is at a point: the widget uses it for hover, tooltips and
 * clicks. The whole row of a bar counts, label included.
 *
 * Returns: %TRUE if there is a bar at (@x, @y)
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
  double legend_y;

  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  palette = distretto_chart_style_get_palette (style);

  cairo_save (cr);

  set_color (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  legend_y = draw_header (self, cr, palette, width);
  draw_source (self, cr, palette, width, height);

  if (self->bars->len == 0)
    draw_centered_message (cr, palette, _("No data"), width, height);
  else
    {
      draw_ranking (self, cr, palette, width, height);
      draw_legend (self, cr, palette, width, legend_y);
    }

  cairo_restore (cr);
}

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
      y += layout_height (subtitle);
    }

  return MAX (y + 12, DISTRETTO_CHART_MARGIN + DISTRETTO_CHART_HEADER_HEIGHT - 12);
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

static void
draw_ranking (DistrettoChart              *self,
              cairo_t                     *cr,
              const DistrettoChartPalette *palette,
              double                       top,
              double                       width,
              double                       height)
{
  double lo = 0.0, hi = 0.0;
  double label_width = 0.0, value_width = 0.0;
  double plot_left, plot_right, plot_bottom, row, bar_height, zero_x, scale;
  gboolean show_text;
  Axis axis;

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

  if (!isfinite (hi - lo))
    {
      draw_centered_message (cr, palette, _("Values too large to draw"), width, height);
      return;
    }

  axis = nice_axis (lo, hi);
  plot_bottom = height - DISTRETTO_CHART_MARGIN - DISTRETTO_CHART_FOOTER_HEIGHT + 12;
  row = (plot_bottom - top) / self->bars->len;
  show_text = row >= MIN_TEXT_ROW;

  /* Rows too thin for text get no label column either. */
  label_width = show_text ? MIN (label_width, 0.35 * width) : 0.0;
  value_width = show_text ? value_width : 0.0;
  plot_left = DISTRETTO_CHART_MARGIN + label_width + LABEL_GAP;
  plot_right = width - DISTRETTO_CHART_MARGIN - value_width - LABEL_GAP;

  if (plot_right - plot_left < 20 || plot_bottom - top < self->bars->len)
    {
      draw_centered_message (cr, palette, _("Too small to draw"), width, height);
      return;
    }

  scale = (plot_right - plot_left) / (axis.last - axis.first);
  zero_x = plot_left + (0.0 - axis.first) * scale;
  bar_height = MAX (1.0, row * 0.72);

  /* Grid and tick labels. */
  cairo_set_line_width (cr, 1.0);
  for (int t = 0; axis.first + t * axis.step <= axis.last + axis.step * 1e-6; t++)
    {
      double v = axis.first + t * axis.step;
      double x = round (plot_left + (v - axis.first) * scale) + 0.5;
      g_autofree char *text = format_number (v, axis.decimals);
      g_autoptr(PangoLayout) tick = create_layout (cr, text, 11.0, FALSE);

      set_color (cr, &palette->grid);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, plot_bottom);
      cairo_stroke (cr);

      set_color (cr, &palette->muted);
      show_layout (cr, tick, x - layout_width (tick) / 2.0, plot_bottom + 4);
    }

  if (self->unit != NULL)
    {
      g_autoptr(PangoLayout) unit = create_layout (cr, self->unit, 12.0, FALSE);

      set_color (cr, &palette->foreground);
      show_layout (cr, unit, (plot_left + plot_right - layout_width (unit)) / 2.0, plot_bottom + 20);
    }

  /* Bars, labels and values. */
  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);
      double y = top + i * row;
      double x_end = zero_x + bar->value * scale;

      set_color (cr, &palette->bar);
      cairo_rectangle (cr, MIN (zero_x, x_end), y + (row - bar_height) / 2.0,
                       fabs (x_end - zero_x), bar_height);
      cairo_fill (cr);

      if (show_text)
        {
          double size = MIN (12.0, row * 0.8);
          g_autoptr(PangoLayout) label = create_layout (cr, bar->label, size, FALSE);
          g_autofree char *text = format_number (bar->value, 1);
          g_autoptr(PangoLayout) value = create_layout (cr, text, MIN (11.0, size), FALSE);

          pango_layout_set_width (label, label_width * PANGO_SCALE);
          pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
          pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
          set_color (cr, &palette->foreground);
          show_layout (cr, label, DISTRETTO_CHART_MARGIN, y + (row - layout_height (label)) / 2.0);

          set_color (cr, &palette->muted);
          show_layout (cr, value, MAX (x_end, zero_x) + 4, y + (row - layout_height (value)) / 2.0);
        }
    }

  /* The zero line over the bars. */
  set_color (cr, &palette->foreground);
  cairo_move_to (cr, round (zero_x) + 0.5, top);
  cairo_line_to (cr, round (zero_x) + 0.5, plot_bottom);
  cairo_stroke (cr);
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
  double top;

  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  palette = distretto_chart_style_get_palette (style);

  cairo_save (cr);

  set_color (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  top = draw_header (self, cr, palette, width);
  draw_source (self, cr, palette, width, height);

  if (self->bars->len == 0)
    draw_centered_message (cr, palette, _("No data"), width, height);
  else
    draw_ranking (self, cr, palette, top, width, height);

  cairo_restore (cr);
}

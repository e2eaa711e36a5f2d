/* distretto-chart-draw.c: drawing helpers shared by the chart renderers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-chart-private.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"
#define MAX_TICKS    6

void
_distretto_chart_set_color (cairo_t                   *cr,
                            const DistrettoChartColor *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

PangoLayout *
_distretto_chart_create_layout (cairo_t    *cr,
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

double
_distretto_chart_layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

double
_distretto_chart_layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

void
_distretto_chart_show_layout (cairo_t     *cr,
                              PangoLayout *layout,
                              double       x,
                              double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Ticks at 1, 2 or 5 times a power of ten, covering [lo, hi]. */
DistrettoChartAxis
_distretto_chart_nice_axis (double lo,
                            double hi)
{
  DistrettoChartAxis axis;
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

char *
_distretto_chart_format_number (double value,
                                int    decimals)
{
  /* Printed in the user's locale (decimal comma in it, es, fi, de). */
  if (fabs (value) < 0.5 * pow (10.0, -decimals))
    value = 0.0;
  return g_strdup_printf ("%.*f", decimals, value);
}

/* A tooltip's value, to two decimals. */
char *
_distretto_chart_format_value (double value)
{
  return isnan (value) ? g_strdup (_("no data")) : _distretto_chart_format_number (value, 2);
}

void
_distretto_chart_draw_message (cairo_t                     *cr,
                               const DistrettoChartPalette *palette,
                               const char                  *message,
                               double                       width,
                               double                       height)
{
  g_autoptr(PangoLayout) layout = _distretto_chart_create_layout (cr, message, 16.0, FALSE);

  _distretto_chart_set_color (cr, &palette->muted);
  _distretto_chart_show_layout (cr, layout,
                                (width - _distretto_chart_layout_width (layout)) / 2.0,
                                (height - _distretto_chart_layout_height (layout)) / 2.0);
}

/* The subtitle line's top, where a ranking's legend goes. */
double
_distretto_chart_subtitle_top (DistrettoChart *self,
                               cairo_t        *cr)
{
  g_autoptr(PangoLayout) title = _distretto_chart_create_layout (cr, self->title, 18.0, TRUE);

  return DISTRETTO_CHART_MARGIN + _distretto_chart_layout_height (title) + 2;
}

/* Draws title and subtitle; returns the subtitle line's top. */
double
_distretto_chart_draw_header (DistrettoChart              *self,
                              cairo_t                     *cr,
                              const DistrettoChartPalette *palette,
                              double                       width)
{
  g_autoptr(PangoLayout) title = _distretto_chart_create_layout (cr, self->title, 18.0, TRUE);
  double y = DISTRETTO_CHART_MARGIN;

  pango_layout_set_width (title, (width - 2 * DISTRETTO_CHART_MARGIN) * PANGO_SCALE);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  _distretto_chart_set_color (cr, &palette->foreground);
  _distretto_chart_show_layout (cr, title, DISTRETTO_CHART_MARGIN, y);
  y += _distretto_chart_layout_height (title) + 2;

  if (self->subtitle != NULL)
    {
      g_autoptr(PangoLayout) subtitle = _distretto_chart_create_layout (cr, self->subtitle, 12.0, FALSE);

      pango_layout_set_width (subtitle, (width - 2 * DISTRETTO_CHART_MARGIN) * PANGO_SCALE);
      pango_layout_set_ellipsize (subtitle, PANGO_ELLIPSIZE_END);
      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, subtitle, DISTRETTO_CHART_MARGIN, y);
    }

  return y;
}

void
_distretto_chart_draw_source (DistrettoChart              *self,
                              cairo_t                     *cr,
                              const DistrettoChartPalette *palette,
                              double                       width,
                              double                       height)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (self->source == NULL)
    return;

  layout = _distretto_chart_create_layout (cr, self->source, 11.0, FALSE);
  pango_layout_set_width (layout, (width - 2 * DISTRETTO_CHART_MARGIN) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  _distretto_chart_set_color (cr, &palette->muted);
  _distretto_chart_show_layout (cr, layout, DISTRETTO_CHART_MARGIN, height - DISTRETTO_CHART_MARGIN - _distretto_chart_layout_height (layout));
}

double
_distretto_chart_text_width (cairo_t    *cr,
                             const char *text,
                             double      size,
                             gboolean    bold)
{
  g_autoptr(PangoLayout) layout = _distretto_chart_create_layout (cr, text, size, bold);

  return _distretto_chart_layout_width (layout);
}

double
_distretto_chart_text_height (cairo_t    *cr,
                              const char *text,
                              double      size)
{
  g_autoptr(PangoLayout) layout = _distretto_chart_create_layout (cr, text, size, FALSE);

  return _distretto_chart_layout_height (layout);
}

/* Lines and profiles take the palette's colours in order, the reference
 * aside in its own colour. */
const DistrettoChartColor *
_distretto_chart_line_color (DistrettoChart              *self,
                             const DistrettoChartPalette *palette,
                             guint                        index)
{
  guint position = index;

  if ((int) index == self->reference_line)
    return &palette->reference;
  if (self->reference_line >= 0 && (int) index > self->reference_line)
    position--;

  return &palette->lines[position % DISTRETTO_CHART_N_LINE_COLORS];
}

/* A line 2 wide, 4 when emphasised; the reference dashed. */
void
_distretto_chart_set_line_style (DistrettoChart *self,
                                 cairo_t        *cr,
                                 guint           index,
                                 gboolean        emphasised)
{
  const double dashes[] = { 6.0, 4.0 };

  cairo_set_line_width (cr, emphasised ? 4.0 : 2.0);
  if ((int) index == self->reference_line)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static PangoLayout *
create_notes_layout (DistrettoChart *self,
                     cairo_t        *cr,
                     double          width)
{
  PangoLayout *layout = _distretto_chart_create_layout (cr, self->notes, 10.5, FALSE);

  pango_layout_set_width (layout, (width - 2 * DISTRETTO_CHART_MARGIN) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

/* The strip the notes take at the bottom, below everything else. */
double
_distretto_chart_notes_height (DistrettoChart *self,
                               cairo_t        *cr,
                               double          width)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (self->notes == NULL || *self->notes == '\0')
    return 0.0;

  layout = create_notes_layout (self, cr, width);
  return ceil (_distretto_chart_layout_height (layout)) + 6;
}

void
_distretto_chart_draw_notes (DistrettoChart              *self,
                             cairo_t                     *cr,
                             const DistrettoChartPalette *palette,
                             double                       width,
                             double                       height)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (self->notes == NULL || *self->notes == '\0')
    return;

  layout = create_notes_layout (self, cr, width);
  _distretto_chart_set_color (cr, &palette->muted);
  _distretto_chart_show_layout (cr, layout, DISTRETTO_CHART_MARGIN,
                                height - DISTRETTO_CHART_MARGIN - _distretto_chart_layout_height (layout));
}

/* The header's bottom edge: title and subtitle, measured, not drawn. */
double
_distretto_chart_header_bottom (DistrettoChart *self,
                                cairo_t        *cr)
{
  g_autoptr(PangoLayout) title = _distretto_chart_create_layout (cr, self->title, 18.0, TRUE);
  double y = DISTRETTO_CHART_MARGIN + _distretto_chart_layout_height (title) + 2;

  if (self->subtitle != NULL)
    {
      g_autoptr(PangoLayout) subtitle = _distretto_chart_create_layout (cr, self->subtitle, 12.0, FALSE);
      y += _distretto_chart_layout_height (subtitle);
    }

  return MAX (y + 12, DISTRETTO_CHART_MARGIN + DISTRETTO_CHART_HEADER_HEIGHT - 12);
}

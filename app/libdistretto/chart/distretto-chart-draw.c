/* distretto-chart-draw.c: drawing helpers shared by the chart renderers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

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

/* A layout, and the context it was laid out for: Pango 1.50 lays a
 * layout out again whenever it is set to a context, even the same. */
typedef struct
{
  PangoLayout *layout;
  double size;
  gboolean bold;
  cairo_matrix_t matrix;
  cairo_font_options_t *surface_options;
  cairo_font_options_t *options;
} KeptLayout;

static void
kept_layout_free (gpointer data)
{
  KeptLayout *kept = data;

  g_object_unref (kept->layout);
  cairo_font_options_destroy (kept->surface_options);
  cairo_font_options_destroy (kept->options);
  g_free (kept);
}

/* Notes what Pango lays text out by on @cr; TRUE if it changed. */
static gboolean
note_context (KeptLayout *kept,
              cairo_t    *cr)
{
  cairo_font_options_t *surface_options = cairo_font_options_create ();
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_matrix_t matrix;
  gboolean same;

  cairo_surface_get_font_options (cairo_get_target (cr), surface_options);
  cairo_get_font_options (cr, options);
  cairo_get_matrix (cr, &matrix);
  same = kept->options != NULL && memcmp (&matrix, &kept->matrix, sizeof matrix) == 0 &&
         cairo_font_options_equal (surface_options, kept->surface_options) &&
         cairo_font_options_equal (options, kept->options);

  kept->matrix = matrix;
  g_clear_pointer (&kept->surface_options, cairo_font_options_destroy);
  g_clear_pointer (&kept->options, cairo_font_options_destroy);
  kept->surface_options = surface_options;
  kept->options = options;

  return !same;
}

/* A layout of @text kept on the chart under @name for the next drawings,
 * until the chart changes; owned by the chart. Set to @cr, it keeps its
 * lines while @cr's font options and matrix stay those it had: a redraw
 * does not lay the same text out again. Its width, ellipsizing and the
 * like stay as the last caller set them. */
PangoLayout *
_distretto_chart_keep_layout (DistrettoChart *self,
                              cairo_t        *cr,
                              const char     *name,
                              const char     *text,
                              double          size,
                              gboolean        bold)
{
  KeptLayout *kept;

  if (self->kept_layouts == NULL)
    self->kept_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, kept_layout_free);

  kept = g_hash_table_lookup (self->kept_layouts, name);
  if (kept != NULL && kept->size == size && kept->bold == bold &&
      g_strcmp0 (pango_layout_get_text (kept->layout), text) == 0)
    {
      if (note_context (kept, cr))
        pango_cairo_update_layout (cr, kept->layout);
      return kept->layout;
    }

  kept = g_new0 (KeptLayout, 1);
  kept->layout = _distretto_chart_create_layout (cr, text, size, bold);
  kept->size = size;
  kept->bold = bold;
  note_context (kept, cr);
  g_hash_table_replace (self->kept_layouts, g_strdup (name), kept);

  return kept->layout;
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

/* The mark of a chart of synthetic data, in the top right corner: a tag
 * no source line or note can take away. Returns its width. */
static double
draw_synthetic_mark (DistrettoChart              *self,
                     cairo_t                     *cr,
                     const DistrettoChartPalette *palette,
                     double                       width)
{
  /* TRANSLATORS: the tag in the corner of every chart and page made from the demo dataset */
  PangoLayout *tag = _distretto_chart_keep_layout (self, cr, "synthetic", _("SYNTHETIC DEMO DATA"), 11.0, TRUE);
  double tag_width = _distretto_chart_layout_width (tag) + 12;
  double tag_height = _distretto_chart_layout_height (tag) + 4;
  double x = width - DISTRETTO_CHART_MARGIN - tag_width;

  /* Okabe–Ito vermillion: the colour of warnings in every style. */
  _distretto_chart_set_color (cr, &palette->categories[3]);
  cairo_rectangle (cr, x, DISTRETTO_CHART_MARGIN, tag_width, tag_height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  _distretto_chart_show_layout (cr, tag, x + 6, DISTRETTO_CHART_MARGIN + 2);

  return tag_width + 12;
}

/* Draws title and subtitle; returns the subtitle line's top. */
double
_distretto_chart_draw_header (DistrettoChart              *self,
                              cairo_t                     *cr,
                              const DistrettoChartPalette *palette,
                              double                       width)
{
  PangoLayout *title = _distretto_chart_keep_layout (self, cr, "title", self->title, 18.0, TRUE);
  double y = DISTRETTO_CHART_MARGIN;
  double mark = self->synthetic ? draw_synthetic_mark (self, cr, palette, width) : 0.0;

  pango_layout_set_width (title, MAX (1, width - 2 * DISTRETTO_CHART_MARGIN - mark) * PANGO_SCALE);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  _distretto_chart_set_color (cr, &palette->foreground);
  _distretto_chart_show_layout (cr, title, DISTRETTO_CHART_MARGIN, y);
  y += _distretto_chart_layout_height (title) + 2;

  if (self->subtitle != NULL)
    {
      PangoLayout *subtitle = _distretto_chart_keep_layout (self, cr, "subtitle", self->subtitle, 12.0, FALSE);

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
  PangoLayout *layout;

  if (self->source == NULL)
    return;

  layout = _distretto_chart_keep_layout (self, cr, "source", self->source, 11.0, FALSE);
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
notes_layout (DistrettoChart *self,
              cairo_t        *cr,
              double          width)
{
  PangoLayout *layout = _distretto_chart_keep_layout (self, cr, "notes", self->notes, 10.5, FALSE);

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
  PangoLayout *layout;

  if (self->notes == NULL || *self->notes == '\0')
    return 0.0;

  layout = notes_layout (self, cr, width);
  return ceil (_distretto_chart_layout_height (layout)) + 6;
}

void
_distretto_chart_draw_notes (DistrettoChart              *self,
                             cairo_t                     *cr,
                             const DistrettoChartPalette *palette,
                             double                       width,
                             double                       height)
{
  PangoLayout *layout;

  if (self->notes == NULL || *self->notes == '\0')
    return;

  layout = notes_layout (self, cr, width);
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

/* "Name (CODE)", or the code alone when the chart knows no other name. */
char *
_distretto_chart_region_title (const char *label,
                               const char *code)
{
  if (label == NULL || label[0] == '\0' || g_strcmp0 (label, code) == 0)
    return g_strdup (code);

  /* TRANSLATORS: a region in a tooltip: its name and its code */
  return g_strdup_printf (_("%s (%s)"), label, code);
}

/* A vertical grid line from @top to @bottom at @x, its value under it. */
void
_distretto_chart_draw_x_tick (cairo_t                     *cr,
                              const DistrettoChartPalette *palette,
                              double                       x,
                              double                       top,
                              double                       bottom,
                              const char                  *text)
{
  g_autoptr(PangoLayout) tick = _distretto_chart_create_layout (cr, text, 11.0, FALSE);

  _distretto_chart_set_color (cr, &palette->grid);
  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x, bottom);
  cairo_stroke (cr);

  _distretto_chart_set_color (cr, &palette->muted);
  _distretto_chart_show_layout (cr, tick, x - _distretto_chart_layout_width (tick) / 2.0, bottom + 4);
}

/* The unit of a horizontal axis, centred under the plot. */
void
_distretto_chart_draw_x_title (cairo_t                     *cr,
                               const DistrettoChartPalette *palette,
                               const char                  *unit,
                               double                       left,
                               double                       right,
                               double                       bottom)
{
  g_autoptr(PangoLayout) layout = _distretto_chart_create_layout (cr, unit, 12.0, FALSE);

  _distretto_chart_set_color (cr, &palette->foreground);
  _distretto_chart_show_layout (cr, layout, (left + right - _distretto_chart_layout_width (layout)) / 2.0, bottom + 20);
}

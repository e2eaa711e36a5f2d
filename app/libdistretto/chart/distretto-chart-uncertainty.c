/* distretto-chart-uncertainty.c: regions by nominal rank, their median
 * rank and the 5–95% interval of their rank
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-chart-private.h"

#define LABEL_GAP    8.0
#define MIN_TEXT_ROW 9.0

typedef struct
{
  DistrettoChartAxis axis;
  double top;
  double plot_left;
  double plot_right;
  double plot_bottom;
  double row;
  double scale;
  double label_width;
  gboolean show_text;
  double width;
} UncertaintyLayout;

static double
x_of (const UncertaintyLayout *layout,
      double                   rank)
{
  return layout->plot_left + (rank - layout->axis.first) * layout->scale;
}

static const char *
layout_uncertainty (DistrettoChart *self,
                    cairo_t        *cr,
                    double          width,
                    double          height,
                    gpointer        data)
{
  UncertaintyLayout *layout = data;
  g_autoptr(PangoLayout) label = NULL;
  double hi = 1.0, label_width = 0.0;

  if (self->bars->len == 0)
    return _("No data");

  label = _distretto_chart_create_layout (cr, "", 12.0, FALSE);
  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);
      g_autofree char *text = g_strdup_printf ("%u. %s", bar->rank, bar->label);

      pango_layout_set_text (label, text, -1);
      label_width = MAX (label_width, _distretto_chart_layout_width (label));
      hi = MAX (hi, bar->rank);
      if (isfinite (bar->upper))
        hi = MAX (hi, bar->upper);
      if (isfinite (bar->value))
        hi = MAX (hi, bar->value);
    }

  layout->width = width;
  layout->axis = _distretto_chart_nice_axis (1.0, hi);
  layout->axis.first = 1.0;
  layout->top = _distretto_chart_header_bottom (self, cr);
  layout->plot_bottom = height - DISTRETTO_CHART_MARGIN - DISTRETTO_CHART_FOOTER_HEIGHT + 12;
  layout->row = (layout->plot_bottom - layout->top) / self->bars->len;
  layout->show_text = layout->row >= MIN_TEXT_ROW;
  layout->label_width = layout->show_text ? MIN (label_width, 0.35 * width) : 0.0;
  layout->plot_left = DISTRETTO_CHART_MARGIN + layout->label_width + LABEL_GAP;
  layout->plot_right = width - DISTRETTO_CHART_MARGIN;

  if (layout->plot_right - layout->plot_left < 20 || layout->plot_bottom - layout->top < self->bars->len)
    return _("Too small to draw");

  layout->scale = (layout->plot_right - layout->plot_left) / MAX (layout->axis.last - layout->axis.first, 1.0);
  return NULL;
}

static void
draw_diamond (cairo_t *cr,
              double   x,
              double   y,
              double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

/* The categories' colours, right-aligned on the subtitle's line; the
 * notes explain the marks. */
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
      g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, g_ptr_array_index (self->categories, i),
                                                                     11.0, FALSE);

      x -= _distretto_chart_layout_width (label);
      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, label, x, y);
      x -= 12;
      _distretto_chart_set_color (cr, &palette->categories[i]);
      cairo_arc (cr, x + 4, y + 8, 4, 0, 2 * G_PI);
      cairo_fill (cr);
      x -= 12;
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
  UncertaintyLayout layout;
  const char *problem = layout_uncertainty (self, cr, width, height, &layout);
  const DistrettoChartAxis *axis = &layout.axis;

  if (problem != NULL)
    {
      _distretto_chart_draw_message (cr, palette, problem, width, height);
      return;
    }

  /* Grid and tick labels: rank 1 on the left, then every step. */
  cairo_set_line_width (cr, 1.0);
  for (int t = 0; t == 0 || t * axis->step <= axis->last + axis->step * 1e-6; t++)
    {
      double v = t == 0 ? 1.0 : t * axis->step;
      double x = round (x_of (&layout, v)) + 0.5;
      g_autofree char *text = NULL;

      if (t > 0 && v <= 1.0)
        continue;

      text = _distretto_chart_format_number (v, 0);
      _distretto_chart_draw_x_tick (cr, palette, x, layout.top, layout.plot_bottom, text);
    }

  if (self->unit != NULL)
    _distretto_chart_draw_x_title (cr, palette, self->unit, layout.plot_left, layout.plot_right, layout.plot_bottom);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);
      gboolean emphasised = _distretto_chart_is_emphasised (options, bar->code);
      double y = layout.top + i * layout.row, middle = round (y + layout.row / 2.0) + 0.5;
      double radius = CLAMP (layout.row * 0.3, 1.5, 4.5);

      if (g_strcmp0 (bar->code, options->highlighted) == 0)
        {
          _distretto_chart_set_color (cr, &palette->grid);
          cairo_rectangle (cr, DISTRETTO_CHART_MARGIN, y, width - 2 * DISTRETTO_CHART_MARGIN, layout.row);
          cairo_fill (cr);
        }

      /* The interval, with caps when rows are tall enough. */
      _distretto_chart_set_color (cr, &palette->foreground);
      cairo_set_line_width (cr, emphasised ? 2.0 : 1.0);
      if (isfinite (bar->lower) && isfinite (bar->upper))
        {
          double cap = MIN (layout.row * 0.3, 4.0);

          cairo_move_to (cr, x_of (&layout, bar->lower), middle);
          cairo_line_to (cr, x_of (&layout, bar->upper), middle);
          if (cap >= 1.5)
            {
              cairo_move_to (cr, x_of (&layout, bar->lower), middle - cap);
              cairo_line_to (cr, x_of (&layout, bar->lower), middle + cap);
              cairo_move_to (cr, x_of (&layout, bar->upper), middle - cap);
              cairo_line_to (cr, x_of (&layout, bar->upper), middle + cap);
            }
          cairo_stroke (cr);
        }

      /* The nominal rank: an open diamond. */
      cairo_set_line_width (cr, 1.0);
      draw_diamond (cr, x_of (&layout, bar->rank), middle, radius + 1.0);
      cairo_stroke (cr);

      /* The median: a dot in the region's group's colour. */
      if (isfinite (bar->value))
        {
          _distretto_chart_set_color (cr, bar->category >= 0 && (guint) bar->category < self->categories->len
                                            ? &palette->categories[bar->category] : &palette->bar);
          cairo_arc (cr, x_of (&layout, bar->value), middle, radius, 0, 2 * G_PI);
          cairo_fill_preserve (cr);
          if (emphasised)
            {
              _distretto_chart_set_color (cr, &palette->foreground);
              cairo_stroke (cr);
            }
          cairo_new_path (cr);
        }

      if (layout.show_text)
        {
          double size = MIN (12.0, layout.row * 0.8);
          g_autofree char *text = g_strdup_printf ("%u. %s", bar->rank, bar->label);
          g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, text, size,
                                                                         g_strcmp0 (bar->code, options->selected) == 0);

          pango_layout_set_width (label, layout.label_width * PANGO_SCALE);
          pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
          pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
          _distretto_chart_set_color (cr, &palette->foreground);
          _distretto_chart_show_layout (cr, label, DISTRETTO_CHART_MARGIN,
                                        y + (layout.row - _distretto_chart_layout_height (label)) / 2.0);
        }
    }

  draw_legend (self, cr, palette, width, _distretto_chart_subtitle_top (self, cr));
}

static double
natural_height (DistrettoChart *self)
{
  return DISTRETTO_CHART_HEADER_HEIGHT + DISTRETTO_CHART_FOOTER_HEIGHT
         + MAX (self->bars->len, 4) * DISTRETTO_CHART_ROW_HEIGHT;
}

static gboolean
hit_test (DistrettoChart *self,
          gconstpointer   data,
          double          x,
          double          y,
          guint          *index,
          int            *axis)
{
  const UncertaintyLayout *layout = data;
  guint row;

  if (y < layout->top || y >= layout->plot_bottom ||
      x < DISTRETTO_CHART_MARGIN || x > layout->width - DISTRETTO_CHART_MARGIN)
    return FALSE;

  row = (guint) ((y - layout->top) / layout->row);
  if (row >= self->bars->len)
    return FALSE;

  *index = row;
  return TRUE;
}

static char *
describe (DistrettoChart  *self,
          guint            index,
          int              axis,
          const char     **code)
{
  const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, index);
  g_autofree char *title = _distretto_chart_region_title (bar->label, bar->code);
  g_autofree char *median = _distretto_chart_format_number (bar->value, 1);
  g_autofree char *lower = _distretto_chart_format_number (bar->lower, 1);
  g_autofree char *upper = _distretto_chart_format_number (bar->upper, 1);
  g_autoptr(GString) text = g_string_new (NULL);

  *code = bar->code;
  /* TRANSLATORS: an uncertainty chart's tooltip: nominal rank, region (name and code), median rank, 5th and 95th percentiles */
  g_string_append_printf (text, _("%u. %s: median rank %s, 5–95%%: %s to %s"), bar->rank, title, median, lower, upper);
  _distretto_chart_describe_bar_extras (self, bar, text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
dup_table (DistrettoChart *self)
{
  g_autoptr(GString) out = g_string_new ("rank,region,name,median_rank,lower,upper,category");
  gboolean with_flags = FALSE, with_shares = FALSE;

  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);

      with_flags |= bar->flags != DISTRETTO_FLAGS_NONE || bar->note != NULL;
      with_shares |= !isnan (bar->shares[0]);
    }
  _distretto_chart_append_bar_extras (self, out, with_flags, with_shares);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%u,", bar->rank);
      _distretto_chart_append_csv_field (out, bar->code);
      g_string_append_c (out, ',');
      _distretto_chart_append_csv_field (out, bar->label);
      g_string_append_printf (out, ",%s", g_ascii_dtostr (number, sizeof number, bar->value));
      g_string_append_printf (out, ",%s", g_ascii_dtostr (number, sizeof number, bar->lower));
      g_string_append_printf (out, ",%s,", g_ascii_dtostr (number, sizeof number, bar->upper));
      if (bar->category >= 0 && (guint) bar->category < self->categories->len)
        _distretto_chart_append_csv_field (out, g_ptr_array_index (self->categories, bar->category));
      _distretto_chart_append_bar_extra_fields (self, out, bar, with_flags, with_shares);
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

const DistrettoChartKindClass _distretto_chart_uncertainty_class = {
  .natural_height = natural_height,
  .render = render,
  .layout_size = sizeof (UncertaintyLayout),
  .layout = layout_uncertainty,
  .hit_test = hit_test,
  .describe = describe,
  .dup_table = dup_table,
};

/* distretto-chart-sensitivity.c: which assumption drives the uncertainty
 * (Sobol indices), and what each sub-indicator weighs (remove one)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-chart-private.h"

#define LABEL_GAP     8.0
#define SECTION_TITLE 22.0
#define AXIS_LABELS   18.0

/* One of the two panels: its rows and its value axis. */
typedef struct
{
  double top;
  double bottom;          /* of the rows; the tick labels go below */
  double row;
  DistrettoChartAxis axis;
  double scale;
  guint n_rows;
} Panel;

typedef struct
{
  double width;
  double label_width;
  double plot_left;
  double plot_right;
  Panel sobol;
  Panel removed;
} SensitivityLayout;

static double
x_of (const SensitivityLayout *layout,
      const Panel             *panel,
      double                   v)
{
  return layout->plot_left + (v - panel->axis.first) * panel->scale;
}

static double
value_width (const char *label,
             cairo_t    *cr)
{
  return _distretto_chart_text_width (cr, label, 12.0, FALSE);
}

static const char *
layout_sensitivity (DistrettoChart *self,
                    cairo_t        *cr,
                    double          width,
                    double          height,
                    gpointer        data)
{
  SensitivityLayout *layout = data;
  double top = _distretto_chart_header_bottom (self, cr);
  double bottom = height - DISTRETTO_CHART_MARGIN - DISTRETTO_CHART_FOOTER_HEIGHT + 12;
  double label_width = 0.0, sobol_hi = 1.0, removed_hi = 1.0, units, unit;
  guint n_sobol = self->indices->len, n_removed = self->bars->len;

  if (n_sobol == 0 && n_removed == 0)
    return _("No data");

  for (guint i = 0; i < n_sobol; i++)
    {
      const DistrettoChartIndex *index = &g_array_index (self->indices, DistrettoChartIndex, i);

      label_width = MAX (label_width, value_width (index->label, cr));
      if (isfinite (index->first_order))
        sobol_hi = MAX (sobol_hi, index->first_order);
      if (isfinite (index->total_order))
        sobol_hi = MAX (sobol_hi, index->total_order);
    }
  for (guint i = 0; i < n_removed; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);

      label_width = MAX (label_width, value_width (bar->label, cr));
      removed_hi = MAX (removed_hi, isfinite (bar->upper) ? bar->upper : bar->value);
    }

  layout->width = width;
  layout->label_width = MIN (label_width, 0.35 * width);
  layout->plot_left = DISTRETTO_CHART_MARGIN + layout->label_width + LABEL_GAP;
  layout->plot_right = width - DISTRETTO_CHART_MARGIN;

  /* An assumption's row (two bars) is worth two of a sub-indicator's. */
  units = 2.0 * n_sobol + n_removed;
  unit = (bottom - top - (n_sobol > 0 ? SECTION_TITLE + AXIS_LABELS : 0)
          - (n_removed > 0 ? SECTION_TITLE : 0) - (n_sobol > 0 && n_removed > 0 ? AXIS_LABELS : 0)) / units;
  if (layout->plot_right - layout->plot_left < 40 || unit < 3.0)
    return _("Too small to draw");

  layout->sobol.n_rows = n_sobol;
  layout->sobol.top = top + (n_sobol > 0 ? SECTION_TITLE : 0);
  layout->sobol.row = 2.0 * unit;
  layout->sobol.bottom = layout->sobol.top + n_sobol * layout->sobol.row;
  layout->sobol.axis = _distretto_chart_nice_axis (0.0, sobol_hi);
  layout->sobol.scale = (layout->plot_right - layout->plot_left) / (layout->sobol.axis.last - layout->sobol.axis.first);

  layout->removed.n_rows = n_removed;
  layout->removed.top = (n_sobol > 0 ? layout->sobol.bottom + AXIS_LABELS : top) + (n_removed > 0 ? SECTION_TITLE : 0);
  layout->removed.row = unit;
  layout->removed.bottom = layout->removed.top + n_removed * unit;
  layout->removed.axis = _distretto_chart_nice_axis (0.0, removed_hi);
  layout->removed.scale = (layout->plot_right - layout->plot_left)
                          / (layout->removed.axis.last - layout->removed.axis.first);

  return NULL;
}

static void
draw_axis (const SensitivityLayout     *layout,
           const Panel                 *panel,
           cairo_t                     *cr,
           const DistrettoChartPalette *palette)
{
  const DistrettoChartAxis *axis = &panel->axis;

  cairo_set_line_width (cr, 1.0);
  for (int t = 0; axis->first + t * axis->step <= axis->last + axis->step * 1e-6; t++)
    {
      double v = axis->first + t * axis->step;
      double x = round (x_of (layout, panel, v)) + 0.5;
      g_autofree char *text = _distretto_chart_format_number (v, axis->decimals);
      g_autoptr(PangoLayout) tick = _distretto_chart_create_layout (cr, text, 11.0, FALSE);

      _distretto_chart_set_color (cr, &palette->grid);
      cairo_move_to (cr, x, panel->top);
      cairo_line_to (cr, x, panel->bottom);
      cairo_stroke (cr);
      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, tick, x - _distretto_chart_layout_width (tick) / 2.0, panel->bottom + 2);
    }
}

static void
draw_section_title (const SensitivityLayout     *layout,
                    const Panel                 *panel,
                    cairo_t                     *cr,
                    const DistrettoChartPalette *palette,
                    const char                  *title)
{
  g_autoptr(PangoLayout) text = _distretto_chart_create_layout (cr, title, 12.0, TRUE);

  _distretto_chart_set_color (cr, &palette->foreground);
  _distretto_chart_show_layout (cr, text, DISTRETTO_CHART_MARGIN, panel->top - SECTION_TITLE + 2);
}

/* Labels of both panels in one size, fitting a sub-indicator's row. */
static void
draw_label (const SensitivityLayout     *layout,
            cairo_t                     *cr,
            const DistrettoChartPalette *palette,
            const char                  *text,
            double                       y,
            double                       row,
            gboolean                     bold)
{
  g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, text, CLAMP (layout->removed.row, 6.0, 12.0),
                                                                 bold);

  pango_layout_set_width (label, layout->label_width * PANGO_SCALE);
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
  _distretto_chart_set_color (cr, &palette->foreground);
  _distretto_chart_show_layout (cr, label, DISTRETTO_CHART_MARGIN, y + (row - _distretto_chart_layout_height (label)) / 2.0);
}

/* The two series' colours and names, right-aligned on the subtitle's line. */
static void
draw_legend (DistrettoChart              *self,
             cairo_t                     *cr,
             const DistrettoChartPalette *palette,
             double                       width,
             double                       y)
{
  const char *names[] = { _("first order"), _("total") };
  double x = width - DISTRETTO_CHART_MARGIN;

  if (self->indices->len == 0)
    return;

  for (int i = 1; i >= 0; i--)
    {
      g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, names[i], 11.0, FALSE);

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
draw_bar (const SensitivityLayout     *layout,
          const Panel                 *panel,
          cairo_t                     *cr,
          const DistrettoChartColor   *color,
          double                       value,
          double                       y,
          double                       height)
{
  double x0 = x_of (layout, panel, 0.0), x1;

  if (!isfinite (value))
    return;

  x1 = x_of (layout, panel, CLAMP (value, panel->axis.first, panel->axis.last));
  _distretto_chart_set_color (cr, color);
  cairo_rectangle (cr, MIN (x0, x1), y, fabs (x1 - x0), height);
  cairo_fill (cr);
}

static void
render (DistrettoChart                    *self,
        cairo_t                           *cr,
        const DistrettoChartPalette       *palette,
        const DistrettoChartRenderOptions *options,
        double                             width,
        double                             height)
{
  SensitivityLayout layout;
  const char *problem = layout_sensitivity (self, cr, width, height, &layout);

  if (problem != NULL)
    {
      _distretto_chart_draw_message (cr, palette, problem, width, height);
      return;
    }

  if (layout.sobol.n_rows > 0)
    {
      const Panel *panel = &layout.sobol;

      draw_section_title (&layout, panel, cr, palette, _("Share of the variance of ranks (Sobol indices)"));
      draw_axis (&layout, panel, cr, palette);
      for (guint i = 0; i < panel->n_rows; i++)
        {
          const DistrettoChartIndex *index = &g_array_index (self->indices, DistrettoChartIndex, i);
          double y = panel->top + i * panel->row, bar = panel->row * 0.36;

          if (g_strcmp0 (index->code, options->highlighted) == 0)
            {
              _distretto_chart_set_color (cr, &palette->grid);
              cairo_rectangle (cr, DISTRETTO_CHART_MARGIN, y, width - 2 * DISTRETTO_CHART_MARGIN, panel->row);
              cairo_fill (cr);
            }
          draw_bar (&layout, panel, cr, &palette->categories[0], index->first_order, y + panel->row * 0.12, bar);
          draw_bar (&layout, panel, cr, &palette->categories[1], index->total_order, y + panel->row * 0.52, bar);
          draw_label (&layout, cr, palette, index->label, y, panel->row,
                      _distretto_chart_is_emphasised (options, index->code));
        }
    }

  if (layout.removed.n_rows > 0)
    {
      const Panel *panel = &layout.removed;

      draw_section_title (&layout, panel, cr, palette,
                          _("Ranks without one sub-indicator: mean change, and the largest"));
      draw_axis (&layout, panel, cr, palette);
      for (guint i = 0; i < panel->n_rows; i++)
        {
          const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);
          double y = panel->top + i * panel->row, middle = round (y + panel->row / 2.0) + 0.5;

          if (g_strcmp0 (bar->code, options->highlighted) == 0)
            {
              _distretto_chart_set_color (cr, &palette->grid);
              cairo_rectangle (cr, DISTRETTO_CHART_MARGIN, y, width - 2 * DISTRETTO_CHART_MARGIN, panel->row);
              cairo_fill (cr);
            }
          draw_bar (&layout, panel, cr, &palette->bar, bar->value, y + panel->row * 0.18, panel->row * 0.64);
          if (isfinite (bar->upper))
            {
              _distretto_chart_set_color (cr, &palette->foreground);
              cairo_set_line_width (cr, 1.0);
              cairo_move_to (cr, x_of (&layout, panel, bar->value), middle);
              cairo_line_to (cr, x_of (&layout, panel, bar->upper), middle);
              cairo_move_to (cr, round (x_of (&layout, panel, bar->upper)) + 0.5, middle - panel->row * 0.25);
              cairo_line_to (cr, round (x_of (&layout, panel, bar->upper)) + 0.5, middle + panel->row * 0.25);
              cairo_stroke (cr);
            }
          draw_label (&layout, cr, palette, bar->label, y, panel->row,
                      _distretto_chart_is_emphasised (options, bar->code));
        }
    }

  draw_legend (self, cr, palette, width, _distretto_chart_subtitle_top (self, cr));
}

static double
natural_height (DistrettoChart *self)
{
  return DISTRETTO_CHART_HEADER_HEIGHT + DISTRETTO_CHART_FOOTER_HEIGHT + DISTRETTO_CHART_SENSITIVITY_GAP
         + (2.0 * self->indices->len + self->bars->len) * DISTRETTO_CHART_ROW_HEIGHT * 1.2;
}

static gboolean
hit_test (DistrettoChart *self,
          gconstpointer   data,
          double          x,
          double          y,
          guint          *index,
          int            *axis)
{
  const SensitivityLayout *layout = data;

  if (x < DISTRETTO_CHART_MARGIN || x > layout->width - DISTRETTO_CHART_MARGIN)
    return FALSE;

  if (layout->sobol.n_rows > 0 && y >= layout->sobol.top && y < layout->sobol.bottom)
    {
      *index = MIN ((guint) ((y - layout->sobol.top) / layout->sobol.row), layout->sobol.n_rows - 1);
      return TRUE;
    }
  if (layout->removed.n_rows > 0 && y >= layout->removed.top && y < layout->removed.bottom)
    {
      *index = self->indices->len + MIN ((guint) ((y - layout->removed.top) / layout->removed.row),
                                         layout->removed.n_rows - 1);
      return TRUE;
    }

  return FALSE;
}

static char *
describe (DistrettoChart  *self,
          guint            index,
          int              axis,
          const char     **code)
{
  if (index < self->indices->len)
    {
      const DistrettoChartIndex *i = &g_array_index (self->indices, DistrettoChartIndex, index);
      g_autofree char *first = _distretto_chart_format_number (i->first_order, 2);
      g_autofree char *total = _distretto_chart_format_number (i->total_order, 2);

      *code = i->code;
      /* TRANSLATORS: a sensitivity chart's tooltip: an assumption, its first-order and total Sobol indices */
      return g_strdup_printf (_("%s: first-order index %s, total index %s"), i->label, first, total);
    }
  else
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, index - self->indices->len);
      g_autofree char *mean = _distretto_chart_format_number (bar->value, 1);
      g_autofree char *most = _distretto_chart_format_number (bar->upper, 0);

      *code = bar->code;
      /* TRANSLATORS: a sensitivity chart's tooltip: a sub-indicator, the mean and the largest change of rank without it */
      return g_strdup_printf (_("Without %s: ranks move %s places on average, %s at most"), bar->label, mean, most);
    }
}

static char *
dup_table (DistrettoChart *self)
{
  g_autoptr(GString) out = g_string_new ("part,id,name,first_order,total_order,mean_rank_change,max_rank_change\n");
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < self->indices->len; i++)
    {
      const DistrettoChartIndex *index = &g_array_index (self->indices, DistrettoChartIndex, i);

      g_string_append (out, "sobol,");
      _distretto_chart_append_csv_field (out, index->code);
      g_string_append_c (out, ',');
      _distretto_chart_append_csv_field (out, index->label);
      g_string_append_printf (out, ",%s", g_ascii_dtostr (number, sizeof number, index->first_order));
      g_string_append_printf (out, ",%s,,\n", g_ascii_dtostr (number, sizeof number, index->total_order));
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);

      g_string_append (out, "remove-one,");
      _distretto_chart_append_csv_field (out, bar->code);
      g_string_append_c (out, ',');
      _distretto_chart_append_csv_field (out, bar->label);
      g_string_append_printf (out, ",,,%s", g_ascii_dtostr (number, sizeof number, bar->value));
      g_string_append_printf (out, ",%s\n", isfinite (bar->upper) ? g_ascii_dtostr (number, sizeof number, bar->upper)
                                                                  : "");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

const DistrettoChartKindClass _distretto_chart_sensitivity_class = {
  .natural_height = natural_height,
  .render = render,
  .layout_size = sizeof (SensitivityLayout),
  .layout = layout_sensitivity,
  .hit_test = hit_test,
  .describe = describe,
  .dup_table = dup_table,
};

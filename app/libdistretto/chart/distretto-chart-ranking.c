/* distretto-chart-ranking.c: bars of regions sorted by value
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

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
  double text_size;   /* of the names; the values a point smaller */
  double width;
} RankingLayout;

/* Names as large as rows allow: 12 up to rows of 45, then up to 16 on the
 * few tall rows of a slide. */
static double
text_size_for (double row)
{
  return row < 45.0 ? MIN (12.0, row * 0.8) : MIN (16.0, row * 12.0 / 45.0);
}

/* How many ranked regions are left out above bar @index: its rank less
 * the bars above it with a greater value (ties share a rank). */
static guint
n_left_out_above (DistrettoChart *self,
                  guint           index)
{
  const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, index);
  guint first = index;

  while (first > 0 && g_array_index (self->bars, DistrettoChartBar, first - 1).value == bar->value)
    first--;
  return _distretto_chart_bar_rank (self, index) > first + 1 ? _distretto_chart_bar_rank (self, index) - first - 1 : 0;
}

/* Whether some regions are left out: the bars then show their ranks. */
static gboolean
has_ranks (DistrettoChart *self)
{
  for (guint i = 0; i < self->bars->len; i++)
    if (n_left_out_above (self, i) > 0)
      return TRUE;
  return FALSE;
}

/* A bar's label: its name, after its rank when regions are left out. */
static char *
bar_text (DistrettoChart          *self,
          const DistrettoChartBar *bar,
          guint                    index,
          gboolean                 ranked)
{
  if (!ranked)
    return g_strdup (bar->label);

  /* TRANSLATORS: a bar's label in a ranking of some regions: its rank and its name */
  return g_strdup_printf (_("%u. %s"), distretto_chart_get_bar_rank (self, index), bar->label);
}

/* Returns a message to show instead when the bars cannot be laid out. */
static const char *
layout_ranking (DistrettoChart *self,
                cairo_t        *cr,
                double          width,
                double          height,
                gpointer        data)
{
  RankingLayout *layout = data;
  g_autoptr(PangoLayout) label = NULL;
  g_autoptr(PangoLayout) bold = NULL;
  g_autoptr(PangoLayout) value = NULL;
  double lo = 0.0, hi = 0.0;
  double label_width = 0.0, value_width = 0.0;
  gboolean ranked = has_ranks (self);

  if (self->bars->len == 0)
    return _("No data");

  layout->top = _distretto_chart_header_bottom (self, cr);
  layout->plot_bottom = height - DISTRETTO_CHART_MARGIN - DISTRETTO_CHART_FOOTER_HEIGHT + 12;
  layout->row = (layout->plot_bottom - layout->top) / self->bars->len;
  layout->show_text = layout->row >= MIN_TEXT_ROW;
  layout->text_size = text_size_for (layout->row);

  /* Layouts measure every bar's text; highlighted names are bold. */
  label = _distretto_chart_create_layout (cr, "", MAX (12.0, layout->text_size), FALSE);
  bold = _distretto_chart_create_layout (cr, "", MAX (12.0, layout->text_size), TRUE);
  value = _distretto_chart_create_layout (cr, "", MAX (11.0, layout->text_size - 1), FALSE);
  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);
      g_autofree char *text = _distretto_chart_format_number (bar->value, 1);
      g_autofree char *name = bar_text (self, bar, i, ranked);
      PangoLayout *measured = _distretto_chart_is_marked (self, bar->code) ? bold : label;

      pango_layout_set_text (measured, name, -1);
      pango_layout_set_text (value, text, -1);
      lo = MIN (lo, bar->value);
      hi = MAX (hi, bar->value);
      if (!isnan (bar->lower))
        {
          lo = MIN (lo, bar->lower);
          hi = MAX (hi, bar->upper);
        }
      label_width = MAX (label_width, _distretto_chart_layout_width (measured));
      value_width = MAX (value_width, _distretto_chart_layout_width (value));
    }

  if (isfinite (self->reference))
    {
      lo = MIN (lo, self->reference);
      hi = MAX (hi, self->reference);
    }

  if (!isfinite (hi - lo))
    return _("Values too large to draw");

  layout->width = width;
  layout->axis = _distretto_chart_nice_axis (lo, hi);

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

static gboolean
any_estimated (DistrettoChart *self)
{
  for (guint i = 0; i < self->bars->len; i++)
    if (_distretto_chart_is_estimated (g_array_index (self->bars, DistrettoChartBar, i).flags))
      return TRUE;

  return FALSE;
}

/* The categories' colours and names, right-aligned on the subtitle's
 * line, after the hatching when a bar is hatched. */
static void
draw_legend (DistrettoChart              *self,
             cairo_t                     *cr,
             const DistrettoChartPalette *palette,
             double                       width,
             double                       y)
{
  double x = width - DISTRETTO_CHART_MARGIN;

  if (any_estimated (self))
    {
      g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, _("imputed or carried forward"), 11.0, FALSE);

      x -= _distretto_chart_layout_width (label);
      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, label, x, y);
      x -= 14;
      _distretto_chart_set_color (cr, &palette->bar);
      cairo_rectangle (cr, x, y + 3, 10, 10);
      cairo_fill (cr);
      _distretto_chart_draw_hatch (cr, palette, x, y + 3, 10, 10);
      x -= 18;
    }

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
draw_ranking (DistrettoChart                    *self,
              cairo_t                           *cr,
              const DistrettoChartPalette       *palette,
              const DistrettoChartRenderOptions *options,
              double                             width,
              double                             height)
{
  RankingLayout layout;
  const char *problem = layout_ranking (self, cr, width, height, &layout);
  const DistrettoChartAxis *axis = &layout.axis;
  gboolean ranked = has_ranks (self);

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

      _distretto_chart_draw_x_tick (cr, palette, x, layout.top, layout.plot_bottom, text);
    }

  if (self->unit != NULL)
    _distretto_chart_draw_x_title (cr, palette, self->unit, layout.plot_left, layout.plot_right, layout.plot_bottom);

  /* Bars, labels and values. */
  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);
      gboolean marked = _distretto_chart_is_marked (self, bar->code);
      gboolean selected = g_strcmp0 (bar->code, options->selected) == 0 || marked;
      double y = layout.top + i * layout.row;
      double x_end = layout.zero_x + bar->value * layout.scale;

      /* Ranks left out between this bar and the one above. */
      if (ranked && i > 0 && n_left_out_above (self, i) > n_left_out_above (self, i - 1))
        {
          const double dashes[] = { 2.0, 3.0 };

          cairo_save (cr);
          _distretto_chart_set_color (cr, &palette->muted);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          cairo_move_to (cr, DISTRETTO_CHART_MARGIN, round (y) + 0.5);
          cairo_line_to (cr, width - DISTRETTO_CHART_MARGIN, round (y) + 0.5);
          cairo_stroke (cr);
          cairo_restore (cr);
        }

      /* The hovered row and the highlighted ones: a band behind their
       * label and bar. */
      if (marked || g_strcmp0 (bar->code, options->highlighted) == 0)
        {
          _distretto_chart_set_color (cr, &palette->grid);
          cairo_rectangle (cr, DISTRETTO_CHART_MARGIN, y, width - 2 * DISTRETTO_CHART_MARGIN, layout.row);
          cairo_fill (cr);
        }

      _distretto_chart_set_color (cr, bar_color (self, palette, bar));
      cairo_rectangle (cr, MIN (layout.zero_x, x_end), y + (layout.row - layout.bar_height) / 2.0,
                       fabs (x_end - layout.zero_x), layout.bar_height);
      cairo_fill_preserve (cr);
      if (_distretto_chart_is_estimated (bar->flags))
        {
          cairo_new_path (cr);
          _distretto_chart_draw_hatch (cr, palette, MIN (layout.zero_x, x_end),
                                       y + (layout.row - layout.bar_height) / 2.0,
                                       fabs (x_end - layout.zero_x), layout.bar_height);
          cairo_rectangle (cr, MIN (layout.zero_x, x_end), y + (layout.row - layout.bar_height) / 2.0,
                           fabs (x_end - layout.zero_x), layout.bar_height);
        }
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
          double size = layout.text_size;
          g_autofree char *name = bar_text (self, bar, i, ranked);
          g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, name, size, selected);
          g_autofree char *text = _distretto_chart_format_number (bar->value, 1);
          g_autoptr(PangoLayout) value = _distretto_chart_create_layout (cr, text, size > 12.0 ? size - 1 : MIN (11.0, size),
                                                                          FALSE);

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

static double
natural_height (DistrettoChart *self)
{
  return DISTRETTO_CHART_HEADER_HEIGHT + DISTRETTO_CHART_FOOTER_HEIGHT
         + MAX (self->bars->len, 4) * DISTRETTO_CHART_ROW_HEIGHT;
}

/* No bars: a message, and no legend either. */
static void
render (DistrettoChart                    *self,
        cairo_t                           *cr,
        const DistrettoChartPalette       *palette,
        const DistrettoChartRenderOptions *options,
        double                             width,
        double                             height)
{
  if (self->bars->len == 0)
    {
      _distretto_chart_draw_message (cr, palette, _("No data"), width, height);
      return;
    }

  draw_ranking (self, cr, palette, options, width, height);
  draw_legend (self, cr, palette, width, _distretto_chart_subtitle_top (self, cr));
}

/* The whole row of a bar counts, its label included. */
static gboolean
hit_test (DistrettoChart *self,
          gconstpointer   data,
          double          x,
          double          y,
          guint          *index,
          int            *axis)
{
  const RankingLayout *layout = data;
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

/* What a bar's flags, shares and note add to its tooltip. */
void
_distretto_chart_describe_bar_extras (DistrettoChart          *self,
                                      const DistrettoChartBar *bar,
                                      GString                 *text)
{
  g_autofree char *flags = _distretto_chart_describe_flags (bar->flags);
  g_autoptr(GString) shares = g_string_new (NULL);

  for (guint c = 0; c < self->categories->len; c++)
    if (!isnan (bar->shares[c]) && bar->shares[c] > 0.0)
      /* TRANSLATORS: a category's share in a tooltip, e.g. "Strong 64%" */
      g_string_append_printf (shares, _("%s%s %.0f%%"), shares->len > 0 ? ", " : "",
                              (const char *) g_ptr_array_index (self->categories, c), 100.0 * bar->shares[c]);

  if (!isnan (bar->rank_lower) && self->kind != DISTRETTO_CHART_KIND_UNCERTAINTY)
    {
      g_string_append_c (text, '\n');
      /* TRANSLATORS: a tooltip line: the 5th and 95th percentiles of a region's rank and
       * its median when the method varies, e.g. "Rank when the method varies: 3 to 7, median 4" */
      g_string_append_printf (text, _("Rank when the method varies: %.0f to %.0f, median %g"), floor (bar->rank_lower),
                              ceil (bar->rank_upper), bar->rank_median);
    }
  if (shares->len > 0)
    g_string_append_printf (text, "\n%s", shares->str);
  if (flags != NULL)
    g_string_append_printf (text, "\n%s", flags);
  if (bar->note != NULL)
    g_string_append_printf (text, "\n%s", bar->note);
}

static char *
describe (DistrettoChart  *self,
          guint            index,
          int              axis,
          const char     **code)
{
  const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, index);
  g_autofree char *value = _distretto_chart_format_value (bar->value);
  g_autofree char *title = _distretto_chart_region_title (bar->label, bar->code);
  guint rank = _distretto_chart_bar_rank (self, index);
  g_autoptr(GString) text = g_string_new (NULL);

  *code = bar->code;
  if (!isnan (bar->lower))
    {
      g_autofree char *lower = _distretto_chart_format_value (bar->lower);
      g_autofree char *upper = _distretto_chart_format_value (bar->upper);

      /* TRANSLATORS: a ranking's tooltip: rank, region (name and code), value, its interval */
      g_string_append_printf (text, _("%u. %s: %s (%s to %s)"), rank, title, value, lower, upper);
    }
  else
    /* TRANSLATORS: a ranking's tooltip: rank, region (name and code), value */
    g_string_append_printf (text, _("%u. %s: %s"), rank, title, value);

  _distretto_chart_describe_bar_extras (self, bar, text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
dup_table (DistrettoChart *self)
{
  g_autoptr(GString) out = NULL;
  gboolean with_intervals = FALSE, with_flags = FALSE, with_shares = FALSE;

  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);

      with_intervals |= !isnan (bar->lower);
      with_flags |= bar->flags != DISTRETTO_FLAGS_NONE || bar->note != NULL;
      with_shares |= !isnan (bar->shares[0]);
    }

  out = g_string_new (with_intervals ? "rank,region,name,value,category,lower,upper"
                                     : "rank,region,name,value,category");
  _distretto_chart_append_bar_extras (self, out, with_flags, with_shares);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%u,", _distretto_chart_bar_rank (self, i));
      _distretto_chart_append_csv_field (out, bar->code);
      g_string_append_c (out, ',');
      _distretto_chart_append_csv_field (out, bar->label);
      g_string_append_printf (out, ",%s,", g_ascii_dtostr (number, sizeof number, bar->value));
      if (bar->category >= 0 && (guint) bar->category < self->categories->len)
        _distretto_chart_append_csv_field (out, g_ptr_array_index (self->categories, bar->category));
      if (with_intervals && !isnan (bar->lower))
        {
          g_string_append_printf (out, ",%s", g_ascii_dtostr (number, sizeof number, bar->lower));
          g_string_append_printf (out, ",%s", g_ascii_dtostr (number, sizeof number, bar->upper));
        }
      else if (with_intervals)
        g_string_append (out, ",,");
      _distretto_chart_append_bar_extra_fields (self, out, bar, with_flags, with_shares);
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

const DistrettoChartKindClass _distretto_chart_ranking_class = {
  .natural_height = natural_height,
  .render = render,
  .layout_size = sizeof (RankingLayout),
  .layout = layout_ranking,
  .hit_test = hit_test,
  .describe = describe,
  .dup_table = dup_table,
};

/* test-chart.c: the ranking chart, checked on its pixels and files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "distretto-test-utils.h"
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#define WIDTH  800
#define HEIGHT 400

static cairo_surface_t *
render (DistrettoChart      *chart,
        DistrettoChartStyle  style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  distretto_chart_render (chart, cr, WIDTH, HEIGHT, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (data + y * stride))[x] & 0xFFFFFF;
}

static guint32
palette_bar (DistrettoChartStyle style)
{
  const DistrettoChartColor *c = &distretto_chart_style_get_palette (style)->bar;

  return ((guint32) lround (c->red * 255) << 16) | ((guint32) lround (c->green * 255) << 8) | (guint32) lround (c->blue * 255);
}

/* The length of the longest run of bar-coloured pixels on each row. */
static GArray *
bar_runs (cairo_surface_t *surface,
          guint32          colour)
{
  GArray *runs = g_array_new (FALSE, TRUE, sizeof (int));

  g_array_set_size (runs, HEIGHT);
  for (int y = 0; y < HEIGHT; y++)
    {
      int run = 0, best = 0;

      for (int x = 0; x < WIDTH; x++)
        {
          run = pixel (surface, x, y) == colour ? run + 1 : 0;
          best = MAX (best, run);
        }
      g_array_index (runs, int, y) = best;
    }

  return runs;
}

typedef struct { int top, bottom, length; } Band;

/* Groups consecutive rows that hold a bar into bands, top to bottom. */
static GArray *
bar_bands (GArray *runs)
{
  GArray *bands = g_array_new (FALSE, FALSE, sizeof (Band));

  for (int y = 0; y < (int) runs->len; y++)
    {
      int length = g_array_index (runs, int, y);

      if (length < 3)
        continue;
      if (bands->len > 0 && g_array_index (bands, Band, bands->len - 1).bottom == y - 1)
        {
          Band *band = &g_array_index (bands, Band, bands->len - 1);

          band->bottom = y;
          band->length = MAX (band->length, length);
        }
      else
        {
          Band band = { y, y, length };
          g_array_append_val (bands, band);
        }
    }

  return bands;
}

static DistrettoChart *
three_bar_chart (void)
{
  DistrettoChart *chart = distretto_chart_new_ranking ("Test ranking");

  distretto_chart_set_subtitle (chart, "NUTS 2 regions, 2023");
  distretto_chart_set_unit (chart, "% of employment");
  distretto_chart_set_source (chart, "Source: test");
  /* Added out of order: the chart sorts. */
  distretto_chart_add_bar (chart, "ITH3", "Veneto", 10.0);
  distretto_chart_add_bar (chart, "ES52", "Comunitat Valenciana", 40.0);
  distretto_chart_add_bar (chart, "FI19", "Länsi-Suomi", 20.0);
  distretto_chart_add_bar (chart, "PL91", "Warszawski stołeczny", NAN);

  return chart;
}

static void
test_model_sorted (void)
{
  g_autoptr(DistrettoChart) chart = three_bar_chart ();

  g_assert_cmpuint (distretto_chart_get_n_bars (chart), ==, 3);
  g_assert_cmpstr (distretto_chart_get_bar_code (chart, 0), ==, "ES52");
  g_assert_cmpstr (distretto_chart_get_bar_code (chart, 1), ==, "FI19");
  g_assert_cmpstr (distretto_chart_get_bar_code (chart, 2), ==, "ITH3");
  g_assert_cmpfloat (distretto_chart_get_bar_value (chart, 0), ==, 40.0);
  g_assert_cmpfloat (distretto_chart_get_natural_height (chart), >, 0);
}

static void
test_bar_lengths_proportional (void)
{
  g_autoptr(DistrettoChart) chart = three_bar_chart ();
  cairo_surface_t *surface = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  g_autoptr(GArray) runs = bar_runs (surface, palette_bar (DISTRETTO_CHART_STYLE_PRINT));
  g_autoptr(GArray) bands = bar_bands (runs);
  Band *b;

  g_assert_cmpuint (bands->len, ==, 3);
  b = (Band *) bands->data;

  /* Largest first, and lengths in proportion to 40 : 20 : 10. */
  g_assert_cmpint (b[0].length, >, b[1].length);
  g_assert_cmpint (b[1].length, >, b[2].length);
  g_assert_cmpfloat_with_epsilon ((double) b[0].length / b[2].length, 4.0, 0.1);
  g_assert_cmpfloat_with_epsilon ((double) b[1].length / b[2].length, 2.0, 0.06);

  /* Bars are equally tall and do not overlap. */
  g_assert_cmpint (b[0].bottom - b[0].top, ==, b[2].bottom - b[2].top);
  g_assert_cmpint (b[0].bottom, <, b[1].top);

  /* The title area holds dark text on the white print background. */
  {
    guint dark = 0;

    for (int y = 20; y < 50; y++)
      for (int x = 20; x < 200; x++)
        if ((pixel (surface, x, y) & 0xFF) < 0x60)
          dark++;
    g_assert_cmpuint (dark, >, 50);
    g_assert_cmphex (pixel (surface, WIDTH - 2, 2), ==, 0xFFFFFF);
  }

  cairo_surface_destroy (surface);
}

static void
test_negative_values (void)
{
  g_autoptr(DistrettoChart) chart = distretto_chart_new_ranking ("Growth");
  cairo_surface_t *surface;
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GArray) bands = NULL;
  Band *b;

  distretto_chart_add_bar (chart, "DE11", "Stuttgart", 3.0);
  distretto_chart_add_bar (chart, "DE12", "Karlsruhe", -3.0);
  surface = render (chart, DISTRETTO_CHART_STYLE_LIGHT);
  runs = bar_runs (surface, palette_bar (DISTRETTO_CHART_STYLE_LIGHT));
  bands = bar_bands (runs);
  b = (Band *) bands->data;

  g_assert_cmpuint (bands->len, ==, 2);
  g_assert_cmpint (abs (b[0].length - b[1].length), <=, 1);
  cairo_surface_destroy (surface);
}

static void
test_dark_style (void)
{
  g_autoptr(DistrettoChart) chart = three_bar_chart ();
  cairo_surface_t *surface = render (chart, DISTRETTO_CHART_STYLE_DARK);
  g_autoptr(GArray) runs = bar_runs (surface, palette_bar (DISTRETTO_CHART_STYLE_DARK));
  g_autoptr(GArray) bands = bar_bands (runs);

  g_assert_cmpuint ((pixel (surface, 2, 2) >> 16) & 0xFF, <, 0x40);
  g_assert_cmpuint (bands->len, ==, 3);
  cairo_surface_destroy (surface);
}

static void
test_empty_and_extreme (void)
{
  g_autoptr(DistrettoChart) empty = distretto_chart_new_ranking ("Nothing");
  g_autoptr(DistrettoChart) single = distretto_chart_new_ranking ("One");
  g_autoptr(DistrettoChart) extreme = distretto_chart_new_ranking ("Extreme");
  g_autoptr(DistrettoChart) many = distretto_chart_new_ranking ("Many");
  cairo_surface_t *surface;
  g_autoptr(GArray) runs = NULL;
  guint text = 0;

  /* An empty chart says so in the middle and draws no bar. */
  surface = render (empty, DISTRETTO_CHART_STYLE_PRINT);
  runs = bar_runs (surface, palette_bar (DISTRETTO_CHART_STYLE_PRINT));
  for (int y = 0; y < HEIGHT; y++)
    g_assert_cmpint (g_array_index (runs, int, y), ==, 0);
  for (int y = HEIGHT / 2 - 15; y < HEIGHT / 2 + 15; y++)
    for (int x = WIDTH / 2 - 60; x < WIDTH / 2 + 60; x++)
      if (pixel (surface, x, y) != 0xFFFFFF)
        text++;
  g_assert_cmpuint (text, >, 30);
  cairo_surface_destroy (surface);

  distretto_chart_add_bar (single, "ITI1", "Toscana", 0.0);
  cairo_surface_destroy (render (single, DISTRETTO_CHART_STYLE_PRINT));

  distretto_chart_add_bar (extreme, "ITI1", "Toscana", 1e300);
  distretto_chart_add_bar (extreme, "ITI4", "Lazio", -1e300);
  distretto_chart_add_bar (extreme, "ITI2", "Umbria", 1e-300);
  distretto_chart_add_bar (extreme, "ITI3", "Marche", G_MAXDOUBLE);
  distretto_chart_add_bar (extreme, "ITF1", "Abruzzo", -G_MAXDOUBLE);
  cairo_surface_destroy (render (extreme, DISTRETTO_CHART_STYLE_PRINT));

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *code = g_strdup_printf ("IT%03u", i % 1000);
      distretto_chart_add_bar (many, code, code, i);
    }
  cairo_surface_destroy (render (many, DISTRETTO_CHART_STYLE_PRINT));
}

static void
test_export_formats (void)
{
  g_autoptr(DistrettoChart) chart = three_bar_chart ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  DistrettoChartFormat format;
  const char *data;
  gsize len;

  g_assert_true (distretto_chart_format_from_name ("PDF", &format));
  g_assert_cmpint (format, ==, DISTRETTO_CHART_FORMAT_PDF);
  g_assert_false (distretto_chart_format_from_name ("gif", &format));

  png = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_PNG, 640, 320, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (png, &len);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);

  svg = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_SVG, 640, 320, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (svg, &len);
  distretto_test_assert_svg (svg);

  pdf = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_PDF, 640, 320, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (pdf, &len);
  distretto_test_assert_pdf (pdf);

  g_assert_null (distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_PNG, 0, 320, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* Pixels of @colour, or dark ones (all channels below 0x50) when @colour
 * is G_MAXUINT32, in column @x between rows @y0 and @y1. */
static guint
count_in_column (cairo_surface_t *surface,
                 int              x,
                 int              y0,
                 int              y1,
                 guint32          colour)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    {
      guint32 p = pixel (surface, x, y);

      if (colour == G_MAXUINT32
          ? ((p >> 16) & 0xFF) < 0x50 && ((p >> 8) & 0xFF) < 0x50 && (p & 0xFF) < 0x50
          : p == colour)
        n++;
    }
  return n;
}

static guint32
as_pixel (const DistrettoChartColor *c)
{
  return ((guint32) lround (c->red * 255) << 16) | ((guint32) lround (c->green * 255) << 8) |
         (guint32) lround (c->blue * 255);
}

static void
test_reference_groups_and_selection (void)
{
  g_autoptr(DistrettoChart) chart = distretto_chart_new_ranking ("Groups");
  const char *groups[] = { "Leader", "Strong", "Moderate", "Emerging", NULL };
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_PRINT);
  int plot_top = 100, plot_bottom = HEIGHT - 90;
  cairo_surface_t *plain, *marked;
  g_autoptr(GArray) emerging_runs = NULL;
  g_autoptr(GArray) emerging = NULL;
  int x_end = -1;
  guint outline = 0;

  distretto_chart_set_categories (chart, groups);
  distretto_chart_add_bar_in_category (chart, "ES52", "Comunitat Valenciana", 40.0, 0);
  distretto_chart_add_bar_in_category (chart, "FI19", "Länsi-Suomi", 20.0, 1);
  distretto_chart_add_bar_in_category (chart, "ITH3", "Veneto", 10.0, 3);
  g_assert_cmpint (distretto_chart_get_bar_category (chart, 2), ==, 3);

  plain = render (chart, DISTRETTO_CHART_STYLE_PRINT);

  /* Each bar wears its group's colour. */
  emerging_runs = bar_runs (plain, as_pixel (&palette->categories[3]));
  emerging = bar_bands (emerging_runs);
  g_assert_cmpuint (emerging->len, >=, 1);
  g_assert_cmpuint (count_in_column (plain, WIDTH / 2, plot_top, plot_bottom, as_pixel (&palette->categories[0])), >, 5);

  /* Where the Strong bar (value 20) ends, inside the plot. */
  for (int x = WIDTH - 1; x >= 0 && x_end < 0; x--)
    if (count_in_column (plain, x, plot_top, plot_bottom, as_pixel (&palette->categories[1])) > 0)
      x_end = x;
  g_assert_cmpint (x_end, >, 0);

  /* A reference of 20 draws its dashes there, across the other rows. */
  distretto_chart_set_reference (chart, 20.0, "EU 20.0");
  distretto_chart_set_selected (chart, "FI19");
  marked = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_cmpuint (count_in_column (marked, x_end + 1, plot_top, plot_bottom, G_MAXUINT32) +
                    count_in_column (marked, x_end + 2, plot_top, plot_bottom, G_MAXUINT32), >, 30);
  g_assert_cmpuint (count_in_column (plain, x_end + 2, plot_top, plot_bottom, G_MAXUINT32), <, 5);

  /* The selected bar is outlined: new dark pixels across its middle. */
  for (int y = plot_top; y < plot_bottom; y++)
    if (count_in_column (marked, x_end - 40, y, y + 1, G_MAXUINT32) == 1 &&
        count_in_column (plain, x_end - 40, y, y + 1, G_MAXUINT32) == 0)
      outline++;
  g_assert_cmpuint (outline, >=, 2);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (marked);
}

/* A tooltip names a region once: "Name (CODE)", or the code alone when
 * the chart has no name for it (not "ITH5 (ITH5)"). */
static void
test_tooltip_names (void)
{
  g_autoptr(DistrettoChart) chart = distretto_chart_new_ranking ("Tooltips");
  cairo_surface_t *surface;
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GArray) bands = NULL;
  const char *expected[] = { "1. Comunitat Valenciana (ES52): 40.00", "2. ITH5: 10.00" };

  distretto_chart_add_bar (chart, "ITH5", "ITH5", 10);
  distretto_chart_add_bar (chart, "ES52", "Comunitat Valenciana", 40);
  surface = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  runs = bar_runs (surface, palette_bar (DISTRETTO_CHART_STYLE_PRINT));
  bands = bar_bands (runs);

  g_assert_cmpuint (bands->len, ==, 2);
  for (guint i = 0; i < bands->len; i++)
    {
      Band *band = &g_array_index (bands, Band, i);
      g_autofree char *text = distretto_chart_describe_at (chart, WIDTH, HEIGHT, WIDTH / 2.0,
                                                          (band->top + band->bottom) / 2.0, NULL);

      g_assert_cmpstr (text, ==, expected[i]);
    }

  cairo_surface_destroy (surface);
}

static void
test_hit_test_and_table (void)
{
  g_autoptr(DistrettoChart) chart = three_bar_chart ();
  cairo_surface_t *surface = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  g_autoptr(GArray) runs = bar_runs (surface, palette_bar (DISTRETTO_CHART_STYLE_PRINT));
  g_autoptr(GArray) bands = bar_bands (runs);
  g_autofree char *table = NULL;
  guint index = G_MAXUINT;

  /* The middle of each drawn bar hits that bar. */
  g_assert_cmpuint (bands->len, ==, 3);
  for (guint i = 0; i < bands->len; i++)
    {
      Band *band = &g_array_index (bands, Band, i);

      g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH / 2.0,
                                               (band->top + band->bottom) / 2.0, &index));
      g_assert_cmpuint (index, ==, i);
    }
  /* The title and the margins hit nothing. */
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH / 2.0, 10, &index));
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, 2, HEIGHT / 2.0, &index));

  table = distretto_chart_dup_table (chart);
  g_assert_cmpstr (table, ==,
                   "rank,region,name,value,category\n"
                   "1,ES52,Comunitat Valenciana,40,\n"
                   "2,FI19,Länsi-Suomi,20,\n"
                   "3,ITH3,Veneto,10,\n");
  cairo_surface_destroy (surface);

  /* Names with commas or quotes are quoted. */
  {
    g_autoptr(DistrettoChart) quoted = distretto_chart_new_ranking ("Q");
    g_autofree char *quoted_table = NULL;

    distretto_chart_add_bar (quoted, "ES52", "Valencia, \"Comunitat\"", 1.5);
    quoted_table = distretto_chart_dup_table (quoted);
    g_assert_cmpstr (quoted_table, ==, "rank,region,name,value,category\n"
                                       "1,ES52,\"Valencia, \"\"Comunitat\"\"\",1.5,\n");
  }
}

/* Line 0: 10 in 2015, then 30, with 2017 missing; line 1: 50 throughout,
 * a break in 2018 and an estimate in 2019. */
static DistrettoChart *
two_line_trend (DistrettoFlags break_flag)
{
  DistrettoChart *chart = distretto_chart_new_trend ("Test trend");
  guint veneto, valencia;

  distretto_chart_set_subtitle (chart, "2015–2020");
  distretto_chart_set_unit (chart, "Score");
  distretto_chart_set_source (chart, "Source: test");
  veneto = distretto_chart_add_line (chart, "ITH3", "Veneto");
  valencia = distretto_chart_add_line (chart, "ES52", "Comunitat Valenciana");

  for (int year = 2015; year <= 2020; year++)
    {
      double value = year == 2015 ? 10.0 : year == 2017 ? NAN : 30.0;

      distretto_chart_line_add_point (chart, veneto, year, value, DISTRETTO_FLAGS_NONE);
    }

  /* Added out of order: the chart sorts by year. */
  for (int year = 2020; year >= 2015; year--)
    distretto_chart_line_add_point (chart, valencia, year, 50.0,
                                    year == 2018 ? break_flag :
                                    year == 2019 ? DISTRETTO_FLAGS_ESTIMATED : DISTRETTO_FLAGS_NONE);

  return chart;
}

static guint32
palette_line (DistrettoChartStyle style,
              guint               index)
{
  const DistrettoChartColor *c = &distretto_chart_style_get_palette (style)->lines[index];

  return ((guint32) lround (c->red * 255) << 16) | ((guint32) lround (c->green * 255) << 8) | (guint32) lround (c->blue * 255);
}

static guint
count_colour (cairo_surface_t *surface,
              guint32          colour,
              int              x0,
              int              x1,
              int              y0,
              int              y1)
{
  guint n = 0;

  for (int y = MAX (y0, 0); y <= MIN (y1, HEIGHT - 1); y++)
    for (int x = MAX (x0, 0); x <= MIN (x1, WIDTH - 1); x++)
      if (pixel (surface, x, y) == colour)
        n++;

  return n;
}

/* Where the years and the values are drawn, found from the pixels. */
typedef struct
{
  double x2015;
  double step;
  double y10;
  double y50;
} TrendGeometry;

static double
x_of_year (const TrendGeometry *g,
           int                  year)
{
  return g->x2015 + (year - 2015) * g->step;
}

static TrendGeometry
find_geometry (cairo_surface_t *surface)
{
  guint32 c0 = palette_line (DISTRETTO_CHART_STYLE_PRINT, 0);
  guint32 c1 = palette_line (DISTRETTO_CHART_STYLE_PRINT, 1);
  TrendGeometry g = { 0 };
  int left = WIDTH, right = 0, best = 0, sum = 0, n = 0;
  double y30;

  /* Line 1 is flat at 50: the row with most of its colour. */
  for (int y = 0; y < HEIGHT; y++)
    {
      int count = count_colour (surface, c1, 0, WIDTH - 1, y, y);

      if (count > best)
        {
          best = count;
          g.y50 = y;
        }
    }

  /* Line 0 starts lowest, at 10 in 2015: its leftmost marker. */
  for (int x = 0; x < WIDTH && left == WIDTH; x++)
    if (count_colour (surface, c0, x, x, 0, HEIGHT - 1) > 0)
      left = x;
  g.x2015 = left + 3.5;
  for (int y = 0; y < HEIGHT; y++)
    if (pixel (surface, (int) g.x2015, y) == c0)
      {
        sum += y;
        n++;
      }
  g_assert_cmpint (n, >, 0);
  g.y10 = (double) sum / n;

  /* Its last marker, 2020 at 30, ends the line at the right. */
  y30 = (g.y10 + g.y50) / 2.0;
  for (int x = 0; x < WIDTH; x++)
    if (count_colour (surface, c0, x, x, y30 - 3, y30 + 3) > 0)
      right = x;
  g.step = (right - 3.5 - g.x2015) / 5.0;
  g_assert_cmpfloat (g.step, >, 20.0);

  return g;
}

static void
test_trend_lines_and_gap (void)
{
  g_autoptr(DistrettoChart) chart = two_line_trend (DISTRETTO_FLAGS_BREAK);
  g_autoptr(DistrettoChart) unbroken = two_line_trend (DISTRETTO_FLAGS_NONE);
  cairo_surface_t *surface = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  cairo_surface_t *plain = render (unbroken, DISTRETTO_CHART_STYLE_PRINT);
  guint32 c0 = palette_line (DISTRETTO_CHART_STYLE_PRINT, 0);
  guint32 c1 = palette_line (DISTRETTO_CHART_STYLE_PRINT, 1);
  TrendGeometry g = find_geometry (surface);
  double y30 = (g.y10 + g.y50) / 2.0;
  double x;

  g_assert_cmpint (distretto_chart_get_kind (chart), ==, DISTRETTO_CHART_KIND_TREND);
  g_assert_cmpuint (distretto_chart_get_n_lines (chart), ==, 2);
  g_assert_cmpfloat (g.y10, >, g.y50 + 100);

  /* Line 0 at 30 in 2019, where the geometry says. */
  x = x_of_year (&g, 2019);
  g_assert_cmpuint (count_colour (surface, c0, x - 2, x + 2, y30 - 2, y30 + 2), >, 4);
  x = x_of_year (&g, 2016);
  g_assert_cmpuint (count_colour (surface, c0, x - 2, x + 2, y30 - 2, y30 + 2), >, 4);

  /* And nowhere between 2016 and 2018: the missing 2017 is a gap. */
  g_assert_cmpuint (count_colour (surface, c0, x_of_year (&g, 2016) + 6, x_of_year (&g, 2018) - 6,
                                  0, HEIGHT - 1), ==, 0);

  /* Line 1 is unbroken there. */
  g_assert_cmpuint (count_colour (surface, c1, x_of_year (&g, 2017) - 2, x_of_year (&g, 2017) + 2,
                                  g.y50 - 2, g.y50 + 2), >, 4);

  /* The break of 2018 is a tick across line 1, which the same chart
   * without the flag does not have. */
  x = x_of_year (&g, 2018);
  g_assert_cmpuint (count_colour (surface, c1, x - 2, x + 2, g.y50 - 8, g.y50 - 5), >, 0);
  g_assert_cmpuint (count_colour (plain, c1, x - 2, x + 2, g.y50 - 8, g.y50 - 5), ==, 0);

  /* The estimate of 2019 is hollow. */
  x = x_of_year (&g, 2019);
  g_assert_cmpuint (pixel (surface, lround (x), lround (g.y50)), !=, c1);
  g_assert_cmpuint (pixel (surface, lround (x_of_year (&g, 2020)), lround (g.y50)), ==, c1);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (surface);
}

static void
test_trend_hit_test_and_table (void)
{
  g_autoptr(DistrettoChart) chart = two_line_trend (DISTRETTO_FLAGS_BREAK);
  cairo_surface_t *surface = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  TrendGeometry g = find_geometry (surface);
  double y30 = (g.y10 + g.y50) / 2.0;
  g_autofree char *table = NULL;
  guint index = G_MAXUINT;

  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, x_of_year (&g, 2019) + 3, y30 - 3, &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, x_of_year (&g, 2018) - 4, g.y50 + 4, &index));
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpstr (distretto_chart_get_line_code (chart, index), ==, "ES52");
  /* The gap is far from every point; so is the title. */
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, x_of_year (&g, 2017), y30, &index));
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH / 2.0, 10, &index));
  cairo_surface_destroy (surface);

  table = distretto_chart_dup_table (chart);
  g_assert_cmpstr (table, ==,
                   "region,name,year,value,flags\n"
                   "ITH3,Veneto,2015,10,\n"
                   "ITH3,Veneto,2016,30,\n"
                   "ITH3,Veneto,2018,30,\n"
                   "ITH3,Veneto,2019,30,\n"
                   "ITH3,Veneto,2020,30,\n"
                   "ES52,Comunitat Valenciana,2015,50,\n"
                   "ES52,Comunitat Valenciana,2016,50,\n"
                   "ES52,Comunitat Valenciana,2017,50,\n"
                   "ES52,Comunitat Valenciana,2018,50,b\n"
                   "ES52,Comunitat Valenciana,2019,50,e\n"
                   "ES52,Comunitat Valenciana,2020,50,\n");
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      if (pixel (a, x, y) != pixel (b, x, y))
        return FALSE;

  return TRUE;
}

static void
test_trend_empty (void)
{
  g_autoptr(DistrettoChart) nothing = distretto_chart_new_ranking ("Empty");
  g_autoptr(DistrettoChart) empty = distretto_chart_new_trend ("Empty");
  g_autoptr(DistrettoChart) missing = distretto_chart_new_trend ("Empty");
  g_autoptr(DistrettoChart) single = distretto_chart_new_trend ("One");
  cairo_surface_t *expected = render (nothing, DISTRETTO_CHART_STYLE_PRINT);
  cairo_surface_t *surface;
  g_autofree char *table = NULL;
  guint line;

  /* With nothing to draw, a trend says "No data" as a ranking does. */
  surface = render (empty, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_true (same_pixels (surface, expected));
  cairo_surface_destroy (surface);
  g_assert_false (distretto_chart_hit_test (empty, WIDTH, HEIGHT, WIDTH / 2.0, HEIGHT / 2.0, NULL));

  line = distretto_chart_add_line (missing, "ITH3", "Veneto");
  for (int year = 2015; year <= 2020; year++)
    distretto_chart_line_add_point (missing, line, year, NAN, DISTRETTO_FLAGS_NONE);
  surface = render (missing, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_true (same_pixels (surface, expected));
  cairo_surface_destroy (surface);
  table = distretto_chart_dup_table (missing);
  g_assert_cmpstr (table, ==, "region,name,year,value,flags\n");

  /* One point of one year is drawn, in the middle. */
  line = distretto_chart_add_line (single, "ITH3", "Veneto");
  distretto_chart_line_add_point (single, line, 2020, 5.0, DISTRETTO_FLAGS_NONE);
  surface = render (single, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_cmpuint (count_colour (surface, palette_line (DISTRETTO_CHART_STYLE_PRINT, 0),
                                  0, WIDTH - 1, 0, HEIGHT - 1), >, 20);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (render (single, DISTRETTO_CHART_STYLE_DARK));

  cairo_surface_destroy (expected);
}

static void
test_trend_reference (void)
{
  g_autoptr(DistrettoChart) chart = two_line_trend (DISTRETTO_FLAGS_NONE);
  guint eu = distretto_chart_add_line (chart, "EU27_2020", "European Union");
  cairo_surface_t *surface;

  for (int year = 2015; year <= 2020; year++)
    distretto_chart_line_add_point (chart, eu, year, 40.0, DISTRETTO_FLAGS_NONE);
  g_assert_cmpint (distretto_chart_get_reference_line (chart), ==, -1);
  distretto_chart_set_reference_line (chart, eu);
  g_assert_cmpint (distretto_chart_get_reference_line (chart), ==, (int) eu);
  g_assert_cmpstr (distretto_chart_get_line_label (chart, eu), ==, "European Union");

  /* The regions keep their colours; the reference takes none of them. */
  surface = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_cmpuint (count_colour (surface, palette_line (DISTRETTO_CHART_STYLE_PRINT, 0), 0, WIDTH - 1, 0, HEIGHT - 1), >, 100);
  g_assert_cmpuint (count_colour (surface, palette_line (DISTRETTO_CHART_STYLE_PRINT, 1), 0, WIDTH - 1, 0, HEIGHT - 1), >, 100);
  g_assert_cmpuint (count_colour (surface, palette_line (DISTRETTO_CHART_STYLE_PRINT, 2), 0, WIDTH - 1, 0, HEIGHT - 1), ==, 0);
  cairo_surface_destroy (surface);

  /* A selected line is drawn without trouble, on top. */
  distretto_chart_set_selected (chart, "ITH3");
  cairo_surface_destroy (render (chart, DISTRETTO_CHART_STYLE_LIGHT));
}

static void
test_trend_export (void)
{
  g_autoptr(DistrettoChart) chart = two_line_trend (DISTRETTO_FLAGS_BREAK);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  const char *data;
  gsize len;

  svg = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_SVG, 640, 400, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (svg, &len);
  distretto_test_assert_svg (svg);
  g_assert_nonnull (g_strstr_len (data, len, "Test trend"));

  pdf = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_PDF, 640, 400, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (pdf, &len);
  distretto_test_assert_pdf (pdf);
  g_assert_nonnull (memmem (data, len, "Test trend", 10));
}

/* The map: squares 100 m wide at NUTS 2, one with a hole, one without a
 * value, one in the outermost regions far away; a NUTS 1 region that is
 * not drawn. */
static const char map_geojson[] =
  "{\"type\": \"FeatureCollection\", "
  "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::3035\"}},\n"
  " \"features\": [\n"
  "  {\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"AA11\", \"LEVL_CODE\": 2, \"NAME_LATN\": \"Holed\"},\n"
  "   \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [\n"
  "     [[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]],\n"
  "     [[30, 30], [70, 30], [70, 70], [30, 70], [30, 30]]]}},\n"
  "  {\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"AA12\", \"LEVL_CODE\": 2, \"NAME_LATN\": \"Selected\"},\n"
  "   \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[100, 0], [200, 0], [200, 100], [100, 100], [100, 0]]]}},\n"
  "  {\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"AA13\", \"LEVL_CODE\": 2, \"NAME_LATN\": \"Third\"},\n"
  "   \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[200, 0], [300, 0], [300, 100], [200, 100], [200, 0]]]}},\n"
  "  {\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"AA14\", \"LEVL_CODE\": 2, \"NAME_LATN\": \"No data\"},\n"
  "   \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0, 100], [100, 100], [100, 200], [0, 200], [0, 100]]]}},\n"
  "  {\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"FRY1\", \"LEVL_CODE\": 2, \"NAME_LATN\": \"Far away\"},\n"
  "   \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[-90000, -90000], [-89900, -90000], [-89900, -89900], [-90000, -89900], [-90000, -90000]]]}},\n"
  "  {\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"AA1\", \"LEVL_CODE\": 1, \"NAME_LATN\": \"Level 1\"},\n"
  "   \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[-500, -500], [800, -500], [800, 800], [-500, 800], [-500, -500]]]}}\n"
  " ]}\n";

static DistrettoChart *
map_chart (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (map_geojson, sizeof map_geojson - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = distretto_boundaries_load_bytes (bytes, "map.geojson", &error);
  DistrettoChart *chart;

  g_assert_no_error (error);
  chart = distretto_chart_new_map ("Test map", boundaries);
  distretto_chart_set_subtitle (chart, "NUTS 2 regions, 2023");
  distretto_chart_set_source (chart, "Source: test");
  /* 4 equal intervals of 0–30: one region in each class. */
  distretto_chart_set_classification (chart, DISTRETTO_CLASSIFICATION_EQUAL_INTERVALS, 4);
  distretto_chart_add_bar (chart, "AA11", "Holed", 0.0);
  distretto_chart_add_bar (chart, "AA12", "Selected", 10.0);
  distretto_chart_add_bar (chart, "AA13", "Third", 20.0);
  distretto_chart_add_bar (chart, "FRY1", "Far away", 30.0);
  distretto_chart_add_bar (chart, "AA1", "Level 1", 100.0);
  distretto_chart_add_bar (chart, "ZZ99", "No boundary", 50.0);
  distretto_chart_set_selected (chart, "AA12");

  return chart;
}

typedef struct { int x0, y0, x1, y1; } Box;

/* The box of the pixels of @colour in horizontal runs of 20 or more: a
 * region, not a legend swatch. */
static Box
colour_box (cairo_surface_t *surface,
            guint32          colour)
{
  Box box = { WIDTH, HEIGHT, -1, -1 };

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0, run = 0; x < WIDTH; x++)
      {
        run = pixel (surface, x, y) == colour ? run + 1 : 0;
        if (run >= 20)
          {
            box.x0 = MIN (box.x0, x - run + 1);
            box.x1 = MAX (box.x1, x);
            box.y0 = MIN (box.y0, y);
            box.y1 = MAX (box.y1, y);
          }
      }

  g_assert_cmpint (box.x1, >, box.x0);
  return box;
}

static gboolean
near_colour (guint32 p,
             guint32 colour)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((p >> shift) & 0xFF) - (int) ((colour >> shift) & 0xFF)) > 0x30)
      return FALSE;
  return TRUE;
}

static gboolean
is_dark (guint32 p)
{
  return ((p >> 16) & 0xFF) < 0x50 && ((p >> 8) & 0xFF) < 0x50 && (p & 0xFF) < 0x50;
}

/* The share of the pixels of a map's region @code (by hit-testing, its
 * border and outline aside) that are @colour. */
static double
share_of_colour (DistrettoChart  *chart,
                 cairo_surface_t *surface,
                 const char      *code,
                 guint32          colour)
{
  guint n = 0, inside = 0;

  for (int y = 0; y < HEIGHT; y += 2)
    for (int x = 0; x < WIDTH; x += 2)
      if (g_strcmp0 (distretto_chart_hit_test_region (chart, WIDTH, HEIGHT, x, y), code) == 0 &&
          g_strcmp0 (distretto_chart_hit_test_region (chart, WIDTH, HEIGHT, x - 4, y - 4), code) == 0 &&
          g_strcmp0 (distretto_chart_hit_test_region (chart, WIDTH, HEIGHT, x + 4, y + 4), code) == 0)
        {
          inside++;
          n += pixel (surface, x, y) == colour;
        }

  g_assert_cmpuint (inside, >, 50);
  return (double) n / inside;
}

/* A region whose likeliest performance group has less than the chart's
 * group certainty (2/3) is hatched over its colour; a region whose group
 * is settled, or a chart without a certainty, is not; the tooltip gives
 * the groups' probabilities. (The legend entry counting the hatched
 * regions is seen in the window's screenshots.) */
static void
test_map_group_certainty (void)
{
  const char *groups[] = { "Leader", "Strong", "Moderate", "Emerging", NULL };
  const double open[] = { 0.5, 0.4, 0.1, 0.0 }, settled[] = { 0.9, 0.1, 0.0, 0.0 };
  g_autoptr(DistrettoChart) chart = map_chart ();
  cairo_surface_t *plain, *hatched;
  g_autofree char *tooltip = NULL;
  const char *code = NULL;
  Box selected;

  distretto_chart_set_categories (chart, groups);
  distretto_chart_set_bar_shares (chart, "AA12", open, G_N_ELEMENTS (open));
  distretto_chart_set_bar_shares (chart, "AA13", settled, G_N_ELEMENTS (settled));
  g_assert_true (isnan (distretto_chart_get_group_certainty (chart)));

  plain = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_cmpfloat (share_of_colour (chart, plain, "AA12", 0x31688e), >, 0.95);
  g_assert_cmpfloat (share_of_colour (chart, plain, "AA13", 0x35b779), >, 0.95);
  selected = colour_box (plain, 0x31688e);

  distretto_chart_set_group_certainty (chart, 2.0 / 3.0);
  g_assert_cmpfloat (distretto_chart_get_group_certainty (chart), ==, 2.0 / 3.0);
  hatched = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  /* Lines every 5 pixels, 1 wide and antialiased, over the open region
   * only. */
  g_assert_cmpfloat (share_of_colour (chart, hatched, "AA12", 0x31688e), <, 0.8);
  g_assert_cmpfloat (share_of_colour (chart, hatched, "AA13", 0x35b779), >, 0.95);

  tooltip = distretto_chart_describe_at (chart, WIDTH, HEIGHT, (selected.x0 + selected.x1) / 2.0,
                                         (selected.y0 + selected.y1) / 2.0, &code);
  g_assert_cmpstr (code, ==, "AA12");
  g_assert_nonnull (strstr (tooltip, "Leader 50%, Strong 40%, Moderate 10%"));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (hatched);
}

static void
test_map_pixels (void)
{
  g_autoptr(DistrettoChart) chart = map_chart ();
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_PRINT);
  cairo_surface_t *surface = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  guint32 background = as_pixel (&palette->background);
  guint32 muted = as_pixel (&palette->muted);
  Box holed, selected, third, far;
  guint n_background = 0, n_hatch = 0, n_dark = 0;
  int cx, cy;

  /* viridis in 4 classes, one square each. */
  holed = colour_box (surface, 0x440154);
  selected = colour_box (surface, 0x31688e);
  third = colour_box (surface, 0x35b779);
  far = colour_box (surface, 0xfde725);

  /* Left to right on one row, of about the same size. */
  g_assert_cmpint (holed.x1, <, selected.x0);
  g_assert_cmpint (selected.x1, <, third.x0);
  g_assert_cmpint (ABS (holed.y0 - third.y0), <=, 3);
  g_assert_cmpint (ABS ((third.x1 - third.x0) - (holed.x1 - holed.x0)), <=, 4);

  /* The hole is not filled. */
  cx = (holed.x0 + holed.x1) / 2;
  cy = (holed.y0 + holed.y1) / 2;
  g_assert_cmphex (pixel (surface, cx, cy), ==, background);
  g_assert_cmphex (pixel (surface, holed.x0 + (holed.x1 - holed.x0) / 7, cy), ==, 0x440154);
  g_assert_cmphex (pixel (surface, (third.x0 + third.x1) / 2, cy), ==, 0x35b779);

  /* The selected square's outline is dark. */
  for (int x = selected.x0 - 3; x <= selected.x0 + 1; x++)
    n_dark += is_dark (pixel (surface, x, cy));
  for (int x = holed.x0 - 3; x <= holed.x0 + 1; x++)
    g_assert_false (is_dark (pixel (surface, x, cy)));
  g_assert_cmpuint (n_dark, >=, 1);

  /* The square without a value, above the holed one, is hatched. */
  for (int y = 2 * holed.y0 - holed.y1 + 4; y < holed.y0 - 4; y++)
    for (int x = holed.x0 + 4; x < holed.x1 - 4; x++)
      {
        guint32 p = pixel (surface, x, y);

        n_background += p == background;
        n_hatch += near_colour (p, muted);
      }
  g_assert_cmpuint (n_background, >, 50);
  g_assert_cmpuint (n_hatch, >, 50);

  /* The square far away is drawn in an inset, inside the frame, apart
   * from the mainland. */
  g_assert_cmpint (far.x1 - far.x0, >=, 20);
  g_assert_cmpint (far.x0, >, 0);
  g_assert_cmpint (far.y1, <, HEIGHT - 24);
  g_assert_true (far.x0 > third.x1 || far.y0 > holed.y1);

  cairo_surface_destroy (surface);
}

static void
test_map_hit_test_and_table (void)
{
  g_autoptr(DistrettoChart) chart = map_chart ();
  cairo_surface_t *surface = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  Box holed = colour_box (surface, 0x440154);
  Box selected = colour_box (surface, 0x31688e);
  Box far = colour_box (surface, 0xfde725);
  g_autofree char *table = distretto_chart_dup_table (chart);
  guint index = G_MAXUINT;
  int cy = (holed.y0 + holed.y1) / 2;

  g_assert_cmpint (distretto_chart_get_kind (chart), ==, DISTRETTO_CHART_KIND_MAP);
  g_assert_cmpstr (distretto_chart_hit_test_region (chart, WIDTH, HEIGHT, (selected.x0 + selected.x1) / 2.0, cy), ==, "AA12");
  g_assert_null (distretto_chart_hit_test_region (chart, WIDTH, HEIGHT, (holed.x0 + holed.x1) / 2.0, cy));
  g_assert_cmpstr (distretto_chart_hit_test_region (chart, WIDTH, HEIGHT, holed.x0 + 4, cy), ==, "AA11");
  g_assert_cmpstr (distretto_chart_hit_test_region (chart, WIDTH, HEIGHT, holed.x0 + 4, holed.y0 - 10), ==, "AA14");
  g_assert_cmpstr (distretto_chart_hit_test_region (chart, WIDTH, HEIGHT, (far.x0 + far.x1) / 2.0, (far.y0 + far.y1) / 2.0), ==, "FRY1");
  g_assert_null (distretto_chart_hit_test_region (chart, WIDTH, HEIGHT, 2, 2));

  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, (selected.x0 + selected.x1) / 2.0, cy, &index));
  g_assert_cmpstr (distretto_chart_get_bar_code (chart, index), ==, "AA12");
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, holed.x0 + 4, holed.y0 - 10, &index));

  /* The legend's counts: one region in each class, one without data. */
  g_assert_cmpint (distretto_chart_get_region_class (chart, "AA11"), ==, 0);
  g_assert_cmpint (distretto_chart_get_region_class (chart, "AA12"), ==, 1);
  g_assert_cmpint (distretto_chart_get_region_class (chart, "AA13"), ==, 2);
  g_assert_cmpint (distretto_chart_get_region_class (chart, "FRY1"), ==, 3);
  g_assert_cmpint (distretto_chart_get_region_class (chart, "AA14"), ==, -1);
  g_assert_cmpint (distretto_chart_get_region_class (chart, "AA1"), ==, -1);
  g_assert_cmpstr (table, ==,
                   "region,name,value,class\n"
                   "AA11,Holed,0,1\n"
                   "AA12,Selected,10,2\n"
                   "AA13,Third,20,3\n"
                   "AA14,No data,,\n"
                   "FRY1,Far away,30,4\n");

  cairo_surface_destroy (surface);
}

static void
assert_breaks (DistrettoClassification  method,
               const double            *values,
               guint                    n_values,
               guint                    n_classes,
               const double            *expected,
               guint                    n_expected)
{
  guint n_breaks = 0;
  g_autofree double *breaks = distretto_chart_compute_breaks (method, values, n_values, n_classes, &n_breaks);

  g_assert_cmpuint (n_breaks, ==, n_expected);
  for (guint i = 0; i < n_breaks; i++)
    g_assert_cmpfloat_with_epsilon (breaks[i], expected[i], 1e-9);
}

static void
test_map_classification (void)
{
  const double ten[] = { 10, 3, 7, 1, 9, 2, 8, 4, 6, 5 };
  const double textbook[] = { 22, 1, 12, 2, 20, 3, 10, 21, 11 };
  const double skewed[] = { 0, 1, 2, 3, 100 };
  guint n_breaks = 99;

  assert_breaks (DISTRETTO_CLASSIFICATION_QUANTILES, ten, 10, 5, (const double[]) { 2, 4, 6, 8, 10 }, 5);
  assert_breaks (DISTRETTO_CLASSIFICATION_QUANTILES, ten, 10, 3, (const double[]) { 4, 7, 10 }, 3);
  assert_breaks (DISTRETTO_CLASSIFICATION_EQUAL_INTERVALS, skewed, 5, 4, (const double[]) { 25, 50, 75, 100 }, 4);
  assert_breaks (DISTRETTO_CLASSIFICATION_EQUAL_INTERVALS, ten, 10, 3, (const double[]) { 4, 7, 10 }, 3);
  assert_breaks (DISTRETTO_CLASSIFICATION_NATURAL_BREAKS, textbook, 9, 3, (const double[]) { 3, 12, 22 }, 3);
  assert_breaks (DISTRETTO_CLASSIFICATION_NATURAL_BREAKS, skewed, 5, 3, (const double[]) { 1, 3, 100 }, 3);
  assert_breaks (DISTRETTO_CLASSIFICATION_NATURAL_BREAKS, ten, 10, 5, (const double[]) { 2, 4, 6, 8, 10 }, 5);
  /* Fewer values than classes: one class each. */
  assert_breaks (DISTRETTO_CLASSIFICATION_NATURAL_BREAKS, skewed, 2, 4, (const double[]) { 0, 1 }, 2);
  g_assert_null (distretto_chart_compute_breaks (DISTRETTO_CLASSIFICATION_QUANTILES, NULL, 0, 5, &n_breaks));
  g_assert_cmpuint (n_breaks, ==, 0);
}

static void
test_map_export (void)
{
  g_autoptr(DistrettoChart) chart = map_chart ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *data;
  gsize len;

  g_assert_cmpfloat (distretto_chart_get_natural_height (chart), >, 300);

  svg = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_SVG, 640, 400, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (svg, &len);
  distretto_test_assert_svg (svg);
  g_assert_nonnull (g_strstr_len (data, len, "Test map"));

  pdf = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_PDF, 640, 400, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (pdf, &len);
  g_assert_true (len > 100 && memcmp (data, "%PDF-", 5) == 0);

  if (pdftotext != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      const char *argv[] = { pdftotext, NULL, "-", NULL };
      int fd = g_file_open_tmp ("distretto-map-XXXXXX.pdf", &path, &error);
      int status;

      g_assert_no_error (error);
      close (fd);
      g_assert_true (g_file_set_contents (path, data, len, &error));
      argv[1] = path;
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status, &error));
      g_assert_no_error (error);
      g_unlink (path);
      g_assert_nonnull (strstr (text, DISTRETTO_BOUNDARIES_ATTRIBUTION));
      g_assert_nonnull (strstr (text, "Source: test"));
    }
}

/* The pixel cairo paints for @color. */
static guint32
painted_pixel (const DistrettoChartColor *color)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);
  guint32 p;

  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  p = *(const guint32 *) (gconstpointer) cairo_image_surface_get_data (surface) & 0xFFFFFF;
  cairo_surface_destroy (surface);

  return p;
}

/* The map's squares in @scheme: each class's colour inside its square,
 * the squares left to right in class order, the fourth in an inset. */
static void
assert_map_scheme (DistrettoChart       *chart,
                   DistrettoColorScheme  scheme,
                   const double         *positions)
{
  cairo_surface_t *surface;
  guint32 colours[4];
  Box boxes[4];

  distretto_chart_set_color_scheme (chart, scheme);
  surface = render (chart, DISTRETTO_CHART_STYLE_PRINT);

  for (guint c = 0; c < 4; c++)
    {
      DistrettoChartColor color;

      distretto_color_scheme_get_color (scheme, positions[c], &color);
      colours[c] = painted_pixel (&color);
      boxes[c] = colour_box (surface, colours[c]);
      /* Left of the first square's hole. */
      g_assert_cmphex (pixel (surface, boxes[c].x0 + (boxes[c].x1 - boxes[c].x0) / 7, (boxes[c].y0 + boxes[c].y1) / 2), ==, colours[c]);
    }

  g_assert_cmpint (boxes[0].x1, <, boxes[1].x0);
  g_assert_cmpint (boxes[1].x1, <, boxes[2].x0);
  g_assert_true (boxes[3].x0 > boxes[2].x1 || boxes[3].y0 > boxes[0].y1);
  /* Not viridis's. */
  g_assert_cmphex (colours[0], !=, 0x440154);

  cairo_surface_destroy (surface);
}

static void
test_map_color_schemes (void)
{
  g_autoptr(DistrettoChart) chart = map_chart ();
  /* 4 equal intervals of 0–30, midpoints 3.75, 11.25, 18.75 and 26.25;
   * around 10, the range ±20. */
  const double even[] = { 0.0, 1.0 / 3, 2.0 / 3, 1.0 };
  const double around_10[] = { 0.5 + (3.75 - 10) / 40, 0.5 + (11.25 - 10) / 40,
                               0.5 + (18.75 - 10) / 40, 0.5 + (26.25 - 10) / 40 };
  DistrettoChartColor below, above;

  assert_map_scheme (chart, DISTRETTO_COLOR_SCHEME_CIVIDIS, even);
  assert_map_scheme (chart, DISTRETTO_COLOR_SCHEME_DIVERGING, even);

  distretto_chart_set_reference (chart, 10.0, "Reference");
  assert_map_scheme (chart, DISTRETTO_COLOR_SCHEME_DIVERGING, around_10);

  /* The class below the reference on the orange side, above on the purple. */
  distretto_color_scheme_get_color (DISTRETTO_COLOR_SCHEME_DIVERGING, around_10[0], &below);
  distretto_color_scheme_get_color (DISTRETTO_COLOR_SCHEME_DIVERGING, around_10[3], &above);
  g_assert_cmpfloat (below.red, >, below.blue);
  g_assert_cmpfloat (above.blue, >, above.red);
}

static gboolean
draw_translucent (cairo_t  *cr,
                  double    width,
                  double    height,
                  gpointer  user_data,
                  GError  **error)
{
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, width, height);

  /* Every alpha from transparent to opaque, over colours. */
  cairo_pattern_add_color_stop_rgba (gradient, 0, 0.9, 0.2, 0.1, 0.0);
  cairo_pattern_add_color_stop_rgba (gradient, 1, 0.1, 0.4, 0.8, 1.0);
  cairo_set_source (cr, gradient);
  cairo_paint (cr);
  cairo_pattern_destroy (gradient);

  cairo_set_source_rgba (cr, 0.3, 0.7, 0.2, 0.37);
  cairo_arc (cr, width / 2, height / 2, width / 3, 0, 2 * G_PI);
  cairo_fill (cr);

  return TRUE;
}

static cairo_status_t
read_png_stream (void          *closure,
                 unsigned char *data,
                 unsigned int   length)
{
  struct { const guint8 *data; gsize left; } *stream = closure;

  if (length > stream->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, stream->data, length);
  stream->data += length;
  stream->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

/* @png decoded, pixel for pixel as @expected. */
static void
assert_png_pixels (GBytes          *png,
                   cairo_surface_t *expected,
                   int              colour_type)
{
  const guint8 *data = g_bytes_get_data (png, NULL);
  struct { const guint8 *data; gsize left; } stream = { data, g_bytes_get_size (png) };
  cairo_surface_t *decoded;
  int width = cairo_image_surface_get_width (expected);
  int height = cairo_image_surface_get_height (expected);

  /* The signature, then IHDR: its colour type at byte 25. */
  g_assert_cmpuint (stream.left, >, 33);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpint (data[24], ==, 8);
  g_assert_cmpint (data[25], ==, colour_type);

  decoded = cairo_image_surface_create_from_png_stream (read_png_stream, &stream);
  g_assert_cmpint (cairo_surface_status (decoded), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (decoded), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (decoded), ==, height);

  cairo_surface_flush (expected);
  for (int y = 0; y < height; y++)
    {
      const guint32 *a = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (decoded) + y * cairo_image_surface_get_stride (decoded));
      const guint32 *b = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (expected) + y * cairo_image_surface_get_stride (expected));

      for (int x = 0; x < width; x++)
        if (a[x] != b[x])
          g_error ("pixel %d,%d: decoded %08x, rendered %08x", x, y, a[x], b[x]);
    }

  cairo_surface_destroy (decoded);
}

static void
test_png_round_trip (void)
{
  g_autoptr(DistrettoChart) chart = three_bar_chart ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) opaque = NULL;
  g_autoptr(GBytes) translucent = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* A chart is opaque: RGB, type 2. */
  opaque = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_PNG, WIDTH, HEIGHT, &error);
  g_assert_no_error (error);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  distretto_chart_render (chart, cr, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);
  cairo_destroy (cr);
  assert_png_pixels (opaque, surface, 2);
  cairo_surface_destroy (surface);

  /* Translucent: RGBA, type 6, unpremultiplied; over 2 MB of pixels. */
  translucent = distretto_export_render_bytes (draw_translucent, NULL, NULL, DISTRETTO_CHART_FORMAT_PNG,
                                               800, 700, &error);
  g_assert_no_error (error);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 700);
  cr = cairo_create (surface);
  draw_translucent (cr, 800, 700, NULL, NULL);
  cairo_destroy (cr);
  assert_png_pixels (translucent, surface, 6);
  cairo_surface_destroy (surface);
}

/* On an image the map's borders are hairlines written into the pixels;
 * replayed from a recording they are cairo's stroke: the same picture. */
static void
test_map_hairline_borders (void)
{
  g_autoptr(DistrettoChart) chart = map_chart ();
  cairo_surface_t *direct, *replayed, *recording;
  cairo_t *cr;
  guint differing = 0;
  Box selected, third;
  int rows_direct = 0, rows_replayed = 0;

  distretto_chart_set_selected (chart, NULL);
  direct = render (chart, DISTRETTO_CHART_STYLE_PRINT);

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  distretto_chart_render (chart, cr, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);
  cairo_destroy (cr);
  replayed = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cr = cairo_create (replayed);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  cairo_surface_flush (replayed);

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      if (!near_colour (pixel (direct, x, y), pixel (replayed, x, y)))
        differing++;
  g_assert_cmpuint (differing, <, WIDTH * HEIGHT / 500);

  /* Between two squares, a line in both: on every row of the squares, a
   * pixel between them that is neither square's colour. */
  selected = colour_box (direct, 0x31688e);
  third = colour_box (direct, 0x35b779);
  for (int y = selected.y0 + 2; y <= selected.y1 - 2; y++)
    {
      gboolean in_direct = FALSE, in_replayed = FALSE;

      for (int x = selected.x1 - 1; x <= third.x0 + 1; x++)
        {
          guint32 a = pixel (direct, x, y), b = pixel (replayed, x, y);

          in_direct |= a != 0x31688e && a != 0x35b779;
          in_replayed |= b != 0x31688e && b != 0x35b779;
        }
      rows_direct += in_direct;
      rows_replayed += in_replayed;
    }
  g_assert_cmpint (rows_direct, ==, selected.y1 - selected.y0 - 3);
  g_assert_cmpint (rows_replayed, ==, rows_direct);

  cairo_surface_destroy (direct);
  cairo_surface_destroy (replayed);
}

/* The layout cache. Hit-testing lays a chart out once per size and keeps
 * it until the size or the chart changes; its answers must be those of a
 * chart laid out afresh. */

typedef DistrettoChart *(*BuildChart) (void);

static DistrettoChart *
noted_ranking (void)
{
  DistrettoChart *chart = three_bar_chart ();

  distretto_chart_set_notes (chart, "Notes take a strip at the bottom, so the bars move up.");
  return chart;
}

static DistrettoChart *
trend_chart (void)
{
  return two_line_trend (DISTRETTO_FLAGS_BREAK);
}

static const char *cache_axes[] = { "Human resources", "Digitalisation", "Services", "Linkages", NULL };

static DistrettoChart *
profiles_chart (DistrettoChart *chart)
{
  const double veneto[] = { 62.0, 48.5, 71.0, 55.0 };
  const double valencia[] = { 51.0, NAN, 64.0, 42.0 };

  distretto_chart_set_subtitle (chart, "Pillar scores, 2023");
  distretto_chart_set_axes (chart, cache_axes);
  distretto_chart_add_profile (chart, "ITH3", "Veneto", veneto, G_N_ELEMENTS (veneto));
  distretto_chart_add_profile (chart, "ES52", "Comunitat Valenciana", valencia, G_N_ELEMENTS (valencia));
  return chart;
}

static DistrettoChart *
radar_chart (void)
{
  return profiles_chart (distretto_chart_new_radar ("Test radar"));
}

static DistrettoChart *
heatmap_chart (void)
{
  DistrettoChart *chart = profiles_chart (distretto_chart_new_heatmap ("Test heatmap"));

  distretto_chart_set_sort_axis (chart, 2);
  return chart;
}

static DistrettoChart *
scatter_chart (void)
{
  DistrettoChart *chart = distretto_chart_new_scatter ("Test scatter");

  distretto_chart_set_axis_titles (chart, "Manufacturing", "Services");
  distretto_chart_set_third (chart, "Composite", DISTRETTO_CHART_ENCODING_SIZE);
  for (int i = 0; i < 12; i++)
    {
      char code[8];

      g_snprintf (code, sizeof code, "R%02d", i);
      distretto_chart_add_point (chart, code, code, (i * 37) % 100, (i * 61) % 100, i * 5.0);
    }
  return chart;
}

/* Every answer about points on a grid over the chart, as a string. */
static char *
answers (DistrettoChart *chart,
         double          width,
         double          height,
         double          x,
         double          y)
{
  g_autofree char *text = NULL;
  const char *code = NULL;
  guint index = G_MAXUINT;
  gboolean hit;

  hit = distretto_chart_hit_test (chart, width, height, x, y, &index);
  text = distretto_chart_describe_at (chart, width, height, x, y, &code);
  return g_strdup_printf ("%d %u %d %s %s %s", hit, hit ? index : G_MAXUINT,
                          distretto_chart_hit_test_axis (chart, width, height, x, y),
                          text ? text : "-", code ? code : "-",
                          distretto_chart_hit_test_region (chart, width, height, x, y) ?: "-");
}

/* @chart's answers at @width × @height against those of a chart built
 * the same way and laid out for this size alone; returns how many points
 * hit. */
static guint
assert_fresh_answers (DistrettoChart *chart,
                      BuildChart      build,
                      void          (*change) (DistrettoChart *),
                      double          width,
                      double          height)
{
  g_autoptr(DistrettoChart) fresh = build ();
  guint hits = 0;

  if (change != NULL)
    change (fresh);

  for (int j = 0; j < 24; j++)
    for (int i = 0; i < 32; i++)
      {
        double x = (i + 0.5) * width / 32, y = (j + 0.5) * height / 24;
        g_autofree char *theirs = answers (fresh, width, height, x, y);
        g_autofree char *ours = answers (chart, width, height, x, y);

        g_assert_cmpstr (ours, ==, theirs);
        hits += ours[0] == '1';
      }

  return hits;
}

static void
add_extra (DistrettoChart *chart)
{
  switch (distretto_chart_get_kind (chart))
    {
    case DISTRETTO_CHART_KIND_RANKING:
    case DISTRETTO_CHART_KIND_MAP:
      distretto_chart_add_bar (chart, "AA14", "Now valued", 45.0);
      break;
    case DISTRETTO_CHART_KIND_TREND:
      distretto_chart_line_add_point (chart, 0, 2021, 90.0, DISTRETTO_FLAGS_NONE);
      break;
    case DISTRETTO_CHART_KIND_RADAR:
    case DISTRETTO_CHART_KIND_HEATMAP:
      {
        const double values[] = { 99.0, 10.0, 20.0, 30.0 };

        distretto_chart_add_profile (chart, "DE21", "Oberbayern", values, G_N_ELEMENTS (values));
      }
      break;
    case DISTRETTO_CHART_KIND_SCATTER:
      distretto_chart_add_point (chart, "XX", "Far out", 250.0, -40.0, 80.0);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_layout_cache (void)
{
  const BuildChart builders[] = { noted_ranking, trend_chart, map_chart, radar_chart, heatmap_chart, scatter_chart };

  for (guint k = 0; k < G_N_ELEMENTS (builders); k++)
    {
      g_autoptr(DistrettoChart) chart = builders[k] ();
      guint hits;

      /* Laid out at one size, then narrower, then taller, and back. */
      hits = assert_fresh_answers (chart, builders[k], NULL, WIDTH, HEIGHT);
      g_assert_cmpuint (hits, >, 0);
      assert_fresh_answers (chart, builders[k], NULL, 520, HEIGHT);
      assert_fresh_answers (chart, builders[k], NULL, 520, 610);
      g_assert_cmpuint (assert_fresh_answers (chart, builders[k], NULL, WIDTH, HEIGHT), ==, hits);

      /* A change to the chart is seen at once. */
      add_extra (chart);
      assert_fresh_answers (chart, builders[k], add_extra, WIDTH, HEIGHT);
    }
}

/* Render options: the selection and the pointer belong to one drawing. */

/* @chart drawn with @options, or as exported for %NULL, at @scale times
 * WIDTH × HEIGHT pixels. */
static cairo_surface_t *
render_scaled (DistrettoChart                    *chart,
               const DistrettoChartRenderOptions *options,
               int                                scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH * scale, HEIGHT * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  if (options != NULL)
    distretto_chart_render_with_options (chart, cr, WIDTH, HEIGHT, options);
  else
    distretto_chart_render (chart, cr, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* How many pixels differ. */
static guint
n_differing (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  guint n = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  for (int y = 0; y < height; y++)
    {
      const guint32 *pa = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *pb = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        n += pa[x] != pb[x];
    }

  return n;
}

/* Whatever a view drew under the pointer, the export has no hover. */
static void
test_export_without_hover (void)
{
  const struct { BuildChart build; const char *hovered; } charts[] = {
    { noted_ranking, "FI19" }, { trend_chart, "ES52" }, { map_chart, "AA13" },
    { radar_chart, "ES52" }, { heatmap_chart, "ES52" }, { scatter_chart, "R03" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (charts); k++)
    {
      g_autoptr(DistrettoChart) chart = charts[k].build ();
      g_autoptr(DistrettoChartRenderOptions) options = distretto_chart_render_options_new (DISTRETTO_CHART_STYLE_PRINT);
      g_autoptr(GBytes) png = NULL;
      g_autoptr(GError) error = NULL;
      cairo_surface_t *hovered, *again, *plain;

      distretto_chart_render_options_set_selected (options, distretto_chart_get_selected (chart));
      distretto_chart_render_options_set_highlighted (options, charts[k].hovered);
      hovered = render_scaled (chart, options, 1);

      png = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_PNG, WIDTH, HEIGHT, &error);
      g_assert_no_error (error);
      plain = render_scaled (chart, NULL, 1);
      assert_png_pixels (png, plain, 2);

      /* The hover shows, in its own drawing only. */
      g_assert_cmpuint (n_differing (hovered, plain), >, 0);
      again = render_scaled (chart, options, 1);
      g_assert_cmpuint (n_differing (hovered, again), ==, 0);

      cairo_surface_destroy (hovered);
      cairo_surface_destroy (again);
      cairo_surface_destroy (plain);
    }
}

/* One chart, two views, two selections; the chart's own is the export's. */
static void
test_views_own_selection (void)
{
  g_autoptr(DistrettoChart) chart = map_chart ();
  g_autoptr(DistrettoChart) other = map_chart ();
  g_autoptr(DistrettoChartRenderOptions) first = distretto_chart_render_options_new (DISTRETTO_CHART_STYLE_PRINT);
  g_autoptr(DistrettoChartRenderOptions) second = distretto_chart_render_options_new (DISTRETTO_CHART_STYLE_PRINT);
  cairo_surface_t *a, *b, *exported, *other_exported;

  distretto_chart_render_options_set_selected (first, "AA12");
  distretto_chart_render_options_set_selected (second, "AA13");
  a = render_scaled (chart, first, 1);
  b = render_scaled (chart, second, 1);
  g_assert_cmpstr (distretto_chart_get_selected (chart), ==, "AA12");

  exported = render_scaled (chart, NULL, 1);
  distretto_chart_set_selected (other, "AA13");
  other_exported = render_scaled (other, NULL, 1);
  g_assert_cmpuint (n_differing (a, exported), ==, 0);
  g_assert_cmpuint (n_differing (b, other_exported), ==, 0);
  g_assert_cmpuint (n_differing (a, b), >, 0);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  cairo_surface_destroy (exported);
  cairo_surface_destroy (other_exported);
}

/* A map drawn without selection or hover, then its overlay, is the map
 * drawn with them, pixel for pixel, at the display's scale too. */
static void
test_map_overlay (void)
{
  g_autoptr(DistrettoChart) chart = map_chart ();
  g_autoptr(DistrettoChart) ranking = three_bar_chart ();
  g_autoptr(DistrettoChartRenderOptions) bare = distretto_chart_render_options_new (DISTRETTO_CHART_STYLE_LIGHT);
  g_autoptr(DistrettoChartRenderOptions) options = distretto_chart_render_options_new (DISTRETTO_CHART_STYLE_LIGHT);
  cairo_surface_t *whole, *layered, *before;
  cairo_t *cr;

  distretto_chart_set_notes (chart, "Regions without a value are hatched.");
  distretto_chart_render_options_set_selected (options, "AA12");
  distretto_chart_render_options_set_highlighted (options, "AA13");

  for (int scale = 1; scale <= 2; scale++)
    {
      whole = render_scaled (chart, options, scale);
      layered = render_scaled (chart, bare, scale);
      g_assert_cmpuint (n_differing (whole, layered), >, 0);

      cr = cairo_create (layered);
      g_assert_true (distretto_chart_render_overlay (chart, cr, WIDTH, HEIGHT, options));
      cairo_destroy (cr);
      cairo_surface_flush (layered);
      g_assert_cmpuint (n_differing (whole, layered), ==, 0);

      cairo_surface_destroy (whole);
      cairo_surface_destroy (layered);
    }

  /* A ranking's selection is in its drawing: no overlay, nothing drawn. */
  layered = render_scaled (ranking, bare, 1);
  before = render_scaled (ranking, bare, 1);
  cr = cairo_create (layered);
  g_assert_false (distretto_chart_render_overlay (ranking, cr, WIDTH, HEIGHT, options));
  cairo_destroy (cr);
  g_assert_cmpuint (n_differing (layered, before), ==, 0);
  cairo_surface_destroy (layered);
  cairo_surface_destroy (before);
}

/* The classification is kept, and computed again when the chart changes:
 * values 0, 10, 20, 30 (AA11, AA12, AA13, FRY1; AA1 is not at the mapped
 * level, ZZ99 has no boundary). */
static void
test_map_classes_follow_changes (void)
{
  g_autoptr(DistrettoChart) chart = map_chart ();

  /* 4 equal intervals up to 10, 20, 30: 20 is in the third. */
  g_assert_cmpint (distretto_chart_get_region_class (chart, "AA13"), ==, 2);

  /* 3 quantiles of 4 values: bounds at the 2nd, 3rd and 4th, 10, 20, 30. */
  distretto_chart_set_classification (chart, DISTRETTO_CLASSIFICATION_QUANTILES, 3);
  g_assert_cmpint (distretto_chart_get_region_class (chart, "AA12"), ==, 0);
  g_assert_cmpint (distretto_chart_get_region_class (chart, "AA13"), ==, 1);
  g_assert_cmpint (distretto_chart_get_region_class (chart, "FRY1"), ==, 2);
  g_assert_cmpint (distretto_chart_get_region_class (chart, "AA14"), ==, -1);

  /* 25 more: 5 values, bounds at the 2nd, 4th and 5th, 10, 25, 30. */
  distretto_chart_add_bar (chart, "AA14", "No longer", 25.0);
  g_assert_cmpint (distretto_chart_get_region_class (chart, "AA13"), ==, 1);
  g_assert_cmpint (distretto_chart_get_region_class (chart, "AA14"), ==, 1);
  g_assert_cmpint (distretto_chart_get_region_class (chart, "FRY1"), ==, 2);
}

static void
set_other_text (DistrettoChart *chart)
{
  distretto_chart_set_subtitle (chart, "Another subtitle, longer than the first");
  distretto_chart_set_source (chart, "Source: another test");
  distretto_chart_set_notes (chart, "Notes added later.");
}

/* Text laid out once is kept for the next drawings, until the chart
 * changes: then each drawing is that of a chart built with the new text. */
static void
test_kept_text (void)
{
  const BuildChart builders[] = { noted_ranking, map_chart, scatter_chart };

  for (guint k = 0; k < G_N_ELEMENTS (builders); k++)
    {
      g_autoptr(DistrettoChart) chart = builders[k] ();
      g_autoptr(DistrettoChart) fresh = builders[k] ();
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GError) error = NULL;
      cairo_surface_t *before, *again, *after, *expected;

      before = render_scaled (chart, NULL, 1);
      /* Text laid out for a PDF in between is laid out again for an image. */
      pdf = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_PDF, WIDTH, HEIGHT, &error);
      g_assert_no_error (error);
      again = render_scaled (chart, NULL, 1);
      g_assert_cmpuint (n_differing (before, again), ==, 0);

      set_other_text (chart);
      after = render_scaled (chart, NULL, 1);
      set_other_text (fresh);
      expected = render_scaled (fresh, NULL, 1);
      g_assert_cmpuint (n_differing (before, after), >, 0);
      g_assert_cmpuint (n_differing (after, expected), ==, 0);

      cairo_surface_destroy (before);
      cairo_surface_destroy (again);
      cairo_surface_destroy (after);
      cairo_surface_destroy (expected);
    }
}

/* The pixel at (x, y) of an image at @scale, as 0xRRGGBB. */
static guint32
scaled_pixel (cairo_surface_t *surface,
              int              x,
              int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  return ((const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (surface)))[x] & 0xFFFFFF;
}

/* The largest difference of two pixels' channels. */
static int
channel_difference (guint32 a,
                    guint32 b)
{
  int largest = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    largest = MAX (largest, ABS ((int) ((a >> shift) & 0xFF) - (int) ((b >> shift) & 0xFF)));
  return largest;
}

/* On an image the regions are filled and hatched in one pass over the
 * pixels; replayed from a recording, cairo fills them class by class and
 * hatches each region under a clip. Nearly all pixels look the same; the
 * hatching inside a region is cairo's to a few levels (cairo samples some
 * rows where a line ends, and computes others exactly). */
static void
test_map_one_pass_fill (void)
{
  g_autoptr(DistrettoChart) chart = map_chart ();
  cairo_surface_t *plain = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  Box holed = colour_box (plain, 0x440154);

  cairo_surface_destroy (plain);

  for (int scale = 1; scale <= 2; scale++)
    {
      int width = WIDTH * scale, height = HEIGHT * scale;
      cairo_surface_t *direct = render_scaled (chart, NULL, scale);
      cairo_surface_t *replayed = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (recording);
      guint differing = 0, hatch_lines = 0;

      distretto_chart_render (chart, cr, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);
      cairo_destroy (cr);
      cairo_surface_set_device_scale (replayed, scale, scale);
      cr = cairo_create (replayed);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (recording);
      cairo_surface_flush (replayed);

      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          differing += !near_colour (scaled_pixel (direct, x, y), scaled_pixel (replayed, x, y));
      g_assert_cmpuint (differing, <, (guint) (width * height / 500));

      /* Inside the region without data, AA14, as high as the holed
       * region AA11 (class 0) and right above it. */
      for (int y = (2 * holed.y0 - holed.y1 + 3) * scale; y <= (holed.y0 - 3) * scale; y++)
        for (int x = (holed.x0 + 3) * scale; x <= (holed.x1 - 3) * scale; x++)
          {
            g_assert_cmpint (channel_difference (scaled_pixel (direct, x, y), scaled_pixel (replayed, x, y)), <=, 8);
            hatch_lines += scaled_pixel (direct, x, y) != 0xffffff;
          }
      g_assert_cmpuint (hatch_lines, >, 0);

      cairo_surface_destroy (direct);
      cairo_surface_destroy (replayed);
    }
}

typedef struct
{
  double width;
  double height;
  DistrettoChartStyle style;
  DistrettoChartStyle style_of_context;
  gboolean fail;
} BodyCall;

static gboolean
paint_body (cairo_t              *cr,
            double                width,
            double                height,
            DistrettoChartStyle   style,
            gpointer              user_data,
            GError              **error)
{
  BodyCall *call = user_data;

  call->width = width;
  call->height = height;
  call->style = style;
  call->style_of_context = distretto_chart_style_get_for_context (cr);
  if (call->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the module failed");
      return FALSE;
    }

  /* Beyond the body on purpose: the chart clips it. */
  cairo_set_source_rgb (cr, 0, 1, 0);
  cairo_rectangle (cr, -100, -100, width + 200, height + 200);
  cairo_fill (cr);
  return TRUE;
}

/* A custom chart: the host's frame, the body drawn by a function, in the
 * body's box only, told the style. */
static void
test_custom_body (void)
{
  BodyCall call = { 0, };
  g_autoptr(DistrettoChart) chart = distretto_chart_new_custom ("A module's view", paint_body, &call, NULL);
  g_autoptr(DistrettoChartRenderOptions) options = distretto_chart_render_options_new (DISTRETTO_CHART_STYLE_DARK);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 400);
  cairo_t *cr = cairo_create (surface);
  guint32 *pixels;
  int stride;

  distretto_chart_set_source (chart, "Source: test");
  g_assert_cmpint (distretto_chart_get_kind (chart), ==, DISTRETTO_CHART_KIND_CUSTOM);
  g_assert_null (distretto_chart_dup_table (chart));
  g_assert_null (distretto_chart_describe_at (chart, 600, 400, 300, 200, NULL));
  g_assert_cmpint (distretto_chart_style_get_for_context (cr), ==, DISTRETTO_CHART_STYLE_PRINT);

  distretto_chart_render_with_options (chart, cr, 600, 400, options);
  cairo_surface_flush (surface);
  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;

  g_assert_cmpint (call.style, ==, DISTRETTO_CHART_STYLE_DARK);
  g_assert_cmpint (call.style_of_context, ==, DISTRETTO_CHART_STYLE_DARK);
  /* 24 px margins left and right; the header above, the source below. */
  g_assert_cmpfloat (call.width, ==, 600 - 2 * 24);
  g_assert_cmpfloat (call.height, >, 200);
  g_assert_cmpfloat (call.height, <, 400 - 64);
  g_assert_cmphex (pixels[200 * stride + 300] & 0xFFFFFF, ==, 0x00FF00);
  g_assert_cmphex (pixels[10 * stride + 300] & 0xFFFFFF, !=, 0x00FF00);
  g_assert_cmphex (pixels[200 * stride + 5] & 0xFFFFFF, !=, 0x00FF00);
  g_assert_cmphex (pixels[395 * stride + 300] & 0xFFFFFF, !=, 0x00FF00);
  /* The style is set for the body only. */
  g_assert_cmpint (distretto_chart_style_get_for_context (cr), ==, DISTRETTO_CHART_STYLE_PRINT);

  /* A body that fails says why where it would be. */
  call.fail = TRUE;
  distretto_chart_render_with_options (chart, cr, 600, 400, options);
  cairo_surface_flush (surface);
  g_assert_cmphex (pixels[200 * stride + 300] & 0xFFFFFF, !=, 0x00FF00);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* WCAG's relative luminance, worked out here from the sRGB definition. */
static double
wcag_luminance (const DistrettoChartColor *color)
{
  const double channels[] = { color->red, color->green, color->blue };
  const double factors[] = { 0.2126, 0.7152, 0.0722 };
  double sum = 0.0;

  for (guint i = 0; i < 3; i++)
    sum += factors[i] * (channels[i] <= 0.04045 ? channels[i] / 12.92 : pow ((channels[i] + 0.055) / 1.055, 2.4));
  return sum;
}

static guint32
rgb_of (const DistrettoChartColor *color)
{
  return ((guint32) (color->red * 255 + 0.5) << 16) | ((guint32) (color->green * 255 + 0.5) << 8) |
         (guint32) (color->blue * 255 + 0.5);
}

/* On the dark background the darkest class of viridis (#440154, a
 * contrast of about 1.0 with #242424) is lightened to 3:1 and the four
 * classes keep their order; the light style keeps viridis itself. The
 * map drawn dark fills the lowest region with the lightened colour. */
static void
test_map_dark_classes (void)
{
  g_autoptr(DistrettoChart) chart = map_chart ();
  const DistrettoChartColor *background = &distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_DARK)->background;
  DistrettoChartColor light, dark[4];
  cairo_surface_t *surface;

  g_assert_true (distretto_chart_get_class_color (chart, 0, DISTRETTO_CHART_STYLE_LIGHT, &light));
  g_assert_cmpuint (rgb_of (&light), ==, 0x440154);
  g_assert_false (distretto_chart_get_class_color (chart, 4, DISTRETTO_CHART_STYLE_DARK, &light));

  for (guint c = 0; c < 4; c++)
    {
      double contrast;

      g_assert_true (distretto_chart_get_class_color (chart, c, DISTRETTO_CHART_STYLE_DARK, &dark[c]));
      contrast = (wcag_luminance (&dark[c]) + 0.05) / (wcag_luminance (background) + 0.05);
      g_test_message ("class %u: #%06x, contrast %.2f", c, rgb_of (&dark[c]), contrast);
      g_assert_cmpfloat (contrast, >=, 3.0 - 1e-6);
      if (c > 0)
        g_assert_cmpfloat (wcag_luminance (&dark[c]), >, wcag_luminance (&dark[c - 1]));
    }
  /* The lightest class stays as it was. */
  g_assert_cmpuint (rgb_of (&dark[3]), ==, 0xfde725);

  surface = render (chart, DISTRETTO_CHART_STYLE_DARK);
  colour_box (surface, rgb_of (&dark[0]));
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Chart/model-sorted", test_model_sorted);
  g_test_add_func ("/Distretto/Chart/bar-lengths-proportional", test_bar_lengths_proportional);
  g_test_add_func ("/Distretto/Chart/negative-values", test_negative_values);
  g_test_add_func ("/Distretto/Chart/dark-style", test_dark_style);
  g_test_add_func ("/Distretto/Chart/empty-and-extreme", test_empty_and_extreme);
  g_test_add_func ("/Distretto/Chart/export-formats", test_export_formats);
  g_test_add_func ("/Distretto/Chart/reference-groups-selection", test_reference_groups_and_selection);
  g_test_add_func ("/Distretto/Chart/hit-test-and-table", test_hit_test_and_table);
  g_test_add_func ("/Distretto/Chart/tooltip-names", test_tooltip_names);
  g_test_add_func ("/Distretto/Chart/trend-lines-and-gap", test_trend_lines_and_gap);
  g_test_add_func ("/Distretto/Chart/trend-hit-test-and-table", test_trend_hit_test_and_table);
  g_test_add_func ("/Distretto/Chart/trend-empty", test_trend_empty);
  g_test_add_func ("/Distretto/Chart/trend-reference", test_trend_reference);
  g_test_add_func ("/Distretto/Chart/trend-export", test_trend_export);
  g_test_add_func ("/Distretto/Chart/map-pixels", test_map_pixels);
  g_test_add_func ("/Distretto/Chart/map-group-certainty", test_map_group_certainty);
  g_test_add_func ("/Distretto/Chart/map-hit-test-and-table", test_map_hit_test_and_table);
  g_test_add_func ("/Distretto/Chart/map-classification", test_map_classification);
  g_test_add_func ("/Distretto/Chart/map-export", test_map_export);
  g_test_add_func ("/Distretto/Chart/map-color-schemes", test_map_color_schemes);
  g_test_add_func ("/Distretto/Chart/map-hairline-borders", test_map_hairline_borders);
  g_test_add_func ("/Distretto/Chart/png-round-trip", test_png_round_trip);
  g_test_add_func ("/Distretto/Chart/layout-cache", test_layout_cache);
  g_test_add_func ("/Distretto/Chart/export-without-hover", test_export_without_hover);
  g_test_add_func ("/Distretto/Chart/views-own-selection", test_views_own_selection);
  g_test_add_func ("/Distretto/Chart/map-overlay", test_map_overlay);
  g_test_add_func ("/Distretto/Chart/map-classes-follow-changes", test_map_classes_follow_changes);
  g_test_add_func ("/Distretto/Chart/kept-text", test_kept_text);
  g_test_add_func ("/Distretto/Chart/map-one-pass-fill", test_map_one_pass_fill);
  g_test_add_func ("/Distretto/Chart/custom-body", test_custom_body);
  g_test_add_func ("/Distretto/Chart/map-dark-classes", test_map_dark_classes);

  return g_test_run ();
}

/* test-chart-annotations.c: error bars, notes and colour schemes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"
#include <math.h>

#define WIDTH  800
#define HEIGHT 300

static DistrettoChart *
new_ranking_with_intervals (void)
{
  DistrettoChart *chart = distretto_chart_new_ranking ("Intervals");

  distretto_chart_add_bar (chart, "AA", "Alpha", 80.0);
  distretto_chart_add_bar (chart, "BB", "Beta", 50.0);
  distretto_chart_add_bar (chart, "CC", "Gamma", 20.0);
  g_assert_true (distretto_chart_set_bar_interval (chart, "BB", 30.0, 90.0));
  g_assert_true (distretto_chart_set_bar_interval (chart, "CC", 10.0, 25.0));
  g_assert_false (distretto_chart_set_bar_interval (chart, "ZZ", 10.0, 25.0));

  return chart;
}

/* The first and last x of pixels of @colour on row @y, or FALSE. */
static gboolean
run_of (cairo_surface_t *surface,
        int              y,
        guint32          colour,
        int             *first,
        int             *last)
{
  *first = -1;
  for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
    if (distretto_test_pixel (surface, x, y) == colour)
      {
        if (*first < 0)
          *first = x;
        *last = x;
      }

  return *first >= 0;
}

static void
test_interval_whiskers (void)
{
  g_autoptr(DistrettoChart) chart = new_ranking_with_intervals ();
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_PRINT);
  cairo_surface_t *surface = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);
  guint32 bar = distretto_test_rgb (&palette->bar);
  guint32 ink = distretto_test_rgb (&palette->foreground);
  int bar_rows[3] = { -1, -1, -1 };
  int n_bars = 0, previous = -10;
  double lower, upper;
  guint index;

  /* Find each bar's middle row: the bars are the runs of bar colour. */
  for (int y = 0; y < HEIGHT && n_bars < 3; y++)
    {
      int first, last;

      if (run_of (surface, y, bar, &first, &last))
        {
          if (y > previous + 1)
            bar_rows[n_bars++] = y;
          previous = y;
        }
    }
  g_assert_cmpint (n_bars, ==, 3);

  for (int b = 0; b < 3; b++)
    {
      /* Bars are a few pixels high: the row 2 below the top is bar only. */
      int y = bar_rows[b] + 2, zero = 0, end = 0;
      double value = distretto_chart_get_bar_value (chart, b);
      double scale;
      int first = -1, last = -1;

      g_assert_true (run_of (surface, y, bar, &zero, &end));
      scale = (end + 1 - zero) / value;

      /* The whisker is the row of the bar with the most ink. */
      for (int row = bar_rows[b], best = 0; distretto_test_pixel (surface, zero + 1, row) == bar; row++)
        {
          int count = 0, row_first = -1, row_last = -1;

          for (int x = zero + 1; x < WIDTH - 100; x++)
            if (distretto_test_pixel (surface, x, row) == ink)
              {
                if (row_first < 0)
                  row_first = x;
                row_last = x;
                count++;
              }
          if (count > best)
            {
              best = count;
              first = row_first;
              last = row_last;
            }
        }

      if (!distretto_chart_get_bar_interval (chart, b, &lower, &upper))
        {
          g_assert_cmpint (first, ==, -1);
          continue;
        }

      g_assert_cmpint (abs (first - (int) (zero + lower * scale)), <=, 2);
      g_assert_cmpint (abs (last - (int) (zero + upper * scale)), <=, 2);
    }

  /* Hovering says the interval. */
  for (int y = bar_rows[1]; y < bar_rows[1] + 2; y++)
    {
      const char *code;
      g_autofree char *text = distretto_chart_describe_at (chart, WIDTH, HEIGHT, 300, y, &code);

      g_assert_nonnull (text);
      g_assert_cmpstr (code, ==, "BB");
      g_assert_nonnull (strstr (text, "Beta"));
      g_assert_nonnull (strstr (text, "30.00"));
      g_assert_nonnull (strstr (text, "90.00"));
    }

  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, 300, bar_rows[0] + 1, &index));
  g_assert_cmpuint (index, ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_interval_table (void)
{
  g_autoptr(DistrettoChart) chart = new_ranking_with_intervals ();
  g_autofree char *table = distretto_chart_dup_table (chart);

  g_assert_cmpstr (table, ==,
                   "rank,region,name,value,category,lower,upper\n"
                   "1,AA,Alpha,80,,,\n"
                   "2,BB,Beta,50,,30,90\n"
                   "3,CC,Gamma,20,,10,25\n");
}

/* Rows of the image with ink in the band [top, bottom). */
static int
ink_rows (cairo_surface_t *surface,
          int              top,
          int              bottom,
          guint32          background)
{
  int rows = 0;

  for (int y = top; y < bottom; y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (distretto_test_pixel (surface, x, y) != background)
        {
          rows++;
          break;
        }

  return rows;
}

static int
last_bar_row (cairo_surface_t *surface,
              guint32          bar)
{
  int first, last;

  for (int y = HEIGHT - 1; y >= 0; y--)
    if (run_of (surface, y, bar, &first, &last))
      return y;

  return -1;
}

static void
test_notes (void)
{
  g_autoptr(DistrettoChart) chart = new_ranking_with_intervals ();
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_PRINT);
  guint32 background = distretto_test_rgb (&palette->background);
  double plain_height = distretto_chart_get_natural_height (chart);
  cairo_surface_t *plain, *noted;
  guint32 bar = distretto_test_rgb (&palette->bar);
  int bottom_plain, bottom_noted, last_plain, last_noted;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  guint index;

  plain = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);
  distretto_chart_set_notes (chart, "Error bars: the range of the score under the other normalisation and aggregation methods.");
  g_assert_cmpstr (distretto_chart_get_notes (chart), ==,
                   "Error bars: the range of the score under the other normalisation and aggregation methods.");
  noted = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);

  /* The notes add a strip with text at the bottom; the chart moves up. */
  g_assert_cmpfloat (distretto_chart_get_natural_height (chart), >, plain_height + 8);
  bottom_plain = ink_rows (plain, HEIGHT - 30, HEIGHT, background);
  bottom_noted = ink_rows (noted, HEIGHT - 30, HEIGHT, background);
  g_assert_cmpint (bottom_noted, >, 4);
  g_assert_cmpint (bottom_plain, <, bottom_noted);

  /* The bars move up, and hit-testing follows them: the row just below
   * the last bar, which was the bar's own without notes, is now past it. */
  last_plain = last_bar_row (plain, bar);
  last_noted = last_bar_row (noted, bar);
  g_assert_cmpint (last_noted, <, last_plain - 4);
  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, 100, last_noted, &index));
  g_assert_cmpuint (index, ==, 2);
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, 100, last_plain, &index));

  svg = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_SVG, WIDTH, HEIGHT, &error);
  g_assert_no_error (error);
  distretto_test_assert_svg (svg);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (noted);
}

/* Drawn with @options on an opaque image of WIDTH × HEIGHT. */
static cairo_surface_t *
render_with (DistrettoChart                    *chart,
             const DistrettoChartRenderOptions *options)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  distretto_chart_render_with_options (chart, cr, WIDTH, HEIGHT, options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* The hovered bar's row gets a band in the grid colour, across the chart;
 * the chart itself does not change. */
static void
test_highlight (void)
{
  g_autoptr(DistrettoChart) chart = new_ranking_with_intervals ();
  g_autoptr(DistrettoChartRenderOptions) options = distretto_chart_render_options_new (DISTRETTO_CHART_STYLE_PRINT);
  g_autoptr(DistrettoChartRenderOptions) copy = NULL;
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_PRINT);
  guint32 grid = distretto_test_rgb (&palette->grid);
  guint32 bar = distretto_test_rgb (&palette->bar);
  cairo_surface_t *plain, *hovered;
  int first, last, beta_top = -1;
  guint banded = 0;
  guint revision = distretto_chart_get_revision (chart);

  g_assert_null (distretto_chart_render_options_get_highlighted (options));
  distretto_chart_render_options_set_highlighted (options, "BB");
  copy = distretto_chart_render_options_copy (options);
  g_assert_cmpstr (distretto_chart_render_options_get_highlighted (copy), ==, "BB");
  g_assert_null (distretto_chart_render_options_get_selected (copy));
  g_assert_cmpint (distretto_chart_render_options_get_style (copy), ==, DISTRETTO_CHART_STYLE_PRINT);

  hovered = render_with (chart, options);
  g_assert_cmpuint (distretto_chart_get_revision (chart), ==, revision);
  plain = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);

  /* The second run of bar rows is Beta's. */
  for (int y = 0, runs = 0, previous = -10; y < HEIGHT && beta_top < 0; y++)
    if (run_of (plain, y, bar, &first, &last))
      {
        if (y > previous + 1 && ++runs == 2)
          beta_top = y;
        previous = y;
      }
  g_assert_cmpint (beta_top, >, 0);

  /* Left of the labels, on Beta's row: the band, only when hovered. */
  for (int x = 26; x < 40; x++)
    {
      g_assert_cmphex (distretto_test_pixel (plain, x, beta_top + 2), !=, grid);
      banded += distretto_test_pixel (hovered, x, beta_top + 2) == grid;
    }
  g_assert_cmpuint (banded, >=, 10);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (hovered);
}

static void
test_color_schemes (void)
{
  DistrettoChartColor color, low, high;

  distretto_color_scheme_get_color (DISTRETTO_COLOR_SCHEME_VIRIDIS, 0.0, &color);
  g_assert_cmphex (distretto_test_rgb (&color), ==, 0x440154);
  distretto_color_scheme_get_color (DISTRETTO_COLOR_SCHEME_VIRIDIS, 1.0, &color);
  g_assert_cmphex (distretto_test_rgb (&color), ==, 0xfde725);
  distretto_color_scheme_get_color (DISTRETTO_COLOR_SCHEME_VIRIDIS, 7.0, &color);
  g_assert_cmphex (distretto_test_rgb (&color), ==, 0xfde725);
  distretto_color_scheme_get_color (DISTRETTO_COLOR_SCHEME_VIRIDIS, 0.5, &color);
  g_assert_cmphex (distretto_test_rgb (&color), ==, 0x21918c);

  /* Diverging: light in the middle (and for NaN), dark at both ends. */
  distretto_color_scheme_get_color (DISTRETTO_COLOR_SCHEME_DIVERGING, 0.5, &color);
  g_assert_cmphex (distretto_test_rgb (&color), ==, 0xf7f7f7);
  distretto_color_scheme_get_color (DISTRETTO_COLOR_SCHEME_DIVERGING, NAN, &color);
  g_assert_cmphex (distretto_test_rgb (&color), ==, 0xf7f7f7);
  distretto_color_scheme_get_color (DISTRETTO_COLOR_SCHEME_DIVERGING, 0.0, &low);
  distretto_color_scheme_get_color (DISTRETTO_COLOR_SCHEME_DIVERGING, 1.0, &high);
  g_assert_cmpfloat (low.red + low.green + low.blue, <, 1.5);
  g_assert_cmpfloat (high.red + high.green + high.blue, <, 1.5);
  g_assert_cmpfloat (low.red, >, low.blue);
  g_assert_cmpfloat (high.blue, >, high.red);

  /* Sequential schemes get lighter all the way. */
  for (int scheme = DISTRETTO_COLOR_SCHEME_VIRIDIS; scheme <= DISTRETTO_COLOR_SCHEME_CIVIDIS; scheme++)
    {
      double previous = -1.0;

      for (int i = 0; i <= 20; i++)
        {
          double luminance;

          distretto_color_scheme_get_color (scheme, i / 20.0, &color);
          luminance = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue;
          g_assert_cmpfloat (luminance, >, previous);
          previous = luminance;
        }
    }
}

/* A ranking of some regions: ranks before the names, a dotted line
 * where ranks are skipped, the highlighted bar outlined; its tidy table
 * holds what it shows, the ranks and the synthetic flag. */
static void
test_ranks_and_highlighted_regions (void)
{
  g_autoptr(DistrettoChart) chart = distretto_chart_new_ranking ("Some regions");
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_PRINT);
  const char *highlighted[] = { "CC", NULL };
  g_autofree char *table = NULL;
  g_autofree char *tsv = NULL;
  g_autofree char *described = NULL;
  cairo_surface_t *surface;
  guint32 ink = distretto_test_rgb (&palette->foreground);
  guint outline = 0;
  guint index;

  distretto_chart_add_bar (chart, "AA", "Alpha", 80.0);
  distretto_chart_add_bar (chart, "BB", "Beta", 50.0);
  distretto_chart_add_bar (chart, "CC", "Gamma", 20.0);
  g_assert_true (distretto_chart_set_bar_rank (chart, "AA", 1));
  g_assert_true (distretto_chart_set_bar_rank (chart, "BB", 2));
  g_assert_true (distretto_chart_set_bar_rank (chart, "CC", 17));
  g_assert_false (distretto_chart_set_bar_rank (chart, "ZZ", 3));
  distretto_chart_set_highlighted_regions (chart, highlighted);
  distretto_chart_set_indicator (chart, "module");
  distretto_chart_set_year (chart, 2023);
  distretto_chart_set_synthetic (chart, TRUE);
  distretto_chart_set_source (chart, "Source: here, there");

  g_assert_true (distretto_chart_is_highlighted_region (chart, "CC"));
  g_assert_false (distretto_chart_is_highlighted_region (chart, "AA"));
  g_assert_cmpuint (distretto_chart_get_bar_rank (chart, 2), ==, 17);

  /* The third bar's tooltip says its rank among all, not its place. */
  surface = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH / 2, HEIGHT - 90, &index));
  described = distretto_chart_describe_at (chart, WIDTH, HEIGHT, WIDTH / 2, HEIGHT - 90, NULL);
  g_assert_cmpuint (index, ==, 2);
  g_assert_true (g_str_has_prefix (described, "17. Gamma (CC)"));

  /* The highlighted bar is outlined in ink: a column of ink where the
   * bar's left edge is, over the bar's height. */
  for (int y = 0; y < HEIGHT; y++)
    for (int x = WIDTH / 4; x < WIDTH / 2; x++)
      outline += distretto_test_pixel (surface, x, y) == ink;
  g_assert_cmpuint (outline, >, 50);
  cairo_surface_destroy (surface);

  table = distretto_chart_dup_tidy_table (chart, ',');
  g_assert_cmpstr (table, ==,
                   "region,name,indicator,year,value,flag,rank,source\n"
                   "AA,Alpha,module,2023,80,synthetic,1,\"Source: here, there\"\n"
                   "BB,Beta,module,2023,50,synthetic,2,\"Source: here, there\"\n"
                   "CC,Gamma,module,2023,20,synthetic,17,\"Source: here, there\"\n");
  tsv = distretto_chart_dup_tidy_table (chart, '\t');
  g_assert_true (g_str_has_suffix (tsv, "CC\tGamma\tmodule\t2023\t20\tsynthetic\t17\tSource: here, there\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/ChartAnnotations/interval-whiskers", test_interval_whiskers);
  g_test_add_func ("/Distretto/ChartAnnotations/interval-table", test_interval_table);
  g_test_add_func ("/Distretto/ChartAnnotations/notes", test_notes);
  g_test_add_func ("/Distretto/ChartAnnotations/highlight", test_highlight);
  g_test_add_func ("/Distretto/ChartAnnotations/color-schemes", test_color_schemes);
  g_test_add_func ("/Distretto/ChartAnnotations/ranks-and-highlighted-regions", test_ranks_and_highlighted_regions);

  return g_test_run ();
}

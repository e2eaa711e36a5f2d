/* test-chart-profiles.c: radar and heatmap charts, their model and pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"
#include <float.h>
#include <math.h>

static DistrettoChart *
new_profiles (DistrettoChartKind kind)
{
  static const char *axes[] = { "Services", "Manufacturing", "Skills", NULL };
  const double first[] = { 0.8, 0.2, 0.5 };
  const double second[] = { 0.3, NAN, 0.9 };
  const double third[] = { 0.6, 0.7, 0.1 };
  DistrettoChart *chart = kind == DISTRETTO_CHART_KIND_RADAR ? distretto_chart_new_radar ("Profiles")
                                                             : distretto_chart_new_heatmap ("Profiles");

  distretto_chart_set_axes (chart, axes);
  distretto_chart_add_profile (chart, "AT13", "Wien", first, G_N_ELEMENTS (first));
  distretto_chart_add_profile (chart, "DE21", "Oberbayern", second, G_N_ELEMENTS (second));
  distretto_chart_add_profile (chart, "ITC4", "Lombardia, \"Milano\"", third, G_N_ELEMENTS (third));

  return chart;
}

static void
test_model_and_sorting (void)
{
  g_autoptr(DistrettoChart) chart = new_profiles (DISTRETTO_CHART_KIND_HEATMAP);
  g_autofree guint *order = NULL;
  g_autofree guint *sorted = NULL;
  g_autofree guint *by_skills = NULL;
  guint n;

  g_assert_cmpint (distretto_chart_get_kind (chart), ==, DISTRETTO_CHART_KIND_HEATMAP);
  g_assert_cmpuint (distretto_chart_get_n_axes (chart), ==, 3);
  g_assert_cmpstr (distretto_chart_get_axis_label (chart, 1), ==, "Manufacturing");
  g_assert_cmpuint (distretto_chart_get_n_lines (chart), ==, 3);
  g_assert_cmpfloat (distretto_chart_get_profile_value (chart, 0, 0), ==, 0.8);
  g_assert_true (isnan (distretto_chart_get_profile_value (chart, 1, 1)));

  order = distretto_chart_dup_row_order (chart, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (order[0], ==, 0);
  g_assert_cmpuint (order[2], ==, 2);

  /* By manufacturing, largest first, the missing value last. */
  distretto_chart_set_sort_axis (chart, 1);
  sorted = distretto_chart_dup_row_order (chart, &n);
  g_assert_cmpuint (sorted[0], ==, 2);
  g_assert_cmpuint (sorted[1], ==, 0);
  g_assert_cmpuint (sorted[2], ==, 1);

  distretto_chart_set_sort_axis (chart, 2);
  by_skills = distretto_chart_dup_row_order (chart, &n);
  g_assert_cmpuint (by_skills[0], ==, 1);
  g_assert_cmpuint (by_skills[2], ==, 2);
}

static void
test_table (void)
{
  g_autoptr(DistrettoChart) chart = new_profiles (DISTRETTO_CHART_KIND_RADAR);
  g_autofree char *table = distretto_chart_dup_table (chart);
  g_auto(GStrv) rows = g_strsplit (table, "\n", -1);

  g_assert_cmpstr (rows[0], ==, "region,name,axis,value");
  g_assert_cmpstr (rows[1], ==, "AT13,Wien,Services,0.80000000000000004");
  g_assert_cmpstr (rows[5], ==, "DE21,Oberbayern,Manufacturing,");
  g_assert_cmpstr (rows[7], ==, "ITC4,\"Lombardia, \"\"Milano\"\"\",Services,0.59999999999999998");
  g_assert_cmpuint (g_strv_length (rows), ==, 11);
  g_assert_cmpstr (rows[10], ==, "");
}

#define WIDTH  640
#define HEIGHT 480

/* A box around pixels, inclusive. */
typedef struct
{
  int x0, y0, x1, y1;
} Box;

static gboolean
is_coloured (guint32 p)
{
  int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;

  return MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 0x30;
}

static gboolean
is_dark (guint32 p)
{
  return ((p >> 16) & 0xFF) < 0x50 && ((p >> 8) & 0xFF) < 0x50 && (p & 0xFF) < 0x50;
}

/* The largest per-channel difference of two pixels. */
static int
channel_distance (guint32 a,
                  guint32 b)
{
  int d = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    d = MAX (d, ABS ((int) ((a >> shift) & 0xFF) - (int) ((b >> shift) & 0xFF)));
  return d;
}

/* Colours as cairo stores them may round differently by one. */
static gboolean
same_colour (guint32 a,
             guint32 b)
{
  return channel_distance (a, b) <= 1;
}

/* A fill of a profile's colour, translucent over a grey background. */
static gboolean
is_tinted (guint32 p)
{
  return (int) (p & 0xFF) - (int) ((p >> 16) & 0xFF) > 0x10;
}

/* Whether any pixel within @radius of (@x, @y) is coloured. */
static gboolean
coloured_near (cairo_surface_t *surface,
               double           x,
               double           y,
               int              radius)
{
  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      if (is_coloured (distretto_test_pixel (surface, (int) x + dx, (int) y + dy)))
        return TRUE;
  return FALSE;
}

/* Whether any pixel of column @x between @y0 and @y1 is near @colour. */
static gboolean
near_in_column (cairo_surface_t *surface,
                int              x,
                int              y0,
                int              y1,
                guint32          colour)
{
  for (int y = y0; y <= y1; y++)
    if (channel_distance (distretto_test_pixel (surface, x, y), colour) <= 0x10)
      return TRUE;
  return FALSE;
}

static guint
count_colour (cairo_surface_t *surface,
              guint32          colour)
{
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      n += distretto_test_pixel (surface, x, y) == colour;
  return n;
}

static guint
count_coloured (cairo_surface_t *surface)
{
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      n += is_coloured (distretto_test_pixel (surface, x, y));
  return n;
}

/* The box of the pixels exactly @colour left of @x_limit; FALSE if none. */
static gboolean
find_colour (cairo_surface_t *surface,
             guint32          colour,
             int              x_limit,
             Box             *box)
{
  gboolean any = FALSE;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < x_limit; x++)
      if (same_colour (distretto_test_pixel (surface, x, y), colour))
        {
          box->x0 = any ? MIN (box->x0, x) : x;
          box->x1 = any ? MAX (box->x1, x) : x;
          box->y0 = any ? MIN (box->y0, y) : y;
          box->y1 = any ? MAX (box->y1, y) : y;
          any = TRUE;
        }
  return any;
}

/* The box of the runs of @colour at least @min_run pixels long: a
 * heatmap's cells, not the legend's narrow gradient. */
static gboolean
find_block (cairo_surface_t *surface,
            guint32          colour,
            int              min_run,
            Box             *box)
{
  int width = cairo_image_surface_get_width (surface);
  gboolean any = FALSE;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < width;)
      {
        int end = x;

        while (end < width && same_colour (distretto_test_pixel (surface, end, y), colour))
          end++;
        if (end - x >= min_run)
          {
            box->x0 = any ? MIN (box->x0, x) : x;
            box->x1 = any ? MAX (box->x1, end - 1) : end - 1;
            box->y0 = any ? MIN (box->y0, y) : y;
            box->y1 = any ? MAX (box->y1, y) : y;
            any = TRUE;
          }
        x = MAX (end, x + 1);
      }
  return any;
}

static guint32
scheme_pixel (DistrettoColorScheme scheme,
              double               position)
{
  DistrettoChartColor color;

  distretto_color_scheme_get_color (scheme, position, &color);
  return distretto_test_rgb (&color);
}

/* The radar's part of the image: the legend is in the right 30%. */
#define RADAR_LIMIT ((int) (WIDTH * 0.7 - 24))

static DistrettoChart *
new_radar (const double *first,
           const double *second,
           guint         n_axes)
{
  static const char *axes[] = { "North", "East", "South", "West", NULL };
  const char *labels[5] = { NULL, };
  DistrettoChart *chart = distretto_chart_new_radar ("Radar");

  for (guint i = 0; i < n_axes; i++)
    labels[i] = axes[i];
  distretto_chart_set_axes (chart, labels);
  distretto_chart_add_profile (chart, "AT13", "Wien", first, n_axes);
  if (second != NULL)
    distretto_chart_add_profile (chart, "DE21", "Oberbayern", second, n_axes);

  return chart;
}

static void
test_radar_distances (void)
{
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_LIGHT);
  guint32 blue = distretto_test_rgb (&palette->lines[0]);
  const double values[] = { 0.8, 0.4, 0.6, 0.2 };
  g_autoptr(DistrettoChart) chart = new_radar (values, NULL, 4);
  cairo_surface_t *surface = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_LIGHT);
  double centre_x = 0, centre_y, east_x, k, offset;
  g_autofree char *text = NULL;
  guint line = 99;
  int n = 0;
  Box box;

  /* Dots at the vertices: the extremes of the profile's colour. The north
   * dot, on the vertical spoke, gives the centre's x. */
  g_assert_true (find_colour (surface, blue, RADAR_LIMIT, &box));
  for (int x = box.x0; x <= box.x1; x++)
    if (same_colour (distretto_test_pixel (surface, x, box.y0 + 1), blue))
      centre_x += x, n++;
  g_assert_cmpint (n, >, 0);
  centre_x /= n;

  /* Distances from the centre are k × value plus a dot's radius: east
   * (0.4) and west (0.2) give k and the radius; then north (0.8) and
   * south (0.6) together must span 1.4 k plus two radii. */
  k = ((box.x1 - centre_x) - (centre_x - box.x0)) / (0.4 - 0.2);
  offset = (centre_x - box.x0) - 0.2 * k;
  g_test_message ("k %g, offset %g, height %d", k, offset, box.y1 - box.y0);
  g_assert_cmpfloat (k, >, 100);
  g_assert_cmpfloat (offset, >=, 0.0);
  g_assert_cmpfloat (offset, <=, 5.0);
  g_assert_cmpfloat (fabs ((box.y1 - box.y0) - (1.4 * k + 2 * offset)), <=, 3.0);

  /* The east vertex is Wien's on axis 1; far away, or at the centre (0.2 k
   * from the nearest vertex), nothing. */
  east_x = centre_x + 0.4 * k;
  centre_y = box.y0 + offset + 0.8 * k;
  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, east_x + 3, centre_y - 2, &line));
  g_assert_cmpuint (line, ==, 0);
  g_assert_cmpint (distretto_chart_hit_test_axis (chart, WIDTH, HEIGHT, east_x + 3, centre_y - 2), ==, 1);
  g_assert_cmpint (distretto_chart_hit_test_axis (chart, WIDTH, HEIGHT, centre_x, box.y0 + offset), ==, 0);
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, 5, 5, &line));
  g_assert_cmpint (distretto_chart_hit_test_axis (chart, WIDTH, HEIGHT, 5, 5), ==, -1);
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, centre_x, centre_y, &line));
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, east_x + 12, centre_y, &line));

  text = distretto_chart_describe_at (chart, WIDTH, HEIGHT, east_x, centre_y, NULL);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Wien"));
  g_assert_nonnull (strstr (text, "East"));
  g_assert_nonnull (strstr (text, "0.40"));

  cairo_surface_destroy (surface);
}

static void
test_radar_reference (void)
{
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_PRINT);
  guint32 blue = distretto_test_rgb (&palette->lines[0]);
  guint32 background = distretto_test_rgb (&palette->background);
  guint32 reference_colour = distretto_test_rgb (&palette->reference);
  const double reference[] = { 0.8, 0.8, 0.8, 0.8 };
  const double region[] = { 0.4, 0.4, 0.4, 0.4 };
  g_autoptr(DistrettoChart) chart = new_radar (reference, region, 4);
  cairo_surface_t *surface;
  double cx, cy, r;
  guint dark = 0, light = 0, runs = 0, exact = 0;  /* exact: near the reference colour */
  gboolean was_dark = FALSE;
  guint line = 99;
  Box box;

  distretto_chart_set_reference_line (chart, 0);
  surface = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);

  /* The region, not the reference, takes the first line colour; its
   * diamond has half the radius (less its dots' radius, about 2). */
  g_assert_true (find_colour (surface, blue, RADAR_LIMIT, &box));
  cx = (box.x0 + box.x1) / 2.0;
  cy = (box.y0 + box.y1) / 2.0;
  g_assert_cmpfloat (fabs ((box.y1 - cy) - (box.x1 - cx)), <=, 1.0);
  r = 2 * (box.x1 - cx - 2);

  /* Across the reference's north-east edge, all along it: dashes of the
   * reference colour and gaps, nothing coloured. */
  for (double t = 0.2; t <= 0.8; t += 0.004)
    {
      double x = cx + t * r, y = cy - (1 - t) * r;
      gboolean is = FALSE;

      for (int s = -5; s <= 5; s++)
        {
          guint32 p = distretto_test_pixel (surface, (int) (x + s * 0.7), (int) (y - s * 0.7));

          g_assert_false (is_coloured (p));
          is |= is_dark (p);
          exact += channel_distance (p, reference_colour) <= 0x20;
        }
      dark += is;
      light += !is;
      runs += is && !was_dark;
      was_dark = is;
    }
  g_test_message ("dark %u light %u runs %u exact %u", dark, light, runs, exact);
  g_assert_cmpuint (dark, >, 40);
  g_assert_cmpuint (light, >, 20);
  g_assert_cmpuint (runs, >=, 5);
  g_assert_cmpuint (exact, >, 10);

  /* The reference is not filled; the region is. */
  g_assert_cmphex (distretto_test_pixel (surface, cx + 0.3 * r, cy - 0.55 * r), ==, background);
  g_assert_true (is_tinted (distretto_test_pixel (surface, cx + 0.12 * r, cy - 0.18 * r)));

  /* The reference's edge is hit: its profile, no axis. */
  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, cx + 0.5 * r + 2, cy - 0.5 * r + 2, &line));
  g_assert_cmpuint (line, ==, 0);
  g_assert_cmpint (distretto_chart_hit_test_axis (chart, WIDTH, HEIGHT, cx + 0.5 * r + 2, cy - 0.5 * r + 2), ==, -1);

  cairo_surface_destroy (surface);
}

static void
test_radar_selected (void)
{
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_LIGHT);
  guint32 blue = distretto_test_rgb (&palette->lines[0]);
  guint32 orange = distretto_test_rgb (&palette->lines[1]);
  const double same[] = { 0.7, 0.5, 0.6, 0.3 };
  g_autoptr(DistrettoChart) chart = new_radar (same, same, 4);
  cairo_surface_t *plain, *selected;
  guint plain_blue, plain_orange, selected_blue, selected_orange;

  /* Two identical profiles: the later one covers the first... */
  plain = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_LIGHT);
  distretto_chart_set_selected (chart, "AT13");
  selected = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_LIGHT);

  plain_blue = count_colour (plain, blue);
  plain_orange = count_colour (plain, orange);
  selected_blue = count_colour (selected, blue);
  selected_orange = count_colour (selected, orange);
  g_test_message ("blue %u -> %u, orange %u -> %u", plain_blue, selected_blue, plain_orange, selected_orange);

  /* ...unless the first is selected: then it is on top, and thicker. */
  g_assert_cmpuint (plain_orange, >, 2 * plain_blue);
  g_assert_cmpuint (selected_blue, >, 2 * selected_orange);
  g_assert_cmpuint (selected_blue, >, plain_orange * 3 / 2);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (selected);
}

static void
test_radar_missing (void)
{
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_LIGHT);
  guint32 blue = distretto_test_rgb (&palette->lines[0]);
  guint32 background = distretto_test_rgb (&palette->background);
  const double values[] = { 0.8, 0.8, NAN, 0.8 };
  g_autoptr(DistrettoChart) chart = new_radar (values, NULL, 4);
  cairo_surface_t *surface = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_LIGHT);
  double cx, cy, r;
  Box box;

  g_assert_true (find_colour (surface, blue, RADAR_LIMIT, &box));
  cx = (box.x0 + box.x1) / 2.0;
  r = (box.x1 - box.x0) / 2.0;
  cy = box.y0 + r;
  /* No vertex below the centre: the south value is missing. */
  g_assert_cmpfloat (box.y1, <, cy + 6);

  /* The north-east edge is drawn, the two southern ones are not. */
  g_assert_true (coloured_near (surface, cx + r / 2, cy - r / 2, 3));
  g_assert_false (coloured_near (surface, cx + r / 2, cy + r / 2, 3));
  g_assert_false (coloured_near (surface, cx - r / 2, cy + r / 2, 3));
  /* The wedge north-east of the centre is filled, the south-east one not. */
  g_assert_true (is_tinted (distretto_test_pixel (surface, cx + 0.3 * r, cy - 0.07 * r)));
  g_assert_cmphex (distretto_test_pixel (surface, cx + 0.3 * r, cy + 0.07 * r), ==, background);

  cairo_surface_destroy (surface);
}

static void
test_radar_degenerate (void)
{
  const double one[] = { 0.5 };
  const double two[] = { 0.5, 1.0 };
  const double huge[] = { 1e300, -1e300, 1.0 };
  const double overflow[] = { 1e308, -1e308, 1.0 };
  const double max[] = { DBL_MAX, 1.0, 0.0 };
  const double tiny[] = { 1e-310, 0.0, -1e-310 };
  const double missing[] = { NAN, NAN, NAN };
  const char *no_axes[] = { NULL };
  g_autoptr(DistrettoChart) empty = distretto_chart_new_radar ("Empty");
  g_autoptr(DistrettoChart) zero_axes = distretto_chart_new_radar ("No axes");
  struct { const double *values; guint n; gboolean drawn; } cases[] = {
    { one, 1, TRUE },
    { two, 2, TRUE },
    { huge, 3, TRUE },
    { overflow, 3, FALSE },
    { max, 3, FALSE },
    { tiny, 3, TRUE },
    { missing, 3, FALSE },
  };
  cairo_surface_t *surface;
  guint line;

  /* Nothing to draw: the message, no colour. */
  surface = distretto_test_render_chart (empty, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_LIGHT);
  g_assert_cmpuint (count_coloured (surface), ==, 0);
  cairo_surface_destroy (surface);
  g_assert_false (distretto_chart_hit_test (empty, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2, &line));

  distretto_chart_set_axes (zero_axes, no_axes);
  distretto_chart_add_profile (zero_axes, "AT13", "Wien", NULL, 0);
  surface = distretto_test_render_chart (zero_axes, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_DARK);
  g_assert_cmpuint (count_coloured (surface), ==, 0);
  cairo_surface_destroy (surface);
  g_assert_false (distretto_chart_hit_test (zero_axes, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2, &line));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      static const char *axes[] = { "North", "East", "South", NULL };
      const char *labels[4] = { NULL, };
      g_autoptr(DistrettoChart) chart = distretto_chart_new_radar ("Degenerate");
      guint coloured = 0;

      for (guint j = 0; j < cases[i].n; j++)
        labels[j] = axes[j];
      distretto_chart_set_axes (chart, labels);
      distretto_chart_add_profile (chart, "AT13", "Wien", cases[i].values, cases[i].n);

      /* The legend's swatch is coloured too: count the radar's side. */
      surface = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);
      for (int y = 0; y < HEIGHT; y++)
        for (int x = 0; x < RADAR_LIMIT; x++)
          coloured += is_coloured (distretto_test_pixel (surface, x, y));
      g_test_message ("case %u: %u coloured", i, coloured);
      if (cases[i].drawn)
        g_assert_cmpuint (coloured, >, 10);
      else
        g_assert_cmpuint (count_coloured (surface), ==, 0);
      cairo_surface_destroy (surface);

      for (int y = 0; y < HEIGHT; y += 23)
        for (int x = 0; x < WIDTH; x += 23)
          distretto_chart_hit_test_axis (chart, WIDTH, HEIGHT, x, y);
      /* Too small is not a crash either. */
      cairo_surface_destroy (distretto_test_render_chart (chart, 60, 40, DISTRETTO_CHART_STYLE_LIGHT));
      g_assert_false (distretto_chart_hit_test (chart, 60, 40, 30, 20, &line));
    }
}

/* The chart of new_profiles() in a known place: largest value 0.9 (DE21,
 * Skills), smallest 0.1 (ITC4, Skills), DE21's Manufacturing missing. */
static void
test_heatmap_cells (void)
{
  g_autoptr(DistrettoChart) chart = new_profiles (DISTRETTO_CHART_KIND_HEATMAP);
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_LIGHT);
  guint32 top = scheme_pixel (DISTRETTO_COLOR_SCHEME_VIRIDIS, 1.0);
  guint32 bottom = scheme_pixel (DISTRETTO_COLOR_SCHEME_VIRIDIS, 0.0);
  guint32 middle = scheme_pixel (DISTRETTO_COLOR_SCHEME_VIRIDIS, 0.5);
  cairo_surface_t *surface, *sorted, *selected;
  Box high, low;
  double row, column, missing_x, missing_y, grid_top;
  guint32 foreground = distretto_test_rgb (&palette->foreground);
  double services_x;
  guint line = 99;

  surface = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_LIGHT);
  g_assert_true (find_block (surface, top, 20, &high));
  g_assert_true (find_block (surface, bottom, 20, &low));
  g_test_message ("high %d,%d to %d,%d, low %d,%d to %d,%d", high.x0, high.y0, high.x1, high.y1,
                  low.x0, low.y0, low.x1, low.y1);

  /* The same column, DE21's row right above ITC4's. */
  g_assert_cmpint (ABS (high.x0 - low.x0), <=, 1);
  g_assert_cmpint (ABS (high.x1 - low.x1), <=, 1);
  row = low.y0 - high.y0;
  column = high.x1 - high.x0 + 1;
  g_assert_cmpfloat (row, >=, 9);
  g_assert_cmpfloat (row, <=, 29);
  g_assert_cmpint (ABS ((high.y1 - high.y0 + 1) - (int) row), <=, 2);

  /* The missing cell, left of the largest: neither end of the scale, nor
   * any colour of it. */
  missing_x = (high.x0 + high.x1) / 2.0 - column;
  missing_y = (high.y0 + high.y1) / 2.0;
  {
    guint32 p = distretto_test_pixel (surface, missing_x, missing_y);
    int nearest = 255;

    for (int i = 0; i <= 100; i++)
      nearest = MIN (nearest, channel_distance (p, scheme_pixel (DISTRETTO_COLOR_SCHEME_VIRIDIS, i / 100.0)));
    g_assert_cmpint (nearest, >, 0x20);
    g_assert_false (is_coloured (p));
  }

  /* Hit-testing the cells and a header. */
  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, high.x0 + 2, high.y0 + 2, &line));
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpint (distretto_chart_hit_test_axis (chart, WIDTH, HEIGHT, high.x0 + 2, high.y0 + 2), ==, 2);
  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, low.x1 - 2, low.y1 - 2, &line));
  g_assert_cmpuint (line, ==, 2);
  {
    g_autofree char *text = distretto_chart_describe_at (chart, WIDTH, HEIGHT, high.x0 + 2, high.y0 + 2, NULL);

    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "Oberbayern"));
    g_assert_nonnull (strstr (text, "Skills"));
    g_assert_nonnull (strstr (text, "0.90"));
  }
  {
    g_autofree char *text = distretto_chart_describe_at (chart, WIDTH, HEIGHT, missing_x, missing_y, NULL);

    g_assert_nonnull (strstr (text, "Manufacturing"));
    g_assert_nonnull (strstr (text, "no data"));
  }

  /* A column's header: its axis, but no row; the line is left alone. */
  grid_top = high.y0 - row;
  line = 99;
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, high.x0 + 2, grid_top - 40, &line));
  g_assert_cmpuint (line, ==, 99);
  g_assert_cmpint (distretto_chart_hit_test_axis (chart, WIDTH, HEIGHT, high.x0 + 2, grid_top - 40), ==, 2);
  g_assert_cmpint (distretto_chart_hit_test_axis (chart, WIDTH, HEIGHT, missing_x, grid_top - 40), ==, 1);
  g_assert_null (distretto_chart_describe_at (chart, WIDTH, HEIGHT, high.x0 + 2, grid_top - 40, NULL));
  /* Left of the grid, below it, far away: nothing. */
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, 2, high.y0 + 2, &line));
  g_assert_cmpint (distretto_chart_hit_test_axis (chart, WIDTH, HEIGHT, high.x0 + 2, low.y1 + 3 * row), ==, -1);
  g_assert_cmpint (distretto_chart_hit_test_axis (chart, WIDTH, HEIGHT, 2, 2), ==, -1);

  /* Unsorted, Wien (0.5 in Skills) is on top; sorted by Skills, DE21. */
  g_assert_true (same_colour (distretto_test_pixel (surface, high.x0 + 2, grid_top + 2), middle));
  distretto_chart_set_sort_axis (chart, 2);
  sorted = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_LIGHT);
  g_assert_true (same_colour (distretto_test_pixel (sorted, high.x0 + 2, grid_top + 2), top));
  g_assert_true (same_colour (distretto_test_pixel (sorted, high.x0 + 2, grid_top + row + 2), middle));
  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, high.x0 + 2, grid_top + 2, &line));
  g_assert_cmpuint (line, ==, 1);

  /* The selected row (ITC4, the third) is outlined in the foreground
   * colour, in the Services column; the boundary above it is not. */
  services_x = high.x0 + 10 - 2 * (column + 1);
  g_assert_false (near_in_column (sorted, services_x, grid_top + 2 * row - 3, grid_top + 2 * row + 2, foreground));
  distretto_chart_set_selected (chart, "ITC4");
  selected = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_LIGHT);
  g_assert_true (near_in_column (selected, services_x, grid_top + 2 * row - 3, grid_top + 2 * row + 2, foreground));
  g_assert_true (near_in_column (selected, services_x, grid_top + 3 * row - 3, grid_top + 3 * row + 2, foreground));
  g_assert_false (near_in_column (selected, services_x, grid_top + row - 3, grid_top + row + 2, foreground));

  cairo_surface_destroy (surface);
  cairo_surface_destroy (sorted);
  cairo_surface_destroy (selected);
}

static void
test_heatmap_diverging (void)
{
  g_autoptr(DistrettoChart) chart = distretto_chart_new_heatmap ("Diverging");
  static const char *axes[] = { "Services", "Skills", NULL };
  const double first[] = { 0.9, 0.5 };
  const double second[] = { 0.3, 0.4 };
  cairo_surface_t *surface;
  Box box;

  distretto_chart_set_axes (chart, axes);
  distretto_chart_add_profile (chart, "AT13", "Wien", first, 2);
  distretto_chart_add_profile (chart, "DE21", "Oberbayern", second, 2);
  distretto_chart_set_color_scheme (chart, DISTRETTO_COLOR_SCHEME_DIVERGING);
  distretto_chart_set_reference (chart, 0.5, "EU");

  /* Centred on 0.5, ±0.4: 0.9 at the top, 0.5 in the middle, 0.3 a
   * quarter up, and nothing at the bottom. */
  surface = distretto_test_render_chart (chart, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_true (find_block (surface, scheme_pixel (DISTRETTO_COLOR_SCHEME_DIVERGING, 1.0), 20, &box));
  g_assert_true (find_block (surface, scheme_pixel (DISTRETTO_COLOR_SCHEME_DIVERGING, 0.5), 20, &box));
  g_assert_true (find_block (surface, scheme_pixel (DISTRETTO_COLOR_SCHEME_DIVERGING, 0.25), 20, &box));
  g_assert_false (find_block (surface, scheme_pixel (DISTRETTO_COLOR_SCHEME_DIVERGING, 0.0), 20, &box));
  cairo_surface_destroy (surface);
}

static void
test_heatmap_degenerate (void)
{
  static const char *axes[] = { "Services", "Skills", NULL };
  const double missing[] = { NAN, NAN };
  const double extreme[] = { 1e300, -1e300 };
  const double max[] = { DBL_MAX, -DBL_MAX };
  const double single[] = { 0.2, 0.7 };
  g_autoptr(DistrettoChart) empty = distretto_chart_new_heatmap ("Empty");
  g_autoptr(DistrettoChart) all_missing = distretto_chart_new_heatmap ("Missing");
  g_autoptr(DistrettoChart) extremes = distretto_chart_new_heatmap ("Extreme");
  g_autoptr(DistrettoChart) one = distretto_chart_new_heatmap ("One");
  g_autoptr(DistrettoChart) many = distretto_chart_new_heatmap ("Many");
  cairo_surface_t *surface;
  guint line;
  int axis;
  Box box;

  surface = distretto_test_render_chart (empty, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_LIGHT);
  g_assert_cmpuint (count_coloured (surface), ==, 0);
  cairo_surface_destroy (surface);
  g_assert_false (distretto_chart_hit_test (empty, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2, &line));
  g_assert_cmpint (distretto_chart_hit_test_axis (empty, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2), ==, -1);

  distretto_chart_set_axes (all_missing, axes);
  distretto_chart_add_profile (all_missing, "AT13", "Wien", missing, 2);
  distretto_chart_add_profile (all_missing, "DE21", "Oberbayern", missing, 2);
  surface = distretto_test_render_chart (all_missing, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_DARK);
  g_assert_cmpuint (count_coloured (surface), ==, 0);
  cairo_surface_destroy (surface);

  /* Extremes take the ends of the scale. */
  distretto_chart_set_axes (extremes, axes);
  distretto_chart_add_profile (extremes, "AT13", "Wien", extreme, 2);
  distretto_chart_add_profile (extremes, "DE21", "Oberbayern", max, 2);
  surface = distretto_test_render_chart (extremes, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_LIGHT);
  g_assert_true (find_block (surface, scheme_pixel (DISTRETTO_COLOR_SCHEME_VIRIDIS, 1.0), 20, &box));
  g_assert_true (find_block (surface, scheme_pixel (DISTRETTO_COLOR_SCHEME_VIRIDIS, 0.0), 20, &box));
  g_assert_true (distretto_chart_hit_test (extremes, WIDTH, HEIGHT, box.x0 + 2, box.y0 + 2, &line));
  g_assert_cmpuint (line, ==, 1);
  cairo_surface_destroy (surface);
  distretto_chart_set_color_scheme (extremes, DISTRETTO_COLOR_SCHEME_DIVERGING);
  distretto_chart_set_reference (extremes, 1e300, NULL);
  cairo_surface_destroy (distretto_test_render_chart (extremes, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT));

  /* A single region still fills its row, at most 28 pixels high. */
  distretto_chart_set_axes (one, axes);
  distretto_chart_add_profile (one, "AT13", "Wien", single, 2);
  surface = distretto_test_render_chart (one, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_LIGHT);
  g_assert_true (find_block (surface, scheme_pixel (DISTRETTO_COLOR_SCHEME_VIRIDIS, 1.0), 20, &box));
  g_assert_cmpint (box.y1 - box.y0 + 1, <=, 28);
  g_assert_cmpint (box.y1 - box.y0 + 1, >=, 20);
  g_assert_true (distretto_chart_hit_test (one, WIDTH, HEIGHT, box.x0 + 2, box.y0 + 2, &line));
  g_assert_cmpuint (line, ==, 0);
  g_assert_false (distretto_chart_hit_test (one, WIDTH, HEIGHT, box.x0 + 2, box.y1 + 10, &line));
  cairo_surface_destroy (surface);

  /* Rows thinner than a pixel do not fit; thin ones lose their labels. */
  distretto_chart_set_axes (many, axes);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *code = g_strdup_printf ("R%03u", i);
      const double values[] = { i == 0 ? 0.0 : 1000.0 + i, 1400.0 - i };

      distretto_chart_add_profile (many, code, code, values, 2);
    }
  cairo_surface_destroy (distretto_test_render_chart (many, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_LIGHT));
  g_assert_false (distretto_chart_hit_test (many, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2, &line));
  surface = distretto_test_render_chart (many, WIDTH, 1600, DISTRETTO_CHART_STYLE_LIGHT);
  /* R000's 0 on Services: thin, and with no label column the grid starts
   * at the margin. */
  g_assert_true (find_block (surface, scheme_pixel (DISTRETTO_COLOR_SCHEME_VIRIDIS, 0.0), 20, &box));
  g_assert_cmpint (box.y1 - box.y0 + 1, <, 9);
  g_assert_cmpint (box.x0, <=, 26);
  g_assert_true (distretto_chart_hit_test (many, WIDTH, 1600, box.x0 + 2, box.y0, &line));
  g_assert_cmpuint (line, ==, 0);
  axis = distretto_chart_hit_test_axis (many, WIDTH, 1600, box.x0 + 2, box.y0);
  g_assert_cmpint (axis, ==, 0);
  cairo_surface_destroy (surface);
}

static void
assert_exports (DistrettoChart *chart)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  const char *data;
  gsize len;

  svg = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_SVG, 640, 480, &error);
  g_assert_no_error (error);
  distretto_test_assert_svg (svg);
  data = g_bytes_get_data (svg, &len);
  g_assert_nonnull (g_strstr_len (data, len, "<title>Regional profiles</title>"));

  pdf = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_PDF, 640, 480, &error);
  g_assert_no_error (error);
  distretto_test_assert_pdf (pdf);
  data = g_bytes_get_data (pdf, &len);
  g_assert_nonnull (memmem (data, len, "Regional profiles", 17));
}

static void
test_exports (void)
{
  const double first[] = { 0.8, 0.2, 0.5 };
  const double second[] = { 0.3, NAN, 0.9 };
  static const char *axes[] = { "Services", "Manufacturing", "Skills", NULL };
  g_autoptr(DistrettoChart) radar = distretto_chart_new_radar ("Regional profiles");
  g_autoptr(DistrettoChart) heatmap = distretto_chart_new_heatmap ("Regional profiles");

  distretto_chart_set_axes (radar, axes);
  distretto_chart_add_profile (radar, "AT13", "Wien", first, 3);
  distretto_chart_add_profile (radar, "DE21", "Oberbayern", second, 3);
  distretto_chart_set_reference_line (radar, 1);
  distretto_chart_set_unit (radar, "Score");
  assert_exports (radar);

  distretto_chart_set_axes (heatmap, axes);
  distretto_chart_add_profile (heatmap, "AT13", "Wien", first, 3);
  distretto_chart_add_profile (heatmap, "DE21", "Oberbayern", second, 3);
  distretto_chart_set_unit (heatmap, "Score");
  distretto_chart_set_sort_axis (heatmap, 0);
  assert_exports (heatmap);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/ChartProfiles/model-and-sorting", test_model_and_sorting);
  g_test_add_func ("/Distretto/ChartProfiles/table", test_table);
  g_test_add_func ("/Distretto/ChartProfiles/radar-distances", test_radar_distances);
  g_test_add_func ("/Distretto/ChartProfiles/radar-reference", test_radar_reference);
  g_test_add_func ("/Distretto/ChartProfiles/radar-selected", test_radar_selected);
  g_test_add_func ("/Distretto/ChartProfiles/radar-missing", test_radar_missing);
  g_test_add_func ("/Distretto/ChartProfiles/radar-degenerate", test_radar_degenerate);
  g_test_add_func ("/Distretto/ChartProfiles/heatmap-cells", test_heatmap_cells);
  g_test_add_func ("/Distretto/ChartProfiles/heatmap-diverging", test_heatmap_diverging);
  g_test_add_func ("/Distretto/ChartProfiles/heatmap-degenerate", test_heatmap_degenerate);
  g_test_add_func ("/Distretto/ChartProfiles/exports", test_exports);

  return g_test_run ();
}

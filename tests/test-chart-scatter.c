/* test-chart-scatter.c: scatter charts, their model and pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"
#include <math.h>

#define WIDTH  800
#define HEIGHT 600

/* A group of touching pixels of one kind: a point's circle. */
typedef struct
{
  double x;           /* centroid, in user units (pixel centres at +0.5) */
  double y;
  guint area;
  int min_x, max_x, min_y, max_y;
} Blob;

typedef gboolean (*PixelTest) (guint32 pixel);

static int
channel (guint32 pixel,
         int     shift)
{
  return (pixel >> shift) & 0xFF;
}

/* Okabe–Ito blue, as the light and print palettes' points are, whatever
 * their transparency: much more blue than red. */
static gboolean
is_bluish (guint32 pixel)
{
  return channel (pixel, 0) - channel (pixel, 16) > 0x40;
}

/* Any clearly coloured pixel, not a grey of text, grid or background. */
static gboolean
is_saturated (guint32 pixel)
{
  int r = channel (pixel, 16), g = channel (pixel, 8), b = channel (pixel, 0);

  return MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 0x30;
}

static int
compare_blob_x (gconstpointer a,
                gconstpointer b)
{
  const Blob *blob_a = a, *blob_b = b;

  return blob_a->x < blob_b->x ? -1 : blob_a->x > blob_b->x ? 1 : 0;
}

/* The groups (of at least 8 pixels) of 4-connected pixels passing @test,
 * left to right. */
static GArray *
find_blobs (cairo_surface_t *surface,
            PixelTest        test)
{
  GArray *blobs = g_array_new (FALSE, FALSE, sizeof (Blob));
  g_autofree guint8 *seen = g_new0 (guint8, WIDTH * HEIGHT);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));

  for (int start = 0; start < WIDTH * HEIGHT; start++)
    {
      Blob blob = { 0, 0, 0, WIDTH, -1, HEIGHT, -1 };
      double sum_x = 0, sum_y = 0;

      if (seen[start] || !test (distretto_test_pixel (surface, start % WIDTH, start / WIDTH)))
        continue;

      seen[start] = 1;
      g_array_append_val (stack, start);
      while (stack->len > 0)
        {
          int at = g_array_index (stack, int, stack->len - 1);
          int x = at % WIDTH, y = at / WIDTH;
          const int next[4][2] = { { x - 1, y }, { x + 1, y }, { x, y - 1 }, { x, y + 1 } };

          g_array_set_size (stack, stack->len - 1);
          blob.area++;
          sum_x += x + 0.5;
          sum_y += y + 0.5;
          blob.min_x = MIN (blob.min_x, x);
          blob.max_x = MAX (blob.max_x, x);
          blob.min_y = MIN (blob.min_y, y);
          blob.max_y = MAX (blob.max_y, y);

          for (int i = 0; i < 4; i++)
            {
              int nx = next[i][0], ny = next[i][1], n = ny * WIDTH + nx;

              if (nx < 0 || ny < 0 || nx >= WIDTH || ny >= HEIGHT || seen[n])
                continue;
              if (!test (distretto_test_pixel (surface, nx, ny)))
                continue;
              seen[n] = 1;
              g_array_append_val (stack, n);
            }
        }

      if (blob.area < 8)
        continue;
      blob.x = sum_x / blob.area;
      blob.y = sum_y / blob.area;
      g_array_append_val (blobs, blob);
    }

  g_array_sort (blobs, compare_blob_x);
  return blobs;
}

/* Round blobs only: points, not a legend's gradient bar. */
static GArray *
round_blobs (GArray *blobs)
{
  GArray *round = g_array_new (FALSE, FALSE, sizeof (Blob));

  for (guint i = 0; i < blobs->len; i++)
    {
      const Blob *blob = &g_array_index (blobs, Blob, i);

      if (ABS ((blob->max_x - blob->min_x) - (blob->max_y - blob->min_y)) <= 2)
        g_array_append_val (round, *blob);
    }

  return round;
}

static cairo_surface_t *
render (DistrettoChart      *chart,
        DistrettoChartStyle  style)
{
  return distretto_test_render_chart (chart, WIDTH, HEIGHT, style);
}

/* Pixels that differ between two renderings, inside a box. */
static guint
count_changed (cairo_surface_t *a,
               cairo_surface_t *b,
               int              x0,
               int              y0,
               int              x1,
               int              y1)
{
  guint n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, HEIGHT); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, WIDTH); x++)
      if (distretto_test_pixel (a, x, y) != distretto_test_pixel (b, x, y))
        n++;

  return n;
}

/* Dark pixels (text in the print style) of @a where @b differs. */
static guint
count_new_ink (cairo_surface_t *a,
               cairo_surface_t *b)
{
  guint n = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        guint32 p = distretto_test_pixel (a, x, y);

        if (p != distretto_test_pixel (b, x, y) &&
            channel (p, 16) < 0x80 && channel (p, 8) < 0x80 && channel (p, 0) < 0x80)
          n++;
      }

  return n;
}

static guint
count_colour_in_column (cairo_surface_t *surface,
                        int              x,
                        guint32          colour)
{
  guint n = 0;

  for (int y = 0; y < HEIGHT; y++)
    if (distretto_test_pixel (surface, x, y) == colour)
      n++;
  return n;
}

static guint
count_colour_in_row (cairo_surface_t *surface,
                     int              y,
                     guint32          colour)
{
  guint n = 0;

  for (int x = 0; x < WIDTH; x++)
    if (distretto_test_pixel (surface, x, y) == colour)
      n++;
  return n;
}

static guint
count_pixels (cairo_surface_t *surface,
              PixelTest        test)
{
  guint n = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      n += test (distretto_test_pixel (surface, x, y));
  return n;
}

static gboolean
close_colours (guint32 a,
               guint32 b,
               int     tolerance)
{
  return ABS (channel (a, 16) - channel (b, 16)) <= tolerance &&
         ABS (channel (a, 8) - channel (b, 8)) <= tolerance &&
         ABS (channel (a, 0) - channel (b, 0)) <= tolerance;
}

/* Three regions well apart, no third value. */
static DistrettoChart *
three_point_chart (void)
{
  DistrettoChart *chart = distretto_chart_new_scatter ("Digital and services");

  distretto_chart_set_subtitle (chart, "NUTS 2 regions, 2023");
  distretto_chart_set_source (chart, "Source: test");
  distretto_chart_set_axis_titles (chart, "Digital adoption", "Servitization");
  distretto_chart_add_point (chart, "AT13", "Wien", 0.0, 0.0, NAN);
  distretto_chart_add_point (chart, "DE21", "Oberbayern", 10.0, 20.0, NAN);
  distretto_chart_add_point (chart, "ITC4", "Lombardia", 3.0, 14.0, NAN);

  return chart;
}

static void
test_positions_linear (void)
{
  g_autoptr(DistrettoChart) chart = three_point_chart ();
  cairo_surface_t *surface = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  g_autoptr(GArray) blobs = find_blobs (surface, is_bluish);
  const Blob *a, *b, *c;
  double x_scale, y_scale;

  g_assert_cmpuint (blobs->len, ==, 3);
  a = &g_array_index (blobs, Blob, 0);   /* (0, 0) */
  c = &g_array_index (blobs, Blob, 1);   /* (3, 14) */
  b = &g_array_index (blobs, Blob, 2);   /* (10, 20) */

  /* Two points give the scales; larger values go right and up. */
  x_scale = (b->x - a->x) / 10.0;
  y_scale = (b->y - a->y) / 20.0;
  g_assert_cmpfloat (x_scale, >, 20.0);
  g_assert_cmpfloat (y_scale, <, -10.0);

  /* The third fits them. */
  g_assert_cmpfloat_with_epsilon (c->x, a->x + 3.0 * x_scale, 1.5);
  g_assert_cmpfloat_with_epsilon (c->y, a->y + 14.0 * y_scale, 1.5);

  /* Without a third value all points are the same small circle, whole. */
  for (guint i = 0; i < blobs->len; i++)
    {
      const Blob *blob = &g_array_index (blobs, Blob, i);

      g_assert_cmpuint (blob->area, >=, 25);
      g_assert_cmpuint (blob->area, <=, 80);
      g_assert_cmpint (blob->max_x - blob->min_x, ==, blob->max_y - blob->min_y);
    }

  cairo_surface_destroy (surface);
}

static void
test_size_encoding (void)
{
  g_autoptr(DistrettoChart) chart = distretto_chart_new_scatter ("Sizes");
  g_autoptr(GArray) blobs = NULL;
  cairo_surface_t *surface;
  const Blob *small, *large;
  guint index;

  distretto_chart_set_third (chart, "Population", DISTRETTO_CHART_ENCODING_SIZE);
  distretto_chart_add_point (chart, "AA11", "Small", 0.0, 0.0, 100.0);
  distretto_chart_add_point (chart, "AA12", "Large", 10.0, 10.0, 400.0);
  distretto_chart_add_point (chart, "AA13", "Unknown", 5.0, 5.0, NAN);

  /* Four times the value, four times the area; no value, no blue disc
   * (the legend's circles are outlines, not points). */
  surface = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  blobs = find_blobs (surface, is_bluish);
  g_assert_cmpuint (blobs->len, ==, 2);
  small = &g_array_index (blobs, Blob, 0);
  large = &g_array_index (blobs, Blob, 1);
  g_test_message ("areas %u and %u", small->area, large->area);
  g_assert_cmpfloat ((double) large->area / small->area, >, 3.0);
  g_assert_cmpfloat ((double) large->area / small->area, <, 5.5);
  g_assert_cmpuint (large->area, >, 400);

  /* The point without a third value is still there to point at. */
  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, (small->x + large->x) / 2.0,
                                           (small->y + large->y) / 2.0, &index));
  g_assert_cmpuint (index, ==, 2);
  cairo_surface_destroy (surface);

  /* With no encoding the same points are all alike. */
  distretto_chart_set_third (chart, "Population", DISTRETTO_CHART_ENCODING_NONE);
  surface = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  g_clear_pointer (&blobs, g_array_unref);
  blobs = find_blobs (surface, is_bluish);
  g_assert_cmpuint (blobs->len, ==, 3);
  g_assert_cmpuint (ABS ((int) g_array_index (blobs, Blob, 0).area - (int) g_array_index (blobs, Blob, 2).area), <=, 6);
  cairo_surface_destroy (surface);
}

static void
test_color_encoding (void)
{
  g_autoptr(DistrettoChart) chart = distretto_chart_new_scatter ("Colours");
  g_autoptr(GArray) blobs = NULL;
  g_autoptr(GArray) points = NULL;
  cairo_surface_t *surface;
  DistrettoChartColor lowest, middle, highest;

  distretto_chart_set_third (chart, "GDP per head", DISTRETTO_CHART_ENCODING_COLOR);
  distretto_chart_set_color_scheme (chart, DISTRETTO_COLOR_SCHEME_VIRIDIS);
  distretto_chart_add_point (chart, "AA11", "Low", 0.0, 0.0, 10.0);
  distretto_chart_add_point (chart, "AA12", "Middle", 5.0, 3.0, 30.0);
  distretto_chart_add_point (chart, "AA13", "High", 10.0, 6.0, 50.0);
  distretto_color_scheme_get_color (DISTRETTO_COLOR_SCHEME_VIRIDIS, 0.0, &lowest);
  distretto_color_scheme_get_color (DISTRETTO_COLOR_SCHEME_VIRIDIS, 0.5, &middle);
  distretto_color_scheme_get_color (DISTRETTO_COLOR_SCHEME_VIRIDIS, 1.0, &highest);

  surface = render (chart, DISTRETTO_CHART_STYLE_LIGHT);
  blobs = find_blobs (surface, is_saturated);
  points = round_blobs (blobs);
  g_assert_cmpuint (points->len, ==, 3);

  /* Each point's centre is its value's colour on the scheme. */
  for (guint i = 0; i < 3; i++)
    {
      const Blob *blob = &g_array_index (points, Blob, i);
      guint32 centre = distretto_test_pixel (surface, (int) blob->x, (int) blob->y);
      const DistrettoChartColor *expected = i == 0 ? &lowest : i == 1 ? &middle : &highest;

      g_test_message ("point %u: %06x, expected %06x", i, centre, distretto_test_rgb (expected));
      g_assert_true (close_colours (centre, distretto_test_rgb (expected), 1));
    }

  /* The legend's gradient bar is there too. */
  g_assert_cmpuint (blobs->len, >, points->len);
  cairo_surface_destroy (surface);
}

static void
test_quadrant_lines (void)
{
  g_autoptr(DistrettoChart) chart = distretto_chart_new_scatter ("Quadrants");
  g_autoptr(DistrettoChart) plain = distretto_chart_new_scatter ("Quadrants");
  guint32 reference = distretto_test_rgb (&distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_PRINT)->reference);
  cairo_surface_t *surface, *without, *unlabelled;
  g_autoptr(GArray) blobs = NULL;
  const Blob *a, *b;
  int x4, y6;
  guint best;

  for (int i = 0; i < 2; i++)
    {
      DistrettoChart *c = i == 0 ? chart : plain;

      distretto_chart_add_point (c, "AA11", "Low", 0.0, 0.0, NAN);
      distretto_chart_add_point (c, "AA12", "High", 10.0, 10.0, NAN);
    }
  distretto_chart_set_x_reference (chart, 4.0, "Median x");
  distretto_chart_set_reference (chart, 6.0, "Median y");
  g_assert_cmpfloat (distretto_chart_get_x_reference (chart), ==, 4.0);

  surface = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  without = render (plain, DISTRETTO_CHART_STYLE_PRINT);
  blobs = find_blobs (surface, is_bluish);
  g_assert_cmpuint (blobs->len, ==, 2);
  a = &g_array_index (blobs, Blob, 0);
  b = &g_array_index (blobs, Blob, 1);
  x4 = (int) floor (a->x + 0.4 * (b->x - a->x));
  y6 = (int) floor (a->y + 0.6 * (b->y - a->y));

  /* A dashed line of the reference colour down the column of x = 4… */
  best = 0;
  for (int x = x4 - 1; x <= x4 + 1; x++)
    best = MAX (best, count_colour_in_column (surface, x, reference));
  g_test_message ("column %d: %u reference pixels", x4, best);
  g_assert_cmpuint (best, >, 150);
  g_assert_cmpuint (count_colour_in_column (surface, x4 + 15, reference), <, 60);
  g_assert_cmpuint (count_colour_in_column (without, x4, reference), <, 60);

  /* …and across the row of y = 6. */
  best = 0;
  for (int y = y6 - 1; y <= y6 + 1; y++)
    best = MAX (best, count_colour_in_row (surface, y, reference));
  g_test_message ("row %d: %u reference pixels", y6, best);
  g_assert_cmpuint (best, >, 200);
  g_assert_cmpuint (count_colour_in_row (surface, y6 + 15, reference), <, 60);
  g_assert_cmpuint (count_colour_in_row (without, y6, reference), <, 60);

  /* Their names are written inside the plot, by the lines. */
  distretto_chart_set_x_reference (chart, 4.0, NULL);
  distretto_chart_set_reference (chart, 6.0, NULL);
  unlabelled = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_cmpuint (count_changed (surface, unlabelled, x4 - 90, b->y - 30, x4 + 90, b->y), >, 30);
  g_assert_cmpuint (count_changed (surface, unlabelled, b->x - 120, y6 - 25, b->x + 30, y6 + 25), >, 30);
  g_assert_cmpuint (count_changed (surface, unlabelled, 0, a->y + 2, WIDTH, HEIGHT), ==, 0);

  cairo_surface_destroy (surface);
  cairo_surface_destroy (without);
  cairo_surface_destroy (unlabelled);
}

static void
test_labels_next_to_points (void)
{
  g_autoptr(DistrettoChart) chart = three_point_chart ();
  const char *labelled[] = { "AT13", "ITC4", NULL };
  cairo_surface_t *with, *without;
  g_autoptr(GArray) blobs = NULL;

  without = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  distretto_chart_set_labelled (chart, labelled);
  with = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  blobs = find_blobs (without, is_bluish);
  g_assert_cmpuint (blobs->len, ==, 3);

  /* Text appears by each labelled point, none by the other. */
  for (guint i = 0; i < blobs->len; i++)
    {
      const Blob *blob = &g_array_index (blobs, Blob, i);
      guint changed = count_changed (with, without, blob->x - 100, blob->y - 30, blob->x + 100, blob->y + 30);

      g_test_message ("point %u: %u pixels changed", i, changed);
      if (i == 2)   /* Oberbayern, at the right */
        g_assert_cmpuint (changed, ==, 0);
      else
        g_assert_cmpuint (changed, >, 40);
    }

  /* The labels leave the points themselves alone. */
  g_clear_pointer (&blobs, g_array_unref);
  blobs = find_blobs (with, is_bluish);
  g_assert_cmpuint (blobs->len, ==, 3);

  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

static void
test_labels_avoid_points (void)
{
  g_autoptr(DistrettoChart) chart = three_point_chart ();
  const char *labelled[] = { "AT13", NULL };
  cairo_surface_t *with, *without;
  g_autoptr(GArray) blobs = NULL;

  /* A neighbour just right of Wien, where its label would go first. */
  distretto_chart_add_point (chart, "AT12", "Niederösterreich", 0.5, 0.0, NAN);
  without = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  distretto_chart_set_labelled (chart, labelled);
  with = render (chart, DISTRETTO_CHART_STYLE_PRINT);

  /* The label is drawn, and every point stays whole. */
  blobs = find_blobs (without, is_bluish);
  g_assert_cmpuint (blobs->len, ==, 4);
  g_assert_cmpfloat (g_array_index (blobs, Blob, 1).x - g_array_index (blobs, Blob, 0).x, <, 40);
  g_assert_cmpuint (count_changed (with, without, 0, 0, WIDTH, HEIGHT), >, 40);
  g_assert_cmpuint (count_pixels (with, is_bluish), ==, count_pixels (without, is_bluish));

  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

/* Ten regions at the same spot, between two others. */
static DistrettoChart *
pile_chart (void)
{
  const char *labels[] = { "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf",
                           "Hotel", "India", "Juliett Kilo Lima" };
  DistrettoChart *chart = distretto_chart_new_scatter ("Pile");

  distretto_chart_add_point (chart, "AA00", "Anchor", 0.0, 0.0, NAN);
  distretto_chart_add_point (chart, "AA99", "Other anchor", 10.0, 10.0, NAN);
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *code = g_strdup_printf ("AA1%d", i);

      distretto_chart_add_point (chart, code, labels[i], 5.0, 5.0, NAN);
    }

  return chart;
}

static void
test_labels_do_not_pile_up (void)
{
  g_autoptr(DistrettoChart) all = pile_chart ();
  g_autoptr(DistrettoChart) one = pile_chart ();
  const char *codes[] = { "AA10", "AA11", "AA12", "AA13", "AA14", "AA15", "AA16", "AA17", "AA18", "AA19", NULL };
  const char *first[] = { "AA10", NULL };
  cairo_surface_t *none, *with_one, *with_all;
  guint ink_one, ink_all;

  none = render (all, DISTRETTO_CHART_STYLE_PRINT);
  distretto_chart_set_labelled (one, first);
  with_one = render (one, DISTRETTO_CHART_STYLE_PRINT);
  distretto_chart_set_labelled (all, codes);
  with_all = render (all, DISTRETTO_CHART_STYLE_PRINT);

  /* Labels drawn over one another would hardly add ink to the first;
   * laid apart, each adds its own. */
  ink_one = count_new_ink (with_one, none);
  ink_all = count_new_ink (with_all, none);
  g_test_message ("ink: one label %u, ten labels %u", ink_one, ink_all);
  g_assert_cmpuint (ink_one, >, 50);
  g_assert_cmpuint (ink_all, >, 4 * ink_one);

  cairo_surface_destroy (none);
  cairo_surface_destroy (with_one);
  cairo_surface_destroy (with_all);
}

static void
test_selected_label_wins (void)
{
  g_autoptr(DistrettoChart) crowded = pile_chart ();
  g_autoptr(DistrettoChart) alone = pile_chart ();
  g_autoptr(DistrettoChart) plain = pile_chart ();
  const char *codes[] = { "AA10", "AA11", "AA12", "AA13", "AA14", "AA15", "AA16", "AA17", "AA18", "AA19", NULL };
  cairo_surface_t *with_crowd, *with_alone, *without;
  int x0 = WIDTH, x1 = -1, y0 = HEIGHT, y1 = -1;
  guint label = 0, kept = 0;

  /* The last of the pile is selected: its label still takes the first
   * place, as if it were alone. */
  distretto_chart_set_labelled (crowded, codes);
  distretto_chart_set_selected (crowded, "AA19");
  distretto_chart_set_selected (alone, "AA19");
  g_assert_cmpstr (distretto_chart_get_selected (alone), ==, "AA19");
  with_crowd = render (crowded, DISTRETTO_CHART_STYLE_PRINT);
  with_alone = render (alone, DISTRETTO_CHART_STYLE_PRINT);
  without = render (plain, DISTRETTO_CHART_STYLE_PRINT);

  /* Where the selected point and its label are drawn… */
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      if (distretto_test_pixel (with_alone, x, y) != distretto_test_pixel (without, x, y))
        {
          x0 = MIN (x0, x);
          x1 = MAX (x1, x);
          y0 = MIN (y0, y);
          y1 = MAX (y1, y);
        }
  g_assert_cmpint (x1 - x0, >, 40);
  g_assert_cmpint (y1 - y0, >, 8);

  /* …the crowd draws exactly the same: no other label over it. */
  for (int y = y0 + 2; y <= y1 - 2; y++)
    for (int x = x0 + 2; x <= x1 - 2; x++)
      {
        label++;
        if (distretto_test_pixel (with_alone, x, y) == distretto_test_pixel (with_crowd, x, y))
          kept++;
      }

  g_test_message ("selected: %u pixels, %u the same in the crowd", label, kept);
  g_assert_cmpuint (kept, >=, label * 98 / 100);

  cairo_surface_destroy (with_crowd);
  cairo_surface_destroy (with_alone);
  cairo_surface_destroy (without);
}

static void
test_selected_outline (void)
{
  g_autoptr(DistrettoChart) chart = three_point_chart ();
  guint32 foreground = distretto_test_rgb (&distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_PRINT)->foreground);
  cairo_surface_t *plain, *selected;
  g_autoptr(GArray) blobs = NULL;
  const Blob *wien;
  guint before = 0, after = 0;

  plain = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  distretto_chart_set_selected (chart, "AT13");
  selected = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  blobs = find_blobs (plain, is_bluish);
  wien = &g_array_index (blobs, Blob, 0);

  /* A ring of the foreground colour around the selected point only. */
  for (int y = wien->y - 7; y <= wien->y + 7; y++)
    for (int x = wien->x - 7; x <= wien->x + 7; x++)
      {
        before += distretto_test_pixel (plain, x, y) == foreground;
        after += distretto_test_pixel (selected, x, y) == foreground;
      }
  g_assert_cmpuint (before, ==, 0);
  g_assert_cmpuint (after, >=, 8);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (selected);
}

static void
test_hit_test_and_describe (void)
{
  g_autoptr(DistrettoChart) chart = three_point_chart ();
  cairo_surface_t *surface = render (chart, DISTRETTO_CHART_STYLE_LIGHT);
  g_autoptr(GArray) blobs = find_blobs (surface, is_bluish);
  g_autofree char *text = NULL;
  g_autofree char *third = NULL;
  const Blob *wien, *lombardia;
  const char *code = NULL;
  guint index = G_MAXUINT;

  g_assert_cmpuint (blobs->len, ==, 3);
  wien = &g_array_index (blobs, Blob, 0);
  lombardia = &g_array_index (blobs, Blob, 1);

  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, wien->x, wien->y, &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, lombardia->x, lombardia->y, &index));
  g_assert_cmpuint (index, ==, 2);
  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, lombardia->x, lombardia->y, NULL));

  /* Within the radius (4) plus 4 pixels, not beyond. */
  g_assert_true (distretto_chart_hit_test (chart, WIDTH, HEIGHT, wien->x + 7, wien->y, &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, wien->x + 10, wien->y, &index));
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, wien->x, wien->y - 10, &index));
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, (wien->x + lombardia->x) / 2, wien->y, &index));
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, 2, 2, &index));

  text = distretto_chart_describe_at (chart, WIDTH, HEIGHT, wien->x, wien->y, &code);
  g_assert_nonnull (text);
  g_assert_cmpstr (code, ==, "AT13");
  g_assert_nonnull (strstr (text, "Wien"));
  g_assert_nonnull (strstr (text, "Digital adoption"));
  g_assert_nonnull (strstr (text, "Servitization"));
  g_assert_null (distretto_chart_describe_at (chart, WIDTH, HEIGHT, 2, 2, &code));
  g_assert_null (code);

  /* The third value is told when there is one. */
  distretto_chart_add_point (chart, "FRK2", "Rhône-Alpes", 10.0, 0.0, 8000.0);
  distretto_chart_set_third (chart, "Population", DISTRETTO_CHART_ENCODING_SIZE);
  cairo_surface_destroy (surface);
  surface = render (chart, DISTRETTO_CHART_STYLE_LIGHT);
  g_clear_pointer (&blobs, g_array_unref);
  blobs = find_blobs (surface, is_bluish);
  for (guint i = 0; i < blobs->len; i++)
    {
      const Blob *blob = &g_array_index (blobs, Blob, i);

      if (blob->area > 400)
        third = distretto_chart_describe_at (chart, WIDTH, HEIGHT, blob->x, blob->y, &code);
    }
  g_assert_nonnull (third);
  g_assert_cmpstr (code, ==, "FRK2");
  g_assert_nonnull (strstr (third, "Rhône-Alpes"));
  g_assert_nonnull (strstr (third, "Population"));

  cairo_surface_destroy (surface);
}

static void
test_export (void)
{
  g_autoptr(DistrettoChart) chart = three_point_chart ();
  const char *labelled[] = { "AT13", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;
  const char *data;
  gsize len;

  distretto_chart_set_labelled (chart, labelled);
  distretto_chart_set_third (chart, "Population", DISTRETTO_CHART_ENCODING_COLOR);
  distretto_chart_set_x_reference (chart, 5.0, "Median");

  svg = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_SVG, 640, 480, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (svg, &len);
  distretto_test_assert_svg (svg);
  g_assert_nonnull (g_strstr_len (data, len, "Digital and services"));

  pdf = distretto_chart_export_bytes (chart, DISTRETTO_CHART_FORMAT_PDF, 640, 480, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (pdf, &len);
  distretto_test_assert_pdf (pdf);
  g_assert_nonnull (memmem (data, len, "Digital and services", 20));
}

static void
test_empty (void)
{
  g_autoptr(DistrettoChart) chart = distretto_chart_new_scatter ("Nothing");
  cairo_surface_t *surface;
  guint text = 0;

  /* Points without both values are left out: still nothing to draw. */
  distretto_chart_add_point (chart, "AA11", "Half", NAN, 1.0, 1.0);
  distretto_chart_set_x_reference (chart, 5.0, "Median");
  surface = render (chart, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_cmpuint (count_pixels (surface, is_bluish), ==, 0);
  for (int y = HEIGHT / 2 - 15; y < HEIGHT / 2 + 15; y++)
    for (int x = WIDTH / 2 - 60; x < WIDTH / 2 + 60; x++)
      if (distretto_test_pixel (surface, x, y) != 0xFFFFFF)
        text++;
  g_assert_cmpuint (text, >, 30);
  g_assert_false (distretto_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2, NULL));
  cairo_surface_destroy (surface);
}

static void
test_single_and_identical (void)
{
  g_autoptr(DistrettoChart) single = distretto_chart_new_scatter ("One");
  g_autoptr(DistrettoChart) same = distretto_chart_new_scatter ("Same");
  g_autoptr(DistrettoChart) column = distretto_chart_new_scatter ("Column");
  const char *labelled[] = { "AA11", "AA12", "AA13", NULL };
  cairo_surface_t *surface;
  g_autoptr(GArray) blobs = NULL;
  guint index;

  /* One point, labelled and selected: drawn, and found again. */
  distretto_chart_add_point (single, "AA11", "Only", 3.0, 7.0, 5.0);
  distretto_chart_set_third (single, "Size", DISTRETTO_CHART_ENCODING_SIZE);
  distretto_chart_set_labelled (single, labelled);
  distretto_chart_set_selected (single, "AA11");
  surface = render (single, DISTRETTO_CHART_STYLE_PRINT);
  blobs = find_blobs (surface, is_bluish);
  g_assert_cmpuint (blobs->len, ==, 1);
  g_assert_true (distretto_chart_hit_test (single, WIDTH, HEIGHT, g_array_index (blobs, Blob, 0).x,
                                           g_array_index (blobs, Blob, 0).y, &index));
  g_assert_cmpuint (index, ==, 0);
  cairo_surface_destroy (surface);

  /* Three at the same values: one circle, in the plot, not cut. */
  for (int i = 0; i < 3; i++)
    distretto_chart_add_point (same, labelled[i], labelled[i], 0.0, 0.0, 1.0);
  distretto_chart_set_third (same, "Colour", DISTRETTO_CHART_ENCODING_COLOR);
  distretto_chart_set_labelled (same, labelled);
  surface = render (same, DISTRETTO_CHART_STYLE_PRINT);
  g_clear_pointer (&blobs, g_array_unref);
  blobs = find_blobs (surface, is_saturated);
  {
    g_autoptr(GArray) points = round_blobs (blobs);

    g_assert_cmpuint (points->len, ==, 1);
  }
  cairo_surface_destroy (surface);

  /* Same x, different y: one above the other. */
  distretto_chart_add_point (column, "AA11", "Low", 2.0, 1.0, NAN);
  distretto_chart_add_point (column, "AA12", "High", 2.0, 3.0, NAN);
  surface = render (column, DISTRETTO_CHART_STYLE_PRINT);
  g_clear_pointer (&blobs, g_array_unref);
  blobs = find_blobs (surface, is_bluish);
  g_assert_cmpuint (blobs->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (blobs, Blob, 0).x, g_array_index (blobs, Blob, 1).x, 0.5);
  g_assert_cmpfloat (fabs (g_array_index (blobs, Blob, 0).y - g_array_index (blobs, Blob, 1).y), >, 100);
  cairo_surface_destroy (surface);
}

static void
test_extreme (void)
{
  g_autoptr(DistrettoChart) huge = distretto_chart_new_scatter ("Huge");
  g_autoptr(DistrettoChart) infinite = distretto_chart_new_scatter ("Infinite");
  g_autoptr(DistrettoChart) tiny = distretto_chart_new_scatter ("Tiny");
  g_autoptr(DistrettoChart) many = distretto_chart_new_scatter ("Many");
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  cairo_surface_t *surface;

  /* Finite but far apart, with thirds as wide: drawn or refused, not a crash. */
  distretto_chart_set_third (huge, "Third", DISTRETTO_CHART_ENCODING_SIZE);
  distretto_chart_add_point (huge, "AA11", "A", 1e300, -1e300, 1e300);
  distretto_chart_add_point (huge, "AA12", "B", -1e300, 1e-300, -1e300);
  distretto_chart_add_point (huge, "AA13", "C", 1e-300, 1e300, 0);
  distretto_chart_set_x_reference (huge, 1e300, "Far");
  cairo_surface_destroy (render (huge, DISTRETTO_CHART_STYLE_PRINT));
  distretto_chart_set_third (huge, "Third", DISTRETTO_CHART_ENCODING_COLOR);
  cairo_surface_destroy (render (huge, DISTRETTO_CHART_STYLE_DARK));
  distretto_chart_hit_test (huge, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2, NULL);

  /* A range beyond the doubles: a message, no points. */
  distretto_chart_add_point (infinite, "AA11", "A", G_MAXDOUBLE, 0.0, NAN);
  distretto_chart_add_point (infinite, "AA12", "B", -G_MAXDOUBLE, 1.0, NAN);
  surface = render (infinite, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_cmpuint (count_pixels (surface, is_bluish), ==, 0);
  g_assert_false (distretto_chart_hit_test (infinite, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2, NULL));
  cairo_surface_destroy (surface);

  /* Values a hair apart, and the largest double twice. */
  distretto_chart_add_point (tiny, "AA11", "A", 1e-300, 2e-300, 1e-300);
  distretto_chart_add_point (tiny, "AA12", "B", 2e-300, 1e-300, 2e-300);
  distretto_chart_add_point (tiny, "AA13", "C", 1e-300, 1e-300, G_MAXDOUBLE);
  distretto_chart_set_third (tiny, "Third", DISTRETTO_CHART_ENCODING_SIZE);
  surface = render (tiny, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_cmpuint (count_pixels (surface, is_bluish), >, 0);
  cairo_surface_destroy (surface);
  distretto_chart_add_point (infinite, "AA13", "C", G_MAXDOUBLE, G_MAXDOUBLE, NAN);
  cairo_surface_destroy (render (infinite, DISTRETTO_CHART_STYLE_PRINT));

  /* Far too small to draw in, and a thousand labelled points. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 60, 40);
  {
    cairo_t *cr = cairo_create (surface);

    distretto_chart_render (tiny, cr, 60, 40, DISTRETTO_CHART_STYLE_LIGHT);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
  }
  cairo_surface_destroy (surface);
  g_assert_false (distretto_chart_hit_test (tiny, 60, 40, 30, 20, NULL));

  for (guint i = 0; i < 1000; i++)
    {
      char *code = g_strdup_printf ("R%04u", i);

      distretto_chart_add_point (many, code, code, i % 37, i % 41, i);
      g_ptr_array_add (codes, code);
    }
  g_ptr_array_add (codes, NULL);
  distretto_chart_set_labelled (many, (const char * const *) codes->pdata);
  distretto_chart_set_third (many, "Third", DISTRETTO_CHART_ENCODING_SIZE);
  surface = render (many, DISTRETTO_CHART_STYLE_LIGHT);
  g_assert_cmpuint (count_pixels (surface, is_bluish), >, 1000);
  cairo_surface_destroy (surface);
}

static void
test_model_and_table (void)
{
  g_autoptr(DistrettoChart) chart = distretto_chart_new_scatter ("Digital and services");
  const char *labelled[] = { "AT13", NULL };
  g_autofree char *table = NULL;
  double x, y, third;

  g_assert_cmpint (distretto_chart_get_kind (chart), ==, DISTRETTO_CHART_KIND_SCATTER);
  distretto_chart_set_axis_titles (chart, "Digital adoption", "Servitization");
  distretto_chart_set_third (chart, "Population", DISTRETTO_CHART_ENCODING_SIZE);
  g_assert_cmpuint (distretto_chart_add_point (chart, "AT13", "Wien", 1.5, 2.5, 1900), ==, 0);
  g_assert_cmpuint (distretto_chart_add_point (chart, "DE21", "Oberbayern", NAN, 1.0, 4.7), ==, G_MAXUINT);
  g_assert_cmpuint (distretto_chart_add_point (chart, "ITC4", "Lombardia", -1.0, 0.5, NAN), ==, 1);
  g_assert_cmpuint (distretto_chart_get_n_points (chart), ==, 2);
  g_assert_cmpstr (distretto_chart_get_point_code (chart, 1), ==, "ITC4");
  distretto_chart_get_point (chart, 0, &x, &y, &third);
  g_assert_cmpfloat (x, ==, 1.5);
  g_assert_cmpfloat (y, ==, 2.5);
  g_assert_cmpfloat (third, ==, 1900);

  distretto_chart_set_labelled (chart, labelled);
  g_assert_true (distretto_chart_is_labelled (chart, "AT13"));
  g_assert_false (distretto_chart_is_labelled (chart, "ITC4"));
  distretto_chart_set_selected (chart, "ITC4");
  g_assert_true (distretto_chart_is_labelled (chart, "ITC4"));

  table = distretto_chart_dup_table (chart);
  g_assert_cmpstr (table, ==, "region,name,x,y,third\nAT13,Wien,1.5,2.5,1900\nITC4,Lombardia,-1,0.5,\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/ChartScatter/model-and-table", test_model_and_table);
  g_test_add_func ("/Distretto/ChartScatter/positions-linear", test_positions_linear);
  g_test_add_func ("/Distretto/ChartScatter/size-encoding", test_size_encoding);
  g_test_add_func ("/Distretto/ChartScatter/color-encoding", test_color_encoding);
  g_test_add_func ("/Distretto/ChartScatter/quadrant-lines", test_quadrant_lines);
  g_test_add_func ("/Distretto/ChartScatter/labels-next-to-points", test_labels_next_to_points);
  g_test_add_func ("/Distretto/ChartScatter/labels-avoid-points", test_labels_avoid_points);
  g_test_add_func ("/Distretto/ChartScatter/labels-do-not-pile-up", test_labels_do_not_pile_up);
  g_test_add_func ("/Distretto/ChartScatter/selected-label-wins", test_selected_label_wins);
  g_test_add_func ("/Distretto/ChartScatter/selected-outline", test_selected_outline);
  g_test_add_func ("/Distretto/ChartScatter/hit-test-and-describe", test_hit_test_and_describe);
  g_test_add_func ("/Distretto/ChartScatter/export", test_export);
  g_test_add_func ("/Distretto/ChartScatter/empty", test_empty);
  g_test_add_func ("/Distretto/ChartScatter/single-and-identical", test_single_and_identical);
  g_test_add_func ("/Distretto/ChartScatter/extreme", test_extreme);

  return g_test_run ();
}

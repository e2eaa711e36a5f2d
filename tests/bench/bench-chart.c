/* bench-chart.c: how fast a large map redraws and a large ranking
 * exports, next to matplotlib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-chart [map|ranking|hit]
 *   bench-chart --export png|svg|pdf FILE
 *
 * The map: the choropleth of all NUTS 3 regions of GISCO's NUTS 2024
 * 1:20M boundaries, read from $DISTRETTO_REAL_DATA or ../shared/data/real
 * (relative to the current directory: the project's root under
 * `build-aux/dev bench`), or generated polygons of the same number of
 * regions and vertices when the file is absent. Values from a seeded GRand,
 * 5 quantiles. Prints the median and minimum time of N_REDRAWS redraws
 * (distretto_chart_render() of the built chart onto one 1600×1000 image
 * surface, after N_WARM_UPS), of a hit test, and the same for a matplotlib
 * script drawing the same polygons with a PolyCollection (Agg, redraw
 * only: fig.canvas.draw()). Distretto fills the regions and draws the
 * borders in bands of rows, one per core; DISTRETTO_CHART_THREADS=N sets
 * how many threads (1: one core).
 *
 * The ranking: builds a ranking of 299 regions (synthetic codes and names, values from a
 * seeded GRand) and prints, per format:
 *
 *  - the time distretto_chart_export_bytes() takes at 1000 px wide and the
 *    natural height, in process: median and minimum of 20 runs;
 *  - the whole process time of `bench-chart --export FORMAT FILE`, timed
 *    from the parent around spawn and wait: median of 5 runs;
 *  - the whole process time of a matplotlib script drawing the same bars
 *    with the Agg backend (Debian's python3-matplotlib): median of 5 runs.
 *
 * The hit test (`bench-chart hit`): what a pointer motion over a ranking
 * of 299 regions with notes costs, distretto_chart_describe_at() at a
 * random point of a 1000 px wide chart at its natural height: the first
 * call, then the mean of N_DESCRIBES.
 *
 * It prints figures only; nothing is asserted about the times.
 */

#include <distretto.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define N_REGIONS    299
#define WIDTH        1000.0
#define N_IN_PROCESS 20
#define N_PROCESS    5

#define MAP_WIDTH    1600
#define MAP_HEIGHT   1000
#define N_WARM_UPS   3
#define N_REDRAWS    50
#define N_HIT_TESTS  1000
#define N_DESCRIBES  2000
#define NUTS_FILE    "nuts-geo-2024-20m/NUTS_RG_20M_2024_3035.geojson"
/* What NUTS_FILE holds at NUTS 3: the generated map has as many. */
#define N_NUTS3      1345
#define N_NUTS3_VERTICES 23094

static const char *formats[] = { "png", "svg", "pdf" };

/* The value of region i + 1, the same on every run. */
static void
region_values (double *values)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (299);

  for (guint i = 0; i < N_REGIONS; i++)
    values[i] = g_rand_double_range (rand, 0.0, 100.0);
}

static DistrettoChart *
build_ranking (void)
{
  DistrettoChart *chart = distretto_chart_new_ranking ("Benchmark: 299 regions");
  double values[N_REGIONS];

  region_values (values);

  distretto_chart_set_subtitle (chart, "Synthetic values");
  distretto_chart_set_unit (chart, "Score");
  distretto_chart_set_source (chart, "Source: bench-chart, seeded values");

  for (guint i = 0; i < N_REGIONS; i++)
    {
      char code[8], label[16];

      g_snprintf (code, sizeof code, "R%03u", i + 1);
      g_snprintf (label, sizeof label, "Region %03u", i + 1);
      distretto_chart_add_bar (chart, code, label, values[i]);
    }

  return chart;
}

/* Microseconds per distretto_chart_describe_at() on the ranking with
 * notes, as the window shows it on each motion of the pointer. */
static void
bench_hit (void)
{
  g_autoptr(DistrettoChart) chart = build_ranking ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  double height, first_us, mean_us;
  guint n_hits = 0;
  gint64 start;

  distretto_chart_set_notes (chart, "Error bars: the score under other normalisation and aggregation "
                             "methods. Regions without data for the year are left out.");
  height = distretto_chart_get_natural_height (chart);

  start = g_get_monotonic_time ();
  g_free (distretto_chart_describe_at (chart, WIDTH, height, WIDTH / 2, height / 2, NULL));
  first_us = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_DESCRIBES; i++)
    {
      g_autofree char *text = distretto_chart_describe_at (chart, WIDTH, height,
                                                           g_rand_double_range (rand, 0, WIDTH),
                                                           g_rand_double_range (rand, 0, height), NULL);

      n_hits += text != NULL;
    }
  mean_us = (g_get_monotonic_time () - start) / (double) N_DESCRIBES;

  g_print ("ranking of %u regions with notes, %.0f×%.0f px\n", N_REGIONS, WIDTH, height);
  g_print ("hit  Distretto  describe_at %8.1f µs (mean of %d, %u on a bar; first call %.1f µs)\n\n",
           mean_us, N_DESCRIBES, n_hits, first_us);
}

/* In the child: export one file and exit. */
static int
export_only (const char *name,
             const char *path)
{
  g_autoptr(DistrettoChart) chart = build_ranking ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DistrettoChartFormat format;

  if (!distretto_chart_format_from_name (name, &format))
    {
      g_printerr ("unknown format %s\n", name);
      return 2;
    }

  if (!distretto_chart_export_file (chart, file, format, WIDTH,
                                    distretto_chart_get_natural_height (chart), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  const double *x = a, *y = b;

  return (*x > *y) - (*x < *y);
}

/* Milliseconds of N_IN_PROCESS exports of @chart; sorted. */
static void
time_in_process (DistrettoChart       *chart,
                 DistrettoChartFormat  format,
                 double               *ms,
                 gsize                *size)
{
  double height = distretto_chart_get_natural_height (chart);

  for (guint i = 0; i < N_IN_PROCESS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 start = g_get_monotonic_time ();

      bytes = distretto_chart_export_bytes (chart, format, WIDTH, height, &error);
      ms[i] = (g_get_monotonic_time () - start) / 1e3;
      g_assert_no_error (error);
      *size = g_bytes_get_size (bytes);
    }

  qsort (ms, N_IN_PROCESS, sizeof (double), compare_doubles);
}

/* The whole process, spawn to reaped, in milliseconds; < 0 if it failed. */
static double
run_child (char **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;
  GPid pid;

  if (!g_spawn_async (NULL, argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    return -1;

  if (waitpid (pid, &status, 0) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return -1;

  return (g_get_monotonic_time () - start) / 1e3;
}

/* The median of N_PROCESS runs in milliseconds; < 0 if any failed. */
static double
run_median (char **argv)
{
  double ms[N_PROCESS];

  for (guint i = 0; i < N_PROCESS; i++)
    if ((ms[i] = run_child (argv)) < 0)
      return -1;

  qsort (ms, N_PROCESS, sizeof (double), compare_doubles);
  return ms[N_PROCESS / 2];
}

/* argv: FORMAT FILE HEIGHT_PX VALUE… — the same bars, sorted largest on top,
 * with value labels like Distretto's. */
#define MATPLOTLIB_SCRIPT \
  "import sys\n" \
  "import matplotlib\n" \
  "matplotlib.use('Agg')\n" \
  "import matplotlib.pyplot as plt\n" \
  "fmt, path, height = sys.argv[1], sys.argv[2], float(sys.argv[3])\n" \
  "bars = sorted(((float(v), 'Region %03d' % (i + 1)) for i, v in enumerate(sys.argv[4:])))\n" \
  "fig, ax = plt.subplots(figsize=(10, height / 100), dpi=100)\n" \
  "c = ax.barh([n for v, n in bars], [v for v, n in bars], color='#0072B2')\n" \
  "ax.bar_label(c, fmt='%.1f', fontsize=7, padding=2)\n" \
  "ax.set_title('Benchmark: 299 regions')\n" \
  "ax.set_xlabel('Score')\n" \
  "ax.tick_params(axis='y', labelsize=7)\n" \
  "ax.margins(y=0.002)\n" \
  "fig.text(0.01, 0.002, 'Source: bench-chart, seeded values', fontsize=8)\n" \
  "fig.tight_layout()\n" \
  "fig.savefig(path, format=fmt)\n"

static gboolean
have_matplotlib (void)
{
  char *argv[] = { (char *) "/usr/bin/python3", (char *) "-c", (char *) "import matplotlib", NULL };

  return g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE) && run_child (argv) >= 0;
}

/* The map. */

static const char * const outermost_prefixes[] = { "FRY", "ES70", "PT20", "PT30" };

static gboolean
is_outermost (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (outermost_prefixes); i++)
    if (g_str_has_prefix (code, outermost_prefixes[i]))
      return TRUE;
  return FALSE;
}

/* GISCO's boundaries, or %NULL when the file is absent. */
static DistrettoBoundaries *
load_real_boundaries (char **path_out)
{
  const char *dir = g_getenv ("DISTRETTO_REAL_DATA");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : "../shared/data/real", NUTS_FILE, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoBoundaries *boundaries;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  file = g_file_new_for_path (path);
  boundaries = distretto_boundaries_load_file (file, NULL, &error);
  if (boundaries == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return NULL;
    }

  *path_out = g_steal_pointer (&path);
  return boundaries;
}

/* N_NUTS3 wavy polygons on a grid, with N_NUTS3_VERTICES points in all
 * (closing points included, as GeoJSON counts them). */
static DistrettoBoundaries *
generate_boundaries (void)
{
  g_autoptr(GString) json = g_string_new ("{\"type\": \"FeatureCollection\", "
                                          "\"crs\": {\"type\": \"name\", \"properties\": "
                                          "{\"name\": \"urn:ogc:def:crs:EPSG::3035\"}}, \"features\": [");
  g_autoptr(GRand) rand = g_rand_new_with_seed (1345);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoBoundaries *boundaries;
  guint columns = (guint) ceil (sqrt (N_NUTS3 * 1.6));

  for (guint i = 0; i < N_NUTS3; i++)
    {
      guint n = N_NUTS3_VERTICES / N_NUTS3 + (i < N_NUTS3_VERTICES % N_NUTS3 ? 1 : 0);
      double cx = 2500000.0 + (i % columns) * 60000.0, cy = 1500000.0 + (i / columns) * 60000.0;
      double phase = g_rand_double_range (rand, 0, 2 * G_PI);

      g_string_append_printf (json, "%s{\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"Z%c%03u\", "
                              "\"LEVL_CODE\": 3, \"NAME_LATN\": \"Region %u\"}, "
                              "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[",
                              i > 0 ? ",\n" : "", 'A' + i / 1000, i % 1000, i + 1);
      for (guint k = 0; k < n; k++)
        {
          double angle = 2 * G_PI * (k % (n - 1)) / (n - 1);
          double radius = 26000.0 * (1.0 + 0.12 * sin (5 * angle + phase));

          g_string_append_printf (json, "%s[%.1f, %.1f]", k > 0 ? ", " : "",
                                  cx + radius * cos (angle), cy + radius * sin (angle));
        }
      g_string_append (json, "]]}}");
    }
  g_string_append (json, "]}\n");

  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  boundaries = distretto_boundaries_load_bytes (bytes, "generated.geojson", &error);
  g_assert_no_error (error);
  return boundaries;
}

/* All regions of level 3 valued, but one in 40: hatched as no data. */
static DistrettoChart *
build_map (DistrettoBoundaries *boundaries,
           guint               *n_regions,
           guint               *n_vertices)
{
  DistrettoChart *chart = distretto_chart_new_map ("Benchmark: NUTS 3 regions", boundaries);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);

  distretto_chart_set_subtitle (chart, "Synthetic values, 5 quantiles");
  distretto_chart_set_unit (chart, "Score");
  distretto_chart_set_source (chart, "Source: bench-chart, seeded values");

  *n_regions = *n_vertices = 0;
  for (guint i = 0; i < distretto_boundaries_get_n_regions (boundaries); i++)
    {
      const char *code = distretto_boundaries_get_code_at (boundaries, i);
      double value = g_rand_double_range (rand, 0.0, 100.0);

      if (distretto_boundaries_get_level (boundaries, code) != 3)
        continue;

      for (guint p = 0; p < distretto_boundaries_get_n_polygons (boundaries, code); p++)
        for (guint r = 0; r < distretto_boundaries_get_n_rings (boundaries, code, p); r++)
          {
            guint n_points;

            distretto_boundaries_get_ring (boundaries, code, p, r, &n_points);
            *n_vertices += n_points;
          }

      if ((*n_regions)++ % 40 != 39)
        distretto_chart_add_bar (chart, code, distretto_boundaries_get_name (boundaries, code), value);
    }

  return chart;
}

/* Median and minimum of N_REDRAWS redraws onto one surface, in ms. */
static void
time_map_redraws (DistrettoChart *chart,
                  double         *median,
                  double         *minimum)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAP_WIDTH, MAP_HEIGHT);
  double ms[N_REDRAWS];

  for (guint i = 0; i < N_WARM_UPS + N_REDRAWS; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      distretto_chart_render (chart, cr, MAP_WIDTH, MAP_HEIGHT, DISTRETTO_CHART_STYLE_LIGHT);
      cairo_surface_flush (surface);
      if (i >= N_WARM_UPS)
        ms[i - N_WARM_UPS] = (g_get_monotonic_time () - start) / 1e3;
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
    }

  if (g_getenv ("BENCH_MAP_PNG") != NULL)
    cairo_surface_write_to_png (surface, g_getenv ("BENCH_MAP_PNG"));
  cairo_surface_destroy (surface);

  qsort (ms, N_REDRAWS, sizeof (double), compare_doubles);
  *median = ms[N_REDRAWS / 2];
  *minimum = ms[0];
}

/* Mean microseconds of a hit test at a random point of the map. */
static double
time_map_hit_tests (DistrettoChart *chart,
                    guint          *n_hits)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 start = g_get_monotonic_time ();

  *n_hits = 0;
  for (guint i = 0; i < N_HIT_TESTS; i++)
    {
      double x = g_rand_double_range (rand, 0, MAP_WIDTH * 0.8);
      double y = g_rand_double_range (rand, 0, MAP_HEIGHT);

      *n_hits += distretto_chart_hit_test_region (chart, MAP_WIDTH, MAP_HEIGHT, x, y) != NULL;
    }

  return (g_get_monotonic_time () - start) / (double) N_HIT_TESTS;
}

/* Writes a ring a line, "CLASS X Y X Y …" in EPSG:3035 metres (class -1
 * for no data), and returns the extent of the mainland's. */
static char *
write_map_polygons (DistrettoBoundaries *boundaries,
                    DistrettoChart      *chart,
                    const char          *dir,
                    double               extent[4])
{
  char *path = g_build_filename (dir, "map-polygons.txt", NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  extent[0] = extent[1] = G_MAXDOUBLE;
  extent[2] = extent[3] = -G_MAXDOUBLE;
  for (guint i = 0; i < distretto_boundaries_get_n_regions (boundaries); i++)
    {
      const char *code = distretto_boundaries_get_code_at (boundaries, i);
      int class = distretto_chart_get_region_class (chart, code);

      if (distretto_boundaries_get_level (boundaries, code) != 3)
        continue;

      for (guint p = 0; p < distretto_boundaries_get_n_polygons (boundaries, code); p++)
        for (guint r = 0; r < distretto_boundaries_get_n_rings (boundaries, code, p); r++)
          {
            guint n_points;
            const double *ring = distretto_boundaries_get_ring (boundaries, code, p, r, &n_points);

            g_string_append_printf (out, "%d", class);
            for (guint k = 0; k < n_points; k++)
              {
                g_string_append_printf (out, " %.1f %.1f", ring[2 * k], ring[2 * k + 1]);
                if (!is_outermost (code))
                  {
                    extent[0] = MIN (extent[0], ring[2 * k]);
                    extent[1] = MIN (extent[1], ring[2 * k + 1]);
                    extent[2] = MAX (extent[2], ring[2 * k]);
                    extent[3] = MAX (extent[3], ring[2 * k + 1]);
                  }
              }
            g_string_append_c (out, '\n');
          }
    }

  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
  return path;
}

/* argv: POLYGONS WIDTH HEIGHT WARM_UPS RUNS X_MIN Y_MIN X_MAX Y_MAX; prints
 * the median and the minimum of the redraws in ms. */
#define MATPLOTLIB_MAP_SCRIPT \
  "import sys, time\n" \
  "import numpy as np\n" \
  "import matplotlib\n" \
  "matplotlib.use('Agg')\n" \
  "import matplotlib.pyplot as plt\n" \
  "from matplotlib.collections import PolyCollection\n" \
  "path = sys.argv[1]\n" \
  "width, height, warm, runs = (int(a) for a in sys.argv[2:6])\n" \
  "x0, y0, x1, y1 = (float(a) for a in sys.argv[6:10])\n" \
  "polys, classes = [], []\n" \
  "for line in open(path):\n" \
  "    v = line.split()\n" \
  "    classes.append(int(v[0]))\n" \
  "    polys.append(np.array(v[1:], dtype=float).reshape(-1, 2))\n" \
  "n = max(classes) + 1\n" \
  "cmap = matplotlib.colormaps['viridis'].resampled(n)\n" \
  "colors = [(0.85, 0.85, 0.85, 1) if c < 0 else cmap(c) for c in classes]\n" \
  "fig = plt.figure(figsize=(width / 100, height / 100), dpi=100)\n" \
  "ax = fig.add_axes([0, 0, 1, 1])\n" \
  "ax.set_axis_off()\n" \
  "ax.add_collection(PolyCollection(polys, facecolors=colors, edgecolors='#767676', linewidths=0.3))\n" \
  "ax.set_xlim(x0, x1)\n" \
  "ax.set_ylim(y0, y1)\n" \
  "ax.set_aspect('equal')\n" \
  "ms = []\n" \
  "for i in range(warm + runs):\n" \
  "    start = time.perf_counter()\n" \
  "    fig.canvas.draw()\n" \
  "    if i >= warm:\n" \
  "        ms.append((time.perf_counter() - start) * 1e3)\n" \
  "ms.sort()\n" \
  "print('%.3f %.3f' % (ms[len(ms) // 2], ms[0]))\n"

/* The threads libdistretto draws a map with, as it counts them. */
static guint
drawing_threads (void)
{
  const char *threads = g_getenv ("DISTRETTO_CHART_THREADS");
  guint n = threads != NULL ? (guint) g_ascii_strtoull (threads, NULL, 10) : g_get_num_processors ();

  return CLAMP (n, 1, 8);
}

static void
bench_map (const char *dir,
           gboolean    matplotlib)
{
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autofree char *path = NULL;
  g_autofree char *polygons = NULL;
  guint n_regions, n_vertices, n_hits;
  double median, minimum, hit_us, extent[4];

  boundaries = load_real_boundaries (&path);
  if (boundaries == NULL)
    boundaries = generate_boundaries ();
  chart = build_map (boundaries, &n_regions, &n_vertices);

  g_print ("map of %u NUTS 3 regions, %u vertices, %d×%d px, from %s\n",
           n_regions, n_vertices, MAP_WIDTH, MAP_HEIGHT,
           path != NULL ? path : "generated polygons (set DISTRETTO_REAL_DATA to the real data's folder)");
  g_print ("redraw: distretto_chart_render onto one image surface, %d runs after %d warm-ups\n",
           N_REDRAWS, N_WARM_UPS);
  g_print ("cores: %u; drawing threads: Distretto %u (DISTRETTO_CHART_THREADS), matplotlib 1\n\n",
           g_get_num_processors (), drawing_threads ());

  time_map_redraws (chart, &median, &minimum);
  g_print ("map  Distretto  redraw %6.2f ms (min %.2f)\n", median, minimum);
  hit_us = time_map_hit_tests (chart, &n_hits);
  g_print ("map  Distretto  hit test %.1f µs (mean of %d, %u on a region)\n", hit_us, N_HIT_TESTS, n_hits);

  if (matplotlib)
    {
      g_autofree char *standard_output = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
      double theirs_median, theirs_minimum;
      int status;

      polygons = write_map_polygons (boundaries, chart, dir, extent);
      g_ptr_array_add (argv, g_strdup ("/usr/bin/python3"));
      g_ptr_array_add (argv, g_strdup ("-c"));
      g_ptr_array_add (argv, g_strdup (MATPLOTLIB_MAP_SCRIPT));
      g_ptr_array_add (argv, g_strdup (polygons));
      g_ptr_array_add (argv, g_strdup_printf ("%d", MAP_WIDTH));
      g_ptr_array_add (argv, g_strdup_printf ("%d", MAP_HEIGHT));
      g_ptr_array_add (argv, g_strdup_printf ("%d", N_WARM_UPS));
      g_ptr_array_add (argv, g_strdup_printf ("%d", N_REDRAWS));
      for (guint i = 0; i < 4; i++)
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          g_ptr_array_add (argv, g_strdup (g_ascii_dtostr (number, sizeof number, extent[i])));
        }
      g_ptr_array_add (argv, NULL);

      if (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                        &standard_output, NULL, &status, &error) &&
          g_spawn_check_wait_status (status, NULL) &&
          sscanf (standard_output, "%lf %lf", &theirs_median, &theirs_minimum) == 2)
        g_print ("map  matplotlib redraw %6.2f ms (min %.2f)\n"
                 "map  Distretto is %.1f× faster (median redraw)\n",
                 theirs_median, theirs_minimum, theirs_median / median);
      else
        g_print ("map  matplotlib failed%s%s\n", error != NULL ? ": " : "", error != NULL ? error->message : "");
      g_unlink (polygons);
    }

  g_print ("\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) python = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *height_arg = NULL;
  double values[N_REGIONS];
  gboolean matplotlib;
  double height;

  setlocale (LC_ALL, "");

  if (argc == 4 && g_str_equal (argv[1], "--export"))
    return export_only (argv[2], argv[3]);
  if (argc > 2 || (argc == 2 && !g_str_equal (argv[1], "map") && !g_str_equal (argv[1], "ranking") &&
                    !g_str_equal (argv[1], "hit")))
    {
      g_printerr ("usage: %s [map|ranking|hit]\n       %s --export png|svg|pdf FILE\n", argv[0], argv[0]);
      return 2;
    }

  if (argc == 1 || g_str_equal (argv[1], "hit"))
    bench_hit ();
  if (argc == 2 && g_str_equal (argv[1], "hit"))
    return 0;

  dir = g_dir_make_tmp ("distretto-bench-chart-XXXXXX", &error);
  g_assert_no_error (error);
  matplotlib = have_matplotlib ();
  if (!matplotlib)
    g_print ("matplotlib not available (install python3-matplotlib): skipped\n\n");

  if (argc == 1 || g_str_equal (argv[1], "map"))
    bench_map (dir, matplotlib);
  if (argc == 2 && g_str_equal (argv[1], "map"))
    {
      g_rmdir (dir);
      return 0;
    }

  chart = build_ranking ();
  height = distretto_chart_get_natural_height (chart);
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  python = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (python, g_strdup ("/usr/bin/python3"));
  g_ptr_array_add (python, g_strdup ("-c"));
  g_ptr_array_add (python, g_strdup (MATPLOTLIB_SCRIPT));
  g_ptr_array_add (python, NULL);   /* format */
  g_ptr_array_add (python, NULL);   /* file */
  height_arg = g_strdup_printf ("%.0f", height);
  g_ptr_array_add (python, g_strdup (height_arg));
  region_values (values);
  for (guint i = 0; i < N_REGIONS; i++)
    {
      char value[G_ASCII_DTOSTR_BUF_SIZE];

      g_ptr_array_add (python, g_strdup (g_ascii_dtostr (value, sizeof value, values[i])));
    }
  g_ptr_array_add (python, NULL);

  g_print ("ranking of %u regions, %.0f×%.0f px\n", N_REGIONS, WIDTH, height);
  g_print ("in process: distretto_chart_export_bytes, %d runs; process: %d runs, median\n\n",
           N_IN_PROCESS, N_PROCESS);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *ours_path = g_strdup_printf ("%s/distretto.%s", dir, formats[f]);
      g_autofree char *theirs_path = g_strdup_printf ("%s/matplotlib.%s", dir, formats[f]);
      char *child[] = { self_path, (char *) "--export", (char *) formats[f], ours_path, NULL };
      double ms[N_IN_PROCESS];
      DistrettoChartFormat format;
      double ours, theirs;
      gsize size = 0;

      if (!distretto_chart_format_from_name (formats[f], &format))
        g_error ("unknown format %s", formats[f]);
      time_in_process (chart, format, ms, &size);
      g_print ("%s  Distretto  render %6.1f ms (min %.1f)  %5" G_GSIZE_FORMAT " KiB\n",
               formats[f], ms[N_IN_PROCESS / 2], ms[0], size / 1024);

      ours = run_median (child);
      if (ours < 0)
        {
          g_printerr ("%s --export %s failed\n", self_path, formats[f]);
          return 1;
        }
      g_print ("%s  Distretto  process %6.1f ms\n", formats[f], ours);

      if (matplotlib)
        {
          python->pdata[3] = (gpointer) formats[f];
          python->pdata[4] = theirs_path;
          theirs = run_median ((char **) python->pdata);
          python->pdata[3] = python->pdata[4] = NULL;
          if (theirs < 0)
            g_print ("%s  matplotlib failed\n", formats[f]);
          else
            g_print ("%s  matplotlib process %6.1f ms\n"
                     "%s  Distretto is %.1f× faster (whole process)\n",
                     formats[f], theirs, formats[f], theirs / ours);
          g_unlink (theirs_path);
        }

      g_unlink (ours_path);
      g_print ("\n");
    }

  g_rmdir (dir);
  return 0;
}

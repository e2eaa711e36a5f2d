/* test-reference-images.c: charts compared with committed reference renders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders a fixed chart of each kind in the print style, as exported and
 * with the pointer over a region (NAME-hover), and compares them with
 * tests/reference/NAME.png. A pixel differs when one of its
 * channels is more than TOLERANCE apart; up to MAX_DIFFERING of the pixels
 * may differ, which absorbs font hinting and antialiasing. On failure the
 * render is written to tests/reference-actual/NAME.png in the build dir.
 *
 * After an intended change to the drawing, regenerate the references:
 *
 *   build-aux/dev references
 *   DISTRETTO_UPDATE_REFERENCES=1 meson test -C _build test-reference-images
 */

#include <distretto.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#define WIDTH         600
#define HEIGHT        400
#define TOLERANCE     8
#define MAX_DIFFERING 0.005

static DistrettoChart *
reference_ranking (void)
{
  DistrettoChart *chart = distretto_chart_new_ranking ("Innovation performance");
  const char *groups[] = { "Leader", "Strong", "Moderate", "Emerging", NULL };

  distretto_chart_set_subtitle (chart, "Regional Innovation Scoreboard, 2023");
  distretto_chart_set_unit (chart, "Index, EU = 100");
  distretto_chart_set_source (chart, "Source: reference test data");
  distretto_chart_set_categories (chart, groups);
  distretto_chart_add_bar_in_category (chart, "SE11", "Stockholm", 161.3, 0);
  distretto_chart_add_bar_in_category (chart, "DE21", "Oberbayern", 143.0, 0);
  distretto_chart_add_bar_in_category (chart, "FI19", "Länsi-Suomi", 128.4, 1);
  distretto_chart_add_bar_in_category (chart, "ITH3", "Veneto", 96.7, 2);
  distretto_chart_add_bar_in_category (chart, "ES52", "Comunitat Valenciana", 84.9, 2);
  distretto_chart_add_bar_in_category (chart, "PL82", "Podkarpackie", 58.2, 3);
  distretto_chart_set_reference (chart, 100.0, "EU 100");
  distretto_chart_set_selected (chart, "ITH3");
  distretto_chart_set_bar_interval (chart, "DE21", 131.5, 150.2);
  distretto_chart_set_bar_interval (chart, "ITH3", 88.0, 104.9);
  distretto_chart_set_bar_interval (chart, "PL82", 52.7, 60.0);
  distretto_chart_set_notes (chart, "Error bars: the score under other normalisation and aggregation methods.");

  return chart;
}

static const char *pillars[] = { "Human resources", "Digitalisation", "Services", "Manufacturing", "Linkages", NULL };

static DistrettoChart *
reference_radar (void)
{
  DistrettoChart *chart = distretto_chart_new_radar ("Industry 4.0 readiness");
  const double veneto[] = { 62.0, 48.5, 71.0, 88.0, 55.0 };
  const double valencia[] = { 51.0, 57.5, 64.0, 42.0, NAN };
  const double eu[] = { 55.0, 55.0, 55.0, 55.0, 55.0 };

  distretto_chart_set_subtitle (chart, "Pillar scores, 2023");
  distretto_chart_set_source (chart, "Source: reference test data");
  distretto_chart_set_axes (chart, pillars);
  distretto_chart_add_profile (chart, "ITH3", "Veneto", veneto, G_N_ELEMENTS (veneto));
  distretto_chart_add_profile (chart, "ES52", "Comunitat Valenciana", valencia, G_N_ELEMENTS (valencia));
  distretto_chart_set_reference_line (chart, distretto_chart_add_profile (chart, "EU27_2020", "EU", eu, G_N_ELEMENTS (eu)));
  distretto_chart_set_selected (chart, "ITH3");

  return chart;
}

static DistrettoChart *
reference_scatter (void)
{
  DistrettoChart *chart = distretto_chart_new_scatter ("Services and manufacturing");
  const char *labelled[] = { "ITH3", "ITH5", "DE21", NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  distretto_chart_set_subtitle (chart, "NUTS 2 regions, 2023");
  distretto_chart_set_source (chart, "Source: reference test data");
  distretto_chart_set_axis_titles (chart, "Manufacturing base", "KIBS depth");
  distretto_chart_set_third (chart, "Composite", DISTRETTO_CHART_ENCODING_COLOR);
  distretto_chart_add_point (chart, "ITH3", "Veneto", 82.0, 40.0, 61.0);
  distretto_chart_add_point (chart, "ITH5", "Emilia-Romagna", 80.0, 44.0, 62.0);
  distretto_chart_add_point (chart, "DE21", "Oberbayern", 60.0, 90.0, 75.0);
  for (int i = 0; i < 30; i++)
    {
      char code[8];

      g_snprintf (code, sizeof code, "R%02d", i);
      distretto_chart_add_point (chart, code, code, g_rand_double_range (rand, 0, 100),
                                 g_rand_double_range (rand, 0, 100), g_rand_double_range (rand, 0, 100));
    }
  distretto_chart_set_x_reference (chart, 50.0, "EU 50.0");
  distretto_chart_set_reference (chart, 45.0, "EU 45.0");
  distretto_chart_set_labelled (chart, labelled);
  distretto_chart_set_selected (chart, "DE21");

  return chart;
}

static DistrettoChart *
reference_heatmap (void)
{
  DistrettoChart *chart = distretto_chart_new_heatmap ("Industry 4.0 readiness");
  static const char *names[] = { "Stockholm", "Oberbayern", "Länsi-Suomi", "Veneto", "Comunitat Valenciana", "Podkarpackie" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  distretto_chart_set_subtitle (chart, "Normalised scores, 2023");
  distretto_chart_set_source (chart, "Source: reference test data");
  distretto_chart_set_axes (chart, pillars);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      double values[5];

      for (guint j = 0; j < G_N_ELEMENTS (values); j++)
        values[j] = i == 4 && j == 1 ? NAN : g_rand_double_range (rand, 0, 100);
      distretto_chart_add_profile (chart, names[i], names[i], values, G_N_ELEMENTS (values));
    }
  distretto_chart_set_sort_axis (chart, 2);
  distretto_chart_set_selected (chart, "Veneto");

  return chart;
}

/* A grid of square regions AA00…AA34, one hole of no data, and two
 * outermost regions (FRY1, ES70) far to the south-west, in insets. */
static DistrettoChart *
reference_map (void)
{
  g_autoptr(GString) json = g_string_new ("{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", "
                                          "\"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::3035\"}}, \"features\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoChart *chart;
  const char *far[] = { "FRY1", "ES70" };

  for (int i = 0; i < 4 * 6 + 2; i++)
    {
      double x = i < 24 ? 3.0e6 + (i % 6) * 1.0e5 : 1.0e6 + (i - 24) * 3.0e5;
      double y = i < 24 ? 2.0e6 + (i / 6) * 1.0e5 : 0.5e6;
      char code[8];

      g_snprintf (code, sizeof code, "AA%02d", i);
      g_string_append_printf (json, "%s{\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"%s\", \"LEVL_CODE\": 2, "
                              "\"NAME_LATN\": \"%s\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
                              "[[[%.0f, %.0f], [%.0f, %.0f], [%.0f, %.0f], [%.0f, %.0f], [%.0f, %.0f]]]}}",
                              i > 0 ? ", " : "", i < 24 ? code : far[i - 24], i < 24 ? code : far[i - 24],
                              x, y, x + 9.5e4, y, x + 9.5e4, y + 9.5e4, x, y + 9.5e4, x, y);
    }
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  boundaries = distretto_boundaries_load_bytes (bytes, "reference.geojson", &error);
  g_assert_no_error (error);

  chart = distretto_chart_new_map ("Territorial servitization", boundaries);
  distretto_chart_set_subtitle (chart, "NUTS 2 regions, 2023, quantiles");
  distretto_chart_set_source (chart, "Source: reference test data");
  for (int i = 0; i < 24; i++)
    {
      char code[8];

      if (i == 9)
        continue;
      g_snprintf (code, sizeof code, "AA%02d", i);
      distretto_chart_add_bar (chart, code, code, (i * 37) % 100);
    }
  distretto_chart_add_bar (chart, "FRY1", "Guadeloupe", 12.0);
  distretto_chart_add_bar (chart, "ES70", "Canarias", 88.0);
  distretto_chart_set_selected (chart, "AA14");

  return chart;
}

/* Veneto: 2017 missing (a gap); Comunitat Valenciana: a break in 2018 and
 * an estimate in 2019. */
static DistrettoChart *
reference_trend (void)
{
  DistrettoChart *chart = distretto_chart_new_trend ("Employment in manufacturing");
  const double veneto_values[] = { 24.1, 24.6, NAN, 25.3, 25.0, 24.2 };
  const double valencia_values[] = { 17.9, 18.2, 18.6, 16.8, 17.1, 17.4 };
  guint veneto, valencia;

  distretto_chart_set_subtitle (chart, "2015–2020");
  distretto_chart_set_unit (chart, "% of employment");
  distretto_chart_set_source (chart, "Source: reference test data");
  veneto = distretto_chart_add_line (chart, "ITH3", "Veneto");
  valencia = distretto_chart_add_line (chart, "ES52", "Comunitat Valenciana");

  for (int i = 0; i < 6; i++)
    {
      distretto_chart_line_add_point (chart, veneto, 2015 + i, veneto_values[i], DISTRETTO_FLAGS_NONE);
      distretto_chart_line_add_point (chart, valencia, 2015 + i, valencia_values[i],
                                      i == 3 ? DISTRETTO_FLAGS_BREAK :
                                      i == 4 ? DISTRETTO_FLAGS_ESTIMATED : DISTRETTO_FLAGS_NONE);
    }

  return chart;
}

/* Twelve regions by nominal rank, each with its median rank and the
 * 5–95% interval, coloured by group; one flagged imputed. */
static DistrettoChart *
reference_uncertainty (void)
{
  DistrettoChart *chart = distretto_chart_new_uncertainty ("Innovation performance: how certain the ranks are");
  const char *groups[] = { "Leader", "Strong", "Moderate", "Emerging", NULL };
  static const struct
  {
    const char *code;
    const char *name;
    double median, lower, upper;
    int group;
  } regions[] = {
    { "SE11", "Stockholm", 1.0, 1.0, 2.0, 0 },
    { "DE21", "Oberbayern", 2.5, 1.0, 4.0, 0 },
    { "FI1B", "Helsinki-Uusimaa", 2.0, 1.0, 5.0, 0 },
    { "FI19", "Länsi-Suomi", 4.5, 3.0, 7.0, 1 },
    { "ITC4", "Lombardia", 5.0, 3.5, 9.0, 1 },
    { "ES51", "Cataluña", 7.0, 5.0, 8.0, 1 },
    { "ITH3", "Veneto", 6.5, 4.0, 10.0, 2 },
    { "ES52", "Comunitat Valenciana", 8.5, 7.0, 10.0, 2 },
    { "PL91", "Warszawski stołeczny", 8.0, 5.0, 11.0, 2 },
    { "ITF3", "Campania", 10.0, 9.0, 11.5, 3 },
    { "PL82", "Podkarpackie", 11.0, 10.0, 12.0, 3 },
    { "RO21", "Nord-Est", 12.0, 11.0, 12.0, 3 },
  };

  distretto_chart_set_subtitle (chart, "NUTS 2 regions, 2023, 1000 runs");
  distretto_chart_set_unit (chart, "Rank (1 is best)");
  distretto_chart_set_source (chart, "Source: reference test data");
  distretto_chart_set_categories (chart, groups);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    distretto_chart_add_rank_interval (chart, regions[i].code, regions[i].name, i + 1, regions[i].median,
                                       regions[i].lower, regions[i].upper, regions[i].group);
  distretto_chart_set_bar_flags (chart, "ES51", DISTRETTO_FLAGS_IMPUTED);
  distretto_chart_set_selected (chart, "ITH3");
  distretto_chart_set_notes (chart, "Dots: the median rank over 1000 runs; lines: 5–95% of the ranks; diamonds: "
                                    "the nominal rank.");

  return chart;
}

/* Five assumptions' Sobol indices and six sub-indicators left out. */
static DistrettoChart *
reference_sensitivity (void)
{
  DistrettoChart *chart = distretto_chart_new_sensitivity ("Innovation performance: what the ranks depend on");
  static const struct
  {
    const char *id;
    const char *name;
    double first, total;
  } indices[] = {
    { "weights", "Weights", 0.08, 0.15 },
    { "normalisation", "Normalisation", 0.42, 0.61 },
    { "aggregation", "Aggregation", 0.21, 0.33 },
    { "imputation", "Imputation", 0.02, 0.05 },
    { "outliers", "Outlier treatment", 0.11, 0.19 },
  };
  static const struct
  {
    const char *id;
    double mean, most;
  } removed[] = {
    { "TS1", 3.2, 11.0 }, { "TS2", 5.8, 19.0 }, { "TS3", 1.4, 6.0 },
    { "TS4", 2.6, 9.0 }, { "TS5", 0.9, 4.0 }, { "TS6", 4.1, 14.0 },
  };

  distretto_chart_set_subtitle (chart, "NUTS 2 regions, 2023, 1000 runs");
  distretto_chart_set_source (chart, "Source: reference test data");
  for (guint i = 0; i < G_N_ELEMENTS (indices); i++)
    distretto_chart_add_sensitivity_index (chart, indices[i].id, indices[i].name, indices[i].first, indices[i].total);
  for (guint i = 0; i < G_N_ELEMENTS (removed); i++)
    {
      distretto_chart_add_bar (chart, removed[i].id, removed[i].id, removed[i].mean);
      distretto_chart_set_bar_interval (chart, removed[i].id, removed[i].mean, removed[i].most);
    }
  distretto_chart_set_selected (chart, "normalisation");

  return chart;
}

/* Drawn with the region of @hovered under the pointer, or as exported. */
static cairo_surface_t *
render (DistrettoChart *chart,
        const char     *hovered)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(DistrettoChartRenderOptions) options = distretto_chart_render_options_new (DISTRETTO_CHART_STYLE_PRINT);

  distretto_chart_render_options_set_selected (options, distretto_chart_get_selected (chart));
  distretto_chart_render_options_set_highlighted (options, hovered);
  if (hovered != NULL)
    distretto_chart_render_with_options (chart, cr, WIDTH, HEIGHT, options);
  else
    distretto_chart_render (chart, cr, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
have_cantarell (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoFontFamily **families = NULL;
  gboolean found = FALSE;
  int n = 0;

  pango_font_map_list_families (map, &families, &n);
  for (int i = 0; i < n && !found; i++)
    found = g_ascii_strcasecmp (pango_font_family_get_name (families[i]), "Cantarell") == 0;
  g_free (families);

  return found;
}

/* The share of pixels with a channel more than TOLERANCE apart. */
static double
differing_share (cairo_surface_t *actual,
                 cairo_surface_t *expected,
                 int             *max_delta)
{
  const guint8 *a = cairo_image_surface_get_data (actual);
  const guint8 *e = cairo_image_surface_get_data (expected);
  int a_stride = cairo_image_surface_get_stride (actual);
  int e_stride = cairo_image_surface_get_stride (expected);
  guint differing = 0;

  *max_delta = 0;
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        guint32 pa = ((const guint32 *) (a + y * a_stride))[x];
        guint32 pe = ((const guint32 *) (e + y * e_stride))[x];
        int worst = 0;

        for (int shift = 0; shift < 24; shift += 8)
          worst = MAX (worst, abs ((int) ((pa >> shift) & 0xFF) - (int) ((pe >> shift) & 0xFF)));
        *max_delta = MAX (*max_delta, worst);
        if (worst > TOLERANCE)
          differing++;
      }

  return differing / (double) (WIDTH * HEIGHT);
}

static void
check_reference (DistrettoChart *chart,
                 const char     *name,
                 const char     *hovered)
{
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "reference", file_name, NULL);
  cairo_surface_t *actual, *expected;
  const char *update = g_getenv ("DISTRETTO_UPDATE_REFERENCES");
  double share;
  int max_delta;

  if (!have_cantarell ())
    {
      g_test_skip ("the Cantarell font is not installed (fonts-cantarell); the references use it");
      return;
    }

  actual = render (chart, hovered);

  if (update != NULL && g_str_equal (update, "1"))
    {
      g_autofree char *dir = g_path_get_dirname (expected_path);

      g_mkdir_with_parents (dir, 0755);
      g_assert_cmpint (cairo_surface_write_to_png (actual, expected_path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", expected_path);
      cairo_surface_destroy (actual);
      return;
    }

  expected = cairo_image_surface_create_from_png (expected_path);
  if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
    {
      g_test_message ("cannot read %s: %s", expected_path,
                      cairo_status_to_string (cairo_surface_status (expected)));
      g_test_fail ();
      cairo_surface_destroy (expected);
      cairo_surface_destroy (actual);
      return;
    }
  g_assert_cmpint (cairo_image_surface_get_width (expected), ==, WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (expected), ==, HEIGHT);

  share = differing_share (actual, expected, &max_delta);
  if (share > MAX_DIFFERING)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "reference-actual", NULL);
      g_autofree char *actual_path = g_build_filename (dir, file_name, NULL);

      g_mkdir_with_parents (dir, 0755);
      cairo_surface_write_to_png (actual, actual_path);
      g_test_message ("%s: %.3f%% of pixels differ by more than %d (allowed %.1f%%, largest difference %d); "
                      "the render is in %s. If the change is intended, regenerate with "
                      "build-aux/dev references",
                      name, share * 100, TOLERANCE, MAX_DIFFERING * 100, max_delta, actual_path);
      g_test_fail ();
    }
  else
    g_test_message ("%s: %.3f%% of pixels differ by more than %d", name, share * 100, TOLERANCE);

  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
}

typedef struct
{
  const char *name;
  DistrettoChart *(*build) (void);
  const char *hovered;    /* the region under the pointer, or NULL */
} Reference;

/* Each chart as exported, then with the pointer over another region than
 * the selected one. */
static const Reference references[] = {
  { "ranking", reference_ranking, NULL },
  { "trend", reference_trend, NULL },
  { "radar", reference_radar, NULL },
  { "scatter", reference_scatter, NULL },
  { "heatmap", reference_heatmap, NULL },
  { "map", reference_map, NULL },
  { "uncertainty", reference_uncertainty, NULL },
  { "sensitivity", reference_sensitivity, NULL },
  { "ranking-hover", reference_ranking, "FI19" },
  { "trend-hover", reference_trend, "ES52" },
  { "radar-hover", reference_radar, "ES52" },
  { "scatter-hover", reference_scatter, "ITH5" },
  { "heatmap-hover", reference_heatmap, "Oberbayern" },
  { "map-hover", reference_map, "AA15" },
  { "uncertainty-hover", reference_uncertainty, "PL91" },
  { "sensitivity-hover", reference_sensitivity, "TS2" },
};

static void
test_reference (gconstpointer data)
{
  const Reference *reference = data;
  g_autoptr(DistrettoChart) chart = reference->build ();

  check_reference (chart, reference->name, reference->hovered);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autofree char *path = g_strconcat ("/reference-images/", references[i].name, NULL);

      g_test_add_data_func (path, &references[i], test_reference);
    }

  return g_test_run ();
}

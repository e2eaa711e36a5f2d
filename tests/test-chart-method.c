/* test-chart-method.c: ranks, flags and notes on the bars of a ranking;
 * the uncertainty and sensitivity charts, and the views built from an
 * analysis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"

#include <math.h>

#define WIDTH  600
#define HEIGHT 400

/* The y of the middle of row @index, found by hit-testing down the
 * middle of the chart. */
static double
row_y (DistrettoChart *chart,
       guint           index)
{
  double first = -1, last = -1;

  for (double y = 0; y < HEIGHT; y += 0.5)
    {
      guint hit;

      if (distretto_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH / 2.0, y, &hit) && hit == index)
        {
          if (first < 0)
            first = y;
          last = y;
        }
    }

  g_assert_cmpfloat (first, >=, 0);
  return (first + last) / 2.0;
}

static char *
tooltip (DistrettoChart *chart,
         guint           index,
         const char    **code)
{
  return distretto_chart_describe_at (chart, WIDTH, HEIGHT, WIDTH / 2.0, row_y (chart, index), code);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text ? text : "(null)", part);
}

/* Bars 50, 40, 40, 30: ranks 1, 2, 2, 4 in the tooltips and the table,
 * whatever their places; a rank set by the result wins. */
static void
test_ranking_ties (void)
{
  g_autoptr(DistrettoChart) chart = distretto_chart_new_ranking ("Ties");
  g_autofree char *table = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *last = NULL;
  g_auto(GStrv) lines = NULL;
  const char *code;

  distretto_chart_add_bar (chart, "ITC1", "Piemonte", 50.0);
  distretto_chart_add_bar (chart, "ITC2", "Valle d'Aosta", 40.0);
  distretto_chart_add_bar (chart, "ITC3", "Liguria", 40.0);
  distretto_chart_add_bar (chart, "ITC4", "Lombardia", 30.0);

  g_assert_cmpuint (distretto_chart_get_bar_rank (chart, 1), ==, 2);
  g_assert_cmpuint (distretto_chart_get_bar_rank (chart, 2), ==, 2);
  g_assert_cmpuint (distretto_chart_get_bar_rank (chart, 3), ==, 4);

  second = tooltip (chart, 1, &code);
  third = tooltip (chart, 2, &code);
  g_assert_cmpstr (code, ==, "ITC3");
  g_assert_true (g_str_has_prefix (second, "2. "));
  g_assert_true (g_str_has_prefix (third, "2. "));

  table = distretto_chart_dup_table (chart);
  lines = g_strsplit (table, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "rank,region,name,value,category");
  g_assert_true (g_str_has_prefix (lines[2], "2,ITC2,"));
  g_assert_true (g_str_has_prefix (lines[3], "2,ITC3,"));
  g_assert_true (g_str_has_prefix (lines[4], "4,ITC4,"));

  /* A ranking of the top regions and one further down: its real rank. */
  g_assert_true (distretto_chart_set_bar_rank (chart, "ITC4", 111));
  g_assert_false (distretto_chart_set_bar_rank (chart, "ITC9", 1));
  last = tooltip (chart, 3, &code);
  g_assert_true (g_str_has_prefix (last, "111. Lombardia (ITC4): "));
}

/* An imputed, carried-forward bar: hatched, its flags and note in the
 * tooltip and the table. */
static void
test_ranking_flags (void)
{
  g_autoptr(DistrettoChart) plain = distretto_chart_new_ranking ("Flags");
  g_autoptr(DistrettoChart) flagged = distretto_chart_new_ranking ("Flags");
  DistrettoChart *charts[] = { plain, flagged };
  cairo_surface_t *a, *b;
  g_autofree char *text = NULL;
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;
  const char *code;
  guint differing = 0;
  double y;

  for (guint c = 0; c < 2; c++)
    {
      distretto_chart_add_bar (charts[c], "ITC1", "Piemonte", 80.0);
      distretto_chart_add_bar (charts[c], "ITC2", "Liguria", 60.0);
    }
  g_assert_true (distretto_chart_set_bar_flags (flagged, "ITC2",
                                                DISTRETTO_FLAGS_IMPUTED | DISTRETTO_FLAGS_CARRIED_FORWARD));
  g_assert_true (distretto_chart_set_bar_note (flagged, "ITC2", "b imputed: the mean of 3 regions of IT"));
  g_assert_cmpint (distretto_chart_get_bar_flags (flagged, 1), ==,
                   DISTRETTO_FLAGS_IMPUTED | DISTRETTO_FLAGS_CARRIED_FORWARD);

  text = tooltip (flagged, 1, &code);
  assert_contains (text, "2. Liguria (ITC2): ");
  assert_contains (text, "imputed, carried forward");
  assert_contains (text, "b imputed: the mean of 3 regions of IT");

  table = distretto_chart_dup_table (flagged);
  lines = g_strsplit (table, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "rank,region,name,value,category,flags,note");
  g_assert_true (g_str_has_suffix (lines[1], ",,"));
  g_assert_true (g_str_has_suffix (lines[2], ",imputed|carried-forward,b imputed: the mean of 3 regions of IT"));

  /* The hatching: the flagged bar's row differs, the other's not. */
  a = distretto_test_render_chart (plain, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);
  b = distretto_test_render_chart (flagged, WIDTH, HEIGHT, DISTRETTO_CHART_STYLE_PRINT);
  y = row_y (flagged, 1);
  for (int x = WIDTH / 3; x < WIDTH * 2 / 3; x++)
    differing += distretto_test_pixel (a, x, (int) y) != distretto_test_pixel (b, x, (int) y);
  g_assert_cmpuint (differing, >, 10);
  y = row_y (flagged, 0);
  for (int x = WIDTH / 3; x < WIDTH * 2 / 3; x++)
    g_assert_cmpuint (distretto_test_pixel (a, x, (int) y), ==, distretto_test_pixel (b, x, (int) y));
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_uncertainty_chart (void)
{
  g_autoptr(DistrettoChart) chart = distretto_chart_new_uncertainty ("Uncertainty");
  const char *groups[] = { "Leader", "Strong", "Moderate", "Emerging", NULL };
  const double shares[] = { 0.6, 0.4, 0.0, 0.0 };
  g_autofree char *text = NULL;
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;
  const char *code;

  distretto_chart_set_categories (chart, groups);
  /* Added out of order: drawn by nominal rank. */
  distretto_chart_add_rank_interval (chart, "ITC3", "Liguria", 3, 2.5, 2.0, 3.0, 1);
  distretto_chart_add_rank_interval (chart, "ITC1", "Piemonte", 1, 1.5, 1.0, 3.0, 0);
  distretto_chart_add_rank_interval (chart, "ITC2", "Lombardia", 2, 2.0, 1.0, 3.0, 1);
  g_assert_true (distretto_chart_set_bar_shares (chart, "ITC1", shares, G_N_ELEMENTS (shares)));

  g_assert_cmpuint (distretto_chart_get_kind (chart), ==, DISTRETTO_CHART_KIND_UNCERTAINTY);
  g_assert_cmpuint (distretto_chart_get_n_bars (chart), ==, 3);
  g_assert_cmpstr (distretto_chart_get_bar_code (chart, 0), ==, "ITC1");
  g_assert_cmpstr (distretto_chart_get_bar_code (chart, 2), ==, "ITC3");
  g_assert_cmpuint (distretto_chart_get_bar_rank (chart, 2), ==, 3);
  g_assert_cmpfloat (distretto_chart_get_bar_share (chart, 0, 1), ==, 0.4);

  text = tooltip (chart, 0, &code);
  g_assert_cmpstr (code, ==, "ITC1");
  assert_contains (text, "1. Piemonte (ITC1): median rank 1.5, 5–95%: 1.0 to 3.0");
  assert_contains (text, "Leader 60%, Strong 40%");
  g_assert_null (strstr (text, "Moderate"));

  table = distretto_chart_dup_table (chart);
  lines = g_strsplit (table, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "rank,region,name,median_rank,lower,upper,category,Leader,Strong,Moderate,Emerging");
  g_assert_cmpstr (lines[1], ==, "1,ITC1,Piemonte,1.5,1,3,Leader,0.59999999999999998,0.40000000000000002,0,0");
  g_assert_cmpstr (lines[2], ==, "2,ITC2,Lombardia,2,1,3,Strong,,,,");
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
}

static void
test_sensitivity_chart (void)
{
  g_autoptr(DistrettoChart) chart = distretto_chart_new_sensitivity ("Sensitivity");
  g_autofree char *table = NULL;
  g_autofree char *first = NULL;
  g_autofree char *removed = NULL;
  g_auto(GStrv) lines = NULL;
  const char *code;
  double s, st;

  distretto_chart_add_sensitivity_index (chart, "weights", "Weights", 0.25, 0.5);
  distretto_chart_add_sensitivity_index (chart, "normalisation", "Normalisation", 0.125, 0.375);
  distretto_chart_add_bar (chart, "ts1", "TS1", 2.5);
  distretto_chart_set_bar_interval (chart, "ts1", 2.5, 9.0);
  distretto_chart_add_bar (chart, "ts2", "TS2", 4.0);
  distretto_chart_set_bar_interval (chart, "ts2", 4.0, 12.0);

  g_assert_cmpuint (distretto_chart_get_n_sensitivity_indices (chart), ==, 2);
  distretto_chart_get_sensitivity_index (chart, 1, &code, &s, &st);
  g_assert_cmpstr (code, ==, "normalisation");
  g_assert_cmpfloat (s, ==, 0.125);
  g_assert_cmpfloat (st, ==, 0.375);

  first = tooltip (chart, 0, &code);
  g_assert_cmpstr (code, ==, "weights");
  g_assert_cmpstr (first, ==, "Weights: first-order index 0.25, total index 0.50");
  /* Below the indices, the sub-indicators by mean change: TS2 first. */
  removed = tooltip (chart, 2, &code);
  g_assert_cmpstr (code, ==, "ts2");
  g_assert_cmpstr (removed, ==, "Without TS2: ranks move 4.0 places on average, 12 at most");

  table = distretto_chart_dup_table (chart);
  lines = g_strsplit (table, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "part,id,name,first_order,total_order,mean_rank_change,max_rank_change");
  g_assert_cmpstr (lines[1], ==, "sobol,weights,Weights,0.25,0.5,,");
  g_assert_cmpstr (lines[3], ==, "remove-one,ts2,TS2,,,4,12");
  g_assert_cmpstr (lines[4], ==, "remove-one,ts1,TS1,,,2.5,9");
}

/* A module that declares two pillars. */
#define TEST_TYPE_DECLARED (test_declared_get_type ())
G_DECLARE_FINAL_TYPE (TestDeclared, test_declared, TEST, DECLARED, GObject)

struct _TestDeclared
{
  GObject parent_instance;
};

static void test_declared_iface_init (DistrettoIndicatorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestDeclared, test_declared, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DISTRETTO_TYPE_INDICATOR, test_declared_iface_init))

static DistrettoIndicatorDefinition *
declared_definition (DistrettoIndicator *indicator)
{
  DistrettoIndicatorDefinition *definition = distretto_indicator_definition_new ("declared", "Declared");

  for (guint p = 0; p < 2; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", p);
      g_autoptr(DistrettoPillar) pillar = distretto_pillar_new (id, id);

      for (guint s = 0; s < 2; s++)
        {
          g_autofree char *sid = g_strdup_printf ("s%u", 2 * p + s);
          g_autoptr(DistrettoSubIndicator) sub = distretto_sub_indicator_new (sid, sid, sid);

          distretto_pillar_add_sub_indicator (pillar, sub);
        }
      distretto_indicator_definition_add_pillar (definition, pillar);
    }

  return definition;
}

static void
test_declared_iface_init (DistrettoIndicatorInterface *iface)
{
  iface->get_definition = declared_definition;
}

static void
test_declared_class_init (TestDeclaredClass *klass)
{
}

static void
test_declared_init (TestDeclared *self)
{
}

static void
test_views (void)
{
  g_autoptr(GString) csv = g_string_new ("region,indicator,year,value\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(TestDeclared) module = g_object_new (TEST_TYPE_DECLARED, NULL);
  g_autoptr(DistrettoViewRequest) request = NULL;
  g_autoptr(DistrettoUncertaintySpec) spec = distretto_uncertainty_spec_new ();
  g_autoptr(DistrettoUncertainty) uncertainty = NULL;
  g_autoptr(DistrettoChart) ranking = NULL;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(DistrettoChart) sensitivity = NULL;
  g_autoptr(DistrettoMethod) method = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *table = NULL;

  for (guint r = 0; r < 20; r++)
    for (guint s = 0; s < 4; s++)
      g_string_append_printf (csv, "IT%c%u,s%u,2020,%.3f\n", 'C' + r / 10, r % 10, s,
                              r * 2.0 + g_rand_double_range (rand, 0, 20));
  bytes = g_bytes_new (csv->str, csv->len);
  dataset = distretto_dataset_load_bytes (bytes, "views.csv", NULL, &error);
  g_assert_no_error (error);

  request = distretto_view_request_new (DISTRETTO_INDICATOR (module), dataset);
  method = distretto_view_request_dup_method (request);
  g_assert_cmpint (distretto_method_get_level (method), ==, 2);
  distretto_uncertainty_spec_set_runs (spec, 100);
  uncertainty = distretto_indicator_compute_uncertainty (DISTRETTO_INDICATOR (module), dataset, 2020, method, spec,
                                                         NULL, NULL, &error);
  g_assert_no_error (error);

  /* One row per region, in the order of the ranking the view shows. */
  chart = distretto_view_build_uncertainty_chart (request, uncertainty);
  ranking = distretto_view_build ("ranking", request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (distretto_chart_get_n_bars (chart), ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      g_assert_cmpstr (distretto_chart_get_bar_code (chart, i), ==, distretto_chart_get_bar_code (ranking, i));
      g_assert_cmpuint (distretto_chart_get_bar_rank (chart, i), ==, distretto_chart_get_bar_rank (ranking, i));
    }
  assert_contains (distretto_chart_get_subtitle (chart), "100 runs");
  assert_contains (distretto_chart_get_notes (chart), "Weights, Normalisation, Aggregation, Imputation");

  sensitivity = distretto_view_build_sensitivity_chart (request, uncertainty);
  g_assert_cmpuint (distretto_chart_get_n_sensitivity_indices (sensitivity), ==, 5);
  g_assert_cmpuint (distretto_chart_get_n_bars (sensitivity), ==, 4);
  table = distretto_chart_dup_table (sensitivity);
  assert_contains (table, "sobol,weights,Weights,");
  assert_contains (table, "sobol,outliers,Outlier treatment,");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/ChartMethod/ranking-ties", test_ranking_ties);
  g_test_add_func ("/Distretto/ChartMethod/ranking-flags", test_ranking_flags);
  g_test_add_func ("/Distretto/ChartMethod/uncertainty", test_uncertainty_chart);
  g_test_add_func ("/Distretto/ChartMethod/sensitivity", test_sensitivity_chart);
  g_test_add_func ("/Distretto/ChartMethod/views", test_views);

  return g_test_run ();
}

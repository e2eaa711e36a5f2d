/* test-chart-profiles.c: radar and heatmap charts, their model and pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/ChartProfiles/model-and-sorting", test_model_and_sorting);
  g_test_add_func ("/Distretto/ChartProfiles/table", test_table);

  return g_test_run ();
}

/* test-chart-scatter.c: scatter charts, their model and pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"
#include <math.h>

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

  return g_test_run ();
}

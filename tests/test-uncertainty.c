/* test-uncertainty.c: the Monte Carlo uncertainty and sensitivity
 * analysis: Sobol estimators against analytic indices, reproducibility,
 * the remove-one test worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <distretto.h>
#include <math.h>
#include <string.h>

static DistrettoDataset *
load (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DistrettoDataset *dataset = distretto_dataset_load_bytes (bytes, "uncertainty.csv", NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

/* Saltelli's design for @f of @k inputs uniform on [0, 1): N rows of A
 * and B, and A with column i from B. */
static void
sobol_of (double       (*f) (const double *x),
          guint          k,
          guint          n,
          guint32        seed,
          double        *first,
          double        *total)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree double *a = g_new (double, n * k);
  g_autofree double *b = g_new (double, n * k);
  g_autofree double *f_a = g_new (double, n);
  g_autofree double *f_b = g_new (double, n);
  g_autofree double *f_ab = g_new (double, n * k);
  double x[8];

  for (guint i = 0; i < n * k; i++)
    a[i] = g_rand_double (rand);
  for (guint i = 0; i < n * k; i++)
    b[i] = g_rand_double (rand);

  for (guint j = 0; j < n; j++)
    {
      f_a[j] = f (a + j * k);
      f_b[j] = f (b + j * k);
      for (guint i = 0; i < k; i++)
        {
          memcpy (x, a + j * k, sizeof (double) * k);
          x[i] = b[j * k + i];
          f_ab[i * n + j] = f (x);
        }
    }

  distretto_sobol_estimate (f_a, f_b, f_ab, n, k, first, total);
}

/* Σ c_i x_i: additive, so first-order and total indices are equal,
 * c_i² / Σ c_j² (the variance of c x for x uniform is c² / 12). */
static double
additive (const double *x)
{
  return 1.0 * x[0] + 2.0 * x[1] + 3.0 * x[2] + 4.0 * x[3];
}

/* Ishigami's function (a = 7, b = 0.1) on [−π, π]³, whose indices are
 * known in closed form (Saltelli et al. 2008, Global Sensitivity
 * Analysis, table 4.4): S = 0.3139, 0.4424, 0; S_T = 0.5576, 0.4424,
 * 0.2437. x3 acts only with x1. */
static double
ishigami (const double *u)
{
  double x1 = (2.0 * u[0] - 1.0) * G_PI, x2 = (2.0 * u[1] - 1.0) * G_PI, x3 = (2.0 * u[2] - 1.0) * G_PI;

  return sin (x1) + 7.0 * sin (x2) * sin (x2) + 0.1 * pow (x3, 4) * sin (x1);
}

static void
test_sobol_analytic (void)
{
  const double additive_indices[] = { 1.0 / 30.0, 4.0 / 30.0, 9.0 / 30.0, 16.0 / 30.0 };
  const double ishigami_first[] = { 0.3139, 0.4424, 0.0 };
  const double ishigami_total[] = { 0.5576, 0.4424, 0.2437 };
  double first[4], total[4];

  /* 131,072 rows: the estimators' standard error is then below 0.01
   * for these functions; the tolerance is 0.02. */
  sobol_of (additive, 4, 131072, 2024, first, total);
  for (guint i = 0; i < 4; i++)
    {
      g_test_message ("additive x%u: S %.4f S_T %.4f (analytic %.4f)", i + 1, first[i], total[i], additive_indices[i]);
      g_assert_cmpfloat_with_epsilon (first[i], additive_indices[i], 0.02);
      g_assert_cmpfloat_with_epsilon (total[i], additive_indices[i], 0.02);
    }

  sobol_of (ishigami, 3, 131072, 2025, first, total);
  for (guint i = 0; i < 3; i++)
    {
      g_test_message ("Ishigami x%u: S %.4f (%.4f) S_T %.4f (%.4f)", i + 1, first[i], ishigami_first[i], total[i],
                      ishigami_total[i]);
      g_assert_cmpfloat_with_epsilon (first[i], ishigami_first[i], 0.02);
      g_assert_cmpfloat_with_epsilon (total[i], ishigami_total[i], 0.02);
    }
}

/* 60 regions of three countries, nine sub-indicators in three pillars,
 * three years, a few holes, and the EU. */
static char *
random_panel (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *csv = g_string_new ("region,indicator,year,value\n");
  const char *countries[] = { "IT", "ES", "DE" };

  for (int year = 2019; year <= 2021; year++)
    for (guint s = 0; s < 9; s++)
      {
        for (guint r = 0; r < 60; r++)
          {
            /* A regional level shared by the sub-indicators, and noise. */
            double level = (r % 20) * 3.0, value = level + g_rand_double_range (rand, 0.0, 40.0);

            if (g_rand_int_range (rand, 0, 25) == 0)
              continue;
            g_string_append_printf (csv, "%s%c%u,s%u,%d,%.17g\n", countries[r / 20], 'A' + r % 20 / 10, r % 10,
                                    s, year, value);
          }
        g_string_append_printf (csv, "EU27_2020,s%u,%d,45\n", s, year);
      }

  return g_string_free (csv, FALSE);
}

static void
panel_pillars (DistrettoPillar **pillars)
{
  for (guint p = 0; p < 3; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", p);

      pillars[p] = distretto_pillar_new (id, id);
      for (guint s = 0; s < 3; s++)
        {
          g_autofree char *sid = g_strdup_printf ("s%u", 3 * p + s);
          g_autoptr(DistrettoSubIndicator) sub = distretto_sub_indicator_new (sid, sid, sid);

          distretto_pillar_add_sub_indicator (pillars[p], sub);
        }
    }
}

static void
assert_same (DistrettoUncertainty *x,
             DistrettoUncertainty *y)
{
  g_assert_cmpuint (distretto_uncertainty_get_n_regions (x), ==, distretto_uncertainty_get_n_regions (y));
  for (guint i = 0; i < distretto_uncertainty_get_n_regions (x); i++)
    {
      double xl, xu, yl, yu;

      g_assert_cmpstr (distretto_uncertainty_get_region_code (x, i), ==, distretto_uncertainty_get_region_code (y, i));
      g_assert_cmpfloat (distretto_uncertainty_get_median_rank (x, i), ==, distretto_uncertainty_get_median_rank (y, i));
      distretto_uncertainty_get_rank_interval (x, i, &xl, &xu);
      distretto_uncertainty_get_rank_interval (y, i, &yl, &yu);
      g_assert_cmpfloat (xl, ==, yl);
      g_assert_cmpfloat (xu, ==, yu);
      for (guint g = 0; g <= DISTRETTO_PERFORMANCE_GROUP_LEADER; g++)
        g_assert_cmpfloat (distretto_uncertainty_get_group_probability (x, i, g), ==,
                           distretto_uncertainty_get_group_probability (y, i, g));
    }
  for (guint a = 0; a < distretto_uncertainty_get_n_assumptions (x); a++)
    {
      g_assert_cmpfloat (distretto_uncertainty_get_first_order (x, a), ==, distretto_uncertainty_get_first_order (y, a));
      g_assert_cmpfloat (distretto_uncertainty_get_total_order (x, a), ==, distretto_uncertainty_get_total_order (y, a));
    }
}

static void
test_reproducible (void)
{
  g_autofree char *csv = random_panel (11);
  g_autoptr(DistrettoDataset) dataset = load (csv);
  DistrettoPillar *pillars[3];
  g_autoptr(DistrettoMethod) method = distretto_method_new ();
  g_autoptr(DistrettoUncertaintySpec) spec = distretto_uncertainty_spec_new ();
  g_autoptr(DistrettoUncertainty) first = NULL;
  g_autoptr(DistrettoUncertainty) again = NULL;
  g_autoptr(DistrettoUncertainty) other = NULL;
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean differs = FALSE;
  double widths = 0.0;

  panel_pillars (pillars);
  distretto_uncertainty_spec_set_runs (spec, 300);
  distretto_uncertainty_spec_set_seed (spec, 7);
  first = distretto_uncertainty_compute (pillars, 3, method, spec, dataset, 2021, NULL, NULL, &error);
  g_assert_no_error (error);
  again = distretto_uncertainty_compute (pillars, 3, method, spec, dataset, 2021, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same (first, again);

  /* Five assumptions varied; N (k + 2) + 1 evaluations and one per
   * sub-indicator left out. */
  g_assert_cmpuint (distretto_uncertainty_get_n_assumptions (first), ==, 5);
  g_assert_cmpuint (distretto_uncertainty_get_runs (first), ==, 300);
  g_assert_cmpuint (distretto_uncertainty_get_n_removed (first), ==, 9);
  g_assert_cmpuint (distretto_uncertainty_get_n_evaluations (first), ==, 300 * 7 + 1 + 9);
  g_assert_cmpuint (distretto_uncertainty_get_n_threads (first), >=, 1);
  g_test_message ("%u threads", distretto_uncertainty_get_n_threads (first));

  /* The nominal ranks are the pipeline's. */
  result = distretto_index_compute (pillars, 3, method, dataset, 2021);
  g_assert_cmpuint (distretto_uncertainty_get_n_regions (first), >, 50);
  for (guint i = 0; i < distretto_uncertainty_get_n_regions (first); i++)
    {
      const char *code = distretto_uncertainty_get_region_code (first, i);
      double lower, upper, median = distretto_uncertainty_get_median_rank (first, i), sum = 0.0, score;

      g_assert_true (distretto_indicator_result_lookup (result, code, &score, NULL));
      g_assert_cmpfloat_with_epsilon (distretto_uncertainty_get_nominal_score (first, i), score, 1e-9);
      g_assert_cmpuint (distretto_uncertainty_get_nominal_rank (first, i), ==,
                        distretto_indicator_result_get_rank (result, code));
      g_assert_cmpint (distretto_uncertainty_get_nominal_group (first, i), ==,
                       distretto_indicator_result_get_group (result, code));
      if (i > 0)
        g_assert_cmpuint (distretto_uncertainty_get_nominal_rank (first, i), >=,
                          distretto_uncertainty_get_nominal_rank (first, i - 1));

      distretto_uncertainty_get_rank_interval (first, i, &lower, &upper);
      g_assert_cmpfloat (lower, <=, median);
      g_assert_cmpfloat (median, <=, upper);
      g_assert_cmpfloat (lower, >=, 1.0);
      widths += upper - lower;
      for (guint g = 0; g <= DISTRETTO_PERFORMANCE_GROUP_LEADER; g++)
        sum += distretto_uncertainty_get_group_probability (first, i, g);
      g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-9);
    }
  g_test_message ("mean 5–95%% interval: %.1f places; mean rank change %.2f",
                  widths / distretto_uncertainty_get_n_regions (first), distretto_uncertainty_get_mean_shift (first));
  g_assert_cmpfloat (distretto_uncertainty_get_mean_shift (first), >, 0.0);

  /* Another seed, other draws. */
  distretto_uncertainty_spec_set_seed (spec, 8);
  other = distretto_uncertainty_compute (pillars, 3, method, spec, dataset, 2021, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint a = 0; a < distretto_uncertainty_get_n_assumptions (first); a++)
    differs |= distretto_uncertainty_get_total_order (first, a) != distretto_uncertainty_get_total_order (other, a);
  g_assert_true (differs);

  for (guint p = 0; p < 3; p++)
    g_object_unref (pillars[p]);
}

/* Nothing uncertain: every run is the nominal one. */
static void
test_nothing_uncertain (void)
{
  g_autofree char *csv = random_panel (12);
  g_autoptr(DistrettoDataset) dataset = load (csv);
  DistrettoPillar *pillars[3];
  g_autoptr(DistrettoMethod) method = distretto_method_new ();
  g_autoptr(DistrettoUncertaintySpec) spec = distretto_uncertainty_spec_new ();
  g_autoptr(DistrettoUncertainty) uncertainty = NULL;
  g_autoptr(GError) error = NULL;

  panel_pillars (pillars);
  distretto_uncertainty_spec_set_weight_spread (spec, 0.0);
  for (guint a = DISTRETTO_ASSUMPTION_NORMALISATION; a < DISTRETTO_N_ASSUMPTIONS; a++)
    distretto_uncertainty_spec_set_alternatives (spec, a, NULL, 0);
  distretto_uncertainty_spec_set_runs (spec, 20);

  uncertainty = distretto_uncertainty_compute (pillars, 3, method, spec, dataset, 2021, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (distretto_uncertainty_get_n_assumptions (uncertainty), ==, 0);
  g_assert_cmpfloat (distretto_uncertainty_get_mean_shift (uncertainty), ==, 0.0);
  for (guint i = 0; i < distretto_uncertainty_get_n_regions (uncertainty); i++)
    {
      double lower, upper, rank = distretto_uncertainty_get_nominal_rank (uncertainty, i);

      distretto_uncertainty_get_rank_interval (uncertainty, i, &lower, &upper);
      g_assert_cmpfloat (lower, ==, rank);
      g_assert_cmpfloat (upper, ==, rank);
      g_assert_cmpfloat (distretto_uncertainty_get_group_probability (uncertainty, i,
                                                                      distretto_uncertainty_get_nominal_group (uncertainty, i)),
                         ==, 1.0);
    }

  for (guint p = 0; p < 3; p++)
    g_object_unref (pillars[p]);
}

/* a = 0, 40, 60, 100 and b = 100, 0, 80, 20 (already 0–100): the mean
 * ranks ITC3 (70), ITC4 (60), ITC1 (50), ITC2 (20). Without a, b alone
 * ranks ITC1, ITC3, ITC4, ITC2: moves of 2, 0, 1, 1, mean 1, at most 2.
 * Without b, a ranks ITC4, ITC3, ITC2, ITC1: moves of 1 each. */
static void
test_remove_one (void)
{
  g_autoptr(DistrettoDataset) dataset = load ("region,indicator,year,value\n"
                                              "ITC1,a,2020,0\nITC2,a,2020,40\nITC3,a,2020,60\nITC4,a,2020,100\n"
                                              "ITC1,b,2020,100\nITC2,b,2020,0\nITC3,b,2020,80\nITC4,b,2020,20\n");
  g_autoptr(DistrettoSubIndicator) a = distretto_sub_indicator_new ("a", "a", "a");
  g_autoptr(DistrettoSubIndicator) b = distretto_sub_indicator_new ("b", "b", "b");
  g_autoptr(DistrettoPillar) pillar = distretto_pillar_new ("p", "p");
  DistrettoPillar *pillars[] = { pillar };
  g_autoptr(DistrettoMethod) method = distretto_method_new ();
  g_autoptr(DistrettoUncertaintySpec) spec = distretto_uncertainty_spec_new ();
  g_autoptr(DistrettoUncertainty) uncertainty = NULL;
  g_autoptr(GError) error = NULL;

  distretto_pillar_add_sub_indicator (pillar, a);
  distretto_pillar_add_sub_indicator (pillar, b);
  distretto_method_set_outlier_treatment (method, DISTRETTO_OUTLIER_TREATMENT_NONE);
  distretto_method_set_across_pillars (method, DISTRETTO_AGGREGATION_ARITHMETIC);
  distretto_uncertainty_spec_set_runs (spec, 50);

  uncertainty = distretto_uncertainty_compute (pillars, 1, method, spec, dataset, 2020, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (distretto_uncertainty_get_region_code (uncertainty, 0), ==, "ITC3");
  g_assert_cmpstr (distretto_uncertainty_get_region_code (uncertainty, 3), ==, "ITC2");
  g_assert_cmpuint (distretto_uncertainty_get_n_removed (uncertainty), ==, 2);
  g_assert_cmpstr (distretto_uncertainty_get_removed_id (uncertainty, 0), ==, "a");
  g_assert_cmpfloat (distretto_uncertainty_get_removed_mean_shift (uncertainty, 0), ==, 1.0);
  g_assert_cmpuint (distretto_uncertainty_get_removed_max_shift (uncertainty, 0), ==, 2);
  g_assert_cmpstr (distretto_uncertainty_get_removed_id (uncertainty, 1), ==, "b");
  g_assert_cmpfloat (distretto_uncertainty_get_removed_mean_shift (uncertainty, 1), ==, 1.0);
  g_assert_cmpuint (distretto_uncertainty_get_removed_max_shift (uncertainty, 1), ==, 1);
}

static void
test_cancelled_and_empty (void)
{
  g_autofree char *csv = random_panel (13);
  g_autoptr(DistrettoDataset) dataset = load (csv);
  DistrettoPillar *pillars[3];
  g_autoptr(DistrettoMethod) method = distretto_method_new ();
  g_autoptr(DistrettoUncertaintySpec) spec = distretto_uncertainty_spec_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(DistrettoUncertainty) uncertainty = NULL;
  g_autoptr(GError) error = NULL;

  panel_pillars (pillars);
  g_cancellable_cancel (cancellable);
  uncertainty = distretto_uncertainty_compute (pillars, 3, method, spec, dataset, 2021, NULL, cancellable, &error);
  g_assert_null (uncertainty);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* No region of NUTS 3, nor any data in 2030. */
  distretto_method_set_level (method, 3);
  uncertainty = distretto_uncertainty_compute (pillars, 3, method, spec, dataset, 2021, NULL, NULL, &error);
  g_assert_null (uncertainty);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  distretto_method_set_level (method, 2);
  uncertainty = distretto_uncertainty_compute (pillars, 3, method, spec, dataset, 2030, NULL, NULL, &error);
  g_assert_null (uncertainty);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  for (guint p = 0; p < 3; p++)
    g_object_unref (pillars[p]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Uncertainty/sobol-analytic", test_sobol_analytic);
  g_test_add_func ("/Distretto/Uncertainty/reproducible", test_reproducible);
  g_test_add_func ("/Distretto/Uncertainty/nothing-uncertain", test_nothing_uncertain);
  g_test_add_func ("/Distretto/Uncertainty/remove-one", test_remove_one);
  g_test_add_func ("/Distretto/Uncertainty/cancelled-and-empty", test_cancelled_and_empty);

  return g_test_run ();
}

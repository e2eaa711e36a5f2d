/* test-index.c: the composite-indicator pipeline on hand-computed cases
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
  DistrettoDataset *dataset = distretto_dataset_load_bytes (bytes, "index.csv", NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

/* Four NUTS 2 regions, two years, and the EU aggregate. */
#define DATA \
  "region,indicator,year,value\n" \
  "ITH3,a,2020,10\nITH3,a,2021,20\nITH3,b,2020,1\nITH3,b,2021,1\n" \
  "ITH4,a,2020,30\nITH4,a,2021,40\nITH4,b,2020,3\nITH4,b,2021,2\n" \
  "ES52,a,2020,50\nES52,a,2021,50\nES52,b,2020,5\nES52,b,2021,5\n" \
  "ES51,a,2020,0\nES51,b,2020,0\nES51,b,2021,4\n" \
  "EU27_2020,a,2021,30\nEU27_2020,b,2021,2.5\n"

static DistrettoPillar *
pillar_of (const char            *id,
           DistrettoSubIndicator *sub)
{
  DistrettoPillar *pillar = distretto_pillar_new (id, id);

  distretto_pillar_add_sub_indicator (pillar, sub);
  return pillar;
}

static void
test_min_max_arithmetic (void)
{
  g_autoptr(DistrettoDataset) dataset = load (DATA);
  g_autoptr(DistrettoSubIndicator) a = distretto_sub_indicator_new ("a", "A", "a");
  g_autoptr(DistrettoSubIndicator) b = distretto_sub_indicator_new ("b", "B", "b");
  g_autoptr(DistrettoPillar) pa = pillar_of ("pa", a);
  g_autoptr(DistrettoPillar) pb = pillar_of ("pb", b);
  DistrettoPillar *pillars[] = { pa, pb };
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  DistrettoFlags flags;
  double score;

  result = distretto_index_compute (pillars, 2, DISTRETTO_NORMALISATION_MIN_MAX,
                                    DISTRETTO_AGGREGATION_ARITHMETIC, DISTRETTO_AGGREGATION_ARITHMETIC,
                                    DISTRETTO_IMPUTATION_NONE, dataset, 2021);

  /* a spans 0–50 over regions and years, b 0–5: ITH3 2021 is (40 + 20) / 2. */
  g_assert_true (distretto_indicator_result_lookup (result, "ITH3", &score, NULL));
  g_assert_cmpfloat_with_epsilon (score, 30.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITH3", "a"), 40.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITH3", "pb"), 20.0, 1e-9);
  g_assert_true (distretto_indicator_result_lookup (result, "ITH4", &score, NULL));
  g_assert_cmpfloat_with_epsilon (score, 60.0, 1e-9);
  g_assert_true (distretto_indicator_result_lookup (result, "ES52", &score, NULL));
  g_assert_cmpfloat_with_epsilon (score, 100.0, 1e-9);

  /* ES51 lacks a in 2021: one pillar of two is below the 2/3 screening. */
  g_assert_true (distretto_indicator_result_lookup (result, "ES51", &score, &flags));
  g_assert_true (isnan (score));
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ES51"), ==, 0);

  /* Ranks within NUTS 2; the EU aggregate is scored but not ranked. */
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ES52"), ==, 1);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ITH4"), ==, 2);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ITH3"), ==, 3);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "EU27_2020"), ==, 0);

  /* The EU scores (60 + 50) / 2 = 55: ES52 is 182% of it, ITH4 109%,
   * ITH3 55%. */
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_reference (result), 55.0, 1e-9);
  g_assert_cmpint (distretto_indicator_result_get_group (result, "ES52"), ==, DISTRETTO_PERFORMANCE_GROUP_LEADER);
  g_assert_cmpint (distretto_indicator_result_get_group (result, "ITH4"), ==, DISTRETTO_PERFORMANCE_GROUP_STRONG);
  g_assert_cmpint (distretto_indicator_result_get_group (result, "ITH3"), ==, DISTRETTO_PERFORMANCE_GROUP_EMERGING);
  g_assert_cmpint (distretto_indicator_result_get_group (result, "ES51"), ==, DISTRETTO_PERFORMANCE_GROUP_NONE);
}

static void
test_imputation_direction_geometric (void)
{
  g_autoptr(DistrettoDataset) dataset = load (DATA);
  g_autoptr(DistrettoSubIndicator) a = distretto_sub_indicator_new ("a", "A", "a");
  g_autoptr(DistrettoSubIndicator) b = distretto_sub_indicator_new ("b", "B", "b");
  g_autoptr(DistrettoPillar) pa = pillar_of ("pa", a);
  g_autoptr(DistrettoPillar) pb = pillar_of ("pb", b);
  DistrettoPillar *pillars[] = { pa, pb };
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  DistrettoFlags flags;
  double score;

  distretto_sub_indicator_set_direction (b, DISTRETTO_DIRECTION_NEGATIVE);
  result = distretto_index_compute (pillars, 2, DISTRETTO_NORMALISATION_MIN_MAX,
                                    DISTRETTO_AGGREGATION_ARITHMETIC, DISTRETTO_AGGREGATION_GEOMETRIC,
                                    DISTRETTO_IMPUTATION_COUNTRY_MEAN, dataset, 2021);

  /* ES51's missing a for 2021 is Spain's NUTS 2 mean that year: ES52's 50,
   * so 100 after scaling; b = 4 reversed is 20. */
  g_assert_true (distretto_indicator_result_lookup (result, "ES51", &score, &flags));
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ES51", "a"), 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ES51", "b"), 20.0, 1e-9);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_IMPUTED, ==, DISTRETTO_FLAGS_IMPUTED);
  g_assert_cmpfloat_with_epsilon (score, sqrt (101.0 * 21.0) - 1.0, 1e-9);

  /* ES52: a = 100, b = 5 reversed = 0: the geometric mean of (s + 1) is
   * √101 - 1, far below the arithmetic 50. */
  g_assert_true (distretto_indicator_result_lookup (result, "ES52", &score, &flags));
  g_assert_cmpfloat_with_epsilon (score, sqrt (101.0) - 1.0, 1e-9);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_IMPUTED, ==, 0);
}

static void
test_rank_normalisation_and_ratio (void)
{
  g_autoptr(DistrettoDataset) dataset = load (DATA);
  g_autoptr(DistrettoSubIndicator) ratio = distretto_sub_indicator_new ("r", "B per A", "b");
  g_autoptr(DistrettoPillar) pillar = NULL;
  DistrettoPillar *pillars[1];
  g_autoptr(DistrettoIndicatorResult) result = NULL;

  distretto_sub_indicator_set_denominator (ratio, "a");
  distretto_sub_indicator_set_scale (ratio, 100.0);
  pillar = pillar_of ("p", ratio);
  pillars[0] = pillar;

  g_assert_cmpfloat_with_epsilon (distretto_sub_indicator_get_raw_value (ratio, dataset, "ITH4", 2020, NULL), 10.0, 1e-12);
  /* A zero denominator gives no value, not infinity. */
  g_assert_true (isnan (distretto_sub_indicator_get_raw_value (ratio, dataset, "ES51", 2020, NULL)));

  result = distretto_index_compute (pillars, 1, DISTRETTO_NORMALISATION_RANK,
                                    DISTRETTO_AGGREGATION_ARITHMETIC, DISTRETTO_AGGREGATION_ARITHMETIC,
                                    DISTRETTO_IMPUTATION_NONE, dataset, 2020);

  /* Ratios over the panel: 10, 5, 10, 5, 10, 10 → ranks put 5 at 10% and 10 at 70%. */
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITH4", "r"), 70.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITH4", "r"),
                                  distretto_indicator_result_get_component (result, "ITH3", "r"), 1e-9);
}

static void
test_definition_validation (void)
{
  g_autoptr(DistrettoIndicatorDefinition) definition = distretto_indicator_definition_new ("bad", "Bad");
  g_autoptr(DistrettoPillar) empty = distretto_pillar_new ("empty", "Empty");
  g_autoptr(DistrettoPillar) full = distretto_pillar_new ("full", "Full");
  g_autoptr(DistrettoSubIndicator) negative = distretto_sub_indicator_new ("full", "Neg", "a b");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) series = NULL;

  distretto_sub_indicator_set_weight (negative, -1.0);
  distretto_pillar_add_sub_indicator (full, negative);
  distretto_indicator_definition_add_pillar (definition, empty);
  distretto_indicator_definition_add_pillar (definition, full);

  g_assert_false (distretto_indicator_definition_validate (definition, &error));
  g_assert_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_INVALID_DEFINITION);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“empty” has no sub-indicator"));
  g_assert_nonnull (strstr (error->message, "negative weight"));
  g_assert_nonnull (strstr (error->message, "“full” is used twice"));
  g_assert_nonnull (strstr (error->message, "The selector “a b” is not valid"));

  series = distretto_indicator_definition_dup_all_series (definition);
  g_assert_cmpuint (g_strv_length (series), ==, 1);
}

static void
test_definition_views (void)
{
  g_autoptr(DistrettoIndicatorDefinition) definition = distretto_indicator_definition_new ("v", "Views");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;

  distretto_indicator_definition_add_view (definition, "profile", "Profile");
  distretto_indicator_definition_add_view (definition, "map", "Map");
  ids = distretto_indicator_definition_dup_view_ids (definition);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[1], ==, "map");
  g_assert_cmpstr (distretto_indicator_definition_get_view_title (definition, "profile"), ==, "Profile");
  g_assert_null (distretto_indicator_definition_get_view_title (definition, "nope"));
  g_assert_true (distretto_indicator_definition_validate (definition, &error));

  /* The host draws the ranking; a view may not take its name or repeat one. */
  distretto_indicator_definition_add_view (definition, "ranking", "Mine");
  distretto_indicator_definition_add_view (definition, "map", "Again");
  g_assert_false (distretto_indicator_definition_validate (definition, &error));
  g_assert_nonnull (strstr (error->message, "“ranking”"));
  g_assert_nonnull (strstr (error->message, "“map” is used twice"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Index/min-max-arithmetic", test_min_max_arithmetic);
  g_test_add_func ("/Distretto/Index/imputation-direction-geometric", test_imputation_direction_geometric);
  g_test_add_func ("/Distretto/Index/rank-normalisation-and-ratio", test_rank_normalisation_and_ratio);
  g_test_add_func ("/Distretto/Index/definition-validation", test_definition_validation);
  g_test_add_func ("/Distretto/Index/definition-views", test_definition_views);

  return g_test_run ();
}

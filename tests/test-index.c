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

/* A method as the tests below state it, nothing carried forward. */
static DistrettoMethod *
method_of (DistrettoNormalisation normalisation,
           DistrettoAggregation   within_pillars,
           DistrettoAggregation   across_pillars,
           DistrettoImputation    imputation)
{
  DistrettoMethod *method = distretto_method_new ();

  distretto_method_set_normalisation (method, normalisation);
  distretto_method_set_within_pillars (method, within_pillars);
  distretto_method_set_across_pillars (method, across_pillars);
  distretto_method_set_imputation (method, imputation);
  distretto_method_set_carry_forward (method, 0);
  return method;
}

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
  g_autoptr(DistrettoMethod) method = method_of (DISTRETTO_NORMALISATION_MIN_MAX, DISTRETTO_AGGREGATION_ARITHMETIC,
                                                 DISTRETTO_AGGREGATION_ARITHMETIC, DISTRETTO_IMPUTATION_NONE);
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  DistrettoFlags flags;
  double score;

  result = distretto_index_compute (pillars, 2, method, dataset, 2021);

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
  g_autoptr(DistrettoMethod) method = method_of (DISTRETTO_NORMALISATION_MIN_MAX, DISTRETTO_AGGREGATION_ARITHMETIC,
                                                 DISTRETTO_AGGREGATION_GEOMETRIC, DISTRETTO_IMPUTATION_COUNTRY_MEAN);
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  DistrettoFlags flags;
  double score;

  distretto_sub_indicator_set_direction (b, DISTRETTO_DIRECTION_NEGATIVE);
  /* ES51 has one sub-indicator of two in 2021: screening at 2/3 would
   * leave it out, at 1/2 it is imputed. */
  distretto_method_set_screening (method, 0.5);
  result = distretto_index_compute (pillars, 2, method, dataset, 2021);

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
  g_autoptr(DistrettoMethod) method = method_of (DISTRETTO_NORMALISATION_RANK, DISTRETTO_AGGREGATION_ARITHMETIC,
                                                 DISTRETTO_AGGREGATION_ARITHMETIC, DISTRETTO_IMPUTATION_NONE);
  g_autoptr(DistrettoIndicatorResult) result = NULL;

  distretto_sub_indicator_set_denominator (ratio, "a");
  distretto_sub_indicator_set_scale (ratio, 100.0);
  pillar = pillar_of ("p", ratio);
  pillars[0] = pillar;

  g_assert_cmpfloat_with_epsilon (distretto_sub_indicator_get_raw_value (ratio, dataset, "ITH4", 2020, NULL), 10.0, 1e-12);
  /* A zero denominator gives no value, not infinity. */
  g_assert_true (isnan (distretto_sub_indicator_get_raw_value (ratio, dataset, "ES51", 2020, NULL)));

  result = distretto_index_compute (pillars, 1, method, dataset, 2020);

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
  distretto_indicator_definition_add_view (definition, "ridgeline", "Ridgeline");
  ids = distretto_indicator_definition_dup_view_ids (definition);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[1], ==, "ridgeline");
  g_assert_cmpstr (distretto_indicator_definition_get_view_title (definition, "profile"), ==, "Profile");
  g_assert_null (distretto_indicator_definition_get_view_title (definition, "nope"));
  g_assert_true (distretto_indicator_definition_validate (definition, &error));
  g_assert_true (distretto_view_check_definition (definition, &error));
  g_assert_no_error (error);

  /* The built-in views' ids are taken, every one of them: a module's own
   * “map” would be hidden by the host's map. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DistrettoIndicatorDefinition) clash = distretto_indicator_definition_new ("c", "Clash");
      const char *taken = i == 0 ? "map" : "ranking";

      distretto_indicator_definition_add_view (clash, taken, "Mine");
      g_assert_true (distretto_indicator_definition_validate (clash, NULL));
      g_assert_false (distretto_view_check_definition (clash, &error));
      g_assert_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_INVALID_DEFINITION);
      g_assert_nonnull (strstr (error->message, taken));
      g_clear_error (&error);
    }

  /* A view may not repeat an id. */
  distretto_indicator_definition_add_view (definition, "ridgeline", "Again");
  g_assert_false (distretto_indicator_definition_validate (definition, &error));
  g_assert_nonnull (strstr (error->message, "“ridgeline” is used twice"));
}

static DistrettoPillar *
pillar_of_two (const char            *id,
               DistrettoSubIndicator *first,
               DistrettoSubIndicator *second)
{
  DistrettoPillar *pillar = distretto_pillar_new (id, id);

  distretto_pillar_add_sub_indicator (pillar, first);
  distretto_pillar_add_sub_indicator (pillar, second);
  return pillar;
}

static double
score_of (DistrettoIndicatorResult *result,
          const char               *code,
          DistrettoFlags           *flags)
{
  double score = NAN;

  g_assert_true (distretto_indicator_result_lookup (result, code, &score, flags));
  return score;
}

/* ITH3 stops publishing after 2018; ITH4 and ES52 go on. */
#define LAGGING \
  "region,indicator,year,value\n" \
  "ITH3,a,2018,10\nITH4,a,2018,20\nES52,a,2018,30\n" \
  "ITH4,a,2019,20\nES52,a,2019,30\nITH4,a,2020,20\nES52,a,2020,30\nITH4,a,2021,20\nES52,a,2021,30\n"

static void
test_carry_forward (void)
{
  g_autoptr(DistrettoDataset) dataset = load (LAGGING);
  g_autoptr(DistrettoSubIndicator) a = distretto_sub_indicator_new ("a", "A", "a");
  g_autoptr(DistrettoPillar) pillar = pillar_of ("p", a);
  g_autoptr(DistrettoMethod) method = distretto_method_new ();
  DistrettoPillar *pillars[] = { pillar };
  DistrettoFlags flags;

  distretto_method_set_imputation (method, DISTRETTO_IMPUTATION_NONE);
  g_assert_cmpuint (distretto_method_get_carry_forward (method), ==, 2);

  /* 2018's 10 stands for 2019 and 2020, flagged; it scales 0 on 10–30. */
  for (int year = 2019; year <= 2021; year++)
    {
      g_autoptr(DistrettoIndicatorResult) result =
        distretto_index_compute (pillars, 1, method, dataset, year);
      double score = score_of (result, "ITH3", &flags);

      if (year <= 2020)
        {
          g_assert_cmpfloat_with_epsilon (score, 0.0, 1e-9);
          g_assert_cmpint (flags & DISTRETTO_FLAGS_CARRIED_FORWARD, ==, DISTRETTO_FLAGS_CARRIED_FORWARD);
        }
      else
        g_assert_true (isnan (score));   /* three years old: too old */

      g_assert_cmpfloat_with_epsilon (score_of (result, "ES52", &flags), 100.0, 1e-9);
      g_assert_cmpint (flags & DISTRETTO_FLAGS_CARRIED_FORWARD, ==, 0);
    }

  /* None carried: a method that says so. */
  distretto_method_set_carry_forward (method, 0);
  {
    g_autoptr(DistrettoIndicatorResult) result = distretto_index_compute (pillars, 1, method, dataset, 2019);

    g_assert_true (isnan (score_of (result, "ITH3", NULL)));
  }
}

/* A national series, repeated for the regions: a country's value stands
 * for its regions, and weighs nothing when they all lie in one country. */
#define NATIONAL \
  "region,indicator,year,value\n" \
  "ITH3,r,2020,10\nITH4,r,2020,20\nITH5,r,2020,30\n" \
  "IT,n,2020,40\n"

static void
test_national_frame (void)
{
  g_autoptr(DistrettoDataset) dataset = load (NATIONAL);
  g_autoptr(DistrettoSubIndicator) r = distretto_sub_indicator_new ("r", "Regional", "r");
  g_autoptr(DistrettoSubIndicator) n = distretto_sub_indicator_new ("n", "National", "n");
  g_autoptr(DistrettoPillar) regional = pillar_of ("regional", r);
  g_autoptr(DistrettoPillar) national = pillar_of ("national", n);
  g_autoptr(DistrettoMethod) method = distretto_method_new ();
  DistrettoPillar *pillars[] = { regional, national };
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  DistrettoFlags flags;

  distretto_sub_indicator_set_parent_fallback (n, TRUE);
  g_assert_cmpfloat (distretto_sub_indicator_get_raw_value (n, dataset, "ITH4", 2020, &flags), ==, 40.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_NATIONAL_PROXY);

  /* Not marked national: all regions score 50 on it (one value), and
   * the geometric mean pulls ITH5 (100 on r) to √(101 × 51) − 1. */
  result = distretto_index_compute (pillars, 2, method, dataset, 2020);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITH5", &flags), sqrt (101.0 * 51.0) - 1.0, 1e-9);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_NATIONAL_PROXY, ==, DISTRETTO_FLAGS_NATIONAL_PROXY);
  g_clear_object (&result);

  /* Marked national, in a dataset of one country: weight 0, the
   * national pillar drops out, ITH5 scores 100. */
  distretto_sub_indicator_set_national_frame (n, TRUE);
  result = distretto_index_compute (pillars, 2, method, dataset, 2020);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITH5", &flags), 100.0, 1e-9);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_NATIONAL_PROXY, ==, 0);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITH4", NULL), 50.0, 1e-9);
}

static void
test_goalposts (void)
{
  g_autoptr(DistrettoDataset) dataset = load (DATA);
  g_autoptr(DistrettoSubIndicator) a = distretto_sub_indicator_new ("a", "A", "a");
  g_autoptr(DistrettoSubIndicator) b = distretto_sub_indicator_new ("b", "B", "b");
  g_autoptr(DistrettoPillar) pillar = pillar_of_two ("p", a, b);
  g_autoptr(DistrettoMethod) method = distretto_method_new ();
  DistrettoPillar *pillars[] = { pillar };
  g_autoptr(DistrettoIndicatorResult) result = NULL;

  /* a between 0 and 40 (ITH3's 20 → 50; ES52's 50 passes the goalpost →
   * 100); b, less is better, between 0 and 10: ITH3's 1 → 90. */
  distretto_sub_indicator_set_goalposts (a, 0.0, 40.0);
  distretto_sub_indicator_set_goalposts (b, 0.0, 10.0);
  distretto_sub_indicator_set_direction (b, DISTRETTO_DIRECTION_NEGATIVE);
  distretto_method_set_normalisation (method, DISTRETTO_NORMALISATION_GOALPOSTS);
  distretto_method_set_imputation (method, DISTRETTO_IMPUTATION_NONE);
  distretto_method_set_within_pillars (method, DISTRETTO_AGGREGATION_ARITHMETIC);

  result = distretto_index_compute (pillars, 1, method, dataset, 2021);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITH3", "a"), 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ES52", "a"), 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITH3", "b"), 90.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITH3", NULL), 70.0, 1e-9);
  g_clear_object (&result);

  /* Without goalposts a sub-indicator is scaled min–max: b spans 0–5. */
  distretto_sub_indicator_set_goalposts (b, NAN, NAN);
  g_assert_false (distretto_sub_indicator_get_goalposts (b, NULL, NULL));
  result = distretto_index_compute (pillars, 1, method, dataset, 2021);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITH3", "b"), 80.0, 1e-9);
}

/* Factors: their geometric mean; location quotients against the EU row,
 * or the mean of the regions of the same level. */
static void
test_factors_and_quotients (void)
{
  g_autoptr(DistrettoDataset) dataset = load (DATA);
  g_autoptr(DistrettoSubIndicator) product = distretto_sub_indicator_new ("ab", "√(a × b)", NULL);
  g_autoptr(DistrettoSubIndicator) a = distretto_sub_indicator_new ("a", "A", "a");
  g_autoptr(DistrettoSubIndicator) b = distretto_sub_indicator_new ("b", "B", "b");
  g_autoptr(DistrettoSubIndicator) quotient = distretto_sub_indicator_new ("q", "LQ of a", "a");

  distretto_sub_indicator_add_factor (product, a);
  distretto_sub_indicator_add_factor (product, b);
  /* ITH4 2021: √(40 × 2); ES51 2020: a = 0, so 0; ES51 2021 lacks a. */
  g_assert_cmpfloat_with_epsilon (distretto_sub_indicator_get_raw_value (product, dataset, "ITH4", 2021, NULL),
                                  sqrt (80.0), 1e-9);
  g_assert_cmpfloat (distretto_sub_indicator_get_raw_value (product, dataset, "ES51", 2020, NULL), ==, 0.0);
  g_assert_true (isnan (distretto_sub_indicator_get_raw_value (product, dataset, "ES51", 2021, NULL)));

  /* 2021: the EU's a is 30, so ITH4's 40 is 4/3. 2020 has no EU row:
   * the NUTS 2 mean (10 + 30 + 50 + 0) / 4 = 22.5, and 30 / 22.5. */
  distretto_sub_indicator_set_transform (quotient, DISTRETTO_TRANSFORM_LOCATION_QUOTIENT);
  g_assert_cmpfloat_with_epsilon (distretto_sub_indicator_get_raw_value (quotient, dataset, "ITH4", 2021, NULL),
                                  40.0 / 30.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_sub_indicator_get_raw_value (quotient, dataset, "EU27_2020", 2021, NULL),
                                  1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_sub_indicator_get_raw_value (quotient, dataset, "ITH4", 2020, NULL),
                                  30.0 / 22.5, 1e-9);
}

/* A composite nested in another: its score, for every region and year,
 * is a sub-indicator of the outer one. */
static void
test_nested (void)
{
  g_autoptr(DistrettoDataset) dataset = load (DATA);
  g_autoptr(DistrettoSubIndicator) a = distretto_sub_indicator_new ("a", "A", "a");
  g_autoptr(DistrettoSubIndicator) b = distretto_sub_indicator_new ("b", "B", "b");
  g_autoptr(DistrettoPillar) pa = pillar_of ("pa", a);
  g_autoptr(DistrettoPillar) pb = pillar_of ("pb", b);
  DistrettoPillar *inner[] = { pa, pb };
  g_autoptr(DistrettoMethod) method = distretto_method_new ();
  g_autoptr(DistrettoSubIndicator) nested = NULL;
  g_autoptr(DistrettoPillar) outer_pillar = NULL;
  DistrettoPillar *outer[1];
  g_autoptr(DistrettoIndicatorResult) inner_result = NULL;
  g_autoptr(DistrettoIndicatorResult) outer_result = NULL;

  distretto_method_set_imputation (method, DISTRETTO_IMPUTATION_NONE);
  distretto_method_set_across_pillars (method, DISTRETTO_AGGREGATION_ARITHMETIC);
  nested = distretto_sub_indicator_new_nested ("inner", "Inner", inner, 2, method);
  outer_pillar = pillar_of ("outer", nested);
  outer[0] = outer_pillar;

  /* The inner scores of test_min_max_arithmetic: ITH3 30, ITH4 60,
   * ES52 100 in 2021. */
  g_assert_cmpfloat_with_epsilon (distretto_sub_indicator_get_raw_value (nested, dataset, "ITH4", 2021, NULL),
                                  60.0, 1e-9);
  inner_result = distretto_index_compute (inner, 2, method, dataset, 2021);
  outer_result = distretto_index_compute (outer, 1, method, dataset, 2021);

  /* Scaled again over every region and year: 2020 gives ES51 0 (a and b
   * 0), ES52 scores 100 both years, so the outer scores equal the inner
   * ones. */
  g_assert_cmpfloat_with_epsilon (score_of (outer_result, "ITH3", NULL), score_of (inner_result, "ITH3", NULL), 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of (outer_result, "ITH4", NULL), 60.0, 1e-9);
}

/* Random data: properties every declared index keeps. */
static char *
random_panel (GRand  *rand,
              double  factor_a,
              int     bump_region,
              double  bump)
{
  GString *csv = g_string_new ("region,indicator,year,value\n");
  const char *series[] = { "a", "b", "c", "d" };

  for (int r = 0; r < 24; r++)
    for (int year = 2019; year <= 2021; year++)
      for (guint s = 0; s < G_N_ELEMENTS (series); s++)
        {
          double value = g_rand_double_range (rand, 1.0, 100.0);

          /* A few holes, for the imputation to fill. */
          if (g_rand_int_range (rand, 0, 20) == 0)
            continue;
          if (s == 0)
            value *= factor_a;
          if (r == bump_region && year == 2021 && s == 0)
            value += bump;
          g_string_append_printf (csv, "%s%c%d,%s,%d,%.17g\n", r < 12 ? "IT" : "ES", 'C' + r % 6, 1 + r % 9,
                                  series[s], year, value);
        }

  return g_string_free (csv, FALSE);
}

static DistrettoIndicatorResult *
compute_random (guint32                 seed,
                double                  factor_a,
                int                     bump_region,
                double                  bump,
                DistrettoDirection      direction_a,
                DistrettoNormalisation  normalisation)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *csv = random_panel (rand, factor_a, bump_region, bump);
  g_autoptr(DistrettoDataset) dataset = load (csv);
  g_autoptr(DistrettoSubIndicator) a = distretto_sub_indicator_new ("a", "A", "a");
  g_autoptr(DistrettoSubIndicator) b = distretto_sub_indicator_new ("b", "B", "b");
  g_autoptr(DistrettoSubIndicator) c = distretto_sub_indicator_new ("c", "C", "c");
  g_autoptr(DistrettoSubIndicator) d = distretto_sub_indicator_new ("d", "D", "d");
  g_autoptr(DistrettoPillar) p1 = NULL;
  g_autoptr(DistrettoPillar) p2 = NULL;
  g_autoptr(DistrettoMethod) method = distretto_method_new ();
  DistrettoPillar *pillars[2];

  distretto_sub_indicator_set_direction (a, direction_a);
  distretto_sub_indicator_set_direction (d, DISTRETTO_DIRECTION_NEGATIVE);
  p1 = pillar_of_two ("p1", a, b);
  p2 = pillar_of_two ("p2", c, d);
  pillars[0] = p1;
  pillars[1] = p2;
  distretto_method_set_normalisation (method, normalisation);

  return distretto_index_compute (pillars, 2, method, dataset, 2021);
}

static void
test_properties (void)
{
  const DistrettoNormalisation normalisations[] = { DISTRETTO_NORMALISATION_MIN_MAX, DISTRETTO_NORMALISATION_RANK };
  guint checked = 0;

  for (guint32 seed = 1; seed <= 6; seed++)
    for (guint n = 0; n < G_N_ELEMENTS (normalisations); n++)
      {
        g_autoptr(DistrettoIndicatorResult) base = compute_random (seed, 1.0, -1, 0, DISTRETTO_DIRECTION_POSITIVE,
                                                                   normalisations[n]);
        g_autoptr(DistrettoIndicatorResult) scaled = compute_random (seed, 7.5, -1, 0, DISTRETTO_DIRECTION_POSITIVE,
                                                                     normalisations[n]);

        /* Scaling a series by a constant changes nothing. */
        for (guint i = 0; i < distretto_indicator_result_get_n_scores (base); i++)
          {
            double x = distretto_indicator_result_get_score (base, i);
            double y = score_of (scaled, distretto_indicator_result_get_region_code (base, i), NULL);

            g_assert_true (isnan (x) == isnan (y));
            if (!isnan (x))
              g_assert_cmpfloat_with_epsilon (x, y, 1e-9);
          }

        for (int region = 0; region < 24; region += 5)
          {
            g_autofree char *code = g_strdup_printf ("%s%c%d", region < 12 ? "IT" : "ES", 'C' + region % 6, 1 + region % 9);
            g_autoptr(DistrettoIndicatorResult) raised = compute_random (seed, 1.0, region, 30.0,
                                                                         DISTRETTO_DIRECTION_POSITIVE, normalisations[n]);
            g_autoptr(DistrettoIndicatorResult) base_negative = compute_random (seed, 1.0, -1, 0,
                                                                                DISTRETTO_DIRECTION_NEGATIVE,
                                                                                normalisations[n]);
            g_autoptr(DistrettoIndicatorResult) raised_negative = compute_random (seed, 1.0, region, 30.0,
                                                                                  DISTRETTO_DIRECTION_NEGATIVE,
                                                                                  normalisations[n]);
            double before = score_of (base, code, NULL);

            if (isnan (before))
              continue;

            /* Raising a positive sub-indicator never lowers the region's
             * score that year; a negative one moves it the other way. */
            g_assert_cmpfloat (score_of (raised, code, NULL), >=, before - 1e-9);
            g_assert_cmpfloat (score_of (raised_negative, code, NULL), <=, score_of (base_negative, code, NULL) + 1e-9);
            checked++;
          }
      }

  g_assert_cmpuint (checked, >, 40);
}

/* An indicator module that declares a definition it is given. */
#define TEST_TYPE_DECLARED (test_declared_get_type ())
G_DECLARE_FINAL_TYPE (TestDeclared, test_declared, TEST, DECLARED, GObject)

struct _TestDeclared
{
  GObject parent_instance;
  DistrettoIndicatorDefinition *definition;
};

static void test_declared_iface_init (DistrettoIndicatorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestDeclared, test_declared, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DISTRETTO_TYPE_INDICATOR, test_declared_iface_init))

static DistrettoIndicatorDefinition *
test_declared_get_definition (DistrettoIndicator *indicator)
{
  return g_object_ref (TEST_DECLARED (indicator)->definition);
}

static void
test_declared_iface_init (DistrettoIndicatorInterface *iface)
{
  iface->get_definition = test_declared_get_definition;
}

static void
test_declared_finalize (GObject *object)
{
  g_clear_object (&TEST_DECLARED (object)->definition);
  G_OBJECT_CLASS (test_declared_parent_class)->finalize (object);
}

static void
test_declared_class_init (TestDeclaredClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_declared_finalize;
}

static void
test_declared_init (TestDeclared *self)
{
}

/* a: 2015–2020 for every region; b: 2015–2017; c: 2016–2021, and 2022
 * for one region of four. */
static char *
staggered_panel (void)
{
  GString *csv = g_string_new ("region,indicator,year,value\n");
  const char *regions[] = { "ITH3", "ITH4", "ITH5", "ITC4" };

  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    for (int year = 2015; year <= 2022; year++)
      {
        if (year <= 2020)
          g_string_append_printf (csv, "%s,a,%d,%u\n", regions[r], year, r + 1);
        if (year <= 2017)
          g_string_append_printf (csv, "%s,b,%d,%u\n", regions[r], year, r + 2);
        if (year >= 2016 && (year <= 2021 || r == 0))
          g_string_append_printf (csv, "%s,c,%d,%u\n", regions[r], year, r + 3);
      }

  return g_string_free (csv, FALSE);
}

static DistrettoIndicator *
staggered_indicator (guint carry_forward)
{
  TestDeclared *self = g_object_new (TEST_TYPE_DECLARED, NULL);
  const char *series[] = { "a", "b", "c" };
  g_autoptr(DistrettoPillar) pillar = distretto_pillar_new ("p", "P");

  self->definition = g_object_new (DISTRETTO_TYPE_INDICATOR_DEFINITION, "id", "staggered", "title", "Staggered",
                                   "carry-forward", carry_forward, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    {
      g_autoptr(DistrettoSubIndicator) sub = distretto_sub_indicator_new (series[i], series[i], series[i]);

      distretto_pillar_add_sub_indicator (pillar, sub);
    }
  distretto_indicator_definition_add_pillar (self->definition, pillar);

  return DISTRETTO_INDICATOR (self);
}

static void
test_years (void)
{
  g_autofree char *csv = staggered_panel ();
  g_autoptr(DistrettoDataset) dataset = load (csv);
  g_autoptr(DistrettoIndicator) carried = staggered_indicator (2);
  g_autoptr(DistrettoIndicator) fresh = staggered_indicator (0);
  g_autoptr(GError) error = NULL;
  g_autofree int *years = NULL;
  guint n_years;

  /* Two of the three must cover most regions, values up to two years
   * old included, one of them with that year's own values. 2015: a, b.
   * 2018–2019: a, b carried, c. 2021: a carried, c. 2022: a carried two
   * years and c carried for three regions of four cover it, but neither
   * has that year's values for most regions: not offered. */
  years = distretto_indicator_dup_years (carried, dataset, &n_years);
  g_assert_cmpuint (n_years, ==, 7);
  g_assert_cmpint (years[0], ==, 2015);
  g_assert_cmpint (years[6], ==, 2021);
  g_assert_cmpint (distretto_indicator_choose_year (carried, dataset, &error), ==, 2021);
  g_assert_no_error (error);

  /* Carrying nothing forward: 2021 has c only, 2018–2020 a and c. */
  g_clear_pointer (&years, g_free);
  years = distretto_indicator_dup_years (fresh, dataset, &n_years);
  g_assert_cmpuint (n_years, ==, 6);
  g_assert_cmpint (years[5], ==, 2020);
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
  g_test_add_func ("/Distretto/Index/carry-forward", test_carry_forward);
  g_test_add_func ("/Distretto/Index/national-frame", test_national_frame);
  g_test_add_func ("/Distretto/Index/goalposts", test_goalposts);
  g_test_add_func ("/Distretto/Index/factors-and-quotients", test_factors_and_quotients);
  g_test_add_func ("/Distretto/Index/nested", test_nested);
  g_test_add_func ("/Distretto/Index/properties", test_properties);
  g_test_add_func ("/Distretto/Index/years", test_years);

  return g_test_run ();
}

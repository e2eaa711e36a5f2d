/* test-method.c: each step of the pipeline on examples worked out by
 * hand, and the six defects of issue #11 as regression tests
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
  DistrettoDataset *dataset = distretto_dataset_load_bytes (bytes, "method.csv", NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

/* One pillar of the sub-indicators named by @ids, each reading the
 * series of its name. */
static DistrettoPillar *
pillar_of (const char         *id,
           const char * const *ids)
{
  DistrettoPillar *pillar = distretto_pillar_new (id, id);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(DistrettoSubIndicator) sub = distretto_sub_indicator_new (ids[i], ids[i], ids[i]);

      distretto_pillar_add_sub_indicator (pillar, sub);
    }

  return pillar;
}

/* Arithmetic means, no outlier treatment, nothing carried forward: the
 * other steps as the tests below set them. */
static DistrettoMethod *
plain_method (void)
{
  DistrettoMethod *method = distretto_method_new ();

  distretto_method_set_within_pillars (method, DISTRETTO_AGGREGATION_ARITHMETIC);
  distretto_method_set_across_pillars (method, DISTRETTO_AGGREGATION_ARITHMETIC);
  distretto_method_set_outlier_treatment (method, DISTRETTO_OUTLIER_TREATMENT_NONE);
  distretto_method_set_carry_forward (method, 0);
  return method;
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

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text ? text : "(null)", part);
}

/* ITC4 has one sub-indicator of three and ITF1 none: both are screened
 * out. ITC4's a = 1000 would stretch a's scale if it counted. */
#define SCREENING \
  "region,indicator,year,value\n" \
  "ITC1,a,2020,10\nITC1,b,2020,10\nITC1,c,2020,10\n" \
  "ITC2,a,2020,20\nITC2,b,2020,30\n" \
  "ITC3,a,2020,30\nITC3,b,2020,50\nITC3,c,2020,20\n" \
  "ITC4,a,2020,1000\n" \
  "ITF1,x,2020,1\n"

static void
test_screening (void)
{
  g_autoptr(DistrettoDataset) dataset = load (SCREENING);
  const char *ids[] = { "a", "b", "c", NULL };
  g_autoptr(DistrettoPillar) pillar = pillar_of ("p", ids);
  DistrettoPillar *pillars[] = { pillar };
  g_autoptr(DistrettoMethod) method = plain_method ();
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_auto(GStrv) screened = NULL;
  g_autofree char *notes = NULL;
  DistrettoPipelineReport *report;
  DistrettoFlags flags;

  g_assert_cmpfloat (distretto_method_get_screening (method), ==, 2.0 / 3.0);
  result = distretto_index_compute (pillars, 1, method, dataset, 2020);

  /* a over ITC1–ITC3 only: 10–30; b 10–50; c: ITC2's is the mean of
   * ITC1 and ITC3, 15, on 10–20. Each region scores the same on all
   * three: 0, 50, 100. */
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITC1", NULL), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITC2", &flags), 50.0, 1e-9);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_IMPUTED, ==, DISTRETTO_FLAGS_IMPUTED);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITC3", NULL), 100.0, 1e-9);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ITC3"), ==, 1);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ITC1"), ==, 3);

  /* Listed, not scored, not ranked, not grouped. */
  g_assert_true (distretto_indicator_result_is_screened_out (result, "ITC4"));
  g_assert_true (isnan (score_of (result, "ITC4", NULL)));
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ITC4"), ==, 0);
  g_assert_cmpint (distretto_indicator_result_get_group (result, "ITC4"), ==, DISTRETTO_PERFORMANCE_GROUP_NONE);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_coverage (result, "ITC4"), 1.0 / 3.0, 1e-12);
  g_assert_true (distretto_indicator_result_is_screened_out (result, "ITF1"));
  g_assert_cmpfloat (distretto_indicator_result_get_coverage (result, "ITF1"), ==, 0.0);
  g_assert_false (distretto_indicator_result_is_screened_out (result, "ITC2"));
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_coverage (result, "ITC2"), 2.0 / 3.0, 1e-12);

  screened = distretto_indicator_result_dup_screened_out (result);
  g_assert_cmpuint (g_strv_length (screened), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) screened, "ITC4"));
  g_assert_true (g_strv_contains ((const char * const *) screened, "ITF1"));

  report = distretto_indicator_result_get_report (result);
  g_assert_nonnull (report);
  g_assert_cmpuint (distretto_pipeline_report_count_regions (report, DISTRETTO_PIPELINE_STEP_SCREENING, 2), ==, 2);
  assert_contains (distretto_pipeline_report_get_summary (report, DISTRETTO_PIPELINE_STEP_SCREENING),
                   "2 of 5 NUTS 2 regions");
  assert_contains (distretto_pipeline_report_get_parameters (report, DISTRETTO_PIPELINE_STEP_SCREENING), "67%");
  g_assert_cmpuint (distretto_pipeline_report_get_n_actions (report, DISTRETTO_PIPELINE_STEP_IMPUTATION), ==, 1);
  notes = distretto_indicator_result_dup_notes (result, "ITC4");
  assert_contains (notes, "screened out: 33%");

  /* Screening at 1/3 scores ITC4: its 1000 now sets a's maximum, so
   * ITC2's a, 20, falls to 100 × 10 / 990. */
  distretto_method_set_screening (method, 1.0 / 3.0);
  g_clear_object (&result);
  result = distretto_index_compute (pillars, 1, method, dataset, 2020);
  g_assert_false (distretto_indicator_result_is_screened_out (result, "ITC4"));
  g_assert_true (distretto_indicator_result_is_screened_out (result, "ITF1"));
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITC2", "a"),
                                  100.0 * 10.0 / 990.0, 1e-9);
}

/* The real lfst_r_lfe2en2 (Eurostat, 2017), in 2015, as ten sub-indicators:
 * employment of 15–64 year olds in each NACE section. */
static void
test_screening_real (void)
{
  const char *sections[] = { "A", "B-E", "F", "G-I", "J", "K", "L", "M_N", "O-Q", "R-U" };
  const char *dir = g_getenv ("DISTRETTO_REAL_DATA");
  g_autofree char *path = dir ? g_build_filename (dir, "eurostat-tsv-2017", "lfst_r_lfe2en2.tsv", NULL) : NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoPillar) pillar = distretto_pillar_new ("employment", "Employment");
  g_autoptr(DistrettoMethod) method = plain_method ();
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoPillar *pillars[] = { pillar };
  guint n_regions = 0, n_screened = 0, n_ranked = 0, worst = 0;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }

  file = g_file_new_for_path (path);
  dataset = distretto_dataset_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *selector = g_strdup_printf ("lfst_r_lfe2en2?nace_r2=%s&age=Y15-64&unit=THS", sections[i]);
      g_autoptr(DistrettoSubIndicator) sub = distretto_sub_indicator_new (sections[i], sections[i], selector);

      distretto_pillar_add_sub_indicator (pillar, sub);
    }

  result = distretto_index_compute (pillars, 1, method, dataset, 2015);
  for (guint i = 0; i < distretto_indicator_result_get_n_scores (result); i++)
    {
      const char *code = distretto_indicator_result_get_region_code (result, i);
      guint rank = distretto_indicator_result_get_rank (result, code);

      if (distretto_region_get_level (distretto_dataset_get_region (dataset, code)) != 2)
        continue;
      n_regions++;
      n_screened += distretto_indicator_result_is_screened_out (result, code);
      n_ranked += rank > 0;
      worst = MAX (worst, rank);
    }

  /* awk over the file: of the 335 NUTS 2 codes, 22 have a 2015 value for
   * fewer than 7 of the ten sections (17 of them for none: the Greek
   * EL1x/EL2x, FR91–FR94, SI01, SI02, UKI1, UKI2; FI20 2, FRA5 2, ES64 4,
   * FR83 4, ES63 5); the 313 others are ranked. */
  g_assert_cmpuint (n_regions, ==, 335);
  g_assert_cmpuint (n_screened, ==, 22);
  g_assert_cmpuint (n_ranked, ==, 313);
  g_assert_cmpuint (worst, <=, 313);

  /* SI01, a code abolished in 2013 with no 2015 value, was ranked 34th
   * "Strong" on country means; the real SI03 is ranked. */
  g_assert_true (distretto_indicator_result_is_screened_out (result, "SI01"));
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "SI01"), ==, 0);
  g_assert_cmpint (distretto_indicator_result_get_group (result, "SI01"), ==, DISTRETTO_PERFORMANCE_GROUP_NONE);
  g_assert_cmpfloat (distretto_indicator_result_get_coverage (result, "SI01"), ==, 0.0);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "SI03"), >, 0);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_coverage (result, "ES63"), 0.5, 1e-12);
}

/* Spain's 2021 value of a is missing (its table ends a year earlier). */
#define LAGGING \
  "region,indicator,year,value\n" \
  "ITC1,a,2019,10\nITC1,a,2020,10\nITC1,a,2021,10\n" \
  "ITC2,a,2019,20\nITC2,a,2020,20\nITC2,a,2021,20\n" \
  "ES51,a,2019,30\nES51,a,2020,30\n" \
  "ES52,a,2019,40\nES52,a,2020,40\n" \
  "ITC1,b,2019,1\nITC1,b,2020,1\nITC1,b,2021,1\n" \
  "ITC2,b,2019,2\nITC2,b,2020,2\nITC2,b,2021,2\n" \
  "ES51,b,2019,3\nES51,b,2020,3\nES51,b,2021,3\n" \
  "ES52,b,2019,4\nES52,b,2020,4\nES52,b,2021,4\n"

static void
test_carry_forward (void)
{
  g_autoptr(DistrettoDataset) dataset = load (LAGGING);
  const char *a[] = { "a", NULL }, *b[] = { "b", NULL };
  g_autoptr(DistrettoPillar) pa = pillar_of ("pa", a);
  g_autoptr(DistrettoPillar) pb = pillar_of ("pb", b);
  DistrettoPillar *pillars[] = { pa, pb };
  g_autoptr(DistrettoMethod) method = plain_method ();
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autofree char *notes = NULL;
  DistrettoFlags flags;

  /* Nothing carried: the Spanish regions have one pillar of two in 2021
   * and drop out of that year's ranking. */
  result = distretto_index_compute (pillars, 2, method, dataset, 2021);
  g_assert_true (distretto_indicator_result_is_screened_out (result, "ES51"));
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ES52"), ==, 0);

  /* Up to two years (the method's default): 2020's values stand in,
   * flagged. a spans 10–40 and b 1–4 over the panel: the regions score
   * 0, 100/3, 200/3 and 100 on both. */
  distretto_method_set_carry_forward (method, 2);
  g_clear_object (&result);
  result = distretto_index_compute (pillars, 2, method, dataset, 2021);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ES51", &flags), 200.0 / 3.0, 1e-9);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_CARRIED_FORWARD, ==, DISTRETTO_FLAGS_CARRIED_FORWARD);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITC2", &flags), 100.0 / 3.0, 1e-9);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_CARRIED_FORWARD, ==, 0);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ES52"), ==, 1);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ITC1"), ==, 4);

  notes = distretto_indicator_result_dup_notes (result, "ES52");
  assert_contains (notes, "a carried forward from 2020");
  g_assert_cmpuint (distretto_pipeline_report_get_n_actions (distretto_indicator_result_get_report (result),
                                                             DISTRETTO_PIPELINE_STEP_CARRY_FORWARD), ==, 2);
}

/* ITC4 lacks b: the mean of ITC1–ITC3's 10, 20 and 60 is 30, their
 * median 20. */
#define IMPUTING \
  "region,indicator,year,value\n" \
  "ITC1,a,2020,1\nITC1,b,2020,10\nITC1,c,2020,1\n" \
  "ITC2,a,2020,2\nITC2,b,2020,20\nITC2,c,2020,2\n" \
  "ITC3,a,2020,3\nITC3,b,2020,60\nITC3,c,2020,3\n" \
  "ITC4,a,2020,4\nITC4,c,2020,4\n"

static void
test_imputation (void)
{
  g_autoptr(DistrettoDataset) dataset = load (IMPUTING);
  const char *ids[] = { "a", "b", "c", NULL };
  g_autoptr(DistrettoPillar) pillar = pillar_of ("p", ids);
  DistrettoPillar *pillars[] = { pillar };
  g_autoptr(DistrettoMethod) method = plain_method ();
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autofree char *notes = NULL;
  DistrettoFlags flags;

  /* The mean, 30, on b's 10–60: 40. */
  result = distretto_index_compute (pillars, 1, method, dataset, 2020);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITC4", "b"), 40.0, 1e-9);
  score_of (result, "ITC4", &flags);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_IMPUTED, ==, DISTRETTO_FLAGS_IMPUTED);
  score_of (result, "ITC3", &flags);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_IMPUTED, ==, 0);
  notes = distretto_indicator_result_dup_notes (result, "ITC4");
  assert_contains (notes, "b imputed: the mean of 3 regions of IT");
  g_clear_pointer (&notes, g_free);

  /* The median, 20: 20. */
  distretto_method_set_imputation (method, DISTRETTO_IMPUTATION_COUNTRY_MEDIAN);
  g_clear_object (&result);
  result = distretto_index_compute (pillars, 1, method, dataset, 2020);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITC4", "b"), 20.0, 1e-9);
  notes = distretto_indicator_result_dup_notes (result, "ITC4");
  assert_contains (notes, "b imputed: the median of 3 regions of IT");

  /* None: ITC4 scores on a and c alone, 100 on both. */
  distretto_method_set_imputation (method, DISTRETTO_IMPUTATION_NONE);
  g_clear_object (&result);
  result = distretto_index_compute (pillars, 1, method, dataset, 2020);
  g_assert_true (isnan (distretto_indicator_result_get_component (result, "ITC4", "b")));
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITC4", &flags), 100.0, 1e-9);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_IMPUTED, ==, 0);
}

/* ITC2 and ITC3 score the same. */
static void
test_ties (void)
{
  g_autoptr(DistrettoDataset) dataset = load ("region,indicator,year,value\n"
                                              "ITC1,a,2020,30\nITC2,a,2020,20\nITC3,a,2020,20\nITC4,a,2020,10\n");
  const char *ids[] = { "a", NULL };
  g_autoptr(DistrettoPillar) pillar = pillar_of ("p", ids);
  DistrettoPillar *pillars[] = { pillar };
  g_autoptr(DistrettoMethod) method = plain_method ();
  g_autoptr(DistrettoIndicatorResult) result = distretto_index_compute (pillars, 1, method, dataset, 2020);

  /* Competition ranks: 1, 2, 2, 4 — not 2 and 3. */
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ITC1"), ==, 1);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ITC2"), ==, 2);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ITC3"), ==, 2);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ITC4"), ==, 4);
  assert_contains (distretto_pipeline_report_get_summary (distretto_indicator_result_get_report (result),
                                                          DISTRETTO_PIPELINE_STEP_RANKS), "2 regions share");
}

/* Three NUTS 2 regions, and a NUTS 3 district far above them. */
static void
test_levels (void)
{
  const char *nuts2 = "region,indicator,year,value\nITH3,a,2020,10\nITH4,a,2020,20\nITH5,a,2020,30\n";
  g_autofree char *with_district = g_strconcat (nuts2, "ITH35,a,2020,1000\n", NULL);
  g_autoptr(DistrettoDataset) alone = load (nuts2);
  g_autoptr(DistrettoDataset) both = load (with_district);
  const char *ids[] = { "a", NULL };
  g_autoptr(DistrettoPillar) pillar = pillar_of ("p", ids);
  DistrettoPillar *pillars[] = { pillar };
  g_autoptr(DistrettoMethod) method = plain_method ();
  g_autoptr(DistrettoIndicatorResult) before = distretto_index_compute (pillars, 1, method, alone, 2020);
  g_autoptr(DistrettoIndicatorResult) after = distretto_index_compute (pillars, 1, method, both, 2020);

  /* ITH4 stays 50 on 10–30 (on one scale for both levels it would fall
   * to 100 × 10 / 990); the district, alone at its level, is ranked
   * first of one. */
  g_assert_cmpfloat_with_epsilon (score_of (before, "ITH4", NULL), 50.0, 1e-9);
  g_assert_cmpfloat (score_of (after, "ITH4", NULL), ==, score_of (before, "ITH4", NULL));
  g_assert_cmpfloat (score_of (after, "ITH5", NULL), ==, 100.0);
  g_assert_cmpuint (distretto_indicator_result_get_rank (after, "ITH35"), ==, 1);
  g_assert_cmpuint (distretto_indicator_result_get_rank (after, "ITH5"), ==, 1);
}

/* @n regions of Italy (and then Spain) with @values, one year. */
static DistrettoDataset *
load_values (const double *values,
             guint         n)
{
  g_autoptr(GString) csv = g_string_new ("region,indicator,year,value\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%s%c%u,a,2020,%.17g\n", i < 60 ? "IT" : "ES", 'C' + i % 60 / 10, i % 10,
                            values[i]);

  return load (csv->str);
}

static char *
code_at (guint i)
{
  return g_strdup_printf ("%s%c%u", i < 60 ? "IT" : "ES", 'C' + i % 60 / 10, i % 10);
}

/* COINr's own example: 1 to 10, 30 and 100. Its skewness is 3.06 and
 * its kurtosis 9.74 (Excel's formulas, by hand); with 100 pulled in to
 * 30 they are 1.71 and 1.82, within the limits: one value winsorised. */
static void
test_winsorise (void)
{
  const double values[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100 };
  g_autoptr(DistrettoDataset) dataset = load_values (values, G_N_ELEMENTS (values));
  const char *ids[] = { "a", NULL };
  g_autoptr(DistrettoPillar) pillar = pillar_of ("p", ids);
  DistrettoPillar *pillars[] = { pillar };
  g_autoptr(DistrettoMethod) method = plain_method ();
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autofree char *outlier = code_at (11);
  g_autofree char *ten = code_at (9);
  g_autofree char *thirty = code_at (10);
  g_autofree char *notes = NULL;
  DistrettoPipelineReport *report;
  const char *region;
  double before, after;
  DistrettoFlags flags;

  distretto_method_set_outlier_treatment (method, DISTRETTO_OUTLIER_TREATMENT_WINSORISE);
  result = distretto_index_compute (pillars, 1, method, dataset, 2020);

  /* Min–max over 1–30: 10 scores 100 × 9 / 29; 30 and the old 100 both
   * score 100, the latter flagged. */
  g_assert_cmpfloat_with_epsilon (score_of (result, ten, NULL), 100.0 * 9.0 / 29.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of (result, outlier, &flags), 100.0, 1e-9);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_WINSORISED, ==, DISTRETTO_FLAGS_WINSORISED);
  g_assert_cmpfloat_with_epsilon (score_of (result, thirty, &flags), 100.0, 1e-9);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_WINSORISED, ==, 0);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, outlier), ==, 1);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, thirty), ==, 1);

  report = distretto_indicator_result_get_report (result);
  g_assert_cmpuint (distretto_pipeline_report_get_n_actions (report, DISTRETTO_PIPELINE_STEP_OUTLIERS), ==, 1);
  distretto_pipeline_report_get_action (report, DISTRETTO_PIPELINE_STEP_OUTLIERS, 0, &region, NULL, NULL, NULL,
                                        &before, &after);
  g_assert_cmpstr (region, ==, outlier);
  g_assert_cmpfloat (before, ==, 100.0);
  g_assert_cmpfloat (after, ==, 30.0);
  assert_contains (distretto_pipeline_report_get_summary (report, DISTRETTO_PIPELINE_STEP_OUTLIERS),
                   "1 value winsorised");
  notes = distretto_indicator_result_dup_notes (result, outlier);
  assert_contains (notes, "a winsorised: 100 → 30");
}

/* Sixty regions at 1 and six at 110–160: skewness 3.01, kurtosis 7.47;
 * winsorising the top six (160 → 150, both 150 → 140, the three 140 →
 * 130) leaves 2.93 and 6.86, still beyond the limits (by hand), so the
 * original values are log-transformed: log (x − 1 + 1.59). */
static void
test_log_transform (void)
{
  double values[66];
  g_autoptr(DistrettoDataset) dataset = NULL;
  const char *ids[] = { "a", NULL };
  g_autoptr(DistrettoPillar) pillar = pillar_of ("p", ids);
  DistrettoPillar *pillars[] = { pillar };
  g_autoptr(DistrettoMethod) method = plain_method ();
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autofree char *first_high = code_at (60);
  g_autofree char *low = code_at (0);
  DistrettoPipelineReport *report;
  const char *region, *component;
  DistrettoFlags flags;
  double expected;

  for (guint i = 0; i < 60; i++)
    values[i] = 1.0;
  for (guint i = 0; i < 6; i++)
    values[60 + i] = 110.0 + 10.0 * i;
  dataset = load_values (values, G_N_ELEMENTS (values));

  distretto_method_set_outlier_treatment (method, DISTRETTO_OUTLIER_TREATMENT_WINSORISE);
  result = distretto_index_compute (pillars, 1, method, dataset, 2020);
  report = distretto_indicator_result_get_report (result);
  g_assert_cmpuint (distretto_pipeline_report_get_n_actions (report, DISTRETTO_PIPELINE_STEP_OUTLIERS), ==, 1);
  distretto_pipeline_report_get_action (report, DISTRETTO_PIPELINE_STEP_OUTLIERS, 0, &region, &component, NULL,
                                        NULL, NULL, NULL);
  g_assert_null (region);
  g_assert_cmpstr (component, ==, "a");
  assert_contains (distretto_pipeline_report_get_action_text (report, DISTRETTO_PIPELINE_STEP_OUTLIERS, 0),
                   "log-transformed");

  /* 110 on the log scale between log 1.59 and log 160.59. */
  expected = 100.0 * (log (110.59) - log (1.59)) / (log (160.59) - log (1.59));
  g_assert_cmpfloat_with_epsilon (score_of (result, first_high, &flags), expected, 1e-9);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_WINSORISED, ==, 0);
  g_assert_cmpfloat_with_epsilon (score_of (result, low, NULL), 0.0, 1e-9);
}

/* 1, 4, 9, 16 and 25 four times, and 10000: skewed, so square-rooted to
 * 1–5 and 100; 100 lies (100 − 160/21) / 21.2 ≈ 4.4 standard deviations
 * above the mean (by hand), beyond 3, so it is pulled in to 5. */
static void
test_square_root (void)
{
  double values[21];
  g_autoptr(DistrettoDataset) dataset = NULL;
  const char *ids[] = { "a", NULL };
  g_autoptr(DistrettoPillar) pillar = pillar_of ("p", ids);
  DistrettoPillar *pillars[] = { pillar };
  g_autoptr(DistrettoMethod) method = plain_method ();
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autofree char *sixteen = code_at (3);
  g_autofree char *big = code_at (20);
  DistrettoFlags flags;

  for (guint i = 0; i < 20; i++)
    values[i] = (i % 5 + 1) * (i % 5 + 1);
  values[20] = 10000.0;
  dataset = load_values (values, G_N_ELEMENTS (values));

  distretto_method_set_outlier_treatment (method, DISTRETTO_OUTLIER_TREATMENT_SQUARE_ROOT);
  result = distretto_index_compute (pillars, 1, method, dataset, 2020);
  g_assert_cmpfloat_with_epsilon (score_of (result, sixteen, NULL), 75.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of (result, big, &flags), 100.0, 1e-9);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_WINSORISED, ==, DISTRETTO_FLAGS_WINSORISED);
}

#define THREE_AND_EU \
  "region,indicator,year,value\nITC1,a,2020,2\nITC2,a,2020,4\nITC3,a,2020,6\nEU27_2020,a,2020,5\n"

static void
test_z_score_and_distance (void)
{
  g_autoptr(DistrettoDataset) dataset = load (THREE_AND_EU);
  const char *ids[] = { "a", NULL };
  g_autoptr(DistrettoPillar) pillar = pillar_of ("p", ids);
  DistrettoPillar *pillars[] = { pillar };
  g_autoptr(DistrettoMethod) method = plain_method ();
  g_autoptr(DistrettoIndicatorResult) result = NULL;

  /* Mean 4, standard deviation 2 over the regions: 40, 50, 60; the EU's
   * 5 scores 55, the reference. */
  distretto_method_set_normalisation (method, DISTRETTO_NORMALISATION_Z_SCORE);
  result = distretto_index_compute (pillars, 1, method, dataset, 2020);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITC1", NULL), 40.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITC3", NULL), 60.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of (result, "EU27_2020", NULL), 55.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_reference (result), 55.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_relative_score (result, "ITC3"),
                                  100.0 * 60.0 / 55.0, 1e-9);

  /* As a percentage of the EU's 5: 40, 80, 120; the EU is 100. */
  distretto_method_set_normalisation (method, DISTRETTO_NORMALISATION_DISTANCE_TO_EU);
  g_clear_object (&result);
  result = distretto_index_compute (pillars, 1, method, dataset, 2020);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITC1", NULL), 40.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITC3", NULL), 120.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_relative_score (result, "ITC2"), 80.0, 1e-9);

  /* Less is better: mirrored around 100. */
  distretto_sub_indicator_set_direction (distretto_pillar_get_sub_indicator (pillar, 0), DISTRETTO_DIRECTION_NEGATIVE);
  g_clear_object (&result);
  result = distretto_index_compute (pillars, 1, method, dataset, 2020);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITC1", NULL), 160.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITC3", NULL), 80.0, 1e-9);
}

/* The index relative to the EU is the value in tenths when a region's
 * only sub-indicator is its distance to the EU's 1000. */
static void
test_subgroups (void)
{
  static const struct
  {
    int value;
    DistrettoPerformanceGroup group;
    DistrettoPerformanceSubgroup subgroup;
  } cases[] = {
    { 1449, DISTRETTO_PERFORMANCE_GROUP_LEADER, DISTRETTO_PERFORMANCE_SUBGROUP_PLUS },
    { 1448, DISTRETTO_PERFORMANCE_GROUP_LEADER, DISTRETTO_PERFORMANCE_SUBGROUP_MIDDLE },
    { 1349, DISTRETTO_PERFORMANCE_GROUP_LEADER, DISTRETTO_PERFORMANCE_SUBGROUP_MIDDLE },
    { 1348, DISTRETTO_PERFORMANCE_GROUP_LEADER, DISTRETTO_PERFORMANCE_SUBGROUP_MINUS },
    { 1251, DISTRETTO_PERFORMANCE_GROUP_LEADER, DISTRETTO_PERFORMANCE_SUBGROUP_MINUS },
    { 1250, DISTRETTO_PERFORMANCE_GROUP_STRONG, DISTRETTO_PERFORMANCE_SUBGROUP_PLUS },
    { 1167, DISTRETTO_PERFORMANCE_GROUP_STRONG, DISTRETTO_PERFORMANCE_SUBGROUP_PLUS },
    { 1166, DISTRETTO_PERFORMANCE_GROUP_STRONG, DISTRETTO_PERFORMANCE_SUBGROUP_MIDDLE },
    { 1083, DISTRETTO_PERFORMANCE_GROUP_STRONG, DISTRETTO_PERFORMANCE_SUBGROUP_MIDDLE },
    { 1082, DISTRETTO_PERFORMANCE_GROUP_STRONG, DISTRETTO_PERFORMANCE_SUBGROUP_MINUS },
    { 1000, DISTRETTO_PERFORMANCE_GROUP_STRONG, DISTRETTO_PERFORMANCE_SUBGROUP_MINUS },
    { 999, DISTRETTO_PERFORMANCE_GROUP_MODERATE, DISTRETTO_PERFORMANCE_SUBGROUP_PLUS },
    { 900, DISTRETTO_PERFORMANCE_GROUP_MODERATE, DISTRETTO_PERFORMANCE_SUBGROUP_PLUS },
    { 899, DISTRETTO_PERFORMANCE_GROUP_MODERATE, DISTRETTO_PERFORMANCE_SUBGROUP_MIDDLE },
    { 800, DISTRETTO_PERFORMANCE_GROUP_MODERATE, DISTRETTO_PERFORMANCE_SUBGROUP_MIDDLE },
    { 799, DISTRETTO_PERFORMANCE_GROUP_MODERATE, DISTRETTO_PERFORMANCE_SUBGROUP_MINUS },
    { 700, DISTRETTO_PERFORMANCE_GROUP_MODERATE, DISTRETTO_PERFORMANCE_SUBGROUP_MINUS },
    { 699, DISTRETTO_PERFORMANCE_GROUP_EMERGING, DISTRETTO_PERFORMANCE_SUBGROUP_PLUS },
    { 521, DISTRETTO_PERFORMANCE_GROUP_EMERGING, DISTRETTO_PERFORMANCE_SUBGROUP_PLUS },
    { 520, DISTRETTO_PERFORMANCE_GROUP_EMERGING, DISTRETTO_PERFORMANCE_SUBGROUP_MIDDLE },
    { 341, DISTRETTO_PERFORMANCE_GROUP_EMERGING, DISTRETTO_PERFORMANCE_SUBGROUP_MIDDLE },
    { 340, DISTRETTO_PERFORMANCE_GROUP_EMERGING, DISTRETTO_PERFORMANCE_SUBGROUP_MINUS },
  };
  g_autoptr(GString) csv = g_string_new ("region,indicator,year,value\nEU27_2020,a,2020,1000\n");
  g_autoptr(DistrettoDataset) dataset = NULL;
  const char *ids[] = { "a", NULL };
  g_autoptr(DistrettoPillar) pillar = pillar_of ("p", ids);
  DistrettoPillar *pillars[] = { pillar };
  g_autoptr(DistrettoMethod) method = plain_method ();
  g_autoptr(DistrettoIndicatorResult) result = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (csv, "ITC%c,a,2020,%d\n", 'A' + i, cases[i].value);
  dataset = load (csv->str);
  distretto_method_set_normalisation (method, DISTRETTO_NORMALISATION_DISTANCE_TO_EU);
  result = distretto_index_compute (pillars, 1, method, dataset, 2020);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char code[8];

      g_snprintf (code, sizeof code, "ITC%c", 'A' + i);
      g_test_message ("%s: %d", code, cases[i].value);
      g_assert_cmpfloat (distretto_indicator_result_get_relative_score (result, code), ==, cases[i].value / 10.0);
      g_assert_cmpint (distretto_indicator_result_get_group (result, code), ==, cases[i].group);
      g_assert_cmpint (distretto_indicator_result_get_subgroup (result, code), ==, cases[i].subgroup);
    }
}

/* A method is a value: copies, weights and keys. */
static void
test_method_value (void)
{
  g_autoptr(DistrettoMethod) method = distretto_method_new ();
  g_autoptr(DistrettoMethod) copy = NULL;
  g_auto(GStrv) ids = NULL;

  g_assert_cmpint (distretto_method_get_outlier_treatment (method), ==, DISTRETTO_OUTLIER_TREATMENT_WINSORISE);
  g_assert_cmpint (distretto_method_get_level (method), ==, 2);
  g_assert_cmpfloat (distretto_method_get_weight (method, "a", 0.5), ==, 0.5);

  distretto_method_set_weight (method, "b", 2.0);
  distretto_method_set_weight (method, "a", 0.0);
  copy = distretto_method_copy (method);
  g_assert_true (distretto_method_equal (method, copy));
  ids = distretto_method_dup_weighted_ids (copy);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, "a");
  g_assert_cmpfloat (distretto_method_get_weight (copy, "b", 1.0), ==, 2.0);

  distretto_method_set_weight (copy, "b", NAN);
  g_assert_cmpfloat (distretto_method_get_weight (copy, "b", 1.0), ==, 1.0);
  g_assert_false (distretto_method_equal (method, copy));
  distretto_method_set_weight (copy, "b", 2.0);
  distretto_method_set_level (copy, 3);
  g_assert_false (distretto_method_equal (method, copy));
}

/* Weights the method sets: 0 leaves a sub-indicator out. */
static void
test_weights (void)
{
  g_autoptr(DistrettoDataset) dataset = load (IMPUTING);
  const char *ids[] = { "a", "b", "c", NULL };
  g_autoptr(DistrettoPillar) pillar = pillar_of ("p", ids);
  DistrettoPillar *pillars[] = { pillar };
  g_autoptr(DistrettoMethod) method = plain_method ();
  g_autoptr(DistrettoIndicatorResult) result = NULL;

  /* ITC2: a and c at 100/3, b at 20 (10–60): without b, 100/3; with b
   * weighing 2, (100/3 + 40 + 100/3) / 4. */
  distretto_method_set_weight (method, "b", 0.0);
  result = distretto_index_compute (pillars, 1, method, dataset, 2020);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITC2", NULL), 100.0 / 3.0, 1e-9);
  distretto_method_set_weight (method, "b", 2.0);
  g_clear_object (&result);
  result = distretto_index_compute (pillars, 1, method, dataset, 2020);
  g_assert_cmpfloat_with_epsilon (score_of (result, "ITC2", NULL), (200.0 / 3.0 + 40.0) / 4.0, 1e-9);
}

/* Four regions whose sub-indicators are already on 0–100: a = 0, 50, 50,
 * 100; b = 0, 100, 0, 100 (pillar p1); c = 100, 0, 50, 50 (pillar p2).
 * p1 = 0, 75, 25, 100; the index, the mean of the pillars, 50, 37.5,
 * 37.5, 75. By hand, with deviations from the means: a·b 5000 over
 * √(5000 × 10000): r = 1/√2; a·p1 5000 / √(5000 × 6250) = 2/√5;
 * b·p1 7500 / √(10000 × 6250) = 3/√10; p1·index 1250 / √(6250 × 937.5);
 * p2·index 625 / √(5000 × 937.5) = 0.289, below 0.3: flagged, and so is
 * c (the same values) with the index. Alpha of p1: 2 × (1 − (5000 +
 * 10000) / 25000) = 0.8, as a + b = 0, 150, 50, 200 sums 25000 squared. */
#define COHERENT \
  "region,indicator,year,value\n" \
  "ITC1,a,2020,0\nITC1,b,2020,0\nITC1,c,2020,100\n" \
  "ITC2,a,2020,50\nITC2,b,2020,100\nITC2,c,2020,0\n" \
  "ITC3,a,2020,50\nITC3,b,2020,0\nITC3,c,2020,50\n" \
  "ITC4,a,2020,100\nITC4,b,2020,100\nITC4,c,2020,50\n"

static void
test_coherence (void)
{
  g_autoptr(DistrettoDataset) dataset = load (COHERENT);
  const char *first[] = { "a", "b", NULL }, *second[] = { "c", NULL };
  g_autoptr(DistrettoPillar) p1 = pillar_of ("p1", first);
  g_autoptr(DistrettoPillar) p2 = pillar_of ("p2", second);
  DistrettoPillar *pillars[] = { p1, p2 };
  g_autoptr(DistrettoMethod) method = plain_method ();
  g_autoptr(DistrettoIndicatorResult) result = distretto_index_compute (pillars, 2, method, dataset, 2020);
  g_autoptr(DistrettoCoherence) coherence = distretto_coherence_new (pillars, 2, result, dataset, 2);
  int a = distretto_coherence_find_component (coherence, "a");
  int b = distretto_coherence_find_component (coherence, "b");
  int c = distretto_coherence_find_component (coherence, "c");
  int q1 = distretto_coherence_find_component (coherence, "p1");
  int q2 = distretto_coherence_find_component (coherence, "p2");
  int index = distretto_coherence_find_component (coherence, NULL);

  g_assert_cmpfloat_with_epsilon (score_of (result, "ITC2", NULL), 37.5, 1e-9);
  g_assert_cmpuint (distretto_coherence_get_n_regions (coherence), ==, 4);
  g_assert_cmpuint (distretto_coherence_get_n_components (coherence), ==, 6);
  g_assert_cmpint (distretto_coherence_get_component_kind (coherence, index), ==, DISTRETTO_COMPONENT_KIND_INDEX);
  g_assert_cmpint (distretto_coherence_get_component_pillar (coherence, b), ==, 0);
  g_assert_cmpint (distretto_coherence_get_component_kind (coherence, q2), ==, DISTRETTO_COMPONENT_KIND_PILLAR);

  g_assert_cmpfloat_with_epsilon (distretto_coherence_get_correlation (coherence, a, b), 1.0 / sqrt (2.0), 1e-12);
  g_assert_cmpfloat_with_epsilon (distretto_coherence_get_correlation (coherence, a, q1), 2.0 / sqrt (5.0), 1e-12);
  g_assert_cmpfloat_with_epsilon (distretto_coherence_get_correlation (coherence, q1, b), 3.0 / sqrt (10.0), 1e-12);
  g_assert_cmpfloat_with_epsilon (distretto_coherence_get_correlation (coherence, q1, index),
                                  1250.0 / sqrt (6250.0 * 937.5), 1e-12);
  g_assert_cmpfloat_with_epsilon (distretto_coherence_get_correlation (coherence, q2, index),
                                  625.0 / sqrt (5000.0 * 937.5), 1e-12);
  g_assert_cmpfloat_with_epsilon (distretto_coherence_get_correlation (coherence, c, q2), 1.0, 1e-12);

  g_assert_true (distretto_coherence_is_flagged (coherence, q2, index));
  g_assert_true (distretto_coherence_is_flagged (coherence, index, c));
  g_assert_false (distretto_coherence_is_flagged (coherence, q1, index));
  g_assert_false (distretto_coherence_is_flagged (coherence, c, a));   /* not a pair the handbook checks */
  g_assert_cmpuint (distretto_coherence_get_n_flagged (coherence), ==, 2);

  g_assert_cmpfloat_with_epsilon (distretto_coherence_get_alpha (coherence, 0), 0.8, 1e-12);
  g_assert_false (distretto_coherence_is_alpha_low (coherence, 0));
  g_assert_true (isnan (distretto_coherence_get_alpha (coherence, 1)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Method/screening", test_screening);
  g_test_add_func ("/Distretto/Method/screening-real", test_screening_real);
  g_test_add_func ("/Distretto/Method/carry-forward", test_carry_forward);
  g_test_add_func ("/Distretto/Method/imputation", test_imputation);
  g_test_add_func ("/Distretto/Method/ties", test_ties);
  g_test_add_func ("/Distretto/Method/levels", test_levels);
  g_test_add_func ("/Distretto/Method/winsorise", test_winsorise);
  g_test_add_func ("/Distretto/Method/log-transform", test_log_transform);
  g_test_add_func ("/Distretto/Method/square-root", test_square_root);
  g_test_add_func ("/Distretto/Method/z-score-and-distance", test_z_score_and_distance);
  g_test_add_func ("/Distretto/Method/subgroups", test_subgroups);
  g_test_add_func ("/Distretto/Method/method-value", test_method_value);
  g_test_add_func ("/Distretto/Method/weights", test_weights);
  g_test_add_func ("/Distretto/Method/coherence", test_coherence);

  return g_test_run ();
}

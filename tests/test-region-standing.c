/* test-region-standing.c: a region's standing, its sentences, effective
 * and changed weights, worked by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <distretto.h>
#include <math.h>
#include <string.h>

/* A module of three pillars, A, B and C, of one sub-indicator each (the
 * series a, b, c), with the host's default method: min–max over all
 * regions and years, arithmetic within pillars, geometric across them.
 * Every series reaches 0 and 100 somewhere, so the normalised values are
 * the raw ones and each pillar's score is its series' value.
 *
 *            2023           2018
 *   region   a    b    c    a    b    c
 *   ITH3     90   50   10   80   50   20
 *   ITH4     60  100   60    0   60   50
 *   ITH5     40   30  100   30   30   90
 *   ITC1     20    0   30   20   10    0
 *   ES51    100   70   50   90   60   40
 *
 * Scores of 2023, (∏ (pillar + 1))^(1/3) − 1:
 *   ITH3 (91 × 51 × 11)^(1/3) − 1 = 51051^(1/3) − 1 = 36.097
 *   ITH4 (61 × 101 × 61)^(1/3) − 1 = 71.165
 *   ITH5 (41 × 31 × 101)^(1/3) − 1 = 49.446
 *   ITC1 (21 × 1 × 31)^(1/3) − 1 = 7.667
 *   ES51 (101 × 71 × 51)^(1/3) − 1 = 70.513
 * so ITH3 ranks 4th of 5. No EU aggregate: the reference is the mean of
 * the five, 46.978; ITH3's index is 100 × 36.097 / 46.978 = 76.8, 70–100:
 * a moderate performer. */
static const char data[] =
  "region,indicator,year,value\n"
  "ITH3,a,2023,90\nITH3,b,2023,50\nITH3,c,2023,10\nITH3,a,2018,80\nITH3,b,2018,50\nITH3,c,2018,20\n"
  "ITH4,a,2023,60\nITH4,b,2023,100\nITH4,c,2023,60\nITH4,a,2018,0\nITH4,b,2018,60\nITH4,c,2018,50\n"
  "ITH5,a,2023,40\nITH5,b,2023,30\nITH5,c,2023,100\nITH5,a,2018,30\nITH5,b,2018,30\nITH5,c,2018,90\n"
  "ITC1,a,2023,20\nITC1,b,2023,0\nITC1,c,2023,30\nITC1,a,2018,20\nITC1,b,2018,10\nITC1,c,2018,0\n"
  "ES51,a,2023,100\nES51,b,2023,70\nES51,c,2023,50\nES51,a,2018,90\nES51,b,2018,60\nES51,c,2018,40\n";

#define TEST_TYPE_INDICATOR (test_indicator_get_type ())
G_DECLARE_FINAL_TYPE (TestIndicator, test_indicator, TEST, INDICATOR, GObject)

struct _TestIndicator
{
  GObject parent_instance;
};

static DistrettoIndicatorDefinition *
test_indicator_get_definition (DistrettoIndicator *indicator)
{
  DistrettoIndicatorDefinition *definition = distretto_indicator_definition_new ("test", "Test index");
  const char *series[] = { "a", "b", "c" };
  const char *titles[] = { "Pillar A", "Pillar B", "Pillar C" };

  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    {
      g_autofree char *pillar_id = g_strconcat ("pillar-", series[i], NULL);
      g_autoptr(DistrettoPillar) pillar = distretto_pillar_new (pillar_id, titles[i]);
      g_autoptr(DistrettoSubIndicator) sub = distretto_sub_indicator_new (series[i], titles[i], series[i]);

      distretto_pillar_add_sub_indicator (pillar, sub);
      distretto_indicator_definition_add_pillar (definition, pillar);
    }

  return definition;
}

static void
test_indicator_iface_init (DistrettoIndicatorInterface *iface)
{
  iface->get_definition = test_indicator_get_definition;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestIndicator, test_indicator, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DISTRETTO_TYPE_INDICATOR, test_indicator_iface_init))

static void
test_indicator_class_init (TestIndicatorClass *klass)
{
}

static void
test_indicator_init (TestIndicator *self)
{
}

static DistrettoViewRequest *
new_request (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, strlen (data));
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) loaded = distretto_dataset_load_bytes (bytes, "pillars.csv", NULL, &error);
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(TestIndicator) indicator = g_object_new (TEST_TYPE_INDICATOR, NULL);

  g_assert_no_error (error);
  /* As the window brings data to NUTS 2024: with the regions' names. */
  dataset = distretto_dataset_recode_nuts (loaded, 2024, NULL);
  return distretto_view_request_new (DISTRETTO_INDICATOR (indicator), dataset);
}

static void
test_ordinals (void)
{
  static const struct { guint n; const char *text; } cases[] = {
    { 1, "1st" }, { 2, "2nd" }, { 3, "3rd" }, { 4, "4th" }, { 11, "11th" }, { 12, "12th" }, { 13, "13th" },
    { 21, "21st" }, { 22, "22nd" }, { 23, "23rd" }, { 101, "101st" }, { 111, "111th" }, { 112, "112th" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = distretto_format_ordinal (cases[i].n);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_standing_numbers (void)
{
  g_autoptr(DistrettoViewRequest) request = new_request ();
  g_autoptr(DistrettoRegionStanding) standing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rank = NULL;
  g_autofree char *ranged = NULL;
  guint lower, upper;

  distretto_view_request_set_selected (request, "ITH3");
  distretto_view_request_set_regions (request, (const char *[]) { "ITH4", "ITH5", NULL });
  standing = distretto_region_standing_new (request, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (distretto_region_standing_get_region_name (standing), ==, "Veneto");
  g_assert_cmpint (distretto_region_standing_get_year (standing), ==, 2023);
  g_assert_cmpfloat_with_epsilon (distretto_region_standing_get_score (standing), 36.097, 1e-3);
  g_assert_cmpuint (distretto_region_standing_get_rank (standing), ==, 4);
  g_assert_cmpuint (distretto_region_standing_get_n_ranked (standing), ==, 5);
  g_assert_false (distretto_region_standing_has_eu_reference (standing));
  g_assert_cmpfloat_with_epsilon (distretto_region_standing_get_index (standing), 76.84, 0.01);
  g_assert_cmpint (distretto_region_standing_get_group (standing), ==, DISTRETTO_PERFORMANCE_GROUP_MODERATE);
  g_assert_cmpint (distretto_region_standing_get_base_year (standing), ==, 2018);

  /* 2018: (81 × 51 × 21)^(1/3) − 1 = 86751^(1/3) − 1 = 43.268. */
  g_assert_cmpfloat_with_epsilon (distretto_region_standing_get_base_score (standing), 43.268, 1e-3);

  /* Pillars: ITH3's value, the mean of the five, the mean of the two
   * peers, the share of the other four below it. */
  g_assert_cmpuint (distretto_region_standing_get_n_pillars (standing), ==, 3);
  g_assert_cmpstr (distretto_region_standing_get_pillar_title (standing, 0), ==, "Pillar A");
  g_assert_cmpfloat_with_epsilon (distretto_region_standing_get_pillar_value (standing, 0), 90.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_region_standing_get_pillar_reference (standing, 0), 62.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_region_standing_get_pillar_peers (standing, 0), 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_region_standing_get_pillar_percentile (standing, 0), 75.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_region_standing_get_pillar_base_value (standing, 0), 80.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_region_standing_get_pillar_peers (standing, 1), 65.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_region_standing_get_pillar_percentile (standing, 1), 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_region_standing_get_pillar_peers (standing, 2), 80.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_region_standing_get_pillar_percentile (standing, 2), 0.0, 1e-9);

  rank = distretto_region_standing_dup_rank_text (standing);
  g_assert_cmpstr (rank, ==, "4th of 5");
  g_assert_false (distretto_region_standing_get_rank_interval (standing, &lower, &upper));
  distretto_region_standing_set_rank_interval (standing, 2, 5);
  g_assert_true (distretto_region_standing_get_rank_interval (standing, &lower, &upper));
  g_assert_cmpuint (lower, ==, 2);
  g_assert_cmpuint (upper, ==, 5);
  ranged = distretto_region_standing_dup_rank_text (standing);
  g_assert_cmpstr (ranged, ==, "4th of 5, 2nd–5th");

  /* A rank the method never moves has no interval to show. */
  g_free (ranged);
  distretto_region_standing_set_rank_interval (standing, 4, 4);
  ranged = distretto_region_standing_dup_rank_text (standing);
  g_assert_cmpstr (ranged, ==, "4th of 5");
}

/* A's 90 beats three of four (top quarter), C's 10 none (bottom
 * quarter); A rose 10 points since 2018 (C fell as much, A comes
 * first); against the peers' means (50, 65, 80) A leads by 40, C trails
 * by 70. */
static void
test_standing_sentences (void)
{
  g_autoptr(DistrettoViewRequest) request = new_request ();
  g_autoptr(DistrettoRegionStanding) standing = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sentences = NULL;

  distretto_view_request_set_selected (request, "ITH3");
  distretto_view_request_set_regions (request, (const char *[]) { "ITH4", "ITH5", NULL });
  standing = distretto_region_standing_new (request, &error);
  g_assert_no_error (error);

  sentences = distretto_region_standing_dup_sentences (standing);
  g_assert_cmpstrv (sentences, ((const char *[]) {
    "Veneto ranks 4th of 5 NUTS 2 regions in 2023, a moderate performer (77, mean = 100).",
    "Pillar A is in the top quarter of NUTS 2 regions.",
    "Pillar C is in the bottom quarter of NUTS 2 regions.",
    "Pillar A rose 10 points since 2018.",
    "Against its peers it leads on Pillar A and trails on Pillar C.",
    NULL }));
}

/* The leader, without peers. ES51 ranks 2nd (70.513 after ITH4's
 * 71.165), 100 × 70.513 / 46.978 = 150: a leader. Its strongest pillar
 * is A at 100, beating all four (top quarter); its weakest C at 50,
 * beating two of four (ITH3's 10, ITC1's 30): not in the bottom quarter,
 * and level with the mean of C, (10 + 60 + 100 + 30 + 50) / 5 = 50.
 * Since 2018 A, B and C each rose 10: A comes first. */
static void
test_standing_sentences_leader (void)
{
  g_autoptr(DistrettoViewRequest) request = new_request ();
  g_autoptr(DistrettoRegionStanding) standing = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sentences = NULL;

  distretto_view_request_set_selected (request, "ES51");
  standing = distretto_region_standing_new (request, &error);
  g_assert_no_error (error);

  sentences = distretto_region_standing_dup_sentences (standing);
  g_assert_cmpstrv (sentences, ((const char *[]) {
    "Cataluña ranks 2nd of 5 NUTS 2 regions in 2023, a leader (150, mean = 100).",
    "Pillar A is in the top quarter of NUTS 2 regions.",
    "Its weakest pillar is Pillar C, not below the reference (50.0 against 50.0).",
    "Pillar A rose 10 points since 2018.",
    NULL }));
}

/* A region of another level is not ranked: one sentence says so. */
static void
test_standing_unranked (void)
{
  g_autoptr(DistrettoViewRequest) request = new_request ();
  g_autoptr(DistrettoRegionStanding) standing = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sentences = NULL;

  distretto_view_request_set_selected (request, "ITH3");
  distretto_view_request_set_level (request, 3);
  standing = distretto_region_standing_new (request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (distretto_region_standing_get_rank (standing), ==, 0);
  g_assert_null (distretto_region_standing_dup_rank_text (standing));

  sentences = distretto_region_standing_dup_sentences (standing);
  g_assert_cmpstrv (sentences, ((const char *[]) { "Veneto has no score among NUTS 3 regions in 2023.", NULL }));

  /* No selected region: an error. */
  distretto_view_request_set_selected (request, NULL);
  g_clear_object (&standing);
  standing = distretto_region_standing_new (request, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (standing);
}

/* Pillar A weighing 2: (∏ (pillar + 1)^w)^(1/Σw) − 1.
 *   ES51 (101² × 71 × 51)^(1/4) − 1 = 36937821^(1/4) − 1 = 76.959
 *   ITH4 (61² × 101 × 61)^(1/4) − 1 = 22925081^(1/4) − 1 = 68.196
 *   ITH5 (41² × 31 × 101)^(1/4) − 1 = 5263211^(1/4) − 1 = 46.898
 *   ITH3 (91² × 51 × 11)^(1/4) − 1 = 4645641^(1/4) − 1 = 45.426
 *   ITC1 (21² × 1 × 31)^(1/4) − 1 = 13671^(1/4) − 1 = 9.813 */
static void
test_changed_weights (void)
{
  static const struct { const char *code; double score; } expected[] = {
    { "ES51", 76.959 }, { "ITH4", 68.196 }, { "ITH5", 46.898 }, { "ITH3", 45.426 }, { "ITC1", 9.813 },
  };
  g_autoptr(DistrettoViewRequest) request = new_request ();
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(DistrettoChart) unchanged = NULL;
  g_autoptr(GError) error = NULL;

  /* The module's own weight is no change. */
  distretto_view_request_set_pillar_weight (request, "pillar-a", 1.0);
  unchanged = distretto_view_build ("ranking", request, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (distretto_chart_get_subtitle (unchanged), "changed weights"));
  g_assert_cmpfloat_with_epsilon (distretto_chart_get_bar_value (unchanged, 3), 36.097, 1e-3);

  distretto_view_request_set_pillar_weight (request, "pillar-a", 2.0);
  g_assert_cmpfloat (distretto_view_request_get_pillar_weight (request, "pillar-a"), ==, 2.0);
  g_assert_true (isnan (distretto_view_request_get_pillar_weight (request, "pillar-b")));
  chart = distretto_view_build ("ranking", request, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (distretto_chart_get_n_bars (chart), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (distretto_chart_get_bar_code (chart, i), ==, expected[i].code);
      g_assert_cmpfloat_with_epsilon (distretto_chart_get_bar_value (chart, i), expected[i].score, 1e-3);
    }

  /* The chart says the weights changed, and which. */
  g_assert_nonnull (strstr (distretto_chart_get_subtitle (chart), "changed weights"));
  g_assert_nonnull (strstr (distretto_chart_get_notes (chart),
                            "Pillar weights changed: Pillar A 2 (module: 1), Pillar B 1, Pillar C 1."));

  /* Back to the module's. */
  distretto_view_request_set_pillar_weight (request, "pillar-a", NAN);
  g_clear_object (&chart);
  chart = distretto_view_build ("ranking", request, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (distretto_chart_get_bar_value (chart, 3), 36.097, 1e-3);
}

/* The region page's profile: ITH3, its peers' mean, the regions' mean. */
static void
test_region_profile_view (void)
{
  g_autoptr(DistrettoViewRequest) request = new_request ();
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_autoptr(DistrettoIndicatorDefinition) definition = NULL;

  chart = distretto_view_build ("region-profile", request, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (chart);
  g_clear_error (&error);

  distretto_view_request_set_selected (request, "ITH3");
  distretto_view_request_set_regions (request, (const char *[]) { "ITH4", "ITH5", NULL });
  chart = distretto_view_build ("region-profile", request, &error);
  g_assert_no_error (error);
  g_assert_cmpint (distretto_chart_get_kind (chart), ==, DISTRETTO_CHART_KIND_RADAR);
  g_assert_cmpuint (distretto_chart_get_n_lines (chart), ==, 3);
  g_assert_cmpstr (distretto_chart_get_line_code (chart, 0), ==, "ITH3");
  g_assert_cmpstr (distretto_chart_get_line_label (chart, 1), ==, "Peers (mean of 2)");
  g_assert_cmpfloat_with_epsilon (distretto_chart_get_profile_value (chart, 1, 0), 50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_chart_get_profile_value (chart, 1, 1), 65.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_chart_get_profile_value (chart, 1, 2), 80.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_chart_get_profile_value (chart, 2, 0), 62.0, 1e-9);
  g_assert_cmpint (distretto_chart_get_reference_line (chart), ==, 2);

  /* Built by the region page, never offered in the list of views. */
  definition = distretto_indicator_get_definition (distretto_view_request_get_indicator (request));
  ids = distretto_view_dup_ids_for (definition);
  g_assert_false (g_strv_contains ((const char * const *) ids, "region-profile"));
}

/* Four regions scored 1, 2, 3, 4. P = 1, 2, 3, 4 correlates fully (r² =
 * 1); Q = 1, 3, 2, 4 with deviations −1.5, 0.5, −0.5, 1.5 against −1.5,
 * −0.5, 0.5, 1.5: covariance sum 2.25 − 0.25 − 0.25 + 2.25 = 4, both
 * sums of squares 5, r = 0.8, r² = 0.64; S has no spread, 0. Effective
 * weights: 1/1.64 = 0.609756, 0.64/1.64 = 0.390244, 0. */
static void
test_effective_weights (void)
{
  const char *regions[] = { "R1", "R2", "R3", "R4", NULL };
  const double p[] = { 1, 2, 3, 4 }, q[] = { 1, 3, 2, 4 };
  g_autoptr(DistrettoIndicatorResult) result = distretto_indicator_result_new (2023);
  g_autofree double *weights = NULL;
  guint n = 0;

  for (guint i = 0; i < 4; i++)
    {
      distretto_indicator_result_add_score (result, regions[i], i + 1, DISTRETTO_FLAGS_NONE);
      distretto_indicator_result_set_component (result, regions[i], "p", p[i]);
      distretto_indicator_result_set_component (result, regions[i], "q", q[i]);
      distretto_indicator_result_set_component (result, regions[i], "s", 7.0);
    }

  weights = distretto_weights_dup_effective (result, (const char *[]) { "p", "q", "s", NULL }, regions, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat_with_epsilon (weights[0], 0.609756, 1e-6);
  g_assert_cmpfloat_with_epsilon (weights[1], 0.390244, 1e-6);
  g_assert_cmpfloat_with_epsilon (weights[2], 0.0, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/RegionStanding/ordinals", test_ordinals);
  g_test_add_func ("/Distretto/RegionStanding/numbers", test_standing_numbers);
  g_test_add_func ("/Distretto/RegionStanding/sentences", test_standing_sentences);
  g_test_add_func ("/Distretto/RegionStanding/sentences-leader", test_standing_sentences_leader);
  g_test_add_func ("/Distretto/RegionStanding/unranked", test_standing_unranked);
  g_test_add_func ("/Distretto/RegionStanding/changed-weights", test_changed_weights);
  g_test_add_func ("/Distretto/RegionStanding/region-profile-view", test_region_profile_view);
  g_test_add_func ("/Distretto/RegionStanding/effective-weights", test_effective_weights);

  return g_test_run ();
}

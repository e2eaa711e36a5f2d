/* test-selector.c: series selectors, sums, alternatives and fallbacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <distretto.h>
#include <math.h>
#include <string.h>

/* One table, employment by NACE and age, in the old bulk TSV… */
#define TSV \
  "unit,nace_r2,age,geo\\time\t2015 \t2014 \n" \
  "THS,C,Y15-64,ITH3\t512.5 \t500.0 b\n" \
  "THS,C,Y15-64,ITH4\t120.0 \t: \n" \
  "THS,C,Y25-64,ITH3\t480.0 \t470.0 \n" \
  "THS,TOTAL,Y15-64,ITH3\t2009.9 \t2020.9 \n" \
  "THS,TOTAL,Y15-64,ITH4\t500.0 \t490.0 \n"

/* …and the same cells as SDMX-CSV, its dimensions in another order. */
#define SDMX_CSV \
  "DATAFLOW,LAST UPDATE,freq,age,geo,unit,nace_r2,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n" \
  "ESTAT:LFST_R_LFE2EN2(1.0),01/01/17,A,Y15-64,ITH3,THS,C,2015,512.5,\n" \
  "ESTAT:LFST_R_LFE2EN2(1.0),01/01/17,A,Y15-64,ITH3,THS,C,2014,500.0,b\n" \
  "ESTAT:LFST_R_LFE2EN2(1.0),01/01/17,A,Y15-64,ITH4,THS,C,2015,120.0,\n" \
  "ESTAT:LFST_R_LFE2EN2(1.0),01/01/17,A,Y25-64,ITH3,THS,C,2015,480.0,\n" \
  "ESTAT:LFST_R_LFE2EN2(1.0),01/01/17,A,Y25-64,ITH3,THS,C,2014,470.0,\n" \
  "ESTAT:LFST_R_LFE2EN2(1.0),01/01/17,A,Y15-64,ITH3,THS,TOTAL,2015,2009.9,\n" \
  "ESTAT:LFST_R_LFE2EN2(1.0),01/01/17,A,Y15-64,ITH3,THS,TOTAL,2014,2020.9,\n" \
  "ESTAT:LFST_R_LFE2EN2(1.0),01/01/17,A,Y15-64,ITH4,THS,TOTAL,2015,500.0,\n" \
  "ESTAT:LFST_R_LFE2EN2(1.0),01/01/17,A,Y15-64,ITH4,THS,TOTAL,2014,490.0,\n"

static DistrettoDataset *
load (const char *contents,
      const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (contents, strlen (contents));
  g_autoptr(GError) error = NULL;
  DistrettoDataset *dataset = distretto_dataset_load_bytes (bytes, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
test_validate (void)
{
  const char *good[] = {
    "emp_total",
    "nama_10r_2hhinc.PPCS_HAB.B6N",
    "lfst_r_lfe2en2?nace_r2=C",
    "lfst_r_lfe2en2?nace_r2=C&age=Y15-64&sex=T&unit=THS",
    " lfst_r_lfe2en2?nace_r2=J + lfst_r_lfe2en2?nace_r2=M_N ",
  };
  const struct { const char *selector; const char *mentions; } bad[] = {
    { "", "empty" },
    { "emp total", "“emp total” has a character" },
    { "?nace_r2=C", "expected a table code" },
    { "lfst r?nace_r2=C", "expected a table code" },
    { "lfst_r_lfe2en2?nace_r2", "expected “dimension=code”, found “nace_r2”" },
    { "lfst_r_lfe2en2?nace_r2=C&", "found “”" },
    { "lfst_r_lfe2en2?=C", "found “=C”" },
    { "lfst_r_lfe2en2?nace_r2=", "found “nace_r2=”" },
    { "lfst_r_lfe2en2?nace_r2=C&NACE_R2=J", "“NACE_R2” is pinned twice" },
    { "lfst_r_lfe2en2?nace_r2=C?", "nace_r2=C?" },
    { "a + ", "empty" },
    { "a ++ b", "empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (distretto_selector_validate (good[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (distretto_selector_validate (bad[i].selector, &error));
      g_assert_error (error, DISTRETTO_SELECTOR_ERROR, DISTRETTO_SELECTOR_ERROR_INVALID);
      g_test_message ("%s", error->message);
      if (strstr (error->message, bad[i].mentions) == NULL)
        g_error ("“%s” does not mention “%s”", error->message, bad[i].mentions);
    }
}

static void
test_tables (void)
{
  g_auto(GStrv) sum = distretto_selector_dup_tables ("lfst_r_lfe2en2?nace_r2=J + lfst_r_lfe2en2?nace_r2=M_N + "
                                                    "sbs_r_nuts06_r2?nace_r2=J62");
  g_auto(GStrv) dotted = distretto_selector_dup_tables ("nama_10r_2hhinc.PPCS_HAB.B6N");
  g_auto(GStrv) plain = distretto_selector_dup_tables ("emp_total");
  g_auto(GStrv) broken = distretto_selector_dup_tables ("a?b");

  g_assert_cmpuint (g_strv_length (sum), ==, 2);
  g_assert_cmpstr (sum[0], ==, "lfst_r_lfe2en2");
  g_assert_cmpstr (sum[1], ==, "sbs_r_nuts06_r2");
  g_assert_cmpuint (g_strv_length (dotted), ==, 1);
  g_assert_cmpstr (dotted[0], ==, "nama_10r_2hhinc");
  g_assert_cmpuint (g_strv_length (plain), ==, 0);
  g_assert_cmpuint (g_strv_length (broken), ==, 0);
}

/* The same selector finds the same cells in both formats, whatever the
 * order of the dimensions. */
static void
test_formats_agree (void)
{
  g_autoptr(DistrettoDataset) tsv = load (TSV, "lfst_r_lfe2en2.tsv");
  g_autoptr(DistrettoDataset) sdmx = load (SDMX_CSV, "download.csv");
  const char *selectors[] = {
    "lfst_r_lfe2en2?nace_r2=C&age=Y15-64",
    "lfst_r_lfe2en2?age=Y15-64&nace_r2=C&unit=THS&freq=A",
    "LFST_R_LFE2EN2?NACE_R2=c&age=y15-64",
    "lfst_r_lfe2en2?nace_r2=TOTAL&sex=T",     /* neither file splits by sex */
  };
  const char *regions[] = { "ITH3", "ITH4" };
  guint compared = 0;

  for (guint s = 0; s < G_N_ELEMENTS (selectors); s++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *tsv_code = distretto_dataset_resolve_selector (tsv, selectors[s], &error);
      g_autofree char *sdmx_code = NULL;

      g_assert_no_error (error);
      sdmx_code = distretto_dataset_resolve_selector (sdmx, selectors[s], &error);
      g_assert_no_error (error);

      for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
        for (int year = 2014; year <= 2015; year++)
          {
            DistrettoFlags tsv_flags, sdmx_flags;
            double a = distretto_dataset_get_selected_value (tsv, selectors[s], regions[r], year, &tsv_flags);
            double b = distretto_dataset_get_selected_value (sdmx, selectors[s], regions[r], year, &sdmx_flags);

            g_assert_true ((isnan (a) && isnan (b)) || a == b);
            g_assert_cmpuint (tsv_flags, ==, sdmx_flags);
            compared += !isnan (a);
          }
    }

  /* 3 values of C Y15-64 (ITH4 2014 is “:”) for each of the three
   * spellings, and 4 of TOTAL. */
  g_assert_cmpuint (compared, ==, 13);
  g_assert_cmpfloat (distretto_dataset_get_selected_value (sdmx, selectors[0], "ITH3", 2014, NULL), ==, 500.0);
}

static void
test_identity (void)
{
  g_autoptr(DistrettoDataset) tsv = load (TSV, "lfst_r_lfe2en2.tsv");
  g_autoptr(DistrettoDataset) sdmx = load (SDMX_CSV, "download.csv");
  DistrettoSeries *series = distretto_dataset_get_series (tsv, "lfst_r_lfe2en2.THS.C.Y15-64");
  g_autofree char *selector = distretto_series_dup_selector (series);
  g_autofree char *sdmx_code = distretto_dataset_resolve_selector (sdmx, selector, NULL);
  g_autofree char *sdmx_selector = distretto_series_dup_selector (distretto_dataset_get_series (sdmx, sdmx_code));

  g_assert_cmpstr (distretto_series_get_table (series), ==, "lfst_r_lfe2en2");
  g_assert_cmpuint (distretto_series_get_n_dimensions (series), ==, 3);
  g_assert_cmpstr (distretto_series_lookup_dimension (series, "NACE_R2"), ==, "C");
  g_assert_null (distretto_series_lookup_dimension (series, "geo"));
  g_assert_cmpstr (selector, ==, "lfst_r_lfe2en2?unit=THS&nace_r2=C&age=Y15-64");
  /* SDMX-CSV lists the dimensions in its own order; freq is implied. */
  g_assert_cmpstr (sdmx_selector, ==, "lfst_r_lfe2en2?age=Y15-64&unit=THS&nace_r2=C");
  g_assert_true (distretto_selector_matches (sdmx_selector, series));
  g_assert_false (distretto_selector_matches ("lfst_r_lfe2en2?nace_r2=C&age=Y25-64", series));
  g_assert_false (distretto_selector_matches ("lfst_r_lfe2en2?nace_r2=C&freq=Q", series));
  g_assert_false (distretto_selector_matches ("lfst_r_lfe2en2 + emp", series));
}

static void
test_ambiguous (void)
{
  g_autoptr(DistrettoDataset) dataset = load (TSV, "lfst_r_lfe2en2.tsv");
  g_autoptr(GError) error = NULL;

  g_assert_false (distretto_dataset_check_selector (dataset, "lfst_r_lfe2en2?nace_r2=C", &error));
  g_assert_error (error, DISTRETTO_SELECTOR_ERROR, DISTRETTO_SELECTOR_ERROR_AMBIGUOUS);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "matches 2 series: pin age (Y15-64, Y25-64)"));
  g_clear_error (&error);

  g_assert_false (distretto_dataset_check_selector (dataset, "lfst_r_lfe2en2?unit=THS", &error));
  g_assert_nonnull (strstr (error->message, "matches 3 series: pin nace_r2 (C, TOTAL); age (Y15-64, Y25-64)"));
  g_assert_true (isnan (distretto_dataset_get_selected_value (dataset, "lfst_r_lfe2en2?unit=THS", "ITH3", 2015, NULL)));
}

static void
test_missing (void)
{
  g_autoptr(DistrettoDataset) dataset = load (TSV, "lfst_r_lfe2en2.tsv");
  g_autoptr(GError) error = NULL;

  /* In the table, the series satisfying most pins is suggested. */
  g_assert_false (distretto_dataset_check_selector (dataset, "lfst_r_lfe2en2?nace_r2=B-E&age=Y25-64", &error));
  g_assert_error (error, DISTRETTO_SELECTOR_ERROR, DISTRETTO_SELECTOR_ERROR_MISSING);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "did you mean “lfst_r_lfe2en2?unit=THS&nace_r2=C&age=Y25-64”?"));
  g_clear_error (&error);

  /* An old dotted name a letter off. */
  g_assert_false (distretto_dataset_check_selector (dataset, "lfst_r_lfe2en2.THS.C.Y15-65", &error));
  g_assert_nonnull (strstr (error->message, "did you mean “lfst_r_lfe2en2?unit=THS&nace_r2=C&age=Y15-64”?"));
  g_clear_error (&error);

  /* Nothing near: no suggestion. */
  g_assert_false (distretto_dataset_check_selector (dataset, "nama_10r_2gdp?unit=EUR_HAB", &error));
  g_assert_null (strstr (error->message, "did you mean"));
  g_clear_error (&error);

  /* A sum fails on its missing term. */
  g_assert_false (distretto_dataset_check_selector (dataset, "lfst_r_lfe2en2?nace_r2=C&age=Y15-64 + emp_kibs",
                                                    &error));
  g_assert_nonnull (strstr (error->message, "“emp_kibs”"));
}

/* Old dotted names work in any file's dimension order. */
static void
test_dotted (void)
{
  g_autoptr(DistrettoDataset) sdmx = load (SDMX_CSV, "download.csv");
  g_autofree char *code = distretto_dataset_resolve_selector (sdmx, "lfst_r_lfe2en2.THS.C.Y15-64", NULL);

  g_assert_cmpstr (code, ==, "lfst_r_lfe2en2.Y15-64.THS.C");
  g_assert_cmpfloat (distretto_dataset_get_selected_value (sdmx, "lfst_r_lfe2en2.THS.C.Y15-64", "ITH3", 2015, NULL),
                     ==, 512.5);
}

static void
test_sum (void)
{
  g_autoptr(DistrettoDataset) dataset = load (TSV, "lfst_r_lfe2en2.tsv");
  const char *sum = "lfst_r_lfe2en2?nace_r2=C&age=Y15-64 + lfst_r_lfe2en2?nace_r2=TOTAL&age=Y15-64";
  DistrettoFlags flags;
  g_autoptr(GError) error = NULL;

  g_assert_true (distretto_dataset_check_selector (dataset, sum, NULL));
  /* 500.0 b + 2020.9 */
  g_assert_cmpfloat_with_epsilon (distretto_dataset_get_selected_value (dataset, sum, "ITH3", 2014, &flags),
                                  2520.9, 1e-9);
  g_assert_cmpuint (flags, ==, DISTRETTO_FLAGS_BREAK);
  /* ITH4 2014 has no C: the sum is missing. */
  g_assert_true (isnan (distretto_dataset_get_selected_value (dataset, sum, "ITH4", 2014, NULL)));
  g_assert_null (distretto_dataset_resolve_selector (dataset, sum, &error));
  g_assert_error (error, DISTRETTO_SELECTOR_ERROR, DISTRETTO_SELECTOR_ERROR_INVALID);
  g_assert_cmpint (distretto_dataset_get_selected_latest_year (dataset, sum), ==, 2015);
}

/* A main table is a slice of a full table. */
#define TGS00050 \
  "DATAFLOW,LAST UPDATE,freq,indic_is,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n" \
  "ESTAT:TGS00050(1.0),15/11/23,A,I_IUSE,PC_IND,AT11,2021,88.5,\n" \
  "ESTAT:TGS00050(1.0),15/11/23,A,I_IUSE,PC_IND,AT12,2021,87.25,u\n"

#define TGS00042_2011 \
  "geo\\time\t2009 \t2010 \n" \
  "AT11\t0.75 \t0.79 e\n"

static void
test_main_tables (void)
{
  g_autoptr(DistrettoDataset) usage = load (TGS00050, "download.csv");
  g_autoptr(DistrettoDataset) gerd = load (TGS00042_2011, "tgs00042.tsv");
  DistrettoFlags flags;

  g_assert_cmpfloat (distretto_dataset_get_selected_value (usage, "isoc_r_iuse_i?indic_is=I_IUSE&unit=PC_IND",
                                                           "AT12", 2021, &flags), ==, 87.25);
  g_assert_cmpuint (flags, ==, DISTRETTO_FLAGS_LOW_RELIABILITY);
  g_assert_cmpfloat (distretto_dataset_get_selected_value (usage, "tgs00050?unit=PC_IND", "AT11", 2021, NULL),
                     ==, 88.5);
  g_assert_false (distretto_dataset_check_selector (usage, "isoc_r_iuse_i?indic_is=I_BLT12", NULL));

  /* The 2011 file names no dimension: the slice's are implied. */
  g_assert_cmpfloat (distretto_dataset_get_selected_value (gerd, "rd_e_gerdreg?sectperf=TOTAL&unit=PC_GDP",
                                                           "AT11", 2010, NULL), ==, 0.79);
  g_assert_false (distretto_dataset_check_selector (gerd, "rd_e_gerdreg?sectperf=BES&unit=PC_GDP", NULL));
}

#define COUNTRY_AND_REGIONS \
  "region,indicator,year,value,flag\n" \
  "IT,dii,2022,60,\n" \
  "ITC,dii,2022,70,\n" \
  "ITH3,emp,2022,10,\n" \
  "ITH3,total,2022,40,\n" \
  "ITH4,total,2022,50,\n" \
  "ITH4,broad,2022,20,e\n" \
  "ITH5,total,2022,50,\n" \
  "ITC4,broad,2022,5,\n" \
  "ITC4,total,2022,25,\n"

/* Alternatives stand in where the series has no value, flagged proxy;
 * a parent's value stands in last. */
static void
test_alternatives (void)
{
  g_autoptr(DistrettoDataset) dataset = load (COUNTRY_AND_REGIONS, "mixed.csv");
  g_autoptr(DistrettoSubIndicator) share = distretto_sub_indicator_new ("s", "Share", "emp");
  g_autoptr(DistrettoSubIndicator) broad = distretto_sub_indicator_new ("s", "Broad sector", "broad");
  g_autoptr(DistrettoSubIndicator) dii = distretto_sub_indicator_new ("d", "DII", "dii");
  g_autoptr(DistrettoSubIndicator) absent = distretto_sub_indicator_new ("a", "Absent", "nothing");
  g_autoptr(DistrettoSubIndicator) absent_alt = distretto_sub_indicator_new ("a", "Also absent", "nothing_either");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tables = NULL;
  DistrettoFlags flags;

  distretto_sub_indicator_set_denominator (share, "total");
  distretto_sub_indicator_set_scale (share, 100);
  distretto_sub_indicator_set_denominator (broad, "total");
  distretto_sub_indicator_set_scale (broad, 100);
  distretto_sub_indicator_add_alternative (share, broad);

  g_assert_true (distretto_sub_indicator_find_source (share, dataset, NULL) == share);
  /* 10 / 40 × 100 */
  g_assert_cmpfloat (distretto_sub_indicator_get_raw_value (share, dataset, "ITH3", 2022, &flags), ==, 25.0);
  g_assert_cmpuint (flags, ==, DISTRETTO_FLAGS_NONE);
  /* 20 / 50 × 100 from the alternative: proxy, and its own flag */
  g_assert_cmpfloat (distretto_sub_indicator_get_raw_value (share, dataset, "ITH4", 2022, &flags), ==, 40.0);
  g_assert_cmpuint (flags, ==, DISTRETTO_FLAGS_PROXY | DISTRETTO_FLAGS_ESTIMATED);
  g_assert_true (isnan (distretto_sub_indicator_get_raw_value (share, dataset, "ITH5", 2022, &flags)));

  /* The country's value for a region without one; NUTS 1 first. */
  distretto_sub_indicator_set_parent_fallback (dii, TRUE);
  g_assert_cmpfloat (distretto_sub_indicator_get_raw_value (dii, dataset, "ITH3", 2022, &flags), ==, 60.0);
  g_assert_cmpuint (flags, ==, DISTRETTO_FLAGS_NATIONAL_PROXY);
  g_assert_cmpfloat (distretto_sub_indicator_get_raw_value (dii, dataset, "ITC4", 2022, &flags), ==, 70.0);
  g_assert_cmpuint (flags, ==, DISTRETTO_FLAGS_PROXY);
  g_assert_cmpfloat (distretto_sub_indicator_get_raw_value (dii, dataset, "IT", 2022, &flags), ==, 60.0);
  g_assert_cmpuint (flags, ==, DISTRETTO_FLAGS_NONE);
  g_assert_true (isnan (distretto_sub_indicator_get_raw_value (dii, dataset, "ITH3", 2021, &flags)));

  /* No source at all: the error is about the series asked for. */
  distretto_sub_indicator_add_alternative (absent, absent_alt);
  g_assert_null (distretto_sub_indicator_find_source (absent, dataset, &error));
  g_assert_error (error, DISTRETTO_SELECTOR_ERROR, DISTRETTO_SELECTOR_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "“nothing”"));

  g_clear_object (&absent_alt);
  absent_alt = distretto_sub_indicator_new ("a", "Employment", "lfst_r_lfe2en2?nace_r2=B-E");
  distretto_sub_indicator_set_denominator (absent_alt, "lfst_r_lfe2en2?nace_r2=TOTAL + nama_10r_3empers?nace_r2=TOTAL");
  distretto_sub_indicator_add_alternative (share, absent_alt);
  tables = distretto_sub_indicator_dup_tables (share);
  g_assert_cmpuint (g_strv_length (tables), ==, 2);
  g_assert_cmpstr (tables[0], ==, "lfst_r_lfe2en2");
  g_assert_cmpstr (tables[1], ==, "nama_10r_3empers");
}

/* The real 2017 bulk TSV: `lfst_r_lfe2en2` has no `sex` and no NACE C. */
static void
test_real_tsv (void)
{
  const char *folder = g_getenv ("DISTRETTO_REAL_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const char *kibs = "lfst_r_lfe2en2?nace_r2=J&age=Y15-64&sex=T&unit=THS + "
                     "lfst_r_lfe2en2?nace_r2=M_N&age=Y15-64&sex=T&unit=THS";

  path = folder ? g_build_filename (folder, "eurostat-tsv-2017", "lfst_r_lfe2en2.tsv", NULL) : NULL;
  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no real data in DISTRETTO_REAL_DATA");
      return;
    }

  file = g_file_new_for_path (path);
  dataset = distretto_dataset_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* grep -P '^THS,B-E,Y15-64,ITH3\t' lfst_r_lfe2en2.tsv: 572.6 in 2015 */
  g_assert_cmpfloat (distretto_dataset_get_selected_value (dataset, "lfst_r_lfe2en2?nace_r2=B-E&age=Y15-64&sex=T&unit=THS",
                                                           "ITH3", 2015, NULL), ==, 572.6);
  /* THS,J,Y15-64,ITH3 36.4 + THS,M_N,Y15-64,ITH3 175.4 */
  g_assert_cmpfloat_with_epsilon (distretto_dataset_get_selected_value (dataset, kibs, "ITH3", 2015, NULL),
                                  211.8, 1e-9);

  g_assert_false (distretto_dataset_check_selector (dataset, "lfst_r_lfe2en2?nace_r2=C&age=Y15-64&sex=T&unit=THS",
                                                    &error));
  g_assert_error (error, DISTRETTO_SELECTOR_ERROR, DISTRETTO_SELECTOR_ERROR_MISSING);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "did you mean “lfst_r_lfe2en2?unit=THS&nace_r2="));
  g_clear_error (&error);

  /* awk -F'\t' 'NR>1{split($1,a,","); n[a[2]]++} END{…}': 12 NACE codes
   * × 5 age groups, one unit: 60 series; nace_r2 alone leaves age open. */
  g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, 60);
  g_assert_false (distretto_dataset_check_selector (dataset, "lfst_r_lfe2en2?nace_r2=J", &error));
  g_assert_nonnull (strstr (error->message, "pin age (Y15-24, Y15-64, Y25-64, Y65-74, Y_GE15)"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Selector/validate", test_validate);
  g_test_add_func ("/Distretto/Selector/tables", test_tables);
  g_test_add_func ("/Distretto/Selector/formats-agree", test_formats_agree);
  g_test_add_func ("/Distretto/Selector/identity", test_identity);
  g_test_add_func ("/Distretto/Selector/ambiguous", test_ambiguous);
  g_test_add_func ("/Distretto/Selector/missing", test_missing);
  g_test_add_func ("/Distretto/Selector/dotted", test_dotted);
  g_test_add_func ("/Distretto/Selector/sum", test_sum);
  g_test_add_func ("/Distretto/Selector/main-tables", test_main_tables);
  g_test_add_func ("/Distretto/Selector/alternatives", test_alternatives);
  g_test_add_func ("/Distretto/Selector/real-tsv", test_real_tsv);

  return g_test_run ();
}

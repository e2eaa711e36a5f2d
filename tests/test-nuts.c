/* test-nuts.c: the NUTS tables, and datasets brought to one NUTS version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "distretto-test-utils.h"

#include <math.h>

static DistrettoDataset *
load_real (const char *folder,
           const char *name)
{
  g_autofree char *path = distretto_test_real_path (folder, name);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoDataset *dataset;

  if (path == NULL)
    return NULL;

  file = g_file_new_for_path (path);
  dataset = distretto_dataset_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return dataset;
}

static DistrettoDataset *
load_text (const char *name,
           const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DistrettoDataset *dataset;

  dataset = distretto_dataset_load_bytes (bytes, name, NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

/* The first series of @dataset whose code ends in @suffix. */
static const char *
find_series (DistrettoDataset *dataset,
             const char       *suffix)
{
  for (guint i = 0; i < distretto_dataset_get_n_series (dataset); i++)
    if (g_str_has_suffix (distretto_dataset_get_series_code (dataset, i), suffix))
      return distretto_dataset_get_series_code (dataset, i);

  g_error ("no series ending in %s", suffix);
  return NULL;
}

static void
assert_strv (char              **codes,
             const char * const *expected)
{
  g_autofree char *got = codes ? g_strjoinv (" ", codes) : g_strdup ("(none)");
  g_autofree char *want = g_strjoinv (" ", (char **) expected);

  g_assert_cmpstr (got, ==, want);
}

static void
test_versions (void)
{
  guint n;
  const int *versions = distretto_nuts_get_versions (&n);

  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (versions[0], ==, 2010);
  g_assert_cmpint (versions[4], ==, DISTRETTO_NUTS_VERSION_LATEST);
  g_assert_true (distretto_nuts_is_version (2016));
  g_assert_false (distretto_nuts_is_version (2006));
  g_assert_false (distretto_nuts_is_version (0));
}

/* The regions of @version at @level in countries not in @outside,
 * Extra-Regio left out. */
static guint
count_regions (int                 version,
               int                 level,
               const char * const *outside)
{
  g_auto(GStrv) codes = distretto_nuts_dup_codes (version, level);
  guint n = 0;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *country = g_strndup (codes[i], 2);

      if (!distretto_nuts_code_is_extra_regio (codes[i]) &&
          (outside == NULL || !g_strv_contains (outside, country)))
        n++;
    }

  return n;
}

/* How many regions each version has, as Eurostat publishes it for the
 * member states of its time (the NUTS pages and regulations: NUTS 2010,
 * 97/270/1294 for the EU27 plus Croatia's 1/2/21 added in 2012; NUTS
 * 2013, 98/276/1342; NUTS 2016, 104/281/1348; NUTS 2021, 92/242/1166 for
 * the EU27; NUTS 2024, 92/244/1165), and all levels of the GISCO files of
 * 2021 and 2024 (the README of the real data: 37/125/334/1514 and
 * 39/115/299/1345, Extra-Regio has no geometry). */
static void
test_counts (void)
{
  static const char *others[] = { "AL", "BA", "CH", "IS", "LI", "ME", "MK", "NO", "RS", "TR", "UA", "XK", NULL };
  static const char *others_and_uk[] = { "AL", "BA", "CH", "IS", "LI", "ME", "MK", "NO", "RS", "TR", "UA", "XK",
                                         "UK", NULL };
  static const struct
  {
    int version;
    const char * const *outside;
    guint counts[4];
  } expected[] = {
    { 2010, others, { 28, 98, 272, 1315 } },
    { 2013, others, { 28, 98, 276, 1342 } },
    { 2016, others, { 28, 104, 281, 1348 } },
    { 2021, others_and_uk, { 27, 92, 242, 1166 } },
    { 2024, others_and_uk, { 27, 92, 244, 1165 } },
    { 2021, NULL, { 37, 125, 334, 1514 } },
    { 2024, NULL, { 39, 115, 299, 1345 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    for (int level = 0; level < 4; level++)
      {
        g_test_message ("NUTS %d level %d", expected[i].version, level);
        g_assert_cmpuint (count_regions (expected[i].version, level, expected[i].outside), ==,
                          expected[i].counts[level]);
      }

  /* The UK is in NUTS 2010 to 2021, Kosovo from 2024 on. */
  g_assert_true (distretto_nuts_has_country ("UK", 2021));
  g_assert_false (distretto_nuts_has_country ("UK", 2024));
  g_assert_false (distretto_nuts_has_country ("XK", 2021));
  g_assert_true (distretto_nuts_has_country ("XK", 2024));
  g_assert_false (distretto_nuts_has_country ("GR", 2010));
}

/* The 2024 table holds exactly the regions of GISCO's 2024 file, plus
 * Extra-Regio. */
static void
test_gisco_2024 (void)
{
  g_autofree char *path = distretto_test_real_path ("nuts-geo-2024-20m", "NUTS_RG_20M_2024_3035.geojson");
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  guint n = 0;

  if (path == NULL)
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }

  file = g_file_new_for_path (path);
  boundaries = distretto_boundaries_load_file (file, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < distretto_boundaries_get_n_regions (boundaries); i++)
    {
      const char *code = distretto_boundaries_get_code_at (boundaries, i);

      if (!distretto_nuts_has_code (code, 2024))
        g_error ("%s is not in NUTS 2024", code);
      /* The names are GISCO's own, with runs of spaces made one. */
      {
        g_auto(GStrv) words = g_strsplit_set (distretto_boundaries_get_name (boundaries, code), " ", -1);
        g_autoptr(GString) name = g_string_new (NULL);

        for (guint w = 0; words[w] != NULL; w++)
          if (words[w][0] != '\0')
            g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", words[w]);
        g_assert_cmpstr (distretto_nuts_get_name (code, 2024), ==, name->str);
      }
    }

  codes = distretto_nuts_dup_codes (2024, -1);
  for (guint i = 0; codes[i] != NULL; i++)
    if (!distretto_nuts_code_is_extra_regio (codes[i]))
      {
        g_assert_true (distretto_boundaries_has_region (boundaries, codes[i]));
        n++;
      }
  g_assert_cmpuint (n, ==, distretto_boundaries_get_n_regions (boundaries));
  g_assert_cmpint (distretto_boundaries_guess_nuts_version (boundaries), ==, 2024);
}

/* GISCO's NUTS 2021 boundaries (one file per level) are told from 2024's
 * by the UK and NL31. */
static void
test_gisco_2021 (void)
{
  g_autofree char *path = distretto_test_real_path ("nuts-geo-2021-60m", "NUTS_RG_60M_2021_3035_LEVL_2.geojson");
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }

  file = g_file_new_for_path (path);
  boundaries = distretto_boundaries_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (distretto_boundaries_guess_nuts_version (boundaries), ==, 2021);
}

static void
test_names (void)
{
  /* Eurostat's 2013 → 2016 sheet: FR24 recoded and relabelled. */
  g_assert_cmpstr (distretto_nuts_get_name ("FR24", 2013), ==, "Centre");
  g_assert_cmpstr (distretto_nuts_get_name ("FRB0", 2016), ==, "Centre — Val de Loire");
  g_assert_null (distretto_nuts_get_name ("FR24", 2016));
  /* Version 0: the newest that has the code. */
  g_assert_cmpstr (distretto_nuts_get_name ("FR21", 0), ==, "Champagne-Ardenne");

  /* GISCO 2024: NAME_LATN "Attiki", NUTS_NAME "Aττική" (with a Latin A). */
  g_assert_cmpstr (distretto_nuts_get_name ("EL30", 2024), ==, "Attiki");
  g_assert_cmpstr (distretto_nuts_get_national_name ("EL30", 2024), ==, "A\u03c4\u03c4\u03b9\u03ba\u03ae");
  /* Latin-script countries: the same name. */
  g_assert_cmpstr (distretto_nuts_get_national_name ("ITH5", 2024), ==, "Emilia-Romagna");
  /* GR is Greece's code before NUTS 2010. */
  g_assert_cmpstr (distretto_nuts_get_name ("GR30", 0), ==, "Attiki");
  g_assert_null (distretto_nuts_get_name ("XX11", 0));

  g_assert_cmpstr (distretto_nuts_get_languages ("BE")[1], ==, "fr");
  g_assert_null (distretto_nuts_get_languages ("US")[0]);
}

static void
test_display_name (void)
{
  g_autoptr(DistrettoRegion) attiki = distretto_region_new ("EL30");
  g_autoptr(DistrettoRegion) code_only = distretto_region_new ("ITH5");
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

  distretto_region_set_name (attiki, "Attiki");
  distretto_region_set_national_name (attiki, "Αττική");

  g_setenv ("LANGUAGE", "el_GR.UTF-8", TRUE);
  g_assert_cmpstr (distretto_region_get_display_name (attiki), ==, "Αττική");
  g_setenv ("LANGUAGE", "it:en", TRUE);
  g_assert_cmpstr (distretto_region_get_display_name (attiki), ==, "Attiki");
  g_assert_cmpstr (distretto_region_get_display_name (code_only), ==, "ITH5");

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_recode_codes (void)
{
  static const struct
  {
    const char *code;
    int from;
    int to;
    DistrettoNutsChange change;
    const char *targets[5];
  } cases[] = {
    /* Eurostat's 2013 → 2016 NUTS-2 sheet. */
    { "FR21", 2013, 2016, DISTRETTO_NUTS_CHANGE_RECODED, { "FRF2" } },
    { "FR24", 0, 2024, DISTRETTO_NUTS_CHANGE_RECODED, { "FRB0" } },
    { "FR10", 2013, 2024, DISTRETTO_NUTS_CHANGE_SAME, { "FR10" } },
    { "HU10", 2013, 2024, DISTRETTO_NUTS_CHANGE_SPLIT, { "HU11", "HU12" } },
    { "IE01", 2013, 2016, DISTRETTO_NUTS_CHANGE_BOUNDARY, { "IE04", "IE05", "IE06" } },
    /* Going back in time, a split is a merge. */
    { "HU11", 2016, 2013, DISTRETTO_NUTS_CHANGE_MERGED, { "HU10" } },
    { "FRF2", 2024, 2010, DISTRETTO_NUTS_CHANGE_RECODED, { "FR21" } },
    /* 2010 → 2013: EL11 became EL51; GR11 is its NUTS 2006 spelling. */
    { "EL11", 0, 2024, DISTRETTO_NUTS_CHANGE_RECODED, { "EL51" } },
    { "GR11", 0, 2024, DISTRETTO_NUTS_CHANGE_RECODED, { "EL51" } },
    { "GR30", 0, 2024, DISTRETTO_NUTS_CHANGE_RECODED, { "EL30" } },
    /* 2013 → 2016 NUTS-3 sheet: DE91C=DE915+DE919. */
    { "DE915", 2013, 2024, DISTRETTO_NUTS_CHANGE_MERGED, { "DE91C" } },
    /* 2016 → 2021: HR04 split into HR02, HR05, HR06. */
    { "HR04", 2016, 2021, DISTRETTO_NUTS_CHANGE_SPLIT, { "HR02", "HR05", "HR06" } },
    /* 2021 → 2024: PT17 split into PT1A and PT1B. */
    { "PT17", 2021, 2024, DISTRETTO_NUTS_CHANGE_SPLIT, { "PT1A", "PT1B" } },
    /* Troms (NO072) merged in 2021, again on its own in 2024. */
    { "NO072", 2016, 2024, DISTRETTO_NUTS_CHANGE_SAME, { "NO072" } },
    { "NO072", 2016, 2021, DISTRETTO_NUTS_CHANGE_MERGED, { "NO074" } },
    /* The UK left NUTS in 2024. */
    { "UKC1", 2021, 2024, DISTRETTO_NUTS_CHANGE_DISCONTINUED, { NULL } },
    /* NUTS 2006 (DE41 became part of DE40 in 2010), and not in 2016. */
    { "DE41", 0, 2024, DISTRETTO_NUTS_CHANGE_UNKNOWN, { NULL } },
    { "FR21", 2016, 2024, DISTRETTO_NUTS_CHANGE_UNKNOWN, { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) targets = NULL;
      DistrettoNutsChange change;

      g_test_message ("%s %d → %d", cases[i].code, cases[i].from, cases[i].to);
      change = distretto_nuts_recode (cases[i].code, cases[i].from, cases[i].to, &targets);
      g_assert_cmpint (change, ==, cases[i].change);
      if (cases[i].targets[0] == NULL)
        g_assert_true (targets == NULL || targets[0] == NULL);
      else
        assert_strv (targets, cases[i].targets);
    }
}

static void
test_equivalent (void)
{
  g_auto(GStrv) hu10 = distretto_nuts_dup_equivalent ("HU10", 2013, 2016);
  g_auto(GStrv) hu11 = distretto_nuts_dup_equivalent ("HU11", 2016, 2013);
  g_auto(GStrv) frf2 = distretto_nuts_dup_equivalent ("FRF2", 2024, 2013);
  g_auto(GStrv) de91c = distretto_nuts_dup_equivalent ("DE91C", 2024, 2013);
  g_auto(GStrv) ie04 = distretto_nuts_dup_equivalent ("IE04", 2016, 2013);
  g_auto(GStrv) same = distretto_nuts_dup_equivalent ("ITH5", 2024, 2010);

  assert_strv (hu10, (const char *[]) { "HU11", "HU12", NULL });
  g_assert_null (hu11);
  assert_strv (frf2, (const char *[]) { "FR21", NULL });
  assert_strv (de91c, (const char *[]) { "DE915", "DE919", NULL });
  g_assert_null (ie04);
  assert_strv (same, (const char *[]) { "ITH5", NULL });
}

static void
test_guess_version (void)
{
  const char *uk[] = { "UKC1", "FR10", "DE11", NULL };
  const char *nl[] = { "FR10", "NL35", NULL };
  const char *old[] = { "FR21", "FR10", NULL };
  const char *shared[] = { "FR10", "ITH5", NULL };
  const char *none[] = { "US", "EU27_2020", NULL };

  g_assert_cmpint (distretto_nuts_guess_version (uk), ==, 2021);
  g_assert_cmpint (distretto_nuts_guess_version (nl), ==, 2024);
  g_assert_cmpint (distretto_nuts_guess_version (old), ==, 2013);
  g_assert_cmpint (distretto_nuts_guess_version (shared), ==, 2024);
  g_assert_cmpint (distretto_nuts_guess_version (none), ==, 0);
}

static gpointer
recode_in_thread (gpointer data)
{
  g_auto(GStrv) targets = NULL;

  return GINT_TO_POINTER (distretto_nuts_recode ("FR21", 0, 2024, &targets) == DISTRETTO_NUTS_CHANGE_RECODED &&
                          g_strcmp0 (targets[0], "FRF2") == 0);
}

/* Four threads reading the tables for the first time at once. */
static void
test_threads (void)
{
  if (g_test_subprocess ())
    {
      GThread *threads[4];

      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("nuts", recode_in_thread, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* nama_10r_2gdp (extracted 2017) has NUTS 2013 codes: FR21 carries its
 * values to FRF2, recoded; every French NUTS 2 region ends on a region of
 * the 2024 boundaries. */
static void
test_dataset_french (void)
{
  g_autoptr(DistrettoDataset) original = load_real ("eurostat-tsv-2017", "nama_10r_2gdp.tsv");
  g_autofree char *geo = distretto_test_real_path ("nuts-geo-2024-20m", "NUTS_RG_20M_2024_3035.geojson");
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoNutsReport) report = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoFlags flags;
  DistrettoRegion *fr21;
  const char *mio_eur;
  guint n_french = 0;
  int entry;

  if (original == NULL || geo == NULL)
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }

  file = g_file_new_for_path (geo);
  boundaries = distretto_boundaries_load_file (file, NULL, &error);
  g_assert_no_error (error);

  dataset = distretto_dataset_recode_nuts (original, distretto_boundaries_guess_nuts_version (boundaries), &report);
  g_assert_true (distretto_dataset_get_original (dataset) == original);
  g_assert_cmpint (distretto_dataset_get_nuts_version (dataset), ==, 2024);
  mio_eur = find_series (dataset, "MIO_EUR");

  /* awk -F'\t' '$1=="MIO_EUR,FR21"' nama_10r_2gdp.tsv: 2014 37811 … 2000 31122;
   * FR24 (now FRB0) 2000: 53848. */
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, mio_eur, "FRF2", 2014, &flags), ==, 37811);
  g_assert_true (flags & DISTRETTO_FLAGS_RECODED);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, mio_eur, "FRF2", 2000, NULL), ==, 31122);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, mio_eur, "FRB0", 2000, NULL), ==, 53848);
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "FRB0")), ==,
                   "Centre — Val de Loire");

  /* The old code keeps its values, out of rankings and maps. */
  fr21 = distretto_dataset_get_region (dataset, "FR21");
  g_assert_true (distretto_region_is_abolished (fr21));
  g_assert_cmpint (distretto_region_get_nuts_version (fr21), ==, 2013);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, mio_eur, "FR21", 2014, &flags), ==, 37811);
  g_assert_false (flags & DISTRETTO_FLAGS_RECODED);
  g_assert_false (distretto_region_is_abolished (distretto_dataset_get_region (dataset, "FR10")));
  /* The original is as it was. */
  g_assert_false (distretto_region_is_abolished (distretto_dataset_get_region (original, "FR21")));
  g_assert_null (distretto_dataset_get_region (original, "FRF2"));

  /* Six units × 15 years, every cell given (awk above): 90 values. */
  entry = distretto_nuts_report_find (report, "FR21");
  g_assert_cmpint (entry, >=, 0);
  g_assert_cmpint (distretto_nuts_report_get_change (report, entry), ==, DISTRETTO_NUTS_CHANGE_RECODED);
  g_assert_cmpint (distretto_nuts_report_get_code_version (report, entry), ==, 2013);
  g_assert_cmpstr (distretto_nuts_report_get_targets (report, entry)[0], ==, "FRF2");
  g_assert_cmpuint (distretto_nuts_report_get_n_carried (report, entry), ==, 90);
  g_assert_cmpuint (distretto_nuts_report_get_n_dropped (report, entry), ==, 0);

  /* awk: 27 rows "MIO_EUR,FR.." at NUTS 2 (22 in Europe, 5 overseas). */
  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);
      const char *code = distretto_region_get_code (region);

      if (distretto_region_get_level (region) != 2 || !g_str_has_prefix (code, "FR") ||
          distretto_region_is_extra_regio (region) || distretto_region_is_abolished (region))
        continue;
      n_french++;
      g_assert_true (distretto_boundaries_has_region (boundaries, code));
      g_assert_false (isnan (distretto_dataset_get_value (dataset, mio_eur, code, 2014, NULL)));
    }
  g_assert_cmpuint (n_french, ==, 27);

  /* HU10 was split: HU11 and HU12 get nothing. */
  g_assert_null (distretto_dataset_get_region (dataset, "HU11"));
  entry = distretto_nuts_report_find (report, "HU10");
  g_assert_cmpint (distretto_nuts_report_get_change (report, entry), ==, DISTRETTO_NUTS_CHANGE_SPLIT);
  g_assert_cmpuint (distretto_nuts_report_get_n_dropped (report, entry), ==, 90);
  g_assert_true (distretto_region_is_abolished (distretto_dataset_get_region (dataset, "HU10")));

  /* NUTS 2024 has no UK: its regions stay as they are. */
  g_assert_false (distretto_region_is_abolished (distretto_dataset_get_region (dataset, "UKC1")));
  entry = distretto_nuts_report_find (report, "UKC1");
  g_assert_false (distretto_nuts_report_is_abolished (report, entry));
}

/* The value of the map table's row that starts with @start, which has a
 * class: NaN if there is no such row. */
static double
map_row_value (const char *table,
               const char *start)
{
  g_auto(GStrv) lines = g_strsplit (table, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], start))
      {
        g_auto(GStrv) fields = g_strsplit (lines[i] + strlen (start), ",", -1);

        g_assert_cmpuint (g_strv_length (fields), ==, 2);
        g_assert_cmpstr (fields[1], !=, "");
        return g_ascii_strtod (fields[0], NULL);
      }

  return NAN;
}

/* The recoded data on the NUTS 2024 map: FRF2 has a value and a class. */
static void
test_dataset_on_map (void)
{
  /* tgs00042 (GERD, % of GDP): FR21 2013 0.76, FRF2 2021 0.85 and 2023
   * 0.62, FR24 2013 1.63, FRB0 2021 1.5 (awk -F, '$10 ~ /^FR/ {print $10,
   * $12, $14}' eurostat_tgs00042_gerd_rd_expenditure.csv). The last line is
   * made up: FRF2's own value of 2021 wins over it. */
  g_autoptr(DistrettoDataset) original =
    load_text ("gerd.csv", "region,indicator,year,value\n"
                           "FR21,gerd,2013,0.76\nFRF2,gerd,2021,0.85\nFRF2,gerd,2023,0.62\n"
                           "FR24,gerd,2013,1.63\nFRB0,gerd,2021,1.5\nFR21,gerd,2021,0.99\n");
  g_autofree char *geo = distretto_test_real_path ("nuts-geo-2024-20m", "NUTS_RG_20M_2024_3035.geojson");
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoNutsReport) report = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *table = NULL;
  DistrettoFlags flags;
  int entry;

  dataset = distretto_dataset_recode_nuts (original, 2024, &report);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "gerd", "FRF2", 2013, &flags), ==, 0.76);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_RECODED);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "gerd", "FRF2", 2021, &flags), ==, 0.85);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_NONE);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "gerd", "FRB0", 2013, NULL), ==, 1.63);
  entry = distretto_nuts_report_find (report, "FR21");
  g_assert_cmpuint (distretto_nuts_report_get_n_carried (report, entry), ==, 1);
  g_assert_cmpuint (distretto_nuts_report_get_n_dropped (report, entry), ==, 1);

  if (geo == NULL)
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }

  file = g_file_new_for_path (geo);
  boundaries = distretto_boundaries_load_file (file, NULL, &error);
  g_assert_no_error (error);
  chart = distretto_chart_new_map ("GERD", boundaries);
  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);
      const char *code = distretto_region_get_code (region);

      if (!distretto_region_is_abolished (region))
        distretto_chart_add_bar (chart, code, distretto_region_get_display_name (region),
                                 distretto_dataset_get_value (dataset, "gerd", code, 2013, NULL));
    }
  table = distretto_chart_dup_table (chart);
  g_assert_cmpfloat (map_row_value (table, "FRF2,Champagne-Ardenne,"), ==, 0.76);
  g_assert_cmpfloat (map_row_value (table, "FRB0,Centre — Val de Loire,"), ==, 1.63);
  g_assert_null (strstr (table, "FR21"));
}

/* tgs00050 keeps HU10 for 2011-2017 and HU11/HU12 from 2018: HU10 was
 * split, so HU11 has no value before 2018. The values are made up. */
static void
test_dataset_split (void)
{
  g_autoptr(DistrettoDataset) original =
    load_text ("internet.csv", "region,indicator,year,value\n"
                               "HU10,internet,2016,80\nHU10,internet,2017,82\n"
                               "HU11,internet,2018,88\nHU12,internet,2018,81\n");
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoNutsReport) report = NULL;
  DistrettoFlags flags;
  int entry;

  dataset = distretto_dataset_recode_nuts (original, 2024, &report);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "internet", "HU11", 2017, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_NONE);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "internet", "HU11", 2018, NULL), ==, 88);
  g_assert_true (distretto_region_is_abolished (distretto_dataset_get_region (dataset, "HU10")));
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "HU11")), ==, "Budapest");

  entry = distretto_nuts_report_find (report, "HU10");
  g_assert_cmpint (distretto_nuts_report_get_change (report, entry), ==, DISTRETTO_NUTS_CHANGE_SPLIT);
  g_assert_cmpuint (distretto_nuts_report_get_n_dropped (report, entry), ==, 2);
  g_assert_cmpuint (distretto_nuts_report_get_n_entries (report), ==, 1);

  /* Brought back to NUTS 2013, HU11 and HU12 make HU10 again, but shares
   * do not add up (a tidy CSV gives no unit). */
  g_clear_object (&report);
  g_clear_object (&dataset);
  dataset = distretto_dataset_recode_nuts (original, 2013, &report);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "internet", "HU10", 2018, NULL)));
  entry = distretto_nuts_report_find (report, "HU11");
  g_assert_cmpint (distretto_nuts_report_get_change (report, entry), ==, DISTRETTO_NUTS_CHANGE_MERGED);
  g_assert_cmpuint (distretto_nuts_report_get_n_dropped (report, entry), ==, 1);
}

/* Göttingen (DE915) and Osterode am Harz (DE919) became DE91C in 2016:
 * thousand persons add up, percentages do not. Values made up: 2014,
 * 100 + 20 = 120; 2013, DE919 missing, no sum. */
static void
test_dataset_merge (void)
{
  g_autoptr(DistrettoDataset) original =
    load_text ("emp.tsv", "unit,geo\\time\t2014 \t2013 \n"
                          "THS,DE915\t100 \t110 \nTHS,DE919\t20 e\t: \n"
                          "PC,DE915\t1.5 \t1.6 \nPC,DE919\t2.5 \t2.6 \n");
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoNutsReport) report = NULL;
  const char *ths, *pc;
  DistrettoFlags flags;
  int entry;

  dataset = distretto_dataset_recode_nuts (original, 2024, &report);
  ths = find_series (dataset, "THS");
  pc = find_series (dataset, "PC");
  g_assert_true (distretto_series_is_additive (distretto_dataset_get_series (dataset, ths)));
  g_assert_false (distretto_series_is_additive (distretto_dataset_get_series (dataset, pc)));

  g_assert_cmpfloat (distretto_dataset_get_value (dataset, ths, "DE91C", 2014, &flags), ==, 120);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_RECODED | DISTRETTO_FLAGS_ESTIMATED);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, ths, "DE91C", 2013, NULL)));
  g_assert_true (isnan (distretto_dataset_get_value (dataset, pc, "DE91C", 2014, NULL)));
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "DE91C")), ==, "Göttingen");

  /* Each part: four cells, one summed. */
  entry = distretto_nuts_report_find (report, "DE919");
  g_assert_cmpint (distretto_nuts_report_get_change (report, entry), ==, DISTRETTO_NUTS_CHANGE_MERGED);
  g_assert_cmpstr (distretto_nuts_report_get_targets (report, entry)[0], ==, "DE91C");
  g_assert_cmpuint (distretto_nuts_report_get_n_carried (report, entry), ==, 1);
  g_assert_cmpuint (distretto_nuts_report_get_n_dropped (report, entry), ==, 3);
}

/* The 2011 bulk TSV writes Greece GR (NUTS 2006): tgs00038's GR30 is
 * EL30, GR11 is EL51 (zcat tgs00038.tsv.gz | awk '$1=="GR11"': 1998
 * "16.3 b", 2009 "24.2"). */
static void
test_dataset_greece (void)
{
  g_autoptr(DistrettoDataset) original = load_real ("eurostat-regional-extra/sci-tech-tgs-tsv-2011", "tgs00038.tsv.gz");
  g_autoptr(DistrettoDataset) dataset = NULL;
  const char *series;
  DistrettoFlags flags;

  if (original == NULL)
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }

  dataset = distretto_dataset_recode_nuts (original, 2024, NULL);
  series = distretto_dataset_get_series_code (dataset, 0);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, series, "EL51", 1998, &flags), ==, 16.3);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_RECODED | DISTRETTO_FLAGS_BREAK);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, series, "EL51", 2009, NULL), ==, 24.2);
  g_assert_nonnull (distretto_dataset_get_region (dataset, "EL30"));
  g_assert_true (distretto_region_is_abolished (distretto_dataset_get_region (dataset, "GR30")));
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "EL30")), ==, "Attiki");
}

/* A recoded dataset brought to another version starts from its original. */
static void
test_dataset_retarget (void)
{
  g_autoptr(DistrettoDataset) original =
    load_text ("utrecht.csv", "region,indicator,year,value\nNL31,pop,2020,1.4\nNL35,pop,2024,1.5\nUKC1,pop,2019,1.2\n");
  g_autoptr(DistrettoDataset) to_2024 = distretto_dataset_recode_nuts (original, 2024, NULL);
  g_autoptr(DistrettoDataset) to_2021 = NULL;
  g_autoptr(DistrettoNutsReport) report = NULL;

  /* NL31's border moved in 2024: nothing carried. */
  g_assert_true (distretto_region_is_abolished (distretto_dataset_get_region (to_2024, "NL31")));
  g_assert_true (isnan (distretto_dataset_get_value (to_2024, "pop", "NL35", 2020, NULL)));
  g_assert_false (distretto_region_is_abolished (distretto_dataset_get_region (to_2024, "UKC1")));

  to_2021 = distretto_dataset_recode_nuts (to_2024, 2021, &report);
  g_assert_true (distretto_dataset_get_original (to_2021) == original);
  g_assert_cmpint (distretto_dataset_get_nuts_version (to_2021), ==, 2021);
  g_assert_false (distretto_region_is_abolished (distretto_dataset_get_region (to_2021, "NL31")));
  g_assert_true (distretto_region_is_abolished (distretto_dataset_get_region (to_2021, "NL35")));
  g_assert_false (distretto_region_is_abolished (distretto_dataset_get_region (to_2021, "UKC1")));
  g_assert_cmpuint (distretto_nuts_report_get_n_entries (report), ==, 1);
  g_assert_cmpint (distretto_nuts_report_get_change (report, 0), ==, DISTRETTO_NUTS_CHANGE_BOUNDARY);
  g_assert_cmpint (distretto_nuts_report_get_code_version (report, 0), ==, 2024);
}

/* Code-only data gets the names of its version; unknown codes and
 * aggregates keep theirs. */
static void
test_dataset_names (void)
{
  g_autoptr(DistrettoDataset) original =
    load_text ("names.csv", "region,indicator,year,value\nITH5,x,2020,1\nEL30,x,2020,1\nDE41,x,2005,1\n"
                            "EU27_2020,x,2020,1\n");
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoNutsReport) report = NULL;
  g_autofree char *line = NULL;
  DistrettoRegion *region;

  g_assert_null (distretto_region_get_name (distretto_dataset_get_region (original, "ITH5")));
  dataset = distretto_dataset_recode_nuts (original, 2024, &report);
  g_assert_cmpstr (distretto_region_get_display_name (distretto_dataset_get_region (dataset, "ITH5")), ==,
                   "Emilia-Romagna");
  region = distretto_dataset_get_region (dataset, "EL30");
  g_assert_cmpstr (distretto_region_get_name (region), ==, "Attiki");
  g_assert_cmpstr (distretto_region_get_national_name (region), ==, "A\u03c4\u03c4\u03b9\u03ba\u03ae");
  g_assert_null (distretto_region_get_name (distretto_dataset_get_region (dataset, "DE41")));

  /* DE41 (NUTS 2006) is reported unknown, the aggregate is not reported. */
  g_assert_cmpuint (distretto_nuts_report_get_n_entries (report), ==, 1);
  g_assert_cmpint (distretto_nuts_report_get_change (report, 0), ==, DISTRETTO_NUTS_CHANGE_UNKNOWN);
  g_assert_false (distretto_region_is_abolished (distretto_dataset_get_region (dataset, "DE41")));
  line = distretto_nuts_report_describe (report, 0);
  g_assert_nonnull (strstr (line, "DE41"));
}

/* The index scores no abolished region. */
static void
test_dataset_index (void)
{
  /* HU10 (split in 2016, so abolished) would stretch the scale if it counted. */
  g_autoptr(DistrettoDataset) original =
    load_text ("gerd.csv", "region,indicator,year,value\nFR21,gerd,2013,0.76\nFR24,gerd,2013,1.63\nFR10,gerd,2013,2.9\n"
                           "HU10,gerd,2013,9.0\n");
  g_autoptr(DistrettoDataset) dataset = distretto_dataset_recode_nuts (original, 2024, NULL);
  g_autoptr(DistrettoSubIndicator) sub = distretto_sub_indicator_new ("gerd", "GERD", "gerd");
  g_autoptr(DistrettoPillar) pillar = distretto_pillar_new ("rd", "R&D");
  g_autoptr(DistrettoMethod) method = distretto_method_new ();
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  DistrettoPillar *pillars[] = { pillar };
  double score;

  distretto_pillar_add_sub_indicator (pillar, sub);
  distretto_method_set_across_pillars (method, DISTRETTO_AGGREGATION_ARITHMETIC);
  distretto_method_set_imputation (method, DISTRETTO_IMPUTATION_NONE);
  result = distretto_index_compute (pillars, 1, method, dataset, 2013);
  /* Min–max over FRF2 0.76, FRB0 1.63, FR10 2.9: FRB0 (1.63 - 0.76) / 2.14. */
  g_assert_true (distretto_indicator_result_lookup (result, "FRB0", &score, NULL));
  g_assert_cmpfloat_with_epsilon (score, 100 * 0.87 / 2.14, 1e-9);
  g_assert_false (distretto_indicator_result_lookup (result, "FR21", &score, NULL) && isfinite (score));
  g_assert_false (distretto_indicator_result_lookup (result, "HU10", &score, NULL) && isfinite (score));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Nuts/threads", test_threads);
  g_test_add_func ("/Distretto/Nuts/versions", test_versions);
  g_test_add_func ("/Distretto/Nuts/counts", test_counts);
  g_test_add_func ("/Distretto/Nuts/gisco-2024", test_gisco_2024);
  g_test_add_func ("/Distretto/Nuts/gisco-2021", test_gisco_2021);
  g_test_add_func ("/Distretto/Nuts/names", test_names);
  g_test_add_func ("/Distretto/Nuts/display-name", test_display_name);
  g_test_add_func ("/Distretto/Nuts/recode", test_recode_codes);
  g_test_add_func ("/Distretto/Nuts/equivalent", test_equivalent);
  g_test_add_func ("/Distretto/Nuts/guess-version", test_guess_version);
  g_test_add_func ("/Distretto/Nuts/dataset/french", test_dataset_french);
  g_test_add_func ("/Distretto/Nuts/dataset/on-map", test_dataset_on_map);
  g_test_add_func ("/Distretto/Nuts/dataset/split", test_dataset_split);
  g_test_add_func ("/Distretto/Nuts/dataset/merge", test_dataset_merge);
  g_test_add_func ("/Distretto/Nuts/dataset/greece", test_dataset_greece);
  g_test_add_func ("/Distretto/Nuts/dataset/retarget", test_dataset_retarget);
  g_test_add_func ("/Distretto/Nuts/dataset/names", test_dataset_names);
  g_test_add_func ("/Distretto/Nuts/dataset/index", test_dataset_index);

  return g_test_run ();
}

/* test-demo-dataset.c: the embedded demo dataset, and its names against
 * Eurostat's NUTS 2024 labels when ../shared/data/real is there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "distretto-demo.h"

static const char *required_districts[] = {
  "ES522", "ES521", "ITH33", "ITH32", "ITH34", "ITI14", "ITI15", "FI19A",
};

/* The series without a Eurostat table, under the plain names the
 * modules document. */
static const char *plain_series[] = {
  "ris_sme_product_innovators", "ris_innovative_smes_collaborating", "ris_digital_skills_above_basic", "qog_eqi",
  NULL
};

static void
test_demo_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = distretto_demo_dataset_load (&error);
  const char *countries[] = { "IT", "ES", "FI", "DE", "FR", "PL" };
  guint level2[G_N_ELEMENTS (countries)] = { 0 };
  guint level0 = 0, level1 = 0, flagged = 0, missing = 0, eurostat_flags = 0;
  DistrettoRegion *eu;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);
      int level = distretto_region_get_level (region);

      g_assert_nonnull (distretto_region_get_name (region));
      g_assert_cmpint (distretto_region_get_nuts_version (region), ==, 2024);
      g_assert_false (distretto_region_is_extra_regio (region));
      level0 += level == 0;
      level1 += level == 1;
      for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
        if (level == 2 && g_str_equal (distretto_region_get_country_code (region), countries[c]))
          level2[c]++;

      /* Every value is flagged synthetic; some carry Eurostat's flags too. */
      for (guint s = 0; s < distretto_dataset_get_n_series (dataset); s++)
        for (int y = distretto_dataset_get_first_year (dataset); y <= distretto_dataset_get_last_year (dataset); y++)
          {
            DistrettoFlags flags;
            double v = distretto_dataset_get_value_at (dataset, s, i, y, &flags);

            if (isnan (v) && flags == DISTRETTO_FLAGS_NONE)
              continue;
            g_assert_cmpint (flags & DISTRETTO_FLAGS_SYNTHETIC, ==, DISTRETTO_FLAGS_SYNTHETIC);
            flagged++;
            missing += isnan (v);
            eurostat_flags += (flags & (DISTRETTO_FLAGS_LOW_RELIABILITY | DISTRETTO_FLAGS_BREAK |
                                        DISTRETTO_FLAGS_ESTIMATED | DISTRETTO_FLAGS_PROVISIONAL)) != 0;
          }
    }

  g_assert_cmpuint (flagged, >, 50000);
  g_assert_cmpuint (missing, >, 0);
  g_assert_cmpuint (eurostat_flags, >, 100);

  /* NUTS 2024 counts, Extra-Regio excluded; the six countries, and the
   * German NUTS 1 regions the digital-use tables are published for. */
  g_assert_cmpuint (level2[0], ==, 21);
  g_assert_cmpuint (level2[1], ==, 19);
  g_assert_cmpuint (level2[2], ==, 5);
  g_assert_cmpuint (level2[3], ==, 38);
  g_assert_cmpuint (level2[4], ==, 27);
  g_assert_cmpuint (level2[5], ==, 17);
  g_assert_cmpuint (level0, ==, 6);
  g_assert_cmpuint (level1, ==, 16);

  eu = distretto_dataset_get_region (dataset, "EU27_2020");
  g_assert_nonnull (eu);
  g_assert_cmpint (distretto_region_get_level (eu), ==, DISTRETTO_REGION_LEVEL_AGGREGATE);

  for (guint i = 0; i < G_N_ELEMENTS (required_districts); i++)
    {
      DistrettoRegion *district = distretto_dataset_get_region (dataset, required_districts[i]);
      double total;

      g_assert_nonnull (district);
      g_assert_cmpint (distretto_region_get_level (district), ==, 3);

      /* Employment at NUTS 3 comes from the regional accounts only, as
       * Eurostat publishes it. */
      total = distretto_dataset_get_selected_value (dataset, "nama_10r_3empers?nace_r2=TOTAL&wstatus=EMP&unit=THS",
                                                    required_districts[i], 2020, NULL);
      g_assert_cmpfloat (total, >, 50.0);
      g_assert_true (isnan (distretto_dataset_get_selected_value (dataset,
                                                                  "lfst_r_lfe2en2?nace_r2=TOTAL&age=Y15-64&sex=T&unit=THS",
                                                                  required_districts[i], 2020, NULL)));
    }
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "ES522")), ==, "Castellón/Castelló");
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "FI19A")), ==, "Pohjanmaa");

  /* Eurostat tables keep their codes and dimensions, as any imported
   * SDMX-CSV file; the other series their plain names. */
  for (guint s = 0; s < distretto_dataset_get_n_series (dataset); s++)
    {
      DistrettoSeries *series = distretto_dataset_get_series_at (dataset, s);

      if (!g_strv_contains (plain_series, distretto_series_get_code (series)))
        {
          g_assert_nonnull (distretto_series_get_table (series));
          g_assert_cmpuint (distretto_series_get_n_dimensions (series), >=, 1);
        }
    }
  for (guint i = 0; plain_series[i] != NULL; i++)
    g_assert_true (distretto_dataset_has_series (dataset, plain_series[i]));

  g_assert_cmpint (distretto_dataset_get_last_year (dataset), ==, 2023);
}

/* Manufacturing and high-tech manufacturing go together in the demo, as
 * they do in reality, and KIBS with digital use: the generator draws
 * them from shared traits. Pearson correlations over the NUTS 2 regions
 * in 2022. */
static double
correlation (DistrettoDataset *dataset,
             const char       *x_selector,
             const char       *x_denominator,
             const char       *y_selector,
             int               y_parent_level)
{
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  guint n = 0;

  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);
      g_autofree char *y_code = NULL;
      double x, y;

      if (distretto_region_get_level (region) != 2)
        continue;

      x = distretto_dataset_get_selected_value (dataset, x_selector, distretto_region_get_code (region), 2022, NULL);
      if (x_denominator != NULL)
        x /= distretto_dataset_get_selected_value (dataset, x_denominator, distretto_region_get_code (region), 2022,
                                                   NULL);
      y_code = g_strndup (distretto_region_get_code (region), 2 + y_parent_level);
      y = distretto_dataset_get_selected_value (dataset, y_selector, distretto_region_get_code (region), 2022, NULL);
      if (isnan (y))
        y = distretto_dataset_get_selected_value (dataset, y_selector, y_code, 2022, NULL);
      if (isnan (x) || isnan (y))
        continue;

      sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y; n++;
    }

  /* German regions have digital-use values at NUTS 1 only. */
  g_assert_cmpuint (n, >=, 89);
  return (n * sxy - sx * sy) / sqrt ((n * sxx - sx * sx) * (n * syy - sy * sy));
}

static void
test_demo_correlations (void)
{
  g_autoptr(DistrettoDataset) dataset = distretto_demo_dataset_load (NULL);

  g_assert_cmpfloat (correlation (dataset, "lfst_r_lfe2en2?nace_r2=C&age=Y15-64&sex=T&unit=THS",
                                  "lfst_r_lfe2en2?nace_r2=TOTAL&age=Y15-64&sex=T&unit=THS",
                                  "htec_emp_reg2?nace_r2=C_HTC_MH&unit=PC_EMP&sex=T", 2), >, 0.5);
  g_assert_cmpfloat (correlation (dataset, "lfst_r_lfe2en2?nace_r2=M_N&age=Y15-64&sex=T&unit=THS",
                                  "lfst_r_lfe2en2?nace_r2=TOTAL&age=Y15-64&sex=T&unit=THS",
                                  "isoc_r_iuse_i?indic_is=I_IUSE&unit=PC_IND", 1), >, 0.2);
  g_assert_cmpfloat (correlation (dataset, "isoc_r_iuse_i?indic_is=I_IUSE&unit=PC_IND", NULL,
                                  "isoc_r_cux_i?indic_is=I_CUX&unit=PC_IND", 1), <, -0.5);
}

/* NUTS2021-NUTS2024.csv: `Country code;NUTS Code;NUTS label;NUTS level;…`,
 * UTF-8 with BOM, CRLF. */
static GHashTable *
read_nuts_labels (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_strchomp (lines[i]), ";", -1);

      if (g_strv_length (fields) >= 3 && fields[1][0] != '\0')
        g_hash_table_insert (labels, g_strdup (fields[1]), g_strdup (g_strstrip (fields[2])));
    }

  return labels;
}

static void
test_demo_names_match_eurostat (void)
{
  const char *real = g_getenv ("DISTRETTO_REAL_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) labels = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  guint level2_expected = 0, level2_found = 0;
  GHashTableIter iter;
  gpointer key;

  path = real ? g_build_filename (real, "nuts-labels", "NUTS2021-NUTS2024.csv", NULL) : NULL;
  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data/real/nuts-labels is not there");
      return;
    }

  labels = read_nuts_labels (path);
  dataset = distretto_demo_dataset_load (&error);
  g_assert_no_error (error);

  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);
      const char *label = g_hash_table_lookup (labels, distretto_region_get_code (region));

      /* The labels list NUTS 1–3; countries and the EU are not in it. */
      if (distretto_region_get_level (region) < 1)
        continue;
      if (label == NULL)
        g_error ("%s is not a NUTS 2024 code", distretto_region_get_code (region));
      g_assert_cmpstr (distretto_region_get_national_name (region), ==, label);
      if (distretto_region_get_level (region) == 2)
        level2_found++;
    }

  /* Every NUTS 2 region of the six countries is in the demo. */
  g_hash_table_iter_init (&iter, labels);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *code = key;

      if (distretto_nuts_code_get_level (code) == 2 && !distretto_nuts_code_is_extra_regio (code) &&
          (g_str_has_prefix (code, "IT") || g_str_has_prefix (code, "ES") || g_str_has_prefix (code, "FI") ||
           g_str_has_prefix (code, "DE") || g_str_has_prefix (code, "FR") || g_str_has_prefix (code, "PL")))
        {
          level2_expected++;
          g_assert_nonnull (distretto_dataset_get_region (dataset, code));
        }
    }
  g_assert_cmpuint (level2_found, ==, level2_expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Demo/loads", test_demo_loads);
  g_test_add_func ("/Distretto/Demo/correlations", test_demo_correlations);
  g_test_add_func ("/Distretto/Demo/names-match-eurostat", test_demo_names_match_eurostat);

  return g_test_run ();
}

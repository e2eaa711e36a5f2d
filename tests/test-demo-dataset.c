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

static void
test_demo_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = distretto_demo_dataset_load (&error);
  const char *countries[] = { "IT", "ES", "FI", "DE", "FR", "PL" };
  guint level2[G_N_ELEMENTS (countries)] = { 0 };

  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);

      g_assert_nonnull (distretto_region_get_name (region));
      g_assert_cmpint (distretto_region_get_nuts_version (region), ==, 2024);
      g_assert_false (distretto_region_is_extra_regio (region));
      for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
        if (distretto_region_get_level (region) == 2 &&
            g_str_equal (distretto_region_get_country_code (region), countries[c]))
          level2[c]++;

      /* Every value is flagged synthetic. */
      for (guint s = 0; s < distretto_dataset_get_n_series (dataset); s++)
        for (int y = distretto_dataset_get_first_year (dataset); y <= distretto_dataset_get_last_year (dataset); y++)
          {
            DistrettoFlags flags;
            double v = distretto_dataset_get_value (dataset, distretto_dataset_get_series_code (dataset, s),
                                                    distretto_region_get_code (region), y, &flags);

            g_assert_false (isnan (v));
            g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_SYNTHETIC);
          }
    }

  /* NUTS 2024 counts, Extra-Regio excluded. */
  g_assert_cmpuint (level2[0], ==, 21);
  g_assert_cmpuint (level2[1], ==, 19);
  g_assert_cmpuint (level2[2], ==, 5);
  g_assert_cmpuint (level2[3], ==, 38);
  g_assert_cmpuint (level2[4], ==, 27);
  g_assert_cmpuint (level2[5], ==, 17);

  for (guint i = 0; i < G_N_ELEMENTS (required_districts); i++)
    {
      DistrettoRegion *district = distretto_dataset_get_region (dataset, required_districts[i]);

      g_assert_nonnull (district);
      g_assert_cmpint (distretto_region_get_level (district), ==, 3);
    }
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "ES522")), ==, "Castellón/Castelló");
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "FI19A")), ==, "Pohjanmaa");

  g_assert_true (distretto_dataset_has_series (dataset, "emp_total"));
  g_assert_true (distretto_dataset_has_series (dataset, "emp_kibs"));
  g_assert_true (distretto_dataset_has_series (dataset, "emp_manuf"));
  g_assert_cmpint (distretto_dataset_get_last_year (dataset) - distretto_dataset_get_first_year (dataset), >=, 4);
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
  g_test_add_func ("/Distretto/Demo/names-match-eurostat", test_demo_names_match_eurostat);

  return g_test_run ();
}

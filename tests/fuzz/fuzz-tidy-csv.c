/* fuzz-tidy-csv.c: libFuzzer target for the tidy CSV and region-name readers,
 * and for bringing what they read to one NUTS version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <distretto.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  dataset = distretto_tidy_csv_load_bytes (bytes, "fuzz.csv", &error);

  /* Exactly one of a dataset and an error, and a message people can read. */
  g_assert ((dataset == NULL) != (error == NULL));
  g_assert (error == NULL || g_utf8_validate (error->message, -1, NULL));

  if (dataset != NULL)
    {
      g_clear_error (&error);
      distretto_region_names_load_bytes (dataset, bytes, "fuzz.csv", &error);

      for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
        {
          DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);

          g_assert (distretto_dataset_get_region (dataset, distretto_region_get_code (region)) == region);
          distretto_dataset_get_value (dataset, distretto_dataset_get_series_code (dataset, 0),
                                       distretto_region_get_code (region),
                                       distretto_dataset_get_last_year (dataset), NULL);
        }

      /* Recoding keeps every region and cell, forwards and backwards. */
      for (int version = 2013; version <= 2024; version += 11)
        {
          g_autoptr(DistrettoDataset) recoded = distretto_dataset_recode_nuts (dataset, version, NULL);

          g_assert (distretto_dataset_get_n_regions (recoded) >= distretto_dataset_get_n_regions (dataset));
          g_assert (distretto_dataset_get_n_observations (recoded) >= distretto_dataset_get_n_observations (dataset));
          g_assert (distretto_dataset_get_original (recoded) == dataset);
        }
    }

  return 0;
}

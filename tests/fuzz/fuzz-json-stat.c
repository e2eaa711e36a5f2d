/* fuzz-json-stat.c: libFuzzer target for the JSON-stat importer
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

  /* Only what is detected as JSON-stat (a JSON object that is no
   * GeoJSON): the seeds are. */
  if (distretto_data_format_detect (bytes) != DISTRETTO_DATA_FORMAT_JSON_STAT)
    return 0;

  dataset = distretto_dataset_load_bytes (bytes, "fuzz.json", NULL, &error);

  /* Exactly one of a dataset and an error. */
  g_assert ((dataset == NULL) != (error == NULL));

  if (dataset != NULL)
    {
      DistrettoSource *source = distretto_dataset_get_source_at (dataset, 0);

      g_assert (distretto_dataset_get_n_observations (dataset) > 0);
      g_assert (distretto_source_get_table_code (source) != NULL);

      for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
        {
          DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);

          g_assert (distretto_dataset_get_region (dataset, distretto_region_get_code (region)) == region);
          distretto_region_get_display_name (region);
          distretto_dataset_get_value (dataset, distretto_dataset_get_series_code (dataset, 0),
                                       distretto_region_get_code (region),
                                       distretto_dataset_get_last_year (dataset), NULL);
        }
    }
  else
    {
      g_assert (error->domain == DISTRETTO_IMPORT_ERROR);
      g_assert (g_str_has_prefix (error->message, "fuzz.json:"));
      g_assert (g_utf8_validate (error->message, -1, NULL));
    }

  return 0;
}

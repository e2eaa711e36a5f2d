/* fuzz-eurostat-tsv.c: libFuzzer target for the Eurostat TSV reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <distretto.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GString) text = g_string_new ("unit,geo\\time\t");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  /* Keep the header's start, so the input is read as Eurostat TSV. */
  g_string_append_len (text, (const char *) data, size);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  dataset = distretto_dataset_load_bytes (bytes, "fuzz.tsv", NULL, &error);
  g_assert ((dataset == NULL) != (error == NULL));

  if (dataset != NULL)
    for (guint s = 0; s < distretto_dataset_get_n_series (dataset); s++)
      for (guint r = 0; r < distretto_dataset_get_n_regions (dataset); r++)
        distretto_dataset_get_value (dataset, distretto_dataset_get_series_code (dataset, s),
                                     distretto_region_get_code (distretto_dataset_get_region_at (dataset, r)),
                                     distretto_dataset_get_first_year (dataset), NULL);

  return 0;
}

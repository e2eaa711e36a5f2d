/* fuzz-tidy-csv.c: libFuzzer target for the tidy CSV and region-name readers,
 * and for bringing what they read to one NUTS version; every input is read
 * on one thread and on three, which must give the same
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <distretto.h>
#include <string.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Chunks of 64 bytes: most inputs span several. */
  g_setenv ("DISTRETTO_LOAD_CHUNK_SIZE", "64", TRUE);
  return 0;
}

/* The environment changes between loads only, on this thread; the load
 * threads never read it. */
static DistrettoDataset *
load (GBytes      *bytes,
      const char  *threads,
      GError     **error)
{
  g_setenv ("DISTRETTO_LOAD_THREADS", threads, TRUE);
  return distretto_tidy_csv_load_bytes (bytes, "fuzz.csv", error);
}

/* Every region, series and cell, in the same order, bit for bit. */
static void
assert_same (DistrettoDataset *one,
             DistrettoDataset *many)
{
  int first = distretto_dataset_get_first_year (one);
  int last = distretto_dataset_get_last_year (one);

  g_assert (distretto_dataset_get_n_regions (many) == distretto_dataset_get_n_regions (one));
  for (guint r = 0; r < distretto_dataset_get_n_regions (one); r++)
    {
      DistrettoRegion *a = distretto_dataset_get_region_at (one, r);
      DistrettoRegion *b = distretto_dataset_get_region_at (many, r);

      g_assert (g_str_equal (distretto_region_get_code (a), distretto_region_get_code (b)));
      g_assert (distretto_region_get_nuts_version (a) == distretto_region_get_nuts_version (b));
    }

  g_assert (distretto_dataset_get_n_series (many) == distretto_dataset_get_n_series (one));
  for (guint s = 0; s < distretto_dataset_get_n_series (one); s++)
    g_assert (g_str_equal (distretto_dataset_get_series_code (one, s),
                           distretto_dataset_get_series_code (many, s)));

  g_assert (distretto_dataset_get_first_year (many) == first);
  g_assert (distretto_dataset_get_last_year (many) == last);
  g_assert (distretto_dataset_get_n_observations (many) == distretto_dataset_get_n_observations (one));
  g_assert (distretto_dataset_get_flags_seen (many) == distretto_dataset_get_flags_seen (one));

  for (guint s = 0; s < distretto_dataset_get_n_series (one); s++)
    for (guint r = 0; r < distretto_dataset_get_n_regions (one); r++)
      for (int year = first; year <= last; year++)
        {
          DistrettoFlags flags_one, flags_many;
          double a = distretto_dataset_get_value_at (one, s, r, year, &flags_one);
          double b = distretto_dataset_get_value_at (many, s, r, year, &flags_many);

          g_assert (memcmp (&a, &b, sizeof a) == 0);
          g_assert (flags_one == flags_many);
        }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) one_error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoDataset) one = NULL;

  one = load (bytes, "1", &one_error);
  dataset = load (bytes, "3", &error);

  /* Exactly one of a dataset and an error, and a message people can read. */
  g_assert ((dataset == NULL) != (error == NULL));
  g_assert (error == NULL || g_utf8_validate (error->message, -1, NULL));

  /* On three threads, what one thread gives. */
  if (one == NULL)
    {
      g_assert (error != NULL && error->domain == one_error->domain && error->code == one_error->code);
      g_assert (g_str_equal (error->message, one_error->message));
    }
  else
    {
      g_assert (dataset != NULL);
      assert_same (one, dataset);
    }

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

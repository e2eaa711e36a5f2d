/* fuzz-load.c: libFuzzer target for the whole load of a file's bytes:
 * gzip of any number of members, format detection, every importer, and
 * the boundaries reader
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
  /* Tidy CSV in chunks of 64 bytes on three threads: most inputs span
   * several chunks. */
  g_setenv ("DISTRETTO_LOAD_CHUNK_SIZE", "64", TRUE);
  g_setenv ("DISTRETTO_LOAD_THREADS", "3", TRUE);
  return 0;
}

/* Messages name the file, on one line of valid UTF-8, quoting little. */
static void
check_error (const GError *error,
             const char   *name)
{
  g_assert (g_utf8_validate (error->message, -1, NULL));
  g_assert (g_str_has_prefix (error->message, name));
  g_assert (strchr (error->message, '\n') == NULL);
  g_assert (strlen (error->message) < 600);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  g_autoptr(GBytes) plain = NULL;

  dataset = distretto_dataset_load_bytes (bytes, "fuzz.dat", NULL, &error);
  g_assert ((dataset == NULL) != (error == NULL));
  if (error != NULL)
    check_error (error, "fuzz.dat");
  else
    g_assert (distretto_dataset_get_n_sources (dataset) == 1);
  g_clear_error (&error);

  boundaries = distretto_boundaries_load_bytes (bytes, "fuzz.geojson", &error);
  g_assert ((boundaries == NULL) != (error == NULL));
  if (error != NULL)
    check_error (error, "fuzz.geojson");
  g_clear_error (&error);

  /* Unpacked whole, or refused; never more than the stated bounds. */
  plain = distretto_data_uncompress (bytes, &error);
  g_assert ((plain == NULL) != (error == NULL));
  if (plain != NULL)
    g_assert (g_bytes_get_size (plain) <= MAX (size, 64 * 1024) * 250);

  return 0;
}

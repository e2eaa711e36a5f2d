/* test-peers.c: structurally similar regions, worked by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <distretto.h>
#include <math.h>
#include <string.h>

/* Two structural variables, x and y, in 2020 (NUTS 2):
 *
 *   region   x   y
 *   ITH3     1   0     the region whose peers are sought
 *   ITH4     2   0
 *   ITH5     0   0
 *   ITC1     1   2
 *   ES51     1   1
 *   DE11     4   –     lacks y
 *
 * plus rows that must not count: ITH3's x of 2019 (an older year), DE11's
 * x of 2021 (a year ITH3 has no value for), the EU aggregate (identical
 * to ITH3, never a peer) and a NUTS 3 district.
 *
 * x over the six regions: mean 9/6 = 1.5, squares of deviations 0.25 +
 * 0.25 + 2.25 + 0.25 + 0.25 + 6.25 = 9.5, sd = sqrt (9.5 / 6) = 1.258306.
 * y over the five with a value: mean 3/5 = 0.6, squares 0.36 × 3 + 1.96
 * + 0.16 = 3.2, sd = sqrt (3.2 / 5) = 0.8.
 *
 * Distances to ITH3, the root mean square of the z-score differences:
 *   ITH4: x differs by 1/1.258306, y by 0: sqrt ((1 / 1.583333) / 2) = 0.561951
 *   ITH5: the same, 0.561951 (after ITH4 by code)
 *   ES51: y differs by 1/0.8 = 1.25: sqrt (1.5625 / 2) = 0.883883
 *   ITC1: y differs by 2/0.8 = 2.5: sqrt (6.25 / 2) = 1.767767
 *   DE11: shares one variable of two, fewer than two thirds: no peer. */
static const char data[] =
  "region,indicator,year,value\n"
  "ITH3,x,2020,1\nITH3,y,2020,0\nITH3,x,2019,100\n"
  "ITH4,x,2020,2\nITH4,y,2020,0\n"
  "ITH5,x,2020,0\nITH5,y,2020,0\n"
  "ITC1,x,2020,1\nITC1,y,2020,2\n"
  "ES51,x,2020,1\nES51,y,2020,1\n"
  "DE11,x,2020,4\nDE11,x,2021,50\n"
  "EU27_2020,x,2020,1\nEU27_2020,y,2020,0\n"
  "ITH32,x,2020,1\nITH32,y,2020,0\n";

static DistrettoDataset *
load_data (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, strlen (data));
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = distretto_dataset_load_bytes (bytes, "structure.csv", NULL, &error);

  g_assert_no_error (error);
  /* As the window brings data to NUTS 2024: with the regions' names. */
  return distretto_dataset_recode_nuts (dataset, 2024, NULL);
}

static DistrettoPeerFinder *
new_finder (DistrettoDataset *dataset)
{
  DistrettoPeerFinder *finder = distretto_peer_finder_new (dataset);
  g_autoptr(DistrettoSubIndicator) x = distretto_sub_indicator_new ("x", "X share", "x");
  g_autoptr(DistrettoSubIndicator) y = distretto_sub_indicator_new ("y", "Y share", "y");
  g_autoptr(DistrettoSubIndicator) absent = distretto_sub_indicator_new ("z", "Z share", "z");

  distretto_peer_finder_add_variable (finder, x);
  distretto_peer_finder_add_variable (finder, y);
  distretto_peer_finder_add_variable (finder, absent);
  /* The same id again is ignored. */
  distretto_peer_finder_add_variable (finder, x);
  g_assert_cmpuint (distretto_peer_finder_get_n_variables (finder), ==, 3);

  return finder;
}

static void
test_peers_nearest (void)
{
  g_autoptr(DistrettoDataset) dataset = load_data ();
  g_autoptr(DistrettoPeerFinder) finder = new_finder (dataset);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) peers = NULL;
  g_auto(GStrv) used = NULL;
  const char *expected[] = { "ITH4", "ITH5", "ES51", "ITC1", NULL };

  peers = distretto_peer_finder_find (finder, "ITH3", DISTRETTO_PEERS_DEFAULT_N, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (peers, expected);

  g_assert_cmpfloat_with_epsilon (distretto_peer_finder_get_distance (finder, "ITH4"), 0.561951, 1e-6);
  g_assert_cmpfloat_with_epsilon (distretto_peer_finder_get_distance (finder, "ITH5"), 0.561951, 1e-6);
  g_assert_cmpfloat_with_epsilon (distretto_peer_finder_get_distance (finder, "ES51"), 0.883883, 1e-6);
  g_assert_cmpfloat_with_epsilon (distretto_peer_finder_get_distance (finder, "ITC1"), 1.767767, 1e-6);
  g_assert_true (isnan (distretto_peer_finder_get_distance (finder, "DE11")));
  g_assert_true (isnan (distretto_peer_finder_get_distance (finder, "EU27_2020")));

  /* z has no data: regions were compared on x and y. */
  used = distretto_peer_finder_dup_used_variables (finder);
  g_assert_cmpstrv (used, ((const char *[]) { "X share", "Y share", NULL }));

  /* The two nearest only. */
  g_clear_pointer (&peers, g_strfreev);
  peers = distretto_peer_finder_find (finder, "ITH3", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (peers, ((const char *[]) { "ITH4", "ITH5", NULL }));
}

/* Without the Italian regions only Spain's is left: DE11 lacks y. */
static void
test_peers_exclude_country (void)
{
  g_autoptr(DistrettoDataset) dataset = load_data ();
  g_autoptr(DistrettoPeerFinder) finder = new_finder (dataset);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) peers = NULL;

  distretto_peer_finder_set_exclude_country (finder, TRUE);
  peers = distretto_peer_finder_find (finder, "ITH3", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (peers, ((const char *[]) { "ES51", NULL }));
  g_assert_cmpfloat_with_epsilon (distretto_peer_finder_get_distance (finder, "ES51"), 0.883883, 1e-6);
}

/* In 2019 only ITH3 has x: nothing to compare with. In 2021 only DE11. */
static void
test_peers_year (void)
{
  g_autoptr(DistrettoDataset) dataset = load_data ();
  g_autoptr(DistrettoPeerFinder) finder = new_finder (dataset);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) peers = NULL;

  distretto_peer_finder_set_year (finder, 2019);
  peers = distretto_peer_finder_find (finder, "ITH3", 5, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (peers);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Veneto"));
}

static void
test_peers_errors (void)
{
  g_autoptr(DistrettoDataset) dataset = load_data ();
  g_autoptr(DistrettoPeerFinder) finder = new_finder (dataset);
  g_autoptr(DistrettoPeerFinder) empty = distretto_peer_finder_new (dataset);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) peers = NULL;

  peers = distretto_peer_finder_find (finder, "XX99", 5, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (peers);
  g_clear_error (&error);

  peers = distretto_peer_finder_find (finder, "EU27_2020", 5, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (peers);
  g_clear_error (&error);

  /* Distretto's own variables: none of their tables is in these data. */
  distretto_peer_finder_add_default_variables (empty);
  g_assert_cmpuint (distretto_peer_finder_get_n_variables (empty), ==, 8);
  peers = distretto_peer_finder_find (empty, "ITH3", 5, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (peers);
}

/* Distretto's own variables on the real Labour Force Survey file: the
 * shares of six sections (no GDP, no density there); five peers of the
 * same level, nearest first. */
static void
test_peers_default_variables (void)
{
  const char *real = g_getenv ("DISTRETTO_REAL_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoPeerFinder) finder = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) peers = NULL;
  g_auto(GStrv) used = NULL;

  if (real == NULL || !g_file_test (real, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no real data");
      return;
    }

  path = g_build_filename (real, "eurostat-tsv-2017", "lfst_r_lfe2en2.tsv", NULL);
  file = g_file_new_for_path (path);
  dataset = distretto_dataset_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  finder = distretto_peer_finder_new (dataset);
  distretto_peer_finder_add_default_variables (finder);
  peers = distretto_peer_finder_find (finder, "ITH3", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (peers), ==, 5);

  used = distretto_peer_finder_dup_used_variables (finder);
  g_assert_cmpuint (g_strv_length (used), ==, 6);
  for (guint i = 0; peers[i] != NULL; i++)
    {
      g_assert_cmpint (distretto_nuts_code_get_level (peers[i]), ==, 2);
      g_assert_cmpstr (peers[i], !=, "ITH3");
      if (i > 0)
        g_assert_cmpfloat (distretto_peer_finder_get_distance (finder, peers[i - 1]), <=,
                           distretto_peer_finder_get_distance (finder, peers[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Peers/nearest", test_peers_nearest);
  g_test_add_func ("/Distretto/Peers/exclude-country", test_peers_exclude_country);
  g_test_add_func ("/Distretto/Peers/year", test_peers_year);
  g_test_add_func ("/Distretto/Peers/errors", test_peers_errors);
  g_test_add_func ("/Distretto/Peers/default-variables", test_peers_default_variables);

  return g_test_run ();
}

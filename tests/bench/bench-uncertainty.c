/* bench-uncertainty.c: the Monte Carlo uncertainty and sensitivity
 * analysis, next to the same analysis written with numpy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-uncertainty [RUNS]
 *
 * Writes a tidy CSV of 300 NUTS 2-like regions of ten countries (and the
 * EU) × 3 pillars of 8 sub-indicators × 5 years, a few values missing
 * and two sub-indicators skewed, then times distretto_uncertainty_compute()
 * with the default specification (RUNS runs, 1,000 by default: weights
 * ±25%, three normalisations, two aggregations, two imputations, outlier
 * treatment on or off; Saltelli's design for the Sobol indices; the
 * remove-one test) over the latest year: the median of 5 analyses. Then
 * uncertainty-peer.py does the same with numpy (Debian's python3-numpy),
 * timed inside the script, loading apart; it checks that its nominal
 * ranks and remove-one results are Distretto's.
 */

#include <distretto.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>

#define N_COUNTRIES  10
#define PER_COUNTRY  30
#define N_PILLARS    3
#define PER_PILLAR   8
#define FIRST_YEAR   2019
#define N_YEARS      5
#define N_ANALYSES   5

static const char *countries[N_COUNTRIES] = { "AT", "BE", "DE", "ES", "FI", "FR", "IT", "NL", "PL", "SE" };

static char *
region_code (guint r)
{
  return g_strdup_printf ("%s%c%u", countries[r / PER_COUNTRY], 'A' + r % PER_COUNTRY / 10, r % 10);
}

static char *
write_csv (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "uncertainty.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("region,indicator,year,value\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (300);
  g_autoptr(GError) error = NULL;
  guint n_indicators = N_PILLARS * PER_PILLAR;

  for (guint r = 0; r < N_COUNTRIES * PER_COUNTRY; r++)
    {
      g_autofree char *code = region_code (r);
      double level = g_rand_double_range (rand, 0.0, 40.0);

      for (guint s = 0; s < n_indicators; s++)
        for (guint y = 0; y < N_YEARS; y++)
          {
            double value = level + g_rand_double_range (rand, 0.0, 60.0) + 2.0 * y;

            /* Two skewed sub-indicators, for the outlier treatment. */
            if (s == 5 || s == 17)
              value = exp (value / 12.0);
            if (g_rand_int_range (rand, 0, 25) == 0)
              continue;
            g_string_append_printf (csv, "%s,s%02u,%u,%.17g\n", code, s, FIRST_YEAR + y, value);
          }
    }

  for (guint s = 0; s < n_indicators; s++)
    for (guint y = 0; y < N_YEARS; y++)
      g_string_append_printf (csv, "EU27_2020,s%02u,%u,%.17g\n", s, FIRST_YEAR + y,
                              s == 5 || s == 17 ? exp (52.0 / 12.0) : 52.0 + 2.0 * y);

  if (!g_file_set_contents (path, csv->str, csv->len, &error))
    g_error ("%s", error->message);
  return g_steal_pointer (&path);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  g_autofree char *dir = g_dir_make_tmp ("distretto-bench-XXXXXX", NULL);
  g_autofree char *csv = write_csv (dir);
  g_autofree char *nominal_path = g_build_filename (dir, "nominal.txt", NULL);
  g_autofree char *removed_path = g_strconcat (nominal_path, ".removed", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoMethod) method = distretto_method_new ();
  g_autoptr(DistrettoUncertaintySpec) spec = distretto_uncertainty_spec_new ();
  g_autoptr(DistrettoUncertainty) uncertainty = NULL;
  g_autoptr(GString) nominal = g_string_new (NULL);
  g_autoptr(GString) removed = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  DistrettoPillar *pillars[N_PILLARS];
  double seconds[N_ANALYSES], widths = 0.0, ours;
  g_autofree char *peer_out = NULL;
  g_autofree char *peer_err = NULL;
  g_autofree char *runs_text = g_strdup_printf ("%u", runs);
  g_autofree char *year_text = g_strdup_printf ("%d", FIRST_YEAR + N_YEARS - 1);
  int status;

  setlocale (LC_ALL, "");
  dataset = distretto_dataset_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint p = 0; p < N_PILLARS; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", p);

      pillars[p] = distretto_pillar_new (id, id);
      for (guint s = 0; s < PER_PILLAR; s++)
        {
          g_autofree char *sid = g_strdup_printf ("s%02u", p * PER_PILLAR + s);
          g_autoptr(DistrettoSubIndicator) sub = distretto_sub_indicator_new (sid, sid, sid);

          distretto_pillar_add_sub_indicator (pillars[p], sub);
        }
    }

  distretto_uncertainty_spec_set_runs (spec, runs);
  for (guint i = 0; i < N_ANALYSES; i++)
    {
      gint64 start = g_get_monotonic_time ();

      g_clear_object (&uncertainty);
      uncertainty = distretto_uncertainty_compute (pillars, N_PILLARS, method, spec, dataset,
                                                   FIRST_YEAR + N_YEARS - 1, NULL, NULL, &error);
      g_assert_no_error (error);
      seconds[i] = (g_get_monotonic_time () - start) / 1e6;
    }
  qsort (seconds, N_ANALYSES, sizeof (double), compare_doubles);
  ours = seconds[N_ANALYSES / 2];

  for (guint i = 0; i < distretto_uncertainty_get_n_regions (uncertainty); i++)
    {
      double lower, upper;

      distretto_uncertainty_get_rank_interval (uncertainty, i, &lower, &upper);
      widths += upper - lower;
      g_string_append_printf (nominal, "%s %u\n", distretto_uncertainty_get_region_code (uncertainty, i),
                              distretto_uncertainty_get_nominal_rank (uncertainty, i));
    }
  for (guint i = 0; i < distretto_uncertainty_get_n_removed (uncertainty); i++)
    g_string_append_printf (removed, "%s %.17g\n", distretto_uncertainty_get_removed_id (uncertainty, i),
                            distretto_uncertainty_get_removed_mean_shift (uncertainty, i));
  g_file_set_contents (nominal_path, nominal->str, nominal->len, NULL);
  g_file_set_contents (removed_path, removed->str, removed->len, NULL);

  g_print ("uncertainty: %u regions × %d pillars × %d sub-indicators, %d years; %u runs, %u evaluations "
           "(Saltelli's design for %u assumptions, remove-one); cores: %u\n",
           distretto_uncertainty_get_n_regions (uncertainty), N_PILLARS, PER_PILLAR, N_YEARS, runs,
           distretto_uncertainty_get_n_evaluations (uncertainty), distretto_uncertainty_get_n_assumptions (uncertainty),
           g_get_num_processors ());
  g_print ("Distretto  %.3f s (median of %d, min %.3f), %u threads; mean 5–95%% interval %.2f places\n", ours,
           N_ANALYSES, seconds[0], distretto_uncertainty_get_n_threads (uncertainty),
           widths / distretto_uncertainty_get_n_regions (uncertainty));

  {
    const char *peer_argv[] = { "/usr/bin/python3", PEER_SCRIPT, csv, year_text, runs_text, nominal_path, NULL };

    if (!g_spawn_sync (NULL, (char **) peer_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &peer_out, &peer_err,
                       &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      g_print ("numpy peer: not run (%s)%s%s\n", error->message, peer_err ? ": " : "", peer_err ? peer_err : "");
    else
      {
        double theirs = g_ascii_strtod (strchr (peer_out, ' ') + 1, NULL);

        g_print ("numpy      %.3f s (python3-numpy, one thread), %s", theirs, strchr (peer_out, ' ') + 1);
        g_print ("Distretto is %.1f× faster than numpy\n", theirs / ours);
      }
  }

  for (guint p = 0; p < N_PILLARS; p++)
    g_object_unref (pillars[p]);
  g_unlink (csv);
  g_unlink (nominal_path);
  g_unlink (removed_path);
  g_rmdir (dir);
  return 0;
}

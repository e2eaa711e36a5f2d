/* bench-load.c: how fast a large tidy CSV loads, next to pandas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-load [--keep] [DIR]
 *
 * Writes DIR/bench.csv (1,345 NUTS 3-like regions × 100 series × 17 years,
 * about 2.3 million rows), then loads it in child processes with
 * distretto_dataset_load_file(), on every core and on one thread
 * (DISTRETTO_LOAD_THREADS=1), and with pandas (read_csv + set_index),
 * seven times each, in turns (so a busier moment of the machine weighs
 * on all three alike), printing the median wall time, throughput and the
 * child's peak RSS, and the cores used.
 */

#include <distretto.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define N_REGIONS 1345
#define N_SERIES  100
#define FIRST_YEAR 2007
#define N_YEARS   17

static const char *countries[] = {
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU",
  "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
};

static char *
write_csv (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "bench.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) chunk = g_string_sized_new (1 << 20);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1345);
  FILE *out = g_fopen (path, "w");

  g_assert (out != NULL);
  fputs ("region,indicator,year,value,flag\n", out);

  for (guint r = 0; r < N_REGIONS; r++)
    {
      char region[6];

      g_snprintf (region, sizeof region, "%s%c%c%c", countries[r % G_N_ELEMENTS (countries)],
                  '1' + (r / 27) % 9, 'A' + (r / 243) % 26, '1' + r % 9);
      for (guint s = 0; s < N_SERIES; s++)
        for (guint y = 0; y < N_YEARS; y++)
          {
            double value = g_rand_double_range (rand, 0.0, 100000.0);
            guint draw = g_rand_int_range (rand, 0, 100);

            g_string_append_printf (chunk, "%s,series_%03u,%u,%.2f,%s\n", region, s, FIRST_YEAR + y,
                                    value, draw < 3 ? "e" : draw < 4 ? "bu" : "");
            if (chunk->len > (1 << 20) - 128)
              {
                fwrite (chunk->str, 1, chunk->len, out);
                g_string_truncate (chunk, 0);
              }
          }
    }

  fwrite (chunk->str, 1, chunk->len, out);

  /* Written back before anything is timed, so no load races the flush. */
  fflush (out);
  fsync (fileno (out));
  fclose (out);

  return g_steal_pointer (&path);
}

/* In the child: load and print the wall time in seconds. */
static int
load_only (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  gint64 start = g_get_monotonic_time ();

  dataset = distretto_dataset_load_file (file, NULL, NULL, NULL, &error);
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%.6f %" G_GSIZE_FORMAT "\n", (g_get_monotonic_time () - start) / 1e6,
           distretto_dataset_get_n_observations (dataset));
  return 0;
}

typedef struct
{
  double seconds;        /* as the child measured its load */
  double wall;           /* the whole child process */
  double peak_rss_mib;
  char *output;
} Run;

static gboolean
run_child (char **argv,
           char **envp,
           Run   *run)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int stdout_fd, status;
  GPid pid;
  g_autoptr(GString) output = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  if (!g_spawn_async_with_pipes (NULL, argv, envp, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH,
                                 NULL, NULL, &pid, NULL, &stdout_fd, NULL, &error))
    {
      g_printerr ("cannot run %s: %s\n", argv[0], error->message);
      return FALSE;
    }

  while ((n = read (stdout_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (output, buffer, n);
  close (stdout_fd);

  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s failed: %s\n", argv[0], output->str);
      return FALSE;
    }

  run->wall = (g_get_monotonic_time () - start) / 1e6;
  run->peak_rss_mib = usage.ru_maxrss / 1024.0;   /* ru_maxrss is in KiB on Linux */
  run->seconds = g_ascii_strtod (output->str, NULL);
  run->output = g_string_free (g_steal_pointer (&output), FALSE);
  return TRUE;
}

#define N_RUNS 7

static int
compare_runs (const void *a,
              const void *b)
{
  const Run *x = a, *y = b;

  return (x->seconds > y->seconds) - (x->seconds < y->seconds);
}

/* Keeps the run of @runs with the median load time in @median. */
static void
take_median (Run *runs,
             Run *median)
{
  qsort (runs, N_RUNS, sizeof (Run), compare_runs);
  *median = runs[N_RUNS / 2];
  for (guint i = 0; i < N_RUNS; i++)
    if (i != N_RUNS / 2)
      g_free (runs[i].output);
}

/* The threads libdistretto loads a file with, as it counts them. */
static guint
load_threads (void)
{
  const char *threads = g_getenv ("DISTRETTO_LOAD_THREADS");
  guint n = threads != NULL ? (guint) g_ascii_strtoull (threads, NULL, 10) : 0;

  return CLAMP (n > 0 ? n : g_get_num_processors (), 1, 16);
}

static void
print_run (const char *who,
           const Run  *run,
           double      mib,
           const char *counted)
{
  g_print ("%-20s load %.3f s  (%4.0f MiB/s)  process %.3f s  peak RSS %5.1f MiB  %s %s",
           who, run->seconds, mib / run->seconds, run->wall, run->peak_rss_mib, counted,
           strchr (run->output, ' ') + 1);
}

#define PANDAS_SCRIPT \
  "import sys, time\n" \
  "import pandas as pd\n" \
  "start = time.perf_counter()\n" \
  "df = pd.read_csv(sys.argv[1], keep_default_na=False, na_values=[''])\n" \
  "df = df.set_index(['region', 'indicator', 'year'])\n" \
  "print('%.6f %d' % (time.perf_counter() - start, len(df)))\n"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  gboolean keep = FALSE;
  GStatBuf st;
  double mib;
  Run ours = { 0 }, one_thread = { 0 }, pandas = { 0 };
  int arg = 1;

  setlocale (LC_ALL, "");

  if (argc == 3 && g_str_equal (argv[1], "--load-only"))
    return load_only (argv[2]);

  if (arg < argc && g_str_equal (argv[arg], "--keep"))
    {
      keep = TRUE;
      arg++;
    }

  dir = arg < argc ? g_strdup (argv[arg]) : g_dir_make_tmp ("distretto-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (dir, 0755);

  g_print ("writing %u regions × %u series × %u years …\n", N_REGIONS, N_SERIES, N_YEARS);
  csv = write_csv (dir);
  g_stat (csv, &st);
  mib = st.st_size / (1024.0 * 1024.0);
  g_print ("file: %s, %.1f MiB, %u rows\n\n", csv, mib, N_REGIONS * N_SERIES * N_YEARS);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_print ("cores: %u; load threads: Distretto %u (DISTRETTO_LOAD_THREADS), pandas 1\n",
           g_get_num_processors (), load_threads ());
  g_print ("each load runs %d times in a fresh process, the three in turns; figures are medians\n\n",
           N_RUNS);
  {
    char *child[] = { self_path, (char *) "--load-only", csv, NULL };
    char *peer[] = { (char *) "/usr/bin/python3", (char *) "-c", (char *) PANDAS_SCRIPT, csv, NULL };
    g_auto(GStrv) one = g_environ_setenv (g_get_environ (), "DISTRETTO_LOAD_THREADS", "1", TRUE);
    g_autofree char *who = g_strdup_printf ("Distretto, %u thread%s", load_threads (),
                                            load_threads () > 1 ? "s" : "");
    Run ours_runs[N_RUNS] = { { 0 } }, one_runs[N_RUNS] = { { 0 } }, pandas_runs[N_RUNS] = { { 0 } };
    gboolean have_pandas = TRUE;

    for (guint i = 0; i < N_RUNS; i++)
      {
        if (!run_child (child, NULL, &ours_runs[i]) || !run_child (child, one, &one_runs[i]))
          return 1;
        have_pandas = have_pandas && run_child (peer, NULL, &pandas_runs[i]);
      }

    take_median (ours_runs, &ours);
    take_median (one_runs, &one_thread);
    print_run (who, &ours, mib, "cells");
    print_run ("Distretto, 1 thread", &one_thread, mib, "cells");

    if (have_pandas)
      {
        take_median (pandas_runs, &pandas);
        print_run ("pandas", &pandas, mib, "rows");
        g_print ("\nDistretto is %.1f× faster than pandas (load), %.1f× (whole process), "
                 "%.1f× on one thread; peak RSS %.1f MiB vs %.1f MiB (1/%.1f)\n",
                 pandas.seconds / ours.seconds, pandas.wall / ours.wall,
                 pandas.seconds / one_thread.seconds, ours.peak_rss_mib, pandas.peak_rss_mib,
                 pandas.peak_rss_mib / ours.peak_rss_mib);
      }
    else
      {
        for (guint i = 0; i < N_RUNS; i++)
          g_free (pandas_runs[i].output);
        g_print ("pandas               not available (install python3-pandas)\n");
      }
  }

  if (!keep)
    {
      g_unlink (csv);
      if (arg >= argc)
        g_rmdir (dir);
    }

  g_free (ours.output);
  g_free (one_thread.output);
  g_free (pandas.output);
  return 0;
}

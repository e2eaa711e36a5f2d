/* bench-chart.c: how fast a large ranking exports, next to matplotlib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-chart
 *   bench-chart --export png|svg|pdf FILE
 *
 * Builds a ranking of 299 regions (synthetic codes and names, values from a
 * seeded GRand) and prints, per format:
 *
 *  - the time distretto_chart_export_bytes() takes at 1000 px wide and the
 *    natural height, in process: median and minimum of 20 runs;
 *  - the whole process time of `bench-chart --export FORMAT FILE`, timed
 *    from the parent around spawn and wait: median of 5 runs;
 *  - the whole process time of a matplotlib script drawing the same bars
 *    with the Agg backend (Debian's python3-matplotlib): median of 5 runs.
 *
 * It prints figures only; nothing is asserted about the times.
 */

#include <distretto.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define N_REGIONS    299
#define WIDTH        1000.0
#define N_IN_PROCESS 20
#define N_PROCESS    5

static const char *formats[] = { "png", "svg", "pdf" };

/* The value of region i + 1, the same on every run. */
static void
region_values (double *values)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (299);

  for (guint i = 0; i < N_REGIONS; i++)
    values[i] = g_rand_double_range (rand, 0.0, 100.0);
}

static DistrettoChart *
build_ranking (void)
{
  DistrettoChart *chart = distretto_chart_new_ranking ("Benchmark: 299 regions");
  double values[N_REGIONS];

  region_values (values);

  distretto_chart_set_subtitle (chart, "Synthetic values");
  distretto_chart_set_unit (chart, "Score");
  distretto_chart_set_source (chart, "Source: bench-chart, seeded values");

  for (guint i = 0; i < N_REGIONS; i++)
    {
      char code[8], label[16];

      g_snprintf (code, sizeof code, "R%03u", i + 1);
      g_snprintf (label, sizeof label, "Region %03u", i + 1);
      distretto_chart_add_bar (chart, code, label, values[i]);
    }

  return chart;
}

/* In the child: export one file and exit. */
static int
export_only (const char *name,
             const char *path)
{
  g_autoptr(DistrettoChart) chart = build_ranking ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DistrettoChartFormat format;

  if (!distretto_chart_format_from_name (name, &format))
    {
      g_printerr ("unknown format %s\n", name);
      return 2;
    }

  if (!distretto_chart_export_file (chart, file, format, WIDTH,
                                    distretto_chart_get_natural_height (chart), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  const double *x = a, *y = b;

  return (*x > *y) - (*x < *y);
}

/* Milliseconds of N_IN_PROCESS exports of @chart; sorted. */
static void
time_in_process (DistrettoChart       *chart,
                 DistrettoChartFormat  format,
                 double               *ms,
                 gsize                *size)
{
  double height = distretto_chart_get_natural_height (chart);

  for (guint i = 0; i < N_IN_PROCESS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 start = g_get_monotonic_time ();

      bytes = distretto_chart_export_bytes (chart, format, WIDTH, height, &error);
      ms[i] = (g_get_monotonic_time () - start) / 1e3;
      g_assert_no_error (error);
      *size = g_bytes_get_size (bytes);
    }

  qsort (ms, N_IN_PROCESS, sizeof (double), compare_doubles);
}

/* The whole process, spawn to reaped, in milliseconds; < 0 if it failed. */
static double
run_child (char **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;
  GPid pid;

  if (!g_spawn_async (NULL, argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    return -1;

  if (waitpid (pid, &status, 0) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return -1;

  return (g_get_monotonic_time () - start) / 1e3;
}

/* The median of N_PROCESS runs in milliseconds; < 0 if any failed. */
static double
run_median (char **argv)
{
  double ms[N_PROCESS];

  for (guint i = 0; i < N_PROCESS; i++)
    if ((ms[i] = run_child (argv)) < 0)
      return -1;

  qsort (ms, N_PROCESS, sizeof (double), compare_doubles);
  return ms[N_PROCESS / 2];
}

/* argv: FORMAT FILE HEIGHT_PX VALUE… — the same bars, sorted largest on top,
 * with value labels like Distretto's. */
#define MATPLOTLIB_SCRIPT \
  "import sys\n" \
  "import matplotlib\n" \
  "matplotlib.use('Agg')\n" \
  "import matplotlib.pyplot as plt\n" \
  "fmt, path, height = sys.argv[1], sys.argv[2], float(sys.argv[3])\n" \
  "bars = sorted(((float(v), 'Region %03d' % (i + 1)) for i, v in enumerate(sys.argv[4:])))\n" \
  "fig, ax = plt.subplots(figsize=(10, height / 100), dpi=100)\n" \
  "c = ax.barh([n for v, n in bars], [v for v, n in bars], color='#0072B2')\n" \
  "ax.bar_label(c, fmt='%.1f', fontsize=7, padding=2)\n" \
  "ax.set_title('Benchmark: 299 regions')\n" \
  "ax.set_xlabel('Score')\n" \
  "ax.tick_params(axis='y', labelsize=7)\n" \
  "ax.margins(y=0.002)\n" \
  "fig.text(0.01, 0.002, 'Source: bench-chart, seeded values', fontsize=8)\n" \
  "fig.tight_layout()\n" \
  "fig.savefig(path, format=fmt)\n"

static gboolean
have_matplotlib (void)
{
  char *argv[] = { (char *) "/usr/bin/python3", (char *) "-c", (char *) "import matplotlib", NULL };

  return g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE) && run_child (argv) >= 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) python = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *height_arg = NULL;
  double values[N_REGIONS];
  gboolean matplotlib;
  double height;

  setlocale (LC_ALL, "");

  if (argc == 4 && g_str_equal (argv[1], "--export"))
    return export_only (argv[2], argv[3]);
  if (argc != 1)
    {
      g_printerr ("usage: %s [--export png|svg|pdf FILE]\n", argv[0]);
      return 2;
    }

  chart = build_ranking ();
  height = distretto_chart_get_natural_height (chart);
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  dir = g_dir_make_tmp ("distretto-bench-chart-XXXXXX", &error);
  g_assert_no_error (error);

  matplotlib = have_matplotlib ();
  python = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (python, g_strdup ("/usr/bin/python3"));
  g_ptr_array_add (python, g_strdup ("-c"));
  g_ptr_array_add (python, g_strdup (MATPLOTLIB_SCRIPT));
  g_ptr_array_add (python, NULL);   /* format */
  g_ptr_array_add (python, NULL);   /* file */
  height_arg = g_strdup_printf ("%.0f", height);
  g_ptr_array_add (python, g_strdup (height_arg));
  region_values (values);
  for (guint i = 0; i < N_REGIONS; i++)
    {
      char value[G_ASCII_DTOSTR_BUF_SIZE];

      g_ptr_array_add (python, g_strdup (g_ascii_dtostr (value, sizeof value, values[i])));
    }
  g_ptr_array_add (python, NULL);

  g_print ("ranking of %u regions, %.0f×%.0f px\n", N_REGIONS, WIDTH, height);
  g_print ("in process: distretto_chart_export_bytes, %d runs; process: %d runs, median\n",
           N_IN_PROCESS, N_PROCESS);
  if (!matplotlib)
    g_print ("matplotlib not available (install python3-matplotlib): skipped\n");
  g_print ("\n");

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *ours_path = g_strdup_printf ("%s/distretto.%s", dir, formats[f]);
      g_autofree char *theirs_path = g_strdup_printf ("%s/matplotlib.%s", dir, formats[f]);
      char *child[] = { self_path, (char *) "--export", (char *) formats[f], ours_path, NULL };
      double ms[N_IN_PROCESS];
      DistrettoChartFormat format;
      double ours, theirs;
      gsize size = 0;

      if (!distretto_chart_format_from_name (formats[f], &format))
        g_error ("unknown format %s", formats[f]);
      time_in_process (chart, format, ms, &size);
      g_print ("%s  Distretto  render %6.1f ms (min %.1f)  %5" G_GSIZE_FORMAT " KiB\n",
               formats[f], ms[N_IN_PROCESS / 2], ms[0], size / 1024);

      ours = run_median (child);
      if (ours < 0)
        {
          g_printerr ("%s --export %s failed\n", self_path, formats[f]);
          return 1;
        }
      g_print ("%s  Distretto  process %6.1f ms\n", formats[f], ours);

      if (matplotlib)
        {
          python->pdata[3] = (gpointer) formats[f];
          python->pdata[4] = theirs_path;
          theirs = run_median ((char **) python->pdata);
          python->pdata[3] = python->pdata[4] = NULL;
          if (theirs < 0)
            g_print ("%s  matplotlib failed\n", formats[f]);
          else
            g_print ("%s  matplotlib process %6.1f ms\n"
                     "%s  Distretto is %.1f× faster (whole process)\n",
                     formats[f], theirs, formats[f], theirs / ours);
          g_unlink (theirs_path);
        }

      g_unlink (ours_path);
      g_print ("\n");
    }

  g_rmdir (dir);
  return 0;
}

/* bench-plugin-calls.c: what guarding plugins costs
 *
 * 1. The marker written around every plugin call: begin + end pairs.
 * 2. distretto_indicator_compute() of a declarative module through the
 *    guarded indicator (definition kept) against the plugin's own object
 *    (definition built again at each of the four times the host asks).
 * 3. `distretto plugins` as users run it (a parent that loads the plugins
 *    in a worker process, to survive a crashing one) against the worker
 *    alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "../distretto-test-utils.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/wait.h>

#include "distretto-demo.h"
#include "distretto-guarded-indicator.h"
#include "distretto-plugin-calls.h"

#define PAIRS 200000
#define COMPUTES 50
#define RUNS 11

/* A declarative module like servitization: two pillars of one ratio. */
#define BENCH_TYPE_INDICATOR (bench_indicator_get_type ())
G_DECLARE_FINAL_TYPE (BenchIndicator, bench_indicator, BENCH, INDICATOR, GObject)

struct _BenchIndicator
{
  GObject parent_instance;
};

static void bench_indicator_iface_init (DistrettoIndicatorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BenchIndicator, bench_indicator, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DISTRETTO_TYPE_INDICATOR, bench_indicator_iface_init))

static DistrettoIndicatorDefinition *
bench_get_definition (DistrettoIndicator *indicator)
{
  DistrettoIndicatorDefinition *definition = g_object_new (DISTRETTO_TYPE_INDICATOR_DEFINITION,
                                                           "id", "bench", "title", "Bench", NULL);
  /* Employment in manufacturing and in KIBS, of all employment: the
   * demo dataset's Labour Force Survey table. */
  const char *parts[] = { "manuf", "kibs" };
  const char *series[] = { "lfst_r_lfe2en2?nace_r2=C&age=Y15-64&sex=T&unit=THS",
                           "lfst_r_lfe2en2?nace_r2=M_N&age=Y15-64&sex=T&unit=THS" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *pillar_id = g_strconcat ("pillar-", parts[i], NULL);
      g_autoptr(DistrettoPillar) pillar = distretto_pillar_new (pillar_id, parts[i]);
      g_autoptr(DistrettoSubIndicator) share = distretto_sub_indicator_new (parts[i], parts[i], series[i]);

      distretto_sub_indicator_set_denominator (share, "lfst_r_lfe2en2?nace_r2=TOTAL&age=Y15-64&sex=T&unit=THS");
      distretto_pillar_add_sub_indicator (pillar, share);
      distretto_indicator_definition_add_pillar (definition, pillar);
    }

  return definition;
}

static void
bench_indicator_iface_init (DistrettoIndicatorInterface *iface)
{
  iface->get_definition = bench_get_definition;
}

static void
bench_indicator_class_init (BenchIndicatorClass *klass)
{
}

static void
bench_indicator_init (BenchIndicator *self)
{
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
time_computes (DistrettoIndicator *indicator,
               DistrettoDataset   *dataset)
{
  int year = distretto_dataset_get_last_year (dataset);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < COMPUTES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DistrettoIndicatorResult) result = distretto_indicator_compute (indicator, dataset, year, &error);

      g_assert_no_error (error);
    }

  return (g_get_monotonic_time () - start) / (double) COMPUTES;
}

static double
time_command (const char *bin,
              gboolean    worker)
{
  const char *argv[] = { bin, "plugins", NULL };
  g_auto(GStrv) envp = g_get_environ ();
  double times[RUNS];

  envp = g_environ_setenv (envp, "GI_TYPELIB_PATH", BUILD_ROOT "/app/libdistretto", TRUE);
  envp = g_environ_setenv (envp, "DISTRETTO_PYTHONPATH", BUILD_ROOT "/app/libdistretto/python", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", BUILD_ROOT "/data", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "DISTRETTO_PLUGIN_PATH", BUILD_PLUGIN_PATH, TRUE);
  if (worker)
    envp = g_environ_setenv (envp, "DISTRETTO_PLUGINS_WORKER", "1", TRUE);

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      int status;

      g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status));
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  return median (times, RUNS);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("bench-plugin-calls-XXXXXX", NULL);
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoIndicator) plugin = NULL;
  g_autoptr(DistrettoIndicator) guarded = NULL;
  g_autoptr(GError) error = NULL;
  double raw[RUNS], kept[RUNS];
  gint64 start;

  /* The figures print in µs. */
  setlocale (LC_ALL, "");

  /* Markers of this run only. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < PAIRS; i++)
    distretto_plugin_call_end (distretto_plugin_call_begin ("bench", "compute"));
  g_print ("plugin call marker: %.2f µs per call (begin + end, %d calls)\n",
           (g_get_monotonic_time () - start) / (double) PAIRS, PAIRS);

  dataset = distretto_demo_dataset_load (&error);
  g_assert_no_error (error);
  plugin = g_object_new (BENCH_TYPE_INDICATOR, NULL);
  guarded = distretto_guarded_indicator_new ("bench", plugin);
  for (guint i = 0; i < RUNS; i++)
    {
      raw[i] = time_computes (plugin, dataset);
      kept[i] = time_computes (guarded, dataset);
    }
  g_print ("compute of a declarative module, %u regions, median of %d × %d: %.0f µs on the plugin's object, "
           "%.0f µs guarded (definition kept)\n",
           distretto_dataset_get_n_regions (dataset), RUNS, COMPUTES, median (raw, RUNS), median (kept, RUNS));

  g_print ("distretto plugins, median of %d: %.1f ms with its worker process, %.1f ms the worker alone\n",
           RUNS, time_command (BUILD_ROOT "/app/shell/distretto", FALSE),
           time_command (BUILD_ROOT "/app/shell/distretto", TRUE));

  distretto_test_remove_tree (state);
  return 0;
}

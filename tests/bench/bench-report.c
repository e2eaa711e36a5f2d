/* bench-report.c: how fast region reports are made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-report [N]
 *
 * Loads every bundled module and the demo dataset, then draws the report
 * of every NUTS 2 region of the demo (or of the first N), every module a
 * page, into memory as `distretto report --all-regions` would before
 * writing: prints the reports, their pages, the time, pages per second
 * and the slowest report (the first: the reports share the modules'
 * results, as a batch does). The plugins and the data are loaded once,
 * before the clock starts. It prints figures only; nothing is asserted
 * about the times.
 */

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "distretto-demo.h"
#include "distretto-plugin-engine.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 1, 9, 0, 0);
  g_autoptr(DistrettoResultCache) cache = distretto_result_cache_new ();
  GListModel *modules;
  guint limit = argc > 1 ? (guint) atoi (argv[1]) : G_MAXUINT;
  guint n_reports = 0, n_pages = 0;
  gint64 start, slowest = 0;
  double seconds;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  distretto_plugin_engine_prepare_environment ();
  g_setenv ("DISTRETTO_PLUGIN_PATH", BUILD_PLUGIN_PATH, TRUE);
  g_setenv ("GI_TYPELIB_PATH", BUILD_ROOT "/app/libdistretto", TRUE);

  engine = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (engine);
  modules = distretto_plugin_engine_get_modules (engine);
  dataset = distretto_demo_dataset_load (&error);
  g_assert_no_error (error);
  regions = distretto_view_dup_compared_regions (dataset, 2);

  printf ("Region reports: %u modules, %u NUTS 2 regions of the demo dataset\n",
          g_list_model_get_n_items (modules), regions->len);

  start = g_get_monotonic_time ();
  for (guint r = 0; r < MIN (limit, regions->len); r++)
    {
      g_autoptr(DistrettoRegionReport) report = distretto_region_report_new (dataset, g_ptr_array_index (regions, r));
      g_autoptr(GBytes) pdf = NULL;
      gint64 report_start = g_get_monotonic_time ();
      guint pages = 0;

      distretto_region_report_set_date (report, date);
      distretto_region_report_set_cache (report, cache);
      for (guint m = 0; m < g_list_model_get_n_items (modules); m++)
        {
          g_autoptr(DistrettoModule) module = g_list_model_get_item (modules, m);

          distretto_region_report_add_module (report, distretto_module_get_indicator (module), NULL);
        }

      pdf = distretto_region_report_render (report, &pages, &error);
      g_assert_no_error (error);
      slowest = MAX (slowest, g_get_monotonic_time () - report_start);
      n_pages += pages;
      n_reports++;
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;

  printf ("  %u reports, %u pages in %.2f s: %.1f pages/s, %.0f ms a report (slowest %.0f ms)\n",
          n_reports, n_pages, seconds, n_pages / seconds, 1000 * seconds / n_reports, slowest / 1e3);

  return 0;
}

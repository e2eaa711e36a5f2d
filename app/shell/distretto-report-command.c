/* distretto-report-command.c: `distretto report`, a region's PDF report with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-batch.h"
#include "distretto-bundle.h"
#include "distretto-cli.h"
#include "distretto-plugin-engine.h"
#include "distretto-report-command.h"

typedef struct
{
  GPtrArray *modules;     /* DistrettoModule */
  DistrettoDataset *dataset;
  GDateTime *date;
  DistrettoResultCache *cache;  /* the modules' results, shared by a batch */
  gboolean bundle;
} ReportRun;

static gboolean
write_report (const char  *code,
              GFile       *file,
              gpointer     user_data,
              GError     **error)
{
  ReportRun *run = user_data;
  g_autoptr(DistrettoRegionReport) report = distretto_region_report_new (run->dataset, code);

  distretto_region_report_set_date (report, run->date);
  distretto_region_report_set_cache (report, run->cache);
  for (guint i = 0; i < run->modules->len; i++)
    distretto_region_report_add_module (report, distretto_module_get_indicator (g_ptr_array_index (run->modules, i)),
                                        NULL);

  if (!distretto_region_report_write (report, file, error))
    return FALSE;

  return !run->bundle || distretto_bundle_write_report (report, run->modules, run->dataset, file, error);
}

/* The modules asked for, or every module that loads. */
static int
load_modules (DistrettoPluginEngine *engine,
              char                 **module_ids,
              GPtrArray             *modules)
{
  g_autoptr(GError) error = NULL;

  if (module_ids == NULL)
    {
      GListModel *loaded;

      distretto_plugin_engine_load_all (engine);
      loaded = distretto_plugin_engine_get_modules (engine);
      for (guint i = 0; i < g_list_model_get_n_items (loaded); i++)
        g_ptr_array_add (modules, g_list_model_get_item (loaded, i));
      if (modules->len == 0)
        return distretto_cli_fail ("report", _("no module loads: run “distretto plugins” to see why"));
      return DISTRETTO_EXIT_OK;
    }

  for (guint i = 0; module_ids[i] != NULL; i++)
    {
      DistrettoModule *module = distretto_plugin_engine_load_module (engine, module_ids[i], &error);

      if (module == NULL)
        return distretto_cli_fail ("report", "%s", error->message);
      g_ptr_array_add (modules, g_object_ref (module));
    }

  return DISTRETTO_EXIT_OK;
}

int
distretto_report_command_run (int    argc,
                              char **argv)
{
  g_auto(GStrv) regions = NULL;
  g_auto(GStrv) module_ids = NULL;
  g_auto(GStrv) data_paths = NULL;
  g_autofree char *output = NULL;
  g_autofree char *output_dir = NULL;
  gboolean all_regions = FALSE;
  gboolean bundle = FALSE;
  int level = DISTRETTO_VIEW_DEFAULT_LEVEL;
  const GOptionEntry entries[] = {
    { "region", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &regions, N_("Region the report is about; repeat with --output-dir for one report each"), N_("CODE") },
    { "module", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &module_ids, N_("Module to give a page; repeat for several (default: every module)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("PDF file to write, relative to the current folder"), N_("FILE") },
    { "output-dir", 0, 0, G_OPTION_ARG_FILENAME, &output_dir, N_("Folder to write one report per region into"), N_("DIR") },
    { "all-regions", 0, 0, G_OPTION_ARG_NONE, &all_regions, N_("One report per region of the level"), NULL },
    { "level", 'l', 0, G_OPTION_ARG_INT, &level, N_("NUTS level of --all-regions, 0 to 3 (default: 2)"), N_("N") },
    { "data", 'd', 0, G_OPTION_ARG_FILENAME_ARRAY, &data_paths, N_("Data file, in any format Distretto reads; repeat for several (default: the demo dataset)"), N_("FILE") },
    { "bundle", 0, 0, G_OPTION_ARG_NONE, &bundle, N_("Write beside each report its figures as CSV and a JSON record of how it was made, for `distretto reproduce`"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) loaded = NULL;
  g_autoptr(GPtrArray) modules = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* To the second: the date the PDF and its record carry. */
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (g_date_time_to_unix (now));
  g_autoptr(DistrettoResultCache) cache = distretto_result_cache_new ();
  ReportRun run = { modules, NULL, date, cache, FALSE };
  int status;

  context = g_option_context_new (_("— write a region’s report as a multi-page PDF"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return distretto_cli_fail ("report", "%s", error->message);
  if (argc > 1)
    return distretto_cli_fail ("report", _("unexpected argument “%s”"), argv[1]);
  if (output == NULL && output_dir == NULL)
    return distretto_cli_fail ("report", _("missing --output FILE.pdf"));
  if (output != NULL && output_dir != NULL)
    return distretto_cli_fail ("report", _("--output and --output-dir exclude each other: one report, or one per region"));
  if (all_regions && output_dir == NULL)
    return distretto_cli_fail ("report", _("--all-regions writes one report per region: add --output-dir DIR"));
  if (all_regions && regions != NULL)
    return distretto_cli_fail ("report", _("--all-regions and --region exclude each other"));
  if (!all_regions && regions == NULL)
    return distretto_cli_fail ("report", _("missing --region CODE"));
  if (output != NULL && g_strv_length (regions) > 1)
    return distretto_cli_fail ("report", _("one --region for one --output: use --output-dir DIR for several"));
  if (level < 0 || level > 3)
    return distretto_cli_fail ("report", _("--level must be a NUTS level, 0 to 3"));
  run.bundle = bundle;

  status = output != NULL ? distretto_cli_check_output ("report", output, (const char * const *) data_paths, NULL)
                          : distretto_cli_check_output_dir ("report", output_dir);
  if (status != DISTRETTO_EXIT_OK)
    return status;

  engine = distretto_plugin_engine_new ();
  status = load_modules (engine, module_ids, modules);
  if (status != DISTRETTO_EXIT_OK)
    return status;

  loaded = distretto_cli_load_data ((const char * const *) data_paths, &error);
  if (loaded == NULL)
    return distretto_cli_fail ("report", "%s", error->message);
  run.dataset = loaded;

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (distretto_dataset_get_region (loaded, regions[0]) == NULL)
        return distretto_cli_fail ("report", _("unknown region “%s”: the dataset has no such region"), regions[0]);
      if (!write_report (regions[0], file, &run, &error))
        return distretto_cli_fail ("report", _("cannot write “%s”: %s"), output, error->message);
      return DISTRETTO_EXIT_OK;
    }
  else
    {
      g_autoptr(GPtrArray) codes = all_regions ? distretto_view_dup_compared_regions (loaded, level)
                                               : distretto_cli_dup_strv (regions);

      if (codes->len == 0)
        return distretto_cli_fail ("report", _("the dataset has no NUTS %d region"), level);
      return distretto_batch_run ("report", output_dir, "report-", "pdf", codes, write_report, &run);
    }
}

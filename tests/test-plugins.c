/* test-plugins.c: the C and the Python plugin, loaded through libpeas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <glib/gstdio.h>
#include <string.h>

#include "distretto-demo.h"
#include "distretto-plugin-engine.h"

/* Employment in the Labour Force Survey, by NACE section. */
#define TOTAL "lfst_r_lfe2en2?nace_r2=TOTAL&age=Y15-64&sex=T&unit=THS"

static DistrettoPluginEngine *
load_engine (void)
{
  DistrettoPluginEngine *engine = distretto_plugin_engine_new ();

  distretto_plugin_engine_load_all (engine);
  return engine;
}

static void
assert_share (DistrettoModule  *module,
              DistrettoDataset *dataset,
              const char       *part_series)
{
  DistrettoIndicator *indicator = distretto_module_get_indicator (module);
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  int year = distretto_indicator_get_latest_year (indicator, dataset);
  guint checked = 0;

  g_assert_cmpint (year, ==, distretto_dataset_get_last_year (dataset));

  result = distretto_indicator_compute (indicator, dataset, year, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpint (distretto_indicator_result_get_year (result), ==, year);
  g_assert_cmpuint (distretto_indicator_result_get_n_scores (result), ==, distretto_dataset_get_n_regions (dataset));

  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      const char *code = distretto_region_get_code (distretto_dataset_get_region_at (dataset, i));
      double part = distretto_dataset_get_selected_value (dataset, part_series, code, year, NULL);
      double total = distretto_dataset_get_selected_value (dataset, TOTAL, code, year, NULL);
      DistrettoFlags flags;
      double score;

      g_assert_true (distretto_indicator_result_lookup (result, code, &score, &flags));
      if (isnan (part) || isnan (total))
        {
          /* Districts: the regional accounts only, which the example does
           * not read. */
          g_assert_true (isnan (score));
          continue;
        }
      g_assert_cmpfloat_with_epsilon (score, 100.0 * part / total, 1e-9);
      g_assert_cmpint (flags & DISTRETTO_FLAGS_SYNTHETIC, ==, DISTRETTO_FLAGS_SYNTHETIC);
      checked++;
    }

  g_assert_cmpuint (checked, >, 100);
}

static void
test_c_plugin (void)
{
  g_autoptr(DistrettoPluginEngine) engine = load_engine ();
  g_autoptr(DistrettoDataset) dataset = distretto_demo_dataset_load (NULL);
  const char *modules[] = { "servitization", "digital-adoption", "i40-readiness" };

  for (guint m = 0; m < G_N_ELEMENTS (modules); m++)
    {
      PeasPluginInfo *info = peas_engine_get_plugin_info (distretto_plugin_engine_get_peas (engine), modules[m]);
      DistrettoModule *module = distretto_plugin_engine_find_module (engine, modules[m]);

      g_assert_nonnull (info);
      g_assert_true (peas_plugin_info_is_loaded (info));
      g_assert_cmpstr (peas_plugin_info_get_external_data (info, "Distretto-ABI"), ==, "1");
      g_assert_nonnull (module);
      g_assert_cmpstr (distretto_module_get_plugin_name (module), ==, modules[m]);
    }

  g_assert_cmpstr (distretto_module_get_title (distretto_plugin_engine_find_module (engine, "servitization")), ==,
                   "Territorial servitization");
  g_assert_nonnull (strstr (distretto_module_get_description (distretto_plugin_engine_find_module (engine, "servitization")),
                            "KIBS"));
  g_assert_cmpint (distretto_indicator_get_latest_year (distretto_module_get_indicator (
                     distretto_plugin_engine_find_module (engine, "servitization")), dataset), ==,
                   distretto_dataset_get_last_year (dataset));
}

static void
test_python_plugin (void)
{
  g_autoptr(DistrettoPluginEngine) engine = load_engine ();
  g_autoptr(DistrettoDataset) dataset = distretto_demo_dataset_load (NULL);
  PeasPluginInfo *info = peas_engine_get_plugin_info (distretto_plugin_engine_get_peas (engine), "manufacturing_share");
  DistrettoModule *module;

  g_assert_true (distretto_plugin_engine_has_python (engine));
  g_assert_nonnull (info);
  g_assert_true (peas_plugin_info_is_loaded (info));

  module = distretto_plugin_engine_find_module (engine, "manufacturing_share");
  g_assert_nonnull (module);
  g_assert_cmpstr (distretto_module_get_title (module), ==, "Manufacturing employment share");
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (distretto_module_get_indicator (module)), !=, "DistrettoServitization");

  assert_share (module, dataset, "lfst_r_lfe2en2?nace_r2=C&age=Y15-64&sex=T&unit=THS");
}

#define CSV "region,indicator,year,value\nITH3,emp_total,2020,10\n"

static void
test_missing_series (void)
{
  g_autoptr(DistrettoPluginEngine) engine = load_engine ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (CSV, strlen (CSV));
  g_autoptr(DistrettoDataset) dataset = distretto_tidy_csv_load_bytes (bytes, "t.csv", NULL);
  g_autoptr(GError) error = NULL;
  DistrettoModule *module = distretto_plugin_engine_find_module (engine, "servitization");

  g_assert_nonnull (dataset);
  g_assert_null (distretto_indicator_compute (distretto_module_get_indicator (module), dataset, 2020, &error));
  g_assert_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_MISSING_SERIES);
  /* Each sub-indicator with the tables that have it. */
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "(TS1) (Eurostat sbs_r_nuts06_r2, lfst_r_lfe2en2, nama_10r_3empers)"));
  g_assert_nonnull (strstr (error->message, "(TS4) (Eurostat htec_emp_reg2)"));
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_broken_plugins_are_listed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("distretto-plugins-XXXXXX", &error);
  g_autofree char *old_path = g_strdup (g_getenv ("DISTRETTO_PLUGIN_PATH"));
  g_autofree char *new_path = g_strconcat (old_path ? old_path : "", ":", dir, NULL);
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  const char *files[] = { "future.plugin", "future.py", "broken.plugin", "broken.py" };
  GPtrArray *problems;
  gboolean abi_listed = FALSE, syntax_listed = FALSE;

  g_assert_no_error (error);
  write_file (dir, "future.plugin",
              "[Plugin]\nModule=future\nLoader=python3\nName=Future\nX-Distretto-ABI=2\n");
  write_file (dir, "future.py", "raise RuntimeError('must not be imported')\n");
  write_file (dir, "broken.plugin",
              "[Plugin]\nModule=broken\nLoader=python3\nName=Broken\nX-Distretto-ABI=1\n");
  write_file (dir, "broken.py", "def oops(:\n");

  g_setenv ("DISTRETTO_PLUGIN_PATH", new_path, TRUE);
  /* libpeas warns about the plugin that fails to import; that is expected. */
  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "Error importing plugin 'broken'*");
  g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING, "Error loading plugin 'broken'*");
  engine = load_engine ();
  g_test_assert_expected_messages ();
  g_setenv ("DISTRETTO_PLUGIN_PATH", old_path, TRUE);

  problems = distretto_plugin_engine_get_problems (engine);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = g_ptr_array_index (problems, i);

      g_test_message ("%s", problem);
      if (g_str_has_prefix (problem, "Future (future):") && strstr (problem, "ABI “2”"))
        abi_listed = TRUE;
      if (g_str_has_prefix (problem, "Broken (broken):"))
        syntax_listed = TRUE;
    }

  g_assert_true (abi_listed);
  g_assert_true (syntax_listed);
  g_assert_false (peas_plugin_info_is_loaded (peas_engine_get_plugin_info (distretto_plugin_engine_get_peas (engine), "future")));
  /* The good plugins still load. */
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "servitization"));
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "manufacturing_share"));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Plugins/c", test_c_plugin);
  g_test_add_func ("/Distretto/Plugins/python", test_python_plugin);
  g_test_add_func ("/Distretto/Plugins/missing-series", test_missing_series);
  g_test_add_func ("/Distretto/Plugins/broken-are-listed", test_broken_plugins_are_listed);

  return g_test_run ();
}

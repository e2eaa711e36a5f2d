/* distretto-validate-command.c: `distretto validate [--boundaries FILE] FILE…`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "distretto-cli.h"
#include "distretto-module.h"
#include "distretto-plugin-engine.h"
#include "distretto-validate-command.h"

static void
print_levels (DistrettoDataset *dataset)
{
  guint levels[4] = { 0 }, aggregates = 0, extra = 0;

  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);
      int level = distretto_region_get_level (region);

      if (level == DISTRETTO_REGION_LEVEL_AGGREGATE)
        aggregates++;
      else if (distretto_region_is_extra_regio (region))
        extra++;
      else
        levels[level]++;
    }

  g_print (_("  regions: %u (NUTS 0: %u, NUTS 1: %u, NUTS 2: %u, NUTS 3: %u, aggregates: %u, Extra-Regio: %u)\n"),
           distretto_dataset_get_n_regions (dataset),
           levels[0], levels[1], levels[2], levels[3], aggregates, extra);
}

static void
print_missing (DistrettoDataset *dataset)
{
  int first = distretto_dataset_get_first_year (dataset);
  int last = distretto_dataset_get_last_year (dataset);
  guint64 cells = 0, missing = 0;

  for (guint s = 0; s < distretto_dataset_get_n_series (dataset); s++)
    for (guint r = 0; r < distretto_dataset_get_n_regions (dataset); r++)
      for (int y = first; y <= last; y++)
        {
          cells++;
          if (isnan (distretto_dataset_get_value_at (dataset, s, r, y, NULL)))
            missing++;
        }

  /* TRANSLATORS: share of missing cells over series × regions × years */
  g_print (_("  missing: %.1f%% of %llu cells (series × regions × years)\n"),
           cells ? 100.0 * missing / cells : 0.0, (unsigned long long) cells);
}

/* One series: its selector, the regions with data by level, the years
 * with data and the share of missing cells over those regions × years. */
static void
print_series (DistrettoDataset *dataset,
              guint             s)
{
  g_autofree char *selector = distretto_series_dup_selector (distretto_dataset_get_series_at (dataset, s));
  g_autoptr(GString) levels = g_string_new (NULL);
  int first = distretto_dataset_get_first_year (dataset);
  int last = distretto_dataset_get_last_year (dataset);
  int first_with_data = G_MAXINT, last_with_data = G_MININT;
  guint per_level[4] = { 0 }, aggregates = 0, extra = 0, n_regions = 0;
  guint64 cells, present = 0;

  for (guint r = 0; r < distretto_dataset_get_n_regions (dataset); r++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, r);
      gboolean has_data = FALSE;

      for (int y = first; y <= last; y++)
        {
          if (isnan (distretto_dataset_get_value_at (dataset, s, r, y, NULL)))
            continue;
          has_data = TRUE;
          present++;
          first_with_data = MIN (first_with_data, y);
          last_with_data = MAX (last_with_data, y);
        }

      if (!has_data)
        continue;

      n_regions++;
      if (distretto_region_get_level (region) == DISTRETTO_REGION_LEVEL_AGGREGATE)
        aggregates++;
      else if (distretto_region_is_extra_regio (region))
        extra++;
      else
        per_level[distretto_region_get_level (region)]++;
    }

  g_print ("    %s\n", selector);
  if (n_regions == 0)
    {
      g_print (_("      no data: every cell is missing\n"));
      return;
    }

  for (int level = 0; level < 4; level++)
    if (per_level[level] > 0)
      g_string_append_printf (levels, "%s%s %d: %u", levels->len ? ", " : "", "NUTS", level, per_level[level]);
  if (aggregates > 0)
    g_string_append_printf (levels, _("%saggregates: %u"), levels->len ? ", " : "", aggregates);
  if (extra > 0)
    g_string_append_printf (levels, _("%sExtra-Regio: %u"), levels->len ? ", " : "", extra);

  cells = (guint64) n_regions * (last_with_data - first_with_data + 1);
  /* TRANSLATORS: one series of a file: regions with data by level, the
   * years with data, the share of missing cells over those regions × years */
  g_print (_("      regions: %u (%s), years: %d–%d, missing: %.1f%% of %llu cells\n"),
           n_regions, levels->str, first_with_data, last_with_data,
           100.0 * (cells - present) / cells, (unsigned long long) cells);
}

static void
print_codes (const char          *title,
             const char * const  *codes)
{
  g_autoptr(GString) line = g_string_new (NULL);
  guint n = g_strv_length ((char **) codes);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (line, ", ");
      g_string_append (line, codes[i]);
    }

  g_print ("  %s: %u%s%s\n", title, n, n ? " — " : "", line->str);
}

/* What bringing the data to the boundaries' NUTS version (or the latest)
 * does, code by code; the regions of a country that version does not
 * cover (the UK in 2024) on one line per country, unknown codes on one. */
static void
print_nuts_changes (DistrettoDataset    *dataset,
                    DistrettoBoundaries *boundaries)
{
  int version = boundaries != NULL ? distretto_boundaries_guess_nuts_version (boundaries) : 0;
  g_autoptr(DistrettoNutsReport) report = NULL;
  g_autoptr(DistrettoDataset) recoded = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();   /* the first entry of each country and version */
  g_autoptr(GArray) kept_counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GStrvBuilder) unknown = g_strv_builder_new ();
  g_auto(GStrv) unknown_codes = NULL;
  guint n;

  recoded = distretto_dataset_recode_nuts (dataset, version != 0 ? version : DISTRETTO_NUTS_VERSION_LATEST, &report);
  version = distretto_nuts_report_get_version (report);
  n = distretto_nuts_report_get_n_entries (report);
  /* TRANSLATORS: e.g. "NUTS 2024: 12 codes of other versions" */
  g_print (ngettext ("  NUTS %d: %u code of another version\n",
                     "  NUTS %d: %u codes of other versions\n", n), version, n);

  for (guint i = 0; i < n; i++)
    {
      const char *code = distretto_nuts_report_get_code (report, i);
      int code_version = distretto_nuts_report_get_code_version (report, i);

      if (code_version == 0)
        g_strv_builder_add (unknown, code);
      else if (distretto_nuts_report_is_abolished (report, i))
        {
          g_autofree char *line = distretto_nuts_report_describe (report, i);

          g_print ("    %s\n", line);
        }
      else
        {
          guint k;

          for (k = 0; k < kept->len; k++)
            {
              guint first = GPOINTER_TO_UINT (g_ptr_array_index (kept, k));

              if (strncmp (distretto_nuts_report_get_code (report, first), code, 2) == 0 &&
                  distretto_nuts_report_get_code_version (report, first) == code_version)
                break;
            }
          if (k == kept->len)
            {
              g_ptr_array_add (kept, GUINT_TO_POINTER (i));
              g_array_set_size (kept_counts, k + 1);
            }
          g_array_index (kept_counts, guint, k)++;
        }
    }

  for (guint k = 0; k < kept->len; k++)
    {
      guint first = GPOINTER_TO_UINT (g_ptr_array_index (kept, k));
      guint count = g_array_index (kept_counts, guint, k);

      /* TRANSLATORS: e.g. "UK (NUTS 2021): not in NUTS 2024, 41 regions kept as they are" */
      g_print (ngettext ("    %.2s (NUTS %d): not in NUTS %d, %u region kept as it is\n",
                         "    %.2s (NUTS %d): not in NUTS %d, %u regions kept as they are\n", count),
               distretto_nuts_report_get_code (report, first),
               distretto_nuts_report_get_code_version (report, first), version, count);
    }

  unknown_codes = g_strv_builder_end (unknown);
  if (unknown_codes[0] != NULL)
    print_codes (_("unknown to NUTS 2010 to 2024"), (const char * const *) unknown_codes);
}

/* Which modules the file can feed: fully, partly (and what is missing
 * or stands in, with the tables to get), or not at all. */
static void
print_modules (DistrettoDataset *dataset,
               GListModel       *modules)
{
  if (modules == NULL || g_list_model_get_n_items (modules) == 0)
    return;

  g_print (_("  modules:\n"));
  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (modules, i);
      DistrettoIndicator *indicator = distretto_module_get_indicator (module);
      g_autofree char *coverage = NULL;

      if (!distretto_indicator_check_dataset (indicator, dataset, NULL))
        {
          /* TRANSLATORS: a module the file cannot feed: its title and id */
          g_print (_("    %s (%s): cannot be computed from this file\n"), distretto_module_get_title (module),
                   distretto_module_get_id (module));
          continue;
        }

      coverage = distretto_indicator_dup_coverage (indicator, dataset);
      if (coverage == NULL)
        /* TRANSLATORS: a module the file feeds: its title and id */
        g_print (_("    %s (%s): fully\n"), distretto_module_get_title (module), distretto_module_get_id (module));
      else
        /* TRANSLATORS: a module the file feeds in part: its title, its id and what it could use */
        g_print (_("    %s (%s): partly. %s\n"), distretto_module_get_title (module), distretto_module_get_id (module),
                 coverage);
    }
}

static void
print_report (DistrettoDataset    *dataset,
              DistrettoBoundaries *boundaries,
              const char          *boundaries_name,
              GListModel          *modules)
{
  DistrettoSource *source = distretto_dataset_get_source_at (dataset, 0);
  g_autofree char *flags = distretto_flags_to_string (distretto_dataset_get_flags_seen (dataset));

  g_print ("%s\n", distretto_source_get_name (source));
  if (distretto_source_get_table_code (source) != NULL)
    g_print (_("  format: %s (table %s)\n"), distretto_source_get_format (source),
             distretto_source_get_table_code (source));
  else
    g_print (_("  format: %s\n"), distretto_source_get_format (source));

  print_levels (dataset);
  g_print (_("  series: %u\n"), distretto_dataset_get_n_series (dataset));
  for (guint s = 0; s < distretto_dataset_get_n_series (dataset); s++)
    print_series (dataset, s);
  g_print (_("  years: %d–%d\n"), distretto_dataset_get_first_year (dataset),
           distretto_dataset_get_last_year (dataset));
  print_missing (dataset);
  g_print (_("  flags seen: %s\n"), flags[0] ? flags : _("none"));

  if (boundaries != NULL)
    {
      g_auto(GStrv) missing = distretto_boundaries_dup_missing_codes (boundaries, dataset);
      g_autofree char *title = g_strdup_printf (_("NUTS codes unknown to %s"), boundaries_name);
      gboolean has_level[4] = { FALSE };

      print_codes (title, (const char * const *) missing);

      /* Geometry without data, at the levels the file has data for. */
      for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
        {
          int level = distretto_region_get_level (distretto_dataset_get_region_at (dataset, i));

          if (level >= 0)
            has_level[level] = TRUE;
        }

      for (int level = 0; level < 4; level++)
        {
          g_auto(GStrv) unused = NULL;
          g_autofree char *unused_title = NULL;

          if (!has_level[level])
            continue;

          unused = distretto_boundaries_dup_unused_codes (boundaries, dataset, level);
          unused_title = g_strdup_printf (_("NUTS %d regions of %s without data"), level, boundaries_name);
          print_codes (unused_title, (const char * const *) unused);
        }
    }

  print_nuts_changes (dataset, boundaries);
  print_modules (dataset, modules);
}

int
distretto_validate_command_run (int    argc,
                                char **argv)
{
  g_autofree char *boundaries_path = NULL;
  gboolean no_modules = FALSE;
  const GOptionEntry entries[] = {
    { "boundaries", 'b', 0, G_OPTION_ARG_FILENAME, &boundaries_path,
      N_("GeoJSON boundaries to check the NUTS codes against"), N_("FILE") },
    { "no-modules", 0, 0, G_OPTION_ARG_NONE, &no_modules,
      N_("Do not say which indicator modules each file can feed (loads no plugin)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  g_autofree char *boundaries_name = NULL;
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  int status = DISTRETTO_EXIT_OK;

  context = g_option_context_new (_("FILE… — check data files and describe what they hold"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return distretto_cli_fail ("validate", "%s", error->message);
  if (argc < 2)
    return distretto_cli_fail ("validate", _("missing FILE: name at least one data file"));

  if (boundaries_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (boundaries_path);

      boundaries = distretto_boundaries_load_file (file, NULL, &error);
      if (boundaries == NULL)
        return distretto_cli_fail ("validate", "%s", error->message);
      boundaries_name = g_file_get_basename (file);
    }

  if (!no_modules)
    {
      engine = distretto_plugin_engine_new ();
      distretto_plugin_engine_load_all (engine);
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(DistrettoDataset) dataset = NULL;

      g_clear_error (&error);
      dataset = distretto_dataset_load_file (file, NULL, NULL, NULL, &error);
      if (dataset == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_print ("%s\n  %s %s\n", name, _("error:"), error->message);
          status = DISTRETTO_EXIT_INVALID;
          continue;
        }

      print_report (dataset, boundaries, boundaries_name,
                    engine != NULL ? distretto_plugin_engine_get_modules (engine) : NULL);
    }

  return status;
}

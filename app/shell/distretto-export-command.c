/* distretto-export-command.c: `distretto export`, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "distretto-cli.h"
#include "distretto-export-command.h"
#include "distretto-plugin-engine.h"

#define DEFAULT_WIDTH 1000

/* The format named, or told by the file name's extension; "csv" writes
 * the data table behind the chart. */
static const char *
format_of (const char *format_name,
           const char *output)
{
  const char *dot;

  if (format_name != NULL)
    return format_name;

  dot = strrchr (output, '.');
  return dot != NULL ? dot + 1 : NULL;
}

static gboolean
is_table (const char *format)
{
  return format != NULL && g_ascii_strcasecmp (format, "csv") == 0;
}

/* The data behind the chart, atomically as every export. */
static int
export_table (DistrettoChart *chart,
              GFile          *file,
              const char     *output)
{
  char *table = distretto_chart_dup_table (chart);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (table == NULL)
    return distretto_cli_fail ("export", _("the view “%s” has no data table: export the ranking as CSV"),
                               distretto_chart_get_title (chart));

  bytes = g_bytes_new_take (table, strlen (table));
  if (!distretto_write_file (file, bytes, &error))
    return distretto_cli_fail ("export", _("cannot write “%s”: %s"), output, error->message);

  return DISTRETTO_EXIT_OK;
}

/* The data's codes, of whichever NUTS version, as the boundaries' version
 * (or the latest) writes them. */
static DistrettoDataset *
recode_for (DistrettoDataset    *dataset,
            DistrettoBoundaries *boundaries)
{
  int version = boundaries != NULL ? distretto_boundaries_guess_nuts_version (boundaries) : 0;

  return distretto_dataset_recode_nuts (dataset, version != 0 ? version : DISTRETTO_NUTS_VERSION_LATEST, NULL);
}

int
distretto_export_command_run (int    argc,
                              char **argv)
{
  g_autofree char *module_id = NULL;
  g_autofree char *chart_type = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *boundaries_path = NULL;
  g_auto(GStrv) data_paths = NULL;
  g_auto(GStrv) regions = NULL;
  int width = DEFAULT_WIDTH;
  int height = 0;
  const GOptionEntry entries[] = {
    { "module", 'm', 0, G_OPTION_ARG_STRING, &module_id, N_("Indicator module to chart"), N_("ID") },
    { "chart", 'c', 0, G_OPTION_ARG_STRING, &chart_type, N_("ranking, trend, radar, scatter, map, heatmap, or a view the module offers (default: ranking)"), N_("TYPE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("png, svg, pdf, or csv for the data table (default: from the file name)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("File to write"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (PNG) or points (SVG, PDF)"), N_("N") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height (default: enough for every region)"), N_("N") },
    { "data", 'd', 0, G_OPTION_ARG_FILENAME_ARRAY, &data_paths, N_("Data file to chart, in any format Distretto reads; repeat for several (default: the demo dataset)"), N_("FILE") },
    { "region", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &regions, N_("Region to draw in the trend or radar, or to name in the scatter; repeat for several (default: the top of the latest ranking)"), N_("CODE") },
    { "boundaries", 'b', 0, G_OPTION_ARG_FILENAME, &boundaries_path, N_("GeoJSON boundaries of the regions, for --chart map"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) loaded = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GStrvBuilder) inputs = NULL;
  g_auto(GStrv) input_paths = NULL;
  const char *input;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  g_autoptr(DistrettoViewRequest) request = NULL;
  DistrettoChartFormat format = DISTRETTO_CHART_FORMAT_PNG;
  const char *kind;
  GPtrArray *problems;
  DistrettoModule *module;

  context = g_option_context_new (_("— write a chart of an indicator module to a file"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return distretto_cli_fail ("export", "%s", error->message);

  if (argc > 1)
    return distretto_cli_fail ("export", _("unexpected argument “%s”"), argv[1]);
  if (module_id == NULL)
    return distretto_cli_fail ("export", _("missing --module ID"));
  if (output == NULL)
    return distretto_cli_fail ("export", _("missing --output FILE"));
  kind = format_of (format_name, output);
  if (!is_table (kind) && (kind == NULL || !distretto_chart_format_from_name (kind, &format)))
    {
      if (format_name != NULL)
        return distretto_cli_fail ("export", _("unknown format “%s”: expected png, svg, pdf or csv"), format_name);
      return distretto_cli_fail ("export", _("cannot tell the format from “%s”: add --format png, svg, pdf or csv"), output);
    }
  if (width < 1 || height < 0)
    return distretto_cli_fail ("export", _("--width and --height must be positive"));
  if (chart_type == NULL)
    chart_type = g_strdup ("ranking");
  if ((distretto_view_get_needs (chart_type) & DISTRETTO_VIEW_NEEDS_BOUNDARIES) && boundaries_path == NULL)
    return distretto_cli_fail ("export", _("--chart map needs --boundaries FILE"));
  if (regions != NULL && !(distretto_view_get_needs (chart_type) & DISTRETTO_VIEW_TAKES_REGIONS))
    return distretto_cli_fail ("export", _("--region applies only to --chart trend, radar or scatter"));

  /* Before any work: a FIFO, a folder, the input itself are refused. */
  file = g_file_new_for_commandline_arg (output);
  if (!distretto_check_output_file (file, &error))
    return distretto_cli_fail ("export", _("cannot write “%s”: %s"), output, error->message);
  inputs = g_strv_builder_new ();
  if (data_paths != NULL)
    g_strv_builder_addv (inputs, (const char **) data_paths);
  if (boundaries_path != NULL)
    g_strv_builder_add (inputs, boundaries_path);
  input_paths = g_strv_builder_end (inputs);
  input = distretto_cli_find_input (file, (const char * const *) input_paths);
  if (input != NULL)
    return distretto_cli_fail ("export", _("--output “%s” is the input file “%s”: write to another file"),
                               output, input);

  /* Only the module's plugin and those it needs: a broken plugin
   * elsewhere does not stop the export. */
  engine = distretto_plugin_engine_new ();
  problems = distretto_plugin_engine_get_setup_problems (engine);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("distretto export: %s\n", (const char *) g_ptr_array_index (problems, i));

  module = distretto_plugin_engine_load_module (engine, module_id, &error);
  if (module == NULL)
    return distretto_cli_fail ("export", "%s", error->message);

  loaded = distretto_cli_load_data ((const char * const *) data_paths, &error);
  if (loaded == NULL)
    return distretto_cli_fail ("export", "%s", error->message);

  if (boundaries_path != NULL)
    {
      g_autoptr(GFile) boundaries_file = g_file_new_for_commandline_arg (boundaries_path);

      boundaries = distretto_boundaries_load_file (boundaries_file, NULL, &error);
      if (boundaries == NULL)
        return distretto_cli_fail ("export", "%s", error->message);
    }

  dataset = recode_for (loaded, boundaries);

  request = distretto_view_request_new (distretto_module_get_indicator (module), dataset);
  distretto_view_request_set_boundaries (request, boundaries);
  distretto_view_request_set_regions (request, (const char * const *) regions);
  chart = distretto_view_build (chart_type, request, &error);
  if (chart == NULL)
    return distretto_cli_fail ("export", "%s", error->message);

  if (is_table (kind))
    return export_table (chart, file, output);

  /* A module's own view keeps a 3:2 shape; built-in charts their room. */
  if (height == 0)
    height = distretto_chart_get_kind (chart) == DISTRETTO_CHART_KIND_CUSTOM
             ? width * 2 / 3 : (int) distretto_chart_get_natural_height (chart);

  if (!distretto_chart_export_file (chart, file, format, width, height, &error))
    return distretto_cli_fail ("export", _("cannot write “%s”: %s"), output, error->message);

  return DISTRETTO_EXIT_OK;
}

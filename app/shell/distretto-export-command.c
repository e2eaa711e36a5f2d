/* distretto-export-command.c: `distretto export`, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "distretto-batch.h"
#include "distretto-bundle.h"
#include "distretto-cli.h"
#include "distretto-export-command.h"
#include "distretto-plugin-engine.h"

#define DEFAULT_WIDTH 1000

typedef struct
{
  char *module_id;
  char *chart_type;
  char *format_name;
  char *output;
  char *output_dir;
  char *boundaries_path;
  char *size_name;
  char *style_name;
  char *title;
  char *subtitle;
  char *notes;
  char *country;
  GStrv data_paths;
  GStrv regions;
  int width;
  int height;
  double scale;
  int year;
  int level;
  int top;
  gboolean all_regions;
  gboolean bundle;
} ExportArgs;

static void
export_args_clear (ExportArgs *args)
{
  g_free (args->module_id);
  g_free (args->chart_type);
  g_free (args->format_name);
  g_free (args->output);
  g_free (args->output_dir);
  g_free (args->boundaries_path);
  g_free (args->size_name);
  g_free (args->style_name);
  g_free (args->title);
  g_free (args->subtitle);
  g_free (args->notes);
  g_free (args->country);
  g_strfreev (args->data_paths);
  g_strfreev (args->regions);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportArgs, export_args_clear)

/* What every file of one run is made from. */
typedef struct
{
  ExportArgs *args;
  DistrettoModule *module;
  const char *module_version;
  DistrettoDataset *dataset;
  DistrettoBoundaries *boundaries;
  const char *kind;             /* the format's name; "csv" for the table */
  DistrettoChartFormat format;
  GDateTime *created;
  DistrettoResultCache *cache;  /* the module's results, shared by a batch */
} ExportRun;

/* The format named, or told by the file name's extension; "csv" writes
 * the data table behind the chart. */
static const char *
format_of (const char *format_name,
           const char *output)
{
  const char *dot;

  if (format_name != NULL)
    return format_name;
  if (output == NULL)
    return "png";

  dot = strrchr (output, '.');
  return dot != NULL ? dot + 1 : NULL;
}

static gboolean
is_table (const char *format)
{
  return format != NULL && g_ascii_strcasecmp (format, "csv") == 0;
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

/* The export's size: --size, else --width and --height, the height by
 * default what the chart needs (a module's own view keeps a 3:2 shape),
 * larger as the export is wider than charts are laid out for. */
static void
choose_size (ExportArgs     *args,
             DistrettoChart *chart,
             double         *width,
             double         *height)
{
  if (args->size_name != NULL && distretto_export_size_from_name (args->size_name, width, height))
    return;

  *width = args->width;
  *height = args->height;
  if (*height == 0)
    *height = distretto_chart_get_kind (chart) == DISTRETTO_CHART_KIND_CUSTOM
              ? round (*width * 2 / 3)
              : ceil (distretto_chart_get_natural_height (chart) * distretto_export_get_zoom (*width, 0));
}

static DistrettoViewRequest *
create_request (ExportRun          *run,
                const char * const *regions,
                const char         *selected)
{
  ExportArgs *args = run->args;
  DistrettoViewRequest *request;

  request = distretto_view_request_new (distretto_module_get_indicator (run->module), run->dataset);
  distretto_view_request_set_boundaries (request, run->boundaries);
  distretto_view_request_set_year (request, args->year);
  distretto_view_request_set_level (request, args->level);
  distretto_view_request_set_country (request, args->country);
  distretto_view_request_set_top (request, args->top);
  distretto_view_request_set_regions (request, regions);
  distretto_view_request_set_selected (request, selected);
  distretto_view_request_set_title (request, args->title);
  distretto_view_request_set_subtitle (request, args->subtitle);
  distretto_view_request_set_notes (request, args->notes);
  distretto_view_request_set_cache (request, run->cache);

  return request;
}

/* "cannot write “FILE”: why"; returns FALSE. */
static gboolean
prefix_write_error (GFile   *file,
                    GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_prefix_error (error, _("cannot write “%s”: "), name);
  return FALSE;
}

/* Draws one file, and its bundle if asked. */
static gboolean
export_one (ExportRun            *run,
            DistrettoViewRequest *request,
            GFile                *file,
            GError              **error)
{
  ExportArgs *args = run->args;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(DistrettoExportOptions) options = NULL;
  DistrettoBundle bundle = { 0, };

  chart = distretto_view_build (args->chart_type, request, error);
  if (chart == NULL)
    return FALSE;

  if (is_table (run->kind))
    {
      g_autofree char *table = distretto_chart_dup_tidy_table (chart, ',');
      g_autoptr(GBytes) bytes = NULL;

      if (table == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("the view “%s” has no data table: export the ranking as CSV"), args->chart_type);
          return FALSE;
        }
      bytes = g_bytes_new_take (g_steal_pointer (&table), strlen (table));
      if (!distretto_write_file (file, bytes, error))
        return prefix_write_error (file, error);
    }
  else
    {
      double width, height;

      choose_size (args, chart, &width, &height);
      options = distretto_export_options_new (run->format, width, height);
      distretto_export_options_set_scale (options, args->scale);
      distretto_export_options_set_style (options, distretto_cli_parse_style (args->style_name));
      distretto_export_options_set_creation_date (options, run->created);
      if (!distretto_chart_export_file_with_options (chart, file, options, error))
        return prefix_write_error (file, error);
    }

  if (!args->bundle)
    return TRUE;

  bundle.module_id = distretto_module_get_id (run->module);
  bundle.module_version = run->module_version;
  bundle.definition = distretto_module_get_definition (run->module);
  bundle.view_id = args->chart_type;
  bundle.request = request;
  bundle.boundaries_path = args->boundaries_path;
  bundle.options = options;

  return distretto_bundle_write (&bundle, chart, file, error) || prefix_write_error (file, error);
}

/* Checks what can be checked before any work; the usage errors. */
static int
check_args (ExportArgs *args)
{
  const char *kind = format_of (args->format_name, args->output);
  DistrettoChartFormat format;
  double width, height;

  if (args->module_id == NULL)
    return distretto_cli_fail ("export", _("missing --module ID"));
  if (args->output == NULL && args->output_dir == NULL)
    return distretto_cli_fail ("export", _("missing --output FILE"));
  if (args->output != NULL && args->output_dir != NULL)
    return distretto_cli_fail ("export", _("--output and --output-dir exclude each other: one file, or one per region"));
  if (args->output_dir != NULL && !args->all_regions && args->regions == NULL)
    return distretto_cli_fail ("export", _("--output-dir writes one file per region: add --all-regions or --region CODE"));
  if (args->all_regions && args->output_dir == NULL)
    return distretto_cli_fail ("export", _("--all-regions writes one file per region: add --output-dir DIR"));
  if (args->all_regions && args->regions != NULL)
    return distretto_cli_fail ("export", _("--all-regions and --region exclude each other"));

  if (!is_table (kind) && (kind == NULL || !distretto_chart_format_from_name (kind, &format)))
    {
      if (args->format_name != NULL || args->output == NULL)
        return distretto_cli_fail ("export", _("unknown format “%s”: expected png, svg, pdf or csv"), kind);
      return distretto_cli_fail ("export", _("cannot tell the format from “%s”: add --format png, svg, pdf or csv"),
                                 args->output);
    }

  if (args->size_name != NULL && !distretto_export_size_from_name (args->size_name, &width, &height))
    return distretto_cli_fail ("export", _("unknown size “%s”: expected slide, a4, a4-landscape or square"),
                               args->size_name);
  if (args->width < 1 || args->height < 0 || args->width > 32767 || args->height > 32767)
    return distretto_cli_fail ("export", _("--width and --height must be between 1 and 32767"));
  if (!(args->scale >= 1.0 && args->scale <= DISTRETTO_EXPORT_MAX_SCALE))
    return distretto_cli_fail ("export", _("--scale must be between 1 and %g"), DISTRETTO_EXPORT_MAX_SCALE);
  if (args->style_name != NULL && distretto_cli_parse_style (args->style_name) < 0)
    return distretto_cli_fail ("export", _("unknown style “%s”: expected light, dark or print"), args->style_name);
  if (args->level < 0 || args->level > 3)
    return distretto_cli_fail ("export", _("--level must be a NUTS level, 0 to 3"));
  if (args->year != 0 && (args->year < 1900 || args->year > 2100))
    return distretto_cli_fail ("export", _("--year must be a year such as 2022"));
  if (args->top < 0)
    return distretto_cli_fail ("export", _("--top must be 0 (every region) or more"));
  if (args->chart_type != NULL && g_str_equal (args->chart_type, "map") && args->boundaries_path == NULL)
    return distretto_cli_fail ("export", _("--chart map needs --boundaries FILE"));

  return DISTRETTO_EXIT_OK;
}

/* The help's epilogue: every module and the charts it offers. */
static char *
describe_modules (void)
{
  g_autoptr(DistrettoPluginEngine) engine = distretto_plugin_engine_new ();
  g_autoptr(GString) text = g_string_new (_("Charts each module offers (--module ID --chart TYPE):"));
  GListModel *modules;

  distretto_plugin_engine_load_all (engine);
  modules = distretto_plugin_engine_get_modules (engine);
  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (modules, i);
      g_auto(GStrv) ids = distretto_view_dup_ids_for (distretto_module_get_definition (module));
      g_autofree char *list = g_strjoinv (", ", ids);

      g_string_append_printf (text, "\n  %s: %s", distretto_module_get_id (module), list);
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("Sizes (--size): slide (1920×1080), a4 (595×842 points), a4-landscape, square (1080×1080)."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
asks_for_help (int    argc,
               char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?") ||
        g_str_equal (argv[i], "--help-all"))
      return TRUE;
  return FALSE;
}

/* The module, the data and the boundaries of the run; a usage error
 * (exit 2) otherwise. */
static int
prepare_run (ExportRun             *run,
             DistrettoPluginEngine *engine,
             DistrettoDataset     **dataset,
             DistrettoBoundaries  **boundaries)
{
  ExportArgs *args = run->args;
  g_autoptr(DistrettoDataset) loaded = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoIndicatorDefinition *definition;
  GPtrArray *problems;

  /* Only the module's plugin and those it needs: a broken plugin
   * elsewhere does not stop the export. */
  problems = distretto_plugin_engine_get_setup_problems (engine);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("distretto export: %s\n", (const char *) g_ptr_array_index (problems, i));

  run->module = distretto_plugin_engine_load_module (engine, args->module_id, &error);
  if (run->module == NULL)
    return distretto_cli_fail ("export", "%s", error->message);
  run->module_version = distretto_module_get_version (run->module);

  definition = distretto_module_get_definition (run->module);
  if (distretto_view_get_title_for (definition, args->chart_type) == NULL)
    {
      g_auto(GStrv) ids = distretto_view_dup_ids_for (definition);
      g_autofree char *list = g_strjoinv (", ", ids);

      return distretto_cli_fail ("export", _("unknown chart type “%s”: module “%s” offers %s"),
                                 args->chart_type, args->module_id, list);
    }

  loaded = distretto_cli_load_data ((const char * const *) args->data_paths, &error);
  if (loaded == NULL)
    return distretto_cli_fail ("export", "%s", error->message);

  if (args->boundaries_path != NULL)
    {
      g_autoptr(GFile) boundaries_file = g_file_new_for_commandline_arg (args->boundaries_path);

      *boundaries = distretto_boundaries_load_file (boundaries_file, NULL, &error);
      if (*boundaries == NULL)
        return distretto_cli_fail ("export", "%s", error->message);
    }

  *dataset = recode_for (loaded, *boundaries);
  run->dataset = *dataset;
  run->boundaries = *boundaries;

  if (args->country != NULL && distretto_dataset_get_region (*dataset, args->country) == NULL)
    return distretto_cli_fail ("export", _("unknown country “%s”: the dataset has no such region"), args->country);

  return DISTRETTO_EXIT_OK;
}

static int
run_single (ExportRun *run)
{
  ExportArgs *args = run->args;
  g_autoptr(DistrettoViewRequest) request = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (args->output);
  g_autoptr(GError) error = NULL;
  const char *selected = NULL;

  /* The first region asked for is selected too: a heatmap outlines its
   * row, a module's own view marks it. */
  if (args->regions != NULL)
    selected = args->regions[0];

  for (guint i = 0; args->regions != NULL && args->regions[i] != NULL; i++)
    if (distretto_dataset_get_region (run->dataset, args->regions[i]) == NULL)
      return distretto_cli_fail ("export", _("unknown region “%s”: the dataset has no such region"), args->regions[i]);

  request = create_request (run, (const char * const *) args->regions, selected);
  if (!export_one (run, request, file, &error))
    return distretto_cli_fail ("export", "%s", error->message);

  return DISTRETTO_EXIT_OK;
}

/* One region of a batch: the file of the chart with the region drawn,
 * highlighted or selected. */
static gboolean
export_region (const char  *code,
               GFile       *file,
               gpointer     user_data,
               GError     **error)
{
  ExportRun *run = user_data;
  const char *regions[] = { code, NULL };
  g_autoptr(DistrettoViewRequest) request = NULL;

  if (distretto_dataset_get_region (run->dataset, code) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("unknown region “%s”: the dataset has no such region"), code);
      return FALSE;
    }

  request = create_request (run, regions, code);
  return export_one (run, request, file, error);
}

static int
run_batch (ExportRun *run)
{
  ExportArgs *args = run->args;
  g_autoptr(GPtrArray) codes = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s-%s-", distretto_module_get_id (run->module), args->chart_type);
  const char *extension = is_table (run->kind) ? "csv" : distretto_chart_format_get_name (run->format);

  codes = args->all_regions ? distretto_view_dup_compared_regions (run->dataset, args->level)
                            : distretto_cli_dup_strv (args->regions);
  if (codes->len == 0)
    return distretto_cli_fail ("export", _("the dataset has no NUTS %d region"), args->level);

  return distretto_batch_run ("export", args->output_dir, prefix, extension, codes, export_region, run);
}

/* "ranking, trend, …, or a view the module offers": the built-in views
 * of the one table, those of a region's page left out. */
static char *
dup_chart_help (void)
{
  g_auto(GStrv) ids = distretto_view_dup_builtin_ids ();
  g_autoptr(GStrvBuilder) offered = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autofree char *joined = NULL;

  for (guint i = 0; ids[i] != NULL; i++)
    if (!(distretto_view_get_needs (ids[i]) & DISTRETTO_VIEW_NEEDS_REGION))
      g_strv_builder_add (offered, ids[i]);
  list = g_strv_builder_end (offered);
  joined = g_strjoinv (", ", list);

  /* TRANSLATORS: --chart's help; %s lists the built-in charts, e.g. "ranking, trend, map" */
  return g_strdup_printf (_("%s, or a view the module offers (default: ranking)"), joined);
}

int
distretto_export_command_run (int    argc,
                              char **argv)
{
  g_auto(ExportArgs) args = { .width = DEFAULT_WIDTH, .scale = 1.0, .level = DISTRETTO_VIEW_DEFAULT_LEVEL };
  g_autofree char *chart_help = dup_chart_help ();
  const GOptionEntry entries[] = {
    { "module", 'm', 0, G_OPTION_ARG_STRING, &args.module_id, N_("Indicator module to chart (its id, as `distretto plugins` lists it)"), N_("ID") },
    { "chart", 'c', 0, G_OPTION_ARG_STRING, &args.chart_type, chart_help, N_("TYPE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args.format_name, N_("png, svg, pdf, or csv for the data table (default: from the file name)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("File to write, relative to the current folder"), N_("FILE") },
    { "output-dir", 0, 0, G_OPTION_ARG_FILENAME, &args.output_dir, N_("Folder to write one file per region into (with --all-regions or --region)"), N_("DIR") },
    { "all-regions", 0, 0, G_OPTION_ARG_NONE, &args.all_regions, N_("One file per region of the level, each region highlighted"), NULL },
    { "size", 0, 0, G_OPTION_ARG_STRING, &args.size_name, N_("slide, a4, a4-landscape or square (instead of --width and --height)"), N_("SIZE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &args.width, N_("Width in pixels (PNG) or points (SVG, PDF)"), N_("N") },
    { "height", 0, 0, G_OPTION_ARG_INT, &args.height, N_("Height (default: enough for every region)"), N_("N") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &args.scale, N_("Pixels per unit of a PNG: 2 or 3 for sharp slides (default: 1)"), N_("N") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &args.style_name, N_("light, dark or print (default: print)"), N_("STYLE") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &args.year, N_("Year to chart (default: the latest with enough data)"), N_("YEAR") },
    { "level", 'l', 0, G_OPTION_ARG_INT, &args.level, N_("NUTS level of the regions compared, 0 to 3 (default: 2)"), N_("N") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &args.country, N_("Compare only the regions of one country (such as IT)"), N_("CODE") },
    { "top", 't', 0, G_OPTION_ARG_INT, &args.top, N_("Rank only the N best regions, and those of --region"), N_("N") },
    { "region", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &args.regions, N_("Region to highlight in a ranking or map, to draw in a trend or radar, to name in a scatter, to mark in a module's view; repeat for several"), N_("CODE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &args.title, N_("Title of the chart (default: the module's)"), N_("TEXT") },
    { "subtitle", 0, 0, G_OPTION_ARG_STRING, &args.subtitle, N_("Subtitle of the chart; empty for none"), N_("TEXT") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &args.notes, N_("Notes under the chart; empty for none"), N_("TEXT") },
    { "data", 'd', 0, G_OPTION_ARG_FILENAME_ARRAY, &args.data_paths, N_("Data file to chart, in any format Distretto reads; repeat for several (default: the demo dataset)"), N_("FILE") },
    { "boundaries", 'b', 0, G_OPTION_ARG_FILENAME, &args.boundaries_path, N_("GeoJSON boundaries of the regions, for --chart map"), N_("FILE") },
    { "bundle", 0, 0, G_OPTION_ARG_NONE, &args.bundle, N_("Write beside each file its data as CSV and a JSON record of how it was made, for `distretto reproduce`"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(DistrettoResultCache) cache = distretto_result_cache_new ();
  ExportRun run = { &args, };
  int status;

  context = g_option_context_new (_("— write a chart of an indicator module to a file"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (asks_for_help (argc, argv))
    {
      g_autofree char *modules = describe_modules ();
      g_option_context_set_description (context, modules);
    }

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return distretto_cli_fail ("export", "%s", error->message);
  if (argc > 1)
    return distretto_cli_fail ("export", _("unexpected argument “%s”"), argv[1]);
  if (args.chart_type == NULL)
    args.chart_type = g_strdup ("ranking");

  status = check_args (&args);
  if (status != DISTRETTO_EXIT_OK)
    return status;

  run.cache = cache;
  run.kind = format_of (args.format_name, args.output);
  if (!is_table (run.kind))
    distretto_chart_format_from_name (run.kind, &run.format);
  /* To the second: the date a PDF and its record carry. */
  run.created = g_date_time_new_from_unix_utc (g_date_time_to_unix (now));

  /* Before any work: a FIFO, a folder, the input itself are refused. */
  if (args.output != NULL)
    status = distretto_cli_check_output ("export", args.output, (const char * const *) args.data_paths,
                                         args.boundaries_path);
  else
    status = distretto_cli_check_output_dir ("export", args.output_dir);
  if (status != DISTRETTO_EXIT_OK)
    {
      g_date_time_unref (run.created);
      return status;
    }

  engine = distretto_plugin_engine_new ();
  status = prepare_run (&run, engine, &dataset, &boundaries);
  if (status == DISTRETTO_EXIT_OK)
    status = args.output != NULL ? run_single (&run) : run_batch (&run);

  g_date_time_unref (run.created);
  return status;
}

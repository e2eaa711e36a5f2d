/* distretto-reproduce-command.c: `distretto reproduce SIDECAR.json`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "distretto-bundle.h"
#include "distretto-cli.h"
#include "distretto-demo.h"
#include "distretto-plugin-engine.h"
#include "distretto-reproduce-command.h"

/* Reads a figure's record (distretto-bundle.c), draws the figure again
 * from the data files it names, and says whether the drawing is the one
 * recorded, byte for byte, and if not what changed: a data file, the
 * module's version, the record itself. */

typedef struct
{
  const char *path;       /* of the sidecar, for messages */
  JsonObject *record;
  GPtrArray *changes;     /* char *: what differs from the record */
} Reproduction;

static JsonObject *
get_object (JsonObject  *object,
            const char  *member,
            const char  *path,
            const char  *file,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s:%s.%s: expected an object"), file, path, member);
      return NULL;
    }

  return json_node_get_object (node);
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

/* The data files as recorded; each that changed or went is noted. */
static DistrettoDataset *
load_recorded_data (Reproduction  *reproduction,
                    JsonObject    *data,
                    GError       **error)
{
  JsonArray *files = json_object_get_array_member (data, "files");
  g_autoptr(DistrettoDataset) merged = distretto_dataset_new ();
  gboolean demo = FALSE;

  for (guint i = 0; files != NULL && i < json_array_get_length (files); i++)
    {
      JsonObject *entry = json_array_get_object_element (files, i);
      const char *location = entry != NULL ? get_string (entry, "location") : NULL;
      const char *recorded = entry != NULL ? get_string (entry, "sha256") : NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *sha256 = NULL;
      g_autoptr(DistrettoDataset) dataset = NULL;

      if (location == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s:$.data.files[%u]: the record names no file to read"), reproduction->path, i);
          return NULL;
        }

      file = g_file_new_for_uri (location);
      sha256 = distretto_bundle_dup_sha256 (file, &local_error);
      if (sha256 == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("the data file %s cannot be read: %s"),
                       location, local_error->message);
          return NULL;
        }
      if (g_strcmp0 (sha256, recorded) != 0)
        g_ptr_array_add (reproduction->changes,
                         g_strdup_printf (_("the data file %s changed: its SHA-256 was %s, it is %s"),
                                          location, recorded ? recorded : "?", sha256));

      if (distretto_demo_is_location (location))
        {
          demo = TRUE;
          continue;
        }

      dataset = distretto_dataset_load_file (file, NULL, NULL, NULL, error);
      if (dataset == NULL || !distretto_dataset_merge (merged, dataset, error))
        return NULL;
    }

  if (demo)
    {
      g_autoptr(DistrettoDataset) dataset = distretto_demo_dataset_load (error);

      if (dataset == NULL || !distretto_dataset_merge (merged, dataset, error))
        return NULL;
      if (distretto_dataset_get_n_sources (merged) == distretto_dataset_get_n_sources (dataset))
        return g_steal_pointer (&dataset);
    }

  return g_steal_pointer (&merged);
}

static DistrettoBoundaries *
load_recorded_boundaries (Reproduction  *reproduction,
                          JsonObject    *data,
                          gboolean      *failed,
                          GError       **error)
{
  JsonNode *node = json_object_get_member (data, "boundaries");
  g_autoptr(GFile) file = NULL;
  g_autofree char *sha256 = NULL;
  const char *location;

  *failed = FALSE;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  location = get_string (json_node_get_object (node), "location");
  if (location == NULL)
    return NULL;

  file = g_file_new_for_uri (location);
  sha256 = distretto_bundle_dup_sha256 (file, NULL);
  if (g_strcmp0 (sha256, get_string (json_node_get_object (node), "sha256")) != 0)
    g_ptr_array_add (reproduction->changes, g_strdup_printf (_("the boundaries %s changed"), location));

  *failed = TRUE;
  return distretto_boundaries_load_file (file, NULL, error);
}

static char **
dup_regions (JsonObject *view)
{
  JsonArray *array = json_object_get_array_member (view, "regions");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));

  return g_strv_builder_end (builder);
}

/* The figure as the record says it was drawn. */
static GBytes *
redraw (Reproduction        *reproduction,
        DistrettoModule     *module,
        DistrettoDataset    *dataset,
        DistrettoBoundaries *boundaries,
        GError             **error)
{
  JsonObject *view = get_object (reproduction->record, "view", "$", reproduction->path, error);
  JsonObject *output = view ? get_object (reproduction->record, "output", "$", reproduction->path, error) : NULL;
  JsonObject *method_object = output ? get_object (reproduction->record, "method", "$", reproduction->path, error) : NULL;
  g_autoptr(DistrettoViewRequest) request = NULL;
  g_autoptr(DistrettoMethod) method = NULL;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(DistrettoExportOptions) options = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_auto(GStrv) regions = NULL;
  DistrettoChartFormat format;
  DistrettoChartStyle style = DISTRETTO_CHART_STYLE_PRINT;
  const char *format_name, *created_text, *style_name;

  if (method_object == NULL || (method = distretto_bundle_method_from_json (method_object, error)) == NULL)
    return NULL;

  regions = dup_regions (view);
  request = distretto_view_request_new (distretto_module_get_indicator (module), dataset);
  distretto_view_request_set_boundaries (request, boundaries);
  distretto_view_request_set_year (request, json_object_get_int_member_with_default (view, "year", 0));
  distretto_view_request_set_level (request, CLAMP (json_object_get_int_member_with_default (view, "level", 2), 0, 3));
  distretto_view_request_set_country (request, get_string (view, "country"));
  distretto_view_request_set_regions (request, (const char * const *) regions);
  distretto_view_request_set_selected (request, get_string (view, "selected"));
  distretto_view_request_set_top (request, MAX (0, json_object_get_int_member_with_default (view, "top", 0)));
  distretto_view_request_set_method (request, method);
  distretto_view_request_set_title (request, get_string (view, "title"));
  distretto_view_request_set_subtitle (request, get_string (view, "subtitle"));
  distretto_view_request_set_notes (request, get_string (view, "notes"));
  distretto_view_request_set_source (request, get_string (view, "source"));

  chart = distretto_view_build (get_string (view, "chart") ? get_string (view, "chart") : "", request, error);
  if (chart == NULL)
    return NULL;

  format_name = get_string (output, "format");
  if (g_strcmp0 (format_name, "csv") == 0)
    {
      char *table = distretto_chart_dup_tidy_table (chart, ',');

      if (table == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("the view has no data table"));
          return NULL;
        }
      return g_bytes_new_take (table, strlen (table));
    }

  if (format_name == NULL || !distretto_chart_format_from_name (format_name, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s:$.output.format: expected png, svg, pdf or csv"),
                   reproduction->path);
      return NULL;
    }

  style_name = get_string (output, "style");
  if (style_name != NULL && !distretto_chart_style_from_name (style_name, &style))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s:$.output.style: expected light, dark or print"),
                   reproduction->path);
      return NULL;
    }

  options = distretto_export_options_new (format, json_object_get_double_member_with_default (output, "width", 0),
                                          json_object_get_double_member_with_default (output, "height", 0));
  distretto_export_options_set_scale (options, json_object_get_double_member_with_default (output, "scale", 1));
  distretto_export_options_set_style (options, style);
  created_text = get_string (output, "created");
  if (created_text != NULL)
    created = g_date_time_new_from_iso8601 (created_text, NULL);
  distretto_export_options_set_creation_date (options, created);

  return distretto_chart_export_bytes_with_options (chart, options, error);
}

/* The report as the record says it was made: its region, date and
 * modules, each with its own method. */
static GBytes *
redraw_report (Reproduction           *reproduction,
               DistrettoPluginEngine  *engine,
               JsonObject             *report_object,
               DistrettoDataset       *dataset,
               GError                **error)
{
  JsonArray *modules = json_object_get_array_member (report_object, "modules");
  const char *region = get_string (report_object, "region");
  const char *date_text = get_string (report_object, "date");
  g_autoptr(GDateTime) date = date_text != NULL ? g_date_time_new_from_iso8601 (date_text, NULL) : NULL;
  g_autoptr(DistrettoRegionReport) report = NULL;

  if (region == NULL || date == NULL || modules == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s:$.report: expected the region, the date and the modules"), reproduction->path);
      return NULL;
    }

  report = distretto_region_report_new (dataset, region);
  distretto_region_report_set_date (report, date);
  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonObject *entry = json_array_get_object_element (modules, i);
      const char *id = entry != NULL ? get_string (entry, "module") : NULL;
      const char *recorded = entry != NULL ? get_string (entry, "module_version") : NULL;
      DistrettoModule *module;

      if (id == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s:$.report.modules[%u]: expected a module id"), reproduction->path, i);
          return NULL;
        }
      module = distretto_plugin_engine_load_module (engine, id, error);
      if (module == NULL)
        return NULL;
      if (g_strcmp0 (distretto_module_get_version (module), recorded) != 0)
        g_ptr_array_add (reproduction->changes,
                         g_strdup_printf (_("the module “%s” is version %s, the report was made with %s"), id,
                                          distretto_module_get_version (module) ? distretto_module_get_version (module) : "?",
                                          recorded ? recorded : "?"));
      distretto_region_report_add_module (report, distretto_module_get_indicator (module), NULL);
    }

  return distretto_region_report_render (report, NULL, error);
}

int
distretto_reproduce_command_run (int    argc,
                                 char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Also write the figure drawn again to this file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) loaded = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *figure_path = NULL;
  g_autofree char *dir = NULL;
  Reproduction reproduction = { NULL, NULL, changes };
  JsonObject *view = NULL, *data, *figure;
  JsonNode *report_node;
  DistrettoModule *module = NULL;
  const char *recorded_version, *version, *figure_name, *module_id;
  gboolean boundaries_failed;
  int nuts_version;

  context = g_option_context_new (_("SIDECAR.json — draw a figure again from its record and compare"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return distretto_cli_fail ("reproduce", "%s", error->message);
  if (argc != 2)
    return distretto_cli_fail ("reproduce", _("expected one SIDECAR.json, the record `export --bundle` wrote"));
  reproduction.path = argv[1];

  if (!json_parser_load_from_file (parser, argv[1], &error))
    return distretto_cli_fail ("reproduce", "%s: %s", argv[1], error->message);
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return distretto_cli_fail ("reproduce", _("%s:$: expected the object of a figure's record"), argv[1]);
  reproduction.record = json_node_get_object (json_parser_get_root (parser));

  report_node = json_object_get_member (reproduction.record, "report");
  if ((report_node == NULL && (view = get_object (reproduction.record, "view", "$", argv[1], &error)) == NULL) ||
      (data = get_object (reproduction.record, "data", "$", argv[1], &error)) == NULL ||
      (figure = get_object (reproduction.record, "figure", "$", argv[1], &error)) == NULL)
    return distretto_cli_fail ("reproduce", "%s", error->message);
  if (report_node != NULL && !JSON_NODE_HOLDS_OBJECT (report_node))
    return distretto_cli_fail ("reproduce", _("%s:$.report: expected an object"), argv[1]);

  hash = distretto_bundle_hash_record (reproduction.record);
  if (g_strcmp0 (hash, get_string (reproduction.record, "hash")) != 0)
    g_ptr_array_add (changes, g_strdup (_("the record was edited: its hash does not match its contents")));

  engine = distretto_plugin_engine_new ();
  if (report_node == NULL)
    {
      module_id = get_string (view, "module");
      if (module_id == NULL)
        return distretto_cli_fail ("reproduce", _("%s:$.view.module: expected a module id"), argv[1]);

      module = distretto_plugin_engine_load_module (engine, module_id, &error);
      if (module == NULL)
        return distretto_cli_fail ("reproduce", "%s", error->message);
      version = distretto_module_get_version (module);
      recorded_version = get_string (view, "module_version");
      if (g_strcmp0 (version, recorded_version) != 0)
        g_ptr_array_add (changes, g_strdup_printf (_("the module “%s” is version %s, the figure was made with %s"),
                                                   module_id, version ? version : "?",
                                                   recorded_version ? recorded_version : "?"));
    }

  loaded = load_recorded_data (&reproduction, data, &error);
  if (loaded == NULL)
    return distretto_cli_fail ("reproduce", "%s", error->message);
  boundaries = load_recorded_boundaries (&reproduction, data, &boundaries_failed, &error);
  if (boundaries == NULL && boundaries_failed)
    return distretto_cli_fail ("reproduce", "%s", error->message);
  nuts_version = json_object_get_int_member_with_default (data, "nuts_version", 0);
  dataset = distretto_dataset_recode_nuts (loaded, nuts_version != 0 ? nuts_version : DISTRETTO_NUTS_VERSION_LATEST, NULL);

  bytes = report_node != NULL
          ? redraw_report (&reproduction, engine, json_node_get_object (report_node), dataset, &error)
          : redraw (&reproduction, module, dataset, boundaries, &error);
  if (bytes == NULL)
    return distretto_cli_fail ("reproduce", "%s", error->message);

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!distretto_check_output_file (file, &error) || !distretto_write_file (file, bytes, &error))
        return distretto_cli_fail ("reproduce", _("cannot write “%s”: %s"), output, error->message);
    }

  figure_name = get_string (figure, "file");
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  /* The figure beside the record, if it was changed since. */
  dir = g_path_get_dirname (argv[1]);
  figure_path = figure_name != NULL ? g_build_filename (dir, figure_name, NULL) : NULL;
  if (figure_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (figure_path);
      g_autofree char *on_disk = distretto_bundle_dup_sha256 (file, NULL);

      if (on_disk != NULL && g_strcmp0 (on_disk, get_string (figure, "sha256")) != 0)
        g_ptr_array_add (changes, g_strdup_printf (_("%s was changed since it was made"), figure_name));
    }

  if (g_strcmp0 (sha256, get_string (figure, "sha256")) == 0)
    {
      g_print (_("identical: %s drawn again from its record is the same, byte for byte (SHA-256 %s)\n"),
               figure_name ? figure_name : argv[1], sha256);
      for (guint i = 0; i < changes->len; i++)
        g_print ("  %s\n", (const char *) g_ptr_array_index (changes, i));
      return DISTRETTO_EXIT_OK;
    }

  g_print (_("different: %s drawn again from its record is not the same (SHA-256 %s, recorded %s)\n"),
           figure_name ? figure_name : argv[1], sha256, get_string (figure, "sha256") ? get_string (figure, "sha256") : "?");
  for (guint i = 0; i < changes->len; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (changes, i));

  return DISTRETTO_EXIT_INVALID;
}

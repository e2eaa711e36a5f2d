/* distretto-bundle.c: a figure with its data table and the record of how it was made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "distretto-bundle.h"

/*
 * `export --bundle` writes beside FIGURE.png its data as FIGURE.csv and a
 * sidecar FIGURE.json: the Distretto and module versions, the view and
 * its choices, the method's parameters and weights, every data file with
 * its SHA-256 and provenance, the NUTS version, whether the data are
 * synthetic, the figure's own SHA-256, and "hash", the SHA-256 of the
 * record without it. `distretto reproduce FIGURE.json` draws the figure
 * again from that record and says whether it came out identical.
 */

/* FIGURE.EXT → FIGURE.NEW */
static char *
dup_beside (GFile      *figure,
            const char *extension)
{
  g_autofree char *path = g_file_get_path (figure);
  const char *slash, *dot;

  if (path == NULL)
    return NULL;

  slash = strrchr (path, '/');
  dot = strrchr (path, '.');
  if (dot != NULL && (slash == NULL || dot > slash + 1))
    return g_strdup_printf ("%.*s.%s", (int) (dot - path), path, extension);

  return g_strdup_printf ("%s.%s", path, extension);
}

char *
distretto_bundle_dup_sidecar_path (GFile *figure)
{
  return dup_beside (figure, "json");
}

char *
distretto_bundle_dup_table_path (GFile *figure)
{
  return dup_beside (figure, "csv");
}

/* The SHA-256 of a file, `file://` or `resource://` alike. */
char *
distretto_bundle_dup_sha256 (GFile   *file,
                             GError **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GInputStream) stream = NULL;
  guint8 buffer[65536];
  gssize n;

  stream = G_INPUT_STREAM (g_file_read (file, NULL, error));
  if (stream == NULL)
    return NULL;

  while ((n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

static char *
sha256_of_bytes (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : "";
}

static gboolean
enum_from_nick (GType        type,
                const char  *nick,
                int         *value,
                GError     **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (found == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("$.method: expected a %s, found “%s”"), g_type_name (type), nick ? nick : "");
      return FALSE;
    }

  *value = found->value;
  return TRUE;
}

/* The method's parameters, and the weights of the pillars and their
 * sub-indicators the scores were computed with. */
JsonNode *
distretto_bundle_method_to_json (DistrettoIndicatorDefinition *definition,
                                 const DistrettoMethod        *method)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(DistrettoMethod) own = NULL;

  if (method == NULL)
    method = own = distretto_indicator_definition_dup_method (definition);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "normalisation");
  json_builder_add_string_value (builder, enum_nick (DISTRETTO_TYPE_NORMALISATION,
                                                     distretto_method_get_normalisation (method)));
  json_builder_set_member_name (builder, "within_pillars");
  json_builder_add_string_value (builder, enum_nick (DISTRETTO_TYPE_AGGREGATION,
                                                     distretto_method_get_within_pillars (method)));
  json_builder_set_member_name (builder, "across_pillars");
  json_builder_add_string_value (builder, enum_nick (DISTRETTO_TYPE_AGGREGATION,
                                                     distretto_method_get_across_pillars (method)));
  json_builder_set_member_name (builder, "imputation");
  json_builder_add_string_value (builder, enum_nick (DISTRETTO_TYPE_IMPUTATION,
                                                     distretto_method_get_imputation (method)));
  json_builder_set_member_name (builder, "carry_forward");
  json_builder_add_int_value (builder, distretto_method_get_carry_forward (method));
  json_builder_set_member_name (builder, "within_country");
  json_builder_add_boolean_value (builder, distretto_method_get_within_country (method));

  /* The declared weights. Weights a user changes in the window are to be
   * written here too once the method carries them. */
  json_builder_set_member_name (builder, "weights");
  json_builder_begin_array (builder);
  for (guint p = 0; p < distretto_indicator_definition_get_n_pillars (definition); p++)
    {
      DistrettoPillar *pillar = distretto_indicator_definition_get_pillar (definition, p);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "pillar");
      json_builder_add_string_value (builder, distretto_pillar_get_id (pillar));
      json_builder_set_member_name (builder, "weight");
      json_builder_add_double_value (builder, distretto_pillar_get_weight (pillar));
      json_builder_set_member_name (builder, "sub_indicators");
      json_builder_begin_array (builder);
      for (guint s = 0; s < distretto_pillar_get_n_sub_indicators (pillar); s++)
        {
          DistrettoSubIndicator *sub = distretto_pillar_get_sub_indicator (pillar, s);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, distretto_sub_indicator_get_id (sub));
          json_builder_set_member_name (builder, "weight");
          json_builder_add_double_value (builder, distretto_sub_indicator_get_weight (sub));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The method of distretto_bundle_method_to_json(). */
DistrettoMethod *
distretto_bundle_method_from_json (JsonObject  *object,
                                   GError     **error)
{
  g_autoptr(DistrettoMethod) method = distretto_method_new ();
  int normalisation, within, across, imputation;

  if (!enum_from_nick (DISTRETTO_TYPE_NORMALISATION, json_object_get_string_member_with_default (object, "normalisation", NULL),
                       &normalisation, error) ||
      !enum_from_nick (DISTRETTO_TYPE_AGGREGATION, json_object_get_string_member_with_default (object, "within_pillars", NULL),
                       &within, error) ||
      !enum_from_nick (DISTRETTO_TYPE_AGGREGATION, json_object_get_string_member_with_default (object, "across_pillars", NULL),
                       &across, error) ||
      !enum_from_nick (DISTRETTO_TYPE_IMPUTATION, json_object_get_string_member_with_default (object, "imputation", NULL),
                       &imputation, error))
    return NULL;

  distretto_method_set_normalisation (method, normalisation);
  distretto_method_set_within_pillars (method, within);
  distretto_method_set_across_pillars (method, across);
  distretto_method_set_imputation (method, imputation);
  distretto_method_set_carry_forward (method, json_object_get_int_member_with_default (object, "carry_forward", 0));
  distretto_method_set_within_country (method, json_object_get_boolean_member_with_default (object, "within_country", FALSE));

  return g_steal_pointer (&method);
}

/* The SHA-256 of the record's compact JSON, its "hash" left out. */
char *
distretto_bundle_hash_record (JsonObject *record)
{
  g_autoptr(JsonObject) copy = json_object_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GList) members = json_object_get_members (record);
  g_autofree char *text = NULL;
  gsize length;

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "hash"))
      json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (record, l->data)));

  json_node_set_object (root, copy);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, length);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          GDateTime   *date)
{
  g_autofree char *text = date != NULL ? g_date_time_format_iso8601 (date) : NULL;

  add_string (builder, name, text);
}

static void
add_file (JsonBuilder *builder,
          GFile       *file,
          GBytes      *contents)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *sha256 = sha256_of_bytes (contents);

  json_builder_begin_object (builder);
  add_string (builder, "file", name);
  add_string (builder, "sha256", sha256);
  json_builder_end_object (builder);
}

/* Every data file once, with its checksum and where it came from. */
static gboolean
add_data (JsonBuilder       *builder,
          DistrettoDataset  *dataset,
          const char        *boundaries_path,
          GError           **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean synthetic = (distretto_dataset_get_flags_seen (dataset) & DISTRETTO_FLAGS_SYNTHETIC) != 0;

  json_builder_set_member_name (builder, "data");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "synthetic");
  json_builder_add_boolean_value (builder, synthetic);
  if (synthetic)
    add_string (builder, "warning", "synthetic demo data generated by Distretto: not real statistics");
  json_builder_set_member_name (builder, "nuts_version");
  json_builder_add_int_value (builder, distretto_dataset_get_nuts_version (dataset));

  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < distretto_dataset_get_n_sources (dataset); i++)
    {
      DistrettoSource *source = distretto_dataset_get_source_at (dataset, i);
      const char *location = distretto_source_get_location (source);
      g_autofree char *sha256 = NULL;

      if (location != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_uri (location);

          if (g_hash_table_contains (seen, location))
            continue;
          g_hash_table_add (seen, (gpointer) location);
          sha256 = distretto_bundle_dup_sha256 (file, error);
          if (sha256 == NULL)
            return FALSE;
        }

      json_builder_begin_object (builder);
      add_string (builder, "name", distretto_source_get_name (source));
      add_string (builder, "location", location);
      add_string (builder, "sha256", sha256);
      add_string (builder, "format", distretto_source_get_format (source));
      add_string (builder, "table", distretto_source_get_table_code (source));
      add_string (builder, "publisher", distretto_source_get_publisher (source));
      add_date (builder, "downloaded", distretto_source_get_downloaded (source));
      add_string (builder, "url", distretto_source_get_url (source));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "boundaries");
  if (boundaries_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (boundaries_path);
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *sha256 = distretto_bundle_dup_sha256 (file, error);

      if (sha256 == NULL)
        return FALSE;
      json_builder_begin_object (builder);
      add_string (builder, "location", uri);
      add_string (builder, "sha256", sha256);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_end_object (builder);
  return TRUE;
}

static void
add_view (JsonBuilder           *builder,
          const DistrettoBundle *bundle,
          DistrettoChart        *chart)
{
  DistrettoViewRequest *request = bundle->request;
  const char * const *regions = distretto_view_request_get_regions (request);
  int year = distretto_chart_get_year (chart);

  json_builder_set_member_name (builder, "view");
  json_builder_begin_object (builder);
  add_string (builder, "module", bundle->module_id);
  add_string (builder, "module_version", bundle->module_version);
  add_string (builder, "chart", bundle->view_id);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, year != 0 ? year : distretto_view_request_get_year (request));
  json_builder_set_member_name (builder, "level");
  json_builder_add_int_value (builder, distretto_view_request_get_level (request));
  add_string (builder, "country", distretto_view_request_get_country (request));
  json_builder_set_member_name (builder, "regions");
  json_builder_begin_array (builder);
  for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
    json_builder_add_string_value (builder, regions[i]);
  json_builder_end_array (builder);
  add_string (builder, "selected", distretto_view_request_get_selected (request));
  json_builder_set_member_name (builder, "top");
  json_builder_add_int_value (builder, distretto_view_request_get_top (request));
  add_string (builder, "title", distretto_view_request_get_title (request));
  add_string (builder, "subtitle", distretto_view_request_get_subtitle (request));
  add_string (builder, "notes", distretto_view_request_get_notes (request));
  add_string (builder, "source", distretto_view_request_get_source (request));
  json_builder_end_object (builder);
}

static void
add_output (JsonBuilder                  *builder,
            const DistrettoExportOptions *options)
{
  json_builder_set_member_name (builder, "output");
  json_builder_begin_object (builder);
  if (options == NULL)
    {
      add_string (builder, "format", "csv");
      json_builder_end_object (builder);
      return;
    }

  add_string (builder, "format", distretto_chart_format_get_name (distretto_export_options_get_format (options)));
  json_builder_set_member_name (builder, "width");
  json_builder_add_double_value (builder, distretto_export_options_get_width (options));
  json_builder_set_member_name (builder, "height");
  json_builder_add_double_value (builder, distretto_export_options_get_height (options));
  json_builder_set_member_name (builder, "scale");
  json_builder_add_double_value (builder, distretto_export_options_get_scale (options));
  add_string (builder, "style", distretto_chart_style_get_name (distretto_export_options_get_style (options)));
  add_date (builder, "created", distretto_export_options_get_creation_date (options));
  json_builder_end_object (builder);
}

static gboolean
write_text (const char  *path,
            const char  *text,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return distretto_write_file (file, bytes, error);
}

/* The record with its hash, pretty, atomically. */
static gboolean
write_record (JsonBuilder  *builder,
              const char   *path,
              GError      **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  JsonObject *record = json_node_get_object (root);
  g_autofree char *hash = distretto_bundle_hash_record (record);
  g_autofree char *text = NULL;

  json_object_set_string_member (record, "hash", hash);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  return write_text (path, text, error);
}

static void add_head (JsonBuilder *builder);

/* Writes FIGURE.csv (unless the figure is that table) and FIGURE.json
 * beside @figure, which is written already; each atomically. */
gboolean
distretto_bundle_write (const DistrettoBundle  *bundle,
                        DistrettoChart         *chart,
                        GFile                  *figure,
                        GError                **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GBytes) figure_bytes = NULL;
  g_autoptr(GBytes) table_bytes = NULL;
  g_autoptr(GFile) table_file = NULL;
  g_autofree char *table_path = distretto_bundle_dup_table_path (figure);
  g_autofree char *sidecar_path = distretto_bundle_dup_sidecar_path (figure);
  g_autofree char *table = NULL;

  if (table_path == NULL || sidecar_path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("a bundle is written beside a local file only"));
      return FALSE;
    }

  figure_bytes = g_file_load_bytes (figure, NULL, NULL, error);
  if (figure_bytes == NULL)
    return FALSE;

  table_file = g_file_new_for_path (table_path);
  if (bundle->options == NULL)
    table_bytes = g_bytes_ref (figure_bytes);
  else
    {
      table = distretto_chart_dup_tidy_table (chart, ',');
      if (table != NULL)
        {
          if (!write_text (table_path, table, error))
            return FALSE;
          table_bytes = g_bytes_new (table, strlen (table));
        }
    }

  json_builder_begin_object (builder);
  add_head (builder);

  json_builder_set_member_name (builder, "figure");
  add_file (builder, figure, figure_bytes);
  json_builder_set_member_name (builder, "table");
  if (table_bytes != NULL)
    add_file (builder, table_file, table_bytes);
  else
    json_builder_add_null_value (builder);

  add_output (builder, bundle->options);
  add_view (builder, bundle, chart);
  json_builder_set_member_name (builder, "method");
  json_builder_add_value (builder, distretto_bundle_method_to_json (bundle->definition,
                                                                   distretto_view_request_get_method (bundle->request)));
  if (!add_data (builder, distretto_view_request_get_dataset (bundle->request), bundle->boundaries_path, error))
    return FALSE;
  json_builder_end_object (builder);

  return write_record (builder, sidecar_path, error);
}

static void
add_head (JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "distretto");
  json_builder_begin_object (builder);
  add_string (builder, "version", PACKAGE_VERSION);
  json_builder_set_member_name (builder, "sidecar");
  json_builder_add_int_value (builder, DISTRETTO_SIDECAR_VERSION);
  json_builder_end_object (builder);
}

/* Writes REPORT.csv, the report's figures, and REPORT.json beside
 * @figure, the report written already: its region, date and modules
 * (each with its version and method) in place of a chart's view. */
gboolean
distretto_bundle_write_report (DistrettoRegionReport  *report,
                               GPtrArray              *modules,
                               DistrettoDataset       *dataset,
                               GFile                  *figure,
                               GError                **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GBytes) figure_bytes = NULL;
  g_autoptr(GBytes) table_bytes = NULL;
  g_autoptr(GFile) table_file = NULL;
  g_autofree char *table_path = distretto_bundle_dup_table_path (figure);
  g_autofree char *sidecar_path = distretto_bundle_dup_sidecar_path (figure);
  g_autofree char *table = NULL;

  if (table_path == NULL || sidecar_path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("a bundle is written beside a local file only"));
      return FALSE;
    }

  figure_bytes = g_file_load_bytes (figure, NULL, NULL, error);
  if (figure_bytes == NULL)
    return FALSE;
  table = distretto_region_report_dup_table (report, ',');
  if (!write_text (table_path, table, error))
    return FALSE;
  table_bytes = g_bytes_new (table, strlen (table));
  table_file = g_file_new_for_path (table_path);

  json_builder_begin_object (builder);
  add_head (builder);
  json_builder_set_member_name (builder, "figure");
  add_file (builder, figure, figure_bytes);
  json_builder_set_member_name (builder, "table");
  add_file (builder, table_file, table_bytes);

  json_builder_set_member_name (builder, "report");
  json_builder_begin_object (builder);
  add_string (builder, "region", distretto_region_report_get_region (report));
  add_date (builder, "date", distretto_region_report_get_date (report));
  json_builder_set_member_name (builder, "modules");
  json_builder_begin_array (builder);
  for (guint i = 0; i < modules->len; i++)
    {
      DistrettoModule *module = g_ptr_array_index (modules, i);

      json_builder_begin_object (builder);
      add_string (builder, "module", distretto_module_get_id (module));
      add_string (builder, "module_version", distretto_module_get_version (module));
      json_builder_set_member_name (builder, "method");
      json_builder_add_value (builder, distretto_bundle_method_to_json (distretto_module_get_definition (module), NULL));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (!add_data (builder, dataset, NULL, error))
    return FALSE;
  json_builder_end_object (builder);

  return write_record (builder, sidecar_path, error);
}

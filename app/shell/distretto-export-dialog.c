/* distretto-export-dialog.c: a chart to a file, as a client gets it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "distretto-bundle.h"
#include "distretto-export-dialog.h"

/* The chart the window shows, to PNG, SVG, PDF or its data as CSV: a
 * size for a slide or a page, a scale, a style, the texts a client reads
 * (title, subtitle, notes, source line from the data's provenance), the
 * regions a ranking highlights and its top N. The preview is the file's
 * drawing (distretto_chart_render_for_export()) at the file's size. The
 * choices that made the last file are remembered. */

#define EXPORT_SCHEMA_ID SETTINGS_SCHEMA_ID ".Export"
#define REBUILD_DELAY_MS 150
#define PREVIEW_MAX_PIXELS (8 * 1024 * 1024)

static const char *format_names[] = { "png", "svg", "pdf", "csv" };
static const char *size_names[] = { "slide", "a4", "a4-landscape", "square", "custom" };
static const DistrettoChartStyle styles[] = {
  DISTRETTO_CHART_STYLE_PRINT, DISTRETTO_CHART_STYLE_LIGHT, DISTRETTO_CHART_STYLE_DARK,
};

/* The texts a user can edit; not edited, they follow the chart's own. */
enum {
  TEXT_TITLE,
  TEXT_SUBTITLE,
  TEXT_NOTES,
  TEXT_SOURCE,
  N_TEXTS
};

struct _DistrettoExportDialog
{
  AdwWindow parent_instance;

  DistrettoModule *module;
  char *view_id;
  DistrettoViewRequest *base;   /* the window's: data, boundaries, selection, method */
  GSettings *settings;          /* NULL without the schema */
  DistrettoChart *chart;        /* as the choices make it */
  GdkTexture *preview_texture;
  guint rebuild_id;
  gboolean filling;             /* widgets set by the code, not the user */
  gboolean edited[N_TEXTS];

  GtkPicture *preview;
  GtkLabel *preview_label;
  AdwComboRow *format_row;
  AdwComboRow *size_row;
  AdwActionRow *custom_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  AdwComboRow *scale_row;
  AdwComboRow *style_row;
  AdwEntryRow *title_row;
  AdwEntryRow *subtitle_row;
  AdwEntryRow *notes_row;
  AdwEntryRow *source_row;
  AdwPreferencesGroup *regions_group;
  AdwEntryRow *regions_row;
  AdwActionRow *top_row;
  GtkSpinButton *top_spin;
  GtkSwitch *country_switch;
  GtkSwitch *bundle_switch;
  GtkWidget *export_button;
};

G_DEFINE_FINAL_TYPE (DistrettoExportDialog, distretto_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, EXPORT_SCHEMA_ID, TRUE);

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static guint
index_of (const char * const *names,
          guint               n,
          const char         *name)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  return 0;
}

static const char *
get_format (DistrettoExportDialog *self)
{
  return format_names[MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (format_names) - 1)];
}

static gboolean
is_table (DistrettoExportDialog *self)
{
  return g_str_equal (get_format (self), "csv");
}

static void
get_size (DistrettoExportDialog *self,
          double                *width,
          double                *height)
{
  const char *name = size_names[MIN (adw_combo_row_get_selected (self->size_row), G_N_ELEMENTS (size_names) - 1)];

  if (!distretto_export_size_from_name (name, width, height))
    {
      *width = gtk_spin_button_get_value_as_int (self->width_spin);
      *height = gtk_spin_button_get_value_as_int (self->height_spin);
    }
}

static DistrettoChartStyle
get_style (DistrettoExportDialog *self)
{
  return styles[MIN (adw_combo_row_get_selected (self->style_row), G_N_ELEMENTS (styles) - 1)];
}

/* The codes typed, separated by spaces or commas. */
static char **
dup_regions (DistrettoExportDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->regions_row)), " ,;", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

static AdwEntryRow *
text_row (DistrettoExportDialog *self,
          guint                  text)
{
  AdwEntryRow *rows[] = { self->title_row, self->subtitle_row, self->notes_row, self->source_row };

  return rows[text];
}

/* The request the choices make, from the window's. */
static DistrettoViewRequest *
create_request (DistrettoExportDialog  *self,
                GError                **error)
{
  DistrettoDataset *dataset = distretto_view_request_get_dataset (self->base);
  g_auto(GStrv) regions = dup_regions (self);
  DistrettoViewRequest *request;

  for (guint i = 0; regions[i] != NULL; i++)
    if (distretto_dataset_get_region (dataset, regions[i]) == NULL)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("Unknown region “%s”: the data have no such region"), regions[i]);
        return NULL;
      }

  request = distretto_view_request_new (distretto_view_request_get_indicator (self->base), dataset);
  distretto_view_request_set_boundaries (request, distretto_view_request_get_boundaries (self->base));
  distretto_view_request_set_selected (request, distretto_view_request_get_selected (self->base));
  distretto_view_request_set_method (request, distretto_view_request_get_method (self->base));
  distretto_view_request_set_year (request, distretto_view_request_get_year (self->base));
  distretto_view_request_set_level (request, distretto_view_request_get_level (self->base));
  distretto_view_request_set_regions (request, (const char * const *) regions);
  distretto_view_request_set_top (request, gtk_spin_button_get_value_as_int (self->top_spin));

  if (gtk_switch_get_active (self->country_switch))
    {
      const char *code = regions[0] != NULL ? regions[0] : distretto_view_request_get_selected (self->base);
      DistrettoRegion *region = code != NULL ? distretto_dataset_get_region (dataset, code) : NULL;

      if (region != NULL)
        distretto_view_request_set_country (request, distretto_region_get_country_code (region));
    }

  for (guint text = 0; text < N_TEXTS; text++)
    {
      const char *value = gtk_editable_get_text (GTK_EDITABLE (text_row (self, text)));

      if (!self->edited[text])
        continue;
      if (text == TEXT_TITLE)
        distretto_view_request_set_title (request, value);
      else if (text == TEXT_SUBTITLE)
        distretto_view_request_set_subtitle (request, value);
      else if (text == TEXT_NOTES)
        distretto_view_request_set_notes (request, value);
      else
        distretto_view_request_set_source (request, value);
    }

  return request;
}

/* The texts not edited show the chart's own. */
static void
show_chart_texts (DistrettoExportDialog *self)
{
  const char *texts[] = {
    distretto_chart_get_title (self->chart), distretto_chart_get_subtitle (self->chart),
    distretto_chart_get_notes (self->chart), distretto_chart_get_source (self->chart),
  };

  self->filling = TRUE;
  for (guint text = 0; text < N_TEXTS; text++)
    if (!self->edited[text])
      gtk_editable_set_text (GTK_EDITABLE (text_row (self, text)), texts[text] ? texts[text] : "");
  self->filling = FALSE;
}

/* The file's drawing at the file's size (smaller beyond 8 million
 * pixels), shown scaled to fit. */
static void
update_preview (DistrettoExportDialog *self)
{
  g_autoptr(GBytes) bytes = NULL;
  double width, height, scale;
  cairo_surface_t *surface;
  cairo_t *cr;
  int pixels_wide, pixels_high;

  get_size (self, &width, &height);
  scale = MIN (1.0, sqrt (PREVIEW_MAX_PIXELS / (width * height)));
  pixels_wide = MAX (1, (int) ceil (width * scale));
  pixels_high = MAX (1, (int) ceil (height * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixels_wide, pixels_high);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  distretto_chart_render_for_export (self->chart, cr, width, height,
                                     is_table (self) ? DISTRETTO_CHART_STYLE_PRINT : get_style (self));
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * pixels_high,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  g_clear_object (&self->preview_texture);
  self->preview_texture = gdk_memory_texture_new (pixels_wide, pixels_high, GDK_MEMORY_DEFAULT, bytes,
                                                  cairo_image_surface_get_stride (surface));
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (self->preview_texture));
}

static void
update_label (DistrettoExportDialog *self)
{
  g_autofree char *text = NULL;
  double width, height;

  get_size (self, &width, &height);
  if (is_table (self))
    {
      g_autofree char *table = distretto_chart_dup_tidy_table (self->chart, ',');
      guint rows = 0;

      for (const char *p = table; p != NULL && *p != '\0'; p++)
        rows += *p == '\n';
      text = table != NULL
             /* TRANSLATORS: under the preview of a CSV export */
             ? g_strdup_printf (ngettext ("The data behind this chart: %u row of region, indicator, year, value, "
                                          "flags and source",
                                          "The data behind this chart: %u rows of region, indicator, year, value, "
                                          "flags and source", rows > 0 ? rows - 1 : 0), rows > 0 ? rows - 1 : 0)
             : g_strdup (_("This view has no data table: export it as an image or a document"));
    }
  else if (g_str_equal (get_format (self), "png"))
    {
      guint scale = adw_combo_row_get_selected (self->scale_row) + 1;

      /* TRANSLATORS: under the preview of a PNG export: its size in pixels */
      text = g_strdup_printf (_("%.0f × %.0f pixels"), ceil (width * scale), ceil (height * scale));
    }
  else
    /* TRANSLATORS: under the preview of an SVG or PDF export: its size in points */
    text = g_strdup_printf (_("%.0f × %.0f points (%.0f × %.0f mm)"), width, height,
                            width * 25.4 / 72, height * 25.4 / 72);

  gtk_label_set_text (self->preview_label, text);
}

static void
update_sensitivity (DistrettoExportDialog *self)
{
  gboolean table = is_table (self);
  DistrettoViewNeeds needs = distretto_view_get_needs (self->view_id);
  gboolean highlights = g_str_equal (self->view_id, "ranking") || g_str_equal (self->view_id, "map");

  gtk_widget_set_visible (GTK_WIDGET (self->custom_row),
                          adw_combo_row_get_selected (self->size_row) == G_N_ELEMENTS (size_names) - 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), g_str_equal (get_format (self), "png"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->style_row), !table);
  gtk_widget_set_sensitive (GTK_WIDGET (self->size_row), !table);
  gtk_widget_set_visible (GTK_WIDGET (self->regions_group),
                          highlights || (needs & DISTRETTO_VIEW_TAKES_REGIONS) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->top_row), g_str_equal (self->view_id, "ranking"));
}

static void
rebuild (DistrettoExportDialog *self)
{
  g_autoptr(DistrettoViewRequest) request = NULL;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(GError) error = NULL;

  update_sensitivity (self);

  request = create_request (self, &error);
  if (request != NULL)
    chart = distretto_view_build (self->view_id, request, &error);
  if (chart == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->regions_row), "error");
      gtk_label_set_text (self->preview_label, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->regions_row), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
  g_set_object (&self->chart, chart);
  show_chart_texts (self);
  update_preview (self);
  update_label (self);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  DistrettoExportDialog *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* A choice changed: the chart is drawn again once the user pauses. */
static void
on_option_changed_cb (DistrettoExportDialog *self)
{
  if (self->filling)
    return;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->rebuild_id = g_timeout_add (REBUILD_DELAY_MS, rebuild_cb, self);
}

/* A text the user typed no longer follows the chart's own. */
static void
on_text_changed_cb (DistrettoExportDialog *self,
                    GtkEditable           *row)
{
  if (self->filling)
    return;

  for (guint text = 0; text < N_TEXTS; text++)
    if (GTK_WIDGET (row) == GTK_WIDGET (text_row (self, text)))
      self->edited[text] = TRUE;

  on_option_changed_cb (self);
}

static void
save_settings (DistrettoExportDialog *self,
               GFile                 *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;
  const char *style_names[] = { "light", "dark", "print" };

  if (self->settings == NULL)
    return;

  g_settings_set_string (self->settings, "format", get_format (self));
  g_settings_set_string (self->settings, "size",
                         size_names[MIN (adw_combo_row_get_selected (self->size_row), G_N_ELEMENTS (size_names) - 1)]);
  g_settings_set_int (self->settings, "width", gtk_spin_button_get_value_as_int (self->width_spin));
  g_settings_set_int (self->settings, "height", gtk_spin_button_get_value_as_int (self->height_spin));
  g_settings_set_int (self->settings, "scale", adw_combo_row_get_selected (self->scale_row) + 1);
  g_settings_set_string (self->settings, "style", style_names[get_style (self)]);
  g_settings_set_uint (self->settings, "top", gtk_spin_button_get_value_as_int (self->top_spin));
  g_settings_set_boolean (self->settings, "bundle", gtk_switch_get_active (self->bundle_switch));
  if (path != NULL)
    g_settings_set_string (self->settings, "folder", path);
}

static void
show_error (DistrettoExportDialog *self,
            const char            *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Chart"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Writes the file, its table and record if asked, then closes. */
static void
write_export (DistrettoExportDialog *self,
              GFile                 *file)
{
  g_autoptr(DistrettoExportOptions) options = NULL;
  g_autoptr(DistrettoViewRequest) request = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  rebuild (self);
  request = create_request (self, &error);
  if (request == NULL || self->chart == NULL)
    {
      show_error (self, error != NULL ? error->message : _("The chart could not be drawn"));
      return;
    }

  if (is_table (self))
    {
      char *table = distretto_chart_dup_tidy_table (self->chart, ',');

      if (table == NULL)
        {
          show_error (self, _("This view has no data table: export it as an image or a document"));
          return;
        }
      bytes = g_bytes_new_take (table, strlen (table));
    }
  else
    {
      options = distretto_export_dialog_dup_options (self);
      bytes = distretto_chart_export_bytes_with_options (self->chart, options, &error);
    }

  if (bytes == NULL || !distretto_check_output_file (file, &error) || !distretto_write_file (file, bytes, &error))
    {
      show_error (self, error->message);
      return;
    }

  if (gtk_switch_get_active (self->bundle_switch))
    {
      DistrettoBundle bundle = {
        distretto_module_get_id (self->module), distretto_module_get_version (self->module),
        distretto_module_get_definition (self->module), self->view_id, request, NULL, options,
      };

      if (!distretto_bundle_write (&bundle, self->chart, file, &error))
        {
          show_error (self, error->message);
          return;
        }
    }

  save_settings (self, file);
  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_replace_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  DistrettoExportDialog *self = g_object_get_data (G_OBJECT (dialog), "export-dialog");
  GFile *file = user_data;

  if (g_str_equal (response, "replace"))
    write_export (self, file);
}

/**
 * distretto_export_dialog_export_to:
 * @self: a #DistrettoExportDialog
 * @file: where to write
 *
 * Writes the export to @file, asking first whether to replace it if it
 * exists.
 */
void
distretto_export_dialog_export_to (DistrettoExportDialog *self,
                                   GFile                 *file)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (DISTRETTO_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!g_file_query_exists (file, NULL))
    {
      write_export (self, file);
      return;
    }

  name = g_file_get_basename (file);
  /* TRANSLATORS: asked before an export replaces a file */
  body = g_strdup_printf (_("A file named “%s” already exists. Replacing it overwrites its contents."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace File?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "export-dialog", g_object_ref (self), g_object_unref);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_replace_response_cb), g_object_ref (file),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response_cb (DistrettoExportDialog *self,
                        int                    response,
                        GtkFileChooserNative  *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      /* The chooser asked before it chose a file that exists. */
      write_export (self, file);
    }

  g_object_unref (chooser);
}

/* "servitization-ranking.png" */
static char *
suggest_name (DistrettoExportDialog *self)
{
  return g_strdup_printf ("%s-%s.%s", distretto_module_get_id (self->module), self->view_id, get_format (self));
}

static void
on_export_clicked_cb (DistrettoExportDialog *self)
{
  g_autofree char *name = suggest_name (self);
  g_autofree char *folder_path = self->settings ? g_settings_get_string (self->settings, "folder") : NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", get_format (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (folder_path != NULL && *folder_path != '\0' && g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_filter_set_name (filter, adw_combo_row_get_selected_item (self->format_row)
                                    ? gtk_string_object_get_string (adw_combo_row_get_selected_item (self->format_row))
                                    : pattern);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The last choices, or a slide in PNG at 2× in the print style. */
static void
load_settings (DistrettoExportDialog *self)
{
  static const char *style_keys[] = { "print", "light", "dark" };
  g_autofree char *format = self->settings ? g_settings_get_string (self->settings, "format") : g_strdup ("png");
  g_autofree char *size = self->settings ? g_settings_get_string (self->settings, "size") : g_strdup ("slide");
  g_autofree char *style = self->settings ? g_settings_get_string (self->settings, "style") : g_strdup ("print");

  adw_combo_row_set_selected (self->format_row, index_of (format_names, G_N_ELEMENTS (format_names), format));
  adw_combo_row_set_selected (self->size_row, index_of (size_names, G_N_ELEMENTS (size_names), size));
  adw_combo_row_set_selected (self->style_row, index_of (style_keys, G_N_ELEMENTS (style_keys), style));
  gtk_spin_button_set_value (self->width_spin, self->settings ? g_settings_get_int (self->settings, "width") : 1000);
  gtk_spin_button_set_value (self->height_spin, self->settings ? g_settings_get_int (self->settings, "height") : 700);
  adw_combo_row_set_selected (self->scale_row, (self->settings ? g_settings_get_int (self->settings, "scale") : 2) - 1);
  gtk_spin_button_set_value (self->top_spin, self->settings ? g_settings_get_uint (self->settings, "top") : 0);
  gtk_switch_set_active (self->bundle_switch, self->settings ? g_settings_get_boolean (self->settings, "bundle") : FALSE);
}

static void
distretto_export_dialog_dispose (GObject *object)
{
  DistrettoExportDialog *self = (DistrettoExportDialog *)object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DISTRETTO_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (distretto_export_dialog_parent_class)->dispose (object);
}

static void
distretto_export_dialog_finalize (GObject *object)
{
  DistrettoExportDialog *self = (DistrettoExportDialog *)object;

  g_clear_object (&self->module);
  g_clear_pointer (&self->view_id, g_free);
  g_clear_object (&self->base);
  g_clear_object (&self->settings);
  g_clear_object (&self->chart);
  g_clear_object (&self->preview_texture);

  G_OBJECT_CLASS (distretto_export_dialog_parent_class)->finalize (object);
}

static void
distretto_export_dialog_class_init (DistrettoExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = distretto_export_dialog_dispose;
  object_class->finalize = distretto_export_dialog_finalize;

  /**
   * DistrettoExportDialog::exported:
   * @file: the file written
   *
   * A file was written.
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/distretto-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, custom_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, style_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, subtitle_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, regions_group);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, regions_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, top_row);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, top_spin);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, country_switch);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, bundle_switch);
  gtk_widget_class_bind_template_child (widget_class, DistrettoExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
distretto_export_dialog_init (DistrettoExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * distretto_export_dialog_new:
 * @parent: the window
 * @module: the module shown
 * @view_id: the view shown
 * @request: what the window shows: data, boundaries, selected region
 *
 * Returns: (transfer full): the dialog, set as last time, the selected
 *   region highlighted
 */
DistrettoExportDialog *
distretto_export_dialog_new (GtkWindow            *parent,
                             DistrettoModule      *module,
                             const char           *view_id,
                             DistrettoViewRequest *request)
{
  DistrettoExportDialog *self;
  const char *selected;

  g_return_val_if_fail (DISTRETTO_IS_MODULE (module), NULL);
  g_return_val_if_fail (view_id != NULL, NULL);
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (request), NULL);

  self = g_object_new (DISTRETTO_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->module = g_object_ref (module);
  self->view_id = g_strdup (view_id);
  self->base = g_object_ref (request);
  self->settings = create_settings ();

  self->filling = TRUE;
  load_settings (self);
  selected = distretto_view_request_get_selected (request);
  gtk_editable_set_text (GTK_EDITABLE (self->regions_row), selected ? selected : "");
  self->filling = FALSE;

  rebuild (self);

  return self;
}

/* The chart as the choices make it. */
DistrettoChart *
distretto_export_dialog_get_chart (DistrettoExportDialog *self)
{
  g_return_val_if_fail (DISTRETTO_IS_EXPORT_DIALOG (self), NULL);

  return self->chart;
}

/* The file's format, size, scale and style; NULL for the CSV table. */
DistrettoExportOptions *
distretto_export_dialog_dup_options (DistrettoExportDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (g_date_time_to_unix (now));
  DistrettoExportOptions *options;
  DistrettoChartFormat format;
  double width, height;

  g_return_val_if_fail (DISTRETTO_IS_EXPORT_DIALOG (self), NULL);

  if (is_table (self) || !distretto_chart_format_from_name (get_format (self), &format))
    return NULL;

  get_size (self, &width, &height);
  options = distretto_export_options_new (format, width, height);
  distretto_export_options_set_scale (options, adw_combo_row_get_selected (self->scale_row) + 1);
  distretto_export_options_set_style (options, get_style (self));
  distretto_export_options_set_creation_date (options, created);

  return options;
}

/* The preview's image: the file's drawing at scale 1. */
GdkTexture *
distretto_export_dialog_get_preview (DistrettoExportDialog *self)
{
  g_return_val_if_fail (DISTRETTO_IS_EXPORT_DIALOG (self), NULL);

  return self->preview_texture;
}

void
distretto_export_dialog_set_format (DistrettoExportDialog *self,
                                    const char            *format)
{
  g_return_if_fail (DISTRETTO_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->format_row, index_of (format_names, G_N_ELEMENTS (format_names), format));
  rebuild (self);
}

void
distretto_export_dialog_set_size (DistrettoExportDialog *self,
                                  const char            *size)
{
  g_return_if_fail (DISTRETTO_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->size_row, index_of (size_names, G_N_ELEMENTS (size_names), size));
  rebuild (self);
}

void
distretto_export_dialog_set_scale (DistrettoExportDialog *self,
                                   guint                  scale)
{
  g_return_if_fail (DISTRETTO_IS_EXPORT_DIALOG (self));
  g_return_if_fail (scale >= 1 && scale <= 3);

  adw_combo_row_set_selected (self->scale_row, scale - 1);
  rebuild (self);
}

/* Types a title, as a user does. */
void
distretto_export_dialog_set_title_text (DistrettoExportDialog *self,
                                        const char            *title)
{
  g_return_if_fail (DISTRETTO_IS_EXPORT_DIALOG (self));

  self->edited[TEXT_TITLE] = TRUE;
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  self->filling = FALSE;
  rebuild (self);
}

void
distretto_export_dialog_set_regions (DistrettoExportDialog *self,
                                     const char            *codes)
{
  g_return_if_fail (DISTRETTO_IS_EXPORT_DIALOG (self));

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->regions_row), codes);
  self->filling = FALSE;
  rebuild (self);
}

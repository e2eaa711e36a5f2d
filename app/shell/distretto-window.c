/* distretto-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-chart-view.h"
#include "distretto-fetch-dialog.h"
#include "distretto-module.h"
#include "distretto-module-info.h"
#include "distretto-window.h"
#include "distretto-window-export.h"

struct _DistrettoWindow
{
  AdwApplicationWindow parent_instance;

  GListModel *modules;
  DistrettoDataset *dataset;
  gboolean dataset_is_demo;   /* the first import replaces it */
  DistrettoDatasetLoader *loader;
  GCancellable *import_cancellable;   /* of the data or boundaries import under way */
  gboolean disposed;          /* an import's callback touches no widget then */
  DistrettoEurostatFetcher *fetcher;

  AdwLeaflet *leaflet;
  GtkWidget *content;
  GtkListBox *modules_list;
  AdwWindowTitle *window_title;
  GtkStack *stack;
  DistrettoChartView *chart_view;
  AdwStatusPage *status_page;
  GtkDropDown *view_dropdown;
  GtkMenuButton *info_button;
  GtkPopover *info_popover;
  GPtrArray *view_ids;        /* the drop-down's views: built-in charts, then the module's */
  DistrettoBoundaries *boundaries;  /* for the map, once imported */
  int nuts_version;           /* what data is brought to: the boundaries' version */
  gboolean updating_views;
  char *selected_region;      /* clicked in a chart, added to the trend */
  GtkRevealer *progress_revealer;
  GtkProgressBar *progress_bar;
  GtkRevealer *crash_revealer;
  GtkLabel *crash_label;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (DistrettoWindow, distretto_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
create_module_row (gpointer item,
                   gpointer user_data)
{
  DistrettoModule *module = item;
  GtkWidget *label = gtk_label_new (distretto_module_get_title (module));
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_tooltip_text (row, distretto_module_get_description (module));

  return row;
}

void
distretto_window_show_error (DistrettoWindow *self,
                             const char      *title,
                             const char      *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (DISTRETTO_IS_WINDOW (self));

  escaped = g_markup_escape_text (message, -1);
  adw_status_page_set_title (self->status_page, title);
  /* The description is markup; messages quote selectors with “&”. */
  adw_status_page_set_description (self->status_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static DistrettoModule *
dup_selected_module (DistrettoWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->modules_list);

  if (row == NULL)
    return NULL;

  return g_list_model_get_item (self->modules, gtk_list_box_row_get_index (row));
}

static void
on_chart_view_region_selected_cb (DistrettoWindow *self,
                                  const char      *code)
{
  g_free (self->selected_region);
  self->selected_region = g_strdup (code);
}

/* The chart or the module's view picked in the header's drop-down, the
 * region clicked in another chart selected in it. */
static void
show_chart (DistrettoWindow *self,
            DistrettoModule *module)
{
  guint selected = gtk_drop_down_get_selected (self->view_dropdown);
  g_autoptr(DistrettoViewRequest) request = NULL;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  const char *view_id;

  if (self->dataset == NULL || self->view_ids == NULL || selected >= self->view_ids->len)
    return;

  view_id = g_ptr_array_index (self->view_ids, selected);
  if ((distretto_view_get_needs (view_id) & DISTRETTO_VIEW_NEEDS_BOUNDARIES) && self->boundaries == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-boundaries");
      return;
    }

  request = distretto_window_create_view_request (self, module);
  chart = distretto_view_build (view_id, request, &error);
  if (chart == NULL)
    {
      distretto_window_show_error (self, _("This Module Cannot Be Shown"), error->message);
      return;
    }

  distretto_chart_view_set_chart (self->chart_view, chart);
  gtk_stack_set_visible_child_name (self->stack, "chart");
}

/* Offers the built-in charts the module can fill and its own views,
 * keeping the kind of chart shown when the module changes. */
static void
update_view_dropdown (DistrettoWindow *self,
                      DistrettoModule *module)
{
  DistrettoIndicatorDefinition *definition = distretto_module_get_definition (module);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autofree char *previous = NULL;
  g_auto(GStrv) ids = distretto_view_dup_ids_for (definition);
  guint keep = 0;

  if (self->view_ids != NULL && gtk_drop_down_get_selected (self->view_dropdown) < self->view_ids->len)
    previous = g_strdup (g_ptr_array_index (self->view_ids, gtk_drop_down_get_selected (self->view_dropdown)));

  g_clear_pointer (&self->view_ids, g_ptr_array_unref);
  self->view_ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_ptr_array_add (self->view_ids, g_strdup (ids[i]));
      gtk_string_list_append (titles, distretto_view_get_title_for (definition, ids[i]));
      if (g_strcmp0 (ids[i], previous) == 0)
        keep = i;
    }

  self->updating_views = TRUE;
  gtk_drop_down_set_model (self->view_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->view_dropdown, keep);
  self->updating_views = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->view_dropdown), TRUE);
}

/* The information button's popover: what the module measures, how, and
 * what it could use of the data. */
static void
update_info (DistrettoWindow *self,
             DistrettoModule *module)
{
  gtk_popover_set_child (self->info_popover, distretto_module_info_new (module, self->dataset));
  gtk_widget_set_sensitive (GTK_WIDGET (self->info_button), TRUE);
}

static void
show_module (DistrettoWindow *self,
             DistrettoModule *module)
{
  update_info (self, module);
  adw_window_title_set_title (self->window_title, distretto_module_get_title (module));
  update_view_dropdown (self, module);
  show_chart (self, module);
}

static void
on_view_dropdown_selected_cb (DistrettoWindow *self)
{
  g_autoptr(DistrettoModule) module = NULL;

  if (self->updating_views || (module = dup_selected_module (self)) == NULL)
    return;

  show_chart (self, module);
}

static void
show_selected_module (DistrettoWindow *self)
{
  g_autoptr(DistrettoModule) module = dup_selected_module (self);

  if (module != NULL)
    show_module (self, module);
}

static void
on_modules_list_row_selected_cb (DistrettoWindow *self,
                                 GtkListBoxRow   *row)
{
  show_selected_module (self);
}

static void
update_subtitle (DistrettoWindow *self)
{
  guint n_sources;

  if (self->dataset == NULL)
    return;

  n_sources = distretto_dataset_get_n_sources (self->dataset);
  if (self->dataset_is_demo)
    adw_window_title_set_subtitle (self->window_title, _("Synthetic demo data"));
  else if (n_sources == 1)
    {
      g_autofree char *name =
        g_path_get_basename (distretto_source_get_name (distretto_dataset_get_source_at (self->dataset, 0)));
      adw_window_title_set_subtitle (self->window_title, name);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u imported file", "%u imported files", n_sources),
                                               n_sources);
      adw_window_title_set_subtitle (self->window_title, text);
    }
}

static void
set_importing (DistrettoWindow *self,
               gboolean         importing)
{
  gtk_revealer_set_reveal_child (self->progress_revealer, importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-boundaries", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.fetch", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", importing);
}

static void
on_loader_fraction_cb (DistrettoWindow        *self,
                       GParamSpec             *pspec,
                       DistrettoDatasetLoader *loader)
{
  gtk_progress_bar_set_fraction (self->progress_bar, distretto_dataset_loader_get_fraction (loader));
}

static void
show_import_error (DistrettoWindow *self,
                   const char      *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Import the Data"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DistrettoWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  dataset = distretto_dataset_loader_load_finish (DISTRETTO_DATASET_LOADER (object), result, &error);

  g_signal_handlers_disconnect_by_func (object, on_loader_fraction_cb, self);
  /* Closed while it loaded: nothing left to show it in. */
  if (self->disposed)
    return;

  g_clear_object (&self->loader);
  g_clear_object (&self->import_cancellable);
  set_importing (self, FALSE);

  if (dataset == NULL)
    {
      /* The dataset shown so far stays as it was. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_import_error (self, error->message);
      else
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Import cancelled")));
      return;
    }

  g_set_object (&self->dataset, dataset);
  self->dataset_is_demo = FALSE;
  update_subtitle (self);
  show_selected_module (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Data imported")));
}

void
distretto_window_import_files (DistrettoWindow *self,
                               GListModel      *files)
{
  g_return_if_fail (DISTRETTO_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  if (self->loader != NULL || g_list_model_get_n_items (files) == 0)
    return;

  self->loader = distretto_dataset_loader_new (self->dataset_is_demo ? NULL : self->dataset);
  distretto_dataset_loader_set_nuts_version (self->loader, self->nuts_version);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      distretto_dataset_loader_add_file (self->loader, file);
    }

  self->import_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->loader, "notify::fraction",
                           G_CALLBACK (on_loader_fraction_cb), self, G_CONNECT_SWAPPED);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  set_importing (self, TRUE);

  distretto_dataset_loader_load_async (self->loader, self->import_cancellable,
                                       on_import_done_cb, g_object_ref (self));
}

static void
on_file_chooser_response_cb (DistrettoWindow      *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      distretto_window_import_files (self, files);
    }

  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  g_autoptr(GtkFileFilter) data_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Data"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (data_filter, _("Data files (CSV, Eurostat TSV, SDMX-CSV, JSON-stat)"));
  gtk_file_filter_add_pattern (data_filter, "*.csv");
  gtk_file_filter_add_pattern (data_filter, "*.tsv");
  gtk_file_filter_add_pattern (data_filter, "*.gz");
  gtk_file_filter_add_pattern (data_filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), data_filter);
  gtk_file_filter_set_name (all_filter, _("All files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* What importing boundaries makes in its thread: the boundaries, and the
 * dataset brought to their NUTS version. */
typedef struct
{
  GFile *file;
  DistrettoDataset *dataset;
  DistrettoBoundaries *boundaries;
  DistrettoDataset *recoded;
  int nuts_version;
} BoundariesImport;

static void
boundaries_import_free (gpointer data)
{
  BoundariesImport *import = data;

  g_clear_object (&import->file);
  g_clear_object (&import->dataset);
  g_clear_object (&import->boundaries);
  g_clear_object (&import->recoded);
  g_free (import);
}

static void
on_boundaries_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(DistrettoWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  BoundariesImport *import;
  guint n;

  if (self->disposed)
    return;

  g_clear_object (&self->import_cancellable);
  set_importing (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Import cancelled")));
      else
        show_import_error (self, error->message);
      return;
    }

  import = g_task_get_task_data (G_TASK (result));

  g_set_object (&self->boundaries, import->boundaries);
  self->nuts_version = import->nuts_version;
  /* Unless other data replaced the dataset meanwhile. */
  if (import->recoded != NULL && self->dataset == import->dataset)
    g_set_object (&self->dataset, import->recoded);
  n = distretto_boundaries_get_n_regions (import->boundaries);

  message = g_strdup_printf (ngettext ("Boundaries of %u region imported", "Boundaries of %u regions imported", n), n);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  show_selected_module (self);
}

static void
load_boundaries_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  BoundariesImport *import = task_data;
  GError *error = NULL;

  import->boundaries = distretto_boundaries_load_file (import->file, cancellable, &error);
  if (import->boundaries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  import->nuts_version = distretto_boundaries_guess_nuts_version (import->boundaries);
  if (import->nuts_version == 0)
    import->nuts_version = DISTRETTO_NUTS_VERSION_LATEST;
  if (import->dataset != NULL && distretto_dataset_get_nuts_version (import->dataset) != import->nuts_version)
    import->recoded = distretto_dataset_recode_nuts (import->dataset, import->nuts_version, NULL);

  g_task_return_boolean (task, TRUE);
}

/* Reads boundaries in a thread and brings the data to their NUTS
 * version; the map shows them when done. */
void
distretto_window_import_boundaries (DistrettoWindow *self,
                                    GFile           *file)
{
  g_autoptr(GTask) task = NULL;
  BoundariesImport *import;

  g_return_if_fail (DISTRETTO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->loader != NULL || self->import_cancellable != NULL)
    return;

  import = g_new0 (BoundariesImport, 1);
  import->file = g_object_ref (file);
  import->dataset = self->dataset != NULL ? g_object_ref (self->dataset) : NULL;

  set_importing (self, TRUE);
  gtk_progress_bar_pulse (self->progress_bar);
  self->import_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->import_cancellable, on_boundaries_loaded_cb, g_object_ref (self));
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, import, boundaries_import_free);
  g_task_run_in_thread (task, load_boundaries_thread);
}

static void
on_boundaries_chooser_response_cb (DistrettoWindow      *self,
                                   int                   response,
                                   GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      distretto_window_import_boundaries (self, file);
    }

  g_object_unref (chooser);
}

static void
import_boundaries_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Boundaries"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("GeoJSON boundaries"));
  gtk_file_filter_add_pattern (filter, "*.geojson");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_boundaries_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_fetch_dialog_fetched_cb (DistrettoWindow *self,
                            GListModel      *files)
{
  distretto_window_import_files (self, files);
}

/* Get Data from Eurostat: the selected module's tables. */
static void
fetch_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  g_autoptr(DistrettoModule) module = dup_selected_module (self);
  g_auto(GStrv) tables = NULL;
  DistrettoFetchDialog *dialog;

  if (module != NULL)
    tables = distretto_indicator_definition_dup_tables (distretto_module_get_definition (module));

  dialog = distretto_fetch_dialog_new (GTK_WINDOW (self), self->fetcher,
                                       module ? distretto_module_get_title (module) : NULL,
                                       (const char * const *) tables);
  g_signal_connect_object (dialog, "fetched", G_CALLBACK (on_fetch_dialog_fetched_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);

  g_cancellable_cancel (self->import_cancellable);
}

static void
on_modules_list_row_activated_cb (DistrettoWindow *self,
                                  GtkListBoxRow   *row)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_back_clicked_cb (DistrettoWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
dismiss_crash_banner_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (DISTRETTO_WINDOW (widget)->crash_revealer, FALSE);
}

/* Says in a banner that the plugins @names crashed the last run and are
 * off; its button opens the Preferences, where each says why. */
void
distretto_window_show_crashed_plugins (DistrettoWindow    *self,
                                       const char * const *names)
{
  g_autofree char *text = NULL;
  guint n;

  g_return_if_fail (DISTRETTO_IS_WINDOW (self));

  n = names ? g_strv_length ((char **) names) : 0;
  if (n == 0)
    return;

  if (n == 1)
    text = g_strdup_printf (_("The plugin “%s” crashed Distretto last time and has been switched off"), names[0]);
  else
    text = g_strdup_printf (ngettext ("%u plugin crashed Distretto last time and has been switched off",
                                      "%u plugins crashed Distretto last time and have been switched off", n),
                            n);

  gtk_label_set_text (self->crash_label, text);
  gtk_revealer_set_reveal_child (self->crash_revealer, TRUE);
}

static void
distretto_window_dispose (GObject *object)
{
  DistrettoWindow *self = (DistrettoWindow *)object;

  self->disposed = TRUE;
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->loader);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->modules);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->view_ids, g_ptr_array_unref);
  g_clear_object (&self->boundaries);
  g_clear_pointer (&self->selected_region, g_free);

  G_OBJECT_CLASS (distretto_window_parent_class)->dispose (object);
}

static void
distretto_window_class_init (DistrettoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = distretto_window_dispose;

  g_type_ensure (DISTRETTO_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/distretto-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, content);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, modules_list);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, info_button);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, info_popover);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, crash_revealer);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, crash_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_modules_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_modules_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.import-boundaries", NULL, import_boundaries_action);
  gtk_widget_class_install_action (widget_class, "win.fetch", NULL, fetch_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-crash-banner", NULL, dismiss_crash_banner_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-boundaries", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.fetch", NULL);

  _distretto_window_export_class_init (widget_class);
}

static void
distretto_window_init (DistrettoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fetcher = distretto_eurostat_fetcher_new ();
  self->nuts_version = DISTRETTO_NUTS_VERSION_LATEST;
  set_importing (self, FALSE);
  g_signal_connect_object (self->chart_view, "region-selected",
                           G_CALLBACK (on_chart_view_region_selected_cb), self, G_CONNECT_SWAPPED);
  _distretto_window_export_init (self);
}

DistrettoWindow *
distretto_window_new (GtkApplication   *application,
                      GListModel       *modules,
                      DistrettoDataset *dataset)
{
  DistrettoWindow *self;
  GtkListBoxRow *first;

  g_return_val_if_fail (G_IS_LIST_MODEL (modules), NULL);
  g_return_val_if_fail (dataset == NULL || DISTRETTO_IS_DATASET (dataset), NULL);

  self = g_object_new (DISTRETTO_TYPE_WINDOW, "application", application, NULL);
  self->modules = g_object_ref (modules);
  self->dataset = dataset ? g_object_ref (dataset) : NULL;
  self->dataset_is_demo = dataset != NULL && (distretto_dataset_get_flags_seen (dataset) & DISTRETTO_FLAGS_SYNTHETIC);
  update_subtitle (self);

  gtk_list_box_bind_model (self->modules_list, modules, create_module_row, NULL, NULL);

  first = gtk_list_box_get_row_at_index (self->modules_list, 0);
  if (first != NULL)
    gtk_list_box_select_row (self->modules_list, first);
  else
    distretto_window_show_error (self, _("No Indicator Modules"),
                                 _("No plugin could be loaded. Run “distretto plugins” to see why."));

  return self;
}

GtkListBox *
distretto_window_get_modules_list (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return self->modules_list;
}

GtkWidget *
distretto_window_get_chart_view (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->chart_view);
}

DistrettoDataset *
distretto_window_get_dataset (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return self->dataset;
}

/* What Get Data from Eurostat downloads with. */
DistrettoEurostatFetcher *
distretto_window_get_fetcher (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return self->fetcher;
}

/* The banner of distretto_window_show_crashed_plugins(): a GtkRevealer. */
GtkWidget *
distretto_window_get_crash_banner (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->crash_revealer);
}

/* What the window shows of @module: its data, boundaries and selected
 * region; the chart, the export dialog and the printout start from it. */
DistrettoViewRequest *
distretto_window_create_view_request (DistrettoWindow *self,
                                      DistrettoModule *module)
{
  DistrettoViewRequest *request;

  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);
  g_return_val_if_fail (DISTRETTO_IS_MODULE (module), NULL);

  request = distretto_view_request_new (distretto_module_get_indicator (module), self->dataset);
  distretto_view_request_set_boundaries (request, self->boundaries);
  distretto_view_request_set_selected (request, self->selected_region);
  return request;
}

/* The module shown, or NULL. */
DistrettoModule *
distretto_window_dup_module (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return dup_selected_module (self);
}

/* The id of the view shown, or NULL. */
const char *
distretto_window_get_view_id (DistrettoWindow *self)
{
  guint selected;

  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  selected = gtk_drop_down_get_selected (self->view_dropdown);
  if (self->view_ids == NULL || selected >= self->view_ids->len)
    return NULL;
  return g_ptr_array_index (self->view_ids, selected);
}

/* The region clicked last, or NULL. */
const char *
distretto_window_get_selected_region (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return self->selected_region;
}

/* The loaded modules. */
GListModel *
distretto_window_get_modules (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return self->modules;
}

/* The toasts' overlay. */
void
distretto_window_add_toast (DistrettoWindow *self,
                            AdwToast        *toast)
{
  g_return_if_fail (DISTRETTO_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

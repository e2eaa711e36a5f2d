/* distretto-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-window-export.h"
#include "distretto-window-private.h"

/* The main window: the modules in the sidebar; the selected one's charts,
 * region page, data table and weights in a view stack; the level, the
 * year and the region picker in the header. Its parts live in
 * distretto-window-chart.c (charts and choices), -import.c (files in),
 * -state.c (what is remembered) and -actions.c (actions and keys). */

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

static void
on_modules_list_row_selected_cb (DistrettoWindow *self,
                                 GtkListBoxRow   *row)
{
  g_autoptr(DistrettoModule) module = _distretto_window_dup_selected_module (self);

  if (module != NULL)
    _distretto_window_show_module (self, module);
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

/* Arrow keys in a chart move the selection; Enter opens the region. */
static void
on_chart_view_region_selected_cb (DistrettoWindow *self,
                                  const char      *code)
{
  _distretto_window_select_region (self, code);
}

static void
on_chart_view_region_activated_cb (DistrettoWindow *self,
                                   const char      *code)
{
  _distretto_window_select_region (self, code);
  adw_view_stack_set_visible_child_name (self->view_stack, "region");
}

static void
update_plugins_banner (DistrettoWindow    *self,
                       const char * const *crashed,
                       const char * const *failed)
{
  guint n_crashed = crashed ? g_strv_length ((char **) crashed) : 0;
  guint n_failed = failed ? g_strv_length ((char **) failed) : 0;
  g_autofree char *text = NULL;

  if (n_crashed == 1 && n_failed == 0)
    text = g_strdup_printf (_("The plugin “%s” crashed Distretto last time and has been switched off"), crashed[0]);
  else if (n_crashed > 0 && n_failed == 0)
    text = g_strdup_printf (ngettext ("%u plugin crashed Distretto last time and has been switched off",
                                      "%u plugins crashed Distretto last time and have been switched off", n_crashed),
                            n_crashed);
  else if (n_crashed == 0 && n_failed == 1)
    text = g_strdup_printf (_("The plugin “%s” failed to load: its module is not shown"), failed[0]);
  else if (n_crashed == 0 && n_failed > 0)
    text = g_strdup_printf (ngettext ("%u plugin failed to load: its module is not shown",
                                      "%u plugins failed to load: their modules are not shown", n_failed),
                            n_failed);
  else if (n_crashed + n_failed > 0)
    text = g_strdup_printf (ngettext ("%u plugin failed to load or crashed Distretto last time: its module is not shown",
                                      "%u plugins failed to load or crashed Distretto last time: their modules are "
                                      "not shown", n_crashed + n_failed),
                            n_crashed + n_failed);
  else
    return;

  gtk_label_set_text (self->crash_label, text);
  gtk_revealer_set_reveal_child (self->crash_revealer, TRUE);
}

/* Says in a banner that the plugins @names crashed the last run and are
 * off; its button opens the Preferences, where each says why. */
void
distretto_window_show_crashed_plugins (DistrettoWindow    *self,
                                       const char * const *names)
{
  g_return_if_fail (DISTRETTO_IS_WINDOW (self));

  update_plugins_banner (self, names, NULL);
}

/* Says in the same banner that the plugins @crashed crashed the last run
 * and the plugins @failed failed to load (a Python exception, a missing
 * dependency, another ABI…). */
void
distretto_window_show_plugin_problems (DistrettoWindow    *self,
                                       const char * const *crashed,
                                       const char * const *failed)
{
  g_return_if_fail (DISTRETTO_IS_WINDOW (self));

  update_plugins_banner (self, crashed, failed);
}

/* The demo's banner: the values are not statistics. */
void
_distretto_window_dataset_changed (DistrettoWindow *self)
{
  gtk_revealer_set_reveal_child (self->demo_revealer, self->dataset != NULL && self->dataset_is_demo);
  adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);

  if (self->dataset == NULL)
    return;

  if (self->dataset_is_demo)
    adw_view_switcher_title_set_subtitle (self->switcher_title, _("Synthetic demo data"));
  else if (distretto_dataset_get_n_sources (self->dataset) == 1)
    {
      g_autofree char *name =
        g_path_get_basename (distretto_source_get_name (distretto_dataset_get_source_at (self->dataset, 0)));

      adw_view_switcher_title_set_subtitle (self->switcher_title, name);
    }
  else
    {
      guint n = distretto_dataset_get_n_sources (self->dataset);
      g_autofree char *text = g_strdup_printf (ngettext ("%u imported file", "%u imported files", n), n);

      adw_view_switcher_title_set_subtitle (self->switcher_title, text);
    }

  distretto_region_picker_set_dataset (self->region_picker, self->dataset);
  _distretto_window_update_levels (self);
}

static void
distretto_window_dispose (GObject *object)
{
  DistrettoWindow *self = (DistrettoWindow *)object;

  self->disposed = TRUE;
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_cancellable_cancel (self->chart_cancellable);
  g_clear_object (&self->chart_cancellable);
  g_clear_handle_id (&self->computing_id, g_source_remove);
  g_cancellable_cancel (self->analysis_cancellable);
  g_clear_object (&self->analysis_cancellable);
  g_clear_handle_id (&self->recompute_id, g_source_remove);
  g_clear_object (&self->loader);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->modules);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->view_ids, g_ptr_array_unref);
  g_clear_object (&self->boundaries);
  g_clear_pointer (&self->selected_region, g_free);
  g_clear_pointer (&self->my_region, g_free);
  g_clear_pointer (&self->compared, g_ptr_array_unref);
  g_clear_pointer (&self->level_items, g_array_unref);
  g_clear_pointer (&self->year_items, g_array_unref);
  g_clear_pointer (&self->weights, g_hash_table_unref);
  g_clear_pointer (&self->data_paths, g_ptr_array_unref);
  g_clear_pointer (&self->loading_paths, g_ptr_array_unref);
  g_clear_object (&self->pending_boundaries);
  g_clear_pointer (&self->boundaries_path, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (distretto_window_parent_class)->dispose (object);
}

static void
distretto_window_class_init (DistrettoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = distretto_window_dispose;

  g_type_ensure (DISTRETTO_TYPE_CHART_VIEW);
  g_type_ensure (DISTRETTO_TYPE_DATA_TABLE);
  g_type_ensure (DISTRETTO_TYPE_REGION_PAGE);
  g_type_ensure (DISTRETTO_TYPE_REGION_PICKER);
  g_type_ensure (DISTRETTO_TYPE_WEIGHTS_PAGE);
  g_type_ensure (DISTRETTO_TYPE_METHOD_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/distretto-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, content);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, modules_list);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, computing_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, stopped_page);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, top_button);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, info_button);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, info_popover);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, region_picker);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, compare_box);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, region_page);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, data_table);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, weights_page);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, method_page);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, crash_revealer);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, crash_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_modules_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_modules_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_level_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_top_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_region_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_weight_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_page_cb);

  _distretto_window_class_add_actions (widget_class);
  _distretto_window_export_class_init (widget_class);
}

static void
distretto_window_init (DistrettoWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->fetcher = distretto_eurostat_fetcher_new ();
  self->nuts_version = DISTRETTO_NUTS_VERSION_LATEST;
  self->level = DISTRETTO_VIEW_DEFAULT_LEVEL;
  self->compared = g_ptr_array_new_with_free_func (g_free);
  self->level_items = g_array_new (FALSE, FALSE, sizeof (int));
  self->year_items = g_array_new (FALSE, FALSE, sizeof (int));
  self->weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  self->data_paths = g_ptr_array_new_with_free_func (g_free);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  _distretto_window_set_importing (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-computing", FALSE);
  _distretto_window_setup_drop_target (self);
  g_signal_connect_object (self->chart_view, "region-selected",
                           G_CALLBACK (on_chart_view_region_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart_view, "region-activated",
                           G_CALLBACK (on_chart_view_region_activated_cb), self, G_CONNECT_SWAPPED);
  _distretto_window_export_init (self);
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "peers-count", self->region_page, "n-peers", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "peers-exclude-country", self->region_page, "exclude-country",
                       G_SETTINGS_BIND_DEFAULT);
    }
  g_signal_connect_object (self->region_page, "notify::n-peers",
                           G_CALLBACK (_distretto_window_update_region_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_page, "notify::exclude-country",
                           G_CALLBACK (_distretto_window_update_region_page), self, G_CONNECT_SWAPPED);
}

static gboolean
select_module_by_id (DistrettoWindow *self,
                     const char      *id)
{
  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (self->modules); i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (self->modules, i);

      if (g_strcmp0 (distretto_module_get_id (module), id) == 0)
        {
          gtk_list_box_select_row (self->modules_list, gtk_list_box_get_row_at_index (self->modules_list, i));
          return TRUE;
        }
    }

  return FALSE;
}

DistrettoWindow *
distretto_window_new (GtkApplication   *application,
                      GListModel       *modules,
                      DistrettoDataset *dataset)
{
  DistrettoWindow *self;
  g_autofree char *module_id = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (modules), NULL);
  g_return_val_if_fail (dataset == NULL || DISTRETTO_IS_DATASET (dataset), NULL);

  self = g_object_new (DISTRETTO_TYPE_WINDOW, "application", application, NULL);
  self->modules = g_object_ref (modules);
  self->dataset = dataset ? g_object_ref (dataset) : NULL;
  self->dataset_is_demo = dataset != NULL && (distretto_dataset_get_flags_seen (dataset) & DISTRETTO_FLAGS_SYNTHETIC);

  _distretto_window_load_state (self);
  _distretto_window_dataset_changed (self);
  _distretto_window_update_recent_menu (self);

  gtk_list_box_bind_model (self->modules_list, modules, create_module_row, NULL, NULL);

  if (self->settings != NULL)
    module_id = g_settings_get_string (self->settings, "module");
  if (g_list_model_get_n_items (modules) == 0)
    distretto_window_show_error (self, _("No Indicator Modules"),
                                 _("No plugin could be loaded. Run “distretto plugins” to see why."));
  else if (!select_module_by_id (self, module_id))
    gtk_list_box_select_row (self->modules_list, gtk_list_box_get_row_at_index (self->modules_list, 0));

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

/* The banner saying the data are the synthetic demo: a GtkRevealer. */
GtkWidget *
distretto_window_get_demo_banner (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->demo_revealer);
}

/* The drop-down of the kinds of chart. */
GtkDropDown *
distretto_window_get_view_dropdown (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return self->view_dropdown;
}

GtkDropDown *
distretto_window_get_level_dropdown (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return self->level_dropdown;
}

GtkDropDown *
distretto_window_get_year_dropdown (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return self->year_dropdown;
}

GtkWidget *
distretto_window_get_region_picker (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->region_picker);
}

GtkWidget *
distretto_window_get_region_page (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->region_page);
}

GtkWidget *
distretto_window_get_data_table (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->data_table);
}

GtkWidget *
distretto_window_get_weights_page (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->weights_page);
}

GtkWidget *
distretto_window_get_method_page (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->method_page);
}

AdwViewStack *
distretto_window_get_view_stack (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return self->view_stack;
}

/* The region chosen, at any level: the region page's. */
const char *
distretto_window_get_selected_region (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return self->selected_region;
}

/* Whether the window is reading files or computing a chart (or the
 * analysis it waits for) off the main loop. */
gboolean
distretto_window_is_busy (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), FALSE);

  return self->loader != NULL || self->import_cancellable != NULL || self->chart_cancellable != NULL ||
         self->analysis_cancellable != NULL || self->recompute_id != 0 || distretto_region_page_is_loading (self->region_page);
}

/* What the window shows of @module: its data, boundaries, level, year,
 * regions and weights; the chart, the export dialog and the printout
 * start from it. */
DistrettoViewRequest *
distretto_window_create_view_request (DistrettoWindow *self,
                                      DistrettoModule *module)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);
  g_return_val_if_fail (DISTRETTO_IS_MODULE (module), NULL);

  return _distretto_window_new_request (self, module);
}

/* The module shown, or NULL. */
DistrettoModule *
distretto_window_dup_module (DistrettoWindow *self)
{
  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), NULL);

  return _distretto_window_dup_selected_module (self);
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

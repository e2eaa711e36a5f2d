/* distretto-window-actions.c: the window's actions and their keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-fetch-dialog.h"
#include "distretto-window-private.h"

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
  g_autoptr(DistrettoModule) module = _distretto_window_dup_selected_module (self);
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
  g_cancellable_cancel (DISTRETTO_WINDOW (widget)->import_cancellable);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  if (!g_file_query_exists (file, NULL))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *text = g_strdup_printf (_("“%s” is no longer there: it was moved or deleted"), name);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      return;
    }

  distretto_window_open_files (self, &file, 1);
}

static void
dismiss_crash_banner_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (DISTRETTO_WINDOW (widget)->crash_revealer, FALSE);
}

static void
dismiss_demo_banner_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (DISTRETTO_WINDOW (widget)->demo_revealer, FALSE);
}

static void
find_region_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);

  gtk_menu_button_popup (self->search_button);
  gtk_widget_grab_focus (GTK_WIDGET (distretto_region_picker_get_entry (self->region_picker)));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (DISTRETTO_WINDOW (widget)->view_stack, g_variant_get_string (parameter, NULL));
}

static void
show_region_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);

  _distretto_window_select_region (self, g_variant_get_string (parameter, NULL));
  adw_view_stack_set_visible_child_name (self->view_stack, "region");
  _distretto_window_update_region_page (self);
}

static void
select_module_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (self->modules); i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (self->modules, i);

      if (g_str_equal (distretto_module_get_id (module), id))
        gtk_list_box_select_row (self->modules_list, gtk_list_box_get_row_at_index (self->modules_list, i));
    }
}

/* The region on the region page becomes mine, or stops being. */
static void
my_region_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  const char *region = distretto_region_page_get_region (self->region_page);

  if (region == NULL)
    region = self->selected_region;
  if (region == NULL)
    return;

  g_free (self->my_region);
  self->my_region = g_strcmp0 (region, self->my_region) == 0 ? NULL : g_strdup (region);
  distretto_region_picker_set_my_region (self->region_picker, self->my_region);
  distretto_region_page_set_is_my_region (self->region_page, self->my_region != NULL);
  _distretto_window_save_choices (self);
  if (gtk_toggle_button_get_active (self->top_button))
    _distretto_window_show_chart (self);
}

/* The region and its peers become the regions compared. */
static void
compare_peers_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  const char * const *peers = distretto_region_page_get_peers (self->region_page);
  const char *region = distretto_region_page_get_region (self->region_page);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  if (region != NULL)
    g_ptr_array_add (codes, (gpointer) region);
  for (guint i = 0; peers != NULL && peers[i] != NULL; i++)
    g_ptr_array_add (codes, (gpointer) peers[i]);
  g_ptr_array_add (codes, NULL);

  _distretto_window_set_compared (self, (const char * const *) codes->pdata);
  adw_view_stack_set_visible_child_name (self->view_stack, "charts");
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Comparing the region with its peers")));
}

static void
compare_selected_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  g_autofree char *shown = _distretto_window_dup_shown_region (self);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  if (shown == NULL)
    return;

  for (guint i = 0; i < self->compared->len; i++)
    g_ptr_array_add (codes, g_ptr_array_index (self->compared, i));
  g_ptr_array_add (codes, shown);
  g_ptr_array_add (codes, NULL);

  if (self->compared->len >= DISTRETTO_WINDOW_MAX_COMPARED)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("At most eight regions are compared: take one out first")));
  _distretto_window_set_compared (self, (const char * const *) codes->pdata);
}

static void
compare_remove_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  const char *code = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; i < self->compared->len; i++)
    if (!g_str_equal (g_ptr_array_index (self->compared, i), code))
      g_ptr_array_add (codes, g_ptr_array_index (self->compared, i));
  g_ptr_array_add (codes, NULL);

  _distretto_window_set_compared (self, (const char * const *) codes->pdata);
}

static void
compare_clear_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _distretto_window_set_compared (DISTRETTO_WINDOW (widget), NULL);
}

/* Ctrl+Up and Ctrl+Down: a coarser or a finer NUTS level. */
static void
level_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  guint selected = gtk_drop_down_get_selected (self->level_dropdown);
  int step = g_str_equal (action_name, "win.level-finer") ? 1 : -1;

  if (selected == GTK_INVALID_LIST_POSITION || (step < 0 && selected == 0) ||
      (step > 0 && selected + 1 >= self->level_items->len))
    return;

  gtk_drop_down_set_selected (self->level_dropdown, selected + step);
}

/* Ctrl+Left and Ctrl+Right: the year before or after; the latest is
 * first in the drop-down, then the years from the latest back. */
static void
year_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);
  guint n = self->year_items->len;

  if (selected == GTK_INVALID_LIST_POSITION || n < 2)
    return;
  if (selected == 0)
    selected = 1;

  if (g_str_equal (action_name, "win.year-earlier") && selected + 1 < n)
    gtk_drop_down_set_selected (self->year_dropdown, selected + 1);
  else if (g_str_equal (action_name, "win.year-later") && selected > 1)
    gtk_drop_down_set_selected (self->year_dropdown, selected - 1);
  else if (g_str_equal (action_name, "win.year-later"))
    gtk_drop_down_set_selected (self->year_dropdown, 0);
}

static void
focus_chart_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "charts");
  gtk_widget_grab_focus (GTK_WIDGET (self->chart_view));
}

/* Stop (Escape) on the Computing page. */
static void
stop_computing_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _distretto_window_stop_chart (DISTRETTO_WINDOW (widget));
}

/* Try Again on the Stopped page. */
static void
compute_again_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _distretto_window_show_chart (DISTRETTO_WINDOW (widget));
}

/* The actions that need a region or a comparison follow the choices. */
void
_distretto_window_update_actions (DistrettoWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-clear", self->compared->len > 0);
}

void
_distretto_window_class_add_actions (GtkWidgetClass *widget_class)
{
  static const struct
  {
    const char *page;
    guint key;
  } pages[] = {
    { "charts", GDK_KEY_1 }, { "region", GDK_KEY_2 }, { "data", GDK_KEY_3 }, { "weights", GDK_KEY_4 },
    { "method", GDK_KEY_5 },
  };

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.import-boundaries", NULL, import_boundaries_action);
  gtk_widget_class_install_action (widget_class, "win.fetch", NULL, fetch_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-crash-banner", NULL, dismiss_crash_banner_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-demo-banner", NULL, dismiss_demo_banner_action);
  gtk_widget_class_install_action (widget_class, "win.find-region", NULL, find_region_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-region", "s", show_region_action);
  gtk_widget_class_install_action (widget_class, "win.select-module", "s", select_module_action);
  gtk_widget_class_install_action (widget_class, "win.my-region", NULL, my_region_action);
  gtk_widget_class_install_action (widget_class, "win.compare-peers", NULL, compare_peers_action);
  gtk_widget_class_install_action (widget_class, "win.compare-selected", NULL, compare_selected_action);
  gtk_widget_class_install_action (widget_class, "win.compare-remove", "s", compare_remove_action);
  gtk_widget_class_install_action (widget_class, "win.compare-clear", NULL, compare_clear_action);
  gtk_widget_class_install_action (widget_class, "win.level-coarser", NULL, level_action);
  gtk_widget_class_install_action (widget_class, "win.level-finer", NULL, level_action);
  gtk_widget_class_install_action (widget_class, "win.year-earlier", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "win.year-later", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "win.focus-chart", NULL, focus_chart_action);
  gtk_widget_class_install_action (widget_class, "win.stop-computing", NULL, stop_computing_action);
  gtk_widget_class_install_action (widget_class, "win.compute-again", NULL, compute_again_action);

  /* Every one of these is written out in ui/gtk/help-overlay.ui. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-boundaries", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.fetch", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find-region", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.compare-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.my-region", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_CONTROL_MASK, "win.level-coarser", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_CONTROL_MASK, "win.level-finer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "win.year-earlier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "win.year-later", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.focus-chart", NULL);
  /* Only while a chart is computed: else Escape goes on. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.stop-computing", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, pages[i].key, GDK_ALT_MASK, "win.show-page", "s", pages[i].page);
}

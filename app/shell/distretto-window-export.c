/* distretto-window-export.c: what the window hands out: export, copy, print, report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-chart-view.h"
#include "distretto-export-dialog.h"
#include "distretto-window-export.h"

/* The window's actions for the chart shown: Export… (Ctrl+E, Ctrl+S),
 * Copy (Ctrl+C: the chart as an image and its data as tab-separated
 * text), Print… (Ctrl+P, with the page setup in the print dialog) and
 * Region Report… (Ctrl+R: the selected region's PDF report), in the main
 * menu and in the chart's context menu. All of them draw what
 * distretto_chart_render_for_export() draws. */

#define PAGE_SETUP_KEY "distretto-page-setup"
#define PRINT_SETTINGS_KEY "distretto-print-settings"
#define COPY_SCALE 2

static DistrettoChart *
get_chart (DistrettoWindow *self)
{
  return distretto_chart_view_get_chart (DISTRETTO_CHART_VIEW (distretto_window_get_chart_view (self)));
}

static void
on_exported_cb (DistrettoWindow *self,
                GFile           *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* TRANSLATORS: a toast after an export */
  g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);

  distretto_window_add_toast (self, adw_toast_new (text));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  g_autoptr(DistrettoModule) module = distretto_window_dup_module (self);
  g_autoptr(DistrettoViewRequest) request = NULL;
  const char *view_id = distretto_window_get_view_id (self);
  DistrettoExportDialog *dialog;

  if (module == NULL || view_id == NULL || distretto_window_get_dataset (self) == NULL)
    return;

  request = distretto_window_create_view_request (self, module);
  dialog = distretto_export_dialog_new (GTK_WINDOW (self), module, view_id, request);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The chart as a PNG image at twice @width × @height, and its data as
 * tab-separated text: a slide takes the one, a spreadsheet the other. */
GdkContentProvider *
distretto_window_export_create_clipboard_content (DistrettoChart *chart,
                                                  int             width,
                                                  int             height)
{
  g_autoptr(DistrettoExportOptions) options = distretto_export_options_new (DISTRETTO_CHART_FORMAT_PNG, width, height);
  g_autoptr(GPtrArray) providers = g_ptr_array_new ();
  g_autoptr(GBytes) png = NULL;
  g_autofree char *table = NULL;

  g_return_val_if_fail (DISTRETTO_IS_CHART (chart), NULL);

  distretto_export_options_set_scale (options, COPY_SCALE);
  png = distretto_chart_export_bytes_with_options (chart, options, NULL);
  if (png != NULL)
    g_ptr_array_add (providers, gdk_content_provider_new_for_bytes ("image/png", png));

  table = distretto_chart_dup_tidy_table (chart, '\t');
  if (table != NULL)
    {
      g_autoptr(GBytes) text = g_bytes_new (table, strlen (table));

      g_ptr_array_add (providers, gdk_content_provider_new_for_bytes ("text/tab-separated-values", text));
      g_ptr_array_add (providers, gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", text));
    }

  return gdk_content_provider_new_union ((GdkContentProvider **) providers->pdata, providers->len);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  GtkWidget *view = distretto_window_get_chart_view (self);
  DistrettoChart *chart = get_chart (self);
  g_autoptr(GdkContentProvider) content = NULL;
  int width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);

  if (chart == NULL)
    return;

  if (width <= 0 || height <= 0)
    {
      width = 1000;
      height = (int) distretto_chart_get_natural_height (chart);
    }

  content = distretto_window_export_create_clipboard_content (chart, width, height);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), content);
  distretto_window_add_toast (self, adw_toast_new (_("Chart copied as an image and a table")));
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   gpointer           user_data)
{
  gtk_print_operation_set_n_pages (operation, 1);
}

/* The chart fills the printable area of the page, as an export of that
 * size in points. */
static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 DistrettoChart    *chart)
{
  distretto_chart_render_for_export (chart, gtk_print_context_get_cairo_context (context),
                                     gtk_print_context_get_width (context), gtk_print_context_get_height (context),
                                     DISTRETTO_CHART_STYLE_PRINT);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  DistrettoWindow         *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_object_set_data_full (G_OBJECT (self), PRINT_SETTINGS_KEY,
                              g_object_ref (gtk_print_operation_get_print_settings (operation)), g_object_unref);
      g_object_set_data_full (G_OBJECT (self), PAGE_SETUP_KEY,
                              g_object_ref (gtk_print_operation_get_default_page_setup (operation)), g_object_unref);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      distretto_window_show_error (self, _("Could Not Print"), error ? error->message : _("The printer refused the job"));
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  DistrettoChart *chart = get_chart (self);
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPageSetup *setup = g_object_get_data (G_OBJECT (self), PAGE_SETUP_KEY);
  GtkPrintSettings *settings = g_object_get_data (G_OBJECT (self), PRINT_SETTINGS_KEY);
  g_autoptr(GError) error = NULL;

  if (chart == NULL)
    return;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, distretto_chart_get_title (chart));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, setup);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), NULL);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb), g_object_ref (chart),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);

  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error);
  if (error != NULL)
    distretto_window_show_error (self, _("Could Not Print"), error->message);
}

static void
on_page_setup_done_cb (GtkPageSetup *setup,
                       gpointer      user_data)
{
  DistrettoWindow *self = user_data;

  if (setup != NULL)
    g_object_set_data_full (G_OBJECT (self), PAGE_SETUP_KEY, g_object_ref (setup), g_object_unref);
  g_object_unref (self);
}

static void
page_setup_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  GtkPrintSettings *settings = g_object_get_data (G_OBJECT (self), PRINT_SETTINGS_KEY);
  g_autoptr(GtkPrintSettings) fresh = settings == NULL ? gtk_print_settings_new () : NULL;

  gtk_print_run_page_setup_dialog_async (GTK_WINDOW (self), g_object_get_data (G_OBJECT (self), PAGE_SETUP_KEY),
                                         settings != NULL ? settings : fresh, on_page_setup_done_cb,
                                         g_object_ref (self));
}

/* The report of @region with a page for every module of the window. */
gboolean
distretto_window_export_write_report (DistrettoWindow  *self,
                                      const char       *region,
                                      GFile            *file,
                                      GError          **error)
{
  GListModel *modules = distretto_window_get_modules (self);
  g_autoptr(DistrettoRegionReport) report = NULL;

  g_return_val_if_fail (DISTRETTO_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (region != NULL, FALSE);

  report = distretto_region_report_new (distretto_window_get_dataset (self), region);
  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (modules, i);

      distretto_region_report_add_module (report, distretto_module_get_indicator (module), NULL);
    }

  return distretto_region_report_write (report, file, error);
}

static void
on_report_chooser_response_cb (GtkFileChooserNative *chooser,
                               int                   response,
                               DistrettoWindow      *self)
{
  const char *region = g_object_get_data (G_OBJECT (chooser), "region");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (distretto_window_export_write_report (self, region, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* TRANSLATORS: a toast once a region's report is written */
          g_autofree char *text = g_strdup_printf (_("Report saved as “%s”"), name);

          distretto_window_add_toast (self, adw_toast_new (text));
        }
      else
        distretto_window_show_error (self, _("Could Not Write the Report"), error->message);
    }

  g_object_unref (chooser);
}

static void
ask_for_report (DistrettoWindow *self,
                const char      *region)
{
  g_autofree char *name = g_strdup_printf ("report-%s.pdf", region);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Region Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data_full (G_OBJECT (chooser), "region", g_strdup (region), g_free);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_report_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The report of the region selected in a chart. */
static void
region_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DistrettoWindow *self = DISTRETTO_WINDOW (widget);
  const char *region = distretto_window_get_selected_region (self);

  if (region == NULL)
    {
      distretto_window_add_toast (self, adw_toast_new (_("Select a region in a chart first: click its bar")));
      return;
    }

  ask_for_report (self, region);
}

/* The report of a region named by the caller, such as a region's page. */
static void
region_report_for_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ask_for_report (DISTRETTO_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static GMenuModel *
create_chart_menu (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("_Export…"), "win.export");
  g_menu_append (menu, _("_Copy Image and Data"), "win.copy-chart");
  g_menu_append (menu, _("_Print…"), "win.print");
  g_menu_append (menu, _("Region _Report…"), "win.region-report");

  return G_MENU_MODEL (menu);
}

static gboolean
unparent_cb (gpointer data)
{
  gtk_widget_unparent (data);
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* After the chosen item's action ran. */
static void
on_chart_menu_closed_cb (GtkPopover *popover)
{
  g_idle_add (unparent_cb, g_object_ref (popover));
}

/* The menu is made for each click and gone when closed: no popover
 * outlives the view. */
static void
on_chart_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     gpointer         user_data)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  g_autoptr(GMenuModel) menu = create_chart_menu ();
  GtkWidget *popover = gtk_popover_menu_new_from_model (menu);
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  gtk_widget_set_parent (popover, view);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &at);
  g_signal_connect (popover, "closed", G_CALLBACK (on_chart_menu_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

void
_distretto_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.page-setup", NULL, page_setup_action);
  gtk_widget_class_install_action (widget_class, "win.region-report", NULL, region_report_action);
  gtk_widget_class_install_action (widget_class, "win.region-report-for", "s", region_report_for_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "win.copy-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.region-report", NULL);
}

/* The chart's context menu, on a right click. */
void
_distretto_window_export_init (DistrettoWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_chart_pressed_cb), NULL);
  gtk_widget_add_controller (distretto_window_get_chart_view (self), GTK_EVENT_CONTROLLER (click));
}

/* distretto-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-chart-view.h"
#include "distretto-module.h"
#include "distretto-ranking.h"
#include "distretto-window.h"

struct _DistrettoWindow
{
  AdwApplicationWindow parent_instance;

  GListModel *modules;
  DistrettoDataset *dataset;

  AdwLeaflet *leaflet;
  GtkWidget *content;
  GtkListBox *modules_list;
  AdwWindowTitle *window_title;
  GtkStack *stack;
  DistrettoChartView *chart_view;
  AdwStatusPage *status_page;
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
  g_return_if_fail (DISTRETTO_IS_WINDOW (self));

  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, message);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
show_module (DistrettoWindow *self,
             DistrettoModule *module)
{
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(GError) error = NULL;

  adw_window_title_set_title (self->window_title, distretto_module_get_title (module));

  if (self->dataset == NULL)
    return;

  chart = distretto_ranking_chart_build (module, self->dataset, &error);
  if (chart == NULL)
    {
      distretto_window_show_error (self, _("This Module Cannot Be Shown"), error->message);
      return;
    }

  distretto_chart_view_set_chart (self->chart_view, chart);
  gtk_stack_set_visible_child_name (self->stack, "chart");
}

static void
on_modules_list_row_selected_cb (DistrettoWindow *self,
                                 GtkListBoxRow   *row)
{
  g_autoptr(DistrettoModule) module = NULL;

  if (row == NULL)
    return;

  module = g_list_model_get_item (self->modules, gtk_list_box_row_get_index (row));
  show_module (self, module);
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
distretto_window_dispose (GObject *object)
{
  DistrettoWindow *self = (DistrettoWindow *)object;

  g_clear_object (&self->modules);
  g_clear_object (&self->dataset);

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
  gtk_widget_class_bind_template_callback (widget_class, on_modules_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_modules_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
}

static void
distretto_window_init (DistrettoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

  if (dataset != NULL && (distretto_dataset_get_flags_seen (dataset) & DISTRETTO_FLAGS_SYNTHETIC))
    adw_window_title_set_subtitle (self->window_title, _("Synthetic demo data"));

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

/* distretto-window-method.c: the method behind the charts — the Monte
 * Carlo analysis the Uncertainty and Sensitivity views wait for, and the
 * Method page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-window-private.h"

/* The stack page a view waiting for its analysis shows, made the first
 * time: a status page with the runs' progress. */
static void
show_analysing (DistrettoWindow   *self,
                DistrettoProgress *progress)
{
  if (self->analysis_bar == NULL)
    {
      GtkWidget *status = adw_status_page_new ();
      GtkWidget *bar = gtk_progress_bar_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "view-refresh-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Analysing the Method"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Monte Carlo runs vary the module’s weights, normalisation, aggregation, "
                                         "imputation and outlier treatment: how far do the ranks move?"));
      gtk_widget_set_size_request (bar, 300, -1);
      gtk_widget_set_halign (bar, GTK_ALIGN_CENTER);
      adw_status_page_set_child (ADW_STATUS_PAGE (status), bar);
      gtk_stack_add_named (self->stack, status, "analysing");
      self->analysis_bar = GTK_PROGRESS_BAR (bar);
    }

  gtk_progress_bar_set_fraction (self->analysis_bar, 0.0);
  g_object_bind_property (progress, "fraction", self->analysis_bar, "fraction", G_BINDING_DEFAULT);
  gtk_stack_set_visible_child_name (self->stack, "analysing");
}

static void
on_analysis_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DistrettoWindow) self = user_data;
  g_autoptr(DistrettoUncertainty) uncertainty = NULL;
  g_autoptr(GError) error = NULL;

  uncertainty = distretto_indicator_compute_uncertainty_finish (DISTRETTO_INDICATOR (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposed)
    return;

  g_clear_object (&self->analysis_cancellable);
  if (uncertainty == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-computing", FALSE);
      distretto_window_show_error (self, _("This Module Cannot Be Shown"), error->message);
      return;
    }

  /* Cached now: the view is built from it. */
  _distretto_window_show_chart (self);
}

/* Whether the view @view_id waits for the Monte Carlo analysis of
 * @request's method: when it needs one that is not cached yet, the
 * analysis starts off the main loop, with its progress shown, and the
 * chart is shown when it is done. Any analysis under way for another
 * chart is cancelled. */
gboolean
_distretto_window_wait_for_analysis (DistrettoWindow      *self,
                                     const char           *view_id,
                                     DistrettoViewRequest *request)
{
  DistrettoIndicator *indicator = distretto_view_request_get_indicator (request);
  DistrettoDataset *dataset = distretto_view_request_get_dataset (request);
  g_autoptr(DistrettoMethod) method = NULL;
  g_autoptr(DistrettoUncertainty) cached = NULL;
  g_autoptr(DistrettoProgress) progress = NULL;
  int year;

  g_cancellable_cancel (self->analysis_cancellable);
  g_clear_object (&self->analysis_cancellable);

  if (!(distretto_view_get_needs (view_id) & DISTRETTO_VIEW_NEEDS_ANALYSIS) ||
      !distretto_indicator_computes_declared (indicator))
    return FALSE;

  year = distretto_view_request_get_year (request);
  if (year == 0 && (year = distretto_indicator_choose_year (indicator, dataset, NULL)) == 0)
    return FALSE;

  method = distretto_view_request_dup_method (request);
  cached = distretto_indicator_lookup_uncertainty (indicator, dataset, year, method, NULL);
  if (cached != NULL)
    return FALSE;

  progress = distretto_progress_new ();
  show_analysing (self, progress);
  self->analysis_cancellable = g_cancellable_new ();
  distretto_indicator_compute_uncertainty_async (indicator, dataset, year, method, NULL, progress,
                                                 self->analysis_cancellable, on_analysis_done_cb,
                                                 g_object_ref (self));
  return TRUE;
}

/* The Method page of the selected module, for the level, year and
 * weights chosen, when it is in view. */
void
_distretto_window_update_method_page (DistrettoWindow *self)
{
  g_autoptr(DistrettoModule) module = NULL;
  g_autoptr(DistrettoViewRequest) request = NULL;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "method") != 0)
    return;

  module = _distretto_window_dup_selected_module (self);
  if (module != NULL && self->dataset != NULL)
    request = _distretto_window_new_request (self, module);
  distretto_method_page_show (self->method_page, request);
}

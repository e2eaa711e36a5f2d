/* distretto-module-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "distretto-module-view.h"

/* Checks the data the module needs and picks the latest year it has. */
DistrettoModuleView *
distretto_module_view_new (DistrettoIndicator  *indicator,
                           const char          *view_id,
                           DistrettoDataset    *dataset,
                           GError             **error)
{
  DistrettoModuleView *view;
  int year;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (view_id != NULL, NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  year = distretto_indicator_choose_year (indicator, dataset, error);
  if (year == 0)
    return NULL;

  view = g_new0 (DistrettoModuleView, 1);
  view->indicator = g_object_ref (indicator);
  view->view_id = g_strdup (view_id);
  view->dataset = g_object_ref (dataset);
  view->year = year;

  return view;
}

void
distretto_module_view_free (DistrettoModuleView *view)
{
  g_clear_object (&view->indicator);
  g_clear_object (&view->dataset);
  g_free (view->view_id);
  g_free (view);
}

/* A DistrettoRenderFunc: the window and the exporter both draw through it. */
gboolean
distretto_module_view_render (cairo_t   *cr,
                              double     width,
                              double     height,
                              gpointer   user_data,
                              GError   **error)
{
  DistrettoModuleView *view = user_data;

  return distretto_indicator_render_view (view->indicator, view->view_id, view->dataset, view->year,
                                          cr, width, height, error);
}

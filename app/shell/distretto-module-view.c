/* distretto-module-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

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

  if (!distretto_indicator_check_dataset (indicator, dataset, error))
    return NULL;

  year = distretto_indicator_get_latest_year (indicator, dataset);
  if (year == 0)
    {
      g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_NO_DATA,
                   _("The dataset has no year in which every series of this module has a value"));
      return NULL;
    }

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

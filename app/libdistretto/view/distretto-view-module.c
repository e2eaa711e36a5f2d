/* distretto-view-module.c: a view a module draws itself, in the host's frame
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "distretto-view-private.h"

typedef struct
{
  DistrettoIndicator *indicator;
  char *view_id;
  DistrettoDataset *dataset;
  int year;
} ModuleView;

static void
module_view_free (gpointer data)
{
  ModuleView *view = data;

  g_clear_object (&view->indicator);
  g_clear_object (&view->dataset);
  g_free (view->view_id);
  g_free (view);
}

/* The body: the module's own Cairo code. It can ask
 * distretto_chart_style_get_for_context() for the colours to use. */
static gboolean
draw_body (cairo_t              *cr,
           double                width,
           double                height,
           DistrettoChartStyle   style,
           gpointer              user_data,
           GError              **error)
{
  ModuleView *view = user_data;

  return distretto_indicator_render_view (view->indicator, view->view_id, view->dataset, view->year,
                                          cr, width, height, error);
}

/* A view the module's definition declares, drawn by the module for the
 * requested year, with the host's title, source line and notes. */
DistrettoChart *
_distretto_view_build_module (DistrettoViewRequest  *request,
                              const char            *view_id,
                              GError               **error)
{
  DistrettoDataset *dataset = distretto_view_request_get_dataset (request);
  DistrettoIndicatorDefinition *definition = _distretto_view_request_get_definition (request, error);
  g_autoptr(DistrettoChart) chart = NULL;
  g_autofree char *subtitle = NULL;
  ModuleView *view;
  int year;

  if (definition == NULL || (year = _distretto_view_request_choose_year (request, error)) == 0)
    return NULL;

  view = g_new0 (ModuleView, 1);
  view->indicator = g_object_ref (distretto_view_request_get_indicator (request));
  view->view_id = g_strdup (view_id);
  view->dataset = g_object_ref (dataset);
  view->year = year;

  chart = distretto_chart_new_custom (distretto_indicator_definition_get_view_title (definition, view_id),
                                      draw_body, view, module_view_free);
  /* TRANSLATORS: the subtitle of a module's own view: the module's title and the year */
  subtitle = g_strdup_printf (_("%s, %d"), distretto_indicator_definition_get_title (definition), year);
  distretto_chart_set_subtitle (chart, subtitle);
  distretto_chart_set_year (chart, year);
  _distretto_view_finish (request, chart, distretto_dataset_get_flags_seen (dataset) & DISTRETTO_FLAGS_SYNTHETIC);

  return g_steal_pointer (&chart);
}

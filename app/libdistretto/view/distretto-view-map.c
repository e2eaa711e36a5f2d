/* distretto-view-map.c: a module's scores on a map
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-view-private.h"

/* The level to map: the requested one, unless the result has no region
 * there, then the level with most. */
static int
mapped_level (DistrettoIndicatorResult *result,
              DistrettoDataset         *dataset,
              int                       requested)
{
  guint counts[4] = { 0, };
  int best = requested;

  for (guint i = 0; i < distretto_indicator_result_get_n_scores (result); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region (dataset, distretto_indicator_result_get_region_code (result, i));

      for (int level = 0; level < (int) G_N_ELEMENTS (counts); level++)
        if (_distretto_view_is_compared (region, level) && isfinite (distretto_indicator_result_get_score (result, i)))
          counts[level]++;
    }

  if (counts[requested] > 0)
    return requested;

  for (int level = 0; level < (int) G_N_ELEMENTS (counts); level++)
    if (counts[level] > counts[best])
      best = level;

  return best;
}

/* The map of a module's scores for the requested year: what
 * `distretto export --chart map` writes. */
DistrettoChart *
_distretto_view_build_map (DistrettoViewRequest  *request,
                           GError               **error)
{
  DistrettoDataset *dataset = distretto_view_request_get_dataset (request);
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autofree char *subtitle = NULL;
  DistrettoFlags flags_used = DISTRETTO_FLAGS_NONE;
  int year, level;

  if (!_distretto_view_check_regions (dataset, distretto_view_request_get_regions (request), error) ||
      (year = _distretto_view_request_choose_year (request, error)) == 0 ||
      (result = _distretto_view_request_compute (request, year, error)) == NULL)
    return NULL;

  level = mapped_level (result, dataset, distretto_view_request_get_level (request));
  chart = distretto_chart_new_map (_distretto_view_request_get_module_title (request),
                                   distretto_view_request_get_boundaries (request));
  distretto_chart_set_unit (chart, _distretto_view_request_get_unit (request));

  for (guint i = 0; i < distretto_indicator_result_get_n_scores (result); i++)
    {
      const char *code = distretto_indicator_result_get_region_code (result, i);
      DistrettoRegion *region = distretto_dataset_get_region (dataset, code);

      if (!_distretto_view_is_compared (region, level))
        continue;

      distretto_chart_add_bar (chart, code, distretto_region_get_display_name (region),
                               distretto_indicator_result_get_score (result, i));
      distretto_chart_set_bar_flags (chart, code, distretto_indicator_result_get_flags (result, i));
      flags_used |= distretto_indicator_result_get_flags (result, i);
    }

  distretto_chart_set_year (chart, year);
  distretto_chart_set_highlighted_regions (chart, distretto_view_request_get_regions (request));

  /* Where the analysis of the method is at hand: regions whose group no
   * run majority of two thirds settles are hatched. */
  if (level == distretto_view_request_get_level (request))
    {
      g_autoptr(DistrettoUncertainty) uncertainty = _distretto_view_lookup_uncertainty (request, year);

      if (uncertainty != NULL)
        {
          const char *groups[] = { _("Leader"), _("Strong"), _("Moderate"), _("Emerging"), NULL };

          distretto_chart_set_categories (chart, groups);
          _distretto_view_add_uncertainty (chart, uncertainty, TRUE);
          distretto_chart_set_group_certainty (chart, 2.0 / 3.0);
        }
    }

  /* TRANSLATORS: the subtitle of a map, e.g. "NUTS 2 regions, 2023, quantiles" */
  subtitle = g_strdup_printf (_("NUTS %d regions, %d, quantiles"), level, year);
  distretto_chart_set_subtitle (chart, subtitle);
  _distretto_view_finish (request, chart, flags_used);

  return g_steal_pointer (&chart);
}

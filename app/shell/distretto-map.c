/* distretto-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "distretto-map.h"
#include "distretto-ranking.h"

/* The level to map: NUTS 2, unless the result has more regions at
 * another level. */
static int
mapped_level (DistrettoIndicatorResult *result,
              DistrettoDataset         *dataset)
{
  guint counts[4] = { 0, };
  int best = DISTRETTO_RANKING_LEVEL;

  for (guint i = 0; i < distretto_indicator_result_get_n_scores (result); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region (dataset, distretto_indicator_result_get_region_code (result, i));
      int level = region != NULL ? distretto_region_get_level (region) : -1;

      if (level >= 0 && level < (int) G_N_ELEMENTS (counts) && !distretto_region_is_extra_regio (region) &&
          !distretto_region_is_abolished (region) && isfinite (distretto_indicator_result_get_score (result, i)))
        counts[level]++;
    }

  for (int level = 0; level < (int) G_N_ELEMENTS (counts); level++)
    if (counts[level] > counts[best])
      best = level;

  return best;
}

/* The map of a module's scores for the latest year with data: what
 * `distretto export --chart map` writes. */
DistrettoChart *
distretto_map_chart_build (DistrettoModule      *module,
                           DistrettoDataset     *dataset,
                           DistrettoBoundaries  *boundaries,
                           GError              **error)
{
  DistrettoIndicator *indicator;
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autofree char *subtitle = NULL;
  DistrettoFlags flags_used = DISTRETTO_FLAGS_NONE;
  int year, level;

  g_return_val_if_fail (DISTRETTO_IS_MODULE (module), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (boundaries), NULL);

  indicator = distretto_module_get_indicator (module);
  year = distretto_indicator_choose_year (indicator, dataset, error);
  if (year == 0)
    return NULL;

  result = distretto_indicator_compute (indicator, dataset, year, error);
  if (result == NULL)
    return NULL;

  level = mapped_level (result, dataset);
  chart = distretto_chart_new_map (distretto_module_get_title (module), boundaries);
  distretto_chart_set_unit (chart, distretto_indicator_definition_get_unit (distretto_module_get_definition (module)));

  for (guint i = 0; i < distretto_indicator_result_get_n_scores (result); i++)
    {
      const char *code = distretto_indicator_result_get_region_code (result, i);
      DistrettoRegion *region = distretto_dataset_get_region (dataset, code);

      if (region == NULL || distretto_region_get_level (region) != level || distretto_region_is_extra_regio (region) ||
          distretto_region_is_abolished (region))
        continue;

      distretto_chart_add_bar (chart, code, distretto_region_get_display_name (region),
                               distretto_indicator_result_get_score (result, i));
      flags_used |= distretto_indicator_result_get_flags (result, i);
    }

  /* TRANSLATORS: the subtitle of a map, e.g. "NUTS 2 regions, 2023, quantiles" */
  subtitle = g_strdup_printf (_("NUTS %d regions, %d, quantiles"), level, year);
  distretto_chart_set_subtitle (chart, subtitle);
  distretto_chart_set_source (chart, distretto_ranking_source_line (flags_used));
  distretto_module_note_coverage (module, dataset, chart);

  return g_steal_pointer (&chart);
}

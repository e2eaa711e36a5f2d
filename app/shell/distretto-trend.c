/* distretto-trend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "distretto-ranking.h"
#include "distretto-trend.h"

typedef struct
{
  int year;
  DistrettoIndicatorResult *result;
} YearResult;

static void
clear_year_result (gpointer data)
{
  YearResult *entry = data;

  g_clear_object (&entry->result);
}

/* The module's result for every year of the dataset; years without data
 * are skipped. */
static GArray *
compute_years (DistrettoModule   *module,
               DistrettoDataset  *dataset,
               GError           **error)
{
  DistrettoIndicator *indicator = distretto_module_get_indicator (module);
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (YearResult));
  g_autofree int *usable = NULL;
  guint n_usable = 0;

  g_array_set_clear_func (years, clear_year_result);

  /* The years whose data cover most regions. */
  if (distretto_indicator_check_dataset (indicator, dataset, error))
    usable = distretto_indicator_dup_years (indicator, dataset, &n_usable);
  else
    return NULL;

  for (guint i = 0; i < n_usable; i++)
    {
      g_autoptr(GError) local_error = NULL;
      YearResult entry = { usable[i], NULL };

      entry.result = distretto_indicator_compute (indicator, dataset, usable[i], &local_error);
      if (entry.result == NULL)
        {
          if (g_error_matches (local_error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_NO_DATA))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_array_append_val (years, entry);
    }

  if (years->len == 0)
    {
      g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_NO_DATA,
                   _("No year of the dataset has data for “%s”"), distretto_module_get_id (module));
      return NULL;
    }

  return g_steal_pointer (&years);
}

/* The best ranked regions of @result. */
static GPtrArray *
top_regions (DistrettoIndicatorResult *result,
             DistrettoDataset         *dataset)
{
  GPtrArray *codes = distretto_ranking_dup_regions (result, dataset);

  if (codes->len > DISTRETTO_TREND_DEFAULT_REGIONS)
    g_ptr_array_set_size (codes, DISTRETTO_TREND_DEFAULT_REGIONS);

  return codes;
}

/* One line of @code's scores, a gap where a year has none. Returns the
 * flags of its values. */
static DistrettoFlags
add_region_line (DistrettoChart   *chart,
                 DistrettoDataset *dataset,
                 GArray           *years,
                 const char       *code,
                 guint            *line)
{
  DistrettoRegion *region = distretto_dataset_get_region (dataset, code);
  DistrettoFlags flags_used = DISTRETTO_FLAGS_NONE;

  *line = distretto_chart_add_line (chart, code,
                                    region != NULL ? distretto_region_get_display_name (region) : code);

  for (guint i = 0; i < years->len; i++)
    {
      const YearResult *entry = &g_array_index (years, YearResult, i);
      DistrettoFlags flags = DISTRETTO_FLAGS_NONE;
      double score;

      if (!distretto_indicator_result_lookup (entry->result, code, &score, &flags))
        score = NAN;
      distretto_chart_line_add_point (chart, *line, entry->year, score, flags);
      if (isfinite (score))
        flags_used |= flags;
    }

  return flags_used;
}

/* The EU aggregate, dashed, if any year has a score for it. */
static void
add_eu_reference (DistrettoChart     *chart,
                  DistrettoDataset   *dataset,
                  GArray             *years,
                  const char * const *drawn)
{
  for (guint j = 0; j < years->len; j++)
    {
      const char *eu = distretto_ranking_find_eu (g_array_index (years, YearResult, j).result);
      guint line;

      if (eu == NULL)
        continue;
      if (g_strv_contains (drawn, eu))
        return;

      add_region_line (chart, dataset, years, eu, &line);
      distretto_chart_set_reference_line (chart, line);
      return;
    }
}

/* The trend chart of a module: its result for every year of the dataset,
 * one line per region of @region_codes, or by default the top regions of
 * the latest year's ranking; the EU aggregate is the reference line. */
DistrettoChart *
distretto_trend_chart_build (DistrettoModule    *module,
                             DistrettoDataset   *dataset,
                             const char * const *region_codes,
                             GError            **error)
{
  DistrettoIndicatorDefinition *definition;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autofree char *subtitle = NULL;
  DistrettoFlags flags_used = DISTRETTO_FLAGS_NONE;
  int first, last;

  g_return_val_if_fail (DISTRETTO_IS_MODULE (module), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  if (region_codes != NULL && !distretto_ranking_check_regions (dataset, region_codes, error))
    return NULL;

  years = compute_years (module, dataset, error);
  if (years == NULL)
    return NULL;

  first = g_array_index (years, YearResult, 0).year;
  last = g_array_index (years, YearResult, years->len - 1).year;

  if (region_codes != NULL && region_codes[0] != NULL)
    {
      codes = g_ptr_array_new ();
      for (guint i = 0; region_codes[i] != NULL; i++)
        g_ptr_array_add (codes, (gpointer) region_codes[i]);
      /* TRANSLATORS: the subtitle of a trend chart, e.g. "2015–2023" */
      subtitle = g_strdup_printf (_("%d–%d"), first, last);
    }
  else
    {
      codes = top_regions (g_array_index (years, YearResult, years->len - 1).result, dataset);
      /* TRANSLATORS: the subtitle of a trend chart, e.g. "Top NUTS 2 regions in 2023, 2015–2023" */
      subtitle = g_strdup_printf (_("Top NUTS %d regions in %d, %d–%d"), DISTRETTO_RANKING_LEVEL, last, first, last);
    }
  g_ptr_array_add (codes, NULL);

  definition = distretto_module_get_definition (module);
  chart = distretto_chart_new_trend (distretto_module_get_title (module));
  distretto_chart_set_unit (chart, distretto_indicator_definition_get_unit (definition));
  distretto_chart_set_subtitle (chart, subtitle);

  for (guint i = 0; codes->pdata[i] != NULL; i++)
    {
      guint line;

      flags_used |= add_region_line (chart, dataset, years, codes->pdata[i], &line);
    }

  add_eu_reference (chart, dataset, years, (const char * const *) codes->pdata);
  distretto_chart_set_source (chart, distretto_ranking_source_line (flags_used));
  distretto_module_note_coverage (module, dataset, chart);

  return g_steal_pointer (&chart);
}

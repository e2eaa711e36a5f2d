/* distretto-view-trend.c: a module's regions over the years
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-view-private.h"

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
compute_years (DistrettoViewRequest  *request,
               GError               **error)
{
  DistrettoIndicator *indicator = distretto_view_request_get_indicator (request);
  DistrettoDataset *dataset = distretto_view_request_get_dataset (request);
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (YearResult));
  g_autofree int *usable = NULL;
  guint n_usable = 0;

  g_array_set_clear_func (years, clear_year_result);

  /* The years whose data cover most regions. */
  if (distretto_indicator_check_dataset (indicator, dataset, error))
    usable = distretto_result_cache_dup_years (distretto_view_request_get_cache (request), indicator, dataset, &n_usable);
  else
    return NULL;

  for (guint i = 0; i < n_usable; i++)
    {
      g_autoptr(GError) local_error = NULL;
      YearResult entry = { usable[i], NULL };

      entry.result = _distretto_view_request_compute (request, usable[i], &local_error);
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
                   _("No year of the dataset has data for “%s”"), _distretto_view_request_get_module_title (request));
      return NULL;
    }

  return g_steal_pointer (&years);
}

/* The best ranked regions of @result. */
static GPtrArray *
top_regions (DistrettoViewRequest     *request,
             DistrettoIndicatorResult *result)
{
  GPtrArray *codes = _distretto_view_dup_ranked (request, result);

  if (codes->len > DISTRETTO_VIEW_DEFAULT_REGIONS)
    g_ptr_array_set_size (codes, DISTRETTO_VIEW_DEFAULT_REGIONS);

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
      const char *eu = _distretto_view_find_eu (g_array_index (years, YearResult, j).result);
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

/* The trend chart of a module: its result for every year with enough
 * data, one line per region asked for (the selected region added), or by
 * default the top regions of the latest year's ranking; the EU aggregate
 * is the reference line. */
DistrettoChart *
_distretto_view_build_trend (DistrettoViewRequest  *request,
                             GError               **error)
{
  DistrettoDataset *dataset = distretto_view_request_get_dataset (request);
  const char * const *region_codes = distretto_view_request_get_regions (request);
  const char *selected = distretto_view_request_get_selected (request);
  int level = distretto_view_request_get_level (request);
  g_autoptr(GArray) years = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autofree char *subtitle = NULL;
  DistrettoFlags flags_used = DISTRETTO_FLAGS_NONE;
  int first, last;

  if (!_distretto_view_check_regions (dataset, region_codes, error))
    return NULL;

  years = compute_years (request, error);
  if (years == NULL)
    return NULL;

  first = g_array_index (years, YearResult, 0).year;
  last = g_array_index (years, YearResult, years->len - 1).year;

  if (region_codes != NULL)
    {
      codes = g_ptr_array_new ();
      for (guint i = 0; region_codes[i] != NULL; i++)
        g_ptr_array_add (codes, (gpointer) region_codes[i]);
      /* TRANSLATORS: the subtitle of a trend chart, e.g. "2015–2023" */
      subtitle = g_strdup_printf (_("%d–%d"), first, last);
    }
  else
    {
      codes = top_regions (request, g_array_index (years, YearResult, years->len - 1).result);
      /* TRANSLATORS: the subtitle of a trend chart, e.g. "Top NUTS 2 regions in 2023, 2015–2023" */
      subtitle = g_strdup_printf (_("Top NUTS %d regions in %d, %d–%d"), level, last, first, last);
    }

  /* The region selected in another chart joins the lines. */
  if (selected != NULL && distretto_dataset_get_region (dataset, selected) != NULL &&
      !g_ptr_array_find_with_equal_func (codes, selected, g_str_equal, NULL))
    g_ptr_array_add (codes, (gpointer) selected);
  g_ptr_array_add (codes, NULL);

  chart = distretto_chart_new_trend (_distretto_view_request_get_module_title (request));
  distretto_chart_set_unit (chart, _distretto_view_request_get_unit (request));
  distretto_chart_set_subtitle (chart, subtitle);

  for (guint i = 0; codes->pdata[i] != NULL; i++)
    {
      guint line;

      flags_used |= add_region_line (chart, dataset, years, codes->pdata[i], &line);
    }

  add_eu_reference (chart, dataset, years, (const char * const *) codes->pdata);
  _distretto_view_finish (request, chart, flags_used);

  return g_steal_pointer (&chart);
}

/* distretto-view-ranking.c: a module's regions as ranked bars
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "../index/distretto-index.h"
#include "distretto-view-private.h"
#include "distretto-view-uncertainty.h"

/* The line the groups are measured against: the EU aggregate's score, or
 * the mean of the regions. */
static void
add_reference (DistrettoChart           *chart,
               DistrettoIndicatorResult *result)
{
  const char *groups[] = { _("Leader"), _("Strong"), _("Moderate"), _("Emerging"), NULL };
  double reference = distretto_indicator_result_get_reference (result);
  const char *eu = _distretto_view_find_eu (result);
  g_autofree char *label = NULL;
  gboolean from_eu;
  double score;

  if (isnan (reference))
    return;

  from_eu = eu != NULL && distretto_indicator_result_lookup (result, eu, &score, NULL) && score == reference;

  /* TRANSLATORS: the reference line of a ranking; %.1f is its value */
  label = g_strdup_printf (from_eu ? _("EU %.1f") : _("Mean %.1f"), reference);
  distretto_chart_set_reference (chart, reference, label);
  distretto_chart_set_categories (chart, groups);
}

/* The declared method and its variants: the OECD/JRC handbook's basic
 * sensitivity check, normalisation × aggregation. */
static const struct
{
  DistrettoNormalisation normalisation;
  DistrettoAggregation aggregation;
} method_variants[] = {
  { DISTRETTO_NORMALISATION_MIN_MAX, DISTRETTO_AGGREGATION_ARITHMETIC },
  { DISTRETTO_NORMALISATION_MIN_MAX, DISTRETTO_AGGREGATION_GEOMETRIC },
  { DISTRETTO_NORMALISATION_RANK, DISTRETTO_AGGREGATION_ARITHMETIC },
  { DISTRETTO_NORMALISATION_RANK, DISTRETTO_AGGREGATION_GEOMETRIC },
};

/* The method shown (the request's, or the module's own), or one of its
 * variants. */
static DistrettoIndicatorResult *
compute_variant (DistrettoIndicatorDefinition *definition,
                 const DistrettoMethod        *shown,
                 DistrettoDataset             *dataset,
                 int                           year,
                 DistrettoNormalisation        normalisation,
                 DistrettoAggregation          within,
                 DistrettoAggregation          across)
{
  guint n_pillars = distretto_indicator_definition_get_n_pillars (definition);
  g_autofree DistrettoPillar **pillars = g_new (DistrettoPillar *, n_pillars);
  g_autoptr(DistrettoMethod) method = shown != NULL ? distretto_method_copy (shown)
                                                    : distretto_indicator_definition_dup_method (definition);

  for (guint p = 0; p < n_pillars; p++)
    pillars[p] = distretto_indicator_definition_get_pillar (definition, p);

  distretto_method_set_normalisation (method, normalisation);
  distretto_method_set_within_pillars (method, within);
  distretto_method_set_across_pillars (method, across);

  return distretto_index_compute (pillars, n_pillars, method, dataset, year);
}

/* Each bar's score range over the method variants, when the module's
 * scores are its declared pillars' (recomputing them gives the same
 * scores): a module with its own arithmetic gets no intervals. */
static gboolean
add_method_intervals (DistrettoChart               *chart,
                      DistrettoIndicatorDefinition *definition,
                      const DistrettoMethod        *shown,
                      DistrettoDataset             *dataset,
                      int                           year)
{
  g_autoptr(DistrettoMethod) own = NULL;
  g_autoptr(DistrettoIndicatorResult) declared = NULL;
  g_autoptr(GPtrArray) variants = g_ptr_array_new_with_free_func (g_object_unref);

  if (distretto_indicator_definition_get_n_pillars (definition) == 0)
    return FALSE;

  if (shown == NULL)
    shown = own = distretto_indicator_definition_dup_method (definition);
  declared = compute_variant (definition, shown, dataset, year,
                              distretto_method_get_normalisation (shown),
                              distretto_method_get_within_pillars (shown),
                              distretto_method_get_across_pillars (shown));
  for (guint i = 0; i < distretto_chart_get_n_bars (chart); i++)
    {
      double mine = distretto_chart_get_bar_value (chart, i), again;

      if (declared == NULL ||
          !distretto_indicator_result_lookup (declared, distretto_chart_get_bar_code (chart, i), &again, NULL) ||
          fabs (again - mine) > 1e-9 * MAX (1.0, fabs (mine)))
        return FALSE;
    }

  for (guint v = 0; v < G_N_ELEMENTS (method_variants); v++)
    {
      DistrettoIndicatorResult *variant = compute_variant (definition, shown, dataset, year,
                                                           method_variants[v].normalisation,
                                                           method_variants[v].aggregation,
                                                           method_variants[v].aggregation);
      if (variant != NULL)
        g_ptr_array_add (variants, variant);
    }

  for (guint i = 0; i < distretto_chart_get_n_bars (chart); i++)
    {
      const char *code = distretto_chart_get_bar_code (chart, i);
      double lower = distretto_chart_get_bar_value (chart, i), upper = lower;

      for (guint v = 0; v < variants->len; v++)
        {
          double score;

          if (distretto_indicator_result_lookup (g_ptr_array_index (variants, v), code, &score, NULL) && isfinite (score))
            {
              lower = MIN (lower, score);
              upper = MAX (upper, score);
            }
        }
      distretto_chart_set_bar_interval (chart, code, lower, upper);
    }

  return TRUE;
}

/* Whether a ranking limited to its top regions shows @code: in the top,
 * or asked for, or selected. */
static gboolean
shown_in_top (DistrettoViewRequest *request,
              const char           *code,
              guint                 position)
{
  const char * const *regions = distretto_view_request_get_regions (request);
  guint top = distretto_view_request_get_top (request);

  return top == 0 || position < top ||
         (regions != NULL && g_strv_contains (regions, code)) ||
         g_strcmp0 (code, distretto_view_request_get_selected (request)) == 0;
}

/* The ranking of a module's regions of the requested level and year:
 * what the window shows and `distretto export --chart ranking` writes. */
DistrettoChart *
_distretto_view_build_ranking (DistrettoViewRequest  *request,
                               GError               **error)
{
  DistrettoDataset *dataset = distretto_view_request_get_dataset (request);
  DistrettoIndicatorDefinition *definition;
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *phrase = _distretto_view_dup_regions_phrase (request);
  g_autoptr(DistrettoMethod) method = distretto_view_request_dup_method (request);
  DistrettoFlags flags_used = DISTRETTO_FLAGS_NONE;
  gboolean shows_part;
  guint rank = 0;
  double previous = NAN;
  int year;

  if (!_distretto_view_check_regions (dataset, distretto_view_request_get_regions (request), error) ||
      (definition = _distretto_view_request_get_definition (request, error)) == NULL ||
      (year = _distretto_view_request_choose_year (request, error)) == 0 ||
      (result = _distretto_view_request_compute (request, year, error)) == NULL)
    return NULL;

  chart = distretto_chart_new_ranking (_distretto_view_request_get_module_title (request));
  distretto_chart_set_unit (chart, _distretto_view_request_get_unit (request));

  ranked = _distretto_view_dup_ranked (request, result);
  shows_part = distretto_view_request_get_top (request) > 0 && distretto_view_request_get_top (request) < ranked->len;
  for (guint i = 0; i < ranked->len; i++)
    {
      const char *code = g_ptr_array_index (ranked, i);
      DistrettoFlags flags = DISTRETTO_FLAGS_NONE;
      g_autofree char *notes = NULL;
      double score = NAN;

      /* Ranks among the regions compared (a country's, say), ties
       * sharing one: 1, 2, 2, 4. */
      distretto_indicator_result_lookup (result, code, &score, &flags);
      if (score != previous)
        rank = i + 1;
      previous = score;

      if (!shown_in_top (request, code, i))
        continue;

      notes = distretto_indicator_result_dup_notes (result, code);
      distretto_chart_add_bar_in_category (chart, code, _distretto_view_region_name (dataset, code), score,
                                           _distretto_view_group_category (distretto_indicator_result_get_group (result, code)));
      /* Its rank, its flags and what the pipeline did. */
      distretto_chart_set_bar_rank (chart, code, rank);
      distretto_chart_set_bar_flags (chart, code, flags);
      distretto_chart_set_bar_note (chart, code, notes);
      flags_used |= flags;
    }

  distretto_chart_set_year (chart, year);
  distretto_chart_set_highlighted_regions (chart, distretto_view_request_get_regions (request));

  /* The rank's interval in the tooltips, when the analysis is at hand
   * and ranks the same regions (all those of the level). */
  if (distretto_view_request_get_country (request) == NULL)
    {
      g_autoptr(DistrettoUncertainty) uncertainty = _distretto_view_lookup_uncertainty (request, year);

      if (uncertainty != NULL)
        _distretto_view_add_uncertainty (chart, uncertainty, FALSE);
    }

  add_reference (chart, result);
  if (add_method_intervals (chart, definition, method, dataset, year))
    distretto_chart_set_notes (chart, _("Error bars: the lowest and highest score under min–max or rank normalisation "
                                        "and arithmetic or geometric aggregation (sensitivity to the method)."));

  if (shows_part)
    /* TRANSLATORS: the subtitle of a ranking of the best regions, e.g. "Top 20 of 127 NUTS 2 regions, 2023" */
    subtitle = g_strdup_printf (_("Top %u of %u %s, %d"), distretto_view_request_get_top (request),
                                ranked->len, phrase, year);
  else
    /* TRANSLATORS: the subtitle of a ranking chart, e.g. "NUTS 2 regions, 2023" */
    subtitle = g_strdup_printf (_("%s, %d"), phrase, year);
  distretto_chart_set_subtitle (chart, subtitle);

  _distretto_view_finish (request, chart, flags_used);

  return g_steal_pointer (&chart);
}

/* distretto-view-uncertainty.c: the uncertainty and sensitivity charts of
 * a module
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-enums.h"
#include "distretto-view-private.h"
#include "distretto-view-uncertainty.h"

/**
 * distretto_view_request_dup_method:
 * @request: a #DistrettoViewRequest
 *
 * The method views compute with: the request's (distretto_view_request_set_method()),
 * else the module's own, comparing the request's level, with its pillar
 * weights (distretto_view_request_set_pillar_weight()).
 *
 * Returns: (transfer full): the method
 */
DistrettoMethod *
distretto_view_request_dup_method (DistrettoViewRequest *request)
{
  const DistrettoMethod *asked;
  DistrettoIndicatorDefinition *definition;
  DistrettoMethod *method;

  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (request), NULL);

  asked = distretto_view_request_get_method (request);
  definition = _distretto_view_request_get_definition (request, NULL);
  method = asked != NULL ? distretto_method_copy (asked)
         : definition != NULL ? distretto_indicator_definition_dup_method (definition)
         : distretto_method_new ();
  distretto_method_set_level (method, distretto_view_request_get_level (request));
  _distretto_view_request_apply_weights (request, method);

  return method;
}

/* The flags of the scores the analysis starts from, for the source line. */
static DistrettoFlags
nominal_flags (DistrettoViewRequest *request,
               DistrettoUncertainty *uncertainty)
{
  g_autoptr(DistrettoMethod) method = distretto_view_request_dup_method (request);
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  DistrettoFlags used = DISTRETTO_FLAGS_NONE;

  result = distretto_indicator_compute_cached (distretto_view_request_get_indicator (request),
                                               distretto_view_request_get_dataset (request),
                                               distretto_uncertainty_get_year (uncertainty), method, NULL, NULL);
  for (guint i = 0; result != NULL && i < distretto_uncertainty_get_n_regions (uncertainty); i++)
    {
      DistrettoFlags flags;

      if (distretto_indicator_result_lookup (result, distretto_uncertainty_get_region_code (uncertainty, i), NULL,
                                             &flags))
        used |= flags;
    }

  return used;
}

static char *
varied (DistrettoUncertainty *uncertainty)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint a = 0; a < distretto_uncertainty_get_n_assumptions (uncertainty); a++)
    {
      /* As translated: lower-casing would be wrong for German nouns. */
      const char *title = distretto_assumption_get_title (distretto_uncertainty_get_assumption (uncertainty, a));

      g_string_append_printf (text, "%s%s", a > 0 ? ", " : "", title);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * distretto_view_build_uncertainty_chart:
 * @request: the module, dataset and choices the analysis was run for
 * @uncertainty: the analysis
 *
 * The uncertainty chart (as COINr's `plot_uncertainty`): the regions of
 * the level compared in the order of their nominal rank, each with its
 * median rank, the 5–95% interval of its rank and, in its tooltip and
 * table, the probability of each performance group. The window and
 * `distretto export` show it as it is.
 *
 * Returns: (transfer full): the chart
 */
DistrettoChart *
distretto_view_build_uncertainty_chart (DistrettoViewRequest *request,
                                        DistrettoUncertainty *uncertainty)
{
  const char *groups[] = { _("Leader"), _("Strong"), _("Moderate"), _("Emerging"), NULL };
  const DistrettoPerformanceGroup order[] = { DISTRETTO_PERFORMANCE_GROUP_LEADER, DISTRETTO_PERFORMANCE_GROUP_STRONG,
                                              DISTRETTO_PERFORMANCE_GROUP_MODERATE,
                                              DISTRETTO_PERFORMANCE_GROUP_EMERGING };
  DistrettoDataset *dataset;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *assumptions = NULL;

  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (request), NULL);
  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (uncertainty), NULL);

  dataset = distretto_view_request_get_dataset (request);
  /* TRANSLATORS: the title of an uncertainty chart; %s is the module's title */
  title = g_strdup_printf (_("%s: how certain the ranks are"), _distretto_view_request_get_module_title (request));
  chart = distretto_chart_new_uncertainty (title);
  distretto_chart_set_unit (chart, _("Rank (1 is best)"));
  distretto_chart_set_categories (chart, groups);

  for (guint i = 0; i < distretto_uncertainty_get_n_regions (uncertainty); i++)
    {
      const char *code = distretto_uncertainty_get_region_code (uncertainty, i);
      double lower, upper, shares[G_N_ELEMENTS (order)];

      distretto_uncertainty_get_rank_interval (uncertainty, i, &lower, &upper);
      distretto_chart_add_rank_interval (chart, code, _distretto_view_region_name (dataset, code),
                                         distretto_uncertainty_get_nominal_rank (uncertainty, i),
                                         distretto_uncertainty_get_median_rank (uncertainty, i), lower, upper,
                                         _distretto_view_group_category (distretto_uncertainty_get_nominal_group (uncertainty, i)));
      for (guint g = 0; g < G_N_ELEMENTS (order); g++)
        shares[g] = distretto_uncertainty_get_group_probability (uncertainty, i, order[g]);
      distretto_chart_set_bar_shares (chart, code, shares, G_N_ELEMENTS (shares));
    }

  /* TRANSLATORS: an uncertainty chart's subtitle, e.g. "NUTS 2 regions, 2023, 1000 runs" */
  subtitle = g_strdup_printf (_("NUTS %d regions, %d, %u runs"), distretto_uncertainty_get_level (uncertainty),
                              distretto_uncertainty_get_year (uncertainty), distretto_uncertainty_get_runs (uncertainty));
  distretto_chart_set_subtitle (chart, subtitle);
  distretto_chart_set_year (chart, distretto_uncertainty_get_year (uncertainty));

  assumptions = varied (uncertainty);
  notes = *assumptions != '\0'
    /* TRANSLATORS: %u is the number of runs, %s the assumptions varied, e.g. "weights, normalisation" */
    ? g_strdup_printf (_("Dots: the median rank over %u Monte Carlo runs varying %s; lines: 5–95%% of the ranks; "
                         "diamonds: the rank with the module’s own method. Colours: the group with it."),
                       distretto_uncertainty_get_runs (uncertainty), assumptions)
    : g_strdup (_("No assumption of the method was varied: every rank is the nominal one."));
  distretto_chart_set_notes (chart, notes);

  _distretto_view_finish (request, chart, nominal_flags (request, uncertainty));
  return g_steal_pointer (&chart);
}

/**
 * distretto_view_build_sensitivity_chart:
 * @request: the module, dataset and choices the analysis was run for
 * @uncertainty: the analysis
 *
 * The sensitivity chart: the first-order and total Sobol indices of each
 * assumption varied (the share of the variance of the mean rank change
 * it explains alone, and with its interactions), and how far ranks move
 * without each sub-indicator.
 *
 * Returns: (transfer full): the chart
 */
DistrettoChart *
distretto_view_build_sensitivity_chart (DistrettoViewRequest *request,
                                        DistrettoUncertainty *uncertainty)
{
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(GEnumClass) assumptions = g_type_class_ref (DISTRETTO_TYPE_ASSUMPTION);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *notes = NULL;

  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (request), NULL);
  g_return_val_if_fail (DISTRETTO_IS_UNCERTAINTY (uncertainty), NULL);

  /* TRANSLATORS: the title of a sensitivity chart; %s is the module's title */
  title = g_strdup_printf (_("%s: what the ranks depend on"), _distretto_view_request_get_module_title (request));
  chart = distretto_chart_new_sensitivity (title);

  for (guint a = 0; a < distretto_uncertainty_get_n_assumptions (uncertainty); a++)
    {
      DistrettoAssumption assumption = distretto_uncertainty_get_assumption (uncertainty, a);

      distretto_chart_add_sensitivity_index (chart, g_enum_get_value (assumptions, assumption)->value_nick,
                                             distretto_assumption_get_title (assumption),
                                             distretto_uncertainty_get_first_order (uncertainty, a),
                                             distretto_uncertainty_get_total_order (uncertainty, a));
    }

  for (guint i = 0; i < distretto_uncertainty_get_n_removed (uncertainty); i++)
    {
      const char *id = distretto_uncertainty_get_removed_id (uncertainty, i);
      double mean = distretto_uncertainty_get_removed_mean_shift (uncertainty, i);

      distretto_chart_add_bar (chart, id, id, mean);
      distretto_chart_set_bar_interval (chart, id, mean, MAX (mean, distretto_uncertainty_get_removed_max_shift (uncertainty, i)));
    }

  /* TRANSLATORS: a sensitivity chart's subtitle, e.g. "NUTS 2 regions, 2023, 1000 runs" */
  subtitle = g_strdup_printf (_("NUTS %d regions, %d, %u runs"), distretto_uncertainty_get_level (uncertainty),
                              distretto_uncertainty_get_year (uncertainty), distretto_uncertainty_get_runs (uncertainty));
  distretto_chart_set_subtitle (chart, subtitle);

  /* TRANSLATORS: %.1f is how many places ranks move on average over the runs */
  notes = g_strdup_printf (_("Sobol indices of the mean rank change (%.1f places over the runs; Saltelli and Jansen "
                             "estimators): first order, the share an assumption explains alone; total, with its "
                             "interactions. Below: each sub-indicator left out, the module’s method otherwise."),
                           distretto_uncertainty_get_mean_shift (uncertainty));
  distretto_chart_set_notes (chart, notes);

  _distretto_view_finish (request, chart, nominal_flags (request, uncertainty));
  return g_steal_pointer (&chart);
}

/* The analysis of the request's method for @year, if the module's cache
 * has it: a ranking's tooltips and a map's hatching use it when at hand,
 * never running it. */
DistrettoUncertainty *
_distretto_view_lookup_uncertainty (DistrettoViewRequest *request,
                                    int                   year)
{
  g_autoptr(DistrettoMethod) method = distretto_view_request_dup_method (request);

  if (!distretto_indicator_computes_declared (distretto_view_request_get_indicator (request)))
    return NULL;

  return distretto_indicator_lookup_uncertainty (distretto_view_request_get_indicator (request),
                                                 distretto_view_request_get_dataset (request), year, method, NULL);
}

/* Gives the chart's bars what @uncertainty says of their regions: the
 * interval of their rank and, with @groups, the probability of each
 * performance group (as the ranking's categories, best first). */
void
_distretto_view_add_uncertainty (DistrettoChart       *chart,
                                 DistrettoUncertainty *uncertainty,
                                 gboolean              groups)
{
  const DistrettoPerformanceGroup order[] = { DISTRETTO_PERFORMANCE_GROUP_LEADER, DISTRETTO_PERFORMANCE_GROUP_STRONG,
                                              DISTRETTO_PERFORMANCE_GROUP_MODERATE,
                                              DISTRETTO_PERFORMANCE_GROUP_EMERGING };

  for (guint b = 0; b < distretto_chart_get_n_bars (chart); b++)
    {
      const char *code = distretto_chart_get_bar_code (chart, b);
      int i = distretto_uncertainty_find_region (uncertainty, code);
      double lower, upper, shares[G_N_ELEMENTS (order)];

      if (i < 0)
        continue;

      distretto_uncertainty_get_rank_interval (uncertainty, i, &lower, &upper);
      distretto_chart_set_bar_rank_interval (chart, code, distretto_uncertainty_get_median_rank (uncertainty, i),
                                             lower, upper);
      if (!groups)
        continue;
      for (guint g = 0; g < G_N_ELEMENTS (order); g++)
        shares[g] = distretto_uncertainty_get_group_probability (uncertainty, i, order[g]);
      distretto_chart_set_bar_shares (chart, code, shares, G_N_ELEMENTS (shares));
    }
}

static DistrettoUncertainty *
analyse (DistrettoViewRequest  *request,
         GError               **error)
{
  g_autoptr(DistrettoMethod) method = NULL;
  int year;

  if (_distretto_view_request_get_definition (request, error) == NULL ||
      (year = _distretto_view_request_choose_year (request, error)) == 0)
    return NULL;

  method = distretto_view_request_dup_method (request);
  return distretto_indicator_compute_uncertainty (distretto_view_request_get_indicator (request),
                                                  distretto_view_request_get_dataset (request), year, method, NULL,
                                                  NULL, NULL, error);
}

/* The table's builders: the analysis from the module's cache (the window
 * runs it first with distretto_indicator_compute_uncertainty_async()),
 * else run here. */
DistrettoChart *
_distretto_view_build_uncertainty (DistrettoViewRequest  *request,
                                   GError               **error)
{
  g_autoptr(DistrettoUncertainty) uncertainty = analyse (request, error);

  return uncertainty != NULL ? distretto_view_build_uncertainty_chart (request, uncertainty) : NULL;
}

DistrettoChart *
_distretto_view_build_sensitivity (DistrettoViewRequest  *request,
                                   GError               **error)
{
  g_autoptr(DistrettoUncertainty) uncertainty = analyse (request, error);

  return uncertainty != NULL ? distretto_view_build_sensitivity_chart (request, uncertainty) : NULL;
}

/* distretto-index.c: the composite-indicator pipeline
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "distretto-pipeline-private.h"

static gsize
cell (DistrettoPanel *panel,
      guint           region,
      int             year_index)
{
  return (gsize) region * panel->n_years + year_index;
}

/* The performance group of an index relative to the EU (= 100), and its
 * RIS 2021 subgroup (docs/indicators.md). */
DistrettoPerformanceGroup
_distretto_index_group (double                        relative,
                        DistrettoPerformanceSubgroup *subgroup)
{
  DistrettoPerformanceGroup group;
  double plus, middle;

  if (isnan (relative))
    {
      if (subgroup != NULL)
        *subgroup = DISTRETTO_PERFORMANCE_SUBGROUP_NONE;
      return DISTRETTO_PERFORMANCE_GROUP_NONE;
    }

  if (relative > 125.0)
    group = DISTRETTO_PERFORMANCE_GROUP_LEADER, plus = 144.8, middle = 134.9;
  else if (relative >= 100.0)
    group = DISTRETTO_PERFORMANCE_GROUP_STRONG, plus = 116.7, middle = 108.3;
  else if (relative >= 70.0)
    group = DISTRETTO_PERFORMANCE_GROUP_MODERATE, plus = 90.0, middle = 80.0;
  else
    group = DISTRETTO_PERFORMANCE_GROUP_EMERGING, plus = 52.1, middle = 34.1;

  if (subgroup != NULL)
    {
      /* Leaders are + above 144.8, the others from their threshold. */
      gboolean is_plus = group == DISTRETTO_PERFORMANCE_GROUP_LEADER ? relative > plus : relative >= plus;

      *subgroup = is_plus ? DISTRETTO_PERFORMANCE_SUBGROUP_PLUS
                : relative >= middle ? DISTRETTO_PERFORMANCE_SUBGROUP_MIDDLE
                : DISTRETTO_PERFORMANCE_SUBGROUP_MINUS;
    }

  return group;
}

/* The index relative to the reference, 100 = the reference. */
double
_distretto_index_relative (double score,
                           double reference)
{
  if (isnan (score) || isnan (reference) || reference <= 0.0)
    return NAN;
  return 100.0 * score / reference;
}

typedef struct
{
  double score;
  guint index;
} Ranked;

static int
compare_ranked (const void *a,
                const void *b)
{
  const Ranked *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? 1 : -1;
  return (x->index > y->index) - (x->index < y->index);
}

/* Competition ranks (1, 2, 2, 4) of @n scores, NaN unranked (0): into
 * @ranks; returns how many share a rank with another. */
guint
_distretto_index_rank (const double *scores,
                       guint         n,
                       guint        *ranks)
{
  g_autofree Ranked *ranked = g_new (Ranked, MAX (n, 1));
  guint n_ranked = 0, n_tied = 0;

  for (guint i = 0; i < n; i++)
    {
      ranks[i] = 0;
      if (!isnan (scores[i]))
        ranked[n_ranked++] = (Ranked) { scores[i], i };
    }

  if (n_ranked > 1)
    qsort (ranked, n_ranked, sizeof (Ranked), compare_ranked);
  for (guint k = 0; k < n_ranked; k++)
    {
      gboolean tied_before = k > 0 && ranked[k].score == ranked[k - 1].score;
      gboolean tied_after = k + 1 < n_ranked && ranked[k].score == ranked[k + 1].score;

      ranks[ranked[k].index] = tied_before ? ranks[ranked[k - 1].index] : k + 1;
      if (tied_before || tied_after)
        n_tied++;
    }

  return n_tied;
}

static const char *
normalisation_text (DistrettoNormalisation normalisation)
{
  switch (normalisation)
    {
    case DISTRETTO_NORMALISATION_RANK:
      return _("Percentile ranks, 0–100, among the regions of the same NUTS level over every year.");
    case DISTRETTO_NORMALISATION_GOALPOSTS:
      return _("Distance between two goalposts, 0–100; sub-indicators without goalposts min–max.");
    case DISTRETTO_NORMALISATION_Z_SCORE:
      return _("Standard scores, 50 + 10 z, over the regions of the same NUTS level and every year.");
    case DISTRETTO_NORMALISATION_DISTANCE_TO_EU:
      return _("The value as a percentage of the EU’s in the same year (the level’s mean without an EU "
               "aggregate).");
    case DISTRETTO_NORMALISATION_MIN_MAX:
    default:
      return _("Min–max to 0–100 over the regions of the same NUTS level and every year, so scores compare "
               "across years and one level’s regions never move another’s scale.");
    }
}

static const char *
outliers_text (DistrettoOutlierTreatment outliers)
{
  switch (outliers)
    {
    case DISTRETTO_OUTLIER_TREATMENT_WINSORISE:
      return _("A sub-indicator with an absolute skewness of 2 or more and a kurtosis of 3.5 or more has up to 5 "
               "extreme values winsorised; if that is not enough it is log-transformed instead.");
    case DISTRETTO_OUTLIER_TREATMENT_SQUARE_ROOT:
      return _("A sub-indicator with an absolute skewness above 1 is square-rooted; values more than 3 standard "
               "deviations from the mean are kept out of its scale.");
    case DISTRETTO_OUTLIER_TREATMENT_NONE:
    default:
      return _("No outlier treatment.");
    }
}

static const char *
aggregation_name (DistrettoAggregation aggregation)
{
  return aggregation == DISTRETTO_AGGREGATION_GEOMETRIC
    ? _("the geometric mean of (score + 1), minus 1")
    : _("the arithmetic mean");
}

static void
record_outliers (DistrettoPipeline *pipeline)
{
  DistrettoPipelineReport *report = pipeline->report;
  guint n_points = 0;
  g_autoptr(GString) transformed = g_string_new (NULL);

  for (guint i = 0; i < distretto_pipeline_report_get_n_actions (report, DISTRETTO_PIPELINE_STEP_OUTLIERS); i++)
    {
      const char *region, *component;
      int level;

      distretto_pipeline_report_get_action (report, DISTRETTO_PIPELINE_STEP_OUTLIERS, i, &region, &component,
                                            &level, NULL, NULL, NULL);
      if (region != NULL)
        n_points++;
      else
        g_string_append_printf (transformed, "%s%s (NUTS %d)", transformed->len > 0 ? ", " : "", component, level);
    }

  _distretto_pipeline_report_take_parameters (report, DISTRETTO_PIPELINE_STEP_OUTLIERS,
                                              g_strdup (outliers_text (distretto_method_get_outlier_treatment (pipeline->method))));
  if (transformed->len > 0)
    _distretto_pipeline_report_take_summary (report, DISTRETTO_PIPELINE_STEP_OUTLIERS,
                                             /* TRANSLATORS: how many values were winsorised, then which sub-indicators were transformed */
                                             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                           "%u value winsorised; transformed: %s.",
                                                                           "%u values winsorised; transformed: %s.",
                                                                           n_points),
                                                              n_points, transformed->str));
  else
    _distretto_pipeline_report_take_summary (report, DISTRETTO_PIPELINE_STEP_OUTLIERS,
                                             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                           "%u value winsorised.",
                                                                           "%u values winsorised.",
                                                                           n_points),
                                                              n_points));
}

typedef struct
{
  double *scores;           /* per region */
  DistrettoFlags *flags;    /* per region */
  double *relative;         /* per region */
  DistrettoPerformanceGroup *groups;
  DistrettoPerformanceSubgroup *subgroups;
  guint *ranks;
} Scored;

/* Scores the regions of @level (and the aggregates, on their level) for
 * year @y; returns the level's reference. */
static double
score_level (DistrettoPipeline        *pipeline,
             GArray                   *imputed,
             int                       level,
             int                       y,
             Scored                   *scored,
             DistrettoIndicatorResult *result)
{
  const DistrettoMethod *method = pipeline->method;
  DistrettoPanel *panel = &pipeline->panel;
  g_autoptr(GArray) scaled = _distretto_pipeline_scale (pipeline, imputed, level,
                                                        distretto_method_get_outlier_treatment (method),
                                                        distretto_method_get_normalisation (method), TRUE);
  g_autofree double *cell_scores = g_new (double, MAX (_distretto_panel_n_cells (panel), 1));
  g_autofree double *pillar_scores = g_new (double, MAX (pipeline->n_pillars, 1));
  double reference;

  for (gsize i = 0; i < _distretto_panel_n_cells (panel); i++)
    cell_scores[i] = NAN;

  for (guint r = 0; r < panel->n_regions; r++)
    {
      gboolean own = _distretto_pipeline_scores_level (pipeline, panel->levels[r], level);
      const char *code = distretto_region_get_code (distretto_dataset_get_region_at (panel->dataset, r));
      DistrettoFlags flags;
      double score;

      if (!panel->usable[r] || !(own || (int) r == panel->eu) || pipeline->screened[cell (panel, r, y)])
        continue;

      score = _distretto_pipeline_aggregate (pipeline, scaled, pipeline->column_weights, pipeline->pillar_weights,
                                             distretto_method_get_within_pillars (method),
                                             distretto_method_get_across_pillars (method),
                                             r, y, &flags, pillar_scores);
      cell_scores[cell (panel, r, y)] = score;
      if (!own)
        continue;

      scored->scores[r] = score;
      scored->flags[r] = flags;
      for (guint c = 0; c < scaled->len; c++)
        {
          DistrettoColumn *column = &g_array_index (scaled, DistrettoColumn, c);

          distretto_indicator_result_set_component (result, code, distretto_sub_indicator_get_id (column->sub),
                                                    column->values[cell (panel, r, y)]);
        }
      for (guint p = 0; p < pipeline->n_pillars; p++)
        if (!isnan (pillar_scores[p]) || distretto_pillar_get_n_sub_indicators (pipeline->pillars[p]) > 0)
          distretto_indicator_result_set_component (result, code, distretto_pillar_get_id (pipeline->pillars[p]),
                                                    pillar_scores[p]);
    }

  reference = _distretto_pipeline_reference (pipeline, cell_scores, level, y);
  for (guint r = 0; r < panel->n_regions; r++)
    if (panel->usable[r] && _distretto_pipeline_scores_level (pipeline, panel->levels[r], level))
      {
        scored->relative[r] = _distretto_index_relative (scored->scores[r], reference);
        scored->groups[r] = _distretto_index_group (scored->relative[r], &scored->subgroups[r]);
      }

  if (pipeline->report != NULL)
    {
      gboolean from_eu = panel->eu >= 0 && !isnan (cell_scores[cell (panel, panel->eu, y)]);
      const char *eu = from_eu ? distretto_region_get_code (distretto_dataset_get_region_at (panel->dataset, panel->eu))
                               : NULL;

      _distretto_pipeline_report_add (pipeline->report, DISTRETTO_PIPELINE_STEP_REFERENCE, eu, NULL, level,
                                      pipeline->year, reference, reference,
                                      from_eu
                                        /* TRANSLATORS: a report line: NUTS level, the EU aggregate's code, its score */
                                        ? g_strdup_printf (_("NUTS %d: %s scores %.4g on this level’s scale"), level, eu,
                                                           reference)
                                        /* TRANSLATORS: a report line: NUTS level, the level's mean score */
                                        : g_strdup_printf (_("NUTS %d: no EU aggregate, the mean of the regions, %.4g"),
                                                           level, reference),
                                      NULL);
    }

  return reference;
}

static void
record_results (DistrettoPipeline *pipeline,
                Scored            *scored,
                guint              n_tied)
{
  DistrettoPipelineReport *report = pipeline->report;
  DistrettoPanel *panel = &pipeline->panel;
  const DistrettoMethod *method = pipeline->method;
  int level = distretto_method_get_level (method);
  guint n_level = 0, n_scored = 0, counts[5] = { 0 };

  for (guint r = 0; r < panel->n_regions; r++)
    if (panel->usable[r] && panel->levels[r] == level)
      {
        n_level++;
        if (!isnan (scored->scores[r]))
          n_scored++;
        counts[scored->groups[r]]++;
      }

  _distretto_pipeline_report_take_parameters (report, DISTRETTO_PIPELINE_STEP_NORMALISATION,
                                              g_strdup (normalisation_text (distretto_method_get_normalisation (method))));
  _distretto_pipeline_report_take_parameters (report, DISTRETTO_PIPELINE_STEP_AGGREGATION,
                                              /* TRANSLATORS: how sub-indicators combine into pillars, and pillars into the index */
                                              g_strdup_printf (_("Within pillars %s, across pillars %s; a pillar or the "
                                                                 "index needs 2/3 of its weight present. A zero counts "
                                                                 "as 1 in a geometric product, so it does not wipe out "
                                                                 "the rest."),
                                                               aggregation_name (distretto_method_get_within_pillars (method)),
                                                               aggregation_name (distretto_method_get_across_pillars (method))));
  _distretto_pipeline_report_take_summary (report, DISTRETTO_PIPELINE_STEP_AGGREGATION,
                                           /* TRANSLATORS: e.g. "286 of 335 NUTS 2 regions scored." */
                                           g_strdup_printf (_("%u of %u NUTS %d regions scored."), n_scored, n_level,
                                                            level));
  _distretto_pipeline_report_take_parameters (report, DISTRETTO_PIPELINE_STEP_REFERENCE,
                                              g_strdup (_("Each region’s index relative to the EU aggregate scored "
                                                          "on its level’s scale (= 100), or to the mean of the "
                                                          "level’s regions when the dataset has no EU aggregate.")));
  _distretto_pipeline_report_take_parameters (report, DISTRETTO_PIPELINE_STEP_GROUPS,
                                              g_strdup (_("Leaders above 125% of the EU, Strong 100–125%, Moderate "
                                                          "70–100%, Emerging below 70%; each in thirds (−, middle, +) "
                                                          "as the Regional Innovation Scoreboard 2021.")));
  _distretto_pipeline_report_take_summary (report, DISTRETTO_PIPELINE_STEP_GROUPS,
                                           /* TRANSLATORS: how many regions are in each performance group */
                                           g_strdup_printf (_("Leaders %u, Strong %u, Moderate %u, Emerging %u."),
                                                            counts[DISTRETTO_PERFORMANCE_GROUP_LEADER],
                                                            counts[DISTRETTO_PERFORMANCE_GROUP_STRONG],
                                                            counts[DISTRETTO_PERFORMANCE_GROUP_MODERATE],
                                                            counts[DISTRETTO_PERFORMANCE_GROUP_EMERGING]));
  _distretto_pipeline_report_take_parameters (report, DISTRETTO_PIPELINE_STEP_RANKS,
                                              g_strdup (_("Ranks within each NUTS level; regions with equal scores "
                                                          "share a rank (1, 2, 2, 4).")));
  _distretto_pipeline_report_take_summary (report, DISTRETTO_PIPELINE_STEP_RANKS,
                                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                         "%u region shares its rank.",
                                                                         "%u regions share their rank.",
                                                                         n_tied),
                                                            n_tied));
  record_outliers (pipeline);
}

/**
 * distretto_index_compute:
 * @pillars: (array length=n_pillars): the indicator's pillars
 * @n_pillars: how many pillars there are
 * @method: the method: screening, carrying forward, imputation, outliers,
 *   normalisation, weights, aggregation, the level compared
 *   (distretto_method_new() gives the OECD/JRC defaults,
 *   distretto_indicator_definition_dup_method() a module's own)
 * @dataset: the data
 * @year: the year to score
 *
 * Runs the OECD/JRC pipeline on the panel of every region and year of
 * the dataset, in this order:
 *
 * - raw values: ratios where a sub-indicator has a denominator, then
 *   transforms, factors and nested composites (sub-indicators the dataset
 *   cannot give, and pillars left without any, are left out);
 * - values carried forward up to distretto_method_get_carry_forward()
 *   years, flagged;
 * - screening: a region with less than distretto_method_get_screening()
 *   of its data in a year is listed, with a NaN score, no rank, no group;
 * - imputation, flagged;
 * - outlier treatment and normalisation, each over the regions of one
 *   NUTS level and every year (scores compare across years; a region of
 *   another level changes nothing); aggregates such as the EU are scored
 *   on the scale of distretto_method_get_level();
 * - the method's weights (a national-frame sub-indicator weighs 0 when
 *   the regions lie in one country);
 * - aggregation within and across pillars (a pillar or the index needs
 *   2/3 of its weight present);
 * - the index relative to the EU aggregate on the level's scale (the
 *   level's mean without one), performance groups and subgroups;
 * - competition ranks within each level, ties sharing a rank.
 *
 * Pillar and normalised sub-indicator scores are recorded as components
 * under their ids; every flag of a value used reaches the score's flags;
 * what each step did is in distretto_indicator_result_get_report().
 *
 * Returns: (transfer full): the scores for @year
 */
DistrettoIndicatorResult *
distretto_index_compute (DistrettoPillar       **pillars,
                         guint                   n_pillars,
                         const DistrettoMethod  *method,
                         DistrettoDataset       *dataset,
                         int                     year)
{
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(DistrettoPipelineReport) report = NULL;
  g_autoptr(GArray) imputed = NULL;
  g_autoptr(GArray) levels = NULL;
  DistrettoPipeline pipeline;
  DistrettoPanel *panel;
  Scored scored;
  guint n_tied = 0;
  int y;

  g_return_val_if_fail (pillars != NULL || n_pillars == 0, NULL);
  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  result = distretto_indicator_result_new (year);
  report = _distretto_pipeline_report_new (year, distretto_method_get_level (method));
  distretto_indicator_result_set_report (result, report);
  _distretto_pipeline_init (&pipeline, dataset, pillars, n_pillars, method, report, year);
  panel = &pipeline.panel;
  if (panel->n_years == 0 || year < panel->first_year || year >= panel->first_year + panel->n_years)
    {
      _distretto_pipeline_clear (&pipeline);
      return g_steal_pointer (&result);
    }

  y = year - panel->first_year;
  scored.scores = g_new (double, MAX (panel->n_regions, 1));
  scored.relative = g_new (double, MAX (panel->n_regions, 1));
  scored.flags = g_new0 (DistrettoFlags, MAX (panel->n_regions, 1));
  scored.groups = g_new0 (DistrettoPerformanceGroup, MAX (panel->n_regions, 1));
  scored.subgroups = g_new0 (DistrettoPerformanceSubgroup, MAX (panel->n_regions, 1));
  scored.ranks = g_new0 (guint, MAX (panel->n_regions, 1));
  for (guint r = 0; r < panel->n_regions; r++)
    scored.scores[r] = scored.relative[r] = NAN;

  imputed = _distretto_pipeline_impute (&pipeline, distretto_method_get_imputation (method), TRUE);
  levels = _distretto_pipeline_levels (&pipeline);
  for (guint l = 0; l < levels->len; l++)
    {
      int level = g_array_index (levels, int, l);
      double reference = score_level (&pipeline, imputed, level, y, &scored, result);
      g_autofree double *level_scores = g_new (double, MAX (panel->n_regions, 1));
      g_autofree guint *level_ranks = g_new (guint, MAX (panel->n_regions, 1));
      guint tied;

      if (level == pipeline.aggregate_level)
        distretto_indicator_result_set_reference (result, reference);

      for (guint r = 0; r < panel->n_regions; r++)
        level_scores[r] = panel->usable[r] && panel->levels[r] == level ? scored.scores[r] : NAN;
      tied = _distretto_index_rank (level_scores, panel->n_regions, level_ranks);
      for (guint r = 0; r < panel->n_regions; r++)
        if (level_ranks[r] > 0)
          scored.ranks[r] = level_ranks[r];
      if (level == distretto_method_get_level (method))
        n_tied = tied;
    }

  for (guint r = 0; r < panel->n_regions; r++)
    {
      const char *code = distretto_region_get_code (distretto_dataset_get_region_at (dataset, r));

      if (!panel->usable[r])
        continue;

      distretto_indicator_result_add_score (result, code, scored.scores[r], scored.flags[r]);
      distretto_indicator_result_set_rank (result, code, scored.ranks[r]);
      distretto_indicator_result_set_group (result, code, scored.groups[r]);
      distretto_indicator_result_set_subgroup (result, code, scored.subgroups[r]);
      distretto_indicator_result_set_relative_score (result, code, scored.relative[r]);
      distretto_indicator_result_set_coverage (result, code, pipeline.coverage[cell (panel, r, y)],
                                               pipeline.screened[cell (panel, r, y)]);
    }

  record_results (&pipeline, &scored, n_tied);

  g_free (scored.scores);
  g_free (scored.relative);
  g_free (scored.flags);
  g_free (scored.groups);
  g_free (scored.subgroups);
  g_free (scored.ranks);
  _distretto_pipeline_clear (&pipeline);
  return g_steal_pointer (&result);
}

/* Every region's score in every year, into @scores (allocated here):
 * what a nested composite gives the composite around it. Each level on
 * its own scale, aggregates on the method's level's. */
void
_distretto_panel_scores (DistrettoPanel         *panel,
                         DistrettoPillar       **pillars,
                         guint                   n_pillars,
                         const DistrettoMethod  *method,
                         DistrettoColumn        *scores)
{
  DistrettoPipeline pipeline;
  g_autoptr(GArray) imputed = NULL;
  g_autoptr(GArray) levels = NULL;
  gsize n = _distretto_panel_n_cells (panel);

  scores->values = g_new (double, MAX (n, 1));
  scores->flags = g_new0 (guint32, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    scores->values[i] = NAN;

  _distretto_pipeline_init (&pipeline, panel->dataset, pillars, n_pillars, method, NULL, 0);
  g_assert (_distretto_panel_n_cells (&pipeline.panel) == n);
  imputed = _distretto_pipeline_impute (&pipeline, distretto_method_get_imputation (method), FALSE);
  levels = _distretto_pipeline_levels (&pipeline);

  for (guint l = 0; l < levels->len; l++)
    {
      int level = g_array_index (levels, int, l);
      g_autoptr(GArray) scaled = _distretto_pipeline_scale (&pipeline, imputed, level,
                                                            distretto_method_get_outlier_treatment (method),
                                                            distretto_method_get_normalisation (method), FALSE);

      for (guint r = 0; r < pipeline.panel.n_regions; r++)
        {
          if (!pipeline.panel.usable[r] ||
              !_distretto_pipeline_scores_level (&pipeline, pipeline.panel.levels[r], level))
            continue;

          for (int y = 0; y < pipeline.panel.n_years; y++)
            {
              gsize c = cell (&pipeline.panel, r, y);
              DistrettoFlags flags;

              if (pipeline.screened[c])
                continue;
              scores->values[c] = _distretto_pipeline_aggregate (&pipeline, scaled, pipeline.column_weights,
                                                                 pipeline.pillar_weights,
                                                                 distretto_method_get_within_pillars (method),
                                                                 distretto_method_get_across_pillars (method),
                                                                 r, y, &flags, NULL);
              scores->flags[c] = flags;
            }
        }
    }

  _distretto_pipeline_clear (&pipeline);
}

/* Whether most regions that ever have a value of @column have one in
 * year @y; with @fresh, one not carried forward. */
static gboolean
covers_year (DistrettoPanel  *panel,
             DistrettoColumn *column,
             int              y,
             gboolean         fresh)
{
  guint footprint = 0, present = 0;

  for (guint r = 0; r < panel->n_regions; r++)
    {
      gboolean any = FALSE;

      if (!panel->usable[r] || panel->levels[r] < 0)
        continue;

      for (int k = 0; k < panel->n_years && !any; k++)
        any = !isnan (column->values[cell (panel, r, k)]);
      if (!any)
        continue;

      footprint++;
      if (!isnan (column->values[cell (panel, r, y)]) &&
          (!fresh || !(column->flags[cell (panel, r, y)] & DISTRETTO_FLAGS_CARRIED_FORWARD)))
        present++;
    }

  return footprint > 0 && 2 * present > footprint;
}

/* The years in which at least @share of @subs have values (carried
 * forward as @method allows) for most of the regions they cover, one of
 * them not carried forward. */
GArray *
_distretto_index_list_years (DistrettoSubIndicator **subs,
                             guint                   n_subs,
                             const DistrettoMethod  *method,
                             DistrettoDataset       *dataset,
                             double                  share)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (DistrettoColumn));
  DistrettoPanel panel;

  g_array_set_clear_func (columns, (GDestroyNotify) _distretto_column_clear);
  _distretto_panel_init (&panel, dataset);

  for (guint i = 0; i < n_subs; i++)
    {
      DistrettoColumn column = { subs[i], 0, NULL, NULL };

      _distretto_panel_fill (&panel, &column);
      _distretto_panel_carry_forward (&panel, &column, distretto_method_get_carry_forward (method));
      g_array_append_val (columns, column);
    }

  for (int y = 0; n_subs > 0 && y < panel.n_years; y++)
    {
      guint covered = 0, fresh = 0;

      for (guint i = 0; i < columns->len; i++)
        {
          DistrettoColumn *column = &g_array_index (columns, DistrettoColumn, i);

          if (covers_year (&panel, column, y, FALSE))
            covered++;
          if (covers_year (&panel, column, y, TRUE))
            fresh++;
        }

      if (fresh > 0 && covered >= share * n_subs - 1e-9)
        {
          int year = panel.first_year + y;

          g_array_append_val (years, year);
        }
    }

  _distretto_panel_clear (&panel);
  return years;
}

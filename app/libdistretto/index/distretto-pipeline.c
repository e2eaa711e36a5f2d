/* distretto-pipeline.c: screening, imputation and aggregation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "distretto-pipeline-private.h"

/* A pillar or an index needs at least this share of its weight present. */
#define AGGREGATION_SHARE (2.0 / 3.0)

gsize
_distretto_pipeline_cell (const DistrettoPipeline *self,
                          guint                    region,
                          int                      year_index)
{
  return (gsize) region * self->panel.n_years + year_index;
}

char *
_distretto_pipeline_region_title (DistrettoPipeline *self,
                                  guint              region)
{
  DistrettoRegion *r = distretto_dataset_get_region_at (self->panel.dataset, region);
  const char *name = distretto_region_get_display_name (r);
  const char *code = distretto_region_get_code (r);

  if (g_str_equal (name, code))
    return g_strdup (code);
  /* TRANSLATORS: a region in a report line: its name and code, e.g. "Veneto (ITH3)" */
  return g_strdup_printf (_("%s (%s)"), name, code);
}

static const char *
column_id (DistrettoColumn *column)
{
  return distretto_sub_indicator_get_id (column->sub);
}

/* The year index of the value carried into cell (r, y): the latest earlier
 * year with a value of its own. */
static int
carried_from (DistrettoPipeline *self,
              DistrettoColumn   *column,
              guint              r,
              int                y)
{
  for (int k = y - 1; k >= 0; k--)
    {
      gsize c = _distretto_pipeline_cell (self, r, k);

      if (!isnan (column->values[c]) && !(column->flags[c] & DISTRETTO_FLAGS_CARRIED_FORWARD))
        return k;
    }

  return -1;
}

static void
record_carry_forward (DistrettoPipeline *self,
                      int                y)
{
  guint n_cells = 0;

  for (guint c = 0; c < self->columns->len; c++)
    {
      DistrettoColumn *column = &g_array_index (self->columns, DistrettoColumn, c);

      for (guint r = 0; r < self->panel.n_regions; r++)
        {
          gsize cell = _distretto_pipeline_cell (self, r, y);
          g_autofree char *title = NULL;
          int from;

          if (!self->panel.usable[r] || !(column->flags[cell] & DISTRETTO_FLAGS_CARRIED_FORWARD))
            continue;

          from = carried_from (self, column, r, y) + self->panel.first_year;
          title = _distretto_pipeline_region_title (self, r);
          n_cells++;
          _distretto_pipeline_report_add (self->report, DISTRETTO_PIPELINE_STEP_CARRY_FORWARD,
                                          distretto_region_get_code (distretto_dataset_get_region_at (self->panel.dataset, r)),
                                          column_id (column), self->panel.levels[r], self->year, from,
                                          column->values[cell],
                                          /* TRANSLATORS: a report line: region, sub-indicator, year the value is from */
                                          g_strdup_printf (_("%s, %s: the value of %d"), title, column_id (column), from),
                                          /* TRANSLATORS: a tooltip note: sub-indicator, year */
                                          g_strdup_printf (_("%s carried forward from %d"), column_id (column), from));
        }
    }

  _distretto_pipeline_report_take_parameters (self->report, DISTRETTO_PIPELINE_STEP_CARRY_FORWARD,
                                              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                            "A missing value takes the region’s latest value of up to %u year before, flagged carried forward.",
                                                                            "A missing value takes the region’s latest value of up to %u years before, flagged carried forward.",
                                                                            distretto_method_get_carry_forward (self->method)),
                                                               distretto_method_get_carry_forward (self->method)));
  _distretto_pipeline_report_take_summary (self->report, DISTRETTO_PIPELINE_STEP_CARRY_FORWARD,
                                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                         "%u value carried forward, in %u regions.",
                                                                         "%u values carried forward, in %u regions.",
                                                                         n_cells),
                                                            n_cells,
                                                            distretto_pipeline_report_count_regions (self->report,
                                                                                                     DISTRETTO_PIPELINE_STEP_CARRY_FORWARD,
                                                                                                     -1)));
}

/* The weight each column and pillar counts with: the method's, none for
 * a national series when the regions compared lie in one country, none
 * for a pillar left without weighted columns. */
static void
init_weights (DistrettoPipeline *self)
{
  gboolean one_country = distretto_method_get_within_country (self->method) ||
                         _distretto_index_in_one_country (self->panel.dataset);

  self->column_weights = g_new0 (double, MAX (self->columns->len, 1));
  self->pillar_weights = g_new0 (double, MAX (self->n_pillars, 1));

  for (guint c = 0; c < self->columns->len; c++)
    {
      DistrettoColumn *column = &g_array_index (self->columns, DistrettoColumn, c);
      DistrettoPillar *pillar = self->pillars[column->pillar];

      if (one_country && distretto_sub_indicator_get_national_frame (column->sub))
        continue;

      self->column_weights[c] = distretto_method_get_weight (self->method, column_id (column),
                                                             distretto_sub_indicator_get_weight (column->sub));
      if (self->column_weights[c] > 0.0)
        self->pillar_weights[column->pillar] = distretto_method_get_weight (self->method,
                                                                            distretto_pillar_get_id (pillar),
                                                                            distretto_pillar_get_weight (pillar));
    }
}

static void
record_weights (DistrettoPipeline *self)
{
  for (guint p = 0; p < self->n_pillars; p++)
    {
      const char *pillar_id = distretto_pillar_get_id (self->pillars[p]);
      g_autoptr(GString) text = g_string_new (NULL);

      /* TRANSLATORS: a report line: a pillar, its weight, then its sub-indicators and theirs */
      g_string_append_printf (text, _("%s: %g"), pillar_id, self->pillar_weights[p]);
      for (guint c = 0; c < self->columns->len; c++)
        {
          DistrettoColumn *column = &g_array_index (self->columns, DistrettoColumn, c);

          if (column->pillar == p)
            g_string_append_printf (text, "%s%s %g", text->len > 0 ? " · " : "", column_id (column),
                                    self->column_weights[c]);
        }
      _distretto_pipeline_report_add (self->report, DISTRETTO_PIPELINE_STEP_WEIGHTS, NULL, pillar_id, -1, 0,
                                      NAN, self->pillar_weights[p], g_string_free (g_steal_pointer (&text), FALSE),
                                      NULL);
    }

  _distretto_pipeline_report_take_parameters (self->report, DISTRETTO_PIPELINE_STEP_WEIGHTS,
                                              g_strdup (_("The weights the module declares, and those the method "
                                                          "changes; a series published only for whole countries "
                                                          "weighs 0 when every region lies in one country.")));
}

/* Screening: the share of the weighted columns each region has, per
 * year (carried values count: a lag is not a gap), and whether it is
 * enough. Aggregates are not screened. */
static void
screen (DistrettoPipeline *self)
{
  double threshold = distretto_method_get_screening (self->method);
  guint n_weighted = 0;

  for (guint c = 0; c < self->columns->len; c++)
    if (self->column_weights[c] > 0.0)
      n_weighted++;

  for (guint r = 0; r < self->panel.n_regions; r++)
    for (int y = 0; y < self->panel.n_years; y++)
      {
        gsize cell = _distretto_pipeline_cell (self, r, y);
        guint present = 0;

        self->coverage[cell] = NAN;
        if (!self->panel.usable[r] || self->panel.levels[r] < 0 || n_weighted == 0)
          continue;

        for (guint c = 0; c < self->columns->len; c++)
          if (self->column_weights[c] > 0.0 &&
              !isnan (g_array_index (self->columns, DistrettoColumn, c).values[cell]))
            present++;

        self->coverage[cell] = (double) present / n_weighted;
        self->screened[cell] = present == 0 || self->coverage[cell] < threshold - 1e-12;
      }
}

static void
record_screening (DistrettoPipeline *self,
                  int                y)
{
  int level = distretto_method_get_level (self->method);
  guint n_level = 0, out_level = 0;

  for (guint r = 0; r < self->panel.n_regions; r++)
    {
      gsize cell = _distretto_pipeline_cell (self, r, y);
      const char *code = distretto_region_get_code (distretto_dataset_get_region_at (self->panel.dataset, r));
      g_autofree char *title = NULL;

      if (!self->panel.usable[r] || self->panel.levels[r] < 0)
        continue;
      if (self->panel.levels[r] == level)
        n_level++;
      if (!self->screened[cell])
        continue;

      if (self->panel.levels[r] == level)
        out_level++;
      title = _distretto_pipeline_region_title (self, r);
      _distretto_pipeline_report_add (self->report, DISTRETTO_PIPELINE_STEP_SCREENING, code, NULL,
                                      self->panel.levels[r], self->year, self->coverage[cell], NAN,
                                      /* TRANSLATORS: a report line: a region, the share of its data present */
                                      g_strdup_printf (_("%s: %.0f%% of the data"), title, 100.0 * self->coverage[cell]),
                                      /* TRANSLATORS: a tooltip note; %.0f%% is the share of the data present */
                                      g_strdup_printf (_("screened out: %.0f%% of the data"), 100.0 * self->coverage[cell]));
    }

  _distretto_pipeline_report_take_parameters (self->report, DISTRETTO_PIPELINE_STEP_SCREENING,
                                              /* TRANSLATORS: %.0f%% is the coverage a region needs, e.g. 67% */
                                              g_strdup_printf (_("A region needs values (carried forward included) for "
                                                                 "%.0f%% of the sub-indicators in the year; one with "
                                                                 "less is listed, not scored, ranked or grouped."),
                                                               100.0 * distretto_method_get_screening (self->method)));
  _distretto_pipeline_report_take_summary (self->report, DISTRETTO_PIPELINE_STEP_SCREENING,
                                           /* TRANSLATORS: e.g. "49 of 335 NUTS 2 regions screened out." */
                                           g_strdup_printf (_("%u of %u NUTS %d regions screened out."), out_level,
                                                            n_level, level));
}

/* Each region's peers for imputation: the other usable regions of its
 * country and level, as lists one after the other. */
static void
init_peers (DistrettoPipeline *self)
{
  DistrettoPanel *panel = &self->panel;
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) peers = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint r = 0; r < panel->n_regions; r++)
    {
      const char *country = distretto_region_get_country_code (distretto_dataset_get_region_at (panel->dataset, r));
      g_autofree char *key = NULL;
      GArray *members;

      if (!panel->usable[r] || panel->levels[r] < 1 || country == NULL)
        continue;

      key = g_strdup_printf ("%s\037%d", country, panel->levels[r]);
      members = g_hash_table_lookup (groups, key);
      if (members == NULL)
        {
          members = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (groups, g_steal_pointer (&key), members);
        }
      g_array_append_val (members, r);
    }

  self->peer_first = g_new0 (guint, panel->n_regions + 1);
  for (guint r = 0; r < panel->n_regions; r++)
    {
      const char *country = distretto_region_get_country_code (distretto_dataset_get_region_at (panel->dataset, r));
      g_autofree char *key = NULL;
      GArray *members;

      self->peer_first[r] = peers->len;
      if (!panel->usable[r] || panel->levels[r] < 1 || country == NULL)
        continue;

      key = g_strdup_printf ("%s\037%d", country, panel->levels[r]);
      members = g_hash_table_lookup (groups, key);
      for (guint k = 0; k < members->len; k++)
        if (g_array_index (members, guint, k) != r)
          g_array_append_val (peers, g_array_index (members, guint, k));
    }
  self->peer_first[panel->n_regions] = peers->len;
  self->peers = (guint *) (gpointer) g_array_free (g_steal_pointer (&peers), FALSE);
}

void
_distretto_pipeline_init (DistrettoPipeline       *self,
                          DistrettoDataset        *dataset,
                          DistrettoPillar        **pillars,
                          guint                    n_pillars,
                          const DistrettoMethod   *method,
                          DistrettoPipelineReport *report,
                          int                      year)
{
  gsize n_cells;

  memset (self, 0, sizeof *self);
  _distretto_panel_init (&self->panel, dataset);
  self->method = method;
  self->pillars = pillars;
  self->n_pillars = n_pillars;
  self->report = report;
  self->year = year;
  self->aggregate_level = -1;

  self->columns = g_array_new (FALSE, TRUE, sizeof (DistrettoColumn));
  g_array_set_clear_func (self->columns, (GDestroyNotify) _distretto_column_clear);
  for (guint p = 0; p < n_pillars; p++)
    for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillars[p]); i++)
      {
        DistrettoColumn column = { distretto_pillar_get_sub_indicator (pillars[p], i), p, NULL, NULL };

        if (distretto_sub_indicator_find_source (column.sub, dataset, NULL) == NULL)
          continue;

        _distretto_panel_fill (&self->panel, &column);
        _distretto_panel_carry_forward (&self->panel, &column, distretto_method_get_carry_forward (method));
        g_array_append_val (self->columns, column);
      }

  init_peers (self);
  n_cells = _distretto_panel_n_cells (&self->panel);
  self->coverage = g_new (double, MAX (n_cells, 1));
  self->screened = g_new0 (gboolean, MAX (n_cells, 1));
  init_weights (self);
  screen (self);

  /* Aggregates are scored on the scale of the level compared, or of the
   * level with the most regions when there is none of it. */
  {
    guint counts[4] = { 0 };
    int wanted = distretto_method_get_level (method), best = -1;

    for (guint r = 0; r < self->panel.n_regions; r++)
      if (self->panel.usable[r] && self->panel.levels[r] >= 0 && self->panel.levels[r] < 4)
        counts[self->panel.levels[r]]++;
    for (int l = 0; l < 4; l++)
      if (counts[l] > 0 && (best < 0 || counts[l] > counts[best]))
        best = l;
    self->aggregate_level = counts[wanted] > 0 ? wanted : best;
  }

  if (report != NULL && year >= self->panel.first_year && year < self->panel.first_year + self->panel.n_years)
    {
      record_screening (self, year - self->panel.first_year);
      record_carry_forward (self, year - self->panel.first_year);
      record_weights (self);
    }
}

void
_distretto_pipeline_clear (DistrettoPipeline *self)
{
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->column_weights, g_free);
  g_clear_pointer (&self->pillar_weights, g_free);
  g_clear_pointer (&self->coverage, g_free);
  g_clear_pointer (&self->screened, g_free);
  g_clear_pointer (&self->peers, g_free);
  g_clear_pointer (&self->peer_first, g_free);
  _distretto_panel_clear (&self->panel);
}

/* The NUTS levels of the regions that can be scored, ascending. */
GArray *
_distretto_pipeline_levels (DistrettoPipeline *self)
{
  GArray *levels = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean seen[4] = { FALSE };

  for (guint r = 0; r < self->panel.n_regions; r++)
    if (self->panel.usable[r] && self->panel.levels[r] >= 0 && self->panel.levels[r] < 4)
      seen[self->panel.levels[r]] = TRUE;

  for (int l = 0; l < 4; l++)
    if (seen[l])
      g_array_append_val (levels, l);

  return levels;
}

/* Whether regions of @region_level are scored on @scale_level's scale. */
gboolean
_distretto_pipeline_scores_level (DistrettoPipeline *self,
                                  int                region_level,
                                  int                scale_level)
{
  return region_level == scale_level || (region_level < 0 && scale_level == self->aggregate_level);
}

GArray *
_distretto_columns_copy (DistrettoPanel *panel,
                         GArray         *columns)
{
  gsize n = MAX (_distretto_panel_n_cells (panel), 1);
  GArray *copy = g_array_sized_new (FALSE, TRUE, sizeof (DistrettoColumn), columns->len);

  g_array_set_clear_func (copy, (GDestroyNotify) _distretto_column_clear);
  for (guint c = 0; c < columns->len; c++)
    {
      DistrettoColumn *column = &g_array_index (columns, DistrettoColumn, c);
      DistrettoColumn twin = { column->sub, column->pillar,
                               g_memdup2 (column->values, sizeof (double) * n),
                               g_memdup2 (column->flags, sizeof (guint32) * n) };

      g_array_append_val (copy, twin);
    }

  return copy;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Fills the missing values of @column (a copy) from @original: the mean
 * or median of the other regions of the same country and level that
 * year, none of them screened out. */
static guint
impute_column (DistrettoPipeline   *self,
               DistrettoColumn     *original,
               DistrettoColumn     *column,
               DistrettoImputation  imputation,
               gboolean             record)
{
  DistrettoPanel *panel = &self->panel;
  g_autoptr(GArray) donors = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_imputed = 0;

  for (guint r = 0; r < panel->n_regions; r++)
    {
      if (!panel->usable[r] || panel->levels[r] < 1)
        continue;

      for (int y = 0; y < panel->n_years; y++)
        {
          gsize cell = _distretto_pipeline_cell (self, r, y);
          double value;

          if (!isnan (original->values[cell]) || self->screened[cell])
            continue;

          g_array_set_size (donors, 0);
          for (guint k = self->peer_first[r]; k < self->peer_first[r + 1]; k++)
            {
              gsize other = _distretto_pipeline_cell (self, self->peers[k], y);

              if (!self->screened[other] && !isnan (original->values[other]))
                g_array_append_val (donors, original->values[other]);
            }

          if (donors->len == 0)
            continue;

          if (imputation == DISTRETTO_IMPUTATION_COUNTRY_MEDIAN)
            {
              double *d = &g_array_index (donors, double, 0);

              qsort (d, donors->len, sizeof (double), compare_doubles);
              value = donors->len % 2 ? d[donors->len / 2] : (d[donors->len / 2 - 1] + d[donors->len / 2]) / 2.0;
            }
          else
            {
              value = 0.0;
              for (guint i = 0; i < donors->len; i++)
                value += g_array_index (donors, double, i);
              value /= donors->len;
            }

          column->values[cell] = value;
          column->flags[cell] |= DISTRETTO_FLAGS_IMPUTED;

          if (record && self->report != NULL && y + panel->first_year == self->year)
            {
              g_autofree char *title = _distretto_pipeline_region_title (self, r);
              const char *id = column_id (column);
              const char *code = distretto_region_get_country_code (distretto_dataset_get_region_at (panel->dataset, r));
              const char *country = code != NULL ? code : "";
              g_autofree char *source = imputation == DISTRETTO_IMPUTATION_COUNTRY_MEDIAN
                /* TRANSLATORS: how a value was imputed: "the median of 4 regions of IT" */
                ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the median of %u region of %s",
                                                "the median of %u regions of %s", donors->len), donors->len, country)
                /* TRANSLATORS: how a value was imputed: "the mean of 4 regions of IT" */
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the mean of %u region of %s",
                                                "the mean of %u regions of %s", donors->len), donors->len, country);

              n_imputed++;
              _distretto_pipeline_report_add (self->report, DISTRETTO_PIPELINE_STEP_IMPUTATION,
                                              distretto_region_get_code (distretto_dataset_get_region_at (panel->dataset, r)),
                                              id, panel->levels[r], self->year, NAN, value,
                                              /* TRANSLATORS: a report line: region, sub-indicator, value, how */
                                              g_strdup_printf (_("%s, %s: %.4g, %s"), title, id, value, source),
                                              /* TRANSLATORS: a tooltip note: sub-indicator, how it was imputed */
                                              g_strdup_printf (_("%s imputed: %s"), id, source));
            }
        }
    }

  return n_imputed;
}

/* Copies of the columns, missing values filled as @imputation says. */
GArray *
_distretto_pipeline_impute (DistrettoPipeline   *self,
                            DistrettoImputation  imputation,
                            gboolean             record)
{
  GArray *imputed = _distretto_columns_copy (&self->panel, self->columns);
  guint n_imputed = 0;

  if (imputation != DISTRETTO_IMPUTATION_NONE)
    for (guint c = 0; c < imputed->len; c++)
      n_imputed += impute_column (self, &g_array_index (self->columns, DistrettoColumn, c),
                                  &g_array_index (imputed, DistrettoColumn, c), imputation, record);

  if (record && self->report != NULL)
    {
      const char *parameters;

      switch (imputation)
        {
        case DISTRETTO_IMPUTATION_COUNTRY_MEAN:
          parameters = _("A missing value is the mean of the other regions of the same country and level that "
                         "year, flagged imputed; regions screened out neither take nor give values.");
          break;
        case DISTRETTO_IMPUTATION_COUNTRY_MEDIAN:
          parameters = _("A missing value is the median of the other regions of the same country and level that "
                         "year, flagged imputed; regions screened out neither take nor give values.");
          break;
        case DISTRETTO_IMPUTATION_NONE:
        default:
          parameters = _("No imputation: a pillar or an index is computed from the values present when they "
                         "carry 2/3 of its weight.");
          break;
        }

      _distretto_pipeline_report_take_parameters (self->report, DISTRETTO_PIPELINE_STEP_IMPUTATION,
                                                  g_strdup (parameters));
      _distretto_pipeline_report_take_summary (self->report, DISTRETTO_PIPELINE_STEP_IMPUTATION,
                                               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                             "%u value imputed, in %u regions.",
                                                                             "%u values imputed, in %u regions.",
                                                                             n_imputed),
                                                                n_imputed,
                                                                distretto_pipeline_report_count_regions (self->report,
                                                                                                         DISTRETTO_PIPELINE_STEP_IMPUTATION,
                                                                                                         -1)));
    }

  return imputed;
}

/* The cells of @column a level's scale is set on (the population: the
 * level's regions of every year that are not screened out, with a
 * value), and those it applies to (the targets: these, the aggregates
 * scored on this level's scale, and the EU, each level's reference). */
static void
collect (DistrettoPipeline *self,
         DistrettoColumn   *column,
         int                level,
         GArray            *population,
         GArray            *targets)
{
  g_array_set_size (population, 0);
  g_array_set_size (targets, 0);
  for (guint r = 0; r < self->panel.n_regions; r++)
    {
      if (!self->panel.usable[r] ||
          !(_distretto_pipeline_scores_level (self, self->panel.levels[r], level) || (int) r == self->panel.eu))
        continue;

      for (int y = 0; y < self->panel.n_years; y++)
        {
          gsize cell = _distretto_pipeline_cell (self, r, y);

          if (isnan (column->values[cell]) || self->screened[cell])
            continue;
          g_array_append_val (targets, cell);
          if (self->panel.levels[r] == level)
            g_array_append_val (population, cell);
        }
    }
}

/* Copies of @imputed, outliers treated over @level's population. */
GArray *
_distretto_pipeline_treat (DistrettoPipeline         *self,
                           GArray                    *imputed,
                           int                        level,
                           DistrettoOutlierTreatment  outliers,
                           gboolean                   record)
{
  GArray *treated = _distretto_columns_copy (&self->panel, imputed);
  g_autoptr(GArray) population = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint c = 0; c < treated->len && outliers != DISTRETTO_OUTLIER_TREATMENT_NONE; c++)
    {
      DistrettoColumn *column = &g_array_index (treated, DistrettoColumn, c);

      collect (self, column, level, population, targets);
      _distretto_treat_column (self, column, population, targets, level, outliers, record);
    }

  return treated;
}

/* Copies of @treated, normalised on @level's scale. Cells of other levels
 * are left as they are. */
GArray *
_distretto_pipeline_normalise (DistrettoPipeline      *self,
                               GArray                 *treated,
                               int                     level,
                               DistrettoNormalisation  normalisation,
                               gboolean                record)
{
  GArray *normalised = _distretto_columns_copy (&self->panel, treated);
  g_autoptr(GArray) population = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint c = 0; c < normalised->len; c++)
    {
      DistrettoColumn *column = &g_array_index (normalised, DistrettoColumn, c);

      collect (self, column, level, population, targets);
      _distretto_normalise_column (self, column, population, targets, level, normalisation, record);
    }

  return normalised;
}

/* Copies of @imputed on the scale of @level: outliers treated and
 * normalised. */
GArray *
_distretto_pipeline_scale (DistrettoPipeline         *self,
                           GArray                    *imputed,
                           int                        level,
                           DistrettoOutlierTreatment  outliers,
                           DistrettoNormalisation     normalisation,
                           gboolean                   record)
{
  g_autoptr(GArray) treated = _distretto_pipeline_treat (self, imputed, level, outliers, record);

  return _distretto_pipeline_normalise (self, treated, level, normalisation, record);
}

/* Weighted mean of the present scores if they carry enough weight. */
double
_distretto_aggregate (const double         *scores,
                      const double         *weights,
                      guint                 n,
                      DistrettoAggregation  aggregation)
{
  double total = 0.0, present = 0.0, sum = 0.0;

  for (guint i = 0; i < n; i++)
    {
      total += weights[i];
      if (isnan (scores[i]) || weights[i] == 0.0)
        continue;

      present += weights[i];
      if (aggregation == DISTRETTO_AGGREGATION_GEOMETRIC)
        sum += weights[i] * log (MAX (scores[i], 0.0) + 1.0);
      else
        sum += weights[i] * scores[i];
    }

  if (total <= 0.0 || present < AGGREGATION_SHARE * total - 1e-12)
    return NAN;

  if (aggregation == DISTRETTO_AGGREGATION_GEOMETRIC)
    return exp (sum / present) - 1.0;
  return sum / present;
}

/* One region's score in one year from @scaled; its pillars' scores into
 * @pillar_scores (n_pillars of them) when not NULL. */
double
_distretto_pipeline_aggregate (DistrettoPipeline    *self,
                               GArray               *scaled,
                               const double         *column_weights,
                               const double         *pillar_weights,
                               DistrettoAggregation  within,
                               DistrettoAggregation  across,
                               guint                 region,
                               int                   year_index,
                               DistrettoFlags       *flags,
                               double               *pillar_scores)
{
  gsize cell = _distretto_pipeline_cell (self, region, year_index);
  double stack_pillars[16], stack_scores[64], stack_weights[64];
  g_autofree double *heap_pillars = NULL;
  g_autofree double *heap_scores = NULL;
  g_autofree double *heap_weights = NULL;
  double *pillars = stack_pillars, *scores = stack_scores, *weights = stack_weights;
  guint c = 0;

  if (self->n_pillars > G_N_ELEMENTS (stack_pillars))
    pillars = heap_pillars = g_new (double, self->n_pillars);
  if (scaled->len > G_N_ELEMENTS (stack_scores))
    {
      scores = heap_scores = g_new (double, scaled->len);
      weights = heap_weights = g_new (double, scaled->len);
    }

  *flags = DISTRETTO_FLAGS_NONE;
  for (guint p = 0; p < self->n_pillars; p++)
    {
      guint n_subs = 0;

      for (; c < scaled->len && g_array_index (scaled, DistrettoColumn, c).pillar == p; c++)
        {
          DistrettoColumn *column = &g_array_index (scaled, DistrettoColumn, c);
          guint i = n_subs++;

          scores[i] = column->values[cell];
          weights[i] = column_weights[c];
          if (weights[i] > 0.0 && !isnan (scores[i]))
            *flags |= column->flags[cell];
        }

      pillars[p] = pillar_weights[p] > 0.0 ? _distretto_aggregate (scores, weights, n_subs, within) : NAN;
      if (pillar_scores != NULL)
        pillar_scores[p] = n_subs > 0 ? pillars[p] : NAN;
    }

  return _distretto_aggregate (pillars, pillar_weights, self->n_pillars, across);
}

/* The score groups of @level are measured against in year @year_index:
 * the EU aggregate's on that level's scale (@scores must hold it), else
 * the mean of the level's scores. */
double
_distretto_pipeline_reference (DistrettoPipeline *self,
                               const double      *scores,
                               int                level,
                               int                year_index)
{
  double sum = 0.0;
  guint n = 0;

  if (self->panel.eu >= 0)
    {
      double eu = scores[_distretto_pipeline_cell (self, self->panel.eu, year_index)];

      if (!isnan (eu))
        return eu;
    }

  for (guint r = 0; r < self->panel.n_regions; r++)
    {
      double score = scores[_distretto_pipeline_cell (self, r, year_index)];

      if (self->panel.usable[r] && self->panel.levels[r] == level && !isnan (score))
        {
          sum += score;
          n++;
        }
    }

  return n > 0 ? sum / n : NAN;
}

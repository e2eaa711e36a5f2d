/* distretto-panel.c: a sub-indicator's values over every region and year
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "distretto-index-private.h"

/* Aggregates the EU reference is read from, most recent first. */
static const char * const eu_references[] = { "EU27_2020", "EU28", "EU27", "EU27_2007", NULL };

const char * const *
_distretto_index_get_eu_codes (void)
{
  return eu_references;
}

/* The region index of the EU aggregate the dataset has, or -1. */
int
_distretto_index_find_eu (DistrettoDataset *dataset)
{
  for (guint i = 0; eu_references[i] != NULL; i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region (dataset, eu_references[i]);

      if (region == NULL)
        continue;

      for (guint r = 0; r < distretto_dataset_get_n_regions (dataset); r++)
        if (distretto_dataset_get_region_at (dataset, r) == region)
          return r;
    }

  return -1;
}

/* Whether every region of the dataset (not the aggregates) lies in one
 * country. */
gboolean
_distretto_index_in_one_country (DistrettoDataset *dataset)
{
  const char *country = NULL;

  for (guint r = 0; r < distretto_dataset_get_n_regions (dataset); r++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, r);
      const char *code = distretto_region_get_country_code (region);

      if (distretto_region_get_level (region) < 0 || code == NULL)
        continue;
      if (country == NULL)
        country = code;
      else if (!g_str_equal (country, code))
        return FALSE;
    }

  return country != NULL;
}

void
_distretto_panel_init (DistrettoPanel   *panel,
                       DistrettoDataset *dataset)
{
  memset (panel, 0, sizeof *panel);
  panel->dataset = dataset;
  panel->n_regions = distretto_dataset_get_n_regions (dataset);
  panel->usable = g_new0 (gboolean, MAX (panel->n_regions, 1));
  panel->levels = g_new0 (int, MAX (panel->n_regions, 1));
  panel->eu = _distretto_index_find_eu (dataset);

  if (distretto_dataset_get_n_observations (dataset) > 0)
    {
      panel->first_year = distretto_dataset_get_first_year (dataset);
      panel->n_years = distretto_dataset_get_last_year (dataset) - panel->first_year + 1;
    }

  for (guint r = 0; r < panel->n_regions; r++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, r);

      /* Extra-Regio and abolished codes (of another NUTS version) are no regions to score. */
      panel->usable[r] = !distretto_region_is_extra_regio (region) && !distretto_region_is_abolished (region);
      panel->levels[r] = distretto_region_get_level (region);
    }
}

void
_distretto_panel_clear (DistrettoPanel *panel)
{
  g_clear_pointer (&panel->usable, g_free);
  g_clear_pointer (&panel->levels, g_free);
}

gsize
_distretto_panel_n_cells (const DistrettoPanel *panel)
{
  return (gsize) panel->n_regions * panel->n_years;
}

void
_distretto_column_clear (DistrettoColumn *column)
{
  g_clear_pointer (&column->values, g_free);
  g_clear_pointer (&column->flags, g_free);
}

static void
column_alloc (DistrettoPanel  *panel,
              DistrettoColumn *column)
{
  gsize n = _distretto_panel_n_cells (panel);

  column->values = g_new (double, MAX (n, 1));
  column->flags = g_new0 (guint32, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    column->values[i] = NAN;
}

/* Divides every value by the reference of its year: the EU aggregate's
 * value from the same source (the series or the same alternative), else
 * the mean of the regions of the same level. */
static void
location_quotient (DistrettoPanel  *panel,
                   DistrettoColumn *column,
                   const int       *sources,
                   int              n_sources)
{
  gsize n = _distretto_panel_n_cells (panel);
  g_autofree double *quotients = g_new (double, MAX (n, 1));

  for (int y = 0; y < panel->n_years; y++)
    for (int source = 0; source < n_sources; source++)
      {
        double eu = NAN, sums[4] = { 0 };
        guint counts[4] = { 0 };

        if (panel->eu >= 0 && sources[(gsize) panel->eu * panel->n_years + y] == source)
          eu = column->values[(gsize) panel->eu * panel->n_years + y];

        for (guint r = 0; r < panel->n_regions; r++)
          {
            gsize c = (gsize) r * panel->n_years + y;
            int level = panel->levels[r];

            if (panel->usable[r] && level >= 0 && level < 4 && sources[c] == source && !isnan (column->values[c]))
              {
                sums[level] += column->values[c];
                counts[level]++;
              }
          }

        for (guint r = 0; r < panel->n_regions; r++)
          {
            gsize c = (gsize) r * panel->n_years + y;
            int level = panel->levels[r];
            double reference;

            if (sources[c] != source)
              continue;

            if (!isnan (eu))
              reference = eu;
            else if (level >= 0 && level < 4 && counts[level] > 0)
              reference = sums[level] / counts[level];
            else
              reference = NAN;

            quotients[c] = reference != 0.0 ? column->values[c] / reference : NAN;
          }
      }

  for (gsize c = 0; c < n; c++)
    if (sources[c] >= 0)
      column->values[c] = quotients[c];
}

/* The series, its alternatives and parent fallback, then the transform. */
static void
fill_series (DistrettoPanel  *panel,
             DistrettoColumn *column)
{
  DistrettoSubIndicator *sub = column->sub;
  g_autofree int *sources = g_new (int, MAX (_distretto_panel_n_cells (panel), 1));

  for (guint r = 0; r < panel->n_regions; r++)
    {
      const char *code = distretto_region_get_code (distretto_dataset_get_region_at (panel->dataset, r));

      for (int y = 0; y < panel->n_years; y++)
        {
          gsize c = (gsize) r * panel->n_years + y;
          DistrettoFlags flags = DISTRETTO_FLAGS_NONE;

          sources[c] = -1;
          if (!panel->usable[r])
            continue;

          sources[c] = _distretto_sub_indicator_get_series_source (sub, panel->dataset, code, panel->first_year + y,
                                                                   &column->values[c], &flags);
          column->flags[c] = (guint32) flags;
        }
    }

  if (distretto_sub_indicator_get_transform (sub) == DISTRETTO_TRANSFORM_LOCATION_QUOTIENT)
    location_quotient (panel, column, sources, 1 + distretto_sub_indicator_get_n_alternatives (sub));
}

/* The geometric mean of the factors' values. */
static void
fill_factors (DistrettoPanel  *panel,
              DistrettoColumn *column)
{
  guint n_factors = distretto_sub_indicator_get_n_factors (column->sub);
  gsize n = _distretto_panel_n_cells (panel);
  g_autofree double *logs = g_new0 (double, MAX (n, 1));

  for (guint f = 0; f < n_factors; f++)
    {
      DistrettoColumn factor = { distretto_sub_indicator_get_factor (column->sub, f), 0, NULL, NULL };

      _distretto_panel_fill (panel, &factor);
      for (gsize c = 0; c < n; c++)
        {
          double v = factor.values[c];

          column->flags[c] |= factor.flags[c];
          if (isnan (v) || v < 0.0 || isnan (logs[c]))
            logs[c] = NAN;
          else
            logs[c] += v > 0.0 ? log (v) : -INFINITY;
        }
      _distretto_column_clear (&factor);
    }

  for (gsize c = 0; c < n; c++)
    column->values[c] = isnan (logs[c]) ? NAN : exp (logs[c] / n_factors);
}

/* The nested composite's score in every cell. */
static void
fill_nested (DistrettoPanel  *panel,
             DistrettoColumn *column)
{
  DistrettoSubIndicator *sub = column->sub;
  guint n_pillars = distretto_sub_indicator_get_n_nested_pillars (sub);
  g_autofree DistrettoPillar **pillars = g_new (DistrettoPillar *, MAX (n_pillars, 1));
  DistrettoColumn scores = { sub, 0, NULL, NULL };

  for (guint p = 0; p < n_pillars; p++)
    pillars[p] = distretto_sub_indicator_get_nested_pillar (sub, p);

  _distretto_panel_scores (panel, pillars, n_pillars, distretto_sub_indicator_get_nested_method (sub), &scores);
  memcpy (column->values, scores.values, sizeof (double) * _distretto_panel_n_cells (panel));
  memcpy (column->flags, scores.flags, sizeof (guint32) * _distretto_panel_n_cells (panel));
  _distretto_column_clear (&scores);
}

/* Allocates and fills @column with the raw values of its sub-indicator:
 * before carrying forward, imputation and normalisation. */
void
_distretto_panel_fill (DistrettoPanel  *panel,
                       DistrettoColumn *column)
{
  column_alloc (panel, column);

  if (panel->n_years == 0)
    return;

  if (distretto_sub_indicator_get_n_nested_pillars (column->sub) > 0)
    fill_nested (panel, column);
  else if (distretto_sub_indicator_get_n_factors (column->sub) > 0)
    fill_factors (panel, column);
  else
    fill_series (panel, column);
}

/* A region without a value takes its latest value of the @years before,
 * flagged carried forward. */
void
_distretto_panel_carry_forward (DistrettoPanel  *panel,
                                DistrettoColumn *column,
                                guint            years)
{
  if (years == 0)
    return;

  for (guint r = 0; r < panel->n_regions; r++)
    {
      int last = -1;    /* the year index of the latest value read, not carried */

      for (int y = 0; y < panel->n_years; y++)
        {
          gsize c = (gsize) r * panel->n_years + y;

          if (!isnan (column->values[c]) && !(column->flags[c] & DISTRETTO_FLAGS_CARRIED_FORWARD))
            last = y;
          else if (isnan (column->values[c]) && last >= 0 && (guint) (y - last) <= years)
            {
              gsize from = (gsize) r * panel->n_years + last;

              column->values[c] = column->values[from];
              column->flags[c] = column->flags[from] | DISTRETTO_FLAGS_CARRIED_FORWARD;
            }
        }
    }
}

double
_distretto_sub_indicator_get_derived_value (DistrettoSubIndicator *self,
                                            DistrettoDataset      *dataset,
                                            const char            *region_code,
                                            int                    year,
                                            DistrettoFlags        *flags)
{
  DistrettoPanel panel;
  DistrettoColumn column = { self, 0, NULL, NULL };
  double value = NAN;

  *flags = DISTRETTO_FLAGS_NONE;
  _distretto_panel_init (&panel, dataset);
  _distretto_panel_fill (&panel, &column);

  for (guint r = 0; r < panel.n_regions; r++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, r);

      if (year >= panel.first_year && year < panel.first_year + panel.n_years &&
          g_str_equal (distretto_region_get_code (region), region_code))
        {
          gsize c = (gsize) r * panel.n_years + (year - panel.first_year);

          value = column.values[c];
          *flags = column.flags[c];
          break;
        }
    }

  _distretto_column_clear (&column);
  _distretto_panel_clear (&panel);
  return value;
}

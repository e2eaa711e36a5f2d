/* distretto-chart-tidy.c: what a chart's values are, and their tidy table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "distretto-chart-private.h"

/* The table a consultant hands on: one value per row, in the long form
 * the tidy CSV importer reads back (`region,indicator,year,value,flag`),
 * with what a reader needs beside it (the name, the rank, the source). */

typedef struct
{
  const char *code;
  const char *label;
  char *indicator;
  int year;
  double value;
  DistrettoFlags flags;
  guint rank;          /* 0 for none */
  const char *group;   /* NULL for none */
  double lower;        /* NaN for none */
  double upper;
} TidyRow;

static void
clear_row (gpointer data)
{
  g_free (((TidyRow *) data)->indicator);
}

/**
 * distretto_chart_set_indicator:
 * @self: a #DistrettoChart
 * @indicator: (nullable): the code of what the chart's values measure,
 *   such as a module's id
 *
 * Names the chart's values in its tidy table
 * (distretto_chart_dup_tidy_table()).
 */
void
distretto_chart_set_indicator (DistrettoChart *self,
                               const char     *indicator)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));

  g_free (self->indicator);
  self->indicator = g_strdup (indicator);
}

/**
 * distretto_chart_get_indicator:
 * @self: a #DistrettoChart
 *
 * Returns: (nullable): the code of what the chart's values measure
 */
const char *
distretto_chart_get_indicator (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  return self->indicator;
}

/**
 * distretto_chart_set_year:
 * @self: a #DistrettoChart
 * @year: the year of the values a ranking, map, profile or scatter
 *   shows, or 0
 *
 * Sets the year the chart's tidy table gives values that have none of
 * their own (a trend's points have theirs).
 */
void
distretto_chart_set_year (DistrettoChart *self,
                          int             year)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));

  self->year = year;
}

/**
 * distretto_chart_get_year:
 * @self: a #DistrettoChart
 *
 * Returns: the year of the values, or 0 if not set
 */
int
distretto_chart_get_year (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), 0);

  return self->year;
}

/**
 * distretto_chart_set_series_ids:
 * @self: a #DistrettoChart
 * @ids: (nullable) (array zero-terminated=1): codes of the values: one
 *   per axis of a radar or a heatmap, or the x, y and third values of a
 *   scatter
 *
 * Names the values of a profile or a scatter in the tidy table; without
 * them they are the indicator's code and the axis number.
 */
void
distretto_chart_set_series_ids (DistrettoChart     *self,
                                const char * const *ids)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));

  g_strfreev (self->series_ids);
  self->series_ids = g_strdupv ((char **) ids);
}

/**
 * distretto_chart_set_synthetic:
 * @self: a #DistrettoChart
 * @synthetic: whether the values are synthetic
 *
 * Marks the chart as made of synthetic data: its frame says so in the
 * corner, whatever its source line says, and its tidy table flags every
 * value `synthetic`.
 */
void
distretto_chart_set_synthetic (DistrettoChart *self,
                               gboolean        synthetic)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));

  if (self->synthetic == !!synthetic)
    return;

  self->synthetic = !!synthetic;
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_get_synthetic:
 * @self: a #DistrettoChart
 *
 * Returns: whether the chart is marked as made of synthetic data
 */
gboolean
distretto_chart_get_synthetic (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);

  return self->synthetic;
}

/* An indicator code the tidy importer reads: letters, digits, `_`, `.`
 * and `-`; anything else becomes `_`. */
static char *
series_code (const char *text)
{
  char *code = g_strdup (text != NULL && *text != '\0' ? text : "value");

  for (char *p = code; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.' && *p != '-')
      *p = '_';

  return code;
}

static char *
axis_code (DistrettoChart *self,
           guint           axis,
           const char     *fallback)
{
  g_autofree char *name = NULL;

  if (self->series_ids != NULL && axis < g_strv_length (self->series_ids))
    return series_code (self->series_ids[axis]);

  name = g_strdup_printf ("%s.%s", self->indicator ? self->indicator : "value", fallback);
  return series_code (name);
}

static void
add_bar_rows (DistrettoChart *self,
              GArray         *rows)
{
  for (guint i = 0; i < self->bars->len; i++)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);
      TidyRow row = { bar->code, bar->label, series_code (self->indicator), self->year, bar->value,
                      bar->flags, 0, NULL, bar->lower, bar->upper };

      if (self->kind == DISTRETTO_CHART_KIND_RANKING)
        row.rank = distretto_chart_get_bar_rank (self, i);
      else if (self->kind == DISTRETTO_CHART_KIND_UNCERTAINTY)
        {
          /* The median rank over the runs, the nominal rank beside. */
          g_autofree char *name = g_strdup_printf ("%s.median_rank", self->indicator ? self->indicator : "value");

          g_free (row.indicator);
          row.indicator = series_code (name);
          row.rank = bar->rank;
        }
      if (bar->category >= 0 && (guint) bar->category < self->categories->len)
        row.group = g_ptr_array_index (self->categories, bar->category);
      g_array_append_val (rows, row);
    }
}

static void
add_trend_rows (DistrettoChart *self,
                GArray         *rows)
{
  for (guint l = 0; l < self->lines->len; l++)
    {
      const DistrettoChartLine *line = &g_array_index (self->lines, DistrettoChartLine, l);

      for (guint j = 0; j < line->points->len; j++)
        {
          const DistrettoChartPoint *point = &g_array_index (line->points, DistrettoChartPoint, j);
          TidyRow row = { line->code, line->label, series_code (self->indicator), point->year,
                          point->value, point->flags, 0, NULL, NAN, NAN };

          if (!isnan (point->value))
            g_array_append_val (rows, row);
        }
    }
}

static void
add_profile_rows (DistrettoChart *self,
                  GArray         *rows)
{
  g_autofree guint *order = NULL;
  guint n_rows;

  order = distretto_chart_dup_row_order (self, &n_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      const DistrettoChartLine *line = &g_array_index (self->lines, DistrettoChartLine, order[r]);

      for (guint axis = 0; axis < self->axes->len; axis++)
        {
          const DistrettoChartPoint *point = &g_array_index (line->points, DistrettoChartPoint, axis);
          g_autofree char *number = g_strdup_printf ("%u", axis + 1);
          TidyRow row = { line->code, line->label, axis_code (self, axis, number), self->year,
                          point->value, point->flags, 0, NULL, NAN, NAN };

          g_array_append_val (rows, row);
        }
    }
}

static void
add_scatter_rows (DistrettoChart *self,
                  GArray         *rows)
{
  static const char *names[] = { "x", "y", "third" };

  for (guint i = 0; i < self->marks->len; i++)
    {
      const DistrettoChartMark *mark = &g_array_index (self->marks, DistrettoChartMark, i);
      double values[] = { mark->x, mark->y, mark->third };

      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        {
          TidyRow row = { mark->code, mark->label, NULL, self->year, values[v],
                          DISTRETTO_FLAGS_NONE, 0, NULL, NAN, NAN };

          if (v == 2 && isnan (values[v]))
            continue;
          row.indicator = axis_code (self, v, names[v]);
          g_array_append_val (rows, row);
        }
    }
}

/* A field of a CSV (quoted when it must be) or of a TSV (tabs and line
 * ends, which TSV cannot hold, as spaces). */
static void
append_field (GString    *out,
              const char *text,
              char        separator)
{
  if (text == NULL)
    return;

  if (separator == ',')
    {
      _distretto_chart_append_csv_field (out, text);
      return;
    }

  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

static void
append_number (GString *out,
               double   value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isnan (value))
    g_string_append (out, g_ascii_dtostr (number, sizeof number, value));
}

/* The chart's own table with tabs for commas, fields unquoted. */
static char *
dup_as_tsv (DistrettoChart *self)
{
  g_autofree char *csv = distretto_chart_dup_table (self);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = csv; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        {
          if (quoted && p[1] == '"')
            g_string_append_c (out, *++p);
          else
            quoted = !quoted;
        }
      else if (*p == ',' && !quoted)
        g_string_append_c (out, '\t');
      else
        g_string_append_c (out, *p == '\t' || (quoted && (*p == '\n' || *p == '\r')) ? ' ' : *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * distretto_chart_dup_tidy_table:
 * @self: a #DistrettoChart
 * @separator: `,` for CSV, or a tab for tab-separated text
 *
 * The chart's values in the long form Distretto's tidy CSV importer
 * reads back: `region,name,indicator,year,value,flag`, then the columns
 * the chart has of `rank,group,lower,upper`, then `source`, the chart's
 * source line on every row. One row per value: a ranking's and a map's
 * bars, a trend's points (missing years left out), a profile's values
 * per axis (`indicator` from distretto_chart_set_series_ids(), else the
 * indicator's code and the axis number), a scatter's x, y and third
 * values; an uncertainty chart's median ranks (indicator `ID.median_rank`)
 * with the nominal rank, group and 5–95% interval. A sensitivity chart,
 * whose rows are assumptions and sub-indicators rather than regions,
 * gives its own table (distretto_chart_dup_table()). Values of a chart
 * marked synthetic are flagged `synthetic`.
 * Numbers keep their full precision, with a decimal point.
 *
 * Returns: (transfer full) (nullable): the table, or %NULL for a custom
 *   chart, which has no values of its own
 */
char *
distretto_chart_dup_tidy_table (DistrettoChart *self,
                                char            separator)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GString) out = NULL;
  gboolean has_rank = FALSE, has_group = FALSE, has_interval = FALSE;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);
  g_return_val_if_fail (separator == ',' || separator == '\t', NULL);

  rows = g_array_new (FALSE, FALSE, sizeof (TidyRow));
  g_array_set_clear_func (rows, clear_row);

  switch (self->kind)
    {
    case DISTRETTO_CHART_KIND_RANKING:
    case DISTRETTO_CHART_KIND_MAP:
    case DISTRETTO_CHART_KIND_UNCERTAINTY:
      add_bar_rows (self, rows);
      break;
    case DISTRETTO_CHART_KIND_SENSITIVITY:
      /* Assumptions and sub-indicators, not regions: its own table. */
      return separator == ',' ? distretto_chart_dup_table (self) : dup_as_tsv (self);
    case DISTRETTO_CHART_KIND_TREND:
      add_trend_rows (self, rows);
      break;
    case DISTRETTO_CHART_KIND_RADAR:
    case DISTRETTO_CHART_KIND_HEATMAP:
      add_profile_rows (self, rows);
      break;
    case DISTRETTO_CHART_KIND_SCATTER:
      add_scatter_rows (self, rows);
      break;
    case DISTRETTO_CHART_KIND_CUSTOM:
    default:
      return NULL;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const TidyRow *row = &g_array_index (rows, TidyRow, i);

      has_rank |= row->rank != 0;
      has_group |= row->group != NULL;
      has_interval |= !isnan (row->lower);
    }

  out = g_string_new ("region");
  for (const char * const *name = (const char * const []) { "name", "indicator", "year", "value", "flag", NULL };
       *name != NULL; name++)
    g_string_append_printf (out, "%c%s", separator, *name);
  if (has_rank)
    g_string_append_printf (out, "%crank", separator);
  if (has_group)
    g_string_append_printf (out, "%cgroup", separator);
  if (has_interval)
    g_string_append_printf (out, "%clower%cupper", separator, separator);
  g_string_append_printf (out, "%csource\n", separator);

  for (guint i = 0; i < rows->len; i++)
    {
      const TidyRow *row = &g_array_index (rows, TidyRow, i);
      g_autofree char *flags = distretto_flags_to_string (row->flags | (self->synthetic ? DISTRETTO_FLAGS_SYNTHETIC : 0));

      append_field (out, row->code, separator);
      g_string_append_c (out, separator);
      append_field (out, row->label, separator);
      g_string_append_c (out, separator);
      append_field (out, row->indicator, separator);
      g_string_append_c (out, separator);
      if (row->year != 0)
        g_string_append_printf (out, "%d", row->year);
      g_string_append_c (out, separator);
      append_number (out, row->value);
      g_string_append_c (out, separator);
      append_field (out, flags, separator);
      if (has_rank)
        {
          g_string_append_c (out, separator);
          if (row->rank != 0)
            g_string_append_printf (out, "%u", row->rank);
        }
      if (has_group)
        {
          g_string_append_c (out, separator);
          append_field (out, row->group, separator);
        }
      if (has_interval)
        {
          g_string_append_c (out, separator);
          append_number (out, row->lower);
          g_string_append_c (out, separator);
          append_number (out, row->upper);
        }
      g_string_append_c (out, separator);
      append_field (out, self->source, separator);
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* distretto-view-source.c: the source line of a module's charts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "../data/distretto-selector-private.h"
#include "distretto-view-private.h"

static void
add_unique (GPtrArray       *sources,
            DistrettoSource *source)
{
  if (!g_ptr_array_find (sources, source, NULL))
    g_ptr_array_add (sources, g_object_ref (source));
}

/**
 * distretto_view_dup_sources:
 * @definition: a module's definition
 * @dataset: the data it is computed on
 *
 * The files of @dataset a module reads: those of the Eurostat tables its
 * selectors name, and those holding its plainly named series. When none
 * is found (a module reading series the dataset lacks), every file of
 * the dataset.
 *
 * Returns: (transfer full) (element-type DistrettoSource): the sources,
 *   in the dataset's order
 */
GPtrArray *
distretto_view_dup_sources (DistrettoIndicatorDefinition *definition,
                            DistrettoDataset             *dataset)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) tables = NULL;
  g_auto(GStrv) series = NULL;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (definition), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  tables = distretto_indicator_definition_dup_tables (definition);
  series = distretto_indicator_definition_dup_all_series (definition);

  for (guint i = 0; i < distretto_dataset_get_n_sources (dataset); i++)
    {
      DistrettoSource *source = distretto_dataset_get_source_at (dataset, i);
      const char *table = distretto_source_get_table_code (source);
      g_autofree char *lower = table != NULL ? g_ascii_strdown (table, -1) : NULL;
      /* A main table (tgs00042) stands for the full one it slices. */
      const char *full = _distretto_selector_get_full_table (lower);

      if (lower != NULL && (g_strv_contains ((const char * const *) tables, lower) ||
                            (full != NULL && g_strv_contains ((const char * const *) tables, full))))
        add_unique (sources, source);
    }

  for (guint i = 0; series[i] != NULL; i++)
    {
      DistrettoSeries *found = distretto_dataset_get_series (dataset, series[i]);

      for (guint s = 0; found != NULL && s < distretto_series_get_n_sources (found); s++)
        {
          add_unique (sources, distretto_series_get_source_at (found, s));
        }
    }

  if (sources->len == 0)
    for (guint i = 0; i < distretto_dataset_get_n_sources (dataset); i++)
      g_ptr_array_add (sources, g_object_ref (distretto_dataset_get_source_at (dataset, i)));

  return g_steal_pointer (&sources);
}

static char *
format_day (GDateTime *date)
{
  return g_date_time_format (date, "%Y-%m-%d");
}

/* "Eurostat (a, b), downloaded 2026-12-01": the tables, and the days
 * they were downloaded on when the cache recorded them. */
static char *
describe_eurostat (GPtrArray *tables,
                   GDateTime *first,
                   GDateTime *last)
{
  g_autofree char *codes = NULL;

  g_ptr_array_add (tables, NULL);
  codes = g_strjoinv (", ", (char **) tables->pdata);
  g_ptr_array_remove_index (tables, tables->len - 1);

  if (first == NULL)
    /* TRANSLATORS: a chart's source: the publisher and its table codes */
    return g_strdup_printf (_("Eurostat (%s)"), codes);

  if (g_date_time_get_year (first) == g_date_time_get_year (last) &&
      g_date_time_get_day_of_year (first) == g_date_time_get_day_of_year (last))
    {
      g_autofree char *day = format_day (first);

      /* TRANSLATORS: a chart's source: Eurostat's tables and the day they were downloaded */
      return g_strdup_printf (_("Eurostat (%s), downloaded %s"), codes, day);
    }
  else
    {
      g_autofree char *from = format_day (first);
      g_autofree char *to = format_day (last);

      /* TRANSLATORS: a chart's source: Eurostat's tables and the days they were downloaded */
      return g_strdup_printf (_("Eurostat (%s), downloaded %s to %s"), codes, from, to);
    }
}

/**
 * distretto_view_dup_source_line:
 * @sources: (element-type DistrettoSource): the files a chart's values
 *   come from, as distretto_view_dup_sources() finds them
 * @synthetic: whether the values are synthetic
 *
 * The line every chart and report page ends with: "Source: Eurostat
 * (lfst_r_lfe2en2), downloaded 2026-12-01", the names of one's own files,
 * or, for the demo dataset, that the data are synthetic.
 *
 * Returns: (transfer full): the source line
 */
char *
distretto_view_dup_source_line (GPtrArray *sources,
                                gboolean   synthetic)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  GDateTime *first = NULL, *last = NULL;

  g_return_val_if_fail (sources != NULL, NULL);

  if (synthetic)
    return g_strdup (_("Source: synthetic demo data generated by Distretto — not real statistics"));

  for (guint i = 0; i < sources->len; i++)
    {
      DistrettoSource *source = g_ptr_array_index (sources, i);
      GDateTime *downloaded = distretto_source_get_downloaded (source);
      const char *table = distretto_source_get_table_code (source);

      if (g_strcmp0 (distretto_source_get_publisher (source), "Eurostat") != 0)
        {
          g_ptr_array_add (files, g_path_get_basename (distretto_source_get_name (source)));
          continue;
        }

      if (!g_ptr_array_find_with_equal_func (tables, table, g_str_equal, NULL))
        g_ptr_array_add (tables, (gpointer) table);
      if (downloaded != NULL && (first == NULL || g_date_time_compare (downloaded, first) < 0))
        first = downloaded;
      if (downloaded != NULL && (last == NULL || g_date_time_compare (downloaded, last) > 0))
        last = downloaded;
    }

  if (tables->len > 0)
    g_ptr_array_add (parts, describe_eurostat (tables, first, last));
  if (files->len > 0)
    {
      g_ptr_array_add (files, NULL);
      g_ptr_array_add (parts, g_strjoinv (", ", (char **) files->pdata));
    }
  if (parts->len == 0)
    return g_strdup (_("Source: imported dataset"));

  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv ("; ", (char **) parts->pdata);
  /* TRANSLATORS: a chart's source line; %s names the publishers, tables and files */
  return g_strdup_printf (_("Source: %s"), joined);
}

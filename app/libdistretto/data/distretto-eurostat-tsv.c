/* distretto-eurostat-tsv.c: Eurostat's bulk download TSV
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "distretto-csv-reader.h"
#include "distretto-import-error.h"
#include "distretto-import-private.h"
#include "distretto-number.h"

/*
 * The header's first cell lists the dimensions, the last one ending in
 * the time dimension: `unit,nace_r2,age,geo\time` (years descending) or
 * `freq,unit,geo\TIME_PERIOD` (the newer API, years ascending). Each
 * other header cell is a year. Each row starts with the dimension codes
 * (`THS,A,Y15-24,AT`); each cell is `value flags`, `: flags` or `:`.
 *
 * A row's series code is the table code (from the file name) followed by
 * the codes of every dimension but geo and freq: `lfst_r_lfe2en2.THS.A.Y15-24`.
 */

#define MIN_YEAR 1900
#define MAX_YEAR 2100

typedef struct
{
  DistrettoImport *import;
  DistrettoCsvReader reader;
  guint n_dims;
  int geo_dim;
  int freq_dim;
  int unit_dim;
  GPtrArray *dims;        /* char *: the dimension names of the header */
  GArray *years;          /* int, one per value column */
  GString *series_code;
  char *last_series;
  guint last_series_index;
} EurostatTsv;

static void
eurostat_tsv_clear (EurostatTsv *tsv)
{
  _distretto_csv_reader_clear (&tsv->reader);
  g_clear_pointer (&tsv->years, g_array_unref);
  g_clear_pointer (&tsv->dims, g_ptr_array_unref);
  if (tsv->series_code != NULL)
    g_string_free (tsv->series_code, TRUE);
  g_clear_pointer (&tsv->last_series, g_free);
}

static gboolean
parse_year (const char *text,
            int        *year)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return _distretto_parse_year (copy, MIN_YEAR, MAX_YEAR, year);
}

static gboolean
read_header (EurostatTsv  *tsv,
             GError      **error)
{
  DistrettoCsvReader *reader = &tsv->reader;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) dims = NULL;
  const char *first;
  char *backslash;
  int first_year = MAX_YEAR, last_year = MIN_YEAR;

  if (!_distretto_csv_reader_next (reader, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_EMPTY,
                                 reader->filename, 1, 1,
                                 _("the file is empty: expected a header such as “unit,geo\\time<TAB>2015”"));
      return FALSE;
    }

  first = _distretto_csv_reader_field (reader, 0);
  backslash = strchr (first, '\\');
  if (backslash == NULL || _distretto_csv_reader_n_fields (reader) < 2)
    {
      g_autofree char *shown = _distretto_shorten (first, -1);

      _distretto_csv_reader_set_error (reader, error, 0, DISTRETTO_IMPORT_ERROR_HEADER,
                                      _("expected dimensions ending in “geo\\time” followed by "
                                        "tab-separated years, found “%s”"), shown);
      return FALSE;
    }

  *backslash = '\0';
  dims = g_strsplit (first, ",", -1);
  tsv->n_dims = g_strv_length (dims);
  tsv->geo_dim = tsv->freq_dim = tsv->unit_dim = -1;
  tsv->dims = g_ptr_array_new_with_free_func (g_free);
  for (guint d = 0; d < tsv->n_dims; d++)
    {
      g_strstrip (dims[d]);
      g_ptr_array_add (tsv->dims, g_strdup (dims[d]));
      if (g_ascii_strcasecmp (dims[d], "geo") == 0)
        tsv->geo_dim = d;
      else if (g_ascii_strcasecmp (dims[d], "freq") == 0)
        tsv->freq_dim = d;
      else if (g_ascii_strcasecmp (dims[d], "unit") == 0)
        tsv->unit_dim = d;
    }

  if (tsv->geo_dim == -1)
    {
      g_autofree char *shown = _distretto_shorten (first, -1);

      _distretto_csv_reader_set_error (reader, error, 0, DISTRETTO_IMPORT_ERROR_HEADER,
                                      _("expected a “geo” dimension among the dimensions “%s”"),
                                      shown);
      return FALSE;
    }

  tsv->years = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 1; i < _distretto_csv_reader_n_fields (reader); i++)
    {
      const char *text = _distretto_csv_reader_field (reader, i);
      int year;

      if (!parse_year (text, &year))
        {
          g_autofree char *shown = _distretto_csv_reader_dup_shown (reader, i);

          _distretto_csv_reader_set_error (reader, error, i, DISTRETTO_IMPORT_ERROR_HEADER,
                                          /* TRANSLATORS: the first and the last year read, then
                                           * the year found */
                                          _("expected a year between %d and %d (only annual data "
                                            "is supported), found “%s”"),
                                          MIN_YEAR, MAX_YEAR, shown);
          return FALSE;
        }

      for (guint j = 0; j < tsv->years->len; j++)
        {
          if (g_array_index (tsv->years, int, j) == year)
            {
              _distretto_csv_reader_set_error (reader, error, i, DISTRETTO_IMPORT_ERROR_HEADER,
                                              _("the year %d appears twice in the header"), year);
              return FALSE;
            }
        }

      g_array_append_val (tsv->years, year);
      first_year = MIN (first_year, year);
      last_year = MAX (last_year, year);
    }

  _distretto_dataset_reserve_years (tsv->import->dataset, first_year, last_year);
  return TRUE;
}

/* Splits `number flags`, `: flags` or `:`; on failure, @why tells why
 * the number is refused when that is not plain to see. */
static gboolean
parse_cell (const char     *text,
            double         *value,
            DistrettoFlags *flags,
            gboolean       *bad_flags,
            const char    **why)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *space = strchr (copy, ' ');
  const char *flag_text = "";

  *bad_flags = FALSE;
  *why = "";

  if (space != NULL)
    {
      *space = '\0';
      flag_text = space + 1;
    }
  else if (copy[0] == ':' && copy[1] != '\0')
    {
      /* `:u`, written without the space. */
      flag_text = copy + 1;
      copy[1] = '\0';
    }

  if (!distretto_flags_parse (flag_text, flags))
    {
      *bad_flags = TRUE;
      return FALSE;
    }

  if (copy[0] == '\0' || g_str_equal (copy, ":"))
    {
      *value = NAN;
      return TRUE;
    }

  if (_distretto_parse_double (copy, value))
    return TRUE;

  *why = _distretto_number_problem (copy);
  return FALSE;
}

/* What the file says of a series: its unit code and its publisher. */
static void
describe_series (EurostatTsv  *tsv,
                 char        **codes)
{
  DistrettoSeries *series = distretto_dataset_get_series (tsv->import->dataset, tsv->last_series);

  if (distretto_series_get_publisher (series) != NULL)
    return;

  distretto_series_set_publisher (series, "Eurostat");
  distretto_series_set_licence (series, "© European Union; reuse authorised, the source acknowledged");
  if (tsv->unit_dim != -1)
    distretto_series_set_unit (series, codes[tsv->unit_dim]);

  distretto_series_set_table (series, distretto_source_get_table_code (tsv->import->source));
  for (guint d = 0; d < tsv->n_dims; d++)
    if ((int) d != tsv->geo_dim && (int) d != tsv->freq_dim)
      distretto_series_set_dimension (series, g_ptr_array_index (tsv->dims, d), codes[d]);
}

static guint
intern_series (EurostatTsv  *tsv,
               char        **codes)
{
  const char *table = distretto_source_get_table_code (tsv->import->source);

  g_string_truncate (tsv->series_code, 0);
  if (table != NULL)
    g_string_append (tsv->series_code, table);

  for (guint d = 0; d < tsv->n_dims; d++)
    {
      if ((int) d == tsv->geo_dim || (int) d == tsv->freq_dim)
        continue;
      if (tsv->series_code->len > 0)
        g_string_append_c (tsv->series_code, '.');
      g_string_append (tsv->series_code, codes[d]);
    }

  if (tsv->series_code->len == 0)
    g_string_append (tsv->series_code, "value");

  if (tsv->last_series == NULL || !g_str_equal (tsv->last_series, tsv->series_code->str))
    {
      g_free (tsv->last_series);
      tsv->last_series = g_strdup (tsv->series_code->str);
      tsv->last_series_index = _distretto_dataset_intern_series (tsv->import->dataset,
                                                                 tsv->last_series,
                                                                 tsv->import->source_index);
      describe_series (tsv, codes);
    }

  return tsv->last_series_index;
}

static gboolean
read_row (EurostatTsv  *tsv,
          GError      **error)
{
  DistrettoCsvReader *reader = &tsv->reader;
  guint n_fields = _distretto_csv_reader_n_fields (reader);
  g_auto(GStrv) codes = NULL;
  const char *geo;
  guint series, region;

  if (n_fields != tsv->years->len + 1)
    {
      _distretto_csv_reader_set_error (reader, error, MIN (n_fields, tsv->years->len + 1),
                                      DISTRETTO_IMPORT_ERROR_SYNTAX,
                                      /* TRANSLATORS: how many cells the header has, then how
                                       * many the line has */
                                      _("expected %u tab-separated cells as in the header, found %u"),
                                      tsv->years->len + 1, n_fields);
      return FALSE;
    }

  codes = g_strsplit (_distretto_csv_reader_field (reader, 0), ",", -1);
  if (g_strv_length (codes) != tsv->n_dims)
    {
      g_autofree char *shown = _distretto_csv_reader_dup_shown (reader, 0);

      _distretto_csv_reader_set_error (reader, error, 0, DISTRETTO_IMPORT_ERROR_SYNTAX,
                                      /* TRANSLATORS: how many codes the header has, then the
                                       * codes found */
                                      _("expected %u comma-separated codes as in the header, found “%s”"),
                                      tsv->n_dims, shown);
      return FALSE;
    }

  for (guint d = 0; d < tsv->n_dims; d++)
    g_strstrip (codes[d]);

  geo = codes[tsv->geo_dim];
  if (!distretto_nuts_code_is_valid (geo))
    {
      g_autofree char *shown = _distretto_shorten (geo, -1);

      _distretto_csv_reader_set_error (reader, error, 0, DISTRETTO_IMPORT_ERROR_VALUE,
                                      _("expected a NUTS region code such as “ITH3”, found “%s”"), shown);
      return FALSE;
    }

  if (tsv->freq_dim != -1 && !g_str_equal (codes[tsv->freq_dim], "A"))
    {
      g_autofree char *shown = _distretto_shorten (codes[tsv->freq_dim], -1);

      _distretto_csv_reader_set_error (reader, error, 0, DISTRETTO_IMPORT_ERROR_VALUE,
                                      _("expected annual data (freq “A”), found freq “%s”"), shown);
      return FALSE;
    }

  series = intern_series (tsv, codes);
  region = _distretto_dataset_intern_region (tsv->import->dataset, geo);

  for (guint i = 1; i < n_fields; i++)
    {
      const char *text = _distretto_csv_reader_field (reader, i);
      DistrettoFlags flags = DISTRETTO_FLAGS_NONE;
      const char *why;
      gboolean bad_flags;
      double value;

      if (!parse_cell (text, &value, &flags, &bad_flags, &why))
        {
          g_autofree char *shown = _distretto_csv_reader_dup_shown (reader, i);

          if (bad_flags)
            _distretto_csv_reader_set_error (reader, error, i, DISTRETTO_IMPORT_ERROR_VALUE,
                                            /* TRANSLATORS: the list of the flags Distretto knows, then the cell found */
                                            _("expected a number and flags among %s, found “%s”"),
                                            _distretto_flags_known (), shown);
          else
            _distretto_csv_reader_set_error (reader, error, i, DISTRETTO_IMPORT_ERROR_VALUE,
                                            /* TRANSLATORS: the cell found, then why its number
                                             * is refused, if that is not plain: “ (…)” or
                                             * nothing */
                                            _("expected a number or “:” for a missing value, found “%s”%s"),
                                            shown, why);
          return FALSE;
        }

      if (!_distretto_dataset_add_cell (tsv->import->dataset, series, region,
                                        g_array_index (tsv->years, int, i - 1),
                                        value, flags, tsv->import->source_index,
                                        reader->line, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_row_cb (gpointer   user_data,
             GError   **error)
{
  return read_row (user_data, error);
}

gboolean
_distretto_eurostat_tsv_import (DistrettoImport  *import,
                                GError          **error)
{
  EurostatTsv tsv = { 0 };
  gboolean ok;

  tsv.import = import;
  tsv.series_code = g_string_new (NULL);

  ok = _distretto_csv_reader_init_input (&tsv.reader, import->input, import->filename, '\t', error) &&
       read_header (&tsv, error) &&
       _distretto_csv_reader_import_records (&tsv.reader, import, read_row_cb, &tsv,
                                            "THS,C,ITH3<TAB>512.5 <TAB>500.0 b", error);

  eurostat_tsv_clear (&tsv);
  return ok;
}

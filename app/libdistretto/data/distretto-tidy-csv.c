/* distretto-tidy-csv.c: `region,indicator,year,value[,flag]` files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "distretto-csv-reader.h"
#include "distretto-data-format.h"
#include "distretto-import-private.h"
#include "distretto-number.h"
#include "distretto-import-error.h"
#include "distretto-tidy-csv.h"

#define MIN_YEAR 1900
#define MAX_YEAR 2100

enum {
  COL_REGION,
  COL_INDICATOR,
  COL_YEAR,
  COL_VALUE,
  COL_FLAG,
  N_COLUMNS
};

static const char *column_names[N_COLUMNS] = {
  "region", "indicator", "year", "value", "flag",
};

typedef struct
{
  DistrettoImport *import;
  DistrettoCsvReader reader;
  int position[N_COLUMNS];    /* field index of each column, -1 if absent */
  guint n_header_fields;

  /* The codes of the previous line: files repeat them line after line. */
  char *last_region;
  gsize last_region_len;
  guint last_region_index;
  char *last_series;
  gsize last_series_len;
  guint last_series_index;
} TidyCsv;

static void
tidy_csv_clear (TidyCsv *tidy)
{
  distretto_csv_reader_clear (&tidy->reader);
  g_clear_pointer (&tidy->last_region, g_free);
  g_clear_pointer (&tidy->last_series, g_free);
}

/* Picks the delimiter of the header line: `;` when it has no comma. */
static char
sniff_delimiter (const char *data,
                 gsize       len)
{
  const char *eol = memchr (data, '\n', len);
  gsize line_len = eol ? (gsize) (eol - data) : len;

  if (memchr (data, ',', line_len) == NULL && memchr (data, ';', line_len) != NULL)
    return ';';
  return ',';
}

static gboolean
read_header (TidyCsv  *tidy,
             GError  **error)
{
  DistrettoCsvReader *reader = &tidy->reader;
  g_autoptr(GError) local_error = NULL;

  for (guint c = 0; c < N_COLUMNS; c++)
    tidy->position[c] = -1;

  if (!distretto_csv_reader_next (reader, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_EMPTY,
                     "%s:1:1: the file is empty: expected a header line "
                     "“region,indicator,year,value[,flag]”",
                     reader->filename);
      return FALSE;
    }

  tidy->n_header_fields = distretto_csv_reader_n_fields (reader);

  for (guint i = 0; i < tidy->n_header_fields; i++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (distretto_csv_reader_field (reader, i), -1));
      gboolean known = FALSE;

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (g_str_equal (name, column_names[c]))
            {
              if (tidy->position[c] != -1)
                {
                  distretto_csv_reader_set_error (reader, error, i, DISTRETTO_IMPORT_ERROR_HEADER,
                                                  "the column “%s” appears twice in the header",
                                                  column_names[c]);
                  return FALSE;
                }
              tidy->position[c] = i;
              known = TRUE;
            }
        }

      if (!known)
        {
          distretto_csv_reader_set_error (reader, error, i, DISTRETTO_IMPORT_ERROR_HEADER,
                                          "expected a column name among region, indicator, "
                                          "year, value and flag, found “%s”",
                                          distretto_csv_reader_field (reader, i));
          return FALSE;
        }
    }

  for (guint c = 0; c < COL_FLAG; c++)
    {
      if (tidy->position[c] == -1)
        {
          distretto_csv_reader_set_error (reader, error, 0, DISTRETTO_IMPORT_ERROR_HEADER,
                                          "the header has no “%s” column: expected "
                                          "“region,indicator,year,value[,flag]”",
                                          column_names[c]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_series_code (const char *code)
{
  if (*code == '\0')
    return FALSE;

  for (const char *p = code; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.' && *p != '-')
      return FALSE;

  return TRUE;
}

static gboolean
parse_value (const char *text,
             double     *value)
{
  if (text[0] == '\0' || (text[0] == ':' && text[1] == '\0'))
    {
      *value = NAN;
      return TRUE;
    }

  return distretto_parse_double (text, value);
}

/* Files repeat the codes of the previous line; those were checked and
 * interned already. */
static gboolean
same_as (const char *last,
         gsize       last_len,
         const char *code,
         gsize       len)
{
  return last != NULL && last_len == len && memcmp (last, code, len) == 0;
}

static guint
intern_region (TidyCsv    *tidy,
               const char *code)
{
  g_free (tidy->last_region);
  tidy->last_region = g_strdup (code);
  tidy->last_region_len = strlen (code);
  tidy->last_region_index = _distretto_dataset_intern_region (tidy->import->dataset, code);

  return tidy->last_region_index;
}

static guint
intern_series (TidyCsv    *tidy,
               const char *code)
{
  g_free (tidy->last_series);
  tidy->last_series = g_strdup (code);
  tidy->last_series_len = strlen (code);
  tidy->last_series_index = _distretto_dataset_intern_series (tidy->import->dataset, code,
                                                              tidy->import->source_index);

  return tidy->last_series_index;
}

static gboolean
read_record (TidyCsv  *tidy,
             GError  **error)
{
  DistrettoCsvReader *reader = &tidy->reader;
  const char *region, *series, *year_text, *value_text, *span;
  DistrettoFlags flags = DISTRETTO_FLAGS_NONE;
  guint n_fields = distretto_csv_reader_n_fields (reader);
  guint region_index, series_index;
  gsize len;
  double value;
  int year;

  if (n_fields != tidy->n_header_fields)
    {
      distretto_csv_reader_set_error (reader, error, MIN (n_fields, tidy->n_header_fields),
                                      DISTRETTO_IMPORT_ERROR_SYNTAX,
                                      "expected %u fields as in the header, found %u",
                                      tidy->n_header_fields, n_fields);
      return FALSE;
    }

  /* The hot path reads fields where they are; only what is new or wrong
   * is copied. */
  span = distretto_csv_reader_span (reader, tidy->position[COL_REGION], &len);
  region = NULL;
  if (same_as (tidy->last_region, tidy->last_region_len, span, len))
    region_index = tidy->last_region_index;
  else if (distretto_nuts_code_is_valid ((region = distretto_csv_reader_field (reader, tidy->position[COL_REGION]))))
    region_index = intern_region (tidy, region);
  else
    {
      distretto_csv_reader_set_error (reader, error, tidy->position[COL_REGION],
                                      DISTRETTO_IMPORT_ERROR_VALUE,
                                      "expected a NUTS region code such as “ITH3”, found “%s”",
                                      region);
      return FALSE;
    }

  span = distretto_csv_reader_span (reader, tidy->position[COL_INDICATOR], &len);
  series = NULL;
  if (same_as (tidy->last_series, tidy->last_series_len, span, len))
    series_index = tidy->last_series_index;
  else if (is_series_code ((series = distretto_csv_reader_field (reader, tidy->position[COL_INDICATOR]))))
    series_index = intern_series (tidy, series);
  else
    {
      distretto_csv_reader_set_error (reader, error, tidy->position[COL_INDICATOR],
                                      DISTRETTO_IMPORT_ERROR_VALUE,
                                      "expected an indicator code (letters, digits, “_”, “.” "
                                      "or “-”), found “%s”",
                                      series);
      return FALSE;
    }

  span = distretto_csv_reader_span (reader, tidy->position[COL_YEAR], &len);
  if (!distretto_parse_year_span (span, len, MIN_YEAR, MAX_YEAR, &year))
    {
      year_text = distretto_csv_reader_field (reader, tidy->position[COL_YEAR]);
      distretto_csv_reader_set_error (reader, error, tidy->position[COL_YEAR],
                                      DISTRETTO_IMPORT_ERROR_VALUE,
                                      "expected a year between %d and %d, found “%s”",
                                      MIN_YEAR, MAX_YEAR, year_text);
      return FALSE;
    }

  span = distretto_csv_reader_span (reader, tidy->position[COL_VALUE], &len);
  if (!distretto_parse_decimal_span (span, len, &value) &&
      !parse_value ((value_text = distretto_csv_reader_field (reader, tidy->position[COL_VALUE])), &value))
    {
      distretto_csv_reader_set_error (reader, error, tidy->position[COL_VALUE],
                                      DISTRETTO_IMPORT_ERROR_VALUE,
                                      "expected a number (or an empty field for a missing "
                                      "value), found “%s”",
                                      value_text);
      return FALSE;
    }

  if (tidy->position[COL_FLAG] != -1 &&
      (distretto_csv_reader_span (reader, tidy->position[COL_FLAG], &len), len > 0))
    {
      const char *flag_text = distretto_csv_reader_field (reader, tidy->position[COL_FLAG]);

      if (!distretto_flags_parse (flag_text, &flags))
        {
          distretto_csv_reader_set_error (reader, error, tidy->position[COL_FLAG],
                                          DISTRETTO_IMPORT_ERROR_VALUE,
                                          "expected flags among b, u, c, e, d, p, imputed, "
                                          "national-proxy, converted and synthetic, found “%s”",
                                          flag_text);
          return FALSE;
        }
    }

  return _distretto_dataset_add_cell (tidy->import->dataset, series_index, region_index,
                                      year, value, flags,
                                      tidy->import->source_index, reader->line, error);
}

static gboolean
read_record_cb (gpointer   user_data,
                GError   **error)
{
  return read_record (user_data, error);
}

gboolean
_distretto_tidy_csv_import (DistrettoImport  *import,
                            const char       *data,
                            gsize             len,
                            GError          **error)
{
  TidyCsv tidy = { 0 };
  gboolean ok;

  tidy.import = import;
  distretto_csv_reader_init (&tidy.reader, data, len, import->filename, sniff_delimiter (data, len));

  ok = read_header (&tidy, error) &&
       distretto_csv_reader_import_records (&tidy.reader, import, read_record_cb, &tidy,
                                            "ITH3,emp_total,2022,2150.4", error);

  tidy_csv_clear (&tidy);
  return ok;
}

/**
 * distretto_tidy_csv_load_bytes:
 * @bytes: the file's contents
 * @display_name: the name to use in error messages
 * @error: return location for a #DistrettoImportError
 *
 * Loads a tidy CSV file: a header naming the columns `region`,
 * `indicator`, `year`, `value` and optionally `flag` in any order, then
 * one observation per line. The delimiter is a comma, or a semicolon when
 * the header has no comma; fields may be quoted; a UTF-8 byte order mark
 * and CRLF line ends are accepted. An empty value is a missing value.
 *
 * The first problem fails the whole load, with its line and column: a
 * file is never half-loaded.
 *
 * Returns: (transfer full): a new dataset, or %NULL with @error set
 */
DistrettoDataset *
distretto_tidy_csv_load_bytes (GBytes      *bytes,
                               const char  *display_name,
                               GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _distretto_dataset_load_bytes_as (bytes, display_name, DISTRETTO_DATA_FORMAT_TIDY_CSV, error);
}

/**
 * distretto_tidy_csv_load_file:
 * @file: a tidy CSV file
 * @error: return location for a #GError
 *
 * Reads @file and loads it with distretto_tidy_csv_load_bytes().
 *
 * Returns: (transfer full): a new dataset, or %NULL with @error set
 */
DistrettoDataset *
distretto_tidy_csv_load_file (GFile   *file,
                              GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  return distretto_tidy_csv_load_bytes (bytes, name, error);
}

/**
 * distretto_region_names_load_bytes:
 * @dataset: a #DistrettoDataset
 * @bytes: a CSV file with the header `code,name,national_name[,nuts_version]`
 * @display_name: the name to use in error messages
 * @error: return location for a #DistrettoImportError
 *
 * Names the regions of @dataset. Codes the dataset does not hold are
 * ignored. Nothing is renamed unless the whole file is valid.
 *
 * Returns: %TRUE on success
 */
gboolean
distretto_region_names_load_bytes (DistrettoDataset  *dataset,
                                   GBytes            *bytes,
                                   const char        *display_name,
                                   GError           **error)
{
  g_auto(DistrettoCsvReader) reader = { 0 };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) versions = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GError) local_error = NULL;
  guint n_columns = 0;
  const char *data;
  gsize len;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";

  if (!distretto_validate_utf8 (data, len, display_name, error))
    return FALSE;

  distretto_csv_reader_init (&reader, data, len, display_name, ',');

  if (!distretto_csv_reader_next (&reader, &local_error) ||
      (n_columns = distretto_csv_reader_n_fields (&reader)) < 3 || n_columns > 4 ||
      !g_str_equal (distretto_csv_reader_field (&reader, 0), "code") ||
      !g_str_equal (distretto_csv_reader_field (&reader, 1), "name") ||
      !g_str_equal (distretto_csv_reader_field (&reader, 2), "national_name") ||
      (n_columns == 4 && !g_str_equal (distretto_csv_reader_field (&reader, 3), "nuts_version")))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_HEADER,
                     "%s:1:1: expected the header “code,name,national_name[,nuts_version]”", display_name);
      return FALSE;
    }

  while (distretto_csv_reader_next (&reader, &local_error))
    {
      int version = 0;

      if (distretto_csv_reader_n_fields (&reader) != n_columns)
        {
          distretto_csv_reader_set_error (&reader, error, 0, DISTRETTO_IMPORT_ERROR_SYNTAX,
                                          "expected %u fields, found %u", n_columns,
                                          distretto_csv_reader_n_fields (&reader));
          return FALSE;
        }
      if (!distretto_nuts_code_is_valid (distretto_csv_reader_field (&reader, 0)))
        {
          distretto_csv_reader_set_error (&reader, error, 0, DISTRETTO_IMPORT_ERROR_VALUE,
                                          "expected a NUTS region code, found “%s”",
                                          distretto_csv_reader_field (&reader, 0));
          return FALSE;
        }

      if (n_columns == 4 &&
          !distretto_parse_year (distretto_csv_reader_field (&reader, 3), MIN_YEAR, MAX_YEAR, &version))
        {
          distretto_csv_reader_set_error (&reader, error, 3, DISTRETTO_IMPORT_ERROR_VALUE,
                                          "expected a NUTS version such as 2024, found “%s”",
                                          distretto_csv_reader_field (&reader, 3));
          return FALSE;
        }

      for (guint i = 0; i < 3; i++)
        g_ptr_array_add (names, g_strstrip (g_strdup (distretto_csv_reader_field (&reader, i))));
      g_array_append_val (versions, version);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i + 2 < names->len; i += 3)
    {
      DistrettoRegion *region = distretto_dataset_get_region (dataset, g_ptr_array_index (names, i));

      if (region == NULL)
        continue;

      distretto_region_set_name (region, g_ptr_array_index (names, i + 1));
      distretto_region_set_national_name (region, g_ptr_array_index (names, i + 2));
      distretto_region_set_nuts_version (region, g_array_index (versions, int, i / 3));
    }

  return TRUE;
}

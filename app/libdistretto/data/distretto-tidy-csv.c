/* distretto-tidy-csv.c: `region,indicator,year,value[,flag]` files, and
 * `region,year,<indicator>…` ones
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "distretto-csv-blocks-private.h"
#include "distretto-data-format.h"
#include "distretto-import-private.h"
#include "distretto-number.h"
#include "distretto-import-error.h"
#include "distretto-region.h"
#include "distretto-tidy-csv.h"

#define MIN_YEAR 1900
#define MAX_YEAR 2100

/*
 * The long form has one observation per line: `region,indicator,year,
 * value[,flag]`, columns in any order. The wide form has one line per
 * region and year and one column per indicator, named by its header:
 * `region,year,rd_private_eur_hab,…`, where `<indicator>_flag` holds the
 * flags of `<indicator>`. Both may name the region column `geo` or
 * `nuts_id`, and add `nuts_version` (or `nuts_year_spec`), the NUTS
 * version of the region codes. The columns `name`, `rank`, `group`,
 * `lower`, `upper` and `source`, which Distretto's exported tables add for
 * their readers, are read past.
 */

enum {
  COL_REGION,
  COL_INDICATOR,
  COL_YEAR,
  COL_VALUE,
  COL_FLAG,
  COL_NUTS_VERSION,
  N_COLUMNS
};

static const struct
{
  const char *name;
  int column;
} column_names[] = {
  { "region", COL_REGION },
  { "geo", COL_REGION },
  { "nuts_id", COL_REGION },
  { "indicator", COL_INDICATOR },
  { "year", COL_YEAR },
  { "value", COL_VALUE },
  { "flag", COL_FLAG },
  { "nuts_version", COL_NUTS_VERSION },
  { "nuts_year_spec", COL_NUTS_VERSION },
};

/* Columns that describe a row for its reader and hold no data: the ones
 * Distretto's exported tables add (distretto_chart_dup_tidy_table()). */
static const char *descriptive_names[] = {
  "name", "rank", "group", "lower", "upper", "source",
};

static gboolean
is_descriptive (const char *name)
{
  for (guint k = 0; k < G_N_ELEMENTS (descriptive_names); k++)
    if (g_str_equal (name, descriptive_names[k]))
      return TRUE;
  return FALSE;
}

/* The canonical name of each column, for messages. */
static const char *canonical_names[N_COLUMNS] = {
  "region", "indicator", "year", "value", "flag", "nuts_version",
};

#define WIDE_FLAG_SUFFIX "_flag"

typedef struct
{
  guint field;                /* where its values are */
  int flag_field;             /* where its flags are, or -1 */
  guint series;
} WideColumn;

/* A code of the previous line, which files repeat line after line, and
 * what it resolved to. */
typedef struct
{
  char *code;                 /* NUL-terminated */
  gsize len;
  gsize size;
  gboolean known;
  guint index;
  guint partition;            /* of a series, in a cell batch */
} LastCode;

/*
 * The same functions read records on the calling thread, into the
 * dataset, and in chunks on every core, into each chunk's cell batch
 * (distretto-csv-blocks.c): what the dataset knows is only read then.
 */
typedef struct
{
  DistrettoImport *import;
  DistrettoCsvReader *reader;
  DistrettoCellBatch *batch;  /* where cells go, or NULL: into the dataset */
  int position[N_COLUMNS];    /* field index of each column, -1 if absent */
  guint n_header_fields;
  GArray *wide;               /* WideColumn, in the wide form */
  guint *wide_partitions;     /* the batch partition of each, with a batch */

  LastCode last_region;
  LastCode last_series;
} TidyCsv;

static void
tidy_csv_clear (TidyCsv *tidy)
{
  g_clear_pointer (&tidy->wide, g_array_unref);
  g_clear_pointer (&tidy->wide_partitions, g_free);
  g_clear_pointer (&tidy->last_region.code, g_free);
  g_clear_pointer (&tidy->last_series.code, g_free);
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

static int
column_of (const char *name)
{
  for (guint k = 0; k < G_N_ELEMENTS (column_names); k++)
    if (g_str_equal (name, column_names[k].name))
      return column_names[k].column;
  return -1;
}

static gboolean is_series_code (const char *code);

/* The header field that holds the flags of @name in the wide form, or -1. */
static int
find_flag_field (char  **names,
                 guint   n,
                 guint   field)
{
  g_autofree char *flag_name = g_strconcat (names[field], WIDE_FLAG_SUFFIX, NULL);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (names[i], flag_name))
      return i;
  return -1;
}

/* Every column that is not a known one holds an indicator. */
static gboolean
read_wide_header (TidyCsv   *tidy,
                  char     **names,
                  GError   **error)
{
  DistrettoCsvReader *reader = tidy->reader;

  tidy->wide = g_array_new (FALSE, FALSE, sizeof (WideColumn));

  for (guint i = 0; i < tidy->n_header_fields; i++)
    {
      WideColumn column = { i, -1, 0 };
      gsize len = strlen (names[i]);

      if (column_of (names[i]) != -1 || is_descriptive (names[i]))
        continue;

      /* The flags of another column. */
      if (len > strlen (WIDE_FLAG_SUFFIX) && g_str_has_suffix (names[i], WIDE_FLAG_SUFFIX))
        {
          g_autofree char *base = g_strndup (names[i], len - strlen (WIDE_FLAG_SUFFIX));
          gboolean found = FALSE;

          for (guint k = 0; k < tidy->n_header_fields && !found; k++)
            found = g_str_equal (names[k], base);
          if (found)
            continue;
        }

      if (!is_series_code (names[i]))
        {
          g_autofree char *shown = _distretto_csv_reader_dup_shown (reader, i);

          _distretto_csv_reader_set_error (reader, error, i, DISTRETTO_IMPORT_ERROR_HEADER,
                                          _("expected an indicator code (letters, digits, “_”, “.” "
                                            "or “-”) naming the column, found “%s”"), shown);
          return FALSE;
        }

      column.flag_field = find_flag_field (names, tidy->n_header_fields, i);
      column.series = _distretto_dataset_intern_series (tidy->import->dataset, names[i],
                                                        tidy->import->source_index);
      g_array_append_val (tidy->wide, column);
    }

  if (tidy->wide->len == 0)
    {
      _distretto_csv_reader_set_error (reader, error, 0, DISTRETTO_IMPORT_ERROR_HEADER,
                                      _("the header has no indicator column: expected "
                                        "“region,indicator,year,value[,flag]” or "
                                        "“region,year,<indicator>…”"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_header (TidyCsv  *tidy,
             GError  **error)
{
  DistrettoCsvReader *reader = tidy->reader;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean wide;

  for (guint c = 0; c < N_COLUMNS; c++)
    tidy->position[c] = -1;

  if (!_distretto_csv_reader_next (reader, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_EMPTY,
                                 reader->filename, 1, 1,
                                 _("the file is empty: expected a header line "
                                   "“region,indicator,year,value[,flag]”"));
      return FALSE;
    }

  tidy->n_header_fields = _distretto_csv_reader_n_fields (reader);
  if (tidy->n_header_fields == 1 && strchr (_distretto_csv_reader_field (reader, 0), '\t') != NULL)
    {
      _distretto_csv_reader_set_error (reader, error, 0, DISTRETTO_IMPORT_ERROR_HEADER,
                                      _("expected column names separated by “,” or “;”, found tabs"));
      return FALSE;
    }

  for (guint i = 0; i < tidy->n_header_fields; i++)
    {
      char *name = g_strstrip (g_ascii_strdown (_distretto_csv_reader_field (reader, i), -1));
      int c = column_of (name);

      g_ptr_array_add (names, name);
      if (c == -1)
        continue;

      if (tidy->position[c] != -1)
        {
          _distretto_csv_reader_set_error (reader, error, i, DISTRETTO_IMPORT_ERROR_HEADER,
                                          _("the column “%s” appears twice in the header"),
                                          canonical_names[c]);
          return FALSE;
        }
      tidy->position[c] = i;
    }
  g_ptr_array_add (names, NULL);

  /* Without indicator and value columns, the others name indicators. */
  wide = tidy->position[COL_INDICATOR] == -1 && tidy->position[COL_VALUE] == -1 &&
         tidy->position[COL_FLAG] == -1;

  for (guint i = 0; i < tidy->n_header_fields && !wide; i++)
    {
      if (column_of (g_ptr_array_index (names, i)) == -1 && !is_descriptive (g_ptr_array_index (names, i)))
        {
          g_autofree char *shown = _distretto_csv_reader_dup_shown (reader, i);

          _distretto_csv_reader_set_error (reader, error, i, DISTRETTO_IMPORT_ERROR_HEADER,
                                          _("expected a column name among region, indicator, "
                                            "year, value, flag and nuts_version (or name, rank, "
                                            "group, lower, upper and source, which are read past), "
                                            "found “%s”"),
                                          shown);
          return FALSE;
        }
    }

  for (guint c = 0; c < COL_FLAG; c++)
    {
      if (tidy->position[c] == -1 && !(wide && (c == COL_INDICATOR || c == COL_VALUE)))
        {
          if (wide)
            _distretto_csv_reader_set_error (reader, error, 0, DISTRETTO_IMPORT_ERROR_HEADER,
                                            /* TRANSLATORS: %s is a column name such as “region” */
                                            _("the header has no “%s” column: expected "
                                              "“region,indicator,year,value[,flag]” or "
                                              "“region,year,<indicator>…”"),
                                            canonical_names[c]);
          else
            _distretto_csv_reader_set_error (reader, error, 0, DISTRETTO_IMPORT_ERROR_HEADER,
                                            /* TRANSLATORS: %s is a column name such as “region” */
                                            _("the header has no “%s” column: expected "
                                              "“region,indicator,year,value[,flag]”"),
                                            canonical_names[c]);
          return FALSE;
        }
    }

  return !wide || read_wide_header (tidy, (char **) names->pdata, error);
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

  return _distretto_parse_double (text, value);
}

/* Files repeat the codes of the previous line; those were checked and
 * interned already. */
static inline gboolean
is_last (const LastCode *last,
         const char     *code,
         gsize           len)
{
  if (!last->known || last->len != len)
    return FALSE;

  /* Codes are short: two words, which may overlap, beat a call. */
  if (len >= 8 && len <= 16)
    {
      guint64 a, b, c, d;

      memcpy (&a, last->code, 8);
      memcpy (&b, code, 8);
      memcpy (&c, last->code + len - 8, 8);
      memcpy (&d, code + len - 8, 8);
      return ((a ^ b) | (c ^ d)) == 0;
    }
  if (len >= 4 && len < 8)
    {
      guint32 a, b, c, d;

      memcpy (&a, last->code, 4);
      memcpy (&b, code, 4);
      memcpy (&c, last->code + len - 4, 4);
      memcpy (&d, code + len - 4, 4);
      return ((a ^ b) | (c ^ d)) == 0;
    }

  return memcmp (last->code, code, len) == 0;
}

/* Keeps @code, in memory kept from line to line. */
static void
remember (LastCode   *last,
          const char *code)
{
  last->len = strlen (code);
  if (last->len + 1 > last->size)
    {
      last->size = MAX (2 * last->size, last->len + 1);
      last->code = g_realloc (last->code, last->size);
    }
  memcpy (last->code, code, last->len + 1);
  last->known = TRUE;
}

static guint
intern_region (TidyCsv    *tidy,
               const char *code)
{
  remember (&tidy->last_region, code);
  if (tidy->batch != NULL)
    tidy->last_region.index = _distretto_cell_batch_region (tidy->batch, code);
  else
    tidy->last_region.index = _distretto_dataset_intern_region (tidy->import->dataset, code);

  return tidy->last_region.index;
}

static guint
intern_series (TidyCsv    *tidy,
               const char *code)
{
  remember (&tidy->last_series, code);
  if (tidy->batch != NULL)
    tidy->last_series.index = _distretto_cell_batch_series (tidy->batch, code,
                                                            &tidy->last_series.partition);
  else
    tidy->last_series.index = _distretto_dataset_intern_series (tidy->import->dataset, code,
                                                                tidy->import->source_index);

  return tidy->last_series.index;
}

/* The first NUTS version a line gives a region is the region's. */
static void
give_version (TidyCsv *tidy,
              guint    region_index,
              int      version)
{
  DistrettoRegion *region;

  if (tidy->batch != NULL)
    {
      _distretto_cell_batch_set_version (tidy->batch, region_index, version);
      return;
    }

  region = distretto_dataset_get_region_at (tidy->import->dataset, region_index);
  if (distretto_region_get_nuts_version (region) == 0)
    distretto_region_set_nuts_version (region, version);
}

static gboolean
give_cell (TidyCsv         *tidy,
           guint            series_index,
           guint            partition,
           guint            region_index,
           int              year,
           double           value,
           DistrettoFlags   flags,
           GError         **error)
{
  if (tidy->batch != NULL)
    {
      _distretto_cell_batch_add (tidy->batch, partition, series_index, region_index, year,
                                 value, flags, tidy->reader->line);
      return TRUE;
    }

  return _distretto_dataset_add_cell (tidy->import->dataset, series_index, region_index,
                                      year, value, flags, tidy->import->source_index,
                                      tidy->reader->line, error);
}

/* Sets "file:line:column: expected …, found “FIELD”" for field @index. */
static gboolean
field_error (TidyCsv     *tidy,
             GError     **error,
             guint        index,
             const char  *expected,
             const char  *why)
{
  g_autofree char *shown = _distretto_csv_reader_dup_shown (tidy->reader, index);

  _distretto_csv_reader_set_error (tidy->reader, error, index, DISTRETTO_IMPORT_ERROR_VALUE,
                                  /* TRANSLATORS: what was expected (“a number”, …), the field
                                   * found, then why it is refused, if that is not plain: “ (…)”
                                   * or nothing */
                                  _("expected %s, found “%s”%s"), expected, shown, why ? why : "");
  return FALSE;
}

/* The version the line gives the region's code, if it gives one. */
static gboolean
read_version (TidyCsv  *tidy,
              guint     region_index,
              GError  **error)
{
  const char *span;
  gsize len;
  int version;

  if (tidy->position[COL_NUTS_VERSION] == -1)
    return TRUE;

  span = _distretto_csv_reader_span (tidy->reader, tidy->position[COL_NUTS_VERSION], &len);
  if (len == 0)
    return TRUE;
  if (!_distretto_parse_year_span (span, len, MIN_YEAR, MAX_YEAR, &version))
    return field_error (tidy, error, tidy->position[COL_NUTS_VERSION],
                        _("a NUTS version such as 2016"), NULL);

  give_version (tidy, region_index, version);
  return TRUE;
}

static gboolean
read_region (TidyCsv  *tidy,
             guint    *region_index,
             GError  **error)
{
  DistrettoCsvReader *reader = tidy->reader;
  const char *span, *region;
  gsize len;

  span = _distretto_csv_reader_span (reader, tidy->position[COL_REGION], &len);
  if (is_last (&tidy->last_region, span, len))
    {
      *region_index = tidy->last_region.index;
      return read_version (tidy, *region_index, error);
    }

  region = _distretto_csv_reader_field (reader, tidy->position[COL_REGION]);
  if (!distretto_nuts_code_is_valid (region))
    return field_error (tidy, error, tidy->position[COL_REGION],
                        _("a NUTS region code such as “ITH3”"), NULL);

  *region_index = intern_region (tidy, region);
  return read_version (tidy, *region_index, error);
}

static gboolean
read_year (TidyCsv  *tidy,
           int      *year,
           GError  **error)
{
  g_autofree char *expected = NULL;
  gsize len;
  const char *span = _distretto_csv_reader_span (tidy->reader, tidy->position[COL_YEAR], &len);

  if (_distretto_parse_year_span (span, len, MIN_YEAR, MAX_YEAR, year))
    return TRUE;

  /* TRANSLATORS: the first and the last year read */
  expected = g_strdup_printf (_("a year between %d and %d"), MIN_YEAR, MAX_YEAR);
  return field_error (tidy, error, tidy->position[COL_YEAR], expected, NULL);
}

static gboolean
read_value (TidyCsv  *tidy,
            guint     index,
            double   *value,
            GError  **error)
{
  gsize len;
  const char *span = _distretto_csv_reader_span (tidy->reader, index, &len);
  const char *text;

  if (_distretto_parse_decimal_span (span, len, value))
    return TRUE;

  text = _distretto_csv_reader_field (tidy->reader, index);
  if (parse_value (text, value))
    return TRUE;

  return field_error (tidy, error, index, _("a number (or an empty field for a missing value)"),
                      _distretto_number_problem (text));
}

static gboolean
read_flags (TidyCsv         *tidy,
            int              index,
            DistrettoFlags  *flags,
            GError         **error)
{
  g_autofree char *expected = NULL;
  gsize len;

  *flags = DISTRETTO_FLAGS_NONE;
  if (index == -1 || (_distretto_csv_reader_span (tidy->reader, index, &len), len == 0))
    return TRUE;

  if (distretto_flags_parse (_distretto_csv_reader_field (tidy->reader, index), flags))
    return TRUE;

  expected = g_strdup_printf (_("flags among %s"), _distretto_flags_known ());
  return field_error (tidy, error, index, expected, NULL);
}

static gboolean
check_n_fields (TidyCsv  *tidy,
                GError  **error)
{
  guint n_fields = _distretto_csv_reader_n_fields (tidy->reader);

  if (n_fields == tidy->n_header_fields)
    return TRUE;

  _distretto_csv_reader_set_error (tidy->reader, error, MIN (n_fields, tidy->n_header_fields),
                                  DISTRETTO_IMPORT_ERROR_SYNTAX,
                                  /* TRANSLATORS: how many fields the header has, then how many
                                   * the line has */
                                  _("expected %u fields as in the header, found %u"),
                                  tidy->n_header_fields, n_fields);
  return FALSE;
}

/*
 * The usual line of a long file: the region and indicator of the line
 * before, a plain year and value, no flag and no NUTS version. Reads it,
 * or returns %FALSE having done nothing, for read_record() to read it as
 * any other line, to the same cell.
 */
static inline gboolean
read_usual_values (TidyCsv *tidy,
                   int     *year,
                   double  *value)
{
  DistrettoCsvReader *reader = tidy->reader;
  const char *span;
  gsize len;

  if (reader->n_fields != tidy->n_header_fields ||
      (tidy->position[COL_FLAG] != -1 && reader->fields[tidy->position[COL_FLAG]].len != 0) ||
      (tidy->position[COL_NUTS_VERSION] != -1 &&
       reader->fields[tidy->position[COL_NUTS_VERSION]].len != 0))
    return FALSE;

  span = _distretto_csv_reader_span (reader, tidy->position[COL_REGION], &len);
  if (!is_last (&tidy->last_region, span, len))
    return FALSE;
  span = _distretto_csv_reader_span (reader, tidy->position[COL_INDICATOR], &len);
  if (!is_last (&tidy->last_series, span, len))
    return FALSE;

  span = _distretto_csv_reader_span (reader, tidy->position[COL_YEAR], &len);
  if (!_distretto_parse_year_span (span, len, MIN_YEAR, MAX_YEAR, year))
    return FALSE;
  span = _distretto_csv_reader_span (reader, tidy->position[COL_VALUE], &len);
  return _distretto_parse_decimal_span (span, len, value);
}

static gboolean
read_record (TidyCsv  *tidy,
             GError  **error)
{
  DistrettoCsvReader *reader = tidy->reader;
  DistrettoFlags flags;
  const char *series, *span;
  guint region_index, series_index;
  gsize len;
  double value;
  int year;

  if (!check_n_fields (tidy, error) || !read_region (tidy, &region_index, error))
    return FALSE;

  /* The hot path reads fields where they are; only what is new or wrong
   * is copied. */
  span = _distretto_csv_reader_span (reader, tidy->position[COL_INDICATOR], &len);
  if (is_last (&tidy->last_series, span, len))
    series_index = tidy->last_series.index;
  else if (is_series_code ((series = _distretto_csv_reader_field (reader, tidy->position[COL_INDICATOR]))))
    series_index = intern_series (tidy, series);
  else
    return field_error (tidy, error, tidy->position[COL_INDICATOR],
                        _("an indicator code (letters, digits, “_”, “.” or “-”)"), NULL);

  if (!read_year (tidy, &year, error) ||
      !read_value (tidy, tidy->position[COL_VALUE], &value, error) ||
      !read_flags (tidy, tidy->position[COL_FLAG], &flags, error))
    return FALSE;

  return give_cell (tidy, series_index, tidy->last_series.partition, region_index, year,
                    value, flags, error);
}

/* Takes a usual line of the long form as read_record() would, or
 * nothing: a cell given twice is left for read_record() to report. */
static gboolean
take_usual_record (gpointer user_data)
{
  TidyCsv *tidy = user_data;
  g_autoptr(GError) error = NULL;
  double value;
  int year;

  return tidy->wide == NULL && read_usual_values (tidy, &year, &value) &&
         give_cell (tidy, tidy->last_series.index, tidy->last_series.partition,
                    tidy->last_region.index, year, value, DISTRETTO_FLAGS_NONE, &error);
}

/* A line of the wide form: a value for each indicator column. */
static gboolean
read_wide_record (TidyCsv  *tidy,
                  GError  **error)
{
  guint region_index;
  int year;

  if (!check_n_fields (tidy, error) ||
      !read_region (tidy, &region_index, error) ||
      !read_year (tidy, &year, error))
    return FALSE;

  for (guint k = 0; k < tidy->wide->len; k++)
    {
      WideColumn *column = &g_array_index (tidy->wide, WideColumn, k);
      DistrettoFlags flags;
      double value;

      if (!read_value (tidy, column->field, &value, error) ||
          !read_flags (tidy, column->flag_field, &flags, error) ||
          !give_cell (tidy, column->series, tidy->wide_partitions ? tidy->wide_partitions[k] : 0,
                      region_index, year, value, flags, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_record_cb (gpointer   user_data,
                GError   **error)
{
  TidyCsv *tidy = user_data;

  return tidy->wide != NULL ? read_wide_record (tidy, error) : read_record (tidy, error);
}

/* A parser like @user_data, the calling thread's, for a chunk. */
static gpointer
chunk_parser_new (gpointer            user_data,
                  DistrettoCsvReader *reader,
                  DistrettoCellBatch *batch)
{
  const TidyCsv *model = user_data;
  TidyCsv *tidy = g_new0 (TidyCsv, 1);

  tidy->import = model->import;
  tidy->reader = reader;
  tidy->batch = batch;
  memcpy (tidy->position, model->position, sizeof tidy->position);
  tidy->n_header_fields = model->n_header_fields;

  if (model->wide != NULL)
    {
      tidy->wide = g_array_ref (model->wide);
      tidy->wide_partitions = g_new (guint, tidy->wide->len);
      for (guint k = 0; k < tidy->wide->len; k++)
        {
          guint series = g_array_index (tidy->wide, WideColumn, k).series;
          const char *code = distretto_dataset_get_series_code (tidy->import->dataset, series);

          _distretto_cell_batch_series (batch, code, &tidy->wide_partitions[k]);
        }
    }

  return tidy;
}

/* For a new chunk: ids of codes new to the dataset were the last batch's. */
static void
chunk_parser_reset (gpointer parser)
{
  TidyCsv *tidy = parser;

  tidy->last_region.known = FALSE;
  tidy->last_series.known = FALSE;
}

static void
chunk_parser_free (gpointer parser)
{
  tidy_csv_clear (parser);
  g_free (parser);
}

static const DistrettoCsvChunkParser chunk_parser = {
  chunk_parser_new,
  chunk_parser_reset,
  chunk_parser_free,
  read_record_cb,
  take_usual_record,
};

gboolean
_distretto_tidy_csv_import (DistrettoImport  *import,
                            GError          **error)
{
  g_auto(DistrettoCsvReader) reader = { 0 };
  TidyCsv tidy = { 0 };
  const char *head;
  gsize len;
  gboolean ok;

  head = _distretto_input_peek (import->input, DISTRETTO_SNIFF_LENGTH, &len, error);
  if (head == NULL)
    return FALSE;

  tidy.import = import;
  tidy.reader = &reader;
  ok = _distretto_csv_reader_init_input (&reader, import->input, import->filename,
                                        sniff_delimiter (head, len), error) &&
       read_header (&tidy, error) &&
       _distretto_csv_reader_import_blocks (&reader, import, &chunk_parser, &tidy,
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
 * Reads @file, a piece at a time, as distretto_tidy_csv_load_bytes() reads
 * its bytes; only a regular file is read.
 *
 * Returns: (transfer full): a new dataset, or %NULL with @error set
 */
DistrettoDataset *
distretto_tidy_csv_load_file (GFile   *file,
                              GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return _distretto_dataset_load_file_as (file, DISTRETTO_DATA_FORMAT_TIDY_CSV, error);
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

  if (!_distretto_validate_utf8 (data, len, display_name, error))
    return FALSE;

  _distretto_csv_reader_init (&reader, data, len, display_name, ',');

  if (!_distretto_csv_reader_next (&reader, &local_error) ||
      (n_columns = _distretto_csv_reader_n_fields (&reader)) < 3 || n_columns > 4 ||
      !g_str_equal (_distretto_csv_reader_field (&reader, 0), "code") ||
      !g_str_equal (_distretto_csv_reader_field (&reader, 1), "name") ||
      !g_str_equal (_distretto_csv_reader_field (&reader, 2), "national_name") ||
      (n_columns == 4 && !g_str_equal (_distretto_csv_reader_field (&reader, 3), "nuts_version")))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_HEADER, display_name, 1, 1,
                                 _("expected the header “code,name,national_name[,nuts_version]”"));
      return FALSE;
    }

  while (_distretto_csv_reader_next (&reader, &local_error))
    {
      int version = 0;

      if (_distretto_csv_reader_n_fields (&reader) != n_columns)
        {
          _distretto_csv_reader_set_error (&reader, error, 0, DISTRETTO_IMPORT_ERROR_SYNTAX,
                                          /* TRANSLATORS: how many fields the header has, then
                                           * how many the line has */
                                          _("expected %u fields, found %u"), n_columns,
                                          _distretto_csv_reader_n_fields (&reader));
          return FALSE;
        }
      if (!distretto_nuts_code_is_valid (_distretto_csv_reader_field (&reader, 0)))
        {
          _distretto_csv_reader_set_error (&reader, error, 0, DISTRETTO_IMPORT_ERROR_VALUE,
                                          _("expected a NUTS region code, found “%s”"),
                                          _distretto_csv_reader_field (&reader, 0));
          return FALSE;
        }

      if (n_columns == 4 &&
          !_distretto_parse_year (_distretto_csv_reader_field (&reader, 3), MIN_YEAR, MAX_YEAR, &version))
        {
          _distretto_csv_reader_set_error (&reader, error, 3, DISTRETTO_IMPORT_ERROR_VALUE,
                                          _("expected a NUTS version such as 2024, found “%s”"),
                                          _distretto_csv_reader_field (&reader, 3));
          return FALSE;
        }

      for (guint i = 0; i < 3; i++)
        g_ptr_array_add (names, g_strstrip (g_strdup (_distretto_csv_reader_field (&reader, i))));
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

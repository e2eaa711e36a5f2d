/* distretto-sdmx-csv.c: SDMX-CSV, as Eurostat's API serves it
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
#include "distretto-region.h"
#include "distretto-source.h"

/*
 * SDMX-CSV 1.0 (`DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,
 * OBS_FLAG`) and 2.0 (`STRUCTURE,STRUCTURE_ID,[STRUCTURE_NAME,][ACTION,]
 * freq,…,TIME_PERIOD,OBS_VALUE,OBS_FLAG[,CONF_STATUS]`): one observation
 * per line. Column names and codes may carry a label after a colon
 * (`geo:Geopolitical entity`, `ITH3: Veneto`); only the part before it
 * counts, but a geo label names its region. Eurostat's downloads "with
 * labels" instead follow every code column with a column of labels
 * (`freq,Time frequency,…,geo,Geopolitical entity (reporting),TIME_PERIOD,
 * Time,OBS_VALUE,Observation value,OBS_FLAG,…`): told by TIME_PERIOD
 * followed by its labels, then OBS_VALUE. A confidential cell
 * (`CONF_STATUS` C and the like) is missing, with the flag `c`.
 *
 * A row's series code is the table code (the dataflow id, lower-cased:
 * `lfst_r_lfe2en2` from `ESTAT:LFST_R_LFE2EN2(1.0)`) followed by the codes
 * of the dimension columns in header order, leaving out the structure
 * columns, `LAST UPDATE`, freq, geo, TIME_PERIOD and the attributes
 * (OBS_VALUE and what follows it): `lfst_r_lfe2en2.THS.C.Y15-64`. This is
 * the code the Eurostat TSV importer gives the same series.
 */

#define MIN_YEAR 1900
#define MAX_YEAR 2100

/* The table code of files without a DATAFLOW or STRUCTURE_ID column whose
 * name does not give one. */
#define FALLBACK_TABLE "sdmx"

#define EXAMPLE_HEADER "DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG"
#define EXAMPLE_ROW "ESTAT:NAMA_10R_2GDP(1.0),15/03/24 23:00:00,A,MIO_EUR,ITH3,2022,123.4,p"

typedef enum
{
  ROLE_DIMENSION,
  ROLE_IGNORED,       /* STRUCTURE, STRUCTURE_NAME, LAST UPDATE, attributes */
  ROLE_TABLE,         /* DATAFLOW or STRUCTURE_ID */
  ROLE_ACTION,
  ROLE_FREQ,
  ROLE_GEO,
  ROLE_TIME,
  ROLE_VALUE,
  ROLE_FLAG,
  ROLE_CONF,
  ROLE_LABEL,         /* the labels of the column before it */
} ColumnRole;

typedef struct
{
  DistrettoImport *import;
  DistrettoCsvReader reader;
  guint n_header_fields;
  ColumnRole *roles;        /* one per header field */
  GPtrArray *names;         /* char *: the header's column names, labels cut */
  int table_column;         /* the field index of each role, -1 if absent */
  int action_column;
  int freq_column;
  int geo_column;
  int time_column;
  int value_column;
  int flag_column;
  int conf_column;
  int geo_label_column;     /* in a file with label columns, or -1 */

  GString *code;            /* scratch for one field's code */
  GString *series_code;
  char *fallback_table;

  /* Files repeat these line after line. */
  char *last_table_field;
  char *last_table;
  char *last_region;
  guint last_region_index;
  char *last_series;
  guint last_series_index;
} SdmxCsv;

static void
sdmx_csv_clear (SdmxCsv *sdmx)
{
  _distretto_csv_reader_clear (&sdmx->reader);
  g_clear_pointer (&sdmx->roles, g_free);
  g_clear_pointer (&sdmx->names, g_ptr_array_unref);
  if (sdmx->code != NULL)
    g_string_free (sdmx->code, TRUE);
  if (sdmx->series_code != NULL)
    g_string_free (sdmx->series_code, TRUE);
  g_clear_pointer (&sdmx->fallback_table, g_free);
  g_clear_pointer (&sdmx->last_table_field, g_free);
  g_clear_pointer (&sdmx->last_table, g_free);
  g_clear_pointer (&sdmx->last_region, g_free);
  g_clear_pointer (&sdmx->last_series, g_free);
}

/* Picks the delimiter of the header line: `;` when it has more of them
 * than commas (labels in the header may hold either). */
static char
sniff_delimiter (const char *data,
                 gsize       len)
{
  guint commas = 0, semicolons = 0;

  for (gsize i = 0; i < len && data[i] != '\n'; i++)
    {
      commas += data[i] == ',';
      semicolons += data[i] == ';';
    }

  return semicolons > commas ? ';' : ',';
}

/* Sets @out to the code part of @field: what precedes a `:` label,
 * without surrounding spaces. */
static const char *
code_of (GString    *out,
         const char *field)
{
  const char *colon = strchr (field, ':');

  g_string_truncate (out, 0);
  g_string_append_len (out, field, colon ? colon - field : (gssize) strlen (field));
  g_strstrip (out->str);
  out->len = strlen (out->str);

  return out->str;
}

/* A field as quoted in messages: long ones are cut. */
static char *
shorten (const char *text)
{
  return _distretto_shorten (text, -1);
}

/* Sets "file:line:column: EXPECTED, found “FOUND”" for field @index. */
static gboolean
field_error (SdmxCsv     *sdmx,
             GError     **error,
             guint        index,
             int          code,
             const char  *expected,
             const char  *found)
{
  g_autofree char *shown = shorten (found);

  _distretto_csv_reader_set_error (&sdmx->reader, error, index, code,
                                  /* TRANSLATORS: what was expected (“expected a …”), then the
                                   * field found */
                                  _("%s, found “%s”"), expected, shown);
  return FALSE;
}

/* SDMX ids: letters, digits, `_`, `-`, `@` and `$`. */
static gboolean
is_sdmx_id (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("_-@$", *p) == NULL)
      return FALSE;

  return TRUE;
}

static const struct
{
  const char *name;
  ColumnRole role;
} known_columns[] = {
  { "DATAFLOW", ROLE_TABLE },
  { "STRUCTURE_ID", ROLE_TABLE },
  { "STRUCTURE", ROLE_IGNORED },
  { "STRUCTURE_NAME", ROLE_IGNORED },
  { "LAST UPDATE", ROLE_IGNORED },
  { "LAST_UPDATE", ROLE_IGNORED },
  { "ACTION", ROLE_ACTION },
  { "freq", ROLE_FREQ },
  { "geo", ROLE_GEO },
  { "TIME_PERIOD", ROLE_TIME },
  { "OBS_VALUE", ROLE_VALUE },
  { "OBS_FLAG", ROLE_FLAG },
  { "CONF_STATUS", ROLE_CONF },
  { "OBS_STATUS", ROLE_IGNORED },
};

static ColumnRole
role_of (const char *name,
         gboolean    after_value)
{
  for (guint k = 0; k < G_N_ELEMENTS (known_columns); k++)
    if (g_ascii_strcasecmp (name, known_columns[k].name) == 0)
      return known_columns[k].role;

  return after_value ? ROLE_IGNORED : ROLE_DIMENSION;
}

/* Whether @name is, as written, the id of a column with a role: a label
 * may be `Geo`, not `geo`. */
static gboolean
is_column_id (const char *name)
{
  for (guint k = 0; k < G_N_ELEMENTS (known_columns); k++)
    if (g_str_equal (name, known_columns[k].name))
      return known_columns[k].role != ROLE_IGNORED;

  return FALSE;
}

static int *
column_for_role (SdmxCsv    *sdmx,
                 ColumnRole  role)
{
  switch (role)
    {
    case ROLE_TABLE:
      return &sdmx->table_column;
    case ROLE_ACTION:
      return &sdmx->action_column;
    case ROLE_FREQ:
      return &sdmx->freq_column;
    case ROLE_GEO:
      return &sdmx->geo_column;
    case ROLE_TIME:
      return &sdmx->time_column;
    case ROLE_VALUE:
      return &sdmx->value_column;
    case ROLE_FLAG:
      return &sdmx->flag_column;
    case ROLE_CONF:
      return &sdmx->conf_column;
    case ROLE_DIMENSION:
    case ROLE_IGNORED:
    case ROLE_LABEL:
    default:
      return NULL;
    }
}

static gboolean
read_header_field (SdmxCsv  *sdmx,
                   guint     i,
                   GError  **error)
{
  DistrettoCsvReader *reader = &sdmx->reader;
  const char *name = code_of (sdmx->code, _distretto_csv_reader_field (reader, i));
  ColumnRole role = role_of (name, sdmx->value_column != -1);
  int *column = column_for_role (sdmx, role);

  /* A file may give both DATAFLOW and STRUCTURE_ID: either names the table. */
  if (column != NULL && *column != -1 && role != ROLE_TABLE)
    {
      g_autofree char *shown = shorten (name);

      _distretto_csv_reader_set_error (reader, error, i, DISTRETTO_IMPORT_ERROR_HEADER,
                                      _("the column “%s” appears twice in the header"), shown);
      return FALSE;
    }

  if (role == ROLE_DIMENSION && !is_sdmx_id (name))
    return field_error (sdmx, error, i, DISTRETTO_IMPORT_ERROR_HEADER,
                        _("expected a dimension id (letters, digits, “_” or “-”) such as “unit”"),
                        _distretto_csv_reader_field (reader, i));

  if (column != NULL)
    *column = i;
  sdmx->roles[i] = role;
  g_ptr_array_add (sdmx->names, shorten (name));

  return TRUE;
}

static gboolean
check_required_columns (SdmxCsv  *sdmx,
                        GError  **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  const struct { int column; const char *name; } required[] = {
    { sdmx->geo_column, "geo" },
    { sdmx->time_column, "TIME_PERIOD" },
    { sdmx->value_column, "OBS_VALUE" },
  };
  guint n_missing = 0;

  for (guint k = 0; k < G_N_ELEMENTS (required); k++)
    {
      if (required[k].column != -1)
        continue;
      if (missing->len > 0)
        g_string_append (missing, ", ");
      g_string_append_printf (missing, "“%s”", required[k].name);
      n_missing++;
    }

  if (n_missing == 0)
    return TRUE;

  _distretto_csv_reader_set_error (&sdmx->reader, error, 0, DISTRETTO_IMPORT_ERROR_HEADER,
                                  /* TRANSLATORS: the missing column names, then an example header */
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "the header has no %s column: expected an SDMX-CSV "
                                               "header such as “%s”",
                                               "the header has no %s columns: expected an SDMX-CSV "
                                               "header such as “%s”", n_missing),
                                  missing->str, EXAMPLE_HEADER);
  return FALSE;
}

/* Whether each code column is followed by a column of its labels, as in
 * Eurostat's downloads with labels: then TIME_PERIOD is followed by its
 * labels (`Time`), and those by OBS_VALUE. */
static gboolean
has_label_columns (SdmxCsv *sdmx)
{
  DistrettoCsvReader *reader = &sdmx->reader;

  for (guint i = 0; i + 2 < sdmx->n_header_fields; i++)
    {
      if (g_ascii_strcasecmp (code_of (sdmx->code, _distretto_csv_reader_field (reader, i)), "TIME_PERIOD") != 0)
        continue;

      return !is_column_id (code_of (sdmx->code, _distretto_csv_reader_field (reader, i + 1))) &&
             g_ascii_strcasecmp (code_of (sdmx->code, _distretto_csv_reader_field (reader, i + 2)),
                                 "OBS_VALUE") == 0;
    }

  return FALSE;
}

/* The columns that describe the file, not the observation, have no
 * label column after them. */
static gboolean
takes_label (ColumnRole role)
{
  return role != ROLE_TABLE && role != ROLE_IGNORED && role != ROLE_ACTION;
}

static gboolean
read_header (SdmxCsv  *sdmx,
             GError  **error)
{
  DistrettoCsvReader *reader = &sdmx->reader;
  g_autoptr(GError) local_error = NULL;
  gboolean labels;

  sdmx->table_column = sdmx->action_column = sdmx->freq_column = -1;
  sdmx->geo_column = sdmx->time_column = sdmx->value_column = sdmx->flag_column = -1;
  sdmx->conf_column = sdmx->geo_label_column = -1;

  if (!_distretto_csv_reader_next (reader, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_EMPTY,
                                 reader->filename, 1, 1,
                                 /* TRANSLATORS: %s is an example header line */
                                 _("the file is empty: expected an SDMX-CSV header such as “%s”"),
                                 EXAMPLE_HEADER);
      return FALSE;
    }

  sdmx->n_header_fields = _distretto_csv_reader_n_fields (reader);
  if (sdmx->n_header_fields == 1 && strchr (_distretto_csv_reader_field (reader, 0), '\t') != NULL)
    {
      _distretto_csv_reader_set_error (reader, error, 0, DISTRETTO_IMPORT_ERROR_HEADER,
                                      _("expected columns separated by “,” or “;”, found tabs"));
      return FALSE;
    }

  sdmx->roles = g_new0 (ColumnRole, sdmx->n_header_fields);
  sdmx->names = g_ptr_array_new_with_free_func (g_free);
  labels = has_label_columns (sdmx);

  for (guint i = 0; i < sdmx->n_header_fields; i++)
    {
      if (!read_header_field (sdmx, i, error))
        return FALSE;

      if (labels && takes_label (sdmx->roles[i]) && i + 1 < sdmx->n_header_fields)
        {
          const char *label = code_of (sdmx->code, _distretto_csv_reader_field (reader, i + 1));

          /* A column of codes where the labels should be. */
          if (is_column_id (label))
            {
              g_autofree char *shown = shorten (label);

              _distretto_csv_reader_set_error (reader, error, i + 1, DISTRETTO_IMPORT_ERROR_HEADER,
                                              /* TRANSLATORS: the code column's name, then the
                                               * column found after it */
                                              _("expected the labels of “%s” (in a file with labels, "
                                                "each column of codes is followed by one of labels), "
                                                "found the column “%s”"),
                                              (const char *) g_ptr_array_index (sdmx->names, sdmx->names->len - 1),
                                              shown);
              return FALSE;
            }

          if (sdmx->roles[i] == ROLE_GEO)
            sdmx->geo_label_column = i + 1;
          i++;
          sdmx->roles[i] = ROLE_LABEL;
          g_ptr_array_add (sdmx->names, shorten (_distretto_csv_reader_field (reader, i)));
        }
    }

  return check_required_columns (sdmx, error);
}

/* The table code of `ESTAT:NAMA_10R_2GDP(1.0)`, `ESTAT:NAMA_10R_2GDP` or
 * `NAMA_10R_2GDP`, lower-cased; %NULL if it is no SDMX id. */
static char *
table_from_dataflow (const char *text)
{
  g_autofree char *copy = g_strdup (text);
  char *id = copy;
  char *p;

  if ((p = strchr (id, '(')) != NULL)
    *p = '\0';
  if ((p = strchr (id, ':')) != NULL)
    id = p + 1;
  if ((p = strchr (id, ':')) != NULL)
    *p = '\0';
  g_strstrip (id);

  if (!is_sdmx_id (id))
    return NULL;

  return g_ascii_strdown (id, -1);
}

static const char *
read_table (SdmxCsv  *sdmx,
            GError  **error)
{
  DistrettoCsvReader *reader = &sdmx->reader;
  const char *field;
  char *table;

  if (sdmx->table_column == -1)
    {
      if (sdmx->fallback_table == NULL)
        {
          sdmx->fallback_table = _distretto_table_code_from_file_name (sdmx->import->filename, FALLBACK_TABLE);
          distretto_source_set_table_code (sdmx->import->source, sdmx->fallback_table);
        }
      return sdmx->fallback_table;
    }

  field = _distretto_csv_reader_field (reader, sdmx->table_column);
  if (sdmx->last_table_field != NULL && g_str_equal (sdmx->last_table_field, field))
    return sdmx->last_table;

  table = table_from_dataflow (field);
  if (table == NULL)
    {
      field_error (sdmx, error, sdmx->table_column, DISTRETTO_IMPORT_ERROR_VALUE,
                   _("expected a dataflow such as “ESTAT:NAMA_10R_2GDP(1.0)”"), field);
      return NULL;
    }

  if (sdmx->last_table == NULL)
    distretto_source_set_table_code (sdmx->import->source, table);

  g_free (sdmx->last_table_field);
  sdmx->last_table_field = g_strdup (field);
  g_free (sdmx->last_table);
  sdmx->last_table = table;

  return table;
}

static gboolean
check_action (SdmxCsv  *sdmx,
              GError  **error)
{
  const char *action;

  if (sdmx->action_column == -1)
    return TRUE;

  action = code_of (sdmx->code, _distretto_csv_reader_field (&sdmx->reader, sdmx->action_column));
  if (g_str_equal (action, "") || g_str_equal (action, "I") || g_str_equal (action, "A") ||
      g_str_equal (action, "R") || g_str_equal (action, "M"))
    return TRUE;

  return field_error (sdmx, error, sdmx->action_column, DISTRETTO_IMPORT_ERROR_VALUE,
                      _("expected the action I, A, R or M (deletions are not supported)"),
                      _distretto_csv_reader_field (&sdmx->reader, sdmx->action_column));
}

static gboolean
check_freq (SdmxCsv  *sdmx,
            GError  **error)
{
  const char *freq;

  if (sdmx->freq_column == -1)
    return TRUE;

  freq = code_of (sdmx->code, _distretto_csv_reader_field (&sdmx->reader, sdmx->freq_column));
  if (g_str_equal (freq, "A"))
    return TRUE;

  return field_error (sdmx, error, sdmx->freq_column, DISTRETTO_IMPORT_ERROR_VALUE,
                      _("expected the frequency “A” (only annual data is supported)"),
                      _distretto_csv_reader_field (&sdmx->reader, sdmx->freq_column));
}

/* Whether @text, between parentheses, says which country or which NUTS
 * version a name belongs to: `AT`, `NUTS 2013`, `statistical region 2016`. */
static gboolean
is_name_qualifier (const char *text,
                   gsize       len)
{
  static const char *const prefixes[] = { "NUTS ", "statistical region ", "statistical regions " };

  if (len == 2 && g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]))
    return TRUE;

  for (guint k = 0; k < G_N_ELEMENTS (prefixes); k++)
    {
      gsize n = strlen (prefixes[k]);

      if (len == n + 4 && g_ascii_strncasecmp (text, prefixes[k], n) == 0 &&
          g_ascii_isdigit (text[n]) && g_ascii_isdigit (text[n + 1]) &&
          g_ascii_isdigit (text[n + 2]) && g_ascii_isdigit (text[n + 3]))
        return TRUE;
    }

  return FALSE;
}

/*
 * _distretto_region_name_from_label:
 *
 * The name in an Eurostat label: `Burgenland` from `Burgenland (AT)`,
 * `Northern Ireland` from `Northern Ireland (UK) (NUTS 2021)`.
 */
char *
_distretto_region_name_from_label (const char *label)
{
  g_autofree char *name = g_strstrip (g_strdup (label));
  gsize len = strlen (name);

  while (len > 0 && name[len - 1] == ')')
    {
      char *open = g_strrstr_len (name, len, "(");

      if (open == NULL || open == name || open[-1] != ' ' ||
          !is_name_qualifier (open + 1, name + len - 1 - (open + 1)))
        break;

      *open = '\0';
      g_strchomp (name);
      len = strlen (name);
    }

  return g_steal_pointer (&name);
}

/* Names the region after the label of the geo field, `ITH4: Friuli-Venezia
 * Giulia`, or of the column after it, unless it has a name. */
static void
name_region (SdmxCsv *sdmx,
             guint    index)
{
  DistrettoRegion *region = distretto_dataset_get_region_at (sdmx->import->dataset, index);
  const char *label = NULL;
  g_autofree char *name = NULL;

  if (distretto_region_get_name (region) != NULL)
    return;

  if (sdmx->geo_label_column != -1)
    label = _distretto_csv_reader_field (&sdmx->reader, sdmx->geo_label_column);
  else if ((label = strchr (_distretto_csv_reader_field (&sdmx->reader, sdmx->geo_column), ':')) != NULL)
    label++;

  if (label == NULL)
    return;

  name = _distretto_region_name_from_label (label);
  if (*name != '\0')
    distretto_region_set_name (region, name);
}

static gboolean
read_region (SdmxCsv  *sdmx,
             guint    *region,
             GError  **error)
{
  const char *code = code_of (sdmx->code, _distretto_csv_reader_field (&sdmx->reader, sdmx->geo_column));

  if (!distretto_nuts_code_is_valid (code))
    return field_error (sdmx, error, sdmx->geo_column, DISTRETTO_IMPORT_ERROR_VALUE,
                        _("expected a NUTS region code such as “ITH3”"),
                        _distretto_csv_reader_field (&sdmx->reader, sdmx->geo_column));

  if (sdmx->last_region == NULL || !g_str_equal (sdmx->last_region, code))
    {
      g_free (sdmx->last_region);
      sdmx->last_region = g_strdup (code);
      sdmx->last_region_index = _distretto_dataset_intern_region (sdmx->import->dataset, code);
      name_region (sdmx, sdmx->last_region_index);
    }

  *region = sdmx->last_region_index;
  return TRUE;
}

static gboolean
read_year (SdmxCsv  *sdmx,
           int      *year,
           GError  **error)
{
  const char *period = code_of (sdmx->code, _distretto_csv_reader_field (&sdmx->reader, sdmx->time_column));
  gboolean four_digits = strlen (period) == 4;
  gint64 parsed;

  for (guint k = 0; k < 4 && four_digits; k++)
    four_digits = g_ascii_isdigit (period[k]);

  if (!four_digits)
    return field_error (sdmx, error, sdmx->time_column, DISTRETTO_IMPORT_ERROR_VALUE,
                        _("expected an annual period such as “2022” (only annual data is supported)"),
                        _distretto_csv_reader_field (&sdmx->reader, sdmx->time_column));

  if (!g_ascii_string_to_signed (period, 10, MIN_YEAR, MAX_YEAR, &parsed, NULL))
    {
                                                   /* TRANSLATORS: the first and the last year
                                                    * read */
      g_autofree char *expected = g_strdup_printf (_("expected a year between %d and %d"), MIN_YEAR, MAX_YEAR);

      return field_error (sdmx, error, sdmx->time_column, DISTRETTO_IMPORT_ERROR_VALUE, expected,
                          _distretto_csv_reader_field (&sdmx->reader, sdmx->time_column));
    }

  *year = (int) parsed;
  return TRUE;
}

static gboolean
read_value (SdmxCsv  *sdmx,
            double   *value,
            GError  **error)
{
  const char *text = _distretto_csv_reader_field (&sdmx->reader, sdmx->value_column);
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autofree char *expected = NULL;

  if (*copy == '\0' || g_str_equal (copy, ":") || g_str_equal (copy, "NaN"))
    {
      *value = NAN;
      return TRUE;
    }

  if (_distretto_parse_double (copy, value))
    return TRUE;

  expected = g_strconcat (_("expected a number (or an empty field for a missing value)"),
                          _distretto_number_problem (copy), NULL);
  return field_error (sdmx, error, sdmx->value_column, DISTRETTO_IMPORT_ERROR_VALUE, expected, text);
}

static gboolean
read_flags (SdmxCsv         *sdmx,
            DistrettoFlags  *flags,
            GError         **error)
{
  g_autofree char *expected = NULL;
  const char *text;

  *flags = DISTRETTO_FLAGS_NONE;
  if (sdmx->flag_column == -1)
    return TRUE;

  text = code_of (sdmx->code, _distretto_csv_reader_field (&sdmx->reader, sdmx->flag_column));
  if (distretto_flags_parse (text, flags))
    return TRUE;

  expected = g_strdup_printf (_("expected flags among %s"), _distretto_flags_known ());
  return field_error (sdmx, error, sdmx->flag_column, DISTRETTO_IMPORT_ERROR_VALUE, expected,
                      _distretto_csv_reader_field (&sdmx->reader, sdmx->flag_column));
}

/* SDMX's confidentiality statuses: F is free, the others withhold the
 * value (C confidential, D and S secondary, A, O, T and G primary
 * confidentiality, N not for publication). */
static gboolean
read_confidentiality (SdmxCsv         *sdmx,
                      DistrettoFlags  *flags,
                      GError         **error)
{
  const char *status;

  if (sdmx->conf_column == -1)
    return TRUE;

  status = code_of (sdmx->code, _distretto_csv_reader_field (&sdmx->reader, sdmx->conf_column));
  if (*status == '\0' || g_str_equal (status, "F"))
    return TRUE;

  if (strlen (status) == 1 && strchr ("CDSAOTGN", *status) != NULL)
    {
      *flags |= DISTRETTO_FLAGS_CONFIDENTIAL;
      return TRUE;
    }

  return field_error (sdmx, error, sdmx->conf_column, DISTRETTO_IMPORT_ERROR_VALUE,
                      _("expected a confidentiality status such as F (free) or C (confidential)"),
                      _distretto_csv_reader_field (&sdmx->reader, sdmx->conf_column));
}

/* The table and the dimension codes of the series just interned. */
static void
describe_series (SdmxCsv    *sdmx,
                 const char *table)
{
  DistrettoSeries *series = distretto_dataset_get_series (sdmx->import->dataset, sdmx->last_series);

  if (distretto_series_get_table (series) != NULL)
    return;

  distretto_series_set_table (series, table);
  for (guint i = 0; i < sdmx->n_header_fields; i++)
    if (sdmx->roles[i] == ROLE_DIMENSION)
      distretto_series_set_dimension (series, g_ptr_array_index (sdmx->names, i),
                                      code_of (sdmx->code, _distretto_csv_reader_field (&sdmx->reader, i)));
}

static gboolean
read_series (SdmxCsv  *sdmx,
             guint    *series,
             GError  **error)
{
  DistrettoCsvReader *reader = &sdmx->reader;
  const char *table = read_table (sdmx, error);

  if (table == NULL)
    return FALSE;

  g_string_assign (sdmx->series_code, table);
  for (guint i = 0; i < sdmx->n_header_fields; i++)
    {
      const char *code;

      if (sdmx->roles[i] != ROLE_DIMENSION)
        continue;

      code = code_of (sdmx->code, _distretto_csv_reader_field (reader, i));
      if (*code == '\0')
        {
          _distretto_csv_reader_set_error (reader, error, i, DISTRETTO_IMPORT_ERROR_VALUE,
                                          _("expected a code for the dimension “%s”, found an "
                                            "empty field"),
                                          (const char *) g_ptr_array_index (sdmx->names, i));
          return FALSE;
        }
      g_string_append_c (sdmx->series_code, '.');
      g_string_append (sdmx->series_code, code);
    }

  if (sdmx->last_series == NULL || !g_str_equal (sdmx->last_series, sdmx->series_code->str))
    {
      g_free (sdmx->last_series);
      sdmx->last_series = g_strdup (sdmx->series_code->str);
      sdmx->last_series_index = _distretto_dataset_intern_series (sdmx->import->dataset,
                                                                  sdmx->last_series,
                                                                  sdmx->import->source_index);
      describe_series (sdmx, table);
    }

  *series = sdmx->last_series_index;
  return TRUE;
}

static gboolean
read_record (SdmxCsv  *sdmx,
             GError  **error)
{
  DistrettoCsvReader *reader = &sdmx->reader;
  guint n_fields = _distretto_csv_reader_n_fields (reader);
  DistrettoFlags flags;
  guint region, series;
  double value;
  int year;

  if (n_fields != sdmx->n_header_fields)
    {
      _distretto_csv_reader_set_error (reader, error, MIN (n_fields, sdmx->n_header_fields),
                                      DISTRETTO_IMPORT_ERROR_SYNTAX,
                                      /* TRANSLATORS: how many fields the header has, then how
                                       * many the line has */
                                      _("expected %u fields as in the header, found %u"),
                                      sdmx->n_header_fields, n_fields);
      return FALSE;
    }

  if (!check_action (sdmx, error) ||
      !check_freq (sdmx, error) ||
      !read_region (sdmx, &region, error) ||
      !read_year (sdmx, &year, error) ||
      !read_value (sdmx, &value, error) ||
      !read_flags (sdmx, &flags, error) ||
      !read_confidentiality (sdmx, &flags, error) ||
      !read_series (sdmx, &series, error))
    return FALSE;

  return _distretto_dataset_add_cell (sdmx->import->dataset, series, region, year, value, flags,
                                      sdmx->import->source_index, reader->line, error);
}

static gboolean
read_record_cb (gpointer   user_data,
                GError   **error)
{
  return read_record (user_data, error);
}

gboolean
_distretto_sdmx_csv_import (DistrettoImport  *import,
                            GError          **error)
{
  SdmxCsv sdmx = { 0 };
  const char *head;
  gsize len;
  gboolean ok;

  head = _distretto_input_peek (import->input, DISTRETTO_SNIFF_LENGTH, &len, error);
  if (head == NULL)
    return FALSE;

  sdmx.import = import;
  sdmx.code = g_string_new (NULL);
  sdmx.series_code = g_string_new (NULL);

  ok = _distretto_csv_reader_init_input (&sdmx.reader, import->input, import->filename,
                                        sniff_delimiter (head, len), error) &&
       read_header (&sdmx, error) &&
       _distretto_csv_reader_import_records (&sdmx.reader, import, read_record_cb, &sdmx,
                                            EXAMPLE_ROW, error);

  sdmx_csv_clear (&sdmx);
  return ok;
}

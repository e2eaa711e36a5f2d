/* distretto-data-format.c: telling formats apart, and loading any of them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "distretto-data-format.h"
#include "distretto-eurostat-private.h"
#include "distretto-import-error.h"
#include "distretto-import-private.h"

#define TICK_EVERY 4096

/* How much of the head of a file the detection looks at. */
#define DETECT_LENGTH 4096

gboolean
_distretto_import_tick (DistrettoImport  *import,
                        gsize             done,
                        gsize             total,
                        GError          **error)
{
  return _distretto_import_tick_by (import, 1, done, total, error);
}

/* Counts @n records read at once, reporting when it passes TICK_EVERY. */
gboolean
_distretto_import_tick_by (DistrettoImport  *import,
                           guint             n,
                           gsize             done,
                           gsize             total,
                           GError          **error)
{
  guint before = import->ticks;

  import->ticks += n;
  if (before / TICK_EVERY == import->ticks / TICK_EVERY)
    return TRUE;

  return _distretto_import_report (import, done, total, error);
}

/*
 * The rest of the input brings new regions at the pace the input read
 * since the last report did (give or take a quarter): the dataset makes
 * room for them at once. A file sorted by region keeps its pace; one
 * sorted by indicator met all its regions early, and expects no more.
 */
static void
expect_regions (DistrettoImport *import,
                gsize            done,
                gsize            total)
{
  guint n_regions = distretto_dataset_get_n_regions (import->dataset);

  /* The input is read a window at a time: between two windows, the pace
   * is not known. */
  if (import->last_done > 0 && done == import->last_done)
    return;

  if (import->last_done > 0 && total > done)
    {
      double pace = (double) (n_regions - MIN (import->last_n_regions, n_regions)) /
                    (double) (done - import->last_done);
      double expected = (n_regions + pace * (double) (total - done)) * 1.25;

      _distretto_dataset_expect_regions (import->dataset, (guint) MIN (expected, (double) G_MAXUINT));
    }

  import->last_done = done;
  import->last_n_regions = n_regions;
}

/* Reports progress now, and fails if the import is cancelled. */
gboolean
_distretto_import_report (DistrettoImport  *import,
                          gsize             done,
                          gsize             total,
                          GError          **error)
{
  if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
    return FALSE;

  expect_regions (import, done, total);

  if (import->progress != NULL)
    import->progress (import, done, total, import->progress_data);

  return TRUE;
}

static const char *
skip_bom_and_space (const char *p,
                    const char *end)
{
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

static gboolean
contains (const char *haystack,
          gsize       len,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (g_ascii_strncasecmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static DistrettoDataFormat
detect (const char *data,
        gsize       len)
{
  const char *end, *p, *eol, *tab;
  gsize head;

  if (data == NULL || len == 0)
    return DISTRETTO_DATA_FORMAT_TIDY_CSV;

  head = MIN (len, DETECT_LENGTH);
  if (memchr (data, '\0', head) != NULL)
    return DISTRETTO_DATA_FORMAT_UNKNOWN;

  end = data + head;
  p = skip_bom_and_space (data, end);

  if (p < end && *p == '{')
    {
      if (contains (p, end - p, "\"FeatureCollection\"") || contains (p, end - p, "\"features\""))
        return DISTRETTO_DATA_FORMAT_GEOJSON;
      return DISTRETTO_DATA_FORMAT_JSON_STAT;
    }

  /* A JSON array: the JSON-stat importer says what it should be. */
  if (p < end && *p == '[')
    return DISTRETTO_DATA_FORMAT_JSON_STAT;

  eol = memchr (p, '\n', end - p);
  if (eol == NULL)
    eol = end;

  tab = memchr (p, '\t', eol - p);
  if (tab != NULL && memchr (p, '\\', tab - p) != NULL)
    return DISTRETTO_DATA_FORMAT_EUROSTAT_TSV;

  if (g_ascii_strncasecmp (p, "DATAFLOW", 8) == 0 ||
      g_ascii_strncasecmp (p, "STRUCTURE", 9) == 0 ||
      (contains (p, eol - p, "TIME_PERIOD") && contains (p, eol - p, "OBS_VALUE")))
    return DISTRETTO_DATA_FORMAT_SDMX_CSV;

  return DISTRETTO_DATA_FORMAT_TIDY_CSV;
}

/**
 * distretto_data_format_detect:
 * @bytes: the start of a file, or all of it, uncompressed
 *
 * Tells the format from the content: JSON objects are GeoJSON when they
 * hold a FeatureCollection, JSON-stat otherwise (and so are JSON arrays); a tab-separated header
 * whose first cell holds `\` (`geo\time`) is Eurostat TSV; a header with
 * `DATAFLOW` or `STRUCTURE` first, or with `TIME_PERIOD` and `OBS_VALUE`,
 * is SDMX-CSV; other text is taken for tidy CSV.
 *
 * Returns: the format, %DISTRETTO_DATA_FORMAT_UNKNOWN for binary data
 */
DistrettoDataFormat
distretto_data_format_detect (GBytes *bytes)
{
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, DISTRETTO_DATA_FORMAT_UNKNOWN);

  data = g_bytes_get_data (bytes, &len);
  return detect (data, len);
}

/**
 * distretto_data_format_get_name:
 * @format: a #DistrettoDataFormat
 *
 * Returns: the format's name, as shown to people
 */
const char *
distretto_data_format_get_name (DistrettoDataFormat format)
{
  switch (format)
    {
    case DISTRETTO_DATA_FORMAT_TIDY_CSV:
      return "tidy CSV";
    case DISTRETTO_DATA_FORMAT_EUROSTAT_TSV:
      return "Eurostat TSV";
    case DISTRETTO_DATA_FORMAT_SDMX_CSV:
      return "SDMX-CSV";
    case DISTRETTO_DATA_FORMAT_JSON_STAT:
      return "JSON-stat";
    case DISTRETTO_DATA_FORMAT_GEOJSON:
      return "GeoJSON";
    case DISTRETTO_DATA_FORMAT_UNKNOWN:
    default:
      return "unknown";
    }
}

static gboolean
is_gzip (GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  return len >= 2 && data[0] == 0x1f && data[1] == 0x8b;
}

/**
 * distretto_data_uncompress:
 * @bytes: a file's contents
 * @error: return location for a #GError
 *
 * Returns @bytes unchanged, or uncompressed when they are gzip data (as
 * Eurostat's bulk downloads are), every member of it. The data may unpack
 * to 250 times its size and 512 MiB at most.
 *
 * Returns: (transfer full): the uncompressed contents, or %NULL with @error set
 */
GBytes *
distretto_data_uncompress (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(DistrettoInput) input = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!is_gzip (bytes))
    return g_bytes_ref (bytes);

  input = _distretto_input_new_bytes (bytes, _("gzip data"), NULL);
  return _distretto_input_read_all (input, DISTRETTO_INPUT_MAX_WHOLE, error);
}

typedef gboolean (*ImportFunc) (DistrettoImport *, GError **);

static ImportFunc
importer_for (DistrettoDataFormat format)
{
  switch (format)
    {
    case DISTRETTO_DATA_FORMAT_TIDY_CSV:
      return _distretto_tidy_csv_import;
    case DISTRETTO_DATA_FORMAT_EUROSTAT_TSV:
      return _distretto_eurostat_tsv_import;
    case DISTRETTO_DATA_FORMAT_SDMX_CSV:
      return _distretto_sdmx_csv_import;
    case DISTRETTO_DATA_FORMAT_JSON_STAT:
      return _distretto_json_stat_import;
    case DISTRETTO_DATA_FORMAT_GEOJSON:
    case DISTRETTO_DATA_FORMAT_UNKNOWN:
    default:
      return NULL;
    }
}

/*
 * _distretto_table_code_from_file_name:
 * @display_name: a file's name or path
 * @fallback: (nullable): what to return when the name is no table code
 *
 * The table code Eurostat names its files after: `nama_10r_2gdp` from
 * `…/nama_10r_2gdp.tsv.gz`, when the name is such a code (lower-case
 * letters, digits and `_`).
 *
 * Returns: (transfer full) (nullable): the code, or a copy of @fallback
 */
char *
_distretto_table_code_from_file_name (const char *display_name,
                                      const char *fallback)
{
  g_autofree char *base = g_path_get_basename (display_name);
  char *dot = strchr (base, '.');

  if (dot != NULL)
    *dot = '\0';

  for (const char *p = base; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return g_strdup (fallback);

  return g_strdup (*base ? base : fallback);
}

static gboolean
is_utf16 (const char *data,
          gsize       len)
{
  return len >= 2 &&
         (((guint8) data[0] == 0xFF && (guint8) data[1] == 0xFE) ||
          ((guint8) data[0] == 0xFE && (guint8) data[1] == 0xFF));
}

/* Tells the format of @input from its head; %FALSE with @error set when
 * it cannot be read at all. */
static gboolean
detect_input (DistrettoInput       *input,
              DistrettoDataFormat  *format,
              GError              **error)
{
  gsize len;
  const char *head = _distretto_input_peek (input, DISTRETTO_SNIFF_LENGTH, &len, error);

  if (head == NULL)
    return FALSE;

  if (is_utf16 (head, len))
    {
      _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_ENCODING,
                               _distretto_input_get_name (input), 1, 1,
                               _("this is UTF-16 text, which Distretto does not read: save the "
                                 "file as UTF-8"));
      return FALSE;
    }

  *format = detect (head, len);
  return TRUE;
}

/*
 * load_input:
 *
 * Imports @input as @format into a new dataset; nothing of a file with an
 * error is kept.
 */
static DistrettoDataset *
load_input (DistrettoInput           *input,
            DistrettoDataFormat       format,
            GCancellable             *cancellable,
            DistrettoImportProgress   progress,
            gpointer                  progress_data,
            GError                  **error)
{
  g_autoptr(DistrettoDataset) dataset = distretto_dataset_new ();
  g_autoptr(DistrettoSource) source = NULL;
  const char *display_name = _distretto_input_get_name (input);
  DistrettoImport import = { 0 };
  ImportFunc import_func = importer_for (format);

  if (import_func == NULL)
    {
      _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_FORMAT,
                               display_name, 0, 0, "%s",
                               format == DISTRETTO_DATA_FORMAT_GEOJSON
                               ? _("this is a boundary file: use it with --boundaries")
                               : _("expected tidy CSV, Eurostat TSV, SDMX-CSV or JSON-stat, found "
                                   "binary data"));
      return NULL;
    }

  source = distretto_source_new (display_name, distretto_data_format_get_name (format));
  if (format == DISTRETTO_DATA_FORMAT_EUROSTAT_TSV)
    {
      g_autofree char *table = _distretto_table_code_from_file_name (display_name, NULL);
      distretto_source_set_table_code (source, table);
    }

  import.dataset = dataset;
  import.input = input;
  import.source = source;
  import.source_index = _distretto_dataset_add_source (dataset, source);
  import.filename = display_name;
  import.cancellable = cancellable;
  import.progress = progress;
  import.progress_data = progress_data;

  if (!import_func (&import, error))
    return NULL;

  return g_steal_pointer (&dataset);
}

DistrettoDataset *
_distretto_dataset_load_bytes_as (GBytes               *bytes,
                                  const char           *display_name,
                                  DistrettoDataFormat   format,
                                  GError              **error)
{
  g_autoptr(DistrettoInput) input = _distretto_input_new_bytes (bytes, display_name, NULL);

  return load_input (input, format, NULL, NULL, NULL, error);
}

DistrettoDataset *
_distretto_dataset_load_file_as (GFile                *file,
                                 DistrettoDataFormat   format,
                                 GError              **error)
{
  g_autoptr(DistrettoInput) input = _distretto_input_open_file (file, NULL, error);

  if (input == NULL)
    return NULL;

  return load_input (input, format, NULL, NULL, NULL, error);
}

/**
 * distretto_dataset_load_bytes:
 * @bytes: a file's contents, possibly gzip-compressed
 * @display_name: the name to use in messages
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Detects the format of @bytes and loads them into a new dataset. The
 * first problem fails the whole load: a file is never half-loaded.
 *
 * Returns: (transfer full): a new dataset, or %NULL with @error set
 */
DistrettoDataset *
distretto_dataset_load_bytes (GBytes        *bytes,
                              const char    *display_name,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(DistrettoInput) input = NULL;
  DistrettoDataFormat format;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  input = _distretto_input_new_bytes (bytes, display_name, cancellable);
  if (!detect_input (input, &format, error))
    return NULL;

  return load_input (input, format, cancellable, NULL, NULL, error);
}

typedef struct
{
  DistrettoProgressFunc func;
  gpointer data;
} Progress;

/* Where the file's data come from: its URI, and its download from
 * Eurostat when the cache's `.info` beside it records one. */
static void
note_file (DistrettoDataset *dataset,
           GFile            *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GDateTime) downloaded = NULL;
  g_autofree char *url = NULL;

  if (path != NULL)
    _distretto_eurostat_cache_read_info (path, &downloaded, &url);

  for (guint i = 0; i < distretto_dataset_get_n_sources (dataset); i++)
    {
      DistrettoSource *source = distretto_dataset_get_source_at (dataset, i);

      distretto_source_set_location (source, uri);
      if (downloaded != NULL)
        distretto_source_set_download (source, downloaded, url);
    }
}

static void
on_import_progress (DistrettoImport *import,
                    gsize            done,
                    gsize            total,
                    gpointer         user_data)
{
  Progress *progress = user_data;

  if (progress->func != NULL && total > 0)
    progress->func ((double) MIN (done, total) / total, progress->data);
}

/**
 * distretto_dataset_load_file:
 * @file: a data file in any format Distretto reads, possibly gzip-compressed
 * @cancellable: (nullable): a #GCancellable
 * @progress: (scope call) (nullable): called with the share of the file read
 * @progress_data: (closure progress): data for @progress
 * @error: return location for a #GError
 *
 * Loads @file into a new dataset; see distretto_dataset_load_bytes().
 * CSV and TSV files are read a piece at a time, in one pass, so memory
 * holds the dataset and little of the file; tidy CSV files are read on
 * every core (`DISTRETTO_LOAD_THREADS` sets how many threads), with the
 * same result, or the same first error, as on one; JSON-stat files are read
 * whole, up to 512 MiB. gzip data may unpack to 250 times its size and
 * 8 GiB at most. Only regular files are read: a folder, a pipe or a
 * device is refused. A file that shrinks while it is read is an error.
 *
 * Returns: (transfer full): a new dataset, or %NULL with @error set
 */
DistrettoDataset *
distretto_dataset_load_file (GFile                  *file,
                             GCancellable           *cancellable,
                             DistrettoProgressFunc   progress_func,
                             gpointer                progress_data,
                             GError                **error)
{
  g_autoptr(DistrettoInput) input = NULL;
  DistrettoDataset *dataset;
  Progress progress = { progress_func, progress_data };
  DistrettoDataFormat format;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Every error names the file. */
  input = _distretto_input_open_file (file, cancellable, error);
  if (input == NULL || !detect_input (input, &format, error))
    return NULL;

  dataset = load_input (input, format, cancellable, on_import_progress, &progress, error);

  if (dataset != NULL)
    note_file (dataset, file);
  if (dataset != NULL && progress_func != NULL)
    progress_func (1.0, progress_data);

  return dataset;
}

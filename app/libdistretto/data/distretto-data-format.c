/* distretto-data-format.c: telling formats apart, and loading any of them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "distretto-data-format.h"
#include "distretto-import-error.h"
#include "distretto-import-private.h"

#define TICK_EVERY 4096

/* How much of the head of a file the detection looks at. */
#define SNIFF_LENGTH 4096

gboolean
_distretto_import_tick (DistrettoImport  *import,
                        gsize             done,
                        gsize             total,
                        GError          **error)
{
  if (++import->ticks % TICK_EVERY != 0)
    return TRUE;

  if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
    return FALSE;

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

/**
 * distretto_data_format_detect:
 * @bytes: the start of a file, or all of it, uncompressed
 *
 * Tells the format from the content: JSON objects are GeoJSON when they
 * hold a FeatureCollection, JSON-stat otherwise; a tab-separated header
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
  const char *data = g_bytes_get_data (bytes, &len);
  const char *end, *p, *eol, *tab;
  gsize head;

  g_return_val_if_fail (bytes != NULL, DISTRETTO_DATA_FORMAT_UNKNOWN);

  if (data == NULL || len == 0)
    return DISTRETTO_DATA_FORMAT_TIDY_CSV;

  head = MIN (len, SNIFF_LENGTH);
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
 * Eurostat's bulk downloads are).
 *
 * Returns: (transfer full): the uncompressed contents, or %NULL with @error set
 */
GBytes *
distretto_data_uncompress (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GInputStream) memory = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) out = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!is_gzip (bytes))
    return g_bytes_ref (bytes);

  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  memory = g_memory_input_stream_new_from_bytes (bytes);
  stream = g_converter_input_stream_new (memory, G_CONVERTER (decompressor));
  out = g_memory_output_stream_new_resizable ();

  if (g_output_stream_splice (out, stream,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, error) < 0)
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

typedef gboolean (*ImportFunc) (DistrettoImport *, const char *, gsize, GError **);

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

/*
 * load_data:
 *
 * Imports @data as @format into a new dataset; nothing of a file with an
 * error is kept.
 */
static DistrettoDataset *
load_data (const char               *data,
           gsize                     len,
           const char               *display_name,
           DistrettoDataFormat       format,
           GCancellable             *cancellable,
           DistrettoImportProgress   progress,
           gpointer                  progress_data,
           GError                  **error)
{
  g_autoptr(DistrettoDataset) dataset = distretto_dataset_new ();
  g_autoptr(DistrettoSource) source = NULL;
  DistrettoImport import = { 0 };
  ImportFunc import_func = importer_for (format);

  if (import_func == NULL)
    {
      g_set_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_FORMAT,
                   format == DISTRETTO_DATA_FORMAT_GEOJSON
                   ? "%s: this is a boundary file: use it with --boundaries"
                   : "%s: expected tidy CSV, Eurostat TSV, SDMX-CSV or JSON-stat, found binary data",
                   display_name);
      return NULL;
    }

  source = distretto_source_new (display_name, distretto_data_format_get_name (format));
  if (format == DISTRETTO_DATA_FORMAT_EUROSTAT_TSV)
    {
      g_autofree char *table = _distretto_table_code_from_file_name (display_name, NULL);
      distretto_source_set_table_code (source, table);
    }

  import.dataset = dataset;
  import.source = source;
  import.source_index = _distretto_dataset_add_source (dataset, source);
  import.filename = display_name;
  import.cancellable = cancellable;
  import.progress = progress;
  import.progress_data = progress_data;

  if (!import_func (&import, data, len, error))
    return NULL;

  return g_steal_pointer (&dataset);
}

DistrettoDataset *
_distretto_dataset_load_bytes_as (GBytes               *bytes,
                                  const char           *display_name,
                                  DistrettoDataFormat   format,
                                  GError              **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return load_data (data ? data : "", len, display_name, format, NULL, NULL, NULL, error);
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
  g_autoptr(GBytes) plain = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  plain = distretto_data_uncompress (bytes, error);
  if (plain == NULL)
    return NULL;

  data = g_bytes_get_data (plain, &len);
  return load_data (data ? data : "", len, display_name, distretto_data_format_detect (plain),
                    cancellable, NULL, NULL, error);
}

typedef struct
{
  DistrettoProgressFunc func;
  gpointer data;
  const char *mapping;     /* the mapped file, or NULL */
  gsize released;          /* bytes handed back to the kernel */
} Progress;

#define RELEASE_CHUNK (8 * 1024 * 1024)

static void
on_import_progress (DistrettoImport *import,
                    gsize            done,
                    gsize            total,
                    gpointer         user_data)
{
  Progress *progress = user_data;

  /* Pages already parsed are dropped, so a large file does not stay
   * resident: importers copy what they keep. */
  if (progress->mapping != NULL && done > progress->released + RELEASE_CHUNK)
    {
      gsize page = (gsize) sysconf (_SC_PAGESIZE);
      gsize upto = (done - RELEASE_CHUNK / 2) / page * page;

      if (upto > progress->released)
        {
          madvise ((void *) (progress->mapping + progress->released), upto - progress->released, MADV_DONTNEED);
          progress->released = upto;
        }
    }

  if (progress->func != NULL && total > 0)
    progress->func ((double) done / total, progress->data);
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
 * Local files are mapped, not copied, and read in one pass, so memory
 * holds the dataset and little of the file.
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
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) plain = NULL;
  DistrettoDataset *dataset;
  Progress progress = { progress_func, progress_data, NULL, 0 };
  const char *data;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  path = g_file_get_path (file);

  if (path != NULL)
    {
      /* The error message names the file already. */
      mapped = g_mapped_file_new (path, FALSE, error);
      if (mapped == NULL)
        return NULL;
      bytes = g_mapped_file_get_bytes (mapped);
    }
  else
    {
      bytes = g_file_load_bytes (file, cancellable, NULL, error);
      if (bytes == NULL)
        return NULL;
    }

  if (is_gzip (bytes))
    {
      plain = distretto_data_uncompress (bytes, error);
      if (plain == NULL)
        return NULL;
    }
  else
    {
      plain = g_bytes_ref (bytes);
      progress.mapping = mapped ? g_mapped_file_get_contents (mapped) : NULL;
    }

  data = g_bytes_get_data (plain, &len);
  dataset = load_data (data ? data : "", len, name, distretto_data_format_detect (plain),
                       cancellable, on_import_progress, &progress, error);

  if (dataset != NULL && progress_func != NULL)
    progress_func (1.0, progress_data);

  return dataset;
}

/* test-parallel-load.c: a tidy CSV read on several threads gives what it
 * gives read on one: the same dataset bit for bit, or the same error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * DISTRETTO_LOAD_THREADS=1 reads on the calling thread alone, the way
 * Distretto always read. The parallel loads use 4 threads, whatever the
 * machine, and chunks of 333 bytes (DISTRETTO_LOAD_CHUNK_SIZE): a file of
 * a hundred KiB spans hundreds of chunks and dozens of blocks, and records
 * straddle the nominal chunk boundaries everywhere. The environment is set
 * between loads, when no thread of the test runs (the pool's threads never
 * read it).
 */
#define THREADS     "4"
#define SMALL_CHUNK "333"

#define N_REGIONS 40
#define N_SERIES  12
#define N_YEARS   8

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = distretto_test_make_dir ("distretto-parallel-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  distretto_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* ---- Files ------------------------------------------------------------ */

typedef enum
{
  SHUFFLED   = 1 << 0,    /* cells in random order, not region by region */
  CRLF       = 1 << 1,
  SEMICOLON  = 1 << 2,
  BOM        = 1 << 3,
  QUOTES     = 1 << 4,    /* some fields quoted */
  BLANKS     = 1 << 5,    /* blank lines, some of spaces */
  NO_LAST_LF = 1 << 6,    /* the last line has no line end */
  VERSIONS   = 1 << 7,    /* a nuts_version column, often empty */
  LONG_CODES = 1 << 8,    /* a series code longer than a block */
} Shape;

typedef struct
{
  GString *text;
  GArray *lines;          /* guint: the line of each cell, in grid order */
  guint n_lines;          /* lines written so far */
} Csv;

static void
csv_clear (Csv *csv)
{
  g_string_free (csv->text, TRUE);
  g_array_unref (csv->lines);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Csv, csv_clear)

static void
region_code (guint r,
             char  code[8])
{
  g_snprintf (code, 8, "D%c%c%u", 'A' + r % 26, 'A' + (r / 26) % 26, 1 + r % 9);
}

static char *
series_code (guint s,
             Shape shape)
{
  /* One code of 9000 characters: its lines are longer than a block of
   * the parallel loads (4 threads × 4 chunks × 333 bytes). */
  if ((shape & LONG_CODES) && s == 3)
    {
      GString *code = g_string_new ("long_");

      for (guint i = 0; i < 9000; i++)
        g_string_append_c (code, 'a' + i % 26);
      return g_string_free (code, FALSE);
    }

  return g_strdup_printf ("s%02u", s);
}

static void
end_line (Csv   *csv,
          Shape  shape)
{
  g_string_append (csv->text, (shape & CRLF) ? "\r\n" : "\n");
  csv->n_lines++;
}

static void
maybe_quoted (GString    *text,
              const char *field,
              gboolean    quote)
{
  if (quote)
    g_string_append_c (text, '"');
  g_string_append (text, field);
  if (quote)
    g_string_append_c (text, '"');
}

/* A tidy CSV of every cell of the grid, in a seeded random shape. */
static void
csv_init (Csv    *csv,
          Shape   shape,
          guint32 seed)
{
  static const char *flags[] = { "", "", "", "", "e", "bu", "p", "c|imputed" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  char delimiter = (shape & SEMICOLON) ? ';' : ',';
  guint n_cells = N_REGIONS * N_SERIES * N_YEARS;

  csv->text = g_string_new ((shape & BOM) ? "\xEF\xBB\xBF" : "");
  csv->lines = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (csv->lines, n_cells);
  csv->n_lines = 0;

  g_string_append (csv->text, (shape & SEMICOLON) ? "region;indicator;year;value;flag"
                                                  : "region,indicator,year,value,flag");
  if (shape & VERSIONS)
    g_string_append (csv->text, ",nuts_version");
  end_line (csv, shape);

  for (guint i = 0; i < n_cells; i++)
    g_array_append_val (order, i);
  if (shape & SHUFFLED)
    for (guint i = n_cells - 1; i > 0; i--)
      {
        guint j = g_rand_int_range (rand, 0, i + 1);
        guint swap = g_array_index (order, guint, i);

        g_array_index (order, guint, i) = g_array_index (order, guint, j);
        g_array_index (order, guint, j) = swap;
      }

  for (guint k = 0; k < n_cells; k++)
    {
      guint cell = g_array_index (order, guint, k);
      guint r = cell / (N_SERIES * N_YEARS), s = cell / N_YEARS % N_SERIES, y = cell % N_YEARS;
      g_autofree char *series = series_code (s, shape);
      char region[8], value[32], year[16];
      int decimals = g_rand_int_range (rand, 0, 5);

      if ((shape & BLANKS) && g_rand_int_range (rand, 0, 40) == 0)
        {
          g_string_append (csv->text, g_rand_boolean (rand) ? "  \t" : "");
          end_line (csv, shape);
        }

      region_code (r, region);
      if (g_rand_int_range (rand, 0, 30) == 0)
        value[0] = '\0';
      else
        g_snprintf (value, sizeof value, "%.*f", decimals, g_rand_double_range (rand, 0, 1e6));

      /* Appended piece by piece: a printf to a GString allocates, which
       * under the sanitizers takes long, a million times over. */
      g_snprintf (year, sizeof year, "%c%d%c", delimiter, 2000 + y, delimiter);
      maybe_quoted (csv->text, region, (shape & QUOTES) && g_rand_int_range (rand, 0, 7) == 0);
      g_string_append_c (csv->text, delimiter);
      g_string_append (csv->text, series);
      g_string_append (csv->text, year);
      maybe_quoted (csv->text, value, (shape & QUOTES) && g_rand_int_range (rand, 0, 5) == 0);
      g_string_append_c (csv->text, delimiter);
      g_string_append (csv->text, flags[g_rand_int_range (rand, 0, G_N_ELEMENTS (flags))]);
      if (shape & VERSIONS)
        {
          /* Often none; the first given is the region's. */
          int version = g_rand_int_range (rand, 0, 4) == 0 ? (g_rand_boolean (rand) ? 2016 : 2021) : 0;

          g_string_append_c (csv->text, delimiter);
          if (version != 0)
            g_string_append (csv->text, version == 2016 ? "2016" : "2021");
        }

      g_array_index (csv->lines, guint, cell) = csv->n_lines + 1;
      if (!(shape & NO_LAST_LF) || k + 1 < n_cells)
        end_line (csv, shape);
    }
}

/* The byte offset where line @line (from 1) starts. */
static gsize
line_offset (GString *text,
             guint    line)
{
  const char *p = text->str;

  for (guint l = 1; l < line; l++)
    p = strchr (p, '\n') + 1;
  return p - text->str;
}

/* Replaces line @line by @replacement (without its line end). */
static void
replace_line (GString    *text,
              guint       line,
              const char *replacement)
{
  gsize start = line_offset (text, line);
  gsize end = strchr (text->str + start, '\n') - text->str;

  if (end > start && text->str[end - 1] == '\r')
    end--;
  g_string_erase (text, start, end - start);
  g_string_insert (text, start, replacement);
}

/* ---- Loads ------------------------------------------------------------ */

/* The line @dataset took a cell from, as a conflict with a one-cell file
 * names it: "NAME:LINE:1: the cell … is X here but Y in other.csv:2". */
static guint
line_of_cell (DistrettoDataset *dataset,
              const char       *name,
              const char       *region,
              const char       *series,
              int               year)
{
  g_autofree char *text = g_strdup_printf ("region,indicator,year,value\n%s,%s,%d,-1\n", region, series, year);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) other = distretto_tidy_csv_load_bytes (bytes, "other.csv", &error);
  g_autoptr(DistrettoDataset) merged = distretto_dataset_new ();

  g_assert_no_error (error);
  g_assert_true (distretto_dataset_merge (merged, other, &error));
  g_assert_false (distretto_dataset_merge (merged, dataset, &error));
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "other.csv:2"));
  g_assert_true (g_str_has_prefix (error->message, name));
  g_assert_cmpint (error->message[strlen (name)], ==, ':');

  return (guint) g_ascii_strtoull (error->message + strlen (name) + 1, NULL, 10);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  GCancellable *cancellable = user_data;

  printf ("progress %.17g\n", fraction);
  if (cancellable != NULL)
    g_cancellable_cancel (cancellable);
}

/* Prints all a load gave: the error, or every region, series and cell,
 * values bit for bit, and the line of every 37th cell with a value.
 * printf(), not g_print(): the bytes as they are, in any locale. */
static void
print_load (const char *path,
            gboolean    progress,
            gboolean    cancel)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = cancel ? g_cancellable_new () : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  int first, last;
  guint n = 0;

  dataset = distretto_dataset_load_file (file, cancellable, progress ? on_progress : NULL,
                                         cancellable, &error);
  if (dataset == NULL)
    {
      printf ("error %s %d %s\n", g_quark_to_string (error->domain), error->code, error->message);
      return;
    }

  printf ("regions %u\n", distretto_dataset_get_n_regions (dataset));
  for (guint r = 0; r < distretto_dataset_get_n_regions (dataset); r++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, r);

      printf ("%s %d\n", distretto_region_get_code (region), distretto_region_get_nuts_version (region));
    }
  printf ("series %u\n", distretto_dataset_get_n_series (dataset));
  for (guint s = 0; s < distretto_dataset_get_n_series (dataset); s++)
    {
      DistrettoSeries *series = distretto_dataset_get_series_at (dataset, s);

      printf ("%.20s %u\n", distretto_series_get_code (series), distretto_series_get_n_sources (series));
    }

  first = distretto_dataset_get_first_year (dataset);
  last = distretto_dataset_get_last_year (dataset);
  printf ("years %d %d observations %" G_GSIZE_FORMAT " flags %x sources %u\n", first, last,
           distretto_dataset_get_n_observations (dataset), distretto_dataset_get_flags_seen (dataset),
           distretto_dataset_get_n_sources (dataset));

  for (guint s = 0; s < distretto_dataset_get_n_series (dataset); s++)
    for (guint r = 0; r < distretto_dataset_get_n_regions (dataset); r++)
      for (int year = first; year <= last; year++)
        {
          DistrettoFlags flags;
          double value = distretto_dataset_get_value_at (dataset, s, r, year, &flags);
          guint64 bits;

          memcpy (&bits, &value, sizeof bits);
          printf ("%u %u %d %016" G_GINT64_MODIFIER "x %x\n", s, r, year, bits, flags);

          if (!isnan (value) && n++ % 37 == 0)
            printf ("line %u\n", line_of_cell (dataset, path,
                                                distretto_region_get_code (distretto_dataset_get_region_at (dataset, r)),
                                                distretto_dataset_get_series_code (dataset, s), year));
        }
}

/*
 * Each configuration loads in a process of its own, this program run
 * with `--load FILE…` and DISTRETTO_LOAD_THREADS (1 reads on the calling
 * thread alone, the way Distretto always read) and DISTRETTO_LOAD_CHUNK_SIZE
 * in its environment; the environment of this process never changes.
 */
static char *
run_loads (const char  *threads,
           const char  *chunk_size,
           const char  *mode,
           const char **paths)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;
  g_autoptr(GError) error = NULL;
  char *output = NULL;
  int status;

  g_assert_nonnull (self);
  envp = g_environ_setenv (envp, "DISTRETTO_LOAD_THREADS", threads, TRUE);
  if (chunk_size != NULL)
    envp = g_environ_setenv (envp, "DISTRETTO_LOAD_CHUNK_SIZE", chunk_size, TRUE);
  else
    envp = g_environ_unsetenv (envp, "DISTRETTO_LOAD_CHUNK_SIZE");

  g_strv_builder_add_many (argv, self, "--load", mode, NULL);
  g_strv_builder_addv (argv, paths);
  args = g_strv_builder_end (argv);

  g_spawn_sync (NULL, args, envp, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  return output;
}

/* Fails on the first line where @output differs from @expected. */
static void
assert_same_output (const char *what,
                    const char *output,
                    const char *expected)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  g_auto(GStrv) expected_lines = g_strsplit (expected, "\n", -1);

  for (guint i = 0; lines[i] != NULL || expected_lines[i] != NULL; i++)
    if (g_strcmp0 (lines[i], expected_lines[i]) != 0)
      g_error ("%s, line %u of the dump: “%s”, on one thread: “%s”", what, i + 1,
               lines[i] ? lines[i] : "(end)", expected_lines[i] ? expected_lines[i] : "(end)");
}

/* The loads of @paths on one thread, on 4 threads with small chunks and
 * with the defaults: all the same. Returns what one thread gave. */
static char *
assert_same_loads (const char  *mode,
                   const char **paths)
{
  g_autofree char *one = run_loads ("1", NULL, mode, paths);
  g_autofree char *many = run_loads (THREADS, SMALL_CHUNK, mode, paths);
  g_autofree char *two = run_loads ("2", NULL, mode, paths);

  assert_same_output (THREADS " threads, chunks of " SMALL_CHUNK " bytes", many, one);
  assert_same_output ("2 threads", two, one);

  return g_steal_pointer (&one);
}

static DistrettoDataset *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return distretto_dataset_load_file (file, NULL, NULL, NULL, error);
}

/* The lines cells came from, for a sample of cells of the grid. */
static void
assert_lines (DistrettoDataset *dataset,
              const char       *path,
              Csv              *csv,
              Shape             shape)
{
  for (guint cell = 0; cell < csv->lines->len; cell += 97)
    {
      guint r = cell / (N_SERIES * N_YEARS), s = cell / N_YEARS % N_SERIES, y = cell % N_YEARS;
      g_autofree char *series = series_code (s, shape);
      char region[8];

      region_code (r, region);
      g_assert_cmpuint (line_of_cell (dataset, path, region, series, 2000 + y), ==,
                        g_array_index (csv->lines, guint, cell));
    }
}

/* ---- Good files --------------------------------------------------------- */

static void
test_same_dataset (Fixture       *fixture,
                   gconstpointer  data)
{
  Shape shape = GPOINTER_TO_UINT (data);
  g_auto(Csv) csv = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  csv_init (&csv, shape, 14 + shape);
  path = distretto_test_write_data (fixture->dir, "data.csv", csv.text->str, csv.text->len);

  output = assert_same_loads ("plain", (const char *[]) { path, NULL });
  g_assert_true (g_str_has_prefix (output, "regions 40\n"));

  /* Worked out from the grid: every cell once, from the line written. */
  dataset = load_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (distretto_dataset_get_n_observations (dataset), ==, N_REGIONS * N_SERIES * N_YEARS);
  assert_lines (dataset, path, &csv, shape);
}

/* The first NUTS version any line gives a region is the region's, and a
 * bad version is an error on whatever line it is. */
static void
test_versions (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Csv) csv = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *bad_path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *position = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  gsize offset;

  csv_init (&csv, VERSIONS, 7);
  path = distretto_test_write_data (fixture->dir, "data.csv", csv.text->str, csv.text->len);
  dataset = load_path (path, &error);
  g_assert_no_error (error);

  /* What each region should get, read off the text. */
  for (guint r = 0; r < N_REGIONS; r++)
    {
      char region[8];
      g_autofree char *prefix = NULL;
      int expected = 0;

      region_code (r, region);
      prefix = g_strdup_printf ("\n%s,", region);
      for (const char *p = strstr (csv.text->str, prefix); p != NULL && expected == 0; p = strstr (p + 1, prefix))
        {
          const char *eol = strchr (p + 1, '\n');
          const char *last_comma = g_strrstr_len (p + 1, eol - (p + 1), ",");

          if (eol - last_comma > 1)
            expected = atoi (last_comma + 1);
        }

      g_assert_cmpint (distretto_region_get_nuts_version (distretto_dataset_get_region (dataset, region)),
                       ==, expected);
    }

  /* Line 3000 repeats the region of line 2999, with a bad version. */
  offset = line_offset (csv.text, 3000);
  g_string_insert (csv.text, strchr (csv.text->str + offset, '\n') - csv.text->str, "9");
  bad_path = distretto_test_write_data (fixture->dir, "bad.csv", csv.text->str, csv.text->len);
  output = assert_same_loads ("plain", (const char *[]) { path, bad_path, NULL });
  position = g_strdup_printf ("error distretto-import-error-quark %d %s:3000:", DISTRETTO_IMPORT_ERROR_VALUE, bad_path);
  g_assert_nonnull (strstr (output, position));
}

/* The same file gzip-compressed: the blocks come out of the decompressor. */
static GBytes *
gzip (const char *text,
      gsize       len,
      int         level)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, level);
  g_autoptr(GBytes) bytes = g_bytes_new (text, len);
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GInputStream) converted = g_converter_input_stream_new (in, G_CONVERTER (compressor));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_output_stream_splice (out, converted, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_gzip (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Csv) csv = { 0 };
  g_autoptr(GBytes) packed = NULL;
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;

  csv_init (&csv, SHUFFLED | CRLF, 3);
  packed = gzip (csv.text->str, csv.text->len, 6);
  path = distretto_test_write_data (fixture->dir, "data.csv.gz", g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));

  output = assert_same_loads ("plain", (const char *[]) { path, NULL });
  g_assert_true (g_str_has_prefix (output, "regions 40\n"));
}

/* Progress rises to 1 over several reports; a cancel stops the load. */
static void
test_progress_and_cancel (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(Csv) csv = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *cancelled = NULL;
  g_auto(GStrv) lines = NULL;
  double last = 0.0;
  guint n = 0;

  csv_init (&csv, 0, 5);
  path = distretto_test_write_data (fixture->dir, "data.csv", csv.text->str, csv.text->len);

  output = run_loads (THREADS, SMALL_CHUNK, "progress", (const char *[]) { path, NULL });
  lines = g_strsplit (output, "\n", -1);
  for (; lines[n] != NULL && g_str_has_prefix (lines[n], "progress "); n++)
    {
      double fraction = g_ascii_strtod (lines[n] + 9, NULL);

      g_assert_cmpfloat (fraction, >=, last);
      last = fraction;
    }
  g_assert_cmpuint (n, >, 10);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_true (g_str_has_prefix (lines[n], "regions 40"));

  cancelled = run_loads (THREADS, SMALL_CHUNK, "cancel", (const char *[]) { path, NULL });
  g_assert_true (g_str_has_prefix (cancelled, "progress "));
  {
    g_autofree char *error = g_strdup_printf ("\nerror g-io-error-quark %d ", G_IO_ERROR_CANCELLED);

    g_assert_nonnull (strstr (cancelled, error));
  }
}

/* ---- Errors ------------------------------------------------------------- */

/* Loads every file with one thread and with several: the same errors.
 * The first file's error starts with "FILE:@line:" and mentions
 * @mentions; @line 0 only checks the file's name. */
static void
assert_same_errors (GPtrArray  *paths,
                    int         code,
                    guint       line,
                    const char *mentions)
{
  g_autofree char *output = NULL;
  g_autofree char *prefix = NULL;

  g_ptr_array_add (paths, NULL);
  output = assert_same_loads ("plain", (const char **) paths->pdata);
  g_ptr_array_remove_index (paths, paths->len - 1);

  /* One error per file, and no dataset. */
  for (const char *p = output; *p != '\0'; p = strchr (p, '\n') + 1)
    g_assert_true (g_str_has_prefix (p, "error "));

  if (line > 0)
    prefix = g_strdup_printf ("error distretto-import-error-quark %d %s:%u:", code,
                              (char *) g_ptr_array_index (paths, 0), line);
  else
    prefix = g_strdup_printf ("error distretto-import-error-quark %d %s", code,
                              (char *) g_ptr_array_index (paths, 0));
  g_test_message ("%.*s", (int) (strchr (output, '\n') - output), output);
  g_assert_true (g_str_has_prefix (output, prefix));
  g_assert_nonnull (g_strstr_len (output, strchr (output, '\n') - output, mentions));
}

typedef struct
{
  const char *name;
  const char *line;       /* put in place of a line */
  int code;
  const char *mentions;
} BadLine;

static const BadLine bad_lines[] = {
  { "value", "DAA1,zz,2001,12x,", DISTRETTO_IMPORT_ERROR_VALUE, "“12x”" },
  { "year", "DAA1,zz,20O1,12,", DISTRETTO_IMPORT_ERROR_VALUE, "year" },
  { "region", "dAA1,zz,2001,12,", DISTRETTO_IMPORT_ERROR_VALUE, "NUTS" },
  { "flag", "DAA1,zz,2001,12,q", DISTRETTO_IMPORT_ERROR_VALUE, "“q”" },
  { "missing-field", "DAA1,zz,2001,12", DISTRETTO_IMPORT_ERROR_SYNTAX, "expected 5 fields" },
  { "extra-field", "DAA1,zz,2001,12,,", DISTRETTO_IMPORT_ERROR_SYNTAX, "found 6" },
  { "not-utf8", "DAA1,zz,2001,1\xE9\xFF,", DISTRETTO_IMPORT_ERROR_ENCODING, "UTF-8" },
  { "accented", "DAA1,zz,2001,1é,", DISTRETTO_IMPORT_ERROR_VALUE, "“1é”" },
  { "junk-after-quote", "DAA1,\"zz\"x,2001,1,", DISTRETTO_IMPORT_ERROR_SYNTAX, "delimiter" },
  /* Quoted line ends: the record straddles lines, and chunks. */
  { "quoted-line-end", "DAA1,zz,2001,\"1\n2\",", DISTRETTO_IMPORT_ERROR_VALUE, "number" },
  { "unclosed-quote", "DAA1,zz,2001,\"1,", DISTRETTO_IMPORT_ERROR_SYNTAX, "closed" },
  { "hexadecimal", "DAA1,zz,2001,0x1F,", DISTRETTO_IMPORT_ERROR_VALUE, "hexadecimal" },
};

/* One bad line, at every line of a stretch of the file: in the middle of
 * chunks, at their first and last lines and across their boundaries. */
static void
test_bad_line (Fixture       *fixture,
               gconstpointer  data)
{
  const BadLine *bad = data;
  static const guint lines[] = { 1500, 2, 3, 4, 97, 1000, 2000, 3841 };
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_auto(Csv) csv = { 0 };

  csv_init (&csv, 0, 21);
  for (guint i = 0; i < G_N_ELEMENTS (lines) + 24; i++)
    {
      guint line = i < G_N_ELEMENTS (lines) ? lines[i] : 1500 + (i - G_N_ELEMENTS (lines));
      g_autofree char *name = g_strdup_printf ("bad-%u.csv", line);
      g_autoptr(GString) text = g_string_new_len (csv.text->str, csv.text->len);

      replace_line (text, line, bad->line);
      g_ptr_array_add (paths, distretto_test_write_data (fixture->dir, name, text->str, text->len));
    }

  assert_same_errors (paths, bad->code, 1500, bad->mentions);
}

/* A cell given twice: the first second mention in the file is reported,
 * with its first mention, whatever thread reads which. */
static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bad_paths = g_ptr_array_new_with_free_func (g_free);
  guint first_x = 0, first_y = 0;
  g_auto(Csv) csv = { 0 };

  csv_init (&csv, 0, 11);
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(GString) text = g_string_new_len (csv.text->str, csv.text->len);
      guint x_first = 10 + 37 * i, y_first = 1200 + 11 * i;
      guint y_again = 2300 + 5 * i, x_again = 3000 + 13 * i;
      g_autofree char *x = NULL;
      g_autofree char *y = NULL;
      g_autofree char *name = g_strdup_printf ("twice-%u.csv", i);
      g_autofree char *bad_name = g_strdup_printf ("twice-bad-%u.csv", i);

      if (i == 0)
        {
          first_x = y_again;
          first_y = y_first;
        }

      /* Cells of different series: their partitions may differ. */
      x = g_strdup_printf ("DZZ1,s%02u,2001,1,", i % N_SERIES);
      y = g_strdup_printf ("DZZ1,s%02u,2001,2,", (i + 5) % N_SERIES);
      replace_line (text, x_first, x);
      replace_line (text, y_first, y);
      replace_line (text, y_again, y);
      replace_line (text, x_again, x);
      g_ptr_array_add (paths, distretto_test_write_data (fixture->dir, name, text->str, text->len));

      /* A bad line before the second mention is reported instead. */
      replace_line (text, y_again - 40, "DAA1,zz,2001,bad,");
      g_ptr_array_add (bad_paths, distretto_test_write_data (fixture->dir, bad_name, text->str, text->len));
    }

  {
    g_autofree char *mention = g_strdup_printf ("first on line %u", first_y);

    assert_same_errors (paths, DISTRETTO_IMPORT_ERROR_DUPLICATE, first_x, mention);
    assert_same_errors (bad_paths, DISTRETTO_IMPORT_ERROR_VALUE, first_x - 40, "“bad”");
  }
}

/* The wide form; two columns of one name give a cell twice on a line. */
static void
test_wide_form (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("region,year,a,a_flag,b,c,c_flag,nuts_version\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autoptr(GPtrArray) twice = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  g_autofree char *output = NULL;
  g_autofree char *observations = NULL;
  guint n_lines = 0;

  for (guint r = 0; r < 150; r++)
    for (int year = 1990; year < 2020; year++)
      {
        char region[8];

        char line[128];

        region_code (r, region);
        g_snprintf (line, sizeof line, "%s,%d,%.2f,%s,%u,,%s,%s\n", region, year,
                    g_rand_double_range (rand, -100, 100), g_rand_boolean (rand) ? "e" : "",
                    g_rand_int (rand) % 1000, year % 3 ? "" : "p",
                    year == 2000 + (int) (r % 20) ? "2021" : "");
        g_string_append (text, line);
        n_lines++;
      }

  path = distretto_test_write_data (fixture->dir, "wide.csv", text->str, text->len);
  output = assert_same_loads ("plain", (const char *[]) { path, NULL });
  observations = g_strdup_printf (" observations %u ", 3 * n_lines);
  g_assert_nonnull (strstr (output, observations));

  /* The header names "a" twice: every line gives its cell twice. */
  g_string_overwrite (text, 0, "region,year,a,a_flag,b,a,c_flag,nuts_version\n");
  g_ptr_array_add (twice, distretto_test_write_data (fixture->dir, "wide-twice.csv", text->str, text->len));
  assert_same_errors (twice, DISTRETTO_IMPORT_ERROR_DUPLICATE, 2, "first on line 2");
}

/* A gzip file cut short: the lines before the cut are read first, so an
 * error among them is reported rather than the cut. */
static void
test_cut_gzip (Fixture       *fixture,
               gconstpointer  data)
{
  for (guint bad = 0; bad < 2; bad++)
    {
      g_auto(Csv) csv = { 0 };
      g_autoptr(GBytes) packed = NULL;
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      csv_init (&csv, 0, 9);
      if (bad)
        replace_line (csv.text, 3000, "DAA1,zz,2001,bad,");

      /* Stored, not deflated (level 0): the cut falls near the end of the
       * text, after line 3000. */
      packed = gzip (csv.text->str, csv.text->len, 0);
      g_ptr_array_add (paths, distretto_test_write_data (fixture->dir, "cut.csv.gz", g_bytes_get_data (packed, NULL),
                                          g_bytes_get_size (packed) - 200));
      assert_same_errors (paths, bad ? DISTRETTO_IMPORT_ERROR_VALUE : DISTRETTO_IMPORT_ERROR_TRUNCATED,
                          bad ? 3000 : 0, bad ? "“bad”" : "ends early");
    }
}

/* A header, then blank lines only: the line the data should start on. */
static void
test_no_data (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("region,indicator,year,value\r\n");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 3000; i++)
    g_string_append (text, i % 3 ? "\r\n" : "   \n");
  g_ptr_array_add (paths, distretto_test_write_data (fixture->dir, "blank.csv", text->str, text->len));
  assert_same_errors (paths, DISTRETTO_IMPORT_ERROR_EMPTY, 3002, "no data");
}

int
main (int   argc,
      char *argv[])
{
  static const struct
  {
    const char *name;
    Shape shape;
  } shapes[] = {
    { "sorted", 0 },
    { "shuffled", SHUFFLED },
    { "crlf-bom-semicolon-quotes-blanks", CRLF | BOM | SEMICOLON | QUOTES | BLANKS | NO_LAST_LF },
    { "quotes-blanks-shuffled", QUOTES | BLANKS | SHUFFLED },
    { "versions", VERSIONS | SHUFFLED },
    { "long-codes", LONG_CODES | BLANKS },
  };

  /* A child: prints the loads of the files. */
  if (argc >= 3 && g_str_equal (argv[1], "--load"))
    {
      for (int i = 3; i < argc; i++)
        print_load (argv[i], !g_str_equal (argv[2], "plain"), g_str_equal (argv[2], "cancel"));
      return 0;
    }

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/Distretto/ParallelLoad/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Distretto/ParallelLoad/same-dataset/%s", shapes[i].name);

      g_test_add (path, Fixture, GUINT_TO_POINTER (shapes[i].shape), fixture_set_up, test_same_dataset,
                  fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_lines); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Distretto/ParallelLoad/bad-line/%s", bad_lines[i].name);

      g_test_add (path, Fixture, &bad_lines[i], fixture_set_up, test_bad_line, fixture_tear_down);
    }
  ADD ("versions", test_versions, NULL);
  ADD ("gzip", test_gzip, NULL);
  ADD ("progress-and-cancel", test_progress_and_cancel, NULL);
  ADD ("duplicates", test_duplicates, NULL);
  ADD ("wide-form", test_wide_form, NULL);
  ADD ("cut-gzip", test_cut_gzip, NULL);
  ADD ("no-data", test_no_data, NULL);

  return g_test_run ();
}

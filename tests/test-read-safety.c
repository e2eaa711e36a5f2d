/* test-read-safety.c: loads that survive a changing file, special files,
 * huge and compressed input (issue 15, read side)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = distretto_test_make_dir ("distretto-read-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  distretto_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* @text as one gzip member. */
static GBytes *
gzip (const char *text,
      gsize       len)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;

  g_assert_true (g_output_stream_write_all (out, text, len, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* A tidy CSV of @n_lines observations, all different cells. */
static GString *
tidy_csv (guint n_lines)
{
  GString *text = g_string_new ("region,indicator,year,value\n");

  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (text, "DE%c%u,s%u,%u,%u.5\n", 'A' + (i / 9) % 26, 1 + i % 9,
                            i / (9 * 26 * 200), 1900 + (i / (9 * 26)) % 200, i);
  return text;
}

static DistrettoDataset *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return distretto_dataset_load_file (file, NULL, NULL, NULL, error);
}

static DistrettoBoundaries *
load_boundaries_path (const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return distretto_boundaries_load_file (file, NULL, error);
}

/* Finding 3: a file that shrinks while it loads ------------------------- */

typedef struct
{
  const char *path;
  guint calls;
} Shrink;

static void
shrink_on_first_progress (double   fraction,
                          gpointer user_data)
{
  Shrink *shrink = user_data;

  /* Rewritten by another program while Distretto reads it. */
  if (shrink->calls++ == 0)
    g_assert_cmpint (truncate (shrink->path, 100), ==, 0);
}

static void
test_file_shrinks (Fixture       *fixture,
                   gconstpointer  data)
{
  gboolean compressed = GPOINTER_TO_INT (data);
  g_autoptr(GString) csv = tidy_csv (300000);
  g_autoptr(GBytes) packed = compressed ? gzip (csv->str, csv->len) : NULL;
  g_autofree char *path = compressed
    ? distretto_test_write_data (fixture->dir, "data.csv.gz", g_bytes_get_data (packed, NULL), g_bytes_get_size (packed))
    : distretto_test_write_data (fixture->dir, "data.csv", csv->str, csv->len);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  Shrink shrink = { path, 0 };

  /* Mapped, this was SIGBUS: now the load ends with a located error. */
  dataset = distretto_dataset_load_file (file, NULL, shrink_on_first_progress, &shrink, &error);
  g_assert_null (dataset);
  g_assert_cmpuint (shrink.calls, >, 0);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_TRUNCATED);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "shrank while it was read"));
}

/* Special files: refused at once, never blocking ----------------------- */

static void
assert_special_refused (const char *path,
                        int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = load_path (path, &error);
  g_autoptr(DistrettoBoundaries) boundaries = NULL;

  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_clear_error (&error);

  boundaries = load_boundaries_path (path, &error);
  g_assert_null (boundaries);
  g_assert_error (error, G_IO_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, path));
}

static void
test_special_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "data.csv", NULL);

  /* A FIFO with no writer would block the loader forever. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_special_refused (fifo, G_IO_ERROR_NOT_REGULAR_FILE);

  /* /dev/zero never ends: it overflowed the boundaries' buffer. */
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    assert_special_refused ("/dev/zero", G_IO_ERROR_NOT_REGULAR_FILE);

  assert_special_refused (fixture->dir, G_IO_ERROR_IS_DIRECTORY);
}

/* Finding 4: boundaries of 4 GiB and more ------------------------------- */

static void
test_huge_files (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.geojson", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  int fd;

  /* Sparse: 4 GiB and a byte of zeros that take no disk space. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  if (ftruncate (fd, (G_GINT64_CONSTANT (4) << 30) + 1) != 0)
    {
      close (fd);
      g_test_skip ("this file system cannot hold a sparse 4 GiB file");
      return;
    }
  close (fd);

  /* Refused before anything is read: the JSON tree would not fit. */
  boundaries = load_boundaries_path (path, &error);
  g_assert_null (boundaries);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);

  /* As data: its head tells it is no text. */
  dataset = load_path (path, &error);
  g_assert_null (dataset);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, path));
}

/* A line longer than a reader takes: bounded memory, a clear error. */
static void
test_long_line (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("region,indicator,year,value\nITH3,");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  g_string_set_size (text, text->len + (17 << 20));
  memset (text->str + text->len - (17 << 20), 'x', 17 << 20);
  g_string_append (text, ",2020,1\n");
  path = distretto_test_write_data (fixture->dir, "long.csv", text->str, text->len);

  dataset = load_path (path, &error);
  g_assert_null (dataset);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, ":2:1: this line is longer than 16 MiB"));
}

/* Finding 7: multi-member gzip is read whole ---------------------------- */

static void
test_multi_member_gzip (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *first = "unit,geo\\time\t2016 \t2015 \nTHS,ITH3\t1 \t2 \n";
  const char *second = "THS,ITH4\t3 e\t4 \nTHS,ES52\t5 \t: c\n";
  g_autoptr(GBytes) a = gzip (first, strlen (first));
  g_autoptr(GBytes) b = gzip (second, strlen (second));
  g_autoptr(GByteArray) joined = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoDataset) from_bytes = NULL;
  DistrettoFlags flags;

  /* `cat a.gz b.gz > t.tsv.gz`, then zeros as some tools pad files. */
  g_byte_array_append (joined, g_bytes_get_data (a, NULL), g_bytes_get_size (a));
  g_byte_array_append (joined, g_bytes_get_data (b, NULL), g_bytes_get_size (b));
  g_byte_array_set_size (joined, joined->len + 512);
  memset (joined->data + joined->len - 512, 0, 512);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&joined));
  path = distretto_test_write_data (fixture->dir, "nama_10r_2gdp.tsv.gz", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  dataset = load_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (distretto_dataset_get_n_regions (dataset), ==, 3);
  g_assert_cmpuint (distretto_dataset_get_n_observations (dataset), ==, 6);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "nama_10r_2gdp.THS", "ITH4", 2016, &flags), ==, 3.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_ESTIMATED);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "nama_10r_2gdp.THS", "ES52", 2015, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_CONFIDENTIAL);

  from_bytes = distretto_dataset_load_bytes (bytes, "nama_10r_2gdp.tsv.gz", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (distretto_dataset_get_n_observations (from_bytes), ==, 6);

  plain = distretto_data_uncompress (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (plain), ==, strlen (first) + strlen (second));
}

/* Anything but gzip or zeros after the members is an error. */
static void
test_gzip_errors_name_the_file (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *text = "region,indicator,year,value\nITH3,x,2020,1\nITH4,x,2020,2\n";
  g_autoptr(GBytes) packed = gzip (text, strlen (text));
  gsize len = g_bytes_get_size (packed);
  g_autofree char *cut = distretto_test_write_data (fixture->dir, "cut.csv.gz", g_bytes_get_data (packed, NULL), len - 12);
  g_autofree char *damaged_text = g_memdup2 (g_bytes_get_data (packed, NULL), len);
  g_autofree char *damaged = NULL;
  g_autofree char *trailing_text = g_malloc (len + 4);
  g_autofree char *trailing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  dataset = load_path (cut, &error);
  g_assert_null (dataset);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_TRUNCATED);
  g_assert_true (g_str_has_prefix (error->message, cut));
  g_clear_error (&error);

  /* The deflate data after the 10-byte header, overwritten. */
  memset (damaged_text + 10, 0xFF, 8);
  damaged = distretto_test_write_data (fixture->dir, "damaged.csv.gz", damaged_text, len);
  dataset = load_path (damaged, &error);
  g_assert_null (dataset);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, damaged));
  g_assert_nonnull (strstr (error->message, "gzip"));
  g_clear_error (&error);

  memcpy (trailing_text, g_bytes_get_data (packed, NULL), len);
  memcpy (trailing_text + len, "junk", 4);
  trailing = distretto_test_write_data (fixture->dir, "trailing.csv.gz", trailing_text, len + 4);
  dataset = load_path (trailing, &error);
  g_assert_null (dataset);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, trailing));
  g_assert_nonnull (strstr (error->message, "after the gzip data"));
}

/* The headless commands print the file's name with gzip errors too. */
static void
test_gzip_error_in_export (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *text = "region,indicator,year,value\nITH3,x,2020,1\n";
  g_autoptr(GBytes) packed = gzip (text, strlen (text));
  g_autofree char *path = distretto_test_write_data (fixture->dir, "emp.csv.gz", g_bytes_get_data (packed, NULL),
                                      g_bytes_get_size (packed) - 6);
  g_autofree char *output = g_build_filename (fixture->dir, "out.png", NULL);
  const char *argv[] = { g_getenv ("DISTRETTO_BIN"), "export", "--data", path, "--module", "servitization",
                         "--output", output, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (argv[0] == NULL)
    {
      g_test_skip ("DISTRETTO_BIN is not set");
      return;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) != 0);
  g_assert_nonnull (strstr (err, path));
  g_assert_nonnull (strstr (err, "gzip"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

/* Finding 8: decompression bounded and cancellable ---------------------- */

static void
test_gzip_bounded (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("region,indicator,year,value\n");
  g_autoptr(GBytes) packed = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;

  /* 40 MiB of blank lines pack to a few dozen KiB: more than 250 times. */
  g_string_set_size (text, text->len + (40 << 20));
  memset (text->str + text->len - (40 << 20), '\n', 40 << 20);
  packed = gzip (text->str, text->len);
  g_assert_cmpuint (g_bytes_get_size (packed), <, 256 * 1024);
  path = distretto_test_write_data (fixture->dir, "bomb.csv.gz", g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));

  dataset = load_path (path, &error);
  g_assert_null (dataset);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "250 times"));
  g_clear_error (&error);

  dataset = distretto_dataset_load_bytes (packed, "bomb.csv.gz", NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  boundaries = load_boundaries_path (path, &error);
  g_assert_null (boundaries);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_TOO_LARGE);
}

static void
cancel_on_first_progress (double   fraction,
                          gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_gzip_cancel (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GString) csv = tidy_csv (100000);
  g_autoptr(GBytes) packed = gzip (csv->str, csv->len);
  g_autofree char *path = distretto_test_write_data (fixture->dir, "data.csv.gz", g_bytes_get_data (packed, NULL),
                                      g_bytes_get_size (packed));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;

  dataset = distretto_dataset_load_file (file, cancellable, cancel_on_first_progress, cancellable, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Already cancelled: nothing is read. */
  boundaries = distretto_boundaries_load_file (file, cancellable, &error);
  g_assert_null (boundaries);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Finding 9: UTF-16 is named ------------------------------------------- */

static void
test_utf16 (Fixture       *fixture,
            gconstpointer  data)
{
  /* `region,…` saved as UTF-16 with a byte order mark, as spreadsheets do. */
  const char le[] = "\xFF\xFEr\0e\0g\0i\0o\0n\0,\0";
  const char be[] = "\xFE\xFF\0{\0}";
  g_autofree char *le_path = distretto_test_write_data (fixture->dir, "le.csv", le, sizeof le - 1);
  g_autofree char *be_path = distretto_test_write_data (fixture->dir, "be.json", be, sizeof be - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;

  dataset = load_path (le_path, &error);
  g_assert_null (dataset);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, le_path));
  g_assert_nonnull (strstr (error->message, "UTF-16"));
  g_assert_null (strstr (error->message, "binary"));
  g_clear_error (&error);

  dataset = load_path (be_path, &error);
  g_assert_null (dataset);
  g_assert_nonnull (strstr (error->message, "save the file as UTF-8"));
  g_clear_error (&error);

  boundaries = load_boundaries_path (be_path, &error);
  g_assert_null (boundaries);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
}

/* Records across the reader's windows ----------------------------------- */

/* SDMX-CSV with labels over several MiB, whose quoted labels hold commas,
 * quotes and line ends at every offset, so the reader's window ends
 * inside quoted fields and between CR and LF; then a bad last line,
 * whose number counts the line ends inside the quotes. */
static void
test_window_boundaries (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,freq,Time frequency,geo,Geo,"
                                          "TIME_PERIOD,Time,OBS_VALUE,Observation value\r\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  guint line = 2, n_rows = 0;
  double sum = 0.0, loaded = 0.0;

  while (text->len < 5 << 20)
    {
      guint label_len = g_rand_int_range (rand, 0, 700);
      int year = 1900 + n_rows % 200;
      char region[8];

      g_snprintf (region, sizeof region, "DE%c%c", 'A' + (n_rows / 200) % 26, '1' + (n_rows / 5200) % 9);
      if (n_rows / 46800 > 0)
        break;

      g_string_append_printf (text, "dataflow,ESTAT:X(1.0),\"a, \"\"b\"\"\r\nc\",A,Annual,%s,\"", region);
      for (guint k = 0; k < label_len; k++)
        g_string_append_c (text, k % 97 == 96 ? '\n' : k % 13 == 12 ? ',' : 'l');
      g_string_append_printf (text, "\",%d,,%u.25,\r\n", year, n_rows);

      line += 2 + label_len / 97;
      sum += n_rows + 0.25;
      n_rows++;
    }

  path = distretto_test_write_data (fixture->dir, "x.csv", text->str, text->len);
  dataset = load_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (distretto_dataset_get_n_observations (dataset), ==, n_rows);
  for (guint r = 0; r < distretto_dataset_get_n_regions (dataset); r++)
    for (int y = 1900; y < 2100; y++)
      {
        double value = distretto_dataset_get_value_at (dataset, 0, r, y, NULL);

        if (!isnan (value))
          loaded += value;
      }
  g_assert_cmpfloat (loaded, ==, sum);
  g_clear_object (&dataset);

  g_string_append (text, "dataflow,ESTAT:X(1.0),\"\n\n\",A,Annual,DEZZ,\"\",2020,,0x10,\r\n");
  g_remove (path);
  g_free (path);
  path = distretto_test_write_data (fixture->dir, "x.csv", text->str, text->len);
  dataset = load_path (path, &error);
  g_assert_null (dataset);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_VALUE);
  {
    g_autofree char *position = g_strdup_printf ("%s:%u:", path, line);

    g_test_message ("%s", error->message);
    g_assert_true (g_str_has_prefix (error->message, position));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/Distretto/ReadSafety/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("file-shrinks-while-loading", test_file_shrinks, GINT_TO_POINTER (FALSE));
  ADD ("gzip-file-shrinks-while-loading", test_file_shrinks, GINT_TO_POINTER (TRUE));
  ADD ("special-files", test_special_files, NULL);
  ADD ("huge-files", test_huge_files, NULL);
  ADD ("long-line", test_long_line, NULL);
  ADD ("multi-member-gzip", test_multi_member_gzip, NULL);
  ADD ("gzip-errors-name-the-file", test_gzip_errors_name_the_file, NULL);
  ADD ("gzip-error-in-export", test_gzip_error_in_export, NULL);
  ADD ("gzip-bounded", test_gzip_bounded, NULL);
  ADD ("gzip-cancel", test_gzip_cancel, NULL);
  ADD ("utf16", test_utf16, NULL);
  ADD ("window-boundaries", test_window_boundaries, NULL);

  return g_test_run ();
}

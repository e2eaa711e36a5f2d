/* test-eurostat-tsv.c: Eurostat bulk TSV, made-up and real
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"
#include <math.h>
#include <string.h>

static DistrettoDataset *
load_text (const char  *name,
           const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return distretto_dataset_load_bytes (bytes, name, NULL, error);
}

#define OLD_STYLE \
  "unit,nace_r2,geo\\time\t2015 \t2014 \t2013 \n" \
  "THS,C,ITH3\t512.5 \t500.0 b\t: u\n" \
  "THS,C,ITH4\t: \t:\t101.25 bu\n" \
  "THS,J,ITH3\t50.5 e\t49 \t48.0 \n"

static void
test_old_style (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = load_text ("lfst_r_lfe2en2.tsv", OLD_STYLE, &error);
  DistrettoSource *source;
  DistrettoFlags flags;

  g_assert_no_error (error);
  g_assert_cmpuint (distretto_dataset_get_n_regions (dataset), ==, 2);
  g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, 2);
  g_assert_cmpint (distretto_dataset_get_first_year (dataset), ==, 2013);
  g_assert_cmpint (distretto_dataset_get_last_year (dataset), ==, 2015);
  g_assert_true (distretto_dataset_has_series (dataset, "lfst_r_lfe2en2.THS.C"));
  g_assert_true (distretto_dataset_has_series (dataset, "lfst_r_lfe2en2.THS.J"));

  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.C", "ITH3", 2015, &flags), ==, 512.5);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_NONE);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.C", "ITH3", 2014, &flags), ==, 500.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_BREAK);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.C", "ITH3", 2013, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_LOW_RELIABILITY);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.C", "ITH4", 2014, &flags)));
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.C", "ITH4", 2013, &flags), ==, 101.25);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_BREAK | DISTRETTO_FLAGS_LOW_RELIABILITY);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.J", "ITH3", 2015, &flags), ==, 50.5);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_ESTIMATED);

  g_assert_cmpuint (distretto_dataset_get_n_sources (dataset), ==, 1);
  source = distretto_dataset_get_source_at (dataset, 0);
  g_assert_cmpstr (distretto_source_get_format (source), ==, "Eurostat TSV");
  g_assert_cmpstr (distretto_source_get_table_code (source), ==, "lfst_r_lfe2en2");
  g_assert_cmpstr (distretto_source_get_name (source), ==, "lfst_r_lfe2en2.tsv");
  g_assert_nonnull (distretto_source_get_imported (source));

  g_assert_cmpuint (distretto_series_get_n_sources (distretto_dataset_get_series (dataset, "lfst_r_lfe2en2.THS.C")), ==, 1);
  g_assert_cmpstr (distretto_series_get_unit (distretto_dataset_get_series (dataset, "lfst_r_lfe2en2.THS.C")), ==, "THS");
  g_assert_cmpstr (distretto_series_get_publisher (distretto_dataset_get_series (dataset, "lfst_r_lfe2en2.THS.C")), ==, "Eurostat");
  g_assert_true (distretto_series_get_source_at (distretto_dataset_get_series (dataset, "lfst_r_lfe2en2.THS.C"), 0) == source);
}

static void
test_new_style_ascending_and_gzip (void)
{
  const char *text = "freq,unit,geo\\TIME_PERIOD\t2020\t2021\n"
                     "A,EUR_HAB,FI19\t40000\t41000 p\n"
                     "A,EUR_HAB,EU27_2020\t30000\t31000\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GConverter) compressor = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9));
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) gzip = g_converter_output_stream_new (memory, compressor);
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(DistrettoDataset) plain = NULL;
  g_autoptr(DistrettoDataset) unzipped = NULL;
  DistrettoFlags flags;

  plain = load_text ("nama_10r_2gdp.tsv", text, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (distretto_dataset_get_value (plain, "nama_10r_2gdp.EUR_HAB", "FI19", 2021, &flags), ==, 41000);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_PROVISIONAL);
  g_assert_cmpint (distretto_region_get_level (distretto_dataset_get_region (plain, "EU27_2020")), ==, DISTRETTO_REGION_LEVEL_AGGREGATE);

  g_output_stream_write_all (gzip, text, strlen (text), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (gzip, NULL, &error);
  g_assert_no_error (error);
  compressed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));

  unzipped = distretto_dataset_load_bytes (compressed, "nama_10r_2gdp.tsv.gz", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (distretto_dataset_get_value (unzipped, "nama_10r_2gdp.EUR_HAB", "FI19", 2020, NULL), ==, 40000);
  g_assert_cmpstr (distretto_source_get_table_code (distretto_dataset_get_source_at (unzipped, 0)), ==, "nama_10r_2gdp");
}

typedef struct
{
  const char *name;
  const char *text;
  DistrettoImportError code;
  const char *position;
  const char *mentions;
} Malformed;

static const Malformed malformed[] = {
  { "empty", "", DISTRETTO_IMPORT_ERROR_EMPTY, "t.tsv:1:1:", "empty" },
  { "header-only", "unit,geo\\time\t2015 \n", DISTRETTO_IMPORT_ERROR_EMPTY, "t.tsv:2:1:", "no data" },
  { "no-geo", "unit,nace\\time\t2015 \nTHS,C\t1 \n", DISTRETTO_IMPORT_ERROR_HEADER, "t.tsv:1:1:", "geo" },
  { "quarterly", "unit,geo\\time\t2015Q1\nTHS,AT\t1\n", DISTRETTO_IMPORT_ERROR_HEADER, "t.tsv:1:15:", "annual" },
  { "repeated-year", "unit,geo\\time\t2015\t2015\nTHS,AT\t1\t2\n", DISTRETTO_IMPORT_ERROR_HEADER, "t.tsv:1:20:", "twice" },
  { "ragged", "unit,geo\\time\t2015 \t2014 \nTHS,AT\t1 \t2 \nTHS,BE\t1 \n", DISTRETTO_IMPORT_ERROR_SYNTAX, "t.tsv:3:", "expected 3" },
  { "wrong-codes", "unit,geo\\time\t2015 \nTHS,C,AT\t1 \n", DISTRETTO_IMPORT_ERROR_SYNTAX, "t.tsv:2:1:", "2 comma-separated" },
  { "non-numeric", "unit,geo\\time\t2015 \t2014 \nTHS,AT\t1 \tabc \n", DISTRETTO_IMPORT_ERROR_VALUE, "t.tsv:2:11:", "abc" },
  { "unknown-flag", "unit,geo\\time\t2015 \nTHS,AT\t1.5 x\n", DISTRETTO_IMPORT_ERROR_VALUE, "t.tsv:2:8:", "flags" },
  { "bad-geo", "unit,geo\\time\t2015 \nTHS,at-1\t1 \n", DISTRETTO_IMPORT_ERROR_VALUE, "t.tsv:2:1:", "at-1" },
  { "monthly-freq", "freq,unit,geo\\TIME_PERIOD\t2015\nM,THS,AT\t1\n", DISTRETTO_IMPORT_ERROR_VALUE, "t.tsv:2:1:", "annual" },
  { "duplicate-row", "unit,geo\\time\t2015 \nTHS,AT\t1 \nTHS,AT\t2 \n", DISTRETTO_IMPORT_ERROR_DUPLICATE, "t.tsv:3:1:", "line 2" },
  { "not-utf8", "unit,geo\\time\t2015 \nTHS,\xC3\x28T\t1 \n", DISTRETTO_IMPORT_ERROR_ENCODING, "t.tsv:2:5:", "UTF-8" },
  { "hexadecimal", "unit,geo\\time\t2015 \nTHS,AT\t0x10 \n", DISTRETTO_IMPORT_ERROR_VALUE, "t.tsv:2:8:", "hexadecimal" },
  { "underflow", "unit,geo\\time\t2015 \nTHS,AT\t1e-400 e\n", DISTRETTO_IMPORT_ERROR_VALUE, "t.tsv:2:8:", "read as 0" },
  { "nan", "unit,geo\\time\t2015 \nTHS,AT\tnan \n", DISTRETTO_IMPORT_ERROR_VALUE, "t.tsv:2:8:", "“nan ”" },
};

static void
test_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (m->text, strlen (m->text));
  g_autoptr(DistrettoDataset) dataset = NULL;

  /* Forced to Eurostat TSV: some of these would not be detected as one. */
  dataset = distretto_dataset_load_bytes (bytes, "t.tsv", NULL, &error);
  if (g_str_equal (m->name, "empty"))
    {
      g_assert_null (dataset);
      g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_EMPTY);
      return;
    }

  g_assert_null (dataset);
  distretto_test_assert_import_error (error, m->code, m->position, m->mentions);
}

/* Eurostat's bulk download of 2011: `geo\time` alone, years ascending,
 * Greece as GR (kept as written), flags such as `i`. */
static void
test_2011_layout (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = load_text ("tgs00042.tsv",
                                                   "geo\\time\t1999 \t2000 \t2001 \n"
                                                   "AT11\t0.65 \t0.7 i\t: \n"
                                                   "GR11\t: c\t1 e\t0.25 bu\n",
                                                   &error);
  DistrettoSeries *series;
  g_autofree char *selector = NULL;
  DistrettoFlags flags;

  g_assert_no_error (error);
  g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, 1);
  g_assert_cmpstr (distretto_dataset_get_series_code (dataset, 0), ==, "tgs00042");
  series = distretto_dataset_get_series_at (dataset, 0);
  g_assert_cmpstr (distretto_series_get_table (series), ==, "tgs00042");
  g_assert_cmpuint (distretto_series_get_n_dimensions (series), ==, 0);
  selector = distretto_series_dup_selector (series);
  g_assert_cmpstr (selector, ==, "tgs00042");

  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "tgs00042", "AT11", 2000, &flags), ==, 0.7);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_SEE_NOTE);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "tgs00042", "GR11", 1999, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_CONFIDENTIAL);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "tgs00042", "GR11", 2001, &flags), ==, 0.25);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_BREAK | DISTRETTO_FLAGS_LOW_RELIABILITY);
  g_assert_null (distretto_dataset_get_region (dataset, "EL11"));
}

/* A huge field is quoted in a message, cut: never the whole of it. */
static void
test_long_field_message (void)
{
  g_autoptr(GString) text = g_string_new ("unit,geo\\time\t2015 \nTHS,");
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\t1 \n");

  dataset = load_text ("t.tsv", text->str, &error);
  g_assert_null (dataset);
  distretto_test_assert_import_error (error, DISTRETTO_IMPORT_ERROR_VALUE, "t.tsv:2:1:", "…");
  g_assert_cmpuint (strlen (error->message), <, 300);
}

static void
test_detection (void)
{
  g_autoptr(GBytes) tsv = g_bytes_new_static (OLD_STYLE, strlen (OLD_STYLE));
  g_autoptr(GBytes) tidy = g_bytes_new_static ("region,indicator,year,value\n", 28);
  g_autoptr(GBytes) sdmx = g_bytes_new_static ("DATAFLOW,freq,geo,TIME_PERIOD,OBS_VALUE\n", 40);
  g_autoptr(GBytes) json = g_bytes_new_static ("  {\"version\":\"2.0\"}", 19);
  g_autoptr(GBytes) geojson = g_bytes_new_static ("{\"type\":\"FeatureCollection\",\"features\":[]}", 42);
  g_autoptr(GBytes) binary = g_bytes_new_static ("\x89PNG\r\n\x1a\n\0\0", 10);

  g_assert_cmpint (distretto_data_format_detect (tsv), ==, DISTRETTO_DATA_FORMAT_EUROSTAT_TSV);
  g_assert_cmpint (distretto_data_format_detect (tidy), ==, DISTRETTO_DATA_FORMAT_TIDY_CSV);
  g_assert_cmpint (distretto_data_format_detect (sdmx), ==, DISTRETTO_DATA_FORMAT_SDMX_CSV);
  g_assert_cmpint (distretto_data_format_detect (json), ==, DISTRETTO_DATA_FORMAT_JSON_STAT);
  g_assert_cmpint (distretto_data_format_detect (geojson), ==, DISTRETTO_DATA_FORMAT_GEOJSON);
  g_assert_cmpint (distretto_data_format_detect (binary), ==, DISTRETTO_DATA_FORMAT_UNKNOWN);
}

typedef struct
{
  const char *file;
  int first_year, last_year;
  guint level0, level1, level2, aggregates, extra_regio;
  guint n_series;
  const char *series;
  const char *region;
  int year;
  double value;
} RealFile;

/* Counted from the files themselves with a separate script; see
 * ../shared/data/real/README.md for their origin. */
static const RealFile real_files[] = {
  { "lfst_r_lfe2en2.tsv", 2008, 2015, 33, 117, 335, 6, 0, 0, "lfst_r_lfe2en2.THS.A.Y15-24", "AT", 2015, 14.3 },
  { "lfst_r_lfe2eedu.tsv", 1999, 2015, 33, 117, 335, 6, 0, 0, NULL, NULL, 0, 0 },
  { "trng_lfse_04.tsv", 2000, 2015, 33, 116, 330, 6, 0, 0, NULL, NULL, 0, 0 },
  { "nama_10r_2gdp.tsv", 2000, 2014, 30, 116, 299, 1, 31, 6, NULL, NULL, 0, 0 },
  { "nama_10r_2gvagr.tsv", 2000, 2014, 29, 79, 173, 1, 14, 1, NULL, NULL, 0, 0 },
  { "nama_10r_2gvagr.tsv.gz", 2000, 2014, 29, 79, 173, 1, 14, 1, NULL, NULL, 0, 0 },
};

static void
test_real_file (gconstpointer data)
{
  const RealFile *real = data;
  const char *dir = g_getenv ("DISTRETTO_REAL_DATA");
  g_autofree char *path = dir ? g_build_filename (dir, "eurostat-tsv-2017", real->file, NULL) : NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  guint levels[4] = { 0 }, aggregates = 0, extra = 0;
  gint64 start;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }

  file = g_file_new_for_path (path);
  start = g_get_monotonic_time ();
  dataset = distretto_dataset_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s: %u regions, %u series, %" G_GSIZE_FORMAT " cells in %.1f ms",
                  real->file, distretto_dataset_get_n_regions (dataset),
                  distretto_dataset_get_n_series (dataset),
                  distretto_dataset_get_n_observations (dataset),
                  (g_get_monotonic_time () - start) / 1000.0);

  g_assert_cmpint (distretto_dataset_get_first_year (dataset), ==, real->first_year);
  g_assert_cmpint (distretto_dataset_get_last_year (dataset), ==, real->last_year);

  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);
      int level = distretto_region_get_level (region);

      if (level == DISTRETTO_REGION_LEVEL_AGGREGATE)
        aggregates++;
      else
        levels[level]++;
      if (distretto_region_is_extra_regio (region))
        extra++;
    }

  g_assert_cmpuint (levels[0], ==, real->level0);
  g_assert_cmpuint (levels[1], ==, real->level1);
  g_assert_cmpuint (levels[2], ==, real->level2);
  g_assert_cmpuint (levels[3], ==, 0);
  g_assert_cmpuint (aggregates, ==, real->aggregates);
  g_assert_cmpuint (extra, ==, real->extra_regio);
  if (real->n_series > 0)
    g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, real->n_series);

  if (real->series != NULL)
    g_assert_cmpfloat (distretto_dataset_get_value (dataset, real->series, real->region, real->year, NULL), ==, real->value);

  /* Mixed NUTS vintages load side by side: NUTS 2010 FR91 (2008–2009)
   * next to NUTS 2013 FRA1 (2010 on). */
  if (g_str_equal (real->file, "lfst_r_lfe2en2.tsv"))
    {
      g_assert_nonnull (distretto_dataset_get_region (dataset, "FR91"));
      g_assert_nonnull (distretto_dataset_get_region (dataset, "FRA1"));
      g_assert_false (isnan (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.TOTAL.Y15-64", "FR91", 2008, NULL)));
      g_assert_true (isnan (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.TOTAL.Y15-64", "FR91", 2012, NULL)));
      g_assert_false (isnan (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.TOTAL.Y15-64", "FRA1", 2012, NULL)));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/EurostatTsv/old-style", test_old_style);
  g_test_add_func ("/Distretto/EurostatTsv/new-style-ascending-and-gzip", test_new_style_ascending_and_gzip);
  g_test_add_func ("/Distretto/EurostatTsv/detection", test_detection);
  g_test_add_func ("/Distretto/EurostatTsv/2011-layout", test_2011_layout);
  g_test_add_func ("/Distretto/EurostatTsv/long-field-message", test_long_field_message);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Distretto/EurostatTsv/malformed/%s", malformed[i].name);
      g_test_add_data_func (path, &malformed[i], test_malformed);
    }
  for (guint i = 0; i < G_N_ELEMENTS (real_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Distretto/EurostatTsv/real/%s", real_files[i].file);
      g_test_add_data_func (path, &real_files[i], test_real_file);
    }

  return g_test_run ();
}

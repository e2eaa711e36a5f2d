/* test-tidy-csv.c: the tidy CSV importer on good and malformed input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>

static GBytes *
bytes_from (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static DistrettoDataset *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = bytes_from (text);

  return distretto_tidy_csv_load_bytes (bytes, "test.csv", error);
}

static void
test_good_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  DistrettoFlags flags;

  dataset = load_text ("region,indicator,year,value,flag\n"
                       "ITH3,emp_total,2021,2150.5,\n"
                       "ITH3,emp_total,2022,2160,e\n"
                       "ES52,emp_total,2022,1900.25,bu\n"
                       "ES52,emp_kibs,2022,,c\n"
                       "EU27_2020,emp_total,2022,200000,synthetic|imputed\n",
                       &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  g_assert_cmpuint (distretto_dataset_get_n_regions (dataset), ==, 3);
  g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, 2);
  g_assert_cmpuint (distretto_dataset_get_n_observations (dataset), ==, 5);
  g_assert_cmpint (distretto_dataset_get_first_year (dataset), ==, 2021);
  g_assert_cmpint (distretto_dataset_get_last_year (dataset), ==, 2022);

  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "emp_total", "ITH3", 2021, &flags), ==, 2150.5);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_NONE);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "emp_total", "ITH3", 2022, &flags), ==, 2160.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_ESTIMATED);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "emp_total", "ES52", 2022, &flags), ==, 1900.25);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_BREAK | DISTRETTO_FLAGS_LOW_RELIABILITY);

  /* A given but missing value keeps its flag. */
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "emp_kibs", "ES52", 2022, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_CONFIDENTIAL);

  /* Cells never given, unknown codes and years out of range are NaN. */
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "emp_kibs", "ITH3", 2022, NULL)));
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "nope", "ITH3", 2022, NULL)));
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "emp_total", "XX99", 2022, NULL)));
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "emp_total", "ITH3", 1999, NULL)));

  g_assert_cmpint (distretto_region_get_level (distretto_dataset_get_region (dataset, "EU27_2020")),
                   ==, DISTRETTO_REGION_LEVEL_AGGREGATE);
  g_assert_cmpint (distretto_dataset_get_flags_seen (dataset) & DISTRETTO_FLAGS_SYNTHETIC,
                   ==, DISTRETTO_FLAGS_SYNTHETIC);
  g_assert_cmpint (distretto_dataset_get_latest_year (dataset, "emp_total"), ==, 2022);
  g_assert_cmpint (distretto_dataset_get_latest_year (dataset, "emp_kibs"), ==, 0);
}

static void
test_columns_any_order_bom_crlf_quotes_semicolon (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  dataset = load_text ("\xEF\xBB\xBFyear;value;region;indicator\r\n"
                       "2020;\"1.5\";ITI1;\"gdp\"\r\n"
                       "\r\n"
                       "2021;2.5;ITI1;gdp\r\n",
                       &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "gdp", "ITI1", 2020, NULL), ==, 1.5);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "gdp", "ITI1", 2021, NULL), ==, 2.5);
}

typedef struct
{
  const char *name;
  const char *text;
  DistrettoImportError code;
  const char *position;   /* "file:line:column:" the message must start with */
  const char *mentions;   /* a word the message must contain */
} Malformed;

static const Malformed malformed[] = {
  { "empty", "", DISTRETTO_IMPORT_ERROR_EMPTY, "test.csv:1:1:", "empty" },
  { "blank-lines", "\n\n  \n", DISTRETTO_IMPORT_ERROR_EMPTY, "test.csv:1:1:", "empty" },
  { "header-only", "region,indicator,year,value\n", DISTRETTO_IMPORT_ERROR_EMPTY, "test.csv:2:1:", "no data" },
  { "unknown-column", "region,indicator,year,value,colour\nITH3,x,2020,1,red\n",
    DISTRETTO_IMPORT_ERROR_HEADER, "test.csv:1:29:", "colour" },
  { "missing-column", "region,indicator,value\nITH3,x,1\n", DISTRETTO_IMPORT_ERROR_HEADER, "test.csv:1:1:", "year" },
  /* Read past, but not a misspelt one. */
  { "misspelt-descriptive", "region,name,indicator,year,value,rnak\nITH3,Veneto,x,2020,1,3\n",
    DISTRETTO_IMPORT_ERROR_HEADER, "test.csv:1:34:", "rnak" },
  { "descriptive-no-value", "region,name,indicator,year,rank,source\nITH3,Veneto,x,2020,1,s\n",
    DISTRETTO_IMPORT_ERROR_HEADER, "test.csv:1:1:", "no “value” column" },
  { "repeated-column", "region,year,indicator,year,value\n", DISTRETTO_IMPORT_ERROR_HEADER, "test.csv:1:", "twice" },
  { "ragged-row", "region,indicator,year,value\nITH3,x,2020,1\nITH3,x,2021\n",
    DISTRETTO_IMPORT_ERROR_SYNTAX, "test.csv:3:", "expected 4 fields" },
  { "extra-field", "region,indicator,year,value\nITH3,x,2020,1,9\n",
    DISTRETTO_IMPORT_ERROR_SYNTAX, "test.csv:2:", "found 5" },
  { "wrong-delimiter", "region\tindicator\tyear\tvalue\nITH3\tx\t2020\t1\n",
    DISTRETTO_IMPORT_ERROR_HEADER, "test.csv:1:1:", "column name" },
  { "non-numeric", "region,indicator,year,value\nITH3,x,2020,1\nITH3,x,2021,abc\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:3:13:", "abc" },
  { "number-with-junk", "region,indicator,year,value\nITH3,x,2020,1.5kg\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:13:", "1.5kg" },
  { "not-finite", "region,indicator,year,value\nITH3,x,2020,inf\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:13:", "number" },
  { "bad-year", "region,indicator,year,value\nITH3,x,20x0,1\n", DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:8:", "year" },
  { "year-out-of-range", "region,indicator,year,value\nITH3,x,3020,1\n", DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:8:", "3020" },
  { "bad-region", "region,indicator,year,value\nith3,x,2020,1\n", DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:1:", "NUTS" },
  { "bad-indicator", "region,indicator,year,value\nITH3,a b,2020,1\n", DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:6:", "indicator" },
  { "unknown-flag", "region,indicator,year,value,flag\nITH3,x,2020,1,q\n", DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:15:", "“q”" },
  { "duplicate-cell", "region,indicator,year,value\nITH3,x,2020,1\nITH4,x,2020,1\nITH3,x,2020,2\n",
    DISTRETTO_IMPORT_ERROR_DUPLICATE, "test.csv:4:1:", "line 2" },
  { "unclosed-quote", "region,indicator,year,value\nITH3,\"x,2020,1\n", DISTRETTO_IMPORT_ERROR_SYNTAX, "test.csv:2:6:", "closed" },
  { "junk-after-quote", "region,indicator,year,value\nITH3,\"x\"y,2020,1\n", DISTRETTO_IMPORT_ERROR_SYNTAX, "test.csv:2:9:", "delimiter" },
  { "binary-after-quote", "region,indicator,year,value\nITH3,\"x\"\xDF,2020,1\n", DISTRETTO_IMPORT_ERROR_SYNTAX, "test.csv:2:9:", "0xDF" },
  { "not-utf8", "region,indicator,year,value\nITH3,x,2020,1\nIT\xE9\xFF,x,2020,1\n",
    DISTRETTO_IMPORT_ERROR_ENCODING, "test.csv:3:3:", "UTF-8" },
  { "hexadecimal", "region,indicator,year,value\nITH3,x,2020,0x10\n", DISTRETTO_IMPORT_ERROR_VALUE,
    "test.csv:2:13:", "hexadecimal" },
  { "underflow", "region,indicator,year,value\nITH3,x,2020,-1e-400\n", DISTRETTO_IMPORT_ERROR_VALUE,
    "test.csv:2:13:", "read as 0" },
  { "overflow", "region,indicator,year,value\nITH3,x,2020,1e400\n", DISTRETTO_IMPORT_ERROR_VALUE,
    "test.csv:2:13:", "too large" },
  { "wide-no-indicator", "region,year,nuts_version\nITH3,2020,2021\n", DISTRETTO_IMPORT_ERROR_HEADER,
    "test.csv:1:1:", "no indicator column" },
  { "wide-no-year", "nuts_id,rd_private\nITH3,1\n", DISTRETTO_IMPORT_ERROR_HEADER,
    "test.csv:1:1:", "no “year” column" },
  { "wide-bad-name", "region,year,R&D per head\nITH3,2020,1\n", DISTRETTO_IMPORT_ERROR_HEADER,
    "test.csv:1:13:", "“R&D per head”" },
  { "wide-bad-value", "region,year,a,b\nITH3,2020,1,x\n", DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:13:", "“x”" },
  { "wide-bad-flag", "region,year,a,a_flag\nITH3,2020,1,q\n", DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:13:", "“q”" },
  { "wide-bad-version", "year,nuts_id,nuts_year_spec,a\n2020,ITH3,16,1\n", DISTRETTO_IMPORT_ERROR_VALUE,
    "test.csv:2:11:", "NUTS version" },
  /* Every line's version is read, also where the region repeats. */
  { "bad-version-on-a-later-line", "region,indicator,year,value,nuts_version\nITH3,x,2020,1,2021\nITH3,x,2021,1,21\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:3:15:", "NUTS version" },
  { "long-form-unknown-column", "region,indicator,year,value,nuts_year_spec,colour\nITH3,x,2020,1,2016,red\n",
    DISTRETTO_IMPORT_ERROR_HEADER, "test.csv:1:44:", "“colour”" },
};

static void
test_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  dataset = load_text (m->text, &error);
  g_assert_null (dataset);
  distretto_test_assert_import_error (error, m->code, m->position, m->mentions);
}

static void
test_long_line (void)
{
  g_autoptr(GString) text = g_string_new ("region,indicator,year,value\nITH3,x,2020,");
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  /* A 1 MB field is read and rejected, not truncated or crashed on. */
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (text, '7');
  g_string_append (text, "x\n");

  dataset = load_text (text->str, &error);
  g_assert_null (dataset);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_VALUE);
}

static void
test_load_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("distretto-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "data.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/data.csv");
  g_autoptr(DistrettoDataset) dataset = NULL;

  g_assert_no_error (error);
  g_file_set_contents (path, "region,indicator,year,value\nFI19,x,2019,3\nFI19,x,2019,4\n", -1, &error);
  g_assert_no_error (error);

  dataset = distretto_tidy_csv_load_file (file, &error);
  g_assert_null (dataset);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_DUPLICATE);
  /* The message names the file the user picked. */
  g_assert_nonnull (strstr (error->message, "data.csv:3:1:"));
  g_clear_error (&error);

  dataset = distretto_tidy_csv_load_file (missing, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_unlink (path);
  g_rmdir (dir);
}

/* One line per region and year, one column per indicator, named by its
 * header (Nesta's `year,nuts_id,nuts_year_spec,<indicator>`). */
/* What Distretto's exported tables add for their readers is read past:
 * a name, a rank, a group, an interval, a source line with commas. */
static void
test_descriptive_columns (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoDataset) wide = NULL;
  DistrettoFlags flags;

  dataset = load_text ("region,name,indicator,year,value,flag,rank,group,lower,upper,source\n"
                       "ITH3,Veneto,servitization,2023,59.4,synthetic,1,Strong,50,60,\"Source: Eurostat (a, b)\"\n"
                       "ITH4,Friuli-Venezia Giulia,servitization,2023,51.4,,2,Strong,,,\n",
                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, 1);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "servitization", "ITH3", 2023, &flags), ==, 59.4);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_SYNTHETIC);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "servitization", "ITH4", 2023, &flags), ==, 51.4);

  /* In the wide form, a name column is no indicator. */
  wide = load_text ("region,name,year,rd_private\nITH3,Veneto,2020,1.5\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (distretto_dataset_get_n_series (wide), ==, 1);
  g_assert_true (distretto_dataset_has_series (wide, "rd_private"));
}

static void
test_wide_form (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  DistrettoFlags flags;

  dataset = load_text ("year,nuts_id,nuts_year_spec,rd_private_eur_hab,rd_government_eur_hab,rd_government_eur_hab_flag\r\n"
                       "2015,AT11,2016,237.9,12.5,e\r\n"
                       "2016,AT11,2016,,13,\r\n"
                       "2015,EL30,2016,101,,c\r\n",
                       &error);
  g_assert_no_error (error);

  g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, 2);
  g_assert_cmpstr (distretto_dataset_get_series_code (dataset, 0), ==, "rd_private_eur_hab");
  g_assert_cmpstr (distretto_dataset_get_series_code (dataset, 1), ==, "rd_government_eur_hab");
  g_assert_cmpuint (distretto_dataset_get_n_regions (dataset), ==, 2);

  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "rd_private_eur_hab", "AT11", 2015, &flags), ==, 237.9);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_NONE);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "rd_government_eur_hab", "AT11", 2015, &flags), ==, 12.5);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_ESTIMATED);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "rd_private_eur_hab", "AT11", 2016, NULL)));
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "rd_government_eur_hab", "EL30", 2015, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_CONFIDENTIAL);

  /* The file says which NUTS version its codes are. */
  g_assert_cmpint (distretto_region_get_nuts_version (distretto_dataset_get_region (dataset, "EL30")), ==, 2016);

  /* A cell given twice is an error, as in the long form. */
  g_clear_object (&dataset);
  dataset = load_text ("region,year,a\nITH3,2020,1\nITH3,2020,2\n", &error);
  g_assert_null (dataset);
  distretto_test_assert_import_error (error, DISTRETTO_IMPORT_ERROR_DUPLICATE, "test.csv:3:1:", "line 2");
}

/* A huge field is quoted in a message, cut: never the whole of it. */
static void
test_long_field_message (void)
{
  g_autoptr(GString) text = g_string_new ("region,indicator,year,value\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "é");
  g_string_append (text, ",x,2020,1\n");

  dataset = load_text (text->str, &error);
  g_assert_null (dataset);
  distretto_test_assert_import_error (error, DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:1:", "…");
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 200);
}

static void
test_region_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = load_text ("region,indicator,year,value\nITH3,x,2020,1\nES52,x,2020,2\n", &error);
  g_autoptr(GBytes) names = bytes_from ("code,name,national_name\nITH3,Veneto,Veneto\n"
                                        "ES52,\"Valencia, Comunitat\",Comunitat Valenciana\n"
                                        "DE11,Stuttgart,Stuttgart\n");
  g_autoptr(GBytes) bad = bytes_from ("code,name,national_name\nITH3,Other,Other\nbad,x,y\n");

  g_assert_no_error (error);
  g_assert_true (distretto_region_names_load_bytes (dataset, names, "names.csv", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "ITH3")), ==, "Veneto");
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "ES52")), ==, "Valencia, Comunitat");
  g_assert_cmpstr (distretto_region_get_national_name (distretto_dataset_get_region (dataset, "ES52")), ==, "Comunitat Valenciana");

  /* An optional fourth column gives the NUTS version. */
  {
    g_autoptr(GBytes) versioned = bytes_from ("code,name,national_name,nuts_version\nITH3,Veneto,Veneto,2021\n");
    g_autoptr(GBytes) bad_version = bytes_from ("code,name,national_name,nuts_version\nITH3,Veneto,Veneto,21\n");

    g_assert_true (distretto_region_names_load_bytes (dataset, versioned, "v.csv", &error));
    g_assert_cmpint (distretto_region_get_nuts_version (distretto_dataset_get_region (dataset, "ITH3")), ==, 2021);
    g_assert_false (distretto_region_names_load_bytes (dataset, bad_version, "v.csv", &error));
    g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_VALUE);
    g_assert_true (g_str_has_prefix (error->message, "v.csv:2:20:"));
    g_clear_error (&error);
  }

  /* A bad file renames nothing. */
  g_assert_false (distretto_region_names_load_bytes (dataset, bad, "bad.csv", &error));
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "bad.csv:3:1:"));
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "ITH3")), ==, "Veneto");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/TidyCsv/good", test_good_file);
  g_test_add_func ("/Distretto/TidyCsv/any-order-bom-crlf-quotes-semicolon",
                   test_columns_any_order_bom_crlf_quotes_semicolon);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Distretto/TidyCsv/malformed/%s", malformed[i].name);
      g_test_add_data_func (path, &malformed[i], test_malformed);
    }
  g_test_add_func ("/Distretto/TidyCsv/long-line", test_long_line);
  g_test_add_func ("/Distretto/TidyCsv/load-file", test_load_file);
  g_test_add_func ("/Distretto/TidyCsv/region-names", test_region_names);
  g_test_add_func ("/Distretto/TidyCsv/wide-form", test_wide_form);
  g_test_add_func ("/Distretto/TidyCsv/descriptive-columns", test_descriptive_columns);
  g_test_add_func ("/Distretto/TidyCsv/long-field-message", test_long_field_message);

  return g_test_run ();
}

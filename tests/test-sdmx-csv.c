/* test-sdmx-csv.c: the SDMX-CSV importer on good and malformed input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#define HEADER_1_0 "DATAFLOW,LAST UPDATE,freq,unit,nace_r2,age,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
#define ROW_PREFIX "ESTAT:LFST_R_LFE2EN2(1.0),16/04/24 23:00:00,A,THS,"

static DistrettoDataset *
load_named (const char  *text,
            gsize        len,
            const char  *name,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len);

  return distretto_dataset_load_bytes (bytes, name, NULL, error);
}

static DistrettoDataset *
load_text (const char  *text,
           GError     **error)
{
  return load_named (text, strlen (text), "test.csv", error);
}

static void
test_sdmx_1_0 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  DistrettoSource *source;
  DistrettoFlags flags;

  dataset = load_text (HEADER_1_0
                       ROW_PREFIX "C,Y15-64,ITH3,2015,123.4,\n"
                       ROW_PREFIX "C,Y15-64,ITH3,2016,125,p\n"
                       ROW_PREFIX "C,Y15-64,ES52,2016,,c\n"
                       ROW_PREFIX "G-I,Y15-64,ITH3,2016,300.5,bu\n"
                       ROW_PREFIX "G-I,Y15-64,EU27_2020,2016,9000,\n",
                       &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  source = distretto_dataset_get_source_at (dataset, 0);
  g_assert_cmpstr (distretto_source_get_format (source), ==, "SDMX-CSV");
  g_assert_cmpstr (distretto_source_get_table_code (source), ==, "lfst_r_lfe2en2");
  g_assert_cmpstr (distretto_source_get_name (source), ==, "test.csv");

  g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, 2);
  g_assert_cmpstr (distretto_dataset_get_series_code (dataset, 0), ==, "lfst_r_lfe2en2.THS.C.Y15-64");
  g_assert_cmpstr (distretto_dataset_get_series_code (dataset, 1), ==, "lfst_r_lfe2en2.THS.G-I.Y15-64");
  g_assert_cmpuint (distretto_dataset_get_n_regions (dataset), ==, 3);
  g_assert_cmpuint (distretto_dataset_get_n_observations (dataset), ==, 5);
  g_assert_cmpint (distretto_dataset_get_first_year (dataset), ==, 2015);
  g_assert_cmpint (distretto_dataset_get_last_year (dataset), ==, 2016);

  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.C.Y15-64", "ITH3", 2015, &flags), ==, 123.4);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_NONE);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.C.Y15-64", "ITH3", 2016, &flags), ==, 125.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_PROVISIONAL);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.C.Y15-64", "ES52", 2016, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_CONFIDENTIAL);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.G-I.Y15-64", "ITH3", 2016, &flags), ==, 300.5);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_BREAK | DISTRETTO_FLAGS_LOW_RELIABILITY);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.G-I.Y15-64", "EU27_2020", 2016, NULL), ==, 9000.0);
  g_assert_cmpint (distretto_region_get_level (distretto_dataset_get_region (dataset, "EU27_2020")),
                   ==, DISTRETTO_REGION_LEVEL_AGGREGATE);

  /* Never given. */
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.THS.G-I.Y15-64", "ES52", 2016, NULL)));
}

static void
test_sdmx_2_0_labels_semicolon_bom_crlf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  DistrettoFlags flags;

  dataset = load_text ("\xEF\xBB\xBF" "STRUCTURE;STRUCTURE_ID;STRUCTURE_NAME;ACTION;freq:Time frequency;"
                       "unit:Unit of measure, as published;geo:Geopolitical entity (reporting);TIME_PERIOD:Time;"
                       "OBS_VALUE:Observation value;OBS_FLAG:Observation status (Flag) V2 structure;"
                       "CONF_STATUS:Confidentiality status (flag)\r\n"
                       "dataflow;ESTAT:NAMA_10R_2GDP(1.0);\"GDP; current prices\";I;A;MIO_EUR;ITH3;2021;171234.5;;F\r\n"
                       "\r\n"
                       "dataflow;ESTAT:NAMA_10R_2GDP(1.0);\"GDP; current prices\";A;A: Annual;"
                       "MIO_EUR: Million euro;ITH4: Friuli-Venezia Giulia;2021;\"40000\";e: estimated;\r\n",
                       &error);
  g_assert_no_error (error);

  g_assert_cmpstr (distretto_source_get_table_code (distretto_dataset_get_source_at (dataset, 0)), ==, "nama_10r_2gdp");
  g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, 1);
  g_assert_cmpstr (distretto_dataset_get_series_code (dataset, 0), ==, "nama_10r_2gdp.MIO_EUR");
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "nama_10r_2gdp.MIO_EUR", "ITH3", 2021, &flags), ==, 171234.5);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_NONE);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "nama_10r_2gdp.MIO_EUR", "ITH4", 2021, &flags), ==, 40000.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_ESTIMATED);

  /* Labels name regions. */
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "ITH4")), ==, "Friuli-Venezia Giulia");
  g_assert_null (distretto_region_get_name (distretto_dataset_get_region (dataset, "ITH3")));
}

/* Eurostat's downloads with labels: a column of labels after each column
 * of codes, quoted labels holding commas, CRLF, and confidentiality. */
#define LABELS_HEADER_2_0 \
  "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,freq,Time frequency,nace_r2,\"Statistical classification of " \
  "economic activities, NACE Rev. 2\",unit,Unit of measure,geo,Geopolitical entity (reporting)," \
  "TIME_PERIOD,Time,OBS_VALUE,Observation value,OBS_FLAG,Observation status (Flag) V2 structure," \
  "CONF_STATUS,Confidentiality status (flag)\r\n"
#define LABELS_ROW_2_0 \
  "dataflow,ESTAT:LFST_R_LFE2EN2(1.0),\"Employment by age, economic activity and NUTS 2 regions\"," \
  "A,Annual,C,Manufacturing,THS,Thousand persons,"

static void
test_labels_2_0 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  DistrettoSeries *series;
  g_autofree char *selector = NULL;
  DistrettoFlags flags;

  dataset = load_text (LABELS_HEADER_2_0
                       LABELS_ROW_2_0 "AT11,Burgenland (AT),2021,,12.5,,,,,\r\n"
                       LABELS_ROW_2_0 "AT11,Burgenland (AT),2022,,13,,e,estimated,,\r\n"
                       LABELS_ROW_2_0 "HU10,\"Közép-Magyarország, (region) (NUTS 2013)\",2016,,,,,,C,confidential\r\n"
                       LABELS_ROW_2_0 "UKN0,Northern Ireland (UK) (NUTS 2021),2016,,80.25,,b,break in time series,F,free\r\n",
                       &error);
  g_assert_no_error (error);

  g_assert_cmpstr (distretto_source_get_table_code (distretto_dataset_get_source_at (dataset, 0)), ==, "lfst_r_lfe2en2");
  g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, 1);
  g_assert_cmpstr (distretto_dataset_get_series_code (dataset, 0), ==, "lfst_r_lfe2en2.C.THS");

  /* The dimensions come from the code columns, not the labels. */
  series = distretto_dataset_get_series_at (dataset, 0);
  selector = distretto_series_dup_selector (series);
  g_assert_cmpstr (selector, ==, "lfst_r_lfe2en2?nace_r2=C&unit=THS");

  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.C.THS", "AT11", 2021, &flags), ==, 12.5);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_NONE);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.C.THS", "AT11", 2022, &flags), ==, 13.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_ESTIMATED);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.C.THS", "HU10", 2016, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_CONFIDENTIAL);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "lfst_r_lfe2en2.C.THS", "UKN0", 2016, &flags), ==, 80.25);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_BREAK);

  /* Labels name the regions, without country or NUTS version; other
   * parentheses stay. */
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "AT11")), ==, "Burgenland");
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "HU10")), ==, "Közép-Magyarország, (region)");
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "UKN0")), ==, "Northern Ireland");
}

/* The older layout (DATAFLOW, LAST UPDATE) with label columns, LF. */
static void
test_labels_1_0 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  dataset = load_text ("DATAFLOW,LAST UPDATE,freq,Time frequency,unit,Unit of measure,geo,"
                       "Geopolitical entity (reporting),TIME_PERIOD,Time,OBS_VALUE,Observation value,"
                       "OBS_FLAG,Observation status (Flag)\n"
                       "ESTAT:NAMA_10R_2GDP(1.0),15/03/24 23:00:00,A,Annual,MIO_EUR,Million euro,ITH3,Veneto,"
                       "2022,,171234.5,,p,provisional\n",
                       &error);
  g_assert_no_error (error);
  g_assert_cmpstr (distretto_dataset_get_series_code (dataset, 0), ==, "nama_10r_2gdp.MIO_EUR");
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "nama_10r_2gdp.MIO_EUR", "ITH3", 2022, NULL), ==, 171234.5);
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "ITH3")), ==, "Veneto");
}

/* The same table as Eurostat TSV and as SDMX-CSV with labels: the same
 * series, selectors, values and flags. */
static void
test_labels_same_as_tsv (void)
{
  g_autoptr(GBytes) tsv_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) sdmx = NULL;
  g_autoptr(DistrettoDataset) tsv = NULL;
  const char *tsv_text = "unit,nace_r2,geo\\time\t2022 \t2021 \n"
                         "THS,C,AT11\t13 e\t12.5 \n"
                         "THS,C,UKN0\t: \t80.25 b\n";

  tsv_bytes = g_bytes_new (tsv_text, strlen (tsv_text));
  tsv = distretto_dataset_load_bytes (tsv_bytes, "lfst_r_lfe2en2.tsv", NULL, &error);
  g_assert_no_error (error);
  sdmx = load_text ("STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,freq,Time frequency,geo,Geopolitical entity (reporting),"
                    "nace_r2,NACE,unit,Unit,TIME_PERIOD,Time,OBS_VALUE,Observation value,OBS_FLAG,Flag\n"
                    "dataflow,ESTAT:LFST_R_LFE2EN2(1.0),x,A,Annual,UKN0,Northern Ireland,C,Manufacturing,THS,Thousand,2021,,80.25,,b,\n"
                    "dataflow,ESTAT:LFST_R_LFE2EN2(1.0),x,A,Annual,AT11,Burgenland,C,Manufacturing,THS,Thousand,2022,,13,,e,\n"
                    "dataflow,ESTAT:LFST_R_LFE2EN2(1.0),x,A,Annual,AT11,Burgenland,C,Manufacturing,THS,Thousand,2021,,12.5,,,\n",
                    &error);
  g_assert_no_error (error);

  /* Dimension order differs (geo first here): each series matches the
   * other's selector. */
  g_assert_cmpuint (distretto_dataset_get_n_series (sdmx), ==, 1);
  g_assert_cmpuint (distretto_dataset_get_n_series (tsv), ==, 1);
  {
    g_autofree char *a = distretto_series_dup_selector (distretto_dataset_get_series_at (sdmx, 0));
    g_autofree char *b = distretto_series_dup_selector (distretto_dataset_get_series_at (tsv, 0));

    g_assert_true (distretto_selector_matches (a, distretto_dataset_get_series_at (tsv, 0)));
    g_assert_true (distretto_selector_matches (b, distretto_dataset_get_series_at (sdmx, 0)));
  }

  for (int y = 2021; y <= 2022; y++)
    for (guint r = 0; r < 2; r++)
      {
        const char *region = r == 0 ? "AT11" : "UKN0";
        const char *selector = "lfst_r_lfe2en2?nace_r2=C&unit=THS";
        DistrettoFlags f1, f2;
        double v1 = distretto_dataset_get_selected_value (tsv, selector, region, y, &f1);
        double v2 = distretto_dataset_get_selected_value (sdmx, selector, region, y, &f2);

        g_assert_true ((isnan (v1) && isnan (v2)) || v1 == v2);
        g_assert_cmpint (f1, ==, f2);
      }
  g_assert_cmpfloat (distretto_dataset_get_selected_value (sdmx, "lfst_r_lfe2en2?nace_r2=C", "UKN0", 2021, NULL), ==, 80.25);
}

static void
test_several_dataflows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  dataset = load_text ("DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE\n"
                       "ESTAT:NAMA_10R_2GDP(1.0),x,A,MIO_EUR,FI19,2020,10\n"
                       "ESTAT:NAMA_10R_2GVAGR(1.0),x,A,PCH_PRE,FI19,2020,-1.5\n"
                       "ESTAT:NAMA_10R_2GDP,x,A,MIO_EUR,FI19,2021,11\n"
                       "NAMA_10R_2GDP,x,A,MIO_EUR,FI1B,2021,12\n",
                       &error);
  g_assert_no_error (error);

  /* The source is named after the first table. */
  g_assert_cmpstr (distretto_source_get_table_code (distretto_dataset_get_source_at (dataset, 0)), ==, "nama_10r_2gdp");
  g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, 2);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "nama_10r_2gdp.MIO_EUR", "FI19", 2021, NULL), ==, 11.0);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "nama_10r_2gdp.MIO_EUR", "FI1B", 2021, NULL), ==, 12.0);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "nama_10r_2gvagr.PCH_PRE", "FI19", 2020, NULL), ==, -1.5);
}

static void
test_no_dataflow_column (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) named = NULL;
  g_autoptr(DistrettoDataset) unnamed = NULL;
  const char *text = "unit,geo,TIME_PERIOD,OBS_VALUE\nPPS_HAB,DE11,2019,45000\n";

  /* Without DATAFLOW, the file name gives the table when it can. */
  named = load_named (text, strlen (text), "/data/nama_10r_2gdp.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (distretto_source_get_format (distretto_dataset_get_source_at (named, 0)), ==, "SDMX-CSV");
  g_assert_cmpstr (distretto_source_get_table_code (distretto_dataset_get_source_at (named, 0)), ==, "nama_10r_2gdp");
  g_assert_true (distretto_dataset_has_series (named, "nama_10r_2gdp.PPS_HAB"));

  unnamed = load_named (text, strlen (text), "My Download.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (distretto_dataset_get_value (unnamed, "sdmx.PPS_HAB", "DE11", 2019, NULL), ==, 45000.0);
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
  { "header-only", HEADER_1_0, DISTRETTO_IMPORT_ERROR_EMPTY, "test.csv:2:1:", "no data" },
  { "header-only-blank-lines", HEADER_1_0 "\n\n", DISTRETTO_IMPORT_ERROR_EMPTY, "test.csv:", "no data" },
  { "wrong-delimiter", "DATAFLOW\tLAST UPDATE\tfreq\tunit\tgeo\tTIME_PERIOD\tOBS_VALUE\n"
    "ESTAT:X(1.0)\tx\tA\tTHS\tITH3\t2015\t1\n", DISTRETTO_IMPORT_ERROR_HEADER, "test.csv:1:1:", "tabs" },
  { "missing-geo", "DATAFLOW,freq,unit,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),A,THS,2015,1\n",
    DISTRETTO_IMPORT_ERROR_HEADER, "test.csv:1:1:", "no “geo” column" },
  { "missing-several", "DATAFLOW,freq,unit,TIME_PERIOD\nESTAT:X(1.0),A,THS,2015\n",
    DISTRETTO_IMPORT_ERROR_HEADER, "test.csv:1:1:", "“geo”, “OBS_VALUE” columns" },
  { "repeated-column", "DATAFLOW,geo,TIME_PERIOD,geo,OBS_VALUE\n", DISTRETTO_IMPORT_ERROR_HEADER,
    "test.csv:1:26:", "twice" },
  { "label-column", "DATAFLOW,freq,Time frequency,geo,TIME_PERIOD,OBS_VALUE\n", DISTRETTO_IMPORT_ERROR_HEADER,
    "test.csv:1:15:", "dimension id" },
  { "ragged-row", HEADER_1_0 ROW_PREFIX "C,Y15-64,ITH3,2015,1,\n" ROW_PREFIX "C,Y15-64,ITH3,2016,1\n",
    DISTRETTO_IMPORT_ERROR_SYNTAX, "test.csv:3:", "expected 10 fields" },
  { "extra-field", HEADER_1_0 ROW_PREFIX "C,Y15-64,ITH3,2015,1,,x\n",
    DISTRETTO_IMPORT_ERROR_SYNTAX, "test.csv:2:", "found 11" },
  { "non-numeric", HEADER_1_0 ROW_PREFIX "C,Y15-64,ITH3,2015,12a,\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:70:", "“12a”" },
  { "not-finite", HEADER_1_0 ROW_PREFIX "C,Y15-64,ITH3,2015,inf,\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:70:", "number" },
  { "unknown-flag", HEADER_1_0 ROW_PREFIX "C,Y15-64,ITH3,2015,1,q\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:72:", "“q”" },
  { "quarterly-freq", HEADER_1_0 "ESTAT:X(1.0),x,Q,THS,C,Y15-64,ITH3,2015-Q1,1,\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:16:", "only annual data" },
  { "quarterly-period", HEADER_1_0 ROW_PREFIX "C,Y15-64,ITH3,2015-Q1,1,\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:65:", "“2015-Q1”" },
  { "monthly-period-no-freq", "DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),ITH3,2015-01,1\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:19:", "only annual data" },
  { "year-out-of-range", HEADER_1_0 ROW_PREFIX "C,Y15-64,ITH3,1850,1,\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:65:", "1850" },
  { "bad-region", HEADER_1_0 ROW_PREFIX "C,Y15-64,ith3,2015,1,\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:60:", "NUTS" },
  { "bad-dataflow", HEADER_1_0 "ESTAT:LFST R(1.0),x,A,THS,C,Y15-64,ITH3,2015,1,\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:1:", "dataflow" },
  { "empty-dimension", HEADER_1_0 ROW_PREFIX ",Y15-64,ITH3,2015,1,\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:", "“nace_r2”" },
  { "deletion", "STRUCTURE,STRUCTURE_ID,ACTION,geo,TIME_PERIOD,OBS_VALUE\ndataflow,ESTAT:X(1.0),D,ITH3,2015,\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:23:", "deletions" },
  { "duplicate-cell", HEADER_1_0 ROW_PREFIX "C,Y15-64,ITH3,2015,1,\n" ROW_PREFIX "C,Y15-64,ITH4,2015,1,\n"
    ROW_PREFIX "C,Y15-64,ITH3,2015,2,\n", DISTRETTO_IMPORT_ERROR_DUPLICATE, "test.csv:4:1:", "line 2" },
  { "unclosed-quote", HEADER_1_0 ROW_PREFIX "\"C,Y15-64,ITH3,2015,1,\n", DISTRETTO_IMPORT_ERROR_SYNTAX,
    "test.csv:2:51:", "closed" },
  { "not-utf8", HEADER_1_0 ROW_PREFIX "C,Y15-64,ITH3,2015,1,\n" ROW_PREFIX "C,Y15-64,IT\xE9\xFF,2016,1,\n",
    DISTRETTO_IMPORT_ERROR_ENCODING, "test.csv:3:62:", "UTF-8" },
  { "hexadecimal", HEADER_1_0 ROW_PREFIX "C,Y15-64,ITH3,2015,0x10,\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:70:", "hexadecimal" },
  { "underflow", HEADER_1_0 ROW_PREFIX "C,Y15-64,ITH3,2015,1e-400,\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:70:", "“1e-400”" },
  { "labels-missing-label", "STRUCTURE,STRUCTURE_ID,freq,Time frequency,geo,TIME_PERIOD,Time,OBS_VALUE\n",
    DISTRETTO_IMPORT_ERROR_HEADER, "test.csv:1:48:", "found the column “TIME_PERIOD”" },
  { "labels-unknown-confidentiality", LABELS_HEADER_2_0 LABELS_ROW_2_0 "AT11,Burgenland,2021,,1,,,,Q,what\r\n",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:", "confidentiality status" },
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
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  /* An empty file has no header to recognise SDMX-CSV by: it is empty
   * whatever its format. */
  dataset = load_text ("", &error);
  g_assert_null (dataset);
  distretto_test_assert_import_error (error, DISTRETTO_IMPORT_ERROR_EMPTY, "test.csv:1:1:", "empty");
}

static void
test_long_lines (void)
{
  g_autoptr(GString) row = g_string_new (HEADER_1_0 ROW_PREFIX "C,Y15-64,ITH3,2015,");
  g_autoptr(GString) header = g_string_new ("DATAFLOW,");
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  /* A 1 MB value is read and rejected, not truncated or crashed on. */
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (row, '7');
  g_string_append (row, "x,\n");

  dataset = load_named (row->str, row->len, "test.csv", &error);
  g_assert_null (dataset);
  distretto_test_assert_import_error (error, DISTRETTO_IMPORT_ERROR_VALUE, "test.csv:2:70:", "expected a number");
  g_clear_error (&error);

  /* A 1 MB header line without a line end. */
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (header, 'u');

  dataset = load_named (header->str, header->len, "test.csv", &error);
  g_assert_null (dataset);
  distretto_test_assert_import_error (error, DISTRETTO_IMPORT_ERROR_HEADER, "test.csv:1:1:", "“geo”");
}

static void
test_file_with_error_loads_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autofree char *dir = g_dir_make_tmp ("distretto-sdmx-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lfst_r_lfe2en2.csv", NULL);

  g_assert_no_error (error);
  g_file_set_contents (path, HEADER_1_0 ROW_PREFIX "C,Y15-64,ITH3,2015,1,\n" ROW_PREFIX "C,Y15-64,ITH3,2016,1,q\n",
                       -1, &error);
  g_assert_no_error (error);

  /* Through the file loader too, and the message names the file. */
  file = g_file_new_for_path (path);
  dataset = distretto_dataset_load_file (file, NULL, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "lfst_r_lfe2en2.csv:3:72:"));

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/SdmxCsv/1.0", test_sdmx_1_0);
  g_test_add_func ("/Distretto/SdmxCsv/2.0-labels-semicolon-bom-crlf", test_sdmx_2_0_labels_semicolon_bom_crlf);
  g_test_add_func ("/Distretto/SdmxCsv/labels-2.0", test_labels_2_0);
  g_test_add_func ("/Distretto/SdmxCsv/labels-1.0", test_labels_1_0);
  g_test_add_func ("/Distretto/SdmxCsv/labels-same-as-tsv", test_labels_same_as_tsv);
  g_test_add_func ("/Distretto/SdmxCsv/several-dataflows", test_several_dataflows);
  g_test_add_func ("/Distretto/SdmxCsv/no-dataflow-column", test_no_dataflow_column);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Distretto/SdmxCsv/malformed/%s", malformed[i].name);
      g_test_add_data_func (path, &malformed[i], test_malformed);
    }
  g_test_add_func ("/Distretto/SdmxCsv/empty", test_empty);
  g_test_add_func ("/Distretto/SdmxCsv/long-lines", test_long_lines);
  g_test_add_func ("/Distretto/SdmxCsv/error-loads-nothing", test_file_with_error_loads_nothing);

  return g_test_run ();
}

/* test-json-stat.c: the JSON-stat importer on good and malformed input,
 * and against the SDMX-CSV importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"
#include <math.h>
#include <string.h>

/* A JSON-stat 2.0 dataset as Eurostat's API serves it: 1 × 2 × 3 × 2 cells. */
static const char eurostat_2_0[] =
  "{\n"
  "  \"version\": \"2.0\",\n"
  "  \"class\": \"dataset\",\n"
  "  \"label\": \"Gross domestic product (GDP) at current market prices by NUTS 2 regions\",\n"
  "  \"source\": \"ESTAT\",\n"
  "  \"updated\": \"2024-03-15T23:00:00+0100\",\n"
  "  \"value\": [1.5, 2, null, 4, 5, 6, 7, 8, 9, 10, 11, 12],\n"
  "  \"status\": {\"1\": \"p\", \"2\": \"c\", \"11\": \"e\"},\n"
  "  \"id\": [\"freq\", \"unit\", \"geo\", \"time\"],\n"
  "  \"size\": [1, 2, 3, 2],\n"
  "  \"dimension\": {\n"
  "    \"freq\": {\"label\": \"Time frequency\",\n"
  "             \"category\": {\"index\": {\"A\": 0}, \"label\": {\"A\": \"Annual\"}}},\n"
  "    \"unit\": {\"category\": {\"index\": [\"MIO_EUR\", \"PPS_HAB\"]}},\n"
  "    \"geo\": {\"category\": {\"index\": {\"ITH3\": 0, \"ES52\": 2, \"ITH4\": 1},\n"
  "                           \"label\": {\"ITH3\": \"Veneto\", \"ITH4\": \"Friuli-Venezia Giulia\",\n"
  "                                     \"ES52\": \"Comunitat Valenciana\"}}},\n"
  "    \"time\": {\"category\": {\"index\": {\"2021\": 0, \"2022\": 1}}}\n"
  "  },\n"
  "  \"extension\": {\"datasetId\": \"NAMA_10R_2GDP\", \"lang\": \"EN\"}\n"
  "}\n";

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
  return load_named (text, strlen (text), "test.json", error);
}

static void
test_eurostat_2_0 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  DistrettoSource *source;
  DistrettoFlags flags;

  dataset = load_text (eurostat_2_0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  source = distretto_dataset_get_source_at (dataset, 0);
  g_assert_cmpstr (distretto_source_get_format (source), ==, "JSON-stat");
  g_assert_cmpstr (distretto_source_get_table_code (source), ==, "nama_10r_2gdp");

  g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, 2);
  g_assert_cmpstr (distretto_dataset_get_series_code (dataset, 0), ==, "nama_10r_2gdp.MIO_EUR");
  g_assert_cmpstr (distretto_dataset_get_series_code (dataset, 1), ==, "nama_10r_2gdp.PPS_HAB");
  g_assert_cmpuint (distretto_dataset_get_n_regions (dataset), ==, 3);
  g_assert_cmpuint (distretto_dataset_get_n_observations (dataset), ==, 12);
  g_assert_cmpint (distretto_dataset_get_first_year (dataset), ==, 2021);
  g_assert_cmpint (distretto_dataset_get_last_year (dataset), ==, 2022);

  /* Row-major, the last dimension fastest; the geo index is an object
   * whose members are not in position order. */
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "nama_10r_2gdp.MIO_EUR", "ITH3", 2021, &flags), ==, 1.5);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_NONE);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "nama_10r_2gdp.MIO_EUR", "ITH3", 2022, &flags), ==, 2.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_PROVISIONAL);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "nama_10r_2gdp.MIO_EUR", "ITH4", 2021, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_CONFIDENTIAL);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "nama_10r_2gdp.MIO_EUR", "ITH4", 2022, NULL), ==, 4.0);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "nama_10r_2gdp.MIO_EUR", "ES52", 2021, NULL), ==, 5.0);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "nama_10r_2gdp.PPS_HAB", "ITH3", 2021, NULL), ==, 7.0);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "nama_10r_2gdp.PPS_HAB", "ES52", 2022, &flags), ==, 12.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_ESTIMATED);

  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "ITH4")), ==, "Friuli-Venezia Giulia");
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "ES52")), ==, "Comunitat Valenciana");
}

#define SMALL_2_0(extra) \
  "{\"version\":\"2.0\",\"class\":\"dataset\"," extra "\"id\":[\"geo\",\"time\"],\"size\":[1,2]," \
  "\"dimension\":{\"geo\":{\"category\":{\"index\":[\"DE11\"]}}," \
  "\"time\":{\"category\":{\"index\":[\"2019\",\"2020\"]}}},\"value\":[1,2]}"

static void
test_table_from_file_name (void)
{
  const char *text = SMALL_2_0 ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) named = NULL;
  g_autoptr(DistrettoDataset) unnamed = NULL;

  named = load_named (text, strlen (text), "/tmp/downloads/nama_10r_2gdp.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (distretto_source_get_table_code (distretto_dataset_get_source_at (named, 0)), ==, "nama_10r_2gdp");
  g_assert_cmpfloat (distretto_dataset_get_value (named, "nama_10r_2gdp", "DE11", 2020, NULL), ==, 2.0);

  unnamed = load_named (text, strlen (text), "GDP Download.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (distretto_source_get_table_code (distretto_dataset_get_source_at (unnamed, 0)), ==, "jsonstat");
  g_assert_cmpfloat (distretto_dataset_get_value (unnamed, "jsonstat", "DE11", 2019, NULL), ==, 1.0);
}

static void
test_roles_sparse_values_status_string (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  DistrettoFlags flags;

  /* Dimensions found by role, not id; a sparse value object; one status
   * for every cell; a one-category dimension without an index. */
  dataset = load_text ("{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"anno\",\"sex\",\"reg\"],"
                       "\"size\":[3,1,2],\"role\":{\"time\":[\"anno\"],\"geo\":[\"reg\"]},"
                       "\"dimension\":{\"anno\":{\"category\":{\"index\":[\"2018\",\"2019\",\"2020\"]}},"
                       "\"sex\":{\"category\":{\"label\":{\"T\":\"Total\"}}},"
                       "\"reg\":{\"category\":{\"index\":[\"FI19\",\"FI1B\"],"
                       "\"label\":{\"FI19\":\"Länsi-Suomi\"}}}},"
                       "\"value\":{\"1\":10,\"4\":-2.5e1,\"5\":null},\"status\":\"e\","
                       "\"extension\":{\"datasetId\":\"lfst_r_lfe2emp\"}}",
                       &error);
  g_assert_no_error (error);

  g_assert_cmpuint (distretto_dataset_get_n_observations (dataset), ==, 3);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "lfst_r_lfe2emp.T", "FI1B", 2018, &flags), ==, 10.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_ESTIMATED);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "lfst_r_lfe2emp.T", "FI19", 2020, NULL), ==, -25.0);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "lfst_r_lfe2emp.T", "FI1B", 2020, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_ESTIMATED);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "lfst_r_lfe2emp.T", "FI19", 2018, NULL)));
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "FI19")), ==, "Länsi-Suomi");
  g_assert_null (distretto_region_get_name (distretto_dataset_get_region (dataset, "FI1B")));
}

static void
test_1_x_two_datasets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  DistrettoFlags flags;

  dataset = load_text ("{\"gdp\":{\"label\":\"GDP\",\"value\":[1,2,3,4],\"status\":[null,\"p\",\"\",\":\"],"
                       "\"dimension\":{\"id\":[\"geo\",\"time\"],\"size\":[2,2],"
                       "\"role\":{\"geo\":[\"geo\"],\"time\":[\"time\"]},"
                       "\"geo\":{\"category\":{\"index\":{\"FI19\":0,\"FI1B\":1},"
                       "\"label\":{\"FI19\":\"L\\u00e4nsi-Suomi\",\"FI1B\":\"Helsinki-Uusimaa \\ud83c\\udf32\"}}},"
                       "\"time\":{\"category\":{\"index\":{\"2019\":0,\"2020\":1}}}}},"
                       "\"Emp\":{\"value\":[5],"
                       "\"dimension\":{\"id\":[\"unit\",\"geo\",\"year\"],\"size\":[1,1,1],"
                       "\"unit\":{\"category\":{\"index\":[\"THS\"]}},"
                       "\"geo\":{\"category\":{\"index\":[\"FI19\"],\"label\":{\"FI19\":\"Other name\"}}},"
                       "\"year\":{\"category\":{\"index\":[\"2020\"]}}}}}",
                       &error);
  g_assert_no_error (error);

  /* Both datasets, each named by its member; the source by the first. */
  g_assert_cmpstr (distretto_source_get_table_code (distretto_dataset_get_source_at (dataset, 0)), ==, "gdp");
  g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, 2);
  g_assert_cmpstr (distretto_dataset_get_series_code (dataset, 0), ==, "gdp");
  g_assert_cmpstr (distretto_dataset_get_series_code (dataset, 1), ==, "emp.THS");
  g_assert_cmpuint (distretto_dataset_get_n_observations (dataset), ==, 5);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "gdp", "FI19", 2020, &flags), ==, 2.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_PROVISIONAL);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "gdp", "FI1B", 2020, &flags), ==, 4.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_NONE);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "emp.THS", "FI19", 2020, NULL), ==, 5.0);

  /* The first label wins; escapes are decoded. */
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "FI19")), ==, "Länsi-Suomi");
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (dataset, "FI1B")), ==, "Helsinki-Uusimaa \U0001F332");
}

static void
test_collection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  dataset = load_text ("{\"version\":\"2.0\",\"class\":\"collection\",\"link\":{\"item\":["
                       SMALL_2_0 ("\"extension\":{\"datasetId\":\"tgs00003\"},") "]}}",
                       &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "tgs00003", "DE11", 2019, NULL), ==, 1.0);
}

typedef struct
{
  const char *name;
  const char *text;
  DistrettoImportError code;
  const char *position;   /* "file:line:column:" or "file:$.path:" the message must start with */
  const char *mentions;   /* a word the message must contain */
} Malformed;

#define DIMS_GEO_TIME \
  "\"geo\":{\"category\":{\"index\":[\"ITH3\",\"ITH4\"]}},\"time\":{\"category\":{\"index\":[\"2020\",\"2021\"]}}"
#define DATASET(id_size, dims, rest) \
  "{\"version\":\"2.0\",\"class\":\"dataset\"," id_size ",\"dimension\":{" dims "}," rest "}"
#define GEO_TIME "\"id\":[\"geo\",\"time\"],\"size\":[2,2]"

static const Malformed malformed[] = {
  { "truncated", "{\"version\":\"2.0\",\"class\":\"dataset\",\n\"id\":[\"geo\",\"time\"],\n\"size\":[1,",
    DISTRETTO_IMPORT_ERROR_SYNTAX, "test.json:3:", "invalid JSON" },
  { "trailing-garbage", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,4]") "\n]",
    DISTRETTO_IMPORT_ERROR_SYNTAX, "test.json:2:1:", "invalid JSON" },
  { "not-utf8", "{\"version\":\"2.0\",\n\"la\xE9\xFF\":1}", DISTRETTO_IMPORT_ERROR_ENCODING,
    "test.json:2:4:", "UTF-8" },
  { "too-deep", "{\"value\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
    DISTRETTO_IMPORT_ERROR_SYNTAX, "test.json:1:73:", "nests more than 64" },
  { "unknown-escape", "{\"version\":\"2.0\",\n\"label\":\"GDP \\x41\"}", DISTRETTO_IMPORT_ERROR_SYNTAX,
    "test.json:2:14:", "escape sequence" },
  { "lone-surrogate", "{\"label\":\"\\ud800x\"}", DISTRETTO_IMPORT_ERROR_SYNTAX, "test.json:1:11:", "surrogate" },
  { "nul-escape", "{\"label\":\"a\\u0000b\"}", DISTRETTO_IMPORT_ERROR_SYNTAX, "test.json:1:12:", "\\u0000" },
  { "huge-integer", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,99999999999999999999]"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:1:", "“99999999999999999999”" },
  { "no-datasets", "{}", DISTRETTO_IMPORT_ERROR_EMPTY, "test.json:$:", "found none" },
  /* json-glib keeps the last of two keys, ignores what follows the first
   * value and reads 1e-400 as 0: all refused, with a position. */
  { "duplicate-key", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,4],\n\"value\":[5,6,7,8]"),
    DISTRETTO_IMPORT_ERROR_SYNTAX, "test.json:2:1:", "“value” appears twice" },
  { "duplicate-escaped-key", "{\"version\":\"2.0\",\"v\\u0065rsion\":\"1.0\"}",
    DISTRETTO_IMPORT_ERROR_SYNTAX, "test.json:1:18:", "“version” appears twice" },
  { "duplicate-nested-key", DATASET (GEO_TIME, "\"geo\":{\"category\":{\"index\":{\"ITH3\":0,\"ITH3\":1}}},"
    "\"time\":{\"category\":{\"index\":[\"2020\",\"2021\"]}}", "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_SYNTAX, "test.json:1:", "“ITH3” appears twice" },
  { "second-value", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,4]") "\n{\"value\":[9]}",
    DISTRETTO_IMPORT_ERROR_SYNTAX, "test.json:2:1:", "after the first value" },
  { "underflow", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,1e-400]"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:1:", "“1e-400”, so close to zero" },
  { "hexadecimal", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,0x10]"),
    DISTRETTO_IMPORT_ERROR_SYNTAX, "test.json:1:", "hexadecimal" },
  { "utf-16", "\xFF\xFE{\0}\0", DISTRETTO_IMPORT_ERROR_ENCODING, "test.json:1:1:", "UTF-16" },
  { "status-bad-key", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,4],\"status\":{\"1\":\"e\",\"x\":\"b\"}"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.status.x:", "cell index from 0 to 3" },
  { "status-key-out-of-range", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,4],\"status\":{\"4\":\"e\"}"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.status[\"4\"]:", "cell index" },
  { "status-legacy-bad-flag", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,4],"
    "\"status\":{\"value\":{\"2\":\"x\"},\"category\":{}}"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.status.value[\"2\"]:", "“x”" },
  { "unknown-class", "{\"version\":\"2.0\",\"class\":\"dimension\",\"category\":{}}",
    DISTRETTO_IMPORT_ERROR_FORMAT, "test.json:$.class:", "“dataset”, “bundle” or “collection”" },
  { "error-response", "{\"version\":\"2.0\",\"class\":\"dataset\",\"error\":[{\"status\":\"404\"}]}",
    DISTRETTO_IMPORT_ERROR_FORMAT, "test.json:$.error:", "error report" },
  { "collection-of-links", "{\"version\":\"2.0\",\"class\":\"collection\",\"link\":{\"item\":["
    "{\"class\":\"dataset\",\"href\":\"https://example.org/nama_10r_2gdp\"}]}}",
    DISTRETTO_IMPORT_ERROR_FORMAT, "test.json:$.link.item[0]:", "embedded" },
  { "id-not-array", DATASET ("\"id\":{\"geo\":0},\"size\":[2,2]", DIMS_GEO_TIME, "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.id:", "found an object" },
  { "id-not-strings", DATASET ("\"id\":[\"geo\",7],\"size\":[2,2]", DIMS_GEO_TIME, "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.id[1]:", "found a number" },
  { "id-repeated", DATASET ("\"id\":[\"geo\",\"geo\"],\"size\":[2,2]", DIMS_GEO_TIME, "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.id[1]:", "twice" },
  { "size-strings", DATASET ("\"id\":[\"geo\",\"time\"],\"size\":[\"2\",\"2\"]", DIMS_GEO_TIME, "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.size[0]:", "expected a positive integer (the number of categories), found a string" },
  { "size-short", DATASET ("\"id\":[\"geo\",\"time\"],\"size\":[2]", DIMS_GEO_TIME, "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.size:", "one per id" },
  { "size-zero", DATASET ("\"id\":[\"geo\",\"time\"],\"size\":[2,0]", DIMS_GEO_TIME, "\"value\":[]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.size[1]:", "positive integer" },
  { "dimension-missing", DATASET (GEO_TIME, "\"geo\":{\"category\":{\"index\":[\"ITH3\",\"ITH4\"]}}", "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.dimension.time:", "found nothing" },
  { "category-missing", DATASET (GEO_TIME, "\"geo\":{\"label\":\"x\"},\"time\":{}", "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.dimension.geo.category:", "found nothing" },
  { "index-number", DATASET (GEO_TIME, "\"geo\":{\"category\":{\"index\":3}},\"time\":{\"category\":{\"index\":[\"2020\",\"2021\"]}}",
                             "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.dimension.geo.category.index:", "expected an object or an array, found a number" },
  { "index-wrong-count", DATASET (GEO_TIME, "\"geo\":{\"category\":{\"index\":[\"ITH3\"]}},\"time\":{\"category\":{\"index\":[\"2020\",\"2021\"]}}",
                                  "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.dimension.geo.category.index:", "expected 2 categories" },
  { "index-position-out-of-range", DATASET (GEO_TIME, "\"geo\":{\"category\":{\"index\":{\"ITH3\":0,\"ITH4\":2}}},"
                                            "\"time\":{\"category\":{\"index\":[\"2020\",\"2021\"]}}", "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.dimension.geo.category.index.ITH4:", "from 0 to 1" },
  { "index-code-not-string", DATASET (GEO_TIME, "\"geo\":{\"category\":{\"index\":[\"ITH3\",true]}},"
                                      "\"time\":{\"category\":{\"index\":[\"2020\",\"2021\"]}}", "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.dimension.geo.category.index[1]:", "found a boolean" },
  { "category-twice", DATASET (GEO_TIME, "\"geo\":{\"category\":{\"index\":[\"ITH3\",\"ITH3\"]}},"
                               "\"time\":{\"category\":{\"index\":[\"2020\",\"2021\"]}}", "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.dimension.geo.category.index:", "twice" },
  { "label-not-object", DATASET (GEO_TIME, "\"geo\":{\"category\":{\"index\":[\"ITH3\",\"ITH4\"],\"label\":[]}},"
                                 "\"time\":{\"category\":{\"index\":[\"2020\",\"2021\"]}}", "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.dimension.geo.category.label:", "found an array" },
  { "no-geo", DATASET ("\"id\":[\"reg\",\"time\"],\"size\":[2,2]",
                       "\"reg\":{\"category\":{\"index\":[\"ITH3\",\"ITH4\"]}},\"time\":{\"category\":{\"index\":[\"2020\",\"2021\"]}}",
                       "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.id:", "“reg”, “time”" },
  { "role-unknown-dimension", DATASET (GEO_TIME ",\"role\":{\"geo\":[\"reg\"]}", DIMS_GEO_TIME, "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.role.geo[0]:", "listed in id" },
  { "bad-region", DATASET (GEO_TIME, "\"geo\":{\"category\":{\"index\":[\"ITH3\",\"Veneto\"]}},"
                           "\"time\":{\"category\":{\"index\":[\"2020\",\"2021\"]}}", "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.dimension.geo.category.index:", "“Veneto”" },
  { "quarterly", DATASET (GEO_TIME, "\"geo\":{\"category\":{\"index\":[\"ITH3\",\"ITH4\"]}},"
                          "\"time\":{\"category\":{\"index\":[\"2020Q1\",\"2020Q2\"]}}", "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.dimension.time.category.index:", "only annual data" },
  { "quarterly-freq", DATASET ("\"id\":[\"freq\",\"geo\",\"time\"],\"size\":[1,2,2]",
                               "\"freq\":{\"category\":{\"index\":[\"Q\"]}}," DIMS_GEO_TIME, "\"value\":[1,2,3,4]"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.dimension.freq.category.index:", "only annual data" },
  { "value-string", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":\"1,2,3,4\""),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.value:", "expected an array or an object of values, found a string" },
  { "value-missing", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"label\":\"x\""),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.value:", "found nothing" },
  { "value-count", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3]"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.value:", "expected 4 values (the product of size), found 3" },
  { "value-entry-string", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,\"2\",3,4]"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.value[1]:", "expected a finite number or null, found a string" },
  { "value-entry-infinite", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,1e999,4]"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.value[2]:", "finite number" },
  { "value-index-out-of-range", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":{\"0\":1,\"4\":2}"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.value[\"4\"]:", "from 0 to 3" },
  { "value-index-not-number", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":{\"ITH3\":1}"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.value.ITH3:", "“ITH3”" },
  { "no-values", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":{}"),
    DISTRETTO_IMPORT_ERROR_EMPTY, "test.json:$:", "no values" },
  { "status-number", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,4],\"status\":5"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.status:", "found a number" },
  { "status-entry-number", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,4],\"status\":[null,null,1,null]"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.status[2]:", "found a number" },
  { "status-count", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,4],\"status\":[\"e\"]"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.status:", "expected 4 statuses" },
  { "status-unknown-flag", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,4],\"status\":{\"1\":\"x\"}"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.status[\"1\"]:", "found “x”" },
  { "dataset-id-not-string", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,4],\"extension\":{\"datasetId\":1}"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.extension.datasetId:", "found a number" },
  { "dataset-id-with-dot", DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,3,4],\"extension\":{\"datasetId\":\"a.b\"}"),
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$.extension.datasetId:", "dataset id" },
  { "1.x-bad-name", "{\"my data\":{\"value\":[1],\"dimension\":{\"id\":[\"geo\",\"time\"],\"size\":[1,1],"
    "\"geo\":{\"category\":{\"index\":[\"ITH3\"]}},\"time\":{\"category\":{\"index\":[\"2020\"]}}}}}",
    DISTRETTO_IMPORT_ERROR_VALUE, "test.json:$[\"my data\"]:", "“my data”" },
  { "1.x-not-dataset", "{\"gdp\":[1,2]}", DISTRETTO_IMPORT_ERROR_FORMAT, "test.json:$.gdp:", "found an array" },
  { "1.x-size-in-wrong-place", "{\"gdp\":{\"value\":[1],\"dimension\":{\"id\":[\"geo\",\"time\"],\"size\":\"1x1\","
    "\"geo\":{\"category\":{\"index\":[\"ITH3\"]}},\"time\":{\"category\":{\"index\":[\"2020\"]}}}}}",
    DISTRETTO_IMPORT_ERROR_HEADER, "test.json:$.gdp.dimension.size:", "an array of integers" },
  { "duplicate-cell", "{\"a\":{\"value\":[1],\"extension\":{\"datasetId\":\"t\"},\"dimension\":{\"id\":[\"geo\",\"time\"],\"size\":[1,1],"
    "\"geo\":{\"category\":{\"index\":[\"ITH3\"]}},\"time\":{\"category\":{\"index\":[\"2020\"]}}}},"
    "\"b\":{\"value\":[2],\"extension\":{\"datasetId\":\"t\"},\"dimension\":{\"id\":[\"geo\",\"time\"],\"size\":[1,1],"
    "\"geo\":{\"category\":{\"index\":[\"ITH3\"]}},\"time\":{\"category\":{\"index\":[\"2020\"]}}}}}",
    DISTRETTO_IMPORT_ERROR_DUPLICATE, "test.json:$.b.value[0]:", "given twice: first at the value index 0" },
};

/* Eurostat's older JSON web service wrapped the statuses like a dimension
 * (`"status":{"value":{…},"category":{"label":{…}}}`, as in the nama_gdp_c
 * response kept in jsonstat.py's fixtures): 20 `b` and 4 `e` among 24 cells
 * here, none to be dropped; a status for a cell without a value makes it a
 * missing value with that flag. */
static void
test_status_legacy_object (void)
{
  static const char *const regions[] = { "AT11", "AT12", "AT13", "AT21", "AT22", "AT31" };
  g_autoptr(GString) text = g_string_new ("{\"nama_10r_2gdp\":{\"wsVersion\":\"V1_1\",\"code\":\"nama_10r_2gdp\",");
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  guint n_break = 0, n_estimated = 0;
  DistrettoFlags flags;

  g_string_append (text, "\"status\":{\"value\":{");
  for (guint i = 0; i < 24; i++)
    g_string_append_printf (text, "%s\"%u\":\"%s\"", i ? "," : "", i, i % 6 == 5 ? "e" : "b");
  g_string_append (text, ",\"24\":\"c\"},\"category\":{\"label\":{\"b\":\"break in time series\","
                         "\"e\":\"estimated\",\"c\":\"confidential\"}}},\"value\":{");
  for (guint i = 0; i < 24; i++)
    g_string_append_printf (text, "%s\"%u\":%u.5", i ? "," : "", i, i);
  g_string_append (text, "},\"dimension\":{\"id\":[\"unit\",\"geo\",\"time\"],\"size\":[1,7,4],"
                         "\"unit\":{\"category\":{\"index\":{\"MIO_EUR\":0}}},"
                         "\"geo\":{\"category\":{\"index\":{");
  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    g_string_append_printf (text, "\"%s\":%u,", regions[r], r);
  g_string_append (text, "\"AT32\":6}}},\"time\":{\"category\":{\"index\":{\"2019\":0,\"2020\":1,"
                         "\"2021\":2,\"2022\":3}}}}}}");

  dataset = load_named (text->str, text->len, "gdp.json", &error);
  g_assert_no_error (error);

  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    for (int y = 2019; y <= 2022; y++)
      {
        g_assert_false (isnan (distretto_dataset_get_value (dataset, "nama_10r_2gdp.MIO_EUR", regions[r], y, &flags)));
        n_break += flags == DISTRETTO_FLAGS_BREAK;
        n_estimated += flags == DISTRETTO_FLAGS_ESTIMATED;
      }
  g_assert_cmpuint (n_break, ==, 20);
  g_assert_cmpuint (n_estimated, ==, 4);

  /* Index 24 is AT32 in 2019: given no value, a status only. */
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "nama_10r_2gdp.MIO_EUR", "AT32", 2019, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_CONFIDENTIAL);
  g_assert_cmpint (distretto_dataset_get_flags_seen (dataset), ==,
                   DISTRETTO_FLAGS_BREAK | DISTRETTO_FLAGS_ESTIMATED | DISTRETTO_FLAGS_CONFIDENTIAL);
}

/* A status object keyed by position next to a value array, and a status
 * array next to a sparse value object. */
static void
test_status_object_and_array (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  DistrettoFlags flags;

  dataset = load_text (DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":[1,2,null,4],\"status\":{\"1\":\"p\",\"3\":\"b\"}"),
                       &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "test", "ITH3", 2021, &flags), ==, 2.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_PROVISIONAL);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "test", "ITH4", 2021, &flags), ==, 4.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_BREAK);
  g_clear_object (&dataset);

  dataset = load_text (DATASET (GEO_TIME, DIMS_GEO_TIME, "\"value\":{\"0\":1},\"status\":[null,\"c\",\":\",\"\"]"),
                       &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "test", "ITH3", 2020, &flags), ==, 1.0);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_NONE);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "test", "ITH3", 2021, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_CONFIDENTIAL);
  g_assert_cmpuint (distretto_dataset_get_n_observations (dataset), ==, 2);
}

/* Eurostat's dissemination API (statistics/1.0): the table is
 * `extension.id`, statuses an object keyed by position, values sparse. */
static void
test_dissemination_api (void)
{
  static const char text[] =
    "{\"version\":\"2.0\",\"class\":\"dataset\",\"label\":\"R&D\",\"source\":\"ESTAT\","
    "\"updated\":\"2026-01-07T11:00:00+0100\",\"value\":{\"0\":0.89,\"3\":1.2},"
    "\"status\":{\"0\":\"b\",\"2\":\"c\"},\"id\":[\"freq\",\"sectperf\",\"unit\",\"geo\",\"time\"],"
    "\"size\":[1,1,1,2,2],\"dimension\":{\"freq\":{\"category\":{\"index\":{\"A\":0}}},"
    "\"sectperf\":{\"category\":{\"index\":{\"TOTAL\":0}}},\"unit\":{\"category\":{\"index\":{\"PC_GDP\":0}}},"
    "\"geo\":{\"category\":{\"index\":{\"AT11\":0,\"BE10\":1},\"label\":{\"AT11\":\"Burgenland\","
    "\"BE10\":\"Région de Bruxelles-Capitale\"}}},\"time\":{\"category\":{\"index\":{\"2013\":0,\"2020\":1}}}},"
    "\"extension\":{\"lang\":\"EN\",\"agencyId\":\"ESTAT\",\"id\":\"TGS00042\",\"version\":\"1.0\","
    "\"datastructure\":{\"agencyId\":\"ESTAT\",\"id\":\"TGS00042\",\"version\":\"1.0\"},"
    "\"status\":{\"label\":{\"b\":\"break in time series\",\"c\":\"confidential\"}},"
    "\"positions-with-no-data\":{\"freq\":[],\"geo\":[],\"time\":[]}}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autofree char *selector = NULL;
  DistrettoFlags flags;

  dataset = load_named (text, strlen (text), "download.json", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (distretto_source_get_table_code (distretto_dataset_get_source_at (dataset, 0)), ==, "tgs00042");
  selector = distretto_series_dup_selector (distretto_dataset_get_series_at (dataset, 0));
  g_assert_cmpstr (selector, ==, "tgs00042?sectperf=TOTAL&unit=PC_GDP");

  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "tgs00042.TOTAL.PC_GDP", "AT11", 2013, &flags), ==, 0.89);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_BREAK);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "tgs00042.TOTAL.PC_GDP", "BE10", 2020, &flags), ==, 1.2);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "tgs00042.TOTAL.PC_GDP", "BE10", 2013, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_CONFIDENTIAL);
}

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
  g_autoptr(GString) text = g_string_new ("{\"version\":\"2.0\",\"class\":\"dataset\",\"label\":\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  /* A 1 MB line (a long label) that ends before the JSON does... */
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\",\"id\":[\"geo\",\"time\"],\"size\":[1,1],\"dimension\":{"
                         "\"geo\":{\"category\":{\"index\":[\"ITH3\"]}},"
                         "\"time\":{\"category\":{\"index\":[\"2020\"]}}},\"value\":[");

  dataset = load_named (text->str, text->len, "test.json", &error);
  g_assert_null (dataset);
  distretto_test_assert_import_error (error, DISTRETTO_IMPORT_ERROR_SYNTAX, "test.json:1:", "invalid JSON");
  g_clear_error (&error);

  /* ...and the same line completed, which loads. */
  g_string_append (text, "42]}");
  dataset = load_named (text->str, text->len, "test.json", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "test", "ITH3", 2020, NULL), ==, 42.0);
}

/* The same table, as Eurostat's API serves it in SDMX-CSV and JSON-stat. */
static const char gdp_sdmx[] =
  "DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
  "ESTAT:NAMA_10R_2GDP(1.0),15/03/24 23:00:00,A,MIO_EUR,ITH3,2021,171234.5,\n"
  "ESTAT:NAMA_10R_2GDP(1.0),15/03/24 23:00:00,A,MIO_EUR,ITH3,2022,180000.25,p\n"
  "ESTAT:NAMA_10R_2GDP(1.0),15/03/24 23:00:00,A,MIO_EUR,ITH4,2021,,c\n"
  "ESTAT:NAMA_10R_2GDP(1.0),15/03/24 23:00:00,A,MIO_EUR,ITH4,2022,45000,\n"
  "ESTAT:NAMA_10R_2GDP(1.0),15/03/24 23:00:00,A,PPS_HAB,ITH3,2021,36000,\n"
  "ESTAT:NAMA_10R_2GDP(1.0),15/03/24 23:00:00,A,PPS_HAB,ITH3,2022,37000,e\n"
  "ESTAT:NAMA_10R_2GDP(1.0),15/03/24 23:00:00,A,PPS_HAB,ITH4,2021,33000,\n"
  "ESTAT:NAMA_10R_2GDP(1.0),15/03/24 23:00:00,A,PPS_HAB,ITH4,2022,34000,\n";

static char *
gdp_json_stat (const char *ith4_2022)
{
  return g_strdup_printf ("{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"freq\",\"unit\",\"geo\",\"time\"],"
                          "\"size\":[1,2,2,2],\"dimension\":{"
                          "\"freq\":{\"category\":{\"index\":{\"A\":0}}},"
                          "\"unit\":{\"category\":{\"index\":{\"MIO_EUR\":0,\"PPS_HAB\":1}}},"
                          "\"geo\":{\"category\":{\"index\":{\"ITH3\":0,\"ITH4\":1}}},"
                          "\"time\":{\"category\":{\"index\":{\"2021\":0,\"2022\":1}}}},"
                          "\"value\":{\"0\":171234.5,\"1\":180000.25,\"2\":null,\"3\":%s,"
                          "\"4\":36000,\"5\":37000,\"6\":33000,\"7\":34000},"
                          "\"status\":{\"1\":\"p\",\"2\":\"c\",\"5\":\"e\"},"
                          "\"extension\":{\"datasetId\":\"nama_10r_2gdp\"}}",
                          ith4_2022);
}

static void
assert_same_cells (DistrettoDataset *a,
                   DistrettoDataset *b)
{
  g_assert_cmpuint (distretto_dataset_get_n_series (a), ==, distretto_dataset_get_n_series (b));
  g_assert_cmpuint (distretto_dataset_get_n_regions (a), ==, distretto_dataset_get_n_regions (b));
  g_assert_cmpuint (distretto_dataset_get_n_observations (a), ==, distretto_dataset_get_n_observations (b));

  for (guint s = 0; s < distretto_dataset_get_n_series (a); s++)
    {
      const char *code = distretto_dataset_get_series_code (a, s);

      g_assert_cmpstr (code, ==, distretto_dataset_get_series_code (b, s));
      for (guint r = 0; r < distretto_dataset_get_n_regions (a); r++)
        {
          const char *region = distretto_region_get_code (distretto_dataset_get_region_at (a, r));

          for (int year = 2021; year <= 2022; year++)
            {
              DistrettoFlags flags_a, flags_b;
              double value_a = distretto_dataset_get_value (a, code, region, year, &flags_a);
              double value_b = distretto_dataset_get_value (b, code, region, year, &flags_b);

              g_assert_true ((isnan (value_a) && isnan (value_b)) || value_a == value_b);
              g_assert_cmpint (flags_a, ==, flags_b);
            }
        }
    }
}

static void
test_same_as_sdmx_csv (void)
{
  g_autofree char *json = gdp_json_stat ("45000");
  g_autofree char *changed = gdp_json_stat ("45000.5");
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) from_sdmx = NULL;
  g_autoptr(DistrettoDataset) from_json = NULL;
  g_autoptr(DistrettoDataset) from_changed = NULL;

  from_sdmx = load_named (gdp_sdmx, strlen (gdp_sdmx), "gdp.csv", &error);
  g_assert_no_error (error);
  from_json = load_named (json, strlen (json), "gdp.json", &error);
  g_assert_no_error (error);
  from_changed = load_named (changed, strlen (changed), "gdp-changed.json", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (distretto_source_get_format (distretto_dataset_get_source_at (from_sdmx, 0)), ==, "SDMX-CSV");
  g_assert_cmpstr (distretto_source_get_format (distretto_dataset_get_source_at (from_json, 0)), ==, "JSON-stat");
  g_assert_cmpstr (distretto_source_get_table_code (distretto_dataset_get_source_at (from_sdmx, 0)), ==,
                   distretto_source_get_table_code (distretto_dataset_get_source_at (from_json, 0)));
  g_assert_cmpstr (distretto_dataset_get_series_code (from_sdmx, 0), ==, "nama_10r_2gdp.MIO_EUR");
  assert_same_cells (from_sdmx, from_json);

  /* The same cells merge without conflict... */
  g_assert_true (distretto_dataset_merge (from_sdmx, from_json, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (distretto_dataset_get_n_sources (from_sdmx), ==, 2);
  g_assert_cmpuint (distretto_dataset_get_n_observations (from_sdmx), ==, 8);

  /* ...and one changed value is a conflict naming both files. */
  g_assert_false (distretto_dataset_merge (from_sdmx, from_changed, &error));
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "gdp-changed.json"));
  g_assert_nonnull (strstr (error->message, "gdp.csv"));
  g_assert_nonnull (strstr (error->message, "ITH4"));
  g_assert_cmpfloat (distretto_dataset_get_value (from_sdmx, "nama_10r_2gdp.MIO_EUR", "ITH4", 2022, NULL), ==, 45000.0);
}

/* The same table again, as the Eurostat API's TSV gives it. */
static const char gdp_tsv[] =
  "freq,unit,geo\\TIME_PERIOD\t2021 \t2022 \n"
  "A,MIO_EUR,ITH3\t171234.5 \t180000.25 p\n"
  "A,MIO_EUR,ITH4\t: c\t45000 \n"
  "A,PPS_HAB,ITH3\t36000 \t37000 e\n"
  "A,PPS_HAB,ITH4\t33000 \t34000 \n";

static void
test_same_as_eurostat_tsv (void)
{
  g_autofree char *json = gdp_json_stat ("45000");
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) from_sdmx = NULL;
  g_autoptr(DistrettoDataset) from_json = NULL;
  g_autoptr(DistrettoDataset) from_tsv = NULL;

  /* The three importers name every series alike. */
  from_sdmx = load_named (gdp_sdmx, strlen (gdp_sdmx), "gdp.csv", &error);
  g_assert_no_error (error);
  from_json = load_named (json, strlen (json), "gdp.json", &error);
  g_assert_no_error (error);
  from_tsv = load_named (gdp_tsv, strlen (gdp_tsv), "/data/nama_10r_2gdp.tsv", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (distretto_source_get_format (distretto_dataset_get_source_at (from_tsv, 0)), ==, "Eurostat TSV");
  assert_same_cells (from_tsv, from_sdmx);
  assert_same_cells (from_tsv, from_json);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/JsonStat/eurostat-2.0", test_eurostat_2_0);
  g_test_add_func ("/Distretto/JsonStat/table-from-file-name", test_table_from_file_name);
  g_test_add_func ("/Distretto/JsonStat/roles-sparse-values-status-string", test_roles_sparse_values_status_string);
  g_test_add_func ("/Distretto/JsonStat/1.x-two-datasets", test_1_x_two_datasets);
  g_test_add_func ("/Distretto/JsonStat/collection", test_collection);
  g_test_add_func ("/Distretto/JsonStat/status-legacy-object", test_status_legacy_object);
  g_test_add_func ("/Distretto/JsonStat/status-object-and-array", test_status_object_and_array);
  g_test_add_func ("/Distretto/JsonStat/dissemination-api", test_dissemination_api);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Distretto/JsonStat/malformed/%s", malformed[i].name);
      g_test_add_data_func (path, &malformed[i], test_malformed);
    }
  g_test_add_func ("/Distretto/JsonStat/long-line", test_long_line);
  g_test_add_func ("/Distretto/JsonStat/same-as-sdmx-csv", test_same_as_sdmx_csv);
  g_test_add_func ("/Distretto/JsonStat/same-as-eurostat-tsv", test_same_as_eurostat_tsv);

  return g_test_run ();
}

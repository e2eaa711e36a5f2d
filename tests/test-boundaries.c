/* test-boundaries.c: the GeoJSON boundaries reader on small fixtures, on
 * malformed input, and on GISCO's NUTS files when ../shared/data/real is there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"

#include <distretto.h>
#include <math.h>
#include <string.h>

#define CRS_3035 "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::3035\"}}"

/* ITH3: a square with a square hole; ITH: two triangles; ITZZ: no geometry. */
static const char fixture_3035[] =
  "{\"type\": \"FeatureCollection\", \"name\": \"fixture\", " CRS_3035 ",\n"
  " \"features\": [\n"
  "  {\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"ITH3\", \"LEVL_CODE\": 2, \"CNTR_CODE\": \"IT\",\n"
  "    \"NAME_LATN\": \"Veneto\", \"NUTS_NAME\": \"Veneto\", \"MOUNT_TYPE\": null},\n"
  "   \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [\n"
  "     [[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]],\n"
  "     [[25.5, 25], [75, 25], [75, 75], [25, 75], [25.5, 25]]]}},\n"
  "  {\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"ITH\", \"LEVL_CODE\": 1, \"NAME_LATN\": \"Nord-Est\"},\n"
  "   \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": [\n"
  "     [[[0, 0], [100, 0], [100, 100], [0, 0]]],\n"
  "     [[[200, -50], [300, -50], [300, 50.25, 7], [200, -50]]]]}},\n"
  "  {\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"ITZZ\", \"LEVL_CODE\": 2, \"NAME_LATN\": \"Extra-Regio\"},\n"
  "   \"geometry\": null}\n"
  " ]}\n";

static GBytes *
bytes_from (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static DistrettoBoundaries *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = bytes_from (text);

  return distretto_boundaries_load_bytes (bytes, "test.geojson", error);
}

static void
assert_point (const double *ring,
              guint         i,
              double        x,
              double        y)
{
  g_assert_cmpfloat (ring[2 * i], ==, x);
  g_assert_cmpfloat (ring[2 * i + 1], ==, y);
}

static void
test_polygon_with_hole (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = load_text (fixture_3035, &error);
  const double *ring;
  guint n = 99;

  g_assert_no_error (error);
  g_assert_nonnull (boundaries);

  g_assert_cmpint (distretto_boundaries_get_source_epsg (boundaries), ==, 3035);

  /* ITZZ has no geometry: skipped. */
  g_assert_cmpuint (distretto_boundaries_get_n_regions (boundaries), ==, 2);
  g_assert_cmpstr (distretto_boundaries_get_code_at (boundaries, 0), ==, "ITH3");
  g_assert_cmpstr (distretto_boundaries_get_code_at (boundaries, 1), ==, "ITH");
  g_assert_true (distretto_boundaries_has_region (boundaries, "ITH3"));
  g_assert_false (distretto_boundaries_has_region (boundaries, "ITZZ"));
  g_assert_false (distretto_boundaries_has_region (boundaries, "ITH5"));

  g_assert_cmpint (distretto_boundaries_get_level (boundaries, "ITH3"), ==, 2);
  g_assert_cmpint (distretto_boundaries_get_level (boundaries, "ITH"), ==, 1);
  g_assert_cmpint (distretto_boundaries_get_level (boundaries, "ITZZ"), ==, -1);
  g_assert_cmpstr (distretto_boundaries_get_name (boundaries, "ITH3"), ==, "Veneto");
  g_assert_cmpstr (distretto_boundaries_get_name (boundaries, "ITH"), ==, "Nord-Est");
  g_assert_null (distretto_boundaries_get_name (boundaries, "ITH5"));
  g_assert_cmpuint (distretto_boundaries_count_level (boundaries, 2), ==, 1);
  g_assert_cmpuint (distretto_boundaries_count_level (boundaries, 1), ==, 1);
  g_assert_cmpuint (distretto_boundaries_count_level (boundaries, 0), ==, 0);

  g_assert_cmpuint (distretto_boundaries_get_n_polygons (boundaries, "ITH3"), ==, 1);
  g_assert_cmpuint (distretto_boundaries_get_n_rings (boundaries, "ITH3", 0), ==, 2);
  g_assert_cmpuint (distretto_boundaries_get_n_rings (boundaries, "ITH3", 1), ==, 0);

  ring = distretto_boundaries_get_ring (boundaries, "ITH3", 0, 0, &n);
  g_assert_nonnull (ring);
  g_assert_cmpuint (n, ==, 5);
  assert_point (ring, 0, 0, 0);
  assert_point (ring, 1, 100, 0);
  assert_point (ring, 2, 100, 100);
  assert_point (ring, 3, 0, 100);
  assert_point (ring, 4, 0, 0);

  /* The hole. */
  ring = distretto_boundaries_get_ring (boundaries, "ITH3", 0, 1, &n);
  g_assert_nonnull (ring);
  g_assert_cmpuint (n, ==, 5);
  assert_point (ring, 0, 25.5, 25);
  assert_point (ring, 2, 75, 75);
  assert_point (ring, 4, 25.5, 25);

  /* No such ring, polygon or region. */
  n = 99;
  g_assert_null (distretto_boundaries_get_ring (boundaries, "ITH3", 0, 2, &n));
  g_assert_cmpuint (n, ==, 0);
  n = 99;
  g_assert_null (distretto_boundaries_get_ring (boundaries, "ITH3", 1, 0, &n));
  g_assert_cmpuint (n, ==, 0);
  n = 99;
  g_assert_null (distretto_boundaries_get_ring (boundaries, "ITZZ", 0, 0, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (distretto_boundaries_get_n_polygons (boundaries, "ITZZ"), ==, 0);
  g_assert_cmpuint (distretto_boundaries_get_n_rings (boundaries, "ITZZ", 0), ==, 0);
}

static void
test_multipolygon (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = load_text (fixture_3035, &error);
  const double *ring;
  double x_min, y_min, x_max, y_max;
  guint n;

  g_assert_no_error (error);

  g_assert_cmpuint (distretto_boundaries_get_n_polygons (boundaries, "ITH"), ==, 2);
  g_assert_cmpuint (distretto_boundaries_get_n_rings (boundaries, "ITH", 0), ==, 1);
  g_assert_cmpuint (distretto_boundaries_get_n_rings (boundaries, "ITH", 1), ==, 1);
  g_assert_cmpuint (distretto_boundaries_get_n_rings (boundaries, "ITH", 2), ==, 0);

  ring = distretto_boundaries_get_ring (boundaries, "ITH", 1, 0, &n);
  g_assert_cmpuint (n, ==, 4);
  assert_point (ring, 0, 200, -50);
  /* A third coordinate (elevation) is dropped. */
  assert_point (ring, 2, 300, 50.25);
  assert_point (ring, 3, 200, -50);

  /* The extent covers every region. */
  distretto_boundaries_get_extent (boundaries, &x_min, &y_min, &x_max, &y_max);
  g_assert_cmpfloat (x_min, ==, 0);
  g_assert_cmpfloat (y_min, ==, -50);
  g_assert_cmpfloat (x_max, ==, 300);
  g_assert_cmpfloat (y_max, ==, 100);
  distretto_boundaries_get_extent (boundaries, NULL, NULL, &x_max, NULL);
  g_assert_cmpfloat (x_max, ==, 300);
}

/* GISCO's 2021 files put crs last; a region without NUTS_ID and
 * LEVL_CODE takes its code from `id` and its level from the code. */
static void
test_crs_after_features (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  const double *ring;
  guint n;

  boundaries = load_text ("{\"type\": \"FeatureCollection\", \"features\": [\n"
                          " {\"type\": \"Feature\", \"id\": \"FI19\",\n"
                          "  \"properties\": {\"NAME_LATN\": null, \"NUTS_NAME\": \" Länsi-Suomi\\r\\n  \\r\\n\"},\n"
                          "  \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[4321000, 3210000], "
                          "[5000000, 3210000], [5000000, 4000000], [4321000, 3210000]]]}}],\n"
                          " " CRS_3035 "}",
                          &error);
  g_assert_no_error (error);

  /* Read as 3035: as longitudes they would be out of range. */
  g_assert_cmpint (distretto_boundaries_get_source_epsg (boundaries), ==, 3035);
  g_assert_true (distretto_boundaries_has_region (boundaries, "FI19"));
  g_assert_cmpint (distretto_boundaries_get_level (boundaries, "FI19"), ==, 2);
  g_assert_cmpstr (distretto_boundaries_get_name (boundaries, "FI19"), ==, "Länsi-Suomi");
  ring = distretto_boundaries_get_ring (boundaries, "FI19", 0, 0, &n);
  g_assert_cmpuint (n, ==, 4);
  assert_point (ring, 1, 5000000, 3210000);
}

/* Reference values, EPSG:3035 (E, N) in metres:
 * - 5°E 50°N → 3962799.45, 2999718.85: the worked example of EPSG
 *   Guidance Note 7-2 (IOGP Publication 373-7-2), section "Lambert
 *   Azimuthal Equal Area", which uses ETRS89 / ETRS-LAEA itself.
 * - the others: PROJ 9.1.1 (Debian 12 proj-bin), `cs2cs -f %.6f EPSG:4326
 *   EPSG:3035`, checked against the Guidance Note formulas evaluated by
 *   hand in 40-digit arithmetic (Python mpmath); both agree to 1e-5 m. */
static const struct
{
  double longitude;
  double latitude;
  double x;
  double y;
} laea_references[] = {
  {   5.0, 50.0, 3962799.450955, 2999718.853160 },
  {   0.0, 40.0, 3465349.298105, 1934878.920622 },
  {  24.9, 60.5, 5135110.208798, 4241615.744335 },
  { -10.0, 35.0, 2498537.999601, 1565571.766023 },
  {  30.0, 71.0, 5045791.164245, 5424199.284628 },
};

static void
test_project_laea (void)
{
  double x, y;

  /* The origin of the projection maps onto the false easting and northing. */
  distretto_project_laea (10.0, 52.0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 4321000.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 3210000.0, 1e-6);

  for (guint i = 0; i < G_N_ELEMENTS (laea_references); i++)
    {
      distretto_project_laea (laea_references[i].longitude, laea_references[i].latitude, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, laea_references[i].x, 1e-3);
      g_assert_cmpfloat_with_epsilon (y, laea_references[i].y, 1e-3);
    }

  /* The antipode of the centre has no image. */
  distretto_project_laea (-170.0, -52.0, &x, &y);
  g_assert_true (isnan (x) && isnan (y));
}

static void
test_4326 (void)
{
  const char *crs_members[] = {
    "",
    "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::4326\"}},",
    "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:OGC:1.3:CRS84\"}},",
    "\"crs\": {\"type\": \"EPSG\", \"properties\": {\"code\": 4326}},",
    "\"crs\": null,",
    "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:4326 (WGS 84)\"}},",
  };

  for (guint i = 0; i < G_N_ELEMENTS (crs_members); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DistrettoBoundaries) boundaries = NULL;
      g_autofree char *text = NULL;
      double x_min, y_min, x_max, y_max;
      const double *ring;
      guint n;

      text = g_strdup_printf ("{\"type\": \"FeatureCollection\", %s \"features\": [\n"
                              " {\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"DE\", \"LEVL_CODE\": 0},\n"
                              "  \"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
                              "[[[10, 52], [0, 40], [5, 50.0], [10, 52]]]}}]}",
                              crs_members[i]);
      boundaries = load_text (text, &error);
      g_assert_no_error (error);
      g_assert_cmpint (distretto_boundaries_get_source_epsg (boundaries), ==, 4326);

      ring = distretto_boundaries_get_ring (boundaries, "DE", 0, 0, &n);
      g_assert_cmpuint (n, ==, 4);
      g_assert_cmpfloat_with_epsilon (ring[0], 4321000.0, 1e-6);
      g_assert_cmpfloat_with_epsilon (ring[1], 3210000.0, 1e-6);
      g_assert_cmpfloat_with_epsilon (ring[2], laea_references[1].x, 1.0);
      g_assert_cmpfloat_with_epsilon (ring[3], laea_references[1].y, 1.0);
      g_assert_cmpfloat_with_epsilon (ring[4], laea_references[0].x, 1.0);
      g_assert_cmpfloat_with_epsilon (ring[5], laea_references[0].y, 1.0);
      g_assert_cmpfloat (ring[6], ==, ring[0]);
      g_assert_cmpfloat (ring[7], ==, ring[1]);

      distretto_boundaries_get_extent (boundaries, &x_min, &y_min, &x_max, &y_max);
      g_assert_cmpfloat_with_epsilon (x_min, laea_references[1].x, 1.0);
      g_assert_cmpfloat_with_epsilon (y_min, laea_references[1].y, 1.0);
      g_assert_cmpfloat_with_epsilon (x_max, 4321000.0, 1e-6);
      g_assert_cmpfloat_with_epsilon (y_max, 3210000.0, 1e-6);
    }
}

/* Malformed input ------------------------------------------------------- */

#define FC_START "{\"type\": \"FeatureCollection\", \"features\": ["
#define SQUARE "[[0, 0], [1, 0], [1, 1], [0, 0]]"
#define FEATURE(code, geometry) \
  "{\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"" code "\"}, \"geometry\": " geometry "}"
#define POLYGON(rings) "{\"type\": \"Polygon\", \"coordinates\": [" rings "]}"

static const struct
{
  const char *name;
  const char *text;
  int code;
  const char *message;    /* the whole message, or its start if it ends with `…` */
} malformed[] = {
  { "truncated",
    "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n    {\"type\": \"Feature\", \"geometry\"",
    DISTRETTO_IMPORT_ERROR_SYNTAX, "test.geojson:4:…" },
  { "trailing-comma",
    FC_START FEATURE ("ITH3", POLYGON (SQUARE)) ",]}",
    DISTRETTO_IMPORT_ERROR_SYNTAX, "test.geojson:1:…" },
  /* json-glib would keep the second NUTS_ID, and ignore a second value. */
  { "duplicate-key",
    FC_START "{\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"ITH3\", \"NUTS_ID\": \"ITH4\"}, "
    "\"geometry\": " POLYGON (SQUARE) "}]}",
    DISTRETTO_IMPORT_ERROR_SYNTAX,
    "test.geojson:1:98: the key “NUTS_ID” appears twice in this object: expected each key once" },
  { "second-value",
    FC_START FEATURE ("ITH3", POLYGON (SQUARE)) "]}\n" FC_START FEATURE ("ITH4", POLYGON (SQUARE)) "]}",
    DISTRETTO_IMPORT_ERROR_SYNTAX,
    "test.geojson:2:1: invalid JSON: expected the end of the data after the first value, found “…" },
  { "utf-16", "\xFE\xFF\0{",
    DISTRETTO_IMPORT_ERROR_ENCODING, "test.geojson:1:1: this is UTF-16 text…" },
  { "position-string",
    FC_START FEATURE ("ITH3", POLYGON ("[[0, 0], [1, 0], \"x\", [0, 0]]")) "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].geometry.coordinates[0][2]: expected a position [x, y], found a string" },
  { "coordinates-string",
    FC_START FEATURE ("ITH3", "{\"type\": \"Polygon\", \"coordinates\": \"[[0, 0]]\"}") "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].geometry.coordinates: expected the coordinates of a Polygon (an array), found a string" },
  { "coordinate-boolean",
    FC_START FEATURE ("ITH3", POLYGON ("[[0, 0], [1, 0], [1, true], [0, 0]]")) "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].geometry.coordinates[0][2][1]: expected a number, found a boolean" },
  { "position-short",
    FC_START FEATURE ("ITH3", POLYGON ("[[0, 0], [1], [1, 1], [0, 0]]")) "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].geometry.coordinates[0][1]: expected a position [x, y], found an array of 1 elements" },
  { "nuts-id-number",
    FC_START "{\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": 42}, \"geometry\": " POLYGON (SQUARE) "}]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].properties.NUTS_ID: expected a NUTS code (a string such as “ITH3”), found a number" },
  { "nuts-id-invalid",
    FC_START FEATURE ("ith3", POLYGON (SQUARE)) "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].properties.NUTS_ID: expected a NUTS code such as “ITH3”, found “ith3”" },
  { "no-code",
    FC_START "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": " POLYGON (SQUARE) "}]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0]: expected a region code in properties.NUTS_ID or in id, found neither" },
  { "level-out-of-range",
    FC_START "{\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"ITH3\", \"LEVL_CODE\": 7}, "
    "\"geometry\": " POLYGON (SQUARE) "}]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].properties.LEVL_CODE: expected a NUTS level (an integer from 0 to 3), found 7" },
  { "name-number",
    FC_START "{\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"ITH3\", \"NAME_LATN\": 3}, "
    "\"geometry\": " POLYGON (SQUARE) "}]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].properties.NAME_LATN: expected a string, found a number" },
  { "features-object",
    "{\"type\": \"FeatureCollection\", \"features\": {}}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features: expected an array of features, found an object" },
  { "features-missing",
    "{\"type\": \"FeatureCollection\"}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features: expected an array of features, found none" },
  { "feature-array",
    FC_START "[]]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0]: expected a feature (an object), found an array" },
  { "feature-type",
    FC_START "{\"type\": \"Polygon\", \"properties\": {\"NUTS_ID\": \"ITH3\"}}]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].type: expected “Feature”, found “Polygon”" },
  { "unclosed-ring",
    FC_START FEATURE ("ITH3", POLYGON (SQUARE)) ","
    FEATURE ("ITH4", POLYGON (SQUARE ", [[0, 0], [1, 0], [1, 1], [0, 0.5]]")) "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[1].geometry.coordinates[1]: expected a closed ring: the last point differs from the first" },
  { "unclosed-ring-multipolygon",
    FC_START FEATURE ("ITH3", "{\"type\": \"MultiPolygon\", \"coordinates\": [[" SQUARE "], "
                      "[[[0, 0], [1, 0], [1, 1], [2, 2]]]]}") "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].geometry.coordinates[1][0]: expected a closed ring: the last point differs from the first" },
  { "short-ring",
    FC_START FEATURE ("ITH3", POLYGON ("[[0, 0], [1, 0], [0, 0]]")) "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].geometry.coordinates[0]: expected a ring of at least 4 positions "
    "(the last repeating the first), found 3" },
  { "polygon-without-rings",
    FC_START FEATURE ("ITH3", "{\"type\": \"MultiPolygon\", \"coordinates\": [[]]}") "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].geometry.coordinates[0]: expected a polygon with an exterior ring, found an empty array" },
  { "infinite",
    FC_START FEATURE ("ITH3", POLYGON ("[[0, 0], [1e999, 0], [1, 1], [0, 0]]")) "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].geometry.coordinates[0][1][0]: expected a finite number, found one too large to represent" },
  { "huge-integer",
    FC_START FEATURE ("ITH3", POLYGON ("[[0, 0], [99999999999999999999, 0], [1, 1], [0, 0]]")) "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:1:157: expected a number that can be read exactly, found an integer of 20 digits…" },
  { "octal",
    FC_START FEATURE ("ITH3", POLYGON ("[[0, 0], [0777, 0], [1, 1], [0, 0]]")) "]}",
    DISTRETTO_IMPORT_ERROR_SYNTAX,
    "test.geojson:1:157: expected a JSON number, found one with a leading zero, or in octal, "
    "hexadecimal or binary" },
  { "hexadecimal",
    FC_START FEATURE ("ITH3", POLYGON ("[[0, 0], [1, 0], [1, -0x1], [0, 0]]")) "]}",
    DISTRETTO_IMPORT_ERROR_SYNTAX,
    "test.geojson:1:169: expected a JSON number…" },
  { "latitude-out-of-range",
    FC_START FEATURE ("ITH3", POLYGON ("[[0, 0], [1, 91], [1, 1], [0, 0]]")) "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].geometry.coordinates[0][1]: expected a longitude between -180 and 180 "
    "and a latitude between -90 and 90 degrees, found [1, 91]" },
  { "antipode",
    FC_START FEATURE ("ITH3", POLYGON ("[[0, 0], [-170, -52], [1, 1], [0, 0]]")) "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[0].geometry.coordinates[0][1]: the position [-170, -52] is opposite …" },
  { "line-string",
    FC_START FEATURE ("ITH3", "{\"type\": \"LineString\", \"coordinates\": [[0, 0], [1, 1]]}") "]}",
    DISTRETTO_IMPORT_ERROR_FORMAT,
    "test.geojson:$.features[0].geometry.type: expected a Polygon or MultiPolygon, found “LineString”: "
    "this looks like a boundary-line file (GISCO NUTS_BN); use the region file (NUTS_RG)" },
  { "not-a-collection",
    "{\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"ITH3\"}, \"geometry\": " POLYGON (SQUARE) "}",
    DISTRETTO_IMPORT_ERROR_FORMAT,
    "test.geojson:$.type: expected a GeoJSON FeatureCollection, found a “Feature”" },
  { "array-root",
    "[1, 2]",
    DISTRETTO_IMPORT_ERROR_FORMAT,
    "test.geojson:$: expected a GeoJSON FeatureCollection (an object), found an array" },
  { "json-stat",
    "{\"version\": \"2.0\", \"class\": \"dataset\", \"id\": [\"geo\"], \"size\": [1], \"value\": [1], "
    "\"dimension\": {\"geo\": {\"category\": {\"index\": [\"ITH3\"]}}}}",
    DISTRETTO_IMPORT_ERROR_FORMAT,
    "test.geojson:$: expected a GeoJSON FeatureCollection, found an object without a “type”: "
    "this looks like JSON-stat data; load it as a dataset" },
  { "eurostat-tsv",
    "unit,geo\\time\t2014 \t2013 \nMIO_EUR,ITH3\t1 \t2 \n",
    DISTRETTO_IMPORT_ERROR_FORMAT,
    "test.geojson:1:1: expected a GeoJSON FeatureCollection, found Eurostat TSV data: load it as a dataset" },
  { "empty-features",
    "{\"type\": \"FeatureCollection\", \"features\": []}",
    DISTRETTO_IMPORT_ERROR_EMPTY,
    "test.geojson:$.features: the collection has no features: expected one per region" },
  { "only-null-geometry",
    FC_START FEATURE ("ITZZ", "null") "," FEATURE ("ITH3", "{\"type\": \"Polygon\", \"coordinates\": []}") "]}",
    DISTRETTO_IMPORT_ERROR_EMPTY,
    "test.geojson:$.features: none of the 2 features has a geometry" },
  { "duplicate",
    FC_START FEATURE ("ITH3", POLYGON (SQUARE)) "," FEATURE ("ITH4", POLYGON (SQUARE)) ","
    FEATURE ("ITH3", POLYGON (SQUARE)) "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.features[2].properties.NUTS_ID: the region “ITH3” appears twice, in features 0 and 2" },
  { "unknown-epsg",
    "{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\": "
    "{\"name\": \"urn:ogc:def:crs:EPSG::32632\"}}, \"features\": [" FEATURE ("ITH3", POLYGON (SQUARE)) "]}",
    DISTRETTO_IMPORT_ERROR_FORMAT,
    "test.geojson:$.crs.properties.name: the coordinate reference system “urn:ogc:def:crs:EPSG::32632” "
    "is not supported: expected EPSG:3035 (ETRS89-LAEA) or EPSG:4326 (longitude and latitude)" },
  { "unknown-epsg-code",
    "{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"EPSG\", \"properties\": "
    "{\"code\": 3857}}, \"features\": [" FEATURE ("ITH3", POLYGON (SQUARE)) "]}",
    DISTRETTO_IMPORT_ERROR_FORMAT,
    "test.geojson:$.crs.properties.code: the coordinate reference system EPSG:3857 is not supported: …" },
  { "crs-string",
    "{\"type\": \"FeatureCollection\", \"crs\": \"EPSG:3035\", \"features\": [" FEATURE ("ITH3", POLYGON (SQUARE)) "]}",
    DISTRETTO_IMPORT_ERROR_VALUE,
    "test.geojson:$.crs: expected a coordinate reference system (an object), found a string" },
  { "non-utf8",
    "{\"type\": \"FeatureCollection\",\n \"features\": [{\"type\": \"Feature\", \"properties\": "
    "{\"NUTS_ID\": \"ITH3\", \"NAME_LATN\": \"Valle d'Aosta/Vall\xE9\xE9 d'Aoste\"}, \"geometry\": null}]}",
    DISTRETTO_IMPORT_ERROR_ENCODING,
    "test.geojson:2:101: expected UTF-8 text, found the byte 0xE9" },
  { "empty",
    "",
    DISTRETTO_IMPORT_ERROR_EMPTY,
    "test.geojson: the file is empty: expected a GeoJSON FeatureCollection" },
  { "blank",
    "\xEF\xBB\xBF \n\t\n",
    DISTRETTO_IMPORT_ERROR_EMPTY,
    "test.geojson: the file is empty: expected a GeoJSON FeatureCollection" },
  { "only-comment",
    "/* nothing */",
    DISTRETTO_IMPORT_ERROR_EMPTY,
    "test.geojson: the file holds no JSON value: expected a GeoJSON FeatureCollection" },
};

static void
assert_message (const char *message,
                const char *expected)
{
  if (g_str_has_suffix (expected, "…"))
    {
      g_autofree char *prefix = g_strndup (expected, strlen (expected) - strlen ("…"));

      if (!g_str_has_prefix (message, prefix))
        g_error ("expected a message starting “%s”, found “%s”", prefix, message);
    }
  else
    g_assert_cmpstr (message, ==, expected);
}

static void
test_malformed (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (malformed[i].text, strlen (malformed[i].text));

  boundaries = distretto_boundaries_load_bytes (bytes, "test.geojson", &error);
  g_assert_null (boundaries);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, malformed[i].code);
  assert_message (error->message, malformed[i].message);

  /* json-glib's own wording of the position is rewritten. */
  g_assert_null (strstr (error->message, "<data>"));
  g_assert_null (strstr (error->message, "Parse error"));
}

static void
test_deep_nesting (void)
{
  /* json-glib recurses once per bracket and would overflow the stack;
   * strings and comments must not hide brackets from the check. */
  const char *prefixes[] = { "", "['\"', ", "[\"\\\"\", ", "/*/ ", "/* [[ */ " };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DistrettoBoundaries) boundaries = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *expected = NULL;
      gsize prefix_len = strlen (prefixes[i]);
      gsize n = 200000;
      char *text = g_malloc (prefix_len + n);

      memcpy (text, prefixes[i], prefix_len);
      memset (text + prefix_len, '[', n);
      bytes = g_bytes_new_take (text, prefix_len + n);
      boundaries = distretto_boundaries_load_bytes (bytes, "deep.geojson", &error);
      g_assert_null (boundaries);
      g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, "deep.geojson:1:"));
      g_assert_true (g_str_has_suffix (error->message, ": the JSON nests more than 64 levels deep"));
    }
}

static GBytes *
gzip_bytes (GBytes *bytes)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GInputStream) memory = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GInputStream) stream = g_converter_input_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_output_stream_splice (out, stream,
                          G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                          NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
assert_same_boundaries (DistrettoBoundaries *a,
                        DistrettoBoundaries *b)
{
  g_assert_cmpuint (distretto_boundaries_get_n_regions (a), ==, distretto_boundaries_get_n_regions (b));
  g_assert_cmpint (distretto_boundaries_get_source_epsg (a), ==, distretto_boundaries_get_source_epsg (b));

  for (guint i = 0; i < distretto_boundaries_get_n_regions (a); i++)
    {
      const char *code = distretto_boundaries_get_code_at (a, i);
      guint n_polygons = distretto_boundaries_get_n_polygons (a, code);

      g_assert_cmpstr (code, ==, distretto_boundaries_get_code_at (b, i));
      g_assert_cmpstr (distretto_boundaries_get_name (a, code), ==, distretto_boundaries_get_name (b, code));
      g_assert_cmpint (distretto_boundaries_get_level (a, code), ==, distretto_boundaries_get_level (b, code));
      g_assert_cmpuint (n_polygons, ==, distretto_boundaries_get_n_polygons (b, code));

      for (guint p = 0; p < n_polygons; p++)
        {
          guint n_rings = distretto_boundaries_get_n_rings (a, code, p);

          g_assert_cmpuint (n_rings, ==, distretto_boundaries_get_n_rings (b, code, p));
          for (guint r = 0; r < n_rings; r++)
            {
              guint n_a, n_b;
              const double *ring_a = distretto_boundaries_get_ring (a, code, p, r, &n_a);
              const double *ring_b = distretto_boundaries_get_ring (b, code, p, r, &n_b);

              g_assert_cmpuint (n_a, ==, n_b);
              g_assert_cmpmem (ring_a, n_a * 2 * sizeof (double), ring_b, n_b * 2 * sizeof (double));
            }
        }
    }
}

static void
test_gzip (void)
{
  g_autoptr(GBytes) plain = bytes_from (fixture_3035);
  g_autoptr(GBytes) compressed = gzip_bytes (plain);
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoBoundaries) from_plain = NULL;
  g_autoptr(DistrettoBoundaries) from_gzip = NULL;
  g_autoptr(DistrettoBoundaries) from_truncated = NULL;

  g_assert_cmpuint (((const guint8 *) g_bytes_get_data (compressed, NULL))[0], ==, 0x1f);

  from_plain = distretto_boundaries_load_bytes (plain, "test.geojson", &error);
  g_assert_no_error (error);
  from_gzip = distretto_boundaries_load_bytes (compressed, "test.geojson.gz", &error);
  g_assert_no_error (error);
  assert_same_boundaries (from_plain, from_gzip);

  /* A cut gzip stream is an error naming the file. */
  truncated = g_bytes_new_from_bytes (compressed, 0, g_bytes_get_size (compressed) / 2);
  from_truncated = distretto_boundaries_load_bytes (truncated, "cut.geojson.gz", &error);
  g_assert_null (from_truncated);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "cut.geojson.gz: "));
}

static void
test_load_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("test-boundaries-XXXXXX.geojson", &io, &error);
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected = NULL;
  const char *broken = "{\"type\": \"FeatureCollection\", \"features\": []}";

  g_assert_no_error (error);
  g_file_replace_contents (file, fixture_3035, strlen (fixture_3035), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  boundaries = distretto_boundaries_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (distretto_boundaries_get_n_regions (boundaries), ==, 2);
  g_clear_object (&boundaries);

  /* Messages name the file by its parse name. */
  g_file_replace_contents (file, broken, strlen (broken), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  boundaries = distretto_boundaries_load_file (file, NULL, &error);
  g_assert_null (boundaries);
  name = g_file_get_parse_name (file);
  expected = g_strdup_printf ("%s:$.features: the collection has no features: expected one per region", name);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* Cancelled. */
  g_file_replace_contents (file, fixture_3035, strlen (fixture_3035), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  boundaries = distretto_boundaries_load_file (file, cancellable, &error);
  g_assert_null (boundaries);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  missing = g_file_get_child (file, "nothing-here.geojson");
  boundaries = distretto_boundaries_load_file (missing, NULL, &error);
  g_assert_null (boundaries);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_file_delete (file, NULL, NULL);
}

static DistrettoDataset *
build_dataset (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = bytes_from ("region,indicator,year,value\n"
                                      "ITH3,emp_total,2014,1\n"
                                      "FRA1,emp_total,2014,1\n"
                                      "FR91,emp_total,2009,1\n"
                                      "UKI3,emp_total,2014,1\n"
                                      "ITZZ,emp_total,2014,1\n"
                                      "EU28,emp_total,2014,1\n");
  DistrettoDataset *dataset = distretto_tidy_csv_load_bytes (csv, "join.csv", &error);

  g_assert_no_error (error);
  return dataset;
}

static void
test_missing_unused_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = load_text (fixture_3035, &error);
  g_autoptr(DistrettoDataset) dataset = build_dataset ();
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) unused = NULL;
  g_auto(GStrv) unused_any = NULL;
  const char *expected_missing[] = { "FR91", "FRA1", "UKI3", NULL };
  const char *expected_unused_any[] = { "ITH", NULL };

  g_assert_no_error (error);

  missing = distretto_boundaries_dup_missing_codes (boundaries, dataset);
  g_assert_cmpstrv (missing, expected_missing);

  /* ITH3 is in both. */
  unused = distretto_boundaries_dup_unused_codes (boundaries, dataset, 2);
  g_assert_cmpuint (g_strv_length (unused), ==, 0);
  unused_any = distretto_boundaries_dup_unused_codes (boundaries, dataset, -1);
  g_assert_cmpstrv (unused_any, expected_unused_any);
}

/* Real GISCO files ------------------------------------------------------ */

static DistrettoBoundaries *
load_real (const char *path,
           double     *seconds)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  DistrettoBoundaries *boundaries = distretto_boundaries_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (boundaries);
  if (seconds != NULL)
    *seconds = (g_get_monotonic_time () - start) / 1e6;
  return boundaries;
}

/* The 2024 1:20M file, loaded once for every test that needs it (loads
 * are slow under AddressSanitizer). */
static DistrettoBoundaries *real_2024_3035;

static DistrettoBoundaries *
get_real_2024_3035 (void)
{
  g_autofree char *path = distretto_test_real_path ("nuts-geo-2024-20m", "NUTS_RG_20M_2024_3035.geojson");
  double seconds;

  if (real_2024_3035 == NULL && path != NULL)
    {
      real_2024_3035 = load_real (path, &seconds);
      /* For information only: no timing is asserted. */
      g_test_message ("NUTS_RG_20M_2024_3035.geojson (2.3 MB) loaded in %.3f s", seconds);
    }

  return real_2024_3035;
}

/* Every ring has at least 4 points, is closed, and lies in the extent. */
static void
assert_rings_valid (DistrettoBoundaries *boundaries)
{
  double x_min, y_min, x_max, y_max;

  distretto_boundaries_get_extent (boundaries, &x_min, &y_min, &x_max, &y_max);

  for (guint i = 0; i < distretto_boundaries_get_n_regions (boundaries); i++)
    {
      const char *code = distretto_boundaries_get_code_at (boundaries, i);

      g_assert_cmpuint (distretto_boundaries_get_n_polygons (boundaries, code), >=, 1);
      for (guint p = 0; p < distretto_boundaries_get_n_polygons (boundaries, code); p++)
        for (guint r = 0; r < distretto_boundaries_get_n_rings (boundaries, code, p); r++)
          {
            guint n;
            const double *ring = distretto_boundaries_get_ring (boundaries, code, p, r, &n);

            g_assert_cmpuint (n, >=, 4);
            g_assert_cmpfloat (ring[0], ==, ring[2 * n - 2]);
            g_assert_cmpfloat (ring[1], ==, ring[2 * n - 1]);
            for (guint k = 0; k < n; k++)
              {
                g_assert_cmpfloat (ring[2 * k], >=, x_min);
                g_assert_cmpfloat (ring[2 * k], <=, x_max);
                g_assert_cmpfloat (ring[2 * k + 1], >=, y_min);
                g_assert_cmpfloat (ring[2 * k + 1], <=, y_max);
              }
          }
    }
}

static void
region_extent (DistrettoBoundaries *boundaries,
               const char          *code,
               double               extent[4])
{
  extent[0] = extent[1] = INFINITY;
  extent[2] = extent[3] = -INFINITY;

  for (guint p = 0; p < distretto_boundaries_get_n_polygons (boundaries, code); p++)
    for (guint r = 0; r < distretto_boundaries_get_n_rings (boundaries, code, p); r++)
      {
        guint n;
        const double *ring = distretto_boundaries_get_ring (boundaries, code, p, r, &n);

        for (guint k = 0; k < n; k++)
          {
            extent[0] = MIN (extent[0], ring[2 * k]);
            extent[1] = MIN (extent[1], ring[2 * k + 1]);
            extent[2] = MAX (extent[2], ring[2 * k]);
            extent[3] = MAX (extent[3], ring[2 * k + 1]);
          }
      }
}

static void
test_real_2024_3035 (void)
{
  DistrettoBoundaries *boundaries = get_real_2024_3035 ();
  double x_min, y_min, x_max, y_max;

  if (boundaries == NULL)
    {
      g_test_skip ("../shared/data/real/nuts-geo-2024-20m is not there");
      return;
    }

  g_assert_cmpint (distretto_boundaries_get_source_epsg (boundaries), ==, 3035);
  g_assert_cmpuint (distretto_boundaries_get_n_regions (boundaries), ==, 1798);
  g_assert_cmpuint (distretto_boundaries_count_level (boundaries, 0), ==, 39);
  g_assert_cmpuint (distretto_boundaries_count_level (boundaries, 1), ==, 115);
  g_assert_cmpuint (distretto_boundaries_count_level (boundaries, 2), ==, 299);
  g_assert_cmpuint (distretto_boundaries_count_level (boundaries, 3), ==, 1345);

  g_assert_cmpstr (distretto_boundaries_get_name (boundaries, "ITH3"), ==, "Veneto");
  g_assert_cmpstr (distretto_boundaries_get_name (boundaries, "AL011"), ==, "Dibër");
  g_assert_cmpint (distretto_boundaries_get_level (boundaries, "ES52"), ==, 2);
  g_assert_false (distretto_boundaries_has_region (boundaries, "UKI3"));

  /* Europe, with the outermost regions (Canaries, Réunion, Guyane…). */
  distretto_boundaries_get_extent (boundaries, &x_min, &y_min, &x_max, &y_max);
  g_test_message ("extent: %.0f %.0f %.0f %.0f", x_min, y_min, x_max, y_max);
  g_assert_cmpfloat (x_min, <, 2000000);
  g_assert_cmpfloat (x_max, >, 6000000);
  g_assert_cmpfloat (y_min, <, 1500000);
  g_assert_cmpfloat (y_max, >, 5000000);

  assert_rings_valid (boundaries);
}

static void
test_real_2024_4326 (void)
{
  g_autofree char *path_4326 = distretto_test_real_path ("nuts-geo-2024-20m", "NUTS_RG_20M_2024_4326.geojson");
  DistrettoBoundaries *laea = get_real_2024_3035 ();
  g_autoptr(DistrettoBoundaries) lonlat = NULL;
  const char *codes[] = { "ITH3", "ES52", "FI19", "DE", "PT200", "FRY10" };
  double seconds, worst = 0;
  const char *worst_code = NULL;

  if (laea == NULL || path_4326 == NULL)
    {
      g_test_skip ("../shared/data/real/nuts-geo-2024-20m is not there");
      return;
    }

  lonlat = load_real (path_4326, &seconds);
  g_test_message ("NUTS_RG_20M_2024_4326.geojson (2.5 MB) loaded and projected in %.3f s", seconds);

  g_assert_cmpint (distretto_boundaries_get_source_epsg (lonlat), ==, 4326);
  g_assert_cmpuint (distretto_boundaries_get_n_regions (lonlat), ==, 1798);
  g_assert_cmpuint (distretto_boundaries_count_level (lonlat, 2), ==, 299);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      double a[4], b[4];

      g_assert_true (distretto_boundaries_has_region (lonlat, codes[i]));
      region_extent (laea, codes[i], a);
      region_extent (lonlat, codes[i], b);
      for (guint k = 0; k < 4; k++)
        g_assert_cmpfloat_with_epsilon (a[k], b[k], 50.0);
    }

  /* For information: how far apart the two files are, over every region. */
  for (guint i = 0; i < distretto_boundaries_get_n_regions (laea); i++)
    {
      const char *code = distretto_boundaries_get_code_at (laea, i);
      double a[4], b[4];

      region_extent (laea, code, a);
      region_extent (lonlat, code, b);
      for (guint k = 0; k < 4; k++)
        if (fabs (a[k] - b[k]) > worst)
          {
            worst = fabs (a[k] - b[k]);
            worst_code = code;
          }
    }
  g_test_message ("largest difference of region extents, 4326 projected vs 3035: %.6f m (%s)",
                  worst, worst_code ? worst_code : "-");
  /* GISCO derives both files from one source: the projection reproduces
   * the 3035 file to well under a metre everywhere, overseas included. */
  g_assert_cmpfloat (worst, <, 1.0);

  assert_rings_valid (lonlat);
}

static void
test_real_2021_level2 (void)
{
  g_autofree char *path = distretto_test_real_path ("nuts-geo-2021-60m", "NUTS_RG_60M_2021_3035_LEVL_2.geojson");
  g_autoptr(DistrettoBoundaries) boundaries = NULL;

  if (path == NULL)
    {
      g_test_skip ("../shared/data/real/nuts-geo-2021-60m is not there");
      return;
    }

  /* Its crs member comes last. */
  boundaries = load_real (path, NULL);
  g_assert_cmpint (distretto_boundaries_get_source_epsg (boundaries), ==, 3035);
  g_assert_cmpuint (distretto_boundaries_get_n_regions (boundaries), ==, 334);
  g_assert_cmpuint (distretto_boundaries_count_level (boundaries, 2), ==, 334);
  g_assert_true (distretto_boundaries_has_region (boundaries, "UKI3"));
  /* "Jan Mayen and Svalbard\r\n   \r\n" in the file. */
  g_assert_cmpstr (distretto_boundaries_get_name (boundaries, "NO0B"), ==, "Jan Mayen and Svalbard");

  assert_rings_valid (boundaries);
}

static void
test_real_other_files_refused (void)
{
  g_autofree char *lines = distretto_test_real_path ("nuts-geo-2021-60m", "NUTS_BN_60M_2021_3035_LEVL_2.geojson");
  g_autofree char *labels = distretto_test_real_path ("nuts-geo-2021-60m", "NUTS_LB_2021_3035_LEVL_2.geojson");
  g_autoptr(GFile) lines_file = NULL;
  g_autoptr(GFile) labels_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;

  if (lines == NULL || labels == NULL)
    {
      g_test_skip ("../shared/data/real/nuts-geo-2021-60m is not there");
      return;
    }

  /* Boundary lines and label points are not regions. */
  lines_file = g_file_new_for_path (lines);
  boundaries = distretto_boundaries_load_file (lines_file, NULL, &error);
  g_assert_null (boundaries);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "NUTS_BN"));
  g_clear_error (&error);

  labels_file = g_file_new_for_path (labels);
  boundaries = distretto_boundaries_load_file (labels_file, NULL, &error);
  g_assert_null (boundaries);
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "NUTS_LB"));
}

static void
test_real_missing_unused (void)
{
  DistrettoBoundaries *boundaries = get_real_2024_3035 ();
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) unused = NULL;
  g_auto(GStrv) unused_any = NULL;
  const char *expected_missing[] = { "FR91", "FRA1", "UKI3", NULL };

  if (boundaries == NULL)
    {
      g_test_skip ("../shared/data/real/nuts-geo-2024-20m is not there");
      return;
    }

  dataset = build_dataset ();

  /* Old codes and the UK have no 2024 geometry; ITZZ and EU28 are not
   * territories and are not reported. */
  missing = distretto_boundaries_dup_missing_codes (boundaries, dataset);
  g_assert_cmpstrv (missing, expected_missing);

  unused = distretto_boundaries_dup_unused_codes (boundaries, dataset, 2);
  g_assert_true (g_strv_contains ((const char * const *) unused, "ITH5"));
  g_assert_false (g_strv_contains ((const char * const *) unused, "ITH3"));
  g_assert_cmpuint (g_strv_length (unused), ==, 298);
  for (guint i = 0; unused[i] != NULL; i++)
    {
      g_assert_cmpint (distretto_boundaries_get_level (boundaries, unused[i]), ==, 2);
      if (unused[i + 1] != NULL)
        g_assert_cmpint (strcmp (unused[i], unused[i + 1]), <, 0);
    }

  unused_any = distretto_boundaries_dup_unused_codes (boundaries, dataset, -1);
  g_assert_cmpuint (g_strv_length (unused_any), ==, 1797);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Boundaries/polygon-with-hole", test_polygon_with_hole);
  g_test_add_func ("/Distretto/Boundaries/multipolygon", test_multipolygon);
  g_test_add_func ("/Distretto/Boundaries/crs-after-features", test_crs_after_features);
  g_test_add_func ("/Distretto/Boundaries/project-laea", test_project_laea);
  g_test_add_func ("/Distretto/Boundaries/4326", test_4326);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *name = g_strdup_printf ("/Distretto/Boundaries/malformed/%s", malformed[i].name);

      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_malformed);
    }
  g_test_add_func ("/Distretto/Boundaries/deep-nesting", test_deep_nesting);
  g_test_add_func ("/Distretto/Boundaries/gzip", test_gzip);
  g_test_add_func ("/Distretto/Boundaries/load-file", test_load_file);
  g_test_add_func ("/Distretto/Boundaries/missing-unused", test_missing_unused_fixture);
  g_test_add_func ("/Distretto/Boundaries/real/2024-3035", test_real_2024_3035);
  g_test_add_func ("/Distretto/Boundaries/real/2024-4326", test_real_2024_4326);
  g_test_add_func ("/Distretto/Boundaries/real/2021-level-2", test_real_2021_level2);
  g_test_add_func ("/Distretto/Boundaries/real/lines-and-labels-refused", test_real_other_files_refused);
  g_test_add_func ("/Distretto/Boundaries/real/missing-unused", test_real_missing_unused);

  status = g_test_run ();
  g_clear_object (&real_2024_3035);
  return status;
}

/* distretto-boundaries.c: NUTS region polygons from GeoJSON, in ETRS89-LAEA
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "distretto-boundaries.h"
#include "distretto-data-format.h"
#include "distretto-import-error.h"
#include "distretto-import-private.h"
#include "distretto-input-private.h"
#include "distretto-json-reader.h"
#include "distretto-nuts.h"

/**
 * DistrettoBoundaries:
 *
 * The polygons of NUTS regions, read from a GeoJSON FeatureCollection such
 * as GISCO's `NUTS_RG_20M_2024_3035.geojson`, and held in ETRS89-LAEA
 * (EPSG:3035) metres whatever the file's coordinate reference system.
 * Regions are keyed by NUTS code, as datasets are, so a map joins the two
 * on the code.
 *
 * Each region has one or more polygons; each polygon has an exterior ring
 * followed by its holes; each ring is an array of x, y pairs whose last
 * point repeats the first. Boundaries are immutable once loaded.
 *
 * Maps drawn from GISCO files must show %DISTRETTO_BOUNDARIES_ATTRIBUTION.
 */

/* EPSG:3035, ETRS89-extended / LAEA Europe: GRS80 ellipsoid, origin 52°N
 * 10°E, false easting and northing. */
#define GRS80_A           6378137.0
#define GRS80_INV_F       298.257222101
#define LAEA_LATITUDE_0   52.0
#define LAEA_LONGITUDE_0  10.0
#define LAEA_FALSE_EAST   4321000.0
#define LAEA_FALSE_NORTH  3210000.0

typedef struct
{
  char *code;
  char *name;           /* nullable */
  int level;
  guint first_polygon;  /* into polygon_rings */
  guint n_polygons;
} Region;

struct _DistrettoBoundaries
{
  GObject parent_instance;

  int source_epsg;

  Region *regions;          /* in file order */
  guint n_regions;
  GHashTable *index;        /* code (owned by regions) → index + 1 */

  /* Flat storage: polygon p has the rings polygon_rings[p] up to
   * polygon_rings[p + 1]; ring r has the points ring_points[r] up to
   * ring_points[r + 1]; point i is coords[2 i], coords[2 i + 1]. Both
   * offset arrays end with a sentinel. */
  guint *polygon_rings;
  guint n_polygons;
  guint *ring_points;
  guint n_rings;
  double *coords;
  gsize n_points;

  double x_min;
  double y_min;
  double x_max;
  double y_max;
};

G_DEFINE_FINAL_TYPE (DistrettoBoundaries, distretto_boundaries, G_TYPE_OBJECT)

static void
distretto_boundaries_finalize (GObject *object)
{
  DistrettoBoundaries *self = (DistrettoBoundaries *)object;

  for (guint i = 0; i < self->n_regions; i++)
    {
      g_free (self->regions[i].code);
      g_free (self->regions[i].name);
    }
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->regions, g_free);
  g_clear_pointer (&self->polygon_rings, g_free);
  g_clear_pointer (&self->ring_points, g_free);
  g_clear_pointer (&self->coords, g_free);

  G_OBJECT_CLASS (distretto_boundaries_parent_class)->finalize (object);
}

static void
distretto_boundaries_class_init (DistrettoBoundariesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = distretto_boundaries_finalize;
}

static void
distretto_boundaries_init (DistrettoBoundaries *self)
{
  self->source_epsg = 3035;
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Projection ------------------------------------------------------------ */

/* q of EPSG Guidance Note 7-2, Lambert Azimuthal Equal Area (EPSG method
 * 9820), for a latitude whose sine is @sin_phi. */
static double
laea_q (double sin_phi,
        double e)
{
  double e2 = e * e;

  return (1.0 - e2) * (sin_phi / (1.0 - e2 * sin_phi * sin_phi)
                       - 1.0 / (2.0 * e) * log ((1.0 - e * sin_phi) / (1.0 + e * sin_phi)));
}

/**
 * distretto_project_laea:
 * @longitude: a longitude in degrees east, ETRS89 (or WGS 84)
 * @latitude: a latitude in degrees north
 * @x: (out): return location for the easting in metres
 * @y: (out): return location for the northing in metres
 *
 * Projects a geographic position to ETRS89-LAEA, EPSG:3035: the Lambert
 * azimuthal equal-area projection on the GRS80 ellipsoid, centred at 52°N
 * 10°E, with a false easting of 4321000 m and a false northing of
 * 3210000 m. The formulas are the ellipsoidal ones of EPSG Guidance Note
 * 7-2 (method 9820), not the spherical approximation.
 *
 * The antipode of the centre (52°S 170°W) cannot be projected: @x and @y
 * are then NaN.
 */
void
distretto_project_laea (double  longitude,
                        double  latitude,
                        double *x,
                        double *y)
{
  double f = 1.0 / GRS80_INV_F;
  double e = sqrt (2.0 * f - f * f);
  double phi0 = LAEA_LATITUDE_0 * G_PI / 180.0;
  double phi = latitude * G_PI / 180.0;
  double dlambda = (longitude - LAEA_LONGITUDE_0) * G_PI / 180.0;
  double sin_phi0 = sin (phi0);
  double q_p = laea_q (1.0, e);
  double q_0 = laea_q (sin_phi0, e);
  double q = laea_q (sin (phi), e);
  double r_q = GRS80_A * sqrt (q_p / 2.0);
  double beta0 = asin (q_0 / q_p);
  double beta = asin (CLAMP (q / q_p, -1.0, 1.0));
  double d = GRS80_A * (cos (phi0) / sqrt (1.0 - e * e * sin_phi0 * sin_phi0)) / (r_q * cos (beta0));
  double denominator = 1.0 + sin (beta0) * sin (beta) + cos (beta0) * cos (beta) * cos (dlambda);
  double b;

  g_return_if_fail (x != NULL);
  g_return_if_fail (y != NULL);

  /* Zero at the antipode, up to rounding. */
  if (!(denominator > 1e-12))
    {
      *x = *y = NAN;
      return;
    }

  b = r_q * sqrt (2.0 / denominator);
  *x = LAEA_FALSE_EAST + b * d * cos (beta) * sin (dlambda);
  *y = LAEA_FALSE_NORTH + (b / d) * (cos (beta0) * sin (beta)
                                     - sin (beta0) * cos (beta) * cos (dlambda));
}

/* Loading --------------------------------------------------------------- */

typedef struct
{
  const char *filename;
  GCancellable *cancellable;
  int epsg;

  GArray *regions;          /* Region */
  GHashTable *seen;         /* code → feature index + 1, every feature */
  GArray *polygon_rings;    /* guint */
  GArray *ring_points;      /* guint */
  GArray *coords;           /* double */
  guint n_without_geometry;

  double x_min;
  double y_min;
  double x_max;
  double y_max;
} Builder;

static void
builder_init (Builder      *b,
              const char   *filename,
              GCancellable *cancellable)
{
  memset (b, 0, sizeof *b);
  b->filename = filename;
  b->cancellable = cancellable;
  b->epsg = 4326;
  b->regions = g_array_new (FALSE, FALSE, sizeof (Region));
  b->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->polygon_rings = g_array_new (FALSE, FALSE, sizeof (guint));
  b->ring_points = g_array_new (FALSE, FALSE, sizeof (guint));
  b->coords = g_array_new (FALSE, FALSE, sizeof (double));
  b->x_min = b->y_min = INFINITY;
  b->x_max = b->y_max = -INFINITY;
}

static void
builder_clear (Builder *b)
{
  if (b->regions != NULL)
    {
      for (guint i = 0; i < b->regions->len; i++)
        {
          Region *region = &g_array_index (b->regions, Region, i);

          g_free (region->code);
          g_free (region->name);
        }
      g_clear_pointer (&b->regions, g_array_unref);
    }
  g_clear_pointer (&b->seen, g_hash_table_unref);
  g_clear_pointer (&b->polygon_rings, g_array_unref);
  g_clear_pointer (&b->ring_points, g_array_unref);
  g_clear_pointer (&b->coords, g_array_unref);
}

/* Hands the array's storage over, trimmed to its length. */
static gpointer
steal_trimmed (GArray *array,
               gsize   element_size)
{
  gsize len = 0;
  gpointer data = g_array_steal (array, &len);

  return g_realloc (data, MAX (len, 1) * element_size);
}

/* What a JSON node holds, as said in messages: “found a string”. */
static const char *
describe_node (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("a boolean");
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
    default:
      return _("a number");
    }
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A member that is absent or null is NULL. */
static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, name);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

/* The EPSG code of a CRS name, from a word of it: 3035 for
 * `urn:ogc:def:crs:EPSG::3035` or `EPSG:3035 (LAEA Europe)`, 4326 for
 * `EPSG:4326` or `urn:ogc:def:crs:OGC:1.3:CRS84`, 0 for anything else. */
static int
epsg_from_crs_name (const char *name)
{
  const char *p = name;

  while (*p != '\0')
    {
      const char *start;
      gsize len;

      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      start = p;
      while (g_ascii_isalnum (*p))
        p++;
      len = p - start;

      if (len == 4 && strncmp (start, "3035", 4) == 0)
        return 3035;
      if ((len == 4 && strncmp (start, "4326", 4) == 0) ||
          (len == 5 && g_ascii_strncasecmp (start, "CRS84", 5) == 0))
        return 4326;
    }

  return 0;
}

static gboolean
read_crs (Builder     *b,
          JsonObject  *root,
          GError     **error)
{
  JsonNode *crs = get_member (root, "crs");
  JsonNode *properties, *name_node, *code_node;
  const char *name = NULL;
  int epsg = 0;

  /* GeoJSON (RFC 7946) has no crs member: coordinates are CRS84. */
  if (crs == NULL)
    {
      b->epsg = 4326;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (crs))
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, "$.crs",
                 _("expected a coordinate reference system (an object), found %s"),
                 describe_node (crs));
      return FALSE;
    }

  properties = get_member (json_node_get_object (crs), "properties");
  if (properties == NULL || !JSON_NODE_HOLDS_OBJECT (properties))
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, "$.crs.properties",
                 _("expected an object naming the coordinate reference system, found %s"),
                 describe_node (properties));
      return FALSE;
    }

  name_node = get_member (json_node_get_object (properties), "name");
  code_node = get_member (json_node_get_object (properties), "code");
  if (node_is_string (name_node))
    {
      name = json_node_get_string (name_node);
      epsg = epsg_from_crs_name (name);
    }
  else if (name_node == NULL && code_node != NULL &&
           JSON_NODE_HOLDS_VALUE (code_node) && json_node_get_value_type (code_node) == G_TYPE_INT64)
    {
      /* The 2008 GeoJSON draft's `{"type": "EPSG", "properties": {"code": 3035}}`. */
      gint64 code = json_node_get_int (code_node);

      epsg = code > 0 && code < 1000000 ? (int) code : 0;
    }
  else
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, "$.crs.properties.name",
                 _("expected the name of a coordinate reference system such as "
                   "“urn:ogc:def:crs:EPSG::3035”, found %s"),
                 describe_node (name_node));
      return FALSE;
    }

  if (epsg != 3035 && epsg != 4326)
    {
      g_autofree char *what = name ? g_strdup_printf ("“%s”", name) : g_strdup_printf ("EPSG:%d", epsg);

      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_FORMAT, b->filename,
                                name ? "$.crs.properties.name" : "$.crs.properties.code",
                 _("the coordinate reference system %s is not supported: expected EPSG:3035 "
                   "(ETRS89-LAEA) or EPSG:4326 (longitude and latitude)"), what);
      return FALSE;
    }

  b->epsg = epsg;
  return TRUE;
}

/* Reads coordinate @k of a ring whose path is @path. */
static gboolean
read_position (Builder     *b,
               JsonNode    *node,
               GString     *path,
               guint        k,
               double      *raw_x,
               double      *raw_y,
               GError     **error)
{
  JsonArray *array;
  double values[2];
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", path->str, k);

      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, where,
                 _("expected a position [x, y], found %s"), describe_node (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < 2 || n > 3)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", path->str, k);

      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, where,
                 _("expected a position [x, y], found an array of %u elements"), n);
      return FALSE;
    }

  for (guint c = 0; c < n; c++)
    {
      JsonNode *element = json_array_get_element (array, c);
      double value;

      if (!node_is_number (element))
        {
          g_autofree char *where = g_strdup_printf ("%s[%u][%u]", path->str, k, c);

          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, where,
                     _("expected a number, found %s"), describe_node (element));
          return FALSE;
        }

      value = json_node_get_double (element);
      if (!isfinite (value))
        {
          g_autofree char *where = g_strdup_printf ("%s[%u][%u]", path->str, k, c);

          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, where,
                     _("expected a finite number, found one too large to represent"));
          return FALSE;
        }

      if (c < 2)
        values[c] = value;
    }

  *raw_x = values[0];
  *raw_y = values[1];
  return TRUE;
}

static gboolean
add_point (Builder     *b,
           double       raw_x,
           double       raw_y,
           GString     *path,
           guint        k,
           GError     **error)
{
  double xy[2] = { raw_x, raw_y };

  if (b->epsg == 4326)
    {
      if (raw_x < -180.0 || raw_x > 180.0 || raw_y < -90.0 || raw_y > 90.0)
        {
          g_autofree char *where = g_strdup_printf ("%s[%u]", path->str, k);

          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, where,
                     /* TRANSLATORS: the longitude and the latitude found */
                     _("expected a longitude between -180 and 180 and a latitude between -90 "
                       "and 90 degrees, found [%g, %g]"), raw_x, raw_y);
          return FALSE;
        }

      distretto_project_laea (raw_x, raw_y, &xy[0], &xy[1]);
      if (!isfinite (xy[0]) || !isfinite (xy[1]))
        {
          g_autofree char *where = g_strdup_printf ("%s[%u]", path->str, k);

          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, where,
                     /* TRANSLATORS: the longitude and the latitude of the position */
                     _("the position [%g, %g] is opposite the centre of Europe and cannot be "
                       "projected to EPSG:3035"), raw_x, raw_y);
          return FALSE;
        }
    }

  b->x_min = MIN (b->x_min, xy[0]);
  b->x_max = MAX (b->x_max, xy[0]);
  b->y_min = MIN (b->y_min, xy[1]);
  b->y_max = MAX (b->y_max, xy[1]);
  g_array_append_vals (b->coords, xy, 2);
  return TRUE;
}

/* Reads a linear ring at @path. */
static gboolean
read_ring (Builder     *b,
           JsonNode    *node,
           GString     *path,
           GError     **error)
{
  JsonArray *array;
  guint n, start;
  double first_x = 0, first_y = 0;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, path->str,
                 _("expected a ring (an array of positions), found %s"), describe_node (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < 4)
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, path->str,
                 _("expected a ring of at least 4 positions (the last repeating the first), "
                   "found %u"), n);
      return FALSE;
    }

  if ((gsize) b->coords->len + 2 * (gsize) n >= G_MAXUINT)
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_FORMAT, b->filename, path->str,
                 _("the file holds more points than Distretto can store"));
      return FALSE;
    }

  start = b->coords->len / 2;
  g_array_append_val (b->ring_points, start);

  for (guint k = 0; k < n; k++)
    {
      double raw_x, raw_y;

      if (!read_position (b, json_array_get_element (array, k), path, k, &raw_x, &raw_y, error))
        return FALSE;

      if (k == 0)
        {
          first_x = raw_x;
          first_y = raw_y;
        }
      else if (k == n - 1 && (raw_x != first_x || raw_y != first_y))
        {
          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, path->str,
                     _("expected a closed ring: the last point differs from the first"));
          return FALSE;
        }

      if (!add_point (b, raw_x, raw_y, path, k, error))
        return FALSE;
    }

  return TRUE;
}

/* Reads a polygon (exterior ring, then holes) at @path. */
static gboolean
read_polygon (Builder     *b,
              JsonNode    *node,
              GString     *path,
              GError     **error)
{
  JsonArray *array;
  gsize mark = path->len;
  guint n, first_ring;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, path->str,
                 _("expected a polygon (an array of rings), found %s"), describe_node (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n == 0)
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, path->str,
                 _("expected a polygon with an exterior ring, found an empty array"));
      return FALSE;
    }

  first_ring = b->ring_points->len;
  g_array_append_val (b->polygon_rings, first_ring);

  for (guint r = 0; r < n; r++)
    {
      g_string_append_printf (path, "[%u]", r);
      if (!read_ring (b, json_array_get_element (array, r), path, error))
        return FALSE;
      g_string_truncate (path, mark);
    }

  return TRUE;
}

/* Checks the geometry of feature @i: *geometry is its object, or NULL
 * when it has none; *multi tells a MultiPolygon. Run before anything else
 * of the feature, so a file of lines or points is told as such. */
static gboolean
check_geometry_type (Builder     *b,
                     JsonObject  *feature,
                     guint        i,
                     JsonObject **geometry,
                     gboolean    *multi,
                     GError     **error)
{
  JsonNode *node = get_member (feature, "geometry");
  JsonNode *type_node;
  const char *type;

  *geometry = NULL;
  *multi = FALSE;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *where = g_strdup_printf ("$.features[%u].geometry", i);

      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, where,
                 _("expected a geometry (an object) or null, found %s"), describe_node (node));
      return FALSE;
    }

  type_node = get_member (json_node_get_object (node), "type");
  type = node_is_string (type_node) ? json_node_get_string (type_node) : NULL;
  if (g_strcmp0 (type, "Polygon") != 0 && g_strcmp0 (type, "MultiPolygon") != 0)
    {
      g_autofree char *where = g_strdup_printf ("$.features[%u].geometry.type", i);
      if (type == NULL)
        {
          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, where,
                     _("expected a geometry type such as “Polygon”, found %s"),
                     type_node ? describe_node (type_node) : _("none"));
          return FALSE;
        }

      if (g_str_equal (type, "LineString") || g_str_equal (type, "MultiLineString"))
        _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_FORMAT, b->filename, where,
                                   _("expected a Polygon or MultiPolygon, found “%s”: this looks like a "
                                     "boundary-line file (GISCO NUTS_BN); use the region file (NUTS_RG)"),
                                   type);
      else if (g_str_equal (type, "Point") || g_str_equal (type, "MultiPoint"))
        _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_FORMAT, b->filename, where,
                                   _("expected a Polygon or MultiPolygon, found “%s”: this looks like a "
                                     "label file (GISCO NUTS_LB); use the region file (NUTS_RG)"),
                                   type);
      else
        _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_FORMAT, b->filename, where,
                                   _("expected a Polygon or MultiPolygon, found “%s”"), type);
      return FALSE;
    }

  *geometry = json_node_get_object (node);
  *multi = g_str_equal (type, "MultiPolygon");
  return TRUE;
}

/* Reads the polygons of feature @i, whose geometry passed
 * check_geometry_type(); *n_polygons is 0 for an empty geometry. */
static gboolean
read_geometry (Builder     *b,
               JsonObject  *geometry,
               gboolean     multi,
               guint        i,
               guint       *n_polygons,
               GError     **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  JsonNode *coordinates;
  JsonArray *array;
  guint n;

  *n_polygons = 0;
  g_string_printf (path, "$.features[%u].geometry.coordinates", i);

  coordinates = get_member (geometry, "coordinates");
  if (coordinates == NULL || !JSON_NODE_HOLDS_ARRAY (coordinates))
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, path->str,
                 /* TRANSLATORS: a geometry type (Polygon or MultiPolygon), then what was found */
                 _("expected the coordinates of a %s (an array), found %s"),
                 multi ? "MultiPolygon" : "Polygon",
                 coordinates ? describe_node (coordinates) : _("none"));
      return FALSE;
    }

  /* An empty array is an empty geometry, as a null one. */
  array = json_node_get_array (coordinates);
  n = json_array_get_length (array);
  if (n == 0)
    return TRUE;

  if (!multi)
    {
      if (!read_polygon (b, coordinates, path, error))
        return FALSE;
      *n_polygons = 1;
      return TRUE;
    }

  for (guint p = 0; p < n; p++)
    {
      gsize mark = path->len;

      g_string_append_printf (path, "[%u]", p);
      if (!read_polygon (b, json_array_get_element (array, p), path, error))
        return FALSE;
      g_string_truncate (path, mark);
    }

  *n_polygons = n;
  return TRUE;
}

/* Reads an optional string property; absent and null give NULL. */
static gboolean
read_string_property (Builder     *b,
                      JsonObject  *properties,
                      guint        i,
                      const char  *name,
                      const char **value,
                      GError     **error)
{
  JsonNode *node = get_member (properties, name);

  *value = NULL;
  if (node == NULL)
    return TRUE;

  if (!node_is_string (node))
    {
      g_autofree char *where = g_strdup_printf ("$.features[%u].properties.%s", i, name);

      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, where,
                 _("expected a string, found %s"), describe_node (node));
      return FALSE;
    }

  *value = json_node_get_string (node);
  return TRUE;
}

static char *
dup_name (const char *name)
{
  char *copy;

  if (name == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (name));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static gboolean
read_feature (Builder     *b,
              JsonNode    *node,
              guint        i,
              GError     **error)
{
  g_autofree char *where = g_strdup_printf ("$.features[%u]", i);
  g_autofree char *code_path = NULL;
  JsonObject *feature, *properties = NULL, *geometry;
  JsonNode *type_node, *properties_node, *code_node, *level_node;
  const char *code, *name_latn, *nuts_name;
  gpointer seen;
  Region region = { 0 };
  gboolean multi;
  int level;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, where,
                 _("expected a feature (an object), found %s"), describe_node (node));
      return FALSE;
    }
  feature = json_node_get_object (node);

  type_node = get_member (feature, "type");
  if (!node_is_string (type_node) || !g_str_equal (json_node_get_string (type_node), "Feature"))
    {
      g_autofree char *type_path = g_strconcat (where, ".type", NULL);
      g_autofree char *found = node_is_string (type_node)
        ? g_strdup_printf ("“%s”", json_node_get_string (type_node))
        : g_strdup (type_node ? describe_node (type_node) : _("none"));

      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, type_path,
                 _("expected “Feature”, found %s"), found);
      return FALSE;
    }

  if (!check_geometry_type (b, feature, i, &geometry, &multi, error))
    return FALSE;

  properties_node = get_member (feature, "properties");
  if (properties_node != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (properties_node))
        {
          g_autofree char *properties_path = g_strconcat (where, ".properties", NULL);

          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, properties_path,
                     _("expected an object or null, found %s"), describe_node (properties_node));
          return FALSE;
        }
      properties = json_node_get_object (properties_node);
    }

  /* The code: properties.NUTS_ID, else the feature's id. */
  code_node = get_member (properties, "NUTS_ID");
  code_path = g_strconcat (where, ".properties.NUTS_ID", NULL);
  if (code_node == NULL)
    {
      code_node = get_member (feature, "id");
      g_free (code_path);
      code_path = g_strconcat (where, ".id", NULL);
    }
  if (code_node == NULL)
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, where,
                 _("expected a region code in properties.NUTS_ID or in id, found neither"));
      return FALSE;
    }
  if (!node_is_string (code_node))
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, code_path,
                 _("expected a NUTS code (a string such as “ITH3”), found %s"),
                 describe_node (code_node));
      return FALSE;
    }
  code = json_node_get_string (code_node);
  if (!distretto_nuts_code_is_valid (code))
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, code_path,
                 _("expected a NUTS code such as “ITH3”, found “%s”"), code);
      return FALSE;
    }

  seen = g_hash_table_lookup (b->seen, code);
  if (seen != NULL)
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, code_path,
                 /* TRANSLATORS: a region code, then the indices of the two features */
                 _("the region “%s” appears twice, in features %u and %u"),
                 code, GPOINTER_TO_UINT (seen) - 1, i);
      return FALSE;
    }
  g_hash_table_insert (b->seen, g_strdup (code), GUINT_TO_POINTER (i + 1));

  /* The level: properties.LEVL_CODE, else from the code. */
  level_node = get_member (properties, "LEVL_CODE");
  if (level_node != NULL)
    {
      g_autofree char *level_path = g_strconcat (where, ".properties.LEVL_CODE", NULL);
      gint64 value;

      if (!JSON_NODE_HOLDS_VALUE (level_node) || json_node_get_value_type (level_node) != G_TYPE_INT64)
        {
          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, level_path,
                     _("expected a NUTS level (an integer from 0 to 3), found %s"),
                     describe_node (level_node));
          return FALSE;
        }

      value = json_node_get_int (level_node);
      if (value < 0 || value > 3)
        {
          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, level_path,
                     _("expected a NUTS level (an integer from 0 to 3), found %" PRId64),
                     value);
          return FALSE;
        }
      level = (int) value;
    }
  else
    level = distretto_nuts_code_get_level (code);

  /* The name: the Latin-script one, else the national one. */
  if (!read_string_property (b, properties, i, "NAME_LATN", &name_latn, error) ||
      !read_string_property (b, properties, i, "NUTS_NAME", &nuts_name, error))
    return FALSE;

  region.first_polygon = b->polygon_rings->len;
  if (geometry != NULL && !read_geometry (b, geometry, multi, i, &region.n_polygons, error))
    return FALSE;

  if (region.n_polygons == 0)
    {
      b->n_without_geometry++;
      return TRUE;
    }

  region.code = g_strdup (code);
  region.level = level;
  region.name = dup_name (name_latn);
  if (region.name == NULL)
    region.name = dup_name (nuts_name);
  g_array_append_val (b->regions, region);

  return TRUE;
}

/* JSON-stat 2.0 has a `class` and a `dimension`; 1.x has datasets with a
 * `dimension` as members. */
static gboolean
looks_like_json_stat (JsonObject *object)
{
  g_autoptr(GList) members = NULL;

  if (json_object_has_member (object, "dimension"))
    return TRUE;

  members = json_object_get_values (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (JSON_NODE_HOLDS_OBJECT (l->data) &&
        json_object_has_member (json_node_get_object (l->data), "dimension"))
      return TRUE;

  return FALSE;
}

static gboolean
read_collection (Builder     *b,
                 JsonNode    *root,
                 GError     **error)
{
  JsonObject *object;
  JsonNode *type_node, *features_node;
  JsonArray *features;
  guint n;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_FORMAT, b->filename, "$",
                 _("expected a GeoJSON FeatureCollection (an object), found %s"),
                 describe_node (root));
      return FALSE;
    }
  object = json_node_get_object (root);

  type_node = get_member (object, "type");
  if (!node_is_string (type_node) || !g_str_equal (json_node_get_string (type_node), "FeatureCollection"))
    {
      g_autofree char *found = node_is_string (type_node)
                           /* TRANSLATORS: the GeoJSON type an object gives, e.g. a “Feature” */
        ? g_strdup_printf (_("a “%s”"), json_node_get_string (type_node))
        : type_node != NULL
        ? g_strdup_printf (_("a type that is %s"), describe_node (type_node))
        : g_strdup (_("an object without a “type”"));
      const char *where = type_node ? "$.type" : "$";

      if (looks_like_json_stat (object))
        _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_FORMAT, b->filename, where,
                                   /* TRANSLATORS: %s says what was found, e.g. "a “Feature”" */
                                   _("expected a GeoJSON FeatureCollection, found %s: this looks like "
                                     "JSON-stat data; load it as a dataset"), found);
      else
        _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_FORMAT, b->filename, where,
                                   /* TRANSLATORS: %s says what was found, e.g. "a “Feature”" */
                                   _("expected a GeoJSON FeatureCollection, found %s"), found);
      return FALSE;
    }

  /* The crs member may follow the features (GISCO's 2021 files): the
   * whole object is read before any coordinate is converted. */
  if (!read_crs (b, object, error))
    return FALSE;

  features_node = get_member (object, "features");
  if (features_node == NULL || !JSON_NODE_HOLDS_ARRAY (features_node))
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, b->filename, "$.features",
                 _("expected an array of features, found %s"),
                 features_node ? describe_node (features_node) : _("none"));
      return FALSE;
    }

  features = json_node_get_array (features_node);
  n = json_array_get_length (features);
  if (n == 0)
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_EMPTY, b->filename, "$.features",
                 _("the collection has no features: expected one per region"));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      if (g_cancellable_set_error_if_cancelled (b->cancellable, error))
        return FALSE;
      if (!read_feature (b, json_array_get_element (features, i), i, error))
        return FALSE;
    }

  if (b->regions->len == 0)
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_EMPTY, b->filename, "$.features",
                 _("none of the %u features has a geometry"), b->n_without_geometry);
      return FALSE;
    }

  return TRUE;
}

static DistrettoBoundaries *
builder_finish (Builder *b)
{
  g_autoptr(DistrettoBoundaries) self = g_object_new (DISTRETTO_TYPE_BOUNDARIES, NULL);
  guint sentinel;

  sentinel = b->coords->len / 2;
  g_array_append_val (b->ring_points, sentinel);
  sentinel = b->ring_points->len - 1;
  g_array_append_val (b->polygon_rings, sentinel);

  self->source_epsg = b->epsg;
  self->n_regions = b->regions->len;
  self->regions = steal_trimmed (b->regions, sizeof (Region));
  self->n_polygons = b->polygon_rings->len - 1;
  self->polygon_rings = steal_trimmed (b->polygon_rings, sizeof (guint));
  self->n_rings = b->ring_points->len - 1;
  self->ring_points = steal_trimmed (b->ring_points, sizeof (guint));
  self->n_points = b->coords->len / 2;
  self->coords = steal_trimmed (b->coords, sizeof (double));
  self->x_min = b->x_min;
  self->y_min = b->y_min;
  self->x_max = b->x_max;
  self->y_max = b->y_max;

  for (guint i = 0; i < self->n_regions; i++)
    g_hash_table_insert (self->index, self->regions[i].code, GUINT_TO_POINTER (i + 1));

  return g_steal_pointer (&self);
}

/* Reads @input whole, within the limit of what is parsed in one piece:
 * the JSON tree is many times larger than the file. */
static DistrettoBoundaries *
load_input (DistrettoInput  *input,
            GCancellable    *cancellable,
            GError         **error)
{
  const char *display_name = _distretto_input_get_name (input);
  g_autoptr(GBytes) plain = NULL;
  DistrettoBoundaries *self = NULL;
  JsonParser *parser;
  const char *data, *p;
  Builder b;
  gsize len;

  plain = _distretto_input_read_all (input, DISTRETTO_INPUT_MAX_WHOLE, error);
  if (plain == NULL)
    return NULL;

  data = g_bytes_get_data (plain, &len);
  if (data == NULL)
    data = "";

  p = data;
  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < data + len && g_ascii_isspace (*p))
    p++;
  if (p == data + len)
    {
      _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_EMPTY, display_name, 0, 0,
                               _("the file is empty: expected a GeoJSON FeatureCollection"));
      return NULL;
    }

  switch (distretto_data_format_detect (plain))
    {
    case DISTRETTO_DATA_FORMAT_EUROSTAT_TSV:
    case DISTRETTO_DATA_FORMAT_SDMX_CSV:
      _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_FORMAT, display_name, 1, 1,
                               /* TRANSLATORS: %s is a format name such as "SDMX-CSV" */
                               _("expected a GeoJSON FeatureCollection, found %s data: load it as a dataset"),
                               distretto_data_format_get_name (distretto_data_format_detect (plain)));
      return NULL;
    case DISTRETTO_DATA_FORMAT_TIDY_CSV:
      {
        const char *eol = memchr (p, '\n', data + len - p);
        gsize line = eol ? (gsize) (eol - p) : (gsize) (data + len - p);

        /* Not JSON, and a line of fields: a CSV file. */
        if (*p != '{' && *p != '[' && (memchr (p, ',', line) != NULL || memchr (p, ';', line) != NULL))
          {
            _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_FORMAT,
                                     display_name, 1, 1,
                                     _("expected a GeoJSON FeatureCollection, found CSV data: "
                                       "load it as a dataset"));
            return NULL;
          }
      }
      break;
    default:
      break;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  builder_init (&b, display_name, cancellable);
  parser = _distretto_json_parse (data, len, display_name, error);

  if (parser == NULL)
    ;
  else if (json_parser_get_root (parser) == NULL)
    _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_EMPTY, display_name, 0, 0,
                             _("the file holds no JSON value: expected a GeoJSON FeatureCollection"));
  else if (read_collection (&b, json_parser_get_root (parser), error))
    self = builder_finish (&b);

  /* The tree is far larger than the file: drop it now. */
  g_clear_object (&parser);
  builder_clear (&b);

  return self;
}

/* Public API ------------------------------------------------------------ */

/**
 * distretto_boundaries_load_bytes:
 * @bytes: a GeoJSON file, possibly gzip-compressed
 * @display_name: the name to use in messages
 * @error: return location for a #DistrettoImportError
 *
 * Loads the region polygons of a GeoJSON FeatureCollection such as GISCO's
 * `NUTS_RG_20M_2024_3035.geojson`. Features have a `Polygon` or
 * `MultiPolygon` geometry (rings: exterior first, then holes); the region
 * code is `properties.NUTS_ID`, or the feature's `id`; the level is
 * `properties.LEVL_CODE`, or follows from the code; the name is
 * `properties.NAME_LATN`, or `NUTS_NAME`. Features with a null geometry
 * are skipped.
 *
 * Coordinates are EPSG:3035 metres when `crs.properties.name` names 3035,
 * and longitude and latitude otherwise (EPSG:4326, CRS84 or no `crs`),
 * projected with distretto_project_laea(). Other systems are an error.
 *
 * The first problem fails the whole load, with a message starting
 * `display_name:$.json.path:`, or `display_name:line:column:` for JSON
 * syntax.
 *
 * Returns: (transfer full): boundaries, or %NULL with @error set
 */
DistrettoBoundaries *
distretto_boundaries_load_bytes (GBytes      *bytes,
                                 const char  *display_name,
                                 GError     **error)
{
  g_autoptr(DistrettoInput) input = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  input = _distretto_input_new_bytes (bytes, display_name, NULL);
  return load_input (input, NULL, error);
}

/**
 * distretto_boundaries_load_file:
 * @file: a GeoJSON file, possibly gzip-compressed
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file and loads it as distretto_boundaries_load_bytes() does,
 * naming it by its parse name in messages. Only a regular file is read
 * (a folder, a pipe or a device is refused), of at most 512 MiB once
 * uncompressed: the polygons of GISCO's most detailed NUTS file fit many
 * times over.
 *
 * Returns: (transfer full): boundaries, or %NULL with @error set
 */
DistrettoBoundaries *
distretto_boundaries_load_file (GFile         *file,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(DistrettoInput) input = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Only a regular file, read in pieces up to a limit: never a FIFO or
   * /dev/zero. */
  input = _distretto_input_open_file (file, cancellable, error);
  if (input == NULL)
    return NULL;

  return load_input (input, cancellable, error);
}

static const Region *
lookup (DistrettoBoundaries *self,
        const char          *code)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, code));

  return index > 0 ? &self->regions[index - 1] : NULL;
}

/**
 * distretto_boundaries_get_source_epsg:
 * @self: a #DistrettoBoundaries
 *
 * The coordinate reference system of the file: 3035 when it held
 * ETRS89-LAEA metres, 4326 when it held longitudes and latitudes (which
 * were projected). Coordinates handed out are always EPSG:3035.
 *
 * Returns: 3035 or 4326
 */
int
distretto_boundaries_get_source_epsg (DistrettoBoundaries *self)
{
  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (self), 0);

  return self->source_epsg;
}

/**
 * distretto_boundaries_get_n_regions:
 * @self: a #DistrettoBoundaries
 *
 * Returns: the number of regions with a geometry
 */
guint
distretto_boundaries_get_n_regions (DistrettoBoundaries *self)
{
  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (self), 0);

  return self->n_regions;
}

/**
 * distretto_boundaries_get_code_at:
 * @self: a #DistrettoBoundaries
 * @index: a region index, less than distretto_boundaries_get_n_regions()
 *
 * Returns: (transfer none): the code of the @index-th region, in file order
 */
const char *
distretto_boundaries_get_code_at (DistrettoBoundaries *self,
                                  guint                index)
{
  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (index < self->n_regions, NULL);

  return self->regions[index].code;
}

/**
 * distretto_boundaries_guess_nuts_version:
 * @self: a #DistrettoBoundaries
 *
 * The NUTS version the boundaries are of, told from their codes (GISCO's
 * NUTS 2021 files have the UK, its 2024 files NL35 and PT19); see
 * distretto_nuts_guess_version().
 *
 * Returns: a NUTS version, or 0 if none knows the codes
 */
int
distretto_boundaries_guess_nuts_version (DistrettoBoundaries *self)
{
  g_autofree const char **codes = NULL;

  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (self), 0);

  codes = g_new0 (const char *, self->n_regions + 1);
  for (guint i = 0; i < self->n_regions; i++)
    codes[i] = self->regions[i].code;

  return distretto_nuts_guess_version (codes);
}

/**
 * distretto_boundaries_has_region:
 * @self: a #DistrettoBoundaries
 * @code: a NUTS code
 *
 * Returns: %TRUE if @code has a geometry
 */
gboolean
distretto_boundaries_has_region (DistrettoBoundaries *self,
                                 const char          *code)
{
  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  return lookup (self, code) != NULL;
}

/**
 * distretto_boundaries_get_level:
 * @self: a #DistrettoBoundaries
 * @code: a NUTS code
 *
 * Returns: the NUTS level of @code (0 to 3), or -1 if @code has no geometry
 */
int
distretto_boundaries_get_level (DistrettoBoundaries *self,
                                const char          *code)
{
  const Region *region;

  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (self), -1);
  g_return_val_if_fail (code != NULL, -1);

  region = lookup (self, code);
  return region ? region->level : -1;
}

/**
 * distretto_boundaries_get_name:
 * @self: a #DistrettoBoundaries
 * @code: a NUTS code
 *
 * Returns: (nullable) (transfer none): the name of @code in Latin script as
 *   the file gives it, or %NULL if it gives none or @code has no geometry
 */
const char *
distretto_boundaries_get_name (DistrettoBoundaries *self,
                               const char          *code)
{
  const Region *region;

  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  region = lookup (self, code);
  return region ? region->name : NULL;
}

/**
 * distretto_boundaries_count_level:
 * @self: a #DistrettoBoundaries
 * @level: a NUTS level, 0 to 3
 *
 * Returns: the number of regions at @level
 */
guint
distretto_boundaries_count_level (DistrettoBoundaries *self,
                                  int                  level)
{
  guint count = 0;

  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (self), 0);

  for (guint i = 0; i < self->n_regions; i++)
    if (self->regions[i].level == level)
      count++;

  return count;
}

/**
 * distretto_boundaries_get_n_polygons:
 * @self: a #DistrettoBoundaries
 * @code: a NUTS code
 *
 * Returns: the number of polygons of @code, 0 if it has no geometry
 */
guint
distretto_boundaries_get_n_polygons (DistrettoBoundaries *self,
                                     const char          *code)
{
  const Region *region;

  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (self), 0);
  g_return_val_if_fail (code != NULL, 0);

  region = lookup (self, code);
  return region ? region->n_polygons : 0;
}

/**
 * distretto_boundaries_get_n_rings:
 * @self: a #DistrettoBoundaries
 * @code: a NUTS code
 * @polygon: a polygon index
 *
 * Returns: the number of rings of the @polygon-th polygon of @code (its
 *   exterior ring and its holes), 0 if there is no such polygon
 */
guint
distretto_boundaries_get_n_rings (DistrettoBoundaries *self,
                                  const char          *code,
                                  guint                polygon)
{
  const Region *region;
  guint p;

  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (self), 0);
  g_return_val_if_fail (code != NULL, 0);

  region = lookup (self, code);
  if (region == NULL || polygon >= region->n_polygons)
    return 0;

  p = region->first_polygon + polygon;
  return self->polygon_rings[p + 1] - self->polygon_rings[p];
}

/**
 * distretto_boundaries_get_ring: (skip)
 * @self: a #DistrettoBoundaries
 * @code: a NUTS code
 * @polygon: a polygon index
 * @ring: a ring index: 0 for the exterior ring, then the holes
 * @n_points: (out): return location for the number of points
 *
 * The points of a ring in EPSG:3035 metres, as `x0, y0, x1, y1, …`: 2 ×
 * @n_points doubles, the last point repeating the first. The array
 * belongs to @self and lives as long as it does.
 *
 * Returns: (nullable): the points, or %NULL with @n_points set to 0 if
 *   there is no such ring
 */
const double *
distretto_boundaries_get_ring (DistrettoBoundaries *self,
                               const char          *code,
                               guint                polygon,
                               guint                ring,
                               guint               *n_points)
{
  const Region *region;
  guint p, r;

  g_return_val_if_fail (n_points != NULL, NULL);
  *n_points = 0;
  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  region = lookup (self, code);
  if (region == NULL || polygon >= region->n_polygons)
    return NULL;

  p = region->first_polygon + polygon;
  if (ring >= self->polygon_rings[p + 1] - self->polygon_rings[p])
    return NULL;

  r = self->polygon_rings[p] + ring;
  *n_points = self->ring_points[r + 1] - self->ring_points[r];
  return self->coords + 2 * (gsize) self->ring_points[r];
}

/**
 * distretto_boundaries_get_extent:
 * @self: a #DistrettoBoundaries
 * @x_min: (out) (optional): return location for the least easting
 * @y_min: (out) (optional): return location for the least northing
 * @x_max: (out) (optional): return location for the greatest easting
 * @y_max: (out) (optional): return location for the greatest northing
 *
 * The bounding box of every region, in EPSG:3035 metres.
 */
void
distretto_boundaries_get_extent (DistrettoBoundaries *self,
                                 double              *x_min,
                                 double              *y_min,
                                 double              *x_max,
                                 double              *y_max)
{
  g_return_if_fail (DISTRETTO_IS_BOUNDARIES (self));

  if (x_min != NULL)
    *x_min = self->x_min;
  if (y_min != NULL)
    *y_min = self->y_min;
  if (x_max != NULL)
    *x_max = self->x_max;
  if (y_max != NULL)
    *y_max = self->y_max;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char **
sorted_strv (GPtrArray *codes)
{
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_add (codes, NULL);
  return (char **) g_ptr_array_free (codes, FALSE);
}

/**
 * distretto_boundaries_dup_missing_codes:
 * @self: a #DistrettoBoundaries
 * @dataset: a #DistrettoDataset
 *
 * The regions of @dataset a map of @self cannot draw: NUTS regions of
 * levels 0 to 3 that have no geometry here, typically codes of another
 * NUTS version. Extra-Regio codes and aggregates, which have no territory,
 * are left out.
 *
 * Returns: (transfer full) (array zero-terminated=1): the codes, sorted
 */
char **
distretto_boundaries_dup_missing_codes (DistrettoBoundaries *self,
                                        DistrettoDataset    *dataset)
{
  GPtrArray *codes;
  guint n;

  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  n = distretto_dataset_get_n_regions (dataset);
  codes = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);
      const char *code = distretto_region_get_code (region);
      int level = distretto_region_get_level (region);

      if (level < 0 || level > 3 || distretto_region_is_extra_regio (region))
        continue;
      if (lookup (self, code) == NULL)
        g_ptr_array_add (codes, g_strdup (code));
    }

  return sorted_strv (codes);
}

/**
 * distretto_boundaries_dup_unused_codes:
 * @self: a #DistrettoBoundaries
 * @dataset: a #DistrettoDataset
 * @level: a NUTS level, or -1 for every level
 *
 * The regions of @self at @level that @dataset has no region for: on a
 * map of @dataset they are drawn without data.
 *
 * Returns: (transfer full) (array zero-terminated=1): the codes, sorted
 */
char **
distretto_boundaries_dup_unused_codes (DistrettoBoundaries *self,
                                       DistrettoDataset    *dataset,
                                       int                  level)
{
  GPtrArray *codes;

  g_return_val_if_fail (DISTRETTO_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  codes = g_ptr_array_new ();
  for (guint i = 0; i < self->n_regions; i++)
    {
      const Region *region = &self->regions[i];

      if (level >= 0 && region->level != level)
        continue;
      if (distretto_dataset_get_region (dataset, region->code) == NULL)
        g_ptr_array_add (codes, g_strdup (region->code));
    }

  return sorted_strv (codes);
}

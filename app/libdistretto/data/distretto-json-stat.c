/* distretto-json-stat.c: JSON-stat 2.0 datasets and 1.x responses
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "distretto-import-error.h"
#include "distretto-import-private.h"
#include "distretto-json-reader.h"
#include "distretto-region.h"
#include "distretto-source.h"

/*
 * A JSON-stat dataset is a cube: `id` names its dimensions, `size` gives
 * their number of categories, `dimension.ID.category.index` orders each
 * dimension's category codes, and `value` lists the cells row-major (the
 * last dimension fastest), as an array or as an object of flat indices.
 * `status` gives the flags, for every cell (a string), for each (an
 * array) or for some (an object keyed by position); Eurostat's older
 * responses wrap them as `{"value": …, "category": …}`. A status given to
 * a cell without a value makes it a missing value with flags.
 *
 * JSON-stat 2.0 puts `id`, `size` and `role` in the dataset; a 1.x
 * response is an object of datasets, each with them inside `dimension`.
 * A 2.0 "bundle" is read as a 1.x response, and a "collection" when it
 * embeds its datasets.
 *
 * The geo dimension has the role geo or the id `geo`; the time dimension
 * the role time or an id among `time`, `TIME_PERIOD` and `year`. A cell's
 * series code is the table code followed by its category codes in every
 * other dimension but freq, in `id` order: `nama_10r_2gdp.MIO_EUR`, as the
 * Eurostat TSV and SDMX-CSV importers give it. The table code is
 * `extension.datasetId` or `extension.id`, else the dataset's name in a
 * 1.x response, else the file name.
 *
 * The labels of the geo categories name their regions.
 *
 * Problems in the structure are reported with the JSON path of what is
 * wrong: `file.json:$.dimension.geo.category.index: expected …`.
 */

#define MIN_YEAR 1900
#define MAX_YEAR 2100

#define FALLBACK_TABLE "jsonstat"

typedef struct
{
  DistrettoImport *import;
  gsize len;
  char *file_table;          /* the table code the file name gives */
  gboolean table_set;        /* whether the source has its table code */
  guint n_values;            /* values read in the whole file */
  GString *series_code;
  char *last_series;
  guint last_series_index;
} JsonStat;

typedef struct
{
  const char *id;            /* borrowed from the JSON tree, like the codes */
  char *path;                /* `$.dimension.geo` */
  guint size;
  const char **codes;        /* the category codes, by position */
  JsonObject *labels;        /* (nullable): category code → label */
} Dimension;

typedef struct
{
  JsonStat *js;
  JsonObject *object;
  char *path;                /* `$`, `$.name` or `$.link.item[0]` */
  char *layout_path;         /* where id, size and role are */
  char *table;
  guint n_dims;
  Dimension *dims;
  int geo;
  int time;
  int freq;
  guint64 n_cells;           /* the product of size */
  guint *regions;            /* per geo category: region index + 1, or 0 */
  int *years;                /* per time category */
  guint *coords;             /* scratch: the category of each dimension */
  JsonNode *status;          /* (nullable): a string or an array */
  GHashTable *status_index;  /* (nullable): cell index → status, from an object */
  char *status_path;         /* `$.status`, or `$.status.value` */
  GHashTable *valued;        /* (nullable): the cells a value object gives */
} Dataset;

static void
dataset_clear (Dataset *ds)
{
  for (guint k = 0; ds->dims != NULL && k < ds->n_dims; k++)
    {
      g_free (ds->dims[k].path);
      g_free (ds->dims[k].codes);
    }
  g_clear_pointer (&ds->dims, g_free);
  g_clear_pointer (&ds->path, g_free);
  g_clear_pointer (&ds->layout_path, g_free);
  g_clear_pointer (&ds->table, g_free);
  g_clear_pointer (&ds->regions, g_free);
  g_clear_pointer (&ds->years, g_free);
  g_clear_pointer (&ds->coords, g_free);
  g_clear_pointer (&ds->status_index, g_hash_table_unref);
  g_clear_pointer (&ds->status_path, g_free);
  g_clear_pointer (&ds->valued, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Dataset, dataset_clear)

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

static gboolean
is_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node);
}

static gboolean
is_array (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node);
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
is_number (JsonNode *node)
{
  return is_integer (node) ||
         (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* A string as quoted in messages: long ones are cut. */
static char *
shorten (const char *text)
{
  return _distretto_shorten (text, -1);
}

/* What a node is, for messages: "a string", "nothing" when absent. */
static const char *
describe (JsonNode *node)
{
  if (node == NULL)
    return _("nothing");

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("a boolean");
    default:
      return _("a number");
    }
}

static gboolean
type_error (JsonStat    *js,
            GError     **error,
            int          code,
            const char  *path,
            const char  *expected,
            JsonNode    *found)
{
  g_autofree char *shown = NULL;

  /* Say which string or number it is. */
  if (is_string (found))
    {
      g_autofree char *text = shorten (json_node_get_string (found));
      shown = g_strdup_printf (_("a string (“%s”)"), text);
    }
  else if (is_integer (found))
    shown = g_strdup_printf (_("a number (%" PRId64 ")"), json_node_get_int (found));
  else if (is_number (found))
    shown = g_strdup_printf (_("a number (%g)"), json_node_get_double (found));
  else
    shown = g_strdup (describe (found));

  /* TRANSLATORS: what was expected, then what was found, e.g. "expected an
   * object, found a number (3)" */
  _distretto_json_set_error (error, code, js->import->filename, path, _("expected %s, found %s"),
                             expected, shown);
  return FALSE;
}

/* `parent.name`, or `parent["name"]` when @name is not an identifier. */
static char *
member_path (const char *parent,
             const char *name)
{
  g_autofree char *shown = shorten (name);
  g_autoptr(GString) escaped = NULL;
  gboolean plain = g_ascii_isalpha (*name) || *name == '_';

  for (const char *p = name; *p && plain; p++)
    plain = g_ascii_isalnum (*p) || *p == '_';

  if (plain && strlen (name) <= 60)
    return g_strconcat (parent, ".", name, NULL);

  escaped = g_string_new (NULL);
  for (const char *p = shown; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }

  return g_strdup_printf ("%s[\"%s\"]", parent, escaped->str);
}

/* A table code: letters, digits, `_` and `-`, lower-cased; %NULL if not. */
static char *
table_code_of (const char *text)
{
  if (*text == '\0')
    return NULL;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return NULL;

  return g_ascii_strdown (text, -1);
}

/* _distretto_dataset_add_cell() reports a duplicate at "file:LINE:1:",
 * LINE being the value's index + 1: say it with JSON paths and value
 * indices instead. */
static void
relocate_duplicate_error (JsonStat   *js,
                          GError     *error,
                          const char *path,
                          guint       series,
                          guint       region,
                          int         year)
{
  DistrettoDataset *dataset = js->import->dataset;
  DistrettoRegion *found = distretto_dataset_get_region_at (dataset, region);
  g_autofree char *message = NULL;
  double value;
  DistrettoFlags flags;
  guint source, first;

  if (!g_error_matches (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_DUPLICATE) ||
      !_distretto_dataset_get_cell (dataset, series, region, year, &value, &flags, &source, &first) ||
      first == 0)
    return;

  /* TRANSLATORS: a region code, a series code, a year and the index of the
   * value that first gave the cell, e.g. "the cell ITH3 / emp / 2022 is
   * given twice: first at the value index 4" */
  message = g_strdup_printf (_("the cell %s / %s / %d is given twice: first at the value index %u"),
                             distretto_region_get_code (found),
                             distretto_dataset_get_series_code (dataset, series), year, first - 1);
  g_free (error->message);
  error->message = g_strdup_printf ("%s:%s: %s", js->import->filename, path, message);
}

static gboolean
read_ids (Dataset     *ds,
          JsonObject  *layout,
          JsonArray  **ids,
          JsonArray  **sizes,
          GError     **error)
{
  g_autofree char *ids_path = g_strconcat (ds->layout_path, ".id", NULL);
  g_autofree char *sizes_path = g_strconcat (ds->layout_path, ".size", NULL);
  JsonNode *node = member (layout, "id");

  if (!is_array (node))
    return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_HEADER, ids_path,
                       _("an array of dimension ids"), node);
  *ids = json_node_get_array (node);

  node = member (layout, "size");
  if (!is_array (node))
    return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_HEADER, sizes_path,
                       _("an array of integers"), node);
  *sizes = json_node_get_array (node);

  if (json_array_get_length (*sizes) != json_array_get_length (*ids))
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_HEADER, ds->js->import->filename, sizes_path,
                 /* TRANSLATORS: how many sizes were expected (one per dimension id), then how
                  * many were found */
                 _("expected %u sizes, one per id, found %u"),
                 json_array_get_length (*ids), json_array_get_length (*sizes));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_dimension_header (Dataset     *ds,
                       guint        k,
                       JsonArray   *ids,
                       JsonArray   *sizes,
                       GHashTable  *seen,
                       GError     **error)
{
  JsonNode *id = json_array_get_element (ids, k);
  JsonNode *size = json_array_get_element (sizes, k);

  if (!is_string (id) || *json_node_get_string (id) == '\0')
    {
      g_autofree char *path = g_strdup_printf ("%s.id[%u]", ds->layout_path, k);
      return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_HEADER, path, _("a dimension id (a string)"), id);
    }
  ds->dims[k].id = json_node_get_string (id);

  if (!g_hash_table_add (seen, (gpointer) ds->dims[k].id))
    {
      g_autofree char *path = g_strdup_printf ("%s.id[%u]", ds->layout_path, k);
      g_autofree char *shown = shorten (ds->dims[k].id);

      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_HEADER, ds->js->import->filename, path,
                 _("the dimension “%s” is listed twice"), shown);
      return FALSE;
    }

  if (!is_integer (size) || json_node_get_int (size) < 1 || json_node_get_int (size) > G_MAXINT32)
    {
      g_autofree char *path = g_strdup_printf ("%s.size[%u]", ds->layout_path, k);
      return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_HEADER, path,
                         _("a positive integer (the number of categories)"), size);
    }
  ds->dims[k].size = (guint) json_node_get_int (size);

  if (ds->dims[k].size > G_MAXUINT32 / MAX (ds->n_cells, 1))
    {
      g_autofree char *path = g_strconcat (ds->layout_path, ".size", NULL);
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_HEADER, ds->js->import->filename, path,
                 _("expected at most %u cells (the product of size), found more"), G_MAXUINT32);
      return FALSE;
    }
  ds->n_cells *= ds->dims[k].size;

  return TRUE;
}

/* The category codes from `index` as an array of codes. */
static gboolean
read_index_array (Dataset     *ds,
                  Dimension   *dim,
                  JsonArray   *index,
                  const char  *path,
                  GError     **error)
{
  for (guint i = 0; i < json_array_get_length (index); i++)
    {
      JsonNode *code = json_array_get_element (index, i);

      if (!is_string (code))
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);
          return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_HEADER, element_path,
                             _("a category code (a string)"), code);
        }
      dim->codes[i] = json_node_get_string (code);
    }

  return TRUE;
}

/* The category codes from `index` as an object of code → position. */
static gboolean
read_index_object (Dataset     *ds,
                   Dimension   *dim,
                   JsonObject  *index,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(GList) names = json_object_get_members (index);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *position = json_object_get_member (index, l->data);
      gint64 at = is_integer (position) ? json_node_get_int (position) : -1;

      if (at < 0 || at >= dim->size || dim->codes[at] != NULL)
        {
          g_autofree char *member = member_path (path, l->data);

          if (!is_integer (position))
            return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_HEADER, member,
                               _("a position (an integer)"), position);
          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_HEADER, ds->js->import->filename, member,
                     /* TRANSLATORS: the highest position, then the position found */
                     _("expected a position from 0 to %u not given to another category, "
                       "found %" PRId64), dim->size - 1, at);
          return FALSE;
        }
      dim->codes[at] = l->data;
    }

  return TRUE;
}

static gboolean
check_codes (Dataset     *ds,
             Dimension   *dim,
             const char  *path,
             GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < dim->size; i++)
    {
      if (*dim->codes[i] == '\0' || !g_utf8_validate (dim->codes[i], -1, NULL))
        {
          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, ds->js->import->filename, path,
                     _("expected a category code, found an empty or invalid string"));
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) dim->codes[i]))
        {
          g_autofree char *shown = shorten (dim->codes[i]);

          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, ds->js->import->filename, path,
                     _("the category “%s” is listed twice"), shown);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_category (Dataset     *ds,
               Dimension   *dim,
               JsonObject  *category,
               const char  *category_path,
               GError     **error)
{
  g_autofree char *index_path = g_strconcat (category_path, ".index", NULL);
  g_autofree char *label_path = g_strconcat (category_path, ".label", NULL);
  JsonNode *index = member (category, "index");
  JsonNode *label = member (category, "label");
  guint n;

  if (label != NULL && !is_object (label))
    return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_HEADER, label_path, _("an object"), label);
  dim->labels = label ? json_node_get_object (label) : NULL;

  if (index == NULL && dim->labels != NULL && json_object_get_size (dim->labels) == 1)
    n = 1;
  else if (is_array (index))
    n = json_array_get_length (json_node_get_array (index));
  else if (is_object (index))
    n = json_object_get_size (json_node_get_object (index));
  else
    return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_HEADER, index_path,
                       _("an object or an array"), index);

  if (n != dim->size)
    {
      g_autofree char *shown = shorten (dim->id);

      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_HEADER, ds->js->import->filename, index_path,
                 /* TRANSLATORS: the expected number of categories, the dimension's id, then the
                  * number found */
                 _("expected %u categories (the size of “%s”), found %u"), dim->size, shown, n);
      return FALSE;
    }

  dim->codes = g_new0 (const char *, n);
  if (index == NULL)
    {
      g_autoptr(GList) names = json_object_get_members (dim->labels);
      dim->codes[0] = names->data;
    }
  else if (is_array (index) && !read_index_array (ds, dim, json_node_get_array (index), index_path, error))
    return FALSE;
  else if (is_object (index) && !read_index_object (ds, dim, json_node_get_object (index), index_path, error))
    return FALSE;

  return check_codes (ds, dim, index_path, error);
}

static gboolean
read_dimension (Dataset     *ds,
                JsonObject  *dimensions,
                const char  *dimensions_path,
                Dimension   *dim,
                GError     **error)
{
  g_autofree char *category_path = NULL;
  JsonNode *node = member (dimensions, dim->id);
  JsonNode *category;

  dim->path = member_path (dimensions_path, dim->id);
  if (!is_object (node))
    return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_HEADER, dim->path,
                       _("an object describing the dimension"), node);

  category_path = g_strconcat (dim->path, ".category", NULL);
  category = member (json_node_get_object (node), "category");
  if (!is_object (category))
    return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_HEADER, category_path,
                       _("an object with the index of the categories"), category);

  return read_category (ds, dim, json_node_get_object (category), category_path, error);
}

/* The dimension @role names in `role`, or -1. */
static gboolean
find_role (Dataset     *ds,
           JsonObject  *layout,
           const char  *role,
           int         *found,
           GError     **error)
{
  JsonNode *roles = member (layout, "role");
  g_autofree char *roles_path = g_strconcat (ds->layout_path, ".role", NULL);
  g_autofree char *path = g_strconcat (roles_path, ".", role, NULL);
  JsonNode *list, *first;

  *found = -1;
  if (roles == NULL)
    return TRUE;
  if (!is_object (roles))
    return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_HEADER, roles_path, _("an object"), roles);

  list = member (json_node_get_object (roles), role);
  if (list == NULL)
    return TRUE;
  if (!is_array (list))
    return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_HEADER, path, _("an array of dimension ids"), list);
  if (json_array_get_length (json_node_get_array (list)) == 0)
    return TRUE;

  first = json_array_get_element (json_node_get_array (list), 0);
  for (guint k = 0; is_string (first) && k < ds->n_dims; k++)
    {
      if (g_str_equal (ds->dims[k].id, json_node_get_string (first)))
        {
          *found = k;
          return TRUE;
        }
    }

  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("%s.%s[0]", roles_path, role);
  return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_HEADER, path,
                     _("the id of one of the dimensions listed in id"), first);
}

static int
find_id (Dataset           *ds,
         const char *const *names)
{
  for (guint k = 0; k < ds->n_dims; k++)
    for (guint n = 0; names[n] != NULL; n++)
      if (g_ascii_strcasecmp (ds->dims[k].id, names[n]) == 0)
        return k;

  return -1;
}

static gboolean
find_geo_and_time (Dataset     *ds,
                   JsonObject  *layout,
                   GError     **error)
{
  static const char *const geo_ids[] = { "geo", NULL };
  static const char *const time_ids[] = { "time", "TIME_PERIOD", "year", NULL };
  static const char *const freq_ids[] = { "freq", NULL };
  g_autofree char *ids_path = g_strconcat (ds->layout_path, ".id", NULL);

  if (!find_role (ds, layout, "geo", &ds->geo, error) ||
      !find_role (ds, layout, "time", &ds->time, error))
    return FALSE;

  if (ds->geo == -1)
    ds->geo = find_id (ds, geo_ids);
  if (ds->time == -1)
    ds->time = find_id (ds, time_ids);
  ds->freq = find_id (ds, freq_ids);
  if (ds->freq == ds->geo || ds->freq == ds->time)
    ds->freq = -1;

  if (ds->geo == -1 || ds->time == -1 || ds->geo == ds->time)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint k = 0; k < ds->n_dims && k < 10; k++)
        {
          g_autofree char *shown = shorten (ds->dims[k].id);
          g_string_append_printf (ids, "%s“%s”", k > 0 ? ", " : "", shown);
        }
      if (ds->n_dims > 10)
        g_string_append (ids, ", …");

      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_HEADER, ds->js->import->filename, ids_path,
                 _("expected a geo dimension (role geo or id “geo”) and another time dimension "
                   "(role time or id “time”, “TIME_PERIOD” or “year”), found the dimensions %s"),
                 ids->len > 0 ? ids->str : _("none"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_categories (Dataset  *ds,
                  GError  **error)
{
  Dimension *geo = &ds->dims[ds->geo];
  Dimension *time = &ds->dims[ds->time];
  g_autofree char *geo_path = g_strconcat (geo->path, ".category.index", NULL);
  g_autofree char *time_path = g_strconcat (time->path, ".category.index", NULL);

  for (guint i = 0; i < geo->size; i++)
    {
      if (!distretto_nuts_code_is_valid (geo->codes[i]))
        {
          g_autofree char *shown = shorten (geo->codes[i]);

          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, ds->js->import->filename, geo_path,
                     _("expected NUTS region codes such as “ITH3”, found “%s”"), shown);
          return FALSE;
        }
    }

  ds->years = g_new0 (int, time->size);
  for (guint i = 0; i < time->size; i++)
    {
      const char *code = time->codes[i];
      gint64 year;

      if (strlen (code) != 4 || !g_ascii_string_to_signed (code, 10, MIN_YEAR, MAX_YEAR, &year, NULL))
        {
          g_autofree char *shown = shorten (code);

          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, ds->js->import->filename, time_path,
                     /* TRANSLATORS: the first and the last year read, then the period found */
                     _("expected annual periods such as “2022”, years between %d and %d "
                       "(only annual data is supported), found “%s”"),
                     MIN_YEAR, MAX_YEAR, shown);
          return FALSE;
        }
      ds->years[i] = (int) year;
    }

  for (guint i = 0; ds->freq != -1 && i < ds->dims[ds->freq].size; i++)
    {
      if (!g_str_equal (ds->dims[ds->freq].codes[i], "A"))
        {
          g_autofree char *freq_path = g_strconcat (ds->dims[ds->freq].path, ".category.index", NULL);
          g_autofree char *shown = shorten (ds->dims[ds->freq].codes[i]);

          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, ds->js->import->filename, freq_path,
                     _("expected the frequency “A” (only annual data is supported), found “%s”"),
                     shown);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_dimensions (Dataset  *ds,
                 GError  **error)
{
  JsonNode *dimension = member (ds->object, "dimension");
  g_autofree char *dimension_path = g_strconcat (ds->path, ".dimension", NULL);
  JsonObject *dimensions, *layout;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *ids = NULL, *sizes = NULL;

  if (!is_object (dimension))
    return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_HEADER, dimension_path,
                       _("an object describing the dimensions"), dimension);
  dimensions = json_node_get_object (dimension);

  /* 2.0 puts id, size and role in the dataset, 1.x in dimension. */
  layout = json_object_has_member (ds->object, "id") ? ds->object : dimensions;
  ds->layout_path = g_strdup (layout == ds->object ? ds->path : dimension_path);

  if (!read_ids (ds, layout, &ids, &sizes, error))
    return FALSE;

  ds->n_dims = json_array_get_length (ids);
  ds->dims = g_new0 (Dimension, ds->n_dims);
  ds->coords = g_new0 (guint, ds->n_dims);
  ds->n_cells = 1;

  for (guint k = 0; k < ds->n_dims; k++)
    if (!read_dimension_header (ds, k, ids, sizes, seen, error))
      return FALSE;

  for (guint k = 0; k < ds->n_dims; k++)
    if (!read_dimension (ds, dimensions, dimension_path, &ds->dims[k], error))
      return FALSE;

  return find_geo_and_time (ds, layout, error) && check_categories (ds, error);
}

static gboolean
read_table (Dataset     *ds,
            const char  *name,
            GError     **error)
{
  JsonNode *extension = member (ds->object, "extension");
  JsonNode *id = is_object (extension) ? member (json_node_get_object (extension), "datasetId") : NULL;
  g_autofree char *id_path = g_strconcat (ds->path, ".extension.datasetId", NULL);

  /* Eurostat's current API names the table `extension.id`, its older
   * JSON service `extension.datasetId`. */
  if (id == NULL && is_object (extension) && (id = member (json_node_get_object (extension), "id")) != NULL)
    {
      g_free (id_path);
      id_path = g_strconcat (ds->path, ".extension.id", NULL);
    }

  if (id != NULL)
    {
      if (!is_string (id) || (ds->table = table_code_of (json_node_get_string (id))) == NULL)
        return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_VALUE, id_path,
                           _("a dataset id such as “nama_10r_2gdp” (letters, digits, “_” and “-”)"), id);
    }
  else if (name != NULL)
    {
      if ((ds->table = table_code_of (name)) == NULL)
        {
          g_autofree char *shown = shorten (name);

          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, ds->js->import->filename, ds->path,
                     _("expected a dataset name of letters, digits, “_” and “-” (it names the table "
                       "in series codes), found “%s”"), shown);
          return FALSE;
        }
    }
  else
    ds->table = g_strdup (ds->js->file_table);

  if (!ds->js->table_set)
    {
      distretto_source_set_table_code (ds->js->import->source, ds->table);
      ds->js->table_set = TRUE;
    }

  return TRUE;
}

static gboolean
read_status (Dataset  *ds,
             GError  **error)
{
  JsonNode *status = member (ds->object, "status");
  g_autoptr(GList) keys = NULL;
  JsonObject *object;

  ds->status_path = g_strconcat (ds->path, ".status", NULL);

  /* Eurostat's older responses: `{"value": …, "category": {"label": …}}`. */
  if (is_object (status) && json_object_has_member (json_node_get_object (status), "value"))
    {
      g_autofree char *outer = g_steal_pointer (&ds->status_path);

      status = member (json_node_get_object (status), "value");
      ds->status_path = g_strconcat (outer, ".value", NULL);
    }

  if (status == NULL || JSON_NODE_HOLDS_NULL (status) || is_string (status))
    {
      ds->status = status;
      return TRUE;
    }

  if (is_array (status))
    {
      if (json_array_get_length (json_node_get_array (status)) != ds->n_cells)
        {
          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, ds->js->import->filename,
                                    ds->status_path,
                                    /* TRANSLATORS: how many statuses were expected, then how many were found */
                                    _("expected %" PRIu64 " statuses (the product of size), found %u"),
                                    ds->n_cells, json_array_get_length (json_node_get_array (status)));
          return FALSE;
        }
      ds->status = status;
      return TRUE;
    }

  if (!is_object (status))
    return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_VALUE, ds->status_path,
                       _("a string, an array or an object of statuses"), status);

  /* Keyed by position: every key must be one. */
  object = json_node_get_object (status);
  keys = json_object_get_members (object);
  ds->status_index = g_hash_table_new (NULL, NULL);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      guint64 index;

      if (!g_ascii_string_to_unsigned (l->data, 10, 0, ds->n_cells - 1, &index, NULL))
        {
          g_autofree char *path = member_path (ds->status_path, l->data);
          g_autofree char *shown = shorten (l->data);

          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, ds->js->import->filename, path,
                                    /* TRANSLATORS: the highest cell index, then the key found */
                                    _("expected a status keyed by a cell index from 0 to %" PRIu64
                                      ", found the key “%s”"), ds->n_cells - 1, shown);
          return FALSE;
        }
      g_hash_table_insert (ds->status_index, GUINT_TO_POINTER ((guint) index),
                           json_object_get_member (object, l->data));
    }

  return TRUE;
}

/* The flags `status` gives the cell at @index. */
static gboolean
read_flags (Dataset         *ds,
            guint            index,
            DistrettoFlags  *flags,
            GError         **error)
{
  JsonNode *status = ds->status;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;

  *flags = DISTRETTO_FLAGS_NONE;

  if (ds->status_index != NULL)
    status = g_hash_table_lookup (ds->status_index, GUINT_TO_POINTER (index));
  else if (is_array (status))
    status = json_array_get_element (json_node_get_array (status), index);

  /* `:` is how Eurostat marks a value as not available. */
  if (status == NULL || JSON_NODE_HOLDS_NULL (status) ||
      (is_string (status) && g_str_equal (json_node_get_string (status), ":")) ||
      (is_string (status) && distretto_flags_parse (json_node_get_string (status), flags)))
    return TRUE;

  if (ds->status_index != NULL)
    path = g_strdup_printf ("%s[\"%u\"]", ds->status_path, index);
  else if (is_array (ds->status))
    path = g_strdup_printf ("%s[%u]", ds->status_path, index);
  else
    path = g_strdup (ds->status_path);

  if (!is_string (status))
    return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_VALUE, path, _("a status (a string) or null"), status);

  shown = shorten (json_node_get_string (status));
  _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, ds->js->import->filename, path,
             /* TRANSLATORS: the list of the flags Distretto knows, then the text found */
             _("expected flags among %s, found “%s”"), _distretto_flags_known (), shown);
  return FALSE;
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (a), y = GPOINTER_TO_UINT (b);

  return (x > y) - (x < y);
}

static guint
intern_region (Dataset *ds,
               guint    category)
{
  Dimension *geo = &ds->dims[ds->geo];
  DistrettoDataset *dataset = ds->js->import->dataset;
  const char *code = geo->codes[category];
  JsonNode *label;
  DistrettoRegion *region;
  guint index;

  if (ds->regions[category] != 0)
    return ds->regions[category] - 1;

  index = _distretto_dataset_intern_region (dataset, code);
  ds->regions[category] = index + 1;

  region = distretto_dataset_get_region_at (dataset, index);
  label = member (geo->labels, code);
  if (is_string (label) && distretto_region_get_name (region) == NULL &&
      *json_node_get_string (label) != '\0' && g_utf8_validate (json_node_get_string (label), -1, NULL))
    distretto_region_set_name (region, json_node_get_string (label));

  return index;
}

/* The table and the dimension codes of the series just interned. */
static void
describe_series (Dataset *ds)
{
  DistrettoSeries *series = distretto_dataset_get_series (ds->js->import->dataset, ds->js->last_series);

  if (distretto_series_get_table (series) != NULL)
    return;

  distretto_series_set_table (series, ds->table);
  for (guint k = 0; k < ds->n_dims; k++)
    if ((int) k != ds->geo && (int) k != ds->time && (int) k != ds->freq)
      distretto_series_set_dimension (series, ds->dims[k].id, ds->dims[k].codes[ds->coords[k]]);
}

static guint
intern_series (Dataset *ds)
{
  JsonStat *js = ds->js;

  g_string_assign (js->series_code, ds->table);
  for (guint k = 0; k < ds->n_dims; k++)
    {
      if ((int) k == ds->geo || (int) k == ds->time || (int) k == ds->freq)
        continue;
      g_string_append_c (js->series_code, '.');
      g_string_append (js->series_code, ds->dims[k].codes[ds->coords[k]]);
    }

  if (js->last_series == NULL || !g_str_equal (js->last_series, js->series_code->str))
    {
      g_free (js->last_series);
      js->last_series = g_strdup (js->series_code->str);
      js->last_series_index = _distretto_dataset_intern_series (js->import->dataset, js->last_series,
                                                                js->import->source_index);
      describe_series (ds);
    }

  return js->last_series_index;
}

/* Adds the cell at flat @index; @key is its index as written in an
 * object, %NULL when @value is an array element. */
static gboolean
add_cell (Dataset         *ds,
          guint            index,
          const char      *path,
          double           number,
          DistrettoFlags   flags,
          GError         **error)
{
  guint64 rest = index;
  g_autoptr(GError) local_error = NULL;
  guint series, region;
  int year;

  for (guint k = ds->n_dims; k-- > 0;)
    {
      ds->coords[k] = rest % ds->dims[k].size;
      rest /= ds->dims[k].size;
    }

  series = intern_series (ds);
  region = intern_region (ds, ds->coords[ds->geo]);
  year = ds->years[ds->coords[ds->time]];
  if (!_distretto_dataset_add_cell (ds->js->import->dataset, series, region, year, number, flags,
                                    ds->js->import->source_index, index + 1, &local_error))
    {
      relocate_duplicate_error (ds->js, local_error, path, series, region, year);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_value (Dataset     *ds,
           guint        index,
           const char  *key,
           JsonNode    *value,
           GError     **error)
{
  g_autofree char *path = key ? g_strdup_printf ("%s.value[\"%s\"]", ds->path, key)
                              : g_strdup_printf ("%s.value[%u]", ds->path, index);
  DistrettoFlags flags;
  double number = NAN;

  if (is_number (value))
    number = json_node_get_double (value);

  if ((value == NULL || !JSON_NODE_HOLDS_NULL (value)) && !(is_number (value) && isfinite (number)))
    return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_VALUE, path,
                       _("a finite number or null"), value);

  if (!read_flags (ds, index, &flags, error) ||
      !add_cell (ds, index, path, number, flags, error))
    return FALSE;

  /* The parser is done with the data: report the share of cells read. */
  ds->js->n_values++;
  return _distretto_import_tick (ds->js->import, (gsize) (ds->js->len * ((index + 1.0) / ds->n_cells)),
                                 ds->js->len, error);
}

static gboolean
read_value_array (Dataset    *ds,
                  JsonArray  *values,
                  GError    **error)
{
  guint n = json_array_get_length (values);

  if (n != ds->n_cells)
    {
      g_autofree char *path = g_strconcat (ds->path, ".value", NULL);

      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, ds->js->import->filename, path,
                 /* TRANSLATORS: how many values were expected, then how many were found */
                 _("expected %" PRIu64 " values (the product of size), found %u"),
                 ds->n_cells, n);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    if (!add_value (ds, i, NULL, json_array_get_element (values, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
read_value_object (Dataset     *ds,
                   JsonObject  *values,
                   GError     **error)
{
  g_autoptr(GList) keys = json_object_get_members (values);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      guint64 index;

      if (!g_ascii_string_to_unsigned (key, 10, 0, ds->n_cells - 1, &index, NULL))
        {
          g_autofree char *values_path = g_strconcat (ds->path, ".value", NULL);
          g_autofree char *path = member_path (values_path, key);
          g_autofree char *shown = shorten (key);

          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_VALUE, ds->js->import->filename, path,
                     /* TRANSLATORS: the highest cell index, then the key found */
                     _("expected a cell index from 0 to %" PRIu64 ", found “%s”"),
                     ds->n_cells - 1, shown);
          return FALSE;
        }

      if (!add_value (ds, (guint) index, key, json_object_get_member (values, key), error))
        return FALSE;
      if (ds->valued != NULL)
        g_hash_table_add (ds->valued, GUINT_TO_POINTER ((guint) index));
    }

  return TRUE;
}

/* A status given to a cell the value object leaves out: a missing value
 * with flags, such as a confidential one. */
static gboolean
add_status_only (Dataset  *ds,
                 guint     index,
                 GError  **error)
{
  g_autofree char *path = NULL;
  DistrettoFlags flags;

  if (g_hash_table_contains (ds->valued, GUINT_TO_POINTER (index)))
    return TRUE;

  if (!read_flags (ds, index, &flags, error))
    return FALSE;
  if (flags == DISTRETTO_FLAGS_NONE)
    return TRUE;

  path = ds->status_index != NULL ? g_strdup_printf ("%s[\"%u\"]", ds->status_path, index)
                                  : g_strdup_printf ("%s[%u]", ds->status_path, index);
  return add_cell (ds, index, path, NAN, flags, error);
}

static gboolean
read_status_only (Dataset  *ds,
                  GError  **error)
{
  if (ds->status_index != NULL)
    {
      g_autoptr(GList) indices = g_hash_table_get_keys (ds->status_index);

      /* In cell order, so what is added does not depend on hashing. */
      indices = g_list_sort (indices, compare_indices);
      for (GList *l = indices; l != NULL; l = l->next)
        if (!add_status_only (ds, GPOINTER_TO_UINT (l->data), error))
          return FALSE;
    }
  else if (is_array (ds->status))
    {
      for (guint i = 0; i < ds->n_cells; i++)
        if (!add_status_only (ds, i, error))
          return FALSE;
    }

  return TRUE;
}

static gboolean
read_values (Dataset  *ds,
             GError  **error)
{
  JsonNode *values = member (ds->object, "value");
  g_autofree char *path = g_strconcat (ds->path, ".value", NULL);

  ds->regions = g_new0 (guint, ds->dims[ds->geo].size);

  if (is_array (values))
    return read_value_array (ds, json_node_get_array (values), error);
  if (is_object (values))
    {
      if (ds->status_index == NULL && !is_array (ds->status))
        return read_value_object (ds, json_node_get_object (values), error);

      ds->valued = g_hash_table_new (NULL, NULL);
      return read_value_object (ds, json_node_get_object (values), error) &&
             read_status_only (ds, error);
    }

  return type_error (ds->js, error, DISTRETTO_IMPORT_ERROR_VALUE, path,
                     _("an array or an object of values"), values);
}

/* Imports the dataset @object at @path; @name is its name in a 1.x
 * response, %NULL otherwise. */
static gboolean
import_dataset (JsonStat    *js,
                JsonObject  *object,
                const char  *path,
                const char  *name,
                GError     **error)
{
  g_auto(Dataset) ds = { 0 };

  ds.js = js;
  ds.object = object;
  ds.path = g_strdup (path);

  return read_table (&ds, name, error) &&
         read_dimensions (&ds, error) &&
         read_status (&ds, error) &&
         read_values (&ds, error);
}

static gboolean
is_dataset (JsonNode *node)
{
  return is_object (node) && json_object_has_member (json_node_get_object (node), "dimension");
}

/* A 1.x response or a 2.0 bundle: an object of datasets. */
static gboolean
import_bundle (JsonStat    *js,
               JsonObject  *root,
               GError     **error)
{
  static const char *const metadata[] = {
    "version", "class", "label", "href", "updated", "source", "note", "link", "extension", NULL,
  };
  g_autoptr(GList) names = json_object_get_members (root);
  guint n_datasets = 0;

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (root, l->data);
      g_autofree char *path = member_path ("$", l->data);

      if (!is_dataset (node))
        {
          if (g_strv_contains (metadata, l->data))
            continue;
          return type_error (js, error, DISTRETTO_IMPORT_ERROR_FORMAT, path,
                             _("a JSON-stat dataset (an object with “dimension” and “value”)"), node);
        }

      if (!import_dataset (js, json_node_get_object (node), path, l->data, error))
        return FALSE;
      n_datasets++;
    }

  if (n_datasets == 0)
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_EMPTY, js->import->filename, "$",
                 _("expected a JSON-stat dataset, or a response holding datasets, found none"));
      return FALSE;
    }

  return TRUE;
}

/* A 2.0 collection, read only when it embeds its datasets. */
static gboolean
import_collection (JsonStat    *js,
                   JsonObject  *root,
                   GError     **error)
{
  JsonNode *link = member (root, "link");
  JsonNode *items = is_object (link) ? member (json_node_get_object (link), "item") : NULL;
  JsonArray *array;

  if (!is_array (items))
    return type_error (js, error, DISTRETTO_IMPORT_ERROR_FORMAT, "$.link.item",
                       _("the array of the collection's items"), items);

  array = json_node_get_array (items);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("$.link.item[%u]", i);

      if (!is_dataset (item))
        {
          _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_FORMAT, js->import->filename, path,
                     _("expected a dataset embedded in the collection (with “dimension” and "
                       "“value”), found %s: download the datasets the collection links to"),
                     is_object (item) ? _("a link") : describe (item));
          return FALSE;
        }

      if (!import_dataset (js, json_node_get_object (item), path, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_root (JsonStat  *js,
             JsonNode  *root,
             GError   **error)
{
  JsonObject *object;
  JsonNode *class;
  const char *name;

  if (root == NULL)
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_EMPTY, js->import->filename, "$",
                 _("the file is empty: expected a JSON-stat dataset"));
      return FALSE;
    }
  if (!is_object (root))
    return type_error (js, error, DISTRETTO_IMPORT_ERROR_FORMAT, "$",
                       _("an object (a JSON-stat dataset or response)"), root);

  object = json_node_get_object (root);
  if (json_object_has_member (object, "error"))
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_FORMAT, js->import->filename, "$.error",
                 _("expected a JSON-stat dataset, found an error report"));
      return FALSE;
    }

  class = member (object, "class");
  if (class == NULL)
    return is_dataset (root) ? import_dataset (js, object, "$", NULL, error)
                             : import_bundle (js, object, error);

  name = is_string (class) ? json_node_get_string (class) : "";
  if (g_str_equal (name, "dataset"))
    return import_dataset (js, object, "$", NULL, error);
  if (g_str_equal (name, "bundle"))
    return import_bundle (js, object, error);
  if (g_str_equal (name, "collection"))
    return import_collection (js, object, error);

  return type_error (js, error, DISTRETTO_IMPORT_ERROR_FORMAT, "$.class",
                     _("“dataset”, “bundle” or “collection”"), class);
}

static void
json_stat_clear (JsonStat *js)
{
  g_clear_pointer (&js->file_table, g_free);
  if (js->series_code != NULL)
    g_string_free (js->series_code, TRUE);
  g_clear_pointer (&js->last_series, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JsonStat, json_stat_clear)

gboolean
_distretto_json_stat_import (DistrettoImport  *import,
                             GError          **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(JsonStat) js = { 0 };
  const char *data;
  gsize len;

  /* JSON is parsed whole: the file is read whole, up to a limit. */
  bytes = _distretto_input_read_all (import->input, DISTRETTO_INPUT_MAX_WHOLE, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";

  js.import = import;
  js.len = len;
  js.file_table = _distretto_table_code_from_file_name (import->filename, FALLBACK_TABLE);
  js.series_code = g_string_new (NULL);

  parser = _distretto_json_parse (data, len, import->filename, error);
  if (parser == NULL)
    return FALSE;

  if (!import_root (&js, json_parser_get_root (parser), error))
    return FALSE;

  if (js.n_values == 0)
    {
      _distretto_json_set_error (error, DISTRETTO_IMPORT_ERROR_EMPTY, js.import->filename, "$",
                 _("the file has no values: expected a dataset with a non-empty “value”"));
      return FALSE;
    }

  return TRUE;
}

/* distretto-chart-map.c: the choropleth map renderer, regions in classes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "distretto-chart-fill.h"
#include "distretto-chart-hairline.h"
#include "distretto-chart-private.h"

#define LEGEND_GAP      16.0
#define LEGEND_ROW      20.0
#define LEGEND_SWATCH   14.0
#define INSET_GAP       6.0
#define INSET_SHARE     0.2
#define INSET_ASPECT    1.2
#define HATCH_SPACING   5.0
#define HATCH_WIDTH     1.5
#define BORDER_WIDTH    0.4
#define SELECTED_WIDTH  2.5
#define TEXT_GAP        4.0
#define SIMPLIFY_PIXELS 0.5

/* The outermost regions, drawn in insets: French overseas departments,
 * Canarias, Açores, Madeira. */
static const char * const outermost_prefixes[] = { "FRY", "ES70", "PT20", "PT30" };

/* Sequential classes, dark to light: viridisLite's viridis(n), n = 3 to 7. */
#define RGB(hex) { ((hex) >> 16) / 255.0, (((hex) >> 8) & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }
static const DistrettoChartColor viridis[DISTRETTO_CHART_MAX_CLASSES - DISTRETTO_CHART_MIN_CLASSES + 1][DISTRETTO_CHART_MAX_CLASSES] = {
  { RGB (0x440154), RGB (0x21908c), RGB (0xfde725) },
  { RGB (0x440154), RGB (0x31688e), RGB (0x35b779), RGB (0xfde725) },
  { RGB (0x440154), RGB (0x3b528b), RGB (0x21908c), RGB (0x5dc863), RGB (0xfde725) },
  { RGB (0x440154), RGB (0x414487), RGB (0x2a788e), RGB (0x22a884), RGB (0x7ad151), RGB (0xfde725) },
  { RGB (0x440154), RGB (0x443a83), RGB (0x31688e), RGB (0x21908c), RGB (0x35b779), RGB (0x8fd744), RGB (0xfde725) },
};
#undef RGB

typedef struct
{
  double x_min;
  double y_min;
  double x_max;
  double y_max;
} Extent;

#define EMPTY_EXTENT { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE }

/* A box on the chart and the projection of an extent into it. */
typedef struct
{
  double left;
  double top;
  double width;
  double height;
  double scale;
  double x0;
  double y0;
} Frame;

/* A group of outermost regions: those of a key in the cache's inset_keys. */
typedef struct
{
  Extent extent;
  Frame frame;
} Inset;

/* A ring of the boundaries, and where its projection is. */
typedef struct
{
  const double *points;   /* the boundaries': x, y in metres */
  guint n_points;
  gboolean outer;         /* a polygon's first ring, else a hole */
  guint first;            /* its first point in the projected points */
  guint n_projected;
} Ring;

typedef struct
{
  const char *code;       /* the boundaries' */
  int inset;              /* an index into the insets, or -1: the mainland */
  guint first_ring;
  guint n_rings;
  Extent extent;          /* of its outer rings, in metres */
} Region;

/* Consecutive edges of a ring that no ring before it has: a run of
 * border to stroke, or the whole ring. */
typedef struct
{
  guint region;
  guint ring;             /* an index into the rings */
  guint start;            /* its first edge: from point start to start + 1 */
  guint n_edges;
  gboolean closed;        /* all the ring's edges */
  guint first;            /* its first point in the projected border points */
  guint n_projected;
} Chain;

/* What would be costly to compute on every redraw: the regions of the
 * mapped level with their rings, and these projected for the frames of
 * the last layout. Kept on the chart, whose boundaries never change. */
typedef struct
{
  DistrettoBoundaries *boundaries;
  int level;              /* the regions', or -1 */
  GArray *regions;        /* Region, in the boundaries' order */
  GArray *rings;          /* Ring */
  GHashTable *index;      /* code → its index in regions + 1 */
  GPtrArray *inset_keys;  /* the insets', in the order of their first region */

  GArray *chains;         /* Chain: the borders, those of two regions once */

  GArray *frames;         /* Frame: the mainland's, then the insets'; empty for none */
  double tolerance;
  GArray *points;         /* double: the rings projected for frames, x, y pairs */
  GArray *border_points;  /* double: the chains projected */

  double hatch_scale;     /* the hatching's profile, for this scale, or 0 */
  guint hatch_period;     /* 0 if no whole number of pixels */
  guint8 hatch_profile[64];
} MapCache;

#define MAP_CACHE_KEY "distretto-map-cache"

/* What a map shows: computed from the model, used to draw and to hit-test. */
typedef struct
{
  int level;
  MapCache *cache;        /* the chart's */
  DistrettoChartBar **bars;  /* a region's bar, by its index, or NULL; the classes' */
  int *classes;           /* a region's class, or -1 for no data; the classes' */
  double breaks[DISTRETTO_CHART_MAX_CLASSES];  /* the classes' upper bounds */
  guint n_classes;
  guint counts[DISTRETTO_CHART_MAX_CLASSES];
  DistrettoChartColor colors[DISTRETTO_CHART_MAX_CLASSES];
  guint n_no_data;
  guint n_uncertain;      /* regions whose group is uncertain (distretto_chart_set_group_certainty()) */
  double minimum;
  GArray *insets;         /* Inset */
  Frame mainland;
  double legend_left;
  double legend_top;
  double legend_width;
  double attribution_y;
  int decimals;
} MapModel;

static void
map_model_clear (gpointer data)
{
  MapModel *model = data;

  g_clear_pointer (&model->insets, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MapModel, map_model_clear)

/* The classification, a sort of the values: computed again only when the
 * chart changes. Its model has no geometry. */
typedef struct
{
  guint revision;
  gboolean valid;
  gboolean mapped;        /* some valued region has a boundary */
  MapModel model;
} MapClasses;

#define MAP_CLASSES_KEY "distretto-map-classes"

static void
map_classes_free (gpointer data)
{
  MapClasses *classes = data;

  g_free (classes->model.bars);
  g_free (classes->model.classes);
  g_free (classes);
}

static gboolean
is_outermost (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (outermost_prefixes); i++)
    if (g_str_has_prefix (code, outermost_prefixes[i]))
      return TRUE;
  return FALSE;
}

static void
map_cache_free (gpointer data)
{
  MapCache *cache = data;

  g_array_unref (cache->regions);
  g_array_unref (cache->rings);
  g_hash_table_unref (cache->index);
  g_ptr_array_unref (cache->inset_keys);
  g_array_unref (cache->frames);
  g_array_unref (cache->points);
  g_array_unref (cache->chains);
  g_array_unref (cache->border_points);
  g_object_unref (cache->boundaries);
  g_free (cache);
}

static inline const Region *
region_at (const MapCache *cache,
           guint           index)
{
  return &g_array_index (cache->regions, Region, index);
}

/* An edge, its ends in order: the same for both regions along it. */
typedef struct
{
  double x0;
  double y0;
  double x1;
  double y1;
} Edge;

static guint
edge_hash (gconstpointer key)
{
  const guint64 *bits = key;
  guint64 h = 0;

  for (guint i = 0; i < 4; i++)
    h = (h ^ bits[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  return (guint) (h ^ (h >> 32));
}

static gboolean
edge_equal (gconstpointer a,
            gconstpointer b)
{
  return memcmp (a, b, sizeof (Edge)) == 0;
}

/* Neighbours' boundaries share their points: their common edges are
 * stroked once, in chains of consecutive new edges. */
static void
find_chains (MapCache *cache)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (edge_hash, edge_equal);
  g_autofree Edge *edges = NULL;
  g_autofree gboolean *fresh = NULL;
  guint n_edges = 0, longest = 0, k = 0;

  for (guint r = 0; r < cache->rings->len; r++)
    {
      const Ring *ring = &g_array_index (cache->rings, Ring, r);

      n_edges += ring->n_points > 1 ? ring->n_points - 1 : 0;
      longest = MAX (longest, ring->n_points);
    }
  edges = g_new (Edge, MAX (n_edges, 1));
  fresh = g_new (gboolean, MAX (longest, 1));

  for (guint i = 0; i < cache->regions->len; i++)
    {
      const Region *region = region_at (cache, i);

      for (guint r = region->first_ring; r < region->first_ring + region->n_rings; r++)
        {
          const Ring *ring = &g_array_index (cache->rings, Ring, r);
          const double *p = ring->points;
          guint m = ring->n_points > 1 ? ring->n_points - 1 : 0;
          guint n_fresh = 0, stale = 0;

          for (guint e = 0; e < m; e++, k++)
            {
              gboolean forward = p[2 * e] < p[2 * e + 2] || (p[2 * e] == p[2 * e + 2] && p[2 * e + 1] <= p[2 * e + 3]);
              const double *a = forward ? p + 2 * e : p + 2 * e + 2;
              const double *b = forward ? p + 2 * e + 2 : p + 2 * e;

              edges[k] = (Edge) { a[0], a[1], b[0], b[1] };
              fresh[e] = g_hash_table_add (seen, &edges[k]);
              n_fresh += fresh[e];
              if (!fresh[e])
                stale = e;
            }

          if (m > 0 && n_fresh == m)
            {
              Chain chain = { i, r, 0, m, TRUE, 0, 0 };

              g_array_append_val (cache->chains, chain);
              continue;
            }

          /* Runs of fresh edges, from after a stale one round the ring. */
          for (guint j = 1; j <= m; j++)
            {
              guint e = (stale + j) % m;

              if (!fresh[e])
                continue;
              if (j == 1 || !fresh[(e + m - 1) % m])
                {
                  Chain chain = { i, r, e, 0, FALSE, 0, 0 };

                  g_array_append_val (cache->chains, chain);
                }
              g_array_index (cache->chains, Chain, cache->chains->len - 1).n_edges++;
            }
        }
    }
}

static void
map_cache_load_level (MapCache *cache,
                      int       level)
{
  DistrettoBoundaries *boundaries = cache->boundaries;

  g_array_set_size (cache->regions, 0);
  g_array_set_size (cache->rings, 0);
  g_hash_table_remove_all (cache->index);
  g_ptr_array_set_size (cache->inset_keys, 0);
  g_array_set_size (cache->frames, 0);
  g_array_set_size (cache->points, 0);
  g_array_set_size (cache->chains, 0);
  g_array_set_size (cache->border_points, 0);
  cache->level = level;

  for (guint i = 0; i < distretto_boundaries_get_n_regions (boundaries); i++)
    {
      Region region = { distretto_boundaries_get_code_at (boundaries, i), -1, cache->rings->len, 0, EMPTY_EXTENT };

      if (distretto_boundaries_get_level (boundaries, region.code) != level)
        continue;

      for (guint p = 0; p < distretto_boundaries_get_n_polygons (boundaries, region.code); p++)
        for (guint r = 0; r < distretto_boundaries_get_n_rings (boundaries, region.code, p); r++)
          {
            Ring ring = { NULL, 0, r == 0, 0, 0 };

            ring.points = distretto_boundaries_get_ring (boundaries, region.code, p, r, &ring.n_points);
            g_array_append_val (cache->rings, ring);
            region.n_rings++;

            for (guint k = 0; ring.outer && k < ring.n_points; k++)
              {
                region.extent.x_min = MIN (region.extent.x_min, ring.points[2 * k]);
                region.extent.x_max = MAX (region.extent.x_max, ring.points[2 * k]);
                region.extent.y_min = MIN (region.extent.y_min, ring.points[2 * k + 1]);
                region.extent.y_max = MAX (region.extent.y_max, ring.points[2 * k + 1]);
              }
          }

      if (is_outermost (region.code))
        {
          for (guint j = 0; j < cache->inset_keys->len && region.inset < 0; j++)
            if (strncmp (region.code, g_ptr_array_index (cache->inset_keys, j), 4) == 0)
              region.inset = j;

          if (region.inset < 0)
            {
              region.inset = cache->inset_keys->len;
              g_ptr_array_add (cache->inset_keys, g_strndup (region.code, 4));
            }
        }

      g_hash_table_insert (cache->index, (gpointer) region.code, GUINT_TO_POINTER (cache->regions->len + 1));
      g_array_append_val (cache->regions, region);
    }

  find_chains (cache);
}

/* The chart's cache, holding the regions of @level. */
static MapCache *
map_cache_get (DistrettoChart *self,
               int             level)
{
  MapCache *cache = g_object_get_data (G_OBJECT (self), MAP_CACHE_KEY);

  if (cache == NULL || cache->boundaries != self->boundaries)
    {
      cache = g_new0 (MapCache, 1);
      cache->boundaries = g_object_ref (self->boundaries);
      cache->level = -1;
      cache->regions = g_array_new (FALSE, FALSE, sizeof (Region));
      cache->rings = g_array_new (FALSE, FALSE, sizeof (Ring));
      cache->index = g_hash_table_new (g_str_hash, g_str_equal);
      cache->inset_keys = g_ptr_array_new_with_free_func (g_free);
      cache->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
      cache->points = g_array_new (FALSE, FALSE, sizeof (double));
      cache->chains = g_array_new (FALSE, FALSE, sizeof (Chain));
      cache->border_points = g_array_new (FALSE, FALSE, sizeof (double));
      g_object_set_data_full (G_OBJECT (self), MAP_CACHE_KEY, cache, map_cache_free);
    }

  if (cache->level != level)
    map_cache_load_level (cache, level);

  return cache;
}

/* The index of @code among the cache's regions, or -1. */
static int
region_index (const MapCache *cache,
              const char     *code)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (cache->index, code)) - 1;
}

/* The level most valued regions are at, the lower one on a tie; -1 if
 * no valued region has a boundary. */
static int
mapped_level (DistrettoChart *self)
{
  guint counts[4] = { 0, };
  int best = -1;

  for (guint i = 0; i < self->bars->len; i++)
    {
      int level = distretto_boundaries_get_level (self->boundaries,
                                                  g_array_index (self->bars, DistrettoChartBar, i).code);
      if (level >= 0 && level < (int) G_N_ELEMENTS (counts))
        counts[level]++;
    }

  for (int level = 0; level < (int) G_N_ELEMENTS (counts); level++)
    if (counts[level] > 0 && (best < 0 || counts[level] > counts[best]))
      best = level;

  return best;
}

static int
class_of (const MapModel *model,
          double          value)
{
  for (guint c = 0; c + 1 < model->n_classes; c++)
    if (value <= model->breaks[c])
      return c;
  return model->n_classes - 1;
}

/* Viridis: viridisLite's colours. Cividis: evenly spaced on the scheme.
 * Diverging: around the reference, each class at its midpoint on a range
 * symmetric about it; without one, evenly spaced about the middle. */
static void
color_classes (DistrettoChart *self,
               MapModel       *model)
{
  guint n = model->n_classes;
  double hi = model->breaks[n - 1];
  double spread = 0.0;

  if (self->scheme == DISTRETTO_COLOR_SCHEME_VIRIDIS)
    {
      memcpy (model->colors, viridis[MAX (n, DISTRETTO_CHART_MIN_CLASSES) - DISTRETTO_CHART_MIN_CLASSES],
              n * sizeof (DistrettoChartColor));
      return;
    }

  /* Halved against overflow, as the heatmap's scale. */
  if (self->scheme == DISTRETTO_COLOR_SCHEME_DIVERGING && isfinite (self->reference))
    spread = MAX (fabs (model->minimum / 2 - self->reference / 2), fabs (hi / 2 - self->reference / 2));

  for (guint c = 0; c < n; c++)
    {
      double position = n > 1 ? (double) c / (n - 1) : 0.0;

      if (self->scheme == DISTRETTO_COLOR_SCHEME_DIVERGING && n == 1)
        position = 0.5;
      if (self->scheme == DISTRETTO_COLOR_SCHEME_DIVERGING && isfinite (self->reference))
        {
          double lo = c == 0 ? model->minimum : model->breaks[c - 1];
          double middle = lo / 2 + model->breaks[c] / 2;

          position = spread > 0 ? 0.5 + (middle / 2 - self->reference / 2) / (2 * spread) : 0.5;
        }
      distretto_color_scheme_get_color (self->scheme, position, &model->colors[c]);
    }
}

/* Regions, values and classes: everything but the geometry on the chart. */
static gboolean
classify (DistrettoChart *self,
          MapModel       *model)
{
  g_autoptr(GArray) values = NULL;
  g_autofree double *breaks = NULL;
  guint n_regions;

  model->minimum = G_MAXDOUBLE;
  model->level = mapped_level (self);
  if (model->level < 0)
    return FALSE;

  model->cache = map_cache_get (self, model->level);
  n_regions = model->cache->regions->len;
  model->bars = g_new0 (DistrettoChartBar *, n_regions);
  model->classes = g_new (int, n_regions);
  values = g_array_sized_new (FALSE, FALSE, sizeof (double), self->bars->len);

  /* A code twice: the first one's value is classed, the last one drawn. */
  for (guint i = 0; i < self->bars->len; i++)
    {
      DistrettoChartBar *entry = &g_array_index (self->bars, DistrettoChartBar, i);
      int index = region_index (model->cache, entry->code);

      if (index < 0)
        continue;
      if (model->bars[index] == NULL)
        {
          g_array_append_val (values, entry->value);
          model->minimum = MIN (model->minimum, entry->value);
        }
      model->bars[index] = entry;
    }

  breaks = distretto_chart_compute_breaks (self->classification, &g_array_index (values, double, 0),
                                           values->len, self->n_classes, &model->n_classes);
  memcpy (model->breaks, breaks, model->n_classes * sizeof (double));

  for (guint i = 0; i < n_regions; i++)
    {
      model->classes[i] = model->bars[i] != NULL ? class_of (model, model->bars[i]->value) : -1;
      if (model->classes[i] >= 0)
        model->counts[model->classes[i]]++;
      else
        model->n_no_data++;
    }

  if (model->n_classes > 0)
    color_classes (self, model);

  return TRUE;
}

/* The chart's classification into @model, which borrows its arrays. */
static gboolean
map_model_classify (DistrettoChart *self,
                    MapModel       *model)
{
  MapClasses *classes = g_object_get_data (G_OBJECT (self), MAP_CLASSES_KEY);

  if (classes == NULL)
    {
      classes = g_new0 (MapClasses, 1);
      g_object_set_data_full (G_OBJECT (self), MAP_CLASSES_KEY, classes, map_classes_free);
    }

  if (!classes->valid || classes->revision != self->revision)
    {
      g_clear_pointer (&classes->model.bars, g_free);
      g_clear_pointer (&classes->model.classes, g_free);
      memset (&classes->model, 0, sizeof classes->model);
      classes->mapped = classify (self, &classes->model);
      classes->revision = self->revision;
      classes->valid = TRUE;
    }

  *model = classes->model;
  return classes->mapped;
}

static void shown_colors (const MapModel              *model,
                          const DistrettoChartPalette *palette,
                          DistrettoChartColor         *out);

/* The colour class @index is drawn with in @style, FALSE if the map has
 * no such class. */
gboolean
_distretto_chart_map_class_color (DistrettoChart      *self,
                                  guint                index,
                                  DistrettoChartStyle  style,
                                  DistrettoChartColor *color)
{
  g_auto(MapModel) model = { 0, };
  DistrettoChartColor colors[DISTRETTO_CHART_MAX_CLASSES];

  if (!map_model_classify (self, &model) || index >= model.n_classes)
    return FALSE;

  shown_colors (&model, distretto_chart_style_get_palette (style), colors);
  *color = colors[index];
  return TRUE;
}

int
_distretto_chart_map_class_of (DistrettoChart *self,
                               const char     *code)
{
  g_auto(MapModel) model = { 0, };
  int index;

  if (!map_model_classify (self, &model))
    return -1;

  index = region_index (model.cache, code);
  return index >= 0 ? model.classes[index] : -1;
}

/* Geometry. */

static void
extent_add (Extent       *extent,
            const Extent *other)
{
  extent->x_min = MIN (extent->x_min, other->x_min);
  extent->x_max = MAX (extent->x_max, other->x_max);
  extent->y_min = MIN (extent->y_min, other->y_min);
  extent->y_max = MAX (extent->y_max, other->y_max);
}

static void
frame_fit (Frame        *frame,
           const Extent *extent)
{
  double dx = MAX (extent->x_max - extent->x_min, 1.0);
  double dy = MAX (extent->y_max - extent->y_min, 1.0);

  frame->scale = MIN (frame->width / dx, frame->height / dy);
  frame->x0 = frame->left + (frame->width - dx * frame->scale) / 2.0 - extent->x_min * frame->scale;
  frame->y0 = frame->top + (frame->height + dy * frame->scale) / 2.0 + extent->y_min * frame->scale;
}

static inline double
frame_x (const Frame *frame,
         double       x)
{
  return frame->x0 + x * frame->scale;
}

static inline double
frame_y (const Frame *frame,
         double       y)
{
  return frame->y0 - y * frame->scale;
}

static const Frame *
frame_of (const MapModel *model,
          const Region   *region)
{
  if (region->inset >= 0)
    return &g_array_index (model->insets, Inset, region->inset).frame;
  return &model->mainland;
}

/* One inset per group of outermost regions, and the extents of all. */
static Extent
measure_extents (MapModel *model)
{
  const MapCache *cache = model->cache;
  Extent mainland = EMPTY_EXTENT;

  model->insets = g_array_new (FALSE, TRUE, sizeof (Inset));

  for (guint i = 0; i < cache->inset_keys->len; i++)
    {
      Inset inset = { EMPTY_EXTENT, { 0, } };

      g_array_append_val (model->insets, inset);
    }

  for (guint i = 0; i < cache->regions->len; i++)
    {
      const Region *region = region_at (cache, i);

      if (region->inset < 0)
        extent_add (&mainland, &region->extent);
      else
        extent_add (&g_array_index (model->insets, Inset, region->inset).extent, &region->extent);
    }

  return mainland;
}

static char *
class_label (const MapModel *model,
             guint           class)
{
  double lo = class == 0 ? model->minimum : model->breaks[class - 1];
  g_autofree char *from = _distretto_chart_format_number (lo, model->decimals);
  g_autofree char *to = _distretto_chart_format_number (model->breaks[class], model->decimals);

  /* Translators: a map class: the range of its values and how many regions it has */
  return g_strdup_printf (_("%s – %s (%u)"), from, to, model->counts[class]);
}

static char *
no_data_label (const MapModel *model)
{
  /* Translators: the map's legend entry of regions without a value */
  return g_strdup_printf (_("No data (%u)"), model->n_no_data);
}

static char *
uncertain_label (DistrettoChart *self,
                 const MapModel *model)
{
  /* Translators: the map's legend entry of regions whose performance group is uncertain:
   * no group has this probability (a percentage) over the uncertainty analysis' runs,
   * and how many regions */
  return g_strdup_printf (_("No group ≥ %.0f%% likely (%u)"), 100.0 * self->group_certainty, model->n_uncertain);
}

static double
widest_legend_label (DistrettoChart *self,
                     cairo_t        *cr,
                     const MapModel *model)
{
  g_autofree char *no_data = no_data_label (model);
  g_autoptr(PangoLayout) layout = _distretto_chart_create_layout (cr, no_data, 11.0, FALSE);
  double widest = _distretto_chart_layout_width (layout);

  if (model->n_uncertain > 0)
    {
      g_autofree char *uncertain = uncertain_label (self, model);

      pango_layout_set_text (layout, uncertain, -1);
      widest = MAX (widest, _distretto_chart_layout_width (layout));
    }

  for (guint c = 0; c < model->n_classes; c++)
    {
      g_autofree char *text = class_label (model, c);

      pango_layout_set_text (layout, text, -1);
      widest = MAX (widest, _distretto_chart_layout_width (layout));
    }

  return widest;
}

#define INSET_LABEL_HEIGHT 13.0
#define INSET_PADDING      3.0

static gboolean
inset_has_label (const Frame *frame)
{
  return frame->width >= 40 && frame->height >= 3 * INSET_LABEL_HEIGHT;
}

/* An inset's regions fit below its name, off the frame's edges. */
static void
fit_inset (Frame        *frame,
           const Extent *extent)
{
  Frame inner = *frame;

  if (!inset_has_label (frame))
    {
      frame_fit (frame, extent);
      return;
    }

  inner.left += INSET_PADDING;
  inner.width -= 2 * INSET_PADDING;
  inner.top += INSET_LABEL_HEIGHT;
  inner.height -= INSET_LABEL_HEIGHT + INSET_PADDING;
  frame_fit (&inner, extent);
  frame->scale = inner.scale;
  frame->x0 = inner.x0;
  frame->y0 = inner.y0;
}

/* The insets in a grid of @columns × @rows boxes at the bottom right of
 * the map's area; the mainland left of them (@right_edge) or above them.
 * Returns the mainland's scale. */
static double
place_insets (MapModel     *model,
              const Extent *mainland,
              double        left,
              double        top,
              double        right,
              double        bottom,
              guint         columns,
              gboolean      right_edge)
{
  guint n = model->insets->len;
  guint rows = n == 0 ? 0 : (n + columns - 1) / columns;
  double box_height = 0.0, box_width = 0.0;

  if (n > 0 && right_edge)
    {
      box_height = (bottom - top + INSET_GAP) / rows - INSET_GAP;
      box_width = MIN (box_height * INSET_ASPECT, INSET_SHARE * (right - left) / columns);
      box_height = MIN (box_height, box_width / INSET_ASPECT * 1.5);
    }
  else if (n > 0)
    {
      box_width = (right - left + INSET_GAP) / columns - INSET_GAP;
      box_height = MIN (box_width / INSET_ASPECT, INSET_SHARE * (bottom - top) / rows);
      box_width = MIN (box_width, box_height * INSET_ASPECT * 1.5);
    }

  for (guint i = 0; i < n; i++)
    {
      Inset *inset = &g_array_index (model->insets, Inset, i);
      guint column = i % columns, row = i / columns;

      inset->frame = (Frame) { right - (columns - column) * (box_width + INSET_GAP) + INSET_GAP,
                               bottom - (rows - row) * (box_height + INSET_GAP) + INSET_GAP,
                               box_width, box_height, 0, 0, 0 };
      if (!right_edge)
        inset->frame.left = left + column * (box_width + INSET_GAP);
      fit_inset (&inset->frame, &inset->extent);
    }

  model->mainland = (Frame) { left, top, right - left, bottom - top, 0, 0, 0 };
  if (n > 0 && right_edge)
    model->mainland.width -= columns * (box_width + INSET_GAP);
  else if (n > 0)
    model->mainland.height -= rows * (box_height + INSET_GAP);

  if (mainland->x_min > mainland->x_max)
    return 0.0;
  frame_fit (&model->mainland, mainland);
  return model->mainland.scale;
}

/* The insets along the bottom or the right edge, in one or two lines,
 * wherever the mainland is drawn largest. */
static void
place_frames (MapModel     *model,
              const Extent *mainland,
              double        left,
              double        top,
              double        right,
              double        bottom)
{
  double best = -1.0;
  guint best_columns = 1;
  gboolean best_right = FALSE;

  for (guint lines = 1; lines <= 2; lines++)
    for (int right_edge = 0; right_edge <= 1; right_edge++)
      {
        guint n = MAX (model->insets->len, 1);
        guint columns = right_edge ? lines : (n + lines - 1) / lines;
        double scale = place_insets (model, mainland, left, top, right, bottom, columns, right_edge);

        if (scale > best * 1.02)
          {
            best = scale;
            best_columns = columns;
            best_right = right_edge;
          }
      }

  place_insets (model, mainland, left, top, right, bottom, best_columns, best_right);
}

/* Returns a message to show instead when the map cannot be laid out. */
static const char *
layout_map (DistrettoChart *self,
            cairo_t        *cr,
            double          width,
            double          height,
            gpointer        data)
{
  MapModel *model = data;
  Extent mainland;
  double top, bottom, footer, lo, hi, map_right;

  if (!map_model_classify (self, model) || model->n_classes == 0)
    return _("No data");

  lo = model->minimum;
  hi = model->breaks[model->n_classes - 1];
  model->decimals = _distretto_chart_nice_axis (lo, hi).decimals;

  top = _distretto_chart_header_bottom (self, cr);
  footer = _distretto_chart_text_height (cr, DISTRETTO_BOUNDARIES_ATTRIBUTION, 10.0) + TEXT_GAP;
  if (self->source != NULL)
    footer += _distretto_chart_text_height (cr, self->source, 11.0) + 2;
  bottom = height - DISTRETTO_CHART_MARGIN - footer;
  model->attribution_y = bottom + TEXT_GAP;

  model->n_uncertain = 0;
  for (guint i = 0; i < model->cache->regions->len; i++)
    if (model->classes[i] >= 0 && _distretto_chart_is_group_uncertain (self, model->bars[i]))
      model->n_uncertain++;

  model->legend_width = MIN (widest_legend_label (self, cr, model) + LEGEND_SWATCH + 6, 0.3 * width);
  model->legend_left = width - DISTRETTO_CHART_MARGIN - model->legend_width;
  model->legend_top = top;
  if (self->unit != NULL)
    model->legend_top += _distretto_chart_text_height (cr, self->unit, 11.0) + TEXT_GAP;
  map_right = model->legend_left - LEGEND_GAP;

  if (map_right - DISTRETTO_CHART_MARGIN < 60 || bottom - top < 60)
    return _("Too small to draw");

  mainland = measure_extents (model);
  place_frames (model, &mainland, DISTRETTO_CHART_MARGIN, top, map_right, bottom);

  return NULL;
}

/* Projects @ring into @frame, dropping the points closer than @tolerance
 * to the last one kept, and turns it so that the fill's winding rule
 * gives holes: outer rings one way, holes the other. */
static guint
project_ring (const Ring  *ring,
              const Frame *frame,
              double       tolerance,
              GArray      *points)
{
  double min_squared = tolerance * tolerance;
  guint first = points->len;
  double area = 0.0;
  double *p;
  guint n = 0;

  g_array_set_size (points, first + 2 * ring->n_points);
  p = &g_array_index (points, double, first);

  for (guint i = 0; i < ring->n_points; i++)
    {
      double x = frame_x (frame, ring->points[2 * i]);
      double y = frame_y (frame, ring->points[2 * i + 1]);

      if (n > 0 && (x - p[2 * n - 2]) * (x - p[2 * n - 2]) + (y - p[2 * n - 1]) * (y - p[2 * n - 1]) < min_squared)
        continue;
      p[2 * n] = x;
      p[2 * n + 1] = y;
      n++;
    }

  /* A speck: kept whole rather than lost. */
  if (n < 4 && n < ring->n_points)
    {
      for (n = 0; n < ring->n_points; n++)
        {
          p[2 * n] = frame_x (frame, ring->points[2 * n]);
          p[2 * n + 1] = frame_y (frame, ring->points[2 * n + 1]);
        }
    }

  for (guint i = 0, j = n - 1; i < n; j = i++)
    area += p[2 * j] * p[2 * i + 1] - p[2 * i] * p[2 * j + 1];
  if ((area > 0) != ring->outer)
    for (guint i = 0, j = n - 1; i < j; i++, j--)
      {
        double x = p[2 * i], y = p[2 * i + 1];

        p[2 * i] = p[2 * j];
        p[2 * i + 1] = p[2 * j + 1];
        p[2 * j] = x;
        p[2 * j + 1] = y;
      }

  g_array_set_size (points, first + 2 * n);
  return n;
}

/* Douglas–Peucker: keeps the points of p[first..last] that the line
 * between the kept ones would miss by @tolerance or more. */
static void
keep_salient (const double *p,
              gboolean     *keep,
              guint         first,
              guint         last,
              double        tolerance)
{
  while (last > first + 1)
    {
      double dx = p[2 * last] - p[2 * first], dy = p[2 * last + 1] - p[2 * first + 1];
      double length = hypot (dx, dy), farthest = -1.0;
      guint split = first;

      for (guint i = first + 1; i < last; i++)
        {
          double ex = p[2 * i] - p[2 * first], ey = p[2 * i + 1] - p[2 * first + 1];
          double d = length > 0 ? fabs (ex * dy - ey * dx) / length : hypot (ex, ey);

          if (d > farthest)
            {
              farthest = d;
              split = i;
            }
        }

      if (farthest < tolerance)
        return;
      keep[split] = TRUE;
      keep_salient (p, keep, first, split, tolerance);
      first = split;
    }
}

/* Projects a chain, simplified as a line: only it draws these edges. */
static void
project_chain (Chain          *chain,
               const MapCache *cache,
               const Frame    *frame,
               double          tolerance,
               gboolean       *keep)
{
  const Ring *ring = &g_array_index (cache->rings, Ring, chain->ring);
  guint m = ring->n_points - 1;
  guint n = chain->n_edges + 1;
  GArray *points = cache->border_points;
  guint first = points->len, kept = 0;
  double *p;

  g_array_set_size (points, first + 2 * n);
  p = &g_array_index (points, double, first);

  for (guint k = 0; k < n; k++)
    {
      guint i = (chain->start + k) % m;

      p[2 * k] = frame_x (frame, ring->points[2 * i]);
      p[2 * k + 1] = frame_y (frame, ring->points[2 * i + 1]);
      keep[k] = k == 0 || k == n - 1;
    }
  /* A closed ring is two lines, not one from a point to itself. */
  if (chain->closed && n > 2)
    keep[n / 2] = TRUE;
  if (tolerance > 0)
    {
      keep_salient (p, keep, 0, chain->closed && n > 2 ? n / 2 : n - 1, tolerance);
      if (chain->closed && n > 2)
        keep_salient (p, keep, n / 2, n - 1, tolerance);
    }
  else
    memset (keep, TRUE, n * sizeof (gboolean));

  for (guint k = 0; k < n; k++)
    if (keep[k])
      {
        p[2 * kept] = p[2 * k];
        p[2 * kept + 1] = p[2 * k + 1];
        kept++;
      }

  g_array_set_size (points, first + 2 * kept);
  chain->first = first / 2;
  chain->n_projected = kept;
}

/* The rings projected for the model's frames, unless they already are. */
static void
project_regions (const MapModel *model,
                 double          tolerance)
{
  MapCache *cache = model->cache;
  guint n_frames = 1 + model->insets->len;
  g_autofree gboolean *keep = NULL;
  guint longest = 0;
  gboolean same = cache->frames->len == n_frames && cache->tolerance == tolerance &&
                  memcmp (cache->frames->data, &model->mainland, sizeof (Frame)) == 0;

  for (guint i = 0; same && i < model->insets->len; i++)
    same = memcmp (&g_array_index (cache->frames, Frame, 1 + i),
                   &g_array_index (model->insets, Inset, i).frame, sizeof (Frame)) == 0;
  if (same)
    return;

  g_array_set_size (cache->frames, 0);
  g_array_append_val (cache->frames, model->mainland);
  for (guint i = 0; i < model->insets->len; i++)
    g_array_append_val (cache->frames, g_array_index (model->insets, Inset, i).frame);
  cache->tolerance = tolerance;

  g_array_set_size (cache->points, 0);
  for (guint i = 0; i < cache->regions->len; i++)
    {
      const Region *region = region_at (cache, i);
      const Frame *frame = frame_of (model, region);

      for (guint r = 0; r < region->n_rings; r++)
        {
          Ring *ring = &g_array_index (cache->rings, Ring, region->first_ring + r);

          ring->first = cache->points->len / 2;
          ring->n_projected = project_ring (ring, frame, tolerance, cache->points);
          longest = MAX (longest, ring->n_points);
        }
    }

  g_array_set_size (cache->border_points, 0);
  keep = g_new (gboolean, longest + 1);
  for (guint c = 0; c < cache->chains->len; c++)
    {
      Chain *chain = &g_array_index (cache->chains, Chain, c);

      project_chain (chain, cache, frame_of (model, region_at (cache, chain->region)), tolerance, keep);
    }
}

/* Points closer than half a device pixel make no difference on a raster
 * surface; vector files keep them all. */
static double
simplify_tolerance (cairo_t *cr)
{
  double dx = 1.0, dy = 0.0, scale;

  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return 0.0;

    default:
      cairo_user_to_device_distance (cr, &dx, &dy);
      scale = hypot (dx, dy);
      return scale > 0 ? SIMPLIFY_PIXELS / scale : 0.0;
    }
}

static void
append_region_path (cairo_t        *cr,
                    const MapCache *cache,
                    guint           index)
{
  const Region *region = region_at (cache, index);
  const double *points = &g_array_index (cache->points, double, 0);

  for (guint r = 0; r < region->n_rings; r++)
    {
      const Ring *ring = &g_array_index (cache->rings, Ring, region->first_ring + r);
      const double *p = points + 2 * ring->first;

      if (ring->n_projected == 0)
        continue;
      cairo_move_to (cr, p[0], p[1]);
      for (guint i = 1; i < ring->n_projected; i++)
        cairo_line_to (cr, p[2 * i], p[2 * i + 1]);
      cairo_close_path (cr);
    }
}

/* Diagonal lines over the current clip. */
static void
hatch_clip (cairo_t                     *cr,
            const DistrettoChartPalette *palette)
{
  double x1, y1, x2, y2;

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  _distretto_chart_set_color (cr, &palette->background);
  cairo_paint (cr);

  _distretto_chart_set_color (cr, &palette->muted);
  cairo_set_line_width (cr, HATCH_WIDTH);
  for (double x = floor (x1 / HATCH_SPACING) * HATCH_SPACING - (y2 - y1); x <= x2; x += HATCH_SPACING)
    {
      cairo_move_to (cr, x, y2);
      cairo_line_to (cr, x + (y2 - y1), y1);
    }
  cairo_stroke (cr);
}

/* Lines falling to the right over the current clip, over what is drawn
 * there: a region's colour stays readable under them. */
static void
hatch_uncertain_clip (cairo_t                     *cr,
                      const DistrettoChartPalette *palette)
{
  double x1, y1, x2, y2;

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  _distretto_chart_set_color (cr, &palette->foreground);
  cairo_set_line_width (cr, 1.0);
  for (double x = floor (x1 / HATCH_SPACING) * HATCH_SPACING; x <= x2 + (y2 - y1); x += HATCH_SPACING)
    {
      cairo_move_to (cr, x - (y2 - y1), y2);
      cairo_line_to (cr, x, y1);
    }
  cairo_stroke (cr);
}

/* The regions whose group is uncertain, hatched over their colour. */
static void
draw_uncertain (DistrettoChart              *self,
                cairo_t                     *cr,
                const DistrettoChartPalette *palette,
                const MapModel              *model)
{
  if (model->n_uncertain == 0)
    return;

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_new_path (cr);
  for (guint i = 0; i < model->cache->regions->len; i++)
    if (model->classes[i] >= 0 && _distretto_chart_is_group_uncertain (self, model->bars[i]))
      append_region_path (cr, model->cache, i);
  cairo_clip (cr);
  hatch_uncertain_clip (cr, palette);
  cairo_restore (cr);
}

#define MAX_HATCH_PERIOD ((int) G_SIZEOF_MEMBER (MapCache, hatch_profile))

/* The coverage cairo gives a pixel of the hatching hatch_clip() strokes,
 * @scale pixels to the unit: lines HATCH_SPACING apart, a pixel's
 * coverage depending on x + y alone, at profile[(x + y) mod period] for
 * lines through x + y = 0. FALSE if the period is no whole number of
 * pixels. */
static gboolean
hatch_profile (double  scale,
               guint8 *profile,
               guint  *period)
{
  double spacing = HATCH_SPACING * scale, side;
  cairo_surface_t *tile;
  cairo_t *cr;
  int n = (int) spacing;

  if (spacing != n || n <= 0 || n > MAX_HATCH_PERIOD)
    return FALSE;

  /* Three periods square; the middle one is clear of the lines' ends.
   * Under a clip whose sides cut the lines within each row, as a
   * region's outline does: cairo then samples every row. */
  tile = cairo_image_surface_create (CAIRO_FORMAT_A8, 3 * n, 3 * n);
  cr = cairo_create (tile);
  cairo_scale (cr, scale, scale);
  side = 3 * HATCH_SPACING;
  cairo_rectangle (cr, 0.3, 0, side - 0.6, side);
  cairo_clip (cr);
  cairo_set_line_width (cr, HATCH_WIDTH);
  for (double x = -side; x <= side; x += HATCH_SPACING)
    {
      cairo_move_to (cr, x, side);
      cairo_line_to (cr, x + side, 0);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (tile);

  for (int t = 0; t < n; t++)
    profile[t] = cairo_image_surface_get_data (tile)[n * cairo_image_surface_get_stride (tile) + n + t];
  cairo_surface_destroy (tile);

  *period = n;
  return TRUE;
}

/* Cairo 1.16's 4×4 scan converter can write out of bounds on clipped
 * geometry (valgrind caught it on the hatching): used only when the map
 * lies within a rectangular clip or the surface, and not for hatching. */
static gboolean
fast_antialias_is_safe (cairo_t        *cr,
                        const MapModel *model)
{
  cairo_rectangle_list_t *clip = cairo_copy_clip_rectangle_list (cr);
  double x1 = model->mainland.left - 2, y1 = model->mainland.top - 2;
  double x2 = model->mainland.left + model->mainland.width + 2;
  double y2 = model->mainland.top + model->mainland.height + 2;
  gboolean inside;

  for (guint i = 0; i < model->insets->len; i++)
    {
      const Frame *frame = &g_array_index (model->insets, Inset, i).frame;

      x1 = MIN (x1, frame->left - 2);
      y1 = MIN (y1, frame->top - 2);
      x2 = MAX (x2, frame->left + frame->width + 2);
      y2 = MAX (y2, frame->top + frame->height + 2);
    }

  inside = clip->status == CAIRO_STATUS_SUCCESS && clip->num_rectangles == 1 &&
           clip->rectangles[0].x <= x1 && clip->rectangles[0].y <= y1 &&
           clip->rectangles[0].x + clip->rectangles[0].width >= x2 &&
           clip->rectangles[0].y + clip->rectangles[0].height >= y2;
  cairo_rectangle_list_destroy (clip);

  return inside;
}

/* All the borders, those of two regions once: on an image, as hairlines
 * written into its pixels (cairo 1.16 strokes 23,000 vertices in some
 * 6 ms, the hairlines take under one); elsewhere, in one stroke. */
static void
draw_borders (cairo_t                     *cr,
              const DistrettoChartPalette *palette,
              const MapModel              *model)
{
  const MapCache *cache = model->cache;
  DistrettoHairlines *hairlines = _distretto_hairlines_begin (cr, &palette->muted, BORDER_WIDTH);

  if (hairlines != NULL)
    {
      for (guint c = 0; c < cache->chains->len; c++)
        {
          const Chain *chain = &g_array_index (cache->chains, Chain, c);
          const double *p = &g_array_index (cache->border_points, double, 2 * chain->first);

          for (guint i = 1; i < chain->n_projected; i++)
            _distretto_hairlines_line (hairlines, p[2 * i - 2], p[2 * i - 1], p[2 * i], p[2 * i + 1]);
          if (chain->closed && chain->n_projected > 1)
            _distretto_hairlines_line (hairlines, p[2 * chain->n_projected - 2], p[2 * chain->n_projected - 1], p[0], p[1]);
        }
      _distretto_hairlines_end (hairlines);
      return;
    }

  cairo_new_path (cr);
  for (guint c = 0; c < cache->chains->len; c++)
    {
      const Chain *chain = &g_array_index (cache->chains, Chain, c);
      const double *p = &g_array_index (cache->border_points, double, 2 * chain->first);

      cairo_move_to (cr, p[0], p[1]);
      for (guint i = 1; i < chain->n_projected; i++)
        cairo_line_to (cr, p[2 * i], p[2 * i + 1]);
      if (chain->closed)
        cairo_close_path (cr);
    }
  _distretto_chart_set_color (cr, &palette->muted);
  cairo_set_line_width (cr, BORDER_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  if (fast_antialias_is_safe (cr, model))
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_stroke (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
}

/* One fill per class, hatching per region without data, then all the
 * borders in one stroke, those of two regions once. */
/* The contrast a class keeps against a dark background: WCAG's 3:1 for
 * graphical objects. */
#define MIN_CONTRAST 3.0

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

static double
luminance (const DistrettoChartColor *color)
{
  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) + 0.0722 * linear (color->blue);
}

/* @color lightened toward white just enough to reach @target luminance. */
static void
lighten_to (const DistrettoChartColor *color,
            double                     target,
            DistrettoChartColor       *out)
{
  double lo = 0.0, hi = 1.0;

  *out = *color;
  if (luminance (color) >= target)
    return;

  for (guint i = 0; i < 24; i++)
    {
      double t = (lo + hi) / 2;
      DistrettoChartColor mixed = {
        color->red + t * (1 - color->red),
        color->green + t * (1 - color->green),
        color->blue + t * (1 - color->blue),
      };

      if (luminance (&mixed) < target)
        lo = t;
      else
        hi = t;
    }

  out->red = color->red + hi * (1 - color->red);
  out->green = color->green + hi * (1 - color->green);
  out->blue = color->blue + hi * (1 - color->blue);
}

/* The classes' colours on @palette's background. On a dark one the
 * darkest classes of a scheme would vanish into it: the classes'
 * luminances are spread anew from a 3:1 contrast with the background up
 * to the lightest class's, each class lightened toward white just
 * enough, so they keep their hue and their order. */
static void
shown_colors (const MapModel              *model,
              const DistrettoChartPalette *palette,
              DistrettoChartColor         *out)
{
  double background = luminance (&palette->background);
  double floor_luminance = MIN_CONTRAST * (background + 0.05) - 0.05;
  double darkest = G_MAXDOUBLE, lightest = 0.0;

  memcpy (out, model->colors, model->n_classes * sizeof (DistrettoChartColor));
  if (background > 0.2 || model->n_classes == 0)
    return;

  for (guint c = 0; c < model->n_classes; c++)
    {
      darkest = MIN (darkest, luminance (&model->colors[c]));
      lightest = MAX (lightest, luminance (&model->colors[c]));
    }
  if (darkest >= floor_luminance)
    return;

  for (guint c = 0; c < model->n_classes; c++)
    {
      double own = luminance (&model->colors[c]);
      double target = lightest > darkest
                      ? floor_luminance + (own - darkest) * (MAX (lightest, floor_luminance) - floor_luminance) /
                                          (lightest - darkest)
                      : floor_luminance;

      lighten_to (&model->colors[c], target, &out[c]);
    }
}

static void
draw_regions (DistrettoChart              *self,
              cairo_t                     *cr,
              const DistrettoChartPalette *palette,
              const MapModel              *model)
{
  const MapCache *cache = model->cache;
  guint n_regions = cache->regions->len;
  DistrettoFill *fill = _distretto_fill_begin (cr);
  gboolean hatched = FALSE;
  DistrettoChartColor colors[DISTRETTO_CHART_MAX_CLASSES];

  shown_colors (model, palette, colors);

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);

  /* On an image, all classes in one pass over the pixels, and the
   * hatching of the regions without data: each as if hatched under a
   * clip of its outline, lines placed from the clip's top left. */
  if (fill != NULL)
    {
      guint paints[DISTRETTO_CHART_MAX_CLASSES], hatches[MAX_HATCH_PERIOD];
      const double *points = &g_array_index (cache->points, double, 0);
      MapCache *mutable = model->cache;
      guint period;
      double scale, fill_top;
      int offset;

      hatched = _distretto_fill_get_grid (fill, &scale, &offset, &fill_top);
      if (hatched && mutable->hatch_scale != scale)
        {
          if (!hatch_profile (scale, mutable->hatch_profile, &mutable->hatch_period))
            mutable->hatch_period = 0;
          mutable->hatch_scale = scale;
        }
      period = mutable->hatch_period;
      hatched = hatched && period > 0 && model->n_classes + period <= DISTRETTO_FILL_MAX_PAINTS;

      for (guint c = 0; c < model->n_classes; c++)
        paints[c] = _distretto_fill_add_paint (fill, &colors[c]);
      for (guint p = 0; hatched && p < period; p++)
        hatches[p] = _distretto_fill_add_hatch (fill, &palette->background, &palette->muted,
                                                mutable->hatch_profile, period, p);

      for (guint i = 0; i < n_regions; i++)
        {
          const Region *region = region_at (cache, i);
          double top = G_MAXDOUBLE;
          guint paint;

          if (model->classes[i] >= 0)
            paint = paints[model->classes[i]];
          else if (hatched)
            {
              for (guint r = 0; r < region->n_rings; r++)
                {
                  const Ring *ring = &g_array_index (cache->rings, Ring, region->first_ring + r);

                  if (ring->n_projected > 0)
                    top = MIN (top, _distretto_fill_top_pixel (fill, points + 2 * ring->first, ring->n_projected));
                }
              if (top == G_MAXDOUBLE)
                top = fill_top;
              paint = hatches[(((int) top + offset) % (int) period + period) % period];
            }
          else
            continue;

          for (guint r = 0; r < region->n_rings; r++)
            {
              const Ring *ring = &g_array_index (cache->rings, Ring, region->first_ring + r);

              _distretto_fill_ring (fill, paint, points + 2 * ring->first, ring->n_projected);
            }
        }
      _distretto_fill_end (fill);
    }
  else
    {
      /* Antialiasing on 4×4 samples: a few times faster than the
       * default, and looks the same at these widths. */
      if (fast_antialias_is_safe (cr, model))
        cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

      for (guint c = 0; c < model->n_classes; c++)
        {
          cairo_new_path (cr);
          for (guint i = 0; i < n_regions; i++)
            if (model->classes[i] == (int) c)
              append_region_path (cr, cache, i);
          _distretto_chart_set_color (cr, &colors[c]);
          cairo_fill (cr);
        }
    }

  /* Not under a clip: see fast_antialias_is_safe(). */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  for (guint i = 0; !hatched && i < n_regions; i++)
    if (model->classes[i] < 0)
      {
        cairo_new_path (cr);
        append_region_path (cr, cache, i);
        cairo_save (cr);
        cairo_clip (cr);
        hatch_clip (cr, palette);
        cairo_restore (cr);
      }

  draw_borders (cr, palette, model);

  cairo_restore (cr);
}

/* A region's outline, projected now: only one or two are drawn. */
static void
append_outline (cairo_t        *cr,
                const MapModel *model,
                guint           index,
                double          tolerance)
{
  const Region *region = region_at (model->cache, index);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < region->n_rings; r++)
    {
      const Ring *ring = &g_array_index (model->cache->rings, Ring, region->first_ring + r);
      guint n;
      const double *p;

      g_array_set_size (points, 0);
      n = project_ring (ring, frame_of (model, region), tolerance, points);
      p = &g_array_index (points, double, 0);
      if (n == 0)
        continue;
      cairo_move_to (cr, p[0], p[1]);
      for (guint i = 1; i < n; i++)
        cairo_line_to (cr, p[2 * i], p[2 * i + 1]);
      cairo_close_path (cr);
    }
}

static void
stroke_outline (cairo_t                     *cr,
                const DistrettoChartPalette *palette,
                const MapModel              *model,
                const char                  *code,
                double                       width)
{
  int index = region_index (model->cache, code);

  if (index < 0)
    return;

  cairo_new_path (cr);
  append_outline (cr, model, index, simplify_tolerance (cr));
  _distretto_chart_set_color (cr, &palette->foreground);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

/* The hovered region outlined, the selected one over it: last of all,
 * so that they can be drawn over a map drawn without them. */
static void
draw_outlines (cairo_t                           *cr,
               const DistrettoChartPalette       *palette,
               const DistrettoChartRenderOptions *options,
               const MapModel                    *model)
{
  if (options->highlighted != NULL && g_strcmp0 (options->highlighted, options->selected) != 0)
    stroke_outline (cr, palette, model, options->highlighted, 1.0);
  if (options->selected != NULL)
    stroke_outline (cr, palette, model, options->selected, SELECTED_WIDTH);
}

/* The regions the chart highlights, outlined as the selection is: part
 * of the map itself, under the hovered and selected outlines. */
static void
draw_marked (DistrettoChart              *self,
             cairo_t                     *cr,
             const DistrettoChartPalette *palette,
             const MapModel              *model)
{
  GHashTableIter iter;
  gpointer code;

  if (self->highlighted_regions == NULL)
    return;

  g_hash_table_iter_init (&iter, self->highlighted_regions);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    stroke_outline (cr, palette, model, code, SELECTED_WIDTH);
}

/* The insets' frames, each named in its top left corner: the name of its
 * region group (Canarias, Guadeloupe…) when the boundaries have it. */
static void
draw_inset_boxes (DistrettoChart              *self,
                  cairo_t                     *cr,
                  const DistrettoChartPalette *palette,
                  const MapModel              *model)
{
  _distretto_chart_set_color (cr, &palette->grid);
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < model->insets->len; i++)
    {
      const Frame *frame = &g_array_index (model->insets, Inset, i).frame;

      cairo_rectangle (cr, round (frame->left) + 0.5, round (frame->top) + 0.5,
                       round (frame->width) - 1, round (frame->height) - 1);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < model->insets->len; i++)
    {
      const Frame *frame = &g_array_index (model->insets, Inset, i).frame;
      const char *key = g_ptr_array_index (model->cache->inset_keys, i);
      const char *name = distretto_boundaries_get_name (self->boundaries, key);
      g_autofree char *kept = g_strdup_printf ("map:inset:%u", i);
      PangoLayout *label;

      if (!inset_has_label (frame))
        continue;

      label = _distretto_chart_keep_layout (self, cr, kept, name != NULL ? name : key, 9.0, FALSE);
      pango_layout_set_width (label, (frame->width - 6) * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, label, frame->left + 3, frame->top + 2);
    }
}

/* A swatch filled with @fill, or hatched for %NULL, and its label. */
static void
draw_legend_entry (DistrettoChart              *self,
                   cairo_t                     *cr,
                   const DistrettoChartPalette *palette,
                   const MapModel              *model,
                   guint                        entry,
                   const DistrettoChartColor   *fill,
                   const char                  *text,
                   double                       y)
{
  g_autofree char *name = g_strdup_printf ("map:legend:%u", entry);
  PangoLayout *label = _distretto_chart_keep_layout (self, cr, name, text, 11.0, FALSE);

  pango_layout_set_width (label, (model->legend_width - LEGEND_SWATCH - 6) * PANGO_SCALE);
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  _distretto_chart_set_color (cr, &palette->foreground);
  _distretto_chart_show_layout (cr, label, model->legend_left + LEGEND_SWATCH + 6,
                                y + (LEGEND_SWATCH - _distretto_chart_layout_height (label)) / 2.0);

  cairo_rectangle (cr, model->legend_left, y, LEGEND_SWATCH, LEGEND_SWATCH);
  cairo_save (cr);
  if (fill != NULL)
    {
      _distretto_chart_set_color (cr, fill);
      cairo_fill_preserve (cr);
    }
  else
    {
      cairo_clip (cr);
      hatch_clip (cr, palette);
    }
  cairo_restore (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, model->legend_left, y, LEGEND_SWATCH, LEGEND_SWATCH);
  _distretto_chart_set_color (cr, &palette->muted);
  cairo_set_line_width (cr, BORDER_WIDTH);
  cairo_stroke (cr);
}

/* The classes, lowest values on top, then no data. */
static void
draw_legend (DistrettoChart              *self,
             cairo_t                     *cr,
             const DistrettoChartPalette *palette,
             const MapModel              *model)
{
  g_autofree char *no_data = NULL;
  double y = model->legend_top;
  DistrettoChartColor colors[DISTRETTO_CHART_MAX_CLASSES];

  shown_colors (model, palette, colors);
  if (self->unit != NULL)
    {
      PangoLayout *unit = _distretto_chart_keep_layout (self, cr, "map:unit", self->unit, 11.0, TRUE);

      _distretto_chart_set_color (cr, &palette->foreground);
      _distretto_chart_show_layout (cr, unit, model->legend_left, y - TEXT_GAP - _distretto_chart_layout_height (unit));
    }

  for (guint c = 0; c < model->n_classes; c++, y += LEGEND_ROW)
    {
      g_autofree char *text = class_label (model, c);

      draw_legend_entry (self, cr, palette, model, c, &colors[c], text, y);
    }

  no_data = no_data_label (model);
  draw_legend_entry (self, cr, palette, model, model->n_classes, NULL, no_data, y);

  if (model->n_uncertain > 0)
    {
      g_autofree char *uncertain = uncertain_label (self, model);

      y += LEGEND_ROW;
      draw_legend_entry (self, cr, palette, model, model->n_classes + 1, &palette->background, uncertain, y);
      cairo_save (cr);
      cairo_rectangle (cr, model->legend_left, y, LEGEND_SWATCH, LEGEND_SWATCH);
      cairo_clip (cr);
      hatch_uncertain_clip (cr, palette);
      cairo_restore (cr);
    }
}

static void
draw_attribution (DistrettoChart              *self,
                  cairo_t                     *cr,
                  const DistrettoChartPalette *palette,
                  const MapModel              *model,
                  double                       width)
{
  PangoLayout *layout = _distretto_chart_keep_layout (self, cr, "map:attribution", DISTRETTO_BOUNDARIES_ATTRIBUTION,
                                                      10.0, FALSE);

  pango_layout_set_width (layout, (width - 2 * DISTRETTO_CHART_MARGIN) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  _distretto_chart_set_color (cr, &palette->muted);
  _distretto_chart_show_layout (cr, layout, DISTRETTO_CHART_MARGIN, model->attribution_y);
}

static void
render (DistrettoChart                    *self,
        cairo_t                           *cr,
        const DistrettoChartPalette       *palette,
        const DistrettoChartRenderOptions *options,
        double                             width,
        double                             height)
{
  g_auto(MapModel) fresh = { 0, };
  const MapModel *model = &fresh;
  const char *problem;

  /* On an image, laid out as for hit-testing: the last layout serves. */
  if (_distretto_chart_measures_as_scratch (cr))
    model = _distretto_chart_get_body_layout (self, width, height, &problem);
  else
    problem = layout_map (self, cr, width, height, &fresh);

  if (problem != NULL)
    {
      _distretto_chart_draw_message (cr, palette, problem, width, height);
      return;
    }

  project_regions (model, simplify_tolerance (cr));
  draw_regions (self, cr, palette, model);
  draw_uncertain (self, cr, palette, model);
  draw_inset_boxes (self, cr, palette, model);
  draw_legend (self, cr, palette, model);
  draw_attribution (self, cr, palette, model, width);
  draw_marked (self, cr, palette, model);
  draw_outlines (cr, palette, options, model);
}

static void
render_overlay (DistrettoChart                    *self,
                cairo_t                           *cr,
                const DistrettoChartPalette       *palette,
                const DistrettoChartRenderOptions *options,
                gconstpointer                      layout)
{
  draw_outlines (cr, palette, options, layout);
}

/* Hit-testing. */

/* Even–odd: the number of the rings' edges a ray to the right crosses,
 * in metres. */
static gboolean
region_contains (const MapCache *cache,
                 const Region   *region,
                 double          x,
                 double          y)
{
  gboolean inside = FALSE;

  for (guint r = 0; r < region->n_rings; r++)
    {
      const Ring *ring = &g_array_index (cache->rings, Ring, region->first_ring + r);
      const double *p = ring->points;

      for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
        {
          double xi = p[2 * i], yi = p[2 * i + 1];
          double xj = p[2 * j], yj = p[2 * j + 1];

          if ((yi > y) != (yj > y) && x < xi + (y - yi) * (xj - xi) / (yj - yi))
            inside = !inside;
        }
    }

  return inside;
}

static gboolean
frame_contains (const Frame *frame,
                double       x,
                double       y)
{
  return x >= frame->left && x <= frame->left + frame->width &&
         y >= frame->top && y <= frame->top + frame->height;
}

static const char *
code_at (DistrettoChart *self,
         gconstpointer   data,
         double          x,
         double          y)
{
  const MapModel *model = data;

  /* The point in metres in each frame, then the regions' boxes first. */
  for (guint i = 0; i < model->cache->regions->len; i++)
    {
      const Region *region = region_at (model->cache, i);
      const Frame *frame = frame_of (model, region);
      double mx, my;

      if (frame->scale <= 0 || !frame_contains (frame, x, y))
        continue;

      mx = (x - frame->x0) / frame->scale;
      my = (frame->y0 - y) / frame->scale;
      if (mx >= region->extent.x_min && mx <= region->extent.x_max &&
          my >= region->extent.y_min && my <= region->extent.y_max &&
          region_contains (model->cache, region, mx, my))
        return region->code;
    }

  return NULL;
}

/* The bar of the region under (x, y): its first, if given twice. */
static gboolean
hit_test (DistrettoChart *self,
          gconstpointer   data,
          double          x,
          double          y,
          guint          *index,
          int            *axis)
{
  const char *code = code_at (self, data, x, y);

  for (guint i = 0; code != NULL && i < self->bars->len; i++)
    if (g_str_equal (g_array_index (self->bars, DistrettoChartBar, i).code, code))
      {
        *index = i;
        return TRUE;
      }

  return FALSE;
}

static char *
describe (DistrettoChart  *self,
          guint            index,
          int              axis,
          const char     **code)
{
  const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, index);
  g_autofree char *value = _distretto_chart_format_value (bar->value);
  g_autofree char *title = _distretto_chart_region_title (bar->label, bar->code);

  g_autoptr(GString) text = g_string_new (NULL);

  *code = bar->code;
  /* TRANSLATORS: a map's tooltip: region (name and code), value */
  g_string_append_printf (text, _("%s: %s"), title, value);
  /* What an uncertainty analysis says of it, when the map has it. */
  if (!isnan (bar->rank_lower) || !isnan (bar->shares[0]))
    _distretto_chart_describe_bar_extras (self, bar, text);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The data table. */

static char *
dup_table (DistrettoChart *self)
{
  g_autoptr(GString) out = g_string_new ("region,name,value,class\n");
  g_auto(MapModel) model = { 0, };

  if (!map_model_classify (self, &model))
    return g_string_free (g_steal_pointer (&out), FALSE);

  for (guint i = 0; i < model.cache->regions->len; i++)
    {
      const char *code = region_at (model.cache, i)->code;
      const DistrettoChartBar *bar = model.bars[i];
      const char *name = distretto_boundaries_get_name (self->boundaries, code);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      _distretto_chart_append_csv_field (out, code);
      g_string_append_c (out, ',');
      _distretto_chart_append_csv_field (out, bar != NULL ? bar->label : name != NULL ? name : code);
      if (bar != NULL)
        g_string_append_printf (out, ",%s,%d\n", g_ascii_dtostr (number, sizeof number, bar->value),
                                model.classes[i] + 1);
      else
        g_string_append (out, ",,\n");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static double
natural_height (DistrettoChart *self)
{
  return DISTRETTO_CHART_MAP_HEIGHT;
}

const DistrettoChartKindClass _distretto_chart_map_class = {
  .natural_height = natural_height,
  .render = render,
  .render_overlay = render_overlay,
  .layout_size = sizeof (MapModel),
  .layout = layout_map,
  .clear_layout = map_model_clear,
  .hit_test = hit_test,
  .region_at = code_at,
  .describe = describe,
  .dup_table = dup_table,
};

/* Classification. */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Jenks–Fisher: the exact partition of sorted @v into @k contiguous
 * classes with the least sum of squared deviations from the class means,
 * by dynamic programming over prefix sums. */
static void
natural_breaks (const double *v,
                guint         n,
                guint         k,
                double       *breaks)
{
  g_autofree double *sum = g_new0 (double, n + 1);
  g_autofree double *sum2 = g_new0 (double, n + 1);
  g_autofree double *cost = g_new (double, (gsize) (k + 1) * (n + 1));
  g_autofree guint *start = g_new0 (guint, (gsize) (k + 1) * (n + 1));
  guint end = n;

  /* The deviations of v[i..j) are sum2 - sum² / count. */
  for (guint i = 0; i < n; i++)
    {
      sum[i + 1] = sum[i] + (v[i] - v[0]);
      sum2[i + 1] = sum2[i] + (v[i] - v[0]) * (v[i] - v[0]);
    }

#define COST(c, j) cost[(gsize) (c) * (n + 1) + (j)]
#define START(c, j) start[(gsize) (c) * (n + 1) + (j)]
  for (guint j = 1; j <= n; j++)
    COST (1, j) = sum2[j] - sum[j] * sum[j] / j;

  for (guint c = 2; c <= k; c++)
    for (guint j = c; j <= n; j++)
      {
        COST (c, j) = G_MAXDOUBLE;
        for (guint i = c - 1; i < j; i++)
          {
            double s = sum[j] - sum[i], s2 = sum2[j] - sum2[i];
            double total = COST (c - 1, i) + s2 - s * s / (j - i);

            if (total < COST (c, j))
              {
                COST (c, j) = total;
                START (c, j) = i;
              }
          }
      }

  for (guint c = k; c >= 1; c--)
    {
      breaks[c - 1] = v[end - 1];
      end = c > 1 ? START (c, end) : 0;
    }
#undef COST
#undef START
}

/**
 * distretto_chart_compute_breaks:
 * @method: how to group the values
 * @values: (array length=n_values): the values, in any order, all finite
 * @n_values: how many values
 * @n_classes: how many classes are asked for, at least 1
 * @n_breaks: (out): how many classes there are: @n_classes, or fewer if
 *   there are fewer values
 *
 * Groups values into classes, as a map does. A class holds the values
 * above the previous class's upper bound up to its own; the last bound
 * is the largest value. Quantiles put the k-th bound at the value
 * ranked ⌈k·n/classes⌉; equal intervals split the range into equal
 * widths; natural breaks are the Jenks–Fisher optimum (for 1, 2, 3, 10,
 * 11, 12, 20, 21, 22 in 3 classes: 3, 12, 22).
 *
 * Returns: (array length=n_breaks) (transfer full) (nullable): the classes'
 *   upper bounds, lowest first, or %NULL for no values
 */
double *
distretto_chart_compute_breaks (DistrettoClassification  method,
                                const double            *values,
                                guint                    n_values,
                                guint                    n_classes,
                                guint                   *n_breaks)
{
  g_autofree double *sorted = NULL;
  double *breaks;
  guint k;

  g_return_val_if_fail (n_breaks != NULL, NULL);
  *n_breaks = 0;
  g_return_val_if_fail (values != NULL || n_values == 0, NULL);
  g_return_val_if_fail (n_classes >= 1, NULL);

  if (n_values == 0)
    return NULL;

  k = MIN (n_classes, n_values);
  sorted = g_memdup2 (values, n_values * sizeof (double));
  qsort (sorted, n_values, sizeof (double), compare_doubles);
  breaks = g_new (double, k);

  switch (method)
    {
    case DISTRETTO_CLASSIFICATION_EQUAL_INTERVALS:
      for (guint c = 0; c < k; c++)
        breaks[c] = sorted[0] + (c + 1) * (sorted[n_values - 1] - sorted[0]) / k;
      break;

    case DISTRETTO_CLASSIFICATION_NATURAL_BREAKS:
      natural_breaks (sorted, n_values, k, breaks);
      break;

    case DISTRETTO_CLASSIFICATION_QUANTILES:
    default:
      for (guint c = 0; c < k; c++)
        breaks[c] = sorted[((guint64) (c + 1) * n_values + k - 1) / k - 1];
      break;
    }
  breaks[k - 1] = sorted[n_values - 1];

  *n_breaks = k;
  return breaks;
}

/* distretto-chart-map.c: the choropleth map renderer, regions in classes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

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

typedef struct
{
  char *key;          /* the code's first 4 characters: FRY1, ES70, … */
  Extent extent;
  Frame frame;
} Inset;

/* What a map shows: computed from the model, used to draw and to hit-test. */
typedef struct
{
  int level;
  GPtrArray *codes;       /* the regions drawn, borrowed from the boundaries */
  GHashTable *values;     /* code → its DistrettoChartBar */
  double breaks[DISTRETTO_CHART_MAX_CLASSES];  /* the classes' upper bounds */
  guint n_classes;
  guint counts[DISTRETTO_CHART_MAX_CLASSES];
  guint n_no_data;
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
clear_inset (gpointer data)
{
  g_free (((Inset *) data)->key);
}

static void
map_model_clear (MapModel *model)
{
  g_clear_pointer (&model->codes, g_ptr_array_unref);
  g_clear_pointer (&model->values, g_hash_table_unref);
  g_clear_pointer (&model->insets, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MapModel, map_model_clear)

static gboolean
is_outermost (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (outermost_prefixes); i++)
    if (g_str_has_prefix (code, outermost_prefixes[i]))
      return TRUE;
  return FALSE;
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

static const DistrettoChartColor *
class_color (const MapModel *model,
             int             class)
{
  guint n = MAX (model->n_classes, DISTRETTO_CHART_MIN_CLASSES);

  return &viridis[n - DISTRETTO_CHART_MIN_CLASSES][class];
}

/* Regions, values and classes: everything but the geometry on the chart. */
static gboolean
map_model_classify (DistrettoChart *self,
                    MapModel       *model)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree double *breaks = NULL;
  GHashTableIter iter;
  gpointer bar;

  model->minimum = G_MAXDOUBLE;
  model->level = mapped_level (self);
  if (model->level < 0)
    return FALSE;

  model->codes = g_ptr_array_new ();
  model->values = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < distretto_boundaries_get_n_regions (self->boundaries); i++)
    {
      const char *code = distretto_boundaries_get_code_at (self->boundaries, i);

      if (distretto_boundaries_get_level (self->boundaries, code) == model->level)
        g_ptr_array_add (model->codes, (gpointer) code);
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      DistrettoChartBar *entry = &g_array_index (self->bars, DistrettoChartBar, i);

      if (distretto_boundaries_get_level (self->boundaries, entry->code) == model->level &&
          g_hash_table_insert (model->values, entry->code, entry))
        {
          g_array_append_val (values, entry->value);
          model->minimum = MIN (model->minimum, entry->value);
        }
    }

  breaks = distretto_chart_compute_breaks (self->classification, &g_array_index (values, double, 0),
                                           values->len, self->n_classes, &model->n_classes);
  memcpy (model->breaks, breaks, model->n_classes * sizeof (double));

  g_hash_table_iter_init (&iter, model->values);
  while (g_hash_table_iter_next (&iter, NULL, &bar))
    model->counts[class_of (model, ((DistrettoChartBar *) bar)->value)]++;
  model->n_no_data = model->codes->len - g_hash_table_size (model->values);

  return TRUE;
}

int
_distretto_chart_map_class_of (DistrettoChart *self,
                               const char     *code)
{
  g_auto(MapModel) model = { 0, };
  DistrettoChartBar *bar;

  if (!map_model_classify (self, &model))
    return -1;

  bar = g_hash_table_lookup (model.values, code);
  return bar != NULL ? class_of (&model, bar->value) : -1;
}

/* Geometry. */

static void
extent_add_region (DistrettoBoundaries *boundaries,
                   const char          *code,
                   Extent              *extent)
{
  for (guint p = 0; p < distretto_boundaries_get_n_polygons (boundaries, code); p++)
    {
      guint n_points;
      const double *ring = distretto_boundaries_get_ring (boundaries, code, p, 0, &n_points);

      for (guint i = 0; i < n_points; i++)
        {
          extent->x_min = MIN (extent->x_min, ring[2 * i]);
          extent->x_max = MAX (extent->x_max, ring[2 * i]);
          extent->y_min = MIN (extent->y_min, ring[2 * i + 1]);
          extent->y_max = MAX (extent->y_max, ring[2 * i + 1]);
        }
    }
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
          const char     *code)
{
  for (guint i = 0; i < model->insets->len; i++)
    {
      const Inset *inset = &g_array_index (model->insets, Inset, i);

      if (strncmp (code, inset->key, strlen (inset->key)) == 0)
        return &inset->frame;
    }
  return &model->mainland;
}

/* One inset per group of outermost regions, and the extents of all. */
static Extent
measure_extents (DistrettoChart *self,
                 MapModel       *model)
{
  Extent mainland = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  model->insets = g_array_new (FALSE, TRUE, sizeof (Inset));
  g_array_set_clear_func (model->insets, clear_inset);

  for (guint i = 0; i < model->codes->len; i++)
    {
      const char *code = g_ptr_array_index (model->codes, i);
      Inset *inset = NULL;

      if (!is_outermost (code))
        {
          extent_add_region (self->boundaries, code, &mainland);
          continue;
        }

      for (guint j = 0; j < model->insets->len && inset == NULL; j++)
        if (strncmp (code, g_array_index (model->insets, Inset, j).key, 4) == 0)
          inset = &g_array_index (model->insets, Inset, j);

      if (inset == NULL)
        {
          Inset added = { g_strndup (code, 4), { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE }, { 0, } };

          g_array_append_val (model->insets, added);
          inset = &g_array_index (model->insets, Inset, model->insets->len - 1);
        }
      extent_add_region (self->boundaries, code, &inset->extent);
    }

  return mainland;
}

static double
text_height (cairo_t    *cr,
             const char *text,
             double      size)
{
  g_autoptr(PangoLayout) layout = _distretto_chart_create_layout (cr, text, size, FALSE);

  return _distretto_chart_layout_height (layout);
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

static double
widest_legend_label (cairo_t        *cr,
                     const MapModel *model)
{
  g_autofree char *no_data = no_data_label (model);
  g_autoptr(PangoLayout) layout = _distretto_chart_create_layout (cr, no_data, 11.0, FALSE);
  double widest = _distretto_chart_layout_width (layout);

  for (guint c = 0; c < model->n_classes; c++)
    {
      g_autofree char *text = class_label (model, c);
      g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, text, 11.0, FALSE);

      widest = MAX (widest, _distretto_chart_layout_width (label));
    }

  return widest;
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
      frame_fit (&inset->frame, &inset->extent);
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
            MapModel       *model)
{
  Extent mainland;
  double top, bottom, footer, lo, hi, map_right;

  if (!map_model_classify (self, model) || model->n_classes == 0)
    return _("No data");

  lo = model->minimum;
  hi = model->breaks[model->n_classes - 1];
  model->decimals = _distretto_chart_nice_axis (lo, hi).decimals;

  top = _distretto_chart_header_bottom (self, cr);
  footer = text_height (cr, DISTRETTO_BOUNDARIES_ATTRIBUTION, 10.0) + TEXT_GAP;
  if (self->source != NULL)
    footer += text_height (cr, self->source, 11.0) + 2;
  bottom = height - DISTRETTO_CHART_MARGIN - footer;
  model->attribution_y = bottom + TEXT_GAP;

  model->legend_width = MIN (widest_legend_label (cr, model) + LEGEND_SWATCH + 6, 0.3 * width);
  model->legend_left = width - DISTRETTO_CHART_MARGIN - model->legend_width;
  model->legend_top = top;
  if (self->unit != NULL)
    model->legend_top += text_height (cr, self->unit, 11.0) + TEXT_GAP;
  map_right = model->legend_left - LEGEND_GAP;

  if (map_right - DISTRETTO_CHART_MARGIN < 60 || bottom - top < 60)
    return _("Too small to draw");

  mainland = measure_extents (self, model);
  place_frames (model, &mainland, DISTRETTO_CHART_MARGIN, top, map_right, bottom);

  return NULL;
}

static void
append_region_path (DistrettoChart *self,
                    cairo_t        *cr,
                    const Frame    *frame,
                    const char     *code)
{
  for (guint p = 0; p < distretto_boundaries_get_n_polygons (self->boundaries, code); p++)
    for (guint r = 0; r < distretto_boundaries_get_n_rings (self->boundaries, code, p); r++)
      {
        guint n_points;
        const double *ring = distretto_boundaries_get_ring (self->boundaries, code, p, r, &n_points);

        for (guint i = 0; i < n_points; i++)
          {
            double x = frame_x (frame, ring[2 * i]);
            double y = frame_y (frame, ring[2 * i + 1]);

            if (i == 0)
              cairo_move_to (cr, x, y);
            else
              cairo_line_to (cr, x, y);
          }
        if (n_points > 0)
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

static void
draw_region (DistrettoChart              *self,
             cairo_t                     *cr,
             const DistrettoChartPalette *palette,
             const MapModel              *model,
             const char                  *code)
{
  const DistrettoChartBar *bar = g_hash_table_lookup (model->values, code);

  cairo_new_path (cr);
  append_region_path (self, cr, frame_of (model, code), code);

  if (bar != NULL)
    {
      _distretto_chart_set_color (cr, class_color (model, class_of (model, bar->value)));
      cairo_fill_preserve (cr);
    }
  else
    {
      /* Hatching strokes its own path: the border's is drawn again. */
      cairo_save (cr);
      cairo_clip (cr);
      hatch_clip (cr, palette);
      cairo_restore (cr);
      append_region_path (self, cr, frame_of (model, code), code);
    }

  _distretto_chart_set_color (cr, &palette->muted);
  cairo_set_line_width (cr, BORDER_WIDTH);
  cairo_stroke (cr);
}

static void
draw_inset_boxes (cairo_t                     *cr,
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
}

/* A swatch filled with @fill, or hatched for %NULL, and its label. */
static void
draw_legend_entry (cairo_t                     *cr,
                   const DistrettoChartPalette *palette,
                   const MapModel              *model,
                   const DistrettoChartColor   *fill,
                   const char                  *text,
                   double                       y)
{
  g_autoptr(PangoLayout) label = _distretto_chart_create_layout (cr, text, 11.0, FALSE);

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

  if (self->unit != NULL)
    {
      g_autoptr(PangoLayout) unit = _distretto_chart_create_layout (cr, self->unit, 11.0, TRUE);

      _distretto_chart_set_color (cr, &palette->foreground);
      _distretto_chart_show_layout (cr, unit, model->legend_left, y - TEXT_GAP - _distretto_chart_layout_height (unit));
    }

  for (guint c = 0; c < model->n_classes; c++, y += LEGEND_ROW)
    {
      g_autofree char *text = class_label (model, c);

      draw_legend_entry (cr, palette, model, class_color (model, c), text, y);
    }

  no_data = no_data_label (model);
  draw_legend_entry (cr, palette, model, NULL, no_data, y);
}

static void
draw_attribution (cairo_t                     *cr,
                  const DistrettoChartPalette *palette,
                  const MapModel              *model,
                  double                       width)
{
  g_autoptr(PangoLayout) layout = _distretto_chart_create_layout (cr, DISTRETTO_BOUNDARIES_ATTRIBUTION, 10.0, FALSE);

  pango_layout_set_width (layout, (width - 2 * DISTRETTO_CHART_MARGIN) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  _distretto_chart_set_color (cr, &palette->muted);
  _distretto_chart_show_layout (cr, layout, DISTRETTO_CHART_MARGIN, model->attribution_y);
}

void
_distretto_chart_render_map (DistrettoChart              *self,
                             cairo_t                     *cr,
                             const DistrettoChartPalette *palette,
                             double                       width,
                             double                       height)
{
  g_auto(MapModel) model = { 0, };
  const char *problem = layout_map (self, cr, width, height, &model);

  if (problem != NULL)
    {
      _distretto_chart_draw_message (cr, palette, problem, width, height);
      return;
    }

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < model.codes->len; i++)
    draw_region (self, cr, palette, &model, g_ptr_array_index (model.codes, i));

  /* The selected region on top of its neighbours' borders. */
  if (self->selected != NULL && distretto_boundaries_get_level (self->boundaries, self->selected) == model.level)
    {
      cairo_new_path (cr);
      append_region_path (self, cr, frame_of (&model, self->selected), self->selected);
      _distretto_chart_set_color (cr, &palette->foreground);
      cairo_set_line_width (cr, SELECTED_WIDTH);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  draw_inset_boxes (cr, palette, &model);
  draw_legend (self, cr, palette, &model);
  draw_attribution (cr, palette, &model, width);
}

/* Hit-testing. */

/* Even–odd: the number of the rings' edges a ray to the right crosses. */
static gboolean
region_contains (DistrettoChart *self,
                 const Frame    *frame,
                 const char     *code,
                 double          x,
                 double          y)
{
  gboolean inside = FALSE;

  for (guint p = 0; p < distretto_boundaries_get_n_polygons (self->boundaries, code); p++)
    for (guint r = 0; r < distretto_boundaries_get_n_rings (self->boundaries, code, p); r++)
      {
        guint n_points;
        const double *ring = distretto_boundaries_get_ring (self->boundaries, code, p, r, &n_points);

        for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
          {
            double xi = frame_x (frame, ring[2 * i]), yi = frame_y (frame, ring[2 * i + 1]);
            double xj = frame_x (frame, ring[2 * j]), yj = frame_y (frame, ring[2 * j + 1]);

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

const char *
_distretto_chart_hit_test_map (DistrettoChart *self,
                               double          width,
                               double          height,
                               double          x,
                               double          y)
{
  g_auto(MapModel) model = { 0, };
  cairo_surface_t *surface;
  const char *problem;
  cairo_t *cr;

  /* Text is measured on a scratch surface, as the renderer measures it. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  problem = layout_map (self, cr, width, height, &model);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (problem != NULL)
    return NULL;

  for (guint i = 0; i < model.codes->len; i++)
    {
      const char *code = g_ptr_array_index (model.codes, i);
      const Frame *frame = frame_of (&model, code);

      if (frame_contains (frame, x, y) && region_contains (self, frame, code, x, y))
        return code;
    }

  return NULL;
}

/* The data table. */

char *
_distretto_chart_dup_map_table (DistrettoChart *self)
{
  g_autoptr(GString) out = g_string_new ("region,name,value,class\n");
  g_auto(MapModel) model = { 0, };

  if (!map_model_classify (self, &model))
    return g_string_free (g_steal_pointer (&out), FALSE);

  for (guint i = 0; i < model.codes->len; i++)
    {
      const char *code = g_ptr_array_index (model.codes, i);
      const DistrettoChartBar *bar = g_hash_table_lookup (model.values, code);
      const char *name = distretto_boundaries_get_name (self->boundaries, code);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      _distretto_chart_append_csv_field (out, code);
      g_string_append_c (out, ',');
      _distretto_chart_append_csv_field (out, bar != NULL ? bar->label : name != NULL ? name : code);
      if (bar != NULL)
        g_string_append_printf (out, ",%s,%d\n", g_ascii_dtostr (number, sizeof number, bar->value),
                                class_of (&model, bar->value) + 1);
      else
        g_string_append (out, ",,\n");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

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

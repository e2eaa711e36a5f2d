/* distretto-chart-fill.c: polygons filled straight into image pixels
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each edge adds, to the cells of the pixels it crosses in each row, the
 * signed area it covers of them and of the pixels right of them, as an
 * accumulation rasteriser does (Raph Levien's font-rs; FreeType's cells):
 * summed along a row from the left, the cells give each pixel's coverage,
 * exact for straight edges. A row keeps cells for a few paints, so one
 * pass fills them all; the pixels between two cells are one run of one
 * colour. Bands of rows are filled on several cores.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "distretto-chart-bands.h"
#include "distretto-chart-fill.h"
#include "distretto-chart-pixels.h"

#define MAX_PAINTS   DISTRETTO_FILL_MAX_PAINTS
#define MAX_PERIOD   64

typedef struct
{
  float x;                /* at y_top */
  float dxdy;
  float y_top;
  float y_bottom;
  gint16 direction;       /* +1 downwards, -1 upwards */
  guint16 paint;
} Edge;

struct _DistrettoFill
{
  DistrettoPixelTarget px;
  guint8 *data;
  int stride;
  guint32 pixels[MAX_PAINTS];   /* as cairo writes an opaque colour */
  guint n_paints;
  /* Hatched paints: lines of pixels[] over a background, the lines'
   * coverage of a pixel (x, y) at profile[(x + y - phase) mod period]. */
  guint32 hatched;
  guint32 backgrounds[MAX_PAINTS];
  const guint8 *profiles[MAX_PAINTS];
  guint periods[MAX_PAINTS];
  int phases[MAX_PAINTS];
  GArray *edges;          /* Edge */
};

/* Starts filling on @cr's target, or returns %NULL if it is not an image
 * surface drawn without rotation inside one rectangular clip: then fill
 * with cairo instead. */
DistrettoFill *
_distretto_fill_begin (cairo_t *cr)
{
  DistrettoPixelTarget px;
  DistrettoFill *self;

  if (!_distretto_pixel_target_init (&px, cr))
    return NULL;

  self = g_new0 (DistrettoFill, 1);
  self->px = px;

  self->edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  return self;
}

/* Where a coordinate falls on cairo's grid of 1/256 pixel: rounded to
 * the nearest, halves to even, as cairo's conversion to fixed point does
 * (adding 1.5 × 2^52 leaves no bits for fractions). */
static inline double
snap (double value)
{
  double shifted = value * 256.0 + 6755399441055744.0;

  return (shifted - 6755399441055744.0) / 256.0;
}

/* Cairo's 16-bit colour channel, then its top 8 bits. */
static guint32
channel (double value)
{
  return ((guint32) (CLAMP (value, 0.0, 1.0) * 65535.0 + 0.5)) >> 8;
}

/* A paint to fill rings with, composed after those added before; at most
 * MAX_PAINTS. */
guint
_distretto_fill_add_paint (DistrettoFill             *self,
                           const DistrettoChartColor *color)
{
  g_return_val_if_fail (self->n_paints < MAX_PAINTS, 0);

  self->pixels[self->n_paints] = 0xff000000 | channel (color->red) << 16 | channel (color->green) << 8 |
                                 channel (color->blue);
  return self->n_paints++;
}

/* A paint of parallel lines over a background, as a region hatched under
 * a clip of its outline: the background at the region's coverage, then
 * the lines at their @profile's coverage times the region's. The
 * profile is copied. */
guint
_distretto_fill_add_hatch (DistrettoFill             *self,
                           const DistrettoChartColor *background,
                           const DistrettoChartColor *lines,
                           const guint8              *profile,
                           guint                      period,
                           int                        phase)
{
  guint paint;

  g_return_val_if_fail (period > 0 && period <= MAX_PERIOD, 0);

  paint = _distretto_fill_add_paint (self, lines);
  self->backgrounds[paint] = 0xff000000 | channel (background->red) << 16 | channel (background->green) << 8 |
                             channel (background->blue);
  self->profiles[paint] = g_memdup2 (profile, period);
  self->periods[paint] = period;
  self->phases[paint] = ((phase % (int) period) + period) % period;
  self->hatched |= 1u << paint;

  return paint;
}

/* The pixel grid in user units: its scale, how far it moves x, the top
 * row drawn; FALSE unless user space is scaled alike both ways and moved
 * by whole pixels only. */
gboolean
_distretto_fill_get_grid (DistrettoFill *self,
                          double        *scale,
                          int           *offset,
                          double        *top)
{
  *scale = self->px.xx;
  *offset = (int) self->px.x0;
  *top = self->px.y1;
  return self->px.xx == self->px.yy && self->px.x0 == floor (self->px.x0) && self->px.y0 == floor (self->px.y0);
}

/* The top row of the pixels a ring's extents cover, as cairo rounds the
 * extents of a clip, within the clip. */
double
_distretto_fill_top_pixel (DistrettoFill *self,
                           const double  *points,
                           guint          n_points)
{
  double top = self->px.y2;

  for (guint i = 0; i < n_points; i++)
    top = MIN (top, snap (points[2 * i + 1] * self->px.yy + self->px.y0));

  return MAX (self->px.y1, floor (top));
}

/* Adds a closed ring of @paint, in user space; its winding does not
 * matter, but holes must turn the other way. */
void
_distretto_fill_ring (DistrettoFill *self,
                      guint          paint,
                      const double  *points,
                      guint          n_points)
{
  double px, py;

  g_return_if_fail (paint < self->n_paints);

  if (n_points < 3)
    return;

  /* A ring off any sensible page is left out whole. */
  for (guint i = 0; i < 2 * n_points; i++)
    if (!isfinite (points[i]) || fabs (points[i] * (i % 2 ? self->px.yy : self->px.xx)) > 1e6)
      return;

  px = snap (points[2 * (n_points - 1)] * self->px.xx + self->px.x0);
  py = snap (points[2 * (n_points - 1) + 1] * self->px.yy + self->px.y0);
  for (guint i = 0; i < n_points; i++)
    {
      double x = snap (points[2 * i] * self->px.xx + self->px.x0);
      double y = snap (points[2 * i + 1] * self->px.yy + self->px.y0);
      Edge edge;

      if (y != py)
        {
          gboolean down = py < y;

          edge.direction = down ? 1 : -1;
          edge.paint = paint;
          edge.y_top = down ? py : y;
          edge.y_bottom = down ? y : py;
          edge.x = down ? px : x;
          edge.dxdy = (x - px) / (y - py);
          if (edge.y_bottom > self->px.y1 && edge.y_top < self->px.y2)
            g_array_append_val (self->edges, edge);
        }

      px = x;
      py = y;
    }
}

/* What a paint adds where edges cross a pixel: to its own coverage, and
 * to that of every pixel right of it. */
typedef struct
{
  float area;
  float cover;
} Cell;

/* The cells of the current row. */
typedef struct
{
  Cell *cells;            /* width × paints: a pixel's together */
  guint32 *paints;        /* a pixel's paints with cells */
  guint64 *touched;       /* the pixels with cells */
  int width;
  guint n_paints;
} Row;

static inline void
add (Row   *row,
     int    x,
     guint  paint,
     float  area,
     float  cover)
{
  Cell *cell;

  /* Left of the clip, an edge covers the pixels in it whole. */
  if (x < 0)
    {
      x = 0;
      area = cover;
    }
  if (x >= row->width)
    return;

  cell = &row->cells[x * row->n_paints + paint];
  cell->area += area;
  cell->cover += cover;
  row->paints[x] |= 1u << paint;
  row->touched[x >> 6] |= G_GUINT64_CONSTANT (1) << (x & 63);
}

/* floorf() and ceilf() to int, without a call into libm. */
static inline int
floor_int (float value)
{
  int i = (int) value;

  return i - (value < i);
}

static inline int
ceil_int (float value)
{
  int i = (int) value;

  return i + (value > i);
}

/* The part of @edge between rows @y and @y + 1, x relative to the clip. */
static void
add_edge (Row        *row,
          const Edge *edge,
          int         y,
          float       left)
{
  float top = MAX (edge->y_top, (float) y), bottom = MIN (edge->y_bottom, (float) y + 1);
  float xa = edge->x + (top - edge->y_top) * edge->dxdy - left;
  float xb = edge->x + (bottom - edge->y_top) * edge->dxdy - left;
  float d = (bottom - top) * edge->direction;
  float x0 = MIN (xa, xb), x1 = MAX (xa, xb);
  int i0 = floor_int (x0), i1 = ceil_int (x1);

  if (d == 0.0f)
    return;

  if (i1 <= i0 + 1)
    {
      /* Within one pixel: its share right of the edge's middle, and all
       * of the pixels further right. */
      float middle = 0.5f * (xa + xb) - i0;

      add (row, i0, edge->paint, d * (1.0f - middle), d);
    }
  else
    {
      /* Across pixels: the area swept grows as a trapezoid; what the last
       * pixel gets, every pixel right of it gets too. */
      float slope = 1.0f / (x1 - x0);
      float f0 = x0 - i0, a0 = 0.5f * slope * (1.0f - f0) * (1.0f - f0);
      float f1 = x1 - i1 + 1.0f, a1 = 0.5f * slope * f1 * f1;

      add (row, i0, edge->paint, d * a0, d * a0);
      if (i1 == i0 + 2)
        add (row, i0 + 1, edge->paint, d * (1.0f - a0 - a1), d * (1.0f - a0));
      else
        {
          float next = slope * (1.5f - f0);
          float last = 1.0f - (next + (i1 - i0 - 3) * slope) - a1;

          add (row, i0 + 1, edge->paint, d * (next - a0), d * (next - a0));
          for (int i = i0 + 2; i < i1 - 1; i++)
            add (row, i, edge->paint, d * slope, d * slope);
          add (row, i1 - 1, edge->paint, d * last, d * (last + a1));
        }
    }
}

/* Cairo's blend of an opaque colour at coverage @a over a pixel: each
 * channel c × a + d × (255 − a), divided by 255 and rounded. */
static inline guint32
mul (guint32 pair,
     guint32 a)
{
  guint32 t = (pair & 0x00ff00ff) * a + 0x007f007f;

  return ((t + ((t >> 8) & 0x00ff00ff)) >> 8) & 0x00ff00ff;
}

static inline guint32
lerp (guint32 source,
      guint32 a,
      guint32 destination)
{
  return (mul (source, a) + mul (destination, 255 - a)) |
         (mul (source >> 8, a) + mul (destination >> 8, 255 - a)) << 8;
}

/* 8-bit coverage as cairo composes boxes: in 256ths of the pixel, at most
 * 255 short of full; a little slack for the float sums. */
static inline guint32
coverage_of (float cover)
{
  guint32 a = (guint32) (fabsf (cover) * 256.0f + 1.0f / 512);

  return MIN (a, 255);
}

/* Paint @p at coverage @a over @pixel, the one at x + y = @diagonal. */
static inline guint32
paint_over (const DistrettoFill *self,
            guint                p,
            guint32              a,
            int                  diagonal,
            guint32              pixel)
{
  guint32 line;

  if (!(self->hatched & (1u << p)))
    return a == 255 ? self->pixels[p] : lerp (self->pixels[p], a, pixel);

  pixel = a == 255 ? self->backgrounds[p] : lerp (self->backgrounds[p], a, pixel);
  line = self->profiles[p][(diagonal - self->phases[p] + self->periods[p]) % self->periods[p]];
  if (a != 255)
    line = (line * a + 127) / 255;
  return line == 0 ? pixel : lerp (self->pixels[p], line, pixel);
}

/* One pixel under the paints @live covers, in paint order. */
static inline guint32
compose (const DistrettoFill *self,
         const float         *cover,
         guint32              live,
         int                  diagonal,
         guint32              pixel)
{
  while (live != 0)
    {
      guint p = __builtin_ctz (live);

      live &= live - 1;
      pixel = paint_over (self, p, coverage_of (cover[p]), diagonal, pixel);
    }

  return pixel;
}

/* Sums the row's cells from the left and writes its pixels; the first is
 * at x + y = @diagonal. */
static void
sweep (const DistrettoFill *self,
       Row                 *row,
       int                  diagonal,
       guint32             *pixels)
{
  float cover[MAX_PAINTS] = { 0, };
  guint32 live = 0;       /* the paints covering the pixels in a run */
  int solid = -1;         /* the paint alone covering them whole, or -1 */
  int previous = -1;
  int words = (row->width + 63) / 64;

  for (int w = 0; w < words; w++)
    while (row->touched[w] != 0)
      {
        int x = w * 64 + __builtin_ctzll (row->touched[w]);
        guint32 paints = row->paints[x] | live, pixel = pixels[x];
        guint32 full = 0;

        row->touched[w] &= row->touched[w] - 1;
        row->paints[x] = 0;

        /* The run since the last touched pixel. */
        if (solid >= 0)
          for (int i = previous + 1; i < x; i++)
            pixels[i] = self->pixels[solid];
        else if (live != 0)
          for (int i = previous + 1; i < x; i++)
            pixels[i] = compose (self, cover, live, diagonal + i, pixels[i]);

        /* This pixel, and the paints still on after it. */
        live = 0;
        while (paints != 0)
          {
            guint p = __builtin_ctz (paints);
            Cell *cell = &row->cells[x * row->n_paints + p];
            guint32 a = coverage_of (cover[p] + cell->area);

            paints &= paints - 1;
            cover[p] += cell->cover;
            cell->area = cell->cover = 0.0f;
            if (a > 0)
              pixel = paint_over (self, p, a, diagonal + x, pixel);

            a = coverage_of (cover[p]);
            if (a == 0)
              cover[p] = 0.0f;
            else
              {
                live |= 1u << p;
                full |= a == 255 ? 1u << p : 0;
              }
          }
        pixels[x] = pixel;
        full &= ~self->hatched;
        solid = live != 0 && live == full && (live & (live - 1)) == 0 ? (int) __builtin_ctz (live) : -1;
        previous = x;
      }

  /* A ring wider than the clip covers the rest of the row. */
  for (int i = previous + 1; live != 0 && i < row->width; i++)
    pixels[i] = solid >= 0 ? self->pixels[solid] : compose (self, cover, live, diagonal + i, pixels[i]);
}

/* Fills rows [top, bottom): the edges that cross them, in the order of
 * the row they start in, then row after row. */
static void
fill_band (gpointer data,
           int      top,
           int      bottom)
{
  const DistrettoFill *self = data;
  int width = self->px.x2 - self->px.x1;
  g_autofree int *bucket = g_new0 (int, bottom - top + 1);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));
  Row row = { NULL, NULL, NULL, width, self->n_paints };

  for (guint i = 0; i < self->edges->len; i++)
    {
      const Edge *edge = &g_array_index (self->edges, Edge, i);

      if (edge->y_top < bottom && edge->y_bottom > top)
        bucket[MAX (top, floor_int (edge->y_top)) - top + 1]++;
    }
  for (int y = 1; y <= bottom - top; y++)
    bucket[y] += bucket[y - 1];
  g_array_set_size (order, bucket[bottom - top]);
  for (guint i = 0; i < self->edges->len; i++)
    {
      const Edge *edge = &g_array_index (self->edges, Edge, i);

      if (edge->y_top < bottom && edge->y_bottom > top)
        g_array_index (order, guint, bucket[MAX (top, floor_int (edge->y_top)) - top]++) = i;
    }
  /* Now the edges of the rows up to y end at bucket[y - top]. */

  row.cells = g_new0 (Cell, (gsize) self->n_paints * width);
  row.paints = g_new0 (guint32, width);
  row.touched = g_new0 (guint64, (width + 63) / 64);

  for (int y = top, next = 0; y < bottom; y++)
    {
      guint kept = 0;

      for (; next < bucket[y - top]; next++)
        g_array_append_val (active, g_array_index (order, guint, next));

      for (guint i = 0; i < active->len; i++)
        {
          guint index = g_array_index (active, guint, i);
          const Edge *edge = &g_array_index (self->edges, Edge, index);

          add_edge (&row, edge, y, self->px.x1);
          if (edge->y_bottom > y + 1)
            g_array_index (active, guint, kept++) = index;
        }
      g_array_set_size (active, kept);

      sweep (self, &row, self->px.x1 + y, (guint32 *) (gpointer) (self->data + (gsize) y * self->stride) + self->px.x1);
    }

  g_free (row.cells);
  g_free (row.paints);
  g_free (row.touched);
}

/* Fills the rings added, bands of rows on several cores, and hands the
 * pixels back to cairo. */
void
_distretto_fill_end (DistrettoFill *self)
{
  int top = self->px.y2, bottom = self->px.y1;

  for (guint i = 0; i < self->edges->len; i++)
    {
      const Edge *edge = &g_array_index (self->edges, Edge, i);

      top = MIN (top, MAX (self->px.y1, floor_int (edge->y_top)));
      bottom = MAX (bottom, MIN (self->px.y2, ceil_int (edge->y_bottom)));
    }

  if (top < bottom && self->px.x1 < self->px.x2)
    {
      g_autofree int *starts = g_new0 (int, bottom - top + 1);
      g_autofree guint *work = g_new (guint, bottom - top);

      /* A row costs what its edges add, and a little for its pixels. */
      for (guint i = 0; i < self->edges->len; i++)
        {
          const Edge *edge = &g_array_index (self->edges, Edge, i);

          starts[CLAMP (floor_int (edge->y_top), top, bottom) - top]++;
          starts[CLAMP (ceil_int (edge->y_bottom), top, bottom) - top]--;
        }
      for (int y = top, edges = 0; y < bottom; y++)
        {
          edges += starts[y - top];
          work[y - top] = 4 * edges + 1;
        }

      cairo_surface_flush (self->px.target);
      self->data = cairo_image_surface_get_data (self->px.target);
      self->stride = cairo_image_surface_get_stride (self->px.target);
      _distretto_bands_run (top, bottom, work, fill_band, self);
      cairo_surface_mark_dirty (self->px.target);
    }

  for (guint p = 0; p < self->n_paints; p++)
    g_free ((gpointer) self->profiles[p]);
  g_array_unref (self->edges);
  g_free (self);
}

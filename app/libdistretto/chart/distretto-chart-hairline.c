/* distretto-chart-hairline.c: thin lines drawn into image pixels
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "distretto-chart-bands.h"
#include "distretto-chart-hairline.h"
#include "distretto-chart-pixels.h"

struct _DistrettoHairlines
{
  DistrettoPixelTarget px;
  guint8 *data;
  int stride;
  gboolean has_alpha;
  double width;
  /* The colour times each coverage, divided by 255: red and blue, alpha
   * and green, a channel in each 16 bits. */
  guint32 red_blue[256], alpha_green[256];
  GArray *segments;       /* Segment, in pixels, drawn at the end */
};

/* A segment in pixel space, pixel centres at integers. */
typedef struct
{
  double x0, y0, x1, y1;
} Segment;

/* Two channels, bits 0–7 and 16–23 of @pair, times @a / 255, rounded. */
static inline guint32
scale_pair (guint32 pair,
            guint32 a)
{
  guint32 t = (pair & 0x00ff00ff) * a + 0x00800080;

  return ((t + ((t >> 8) & 0x00ff00ff)) >> 8) & 0x00ff00ff;
}

/* Blends the colour at @coverage (0 to 1) into one pixel of rows
 * [top, bottom). */
static inline void
blend (const DistrettoHairlines *self,
       int                       top,
       int                       bottom,
       int                       x,
       int                       y,
       double                    coverage)
{
  guint8 *pixel;
  guint32 value, inverse, cover;

  if (x < self->px.x1 || x >= self->px.x2 || y < top || y >= bottom || coverage <= 0.0)
    return;

  cover = (guint32) (MIN (coverage, 1.0) * 255.0 + 0.5);
  inverse = 255 - cover;
  pixel = self->data + (gsize) y * self->stride + 4 * (gsize) x;
  memcpy (&value, pixel, sizeof value);

  /* Premultiplied: dst = src × cover + dst × (1 − cover), each channel
   * rounded; no sum exceeds 255. */
  value = (self->red_blue[cover] + scale_pair (value, inverse)) |
          (self->alpha_green[cover] + scale_pair (value >> 8, inverse)) << 8;
  if (!self->has_alpha)
    value |= 0xff000000;
  memcpy (pixel, &value, sizeof value);
}

/* Starts drawing lines of @color, @width user units wide (at most a pixel
 * or so), on @cr's target, or returns %NULL if the target is not an image
 * surface drawn without rotation inside one rectangular clip: then stroke
 * with cairo instead. */
DistrettoHairlines *
_distretto_hairlines_begin (cairo_t                   *cr,
                            const DistrettoChartColor *color,
                            double                     width)
{
  DistrettoPixelTarget px;
  DistrettoHairlines *self;

  if (!_distretto_pixel_target_init (&px, cr))
    return NULL;

  self = g_new0 (DistrettoHairlines, 1);
  self->px = px;

  self->has_alpha = cairo_image_surface_get_format (px.target) == CAIRO_FORMAT_ARGB32;
  for (guint32 cover = 0; cover < 256; cover++)
    {
      guint32 red = (guint32) (CLAMP (color->red, 0.0, 1.0) * 255.0 * cover + 0.5) / 255;
      guint32 green = (guint32) (CLAMP (color->green, 0.0, 1.0) * 255.0 * cover + 0.5) / 255;
      guint32 blue = (guint32) (CLAMP (color->blue, 0.0, 1.0) * 255.0 * cover + 0.5) / 255;

      self->red_blue[cover] = red << 16 | blue;
      self->alpha_green[cover] = cover << 16 | green;
    }
  self->width = width * sqrt (self->px.xx * self->px.yy);

  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  return self;
}

/* Adds a segment, in user space, to draw at the end. */
void
_distretto_hairlines_line (DistrettoHairlines *self,
                           double              x0,
                           double              y0,
                           double              x1,
                           double              y1)
{
  /* To pixel space, with pixel centres at integers. */
  Segment segment = { x0 * self->px.xx + self->px.x0 - 0.5, y0 * self->px.yy + self->px.y0 - 0.5,
                      x1 * self->px.xx + self->px.x0 - 0.5, y1 * self->px.yy + self->px.y0 - 0.5 };

  if (!isfinite (segment.x0) || !isfinite (segment.y0) || !isfinite (segment.x1) || !isfinite (segment.y1))
    return;
  if (MAX (segment.x0, segment.x1) < self->px.x1 - 1 || MIN (segment.x0, segment.x1) > self->px.x2 ||
      MAX (segment.y0, segment.y1) < self->px.y1 - 1 || MIN (segment.y0, segment.y1) > self->px.y2)
    return;

  g_array_append_val (self->segments, segment);
}

/* One segment in rows [top, bottom), Xiaolin Wu's way: along the major
 * axis, two pixels per step share the coverage of a line self->width
 * pixels wide. The last step is left to the next segment, so joints are
 * not drawn twice. */
static void
draw_segment (const DistrettoHairlines *self,
              const Segment            *segment,
              int                       top,
              int                       bottom)
{
  double x0 = segment->x0, y0 = segment->y0, x1 = segment->x1, y1 = segment->y1;
  double dx, dy, gradient, intensity;
  gboolean steep;
  int first, last;

  if (MAX (y0, y1) < top - 1 || MIN (y0, y1) > bottom)
    return;

  steep = fabs (y1 - y0) > fabs (x1 - x0);
  if (steep)
    {
      double t;

      t = x0; x0 = y0; y0 = t;
      t = x1; x1 = y1; y1 = t;
    }

  dx = x1 - x0;
  dy = y1 - y0;
  if (fabs (dx) < 1e-9)
    return;
  gradient = dy / dx;
  intensity = MIN (1.0, self->width * sqrt (1.0 + gradient * gradient));

  if (MAX (x0, x1) < -1e6 || MIN (x0, x1) > 1e6)
    return;
  first = (int) lround (CLAMP (x0, -1e6, 1e6));
  last = (int) lround (CLAMP (x1, -1e6, 1e6));
  if (first == last)
    return;

  /* Half-open [first, last), whichever way the segment runs, within the
   * clip: a far-off or huge segment costs nothing. */
  {
    int lo = MIN (first, last), hi = MAX (first, last);
    int clip_lo = steep ? top : self->px.x1, clip_hi = steep ? bottom - 1 : self->px.x2 - 1;

    for (int x = MAX (lo, clip_lo); x <= MIN (hi, clip_hi); x++)
      {
        double y, fraction;
        int lower;

        if (x == last)
          continue;

        y = y0 + gradient * (x - x0);
        /* floor (), without a call into libm. */
        lower = (int) y - (y < (int) y);
        fraction = y - lower;

        if (steep)
          {
            blend (self, top, bottom, lower, x, (1.0 - fraction) * intensity);
            blend (self, top, bottom, lower + 1, x, fraction * intensity);
          }
        else
          {
            blend (self, top, bottom, x, lower, (1.0 - fraction) * intensity);
            blend (self, top, bottom, x, lower + 1, fraction * intensity);
          }
      }
  }
}

static void
draw_band (gpointer data,
           int      top,
           int      bottom)
{
  const DistrettoHairlines *self = data;

  for (guint i = 0; i < self->segments->len; i++)
    draw_segment (self, &g_array_index (self->segments, Segment, i), top, bottom);
}

/* Draws the segments, bands of rows on several cores, in the order they
 * were added, and hands the pixels back to cairo. */
void
_distretto_hairlines_end (DistrettoHairlines *self)
{
  /* What cairo drew so far must be in the pixels first. */
  cairo_surface_flush (self->px.target);
  self->data = cairo_image_surface_get_data (self->px.target);
  self->stride = cairo_image_surface_get_stride (self->px.target);

  if (self->px.y1 < self->px.y2)
    {
      g_autofree int *starts = g_new0 (int, self->px.y2 - self->px.y1 + 1);
      g_autofree guint *work = g_new (guint, self->px.y2 - self->px.y1);

      /* A row costs the segments across it, and a little. */
      for (guint i = 0; i < self->segments->len; i++)
        {
          const Segment *segment = &g_array_index (self->segments, Segment, i);
          double top = MIN (segment->y0, segment->y1), bottom = MAX (segment->y0, segment->y1) + 2;

          starts[(int) CLAMP (top, self->px.y1, self->px.y2) - self->px.y1]++;
          starts[(int) CLAMP (bottom, self->px.y1, self->px.y2) - self->px.y1]--;
        }
      for (int y = self->px.y1, segments = 0; y < self->px.y2; y++)
        {
          segments += starts[y - self->px.y1];
          work[y - self->px.y1] = segments + 1;
        }

      _distretto_bands_run (self->px.y1, self->px.y2, work, draw_band, self);
    }

  cairo_surface_mark_dirty (self->px.target);
  g_array_unref (self->segments);
  g_free (self);
}

/* Whether @cr draws on an image surface without rotation inside one
 * rectangular clip, and where its user space lands in the pixels. */
gboolean
_distretto_pixel_target_init (DistrettoPixelTarget *self,
                              cairo_t              *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_rectangle_list_t *clip;
  cairo_format_t format;
  cairo_matrix_t matrix;
  double offset_x, offset_y, scale_x, scale_y;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;

  cairo_get_matrix (cr, &matrix);
  if (matrix.xy != 0.0 || matrix.yx != 0.0 || matrix.xx <= 0.0 || matrix.yy <= 0.0)
    return FALSE;

  clip = cairo_copy_clip_rectangle_list (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles != 1)
    {
      cairo_rectangle_list_destroy (clip);
      return FALSE;
    }

  cairo_surface_get_device_offset (target, &offset_x, &offset_y);
  cairo_surface_get_device_scale (target, &scale_x, &scale_y);

  self->target = target;
  self->xx = matrix.xx * scale_x;
  self->yy = matrix.yy * scale_y;
  self->x0 = matrix.x0 * scale_x + offset_x;
  self->y0 = matrix.y0 * scale_y + offset_y;

  /* The clip rectangle is in user space; pixels cover it whole. */
  self->x1 = MAX (0, (int) ceil (clip->rectangles[0].x * self->xx + self->x0 - 1e-6));
  self->y1 = MAX (0, (int) ceil (clip->rectangles[0].y * self->yy + self->y0 - 1e-6));
  self->x2 = MIN (cairo_image_surface_get_width (target),
                  (int) floor ((clip->rectangles[0].x + clip->rectangles[0].width) * self->xx + self->x0 + 1e-6));
  self->y2 = MIN (cairo_image_surface_get_height (target),
                  (int) floor ((clip->rectangles[0].y + clip->rectangles[0].height) * self->yy + self->y0 + 1e-6));
  cairo_rectangle_list_destroy (clip);

  return TRUE;
}

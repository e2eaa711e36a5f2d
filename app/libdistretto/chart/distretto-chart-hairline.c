/* distretto-chart-hairline.c: thin lines drawn into image pixels
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "distretto-chart-hairline.h"

struct _DistrettoHairlines
{
  cairo_surface_t *target;
  guint8 *data;
  int stride;
  gboolean has_alpha;
  /* The clip, in pixels: lines are drawn in [x1, x2) × [y1, y2). */
  int x1, y1, x2, y2;
  /* User space to pixels: a scale and an offset, no rotation. */
  double xx, yy, x0, y0;
  double red, green, blue;
  double width;
};

/* Blends the colour at @coverage (0 to 1) into one pixel. */
static inline void
blend (DistrettoHairlines *self,
       int                 x,
       int                 y,
       double              coverage)
{
  guint8 *pixel;
  guint32 value, inverse;
  guint32 a, r, g, b, cover;

  if (x < self->x1 || x >= self->x2 || y < self->y1 || y >= self->y2 || coverage <= 0.0)
    return;

  cover = (guint32) (MIN (coverage, 1.0) * 255.0 + 0.5);
  inverse = 255 - cover;
  pixel = self->data + (gsize) y * self->stride + 4 * (gsize) x;
  memcpy (&value, pixel, sizeof value);

  /* Premultiplied: dst = src × cover + dst × (1 − cover). */
  a = self->has_alpha ? cover + ((value >> 24) * inverse + 127) / 255 : 255;
  r = (guint32) (self->red * cover + 0.5) / 255 + (((value >> 16) & 0xff) * inverse + 127) / 255;
  g = (guint32) (self->green * cover + 0.5) / 255 + (((value >> 8) & 0xff) * inverse + 127) / 255;
  b = (guint32) (self->blue * cover + 0.5) / 255 + ((value & 0xff) * inverse + 127) / 255;
  value = (MIN (a, 255u) << 24) | (MIN (r, 255u) << 16) | (MIN (g, 255u) << 8) | MIN (b, 255u);
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
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_rectangle_list_t *clip;
  DistrettoHairlines *self;
  cairo_format_t format;
  cairo_matrix_t matrix;
  double offset_x, offset_y, scale_x, scale_y;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return NULL;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return NULL;

  cairo_get_matrix (cr, &matrix);
  if (matrix.xy != 0.0 || matrix.yx != 0.0 || matrix.xx <= 0.0 || matrix.yy <= 0.0)
    return NULL;

  clip = cairo_copy_clip_rectangle_list (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles != 1)
    {
      cairo_rectangle_list_destroy (clip);
      return NULL;
    }

  cairo_surface_get_device_offset (target, &offset_x, &offset_y);
  cairo_surface_get_device_scale (target, &scale_x, &scale_y);

  self = g_new0 (DistrettoHairlines, 1);
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

  self->has_alpha = format == CAIRO_FORMAT_ARGB32;
  self->red = CLAMP (color->red, 0.0, 1.0) * 255.0;
  self->green = CLAMP (color->green, 0.0, 1.0) * 255.0;
  self->blue = CLAMP (color->blue, 0.0, 1.0) * 255.0;
  self->width = width * sqrt (self->xx * self->yy);

  /* What cairo drew so far must be in the pixels first. */
  cairo_surface_flush (target);
  self->data = cairo_image_surface_get_data (target);
  self->stride = cairo_image_surface_get_stride (target);

  return self;
}

/* One segment, Xiaolin Wu's way: along the major axis, two pixels per
 * step share the coverage of a line self->width pixels wide. The last
 * step is left to the next segment, so joints are not drawn twice. */
void
_distretto_hairlines_line (DistrettoHairlines *self,
                           double              x0,
                           double              y0,
                           double              x1,
                           double              y1)
{
  double dx, dy, gradient, intensity;
  gboolean steep;
  int first, last;

  /* To pixel space, with pixel centres at integers. */
  x0 = x0 * self->xx + self->x0 - 0.5;
  y0 = y0 * self->yy + self->y0 - 0.5;
  x1 = x1 * self->xx + self->x0 - 0.5;
  y1 = y1 * self->yy + self->y0 - 0.5;

  if (!isfinite (x0) || !isfinite (y0) || !isfinite (x1) || !isfinite (y1))
    return;
  if (MAX (x0, x1) < self->x1 - 1 || MIN (x0, x1) > self->x2 || MAX (y0, y1) < self->y1 - 1 || MIN (y0, y1) > self->y2)
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
    int clip_lo = steep ? self->y1 : self->x1, clip_hi = steep ? self->y2 - 1 : self->x2 - 1;

    for (int x = MAX (lo, clip_lo); x <= MIN (hi, clip_hi); x++)
      {
        double y, below, fraction;
        int lower;

        if (x == last)
          continue;

        y = y0 + gradient * (x - x0);
        below = floor (y);
        fraction = y - below;
        lower = (int) below;

        if (steep)
          {
            blend (self, lower, x, (1.0 - fraction) * intensity);
            blend (self, lower + 1, x, fraction * intensity);
          }
        else
          {
            blend (self, x, lower, (1.0 - fraction) * intensity);
            blend (self, x, lower + 1, fraction * intensity);
          }
      }
  }
}

/* Hands the pixels back to cairo. */
void
_distretto_hairlines_end (DistrettoHairlines *self)
{
  cairo_surface_mark_dirty (self->target);
  g_free (self);
}

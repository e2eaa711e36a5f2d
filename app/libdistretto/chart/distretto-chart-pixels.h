/* distretto-chart-pixels.h: drawing straight into an image's pixels
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Where user space lands in an image surface's pixels, for the code that
 * writes pixels itself where cairo would be slow (fills, hairlines). */
typedef struct
{
  cairo_surface_t *target;
  /* The clip, in pixels: [x1, x2) × [y1, y2). */
  int x1, y1, x2, y2;
  /* User space to pixels: a scale and an offset, no rotation. */
  double xx, yy, x0, y0;
} DistrettoPixelTarget;

gboolean _distretto_pixel_target_init (DistrettoPixelTarget *pixels,
                                       cairo_t              *cr);

G_END_DECLS

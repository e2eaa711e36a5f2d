/* distretto-test-utils.h: checks several test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif

#include <distretto.h>
#include <string.h>

/* An importer's error: its code, a readable message starting with the
 * expected "file:position:" and naming what was wrong. */
static inline void
distretto_test_assert_import_error (const GError *error,
                                    int           code,
                                    const char   *position,
                                    const char   *mentions)
{
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("%s", error->message);

  if (!g_str_has_prefix (error->message, position))
    g_error ("“%s” does not start with “%s”", error->message, position);
  if (strstr (error->message, mentions) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mentions);
}

/* An exported SVG: well-formed XML with an svg element. */
static inline void
distretto_test_assert_svg (GBytes *svg)
{
  static const GMarkupParser no_callbacks = { 0 };
  g_autoptr(GMarkupParseContext) xml = g_markup_parse_context_new (&no_callbacks, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (svg, &len);

  g_assert_true (g_markup_parse_context_parse (xml, data, len, &error));
  g_assert_true (g_markup_parse_context_end_parse (xml, &error));
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (data, len, "<svg"));
}

/* An exported PDF: a header and at least one page. */
static inline void
distretto_test_assert_pdf (GBytes *pdf)
{
  gsize len;
  const char *data = g_bytes_get_data (pdf, &len);

  g_assert_true (len > 100 && memcmp (data, "%PDF-", 5) == 0);
  g_assert_nonnull (memmem (data, len, "/Type /Page", 11));
}

/* A chart drawn on an opaque image surface of @width × @height. */
static inline cairo_surface_t *
distretto_test_render_chart (DistrettoChart      *chart,
                             int                  width,
                             int                  height,
                             DistrettoChartStyle  style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  distretto_chart_render (chart, cr, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* A pixel of an image surface as 0xRRGGBB. */
static inline guint32
distretto_test_pixel (cairo_surface_t *surface,
                      int              x,
                      int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;

  memcpy (&value, data + y * stride + 4 * x, sizeof value);
  return value & 0xFFFFFF;
}

/* A palette or scheme colour as 0xRRGGBB, as cairo stores it. */
static inline guint32
distretto_test_rgb (const DistrettoChartColor *c)
{
  return ((guint32) (c->red * 255 + 0.5) << 16) | ((guint32) (c->green * 255 + 0.5) << 8)
         | (guint32) (c->blue * 255 + 0.5);
}

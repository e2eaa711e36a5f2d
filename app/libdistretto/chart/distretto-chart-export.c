/* distretto-chart-export.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <png.h>
#include <string.h>
#include <sys/mman.h>
#include <stdlib.h>

#include "distretto-chart-export.h"
#include "../data/distretto-file-writer.h"

/**
 * distretto_chart_format_from_name:
 * @name: `png`, `svg` or `pdf`, in any case
 * @format: (out): the format
 *
 * Returns: %TRUE if @name is a known format
 */
gboolean
distretto_chart_format_from_name (const char           *name,
                                  DistrettoChartFormat *format)
{
  static const char *names[] = { "png", "svg", "pdf" };

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (name, names[i]) == 0)
        {
          *format = (DistrettoChartFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

#define HUGE_PAGE (2 << 20)

typedef struct
{
  void *map;
  gsize size;
} PixelMap;

static void
unmap_pixels (void *data)
{
  PixelMap *pixels = data;

  munmap (pixels->map, pixels->size);
  g_free (pixels);
}

/* An image surface for PNG. A fresh one of 22 MB costs some 5,000 page
 * faults, a third of a whole export's time; in huge pages, a dozen. */
static cairo_surface_t *
create_image_surface (int width,
                      int height)
{
#ifdef MADV_HUGEPAGE
  static const cairo_user_data_key_t key;
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  gsize size = (gsize) stride * height;
  PixelMap *pixels;
  cairo_surface_t *surface;
  guint8 *data;

  if (stride <= 0 || size < HUGE_PAGE)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  pixels = g_new (PixelMap, 1);
  pixels->size = size + HUGE_PAGE;
  pixels->map = mmap (NULL, pixels->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (pixels->map == MAP_FAILED)
    {
      g_free (pixels);
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    }

  /* Zeroed, as cairo's own: anonymous memory is. */
  data = (guint8 *) (((guintptr) pixels->map + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1));
  madvise (data, size, MADV_HUGEPAGE);
  surface = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32, width, height, stride);
  if (cairo_surface_set_user_data (surface, &key, pixels, unmap_pixels) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      unmap_pixels (pixels);
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    }

  return surface;
#else
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
#endif
}

static void
append_png_data (png_structp png,
                 png_bytep   data,
                 png_size_t  length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static void
flush_nothing (png_structp png)
{
}

static gboolean
is_opaque (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint32 all = 0xffffffff;

  if (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24)
    return TRUE;

  for (int y = 0; y < height && all >> 24 == 0xff; y++)
    {
      const guint32 *pixels = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        all &= pixels[x];
    }

  return all >> 24 == 0xff;
}

/* cairo_surface_write_to_png() compresses at zlib's default level, most
 * of a large export's time: this writes the same pixels at level 1 with
 * the Sub filter, three times as fast, the file a quarter larger on a
 * flat chart. RGB for an opaque surface, else RGBA unpremultiplied. */
static gboolean
write_png (cairo_surface_t *surface,
           GByteArray      *bytes)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  gboolean opaque = is_opaque (surface);
  int channels = opaque ? 3 : 4;
  png_structp png;
  png_infop info;
  guint8 *row;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  if (png == NULL)
    return FALSE;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return FALSE;
    }

  row = g_malloc ((gsize) width * channels);
  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_free (row);
      return FALSE;
    }

  png_set_write_fn (png, bytes, append_png_data, flush_nothing);
  png_set_compression_level (png, 1);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
  png_set_IHDR (png, info, width, height, 8,
                opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info (png, info);

  for (int y = 0; y < height; y++)
    {
      const guint32 *pixels = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);
      guint8 *out = row;

      for (int x = 0; x < width; x++, out += channels)
        {
          guint32 p = pixels[x];
          guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

          if (!opaque && a != 0xff)
            {
              /* As cairo's own writer rounds. */
              r = a == 0 ? 0 : (r * 255 + a / 2) / a;
              g = a == 0 ? 0 : (g * 255 + a / 2) / a;
              b = a == 0 ? 0 : (b * 255 + a / 2) / a;
            }
          out[0] = r;
          out[1] = g;
          out[2] = b;
          if (!opaque)
            out[3] = a;
        }
      png_write_row (png, row);
    }

  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  g_free (row);

  return TRUE;
}

/* Names the drawing, as PDF metadata do: a <title> first in <svg>. */
static void
insert_svg_title (GByteArray *bytes,
                  const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *element = g_strdup_printf ("\n<title>%s</title>", escaped);
  const char *data = (const char *) bytes->data;
  const char *svg = g_strstr_len (data, bytes->len, "<svg");
  g_autoptr(GByteArray) rest = NULL;
  const char *end;
  gsize at;

  if (svg == NULL || (end = memchr (svg, '>', bytes->len - (svg - data))) == NULL)
    return;

  at = end + 1 - data;
  rest = g_byte_array_new ();
  g_byte_array_append (rest, bytes->data + at, bytes->len - at);
  g_byte_array_set_size (bytes, at);
  g_byte_array_append (bytes, (const guint8 *) element, strlen (element));
  g_byte_array_append (bytes, rest->data, rest->len);
}

/**
 * distretto_export_render_bytes:
 * @func: (scope call): draws what is exported
 * @user_data: (closure func): data for @func
 * @title: (nullable): the document title, for PDF metadata and the SVG
 *   `<title>`
 * @format: the file format
 * @width: the width, in pixels for PNG and points for SVG and PDF
 * @height: the height, in the same unit
 * @error: return location for a #GError
 *
 * Renders @func to a file in memory: the one path from a drawing to PNG,
 * SVG or PDF, for charts and for the views modules draw themselves.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
distretto_export_render_bytes (DistrettoRenderFunc    func,
                               gpointer               user_data,
                               const char            *title,
                               DistrettoChartFormat   format,
                               double                 width,
                               double                 height,
                               GError               **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) draw_error = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  gboolean drawn;
  cairo_t *cr;

  g_return_val_if_fail (func != NULL, NULL);
  g_return_val_if_fail (format <= DISTRETTO_CHART_FORMAT_PDF, NULL);

  if (width < 1 || height < 1 || width > 32767 || height > 32767)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The size %.0f×%.0f is out of range: width and height must be between 1 and 32767"),
                   width, height);
      return NULL;
    }

  switch (format)
    {
    case DISTRETTO_CHART_FORMAT_PNG:
      surface = create_image_surface ((int) width, (int) height);
      break;

    case DISTRETTO_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_to_byte_array, bytes, width, height);
      break;

    case DISTRETTO_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, bytes, width, height);
      if (title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Distretto");
      break;

    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  drawn = func (cr, width, height, user_data, &draw_error);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (drawn && status == CAIRO_STATUS_SUCCESS && format == DISTRETTO_CHART_FORMAT_PNG)
    {
      cairo_surface_flush (surface);
      if (!write_png (surface, bytes))
        status = CAIRO_STATUS_WRITE_ERROR;
    }

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!drawn)
    {
      if (draw_error != NULL)
        g_propagate_error (error, g_steal_pointer (&draw_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the chart"));
      return NULL;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return NULL;
    }

  if (format == DISTRETTO_CHART_FORMAT_SVG && title != NULL)
    insert_svg_title (bytes, title);

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * distretto_export_render_file:
 * @func: (scope call): draws what is exported
 * @user_data: (closure func): data for @func
 * @title: (nullable): the document title, for PDF metadata and the SVG
 *   `<title>`
 * @file: where to write
 * @format: the file format
 * @width: the width, in pixels for PNG and points for SVG and PDF
 * @height: the height, in the same unit
 * @error: return location for a #GError
 *
 * Renders the drawing, then writes @file with distretto_write_file(): it
 * is replaced only once the whole drawing has been rendered and written,
 * so a failure (a full disk, say) never leaves half a file and keeps the
 * old one.
 *
 * Returns: %TRUE on success
 */
gboolean
distretto_export_render_file (DistrettoRenderFunc    func,
                              gpointer               user_data,
                              const char            *title,
                              GFile                 *file,
                              DistrettoChartFormat   format,
                              double                 width,
                              double                 height,
                              GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!distretto_check_output_file (file, error))
    return FALSE;

  bytes = distretto_export_render_bytes (func, user_data, title, format, width, height, error);
  if (bytes == NULL)
    return FALSE;

  return distretto_write_file (file, bytes, error);
}

static gboolean
render_chart (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data,
              GError  **error)
{
  distretto_chart_render (user_data, cr, width, height, DISTRETTO_CHART_STYLE_PRINT);
  return TRUE;
}

/**
 * distretto_chart_export_bytes:
 * @self: a #DistrettoChart
 * @format: the file format
 * @width: the width, in pixels for PNG and points for SVG and PDF
 * @height: the height, in the same unit
 * @error: return location for a #GError
 *
 * Renders the chart in the print style to a file in memory.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
distretto_chart_export_bytes (DistrettoChart        *self,
                              DistrettoChartFormat   format,
                              double                 width,
                              double                 height,
                              GError               **error)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  return distretto_export_render_bytes (render_chart, self, distretto_chart_get_title (self),
                                        format, width, height, error);
}

/**
 * distretto_chart_export_file:
 * @self: a #DistrettoChart
 * @file: where to write
 * @format: the file format
 * @width: the width, in pixels for PNG and points for SVG and PDF
 * @height: the height, in the same unit
 * @error: return location for a #GError
 *
 * Writes the chart to @file atomically; see distretto_export_render_file().
 *
 * Returns: %TRUE on success
 */
gboolean
distretto_chart_export_file (DistrettoChart        *self,
                             GFile                 *file,
                             DistrettoChartFormat   format,
                             double                 width,
                             double                 height,
                             GError               **error)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);

  return distretto_export_render_file (render_chart, self, distretto_chart_get_title (self),
                                       file, format, width, height, error);
}

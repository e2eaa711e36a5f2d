/* distretto-chart-export.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <png.h>
#include <string.h>
#include <sys/mman.h>
#include <stdlib.h>

#include "distretto-chart-export.h"
#include "../data/distretto-file-writer.h"

static const char *format_names[] = { "png", "svg", "pdf" };
static const char *style_names[] = { "light", "dark", "print" };

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
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_ascii_strcasecmp (name, format_names[i]) == 0)
        {
          *format = (DistrettoChartFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * distretto_chart_format_get_name:
 * @format: a #DistrettoChartFormat
 *
 * Returns: its name and file extension: `png`, `svg` or `pdf`
 */
const char *
distretto_chart_format_get_name (DistrettoChartFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), NULL);

  return format_names[format];
}

/**
 * distretto_chart_style_from_name:
 * @name: `light`, `dark` or `print`, in any case
 * @style: (out): the style
 *
 * Returns: %TRUE if @name is a known style
 */
gboolean
distretto_chart_style_from_name (const char          *name,
                                 DistrettoChartStyle *style)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (style_names); i++)
    {
      if (g_ascii_strcasecmp (name, style_names[i]) == 0)
        {
          *style = (DistrettoChartStyle) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * distretto_chart_style_get_name:
 * @style: a #DistrettoChartStyle
 *
 * Returns: its name: `light`, `dark` or `print`
 */
const char *
distretto_chart_style_get_name (DistrettoChartStyle style)
{
  g_return_val_if_fail ((guint) style < G_N_ELEMENTS (style_names), NULL);

  return style_names[style];
}

/**
 * DistrettoExportOptions:
 *
 * How a chart is written to a file: the format, the size (pixels for PNG,
 * points for SVG and PDF), the pixel density of a PNG (2 for a screen
 * that doubles pixels), the style, and the creation date a PDF records
 * (to redraw a file byte for byte, see `distretto reproduce`).
 */
struct _DistrettoExportOptions
{
  DistrettoChartFormat format;
  double width;
  double height;
  double scale;
  DistrettoChartStyle style;
  GDateTime *creation_date;
};

G_DEFINE_BOXED_TYPE (DistrettoExportOptions, distretto_export_options,
                     distretto_export_options_copy, distretto_export_options_free)

/**
 * distretto_export_options_new:
 * @format: the file format
 * @width: the width, in pixels for PNG and points for SVG and PDF
 * @height: the height, in the same unit
 *
 * Returns: (transfer full): options for a file of that size, at scale 1,
 *   in the print style
 */
DistrettoExportOptions *
distretto_export_options_new (DistrettoChartFormat format,
                              double               width,
                              double               height)
{
  DistrettoExportOptions *self = g_new0 (DistrettoExportOptions, 1);

  self->format = format;
  self->width = width;
  self->height = height;
  self->scale = 1.0;
  self->style = DISTRETTO_CHART_STYLE_PRINT;
  return self;
}

/**
 * distretto_export_options_copy:
 * @self: a #DistrettoExportOptions
 *
 * Returns: (transfer full): a copy of @self
 */
DistrettoExportOptions *
distretto_export_options_copy (const DistrettoExportOptions *self)
{
  DistrettoExportOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  if (copy->creation_date != NULL)
    g_date_time_ref (copy->creation_date);
  return copy;
}

/**
 * distretto_export_options_free:
 * @self: (transfer full): a #DistrettoExportOptions
 *
 * Frees @self.
 */
void
distretto_export_options_free (DistrettoExportOptions *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->creation_date, g_date_time_unref);
  g_free (self);
}

/**
 * distretto_export_options_get_format:
 * @self: a #DistrettoExportOptions
 *
 * Returns: the file format
 */
DistrettoChartFormat
distretto_export_options_get_format (const DistrettoExportOptions *self)
{
  g_return_val_if_fail (self != NULL, DISTRETTO_CHART_FORMAT_PNG);
  return self->format;
}

/**
 * distretto_export_options_get_width:
 * @self: a #DistrettoExportOptions
 *
 * Returns: the width, in pixels for PNG (before the scale) and points
 *   for SVG and PDF
 */
double
distretto_export_options_get_width (const DistrettoExportOptions *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->width;
}

/**
 * distretto_export_options_get_height:
 * @self: a #DistrettoExportOptions
 *
 * Returns: the height, in the width's unit
 */
double
distretto_export_options_get_height (const DistrettoExportOptions *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->height;
}

/**
 * distretto_export_options_get_scale:
 * @self: a #DistrettoExportOptions
 *
 * Returns: the pixels of a PNG per unit of its size
 */
double
distretto_export_options_get_scale (const DistrettoExportOptions *self)
{
  g_return_val_if_fail (self != NULL, 1.0);
  return self->scale;
}

/**
 * distretto_export_options_set_scale:
 * @self: a #DistrettoExportOptions
 * @scale: the pixels of a PNG per unit of its size, 1 to
 *   %DISTRETTO_EXPORT_MAX_SCALE: a 1920 × 1080 export at scale 2 is a
 *   3840 × 2160 image of the same drawing; SVG and PDF ignore it
 *
 * Sets the pixel density of a PNG.
 */
void
distretto_export_options_set_scale (DistrettoExportOptions *self,
                                    double                  scale)
{
  g_return_if_fail (self != NULL);
  self->scale = scale;
}

/**
 * distretto_export_options_get_style:
 * @self: a #DistrettoExportOptions
 *
 * Returns: the colours the chart is drawn in
 */
DistrettoChartStyle
distretto_export_options_get_style (const DistrettoExportOptions *self)
{
  g_return_val_if_fail (self != NULL, DISTRETTO_CHART_STYLE_PRINT);
  return self->style;
}

/**
 * distretto_export_options_set_style:
 * @self: a #DistrettoExportOptions
 * @style: the colours to draw in
 *
 * Sets the style: print (the default) for documents, light or dark for
 * slides.
 */
void
distretto_export_options_set_style (DistrettoExportOptions *self,
                                    DistrettoChartStyle     style)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (style <= DISTRETTO_CHART_STYLE_PRINT);
  self->style = style;
}

/**
 * distretto_export_options_get_creation_date:
 * @self: a #DistrettoExportOptions
 *
 * Returns: (transfer none) (nullable): the creation date a PDF records,
 *   or %NULL for the time it is written
 */
GDateTime *
distretto_export_options_get_creation_date (const DistrettoExportOptions *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->creation_date;
}

/**
 * distretto_export_options_set_creation_date:
 * @self: a #DistrettoExportOptions
 * @date: (nullable): the creation date a PDF records, or %NULL for the
 *   time it is written
 *
 * Sets the date in a PDF's metadata, the one thing that would otherwise
 * differ between two exports of the same chart.
 */
void
distretto_export_options_set_creation_date (DistrettoExportOptions *self,
                                            GDateTime              *date)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->creation_date, g_date_time_unref);
  if (date != NULL)
    self->creation_date = g_date_time_ref (date);
}

/**
 * distretto_export_options_check:
 * @self: a #DistrettoExportOptions
 * @error: return location for a #G_IO_ERROR_INVALID_ARGUMENT
 *
 * Checks that the size and the scale can be drawn: sides from 1 to
 * 32767, and a PNG of at most 32767 pixels a side and 400 million pixels.
 *
 * Returns: %TRUE if they can
 */
gboolean
distretto_export_options_check (const DistrettoExportOptions  *self,
                                GError                       **error)
{
  double pixels_wide, pixels_high;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!(self->width >= 1 && self->height >= 1 && self->width <= 32767 && self->height <= 32767))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The size %.0f×%.0f is out of range: width and height must be between 1 and 32767"),
                   self->width, self->height);
      return FALSE;
    }

  if (!(self->scale >= 1.0 && self->scale <= DISTRETTO_EXPORT_MAX_SCALE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The scale %g is out of range: it must be between 1 and %g"),
                   self->scale, DISTRETTO_EXPORT_MAX_SCALE);
      return FALSE;
    }

  pixels_wide = ceil (self->width * self->scale);
  pixels_high = ceil (self->height * self->scale);
  if (self->format == DISTRETTO_CHART_FORMAT_PNG &&
      (pixels_wide > 32767 || pixels_high > 32767 || pixels_wide * pixels_high > 400e6))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The image would be %.0f×%.0f pixels: at most 32767 a side and 400 million in all"),
                   pixels_wide, pixels_high);
      return FALSE;
    }

  return TRUE;
}

static const struct
{
  const char *name;
  double width;
  double height;
} sizes[] = {
  { "slide", 1920, 1080 },
  { "a4", 595, 842 },
  { "a4-landscape", 842, 595 },
  { "square", 1080, 1080 },
};

/**
 * distretto_export_size_from_name:
 * @name: `slide` (16:9, 1920 × 1080), `a4` (595 × 842 points, portrait),
 *   `a4-landscape` (842 × 595) or `square` (1080 × 1080)
 * @width: (out): the width, in pixels for PNG and points for SVG and PDF
 * @height: (out): the height
 *
 * The sizes the export dialog and `distretto export --size` offer.
 *
 * Returns: %TRUE if @name is a known size
 */
gboolean
distretto_export_size_from_name (const char *name,
                                 double     *width,
                                 double     *height)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (g_ascii_strcasecmp (name, sizes[i].name) == 0)
      {
        *width = sizes[i].width;
        *height = sizes[i].height;
        return TRUE;
      }

  return FALSE;
}

/**
 * distretto_export_get_zoom:
 * @width: the width of an export, in its units
 * @height: its height
 *
 * How much larger than laid out an export draws its chart: charts are
 * laid out at most %DISTRETTO_EXPORT_DESIGN_WIDTH wide, so that on a
 * 1920 × 1080 slide the text is as large, against the chart, as on a
 * 1280 × 720 one.
 *
 * Returns: the zoom, 1 or more
 */
double
distretto_export_get_zoom (double width,
                           double height)
{
  return MAX (1.0, width / DISTRETTO_EXPORT_DESIGN_WIDTH);
}

/**
 * distretto_chart_render_for_export:
 * @self: a #DistrettoChart
 * @cr: a cairo context; the chart fills (0, 0, @width, @height)
 * @width: the width of the export, in its units
 * @height: its height
 * @style: the colours to use
 *
 * Draws the chart as every export does, with its selection, laid out at
 * the size of distretto_export_get_zoom(): the files, the export
 * dialog's preview, the clipboard's image and the printed page are this
 * same drawing.
 */
void
distretto_chart_render_for_export (DistrettoChart      *self,
                                   cairo_t             *cr,
                                   double               width,
                                   double               height,
                                   DistrettoChartStyle  style)
{
  g_autoptr(DistrettoChartRenderOptions) options = NULL;
  double zoom = distretto_export_get_zoom (width, height);

  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  options = distretto_chart_render_options_new (style);
  distretto_chart_render_options_set_selected (options, distretto_chart_get_selected (self));

  cairo_save (cr);
  cairo_scale (cr, zoom, zoom);
  distretto_chart_render_with_options (self, cr, width / zoom, height / zoom, options);
  cairo_restore (cr);
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

/* cairo names an SVG's surfaces and images by numbers it counts over the
 * whole process (`surface7`, `#image12`): renumbered in the order they
 * appear, the same drawing gives the same file whatever was drawn before
 * it, and `distretto reproduce` can compare bytes. */
static void
renumber_svg_ids (GByteArray *bytes)
{
  static const char *prefixes[] = { "surface", "image" };
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GByteArray) out = g_byte_array_sized_new (bytes->len);
  const char *data = (const char *) bytes->data;
  guint counts[G_N_ELEMENTS (prefixes)] = { 0, };
  gsize run = 0;

  for (gsize i = 0; i < bytes->len; i++)
    {
      gsize at;

      /* After `id="` or `#` only. */
      if (data[i] == '#')
        at = i + 1;
      else if (data[i] == '"' && i >= 3 && memcmp (data + i - 3, "id=", 3) == 0)
        at = i + 1;
      else
        continue;

      for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
        {
          gsize len = strlen (prefixes[p]), end = at + len;
          g_autofree char *key = NULL;
          char number[32];
          gpointer found;

          if (end >= bytes->len || memcmp (data + at, prefixes[p], len) != 0 || !g_ascii_isdigit (data[end]))
            continue;
          while (end < bytes->len && g_ascii_isdigit (data[end]))
            end++;

          key = g_strndup (data + at, end - at);
          if (!g_hash_table_lookup_extended (numbers, key, NULL, &found))
            {
              found = GUINT_TO_POINTER (++counts[p]);
              g_hash_table_insert (numbers, g_steal_pointer (&key), found);
            }
          g_byte_array_append (out, (const guint8 *) data + run, at + len - run);
          g_snprintf (number, sizeof number, "%u", GPOINTER_TO_UINT (found));
          g_byte_array_append (out, (const guint8 *) number, strlen (number));
          run = end;
          i = end - 1;
          break;
        }
    }

  if (run == 0)
    return;

  g_byte_array_append (out, (const guint8 *) data + run, bytes->len - run);
  g_byte_array_set_size (bytes, 0);
  g_byte_array_append (bytes, out->data, out->len);
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

static void
set_pdf_date (cairo_surface_t *surface,
              GDateTime       *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return;

  text = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, text);
}

/**
 * distretto_export_render_bytes_with_options:
 * @func: (scope call): draws what is exported
 * @user_data: (closure func): data for @func
 * @title: (nullable): the document title, for PDF metadata and the SVG
 *   `<title>`
 * @options: the format, size, scale and creation date
 * @error: return location for a #GError
 *
 * Renders @func to a file in memory: the one path from a drawing to PNG,
 * SVG or PDF, for charts and for the views modules draw themselves. @func
 * draws in the size of @options; a PNG has that size times the scale in
 * pixels.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
distretto_export_render_bytes_with_options (DistrettoRenderFunc            func,
                                            gpointer                       user_data,
                                            const char                    *title,
                                            const DistrettoExportOptions  *options,
                                            GError                       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) draw_error = NULL;
  cairo_surface_t *surface = NULL;
  double width, height;
  cairo_status_t status;
  gboolean drawn;
  cairo_t *cr;

  g_return_val_if_fail (func != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->format <= DISTRETTO_CHART_FORMAT_PDF, NULL);

  if (!distretto_export_options_check (options, error))
    return NULL;

  width = options->width;
  height = options->height;

  switch (options->format)
    {
    case DISTRETTO_CHART_FORMAT_PNG:
      surface = create_image_surface ((int) ceil (width * options->scale), (int) ceil (height * options->scale));
      cairo_surface_set_device_scale (surface, options->scale, options->scale);
      break;

    case DISTRETTO_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_to_byte_array, bytes, width, height);
      break;

    case DISTRETTO_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, bytes, width, height);
      if (title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Distretto");
      set_pdf_date (surface, options->creation_date);
      break;

    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  drawn = func (cr, width, height, user_data, &draw_error);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (drawn && status == CAIRO_STATUS_SUCCESS && options->format == DISTRETTO_CHART_FORMAT_PNG)
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

  if (options->format == DISTRETTO_CHART_FORMAT_SVG)
    renumber_svg_ids (bytes);
  if (options->format == DISTRETTO_CHART_FORMAT_SVG && title != NULL)
    insert_svg_title (bytes, title);

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
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
 * Renders @func to a file in memory at scale 1; see
 * distretto_export_render_bytes_with_options().
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
  g_autoptr(DistrettoExportOptions) options = distretto_export_options_new (format, width, height);

  g_return_val_if_fail (format <= DISTRETTO_CHART_FORMAT_PDF, NULL);

  return distretto_export_render_bytes_with_options (func, user_data, title, options, error);
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

typedef struct
{
  DistrettoChart *chart;
  DistrettoChartStyle style;
} ChartDrawing;

static gboolean
render_chart (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data,
              GError  **error)
{
  ChartDrawing *drawing = user_data;

  distretto_chart_render_for_export (drawing->chart, cr, width, height, drawing->style);
  return TRUE;
}

/**
 * distretto_chart_export_bytes_with_options:
 * @self: a #DistrettoChart
 * @options: the format, size, scale, style and creation date
 * @error: return location for a #GError
 *
 * Renders the chart as distretto_chart_render_for_export() draws it to a
 * file in memory.
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error set
 */
GBytes *
distretto_chart_export_bytes_with_options (DistrettoChart                *self,
                                           const DistrettoExportOptions  *options,
                                           GError                       **error)
{
  ChartDrawing drawing;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  drawing.chart = self;
  drawing.style = options->style;
  return distretto_export_render_bytes_with_options (render_chart, &drawing, distretto_chart_get_title (self),
                                                     options, error);
}

/**
 * distretto_chart_export_file_with_options:
 * @self: a #DistrettoChart
 * @file: where to write
 * @options: the format, size, scale, style and creation date
 * @error: return location for a #GError
 *
 * Writes the chart to @file atomically; see distretto_export_render_file().
 *
 * Returns: %TRUE on success
 */
gboolean
distretto_chart_export_file_with_options (DistrettoChart                *self,
                                          GFile                         *file,
                                          const DistrettoExportOptions  *options,
                                          GError                       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!distretto_check_output_file (file, error))
    return FALSE;

  bytes = distretto_chart_export_bytes_with_options (self, options, error);
  if (bytes == NULL)
    return FALSE;

  return distretto_write_file (file, bytes, error);
}

/**
 * distretto_chart_export_bytes:
 * @self: a #DistrettoChart
 * @format: the file format
 * @width: the width, in pixels for PNG and points for SVG and PDF
 * @height: the height, in the same unit
 * @error: return location for a #GError
 *
 * Renders the chart in the print style, at scale 1, to a file in memory.
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
  g_autoptr(DistrettoExportOptions) options = distretto_export_options_new (format, width, height);

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  return distretto_chart_export_bytes_with_options (self, options, error);
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
 * Writes the chart to @file atomically in the print style, at scale 1;
 * see distretto_export_render_file().
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
  g_autoptr(DistrettoExportOptions) options = distretto_export_options_new (format, width, height);

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);

  return distretto_chart_export_file_with_options (self, file, options, error);
}

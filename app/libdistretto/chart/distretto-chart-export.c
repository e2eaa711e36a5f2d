/* distretto-chart-export.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "distretto-chart-export.h"

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
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
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
    status = cairo_surface_write_to_png_stream (surface, append_to_byte_array, bytes);

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
 * Writes @file atomically: it is replaced only once the whole drawing has
 * been rendered and written, so a failure never leaves half a file.
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

  bytes = distretto_export_render_bytes (func, user_data, title, format, width, height, error);
  if (bytes == NULL)
    return FALSE;

  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes),
                                  NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
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

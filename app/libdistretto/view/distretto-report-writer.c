/* distretto-report-writer.c: the pages of a multi-page PDF report
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "distretto-report-private.h"

/* Each page is drawn onto a recording surface as the text flows; once the
 * last one is drawn their number is known, and each is played into the
 * PDF with its footer ("page 2 of 7"). Text is laid out by Pango, so the
 * PDF embeds the fonts' subsets and its text can be selected and
 * searched. */

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"
#define FOOTER_SIZE 8.0
#define CHART_WIDTH 760.0

struct _DistrettoReportWriter
{
  GPtrArray *pages;       /* cairo_surface_t, recording */
  cairo_t *cr;            /* on the last page */
  double y;               /* where the next block goes */
  char *footer;
  gboolean synthetic;
};

static const struct
{
  double size;
  gboolean bold;
  gboolean muted;
  double space_after;
} kinds[] = {
  [DISTRETTO_REPORT_TEXT_BODY] = { 10.0, FALSE, FALSE, 6.0 },
  [DISTRETTO_REPORT_TEXT_SMALL] = { 8.5, FALSE, TRUE, 4.0 },
  [DISTRETTO_REPORT_TEXT_HEADING] = { 13.0, TRUE, FALSE, 6.0 },
  [DISTRETTO_REPORT_TEXT_TITLE] = { 20.0, TRUE, FALSE, 4.0 },
  [DISTRETTO_REPORT_TEXT_COVER] = { 30.0, TRUE, FALSE, 8.0 },
  [DISTRETTO_REPORT_TEXT_FIGURE] = { 18.0, TRUE, FALSE, 2.0 },
};

static double
content_width (void)
{
  return DISTRETTO_REPORT_PAGE_WIDTH - 2 * DISTRETTO_REPORT_MARGIN;
}

static double
content_bottom (void)
{
  /* The footer's line below. */
  return DISTRETTO_REPORT_PAGE_HEIGHT - DISTRETTO_REPORT_MARGIN;
}

static void
set_color (cairo_t  *cr,
           gboolean  muted)
{
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_PRINT);
  const DistrettoChartColor *color = muted ? &palette->muted : &palette->foreground;

  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

static PangoLayout *
create_layout (cairo_t             *cr,
               const char          *text,
               double               size,
               gboolean             bold,
               double               width)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  PangoLayout *layout = pango_cairo_create_layout (cr);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

DistrettoReportWriter *
_distretto_report_writer_new (const char *footer,
                              gboolean    synthetic)
{
  DistrettoReportWriter *self = g_new0 (DistrettoReportWriter, 1);

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  self->footer = g_strdup (footer);
  self->synthetic = synthetic;
  _distretto_report_writer_new_page (self);

  return self;
}

void
_distretto_report_writer_free (DistrettoReportWriter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->cr, cairo_destroy);
  g_ptr_array_unref (self->pages);
  g_free (self->footer);
  g_free (self);
}

void
_distretto_report_writer_new_page (DistrettoReportWriter *self)
{
  cairo_rectangle_t extents = { 0, 0, DISTRETTO_REPORT_PAGE_WIDTH, DISTRETTO_REPORT_PAGE_HEIGHT };
  cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  g_clear_pointer (&self->cr, cairo_destroy);
  g_ptr_array_add (self->pages, page);
  self->cr = cairo_create (page);
  self->y = DISTRETTO_REPORT_MARGIN;
}

cairo_t *
_distretto_report_writer_get_cr (DistrettoReportWriter *self)
{
  return self->cr;
}

double
_distretto_report_writer_get_y (DistrettoReportWriter *self)
{
  return self->y;
}

void
_distretto_report_writer_skip (DistrettoReportWriter *self,
                               double                 height)
{
  self->y += height;
}

/* A new page unless @height fits below. */
void
_distretto_report_writer_ensure (DistrettoReportWriter *self,
                                 double                 height)
{
  if (self->y + height > content_bottom () && self->y > DISTRETTO_REPORT_MARGIN)
    _distretto_report_writer_new_page (self);
}

double
_distretto_report_writer_measure (DistrettoReportWriter *self,
                                  const char            *text,
                                  DistrettoReportText    kind,
                                  double                 width)
{
  g_autoptr(PangoLayout) layout = create_layout (self->cr, text, kinds[kind].size, kinds[kind].bold,
                                                 width > 0 ? width : content_width ());
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

/* A paragraph across the page, line by line onto as many pages as it
 * takes. */
void
_distretto_report_writer_text (DistrettoReportWriter *self,
                               const char            *text,
                               DistrettoReportText    kind)
{
  g_autoptr(PangoLayout) layout = create_layout (self->cr, text, kinds[kind].size, kinds[kind].bold, content_width ());
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int baseline = pango_layout_iter_get_baseline (iter);
      int top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = logical.y;

      if (self->y + (double) logical.height / PANGO_SCALE > content_bottom ())
        {
          /* A layout belongs to one context: the next page's. */
          _distretto_report_writer_new_page (self);
          pango_cairo_update_layout (self->cr, layout);
        }

      set_color (self->cr, kinds[kind].muted);
      cairo_move_to (self->cr, DISTRETTO_REPORT_MARGIN, self->y + (double) (baseline - top) / PANGO_SCALE);
      pango_cairo_show_layout_line (self->cr, line);
      self->y += (double) logical.height / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
  self->y += kinds[kind].space_after;
}

/* Text at a place of the page, @width wide; the cursor does not move. */
void
_distretto_report_writer_text_at (DistrettoReportWriter *self,
                                  const char            *text,
                                  DistrettoReportText    kind,
                                  double                 x,
                                  double                 y,
                                  double                 width)
{
  g_autoptr(PangoLayout) layout = create_layout (self->cr, text, kinds[kind].size, kinds[kind].bold, width);

  set_color (self->cr, kinds[kind].muted);
  cairo_move_to (self->cr, x, y);
  pango_cairo_show_layout (self->cr, layout);
}

/* A chart across the page, @height high, on this page if it fits: laid
 * out CHART_WIDTH wide, as on a screen, and drawn smaller. */
void
_distretto_report_writer_chart (DistrettoReportWriter *self,
                                DistrettoChart        *chart,
                                double                 height)
{
  double zoom = content_width () / CHART_WIDTH;

  _distretto_report_writer_ensure (self, height);

  cairo_save (self->cr);
  cairo_translate (self->cr, DISTRETTO_REPORT_MARGIN, self->y);
  cairo_rectangle (self->cr, 0, 0, content_width (), height);
  cairo_clip (self->cr);
  cairo_scale (self->cr, zoom, zoom);
  distretto_chart_render (chart, self->cr, CHART_WIDTH, height / zoom, DISTRETTO_CHART_STYLE_PRINT);
  cairo_restore (self->cr);

  self->y += height + 8;
}

/* A thin line across the page. */
void
_distretto_report_writer_rule (DistrettoReportWriter *self)
{
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_PRINT);

  cairo_save (self->cr);
  cairo_set_source_rgb (self->cr, palette->grid.red, palette->grid.green, palette->grid.blue);
  cairo_set_line_width (self->cr, 0.75);
  cairo_move_to (self->cr, DISTRETTO_REPORT_MARGIN, self->y + 0.5);
  cairo_line_to (self->cr, DISTRETTO_REPORT_PAGE_WIDTH - DISTRETTO_REPORT_MARGIN, self->y + 0.5);
  cairo_stroke (self->cr);
  cairo_restore (self->cr);
  self->y += 10;
}

/* A warning in a framed box across the page. */
void
_distretto_report_writer_box (DistrettoReportWriter *self,
                              const char            *text)
{
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_PRINT);
  const DistrettoChartColor *warning = &palette->categories[3];
  double padding = 10;
  double height = _distretto_report_writer_measure (self, text, DISTRETTO_REPORT_TEXT_BODY,
                                                    content_width () - 2 * padding) + 2 * padding;

  _distretto_report_writer_ensure (self, height);
  cairo_save (self->cr);
  cairo_set_source_rgb (self->cr, warning->red, warning->green, warning->blue);
  cairo_set_line_width (self->cr, 1.5);
  cairo_rectangle (self->cr, DISTRETTO_REPORT_MARGIN + 0.75, self->y + 0.75, content_width () - 1.5, height - 1.5);
  cairo_stroke (self->cr);
  cairo_restore (self->cr);

  _distretto_report_writer_text_at (self, text, DISTRETTO_REPORT_TEXT_BODY, DISTRETTO_REPORT_MARGIN + padding,
                                    self->y + padding, content_width () - 2 * padding);
  self->y += height + 10;
}

guint
_distretto_report_writer_get_n_pages (DistrettoReportWriter *self)
{
  return self->pages->len;
}

/* The tag in the top right corner of every page made of synthetic data. */
static void
draw_synthetic_mark (cairo_t *cr)
{
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_PRINT);
  const DistrettoChartColor *warning = &palette->categories[3];
  /* TRANSLATORS: the tag in the corner of every chart and page made from the demo dataset */
  g_autoptr(PangoLayout) layout = create_layout (cr, _("SYNTHETIC DEMO DATA"), FOOTER_SIZE, TRUE, -1);
  int w, h;
  double x, y = DISTRETTO_REPORT_MARGIN / 2 - 6;

  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  x = DISTRETTO_REPORT_PAGE_WIDTH - DISTRETTO_REPORT_MARGIN - w - 10;

  cairo_set_source_rgb (cr, warning->red, warning->green, warning->blue);
  cairo_rectangle (cr, x, y, w + 10, h + 4);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x + 5, y + 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_footer (DistrettoReportWriter *self,
             cairo_t               *cr,
             guint                  page,
             guint                  n_pages)
{
  /* TRANSLATORS: a report's page number: this page and how many there are */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page, n_pages);
  g_autoptr(PangoLayout) left = create_layout (cr, self->footer, FOOTER_SIZE, FALSE, content_width () * 0.7);
  g_autoptr(PangoLayout) right = create_layout (cr, number, FOOTER_SIZE, FALSE, content_width () * 0.3);
  double y = DISTRETTO_REPORT_PAGE_HEIGHT - DISTRETTO_REPORT_MARGIN / 2 - FOOTER_SIZE;

  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  set_color (cr, TRUE);
  cairo_move_to (cr, DISTRETTO_REPORT_MARGIN, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, DISTRETTO_REPORT_MARGIN + content_width () * 0.7, y);
  pango_cairo_show_layout (cr, right);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The PDF of every page, each with its footer and, for synthetic data,
 * its mark; @date is the creation date it records. */
GBytes *
_distretto_report_writer_finish (DistrettoReportWriter  *self,
                                 const char             *title,
                                 GDateTime              *date,
                                 GError                **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *created = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_surface_t *pdf;
  cairo_status_t status;
  cairo_t *cr;

  g_clear_pointer (&self->cr, cairo_destroy);

  pdf = cairo_pdf_surface_create_for_stream (append_bytes, bytes, DISTRETTO_REPORT_PAGE_WIDTH,
                                             DISTRETTO_REPORT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATOR, "Distretto");
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (pdf);
  for (guint i = 0; i < self->pages->len; i++)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_set_source_surface (cr, g_ptr_array_index (self->pages, i), 0, 0);
      cairo_paint (cr);
      draw_footer (self, cr, i + 1, self->pages->len);
      if (self->synthetic)
        draw_synthetic_mark (cr);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (pdf);
  cairo_surface_destroy (pdf);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the report: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

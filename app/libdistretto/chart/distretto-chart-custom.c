/* distretto-chart-custom.c: a chart whose body someone else draws
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "distretto-chart-private.h"

/* The body of a module's own view: the host draws the frame (title,
 * subtitle, unit, source, notes), the function what lies between. */

typedef struct
{
  int unused;
} Layout;

static const cairo_user_data_key_t style_key;
static const cairo_user_data_key_t selected_key;

/**
 * distretto_chart_new_custom:
 * @title: the chart's title
 * @func: (scope notified) (closure user_data) (destroy destroy): draws the body
 * @user_data: data for @func
 * @destroy: frees @user_data with the chart
 *
 * Creates a chart whose body @func draws, in the frame every chart has:
 * title, subtitle, unit, source line and notes. It is drawn, exported
 * and printed like any chart; it has no data table and nothing to
 * hit-test.
 *
 * Returns: (transfer full): a new #DistrettoChart
 */
DistrettoChart *
distretto_chart_new_custom (const char             *title,
                            DistrettoChartBodyFunc  func,
                            gpointer                user_data,
                            GDestroyNotify          destroy)
{
  DistrettoChart *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (DISTRETTO_TYPE_CHART,
                       "kind", DISTRETTO_CHART_KIND_CUSTOM,
                       "title", title,
                       NULL);
  self->body_func = func;
  self->body_data = user_data;
  self->body_destroy = destroy;

  return self;
}

static double
natural_height (DistrettoChart *self)
{
  return DISTRETTO_CHART_CUSTOM_HEIGHT;
}

/* Where the body goes: below the header and the unit, above the source. */
static void
body_frame (DistrettoChart *self,
            cairo_t        *cr,
            double          width,
            double          height,
            double         *top,
            double         *body_width,
            double         *body_height)
{
  double bottom = height - DISTRETTO_CHART_MARGIN;

  *top = _distretto_chart_header_bottom (self, cr);
  if (self->unit != NULL)
    *top += _distretto_chart_text_height (cr, self->unit, 12.0) + 6;
  if (self->source != NULL)
    bottom -= _distretto_chart_text_height (cr, self->source, 11.0) + 8;

  *body_width = width - 2 * DISTRETTO_CHART_MARGIN;
  *body_height = bottom - *top;
}

static void
render (DistrettoChart                    *self,
        cairo_t                           *cr,
        const DistrettoChartPalette       *palette,
        const DistrettoChartRenderOptions *options,
        double                             width,
        double                             height)
{
  g_autoptr(GError) error = NULL;
  double top, body_width, body_height;
  gboolean drawn;

  body_frame (self, cr, width, height, &top, &body_width, &body_height);
  if (self->unit != NULL)
    {
      _distretto_chart_set_color (cr, &palette->muted);
      _distretto_chart_show_layout (cr, _distretto_chart_keep_layout (self, cr, "unit", self->unit, 12.0, FALSE),
                                    DISTRETTO_CHART_MARGIN, top - _distretto_chart_text_height (cr, self->unit, 12.0) - 6);
    }

  if (self->body_func == NULL || body_width < 40 || body_height < 40)
    {
      _distretto_chart_draw_message (cr, palette, _("Too small to draw"), width, height);
      return;
    }

  cairo_save (cr);
  cairo_translate (cr, DISTRETTO_CHART_MARGIN, top);
  cairo_rectangle (cr, 0, 0, body_width, body_height);
  cairo_clip (cr);
  cairo_set_user_data (cr, &style_key, GINT_TO_POINTER (options->style + 1), NULL);
  cairo_set_user_data (cr, &selected_key, options->selected, NULL);
  drawn = self->body_func (cr, body_width, body_height, options->style, self->body_data, &error);
  cairo_set_user_data (cr, &selected_key, NULL, NULL);
  cairo_set_user_data (cr, &style_key, NULL, NULL);
  cairo_restore (cr);

  if (!drawn)
    _distretto_chart_draw_message (cr, palette,
                                   error != NULL ? error->message : _("The view could not be drawn"),
                                   width, height);
}

static const char *
layout (DistrettoChart *self,
        cairo_t        *cr,
        double          width,
        double          height,
        gpointer        data)
{
  return NULL;
}

static gboolean
hit_test (DistrettoChart *self,
          gconstpointer   data,
          double          x,
          double          y,
          guint          *index,
          int            *axis)
{
  return FALSE;
}

static char *
dup_table (DistrettoChart *self)
{
  return NULL;
}

const DistrettoChartKindClass _distretto_chart_custom_class = {
  .natural_height = natural_height,
  .render = render,
  .layout_size = sizeof (Layout),
  .layout = layout,
  .hit_test = hit_test,
  .dup_table = dup_table,
};

/**
 * distretto_chart_style_get_for_context:
 * @cr: the cairo context a custom chart's body is drawn on
 *
 * The style a custom chart is drawn in, for a module's own view
 * (#DistrettoIndicatorInterface.render_view) to pick its colours from
 * distretto_chart_style_get_palette(), so it reads in a dark window as
 * in a printed report.
 *
 * Returns: the style; %DISTRETTO_CHART_STYLE_PRINT outside a chart
 */
DistrettoChartStyle
distretto_chart_style_get_for_context (cairo_t *cr)
{
  int style;

  g_return_val_if_fail (cr != NULL, DISTRETTO_CHART_STYLE_PRINT);

  style = GPOINTER_TO_INT (cairo_get_user_data (cr, &style_key));
  return style > 0 ? (DistrettoChartStyle) (style - 1) : DISTRETTO_CHART_STYLE_PRINT;
}

/**
 * distretto_chart_get_selected_for_context:
 * @cr: the cairo context a custom chart's body is drawn on
 *
 * The region selected in the drawing of a custom chart, for a module's
 * own view to mark it (the window's selection, or `export --region`).
 *
 * Returns: (nullable): the selected region's code, or %NULL for none or
 *   outside a chart
 */
const char *
distretto_chart_get_selected_for_context (cairo_t *cr)
{
  g_return_val_if_fail (cr != NULL, NULL);

  return cairo_get_user_data (cr, &selected_key);
}

/* distretto-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "distretto-chart-view.h"

/* Shows a DistrettoChart with the same render function as the exporter,
 * in the light or dark style that AdwStyleManager asks for, the region
 * under the pointer highlighted. It takes the keyboard focus: the arrow
 * keys move the selected region through the chart's regions in reading
 * order, Enter opens it; screen readers hear the chart's summary. */
struct _DistrettoChartView
{
  GtkWidget parent_instance;

  DistrettoChart *chart;
  char *hovered;                      /* the region under the pointer */

  /* A map drawn without selection or hover, and what it was drawn for. */
  GdkTexture *map_texture;
  int map_width;
  int map_height;
  int map_scale;
  gboolean map_dark;
  guint map_revision;
};

G_DEFINE_FINAL_TYPE (DistrettoChartView, distretto_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REGION_SELECTED,
  REGION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The map without selection or hover, drawn on an image at the display's
 * scale: on an image its thousands of borders are drawn as hairlines,
 * several times faster than the stroke a recording would replay. */
static GdkTexture *
draw_map_texture (DistrettoChartView *self,
                  int                 width,
                  int                 height,
                  int                 scale,
                  DistrettoChartStyle style)
{
  g_autoptr(DistrettoChartRenderOptions) options = distretto_chart_render_options_new (style);
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  distretto_chart_render_with_options (self->chart, cr, width, height, options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

/* A map is kept as a texture, drawn again only when its size, scale,
 * style or model change; the selection and the region under the pointer
 * are outlined over it, in a node as small as the outlines. */
static void
snapshot_map (DistrettoChartView                *self,
              GtkSnapshot                       *snapshot,
              int                                width,
              int                                height,
              const DistrettoChartRenderOptions *options)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  gboolean dark = distretto_chart_render_options_get_style (options) == DISTRETTO_CHART_STYLE_DARK;
  guint revision = distretto_chart_get_revision (self->chart);
  cairo_surface_t *overlay;
  double x, y, w, h;
  cairo_t *cr;

  if (self->map_texture == NULL || self->map_width != width || self->map_height != height ||
      self->map_scale != scale || self->map_dark != dark || self->map_revision != revision)
    {
      g_clear_object (&self->map_texture);
      self->map_texture = draw_map_texture (self, width, height, scale, distretto_chart_render_options_get_style (options));
      self->map_width = width;
      self->map_height = height;
      self->map_scale = scale;
      self->map_dark = dark;
      self->map_revision = revision;
    }
  gtk_snapshot_append_texture (snapshot, self->map_texture, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (distretto_chart_render_options_get_selected (options) == NULL &&
      distretto_chart_render_options_get_highlighted (options) == NULL)
    return;

  overlay = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (overlay);
  distretto_chart_render_overlay (self->chart, cr, width, height, options);
  cairo_destroy (cr);

  cairo_recording_surface_ink_extents (overlay, &x, &y, &w, &h);
  if (w > 0 && h > 0)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (floor (x), floor (y),
                                                                     ceil (x + w) - floor (x),
                                                                     ceil (y + h) - floor (y)));
      cairo_set_source_surface (cr, overlay, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (overlay);
}

static void
distretto_chart_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  DistrettoChartView *self = DISTRETTO_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(DistrettoChartRenderOptions) options = NULL;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  options = distretto_chart_render_options_new (dark ? DISTRETTO_CHART_STYLE_DARK : DISTRETTO_CHART_STYLE_LIGHT);
  distretto_chart_render_options_set_selected (options, distretto_chart_get_selected (self->chart));
  distretto_chart_render_options_set_highlighted (options, self->hovered);

  if (distretto_chart_get_kind (self->chart) == DISTRETTO_CHART_KIND_MAP)
    {
      snapshot_map (self, snapshot, width, height, options);
      return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  distretto_chart_render_with_options (self->chart, cr, width, height, options);
  cairo_destroy (cr);
}

static void
distretto_chart_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  DistrettoChartView *self = DISTRETTO_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 800;
    }
  else if (self->chart != NULL && distretto_chart_get_kind (self->chart) == DISTRETTO_CHART_KIND_CUSTOM)
    {
      /* A module's view keeps the 3:2 shape it is exported with. */
      *minimum = 200;
      *natural = for_size > 0 ? MAX (200, for_size * 2 / 3) : 400;
    }
  else
    {
      /* Every region gets a readable row; the window scrolls the rest. */
      *minimum = self->chart ? (int) distretto_chart_get_natural_height (self->chart) : 200;
      *natural = *minimum;
    }
}

static gboolean
distretto_chart_view_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard,
                                    GtkTooltip *tooltip)
{
  DistrettoChartView *self = DISTRETTO_CHART_VIEW (widget);
  g_autofree char *text = NULL;

  if (self->chart == NULL)
    return FALSE;

  text = distretto_chart_describe_at (self->chart, gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                                      x, y, NULL);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* What a screen reader says: the chart's title as its name, its summary
 * (top, bottom, the selected region) as its description. */
static void
update_accessible (DistrettoChartView *self)
{
  g_autofree char *summary = NULL;

  if (self->chart == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  summary = distretto_chart_dup_summary (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, distretto_chart_get_title (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

/* Scrolls the selected row of a tall chart into view: its place is found
 * by hit-testing down the middle of the chart. */
static void
scroll_to_selected (DistrettoChartView *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  const char *selected = distretto_chart_get_selected (self->chart);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  GtkAdjustment *adjustment;
  graphene_point_t point;
  double top = -1, bottom = -1;

  if (scrolled == NULL || selected == NULL || width <= 0 || height <= 0)
    return;

  for (int y = 0; y < height; y += 2)
    if (g_strcmp0 (distretto_chart_hit_test_region (self->chart, width, height, width / 2.0, y), selected) == 0)
      {
        if (top < 0)
          top = y;
        bottom = y;
      }
  if (top < 0)
    return;

  if (!gtk_widget_compute_point (GTK_WIDGET (self), scrolled, &GRAPHENE_POINT_INIT (0, top), &point))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_clamp_page (adjustment,
                             gtk_adjustment_get_value (adjustment) + point.y - 24,
                             gtk_adjustment_get_value (adjustment) + point.y + (bottom - top) + 24);
}

static void
select_region (DistrettoChartView *self,
               const char         *code)
{
  distretto_chart_set_selected (self->chart, code);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[REGION_SELECTED], 0, code);
}

/* Up and Left go to the previous region, Down and Right to the next,
 * Home and End to the first and last; Enter or Space open the selected
 * region. */
static gboolean
on_key_pressed_cb (DistrettoChartView *self,
                   guint               keyval,
                   guint               keycode,
                   GdkModifierType     state)
{
  g_auto(GStrv) codes = NULL;
  const char *selected;
  guint n, at = G_MAXUINT;
  int step = 0;

  if (self->chart == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;

  selected = distretto_chart_get_selected (self->chart);
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (selected == NULL)
        return FALSE;
      g_signal_emit (self, signals[REGION_ACTIVATED], 0, selected);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      step = -1;
      break;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      step = 1;
      break;

    case GDK_KEY_Home:
    case GDK_KEY_End:
      break;

    default:
      return FALSE;
    }

  codes = distretto_chart_dup_region_codes (self->chart);
  n = g_strv_length (codes);
  if (n == 0)
    return FALSE;

  for (guint i = 0; selected != NULL && i < n; i++)
    if (g_str_equal (codes[i], selected))
      at = i;

  if (keyval == GDK_KEY_Home)
    at = 0;
  else if (keyval == GDK_KEY_End)
    at = n - 1;
  else if (at == G_MAXUINT)
    at = step > 0 ? 0 : n - 1;
  else if ((step < 0 && at == 0) || (step > 0 && at + 1 >= n))
    return TRUE;
  else
    at += step;

  select_region (self, codes[at]);
  scroll_to_selected (self);
  return TRUE;
}

/* A click on a heatmap's column header sorts the rows by that column, a
 * second click restores the ranking order. */
static gboolean
sort_heatmap (DistrettoChartView *self,
              double              x,
              double              y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int axis;

  if (distretto_chart_get_kind (self->chart) != DISTRETTO_CHART_KIND_HEATMAP ||
      distretto_chart_hit_test (self->chart, width, height, x, y, NULL))
    return FALSE;

  axis = distretto_chart_hit_test_axis (self->chart, width, height, x, y);
  if (axis < 0)
    return FALSE;

  distretto_chart_set_sort_axis (self->chart, axis == distretto_chart_get_sort_axis (self->chart) ? -1 : axis);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

/* A click selects the region under the pointer, a second one clears it. */
static void
on_click_pressed_cb (DistrettoChartView *self,
                     int                 n_press,
                     double              x,
                     double              y)
{
  g_autofree char *text = NULL;
  const char *code = NULL;

  if (self->chart == NULL || sort_heatmap (self, x, y))
    return;

  text = distretto_chart_describe_at (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                                      gtk_widget_get_height (GTK_WIDGET (self)), x, y, &code);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (g_strcmp0 (code, distretto_chart_get_selected (self->chart)) == 0)
    code = NULL;

  select_region (self, code);
}

static void
set_hovered (DistrettoChartView *self,
             const char         *code)
{
  if (g_strcmp0 (self->hovered, code) == 0)
    return;

  g_free (self->hovered);
  self->hovered = g_strdup (code);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The region under the pointer is highlighted. */
static void
on_motion_cb (DistrettoChartView *self,
              double              x,
              double              y)
{
  g_autofree char *text = NULL;
  const char *code = NULL;

  if (self->chart == NULL)
    return;

  text = distretto_chart_describe_at (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                                      gtk_widget_get_height (GTK_WIDGET (self)), x, y, &code);
  set_hovered (self, code);
}

static void
on_leave_cb (DistrettoChartView *self)
{
  set_hovered (self, NULL);
}

static void
on_dark_changed_cb (DistrettoChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
distretto_chart_view_dispose (GObject *object)
{
  DistrettoChartView *self = (DistrettoChartView *)object;

  g_clear_object (&self->chart);
  g_clear_pointer (&self->hovered, g_free);
  g_clear_object (&self->map_texture);

  G_OBJECT_CLASS (distretto_chart_view_parent_class)->dispose (object);
}

static void
distretto_chart_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DistrettoChartView *self = DISTRETTO_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_chart_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DistrettoChartView *self = DISTRETTO_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      distretto_chart_view_set_chart (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_chart_view_class_init (DistrettoChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = distretto_chart_view_dispose;
  object_class->get_property = distretto_chart_view_get_property;
  object_class->set_property = distretto_chart_view_set_property;

  widget_class->snapshot = distretto_chart_view_snapshot;
  widget_class->measure = distretto_chart_view_measure;
  widget_class->query_tooltip = distretto_chart_view_query_tooltip;

  /* Emitted with the code of the region clicked or reached with the
   * arrow keys, or NULL when cleared. */
  signals[REGION_SELECTED] =
    g_signal_new ("region-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* Emitted with the selected region's code on Enter: open its page. */
  signals[REGION_ACTIVATED] =
    g_signal_new ("region-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, DISTRETTO_TYPE_CHART,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
distretto_chart_view_init (DistrettoChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
distretto_chart_view_new (void)
{
  return g_object_new (DISTRETTO_TYPE_CHART_VIEW, NULL);
}

DistrettoChart *
distretto_chart_view_get_chart (DistrettoChartView *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
distretto_chart_view_set_chart (DistrettoChartView *self,
                                DistrettoChart     *chart)
{
  g_return_if_fail (DISTRETTO_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || DISTRETTO_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;

  g_clear_pointer (&self->hovered, g_free);
  g_clear_object (&self->map_texture);

  update_accessible (self);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/* Whether the view shows a module's own drawing rather than a chart of
 * the host's. */
gboolean
distretto_chart_view_get_shows_module_view (DistrettoChartView *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART_VIEW (self), FALSE);

  return self->chart != NULL && distretto_chart_get_kind (self->chart) == DISTRETTO_CHART_KIND_CUSTOM;
}

static gboolean
reveal_selected_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  DistrettoChartView *self = DISTRETTO_CHART_VIEW (widget);

  if (self->chart != NULL)
    scroll_to_selected (self);
  return G_SOURCE_REMOVE;
}

/* Selects @code in the chart shown, as the window asks (no signal). */
void
distretto_chart_view_set_selected (DistrettoChartView *self,
                                   const char         *code)
{
  g_return_if_fail (DISTRETTO_IS_CHART_VIEW (self));

  if (self->chart == NULL)
    return;

  distretto_chart_set_selected (self->chart, code);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Scrolls the selected region into view once the chart is laid out. */
void
distretto_chart_view_reveal_selected (DistrettoChartView *self)
{
  g_return_if_fail (DISTRETTO_IS_CHART_VIEW (self));

  gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_selected_cb, NULL, NULL);
}

/* What a screen reader hears as the chart's description. */
char *
distretto_chart_view_dup_description (DistrettoChartView *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART_VIEW (self), NULL);

  return self->chart != NULL ? distretto_chart_dup_summary (self->chart) : NULL;
}

/* distretto-guarded-indicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-guarded-indicator.h"
#include "distretto-plugin-calls.h"

/* Stands in for a plugin's indicator everywhere the host uses it. Each
 * call into the plugin's code is marked with distretto_plugin_call_begin()
 * (so a crash names the plugin at the next start, and a slow call is
 * reported); the definition is asked for once and kept, so a slow
 * get_definition costs its time when the plugin loads, not again at every
 * chart; errors the plugin reports are passed on. A declarative module's
 * scores come from the host's pipeline, run on the kept definition. */
struct _DistrettoGuardedIndicator
{
  GObject parent_instance;

  char *module_name;
  DistrettoIndicator *plugin;
  gulong error_handler;

  GMutex lock;
  DistrettoIndicatorDefinition *definition;
};

static DistrettoIndicatorInterface *default_iface;

static void distretto_guarded_indicator_iface_init (DistrettoIndicatorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DistrettoGuardedIndicator, distretto_guarded_indicator, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DISTRETTO_TYPE_INDICATOR,
                                                      distretto_guarded_indicator_iface_init))

static DistrettoIndicatorInterface *
plugin_iface (DistrettoGuardedIndicator *self)
{
  return DISTRETTO_INDICATOR_GET_IFACE (self->plugin);
}

static DistrettoIndicatorDefinition *
get_definition (DistrettoIndicator *indicator)
{
  DistrettoGuardedIndicator *self = DISTRETTO_GUARDED_INDICATOR (indicator);
  DistrettoIndicatorDefinition *definition;
  DistrettoPluginCall *call;

  g_mutex_lock (&self->lock);
  definition = self->definition ? g_object_ref (self->definition) : NULL;
  g_mutex_unlock (&self->lock);
  if (definition != NULL)
    return definition;

  call = distretto_plugin_call_begin (self->module_name, "get_definition");
  definition = plugin_iface (self)->get_definition ? plugin_iface (self)->get_definition (self->plugin) : NULL;
  distretto_plugin_call_end (call);

  if (definition != NULL)
    {
      g_mutex_lock (&self->lock);
      if (self->definition == NULL)
        self->definition = g_object_ref (definition);
      g_mutex_unlock (&self->lock);
    }

  return definition;
}

static DistrettoIndicatorResult *
compute (DistrettoIndicator  *indicator,
         DistrettoDataset    *dataset,
         int                  year,
         GError             **error)
{
  DistrettoGuardedIndicator *self = DISTRETTO_GUARDED_INDICATOR (indicator);
  DistrettoIndicatorResult *result;
  DistrettoPluginCall *call;

  /* No code of the plugin's own: the host computes, on the kept definition. */
  if (plugin_iface (self)->compute == default_iface->compute)
    return default_iface->compute (indicator, dataset, year, error);

  call = distretto_plugin_call_begin (self->module_name, "compute");
  result = plugin_iface (self)->compute (self->plugin, dataset, year, error);
  distretto_plugin_call_end (call);

  return result;
}

static DistrettoIndicatorResult *
compute_with_method (DistrettoIndicator     *indicator,
                     DistrettoDataset       *dataset,
                     int                     year,
                     const DistrettoMethod  *method,
                     GError                **error)
{
  DistrettoGuardedIndicator *self = DISTRETTO_GUARDED_INDICATOR (indicator);

  /* The host's pipeline varies the method; the plugin's own code cannot. */
  if (plugin_iface (self)->compute == default_iface->compute)
    return distretto_indicator_compute_declared (indicator, dataset, year, method, error);

  return compute (indicator, dataset, year, error);
}

static gboolean
computes_declared (DistrettoIndicator *indicator)
{
  return plugin_iface (DISTRETTO_GUARDED_INDICATOR (indicator))->compute == default_iface->compute;
}

static gboolean
render_view (DistrettoIndicator  *indicator,
             const char          *view_id,
             DistrettoDataset    *dataset,
             int                  year,
             cairo_t             *cr,
             double               width,
             double               height,
             GError             **error)
{
  DistrettoGuardedIndicator *self = DISTRETTO_GUARDED_INDICATOR (indicator);
  DistrettoPluginCall *call;
  gboolean drawn;

  if (plugin_iface (self)->render_view == NULL)
    {
      g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED,
                   _("The module has no view “%s”"), view_id);
      return FALSE;
    }

  call = distretto_plugin_call_begin (self->module_name, "render_view");
  drawn = plugin_iface (self)->render_view (self->plugin, view_id, dataset, year, cr, width, height, error);
  distretto_plugin_call_end (call);

  return drawn;
}

static GObject *
create_configuration_widget (DistrettoIndicator *indicator)
{
  DistrettoGuardedIndicator *self = DISTRETTO_GUARDED_INDICATOR (indicator);
  DistrettoPluginCall *call;
  GObject *widget;

  if (plugin_iface (self)->create_configuration_widget == NULL)
    return NULL;

  call = distretto_plugin_call_begin (self->module_name, "create_configuration_widget");
  widget = plugin_iface (self)->create_configuration_widget (self->plugin);
  distretto_plugin_call_end (call);

  return widget;
}

static void
distretto_guarded_indicator_iface_init (DistrettoIndicatorInterface *iface)
{
  iface->get_definition = get_definition;
  iface->compute = compute;
  iface->compute_with_method = compute_with_method;
  iface->computes_declared = computes_declared;
  iface->render_view = render_view;
  iface->create_configuration_widget = create_configuration_widget;
}

/* The plugin's own report, as this indicator's: the host listens here. */
static void
on_plugin_error_reported_cb (DistrettoIndicator *plugin,
                             const char         *message,
                             gpointer            user_data)
{
  distretto_indicator_report_error (DISTRETTO_INDICATOR (user_data), message);
}

static void
distretto_guarded_indicator_dispose (GObject *object)
{
  DistrettoGuardedIndicator *self = (DistrettoGuardedIndicator *)object;

  g_clear_signal_handler (&self->error_handler, self->plugin);
  g_clear_object (&self->definition);

  /* Its finalizer is the plugin's code too. */
  if (self->plugin != NULL)
    {
      DistrettoPluginCall *call = distretto_plugin_call_begin (self->module_name, "dispose");

      g_clear_object (&self->plugin);
      distretto_plugin_call_end (call);
    }

  G_OBJECT_CLASS (distretto_guarded_indicator_parent_class)->dispose (object);
}

static void
distretto_guarded_indicator_finalize (GObject *object)
{
  DistrettoGuardedIndicator *self = (DistrettoGuardedIndicator *)object;

  g_free (self->module_name);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (distretto_guarded_indicator_parent_class)->finalize (object);
}

static void
distretto_guarded_indicator_class_init (DistrettoGuardedIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = distretto_guarded_indicator_dispose;
  object_class->finalize = distretto_guarded_indicator_finalize;

  /* The interface's own vtable, with the host's compute; kept for good. */
  default_iface = g_type_default_interface_ref (DISTRETTO_TYPE_INDICATOR);
}

static void
distretto_guarded_indicator_init (DistrettoGuardedIndicator *self)
{
  g_mutex_init (&self->lock);
}

/* Wraps @plugin, the indicator of the plugin @module_name. */
DistrettoIndicator *
distretto_guarded_indicator_new (const char         *module_name,
                                 DistrettoIndicator *plugin)
{
  DistrettoGuardedIndicator *self;

  g_return_val_if_fail (module_name != NULL, NULL);
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (plugin), NULL);

  self = g_object_new (DISTRETTO_TYPE_GUARDED_INDICATOR, NULL);
  self->module_name = g_strdup (module_name);
  self->plugin = g_object_ref (plugin);
  self->error_handler = g_signal_connect (plugin, "error-reported",
                                          G_CALLBACK (on_plugin_error_reported_cb), self);

  return DISTRETTO_INDICATOR (self);
}

/* The plugin's own object, for what it offers beyond the interface. */
DistrettoIndicator *
distretto_guarded_indicator_get_plugin (DistrettoGuardedIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_GUARDED_INDICATOR (self), NULL);

  return self->plugin;
}

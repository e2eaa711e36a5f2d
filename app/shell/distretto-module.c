/* distretto-module.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-module.h"

/* A loaded indicator module: the plugin's extension and the definition it
 * declared, read once when the module is loaded. */
struct _DistrettoModule
{
  GObject parent_instance;

  char *plugin_name;
  char *version;
  DistrettoIndicator *indicator;
  DistrettoIndicatorDefinition *definition;
};

G_DEFINE_FINAL_TYPE (DistrettoModule, distretto_module, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
distretto_module_dispose (GObject *object)
{
  DistrettoModule *self = (DistrettoModule *)object;

  g_clear_object (&self->indicator);
  g_clear_object (&self->definition);

  G_OBJECT_CLASS (distretto_module_parent_class)->dispose (object);
}

static void
distretto_module_finalize (GObject *object)
{
  DistrettoModule *self = (DistrettoModule *)object;

  g_clear_pointer (&self->plugin_name, g_free);
  g_clear_pointer (&self->version, g_free);

  G_OBJECT_CLASS (distretto_module_parent_class)->finalize (object);
}

static void
distretto_module_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DistrettoModule *self = DISTRETTO_MODULE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, distretto_module_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_module_class_init (DistrettoModuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = distretto_module_dispose;
  object_class->finalize = distretto_module_finalize;
  object_class->get_property = distretto_module_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
distretto_module_init (DistrettoModule *self)
{
}

/* Reads the indicator's definition once and checks it. Returns NULL with
 * @error set when the indicator declares nothing (for a Python plugin: the
 * exception it raised, with file and line) or declares something invalid
 * (every problem, one per line). */
DistrettoModule *
distretto_module_new (const char          *plugin_name,
                      DistrettoIndicator  *indicator,
                      GError             **error)
{
  g_autoptr(DistrettoIndicatorDefinition) definition = NULL;
  DistrettoModule *self;

  g_return_val_if_fail (plugin_name != NULL, NULL);
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  definition = distretto_indicator_get_definition (indicator);
  if (definition == NULL)
    {
      const char *reported = distretto_indicator_get_reported_error (indicator);

      if (reported != NULL)
        g_set_error_literal (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED, reported);
      else
        g_set_error_literal (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED,
                             _("The indicator declares no definition"));
      return NULL;
    }

  if (!distretto_indicator_definition_validate (definition, error) ||
      !distretto_view_check_definition (definition, error))
    return NULL;

  self = g_object_new (DISTRETTO_TYPE_MODULE, NULL);
  self->plugin_name = g_strdup (plugin_name);
  self->indicator = g_object_ref (indicator);
  self->definition = g_steal_pointer (&definition);

  return self;
}

/* The module's one id, everywhere: its plugin's module name
 * (`manufacturing_share`), whatever id its definition declares. */
const char *
distretto_module_get_id (DistrettoModule *self)
{
  g_return_val_if_fail (DISTRETTO_IS_MODULE (self), NULL);

  return self->plugin_name;
}

const char *
distretto_module_get_title (DistrettoModule *self)
{
  g_return_val_if_fail (DISTRETTO_IS_MODULE (self), NULL);

  return distretto_indicator_definition_get_title (self->definition);
}

const char *
distretto_module_get_description (DistrettoModule *self)
{
  g_return_val_if_fail (DISTRETTO_IS_MODULE (self), NULL);

  return distretto_indicator_definition_get_description (self->definition);
}

/* The plugin's Version=, or NULL: what a figure's record names. */
const char *
distretto_module_get_version (DistrettoModule *self)
{
  g_return_val_if_fail (DISTRETTO_IS_MODULE (self), NULL);

  return self->version;
}

void
distretto_module_set_version (DistrettoModule *self,
                              const char      *version)
{
  g_return_if_fail (DISTRETTO_IS_MODULE (self));

  g_free (self->version);
  self->version = g_strdup (version);
}

const char *
distretto_module_get_plugin_name (DistrettoModule *self)
{
  g_return_val_if_fail (DISTRETTO_IS_MODULE (self), NULL);

  return self->plugin_name;
}

DistrettoIndicator *
distretto_module_get_indicator (DistrettoModule *self)
{
  g_return_val_if_fail (DISTRETTO_IS_MODULE (self), NULL);

  return self->indicator;
}

DistrettoIndicatorDefinition *
distretto_module_get_definition (DistrettoModule *self)
{
  g_return_val_if_fail (DISTRETTO_IS_MODULE (self), NULL);

  return self->definition;
}

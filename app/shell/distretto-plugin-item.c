/* distretto-plugin-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-plugin-item.h"

/* One plugin the engine found, whether it loaded or not: what its .plugin
 * file says, where it was found, whether the user wants it (a GSettings
 * key), and what became of it. A .plugin file that libpeas could not read
 * is an item too, without PeasPluginInfo, so the user sees why. */
struct _DistrettoPluginItem
{
  GObject parent_instance;

  PeasPluginInfo *info;     /* NULL for a file libpeas could not read */
  GSettings *settings;

  char *module_name;
  char *name;
  char *directory;
  DistrettoPluginLocation location;

  DistrettoPluginState state;
  char *error;
  guint enabled : 1;
};

G_DEFINE_FINAL_TYPE (DistrettoPluginItem, distretto_plugin_item, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (DistrettoPluginLocation, distretto_plugin_location,
  G_DEFINE_ENUM_VALUE (DISTRETTO_PLUGIN_LOCATION_BUNDLED, "bundled"),
  G_DEFINE_ENUM_VALUE (DISTRETTO_PLUGIN_LOCATION_USER, "user"),
  G_DEFINE_ENUM_VALUE (DISTRETTO_PLUGIN_LOCATION_SYSTEM, "system"),
  G_DEFINE_ENUM_VALUE (DISTRETTO_PLUGIN_LOCATION_ENVIRONMENT, "environment"))

G_DEFINE_ENUM_TYPE (DistrettoPluginState, distretto_plugin_state,
  G_DEFINE_ENUM_VALUE (DISTRETTO_PLUGIN_STATE_LOADED, "loaded"),
  G_DEFINE_ENUM_VALUE (DISTRETTO_PLUGIN_STATE_DISABLED, "disabled"),
  G_DEFINE_ENUM_VALUE (DISTRETTO_PLUGIN_STATE_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (DISTRETTO_PLUGIN_STATE_INCOMPATIBLE, "incompatible"))

enum {
  PROP_0,
  PROP_MODULE_NAME,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_LOCATION,
  PROP_CAN_ENABLE,
  PROP_ENABLED,
  PROP_STATE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
peas_plugin_info_free_ref (PeasPluginInfo *info)
{
  g_boxed_free (PEAS_TYPE_PLUGIN_INFO, info);
}

/* Translated, for the plugin manager and `distretto plugins`. */
const char *
distretto_plugin_location_to_string (DistrettoPluginLocation location)
{
  switch (location)
    {
    case DISTRETTO_PLUGIN_LOCATION_BUNDLED:
      return _("bundled");
    case DISTRETTO_PLUGIN_LOCATION_USER:
      return _("user folder");
    case DISTRETTO_PLUGIN_LOCATION_SYSTEM:
      return _("system folder");
    case DISTRETTO_PLUGIN_LOCATION_ENVIRONMENT:
      return _("DISTRETTO_PLUGIN_PATH");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
distretto_plugin_state_to_string (DistrettoPluginState state)
{
  switch (state)
    {
    case DISTRETTO_PLUGIN_STATE_LOADED:
      return _("enabled");
    case DISTRETTO_PLUGIN_STATE_DISABLED:
      return _("disabled");
    case DISTRETTO_PLUGIN_STATE_FAILED:
      return _("failed");
    case DISTRETTO_PLUGIN_STATE_INCOMPATIBLE:
      return _("incompatible");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
distretto_plugin_item_dispose (GObject *object)
{
  DistrettoPluginItem *self = (DistrettoPluginItem *)object;

  if (self->settings != NULL)
    g_settings_unbind (self, "enabled");
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (distretto_plugin_item_parent_class)->dispose (object);
}

static void
distretto_plugin_item_finalize (GObject *object)
{
  DistrettoPluginItem *self = (DistrettoPluginItem *)object;

  g_clear_pointer (&self->info, peas_plugin_info_free_ref);
  g_clear_pointer (&self->module_name, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (distretto_plugin_item_parent_class)->finalize (object);
}

static void
distretto_plugin_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DistrettoPluginItem *self = DISTRETTO_PLUGIN_ITEM (object);

  switch (prop_id)
    {
    case PROP_MODULE_NAME:
      g_value_set_string (value, self->module_name);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, distretto_plugin_item_get_description (self));
      break;

    case PROP_LOCATION:
      g_value_set_enum (value, self->location);
      break;

    case PROP_CAN_ENABLE:
      g_value_set_boolean (value, distretto_plugin_item_get_can_enable (self));
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_plugin_item_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DistrettoPluginItem *self = DISTRETTO_PLUGIN_ITEM (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      distretto_plugin_item_set_enabled (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_plugin_item_class_init (DistrettoPluginItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = distretto_plugin_item_dispose;
  object_class->finalize = distretto_plugin_item_finalize;
  object_class->get_property = distretto_plugin_item_get_property;
  object_class->set_property = distretto_plugin_item_set_property;

  properties[PROP_MODULE_NAME] =
    g_param_spec_string ("module-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOCATION] =
    g_param_spec_enum ("location", NULL, NULL,
                       DISTRETTO_TYPE_PLUGIN_LOCATION, DISTRETTO_PLUGIN_LOCATION_BUNDLED,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_ENABLE] =
    g_param_spec_boolean ("can-enable", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       DISTRETTO_TYPE_PLUGIN_STATE, DISTRETTO_PLUGIN_STATE_DISABLED,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
distretto_plugin_item_init (DistrettoPluginItem *self)
{
  self->enabled = TRUE;
  self->state = DISTRETTO_PLUGIN_STATE_DISABLED;
}

DistrettoPluginItem *
distretto_plugin_item_new (PeasPluginInfo          *info,
                           DistrettoPluginLocation  location)
{
  DistrettoPluginItem *self;

  g_return_val_if_fail (info != NULL, NULL);

  self = g_object_new (DISTRETTO_TYPE_PLUGIN_ITEM, NULL);
  self->info = g_boxed_copy (PEAS_TYPE_PLUGIN_INFO, info);
  self->module_name = g_strdup (peas_plugin_info_get_module_name (info));
  self->name = g_strdup (peas_plugin_info_get_name (info));
  self->directory = g_strdup (peas_plugin_info_get_module_dir (info));
  self->location = location;

  return self;
}

/* A .plugin file that libpeas refused: listed, with @error, never loaded. */
DistrettoPluginItem *
distretto_plugin_item_new_unreadable (const char              *path,
                                      const char              *module_name,
                                      const char              *name,
                                      DistrettoPluginLocation  location,
                                      const char              *error)
{
  DistrettoPluginItem *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (module_name != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (DISTRETTO_TYPE_PLUGIN_ITEM, NULL);
  self->module_name = g_strdup (module_name);
  self->name = name != NULL ? g_strdup (name) : g_path_get_basename (path);
  self->directory = g_path_get_dirname (path);
  self->location = location;
  self->state = DISTRETTO_PLUGIN_STATE_FAILED;
  self->error = g_strdup (error);

  return self;
}

/* NULL for an unreadable .plugin file. */
PeasPluginInfo *
distretto_plugin_item_get_info (DistrettoPluginItem *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self), NULL);

  return self->info;
}

const char *
distretto_plugin_item_get_module_name (DistrettoPluginItem *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self), NULL);

  return self->module_name;
}

const char *
distretto_plugin_item_get_name (DistrettoPluginItem *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self), NULL);

  return self->name;
}

const char *
distretto_plugin_item_get_description (DistrettoPluginItem *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self), NULL);

  return self->info != NULL ? peas_plugin_info_get_description (self->info) : NULL;
}

const char *
distretto_plugin_item_get_version (DistrettoPluginItem *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self), NULL);

  return self->info != NULL ? peas_plugin_info_get_version (self->info) : NULL;
}

/* Never NULL; empty when the .plugin file names nobody. */
const char * const *
distretto_plugin_item_get_authors (DistrettoPluginItem *self)
{
  static const char * const none[] = { NULL };
  const char * const *authors;

  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self), NULL);

  if (self->info == NULL)
    return none;

  authors = (const char * const *) peas_plugin_info_get_authors (self->info);
  return authors != NULL ? authors : none;
}

/* The folder of the .plugin file (and, for plugins, of their module). */
const char *
distretto_plugin_item_get_directory (DistrettoPluginItem *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self), NULL);

  return self->directory;
}

DistrettoPluginLocation
distretto_plugin_item_get_location (DistrettoPluginItem *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self), DISTRETTO_PLUGIN_LOCATION_BUNDLED);

  return self->location;
}

/* Whether switching the plugin on could ever load it: not for an
 * unreadable .plugin file, nor for another plugin ABI. */
gboolean
distretto_plugin_item_get_can_enable (DistrettoPluginItem *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self), FALSE);

  return self->info != NULL && self->state != DISTRETTO_PLUGIN_STATE_INCOMPATIBLE;
}

/* What the user wants, as stored in the plugin's GSettings key; what
 * actually happened is the state. */
gboolean
distretto_plugin_item_get_enabled (DistrettoPluginItem *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self), FALSE);

  return self->enabled;
}

void
distretto_plugin_item_set_enabled (DistrettoPluginItem *self,
                                   gboolean             enabled)
{
  g_return_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

DistrettoPluginState
distretto_plugin_item_get_state (DistrettoPluginItem *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self), DISTRETTO_PLUGIN_STATE_FAILED);

  return self->state;
}

/* Why the plugin failed or is incompatible; NULL otherwise. */
const char *
distretto_plugin_item_get_error (DistrettoPluginItem *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self), NULL);

  return self->error;
}

/* For the engine: what became of the plugin. */
void
distretto_plugin_item_set_state (DistrettoPluginItem  *self,
                                 DistrettoPluginState  state,
                                 const char           *error)
{
  gboolean can_enable;

  g_return_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self));

  can_enable = distretto_plugin_item_get_can_enable (self);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  if (g_strcmp0 (self->error, error) != 0)
    {
      g_free (self->error);
      self->error = g_strdup (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }

  if (can_enable != distretto_plugin_item_get_can_enable (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ENABLE]);

  g_object_thaw_notify (G_OBJECT (self));
}

/* Binds the enabled property to the "enabled" key of @settings, a
 * io.github.distretto.Distretto.Plugin at the plugin's path. */
void
distretto_plugin_item_bind_settings (DistrettoPluginItem *self,
                                     GSettings           *settings)
{
  g_return_if_fail (DISTRETTO_IS_PLUGIN_ITEM (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "enabled", self, "enabled", G_SETTINGS_BIND_DEFAULT);
}

/* distretto-plugin-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libpeas/peas.h>

G_BEGIN_DECLS

/* Where the engine found a plugin. */
typedef enum
{
  DISTRETTO_PLUGIN_LOCATION_BUNDLED,      /* builtin resources or $libdir/distretto/plugins */
  DISTRETTO_PLUGIN_LOCATION_USER,         /* $XDG_DATA_HOME/distretto/plugins */
  DISTRETTO_PLUGIN_LOCATION_SYSTEM,       /* $XDG_DATA_DIRS/distretto/plugins */
  DISTRETTO_PLUGIN_LOCATION_ENVIRONMENT,  /* a folder of DISTRETTO_PLUGIN_PATH */
} DistrettoPluginLocation;

/* What became of a plugin. */
typedef enum
{
  DISTRETTO_PLUGIN_STATE_LOADED,
  DISTRETTO_PLUGIN_STATE_DISABLED,
  DISTRETTO_PLUGIN_STATE_FAILED,
  DISTRETTO_PLUGIN_STATE_INCOMPATIBLE,
} DistrettoPluginState;

#define DISTRETTO_TYPE_PLUGIN_LOCATION (distretto_plugin_location_get_type ())
#define DISTRETTO_TYPE_PLUGIN_STATE (distretto_plugin_state_get_type ())
#define DISTRETTO_TYPE_PLUGIN_ITEM (distretto_plugin_item_get_type ())

GType distretto_plugin_location_get_type (void) G_GNUC_CONST;
GType distretto_plugin_state_get_type    (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (DistrettoPluginItem, distretto_plugin_item, DISTRETTO, PLUGIN_ITEM, GObject)

const char              *distretto_plugin_location_to_string    (DistrettoPluginLocation location);
const char              *distretto_plugin_state_to_string       (DistrettoPluginState    state);

DistrettoPluginItem     *distretto_plugin_item_new              (PeasPluginInfo          *info,
                                                                 DistrettoPluginLocation  location);
DistrettoPluginItem     *distretto_plugin_item_new_unreadable   (const char              *path,
                                                                 const char              *module_name,
                                                                 const char              *name,
                                                                 DistrettoPluginLocation  location,
                                                                 const char              *error);
PeasPluginInfo          *distretto_plugin_item_get_info         (DistrettoPluginItem     *self);
const char              *distretto_plugin_item_get_module_name  (DistrettoPluginItem     *self);
const char              *distretto_plugin_item_get_name         (DistrettoPluginItem     *self);
const char              *distretto_plugin_item_get_description  (DistrettoPluginItem     *self);
const char              *distretto_plugin_item_get_version      (DistrettoPluginItem     *self);
const char * const      *distretto_plugin_item_get_authors      (DistrettoPluginItem     *self);
const char              *distretto_plugin_item_get_directory    (DistrettoPluginItem     *self);
DistrettoPluginLocation  distretto_plugin_item_get_location     (DistrettoPluginItem     *self);
gboolean                 distretto_plugin_item_get_can_enable   (DistrettoPluginItem     *self);
gboolean                 distretto_plugin_item_get_enabled      (DistrettoPluginItem     *self);
void                     distretto_plugin_item_set_enabled      (DistrettoPluginItem     *self,
                                                                 gboolean                 enabled);
DistrettoPluginState     distretto_plugin_item_get_state        (DistrettoPluginItem     *self);
const char              *distretto_plugin_item_get_error        (DistrettoPluginItem     *self);
void                     distretto_plugin_item_set_state        (DistrettoPluginItem     *self,
                                                                 DistrettoPluginState     state,
                                                                 const char              *error);
void                     distretto_plugin_item_bind_settings    (DistrettoPluginItem     *self,
                                                                 GSettings               *settings);

G_END_DECLS

/* distretto-plugin-engine.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libpeas/peas.h>

#include "distretto-module.h"
#include "distretto-plugin-item.h"

G_BEGIN_DECLS

#define DISTRETTO_PLUGIN_ABI "1"

#define DISTRETTO_TYPE_PLUGIN_ENGINE (distretto_plugin_engine_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoPluginEngine, distretto_plugin_engine, DISTRETTO, PLUGIN_ENGINE, GObject)

DistrettoPluginEngine *distretto_plugin_engine_new              (void);
DistrettoPluginEngine *distretto_plugin_engine_new_with_backend (GSettingsBackend      *backend);
PeasEngine            *distretto_plugin_engine_get_peas         (DistrettoPluginEngine *self);
gboolean               distretto_plugin_engine_has_python       (DistrettoPluginEngine *self);
void                   distretto_plugin_engine_load_all         (DistrettoPluginEngine *self);
DistrettoModule       *distretto_plugin_engine_load_module      (DistrettoPluginEngine *self,
                                                                 const char            *id,
                                                                 GError               **error);
guint                  distretto_plugin_engine_reload           (DistrettoPluginEngine *self);
GPtrArray             *distretto_plugin_engine_dup_changed_plugins (DistrettoPluginEngine *self);
GListModel            *distretto_plugin_engine_get_modules      (DistrettoPluginEngine *self);
DistrettoModule       *distretto_plugin_engine_find_module      (DistrettoPluginEngine *self,
                                                                 const char            *id);
GListModel            *distretto_plugin_engine_get_plugins      (DistrettoPluginEngine *self);
DistrettoPluginItem   *distretto_plugin_engine_find_plugin      (DistrettoPluginEngine *self,
                                                                 const char            *module_name);
GPtrArray             *distretto_plugin_engine_get_problems     (DistrettoPluginEngine *self);
GPtrArray             *distretto_plugin_engine_get_setup_problems (DistrettoPluginEngine *self);
GPtrArray             *distretto_plugin_engine_dup_new_crashes  (DistrettoPluginEngine *self);

void distretto_plugin_engine_prepare_environment (void);

G_END_DECLS

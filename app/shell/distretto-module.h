/* distretto-module.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <distretto.h>

G_BEGIN_DECLS

#define DISTRETTO_TYPE_MODULE (distretto_module_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoModule, distretto_module, DISTRETTO, MODULE, GObject)

DistrettoModule    *distretto_module_new              (const char         *plugin_name,
                                                       DistrettoIndicator *indicator,
                                                       GError            **error);
const char         *distretto_module_get_id           (DistrettoModule    *self);
const char         *distretto_module_get_title        (DistrettoModule    *self);
const char         *distretto_module_get_description  (DistrettoModule    *self);
const char         *distretto_module_get_plugin_name  (DistrettoModule    *self);
const char         *distretto_module_get_version      (DistrettoModule    *self);
void                distretto_module_set_version      (DistrettoModule    *self,
                                                       const char         *version);
DistrettoIndicator *distretto_module_get_indicator    (DistrettoModule    *self);
DistrettoIndicatorDefinition *
                    distretto_module_get_definition   (DistrettoModule    *self);

G_END_DECLS

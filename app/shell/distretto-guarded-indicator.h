/* distretto-guarded-indicator.h: a plugin's indicator, each call into its
 * code marked, its definition read once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <distretto.h>

G_BEGIN_DECLS

#define DISTRETTO_TYPE_GUARDED_INDICATOR (distretto_guarded_indicator_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoGuardedIndicator, distretto_guarded_indicator, DISTRETTO, GUARDED_INDICATOR, GObject)

DistrettoIndicator *distretto_guarded_indicator_new        (const char                *module_name,
                                                            DistrettoIndicator        *plugin);
DistrettoIndicator *distretto_guarded_indicator_get_plugin (DistrettoGuardedIndicator *self);

G_END_DECLS

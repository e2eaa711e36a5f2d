/* distretto-plugin-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "distretto-plugin-item.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_PLUGIN_ROW (distretto_plugin_row_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoPluginRow, distretto_plugin_row, DISTRETTO, PLUGIN_ROW, AdwExpanderRow)

GtkWidget           *distretto_plugin_row_new        (DistrettoPluginItem *item);
DistrettoPluginItem *distretto_plugin_row_get_item   (DistrettoPluginRow  *self);
GtkSwitch           *distretto_plugin_row_get_switch (DistrettoPluginRow  *self);

G_END_DECLS

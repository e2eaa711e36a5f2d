/* distretto-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "distretto-plugin-engine.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_PREFERENCES_WINDOW (distretto_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoPreferencesWindow, distretto_preferences_window, DISTRETTO, PREFERENCES_WINDOW, AdwPreferencesWindow)

DistrettoPreferencesWindow *distretto_preferences_window_new              (GtkWindow                  *parent,
                                                                           DistrettoPluginEngine      *engine);
GtkListBox                 *distretto_preferences_window_get_plugins_list (DistrettoPreferencesWindow *self);
void                        distretto_preferences_window_reload           (DistrettoPreferencesWindow *self);

G_END_DECLS

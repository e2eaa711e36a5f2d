/* distretto-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <distretto.h>

#include "distretto-module.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_WINDOW (distretto_window_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoWindow, distretto_window, DISTRETTO, WINDOW, AdwApplicationWindow)

DistrettoWindow *distretto_window_new             (GtkApplication   *application,
                                                   GListModel       *modules,
                                                   DistrettoDataset *dataset);
void             distretto_window_show_error      (DistrettoWindow  *self,
                                                   const char       *title,
                                                   const char       *message);
GtkListBox      *distretto_window_get_modules_list (DistrettoWindow *self);
GtkWidget       *distretto_window_get_chart_view  (DistrettoWindow  *self);
DistrettoDataset *distretto_window_get_dataset    (DistrettoWindow  *self);
DistrettoEurostatFetcher *
                 distretto_window_get_fetcher     (DistrettoWindow  *self);
void             distretto_window_import_files    (DistrettoWindow  *self,
                                                   GListModel       *files);
void             distretto_window_import_boundaries (DistrettoWindow *self,
                                                    GFile           *file);
void             distretto_window_show_crashed_plugins (DistrettoWindow    *self,
                                                        const char * const *names);
GtkWidget       *distretto_window_get_crash_banner (DistrettoWindow *self);
DistrettoViewRequest *
                 distretto_window_create_view_request (DistrettoWindow *self,
                                                       DistrettoModule *module);
DistrettoModule *distretto_window_dup_module      (DistrettoWindow  *self);
const char      *distretto_window_get_view_id     (DistrettoWindow  *self);
const char      *distretto_window_get_selected_region (DistrettoWindow *self);
GListModel      *distretto_window_get_modules     (DistrettoWindow  *self);
void             distretto_window_add_toast       (DistrettoWindow  *self,
                                                   AdwToast         *toast);

G_END_DECLS

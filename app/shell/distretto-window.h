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
void             distretto_window_open_files      (DistrettoWindow  *self,
                                                   GFile           **files,
                                                   guint             n_files);
gboolean         distretto_window_has_saved_files (GSettings        *settings);
gboolean         distretto_window_has_files_to_restore (GSettings   *settings);
void             distretto_window_restore_files   (DistrettoWindow  *self);
void             distretto_window_show_crashed_plugins (DistrettoWindow    *self,
                                                        const char * const *names);
void             distretto_window_show_plugin_problems (DistrettoWindow    *self,
                                                        const char * const *crashed,
                                                        const char * const *failed);
GtkWidget       *distretto_window_get_crash_banner (DistrettoWindow *self);
GtkWidget       *distretto_window_get_demo_banner (DistrettoWindow  *self);
GtkDropDown     *distretto_window_get_view_dropdown  (DistrettoWindow *self);
GtkDropDown     *distretto_window_get_level_dropdown (DistrettoWindow *self);
GtkDropDown     *distretto_window_get_year_dropdown  (DistrettoWindow *self);
GtkWidget       *distretto_window_get_region_picker  (DistrettoWindow *self);
GtkWidget       *distretto_window_get_region_page    (DistrettoWindow *self);
GtkWidget       *distretto_window_get_data_table     (DistrettoWindow *self);
GtkWidget       *distretto_window_get_weights_page   (DistrettoWindow *self);
GtkWidget       *distretto_window_get_method_page    (DistrettoWindow *self);
AdwViewStack    *distretto_window_get_view_stack     (DistrettoWindow *self);
const char      *distretto_window_get_selected_region (DistrettoWindow *self);
gboolean         distretto_window_is_busy            (DistrettoWindow *self);
DistrettoViewRequest *
                 distretto_window_create_view_request (DistrettoWindow *self,
                                                       DistrettoModule *module);
DistrettoModule *distretto_window_dup_module      (DistrettoWindow  *self);
const char      *distretto_window_get_view_id     (DistrettoWindow  *self);
GListModel      *distretto_window_get_modules     (DistrettoWindow  *self);
void             distretto_window_add_toast       (DistrettoWindow  *self,
                                                   AdwToast         *toast);

G_END_DECLS

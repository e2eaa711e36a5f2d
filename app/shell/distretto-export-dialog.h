/* distretto-export-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <distretto.h>

#include "distretto-module.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_EXPORT_DIALOG (distretto_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoExportDialog, distretto_export_dialog, DISTRETTO, EXPORT_DIALOG, AdwWindow)

DistrettoExportDialog  *distretto_export_dialog_new             (GtkWindow             *parent,
                                                                 DistrettoModule       *module,
                                                                 const char            *view_id,
                                                                 DistrettoViewRequest  *request);
DistrettoChart         *distretto_export_dialog_get_chart       (DistrettoExportDialog *self);
DistrettoExportOptions *distretto_export_dialog_dup_options     (DistrettoExportDialog *self);
GdkTexture             *distretto_export_dialog_get_preview     (DistrettoExportDialog *self);
void                    distretto_export_dialog_set_format      (DistrettoExportDialog *self,
                                                                 const char            *format);
void                    distretto_export_dialog_set_size        (DistrettoExportDialog *self,
                                                                 const char            *size);
void                    distretto_export_dialog_set_scale       (DistrettoExportDialog *self,
                                                                 guint                  scale);
void                    distretto_export_dialog_set_title_text  (DistrettoExportDialog *self,
                                                                 const char            *title);
void                    distretto_export_dialog_set_regions     (DistrettoExportDialog *self,
                                                                 const char            *codes);
void                    distretto_export_dialog_export_to       (DistrettoExportDialog *self,
                                                                 GFile                 *file);

G_END_DECLS

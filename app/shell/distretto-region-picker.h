/* distretto-region-picker.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <distretto.h>

G_BEGIN_DECLS

#define DISTRETTO_TYPE_REGION_PICKER (distretto_region_picker_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoRegionPicker, distretto_region_picker, DISTRETTO, REGION_PICKER, GtkPopover)

GtkWidget   *distretto_region_picker_new           (void);
void         distretto_region_picker_set_dataset   (DistrettoRegionPicker *self,
                                                    DistrettoDataset      *dataset);
void         distretto_region_picker_set_my_region (DistrettoRegionPicker *self,
                                                    const char            *code);
void         distretto_region_picker_set_filter    (DistrettoRegionPicker *self,
                                                    int                    level,
                                                    const char            *country);
GtkEditable *distretto_region_picker_get_entry     (DistrettoRegionPicker *self);
GListModel  *distretto_region_picker_get_results   (DistrettoRegionPicker *self);

G_END_DECLS

/* distretto-dataset-loader.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <gio/gio.h>

#include "distretto-dataset.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_DATASET_LOADER (distretto_dataset_loader_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoDatasetLoader, distretto_dataset_loader, DISTRETTO, DATASET_LOADER, GObject)

DistrettoDatasetLoader *distretto_dataset_loader_new          (DistrettoDataset        *base);
void                    distretto_dataset_loader_add_file     (DistrettoDatasetLoader  *self,
                                                               GFile                   *file);
void                    distretto_dataset_loader_set_nuts_version (DistrettoDatasetLoader *self,
                                                                   int                     nuts_version);
int                     distretto_dataset_loader_get_nuts_version (DistrettoDatasetLoader *self);
DistrettoNutsReport    *distretto_dataset_loader_get_nuts_report  (DistrettoDatasetLoader *self);
double                  distretto_dataset_loader_get_fraction (DistrettoDatasetLoader  *self);
void                    distretto_dataset_loader_load_async   (DistrettoDatasetLoader  *self,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);
DistrettoDataset       *distretto_dataset_loader_load_finish  (DistrettoDatasetLoader  *self,
                                                               GAsyncResult            *result,
                                                               GError                 **error);

G_END_DECLS

/* distretto-dataset.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "distretto-flags.h"
#include "distretto-nuts-report.h"
#include "distretto-region.h"
#include "distretto-selector.h"
#include "distretto-series.h"
#include "distretto-source.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_DATASET (distretto_dataset_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoDataset, distretto_dataset, DISTRETTO, DATASET, GObject)

DistrettoDataset *distretto_dataset_new               (void);
guint            distretto_dataset_get_n_regions     (DistrettoDataset *self);
DistrettoRegion *distretto_dataset_get_region_at     (DistrettoDataset *self,
                                                      guint             index);
DistrettoRegion *distretto_dataset_get_region        (DistrettoDataset *self,
                                                      const char       *code);
guint            distretto_dataset_get_n_series      (DistrettoDataset *self);
const char      *distretto_dataset_get_series_code   (DistrettoDataset *self,
                                                      guint             index);
DistrettoSeries *distretto_dataset_get_series_at     (DistrettoDataset *self,
                                                      guint             index);
gboolean         distretto_dataset_has_series        (DistrettoDataset *self,
                                                      const char       *series_code);
DistrettoSeries *distretto_dataset_get_series        (DistrettoDataset *self,
                                                      const char       *series_code);
guint            distretto_dataset_get_n_sources     (DistrettoDataset *self);
DistrettoSource *distretto_dataset_get_source_at     (DistrettoDataset *self,
                                                      guint             index);
int              distretto_dataset_get_first_year    (DistrettoDataset *self);
int              distretto_dataset_get_last_year     (DistrettoDataset *self);
int              distretto_dataset_get_latest_year   (DistrettoDataset *self,
                                                      const char       *series_code);
double           distretto_dataset_get_value         (DistrettoDataset *self,
                                                      const char       *series_code,
                                                      const char       *region_code,
                                                      int               year,
                                                      DistrettoFlags   *flags);
double           distretto_dataset_get_value_at      (DistrettoDataset *self,
                                                      guint             series_index,
                                                      guint             region_index,
                                                      int               year,
                                                      DistrettoFlags   *flags);
DistrettoFlags   distretto_dataset_get_flags_seen    (DistrettoDataset *self);
gsize            distretto_dataset_get_n_observations (DistrettoDataset *self);
gboolean         distretto_dataset_merge             (DistrettoDataset *self,
                                                      DistrettoDataset *other,
                                                      GError          **error);
gboolean         distretto_dataset_check_selector    (DistrettoDataset *self,
                                                      const char       *selector,
                                                      GError          **error);
char            *distretto_dataset_resolve_selector  (DistrettoDataset *self,
                                                      const char       *selector,
                                                      GError          **error);
double           distretto_dataset_get_selected_value (DistrettoDataset *self,
                                                       const char       *selector,
                                                       const char       *region_code,
                                                       int               year,
                                                       DistrettoFlags   *flags);
int              distretto_dataset_get_selected_latest_year (DistrettoDataset *self,
                                                             const char       *selector);
DistrettoDataset *distretto_dataset_recode_nuts      (DistrettoDataset     *self,
                                                      int                   nuts_version,
                                                      DistrettoNutsReport **report);
DistrettoDataset *distretto_dataset_get_original     (DistrettoDataset *self);
int              distretto_dataset_get_nuts_version  (DistrettoDataset *self);

G_END_DECLS

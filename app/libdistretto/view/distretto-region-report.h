/* distretto-region-report.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <gio/gio.h>

#include "../data/distretto-dataset.h"
#include "../index/distretto-method.h"
#include "../plugin/distretto-indicator.h"
#include "distretto-result-cache.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_REGION_REPORT (distretto_region_report_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoRegionReport, distretto_region_report, DISTRETTO, REGION_REPORT, GObject)

DistrettoRegionReport *distretto_region_report_new         (DistrettoDataset      *dataset,
                                                            const char            *region_code);
const char            *distretto_region_report_get_region  (DistrettoRegionReport *self);
void                   distretto_region_report_add_module  (DistrettoRegionReport *self,
                                                            DistrettoIndicator    *indicator,
                                                            const DistrettoMethod *method);
guint                  distretto_region_report_get_n_modules (DistrettoRegionReport *self);
void                   distretto_region_report_set_cache   (DistrettoRegionReport *self,
                                                            DistrettoResultCache  *cache);
GDateTime             *distretto_region_report_get_date    (DistrettoRegionReport *self);
void                   distretto_region_report_set_date    (DistrettoRegionReport *self,
                                                            GDateTime             *date);
GBytes                *distretto_region_report_render      (DistrettoRegionReport *self,
                                                            guint                 *n_pages,
                                                            GError               **error);
gboolean               distretto_region_report_write       (DistrettoRegionReport *self,
                                                            GFile                 *file,
                                                            GError               **error);
char                  *distretto_region_report_dup_table   (DistrettoRegionReport *self,
                                                            char                   separator);

G_END_DECLS

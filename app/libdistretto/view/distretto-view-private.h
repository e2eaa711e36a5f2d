/* distretto-view-private.h: what the built-in views share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "distretto-view.h"
#include "distretto-view-uncertainty.h"

G_BEGIN_DECLS

/* Regions a trend draws and a scatter names when none are asked for. */
#define DISTRETTO_VIEW_DEFAULT_REGIONS 5

DistrettoIndicatorDefinition *_distretto_view_request_get_definition (DistrettoViewRequest  *self,
                                                                      GError               **error);
const char               *_distretto_view_request_get_module_title (DistrettoViewRequest *self);
const char               *_distretto_view_request_get_unit    (DistrettoViewRequest  *self);
int                       _distretto_view_request_choose_year (DistrettoViewRequest  *self,
                                                               GError               **error);
DistrettoIndicatorResult *_distretto_view_request_compute     (DistrettoViewRequest  *self,
                                                               int                    year,
                                                               GError               **error);
void                      _distretto_view_request_apply_texts (DistrettoViewRequest  *self,
                                                               DistrettoChart        *chart);
gboolean                  _distretto_view_request_has_changed_weights (DistrettoViewRequest *self);
void                      _distretto_view_request_apply_weights (DistrettoViewRequest *self,
                                                                 DistrettoMethod      *method);

int         _distretto_view_group_category (DistrettoPerformanceGroup group);
const char *_distretto_view_find_eu        (DistrettoIndicatorResult *result);
gboolean    _distretto_view_is_compared    (DistrettoRegion          *region,
                                            int                       level);
GPtrArray  *_distretto_view_dup_ranked     (DistrettoViewRequest     *request,
                                            DistrettoIndicatorResult *result);
char       *_distretto_view_dup_regions_phrase (DistrettoViewRequest *request);
gboolean    _distretto_view_check_regions  (DistrettoDataset         *dataset,
                                            const char * const       *region_codes,
                                            GError                  **error);
const char *_distretto_view_region_name    (DistrettoDataset         *dataset,
                                            const char               *code);
void        _distretto_view_finish         (DistrettoViewRequest     *request,
                                            DistrettoChart           *chart,
                                            DistrettoFlags            flags_used);

DistrettoUncertainty *_distretto_view_lookup_uncertainty (DistrettoViewRequest *request,
                                                         int                   year);
void                  _distretto_view_add_uncertainty    (DistrettoChart       *chart,
                                                         DistrettoUncertainty *uncertainty,
                                                         gboolean              groups);

DistrettoChart *_distretto_view_build_ranking (DistrettoViewRequest *request,
                                               GError              **error);
DistrettoChart *_distretto_view_build_trend   (DistrettoViewRequest *request,
                                               GError              **error);
DistrettoChart *_distretto_view_build_map     (DistrettoViewRequest *request,
                                               GError              **error);
DistrettoChart *_distretto_view_build_radar   (DistrettoViewRequest *request,
                                               GError              **error);
DistrettoChart *_distretto_view_build_scatter (DistrettoViewRequest *request,
                                               GError              **error);
DistrettoChart *_distretto_view_build_heatmap (DistrettoViewRequest *request,
                                               GError              **error);
DistrettoChart *_distretto_view_build_uncertainty (DistrettoViewRequest *request,
                                                   GError              **error);
DistrettoChart *_distretto_view_build_sensitivity (DistrettoViewRequest *request,
                                                   GError              **error);
DistrettoChart *_distretto_view_build_region_profile (DistrettoViewRequest *request,
                                                      GError              **error);
DistrettoChart *_distretto_view_build_module  (DistrettoViewRequest *request,
                                               const char           *view_id,
                                               GError              **error);

G_END_DECLS

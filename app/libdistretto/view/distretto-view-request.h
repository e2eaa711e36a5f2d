/* distretto-view-request.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "../data/distretto-boundaries.h"
#include "../data/distretto-dataset.h"
#include "../index/distretto-method.h"
#include "../plugin/distretto-indicator.h"
#include "distretto-result-cache.h"

G_BEGIN_DECLS

/**
 * DISTRETTO_VIEW_DEFAULT_LEVEL:
 *
 * The NUTS level views compare when none is asked for.
 */
#define DISTRETTO_VIEW_DEFAULT_LEVEL 2

#define DISTRETTO_TYPE_VIEW_REQUEST (distretto_view_request_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoViewRequest, distretto_view_request, DISTRETTO, VIEW_REQUEST, GObject)

DistrettoViewRequest *distretto_view_request_new            (DistrettoIndicator   *indicator,
                                                             DistrettoDataset     *dataset);
DistrettoIndicator   *distretto_view_request_get_indicator  (DistrettoViewRequest *self);
DistrettoDataset     *distretto_view_request_get_dataset    (DistrettoViewRequest *self);
DistrettoBoundaries  *distretto_view_request_get_boundaries (DistrettoViewRequest *self);
void                  distretto_view_request_set_boundaries (DistrettoViewRequest *self,
                                                             DistrettoBoundaries  *boundaries);
int                   distretto_view_request_get_year       (DistrettoViewRequest *self);
void                  distretto_view_request_set_year       (DistrettoViewRequest *self,
                                                             int                   year);
int                   distretto_view_request_get_level      (DistrettoViewRequest *self);
void                  distretto_view_request_set_level      (DistrettoViewRequest *self,
                                                             int                   level);
const char * const   *distretto_view_request_get_regions    (DistrettoViewRequest *self);
void                  distretto_view_request_set_regions    (DistrettoViewRequest *self,
                                                             const char * const   *regions);
const char           *distretto_view_request_get_selected   (DistrettoViewRequest *self);
void                  distretto_view_request_set_selected   (DistrettoViewRequest *self,
                                                             const char           *selected);
const DistrettoMethod *distretto_view_request_get_method    (DistrettoViewRequest *self);
void                  distretto_view_request_set_method     (DistrettoViewRequest *self,
                                                             const DistrettoMethod *method);
guint                 distretto_view_request_get_top        (DistrettoViewRequest *self);
void                  distretto_view_request_set_top        (DistrettoViewRequest *self,
                                                             guint                 top);
DistrettoResultCache *distretto_view_request_get_cache      (DistrettoViewRequest *self);
void                  distretto_view_request_set_cache      (DistrettoViewRequest *self,
                                                             DistrettoResultCache *cache);
const char           *distretto_view_request_get_country    (DistrettoViewRequest *self);
void                  distretto_view_request_set_country    (DistrettoViewRequest *self,
                                                             const char           *country);
const char           *distretto_view_request_get_title      (DistrettoViewRequest *self);
void                  distretto_view_request_set_title      (DistrettoViewRequest *self,
                                                             const char           *title);
const char           *distretto_view_request_get_subtitle   (DistrettoViewRequest *self);
void                  distretto_view_request_set_subtitle   (DistrettoViewRequest *self,
                                                             const char           *subtitle);
const char           *distretto_view_request_get_notes      (DistrettoViewRequest *self);
void                  distretto_view_request_set_notes      (DistrettoViewRequest *self,
                                                             const char           *notes);
const char           *distretto_view_request_get_source     (DistrettoViewRequest *self);
void                  distretto_view_request_set_source     (DistrettoViewRequest *self,
                                                             const char           *source);
void                  distretto_view_request_set_pillar_weight (DistrettoViewRequest *self,
                                                                const char           *pillar_id,
                                                                double                weight);
double                distretto_view_request_get_pillar_weight (DistrettoViewRequest *self,
                                                                const char           *pillar_id);
DistrettoIndicatorResult *distretto_view_request_compute    (DistrettoViewRequest  *self,
                                                             GError               **error);

G_END_DECLS

/* distretto-region-standing.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "distretto-view-request.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_REGION_STANDING (distretto_region_standing_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoRegionStanding, distretto_region_standing, DISTRETTO, REGION_STANDING, GObject)

DistrettoRegionStanding  *distretto_region_standing_new                  (DistrettoViewRequest     *request,
                                                                          GError                  **error);
const char               *distretto_region_standing_get_region_code      (DistrettoRegionStanding  *self);
const char               *distretto_region_standing_get_region_name      (DistrettoRegionStanding  *self);
int                       distretto_region_standing_get_year             (DistrettoRegionStanding  *self);
int                       distretto_region_standing_get_level            (DistrettoRegionStanding  *self);
double                    distretto_region_standing_get_score            (DistrettoRegionStanding  *self);
DistrettoFlags            distretto_region_standing_get_flags            (DistrettoRegionStanding  *self);
guint                     distretto_region_standing_get_rank             (DistrettoRegionStanding  *self);
guint                     distretto_region_standing_get_n_ranked         (DistrettoRegionStanding  *self);
char                     *distretto_region_standing_dup_rank_text        (DistrettoRegionStanding  *self);
gboolean                  distretto_region_standing_get_rank_interval    (DistrettoRegionStanding  *self,
                                                                          guint                    *lower,
                                                                          guint                    *upper);
void                      distretto_region_standing_set_rank_interval    (DistrettoRegionStanding  *self,
                                                                          guint                     lower,
                                                                          guint                     upper);
gboolean                  distretto_region_standing_compute_rank_interval (DistrettoRegionStanding *self,
                                                                           DistrettoViewRequest    *request,
                                                                           GCancellable            *cancellable,
                                                                           GError                 **error);
DistrettoPerformanceGroup distretto_region_standing_get_group            (DistrettoRegionStanding  *self);
double                    distretto_region_standing_get_index            (DistrettoRegionStanding  *self);
gboolean                  distretto_region_standing_has_eu_reference     (DistrettoRegionStanding  *self);
guint                     distretto_region_standing_get_n_pillars        (DistrettoRegionStanding  *self);
const char               *distretto_region_standing_get_pillar_title     (DistrettoRegionStanding  *self,
                                                                          guint                     index);
double                    distretto_region_standing_get_pillar_value     (DistrettoRegionStanding  *self,
                                                                          guint                     index);
double                    distretto_region_standing_get_pillar_reference (DistrettoRegionStanding  *self,
                                                                          guint                     index);
double                    distretto_region_standing_get_pillar_peers     (DistrettoRegionStanding  *self,
                                                                          guint                     index);
double                    distretto_region_standing_get_pillar_percentile (DistrettoRegionStanding *self,
                                                                           guint                    index);
double                    distretto_region_standing_get_pillar_base_value (DistrettoRegionStanding *self,
                                                                           guint                    index);
int                       distretto_region_standing_get_base_year        (DistrettoRegionStanding  *self);
double                    distretto_region_standing_get_base_score       (DistrettoRegionStanding  *self);
char                    **distretto_region_standing_dup_sentences        (DistrettoRegionStanding  *self);

char                     *distretto_format_ordinal                       (guint                     n);

G_END_DECLS

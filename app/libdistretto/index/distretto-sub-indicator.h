/* distretto-sub-indicator.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "../data/distretto-dataset.h"
#include "../data/distretto-series.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_SUB_INDICATOR (distretto_sub_indicator_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoSubIndicator, distretto_sub_indicator, DISTRETTO, SUB_INDICATOR, GObject)

DistrettoSubIndicator *distretto_sub_indicator_new             (const char            *id,
                                                                const char            *label,
                                                                const char            *series);
const char            *distretto_sub_indicator_get_id          (DistrettoSubIndicator *self);
const char            *distretto_sub_indicator_get_label       (DistrettoSubIndicator *self);
const char            *distretto_sub_indicator_get_series      (DistrettoSubIndicator *self);
const char            *distretto_sub_indicator_get_denominator (DistrettoSubIndicator *self);
void                   distretto_sub_indicator_set_denominator (DistrettoSubIndicator *self,
                                                                const char            *denominator);
double                 distretto_sub_indicator_get_scale       (DistrettoSubIndicator *self);
void                   distretto_sub_indicator_set_scale       (DistrettoSubIndicator *self,
                                                                double                 scale);
DistrettoDirection     distretto_sub_indicator_get_direction   (DistrettoSubIndicator *self);
void                   distretto_sub_indicator_set_direction   (DistrettoSubIndicator *self,
                                                                DistrettoDirection     direction);
double                 distretto_sub_indicator_get_weight      (DistrettoSubIndicator *self);
void                   distretto_sub_indicator_set_weight      (DistrettoSubIndicator *self,
                                                                double                 weight);
gboolean               distretto_sub_indicator_get_parent_fallback (DistrettoSubIndicator *self);
void                   distretto_sub_indicator_set_parent_fallback (DistrettoSubIndicator *self,
                                                                    gboolean               parent_fallback);
void                   distretto_sub_indicator_add_alternative (DistrettoSubIndicator *self,
                                                                DistrettoSubIndicator *alternative);
guint                  distretto_sub_indicator_get_n_alternatives (DistrettoSubIndicator *self);
DistrettoSubIndicator *distretto_sub_indicator_get_alternative (DistrettoSubIndicator *self,
                                                                guint                  index);
DistrettoSubIndicator *distretto_sub_indicator_find_source     (DistrettoSubIndicator *self,
                                                                DistrettoDataset      *dataset,
                                                                GError               **error);
char                 **distretto_sub_indicator_dup_tables      (DistrettoSubIndicator *self);
double                 distretto_sub_indicator_get_raw_value   (DistrettoSubIndicator *self,
                                                                DistrettoDataset      *dataset,
                                                                const char            *region_code,
                                                                int                    year,
                                                                DistrettoFlags        *flags);

G_END_DECLS

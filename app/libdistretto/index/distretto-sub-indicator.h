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
#include "distretto-method.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_SUB_INDICATOR (distretto_sub_indicator_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoSubIndicator, distretto_sub_indicator, DISTRETTO, SUB_INDICATOR, GObject)

typedef struct _DistrettoPillar DistrettoPillar;

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
DistrettoTransform     distretto_sub_indicator_get_transform   (DistrettoSubIndicator *self);
void                   distretto_sub_indicator_set_transform   (DistrettoSubIndicator *self,
                                                                DistrettoTransform     transform);
gboolean               distretto_sub_indicator_get_national_frame (DistrettoSubIndicator *self);
void                   distretto_sub_indicator_set_national_frame (DistrettoSubIndicator *self,
                                                                   gboolean               national_frame);
void                   distretto_sub_indicator_set_goalposts   (DistrettoSubIndicator *self,
                                                                double                 lower,
                                                                double                 upper);
gboolean               distretto_sub_indicator_get_goalposts   (DistrettoSubIndicator *self,
                                                                double                *lower,
                                                                double                *upper);
void                   distretto_sub_indicator_add_factor      (DistrettoSubIndicator *self,
                                                                DistrettoSubIndicator *factor);
guint                  distretto_sub_indicator_get_n_factors   (DistrettoSubIndicator *self);
DistrettoSubIndicator *distretto_sub_indicator_get_factor      (DistrettoSubIndicator *self,
                                                                guint                  index);
DistrettoSubIndicator *distretto_sub_indicator_new_nested      (const char            *id,
                                                                const char            *label,
                                                                DistrettoPillar      **pillars,
                                                                guint                  n_pillars,
                                                                const DistrettoMethod *method);
guint                  distretto_sub_indicator_get_n_nested_pillars (DistrettoSubIndicator *self);
DistrettoPillar       *distretto_sub_indicator_get_nested_pillar (DistrettoSubIndicator *self,
                                                                  guint                  index);
const DistrettoMethod *distretto_sub_indicator_get_nested_method (DistrettoSubIndicator *self);
double                 distretto_sub_indicator_get_raw_value   (DistrettoSubIndicator *self,
                                                                DistrettoDataset      *dataset,
                                                                const char            *region_code,
                                                                int                    year,
                                                                DistrettoFlags        *flags);

G_END_DECLS

/* distretto-indicator-result.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "../data/distretto-flags.h"
#include "distretto-method.h"
#include "distretto-pipeline-report.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_INDICATOR_RESULT (distretto_indicator_result_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoIndicatorResult, distretto_indicator_result, DISTRETTO, INDICATOR_RESULT, GObject)

DistrettoIndicatorResult *distretto_indicator_result_new             (int                       year);
int                       distretto_indicator_result_get_year        (DistrettoIndicatorResult *self);
void                      distretto_indicator_result_add_score       (DistrettoIndicatorResult *self,
                                                                      const char               *region_code,
                                                                      double                    score,
                                                                      DistrettoFlags            flags);
guint                     distretto_indicator_result_get_n_scores    (DistrettoIndicatorResult *self);
const char               *distretto_indicator_result_get_region_code (DistrettoIndicatorResult *self,
                                                                      guint                     index);
double                    distretto_indicator_result_get_score       (DistrettoIndicatorResult *self,
                                                                      guint                     index);
DistrettoFlags            distretto_indicator_result_get_flags       (DistrettoIndicatorResult *self,
                                                                      guint                     index);
gboolean                  distretto_indicator_result_lookup          (DistrettoIndicatorResult *self,
                                                                      const char               *region_code,
                                                                      double                   *score,
                                                                      DistrettoFlags           *flags);

void                      distretto_indicator_result_set_rank        (DistrettoIndicatorResult *self,
                                                                      const char               *region_code,
                                                                      guint                     rank);
guint                     distretto_indicator_result_get_rank        (DistrettoIndicatorResult *self,
                                                                      const char               *region_code);
void                      distretto_indicator_result_set_group       (DistrettoIndicatorResult  *self,
                                                                      const char                *region_code,
                                                                      DistrettoPerformanceGroup  group);
DistrettoPerformanceGroup distretto_indicator_result_get_group       (DistrettoIndicatorResult *self,
                                                                      const char               *region_code);
void                      distretto_indicator_result_set_component   (DistrettoIndicatorResult *self,
                                                                      const char               *region_code,
                                                                      const char               *component_id,
                                                                      double                    score);
double                    distretto_indicator_result_get_component   (DistrettoIndicatorResult *self,
                                                                      const char               *region_code,
                                                                      const char               *component_id);
double                    distretto_indicator_result_get_reference   (DistrettoIndicatorResult *self);
void                      distretto_indicator_result_set_reference   (DistrettoIndicatorResult *self,
                                                                      double                    reference);
void                      distretto_indicator_result_set_subgroup    (DistrettoIndicatorResult     *self,
                                                                      const char                   *region_code,
                                                                      DistrettoPerformanceSubgroup  subgroup);
DistrettoPerformanceSubgroup distretto_indicator_result_get_subgroup (DistrettoIndicatorResult *self,
                                                                      const char               *region_code);
void                      distretto_indicator_result_set_relative_score (DistrettoIndicatorResult *self,
                                                                         const char               *region_code,
                                                                         double                    relative);
double                    distretto_indicator_result_get_relative_score (DistrettoIndicatorResult *self,
                                                                         const char               *region_code);
void                      distretto_indicator_result_set_coverage    (DistrettoIndicatorResult *self,
                                                                      const char               *region_code,
                                                                      double                    coverage,
                                                                      gboolean                  screened_out);
double                    distretto_indicator_result_get_coverage    (DistrettoIndicatorResult *self,
                                                                      const char               *region_code);
gboolean                  distretto_indicator_result_is_screened_out (DistrettoIndicatorResult *self,
                                                                      const char               *region_code);
char                    **distretto_indicator_result_dup_screened_out (DistrettoIndicatorResult *self);
DistrettoPipelineReport  *distretto_indicator_result_get_report      (DistrettoIndicatorResult *self);
void                      distretto_indicator_result_set_report      (DistrettoIndicatorResult *self,
                                                                      DistrettoPipelineReport  *report);
char                     *distretto_indicator_result_dup_notes       (DistrettoIndicatorResult *self,
                                                                      const char               *region_code);

G_END_DECLS

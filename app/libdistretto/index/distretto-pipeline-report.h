/* distretto-pipeline-report.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "distretto-method.h"

G_BEGIN_DECLS

/**
 * DistrettoPipelineStep:
 * @DISTRETTO_PIPELINE_STEP_SCREENING: regions with too little data left out
 * @DISTRETTO_PIPELINE_STEP_CARRY_FORWARD: values up to some years old
 *   standing for a year without one
 * @DISTRETTO_PIPELINE_STEP_IMPUTATION: missing values filled
 * @DISTRETTO_PIPELINE_STEP_OUTLIERS: outliers winsorised, skewed
 *   sub-indicators transformed
 * @DISTRETTO_PIPELINE_STEP_NORMALISATION: sub-indicators brought to one
 *   scale per NUTS level
 * @DISTRETTO_PIPELINE_STEP_WEIGHTS: the weight of each pillar and
 *   sub-indicator
 * @DISTRETTO_PIPELINE_STEP_AGGREGATION: sub-indicators combined into
 *   pillars, pillars into the index
 * @DISTRETTO_PIPELINE_STEP_REFERENCE: the index relative to the EU (= 100)
 * @DISTRETTO_PIPELINE_STEP_GROUPS: performance groups and subgroups
 * @DISTRETTO_PIPELINE_STEP_RANKS: ranks, ties sharing one
 *
 * The steps of the composite-indicator pipeline, in the order they run.
 */
typedef enum
{
  DISTRETTO_PIPELINE_STEP_SCREENING,
  DISTRETTO_PIPELINE_STEP_CARRY_FORWARD,
  DISTRETTO_PIPELINE_STEP_IMPUTATION,
  DISTRETTO_PIPELINE_STEP_OUTLIERS,
  DISTRETTO_PIPELINE_STEP_NORMALISATION,
  DISTRETTO_PIPELINE_STEP_WEIGHTS,
  DISTRETTO_PIPELINE_STEP_AGGREGATION,
  DISTRETTO_PIPELINE_STEP_REFERENCE,
  DISTRETTO_PIPELINE_STEP_GROUPS,
  DISTRETTO_PIPELINE_STEP_RANKS,
} DistrettoPipelineStep;

/**
 * DISTRETTO_PIPELINE_N_STEPS:
 *
 * How many #DistrettoPipelineStep there are.
 */
#define DISTRETTO_PIPELINE_N_STEPS (DISTRETTO_PIPELINE_STEP_RANKS + 1)

#define DISTRETTO_TYPE_PIPELINE_REPORT (distretto_pipeline_report_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoPipelineReport, distretto_pipeline_report, DISTRETTO, PIPELINE_REPORT, GObject)

const char *distretto_pipeline_step_get_title            (DistrettoPipelineStep    step);

int         distretto_pipeline_report_get_year           (DistrettoPipelineReport *self);
int         distretto_pipeline_report_get_level          (DistrettoPipelineReport *self);
const char *distretto_pipeline_report_get_parameters     (DistrettoPipelineReport *self,
                                                          DistrettoPipelineStep    step);
const char *distretto_pipeline_report_get_summary        (DistrettoPipelineReport *self,
                                                          DistrettoPipelineStep    step);
guint       distretto_pipeline_report_get_n_actions      (DistrettoPipelineReport *self,
                                                          DistrettoPipelineStep    step);
const char *distretto_pipeline_report_get_action_text    (DistrettoPipelineReport *self,
                                                          DistrettoPipelineStep    step,
                                                          guint                    index);
void        distretto_pipeline_report_get_action         (DistrettoPipelineReport *self,
                                                          DistrettoPipelineStep    step,
                                                          guint                    index,
                                                          const char             **region_code,
                                                          const char             **component_id,
                                                          int                     *level,
                                                          int                     *year,
                                                          double                  *before,
                                                          double                  *after);
guint       distretto_pipeline_report_count_regions      (DistrettoPipelineReport *self,
                                                          DistrettoPipelineStep    step,
                                                          int                      level);
char      **distretto_pipeline_report_dup_screened_out   (DistrettoPipelineReport *self,
                                                          int                      level);
char       *distretto_pipeline_report_dup_region_notes   (DistrettoPipelineReport *self,
                                                          const char              *region_code);

G_END_DECLS

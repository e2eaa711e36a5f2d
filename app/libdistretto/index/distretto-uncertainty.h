/* distretto-uncertainty.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <gio/gio.h>

#include "../data/distretto-dataset.h"
#include "distretto-method.h"
#include "distretto-pillar.h"
#include "distretto-progress.h"

G_BEGIN_DECLS

/**
 * DistrettoAssumption:
 * @DISTRETTO_ASSUMPTION_WEIGHTS: every weight, each multiplied by a
 *   factor drawn between 1 − spread and 1 + spread
 * @DISTRETTO_ASSUMPTION_NORMALISATION: the normalisation
 * @DISTRETTO_ASSUMPTION_AGGREGATION: the aggregation across pillars
 *   (within pillars it stays the method's)
 * @DISTRETTO_ASSUMPTION_IMPUTATION: the imputation
 * @DISTRETTO_ASSUMPTION_OUTLIERS: the outlier treatment
 *
 * The choices of a composite indicator an uncertainty analysis varies.
 */
typedef enum
{
  DISTRETTO_ASSUMPTION_WEIGHTS,
  DISTRETTO_ASSUMPTION_NORMALISATION,
  DISTRETTO_ASSUMPTION_AGGREGATION,
  DISTRETTO_ASSUMPTION_IMPUTATION,
  DISTRETTO_ASSUMPTION_OUTLIERS,
} DistrettoAssumption;

/**
 * DISTRETTO_N_ASSUMPTIONS:
 *
 * How many #DistrettoAssumption there are.
 */
#define DISTRETTO_N_ASSUMPTIONS (DISTRETTO_ASSUMPTION_OUTLIERS + 1)

const char *distretto_assumption_get_title (DistrettoAssumption assumption);

#define DISTRETTO_TYPE_UNCERTAINTY_SPEC (distretto_uncertainty_spec_get_type ())

/**
 * DistrettoUncertaintySpec:
 *
 * What an uncertainty analysis varies and how long it runs: the
 * alternatives of each assumption, the spread of the weights, the number
 * of Monte Carlo runs and the seed. A module declares its own
 * (distretto_indicator_definition_set_uncertainty()); the defaults follow
 * the OECD/JRC handbook and COINr's `get_sensitivity`.
 */
typedef struct _DistrettoUncertaintySpec DistrettoUncertaintySpec;

GType                     distretto_uncertainty_spec_get_type          (void) G_GNUC_CONST;
DistrettoUncertaintySpec *distretto_uncertainty_spec_new               (void);
DistrettoUncertaintySpec *distretto_uncertainty_spec_copy              (const DistrettoUncertaintySpec *self);
void                      distretto_uncertainty_spec_free              (DistrettoUncertaintySpec       *self);
guint                     distretto_uncertainty_spec_get_runs          (const DistrettoUncertaintySpec *self);
void                      distretto_uncertainty_spec_set_runs          (DistrettoUncertaintySpec       *self,
                                                                        guint                           runs);
guint32                   distretto_uncertainty_spec_get_seed          (const DistrettoUncertaintySpec *self);
void                      distretto_uncertainty_spec_set_seed          (DistrettoUncertaintySpec       *self,
                                                                        guint32                         seed);
double                    distretto_uncertainty_spec_get_weight_spread (const DistrettoUncertaintySpec *self);
void                      distretto_uncertainty_spec_set_weight_spread (DistrettoUncertaintySpec       *self,
                                                                        double                          spread);
void                      distretto_uncertainty_spec_set_alternatives  (DistrettoUncertaintySpec       *self,
                                                                        DistrettoAssumption             assumption,
                                                                        const int                      *values,
                                                                        guint                           n_values);
int                      *distretto_uncertainty_spec_dup_alternatives  (const DistrettoUncertaintySpec *self,
                                                                        DistrettoAssumption             assumption,
                                                                        guint                          *n_values);
gboolean                  distretto_uncertainty_spec_is_uncertain      (const DistrettoUncertaintySpec *self,
                                                                        DistrettoAssumption             assumption);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DistrettoUncertaintySpec, distretto_uncertainty_spec_free)

#define DISTRETTO_TYPE_UNCERTAINTY (distretto_uncertainty_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoUncertainty, distretto_uncertainty, DISTRETTO, UNCERTAINTY, GObject)

DistrettoUncertainty *distretto_uncertainty_compute          (DistrettoPillar               **pillars,
                                                              guint                           n_pillars,
                                                              const DistrettoMethod          *method,
                                                              const DistrettoUncertaintySpec *spec,
                                                              DistrettoDataset               *dataset,
                                                              int                             year,
                                                              DistrettoProgress              *progress,
                                                              GCancellable                   *cancellable,
                                                              GError                        **error);
int                   distretto_uncertainty_get_year         (DistrettoUncertainty *self);
int                   distretto_uncertainty_get_level        (DistrettoUncertainty *self);
guint                 distretto_uncertainty_get_runs         (DistrettoUncertainty *self);
guint                 distretto_uncertainty_get_n_evaluations (DistrettoUncertainty *self);
guint32               distretto_uncertainty_get_seed         (DistrettoUncertainty *self);
guint                 distretto_uncertainty_get_n_threads    (DistrettoUncertainty *self);
guint                 distretto_uncertainty_get_n_regions    (DistrettoUncertainty *self);
const char           *distretto_uncertainty_get_region_code  (DistrettoUncertainty *self,
                                                              guint                 index);
int                   distretto_uncertainty_find_region      (DistrettoUncertainty *self,
                                                              const char           *region_code);
double                distretto_uncertainty_get_nominal_score (DistrettoUncertainty *self,
                                                               guint                 index);
guint                 distretto_uncertainty_get_nominal_rank (DistrettoUncertainty *self,
                                                              guint                 index);
DistrettoPerformanceGroup distretto_uncertainty_get_nominal_group (DistrettoUncertainty *self,
                                                                   guint                 index);
double                distretto_uncertainty_get_median_rank  (DistrettoUncertainty *self,
                                                              guint                 index);
void                  distretto_uncertainty_get_rank_interval (DistrettoUncertainty *self,
                                                               guint                 index,
                                                               double               *lower,
                                                               double               *upper);
double                distretto_uncertainty_get_group_probability (DistrettoUncertainty      *self,
                                                                   guint                      index,
                                                                   DistrettoPerformanceGroup  group);
guint                 distretto_uncertainty_get_n_assumptions (DistrettoUncertainty *self);
DistrettoAssumption   distretto_uncertainty_get_assumption   (DistrettoUncertainty *self,
                                                              guint                 index);
double                distretto_uncertainty_get_first_order  (DistrettoUncertainty *self,
                                                              guint                 index);
double                distretto_uncertainty_get_total_order  (DistrettoUncertainty *self,
                                                              guint                 index);
guint                 distretto_uncertainty_get_n_removed    (DistrettoUncertainty *self);
const char           *distretto_uncertainty_get_removed_id   (DistrettoUncertainty *self,
                                                              guint                 index);
double                distretto_uncertainty_get_removed_mean_shift (DistrettoUncertainty *self,
                                                                    guint                 index);
guint                 distretto_uncertainty_get_removed_max_shift  (DistrettoUncertainty *self,
                                                                    guint                 index);
double                distretto_uncertainty_get_mean_shift   (DistrettoUncertainty *self);

void                  distretto_sobol_estimate               (const double *f_a,
                                                              const double *f_b,
                                                              const double *f_ab,
                                                              guint         n_runs,
                                                              guint         n_factors,
                                                              double       *first_order,
                                                              double       *total_order);

G_END_DECLS

/* distretto-uncertainty-private.h: what the Monte Carlo fills in
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "distretto-uncertainty.h"

G_BEGIN_DECLS

/* Performance groups, DISTRETTO_PERFORMANCE_GROUP_NONE to _LEADER. */
#define N_GROUPS 5

typedef struct
{
  char *code;
  double nominal_score;
  guint nominal_rank;
  DistrettoPerformanceGroup nominal_group;
  double median;
  double lower;           /* 5th percentile of the rank */
  double upper;           /* 95th */
  double groups[N_GROUPS];
} DistrettoUncertaintyRegion;

typedef struct
{
  DistrettoAssumption assumption;
  double first_order;
  double total_order;
} DistrettoUncertaintyIndex;

typedef struct
{
  char *id;
  double mean_shift;
  guint max_shift;
} DistrettoUncertaintyRemoved;

struct _DistrettoUncertainty
{
  GObject parent_instance;

  int year;
  int level;
  guint runs;
  guint n_evaluations;
  guint32 seed;
  guint n_threads;
  double mean_shift;
  GArray *regions;        /* DistrettoUncertaintyRegion, by nominal rank */
  GArray *indices;        /* DistrettoUncertaintyIndex, per uncertain assumption */
  GArray *removed;        /* DistrettoUncertaintyRemoved, per sub-indicator */
};

DistrettoUncertainty *_distretto_uncertainty_new   (void);
gboolean              _distretto_monte_carlo_run   (DistrettoUncertainty           *self,
                                                    DistrettoPillar               **pillars,
                                                    guint                           n_pillars,
                                                    const DistrettoMethod          *method,
                                                    const DistrettoUncertaintySpec *spec,
                                                    DistrettoDataset               *dataset,
                                                    int                             year,
                                                    DistrettoProgress              *progress,
                                                    GCancellable                   *cancellable,
                                                    GError                        **error);
const int            *_distretto_uncertainty_spec_get_alternatives (const DistrettoUncertaintySpec *self,
                                                                    DistrettoAssumption             assumption,
                                                                    guint                          *n_values);
char                 *_distretto_uncertainty_spec_dup_key (const DistrettoUncertaintySpec *self);

G_END_DECLS

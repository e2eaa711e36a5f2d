/* distretto-index.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include "../data/distretto-dataset.h"
#include "distretto-indicator-result.h"
#include "distretto-method.h"
#include "distretto-pillar.h"

G_BEGIN_DECLS

DistrettoIndicatorResult *distretto_index_compute (DistrettoPillar       **pillars,
                                                   guint                   n_pillars,
                                                   const DistrettoMethod  *method,
                                                   DistrettoDataset       *dataset,
                                                   int                     year);

G_END_DECLS

/* distretto-weights.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "../index/distretto-indicator-result.h"

G_BEGIN_DECLS

double *distretto_weights_dup_effective (DistrettoIndicatorResult *result,
                                         const char * const       *component_ids,
                                         const char * const       *region_codes,
                                         guint                    *n_weights);

G_END_DECLS

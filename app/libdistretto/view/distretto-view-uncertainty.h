/* distretto-view-uncertainty.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include "../chart/distretto-chart.h"
#include "../index/distretto-uncertainty.h"
#include "distretto-view-request.h"

G_BEGIN_DECLS

DistrettoMethod *distretto_view_request_dup_method       (DistrettoViewRequest *request);
DistrettoChart  *distretto_view_build_uncertainty_chart  (DistrettoViewRequest *request,
                                                          DistrettoUncertainty *uncertainty);
DistrettoChart  *distretto_view_build_sensitivity_chart  (DistrettoViewRequest *request,
                                                          DistrettoUncertainty *uncertainty);

G_END_DECLS

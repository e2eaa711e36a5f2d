/* distretto-trend.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <distretto.h>

#include "distretto-module.h"

G_BEGIN_DECLS

/* Regions drawn when none are asked for: the top of the latest ranking. */
#define DISTRETTO_TREND_DEFAULT_REGIONS 5

DistrettoChart *distretto_trend_chart_build (DistrettoModule    *module,
                                             DistrettoDataset   *dataset,
                                             const char * const *region_codes,
                                             GError            **error);

G_END_DECLS

/* distretto-profile-charts.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <distretto.h>

#include "distretto-module.h"

G_BEGIN_DECLS

/* Regions a scatter names when none are asked for: the top of the ranking. */
#define DISTRETTO_SCATTER_DEFAULT_LABELS 5

DistrettoChart *distretto_radar_chart_build   (DistrettoModule    *module,
                                               DistrettoDataset   *dataset,
                                               const char * const *region_codes,
                                               GError            **error);
DistrettoChart *distretto_scatter_chart_build (DistrettoModule    *module,
                                               DistrettoDataset   *dataset,
                                               const char * const *region_codes,
                                               GError            **error);
DistrettoChart *distretto_heatmap_chart_build (DistrettoModule    *module,
                                               DistrettoDataset   *dataset,
                                               GError            **error);

G_END_DECLS

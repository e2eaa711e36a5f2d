/* distretto-ranking.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <distretto.h>

#include "distretto-module.h"

G_BEGIN_DECLS

/* Regions of this NUTS level are ranked. */
#define DISTRETTO_RANKING_LEVEL 2

const char     *distretto_ranking_source_line (DistrettoFlags     flags_used);
gboolean        distretto_ranking_is_ranked   (DistrettoRegion   *region);
const char     *distretto_ranking_find_eu     (DistrettoIndicatorResult *result);
GPtrArray      *distretto_ranking_dup_regions (DistrettoIndicatorResult *result,
                                               DistrettoDataset         *dataset);
gboolean        distretto_ranking_check_regions (DistrettoDataset    *dataset,
                                                 const char * const  *region_codes,
                                                 GError             **error);
DistrettoChart *distretto_ranking_chart_build (DistrettoModule   *module,
                                               DistrettoDataset  *dataset,
                                               GError           **error);

G_END_DECLS

/* distretto-map.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <distretto.h>

#include "distretto-module.h"

G_BEGIN_DECLS

DistrettoChart *distretto_map_chart_build (DistrettoModule      *module,
                                           DistrettoDataset     *dataset,
                                           DistrettoBoundaries  *boundaries,
                                           GError              **error);

G_END_DECLS

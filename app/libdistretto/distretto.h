/* distretto.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define DISTRETTO_INSIDE

#include "data/distretto-boundaries.h"
#include "data/distretto-cached-table.h"
#include "data/distretto-data-format.h"
#include "data/distretto-dataset.h"
#include "data/distretto-dataset-loader.h"
#include "data/distretto-eurostat-fetcher.h"
#include "distretto-enums.h"
#include "data/distretto-file-writer.h"
#include "data/distretto-flags.h"
#include "data/distretto-import-error.h"
#include "data/distretto-nuts.h"
#include "data/distretto-nuts-report.h"
#include "data/distretto-region.h"
#include "data/distretto-selector.h"
#include "data/distretto-series.h"
#include "data/distretto-source.h"
#include "data/distretto-tidy-csv.h"
#include "index/distretto-coherence.h"
#include "index/distretto-index.h"
#include "index/distretto-method.h"
#include "index/distretto-pillar.h"
#include "index/distretto-pipeline-report.h"
#include "index/distretto-progress.h"
#include "index/distretto-sub-indicator.h"
#include "index/distretto-uncertainty.h"
#include "chart/distretto-chart.h"
#include "chart/distretto-chart-axes.h"
#include "chart/distretto-chart-export.h"
#include "chart/distretto-chart-style.h"
#include "plugin/distretto-indicator.h"
#include "plugin/distretto-indicator-definition.h"
#include "view/distretto-peers.h"
#include "view/distretto-region-standing.h"
#include "view/distretto-view.h"
#include "view/distretto-view-request.h"
#include "view/distretto-region-report.h"
#include "view/distretto-result-cache.h"
#include "view/distretto-view-uncertainty.h"
#include "view/distretto-weights.h"
#include "index/distretto-indicator-result.h"

#undef DISTRETTO_INSIDE

/* distretto-chart-style.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-chart-style.h"

#define OKABE_ITO_LINES { \
      { 0.000, 0.447, 0.698 }, \
      { 0.902, 0.624, 0.000 }, \
      { 0.000, 0.620, 0.451 }, \
      { 0.835, 0.369, 0.000 }, \
      { 0.800, 0.475, 0.655 }, \
      { 0.337, 0.706, 0.914 }, \
      { 0.941, 0.894, 0.259 }, \
    }

static const DistrettoChartPalette palettes[] = {
  [DISTRETTO_CHART_STYLE_LIGHT] = {
    .background = { 0.980, 0.980, 0.980 },
    .foreground = { 0.141, 0.141, 0.141 },
    .muted      = { 0.380, 0.380, 0.380 },
    .grid       = { 0.850, 0.850, 0.850 },
    .bar        = { 0.000, 0.447, 0.698 },
    .reference  = { 0.141, 0.141, 0.141 },
    .categories = {
      { 0.000, 0.447, 0.698 },
      { 0.337, 0.706, 0.914 },
      { 0.902, 0.624, 0.000 },
      { 0.835, 0.369, 0.000 },
    },
    .lines = OKABE_ITO_LINES,
  },
  [DISTRETTO_CHART_STYLE_DARK] = {
    .background = { 0.141, 0.141, 0.141 },
    .foreground = { 0.960, 0.960, 0.960 },
    .muted      = { 0.700, 0.700, 0.700 },
    .grid       = { 0.290, 0.290, 0.290 },
    .bar        = { 0.337, 0.706, 0.914 },
    .reference  = { 0.960, 0.960, 0.960 },
    .categories = {
      { 0.000, 0.447, 0.698 },
      { 0.337, 0.706, 0.914 },
      { 0.902, 0.624, 0.000 },
      { 0.835, 0.369, 0.000 },
    },
    .lines = OKABE_ITO_LINES,
  },
  [DISTRETTO_CHART_STYLE_PRINT] = {
    .background = { 1.000, 1.000, 1.000 },
    .foreground = { 0.000, 0.000, 0.000 },
    .muted      = { 0.333, 0.333, 0.333 },
    .grid       = { 0.867, 0.867, 0.867 },
    .bar        = { 0.000, 0.447, 0.698 },
    .reference  = { 0.000, 0.000, 0.000 },
    .categories = {
      { 0.000, 0.447, 0.698 },
      { 0.337, 0.706, 0.914 },
      { 0.902, 0.624, 0.000 },
      { 0.835, 0.369, 0.000 },
    },
    .lines = OKABE_ITO_LINES,
  },
};

/**
 * distretto_chart_style_get_palette: (skip)
 * @style: a #DistrettoChartStyle
 *
 * Returns: (transfer none): the colours of @style
 */
const DistrettoChartPalette *
distretto_chart_style_get_palette (DistrettoChartStyle style)
{
  g_return_val_if_fail (style <= DISTRETTO_CHART_STYLE_PRINT, &palettes[0]);

  return &palettes[style];
}

/* distretto-chart-style.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

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

/* Performance groups, best first (Leader, Strong, Moderate, Emerging), the
 * same in every style: Okabe–Ito blue, sky blue, orange and vermillion. The
 * last is also the colour of warnings. */
#define PERFORMANCE_GROUPS { \
      { 0.000, 0.447, 0.698 }, \
      { 0.337, 0.706, 0.914 }, \
      { 0.902, 0.624, 0.000 }, \
      { 0.835, 0.369, 0.000 }, \
    }

static const DistrettoChartPalette palettes[] = {
  [DISTRETTO_CHART_STYLE_LIGHT] = {
    .background = { 0.980, 0.980, 0.980 },
    .foreground = { 0.141, 0.141, 0.141 },
    .muted      = { 0.380, 0.380, 0.380 },
    .grid       = { 0.850, 0.850, 0.850 },
    .bar        = { 0.000, 0.447, 0.698 },
    .reference  = { 0.141, 0.141, 0.141 },
    .categories = PERFORMANCE_GROUPS,
    .lines = OKABE_ITO_LINES,
  },
  [DISTRETTO_CHART_STYLE_DARK] = {
    .background = { 0.141, 0.141, 0.141 },
    .foreground = { 0.960, 0.960, 0.960 },
    .muted      = { 0.700, 0.700, 0.700 },
    .grid       = { 0.290, 0.290, 0.290 },
    .bar        = { 0.337, 0.706, 0.914 },
    .reference  = { 0.960, 0.960, 0.960 },
    .categories = PERFORMANCE_GROUPS,
    .lines = OKABE_ITO_LINES,
  },
  [DISTRETTO_CHART_STYLE_PRINT] = {
    .background = { 1.000, 1.000, 1.000 },
    .foreground = { 0.000, 0.000, 0.000 },
    .muted      = { 0.333, 0.333, 0.333 },
    .grid       = { 0.867, 0.867, 0.867 },
    .bar        = { 0.000, 0.447, 0.698 },
    .reference  = { 0.000, 0.000, 0.000 },
    .categories = PERFORMANCE_GROUPS,
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

#define N_STOPS 9
#define RGB(hex) { ((hex) >> 16) / 255.0, (((hex) >> 8) & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* Each scheme sampled at 9 evenly spaced positions, interpolated between. */
static const DistrettoChartColor schemes[][N_STOPS] = {
  [DISTRETTO_COLOR_SCHEME_VIRIDIS] = {
    RGB (0x440154), RGB (0x472d7b), RGB (0x3b528b), RGB (0x2c728e), RGB (0x21918c),
    RGB (0x28ae80), RGB (0x5ec962), RGB (0xaddc30), RGB (0xfde725),
  },
  [DISTRETTO_COLOR_SCHEME_CIVIDIS] = {
    RGB (0x00224e), RGB (0x123570), RGB (0x3b496c), RGB (0x575d6d), RGB (0x707173),
    RGB (0x8a8678), RGB (0xa59c74), RGB (0xc3b369), RGB (0xfee838),
  },
  [DISTRETTO_COLOR_SCHEME_DIVERGING] = {
    RGB (0xb35806), RGB (0xe08214), RGB (0xfdb863), RGB (0xfee0b6), RGB (0xf7f7f7),
    RGB (0xd8daeb), RGB (0xb2abd2), RGB (0x8073ac), RGB (0x542788),
  },
};

#undef RGB

/**
 * distretto_color_scheme_get_color:
 * @scheme: a #DistrettoColorScheme
 * @position: where on the scale, from 0 (lowest) to 1 (highest); values
 *   outside are clamped, NaN is the middle
 * @color: (out caller-allocates): the colour at @position
 *
 * The colour of a value on a continuous scale: the scheme's samples
 * interpolated linearly in RGB.
 */
void
distretto_color_scheme_get_color (DistrettoColorScheme  scheme,
                                  double                position,
                                  DistrettoChartColor  *color)
{
  const DistrettoChartColor *stops;
  double scaled, fraction;
  int i;

  g_return_if_fail (scheme <= DISTRETTO_COLOR_SCHEME_DIVERGING);
  g_return_if_fail (color != NULL);

  stops = schemes[scheme];
  if (isnan (position))
    position = 0.5;
  position = CLAMP (position, 0.0, 1.0);

  scaled = position * (N_STOPS - 1);
  i = MIN ((int) scaled, N_STOPS - 2);
  fraction = scaled - i;

  color->red = stops[i].red + fraction * (stops[i + 1].red - stops[i].red);
  color->green = stops[i].green + fraction * (stops[i + 1].green - stops[i].green);
  color->blue = stops[i].blue + fraction * (stops[i + 1].blue - stops[i].blue);
}

/**
 * distretto_chart_style_get_rgb:
 * @style: a #DistrettoChartStyle
 * @role: what the colour is for
 * @red: (out): its red, 0 to 1
 * @green: (out): its green, 0 to 1
 * @blue: (out): its blue, 0 to 1
 *
 * One colour of a style, for a module's own view to draw in the colours
 * of the charts around it; see distretto_chart_style_get_for_context().
 */
void
distretto_chart_style_get_rgb (DistrettoChartStyle      style,
                               DistrettoChartColorRole  role,
                               double                  *red,
                               double                  *green,
                               double                  *blue)
{
  const DistrettoChartPalette *palette = distretto_chart_style_get_palette (style);
  const DistrettoChartColor *colors[] = {
    [DISTRETTO_CHART_COLOR_BACKGROUND] = &palette->background,
    [DISTRETTO_CHART_COLOR_FOREGROUND] = &palette->foreground,
    [DISTRETTO_CHART_COLOR_MUTED] = &palette->muted,
    [DISTRETTO_CHART_COLOR_GRID] = &palette->grid,
    [DISTRETTO_CHART_COLOR_BAR] = &palette->bar,
    [DISTRETTO_CHART_COLOR_REFERENCE] = &palette->reference,
  };
  const DistrettoChartColor *color;

  g_return_if_fail ((guint) role < G_N_ELEMENTS (colors));

  color = colors[role];
  *red = color->red;
  *green = color->green;
  *blue = color->blue;
}

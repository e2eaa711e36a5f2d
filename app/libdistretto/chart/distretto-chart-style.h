/* distretto-chart-style.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/**
 * DistrettoChartStyle:
 * @DISTRETTO_CHART_STYLE_LIGHT: light background, for the screen
 * @DISTRETTO_CHART_STYLE_DARK: dark background, for the screen
 * @DISTRETTO_CHART_STYLE_PRINT: white background, for files and paper
 *
 * How a chart is coloured.
 */
typedef enum
{
  DISTRETTO_CHART_STYLE_LIGHT,
  DISTRETTO_CHART_STYLE_DARK,
  DISTRETTO_CHART_STYLE_PRINT,
} DistrettoChartStyle;

/**
 * DistrettoChartColor:
 * @red: red, 0 to 1
 * @green: green, 0 to 1
 * @blue: blue, 0 to 1
 *
 * An opaque colour of a chart palette.
 */
typedef struct
{
  double red;
  double green;
  double blue;
} DistrettoChartColor;

/**
 * DISTRETTO_CHART_N_CATEGORIES:
 *
 * How many categories a chart can colour apart.
 */
#define DISTRETTO_CHART_N_CATEGORIES 4

/**
 * DISTRETTO_CHART_N_LINE_COLORS:
 *
 * How many lines of a trend get colours of their own; more lines reuse
 * them in order.
 */
#define DISTRETTO_CHART_N_LINE_COLORS 7

/**
 * DistrettoChartPalette:
 * @background: the chart's background
 * @foreground: titles and labels
 * @muted: subtitles, notes and tick labels
 * @grid: grid lines
 * @bar: ranking bars (Okabe–Ito blue, safe for colour-blind readers)
 * @reference: the reference line
 * @categories: the colours of categories such as performance groups, in
 *   order (Okabe–Ito: blue, sky blue, orange, vermillion)
 * @lines: the colours of a trend's lines, in order (Okabe–Ito: blue,
 *   orange, bluish green, vermillion, reddish purple, sky blue, yellow)
 *
 * The colours of one #DistrettoChartStyle.
 */
typedef struct
{
  DistrettoChartColor background;
  DistrettoChartColor foreground;
  DistrettoChartColor muted;
  DistrettoChartColor grid;
  DistrettoChartColor bar;
  DistrettoChartColor reference;
  DistrettoChartColor categories[DISTRETTO_CHART_N_CATEGORIES];
  DistrettoChartColor lines[DISTRETTO_CHART_N_LINE_COLORS];
} DistrettoChartPalette;

/**
 * DistrettoColorScheme:
 * @DISTRETTO_COLOR_SCHEME_VIRIDIS: sequential, dark purple to yellow
 * @DISTRETTO_COLOR_SCHEME_CIVIDIS: sequential, dark blue to yellow, made
 *   to look the same to readers with red–green colour blindness
 * @DISTRETTO_COLOR_SCHEME_DIVERGING: orange below the middle, light grey at
 *   it, purple above (ColorBrewer's PuOr), for values around a reference
 *
 * A continuous colour scale for values, safe for colour-blind readers.
 */
typedef enum
{
  DISTRETTO_COLOR_SCHEME_VIRIDIS,
  DISTRETTO_COLOR_SCHEME_CIVIDIS,
  DISTRETTO_COLOR_SCHEME_DIVERGING,
} DistrettoColorScheme;

/**
 * DistrettoChartColorRole:
 * @DISTRETTO_CHART_COLOR_BACKGROUND: the chart's background
 * @DISTRETTO_CHART_COLOR_FOREGROUND: text and axes
 * @DISTRETTO_CHART_COLOR_MUTED: secondary text: units, sources, notes
 * @DISTRETTO_CHART_COLOR_GRID: grid lines
 * @DISTRETTO_CHART_COLOR_BAR: bars without a category
 * @DISTRETTO_CHART_COLOR_REFERENCE: reference lines
 *
 * What a colour of a style is for.
 */
typedef enum
{
  DISTRETTO_CHART_COLOR_BACKGROUND,
  DISTRETTO_CHART_COLOR_FOREGROUND,
  DISTRETTO_CHART_COLOR_MUTED,
  DISTRETTO_CHART_COLOR_GRID,
  DISTRETTO_CHART_COLOR_BAR,
  DISTRETTO_CHART_COLOR_REFERENCE,
} DistrettoChartColorRole;

const DistrettoChartPalette *distretto_chart_style_get_palette (DistrettoChartStyle style);
void                         distretto_chart_style_get_rgb     (DistrettoChartStyle      style,
                                                                DistrettoChartColorRole  role,
                                                                double                  *red,
                                                                double                  *green,
                                                                double                  *blue);
DistrettoChartStyle          distretto_chart_style_get_for_context (cairo_t *cr);
const char                  *distretto_chart_get_selected_for_context (cairo_t *cr);
void distretto_color_scheme_get_color (DistrettoColorScheme  scheme,
                                       double                position,
                                       DistrettoChartColor  *color);

G_END_DECLS
